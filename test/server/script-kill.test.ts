// A script past busy-reply-threshold over TCP: the server keeps serving other
// clients (BUSY for all but the allow-busy commands), SCRIPT KILL stops a
// script that did not write (UNKILLABLE otherwise), its caller gets the kill
// error and the server stays healthy. The same scenario runs on redis-server
// 7.0.15 and on redmoon-server, and every reply is compared.
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/servers.ts';
import { withBothServers } from '../support/both-servers.ts';
import { busyLoop, sleep } from '../support/busy-script.ts';
import { RespClient } from '../support/resp-client.ts';

/** The kill scenario on one server; the caller's sha-bearing error is returned as is. */
async function killScenario(port: number): Promise<Record<string, string>> {
  const caller = await RespClient.connect(port);
  const other = await RespClient.connect(port);
  const seen: Record<string, string> = {};
  seen.config = await caller.call('CONFIG', 'SET', 'lua-time-limit', '100');
  seen.notBusy = await other.call('SCRIPT', 'KILL');
  caller.send('EVAL', busyLoop(10, false), '0');
  await sleep(300);
  const started = Date.now();
  seen.ping = await other.call('PING');
  seen.get = await other.call('GET', 'x');
  seen.eval = await other.call('EVAL', 'return 1', '0');
  seen.scriptLoad = await other.call('SCRIPT', 'LOAD', 'return 1');
  seen.unknownCommand = await other.call('NOSUCHCOMMAND');
  seen.wrongArity = await other.call('GET');
  seen.kill = await other.call('SCRIPT', 'KILL');
  seen.killed = await caller.reply();
  seen.afterPing = await other.call('PING');
  seen.callerPing = await caller.call('PING');
  seen.killAgain = await other.call('SCRIPT', 'KILL');
  // The killed loop ended long before its 10 s bound.
  seen.fast = String(Date.now() - started < 5000);
  caller.close();
  other.close();
  return seen;
}

/** A script that wrote cannot be killed: it runs to its end (4 s, ample for the checks on a loaded machine), BUSY meanwhile. */
async function unkillableScenario(port: number): Promise<Record<string, string>> {
  const caller = await RespClient.connect(port);
  const other = await RespClient.connect(port);
  const seen: Record<string, string> = {};
  seen.config = await caller.call('CONFIG', 'SET', 'lua-time-limit', '100');
  caller.send('EVAL', busyLoop(4, true), '0');
  await sleep(300);
  seen.kill = await other.call('SCRIPT', 'KILL');
  seen.ping = await other.call('PING');
  seen.result = await caller.reply();
  seen.written = await other.call('EXISTS', 'written');
  seen.del = await other.call('DEL', 'written');
  caller.close();
  other.close();
  return seen;
}

let real: RunningServer;
let redmoon: RunningServer;

withBothServers((r, m) => { real = r; redmoon = m; });

describe('a script past busy-reply-threshold over TCP', () => {
  it('answers BUSY to other clients, and SCRIPT KILL stops it', async () => {
    const [want, got] = await Promise.all([killScenario(real.port), killScenario(redmoon.port)]);
    expect(want.ping).toBe('-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n');
    expect(want.kill).toBe('+OK\r\n');
    expect(want.killed).toMatch(/^-ERR Script killed by user with SCRIPT KILL\.\.\. script: [0-9a-f]{40}, on @user_script:1\.\r\n$/);
    expect(got).toEqual(want);
  }, 30_000);

  it('refuses to kill a script that wrote (UNKILLABLE) and lets it finish', async () => {
    const [want, got] = await Promise.all([unkillableScenario(real.port), unkillableScenario(redmoon.port)]);
    expect(want.kill).toMatch(/^-UNKILLABLE Sorry the script already executed write commands/);
    expect(want.result).toBe('$4\r\ndone\r\n');
    expect(got).toEqual(want);
  }, 30_000);
});
