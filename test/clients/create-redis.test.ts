// createRedis(): the JS API (call/callSync and their reply mapping), the clock,
// snapshots, connect() and listen().
import { createConnection } from 'node:net';
import { describe, expect, test } from 'vitest';
import { RedisReplyError, createRedis } from '../../packages/redmoon/src/index.ts';
import Redis from '../../packages/redmoon/src/ioredis.ts';

describe('call and callSync', () => {
  test('RESP2 replies as JS values', async () => {
    const r = createRedis();
    expect(r.callSync('SET', 'k', 'héllo')).toBe('OK');
    expect(r.callSync('GET', 'k')).toBe('héllo');
    expect(r.callSyncBuffer('GET', 'k')).toEqual(Buffer.from('héllo'));
    expect(await r.call('GET', 'nope')).toBeNull();
    expect(await r.call('INCRBY', 'n', 5)).toBe(5);
    expect(r.callSync('INCRBY', 'big', '9007199254740993')).toBe(9007199254740993n);
    r.callSync('HSET', 'h', 'f', 'v');
    expect(r.callSync('HGETALL', 'h')).toEqual(['f', 'v']);
    r.callSync('ZADD', 'z', '1.5', 'm');
    expect(r.callSync('ZSCORE', 'z', 'm')).toBe('1.5');
    expect(() => r.callSync('LPUSH', 'k', 'x')).toThrow(RedisReplyError);
    await expect(r.call('GET')).rejects.toThrow("ERR wrong number of arguments for 'get' command");
    expect(await r.callBuffer('SET', Buffer.from([0xff, 0]), Buffer.from([1, 2]))).toBe('OK');
    expect(await r.callBuffer('GET', Buffer.from([0xff, 0]))).toEqual(Buffer.from([1, 2]));
    await r.close();
  });

  test('after HELLO 3: maps, doubles, booleans, big numbers', async () => {
    const r = createRedis();
    r.callSync('HSET', 'h', 'f', 'v');
    r.callSync('ZADD', 'z', '1.5', 'm');
    r.callSync('HELLO', '3');
    expect(r.callSync('HGETALL', 'h')).toEqual({ f: 'v' });
    expect(await r.call('HGETALL', 'h')).toEqual({ f: 'v' });
    expect(r.callSync('ZSCORE', 'z', 'm')).toBe(1.5);
    expect(r.callSync('EVAL', "redis.setresp(3); return redis.call('ZSCORE', KEYS[1], 'm')", '1', 'z')).toBe(1.5);
    expect(r.callSync('EVAL', 'return {double = 0.25}', '0')).toBe(0.25);
    expect(r.callSync('EVAL', 'return {big_number = "123456789012345678901234567890"}', '0')).toBe(123456789012345678901234567890n);
    expect(r.callSync('EVAL', 'redis.setresp(3); return true', '0')).toBe(true);
    await r.close();
  });

  test('subscribe-type commands need a connection', async () => {
    const r = createRedis();
    expect(() => r.callSync('SUBSCRIBE', 'x')).toThrow(/use connect\(\) or a client library/);
    await expect(r.call('psubscribe', 'x*')).rejects.toThrow(/use connect\(\)/);
    await r.close();
  });
});

describe('time control', () => {
  test('advance expires keys, propagates DEL and delivers the expired notification', async () => {
    const r = createRedis({ config: { 'notify-keyspace-events': 'Ex' } });
    r.time.freeze();
    const propagated: string[][] = [];
    r.onPropagate((p) => propagated.push(p.argv));
    const sub = new Redis({ redmoon: r });
    await sub.subscribe('__keyevent@0__:expired');
    const expired = new Promise<string>((resolve) => sub.on('message', (_ch: string, key: string) => resolve(key)));
    r.callSync('SET', 'session', 'x', 'PX', '5000');
    r.callSync('SET', 'stays', 'y', 'PX', '20000');
    r.time.advance(4999);
    expect(r.callSync('EXISTS', 'session')).toBe(1);
    r.time.advance(5001);
    expect(r.server.dbs[0].dict.has('session')).toBe(false);
    expect(r.callSync('EXISTS', 'session')).toBe(0);
    expect(r.callSync('PTTL', 'stays')).toBe(10000);
    expect(propagated).toContainEqual(['DEL', 'session']);
    expect(await expired).toBe('session');
    sub.disconnect();
    await r.close();
  });

  test('advance fires blocking timeouts; call() waits for a blocking command', async () => {
    const r = createRedis();
    r.time.freeze();
    const io = new Redis({ redmoon: r });
    const timedOut = io.blpop('empty', 5);
    await new Promise((resolve) => setTimeout(resolve, 20));
    r.time.advance(5001);
    expect(await timedOut).toBeNull();
    const served = r.call('BLPOP', 'jobs', '0');
    await io.rpush('jobs', 'j1');
    expect(await served).toEqual(['jobs', 'j1']);
    io.disconnect();
    await r.close();
  });

  test('set jumps to a date; freeze stops TIME', async () => {
    const r = createRedis();
    r.time.freeze(new Date('2030-01-01T00:00:00Z'));
    expect(r.callSync('TIME')).toEqual([String(Date.UTC(2030, 0, 1) / 1000), '0']);
    r.callSync('SET', 'k', 'v', 'EXAT', String(Date.UTC(2030, 0, 2) / 1000));
    r.time.set(new Date('2030-01-03T00:00:00Z'));
    expect(r.callSync('GET', 'k')).toBeNull();
    expect(r.time.now()).toBe(Date.UTC(2030, 0, 3));
    await r.close();
  });
});

describe('seed', () => {
  test('the same seed gives the same random choices, in commands and scripts', async () => {
    const picks = async (): Promise<unknown[]> => {
      const r = createRedis({ seed: 42 });
      r.callSync('SADD', 's', ...Array.from({ length: 50 }, (_, i) => `m${i}`));
      const out = [r.callSync('SRANDMEMBER', 's', '-5'), r.callSync('EVAL', 'return tostring(math.random())', '0')];
      await r.close();
      return out;
    };
    expect(await picks()).toEqual(await picks());
  });
});

describe('snapshot and load', () => {
  test('every type round-trips, binary-safe and readable', async () => {
    const r = createRedis();
    r.time.freeze(1_700_000_000_000);
    r.callSync('SET', 'text', 'héllo');
    r.callSync('SET', Buffer.from([0xff, 0x00]), Buffer.from([0x80, 0x81, 0x0a]));
    r.callSync('RPUSH', 'list', 'a', 'b', 'a');
    r.callSync('SADD', 'set', 'x');
    r.callSync('HSET', 'hash', 'f', 'v');
    r.callSync('ZADD', 'zset', '1.5', 'one', 'inf', 'top');
    r.callSync('SET', 'ttl', 'v', 'PX', '5000');
    r.callSync('SELECT', '2');
    r.callSync('SET', 'db2', 'v');
    r.callSync('SELECT', '0');
    const snap = r.snapshot();
    expect(snap.dbs['0']).toContainEqual({ key: 'text', type: 'string', value: 'héllo' });
    expect(snap.dbs['0']).toContainEqual({ key: { base64: '/wA=' }, type: 'string', value: { base64: 'gIEK' } });
    expect(snap.dbs['0']).toContainEqual({ key: 'zset', type: 'zset', value: [['one', 1.5], ['top', 'inf']] });
    expect(snap.dbs['0']).toContainEqual({ key: 'ttl', type: 'string', value: 'v', expireAt: 1_700_000_005_000 });
    expect(snap.dbs['2']).toEqual([{ key: 'db2', type: 'string', value: 'v' }]);

    const copy = createRedis();
    copy.time.freeze(1_700_000_000_000);
    copy.load(JSON.parse(JSON.stringify(snap)));
    expect(copy.snapshot()).toEqual(snap);
    expect(copy.callSyncBuffer('GET', Buffer.from([0xff, 0x00]))).toEqual(Buffer.from([0x80, 0x81, 0x0a]));
    await r.close();
    await copy.close();
  });

  test('hand-written fixtures may give a relative ttl', async () => {
    const r = createRedis();
    r.time.freeze(1000);
    r.load({ redmoon: 1, dbs: { 0: [{ key: 'k', type: 'string', value: 'v', ttl: 500 }] } });
    expect(r.callSync('PTTL', 'k')).toBe(500);
    r.flushall();
    expect(r.callSync('DBSIZE')).toBe(0);
    await r.close();
  });
});

describe('connections', () => {
  test('connect() speaks RESP', async () => {
    const r = createRedis();
    const s = r.connect();
    const reply = new Promise<string>((resolve) => s.once('data', (d: Buffer) => resolve(d.toString('latin1'))));
    s.write('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\nPING\r\n');
    expect(await reply).toBe('+OK\r\n+PONG\r\n');
    s.end();
    await r.close();
  });

  test('listen() serves real TCP clients', async () => {
    const r = createRedis();
    r.callSync('SET', 'k', 'over tcp');
    const tcp = await r.listen(0);
    const got = await new Promise<string>((resolve, reject) => {
      const sock = createConnection(tcp.port, '127.0.0.1', () => sock.write('GET k\r\n'));
      sock.once('data', (d) => { resolve(d.toString()); sock.destroy(); });
      sock.once('error', reject);
    });
    expect(got).toBe('$8\r\nover tcp\r\n');
    await r.close();
  });
});
