// C's strtod as glibc runs it, for the callers of Redis that use it directly
// rather than through string2d (SORT's scores): leading white space skipped,
// the longest numeric prefix parsed, the rest reported, and errno's ERANGE
// (overflow, underflow to zero, or an inexact subnormal result) reported.

export interface StrtodResult {
  value: number;
  /** Characters consumed, from the start of the input (0 when nothing parsed: eptr == s). */
  end: number;
  /** Whether strtod would set errno to ERANGE. */
  erange: boolean;
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const DECIMAL = /^[+-]?(?:(\d+)\.?(\d*)|\.(\d+))(?:[eE]([+-]?\d+))?/;
const INFINITY = /^[+-]?inf(?:inity)?/i;
const NAN = /^[+-]?nan(?:\([0-9A-Za-z_]*\))?/i;
const HEX = /^([+-]?)0[xX](?:([0-9a-fA-F]+)\.?([0-9a-fA-F]*)|\.([0-9a-fA-F]+))(?:[pP]([+-]?\d+))?/;

const MIN_NORMAL = 2 ** -1022;

/**
 * The common case without a regular expression: the whole string is a short
 * decimal number with no exponent ("12", "-3.5"). JS's Number() rounds it as
 * strtod does, and with at most 300 characters and no exponent it can neither
 * overflow nor reach the subnormal range, so errno stays clear.
 */
export function plainDecimal(s: string): number | null {
  const len = s.length;
  if (len === 0 || len > 300) return null;
  let i = 0;
  const first = s.charCodeAt(0);
  if (first === 43 || first === 45) i = 1; // + -
  let digits = 0;
  let dot = false;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return null;
  }
  return digits === 0 ? null : Number(s);
}

/** Whether a decimal mantissa (digits) times 10^exp10 equals the subnormal double v exactly. */
function isExactSubnormal(digits: string, exp10: number, v: number): boolean {
  const units = BigInt(Math.abs(v) * 2 ** 537 * 2 ** 537); // v / 2^-1074, an integer
  const d = BigInt(digits);
  if (exp10 >= 0) return false; // an integer is never subnormal
  return d * 2n ** 1074n === units * 10n ** BigInt(-exp10);
}

export function strtod(s: string): StrtodResult {
  const plain = plainDecimal(s);
  if (plain !== null) return { value: plain, end: s.length, erange: false };
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  const rest = s.slice(i);
  const hex = HEX.exec(rest);
  if (hex) {
    const intDigits = hex[2] ?? '';
    const frac = hex[3] ?? hex[4] ?? '';
    const exp = (hex[5] ? Number(hex[5]) : 0) - 4 * frac.length;
    const mant = BigInt('0x' + (intDigits + frac || '0'));
    // Scaled in two steps so that 2^exp itself never under- or overflows.
    const half = Math.trunc(exp / 2);
    const value = Number(mant) * 2 ** half * 2 ** (exp - half);
    let erange = mant !== 0n && (value === 0 || !Number.isFinite(value));
    if (!erange && value !== 0 && value < MIN_NORMAL) {
      const units = BigInt(value * 2 ** 537 * 2 ** 537); // value / 2^-1074
      const shift = exp + 1074;
      erange = shift >= 0 ? mant << BigInt(shift) !== units : mant !== units << BigInt(-shift);
    }
    return { value: hex[1] === '-' ? -value : value, end: i + hex[0].length, erange };
  }
  const inf = INFINITY.exec(rest);
  if (inf) return { value: inf[0][0] === '-' ? -Infinity : Infinity, end: i + inf[0].length, erange: false };
  const nan = NAN.exec(rest);
  if (nan) return { value: NaN, end: i + nan[0].length, erange: false };
  const dec = DECIMAL.exec(rest);
  if (!dec) return { value: 0, end: 0, erange: false };
  const text = dec[0];
  const value = Number(text);
  const digits = dec[3] !== undefined ? dec[3] : dec[1] + dec[2];
  const nonZero = /[1-9]/.test(digits);
  let erange = false;
  if (!Number.isFinite(value)) erange = true;
  else if (value === 0) erange = nonZero;
  else if (Math.abs(value) < MIN_NORMAL) {
    const fracLen = dec[3] !== undefined ? dec[3].length : dec[2].length;
    erange = !isExactSubnormal(digits, (dec[4] ? Number(dec[4]) : 0) - fracLen, value);
  }
  return { value, end: i + text.length, erange };
}
