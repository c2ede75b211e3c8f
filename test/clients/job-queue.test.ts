// BullMQ, unchanged, on real ioredis: the same job-queue scenarios against a
// real redis-server 7.0.15 (validating the test) and against redmoon through
// redmoon/ioredis. BullMQ leans on Lua scripts, blocking commands (BZPOPMIN on
// its marker key), streams (its event log), pub/sub and MULTI.
import IORedis from 'ioredis';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import RedmoonIORedis from '../../packages/redmoon/src/ioredis.ts';
import { createRedis } from '../../packages/redmoon/src/index.ts';
import { type RunningServer, startRealRedis } from '../support/servers.ts';

interface Backend {
  name: string;
  /** A fresh connection (BullMQ needs maxRetriesPerRequest: null for workers). */
  connect(): IORedis;
  close(): Promise<void>;
}

let real: RunningServer;
const backends: Backend[] = [];
const redmoon = createRedis();

beforeAll(async () => {
  real = await startRealRedis();
  backends.push({
    name: 'real redis-server',
    connect: () => new IORedis({ port: real.port, host: '127.0.0.1', maxRetriesPerRequest: null }),
    close: () => real.stop(),
  });
  backends.push({
    name: 'redmoon',
    connect: () => new RedmoonIORedis({ redmoon, maxRetriesPerRequest: null }),
    close: () => redmoon.close(),
  });
});

afterAll(async () => {
  for (const b of backends) await b.close();
});

/** Run `body` with a queue, a worker processing with `process`, and queue events, all on `b`. */
async function withQueue(
  b: Backend,
  name: string,
  process: (data: { n: number }) => Promise<number>,
  body: (queue: Queue, events: QueueEvents, worker: Worker) => Promise<void>,
): Promise<void> {
  const conns: IORedis[] = [];
  const conn = (): IORedis => {
    const c = b.connect();
    conns.push(c);
    return c;
  };
  const queue = new Queue(name, { connection: conn() });
  const events = new QueueEvents(name, { connection: conn() });
  const worker = new Worker(name, async (job) => process(job.data as { n: number }), { connection: conn() });
  try {
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady(), worker.waitUntilReady()]);
    await body(queue, events, worker);
  } finally {
    await worker.close();
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();
    for (const c of conns) c.disconnect();
  }
}

const BACKENDS = ['real redis-server', 'redmoon'];

describe.each(BACKENDS)('BullMQ on %s', (backendName) => {
  const backend = (): Backend => backends.find((b) => b.name === backendName)!;

  test('jobs are processed and complete with their results', async () => {
    await withQueue(backend(), `q-${backendName.length}-basic`, async ({ n }) => n * 2, async (queue, events) => {
      const jobs = await Promise.all([1, 2, 3].map((n) => queue.add('double', { n })));
      const results = await Promise.all(jobs.map((j) => j.waitUntilFinished(events, 10_000)));
      expect(results).toEqual([2, 4, 6]);
      expect(await queue.getJobCounts('completed', 'failed', 'waiting')).toEqual({ completed: 3, failed: 0, waiting: 0 });
    });
  });

  test('a failing job is recorded as failed with its error', async () => {
    await withQueue(backend(), `q-${backendName.length}-fail`, async ({ n }) => {
      if (n < 0) throw new Error(`negative ${n}`);
      return n;
    }, async (queue, events) => {
      const job = await queue.add('check', { n: -1 });
      await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow('negative -1');
      expect(await queue.getJobCounts('failed')).toEqual({ failed: 1 });
    });
  });

  test('a delayed job waits for its delay', async () => {
    await withQueue(backend(), `q-${backendName.length}-delay`, async ({ n }) => n, async (queue, events) => {
      const start = Date.now();
      const job = await queue.add('later', { n: 7 }, { delay: 300 });
      expect(await job.getState()).toBe('delayed');
      expect(await job.waitUntilFinished(events, 10_000)).toBe(7);
      expect(Date.now() - start).toBeGreaterThanOrEqual(300);
    });
  });
});

describe('BullMQ on redmoon, time moved by the test', () => {
  test('a job delayed by an hour runs once the clock passes the hour', async () => {
    const b = backends.find((x) => x.name === 'redmoon')!;
    // BullMQ computes delays from Date.now(); redmoon's clock follows Date (it is not frozen).
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await withQueue(b, 'q-clock', async ({ n }) => n, async (queue, events) => {
        const job = await queue.add('later', { n: 9 }, { delay: 3_600_000 });
        await new Promise((r) => setTimeout(r, 50));
        expect(await job.getState()).toBe('delayed');
        const done = job.waitUntilFinished(events, 10_000);
        vi.setSystemTime(Date.now() + 3_600_001);
        // The worker's BZPOPMIN times out on the server clock: run the server's timers now.
        redmoon.time.advance(0);
        expect(await done).toBe(9);
      });
    } finally {
      vi.useRealTimers();
    }
  });
});
