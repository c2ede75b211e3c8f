// C's strtod applied to the front of a byte string (glibc rules): what Lua
// CJSON uses to read numbers. Returns the value and how many bytes it used
// (0 when there is no number).

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const hexValue = (c: number): number => {
  if (isDigit(c)) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
};

/** Whether the bytes at i start with the ASCII word, ignoring case. */
function startsWithWord(s: Uint8Array, i: number, word: string): boolean {
  if (i + word.length > s.length) return false;
  for (let k = 0; k < word.length; k++) if ((s[i + k] | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

export function strtodPrefix(s: Uint8Array, start: number): { value: number; used: number } {
  let i = start;
  while (i < s.length && (s[i] === 0x20 || (s[i] >= 0x09 && s[i] <= 0x0d))) i++;
  let sign = 1;
  if (s[i] === 0x2b || s[i] === 0x2d) {
    if (s[i] === 0x2d) sign = -1;
    i++;
  }
  if (startsWithWord(s, i, 'inf')) {
    const used = startsWithWord(s, i, 'infinity') ? 8 : 3;
    return { value: sign * Infinity, used: i + used - start };
  }
  if (startsWithWord(s, i, 'nan')) {
    let end = i + 3;
    // "nan(n-char-sequence)" is consumed whole when the parenthesis closes.
    if (s[end] === 0x28) {
      let k = end + 1;
      while (k < s.length && (isDigit(s[k]) || hexValue(s[k]) >= 0 || ((s[k] | 0x20) >= 0x61 && (s[k] | 0x20) <= 0x7a) || s[k] === 0x5f)) k++;
      if (s[k] === 0x29) end = k + 1;
    }
    return { value: NaN, used: end - start };
  }
  if (s[i] === 0x30 && (s[i + 1] | 0x20) === 0x78) {
    const hex = hexFloat(s, i + 2);
    // "0x" without hex digits is read as the number 0, ending before the x.
    if (hex === null) return { value: sign * 0, used: i + 1 - start };
    return { value: sign * hex.value, used: hex.end - start };
  }
  const numStart = i;
  let digits = 0;
  while (isDigit(s[i])) (i++, digits++);
  if (s[i] === 0x2e) {
    i++;
    while (isDigit(s[i])) (i++, digits++);
  }
  if (digits === 0) return { value: 0, used: 0 };
  if ((s[i] | 0x20) === 0x65) {
    let k = i + 1;
    if (s[k] === 0x2b || s[k] === 0x2d) k++;
    if (isDigit(s[k])) {
      while (isDigit(s[k])) k++;
      i = k;
    }
  }
  let text = '';
  for (let k = numStart; k < i; k++) text += String.fromCharCode(s[k]);
  // JS's decimal conversion is correctly rounded, as glibc's strtod is.
  return { value: sign * Number(text), used: i - start };
}

/** The hex digits (with optional point and p-exponent) after "0x". */
function hexFloat(s: Uint8Array, i: number): { value: number; end: number } | null {
  let mant = 0n;
  let digits = 0;
  let fracDigits = 0;
  while (hexValue(s[i]) >= 0) (mant = mant * 16n + BigInt(hexValue(s[i])), i++, digits++);
  if (s[i] === 0x2e) {
    i++;
    while (hexValue(s[i]) >= 0) (mant = mant * 16n + BigInt(hexValue(s[i])), i++, digits++, fracDigits++);
  }
  if (digits === 0) return null;
  let exp = -4 * fracDigits;
  if ((s[i] | 0x20) === 0x70) {
    let k = i + 1;
    let esign = 1;
    if (s[k] === 0x2b || s[k] === 0x2d) {
      if (s[k] === 0x2d) esign = -1;
      k++;
    }
    if (isDigit(s[k])) {
      let e = 0;
      while (isDigit(s[k])) (e = Math.min(e * 10 + s[k] - 0x30, 1e6), k++);
      exp += esign * e;
      i = k;
    }
  }
  return { value: Number(mant) * 2 ** exp, end: i };
}
