// Random generators for the geo commands (geo.c). Geo sets are sorted sets, so
// these share keys and members with the zset family and meet its arbitrary
// scores (decoded as Redis decodes them).
//
// STOREDIST is left out: it stores haversine distances whose last bit depends
// on glibc's sin/cos/asin, and later ZRANGE WITHSCORES would print all 17
// digits. util/libm.ts rounds them correctly, which glibc does not in about
// one call in a thousand, so about one stored distance in 500 still differs.
// Distances shown by WITHDIST/GEODIST are rounded to 4 decimals, far above
// that noise.
import type { Step } from '../case.ts';
import type { CommandGen, Family, Gen } from '../random-gen.ts';

const MEMBERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', '', '\x00', '\xff', 'aa', '1', '-2', '10'];
const LONS = ['10', '10.5', '9.9', '11', '12.25', '-179.99', '180', '-180', '0', '13.361389', '15.087269', '-0'];
const LATS = ['10', '10.5', '9.9', '11', '12.25', '85.05112878', '-85.05112878', '0', '38.115556', '37.502669', '70', '-0'];
const BAD_COORDS = ['181', '-181', '86', 'x', '', 'nan', 'inf'];
const UNITS = ['m', 'km', 'ft', 'mi', 'KM', 'yd'];

function member(g: Gen): string {
  return g.rng.pick(MEMBERS);
}

function lon(g: Gen): string {
  return g.rng.chance(0.03) ? g.rng.pick(BAD_COORDS) : g.rng.chance(0.8) ? g.rng.pick(LONS) : (g.rng.next() * 360 - 180).toFixed(g.rng.int(8));
}

function lat(g: Gen): string {
  return g.rng.chance(0.03) ? g.rng.pick(BAD_COORDS) : g.rng.chance(0.8) ? g.rng.pick(LATS) : (g.rng.next() * 170 - 85).toFixed(g.rng.int(8));
}

function distance(g: Gen): string {
  const r = g.rng;
  if (r.chance(0.03)) return r.pick(['-1', 'x', '', 'nan']);
  return r.pick(['0', '1', '50', '100', '200', '500', '1000', '5000', '20000', '0.5', '1e7', String(r.between(1, 3000))]);
}

function unit(g: Gen): string {
  return g.rng.chance(0.97) ? g.rng.pick(UNITS.slice(0, 5)) : 'yd';
}

function geoadd(g: Gen): Step {
  const r = g.rng;
  const opts = r.some(['NX', 'XX', 'CH'].filter(() => r.chance(0.25)));
  const n = r.between(1, 4);
  const triples = Array.from({ length: n }, () => [lon(g), lat(g), member(g)]).flat();
  return { cmd: ['GEOADD', g.key(), ...opts, ...triples] };
}

/** ASC/DESC, COUNT [ANY] and the WITH* flags, in random order. */
function searchOptions(g: Gen, withFlags: boolean): string[][] {
  const r = g.rng;
  const opts: string[][] = [];
  if (r.chance(0.6)) opts.push([r.pick(['ASC', 'DESC', 'asc'])]);
  if (r.chance(0.4)) {
    const count = r.chance(0.95) ? String(r.between(1, 5)) : r.pick(['0', '-1', 'x']);
    opts.push(r.chance(0.3) ? ['COUNT', count, 'ANY'] : ['COUNT', count]);
  } else if (r.chance(0.02)) opts.push(['ANY']);
  if (withFlags) for (const f of ['WITHDIST', 'WITHCOORD', 'WITHHASH']) if (r.chance(0.3)) opts.push([f]);
  return opts;
}

function geosearch(g: Gen, store: boolean): Step {
  const r = g.rng;
  const opts = searchOptions(g, !store || r.chance(0.03));
  const from = r.chance(0.5) ? ['FROMMEMBER', member(g)] : ['FROMLONLAT', lon(g), lat(g)];
  const by = r.chance(0.5) ? ['BYRADIUS', distance(g), unit(g)] : ['BYBOX', distance(g), distance(g), unit(g)];
  if (r.chance(0.97)) opts.push(from);
  if (r.chance(0.97)) opts.push(by);
  const head = store ? ['GEOSEARCHSTORE', g.key(), g.key()] : ['GEOSEARCH', g.key()];
  return { cmd: [...head, ...r.shuffle(opts).flat()] };
}

function georadius(g: Gen): Step {
  const r = g.rng;
  const byMember = r.chance(0.5);
  const ro = r.chance(0.3);
  const name = `GEORADIUS${byMember ? 'BYMEMBER' : ''}${ro ? '_RO' : ''}`;
  const center = byMember ? [member(g)] : [lon(g), lat(g)];
  const storing = !ro && r.chance(0.3);
  const opts = searchOptions(g, !storing || r.chance(0.03));
  if (storing || r.chance(0.02)) opts.push(['STORE', g.key()]);
  return { cmd: [name, g.key(), ...center, distance(g), unit(g), ...r.shuffle(opts).flat()] };
}

const gens: [string, number, (g: Gen) => Step][] = [
  ['geoadd', 6, geoadd],
  ['geopos', 1.5, (g) => ({ cmd: ['GEOPOS', g.key(), ...Array.from({ length: g.rng.between(1, 3) }, () => member(g))] })],
  ['geohash', 1.5, (g) => ({ cmd: ['GEOHASH', g.key(), ...Array.from({ length: g.rng.between(1, 3) }, () => member(g))] })],
  ['geodist', 2, (g) => ({ cmd: ['GEODIST', g.key(), member(g), member(g), ...(g.rng.chance(0.6) ? [unit(g)] : [])] })],
  ['geosearch', 4, (g) => geosearch(g, false)],
  ['geosearchstore', 1.5, (g) => geosearch(g, true)],
  ['georadius', 3, georadius],
];

const commands: CommandGen[] = gens.map(([name, weight, gen]) => ({ name, weight, gen }));

/** Geo sets are zsets: the zset family's dumper covers them. */
export const geoFamily: Family = { name: 'geo', commands, dumpers: {} };
