// HyperLogLog (hyperloglog.c): the exact bytes of sparse and dense HLLs after
// PFADD/PFMERGE/PFCOUNT, promotion, the cached cardinality, corrupted values
// and PFDEBUG. GET after each step compares the whole representation.
import type { Case, Cmd } from '../case.ts';

const enc = (key: string): Cmd => ['OBJECT', 'ENCODING', key];

/** n distinct elements with a prefix, as PFADD arguments. */
const elements = (prefix: string, n: number, from = 0): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${from + i}`);

/** A deterministic byte string of length n (seeded LCG), for binary elements. */
function bytes(seed: number, n: number): string {
  let x = seed >>> 0;
  let s = '';
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += String.fromCharCode(x >>> 24);
  }
  return s;
}

const HDR_SPARSE = 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80';
const HDR_SPARSE_CACHED = 'HYLL\x01\x00\x00\x00\x05\x00\x00\x00\x00\x00\x00\x00';
const HDR_DENSE = 'HYLL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80';
/** XZERO opcodes covering all 16384 registers. */
const EMPTY_SPARSE = `${HDR_SPARSE}\x7f\xff`;

/** PFADD the elements to key and compare the bytes, the count and the bytes again. */
const addAndCheck = (key: string, els: string[]): Cmd[] =>
  [['PFADD', key, ...els], ['GET', key], ['PFCOUNT', key], ['GET', key], ['PFDEBUG', 'ENCODING', key]];

const SIZES = [1, 2, 5, 10, 50, 100, 200, 500, 1000, 1500, 2000, 2500, 3000, 4000, 6000, 10000, 20000];
const sizeCases: Case[] = SIZES.map((n) => ({
  name: `pfadd ${n} elements bytes and count`,
  cmds: addAndCheck('h', elements('e', n)),
}));

const incrementalCases: Case[] = [7, 31, 333].map((step) => ({
  name: `pfadd in batches of ${step}`,
  cmds: Array.from({ length: 12 }, (_, i) => ['PFADD', 'h', ...elements('x', step, i * step)])
    .flatMap((c): Cmd[] => [c, ['PFCOUNT', 'h']])
    .concat([['GET', 'h'], ['PFDEBUG', 'DECODE', 'h']]),
}));

const SPARSE_LIMITS = ['0', '1', '20', '50', '100', '300', '1000'];
const sparseLimitCases: Case[] = SPARSE_LIMITS.map((limit) => ({
  name: `hll-sparse-max-bytes ${limit}`,
  config: { 'hll-sparse-max-bytes': limit },
  cmds: [...addAndCheck('h', elements('s', 40)), ...addAndCheck('h', elements('s', 200, 40))],
}));

export const cases: Case[] = [
  { name: 'pfadd creates empty hll', cmds: [['PFADD', 'h'], ['GET', 'h'], ['PFCOUNT', 'h'], ['GET', 'h'], enc('h'), ['PFADD', 'h'], ['STRLEN', 'h']] },
  { name: 'pfadd returns whether registers changed', cmds: [['PFADD', 'h', 'a'], ['PFADD', 'h', 'a'], ['PFADD', 'h', 'a', 'b'], ['PFADD', 'h', 'b', 'a'], ['GET', 'h']] },
  { name: 'pfadd binary and empty elements', cmds: addAndCheck('h', ['', '\x00', bytes(1, 300), bytes(2, 7), bytes(3, 8), bytes(4, 9), bytes(5, 16), bytes(6, 1)]) },
  { name: 'pfadd elements of every length 0..40', cmds: addAndCheck('h', Array.from({ length: 41 }, (_, n) => bytes(n + 10, n))) },
  { name: 'pfadd binary key', cmds: addAndCheck('\x00\xff key', ['a', 'b']) },
  ...sizeCases,
  ...incrementalCases,
  ...sparseLimitCases,
  {
    name: 'pfadd tens of thousands in several commands',
    cmds: [0, 1, 2, 3, 4].flatMap((i): Cmd[] => [['PFADD', 'big', ...elements(`big${i}:`, 10000)], ['PFCOUNT', 'big'], ['GET', 'big']]),
  },
  { name: 'pfadd binary elements dense', cmds: addAndCheck('h', Array.from({ length: 5000 }, (_, i) => bytes(i, 1 + (i % 23)))) },
  // The cached cardinality.
  { name: 'pfcount caches and pfadd invalidates', cmds: [['PFADD', 'h', 'a', 'b'], ['GET', 'h'], ['PFCOUNT', 'h'], ['GET', 'h'], ['PFADD', 'h', 'b'], ['GET', 'h'], ['PFADD', 'h', 'zz'], ['GET', 'h'], ['PFCOUNT', 'h'], ['GET', 'h']] },
  { name: 'pfcount trusts a valid cache', cmds: [['SET', 'h', `${HDR_SPARSE_CACHED}\x7f\xff`], ['PFCOUNT', 'h'], ['SET', 'h', `HYLL\x01\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\x7f\x7f\xff`], ['PFCOUNT', 'h']] },
  { name: 'pfcount missing and multi', cmds: [['PFCOUNT', 'nokey'], ['PFCOUNT', 'n1', 'n2'], ['PFADD', 'a', ...elements('a', 100)], ['PFADD', 'b', ...elements('a', 150, 50)], ['PFCOUNT', 'a', 'b'], ['PFCOUNT', 'a', 'nokey', 'b', 'a'], ['GET', 'a'], ['GET', 'b']] },
  { name: 'pfcount multi with dense', cmds: [['PFADD', 'a', ...elements('a', 5000)], ['PFADD', 'b', ...elements('b', 300)], ['PFCOUNT', 'a', 'b'], ['PFCOUNT', 'b', 'a'], ['PFCOUNT', 'a'], ['PFCOUNT', 'b']] },
  { name: 'pfcount on embstr hll turns raw', cmds: [['SET', 'h', EMPTY_SPARSE], enc('h'), ['PFCOUNT', 'h'], enc('h'), ['GET', 'h']] },
  { name: 'pfadd on embstr hll turns raw', cmds: [['SET', 'h', EMPTY_SPARSE], ['PFADD', 'h'], enc('h'), ['SET', 'g', EMPTY_SPARSE], ['PFADD', 'g', 'x'], enc('g'), ['GET', 'g']] },
  // PFMERGE
  { name: 'pfmerge sparse', cmds: [['PFADD', 'a', ...elements('a', 30)], ['PFADD', 'b', ...elements('b', 30)], ['PFMERGE', 'd', 'a', 'b'], ['GET', 'd'], ['PFCOUNT', 'd'], ['PFDEBUG', 'ENCODING', 'd']] },
  { name: 'pfmerge with dense source', cmds: [['PFADD', 'a', ...elements('a', 4000)], ['PFADD', 'b', 'x'], ['PFMERGE', 'd', 'b', 'a'], ['GET', 'd'], ['PFCOUNT', 'd'], ['PFDEBUG', 'ENCODING', 'd']] },
  { name: 'pfmerge into existing dest', cmds: [['PFADD', 'd', ...elements('d', 50)], ['PFADD', 'a', ...elements('a', 50)], ['PFCOUNT', 'd'], ['PFMERGE', 'd', 'a'], ['GET', 'd'], ['PFCOUNT', 'd']] },
  { name: 'pfmerge dest only and missing', cmds: [['PFMERGE', 'd'], ['GET', 'd'], ['PFMERGE', 'e', 'n1', 'n2'], ['GET', 'e'], ['PFADD', 'f', 'x'], ['PFMERGE', 'f'], ['GET', 'f']] },
  { name: 'pfmerge promotes sparse dest by size', cmds: [['PFADD', 'a', ...elements('a', 1200)], ['PFADD', 'b', ...elements('b', 1200)], ['PFMERGE', 'd', 'a', 'b'], ['PFDEBUG', 'ENCODING', 'd'], ['GET', 'd'], ['PFCOUNT', 'd']] },
  { name: 'pfmerge small sparse limit', config: { 'hll-sparse-max-bytes': '60' }, cmds: [['PFADD', 'a', ...elements('a', 10)], ['PFADD', 'b', ...elements('b', 10)], ['PFMERGE', 'd', 'a', 'b'], ['PFDEBUG', 'ENCODING', 'd'], ['GET', 'd']] },
  { name: 'pfmerge keeps dest ttl', cmds: [['PFADD', 'd', 'x'], ['EXPIRE', 'd', '1000'], ['PFADD', 'a', 'y'], ['PFMERGE', 'd', 'a'], { cmd: ['TTL', 'd'], near: 1 }] },
  // Wrong types and invalid values.
  { name: 'wrongtype other types', cmds: [['LPUSH', 'l', 'a'], ['PFADD', 'l', 'x'], ['PFCOUNT', 'l'], ['PFCOUNT', 'nokey', 'l'], ['PFMERGE', 'l'], ['PFMERGE', 'd', 'l'], ['PFMERGE', 'l', 'nokey'], ['PFDEBUG', 'ENCODING', 'l'], ['EXISTS', 'd']] },
  { name: 'wrongtype plain strings', cmds: [['SET', 's', 'hello'], ['SET', 'i', '12345'], ['SET', 'b', 'HYLL'], ['PFADD', 's', 'x'], ['PFCOUNT', 'i'], ['PFADD', 'b'], ['PFMERGE', 'd', 's'], ['PFCOUNT', 'b', 's'], ['PFDEBUG', 'GETREG', 's']] },
  { name: 'invalid headers', cmds: [['SET', 'a', 'HYLL\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x7f\xff'], ['PFCOUNT', 'a'], ['SET', 'b', `${HDR_DENSE}\x00\x00`], ['PFCOUNT', 'b'], ['SET', 'c', 'hyll\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x7f\xff'], ['PFADD', 'c'], ['SET', 'd', HDR_SPARSE.slice(0, 15)], ['PFADD', 'd']] },
  { name: 'header alone is an empty sparse hll', cmds: [['SET', 'h', HDR_SPARSE], ['PFADD', 'h'], ['PFCOUNT', 'h'], ['PFADD', 'h', 'x'], ['PFCOUNT', 'h', 'h'], ['PFDEBUG', 'DECODE', 'h'], ['GET', 'h']] },
  { name: 'corrupted sparse too short', cmds: [['SET', 'c', `${HDR_SPARSE}\x7f\xfe`], ['PFCOUNT', 'c'], ['PFADD', 'c', 'x'], ['GET', 'c'], ['PFCOUNT', 'c', 'c'], ['PFMERGE', 'd', 'c'], ['EXISTS', 'd'], ['PFDEBUG', 'GETREG', 'c'], ['PFDEBUG', 'TODENSE', 'c']] },
  { name: 'corrupted sparse too long', cmds: [['SET', 'c2', `${HDR_SPARSE}\x7f\xff\x7f\xff`], ['PFCOUNT', 'c2'], ['PFADD', 'c2', 'x'], ['GET', 'c2'], ['PFDEBUG', 'DECODE', 'c2'], ['PFCOUNT', 'c2'], ['PFMERGE', 'c2', 'c2']] },
  { name: 'corrupted sparse val overflow', cmds: [['SET', 'c', `${HDR_SPARSE}\x7f\xfd\x83\x83`], ['PFCOUNT', 'c'], ['PFDEBUG', 'DECODE', 'c'], ['PFDEBUG', 'TODENSE', 'c'], ['PFCOUNT', 'c', 'nokey'], ['PFADD', 'c', 'a', 'b', 'c']] },
  { name: 'corrupted sparse fails midway keeps earlier adds', cmds: [['SET', 'c', `${HDR_SPARSE}\x60\x00`], ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((e): Cmd => ['PFADD', 'c', e]), ['GET', 'c']] },
  { name: 'corrupted sparse promotion', config: { 'hll-sparse-max-bytes': '20' }, cmds: [['SET', 'c', `${HDR_SPARSE}\x7f\xfe`], ['PFADD', 'c', ...elements('p', 20)], ['GET', 'c']] },
  { name: 'dense with huge registers', cmds: [['SET', 'h', `${HDR_DENSE}${'\xff'.repeat(12288)}`], ['PFCOUNT', 'h'], ['GET', 'h'], ['PFCOUNT', 'h'], ['PFCOUNT', 'h', 'nokey'], ['PFADD', 'h', 'x']] },
  { name: 'dense with crafted registers', cmds: [['SET', 'h', `${HDR_DENSE}${'\x41\x10\x04'.repeat(4096)}`], ['PFCOUNT', 'h'], ['PFDEBUG', 'GETREG', 'h'], ['PFCOUNT', 'h', 'h'], ['PFMERGE', 'd', 'h'], ['PFDEBUG', 'ENCODING', 'd']] },
  // PFDEBUG
  { name: 'pfdebug getreg sparse and dense', cmds: [['PFADD', 'h', ...elements('g', 20)], ['PFDEBUG', 'GETREG', 'h'], ['PFDEBUG', 'ENCODING', 'h'], ['GET', 'h'], ['PFDEBUG', 'GETREG', 'h']] },
  { name: 'pfdebug decode', cmds: [['PFADD', 'h', ...elements('d', 70)], ['PFDEBUG', 'DECODE', 'h'], ['PFDEBUG', 'decode', 'h'], ['PFDEBUG', 'TODENSE', 'h'], ['PFDEBUG', 'DECODE', 'h']] },
  { name: 'pfdebug todense', cmds: [['PFADD', 'h', 'a'], ['PFCOUNT', 'h'], ['PFDEBUG', 'TODENSE', 'h'], ['PFDEBUG', 'TODENSE', 'h'], ['GET', 'h'], ['PFCOUNT', 'h'], ['PFADD', 'h', 'b'], ['PFCOUNT', 'h']] },
  { name: 'pfdebug errors', cmds: [['PFDEBUG', 'ENCODING', 'nokey'], ['PFDEBUG', 'FOO', 'nokey'], ['PFADD', 'h', 'a'], ['PFDEBUG', 'FOO', 'h'], ['PFDEBUG', 'foo\r\nbar', 'h'], ['PFDEBUG', 'foo\0bar', 'h'], ['PFDEBUG', 'encoding\0bar', 'h'], ['PFDEBUG', 'GETREG'], ['PFDEBUG', 'GETREG', 'h', 'x'], ['SET', 's', 'x'], ['PFDEBUG', 'FOO', 's']] },
  { name: 'pfselftest', cmds: [['PFSELFTEST'], ['PFSELFTEST', 'x']] },
  { name: 'hll resp3', resp3: true, cmds: [['PFADD', 'h', 'a', 'b'], ['PFCOUNT', 'h'], ['PFDEBUG', 'ENCODING', 'h'], ['PFMERGE', 'd', 'h'], ['PFCOUNT', 'd', 'h']] },
  { name: 'string commands on an hll', cmds: [['PFADD', 'h', 'a', 'b', 'c'], ['APPEND', 'h', 'x'], ['PFCOUNT', 'h'], ['SETRANGE', 'h', '4', '\x00'], ['PFCOUNT', 'h'], ['SET', 'h2', 'x'], ['PFADD', 'h3', 'a'], ['SETRANGE', 'h3', '4', '\x05'], ['PFADD', 'h3', 'b']] },
  { name: 'arity', cmds: [['PFADD'], ['PFCOUNT'], ['PFMERGE'], ['PFDEBUG', 'GETREG'], ['PFSELFTEST', 'a', 'b']] },
];
