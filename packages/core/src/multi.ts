// Transactions as Redis 7.0.15's multi.c keeps them: the per-client MULTI
// queue with its DIRTY_EXEC flag, and WATCH (optimistic locking): who watches
// which key, and the DIRTY_CAS flag a modification of a watched key sets.
import type { Client } from './client.ts';
import type { Db } from './db.ts';
import { keyIsExpired } from './keyspace.ts';
import type { Reply } from './reply.ts';
import type { CommandEntry } from './table/table.ts';

/** A command queued between MULTI and EXEC. */
export interface QueuedCommand {
  cmd: CommandEntry;
  argv: string[];
}

/** A client's MULTI state (Redis's c->mstate plus CLIENT_DIRTY_EXEC). */
export class MultiState {
  readonly queue: QueuedCommand[] = [];
  /**
   * Redis's mstate.argv_len_sums: the bytes of the queued arguments plus one
   * pointer per argument, reported as CLIENT LIST multi-mem.
   */
  argvBytes = 0;
  /** A command was rejected while queueing (CLIENT_DIRTY_EXEC): EXEC answers EXECABORT. */
  dirtyExec = false;
  /** Set once EXEC starts running the queue: EXEC's own argv, the next command and the replies so far. */
  progress: { execArgv: string[]; next: number; replies: Reply[] } | null = null;

  add(cmd: CommandEntry, argv: string[]): void {
    this.queue.push({ cmd, argv });
    for (const a of argv) this.argvBytes += a.length + 8;
  }
}

/** One key a client watches (Redis's watchedKey). */
export interface WatchedKey {
  readonly client: Client;
  readonly db: Db;
  readonly key: string;
  /**
   * The key existed but was logically expired when WATCH ran. Its deletion is
   * then no change (the key was already gone), and EXEC's expiry check skips it.
   */
  expired: boolean;
}

/**
 * Every db's watched keys (Redis's db->watched_keys: key -> watchers in WATCH
 * order). Keyed by the Db object, which stays with its number through SWAPDB
 * (Db.swapWith swaps contents), as Redis keeps watchers on their db.
 */
export class WatchRegistry {
  private readonly byDb = new Map<Db, Map<string, WatchedKey[]>>();

  /** watchForKey: watch `key` in the client's current db (once per db and key). */
  watch(c: Client, key: string, now: number): void {
    const db = c.db;
    for (const wk of c.watchedKeys) if (wk.db === db && wk.key === key) return;
    let keys = this.byDb.get(db);
    if (keys === undefined) {
      keys = new Map();
      this.byDb.set(db, keys);
    }
    let watchers = keys.get(key);
    if (watchers === undefined) {
      watchers = [];
      keys.set(key, watchers);
    }
    const wk: WatchedKey = { client: c, db, key, expired: keyIsExpired(db, key, now) };
    watchers.push(wk);
    c.watchedKeys.push(wk);
  }

  /** unwatchAllKeys: forget every key the client watches (the DIRTY_CAS flag is the caller's). */
  unwatchAll(c: Client): void {
    if (c.watchedKeys.length === 0) return;
    for (const wk of c.watchedKeys) {
      const keys = this.byDb.get(wk.db)!;
      const watchers = keys.get(wk.key)!;
      watchers.splice(watchers.indexOf(wk), 1);
      if (watchers.length === 0) {
        keys.delete(wk.key);
        if (keys.size === 0) this.byDb.delete(wk.db);
      }
    }
    c.watchedKeys = [];
  }

  /**
   * touchWatchedKey: the key was modified; every client watching it gets
   * DIRTY_CAS and stops watching. A watcher that saw the key already expired
   * takes its deletion as no change; if the key exists again, 7.0.15 leaves the
   * walk at that watcher (a `break`), so the watchers after it are not touched.
   */
  touch(db: Db, key: string): void {
    const watchers = this.byDb.get(db)?.get(key);
    if (watchers === undefined) return;
    for (const wk of watchers.slice()) {
      if (wk.expired) {
        if (!db.dict.has(key)) {
          wk.expired = false;
          continue;
        }
        break;
      }
      wk.client.dirtyCas = true;
      this.unwatchAll(wk.client);
    }
  }

  /**
   * touchAllWatchedKeysInDb: `emptied` is flushed (FLUSHDB/FLUSHALL) or, for
   * SWAPDB, about to hold `replacedWith`'s keys. A watched key is touched if it
   * exists in either; a watched already-expired key that stays absent or expired
   * is no change, and an absent one replaced by an expired one becomes "expired".
   */
  touchAllInDb(emptied: Db, replacedWith: Db | null, now: number): void {
    const keys = this.byDb.get(emptied);
    if (keys === undefined) return;
    for (const [key, watchers] of keys) {
      const existsInEmptied = emptied.dict.has(key);
      const existsInReplacement = replacedWith !== null && replacedWith.dict.has(key);
      if (!existsInEmptied && !existsInReplacement) continue;
      for (const wk of watchers) {
        if (wk.expired) {
          if (!existsInReplacement) {
            wk.expired = false;
            continue;
          }
          if (keyIsExpired(replacedWith!, key, now)) continue;
        } else if (!existsInEmptied && keyIsExpired(replacedWith!, key, now)) {
          wk.expired = true;
          continue;
        }
        // Not unwatched here: Redis walks these lists with an iterator it must not invalidate.
        wk.client.dirtyCas = true;
      }
    }
  }

  /** isWatchedKeyExpired: a watched key (not expired at WATCH time) has expired since. */
  anyExpired(c: Client, now: number): boolean {
    for (const wk of c.watchedKeys) if (!wk.expired && keyIsExpired(wk.db, wk.key, now)) return true;
    return false;
  }
}

/** discardTransaction: leave MULTI, clear both dirty flags, unwatch everything. */
export function discardTransaction(c: Client): void {
  c.multi = null;
  c.dirtyCas = false;
  c.server.watches.unwatchAll(c);
}
