// Script: redis-py register_script semantics on every kind of target.
import { afterEach, describe, expect, test } from 'vitest';
import { createRedis } from '../../packages/redmoon/src/index.ts';
import Redis, { resetSharedServers } from '../../packages/redmoon/src/ioredis.ts';
import { createClient } from '../../packages/redmoon/src/node-redis.ts';

const LUA = "return redis.call('INCRBY', KEYS[1], ARGV[1])";

afterEach(() => resetSharedServers());

describe('Script', () => {
  test('EVALSHA, and on NOSCRIPT: SCRIPT LOAD and retry', async () => {
    const r = createRedis();
    const s = r.script(LUA);
    expect(s.sha).toBe(r.callSync('SCRIPT', 'LOAD', LUA));
    r.callSync('SCRIPT', 'FLUSH');
    expect(await s.run({ keys: ['n'], args: [2] })).toBe(2);
    expect(r.callSync('SCRIPT', 'EXISTS', s.sha)).toEqual([1]);
    expect(await s.run({ keys: ['n'], args: [3] })).toBe(5);
    await r.close();
  });

  test('runs on another server or client passed in', async () => {
    const owner = createRedis();
    const other = createRedis();
    const s = owner.script(LUA);
    expect(await s.run({ keys: ['k'], args: [7], client: other })).toBe(7);
    expect(other.callSync('GET', 'k')).toBe('7');
    expect(owner.callSync('GET', 'k')).toBeNull();

    const io = new Redis({ redmoon: other });
    expect(await s.run({ keys: ['k'], args: [1], client: io })).toBe(8);
    io.disconnect();

    const nr = createClient({ redmoon: other });
    await nr.connect();
    await nr.scriptFlush();
    expect(await s.run({ keys: ['k'], args: [2], client: nr })).toBe(10);
    nr.destroy();
    await owner.close();
    await other.close();
  });

  test('in an ioredis pipeline the script is loaded before the pipeline runs', async () => {
    const r = createRedis();
    const io = new Redis({ redmoon: r });
    const s = r.script(LUA);
    const p = io.pipeline().set('n', '10');
    s.queue(p, { keys: ['n'], args: [5] });
    s.queue(p, { keys: ['n'], args: [1] });
    expect(await p.exec()).toEqual([[null, 'OK'], [null, 15], [null, 16]]);
    io.disconnect();
    await r.close();
  });
});
