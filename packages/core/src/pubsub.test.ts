// Pub/sub in-process: delivery through onPush, cleanup of closed clients, and
// keyspace events of lazy expiry on a controlled clock (the TCP differential
// cases cannot win that race against the active cycle). Expected bytes are
// redis-server 7.0.15's.
import { describe, expect, test } from 'vitest';
import { ControlledClock } from './clock.ts';
import type { Client } from './client.ts';
import { encode } from './resp/encode.ts';
import { RedisServer } from './server.ts';

function setup() {
  const clock = new ControlledClock();
  clock.freeze(1_700_000_000_000);
  const server = new RedisServer({ clock });
  const listen = (c: Client): string[] => {
    const got: string[] = [];
    c.onPush = (r) => got.push(encode(r, c.resp));
    return got;
  };
  const run = (c: Client, ...argv: string[]): string => encode(server.execute(c, argv), c.resp);
  return { clock, server, listen, run };
}

const msg = (kind: string, ...parts: string[]): string =>
  `*${parts.length + 1}\r\n$${kind.length}\r\n${kind}\r\n${parts.map((p) => `$${p.length}\r\n${p}\r\n`).join('')}`;

describe('pub/sub registry', () => {
  test('confirmations: all but the last are pushed, the last is the reply', () => {
    const { server, listen, run } = setup();
    const c = server.createClient();
    const pushed = listen(c);
    expect(run(c, 'SUBSCRIBE', 'a', 'b')).toBe('*3\r\n$9\r\nsubscribe\r\n$1\r\nb\r\n:2\r\n');
    expect(pushed).toEqual(['*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n']);
  });

  test('a closed client leaves every channel and pattern', () => {
    const { server, listen, run } = setup();
    const sub = server.createClient();
    listen(sub);
    run(sub, 'SUBSCRIBE', 'ch');
    run(sub, 'PSUBSCRIBE', 'c*');
    run(sub, 'SSUBSCRIBE', 'sh');
    const pub = server.createClient();
    expect(run(pub, 'PUBLISH', 'ch', 'x')).toBe(':2\r\n');
    server.removeClient(sub);
    expect(run(pub, 'PUBLISH', 'ch', 'x')).toBe(':0\r\n');
    expect(run(pub, 'SPUBLISH', 'sh', 'x')).toBe(':0\r\n');
    expect(run(pub, 'PUBSUB', 'NUMPAT')).toBe(':0\r\n');
    expect(run(pub, 'PUBSUB', 'CHANNELS')).toBe('*0\r\n');
  });

  test('a client matched by a channel and two patterns gets three messages, in that order', () => {
    const { server, listen, run } = setup();
    const sub = server.createClient();
    const got = listen(sub);
    run(sub, 'SUBSCRIBE', 'news');
    run(sub, 'PSUBSCRIBE', 'n*', '*s');
    got.length = 0;
    expect(run(server.createClient(), 'PUBLISH', 'news', '\x00\xff')).toBe(':3\r\n');
    expect(got).toEqual([
      msg('message', 'news', '\x00\xff'),
      msg('pmessage', 'n*', 'news', '\x00\xff'),
      msg('pmessage', '*s', 'news', '\x00\xff'),
    ]);
  });
});

describe('keyspace events of lazy expiry', () => {
  test('a read of an expired key: expired, then keymiss', () => {
    const { clock, server, listen, run } = setup();
    server.config.activeExpireEnabled = false;
    const sub = server.createClient();
    const got = listen(sub);
    const c = server.createClient();
    run(c, 'CONFIG', 'SET', 'notify-keyspace-events', 'Exm');
    run(sub, 'PSUBSCRIBE', '__key*__:*');
    run(c, 'SET', 'a', '1', 'PX', '1');
    clock.advance(5);
    got.length = 0;
    expect(run(c, 'GET', 'a')).toBe('$-1\r\n');
    expect(got).toEqual([
      msg('pmessage', '__key*__:*', '__keyevent@0__:expired', 'a'),
      msg('pmessage', '__key*__:*', '__keyevent@0__:keymiss', 'a'),
    ]);
  });

  test('a write to an expired key: expired, then the key is created anew', () => {
    const { clock, server, listen, run } = setup();
    server.config.activeExpireEnabled = false;
    const sub = server.createClient();
    const got = listen(sub);
    const c = server.createClient();
    run(c, 'CONFIG', 'SET', 'notify-keyspace-events', 'KEAn');
    run(sub, 'SUBSCRIBE', '__keyspace@0__:l');
    run(c, 'RPUSH', 'l', 'x');
    run(c, 'PEXPIRE', 'l', '1');
    clock.advance(5);
    got.length = 0;
    expect(run(c, 'LPUSH', 'l', 'y')).toBe(':1\r\n');
    expect(got).toEqual([
      msg('message', '__keyspace@0__:l', 'expired'),
      msg('message', '__keyspace@0__:l', 'new'),
      msg('message', '__keyspace@0__:l', 'lpush'),
    ]);
  });
});
