// Stream commands without consumer groups (t_stream.c): XADD (explicit IDs,
// `<ms>-*`, NOMKSTREAM, MAXLEN/MINID with = and ~, LIMIT), XRANGE/XREVRANGE
// (exclusive bounds, COUNT), XLEN, XDEL, XTRIM, XSETID, XREAD, and XINFO STREAM
// for the node layout (radix-tree keys/nodes after splits and approximate
// trims). Explicit IDs everywhere: `*` IDs are compared by shape only.
import type { Case, Cmd, Step } from '../case.ts';

const U64 = '18446744073709551615';
const MAXID = `${U64}-${U64}`;
const BINARY = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');

const shape = (cmd: Cmd): Step => ({ cmd, shape: true });
const info = (key = 's'): Cmd => ['XINFO', 'STREAM', key];
const all = (key = 's'): Cmd => ['XRANGE', key, '-', '+'];
/** XADD s <ms>-<seq> f <i> for i in 1..n (ms = i). */
const adds = (n: number, key = 's', fields: (i: number) => string[] = (i) => ['f', String(i)]): Cmd[] =>
  Array.from({ length: n }, (_, i) => ['XADD', key, `${i + 1}-0`, ...fields(i + 1)]);
const small = { 'stream-node-max-entries': '3' };
const fromHex = (h: string): string => h.replace(/../g, (b) => String.fromCharCode(parseInt(b, 16)));
/** DUMP of XADD s 1-0 f 1; XADD s 2-0 f 2; XDEL s 1-0; XGROUP CREATE s g 0; XGROUP CREATE s h 2-0 ENTRIESREAD 1 on redis-server 7.0.15. */
const REDIS_STREAM_DUMP = '1301100000000000000001000000000000000026260000000f0001010101010181660200010301000100010101040102010101000102010401ff0102000200010002020167000081ffffffffffffffff0000016802000100000a008eb31a22ecea5bd4';

const STREAM_COMMANDS_ON_S: Cmd[] = [
  ['XADD', 's', '1-1', 'a', 'b'], ['XADD', 's', 'NOMKSTREAM', '1-1', 'a', 'b'], ['XRANGE', 's', '-', '+'],
  ['XREVRANGE', 's', '+', '-'], ['XLEN', 's'], ['XDEL', 's', '1-1'], ['XTRIM', 's', 'MAXLEN', '0'],
  ['XSETID', 's', '5-5'], ['XREAD', 'STREAMS', 's', '0'], ['XINFO', 'STREAM', 's'], ['XINFO', 'GROUPS', 's'],
  ['XINFO', 'CONSUMERS', 's', 'g'], ['XGROUP', 'CREATE', 's', 'g', '$'], ['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM'],
  ['XGROUP', 'SETID', 's', 'g', '0'], ['XGROUP', 'DESTROY', 's', 'g'], ['XGROUP', 'CREATECONSUMER', 's', 'g', 'c'],
  ['XGROUP', 'DELCONSUMER', 's', 'g', 'c'], ['XACK', 's', 'g', '1-1'], ['XPENDING', 's', 'g'],
  ['XCLAIM', 's', 'g', 'c', '0', '1-1'], ['XAUTOCLAIM', 's', 'g', 'c', '0', '0'],
  ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>'],
];

const wrongTypeCases: Case[] = STREAM_COMMANDS_ON_S.map((cmd) => ({
  name: `stream wrongtype ${cmd.join(' ')}`,
  cmds: [['SET', 's', 'x'], cmd, ['GET', 's']],
}));

const otherTypesOnStream: Case[] = [
  ['GET', 's'], ['LPUSH', 's', 'x'], ['SADD', 's', 'x'], ['HSET', 's', 'f', 'v'], ['ZADD', 's', '1', 'x'], ['APPEND', 's', 'x'],
  ['LRANGE', 's', '0', '-1'], ['PFADD', 's', 'x'], ['SETBIT', 's', '1', '1'], ['GEOADD', 's', '1', '1', 'x'],
].map((cmd) => ({ name: `command on a stream: ${cmd.join(' ')}`, cmds: [['XADD', 's', '1-1', 'a', 'b'], cmd, ['TYPE', 's'], ['XLEN', 's']] }));

const arityCases: Case[] = [
  ['XADD', 's'], ['XADD', 's', '1-1'], ['XADD', 's', '1-1', 'a'], ['XADD', 's', '*', 'a', 'b', 'c'], ['XADD', 's', 'MAXLEN', '1', '1-1', 'a'],
  ['XADD', 's', 'NOMKSTREAM', '*'], ['XRANGE', 's', '-'], ['XREVRANGE', 's'], ['XLEN'], ['XDEL', 's'], ['XTRIM', 's'], ['XTRIM', 's', 'MAXLEN'],
  ['XSETID', 's'], ['XREAD'], ['XREAD', 'STREAMS'], ['XREAD', 'STREAMS', 's'], ['XREAD', 'COUNT'], ['XINFO'], ['XINFO', 'STREAM'],
  ['XINFO', 'GROUPS'], ['XINFO', 'CONSUMERS', 's'], ['XINFO', 'HELP', 'x'], ['XGROUP'], ['XGROUP', 'CREATE', 's', 'g'],
  ['XGROUP', 'DESTROY', 's'], ['XGROUP', 'DESTROY', 's', 'g', 'x'], ['XGROUP', 'CREATECONSUMER', 's', 'g'], ['XGROUP', 'DELCONSUMER', 's', 'g', 'c', 'x'],
  ['XGROUP', 'SETID', 's', 'g'], ['XGROUP', 'HELP', 'x'], ['XACK', 's', 'g'], ['XPENDING', 's'], ['XCLAIM', 's', 'g', 'c', '0'],
  ['XAUTOCLAIM', 's', 'g', 'c', '0'], ['XREADGROUP', 'GROUP', 'g'], ['XINFO', 'NOPE', 's'], ['XGROUP', 'NOPE', 's', 'g'],
].map((cmd) => ({ name: `stream arity ${cmd.join(' ')}`, cmds: [cmd] }));

/** XADD s <id> a b on an empty key, then on a stream whose last ID is 5-5. */
const ID_FORMS = [
  '0-0', '0-1', '0', '1', '1-0', '5', '5-5', '5-6', '5-*', '6-*', '0-*', '007-1', '1-007', '+5-1', ' 5-1', '5- 1', '5-+1', '5--0',
  '-1', '-1-1', '1--1', 'a-1', '1-a', '', '-', '+', '*-1', '1-**', '1-', '-5', `${U64}-${U64}`, `${U64}-*`, `${U64}-0`,
  '18446744073709551616-0', `0-18446744073709551616`, '1.5-1', '0x10-1', '1-1\x00x', `${U64}`,
];
const idFormCases: Case[] = ID_FORMS.flatMap((id) => [
  { name: `xadd id ${JSON.stringify(id)} on empty`, cmds: [['XADD', 's', id, 'a', 'b'], all(), ['XLEN', 's'], ['EXISTS', 's']] },
  { name: `xadd id ${JSON.stringify(id)} after 5-5`, cmds: [['XADD', 's', '5-5', 'a', 'b'], ['XADD', 's', id, 'c', 'd'], all()] },
]);

/** XRANGE / XREVRANGE bounds over entries 1-0..5-0 with seqs. */
const RANGE_BOUNDS: [string, string][] = [
  ['-', '+'], ['2', '4'], ['2-0', '4-0'], ['(2-0', '+'], ['-', '(4-0'], ['(2-0', '(4-0'], ['(2', '(4'], ['3', '3'], ['(3-0', '3-0'],
  ['4', '2'], ['0', '0'], ['0-0', '1-0'], ['(0-0', '1'], [`(${MAXID}`, '+'], ['-', '(0-0'], ['(-', '+'], ['-', '(+'], ['(', '+'],
  ['x', '+'], ['-', 'y'], ['1-1-1', '+'], [`${U64}`, '+'], ['((1', '+'], ['(1-1', '(1-2'], ['+', '-'],
];
const rangeCases: Case[] = RANGE_BOUNDS.flatMap(([a, b]) => [
  { name: `xrange ${a} ${b}`, cmds: [...adds(5), ['XADD', 's', '3-1', 'x', 'y'], ['XRANGE', 's', a, b], ['XRANGE', 's', a, b, 'COUNT', '2']] },
  { name: `xrevrange ${b} ${a}`, cmds: [...adds(5), ['XREVRANGE', 's', b, a], ['XREVRANGE', 's', b, a, 'COUNT', '1']] },
]);

const countCases: Case[] = ['0', '-1', '1', '3', '100', 'x', '9223372036854775807', '9223372036854775808', '1.0', ''].map((n) => ({
  name: `xrange count ${JSON.stringify(n)}`,
  cmds: [...adds(4), ['XRANGE', 's', '-', '+', 'COUNT', n], ['XREVRANGE', 's', '+', '-', 'COUNT', n], ['XRANGE', 'nokey', '-', '+', 'COUNT', n]],
}));

/** XADD s MAXLEN/MINID ... on 10 entries split in nodes of 3. */
const TRIMS: string[][] = [
  ['MAXLEN', '5'], ['MAXLEN', '=', '5'], ['MAXLEN', '~', '5'], ['MAXLEN', '~', '2'], ['MAXLEN', '~', '0'], ['MAXLEN', '0'],
  ['MAXLEN', '100'], ['MAXLEN', '-1'], ['MAXLEN', 'x'], ['MAXLEN', '~', '5', 'LIMIT', '3'], ['MAXLEN', '~', '1', 'LIMIT', '0'],
  ['MAXLEN', '~', '1', 'LIMIT', '6'], ['MAXLEN', '5', 'LIMIT', '3'], ['MAXLEN', '~', '5', 'LIMIT', '-1'], ['LIMIT', '3'], ['LIMIT', '0'],
  ['MINID', '5'], ['MINID', '=', '5-0'], ['MINID', '~', '5'], ['MINID', '~', '8'], ['MINID', '0'], ['MINID', '100'], ['MINID', '+'],
  ['MINID', '-'], ['MINID', '~', '7', 'LIMIT', '3'], ['MAXLEN', '1', 'MINID', '1'], ['MINID', '1', 'MAXLEN', '1'], ['maxlen', '~', '4'],
  ['MAXLEN', '~'], ['MINID', '5-*'], ['MAXLEN', '=', '~', '3'], ['MAXLEN', '~', '~', '3'],
];
const xaddTrimCases: Case[] = TRIMS.map((opts) => ({
  name: `xadd trim ${opts.join(' ')}`,
  config: small,
  cmds: [...adds(10), ['XADD', 's', ...opts, '11-0', 'f', 'v'], ['XLEN', 's'], all(), info()],
}));
const xtrimCases: Case[] = TRIMS.map((opts) => ({
  name: `xtrim ${opts.join(' ')}`,
  config: small,
  cmds: [...adds(10), ['XTRIM', 's', ...opts], ['XLEN', 's'], all(), info()],
}));

export const cases: Case[] = [
  // XADD basics
  { name: 'xadd and xrange', cmds: [['XADD', 's', '1-1', 'a', '1', 'b', '2'], ['XADD', 's', '1-2', 'a', '3'], all(), ['XLEN', 's'], ['TYPE', 's'], ['OBJECT', 'ENCODING', 's']] },
  { name: 'xadd auto id shape', cmds: [shape(['XADD', 's', '*', 'a', 'b']), ['XLEN', 's'], shape(all())] },
  { name: 'xadd auto id after a future id', cmds: [['XADD', 's', '99999999999999-5', 'a', 'b'], ['XADD', 's', '*', 'c', 'd'], ['XADD', 's', '*', 'e', 'f'], all()] },
  { name: 'xadd auto id at max seq', cmds: [['XADD', 's', `99999999999999-${U64}`, 'a', 'b'], ['XADD', 's', '*', 'c', 'd'], all()] },
  { name: 'xadd auto id exhausted', cmds: [['XADD', 's', MAXID, 'a', 'b'], ['XADD', 's', '*', 'c', 'd'], ['XADD', 's', '5-*', 'c', 'd'], all()] },
  { name: 'xadd ms-star at max seq', cmds: [['XADD', 's', `5-${U64}`, 'a', 'b'], ['XADD', 's', '5-*', 'c', 'd'], ['XADD', 's', '6-*', 'c', 'd'], all()] },
  { name: 'xadd nomkstream', cmds: [['XADD', 's', 'NOMKSTREAM', '1-1', 'a', 'b'], ['EXISTS', 's'], ['XADD', 's', '1-1', 'a', 'b'], ['XADD', 's', 'NOMKSTREAM', '2-1', 'a', 'b'], all()] },
  { name: 'xadd nomkstream after maxlen', cmds: [['XADD', 's', 'MAXLEN', '1', 'NOMKSTREAM', '1-1', 'a', 'b'], ['EXISTS', 's']] },
  { name: 'xadd nomkstream twice and lowercase', cmds: [['XADD', 's', 'nomkstream', 'NOMKSTREAM', '1-1', 'a', 'b'], ['XADD', 's', '1-1', 'a', 'b'], ['XADD', 's', 'nomkstream', '2-2', 'a', 'b'], all()] },
  { name: 'xadd binary fields and values', cmds: [['XADD', 's', '1-1', BINARY, BINARY, '', ''], all(), ['XADD', 's', '2-2', '', 'x'], all()] },
  { name: 'xadd integer-like fields', cmds: [['XADD', 's', '1-1', '1', '2', '-5', '007', '9223372036854775807', '-9223372036854775808'], all()] },
  { name: 'xadd duplicate fields', cmds: [['XADD', 's', '1-1', 'a', '1', 'a', '2'], all()] },
  { name: 'xadd many fields', cmds: [['XADD', 's', '1-1', ...Array.from({ length: 100 }, (_, i) => [`f${i}`, `v${i}`]).flat()], ['XLEN', 's'], all()] },
  { name: 'xadd same then different fields', cmds: [['XADD', 's', '1-1', 'a', '1', 'b', '2'], ['XADD', 's', '2-1', 'a', '3', 'b', '4'], ['XADD', 's', '3-1', 'b', '5', 'a', '6'], ['XADD', 's', '4-1', 'a', '7'], all(), ['XREVRANGE', 's', '+', '-']] },
  { name: 'xadd smaller id', cmds: [['XADD', 's', '5-5', 'a', 'b'], ['XADD', 's', '5-5', 'a', 'b'], ['XADD', 's', '5-4', 'a', 'b'], ['XADD', 's', '4', 'a', 'b'], ['XLEN', 's']] },
  { name: 'xadd keeps ttl', cmds: [['XADD', 's', '1-1', 'a', 'b'], ['EXPIRE', 's', '100'], ['XADD', 's', '2-1', 'a', 'b'], { cmd: ['TTL', 's'], near: 1 }] },
  { name: 'xadd huge values', cmds: [['XADD', 's', '1-1', 'f', 'v'.repeat(5000)], ['XADD', 's', '2-1', 'f', 'w'.repeat(70000)], ['XLEN', 's'], info(), ['XRANGE', 's', '2', '2']] },
  { name: 'xadd resp3', resp3: true, cmds: [['XADD', 's', '1-1', 'a', 'b'], ['XADD', 's', 'NOMKSTREAM', '1-1', 'a', 'b'], ['XADD', 'n', 'NOMKSTREAM', '1-1', 'a', 'b'], all(), ['XRANGE', 's', '-', '+', 'COUNT', '0']] },
  // XLEN, XDEL
  { name: 'xlen missing and existing', cmds: [['XLEN', 's'], ...adds(3), ['XLEN', 's']] },
  { name: 'xdel', cmds: [...adds(5), ['XDEL', 's', '2-0', '4-0', '9-0', '2-0'], ['XLEN', 's'], all(), info()] },
  { name: 'xdel all entries keeps the key', cmds: [...adds(3), ['XDEL', 's', '1-0', '2-0', '3-0'], ['EXISTS', 's'], ['XLEN', 's'], info(), all()] },
  { name: 'xdel bad id deletes nothing', cmds: [...adds(3), ['XDEL', 's', '1-0', 'x'], ['XLEN', 's'], ['XDEL', 's', '+'], ['XDEL', 's', '-'], ['XDEL', 's', '2-*']] },
  { name: 'xdel missing key', cmds: [['XDEL', 's', '1-1'], ['XDEL', 's', 'x']] },
  { name: 'xdel ms form', cmds: [['XADD', 's', '5-0', 'a', 'b'], ['XADD', 's', '5-1', 'a', 'b'], ['XDEL', 's', '5'], all()] },
  { name: 'xdel first entry moves recorded first id', cmds: [...adds(4), ['XDEL', 's', '1-0'], info(), ['XDEL', 's', '3-0'], info(), ['XDEL', 's', '2-0'], info()] },
  { name: 'xdel in split nodes', config: small, cmds: [...adds(10), ['XDEL', 's', '4-0', '5-0', '6-0'], info(), all(), ['XDEL', 's', '1-0'], info(), ['XREVRANGE', 's', '+', '-', 'COUNT', '4']] },
  { name: 'xadd after xdel of everything', config: small, cmds: [...adds(4), ['XDEL', 's', '1-0', '2-0', '3-0', '4-0'], ['XADD', 's', '5-0', 'f', 'v'], ['XADD', 's', '3-0', 'f', 'v'], info(), all()] },
  // XRANGE details
  { name: 'xrange missing key', cmds: [['XRANGE', 's', '-', '+'], ['XREVRANGE', 's', '+', '-'], ['XRANGE', 's', 'x', '+']] },
  { name: 'xrange bad option', cmds: [...adds(2), ['XRANGE', 's', '-', '+', 'LIMIT', '1'], ['XRANGE', 's', '-', '+', 'COUNT'], ['XRANGE', 's', '-', '+', 'COUNT', '1', 'COUNT', '2']] },
  { name: 'xrange across nodes', config: small, cmds: [...adds(12), ['XRANGE', 's', '2', '11'], ['XRANGE', 's', '(3', '(10', 'COUNT', '4'], ['XREVRANGE', 's', '11', '2', 'COUNT', '5'], info()] },
  { name: 'xrange near the id limits', cmds: [['XADD', 's', '0-1', 'a', 'b'], ['XADD', 's', `${U64}-0`, 'c', 'd'], ['XADD', 's', MAXID, 'e', 'f'], all(), ['XRANGE', 's', `(${U64}-0`, '+'], ['XREVRANGE', 's', '+', `${U64}`], ['XRANGE', 's', '-', '(0-1'], ['XRANGE', 's', '(0-1', `(${MAXID}`]] },
  { name: 'xrange resp3', resp3: true, cmds: [...adds(3), all(), ['XREVRANGE', 's', '+', '-', 'COUNT', '1'], ['XRANGE', 'nokey', '-', '+']] },
  // XTRIM errors and edge cases
  { name: 'xtrim missing key', cmds: [['XTRIM', 's', 'MAXLEN', '0'], ['XTRIM', 's', 'MAXLEN', 'x']] },
  { name: 'xtrim bad options', cmds: [...adds(3), ['XTRIM', 's', 'FOO'], ['XTRIM', 's', 'MAXLEN', '1', 'FOO'], ['XTRIM', 's', 'NOMKSTREAM', 'MAXLEN', '1'], ['XTRIM', 's', 'MAXLEN', '1', '*'], ['XLEN', 's']] },
  { name: 'xtrim default limit', config: { 'stream-node-max-entries': '2' }, cmds: [...adds(500), ['XTRIM', 's', 'MAXLEN', '~', '0'], ['XLEN', 's'], ['XTRIM', 's', 'MAXLEN', '~', '0'], ['XLEN', 's'], info()] },
  { name: 'xtrim node max entries zero', config: { 'stream-node-max-entries': '0' }, cmds: [...adds(30), info(), ['XTRIM', 's', 'MAXLEN', '~', '10'], ['XLEN', 's'], ['XTRIM', 's', 'MAXLEN', '10'], ['XLEN', 's'], info()] },
  { name: 'xtrim partial node leaves tombstones', config: small, cmds: [...adds(7), ['XTRIM', 's', 'MAXLEN', '5'], info(), ['XTRIM', 's', 'MINID', '4'], info(), all()] },
  // node splitting
  { name: 'nodes split by entries', cmds: [...adds(250), info(), ['XRANGE', 's', '99', '102']] },
  { name: 'nodes split by bytes', cmds: [...adds(60, 's', (i) => ['field', 'x'.repeat(50 + i)]), info(), ['XLEN', 's']] },
  { name: 'nodes split by small byte limit', config: { 'stream-node-max-bytes': '100' }, cmds: [...adds(20), info()] },
  { name: 'nodes with node max bytes zero', config: { 'stream-node-max-bytes': '0', 'stream-node-max-entries': '5' }, cmds: [...adds(20), info()] },
  { name: 'nodes with an entry bigger than a node', config: { 'stream-node-max-bytes': '50' }, cmds: [['XADD', 's', '1-0', 'f', 'x'.repeat(100)], ['XADD', 's', '2-0', 'f', 'y'], ['XADD', 's', '3-0', 'f', 'z'.repeat(60)], info()] },
  { name: 'radix tree nodes with distant ids', config: small, cmds: [['XADD', 's', '1-0', 'a', 'b'], ['XADD', 's', '1-1', 'a', 'b'], ['XADD', 's', '1-2', 'a', 'b'], ['XADD', 's', '256-0', 'a', 'b'], ['XADD', 's', '65536-0', 'a', 'b'], ['XADD', 's', '65536-1', 'a', 'b'], ['XADD', 's', '65537-0', 'a', 'b'], ['XADD', 's', `${U64}-0`, 'a', 'b'], ['XADD', 's', '18446744073709551615-1', 'a', 'b'], ['XADD', 's', '18446744073709551615-2', 'a', 'b'], info()] },
  { name: 'radix tree nodes after removing nodes', config: small, cmds: [...adds(20), ['XDEL', 's', '4-0', '5-0', '6-0', '13-0', '14-0', '15-0'], info(), ['XTRIM', 's', 'MAXLEN', '~', '8'], info()] },
  // XSETID
  { name: 'xsetid', cmds: [...adds(3), ['XSETID', 's', '99999999999999-0'], info(), ['XADD', 's', '*', 'a', 'b'], ['XADD', 's', '99999999999999-0', 'a', 'b'], ['XADD', 's', '99999999999999-*', 'a', 'b'], all()] },
  { name: 'xsetid below top', cmds: [...adds(3), ['XSETID', 's', '2-0'], ['XSETID', 's', '3-0'], ['XSETID', 's', '3'], info()] },
  { name: 'xsetid missing key', cmds: [['XSETID', 's', '1-1'], ['XSETID', 's', 'x']] },
  { name: 'xsetid options', cmds: [...adds(3), ['XSETID', 's', '5-0', 'ENTRIESADDED', '10', 'MAXDELETEDID', '4-0'], info(), ['XSETID', 's', '5-0', 'ENTRIESADDED', '2'], ['XSETID', 's', '5-0', 'ENTRIESADDED', '-1'], ['XSETID', 's', '5-0', 'ENTRIESADDED', 'x'], ['XSETID', 's', '5-0', 'MAXDELETEDID', '6-0'], ['XSETID', 's', '3-5'], info()] },
  { name: 'xsetid below max deleted', cmds: [...adds(3), ['XDEL', 's', '3-0'], ['XSETID', 's', '2-5'], ['XSETID', 's', '3-0'], info()] },
  { name: 'xsetid option errors', cmds: [...adds(1), ['XSETID', 's', '5-0', 'FOO'], ['XSETID', 's', '5-0', 'ENTRIESADDED'], ['XSETID', 's', '5-0', 'MAXDELETEDID', 'x'], ['XSETID', 's', '+'], ['XSETID', 's', '5-*'], ['XSETID', 's', '-']] },
  { name: 'xsetid on empty stream', cmds: [['XADD', 's', '5-0', 'a', 'b'], ['XDEL', 's', '5-0'], ['XSETID', 's', '1-0'], ['XSETID', 's', '5-0'], ['XSETID', 's', '6-0', 'ENTRIESADDED', '0'], info()] },
  { name: 'xsetid max id', cmds: [...adds(1), ['XSETID', 's', MAXID], ['XADD', 's', '*', 'a', 'b'], info()] },
  // XREAD
  { name: 'xread', cmds: [...adds(5), ['XREAD', 'STREAMS', 's', '0'], ['XREAD', 'COUNT', '2', 'STREAMS', 's', '2'], ['XREAD', 'STREAMS', 's', '5'], ['XREAD', 'STREAMS', 's', '$']] },
  { name: 'xread several streams', cmds: [...adds(3), ...adds(2, 't'), ['XREAD', 'COUNT', '1', 'STREAMS', 's', 'nokey', 't', '0', '0', '0'], ['XREAD', 'STREAMS', 's', 't', '3', '1-0'], ['XREAD', 'STREAMS', 's', 's', '1', '2']] },
  { name: 'xread resp3', resp3: true, cmds: [...adds(3), ...adds(2, 't'), ['XREAD', 'STREAMS', 's', 't', '1', '0'], ['XREAD', 'STREAMS', 's', '$']] },
  { name: 'xread errors', cmds: [...adds(1), ['XREAD', 'STREAMS', 's', 't', '0'], ['XREAD', 'STREAMS', 's', '>'], ['XREAD', 'STREAMS', 's', 'x'], ['XREAD', 'STREAMS', 's', '+'], ['XREAD', 'STREAMS', 's', '-'], ['XREAD', 'GROUP', 'g', 'c', 'STREAMS', 's', '0'], ['XREAD', 'NOACK', 'STREAMS', 's', '0'], ['XREAD', 'FOO', 'STREAMS', 's', '0'], ['XREAD', 'COUNT', 'x', 'STREAMS', 's', '0'], ['XREAD', 'COUNT', '-5', 'STREAMS', 's', '0'], ['XREAD', 'BLOCK', '-1', 'STREAMS', 's', '0'], ['XREAD', 'BLOCK', 'x', 'STREAMS', 's', '0'], ['XREAD', 'BLOCK', '9223372036854775807', 'STREAMS', 's', '0'], ['XREAD', 's', '0']] },
  { name: 'xread wrongtype among streams', cmds: [...adds(1), ['SET', 'k', 'v'], ['XREAD', 'STREAMS', 's', 'k', '0', '0'], ['XREAD', 'STREAMS', 's', 'nokey', '0', 'x']] },
  { name: 'xread block with data', cmds: [...adds(2), ['XREAD', 'BLOCK', '0', 'STREAMS', 's', '1'], ['XREAD', 'BLOCK', '100', 'COUNT', '1', 'STREAMS', 's', '0']] },
  { name: 'xread after deletions', cmds: [...adds(5), ['XDEL', 's', '5-0', '4-0'], ['XREAD', 'STREAMS', 's', '3-0'], ['XREAD', 'STREAMS', 's', '2-5']] },
  { name: 'xread streams keyword as key', cmds: [['XADD', 'streams', '1-1', 'a', 'b'], ['XREAD', 'STREAMS', 'streams', '0'], ['XREAD', 'COUNT', '1', 'STREAMS', 'streams', 'streams', '0', '0']] },
  // keyspace integration
  { name: 'stream type and scan type', cmds: [['XADD', 's', '1-1', 'a', 'b'], ['SET', 'k', 'v'], ['TYPE', 's'], { cmd: ['SCAN', '0', 'TYPE', 'stream'], sort: 'deep' }, ['OBJECT', 'ENCODING', 's']] },
  { name: 'copy of a stream', cmds: [...adds(3), ['XGROUP', 'CREATE', 's', 'g', '0'], ['XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', '1', 'STREAMS', 's', '>'], ['COPY', 's', 't'], ['XADD', 's', '9-0', 'x', 'y'], ['XRANGE', 't', '-', '+'], ['XINFO', 'GROUPS', 't'], ['XLEN', 's'], ['XACK', 's', 'g', '1-0'], ['XINFO', 'GROUPS', 't']] },
  { name: 'rename a stream', cmds: [...adds(2), ['RENAME', 's', 't'], ['XRANGE', 't', '-', '+'], ['EXISTS', 's'], ['XLEN', 't']] },
  { name: 'del and exists a stream', cmds: [...adds(2), ['EXISTS', 's'], ['DEL', 's'], ['EXISTS', 's'], ['XLEN', 's']] },
  { name: 'xinfo help', cmds: [['XINFO', 'HELP'], ['XGROUP', 'HELP'], ['XINFO', 'help']] },
  { name: 'xinfo stream missing key and options', cmds: [info(), ['XINFO', 'STREAM', 's', 'FULL'], ...adds(2), ['XINFO', 'STREAM', 's', 'FOO'], ['XINFO', 'STREAM', 's', 'FULL', 'COUNT'], ['XINFO', 'STREAM', 's', 'FULL', 'FOO', '1'], ['XINFO', 'STREAM', 's', 'FULL', 'COUNT', 'x'], ['XINFO', 'STREAM', 's', 'FULL', 'COUNT', '1', 'x']] },
  { name: 'xinfo stream full', cmds: [...adds(15), ['XINFO', 'STREAM', 's', 'FULL'], ['XINFO', 'STREAM', 's', 'FULL', 'COUNT', '0'], ['XINFO', 'STREAM', 's', 'FULL', 'COUNT', '-1'], ['XINFO', 'STREAM', 's', 'FULL', 'count', '3']] },
  { name: 'xinfo stream resp3', resp3: true, cmds: [...adds(3), info(), ['XINFO', 'STREAM', 's', 'FULL'], ['XDEL', 's', '1-0', '2-0', '3-0'], info()] },
  { name: 'xinfo stream empty stream', cmds: [['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM'], info(), ['XINFO', 'STREAM', 's', 'FULL']] },
  { name: 'move a stream', cmds: [...adds(2), ['MOVE', 's', '1'], ['EXISTS', 's'], ['SELECT', '1'], ['XRANGE', 's', '-', '+'], ['DEL', 's'], ['SELECT', '0']] },
  { name: 'swapdb with a stream', cmds: [...adds(2), ['SWAPDB', '0', '1'], ['XLEN', 's'], ['SELECT', '1'], ['XLEN', 's'], ['FLUSHDB'], ['SELECT', '0']] },
  { name: 'sort a stream', cmds: [...adds(2), ['SORT', 's'], ['SORT_RO', 's']] },
  { name: 'expire a stream', cmds: [...adds(2), ['EXPIRE', 's', '100'], { cmd: ['TTL', 's'], near: 1 }, ['PERSIST', 's'], ['PEXPIRE', 's', '0'], ['EXISTS', 's']] },
  { name: 'object on a stream', cmds: [...adds(2), ['OBJECT', 'ENCODING', 's'], ['OBJECT', 'REFCOUNT', 's'], ['OBJECT', 'FREQ', 's']] },
  { name: 'dump of streams', config: small, cmds: [...adds(10), ['XDEL', 's', '2-0', '5-0'], ['DUMP', 's'], ['XTRIM', 's', 'MAXLEN', '4'], ['DUMP', 's'], ['XGROUP', 'CREATE', 's', 'g', '$', 'ENTRIESREAD', '3'], ['XGROUP', 'CREATE', 'e', 'g', '0', 'MKSTREAM'], ['DUMP', 'e'], ['DUMP', 's']] },
  { name: 'dump of streams with large values', cmds: [['XADD', 's', '1-0', 'f', 'x'.repeat(63), 'g', 'y'.repeat(64)], ['XADD', 's', '2-0', 'f', 'z'.repeat(4095), 'g', 'w'.repeat(4096)], ['XADD', 's', '3-0', 'h'.repeat(200), 'v'.repeat(20000)], ['DUMP', 's'], info()] },
  { name: 'dump of a stream with negative id deltas', cmds: [['XADD', 's', '5-9', 'f', 'v'], ['XADD', 's', '6-0', 'f', 'v'], ['XADD', 's', '18446744073709551615-0', 'f', 'v'], ['XADD', 's', '18446744073709551615-18446744073709551615', 'f', 'v'], ['DUMP', 's'], info()] },
  { name: 'restore a stream dumped by redis-server', cmds: [['RESTORE', 's', '0', fromHex(REDIS_STREAM_DUMP)], ['XINFO', 'STREAM', 's', 'FULL'], ['XINFO', 'GROUPS', 's'], ['DUMP', 's'], ['RESTORE', 's', '0', fromHex(REDIS_STREAM_DUMP)], ['RESTORE', 't', '0', fromHex(REDIS_STREAM_DUMP.slice(0, -4))]] },
  ...wrongTypeCases,
  ...otherTypesOnStream,
  ...arityCases,
  ...idFormCases,
  ...rangeCases,
  ...countCases,
  ...xaddTrimCases,
  ...xtrimCases,
];
