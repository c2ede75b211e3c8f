// Hash commands: listpack/hashtable conversions, HINCRBYFLOAT's HSET propagation
// (pinned from a redis-server 7.0.15 AOF), keyspace events, dirty counts,
// HRANDFIELD's count rules and RESP3 pairs, and HSCAN's guarantee on hash tables.
import { describe, expect, test } from 'vitest';
import { typeTestServer } from './type-test-server.ts';
import { encode3 } from '../resp/encode.ts';

const setup = typeTestServer;

const fieldValues = (n: number): string[] => Array.from({ length: n }, (_, i) => [`f${i}`, `v${i}`]).flat();
const encoding = (name: string): string => `$${name.length}\r\n${name}\r\n`;

describe('encodings', () => {
  test('listpack up to hash-max-listpack-entries, then hashtable for good', () => {
    const { run } = setup({ 'hash-max-listpack-entries': '2' });
    run('HSET', 'h', ...fieldValues(2));
    expect(run('OBJECT', 'ENCODING', 'h')).toBe(encoding('listpack'));
    run('HSET', 'h', 'x', 'y');
    expect(run('OBJECT', 'ENCODING', 'h')).toBe(encoding('hashtable'));
    run('HDEL', 'h', 'x', 'f0');
    expect(run('OBJECT', 'ENCODING', 'h')).toBe(encoding('hashtable'));
  });

  test('a field or value longer than hash-max-listpack-value converts, HSETNX on an existing field does not', () => {
    const { run } = setup({ 'hash-max-listpack-value': '4' });
    run('HSET', 'h', 'abcd', 'wxyz');
    expect(run('OBJECT', 'ENCODING', 'h')).toBe(encoding('listpack'));
    run('HSETNX', 'h', 'abcd', 'long value');
    expect(run('OBJECT', 'ENCODING', 'h')).toBe(encoding('listpack'));
    run('HINCRBY', 'h', 'longfield', '1');
    expect(run('OBJECT', 'ENCODING', 'h')).toBe(encoding('hashtable'));
  });

  test('listpack order is insertion order, updates in place', () => {
    const { run, strings } = setup();
    run('HSET', 'h', 'c', '1', 'a', '2', 'b', '3');
    run('HSET', 'h', 'a', 'x');
    run('HDEL', 'h', 'c');
    run('HSET', 'h', 'c', 'y');
    expect(strings('HGETALL', 'h')).toEqual(['a', 'x', 'b', '3', 'c', 'y']);
  });

  test('COPY duplicates the structure and the encoding', () => {
    const { run } = setup({ 'hash-max-listpack-entries': '1' });
    run('HSET', 'h', 'a', '1', 'b', '2');
    run('COPY', 'h', 'd');
    run('HDEL', 'h', 'a');
    expect(run('HLEN', 'd')).toBe(':2\r\n');
    expect(run('OBJECT', 'ENCODING', 'd')).toBe(encoding('hashtable'));
  });
});

describe('propagation, events and dirty', () => {
  test('HINCRBYFLOAT is propagated as HSET with the result', () => {
    const { run, propagated, events } = setup();
    expect(run('HINCRBYFLOAT', 'h', 'f', '1.5')).toBe('$3\r\n1.5\r\n');
    expect(run('HINCRBYFLOAT', 'h', 'f', '1e3')).toBe('$6\r\n1001.5\r\n');
    run('HINCRBYFLOAT', 'h', 'f', 'inf');
    expect(propagated).toEqual(['HSET h f 1.5', 'HSET h f 1001.5']);
    expect(events).toEqual(['hincrbyfloat h', 'hincrbyfloat h']);
  });

  test('HSET counts one change per pair; HSETNX and HDEL count what they did', () => {
    const { run, server, propagated, events } = setup();
    let dirty = server.dirty;
    run('HSET', 'h', 'a', '1', 'b', '2', 'a', '3');
    expect(server.dirty - dirty).toBe(3);
    dirty = server.dirty;
    run('HSETNX', 'h', 'a', '9');
    expect(server.dirty).toBe(dirty);
    run('HDEL', 'h', 'a', 'b', 'x');
    expect(server.dirty - dirty).toBe(2);
    expect(propagated).toEqual(['HSET h a 1 b 2 a 3', 'HDEL h a b x']);
    expect(events).toEqual(['hset h', 'hdel h', 'del h']);
  });

  test('HINCRBY propagates as sent and refuses overflow without a change', () => {
    const { run, propagated } = setup();
    run('HINCRBY', 'h', 'n', '9223372036854775807');
    expect(run('HINCRBY', 'h', 'n', '1')).toBe('-ERR increment or decrement would overflow\r\n');
    expect(run('HGET', 'h', 'n')).toBe('$19\r\n9223372036854775807\r\n');
    expect(propagated).toEqual(['HINCRBY h n 9223372036854775807']);
  });
});

describe('HRANDFIELD', () => {
  test('positive counts are distinct; a listpack keeps its order', () => {
    const { run, strings } = setup();
    run('HSET', 'h', ...fieldValues(20));
    for (const n of [2, 7, 19]) {
      const picked = strings('HRANDFIELD', 'h', String(n));
      expect(new Set(picked).size).toBe(n);
      const positions = picked.map((f) => Number(f.slice(1)));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  test('hash tables: distinct positive picks, repeats for negative counts, values paired', () => {
    const { run, strings } = setup({ 'hash-max-listpack-entries': '4' });
    run('HSET', 'h', ...fieldValues(30));
    for (const n of [3, 10, 25]) expect(new Set(strings('HRANDFIELD', 'h', String(n))).size).toBe(n);
    const pairs = strings('HRANDFIELD', 'h', '-40', 'WITHVALUES');
    expect(pairs).toHaveLength(80);
    for (let i = 0; i < pairs.length; i += 2) expect(pairs[i + 1]).toBe(`v${pairs[i].slice(1)}`);
  });

  test('RESP3 WITHVALUES nests each pair', () => {
    const { server, c, run } = setup();
    run('HSET', 'h', 'a', '1');
    c.resp = 3;
    expect(encode3(server.execute(c, ['HRANDFIELD', 'h', '-2', 'WITHVALUES'])))
      .toBe('*2\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n');
    expect(encode3(server.execute(c, ['HRANDFIELD', 'h', '-2']))).toBe('*2\r\n$1\r\na\r\n$1\r\na\r\n');
  });
});

describe('HSCAN on a hash table', () => {
  test('fields present for the whole scan come exactly once, with their values', () => {
    const { run, server, c } = setup({ 'hash-max-listpack-entries': '8' });
    run('HSET', 'h', ...fieldValues(200));
    const seen = new Map<string, number>();
    let cursor = '0';
    let round = 0;
    do {
      const r = server.execute(c, ['HSCAN', 'h', cursor, 'COUNT', '9']);
      if (r.t !== 'array' || r.v[0].t !== 'bulk' || r.v[1].t !== 'array') throw new Error('bad reply');
      cursor = r.v[0].v;
      const flat = r.v[1].v.map((x) => (x.t === 'bulk' ? x.v : ''));
      expect(flat.length).toBeLessThanOrEqual(18);
      for (let i = 0; i < flat.length; i += 2) {
        expect(flat[i + 1]).toBe(`v${flat[i].slice(1)}`);
        seen.set(flat[i], (seen.get(flat[i]) ?? 0) + 1);
      }
      run('HDEL', 'h', `f${199 - round}`);
      run('HSET', 'h', `fnew${round}`, `vnew${round}`);
      round++;
    } while (cursor !== '0');
    for (let i = 0; i < 200 - round; i++) expect(seen.get(`f${i}`)).toBe(1);
    for (const n of seen.values()) expect(n).toBe(1);
  });
});
