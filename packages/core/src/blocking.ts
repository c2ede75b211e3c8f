// Blocked clients as Redis 7.0.15's blocked.c and timeout.c keep them, and
// CLIENT PAUSE (networking.c pauseClients / unpauseClients).
//
// How a command blocks (the API for BLPOP & co. and XREAD/XREADGROUP BLOCK):
//
//   const deadline = argTimeout(c, c.argv[i], 'seconds');     // or 'ms' (XREAD BLOCK)
//   ... try the non-blocking path first and return its reply ...
//   if (c.denyBlocking) return NULL_ARRAY;                    // MULTI/EXEC and scripts never block
//   return blockForKeys(c, 'list', keys, deadline, serve);   // the BLOCKED sentinel
//
// The client then waits in every key's FIFO queue. Whatever creates or grows a
// value of a type someone can block on calls signalKeyAsReady(srv, db, key, type)
// (dbAdd and setKey do it for new keys; XADD for its stream). After the current
// top-level command (the whole EXEC or script) has finished, the server looks each
// ready key up and, for every client blocked on it with the key's type, in the
// order they blocked, runs `serve(c, key, value)` as that client's command:
// propagation, notifications, dirty and command stats work as in any handler
// (7.0's serveClientsBlockedOn*Key). `serve` returns the late reply, or null to
// keep waiting (a stream without entries past the ID the client wants). The
// served client is unblocked and the reply goes to `c.onUnblocked`, which the
// transport set. A deadline that passes (0 is never) unblocks with a null array.
import type { Client } from './client.ts';
import type { Db } from './db.ts';
import { E, fail } from './errors.ts';
import { expireIfNeeded } from './keyspace.ts';
import type { RedisType, RObj } from './object.ts';
import { type NullArrayReply, type Reply, NULL_ARRAY, error } from './reply.ts';
import type { RedisServer } from './server.ts';
import { type CommandEntry, F } from './table/table.ts';
import { ceilToInt64, longDoubleFromInt, mulLongDouble, parseLongDouble } from './util/longdouble.ts';
import { parseInt64 } from './util/parse.ts';

/**
 * What a handler returns when its client blocked: no reply now. Transports
 * compare by identity and wait for c.onUnblocked instead of writing it.
 */
export const BLOCKED: Reply = Object.freeze({ t: 'nullarray' }) as NullArrayReply;

/** The value types a client can block on (BLOCKED_LIST, BLOCKED_ZSET, BLOCKED_STREAM). */
export type BlockedType = 'list' | 'zset' | 'stream';

/** Serves a blocked client from the ready key's value: the late reply, or null to keep waiting. */
export type ServeBlocked = (c: Client, key: string, value: RObj) => Reply | null;

/** A client waiting for keys (BLPOP, BZPOPMIN, XREAD BLOCK...). */
export interface KeyBlock {
  readonly kind: 'keys';
  readonly type: BlockedType;
  readonly db: Db;
  readonly keys: readonly string[];
  /** Absolute ms on the server clock; 0 waits forever, and so does -1 (a deadline that overflowed). */
  readonly deadline: number;
  readonly serve: ServeBlocked;
  readonly cmd: CommandEntry;
  readonly argv: string[];
}

/** A command held back by CLIENT PAUSE (BLOCKED_POSTPONE): it runs from scratch on unpause. */
export interface PostponedCommand {
  readonly kind: 'postponed';
  readonly argv: string[];
}

export type BlockedState = KeyBlock | PostponedCommand;

export type PauseType = 'off' | 'write' | 'all';
const PAUSE_RANK: Record<PauseType, number> = { off: 0, write: 1, all: 2 };

const THOUSAND = longDoubleFromInt(1000n);

/** XREADGROUP ... BLOCK: released with an error when its stream goes away (plain XREAD keeps waiting). */
const isGroupRead = (b: KeyBlock): boolean => b.type === 'stream' && b.cmd.name === 'xreadgroup';

/**
 * getTimeoutFromObjectOrReply: seconds as a long double (BLPOP & co.) or whole
 * ms (XREAD BLOCK, CLIENT PAUSE), as an absolute deadline in ms; 0 is no
 * timeout. Seconds are turned into ms rounding up (ceill), so any positive
 * fraction waits at least 1 ms, -0.0001 is 0 (forever), and a value past
 * LLONG_MAX ms (inf, 1e20) is LLONG_MIN: "negative". A deadline past
 * LLONG_MAX wraps negative in Redis: -1 here, where a blocked client then
 * never times out and a pause is not extended (it ends at the next check).
 */
export function argTimeout(c: Client, arg: string, unit: 'seconds' | 'ms'): number {
  let ms: bigint;
  if (unit === 'seconds') {
    const v = parseLongDouble(arg);
    if (v === null) fail(E.TIMEOUT_NOT_FLOAT);
    ms = ceilToInt64(mulLongDouble(v, THOUSAND));
  } else {
    const v = parseInt64(arg);
    if (v === null) fail(E.TIMEOUT_NOT_INTEGER);
    ms = v;
  }
  if (ms < 0n) fail(E.TIMEOUT_NEGATIVE);
  if (ms === 0n) return 0;
  const deadline = ms + BigInt(c.server.clock.now());
  return deadline > 9223372036854775807n ? -1 : Number(deadline);
}

/** Block c on keys (see the file comment); returns BLOCKED. */
export function blockForKeys(c: Client, type: BlockedType, keys: readonly string[], deadline: number, serve: ServeBlocked): Reply {
  return c.server.blocking.block(c, { kind: 'keys', type, db: c.db, keys, deadline, serve, cmd: c.cmd!, argv: c.argv });
}

/**
 * signalKeyAsReady: key in db now holds a value of `type`; clients blocked on
 * it are served after the current command. Cheap when nobody blocks.
 */
export function signalKeyAsReady(srv: RedisServer, db: Db, key: string, type: RedisType): void {
  if (type !== 'list' && type !== 'zset' && type !== 'stream') return;
  const b = srv.blocking;
  if (b.keyBlockedCount !== 0) b.signal(db, key);
}

/** The blocked clients of one server, its ready keys and its CLIENT PAUSE state. */
export class Blocking {
  /** Per db, per key: the clients blocked on it, in the order they blocked (db->blocking_keys). */
  private readonly waiting = new Map<Db, Map<string, Client[]>>();
  /** Keys signalled ready since the last handling, in signal order (server.ready_keys). */
  private ready: { db: Db; key: string }[] = [];
  private readonly readySet = new Set<string>();
  /** Every blocked client (INFO blocked_clients counts them, postponed ones too). */
  private readonly blocked = new Set<Client>();
  /** Clients blocked on keys (a fast exit for signalKeyAsReady). */
  keyBlockedCount = 0;
  /** Clients blocked in XREADGROUP (a fast exit for releaseGroupReadersOfDeletedStreams). */
  private groupReaders = 0;
  pauseType: PauseType = 'off';
  /** When the pause ends (ms); the pause lasts at least until the cron sees it passed. */
  pauseEnd = 0;
  /** Clients held by CLIENT PAUSE, in the order they arrived (server.paused_clients). */
  private postponed: Client[] = [];
  /** Released postponed clients whose command runs after the current one (server.unblocked_clients). */
  private released: Client[] = [];
  /** Inside handleClientsBlockedOnKeys (it does not nest) and inside runReleased (likewise). */
  private handlingReady = false;
  private runningReleased = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerAt = Infinity;

  constructor(private readonly srv: RedisServer) {}

  /** INFO blocked_clients. */
  get blockedClients(): number {
    return this.blocked.size;
  }

  /** INFO clients_in_timeout_table: blocked clients with a deadline. */
  get clientsInTimeoutTable(): number {
    let n = 0;
    for (const c of this.blocked) if (c.blocked?.kind === 'keys' && c.blocked.deadline !== 0) n++;
    return n;
  }

  block(c: Client, b: KeyBlock): Reply {
    c.blocked = b;
    this.blocked.add(c);
    this.keyBlockedCount++;
    if (isGroupRead(b)) this.groupReaders++;
    let keys = this.waiting.get(b.db);
    if (keys === undefined) {
      keys = new Map();
      this.waiting.set(b.db, keys);
    }
    // A key given twice (BLPOP k k 0) waits once, as Redis's per-client key dict.
    for (const key of new Set(b.keys)) {
      const q = keys.get(key);
      if (q === undefined) keys.set(key, [c]);
      else q.push(c);
    }
    if (b.deadline > 0) this.armTimer();
    return BLOCKED;
  }

  signal(db: Db, key: string): void {
    if (this.waiting.get(db)?.has(key) !== true) return;
    const id = `${db.id}:${key}`;
    if (this.readySet.has(id)) return;
    this.readySet.add(id);
    this.ready.push({ db, key });
  }

  /** scanDatabaseForReadyKeys (SWAPDB): every waited-on key that now exists in db is ready. */
  scanDatabaseForReadyKeys(db: Db): void {
    const keys = this.waiting.get(db);
    if (keys === undefined) return;
    for (const key of keys.keys()) {
      const o = db.dict.get(key);
      if (o !== undefined) signalKeyAsReady(this.srv, db, key, o.type);
    }
  }

  /**
   * What Redis does after each top-level command (and in beforeSleep): serve
   * the clients blocked on ready keys, then run the commands that an unpause
   * released. Nothing happens while a timed-out script is suspended.
   */
  afterCommand(): void {
    if (this.srv.busyScript !== null) return;
    if (this.ready.length !== 0 && !this.handlingReady) this.handleClientsBlockedOnKeys();
    if (this.groupReaders !== 0 && !this.handlingReady) this.releaseGroupReadersOfDeletedStreams();
    if (this.released.length !== 0 && !this.runningReleased) this.runReleased();
  }

  /**
   * handleClientsBlockedOnKeys: serving a client may signal more keys (BLMOVE
   * pushes): they are handled in the same call, after the current batch.
   */
  private handleClientsBlockedOnKeys(): void {
    this.handlingReady = true;
    try {
      while (this.ready.length !== 0) {
        const batch = this.ready;
        this.ready = [];
        for (const { db, key } of batch) {
          this.readySet.delete(`${db.id}:${key}`);
          this.serveKey(db, key);
        }
      }
    } finally {
      this.handlingReady = false;
    }
  }

  /** serveClientsBlockedOn{List,SortedSet,Stream}Key: clients of the value's type, FIFO. */
  private serveKey(db: Db, key: string): void {
    const queue = this.waiting.get(db)?.get(key);
    if (queue === undefined) return;
    // lookupKeyReadWithFlags(NONOTIFY|NOSTATS): a lazily expired key serves nobody.
    if (db.expires.size !== 0 && expireIfNeeded(queue[0], key)) return;
    const o = db.dict.get(key);
    if (o === undefined) return;
    for (const c of [...queue]) {
      const b = c.blocked;
      if (b === null || b.kind !== 'keys' || b.type !== o.type) continue;
      const reply = this.srv.call(c, b.cmd, b.argv, () => b.serve(c, key, o) ?? BLOCKED);
      if (reply !== BLOCKED) this.unblock(c, reply);
      // The value was emptied and deleted (or replaced): nobody else can be served.
      if (db.dict.get(key) !== o) break;
    }
  }

  /**
   * 7.0's unblockDeletedStreamReadgroupClients: a stream that was deleted,
   * overwritten by another type, renamed away, flushed or expired releases the
   * clients blocked on it in XREADGROUP with an error (their group is gone with
   * it). Redis signals each such deletion; a stream key an XREADGROUP client
   * waits on that is now missing or of another type was necessarily deleted,
   * so checking those keys after each command finds the same clients.
   */
  private releaseGroupReadersOfDeletedStreams(): void {
    for (const c of [...this.blocked]) {
      const b = c.blocked;
      if (b === null || b.kind !== 'keys' || !isGroupRead(b)) continue;
      const gone = b.keys.some((key) => b.db.dict.get(key)?.type !== 'stream');
      if (gone) this.finishBlocked(c, b, error(E.STREAM_BLOCKED_KEY_GONE));
    }
  }

  /** Take c out of every queue and hand it its late reply. */
  unblock(c: Client, reply: Reply): void {
    this.forget(c);
    c.onUnblocked?.(reply);
  }

  /** Remove c's blocked state without replying (a disconnection, or before a reply). */
  forget(c: Client): void {
    const b = c.blocked;
    if (b === null) return;
    c.blocked = null;
    this.blocked.delete(c);
    if (b.kind === 'postponed') {
      this.postponed = this.postponed.filter((p) => p !== c);
      this.released = this.released.filter((p) => p !== c);
      return;
    }
    this.keyBlockedCount--;
    if (isGroupRead(b)) this.groupReaders--;
    const keys = this.waiting.get(b.db);
    if (keys === undefined) return;
    for (const key of b.keys) {
      const q = keys.get(key);
      if (q === undefined) continue;
      const i = q.indexOf(c);
      if (i >= 0) q.splice(i, 1);
      if (q.length === 0) keys.delete(key);
    }
  }

  /** A client that disconnects or is killed leaves every queue. */
  removeClient(c: Client): void {
    this.forget(c);
  }

  /**
   * CLIENT UNBLOCK: a client blocked on keys gets the timeout reply or the
   * UNBLOCKED error; a client held by CLIENT PAUSE is not unblockable.
   */
  unblockByRequest(c: Client, withError: boolean): boolean {
    const b = c.blocked;
    if (b === null || b.kind !== 'keys') return false;
    this.finishBlocked(c, b, withError ? error(E.UNBLOCKED_BY_CLIENT) : NULL_ARRAY);
    return true;
  }

  /** A blocked command ends without being served: its stats are counted now (updateStatsOnUnblock). */
  private finishBlocked(c: Client, b: KeyBlock, reply: Reply): void {
    b.cmd.calls++;
    this.srv.stats.totalCommandsProcessed++;
    if (reply.t === 'error') {
      b.cmd.failedCalls++;
      this.srv.countError(reply.v);
    }
    this.unblock(c, reply);
  }

  /** handleBlockedClientsTimeout: a deadline strictly in the past answers a null array. */
  handleTimeouts(now: number): void {
    for (const c of [...this.blocked]) {
      const b = c.blocked;
      if (b !== null && b.kind === 'keys' && b.deadline > 0 && b.deadline < now) this.finishBlocked(c, b, NULL_ARRAY);
    }
  }

  // ---- CLIENT PAUSE ---------------------------------------------------------

  /** pauseClients: the stronger type and the later end win. */
  pause(end: number, type: PauseType): void {
    if (PAUSE_RANK[type] > PAUSE_RANK[this.pauseType]) this.pauseType = type;
    if (end > this.pauseEnd) this.pauseEnd = end;
    this.armTimer();
  }

  /** unpauseClients: every held command is released, to run after the current command. */
  unpause(): void {
    this.pauseType = 'off';
    this.pauseEnd = 0;
    const held = this.postponed;
    this.postponed = [];
    for (const c of held) {
      if (!this.released.includes(c)) this.released.push(c);
    }
  }

  /**
   * checkClientPauseTimeoutAndReturnIfPaused: ends a pause whose time has
   * passed; true while clients are paused (expiry is suspended then).
   */
  checkPause(): boolean {
    if (this.pauseType === 'off') return false;
    if (this.pauseEnd >= this.srv.clock.now()) return true;
    this.unpause();
    return false;
  }

  /**
   * processCommand's pause check: under PAUSE ALL every command waits, under
   * PAUSE WRITE those that may write or replicate (EVAL, PUBLISH, PFCOUNT...),
   * and EXEC when its queue holds one.
   */
  mustPostpone(c: Client, cmd: CommandEntry): boolean {
    if (this.pauseType === 'all') return true;
    if (this.pauseType !== 'write') return false;
    const writeish = F.WRITE | F.MAY_REPLICATE;
    if (cmd.flags & writeish) return true;
    if (cmd.fullname === 'exec' && c.multi !== null) return c.multi.queue.some((q) => (q.cmd.flags & writeish) !== 0);
    return false;
  }

  /** blockPostponeClient: hold c's command until the pause ends. */
  postpone(c: Client, argv: string[]): Reply {
    c.blocked = { kind: 'postponed', argv };
    this.blocked.add(c);
    this.postponed.push(c);
    return BLOCKED;
  }

  /**
   * processUnblockedClients for released postponed commands: each client runs
   * its held command from scratch and then the rest of its input (the
   * transport's c.onReleased) before the next client's turn.
   */
  private runReleased(): void {
    this.runningReleased = true;
    try {
      while (this.released.length !== 0) {
        const c = this.released.shift()!;
        const b = c.blocked;
        if (b === null || b.kind !== 'postponed') continue;
        this.forget(c);
        if (c.onReleased !== null) {
          c.onReleased(b.argv);
          continue;
        }
        const reply = this.srv.execute(c, b.argv);
        if (reply !== BLOCKED) c.onUnblocked?.(reply);
      }
    } finally {
      this.runningReleased = false;
    }
  }

  // ---- time -----------------------------------------------------------------

  /** The cron's share: timeouts, the end of a pause, released commands. */
  cron(): void {
    const now = this.srv.clock.now();
    if (this.blocked.size !== 0) this.handleTimeouts(now);
    this.checkPause();
    this.afterCommand();
    this.armTimer();
  }

  /**
   * With the server's timers running, a timer fires at the next deadline (or
   * pause end), so a short timeout does not wait for the next cron tick.
   */
  private armTimer(): void {
    if (!this.srv.timersRunning) return;
    let next = this.pauseType !== 'off' && this.pauseEnd !== 0 ? this.pauseEnd : Infinity;
    for (const c of this.blocked) {
      const b = c.blocked;
      if (b !== null && b.kind === 'keys' && b.deadline > 0 && b.deadline < next) next = b.deadline;
    }
    if (next === this.timerAt) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = next;
    if (next === Infinity) return;
    // Deadlines fire once strictly passed: one ms after.
    const delay = Math.min(2 ** 31 - 1, Math.max(1, next - this.srv.clock.now() + 1));
    const t = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      if (this.srv.busyScript === null) this.cron();
      else this.armTimer();
    }, delay);
    (t as { unref?: () => void }).unref?.();
    this.timer = t;
  }
}
