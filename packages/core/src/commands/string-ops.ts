// String commands (t_string.c) that read or modify a value in place: APPEND,
// SETRANGE, GETRANGE/SUBSTR, STRLEN, the INCR/DECR family, INCRBYFLOAT and LCS.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { dbAdd, lookupRead, newObject, notify, readTyped, writeTyped } from '../keyspace.ts';
import { N } from '../notify.ts';
import { EMBSTR_LIMIT, maxStringLength, stringEncodingFor, type RObj } from '../object.ts';
import { type Reply, array, bulk, intReply, map, ZERO } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import {
  addLongDouble, formatLongDoubleHuman, isFiniteLongDouble, longDoubleFromInt, parseLongDouble,
} from '../util/longdouble.ts';
import { argLL, eqi, isInt64String, LLONG_MAX, LLONG_MIN, parseLL } from '../util/parse.ts';

/** createStringObject + tryObjectEncoding: int, embstr or raw as Redis stores an argument. */
export function stringObject(c: Client, v: string): RObj {
  return newObject(c, 'string', stringEncodingFor(v, v.length <= 20 && isInt64String(v)), v);
}

const EMPTY_BULK = bulk('');

/**
 * An option word as Redis's C comparisons (strcasecmp, opt[2] == '\0') see it:
 * only up to the first NUL byte, so "nx\0junk" is NX.
 */
export function cOption(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}
const LD_ZERO = longDoubleFromInt(0n);

/**
 * Give an existing string key a new value in its own object, as Redis's
 * dbUnshareStringValue / dbOverwrite do: the TTL and access data stay.
 */
function replaceValue(c: Client, key: string, o: RObj, value: string, enc: RObj['enc']): void {
  o.value = value;
  o.enc = enc;
  if (o.unshared) delete o.unshared;
  c.server.signalModifiedKey(c.db, key);
}

/** checkStringLength: refuse results longer than proto-max-bulk-len (and than V8 can hold). */
function checkStringLength(c: Client, size: number): void {
  if (size > maxStringLength(c.server.config.protoMaxBulkLen)) fail(E.STRING_TOO_LONG);
}

/** APPEND: a missing key takes the argument as SET would; an existing one turns raw. */
function append(c: Client): Reply {
  const [, key, tail] = c.argv;
  const o = writeTyped(c, key, 'string');
  let total: number;
  if (o === undefined) {
    dbAdd(c, key, stringObject(c, tail));
    total = tail.length;
  } else {
    const cur = o.value as string;
    total = cur.length + tail.length;
    checkStringLength(c, total);
    replaceValue(c, key, o, cur + tail, 'raw');
  }
  notify(c, N.STRING, 'append', key);
  c.server.dirty++;
  return intReply(total);
}

/**
 * SETRANGE: overwrite from offset, zero-padding as needed. An empty value
 * changes nothing (no key is created, nothing is propagated).
 */
function setrange(c: Client): Reply {
  const [, key, offsetArg, value] = c.argv;
  const offset = argLL(offsetArg);
  if (offset < 0) fail(E.OFFSET_OUT_OF_RANGE);
  const o = writeTyped(c, key, 'string');
  let result: string;
  if (o === undefined) {
    if (value.length === 0) return ZERO;
    checkStringLength(c, offset + value.length);
    result = '\0'.repeat(offset) + value;
    dbAdd(c, key, newObject(c, 'string', 'raw', result));
  } else {
    const cur = o.value as string;
    if (value.length === 0) return intReply(cur.length);
    checkStringLength(c, offset + value.length);
    const head = cur.length < offset ? cur + '\0'.repeat(offset - cur.length) : cur.slice(0, offset);
    result = head + value + cur.slice(offset + value.length);
    replaceValue(c, key, o, result, 'raw');
  }
  notify(c, N.STRING, 'setrange', key);
  c.server.dirty++;
  return intReply(result.length);
}

/** GETRANGE (and its alias SUBSTR): inclusive range with negative indexes from the end. */
function getrange(c: Client): Reply {
  const argv = c.argv;
  let start = argLL(argv[2]);
  let end = argLL(argv[3]);
  const o = readTyped(c, argv[1], 'string');
  if (o === undefined) return EMPTY_BULK;
  // Both negative and start after end: empty (compared exactly, beyond 2^53 too).
  if (start < 0 && end < 0) {
    const exactlyAfter = Number.isSafeInteger(start) && Number.isSafeInteger(end)
      ? start > end
      : BigInt(argv[2]) > BigInt(argv[3]);
    if (exactlyAfter) return EMPTY_BULK;
  }
  const s = o.value as string;
  const len = s.length;
  if (start < 0) start = Math.max(0, len + start);
  if (end < 0) end = Math.max(0, len + end);
  if (end >= len) end = len - 1;
  if (start > end || len === 0) return EMPTY_BULK;
  return bulk(s.slice(start, end + 1));
}

function strlen(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'string');
  return o === undefined ? ZERO : intReply((o.value as string).length);
}

/** An INCRBY/DECRBY argument: a number when exact, else the exact bigint. */
function argIncrement(s: string): number | bigint {
  const n = argLL(s);
  return Number.isSafeInteger(n) ? n : BigInt(s);
}

/**
 * incrDecrCommand: int64 arithmetic with Redis's overflow check. The result is
 * always int-encoded; the TTL is kept.
 */
function incrDecr(c: Client, incr: number | bigint): Reply {
  const key = c.argv[1];
  const o = writeTyped(c, key, 'string');
  let value = 0;
  if (o !== undefined) {
    const v = parseLL(o.value as string);
    if (v === null) fail(E.NOT_INTEGER);
    value = v;
  }
  let result: number | bigint;
  if (typeof incr === 'number' && Math.abs(value) < 2 ** 52 && Math.abs(incr) < 2 ** 52) {
    result = value + incr;
  } else {
    const old = o === undefined ? 0n : BigInt(o.value as string);
    const by = BigInt(incr);
    result = old + by;
    if (result > LLONG_MAX || result < LLONG_MIN) fail(E.OVERFLOW);
  }
  const text = String(result);
  if (o === undefined) dbAdd(c, key, newObject(c, 'string', 'int', text));
  else replaceValue(c, key, o, text, 'int');
  notify(c, N.STRING, 'incrby', key);
  c.server.dirty++;
  return intReply(result);
}

const incr = (c: Client): Reply => incrDecr(c, 1);
const decr = (c: Client): Reply => incrDecr(c, -1);
const incrby = (c: Client): Reply => incrDecr(c, argIncrement(c.argv[2]));

function decrby(c: Client): Reply {
  const by = argIncrement(c.argv[2]);
  // Negating LLONG_MIN would overflow: Redis refuses it before looking at the key.
  if (by === LLONG_MIN) fail(E.DECREMENT_OVERFLOW);
  return incrDecr(c, -by);
}

/**
 * INCRBYFLOAT: long double arithmetic (util/longdouble.ts), the result printed
 * by ld2string's human mode and stored as a plain string (embstr/raw, never
 * int). Always propagated as SET key <result> KEEPTTL.
 */
function incrbyfloat(c: Client): Reply {
  const [, key, incrArg] = c.argv;
  const o = writeTyped(c, key, 'string');
  const value = o === undefined ? LD_ZERO : parseLongDouble(o.value as string) ?? fail(E.NOT_FLOAT);
  const by = parseLongDouble(incrArg) ?? fail(E.NOT_FLOAT);
  const sum = addLongDouble(value, by);
  if (!isFiniteLongDouble(sum)) fail(E.NAN_OR_INF);
  const text = formatLongDoubleHuman(sum);
  const enc = text.length <= EMBSTR_LIMIT ? 'embstr' : 'raw';
  if (o === undefined) dbAdd(c, key, newObject(c, 'string', enc, text));
  else replaceValue(c, key, o, text, enc);
  notify(c, N.STRING, 'incrbyfloat', key);
  c.server.dirty++;
  c.rewriteArgv(['SET', key, text, 'KEEPTTL']);
  return bulk(text);
}

/**
 * LCS: the longest common subsequence by the classic dynamic-programming table,
 * walked back from the end exactly as Redis does, so IDX reports the same
 * ranges (last match first) and MINMATCHLEN filters the same ones.
 */
function lcs(c: Client): Reply {
  const argv = c.argv;
  const oa = lookupRead(c, argv[1]);
  const ob = lookupRead(c, argv[2]);
  if ((oa !== undefined && oa.type !== 'string') || (ob !== undefined && ob.type !== 'string')) {
    fail(E.LCS_NOT_STRINGS);
  }
  const a = oa === undefined ? '' : (oa.value as string);
  const b = ob === undefined ? '' : (ob.value as string);
  let getIdx = false;
  let getLen = false;
  let withMatchLen = false;
  let minMatchLen = 0;
  for (let j = 3; j < argv.length; j++) {
    const opt = cOption(argv[j]);
    if (eqi(opt, 'idx')) getIdx = true;
    else if (eqi(opt, 'len')) getLen = true;
    else if (eqi(opt, 'withmatchlen')) withMatchLen = true;
    else if (eqi(opt, 'minmatchlen') && j < argv.length - 1) {
      minMatchLen = Math.max(0, argLL(argv[++j]));
    } else fail(E.SYNTAX);
  }
  if (getIdx && getLen) fail(E.LCS_IDX_AND_LEN);
  const alen = a.length;
  const blen = b.length;
  const cols = blen + 1;
  if ((alen + 1) * cols * 4 > c.server.config.protoMaxBulkLen) fail(E.LCS_EXCEEDS_BULK_LEN);
  let table: Uint32Array;
  try {
    table = new Uint32Array((alen + 1) * cols);
  } catch {
    return fail(E.LCS_NO_MEMORY);
  }
  for (let i = 1; i <= alen; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= blen; j++) {
      const k = i * cols + j;
      if (ca === b.charCodeAt(j - 1)) table[k] = table[k - cols - 1] + 1;
      else {
        const up = table[k - cols];
        const left = table[k - 1];
        table[k] = up > left ? up : left;
      }
    }
  }
  const total = table[alen * cols + blen];
  if (getLen) return intReply(total);

  const chars: string[] = new Array(total);
  const matches: Reply[] = [];
  let idx = total;
  // arangeStart === alen means "no range open", as in Redis.
  let arangeStart = alen;
  let arangeEnd = 0;
  let brangeStart = 0;
  let brangeEnd = 0;
  let i = alen;
  let j = blen;
  while (i > 0 && j > 0) {
    let emit = false;
    if (a.charCodeAt(i - 1) === b.charCodeAt(j - 1)) {
      chars[idx - 1] = a[i - 1];
      if (arangeStart === alen) {
        arangeStart = arangeEnd = i - 1;
        brangeStart = brangeEnd = j - 1;
      } else if (arangeStart === i && brangeStart === j) {
        arangeStart--;
        brangeStart--;
      } else {
        emit = true;
      }
      if (arangeStart === 0 || brangeStart === 0) emit = true;
      idx--; i--; j--;
    } else {
      if (table[(i - 1) * cols + j] > table[i * cols + j - 1]) i--;
      else j--;
      if (arangeStart !== alen) emit = true;
    }
    if (emit) {
      const matchLen = arangeEnd - arangeStart + 1;
      if (getIdx && (minMatchLen === 0 || matchLen >= minMatchLen)) {
        const m: Reply[] = [
          array([intReply(arangeStart), intReply(arangeEnd)]),
          array([intReply(brangeStart), intReply(brangeEnd)]),
        ];
        if (withMatchLen) m.push(intReply(matchLen));
        matches.push(array(m));
      }
      arangeStart = alen;
    }
  }
  if (getIdx) return map([[bulk('matches'), array(matches)], [bulk('len'), intReply(total)]]);
  return bulk(chars.join(''));
}

export const stringOpsCommands: Record<string, Handler> = {
  append, setrange, getrange, substr: getrange, strlen,
  incr, decr, incrby, decrby, incrbyfloat, lcs,
};
