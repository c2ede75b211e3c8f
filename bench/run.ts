// redmoon benchmarks, in one run:
//   (a) the in-process core API: server.execute(client, argv) in a tight loop;
//   (b) redis-benchmark over TCP against redmoon-server and against a real
//       redis-server started here, with the ratio redmoon / real.
// Run: npx pnpm@9 bench   (options: --n <requests>, --pipeline <depth>, --direct-ops <calls>, --rounds <r>)
import { spawn } from 'node:child_process';
import { RedisServer } from '../packages/core/src/index.ts';
import { type RunningServer, startRealRedis, startRedmoonServer } from '../test/support/servers.ts';

interface Options {
  /** Requests per redis-benchmark test. */
  n: number;
  pipeline: number;
  /** Calls per direct-API measurement. */
  directOps: number;
  /** Measurements per number; the best is reported (other load only ever slows a run down). */
  rounds: number;
}

function parseOptions(argv: string[]): Options {
  const opts: Options = { n: 1_000_000, pipeline: 16, directOps: 3_000_000, rounds: 3 };
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number(argv[i + 1]);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`bad value for ${argv[i]}: ${argv[i + 1]}`);
    if (argv[i] === '--n') opts.n = value;
    else if (argv[i] === '--pipeline') opts.pipeline = value;
    else if (argv[i] === '--direct-ops') opts.directOps = value;
    else if (argv[i] === '--rounds') opts.rounds = value;
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return opts;
}

/** ops/s of `ops` executions of one command, after a warm-up run. */
function measureDirect(server: RedisServer, argv: string[], ops: number): number {
  const client = server.createClient();
  const run = (count: number): number => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) server.execute(client, argv);
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  run(Math.min(ops, 200_000));
  return ops / run(ops);
}

/** Keep the higher rate per test. */
function keepBest(best: Map<string, number>, rps: Map<string, number>): void {
  for (const [test, r] of rps) best.set(test, Math.max(best.get(test) ?? 0, r));
}

/** requests/s per test from `redis-benchmark --csv`. */
function redisBenchmark(port: number, opts: Options): Promise<Map<string, number>> {
  const args = ['-p', String(port), '-t', 'set,get', '-P', String(opts.pipeline), '-q', '-n', String(opts.n), '--csv'];
  return new Promise((resolve, reject) => {
    const child = spawn('redis-benchmark', args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString('latin1'); });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`redis-benchmark exited with ${code}`));
      const rps = new Map<string, number>();
      for (const m of out.matchAll(/^"([A-Z]+)","([\d.]+)"/gm)) rps.set(m[1], Number(m[2]));
      resolve(rps);
    });
  });
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));

  console.log(`(a) direct core API, ${fmt(opts.directOps)} calls each, best of ${opts.rounds}`);
  const server = new RedisServer();
  const direct: [string, string[]][] = [['SET', ['SET', 'key', 'value']], ['GET', ['GET', 'key']]];
  for (const [name, argv] of direct) {
    let best = 0;
    for (let r = 0; r < opts.rounds; r++) best = Math.max(best, measureDirect(server, argv, opts.directOps));
    console.log(`  ${name}: ${fmt(best)} ops/s`);
  }

  console.log(`(b) redis-benchmark -t set,get -P ${opts.pipeline} -n ${opts.n}, best of ${opts.rounds}`);
  let real: RunningServer | undefined;
  let redmoon: RunningServer | undefined;
  try {
    [real, redmoon] = await Promise.all([startRealRedis(), startRedmoonServer()]);
    // The servers take turns (client and server share the machine's cores), and
    // alternate so that a burst of outside load does not favour one of them.
    const redmoonRps = new Map<string, number>();
    const realRps = new Map<string, number>();
    for (let r = 0; r < opts.rounds; r++) {
      keepBest(redmoonRps, await redisBenchmark(redmoon.port, opts));
      keepBest(realRps, await redisBenchmark(real.port, opts));
    }
    for (const [test, rps] of redmoonRps) {
      const anchor = realRps.get(test) ?? NaN;
      console.log(`  ${test}: redmoon ${fmt(rps)} req/s, redis-server ${fmt(anchor)} req/s, ratio ${(rps / anchor).toFixed(2)}`);
    }
  } finally {
    await Promise.all([real?.stop(), redmoon?.stop()]);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
