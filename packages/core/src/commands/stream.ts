// Stream commands (t_stream.c): XADD, XRANGE, XREVRANGE, XLEN, XDEL, XTRIM and
// XSETID, and the helpers the other stream modules share: ID arguments, entry
// replies, NOGROUP-style error formatting. Reading (XREAD/XREADGROUP) is in
// stream-read.ts, consumer groups in stream-group.ts, XINFO in stream-info.ts.
import { signalKeyAsReady } from '../blocking.ts';
import type { Client } from '../client.ts';
import { CommandError, E, fail } from '../errors.ts';
import { dbAdd, newObject, notify, readTyped, writeTyped } from '../keyspace.ts';
import { N } from '../notify.ts';
import type { RObj } from '../object.ts';
import { type Reply, EMPTY_ARRAY, NULL, NULL_ARRAY, OK, ZERO, array, bulk, intReply } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { type StreamEntry, type TrimStrategy, StreamValue } from '../types/stream.ts';
import {
  type StreamID, MAX_ID, U64_MAX, ZERO_ID, cmpId, decrId, formatId, incrId, isZeroId, parseStreamId,
} from '../types/stream-id.ts';
import { argInt64, eqi } from '../util/parse.ts';

export const streamOf = (o: RObj): StreamValue => o.value as StreamValue;

/**
 * A name as addReplyErrorFormat's %s shows it: cut at a NUL byte, CR and LF
 * turned into spaces.
 */
export function errorArg(s: string): string {
  const nul = s.indexOf('\0');
  return (nul === -1 ? s : s.slice(0, nul)).replace(/[\r\n]/g, ' ');
}

/** streamParseIDOrReply: `-`/`+` allowed; a missing sequence is missingSeq. */
export function argId(s: string, missingSeq = 0n): StreamID {
  return (parseStreamId(s, missingSeq, false) ?? fail(E.STREAM_BAD_ID)).id;
}

/** streamParseStrictIDOrReply (without `<ms>-*`). */
export function argStrictId(s: string): StreamID {
  return (parseStreamId(s, 0n, true) ?? fail(E.STREAM_BAD_ID)).id;
}

/**
 * streamParseIntervalIDOrReply + the exclusive bound adjustment of XRANGE,
 * XPENDING and XAUTOCLAIM: `(id` is strict and moves one step inward.
 */
export function argIntervalId(s: string, isStart: boolean): StreamID {
  const exclusive = s.length > 1 && s[0] === '(';
  const missingSeq = isStart ? 0n : U64_MAX;
  const parsed = exclusive ? parseStreamId(s.slice(1), missingSeq, true) : parseStreamId(s, missingSeq, false);
  if (parsed === null) fail(E.STREAM_BAD_ID);
  if (!exclusive) return parsed.id;
  return (isStart ? incrId(parsed.id) : decrId(parsed.id)) ?? fail(isStart ? E.STREAM_BAD_START : E.STREAM_BAD_END);
}

export const idReply = (id: StreamID): Reply => bulk(formatId(id));

/** One entry as the range commands reply it: [id, [field, value, ...]]. */
export function entryReply(e: StreamEntry): Reply {
  const fv: Reply[] = [];
  for (let i = 0; i < e.values.length; i++) fv.push(bulk(e.fields[i]), bulk(e.values[i]));
  return array([idReply(e.id), array(fv)]);
}

/** The live entries of a range, up to count (0: all), as entry replies (streamReplyWithRange). */
export function rangeEntries(s: StreamValue, start: StreamID, end: StreamID, count: number, rev: boolean): Reply[] {
  const out: Reply[] = [];
  for (const e of s.range(start, end, rev)) {
    out.push(entryReply(e));
    if (out.length === count) break;
  }
  return out;
}

/** getLongLongFromObjectOrReply as a JS number (int64 values beyond 2^53 are far past any count). */
export function argCount(s: string, msg?: string): number {
  return Number(argInt64(s, msg));
}

const nodeLimits = (c: Client): { maxBytes: number; maxEntries: number } => ({
  maxBytes: c.server.config.streamNodeMaxBytes,
  maxEntries: c.server.config.streamNodeMaxEntries,
});

/** The options XADD and XTRIM share (streamAddTrimArgs). */
interface AddTrimArgs {
  strategy: TrimStrategy | null;
  /** Index of the MAXLEN/MINID value, for the propagation rewrite. */
  strategyArgIdx: number;
  approx: boolean;
  /** Entries that may be trimmed through whole nodes (0: no limit). */
  limit: number;
  noMkstream: boolean;
  /** XADD: the explicit ID (undefined for `*`), and where it is. */
  id?: StreamID;
  seqGiven: boolean;
  idIdx: number;
}

/**
 * streamParseAddOrTrimArgsOrReply. XADD stops at `*` or at the first argument
 * that is not an option (which must be an ID); XTRIM refuses anything else.
 */
function parseAddTrimArgs(c: Client, xadd: boolean): AddTrimArgs {
  const argv = c.argv;
  const args: AddTrimArgs = { strategy: null, strategyArgIdx: 0, approx: false, limit: 0, noMkstream: false, seqGiven: false, idIdx: 0 };
  let limitGiven = false;
  let limitValue = 0n;
  let i = 2;
  for (; i < argv.length; i++) {
    const moreArgs = argv.length - 1 - i;
    const opt = argv[i];
    if (xadd && opt === '*') break;
    if ((eqi(opt, 'maxlen') || eqi(opt, 'minid')) && moreArgs > 0) {
      if (args.strategy !== null) fail(E.STREAM_MAXLEN_AND_MINID);
      const isMaxlen = eqi(opt, 'maxlen');
      args.approx = false;
      const next = argv[i + 1];
      if (moreArgs >= 2 && next === '~') {
        args.approx = true;
        i++;
      } else if (moreArgs >= 2 && next === '=') {
        i++;
      }
      if (isMaxlen) {
        const maxlen = argInt64(argv[i + 1]);
        if (maxlen < 0n) fail(E.STREAM_MAXLEN_NEGATIVE);
        args.strategy = { maxlen: Number(maxlen) };
      } else {
        args.strategy = { minid: argStrictId(argv[i + 1]) };
      }
      i++;
      args.strategyArgIdx = i;
    } else if (eqi(opt, 'limit') && moreArgs > 0) {
      limitValue = argInt64(argv[i + 1]);
      if (limitValue < 0n) fail(E.STREAM_LIMIT_NEGATIVE);
      limitGiven = true;
      i++;
    } else if (xadd && eqi(opt, 'nomkstream')) {
      args.noMkstream = true;
    } else if (xadd) {
      const parsed = parseStreamId(argv[i], 0n, true, true) ?? fail(E.STREAM_BAD_ID);
      args.id = parsed.id;
      args.seqGiven = parsed.seqGiven;
      break;
    } else {
      fail(E.SYNTAX);
    }
  }
  args.idIdx = i;
  if (limitValue !== 0n && args.strategy === null) fail(E.STREAM_LIMIT_WITHOUT_STRATEGY);
  if (!xadd && args.strategy === null) fail(E.STREAM_XTRIM_NO_STRATEGY);
  if (limitGiven) {
    if (!args.approx) fail(E.STREAM_LIMIT_WITHOUT_APPROX);
    args.limit = Number(limitValue);
  } else if (args.approx) {
    // At most 100 nodes' worth of entries unless LIMIT says otherwise.
    args.limit = 100 * c.server.config.streamNodeMaxEntries;
  }
  return args;
}

/**
 * After an approximate trim, MAXLEN/MINID ~ <n> is propagated as = <what is
 * left>: the stream's length, or the first ID still stored in a node.
 */
function rewriteApproxTrim(argv: string[], s: StreamValue, args: AddTrimArgs): void {
  argv[args.strategyArgIdx - 1] = '=';
  argv[args.strategyArgIdx] = args.strategy!.maxlen !== undefined ? String(s.length) : formatId(s.firstStoredId());
}

/**
 * The ID XADD gives the new entry (streamAppendItem's ID part); throws when
 * it cannot. `<ms>-*` past the last sequence of the last ID's millisecond
 * fails without setting errno in 7.0, so XADD reports "Elements are too large".
 */
function nextEntryId(s: StreamValue, given: StreamID | undefined, seqGiven: boolean, now: number): StreamID {
  const last = s.lastId;
  let id: StreamID;
  if (given !== undefined && seqGiven) {
    id = given;
  } else if (given !== undefined) {
    // <ms>-*: the next sequence within the last ID's millisecond, else 0.
    if (last.ms === given.ms) {
      if (last.seq === U64_MAX) fail(E.STREAM_ELEMENTS_TOO_LARGE);
      id = { ms: last.ms, seq: last.seq + 1n };
    } else {
      id = given;
    }
  } else {
    // streamNextID: the clock, never going back behind the last ID.
    const ms = BigInt(now);
    id = ms > last.ms ? { ms, seq: 0n } : incrId(last) ?? ZERO_ID;
  }
  return cmpId(id, last) > 0 ? id : fail(E.STREAM_XADD_ID_TOO_SMALL);
}

/** STREAM_LISTPACK_MAX_SIZE: the fields and values of one entry may not exceed it. */
const ENTRY_MAX_SIZE = 1 << 30;

/** XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] *|id field value [field value ...] */
function xadd(c: Client): Reply {
  const args = parseAddTrimArgs(c, true);
  const argv = c.argv;
  const fieldPos = args.idIdx + 1;
  if (argv.length - fieldPos < 2 || (argv.length - fieldPos) % 2 === 1) fail(E.WRONG_ARITY('xadd'));
  if (args.id !== undefined && args.seqGiven && isZeroId(args.id)) fail(E.STREAM_XADD_ZERO_ID);
  const key = argv[1];
  let o = writeTyped(c, key, 'stream');
  if (o === undefined) {
    if (args.noMkstream) return NULL;
    o = newObject(c, 'stream', 'stream', new StreamValue());
    dbAdd(c, key, o);
  }
  const s = streamOf(o);
  if (cmpId(s.lastId, MAX_ID) === 0) fail(E.STREAM_EXHAUSTED);
  const id = nextEntryId(s, args.id, args.seqGiven, c.server.cmdTime);
  const fields: string[] = [];
  const values: string[] = [];
  let total = 0;
  for (let j = fieldPos; j < argv.length; j += 2) {
    fields.push(argv[j]);
    values.push(argv[j + 1]);
    total += argv[j].length + argv[j + 1].length;
  }
  if (total > ENTRY_MAX_SIZE) fail(E.STREAM_ELEMENTS_TOO_LARGE);
  s.append(id, fields, values, nodeLimits(c));
  const idText = formatId(id);
  notify(c, N.STREAM, 'xadd', key);
  c.server.dirty++;
  const rewritten = [...argv];
  if (args.strategy !== null) {
    if (s.trim(args.strategy, args.approx, args.limit) > 0) notify(c, N.STREAM, 'xtrim', key);
    if (args.approx) rewriteApproxTrim(rewritten, s, args);
  }
  c.server.signalModifiedKey(c.db, key);
  // The ID actually generated is what replicas and the AOF get.
  if (args.id === undefined || !args.seqGiven) rewritten[args.idIdx] = idText;
  if (args.approx || args.id === undefined || !args.seqGiven) c.rewriteArgv(rewritten);
  signalKeyAsReady(c.server, c.db, key, 'stream');
  return bulk(idText);
}

/** XRANGE / XREVRANGE (xrangeGenericCommand): bounds, then COUNT, then the key. */
function xrangeGeneric(c: Client, rev: boolean): Reply {
  const argv = c.argv;
  const start = argIntervalId(rev ? argv[3] : argv[2], true);
  const end = argIntervalId(rev ? argv[2] : argv[3], false);
  let count = -1;
  for (let j = 4; j < argv.length; j++) {
    if (eqi(argv[j], 'count') && j + 1 < argv.length) {
      count = Math.max(0, argCount(argv[++j]));
    } else {
      fail(E.SYNTAX);
    }
  }
  const o = readTyped(c, argv[1], 'stream');
  if (o === undefined) return EMPTY_ARRAY;
  if (count === 0) return NULL_ARRAY;
  return array(rangeEntries(streamOf(o), start, end, count === -1 ? 0 : count, rev));
}

const xrange: Handler = (c) => xrangeGeneric(c, false);
const xrevrange: Handler = (c) => xrangeGeneric(c, true);

function xlen(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'stream');
  return o === undefined ? ZERO : intReply(streamOf(o).length);
}

/**
 * XDEL key id [id ...]: every ID is checked before anything is deleted. Tracks
 * max-deleted-entry-id and recorded-first-entry-id for the lag computations.
 */
function xdel(c: Client): Reply {
  const key = c.argv[1];
  const o = writeTyped(c, key, 'stream');
  if (o === undefined) return ZERO;
  const s = streamOf(o);
  const ids = c.argv.slice(2).map(argStrictId);
  let deleted = 0;
  let firstDeleted = false;
  for (const id of ids) {
    if (!s.delete(id)) continue;
    if (cmpId(id, s.firstId) === 0) firstDeleted = true;
    if (cmpId(id, s.maxDeletedId) > 0) s.maxDeletedId = id;
    deleted++;
  }
  if (deleted > 0) {
    if (s.length === 0) s.firstId = ZERO_ID;
    else if (firstDeleted) s.firstId = s.firstLiveId();
    c.server.signalModifiedKey(c.db, key);
    notify(c, N.STREAM, 'xdel', key);
    c.server.dirty += deleted;
  }
  return intReply(deleted);
}

/** XTRIM key MAXLEN|MINID [=|~] threshold [LIMIT count] */
function xtrim(c: Client): Reply {
  const args = parseAddTrimArgs(c, false);
  const key = c.argv[1];
  const o = writeTyped(c, key, 'stream');
  if (o === undefined) return ZERO;
  const s = streamOf(o);
  const deleted = s.trim(args.strategy!, args.approx, args.limit);
  if (deleted > 0) {
    notify(c, N.STREAM, 'xtrim', key);
    if (args.approx) {
      const rewritten = [...c.argv];
      rewriteApproxTrim(rewritten, s, args);
      c.rewriteArgv(rewritten);
    }
    c.server.signalModifiedKey(c.db, key);
    c.server.dirty += deleted;
  }
  return intReply(deleted);
}

/** XSETID key last-id [ENTRIESADDED entries-added] [MAXDELETEDID max-deleted-id] */
function xsetid(c: Client): Reply {
  const argv = c.argv;
  const id = argStrictId(argv[2]);
  let entriesAdded = -1n;
  let maxDeleted = ZERO_ID;
  for (let i = 3; i < argv.length; i += 2) {
    const moreArgs = argv.length - 1 - i;
    if (eqi(argv[i], 'entriesadded') && moreArgs > 0) {
      entriesAdded = argInt64(argv[i + 1]);
      if (entriesAdded < 0n) fail(E.STREAM_ENTRIES_ADDED_NEGATIVE);
    } else if (eqi(argv[i], 'maxdeletedid') && moreArgs > 0) {
      maxDeleted = argStrictId(argv[i + 1]);
      if (cmpId(id, maxDeleted) < 0) fail(E.STREAM_XSETID_BELOW_GIVEN_MAXDEL);
    } else {
      fail(E.SYNTAX);
    }
  }
  const key = argv[1];
  const o = writeTyped(c, key, 'stream');
  if (o === undefined) throw new CommandError(E.NO_SUCH_KEY);
  const s = streamOf(o);
  if (s.length > 0) {
    if (cmpId(id, s.lastValidId()) < 0) fail(E.STREAM_XSETID_BELOW_TOP);
    if (entriesAdded !== -1n && BigInt(s.length) > entriesAdded) fail(E.STREAM_XSETID_ADDED_BELOW_LENGTH);
  }
  s.lastId = id;
  if (entriesAdded !== -1n) s.entriesAdded = entriesAdded;
  if (!isZeroId(maxDeleted)) s.maxDeletedId = maxDeleted;
  // 7.0.15's xsetidCommand does not signalModifiedKey: a WATCH on the stream survives it.
  notify(c, N.STREAM, 'xsetid', key);
  c.server.dirty++;
  return OK;
}

export const streamCommands: Record<string, Handler> = {
  xadd, xrange, xrevrange, xlen, xdel, xtrim, xsetid,
};
