// redmoon/vitest: a fixture giving each test a fresh server with the helpers of
// redmoon/testing (which also work with Jest).
//
//   import { test, expect } from 'redmoon/vitest';
//   test('caches the user', async ({ redis }) => {
//     const io = redis.ioredis();
//     await io.set('user:1', 'Ada', 'EX', 60);
//     redis.assertTtl('user:1', 60_000, 1000);
//   });
import { test as base } from 'vitest';
import { TestRedis } from './testing.ts';

export const test = base.extend<{ redis: TestRedis }>({
  // Vitest reads a fixture's dependencies from its first parameter's pattern; this one has none.
  redis: async ({}, use) => {
    const t = new TestRedis();
    await use(t);
    await t.cleanup();
  },
});

export { expect, describe, beforeEach, afterEach } from 'vitest';
export * from './testing.ts';
