// RESP fuzzer: random and mutated request streams (valid commands, truncations,
// bit flips, giant lengths, nested junk, inline garbage, random chunking and
// abrupt closes) against an in-process redmoon-server. After every round the
// server must not have thrown (no uncaught exception, no "internal error"
// reply), every fuzz connection must be gone from server.clients (no leak), and
// a fresh connection must get PONG (no hang).
// Run time: REDMOON_FUZZ_SECONDS (fuzz-support.ts); replay with REDMOON_FUZZ_SEED.
import { Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RedisServer } from '../../packages/core/src/server.ts';
import { createScriptingServer } from '../../packages/lua/src/index.ts';
import { listen, type RunningTcpServer } from '../../packages/server/src/index.ts';
import { fuzzSeconds, fuzzSeed, fuzzTimeoutMs, Rng } from './fuzz-support.ts';

let redis: RedisServer;
let tcp: RunningTcpServer;
const uncaught: unknown[] = [];
const onUncaught = (e: unknown): void => { uncaught.push(e); };

beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  redis = createScriptingServer();
  tcp = await listen(redis, { port: 0 });
});
afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await tcp?.close();
});

/**
 * Commands the streams are built from. Nothing that changes server-wide state
 * the checks depend on (CONFIG, CLIENT PAUSE/KILL, SHUTDOWN, DEBUG, long scripts).
 */
const COMMANDS: string[][] = [
  ['PING'], ['ECHO', 'hello'], ['SET', 'k', 'v'], ['GET', 'k'], ['INCR', 'n'], ['DEL', 'k', 'n'],
  ['LPUSH', 'l', 'a', 'b'], ['LRANGE', 'l', '0', '-1'], ['HSET', 'h', 'f', 'v'], ['HGETALL', 'h'],
  ['SADD', 's', 'x'], ['SMEMBERS', 's'], ['ZADD', 'z', '1', 'm'], ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'],
  ['EVAL', "return redis.call('GET', KEYS[1])", '1', 'k'], ['EVAL', 'return {1, 2, {3}}', '0'],
  ['MULTI'], ['EXEC'], ['DISCARD'], ['SUBSCRIBE', 'ch'], ['UNSUBSCRIBE'], ['PUBLISH', 'ch', 'm'],
  ['HELLO', '3'], ['HELLO', '2'], ['CLIENT', 'REPLY', 'OFF'], ['CLIENT', 'REPLY', 'ON'], ['CLIENT', 'SETNAME', 'x'],
  ['SELECT', '1'], ['SELECT', '0'], ['BLPOP', 'nolist', '0.05'], ['SCAN', '0'], ['KEYS', '*'], ['INFO', 'stats'],
  ['QUIT'], ['RESET'], ['SET', 'big', 'x'.repeat(70_000)], ['GETRANGE', 'big', '0', '100'],
];

function encodeCommand(argv: string[], rng: Rng): string {
  if (rng.chance(0.15)) return `${argv.map((a) => (rng.chance(0.2) ? `"${a}"` : a)).join(' ')}\r\n`;
  return `*${argv.length}\r\n${argv.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;
}

function randomBytes(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(rng.int(256));
  return s;
}

/** A damaged piece of protocol. */
function junk(rng: Rng): string {
  switch (rng.int(9)) {
    case 0: return `*${rng.pick(['2147483648', '-1', '0', '99999999999999999999', 'x', '', '1'])}\r\n`;
    case 1: return `*1\r\n$${rng.pick(['536870913', '-5', '99999999999', '3x', '', '70000'])}\r\n`;
    case 2: return '*'.repeat(rng.int(20)) + '$'.repeat(rng.int(5)) + '\r\n';
    case 3: return randomBytes(rng, rng.int(200));
    case 4: return `*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$${rng.int(100_000)}\r\n`; // a bulk announced, never sent
    case 5: return 'a'.repeat(rng.pick([10, 1000, 70_000])) + (rng.chance(0.5) ? '\r\n' : '');
    case 6: return `"unbalanced ${randomBytes(rng, 5)}\r\n`;
    case 7: return '\0'.repeat(rng.int(10)) + '\r\n';
    default: return `*2\r\n$4\r\nECHO\r\n$3\r\nabcdef\r\n`;
  }
}

/** One connection's stream: valid commands with junk, truncations and bit flips mixed in. */
function stream(rng: Rng): string {
  let s = '';
  const parts = 1 + rng.int(12);
  for (let i = 0; i < parts; i++) s += rng.chance(0.75) ? encodeCommand(rng.pick(COMMANDS), rng) : junk(rng);
  if (rng.chance(0.3) && s.length > 0) s = s.slice(0, rng.int(s.length)); // truncation
  const flips = rng.chance(0.4) ? 1 + rng.int(4) : 0;
  for (let i = 0; i < flips && s.length > 0; i++) {
    const at = rng.int(s.length);
    s = s.slice(0, at) + String.fromCharCode(s.charCodeAt(at) ^ (1 << rng.int(8))) + s.slice(at + 1);
  }
  return s;
}

interface FuzzConn {
  socket: Socket;
  received: string;
  closed: Promise<void>;
}

function connect(port: number): Promise<FuzzConn> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let received = '';
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('data', (d: Buffer) => { received += d.toString('latin1'); conn.received = received; });
    socket.on('error', () => {});
    const conn: FuzzConn = { socket, received, closed };
    socket.once('connect', () => resolve(conn));
    socket.once('error', reject);
    socket.connect(port, '127.0.0.1');
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Send the stream in random chunks, then leave it: abruptly, half-closed, or after a pause. */
async function play(conn: FuzzConn, data: string, rng: Rng): Promise<void> {
  let at = 0;
  while (at < data.length) {
    const n = 1 + rng.int(rng.chance(0.5) ? 16 : 100_000);
    conn.socket.write(Buffer.from(data.slice(at, at + n), 'latin1'));
    at += n;
    if (rng.chance(0.2)) await sleep(rng.int(3));
  }
  await sleep(rng.int(20));
  if (rng.chance(0.5)) conn.socket.destroy();
  else conn.socket.end();
}

async function pingFresh(port: number): Promise<string> {
  const c = await connect(port);
  c.socket.write('PING\r\n');
  const deadline = Date.now() + 2000;
  while (c.received.length < 7 && Date.now() < deadline) await sleep(5);
  c.socket.destroy();
  return c.received;
}

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!cond() && Date.now() < deadline) await sleep(10);
  return cond();
}

it('redmoon-server survives random and mutated RESP streams', async () => {
  const seed = fuzzSeed();
  const seconds = fuzzSeconds();
  console.log(`RESP fuzz: seed ${seed}, ${seconds} s (REDMOON_FUZZ_SEED=${seed} to replay)`);
  const rng = new Rng(seed);
  const baseline = redis.clients.size;
  const deadline = Date.now() + seconds * 1000;
  let rounds = 0;
  let inputs = 0;
  let bytes = 0;
  while (Date.now() < deadline) {
    const conns = await Promise.all(Array.from({ length: 1 + rng.int(5) }, () => connect(tcp.port)));
    const streams = conns.map(() => stream(rng));
    inputs += streams.length;
    bytes += streams.reduce((n, s) => n + s.length, 0);
    await Promise.all(conns.map((c, i) => play(c, streams[i], rng)));
    await Promise.all(conns.map((c) => Promise.race([c.closed, sleep(2000).then(() => c.socket.destroy())])));
    const context = `seed ${seed}, round ${rounds}`;
    for (const c of conns) expect(c.received, context).not.toContain('internal error');
    expect(uncaught, context).toEqual([]);
    const gone = await waitFor(() => redis.clients.size === baseline, 2000);
    if (!gone) console.log(streams.map((x) => JSON.stringify(x.slice(0, 300))).join('\n'), [...redis.clients.values()].map((c) => `${c.id} ${c.addr} flags close=${c.closeAfterReply} q=${c.queryBufLen} o=${c.outputBufLen} last=${c.lastCmd?.fullname}`));
    expect(gone, `${context}: clients leaked`).toBe(true);
    expect(await pingFresh(tcp.port), context).toBe('+PONG\r\n');
    rounds++;
  }
  console.log(`RESP fuzz: seed ${seed}: ${rounds} rounds, ${inputs} streams, ${bytes} bytes in ${seconds} s`);
  expect(rounds).toBeGreaterThan(0);
}, fuzzTimeoutMs());
