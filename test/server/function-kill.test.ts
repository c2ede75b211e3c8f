// A function past busy-reply-threshold over TCP, as script-kill.test.ts does it
// for EVAL: other clients get BUSY (naming FUNCTION KILL), FUNCTION STATS shows
// the running function, FUNCTION KILL stops a function that did not write
// (UNKILLABLE otherwise), SCRIPT KILL refuses to kill a function and FUNCTION
// KILL refuses to kill a script. The same scenario runs on redis-server 7.0.15
// and on redmoon-server, and every reply is compared.
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/servers.ts';
import { withBothServers } from '../support/both-servers.ts';
import { busyLoop, sleep } from '../support/busy-script.ts';
import { RespClient } from '../support/resp-client.ts';

const LIBRARY = `#!lua name=busy
redis.register_function('spin', function(keys, args) ${busyLoop(10, false)} end)
redis.register_function('spin_write', function(keys, args) ${busyLoop(4, true)} end)
redis.register_function('quick', function() return 1 end)`;

/** FUNCTION STATS with the running time (which differs run to run) masked. */
const maskDuration = (reply: string): string => reply.replace(/duration_ms\r\n:\d+\r\n/, 'duration_ms\r\n:<ms>\r\n');

async function setup(port: number): Promise<[RespClient, RespClient, Record<string, string>]> {
  const caller = await RespClient.connect(port);
  const other = await RespClient.connect(port);
  const seen: Record<string, string> = {};
  seen.flush = await caller.call('FUNCTION', 'FLUSH');
  seen.load = await caller.call('FUNCTION', 'LOAD', LIBRARY);
  seen.config = await caller.call('CONFIG', 'SET', 'lua-time-limit', '100');
  return [caller, other, seen];
}

/** FUNCTION KILL stops a function that did not write; everything else answers BUSY meanwhile. */
async function killScenario(port: number): Promise<Record<string, string>> {
  const [caller, other, seen] = await setup(port);
  seen.notBusy = await other.call('FUNCTION', 'KILL');
  seen.statsIdle = await other.call('FUNCTION', 'STATS');
  caller.send('FCALL', 'spin', '1', 'somekey', 'somearg');
  await sleep(300);
  const started = Date.now();
  seen.ping = await other.call('PING');
  seen.get = await other.call('GET', 'x');
  seen.fcall = await other.call('FCALL', 'quick', '0');
  seen.eval = await other.call('EVAL', 'return 1', '0');
  seen.functionList = await other.call('FUNCTION', 'LIST');
  seen.unknownCommand = await other.call('NOSUCHCOMMAND');
  seen.stats = maskDuration(await other.call('FUNCTION', 'STATS'));
  seen.scriptKill = await other.call('SCRIPT', 'KILL');
  seen.kill = await other.call('FUNCTION', 'KILL');
  seen.killed = await caller.reply();
  seen.afterPing = await other.call('PING');
  seen.callerPing = await caller.call('PING');
  seen.killAgain = await other.call('FUNCTION', 'KILL');
  seen.statsAfter = await other.call('FUNCTION', 'STATS');
  // The killed loop ended well before its 10 s bound (a loaded machine slows each BUSY reply down).
  seen.fast = String(Date.now() - started < 8000);
  caller.close();
  other.close();
  return seen;
}

/** A function that wrote cannot be killed: it runs to its end (4 s, ample for the checks on a loaded machine), BUSY meanwhile. */
async function unkillableScenario(port: number): Promise<Record<string, string>> {
  const [caller, other, seen] = await setup(port);
  caller.send('FCALL', 'spin_write', '0');
  await sleep(300);
  seen.kill = await other.call('FUNCTION', 'KILL');
  seen.scriptKill = await other.call('SCRIPT', 'KILL');
  seen.ping = await other.call('PING');
  seen.result = await caller.reply();
  seen.written = await other.call('EXISTS', 'written');
  seen.del = await other.call('DEL', 'written');
  caller.close();
  other.close();
  return seen;
}

/** While an EVAL script is busy, FUNCTION KILL and FUNCTION STATS refuse; SCRIPT KILL works. */
async function scriptBusyScenario(port: number): Promise<Record<string, string>> {
  const [caller, other, seen] = await setup(port);
  caller.send('EVAL', busyLoop(10, false), '0');
  await sleep(300);
  seen.ping = await other.call('PING');
  seen.functionKill = await other.call('FUNCTION', 'KILL');
  seen.stats = await other.call('FUNCTION', 'STATS');
  seen.scriptKill = await other.call('SCRIPT', 'KILL');
  seen.killed = (await caller.reply()).replace(/[0-9a-f]{40}/, '<sha>');
  seen.after = await other.call('FUNCTION', 'STATS');
  caller.close();
  other.close();
  return seen;
}

let real: RunningServer;
let redmoon: RunningServer;

withBothServers((r, m) => { real = r; redmoon = m; });

describe('a function past busy-reply-threshold over TCP', () => {
  it('answers BUSY to other clients, shows in FUNCTION STATS, and FUNCTION KILL stops it', async () => {
    const [want, got] = await Promise.all([killScenario(real.port), killScenario(redmoon.port)]);
    expect(want.ping).toBe('-BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.\r\n');
    expect(want.kill).toBe('+OK\r\n');
    expect(want.killed).toBe('-ERR Script killed by user with SCRIPT KILL... script: spin, on @user_function:2.\r\n');
    expect(want.stats).toContain('spin');
    expect(got).toEqual(want);
  }, 30_000);

  it('refuses to kill a function that wrote (UNKILLABLE) and lets it finish', async () => {
    const [want, got] = await Promise.all([unkillableScenario(real.port), unkillableScenario(redmoon.port)]);
    expect(want.kill).toMatch(/^-UNKILLABLE Sorry the script already executed write commands/);
    expect(want.result).toBe('$4\r\ndone\r\n');
    expect(got).toEqual(want);
  }, 30_000);

  it('refuses FUNCTION KILL and FUNCTION STATS while an EVAL script is busy', async () => {
    const [want, got] = await Promise.all([scriptBusyScenario(real.port), scriptBusyScenario(redmoon.port)]);
    expect(want.functionKill).toBe('-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n');
    expect(want.scriptKill).toBe('+OK\r\n');
    expect(got).toEqual(want);
  }, 30_000);
});
