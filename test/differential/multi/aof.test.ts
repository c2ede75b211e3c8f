// How transactions are propagated, checked against what redis-server 7.0.15
// writes to its AOF for the same commands: Redis 7.0 wraps what one EXEC
// propagated in MULTI/EXEC only when it is two commands or more, sends a single
// write bare, and nothing for a read-only, aborted or discarded transaction.
// redmoon's propagation stream is rendered the way feedAppendOnlyFile writes
// it (a SELECT whenever the db changes) and compared command by command.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ControlledClock, type Propagated, type RedisServer } from '../../../packages/core/src/index.ts';
import { createScriptingServer } from '../../../packages/lua/src/index.ts';
import { type RunningServer, startRealRedis } from '../../support/servers.ts';
import { parseReply, splitReplies } from '../resp-reader.ts';
import { Wire } from './harness.ts';

type Cmd = string[];

/** A step: a command, or a pause (real time for redis, the controlled clock for redmoon). */
type AofStep = Cmd | { sleep: number };

let dir: string;
let real: RunningServer;
let wire: Wire;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redmoon-aof-'));
  // Later arguments win: AOF on, in our own directory. With fsync `always` the
  // AOF is written before the replies go out (everysec may postpone the write).
  real = await startRealRedis(['--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir, '--enable-debug-command', 'local']);
  wire = await Wire.connect(real.port);
  // Keys expire only when accessed, on both sides.
  expect(await wire.request(['DEBUG', 'SET-ACTIVE-EXPIRE', '0'])).toBe('+OK\r\n');
});

afterAll(async () => {
  wire?.close();
  await real?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Every command in the AOF's incremental file so far. */
function readAof(): Cmd[] {
  const aofDir = join(dir, 'appendonlydir');
  const incr = readdirSync(aofDir).filter((f) => f.endsWith('.incr.aof')).sort();
  const text = incr.map((f) => readFileSync(join(aofDir, f)).toString('latin1')).join('');
  return splitReplies(text).map((r) => parseReply(r).children!.map((n) => n.payload!));
}

/**
 * redmoon's stream as feedAppendOnlyFile writes it: SELECT before a command in
 * another db. The AOF has db 0 selected when a test starts (its reset FLUSHALL).
 */
function renderAof(stream: Propagated[]): Cmd[] {
  const out: Cmd[] = [];
  let selected = 0;
  for (const p of stream) {
    // EXEC is sent with dbid -1 by Redis: it never selects.
    if (p.argv[0] !== 'EXEC' && p.db !== selected) {
      out.push(['SELECT', String(p.db)]);
      selected = p.db;
    }
    out.push(p.argv);
  }
  return out;
}

/** Absolute expire times differ between the two runs (SET ... PXAT t, PEXPIREAT key t). */
const normalize = (cmds: Cmd[]): Cmd[] => cmds.map((c) => c.map((a, i) =>
  ((i > 0 && /^pxat$/i.test(c[i - 1])) || (i === 2 && /^pexpireat$/i.test(c[0])) ? '<time>' : a)));

/**
 * Run the steps on the real server (over TCP) and on a fresh redmoon, and
 * return what each propagated: [redis AOF, redmoon stream], both rendered as AOF commands.
 */
async function propagated(steps: AofStep[]): Promise<[Cmd[], Cmd[]]> {
  await wire.request(['SELECT', '0']);
  await wire.request(['FLUSHALL']);
  const before = readAof().length;
  const clock = new ControlledClock();
  clock.freeze();
  const server: RedisServer = createScriptingServer({ clock });
  // As DEBUG SET-ACTIVE-EXPIRE 0 on the real server (advancing the clock runs the cron).
  server.config.activeExpireEnabled = false;
  const c = server.createClient();
  const stream: Propagated[] = [];
  server.onPropagate((p) => stream.push(p));
  for (const step of steps) {
    if (Array.isArray(step)) {
      await wire.request(step);
      server.execute(c, step);
    } else {
      await new Promise((r) => setTimeout(r, step.sleep));
      clock.advance(step.sleep);
    }
  }
  // Redis writes the AOF before it sends the reply: every step's effect is in the file.
  return [normalize(readAof().slice(before)), normalize(renderAof(stream))];
}

/** The real AOF after the steps must equal redmoon's rendered stream; `expected` pins what both hold. */
async function check(steps: AofStep[], expected: Cmd[]): Promise<void> {
  const [aof, redmoon] = await propagated(steps);
  expect(aof, 'redis-server AOF').toEqual(expected);
  expect(redmoon, 'redmoon propagation').toEqual(expected);
}

const M: Cmd = ['MULTI'];
const X: Cmd = ['EXEC'];

describe('transaction propagation, as redis-server 7.0.15 writes its AOF', () => {
  test('one write is sent bare', () => check([M, ['SET', 'a', '1'], ['GET', 'a'], X], [['SET', 'a', '1']]));

  test('two writes are wrapped', () => check([M, ['SET', 'a', '1'], ['INCR', 'a'], X], [M, ['SET', 'a', '1'], ['INCR', 'a'], X]));

  test('a read-only transaction sends nothing', () => check([['SET', 'a', '1'], M, ['GET', 'a'], ['PING'], X], [['SET', 'a', '1']]));

  test('an empty transaction sends nothing', () => check([M, X], []));

  test('failed commands are left out, the rest is kept', () => check(
    [M, ['SET', 's', 'x'], ['INCR', 's'], ['LPUSH', 's', 'a'], ['SET', 't', '1'], X],
    [M, ['SET', 's', 'x'], ['SET', 't', '1'], X],
  ));

  test('an aborted, a discarded and a watched-out transaction send nothing', () => check(
    [M, ['SET', 'a', '1'], ['NOPE'], X, M, ['SET', 'a', '2'], ['DISCARD'], ['WATCH', 'w'], ['SET', 'w', '1'], M, ['SET', 'a', '3'], X],
    [['SET', 'w', '1']],
  ));

  test('SELECT inside the transaction: MULTI in the first write\'s db', () => check(
    [M, ['SELECT', '1'], ['SET', 'a', '1'], ['SELECT', '2'], ['SET', 'b', '2'], ['SELECT', '0'], X],
    [['SELECT', '1'], M, ['SET', 'a', '1'], ['SELECT', '2'], ['SET', 'b', '2'], X],
  ));

  test('a single write in another db', () => check([M, ['SELECT', '3'], ['SET', 'a', '1'], X], [['SELECT', '3'], ['SET', 'a', '1']]));

  test('scripts inside the transaction join its wrapping', () => check(
    [M, ['EVAL', "redis.call('set', KEYS[1], '1'); redis.call('incr', KEYS[1])", '1', 'a'], ['SET', 'b', '1'], X],
    [M, ['set', 'a', '1'], ['incr', 'a'], ['SET', 'b', '1'], X],
  ));

  test('a script with one write alone is sent bare', () => check(
    [M, ['EVAL', "return redis.call('set', KEYS[1], '1')", '1', 'a'], ['GET', 'a'], X],
    [['set', 'a', '1']],
  ));

  test('a key expired inside the transaction: its DEL joins the writes', () => check(
    [['SET', 'k', 'v', 'PX', '20'], { sleep: 40 }, M, ['GET', 'k'], ['SET', 'b', '1'], X],
    [['SET', 'k', 'v', 'PXAT', '<time>'], M, ['DEL', 'k'], ['SET', 'b', '1'], X],
  ));

  test('a key expired inside a read-only transaction: its DEL alone', () => check(
    [['SET', 'k', 'v', 'PX', '20'], { sleep: 40 }, M, ['GET', 'k'], ['EXISTS', 'k'], X],
    [['SET', 'k', 'v', 'PXAT', '<time>'], ['DEL', 'k']],
  ));

  test('rewritten commands keep their rewrite inside the transaction', () => check(
    [M, ['SET', 'a', '1'], ['EXPIRE', 'a', '100'], ['INCRBYFLOAT', 'f', '1.5'], ['SPOP', 'noset'], X],
    [M, ['SET', 'a', '1'], ['PEXPIREAT', 'a', '<time>'], ['SET', 'f', '1.5', 'KEEPTTL'], X],
  ));

  test('flushes inside the transaction', () => check(
    [M, ['SET', 'a', '1'], ['FLUSHDB'], ['FLUSHALL'], X],
    [M, ['SET', 'a', '1'], ['FLUSHDB'], ['FLUSHALL'], X],
  ));
});
