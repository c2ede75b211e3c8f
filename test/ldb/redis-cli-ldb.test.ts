// The real redis-cli --ldb, driven through a pseudo-terminal with the same
// keystrokes against redis-server 7.0.15 and redmoon-server: the transcripts
// (everything redis-cli printed) must be identical but for the port number.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withBothServers } from '../support/both-servers.ts';
import { cli } from '../support/cli.ts';
import type { RunningServer } from '../support/servers.ts';

const DRIVER = fileURLToPath(new URL('./pty-driver.py', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

interface LdbCase {
  name: string;
  script: string;
  /** redis-cli's arguments after --eval <script>: keys, ",", args. */
  evalArgs: string[];
  keystrokes: string[];
  sync?: boolean;
  /** Commands run before the session (after FLUSHALL). */
  setup?: string[][];
  /** Commands whose output is compared after the session (the dataset it left). */
  after?: string[][];
}

const cases: LdbCase[] = [
  {
    name: 'steps, prints locals, sets a breakpoint, continues to the end',
    script: 'counter.lua',
    evalArgs: ['counter', ',', '5'],
    setup: [['SET', 'counter', '10']],
    keystrokes: ['s', 's', 'p', 'p step', 'b 10', 'b', 'c', 'p', 'p total', 'p KEYS', 'p ARGV', 'c'],
    after: [['GET', 'counter']],
  },
  {
    name: 'every inspection command at a stop inside a function',
    script: 'counter.lua',
    evalArgs: ['counter', ',', '2'],
    keystrokes: ['b 5', 'c', 't', 'p', 'p n', 'p nope', 'l', 'l 2 1', 'w', 'e step', 'e 1 + 1', 'e {1, "x"}', 'e (', 'r get counter',
      'r incr', 'r nosuchcommand', 'm', 'm 10', 'b 99', 'b -3', 'b x', 'b -5', 'b', 'h', 'bogus', 'n', 'n', 'n', 'n', 'c'],
  },
  {
    name: 'loops, redis.breakpoint(), maxlen trimming and abort',
    script: 'loop.lua',
    evalArgs: ['items'],
    keystrokes: ['n', 'n', 'n', 'p', 'n', 'n', 'c', 'n', 'p', 'p big', 'm 0', 'p big', 'a'],
    after: [['LRANGE', 'items', '0', '-1']],
  },
  {
    name: 'an error raised by the script ends the session with it',
    script: 'fails.lua',
    evalArgs: ['n'],
    keystrokes: ['n', 'n', 'p', 'c'],
  },
  {
    name: 'restart runs the script again in a new session',
    script: 'counter.lua',
    evalArgs: ['counter', ',', '1'],
    keystrokes: ['n', 'n', 'restart', 'n', 'p', 'c'],
    after: [['GET', 'counter']],
  },
  {
    name: '--ldb-sync-mode keeps what the script wrote',
    script: 'counter.lua',
    evalArgs: ['counter', ',', '7'],
    sync: true,
    setup: [['SET', 'counter', '1']],
    keystrokes: ['b 11', 'c', 'r get counter', 'p total', 'c'],
    after: [['GET', 'counter']],
  },
  {
    name: '--ldb-sync-mode abort keeps the writes done before it',
    script: 'loop.lua',
    evalArgs: ['items'],
    sync: true,
    keystrokes: ['c', 'p', 'abort'],
    after: [['LRANGE', 'items', '0', '-1']],
  },
];

function drive(port: number, c: LdbCase): Promise<string> {
  const argv = ['redis-cli', '-p', String(port), c.sync ? '--ldb-sync-mode' : '--ldb', '--eval', fixture(c.script), ...c.evalArgs];
  return new Promise((resolve, reject) => {
    execFile('python3', [DRIVER, JSON.stringify(argv), JSON.stringify(c.keystrokes)], { encoding: 'latin1', timeout: 60_000 }, (err, stdout) => {
      if (err) reject(err);
      // Functions print as "function@<address>": addresses differ between any two processes.
      else resolve(stdout.split(String(port)).join('<port>').replace(/@0x[0-9a-f]+/g, '@<address>'));
    });
  });
}

async function runCase(server: RunningServer, c: LdbCase): Promise<{ transcript: string; after: string[] }> {
  await cli(server.port, ['FLUSHALL']);
  for (const cmd of c.setup ?? []) await cli(server.port, cmd);
  const transcript = await drive(server.port, c);
  const after: string[] = [];
  for (const cmd of c.after ?? []) after.push(await cli(server.port, cmd));
  return { transcript, after };
}

describe('redis-cli --ldb against redis-server and redmoon-server', () => {
  let real: RunningServer;
  let redmoon: RunningServer;
  withBothServers((r, m) => {
    real = r;
    redmoon = m;
  });

  for (const c of cases) {
    it(c.name, async () => {
      const [expected, actual] = await Promise.all([runCase(real, c), runCase(redmoon, c)]);
      expect(expected.transcript).toContain('lua debugger> ');
      expect(actual.transcript).toBe(expected.transcript);
      expect(actual.after).toEqual(expected.after);
    });
  }
});
