// The ring-buffer deque against a plain array model: random pushes, pops,
// inserts, removals, trims and sets must leave the same elements in order.
import { describe, expect, test } from 'vitest';
import { ListValue } from './list.ts';

/** A small deterministic LCG so failures replay. */
function lcg(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

function removeFromModel(a: string[], v: string, limit: number, fromTail: boolean): number {
  let removed = 0;
  const idx = a.map((_, i) => i);
  if (fromTail) idx.reverse();
  const drop = new Set<number>();
  for (const i of idx) {
    if (a[i] === v && (limit === 0 || removed < limit)) { drop.add(i); removed++; }
  }
  const kept = a.filter((_, i) => !drop.has(i));
  a.length = 0;
  a.push(...kept);
  return removed;
}

describe('ListValue', () => {
  test('matches an array under random operations', () => {
    const rnd = lcg(7);
    for (let round = 0; round < 40; round++) {
      const l = new ListValue();
      const a: string[] = [];
      for (let step = 0; step < 300; step++) {
        const v = String(rnd(5));
        switch (rnd(9)) {
          case 0: l.pushHead(v); a.unshift(v); break;
          case 1: l.pushTail(v); a.push(v); break;
          case 2: expect(l.popHead()).toBe(a.shift()); break;
          case 3: expect(l.popTail()).toBe(a.pop()); break;
          case 4: { const i = rnd(a.length + 1); l.insertAt(i, v); a.splice(i, 0, v); break; }
          case 5: {
            const limit = rnd(3);
            const fromTail = rnd(2) === 1;
            expect(l.removeMatching(v, limit, fromTail)).toBe(removeFromModel(a, v, limit, fromTail));
            break;
          }
          case 6: {
            const h = Math.min(rnd(3), a.length);
            const t = Math.min(rnd(3), a.length - h);
            l.trim(h, t);
            a.splice(0, h);
            a.splice(a.length - t, t);
            break;
          }
          case 7: if (a.length) { const i = rnd(a.length); expect(l.setAt(i, v)).toBe(true); a[i] = v; } break;
          default: for (let k = 0; k < 20; k++) { l.pushTail(v); a.push(v); }
        }
        expect(l.length).toBe(a.length);
      }
      expect(l.toArray()).toEqual(a);
    }
  });

  test('Redis indexes: negative from the tail, out of range undefined', () => {
    const l = ListValue.from(['a', 'b', 'c']);
    expect([l.at(0), l.at(2), l.at(-1), l.at(-3)]).toEqual(['a', 'c', 'c', 'a']);
    expect([l.at(3), l.at(-4)]).toEqual([undefined, undefined]);
    expect(l.setAt(-4, 'x')).toBe(false);
    expect(l.indexOf('c')).toBe(2);
    expect(l.indexOf('z')).toBe(-1);
  });

  test('pops from an empty list give undefined; a clone is independent', () => {
    const l = new ListValue();
    expect(l.popHead()).toBeUndefined();
    expect(l.popTail()).toBeUndefined();
    l.pushTail('x');
    const c = l.clone();
    c.pushTail('y');
    expect(l.toArray()).toEqual(['x']);
    expect(c.toArray()).toEqual(['x', 'y']);
  });

  test('grows and shrinks across many wraps', () => {
    const l = new ListValue();
    for (let i = 0; i < 10000; i++) l.pushHead(String(i));
    for (let i = 0; i < 9990; i++) l.popTail();
    expect(l.toArray()).toEqual(['9999', '9998', '9997', '9996', '9995', '9994', '9993', '9992', '9991', '9990']);
  });
});
