// The real redis-cli talking to redmoon-server: its output must be what it
// prints against redis-server 7.0.15.
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/servers.ts';
import { withBothServers } from '../support/both-servers.ts';

let real: RunningServer;
let redmoon: RunningServer;

withBothServers((r, m) => { real = r; redmoon = m; });

/** Run redis-cli against a port; resolves with its raw stdout. */
function cli(port: number, args: string[], stdin?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('redis-cli', ['-p', String(port), ...args], { encoding: 'buffer' }, (err, stdout, stderr) => {
      if (err) reject(new Error(`redis-cli ${args.join(' ')}: ${err.message} ${stderr.toString()}`));
      else resolve(stdout);
    });
    child.stdin!.end(stdin ?? Buffer.alloc(0));
  });
}

const text = async (port: number, args: string[], stdin?: Buffer): Promise<string> => (await cli(port, args, stdin)).toString('latin1');

describe('redis-cli against redmoon-server', () => {
  it('PING', async () => {
    expect(await text(redmoon.port, ['PING'])).toBe('PONG\n');
  });

  it('SET/GET a binary value', async () => {
    const value = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(await text(redmoon.port, ['-x', 'SET', 'cli:bin'], value)).toBe('OK\n');
    const raw = await cli(redmoon.port, ['--raw', 'GET', 'cli:bin']);
    expect(raw).toEqual(Buffer.concat([value, Buffer.from('\n')]));
    // Without --raw, redis-cli quotes and escapes the bytes: same as for real Redis.
    await cli(real.port, ['-x', 'SET', 'cli:bin'], value);
    expect(await text(redmoon.port, ['--no-raw', 'GET', 'cli:bin'])).toBe(await text(real.port, ['--no-raw', 'GET', 'cli:bin']));
  });

  it('SET with EX, then TTL', async () => {
    expect(await text(redmoon.port, ['SET', 'cli:ttl', 'v', 'EX', '100'])).toBe('OK\n');
    expect(['100\n', '99\n']).toContain(await text(redmoon.port, ['TTL', 'cli:ttl']));
  });

  it('HELLO 3', async () => {
    // The connection id differs between the servers; everything else must not.
    const withoutId = (s: string): string => s.replace(/^(1?\d# "id" => \(integer\) |id )\d+$/m, '$1<id>');
    const want = withoutId(await text(real.port, ['HELLO', '3']));
    expect(withoutId(await text(redmoon.port, ['HELLO', '3']))).toBe(want);
    expect(withoutId(await text(redmoon.port, ['--no-raw', 'HELLO', '3']))).toBe(withoutId(await text(real.port, ['--no-raw', 'HELLO', '3'])));
  });

  it('COMMAND DOCS GET', async () => {
    expect(await text(redmoon.port, ['--no-raw', 'COMMAND', 'DOCS', 'GET'])).toBe(await text(real.port, ['--no-raw', 'COMMAND', 'DOCS', 'GET']));
  });

  it('CLIENT LIST', async () => {
    const line = await text(redmoon.port, ['CLIENT', 'LIST']);
    const fields = (l: string): string[] => l.trim().split(' ').map((kv) => kv.slice(0, kv.indexOf('=')));
    expect(fields(line)).toEqual(fields(await text(real.port, ['CLIENT', 'LIST'])));
    expect(line).toMatch(new RegExp(`^id=\\d+ addr=127\\.0\\.0\\.1:\\d+ laddr=127\\.0\\.0\\.1:${redmoon.port} fd=\\d+ name= `));
    expect(line).toMatch(/ cmd=client\|list user=default redir=-1 resp=2\n$/);
  });
});
