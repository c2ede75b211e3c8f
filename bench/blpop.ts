// BLPOP wake-up latency: one client blocked in BLPOP, another LPUSHes; measured
// from the LPUSH being written to the blocked client's reply arriving, over many
// rounds, as median and p99. Before each push a PING round trip on the pushing
// connection lets the server take the BLPOP first. redmoon-server and a real
// redis-server 7.0.15 over loopback TCP, in the same run, with the ratio.
// Run: npx pnpm@9 bench:blpop   (options: --rounds <n>)
import type { Socket } from 'node:net';
import { type RunningServer, startRealRedis, startRedmoonServer } from '../test/support/servers.ts';
import { connect, resp } from './net.ts';
import { parseIntOptions } from './options.ts';

const DEFAULTS = { rounds: 5000 };

const BLPOP = resp(['BLPOP', 'bench:q', '0']);
const LPUSH = resp(['LPUSH', 'bench:q', 'v']);
const PING = resp(['PING']);
const BLPOP_REPLY = '*2\r\n$7\r\nbench:q\r\n$1\r\nv\r\n'.length;


/** A socket whose replies are awaited by byte count, in order. */
class Conn {
  private got = 0;
  private waiters: { until: number; done: () => void }[] = [];
  private expected = 0;

  constructor(readonly socket: Socket) {
    socket.on('data', (d: Buffer) => {
      this.got += d.length;
      while (this.waiters.length !== 0 && this.got >= this.waiters[0].until) this.waiters.shift()!.done();
    });
  }

  /** Send and resolve once `replyBytes` more bytes have arrived. */
  send(request: string, replyBytes: number): Promise<void> {
    this.expected += replyBytes;
    const until = this.expected;
    const p = new Promise<void>((done) => this.waiters.push({ until, done }));
    this.socket.write(request);
    return p;
  }
}

async function latencies(port: number, rounds: number): Promise<number[]> {
  const waiter = new Conn(await connect(port));
  const pusher = new Conn(await connect(port));
  const out: number[] = new Array(rounds);
  for (let i = 0; i < rounds; i++) {
    const served = waiter.send(BLPOP, BLPOP_REPLY);
    await pusher.send(PING, '+PONG\r\n'.length);
    const start = process.hrtime.bigint();
    const pushed = pusher.send(LPUSH, ':1\r\n'.length);
    await served;
    out[i] = Number(process.hrtime.bigint() - start) / 1000;
    await pushed;
  }
  waiter.socket.destroy();
  pusher.socket.destroy();
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const o = parseIntOptions(process.argv.slice(2), DEFAULTS);
  console.log(`BLPOP wake-up latency (LPUSH written -> BLPOP reply read), ${o.rounds} rounds`);
  const servers: [string, RunningServer][] = [
    ['redmoon-server', await startRedmoonServer()],
    ['redis-server 7.0.15', await startRealRedis()],
  ];
  const medians: number[] = [];
  const p99s: number[] = [];
  try {
    for (const [label, srv] of servers) {
      await latencies(srv.port, Math.min(500, o.rounds)); // warm-up
      const sorted = (await latencies(srv.port, o.rounds)).sort((a, b) => a - b);
      const median = percentile(sorted, 50);
      const p99 = percentile(sorted, 99);
      medians.push(median);
      p99s.push(p99);
      console.log(`  ${label.padEnd(20)} median ${median.toFixed(1).padStart(7)} us   p99 ${p99.toFixed(1).padStart(7)} us`);
    }
  } finally {
    for (const [, srv] of servers) await srv.stop();
  }
  console.log(`  redmoon / redis: median ${(medians[0] / medians[1]).toFixed(2)}x, p99 ${(p99s[0] / p99s[1]).toFixed(2)}x (lower is faster)`);
}

await main();
