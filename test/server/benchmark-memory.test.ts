// redis-benchmark drives redmoon-server with a million pipelined SETs: it must
// complete, and the server's resident memory must stay bounded.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startRedmoonServer } from '../support/servers.ts';

const MAX_RSS_BYTES = 400 * 1024 * 1024;

let redmoon: RunningServer;

beforeAll(async () => {
  redmoon = await startRedmoonServer();
});

afterAll(async () => {
  await redmoon?.stop();
});

/** VmRSS of a process, in bytes. */
function rssOf(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) * 1024;
}

it('redis-benchmark -t set -n 1000000 -P 64 completes with bounded RSS', async () => {
  let maxRss = rssOf(redmoon.pid);
  const sampler = setInterval(() => { maxRss = Math.max(maxRss, rssOf(redmoon.pid)); }, 100);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('redis-benchmark', ['-p', String(redmoon.port), '-t', 'set', '-n', '1000000', '-P', '64', '-q'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString('latin1'); });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`redis-benchmark exited with ${code}: ${out}`))));
  }).finally(() => clearInterval(sampler));
  maxRss = Math.max(maxRss, rssOf(redmoon.pid));
  expect(output).toMatch(/SET: [\d.]+ requests per second/);
  expect(maxRss).toBeLessThan(MAX_RSS_BYTES);
}, 180_000);
