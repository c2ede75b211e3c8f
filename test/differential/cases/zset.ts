// Sorted set commands (t_zset.c): every non-blocking command, its options and
// their invalid combinations, score and range parsing, score formatting, the
// listpack/skiplist encodings, RESP3 shapes and WRONGTYPE.
import type { Case, Cmd } from '../case.ts';

const BINARY = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
const LONG = 'x'.repeat(65);
const enc = (key: string): Cmd => ['OBJECT', 'ENCODING', key];
const all = (key: string): Cmd => ['ZRANGE', key, '0', '-1', 'WITHSCORES'];
/** The same case again over RESP3 (doubles, nested pairs and nulls differ there). */
const withResp3 = (cs: Case[]): Case[] => cs.flatMap((k) => [k, { ...k, name: `${k.name} resp3`, resp3: true }]);
/** a..e with scores 1..5, plus f and g sharing score 5. */
const SEED: Cmd = ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e', '5', 'f', '5', 'g'];

// ZADD: every combination of the flags, on an existing member and a new one.
const ZADD_FLAGS = ['NX', 'XX', 'GT', 'LT', 'CH', 'INCR'];
const zaddFlagCases: Case[] = Array.from({ length: 64 }, (_, mask) => {
  const flags = ZADD_FLAGS.filter((_, i) => mask & (1 << i));
  return {
    name: `zadd flags [${flags.join(' ')}]`,
    cmds: [
      ['ZADD', 'z', '2', 'a', '5', 'b'],
      ['ZADD', 'z', ...flags, '3', 'a'],
      ['ZADD', 'z', ...flags, '1', 'b'],
      ['ZADD', 'z', ...flags, '7', 'c'],
      ['ZADD', 'z', ...flags, '4', 'a', '4', 'd'],
      all('z'),
    ],
  };
});

// Scores as ZADD parses them (strtod with Redis's checks) and as ZSCORE prints them (%.17g).
const SCORES = [
  '0', '-0', '1', '-1', '1.5', '0.1', '1e17', '1e16', '123456789012345678', '4503599627370495', '4503599627370496',
  '1.7976931348623157e308', '5e-324', '2.2250738585072014e-308', '1e400', '-1e400', '1e-400', 'inf', '-inf', '+inf',
  'INF', 'infinity', '-Infinity', 'nan', 'NaN', '', ' 1', '1 ', '1e', '0x10', '0x1p-3', '.5', '5.', '+5', '--5', 'abc',
  '1\0', '3.141592653589793238', '0.30000000000000004', '100000000000000000000', '1.0e+20', '-3.5e-5',
];
const scoreCases: Case[] = withResp3(SCORES.map((s) => ({
  name: `zadd score ${JSON.stringify(s)}`,
  cmds: [['ZADD', 'z', s, 'm'], ['ZSCORE', 'z', 'm'], ['ZINCRBY', 'z', s, 'n'], ['ZMSCORE', 'z', 'm', 'n', 'x']],
})));

// Score ranges: strtod without Redis's string2d checks (leading space, overflow, "" and "(" are accepted).
const SCORE_BOUNDS = [
  '-inf', '+inf', 'inf', '(1', '(5', '1', '5', '(-inf', '(+inf', '', '(', ' 3', '3 ', '1e400', '-1e400', '1e-400',
  '0x3', 'nan', '(nan', 'abc', '((1', '[1', '2\0junk', '-0', '(-0', '4.5', '+3',
];
const scoreRangeCases: Case[] = SCORE_BOUNDS.flatMap((b) => [
  {
    name: `zrangebyscore min ${JSON.stringify(b)}`,
    cmds: [SEED, ['ZADD', 'z', '-inf', 'ninf', 'inf', 'pinf', '0', 'zero'], ['ZRANGEBYSCORE', 'z', b, '+inf', 'WITHSCORES'], ['ZCOUNT', 'z', b, '+inf']],
  },
  {
    name: `zrevrangebyscore max ${JSON.stringify(b)}`,
    cmds: [SEED, ['ZADD', 'z', '-inf', 'ninf', 'inf', 'pinf'], ['ZREVRANGEBYSCORE', 'z', b, '-inf'], ['ZREMRANGEBYSCORE', 'z', '-inf', b], all('z')],
  },
]);

const LEX_BOUNDS = ['-', '+', '[a', '(a', '[c', '(c', '[', '(', 'a', '', '+x', '-x', '+\0', '[\0', '[\xff', '(b\0'];
const lexRangeCases: Case[] = LEX_BOUNDS.flatMap((b) => [
  {
    name: `zrangebylex min ${JSON.stringify(b)}`,
    cmds: [
      ['ZADD', 'l', '0', 'a', '0', 'b', '0', 'c', '0', 'd', '0', '', '0', '\0', '0', '\xff', '0', 'aa'],
      ['ZRANGEBYLEX', 'l', b, '+'], ['ZLEXCOUNT', 'l', b, '+'], ['ZREVRANGEBYLEX', 'l', '+', b],
    ],
  },
  {
    name: `zremrangebylex max ${JSON.stringify(b)}`,
    cmds: [['ZADD', 'l', '0', 'a', '0', 'b', '0', 'c', '0', 'aa', '0', ''], ['ZREMRANGEBYLEX', 'l', '-', b], ['ZRANGE', 'l', '0', '-1']],
  },
]);

// The unified ZRANGE: every combination of BYSCORE, BYLEX, REV, LIMIT and WITHSCORES.
const ZRANGE_OPTS: string[][] = [['BYSCORE'], ['BYLEX'], ['REV'], ['LIMIT', '1', '3'], ['WITHSCORES']];
const zrangeComboCases: Case[] = withResp3(Array.from({ length: 32 }, (_, mask) => {
  const opts = ZRANGE_OPTS.filter((_, i) => mask & (1 << i));
  const flat = opts.flat();
  const rev = flat.includes('REV');
  const lex = flat.includes('BYLEX');
  const [lo, hi] = lex ? ['[b', '(f'] : flat.includes('BYSCORE') ? ['2', '(5'] : ['1', '-2'];
  const [min, max] = rev && (lex || flat.includes('BYSCORE')) ? [hi, lo] : [lo, hi];
  return {
    name: `zrange [${flat.join(' ')}]`,
    cmds: [SEED, ['ZRANGE', 'z', min, max, ...flat], ['ZRANGESTORE', 'd', 'z', min, max, ...flat.filter((o) => o !== 'WITHSCORES')], all('d')],
  };
}));

const RANK_PAIRS: [string, string][] = [
  ['0', '-1'], ['0', '0'], ['-1', '-1'], ['2', '1'], ['-100', '100'], ['5', '100'], ['7', '8'], ['-3', '-2'],
  ['0', '9223372036854775807'], ['-9223372036854775808', '0'], ['1.5', '2'], ['a', '1'], ['', '1'], ['-8', '-8'],
];
const rankCases: Case[] = RANK_PAIRS.map(([a, b]) => ({
  name: `rank range ${a} ${b}`,
  cmds: [
    SEED, ['ZRANGE', 'z', a, b], ['ZREVRANGE', 'z', a, b, 'WITHSCORES'], ['ZRANGESTORE', 'd', 'z', a, b, 'REV'], all('d'),
    ['ZREMRANGEBYRANK', 'z', a, b], all('z'),
  ],
}));

const LIMITS: [string, string][] = [
  ['0', '-1'], ['0', '0'], ['0', '2'], ['2', '2'], ['6', '5'], ['7', '1'], ['100', '1'], ['-1', '2'], ['1', '-5'],
  ['x', '1'], ['1', ''], ['0', '9223372036854775807'],
];
const limitCases: Case[] = LIMITS.map(([off, cnt]) => ({
  name: `limit ${off} ${cnt}`,
  cmds: [
    SEED, ['ZRANGEBYSCORE', 'z', '-inf', '+inf', 'LIMIT', off, cnt], ['ZREVRANGEBYSCORE', 'z', '+inf', '(1', 'WITHSCORES', 'LIMIT', off, cnt],
    ['ZRANGEBYLEX', 'z', '-', '+', 'LIMIT', off, cnt], ['ZRANGE', 'z', '+', '-', 'BYLEX', 'REV', 'LIMIT', off, cnt],
  ],
}));

const zrangeErrorCases: Case[] = [
  { name: 'zrange limit needs by', cmds: [SEED, ['ZRANGE', 'z', '0', '1', 'LIMIT', '0', '1'], ['ZRANGE', 'z', '0', '1', 'LIMIT', '0', '-1'], ['ZREVRANGE', 'z', '0', '1', 'LIMIT', '0', '1']] },
  { name: 'zrange limit not integer', cmds: [SEED, ['ZRANGE', 'z', '0', '1', 'LIMIT', 'a', '1'], ['ZRANGE', 'z', '0', '1', 'BYSCORE', 'LIMIT', '0', '1.5']] },
  { name: 'zrange limit missing args', cmds: [SEED, ['ZRANGE', 'z', '0', '1', 'BYSCORE', 'LIMIT', '0'], ['ZRANGE', 'z', '0', '1', 'LIMIT']] },
  { name: 'zrange withscores bylex', cmds: [SEED, ['ZRANGE', 'z', '-', '+', 'BYLEX', 'WITHSCORES'], ['ZRANGEBYLEX', 'z', '-', '+', 'WITHSCORES']] },
  { name: 'zrange byscore bylex together', cmds: [SEED, ['ZRANGE', 'z', '0', '1', 'BYSCORE', 'BYLEX'], ['ZRANGE', 'z', '0', '1', 'BYLEX', 'BYSCORE']] },
  { name: 'zrange repeated options', cmds: [SEED, ['ZRANGE', 'z', '0', '1', 'REV', 'REV'], ['ZRANGE', 'z', '0', '1', 'BYSCORE', 'BYSCORE'], ['ZRANGE', 'z', '0', '1', 'WITHSCORES', 'WITHSCORES'], ['ZRANGE', 'z', '0', '5', 'BYSCORE', 'LIMIT', '0', '1', 'LIMIT', '1', '2']] },
  { name: 'zrange bad options in fixed forms', cmds: [SEED, ['ZREVRANGE', 'z', '0', '1', 'REV'], ['ZRANGEBYSCORE', 'z', '0', '1', 'BYSCORE'], ['ZRANGEBYSCORE', 'z', '0', '1', 'BYLEX'], ['ZRANGEBYLEX', 'z', '-', '+', 'BYLEX'], ['ZREVRANGEBYLEX', 'z', '+', '-', 'REV'], ['ZREVRANGEBYSCORE', 'z', '1', '0', 'REV']] },
  { name: 'zrange bad ranges', cmds: [SEED, ['ZRANGE', 'z', 'a', 'b', 'BYSCORE'], ['ZRANGE', 'z', '1', '2', 'BYLEX'], ['ZRANGE', 'z', 'x', '1'], ['ZRANGEBYSCORE', 'z', '1', 'x'], ['ZRANGEBYLEX', 'z', 'a', 'b']] },
  { name: 'zrange unknown option', cmds: [SEED, ['ZRANGE', 'z', '0', '1', 'FOO'], ['ZRANGE', 'z', '0', '1', ''], ['ZRANGESTORE', 'd', 'z', '0', '1', 'WITHSCORES']] },
  { name: 'zrange error order', cmds: [['SET', 's', 'x'], ['ZRANGE', 's', 'a', '1'], ['ZRANGE', 's', '0', '1', 'FOO'], ['ZRANGE', 's', '0', '1'], ['ZRANGE', 'nokey', 'x', 'y', 'BYSCORE'], ['ZRANGE', 'nokey', '0', '1']] },
  { name: 'zrange mixed case options', cmds: [SEED, ['ZRANGE', 'z', '(5', '2', 'byScore', 'Rev', 'withScores', 'limit', '0', '2']] },
  { name: 'zrangestore missing source deletes dst', cmds: [['ZADD', 'd', '1', 'x'], ['ZRANGESTORE', 'd', 'nosrc', '0', '-1'], ['EXISTS', 'd'], ['SET', 'd', 'str'], ['ZRANGESTORE', 'd', 'nosrc', '0', '-1'], ['EXISTS', 'd']] },
  { name: 'zrangestore empty range deletes dst', cmds: [SEED, ['SET', 'd', 'str'], ['ZRANGESTORE', 'd', 'z', '10', '20'], ['EXISTS', 'd'], ['ZRANGESTORE', 'd', 'z', '0', '1'], ['TYPE', 'd']] },
  { name: 'zrangestore overwrites any type and ttl', cmds: [SEED, ['SET', 'd', 'str', 'EX', '100'], ['ZRANGESTORE', 'd', 'z', '0', '2'], ['TTL', 'd'], ['TYPE', 'd'], all('d')] },
  { name: 'zrangestore source wrong type', cmds: [['SET', 's', 'x'], ['ZRANGESTORE', 'd', 's', '0', '-1']] },
  { name: 'zrangestore same key', cmds: [SEED, ['ZRANGESTORE', 'z', 'z', '1', '2'], all('z')] },
];

// Encodings at the thresholds, with small limits.
const encodingCases: Case[] = [
  { name: 'encoding listpack by default', cmds: [SEED, enc('z')] },
  { name: 'encoding entries threshold', config: { 'zset-max-listpack-entries': '3' }, cmds: [['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c'], enc('z'), ['ZADD', 'z', '4', 'd'], enc('z'), ['ZREM', 'z', 'd', 'c'], enc('z')] },
  { name: 'encoding value threshold', config: { 'zset-max-listpack-value': '4' }, cmds: [['ZADD', 'z', '1', 'abcd'], enc('z'), ['ZADD', 'z', '1', 'abcde'], enc('z')] },
  { name: 'encoding long first member', cmds: [['ZADD', 'z', '1', LONG], enc('z'), ['ZADD', 'y', '1', 'a', '2', LONG], enc('y')] },
  { name: 'encoding zero entries', config: { 'zset-max-listpack-entries': '0' }, cmds: [['ZADD', 'z', '1', 'a'], enc('z'), ['ZINCRBY', 'y', '1', 'a'], enc('y')] },
  { name: 'encoding update does not convert', config: { 'zset-max-listpack-entries': '2' }, cmds: [['ZADD', 'z', '1', 'a', '2', 'b'], ['ZADD', 'z', '5', 'a'], enc('z'), ['ZADD', 'z', 'XX', '3', 'c'], enc('z')] },
  { name: 'encoding zrangestore', config: { 'zset-max-listpack-entries': '3' }, cmds: [SEED, ['ZRANGESTORE', 'd', 'z', '0', '2'], enc('d'), ['ZRANGESTORE', 'd', 'z', '0', '3'], enc('d'), ['ZRANGESTORE', 'd', 'z', '0', '3', 'BYSCORE'], enc('d'), ['ZRANGESTORE', 'd', 'z', '-', '+', 'BYLEX', 'LIMIT', '0', '3'], enc('d')] },
  { name: 'encoding zrangestore long member', cmds: [['ZADD', 'z', '1', 'a', '2', LONG], ['ZRANGESTORE', 'd', 'z', '0', '0'], enc('d'), ['ZRANGESTORE', 'd', 'z', '0', '1'], enc('d')] },
  { name: 'encoding zunionstore back to listpack', config: { 'zset-max-listpack-entries': '3' }, cmds: [SEED, enc('z'), ['ZUNIONSTORE', 'd', '1', 'z'], enc('d'), ['ZINTERSTORE', 'd', '2', 'z', 'z'], enc('d'), ['ZDIFFSTORE', 'd', '1', 'z'], enc('d'), ['ZREMRANGEBYRANK', 'z', '3', '-1'], ['ZUNIONSTORE', 'd', '1', 'z'], enc('d'), enc('z')] },
  { name: 'encoding zdiffstore long member removed', cmds: [['ZADD', 'a', '1', 'x', '2', LONG], ['ZADD', 'b', '1', LONG], ['ZDIFFSTORE', 'd', '2', 'a', 'b'], enc('d'), all('d')] },
  { name: 'encoding skiplist keeps -0 listpack does not', cmds: [['ZADD', 'z', '-0', 'a'], ['ZSCORE', 'z', 'a'], ['ZADD', 'y', '-0', LONG], ['ZSCORE', 'y', LONG], ['ZUNIONSTORE', 'd', '1', 'y'], ['ZSCORE', 'd', LONG], ['ZINCRBY', 'n', '-0', 'm'], ['ZSCORE', 'n', 'm'], ['ZADD', 'n2', 'INCR', '-0', 'm']] },
  { name: 'encoding zscan listpack returns all', cmds: [SEED, ['ZSCAN', 'z', '0'], ['ZSCAN', 'z', '0', 'COUNT', '1'], ['ZSCAN', 'z', '0', 'MATCH', '[a-c]'], ['ZSCAN', 'z', '5']] },
  { name: 'zscan skiplist', config: { 'zset-max-listpack-entries': '2' }, cmds: [SEED, enc('z'), { cmd: ['ZSCAN', 'z', '0', 'COUNT', '1000'], sort: 'deep' }, { cmd: ['ZSCAN', 'z', '0', 'COUNT', '1000', 'MATCH', '*[ef]'], sort: 'deep' }] },
  { name: 'zscan score text', cmds: [['ZADD', 'z', '1e17', 'a', '4611686018427387904', 'b', '-4e18', 'c', '1.5', 'd', '1e300', 'e', '-0', 'f', 'inf', 'g'], ['ZSCAN', 'z', '0']] },
  { name: 'zscan skiplist score text', config: { 'zset-max-listpack-entries': '1' }, cmds: [['ZADD', 'z', '1e17', 'a', '4611686018427387904', 'b', '-4e18', 'c', '1.5', 'd', '1e300', 'e', '-0', 'f', 'inf', 'g'], { cmd: ['ZSCAN', 'z', '0', 'COUNT', '100'], sort: 'deep' }] },
  { name: 'zscan errors', cmds: [SEED, ['ZSCAN', 'z', 'x'], ['ZSCAN', 'z', '0', 'COUNT', '0'], ['ZSCAN', 'z', '0', 'COUNT'], ['ZSCAN', 'z', '0', 'TYPE', 'zset'], ['ZSCAN', 'nokey', '0', 'COUNT', '0'], ['ZSCAN', 'nokey', 'x'], ['ZSCAN', 'z', '-1'], ['ZSCAN', 'z', '0', 'MATCH']] },
];

// Set operations.
const SETOP_SETUP: Cmd[] = [
  ['ZADD', 'a', '1', 'x', '2', 'y', '3', 'z'],
  ['ZADD', 'b', '10', 'y', '20', 'z', '30', 'w'],
  ['SADD', 's', 'x', 'w', 'v'],
  ['SADD', 'i', '1', '2', 'x'],
  ['ZADD', 'inf', 'inf', 'x', '-inf', 'y', '0', 'z'],
];
const SETOP_ARGS: string[][] = [
  ['2', 'a', 'b'], ['2', 'a', 'b', 'WEIGHTS', '2', '3'], ['2', 'a', 'b', 'AGGREGATE', 'MIN'], ['2', 'a', 'b', 'AGGREGATE', 'max'],
  ['2', 'a', 's'], ['3', 'a', 'b', 's'], ['2', 'a', 'inf', 'WEIGHTS', '1', '0'], ['2', 'inf', 'inf'], ['2', 'inf', 'a', 'WEIGHTS', '0', '1'],
  ['2', 'inf', 'inf', 'WEIGHTS', '1', '-1'], ['1', 'nokey'], ['2', 'a', 'nokey'], ['2', 'i', 's'], ['2', 'a', 'a'],
  ['2', 'a', 'b', 'WEIGHTS', '1'], ['2', 'a', 'b', 'WEIGHTS', '1', 'x'], ['2', 'a', 'b', 'AGGREGATE', 'avg'], ['2', 'a', 'b', 'AGGREGATE'],
  ['2', 'a', 'b', 'WEIGHTS', 'inf', '-inf', 'AGGREGATE', 'SUM'], ['2', 'a', 'b', 'WEIGHTS', '1', '1', 'WEIGHTS', '2', '2'],
  ['0', 'a'], ['-1', 'a'], ['3', 'a', 'b'], ['x', 'a'], ['2', 'a', 'b', 'FOO'], ['2', 'a', 'b', 'LIMIT', '1'],
];
const setOpCases: Case[] = ['ZUNION', 'ZINTER', 'ZDIFF'].flatMap((op) => SETOP_ARGS.map((args) => ({
  name: `${op.toLowerCase()} ${args.join(' ')}`,
  cmds: [
    ...SETOP_SETUP, [op, ...args], [op, ...args, 'WITHSCORES'],
    [`${op}STORE`, 'dst', ...args], all('dst'), [`${op}STORE`, 'dst', ...args, 'WITHSCORES'],
  ],
})));

const setOpExtraCases: Case[] = [
  ...withResp3([{ name: 'zunion withscores shapes', cmds: [...SETOP_SETUP, ['ZUNION', '3', 'a', 'b', 's', 'WITHSCORES'], ['ZINTER', '2', 'a', 'b', 'WITHSCORES'], ['ZDIFF', '2', 'a', 'b', 'WITHSCORES']] }]),
  { name: 'zintercard', cmds: [...SETOP_SETUP, ['ZINTERCARD', '2', 'a', 'b'], ['ZINTERCARD', '2', 'a', 'b', 'LIMIT', '1'], ['ZINTERCARD', '2', 'a', 'b', 'LIMIT', '0'], ['ZINTERCARD', '2', 'a', 's'], ['ZINTERCARD', '1', 'nokey'], ['ZINTERCARD', '3', 'a', 'b', 'i']] },
  { name: 'zintercard errors', cmds: [...SETOP_SETUP, ['ZINTERCARD', '0', 'a'], ['ZINTERCARD', '2', 'a'], ['ZINTERCARD', '2', 'a', 'b', 'LIMIT', '-1'], ['ZINTERCARD', '2', 'a', 'b', 'LIMIT', 'x'], ['ZINTERCARD', '2', 'a', 'b', 'LIMIT'], ['ZINTERCARD', '2', 'a', 'b', 'WEIGHTS', '1', '1'], ['ZINTERCARD', '1', 'a', 'WITHSCORES'], ['ZINTERCARD', 'x', 'a']] },
  { name: 'zunionstore events-free empty result deletes dst', cmds: [['SET', 'dst', 'v'], ['ZUNIONSTORE', 'dst', '1', 'nokey'], ['EXISTS', 'dst'], ['ZINTERSTORE', 'dst', '1', 'nokey'], ['ZDIFFSTORE', 'dst', '1', 'nokey']] },
  { name: 'zunionstore dst is a source', cmds: [...SETOP_SETUP, ['ZUNIONSTORE', 'a', '2', 'a', 'b'], all('a'), ['ZINTERSTORE', 'b', '2', 'a', 'b', 'AGGREGATE', 'MIN'], all('b')] },
  { name: 'setops wrong type input', cmds: [['SET', 'str', 'v'], ['ZADD', 'a', '1', 'x'], ['RPUSH', 'l', 'x'], ['ZUNION', '2', 'a', 'str'], ['ZINTER', '2', 'a', 'l'], ['ZDIFF', '2', 'str', 'a'], ['ZUNIONSTORE', 'd', '1', 'str'], ['ZINTERCARD', '1', 'l'], ['ZUNION', '2', 'str', 'a', 'FOO']] },
  { name: 'setops sum order of three inputs', cmds: [['ZADD', 'p', '0.1', 'm'], ['ZADD', 'q', '0.2', 'm', '1', 'n'], ['ZADD', 'r', '0.3', 'm', '1', 'n', '2', 'o'], ['ZUNION', '3', 'r', 'q', 'p', 'WITHSCORES'], ['ZINTER', '3', 'r', 'p', 'q', 'WITHSCORES'], ['ZUNION', '3', 'p', 'q', 'r', 'WEIGHTS', '3', '7', '0.1', 'WITHSCORES']] },
  { name: 'setops binary members', cmds: [['ZADD', 'a', '1', BINARY, '2', '', '3', '\0'], ['SADD', 's', '', '\0'], ['ZUNION', '2', 'a', 's', 'WITHSCORES'], ['ZDIFF', '2', 'a', 's'], ['ZINTER', '2', 'a', 's', 'WITHSCORES']] },
  { name: 'setops intset source', cmds: [['SADD', 'i', '5', '-3', '100'], ['ZADD', 'z', '2', '5', '1', '-3'], ['ZUNION', '2', 'i', 'z', 'WITHSCORES', 'AGGREGATE', 'MAX'], ['ZINTER', '2', 'z', 'i', 'WEIGHTS', '2', '3', 'WITHSCORES'], ['ZDIFF', '2', 'i', 'z']] },
];

// Pops.
const popCases: Case[] = withResp3([
  { name: 'zpopmin zpopmax', cmds: [SEED, ['ZPOPMIN', 'z'], ['ZPOPMAX', 'z'], ['ZPOPMIN', 'z', '2'], ['ZPOPMAX', 'z', '1'], ['ZPOPMIN', 'z', '0'], ['ZPOPMAX', 'z', '100'], ['EXISTS', 'z'], ['ZPOPMIN', 'z'], ['ZPOPMIN', 'z', '3']] },
  { name: 'zpop count errors', cmds: [SEED, ['ZPOPMIN', 'z', '-1'], ['ZPOPMIN', 'z', 'x'], ['ZPOPMAX', 'z', '1', '2'], ['ZPOPMIN', 'z', '1.0'], ['ZPOPMIN', 'nokey', '0'], ['ZPOPMIN', 'nokey', '-1']] },
  { name: 'zmpop', cmds: [SEED, ['ZMPOP', '1', 'z', 'MIN'], ['ZMPOP', '2', 'nokey', 'z', 'max', 'COUNT', '2'], ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '100'], ['ZMPOP', '1', 'z', 'MIN'], ['EXISTS', 'z']] },
  { name: 'zmpop errors', cmds: [SEED, ['ZMPOP', '0', 'z', 'MIN'], ['ZMPOP', '-1', 'z', 'MIN'], ['ZMPOP', 'x', 'z', 'MIN'], ['ZMPOP', '2', 'z', 'MIN'], ['ZMPOP', '1', 'z', 'MID'], ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '0'], ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '-1'], ['ZMPOP', '1', 'z', 'MIN', 'COUNT'], ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '1', 'COUNT', '1'], ['ZMPOP', '1', 'z', 'MIN', 'FOO'], ['ZMPOP', '5', 'z', 'MIN']] },
  { name: 'zmpop wrong type first', cmds: [SEED, ['SET', 's', 'v'], ['ZMPOP', '2', 's', 'z', 'MIN'], ['ZMPOP', '2', 'nokey', 's', 'MIN'], ['ZMPOP', '2', 'z', 's', 'MAX']] },
  { name: 'zpop scores', cmds: [['ZADD', 'z', 'inf', 'a', '-inf', 'b', '1.5', 'c', '-0', 'd'], ['ZPOPMIN', 'z', '10']] },
]);

// ZRANDMEMBER: only the deterministic forms are compared byte for byte.
const randCases: Case[] = withResp3([
  { name: 'zrandmember whole set', cmds: [SEED, ['ZRANDMEMBER', 'z', '7'], ['ZRANDMEMBER', 'z', '100', 'WITHSCORES'], ['ZRANDMEMBER', 'z', '0'], ['ZRANDMEMBER', 'z', '0', 'WITHSCORES']] },
  { name: 'zrandmember whole skiplist set', config: { 'zset-max-listpack-entries': '2' }, cmds: [SEED, ['ZRANDMEMBER', 'z', '8', 'WITHSCORES'], ['ZRANDMEMBER', 'z', '7']] },
  { name: 'zrandmember single member', cmds: [['ZADD', 'z', '2.5', 'only'], ['ZRANDMEMBER', 'z'], ['ZRANDMEMBER', 'z', '1'], ['ZRANDMEMBER', 'z', '-3', 'WITHSCORES'], ['ZRANDMEMBER', 'z', '1', 'WITHSCORES']] },
  { name: 'zrandmember missing key', cmds: [['ZRANDMEMBER', 'nokey'], ['ZRANDMEMBER', 'nokey', '5'], ['ZRANDMEMBER', 'nokey', '-5', 'WITHSCORES']] },
  { name: 'zrandmember shapes', cmds: [SEED, { cmd: ['ZRANDMEMBER', 'z'], shape: true }, { cmd: ['ZRANDMEMBER', 'z', '3'], shape: true }, { cmd: ['ZRANDMEMBER', 'z', '-20', 'WITHSCORES'], shape: true }, { cmd: ['ZRANDMEMBER', 'z', '5', 'WITHSCORES'], shape: true }] },
  { name: 'zrandmember errors', cmds: [SEED, ['ZRANDMEMBER', 'z', 'x'], ['ZRANDMEMBER', 'z', '1', 'FOO'], ['ZRANDMEMBER', 'z', '1', 'WITHSCORES', 'x'], ['ZRANDMEMBER', 'z', '-9223372036854775808'], ['ZRANDMEMBER', 'z', '9223372036854775807', 'WITHSCORES'], ['ZRANDMEMBER', 'z', '-4611686018427387904', 'WITHSCORES'], ['ZRANDMEMBER', 'z', '4611686018427387903', 'WITHSCORES'], ['ZRANDMEMBER', 'nokey', '1', 'FOO'], ['ZRANDMEMBER', 'z', '1.5']] },
]);

const basicCases: Case[] = [
  ...withResp3([
    { name: 'zadd and read back', cmds: [SEED, ['ZCARD', 'z'], ['ZSCORE', 'z', 'c'], ['ZSCORE', 'z', 'nope'], ['ZSCORE', 'nokey', 'a'], ['ZMSCORE', 'z', 'a', 'nope', 'g'], ['ZMSCORE', 'nokey', 'a', 'b'], ['ZRANK', 'z', 'f'], ['ZREVRANK', 'z', 'f'], ['ZRANK', 'z', 'nope'], ['ZRANK', 'nokey', 'a']] },
    { name: 'zincrby', cmds: [['ZINCRBY', 'z', '1.5', 'a'], ['ZINCRBY', 'z', '-3', 'a'], ['ZINCRBY', 'z', 'inf', 'a'], ['ZINCRBY', 'z', '-inf', 'a'], ['ZSCORE', 'z', 'a'], ['ZINCRBY', 'z', 'x', 'a'], ['ZINCRBY', 'z', 'nan', 'a'], ['ZINCRBY', 'z', 'nx', 'a'], ['ZINCRBY', 'z', 'INCR', 'a']] },
    { name: 'zadd incr aborted is nil', cmds: [['ZADD', 'z', '1', 'a'], ['ZADD', 'z', 'NX', 'INCR', '1', 'a'], ['ZADD', 'z', 'XX', 'INCR', '1', 'b'], ['ZADD', 'z', 'GT', 'INCR', '-1', 'a'], ['ZADD', 'z', 'LT', 'INCR', '1', 'a'], ['ZADD', 'nokey', 'XX', 'INCR', '1', 'a'], ['EXISTS', 'nokey'], ['ZADD', 'z', 'INCR', '0', 'a']] },
  ]),
  { name: 'zadd errors', cmds: [['ZADD', 'z', 'NX', 'XX', '1', 'a'], ['ZADD', 'z', 'GT', 'LT', '1', 'a'], ['ZADD', 'z', 'NX', 'GT', '1', 'a'], ['ZADD', 'z', 'LT', 'NX', '1', 'a'], ['ZADD', 'z', 'INCR', '1', 'a', '2', 'b'], ['ZADD', 'z', '1', 'a', '2'], ['ZADD', 'z', 'NX'], ['ZADD', 'z', 'CH', 'CH', '1'], ['ZADD', 'z', '1', 'a', 'x', 'b'], ['EXISTS', 'z']] },
  { name: 'zadd error precedence', cmds: [['ZADD', 'z', 'NX', 'XX', '1'], ['ZADD', 'z', 'NX', 'XX', 'x', 'a'], ['ZADD', 'z', 'INCR', 'GT', 'LT', 'x', 'a', 'y', 'b'], ['SET', 's', 'v'], ['ZADD', 's', 'x', 'a'], ['ZADD', 's', '1', 'a']] },
  { name: 'zadd nan from incr', cmds: [['ZADD', 'z', 'inf', 'a'], ['ZADD', 'z', 'INCR', '-inf', 'a'], ['ZINCRBY', 'z', '-inf', 'a'], ['ZSCORE', 'z', 'a'], ['ZCARD', 'z']] },
  { name: 'zadd ch counts', cmds: [['ZADD', 'z', 'CH', '1', 'a', '2', 'b'], ['ZADD', 'z', 'CH', '1', 'a', '3', 'b', '4', 'c'], ['ZADD', 'z', 'ch', 'XX', '9', 'a', '9', 'd'], all('z')] },
  { name: 'zadd same member twice', cmds: [['ZADD', 'z', '1', 'a', '2', 'a', '3', 'a'], all('z'), ['ZADD', 'z', 'NX', '5', 'b', '6', 'b'], all('z')] },
  { name: 'zadd binary and empty members', cmds: [['ZADD', 'z', '0', BINARY, '0', '', '0', '\0', '0', '\xff\xfe'], all('z'), ['ZRANK', 'z', ''], ['ZSCORE', 'z', BINARY], ['ZREM', 'z', '', BINARY], all('z')] },
  { name: 'zadd ties ordered by bytes', cmds: [['ZADD', 'z', '1', 'b', '1', 'a', '1', 'B', '1', '\x80', '1', 'ab', '1', 'a\0'], all('z'), ['ZREVRANGE', 'z', '0', '-1']] },
  { name: 'zadd mixed case options', cmds: [['ZADD', 'z', 'nX', 'cH', '1', 'a'], ['ZADD', 'z', 'Xx', 'Gt', 'Ch', '2', 'a'], ['ZADD', 'z', 'iNcR', '1', 'a']] },
  { name: 'zrem', cmds: [SEED, ['ZREM', 'z', 'a', 'nope', 'a', 'b'], ['ZCARD', 'z'], ['ZREM', 'z', 'c', 'd', 'e', 'f', 'g', 'h'], ['EXISTS', 'z'], ['ZREM', 'nokey', 'a']] },
  { name: 'zremrangebyrank', cmds: [SEED, ['ZREMRANGEBYRANK', 'z', '0', '1'], ['ZREMRANGEBYRANK', 'z', '-2', '-1'], all('z'), ['ZREMRANGEBYRANK', 'z', '5', '10'], ['ZREMRANGEBYRANK', 'z', 'x', '1'], ['ZREMRANGEBYRANK', 'z', '0', '-1'], ['EXISTS', 'z'], ['ZREMRANGEBYRANK', 'nokey', '0', '1'], ['ZREMRANGEBYRANK', 'nokey', 'x', '1']] },
  { name: 'zremrangebyscore', cmds: [SEED, ['ZREMRANGEBYSCORE', 'z', '(1', '3'], all('z'), ['ZREMRANGEBYSCORE', 'z', '5', '(5'], ['ZREMRANGEBYSCORE', 'z', 'x', '1'], ['ZREMRANGEBYSCORE', 'nokey', 'x', '1'], ['ZREMRANGEBYSCORE', 'z', '-inf', '+inf'], ['EXISTS', 'z']] },
  { name: 'zremrangebylex', cmds: [['ZADD', 'z', '0', 'a', '0', 'b', '0', 'c'], ['ZREMRANGEBYLEX', 'z', '(a', '[b'], all('z'), ['ZREMRANGEBYLEX', 'z', 'a', 'b'], ['ZREMRANGEBYLEX', 'nokey', 'a', 'b'], ['ZREMRANGEBYLEX', 'z', '-', '+'], ['EXISTS', 'z']] },
  { name: 'zcount zlexcount', cmds: [SEED, ['ZCOUNT', 'z', '-inf', '+inf'], ['ZCOUNT', 'z', '(1', '(5'], ['ZCOUNT', 'z', '5', '1'], ['ZCOUNT', 'z', '(5', '5'], ['ZCOUNT', 'nokey', '0', '1'], ['ZCOUNT', 'nokey', 'x', '1'], ['ZLEXCOUNT', 'z', '-', '+'], ['ZLEXCOUNT', 'z', '[b', '(e'], ['ZLEXCOUNT', 'z', '+', '-'], ['ZLEXCOUNT', 'nokey', 'x', '+']] },
  { name: 'zrange empty and missing', cmds: [['ZRANGE', 'nokey', '0', '-1'], ['ZRANGEBYSCORE', 'nokey', '0', '1'], ['ZRANGEBYLEX', 'nokey', '-', '+'], ['ZREVRANGE', 'nokey', '0', '-1', 'WITHSCORES']] },
  { name: 'score range min above max', cmds: [SEED, ['ZRANGEBYSCORE', 'z', '3', '2'], ['ZRANGEBYSCORE', 'z', '(3', '3'], ['ZRANGEBYSCORE', 'z', '3', '(3'], ['ZRANGEBYSCORE', 'z', '3', '3']] },
  { name: 'zrank after updates', cmds: [SEED, ['ZADD', 'z', '0', 'g', '10', 'a'], ['ZRANK', 'z', 'g'], ['ZRANK', 'z', 'a'], ['ZREVRANK', 'z', 'a'], all('z')] },
  { name: 'big set ranks and ranges', cmds: [['ZADD', 'big', ...Array.from({ length: 300 }, (_, i) => [String((i * 37) % 101), `m${i}`]).flat()], enc('big'), ['ZCARD', 'big'], ['ZRANK', 'big', 'm150'], ['ZREVRANK', 'big', 'm150'], ['ZRANGE', 'big', '100', '110', 'WITHSCORES'], ['ZRANGEBYSCORE', 'big', '(50', '52'], ['ZCOUNT', 'big', '10', '20'], ['ZREMRANGEBYRANK', 'big', '10', '200'], ['ZRANGE', 'big', '0', '-1', 'WITHSCORES'], ['ZPOPMAX', 'big', '3']] },
];

const WRONGTYPE_CMDS: Cmd[] = [
  ['ZADD', 's', '1', 'a'], ['ZINCRBY', 's', '1', 'a'], ['ZREM', 's', 'a'], ['ZCARD', 's'], ['ZSCORE', 's', 'a'],
  ['ZMSCORE', 's', 'a'], ['ZRANK', 's', 'a'], ['ZREVRANK', 's', 'a'], ['ZCOUNT', 's', '0', '1'], ['ZLEXCOUNT', 's', '-', '+'],
  ['ZRANGE', 's', '0', '1'], ['ZRANGEBYSCORE', 's', '0', '1'], ['ZRANGEBYLEX', 's', '-', '+'], ['ZREVRANGE', 's', '0', '1'],
  ['ZREVRANGEBYSCORE', 's', '1', '0'], ['ZREVRANGEBYLEX', 's', '+', '-'], ['ZRANGESTORE', 'd', 's', '0', '1'],
  ['ZREMRANGEBYRANK', 's', '0', '1'], ['ZREMRANGEBYSCORE', 's', '0', '1'], ['ZREMRANGEBYLEX', 's', '-', '+'],
  ['ZPOPMIN', 's'], ['ZPOPMAX', 's', '2'], ['ZMPOP', '1', 's', 'MIN'], ['ZRANDMEMBER', 's'], ['ZRANDMEMBER', 's', '2'],
  ['ZSCAN', 's', '0'], ['ZUNION', '1', 's'], ['ZINTER', '1', 's'], ['ZDIFF', '1', 's'], ['ZUNIONSTORE', 'd', '1', 's'],
  ['ZINTERSTORE', 'd', '1', 's'], ['ZDIFFSTORE', 'd', '1', 's'], ['ZINTERCARD', '1', 's'],
];
const wrongTypeCases: Case[] = WRONGTYPE_CMDS.map((cmd) => ({
  name: `wrongtype ${cmd[0].toLowerCase()} ${cmd.length}`,
  cmds: [['SET', 's', 'v'], ['RPUSH', 'd', 'x'], cmd, ['TYPE', 's']],
}));

const arityCases: Case[] = [
  ['ZADD', 'z'], ['ZADD', 'z', '1'], ['ZCARD'], ['ZCARD', 'a', 'b'], ['ZSCORE', 'z'], ['ZMSCORE', 'z'], ['ZRANK', 'z'],
  ['ZRANK', 'z', 'a', 'b'], ['ZINCRBY', 'z', '1'], ['ZREM', 'z'], ['ZRANGE', 'z', '0'], ['ZRANGESTORE', 'd', 'z', '0'],
  ['ZRANGEBYSCORE', 'z', '0'], ['ZREVRANGEBYLEX', 'z', '+'], ['ZCOUNT', 'z', '0'], ['ZLEXCOUNT', 'z', '-', '+', 'x'],
  ['ZPOPMIN'], ['ZMPOP', '1', 'z'], ['ZRANDMEMBER'], ['ZSCAN', 'z'], ['ZUNION', '1'], ['ZINTERSTORE', 'd', '1'],
  ['ZDIFF'], ['ZINTERCARD', '1'], ['ZREMRANGEBYRANK', 'z', '0'],
].map((cmd) => ({ name: `arity ${cmd.join(' ')}`, cmds: [cmd] }));

export const cases: Case[] = [
  ...basicCases, ...zaddFlagCases, ...scoreCases, ...scoreRangeCases, ...lexRangeCases, ...zrangeComboCases,
  ...rankCases, ...limitCases, ...zrangeErrorCases, ...encodingCases, ...setOpCases, ...setOpExtraCases,
  ...popCases, ...randCases, ...wrongTypeCases, ...arityCases,
];

