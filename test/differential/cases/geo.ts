// Geo commands (geo.c): GEOADD's options and coordinate checks, the stored
// 52-bit scores, GEOPOS/GEOHASH/GEODIST text, every GEOSEARCH/GEORADIUS option
// and error, the searched cells near the poles and the antimeridian, STORE
// forms with their encodings, RESP3 shapes and WRONGTYPE.
import type { Case, Cmd } from '../case.ts';

/** The same case again over RESP3 (coordinates become doubles there). */
const withResp3 = (cs: Case[]): Case[] => cs.flatMap((k) => [k, { ...k, name: `${k.name} resp3`, resp3: true }]);
const all = (key: string): Cmd => ['ZRANGE', key, '0', '-1', 'WITHSCORES'];

const SICILY: Cmd = ['GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania'];
/** Real places around the world (lon, lat, name). */
const CITIES: [string, string, string][] = [
  ['-0.1276', '51.5072', 'London'], ['2.3522', '48.8566', 'Paris'], ['13.4050', '52.5200', 'Berlin'],
  ['-74.0060', '40.7128', 'NewYork'], ['-118.2437', '34.0522', 'LosAngeles'], ['139.6917', '35.6895', 'Tokyo'],
  ['151.2093', '-33.8688', 'Sydney'], ['-43.1729', '-22.9068', 'Rio'], ['18.4241', '-33.9249', 'CapeTown'],
  ['37.6173', '55.7558', 'Moscow'], ['103.8198', '1.3521', 'Singapore'], ['-58.3816', '-34.6037', 'BuenosAires'],
  ['174.7633', '-36.8485', 'Auckland'], ['-149.9003', '61.2181', 'Anchorage'], ['-21.9426', '64.1466', 'Reykjavik'],
  ['15.6356', '78.2232', 'Longyearbyen'], ['-68.3030', '-54.8019', 'Ushuaia'], ['179.9', '-16.5', 'FijiEast'],
  ['-179.9', '-16.6', 'FijiWest'], ['0', '0', 'NullIsland'],
];
const WORLD: Cmd = ['GEOADD', 'world', ...CITIES.flat()];

/** Points on both sides of the antimeridian and close to the indexable pole limits. */
const EDGES: Cmd = [
  'GEOADD', 'edge', '179.999', '0', 'e1', '-179.999', '0', 'w1', '180', '0', 'e180', '-180', '0', 'w180',
  '179.5', '10', 'e2', '-179.5', '10', 'w2', '0', '85.05112878', 'top', '0', '-85.05112878', 'bottom',
  '90', '85', 'n1', '-90', '85', 'n2', '180', '85.05', 'n3', '10', '-85', 's1', '-170', '-84.9', 's2',
  '180', '85.05112878', 'corner', '-180', '-85.05112878', 'corner2',
];

// GEOADD: options (every NX/XX/CH combination) on an existing and a new member.
const OPTION_SETS = [[], ['NX'], ['XX'], ['CH'], ['NX', 'CH'], ['XX', 'CH'], ['CH', 'XX'], ['nx', 'xx'], ['ch', 'ch'], ['NX', 'XX', 'CH']];
const geoaddOptionCases: Case[] = OPTION_SETS.map((opts) => ({
  name: `geoadd options [${opts.join(' ')}]`,
  cmds: [
    SICILY,
    ['GEOADD', 'Sicily', ...opts, '13.4', '38.1', 'Palermo', '12.5', '37.8', 'Marsala'],
    ['GEOADD', 'Sicily', ...opts, '13.4', '38.1', 'Palermo'],
    ['GEOADD', 'missing', ...opts, '1', '2', 'a'],
    all('Sicily'),
    ['EXISTS', 'missing'],
  ],
}));

// GEOADD argument shapes and the coordinates it refuses (the error prints them with %f).
const COORDS: [string, string][] = [
  ['200', '100'], ['-181', '0'], ['181', '0'], ['0', '86'], ['0', '-86'], ['180', '85.05112878'],
  ['-180', '-85.05112878'], ['180.0000001', '0'], ['0', '85.05112879'], ['0', '-85.0511287801'], ['nan', '0'],
  ['inf', '0'], ['0', '-inf'], ['abc', '1'], ['1', 'abc'], ['', '1'], [' 1', '1'], ['1e400', '1'], ['0x10', '1'],
  ['1e-400', '-1e-400'], ['-0', '-0'], ['1.5e2', '-3.25e1'], ['179.99999999999999', '85.051128779999'],
  ['123456789', '0'], ['-1234.5678912', '-99.1234567'], ['13.361389338970184', '38.115556395496299'],
  ['1\0', '2'], ['+5', '.5'], ['5.', '-.5e1'],
];
const geoaddCoordCases: Case[] = COORDS.map(([lon, lat]) => ({
  name: `geoadd coords ${JSON.stringify(lon)} ${JSON.stringify(lat)}`,
  cmds: [
    ['GEOADD', 'g', lon, lat, 'p'],
    ['ZSCORE', 'g', 'p'],
    ['GEOPOS', 'g', 'p'],
    ['GEOHASH', 'g', 'p'],
    ['GEOADD', 'g', '1', '1', 'ok', lon, lat, 'p2'],
    ['EXISTS', 'g'],
  ],
}));

const geoaddShapeCases: Case[] = [
  { name: 'geoadd arity', cmds: [['GEOADD', 'g', '1', '2'], ['GEOADD', 'g'], ['GEOADD', 'g', '1', '2', 'a', '3'], ['GEOADD', 'g', '1', '2', 'a', '3', '4']] },
  { name: 'geoadd only options', cmds: [['GEOADD', 'g', 'ch', 'ch', 'ch'], ['GEOADD', 'g', 'nx', 'ch', 'nx'], ['GEOADD', 'g', 'xx', 'xx', 'xx'], ['EXISTS', 'g']] },
  { name: 'geoadd unknown option', cmds: [['GEOADD', 'g', 'GT', '1', '2', 'a'], ['GEOADD', 'g', 'GT', '1', '2'], ['GEOADD', 'g', 'INCR', '1', '2', 'a']] },
  { name: 'geoadd option after pairs', cmds: [['GEOADD', 'g', '1', '2', 'a', 'NX', '3', '4'], ['GEOADD', 'g', '1', '2', 'a', 'NX', '3', '4', 'b']] },
  { name: 'geoadd bad pair after good', cmds: [['GEOADD', 'g', '1', '2', 'a', '500', '2', 'b'], ['EXISTS', 'g']] },
  { name: 'geoadd duplicate member', cmds: [['GEOADD', 'g', '1', '2', 'a', '3', '4', 'a'], all('g'), ['GEOADD', 'g', 'CH', '3', '4', 'a', '3', '4', 'a']] },
  { name: 'geoadd binary and empty members', cmds: [['GEOADD', 'g', '1', '2', '', '3', '4', '\0\xff', '5', '6', '123'], all('g'), ['GEOPOS', 'g', '', '\0\xff', '123'], ['OBJECT', 'ENCODING', 'g']] },
  { name: 'geoadd wrongtype', cmds: [['SET', 's', 'x'], ['GEOADD', 's', '1', '2', 'a'], ['GEOADD', 's', '500', '2', 'a']] },
  { name: 'geoadd skiplist conversion', config: { 'zset-max-listpack-entries': '3' }, cmds: [['GEOADD', 'g', '1', '1', 'a', '2', '2', 'b', '3', '3', 'c'], ['OBJECT', 'ENCODING', 'g'], ['GEOADD', 'g', '4', '4', 'd'], ['OBJECT', 'ENCODING', 'g'], all('g')] },
  { name: 'geoadd long member', config: { 'zset-max-listpack-value': '4' }, cmds: [['GEOADD', 'g', '1', '1', 'abcde'], ['OBJECT', 'ENCODING', 'g']] },
];

// GEOPOS / GEOHASH / GEODIST on real places, in every unit.
const UNITS = ['m', 'km', 'ft', 'mi', 'M', 'KM', 'Ft', 'mI'];
const readCases: Case[] = withResp3([
  { name: 'geopos world', cmds: [WORLD, ['GEOPOS', 'world', ...CITIES.map((c) => c[2]), 'Atlantis']] },
  { name: 'geohash world', cmds: [WORLD, ['GEOHASH', 'world', ...CITIES.map((c) => c[2]), 'Atlantis']] },
  { name: 'geopos edges', cmds: [EDGES, ['GEOPOS', 'edge', 'e1', 'w1', 'e180', 'w180', 'top', 'bottom', 'n3', 'corner', 'corner2']] },
  { name: 'geohash edges', cmds: [EDGES, ['GEOHASH', 'edge', 'e1', 'w1', 'e180', 'w180', 'top', 'bottom', 'n3', 'corner', 'corner2']] },
  { name: 'geopos missing key', cmds: [['GEOPOS', 'nokey', 'a', 'b'], ['GEOHASH', 'nokey', 'a'], ['GEODIST', 'nokey', 'a', 'b']] },
  { name: 'geopos no members', cmds: [SICILY, ['GEOPOS', 'Sicily'], ['GEOHASH', 'Sicily'], ['GEOPOS', 'nokey'], ['GEOHASH', 'nokey']] },
  {
    name: 'non-geo scores',
    cmds: [
      ['ZADD', 'z', '0', 'zero', '-1', 'neg', '1e20', 'huge', '0.5', 'half', 'inf', 'pinf', '-inf', 'ninf', '4503599627370496', 'p52',
        '9007199254740992', 'p53', '18014398509481984', 'p54', '9223372036854775807', 'p63', '-9223372036854775808', 'n63', '13510798882111488', 'max'],
      ['GEOPOS', 'z', 'zero', 'neg', 'huge', 'half', 'pinf', 'ninf', 'p52', 'p53', 'p54', 'p63', 'n63', 'max'],
      ['GEOHASH', 'z', 'zero', 'neg', 'huge', 'half', 'pinf', 'ninf', 'p52', 'p53', 'p54', 'p63', 'n63', 'max'],
      ['GEODIST', 'z', 'zero', 'neg'], ['GEODIST', 'z', 'huge', 'p63', 'km'],
      ['GEOSEARCH', 'z', 'FROMLONLAT', '0', '0', 'BYRADIUS', '50000', 'km', 'ASC', 'WITHHASH', 'WITHDIST', 'WITHCOORD'],
    ],
  },
]);

const distCases: Case[] = [
  ...UNITS.map((u): Case => ({
    name: `geodist unit ${u}`,
    cmds: [WORLD, ['GEODIST', 'world', 'London', 'Paris', u], ['GEODIST', 'world', 'Sydney', 'Rio', u], ['GEODIST', 'world', 'FijiEast', 'FijiWest', u], ['GEODIST', 'world', 'Tokyo', 'Tokyo', u]],
  })),
  { name: 'geodist all pairs', cmds: [WORLD, ...CITIES.slice(0, 10).flatMap((a, i) => CITIES.slice(i + 1).map((b): Cmd => ['GEODIST', 'world', a[2], b[2], 'km']))] },
  { name: 'geodist errors', cmds: [WORLD, ['GEODIST', 'world', 'London', 'Paris', 'parsec'], ['GEODIST', 'world', 'London', 'Paris', 'km', 'x'], ['GEODIST', 'world', 'London'], ['GEODIST', 'world', 'London', 'Atlantis'], ['GEODIST', 'world', 'Atlantis', 'London', 'bad'], ['GEODIST', 'nokey', 'a', 'b', 'bad'], ['GEODIST', 'world', 'London', 'Paris', '']] },
  { name: 'geodist antipodes', cmds: [['GEOADD', 'a', '0', '0', 'a', '180', '0', 'b', '-180', '0', 'c', '90', '45', 'd', '-90', '-45', 'e', '0', '85', 'f', '180', '-85', 'g'], ['GEODIST', 'a', 'a', 'b'], ['GEODIST', 'a', 'a', 'c'], ['GEODIST', 'a', 'd', 'e'], ['GEODIST', 'a', 'f', 'g'], ['GEODIST', 'a', 'b', 'c']] },
  { name: 'geodist same meridian', cmds: [['GEOADD', 'a', '10', '10', 'a', '10', '-10', 'b', '10', '80', 'c'], ['GEODIST', 'a', 'a', 'b'], ['GEODIST', 'a', 'a', 'c', 'km'], ['GEODIST', 'a', 'b', 'c', 'mi']] },
];

// GEOSEARCH option matrix on the world set.
const FROMS: [string, Cmd][] = [['member', ['FROMMEMBER', 'Paris']], ['lonlat', ['FROMLONLAT', '5', '50']]];
const BYS: [string, Cmd][] = [['radius', ['BYRADIUS', '1000', 'km']], ['box', ['BYBOX', '2000', '1500', 'km']], ['bigradius', ['BYRADIUS', '6000', 'mi']]];
const ORDERS: Cmd[] = [[], ['ASC'], ['DESC'], ['COUNT', '3'], ['COUNT', '3', 'DESC'], ['COUNT', '2', 'ANY'], ['COUNT', '1', 'ANY', 'ASC'], ['COUNT', '100']];
const searchMatrixCases: Case[] = FROMS.flatMap(([fn, from]) => BYS.flatMap(([bn, by]) => ORDERS.map((order): Case => ({
  name: `geosearch ${fn} ${bn} [${order.join(' ')}]`,
  cmds: [
    WORLD,
    ['GEOSEARCH', 'world', ...from, ...by, ...order],
    ['GEOSEARCH', 'world', ...from, ...by, ...order, 'WITHDIST'],
    ['GEOSEARCHSTORE', 'dst', 'world', ...from, ...by, ...order],
    ['ZRANGE', 'dst', '0', '-1'],
  ],
}))));

const withCases: Case[] = withResp3([
  { name: 'geosearch with options', cmds: [WORLD, ['GEOSEARCH', 'world', 'FROMMEMBER', 'London', 'BYRADIUS', '1500', 'km', 'ASC', 'WITHCOORD', 'WITHDIST', 'WITHHASH'], ['GEOSEARCH', 'world', 'FROMMEMBER', 'London', 'BYRADIUS', '1500', 'km', 'DESC', 'WITHHASH'], ['GEOSEARCH', 'world', 'FROMMEMBER', 'London', 'BYRADIUS', '1500', 'km', 'ASC', 'withcoord', 'withcoord']] },
  { name: 'georadius with options', cmds: [SICILY, ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'WITHDIST', 'WITHCOORD'], ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'WITHHASH', 'ASC', 'COUNT', '1'], ['GEORADIUS_RO', 'Sicily', '15', '37', '100', 'km', 'WITHDIST']] },
  { name: 'georadiusbymember with options', cmds: [SICILY, ['GEORADIUSBYMEMBER', 'Sicily', 'Palermo', '200', 'km', 'WITHDIST', 'WITHCOORD', 'DESC'], ['GEORADIUSBYMEMBER_RO', 'Sicily', 'Catania', '1', 'm', 'WITHHASH']] },
  { name: 'geosearch empty results', cmds: [SICILY, ['GEOSEARCH', 'Sicily', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1', 'km', 'WITHDIST'], ['GEOSEARCH', 'nokey', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1', 'km']] },
]);

// Radius 0, tiny and huge radii, boxes of every proportion.
const RADII = ['0', '0.0001', '1', '56441', '56442', '190442', '1e6', '5000000', '20037726', '1e9', '1e300', 'inf'];
const radiusCases: Case[] = RADII.map((r) => ({
  name: `geosearch radius ${r} m`,
  cmds: [
    SICILY, WORLD,
    ['GEOSEARCH', 'Sicily', 'FROMLONLAT', '15', '37', 'BYRADIUS', r, 'm', 'ASC', 'WITHDIST'],
    ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Catania', 'BYRADIUS', r, 'm', 'WITHDIST'],
    ['GEOSEARCH', 'world', 'FROMMEMBER', 'Berlin', 'BYRADIUS', r, 'm', 'ASC', 'WITHDIST'],
    ['GEORADIUS', 'world', '0', '0', r, 'm', 'DESC'],
  ],
}));
const BOXES: [string, string][] = [['0', '0'], ['1', '0'], ['400', '400'], ['1000', '10'], ['10', '1000'], ['40000', '20000'], ['1e9', '1e9'], ['0.001', '0.001']];
const boxCases: Case[] = BOXES.map(([w, h]) => ({
  name: `geosearch box ${w}x${h} km`,
  cmds: [
    SICILY, WORLD, EDGES,
    ['GEOSEARCH', 'Sicily', 'FROMLONLAT', '15', '37', 'BYBOX', w, h, 'km', 'ASC', 'WITHDIST'],
    ['GEOSEARCH', 'world', 'FROMMEMBER', 'NullIsland', 'BYBOX', w, h, 'km', 'ASC'],
    ['GEOSEARCH', 'edge', 'FROMLONLAT', '180', '0', 'BYBOX', w, h, 'km', 'ASC'],
    ['GEOSEARCH', 'edge', 'FROMLONLAT', '0', '85', 'BYBOX', w, h, 'km', 'DESC'],
  ],
}));

// The antimeridian and the poles: which neighbour cells are scanned there.
const CENTERS: [string, string][] = [
  ['180', '0'], ['-180', '0'], ['179.9', '0'], ['-179.9', '5'], ['0', '85.05112878'], ['0', '-85.05112878'], ['180', '85.05112878'],
  ['-180', '-85.05112878'], ['45', '84'], ['-45', '-82'], ['179', '70'], ['0', '0'], ['-0.0001', '-0.0001'], ['90', '67'],
];
const edgeCases: Case[] = CENTERS.flatMap(([lon, lat]) => ['50', '600', '3000'].map((r): Case => ({
  name: `geosearch edges from ${lon},${lat} radius ${r} km`,
  cmds: [
    EDGES, WORLD,
    ['GEOSEARCH', 'edge', 'FROMLONLAT', lon, lat, 'BYRADIUS', r, 'km', 'ASC', 'WITHDIST'],
    ['GEOSEARCH', 'edge', 'FROMLONLAT', lon, lat, 'BYBOX', r, r, 'km', 'ASC', 'WITHDIST'],
    ['GEOSEARCH', 'world', 'FROMLONLAT', lon, lat, 'BYRADIUS', r, 'km', 'DESC'],
  ],
})));

// Argument errors, in the order Redis checks them.
const searchErrorCases: Case[] = [
  { name: 'geosearch missing from', cmds: [SICILY, ['GEOSEARCH', 'Sicily', 'BYRADIUS', '1', 'km', 'ASC'], ['geosearch', 'Sicily', 'BYRADIUS', '1', 'km', 'ASC'], ['GeoSearch', 'nokey', 'BYBOX', '1', '1', 'km', 'ASC']] },
  { name: 'geosearch missing by', cmds: [SICILY, ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'ASC'], ['GEOSEARCHSTORE', 'd', 'Sicily', 'FROMLONLAT', '1', '1', 'ASC'], ['geosearchstore', 'd', 'Sicily', 'FROMLONLAT', '1', '1', 'DESC']] },
  { name: 'geosearch from twice', cmds: [SICILY, ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km'], ['GEOSEARCH', 'Sicily', 'FROMLONLAT', '1', '1', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km'], ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'nope', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '100', 'km'], ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'FROMMEMBER', 'Catania', 'BYRADIUS', '100', 'km']] },
  { name: 'geosearch by twice', cmds: [SICILY, ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km', 'BYBOX', '1', '1', 'km'], ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYBOX', '1', '1', 'km', 'BYRADIUS', '1', 'km'], ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km', 'BYRADIUS', '300', 'km']] },
  { name: 'geosearch truncated options', cmds: [SICILY, ['GEOSEARCH', 'Sicily', 'FROMMEMBER'], ['GEOSEARCH', 'Sicily', 'FROMLONLAT', '1', 'BYRADIUS'], ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1'], ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYBOX', '1', '1'], ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km', 'COUNT']] },
  { name: 'geosearch bad numbers', cmds: [SICILY, ['GEOSEARCH', 'Sicily', 'FROMLONLAT', 'x', '1', 'BYRADIUS', '1', 'km'], ['GEOSEARCH', 'Sicily', 'FROMLONLAT', '1', '91', 'BYRADIUS', '1', 'km'], ['GEOSEARCH', 'Sicily', 'FROMLONLAT', '1', '1', 'BYRADIUS', 'x', 'km'], ['GEOSEARCH', 'Sicily', 'FROMLONLAT', '1', '1', 'BYRADIUS', '-1', 'km'], ['GEOSEARCH', 'Sicily', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'yd'], ['GEOSEARCH', 'Sicily', 'FROMLONLAT', '1', '1', 'BYBOX', 'x', 'y', 'km'], ['GEOSEARCH', 'Sicily', 'FROMLONLAT', '1', '1', 'BYBOX', '1', 'y', 'km'], ['GEOSEARCH', 'Sicily', 'FROMLONLAT', '1', '1', 'BYBOX', '-1', '-1', 'km'], ['GEOSEARCH', 'Sicily', 'FROMLONLAT', '1', '1', 'BYBOX', '1', '1', 'yd'], ['GEOSEARCH', 'Sicily', 'FROMLONLAT', '1', '1', 'BYRADIUS', 'nan', 'km'], ['GEOSEARCH', 'Sicily', 'FROMLONLAT', '1', '1', 'BYRADIUS', '-0', 'km']] },
  { name: 'geosearch count errors', cmds: [SICILY, ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km', 'COUNT', '0'], ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km', 'COUNT', '-1'], ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km', 'COUNT', 'x'], ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km', 'ANY'], ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km', 'COUNT', '99999999999999999999'], ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '500', 'km', 'COUNT', '9223372036854775807', 'ANY']] },
  { name: 'geosearch store options refused', cmds: [SICILY, ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km', 'STORE', 'x'], ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km', 'STOREDIST'], ['GEOSEARCHSTORE', 'd', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km', 'STORE', 'x'], ['GEOSEARCHSTORE', 'd', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km', 'WITHDIST'], ['GEOSEARCHSTORE', 'd', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km', 'WITHHASH', 'STOREDIST']] },
  { name: 'geosearch unknown member', cmds: [SICILY, ['GEOSEARCH', 'Sicily', 'FROMMEMBER', 'nope', 'BYRADIUS', '1', 'km'], ['GEOSEARCH', 'nokey', 'FROMMEMBER', 'nope', 'BYRADIUS', '1', 'km'], ['GEOSEARCH', 'nokey', 'FROMMEMBER', 'nope', 'BYRADIUS', 'x', 'km'], ['GEOSEARCH', 'nokey', 'FROMLONLAT', '500', '1', 'BYRADIUS', '1', 'km']] },
  { name: 'geosearch georadius-only options', cmds: [SICILY, ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'FROMMEMBER', 'Palermo'], ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'BYRADIUS', '1', 'km'], ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'STOREDIST'], ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'STORE']] },
  { name: 'georadius errors', cmds: [SICILY, ['GEORADIUS', 'Sicily', 'x', '37', '200', 'km'], ['GEORADIUS', 'Sicily', '15', '37', 'x', 'km'], ['GEORADIUS', 'Sicily', '15', '37', '200', 'parsec'], ['GEORADIUS', 'Sicily', '15', '37', '-200', 'km'], ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'bogus'], ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'STORE', 'x', 'WITHDIST'], ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'ANY'], ['GEORADIUS', 'Sicily', '15', '95', '200', 'km'], ['GEORADIUS', 'nokey', '15', '95', '200', 'km']] },
  { name: 'georadiusbymember errors', cmds: [SICILY, ['GEORADIUSBYMEMBER', 'Sicily', 'nope', '200', 'km'], ['GEORADIUSBYMEMBER', 'Sicily', 'Palermo', 'x', 'km'], ['GEORADIUSBYMEMBER', 'Sicily', 'Palermo', '1', 'yd'], ['GEORADIUSBYMEMBER', 'nokey', 'nope', 'x', 'yd'], ['GEORADIUSBYMEMBER', 'nokey', 'nope', 'x', 'yd', 'bogus'], ['GEORADIUSBYMEMBER', 'nokey', 'nope', 'x', 'yd', 'STORE', 'd'], ['GEORADIUSBYMEMBER', 'nokey', 'nope', 'x', 'yd', 'STORE', 'd', 'WITHDIST']] },
  { name: 'georadius ro refuses store', cmds: [SICILY, ['GEORADIUS_RO', 'Sicily', '15', '37', '200', 'km', 'STORE', 'd'], ['GEORADIUS_RO', 'Sicily', '15', '37', '200', 'km', 'STOREDIST', 'd'], ['GEORADIUSBYMEMBER_RO', 'Sicily', 'Palermo', '200', 'km', 'STORE', 'd'], ['GEORADIUSBYMEMBER_RO', 'Sicily', 'Palermo', '200', 'km', 'STOREDIST', 'd'], ['EXISTS', 'd']] },
  { name: 'geo arity', cmds: [['GEORADIUS', 'k', '1', '2', '3'], ['GEORADIUSBYMEMBER', 'k', 'm', '3'], ['GEOSEARCH', 'k', 'FROMMEMBER', 'm', 'BYRADIUS'], ['GEOSEARCHSTORE', 'd', 'k', 'FROMMEMBER', 'm', 'BYRADIUS'], ['GEODIST', 'k', 'a'], ['GEOPOS'], ['GEOHASH']] },
  {
    name: 'geo wrongtype',
    cmds: [
      ['SET', 's', 'x'], ['GEOPOS', 's', 'a'], ['GEOHASH', 's', 'a'], ['GEODIST', 's', 'a', 'b'], ['GEODIST', 's', 'a', 'b', 'yd'],
      ['GEOSEARCH', 's', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km'], ['GEOSEARCH', 's', 'bogus'],
      ['GEOSEARCHSTORE', 'd', 's', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km'], ['GEORADIUS', 's', '500', '1', '1', 'km'],
      ['GEORADIUSBYMEMBER', 's', 'a', '1', 'km'], ['GEORADIUS_RO', 's', '1', '1', '1', 'km'], ['GEORADIUSBYMEMBER_RO', 's', 'a', 'x', 'km'],
      ['LPUSH', 'l', 'a'], ['GEOSEARCHSTORE', 'l', 'nokey', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km'], ['TYPE', 'l'],
    ],
  },
];

// STORE forms: the destination's contents, encoding, the empty-result deletion.
const storeCases: Case[] = [
  { name: 'georadius store', cmds: [WORLD, ['GEORADIUS', 'world', '5', '50', '1000', 'km', 'STORE', 'd'], all('d'), ['OBJECT', 'ENCODING', 'd'], ['GEORADIUS', 'world', '5', '50', '1000', 'km', 'STORE', 'd', 'COUNT', '2'], all('d')] },
  { name: 'georadius storedist same meridian', cmds: [['GEOADD', 'g', '10', '10', 'a', '10', '20', 'b', '10', '-5', 'c', '10', '60', 'd'], ['GEORADIUSBYMEMBER', 'g', 'a', '10000', 'km', 'STOREDIST', 'd'], all('d'), ['GEOSEARCHSTORE', 'd2', 'g', 'FROMMEMBER', 'b', 'BYBOX', '20000', '20000', 'km', 'STOREDIST'], all('d2')] },
  { name: 'georadius store last wins', cmds: [SICILY, ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'STORE', 'a', 'STOREDIST', 'b'], ['EXISTS', 'a', 'b'], ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'STOREDIST', 'a', 'STORE', 'b'], ['ZRANGE', 'b', '0', '-1', 'WITHSCORES']] },
  { name: 'geosearchstore empty deletes', cmds: [SICILY, ['SET', 'd', 'x'], ['GEOSEARCHSTORE', 'd', 'Sicily', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1', 'km'], ['EXISTS', 'd'], ['SET', 'd', 'x'], ['GEOSEARCHSTORE', 'd', 'nokey', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1', 'km'], ['EXISTS', 'd'], ['GEOSEARCHSTORE', 'd', 'nokey', 'FROMMEMBER', 'x', 'BYRADIUS', '1', 'km']] },
  { name: 'geosearchstore overwrites other types', cmds: [SICILY, ['LPUSH', 'd', 'x'], ['EXPIRE', 'd', '1000'], ['GEOSEARCHSTORE', 'd', 'Sicily', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km'], ['TYPE', 'd'], ['TTL', 'd'], all('d')] },
  { name: 'geosearchstore onto source', cmds: [WORLD, ['GEOSEARCHSTORE', 'world', 'world', 'FROMMEMBER', 'Paris', 'BYRADIUS', '1000', 'km'], all('world')] },
  { name: 'geosearchstore encodings', config: { 'zset-max-listpack-entries': '3' }, cmds: [WORLD, ['GEOSEARCHSTORE', 'a', 'world', 'FROMMEMBER', 'Paris', 'BYRADIUS', '1000', 'km', 'COUNT', '3'], ['OBJECT', 'ENCODING', 'a'], ['GEOSEARCHSTORE', 'b', 'world', 'FROMMEMBER', 'Paris', 'BYRADIUS', '1000', 'km'], ['OBJECT', 'ENCODING', 'b'], ['OBJECT', 'ENCODING', 'world'], ['GEOSEARCH', 'world', 'FROMMEMBER', 'Paris', 'BYRADIUS', '1000', 'km']] },
  { name: 'geosearchstore storedist zero', cmds: [SICILY, ['GEOSEARCHSTORE', 'd', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '0', 'km', 'STOREDIST'], all('d')] },
  { name: 'georadius store resp3', resp3: true, cmds: [SICILY, ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'STORE', 'd'], ['GEORADIUSBYMEMBER', 'Sicily', 'Palermo', '10', 'km', 'STORE', 'd'], ['ZRANGE', 'd', '0', '-1', 'WITHSCORES']] },
];

// STOREDIST scores print all 17 digits, so they need sin/cos/asin rounded as
// glibc's (util/libm.ts; Math.sin and co. differed in these). glibc itself is
// not correctly rounded in about 0.1% of calls, which libm.ts does not
// reproduce: a 187-point grid from (0, 0) met two such distances.
const storedistCases: Case[] = [
  {
    name: 'geosearchstore storedist world',
    cmds: [WORLD, ...['London', 'Tokyo', 'Sydney', 'NullIsland', 'FijiEast', 'Ushuaia'].flatMap((from): Cmd[] => [
      ['GEOSEARCHSTORE', 'd', 'world', 'FROMMEMBER', from, 'BYRADIUS', '20000', 'km', 'ASC', 'STOREDIST'], all('d'),
      ['GEOSEARCHSTORE', 'd', 'world', 'FROMMEMBER', from, 'BYBOX', '40000', '20000', 'km', 'STOREDIST'], all('d'),
      ['GEORADIUSBYMEMBER', 'world', from, '12000', 'mi', 'STOREDIST', 'd'], all('d'),
    ])],
  },
];

// Equal distances (duplicate positions) keep their scan order, sorted or not,
// and COUNT picks among them as Redis's partial sort does.
const tieCases: Case[] = ['ASC', 'DESC'].flatMap((order) => ['1', '3', '5', '9'].map((count): Case => ({
  name: `geosearch ties ${order} count ${count}`,
  cmds: [
    ['GEOADD', 'g', '10', '10', 'a', '10', '10', 'b', '10', '10', 'c', '10.001', '10', 'd', '10.001', '10', 'e', '10', '10', 'f', '9.999', '10', 'g', '10', '10', 'h'],
    ['GEOSEARCH', 'g', 'FROMLONLAT', '10', '10', 'BYRADIUS', '1', 'km', order, 'COUNT', count],
    ['GEOSEARCH', 'g', 'FROMLONLAT', '10', '10', 'BYRADIUS', '1', 'km', 'COUNT', count, 'ANY', order],
    ['GEOSEARCH', 'g', 'FROMLONLAT', '10', '10', 'BYRADIUS', '1', 'km'],
  ],
})));

// Found by the random run: a partial sort (COUNT) of an already partitioned
// array still recurses as Redis's pqsort does, which orders the tied c and g.
const partialSortCases: Case[] = [
  {
    name: 'geosearch count partial sort of ties',
    cmds: [
      ['ZADD', 'k', '-inf', '10', '-inf', 'b', '-16', '\x00', '-1', '', '0', 'c', '0.2', 'g', '2.5', 'aa', '5', 'h', '2254697350210210', '\xff', '3470132064374784', 'a', '3473018987212842', 'e'],
      ['GEOSEARCH', 'k', 'COUNT', '5', 'WITHDIST', 'FROMMEMBER', 'c', 'BYRADIUS', '1e7', 'km'],
      ['GEOSEARCH', 'k', 'FROMMEMBER', 'c', 'BYRADIUS', '1e7', 'km', 'DESC', 'COUNT', '3'],
      ['GEOSEARCH', 'k', 'FROMMEMBER', 'g', 'BYRADIUS', '1e7', 'km', 'WITHDIST', 'WITHHASH'],
    ],
  },
];

export const cases: Case[] = [
  ...partialSortCases,
  ...geoaddOptionCases, ...geoaddCoordCases, ...geoaddShapeCases, ...readCases, ...distCases,
  ...searchMatrixCases, ...withCases, ...radiusCases, ...boxCases, ...edgeCases, ...searchErrorCases,
  ...storeCases, ...storedistCases, ...tieCases,
];
