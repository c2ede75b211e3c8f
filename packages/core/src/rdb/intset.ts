// Redis's intset blob (intset.c), the value of RDB_TYPE_SET_INTSET:
//   <encoding: u32 LE, 2|4|8> <length: u32 LE> <length sorted signed integers of that width, LE>
import { corrupt, intLE, readIntLE, readUintLE, uintLE } from './encoding.ts';

const HEADER_SIZE = 8;

/** _intsetValueEncoding: the width a value needs. */
function widthOf(v: bigint): number {
  if (v < -2147483648n || v > 2147483647n) return 8;
  if (v < -32768n || v > 32767n) return 4;
  return 2;
}

/**
 * The intset of these members (canonical int64 strings, ascending). Redis never
 * narrows an intset when its widest member is removed; redmoon does not keep the
 * history, so the width is always the narrowest that holds every member.
 */
export function encodeIntset(members: readonly string[]): string {
  const values = members.map((m) => BigInt(m));
  let width = 2;
  for (const v of values) width = Math.max(width, widthOf(v));
  let s = uintLE(width, 4) + uintLE(values.length, 4);
  for (const v of values) s += intLE(v, width);
  return s;
}

/**
 * The members of an intset blob as decimal strings, ascending. Checks what
 * intsetValidateIntegrity checks with deep validation: a known width, a size that
 * matches the length, and strictly ascending values.
 */
export function decodeIntset(blob: string): string[] {
  if (blob.length < HEADER_SIZE) corrupt('intset too short');
  const width = readUintLE(blob, 0, 4);
  if (width !== 2 && width !== 4 && width !== 8) corrupt('intset bad encoding');
  const count = readUintLE(blob, 4, 4);
  if (HEADER_SIZE + count * width !== blob.length) corrupt('intset size mismatch');
  const out: string[] = [];
  let prev: bigint | null = null;
  for (let i = 0; i < count; i++) {
    const v = readIntLE(blob, HEADER_SIZE + i * width, width);
    if (prev !== null && v <= prev) corrupt('intset not sorted');
    prev = v;
    out.push(String(v));
  }
  return out;
}
