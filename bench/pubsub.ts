// Pub/sub fan-out benchmark: N subscribers (default 100) on one channel, one
// publisher sending PUBLISH with a bounded number of requests in flight;
// reported as messages delivered per second (publishes x subscribers, until the
// last subscriber has read its last message). redmoon-server and a real
// redis-server 7.0.15 over loopback TCP, in the same run, with the ratio.
// Run: npx pnpm@9 bench:pubsub   (options: --subscribers <n>, --messages <n>, --size <bytes>, --window <n>)
import type { Socket } from 'node:net';
import { type RunningServer, startRealRedis, startRedmoonServer } from '../test/support/servers.ts';
import { connect, resp } from './net.ts';
import { parseIntOptions } from './options.ts';

const DEFAULTS = { subscribers: 100, messages: 20_000, size: 32, window: 64 };
const CHANNEL = 'bench';



/** Resolve once `bytes` more bytes have arrived on s (then stop counting). */
function expectBytes(s: Socket, bytes: number): Promise<void> {
  return new Promise((resolve) => {
    let got = 0;
    const onData = (d: Buffer): void => {
      got += d.length;
      if (got >= bytes) {
        s.off('data', onData);
        resolve();
      }
    };
    s.on('data', onData);
  });
}

interface Result { seconds: number; delivered: number }

async function fanOut(port: number, o: typeof DEFAULTS): Promise<Result> {
  const subs = await Promise.all(Array.from({ length: o.subscribers }, () => connect(port)));
  const confirmation = `*3\r\n$9\r\nsubscribe\r\n$${CHANNEL.length}\r\n${CHANNEL}\r\n:1\r\n`.length;
  await Promise.all(subs.map((s) => {
    const done = expectBytes(s, confirmation);
    s.write(resp(['SUBSCRIBE', CHANNEL]));
    return done;
  }));
  const payload = 'x'.repeat(o.size);
  const message = `*3\r\n$7\r\nmessage\r\n$${CHANNEL.length}\r\n${CHANNEL}\r\n$${payload.length}\r\n${payload}\r\n`.length;
  const received = Promise.all(subs.map((s) => expectBytes(s, message * o.messages)));

  const pub = await connect(port);
  const request = resp(['PUBLISH', CHANNEL, payload]);
  const replyLength = `:${o.subscribers}\r\n`.length;
  const start = process.hrtime.bigint();
  // Keep at most `window` PUBLISHes unanswered, as a pipelining client would.
  await new Promise<void>((resolve) => {
    let sent = 0;
    let answered = 0;
    let pendingBytes = 0;
    const fill = (): void => {
      let batch = '';
      while (sent < o.messages && sent - answered < o.window) {
        batch += request;
        sent++;
      }
      if (batch !== '') pub.write(batch);
    };
    pub.on('data', (d: Buffer) => {
      pendingBytes += d.length;
      const n = Math.floor(pendingBytes / replyLength);
      pendingBytes -= n * replyLength;
      answered += n;
      if (answered === o.messages) resolve();
      else fill();
    });
    fill();
  });
  await received;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  for (const s of [...subs, pub]) s.destroy();
  return { seconds, delivered: o.messages * o.subscribers };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const o = parseIntOptions(process.argv.slice(2), DEFAULTS);
  console.log(`PUBLISH fan-out: ${o.subscribers} subscribers, ${o.messages} messages of ${o.size} bytes, ${o.window} in flight`);
  const servers: [string, RunningServer][] = [
    ['redmoon-server', await startRedmoonServer()],
    ['redis-server 7.0.15', await startRealRedis()],
  ];
  const rates: number[] = [];
  try {
    for (const [label, srv] of servers) {
      await fanOut(srv.port, { ...o, messages: Math.min(o.messages, 1000) }); // warm-up
      const r = await fanOut(srv.port, o);
      const rate = r.delivered / r.seconds;
      rates.push(rate);
      console.log(`  ${label.padEnd(20)} ${fmt(rate).padStart(12)} messages delivered/s  (${fmt(r.delivered)} in ${r.seconds.toFixed(2)} s)`);
    }
  } finally {
    for (const [, srv] of servers) await srv.stop();
  }
  console.log(`  redmoon / redis: ${(rates[0] / rates[1]).toFixed(2)}x`);
}

await main();
