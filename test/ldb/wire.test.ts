// The LDB wire protocol byte for byte against redis-server 7.0.15: SCRIPT DEBUG
// and its errors, sessions in both modes, Redis's small command parser and its
// protocol errors, and what other clients see while a session runs.
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { withBothServers } from '../support/both-servers.ts';
import type { RunningServer } from '../support/servers.ts';

/** A raw connection that collects what the server sends. */
class Raw {
  private data = '';
  private closed = false;
  private readonly socket: Socket;

  constructor(port: number) {
    this.socket = new Socket();
    this.socket.on('data', (d: Buffer) => { this.data += d.toString('latin1'); });
    this.socket.on('close', () => { this.closed = true; });
    this.socket.on('error', () => {});
    this.socket.connect(port, '127.0.0.1');
  }

  send(bytes: string): void {
    if (!this.closed) this.socket.write(Buffer.from(bytes, 'latin1'));
  }

  command(...argv: string[]): void {
    this.send(`*${argv.length}\r\n${argv.map((a) => `$${Buffer.byteLength(a, 'latin1')}\r\n${a}\r\n`).join('')}`);
  }

  /**
   * What arrived once the input went quiet (or the connection closed), then
   * cleared; when nothing arrives, gives up after emptyMs.
   */
  async take(emptyMs = 500): Promise<string> {
    let last = 0;
    for (let waited = 0; waited < 5000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
      if (this.closed) break;
      if (this.data.length === 0 ? waited >= emptyMs : this.data.length === last) break;
      last = this.data.length;
    }
    const out = this.data + (this.closed ? '<closed>' : '');
    this.data = '';
    return out;
  }

  end(): void {
    this.socket.destroy();
  }
}

type Step = string[] | { raw: string };

/** Run the steps on one connection, recording what each produced. */
async function transcript(port: number, steps: Step[]): Promise<string[]> {
  const c = new Raw(port);
  const out: string[] = [];
  c.command('FLUSHALL');
  await c.take();
  for (const step of steps) {
    if (Array.isArray(step)) c.command(...step);
    else c.send(step.raw);
    out.push(await c.take());
  }
  c.end();
  return out;
}

const SCRIPT = "local a = redis.call('incr', KEYS[1])\nlocal b = a * 2\nreturn {a, b}\n";

const cases: { name: string; steps: Step[] }[] = [
  {
    name: 'SCRIPT DEBUG arguments, EVALSHA refused, NO turns it off',
    steps: [['SCRIPT', 'DEBUG', 'maybe'], ['SCRIPT', 'DEBUG'], ['SCRIPT', 'DEBUG', 'yes'], ['EVALSHA', 'a'.repeat(40), '0'],
      ['EVALSHA', 'abc', '0'], ['SCRIPT', 'DEBUG', 'no'], ['EVAL', 'return 1', '0']],
  },
  {
    name: 'SCRIPT DEBUG inside MULTI, and from a script',
    steps: [['MULTI'], ['SCRIPT', 'DEBUG', 'YES'], ['EXEC'], ['EVAL', "return redis.call('script', 'debug', 'yes')", '0']],
  },
  {
    name: 'SCRIPT DEBUG behind a pipelined reply',
    steps: [{ raw: '*1\r\n$4\r\nPING\r\n*3\r\n$6\r\nSCRIPT\r\n$5\r\nDEBUG\r\n$3\r\nYES\r\n' }],
  },
  {
    name: 'a YES session: steps, commands, the EVAL reply and the close',
    steps: [['SCRIPT', 'DEBUG', 'YES'], ['EVAL', SCRIPT, '1', 'n'], ['s'], ['p'], ['r', 'get', 'n'], ['print', 'a'], ['c']],
  },
  {
    name: 'a SYNC session keeps its writes',
    steps: [['SCRIPT', 'DEBUG', 'SYNC'], ['EVAL', SCRIPT, '1', 'n'], ['n'], ['continue'], ['GET', 'n']],
  },
  {
    name: 'arguments checked after the session started',
    steps: [['SCRIPT', 'DEBUG', 'YES'], ['EVAL', 'return 1', 'x']],
  },
  {
    name: 'a script that does not compile',
    steps: [['SCRIPT', 'DEBUG', 'YES'], ['EVAL', 'ret urn', '0']],
  },
  {
    name: 'an empty script',
    steps: [['SCRIPT', 'DEBUG', 'YES'], ['EVAL', '', '0'], ['w'], ['c']],
  },
  { name: 'an inline command is a protocol error', steps: [['SCRIPT', 'DEBUG', 'YES'], ['EVAL', SCRIPT, '1', 'n'], { raw: 'PING\r\n' }] },
  { name: 'a zero-length argument is a protocol error', steps: [['SCRIPT', 'DEBUG', 'YES'], ['EVAL', SCRIPT, '1', 'n'], { raw: '*1\r\n$0\r\n\r\n' }] },
  { name: 'an argument over 1024 bytes is a protocol error', steps: [['SCRIPT', 'DEBUG', 'YES'], ['EVAL', SCRIPT, '1', 'n'], ['e', 'x'.repeat(1025)]] },
  {
    name: 'a command in pieces, and junk before the array',
    steps: [['SCRIPT', 'DEBUG', 'YES'], ['EVAL', SCRIPT, '1', 'n'], { raw: 'xx*2\r\n$1\r\np' }, { raw: '\r\n$1\r\na\r\n' }, ['abort']],
  },
];

describe('LDB wire protocol against redis-server 7.0.15', () => {
  let real: RunningServer;
  let redmoon: RunningServer;
  withBothServers((r, m) => {
    real = r;
    redmoon = m;
  });

  for (const c of cases) {
    it(c.name, async () => {
      const expected = await transcript(real.port, c.steps);
      const actual = await transcript(redmoon.port, c.steps);
      expect(actual).toEqual(expected);
    });
  }

  /** What a second client gets for PING while the first one's session is stopped, and after it ends. */
  async function otherClientDuring(port: number, mode: string): Promise<string[]> {
    const debug = new Raw(port);
    const other = new Raw(port);
    debug.command('SCRIPT', 'DEBUG', mode);
    await debug.take();
    debug.command('EVAL', SCRIPT, '1', 'n');
    await debug.take();
    other.command('PING');
    const during = await other.take(300);
    debug.command('c');
    await debug.take();
    const after = await other.take();
    debug.end();
    other.end();
    return [during, after];
  }

  it('YES: other clients are served while the session is stopped', async () => {
    const expected = await otherClientDuring(real.port, 'YES');
    expect(expected).toEqual(['+PONG\r\n', '']);
    expect(await otherClientDuring(redmoon.port, 'YES')).toEqual(expected);
  });

  it('SYNC: other clients wait until the session ends', async () => {
    const expected = await otherClientDuring(real.port, 'SYNC');
    expect(expected).toEqual(['', '+PONG\r\n']);
    expect(await otherClientDuring(redmoon.port, 'SYNC')).toEqual(expected);
  });
});
