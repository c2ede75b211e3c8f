// The in-process Redis server: databases, clients, the command dispatch with
// every generic check (DESIGN.md decision 3), propagation and the cron.
import { AclState } from './acl-state.ts';
import { BLOCKED, Blocking } from './blocking.ts';
import { Client } from './client.ts';
import { type Clock, ControlledClock } from './clock.ts';
import { ALL_HANDLERS } from './commands/index.ts';
import { defaultHostFacts, type HostFacts } from './commands/info.ts';
import { allowProtectedAction, type Config, defaultConfig, findParam } from './config.ts';
import { Db } from './db.ts';
import { CommandError, E } from './errors.ts';
import { Evictor } from './evict.ts';
import { discardTransaction, WatchRegistry } from './multi.ts';
import { N } from './notify.ts';
import { PubSub } from './pubsub.ts';
import { commandKeys } from './table/keys.ts';
import { Tracking } from './tracking.ts';
import { type Reply, error, QUEUED } from './reply.ts';
import { buildCommandTable, type CommandEntry, F, type Handler } from './table/table.ts';
import { Errno, useErrno } from './util/errno.ts';
import { asciiLower } from './util/parse.ts';

export const DB_COUNT = 16;

/** One propagated command: what Redis 7.0 sends to replicas and the AOF. */
export interface Propagated {
  db: number;
  argv: string[];
}

export interface ServerOptions {
  clock?: Clock;
  /** redis.conf-style parameters, e.g. { requirepass: 'x', hz: '100' }. */
  config?: Record<string, string>;
  /** Random source in [0,1) for RANDOMKEY and friends (default Math.random). */
  random?: () => number;
  /** Extra command handlers from other packages (the Lua package's EVAL/SCRIPT/FUNCTION). */
  handlers?: Record<string, Handler>;
}

export interface Stats {
  totalCommandsProcessed: number;
  totalConnectionsReceived: number;
  keyspaceHits: number;
  keyspaceMisses: number;
  expiredKeys: number;
  evictedKeys: number;
  rejectedCalls: number;
  /** Connections refused by maxclients or protected mode (a transport counts them). */
  rejectedConnections: number;
  errorReplies: Map<string, number>;
}

const newStats = (): Stats => ({
  totalCommandsProcessed: 0,
  totalConnectionsReceived: 0,
  keyspaceHits: 0,
  keyspaceMisses: 0,
  expiredKeys: 0,
  evictedKeys: 0,
  rejectedCalls: 0,
  rejectedConnections: 0,
  errorReplies: new Map(),
});

// Redis's ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP and ACCEPTABLE_STALE (percent).
const EXPIRE_KEYS_PER_LOOP = 20;
const EXPIRE_ACCEPTABLE_STALE = 10;

/** INFO's scripting and functions fields, from the Lua package. */
export interface ScriptingInfo {
  numberOfCachedScripts: number;
  usedMemoryScriptsEval: number;
  usedMemoryLua: number;
  /** Set once Redis Functions are installed. */
  functions?: { count: number; libraries: number; memory: number; vmMemory: number };
}

export class RedisServer {
  readonly clock: Clock;
  readonly config: Config = defaultConfig();
  readonly dbs: Db[] = [];
  readonly commands: Map<string, CommandEntry>;
  readonly clients = new Map<number, Client>();
  readonly stats: Stats = newStats();
  /** Users, the ACL LOG and the ACL file storage (acl-state.ts). */
  readonly acl: AclState = new AclState(this);
  readonly random: () => number;
  readonly startTime: number;
  /**
   * The coarse clock for LRU stamps and client idle times, refreshed by the cron
   * (Redis's server.lruclock has the same 1/hz resolution).
   */
  lruClock = 0;
  /**
   * Access times of the shared integer objects 0..9999 (createSharedObjects): every
   * key holding such a value touches, and OBJECT IDLETIME reads, this one stamp.
   */
  readonly sharedIntLru = new Float64Array(10000);
  private cmdTimeCache = 0;
  private cmdTimeValid = false;
  /** Lookup map: canonical names plus their uppercase spellings (the common case). */
  private lookup = new Map<string, CommandEntry>();
  /** Number of changes since the last save (Redis's server.dirty). */
  dirty = 0;
  /** This server's C errno, as far as replies depend on it (util/errno.ts). */
  readonly errno = new Errno();
  lastSave: number;
  /** True on a replica: keys are not expired locally. */
  isReplica = false;
  private nextClientId = 1;
  private propagateListeners: ((p: Propagated) => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Nesting depth of execute(): only the outermost call refreshes cmdTime. */
  private depth = 0;
  /** Who WATCHes which key (multi.ts); signalModifiedKey and the flushes touch it. */
  readonly watches = new WatchRegistry();
  /** Hook for other watchers of key modifications (client tracking); called on every one. */
  onKeyModified: ((db: Db, key: string) => void) | null = null;
  /** Channels, patterns and their subscribers. */
  readonly pubsub = new PubSub();
  /** Client-side caching: tracked keys and invalidation messages (CLIENT TRACKING). */
  readonly tracking = new Tracking(this.clients);
  /** The client whose top-level command is running (Redis's server.current_client), null between commands. */
  currentClient: Client | null = null;
  /**
   * Set by a transport: runs fn once the current event-loop turn is done, as
   * Redis's beforeSleep runs after every client's input of one turn (BCAST
   * invalidations are batched so). Without it they go out after each command.
   */
  deferToBeforeSleep: ((fn: () => void) => void) | null = null;
  private beforeSleepQueued = false;
  /** The client of the innermost running command (a script's own client inside a script). */
  private executingClient: Client | null = null;
  /** Blocked clients, ready keys and CLIENT PAUSE (blocking.ts). */
  readonly blocking: Blocking = new Blocking(this);
  /** Hook for pub/sub; keyspace notifications publish through it. */
  publish: ((channel: string, message: string) => number) | null = (channel, message) => this.pubsub.publish(channel, message);
  /** Facts about the hosting process for INFO (os, process_id, ...): a transport or host sets them. */
  readonly host: HostFacts = defaultHostFacts();
  /**
   * Set by the Lua package while a script runs past busy-reply-threshold (its
   * transport serves other clients between slices): the BUSY error for client
   * c, or null for the script's own caller. Redis refuses every command without
   * the allow-busy flag then (processCommand), and does no active expiry.
   */
  busyScript: ((c: Client) => string | null) | null = null;
  /** INFO's scripting fields, provided by the Lua package when it is installed. */
  scriptingInfo: (() => ScriptingInfo) | null = null;
  /**
   * Set by the Lua package: the flags EVAL/EVALSHA/FCALL(_RO) take from their
   * script's shebang or function flags (evalGetCommandFlags: WRITE, DENYOOM unless
   * allow-oom or no-writes), or null for any other command.
   */
  scriptCommandFlags: ((cmd: CommandEntry, argv: readonly string[]) => number | null) | null = null;
  /** maxmemory eviction (evict.ts). */
  readonly evictor: Evictor = new Evictor(this);
  /**
   * Redis's pre_command_oom_state: the top-level command started while memory was
   * over maxmemory and nothing could be evicted. A script without allow-oom may not
   * run its first denyoom command then (scriptVerifyOOM).
   */
  preCommandOom = false;

  constructor(opts: ServerOptions = {}) {
    this.clock = opts.clock ?? new ControlledClock();
    this.random = opts.random ?? Math.random;
    this.commands = buildCommandTable({ ...ALL_HANDLERS, ...opts.handlers });
    for (const [name, e] of this.commands) {
      this.lookup.set(name, e);
      this.lookup.set(name.toUpperCase(), e);
    }
    for (const [k, v] of Object.entries(opts.config ?? {})) this.setConfig(k, v);
    // `databases` is immutable: only a startup option changes the count (DB_COUNT by default).
    for (let i = 0; i < this.config.databases; i++) this.dbs.push(new Db(i));
    this.startTime = this.clock.now();
    this.lastSave = Math.floor(this.startTime / 1000);
    this.lruClock = this.startTime;
    this.sharedIntLru.fill(this.startTime);
    if (this.clock instanceof ControlledClock) this.clock.onChange(() => this.cron());
  }

  /**
   * The time of the command being executed, in ms. Redis caches it so that one
   * command (or script) sees one "now"; it is read from the clock lazily, on the
   * first use within each top-level command.
   */
  get cmdTime(): number {
    if (!this.cmdTimeValid) {
      this.cmdTimeCache = this.clock.now();
      this.cmdTimeValid = true;
    }
    return this.cmdTimeCache;
  }

  /** Apply one parameter as redis.conf/--flag would; throws on a bad value. */
  setConfig(name: string, value: string): void {
    const p = findParam(name);
    if (!p) {
      this.config.extra.set(name.toLowerCase(), value);
      return;
    }
    const err = p.set(this.config, value);
    if (err) throw new Error(`Bad directive or wrong number of arguments: ${name} ${value}: ${err}`);
    if (p.name === 'requirepass') this.acl.updateDefaultPassword(this.config.requirepass);
  }

  /** authRequired: the default user has a password or is off (so new connections must AUTH). */
  requiresAuth(): boolean {
    return this.acl.defaultRequiresAuth();
  }

  createClient(): Client {
    const c = new Client(this, this.nextClientId++, this.dbs[0], this.clock.now());
    this.clients.set(c.id, c);
    this.stats.totalConnectionsReceived++;
    this.errno.erange = false; // Redis's accept loop ends on EAGAIN
    return c;
  }

  removeClient(c: Client): void {
    this.clients.delete(c.id);
    discardTransaction(c);
    this.blocking.removeClient(c);
    this.pubsub.unsubscribeAll(c);
    this.tracking.disable(c);
  }

  /** Subscribe to the propagation stream; returns an unsubscribe function. */
  onPropagate(fn: (p: Propagated) => void): () => void {
    this.propagateListeners.push(fn);
    return () => { this.propagateListeners = this.propagateListeners.filter((l) => l !== fn); };
  }

  /**
   * Redis's server.also_propagate: what the current top-level command has
   * propagated so far (its own write, a lazily expired key's DEL, a script's
   * writes...). When the outermost call() returns, two or more are sent wrapped
   * in MULTI/EXEC, one is sent bare (server.c propagatePendingCommands).
   * set_repl(REPL_NONE) truncates it to drop a command's effects.
   */
  readonly pendingPropagation: Propagated[] = [];

  /**
   * Propagate one command: inside a command it joins pendingPropagation; outside
   * (active expiry from the cron) it is sent at once.
   */
  propagate(db: number, argv: string[]): void {
    if (this.depth > 0) {
      this.pendingPropagation.push({ db, argv });
      return;
    }
    for (const l of this.propagateListeners) l({ db, argv });
  }

  /** propagatePendingCommands: send what the finished top-level command collected. */
  private flushPropagation(): void {
    const ops = this.pendingPropagation.splice(0);
    if (this.propagateListeners.length === 0) return;
    const emit = (p: Propagated): void => { for (const l of this.propagateListeners) l(p); };
    // MULTI takes the first op's db (so SELECT precedes it), EXEC the last one's.
    const wrap = ops.length > 1;
    if (wrap) emit({ db: ops[0].db, argv: ['MULTI'] });
    for (const op of ops) emit(op);
    if (wrap) emit({ db: ops[ops.length - 1].db, argv: ['EXEC'] });
  }

  /** Whether anyone listens to the propagation stream (so collecting it is worth it). */
  get propagating(): boolean {
    return this.propagateListeners.length !== 0;
  }

  /** The top-level command named `name` in any letter case (no subcommand resolution), or undefined. */
  lookupCommand(name: string): CommandEntry | undefined {
    return this.lookup.get(name) ?? this.commands.get(asciiLower(name));
  }

  /**
   * Execute one command for a client and return its reply. This is the whole of
   * Redis's processCommand + call(): lookup, generic checks, handler, propagation.
   */
  execute(c: Client, argv: string[]): Reply {
    // While a timed-out script is suspended between slices, every command (its
    // own resumption included) keeps the script's start time: Redis checks expiry
    // against scriptTimeSnapshot() for as long as a script runs.
    if (this.depth === 0 && this.busyScript === null) this.cmdTimeValid = false;
    c.lastInteraction = this.lruClock;
    if (argv.length === 0) return error(E.UNKNOWN_COMMAND('', ''));
    const name = argv[0];
    let cmd = this.lookupCommand(name);
    if (cmd === undefined) return this.reject(c, unknownCommand(argv));
    if (cmd.subcommands.size !== 0 && argv.length >= 2) {
      const sub = cmd.subcommands.get(asciiLower(argv[1]));
      if (sub === undefined) {
        return this.reject(c, E.UNKNOWN_SUBCOMMAND(sanitize(argv[1].slice(0, 128)), name.replace(/[a-z]+/g, (m) => m.toUpperCase())));
      }
      cmd = sub;
    }
    const arity = cmd.arity;
    if ((arity > 0 && arity !== argv.length) || argv.length < -arity || cmd.handler === null) {
      // A container called without its subcommand has no handler: Redis reports arity.
      return this.reject(c, E.WRONG_ARITY(cmd.fullname), cmd);
    }
    // Protected commands (DEBUG) are refused before authentication, as processCommand does.
    if ((cmd.flags & F.PROTECTED) && !allowProtectedAction(this.config.enableDebugCommand, c.addr)) {
      return this.reject(c, E.DEBUG_NOT_ALLOWED, cmd);
    }
    if (!c.authenticated && !(cmd.flags & F.NO_AUTH) && this.requiresAuth()) return this.reject(c, E.NOAUTH, cmd);
    if (c.multi !== null && (cmd.flags & F.NO_MULTI)) return this.reject(c, E.NOT_ALLOWED_IN_MULTI, cmd);
    // ACLCheckAllPerm: the user's command, key and channel permissions (a refusal is logged in ACL LOG).
    const denied = this.acl.refusal(c, cmd, argv);
    if (denied !== null) return this.reject(c, denied, cmd);
    if (this.config.maxmemory !== 0 && this.depth === 0 && this.busyScript === null) {
      const refused = this.refuseOnOom(c, cmd, argv);
      if (refused !== null) return refused;
    }
    // Under RESP2 a subscribed client only reads pushes: Redis allows it nothing
    // that would interleave an ordinary reply (RESP3 tells them apart).
    if (c.resp === 2 && c.subscriptions.active && !PUBSUB_CONTEXT_COMMANDS.has(cmd.fullname)) {
      c.lastCmd = cmd;
      return this.reject(c, E.PUBSUB_CONTEXT(cmd.fullname), cmd);
    }
    if (this.busyScript !== null && !(cmd.flags & F.ALLOW_BUSY)) {
      const busy = this.busyScript(c);
      if (busy !== null) return this.reject(c, busy, cmd);
    }
    // CLIENT PAUSE holds the command (before MULTI queueing, as processCommand does).
    if (this.blocking.pauseType !== 'off' && this.blocking.mustPostpone(c, cmd)) {
      c.lastInteraction = this.lruClock;
      return this.blocking.postpone(c, argv);
    }
    if (c.multi !== null && !TRANSACTION_CONTROL.has(cmd.fullname)) {
      // A transaction already doomed keeps no more commands (queueMultiCommand), but still answers QUEUED.
      if (!c.multi.dirtyExec && !c.dirtyCas) c.multi.add(cmd, argv);
      c.lastCmd = cmd;
      return QUEUED;
    }
    const reply = this.call(c, cmd, argv);
    // After the whole command (EXEC, script): serve the clients blocked on the keys it readied.
    if (this.depth === 0) this.blocking.afterCommand();
    return reply;
  }

  /**
   * Run a resolved command (Redis's call()): handler, stats and propagation.
   * `body` replaces the handler when a blocked client is served (blocking.ts);
   * a command that blocked (BLOCKED) is counted once it ends.
   */
  call(c: Client, cmd: CommandEntry, argv: string[], body: Handler = cmd.handler!): Reply {
    useErrno(this.errno);
    const prevArgv = c.argv;
    const prevCmd = c.cmd;
    c.argv = argv;
    c.cmd = cmd;
    c.rewrittenArgv = null;
    c.preventPropagation = false;
    c.forcePropagation = false;
    const dirtyBefore = this.dirty;
    if (this.depth === 0) this.currentClient = c;
    const outerClient = this.executingClient;
    this.executingClient = c;
    this.depth++;
    let reply: Reply;
    try {
      try {
        reply = body(c);
      } catch (e) {
        if (!(e instanceof CommandError)) throw e;
        reply = error(e.reply);
      }
      if (reply !== BLOCKED) {
        cmd.calls++;
        this.stats.totalCommandsProcessed++;
      }
      if (reply.t === 'error') {
        cmd.failedCalls++;
        if (!reply.counted) this.countError(reply.v);
      }
      if ((this.dirty !== dirtyBefore || c.forcePropagation) && !c.preventPropagation && this.propagateListeners.length !== 0) {
        this.propagate(c.db.id, c.rewrittenArgv ?? argv);
      }
      if (this.tracking.clientCount !== 0 && (cmd.flags & F.READONLY) && reply !== BLOCKED) this.trackReadKeys(c, cmd, argv);
    } finally {
      this.depth--;
      this.executingClient = outerClient;
      if (this.depth === 0) {
        if (this.pendingPropagation.length !== 0) this.flushPropagation();
        this.afterTopLevelCommand(c, cmd);
      }
    }
    c.lastCmd = cmd;
    c.argv = prevArgv;
    c.cmd = prevCmd;
    return reply;
  }

  /**
   * processCommand's maxmemory step: performEvictions, then the OOM error for a
   * denyoom command (EXEC when it queued one), or for anything but
   * EXEC/DISCARD/QUIT/RESET queued in MULTI, when memory could not be freed.
   */
  private refuseOnOom(c: Client, cmd: CommandEntry, argv: string[]): Reply | null {
    // isSafeToPerformEvictions: not on a replica ignoring maxmemory, nor while clients are paused.
    const replicaIgnores = this.isReplica && (this.config.extra.get('replica-ignore-maxmemory') ?? 'yes') === 'yes';
    const oom = !replicaIgnores && this.blocking.pauseType === 'off' && !this.evictor.perform();
    this.preCommandOom = oom;
    if (!oom) return null;
    let denyoom = (this.commandFlags(cmd, argv) & F.DENYOOM) !== 0;
    if (cmd.fullname === 'exec' && c.multi !== null) {
      denyoom = c.multi.queue.some((q) => (this.commandFlags(q.cmd, q.argv) & F.DENYOOM) !== 0);
    } else if (c.multi !== null && !OOM_EXEMPT_IN_MULTI.has(cmd.fullname)) {
      denyoom = true;
    }
    return denyoom ? this.reject(c, E.OOM, cmd) : null;
  }

  /** getCommandFlags: the table's flags, or those a script gives EVAL/FCALL. */
  commandFlags(cmd: CommandEntry, argv: readonly string[]): number {
    return (this.scriptCommandFlags !== null ? this.scriptCommandFlags(cmd, argv) : null) ?? cmd.flags;
  }

  /** rejectCommand: an error before the command ran; inside MULTI it dooms the transaction (flagTransaction). */
  /**
   * call()'s trackingRememberKeys: the keys of a read-only command are remembered
   * for its client, or for the script's caller. EVAL_RO/EVALSHA_RO/FCALL_RO only
   * through the commands they run; pub/sub commands never.
   */
  private trackReadKeys(c: Client, cmd: CommandEntry, argv: string[]): void {
    const caller = c.isScript ? this.currentClient : c;
    if (caller === null || caller.tracking === null || caller.tracking.bcast) return;
    if (cmd.flags & F.PUBSUB || READ_ONLY_SCRIPT_COMMANDS.has(cmd.name)) return;
    const refs = commandKeys(cmd, argv);
    if (refs.length !== 0) this.tracking.rememberKeys(caller, refs.map((r) => argv[r.pos]));
  }

  /**
   * afterCommand and resetClient: pending invalidations go out (behind the
   * reply), and CLIENT CACHING lapses after any command but a CLIENT one
   * outside a transaction.
   */
  private afterTopLevelCommand(c: Client, cmd: CommandEntry): void {
    this.tracking.afterCommand(c);
    if (this.tracking.clientCount !== 0 && this.tracking.broadcastPending) {
      if (this.deferToBeforeSleep === null) {
        this.tracking.broadcast(c);
      } else if (!this.beforeSleepQueued) {
        this.beforeSleepQueued = true;
        this.deferToBeforeSleep(() => {
          this.beforeSleepQueued = false;
          this.tracking.broadcast(null);
        });
      }
    }
    this.currentClient = null;
    const st = c.tracking;
    if (st !== null && st.caching && c.multi === null && (cmd.parent ?? cmd).name !== 'client') st.caching = false;
  }

  private reject(c: Client, msg: string, cmd?: CommandEntry): Reply {
    if (c.multi !== null) c.multi.dirtyExec = true;
    if (cmd) cmd.rejectedCalls++;
    if (cmd?.fullname === 'exec') {
      // A rejected EXEC, even outside MULTI, ends the transaction and says why (execCommandAbort).
      discardTransaction(c);
      msg = `EXECABORT Transaction discarded because of: ${msg.startsWith('ERR ') ? msg.slice(4) : msg}`;
    }
    this.stats.rejectedCalls++;
    this.countError(msg);
    return error(msg);
  }

  /** INFO errorstats: the error code is the first word (ERR, WRONGTYPE, ...). */
  countError(msg: string): void {
    const sp = msg.indexOf(' ');
    const code = sp < 0 ? msg : msg.slice(0, sp);
    this.stats.errorReplies.set(code, (this.stats.errorReplies.get(code) ?? 0) + 1);
  }

  /**
   * A key changed: WATCH and client tracking learn it. `modifier` is the client
   * whose command changed it (a script's own client inside a script; null for
   * expiry), which BCAST NOLOOP clients compare themselves with.
   */
  signalModifiedKey(db: Db, key: string, modifier: Client | null = this.executingClient): void {
    db.keyChanged(key);
    this.watches.touch(db, key);
    if (this.tracking.active) this.tracking.invalidateKey(key, this.currentClient, modifier);
    if (this.onKeyModified !== null) this.onKeyModified(db, key);
  }

  /** notifyKeyspaceEvent (notify.c): publish __keyspace@/__keyevent@ messages. */
  notifyKeyspaceEvent(type: number, event: string, key: string, dbid: number): void {
    const flags = this.config.notifyKeyspaceEvents;
    if (flags === 0 || !(flags & type) || this.publish === null) return;
    if (flags & N.KEYSPACE) this.publish(`__keyspace@${dbid}__:${key}`, event);
    if (flags & N.KEYEVENT) this.publish(`__keyevent@${dbid}__:${event}`, key);
  }

  /** Delete an expired key, propagate its DEL and fire the `expired` event. */
  deleteExpiredKey(db: Db, key: string): void {
    db.delete(key);
    this.stats.expiredKeys++;
    this.notifyKeyspaceEvent(N.EXPIRED, 'expired', key, db.id);
    this.signalModifiedKey(db, key, null);
    if (this.propagateListeners.length !== 0) {
      this.propagate(db.id, [this.config.lazyfreeLazyExpire ? 'UNLINK' : 'DEL', key]);
    }
  }

  /**
   * activeExpireCycle: sample keys with a TTL and delete the expired ones, repeating
   * while more than 10% of a sample was stale. The walk uses a persistent cursor over
   * the expires dict, so its cost never depends on keys without a TTL.
   */
  activeExpireCycle(budget = 2000): void {
    if (!this.config.activeExpireEnabled || this.isReplica) return;
    this.cmdTimeCache = this.clock.now();
    this.cmdTimeValid = true;
    const now = this.cmdTimeCache;
    for (const db of this.dbs) {
      let checked = 0;
      for (;;) {
        if (db.expires.size === 0 || checked >= budget) break;
        let sampled = 0;
        let expired = 0;
        const toDelete: string[] = [];
        while (sampled < EXPIRE_KEYS_PER_LOOP && sampled < db.expires.size) {
          db.expireCursor ??= db.expires.entries();
          const next = db.expireCursor.next();
          if (next.done) { db.expireCursor = null; break; }
          sampled++;
          const [key, when] = next.value;
          if (now > when) { toDelete.push(key); expired++; }
        }
        for (const key of toDelete) this.deleteExpiredKey(db, key);
        checked += sampled;
        if (sampled === 0 || expired * 100 <= sampled * EXPIRE_ACCEPTABLE_STALE) break;
      }
    }
  }

  /** serverCron: what runs hz times a second. */
  cron(): void {
    // A timed-out script is still running: Redis's whileBlockedCron expires nothing under it.
    if (this.busyScript !== null) return;
    this.lruClock = this.clock.now();
    // Timeouts of blocked clients and the end of a pause; nothing expires while clients are paused.
    this.blocking.cron();
    if (!this.blocking.checkPause()) {
      this.activeExpireCycle();
      this.blocking.afterCommand(); // a stream expired under an XREADGROUP client releases it
    }
    // beforeSleep: keys expired under BCAST prefixes are broadcast now.
    if (this.tracking.clientCount !== 0) this.tracking.broadcast(null);
  }

  /**
   * Start the cron timer (transports and createRedis call this; tests may not).
   * Each tick is scheduled from the current hz, so CONFIG SET hz applies at once.
   */
  startTimers(): void {
    if (this.timer !== null) return;
    const schedule = (): void => {
      const t = setTimeout(() => {
        this.cron();
        if (this.timer !== null) schedule();
      }, Math.max(1, Math.floor(1000 / Math.max(1, this.config.hz))));
      (t as { unref?: () => void }).unref?.();
      this.timer = t;
    };
    schedule();
  }

  /** Whether startTimers() runs the cron (blocking.ts then arms its deadline timer too). */
  get timersRunning(): boolean {
    return this.timer !== null;
  }

  stopTimers(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Empty every database (FLUSHALL), returning how many keys were removed. */
  flushAll(): number {
    let n = 0;
    for (const db of this.dbs) {
      n += db.size;
      db.clear();
    }
    return n;
  }
}

/** What a client in MULTI may still run while out of memory (processCommand's reject_cmd_on_oom). */
const OOM_EXEMPT_IN_MULTI = new Set(['exec', 'discard', 'quit', 'reset']);

/** What runs at once inside MULTI instead of being queued (processCommand). */
const TRANSACTION_CONTROL = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);

/** Scripts run read-only whose own keys are not tracked (only those of the commands they call). */
const READ_ONLY_SCRIPT_COMMANDS = new Set(['eval_ro', 'evalsha_ro', 'fcall_ro']);

/** What a subscribed RESP2 client may still run (processCommand). */
const PUBSUB_CONTEXT_COMMANDS = new Set([
  'ping', 'subscribe', 'ssubscribe', 'unsubscribe', 'sunsubscribe', 'psubscribe', 'punsubscribe', 'quit', 'reset',
]);

/** rejectCommandFormat: CR/LF in the echoed text become spaces. */
function sanitize(s: string): string {
  return s.replace(/[\r\n]/g, ' ');
}

/** "unknown command 'x', with args beginning with: 'a' 'b' " (server.c processCommand). */
function unknownCommand(argv: string[]): string {
  let args = '';
  for (let i = 1; i < argv.length && args.length < 128; i++) {
    args += `'${argv[i].slice(0, 128 - args.length)}' `;
  }
  return sanitize(E.UNKNOWN_COMMAND(argv[0].slice(0, 128), args));
}
