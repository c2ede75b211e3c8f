// Number formatting that reproduces C's printf, which Redis uses for replies
// (%.17g for doubles) and Lua 5.1 uses for tostring (%.14g).

/**
 * C's `%.<precision>g`. Handles inf, nan and -0 as glibc prints them
 * ("inf", "-inf", "nan"/"-nan", "-0"). Number.prototype.toExponential rounds
 * the exact binary value correctly except on an exact tie, where it rounds up
 * and glibc rounds half to even (`%.14g` of 123456789012345 is
 * "1.2345678901234e+14"); significantDigits corrects that case.
 */
export function formatG(d: number, precision: number): string {
  if (d !== d) return 'nan';
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  const p = precision === 0 ? 1 : precision;
  const sign = d < 0 ? '-' : '';
  const { digits, exp } = significantDigits(Math.abs(d), p);
  if (exp < -4 || exp >= p) {
    const frac = digits.slice(1).replace(/0+$/, '');
    const ax = Math.abs(exp);
    return `${sign}${digits[0]}${frac ? '.' + frac : ''}e${exp < 0 ? '-' : '+'}${ax < 10 ? '0' : ''}${ax}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits.replace(/0+$/, '')}`;
  const int = digits.slice(0, exp + 1);
  const frac = digits.slice(exp + 1).replace(/0+$/, '');
  return `${sign}${int}${frac ? '.' + frac : ''}`;
}

/** The first p significant decimal digits of x > 0, rounded half to even, and x's decimal exponent. */
function significantDigits(x: number, p: number): { digits: string; exp: number } {
  const [m, e] = x.toExponential(p - 1).split('e');
  const rounded = { digits: m.replace('.', ''), exp: Number(e) };
  // A tie needs the exact value to end with a 5 right after the kept digits.
  const [m1, e1] = x.toExponential(p).split('e');
  const longer = m1.replace('.', '');
  if (longer[p] !== '5' || (longer.charCodeAt(p - 1) & 1) === 1) return rounded;
  if (!isExactly(x, BigInt(longer), Number(e1) - p)) return rounded;
  return { digits: longer.slice(0, p), exp: Number(e1) };
}

/** Whether x === n * 10^k exactly (x a finite positive double). */
function isExactly(x: number, n: bigint, k: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  let mant = bits & 0xfffffffffffffn;
  if (biased !== 0) mant |= 1n << 52n;
  const e2 = (biased === 0 ? 1 : biased) - 1075; // x = mant * 2^e2
  // Compare mant * 2^e2 with n * 2^k * 5^k, moving negative powers across.
  let left = mant;
  let right = n;
  if (e2 >= 0) left <<= BigInt(e2);
  else right <<= BigInt(-e2);
  if (k >= 0) right *= 10n ** BigInt(k);
  else left *= 10n ** BigInt(-k);
  return left === right;
}

/** Redis's addReplyDouble / d2string text: %.17g, with "inf"/"-inf". */
export function formatDouble(d: number): string {
  return formatG(d, 17);
}
