// client-output-buffer-limit's soft limit (checkClientOutputBufferLimits): a
// client is closed once it has stayed over the soft limit for more than its
// seconds, counted in whole seconds of the server clock; going under resets it.
import { expect, it } from 'vitest';
import { ControlledClock, RedisServer } from '@redmoon/core';
import { OutputBufferGuard } from './limits.ts';

const STATIC_BUFFER = 16 * 1024;

it('closes a client over the soft limit for more than its seconds, and forgets it once under', () => {
  const clock = new ControlledClock();
  clock.freeze(1_000_000);
  const server = new RedisServer({ clock, config: { 'client-output-buffer-limit': 'normal 0 100kb 2' } });
  const guard = new OutputBufferGuard(server.createClient());
  const over = STATIC_BUFFER + 100 * 1024;
  expect(guard.exceeded(over)).toBe(false); // first seen over the limit
  clock.advance(2000);
  expect(guard.exceeded(over)).toBe(false); // 2 s is not more than 2
  expect(guard.exceeded(STATIC_BUFFER + 10)).toBe(false); // under: forgotten
  clock.advance(5000);
  expect(guard.exceeded(over)).toBe(false);
  clock.advance(3000);
  expect(guard.exceeded(over)).toBe(true);
});

it('applies the hard limit at once, to the bytes beyond the static reply buffer', () => {
  const server = new RedisServer({ config: { 'client-output-buffer-limit': 'normal 1mb 0 0' } });
  const guard = new OutputBufferGuard(server.createClient());
  expect(guard.exceeded(STATIC_BUFFER + 1024 * 1024 - 1)).toBe(false);
  expect(guard.exceeded(STATIC_BUFFER + 1024 * 1024)).toBe(true);
});
