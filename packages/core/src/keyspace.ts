// Keyspace access as Redis's db.c does it: lookups that expire lazily and touch
// the LRU clock, writes that keep WATCH and notifications informed.
import { signalKeyAsReady } from './blocking.ts';
import type { Client } from './client.ts';
import type { Db } from './db.ts';
import { CommandError, E } from './errors.ts';
import { N } from './notify.ts';
import { type RedisType, type RObj, isLfuPolicy, isSharedInteger, lfuDecrAndReturn, lfuLogIncr } from './object.ts';

/** expireIfNeeded: delete key if its time has passed; true if it is (now) logically gone. */
export function expireIfNeeded(c: Client, key: string): boolean {
  const db = c.db;
  const when = db.getExpire(key);
  if (when === undefined) return false;
  const srv = c.server;
  if (!(srv.cmdTime > when)) return false;
  // A replica never expires keys itself: it waits for the master's DEL, but
  // reports them as missing (Redis 3.2+ read semantics).
  if (srv.isReplica) return true;
  // Paused clients keep the dataset constant: the key reads as gone but stays (7.0's expireIfNeeded).
  if (srv.blocking.pauseType !== 'off' && srv.blocking.checkPause()) return true;
  srv.deleteExpiredKey(db, key);
  return true;
}

/** keyIsExpired: the key has a TTL that has passed (it may not be deleted yet). */
export function keyIsExpired(db: Db, key: string, now: number): boolean {
  const when = db.getExpire(key);
  return when !== undefined && now > when;
}

/** The access-time update of lookupKey; under an LFU policy also updateLFU. */
function touch(c: Client, o: RObj): void {
  const srv = c.server;
  if (isLfuPolicy(srv.config.maxmemoryPolicy)) {
    o.lfu = lfuLogIncr(lfuDecrAndReturn(o, srv.lruClock, lfuDecayTime(c)), lfuLogFactor(c), srv.random);
  }
  if (o.enc === 'int' && isSharedInteger(o, srv.config.maxmemory, srv.config.maxmemoryPolicy)) {
    srv.sharedIntLru[Number(o.value)] = srv.lruClock;
  } else {
    o.lru = srv.lruClock;
  }
}

/** The access time OBJECT IDLETIME sees: a shared integer's is shared by all its keys. */
export function accessTime(c: Client, o: RObj): number {
  const srv = c.server;
  if (o.enc === 'int' && isSharedInteger(o, srv.config.maxmemory, srv.config.maxmemoryPolicy)) {
    return srv.sharedIntLru[Number(o.value)];
  }
  return o.lru;
}

// lfu-decay-time and lfu-log-factor have no typed Config field yet: read them as set.
export const lfuDecayTime = (c: Client): number => Number(c.server.config.extra.get('lfu-decay-time') ?? 1);
const lfuLogFactor = (c: Client): number => Number(c.server.config.extra.get('lfu-log-factor') ?? 10);

/** lookupKeyRead: the live object, touched, or undefined (counting keyspace hits/misses). */
export function lookupRead(c: Client, key: string): RObj | undefined {
  const o = lookupReadNoTouch(c, key);
  if (o !== undefined) touch(c, o);
  return o;
}

/**
 * lookupKeyReadWithFlags(LOOKUP_NOTOUCH): hit/miss stats and the `keymiss` event as
 * lookupRead, but the access time is left alone (EXISTS, TYPE, TTL, SCAN's TYPE filter).
 * OBJECT passes notifyMiss = false (LOOKUP_NONOTIFY).
 */
export function lookupReadNoTouch(c: Client, key: string, notifyMiss = true): RObj | undefined {
  const db = c.db;
  const o = db.expires.size !== 0 && expireIfNeeded(c, key) ? undefined : db.dict.get(key);
  if (o === undefined) {
    c.server.stats.keyspaceMisses++;
    if (notifyMiss) notify(c, N.KEY_MISS, 'keymiss', key);
    return undefined;
  }
  c.server.stats.keyspaceHits++;
  return o;
}

/** lookupKeyWrite: the live object, touched, or undefined. No hit/miss stats. */
export function lookupWrite(c: Client, key: string): RObj | undefined {
  const db = c.db;
  if (db.expires.size !== 0) expireIfNeeded(c, key);
  const o = db.dict.get(key);
  if (o !== undefined) touch(c, o);
  return o;
}

/** Lookup without touching the LRU or counting stats (OBJECT, TYPE-like probes, SCAN filters). */
export function lookupNoTouch(c: Client, key: string): RObj | undefined {
  const db = c.db;
  if (db.expires.size !== 0 && expireIfNeeded(c, key)) return undefined;
  return db.dict.get(key);
}

/** Throw WRONGTYPE unless o is of the given type. */
export function checkType(o: RObj, type: RedisType): void {
  if (o.type !== type) throw new CommandError(E.WRONGTYPE);
}

/** lookupKeyReadOrReply + checkType: the typed object, or undefined if missing. */
export function readTyped(c: Client, key: string, type: RedisType): RObj | undefined {
  const o = lookupRead(c, key);
  if (o !== undefined && o.type !== type) throw new CommandError(E.WRONGTYPE);
  return o;
}

/** lookupKeyWrite + checkType. */
export function writeTyped(c: Client, key: string, type: RedisType): RObj | undefined {
  const o = lookupWrite(c, key);
  if (o !== undefined && o.type !== type) throw new CommandError(E.WRONGTYPE);
  return o;
}

/** Create a fresh object stamped with the current time. */
export function newObject(c: Client, type: RedisType, enc: RObj['enc'], value: unknown): RObj {
  return { type, enc, value, lru: c.server.lruClock, lfu: 5, id: 0 };
}

/** dbAdd: add a key that does not exist (the `new` event is Redis's, sent by every key creation). */
export function dbAdd(c: Client, key: string, o: RObj): void {
  c.db.add(key, o);
  c.server.signalModifiedKey(c.db, key);
  notify(c, N.NEW, 'new', key);
  signalKeyAsReady(c.server, c.db, key, o.type);
}

/**
 * setKey: store o at key, creating or overwriting. Removes the TTL unless keepTtl.
 * Signals WATCH. The caller adds the keyspace notification and the dirty count.
 */
export function setKey(c: Client, key: string, o: RObj, keepTtl = false): void {
  const db = c.db;
  const old = lookupWrite(c, key);
  if (old === undefined) {
    db.add(key, o);
    notify(c, N.NEW, 'new', key);
    signalKeyAsReady(c.server, db, key, o.type);
  } else {
    db.overwrite(key, old, o);
  }
  if (!keepTtl && db.expires.size !== 0) db.removeExpire(key);
  c.server.signalModifiedKey(db, key);
}

/** dbDelete with WATCH signalling. Returns whether the key existed. */
export function dbDelete(c: Client, key: string): boolean {
  const existed = c.db.delete(key);
  if (existed) c.server.signalModifiedKey(c.db, key);
  return existed;
}

/** Set an absolute expire time in ms on an existing key. */
export function setExpire(c: Client, key: string, when: number | bigint): void {
  c.db.setExpire(key, when);
}

/** notifyKeyspaceEvent for the client's db. */
export function notify(c: Client, type: number, event: string, key: string): void {
  c.server.notifyKeyspaceEvent(type, event, key, c.db.id);
}
