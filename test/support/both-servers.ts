// Vitest fixture: a real redis-server and a redmoon-server for one test file.
// Kept apart from servers.ts, which benchmarks import outside vitest.
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, startRealRedis, startRedmoonServer } from './servers.ts';

/**
 * For one test file (or describe block): start a real redis-server and a
 * redmoon-server with the same extra arguments before its tests, hand them to
 * `use`, and stop both after.
 */
export function withBothServers(use: (real: RunningServer, redmoon: RunningServer) => void, args: string[] = []): void {
  let started: RunningServer[] = [];
  beforeAll(async () => {
    started = await Promise.all([startRealRedis(args), startRedmoonServer(args)]);
    use(started[0], started[1]);
  });
  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()));
  });
}
