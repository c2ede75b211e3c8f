// Redis's number parsers (util.c string2ll / strtod rules, object.c get*FromObject).
// They are strict: no spaces, no '+' on integers, no leading zeros.
import { E, fail } from '../errors.ts';
import { clearErrno, setErange } from './errno.ts';
import { plainDecimal, strtod } from './strtod.ts';

export const LLONG_MAX = 9223372036854775807n;
export const LLONG_MIN = -9223372036854775808n;

/** string2ll: the exact int64 value of s, or null if s is not a canonical int64. */
export function parseInt64(s: string): bigint | null {
  const n = s.length;
  if (n === 0 || n > 20) return null;
  if (n === 1 && s === '0') return 0n;
  let i = 0;
  if (s.charCodeAt(0) === 45) { // '-'
    i = 1;
    if (n === 1) return null;
  }
  const first = s.charCodeAt(i);
  if (first < 49 || first > 57) return null; // must start with 1-9
  for (let j = i + 1; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return null;
  }
  const v = BigInt(s);
  if (v > LLONG_MAX || v < LLONG_MIN) return null;
  return v;
}

/**
 * string2ll returning a JS number. Exact within ±2^53; beyond that the value is
 * approximate (callers that do int64 arithmetic at the edges use parseInt64).
 */
export function parseLL(s: string): number | null {
  const n = s.length;
  if (n === 0 || n > 20) return null;
  if (n < 16) {
    // Fast path: short canonical integers.
    let i = 0;
    let neg = false;
    if (s.charCodeAt(0) === 45) { neg = true; i = 1; if (n === 1) return null; }
    let c = s.charCodeAt(i);
    if (c === 48) return n === 1 ? 0 : null;
    if (c < 49 || c > 57) return null;
    let v = c - 48;
    for (i++; i < n; i++) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) return null;
      v = v * 10 + (c - 48);
    }
    return neg ? -v : v;
  }
  const b = parseInt64(s);
  return b === null ? null : Number(b);
}

/** True when s is exactly the canonical text of an int64 (Redis's "int" encoding test). */
export function isInt64String(s: string): boolean {
  return parseLL(s) !== null;
}

const DEC_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INF = /^[+-]?(?:inf|infinity)$/i;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/;

/**
 * strtod over the whole string, with the checks of Redis's string2d /
 * getDoubleFromObject: no leading space, no trailing bytes, no NaN, and
 * ERANGE (overflow to ±inf or underflow to 0 of a non-zero literal) rejected.
 */
export function parseDouble(s: string): number | null {
  const plain = plainDecimal(s);
  if (plain !== null) {
    clearErrno();
    return plain;
  }
  noteStrtodErrno(s);
  if (s.length === 0) return null;
  if (DEC_FLOAT.test(s)) {
    const v = Number(s);
    if (!Number.isFinite(v)) return null; // overflow: ERANGE
    if (v === 0 && /[1-9]/.test(s.replace(/[eE].*$/, ''))) return null; // underflow: ERANGE
    return v;
  }
  if (INF.test(s)) return s.charCodeAt(0) === 45 ? -Infinity : Infinity;
  const m = HEX_FLOAT.exec(s);
  if (m && (m[2].length > 0 || (m[3] ?? '').length > 0)) {
    const frac = m[3] ?? '';
    let mant = 0;
    for (const ch of m[2] + frac) mant = mant * 16 + parseInt(ch, 16);
    const exp = (m[4] ? Number(m[4]) : 0) - 4 * frac.length;
    const v = mant * 2 ** exp;
    if (!Number.isFinite(v)) return null;
    return m[1] === '-' ? -v : v;
  }
  return null;
}

/**
 * The errno that string2d / getDoubleFromObject leave (SORT sees it, util/errno.ts):
 * cleared, then ERANGE if strtod over- or underflows. Only an exponent or a very
 * long literal can do that, so the full strtod runs only then.
 */
function noteStrtodErrno(s: string): void {
  clearErrno();
  if ((s.length > 300 || /[eEpP]/.test(s)) && strtod(s).erange) setErange();
}

/** getLongLongFromObjectOrReply: an integer argument, or ERR value is not an integer. */
export function argLL(s: string, msg: string = E.NOT_INTEGER): number {
  const v = parseLL(s);
  if (v === null) fail(msg);
  return v;
}

/** getLongLongFromObjectOrReply, exact int64. */
export function argInt64(s: string, msg: string = E.NOT_INTEGER): bigint {
  const v = parseInt64(s);
  if (v === null) fail(msg);
  return v;
}

/** getDoubleFromObjectOrReply: a float argument, or ERR value is not a valid float. */
export function argDouble(s: string, msg: string = E.NOT_FLOAT): number {
  const v = parseDouble(s);
  if (v === null) fail(msg);
  return v;
}

/** getRangeLongFromObjectOrReply. */
export function argRange(s: string, min: number, max: number, msg: string): number {
  const v = parseLL(s);
  if (v === null || v < min || v > max) fail(msg);
  return v;
}

/** getPositiveLongFromObjectOrReply: one message for a non-integer and a negative value alike. */
export function argPositive(s: string, msg: string = E.MUST_BE_POSITIVE): number {
  const v = parseLL(s);
  if (v === null || v < 0) fail(msg);
  return v;
}

/** Redis's ll2string / the text form of an integer-encoded value. */
export const llToString = (n: number | bigint): string => String(n);

/** ASCII-only lowercase, as strcasecmp folds (never touches bytes >= 0x80). */
export function asciiLower(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
  }
  return out;
}

/** Case-insensitive ASCII equality against a lowercase literal (strcasecmp(a, b) == 0). */
export function eqi(s: string, lowerLiteral: string): boolean {
  if (s.length !== lowerLiteral.length) return false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lowerLiteral.charCodeAt(i)) return false;
  }
  return true;
}
