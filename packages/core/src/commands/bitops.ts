// Bitmap commands (bitops.c): SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP,
// BITFIELD and BITFIELD_RO. A bitmap is a string value; bit 0 is the most
// significant bit of the first byte. Writes leave the value raw-encoded, as
// Redis's dbUnshareStringValue does.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { dbAdd, dbDelete, lookupRead, lookupWrite, newObject, notify, readTyped, setKey } from '../keyspace.ts';
import { N } from '../notify.ts';
import { maxStringLength, type RObj } from '../object.ts';
import { type Reply, array, intReply, NEG_ONE, NULL, ONE, ZERO } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { bytesToLatin1 } from '../util/bytes.ts';
import { argInt64, argLL, eqi, parseInt64, parseLL } from '../util/parse.ts';
import { cOption } from './string-ops.ts';

/** Set bits per byte value. */
const POPCOUNT = new Uint8Array(256);
for (let i = 1; i < 256; i++) POPCOUNT[i] = (i & 1) + POPCOUNT[i >> 1];

/**
 * getBitOffsetFromArgument: a bit offset, refused when negative or past
 * proto-max-bulk-len bytes. With `hashBits`, "#<n>" means n * hashBits (the
 * product wraps as Redis's int64 multiplication does).
 */
function bitOffsetArg(c: Client, s: string, hashBits = 0): number {
  const usehash = hashBits > 0 && s.charCodeAt(0) === 35; // '#'
  let offset = parseInt64(usehash ? s.slice(1) : s) ?? fail(E.BIT_OFFSET);
  if (usehash) offset = BigInt.asIntN(64, offset * BigInt(hashBits));
  if (offset < 0n || offset >> 3n >= BigInt(c.server.config.protoMaxBulkLen)) fail(E.BIT_OFFSET);
  return Number(offset);
}

/**
 * lookupStringForBitCommand: the string at argv[1] made long enough to hold
 * bit maxbit (created zero-filled, or zero-padded), raw-encoded. `grown` tells
 * whether it was created or lengthened.
 */
function stringForBitWrite(c: Client, maxbit: number): { o: RObj; grown: boolean } {
  // Redis would grow the string up to proto-max-bulk-len; V8 cannot hold the last
  // 24 bytes of that, so such a write is refused with the offset error instead.
  if (Math.floor(maxbit / 8) >= maxStringLength(c.server.config.protoMaxBulkLen)) fail(E.BIT_OFFSET);
  const key = c.argv[1];
  const size = Math.floor(maxbit / 8) + 1;
  const o = lookupWrite(c, key);
  if (o === undefined) {
    const created = newObject(c, 'string', 'raw', '\0'.repeat(size));
    dbAdd(c, key, created);
    return { o: created, grown: true };
  }
  if (o.type !== 'string') fail(E.WRONGTYPE);
  o.enc = 'raw';
  if (o.unshared) delete o.unshared;
  const cur = o.value as string;
  if (cur.length >= size) return { o, grown: false };
  o.value = cur + '\0'.repeat(size - cur.length);
  return { o, grown: true };
}

/** SETBIT key offset 0|1: the previous bit. */
function setbit(c: Client): Reply {
  const argv = c.argv;
  const offset = bitOffsetArg(c, argv[2]);
  const on = parseLL(argv[3]);
  if (on !== 0 && on !== 1) fail(E.BIT_VALUE);
  const { o, grown } = stringForBitWrite(c, offset);
  const s = o.value as string;
  const byte = Math.floor(offset / 8);
  const mask = 1 << (7 - (offset % 8));
  const byteval = s.charCodeAt(byte);
  const bitval = (byteval & mask) !== 0 ? 1 : 0;
  // Only a created or lengthened string, or an actual bit change, counts as a write.
  if (grown || bitval !== on) {
    const updated = on ? byteval | mask : byteval & ~mask;
    o.value = s.slice(0, byte) + String.fromCharCode(updated) + s.slice(byte + 1);
    c.server.signalModifiedKey(c.db, argv[1]);
    notify(c, N.STRING, 'setbit', argv[1]);
    c.server.dirty++;
  }
  return bitval ? ONE : ZERO;
}

/** GETBIT key offset: bits past the end are 0. */
function getbit(c: Client): Reply {
  const offset = bitOffsetArg(c, c.argv[2]);
  const o = readTyped(c, c.argv[1], 'string');
  if (o === undefined) return ZERO;
  const s = o.value as string;
  const byte = Math.floor(offset / 8);
  if (byte >= s.length) return ZERO;
  return (s.charCodeAt(byte) & (1 << (7 - (offset % 8)))) !== 0 ? ONE : ZERO;
}

/** The BIT|BYTE unit argument (strcasecmp: compared up to a NUL). */
function isBitUnit(s: string): boolean {
  const unit = cOption(s);
  if (eqi(unit, 'bit')) return true;
  if (eqi(unit, 'byte')) return false;
  return fail(E.SYNTAX);
}

/** Whether a > b for two parsed int64 arguments, exactly beyond 2^53 too. */
function argAfter(a: number, b: number, aText: string, bText: string): boolean {
  return Number.isSafeInteger(a) && Number.isSafeInteger(b) ? a > b : BigInt(aText) > BigInt(bText);
}

/** An inclusive range of bits of a string, after Redis's index normalization. */
interface BitRange {
  first: number;
  last: number;
}

/**
 * Redis's start/end conversion for BITCOUNT and BITPOS: negative indexes count
 * from the end, then both are clamped into the string; in BYTE units the range
 * covers whole bytes. Null when the range is empty.
 */
function normalizeRange(start: number, end: number, len: number, isBit: boolean): BitRange | null {
  const total = isBit ? len * 8 : len;
  if (start < 0) start = total + start;
  if (end < 0) end = total + end;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= total) end = total - 1;
  if (start > end) return null;
  return isBit ? { first: start, last: end } : { first: start * 8, last: end * 8 + 7 };
}

const bitAt = (s: string, i: number): number => (s.charCodeAt(i >>> 3) >> (7 - (i & 7))) & 1;

/** The set bits of s in [first, last]. */
function countBits(s: string, first: number, last: number): number {
  let n = 0;
  let i = first;
  for (; i <= last && (i & 7) !== 0; i++) n += bitAt(s, i);
  for (; i + 7 <= last; i += 8) n += POPCOUNT[s.charCodeAt(i >>> 3)];
  for (; i <= last; i++) n += bitAt(s, i);
  return n;
}

/** The first bit equal to `bit` in [first, last] of s, or -1. */
function findBit(s: string, bit: number, first: number, last: number): number {
  const skip = bit ? 0 : 255;
  let i = first;
  for (; i <= last && (i & 7) !== 0; i++) if (bitAt(s, i) === bit) return i;
  for (; i + 7 <= last; i += 8) {
    if (s.charCodeAt(i >>> 3) === skip) continue;
    for (let k = i; k < i + 8; k++) if (bitAt(s, k) === bit) return k;
  }
  for (; i <= last; i++) if (bitAt(s, i) === bit) return i;
  return -1;
}

/** BITCOUNT key [start end [BYTE|BIT]]: a missing key counts 0 before arguments are read. */
function bitcount(c: Client): Reply {
  const argv = c.argv;
  const o = readTyped(c, argv[1], 'string');
  if (o === undefined) return ZERO;
  const s = o.value as string;
  if (argv.length === 2) return intReply(countBits(s, 0, s.length * 8 - 1));
  if (argv.length !== 4 && argv.length !== 5) fail(E.SYNTAX);
  const start = argLL(argv[2]);
  const end = argLL(argv[3]);
  // An empty negative range answers 0 before the unit is even looked at.
  if (start < 0 && end < 0 && argAfter(start, end, argv[2], argv[3])) return ZERO;
  const isBit = argv.length === 5 && isBitUnit(argv[4]);
  const range = normalizeRange(start, end, s.length, isBit);
  return range === null ? ZERO : intReply(countBits(s, range.first, range.last));
}

/**
 * BITPOS key bit [start [end [BYTE|BIT]]]. A missing key is all zeros. When no
 * end is given, clear bits are searched as if the string went on with zeros
 * (so the bit just past the range is the answer); with an explicit end the
 * search stops there and finds nothing (-1).
 */
function bitpos(c: Client): Reply {
  const argv = c.argv;
  const bit = parseLL(argv[2]);
  if (bit === null) fail(E.NOT_INTEGER);
  if (bit !== 0 && bit !== 1) fail(E.BITPOS_BIT);
  const o = readTyped(c, argv[1], 'string');
  if (o === undefined) return bit ? NEG_ONE : ZERO;
  const s = o.value as string;
  let range: BitRange | null;
  let endGiven = false;
  if (argv.length === 3) {
    range = s.length === 0 ? null : { first: 0, last: s.length * 8 - 1 };
  } else if (argv.length <= 6) {
    const start = argLL(argv[3]);
    const isBit = argv.length === 6 && isBitUnit(argv[5]);
    let end: number;
    if (argv.length >= 5) {
      end = argLL(argv[4]);
      endGiven = true;
    } else {
      end = isBit ? s.length * 8 + 7 : s.length - 1;
    }
    range = normalizeRange(start, end, s.length, isBit);
  } else {
    return fail(E.SYNTAX);
  }
  if (range === null) return NEG_ONE;
  const pos = findBit(s, bit, range.first, range.last);
  if (pos !== -1 || bit === 1 || endGiven) return intReply(pos);
  // Zero padding on the right starts after the last byte of the range.
  return intReply((Math.floor(range.last / 8) + 1) * 8);
}

const BITOP_AND = 0;
const BITOP_OR = 1;
const BITOP_XOR = 2;
const BITOP_NOT = 3;

/** BITOP AND|OR|XOR|NOT destkey key [key ...]: missing keys are empty strings (zero bytes). */
function bitop(c: Client): Reply {
  const argv = c.argv;
  const opname = cOption(argv[1]);
  let op: number;
  if (eqi(opname, 'and')) op = BITOP_AND;
  else if (eqi(opname, 'or')) op = BITOP_OR;
  else if (eqi(opname, 'xor')) op = BITOP_XOR;
  else if (eqi(opname, 'not')) op = BITOP_NOT;
  else return fail(E.SYNTAX);
  if (op === BITOP_NOT && argv.length !== 4) fail(E.BITOP_NOT_ONE_KEY);
  const sources: string[] = [];
  let maxlen = 0;
  for (let j = 3; j < argv.length; j++) {
    const o = readTyped(c, argv[j], 'string');
    const s = o === undefined ? '' : (o.value as string);
    sources.push(s);
    if (s.length > maxlen) maxlen = s.length;
  }
  const res = new Uint8Array(maxlen);
  const first = sources[0];
  for (let j = 0; j < maxlen; j++) {
    let out = j < first.length ? first.charCodeAt(j) : 0;
    if (op === BITOP_NOT) out = ~out & 0xff;
    for (let i = 1; i < sources.length; i++) {
      const src = sources[i];
      const byte = j < src.length ? src.charCodeAt(j) : 0;
      if (op === BITOP_AND) out &= byte;
      else if (op === BITOP_OR) out |= byte;
      else out ^= byte;
    }
    res[j] = out;
  }
  const dest = argv[2];
  if (maxlen !== 0) {
    setKey(c, dest, newObject(c, 'string', 'raw', bytesToLatin1(res)));
    notify(c, N.STRING, 'set', dest);
    c.server.dirty++;
  } else if (dbDelete(c, dest)) {
    notify(c, N.GENERIC, 'del', dest);
    c.server.dirty++;
  }
  return intReply(maxlen);
}

// BITFIELD: integers of 1..64 bits (unsigned up to 63) at any bit offset.

const OP_GET = 0;
const OP_SET = 1;
const OP_INCRBY = 2;
const OVERFLOW_WRAP = 0;
const OVERFLOW_SAT = 1;
const OVERFLOW_FAIL = 2;

interface BitfieldOp {
  opcode: number;
  offset: number;
  bits: number;
  signed: boolean;
  /** The SET value or INCRBY increment. */
  i64: bigint;
  overflow: number;
}

/** getBitfieldTypeFromArgument: i1..i64 or u1..u63 (the number read C-string style, up to a NUL). */
function bitfieldType(s: string): { signed: boolean; bits: number } {
  const sign = s.charCodeAt(0);
  if (sign !== 105 && sign !== 117) fail(E.BITFIELD_TYPE); // 'i' | 'u'
  const signed = sign === 105;
  const bits = parseLL(cOption(s.slice(1)));
  if (bits === null || bits < 1 || bits > (signed ? 64 : 63)) fail(E.BITFIELD_TYPE);
  return { signed, bits };
}

/** The unsigned integer of `bits` bits at bit offset of s, zero past the end. */
function getUnsigned(s: string, offset: number, bits: number): bigint {
  const firstByte = Math.floor(offset / 8);
  const lastByte = Math.floor((offset + bits - 1) / 8);
  let window = 0n;
  for (let b = firstByte; b <= lastByte; b++) {
    window = (window << 8n) | BigInt(b < s.length ? s.charCodeAt(b) : 0);
  }
  const shift = (lastByte - firstByte + 1) * 8 - (offset % 8) - bits;
  return (window >> BigInt(shift)) & ((1n << BigInt(bits)) - 1n);
}

/** s with the low `bits` bits of value written at bit offset (s is long enough). */
function setUnsigned(s: string, offset: number, bits: number, value: bigint): string {
  const firstByte = Math.floor(offset / 8);
  const lastByte = Math.floor((offset + bits - 1) / 8);
  const width = (lastByte - firstByte + 1) * 8;
  let window = 0n;
  for (let b = firstByte; b <= lastByte; b++) window = (window << 8n) | BigInt(s.charCodeAt(b));
  const shift = BigInt(width - (offset % 8) - bits);
  const mask = ((1n << BigInt(bits)) - 1n) << shift;
  window = (window & ~mask) | ((BigInt.asUintN(bits, value) << shift) & mask);
  let bytes = '';
  for (let b = lastByte; b >= firstByte; b--) {
    bytes = String.fromCharCode(Number(window & 0xffn)) + bytes;
    window >>= 8n;
  }
  return s.slice(0, firstByte) + bytes + s.slice(lastByte + 1);
}

const getSigned = (s: string, offset: number, bits: number): bigint =>
  BigInt.asIntN(bits, getUnsigned(s, offset, bits));

/**
 * checkUnsignedBitfieldOverflow: 0, or 1 / -1 on overflow / underflow with the
 * value the overflow type gives (WRAP: modulo 2^bits, SAT: the bound).
 */
function unsignedOverflow(value: bigint, incr: bigint, bits: number, overflow: number): [number, bigint] {
  const max = (1n << BigInt(bits)) - 1n;
  const limitFor = (sat: bigint): bigint => (overflow === OVERFLOW_SAT ? sat : BigInt.asUintN(bits, value + incr));
  if (value > max || (incr > 0n && incr > max - value)) return [1, limitFor(max)];
  if (incr < 0n && incr < -value) return [-1, limitFor(0n)];
  return [0, 0n];
}

/**
 * checkSignedBitfieldOverflow, with its int64 arithmetic: maxincr and minincr
 * wrap as they do in C (a huge negative SET value "overflows" upwards).
 */
function signedOverflow(value: bigint, incr: bigint, bits: number, overflow: number): [number, bigint] {
  const max = bits === 64 ? (1n << 63n) - 1n : (1n << BigInt(bits - 1)) - 1n;
  const min = -max - 1n;
  const maxincr = BigInt.asIntN(64, max - value);
  const minincr = BigInt.asIntN(64, min - value);
  const limitFor = (sat: bigint): bigint => (overflow === OVERFLOW_SAT ? sat : BigInt.asIntN(bits, value + incr));
  if (value > max || (bits !== 64 && incr > maxincr) || (value >= 0n && incr > 0n && incr > maxincr)) {
    return [1, limitFor(max)];
  }
  if (value < min || (bits !== 64 && incr < minincr) || (value < 0n && incr < 0n && incr < minincr)) {
    return [-1, limitFor(min)];
  }
  return [0, 0n];
}

/** Parse BITFIELD's operations; every syntax and argument error comes before any key access. */
function parseBitfieldOps(c: Client): BitfieldOp[] {
  const argv = c.argv;
  const ops: BitfieldOp[] = [];
  let overflow = OVERFLOW_WRAP;
  for (let j = 2; j < argv.length; j++) {
    const remargs = argv.length - j - 1;
    const sub = cOption(argv[j]);
    let opcode: number;
    if (eqi(sub, 'get') && remargs >= 2) opcode = OP_GET;
    else if (eqi(sub, 'set') && remargs >= 3) opcode = OP_SET;
    else if (eqi(sub, 'incrby') && remargs >= 3) opcode = OP_INCRBY;
    else if (eqi(sub, 'overflow') && remargs >= 1) {
      const type = cOption(argv[++j]);
      if (eqi(type, 'wrap')) overflow = OVERFLOW_WRAP;
      else if (eqi(type, 'sat')) overflow = OVERFLOW_SAT;
      else if (eqi(type, 'fail')) overflow = OVERFLOW_FAIL;
      else fail(E.BITFIELD_OVERFLOW_TYPE);
      continue;
    } else {
      return fail(E.SYNTAX);
    }
    const { signed, bits } = bitfieldType(argv[j + 1]);
    const offset = bitOffsetArg(c, argv[j + 2], bits);
    const i64 = opcode === OP_GET ? 0n : argInt64(argv[j + 3]);
    ops.push({ opcode, offset, bits, signed, i64, overflow });
    j += opcode === OP_GET ? 2 : 3;
  }
  return ops;
}

/** One SET or INCRBY on the string: [reply, new string, whether it changed]. */
function bitfieldWrite(s: string, op: BitfieldOp): [Reply, string, boolean] {
  const { offset, bits } = op;
  const oldval = op.signed ? getSigned(s, offset, bits) : getUnsigned(s, offset, bits);
  const check = op.signed ? signedOverflow : unsignedOverflow;
  let newval: bigint;
  let retval: bigint;
  let overflowed: number;
  let wrapped: bigint;
  if (op.opcode === OP_INCRBY) {
    [overflowed, wrapped] = check(oldval, op.i64, bits, op.overflow);
    newval = overflowed ? wrapped : oldval + op.i64;
    retval = newval;
  } else {
    // An unsigned SET sees the int64 value as the uint64 C would.
    newval = op.signed ? op.i64 : BigInt.asUintN(64, op.i64);
    [overflowed, wrapped] = check(newval, 0n, bits, op.overflow);
    if (overflowed) newval = wrapped;
    retval = oldval;
  }
  // FAIL: no write, a null reply.
  if (overflowed && op.overflow === OVERFLOW_FAIL) return [NULL, s, false];
  return [intReply(retval), setUnsigned(s, offset, bits, newval), oldval !== newval];
}

/** bitfieldGeneric: BITFIELD, or BITFIELD_RO (readonly: GET only). */
function bitfieldGeneric(c: Client, readonlyCommand: boolean): Reply {
  const key = c.argv[1];
  const ops = parseBitfieldOps(c);
  let highestWrite = -1;
  for (const op of ops) {
    if (op.opcode !== OP_GET) highestWrite = Math.max(highestWrite, op.offset + op.bits - 1);
  }
  let o: RObj | undefined;
  let grown = false;
  if (highestWrite < 0) {
    o = readTyped(c, key, 'string');
  } else {
    if (readonlyCommand) fail(E.BITFIELD_RO_GET_ONLY);
    ({ o, grown } = stringForBitWrite(c, highestWrite));
  }
  let s = o === undefined ? '' : (o.value as string);
  let changes = 0;
  const replies: Reply[] = [];
  for (const op of ops) {
    if (op.opcode === OP_GET) {
      const v = op.signed ? getSigned(s, op.offset, op.bits) : getUnsigned(s, op.offset, op.bits);
      replies.push(intReply(v));
      continue;
    }
    const [reply, next, changed] = bitfieldWrite(s, op);
    replies.push(reply);
    if (reply !== NULL && (grown || changed)) changes++;
    s = next;
  }
  // The zero padding stays even when nothing was written (FAIL), unannounced, as in Redis.
  if (o !== undefined && highestWrite >= 0) o.value = s;
  if (changes !== 0) {
    c.server.signalModifiedKey(c.db, key);
    notify(c, N.STRING, 'setbit', key);
    c.server.dirty += changes;
  }
  return array(replies);
}

const bitfield = (c: Client): Reply => bitfieldGeneric(c, false);
const bitfieldRo = (c: Client): Reply => bitfieldGeneric(c, true);

export const bitopsCommands: Record<string, Handler> = {
  setbit, getbit, bitcount, bitpos, bitop, bitfield, bitfield_ro: bitfieldRo,
};
