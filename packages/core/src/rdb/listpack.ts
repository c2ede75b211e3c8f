// Redis's listpack byte format (listpack.c), the blob inside the *_LISTPACK RDB
// types and the quicklist nodes of RDB_TYPE_LIST_QUICKLIST_2:
//   <total bytes: u32 LE> <count: u16 LE, 65535 = unknown> <entry>... <0xFF>
// An entry is <encoding+data><backlen>, backlen being the size of encoding+data in
// 1-5 bytes of 7 bits each. A canonical int64 string is stored as an integer.
import { parseInt64 } from '../util/parse.ts';
import { corrupt, intLE, readIntLE, readUintLE, uintLE } from './encoding.ts';

const HEADER_SIZE = 6;
const EOF_BYTE = 0xff;
/** LP_HDR_NUMELE_UNKNOWN: the count field saturates here. */
const NUMELE_UNKNOWN = 65535;

const ENC_16BIT_INT = 0xf1;
const ENC_24BIT_INT = 0xf2;
const ENC_32BIT_INT = 0xf3;
const ENC_64BIT_INT = 0xf4;
const ENC_32BIT_STR = 0xf0;

/** lpEncodeBacklen: the entry size l in 1-5 bytes, read from the right. */
function backlen(l: number): string {
  const b = (...codes: number[]): string => String.fromCharCode(...codes);
  if (l <= 127) return b(l);
  if (l < 16383) return b(l >> 7, (l & 127) | 128);
  if (l < 2097151) return b(l >> 14, ((l >> 7) & 127) | 128, (l & 127) | 128);
  if (l < 268435455) return b(l >> 21, ((l >> 14) & 127) | 128, ((l >> 7) & 127) | 128, (l & 127) | 128);
  return b(Math.floor(l / 268435456), ((l >> 21) & 127) | 128, ((l >> 14) & 127) | 128, ((l >> 7) & 127) | 128, (l & 127) | 128);
}

/** lpEncodeIntegerGetType + the encoding bytes of an integer entry (without backlen). */
function encodeInt(v: bigint): string {
  if (v >= 0n && v <= 127n) return String.fromCharCode(Number(v));
  if (v >= -4096n && v <= 4095n) {
    const u = Number(BigInt.asUintN(13, v));
    return String.fromCharCode(0xc0 | (u >> 8), u & 0xff);
  }
  if (v >= -32768n && v <= 32767n) return String.fromCharCode(ENC_16BIT_INT) + intLE(v, 2);
  if (v >= -8388608n && v <= 8388607n) return String.fromCharCode(ENC_24BIT_INT) + intLE(v, 3);
  if (v >= -2147483648n && v <= 2147483647n) return String.fromCharCode(ENC_32BIT_INT) + intLE(v, 4);
  return String.fromCharCode(ENC_64BIT_INT) + intLE(v, 8);
}

/** The encoding bytes of a string entry (without backlen). */
function encodeString(s: string): string {
  const n = s.length;
  if (n < 64) return String.fromCharCode(0x80 | n) + s;
  if (n < 4096) return String.fromCharCode(0xe0 | (n >> 8), n & 0xff) + s;
  return String.fromCharCode(ENC_32BIT_STR) + uintLE(n, 4) + s;
}

/** One whole entry: a canonical int64 (lpStringToInt64) as an integer, else a string. */
export function encodeEntry(s: string): string {
  const v = s.length <= 20 ? parseInt64(s) : null;
  const body = v === null ? encodeString(s) : encodeInt(v);
  return body + backlen(body.length);
}

/** The size of a backlen for an entry body of l bytes. */
const backlenSize = (l: number): number => (l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5);

/** The size of an integer entry body (lpEncodeIntegerGetType). */
function intBodySize(v: bigint): number {
  if (v >= 0n && v <= 127n) return 1;
  if (v >= -4096n && v <= 4095n) return 2;
  if (v >= -32768n && v <= 32767n) return 3;
  if (v >= -8388608n && v <= 8388607n) return 4;
  if (v >= -2147483648n && v <= 2147483647n) return 5;
  return 9;
}

/** The bytes encodeEntry(s) takes, computed without building it (streams size their nodes with it). */
export function entrySize(s: string): number {
  const v = s.length <= 20 ? parseInt64(s) : null;
  const n = s.length;
  const body = v !== null ? intBodySize(v) : n < 64 ? 1 + n : n < 4096 ? 2 + n : 5 + n;
  return body + backlenSize(body);
}

/** entrySize of an integer (lpAppendInteger). */
export function intEntrySize(v: bigint): number {
  const body = intBodySize(v);
  return body + backlenSize(body);
}

/** The listpack holding these elements in order. */
export function encodeListpack(elements: readonly string[]): string {
  let body = '';
  for (const e of elements) body += encodeEntry(e);
  return listpackFromEntries(body, elements.length);
}

/** A listpack around already encoded entries (their concatenation) and their count. */
export function listpackFromEntries(entries: string, count: number): string {
  const total = HEADER_SIZE + entries.length + 1;
  return uintLE(total, 4) + uintLE(Math.min(count, NUMELE_UNKNOWN), 2) + entries + String.fromCharCode(EOF_BYTE);
}

/** The size a listpack of these encoded entries has (lpBytes). */
export const listpackSize = (entriesBytes: number): number => HEADER_SIZE + entriesBytes + 1;

/**
 * The elements of a listpack blob, as strings (integers as their decimal text).
 * Checks what lpValidateIntegrity checks with deep validation: the header's size,
 * the terminator, every entry's encoding and backlen inside the blob, and the count.
 */
export function decodeListpack(lp: string): string[] {
  if (lp.length < HEADER_SIZE + 1) corrupt('listpack too short');
  if (readUintLE(lp, 0, 4) !== lp.length) corrupt('listpack size mismatch');
  const declared = readUintLE(lp, 4, 2);
  const end = lp.length - 1;
  if (lp.charCodeAt(end) !== EOF_BYTE) corrupt('listpack not terminated');
  const out: string[] = [];
  let p = HEADER_SIZE;
  while (p < end) {
    const start = p;
    const need = (n: number): void => {
      if (p + n > end) corrupt('listpack entry out of range');
    };
    const b = lp.charCodeAt(p);
    let value: string;
    if ((b & 0x80) === 0) {
      value = String(b);
      p += 1;
    } else if ((b & 0xc0) === 0x80) {
      const n = b & 0x3f;
      need(1 + n);
      value = lp.slice(p + 1, p + 1 + n);
      p += 1 + n;
    } else if ((b & 0xe0) === 0xc0) {
      need(2);
      const u = ((b & 0x1f) << 8) | lp.charCodeAt(p + 1);
      value = String(u >= 4096 ? u - 8192 : u);
      p += 2;
    } else if ((b & 0xf0) === 0xe0) {
      need(2);
      const n = ((b & 0x0f) << 8) | lp.charCodeAt(p + 1);
      need(2 + n);
      value = lp.slice(p + 2, p + 2 + n);
      p += 2 + n;
    } else if (b >= ENC_16BIT_INT && b <= ENC_64BIT_INT) {
      const n = b === ENC_64BIT_INT ? 8 : b - ENC_16BIT_INT + 2;
      need(1 + n);
      value = String(readIntLE(lp, p + 1, n));
      p += 1 + n;
    } else if (b === ENC_32BIT_STR) {
      need(5);
      const n = readUintLE(lp, p + 1, 4);
      need(5 + n);
      value = lp.slice(p + 5, p + 5 + n);
      p += 5 + n;
    } else {
      return corrupt(`listpack bad encoding ${b}`);
    }
    const back = backlen(p - start);
    need(back.length);
    if (lp.slice(p, p + back.length) !== back) corrupt('listpack bad backlen');
    p += back.length;
    out.push(value);
  }
  if (declared !== NUMELE_UNKNOWN && declared !== out.length) corrupt('listpack count mismatch');
  return out;
}
