// Real node-redis (v5) through redmoon/node-redis.
import { afterEach, describe, expect, test } from 'vitest';
import { createRedis } from '../../packages/redmoon/src/index.ts';
import {
  type CommandParser, RESP_TYPES, createClient, defineScript, redmoonOf, resetSharedServers,
} from '../../packages/redmoon/src/node-redis.ts';

const open: { destroy(): void; isOpen: boolean }[] = [];
async function connected<T extends { connect(): Promise<unknown>; destroy(): void; isOpen: boolean }>(c: T): Promise<T> {
  open.push(c);
  await c.connect();
  return c;
}

afterEach(async () => {
  for (const c of open.splice(0)) if (c.isOpen) c.destroy();
  await resetSharedServers();
});

const incrBy = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: "return redis.call('INCRBY', KEYS[1], ARGV[1])",
  parseCommand(parser: CommandParser, key: string, by: number) {
    parser.pushKey(key);
    parser.push(String(by));
  },
  transformReply: (reply: number) => reply,
});

describe('redmoon/node-redis', () => {
  test('commands, and clients of one address share a server', async () => {
    const a = await connected(createClient());
    const b = await connected(createClient({ url: 'redis://localhost:6379' }));
    const other = await connected(createClient({ socket: { port: 6390 } }));
    expect(await a.set('k', 'héllo')).toBe('OK');
    expect(await b.get('k')).toBe('héllo');
    expect(await other.get('k')).toBeNull();
    expect(redmoonOf(a)).toBe(redmoonOf(b));
  });

  test('pipelines', async () => {
    const c = await connected(createClient({ redmoon: 'isolated' }));
    expect(await c.multi().set('a', '1').incr('a').get('a').execAsPipeline()).toEqual(['OK', 2, '2']);
  });

  test('MULTI/EXEC', async () => {
    const c = await connected(createClient({ redmoon: 'isolated' }));
    expect(await c.multi().set('a', '2').incr('a').incr('a').exec()).toEqual(['OK', 3, 4]);
  });

  test('defineScript: EVALSHA, then EVAL after SCRIPT FLUSH', async () => {
    const c = await connected(createClient({ redmoon: 'isolated', scripts: { incrBy } }));
    expect(await c.incrBy('n', 2)).toBe(2);
    await c.scriptFlush();
    expect(await c.incrBy('n', 3)).toBe(5);
  });

  test('pub/sub', async () => {
    const pub = await connected(createClient({ redmoon: 'isolated' }));
    const sub = await connected(pub.duplicate());
    const got = new Promise<string>((resolve) => { void sub.subscribe('ch', (msg) => resolve(msg)); });
    await new Promise((r) => setTimeout(r, 10));
    expect(await pub.publish('ch', 'hi')).toBe(1);
    expect(await got).toBe('hi');
  });

  test('RESP3 and binary values', async () => {
    const server = createRedis();
    const c = await connected(createClient({ redmoon: server, RESP: 3 }));
    await c.hSet('h', { f: 'v' });
    expect(await c.hGetAll('h')).toEqual({ f: 'v' });
    await c.zAdd('z', { score: 1.5, value: 'm' });
    expect(await c.zScore('z', 'm')).toBe(1.5);
    const bytes = Buffer.from([0xff, 0, 1, 13, 10]);
    await c.set('bin', bytes);
    expect(await c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).get('bin')).toEqual(bytes);
    expect(server.callSyncBuffer('GET', 'bin')).toEqual(bytes);
    await server.close();
  });
});
