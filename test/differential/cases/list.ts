// List commands (t_list.c, non-blocking): every command, option and error path,
// RESP2/RESP3 null shapes, WRONGTYPE both ways, OBJECT ENCODING.
import type { Case, Cmd } from '../case.ts';

const BINARY = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
const LLONG_MAX = '9223372036854775807';
const LLONG_MIN = '-9223372036854775808';
const all = (k: string): Cmd => ['LRANGE', k, '0', '-1'];
const abcde: Cmd = ['RPUSH', 'l', 'a', 'b', 'c', 'd', 'e'];

/** Each entry: [name, commands] on a fresh db; RESP3 variants added where shapes differ. */
const basic: [string, Cmd[]][] = [
  ['lpush order', [['LPUSH', 'l', 'a', 'b', 'c'], all('l'), ['LLEN', 'l']]],
  ['rpush order', [['RPUSH', 'l', 'a', 'b', 'c'], all('l'), ['LLEN', 'l']]],
  ['lpush then rpush', [['LPUSH', 'l', 'x'], ['RPUSH', 'l', 'y'], ['LPUSH', 'l', 'w'], all('l')]],
  ['lpushx missing', [['LPUSHX', 'l', 'a'], ['EXISTS', 'l'], ['RPUSHX', 'l', 'a', 'b'], ['EXISTS', 'l']]],
  ['pushx existing', [['RPUSH', 'l', 'm'], ['LPUSHX', 'l', 'a', 'b'], ['RPUSHX', 'l', 'y', 'z'], all('l')]],
  ['push empty and binary', [['RPUSH', 'l', '', BINARY, '\x00'], all('l'), ['LLEN', 'l'], ['LINDEX', 'l', '1']]],
  ['push integers', [['RPUSH', 'l', '1', '-1', LLONG_MAX, LLONG_MIN, '007', '1.5'], all('l')]],
  ['llen missing', [['LLEN', 'nokey']]],
  ['object encoding small', [['RPUSH', 'l', 'a'], ['OBJECT', 'ENCODING', 'l']]],
  ['object encoding big', [['RPUSH', 'l', ...Array.from({ length: 300 }, (_, i) => `e${i}`)], ['OBJECT', 'ENCODING', 'l'], ['LLEN', 'l']]],
  ['object encoding long element', [['RPUSH', 'l', 'x'.repeat(10000)], ['OBJECT', 'ENCODING', 'l']]],
  ['lindex', [abcde, ['LINDEX', 'l', '0'], ['LINDEX', 'l', '4'], ['LINDEX', 'l', '-1'], ['LINDEX', 'l', '-5'], ['LINDEX', 'l', '5'], ['LINDEX', 'l', '-6']]],
  ['lindex edges', [abcde, ['LINDEX', 'l', LLONG_MAX], ['LINDEX', 'l', LLONG_MIN], ['LINDEX', 'l', 'x'], ['LINDEX', 'l', '1.0'], ['LINDEX', 'l', '']]],
  ['lindex missing key before index', [['LINDEX', 'nokey', 'abc'], ['LINDEX', 'nokey', '0']]],
  ['lset', [abcde, ['LSET', 'l', '0', 'A'], ['LSET', 'l', '-1', 'E'], ['LSET', 'l', '2', ''], all('l')]],
  ['lset out of range', [abcde, ['LSET', 'l', '5', 'x'], ['LSET', 'l', '-6', 'x'], ['LSET', 'l', LLONG_MIN, 'x']]],
  ['lset no such key', [['LSET', 'nokey', '0', 'x'], ['LSET', 'nokey', 'abc', 'x'], ['EXISTS', 'nokey']]],
  ['lset bad index', [abcde, ['LSET', 'l', 'abc', 'x'], ['LSET', 'l', '1e2', 'x']]],
  ['lrange forms', [abcde, ['LRANGE', 'l', '0', '0'], ['LRANGE', 'l', '1', '3'], ['LRANGE', 'l', '-2', '-1'], ['LRANGE', 'l', '-100', '100'], ['LRANGE', 'l', '3', '1'], ['LRANGE', 'l', '5', '10'], ['LRANGE', 'l', '-1', '-2']]],
  ['lrange huge', [abcde, ['LRANGE', 'l', LLONG_MIN, LLONG_MAX], ['LRANGE', 'l', '0', LLONG_MIN], ['LRANGE', 'l', LLONG_MAX, '0']]],
  ['lrange bad', [abcde, ['LRANGE', 'l', 'a', '1'], ['LRANGE', 'l', '0', '9223372036854775808'], ['LRANGE', 'nokey', 'x', '1'], ['LRANGE', 'nokey', '0', '1']]],
  ['ltrim', [abcde, ['LTRIM', 'l', '1', '-2'], all('l'), ['LTRIM', 'l', '1', '1'], all('l')]],
  ['ltrim to empty deletes', [abcde, ['LTRIM', 'l', '3', '1'], ['EXISTS', 'l'], ['RPUSH', 'l', 'a'], ['LTRIM', 'l', '5', '10'], ['EXISTS', 'l']]],
  ['ltrim forms', [abcde, ['LTRIM', 'l', '-3', '100'], all('l'), ['LTRIM', 'l', '-100', '-2'], all('l'), ['LTRIM', 'l', '0', '-1'], all('l')]],
  ['ltrim missing and bad', [['LTRIM', 'nokey', '0', '1'], ['LTRIM', 'nokey', 'x', '1'], abcde, ['LTRIM', 'l', '0', 'x'], ['LTRIM', 'l', LLONG_MIN, LLONG_MAX], all('l')]],
  ['lrem positive', [['RPUSH', 'l', 'a', 'b', 'a', 'c', 'a'], ['LREM', 'l', '2', 'a'], all('l')]],
  ['lrem negative', [['RPUSH', 'l', 'a', 'b', 'a', 'c', 'a'], ['LREM', 'l', '-2', 'a'], all('l')]],
  ['lrem zero', [['RPUSH', 'l', 'a', 'b', 'a', 'c', 'a'], ['LREM', 'l', '0', 'a'], all('l')]],
  ['lrem none', [['RPUSH', 'l', 'a', 'b'], ['LREM', 'l', '0', 'z'], ['LREM', 'l', '1', 'A'], all('l')]],
  ['lrem all deletes', [['RPUSH', 'l', 'x', 'x'], ['LREM', 'l', '0', 'x'], ['EXISTS', 'l']]],
  ['lrem edges', [['RPUSH', 'l', 'x', 'y', 'x'], ['LREM', 'l', LLONG_MIN, 'x'], all('l'), ['LREM', 'l', 'abc', 'y'], ['LREM', 'nokey', '1', 'x'], ['LREM', 'nokey', 'abc', 'x']]],
  ['lrem integers compare as bytes', [['RPUSH', 'l', '1', '01', '1.0', '1'], ['LREM', 'l', '0', '1'], all('l')]],
  ['linsert before after', [['RPUSH', 'l', 'a', 'c'], ['LINSERT', 'l', 'BEFORE', 'c', 'b'], ['LINSERT', 'l', 'after', 'c', 'd'], ['LINSERT', 'l', 'before', 'a', '0'], all('l')]],
  ['linsert first pivot', [['RPUSH', 'l', 'p', 'x', 'p'], ['LINSERT', 'l', 'AFTER', 'p', 'n'], all('l')]],
  ['linsert missing pivot', [['RPUSH', 'l', 'a'], ['LINSERT', 'l', 'BEFORE', 'z', 'b'], all('l')]],
  ['linsert missing key', [['LINSERT', 'nokey', 'BEFORE', 'z', 'b'], ['EXISTS', 'nokey']]],
  ['linsert bad where', [['RPUSH', 'l', 'a'], ['LINSERT', 'l', 'MIDDLE', 'a', 'b'], ['LINSERT', 'nokey', 'x', 'a', 'b']]],
  ['linsert middle of long list', [['RPUSH', 'l', ...Array.from({ length: 50 }, (_, i) => String(i))], ['LINSERT', 'l', 'AFTER', '25', 'mid'], ['LINSERT', 'l', 'BEFORE', '10', 'ten'], ['LRANGE', 'l', '8', '30'], ['LLEN', 'l']]],
  ['lpop single', [abcde, ['LPOP', 'l'], ['RPOP', 'l'], all('l')]],
  ['lpop count', [abcde, ['LPOP', 'l', '2'], ['RPOP', 'l', '2'], all('l')]],
  ['lpop count beyond', [abcde, ['RPOP', 'l', '10'], ['EXISTS', 'l']]],
  ['lpop count zero', [abcde, ['LPOP', 'l', '0'], ['RPOP', 'l', '0'], ['LLEN', 'l']]],
  ['lpop missing', [['LPOP', 'nokey'], ['LPOP', 'nokey', '1'], ['LPOP', 'nokey', '0'], ['RPOP', 'nokey'], ['RPOP', 'nokey', '3']]],
  ['lpop bad count', [abcde, ['LPOP', 'l', '-1'], ['LPOP', 'l', 'abc'], ['RPOP', 'l', LLONG_MIN], ['LPOP', 'nokey', '-1']]],
  ['lpop count huge', [abcde, ['LPOP', 'l', LLONG_MAX]]],
  ['lpop arity', [abcde, ['LPOP', 'l', '1', '2'], ['RPOP', 'l', '1', '2'], ['LPOP']]],
  ['lpop last deletes', [['RPUSH', 'l', 'a'], ['LPOP', 'l'], ['EXISTS', 'l'], ['LPOP', 'l']]],
  ['lmove all directions', [abcde, ['LMOVE', 'l', 'd', 'LEFT', 'LEFT'], ['LMOVE', 'l', 'd', 'LEFT', 'RIGHT'], ['LMOVE', 'l', 'd', 'right', 'left'], ['LMOVE', 'l', 'd', 'right', 'right'], all('l'), all('d')]],
  ['lmove same key rotate', [abcde, ['LMOVE', 'l', 'l', 'LEFT', 'RIGHT'], ['LMOVE', 'l', 'l', 'RIGHT', 'LEFT'], ['LMOVE', 'l', 'l', 'LEFT', 'LEFT'], all('l')]],
  ['lmove single element same key', [['RPUSH', 'l', 'x'], ['LMOVE', 'l', 'l', 'LEFT', 'RIGHT'], all('l')]],
  ['lmove last element', [['RPUSH', 'l', 'x'], ['LMOVE', 'l', 'd', 'LEFT', 'RIGHT'], ['EXISTS', 'l'], all('d')]],
  ['lmove missing source', [['LMOVE', 'nokey', 'd', 'LEFT', 'RIGHT'], ['EXISTS', 'd']]],
  ['lmove bad where', [abcde, ['LMOVE', 'l', 'd', 'UP', 'RIGHT'], ['LMOVE', 'l', 'd', 'LEFT', 'DOWN'], ['LMOVE', 'nokey', 'd', 'x', 'y']]],
  ['rpoplpush', [abcde, ['RPOPLPUSH', 'l', 'd'], ['RPOPLPUSH', 'l', 'd'], ['RPOPLPUSH', 'l', 'l'], all('l'), all('d'), ['RPOPLPUSH', 'nokey', 'd']]],
  ['lmpop left', [abcde, ['LMPOP', '1', 'l', 'LEFT'], ['LMPOP', '1', 'l', 'LEFT', 'COUNT', '2'], all('l')]],
  ['lmpop right', [abcde, ['LMPOP', '1', 'l', 'RIGHT', 'COUNT', '3'], all('l')]],
  ['lmpop first nonempty', [['RPUSH', 'b', '1', '2'], ['LMPOP', '3', 'a', 'b', 'c', 'right', 'count', '10'], ['EXISTS', 'b']]],
  ['lmpop all missing', [['LMPOP', '2', 'a', 'b', 'LEFT'], ['LMPOP', '1', 'a', 'RIGHT', 'COUNT', '5']]],
  ['lmpop numkeys errors', [['LMPOP', '0', 'a', 'LEFT'], ['LMPOP', '-1', 'a', 'LEFT'], ['LMPOP', 'abc', 'a', 'LEFT'], ['LMPOP', '3', 'a', 'LEFT'], ['LMPOP', '2', 'a', 'LEFT']]],
  ['lmpop count errors', [abcde, ['LMPOP', '1', 'l', 'LEFT', 'COUNT', '0'], ['LMPOP', '1', 'l', 'LEFT', 'COUNT', '-1'], ['LMPOP', '1', 'l', 'LEFT', 'COUNT', 'x'], ['LMPOP', '1', 'l', 'LEFT', 'COUNT']]],
  ['lmpop syntax', [abcde, ['LMPOP', '1', 'l', 'UP'], ['LMPOP', '1', 'l', 'LEFT', 'COUNT', '1', 'COUNT', '1'], ['LMPOP', '1', 'l', 'LEFT', 'FOO'], ['LLEN', 'l']]],
  ['lmpop wrongtype before later list', [['SET', 's', 'x'], ['RPUSH', 'l', 'a'], ['LMPOP', '2', 's', 'l', 'LEFT'], ['LMPOP', '2', 'l', 's', 'LEFT'], ['LMPOP', '2', 'nokey', 's', 'LEFT']]],
  ['lmpop count huge', [abcde, ['LMPOP', '1', 'l', 'LEFT', 'COUNT', LLONG_MAX]]],
  ['lpos basic', [['RPUSH', 'l', 'a', 'b', 'c', 'a', 'b', 'a'], ['LPOS', 'l', 'a'], ['LPOS', 'l', 'b'], ['LPOS', 'l', 'z']]],
  ['lpos rank', [['RPUSH', 'l', 'a', 'b', 'c', 'a', 'b', 'a'], ['LPOS', 'l', 'a', 'RANK', '2'], ['LPOS', 'l', 'a', 'RANK', '3'], ['LPOS', 'l', 'a', 'RANK', '4'], ['LPOS', 'l', 'a', 'RANK', '-1'], ['LPOS', 'l', 'a', 'RANK', '-3'], ['LPOS', 'l', 'a', 'RANK', '-4']]],
  ['lpos count', [['RPUSH', 'l', 'a', 'b', 'c', 'a', 'b', 'a'], ['LPOS', 'l', 'a', 'COUNT', '0'], ['LPOS', 'l', 'a', 'COUNT', '2'], ['LPOS', 'l', 'a', 'COUNT', '2', 'RANK', '-1'], ['LPOS', 'l', 'a', 'RANK', '2', 'COUNT', '5'], ['LPOS', 'l', 'z', 'COUNT', '1']]],
  ['lpos maxlen', [['RPUSH', 'l', 'a', 'b', 'c', 'a', 'b', 'a'], ['LPOS', 'l', 'a', 'MAXLEN', '3', 'COUNT', '0'], ['LPOS', 'l', 'c', 'MAXLEN', '2'], ['LPOS', 'l', 'a', 'RANK', '-1', 'MAXLEN', '1', 'COUNT', '0'], ['LPOS', 'l', 'a', 'MAXLEN', '0', 'COUNT', '0']]],
  ['lpos rank errors', [['RPUSH', 'l', 'a'], ['LPOS', 'l', 'a', 'RANK', '0'], ['LPOS', 'l', 'a', 'RANK', 'x'], ['LPOS', 'l', 'a', 'RANK', LLONG_MAX], ['LPOS', 'l', 'a', 'RANK', '9223372036854775808']]],
  ['lpos rank long min', [['RPUSH', 'l', 'a', 'b', 'a', 'c', 'a'], ['LPOS', 'l', 'a', 'RANK', LLONG_MIN], ['LPOS', 'l', 'a', 'RANK', LLONG_MIN, 'COUNT', '1'], ['LPOS', 'l', 'a', 'RANK', '-9223372036854775807', 'COUNT', '1']]],
  ['lpos count maxlen errors', [['RPUSH', 'l', 'a'], ['LPOS', 'l', 'a', 'COUNT', '-1'], ['LPOS', 'l', 'a', 'COUNT', 'x'], ['LPOS', 'l', 'a', 'MAXLEN', '-1'], ['LPOS', 'l', 'a', 'MAXLEN', 'y'], ['LPOS', 'l', 'a', 'FOO', '1'], ['LPOS', 'l', 'a', 'RANK']]],
  ['lpos missing key', [['LPOS', 'nokey', 'a'], ['LPOS', 'nokey', 'a', 'COUNT', '0'], ['LPOS', 'nokey', 'a', 'RANK', '0']]],
  ['lpos binary', [['RPUSH', 'l', '\x00', '', BINARY, ''], ['LPOS', 'l', '', 'COUNT', '0'], ['LPOS', 'l', BINARY], ['LPOS', 'l', '\x00\x00']]],
  ['list emptied by pops recreated', [['RPUSH', 'l', 'a'], ['RPOP', 'l'], ['LPUSHX', 'l', 'b'], ['LPUSH', 'l', 'c'], all('l')]],
  ['list ttl kept on push, lost on emptying', [['RPUSH', 'l', 'a', 'b'], ['EXPIRE', 'l', '1000'], ['RPUSH', 'l', 'c'], ['TTL', 'l'], ['LPOP', 'l', '3'], ['RPUSH', 'l', 'x'], ['TTL', 'l']]],
  ['type and copy', [abcde, ['TYPE', 'l'], ['COPY', 'l', 'c'], ['LPOP', 'c'], all('l'), all('c'), ['OBJECT', 'ENCODING', 'c']]],
  ['rename list', [abcde, ['RENAME', 'l', 'm'], all('m'), ['EXISTS', 'l']]],
];

const arity: Cmd[] = [
  ['LPUSH', 'l'], ['RPUSH'], ['LPUSHX', 'l'], ['RPUSHX', 'l'], ['LPOP'], ['RPOP'], ['LLEN'], ['LLEN', 'a', 'b'],
  ['LINDEX', 'l'], ['LSET', 'l', '0'], ['LRANGE', 'l', '0'], ['LTRIM', 'l', '0'], ['LREM', 'l', '0'],
  ['LINSERT', 'l', 'BEFORE', 'a'], ['LPOS', 'l'], ['LMOVE', 'a', 'b', 'LEFT'], ['RPOPLPUSH', 'a'], ['LMPOP', '1', 'a'],
  ['LMPOP', '1'], ['LINDEX', 'l', '0', '1'],
];

const WRONGTYPE_LIST_CMDS: Cmd[] = [
  ['LPUSH', 's', 'a'], ['RPUSH', 's', 'a'], ['LPUSHX', 's', 'a'], ['RPUSHX', 's', 'a'], ['LPOP', 's'], ['RPOP', 's', '2'],
  ['LPOP', 's', '0'], ['LLEN', 's'], ['LINDEX', 's', '0'], ['LINDEX', 's', 'x'], ['LSET', 's', '0', 'x'], ['LSET', 's', 'x', 'x'],
  ['LRANGE', 's', '0', '-1'], ['LTRIM', 's', '0', '1'], ['LREM', 's', '0', 'x'], ['LINSERT', 's', 'BEFORE', 'a', 'b'],
  ['LPOS', 's', 'x'], ['LMOVE', 's', 'l', 'LEFT', 'LEFT'], ['LMOVE', 'l', 's', 'LEFT', 'LEFT'], ['RPOPLPUSH', 's', 'l'],
  ['RPOPLPUSH', 'l', 's'], ['LMPOP', '1', 's', 'LEFT'],
];

const WRONGTYPE_STRING_CMDS: Cmd[] = [
  ['GET', 'l'], ['APPEND', 'l', 'x'], ['INCR', 'l'], ['STRLEN', 'l'], ['GETRANGE', 'l', '0', '1'], ['SETRANGE', 'l', '0', 'x'],
  ['INCRBYFLOAT', 'l', '1'], ['GETDEL', 'l'], ['GETEX', 'l'], ['GETSET', 'l', 'x'], ['MGET', 'l', 's'], ['LCS', 'l', 's'],
];

export const cases: Case[] = [
  ...basic.map(([name, cmds]): Case => ({ name: `list ${name}`, cmds })),
  ...basic.filter(([name]) => /pop|lpos|lmove|rpoplpush|lindex|missing/.test(name))
    .map(([name, cmds]): Case => ({ name: `list ${name} resp3`, cmds, resp3: true })),
  { name: 'list arity errors', cmds: arity },
  ...WRONGTYPE_LIST_CMDS.map((cmd): Case => ({
    name: `list wrongtype ${cmd.join(' ')}`,
    cmds: [['SET', 's', 'str'], ['RPUSH', 'l', 'a'], cmd, ['GET', 's'], all('l')],
  })),
  ...WRONGTYPE_STRING_CMDS.map((cmd): Case => ({
    name: `list string command on a list ${cmd.join(' ')}`,
    cmds: [['SET', 's', 'str'], ['RPUSH', 'l', 'a'], cmd, all('l')],
  })),
  { name: 'list set overwrites list', cmds: [['RPUSH', 'l', 'a'], ['SET', 'l', 'x'], ['TYPE', 'l'], ['GET', 'l']] },
  {
    name: 'list encoding with list-max-listpack-size 1',
    config: { 'list-max-listpack-size': '1' },
    cmds: [['RPUSH', 'l', 'a', 'b', 'c'], ['OBJECT', 'ENCODING', 'l'], ['LINSERT', 'l', 'AFTER', 'b', 'x'], all('l'), ['LINDEX', 'l', '2']],
  },
  {
    name: 'list encoding with list-max-ziplist-size -5',
    config: { 'list-max-ziplist-size': '-5' },
    cmds: [['RPUSH', 'l', 'a'], ['OBJECT', 'ENCODING', 'l'], ['CONFIG', 'GET', 'list-max-listpack-size']],
  },
];
