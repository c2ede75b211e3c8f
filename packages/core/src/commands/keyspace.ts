// Type-agnostic keyspace commands (db.c, object.c): DEL, UNLINK, EXISTS, TOUCH, TYPE,
// KEYS, SCAN, RANDOMKEY, DBSIZE, RENAME, RENAMENX, MOVE, COPY, SWAPDB, FLUSHDB,
// FLUSHALL and OBJECT. The expire commands live in expire.ts.
import { signalKeyAsReady } from '../blocking.ts';
import type { Client } from '../client.ts';
import type { Db } from '../db.ts';
import { E, fail } from '../errors.ts';
import {
  accessTime, dbDelete, expireIfNeeded, keyIsExpired, lfuDecayTime, lookupRead, lookupReadNoTouch, lookupWrite, newObject, notify,
} from '../keyspace.ts';
import { N } from '../notify.ts';
import {
  type RObj, SHARED_REFCOUNT, copyValue, isLfuPolicy, isSharedInteger, lfuDecrAndReturn,
} from '../object.ts';
import { type Reply, NULL, OK, ONE, ZERO, array, bulk, bulks, intReply, simple } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { globMatch } from '../util/glob.ts';
import { indexCursor } from '../util/keyindex.ts';
import { argLL, eqi, parseLL } from '../util/parse.ts';
import { expireCommands } from './expire.ts';
import { parseScanCursor, parseScanOptions, scanReply } from './scan.ts';

/** delGenericCommand: each key is expired first, so an expired key counts as missing. */
function delGeneric(c: Client): Reply {
  const argv = c.argv;
  let deleted = 0;
  for (let j = 1; j < argv.length; j++) {
    const key = argv[j];
    expireIfNeeded(c, key);
    if (dbDelete(c, key)) {
      notify(c, N.GENERIC, 'del', key);
      c.server.dirty++;
      deleted++;
    }
  }
  return intReply(deleted);
}

// DEL and UNLINK differ only in freeing memory lazily, which has no visible effect here.
const del = delGeneric;
const unlink = delGeneric;

/** EXISTS counts a key once per mention: EXISTS k k is 2. */
function exists(c: Client): Reply {
  let count = 0;
  for (let j = 1; j < c.argv.length; j++) if (lookupReadNoTouch(c, c.argv[j]) !== undefined) count++;
  return intReply(count);
}

/** TOUCH: a read lookup (updating the access time) per mention. */
function touch(c: Client): Reply {
  let count = 0;
  for (let j = 1; j < c.argv.length; j++) if (lookupRead(c, c.argv[j]) !== undefined) count++;
  return intReply(count);
}

function type(c: Client): Reply {
  return simple(lookupReadNoTouch(c, c.argv[1])?.type ?? 'none');
}

function keys(c: Client): Reply {
  const pattern = c.argv[1];
  const allKeys = pattern === '*';
  const db = c.db;
  const out: string[] = [];
  for (const key of db.dict.keys()) {
    if ((allKeys || globMatch(pattern, key)) && !keyIsExpired(db, key, c.server.cmdTime)) out.push(key);
  }
  return bulks(out);
}

/**
 * SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]. Cursors are redmoon's stable
 * key ids (see Db.scan), not Redis's reverse-binary bucket indexes, so their values
 * differ from Redis; the guarantees (every key present for the whole iteration is
 * returned, the walk ends with cursor 0) are the same.
 */
function scan(c: Client): Reply {
  const cursor = parseScanCursor(c.argv[1]);
  const { count, pattern, typeName } = parseScanOptions(c.argv, 2, true);
  const db = c.db;
  const found: string[] = [];
  const next = db.scan(indexCursor(cursor), count, (key) => found.push(key));
  // Filters in Redis 7.0's order: pattern, then type (a NOTOUCH lookup, which expires
  // the key: an expired key reads as type "none"), then expiry.
  const out: string[] = [];
  for (const key of found) {
    if (pattern !== null && !globMatch(pattern, key)) continue;
    if (typeName !== null && !eqi(typeName, lookupReadNoTouch(c, key)?.type ?? 'none')) continue;
    if (expireIfNeeded(c, key)) continue;
    out.push(key);
  }
  return scanReply(next, out);
}

/**
 * dbRandomKey: a random key, deleting expired ones it draws. A replica cannot delete
 * them, so when every key is volatile it gives up after 100 draws and returns one.
 */
function randomkey(c: Client): Reply {
  const db = c.db;
  let tries = 100;
  for (;;) {
    const key = db.randomKey(c.server.random);
    if (key === undefined) return NULL;
    if (db.getExpire(key) !== undefined) {
      const allVolatile = db.size === db.expires.size;
      if (allVolatile && c.server.isReplica && --tries === 0) return bulk(key);
      if (expireIfNeeded(c, key)) continue;
    }
    return bulk(key);
  }
}

function dbsize(c: Client): Reply {
  return intReply(c.db.size);
}

// getIntFromObjectOrReply's range: a C int.
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** Run fn with c.db switched to db, as Redis's selectDb-and-back around MOVE/COPY. */
function inDb<T>(c: Client, db: Db, fn: () => T): T {
  const src = c.db;
  c.db = db;
  try {
    return fn();
  } finally {
    c.db = src;
  }
}

/** A db index argument (getIntFromObjectOrReply, then selectDb's range check). */
function argDb(c: Client, arg: string): Db {
  const id = argLL(arg);
  if (id < INT_MIN || id > INT_MAX) fail(E.INT_RANGE);
  if (id < 0 || id >= c.server.dbs.length) fail(E.INVALID_DB);
  return c.server.dbs[id];
}

/**
 * renameGenericCommand. The source is removed before the value is added under its new
 * name (Redis adds first): the object carries its Db index slot id, so it must leave
 * its old slot before it takes a new one.
 */
function renameGeneric(c: Client, nx: boolean): Reply {
  const [, src, dst] = c.argv;
  const o = lookupWrite(c, src);
  if (o === undefined) fail(E.NO_SUCH_KEY);
  // Same name: nothing to do, but a missing key was still an error.
  if (src === dst) return nx ? ZERO : OK;
  const db = c.db;
  const expire = db.getExpireExact(src);
  if (lookupWrite(c, dst) !== undefined) {
    if (nx) return ZERO;
    db.delete(dst);
  }
  db.delete(src);
  db.add(dst, o);
  signalKeyAsReady(c.server, db, dst, o.type);
  notify(c, N.NEW, 'new', dst);
  if (expire !== undefined) db.setExpire(dst, expire);
  c.server.signalModifiedKey(db, src);
  c.server.signalModifiedKey(db, dst);
  notify(c, N.GENERIC, 'rename_from', src);
  notify(c, N.GENERIC, 'rename_to', dst);
  c.server.dirty++;
  return nx ? ONE : OK;
}

const rename: Handler = (c) => renameGeneric(c, false);
const renamenx: Handler = (c) => renameGeneric(c, true);

/** MOVE key db: 0 if the key is missing or already exists in the target db. */
function move(c: Client): Reply {
  const key = c.argv[1];
  const src = c.db;
  const dst = argDb(c, c.argv[2]);
  if (src === dst) fail(E.SAME_OBJECT);
  const o = lookupWrite(c, key);
  if (o === undefined) return ZERO;
  const expire = src.getExpireExact(key);
  if (inDb(c, dst, () => lookupWrite(c, key)) !== undefined) return ZERO;
  // Leave the source first: the object's slot id belongs to the source Db's index.
  src.delete(key);
  dst.add(key, o);
  signalKeyAsReady(c.server, dst, key, o.type);
  if (expire !== undefined) dst.setExpire(key, expire);
  const srv = c.server;
  srv.notifyKeyspaceEvent(N.NEW, 'new', key, dst.id);
  srv.signalModifiedKey(src, key);
  srv.signalModifiedKey(dst, key);
  srv.notifyKeyspaceEvent(N.GENERIC, 'move_from', key, src.id);
  srv.notifyKeyspaceEvent(N.GENERIC, 'move_to', key, dst.id);
  srv.dirty++;
  return ONE;
}

/**
 * COPY source destination [DB db] [REPLACE]. The value is duplicated through the
 * per-type copier registry (object.ts), keeping its encoding; the copy is a new object
 * (fresh access time, and an int-encoded string is no longer a shared integer).
 */
function copy(c: Client): Reply {
  const argv = c.argv;
  const [, key, newkey] = argv;
  const src = c.db;
  let dst = src;
  let replace = false;
  for (let j = 3; j < argv.length; j++) {
    if (eqi(argv[j], 'replace')) {
      replace = true;
    } else if (eqi(argv[j], 'db') && j + 1 < argv.length) {
      dst = argDb(c, argv[++j]);
    } else {
      fail(E.SYNTAX);
    }
  }
  if (src === dst && key === newkey) fail(E.SAME_OBJECT);
  const o = lookupRead(c, key);
  if (o === undefined) return ZERO;
  const expire = src.getExpireExact(key);
  const exists = inDb(c, dst, () => lookupWrite(c, newkey)) !== undefined;
  if (exists && !replace) return ZERO;
  const dup: RObj = newObject(c, o.type, o.enc, copyValue(o));
  if (o.enc === 'int') dup.unshared = true;
  if (exists) dst.delete(newkey);
  dst.add(newkey, dup);
  signalKeyAsReady(c.server, dst, newkey, dup.type);
  c.server.notifyKeyspaceEvent(N.NEW, 'new', newkey, dst.id);
  if (expire !== undefined) dst.setExpire(newkey, expire);
  c.server.signalModifiedKey(dst, newkey);
  c.server.notifyKeyspaceEvent(N.GENERIC, 'copy_to', newkey, dst.id);
  c.server.dirty++;
  return ONE;
}


/** getFlushCommandFlags: FLUSHALL/FLUSHDB take an optional ASYNC or SYNC. */
function checkFlushArgs(c: Client): void {
  if (c.argv.length === 2 && (eqi(c.argv[1], 'sync') || eqi(c.argv[1], 'async'))) return;
  if (c.argv.length !== 1) fail(E.SYNTAX);
}

/** Flushes add the number of removed keys to dirty, and are propagated even when nothing was removed. */
function flushed(c: Client, removed: number): Reply {
  c.server.dirty += removed;
  c.forcePropagation = true;
  return OK;
}

function flushdb(c: Client): Reply {
  checkFlushArgs(c);
  const db = c.db;
  c.server.watches.touchAllInDb(db, null, c.server.cmdTime);
  c.server.tracking.invalidateOnFlush(c.server.currentClient);
  const removed = db.size;
  db.clear();
  return flushed(c, removed);
}

/** FLUSHALL empties every db; functions are not touched (EMPTYDB_NOFUNCTIONS). */
function flushall(c: Client): Reply {
  checkFlushArgs(c);
  const srv = c.server;
  for (const db of srv.dbs) srv.watches.touchAllInDb(db, null, srv.cmdTime);
  srv.tracking.invalidateOnFlush(srv.currentClient);
  return flushed(c, srv.flushAll());
}

/** SWAPDB index1 index2: clients stay on their db numbers and see the other data. */
function swapdb(c: Client): Reply {
  const srv = c.server;
  const id1 = parseLL(c.argv[1]);
  if (id1 === null || id1 < INT_MIN || id1 > INT_MAX) fail(E.INVALID_FIRST_DB);
  const id2 = parseLL(c.argv[2]);
  if (id2 === null || id2 < INT_MIN || id2 > INT_MAX) fail(E.INVALID_SECOND_DB);
  if (id1 < 0 || id1 >= srv.dbs.length || id2 < 0 || id2 >= srv.dbs.length) fail(E.INVALID_DB);
  if (id1 !== id2) {
    const db1 = srv.dbs[id1];
    const db2 = srv.dbs[id2];
    // A watched key is touched if it exists in either db before the swap.
    srv.watches.touchAllInDb(db1, db2, srv.cmdTime);
    srv.watches.touchAllInDb(db2, db1, srv.cmdTime);
    db1.swapWith(db2);
    // Clients blocked in either db may now find their keys (scanDatabaseForReadyKeys).
    srv.blocking.scanDatabaseForReadyKeys(db1);
    srv.blocking.scanDatabaseForReadyKeys(db2);
  }
  srv.dirty++;
  return OK;
}

const OBJECT_HELP = [
  'OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'ENCODING <key>',
  '    Return the kind of internal representation used in order to store the value',
  '    associated with a <key>.',
  'FREQ <key>',
  '    Return the access frequency index of the <key>. The returned integer is',
  '    proportional to the logarithm of the recent access frequency of the key.',
  'IDLETIME <key>',
  '    Return the idle time of the <key>, that is the approximated number of',
  '    seconds elapsed since the last access to the key.',
  'REFCOUNT <key>',
  '    Return the number of references of the value associated with the specified',
  '    <key>.',
  'HELP',
  '    Prints this help.',
].map(simple);

function objectHelp(): Reply {
  return array(OBJECT_HELP);
}

/** objectCommandLookup: a read lookup that neither touches the key nor fires keymiss. */
function objectLookup(c: Client): RObj | undefined {
  return lookupReadNoTouch(c, c.argv[2], false);
}

function objectEncoding(c: Client): Reply {
  const o = objectLookup(c);
  return o === undefined ? NULL : bulk(o.enc);
}

/**
 * Integers 0..9999 are stored as shared objects (refcount INT_MAX) unless maxmemory is
 * set with an LRU/LFU policy, where every key needs its own access time.
 */
function objectRefcount(c: Client): Reply {
  const o = objectLookup(c);
  if (o === undefined) return NULL;
  const { maxmemory, maxmemoryPolicy } = c.server.config;
  return isSharedInteger(o, maxmemory, maxmemoryPolicy) ? intReply(SHARED_REFCOUNT) : ONE;
}

/** Seconds since the last access, on Redis's seconds-resolution LRU clock. */
function objectIdletime(c: Client): Reply {
  const o = objectLookup(c);
  if (o === undefined) return NULL;
  if (isLfuPolicy(c.server.config.maxmemoryPolicy)) fail(E.OBJECT_IDLETIME_UNDER_LFU);
  const now = Math.floor(c.server.lruClock / 1000);
  return intReply(Math.max(0, now - Math.floor(accessTime(c, o) / 1000)));
}

function objectFreq(c: Client): Reply {
  const o = objectLookup(c);
  if (o === undefined) return NULL;
  if (!isLfuPolicy(c.server.config.maxmemoryPolicy)) fail(E.OBJECT_FREQ_NEEDS_LFU);
  return intReply(lfuDecrAndReturn(o, c.server.lruClock, lfuDecayTime(c)));
}

export const keyspaceCommands: Record<string, Handler> = {
  del, unlink, exists, touch, type, keys, scan, randomkey, dbsize,
  rename, renamenx, move, copy, swapdb, flushdb, flushall,
  'object|help': objectHelp,
  'object|encoding': objectEncoding,
  'object|refcount': objectRefcount,
  'object|idletime': objectIdletime,
  'object|freq': objectFreq,
  ...expireCommands,
};
