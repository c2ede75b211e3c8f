// Hash commands (t_hash.c): HSET..HSCAN, with the listpack -> hashtable
// conversions, HINCRBYFLOAT's long double arithmetic and its HSET propagation.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { dbAdd, dbDelete, newObject, notify, readTyped, writeTyped } from '../keyspace.ts';
import { N } from '../notify.ts';
import type { RObj } from '../object.ts';
import {
  type Reply, EMPTY_ARRAY, NULL, OK, ONE, ZERO, array, bulk, bulkOrNull, bulks, intReply, map,
} from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { type HashLimits, HashValue } from '../types/hash.ts';
import { globMatch } from '../util/glob.ts';
import { indexCursor } from '../util/keyindex.ts';
import {
  addLongDouble, formatLongDoubleHuman, isFiniteLongDouble, longDoubleFromInt, parseLongDouble,
} from '../util/longdouble.ts';
import { LLONG_MAX, LLONG_MIN, argInt64, eqi, parseInt64 } from '../util/parse.ts';
import { EMPTY_SCAN, parseScanCursor, parseScanOptions, scanReply } from './scan.ts';
import { argRandomCount } from './set.ts';

const hashOf = (o: RObj): HashValue => o.value as HashValue;

function limits(c: Client): HashLimits {
  const cfg = c.server.config;
  return { maxEntries: cfg.hashMaxListpackEntries, maxValue: cfg.hashMaxListpackValue };
}

/** hashTypeLookupWriteOrCreate: the hash at key, created empty (and added) if missing. */
function lookupOrCreateHash(c: Client, key: string): RObj {
  const o = writeTyped(c, key, 'hash');
  if (o !== undefined) return o;
  const created = newObject(c, 'hash', 'listpack', new HashValue());
  dbAdd(c, key, created);
  return created;
}

/** A write happened: the encoding may have changed, WATCH and the event must know. */
function written(c: Client, o: RObj, key: string, event: string): void {
  o.enc = hashOf(o).enc;
  c.server.signalModifiedKey(c.db, key);
  notify(c, N.HASH, event, key);
}

/**
 * HSET key field value [field value ...] and HMSET (which replies OK). Every
 * field/value pair counts as one change, new or not.
 */
function hsetGeneric(c: Client, isHmset: boolean): Reply {
  const argv = c.argv;
  if (argv.length % 2 === 1) fail(E.WRONG_ARITY(isHmset ? 'hmset' : 'hset'));
  const key = argv[1];
  const o = lookupOrCreateHash(c, key);
  const h = hashOf(o);
  const lim = limits(c);
  h.convertForArgs(argv.slice(2), lim);
  let created = 0;
  for (let j = 2; j < argv.length; j += 2) if (h.set(argv[j], argv[j + 1], lim)) created++;
  written(c, o, key, 'hset');
  c.server.dirty += (argv.length - 2) / 2;
  return isHmset ? OK : intReply(created);
}

const hset: Handler = (c) => hsetGeneric(c, false);
const hmset: Handler = (c) => hsetGeneric(c, true);

/** HSETNX: an existing field changes nothing (not even the encoding). */
function hsetnx(c: Client): Reply {
  const [, key, field, value] = c.argv;
  const o = lookupOrCreateHash(c, key);
  const h = hashOf(o);
  if (h.has(field)) return ZERO;
  const lim = limits(c);
  h.convertForArgs([field, value], lim);
  h.set(field, value, lim);
  written(c, o, key, 'hset');
  c.server.dirty++;
  return ONE;
}

function hget(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'hash');
  return o === undefined ? NULL : bulkOrNull(hashOf(o).get(c.argv[2]));
}

/** HMGET: a missing key answers nil for every field. */
function hmget(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'hash');
  const out: Reply[] = [];
  for (let j = 2; j < c.argv.length; j++) out.push(o === undefined ? NULL : bulkOrNull(hashOf(o).get(c.argv[j])));
  return array(out);
}

/** HDEL stops at the field that empties the hash: the key is deleted there. */
function hdel(c: Client): Reply {
  const argv = c.argv;
  const key = argv[1];
  const o = writeTyped(c, key, 'hash');
  if (o === undefined) return ZERO;
  const h = hashOf(o);
  let deleted = 0;
  let keyRemoved = false;
  for (let j = 2; j < argv.length; j++) {
    if (!h.delete(argv[j])) continue;
    deleted++;
    if (h.size === 0) {
      dbDelete(c, key);
      keyRemoved = true;
      break;
    }
  }
  if (deleted > 0) {
    c.server.signalModifiedKey(c.db, key);
    notify(c, N.HASH, 'hdel', key);
    if (keyRemoved) notify(c, N.GENERIC, 'del', key);
    c.server.dirty += deleted;
  }
  return intReply(deleted);
}

function hlen(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'hash');
  return o === undefined ? ZERO : intReply(hashOf(o).size);
}

function hstrlen(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'hash');
  return intReply(o === undefined ? 0 : hashOf(o).get(c.argv[2])?.length ?? 0);
}

function hexists(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'hash');
  return o !== undefined && hashOf(o).has(c.argv[2]) ? ONE : ZERO;
}

/**
 * HINCRBY key field increment: int64 arithmetic with Redis's overflow check. The
 * key is created before the field's value is checked (an error leaves it empty
 * only if it was missing, which cannot fail).
 */
function hincrby(c: Client): Reply {
  const [, key, field, incrArg] = c.argv;
  const incr = argInt64(incrArg);
  const o = lookupOrCreateHash(c, key);
  const h = hashOf(o);
  const cur = h.get(field);
  const old = cur === undefined ? 0n : parseInt64(cur) ?? fail(E.HASH_VALUE_NOT_INTEGER);
  const value = old + incr;
  if (value > LLONG_MAX || value < LLONG_MIN) fail(E.OVERFLOW);
  h.set(field, String(value), limits(c));
  written(c, o, key, 'hincrby');
  c.server.dirty++;
  return intReply(Number.isSafeInteger(Number(value)) ? Number(value) : value);
}

const LD_ZERO = longDoubleFromInt(0n);

/**
 * HINCRBYFLOAT key field increment: long double arithmetic printed as ld2string's
 * human mode, always propagated as HSET key field <result>.
 */
function hincrbyfloat(c: Client): Reply {
  const [, key, field, incrArg] = c.argv;
  const incr = parseLongDouble(incrArg) ?? fail(E.NOT_FLOAT);
  if (!isFiniteLongDouble(incr)) fail(E.VALUE_NAN_OR_INF);
  const o = lookupOrCreateHash(c, key);
  const h = hashOf(o);
  const cur = h.get(field);
  const value = cur === undefined ? LD_ZERO : parseLongDouble(cur) ?? fail(E.HASH_VALUE_NOT_FLOAT);
  const sum = addLongDouble(value, incr);
  if (!isFiniteLongDouble(sum)) fail(E.NAN_OR_INF);
  const text = formatLongDoubleHuman(sum);
  h.set(field, text, limits(c));
  written(c, o, key, 'hincrbyfloat');
  c.server.dirty++;
  c.rewriteArgv(['HSET', key, field, text]);
  return bulk(text);
}

/**
 * HKEYS, HVALS and HGETALL (genericHgetallCommand): iteration order, which is
 * insertion order for a listpack. HGETALL is a map in RESP3.
 */
function hkeys(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'hash');
  return o === undefined ? EMPTY_ARRAY : bulks([...hashOf(o).fields()]);
}

function hvals(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'hash');
  if (o === undefined) return EMPTY_ARRAY;
  const out: string[] = [];
  for (const [, v] of hashOf(o).entries()) out.push(v);
  return bulks(out);
}

function hgetall(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'hash');
  if (o === undefined) return map([]);
  const pairs: [Reply, Reply][] = [];
  for (const [f, v] of hashOf(o).entries()) pairs.push([bulk(f), bulk(v)]);
  return map(pairs);
}

/** Redis's LONG_MAX / 2: the largest count HRANDFIELD accepts WITHVALUES (the reply doubles it). */
const HALF_LONG_MAX = 4611686018427387903n;

/**
 * HRANDFIELD key [count [WITHVALUES]]. The count is parsed before the key is looked
 * up; a negative count may repeat fields; WITHVALUES pairs are nested arrays in RESP3.
 */
function hrandfield(c: Client): Reply {
  const argv = c.argv;
  if (argv.length >= 3) {
    const l = argRandomCount(argv[2]);
    if (argv.length > 4 || (argv.length === 4 && !eqi(argv[3], 'withvalues'))) fail(E.SYNTAX);
    const withValues = argv.length === 4;
    if (withValues && (l < -HALF_LONG_MAX || l > HALF_LONG_MAX)) fail(E.VALUE_OUT_OF_RANGE);
    return hrandfieldWithCount(c, l, withValues);
  }
  const o = readTyped(c, argv[1], 'hash');
  if (o === undefined) return NULL;
  return bulk(hashOf(o).randomFieldDrawer(c.server.random)());
}

function hrandfieldWithCount(c: Client, l: bigint, withValues: boolean): Reply {
  const o = readTyped(c, c.argv[1], 'hash');
  if (o === undefined || l === 0n) return EMPTY_ARRAY;
  const h = hashOf(o);
  const count = Number(l < 0n ? -l : l);
  let fields: string[];
  if (l < 0n || count === 1) {
    const draw = h.randomFieldDrawer(c.server.random);
    fields = [];
    for (let i = 0; i < count; i++) fields.push(draw());
  } else if (count >= h.size) {
    fields = [...h.fields()];
  } else {
    fields = h.randomDistinctFields(count, c.server.random);
  }
  if (!withValues) return bulks(fields);
  const nested = c.resp > 2;
  const out: Reply[] = [];
  for (const f of fields) {
    const v = bulk(h.get(f)!);
    if (nested) out.push(array([bulk(f), v]));
    else out.push(bulk(f), v);
  }
  return array(out);
}

/**
 * HSCAN key cursor [MATCH pattern] [COUNT count]: the cursor is parsed first, then
 * the key looked up, then the options. MATCH filters on the field; its value goes with it.
 */
function hscan(c: Client): Reply {
  const cursor = parseScanCursor(c.argv[2]);
  const o = readTyped(c, c.argv[1], 'hash');
  if (o === undefined) return EMPTY_SCAN;
  const { count, pattern } = parseScanOptions(c.argv, 3, false);
  const h = hashOf(o);
  const out: string[] = [];
  const next = h.scan(indexCursor(cursor), count, (f) => {
    if (pattern === null || globMatch(pattern, f)) out.push(f, h.get(f)!);
  });
  return scanReply(next, out);
}

export const hashCommands: Record<string, Handler> = {
  hset, hmset, hsetnx, hget, hmget, hdel, hlen, hstrlen, hexists,
  hincrby, hincrbyfloat, hkeys, hvals, hgetall, hrandfield, hscan,
};
