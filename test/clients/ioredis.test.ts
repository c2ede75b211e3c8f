// Real ioredis through redmoon/ioredis (the in-memory stream): the client
// features that depend on the protocol behaving as a real server's.
import { afterEach, describe, expect, test } from 'vitest';
import { createRedis } from '../../packages/redmoon/src/index.ts';
import Redis, { resetSharedServers } from '../../packages/redmoon/src/ioredis.ts';

const open: Redis[] = [];
function client(...args: ConstructorParameters<typeof Redis>): Redis {
  const c = new Redis(...args);
  open.push(c);
  return c;
}

afterEach(async () => {
  for (const c of open.splice(0)) c.disconnect();
  await resetSharedServers();
});

describe('redmoon/ioredis', () => {
  test('plain commands, binary values and reply transformers', async () => {
    const r = client({ redmoon: 'isolated' });
    expect(await r.set('k', 'héllo')).toBe('OK');
    expect(await r.get('k')).toBe('héllo');
    const bytes = Buffer.from([0, 255, 1, 13, 10, 128]);
    await r.set(Buffer.from([1, 2, 0xff]), bytes);
    expect(await r.getBuffer(Buffer.from([1, 2, 0xff]))).toEqual(bytes);
    await r.hset('h', { a: '1', b: '2' });
    expect(await r.hgetall('h')).toEqual({ a: '1', b: '2' });
    await expect(r.lpush('k', 'x')).rejects.toThrow('WRONGTYPE Operation against a key holding the wrong kind of value');
  });

  test('pipelines keep order and report per-command errors', async () => {
    const r = client({ redmoon: 'isolated' });
    const res = await r.pipeline().set('a', '1').incr('a').lpush('a', 'x').get('a').exec();
    expect(res).toHaveLength(4);
    expect(res![0]).toEqual([null, 'OK']);
    expect(res![1]).toEqual([null, 2]);
    expect((res![2][0] as Error).message).toBe('WRONGTYPE Operation against a key holding the wrong kind of value');
    expect(res![3]).toEqual([null, '2']);
  });

  test('MULTI/EXEC transactions', async () => {
    const r = client({ redmoon: 'isolated' });
    const res = await r.multi().set('t', '1').incrby('t', 4).get('t').exec();
    expect(res).toEqual([[null, 'OK'], [null, 5], [null, '5']]);
    // WATCH: a change by another connection aborts the transaction.
    const other = r.duplicate();
    open.push(other);
    await r.watch('t');
    await other.set('t', 'changed');
    expect(await r.multi().set('t', 'mine').exec()).toBeNull();
    expect(await r.get('t')).toBe('changed');
  });

  test('defineCommand: EVALSHA, with the EVAL fallback after SCRIPT FLUSH', async () => {
    const r = client({ redmoon: 'isolated' });
    r.defineCommand('incrTwice', { numberOfKeys: 1, lua: "redis.call('INCRBY', KEYS[1], ARGV[1]); return redis.call('INCRBY', KEYS[1], ARGV[1])" });
    const seen: string[] = [];
    r.redmoon.onPropagate((p) => seen.push(p.argv[0]));
    const incrTwice = (k: string, by: number): Promise<number> => (r as unknown as { incrTwice(k: string, by: number): Promise<number> }).incrTwice(k, by);
    expect(await incrTwice('n', 2)).toBe(4);
    await r.script('FLUSH');
    expect(await incrTwice('n', 3)).toBe(10);
    // Inside a pipeline too.
    const piped = await (r.pipeline() as unknown as { incrTwice(k: string, by: number): { exec(): Promise<unknown> } }).incrTwice('n', 1).exec();
    expect(piped).toEqual([[null, 12]]);
    expect(seen.filter((c) => c === 'INCRBY' || c === 'incrby').length).toBeGreaterThan(0);
  });

  test('scanStream walks every key', async () => {
    const r = client({ redmoon: 'isolated' });
    const keys = Array.from({ length: 250 }, (_, i) => `key:${i}`);
    await r.mset(...keys.flatMap((k) => [k, 'v']));
    const seen = new Set<string>();
    await new Promise<void>((resolve, reject) => {
      const s = r.scanStream({ match: 'key:*', count: 20 });
      s.on('data', (batch: string[]) => { for (const k of batch) seen.add(k); });
      s.on('end', () => resolve());
      s.on('error', reject);
    });
    expect([...seen].sort()).toEqual([...keys].sort());
  });

  test('pub/sub between two clients of one server', async () => {
    const pub = client({ redmoon: 'isolated' });
    const sub = pub.duplicate();
    open.push(sub);
    await sub.subscribe('news');
    const got = new Promise<[string, string]>((resolve) => sub.on('message', (ch: string, msg: string) => resolve([ch, msg])));
    expect(await pub.publish('news', 'hello')).toBe(1);
    expect(await got).toEqual(['news', 'hello']);
  });

  test('clients of one host:port share a server; others and isolated ones do not', async () => {
    const a = client();
    const b = client(6379, 'localhost');
    const c = client({ port: 6380 });
    await a.set('shared', '1');
    expect(await b.get('shared')).toBe('1');
    expect(await c.get('shared')).toBeNull();
    const iso = client({ redmoon: 'isolated' });
    expect(await iso.get('shared')).toBeNull();
    const dup = iso.duplicate();
    open.push(dup);
    await iso.set('mine', 'x');
    expect(await dup.get('mine')).toBe('x');
    // db option: SELECT on connect.
    const db3 = client({ db: 3 });
    expect(await db3.get('shared')).toBeNull();
    await db3.set('in3', 'y');
    expect(await a.redmoon.call('SELECT', '3')).toBe('OK');
    expect(await a.redmoon.call('GET', 'in3')).toBe('y');
  });

  test("ioredis's ready check (INFO) on a server holding every type", async () => {
    const server = createRedis();
    server.callSync('ZADD', 'z', '1', 'a', '2', 'b');
    server.callSync('RPUSH', 'l', 'x');
    server.callSync('HSET', 'h', 'f', 'v');
    server.callSync('SADD', 's', 'm');
    const r = client({ redmoon: server });
    expect(await r.zrange('z', 0, -1)).toEqual(['a', 'b']);
    await server.close();
  });

  test('after resetSharedServers() a client reconnects to the fresh shared server', async () => {
    const r = client();
    await r.set('old', '1');
    await resetSharedServers();
    await new Promise((resolve) => r.once('ready', resolve));
    expect(await r.get('old')).toBeNull();
  });

  test('a server from createRedis()', async () => {
    const server = createRedis();
    const r = client({ redmoon: server });
    await r.set('x', '1');
    expect(server.callSync('GET', 'x')).toBe('1');
    await server.close();
  });

  test('CLIENT KILL makes ioredis reconnect, as with a real server', async () => {
    const r = client({ redmoon: 'isolated' });
    const id = await r.client('ID');
    const other = r.duplicate();
    open.push(other);
    expect(await other.client('KILL', 'ID', String(id))).toBe(1);
    await new Promise((resolve) => r.once('ready', resolve));
    expect(await r.ping()).toBe('PONG');
  });
});
