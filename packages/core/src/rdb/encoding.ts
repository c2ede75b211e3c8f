// The RDB primitives of rdb.c that a DUMP payload is made of: lengths
// (rdbSaveLen / rdbLoadLenByRef), strings with their integer and LZF encodings
// (rdbSaveRawString / rdbGenericLoadStringObject), binary doubles, and the
// little-endian integers of the listpack and intset blobs. Bytes are latin1 strings.
import { parseLL } from '../util/parse.ts';
import { lzfCompress, lzfDecompress } from './lzf.ts';

/** A payload that does not parse: RESTORE answers "ERR Bad data format". */
export class RdbFormatError extends Error {}

/** Throw RdbFormatError (a failed check of rdbLoadObject). */
export function corrupt(why: string): never {
  throw new RdbFormatError(why);
}

// The two top bits of a length byte (RDB_6BITLEN ... RDB_ENCVAL) and the special encodings.
const RDB_6BITLEN = 0;
const RDB_14BITLEN = 1;
const RDB_32BITLEN = 0x80;
const RDB_64BITLEN = 0x81;
const RDB_ENCVAL = 3;
const RDB_ENC_INT8 = 0;
const RDB_ENC_INT16 = 1;
const RDB_ENC_INT32 = 2;
const RDB_ENC_LZF = 3;

/** Strings above this length are offered to LZF (shorter ones never shrink). */
const LZF_MIN_LENGTH = 20;

/** The n-byte little-endian encoding of a non-negative integer below 2^53. */
export function uintLE(v: number, n: number): string {
  let s = '';
  for (let k = 0; k < n; k++) {
    s += String.fromCharCode(v % 256);
    v = Math.floor(v / 256);
  }
  return s;
}

/** The n-byte little-endian two's complement encoding of a signed integer (n <= 8). */
export function intLE(v: bigint, n: number): string {
  let u = BigInt.asUintN(n * 8, v);
  let s = '';
  for (let k = 0; k < n; k++) {
    s += String.fromCharCode(Number(u & 0xffn));
    u >>= 8n;
  }
  return s;
}

/** The signed little-endian integer of n (<= 8) bytes at pos. */
export function readIntLE(s: string, pos: number, n: number): bigint {
  let u = 0n;
  for (let k = n - 1; k >= 0; k--) u = (u << 8n) | BigInt(s.charCodeAt(pos + k));
  return BigInt.asIntN(n * 8, u);
}

/** The unsigned little-endian integer of n (<= 6) bytes at pos. */
export function readUintLE(s: string, pos: number, n: number): number {
  let v = 0;
  for (let k = n - 1; k >= 0; k--) v = v * 256 + s.charCodeAt(pos + k);
  return v;
}

/** rdbEncodeInteger: the int8/16/32 string encoding of v, or null if it does not fit. */
function encodeInteger(v: number): string | null {
  const enc = (type: number): string => String.fromCharCode((RDB_ENCVAL << 6) | type);
  if (v >= -128 && v <= 127) return enc(RDB_ENC_INT8) + intLE(BigInt(v), 1);
  if (v >= -32768 && v <= 32767) return enc(RDB_ENC_INT16) + intLE(BigInt(v), 2);
  if (v >= -2147483648 && v <= 2147483647) return enc(RDB_ENC_INT32) + intLE(BigInt(v), 4);
  return null;
}

/** Builds a payload from chunks (rio's buffer target). */
export class RdbWriter {
  private readonly parts: string[] = [];

  constructor(private readonly compress: boolean) {}

  raw(bytes: string): void {
    this.parts.push(bytes);
  }

  byte(b: number): void {
    this.parts.push(String.fromCharCode(b));
  }

  /** rdbSaveLen: 6-bit, 14-bit, 32-bit or 64-bit (both big-endian) length. */
  len(n: number): void {
    if (n < 1 << 6) this.byte((RDB_6BITLEN << 6) | n);
    else if (n < 1 << 14) this.raw(String.fromCharCode((RDB_14BITLEN << 6) | (n >> 8), n & 0xff));
    else if (n <= 0xffffffff) this.raw(String.fromCharCode(RDB_32BITLEN) + uintLE(n, 4).split('').reverse().join(''));
    else this.raw(String.fromCharCode(RDB_64BITLEN) + uintLE(n, 8).split('').reverse().join(''));
  }

  /** rdbSaveLen of a 64-bit unsigned value (stream IDs and counters). */
  lenBig(n: bigint): void {
    if (n <= 0xffffffffn) return this.len(Number(n));
    let be = '';
    for (let k = 7; k >= 0; k--) be += String.fromCharCode(Number((n >> BigInt(8 * k)) & 0xffn));
    this.raw(String.fromCharCode(RDB_64BITLEN) + be);
  }

  /** rdbSaveMillisecondTime: an int64, little-endian. */
  millisecondTime(ms: number): void {
    this.raw(intLE(BigInt(ms), 8));
  }

  /**
   * rdbSaveRawString: a short canonical int32 as an integer encoding, a string
   * longer than 20 bytes LZF-compressed when that saves at least 4 bytes (and
   * rdbcompression is on), anything else as length + bytes.
   */
  string(s: string): void {
    if (s.length <= 11) {
      const n = parseLL(s);
      const enc = n === null ? null : encodeInteger(n);
      if (enc !== null) return this.raw(enc);
    }
    if (this.compress && s.length > LZF_MIN_LENGTH) {
      const packed = lzfCompress(s, s.length - 4);
      if (packed !== null) {
        this.byte((RDB_ENCVAL << 6) | RDB_ENC_LZF);
        this.len(packed.length);
        this.len(s.length);
        return this.raw(packed);
      }
    }
    this.len(s.length);
    this.raw(s);
  }

  /** rdbSaveBinaryDoubleValue: the IEEE 754 double, little-endian. */
  binaryDouble(d: number): void {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, d, true);
    let s = '';
    for (let k = 0; k < 8; k++) s += String.fromCharCode(view.getUint8(k));
    this.raw(s);
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** Reads a payload front to back (rio over a buffer); running out of bytes is corruption. */
export class RdbReader {
  pos = 0;

  constructor(private readonly data: string, private readonly end = data.length) {}

  bytes(n: number): string {
    if (n > this.end - this.pos) corrupt('short read');
    const s = this.data.slice(this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  byte(): number {
    if (this.pos >= this.end) corrupt('short read');
    return this.data.charCodeAt(this.pos++);
  }

  /**
   * rdbLoadLenByRef. An encoded-value byte (0b11xxxxxx) read where a plain length
   * is expected yields its low 6 bits, as Redis's rdbLoadLen(rdb, NULL) does.
   */
  lenWithFlag(): { len: number; encoded: boolean } {
    const b = this.byte();
    const type = b >> 6;
    if (type === RDB_ENCVAL) return { len: b & 0x3f, encoded: true };
    if (type === RDB_6BITLEN) return { len: b & 0x3f, encoded: false };
    if (type === RDB_14BITLEN) return { len: ((b & 0x3f) << 8) | this.byte(), encoded: false };
    if (b === RDB_32BITLEN) return { len: this.bigEndian(4), encoded: false };
    if (b === RDB_64BITLEN) return { len: this.bigEndian(8), encoded: false };
    return corrupt(`unknown length encoding ${b}`);
  }

  len(): number {
    return this.lenWithFlag().len;
  }

  /** rdbLoadLen of a value that may use all 64 bits (stream IDs and counters). */
  lenBig(): bigint {
    const b = this.byte();
    if (b === RDB_64BITLEN) {
      let v = 0n;
      for (let k = 0; k < 8; k++) v = (v << 8n) | BigInt(this.byte());
      return v;
    }
    this.pos--;
    return BigInt(this.len());
  }

  /** rdbLoadMillisecondTime. */
  millisecondTime(): number {
    return Number(readIntLE(this.bytes(8), 0, 8));
  }

  private bigEndian(n: number): number {
    let v = 0;
    for (let k = 0; k < n; k++) v = v * 256 + this.byte();
    // A length beyond 2^53 cannot be backed by the bytes that follow anyway.
    if (!Number.isSafeInteger(v)) corrupt('length too large');
    return v;
  }

  /** rdbGenericLoadStringObject: a plain, integer-encoded or LZF-compressed string. */
  string(): string {
    const { len, encoded } = this.lenWithFlag();
    if (!encoded) return this.bytes(len);
    switch (len) {
      case RDB_ENC_INT8:
        return String(readIntLE(this.bytes(1), 0, 1));
      case RDB_ENC_INT16:
        return String(readIntLE(this.bytes(2), 0, 2));
      case RDB_ENC_INT32:
        return String(readIntLE(this.bytes(4), 0, 4));
      case RDB_ENC_LZF: {
        const clen = this.len();
        const outLen = this.len();
        const packed = this.bytes(clen);
        // lzf_decompress into a 0-byte buffer returns 0, which Redis takes as success.
        if (outLen === 0) return '';
        const s = lzfDecompress(packed, outLen);
        return s ?? corrupt('invalid LZF compressed string');
      }
      default:
        return corrupt(`unknown string encoding ${len}`);
    }
  }

  /** rdbLoadBinaryDoubleValue. */
  binaryDouble(): number {
    const s = this.bytes(8);
    const view = new DataView(new ArrayBuffer(8));
    for (let k = 0; k < 8; k++) view.setUint8(k, s.charCodeAt(k));
    return view.getFloat64(0, true);
  }
}
