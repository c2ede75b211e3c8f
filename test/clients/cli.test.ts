// The redmoon CLI: `redmoon eval` prints what `redis-cli --eval` prints against
// a real redis-server holding the same dataset; `redmoon dump` reads a real
// server into a snapshot that `--data` loads back.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CliIo, dumpCli, evalCli } from '../../packages/redmoon/src/cli.ts';
import { type Snapshot, createRedis } from '../../packages/redmoon/src/index.ts';
import { type RunningServer, startRealRedis } from '../support/servers.ts';

const FIXTURE: Snapshot = {
  redmoon: 1,
  dbs: {
    0: [
      { key: 'user:1', type: 'hash', value: [['name', 'Ada'], ['visits', '3']] },
      { key: 'queue', type: 'list', value: ['a', 'b', 'c'] },
      { key: 'scores', type: 'zset', value: [['x', 1.5], ['y', 2]] },
      { key: 'tags', type: 'set', value: ['t1'] },
      { key: 'bin', type: 'string', value: { base64: '/wABCg==' } },
    ],
  },
};

const SCRIPTS: [string, string[]][] = [
  ["return {1, 'two', {KEYS[1], ARGV[1]}, redis.status_reply('FINE'), false, 'a\"b\\\\c\\n\\1', {}, 3.7}", ['k1', 'k2', ',', 'a1', 'a2']],
  ["return redis.call('HGETALL', KEYS[1])", ['user:1']],
  ["return redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')", ['scores']],
  ["return redis.call('GET', KEYS[1])", ['bin']],
  ["return redis.error_reply('MYERR bad')", []],
  ['return {1,2,3,4,5,6,7,8,9,10,{1,{2,{}}}}', []],
  ["return redis.call('GET', KEYS[1])", [',', 'x']],
  ["redis.call('RPUSH', KEYS[1], ARGV[1]); return redis.call('LRANGE', KEYS[1], 0, -1)", ['queue', ',', 'd']],
  ['return nil', []],
  ["return redis.call('INCR', KEYS[1])", ['user:1']],
];

let real: RunningServer;
let dir: string;
let fixturePath: string;

/** Load the fixture into the real server: DUMP from redmoon, RESTORE there. */
async function loadIntoReal(): Promise<void> {
  const src = createRedis({ data: FIXTURE });
  const dst = new IORedis({ port: real.port, host: '127.0.0.1' });
  await dst.flushall();
  for (const key of src.callSync('KEYS', '*') as string[]) {
    const payload = src.callSyncBuffer('DUMP', key) as Buffer;
    await dst.restore(key, 0, payload);
  }
  dst.disconnect();
  await src.close();
}

function redisCli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('redis-cli', ['-p', String(real.port), ...args], { encoding: 'latin1' }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
}

function captureIo(isTTY: boolean): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', isTTY, stdout: (b: string) => { io.out += b; }, stderr: (t: string) => { io.err += t; } };
  return io;
}

beforeAll(async () => {
  real = await startRealRedis();
  dir = mkdtempSync(join(tmpdir(), 'redmoon-cli-'));
  fixturePath = join(dir, 'fixture.json');
  writeFileSync(fixturePath, JSON.stringify(FIXTURE));
});

afterAll(() => real.stop());

describe('redmoon eval matches redis-cli --eval', () => {
  SCRIPTS.forEach(([body, args], n) => {
    for (const mode of ['--raw', '--no-raw']) {
      test(`script ${n + 1} ${mode}`, async () => {
        const file = join(dir, `s${n}.lua`);
        writeFileSync(file, `${body}\n`);
        await loadIntoReal();
        const expected = await redisCli([mode, '--eval', file, ...args]);
        const io = captureIo(false);
        expect(await evalCli(['--data', fixturePath, mode, file, ...args], io)).toBe(0);
        expect(io.out).toBe(expected);
      });
    }
  });

  test('without --raw/--no-raw the output follows the terminal, as redis-cli', async () => {
    const file = join(dir, 'tty.lua');
    writeFileSync(file, 'return {1}');
    const tty = captureIo(true);
    await evalCli([file], tty);
    expect(tty.out).toBe('1) (integer) 1\n');
    const piped = captureIo(false);
    await evalCli([file], piped);
    expect(piped.out).toBe('1\n');
  });

  test('a missing script file', async () => {
    const io = captureIo(false);
    expect(await evalCli([join(dir, 'nope.lua')], io)).toBe(1);
    expect(io.err).toBe(`Can't open file '${join(dir, 'nope.lua')}': No such file or directory\n`);
  });

  test('--save writes the dataset after the script', async () => {
    const file = join(dir, 'save.lua');
    const out = join(dir, 'after.json');
    writeFileSync(file, "return redis.call('SET', KEYS[1], ARGV[1])");
    await evalCli(['--data', fixturePath, '--save', out, file, 'new', ',', 'value'], captureIo(false));
    const saved = JSON.parse(readFileSync(out, 'utf8')) as Snapshot;
    expect(saved.dbs['0']).toContainEqual({ key: 'new', type: 'string', value: 'value' });
    expect(saved.dbs['0']).toHaveLength(FIXTURE.dbs['0'].length + 1);
  });
});

describe('redmoon dump', () => {
  test('a real server dumped to a snapshot equals the fixture it was loaded from', async () => {
    await loadIntoReal();
    const io = captureIo(false);
    expect(await dumpCli(['--port', String(real.port)], io)).toBe(0);
    const snap = JSON.parse(Buffer.from(io.out, 'latin1').toString('utf8')) as Snapshot;
    const byKey = (s: Snapshot): unknown[] => [...s.dbs['0']].sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));
    expect(byKey(snap)).toEqual(byKey(FIXTURE));
  });
});

test('redmoon load serves a snapshot over TCP', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/redmoon/bin/redmoon.ts', 'load', fixturePath, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /redmoon ready on [^\s]*:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
    });
    const c = new IORedis({ port, host: '127.0.0.1' });
    expect(await c.hgetall('user:1')).toEqual({ name: 'Ada', visits: '3' });
    c.disconnect();
  } finally {
    child.kill('SIGTERM');
  }
});

test('bin/redmoon.ts runs', async () => {
  const file = join(dir, 'bin.lua');
  writeFileSync(file, 'return ARGV[1]');
  const out = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'packages/redmoon/bin/redmoon.ts', 'eval', file, ',', 'hé'], { encoding: 'utf8' }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
  expect(out).toBe('hé\n');
});
