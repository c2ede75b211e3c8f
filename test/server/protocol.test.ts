// Malformed and edge-case input over TCP: redmoon-server must answer with the
// same bytes as redis-server 7.0.15, close (or keep) the connection the same way,
// and keep serving other clients.
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/servers.ts';
import { withBothServers } from '../support/both-servers.ts';

interface Exchange {
  reply: string;
  closed: boolean;
}

/** How long a connection must stay silent to count as "still open, waiting for more". */
const QUIET_MS = 250;

/**
 * Send raw bytes on a fresh connection and collect what comes back until the
 * server closes or goes quiet. With `halfClose`, our side ends the stream first.
 */
function exchange(port: number, data: Buffer, halfClose = false): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const s = new Socket();
    const chunks: Buffer[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (closed: boolean): void => {
      clearTimeout(timer);
      s.destroy();
      resolve({ reply: Buffer.concat(chunks).toString('latin1'), closed });
    };
    const quiet = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => done(false), QUIET_MS);
    };
    s.on('data', (d: Buffer) => { chunks.push(d); quiet(); });
    s.on('end', () => done(true));
    s.on('close', () => done(true));
    s.on('error', (e) => { if ((e as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(e); });
    s.connect(port, '127.0.0.1', () => {
      s.write(data, () => { if (halfClose) s.end(); });
      quiet();
    });
  });
}

const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');

let real: RunningServer;
let redmoon: RunningServer;

withBothServers((r, m) => { real = r; redmoon = m; });

/** The same exchange against both servers, then a PING from a fresh client. */
async function expectSameAsRedis(data: Buffer, halfClose = false): Promise<Exchange> {
  const [want, got] = await Promise.all([exchange(real.port, data, halfClose), exchange(redmoon.port, data, halfClose)]);
  expect(got).toEqual(want);
  const after = await exchange(redmoon.port, bytes('PING\r\n'));
  expect(after).toEqual({ reply: '+PONG\r\n', closed: false });
  return got;
}

const CASES: [string, string][] = [
  ['negative multibulk count is ignored', '*-1\r\nPING\r\n'],
  ['zero multibulk count is ignored', '*0\r\n*-10\r\nPING\r\n'],
  ['non-numeric multibulk count', '*x\r\n'],
  ['multibulk count with a plus sign', '*+1\r\n$4\r\nPING\r\n'],
  ['multibulk count above INT_MAX', '*2147483648\r\n'],
  ['bulk length -1', '*1\r\n$-1\r\nPING\r\n'],
  ['bulk length over proto-max-bulk-len', '*1\r\n$536870913\r\n'],
  ["missing '$'", '*3\r\n$3\r\nSET\r\n$1\r\nx\r\nfooz\r\n'],
  ['unbalanced quotes', 'SET k "abc\r\n'],
  ['closing quote not followed by a space', 'ECHO "a"b\r\n'],
  ['inline quoting and escapes', 'ECHO "a\\x41\\n\\t"\r\nECHO \'it\\\'s\'\r\n'],
  ['blank inline lines', '\r\n\n   \r\nPING\r\n'],
  ['garbage inline command', 'GARBAGE \xff\xfe\r\n'],
  ['NUL in an inline line: never completes', 'ECHO a\0b\r\n'],
  ['payload longer than its length', '*2\r\n$4\r\nECHO\r\n$3\r\nabcde\r\nPING\r\n'],
  ['valid commands before a protocol error', 'PING\r\nECHO hi\r\n*x\r\nPING\r\n'],
  ['QUIT closes after its reply', 'PING\r\nQUIT\r\nPING\r\n'],
];

/** CLIENT REPLY decides which replies are written, and whether a closing client gets closed. */
const REPLY_MODE_CASES: [string, string][] = [
  ['OFF then ON', 'CLIENT REPLY OFF\r\nPING\r\nCLIENT REPLY ON\r\nPING\r\n'],
  ['SKIP drops the next reply only', 'CLIENT REPLY SKIP\r\nPING\r\nPING\r\n'],
  ['SKIP twice', 'CLIENT REPLY SKIP\r\nCLIENT REPLY SKIP\r\nPING\r\nPING\r\n'],
  ['ON right after SKIP answers OK', 'CLIENT REPLY SKIP\r\nCLIENT REPLY ON\r\nPING\r\n'],
  ['SKIP while OFF', 'CLIENT REPLY OFF\r\nCLIENT REPLY SKIP\r\nPING\r\nCLIENT REPLY ON\r\nPING\r\n'],
  ['a failing CLIENT REPLY is skipped', 'CLIENT REPLY SKIP\r\nCLIENT REPLY FOO\r\nPING\r\n'],
  ['protocol error while OFF: no reply, connection stays open', 'CLIENT REPLY OFF\r\n*x\r\nPING\r\n'],
  ['protocol error on a skipped command', 'CLIENT REPLY SKIP\r\n*x\r\n'],
  ['protocol error after the skipped command', 'CLIENT REPLY SKIP\r\nPING\r\n*x\r\n'],
  ['QUIT while OFF: connection stays open', 'CLIENT REPLY OFF\r\nQUIT\r\nPING\r\n'],
  ['QUIT while OFF after a written reply: closed', 'PING\r\nCLIENT REPLY OFF\r\nQUIT\r\n'],
];

describe.concurrent('protocol edge cases match redis-server byte for byte', () => {
  for (const [name, input] of CASES) {
    it(name, async () => {
      await expectSameAsRedis(bytes(input));
    });
  }

  for (const [name, input] of REPLY_MODE_CASES) {
    it(`CLIENT REPLY: ${name}`, async () => {
      await expectSameAsRedis(bytes(input));
    });
  }

  it('a truncated command followed by EOF is dropped', async () => {
    const got = await expectSameAsRedis(bytes('PING\r\n*3\r\n$3\r\nSET\r\n$9\r\ntruncated\r\n$5\r\nab'), true);
    expect(got).toEqual({ reply: '+PONG\r\n', closed: true });
    const check = await Promise.all([real.port, redmoon.port].map((p) => exchange(p, bytes('GET truncated\r\n'))));
    expect(check[1]).toEqual(check[0]);
  });

  it('an inline line over 64KB', async () => {
    const got = await expectSameAsRedis(bytes('a'.repeat(100_000)));
    expect(got).toEqual({ reply: '-ERR Protocol error: too big inline request\r\n', closed: true });
  });

  it('a multibulk count line over 64KB', async () => {
    await expectSameAsRedis(bytes('*' + '1'.repeat(70_000)));
  });

  it('a bulk length line over 64KB', async () => {
    await expectSameAsRedis(bytes('*1\r\n$' + '1'.repeat(70_000)));
  });

  it('binary garbage', async () => {
    const garbage = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 151 + 7) % 256));
    await expectSameAsRedis(garbage);
  });

  it('a big bulk argument split across many TCP segments', async () => {
    const value = 'v'.repeat(300_000);
    await expectSameAsRedis(bytes(`*2\r\n$4\r\nECHO\r\n$${value.length}\r\n${value}\r\n`));
  });
});

describe.concurrent('limits for clients that have not authenticated (requirepass)', () => {
  let realAuth: RunningServer;
  let redmoonAuth: RunningServer;

  withBothServers((r, m) => { realAuth = r; redmoonAuth = m; }, ['--requirepass', 'pw']);

  const AUTH_CASES: [string, string][] = [
    ['more than 10 arguments', '*11\r\n'],
    ['10 arguments are fine', '*10\r\n'],
    ['a bulk over 16KB', '*1\r\n$16385\r\n'],
    ['a bulk of 16KB is fine', '*1\r\n$16384\r\n'],
    ['commands before AUTH', 'PING\r\nGET k\r\n'],
    ['no limits once authenticated', '*2\r\n$4\r\nAUTH\r\n$2\r\npw\r\n*11\r\n'],
  ];
  for (const [name, input] of AUTH_CASES) {
    it(name, async () => {
      const [want, got] = await Promise.all([exchange(realAuth.port, bytes(input)), exchange(redmoonAuth.port, bytes(input))]);
      expect(got).toEqual(want);
    });
  }
});
