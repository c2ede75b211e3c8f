// Transactions in-process: what the differential tests cannot compare byte for
// byte (CLIENT LIST fields, INFO counters with timings) checked against values
// read from redis-server 7.0.15, and redmoon's own mechanics (watch bookkeeping,
// inExec, resuming an EXEC whose command suspended).
import { describe, expect, test } from 'vitest';
import type { Client } from './client.ts';
import { encode2 } from './resp/encode.ts';
import { type Reply, bulk, int } from './reply.ts';
import { RedisServer, type ServerOptions } from './server.ts';

function setup(opts: ServerOptions = {}) {
  const server = new RedisServer(opts);
  const a = server.createClient();
  const b = server.createClient();
  const run = (c: Client, ...argv: string[]): string => encode2(server.execute(c, argv));
  return { server, a, b, run };
}

/** The fields of a CLIENT INFO line. */
function fields(line: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of line.trim().split(' ')) {
    const eq = kv.indexOf('=');
    out[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return out;
}

/** CLIENT LIST's line for client `of`, as another client sees it. */
function listed(run: (c: Client, ...argv: string[]) => string, by: Client, of: Client): Record<string, string> {
  const reply = run(by, 'CLIENT', 'LIST', 'ID', String(of.id));
  return fields(reply.slice(reply.indexOf('\r\n') + 2, -2));
}

describe('CLIENT LIST while in a transaction (as 7.0.15 shows it)', () => {
  test('flags x, multi= the queue length, multi-mem the queued bytes plus a pointer per argument', () => {
    const { a, b, run } = setup();
    expect(listed(run, b, a)).toMatchObject({ flags: 'N', multi: '-1', 'multi-mem': '0' });
    run(a, 'MULTI');
    run(a, 'SET', 'k', 'v');
    // Redis 7.0.15: "flags=x ... multi=1 ... multi-mem=29" for SET k v (5 bytes + 3 pointers).
    expect(listed(run, b, a)).toMatchObject({ flags: 'x', multi: '1', 'multi-mem': '29', cmd: 'set' });
    run(a, 'CLIENT', 'INFO');
    expect(listed(run, b, a)).toMatchObject({ multi: '2', 'multi-mem': '55' });
    run(a, 'EXEC');
    expect(listed(run, b, a)).toMatchObject({ flags: 'N', multi: '-1', 'multi-mem': '0', cmd: 'exec' });
  });

  test('tot-mem grows by multiStateMemOverhead: 56 bytes per watched key, queued bytes, 24 per reserved queue slot', () => {
    const { a, b, run } = setup();
    const tot = (): number => Number(listed(run, b, a)['tot-mem']);
    const idle = tot();
    const deltas: number[] = [];
    run(a, 'WATCH', 'a', 'b', 'c');
    deltas.push(tot() - idle);
    run(a, 'UNWATCH');
    run(a, 'MULTI');
    for (let i = 0; i < 3; i++) {
      run(a, 'SET', 'k', 'v');
      deltas.push(tot() - idle);
    }
    run(a, 'DISCARD');
    deltas.push(tot() - idle);
    // redis-server 7.0.15, the same steps: 22272 -> 22440, then 22349, 22378, 22455, and 22272 again.
    expect(deltas).toEqual([168, 77, 106, 183, 0]);
  });

  test('a doomed transaction queues nothing: flags xd, multi=0', () => {
    const { a, b, run } = setup();
    run(a, 'WATCH', 'k');
    run(b, 'SET', 'k', 'w');
    expect(listed(run, b, a)).toMatchObject({ flags: 'd' });
    run(a, 'MULTI');
    expect(run(a, 'SET', 'x', '1')).toBe('+QUEUED\r\n');
    expect(run(a, 'SET', 'y', '2')).toBe('+QUEUED\r\n');
    expect(listed(run, b, a)).toMatchObject({ flags: 'xd', multi: '0', 'multi-mem': '0' });
    expect(run(a, 'EXEC')).toBe('*-1\r\n');
    expect(listed(run, b, a)).toMatchObject({ flags: 'N' });
  });

  test('CLIENT INFO inside EXEC shows EXEC: cmd=exec, its argv in argv-mem', () => {
    const { a, run } = setup();
    run(a, 'MULTI');
    run(a, 'SET', 'k', 'v');
    run(a, 'CLIENT', 'INFO');
    const reply = run(a, 'EXEC');
    const info = fields(reply.slice(reply.indexOf('\r\n', reply.indexOf('$')) + 2, -2));
    // 7.0.15: "flags=x ... multi=2 ... argv-mem=4 multi-mem=55 ... cmd=exec".
    expect(info).toMatchObject({ flags: 'x', multi: '2', 'argv-mem': '4', 'multi-mem': '55', cmd: 'exec' });
  });
});

describe('command statistics of transactions', () => {
  test('queued commands count when EXEC runs them; rejected ones and aborted EXECs as 7.0.15 counts them', () => {
    const { a, run } = setup();
    for (const argv of [
      ['MULTI'], ['SET', 'a', '1'], ['EXEC'], ['MULTI'], ['FOO'], ['EXEC'], ['EXEC', 'x'], ['MULTI'], ['GET'], ['SET', 'b', '1'], ['EXEC'],
      ['WATCH', 'a'], ['SET', 'a', '2'], ['MULTI'], ['INCR', 'a'], ['EXEC'], ['MULTI'], ['INCR', 'x', 'y'], ['DISCARD'],
    ]) run(a, ...argv);
    const stats = run(a, 'INFO', 'commandstats').replace(/usec=\d+,usec_per_call=[\d.]+,/g, '');
    // What redis-server 7.0.15 answered after the same commands (CONFIG RESETSTAT first).
    for (const line of [
      'cmdstat_get:calls=0,rejected_calls=1,failed_calls=0',
      'cmdstat_incr:calls=0,rejected_calls=1,failed_calls=0',
      'cmdstat_discard:calls=1,rejected_calls=0,failed_calls=0',
      'cmdstat_set:calls=2,rejected_calls=0,failed_calls=0',
      'cmdstat_watch:calls=1,rejected_calls=0,failed_calls=0',
      'cmdstat_exec:calls=4,rejected_calls=1,failed_calls=2',
      'cmdstat_multi:calls=5,rejected_calls=0,failed_calls=0',
    ]) expect(stats).toContain(`${line}\r\n`);
    const errors = run(a, 'INFO', 'errorstats');
    expect(errors).toContain('errorstat_ERR:count=3\r\n');
    expect(errors).toContain('errorstat_EXECABORT:count=3\r\n');
  });
});

describe('watch bookkeeping', () => {
  test('EXEC, DISCARD, UNWATCH, RESET and disconnecting all stop watching', () => {
    const { server, a, b, run } = setup();
    for (const end of [['EXEC'], ['DISCARD'], ['UNWATCH'], ['RESET']]) {
      run(a, 'WATCH', 'k', 'j');
      expect(a.watchedKeys).toHaveLength(2);
      if (end[0] !== 'UNWATCH' && end[0] !== 'RESET') run(a, 'MULTI');
      run(a, ...end);
      expect(a.watchedKeys).toHaveLength(0);
      run(b, 'SET', 'k', '1');
      expect(a.dirtyCas).toBe(false);
    }
    run(a, 'WATCH', 'k');
    server.removeClient(a);
    expect(a.watchedKeys).toHaveLength(0);
    const c = server.createClient();
    run(c, 'WATCH', 'k');
    run(b, 'SET', 'k', '2');
    expect(c.dirtyCas).toBe(true);
    // A dirty client has stopped watching: nothing keeps it on the key's list.
    expect(c.watchedKeys).toHaveLength(0);
  });

  test('watching the same key twice in one db keeps one entry; another db is another key', () => {
    const { a, run } = setup();
    run(a, 'WATCH', 'k', 'k');
    run(a, 'WATCH', 'k');
    run(a, 'SELECT', '1');
    run(a, 'WATCH', 'k');
    expect(a.watchedKeys.map((w) => `${w.db.id}:${w.key}`)).toEqual(['0:k', '1:k']);
  });
});

describe('EXEC mechanics', () => {
  test('queued commands run with inExec (so blocking commands do not block); EXEC itself is not', () => {
    const seen: boolean[] = [];
    const echo = (c: Client): Reply => {
      seen.push(c.inExec);
      return bulk(c.argv[1]);
    };
    const { a, run } = setup({ handlers: { echo } });
    run(a, 'ECHO', 'x');
    run(a, 'MULTI');
    run(a, 'ECHO', 'y');
    expect(run(a, 'EXEC')).toBe('*1\r\n$1\r\ny\r\n');
    expect(seen).toEqual([false, true]);
    expect(a.inExec).toBe(false);
  });

  test('an EXEC whose command suspends (a slow script) resumes where it stopped when executed again', () => {
    let suspendOnce = true;
    const incr = (c: Client): Reply => {
      if (c.argv[1] === 'slow' && suspendOnce) {
        suspendOnce = false;
        throw new Error('suspended');
      }
      return int(++counter);
    };
    let counter = 0;
    const { a, run } = setup({ handlers: { incr } });
    run(a, 'MULTI');
    run(a, 'INCR', 'first');
    run(a, 'INCR', 'slow');
    run(a, 'INCR', 'last');
    expect(() => run(a, 'EXEC')).toThrow('suspended');
    expect(a.multi).not.toBeNull();
    expect(a.inExec).toBe(false);
    expect(run(a, 'EXEC')).toBe('*3\r\n:1\r\n:2\r\n:3\r\n');
    expect(a.multi).toBeNull();
  });
});
