// JS engine limits must never take redmoon-server down: V8 caps a string at
// 2^29-24 chars, 24 bytes under Redis's default 512MB proto-max-bulk-len.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startRedmoonServer } from '../support/servers.ts';
import { cli } from '../support/cli.ts';

let redmoon: RunningServer;
beforeAll(async () => { redmoon = await startRedmoonServer(); });
afterAll(async () => { await redmoon?.stop(); });

it('refuses string results V8 cannot hold with Redis size errors, and keeps serving', async () => {
  expect(await cli(redmoon.port, ['SETBIT', 'b', '4294967295', '1'])).toBe('ERR bit offset is not an integer or out of range');
  expect(await cli(redmoon.port, ['SETRANGE', 's', '536870900', 'x'])).toBe('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
  expect(await cli(redmoon.port, ['PING'])).toBe('PONG');
});

