// MurmurHash64A, the 64-bit MurmurHash2 Redis uses for HyperLogLog (hyperloglog.c),
// in 32-bit halves: every uint64 is a (hi, lo) pair of uint32 numbers.

// m = 0xc6a4a7935bd1e995, and the 16-bit halves of its low word.
const M_HI = 0xc6a4a793;
const M_LO = 0x5bd1e995;
const M_LO0 = M_LO & 0xffff;
const M_LO1 = M_LO >>> 16;

/** The hash computed by the last murmurHash64A call. */
export const out = { hi: 0, lo: 0 };

// The high word of the last mulM; the low word is its return value.
let mulHi = 0;

/** (hi:lo * m) mod 2^64: returns the low word, leaves the high one in mulHi. */
function mulM(hi: number, lo: number): number {
  // The high 32 bits of lo * M_LO, from 16-bit partial products (all exact).
  const a0 = lo & 0xffff;
  const a1 = lo >>> 16;
  const w1 = a1 * M_LO0 + ((a0 * M_LO0) >>> 16);
  const w2 = a0 * M_LO1 + (w1 & 0xffff);
  const carry = a1 * M_LO1 + (w1 >>> 16) + (w2 >>> 16);
  mulHi = (carry + Math.imul(hi, M_LO) + Math.imul(lo, M_HI)) >>> 0;
  return Math.imul(lo, M_LO) >>> 0;
}

/** One little-endian 32-bit word of a latin1 string or byte array. */
function word(key: string | Uint8Array, i: number): number {
  if (typeof key === 'string') {
    return (key.charCodeAt(i) | (key.charCodeAt(i + 1) << 8) | (key.charCodeAt(i + 2) << 16) | (key.charCodeAt(i + 3) << 24)) >>> 0;
  }
  return (key[i] | (key[i + 1] << 8) | (key[i + 2] << 16) | (key[i + 3] << 24)) >>> 0;
}

const byteAt = (key: string | Uint8Array, i: number): number => (typeof key === 'string' ? key.charCodeAt(i) : key[i]);

/**
 * MurmurHash64A(key, len, seed) over the bytes of a latin1 string or a byte
 * array; the hash is left in `out`. Blocks are read little-endian, as Redis
 * reads them on little-endian machines.
 */
export function murmurHash64A(key: string | Uint8Array, seed: number): typeof out {
  const len = key.length;
  let hLo = (mulM(0, len) ^ seed) >>> 0;
  let hHi = mulHi;
  const blocksEnd = len - (len & 7);
  for (let i = 0; i < blocksEnd; i += 8) {
    let kLo = mulM(word(key, i + 4), word(key, i));
    const kHi = mulHi;
    kLo = mulM(kHi, (kLo ^ (kHi >>> 15)) >>> 0); // k ^= k >> 47; k *= m
    hLo = mulM((hHi ^ mulHi) >>> 0, (hLo ^ kLo) >>> 0); // h ^= k; h *= m
    hHi = mulHi;
  }
  const rest = len & 7;
  if (rest !== 0) {
    const b = blocksEnd;
    // The C switch falls through from case 7 down to case 1.
    if (rest >= 7) hHi ^= byteAt(key, b + 6) << 16;
    if (rest >= 6) hHi ^= byteAt(key, b + 5) << 8;
    if (rest >= 5) hHi ^= byteAt(key, b + 4);
    if (rest >= 4) hLo ^= byteAt(key, b + 3) << 24;
    if (rest >= 3) hLo ^= byteAt(key, b + 2) << 16;
    if (rest >= 2) hLo ^= byteAt(key, b + 1) << 8;
    hLo ^= byteAt(key, b);
    hLo = mulM(hHi >>> 0, hLo >>> 0);
    hHi = mulHi;
  }
  // h ^= h >> 47; h *= m; h ^= h >> 47;
  const lo = mulM(hHi, (hLo ^ (hHi >>> 15)) >>> 0);
  out.hi = mulHi;
  out.lo = (lo ^ (mulHi >>> 15)) >>> 0;
  return out;
}
