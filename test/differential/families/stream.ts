// Random generators for the stream commands (t_stream.c), with explicit IDs
// only: `*` would take each server's clock. IDs mostly grow (a per-sequence
// counter), so XADDs succeed and build real streams; some go backwards, near
// the limits, or are junk. Nothing blocks (no BLOCK). Times never show: the
// idle thresholds are 0 or 10^12 ms (far from any real idle time, and exactly
// met by IDLE 10^12), and replies carrying delivery or seen times (XPENDING
// ranges, XINFO CONSUMERS, XINFO STREAM FULL) are compared by shape.
import type { Step } from '../case.ts';
import type { CommandGen, Family, Gen } from '../random-gen.ts';

const U64 = '18446744073709551615';
const FIELDS = ['a', 'b', 'f', 'name', '', '1', '\x00\xff'];
const GROUPS = ['g1', 'g2'];
const CONSUMERS = ['alice', 'bob', '', 'c\x00'];
/** A threshold no real idle time reaches, and that IDLE of the same value meets exactly. */
const FAR = '1000000000000';

/** The ID counter of each sequence: XADDs take increasing milliseconds from it. */
const clocks = new WeakMap<Gen, number>();

function nextMs(g: Gen): number {
  const ms = (clocks.get(g) ?? 0) + g.rng.between(0, 3);
  clocks.set(g, ms);
  return ms;
}

/** Some ID at or below what has been added so far (ranges, deletions, claims). */
function pastId(g: Gen): string {
  const r = g.rng;
  const ms = r.between(0, clocks.get(g) ?? 0);
  return r.chance(0.3) ? String(ms) : `${ms}-${r.between(0, 2)}`;
}

/** An ID argument that is usually valid, sometimes an edge or junk. */
function anyId(g: Gen): string {
  const r = g.rng;
  const k = r.int(30);
  if (k === 0) return r.pick(['0-0', `${U64}-${U64}`, `${U64}-0`, '0-1', U64]);
  if (k === 1) return r.pick(['x', '', '-1', '1-x', '5-*', '1.5', '18446744073709551616']);
  return pastId(g);
}

/** The ID of a new entry: the next one, `<ms>-*`, or (rarely) one that is too small. */
function newId(g: Gen): string {
  const r = g.rng;
  const k = r.int(20);
  if (k === 0) return pastId(g);
  if (k === 1) return anyId(g);
  const ms = nextMs(g);
  return k < 8 ? `${ms}-*` : `${ms}-${r.between(0, 3)}`;
}

function fieldValues(g: Gen): string[] {
  const r = g.rng;
  // The same fields in the same order most of the time, as real streams (SAMEFIELDS entries).
  if (r.chance(0.6)) return ['f', g.value(), 'name', r.pick(['x', 'y', '7'])];
  return Array.from({ length: r.between(1, 3) }, () => [r.pick(FIELDS), r.chance(0.5) ? g.value() : String(r.between(0, 99))]).flat();
}

/** MAXLEN/MINID [=|~] threshold [LIMIT n], or nothing. */
function trimOptions(g: Gen, always: boolean): string[] {
  const r = g.rng;
  if (!always && r.chance(0.7)) return [];
  const approx = r.pick(['', '', '=', '~', '~']);
  const strategy = r.chance(0.6) ? ['MAXLEN', ...(approx ? [approx] : []), String(r.between(0, 12))]
    : ['MINID', ...(approx ? [approx] : []), pastId(g)];
  if (r.chance(0.15)) strategy.push('LIMIT', String(r.between(0, 5)));
  return strategy;
}

function bound(g: Gen, low: boolean): string {
  const r = g.rng;
  if (r.chance(0.2)) return low ? '-' : '+';
  const id = anyId(g);
  return r.chance(0.2) ? `(${id}` : id;
}

const count = (g: Gen): string[] => (g.rng.chance(0.5) ? ['COUNT', g.rng.pick(['0', '1', '2', '5', '-1', 'x'])] : []);
const group = (g: Gen): string => (g.rng.chance(0.95) ? g.rng.pick(GROUPS) : 'nogroup');
const consumer = (g: Gen): string => g.rng.pick(CONSUMERS);
const shape = (cmd: string[]): Step => ({ cmd, shape: true });
const idle = (g: Gen): string => g.rng.pick(['0', '0', FAR, '-1']);

function xadd(g: Gen): Step {
  const r = g.rng;
  const opts = [...(r.chance(0.1) ? ['NOMKSTREAM'] : []), ...trimOptions(g, false)];
  return { cmd: ['XADD', g.key(), ...opts, newId(g), ...fieldValues(g)] };
}

function xreadgroup(g: Gen): Step {
  const r = g.rng;
  const keys = r.chance(0.8) ? [g.key()] : [g.key(), g.key()];
  const ids = keys.map(() => (r.chance(0.75) ? '>' : r.pick(['0', pastId(g)])));
  return { cmd: ['XREADGROUP', 'GROUP', group(g), consumer(g), ...count(g), ...(r.chance(0.2) ? ['NOACK'] : []), 'STREAMS', ...keys, ...ids] };
}

function xclaim(g: Gen): Step {
  const r = g.rng;
  const ids = Array.from({ length: r.between(1, 3) }, () => pastId(g));
  const opts: string[] = [];
  if (r.chance(0.2)) opts.push('IDLE', r.pick(['0', FAR]));
  if (r.chance(0.15)) opts.push('TIME', r.pick(['1', '5', '99999999999999']));
  if (r.chance(0.2)) opts.push('RETRYCOUNT', r.pick(['0', '3', 'x']));
  if (r.chance(0.2)) opts.push('FORCE');
  if (r.chance(0.5)) opts.push('JUSTID');
  if (r.chance(0.1)) opts.push('LASTID', anyId(g));
  return { cmd: ['XCLAIM', g.key(), group(g), consumer(g), idle(g), ...ids, ...opts] };
}

function xgroup(g: Gen): Step {
  const r = g.rng;
  const key = g.key();
  switch (r.int(6)) {
    case 0:
    case 1:
      return { cmd: ['XGROUP', 'CREATE', key, group(g), r.pick(['0', '$', pastId(g)]), ...(r.chance(0.4) ? ['MKSTREAM'] : []), ...(r.chance(0.2) ? ['ENTRIESREAD', r.pick(['0', '2', '-1', '-2'])] : [])] };
    case 2:
      return { cmd: ['XGROUP', 'SETID', key, group(g), r.pick(['0', '$', pastId(g)]), ...(r.chance(0.3) ? ['ENTRIESREAD', r.pick(['0', '3', '-1'])] : [])] };
    case 3:
      return { cmd: ['XGROUP', 'DESTROY', key, group(g)] };
    case 4:
      return { cmd: ['XGROUP', 'CREATECONSUMER', key, group(g), consumer(g)] };
    default:
      return { cmd: ['XGROUP', 'DELCONSUMER', key, group(g), consumer(g)] };
  }
}

function xinfo(g: Gen): Step {
  const r = g.rng;
  const key = g.key();
  switch (r.int(4)) {
    case 0: return { cmd: ['XINFO', 'STREAM', key] };
    case 1: return { cmd: ['XINFO', 'GROUPS', key] };
    case 2: return shape(['XINFO', 'CONSUMERS', key, group(g)]);
    default: return shape(['XINFO', 'STREAM', key, 'FULL', ...(r.chance(0.5) ? ['COUNT', r.pick(['0', '2'])] : [])]);
  }
}

const commands: CommandGen[] = ([
  ['xadd', 14, xadd],
  ['xrange', 4, (g) => ({ cmd: ['XRANGE', g.key(), bound(g, true), bound(g, false), ...count(g)] })],
  ['xrevrange', 3, (g) => ({ cmd: ['XREVRANGE', g.key(), bound(g, false), bound(g, true), ...count(g)] })],
  ['xlen', 2, (g) => ({ cmd: ['XLEN', g.key()] })],
  ['xdel', 4, (g) => ({ cmd: ['XDEL', g.key(), ...Array.from({ length: g.rng.between(1, 3) }, () => pastId(g))] })],
  ['xtrim', 3, (g) => ({ cmd: ['XTRIM', g.key(), ...trimOptions(g, true)] })],
  ['xsetid', 1, (g) => ({ cmd: ['XSETID', g.key(), g.rng.chance(0.5) ? `${nextMs(g)}-0` : anyId(g), ...(g.rng.chance(0.3) ? ['ENTRIESADDED', g.rng.pick(['0', '50', '1000'])] : []), ...(g.rng.chance(0.2) ? ['MAXDELETEDID', pastId(g)] : [])] })],
  ['xread', 3, (g) => {
    const keys = g.rng.chance(0.7) ? [g.key()] : [g.key(), g.key()];
    return { cmd: ['XREAD', ...count(g), 'STREAMS', ...keys, ...keys.map(() => g.rng.pick(['0', '$', pastId(g)]))] };
  }],
  ['xgroup', 6, xgroup],
  ['xreadgroup', 6, xreadgroup],
  ['xack', 3, (g) => ({ cmd: ['XACK', g.key(), group(g), ...Array.from({ length: g.rng.between(1, 3) }, () => pastId(g))] })],
  ['xpending', 3, (g) => (g.rng.chance(0.5)
    ? { cmd: ['XPENDING', g.key(), group(g)] }
    : shape(['XPENDING', g.key(), group(g), ...(g.rng.chance(0.3) ? ['IDLE', idle(g)] : []), bound(g, true), bound(g, false), g.rng.pick(['10', '1', '0']), ...(g.rng.chance(0.3) ? [consumer(g)] : [])]))],
  ['xclaim', 3, xclaim],
  ['xautoclaim', 2, (g) => ({ cmd: ['XAUTOCLAIM', g.key(), group(g), consumer(g), idle(g), bound(g, true), ...count(g).map((x) => (x === '0' || x === '-1' || x === 'x' ? '3' : x)), ...(g.rng.chance(0.4) ? ['JUSTID'] : [])] })],
  ['xinfo', 3, xinfo],
] as [string, number, (g: Gen) => Step][]).map(([name, weight, gen]) => ({ name, weight, gen }));

export const streamFamily: Family = {
  name: 'stream',
  commands,
  dumpers: {
    stream: (key) => [
      { cmd: ['XRANGE', key, '-', '+'] },
      { cmd: ['XINFO', 'STREAM', key] },
      { cmd: ['XINFO', 'GROUPS', key] },
      ...GROUPS.map((name) => ({ cmd: ['XPENDING', key, name] })),
    ],
  },
};
