// C `long double` as Redis gets it on x86-64 Linux: the x87 80-bit extended
// format (64-bit significand with an explicit integer bit, 15-bit exponent).
// INCRBYFLOAT and HINCRBYFLOAT parse with strtold, add in long double and print
// with ld2string(LD_STR_HUMAN); plain doubles give different text ("10.6" vs
// "10.600000000000001"), so this module reproduces the arithmetic exactly with
// BigInt: every finite value is sign * mant * 2^exp, rounded to nearest-even.

import { clearErrno, setErange } from './errno.ts';

/** A long double value: finite (mant * 2^exp, mant < 2^64), infinite, or NaN. */
export type LongDouble =
  | { readonly kind: 'finite'; readonly neg: boolean; readonly mant: bigint; readonly exp: number }
  | { readonly kind: 'inf'; readonly neg: boolean }
  | { readonly kind: 'nan' };

const MANT_BITS = 64;
/** Largest binary exponent of a finite value: max is just under 2^16384. */
const MAX_POW2 = 16384;
/** Exponent of the smallest subnormal (2^-16445): the finest ulp there is. */
const MIN_ULP = -16445;
/** Redis's MAX_LONG_DOUBLE_CHARS: string2ld refuses inputs of this size or more. */
export const MAX_LONG_DOUBLE_CHARS = 5 * 1024;
/** Digits after the point in ld2string's LD_STR_HUMAN mode (%.17Lf). */
const HUMAN_DECIMALS = 17;
const HUMAN_SCALE = 10n ** BigInt(HUMAN_DECIMALS);

const NAN: LongDouble = { kind: 'nan' };
const INF: LongDouble = { kind: 'inf', neg: false };
const NEG_INF: LongDouble = { kind: 'inf', neg: true };

const zero = (neg: boolean): LongDouble => ({ kind: 'finite', neg, mant: 0n, exp: 0 });
const infinity = (neg: boolean): LongDouble => (neg ? NEG_INF : INF);

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/**
 * Round num/den * 2^e2 (num >= 0, den > 0) to the nearest long double, ties to
 * even, with gradual underflow to subnormals and overflow to infinity.
 */
function roundRational(neg: boolean, num: bigint, den: bigint, e2: number): LongDouble {
  if (num === 0n) return zero(neg);
  // l = floor(log2(num/den)), so that 2^l <= num/den < 2^(l+1).
  let l = bitLength(num) - bitLength(den);
  if (l >= 0 ? num < den << BigInt(l) : num << BigInt(-l) < den) l--;
  l += e2;
  if (l >= MAX_POW2) return infinity(neg);
  let ulp = Math.max(l - (MANT_BITS - 1), MIN_ULP);
  // mant = round(num / den * 2^(e2 - ulp))
  const shift = e2 - ulp;
  let n = num;
  let d = den;
  if (shift >= 0) n <<= BigInt(shift);
  else d <<= BigInt(-shift);
  let q = n / d;
  const twiceRem = (n - q * d) * 2n;
  if (twiceRem > d || (twiceRem === d && (q & 1n) === 1n)) q++;
  if (q === 1n << BigInt(MANT_BITS)) {
    q >>= 1n;
    ulp++;
  }
  if (q === 0n) return zero(neg);
  if (bitLength(q) + ulp > MAX_POW2) return infinity(neg);
  return { kind: 'finite', neg, mant: q, exp: ulp };
}

/** An int64 (or any integer up to 64 bits) as a long double: always exact. */
export function longDoubleFromInt(n: bigint): LongDouble {
  const neg = n < 0n;
  return roundRational(neg, neg ? -n : n, 1n, 0);
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/;
const INFINITY = /^([+-]?)(?:inf|infinity)$/i;

/** A decimal exponent string clamped to a range where BigInt powers stay cheap. */
function clampedExponent(s: string | undefined): number {
  if (s === undefined) return 0;
  const v = Number(s);
  return Math.max(-1e6, Math.min(1e6, v));
}

/**
 * glibc strtold over the whole string: the value, or null when the text is not
 * entirely a number. `range` tells overflow to infinity or underflow to zero
 * of a non-zero literal (errno ERANGE). NaN literals parse as NaN.
 */
export function strtold(s: string): { value: LongDouble; range: boolean } | null {
  const inf = INFINITY.exec(s);
  if (inf !== null) return { value: infinity(inf[1] === '-'), range: false };
  if (/^[+-]?nan(?:\([0-9A-Za-z_]*\))?$/i.test(s)) return { value: NAN, range: false };
  const hex = HEX.exec(s);
  if (hex !== null) {
    const int = hex[2];
    const frac = hex[3] ?? '';
    if (int.length + frac.length === 0) return null;
    const neg = hex[1] === '-';
    const mant = BigInt(`0x${int}${frac}`);
    if (mant === 0n) return { value: zero(neg), range: false };
    const e2 = clampedExponent(hex[4]) - 4 * frac.length;
    const top = bitLength(mant) + e2;
    if (top > MAX_POW2 + 1) return { value: infinity(neg), range: true };
    if (top < MIN_ULP - 1) return { value: zero(neg), range: true };
    return withRange(roundRational(neg, mant, 1n, e2));
  }
  const dec = DECIMAL.exec(s);
  if (dec === null) return null;
  const int = dec[2];
  const frac = dec[3] ?? '';
  if (int.length + frac.length === 0) return null;
  const neg = dec[1] === '-';
  const digits = (int + frac).replace(/^0+/, '');
  if (digits.length === 0) return { value: zero(neg), range: false };
  const e10 = clampedExponent(dec[4]) - frac.length;
  // The value lies in [10^(e10+nd-1), 10^(e10+nd)); the long double range is
  // about 3.6e-4951 (smallest subnormal) to 1.19e4932.
  const top = e10 + digits.length;
  if (top - 1 > 4933) return { value: infinity(neg), range: true };
  if (top < -4952) return { value: zero(neg), range: true };
  const d = BigInt(digits);
  const v = e10 >= 0
    ? roundRational(neg, d * 10n ** BigInt(e10), 1n, 0)
    : roundRational(neg, d, 10n ** BigInt(-e10), 0);
  return withRange(v);
}

/** A non-zero literal that rounded to zero or infinity is an ERANGE result. */
function withRange(v: LongDouble): { value: LongDouble; range: boolean } {
  return { value: v, range: v.kind === 'inf' || (v.kind === 'finite' && v.mant === 0n) };
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/**
 * Redis's string2ld (util.c): strtold over the whole argument, refusing empty
 * or over-long input, a leading space, trailing bytes, overflow or underflow to
 * zero (ERANGE), and NaN. Infinity itself is accepted. Null when refused.
 */
export function parseLongDouble(s: string): LongDouble | null {
  if (s.length === 0 || s.length >= MAX_LONG_DOUBLE_CHARS) return null;
  clearErrno(); // string2ld sets errno = 0 before strtold (SORT can see it)
  if (isSpace(s.charCodeAt(0))) return null;
  const r = strtold(s);
  if (r !== null && r.range) setErange();
  if (r === null || r.range || r.value.kind === 'nan') return null;
  return r.value;
}

/** a + b, rounded once as the x87 FPU does in extended precision. */
export function addLongDouble(a: LongDouble, b: LongDouble): LongDouble {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  if (a.kind === 'inf') return b.kind === 'inf' && b.neg !== a.neg ? NAN : a;
  if (b.kind === 'inf') return b;
  if (a.mant === 0n && b.mant === 0n) return zero(a.neg && b.neg);
  if (a.mant === 0n) return b;
  if (b.mant === 0n) return a;
  const e = Math.min(a.exp, b.exp);
  const sa = a.mant << BigInt(a.exp - e);
  const sb = b.mant << BigInt(b.exp - e);
  const sum = (a.neg ? -sa : sa) + (b.neg ? -sb : sb);
  // An exact zero sum is +0 in round-to-nearest.
  if (sum === 0n) return zero(false);
  return roundRational(sum < 0n, sum < 0n ? -sum : sum, 1n, e);
}

/** Neither infinite nor NaN (C's !isnan(x) && !isinf(x)). */
export function isFiniteLongDouble(v: LongDouble): boolean {
  return v.kind === 'finite';
}

/**
 * Redis's ld2string(LD_STR_HUMAN): "%.17Lf" (exact decimal expansion, ties to
 * even as glibc rounds), trailing zeros and a bare '.' removed, "-0" turned
 * into "0"; "inf", "-inf" and "nan" as Redis spells them.
 */
export function formatLongDoubleHuman(v: LongDouble): string {
  if (v.kind === 'nan') return 'nan';
  if (v.kind === 'inf') return v.neg ? '-inf' : 'inf';
  let text: string;
  if (v.exp >= 0) {
    text = (v.mant << BigInt(v.exp)).toString();
  } else {
    const sh = BigInt(-v.exp);
    const n = v.mant * HUMAN_SCALE;
    let q = n >> sh;
    const twiceRem = (n - (q << sh)) << 1n;
    const half = 1n << sh;
    if (twiceRem > half || (twiceRem === half && (q & 1n) === 1n)) q++;
    const digits = q.toString().padStart(HUMAN_DECIMALS + 1, '0');
    const intPart = digits.slice(0, -HUMAN_DECIMALS);
    const fracPart = digits.slice(-HUMAN_DECIMALS).replace(/0+$/, '');
    text = fracPart.length === 0 ? intPart : `${intPart}.${fracPart}`;
  }
  if (v.neg && text !== '0') return `-${text}`;
  return text;
}

/** a * b, rounded once as the x87 FPU does in extended precision (NaN for inf * 0). */
export function mulLongDouble(a: LongDouble, b: LongDouble): LongDouble {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  const neg = a.neg !== b.neg;
  if (a.kind === 'inf' || b.kind === 'inf') {
    const other = a.kind === 'inf' ? b : a;
    return other.kind === 'finite' && other.mant === 0n ? NAN : infinity(neg);
  }
  return roundRational(neg, a.mant * b.mant, 1n, a.exp + b.exp);
}

/**
 * C's `(long long) ceill(v)` on x86-64: NaN, infinities and values outside the
 * int64 range convert to LLONG_MIN (the x87 "integer indefinite").
 */
export function ceilToInt64(v: LongDouble): bigint {
  const INDEFINITE = -9223372036854775808n;
  if (v.kind !== 'finite') return INDEFINITE;
  let magnitude: bigint;
  if (v.exp >= 0) {
    magnitude = v.mant << BigInt(v.exp);
  } else {
    const whole = v.mant >> BigInt(-v.exp);
    const exact = whole << BigInt(-v.exp) === v.mant;
    // Up for a positive fraction; toward zero for a negative one.
    magnitude = !exact && !v.neg ? whole + 1n : whole;
  }
  const n = v.neg ? -magnitude : magnitude;
  return n > 9223372036854775807n || n < INDEFINITE ? INDEFINITE : n;
}
