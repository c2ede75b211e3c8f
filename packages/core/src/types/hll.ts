// The HyperLogLog value (hyperloglog.c): a Redis string holding a 16-byte
// header ("HYLL", encoding byte, 3 unused bytes, cached cardinality little
// endian with the MSB of the last byte as "invalid" flag) and 16384 6-bit
// registers, either dense (12288 bytes) or sparse (ZERO/XZERO/VAL opcodes).
// Every operation edits the bytes exactly as Redis does, so GET of an HLL
// returns what redis-server 7.0.15 would hold.
import { E } from '../errors.ts';
import { bytesToLatin1, latin1ToBytes } from '../util/bytes.ts';
import { murmurHash64A } from '../util/murmur64.ts';

export const HLL_P = 14;
const HLL_Q = 64 - HLL_P;
export const HLL_REGISTERS = 1 << HLL_P;
const HLL_P_MASK = HLL_REGISTERS - 1;
const HLL_BITS = 6;
export const HLL_REGISTER_MAX = (1 << HLL_BITS) - 1;
export const HLL_HDR_SIZE = 16;
export const HLL_DENSE_SIZE = HLL_HDR_SIZE + ((HLL_REGISTERS * HLL_BITS + 7) >> 3);
export const HLL_DENSE = 0;
export const HLL_SPARSE = 1;
const HLL_MAX_ENCODING = 1;
const ENCODING_OFFSET = 4;
const CARD_OFFSET = 8;

const SPARSE_VAL_MAX_VALUE = 32;
const SPARSE_VAL_MAX_LEN = 4;
const SPARSE_ZERO_MAX_LEN = 64;
const SPARSE_XZERO_MAX_LEN = 16384;
const HLL_ALPHA_INF = 0.721347520444481703680; // 0.5/ln(2)

const isZero = (b: number): boolean => (b & 0xc0) === 0;
const isXzero = (b: number): boolean => (b & 0xc0) === 0x40;
const isVal = (b: number): boolean => (b & 0x80) !== 0;
const zeroLen = (b: number): number => (b & 0x3f) + 1;
const xzeroLen = (b: number, next: number): number => (((b & 0x3f) << 8) | next) + 1;
const valValue = (b: number): number => ((b >> 2) & 0x1f) + 1;
const valLen = (b: number): number => (b & 0x3) + 1;
const valByte = (value: number, len: number): number => (((value - 1) << 2) | (len - 1)) | 0x80;

/**
 * isHLLObjectOrReply's checks on a string value: long enough for the header,
 * the "HYLL" magic, a known encoding, and the exact size when dense.
 */
export function isValidHll(s: string): boolean {
  if (s.length < HLL_HDR_SIZE || !s.startsWith('HYLL')) return false;
  const encoding = s.charCodeAt(ENCODING_OFFSET);
  if (encoding > HLL_MAX_ENCODING) return false;
  return encoding !== HLL_DENSE || s.length === HLL_DENSE_SIZE;
}

/**
 * An HLL string being edited. `bytes` keeps room beyond `len`: one zero byte
 * past the dense registers (Redis reads and writes the sds terminator there)
 * and space for a sparse opcode split.
 */
export class HllBuffer {
  constructor(public bytes: Uint8Array, public len: number) {}

  static fromString(s: string): HllBuffer {
    return new HllBuffer(latin1ToBytes(s, 8), s.length);
  }

  /** createHLLObject: a sparse HLL of XZERO opcodes covering every register. */
  static empty(): HllBuffer {
    const xzeros = Math.ceil(HLL_REGISTERS / SPARSE_XZERO_MAX_LEN);
    const h = new HllBuffer(new Uint8Array(HLL_HDR_SIZE + xzeros * 2 + 8), HLL_HDR_SIZE + xzeros * 2);
    h.bytes.set([72, 89, 76, 76]); // "HYLL"
    h.bytes[ENCODING_OFFSET] = HLL_SPARSE;
    let left = HLL_REGISTERS;
    let p = HLL_HDR_SIZE;
    while (left > 0) {
      const run = Math.min(left, SPARSE_XZERO_MAX_LEN);
      h.bytes[p] = ((run - 1) >> 8) | 0x40;
      h.bytes[p + 1] = (run - 1) & 0xff;
      p += 2;
      left -= run;
    }
    return h;
  }

  toString(): string {
    return bytesToLatin1(this.bytes, this.len);
  }

  get encoding(): number {
    return this.bytes[ENCODING_OFFSET];
  }

  /** Make sure `extra` bytes fit past len (sdsMakeRoomFor). */
  reserve(extra: number): void {
    if (this.len + extra + 1 <= this.bytes.length) return;
    const grown = new Uint8Array((this.len + extra + 1) * 2);
    grown.set(this.bytes.subarray(0, this.len));
    this.bytes = grown;
  }

  invalidateCache(): void {
    this.bytes[CARD_OFFSET + 7] |= 0x80;
  }

  isCacheValid(): boolean {
    return (this.bytes[CARD_OFFSET + 7] & 0x80) === 0;
  }

  /** The cached cardinality (a uint64). */
  cachedCard(): number | bigint {
    const b = this.bytes;
    const lo = (b[8] | (b[9] << 8) | (b[10] << 16) | (b[11] << 24)) >>> 0;
    const hi = (b[12] | (b[13] << 8) | (b[14] << 16) | (b[15] << 24)) >>> 0;
    return hi < 0x200000 ? hi * 4294967296 + lo : (BigInt(hi) << 32n) | BigInt(lo);
  }

  setCachedCard(card: number | bigint): void {
    let v = BigInt(card);
    for (let i = 0; i < 8; i++) {
      this.bytes[CARD_OFFSET + i] = Number(v & 0xffn);
      v >>= 8n;
    }
  }
}

// hllPatLen's results, kept here to avoid an allocation per element.
let patIndex = 0;

/**
 * hllPatLen: the register an element hashes to (left in patIndex) and the
 * length of the 000..1 pattern of the remaining 50 hash bits (1..51).
 */
function patLen(ele: string | Uint8Array): number {
  const h = murmurHash64A(ele, 0xadc83b19);
  patIndex = h.lo & HLL_P_MASK;
  // Bits 14..63 of the hash, with bit 50 of the shifted value forced on.
  const low = h.lo >>> HLL_P;
  if (low !== 0) return 32 - Math.clz32(low & -low);
  if (h.hi !== 0) return 32 - HLL_P + 32 - Math.clz32(h.hi & -h.hi);
  return HLL_Q + 1;
}

/** HLL_DENSE_GET_REGISTER on the registers that start at HLL_HDR_SIZE. */
function denseGet(b: Uint8Array, regnum: number): number {
  const byte = HLL_HDR_SIZE + ((regnum * HLL_BITS) >> 3);
  const fb = (regnum * HLL_BITS) & 7;
  return ((b[byte] >> fb) | (b[byte + 1] << (8 - fb))) & HLL_REGISTER_MAX;
}

function denseSetRaw(b: Uint8Array, regnum: number, val: number): void {
  const byte = HLL_HDR_SIZE + ((regnum * HLL_BITS) >> 3);
  const fb = (regnum * HLL_BITS) & 7;
  const fb8 = 8 - fb;
  b[byte] &= ~(HLL_REGISTER_MAX << fb);
  b[byte] |= val << fb;
  b[byte + 1] &= ~(HLL_REGISTER_MAX >> fb8);
  b[byte + 1] |= val >> fb8;
}

/** hllDenseSet: raise the register to count; 1 if it changed. */
function denseSet(h: HllBuffer, index: number, count: number): 0 | 1 {
  if (count > denseGet(h.bytes, index)) {
    denseSetRaw(h.bytes, index, count);
    return 1;
  }
  return 0;
}

/** A register of a dense HLL (PFDEBUG GETREG). */
export const denseRegister = (h: HllBuffer, regnum: number): number => denseGet(h.bytes, regnum);

/** The opcode kinds of the sparse representation. */
const ZERO = 0;
const XZERO = 1;
const VAL = 2;

/**
 * Walk the opcodes of a sparse HLL in order: visit(kind, value, runlen, first)
 * with `first` the index of the run's first register (0 for zero runs). The
 * walk stops early when visit returns false. Returns the index past the last
 * register visited, which is 16384 for a valid representation.
 */
function walkSparse(h: HllBuffer, visit: (kind: number, value: number, runlen: number, first: number) => boolean | void): number {
  const b = h.bytes;
  let idx = 0;
  let p = HLL_HDR_SIZE;
  while (p < h.len) {
    const op = b[p];
    let kind: number;
    let value = 0;
    let runlen: number;
    if (isZero(op)) {
      kind = ZERO;
      runlen = zeroLen(op);
      p++;
    } else if (isXzero(op)) {
      kind = XZERO;
      runlen = xzeroLen(op, b[p + 1]);
      p += 2;
    } else {
      kind = VAL;
      value = valValue(op);
      runlen = valLen(op);
      p++;
    }
    if (visit(kind, value, runlen, idx) === false) break;
    idx += runlen;
  }
  return idx;
}

/**
 * hllSparseToDense: rewrite a sparse HLL as dense in place, keeping the
 * header (and so the cached cardinality). False if the opcodes don't cover
 * exactly the 16384 registers (the value is then left alone).
 */
export function sparseToDense(h: HllBuffer): boolean {
  if (h.encoding === HLL_DENSE) return true;
  const dense = new Uint8Array(HLL_DENSE_SIZE + 8);
  dense.set(h.bytes.subarray(0, HLL_HDR_SIZE));
  dense[ENCODING_OFFSET] = HLL_DENSE;
  // A VAL run past the last register stops the conversion (an invalid HLL).
  const idx = walkSparse(h, (kind, value, runlen, first) => {
    if (kind !== VAL) return true;
    if (runlen + first > HLL_REGISTERS) return false;
    for (let i = first; i < first + runlen; i++) denseSetRaw(dense, i, value);
    return true;
  });
  if (idx !== HLL_REGISTERS) return false;
  h.bytes = dense;
  h.len = HLL_DENSE_SIZE;
  return true;
}

/** A run of len zero registers as one ZERO or XZERO opcode. */
function putZeroRun(seq: number[], len: number): void {
  if (len > SPARSE_ZERO_MAX_LEN) seq.push(((len - 1) >> 8) | 0x40, (len - 1) & 0xff);
  else seq.push(len - 1);
}

/**
 * hllSparseSet: raise register `index` to `count` in a sparse HLL, splitting the
 * opcode that covers it and merging equal VAL neighbours afterwards. Promotes to
 * dense when count exceeds 32 or the result would outgrow hll-sparse-max-bytes.
 * 1 if updated, 0 if not, -1 if the representation is invalid.
 */
export function sparseSet(h: HllBuffer, index: number, count: number, sparseMaxBytes: number): -1 | 0 | 1 {
  if (count > SPARSE_VAL_MAX_VALUE) return promote(h, index, count);
  h.reserve(3);
  let b = h.bytes;
  const sparse = HLL_HDR_SIZE;
  let end = h.len;
  let p = sparse;
  let first = 0;
  let prev = -1;
  let span = 0;
  // Step 1: find the opcode covering the register.
  while (p < end) {
    const op = b[p];
    let oplen = 1;
    if (isZero(op)) span = zeroLen(op);
    else if (isVal(op)) span = valLen(op);
    else {
      span = xzeroLen(op, b[p + 1]);
      oplen = 2;
    }
    if (index <= first + span - 1) break;
    prev = p;
    p += oplen;
    first += span;
  }
  if (span === 0 || p >= end) return -1;
  const op = b[p];
  let next = isXzero(op) ? p + 2 : p + 1;
  if (next >= end) next = -1;
  const opIsZero = isZero(op);
  const opIsXzero = isXzero(op);
  const runlen = opIsZero ? zeroLen(op) : opIsXzero ? xzeroLen(op, b[p + 1]) : valLen(op);

  let updatedInPlace = false;
  if (!opIsZero && !opIsXzero) {
    // A) already at least count: nothing to do. B) a VAL of one register: update it.
    if (valValue(op) >= count) return 0;
    if (runlen === 1) {
      b[p] = valByte(count, 1);
      updatedInPlace = true;
    }
  }
  // C) a ZERO of one register becomes a VAL.
  if (!updatedInPlace && opIsZero && runlen === 1) {
    b[p] = valByte(count, 1);
    updatedInPlace = true;
  }
  if (!updatedInPlace) {
    // D) split the opcode into up to three: before, the register, after.
    const seq: number[] = [];
    const last = first + span - 1;
    if (opIsZero || opIsXzero) {
      if (index !== first) putZeroRun(seq, index - first);
      seq.push(valByte(count, 1));
      if (index !== last) putZeroRun(seq, last - index);
    } else {
      const curval = valValue(op);
      if (index !== first) seq.push(valByte(curval, index - first));
      seq.push(valByte(count, 1));
      if (index !== last) seq.push(valByte(curval, last - index));
    }
    // Step 3: put the new sequence in place of the old opcode.
    const oldlen = opIsXzero ? 2 : 1;
    const deltalen = seq.length - oldlen;
    if (deltalen > 0 && h.len + deltalen > sparseMaxBytes) return promote(h, index, count);
    if (deltalen !== 0 && next !== -1) b.copyWithin(next + deltalen, next, end);
    h.len += deltalen;
    b[h.len] = 0; // sdsIncrLen's new terminator
    b.set(seq, p);
    end += deltalen;
  }
  // Step 4: merge adjacent VAL opcodes of the same value, scanning up to 5 opcodes from prev.
  b = h.bytes;
  p = prev !== -1 ? prev : sparse;
  let scanlen = 5;
  while (p < end && scanlen--) {
    const cur = b[p];
    if (isXzero(cur)) {
      p += 2;
      continue;
    }
    if (isZero(cur)) {
      p++;
      continue;
    }
    if (p + 1 < end && isVal(b[p + 1])) {
      const v1 = valValue(cur);
      const v2 = valValue(b[p + 1]);
      if (v1 === v2) {
        const len = valLen(cur) + valLen(b[p + 1]);
        if (len <= SPARSE_VAL_MAX_LEN) {
          b[p + 1] = valByte(v1, len);
          b.copyWithin(p, p + 1, end);
          h.len--;
          b[h.len] = 0;
          end--;
          continue;
        }
      }
    }
    p++;
  }
  h.invalidateCache();
  return 1;
}

/** The promote path of hllSparseSet: convert to dense, then set there. */
function promote(h: HllBuffer, index: number, count: number): -1 | 1 {
  if (!sparseToDense(h)) return -1;
  // A register that needed an update in sparse form needs it in dense form too.
  denseSet(h, index, count);
  return 1;
}

/** hllAdd: 1 if a register changed, 0 if not, -1 on an invalid representation. */
export function hllAdd(h: HllBuffer, ele: string | Uint8Array, sparseMaxBytes: number): -1 | 0 | 1 {
  const count = patLen(ele);
  switch (h.encoding) {
    case HLL_DENSE: return denseSet(h, patIndex, count);
    case HLL_SPARSE: return sparseSet(h, patIndex, count, sparseMaxBytes);
    default: return -1;
  }
}

/** Raise register `index` of a dense or sparse HLL to `value` (PFMERGE's write-back). */
export function hllSet(h: HllBuffer, index: number, value: number, sparseMaxBytes: number): void {
  if (h.encoding === HLL_DENSE) denseSet(h, index, value);
  else sparseSet(h, index, value, sparseMaxBytes);
}

/**
 * hllMerge: max[i] = MAX(max[i], register i). False if a sparse HLL's opcodes
 * don't cover exactly the 16384 registers.
 */
export function hllMerge(max: Uint8Array, h: HllBuffer): boolean {
  const b = h.bytes;
  if (h.encoding === HLL_DENSE) {
    for (let i = 0; i < HLL_REGISTERS; i++) {
      const v = denseGet(b, i);
      if (v > max[i]) max[i] = v;
    }
    return true;
  }
  const end = walkSparse(h, (kind, value, runlen, first) => {
    if (kind !== VAL) return true;
    if (runlen + first > HLL_REGISTERS) return false;
    for (let i = first; i < first + runlen; i++) if (value > max[i]) max[i] = value;
    return true;
  });
  return end === HLL_REGISTERS;
}

/** hllSigma from Ertl, "New cardinality estimation algorithms for HyperLogLog sketches". */
function sigma(x: number): number {
  if (x === 1) return Infinity;
  let zPrime: number;
  let y = 1;
  let z = x;
  do {
    x *= x;
    zPrime = z;
    z += x * y;
    y += y;
  } while (zPrime !== z);
  return z;
}

/** hllTau from the same paper. */
function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let zPrime: number;
  let y = 1.0;
  let z = 1 - x;
  do {
    x = Math.sqrt(x);
    zPrime = z;
    y *= 0.5;
    const d = 1 - x;
    z -= d * d * y;
  } while (zPrime !== z);
  return z / 3;
}

/** The estimate from a register histogram (hllCount's common part), as a uint64. */
function estimate(reghisto: Float64Array): number | bigint {
  const m = HLL_REGISTERS;
  let z = m * tau((m - reghisto[HLL_Q + 1]) / m);
  for (let j = HLL_Q; j >= 1; --j) {
    z += reghisto[j];
    z *= 0.5;
  }
  z += m * sigma(reghisto[0] / m);
  const e = Math.round((HLL_ALPHA_INF * m * m) / z);
  // llroundl of an out-of-range value gives LLONG_MIN on x86-64, read back as 2^63.
  return Number.isFinite(e) && e < 2 ** 63 ? e : 2n ** 63n;
}

/**
 * hllCount of a dense or sparse HLL: the estimate, or null if a sparse HLL's
 * opcodes don't cover exactly the 16384 registers.
 */
export function hllCount(h: HllBuffer): number | bigint | null {
  const reghisto = new Float64Array(64);
  const b = h.bytes;
  if (h.encoding === HLL_DENSE) {
    for (let i = 0; i < HLL_REGISTERS; i++) reghisto[denseGet(b, i)]++;
  } else {
    // Unlike the conversions, the histogram counts every run, even past the end.
    const idx = walkSparse(h, (_kind, value, runlen) => {
      reghisto[value] += runlen;
    });
    if (idx !== HLL_REGISTERS) return null;
  }
  return estimate(reghisto);
}

/** hllCount of the HLL_RAW form: one register per byte (multi-key PFCOUNT). */
export function rawCount(registers: Uint8Array): number | bigint {
  const reghisto = new Float64Array(64);
  for (let i = 0; i < HLL_REGISTERS; i++) reghisto[registers[i]]++;
  return estimate(reghisto);
}

/** PFDEBUG DECODE: the sparse opcodes as "Z:<len> z:<len> v:<value>,<len>". */
export function decodeSparse(h: HllBuffer): string {
  const parts: string[] = [];
  walkSparse(h, (kind, value, runlen) => {
    parts.push(kind === ZERO ? `z:${runlen}` : kind === XZERO ? `Z:${runlen}` : `v:${value},${runlen}`);
  });
  return parts.join(' ');
}

const SELFTEST_CYCLES = 1000;

/**
 * PFSELFTEST's checks, as Redis runs them: random values set into every dense
 * register and read back (1000 rounds), then 10M elements added to a dense and
 * a sparse HLL at once, checking at each power of ten that the sparse one is
 * still sparse while small, that both agree, and that the error stays within
 * six standard errors. The failure message, or null.
 */
export function selfTest(rand: () => number, sparseMaxBytes: number): string | null {
  const dense = new HllBuffer(new Uint8Array(HLL_DENSE_SIZE + 8), HLL_DENSE_SIZE);
  const expected = new Uint8Array(HLL_REGISTERS);
  for (let j = 0; j < SELFTEST_CYCLES; j++) {
    for (let i = 0; i < HLL_REGISTERS; i++) {
      const r = Math.floor(rand() * 2147483648) & HLL_REGISTER_MAX;
      expected[i] = r;
      denseSetRaw(dense.bytes, i, r);
    }
    for (let i = 0; i < HLL_REGISTERS; i++) {
      const val = denseGet(dense.bytes, i);
      if (val !== expected[i]) return E.PFSELFTEST_REGISTER(i, expected[i], val);
    }
  }
  dense.bytes.fill(0);
  const sparse = HllBuffer.empty();
  const relerr = 1.04 / Math.sqrt(HLL_REGISTERS);
  // The elements are the 8 bytes of j ^ seed, a random 62-bit seed.
  const seedLo = Math.floor(rand() * 2147483648);
  const seedHi = Math.floor(rand() * 2147483648);
  const ele = new Uint8Array(8);
  const view = new DataView(ele.buffer);
  view.setUint32(4, seedHi, true);
  let checkpoint = 1;
  for (let j = 1; j <= 10_000_000; j++) {
    view.setUint32(0, (j ^ seedLo) >>> 0, true);
    // Hashed once for both HLLs: the same register and count either way.
    const count = patLen(ele);
    denseSet(dense, patIndex, count);
    if (sparse.encoding === HLL_DENSE) denseSet(sparse, patIndex, count);
    else sparseSet(sparse, patIndex, count, sparseMaxBytes);
    if (j !== checkpoint) continue;
    if (j < sparseMaxBytes / 2 && sparse.encoding !== HLL_SPARSE) return E.PFSELFTEST_NOT_SPARSE;
    const card = Number(hllCount(dense));
    if (card !== Number(hllCount(sparse))) return E.PFSELFTEST_DISAGREE;
    // Cardinality 10 may collide now and then: Redis allows an error of 1 there.
    const maxerr = j === 10 ? 1 : Math.ceil(relerr * 6 * checkpoint);
    const abserr = Math.abs(checkpoint - card);
    if (abserr > maxerr) return E.PFSELFTEST_ERROR(checkpoint, abserr);
    checkpoint *= 10;
  }
  return null;
}
