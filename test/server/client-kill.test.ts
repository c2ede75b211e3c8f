// CLIENT KILL over TCP: the killed client's socket is closed; a client that
// kills itself still gets its reply first. Checked against redis-server 7.0.15.
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/servers.ts';
import { withBothServers } from '../support/both-servers.ts';

/** A connection that records everything it receives and when it was closed. */
class RawClient {
  private readonly socket = new Socket();
  received = '';
  closed = false;
  private waiters: (() => void)[] = [];

  static connect(port: number): Promise<RawClient> {
    const c = new RawClient();
    return new Promise((resolve, reject) => {
      c.socket.once('error', reject);
      c.socket.connect(port, '127.0.0.1', () => resolve(c));
    });
  }

  private constructor() {
    const wake = (): void => { for (const w of this.waiters.splice(0)) w(); };
    this.socket.on('data', (d: Buffer) => { this.received += d.toString('latin1'); wake(); });
    this.socket.on('close', () => { this.closed = true; wake(); });
    this.socket.on('error', () => {});
  }

  /** Send a command and wait until the received text satisfies `until`. */
  async send(line: string, until: (c: RawClient) => boolean): Promise<void> {
    this.socket.write(line);
    while (!until(this)) await new Promise<void>((r) => this.waiters.push(r));
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Run the kill scenario on one server: [victim's view, killer's view]. */
async function killScenario(port: number): Promise<{ victim: [string, boolean]; self: [string, boolean]; killer: string }> {
  const victim = await RawClient.connect(port);
  const killer = await RawClient.connect(port);
  const self = await RawClient.connect(port);
  await victim.send('CLIENT ID\r\n', (c) => c.received.endsWith('\r\n'));
  const victimId = victim.received.slice(1, -2);
  await killer.send(`CLIENT KILL ID ${victimId}\r\n`, (c) => c.received.endsWith('\r\n'));
  await new Promise<void>((r) => { const t = setInterval(() => { if (victim.closed) { clearInterval(t); r(); } }, 5); });
  await self.send('CLIENT ID\r\n', (c) => c.received.endsWith('\r\n'));
  const selfId = self.received.slice(1, -2);
  self.received = '';
  await self.send(`CLIENT KILL ID ${selfId} SKIPME no\r\nPING\r\n`, (c) => c.closed);
  killer.close();
  return { victim: [victim.received.replace(/^:\d+/, ':<id>'), victim.closed], self: [self.received, self.closed], killer: killer.received };
}

let real: RunningServer;
let redmoon: RunningServer;

withBothServers((r, m) => { real = r; redmoon = m; });

describe('CLIENT KILL over TCP', () => {
  it('closes the killed connection, and a self-kill after its reply', async () => {
    const want = await killScenario(real.port);
    expect(want).toEqual({ victim: [':<id>\r\n', true], self: [':1\r\n', true], killer: ':1\r\n' });
    expect(await killScenario(redmoon.port)).toEqual(want);
  });
});
