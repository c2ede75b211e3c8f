// What the list commands and SORT propagate and which keyspace events they
// fire, pinned from a redis-server 7.0.15 run with appendonly on (its
// appendonlydir/*.incr.aof) and a PSUBSCRIBEd connection.
import { describe, expect, test } from 'vitest';
import { encode2 } from '../resp/encode.ts';
import { RedisServer } from '../server.ts';

function setup() {
  const s = new RedisServer({ config: { 'notify-keyspace-events': 'KEA' } });
  const c = s.createClient();
  const propagated: string[][] = [];
  const events: [string, string][] = [];
  s.onPropagate((p) => propagated.push(p.argv));
  s.publish = (channel, message) => {
    if (channel.startsWith('__keyevent@0__:')) events.push([channel.slice(15), message]);
    return 0;
  };
  const run = (...argv: string[]): string => encode2(s.execute(c, argv));
  return { s, run, propagated, events };
}

describe('list propagation', () => {
  test('as Redis 7.0.15 writes them to the AOF', () => {
    const { run, propagated } = setup();
    const steps: [string[], string[][]][] = [
      [['RPUSH', 'l', 'c', 'a', 'b'], [['RPUSH', 'l', 'c', 'a', 'b']]],
      [['LMOVE', 'l', 'l', 'left', 'right'], [['LMOVE', 'l', 'l', 'left', 'right']]],
      [['LMOVE', 'l', 'd', 'left', 'left'], [['LMOVE', 'l', 'd', 'left', 'left']]],
      [['RPOPLPUSH', 'l', 'd'], [['RPOPLPUSH', 'l', 'd']]],
      // LMPOP becomes LPOP/RPOP with the number actually popped.
      [['LMPOP', '2', 'nokey', 'l', 'right', 'COUNT', '5'], [['RPOP', 'l', '1']]],
      [['LMPOP', '1', 'nokey', 'LEFT'], []],
      [['RPUSH', 'q', '1', '2', '3'], [['RPUSH', 'q', '1', '2', '3']]],
      // A trim that removes nothing changes nothing: not propagated.
      [['LTRIM', 'q', '0', '-1'], []],
      [['LTRIM', 'q', '1', '0'], [['LTRIM', 'q', '1', '0']]],
      [['RPUSH', 'q', '1', '2', '3'], [['RPUSH', 'q', '1', '2', '3']]],
      [['LREM', 'q', '0', '2'], [['LREM', 'q', '0', '2']]],
      [['LREM', 'q', '0', 'nope'], []],
      [['LINSERT', 'q', 'BEFORE', '1', 'x'], [['LINSERT', 'q', 'BEFORE', '1', 'x']]],
      [['LINSERT', 'q', 'BEFORE', 'nope', 'x'], []],
      [['LSET', 'q', '0', 'y'], [['LSET', 'q', '0', 'y']]],
      [['LPOP', 'q', '5'], [['LPOP', 'q', '5']]],
      [['LPOP', 'q', '5'], []],
      [['RPUSH', 'q', 'a', 'b', 'c'], [['RPUSH', 'q', 'a', 'b', 'c']]],
      [['RPOP', 'q', '0'], []],
      [['RPOP', 'q', '2'], [['RPOP', 'q', '2']]],
      [['LPUSHX', 'nokey', 'a'], []],
      // SORT ... STORE is propagated as sent; an empty result deleting the destination too.
      [['SORT', 'd', 'ALPHA', 'STORE', 'dst'], [['SORT', 'd', 'ALPHA', 'STORE', 'dst']]],
      [['SORT', 'nokey', 'STORE', 'dst'], [['SORT', 'nokey', 'STORE', 'dst']]],
      [['SORT', 'nokey', 'STORE', 'dst'], []],
      [['SORT', 'd'], []],
    ];
    for (const [cmd, expected] of steps) {
      propagated.length = 0;
      run(...cmd);
      expect([cmd, propagated]).toEqual([cmd, expected]);
    }
  });
});

describe('list keyspace events', () => {
  test('names and order as Redis 7.0.15 publishes them', () => {
    const { run, events } = setup();
    for (const cmd of [
      ['RPUSH', 'l', 'a', 'b', 'c'], ['LPUSH', 'l', 'z'], ['LPUSHX', 'nx', 'a'], ['LINSERT', 'l', 'BEFORE', 'a', 'y'],
      ['LINSERT', 'l', 'BEFORE', 'q', 'y'], ['LSET', 'l', '0', 'w'], ['LREM', 'l', '0', 'nope'], ['LREM', 'l', '1', 'y'],
      ['LTRIM', 'l', '0', '-1'], ['LTRIM', 'l', '1', '-1'], ['LPOP', 'l'], ['RPOP', 'l', '0'], ['LMOVE', 'l', 'd', 'LEFT', 'RIGHT'],
      ['RPOPLPUSH', 'l', 'd'], ['LMPOP', '1', 'd', 'RIGHT', 'COUNT', '5'], ['RPUSH', 's', '2', '1'], ['SORT', 's', 'STORE', 'o'],
      ['SORT', 'nokey', 'STORE', 'o'], ['SORT', 'nokey', 'STORE', 'o'], ['LPOS', 'nokey', 'x'],
    ]) run(...cmd);
    expect(events.filter(([e]) => e !== 'keymiss')).toEqual([
      ['rpush', 'l'], ['lpush', 'l'], ['linsert', 'l'], ['lset', 'l'], ['lrem', 'l'], ['ltrim', 'l'], ['ltrim', 'l'],
      ['lpop', 'l'], ['rpush', 'd'], ['lpop', 'l'], ['lpush', 'd'], ['rpop', 'l'], ['del', 'l'], ['rpop', 'd'], ['del', 'd'],
      ['rpush', 's'], ['sortstore', 'o'], ['del', 'o'],
    ]);
  });

  test('dirty counts every element as Redis does', () => {
    const { s, run } = setup();
    const before = s.dirty;
    run('RPUSH', 'l', 'a', 'b', 'c', 'd');
    expect(s.dirty - before).toBe(4);
    run('LPOP', 'l', '3');
    expect(s.dirty - before).toBe(7);
    run('SORT', 'l', 'ALPHA', 'STORE', 'x');
    expect(s.dirty - before).toBe(8);
  });
});

describe('SORT and errno', () => {
  test('an ERANGE score fails later SORTs of non-integers until errno is cleared or a client connects', () => {
    const { s, run } = setup();
    run('RPUSH', 'bad', '1e400');
    run('RPUSH', 'f', '1.5', '0.5');
    run('RPUSH', 'i', '2', '1');
    const err = '-ERR One or more scores can\'t be converted into double\r\n';
    expect(run('SORT', 'bad')).toBe(err);
    expect(run('SORT', 'f')).toBe(err);
    expect(run('SORT', 'i')).toBe('*2\r\n$1\r\n1\r\n$1\r\n2\r\n');
    s.createClient();
    expect(run('SORT', 'f')).toBe('*2\r\n$3\r\n0.5\r\n$3\r\n1.5\r\n');
    expect(run('SCAN', '99999999999999999999999')).toBe('-ERR invalid cursor\r\n');
    expect(run('SORT', 'f')).toBe(err);
    run('SET', 'x', '1');
    run('INCRBYFLOAT', 'x', '1');
    expect(run('SORT', 'f')).toBe('*2\r\n$3\r\n0.5\r\n$3\r\n1.5\r\n');
  });

  test('errno is per server', () => {
    const a = setup();
    const b = setup();
    a.run('RPUSH', 'bad', '1e400');
    b.run('RPUSH', 'f', '1.5');
    a.run('SORT', 'bad');
    expect(b.run('SORT', 'f')).toBe('*1\r\n$3\r\n1.5\r\n');
  });
});
