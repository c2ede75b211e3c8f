// Sorted set benchmark: ZADD of 1M members into one key, then ZRANK and small
// ZRANGEBYSCORE ranges at 10k and at 1M members, to show that the per-operation
// cost stays logarithmic. Measured in one run:
//   (a) the in-process core API: server.execute(client, argv);
//   (b) redis-benchmark with the same custom commands (pipelined) against
//       redmoon-server and against a real redis-server 7.0.15, with the ratio.
// Run: npx pnpm@9 bench:zset   (options: --members <n>, --small <n>, --ops <queries>, --pipeline <depth>)
import { execFileSync } from 'node:child_process';
import { RedisServer } from '../packages/core/src/index.ts';
import { type RunningServer, startRealRedis, startRedmoonServer } from '../test/support/servers.ts';
import { parseIntOptions } from './options.ts';

/** The numeric options: members of the big and small sets, queries per measurement, pipeline depth. */
const DEFAULTS = { members: 1_000_000, small: 10_000, ops: 300_000, pipeline: 16 };

/** redis-benchmark's __rand_int__: a 12-digit zero-padded number below range. */
const randInt = (range: number): string => String(Math.floor(Math.random() * range)).padStart(12, '0');

/** The queries of one size class, as argv templates over a random int below `range`. */
function queries(key: string): [string, (r: string) => string[]][] {
  return [
    ['ZRANK', (r) => ['ZRANK', key, `m:${r}`]],
    ['ZRANGEBYSCORE LIMIT 0 10', (r) => ['ZRANGEBYSCORE', key, r, '+inf', 'LIMIT', '0', '10']],
  ];
}

/** ops/s of `ops` calls of make(), on arguments drawn before the clock starts. */
function measureDirect(server: RedisServer, ops: number, range: number, make: (r: string) => string[]): number {
  const client = server.createClient();
  const argvs = Array.from({ length: ops }, () => make(randInt(range)));
  const start = process.hrtime.bigint();
  for (const argv of argvs) server.execute(client, argv);
  return ops / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** requests/s of one custom command through `redis-benchmark --csv` (its second CSV line). */
function redisBenchmark(port: number, n: number, range: number, pipeline: number, cmd: string[]): number {
  const args = ['-p', String(port), '-n', String(n), '-P', String(pipeline), '-r', String(range), '-q', '--csv', ...cmd];
  const csv = execFileSync('redis-benchmark', args, { encoding: 'latin1', stdio: ['ignore', 'pipe', 'ignore'] });
  const rps = Number(csv.split('\n')[1]?.split('","')[1]);
  if (!(rps > 0)) throw new Error(`no rate in redis-benchmark output: ${csv}`);
  return rps;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** ZCARD over TCP (the benchmark fills draw members with repetition). */
const zcard = (port: number, key: string): number =>
  Number(execFileSync('redis-cli', ['-p', String(port), 'ZCARD', key], { encoding: 'latin1' }).trim());

async function main(): Promise<void> {
  const opts = parseIntOptions(process.argv.slice(2), DEFAULTS);
  const sizes: [string, string, number][] = [['small', 'zs', opts.small], ['big', 'zb', opts.members]];

  console.log(`(a) direct core API`);
  const server = new RedisServer();
  const client = server.createClient();
  for (const [label, key, n] of sizes) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      const r = randInt(n);
      server.execute(client, ['ZADD', key, r, `m:${r}`]);
    }
    const secs = Number(process.hrtime.bigint() - start) / 1e9;
    const card = server.execute(client, ['ZCARD', key]);
    console.log(`  ZADD x${fmt(n)} (${label}, ZCARD ${card.t === 'int' ? fmt(Number(card.v)) : '?'}): ${fmt(n / secs)} ops/s`);
    for (const [name, make] of queries(key)) {
      console.log(`  ${name} at ${label}: ${fmt(measureDirect(server, opts.ops, n, make))} ops/s`);
    }
  }

  console.log(`(b) redis-benchmark -P ${opts.pipeline}, custom commands: redmoon-server vs redis-server`);
  let real: RunningServer | undefined;
  let redmoon: RunningServer | undefined;
  const rows: [string, number, number][] = [];
  try {
    [real, redmoon] = await Promise.all([startRealRedis(), startRedmoonServer()]);
    for (const [label, key, n] of sizes) {
      const zadd = ['ZADD', key, '__rand_int__', 'm:__rand_int__'];
      const fill = [redisBenchmark(redmoon.port, n, n, opts.pipeline, zadd), redisBenchmark(real.port, n, n, opts.pipeline, zadd)];
      rows.push([`ZADD x${fmt(n)} (${label}, ZCARD ${fmt(zcard(real.port, key))})`, fill[0], fill[1]]);
      for (const [name, make] of queries(key)) {
        const cmd = make('__rand_int__');
        rows.push([`${name} at ${label}`, redisBenchmark(redmoon.port, opts.ops, n, opts.pipeline, cmd), redisBenchmark(real.port, opts.ops, n, opts.pipeline, cmd)]);
      }
    }
  } finally {
    await Promise.all([real?.stop(), redmoon?.stop()]);
  }
  for (const [name, mine, anchor] of rows) {
    console.log(`  ${name}: redmoon ${fmt(mine)} req/s, redis-server ${fmt(anchor)} req/s, ratio ${(mine / anchor).toFixed(2)}`);
  }
}

await main();
