// redmoon/testing and redmoon/vitest: fresh servers per test and the assertions.
import { afterEach as vAfterEach, beforeEach as vBeforeEach, describe as vDescribe, test as vTest } from 'vitest';
import { withTestRedis } from '../../packages/redmoon/src/testing.ts';
import { expect, test } from '../../packages/redmoon/src/vitest.ts';

test('the fixture: clients, key and TTL assertions, the propagation stream', async ({ redis }) => {
  redis.redis.time.freeze();
  const io = redis.ioredis();
  await io.set('user:1', 'Ada', 'EX', 60);
  await io.rpush('queue', 'a', 'b');
  await io.hset('h', 'f', 'v');
  await io.zadd('z', 2, 'two', 1, 'one');
  await io.sadd('s', 'y', 'x');
  redis.assertKey('user:1', 'Ada');
  redis.assertKey('queue', ['a', 'b']);
  redis.assertKey('h', { f: 'v' });
  redis.assertKey('z', [['one', 1], ['two', 2]]);
  redis.assertKey('s', ['x', 'y']);
  redis.assertTtl('user:1', 60_000);
  redis.assertTtl('queue', null);
  redis.assertNoKey('nope');
  expect(redis.keys()).toEqual(['h', 'queue', 's', 'user:1', 'z']);
  expect(() => redis.assertKey('user:1', 'Bob')).toThrow(/value of key "user:1"/);
  // EX is propagated as PXAT with the absolute time.
  expect(redis.propagatedCommands()[0]).toEqual(['SET', 'user:1', 'Ada', 'PXAT', String(redis.redis.time.now() + 60_000)]);
  redis.clearPropagated();
  redis.redis.time.advance(61_000);
  redis.assertPropagated([['DEL', 'user:1']]);
});

test('each test gets a fresh server', async ({ redis }) => {
  expect(redis.keys()).toEqual([]);
  const nr = redis.nodeRedis();
  await nr.connect();
  await nr.set('k', 'v');
  redis.assertKey('k', 'v');
});

vDescribe('withTestRedis (the Jest-compatible form)', () => {
  const redis = withTestRedis(vBeforeEach, vAfterEach);
  vTest('works with the runner hooks', async () => {
    redis().cmd('SET', 'a', '1');
    redis().assertKey('a', '1');
  });
  vTest('and is fresh per test', () => {
    redis().assertNoKey('a');
  });
});
