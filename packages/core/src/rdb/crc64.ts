// Redis's crc64.c: CRC-64/Jones (polynomial 0xad93d23594c935a9, reflected, init 0,
// no final xor), the checksum at the end of an RDB file and of a DUMP payload.
// The 64-bit register is kept as two 32-bit halves so no BigInt is needed per byte.

/** The reflected polynomial (0xad93d23594c935a9 bit-reversed), as high/low halves. */
const POLY_HI = 0x95ac9329;
const POLY_LO = 0xac4bc9b5;

const TABLE_HI = new Uint32Array(256);
const TABLE_LO = new Uint32Array(256);
for (let i = 0; i < 256; i++) {
  let hi = 0;
  let lo = i;
  for (let bit = 0; bit < 8; bit++) {
    const carry = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi >>>= 1;
    if (carry) {
      hi = (hi ^ POLY_HI) >>> 0;
      lo = (lo ^ POLY_LO) >>> 0;
    }
  }
  TABLE_HI[i] = hi;
  TABLE_LO[i] = lo;
}

/**
 * crc64(0, bytes) over s[start, end) of a latin1 byte string, returned as its 8
 * little-endian bytes (how Redis writes it: memrev64ifbe on a little-endian host).
 */
export function crc64LE(s: string, start = 0, end = s.length): string {
  let hi = 0;
  let lo = 0;
  for (let i = start; i < end; i++) {
    const idx = (lo ^ s.charCodeAt(i)) & 0xff;
    lo = (((lo >>> 8) | (hi << 24)) ^ TABLE_LO[idx]) >>> 0;
    hi = ((hi >>> 8) ^ TABLE_HI[idx]) >>> 0;
  }
  let out = '';
  for (let k = 0; k < 4; k++) out += String.fromCharCode((lo >>> (8 * k)) & 0xff);
  for (let k = 0; k < 4; k++) out += String.fromCharCode((hi >>> (8 * k)) & 0xff);
  return out;
}
