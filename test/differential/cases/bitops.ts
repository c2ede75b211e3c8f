// Bitmap commands (bitops.c): SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP,
// BITFIELD, BITFIELD_RO — ranges, units, error order, encodings, overflows.
import type { Case, Cmd } from '../case.ts';

const BINARY = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
const LLONG_MAX = '9223372036854775807';
const LLONG_MIN = '-9223372036854775808';
const enc = (key: string): Cmd => ['OBJECT', 'ENCODING', key];

/** A value with leading zero bytes, a middle pattern and trailing 0xff bytes. */
const MIXED = '\x00\x00\x0f\xf0\xaa\x55\xff\xff';

const RANGES: [string, string][] = [
  ['0', '0'], ['0', '-1'], ['1', '3'], ['-2', '-1'], ['-1', '-2'], ['5', '2'], ['-100', '100'], ['100', '200'],
  ['0', '63'], ['3', '20'], ['-9', '-3'], ['7', '7'], ['8', '15'], [LLONG_MIN, LLONG_MAX], ['-9223372036854775807', LLONG_MIN],
];

const bitcountCases: Case[] = RANGES.flatMap(([s, e]) => [
  { name: `bitcount byte ${s} ${e}`, cmds: [['SET', 'k', MIXED], ['BITCOUNT', 'k', s, e], ['BITCOUNT', 'k', s, e, 'BYTE']] },
  { name: `bitcount bit ${s} ${e}`, cmds: [['SET', 'k', MIXED], ['BITCOUNT', 'k', s, e, 'BIT'], ['BITCOUNT', 'k', s, e, 'bit']] },
]);

const BITPOS_VALUES: [string, string][] = [
  ['mixed', MIXED], ['all ones', '\xff\xff\xff'], ['all zeros', '\x00\x00\x00'], ['one byte', '\x10'], ['empty', ''],
];

const bitposCases: Case[] = BITPOS_VALUES.flatMap(([label, v]) => [
  {
    name: `bitpos ${label} whole`,
    cmds: [['SET', 'k', v], ['BITPOS', 'k', '0'], ['BITPOS', 'k', '1']],
  },
  {
    name: `bitpos ${label} start only`,
    cmds: [['SET', 'k', v], ...['0', '1', '2', '-1', '-3', '10', '-100'].flatMap((s): Cmd[] => [['BITPOS', 'k', '0', s], ['BITPOS', 'k', '1', s]])],
  },
  {
    name: `bitpos ${label} byte ranges`,
    cmds: [['SET', 'k', v], ...RANGES.flatMap(([s, e]): Cmd[] => [['BITPOS', 'k', '0', s, e], ['BITPOS', 'k', '1', s, e, 'BYTE']])],
  },
  {
    name: `bitpos ${label} bit ranges`,
    cmds: [['SET', 'k', v], ...RANGES.flatMap(([s, e]): Cmd[] => [['BITPOS', 'k', '0', s, e, 'BIT'], ['BITPOS', 'k', '1', s, e, 'bit']])],
  },
]);

const BITFIELD_TYPES = ['i1', 'u1', 'i5', 'u5', 'i8', 'u8', 'i13', 'u16', 'i32', 'u31', 'i63', 'u63', 'i64'];
const bitfieldTypeCases: Case[] = BITFIELD_TYPES.map((t) => ({
  name: `bitfield type ${t}`,
  cmds: [
    ['SET', 'k', MIXED],
    ['BITFIELD', 'k', 'GET', t, '0', 'GET', t, '3', 'GET', t, '#1', 'GET', t, '60'],
    ['BITFIELD', 'k', 'SET', t, '5', '-1', 'GET', t, '5'],
    ['BITFIELD', 'k', 'INCRBY', t, '7', '1', 'INCRBY', t, '7', '-3'],
    ['BITFIELD', 'k', 'OVERFLOW', 'SAT', 'INCRBY', t, '9', LLONG_MAX, 'INCRBY', t, '9', LLONG_MIN],
    ['BITFIELD', 'k', 'OVERFLOW', 'WRAP', 'INCRBY', t, '11', LLONG_MAX, 'INCRBY', t, '11', LLONG_MIN],
    ['BITFIELD', 'k', 'OVERFLOW', 'FAIL', 'INCRBY', t, '13', LLONG_MAX, 'INCRBY', t, '13', '1'],
    ['GET', 'k'],
  ],
}));

const OVERFLOW_SETS: string[] = ['0', '1', '-1', '127', '128', '-128', '-129', '255', '256', LLONG_MAX, LLONG_MIN];
const bitfieldSetOverflowCases: Case[] = ['WRAP', 'SAT', 'FAIL'].map((ow) => ({
  name: `bitfield set overflow ${ow}`,
  cmds: OVERFLOW_SETS.flatMap((v): Cmd[] => [
    ['BITFIELD', 'k', 'OVERFLOW', ow, 'SET', 'i8', '0', v, 'GET', 'i8', '0'],
    ['BITFIELD', 'k', 'OVERFLOW', ow, 'SET', 'u8', '8', v, 'GET', 'u8', '8'],
    ['BITFIELD', 'k', 'OVERFLOW', ow, 'SET', 'i64', '16', v, 'GET', 'i64', '16'],
    ['BITFIELD', 'k', 'OVERFLOW', ow, 'SET', 'u63', '80', v, 'GET', 'u63', '80'],
  ]),
}));

const arityCases: Case[] = [
  ['SETBIT', 'k', '0'], ['GETBIT', 'k'], ['BITCOUNT'], ['BITPOS', 'k'], ['BITOP', 'AND', 'd'], ['BITFIELD'],
  ['BITFIELD_RO'], ['SETBIT', 'k', '0', '1', '2'], ['GETBIT', 'k', '0', '1'],
].map((cmd) => ({ name: `arity ${cmd.join(' ')}`, cmds: [cmd] }));

export const cases: Case[] = [
  // SETBIT / GETBIT
  { name: 'setbit creates and grows', cmds: [['SETBIT', 'k', '7', '1'], ['GET', 'k'], ['SETBIT', 'k', '100', '1'], ['STRLEN', 'k'], ['GET', 'k'], enc('k')] },
  { name: 'setbit returns old bit', cmds: [['SETBIT', 'k', '3', '1'], ['SETBIT', 'k', '3', '1'], ['SETBIT', 'k', '3', '0'], ['SETBIT', 'k', '3', '0'], ['GET', 'k']] },
  { name: 'setbit bad offsets', cmds: [['SETBIT', 'k', '-1', '1'], ['SETBIT', 'k', 'x', '1'], ['SETBIT', 'k', '1.5', '1'], ['SETBIT', 'k', '', '1'], ['SETBIT', 'k', '4294967296', '1'], ['SETBIT', 'k', LLONG_MAX, '1'], ['SETBIT', 'k', '99999999999999999999', '1'], ['EXISTS', 'k']] },
  { name: 'setbit bad values', cmds: [['SETBIT', 'k', '0', '2'], ['SETBIT', 'k', '0', '-1'], ['SETBIT', 'k', '0', 'x'], ['SETBIT', 'k', '0', ''], ['SETBIT', 'k', '0', '01'], ['SETBIT', 'k', '0', LLONG_MAX], ['EXISTS', 'k']] },
  { name: 'setbit error order', cmds: [['LPUSH', 'l', 'a'], ['SETBIT', 'l', 'x', '5'], ['SETBIT', 'l', '0', '5'], ['SETBIT', 'l', '0', '1']] },
  { name: 'setbit offset limit with small proto-max-bulk-len', config: { 'proto-max-bulk-len': '1048576' }, cmds: [['SETBIT', 'k', '8388608', '1'], ['SETBIT', 'k', '8388607', '1'], ['STRLEN', 'k'], ['GETBIT', 'k', '8388607'], ['GETBIT', 'k', '8388608']] },
  { name: 'setbit on int encoded', cmds: [['SET', 'k', '123'], enc('k'), ['SETBIT', 'k', '7', '0'], ['GET', 'k'], enc('k'), ['SET', 'j', '5'], ['SETBIT', 'j', '0', '0'], enc('j'), ['GET', 'j']] },
  { name: 'setbit on embstr', cmds: [['SET', 'k', 'abc'], enc('k'), ['SETBIT', 'k', '0', '0'], enc('k'), ['GET', 'k']] },
  { name: 'setbit keeps ttl', cmds: [['SET', 'k', 'abc', 'EX', '1000'], ['SETBIT', 'k', '100', '1'], { cmd: ['TTL', 'k'], near: 1 }] },
  { name: 'setbit binary and empty key', cmds: [['SETBIT', BINARY, '9', '1'], ['GET', BINARY], ['SETBIT', '', '0', '1'], ['GET', ''], ['GETBIT', '', '0']] },
  { name: 'setbit all bits of a byte', cmds: [...Array.from({ length: 8 }, (_, i): Cmd => ['SETBIT', 'k', String(i), String(i % 2)]), ['GET', 'k'], ['BITCOUNT', 'k']] },
  { name: 'setbit unchanged and grown', cmds: [['SETBIT', 'k', '7', '1'], ['SETBIT', 'k', '7', '1'], ['SETBIT', 'k', '3', '0'], ['SETBIT', 'k', '20', '0'], ['SETBIT', 'k', '20', '0']] },
  { name: 'getbit', cmds: [['SET', 'k', '\x80\x01'], ['GETBIT', 'k', '0'], ['GETBIT', 'k', '1'], ['GETBIT', 'k', '15'], ['GETBIT', 'k', '16'], ['GETBIT', 'k', '4294967295'], ['GETBIT', 'nokey', '0']] },
  { name: 'getbit errors', cmds: [['GETBIT', 'k', '-1'], ['GETBIT', 'k', 'x'], ['GETBIT', 'k', '4294967296'], ['LPUSH', 'l', 'a'], ['GETBIT', 'l', '0'], ['GETBIT', 'l', '-1']] },
  { name: 'getbit int encoded', cmds: [['SET', 'k', '12'], ['GETBIT', 'k', '2'], ['GETBIT', 'k', '3'], ['GETBIT', 'k', '15'], ['GETBIT', 'k', '16'], enc('k')] },
  // BITCOUNT
  { name: 'bitcount whole', cmds: [['SET', 'k', 'foobar'], ['BITCOUNT', 'k'], ['SET', 'b', BINARY], ['BITCOUNT', 'b'], ['BITCOUNT', 'nokey'], ['SET', 'e', ''], ['BITCOUNT', 'e']] },
  { name: 'bitcount missing key skips argument checks', cmds: [['BITCOUNT', 'nokey', 'a', 'b'], ['BITCOUNT', 'nokey', '0', '1', 'foo'], ['BITCOUNT', 'nokey', '0'], ['BITCOUNT', 'nokey', '0', '1', '2', '3']] },
  { name: 'bitcount syntax errors', cmds: [['SET', 'k', 'foobar'], ['BITCOUNT', 'k', '0'], ['BITCOUNT', 'k', '0', '1', 'foo'], ['BITCOUNT', 'k', '0', '1', 'BIT', 'x'], ['BITCOUNT', 'k', 'a', '1'], ['BITCOUNT', 'k', '0', 'b'], ['BITCOUNT', 'k', 'a', '1', 'foo'], ['BITCOUNT', 'k', '0', '1', 'bit\0x'], ['BITCOUNT', 'k', '0', '1', '']] },
  { name: 'bitcount wrongtype', cmds: [['LPUSH', 'l', 'a'], ['BITCOUNT', 'l'], ['BITCOUNT', 'l', 'a', 'b'], ['BITCOUNT', 'l', '0']] },
  { name: 'bitcount int encoded', cmds: [['SET', 'k', '-12345'], ['BITCOUNT', 'k'], ['BITCOUNT', 'k', '1', '2'], ['BITCOUNT', 'k', '3', '30', 'BIT'], enc('k')] },
  { name: 'bitcount long string', cmds: [['SET', 'k', BINARY.repeat(9)], ['BITCOUNT', 'k'], ['BITCOUNT', 'k', '13', '2000'], ['BITCOUNT', 'k', '13', '2000', 'BIT'], ['BITCOUNT', 'k', '-1000', '-3', 'BIT']] },
  ...bitcountCases,
  // BITPOS
  { name: 'bitpos missing key', cmds: [['BITPOS', 'nokey', '0'], ['BITPOS', 'nokey', '1'], ['BITPOS', 'nokey', '1', 'a'], ['BITPOS', 'nokey', '0', '1', '2', 'foo'], ['BITPOS', 'nokey', '1', '1', '2', '3', '4']] },
  { name: 'bitpos bit argument', cmds: [['SET', 'k', 'a'], ['BITPOS', 'k', '2'], ['BITPOS', 'k', '-1'], ['BITPOS', 'k', 'x'], ['BITPOS', 'k', ''], ['BITPOS', 'k', '01'], ['BITPOS', 'nokey', '2'], ['BITPOS', 'k', LLONG_MAX]] },
  { name: 'bitpos syntax errors', cmds: [['SET', 'k', 'abc'], ['BITPOS', 'k', '0', 'x'], ['BITPOS', 'k', '0', '0', 'x'], ['BITPOS', 'k', '0', '0', 'x', 'foo'], ['BITPOS', 'k', '0', '0', '1', 'foo'], ['BITPOS', 'k', '0', '0', '1', 'BIT', 'x'], ['BITPOS', 'k', '1', '0', '1', 'byte\0z']] },
  { name: 'bitpos wrongtype', cmds: [['LPUSH', 'l', 'a'], ['BITPOS', 'l', '1'], ['BITPOS', 'l', '3'], ['BITPOS', 'l', '1', 'a']] },
  { name: 'bitpos int encoded', cmds: [['SET', 'k', '7'], ['BITPOS', 'k', '1'], ['BITPOS', 'k', '0', '0', '0', 'BIT'], ['BITPOS', 'k', '1', '4', '7', 'BIT']] },
  { name: 'bitpos long string', cmds: [['SET', 'k', `${'\x00'.repeat(100)}\x01${'\xff'.repeat(50)}`], ['BITPOS', 'k', '1'], ['BITPOS', 'k', '0', '100'], ['BITPOS', 'k', '0', '101'], ['BITPOS', 'k', '0', '101', '-1'], ['BITPOS', 'k', '1', '806', '-1', 'BIT']] },
  ...bitposCases,
  // BITOP
  { name: 'bitop and or xor', cmds: [['SET', 'a', 'foobar'], ['SET', 'b', 'abcdef'], ['BITOP', 'AND', 'd', 'a', 'b'], ['GET', 'd'], ['BITOP', 'OR', 'd', 'a', 'b'], ['GET', 'd'], ['BITOP', 'XOR', 'd', 'a', 'b'], ['GET', 'd'], enc('d')] },
  { name: 'bitop not', cmds: [['SET', 'a', BINARY], ['BITOP', 'NOT', 'd', 'a'], ['GET', 'd'], ['BITOP', 'not', 'a', 'a'], ['GET', 'a']] },
  { name: 'bitop different lengths', cmds: [['SET', 'a', '\xff\xff\xff\xff'], ['SET', 'b', '\x0f'], ['BITOP', 'AND', 'd', 'a', 'b'], ['GET', 'd'], ['BITOP', 'OR', 'd', 'b', 'a'], ['GET', 'd'], ['BITOP', 'XOR', 'd', 'a', 'b', 'a'], ['GET', 'd']] },
  { name: 'bitop missing keys', cmds: [['SET', 'a', 'abc'], ['BITOP', 'AND', 'd', 'a', 'nokey'], ['GET', 'd'], ['BITOP', 'OR', 'd', 'nokey', 'a'], ['GET', 'd'], ['BITOP', 'NOT', 'd', 'nokey'], ['EXISTS', 'd']] },
  { name: 'bitop empty result deletes dest', cmds: [['SET', 'd', 'x', 'EX', '100'], ['BITOP', 'AND', 'd', 'n1', 'n2'], ['EXISTS', 'd'], ['BITOP', 'AND', 'd', 'n1'], ['EXISTS', 'd'], ['SET', 'e', ''], ['LPUSH', 'dl', 'x'], ['BITOP', 'OR', 'dl', 'e'], ['EXISTS', 'dl']] },
  { name: 'bitop overwrites other types and ttl', cmds: [['LPUSH', 'd', 'x'], ['SET', 'a', 'q'], ['BITOP', 'OR', 'd', 'a'], ['TYPE', 'd'], ['GET', 'd'], ['SET', 'd', 'z', 'EX', '100'], ['BITOP', 'OR', 'd', 'a'], ['TTL', 'd']] },
  { name: 'bitop errors', cmds: [['SET', 'a', 'abc'], ['BITOP', 'NOT', 'd', 'a', 'a'], ['BITOP', 'FOO', 'd', 'a'], ['BITOP', 'ANDX', 'd', 'a'], ['BITOP', '', 'd', 'a'], ['LPUSH', 'l', 'x'], ['BITOP', 'AND', 'd', 'a', 'l'], ['BITOP', 'NOT', 'd', 'l'], ['EXISTS', 'd']] },
  { name: 'bitop op name up to nul and case', cmds: [['SET', 'a', 'abc'], ['BITOP', 'and\0x', 'd', 'a'], ['GET', 'd'], ['BITOP', 'xOr', 'd', 'a', 'a'], ['GET', 'd'], ['BITOP', 'Not', 'd', 'a'], ['GET', 'd']] },
  { name: 'bitop int and long values', cmds: [['SET', 'a', '12345'], ['SET', 'b', BINARY.repeat(3)], ['BITOP', 'XOR', 'd', 'a', 'b'], ['GET', 'd'], ['BITOP', 'AND', 'd', 'b', 'b'], ['STRLEN', 'd'], enc('d')] },
  { name: 'bitop dest is a source', cmds: [['SET', 'a', 'ab'], ['BITOP', 'OR', 'a', 'a', 'nokey'], ['GET', 'a'], ['BITOP', 'XOR', 'a', 'a', 'a'], ['GET', 'a']] },
  // BITFIELD
  { name: 'bitfield basic', cmds: [['BITFIELD', 'k', 'SET', 'u8', '0', '255', 'GET', 'u8', '0', 'GET', 'i8', '0', 'INCRBY', 'u8', '0', '10'], ['GET', 'k'], enc('k')] },
  { name: 'bitfield hash offsets', cmds: [['BITFIELD', 'k', 'SET', 'u8', '#1', '65', 'SET', 'u8', '#0', '66', 'GET', 'u16', '#0', 'GET', 'i4', '#3'], ['GET', 'k']] },
  { name: 'bitfield hash offset wraps', cmds: [['SET', 's', 'hello'], ['BITFIELD', 's', 'GET', 'i64', '#288230376151711744'], ['BITFIELD', 's', 'SET', 'i64', '#288230376151711744', '5'], ['GET', 's'], ['BITFIELD', 's', 'GET', 'i8', '#288230376151711744']] },
  { name: 'bitfield bad offsets', cmds: [['BITFIELD', 'k', 'GET', 'i64', '#-1'], ['BITFIELD', 'k', 'GET', 'i8', '#'], ['BITFIELD', 'k', 'GET', 'i8', '##1'], ['BITFIELD', 'k', 'GET', 'i8', '-1'], ['BITFIELD', 'k', 'GET', 'i8', '4294967296'], ['BITFIELD', 'k', 'GET', 'i8', '4294967295'], ['BITFIELD', 'k', 'SET', 'i8', 'x', '1']] },
  { name: 'bitfield bad types', cmds: [['BITFIELD', 'k', 'GET', 'u64', '0'], ['BITFIELD', 'k', 'GET', 'i65', '0'], ['BITFIELD', 'k', 'GET', 'i0', '0'], ['BITFIELD', 'k', 'GET', 'u', '0'], ['BITFIELD', 'k', 'GET', '', '0'], ['BITFIELD', 'k', 'GET', 'x8', '0'], ['BITFIELD', 'k', 'GET', 'I8', '0'], ['BITFIELD', 'k', 'GET', 'i08', '0'], ['BITFIELD', 'k', 'GET', 'i-1', '0'], ['BITFIELD', 'k', 'GET', 'u8\0x', '0']] },
  { name: 'bitfield syntax errors', cmds: [['BITFIELD', 'k', 'GET', 'i8'], ['BITFIELD', 'k', 'OVERFLOW'], ['BITFIELD', 'k', 'INCRBY', 'i8', '0'], ['BITFIELD', 'k', 'FOO'], ['BITFIELD', 'k', 'SET', 'i8', '0'], ['BITFIELD', 'k', 'GET', 'i8', '0', 'BAR', 'x'], ['BITFIELD', 'k', 'OVERFLOW', 'FOO'], ['BITFIELD', 'k', 'get\0x', 'u8', '0'], ['EXISTS', 'k']] },
  { name: 'bitfield value errors', cmds: [['BITFIELD', 'k', 'SET', 'i8', '0', 'x'], ['BITFIELD', 'k', 'INCRBY', 'i8', '0', '1.5'], ['BITFIELD', 'k', 'SET', 'i8', '0', '99999999999999999999'], ['BITFIELD', 'k', 'GET', 'i8', '0', 'SET', 'i8', '0', 'x'], ['EXISTS', 'k']] },
  { name: 'bitfield empty and overflow only', cmds: [['BITFIELD', 'k'], ['BITFIELD', 'k', 'OVERFLOW', 'SAT'], ['BITFIELD', 'k', 'overflow', 'wrap', 'OVERFLOW', 'fail'], ['EXISTS', 'k'], ['BITFIELD', 'k', 'SET', 'u1', '0', '0'], ['GET', 'k']] },
  { name: 'bitfield wrongtype', cmds: [['LPUSH', 'l', 'a'], ['BITFIELD', 'l'], ['BITFIELD', 'l', 'GET', 'u1', '0'], ['BITFIELD', 'l', 'SET', 'u1', '0', '1'], ['BITFIELD', 'l', 'SET', 'u1', '0', 'x'], ['BITFIELD_RO', 'l'], ['BITFIELD_RO', 'l', 'GET', 'u8', '0']] },
  { name: 'bitfield fail leaves padding', cmds: [['SET', 'k', 'a'], ['BITFIELD', 'k', 'OVERFLOW', 'FAIL', 'INCRBY', 'u8', '100', '1000'], ['STRLEN', 'k'], ['BITFIELD', 'n', 'OVERFLOW', 'FAIL', 'SET', 'u2', '0', '9'], ['GET', 'n']] },
  { name: 'bitfield overflow per operation', cmds: [['BITFIELD', 'k', 'SET', 'u8', '0', '250', 'INCRBY', 'u8', '0', '10', 'OVERFLOW', 'SAT', 'INCRBY', 'u8', '0', '250', 'OVERFLOW', 'FAIL', 'INCRBY', 'u8', '0', '1', 'INCRBY', 'u8', '0', '-1', 'OVERFLOW', 'WRAP', 'INCRBY', 'u8', '0', '2']] },
  { name: 'bitfield signed underflow', cmds: [['BITFIELD', 'k', 'SET', 'i8', '0', '-128', 'INCRBY', 'i8', '0', '-1', 'OVERFLOW', 'SAT', 'INCRBY', 'i8', '0', '-200', 'OVERFLOW', 'FAIL', 'INCRBY', 'i8', '0', '-1']] },
  { name: 'bitfield i64 edges', cmds: [['BITFIELD', 'k', 'SET', 'i64', '0', LLONG_MAX, 'INCRBY', 'i64', '0', '1', 'INCRBY', 'i64', '0', LLONG_MIN, 'OVERFLOW', 'SAT', 'INCRBY', 'i64', '0', LLONG_MIN, 'INCRBY', 'i64', '0', LLONG_MAX, 'INCRBY', 'i64', '0', LLONG_MAX]] },
  { name: 'bitfield unsigned u63 edges', cmds: [['BITFIELD', 'k', 'SET', 'u63', '1', LLONG_MAX, 'GET', 'u63', '1', 'INCRBY', 'u63', '1', '1', 'OVERFLOW', 'SAT', 'INCRBY', 'u63', '1', LLONG_MIN, 'INCRBY', 'u63', '1', LLONG_MAX, 'INCRBY', 'u63', '1', '1']] },
  { name: 'bitfield unaligned across bytes', cmds: [['SET', 'k', BINARY.slice(0, 20)], ['BITFIELD', 'k', 'GET', 'u13', '3', 'GET', 'i27', '9', 'SET', 'i19', '21', '-12345', 'GET', 'u63', '17', 'INCRBY', 'u31', '33', '99999'], ['GET', 'k']] },
  { name: 'bitfield get past the end', cmds: [['SET', 'k', '\xff'], ['BITFIELD', 'k', 'GET', 'u8', '4', 'GET', 'i16', '0', 'GET', 'u8', '100', 'GET', 'i64', '1']] },
  { name: 'bitfield unchanged writes', cmds: [['BITFIELD', 'k', 'SET', 'u8', '0', '0'], ['BITFIELD', 'k', 'SET', 'u8', '0', '0', 'INCRBY', 'u8', '0', '0'], ['BITFIELD', 'k', 'SET', 'u8', '0', '0', 'INCRBY', 'u8', '0', '1', 'SET', 'u4', '0', '15']] },
  { name: 'bitfield on int encoded', cmds: [['SET', 'n', '123'], ['BITFIELD', 'n', 'GET', 'u8', '0'], enc('n'), ['BITFIELD', 'n', 'SET', 'u8', '0', '49'], enc('n'), ['GET', 'n']] },
  { name: 'bitfield keeps ttl', cmds: [['SET', 'k', 'a', 'EX', '1000'], ['BITFIELD', 'k', 'SET', 'u8', '16', '1'], { cmd: ['TTL', 'k'], near: 1 }, ['GET', 'k']] },
  { name: 'bitfield signed set huge negative saturates high', cmds: [['BITFIELD', 'k', 'OVERFLOW', 'SAT', 'SET', 'i8', '0', LLONG_MIN, 'GET', 'i8', '0', 'SET', 'i8', '0', LLONG_MAX, 'GET', 'i8', '0']] },
  { name: 'bitfield resp3', resp3: true, cmds: [['BITFIELD', 'k', 'OVERFLOW', 'FAIL', 'SET', 'u2', '0', '9', 'GET', 'u2', '0']] },
  { name: 'bitfield_ro', cmds: [['SET', 's', 'hello'], ['BITFIELD_RO', 's', 'GET', 'i8', '0', 'OVERFLOW', 'FAIL', 'GET', 'u4', '4'], ['BITFIELD_RO', 's'], ['BITFIELD_RO', 'nokey', 'GET', 'u8', '0'], ['EXISTS', 'nokey']] },
  { name: 'bitfield_ro refuses writes', cmds: [['SET', 's', 'hello'], ['BITFIELD_RO', 's', 'GET', 'i8', '0', 'SET', 'i8', '0', '1'], ['BITFIELD_RO', 's', 'INCRBY', 'i8', '0', '1'], ['BITFIELD_RO', 's', 'SET', 'i8', '0', 'x'], ['BITFIELD_RO', 's', 'FOO'], ['GET', 's']] },
  ...bitfieldTypeCases,
  ...bitfieldSetOverflowCases,
  ...arityCases,
];
