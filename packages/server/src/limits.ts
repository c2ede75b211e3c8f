// The connection limits of redis-server 7.0.15 (networking.c): maxclients and
// protected mode when a connection is accepted, client-query-buffer-limit on
// every read, client-output-buffer-limit as replies are added.
import { findParam, type Client, type OutputBufferLimit, type RedisServer } from '@redmoon/core';
import { scriptingFor } from '@redmoon/lua';

/** acceptCommonHandler's reply to a connection beyond maxclients, written before closing it. */
export const MAX_CLIENTS_REACHED = '-ERR max number of clients reached\r\n';

/** clientAcceptHandler's reply to a non-loopback client in protected mode (copied from redis-server 7.0.15). */
export const PROTECTED_MODE_DENIED = '-DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. In this mode connections are only accepted from the loopback interface. If you want to connect from external computers to Redis you may adopt one of the following solutions: 1) Just disable protected mode sending the command \'CONFIG SET protected-mode no\' from the loopback interface by connecting to Redis from the same host the server is running, however MAKE SURE Redis is not publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change permanent. 2) Alternatively you can just disable the protected mode by editing the Redis configuration file, and setting the protected mode option to \'no\', and then restarting the server. 3) If you started the server manually just for testing, restart it with the \'--protected-mode no\' option. 4) Setup a an authentication password for the default user. NOTE: You only need to do one of the above things in order for the server to start accepting connections from the outside.\r\n';

/** A parameter kept as its CONFIG GET text (no typed Config field). */
function configText(redis: RedisServer, name: string): string {
  return findParam(name)!.get(redis.config);
}

/**
 * connIsLocal: a loopback peer, or one without an IP address (a Unix socket or
 * an in-memory duplex). Node shows IPv4 peers of a dual-stack listener as
 * IPv4-mapped IPv6 addresses.
 */
export function isLocalPeer(ip: string | undefined): boolean {
  if (ip === undefined || ip === '') return true;
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return v4.startsWith('127.') || v4 === '::1';
}

/**
 * What a new connection gets instead of a session, in Redis's order: the
 * maxclients check (acceptCommonHandler), then protected mode, which applies
 * while no password is set (clientAcceptHandler). null accepts it. Either
 * refusal counts in INFO's rejected_connections and not as a connection.
 */
export function refuseConnection(redis: RedisServer, connected: number, remoteIp: string | undefined): string | null {
  let refusal: string | null = null;
  if (connected >= redis.config.maxclients) refusal = MAX_CLIENTS_REACHED;
  else if (configText(redis, 'protected-mode') === 'yes' && !redis.requiresAuth() && !isLocalPeer(remoteIp)) {
    refusal = PROTECTED_MODE_DENIED;
  }
  if (refusal !== null) redis.stats.rejectedConnections++;
  return refusal;
}

/** The smallest client-query-buffer-limit CONFIG SET accepts: input below it needs no check. */
const MIN_QUERY_BUFFER_LIMIT = 1024 * 1024;

/**
 * readQueryFromClient: a client whose unparsed input exceeds
 * client-query-buffer-limit is closed, without a reply (Redis logs "Closing
 * client that reached max query buffer length").
 */
export function queryBufferExceeded(redis: RedisServer, pending: number): boolean {
  return pending > MIN_QUERY_BUFFER_LIMIT && pending > Number(configText(redis, 'client-query-buffer-limit'));
}

/**
 * The static reply buffer of a Redis client (PROTO_REPLY_CHUNK_BYTES): the
 * first 16KB of pending output sit there and do not count against
 * client-output-buffer-limit, which measures the reply list only.
 */
const STATIC_REPLY_BUFFER = 16 * 1024;

/**
 * checkClientOutputBufferLimits for one client: the limit of its class
 * (pubsub while subscribed, else normal; redmoon has no replicas), a hard
 * limit that closes at once, and a soft limit that closes a client which has
 * stayed over it for more than its seconds (measured when replies are added,
 * as Redis does, in whole seconds of the server clock).
 */
export class OutputBufferGuard {
  /** When the client went over its soft limit (ms), or 0 while it is under it. */
  private softSince = 0;

  constructor(private readonly client: Client) {}

  /** Whether a client with `pending` bytes of unsent output must be closed now. */
  exceeded(pending: number): boolean {
    if (pending <= STATIC_REPLY_BUFFER) {
      this.softSince = 0;
      return false;
    }
    const c = this.client;
    const limits = c.server.config.clientOutputBufferLimit;
    const limit: OutputBufferLimit = c.subscriptions.active ? limits.pubsub : limits.normal;
    const used = pending - STATIC_REPLY_BUFFER;
    if (limit.hard !== 0 && used >= limit.hard) return true;
    if (limit.soft === 0 || used < limit.soft) {
      this.softSince = 0;
      return false;
    }
    const now = c.server.clock.now();
    if (this.softSince === 0) {
      this.softSince = now;
      return false;
    }
    return Math.floor(now / 1000) - Math.floor(this.softSince / 1000) > limit.softSeconds;
  }
}

/**
 * The Lua memory limit's probe in Node: the V8 heap plus array buffers (fengari's
 * strings are Uint8Arrays, mostly outside the heap).
 */
function nodeMemoryProbe(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * The Lua memory limit in a Node host: measured with nodeMemoryProbe, and set
 * by the startup option `--lua-memory-limit <bytes|512mb|...>` (redmoon's own,
 * 0 for none), which the server received among its redis.conf directives.
 */
export function applyNodeLuaLimits(redis: RedisServer): void {
  if (!redis.commands.has('eval')) return;
  const text = redis.config.extra.get('lua-memory-limit');
  const limit = text === undefined ? undefined : parseMemory(text);
  if (limit === null) throw new Error(`invalid lua-memory-limit '${text}'`);
  scriptingFor(redis).limits.configure({ memoryProbe: nodeMemoryProbe, memoryLimitBytes: limit });
}

const MEMORY_UNITS: Record<string, number> = { '': 1, b: 1, k: 1000, kb: 1024, m: 1e6, mb: 1024 ** 2, g: 1e9, gb: 1024 ** 3 };

/** A byte count with Redis's memory units (1gb, 512mb, 100000), or null. */
export function parseMemory(text: string): number | null {
  const m = /^(\d+)([a-z]*)$/i.exec(text);
  const unit = m === null ? undefined : MEMORY_UNITS[m[2].toLowerCase()];
  return unit === undefined ? null : Number(m![1]) * unit;
}
