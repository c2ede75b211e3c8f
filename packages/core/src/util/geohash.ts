// Redis's geohash.c and geohash_helper.c: the 52-bit interleaved geohash that
// geo sets store as sorted set scores, the 3x3 cell cover of a search shape,
// and the haversine distances. Ported operation for operation (same double
// arithmetic in the same order), since the scanned cells, the distance filter
// and the printed coordinates all depend on the exact bits. The trigonometry
// is ./libm.ts's correctly rounded sin/cos/asin, glibc's results in all but
// about 0.1% of calls (Math.sin and co. differ in a few percent).

import { asin, cos, sin } from './libm.ts';

/** GEO_LONG_MIN/MAX, GEO_LAT_MIN/MAX: the EPSG:900913 limits Redis indexes. */
export const GEO_LONG_MIN = -180;
export const GEO_LONG_MAX = 180;
export const GEO_LAT_MIN = -85.05112878;
export const GEO_LAT_MAX = 85.05112878;
/** GEO_STEP_MAX: 26 bits per coordinate, 52 in a score. */
export const GEO_STEP_MAX = 26;

/** EARTH_RADIUS_IN_METERS: the quadratic mean radius Redis uses for WGS-84. */
const EARTH_RADIUS_IN_METERS = 6372797.560856;
const MERCATOR_MAX = 20037726.37;
/** D_R = M_PI / 180.0, folded into one double as the C compiler does. */
const D_R = Math.PI / 180.0;

const degRad = (ang: number): number => ang * D_R;
const radDeg = (ang: number): number => ang / D_R;

const MASK64 = (1n << 64n) - 1n;
const EVEN_BITS = 0x5555555555555555n;
const ODD_BITS = 0xaaaaaaaaaaaaaaaan;

/** GeoHashBits: `step` bits per coordinate, latitude in the even bits, longitude in the odd. */
export interface GeoHashBits {
  bits: bigint;
  step: number;
}

export interface GeoHashRange {
  min: number;
  max: number;
}

/** GeoHashArea: the cell's coordinate intervals. */
export interface GeoHashArea {
  longitude: GeoHashRange;
  latitude: GeoHashRange;
}

const WGS84_LONG: GeoHashRange = { min: GEO_LONG_MIN, max: GEO_LONG_MAX };
const WGS84_LAT: GeoHashRange = { min: GEO_LAT_MIN, max: GEO_LAT_MAX };
/** The standard geohash latitude range GEOHASH re-encodes with. */
const STANDARD_LAT: GeoHashRange = { min: -90, max: 90 };

/** interleave64: the low 32 bits of lat in the even positions, of lon in the odd ones. */
function interleave64(lat: number, lon: number): bigint {
  let x = BigInt(lat >>> 0);
  let y = BigInt(lon >>> 0);
  x = (x | (x << 16n)) & 0x0000ffff0000ffffn;
  y = (y | (y << 16n)) & 0x0000ffff0000ffffn;
  x = (x | (x << 8n)) & 0x00ff00ff00ff00ffn;
  y = (y | (y << 8n)) & 0x00ff00ff00ff00ffn;
  x = (x | (x << 4n)) & 0x0f0f0f0f0f0f0f0fn;
  y = (y | (y << 4n)) & 0x0f0f0f0f0f0f0f0fn;
  x = (x | (x << 2n)) & 0x3333333333333333n;
  y = (y | (y << 2n)) & 0x3333333333333333n;
  x = (x | (x << 1n)) & EVEN_BITS;
  y = (y | (y << 1n)) & EVEN_BITS;
  return x | (y << 1n);
}

/** The even bits of a 32-bit word packed into its low 16 bits. */
function evenBits32(w: number): number {
  w &= 0x55555555;
  w = (w | (w >>> 1)) & 0x33333333;
  w = (w | (w >>> 2)) & 0x0f0f0f0f;
  w = (w | (w >>> 4)) & 0x00ff00ff;
  w = (w | (w >>> 8)) & 0x0000ffff;
  return w;
}

/** deinterleave64 of the 64-bit word hi:lo: [latitude bits, longitude bits] as uint32. */
function deinterleave(hi: number, lo: number): [number, number] {
  const lat = (evenBits32(lo) | (evenBits32(hi) << 16)) >>> 0;
  const lon = (evenBits32(lo >>> 1) | (evenBits32(hi >>> 1) << 16)) >>> 0;
  return [lat, lon];
}

/** geohashEncode: 0 when the point or the step is out of range (the caller checked both). */
function encode(longRange: GeoHashRange, latRange: GeoHashRange, longitude: number, latitude: number, step: number): GeoHashBits {
  let latOffset = (latitude - latRange.min) / (latRange.max - latRange.min);
  let longOffset = (longitude - longRange.min) / (longRange.max - longRange.min);
  // The fixed point conversion truncates to uint32_t.
  latOffset *= 2 ** step;
  longOffset *= 2 ** step;
  return { bits: interleave64(Math.trunc(latOffset), Math.trunc(longOffset)), step };
}

/** geohashEncodeWGS84 at full precision, aligned to 52 bits: the score GEOADD stores (as an exact integer). */
export function geohashScore(longitude: number, latitude: number): bigint {
  return align52(encode(WGS84_LONG, WGS84_LAT, longitude, latitude, GEO_STEP_MAX));
}

/** geohashAlign52Bits. */
function align52(hash: GeoHashBits): bigint {
  return (hash.bits << BigInt(52 - hash.step * 2)) & MASK64;
}

/** geohashDecode of the 64-bit word hi:lo at `step`. */
function decodeWords(hi: number, lo: number, step: number): GeoHashArea {
  const [ilato, ilono] = deinterleave(hi, lo);
  const latScale = WGS84_LAT.max - WGS84_LAT.min;
  const longScale = WGS84_LONG.max - WGS84_LONG.min;
  const cells = 2 ** step;
  // (ilato + 1) is uint32_t arithmetic: it wraps to 0.
  return {
    latitude: {
      min: WGS84_LAT.min + (ilato / cells) * latScale,
      max: WGS84_LAT.min + (((ilato + 1) >>> 0) / cells) * latScale,
    },
    longitude: {
      min: WGS84_LONG.min + (ilono / cells) * longScale,
      max: WGS84_LONG.min + (((ilono + 1) >>> 0) / cells) * longScale,
    },
  };
}

function decodeHash(hash: GeoHashBits): GeoHashArea {
  return decodeWords(Number(hash.bits >> 32n), Number(hash.bits & 0xffffffffn), hash.step);
}

const TWO_32 = 2 ** 32;
const TWO_63 = 2 ** 63;

/**
 * `(uint64_t)score` as x86-64 code computes it: values below 2^63 go through a
 * signed truncation (negative ones wrap, out of range ones give 2^63), values
 * from 2^63 on are offset by 2^63 first (2^64 and beyond give 0). As [hi, lo].
 */
function scoreToUint64(score: number): [number, number] {
  if (score >= 0 && score < 2 ** 53) {
    const t = Math.trunc(score);
    return [Math.floor(t / TWO_32), t % TWO_32];
  }
  let v: bigint;
  if (score < TWO_63) v = score >= -TWO_63 ? BigInt.asUintN(64, BigInt(Math.trunc(score))) : 1n << 63n;
  else v = score - TWO_63 >= TWO_63 ? 0n : BigInt(Math.trunc(score - TWO_63)) + (1n << 63n);
  return [Number(v >> 32n), Number(v & 0xffffffffn)];
}

/** decodeGeohash + geohashDecodeAreaToLongLat: a score's cell center, clamped to the limits. */
export function decodeScore(score: number): [number, number] {
  const [hi, lo] = scoreToUint64(score);
  const area = decodeWords(hi, lo, GEO_STEP_MAX);
  let lon = (area.longitude.min + area.longitude.max) / 2;
  if (lon > GEO_LONG_MAX) lon = GEO_LONG_MAX;
  if (lon < GEO_LONG_MIN) lon = GEO_LONG_MIN;
  let lat = (area.latitude.min + area.latitude.max) / 2;
  if (lat > GEO_LAT_MAX) lat = GEO_LAT_MAX;
  if (lat < GEO_LAT_MIN) lat = GEO_LAT_MIN;
  return [lon, lat];
}

const GEO_ALPHABET = '0123456789bcdefghjkmnpqrstuvwxyz';

/**
 * GEOHASH's string: the point re-encoded with the standard [-90, 90] latitude
 * range, 10 characters of 5 bits from the top of the 52, then a '0' (Redis
 * only has 52 bits but prints the customary 11 characters).
 */
export function geohashString(longitude: number, latitude: number): string {
  const bits = encode(WGS84_LONG, STANDARD_LAT, longitude, latitude, GEO_STEP_MAX).bits;
  let out = '';
  for (let i = 0; i < 10; i++) out += GEO_ALPHABET[Number((bits >> BigInt(52 - (i + 1) * 5)) & 0x1fn)];
  return out + '0';
}

/** geohash_move_x / geohash_move_y: one cell east/west (odd bits) or north/south (even bits). */
function move(hash: GeoHashBits, d: number, axis: bigint): GeoHashBits {
  if (d === 0) return hash;
  const other = axis === ODD_BITS ? EVEN_BITS : ODD_BITS;
  const shift = BigInt(64 - hash.step * 2);
  let v = hash.bits & axis;
  const keep = hash.bits & other;
  const zz = other >> shift;
  if (d > 0) v = (v + (zz + 1n)) & MASK64;
  else v = ((v | zz) - (zz + 1n)) & MASK64;
  v &= axis >> shift;
  return { bits: v | keep, step: hash.step };
}

interface Neighbors {
  north: GeoHashBits; south: GeoHashBits; east: GeoHashBits; west: GeoHashBits;
  northEast: GeoHashBits; northWest: GeoHashBits; southEast: GeoHashBits; southWest: GeoHashBits;
}

/** geohashNeighbors. */
function neighborsOf(h: GeoHashBits): Neighbors {
  const at = (dx: number, dy: number): GeoHashBits => move(move(h, dx, ODD_BITS), dy, EVEN_BITS);
  return {
    east: at(1, 0), west: at(-1, 0), south: at(0, -1), north: at(0, 1),
    northWest: at(-1, 1), northEast: at(1, 1), southEast: at(1, -1), southWest: at(-1, -1),
  };
}

/** geohashEstimateStepsByRadius: the cell size whose 3x3 block covers the radius. */
function estimateSteps(rangeMeters: number, lat: number): number {
  if (rangeMeters === 0) return 26;
  let step = 1;
  while (rangeMeters < MERCATOR_MAX) {
    rangeMeters *= 2;
    step++;
  }
  step -= 2;
  // Wider range towards the poles.
  if (lat > 66 || lat < -66) {
    step--;
    if (lat > 80 || lat < -80) step--;
  }
  if (step < 1) step = 1;
  if (step > 26) step = 26;
  return step;
}

/** A GEOSEARCH shape (GeoShape): sizes in their unit, `conversion` meters per unit. */
export type GeoShape =
  | { type: 'radius'; lon: number; lat: number; conversion: number; radius: number }
  | { type: 'box'; lon: number; lat: number; conversion: number; width: number; height: number };

/** geohashBoundingBox: [min lon, min lat, max lon, max lat]. */
function boundingBox(s: GeoShape): [number, number, number, number] {
  const height = s.conversion * (s.type === 'radius' ? s.radius : s.height / 2);
  const width = s.conversion * (s.type === 'radius' ? s.radius : s.width / 2);
  const latDelta = radDeg(height / EARTH_RADIUS_IN_METERS);
  const longDeltaTop = radDeg(width / EARTH_RADIUS_IN_METERS / cos(degRad(s.lat + latDelta)));
  const longDeltaBottom = radDeg(width / EARTH_RADIUS_IN_METERS / cos(degRad(s.lat - latDelta)));
  // The box is widest at its top in the north and at its bottom in the south.
  const south = s.lat < 0;
  return [
    south ? s.lon - longDeltaBottom : s.lon - longDeltaTop,
    s.lat - latDelta,
    south ? s.lon + longDeltaBottom : s.lon + longDeltaTop,
    s.lat + latDelta,
  ];
}

/**
 * geohashCalculateAreasByShapeWGS84: the center cell and its 8 neighbours, in
 * the order membersOfAllNeighbors scans them (center, N, S, E, W, NE, NW, SE,
 * SW); null for the neighbours excluded as outside the shape's bounding box.
 */
export function areasByShape(s: GeoShape): (GeoHashBits | null)[] {
  const [minLon, minLat, maxLon, maxLat] = boundingBox(s);
  let radiusMeters = s.type === 'radius' ? s.radius : Math.sqrt((s.width / 2) * (s.width / 2) + (s.height / 2) * (s.height / 2));
  radiusMeters *= s.conversion;
  let steps = estimateSteps(radiusMeters, s.lat);
  let hash = encode(WGS84_LONG, WGS84_LAT, s.lon, s.lat, steps);
  let n = neighborsOf(hash);
  // A shape near the edge of its cell may reach past the neighbours: use bigger cells.
  const decreaseStep = decodeHash(n.north).latitude.max < maxLat || decodeHash(n.south).latitude.min > minLat ||
    decodeHash(n.east).longitude.max < maxLon || decodeHash(n.west).longitude.min > minLon;
  if (steps > 1 && decreaseStep) {
    steps--;
    hash = encode(WGS84_LONG, WGS84_LAT, s.lon, s.lat, steps);
    n = neighborsOf(hash);
  }
  const area = decodeHash(hash);
  const cells: Record<keyof Neighbors, GeoHashBits | null> = { ...n };
  if (steps >= 2) {
    if (area.latitude.min < minLat) cells.south = cells.southWest = cells.southEast = null;
    if (area.latitude.max > maxLat) cells.north = cells.northEast = cells.northWest = null;
    if (area.longitude.min < minLon) cells.west = cells.southWest = cells.northWest = null;
    if (area.longitude.max > maxLon) cells.east = cells.southEast = cells.northEast = null;
  }
  return [hash, cells.north, cells.south, cells.east, cells.west, cells.northEast, cells.northWest, cells.southEast, cells.southWest];
}

/** scoresOfGeoHashBox: the score interval [min, max) of the points inside a cell. */
export function cellScoreRange(hash: GeoHashBits): [number, number] {
  return [Number(align52(hash)), Number(align52({ bits: hash.bits + 1n, step: hash.step }))];
}

/** geohashGetLatDistance: the distance along a meridian. */
function latDistance(lat1d: number, lat2d: number): number {
  return EARTH_RADIUS_IN_METERS * Math.abs(degRad(lat2d) - degRad(lat1d));
}

/** geohashGetDistance: the haversine great circle distance in meters. */
export function geoDistance(lon1d: number, lat1d: number, lon2d: number, lat2d: number): number {
  const lon1r = degRad(lon1d);
  const lon2r = degRad(lon2d);
  const v = sin((lon2r - lon1r) / 2);
  // Redis skips the trigonometry when the longitudes are (practically) the same.
  if (v === 0.0) return latDistance(lat1d, lat2d);
  const lat1r = degRad(lat1d);
  const lat2r = degRad(lat2d);
  const u = sin((lat2r - lat1r) / 2);
  const a = u * u + cos(lat1r) * cos(lat2r) * v * v;
  return 2.0 * EARTH_RADIUS_IN_METERS * asin(Math.sqrt(a));
}

/**
 * geoAppendIfWithinShape's test: the distance from the shape's center to the
 * point, or -1 when the point is outside (the radius, or the box measured
 * along the parallel and the meridian through the point).
 */
export function distanceIfInShape(s: GeoShape, lon: number, lat: number): number {
  if (s.type === 'radius') {
    const d = geoDistance(s.lon, s.lat, lon, lat);
    return d > s.radius * s.conversion ? -1 : d;
  }
  const widthM = s.width * s.conversion;
  const heightM = s.height * s.conversion;
  if (latDistance(lat, s.lat) > heightM / 2) return -1;
  if (geoDistance(lon, lat, s.lon, lat) > widthM / 2) return -1;
  return geoDistance(s.lon, s.lat, lon, lat);
}
