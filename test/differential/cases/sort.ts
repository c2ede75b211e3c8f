// SORT and SORT_RO (sort.c) on lists: numeric and ALPHA, BY/GET patterns,
// LIMIT (with Redis's partial quicksort), STORE, score conversion errors and
// the errno ERANGE that sticks between SORTs on one connection.
import type { Case, Cmd, Step } from '../case.ts';

const nums: Cmd = ['RPUSH', 'l', '3', '1', '2', '10', '-5', '2.5'];
const words: Cmd = ['RPUSH', 'w', 'banana', 'apple', 'Cherry', 'apple2', '', 'b\x00z', 'b\x00a', '\xff', '\x80'];
const weights: Cmd[] = [
  ['RPUSH', 'ids', '1', '2', '3', '4', '5'],
  ['MSET', 'w_1', '50', 'w_2', '10', 'w_3', '30', 'w_4', '10', 'name_1', 'one', 'name_2', 'two', 'name_4', 'four'],
];
const all = (k: string): Cmd => ['LRANGE', k, '0', '-1'];

const basic: [string, (Cmd | Step)[]][] = [
  ['numeric', [nums, ['SORT', 'l'], ['SORT', 'l', 'DESC'], ['SORT', 'l', 'ASC']]],
  ['numeric ties by bytes', [['RPUSH', 'l', '1.0', '1', '01', '1e0', '+1', ' 1'], ['SORT', 'l'], ['SORT', 'l', 'DESC']]],
  ['alpha', [words, ['SORT', 'w', 'ALPHA'], ['SORT', 'w', 'ALPHA', 'DESC']]],
  ['alpha store binary order', [words, ['SORT', 'w', 'ALPHA', 'STORE', 'd'], all('d')]],
  ['alpha numbers', [nums, ['SORT', 'l', 'ALPHA'], ['SORT', 'l', 'alpha', 'desc']]],
  ['not numbers', [['RPUSH', 'l', 'a', '1'], ['SORT', 'l']]],
  ['empty string scores zero', [['RPUSH', 'l', '1', '', '-1'], ['SORT', 'l']]],
  ['nul ends the score', [['RPUSH', 'l', '2\x00abc', '1', '\x00x'], ['SORT', 'l']]],
  ['leading spaces allowed', [['RPUSH', 'l', ' 2', '\t1', '\n3'], ['SORT', 'l']]],
  ['trailing space refused', [['RPUSH', 'l', '2 ', '1'], ['SORT', 'l']]],
  ['only spaces refused', [['RPUSH', 'l', '  ', '1'], ['SORT', 'l']]],
  ['nan refused', [['RPUSH', 'l', 'nan', '1'], ['SORT', 'l']]],
  ['infinities', [['RPUSH', 'l', 'inf', '-inf', '0', '+inf', 'Infinity', '-INF'], ['SORT', 'l'], ['SORT', 'l', 'DESC']]],
  ['hex floats', [['RPUSH', 'l', '0x10', '1', '0x1p3', '0X.8P1'], ['SORT', 'l']]],
  ['exact subnormal', [['RPUSH', 'l', '0x1p-1074', '1', '0x1p-1073'], ['SORT', 'l']]],
  ['min normal', [['RPUSH', 'l', '2.2250738585072014e-308', '1'], ['SORT', 'l']]],
  ['overflow refused', [['RPUSH', 'l', '1e400', '1'], ['SORT', 'l']]],
  ['underflow refused', [['RPUSH', 'l', '1e-400', '1'], ['SORT', 'l']]],
  ['inexact subnormal refused', [['RPUSH', 'l', '5e-324', '1'], ['SORT', 'l']]],
  ['erange sticks for later sorts', [['RPUSH', 'bad', '1e400'], ['RPUSH', 'f', '1.5', '0.5'], ['RPUSH', 'i', '2', '1'],
    ['SORT', 'f'], ['SORT', 'bad'], ['SORT', 'f'], ['SORT', 'i'], ['SORT', 'f', 'ALPHA'], ['SORT', 'f']]],
  ['erange cleared by a float parse', [['RPUSH', 'bad', '1e-400'], ['RPUSH', 'f', '1.5', '0.5'], ['SORT', 'bad'], ['SORT', 'f'],
    ['SET', 'x', '1'], ['INCRBYFLOAT', 'x', '0.5'], ['SORT', 'f']]],
  ['erange from trailing garbage', [['RPUSH', 'bad', '1e400x'], ['RPUSH', 'f', '1.5'], ['SORT', 'bad'], ['SORT', 'f']]],
  ['garbage does not set erange', [['RPUSH', 'bad', '1x'], ['RPUSH', 'f', '1.5', '0.5'], ['SORT', 'bad'], ['SORT', 'f']]],
  ['erange from a scan cursor', [['RPUSH', 'f', '1.5', '0.5'], ['SCAN', '99999999999999999999999'], ['SORT', 'f'], ['SCAN', '0'], ['SORT', 'f']]],
  ['erange from an accepted subnormal score', [['RPUSH', 'f', '1.5', '0.5'], ['ZADD', 'z', '5e-324', 'm'], ['SORT', 'f'], ['ZADD', 'y', '1', 'm'], ['SORT', 'f']]],
  ['erange kept by a zset range', [['RPUSH', 'f', '1.5', '0.5'], ['RPUSH', 'bad', '1e400'], ['SORT', 'bad'], ['ZRANGEBYSCORE', 'z', '1', '2'], ['SORT', 'f'], ['SCAN', '1x'], ['SORT', 'f']]],
  ['erange from a refused zadd score', [['RPUSH', 'f', '1.5', '0.5'], ['ZADD', 'z', '1e400', 'm'], ['SORT', 'f'], ['ZSCORE', 'z', 'm'], ['SORT', 'f']]],
  ['erange from incrbyfloat', [['RPUSH', 'f', '1.5', '0.5'], ['SET', 'x', '1'], ['INCRBYFLOAT', 'x', '1e5000'], ['SORT', 'f'], ['INCRBYFLOAT', 'x', '1'], ['SORT', 'f']]],
  ['int values skip errno', [['RPUSH', 'bad', '1e400'], ['RPUSH', 'i', '3', '-2', '9223372036854775807'], ['SORT', 'bad'], ['SORT', 'i']]],
  ['missing key', [['SORT', 'nokey'], ['SORT', 'nokey', 'DESC', 'LIMIT', '0', '1'], ['SORT_RO', 'nokey']]],
  ['limit', [nums, ['SORT', 'l', 'LIMIT', '0', '2'], ['SORT', 'l', 'LIMIT', '2', '2'], ['SORT', 'l', 'LIMIT', '4', '10'], ['SORT', 'l', 'LIMIT', '6', '1']]],
  ['limit edges', [nums, ['SORT', 'l', 'LIMIT', '-5', '2'], ['SORT', 'l', 'LIMIT', '1', '-1'], ['SORT', 'l', 'LIMIT', '1', '0'], ['SORT', 'l', 'LIMIT', '100', '-1'], ['SORT', 'l', 'DESC', 'LIMIT', '1', '2']]],
  ['limit errors', [nums, ['SORT', 'l', 'LIMIT', '0'], ['SORT', 'l', 'LIMIT', 'a', '1'], ['SORT', 'l', 'LIMIT', '0', 'b'], ['SORT', 'l', 'LIMIT', '0', '1.5']]],
  ['syntax errors', [nums, ['SORT', 'l', 'FOO'], ['SORT', 'l', 'BY'], ['SORT', 'l', 'GET'], ['SORT', 'l', 'STORE'], ['SORT', 'nokey', 'foo']]],
  ['syntax before wrongtype', [['SET', 's', 'x'], ['SORT', 's', 'FOO'], ['SORT', 's'], ['SORT_RO', 's', 'LIMIT', 'x', '1']]],
  ['options case and repeats', [nums, ['SORT', 'l', 'desc', 'asc'], ['SORT', 'l', 'Desc', 'LIMIT', '0', '1', 'limit', '1', '2'], ['SORT', 'l', 'alpha', 'ALPHA']]],
  ['by nosort keeps list order', [nums, ['SORT', 'l', 'BY', 'nosort'], ['SORT', 'l', 'BY', 'nosort', 'DESC'], ['SORT', 'l', 'BY', 'x', 'LIMIT', '1', '2'], ['SORT', 'l', 'BY', 'x', 'DESC', 'LIMIT', '1', '2'], ['SORT', 'l', 'BY', 'x', 'LIMIT', '10', '2']]],
  ['by nosort then by pattern still unsorted', [...weights, ['SORT', 'ids', 'BY', 'nosort', 'BY', 'w_*'], ['SORT', 'ids', 'BY', 'w_*', 'BY', 'nosort'], ['SORT', 'ids', 'BY', 'nosort', 'BY', 'w_*', 'DESC', 'GET', 'w_*']]],
  ['by nosort skips score check', [['RPUSH', 'l', 'b', 'a'], ['SORT', 'l', 'BY', 'nosort'], ['SORT', 'l', 'BY', 'nosort', 'ALPHA']]],
  ['by nosort with get', [...weights, ['SORT', 'ids', 'BY', 'nosort', 'GET', 'name_*', 'GET', '#'], ['SORT', 'ids', 'BY', 'k\x00*', 'DESC']]],
  ['by pattern', [...weights, ['SORT', 'ids', 'BY', 'w_*'], ['SORT', 'ids', 'BY', 'w_*', 'DESC'], ['SORT', 'ids', 'BY', 'w_*', 'ALPHA']]],
  ['by pattern alpha missing first', [...weights, ['SORT', 'ids', 'BY', 'name_*', 'ALPHA'], ['SORT', 'ids', 'BY', 'name_*', 'ALPHA', 'DESC']]],
  ['by pattern with limit', [...weights, ['SORT', 'ids', 'BY', 'w_*', 'LIMIT', '1', '2'], ['SORT', 'ids', 'BY', 'name_*', 'ALPHA', 'LIMIT', '0', '3'], ['SORT', 'ids', 'BY', 'nokey_*', 'ALPHA', 'LIMIT', '1', '3']]],
  ['by pattern bad weight', [...weights, ['SET', 'w_5', 'x'], ['SORT', 'ids', 'BY', 'w_*'], ['SORT', 'ids', 'BY', 'w_*', 'ALPHA']]],
  ['by pattern non-string key', [...weights, ['RPUSH', 'w_5', '1'], ['SORT', 'ids', 'BY', 'w_*'], ['SORT', 'ids', 'GET', 'w_*']]],
  ['get patterns', [...weights, ['SORT', 'ids', 'GET', 'name_*'], ['SORT', 'ids', 'GET', '#', 'GET', 'w_*', 'GET', 'name_*'], ['SORT', 'ids', 'GET', 'fixed'], ['SORT', 'ids', 'GET', '#x'], ['SORT', 'ids', 'GET', '#\x00x', 'LIMIT', '0', '2']]],
  ['get with limit and desc', [...weights, ['SORT', 'ids', 'DESC', 'LIMIT', '1', '2', 'GET', 'name_*', 'GET', '#']]],
  ['get star twice', [['RPUSH', 'l', 'a', 'b'], ['SET', 'x_a_*', '1'], ['SET', 'x_b_*', '2'], ['SORT', 'l', 'ALPHA', 'GET', 'x_*_*']]],
  ['get hash arrow on string', [...weights, ['SORT', 'ids', 'GET', 'w_*->f'], ['SET', 'w_9->', 'arrow'], ['RPUSH', 'ids', '9'], ['SORT', 'ids', 'GET', 'w_*->', 'LIMIT', '4', '2']]],
  ['store', [nums, ['SORT', 'l', 'STORE', 'd'], all('d'), ['TYPE', 'd'], ['OBJECT', 'ENCODING', 'd']]],
  ['store overwrites and drops ttl', [nums, ['SET', 'd', 'x'], ['EXPIRE', 'd', '100'], ['SORT', 'l', 'DESC', 'LIMIT', '0', '2', 'STORE', 'd'], all('d'), ['TTL', 'd']]],
  ['store get', [...weights, ['SORT', 'ids', 'BY', 'w_*', 'GET', 'name_*', 'GET', '#', 'STORE', 'd'], all('d')]],
  ['store empty deletes', [['SET', 'd', 'x'], ['SORT', 'nokey', 'STORE', 'd'], ['EXISTS', 'd'], ['SORT', 'nokey', 'STORE', 'd']]],
  ['store limit zero deletes', [nums, ['RPUSH', 'd', 'x'], ['SORT', 'l', 'LIMIT', '0', '0', 'STORE', 'd'], ['EXISTS', 'd']]],
  ['store onto itself', [nums, ['SORT', 'l', 'STORE', 'l'], all('l')]],
  ['store error keeps destination', [['RPUSH', 'l', 'x', '1'], ['SET', 'd', 'keep'], ['SORT', 'l', 'STORE', 'd'], ['GET', 'd']]],
  ['sort_ro', [nums, ['SORT_RO', 'l'], ['SORT_RO', 'l', 'DESC', 'LIMIT', '0', '3'], ['SORT_RO', 'l', 'STORE', 'd'], ['SORT_RO', 'l', 'ALPHA', 'store', 'd', 'LIMIT', '0', '1']]],
  ['wrongtype', [['SET', 's', '1'], ['SORT', 's'], ['SORT_RO', 's'], ['SORT', 's', 'STORE', 'd'], ['SET', 'z', '1'], nums, ['SORT', 'l', 'STORE', 'z'], ['TYPE', 'z']]],
  ['alpha by ties keep order', [['RPUSH', 'l', 'c', 'a', 'b', 'e', 'd'], ['SORT', 'l', 'BY', 'none_*', 'ALPHA'], ['SORT', 'l', 'BY', 'none_*', 'ALPHA', 'DESC']]],
  ['numeric by ties by element', [['RPUSH', 'l', 'c', 'a', 'b', 'e', 'd'], ['SORT', 'l', 'BY', 'none_*'], ['SORT', 'l', 'BY', 'none_*', 'DESC']]],
  ['binary elements', [['RPUSH', 'l', '\x00', '\xff\x00', '\x01', ''], ['SORT', 'l', 'ALPHA', 'STORE', 'd'], all('d'), ['SORT', 'l', 'BY', 'nosort', 'DESC']]],
  ['arity', [['SORT'], ['SORT_RO']]],
  ['set numeric', [['SADD', 's', '3', '10', '-1', '2.5', 'x1'], ['SREM', 's', 'x1'], ['SORT', 's'], ['SORT', 's', 'DESC', 'LIMIT', '1', '2']]],
  ['set alpha store', [['SADD', 's', 'b', 'a', 'c', 'B'], ['SORT', 's', 'ALPHA', 'STORE', 'd'], all('d')]],
  ['intset nosort in order', [['SADD', 's', '30', '-5', '7', '100'], ['SORT', 's', 'BY', 'nosort'], ['SORT', 's', 'BY', 'nosort', 'DESC', 'LIMIT', '1', '2']]],
  ['set nosort store sorts by bytes', [['SADD', 's', 'b', 'a', '10', '9'], ['SORT', 's', 'BY', 'nosort', 'STORE', 'd'], all('d'), ['SORT', 's', 'BY', 'nosort', 'DESC', 'STORE', 'd'], all('d')]],
  ['set nosort members', [['SADD', 's', 'b', 'a', 'c'], { cmd: ['SORT', 's', 'BY', 'nosort'], sort: true }]],
  ['set by pattern get', [['SADD', 's', '1', '2', '3'], ['MSET', 'w_1', '3', 'w_2', '1', 'w_3', '2'], ['SORT', 's', 'BY', 'w_*', 'GET', '#', 'GET', 'w_*']]],
  ['hash fields by and get', [['RPUSH', 'l', '1', '2', '3'], ['HSET', 'h_1', 'f', '30', 'n', 'one'], ['HSET', 'h_2', 'f', '10'], ['HSET', 'h_3', 'f', '20', 'n', 'three'],
    ['SORT', 'l', 'BY', 'h_*->f', 'GET', '#', 'GET', 'h_*->n', 'GET', 'h_*->f'], ['SORT', 'l', 'BY', 'h_*->n', 'ALPHA'], ['SORT', 'l', 'BY', 'h_*->f', 'DESC', 'GET', 'h_*->n', 'STORE', 'd'], all('d')]],
  ['hash field on a string and missing field', [['RPUSH', 'l', '1', '2'], ['SET', 'h_1', 'x'], ['HSET', 'h_2', 'g', '1'], ['SORT', 'l', 'GET', 'h_*->f', 'GET', 'h_*']]],
  ['hashtable hash field', [['RPUSH', 'l', '1', '2'], ['HSET', 'h_1', 'f', '2.5', 'big', 'x'.repeat(100)], ['HSET', 'h_2', 'f', '1.5'], ['SORT', 'l', 'BY', 'h_*->f', 'GET', 'h_*->f']]],
  ['zset numeric', [['ZADD', 'z', '3', '10', '1', '2', '2', '-1'], ['SORT', 'z'], ['SORT', 'z', 'DESC', 'LIMIT', '1', '1']]],
  ['zset alpha', [['ZADD', 'z', '1', 'b', '2', 'a', '3', 'c'], ['SORT', 'z', 'ALPHA'], ['SORT', 'z', 'ALPHA', 'DESC', 'STORE', 'd'], all('d')]],
  ['zset nosort keeps score order', [['ZADD', 'z', '1', 'b', '2', 'a', '3', 'c', '3', 'bb'], ['SORT', 'z', 'BY', 'nosort'], ['SORT', 'z', 'BY', 'nosort', 'DESC'],
    ['SORT', 'z', 'BY', 'nosort', 'LIMIT', '1', '2'], ['SORT', 'z', 'BY', 'nosort', 'DESC', 'LIMIT', '1', '2'], ['SORT', 'z', 'BY', 'nosort', 'LIMIT', '9', '2'], ['SORT', 'z', 'BY', 'nosort', 'LIMIT', '1', '0']]],
  ['zset nosort store', [['ZADD', 'z', '1', 'b', '2', 'a'], ['SORT', 'z', 'BY', 'nosort', 'STORE', 'd'], all('d')]],
  ['zset converted to skiplist', [['ZADD', 'z', '1', 'a'], ['OBJECT', 'ENCODING', 'z'], ['SORT_RO', 'z', 'ALPHA'], ['OBJECT', 'ENCODING', 'z']]],
  ['zset not numbers', [['ZADD', 'z', '1', 'a', '2', '5'], ['SORT', 'z'], ['SORT', 'z', 'BY', 'w_*', 'GET', '#']]],
  ['zset by pattern', [['ZADD', 'z', '1', '1', '2', '2', '3', '3'], ['MSET', 'w_1', '9', 'w_2', '7', 'w_3', '8'], ['SORT', 'z', 'BY', 'w_*', 'GET', '#', 'GET', 'w_*']]],
];

/** pqsort's order of equal elements: many ties over LIMIT windows of a longer list. */
const tieList: Cmd = ['RPUSH', 't', ...Array.from({ length: 60 }, (_, i) => String.fromCharCode(97 + ((i * 37) % 26)) + String(i))];
const tieWeights: Cmd = ['MSET', ...Array.from({ length: 60 }, (_, i) => [`tw_${String.fromCharCode(97 + ((i * 37) % 26))}${i}`, String(i % 4)]).flat()];
const pqsortCases: Case[] = [
  [0, 5], [3, 7], [10, 20], [50, 20], [0, 59], [1, 58], [25, 1], [59, 1],
].flatMap(([off, cnt]): Case[] => [
  { name: `sort pqsort alpha ties limit ${off} ${cnt}`, cmds: [tieList, tieWeights, ['SORT', 't', 'BY', 'tw_*', 'ALPHA', 'LIMIT', String(off), String(cnt)]] },
  { name: `sort pqsort missing keys limit ${off} ${cnt}`, cmds: [tieList, ['SORT', 't', 'BY', 'none_*', 'ALPHA', 'DESC', 'LIMIT', String(off), String(cnt)]] },
  { name: `sort pqsort numeric limit ${off} ${cnt}`, cmds: [tieList, tieWeights, ['SORT', 't', 'BY', 'tw_*', 'DESC', 'LIMIT', String(off), String(cnt), 'GET', 'tw_*', 'GET', '#']] },
]);

export const cases: Case[] = [
  ...basic.map(([name, cmds]): Case => ({ name: `sort ${name}`, cmds })),
  ...basic.filter(([name]) => /missing|get|store empty/.test(name))
    .map(([name, cmds]): Case => ({ name: `sort ${name} resp3`, cmds, resp3: true })),
  ...pqsortCases,
];
