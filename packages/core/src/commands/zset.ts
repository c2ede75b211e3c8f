// Sorted set commands (t_zset.c): ZADD, ZINCRBY, ZREM, ZCARD, ZSCORE, ZMSCORE,
// ZRANK, ZREVRANK, ZCOUNT, ZLEXCOUNT, the ZREMRANGEBY* family, ZPOPMIN, ZPOPMAX,
// ZMPOP, their blocking forms BZPOPMIN, BZPOPMAX and BZMPOP, ZRANDMEMBER and ZSCAN. Ranges are in zset-range.ts, the set operations
// (ZUNION, ZINTER, ZDIFF and their STORE forms, ZINTERCARD) in zset-setops.ts.
import { argTimeout, blockForKeys } from '../blocking.ts';
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { dbAdd, dbDelete, lookupWrite, newObject, notify, readTyped, writeTyped } from '../keyspace.ts';
import { N } from '../notify.ts';
import type { RObj } from '../object.ts';
import {
  type Reply, EMPTY_ARRAY, NULL, NULL_ARRAY, ZERO, array, bulk, double, intReply,
} from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { type ZNode, lexLteMax } from '../types/skiplist.ts';
import { ZSetValue, listpackScore } from '../types/zset.ts';
import { formatDouble } from '../util/format.ts';
import { globMatch } from '../util/glob.ts';
import { indexCursor } from '../util/keyindex.ts';
import { argDouble, argLL, argPositive, argRange, eqi, parseInt64 } from '../util/parse.ts';
import { EMPTY_SCAN, parseScanCursor, parseScanOptions, scanReply } from './scan.ts';
import { parseLexRange, parseScoreRange, scoredReply, zsetRangeCommands } from './zset-range.ts';
import { zsetSetOpsCommands } from './zset-setops.ts';

interface AddFlags {
  nx: boolean;
  xx: boolean;
  gt: boolean;
  lt: boolean;
  incr: boolean;
}

/** What zsetAdd did to one member. */
const enum Added { NOP, ADDED, UPDATED, SAME, NAN }

/**
 * zsetAdd: add or update one member under the NX/XX/GT/LT/INCR rules. A new member
 * turns a listpack into a skiplist when the set would exceed
 * zset-max-listpack-entries or the member is longer than zset-max-listpack-value.
 * `out.score` receives the member's resulting score.
 */
function zsetAdd(c: Client, o: RObj, score: number, member: string, f: AddFlags, out: { score: number }): Added {
  const z = o.value as ZSetValue;
  const cur = z.score(member);
  if (cur !== undefined) {
    if (f.nx) return Added.NOP;
    if (f.incr) {
      score += cur;
      if (Number.isNaN(score)) return Added.NAN;
    }
    if ((f.lt && score >= cur) || (f.gt && score <= cur)) return Added.NOP;
    out.score = score;
    if (score === cur) return Added.SAME;
    z.update(member, o.enc === 'listpack' ? listpackScore(score) : score);
    return Added.UPDATED;
  }
  if (f.xx) return Added.NOP;
  const cfg = c.server.config;
  if (o.enc === 'listpack' && (z.size + 1 > cfg.zsetMaxListpackEntries || member.length > cfg.zsetMaxListpackValue)) {
    o.enc = 'skiplist';
  }
  z.insert(o.enc === 'listpack' ? listpackScore(score) : score, member);
  out.score = score;
  return Added.ADDED;
}

/** zaddGenericCommand: ZADD's options, then score/member pairs; ZINCRBY is ZADD INCR. */
function zaddGeneric(c: Client, incrCommand: boolean): Reply {
  const argv = c.argv;
  const key = argv[1];
  const f: AddFlags = { nx: false, xx: false, gt: false, lt: false, incr: incrCommand };
  let ch = false;
  let i = 2;
  for (; i < argv.length; i++) {
    const opt = argv[i];
    if (eqi(opt, 'nx')) f.nx = true;
    else if (eqi(opt, 'xx')) f.xx = true;
    else if (eqi(opt, 'ch')) ch = true;
    else if (eqi(opt, 'incr')) f.incr = true;
    else if (eqi(opt, 'gt')) f.gt = true;
    else if (eqi(opt, 'lt')) f.lt = true;
    else break;
  }
  const elements = argv.length - i;
  if (elements % 2 !== 0 || elements === 0) fail(E.SYNTAX);
  if (f.nx && f.xx) fail(E.ZADD_NX_XX);
  if ((f.gt && f.nx) || (f.lt && f.nx) || (f.gt && f.lt)) fail(E.ZADD_GT_LT_NX);
  if (f.incr && elements > 2) fail(E.ZADD_INCR_PAIRS);
  // Every score is parsed first: the command either runs fully or not at all.
  const scores: number[] = [];
  for (let j = i; j < argv.length; j += 2) scores.push(argDouble(argv[j]));

  let o = writeTyped(c, key, 'zset');
  let added = 0;
  let updated = 0;
  let processed = 0;
  const out = { score: 0 };
  if (o === undefined && !f.xx) {
    o = newObject(c, 'zset', 'listpack', new ZSetValue());
    dbAdd(c, key, o);
  }
  let nan = false;
  if (o !== undefined) {
    for (let j = 0; j < scores.length; j++) {
      const r = zsetAdd(c, o, scores[j], argv[i + 1 + 2 * j], f, out);
      if (r === Added.NAN) { nan = true; break; }
      if (r === Added.ADDED) added++;
      else if (r === Added.UPDATED) updated++;
      if (r !== Added.NOP) processed++;
    }
  }
  c.server.dirty += added + updated;
  if (added + updated > 0) {
    c.server.signalModifiedKey(c.db, key);
    notify(c, N.ZSET, f.incr ? 'zincr' : 'zadd', key);
  }
  if (nan) fail(E.ZSET_NAN);
  if (f.incr) return processed > 0 ? double(out.score) : NULL;
  return intReply(ch ? added + updated : added);
}

const zadd = (c: Client): Reply => zaddGeneric(c, false);
const zincrby = (c: Client): Reply => zaddGeneric(c, true);

/** Delete the key of a set that became empty, with its `del` event. */
function deleteIfEmpty(c: Client, key: string, z: ZSetValue): boolean {
  if (z.size !== 0) return false;
  dbDelete(c, key);
  return true;
}

function zrem(c: Client): Reply {
  const argv = c.argv;
  const key = argv[1];
  const o = writeTyped(c, key, 'zset');
  if (o === undefined) return ZERO;
  const z = o.value as ZSetValue;
  let deleted = 0;
  let keyRemoved = false;
  for (let j = 2; j < argv.length; j++) {
    if (z.remove(argv[j])) deleted++;
    if (deleteIfEmpty(c, key, z)) { keyRemoved = true; break; }
  }
  if (deleted > 0) {
    notify(c, N.ZSET, 'zrem', key);
    if (keyRemoved) notify(c, N.GENERIC, 'del', key);
    c.server.signalModifiedKey(c.db, key);
    c.server.dirty += deleted;
  }
  return intReply(deleted);
}

/** zremrangeGenericCommand: the range is parsed before the key is looked up. */
function zremrangeGeneric(c: Client, kind: 'rank' | 'score' | 'lex'): Reply {
  const [, key, a, b] = c.argv;
  let remove: (z: ZSetValue, listpack: boolean) => number;
  if (kind === 'rank') {
    let start = argLL(a);
    let end = argLL(b);
    remove = (z) => {
      const len = z.size;
      if (start < 0) start += len;
      if (end < 0) end += len;
      if (start < 0) start = 0;
      if (start > end || start >= len) return 0;
      if (end >= len) end = len - 1;
      return z.zsl.deleteRankRange(start + 1, end + 1, z.removed);
    };
  } else if (kind === 'score') {
    const r = parseScoreRange(a, b);
    remove = (z) => z.zsl.deleteScoreRange(r, z.removed);
  } else {
    const r = parseLexRange(a, b);
    remove = (z, listpack) => (listpack ? z.zsl.deleteLexRangeByWalk(r, z.removed) : z.zsl.deleteLexRange(r, z.removed));
  }
  const o = writeTyped(c, key, 'zset');
  if (o === undefined) return ZERO;
  const z = o.value as ZSetValue;
  const deleted = remove(z, o.enc === 'listpack');
  if (deleted > 0) {
    const keyRemoved = deleteIfEmpty(c, key, z);
    c.server.signalModifiedKey(c.db, key);
    notify(c, N.ZSET, `zremrangeby${kind}`, key);
    if (keyRemoved) notify(c, N.GENERIC, 'del', key);
  }
  c.server.dirty += deleted;
  return intReply(deleted);
}

const zremrangebyrank = (c: Client): Reply => zremrangeGeneric(c, 'rank');
const zremrangebyscore = (c: Client): Reply => zremrangeGeneric(c, 'score');
const zremrangebylex = (c: Client): Reply => zremrangeGeneric(c, 'lex');

function zcard(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'zset');
  return o === undefined ? ZERO : intReply((o.value as ZSetValue).size);
}

function zscore(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'zset');
  const s = o === undefined ? undefined : (o.value as ZSetValue).score(c.argv[2]);
  return s === undefined ? NULL : double(s);
}

/** ZMSCORE: a missing key answers like an empty set. */
function zmscore(c: Client): Reply {
  const argv = c.argv;
  const o = readTyped(c, argv[1], 'zset');
  const z = o?.value as ZSetValue | undefined;
  const out: Reply[] = [];
  for (let j = 2; j < argv.length; j++) {
    const s = z?.score(argv[j]);
    out.push(s === undefined ? NULL : double(s));
  }
  return array(out);
}

function zrankGeneric(c: Client, reverse: boolean): Reply {
  const o = readTyped(c, c.argv[1], 'zset');
  if (o === undefined) return NULL;
  const r = (o.value as ZSetValue).rank(c.argv[2], reverse);
  return r < 0 ? NULL : intReply(r);
}

const zrank = (c: Client): Reply => zrankGeneric(c, false);
const zrevrank = (c: Client): Reply => zrankGeneric(c, true);

/** ZCOUNT: two rank lookups, O(log n). */
function zcount(c: Client): Reply {
  const r = parseScoreRange(c.argv[2], c.argv[3]);
  const o = readTyped(c, c.argv[1], 'zset');
  if (o === undefined) return ZERO;
  const zsl = (o.value as ZSetValue).zsl;
  const first = zsl.firstInScoreRange(r);
  if (first === null) return ZERO;
  const last = zsl.lastInScoreRange(r)!;
  return intReply(zsl.rank(last.score, last.ele) - zsl.rank(first.score, first.ele) + 1);
}

function zlexcount(c: Client): Reply {
  const r = parseLexRange(c.argv[2], c.argv[3]);
  const o = readTyped(c, c.argv[1], 'zset');
  if (o === undefined) return ZERO;
  const z = o.value as ZSetValue;
  const first = z.firstInLex(r, o.enc === 'listpack');
  if (first === null) return ZERO;
  if (o.enc === 'listpack') {
    // A listpack counts by walking on from its first member while <= max.
    let count = 0;
    for (let n: ZNode | null = first; n !== null && lexLteMax(n.ele, r); n = n.forward[0]) count++;
    return intReply(count);
  }
  // A skiplist subtracts ranks; a missing last member leaves the count to the end.
  const zsl = z.zsl;
  const last = zsl.lastInLexRange(r);
  const fromFirst = zsl.length - zsl.rank(first.score, first.ele) + 1;
  return intReply(last === null ? fromFirst : fromFirst - (zsl.length - zsl.rank(last.score, last.ele)));
}

interface PopOptions {
  max: boolean;
  /** ZMPOP: reply [key, [[member, score], ...]]. */
  emitKey: boolean;
  /** -1: no COUNT given (a single flat pair). */
  count: number;
  /** [member, score] pairs (RESP3 ZPOPMIN/ZPOPMAX with COUNT, and ZMPOP). */
  nested: boolean;
  /** Reply a null array when no key holds anything (ZMPOP). */
  nilWhenEmpty: boolean;
  /** BZPOPMIN/BZPOPMAX: reply [key, member, score], propagated as ZPOPMIN/ZPOPMAX key. */
  keyFlat?: boolean;
}

/** genericZpopCommand: pop from the first non-empty key among keys. */
function genericZpop(c: Client, keys: readonly string[], p: PopOptions): Reply {
  let key = '';
  let o: RObj | undefined;
  for (const k of keys) {
    o = lookupWrite(c, k);
    if (o === undefined) continue;
    if (o.type !== 'zset') fail(E.WRONGTYPE);
    key = k;
    break;
  }
  if (o === undefined) return p.nilWhenEmpty ? NULL_ARRAY : EMPTY_ARRAY;
  if (p.count === 0) return EMPTY_ARRAY;
  const z = o.value as ZSetValue;
  const n = Math.min(p.count === -1 ? 1 : p.count, z.size);
  const popped: ZNode[] = [];
  for (let j = 0; j < n; j++) popped.push(z.pop(p.max)!);
  notify(c, N.ZSET, p.max ? 'zpopmax' : 'zpopmin', key);
  c.server.signalModifiedKey(c.db, key);
  if (deleteIfEmpty(c, key, z)) notify(c, N.GENERIC, 'del', key);
  c.server.dirty += n;
  const items = popped.map((e) => (p.nested ? array([bulk(e.ele), double(e.score)]) : [bulk(e.ele), double(e.score)]));
  if (p.keyFlat) {
    c.rewriteArgv([p.max ? 'ZPOPMAX' : 'ZPOPMIN', key]);
    return array([bulk(key), ...items.flat()]);
  }
  if (!p.emitKey) return array(items.flat());
  // ZMPOP is always propagated as ZPOPMIN/ZPOPMAX with the number popped.
  c.rewriteArgv([p.max ? 'ZPOPMAX' : 'ZPOPMIN', key, String(n)]);
  return array([bulk(key), array(items.flat())]);
}

/** ZPOPMIN/ZPOPMAX key [count]: RESP3 nests the pairs only when COUNT is given. */
function zpopMinMax(c: Client, max: boolean): Reply {
  const argv = c.argv;
  if (argv.length > 3) fail(E.SYNTAX);
  const count = argv.length === 3 ? argPositive(argv[2]) : -1;
  return genericZpop(c, [argv[1]], { max, emitKey: false, count, nested: c.resp > 2 && count !== -1, nilWhenEmpty: false });
}

const zpopmin = (c: Client): Reply => zpopMinMax(c, false);
const zpopmax = (c: Client): Reply => zpopMinMax(c, true);

/** ZMPOP/BZMPOP's arguments from numkeys on: keys, MIN|MAX, [COUNT count] (default 1). */
function parseZmpopArgs(argv: string[], numkeysIdx: number): { keys: string[]; p: PopOptions } {
  const numkeys = argRange(argv[numkeysIdx], 1, Number.MAX_VALUE, E.NUMKEYS_NOT_POSITIVE);
  const whereIdx = numkeysIdx + 1 + numkeys;
  if (whereIdx >= argv.length) fail(E.SYNTAX);
  let max: boolean;
  if (eqi(argv[whereIdx], 'min')) max = false;
  else if (eqi(argv[whereIdx], 'max')) max = true;
  else return fail(E.SYNTAX);
  let count = -1;
  for (let j = whereIdx + 1; j < argv.length; j++) {
    if (count === -1 && eqi(argv[j], 'count') && j + 1 < argv.length) {
      count = argRange(argv[++j], 1, Number.MAX_VALUE, E.COUNT_POSITIVE);
    } else fail(E.SYNTAX);
  }
  const p: PopOptions = { max, emitKey: true, count: count === -1 ? 1 : count, nested: true, nilWhenEmpty: true };
  return { keys: argv.slice(numkeysIdx + 1, whereIdx), p };
}

/** ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]. */
function zmpop(c: Client): Reply {
  const { keys, p } = parseZmpopArgs(c.argv, 1);
  return genericZpop(c, keys, p);
}

/**
 * blockingGenericZpopCommand: pop from the first non-empty key as ZPOPMIN/ZPOPMAX
 * (ZMPOP for BZMPOP), or block on all the keys; served the same way once a
 * zset appears (serveClientsBlockedOnSortedSetKey).
 */
function blockingZpop(c: Client, keys: string[], timeoutArg: string, p: PopOptions): Reply {
  const deadline = argTimeout(c, timeoutArg, 'seconds');
  for (const key of keys) {
    const o = lookupWrite(c, key);
    if (o === undefined) continue;
    if (o.type !== 'zset') fail(E.WRONGTYPE);
    return genericZpop(c, [key], p);
  }
  if (c.denyBlocking) return NULL_ARRAY;
  return blockForKeys(c, 'zset', keys, deadline, (r, key) => genericZpop(r, [key], p));
}

function bzpopMinMax(c: Client, max: boolean): Reply {
  const argv = c.argv;
  const p: PopOptions = { max, emitKey: true, count: -1, nested: false, nilWhenEmpty: false, keyFlat: true };
  return blockingZpop(c, argv.slice(1, -1), argv[argv.length - 1], p);
}

const bzpopmin = (c: Client): Reply => bzpopMinMax(c, false);
const bzpopmax = (c: Client): Reply => bzpopMinMax(c, true);

/** BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count]: the timeout is parsed last. */
function bzmpop(c: Client): Reply {
  const { keys, p } = parseZmpopArgs(c.argv, 2);
  return blockingZpop(c, keys, c.argv[1], p);
}

const LONG_MAX = 9223372036854775807n;

/** ZRANDMEMBER key [count [WITHSCORES]]. */
function zrandmember(c: Client): Reply {
  const argv = c.argv;
  if (argv.length === 2) {
    const o = readTyped(c, argv[1], 'zset');
    if (o === undefined) return NULL;
    return bulk((o.value as ZSetValue).randomMember(c.server.random)!);
  }
  const l = parseInt64(argv[2]);
  if (l === null) fail(E.NOT_INTEGER);
  if (l < -LONG_MAX) fail(E.LONG_RANGE('-9223372036854775807', '9223372036854775807'));
  if (argv.length > 4 || (argv.length === 4 && !eqi(argv[3], 'withscores'))) fail(E.SYNTAX);
  const withScores = argv.length === 4;
  // Redis refuses counts whose doubled reply length would overflow.
  if (withScores && (l < -LONG_MAX / 2n || l > LONG_MAX / 2n)) fail(E.VALUE_OUT_OF_RANGE);
  const o = readTyped(c, argv[1], 'zset');
  if (o === undefined || l === 0n) return EMPTY_ARRAY;
  const z = o.value as ZSetValue;
  const rand = c.server.random;
  const pick = (m: string): ZNode => z.dict.get(m)!;
  // A negative count samples with repetition, in random order.
  if (l < 0n || l === 1n) {
    const n = Number(l < 0n ? -l : l);
    return scoredReply(c, Array.from({ length: n }, () => pick(z.randomMember(rand)!)), withScores);
  }
  // The whole set is sent from the highest score down (Redis walks it in reverse).
  if (l >= BigInt(z.size)) return scoredReply(c, [...z.entries()].reverse(), withScores);
  const picked = randomDistinct(z, Number(l), rand).map(pick);
  // A listpack hands out its sample in its own (sorted) order.
  if (o.enc === 'listpack') picked.sort((a, b) => a.score - b.score || (a.ele < b.ele ? -1 : 1));
  return scoredReply(c, picked, withScores);
}

/** count distinct random members (count < size). */
function randomDistinct(z: ZSetValue, count: number, rand: () => number): string[] {
  if (count * 3 > z.size) {
    // Close to the whole set: shuffle it partially.
    const all = [...z.dict.keys()];
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(rand() * (all.length - i));
      [all[i], all[j]] = [all[j], all[i]];
    }
    return all.slice(0, count);
  }
  const seen = new Set<string>();
  while (seen.size < count) seen.add(z.randomMember(rand)!);
  return [...seen];
}

/** LLONG_MAX / 2: d2string prints integral doubles up to this size as integers. */
const D2STRING_INT_LIMIT = 4611686018427387903;

/**
 * util.c d2string, the text a listpack stores a score as (and ZSCAN returns): integral values within
 * ±LLONG_MAX/2 as plain integers (1e17 is "100000000000000000", not "1e+17"),
 * everything else as %.17g.
 */
export function d2string(d: number): string {
  if (Number.isInteger(d) && d !== 0 && Math.abs(d) <= D2STRING_INT_LIMIT) return BigInt(d).toString();
  return formatDouble(d);
}

/**
 * ZSCAN: a listpack answers everything at once with cursor 0 (COUNT ignored), a
 * skiplist walks its stable cursor. Options are parsed after the key lookup.
 */
function zscan(c: Client): Reply {
  const argv = c.argv;
  const cursor = parseScanCursor(argv[2]);
  const o = readTyped(c, argv[1], 'zset');
  if (o === undefined) return EMPTY_SCAN;
  const opts = parseScanOptions(argv, 3, false);
  const z = o.value as ZSetValue;
  const out: string[] = [];
  // A listpack hands out its stored score text (d2string), a skiplist prints %.17g.
  const text = o.enc === 'listpack' ? d2string : formatDouble;
  const visit = (m: string, s: number): void => {
    if (opts.pattern === null || globMatch(opts.pattern, m)) out.push(m, text(s));
  };
  if (o.enc === 'listpack') {
    for (const n of z.entries()) visit(n.ele, n.score);
    return scanReply(0, out);
  }
  const next = z.scan(indexCursor(cursor), opts.count, visit);
  return scanReply(next, out);
}

export const zsetCommands: Record<string, Handler> = {
  zadd, zincrby, zrem, zremrangebyrank, zremrangebyscore, zremrangebylex,
  zcard, zscore, zmscore, zrank, zrevrank, zcount, zlexcount,
  zpopmin, zpopmax, zmpop, zrandmember, zscan, bzpopmin, bzpopmax, bzmpop,
  ...zsetRangeCommands,
  ...zsetSetOpsCommands,
};
