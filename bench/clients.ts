// Client benchmark, all in one run: sequential awaited round trips through
//   (a) redmoon/ioredis: real ioredis over the in-memory stream;
//   (b) ioredis-mock (the anchor users would otherwise reach for);
//   (c) real ioredis over loopback TCP to a real redis-server 7.0.15 (started here);
//   (d) createRedis().callSync (no client library at all).
// Workloads: SET+GET pairs, and EVALSHA of `return redis.call('INCR', KEYS[1])`.
// Targets (issue #7): SET+GET (a) >= 0.5x (b) and >= 5x (c); EVALSHA (a) >= 50x (b);
// callSync SET+GET >= 5x (b).
// Run: npx pnpm@9 bench:clients   (options: --pairs <n>, --mock-evals <n>, --rounds <n>)
import { createHash } from 'node:crypto';
import IORedis from 'ioredis';
import RedisMock from 'ioredis-mock';
import { createRedis } from '../packages/redmoon/src/index.ts';
import DropIn from '../packages/redmoon/src/ioredis.ts';
import { startRealRedis } from '../test/support/servers.ts';
import { parseIntOptions } from './options.ts';

const DEFAULTS = { pairs: 20_000, mockEvals: 300, rounds: 3 };
const SCRIPT = "return redis.call('INCR', KEYS[1])";
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** The best ops/s of `rounds` timed runs (after one warm-up): other load only slows a run down. */
async function best(rounds: number, ops: number, run: (ops: number) => Promise<void> | void): Promise<number> {
  await run(Math.max(1, Math.floor(ops / 4)));
  let rate = 0;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    await run(ops);
    rate = Math.max(rate, ops / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  return rate;
}

interface AsyncClient {
  set(k: string, v: string): Promise<unknown>;
  get(k: string): Promise<unknown>;
  evalsha(sha: string, numkeys: number, ...args: string[]): Promise<unknown>;
  eval(body: string, numkeys: number, ...args: string[]): Promise<unknown>;
}

async function setGet(c: AsyncClient, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await c.set('bench:k', 'v');
    await c.get('bench:k');
  }
}

async function evalsha(c: AsyncClient, sha: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await c.evalsha(sha, 1, 'bench:n');
}

async function main(): Promise<void> {
  const o = parseIntOptions(process.argv.slice(2), DEFAULTS);
  const real = await startRealRedis();
  const dropIn = new DropIn({ redmoon: 'isolated' });
  const mock = new RedisMock();
  const tcp = new IORedis({ port: real.port, host: '127.0.0.1' });
  const embedded = createRedis();
  try {
    const clients: [string, AsyncClient][] = [['redmoon/ioredis', dropIn], ['ioredis-mock', mock], ['real Redis (loopback)', tcp]];
    const pairs = new Map<string, number>();
    for (const [name, c] of clients) pairs.set(name, await best(o.rounds, o.pairs, (n) => setGet(c, n)));
    const sync = await best(o.rounds, o.pairs * 5, (n) => {
      for (let i = 0; i < n; i++) {
        embedded.callSync('SET', 'bench:k', 'v');
        embedded.callSync('GET', 'bench:k');
      }
    });
    const evals = new Map<string, number>();
    for (const [name, c] of clients) {
      // ioredis-mock has no SCRIPT LOAD: an EVAL caches the script everywhere.
      await c.eval(SCRIPT, 1, 'bench:n');
      const sha = createHash('sha1').update(SCRIPT).digest('hex');
      evals.set(name, await best(o.rounds, name === 'ioredis-mock' ? o.mockEvals : o.pairs, (n) => evalsha(c, sha, n)));
    }

    const row = (label: string, rate: number): string => `  ${label.padEnd(26)} ${fmt(rate).padStart(12)} /s`;
    console.log('SET+GET pairs, sequential, each command awaited');
    for (const [name, rate] of pairs) console.log(row(name, rate));
    console.log(row('createRedis().callSync', sync));
    console.log('EVALSHA (INCR), sequential, awaited');
    for (const [name, rate] of evals) console.log(row(name, rate));

    const drop = pairs.get('redmoon/ioredis')!;
    const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
    const checks: [string, number, number][] = [
      ['SET+GET drop-in / ioredis-mock', drop / pairs.get('ioredis-mock')!, 0.5],
      ['SET+GET drop-in / real Redis over loopback', drop / pairs.get('real Redis (loopback)')!, 5],
      ['EVALSHA drop-in / ioredis-mock', evals.get('redmoon/ioredis')! / evals.get('ioredis-mock')!, 50],
      ['SET+GET callSync / ioredis-mock', sync / pairs.get('ioredis-mock')!, 5],
    ];
    console.log('Ratios (target)');
    for (const [label, r, target] of checks) {
      console.log(`  ${label.padEnd(44)} ${ratio(r, 1).padStart(9)}  (>= ${target}x) ${r >= target ? 'met' : 'NOT MET'}`);
    }
  } finally {
    dropIn.disconnect();
    tcp.disconnect();
    mock.disconnect();
    await embedded.close();
    await real.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
