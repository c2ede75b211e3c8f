// LZF (liblzf 3.6 as vendored in Redis: lzf_c.c, lzf_d.c, lzfP.h), the compression
// of RDB strings. Redis compresses every string it saves that is longer than 20
// bytes when rdbcompression is yes (the default), and keeps the result only if it
// saves at least 4 bytes.
//
// Compression is here so that DUMP payloads look like Redis's (same sizes, and the
// same bytes in the usual case); RESTORE would accept uncompressed strings too.
// Redis's compressor is built with HLOG 16, VERY_FAST and INIT_HTAB 0: its hash
// table is not cleared between calls, so a stale slot can, rarely, offer a match
// that a fresh table would not. This one starts from a clear table each time,
// which is what Redis does whenever no stale slot happens to match.

const HLOG = 16;
const HSIZE = 1 << HLOG;
const MAX_LIT = 1 << 5;
const MAX_OFF = 1 << 13;
const MAX_REF = (1 << 8) + (1 << 3);

/** IDX(h) of the VERY_FAST variant, on the 32-bit unsigned rolling hash. */
const slotOf = (h: number): number => (((h >>> (3 * 8 - HLOG)) - Math.imul(h, 5)) >>> 0) & (HSIZE - 1);

let htab: Int32Array | null = null;

/**
 * lzf_compress(in, len, out, outLen): the compressed bytes, or null when they
 * would not fit in outLen bytes (the caller then stores the string as is).
 */
export function lzfCompress(input: string, outLen: number): string | null {
  const inLen = input.length;
  if (inLen === 0 || outLen === 0) return null;
  if (htab === null) htab = new Int32Array(HSIZE);
  else htab.fill(0);
  const tab = htab;
  const at = (i: number): number => input.charCodeAt(i);
  const out: number[] = [];
  let ip = 0;
  let op = 0;
  const inEnd = inLen;
  let lit = 0;
  op++; // start run
  /** One more literal byte; a run holds at most MAX_LIT of them. */
  const copyLiteral = (): void => {
    lit++;
    out[op++] = at(ip++);
    if (lit === MAX_LIT) {
      out[op - lit - 1] = lit - 1; // stop run
      lit = 0;
      op++; // start run
    }
  };

  let hval = ((at(0) << 8) | at(1)) >>> 0;
  while (ip < inEnd - 2) {
    hval = ((hval << 8) | at(ip + 2)) >>> 0;
    const slot = slotOf(hval);
    const ref = tab[slot];
    tab[slot] = ip;
    const off = ip - ref - 1;
    if (ref < ip && off < MAX_OFF && ref > 0 && at(ref + 2) === at(ip + 2) && at(ref) === at(ip) && at(ref + 1) === at(ip + 1)) {
      let len = 2;
      let maxlen = inEnd - ip - len;
      if (maxlen > MAX_REF) maxlen = MAX_REF;
      if (op + 3 + 1 >= outLen && op - (lit === 0 ? 1 : 0) + 3 + 1 >= outLen) return null;
      out[op - lit - 1] = lit - 1; // stop run
      if (lit === 0) op--; // undo run if length is zero
      len = matchLength(at, ref, ip, maxlen);
      len -= 2; // len is now #octets - 1
      ip++;
      if (len < 7) {
        out[op++] = (off >> 8) + (len << 5);
      } else {
        out[op++] = (off >> 8) + (7 << 5);
        out[op++] = len - 7;
      }
      out[op++] = off & 0xff;
      lit = 0;
      op++; // start run
      ip += len + 1;
      if (ip >= inEnd - 2) break;
      // VERY_FAST: hash the two positions before the new ip as well.
      ip -= 2;
      hval = ((at(ip) << 8) | at(ip + 1)) >>> 0;
      hval = ((hval << 8) | at(ip + 2)) >>> 0;
      tab[slotOf(hval)] = ip;
      ip++;
      hval = ((hval << 8) | at(ip + 2)) >>> 0;
      tab[slotOf(hval)] = ip;
      ip++;
    } else {
      if (op >= outLen) return null;
      copyLiteral();
    }
  }
  if (op + 3 > outLen) return null; // at most 3 bytes can be missing here
  while (ip < inEnd) copyLiteral();
  out[op - lit - 1] = lit - 1; // end run
  if (lit === 0) op--;
  let s = '';
  for (let i = 0; i < op; i++) s += String.fromCharCode(out[i]);
  return s;
}

/**
 * The match length loop of lzf_compress, with its quirk kept: when more than 16
 * bytes remain it compares 16 bytes unrolled before checking maxlen again, so a
 * match can run up to 2 bytes past maxlen (never past the input).
 */
function matchLength(at: (i: number) => number, ref: number, ip: number, maxlen: number): number {
  let len = 2;
  if (maxlen > 16) {
    for (let k = 0; k < 16; k++) {
      len++;
      if (at(ref + len) !== at(ip + len)) return len;
    }
  }
  do len++;
  while (len < maxlen && at(ref + len) === at(ip + len));
  return len;
}

/**
 * lzf_decompress into exactly outLen bytes: null when the data is invalid
 * (a back reference before the start, a truncated instruction) or does not
 * produce outLen bytes.
 */
export function lzfDecompress(input: string, outLen: number): string | null {
  const inEnd = input.length;
  const out: number[] = [];
  let ip = 0;
  do {
    let ctrl = input.charCodeAt(ip++);
    if (ctrl < 1 << 5) {
      ctrl++;
      if (out.length + ctrl > outLen || ip + ctrl > inEnd) return null;
      for (let k = 0; k < ctrl; k++) out.push(input.charCodeAt(ip++));
    } else {
      let len = ctrl >> 5;
      let ref = out.length - ((ctrl & 0x1f) << 8) - 1;
      if (ip >= inEnd) return null;
      if (len === 7) {
        len += input.charCodeAt(ip++);
        if (ip >= inEnd) return null;
      }
      ref -= input.charCodeAt(ip++);
      if (out.length + len + 2 > outLen || ref < 0) return null;
      len += 2;
      for (let k = 0; k < len; k++) out.push(out[ref + k]);
    }
  } while (ip < inEnd);
  if (out.length !== outLen) return null;
  let s = '';
  for (let i = 0; i < out.length; i++) s += String.fromCharCode(out[i]);
  return s;
}
