// redmoon/ioredis: real ioredis, connected to an in-process redmoon server
// through an in-memory RESP stream instead of a socket (ioredis's `Connector`
// option supplies the stream). Everything else is ioredis's own code:
// pipelines, MULTI, defineCommand, scanStream, pub/sub, duplicate().
//
//   vi.mock('ioredis', () => import('redmoon/ioredis'));      // Vitest
//   jest.mock('ioredis', () => require('redmoon/ioredis'));   // Jest
//
// Instances with the same host and port share one server (shared.ts). The
// `redmoon` option picks another: a server from createRedis(), or 'isolated'
// for a fresh one (shared with this client's duplicate()s).
import type { Socket } from 'node:net';
import IORedis, { AbstractConnector, type RedisOptions } from 'ioredis';
import { type Redis, createRedis } from './redis.ts';
import { resetSharedServers, serverFor } from './shared.ts';

export { resetSharedServers, serverFor };

export interface RedmoonIORedisOptions extends RedisOptions {
  /** The server to talk to: a createRedis() instance, or 'isolated' for a new one. Default: shared by host:port. */
  redmoon?: Redis | 'isolated';
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
  private readonly opts: ConnectorOptions;

  constructor(options: unknown) {
    const opts = options as ConnectorOptions;
    super(opts.disconnectTimeout ?? 2000);
    this.opts = opts;
  }

  /**
   * The server, looked up at each (re)connect: after resetSharedServers() a
   * client of a shared address reconnects to the new server there, as a client
   * reconnects to a restarted one.
   */
  private get redis(): Redis {
    return this.opts.redmoon ?? serverFor(this.opts);
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
