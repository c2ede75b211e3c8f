// Set commands (t_set.c): every command, the intset/hashtable encodings and
// their thresholds, the order of results (intsets and intset-built results are
// sorted; hash tables are compared sorted), random commands where the result is
// determined, error paths, RESP3 set replies, and WRONGTYPE both ways.
import type { Case, Cmd, Step } from '../case.ts';

const BINARY = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
const LLONG_MAX = '9223372036854775807';
const LLONG_MIN = '-9223372036854775808';

const enc = (key: string): Cmd => ['OBJECT', 'ENCODING', key];
const sorted = (cmd: Cmd): Step => ({ cmd, sort: true });
const shape = (cmd: Cmd): Step => ({ cmd, shape: true });
const ints = (from: number, n: number): string[] => Array.from({ length: n }, (_, i) => String(from + i));
const small = { 'set-max-intset-entries': '4' };

/** Every set command with valid arguments on key `s` (which holds a string in the WRONGTYPE cases). */
const SET_COMMANDS_ON_S: Cmd[] = [
  ['SADD', 's', 'a'], ['SREM', 's', 'a'], ['SCARD', 's'], ['SISMEMBER', 's', 'a'], ['SMISMEMBER', 's', 'a'],
  ['SMEMBERS', 's'], ['SPOP', 's'], ['SPOP', 's', '2'], ['SPOP', 's', '0'], ['SRANDMEMBER', 's'], ['SRANDMEMBER', 's', '2'],
  ['SRANDMEMBER', 's', '0'], ['SINTER', 's'], ['SINTER', 'nokey', 's'], ['SINTERCARD', '1', 's'], ['SINTERSTORE', 'd', 's'],
  ['SUNION', 's'], ['SUNIONSTORE', 'd', 's'], ['SDIFF', 's'], ['SDIFF', 'nokey', 's'], ['SDIFFSTORE', 'd', 's'],
  ['SMOVE', 's', 'd', 'a'], ['SMOVE', 'd', 's', 'a'], ['SSCAN', 's', '0'],
];

const wrongTypeCases: Case[] = SET_COMMANDS_ON_S.map((cmd) => ({
  name: `set wrongtype ${cmd.join(' ')}`,
  cmds: [['SET', 's', 'x'], ['SADD', 'd', 'a'], cmd, ['GET', 's'], sorted(['SMEMBERS', 'd'])],
}));

/** String commands against a set key. */
const stringOnSetCases: Case[] = [
  ['GET', 's'], ['APPEND', 's', 'x'], ['INCR', 's'], ['STRLEN', 's'], ['GETRANGE', 's', '0', '1'], ['SETRANGE', 's', '0', 'x'],
  ['GETSET', 's', 'x'], ['INCRBYFLOAT', 's', '1'], ['GETDEL', 's'], ['LCS', 's', 's'], ['MGET', 's', 'nokey'],
].map((cmd) => ({ name: `string command on a set: ${cmd[0]}`, cmds: [['SADD', 's', '1', 'a'], cmd, ['TYPE', 's']] }));

const arityCases: Case[] = [
  ['SADD', 's'], ['SREM', 's'], ['SCARD'], ['SCARD', 's', 't'], ['SISMEMBER', 's'], ['SMISMEMBER', 's'], ['SMEMBERS'],
  ['SPOP'], ['SRANDMEMBER'], ['SINTER'], ['SINTERCARD', '1'], ['SINTERSTORE', 'd'], ['SUNION'], ['SUNIONSTORE', 'd'],
  ['SDIFF'], ['SDIFFSTORE', 'd'], ['SMOVE', 's', 'd'], ['SSCAN', 's'],
].map((cmd) => ({ name: `set arity ${cmd.join(' ')}`, cmds: [cmd] }));

export const cases: Case[] = [
  // SADD / SREM / SCARD / SISMEMBER / SMISMEMBER
  { name: 'sadd intset sorted', cmds: [['SADD', 's', '3', '1', '2', '-5', '10'], ['SMEMBERS', 's'], enc('s'), ['SCARD', 's']] },
  { name: 'sadd duplicates counted once', cmds: [['SADD', 's', 'a', 'a', 'b'], ['SADD', 's', 'a'], ['SCARD', 's']] },
  { name: 'sadd int64 edges', cmds: [['SADD', 's', LLONG_MAX, LLONG_MIN, '0', '-1'], ['SMEMBERS', 's'], enc('s')] },
  { name: 'sadd beyond int64 is a string', cmds: [['SADD', 's', '9223372036854775808'], enc('s'), ['SMEMBERS', 's']] },
  { name: 'sadd non canonical ints are strings', cmds: [['SADD', 's', '1'], ['SADD', 's', '01'], enc('s'), sorted(['SMEMBERS', 's'])] },
  { name: 'sadd +1 and -0 are strings', cmds: [['SADD', 's', '+1'], enc('s'), ['SADD', 't', '-0'], enc('t'), ['SADD', 'u', ' 1'], enc('u')] },
  { name: 'sadd first member string', cmds: [['SADD', 's', 'x', '1', '2'], enc('s'), sorted(['SMEMBERS', 's'])] },
  { name: 'sadd converts on string', cmds: [['SADD', 's', '1', '2'], enc('s'), ['SADD', 's', 'x'], enc('s'), sorted(['SMEMBERS', 's'])] },
  { name: 'sadd intset limit', config: small, cmds: [['SADD', 's', '1', '2', '3', '4'], enc('s'), ['SADD', 's', '5'], enc('s'), sorted(['SMEMBERS', 's'])] },
  { name: 'sadd intset limit in one call', config: small, cmds: [['SADD', 's', ...ints(1, 5)], enc('s')] },
  { name: 'sadd intset limit zero', config: { 'set-max-intset-entries': '0' }, cmds: [['SADD', 's', '1'], enc('s'), ['SMEMBERS', 's']] },
  { name: 'sadd default intset limit 512', cmds: [['SADD', 's', ...ints(0, 512)], enc('s'), ['SADD', 's', '512'], enc('s'), ['SCARD', 's']] },
  { name: 'srem does not convert back', config: small, cmds: [['SADD', 's', ...ints(1, 6)], ['SREM', 's', '1', '2', '3', '4'], enc('s'), sorted(['SMEMBERS', 's'])] },
  { name: 'srem string from intset', cmds: [['SADD', 's', '1', '2'], ['SREM', 's', 'x', '1'], enc('s'), ['SMEMBERS', 's']] },
  { name: 'sadd binary and empty', cmds: [['SADD', 's', BINARY, '', '\x00'], ['SCARD', 's'], ['SISMEMBER', 's', BINARY], ['SISMEMBER', 's', ''], sorted(['SMEMBERS', 's'])] },
  { name: 'sadd empty key name', cmds: [['SADD', '', 'a'], ['SMEMBERS', ''], ['TYPE', '']] },
  { name: 'srem', cmds: [['SADD', 's', 'a', 'b', 'c'], ['SREM', 's', 'a', 'x', 'a'], ['SCARD', 's'], ['SREM', 'nokey', 'a']] },
  { name: 'srem last member deletes the key', cmds: [['SADD', 's', 'a', 'b'], ['SREM', 's', 'a', 'b', 'c'], ['EXISTS', 's'], ['TYPE', 's']] },
  { name: 'srem int from hashtable', cmds: [['SADD', 's', 'a', '1', '2'], ['SREM', 's', '1'], sorted(['SMEMBERS', 's'])] },
  { name: 'srem keeps ttl', cmds: [['SADD', 's', 'a', 'b'], ['EXPIRE', 's', '100'], ['SREM', 's', 'a'], { cmd: ['TTL', 's'], near: 1 }] },
  { name: 'sismember', cmds: [['SADD', 's', '1', 'a'], ['SISMEMBER', 's', '1'], ['SISMEMBER', 's', 'a'], ['SISMEMBER', 's', 'b'], ['SISMEMBER', 'nokey', 'a']] },
  { name: 'sismember intset non int', cmds: [['SADD', 's', '1', '2'], ['SISMEMBER', 's', '01'], ['SISMEMBER', 's', '1.0'], ['SISMEMBER', 's', 'x'], ['SISMEMBER', 's', LLONG_MAX]] },
  { name: 'smismember', cmds: [['SADD', 's', '1', 'a'], ['SMISMEMBER', 's', '1', 'b', 'a', 'a'], ['SMISMEMBER', 'nokey', 'a', 'b']] },
  { name: 'smismember resp3', resp3: true, cmds: [['SADD', 's', 'a'], ['SMISMEMBER', 's', 'a', 'b'], ['SISMEMBER', 's', 'a']] },
  { name: 'scard', cmds: [['SCARD', 'nokey'], ['SADD', 's', 'a', 'b', '1'], ['SCARD', 's']] },
  { name: 'smembers missing', cmds: [['SMEMBERS', 'nokey']] },
  { name: 'smembers resp3', resp3: true, cmds: [['SMEMBERS', 'nokey'], ['SADD', 's', '5', '1', '3'], ['SMEMBERS', 's']] },
  { name: 'smembers hashtable resp3', resp3: true, cmds: [['SADD', 's', 'b', 'a', 'c'], sorted(['SMEMBERS', 's'])] },
  { name: 'set type and object', cmds: [['SADD', 's', '1'], ['TYPE', 's'], ['OBJECT', 'REFCOUNT', 's'], ['EXISTS', 's']] },
  // SMOVE
  { name: 'smove', cmds: [['SADD', 's', 'a', 'b'], ['SMOVE', 's', 'd', 'a'], ['SMEMBERS', 's'], ['SMEMBERS', 'd'], enc('d')] },
  { name: 'smove int creates intset', cmds: [['SADD', 's', 'a', '1'], ['SMOVE', 's', 'd', '1'], enc('d'), ['SMEMBERS', 'd']] },
  { name: 'smove missing member', cmds: [['SADD', 's', 'a'], ['SMOVE', 's', 'd', 'x'], ['EXISTS', 'd']] },
  { name: 'smove missing source', cmds: [['SMOVE', 'nokey', 'd', 'x'], ['SET', 'str', 'v'], ['SMOVE', 'nokey', 'str', 'x'], ['EXISTS', 'd']] },
  { name: 'smove last member deletes source', cmds: [['SADD', 's', 'a'], ['SMOVE', 's', 'd', 'a'], ['EXISTS', 's'], ['SMEMBERS', 'd']] },
  { name: 'smove already in destination', cmds: [['SADD', 's', 'a', 'b'], ['SADD', 'd', 'a'], ['SMOVE', 's', 'd', 'a'], ['SMEMBERS', 's'], ['SMEMBERS', 'd']] },
  { name: 'smove same key', cmds: [['SADD', 's', 'a'], ['SMOVE', 's', 's', 'a'], ['SMOVE', 's', 's', 'b'], ['SMEMBERS', 's']] },
  { name: 'smove string into intset converts', cmds: [['SADD', 's', 'x'], ['SADD', 'd', '1'], ['SMOVE', 's', 'd', 'x'], enc('d'), sorted(['SMEMBERS', 'd'])] },
  { name: 'smove into full intset converts', config: small, cmds: [['SADD', 's', '9'], ['SADD', 'd', ...ints(1, 4)], ['SMOVE', 's', 'd', '9'], enc('d')] },
  { name: 'smove binary', cmds: [['SADD', 's', BINARY], ['SMOVE', 's', BINARY, BINARY], ['SMEMBERS', BINARY]] },
  // SPOP
  { name: 'spop missing', cmds: [['SPOP', 'nokey'], ['SPOP', 'nokey', '3'], ['SPOP', 'nokey', '0']] },
  { name: 'spop single member', cmds: [['SADD', 's', 'a'], ['SPOP', 's'], ['EXISTS', 's'], ['SPOP', 's']] },
  { name: 'spop count whole intset sorted', cmds: [['SADD', 's', '5', '3', '9', '1'], ['SPOP', 's', '4'], ['EXISTS', 's']] },
  { name: 'spop count beyond size', cmds: [['SADD', 's', '5', '3', '-9'], ['SPOP', 's', '100'], ['EXISTS', 's']] },
  { name: 'spop count huge', cmds: [['SADD', 's', '5', '3'], ['SPOP', 's', LLONG_MAX], ['EXISTS', 's']] },
  { name: 'spop count whole hashtable', cmds: [['SADD', 's', 'a', 'b', 'c'], sorted(['SPOP', 's', '3']), ['EXISTS', 's']] },
  { name: 'spop count zero', cmds: [['SADD', 's', 'a'], ['SPOP', 's', '0'], ['SCARD', 's']] },
  { name: 'spop count errors', cmds: [['SADD', 's', 'a'], ['SPOP', 's', '-1'], ['SPOP', 's', 'x'], ['SPOP', 's', '1.5'], ['SPOP', 's', LLONG_MIN], ['SPOP', 's', '1', '2'], ['SCARD', 's']] },
  { name: 'spop count error before type', cmds: [['SET', 's', 'x'], ['SPOP', 's', '-1'], ['SPOP', 'nokey', 'x']] },
  { name: 'spop partial counts', cmds: [['SADD', 's', ...ints(1, 10)], shape(['SPOP', 's', '3']), ['SCARD', 's'], shape(['SPOP', 's', '6']), ['SCARD', 's'], shape(['SPOP', 's'])] },
  { name: 'spop partial hashtable', cmds: [['SADD', 's', 'a', 'b', 'c', 'd', 'e', 'f'], shape(['SPOP', 's', '5']), ['SCARD', 's'], shape(['SPOP', 's', '1']), ['EXISTS', 's']] },
  { name: 'spop resp3', resp3: true, cmds: [['SPOP', 'nokey'], ['SPOP', 'nokey', '2'], ['SADD', 's', '2', '1'], ['SPOP', 's', '0'], shape(['SPOP', 's', '1']), shape(['SPOP', 's', '5'])] },
  // SRANDMEMBER
  { name: 'srandmember missing', cmds: [['SRANDMEMBER', 'nokey'], ['SRANDMEMBER', 'nokey', '5'], ['SRANDMEMBER', 'nokey', '-5'], ['SRANDMEMBER', 'nokey', '0']] },
  { name: 'srandmember single', cmds: [['SADD', 's', 'a'], ['SRANDMEMBER', 's'], ['SRANDMEMBER', 's', '1'], ['SRANDMEMBER', 's', '-3'], ['SRANDMEMBER', 's', '3']] },
  { name: 'srandmember whole intset', cmds: [['SADD', 's', '3', '1', '2'], ['SRANDMEMBER', 's', '3'], ['SRANDMEMBER', 's', '100'], ['SRANDMEMBER', 's', LLONG_MAX], ['SCARD', 's']] },
  { name: 'srandmember whole hashtable', cmds: [['SADD', 's', 'a', 'b', 'c'], sorted(['SRANDMEMBER', 's', '3']), sorted(['SRANDMEMBER', 's', '30'])] },
  { name: 'srandmember shapes', cmds: [['SADD', 's', ...ints(1, 20)], shape(['SRANDMEMBER', 's', '5']), shape(['SRANDMEMBER', 's', '15']), shape(['SRANDMEMBER', 's', '-50']), shape(['SRANDMEMBER', 's'])] },
  { name: 'srandmember hashtable shapes', cmds: [['SADD', 's', 'a', 'b', 'c', 'd', 'e', 'f', 'g'], shape(['SRANDMEMBER', 's', '2']), shape(['SRANDMEMBER', 's', '6']), shape(['SRANDMEMBER', 's', '-10'])] },
  { name: 'srandmember negative repeats one member', cmds: [['SADD', 's', 'x'], ['SRANDMEMBER', 's', '-4']] },
  { name: 'srandmember count errors', cmds: [['SADD', 's', 'a'], ['SRANDMEMBER', 's', LLONG_MIN], ['SRANDMEMBER', 's', 'x'], ['SRANDMEMBER', 's', '1', '2'], ['SRANDMEMBER', 's', '9223372036854775808']] },
  { name: 'srandmember resp3 array', resp3: true, cmds: [['SADD', 's', '1', '2'], ['SRANDMEMBER', 's', '5'], ['SRANDMEMBER', 'nokey', '5'], ['SRANDMEMBER', 'nokey'], ['SRANDMEMBER', 's', '0']] },
  // SINTER / SINTERCARD / SINTERSTORE
  { name: 'sinter intsets sorted', cmds: [['SADD', 'a', '5', '1', '3', '7'], ['SADD', 'b', '7', '3', '9'], ['SINTER', 'a', 'b'], ['SINTER', 'b', 'a']] },
  { name: 'sinter single key', cmds: [['SADD', 'a', '2', '1'], ['SINTER', 'a'], ['SINTER', 'a', 'a']] },
  { name: 'sinter missing key', cmds: [['SADD', 'a', '1'], ['SINTER', 'a', 'nokey'], ['SINTER', 'nokey']] },
  { name: 'sinter hashtables', cmds: [['SADD', 'a', 'x', 'y', 'z', '1'], ['SADD', 'b', 'y', 'z', '1', 'w'], sorted(['SINTER', 'a', 'b'])] },
  { name: 'sinter intset with hashtable', cmds: [['SADD', 'a', '3', '1', '2'], ['SADD', 'b', 'x', '2', '3', '1', 'y'], ['SINTER', 'a', 'b'], ['SINTER', 'b', 'a']] },
  { name: 'sinter empty result', cmds: [['SADD', 'a', '1'], ['SADD', 'b', '2'], ['SINTER', 'a', 'b']] },
  { name: 'sinter resp3', resp3: true, cmds: [['SADD', 'a', '2', '1'], ['SADD', 'b', '1', '2'], ['SINTER', 'a', 'b'], ['SINTER', 'a', 'nokey']] },
  { name: 'sintercard', cmds: [['SADD', 'a', '1', '2', '3', 'x'], ['SADD', 'b', '2', '3', 'x', 'y'], ['SINTERCARD', '2', 'a', 'b'], ['SINTERCARD', '1', 'a'], ['SINTERCARD', '2', 'a', 'nokey']] },
  { name: 'sintercard limit', cmds: [['SADD', 'a', '1', '2', '3', '4'], ['SADD', 'b', '1', '2', '3', '4'], ['SINTERCARD', '2', 'a', 'b', 'LIMIT', '2'], ['SINTERCARD', '2', 'a', 'b', 'limit', '0'], ['SINTERCARD', '2', 'a', 'b', 'LIMIT', '10'], ['SINTERCARD', '2', 'a', 'b', 'LIMIT', '1', 'LIMIT', '3']] },
  { name: 'sintercard errors', cmds: [['SADD', 'a', '1'], ['SINTERCARD', '0', 'a'], ['SINTERCARD', 'x', 'a'], ['SINTERCARD', '-1', 'a'], ['SINTERCARD', '2', 'a'], ['SINTERCARD', LLONG_MAX, 'a'], ['SINTERCARD', '9223372036854775808', 'a']] },
  { name: 'sintercard limit errors', cmds: [['SADD', 'a', '1'], ['SINTERCARD', '1', 'a', 'LIMIT', '-1'], ['SINTERCARD', '1', 'a', 'LIMIT', 'x'], ['SINTERCARD', '1', 'a', 'LIMIT'], ['SINTERCARD', '1', 'a', 'FOO', '1'], ['SINTERCARD', '1', 'nokey', 'a']] },
  { name: 'sintercard wrongtype after missing', cmds: [['SET', 'str', 'x'], ['SINTERCARD', '2', 'nokey', 'str'], ['SINTERCARD', '2', 'str', 'nokey']] },
  { name: 'sinterstore intset result', cmds: [['SADD', 'a', '1', '2', '3', 'x'], ['SADD', 'b', '3', '2', 'x'], ['SINTERSTORE', 'd', 'a', 'b'], enc('d'), sorted(['SMEMBERS', 'd'])] },
  { name: 'sinterstore all ints result is intset', cmds: [['SADD', 'a', 'x', '1', '2'], ['SADD', 'b', 'y', '1', '2'], ['SINTERSTORE', 'd', 'a', 'b'], enc('d'), ['SMEMBERS', 'd']] },
  { name: 'sinterstore empty deletes destination', cmds: [['SADD', 'd', 'old'], ['SADD', 'a', '1'], ['SINTERSTORE', 'd', 'a', 'nokey'], ['EXISTS', 'd'], ['SADD', 'd', 'old'], ['SADD', 'b', '2'], ['SINTERSTORE', 'd', 'a', 'b'], ['EXISTS', 'd']] },
  { name: 'sinterstore overwrites any type and ttl', cmds: [['SET', 'd', 'str', 'EX', '100'], ['SADD', 'a', '1'], ['SINTERSTORE', 'd', 'a'], ['TYPE', 'd'], ['TTL', 'd']] },
  { name: 'sinterstore onto a source', cmds: [['SADD', 'a', '1', '2', '3'], ['SADD', 'b', '2', '3', '4'], ['SINTERSTORE', 'a', 'a', 'b'], ['SMEMBERS', 'a']] },
  { name: 'sinterstore wrongtype leaves destination', cmds: [['SADD', 'd', 'x'], ['SET', 'str', 'v'], ['SINTERSTORE', 'd', 'nokey', 'str'], ['SMEMBERS', 'd']] },
  // SUNION / SUNIONSTORE
  { name: 'sunion intsets sorted', cmds: [['SADD', 'a', '5', '1'], ['SADD', 'b', '3', '1', '-2'], ['SUNION', 'a', 'b'], ['SUNION', 'b', 'nokey', 'a']] },
  { name: 'sunion with strings', cmds: [['SADD', 'a', '1', 'x'], ['SADD', 'b', '2', 'y'], sorted(['SUNION', 'a', 'b'])] },
  { name: 'sunion hashtables of ints builds an intset', config: small, cmds: [['SADD', 'a', ...ints(10, 6)], enc('a'), ['SREM', 'a', '10', '11', '12'], ['SUNION', 'a'], ['SUNIONSTORE', 'd', 'a'], enc('d')] },
  { name: 'sunion result over intset limit', config: small, cmds: [['SADD', 'a', '1', '2', '3'], ['SADD', 'b', '4', '5'], sorted(['SUNION', 'a', 'b']), ['SUNIONSTORE', 'd', 'a', 'b'], enc('d')] },
  { name: 'sunion all missing', cmds: [['SUNION', 'x', 'y'], ['SUNIONSTORE', 'd', 'x', 'y'], ['EXISTS', 'd']] },
  { name: 'sunionstore', cmds: [['SADD', 'a', '1', '2'], ['SADD', 'b', '2', '3'], ['SUNIONSTORE', 'd', 'a', 'b'], ['SMEMBERS', 'd'], enc('d')] },
  { name: 'sunionstore empty deletes destination', cmds: [['SET', 'd', 'x'], ['SUNIONSTORE', 'd', 'nokey'], ['EXISTS', 'd']] },
  { name: 'sunionstore same key', cmds: [['SADD', 'a', '1', 'b'], ['SUNIONSTORE', 'a', 'a', 'a'], sorted(['SMEMBERS', 'a'])] },
  { name: 'sunion resp3', resp3: true, cmds: [['SADD', 'a', '2'], ['SADD', 'b', '1'], ['SUNION', 'a', 'b'], ['SUNION', 'nokey']] },
  { name: 'sunion binary', cmds: [['SADD', 'a', BINARY, ''], ['SADD', 'b', ''], sorted(['SUNION', 'a', 'b'])] },
  // SDIFF / SDIFFSTORE
  { name: 'sdiff intsets', cmds: [['SADD', 'a', '1', '2', '3', '4'], ['SADD', 'b', '2'], ['SADD', 'c', '4', '9'], ['SDIFF', 'a', 'b', 'c'], ['SDIFF', 'a', 'nokey']] },
  { name: 'sdiff missing first', cmds: [['SADD', 'b', '1'], ['SDIFF', 'nokey', 'b'], ['SDIFFSTORE', 'd', 'nokey', 'b'], ['EXISTS', 'd']] },
  { name: 'sdiff same key twice', cmds: [['SADD', 'a', '1', '2'], ['SDIFF', 'a', 'a'], ['SDIFF', 'a', 'b', 'a'], ['SDIFFSTORE', 'd', 'a', 'a'], ['EXISTS', 'd']] },
  { name: 'sdiff with strings', cmds: [['SADD', 'a', 'x', 'y', '1', '2'], ['SADD', 'b', 'y', '2'], sorted(['SDIFF', 'a', 'b']), ['SDIFF', 'b', 'a']] },
  { name: 'sdiff leaves ints only', cmds: [['SADD', 'a', 'x', '3', '1'], ['SADD', 'b', 'x'], ['SDIFF', 'a', 'b'], ['SDIFFSTORE', 'd', 'a', 'b'], enc('d')] },
  { name: 'sdiff algorithm one small result', config: small, cmds: [['SADD', 'a', ...ints(1, 8)], ['SADD', 'b', ...ints(1, 7)], ['SDIFFSTORE', 'd', 'a', 'b'], enc('d'), ['SMEMBERS', 'd']] },
  { name: 'sdiff algorithm one builds intset', config: small, cmds: [['SADD', 'a', ...ints(1, 8)], ['SADD', 'b', ...ints(1, 5)], ['SADD', 'c', '100'], ['SDIFFSTORE', 'd', 'a', 'b', 'c'], enc('d'), ['SMEMBERS', 'd']] },
  { name: 'sdiff algorithm one big result', config: small, cmds: [['SADD', 'a', ...ints(1, 8)], ['SADD', 'b', ...ints(1, 3)], ['SADD', 'c', '100'], ['SDIFFSTORE', 'd', 'a', 'b', 'c'], enc('d'), sorted(['SMEMBERS', 'd'])] },
  { name: 'sdiff algorithm two keeps hashtable', config: { 'set-max-intset-entries': '6' }, cmds: [['SADD', 'a', ...ints(1, 8)], ['SADD', 'b', '1'], ['SADD', 'c', '2'], ['SADD', 'e', '3'], ['SDIFFSTORE', 'd', 'a', 'b', 'c', 'e'], enc('d'), sorted(['SMEMBERS', 'd']), ['SDIFFSTORE', 'd', 'a', 'b', 'c'], enc('d')] },
  { name: 'sdiff empty result', cmds: [['SADD', 'a', '1'], ['SADD', 'b', '1', '2'], ['SDIFF', 'a', 'b'], ['SADD', 'd', 'z'], ['SDIFFSTORE', 'd', 'a', 'b'], ['EXISTS', 'd']] },
  { name: 'sdiffstore', cmds: [['SADD', 'a', '1', '2', 'x'], ['SADD', 'b', 'x'], ['SDIFFSTORE', 'd', 'a', 'b'], ['SMEMBERS', 'd'], ['SCARD', 'd']] },
  { name: 'sdiff resp3', resp3: true, cmds: [['SADD', 'a', '1', '2'], ['SADD', 'b', '1'], ['SDIFF', 'a', 'b'], ['SDIFF', 'nokey', 'a']] },
  // SSCAN
  { name: 'sscan intset whole', cmds: [['SADD', 's', '3', '1', '2'], ['SSCAN', 's', '0'], ['SSCAN', 's', '0', 'COUNT', '1'], ['SSCAN', 's', '123']] },
  { name: 'sscan match', cmds: [['SADD', 's', '1', '10', '2', '20'], ['SSCAN', 's', '0', 'MATCH', '1*'], ['SSCAN', 's', '0', 'match', '*', 'count', '5'], ['SSCAN', 's', '0', 'MATCH', 'x']] },
  { name: 'sscan small hashtable', cmds: [['SADD', 's', 'a', 'b', 'c'], { cmd: ['SSCAN', 's', '0'], sort: 'deep' }, { cmd: ['SSCAN', 's', '0', 'MATCH', '[ab]'], sort: 'deep' }] },
  { name: 'sscan missing key ignores options', cmds: [['SSCAN', 'nokey', '0'], ['SSCAN', 'nokey', '0', 'FOO'], ['SSCAN', 'nokey', 'x']] },
  { name: 'sscan errors', cmds: [['SADD', 's', '1'], ['SSCAN', 's', 'x'], ['SSCAN', 's', '0', 'COUNT', '0'], ['SSCAN', 's', '0', 'COUNT', 'x'], ['SSCAN', 's', '0', 'TYPE', 'set'], ['SSCAN', 's', '0', 'MATCH'], ['SSCAN', 's', '0', 'FOO', 'bar']] },
  { name: 'sscan cursor forms', cmds: [['SADD', 's', '1'], ['SSCAN', 's', '-1'], ['SSCAN', 's', '18446744073709551615'], ['SSCAN', 's', '18446744073709551616'], ['SSCAN', 's', ''], ['SSCAN', 's', ' 0']] },
  { name: 'sscan big set with big count', cmds: [['SADD', 's', ...ints(0, 600)], enc('s'), { cmd: ['SSCAN', 's', '0', 'COUNT', '1000'], sort: 'deep' }] },
  { name: 'sscan resp3', resp3: true, cmds: [['SADD', 's', '2', '1'], ['SSCAN', 's', '0'], ['SSCAN', 'nokey', '0']] },
  // COPY and keyspace interplay
  { name: 'copy intset', cmds: [['SADD', 's', '2', '1'], ['COPY', 's', 'd'], ['SADD', 'd', '3'], ['SMEMBERS', 's'], ['SMEMBERS', 'd'], enc('d')] },
  { name: 'copy hashtable', cmds: [['SADD', 's', 'a', 'b'], ['COPY', 's', 'd'], ['SREM', 's', 'a'], sorted(['SMEMBERS', 'd']), enc('d'), ['SMEMBERS', 's']] },
  { name: 'rename set', cmds: [['SADD', 's', '1'], ['RENAME', 's', 't'], ['SMEMBERS', 't'], ['SCARD', 's']] },
  { name: 'expired set', cmds: [['SADD', 's', '1'], ['PEXPIREAT', 's', '1'], ['SCARD', 's'], ['SADD', 's', '2'], ['SMEMBERS', 's']] },
  { name: 'scan type set', cmds: [['SADD', 's', '1'], ['SET', 'k', 'v'], ['SCAN', '0', 'TYPE', 'set'], ['SCAN', '0', 'TYPE', 'SET', 'MATCH', 's']] },
  ...wrongTypeCases,
  ...stringOnSetCases,
  ...arityCases,
];
