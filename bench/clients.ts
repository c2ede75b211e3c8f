// Client benchmark, all in one run: sequential awaited round trips through
//   (a) redmoon/ioredis: real ioredis over the in-memory stream;
//   (b) ioredis-mock (the anchor users would otherwise reach for);
//   (c) real ioredis over loopback TCP to a real redis-server 7.0.15 (started here);
//   (d) createRedis().callSync (no client library at all);
//   (e) ioredis over a stream that answers every command at once with a canned
//       reply, no server at all: the floor of ioredis's own per-command cost,
//       which bounds (a) from above.
// Rounds are interleaved (a round of each, repeated) and the best round counts,
// so that load from other processes skews all of them alike.
// Workloads: SET+GET pairs, and EVALSHA of `return redis.call('INCR', KEYS[1])`.
// Targets (issue #7): SET+GET (a) >= 0.5x (b) and >= 5x (c); EVALSHA (a) >= 50x (b);
// callSync SET+GET >= 5x (b).
// Run: npx pnpm@9 bench:clients   (options: --pairs <n>, --mock-evals <n>, --rounds <n>)
import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import IORedis, { AbstractConnector } from 'ioredis';
import RedisMock from 'ioredis-mock';
import { createRedis } from '../packages/redmoon/src/index.ts';
import DropIn from '../packages/redmoon/src/ioredis.ts';
import { startRealRedis } from '../test/support/servers.ts';
import { parseIntOptions } from './options.ts';

const DEFAULTS = { pairs: 30_000, mockEvals: 300, rounds: 5 };
const SCRIPT = "return redis.call('INCR', KEYS[1])";
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

type Run = (ops: number) => Promise<void> | void;

/** Best ops/s of each run over `rounds` interleaved rounds, after one warm-up round. */
async function bestInterleaved(rounds: number, runs: [string, number, Run][]): Promise<Map<string, number>> {
  const rates = new Map<string, number>();
  for (const [, ops, run] of runs) await run(Math.max(1, Math.floor(ops / 4)));
  for (let r = 0; r < rounds; r++) {
    for (const [name, ops, run] of runs) {
      const start = process.hrtime.bigint();
      await run(ops);
      const rate = ops / (Number(process.hrtime.bigint() - start) / 1e9);
      rates.set(name, Math.max(rates.get(name) ?? 0, rate));
    }
  }
  return rates;
}

const OK_REPLY = Buffer.from('+OK\r\n');
const GET_REPLY = Buffer.from('$1\r\nv\r\n');

/** A stream for ioredis that answers at once: +OK to SET, $1 v to GET, nothing else needed (no ready check). */
class CannedStream extends Duplex {
  readonly connecting = false;
  setNoDelay(): this { return this; }
  setKeepAlive(): this { return this; }
  override _read(): void {}
  /** Straight to the reply, as redmoon's in-memory socket skips Writable's bookkeeping. */
  override write(chunk: unknown): boolean {
    const text = typeof chunk === 'string' ? chunk : String(chunk);
    queueMicrotask(() => this.emit('data', text.includes('GET') || text.includes('get') ? GET_REPLY : OK_REPLY));
    return true;
  }
}

class CannedConnector extends AbstractConnector {
  constructor(_options: unknown) {
    super(2000);
  }

  connect(): Promise<Socket> {
    this.connecting = true;
    return new Promise((resolve) => process.nextTick(() => {
      const stream = new CannedStream() as unknown as Socket;
      this.stream = stream;
      resolve(stream);
    }));
  }
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
  const canned = new IORedis({ Connector: CannedConnector, enableReadyCheck: false, disableClientInfo: true });
  try {
    const clients: [string, AsyncClient][] = [['redmoon/ioredis', dropIn], ['ioredis-mock', mock], ['real Redis (loopback)', tcp]];
    const pairs = await bestInterleaved(o.rounds, [
      ...clients.map(([name, c]): [string, number, Run] => [name, o.pairs, (n) => setGet(c, n)]),
      ['createRedis().callSync', o.pairs * 10, (n) => {
        for (let i = 0; i < n; i++) {
          embedded.callSync('SET', 'bench:k', 'v');
          embedded.callSync('GET', 'bench:k');
        }
      }],
      ['ioredis floor (canned stream)', o.pairs, (n) => setGet(canned, n)],
    ]);
    const sync = pairs.get('createRedis().callSync')!;
    const shas = new Map<string, string>();
    for (const [name, c] of clients) {
      // ioredis-mock has no SCRIPT LOAD: an EVAL caches the script everywhere.
      await c.eval(SCRIPT, 1, 'bench:n');
      shas.set(name, createHash('sha1').update(SCRIPT).digest('hex'));
    }
    const evals = await bestInterleaved(o.rounds, clients.map(([name, c]): [string, number, Run] => [
      name, name === 'ioredis-mock' ? o.mockEvals : o.pairs, (n) => evalsha(c, shas.get(name)!, n),
    ]));

    const row = (label: string, rate: number): string => `  ${label.padEnd(26)} ${fmt(rate).padStart(12)} /s`;
    console.log('SET+GET pairs, sequential, each command awaited');
    for (const [name, rate] of pairs) console.log(row(name, rate));
    console.log('EVALSHA (INCR), sequential, awaited');
    for (const [name, rate] of evals) console.log(row(name, rate));

    const drop = pairs.get('redmoon/ioredis')!;
    const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
    const checks: [string, number, number][] = [
      ['SET+GET drop-in / ioredis-mock', drop / pairs.get('ioredis-mock')!, 0.5],
      ['SET+GET drop-in / ioredis floor (no server)', drop / pairs.get('ioredis floor (canned stream)')!, 0],
      ['SET+GET drop-in / real Redis over loopback', drop / pairs.get('real Redis (loopback)')!, 5],
      ['EVALSHA drop-in / ioredis-mock', evals.get('redmoon/ioredis')! / evals.get('ioredis-mock')!, 50],
      ['SET+GET callSync / ioredis-mock', sync / pairs.get('ioredis-mock')!, 5],
    ];
    console.log('Ratios (target)');
    for (const [label, r, target] of checks) {
      const verdict = target === 0 ? '(context: the most any ioredis client can do)' : `(>= ${target}x) ${r >= target ? 'met' : 'NOT MET'}`;
      console.log(`  ${label.padEnd(44)} ${ratio(r, 1).padStart(9)}  ${verdict}`);
    }
  } finally {
    dropIn.disconnect();
    canned.disconnect();
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
