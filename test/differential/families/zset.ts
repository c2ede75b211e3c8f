// Random generators for the sorted set commands (t_zset.c). Every reply is
// deterministic except ZRANDMEMBER's picks (compared by shape) and ZSCAN on a
// skiplist (cursor 0 with a COUNT above any set's size, sorted).
//
// Lex ranges over members with different scores are not lex-sorted: a listpack
// answers them by walking (deterministic), a skiplist by descending its random
// levels (not even Redis repeats itself). So the generic keys only ever hold
// listpacks (few, short members), and the one skiplist key, BIG, is never given
// to a lex command nor copied elsewhere.
import type { Step } from '../case.ts';
import type { CommandGen, Family, Gen } from '../random-gen.ts';

const MEMBERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', '', '\x00', '\xff', 'aa', '1', '-2', '10'];
const BIG = 'zbig';

/** A key for a command that neither reads lex ranges nor copies a set: sometimes BIG. */
function zkey(g: Gen): string {
  return g.rng.chance(0.15) ? BIG : g.key();
}
const SCORES = ['0', '1', '-1', '2', '2.5', '-0', '0.1', '1e17', '100', 'inf', '-inf', '+inf', '3', '5'];
const BAD_SCORES = ['nan', 'abc', '', '1e', ' 1', '--1'];

function member(g: Gen): string {
  return g.rng.pick(MEMBERS);
}

function score(g: Gen): string {
  const r = g.rng;
  if (r.chance(0.03)) return r.pick(BAD_SCORES);
  return r.chance(0.7) ? r.pick(SCORES) : String(r.between(-20, 20));
}

/** A score range bound: inclusive/exclusive numbers, infinities, and a little junk. */
function scoreBound(g: Gen): string {
  const r = g.rng;
  const k = r.int(20);
  if (k < 2) return r.pick(['-inf', '+inf']);
  if (k === 2) return r.pick(['x', '(', '', 'nan', '((1']);
  const n = r.pick(['0', '1', '2', '3', '-1', '2.5', '5', '100', 'inf', '-inf']);
  return r.chance(0.3) ? `(${n}` : n;
}

function lexBound(g: Gen): string {
  const r = g.rng;
  const k = r.int(12);
  if (k < 2) return r.pick(['-', '+']);
  if (k === 2) return r.pick(['a', '', '+x']);
  return (r.chance(0.5) ? '[' : '(') + member(g).slice(0, 3);
}

function pairs(g: Gen, max: number): string[] {
  const n = g.rng.between(1, max);
  return Array.from({ length: n }, () => [score(g), member(g)]).flat();
}

function zadd(g: Gen): Step {
  const r = g.rng;
  const opts = r.some(['NX', 'XX', 'GT', 'LT', 'CH'].filter(() => r.chance(0.3)));
  if (r.chance(0.15)) opts.push('INCR');
  const n = opts.includes('INCR') && r.chance(0.9) ? 1 : 4;
  return { cmd: ['ZADD', zkey(g), ...opts, ...pairs(g, n)] };
}

/** Many members at once, to cross zset-max-listpack-entries (128). */
function zaddMany(g: Gen): Step {
  const n = g.rng.between(100, 160);
  const args = Array.from({ length: n }, (_, i) => [String(g.rng.between(-50, 50)), `m${i}`]).flat();
  if (g.rng.chance(0.3)) args.push('0', 'x'.repeat(65));
  return { cmd: ['ZADD', BIG, ...args] };
}

function rangeOptions(g: Gen, store: boolean): string[] {
  const r = g.rng;
  const opts: string[][] = [];
  if (r.chance(0.3)) opts.push(['REV']);
  if (r.chance(0.2)) opts.push(['LIMIT', g.int(-1, 4), g.int(-1, 5)]);
  if (!store && r.chance(0.4)) opts.push(['WITHSCORES']);
  return r.shuffle(opts).flat();
}

function zrange(g: Gen, store: boolean): Step {
  const r = g.rng;
  const kind = r.int(3);
  const source = kind === 2 || store ? g.key() : zkey(g);
  const head = store ? ['ZRANGESTORE', g.key(), source] : ['ZRANGE', source];
  if (kind === 0) return { cmd: [...head, g.int(-5, 5), g.int(-5, 5), ...rangeOptions(g, store)] };
  if (kind === 1) return { cmd: [...head, scoreBound(g), scoreBound(g), 'BYSCORE', ...rangeOptions(g, store)] };
  return { cmd: [...head, lexBound(g), lexBound(g), 'BYLEX', ...rangeOptions(g, store)] };
}

function classicRange(g: Gen): Step {
  const r = g.rng;
  const limit = r.chance(0.2) ? ['LIMIT', g.int(-1, 3), g.int(-1, 4)] : [];
  const ws = r.chance(0.4) ? ['WITHSCORES'] : [];
  switch (r.int(5)) {
    case 0: return { cmd: ['ZREVRANGE', zkey(g), g.int(-5, 5), g.int(-5, 5), ...ws] };
    case 1: return { cmd: ['ZRANGEBYSCORE', zkey(g), scoreBound(g), scoreBound(g), ...ws, ...limit] };
    case 2: return { cmd: ['ZREVRANGEBYSCORE', zkey(g), scoreBound(g), scoreBound(g), ...ws, ...limit] };
    case 3: return { cmd: ['ZRANGEBYLEX', g.key(), lexBound(g), lexBound(g), ...limit] };
    default: return { cmd: ['ZREVRANGEBYLEX', g.key(), lexBound(g), lexBound(g), ...limit] };
  }
}

function setOp(g: Gen): Step {
  const r = g.rng;
  const op = r.pick(['ZUNION', 'ZINTER', 'ZDIFF']);
  const store = r.chance(0.4);
  const keys = g.keys(3);
  const opts: string[][] = [];
  if (op !== 'ZDIFF' && r.chance(0.3)) opts.push(['WEIGHTS', ...keys.map(() => r.pick(['1', '2', '0', '-1', '0.5', 'inf']))]);
  if (op !== 'ZDIFF' && r.chance(0.3)) opts.push(['AGGREGATE', r.pick(['SUM', 'MIN', 'MAX', 'avg'])]);
  if (!store && r.chance(0.4)) opts.push(['WITHSCORES']);
  const numkeys = r.chance(0.03) ? r.pick(['0', '-1', '9', 'x']) : String(keys.length);
  const head = store ? [`${op}STORE`, g.key()] : [op];
  return { cmd: [...head, numkeys, ...keys, ...r.shuffle(opts).flat()] };
}

const gens: [string, number, (g: Gen) => Step | Step[]][] = [
  ['zadd', 8, zadd],
  ['zaddmany', 0.3, zaddMany],
  ['zincrby', 2, (g) => ({ cmd: ['ZINCRBY', zkey(g), score(g), member(g)] })],
  ['zrem', 2, (g) => ({ cmd: ['ZREM', zkey(g), ...Array.from({ length: g.rng.between(1, 3) }, () => member(g))] })],
  ['zcard', 1, (g) => ({ cmd: ['ZCARD', zkey(g)] })],
  ['zscore', 1, (g) => ({ cmd: ['ZSCORE', zkey(g), member(g)] })],
  ['zmscore', 1, (g) => ({ cmd: ['ZMSCORE', zkey(g), member(g), member(g)] })],
  ['zrank', 1, (g) => ({ cmd: [g.rng.pick(['ZRANK', 'ZREVRANK']), zkey(g), member(g)] })],
  ['zcount', 1, (g) => ({ cmd: ['ZCOUNT', zkey(g), scoreBound(g), scoreBound(g)] })],
  ['zlexcount', 1, (g) => ({ cmd: ['ZLEXCOUNT', g.key(), lexBound(g), lexBound(g)] })],
  ['zrange', 4, (g) => zrange(g, false)],
  ['zrangestore', 1.5, (g) => zrange(g, true)],
  ['zrangeclassic', 3, classicRange],
  ['zremrangebyrank', 1, (g) => ({ cmd: ['ZREMRANGEBYRANK', zkey(g), g.int(-4, 4), g.int(-4, 4)] })],
  ['zremrangebyscore', 1, (g) => ({ cmd: ['ZREMRANGEBYSCORE', zkey(g), scoreBound(g), scoreBound(g)] })],
  ['zremrangebylex', 1, (g) => ({ cmd: ['ZREMRANGEBYLEX', g.key(), lexBound(g), lexBound(g)] })],
  ['zpop', 2, (g) => ({ cmd: [g.rng.pick(['ZPOPMIN', 'ZPOPMAX']), zkey(g), ...(g.rng.chance(0.6) ? [g.int(-1, 4)] : [])] })],
  ['zmpop', 1.5, (g) => {
    const keys = g.keys(3);
    const count = g.rng.chance(0.5) ? ['COUNT', g.int(0, 4)] : [];
    return { cmd: ['ZMPOP', String(keys.length), ...keys, g.rng.pick(['MIN', 'MAX', 'min', 'mid']), ...count] };
  }],
  ['zsetop', 3, setOp],
  ['zintercard', 1, (g) => {
    const keys = g.keys(3);
    return { cmd: ['ZINTERCARD', String(keys.length), ...keys, ...(g.rng.chance(0.4) ? ['LIMIT', g.int(-1, 3)] : [])] };
  }],
  // Random picks: only the reply's shape is deterministic.
  ['zrandmember', 1, (g) => {
    // Small counts only: a huge negative count makes Redis build a reply of that many picks.
    const count = g.rng.chance(0.95) ? String(g.rng.between(-5, 5)) : g.rng.pick(['x', '1.5', '-9223372036854775808', '']);
    const args = g.rng.chance(0.7) ? [count, ...(g.rng.chance(0.5) ? ['WITHSCORES'] : [])] : [];
    return { cmd: ['ZRANDMEMBER', zkey(g), ...args], shape: true };
  }],
  // Cursor 0 with a COUNT above any set's size: one call walks everything.
  ['zscan', 1, (g) => ({ cmd: ['ZSCAN', zkey(g), '0', 'COUNT', '1000', ...(g.rng.chance(0.3) ? ['MATCH', g.rng.pick(['*', 'a*', '?', 'm1*'])] : [])], sort: 'deep' })],
];

// ZRANDMEMBER never gets an argument added: a huge count there would hang both servers.
const commands: CommandGen[] = gens.map(([name, weight, gen]) => ({ name, weight, gen, ...(name === 'zrandmember' ? { fixedArity: true as const } : {}) }));

export const zsetFamily: Family = {
  name: 'zset',
  commands,
  dumpers: {
    zset: (key) => [{ cmd: ['ZRANGE', key, '0', '-1', 'WITHSCORES'] }, { cmd: ['OBJECT', 'ENCODING', key] }],
  },
};
