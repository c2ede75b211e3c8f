// Hash commands (t_hash.c): every command, listpack order (insertion order,
// updates in place), the listpack/hashtable thresholds (entries, and a field or
// value longer than hash-max-listpack-value), HINCRBYFLOAT's long double
// results, HRANDFIELD's count forms, RESP3 maps and pairs, WRONGTYPE both ways.
import type { Case, Cmd, Step } from '../case.ts';

const BINARY = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
const LLONG_MAX = '9223372036854775807';
const LLONG_MIN = '-9223372036854775808';
const V64 = 'v'.repeat(64);
const V65 = 'v'.repeat(65);

const enc = (key: string): Cmd => ['OBJECT', 'ENCODING', key];
const sorted = (cmd: Cmd): Step => ({ cmd, sort: true });
const pairs = (cmd: Cmd): Step => ({ cmd, sort: 'pairs' });
const shape = (cmd: Cmd): Step => ({ cmd, shape: true });
const small = { 'hash-max-listpack-entries': '3', 'hash-max-listpack-value': '8' };
/** f1 v1 f2 v2 ... */
const fieldValues = (n: number): string[] => Array.from({ length: n }, (_, i) => [`f${i}`, `v${i}`]).flat();

const HASH_COMMANDS_ON_H: Cmd[] = [
  ['HSET', 'h', 'f', 'v'], ['HMSET', 'h', 'f', 'v'], ['HSETNX', 'h', 'f', 'v'], ['HGET', 'h', 'f'], ['HMGET', 'h', 'f'],
  ['HDEL', 'h', 'f'], ['HLEN', 'h'], ['HSTRLEN', 'h', 'f'], ['HEXISTS', 'h', 'f'], ['HINCRBY', 'h', 'f', '1'],
  ['HINCRBYFLOAT', 'h', 'f', '1'], ['HKEYS', 'h'], ['HVALS', 'h'], ['HGETALL', 'h'], ['HRANDFIELD', 'h'],
  ['HRANDFIELD', 'h', '2'], ['HRANDFIELD', 'h', '0'], ['HRANDFIELD', 'h', '-2', 'WITHVALUES'], ['HSCAN', 'h', '0'],
];

const wrongTypeCases: Case[] = HASH_COMMANDS_ON_H.map((cmd) => ({
  name: `hash wrongtype ${cmd.join(' ')}`,
  cmds: [['SET', 'h', 'x'], cmd, ['GET', 'h']],
}));

const onSetCases: Case[] = [['HGET', 'h', 'f'], ['HSET', 'h', 'f', 'v'], ['HLEN', 'h']].map((cmd) => ({
  name: `hash command on a set: ${cmd[0]}`,
  cmds: [['SADD', 'h', 'a'], cmd, ['SMEMBERS', 'h']],
}));

/** String commands against a hash key. */
const stringOnHashCases: Case[] = [
  ['GET', 'h'], ['APPEND', 'h', 'x'], ['INCR', 'h'], ['DECRBY', 'h', '2'], ['STRLEN', 'h'], ['SETRANGE', 'h', '1', 'x'],
  ['GETRANGE', 'h', '0', '-1'], ['GETEX', 'h', 'PERSIST'], ['SETNX', 'h', 'x'], ['LCS', 'h', 'nokey'], ['GETSET', 'h', 'x'],
].map((cmd) => ({ name: `string command on a hash: ${cmd.join(' ')}`, cmds: [['HSET', 'h', 'f', 'v'], cmd, ['TYPE', 'h']] }));

const arityCases: Case[] = [
  ['HSET', 'h'], ['HSET', 'h', 'f'], ['HSET', 'h', 'f', 'v', 'g'], ['HMSET', 'h', 'f'], ['HMSET', 'h', 'f', 'v', 'x'],
  ['HSETNX', 'h', 'f'], ['HGET', 'h'], ['HMGET', 'h'], ['HDEL', 'h'], ['HLEN'], ['HSTRLEN', 'h'], ['HEXISTS', 'h'],
  ['HINCRBY', 'h', 'f'], ['HINCRBYFLOAT', 'h', 'f'], ['HKEYS'], ['HVALS', 'h', 'x'], ['HGETALL'], ['HRANDFIELD'],
  ['HSCAN', 'h'],
].map((cmd) => ({ name: `hash arity ${cmd.join(' ')}`, cmds: [cmd] }));

/** HSET h f <a>; HINCRBYFLOAT h f <b>; HGET h f */
const FLOAT_PAIRS: [string, string, string][] = [
  ['10.5 + 0.1', '10.5', '0.1'], ['0.1 + 0.2', '0.1', '0.2'], ['exponent', '5.0e3', '2.0e2'], ['1e308 twice', '1e308', '1e308'],
  ['long double overflow', '1e4932', '1e4932'], ['negative zero', '-0', '-0'], ['llong max plus one', LLONG_MAX, '1'],
  ['hex', '0x10', '0x1p-2'], ['rounds 17 digits', '0.99999999999999999999', '0'], ['huge result', '1e100', '1'],
  ['inf increment', '1', 'inf'], ['nan increment', '1', 'nan'], ['bad increment', '1', '1e'], ['space increment', '1', ' 1'],
  ['bad value', 'abc', '1'], ['value with space', ' 1', '1'], ['value inf', 'inf', '1'], ['empty value', '', '1'],
  ['empty increment', '1', ''], ['minus', '3', '-3.5'],
];

const floatCases: Case[] = FLOAT_PAIRS.map(([name, a, b]) => ({
  name: `hincrbyfloat ${name}`,
  cmds: [['HSET', 'h', 'f', a], ['HINCRBYFLOAT', 'h', 'f', b], ['HGET', 'h', 'f'], enc('h')],
}));

export const cases: Case[] = [
  // HSET / HMSET / HSETNX / HGET / HMGET
  { name: 'hset hget', cmds: [['HSET', 'h', 'a', '1', 'b', '2'], ['HGET', 'h', 'a'], ['HGET', 'h', 'x'], ['HGET', 'nokey', 'a'], enc('h')] },
  { name: 'hset counts new fields only', cmds: [['HSET', 'h', 'a', '1'], ['HSET', 'h', 'a', '2', 'b', '3'], ['HSET', 'h', 'a', '4', 'a', '5'], ['HGETALL', 'h']] },
  { name: 'hset listpack keeps insertion order', cmds: [['HSET', 'h', 'z', '1', 'a', '2', 'm', '3'], ['HSET', 'h', 'a', 'x'], ['HKEYS', 'h'], ['HVALS', 'h'], ['HGETALL', 'h']] },
  { name: 'hdel then re-add appends', cmds: [['HSET', 'h', 'a', '1', 'b', '2', 'c', '3'], ['HDEL', 'h', 'a'], ['HSET', 'h', 'a', '9'], ['HGETALL', 'h']] },
  { name: 'hmset', cmds: [['HMSET', 'h', 'a', '1', 'b', '2'], ['HMSET', 'h', 'a', '3'], ['HGETALL', 'h']] },
  { name: 'hsetnx', cmds: [['HSETNX', 'h', 'a', '1'], ['HSETNX', 'h', 'a', '2'], ['HGET', 'h', 'a'], ['HSETNX', 'h', 'b', '3'], ['HGETALL', 'h']] },
  { name: 'hmget', cmds: [['HSET', 'h', 'a', '1', 'b', ''], ['HMGET', 'h', 'a', 'x', 'b', 'a'], ['HMGET', 'nokey', 'a', 'b']] },
  { name: 'hmget resp3', resp3: true, cmds: [['HSET', 'h', 'a', '1'], ['HMGET', 'h', 'a', 'x'], ['HGET', 'h', 'x'], ['HMGET', 'nokey', 'a']] },
  { name: 'hash binary', cmds: [['HSET', 'h', BINARY, BINARY, '', ''], ['HGET', 'h', BINARY], ['HGET', 'h', ''], ['HSTRLEN', 'h', BINARY], enc('h'), pairs(['HGETALL', 'h'])] },
  { name: 'hash empty field and value', cmds: [['HSET', 'h', '', ''], ['HGETALL', 'h'], ['HLEN', 'h'], ['HEXISTS', 'h', ''], ['HSTRLEN', 'h', '']] },
  { name: 'hash integer values', cmds: [['HSET', 'h', 'a', '123', 'b', '-9223372036854775808', 'c', '007', 'd', '1.50'], ['HGETALL', 'h'], ['HSTRLEN', 'h', 'b']] },
  { name: 'hset drops nothing of the ttl', cmds: [['HSET', 'h', 'a', '1'], ['EXPIRE', 'h', '100'], ['HSET', 'h', 'b', '2'], { cmd: ['TTL', 'h'], near: 1 }] },
  // encodings
  { name: 'hash listpack entries limit', config: small, cmds: [['HSET', 'h', ...fieldValues(3)], enc('h'), ['HSET', 'h', 'f3', 'v3'], enc('h'), pairs(['HGETALL', 'h'])] },
  { name: 'hash listpack entries limit in one call', config: small, cmds: [['HSET', 'h', ...fieldValues(4)], enc('h'), ['HLEN', 'h']] },
  { name: 'hash repeated field stays listpack', config: small, cmds: [['HSET', 'h', 'a', '1', 'a', '2', 'a', '3', 'a', '4', 'a', '5'], enc('h'), ['HGETALL', 'h']] },
  { name: 'hash long value converts', config: small, cmds: [['HSET', 'h', 'a', '12345678'], enc('h'), ['HSET', 'h', 'b', '123456789'], enc('h')] },
  { name: 'hash long field converts', config: small, cmds: [['HSET', 'h', 'a', '1'], ['HSET', 'h', 'abcdefghi', '1'], enc('h')] },
  { name: 'hash default value limit 64', cmds: [['HSET', 'h', 'a', V64], enc('h'), ['HSET', 'h', 'b', V65], enc('h'), pairs(['HGETALL', 'h'])] },
  { name: 'hash default entries limit 512', cmds: [['HSET', 'h', ...fieldValues(512)], enc('h'), ['HSET', 'h', 'x', 'y'], enc('h'), ['HLEN', 'h']] },
  { name: 'hash long value on existing field converts', cmds: [['HSET', 'h', 'a', '1'], ['HSET', 'h', 'a', V65], enc('h'), ['HGET', 'h', 'a']] },
  { name: 'hsetnx long value on existing field keeps listpack', cmds: [['HSET', 'h', 'a', '1'], ['HSETNX', 'h', 'a', V65], enc('h'), ['HSETNX', 'h', 'b', V65], enc('h')] },
  { name: 'hmset long value converts', cmds: [['HMSET', 'h', 'a', '1', 'b', V65], enc('h'), ['HLEN', 'h']] },
  { name: 'hincrby long field converts', cmds: [['HINCRBY', 'h', V65, '1'], enc('h'), ['HGET', 'h', V65]] },
  { name: 'hincrbyfloat long field converts', cmds: [['HINCRBYFLOAT', 'h', V65, '1.5'], enc('h')] },
  { name: 'hincrbyfloat long result converts', config: small, cmds: [['HINCRBYFLOAT', 'h', 'f', '0.123456789'], enc('h'), ['HGET', 'h', 'f']] },
  { name: 'hdel does not convert back', config: small, cmds: [['HSET', 'h', ...fieldValues(5)], ['HDEL', 'h', 'f0', 'f1', 'f2', 'f3'], enc('h'), ['HGETALL', 'h']] },
  { name: 'hash value limit zero', config: { 'hash-max-listpack-value': '0' }, cmds: [['HSET', 'h', '', ''], enc('h'), ['HSET', 'h', 'a', ''], enc('h')] },
  { name: 'hash entries limit zero', config: { 'hash-max-listpack-entries': '0' }, cmds: [['HSET', 'h', 'a', '1'], enc('h'), ['HGETALL', 'h']] },
  // HDEL / HLEN / HSTRLEN / HEXISTS
  { name: 'hdel', cmds: [['HSET', 'h', 'a', '1', 'b', '2', 'c', '3'], ['HDEL', 'h', 'a', 'x', 'a'], ['HLEN', 'h'], ['HDEL', 'nokey', 'a']] },
  { name: 'hdel last field deletes key', cmds: [['HSET', 'h', 'a', '1', 'b', '2'], ['HDEL', 'h', 'a', 'b', 'c'], ['EXISTS', 'h'], ['HLEN', 'h']] },
  { name: 'hdel hashtable', config: small, cmds: [['HSET', 'h', ...fieldValues(6)], ['HDEL', 'h', 'f1', 'f3'], ['HLEN', 'h'], pairs(['HGETALL', 'h'])] },
  { name: 'hlen hstrlen hexists', cmds: [['HSET', 'h', 'a', 'hello', 'n', '-123'], ['HLEN', 'h'], ['HSTRLEN', 'h', 'a'], ['HSTRLEN', 'h', 'n'], ['HSTRLEN', 'h', 'x'], ['HSTRLEN', 'nokey', 'a'], ['HEXISTS', 'h', 'a'], ['HEXISTS', 'h', 'x'], ['HEXISTS', 'nokey', 'a'], ['HLEN', 'nokey']] },
  // HINCRBY
  { name: 'hincrby', cmds: [['HINCRBY', 'h', 'a', '5'], ['HINCRBY', 'h', 'a', '-7'], ['HINCRBY', 'h', 'a', '0'], ['HGET', 'h', 'a'], enc('h')] },
  { name: 'hincrby overflow', cmds: [['HSET', 'h', 'a', LLONG_MAX, 'b', LLONG_MIN], ['HINCRBY', 'h', 'a', '1'], ['HINCRBY', 'h', 'b', '-1'], ['HINCRBY', 'h', 'a', LLONG_MIN], ['HINCRBY', 'h', 'b', LLONG_MAX], ['HGETALL', 'h']] },
  { name: 'hincrby to the edges', cmds: [['HINCRBY', 'h', 'a', LLONG_MAX], ['HINCRBY', 'h', 'b', LLONG_MIN], ['HINCRBY', 'h', 'a', '-1'], ['HGETALL', 'h']] },
  { name: 'hincrby bad increment', cmds: [['HINCRBY', 'h', 'a', 'x'], ['HINCRBY', 'h', 'a', '1.5'], ['HINCRBY', 'h', 'a', '9223372036854775808'], ['HINCRBY', 'h', 'a', ''], ['HINCRBY', 'h', 'a', ' 1'], ['EXISTS', 'h']] },
  { name: 'hincrby bad value', cmds: [['HSET', 'h', 'a', 'x', 'b', '1.5', 'c', ' 1', 'd', '', 'e', '99999999999999999999'], ['HINCRBY', 'h', 'a', '1'], ['HINCRBY', 'h', 'b', '1'], ['HINCRBY', 'h', 'c', '1'], ['HINCRBY', 'h', 'd', '1'], ['HINCRBY', 'h', 'e', '1']] },
  { name: 'hincrby wrongtype after bad increment', cmds: [['SET', 's', 'x'], ['HINCRBY', 's', 'a', 'x'], ['HINCRBY', 's', 'a', '1']] },
  { name: 'hincrby keeps position', cmds: [['HSET', 'h', 'a', '1', 'b', '2'], ['HINCRBY', 'h', 'a', '1'], ['HGETALL', 'h']] },
  // HINCRBYFLOAT
  { name: 'hincrbyfloat new key', cmds: [['HINCRBYFLOAT', 'h', 'f', '1.5'], ['HINCRBYFLOAT', 'h', 'f', '0.25'], ['HGETALL', 'h'], ['HINCRBYFLOAT', 'h', 'g', '3'], ['HGET', 'h', 'g']] },
  { name: 'hincrbyfloat errors leave no key', cmds: [['HINCRBYFLOAT', 'h', 'f', 'inf'], ['HINCRBYFLOAT', 'h', 'f', '-inf'], ['HINCRBYFLOAT', 'h', 'f', 'x'], ['EXISTS', 'h']] },
  { name: 'hincrbyfloat on integer', cmds: [['HINCRBY', 'h', 'f', '10'], ['HINCRBYFLOAT', 'h', 'f', '0.5'], ['HINCRBY', 'h', 'f', '1']] },
  ...floatCases,
  // HKEYS / HVALS / HGETALL
  { name: 'hkeys hvals hgetall missing', cmds: [['HKEYS', 'nokey'], ['HVALS', 'nokey'], ['HGETALL', 'nokey']] },
  { name: 'hgetall resp3 map', resp3: true, cmds: [['HSET', 'h', 'a', '1', 'b', '2'], ['HGETALL', 'h'], ['HGETALL', 'nokey'], ['HKEYS', 'h'], ['HVALS', 'nokey']] },
  { name: 'hgetall hashtable', config: small, cmds: [['HSET', 'h', ...fieldValues(6)], pairs(['HGETALL', 'h']), sorted(['HKEYS', 'h']), sorted(['HVALS', 'h'])] },
  { name: 'hgetall hashtable resp3', resp3: true, config: small, cmds: [['HSET', 'h', ...fieldValues(6)], pairs(['HGETALL', 'h'])] },
  // HRANDFIELD
  { name: 'hrandfield missing', cmds: [['HRANDFIELD', 'nokey'], ['HRANDFIELD', 'nokey', '3'], ['HRANDFIELD', 'nokey', '-3', 'WITHVALUES'], ['HRANDFIELD', 'nokey', '0']] },
  { name: 'hrandfield one field', cmds: [['HSET', 'h', 'a', '1'], ['HRANDFIELD', 'h'], ['HRANDFIELD', 'h', '1'], ['HRANDFIELD', 'h', '-3'], ['HRANDFIELD', 'h', '-2', 'WITHVALUES'], ['HRANDFIELD', 'h', '1', 'withvalues']] },
  { name: 'hrandfield whole listpack in order', cmds: [['HSET', 'h', 'z', '1', 'a', '2', 'm', '3'], ['HRANDFIELD', 'h', '3'], ['HRANDFIELD', 'h', '10', 'WITHVALUES'], ['HRANDFIELD', 'h', LLONG_MAX]] },
  { name: 'hrandfield whole hashtable', config: small, cmds: [['HSET', 'h', ...fieldValues(5)], sorted(['HRANDFIELD', 'h', '5']), pairs(['HRANDFIELD', 'h', '50', 'WITHVALUES'])] },
  { name: 'hrandfield count zero', cmds: [['HSET', 'h', 'a', '1'], ['HRANDFIELD', 'h', '0'], ['HRANDFIELD', 'h', '0', 'WITHVALUES']] },
  { name: 'hrandfield shapes', cmds: [['HSET', 'h', ...fieldValues(10)], shape(['HRANDFIELD', 'h']), shape(['HRANDFIELD', 'h', '3']), shape(['HRANDFIELD', 'h', '8']), shape(['HRANDFIELD', 'h', '-20']), shape(['HRANDFIELD', 'h', '4', 'WITHVALUES']), shape(['HRANDFIELD', 'h', '-5', 'WITHVALUES'])] },
  { name: 'hrandfield hashtable shapes', config: small, cmds: [['HSET', 'h', ...fieldValues(12)], shape(['HRANDFIELD', 'h', '2']), shape(['HRANDFIELD', 'h', '9']), shape(['HRANDFIELD', 'h', '-15', 'WITHVALUES'])] },
  { name: 'hrandfield resp3 pairs', resp3: true, cmds: [['HSET', 'h', 'a', '1', 'b', '2'], ['HRANDFIELD', 'h', '2', 'WITHVALUES'], ['HRANDFIELD', 'h', '5'], shape(['HRANDFIELD', 'h', '-3', 'WITHVALUES']), ['HRANDFIELD', 'nokey'], ['HRANDFIELD', 'nokey', '1', 'WITHVALUES']] },
  { name: 'hrandfield count errors', cmds: [['HSET', 'h', 'a', '1'], ['HRANDFIELD', 'h', 'x'], ['HRANDFIELD', 'h', LLONG_MIN], ['HRANDFIELD', 'h', '1.5'], ['HRANDFIELD', 'h', '9223372036854775808']] },
  { name: 'hrandfield withvalues range', cmds: [['HSET', 'h', 'a', '1'], ['HRANDFIELD', 'h', '4611686018427387904', 'WITHVALUES'], ['HRANDFIELD', 'h', '-4611686018427387904', 'WITHVALUES'], ['HRANDFIELD', 'h', '4611686018427387903', 'WITHVALUES'], ['HRANDFIELD', 'h', LLONG_MAX, 'WITHVALUES']] },
  { name: 'hrandfield syntax', cmds: [['HSET', 'h', 'a', '1'], ['HRANDFIELD', 'h', '1', 'x'], ['HRANDFIELD', 'h', '1', 'WITHVALUES', 'x'], ['HRANDFIELD', 'nokey', '1', 'x'], ['HRANDFIELD', 'h', 'x', 'x'], ['HRANDFIELD', 'h', LLONG_MAX, 'x']] },
  { name: 'hrandfield count parsed before type', cmds: [['SET', 's', 'x'], ['HRANDFIELD', 's', 'x'], ['HRANDFIELD', 's', '0'], ['HRANDFIELD', 's', '1', 'x']] },
  // HSCAN
  { name: 'hscan listpack whole', cmds: [['HSET', 'h', 'b', '1', 'a', '2'], ['HSCAN', 'h', '0'], ['HSCAN', 'h', '0', 'COUNT', '1'], ['HSCAN', 'h', '77']] },
  { name: 'hscan match', cmds: [['HSET', 'h', 'foo', '1', 'bar', '2', 'fob', '3'], ['HSCAN', 'h', '0', 'MATCH', 'fo*'], ['HSCAN', 'h', '0', 'MATCH', '1'], ['HSCAN', 'h', '0', 'match', '*']] },
  { name: 'hscan small hashtable', config: small, cmds: [['HSET', 'h', ...fieldValues(5)], { cmd: ['HSCAN', 'h', '0', 'COUNT', '100'], sort: 'deep' }, { cmd: ['HSCAN', 'h', '0', 'COUNT', '100', 'MATCH', 'f[12]'], sort: 'deep' }] },
  { name: 'hscan missing key ignores options', cmds: [['HSCAN', 'nokey', '0', 'COUNT', '0'], ['HSCAN', 'nokey', 'x']] },
  { name: 'hscan errors', cmds: [['HSET', 'h', 'a', '1'], ['HSCAN', 'h', 'x'], ['HSCAN', 'h', '0', 'COUNT', '0'], ['HSCAN', 'h', '0', 'COUNT', '-1'], ['HSCAN', 'h', '0', 'COUNT', 'x'], ['HSCAN', 'h', '0', 'TYPE', 'hash'], ['HSCAN', 'h', '0', 'MATCH']] },
  { name: 'hscan resp3', resp3: true, cmds: [['HSET', 'h', 'a', '1'], ['HSCAN', 'h', '0'], ['HSCAN', 'nokey', '0']] },
  // keyspace interplay
  { name: 'copy listpack hash', cmds: [['HSET', 'h', 'a', '1', 'b', '2'], ['COPY', 'h', 'd'], ['HSET', 'd', 'c', '3'], ['HGETALL', 'h'], ['HGETALL', 'd'], enc('d')] },
  { name: 'copy hashtable hash', config: small, cmds: [['HSET', 'h', ...fieldValues(5)], ['COPY', 'h', 'd'], ['HDEL', 'h', 'f0'], enc('d'), ['HLEN', 'd'], ['HLEN', 'h']] },
  { name: 'expired hash', cmds: [['HSET', 'h', 'a', '1'], ['PEXPIREAT', 'h', '1'], ['HGET', 'h', 'a'], ['HLEN', 'h'], ['HINCRBY', 'h', 'a', '1'], ['HGETALL', 'h']] },
  { name: 'scan type hash', cmds: [['HSET', 'h', 'a', '1'], ['SADD', 's', '1'], ['SCAN', '0', 'TYPE', 'hash'], ['TYPE', 'h']] },
  ...wrongTypeCases,
  ...onSetCases,
  ...stringOnHashCases,
  ...arityCases,
];
