// Bitmap commands: what is a write (propagated, counted, announced) and what is
// not, as redis-server 7.0.15 reports through rdb_changes_since_last_save and
// keyspace events: SETBIT only when the key is created, grows or the bit flips;
// BITFIELD once per changing write; BITOP as a "set" (or "del" when empty).
import { describe, expect, test } from 'vitest';
import { typeTestServer } from './type-test-server.ts';

describe('SETBIT', () => {
  test('a write only when created, grown or flipped', () => {
    const { server, run, propagated, events } = typeTestServer();
    const before = server.dirty;
    expect(run('SETBIT', 'k', '7', '1')).toBe(':0\r\n');
    expect(run('SETBIT', 'k', '7', '1')).toBe(':1\r\n');
    expect(run('SETBIT', 'k', '7', '0')).toBe(':1\r\n');
    expect(run('SETBIT', 'k', '20', '0')).toBe(':0\r\n');
    expect(run('SETBIT', 'k', '20', '0')).toBe(':0\r\n');
    expect(server.dirty - before).toBe(3);
    expect(propagated).toEqual(['SETBIT k 7 1', 'SETBIT k 7 0', 'SETBIT k 20 0']);
    expect(events).toEqual(['setbit k', 'setbit k', 'setbit k']);
  });

  test('an existing value becomes raw even when nothing changes', () => {
    const { run } = typeTestServer();
    run('SET', 'k', '123');
    run('SETBIT', 'k', '0', '0');
    expect(run('OBJECT', 'ENCODING', 'k')).toBe('$3\r\nraw\r\n');
    expect(run('GET', 'k')).toBe('$3\r\n123\r\n');
  });
});

describe('BITFIELD', () => {
  test('counts each changing write, FAIL writes nothing, GET is free', () => {
    const { server, run, propagated, events } = typeTestServer();
    run('SETBIT', 'k', '7', '1');
    const before = server.dirty;
    run('BITFIELD', 'k', 'GET', 'u8', '0');
    run('BITFIELD', 'k', 'SET', 'u8', '0', '1');
    expect(server.dirty - before).toBe(0);
    expect(run('BITFIELD', 'k', 'SET', 'u8', '0', '0', 'INCRBY', 'u8', '0', '1', 'SET', 'u4', '0', '15')).toBe('*3\r\n:1\r\n:1\r\n:0\r\n');
    expect(server.dirty - before).toBe(3);
    expect(run('BITFIELD', 'k', 'OVERFLOW', 'FAIL', 'INCRBY', 'u8', '0', '1000')).toBe('*1\r\n$-1\r\n');
    expect(server.dirty - before).toBe(3);
    // Growing the string makes every successful write count.
    run('BITFIELD', 'k', 'SET', 'u8', '100', '0', 'SET', 'u8', '0', '241');
    expect(server.dirty - before).toBe(5);
    expect(propagated.slice(1)).toEqual(['BITFIELD k SET u8 0 0 INCRBY u8 0 1 SET u4 0 15', 'BITFIELD k SET u8 100 0 SET u8 0 241']);
    expect(events).toEqual(['setbit k', 'setbit k', 'setbit k']);
  });

  test('a FAIL-only write still zero-pads the value silently', () => {
    const { server, run, propagated } = typeTestServer();
    run('SET', 'k', 'a');
    const before = server.dirty;
    run('BITFIELD', 'k', 'OVERFLOW', 'FAIL', 'INCRBY', 'u8', '100', '1000');
    expect(run('STRLEN', 'k')).toBe(':14\r\n');
    expect(server.dirty).toBe(before);
    expect(propagated).toEqual(['SET k a']);
  });
});

describe('BITOP', () => {
  test('stores with a set event, deletes an empty result with del', () => {
    const { run, propagated, events } = typeTestServer();
    run('SET', 'a', 'ab');
    expect(run('BITOP', 'NOT', 'd', 'a')).toBe(':2\r\n');
    expect(run('BITOP', 'AND', 'd', 'x', 'y')).toBe(':0\r\n');
    expect(run('BITOP', 'AND', 'd', 'x', 'y')).toBe(':0\r\n');
    expect(events).toEqual(['set a', 'set d', 'del d']);
    expect(propagated).toEqual(['SET a ab', 'BITOP NOT d a', 'BITOP AND d x y']);
    expect(run('OBJECT', 'ENCODING', 'a')).toBe('$6\r\nembstr\r\n');
  });
});
