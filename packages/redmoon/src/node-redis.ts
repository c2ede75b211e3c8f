// redmoon/node-redis: createClient() from the real `redis` package (node-redis
// v5), talking to an in-process redmoon server. node-redis always opens its own
// net socket (it takes no stream), so the server serves it on a private Unix
// socket: the same Connection code as every other transport, no TCP port.
//
//   vi.mock('redis', () => import('redmoon/node-redis'));      // Vitest
//   jest.mock('redis', () => require('redmoon/node-redis'));   // Jest
//
// Everything else `redis` exports (defineScript, RESP_TYPES, types) is re-exported.
// Clients with the same url / host:port share one server (shared.ts); the
// `redmoon` option picks another: a createRedis() instance, or 'isolated'.
import {
  type RedisClientOptions, type RedisClientType, type RedisFunctions, type RedisModules, type RedisScripts, type RespVersions,
  type TypeMapping, createClient as createNodeRedisClient,
} from 'redis';
import { type Redis, createRedis } from './redis.ts';
import { type ServerAddress, resetSharedServers, serverFor } from './shared.ts';

export * from 'redis';
export { resetSharedServers, serverFor };

export type RedmoonNodeRedisOptions<
  M extends RedisModules, F extends RedisFunctions, S extends RedisScripts, RESP extends RespVersions, TYPE_MAPPING extends TypeMapping,
> = RedisClientOptions<M, F, S, RESP, TYPE_MAPPING> & {
  /** The server to talk to: a createRedis() instance, or 'isolated' for a new one. Default: shared by address. */
  redmoon?: Redis | 'isolated';
};

/** The address the options point at, as node-redis reads it (url first, then socket). */
function addressOf(opts: { url?: string; socket?: object }): ServerAddress {
  const socket = (opts.socket ?? {}) as ServerAddress;
  if (opts.url !== undefined) {
    const u = new URL(opts.url);
    return { host: u.hostname || undefined, port: u.port ? Number(u.port) : undefined };
  }
  return { host: socket.host, port: socket.port, path: socket.path };
}

/** The redmoon server a client created by this module talks to. */
const serverOfClient = new WeakMap<object, Redis>();

/** node-redis's createClient, connected to redmoon. */
export function createClient<
  M extends RedisModules = {}, F extends RedisFunctions = {}, S extends RedisScripts = {}, RESP extends RespVersions = 2,
  TYPE_MAPPING extends TypeMapping = {},
>(options?: RedmoonNodeRedisOptions<M, F, S, RESP, TYPE_MAPPING>): RedisClientType<M, F, S, RESP, TYPE_MAPPING> {
  const { redmoon, ...rest } = options ?? {};
  const server = redmoon === 'isolated' ? createRedis() : redmoon ?? serverFor(addressOf(rest));
  // A path wins over host/port in node-redis's socket factory, also when a url sets them.
  const socket = { ...(rest.socket ?? {}), path: server.unixSocketPath() };
  const client = createNodeRedisClient({ ...rest, socket } as RedisClientOptions<M, F, S, RESP, TYPE_MAPPING>);
  serverOfClient.set(client, server);
  return client as unknown as RedisClientType<M, F, S, RESP, TYPE_MAPPING>;
}

/** The redmoon server behind a client from createClient() (time control, snapshots, onPropagate). */
export function redmoonOf(client: object): Redis {
  const r = serverOfClient.get(client);
  if (r === undefined) throw new Error('redmoon: not a client created by redmoon/node-redis');
  return r;
}
