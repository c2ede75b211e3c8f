// The stream structure on its own: ID parsing as string2ull/strtoull accept it,
// the 128-bit key order, node splitting and the head-offset node list, and the
// radix tree node count for node keys (checked against XINFO STREAM on
// redis-server 7.0.15 in the differential cases; here its edge cases).
import { describe, expect, test } from 'vitest';
import { StreamValue } from './stream.ts';
import { MAX_ID, cmpId, decrId, formatId, idKey, incrId, keyToId, parseStreamId } from './stream-id.ts';

const id = (ms: number | bigint, seq: number | bigint = 0) => ({ ms: BigInt(ms), seq: BigInt(seq) });
const limits = { maxBytes: 4096, maxEntries: 3 };

describe('stream IDs', () => {
  test.each([
    ['5', '5-0'], ['5-3', '5-3'], ['007-1', '7-1'], ['+5-1', '5-1'], [' 5-1', '5-1'], ['5--0', '5-0'], ['5-+1', '5-1'],
    ['1--18446744073709551615', '1-1'], ['18446744073709551615-18446744073709551615', '18446744073709551615-18446744073709551615'],
  ])('%j parses as %s', (s, expected) => {
    expect(formatId(parseStreamId(s, 0n, true)!.id)).toBe(expected);
  });
  test.each(['', '-', '+', '-1', '1-', 'x', '1-x', '1.5', '18446744073709551616', '1-18446744073709551616', '1-1 ', '0x10'])('%j is refused (strict)', (s) => {
    expect(parseStreamId(s, 0n, true)).toBeNull();
  });
  test('- and + and <ms>-*', () => {
    expect(parseStreamId('-', 0n, false)!.id).toEqual(id(0));
    expect(cmpId(parseStreamId('+', 0n, false)!.id, MAX_ID)).toBe(0);
    expect(parseStreamId('5-*', 0n, true)).toBeNull();
    expect(parseStreamId('5-*', 0n, true, true)).toEqual({ id: id(5), seqGiven: false });
    expect(parseStreamId('5', 18446744073709551615n, false)!.id.seq).toBe(18446744073709551615n);
  });
  test('keys order as IDs and decode back', () => {
    const ids = [id(0, 1), id(1, 0), id(255, 7), id(256, 0), id(2 ** 40, 3), id(18446744073709551615n, 18446744073709551614n)];
    const keys = ids.map(idKey);
    expect([...keys].sort()).toEqual(keys);
    expect(keys.map(keyToId)).toEqual(ids);
  });
  test('successor and predecessor at the limits', () => {
    expect(incrId(MAX_ID)).toBeNull();
    expect(incrId(id(1, 18446744073709551615n))).toEqual(id(2, 0));
    expect(decrId(id(0))).toBeNull();
    expect(decrId(id(2, 0))).toEqual(id(1, 18446744073709551615n));
  });
});

describe('stream nodes', () => {
  const build = (n: number): StreamValue => {
    const s = new StreamValue();
    for (let i = 1; i <= n; i++) s.append(id(i), ['f'], [String(i)], limits);
    return s;
  };
  test('nodes split at stream-node-max-entries, tombstones included', () => {
    const s = build(7);
    expect(s.nodes.length).toBe(3);
    expect(s.delete(id(7))).toBe(true);
    expect(s.nodes.length).toBe(2);
    s.append(id(8), ['f'], ['8'], limits);
    expect(s.nodes.length).toBe(3);
  });
  test('trimming whole nodes keeps the rest in order', () => {
    const s = build(100);
    expect(s.trim({ maxlen: 10 }, true, 0)).toBe(90);
    expect([...s.range(id(0), MAX_ID, false)].map((e) => Number(e.id.ms))).toEqual([91, 92, 93, 94, 95, 96, 97, 98, 99, 100]);
    expect(formatId(s.firstId)).toBe('91-0');
    s.append(id(101), ['f'], ['x'], limits);
    expect([...s.range(id(0), MAX_ID, true)].length).toBe(11);
  });
  test('radix tree nodes: empty, one key, keys sharing prefixes', () => {
    const s = new StreamValue();
    expect(s.raxNodes()).toBe(1);
    s.append(id(1), ['f'], ['v'], { maxBytes: 0, maxEntries: 1 });
    expect(s.raxNodes()).toBe(2);
    s.append(id(2), ['f'], ['v'], { maxBytes: 0, maxEntries: 1 });
    // A compressed head (the 7 common bytes), a branch on the 8th, and per key the
    // compressed rest (its sequence) and its leaf: XINFO STREAM says 6 on redis-server.
    expect(s.raxNodes()).toBe(6);
  });
});
