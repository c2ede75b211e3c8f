// Set commands (t_set.c): membership, the random commands (SPOP, SRANDMEMBER),
// SSCAN, and the intersection/union/difference family with their STORE forms.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import {
  checkType, dbAdd, dbDelete, lookupRead, lookupWrite, newObject, notify, readTyped, setKey, writeTyped,
} from '../keyspace.ts';
import { N } from '../notify.ts';
import type { RObj } from '../object.ts';
import { type Reply, EMPTY_ARRAY, NULL, ONE, ZERO, array, bulk, bulks, intReply, set as setReply } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { SetValue } from '../types/set.ts';
import { globMatch } from '../util/glob.ts';
import { indexCursor } from '../util/keyindex.ts';
import { LLONG_MIN, argInt64, argPositive, eqi, parseLL } from '../util/parse.ts';
import { EMPTY_SCAN, parseScanCursor, parseScanOptions, scanReply } from './scan.ts';

/** The set inside a set object, with the object's encoding kept in step after writes. */
const setOf = (o: RObj): SetValue => o.value as SetValue;

/** After a write: OBJECT ENCODING reports what the value became. */
function syncSetEncoding(o: RObj): void {
  o.enc = setOf(o).enc;
}

/** setTypeCreate + dbAdd: a new empty set whose encoding follows its first member. */
function createSetKey(c: Client, key: string, firstMember: string): RObj {
  const s = SetValue.forFirstMember(firstMember);
  const o = newObject(c, 'set', s.enc, s);
  dbAdd(c, key, o);
  return o;
}

/** Remove a set key that became empty, with the `del` event Redis fires for it. */
function deleteEmptySet(c: Client, key: string): void {
  dbDelete(c, key);
  notify(c, N.GENERIC, 'del', key);
}

function sadd(c: Client): Reply {
  const argv = c.argv;
  const key = argv[1];
  const o = writeTyped(c, key, 'set') ?? createSetKey(c, key, argv[2]);
  const s = setOf(o);
  const max = c.server.config.setMaxIntsetEntries;
  let added = 0;
  for (let j = 2; j < argv.length; j++) if (s.add(argv[j], max)) added++;
  syncSetEncoding(o);
  if (added > 0) {
    c.server.signalModifiedKey(c.db, key);
    notify(c, N.SET, 'sadd', key);
  }
  c.server.dirty += added;
  return intReply(added);
}

/** SREM stops at the member that empties the set: the key is deleted there. */
function srem(c: Client): Reply {
  const argv = c.argv;
  const key = argv[1];
  const o = writeTyped(c, key, 'set');
  if (o === undefined) return ZERO;
  const s = setOf(o);
  let deleted = 0;
  let keyRemoved = false;
  for (let j = 2; j < argv.length; j++) {
    if (s.remove(argv[j])) {
      deleted++;
      if (s.size === 0) {
        dbDelete(c, key);
        keyRemoved = true;
        break;
      }
    }
  }
  if (deleted > 0) {
    c.server.signalModifiedKey(c.db, key);
    notify(c, N.SET, 'srem', key);
    if (keyRemoved) notify(c, N.GENERIC, 'del', key);
    c.server.dirty += deleted;
  }
  return intReply(deleted);
}

/**
 * SMOVE source destination member. A missing source is 0 before any type check;
 * moving within one key only tells whether the member is there.
 */
function smove(c: Client): Reply {
  const [, srcKey, dstKey, member] = c.argv;
  const src = lookupWrite(c, srcKey);
  const dst = lookupWrite(c, dstKey);
  if (src === undefined) return ZERO;
  checkType(src, 'set');
  if (dst !== undefined) checkType(dst, 'set');
  if (src === dst) return setOf(src).has(member) ? ONE : ZERO;
  if (!setOf(src).remove(member)) return ZERO;
  notify(c, N.SET, 'srem', srcKey);
  if (setOf(src).size === 0) deleteEmptySet(c, srcKey);
  const target = dst ?? createSetKey(c, dstKey, member);
  c.server.signalModifiedKey(c.db, srcKey);
  c.server.dirty++;
  if (setOf(target).add(member, c.server.config.setMaxIntsetEntries)) {
    syncSetEncoding(target);
    c.server.dirty++;
    c.server.signalModifiedKey(c.db, dstKey);
    notify(c, N.SET, 'sadd', dstKey);
  }
  return ONE;
}

function sismember(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'set');
  return o !== undefined && setOf(o).has(c.argv[2]) ? ONE : ZERO;
}

/** SMISMEMBER: a missing key answers 0 for every member. */
function smismember(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'set');
  const out: Reply[] = [];
  for (let j = 2; j < c.argv.length; j++) out.push(o !== undefined && setOf(o).has(c.argv[j]) ? ONE : ZERO);
  return array(out);
}

function scard(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'set');
  return o === undefined ? ZERO : intReply(setOf(o).size);
}

/**
 * SSCAN key cursor [MATCH pattern] [COUNT count]. The cursor is parsed first, then
 * the key is looked up (a missing key answers an empty scan without looking at the
 * options), then the options.
 */
function sscan(c: Client): Reply {
  const cursor = parseScanCursor(c.argv[2]);
  const o = readTyped(c, c.argv[1], 'set');
  if (o === undefined) return EMPTY_SCAN;
  const { count, pattern } = parseScanOptions(c.argv, 3, false);
  const out: string[] = [];
  const next = setOf(o).scan(indexCursor(cursor), count, (m) => {
    if (pattern === null || globMatch(pattern, m)) out.push(m);
  });
  return scanReply(next, out);
}

/** shared.emptyset: `*0` in RESP2, `~0` in RESP3. */
const EMPTY_SET: Reply = setReply([]);

const LONG_MAX_TEXT = '9223372036854775807';

/**
 * A count of SRANDMEMBER/HRANDFIELD: getRangeLongFromObjectOrReply(-LONG_MAX,
 * LONG_MAX), so LLONG_MIN is refused with the range message.
 */
export function argRandomCount(arg: string): bigint {
  const v = argInt64(arg);
  if (v === LLONG_MIN) fail(E.LONG_RANGE(`-${LONG_MAX_TEXT}`, LONG_MAX_TEXT));
  return v;
}

/** SPOP key [count]: a single pop is propagated as SREM key member. */
function spop(c: Client): Reply {
  const argv = c.argv;
  if (argv.length === 3) return spopWithCount(c);
  if (argv.length > 3) fail(E.SYNTAX);
  const key = argv[1];
  const o = writeTyped(c, key, 'set');
  if (o === undefined) return NULL;
  const s = setOf(o);
  const member = s.random(c.server.random);
  s.remove(member);
  notify(c, N.SET, 'spop', key);
  c.rewriteArgv(['SREM', key, member]);
  if (s.size === 0) deleteEmptySet(c, key);
  c.server.signalModifiedKey(c.db, key);
  c.server.dirty++;
  return bulk(member);
}

/** Redis's SPOP_MOVE_STRATEGY_MUL: when few members stay, pick those instead. */
const SPOP_MOVE_STRATEGY_MUL = 5;

/**
 * spopWithCountCommand. Popping everything replies as SUNION of the key would
 * (a new set's order) and is propagated as DEL; popping part of the set is
 * propagated as one SREM per member (Redis wraps them in MULTI/EXEC).
 */
function spopWithCount(c: Client): Reply {
  const key = c.argv[1];
  const count = argPositive(c.argv[2]);
  const o = writeTyped(c, key, 'set');
  if (o === undefined || count === 0) return EMPTY_SET;
  const s = setOf(o);
  const size = s.size;
  const srv = c.server;
  notify(c, N.SET, 'spop', key);
  if (count >= size) {
    const whole = unionOf([s], srv.config.setMaxIntsetEntries);
    deleteEmptySet(c, key);
    c.rewriteArgv(['DEL', key]);
    srv.signalModifiedKey(c.db, key);
    srv.dirty += size;
    return setReply([...whole.values()].map(bulk));
  }
  let popped: string[] = [];
  const remaining = size - count;
  if (remaining * SPOP_MOVE_STRATEGY_MUL > count) {
    for (let i = 0; i < count; i++) {
      const m = s.random(srv.random);
      s.remove(m);
      popped.push(m);
    }
  } else {
    // Most members go: move the few that stay into a new set (setTypeCreate'd from
    // the first of them), and reply with what is left in the old one, in its order.
    let kept: SetValue | null = null;
    for (let i = 0; i < remaining; i++) {
      const m = s.random(srv.random);
      kept ??= SetValue.forFirstMember(m);
      kept.add(m, srv.config.setMaxIntsetEntries);
      s.remove(m);
    }
    popped = [...s.values()];
    o.value = kept;
  }
  syncSetEncoding(o);
  if (srv.propagating) for (const m of popped) srv.propagate(c.db.id, ['SREM', key, m]);
  c.preventPropagation = true;
  srv.signalModifiedKey(c.db, key);
  srv.dirty += count;
  return setReply(popped.map(bulk));
}

/** SRANDMEMBER key [count]: a negative count may repeat members. */
function srandmember(c: Client): Reply {
  const argv = c.argv;
  if (argv.length === 3) return srandmemberWithCount(c);
  if (argv.length > 3) fail(E.SYNTAX);
  const o = readTyped(c, argv[1], 'set');
  return o === undefined ? NULL : bulk(setOf(o).random(c.server.random));
}

function srandmemberWithCount(c: Client): Reply {
  const l = argRandomCount(c.argv[2]);
  const o = readTyped(c, c.argv[1], 'set');
  if (o === undefined || l === 0n) return EMPTY_ARRAY;
  const s = setOf(o);
  const rand = c.server.random;
  const count = Number(l < 0n ? -l : l);
  if (l < 0n || count === 1) {
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(s.random(rand));
    return bulks(out);
  }
  if (count >= s.size) return bulks([...s.values()]);
  return bulks(s.randomDistinct(count, rand));
}

/**
 * The sets named by keys, looked up for reading even when the result is stored (7.0.15
 * counts a keyspace miss and fires `keymiss` for a missing source of SINTERSTORE too);
 * a missing key is undefined, a wrong type an error.
 */
function lookupSets(c: Client, keys: readonly string[]): (SetValue | undefined)[] {
  return keys.map((key) => {
    const o = lookupRead(c, key);
    if (o === undefined) return undefined;
    checkType(o, 'set');
    return setOf(o);
  });
}

/**
 * Store a computed set at dstkey (setKey drops its TTL), or delete dstkey when the
 * result is empty. Replies with the result's size.
 */
function storeSet(c: Client, dstkey: string, result: SetValue, event: string): Reply {
  if (result.size > 0) {
    setKey(c, dstkey, newObject(c, 'set', result.enc, result));
    notify(c, N.SET, event, dstkey);
    c.server.dirty++;
    return intReply(result.size);
  }
  if (dbDelete(c, dstkey)) {
    c.server.dirty++;
    notify(c, N.GENERIC, 'del', dstkey);
  }
  return ZERO;
}

/**
 * sinterGenericCommand: walk the smallest set (a stable sort by size, as glibc's
 * qsort merge sort is) and keep the members every other set has. The reply comes
 * in that set's order; a stored result is a new set (intset when it can be).
 */
function sinterGeneric(c: Client, keys: readonly string[], dstkey: string | null, cardinalityOnly: boolean, limit: number): Reply {
  const found = lookupSets(c, keys);
  if (found.includes(undefined)) {
    if (dstkey !== null) return storeSet(c, dstkey, new SetValue(), 'sinterstore');
    return cardinalityOnly ? ZERO : EMPTY_SET;
  }
  const sets = (found as SetValue[]).slice().sort((a, b) => a.size - b.size);
  const first = sets[0];
  const result: string[] = [];
  for (const m of first.values()) {
    let inAll = true;
    for (let j = 1; j < sets.length && inAll; j++) if (sets[j] !== first && !sets[j].has(m)) inAll = false;
    if (!inAll) continue;
    result.push(m);
    if (cardinalityOnly && limit !== 0 && result.length >= limit) break;
  }
  if (cardinalityOnly) return intReply(result.length);
  if (dstkey === null) return setReply(result.map(bulk));
  const stored = new SetValue();
  for (const m of result) stored.add(m, c.server.config.setMaxIntsetEntries);
  return storeSet(c, dstkey, stored, 'sinterstore');
}

const sinter: Handler = (c) => sinterGeneric(c, c.argv.slice(1), null, false, 0);
const sinterstore: Handler = (c) => sinterGeneric(c, c.argv.slice(2), c.argv[1], false, 0);

/** SINTERCARD numkeys key [key ...] [LIMIT limit] */
function sintercard(c: Client): Reply {
  const argv = c.argv;
  const numkeys = parseLL(argv[1]);
  if (numkeys === null || numkeys < 1) fail(E.NUMKEYS_NOT_POSITIVE);
  if (numkeys > argv.length - 2) fail(E.NUMKEYS_OVER_ARGS);
  let limit = 0;
  for (let j = 2 + numkeys; j < argv.length; j++) {
    if (eqi(argv[j], 'limit') && j + 1 < argv.length) limit = argPositive(argv[++j], E.LIMIT_NEGATIVE);
    else fail(E.SYNTAX);
  }
  return sinterGeneric(c, argv.slice(2, 2 + numkeys), null, true, limit);
}

/** The union of sets, built as Redis builds it: into a new set that starts as an intset. */
function unionOf(sets: readonly (SetValue | undefined)[], maxIntset: number): SetValue {
  const out = new SetValue();
  for (const s of sets) if (s !== undefined) for (const m of s.values()) out.add(m, maxIntset);
  return out;
}

/**
 * The difference first - others, with Redis's choice between its two algorithms:
 * it shows in the result's encoding (adding all of a big first set converts the
 * result to a hash table even when little of it remains).
 */
function differenceOf(sets: readonly (SetValue | undefined)[], maxIntset: number): SetValue {
  const first = sets[0];
  const out = new SetValue();
  if (first === undefined || sets.slice(1).includes(first)) return out;
  let algoOneWork = 0;
  let algoTwoWork = 0;
  for (const s of sets) {
    if (s === undefined) continue;
    algoOneWork += first.size;
    algoTwoWork += s.size;
  }
  // Algorithm 1 has better constant times: Redis gives it this advantage.
  if (Math.floor(algoOneWork / 2) <= algoTwoWork) {
    for (const m of first.values()) {
      if (!sets.some((s, j) => j > 0 && s !== undefined && s.has(m))) out.add(m, maxIntset);
    }
    return out;
  }
  for (const m of first.values()) out.add(m, maxIntset);
  for (let j = 1; j < sets.length && out.size > 0; j++) {
    const s = sets[j];
    if (s !== undefined) for (const m of s.values()) out.remove(m);
  }
  return out;
}

/** sunionDiffGenericCommand: the result is always built in a new set, then replied or stored. */
function sunionDiffGeneric(c: Client, keys: readonly string[], dstkey: string | null, op: 'union' | 'diff'): Reply {
  const sets = lookupSets(c, keys);
  const max = c.server.config.setMaxIntsetEntries;
  const result = op === 'union' ? unionOf(sets, max) : differenceOf(sets, max);
  if (dstkey === null) return setReply([...result.values()].map(bulk));
  return storeSet(c, dstkey, result, op === 'union' ? 'sunionstore' : 'sdiffstore');
}

const sunion: Handler = (c) => sunionDiffGeneric(c, c.argv.slice(1), null, 'union');
const sunionstore: Handler = (c) => sunionDiffGeneric(c, c.argv.slice(2), c.argv[1], 'union');
const sdiff: Handler = (c) => sunionDiffGeneric(c, c.argv.slice(1), null, 'diff');
const sdiffstore: Handler = (c) => sunionDiffGeneric(c, c.argv.slice(2), c.argv[1], 'diff');

export const setCommands: Record<string, Handler> = {
  sadd, srem, smove, sismember, smismember, scard, sscan,
  spop, srandmember,
  sinter, smembers: sinter, sintercard, sinterstore, sunion, sunionstore, sdiff, sdiffstore,
};
