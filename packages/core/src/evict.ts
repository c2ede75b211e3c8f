// maxmemory eviction (evict.c performEvictions), with Redis 7.0.15's sampled
// approximations: each round samples maxmemory-samples keys per database into
// an eviction pool of 16 candidates kept across rounds, sorted by how evictable
// they are, and evicts the best one still present.
//
// - LRU ranks by idle time (the coarse lruClock minus the object's stamp);
// - LFU by 255 minus the decayed logarithmic counter (object.ts);
// - TTL by the expire time, soonest first;
// - the random policies pick one random key per round, databases in turn.
//
// Memory is the estimate of memory.ts, which counts used_memory_startup as
// Redis does: a maxmemory below it (CONFIG SET maxmemory 1) evicts everything
// and then refuses every denyoom command, as it does on redis-server.
//
// Deviations: eviction always finishes in one pass (maxmemory-eviction-tenacity
// bounds a time slice in Redis, continued from a timer; deletion here is
// synchronous and cheap), and volatile-* sample the expires dict with a rotating
// cursor (JS Maps have no random access) started at a random distance.
import { estimateUsedMemory } from './commands/info.ts';
import type { Db } from './db.ts';
import { N } from './notify.ts';
import { lfuDecrAndReturn } from './object.ts';
import type { RedisServer } from './server.ts';

/** EVPOOL_SIZE. */
const POOL_SIZE = 16;

interface Candidate {
  /** Higher is evicted first (Redis's "idle" score). */
  score: number;
  key: string;
  db: Db;
}

type Ranking = 'lru' | 'lfu' | 'ttl' | 'random';

function rankingOf(policy: string): Ranking {
  if (policy.endsWith('-lru')) return 'lru';
  if (policy.endsWith('-lfu')) return 'lfu';
  return policy === 'volatile-ttl' ? 'ttl' : 'random';
}

export class Evictor {
  /** The eviction pool, ascending by score. */
  private pool: Candidate[] = [];
  /** The random policies' round-robin database index (static next_db in evict.c). */
  private nextDb = 0;
  /** Per database, the rotating walk over its expires dict that volatile-* sample from. */
  private expireWalks = new WeakMap<Db, Iterator<string>>();

  constructor(private readonly server: RedisServer) {}

  /**
   * performEvictions: evict until used memory is back under maxmemory. Returns
   * false (EVICT_FAIL) when it is still over: the policy is noeviction, or no key
   * of the policy's class is left.
   */
  perform(): boolean {
    const s = this.server;
    const max = s.config.maxmemory;
    let used = estimateUsedMemory(s).total;
    if (used <= max) return true;
    const policy = s.config.maxmemoryPolicy;
    if (policy === 'noeviction') return false;
    const allKeys = policy.startsWith('allkeys-');
    const ranking = rankingOf(policy);
    while (used > max) {
      const victim = ranking === 'random' ? this.randomVictim(allKeys) : this.pooledVictim(allKeys, ranking);
      if (victim === null) return false;
      this.evict(victim.db, victim.key);
      used = estimateUsedMemory(s).total;
    }
    return true;
  }

  /** The key delete of performEvictions, with its stats, notification and propagation. */
  private evict(db: Db, key: string): void {
    const s = this.server;
    db.delete(key);
    s.stats.evictedKeys++;
    s.signalModifiedKey(db, key, null);
    s.notifyKeyspaceEvent(N.EVICTED, 'evicted', key, db.id);
    if (s.propagating) s.propagate(db.id, [s.config.lazyfreeLazyEviction ? 'UNLINK' : 'DEL', key]);
  }

  private randomVictim(allKeys: boolean): { db: Db; key: string } | null {
    const dbs = this.server.dbs;
    for (let i = 0; i < dbs.length; i++) {
      this.nextDb = (this.nextDb + 1) % dbs.length;
      const db = dbs[this.nextDb];
      const key = allKeys ? db.randomKey(this.server.random) : this.randomExpiring(db);
      if (key !== undefined) return { db, key };
    }
    return null;
  }

  /** Fill the pool from every database, then take its best candidate that still exists. */
  private pooledVictim(allKeys: boolean, ranking: Ranking): { db: Db; key: string } | null {
    for (;;) {
      let total = 0;
      for (const db of this.server.dbs) {
        const size = allKeys ? db.size : db.expires.size;
        if (size === 0) continue;
        total += size;
        this.populate(db, allKeys, ranking);
      }
      if (total === 0) return null;
      while (this.pool.length !== 0) {
        const c = this.pool.pop()!;
        if (allKeys ? c.db.dict.has(c.key) : c.db.expires.has(c.key)) return c;
      }
    }
  }

  /** evictionPoolPopulate: sample keys of db and insert the better ones into the pool. */
  private populate(db: Db, allKeys: boolean, ranking: Ranking): void {
    const s = this.server;
    const samples = s.config.maxmemorySamples;
    let keys: string[];
    if (allKeys) {
      keys = [];
      for (let i = 0; i < samples && i < db.size; i++) keys.push(db.randomKey(s.random)!);
    } else {
      keys = this.sampleExpires(db, samples);
    }
    for (const key of keys) {
      const o = db.dict.get(key);
      if (o === undefined) continue;
      let score: number;
      if (ranking === 'lru') score = s.lruClock - o.lru;
      else if (ranking === 'lfu') score = 255 - lfuDecrAndReturn(o, s.lruClock, lfuDecayTime(s));
      else score = -db.expires.get(key)!;
      this.insert({ score, key, db });
    }
  }

  /** Insert a candidate: the pool keeps the POOL_SIZE best, a worse one than all of a full pool is dropped. */
  private insert(c: Candidate): void {
    const pool = this.pool;
    for (const p of pool) if (p.key === c.key && p.db === c.db) return;
    let k = 0;
    while (k < pool.length && pool[k].score < c.score) k++;
    if (k === 0 && pool.length === POOL_SIZE) return;
    pool.splice(k, 0, c);
    if (pool.length > POOL_SIZE) pool.shift();
  }

  /** The next n keys of db's expires dict on its rotating walk (wrapping once at the end). */
  private sampleExpires(db: Db, n: number): string[] {
    const out: string[] = [];
    const size = db.expires.size;
    let walk = this.expireWalks.get(db);
    let wrapped = false;
    while (out.length < n && out.length < size) {
      if (walk === undefined) walk = db.expires.keys();
      const next = walk.next();
      if (next.done) {
        walk = undefined;
        if (wrapped) break;
        wrapped = true;
        continue;
      }
      out.push(next.value);
    }
    if (walk !== undefined) this.expireWalks.set(db, walk);
    else this.expireWalks.delete(db);
    return out;
  }

  /** A key with a TTL, some random distance further along db's expires walk. */
  private randomExpiring(db: Db): string | undefined {
    const keys = this.sampleExpires(db, 1 + Math.floor(this.server.random() * POOL_SIZE));
    return keys[keys.length - 1];
  }
}

/** lfu-decay-time (it has no typed Config field). */
const lfuDecayTime = (s: RedisServer): number => Number(s.config.extra.get('lfu-decay-time') ?? 1);
