// `redmoon debug --commands` end to end (the bin script in a child process):
// its transcript must be what redis-cli --ldb prints for the same keystrokes
// against redis-server 7.0.15 holding the same data.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { type RunningServer, startRealRedis } from '../support/servers.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(REPO, 'packages/redmoon/bin/redmoon-debug.ts');
const DRIVER = fileURLToPath(new URL('./pty-driver.py', import.meta.url));
const COUNTER = fileURLToPath(new URL('./fixtures/counter.lua', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'redmoon-debug-'));

function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: REPO, encoding: 'latin1', timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, stdout, stderr });
    });
  });
}

function redmoonDebug(args: string[]) {
  return run('node', ['--import', 'tsx', BIN, ...args]);
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** redis-cli --ldb's transcript up to the end of the session, with Unix newlines. */
async function redisCliTranscript(port: number, sync: boolean, keystrokes: string[], evalArgs: string[]): Promise<string> {
  const argv = ['redis-cli', '-p', String(port), sync ? '--ldb-sync-mode' : '--ldb', '--eval', COUNTER, ...evalArgs];
  const { stdout } = await run('python3', [DRIVER, JSON.stringify(argv), JSON.stringify(keystrokes)]);
  const text = stdout.replace(/\r\n/g, '\n');
  const end = text.indexOf('(Lua debugging session ended');
  return text.slice(0, text.indexOf('\n', end) + 2);
}

describe('redmoon debug', () => {
  let real: RunningServer;
  beforeAll(async () => {
    real = await startRealRedis();
  });
  afterAll(async () => {
    await real.stop();
  });

  const data = () => file('data.json', JSON.stringify({ redmoon: 1, dbs: { 0: [{ key: 'counter', type: 'string', value: '10' }] } }));
  const keystrokes = ['s', 's', 'p', 'b 10', 'c', 'p total', 'e 1+1', 'r get counter', 'w', 't', 'c'];

  it('--commands prints what redis-cli --ldb prints (YES mode)', async () => {
    await cli(real.port, ['FLUSHALL']);
    await cli(real.port, ['SET', 'counter', '10']);
    const expected = await redisCliTranscript(real.port, false, keystrokes, ['counter', ',', '5']);
    const commands = file('commands.txt', `${keystrokes.join('\n')}\n`);
    const got = await redmoonDebug(['--data', data(), '--commands', commands, COUNTER, 'counter', ',', '5']);
    expect(got.stderr).toBe('');
    expect(got.code).toBe(0);
    expect(got.stdout).toBe(expected);
  });

  it('--sync and abort, as redis-cli --ldb-sync-mode', async () => {
    const strokes = ['b 11', 'c', 'p', 'a'];
    await cli(real.port, ['FLUSHALL']);
    await cli(real.port, ['SET', 'counter', '10']);
    const expected = await redisCliTranscript(real.port, true, strokes, ['counter', ',', '3']);
    const commands = file('sync.txt', `${strokes.join('\n')}\n`);
    const got = await redmoonDebug(['--sync', '--data', data(), '--commands', commands, COUNTER, 'counter', ',', '3']);
    // Functions print as "function@<address>": addresses differ between any two processes.
    const noAddresses = (t: string) => t.replace(/@0x[0-9a-f]+/g, '@<address>');
    expect(noAddresses(got.stdout)).toBe(noAddresses(expected));
  });

  it('--dump prints the keys the script changed', async () => {
    const commands = file('dump.txt', 'c\n');
    const got = await redmoonDebug(['--dump', '--data', data(), '--commands', commands, COUNTER, 'counter', ',', '5']);
    const json = got.stdout.slice(got.stdout.indexOf('{\n'));
    expect(JSON.parse(json)).toEqual({
      changed: { redmoon: 1, dbs: { 0: [{ key: 'counter', type: 'string', value: '15' }] } },
      deleted: {},
    });
  });

  it('quit lets the script run to its end; unsplittable lines are refused', async () => {
    const commands = file('quit.txt', "e 'x\nquit\n");
    const got = await redmoonDebug(['--commands', commands, COUNTER, 'counter', ',', '1']);
    expect(got.stdout).toContain("lua debugger> e 'x\nInvalid argument(s)\nlua debugger> quit\n");
    expect(got.stdout).toContain('(Lua debugging session ended -- dataset changes rolled back)');
  });

  it('reports a missing script or bad options', async () => {
    expect((await redmoonDebug([join(dir, 'nope.lua')])).code).toBe(1);
    const bad = await redmoonDebug(['--bogus', COUNTER]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('usage: redmoon debug');
  });
});
