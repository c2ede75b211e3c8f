// Test helpers that work with any runner (no vitest or jest import here):
// a fresh server per test, clients connected to it, and assertions on keys,
// TTLs and the propagation stream (what replicas and the AOF would receive).
//
//   // Jest or Vitest, with their own hooks:
//   const redis = withTestRedis(beforeEach, afterEach);
//   test('...', async () => { const io = redis().ioredis(); ...; redis().assertKey('k', 'v'); });
//
// redmoon/vitest wraps the same thing as a fixture: test('...', async ({ redis }) => ...).
import { AssertionError, deepStrictEqual } from 'node:assert';
import type { RedisOptions } from 'ioredis';
import type { Client } from '@redmoon/core';
import { type Arg, toBytes } from './args.ts';
import RedmoonIORedis from './ioredis.ts';
import { type RedisClientType, createClient as createNodeRedisClient } from './node-redis.ts';
import { type CreateRedisOptions, type Redis, createRedis } from './redis.ts';
import { type JsReply, RedisReplyError, replyToJs } from './reply-js.ts';

/** A key's value as the assertions compare it. */
export type KeyValue =
  | string
  | string[]
  | Record<string, string>
  | [string, number][]
  | null;

export interface Propagation {
  db: number;
  argv: string[];
}

/** One test's server, clients and assertions. */
export class TestRedis {
  readonly redis: Redis;
  /** Every command propagated since the server was created, argv decoded as UTF-8. */
  readonly propagated: Propagation[] = [];
  private readonly cleanups: (() => unknown)[] = [];
  private reader: Client | null = null;

  constructor(opts: CreateRedisOptions = {}) {
    this.redis = createRedis(opts);
    this.redis.onPropagate((p) => {
      this.propagated.push({ db: p.db, argv: p.argv.map((a) => Buffer.from(a, 'latin1').toString('utf8')) });
    });
  }

  /** callSync on the server. */
  cmd(...args: Arg[]): JsReply {
    return this.redis.callSync(...args);
  }

  /** A redmoon/ioredis client of this server, disconnected at cleanup. */
  ioredis(opts: RedisOptions = {}): RedmoonIORedis {
    const c = new RedmoonIORedis({ ...opts, redmoon: this.redis });
    this.cleanups.push(() => c.disconnect());
    return c;
  }

  /** A redmoon/node-redis client of this server (not yet connected), destroyed at cleanup. */
  nodeRedis(): RedisClientType<{}, {}, {}, 2, {}> {
    const c = createNodeRedisClient({ redmoon: this.redis });
    this.cleanups.push(() => { if (c.isOpen) c.destroy(); });
    return c;
  }

  /** The key's value: string, list (array), set (sorted array), hash (object), zset ([member, score] pairs), or null. */
  value(key: string, db = 0): KeyValue {
    const read = (...argv: string[]): JsReply => this.read(db, argv);
    const type = read('TYPE', key);
    switch (type) {
      case 'none': return null;
      case 'string': return read('GET', key) as string;
      case 'list': return read('LRANGE', key, '0', '-1') as string[];
      case 'set': return (read('SMEMBERS', key) as string[]).sort();
      case 'hash': return Object.fromEntries(pairs(read('HGETALL', key) as string[]));
      case 'zset': return pairs(read('ZRANGE', key, '0', '-1', 'WITHSCORES') as string[]).map(([m, sc]): [string, number] => [m, Number(sc)]);
      default: throw new Error(`redmoon testing: value() does not read keys of type ${String(type)}`);
    }
  }

  /** A command on the helpers' own session (RESP2), in database db. */
  private read(db: number, argv: string[]): JsReply {
    const server = this.redis.server;
    const c = (this.reader ??= server.createClient());
    if (c.db.id !== db) server.execute(c, ['SELECT', String(db)]);
    const v = replyToJs(server.execute(c, argv.map((a) => toBytes(a))), 2, 'string');
    if (v instanceof RedisReplyError) throw v;
    return v;
  }

  /** The key's remaining time to live in ms (database 0); null for a key without expiry; undefined for a missing key. */
  ttl(key: string): number | null | undefined {
    const t = this.read(0, ['PTTL', key]) as number;
    return t === -2 ? undefined : t === -1 ? null : t;
  }

  /** Sorted key names matching a glob pattern (database 0). */
  keys(pattern = '*'): string[] {
    return (this.read(0, ['KEYS', pattern]) as string[]).sort();
  }

  assertKey(key: string, expected: KeyValue): void {
    deepStrictEqual(this.value(key), expected, `value of key ${JSON.stringify(key)}`);
  }

  assertNoKey(key: string): void {
    const v = this.value(key);
    if (v !== null) throw new AssertionError({ message: `expected no key ${JSON.stringify(key)}`, actual: v, expected: null });
  }

  /** The TTL is `ms` (frozen clock) or within `toleranceMs` below it (running clock). */
  assertTtl(key: string, ms: number | null, toleranceMs = 0): void {
    const t = this.ttl(key);
    const ok = ms === null ? t === null : typeof t === 'number' && t <= ms && t >= ms - toleranceMs;
    if (!ok) throw new AssertionError({ message: `TTL of key ${JSON.stringify(key)}`, actual: t, expected: ms });
  }

  /** The propagated commands (argv only) since the start or the last clearPropagated(). */
  propagatedCommands(): string[][] {
    return this.propagated.map((p) => p.argv);
  }

  assertPropagated(expected: string[][]): void {
    deepStrictEqual(this.propagatedCommands(), expected, 'propagated commands');
  }

  clearPropagated(): void {
    this.propagated.length = 0;
  }

  /** Disconnect the clients and close the server. */
  async cleanup(): Promise<void> {
    for (const fn of this.cleanups.splice(0).reverse()) await fn();
    await this.redis.close();
  }
}

function pairs(flat: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}

type Hook = (fn: () => unknown) => unknown;

/**
 * A fresh TestRedis for every test, with the runner's own hooks (Jest's or
 * Vitest's beforeEach/afterEach). Returns the accessor for the current one.
 */
export function withTestRedis(beforeEach: Hook, afterEach: Hook, opts: CreateRedisOptions = {}): () => TestRedis {
  let current: TestRedis | null = null;
  beforeEach(() => { current = new TestRedis(opts); });
  afterEach(async () => {
    const t = current;
    current = null;
    await t?.cleanup();
  });
  return () => {
    if (current === null) throw new Error('redmoon testing: no test is running');
    return current;
  };
}
