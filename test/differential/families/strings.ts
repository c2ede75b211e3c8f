// Random generators for the string commands (t_string.c).
import type { Step } from '../case.ts';
import type { CommandGen, Family, Gen } from '../random-gen.ts';

/** SET's expire option: EX/PX relative, EXAT/PXAT absolute, KEEPTTL, or nothing. */
function setExpireOption(g: Gen): string[] {
  switch (g.rng.int(7)) {
    case 0: return ['EX', g.expireArg('s', 'relative')];
    case 1: return ['PX', g.expireArg('ms', 'relative')];
    case 2: return ['EXAT', g.expireArg('s', 'absolute', false)];
    case 3: return ['PXAT', g.expireArg('ms', 'absolute', false)];
    case 4: return ['KEEPTTL'];
    default: return [];
  }
}

function set(g: Gen): Step {
  const r = g.rng;
  const opts: string[][] = [setExpireOption(g)];
  if (r.chance(0.3)) opts.push([r.pick(['NX', 'XX', 'nx', 'xx'])]);
  if (r.chance(0.25)) opts.push(['GET']);
  // Conflicting or repeated options: the syntax-error paths.
  if (r.chance(0.08)) opts.push(r.chance(0.5) ? setExpireOption(g) : [r.pick(['NX', 'XX', 'GET', 'EX', 'FOO'])]);
  return { cmd: ['SET', g.key(), g.value(), ...r.shuffle(opts).flat()] };
}

/** GETEX's expire option, or PERSIST, or nothing. */
function getex(g: Gen): Step {
  const r = g.rng;
  const opts: string[][] = [];
  switch (r.int(6)) {
    case 0: opts.push(['EX', g.expireArg('s', 'relative')]); break;
    case 1: opts.push(['PX', g.expireArg('ms', 'relative')]); break;
    case 2: opts.push(['EXAT', g.expireArg('s', 'absolute')]); break;
    case 3: opts.push(['PXAT', g.expireArg('ms', 'absolute')]); break;
    case 4: opts.push(['PERSIST']); break;
    default: break;
  }
  if (r.chance(0.08)) opts.push(r.pick([['PERSIST'], ['EX', '100000'], ['KEEPTTL'], ['NX']]));
  return { cmd: ['GETEX', g.key(), ...opts.flat()] };
}

/** LCS keys hold short strings only, so LCS's O(n*m) table stays small. */
const LCS_KEYS = ['lcs:a', 'lcs:b'];
const LCS_VALUES = ['ohmytext', 'mynewtext', 'abcdef', 'acbdfe', '', 'aaaa', 'xyz', 'rosettacode', 'raisethysword'];

function lcs(g: Gen): Step[] {
  const r = g.rng;
  const steps: Step[] = [];
  if (r.chance(0.6)) {
    const v = r.chance(0.7) ? r.pick(LCS_VALUES) : r.bytes(r.between(0, 12));
    steps.push({ cmd: ['SET', r.pick(LCS_KEYS), v] });
  }
  const opts: string[][] = [];
  if (r.chance(0.3)) opts.push(['LEN']);
  if (r.chance(0.4)) opts.push(['IDX']);
  if (r.chance(0.3)) opts.push(['MINMATCHLEN', g.int(-1, 4)]);
  if (r.chance(0.3)) opts.push(['WITHMATCHLEN']);
  if (r.chance(0.05)) opts.push(['FOO']);
  // The second key may be any key: its string can be long, but the first is short.
  const other = r.chance(0.7) ? r.pick(LCS_KEYS) : g.key();
  steps.push({ cmd: ['LCS', r.pick(LCS_KEYS), other, ...r.shuffle(opts).flat()] });
  return steps;
}

/** Offsets: small (the common case), past the end, negative, and beyond proto-max-bulk-len. */
function offset(g: Gen): string {
  const r = g.rng;
  if (r.chance(0.85)) return String(r.between(0, 60));
  return r.pick(['2000', '-1', '536870912', '536870911', '9223372036854775807', 'x', '']);
}

function setrange(g: Gen): Step {
  const off = offset(g);
  // A value at offset 536870911 would make a 512 MB string: only the empty value there.
  const value = off === '536870911' ? '' : g.rng.chance(0.1) ? '' : g.value();
  return { cmd: ['SETRANGE', g.key(), off, value] };
}

const rangeArg = (g: Gen): string =>
  (g.rng.chance(0.85) ? String(g.rng.between(-60, 60)) : g.rng.pick(['9223372036854775807', '-9223372036854775808', 'x', '1.5']));

const commands: CommandGen[] = [
  { name: 'set', weight: 12, gen: set },
  { name: 'get', weight: 10, gen: (g) => ({ cmd: ['GET', g.key()] }) },
  { name: 'append', weight: 4, gen: (g) => ({ cmd: ['APPEND', g.key(), g.value()] }) },
  { name: 'incr', weight: 3, gen: (g) => ({ cmd: ['INCR', g.key()] }) },
  { name: 'decr', weight: 3, gen: (g) => ({ cmd: ['DECR', g.key()] }) },
  { name: 'incrby', weight: 3, gen: (g) => ({ cmd: ['INCRBY', g.key(), g.int(-1000, 1000)] }) },
  { name: 'decrby', weight: 3, gen: (g) => ({ cmd: ['DECRBY', g.key(), g.int(-1000, 1000)] }) },
  { name: 'incrbyfloat', weight: 4, gen: (g) => ({ cmd: ['INCRBYFLOAT', g.key(), g.float()] }) },
  { name: 'getdel', weight: 2, gen: (g) => ({ cmd: ['GETDEL', g.key()] }) },
  { name: 'getex', weight: 3, gen: getex },
  { name: 'getrange', weight: 3, gen: (g) => ({ cmd: ['GETRANGE', g.key(), rangeArg(g), rangeArg(g)] }) },
  { name: 'substr', weight: 1, gen: (g) => ({ cmd: ['SUBSTR', g.key(), rangeArg(g), rangeArg(g)] }) },
  { name: 'getset', weight: 2, gen: (g) => ({ cmd: ['GETSET', g.key(), g.value()] }) },
  { name: 'lcs', weight: 2, gen: lcs },
  { name: 'mget', weight: 3, gen: (g) => ({ cmd: ['MGET', ...g.keys(5)] }) },
  { name: 'mset', weight: 3, gen: (g) => ({ cmd: ['MSET', ...g.keys(4).flatMap((k) => [k, g.value()])] }) },
  { name: 'msetnx', weight: 2, gen: (g) => ({ cmd: ['MSETNX', ...g.keys(3).flatMap((k) => [k, g.value()])] }) },
  { name: 'setex', weight: 2, gen: (g) => ({ cmd: ['SETEX', g.key(), g.expireArg('s', 'relative'), g.value()] }) },
  { name: 'psetex', weight: 2, gen: (g) => ({ cmd: ['PSETEX', g.key(), g.expireArg('ms', 'relative'), g.value()] }) },
  { name: 'setnx', weight: 2, gen: (g) => ({ cmd: ['SETNX', g.key(), g.value()] }) },
  { name: 'setrange', weight: 3, gen: setrange },
  { name: 'strlen', weight: 2, gen: (g) => ({ cmd: ['STRLEN', g.key()] }) },
];

export const stringFamily: Family = {
  name: 'strings',
  commands,
  dumpers: {
    string: (key) => [{ cmd: ['GET', key] }, { cmd: ['OBJECT', 'ENCODING', key] }],
  },
};
