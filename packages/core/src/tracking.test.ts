// Client tracking in-process: what the differential cases cannot compare because
// it holds connection ids (GETREDIR, TRACKINGINFO's redirect, tracking-redir-broken),
// CLIENT LIST's flags and redir=, INFO's tracking fields, and own-write
// invalidations queued behind the reply. Expected bytes are redis-server 7.0.15's.
import { describe, expect, test } from 'vitest';
import type { Client } from './client.ts';
import { encode } from './resp/encode.ts';
import { RedisServer } from './server.ts';

function setup() {
  const server = new RedisServer();
  const pushes = new Map<Client, string[]>();
  const client = (resp3 = false): Client => {
    const c = server.createClient();
    if (resp3) c.resp = 3;
    const got: string[] = [];
    pushes.set(c, got);
    c.onPush = (r) => got.push(encode(r, c.resp));
    return c;
  };
  const run = (c: Client, ...argv: string[]): string => encode(server.execute(c, argv), c.resp);
  const field = (c: Client, name: string): string => new RegExp(`${name}=(\\S*)`).exec(run(c, 'CLIENT', 'INFO'))![1];
  const info = (c: Client): string => run(c, 'INFO', 'stats') + run(c, 'INFO', 'clients');
  return { server, client, run, pushes, field, info };
}

describe('CLIENT TRACKING with a redirection', () => {
  test('GETREDIR, TRACKINGINFO and redir= show the target id', () => {
    const { client, run, field } = setup();
    const tracker = client();
    const target = client();
    run(target, 'SUBSCRIBE', '__redis__:invalidate');
    expect(run(tracker, 'CLIENT', 'TRACKING', 'ON', 'REDIRECT', String(target.id))).toBe('+OK\r\n');
    expect(run(tracker, 'CLIENT', 'GETREDIR')).toBe(`:${target.id}\r\n`);
    expect(run(tracker, 'CLIENT', 'TRACKINGINFO')).toBe(
      `*6\r\n$5\r\nflags\r\n*1\r\n$2\r\non\r\n$8\r\nredirect\r\n:${target.id}\r\n$8\r\nprefixes\r\n*0\r\n`,
    );
    expect(field(tracker, 'redir')).toBe(String(target.id));
    expect(field(tracker, 'flags')).toBe('t');
  });

  test('a vanished target: the RESP3 tracker is told, broken_redirect and R are set', () => {
    const { server, client, run, pushes, field } = setup();
    const tracker = client(true);
    const target = client();
    const writer = client();
    run(tracker, 'CLIENT', 'TRACKING', 'ON', 'REDIRECT', String(target.id));
    run(tracker, 'GET', 'k');
    server.removeClient(target);
    run(writer, 'SET', 'k', 'v');
    expect(pushes.get(tracker)).toEqual([`>2\r\n$21\r\ntracking-redir-broken\r\n:${target.id}\r\n`]);
    expect(run(tracker, 'CLIENT', 'TRACKINGINFO')).toBe(
      `%3\r\n$5\r\nflags\r\n~2\r\n$2\r\non\r\n$15\r\nbroken_redirect\r\n$8\r\nredirect\r\n:${target.id}\r\n$8\r\nprefixes\r\n*0\r\n`,
    );
    expect(field(tracker, 'flags')).toBe('tR');
  });
});

describe('tracking bookkeeping', () => {
  test('INFO counts tracking clients, keys, items and prefixes; BCAST shows tB', () => {
    const { client, run, info, field } = setup();
    const a = client();
    const b = client();
    run(a, 'CLIENT', 'TRACKING', 'ON');
    run(a, 'GET', 'a');
    run(a, 'MGET', 'b', 'c');
    run(b, 'CLIENT', 'TRACKING', 'ON', 'BCAST', 'PREFIX', 'x', 'PREFIX', 'y');
    const text = info(a);
    expect(text).toContain('tracking_clients:2\r\n');
    expect(text).toContain('tracking_total_keys:3\r\n');
    expect(text).toContain('tracking_total_items:3\r\n');
    expect(text).toContain('tracking_total_prefixes:2\r\n');
    expect(field(b, 'flags')).toBe('tB');
    expect(field(b, 'redir')).toBe('0');
    run(b, 'RESET');
    expect(info(a)).toContain('tracking_total_prefixes:0\r\n');
  });

  test('an own write is queued behind the reply, not pushed during the command', () => {
    const { client, run, pushes } = setup();
    const c = client(true);
    run(c, 'CLIENT', 'TRACKING', 'ON');
    run(c, 'GET', 'k');
    expect(run(c, 'SET', 'k', 'v')).toBe('+OK\r\n');
    expect(pushes.get(c)).toEqual([]);
    expect(c.pushesAfterReply.map((r) => encode(r, 3))).toEqual(['>2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\nk\r\n']);
  });
});
