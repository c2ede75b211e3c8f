// Geo commands (geo.c): GEOADD, GEODIST, GEOHASH, GEOPOS, GEOSEARCH,
// GEOSEARCHSTORE and the GEORADIUS family. A geo set is a sorted set whose
// scores are 52-bit geohashes (util/geohash.ts); GEOADD is ZADD underneath.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { readTyped } from '../keyspace.ts';
import type { RObj } from '../object.ts';
import {
  type Reply, EMPTY_ARRAY, NULL, NULL_ARRAY, array, bulk, doubleText, intReply,
} from '../reply.ts';
import type { Handler } from '../table/table.ts';
import type { ZSetValue } from '../types/zset.ts';
import {
  GEO_LAT_MAX, GEO_LAT_MIN, GEO_LONG_MAX, GEO_LONG_MIN, type GeoShape,
  areasByShape, cellScoreRange, decodeScore, distanceIfInShape, geoDistance, geohashScore, geohashString,
} from '../util/geohash.ts';
import { argDouble, argLL, eqi } from '../util/parse.ts';
import { pqsort } from '../util/pqsort.ts';
import { storeResult } from './zset-range.ts';
import { zsetCommands } from './zset.ts';

/** The exact value of a finite double as sign, mantissa and binary exponent. */
function decompose(d: number): { neg: boolean; mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, d);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & 0xfffffffffffffn;
  if (biased !== 0) mant |= 1n << 52n;
  return { neg: bits >> 63n === 1n, mant, exp: (biased === 0 ? 1 : biased) - 1075 };
}

/** C's "%.<decimals>f" of a double: the exact binary value rounded half to even, as glibc prints. */
function formatFixed(d: number, decimals: number): string {
  // A NaN here comes from asin() of a value past 1, which glibc makes with a
  // 0/0 whose default NaN has the sign bit set.
  if (Number.isNaN(d)) return '-nan';
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  const { neg, mant, exp } = decompose(d);
  const scaled = mant * 10n ** BigInt(decimals);
  let q: bigint;
  if (exp >= 0) q = scaled << BigInt(exp);
  else {
    const sh = BigInt(-exp);
    q = scaled >> sh;
    const twiceRem = (scaled - (q << sh)) << 1n;
    const half = 1n << sh;
    if (twiceRem > half || (twiceRem === half && (q & 1n) === 1n)) q++;
  }
  const digits = q.toString().padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return neg ? `-${text}` : text;
}

/** addReplyDoubleDistance: "%.4f". */
const distanceReply = (d: number): Reply => bulk(formatFixed(d, 4));

/**
 * addReplyHumanLongDouble of a coordinate: "%.17Lf" with the trailing zeros
 * removed, a bulk string in RESP2 and a double in RESP3.
 */
function coordinateReply(d: number): Reply {
  let text = formatFixed(d, 17);
  text = text.replace(/\.?0+$/, '');
  if (text === '-0') text = '0';
  return doubleText(text);
}

/** extractLongLatOrReply: two floats within the indexable limits ("%f" in the error). */
function argLongLat(lonArg: string, latArg: string): [number, number] {
  const lon = argDouble(lonArg);
  const lat = argDouble(latArg);
  if (lon < GEO_LONG_MIN || lon > GEO_LONG_MAX || lat < GEO_LAT_MIN || lat > GEO_LAT_MAX) {
    fail(E.GEO_INVALID_LONLAT(formatFixed(lon, 6), formatFixed(lat, 6)));
  }
  return [lon, lat];
}

/** extractUnitOrReply: meters per unit (matched case-insensitively). */
function argUnit(unit: string): number {
  if (eqi(unit, 'm')) return 1;
  if (eqi(unit, 'km')) return 1000;
  if (eqi(unit, 'ft')) return 0.3048;
  if (eqi(unit, 'mi')) return 1609.34;
  return fail(E.GEO_UNSUPPORTED_UNIT);
}

/** extractDistanceOrReply: <radius> <unit>. */
function argRadius(radiusArg: string, unitArg: string): { radius: number; conversion: number } {
  const radius = argDouble(radiusArg, E.GEO_NEED_RADIUS);
  if (radius < 0) fail(E.GEO_NEGATIVE_RADIUS);
  return { radius, conversion: argUnit(unitArg) };
}

/** extractBoxOrReply: <width> <height> <unit>. */
function argBox(widthArg: string, heightArg: string, unitArg: string): { width: number; height: number; conversion: number } {
  const width = argDouble(widthArg, E.GEO_NEED_WIDTH);
  const height = argDouble(heightArg, E.GEO_NEED_HEIGHT);
  if (height < 0 || width < 0) fail(E.GEO_NEGATIVE_BOX);
  return { width, height, conversion: argUnit(unitArg) };
}

/** longLatFromMember: the member's decoded position, or undefined if it is not in the set. */
function memberPosition(o: RObj, member: string): [number, number] | undefined {
  const score = (o.value as ZSetValue).score(member);
  return score === undefined ? undefined : decodeScore(score);
}

/**
 * GEOADD key [NX|XX] [CH] lon lat member ...: every pair is validated and
 * turned into its score, then the command runs (and propagates) as
 * ZADD key [options] score member ..., exactly as Redis rewrites it.
 */
function geoadd(c: Client): Reply {
  const argv = c.argv;
  let xx = false;
  let nx = false;
  let longIdx = 2;
  for (; longIdx < argv.length; longIdx++) {
    const opt = argv[longIdx];
    if (eqi(opt, 'nx')) nx = true;
    else if (eqi(opt, 'xx')) xx = true;
    else if (!eqi(opt, 'ch')) break;
  }
  if ((argv.length - longIdx) % 3 !== 0 || (xx && nx)) fail(E.SYNTAX);
  const zaddArgv = ['zadd', ...argv.slice(1, longIdx)];
  for (let j = longIdx; j < argv.length; j += 3) {
    const [lon, lat] = argLongLat(argv[j], argv[j + 1]);
    zaddArgv.push(geohashScore(lon, lat).toString(), argv[j + 2]);
  }
  c.argv = zaddArgv;
  c.rewriteArgv(zaddArgv);
  return zsetCommands.zadd(c);
}

/** GEODIST key member1 member2 [unit]: null when either member is missing. */
function geodist(c: Client): Reply {
  const argv = c.argv;
  let toMeter = 1;
  if (argv.length === 5) toMeter = argUnit(argv[4]);
  else if (argv.length > 5) fail(E.SYNTAX);
  const o = readTyped(c, argv[1], 'zset');
  if (o === undefined) return NULL;
  const a = memberPosition(o, argv[2]);
  const b = memberPosition(o, argv[3]);
  if (a === undefined || b === undefined) return NULL;
  return distanceReply(geoDistance(a[0], a[1], b[0], b[1]) / toMeter);
}

/** GEOHASH and GEOPOS: one reply per member, from its decoded position or for its absence. */
function perMember(c: Client, present: (lon: number, lat: number) => Reply, missing: Reply): Reply {
  const argv = c.argv;
  const o = readTyped(c, argv[1], 'zset');
  const out: Reply[] = [];
  for (let j = 2; j < argv.length; j++) {
    const p = o === undefined ? undefined : memberPosition(o, argv[j]);
    out.push(p === undefined ? missing : present(p[0], p[1]));
  }
  return array(out);
}

/** GEOHASH key member ...: 11-character standard geohashes, null for missing members. */
const geohash = (c: Client): Reply => perMember(c, (lon, lat) => bulk(geohashString(lon, lat)), NULL);

/** GEOPOS key member ...: [lon, lat] pairs, a null array for missing members. */
const geopos = (c: Client): Reply =>
  perMember(c, (lon, lat) => array([coordinateReply(lon), coordinateReply(lat)]), NULL_ARRAY);

/** A search hit (geoPoint). */
interface GeoPoint {
  member: string;
  score: number;
  lon: number;
  lat: number;
  dist: number;
}

/**
 * membersOfAllNeighbors: walk the score range of each of the 9 cells (skipping
 * excluded ones and a cell equal to the one processed just before it), keeping
 * the points inside the shape; with a limit (COUNT ANY) stop once it is reached.
 */
function pointsInShape(z: ZSetValue, shape: GeoShape, limit: number): GeoPoint[] {
  const found: GeoPoint[] = [];
  const cells = areasByShape(shape);
  let last = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === null) continue;
    const prev = cells[last];
    if (last !== 0 && prev !== null && cell.bits === prev.bits && cell.step === prev.step) continue;
    if (found.length !== 0 && limit !== 0 && found.length >= limit) break;
    const [min, max] = cellScoreRange(cell);
    // geoGetPointsInRange: scores in [min, max).
    let n = z.zsl.firstInScoreRange({ min, max, minex: false, maxex: true });
    for (; n !== null && n.score < max; n = n.forward[0]) {
      const [lon, lat] = decodeScore(n.score);
      const dist = distanceIfInShape(shape, lon, lat);
      if (dist !== -1) found.push({ member: n.ele, score: n.score, lon, lat, dist });
      if (found.length !== 0 && limit !== 0 && found.length >= limit) break;
    }
    last = i;
  }
  return found;
}

/** What the georadius family variant accepts (georadiusGeneric's flags). */
interface SearchKind {
  /** GEORADIUS: lon lat radius unit after the key. */
  coords?: true;
  /** GEORADIUSBYMEMBER: member radius unit after the key. */
  member?: true;
  /** The _RO variants: no STORE/STOREDIST. */
  noStore?: true;
  /** GEOSEARCH / GEOSEARCHSTORE syntax. */
  search?: true;
  /** GEOSEARCHSTORE: the destination is argv[1], STOREDIST is a flag. */
  searchStore?: true;
}

const enum Sort { NONE, ASC, DESC }

/** qsort's comparator on distances (sort_gp_asc). */
const byDistance = (a: GeoPoint, b: GeoPoint): number => (a.dist > b.dist ? 1 : a.dist === b.dist ? 0 : -1);

/**
 * georadiusGeneric: the source key is looked up first (WRONGTYPE before any
 * argument error), then the center/shape and options are parsed in Redis's
 * order, its errors reported in Redis's order.
 */
function georadiusGeneric(c: Client, srcKeyIndex: number, kind: SearchKind): Reply {
  const argv = c.argv;
  const o = readTyped(c, argv[srcKeyIndex], 'zset');
  let storeKey: string | null = null;
  let storeDist = false;
  let center: [number, number] = [0, 0];
  let size: { radius: number; conversion: number } | { width: number; height: number; conversion: number } | null = null;
  let baseArgs: number;
  if (kind.coords) {
    baseArgs = 6;
    center = argLongLat(argv[2], argv[3]);
    size = argRadius(argv[4], argv[5]);
  } else if (kind.member) {
    baseArgs = 5;
    // Without a source key the options are still parsed, to pick the reply.
    if (o !== undefined) {
      const p = memberPosition(o, argv[2]);
      if (p === undefined) fail(E.GEO_MEMBER_NOT_DECODED);
      center = p;
      size = argRadius(argv[3], argv[4]);
    }
  } else {
    baseArgs = 2;
    if (kind.searchStore) {
      baseArgs = 3;
      storeKey = argv[1];
    }
  }

  let withDist = false;
  let withHash = false;
  let withCoords = false;
  let fromMember = false;
  let fromLoc = false;
  let byRadius = false;
  let byBox = false;
  let sort = Sort.NONE;
  let any = false;
  let count = 0;
  const remaining = argv.length - baseArgs;
  for (let i = 0; i < remaining; i++) {
    const at = baseArgs + i;
    const arg = argv[at];
    if (eqi(arg, 'withdist')) withDist = true;
    else if (eqi(arg, 'withhash')) withHash = true;
    else if (eqi(arg, 'withcoord')) withCoords = true;
    else if (eqi(arg, 'any')) any = true;
    else if (eqi(arg, 'asc')) sort = Sort.ASC;
    else if (eqi(arg, 'desc')) sort = Sort.DESC;
    else if (eqi(arg, 'count') && i + 1 < remaining) {
      count = argLL(argv[at + 1]);
      if (count <= 0) fail(E.GEO_COUNT_POSITIVE);
      i++;
    } else if ((eqi(arg, 'store') || eqi(arg, 'storedist')) && i + 1 < remaining && !kind.noStore && !kind.search) {
      storeKey = argv[at + 1];
      storeDist = eqi(arg, 'storedist');
      i++;
    } else if (eqi(arg, 'storedist') && kind.search && kind.searchStore) {
      storeDist = true;
    } else if (eqi(arg, 'frommember') && i + 1 < remaining && kind.search && !fromLoc) {
      if (o !== undefined) {
        const p = memberPosition(o, argv[at + 1]);
        if (p === undefined) fail(E.GEO_MEMBER_NOT_DECODED);
        center = p;
      }
      fromMember = true;
      i++;
    } else if (eqi(arg, 'fromlonlat') && i + 2 < remaining && kind.search && !fromMember) {
      center = argLongLat(argv[at + 1], argv[at + 2]);
      fromLoc = true;
      i += 2;
    } else if (eqi(arg, 'byradius') && i + 2 < remaining && kind.search && !byBox) {
      size = argRadius(argv[at + 1], argv[at + 2]);
      byRadius = true;
      i += 2;
    } else if (eqi(arg, 'bybox') && i + 3 < remaining && kind.search && !byRadius) {
      size = argBox(argv[at + 1], argv[at + 2], argv[at + 3]);
      byBox = true;
      i += 3;
    } else fail(E.SYNTAX);
  }

  if (storeKey !== null && (withDist || withHash || withCoords)) {
    fail(E.GEO_STORE_WITH(kind.searchStore ? 'GEOSEARCHSTORE' : 'STORE option in GEORADIUS'));
  }
  // The messages name the command as the client spelled it.
  if (kind.search && !(fromMember || fromLoc)) fail(E.GEO_NEEDS_FROM(argv[0]));
  if (kind.search && !(byRadius || byBox)) fail(E.GEO_NEEDS_BY(argv[0]));
  if (any && count === 0) fail(E.GEO_ANY_NEEDS_COUNT);

  if (o === undefined) {
    if (storeKey === null) return EMPTY_ARRAY;
    return storeResult(c, storeKey, [], 'georadiusstore');
  }
  // COUNT without ANY returns the nearest ones: sorted ascending unless told otherwise.
  if (count !== 0 && sort === Sort.NONE && !any) sort = Sort.ASC;

  const shape: GeoShape = 'radius' in size!
    ? { type: 'radius', lon: center[0], lat: center[1], conversion: size.conversion, radius: size.radius }
    : { type: 'box', lon: center[0], lat: center[1], conversion: size!.conversion, width: size!.width, height: size!.height };
  const points = pointsInShape(o.value as ZSetValue, shape, any ? count : 0);
  if (points.length === 0 && storeKey === null) return EMPTY_ARRAY;

  const returned = count === 0 || points.length < count ? points.length : count;
  if (sort !== Sort.NONE) {
    const cmp = sort === Sort.ASC ? byDistance : (a: GeoPoint, b: GeoPoint): number => -byDistance(a, b);
    // Redis's qsort is glibc's merge sort (stable); a partial result goes through pqsort.
    if (returned === points.length) points.sort(cmp);
    else pqsort(points, cmp, 0, returned - 1);
  }
  const results = points.slice(0, returned);
  for (const p of results) p.dist /= shape.conversion;

  if (storeKey !== null) {
    const event = kind.search ? 'geosearchstore' : 'georadiusstore';
    const reply = storeResult(c, storeKey, results.map((p) => ({ ele: p.member, score: storeDist ? p.dist : p.score })), event);
    // Redis counts one change per stored member (storeResult counts the key once).
    if (returned > 1) c.server.dirty += returned - 1;
    return reply;
  }
  return array(results.map((p) => {
    if (!withDist && !withHash && !withCoords) return bulk(p.member);
    const item: Reply[] = [bulk(p.member)];
    if (withDist) item.push(distanceReply(p.dist));
    if (withHash) item.push(intReply(scoreToInt64(p.score)));
    if (withCoords) item.push(array([coordinateReply(p.lon), coordinateReply(p.lat)]));
    return array(item);
  }));
}

/** `(long long)score` on x86-64: truncation, LLONG_MIN for anything out of range. */
function scoreToInt64(score: number): number | bigint {
  if (Math.abs(score) < 2 ** 53) return Math.trunc(score);
  if (score >= -(2 ** 63) && score < 2 ** 63) return BigInt(score);
  return -(2n ** 63n);
}

const georadius = (c: Client): Reply => georadiusGeneric(c, 1, { coords: true });
const georadiusbymember = (c: Client): Reply => georadiusGeneric(c, 1, { member: true });
const georadius_ro = (c: Client): Reply => georadiusGeneric(c, 1, { coords: true, noStore: true });
const georadiusbymember_ro = (c: Client): Reply => georadiusGeneric(c, 1, { member: true, noStore: true });
const geosearch = (c: Client): Reply => georadiusGeneric(c, 1, { search: true });
const geosearchstore = (c: Client): Reply => georadiusGeneric(c, 2, { search: true, searchStore: true });

export const geoCommands: Record<string, Handler> = {
  geoadd, geodist, geohash, geopos,
  georadius, georadiusbymember, georadius_ro, georadiusbymember_ro, geosearch, geosearchstore,
};
