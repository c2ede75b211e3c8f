// Conversions between redmoon's binary strings (one char code per byte) and
// byte arrays, for commands that edit a value byte by byte (bitops, HyperLogLog).

/** The bytes of a latin1 string; `extra` zero bytes of room are added at the end. */
export function latin1ToBytes(s: string, extra = 0): Uint8Array {
  const out = new Uint8Array(s.length + extra);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The latin1 string of bytes[0, len). */
export function bytesToLatin1(bytes: Uint8Array, len = bytes.length): string {
  const CHUNK = 8192;
  let out = '';
  for (let i = 0; i < len; i += CHUNK) {
    out += String.fromCharCode(...bytes.subarray(i, Math.min(len, i + CHUNK)));
  }
  return out;
}
