// Random generators for the list commands (t_list.c, non-blocking) and SORT.
// Elements come mostly from a small pool so LREM/LPOS/LINSERT find them, and
// include the digits 1..6 so SORT's BY/GET pattern "k*" reaches keys k1..k6.
//
// SORT's determinism: a set's own order (BY nosort), ties under ALPHA and ties
// between BY weights (a BY pattern whose lookups miss gives every element the same
// weight) all keep hash-table order in Redis when the sorted key is a set. So BY
// nosort and ALPHA are only generated with STORE (which sorts a set by bytes and
// compares by bytes), a BY pattern never with STORE, and a BY pattern without
// STORE compares the reply sorted.
import type { Step } from '../case.ts';
import type { CommandGen, Family, Gen } from '../random-gen.ts';

const POOL = ['a', 'b', 'c', '1', '2', '3', '4', '5', '6', '-1', '1.5', '10', '', 'x y', '\xff\x00', 'inf', '1e400', ' 7'];

function element(g: Gen): string {
  return g.rng.chance(0.8) ? g.rng.pick(POOL) : g.value();
}

function elements(g: Gen, max: number): string[] {
  return Array.from({ length: g.rng.between(1, max) }, () => element(g));
}

const side = (g: Gen): string => g.rng.pick(['LEFT', 'RIGHT', 'left', 'right', 'LEFT', 'RIGHT', 'up']);
const index = (g: Gen): string => g.int(-8, 8);

function popCount(g: Gen): string[] {
  return g.rng.chance(0.5) ? [] : [g.int(0, 6)];
}

function lpos(g: Gen): Step {
  const r = g.rng;
  const opts: string[][] = [];
  if (r.chance(0.4)) opts.push(['RANK', r.chance(0.9) ? String(r.pick([1, 2, 3, -1, -2, -3, 0])) : g.int()]);
  if (r.chance(0.4)) opts.push(['COUNT', g.int(0, 4)]);
  if (r.chance(0.3)) opts.push(['MAXLEN', g.int(0, 6)]);
  return { cmd: ['LPOS', g.key(), element(g), ...r.shuffle(opts).flat()] };
}

function lmpop(g: Gen): Step {
  const keys = g.keys(3);
  const r = g.rng;
  const numkeys = r.chance(0.9) ? String(keys.length) : r.pick(['0', '-1', 'x', String(keys.length + 1)]);
  const count = r.chance(0.5) ? ['COUNT', g.int(0, 6)] : [];
  return { cmd: ['LMPOP', numkeys, ...keys, side(g), ...count] };
}

/** SORT's options; ALPHA and BY nosort only with STORE (see the header). */
function sort(g: Gen): Step {
  const r = g.rng;
  const opts: string[][] = [];
  const store = r.chance(0.3);
  if (r.chance(0.3)) opts.push([r.pick(['ASC', 'DESC', 'desc'])]);
  if (store && r.chance(0.4)) opts.push(['ALPHA']);
  if (r.chance(0.3)) opts.push(['LIMIT', g.int(-2, 6), g.int(-2, 6)]);
  let byPattern = false;
  if (r.chance(0.3)) {
    byPattern = !store;
    opts.push(['BY', byPattern ? r.pick(['k*', 'none_*', 'k*->f']) : 'nosort']);
  }
  for (let i = r.int(3); i > 0 && r.chance(0.5); i--) opts.push(['GET', r.pick(['#', 'k*', 'k*->f', 'x'])]);
  if (store) opts.push(['STORE', g.key()]);
  if (r.chance(0.03)) opts.push([r.pick(['FOO', 'LIMIT', 'BY'])]);
  const cmd = ['SORT', g.key(), ...r.shuffle(opts).flat()];
  return byPattern ? { cmd, sort: true } : { cmd };
}

function sortRoNosort(g: Gen): Step {
  return { cmd: ['SORT_RO', g.key(), 'BY', 'nosort', ...(g.rng.chance(0.3) ? ['STORE', g.key()] : [])], sort: true };
}

const commands: CommandGen[] = [
  { name: 'lpush', weight: 4, gen: (g) => ({ cmd: ['LPUSH', g.key(), ...elements(g, 4)] }) },
  { name: 'rpush', weight: 4, gen: (g) => ({ cmd: ['RPUSH', g.key(), ...elements(g, 4)] }) },
  { name: 'lpushx', weight: 1, gen: (g) => ({ cmd: ['LPUSHX', g.key(), ...elements(g, 2)] }) },
  { name: 'rpushx', weight: 1, gen: (g) => ({ cmd: ['RPUSHX', g.key(), ...elements(g, 2)] }) },
  { name: 'lpop', weight: 2, gen: (g) => ({ cmd: ['LPOP', g.key(), ...popCount(g)] }) },
  { name: 'rpop', weight: 2, gen: (g) => ({ cmd: ['RPOP', g.key(), ...popCount(g)] }) },
  { name: 'lmpop', weight: 1, gen: lmpop },
  { name: 'lmove', weight: 2, gen: (g) => ({ cmd: ['LMOVE', g.key(), g.key(), side(g), side(g)] }) },
  { name: 'rpoplpush', weight: 1, gen: (g) => ({ cmd: ['RPOPLPUSH', g.key(), g.key()] }) },
  { name: 'llen', weight: 1, gen: (g) => ({ cmd: ['LLEN', g.key()] }) },
  { name: 'lindex', weight: 2, gen: (g) => ({ cmd: ['LINDEX', g.key(), index(g)] }) },
  { name: 'lset', weight: 1, gen: (g) => ({ cmd: ['LSET', g.key(), index(g), element(g)] }) },
  { name: 'lrange', weight: 2, gen: (g) => ({ cmd: ['LRANGE', g.key(), index(g), index(g)] }) },
  { name: 'ltrim', weight: 1, gen: (g) => ({ cmd: ['LTRIM', g.key(), index(g), index(g)] }) },
  { name: 'lrem', weight: 1, gen: (g) => ({ cmd: ['LREM', g.key(), g.int(-3, 3), element(g)] }) },
  {
    name: 'linsert',
    weight: 1,
    gen: (g) => ({ cmd: ['LINSERT', g.key(), g.rng.pick(['BEFORE', 'AFTER', 'after', 'X']), element(g), element(g)] }),
  },
  { name: 'lpos', weight: 2, gen: lpos },
  { name: 'sort', weight: 2, gen: sort },
  { name: 'sort_ro', weight: 1, gen: sortRoNosort },
];

export const listFamily: Family = {
  name: 'lists',
  commands,
  dumpers: {
    list: (key) => [{ cmd: ['LRANGE', key, '0', '-1'] }, { cmd: ['OBJECT', 'ENCODING', key] }],
  },
};
