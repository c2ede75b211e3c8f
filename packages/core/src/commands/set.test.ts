// Set commands: encodings and their thresholds, the propagation forms of SPOP
// (pinned from a redis-server 7.0.15 AOF: SREM per member for a partial pop,
// DEL for a pop of everything), keyspace events, dirty counts, SSCAN's
// guarantee on hash tables and the random commands' distinctness rules.
import { describe, expect, test } from 'vitest';
import { typeTestServer } from './type-test-server.ts';
import { encode3 } from '../resp/encode.ts';
import { SetValue } from '../types/set.ts';

const setup = typeTestServer;

const ints = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i));

describe('encodings', () => {
  test('intset while all members are int64 and within set-max-intset-entries', () => {
    const { run } = setup({ 'set-max-intset-entries': '3' });
    run('SADD', 's', '3', '-1', '2');
    expect(run('OBJECT', 'ENCODING', 's')).toBe('$6\r\nintset\r\n');
    expect(run('SMEMBERS', 's')).toBe('*3\r\n$2\r\n-1\r\n$1\r\n2\r\n$1\r\n3\r\n');
    run('SADD', 's', '4');
    expect(run('OBJECT', 'ENCODING', 's')).toBe('$9\r\nhashtable\r\n');
    run('SREM', 's', '4', '3');
    expect(run('OBJECT', 'ENCODING', 's')).toBe('$9\r\nhashtable\r\n');
  });

  test('intsets order by value, int64 edges included', () => {
    const s = new SetValue();
    for (const m of ['10', '-9223372036854775808', '9', '9223372036854775807', '-10', '0', '-9']) s.add(m, 512);
    expect([...s.values()]).toEqual(['-9223372036854775808', '-10', '-9', '0', '9', '10', '9223372036854775807']);
    expect(s.has('09')).toBe(false);
    expect(s.remove('-10')).toBe(true);
    expect(s.has('-10')).toBe(false);
  });

  test('a non-canonical integer is a string member', () => {
    const { run } = setup();
    run('SADD', 's', '1');
    run('SADD', 's', '01');
    expect(run('OBJECT', 'ENCODING', 's')).toBe('$9\r\nhashtable\r\n');
    expect(run('SCARD', 's')).toBe(':2\r\n');
  });

  test('COPY duplicates the structure', () => {
    const { run } = setup();
    run('SADD', 's', 'a', 'b');
    run('COPY', 's', 'd');
    run('SREM', 's', 'a');
    expect(run('SCARD', 'd')).toBe(':2\r\n');
    expect(run('OBJECT', 'ENCODING', 'd')).toBe('$9\r\nhashtable\r\n');
  });
});

describe('propagation, events and dirty', () => {
  test('SPOP without count becomes SREM key member', () => {
    const { run, strings: members, propagated, events, server } = setup();
    run('SADD', 's', 'a', 'b');
    propagated.length = 0;
    events.length = 0;
    const dirty = server.dirty;
    const r = server.execute(server.createClient(), ['SPOP', 's']);
    const popped = r.t === 'bulk' ? r.v : '';
    expect(propagated).toEqual([`SREM s ${popped}`]);
    expect(events).toEqual(['spop s']);
    expect(server.dirty - dirty).toBe(1);
    expect(members('SMEMBERS', 's')).not.toContain(popped);
  });

  test('SPOP of everything is propagated as DEL', () => {
    const { run, propagated, events, server } = setup();
    run('SADD', 's', '3', '1', '2');
    propagated.length = 0;
    events.length = 0;
    const dirty = server.dirty;
    expect(run('SPOP', 's', '10')).toBe('*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n');
    expect(propagated).toEqual(['DEL s']);
    expect(events).toEqual(['spop s', 'del s']);
    expect(server.dirty - dirty).toBe(3);
    expect(run('EXISTS', 's')).toBe(':0\r\n');
  });

  test('a partial SPOP is propagated as one SREM per popped member, in reply order, in MULTI/EXEC', () => {
    for (const count of [2, 9]) {
      const { run, strings: members, propagated, server } = setup();
      run('SADD', 's', ...ints(10));
      propagated.length = 0;
      const dirty = server.dirty;
      const popped = members('SPOP', 's', String(count));
      expect(new Set(popped).size).toBe(count);
      // Two or more SREMs are one unit in Redis 7.0's AOF: MULTI, SREM s 8, SREM s 4, EXEC.
      expect(propagated).toEqual(['MULTI', ...popped.map((m) => `SREM s ${m}`), 'EXEC']);
      expect(server.dirty - dirty).toBe(count);
      expect(run('SCARD', 's')).toBe(`:${10 - count}\r\n`);
      for (const m of popped) expect(run('SISMEMBER', 's', m)).toBe(':0\r\n');
    }
  });

  test('a partial SPOP that keeps few members rebuilds the set from them', () => {
    const { run, strings: members } = setup();
    run('SADD', 's', 'x', ...ints(9));
    // The one member left decides the new set's encoding, as setTypeCreate does.
    members('SPOP', 's', '9');
    const left = members('SMEMBERS', 's');
    expect(left).toHaveLength(1);
    const expected = left[0] === 'x' ? 'hashtable' : 'intset';
    expect(run('OBJECT', 'ENCODING', 's')).toBe(`$${expected.length}\r\n${expected}\r\n`);
  });

  test('SPOP count in RESP3 is a set', () => {
    const { server, c, run } = setup();
    run('SADD', 's', '1', '2');
    c.resp = 3;
    expect(encode3(server.execute(c, ['SPOP', 's', '5']))).toBe('~2\r\n$1\r\n1\r\n$1\r\n2\r\n');
    expect(encode3(server.execute(c, ['SPOP', 's', '0']))).toBe('~0\r\n');
  });

  test('SMOVE, SREM and the STORE commands propagate as sent', () => {
    const { run, propagated, events, server } = setup();
    run('SADD', 's', 'a');
    propagated.length = 0;
    events.length = 0;
    let dirty = server.dirty;
    run('SMOVE', 's', 'd', 'a');
    expect(server.dirty - dirty).toBe(2);
    expect(events).toEqual(['srem s', 'del s', 'sadd d']);
    run('SINTERSTORE', 'e', 'd');
    run('SINTERSTORE', 'e', 'nokey');
    run('SINTERSTORE', 'e', 'nokey');
    expect(propagated).toEqual(['SMOVE s d a', 'SINTERSTORE e d', 'SINTERSTORE e nokey']);
    dirty = server.dirty;
    run('SRANDMEMBER', 'd', '5');
    run('SUNION', 'd', 'e');
    expect(server.dirty).toBe(dirty);
    expect(propagated).toHaveLength(3);
  });

  test('SREM that empties the key fires srem then del', () => {
    const { run, events } = setup();
    run('SADD', 's', 'a', 'b');
    events.length = 0;
    expect(run('SREM', 's', 'a', 'b', 'c')).toBe(':2\r\n');
    expect(events).toEqual(['srem s', 'del s']);
  });
});

describe('random picks', () => {
  test('SRANDMEMBER with a positive count gives distinct members, a negative one repeats', () => {
    const { run, strings: members } = setup();
    run('SADD', 's', ...ints(100), 'x');
    for (const n of [1, 5, 40, 90, 100]) {
      const picked = members('SRANDMEMBER', 's', String(n));
      expect(picked).toHaveLength(n);
      expect(new Set(picked).size).toBe(n);
    }
    expect(members('SRANDMEMBER', 's', '500')).toHaveLength(101);
    const repeated = members('SRANDMEMBER', 's', '-300');
    expect(repeated).toHaveLength(300);
    expect(new Set(repeated).size).toBeLessThan(300);
  });

  test('every member of a hash table is reachable', () => {
    const { run } = setup();
    run('SADD', 's', 'a', 'b', 'c', 'd');
    run('SREM', 's', 'b');
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) seen.add(run('SRANDMEMBER', 's'));
    expect([...seen].sort()).toEqual(['$1\r\na\r\n', '$1\r\nc\r\n', '$1\r\nd\r\n']);
  });
});

describe('SSCAN on a hash table', () => {
  test('members present for the whole scan come exactly once despite changes', () => {
    const { run, server, c } = setup();
    run('SADD', 's', ...ints(300).map((i) => `m${i}`));
    const seen = new Map<string, number>();
    let cursor = '0';
    let round = 0;
    do {
      const r = server.execute(c, ['SSCAN', 's', cursor, 'COUNT', '7']);
      if (r.t !== 'array' || r.v[0].t !== 'bulk' || r.v[1].t !== 'array') throw new Error('bad reply');
      cursor = r.v[0].v;
      for (const m of r.v[1].v) if (m.t === 'bulk') seen.set(m.v, (seen.get(m.v) ?? 0) + 1);
      // Churn: remove members from the back half and add new ones while scanning.
      run('SREM', 's', `m${299 - round}`);
      run('SADD', 's', `new${round}`);
      round++;
    } while (cursor !== '0');
    for (let i = 0; i < 300 - round; i++) expect(seen.get(`m${i}`)).toBe(1);
    for (const n of seen.values()) expect(n).toBe(1);
  });

  test('an intset is returned whole with cursor 0, COUNT ignored', () => {
    const { run } = setup();
    run('SADD', 's', '2', '1', '3');
    expect(run('SSCAN', 's', '0', 'COUNT', '1')).toBe('*2\r\n$1\r\n0\r\n*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n');
  });
});
