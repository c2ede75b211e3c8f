// Stream IDs (t_stream.c streamID): two unsigned 64-bit numbers, the
// milliseconds and the sequence. Redis orders them as one 128-bit big-endian
// number (streamEncodeID); `idKey` gives that encoding as a 16-byte latin1
// string, so comparing keys with < is comparing IDs.
import { parseInt64 } from '../util/parse.ts';

export interface StreamID {
  readonly ms: bigint;
  readonly seq: bigint;
}

export const U64_MAX = 0xffffffffffffffffn;
export const ZERO_ID: StreamID = { ms: 0n, seq: 0n };
export const MAX_ID: StreamID = { ms: U64_MAX, seq: U64_MAX };

/** The uint64 of 8 big-endian bytes at pos. */
function readU64(s: string, pos: number): bigint {
  const word = (p: number): number =>
    ((s.charCodeAt(p) << 24) | (s.charCodeAt(p + 1) << 16) | (s.charCodeAt(p + 2) << 8) | s.charCodeAt(p + 3)) >>> 0;
  return (BigInt(word(pos)) << 32n) | BigInt(word(pos + 4));
}

/**
 * streamEncodeID: the 128-bit big-endian form, as 16 latin1 chars (built in
 * one call: a flat string, which compares faster than a concatenation).
 */
export function idKey(id: StreamID): string {
  const a = Number(id.ms >> 32n);
  const b = Number(id.ms & 0xffffffffn);
  const c = Number(id.seq >> 32n);
  const d = Number(id.seq & 0xffffffffn);
  return String.fromCharCode(
    a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255, b >>> 24, (b >>> 16) & 255, (b >>> 8) & 255, b & 255,
    c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255, d >>> 24, (d >>> 16) & 255, (d >>> 8) & 255, d & 255,
  );
}

/** streamDecodeID. */
export function keyToId(key: string): StreamID {
  return { ms: readU64(key, 0), seq: readU64(key, 8) };
}

/** streamCompareID: -1, 0 or 1. */
export function cmpId(a: StreamID, b: StreamID): number {
  if (a.ms !== b.ms) return a.ms > b.ms ? 1 : -1;
  if (a.seq !== b.seq) return a.seq > b.seq ? 1 : -1;
  return 0;
}

export const isZeroId = (id: StreamID): boolean => id.ms === 0n && id.seq === 0n;

/** createStreamIDString: "<ms>-<seq>". */
export const formatId = (id: StreamID): string => `${id.ms}-${id.seq}`;

/** streamIncrID: the successor, or null past the last possible ID. */
export function incrId(id: StreamID): StreamID | null {
  if (id.seq !== U64_MAX) return { ms: id.ms, seq: id.seq + 1n };
  if (id.ms === U64_MAX) return null;
  return { ms: id.ms + 1n, seq: 0n };
}

/** streamDecrID: the predecessor, or null before 0-0. */
export function decrId(id: StreamID): StreamID | null {
  if (id.seq !== 0n) return { ms: id.ms, seq: id.seq - 1n };
  if (id.ms === 0n) return null;
  return { ms: id.ms - 1n, seq: U64_MAX };
}

/**
 * string2ull: a strict int64 (string2ll) that is not negative, else what
 * strtoull(s, 10) accepts when it consumes the whole string: leading white
 * space, a sign ("-1" wraps to 2^64-1 only when string2ll refused it, as for
 * "-0"), digits, no overflow.
 */
function parseU64(s: string): bigint | null {
  const strict = parseInt64(s);
  if (strict !== null) return strict < 0n ? null : strict;
  let i = 0;
  while (i < s.length && ' \t\n\v\f\r'.includes(s[i])) i++;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') negative = s[i++] === '-';
  const digits = s.slice(i);
  if (digits.length === 0 || !/^[0-9]+$/.test(digits)) return null;
  const v = BigInt(digits);
  if (v > U64_MAX) return null;
  return negative && v !== 0n ? (1n << 64n) - v : v;
}

/** The outcome of streamGenericParseIDOrReply: an ID, and whether `<ms>-*` left the sequence open. */
export interface ParsedId {
  id: StreamID;
  seqGiven: boolean;
}

/**
 * streamGenericParseIDOrReply: `-` and `+` (unless strict), `<ms>` (the sequence
 * is missingSeq), `<ms>-<seq>`, and `<ms>-*` where allowed (XADD). Null when
 * the ID is invalid.
 */
export function parseStreamId(s: string, missingSeq: bigint, strict: boolean, allowSeqStar = false): ParsedId | null {
  if (s.length > 127) return null;
  // The C code copies into a NUL-terminated buffer: a NUL byte ends the string there.
  const nul = s.indexOf('\0');
  const buf = nul === -1 ? s : s.slice(0, nul);
  if (buf === '-' || buf === '+') {
    if (strict) return null;
    return { id: buf === '-' ? ZERO_ID : MAX_ID, seqGiven: true };
  }
  const dash = buf.indexOf('-');
  const ms = parseU64(dash === -1 ? buf : buf.slice(0, dash));
  if (ms === null) return null;
  if (dash === -1) return { id: { ms, seq: missingSeq }, seqGiven: true };
  const rest = buf.slice(dash + 1);
  if (allowSeqStar && rest === '*') return { id: { ms, seq: 0n }, seqGiven: false };
  const seq = parseU64(rest);
  return seq === null ? null : { id: { ms, seq }, seqGiven: true };
}
