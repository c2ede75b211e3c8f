// The servers that drop-in clients share by address: every ioredis or node-redis
// client pointed at the same host and port (default 127.0.0.1:6379; "localhost"
// counts as 127.0.0.1) talks to the same in-process server, as it would talk to
// the same real one.
import { type Redis, createRedis } from './redis.ts';

export interface ServerAddress {
  host?: string;
  port?: number;
  path?: string;
}

const shared = new Map<string, Redis>();

function addressKey(a: ServerAddress): string {
  if (a.path) return `unix:${a.path}`;
  const host = a.host === undefined || a.host === 'localhost' ? '127.0.0.1' : a.host;
  return `${host}:${a.port ?? 6379}`;
}

/** The server that clients of this address share (created on first use). */
export function serverFor(address: ServerAddress = {}): Redis {
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
