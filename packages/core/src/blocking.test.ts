// Blocked clients on a controlled clock: timeouts fire only once the deadline
// has strictly passed (ControlledClock.advance runs the cron), served clients
// get their late reply through onUnblocked, and the counters INFO and CLIENT
// LIST show follow the blocked state.
import { describe, expect, test } from 'vitest';
import { BLOCKED } from './blocking.ts';
import type { Client } from './client.ts';
import { ControlledClock } from './clock.ts';
import { encode2, encode3 } from './resp/encode.ts';
import type { Reply } from './reply.ts';
import { type Propagated, RedisServer } from './server.ts';

function setup() {
  const clock = new ControlledClock();
  clock.freeze(1_700_000_000_000);
  const server = new RedisServer({ clock });
  const late = new Map<Client, string[]>();
  const client = (): Client => {
    const c = server.createClient();
    late.set(c, []);
    c.onUnblocked = (r: Reply) => late.get(c)!.push(c.resp === 3 ? encode3(r) : encode2(r));
    return c;
  };
  const run = (c: Client, ...argv: string[]): string => {
    const r = server.execute(c, argv);
    return r === BLOCKED ? 'BLOCKED' : encode2(r);
  };
  return { clock, server, client, run, late };
}

describe('timeouts on the controlled clock', () => {
  test('BLPOP with 1 s times out once more than 1000 ms passed', () => {
    const { clock, client, run, late } = setup();
    const a = client();
    expect(run(a, 'BLPOP', 'k', '1')).toBe('BLOCKED');
    clock.advance(1000);
    expect(late.get(a)).toEqual([]);
    clock.advance(1);
    expect(late.get(a)).toEqual(['*-1\r\n']);
  });

  test('a fraction of a ms rounds up, and RESP3 gets the null', () => {
    const { clock, client, run, late } = setup();
    const a = client();
    a.resp = 3;
    expect(run(a, 'BZPOPMIN', 'z', '0.0001')).toBe('BLOCKED');
    clock.advance(1);
    expect(late.get(a)).toEqual([]);
    clock.advance(1);
    expect(late.get(a)).toEqual(['_\r\n']);
  });

  test('timeout 0 and an overflowing deadline never fire', () => {
    const { clock, client, run, late } = setup();
    const a = client();
    const b = client();
    run(a, 'BLPOP', 'k', '0');
    run(b, 'BLPOP', 'k', '9223372036854775');
    clock.advance(10 ** 12);
    expect(late.get(a)).toEqual([]);
    expect(late.get(b)).toEqual([]);
  });

  test('clock.set past the deadline fires it too', () => {
    const { clock, client, run, late } = setup();
    const a = client();
    run(a, 'BLMOVE', 's', 'd', 'LEFT', 'RIGHT', '2.5');
    clock.set(clock.now() + 2501);
    expect(late.get(a)).toEqual(['*-1\r\n']);
  });
});

describe('serving', () => {
  test('FIFO per key, propagation as LPOP, counters', () => {
    const { server, client, run, late } = setup();
    const prop: Propagated[] = [];
    server.onPropagate((p) => prop.push(p));
    const [a, b, pusher] = [client(), client(), client()];
    run(a, 'BLPOP', 'k', '0');
    run(b, 'BLPOP', 'k', '5');
    expect(server.blocking.blockedClients).toBe(2);
    expect(server.blocking.clientsInTimeoutTable).toBe(1);
    expect(run(server.createClient(), 'CLIENT', 'LIST', 'ID', String(a.id))).toContain(' flags=b ');
    expect(run(pusher, 'RPUSH', 'k', 'x', 'y', 'z')).toBe(':3\r\n');
    expect(late.get(a)).toEqual(['*2\r\n$1\r\nk\r\n$1\r\nx\r\n']);
    expect(late.get(b)).toEqual(['*2\r\n$1\r\nk\r\n$1\r\ny\r\n']);
    expect(server.blocking.blockedClients).toBe(0);
    expect(prop.map((p) => p.argv.join(' '))).toEqual(['RPUSH k x y z', 'LPOP k', 'LPOP k']);
  });

  test('a disconnected client leaves the queue', () => {
    const { server, client, run, late } = setup();
    const [a, b] = [client(), client()];
    run(a, 'BLPOP', 'k', '0');
    run(b, 'BLPOP', 'k', '0');
    server.removeClient(a);
    run(client(), 'RPUSH', 'k', 'v');
    expect(late.get(a)).toEqual([]);
    expect(late.get(b)).toEqual(['*2\r\n$1\r\nk\r\n$1\r\nv\r\n']);
  });

  test('a served BLMOVE is propagated as LMOVE and wakes the next key', () => {
    const { server, client, run, late } = setup();
    const prop: string[] = [];
    server.onPropagate((p) => prop.push(p.argv.join(' ')));
    const [a, b] = [client(), client()];
    run(a, 'BLMOVE', 'src', 'dst', 'RIGHT', 'LEFT', '0');
    run(b, 'BRPOP', 'dst', '0');
    run(client(), 'LPUSH', 'src', 'v');
    expect(late.get(a)).toEqual(['$1\r\nv\r\n']);
    expect(late.get(b)).toEqual(['*2\r\n$3\r\ndst\r\n$1\r\nv\r\n']);
    expect(prop).toEqual(['LPUSH src v', 'LMOVE src dst RIGHT LEFT', 'RPOP dst']);
  });
});

describe('CLIENT PAUSE', () => {
  test('a held write runs once the pause ends on the clock', () => {
    const { clock, server, client, run, late } = setup();
    const [admin, writer] = [client(), client()];
    expect(run(admin, 'CLIENT', 'PAUSE', '100', 'WRITE')).toBe('+OK\r\n');
    expect(run(writer, 'GET', 'k')).toBe('$-1\r\n');
    expect(run(writer, 'SET', 'k', 'v')).toBe('BLOCKED');
    expect(server.blocking.blockedClients).toBe(1);
    clock.advance(100);
    expect(late.get(writer)).toEqual([]);
    clock.advance(1);
    expect(late.get(writer)).toEqual(['+OK\r\n']);
    expect(run(admin, 'GET', 'k')).toBe('$1\r\nv\r\n');
  });

  test('keys do not expire while clients are paused', () => {
    const { clock, server, client, run } = setup();
    const c = client();
    run(c, 'SET', 'k', 'v', 'PX', '10');
    run(c, 'CLIENT', 'PAUSE', '1000', 'WRITE');
    clock.advance(50);
    expect(run(c, 'GET', 'k')).toBe('$-1\r\n');
    expect(server.dbs[0].size).toBe(1);
    run(c, 'CLIENT', 'UNPAUSE');
    expect(run(c, 'GET', 'k')).toBe('$-1\r\n');
    expect(server.dbs[0].size).toBe(0);
  });
});
