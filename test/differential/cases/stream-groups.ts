// Stream consumer groups (t_stream.c): XGROUP (CREATE with MKSTREAM and
// ENTRIESREAD, SETID, DESTROY, CREATECONSUMER, DELCONSUMER), XREADGROUP (new
// entries, history, NOACK, COUNT), XACK, XPENDING (summary and ranges),
// XCLAIM (every option), XAUTOCLAIM (with deleted entries), and XINFO
// GROUPS/CONSUMERS/STREAM FULL with the 7.0 lag accounting. Replies that carry
// delivery times or idle times are compared by shape.
import type { Case, Cmd, Step } from '../case.ts';

const U64 = '18446744073709551615';
const shape = (cmd: Cmd): Step => ({ cmd, shape: true });
const adds = (n: number, key = 's'): Cmd[] => Array.from({ length: n }, (_, i) => ['XADD', key, `${i + 1}-0`, 'f', String(i + 1)]);
const groups = (key = 's'): Cmd => ['XINFO', 'GROUPS', key];
const create = (id = '0', group = 'g', key = 's'): Cmd => ['XGROUP', 'CREATE', key, group, id];
const read = (consumer: string, id = '>', ...opts: string[]): Cmd => ['XREADGROUP', 'GROUP', 'g', consumer, ...opts, 'STREAMS', 's', id];
const pending = (key = 's', group = 'g'): Cmd => ['XPENDING', key, group];
/** The consumers of g, without their idle times. */
const consumers = (): Step => shape(['XINFO', 'CONSUMERS', 's', 'g']);
const full = (): Step => shape(['XINFO', 'STREAM', 's', 'FULL']);

/** Lag and entries-read after a sequence of deletions and reads. */
const lagScenarios: [string, Cmd[]][] = [
  ['fresh group at 0', [...adds(5), create('0')]],
  ['group at $', [...adds(5), create('$')]],
  ['group at a middle id', [...adds(5), create('3-0')]],
  ['group with entriesread', [...adds(5), ['XGROUP', 'CREATE', 's', 'g', '2-0', 'ENTRIESREAD', '2']]],
  ['entriesread beyond the stream', [...adds(5), ['XGROUP', 'CREATE', 's', 'g', '2-0', 'ENTRIESREAD', '100']]],
  ['after reading all', [...adds(5), create('0'), read('c')]],
  ['after reading some', [...adds(5), create('0'), read('c', '>', 'COUNT', '2')]],
  ['delete first then read', [...adds(5), ['XDEL', 's', '1-0'], create('0'), read('c', '>', 'COUNT', '2')]],
  ['delete middle before group', [...adds(5), ['XDEL', 's', '3-0'], create('0'), read('c', '>', 'COUNT', '1')]],
  ['delete middle after read past it', [...adds(5), create('0'), read('c', '>', 'COUNT', '4'), ['XDEL', 's', '3-0']]],
  ['delete ahead of the group', [...adds(5), create('0'), read('c', '>', 'COUNT', '1'), ['XDEL', 's', '4-0']]],
  ['delete ahead then read past', [...adds(5), create('0'), read('c', '>', 'COUNT', '1'), ['XDEL', 's', '3-0'], read('c', '>', 'COUNT', '3')]],
  ['deletions only before the first entry', [...adds(5), ['XDEL', 's', '1-0', '2-0'], ['XGROUP', 'CREATE', 's', 'g', '0', 'ENTRIESREAD', '1']]],
  ['delete everything', [...adds(3), create('0'), ['XDEL', 's', '1-0', '2-0', '3-0']]],
  ['delete everything then add', [...adds(3), create('0'), ['XDEL', 's', '1-0', '2-0', '3-0'], ['XADD', 's', '9-0', 'a', 'b']]],
  ['trim then group', [...adds(6), ['XTRIM', 's', 'MAXLEN', '3'], create('0')]],
  ['trim after read', [...adds(6), create('0'), read('c', '>', 'COUNT', '2'), ['XTRIM', 's', 'MAXLEN', '2']]],
  ['setid back', [...adds(5), create('0'), read('c'), ['XGROUP', 'SETID', 's', 'g', '2-0']]],
  ['setid with entriesread', [...adds(5), create('0'), ['XGROUP', 'SETID', 's', 'g', '3-0', 'ENTRIESREAD', '3']]],
  ['setid to $', [...adds(5), create('0'), ['XGROUP', 'SETID', 's', 'g', '$']]],
  ['setid past the end', [...adds(5), create('0'), ['XGROUP', 'SETID', 's', 'g', '99-0']]],
  ['xsetid entries added', [...adds(3), create('0'), ['XSETID', 's', '3-0', 'ENTRIESADDED', '10', 'MAXDELETEDID', '2-0'], read('c', '>', 'COUNT', '1')]],
  ['empty stream group', [['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM']]],
  ['empty stream then entries', [['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM'], ...adds(2), read('c', '>', 'COUNT', '1')]],
  ['noack reads', [...adds(4), create('0'), read('c', '>', 'NOACK', 'COUNT', '3')]],
  ['two groups', [...adds(4), create('0', 'g'), create('$', 'h'), read('c', '>', 'COUNT', '1')]],
];
const lagCases: Case[] = lagScenarios.flatMap(([name, cmds]) => [
  { name: `lag ${name}`, cmds: [...cmds, groups(), ['XINFO', 'STREAM', 's']] },
  { name: `lag ${name} resp3`, resp3: true, cmds: [...cmds, groups()] },
]);

const xgroupErrors: (Cmd | Step)[][] = [
  [create('0')], [['SET', 's', 'x'], create('0')], [['SET', 's', 'x'], ['XGROUP', 'CREATE', 's', 'g', '0', 'MKSTREAM']],
  [...adds(1), create('x')], [...adds(1), create('+')], [...adds(1), create('-')], [...adds(1), create('5-*')], [...adds(1), create(U64)],
  [...adds(1), create('0'), create('0')], [...adds(1), ['XGROUP', 'CREATE', 's', 'g', '0', 'FOO']],
  [...adds(1), ['XGROUP', 'CREATE', 's', 'g', '0', 'ENTRIESREAD']], [...adds(1), ['XGROUP', 'CREATE', 's', 'g', '0', 'ENTRIESREAD', 'x']],
  [...adds(1), ['XGROUP', 'CREATE', 's', 'g', '0', 'ENTRIESREAD', '-2']], [...adds(1), ['XGROUP', 'CREATE', 's', 'g', '0', 'ENTRIESREAD', '-1']],
  [...adds(1), ['XGROUP', 'CREATE', 's', 'g', '0', 'MKSTREAM', 'MKSTREAM', 'MKSTREAM', 'MKSTREAM']],
  [...adds(1), ['XGROUP', 'CREATE', 's', 'g', '0', 'MKSTREAM', 'ENTRIESREAD', '1']], [['XGROUP', 'CREATE', 's', 'g', 'x', 'MKSTREAM'], ['EXISTS', 's']],
  [['XGROUP', 'SETID', 's', 'g', '0']], [...adds(1), ['XGROUP', 'SETID', 's', 'g', '0']], [...adds(1), create('0'), ['XGROUP', 'SETID', 's', 'g', 'x']],
  [...adds(1), create('0'), ['XGROUP', 'SETID', 's', 'g', '+'], groups()], [...adds(1), create('0'), ['XGROUP', 'SETID', 's', 'g', '-'], groups()],
  [...adds(1), create('0'), ['XGROUP', 'SETID', 's', 'g', '0', 'MKSTREAM']], [...adds(1), create('0'), ['XGROUP', 'SETID', 's', 'g', '0', 'ENTRIESREAD', '1', 'x']],
  [...adds(1), create('0'), ['XGROUP', 'SETID', 's', 'g', '0', 'ENTRIESREAD']], [...adds(1), create('0'), ['XGROUP', 'SETID', 's', 'g', '5']],
  [['XGROUP', 'DESTROY', 's', 'g']], [...adds(1), ['XGROUP', 'DESTROY', 's', 'g']], [...adds(1), create('0'), ['XGROUP', 'DESTROY', 's', 'g'], ['XGROUP', 'DESTROY', 's', 'g'], groups()],
  [['XGROUP', 'CREATECONSUMER', 's', 'g', 'c']], [...adds(1), ['XGROUP', 'CREATECONSUMER', 's', 'g', 'c']],
  [...adds(1), create('0'), ['XGROUP', 'CREATECONSUMER', 's', 'g', 'c'], ['XGROUP', 'CREATECONSUMER', 's', 'g', 'c'], ['XGROUP', 'CREATECONSUMER', 's', 'g', ''], consumers()],
  [['XGROUP', 'DELCONSUMER', 's', 'g', 'c']], [...adds(1), create('0'), ['XGROUP', 'DELCONSUMER', 's', 'g', 'c']],
  [...adds(3), create('0'), read('c'), ['XGROUP', 'DELCONSUMER', 's', 'g', 'c'], pending(), consumers()],
  [...adds(1), ['XGROUP', 'CREATE', 's', 'g\r\nx', '0'], ['XGROUP', 'SETID', 's', 'h\r\nx', '0'], ['XGROUP', 'SETID', 'k\x00y', 'h', '0', 'MKSTREAM'], ['XGROUP', 'FOO\nBAR', 's', 'g']],
  [['XADD', 'k\r\n', '1-1', 'a', 'b'], ['XGROUP', 'SETID', 'k\r\n', '\r\ng\x00h', '0']], [['xgroup', 'create', 's', 'g', '$', 'mkstream'], groups(), ['xgroup', 'destroy', 's', 'g']],
];
const lastCmd = (steps: (Cmd | Step)[]): Cmd => {
  const last = steps[steps.length - 1];
  return Array.isArray(last) ? last : last.cmd;
};
const xgroupCases: Case[] = xgroupErrors.map((cmds, i) => ({ name: `xgroup #${i} ${lastCmd(cmds).join(' ')}`, cmds }));

const xpendingForms: string[][] = [
  [], ['-', '+', '10'], ['-', '+', '1'], ['-', '+', '0'], ['-', '+', '-5'], ['2', '3', '10'], ['(2', '+', '10'], ['-', '(3', '10'], ['-', '+', '10', 'alice'],
  ['-', '+', '10', 'bob'], ['-', '+', '10', 'nobody'], ['IDLE', '0', '-', '+', '10'], ['IDLE', '100000000', '-', '+', '10'], ['IDLE', 'x', '-', '+', '10'],
  ['IDLE', '5', '-', '+'], ['-', '+'], ['-'], ['-', '+', 'x'], ['x', '+', '10'], ['-', 'y', '10'], ['(0-0', '+', '10'], ['-', `(0-0`, '10'],
  ['-', '+', '10', 'alice', 'extra'], ['IDLE', '0', '-', '+', '10', 'alice'], ['IDLE', '0', '-', '+', '10', 'alice', 'x'], ['idle', '-1', '-', '+', '3'],
];
const xpendingCases: Case[] = xpendingForms.map((opts) => ({
  name: `xpending ${opts.join(' ') || 'summary'}`,
  cmds: [
    ...adds(5), create('0'), read('alice', '>', 'COUNT', '2'), read('bob', '>', 'COUNT', '2'),
    // The ranges carry idle times: their shape is compared, the summary byte for byte.
    opts.length > 2 ? shape(['XPENDING', 's', 'g', ...opts]) : ['XPENDING', 's', 'g', ...opts],
    pending(),
  ],
}));

/** XCLAIM over entries 1..5 read by alice (1-3) with delivery times forced far in the past for 1 and 2. */
const claimSetup: Cmd[] = [
  ...adds(5), create('0'), read('alice', '>', 'COUNT', '3'),
  ['XCLAIM', 's', 'g', 'alice', '0', '1-0', '2-0', 'IDLE', '10000000', 'JUSTID'],
];
const xclaimForms: string[][] = [
  ['0', '1-0'], ['0', '1-0', '2-0', '3-0'], ['5000000', '1-0', '2-0', '3-0'], ['5000000', '1-0', '2-0', '3-0', 'JUSTID'], ['0', '4-0'],
  ['0', '4-0', 'FORCE'], ['0', '9-0', 'FORCE'], ['0', '1-0', 'RETRYCOUNT', '7'], ['0', '1-0', 'JUSTID', 'RETRYCOUNT', '7'],
  ['0', '1-0', 'IDLE', '5000000', 'JUSTID'], ['0', '1-0', 'TIME', '1', 'JUSTID'], ['0', '1-0', 'TIME', '99999999999999', 'JUSTID'],
  ['0', '1-0', 'IDLE', '-5', 'JUSTID'], ['0', '1-0', 'LASTID', '4-0', 'JUSTID'], ['0', '1-0', 'LASTID', '1-0'], ['0', 'LASTID', '9-0'],
  ['0', '1-0', 'FOO'], ['0', '1-0', 'IDLE'], ['0', '1-0', 'IDLE', 'x'], ['0', '1-0', 'TIME', 'x'], ['0', '1-0', 'RETRYCOUNT', 'x'],
  ['0', '1-0', 'LASTID', 'x'], ['x', '1-0'], ['-5', '1-0', 'JUSTID'], ['0', '1', '2', 'JUSTID'], ['0', '1-0', 'x', '2-0'], ['0', '+'],
  ['0', '1-0', 'force', 'justid'], ['0', '1-0', '1-0', 'JUSTID'], ['0', '1-0', 'RETRYCOUNT', '-1', 'JUSTID'], ['0'],
];
const xclaimCases: Case[] = xclaimForms.map((opts) => ({
  name: `xclaim ${opts.join(' ')}`,
  cmds: [...claimSetup, ['XCLAIM', 's', 'g', 'bob', ...opts], pending(), consumers(), groups()],
}));

const autoclaimSetup: Cmd[] = [...adds(8), create('0'), read('alice', '>', 'COUNT', '6'), ['XCLAIM', 's', 'g', 'alice', '0', '1-0', '2-0', '3-0', 'IDLE', '10000000', 'JUSTID']];
const xautoclaimForms: string[][] = [
  ['0', '0'], ['0', '0', 'COUNT', '2'], ['0', '0', 'COUNT', '1', 'JUSTID'], ['5000000', '0'], ['5000000', '0', 'JUSTID'], ['0', '3-0'], ['0', '(3-0'],
  ['0', '(3-0', 'COUNT', '1'], ['0', '9-0'], ['0', '0', 'COUNT', '0'], ['0', '0', 'COUNT', '-1'], ['0', '0', 'COUNT', 'x'],
  ['0', '0', 'COUNT', '576460752303423487'], ['0', '0', 'COUNT', '576460752303423488'], ['0', '0', 'COUNT', '4398046511104'], ['0', '0', 'COUNT', '4398046511105'], ['0', '0', 'FOO'], ['x', '0'], ['0', 'x'], ['0', `(${U64}-${U64}`],
  ['-1', '0', 'JUSTID'], ['0', '-'], ['0', '+'], ['0', '0', 'COUNT'], ['0', '0', 'justid', 'count', '3'],
];
const xautoclaimCases: Case[] = xautoclaimForms.flatMap((opts) => [
  { name: `xautoclaim ${opts.join(' ')}`, cmds: [...autoclaimSetup, ['XAUTOCLAIM', 's', 'g', 'bob', ...opts], pending(), consumers()] },
  { name: `xautoclaim after xdel ${opts.join(' ')}`, cmds: [...autoclaimSetup, ['XDEL', 's', '2-0', '4-0'], ['XAUTOCLAIM', 's', 'g', 'bob', ...opts], pending(), consumers()] },
]);

export const cases: Case[] = [
  { name: 'xgroup create and xreadgroup', cmds: [...adds(3), create('0'), read('c'), read('c'), pending(), groups(), consumers()] },
  { name: 'xreadgroup count', cmds: [...adds(5), create('0'), read('c', '>', 'COUNT', '2'), read('c', '>', 'COUNT', '2'), read('c', '>', 'COUNT', '2'), read('c', '>', 'COUNT', '2'), pending()] },
  { name: 'xreadgroup history', cmds: [...adds(5), create('0'), read('c', '>', 'COUNT', '3'), read('c', '0'), read('c', '2-0'), read('c', '0', 'COUNT', '1'), read('d', '0'), pending()] },
  { name: 'xreadgroup history after xdel', cmds: [...adds(5), create('0'), read('c', '>', 'COUNT', '3'), ['XDEL', 's', '2-0'], read('c', '0'), pending()] },
  { name: 'xreadgroup history resp3', resp3: true, cmds: [...adds(5), create('0'), read('c', '>', 'COUNT', '3'), ['XDEL', 's', '2-0'], read('c', '0'), read('c', '>')] },
  { name: 'xreadgroup history after xack', cmds: [...adds(3), create('0'), read('c'), ['XACK', 's', 'g', '1-0', '3-0'], read('c', '0'), pending()] },
  { name: 'xreadgroup noack', cmds: [...adds(3), create('0'), read('c', '>', 'NOACK'), pending(), groups(), consumers()] },
  { name: 'xreadgroup after setid back', cmds: [...adds(3), create('0'), read('c'), ['XGROUP', 'SETID', 's', 'g', '0'], read('d', '>', 'COUNT', '2'), pending(), shape(['XPENDING', 's', 'g', '-', '+', '10', 'c']), shape(['XPENDING', 's', 'g', '-', '+', '10'])] },
  { name: 'xreadgroup several streams', cmds: [...adds(3), ...adds(2, 't'), create('0'), create('0', 'g', 't'), ['XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', '2', 'STREAMS', 's', 't', '>', '>'], ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', 't', '>', '0']] },
  { name: 'xreadgroup serving nothing creates no consumer', cmds: [...adds(1), create('$'), read('c'), groups(), read('c', '0'), groups(), read('d', '>', 'NOACK'), groups()] },
  { name: 'xreadgroup nothing new', cmds: [...adds(1), create('$'), read('c'), read('c', '0'), consumers()] },
  { name: 'xreadgroup errors', cmds: [...adds(1), create('0'), ['XREADGROUP', 'STREAMS', 's', '>'], ['XREADGROUP', 'GROUP', 'x', 'c', 'STREAMS', 's', '>'], ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 'nokey', '>'], read('c', '$'), read('c', 'x'), read('c', '+'), ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's'], ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', 't', '>'], ['XREADGROUP', 'GROUP', 'g', 'STREAMS', 's', '>'], ['XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', 'x', 'STREAMS', 's', '>'], ['XREADGROUP', 'GROUP', 'g', 'c', 'FOO', 'STREAMS', 's', '>'], ['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '-1', 'STREAMS', 's', '>'], ['XREADGROUP', 'GROUP', 'g\r\n', 'c', 'STREAMS', 'k\x00x', '>'], consumers()] },
  { name: 'xreadgroup max id is the new entries id', cmds: [...adds(2), create('0'), read('c', `${U64}-${U64}`), read('c', `${U64}-${U64}`)] },
  { name: 'xreadgroup wrongtype', cmds: [['SET', 'k', 'v'], ...adds(1), create('0'), ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', 'k', '>', '>']] },
  { name: 'xreadgroup block with data', cmds: [...adds(2), create('0'), read('c', '>', 'BLOCK', '0'), read('c', '0', 'BLOCK', '10')] },
  { name: 'xack', cmds: [...adds(4), create('0'), read('c'), ['XACK', 's', 'g', '1-0', '2-0', '2-0', '9-0'], ['XACK', 's', 'g', '3'], pending(), ['XACK', 's', 'g', 'x', '4-0'], pending()] },
  { name: 'xack missing key or group', cmds: [['XACK', 's', 'g', '1-0'], ['XACK', 's', 'g', 'x'], ...adds(1), ['XACK', 's', 'g', 'x'], create('0'), ['XACK', 's', 'g', 'x'], ['XACK', 's', 'g', '+'], ['XACK', 's', 'g', '1-*']] },
  { name: 'xpending missing key or group', cmds: [pending(), ['XPENDING', 's', 'g', '-', '+', '10'], ['XPENDING', 's', 'g', 'x', '+', '10'], ...adds(1), pending(), ['SET', 'k', 'v'], pending('k')] },
  { name: 'xpending empty group', cmds: [...adds(1), create('0'), pending(), ['XPENDING', 's', 'g', '-', '+', '10']] },
  { name: 'xpending summary resp3', resp3: true, cmds: [...adds(3), create('0'), pending(), read('c', '>', 'COUNT', '2'), read('d'), pending()] },
  { name: 'xpending binary consumer names', cmds: [...adds(3), create('0'), read('\x00\xff', '>', 'COUNT', '1'), read('', '>', 'COUNT', '1'), read('B', '>', 'COUNT', '1'), pending(), consumers()] },
  { name: 'xinfo groups order', cmds: [...adds(1), create('0', 'zed'), create('0', 'alpha'), create('0', 'Mid'), create('0', ''), create('0', '\xff'), groups()] },
  { name: 'xinfo consumers order and errors', cmds: [...adds(2), create('0'), read('zed', '>', 'COUNT', '1'), read('alpha'), consumers(), ['XINFO', 'CONSUMERS', 's', 'nogroup'], ['XINFO', 'CONSUMERS', 'nokey', 'g'], ['XINFO', 'GROUPS', 'nokey']] },
  { name: 'xinfo stream full with groups', cmds: [...adds(4), create('0'), create('$', 'h'), read('c', '>', 'COUNT', '3'), ['XACK', 's', 'g', '2-0'], full(), shape(['XINFO', 'STREAM', 's', 'FULL', 'COUNT', '1']), ['XINFO', 'STREAM', 's']] },
  { name: 'xinfo stream full with groups resp3', resp3: true, cmds: [...adds(4), create('0'), read('c', '>', 'COUNT', '3'), full(), groups(), consumers()] },
  { name: 'xclaim missing key or group', cmds: [['XCLAIM', 's', 'g', 'c', '0', '1-0'], ...adds(1), ['XCLAIM', 's', 'g', 'c', '0', '1-0'], ['XCLAIM', 's', 'g', 'c', 'x', '1-0']] },
  { name: 'xautoclaim missing key or group', cmds: [['XAUTOCLAIM', 's', 'g', 'c', '0', '0'], ['XAUTOCLAIM', 's', 'g', 'c', 'x', '0'], ...adds(1), ['XAUTOCLAIM', 's', 'g', 'c', '0', '0'], ['SET', 'k', 'v'], ['XAUTOCLAIM', 'k', 'g', 'c', '0', '0'], ['XAUTOCLAIM', 'k', 'g', 'c', '0', 'x']] },
  { name: 'xautoclaim cursor walk', cmds: [...autoclaimSetup, ['XAUTOCLAIM', 's', 'g', 'bob', '0', '0', 'COUNT', '2', 'JUSTID'], ['XAUTOCLAIM', 's', 'g', 'bob', '0', '3-0', 'COUNT', '2', 'JUSTID'], ['XAUTOCLAIM', 's', 'g', 'bob', '0', '5-0', 'COUNT', '2', 'JUSTID'], pending()] },
  { name: 'xautoclaim resp3', resp3: true, cmds: [...autoclaimSetup, ['XDEL', 's', '1-0'], ['XAUTOCLAIM', 's', 'g', 'bob', '0', '0', 'COUNT', '3']] },
  { name: 'xclaim resp3', resp3: true, cmds: [...claimSetup, ['XCLAIM', 's', 'g', 'bob', '0', '1-0', '2-0'], ['XDEL', 's', '3-0'], ['XCLAIM', 's', 'g', 'bob', '0', '3-0']] },
  { name: 'xclaim of a deleted entry drops it', cmds: [...claimSetup, ['XDEL', 's', '2-0'], ['XCLAIM', 's', 'g', 'bob', '0', '1-0', '2-0', 'JUSTID'], pending()] },
  { name: 'group survives xtrim', cmds: [...adds(5), create('0'), read('c'), ['XTRIM', 's', 'MAXLEN', '0'], pending(), read('c', '0'), groups(), ['XINFO', 'STREAM', 's']] },
  { name: 'del stream with groups', cmds: [...adds(2), create('0'), read('c'), ['DEL', 's'], pending(), ['XADD', 's', '1-0', 'a', 'b'], groups()] },
  ...lagCases,
  ...xgroupCases,
  ...xpendingCases,
  ...xclaimCases,
  ...xautoclaimCases,
];
