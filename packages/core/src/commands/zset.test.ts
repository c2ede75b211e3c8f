// Sorted set unit tests: the skip list against a naive model, keyspace events and
// propagation forms (both captured from redis-server 7.0.15), ZSCAN's walk on a
// skiplist and ZRANDMEMBER's sampling rules.
import { describe, expect, test } from 'vitest';
import { SkipList } from '../types/skiplist.ts';
import { ZSetValue } from '../types/zset.ts';
import { typeTestServer } from './type-test-server.ts';

const setup = typeTestServer;

/** A seeded PRNG for reproducible tests. */
function mulberry(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The bulk strings of a flat RESP2 array reply. */
const bulksOf = (reply: string): string[] => reply.split('\r\n').filter((_, j) => j > 0 && j % 2 === 0);

describe('skip list', () => {
  test('ranks, rank lookups and order match a sorted model under random updates', () => {
    const rand = mulberry(7);
    const z = new ZSetValue();
    const model = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const m = `m${Math.floor(rand() * 600)}`;
      const op = rand();
      if (op < 0.5) {
        const s = Math.floor(rand() * 50);
        if (model.has(m)) z.update(m, s);
        else z.insert(s, m);
        model.set(m, s);
      } else if (op < 0.7) {
        expect(z.remove(m)).toBe(model.delete(m));
      } else if (op < 0.75 && z.size > 0) {
        model.delete(z.pop(rand() < 0.5)!.ele);
      }
    }
    const sorted = [...model].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
    expect([...z.entries()].map((n) => [n.ele, n.score])).toEqual(sorted);
    sorted.forEach(([m], i) => {
      expect(z.rank(m, false)).toBe(i);
      expect(z.rank(m, true)).toBe(sorted.length - 1 - i);
      expect(z.zsl.byRank(i + 1)!.ele).toBe(m);
    });
    expect(z.zsl.length).toBe(model.size);
  });

  test('range deletions keep spans consistent', () => {
    const zsl = new SkipList();
    for (let i = 0; i < 200; i++) zsl.insert(i % 20, `e${String(i).padStart(3, '0')}`);
    const gone: string[] = [];
    expect(zsl.deleteScoreRange({ min: 5, max: 7, minex: false, maxex: true }, (e) => gone.push(e))).toBe(20);
    expect(zsl.deleteRankRange(1, 10, (e) => gone.push(e))).toBe(10);
    expect(gone.length).toBe(30);
    let rank = 1;
    for (let n = zsl.first; n !== null; n = n.forward[0]) expect(zsl.rank(n.score, n.ele)).toBe(rank++);
    expect(rank - 1).toBe(170);
  });
});

describe('events and propagation (as redis-server 7.0.15 emits them)', () => {
  test('keyspace events', () => {
    const { run, events } = setup({ 'notify-keyspace-events': 'KEA' });
    for (const cmd of [
      ['ZADD', 'z', '1', 'a', '2', 'b'], ['ZUNIONSTORE', 'u', '1', 'z'], ['ZINTERSTORE', 'u', '1', 'nokey'],
      ['ZDIFFSTORE', 'v', '1', 'z'], ['ZRANGESTORE', 'w', 'z', '0', '-1'], ['ZRANGESTORE', 'w', 'z', '5', '6'],
      ['ZMPOP', '1', 'z', 'max', 'count', '5'], ['ZADD', 'z', '0', 'x', '0', 'y'], ['ZREMRANGEBYLEX', 'z', '-', '+'],
      ['ZADD', 'z', '0', 'x'], ['ZREM', 'z', 'x'], ['ZPOPMIN', 'z', '0'], ['ZADD', 'z', 'nx', '0', 'x'], ['ZADD', 'z', 'nx', '0', 'x'],
      ['ZINCRBY', 'z', '1', 'x'], ['ZREMRANGEBYSCORE', 'z', '5', '5'], ['ZREMRANGEBYRANK', 'z', '0', '0'],
    ]) run(...cmd);
    expect(events).toEqual([
      'zadd z', 'zunionstore u', 'del u', 'zdiffstore v', 'zrangestore w', 'del w', 'zpopmax z', 'del z', 'zadd z',
      'zremrangebylex z', 'del z', 'zadd z', 'zrem z', 'del z', 'zadd z', 'zincr z', 'zremrangebyrank z', 'del z',
    ]);
  });

  test('ZMPOP is propagated as ZPOPMIN/ZPOPMAX with the number popped; no-ops are not propagated', () => {
    const { run, propagated } = setup();
    run('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd');
    run('ZMPOP', '1', 'z', 'min', 'COUNT', '2');
    run('ZMPOP', '2', 'nokey', 'z', 'MAX', 'COUNT', '10');
    run('ZMPOP', '1', 'z', 'MIN');
    run('ZADD', 'z', '1', 'a', '2', 'b');
    run('ZPOPMAX', 'z', '0');
    run('ZPOPMIN', 'z', '10');
    run('ZADD', 'z', '1', 'a');
    run('ZINCRBY', 'z', '1.5', 'a');
    run('ZADD', 'z', 'INCR', '1', 'a');
    run('ZADD', 'z', 'XX', '1', 'nothere');
    run('ZREM', 'z', 'nothere');
    run('ZRANGESTORE', 'd', 'z', '0', '1');
    run('ZRANGESTORE', 'd', 'none', '0', '1');
    run('ZRANGESTORE', 'd', 'none', '0', '1');
    expect(propagated).toEqual([
      'ZADD z 1 a 2 b 3 c 4 d', 'ZPOPMIN z 2', 'ZPOPMAX z 2', 'ZADD z 1 a 2 b', 'ZPOPMIN z 10', 'ZADD z 1 a',
      'ZINCRBY z 1.5 a', 'ZADD z INCR 1 a', 'ZRANGESTORE d z 0 1', 'ZRANGESTORE d none 0 1',
    ]);
  });
});

describe('ZSCAN and ZRANDMEMBER', () => {
  test('a skiplist ZSCAN walk returns every member present throughout exactly once', () => {
    const { run } = setup({ 'zset-max-listpack-entries': '4' });
    run('ZADD', 'z', ...Array.from({ length: 100 }, (_, i) => [String(i), `m${i}`]).flat());
    const seen = new Map<string, number>();
    let cursor = '0';
    let step = 0;
    do {
      const parts = run('ZSCAN', 'z', cursor, 'COUNT', '7').split('\r\n');
      cursor = parts[2];
      const items = bulksOf(parts.slice(3).join('\r\n'));
      for (let i = 0; i + 1 < items.length; i += 2) seen.set(items[i], (seen.get(items[i]) ?? 0) + 1);
      // Churn between calls: remove members from the front, add new ones.
      run('ZREM', 'z', `m${step}`);
      run('ZADD', 'z', '500', `new${step++}`);
    } while (cursor !== '0');
    for (let i = 50; i < 100; i++) expect(seen.get(`m${i}`)).toBe(1);
  });

  test('ZRANDMEMBER: distinct picks for a positive count, repetitions for a negative one', () => {
    const { run } = setup({}, mulberry(3));
    run('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e');
    for (let i = 0; i < 50; i++) expect(new Set(bulksOf(run('ZRANDMEMBER', 'z', '3'))).size).toBe(3);
    const many = bulksOf(run('ZRANDMEMBER', 'z', '-40'));
    expect(many.length).toBe(40);
    expect(new Set(many).size).toBeLessThan(40);
    // A listpack's distinct sample comes out in the set's order.
    const picked = bulksOf(run('ZRANDMEMBER', 'z', '4', 'WITHSCORES')).filter((_, j) => j % 2 === 0);
    expect([...picked].sort()).toEqual(picked);
  });
});
