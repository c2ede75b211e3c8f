// redmoon/ioredis: real ioredis, connected to an in-process redmoon server
// through an in-memory RESP stream instead of a socket (ioredis's `Connector`
// option supplies the stream). Everything else is ioredis's own code:
// pipelines, MULTI, defineCommand, scanStream, pub/sub, duplicate().
//
//   vi.mock('ioredis', () => import('redmoon/ioredis'));      // Vitest
//   jest.mock('ioredis', () => require('redmoon/ioredis'));   // Jest
//
// Instances with the same host and port (default 127.0.0.1:6379; "localhost"
// counts as 127.0.0.1) share one server, as they would share a real one. The
// `redmoon` option picks another: a server from createRedis(), or 'isolated'
// for a fresh one (shared with this client's duplicate()s).
import type { Socket } from 'node:net';
import IORedis, { AbstractConnector, type RedisOptions } from 'ioredis';
import { Redis, createRedis } from './redis.ts';

export interface RedmoonIORedisOptions extends RedisOptions {
  /** The server to talk to: a createRedis() instance, or 'isolated' for a new one. Default: shared by host:port. */
  redmoon?: Redis | 'isolated';
}

const shared = new Map<string, Redis>();

function addressKey(opts: { host?: string; port?: number; path?: string }): string {
  if (opts.path) return `unix:${opts.path}`;
  const host = opts.host === undefined || opts.host === 'localhost' ? '127.0.0.1' : opts.host;
  return `${host}:${opts.port ?? 6379}`;
}

/** The server that clients of this address share (created on first use). */
export function serverFor(address: { host?: string; port?: number; path?: string } = {}): Redis {
  const key = addressKey(address);
  let r = shared.get(key);
  if (r === undefined) {
    r = createRedis();
    shared.set(key, r);
  }
  return r;
}

/** Close every shared server (their clients are disconnected); the next client starts afresh. */
export async function resetSharedServers(): Promise<void> {
  const all = [...shared.values()];
  shared.clear();
  await Promise.all(all.map((r) => r.close()));
}

interface ConnectorOptions {
  redmoon?: Redis;
  host?: string;
  port?: number;
  path?: string;
  disconnectTimeout?: number;
}

/** Hands ioredis an in-memory stream to the chosen server on every (re)connect. */
class InMemoryConnector extends AbstractConnector {
  private readonly redis: Redis;

  constructor(options: unknown) {
    const opts = options as ConnectorOptions;
    super(opts.disconnectTimeout ?? 2000);
    this.redis = opts.redmoon ?? serverFor(opts);
  }

  connect(): Promise<Socket> {
    this.connecting = true;
    // Resolved on the next tick, as ioredis's StandaloneConnector does.
    return new Promise((resolve, reject) => {
      process.nextTick(() => {
        if (!this.connecting) {
          reject(new Error('Connection is closed.'));
          return;
        }
        try {
          // ioredis types its stream as net.Socket; the in-memory socket has every member ioredis uses.
          const stream = this.redis.connect() as unknown as Socket;
          this.stream = stream;
          resolve(stream);
        } catch (e) {
          reject(e as Error);
        }
      });
    });
  }
}

type Ctor =
  | []
  | [number | string | RedmoonIORedisOptions]
  | [number, string | RedmoonIORedisOptions]
  | [string, RedmoonIORedisOptions]
  | [number, string, RedmoonIORedisOptions];

/** Our options appended to the caller's arguments (ioredis merges every object argument). */
function withConnector(args: Ctor): Ctor {
  const given = (args as unknown[]).find((a): a is RedmoonIORedisOptions => typeof a === 'object' && a !== null);
  const extra: RedmoonIORedisOptions = { Connector: InMemoryConnector };
  if (given?.redmoon === 'isolated') extra.redmoon = createRedis();
  const out = (args as unknown[]).map((a) => (a === given ? { ...given, ...extra } : a)) as Ctor;
  return given === undefined ? ([...args, extra] as Ctor) : out;
}

/** ioredis's Redis, talking to redmoon. */
export class RedmoonIORedis extends IORedis {
  constructor(...args: Ctor) {
    super(...(withConnector(args) as [RedisOptions]));
  }

  /** Same server, same options (ioredis's duplicate() would build a plain ioredis instance). */
  override duplicate(override?: Partial<RedmoonIORedisOptions>): RedmoonIORedis {
    return new RedmoonIORedis({ ...(this.options as RedmoonIORedisOptions), ...override });
  }

  /** The redmoon server behind this client (time control, snapshots, onPropagate). */
  get redmoon(): Redis {
    const opts = this.options as ConnectorOptions;
    return opts.redmoon ?? serverFor(opts);
  }
}

export { RedmoonIORedis as Redis, RedmoonIORedis as default };
export { Cluster, Command, ScanStream, Pipeline, AbstractConnector, ReplyError, type RedisOptions } from 'ioredis';
