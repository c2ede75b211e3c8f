// Number formatting that reproduces C's printf, which Redis uses for replies
// (%.17g for doubles) and Lua 5.1 uses for tostring (%.14g).

/**
 * C's `%.<precision>g`. Handles inf, nan and -0 as glibc prints them
 * ("inf", "-inf", "nan"/"-nan", "-0"). Rounding is exact because
 * Number.prototype.toExponential rounds the true binary value correctly.
 */
export function formatG(d: number, precision: number): string {
  if (d !== d) return 'nan';
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  const p = precision === 0 ? 1 : precision;
  const e = d.toExponential(p - 1); // "-1.2345e+5"
  const ei = e.indexOf('e');
  const exp = Number(e.slice(ei + 1));
  if (exp < -4 || exp >= p) {
    let mant = e.slice(0, ei);
    if (mant.includes('.')) mant = mant.replace(/\.?0+$/, '');
    const sign = exp < 0 ? '-' : '+';
    const ax = Math.abs(exp);
    return `${mant}e${sign}${ax < 10 ? '0' : ''}${ax}`;
  }
  let fixed = d.toFixed(Math.max(0, p - 1 - exp));
  if (fixed.includes('.')) fixed = fixed.replace(/\.?0+$/, '');
  return fixed;
}

/** Redis's addReplyDouble / d2string text: %.17g, with "inf"/"-inf". */
export function formatDouble(d: number): string {
  return formatG(d, 17);
}
