// List commands (t_list.c): pushes, pops (with COUNT), LMPOP, LMOVE/RPOPLPUSH,
// indexing, LPOS, LINSERT, LREM, LSET, LTRIM, LRANGE, and the blocking forms
// BLPOP, BRPOP, BLMPOP, BLMOVE, BRPOPLPUSH (blocking.ts keeps the waiting clients).
import { argTimeout, blockForKeys } from '../blocking.ts';
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { dbAdd, dbDelete, lookupWrite, newObject, notify, readTyped, writeTyped } from '../keyspace.ts';
import { N } from '../notify.ts';
import type { RObj } from '../object.ts';
import {
  type Reply, array, bulk, bulkOrNull, bulks, EMPTY_ARRAY, intReply, NEG_ONE, NULL, NULL_ARRAY, OK, ZERO,
} from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { ListValue } from '../types/list.ts';
import { argLL, argRange, eqi, parseLL } from '../util/parse.ts';

export type Where = 'head' | 'tail';

/** createQuicklistObject: Redis 7.0 has no other list encoding. */
export function newListObject(c: Client, list: ListValue = new ListValue()): RObj {
  return newObject(c, 'list', 'quicklist', list);
}

const listOf = (o: RObj): ListValue => o.value as ListValue;

/** getListPositionFromObjectOrReply: LEFT or RIGHT, else a syntax error. */
function argWhere(s: string): Where {
  if (eqi(s, 'left')) return 'head';
  if (eqi(s, 'right')) return 'tail';
  return fail(E.SYNTAX);
}

/** getLongFromObjectOrReply with Redis's optional message for every failure. */
function argPositiveWith(s: string, msg: string): number {
  const v = parseLL(s);
  if (v === null || v < 0) fail(msg);
  return v;
}

/** pushGenericCommand: LPUSH/RPUSH create the list; the X forms need it to exist. */
function pushGeneric(c: Client, where: Where, mustExist: boolean): Reply {
  const argv = c.argv;
  const key = argv[1];
  let o = writeTyped(c, key, 'list');
  if (o === undefined) {
    if (mustExist) return ZERO;
    o = newListObject(c);
    dbAdd(c, key, o);
  }
  const list = listOf(o);
  for (let j = 2; j < argv.length; j++) {
    if (where === 'head') list.pushHead(argv[j]);
    else list.pushTail(argv[j]);
    c.server.dirty++;
  }
  c.server.signalModifiedKey(c.db, key);
  notify(c, N.LIST, where === 'head' ? 'lpush' : 'rpush', key);
  return intReply(list.length);
}

const lpush = (c: Client): Reply => pushGeneric(c, 'head', false);
const rpush = (c: Client): Reply => pushGeneric(c, 'tail', false);
const lpushx = (c: Client): Reply => pushGeneric(c, 'head', true);
const rpushx = (c: Client): Reply => pushGeneric(c, 'tail', true);

/**
 * listElementsRemoved: the pop event, then the key's deletion when the list
 * became empty (with a `del` event), and `count` changes for the dirty counter.
 */
function elementsRemoved(c: Client, key: string, where: Where, o: RObj, count: number): void {
  notify(c, N.LIST, where === 'head' ? 'lpop' : 'rpop', key);
  if (listOf(o).length === 0) {
    dbDelete(c, key);
    notify(c, N.GENERIC, 'del', key);
  }
  c.server.signalModifiedKey(c.db, key);
  c.server.dirty += count;
}

/** Pop up to count elements from one end, in pop order (RPOP's come tail first). */
function popRange(list: ListValue, where: Where, count: number): string[] {
  const n = Math.min(count, list.length);
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = (where === 'head' ? list.popHead() : list.popTail()) as string;
  return out;
}

/**
 * popGenericCommand: without a count one bulk (null on a missing key); with a
 * count an array (the null array on a missing key, an empty one for count 0).
 * The count is parsed before the key is looked up.
 */
function popGeneric(c: Client, where: Where): Reply {
  const argv = c.argv;
  if (argv.length > 3) fail(E.WRONG_ARITY(c.cmd!.fullname));
  const hasCount = argv.length === 3;
  const count = hasCount ? argPositiveWith(argv[2], 'ERR value is out of range, must be positive') : 0;
  const key = argv[1];
  const o = writeTyped(c, key, 'list');
  if (o === undefined) return hasCount ? NULL_ARRAY : NULL;
  if (hasCount && count === 0) return EMPTY_ARRAY;
  const list = listOf(o);
  if (!hasCount) {
    const v = (where === 'head' ? list.popHead() : list.popTail()) as string;
    elementsRemoved(c, key, where, o, 1);
    return bulk(v);
  }
  const popped = popRange(list, where, count);
  elementsRemoved(c, key, where, o, popped.length);
  return bulks(popped);
}

const lpop = (c: Client): Reply => popGeneric(c, 'head');
const rpop = (c: Client): Reply => popGeneric(c, 'tail');

/** LMPOP/BLMPOP's arguments from numkeys on: keys, LEFT|RIGHT, [COUNT count] (default 1). */
function parseMpopArgs(argv: string[], numkeysIdx: number): { keys: string[]; where: Where; count: number } {
  const numkeys = argRange(argv[numkeysIdx], 1, Number.MAX_VALUE, 'ERR numkeys should be greater than 0');
  const whereIdx = numkeysIdx + numkeys + 1;
  if (whereIdx >= argv.length) fail(E.SYNTAX);
  const where = argWhere(argv[whereIdx]);
  let count = -1;
  for (let j = whereIdx + 1; j < argv.length; j++) {
    if (count === -1 && eqi(argv[j], 'count') && j < argv.length - 1) {
      count = argRange(argv[++j], 1, Number.MAX_VALUE, 'ERR count should be greater than 0');
    } else fail(E.SYNTAX);
  }
  return { keys: argv.slice(numkeysIdx + 1, whereIdx), where, count: count === -1 ? 1 : count };
}

/** Pop up to count from one end of the list at key: [key, [elements]], propagated as LPOP/RPOP key n. */
function popRangeWithKey(c: Client, key: string, o: RObj, where: Where, count: number): Reply {
  const popped = popRange(listOf(o), where, count);
  elementsRemoved(c, key, where, o, popped.length);
  c.rewriteArgv([where === 'head' ? 'LPOP' : 'RPOP', key, String(popped.length)]);
  return array([bulk(key), bulks(popped)]);
}

/**
 * LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]: pop from the first
 * non-empty list, replying [key, [elements]]. Propagated as LPOP/RPOP key n.
 */
function lmpop(c: Client): Reply {
  const { keys, where, count } = parseMpopArgs(c.argv, 1);
  for (const key of keys) {
    const o = lookupWrite(c, key);
    if (o === undefined) continue;
    if (o.type !== 'list') fail(E.WRONGTYPE);
    if (listOf(o).length === 0) continue;
    return popRangeWithKey(c, key, o, where, count);
  }
  return NULL_ARRAY;
}

/**
 * lmoveGenericCommand: pop from the source, push onto the destination (created
 * if missing; it may be the source itself), events lpush/rpush on the
 * destination before lpop/rpop on the source. Propagated as sent.
 */
function lmoveGeneric(c: Client, from: Where, to: Where): Reply {
  const [, src, dst] = c.argv;
  const so = writeTyped(c, src, 'list');
  if (so === undefined) return NULL;
  const value = moveElement(c, src, so, dst, from, to);
  c.server.signalModifiedKey(c.db, src);
  c.server.dirty++;
  return bulk(value);
}

/**
 * The move shared by LMOVE and a served BLMOVE: WRONGTYPE for a destination of
 * another type (nothing moves), else pop, push (creating the destination), the
 * push event, the pop event, and the source's deletion once empty.
 */
function moveElement(c: Client, src: string, so: RObj, dst: string, from: Where, to: Where): string {
  const slist = listOf(so);
  let dobj = lookupWrite(c, dst);
  if (dobj !== undefined && dobj.type !== 'list') fail(E.WRONGTYPE);
  const value = (from === 'head' ? slist.popHead() : slist.popTail()) as string;
  if (dobj === undefined) {
    dobj = newListObject(c);
    dbAdd(c, dst, dobj);
  }
  c.server.signalModifiedKey(c.db, dst);
  if (to === 'head') listOf(dobj).pushHead(value);
  else listOf(dobj).pushTail(value);
  notify(c, N.LIST, to === 'head' ? 'lpush' : 'rpush', dst);
  notify(c, N.LIST, from === 'head' ? 'lpop' : 'rpop', src);
  deleteIfEmpty(c, src, slist);
  return value;
}

const popName = (where: Where): string => (where === 'head' ? 'LPOP' : 'RPOP');
const sideName = (where: Where): string => (where === 'head' ? 'LEFT' : 'RIGHT');

/**
 * blockingPopGenericCommand: pop from the first non-empty list as LPOP/RPOP
 * (BLMPOP as LMPOP), or block on all the keys. count is -1 for BLPOP/BRPOP.
 */
function blockingPopGeneric(c: Client, keys: string[], where: Where, timeoutArg: string, count: number): Reply {
  const deadline = argTimeout(c, timeoutArg, 'seconds');
  for (const key of keys) {
    const o = lookupWrite(c, key);
    if (o === undefined) continue;
    if (o.type !== 'list') fail(E.WRONGTYPE);
    if (count !== -1) return popRangeWithKey(c, key, o, where, count);
    const list = listOf(o);
    const value = (where === 'head' ? list.popHead() : list.popTail()) as string;
    elementsRemoved(c, key, where, o, 1);
    c.rewriteArgv([popName(where), key]);
    return array([bulk(key), bulk(value)]);
  }
  // Not allowed to block (MULTI, scripts): the timeout reply, even for timeout 0.
  if (c.denyBlocking) return NULL_ARRAY;
  return blockForKeys(c, 'list', keys, deadline, (r, key, o) => servePop(r, key, o, where, count));
}

/**
 * serveClientBlockedOnList for BLPOP/BRPOP/BLMPOP: propagated as LPOP/RPOP (with
 * the count popped for BLMPOP). BLPOP's path neither counts a change nor touches
 * WATCH again (the push did), as 7.0.
 */
function servePop(c: Client, key: string, o: RObj, where: Where, count: number): Reply {
  if (count !== -1) return popRangeWithKey(c, key, o, where, count);
  const list = listOf(o);
  const value = (where === 'head' ? list.popHead() : list.popTail()) as string;
  c.rewriteArgv([popName(where), key]);
  c.forcePropagation = true;
  notify(c, N.LIST, where === 'head' ? 'lpop' : 'rpop', key);
  deleteIfEmpty(c, key, list);
  return array([bulk(key), bulk(value)]);
}

function deleteIfEmpty(c: Client, key: string, list: ListValue): void {
  if (list.length !== 0) return;
  dbDelete(c, key);
  notify(c, N.GENERIC, 'del', key);
}

const blpop = (c: Client): Reply => blockingPopGeneric(c, c.argv.slice(1, -1), 'head', c.argv[c.argv.length - 1], -1);
const brpop = (c: Client): Reply => blockingPopGeneric(c, c.argv.slice(1, -1), 'tail', c.argv[c.argv.length - 1], -1);

/** BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count]: the timeout is parsed last. */
function blmpop(c: Client): Reply {
  const { keys, where, count } = parseMpopArgs(c.argv, 2);
  return blockingPopGeneric(c, keys, where, c.argv[1], count);
}

/**
 * blmoveGenericCommand: an existing source moves at once (as LMOVE); a missing
 * one blocks, or answers a plain null when blocking is denied.
 */
function blmoveGeneric(c: Client, from: Where, to: Where, timeoutArg: string): Reply {
  const deadline = argTimeout(c, timeoutArg, 'seconds');
  const src = c.argv[1];
  const dst = c.argv[2];
  if (writeTyped(c, src, 'list') !== undefined) return lmoveGeneric(c, from, to);
  if (c.denyBlocking) return NULL;
  const brpoplpush = c.argv.length === 4;
  return blockForKeys(c, 'list', [src], deadline, (r, key, o) => serveMove(r, key, o, dst, from, to, brpoplpush));
}

/**
 * serveClientBlockedOnList for BLMOVE/BRPOPLPUSH: a destination of another type
 * answers WRONGTYPE and takes nothing; otherwise the move is propagated as
 * LMOVE (or RPOPLPUSH), with the push events before the pop's.
 */
function serveMove(c: Client, src: string, o: RObj, dst: string, from: Where, to: Where, brpoplpush: boolean): Reply {
  const value = moveElement(c, src, o, dst, from, to);
  c.rewriteArgv(brpoplpush ? ['RPOPLPUSH', src, dst] : ['LMOVE', src, dst, sideName(from), sideName(to)]);
  c.forcePropagation = true;
  return bulk(value);
}

/** BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout. */
function blmove(c: Client): Reply {
  const from = argWhere(c.argv[3]);
  const to = argWhere(c.argv[4]);
  return blmoveGeneric(c, from, to, c.argv[5]);
}

const brpoplpush = (c: Client): Reply => blmoveGeneric(c, 'tail', 'head', c.argv[3]);

function lmove(c: Client): Reply {
  const from = argWhere(c.argv[3]);
  const to = argWhere(c.argv[4]);
  return lmoveGeneric(c, from, to);
}

const rpoplpush = (c: Client): Reply => lmoveGeneric(c, 'tail', 'head');

function llen(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'list');
  return o === undefined ? ZERO : intReply(listOf(o).length);
}

/** LINDEX: the key is looked up before the index is parsed. */
function lindex(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'list');
  if (o === undefined) return NULL;
  const index = argLL(c.argv[2]);
  return bulkOrNull(listOf(o).at(index));
}

function lset(c: Client): Reply {
  const [, key, indexArg, value] = c.argv;
  const o = writeTyped(c, key, 'list');
  if (o === undefined) fail(E.NO_SUCH_KEY);
  const index = argLL(indexArg);
  if (!listOf(o).setAt(index, value)) fail(E.OUT_OF_RANGE);
  c.server.signalModifiedKey(c.db, key);
  notify(c, N.LIST, 'lset', key);
  c.server.dirty++;
  return OK;
}

/** addListRangeReply's clamping: [start, end] within the list, or null when empty. */
export function clampRange(start: number, end: number, len: number): [number, number] | null {
  if (start < 0) start = len + start;
  if (end < 0) end = len + end;
  if (start < 0) start = 0;
  if (start > end || start >= len) return null;
  if (end >= len) end = len - 1;
  return [start, end];
}

/** LRANGE: the indexes are parsed before the key is looked up. */
function lrange(c: Client): Reply {
  const start = argLL(c.argv[2]);
  const end = argLL(c.argv[3]);
  const o = readTyped(c, c.argv[1], 'list');
  if (o === undefined) return EMPTY_ARRAY;
  const list = listOf(o);
  const r = clampRange(start, end, list.length);
  return r === null ? EMPTY_ARRAY : bulks(list.slice(r[0], r[1]));
}

/**
 * LTRIM: the `ltrim` event fires even when nothing is removed, but only the
 * removed elements count as changes, so a no-op trim is not propagated.
 */
function ltrim(c: Client): Reply {
  const key = c.argv[1];
  const start = argLL(c.argv[2]);
  const end = argLL(c.argv[3]);
  const o = writeTyped(c, key, 'list');
  if (o === undefined) return OK;
  const list = listOf(o);
  const len = list.length;
  const r = clampRange(start, end, len);
  const fromHead = r === null ? len : r[0];
  const fromTail = r === null ? 0 : len - r[1] - 1;
  list.trim(fromHead, fromTail);
  notify(c, N.LIST, 'ltrim', key);
  if (list.length === 0) {
    dbDelete(c, key);
    notify(c, N.GENERIC, 'del', key);
  }
  c.server.signalModifiedKey(c.db, key);
  c.server.dirty += fromHead + fromTail;
  return OK;
}

/** LREM: count > 0 from the head, < 0 from the tail, 0 removes all. */
function lrem(c: Client): Reply {
  const [, key, countArg, element] = c.argv;
  const count = argLL(countArg);
  const o = writeTyped(c, key, 'list');
  if (o === undefined) return ZERO;
  const list = listOf(o);
  const removed = list.removeMatching(element, Math.abs(count), count < 0);
  c.server.dirty += removed;
  if (removed !== 0) {
    c.server.signalModifiedKey(c.db, key);
    notify(c, N.LIST, 'lrem', key);
  }
  if (list.length === 0) {
    dbDelete(c, key);
    notify(c, N.GENERIC, 'del', key);
  }
  return intReply(removed);
}

/** LINSERT key BEFORE|AFTER pivot element: -1 when the pivot is not found. */
function linsert(c: Client): Reply {
  const [, key, whereArg, pivot, element] = c.argv;
  let after: boolean;
  if (eqi(whereArg, 'after')) after = true;
  else if (eqi(whereArg, 'before')) after = false;
  else return fail(E.SYNTAX);
  const o = writeTyped(c, key, 'list');
  if (o === undefined) return ZERO;
  const list = listOf(o);
  const i = list.indexOf(pivot);
  if (i < 0) return NEG_ONE;
  list.insertAt(after ? i + 1 : i, element);
  c.server.signalModifiedKey(c.db, key);
  notify(c, N.LIST, 'linsert', key);
  c.server.dirty++;
  return intReply(list.length);
}

// Redis 7.0 negates RANK without guarding LONG_MIN: -LONG_MIN stays LONG_MIN, a
// negative rank that every match satisfies and COUNT never reaches. (Compared
// as text: -2^63 + 1 is the same double.)
const RANK_LONG_MIN = '-9223372036854775808';

/** LPOS key element [RANK r] [COUNT n] [MAXLEN len]. */
function lpos(c: Client): Reply {
  const argv = c.argv;
  let rank = 1;
  let wrapped = false;
  let count = -1;
  let maxlen = 0;
  for (let j = 3; j < argv.length; j++) {
    const opt = argv[j];
    const moreArgs = j < argv.length - 1;
    if (eqi(opt, 'rank') && moreArgs) {
      rank = argLL(argv[++j]);
      wrapped = argv[j] === RANK_LONG_MIN;
      if (rank === 0) {
        fail('ERR RANK can\'t be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list');
      }
    } else if (eqi(opt, 'count') && moreArgs) {
      count = argPositiveWith(argv[++j], 'ERR COUNT can\'t be negative');
    } else if (eqi(opt, 'maxlen') && moreArgs) {
      maxlen = argPositiveWith(argv[++j], 'ERR MAXLEN can\'t be negative');
    } else fail(E.SYNTAX);
  }
  const fromTail = rank < 0;
  // rank <= 0 after the LONG_MIN overflow: the first match already qualifies.
  if (fromTail) rank = wrapped ? 0 : -rank;
  const o = readTyped(c, argv[1], 'list');
  if (o === undefined) return count !== -1 ? EMPTY_ARRAY : NULL;
  const list = listOf(o);
  const len = list.length;
  const element = argv[2];
  const found: Reply[] = [];
  let matches = 0;
  let matchIndex = -1;
  for (let index = 0; index < len && (maxlen === 0 || index < maxlen); index++) {
    const pos = fromTail ? len - index - 1 : index;
    if (list.get(pos) !== element) continue;
    matches++;
    if (matches < rank) continue;
    if (count === -1) {
      matchIndex = pos;
      break;
    }
    found.push(intReply(pos));
    if (count !== 0 && !wrapped && matches - rank + 1 >= count) break;
  }
  if (count !== -1) return array(found);
  return matchIndex === -1 ? NULL : intReply(matchIndex);
}

export const listCommands: Record<string, Handler> = {
  lpush, rpush, lpushx, rpushx, lpop, rpop, lmpop, lmove, rpoplpush,
  llen, lindex, lset, lrange, ltrim, lrem, linsert, lpos,
  blpop, brpop, blmpop, blmove, brpoplpush,
};
