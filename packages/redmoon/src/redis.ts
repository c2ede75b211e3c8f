// createRedis(): an in-process Redis 7.0 server with a JS API, in-memory RESP
// connections for client libraries, an optional TCP port, and a clock tests move.
import { type Client, type Clock, ControlledClock, type Propagated, type RedisServer } from '@redmoon/core';
import { createScriptingServer, type ScriptingOptions, seedScriptRandom } from '@redmoon/lua';
import {
  type InMemoryPeer, type InMemorySocket, type RunningTcpServer, type ServerEnd, attachInMemory, connectInMemory, listen,
} from '@redmoon/server';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Arg, encodeRequest, toArgv } from './args.ts';
import { type BulkMode, type JsReply, RedisReplyError, ReplyReader, replyToJs } from './reply-js.ts';
import { Script } from './script.ts';
import { type Snapshot, loadSnapshot, takeSnapshot } from './snapshot.ts';

export interface CreateRedisOptions {
  /** The clock (default: a ControlledClock on real time, which time.* moves). */
  clock?: Clock;
  /** redis.conf-style parameters: { 'notify-keyspace-events': 'KEA', maxmemory: '10mb' }. */
  config?: Record<string, string>;
  /**
   * Seeds the random sources: RANDOMKEY/SRANDMEMBER/SPOP... of this server, and
   * math.random of scripts (Redis's redisLrand48, whose state is process-wide,
   * as in Redis: it is seeded when the server is created).
   */
  seed?: number;
  /** A dataset to load (snapshot() format). */
  data?: Snapshot;
  /** Scripting options (hardTimeLimitMs). */
  scripting?: ScriptingOptions;
}

/** Commands whose replies are not one-per-request: they need a connection (connect() or a client). Names of 7, 9 or 10 chars. */
const CONNECTION_ONLY = new Set(['subscribe', 'psubscribe', 'ssubscribe', 'monitor']);

export interface RedisTime {
  /** Stop the clock at `at` (default: now). */
  freeze(at?: Date | number): void;
  /** Let the clock run again from where it stands. */
  unfreeze(): void;
  /** Move the clock forward: expired keys are deleted (with their notifications and propagated DELs), blocking timeouts fire. */
  advance(ms: number): void;
  /** Jump to an absolute time, with the same effects as advance. */
  set(at: Date | number): void;
  /** The server's current time in ms. */
  now(): number;
}

/** The session behind call(): its requests go through a Connection, as a client's would. */
class CallSession implements InMemoryPeer {
  private readonly pending: { resolve: (v: JsReply) => void; reject: (e: Error) => void; mode: BulkMode }[] = [];
  private input = '';
  readonly end: ServerEnd;

  constructor(server: RedisServer) {
    this.end = attachInMemory(server, this);
  }

  send(argv: string[], mode: BulkMode): Promise<JsReply> {
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject, mode });
      this.end.deliver(Buffer.from(encodeRequest(argv), 'latin1'));
    });
  }

  receive(chunk: Buffer): void {
    this.input += chunk.latin1Slice(0, chunk.length);
    while (this.input !== '' && this.pending.length !== 0) {
      const reader = new ReplyReader(this.input, this.pending[0].mode);
      const v = reader.next();
      if (v === undefined) return;
      this.input = this.input.slice(reader.consumed);
      const p = this.pending.shift()!;
      if (v instanceof RedisReplyError) p.reject(v);
      else p.resolve(v);
    }
    // Output nobody waits for (a push after CLIENT TRACKING...) is dropped.
    if (this.pending.length === 0) this.input = '';
  }

  serverEnded(): void {
    this.failAll('redmoon: the server closed the connection');
  }

  serverDestroyed(): void {
    this.failAll('redmoon: the connection was killed');
  }

  private failAll(msg: string): void {
    for (const p of this.pending.splice(0)) p.reject(new Error(msg));
  }
}

let nextSocketId = 1;

/** A seeded [0,1) generator (mulberry32) for the server's own random choices. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Redis {
  /** The engine: RedisServer from @redmoon/core (execute, onPropagate, dbs, config...). */
  readonly server: RedisServer;
  readonly time: RedisTime;
  private session: CallSession;
  /** The session's Client, which callSync executes on directly. */
  private readonly sessionClient: Client;
  private readonly sockets = new Set<InMemorySocket>();
  private readonly listeners = new Set<RunningTcpServer>();
  private readonly pendingListeners: Promise<RunningTcpServer>[] = [];
  private socketPath: string | null = null;
  private closed = false;

  constructor(opts: CreateRedisOptions = {}) {
    const clock = opts.clock ?? new ControlledClock();
    if (opts.seed !== undefined) seedScriptRandom(opts.seed);
    this.server = createScriptingServer({
      clock,
      config: opts.config,
      random: opts.seed !== undefined ? seededRandom(opts.seed) : undefined,
      scripting: opts.scripting,
    });
    this.session = new CallSession(this.server);
    this.sessionClient = this.session.end.connection.client;
    this.time = this.makeTime(clock);
    if (opts.data) this.load(opts.data);
  }

  private makeTime(clock: Clock): RedisTime {
    const controlled = (): ControlledClock => {
      if (!(clock instanceof ControlledClock)) throw new Error('redmoon: time control needs a ControlledClock (the default clock)');
      return clock;
    };
    const ms = (at: Date | number): number => (typeof at === 'number' ? at : at.getTime());
    return {
      freeze: (at) => controlled().freeze(at === undefined ? undefined : ms(at)),
      unfreeze: () => controlled().unfreeze(),
      advance: (d) => { controlled().advance(d); this.expireDue(); },
      set: (at) => { controlled().set(ms(at)); this.expireDue(); },
      now: () => clock.now(),
    };
  }

  /**
   * After the clock moved: delete every key whose time has come, as Redis's
   * active expiry does over the next cron cycles (the cron that advance() ran
   * stops early on sparse databases, as Redis's does).
   */
  private expireDue(): void {
    const s = this.server;
    if (!s.config.activeExpireEnabled || s.busyScript !== null) return;
    const now = s.clock.now();
    for (const db of s.dbs) {
      const due: string[] = [];
      for (const [key, when] of db.expires) if (now > when) due.push(key);
      for (const key of due) s.deleteExpiredKey(db, key);
    }
  }

  private argvOf(args: readonly (Arg | readonly Arg[])[]): string[] {
    if (this.closed) throw new Error('redmoon: the server is closed');
    const argv = toArgv(args);
    if (argv.length === 0) throw new Error('redmoon: call() needs a command');
    const n = argv[0].length;
    if ((n === 7 || n === 9 || n === 10) && CONNECTION_ONLY.has(argv[0].toLowerCase())) {
      throw new Error(`redmoon: ${argv[0]} sends more than one reply per request: use connect() or a client library`);
    }
    return argv;
  }

  /**
   * Run a command on this server's own session (one Client, shared by call and
   * callSync: SELECT and HELLO stick). Blocking commands wait, as a client does.
   */
  call(...args: (Arg | readonly Arg[])[]): Promise<JsReply> {
    try {
      return this.session.send(this.argvOf(args), 'string');
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** call(), with bulk strings as Buffers. */
  callBuffer(...args: (Arg | readonly Arg[])[]): Promise<JsReply> {
    try {
      return this.session.send(this.argvOf(args), 'buffer');
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** Run a command synchronously; throws RedisReplyError on an error reply. */
  callSync(...args: (Arg | readonly Arg[])[]): JsReply {
    return this.runSync(this.argvOf(args), 'string');
  }

  /** callSync(), with bulk strings as Buffers. */
  callSyncBuffer(...args: (Arg | readonly Arg[])[]): JsReply {
    return this.runSync(this.argvOf(args), 'buffer');
  }

  private runSync(argv: string[], mode: BulkMode): JsReply {
    const c = this.sessionClient;
    const v = replyToJs(this.server.execute(c, argv), c.resp, mode);
    if (v instanceof RedisReplyError) throw v;
    return v;
  }

  /** A Script (redis-py's register_script): `await redis.script(lua).run({ keys, args })`. */
  script(lua: string | Buffer): Script {
    return new Script(lua, this);
  }

  /** A new in-memory RESP connection (a Duplex stream), as a socket to this server would be. */
  connect(): InMemorySocket {
    if (this.closed) throw new Error('redmoon: the server is closed');
    const s = connectInMemory(this.server);
    this.sockets.add(s);
    s.once('close', () => this.sockets.delete(s));
    return s;
  }

  /** Serve this server on a TCP port (0: any free port) for redis-cli and other processes. */
  async listen(port = 0, host = '127.0.0.1'): Promise<RunningTcpServer> {
    if (this.closed) throw new Error('redmoon: the server is closed');
    const tcp = await listen(this.server, { port, host });
    this.listeners.add(tcp);
    return tcp;
  }

  /**
   * A Unix socket serving this server, for clients that cannot be handed a
   * stream (node-redis): created on first use, bound before this returns, and
   * not keeping the process alive.
   */
  unixSocketPath(): string {
    if (this.socketPath !== null) return this.socketPath;
    if (this.closed) throw new Error('redmoon: the server is closed');
    const path = join(tmpdir(), `redmoon-${process.pid}-${nextSocketId++}.sock`);
    rmSync(path, { force: true });
    const pending = listen(this.server, { path, unref: true });
    this.pendingListeners.push(pending);
    pending.then((l) => this.listeners.add(l), () => {});
    this.socketPath = path;
    return path;
  }

  /** Subscribe to the replication stream (what replicas and the AOF receive). */
  onPropagate(fn: (p: Propagated) => void): () => void {
    return this.server.onPropagate(fn);
  }

  snapshot(): Snapshot {
    return takeSnapshot(this.server);
  }

  /** Load a snapshot (replacing keys of the same names; other keys stay). */
  load(snapshot: Snapshot): void {
    loadSnapshot(this.server, snapshot);
  }

  /** FLUSHALL. */
  flushall(): void {
    this.callSync('FLUSHALL');
  }

  /** Drop every connection, stop listening and stop the timers. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.sockets) s.destroy();
    await Promise.allSettled(this.pendingListeners);
    await Promise.all([...this.listeners].map((l) => l.close()));
    this.session.end.destroy();
    this.server.stopTimers();
  }
}

/** An in-process Redis 7.0.15. */
export function createRedis(opts: CreateRedisOptions = {}): Redis {
  return new Redis(opts);
}
