// Connection limits, each compared with redis-server 7.0.15 over TCP:
// maxclients, protected mode, client-query-buffer-limit, proto-max-bulk-len and
// client-output-buffer-limit (normal class with big replies, pubsub class with
// a subscriber that does not read).
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { RedisServer } from '../../packages/core/src/server.ts';
import { PROTECTED_MODE_DENIED, refuseConnection } from '../../packages/server/src/limits.ts';
import type { RunningServer } from '../support/servers.ts';
import { withBothServers } from '../support/both-servers.ts';
import { Conn, exchange, resp } from './net.ts';

const OK = '+OK\r\n';

/** A non-loopback IPv4 address of this machine, if it has one. */
function externalAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

let real: RunningServer;
let redmoon: RunningServer;
// Listening on every interface, so protected mode has something to protect.
withBothServers((r, m) => { real = r; redmoon = m; }, ['--bind', '0.0.0.0']);

/** Run the same scenario on both servers (one after the other: they share nothing) and compare. */
async function onBoth<T>(scenario: (port: number) => Promise<T>): Promise<T> {
  const want = await scenario(real.port);
  const got = await scenario(redmoon.port);
  expect(got).toEqual(want);
  return got;
}

async function configSet(port: number, name: string, value: string): Promise<void> {
  const r = await exchange(port, resp('CONFIG', 'SET', name, value), { quietMs: 50 });
  expect(r.reply).toBe(OK);
}

describe('connection limits match redis-server', () => {
  it('maxclients: a connection beyond it gets the error and is closed (guards against connection floods)', async () => {
    const result = await onBoth(async (port) => {
      const admin = await Conn.open(port);
      expect(await admin.call(5, 'CONFIG', 'SET', 'maxclients', '2')).toBe(OK);
      const second = await Conn.open(port);
      const third = await exchange(port, 'PING\r\n');
      const stillServed = await second.call(7, 'PING');
      expect(await admin.call(5, 'CONFIG', 'SET', 'maxclients', '10000')).toBe(OK);
      second.close();
      admin.close();
      return { third, stillServed };
    });
    expect(result.third).toEqual({ reply: '-ERR max number of clients reached\r\n', closed: true });
  });

  it('protected mode: a non-loopback client without a password is DENIED and closed (guards against open exposure)', async () => {
    // The rule itself, for any address (the machine may have no other interface).
    const s = new RedisServer();
    expect(refuseConnection(s, 0, '10.1.2.3')).toBe(PROTECTED_MODE_DENIED);
    expect(refuseConnection(s, 0, '::ffff:127.0.0.1')).toBeNull();
    expect(refuseConnection(s, 0, undefined)).toBeNull();
    s.setConfig('requirepass', 'pw');
    expect(refuseConnection(s, 0, '10.1.2.3')).toBeNull();
    s.setConfig('requirepass', '');
    s.setConfig('protected-mode', 'no');
    expect(refuseConnection(s, 0, '10.1.2.3')).toBeNull();
    // And over TCP, byte for byte, from a non-loopback address of this machine.
    const host = externalAddress();
    if (host === undefined) return;
    const r = await onBoth((port) => exchange(port, 'PING\r\n', { host }));
    expect(r).toEqual({ reply: PROTECTED_MODE_DENIED, closed: true });
    const rejected = await onBoth(async (port) => /rejected_connections:(\d+)/.exec((await exchange(port, 'INFO stats\r\n')).reply)?.[1]);
    expect(Number(rejected)).toBeGreaterThan(0);
  });

  it('client-query-buffer-limit: a client whose unparsed input exceeds it is closed without a reply (guards against memory growth)', async () => {
    const r = await onBoth(async (port) => {
      await configSet(port, 'client-query-buffer-limit', '1mb');
      const partial = await exchange(port, `*2\r\n$4\r\nECHO\r\n$2000000\r\n${'x'.repeat(1_500_000)}`, { quietMs: 500 });
      const underLimit = await exchange(port, resp('ECHO', 'y'.repeat(900_000)), { quietMs: 500 });
      await configSet(port, 'client-query-buffer-limit', '1gb');
      return { partial, underLimit: { length: underLimit.reply.length, closed: underLimit.closed } };
    });
    expect(r.partial).toEqual({ reply: '', closed: true });
    expect(r.underLimit).toEqual({ length: 900_011, closed: false });
  });

  it('proto-max-bulk-len: a longer bulk is a protocol error (guards against giant allocations)', async () => {
    const r = await onBoth(async (port) => {
      await configSet(port, 'proto-max-bulk-len', '1mb');
      const over = await exchange(port, '*2\r\n$4\r\nECHO\r\n$1048577\r\n');
      const at = await exchange(port, '*2\r\n$4\r\nECHO\r\n$1048576\r\n');
      await configSet(port, 'proto-max-bulk-len', '512mb');
      return { over, at };
    });
    expect(r.over).toEqual({ reply: '-ERR Protocol error: invalid bulk length\r\n', closed: true });
  });

  it('client-output-buffer-limit normal: replies beyond the hard limit close the client, nothing written (guards against slow readers)', async () => {
    const cases = ['GET big\r\n', 'GET mid\r\n', 'GET mid\r\nGET mid\r\n', 'PING\r\nGET mid\r\nGET mid\r\n', 'PING\r\nGET mid\r\n'];
    const r = await onBoth(async (port) => {
      const setup = await exchange(port, resp('SET', 'big', 'x'.repeat(2_000_000)) + resp('SET', 'mid', 'y'.repeat(600_000)), { quietMs: 100 });
      expect(setup.reply).toBe(OK + OK);
      await configSet(port, 'client-output-buffer-limit', 'normal 1mb 0 0');
      const out: { length: number; closed: boolean }[] = [];
      for (const input of cases) {
        const e = await exchange(port, input, { quietMs: 300 });
        out.push({ length: e.reply.length, closed: e.closed });
      }
      await configSet(port, 'client-output-buffer-limit', 'normal 0 0 0');
      return out;
    });
    expect(r.map((x) => x.closed)).toEqual([true, false, true, true, false]);
  });

  it('a client that sends half a command and goes silent blocks nothing (guards against slowloris-style stalls)', async () => {
    const r = await onBoth(async (port) => {
      const slow = await Conn.open(port);
      slow.send('*3\r\n$3\r\nSET\r\n$4\r\nhalf\r\n$5\r\nab');
      const other = await Conn.open(port);
      const before = [await other.call(5, 'SET', 'x', '1'), await other.call(5, 'GET', 'half')];
      slow.send('cde\r\n');
      const completed = await slow.read(5);
      const after = await other.call(11, 'GET', 'half');
      await other.call(4, 'DEL', 'half', 'x');
      slow.close();
      other.close();
      return { before, completed, after };
    });
    expect(r).toEqual({ before: [OK, '$-1\r\n'], completed: OK, after: '$5\r\nabcde\r\n' });
  });

  it('client-output-buffer-limit pubsub: a subscriber that does not read is disconnected, the publisher goes on (guards against slow subscribers)', async () => {
    const r = await onBoth(async (port) => {
      await configSet(port, 'client-output-buffer-limit', 'pubsub 1mb 256kb 60');
      const sub = await Conn.open(port);
      expect(await sub.call(33, 'SUBSCRIBE', 'ch')).toBe('*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n');
      sub.socket.pause(); // a subscriber that stops reading: the kernel buffers fill, then the server's
      const pub = await Conn.open(port);
      const message = 'm'.repeat(200_000);
      const receivers: string[] = [];
      for (let i = 0; i < 400 && !(receivers.length > 0 && receivers[receivers.length - 1] === ':0\r\n'); i++) {
        receivers.push(await pub.call(4, 'PUBLISH', 'ch', message));
      }
      sub.socket.resume(); // a paused socket would not see the close
      const closed = await sub.waitClosed(5000);
      const after = await pub.call(7, 'PING');
      await configSet(port, 'client-output-buffer-limit', 'pubsub 32mb 8mb 60');
      pub.close();
      sub.close();
      return { closed, droppedOut: receivers[receivers.length - 1], after };
    });
    expect(r).toEqual({ closed: true, droppedOut: ':0\r\n', after: '+PONG\r\n' });
  });
});
