// One logical database: the main dict, the expires dict, and the insertion-ordered
// key index that gives SCAN its guarantee and RANDOMKEY its O(1) pick.
import { EXPIRE_OVERHEAD, keyMemory, type MemoryLimits } from './memory.ts';
import type { RObj } from './object.ts';
import { KeyIndex } from './util/keyindex.ts';

export class Db {
  dict = new Map<string, RObj>();
  /** Absolute expire time in ms, for keys that have one. */
  expires = new Map<string, number>();
  /**
   * Exact int64 values of expire times beyond ±2^53 ms (PEXPIREAT k 9223372036854775807):
   * `expires` holds their nearest double, which orders them correctly against any real
   * clock, and this map keeps the value PEXPIRETIME/PTTL must report. Usually empty.
   */
  private exactExpires = new Map<string, bigint>();
  private index = new KeyIndex();
  /** Active expiry walks `expires` with this persistent cursor. */
  expireCursor: Iterator<[string, number]> | null = null;
  /** Sum/count of TTLs seen by active expiry, for INFO keyspace avg_ttl. */
  avgTtl = 0;
  /**
   * The memory estimate, kept incrementally: `measured` sums each key's cached
   * share (RObj.mem); keys added, overwritten or modified since (signalModifiedKey)
   * wait in `unmeasured` and are measured once, when usedMemory() is next read.
   */
  private measured = 0;
  private unmeasured = new Set<string>();

  constructor(public id: number) {}

  get size(): number {
    return this.dict.size;
  }

  /** Raw lookup with no expiry check or LRU touch. */
  peek(key: string): RObj | undefined {
    return this.dict.get(key);
  }

  /** dbAdd: the key must not exist. */
  add(key: string, o: RObj): void {
    o.id = this.index.add(key);
    this.dict.set(key, o);
    // An object moved from elsewhere (RENAME, MOVE) starts unmeasured here.
    o.mem = 0;
    this.unmeasured.add(key);
  }

  /** dbOverwrite / setKey: replace the value of an existing key, keeping its slot. */
  overwrite(key: string, old: RObj, o: RObj): void {
    o.id = old.id;
    this.dict.set(key, o);
    this.measured -= old.mem ?? 0;
    o.mem = 0;
    this.unmeasured.add(key);
  }

  /** The value of key changed in place: its size is measured again on the next usedMemory(). */
  keyChanged(key: string): void {
    this.unmeasured.add(key);
  }

  /**
   * This db's share of used_memory: every key's cached size plus the TTL entries.
   * Only keys changed since the last call are measured, so a call costs O(changes).
   */
  usedMemory(limits: MemoryLimits): number {
    if (this.unmeasured.size !== 0) {
      for (const key of this.unmeasured) {
        const o = this.dict.get(key);
        if (o === undefined) continue;
        const size = keyMemory(key, o, limits);
        this.measured += size - (o.mem ?? 0);
        o.mem = size;
      }
      this.unmeasured.clear();
    }
    return this.measured + this.expires.size * EXPIRE_OVERHEAD;
  }

  /** dbDelete: remove key and its expire. Returns whether it existed. */
  delete(key: string): boolean {
    const o = this.dict.get(key);
    if (o === undefined) return false;
    this.dict.delete(key);
    this.measured -= o.mem ?? 0;
    // Gone keys leave the set, so it never holds more than the live keys.
    if (this.unmeasured.size !== 0) this.unmeasured.delete(key);
    if (this.expires.size !== 0) this.removeExpire(key);
    this.index.remove(o.id);
    return true;
  }

  getExpire(key: string): number | undefined {
    return this.expires.size === 0 ? undefined : this.expires.get(key);
  }

  /** Set the absolute expire time in ms; a bigint keeps int64 precision beyond 2^53. */
  setExpire(key: string, when: number | bigint): void {
    this.expires.set(key, Number(when));
    if (typeof when === 'bigint' && !Number.isSafeInteger(Number(when))) this.exactExpires.set(key, when);
    else if (this.exactExpires.size !== 0) this.exactExpires.delete(key);
  }

  /** The expire time with full int64 precision (a bigint only beyond ±2^53). */
  getExpireExact(key: string): number | bigint | undefined {
    if (this.exactExpires.size !== 0) {
      const exact = this.exactExpires.get(key);
      if (exact !== undefined) return exact;
    }
    return this.getExpire(key);
  }

  removeExpire(key: string): boolean {
    if (this.exactExpires.size !== 0) this.exactExpires.delete(key);
    return this.expires.delete(key);
  }

  clear(): void {
    this.dict.clear();
    this.expires.clear();
    this.exactExpires.clear();
    this.index.clear();
    this.expireCursor = null;
    this.avgTtl = 0;
    this.measured = 0;
    this.unmeasured.clear();
  }

  /** Exchange the data of two dbs in O(1) (SWAPDB swaps the dicts, not the db ids). */
  swapWith(other: Db): void {
    [this.dict, other.dict] = [other.dict, this.dict];
    [this.expires, other.expires] = [other.expires, this.expires];
    [this.exactExpires, other.exactExpires] = [other.exactExpires, this.exactExpires];
    [this.index, other.index] = [other.index, this.index];
    [this.avgTtl, other.avgTtl] = [other.avgTtl, this.avgTtl];
    [this.measured, other.measured] = [other.measured, this.measured];
    [this.unmeasured, other.unmeasured] = [other.unmeasured, this.unmeasured];
    this.expireCursor = other.expireCursor = null;
  }

  /** A uniformly random live key (dictGetRandomKey), or undefined if empty. */
  randomKey(rand: () => number): string | undefined {
    return this.index.random(rand);
  }

  /**
   * One SCAN step from `cursor` (0 = start): calls visit for up to `count` live keys
   * and returns the next cursor (0 when the walk is complete).
   */
  scan(cursor: number, count: number, visit: (key: string) => void): number {
    return this.index.scan(cursor, count, visit);
  }
}
