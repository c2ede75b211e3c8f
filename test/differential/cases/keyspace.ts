// Generic keyspace commands (db.c, expire.c, object.c): DEL UNLINK EXISTS TOUCH TYPE
// KEYS SCAN RANDOMKEY DBSIZE RENAME RENAMENX MOVE COPY SWAPDB FLUSHDB FLUSHALL OBJECT,
// the EXPIRE family, TTL/PTTL/EXPIRETIME/PEXPIRETIME and PERSIST.
//
// Replies that depend on wall time are avoided: relative expires are checked with TTL
// (rounded to seconds) or with `near`, absolute ones with EXPIRETIME/PEXPIRETIME.
// SCAN cursors are implementation-specific, so SCAN cases iterate to the end in one
// call (COUNT 1000 on a small keyspace) and compare the sorted keys.
import type { Case, Cmd, Step } from '../case.ts';

const sorted = (cmd: Cmd): Step => ({ cmd, sort: true });
const scanAll = (cmd: Cmd): Step => ({ cmd, sort: 'deep' });

// Keys with every awkward byte: NUL, 0xff, CR/LF, space, glob specials, the empty name.
const BIN = ['\x00', '\xff', 'a\x00b', '\r\n', ' ', '*', '?', '[', ']', '\\', ''];
const setBin: Cmd = ['MSET', ...BIN.flatMap((k, i) => [k, `v${i}`])];

const GLOB_KEYS = [
  'a', 'b', 'c', 'ab', 'abc', 'aXc', 'a*c', 'a?c', 'a[c', 'a]c', 'a\\c', 'A', 'hello', 'hallo', 'hxllo',
  'hllo', 'heeeello', '-', '^', '\x80', '\xff', '\x00', 'x\x00y', '',
];
const setGlob: Cmd = ['MSET', ...GLOB_KEYS.flatMap((k) => [k, '1'])];

/** One KEYS case per pattern over GLOB_KEYS (Redis's stringmatchlen corner cases). */
const globCases: Case[] = [
  '*', '?', '??', '???', 'a*', '*c', 'a?c', 'a*c', 'h?llo', 'h*llo', 'h[ae]llo', 'h[^e]llo', 'h[a-b]llo',
  '[a-c]', '[c-a]', '[^a-c]', '[!a]', 'a\\*c', 'a\\?c', 'a\\[c', 'a\\\\c', 'a[\\]]c', 'a[\\[]c', '[', 'a[',
  'a[c', '[a-', '[a-]', '\\', 'a\\', '**', '***c', '*a*', '[\x80-\xff]', '[a-\xff]', '[\xff-a]', '[\x00-a]',
  'x\x00y', 'x?y', '[-]', '[^]', '[]]', '*[', 'h*e*llo', 'A', '[A-Z]', '', 'hel*', '[]a]*',
].map((p, i) => ({ name: `keys glob #${i} ${JSON.stringify(p)}`, cmds: [setGlob, sorted(['KEYS', p])] }));

const delCases: Case[] = [
  { name: 'del missing', cmds: [['DEL', 'nokey']] },
  { name: 'del one', cmds: [['SET', 'a', '1'], ['DEL', 'a'], ['EXISTS', 'a'], ['GET', 'a']] },
  { name: 'del many with missing', cmds: [['MSET', 'a', '1', 'b', '2', 'c', '3'], ['DEL', 'a', 'x', 'c', 'y'], ['DBSIZE']] },
  { name: 'del duplicates count once', cmds: [['MSET', 'a', '1', 'b', '2'], ['DEL', 'a', 'a', 'b', 'b', 'a'], ['DBSIZE']] },
  { name: 'del binary keys', cmds: [setBin, ['DEL', '\x00', '\xff', 'a\x00b'], ['DEL', '\x00'], ['DBSIZE']] },
  { name: 'del empty key name', cmds: [['SET', '', 'x'], ['DEL', ''], ['DEL', '']] },
  { name: 'del arity', cmds: [['DEL']] },
  { name: 'del then recreate', cmds: [['SET', 'a', '1'], ['DEL', 'a'], ['SET', 'a', '2'], ['DEL', 'a', 'a'], ['GET', 'a']] },
  { name: 'unlink many', cmds: [['MSET', 'a', '1', 'b', '2'], ['UNLINK', 'a', 'b', 'c', 'a'], ['DBSIZE']] },
  { name: 'unlink arity', cmds: [['UNLINK']] },
  { name: 'del mixed case command', cmds: [['SET', 'k', 'v'], ['dEl', 'k']] },
];

const existsCases: Case[] = [
  { name: 'exists missing', cmds: [['EXISTS', 'nokey']] },
  { name: 'exists duplicates count each', cmds: [['SET', 'a', '1'], ['EXISTS', 'a', 'a', 'a', 'b']] },
  { name: 'exists binary', cmds: [setBin, ['EXISTS', ...BIN, 'nope']] },
  { name: 'exists arity', cmds: [['EXISTS']] },
  { name: 'exists after expire past', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', '-1'], ['EXISTS', 'a']] },
  { name: 'touch counts', cmds: [['MSET', 'a', '1', 'b', '2'], ['TOUCH', 'a', 'b', 'c', 'a']] },
  { name: 'touch missing', cmds: [['TOUCH', 'x', 'y']] },
  { name: 'touch arity', cmds: [['TOUCH']] },
  { name: 'type string', cmds: [['SET', 'a', 'x'], ['TYPE', 'a'], ['SET', 'n', '12'], ['TYPE', 'n']] },
  { name: 'type none', cmds: [['TYPE', 'nokey']] },
  { name: 'type binary and empty names', cmds: [setBin, ['TYPE', '\x00'], ['TYPE', ''], ['TYPE', '\xff']] },
  { name: 'type arity', cmds: [['TYPE'], ['TYPE', 'a', 'b']] },
  { name: 'dbsize', cmds: [['DBSIZE'], setBin, ['DBSIZE'], ['SELECT', '1'], ['DBSIZE']] },
  { name: 'dbsize arity', cmds: [['DBSIZE', 'x']] },
];

const keysCases: Case[] = [
  ...globCases,
  { name: 'keys empty db', cmds: [['KEYS', '*']] },
  { name: 'keys binary keys', cmds: [setBin, sorted(['KEYS', '*'])] },
  { name: 'keys with volatile keys', cmds: [['MSET', 'a', '1', 'b', '2'], ['EXPIRE', 'a', '100'], sorted(['KEYS', '*'])] },
  { name: 'keys arity', cmds: [['KEYS'], ['KEYS', 'a', 'b']] },
  { name: 'keys per db', cmds: [['SET', 'a', '1'], ['SELECT', '2'], ['SET', 'b', '1'], ['KEYS', '*']] },
];

const scanCases: Case[] = [
  { name: 'scan empty', cmds: [['SCAN', '0']] },
  { name: 'scan all keys', cmds: [setGlob, scanAll(['SCAN', '0', 'COUNT', '1000'])] },
  { name: 'scan match', cmds: [setGlob, scanAll(['SCAN', '0', 'MATCH', 'h*llo', 'COUNT', '1000'])] },
  { name: 'scan match class', cmds: [setGlob, scanAll(['SCAN', '0', 'MATCH', '[a-c]', 'COUNT', '1000'])] },
  { name: 'scan match star', cmds: [setGlob, scanAll(['SCAN', '0', 'match', '*', 'count', '1000'])] },
  { name: 'scan type string', cmds: [setGlob, scanAll(['SCAN', '0', 'TYPE', 'string', 'COUNT', '1000'])] },
  { name: 'scan type case-insensitive', cmds: [setGlob, scanAll(['SCAN', '0', 'TYPE', 'STRING', 'COUNT', '1000'])] },
  { name: 'scan unknown type', cmds: [setGlob, scanAll(['SCAN', '0', 'TYPE', 'foo', 'COUNT', '1000'])] },
  { name: 'scan type list', cmds: [setGlob, scanAll(['SCAN', '0', 'TYPE', 'list', 'COUNT', '1000'])] },
  { name: 'scan binary keys', cmds: [setBin, scanAll(['SCAN', '0', 'COUNT', '1000'])] },
  { name: 'scan options repeated', cmds: [setGlob, scanAll(['SCAN', '0', 'COUNT', '1', 'MATCH', 'x', 'COUNT', '1000', 'MATCH', 'a*'])] },
  { name: 'scan count 0', cmds: [['SCAN', '0', 'COUNT', '0']] },
  { name: 'scan count negative', cmds: [['SCAN', '0', 'COUNT', '-1']] },
  { name: 'scan count not integer', cmds: [['SCAN', '0', 'COUNT', 'x'], ['SCAN', '0', 'COUNT', '1.5'], ['SCAN', '0', 'COUNT', '99999999999999999999']] },
  { name: 'scan option without value', cmds: [['SCAN', '0', 'COUNT'], ['SCAN', '0', 'MATCH'], ['SCAN', '0', 'TYPE'], ['SCAN', '0', 'COUNT', '5', 'MATCH']] },
  { name: 'scan unknown option', cmds: [['SCAN', '0', 'FOO', 'bar']] },
  { name: 'scan invalid cursors', cmds: [['SCAN', 'x'], ['SCAN', ' 1'], ['SCAN', '1.5'], ['SCAN', '0x1'], ['SCAN', '0 '], ['SCAN', '18446744073709551616'], ['SCAN', '+'], ['SCAN', '-']] },
  { name: 'scan cursor forms accepted', cmds: [['SET', 'a', '1'], ['SCAN', ''], ['SCAN', '+0'], ['SCAN', '-0'], ['SCAN', '0\x00junk']] },
  { name: 'scan arity', cmds: [['SCAN']] },
];

const randomkeyCases: Case[] = [
  { name: 'randomkey empty', cmds: [['RANDOMKEY']] },
  { name: 'randomkey single', cmds: [['SET', '\x00k', '1'], ['RANDOMKEY']] },
  { name: 'randomkey volatile single', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', '100'], ['RANDOMKEY']] },
  { name: 'randomkey other db', cmds: [['SET', 'a', '1'], ['SELECT', '4'], ['RANDOMKEY'], ['SET', '', '1'], ['RANDOMKEY']] },
  { name: 'randomkey arity', cmds: [['RANDOMKEY', 'x']] },
];

const renameCases: Case[] = [
  { name: 'rename basic', cmds: [['SET', 'a', '1'], ['RENAME', 'a', 'b'], ['GET', 'a'], ['GET', 'b']] },
  { name: 'rename missing', cmds: [['RENAME', 'nokey', 'b']] },
  { name: 'rename missing onto itself', cmds: [['RENAME', 'nokey', 'nokey']] },
  { name: 'rename onto itself', cmds: [['SET', 'a', '1'], ['RENAME', 'a', 'a'], ['GET', 'a']] },
  { name: 'rename overwrites', cmds: [['MSET', 'a', '1', 'b', '2'], ['RENAME', 'a', 'b'], ['GET', 'b'], ['DBSIZE']] },
  { name: 'rename keeps ttl', cmds: [['SET', 'a', '1'], ['EXPIREAT', 'a', '4000000000'], ['RENAME', 'a', 'b'], ['EXPIRETIME', 'b'], ['TTL', 'a']] },
  { name: 'rename drops target ttl', cmds: [['MSET', 'a', '1', 'b', '2'], ['EXPIRE', 'b', '100'], ['RENAME', 'a', 'b'], ['TTL', 'b']] },
  { name: 'rename binary names', cmds: [['SET', '\x00', 'v'], ['RENAME', '\x00', '\xff\x00'], ['GET', '\xff\x00'], ['RENAME', '\xff\x00', ''], ['GET', '']] },
  { name: 'rename arity', cmds: [['RENAME', 'a'], ['RENAME', 'a', 'b', 'c']] },
  { name: 'renamenx basic', cmds: [['SET', 'a', '1'], ['RENAMENX', 'a', 'b'], ['GET', 'b']] },
  { name: 'renamenx target exists', cmds: [['MSET', 'a', '1', 'b', '2'], ['RENAMENX', 'a', 'b'], ['MGET', 'a', 'b']] },
  { name: 'renamenx onto itself', cmds: [['SET', 'a', '1'], ['RENAMENX', 'a', 'a']] },
  { name: 'renamenx missing', cmds: [['RENAMENX', 'nokey', 'x'], ['RENAMENX', 'nokey', 'nokey']] },
  { name: 'renamenx keeps ttl', cmds: [['SET', 'a', '1'], ['PEXPIREAT', 'a', '4000000000123'], ['RENAMENX', 'a', 'b'], ['PEXPIRETIME', 'b']] },
  { name: 'renamenx arity', cmds: [['RENAMENX', 'a']] },
  { name: 'rename chain', cmds: [['SET', 'a', '1'], ['RENAME', 'a', 'b'], ['RENAME', 'b', 'c'], ['RENAMENX', 'c', 'a'], ['KEYS', '*']] },
];

const moveCases: Case[] = [
  { name: 'move basic', cmds: [['SET', 'a', '1'], ['MOVE', 'a', '1'], ['EXISTS', 'a'], ['SELECT', '1'], ['GET', 'a']] },
  { name: 'move missing', cmds: [['MOVE', 'nokey', '1']] },
  { name: 'move same db', cmds: [['SET', 'a', '1'], ['MOVE', 'a', '0'], ['MOVE', 'nokey', '0']] },
  { name: 'move exists in target', cmds: [['SELECT', '1'], ['SET', 'a', 'one'], ['SELECT', '0'], ['SET', 'a', 'zero'], ['MOVE', 'a', '1'], ['GET', 'a'], ['SELECT', '1'], ['GET', 'a']] },
  { name: 'move db out of range', cmds: [['SET', 'a', '1'], ['MOVE', 'a', '16'], ['MOVE', 'a', '-1'], ['MOVE', 'a', '2147483648'], ['MOVE', 'a', '99999999999999999999']] },
  { name: 'move db not integer', cmds: [['MOVE', 'a', 'x'], ['MOVE', 'a', '1.0'], ['MOVE', 'a', '']] },
  { name: 'move keeps ttl', cmds: [['SET', 'a', '1'], ['EXPIREAT', 'a', '4000000000'], ['MOVE', 'a', '3'], ['SELECT', '3'], ['EXPIRETIME', 'a']] },
  { name: 'move from other db', cmds: [['SELECT', '5'], ['SET', '\xff', 'x'], ['MOVE', '\xff', '0'], ['DBSIZE'], ['SELECT', '0'], ['GET', '\xff']] },
  { name: 'move arity', cmds: [['MOVE', 'a'], ['MOVE', 'a', '1', '2']] },
];

const copyCases: Case[] = [
  { name: 'copy basic', cmds: [['SET', 'a', 'hello'], ['COPY', 'a', 'b'], ['MGET', 'a', 'b'], ['OBJECT', 'ENCODING', 'b']] },
  { name: 'copy missing', cmds: [['COPY', 'nokey', 'b'], ['EXISTS', 'b']] },
  { name: 'copy same key', cmds: [['SET', 'a', '1'], ['COPY', 'a', 'a'], ['COPY', 'nokey', 'nokey'], ['COPY', 'a', 'a', 'REPLACE']] },
  { name: 'copy same key other db', cmds: [['SET', 'a', '1'], ['COPY', 'a', 'a', 'DB', '1'], ['SELECT', '1'], ['GET', 'a']] },
  { name: 'copy same key same db explicit', cmds: [['SET', 'a', '1'], ['COPY', 'a', 'a', 'DB', '0']] },
  { name: 'copy target exists', cmds: [['MSET', 'a', '1', 'b', '2'], ['COPY', 'a', 'b'], ['GET', 'b']] },
  { name: 'copy replace', cmds: [['MSET', 'a', '1', 'b', '2'], ['COPY', 'a', 'b', 'replace'], ['GET', 'b']] },
  { name: 'copy replace twice', cmds: [['MSET', 'a', '1', 'b', '2'], ['COPY', 'a', 'b', 'REPLACE', 'REPLACE'], ['GET', 'b']] },
  { name: 'copy db', cmds: [['SET', 'a', 'x'], ['COPY', 'a', 'b', 'DB', '7'], ['SELECT', '7'], ['GET', 'b'], ['COPY', 'b', 'c', 'db', '0', 'replace']] },
  { name: 'copy db errors', cmds: [['SET', 'a', 'x'], ['COPY', 'a', 'b', 'DB', '16'], ['COPY', 'a', 'b', 'DB', '-1'], ['COPY', 'a', 'b', 'DB', 'x'], ['COPY', 'a', 'b', 'DB'], ['COPY', 'a', 'b', 'DB', '4294967296']] },
  { name: 'copy syntax errors', cmds: [['SET', 'a', 'x'], ['COPY', 'a', 'b', 'foo'], ['COPY', 'a', 'b', 'REPLACE', 'x'], ['EXISTS', 'b']] },
  { name: 'copy syntax before same-key', cmds: [['COPY', 'a', 'a', 'foo'], ['COPY', 'a', 'a', 'DB', 'x']] },
  { name: 'copy keeps ttl', cmds: [['SET', 'a', '1'], ['EXPIREAT', 'a', '4000000000'], ['COPY', 'a', 'b'], ['EXPIRETIME', 'b'], ['EXPIRETIME', 'a']] },
  { name: 'copy replace drops target ttl', cmds: [['MSET', 'a', '1', 'b', '2'], ['EXPIREAT', 'b', '4000000000'], ['COPY', 'a', 'b', 'REPLACE'], ['TTL', 'b']] },
  { name: 'copy encodings', cmds: [['SET', 'i', '12345'], ['SET', 'e', 'short'], ['SET', 'r', 'x'.repeat(50)], ['APPEND', 'e2', 'ab'], ['COPY', 'i', 'i2'], ['COPY', 'e', 'e3'], ['COPY', 'r', 'r2'], ['COPY', 'e2', 'e4'], ['OBJECT', 'ENCODING', 'i2'], ['OBJECT', 'ENCODING', 'e3'], ['OBJECT', 'ENCODING', 'r2'], ['OBJECT', 'ENCODING', 'e4']] },
  { name: 'copy is independent', cmds: [['SET', 'a', 'x'], ['COPY', 'a', 'b'], ['APPEND', 'b', 'y'], ['INCR', 'a'], ['MGET', 'a', 'b']] },
  { name: 'copy binary names', cmds: [['SET', '\x00', '\xff'], ['COPY', '\x00', ''], ['GET', '']] },
  { name: 'copy arity', cmds: [['COPY', 'a']] },
];

const swapdbCases: Case[] = [
  { name: 'swapdb basic', cmds: [['SET', 'a', '0'], ['SELECT', '1'], ['SET', 'a', '1'], ['SET', 'b', '1'], ['SWAPDB', '0', '1'], ['DBSIZE'], ['GET', 'a'], ['SELECT', '0'], ['DBSIZE'], ['GET', 'a']] },
  { name: 'swapdb same', cmds: [['SET', 'a', '1'], ['SWAPDB', '0', '0'], ['GET', 'a']] },
  { name: 'swapdb keeps ttl', cmds: [['SET', 'a', '1'], ['EXPIREAT', 'a', '4000000000'], ['SWAPDB', '0', '9'], ['SELECT', '9'], ['EXPIRETIME', 'a']] },
  { name: 'swapdb errors', cmds: [['SWAPDB', 'x', '0'], ['SWAPDB', '0', 'x'], ['SWAPDB', 'x', 'y'], ['SWAPDB', '0', '16'], ['SWAPDB', '-1', '0'], ['SWAPDB', '16', 'x'], ['SWAPDB', '2147483648', '0'], ['SWAPDB', '0', '2147483648']] },
  { name: 'swapdb arity', cmds: [['SWAPDB', '0'], ['SWAPDB', '0', '1', '2']] },
  { name: 'swapdb twice restores', cmds: [['SET', 'k', 'v'], ['SWAPDB', '0', '15'], ['SWAPDB', '15', '0'], ['GET', 'k']] },
];

const flushCases: Case[] = [
  { name: 'flushdb only current', cmds: [['SET', 'a', '1'], ['SELECT', '1'], ['SET', 'b', '1'], ['FLUSHDB'], ['DBSIZE'], ['SELECT', '0'], ['DBSIZE']] },
  { name: 'flushdb options', cmds: [['SET', 'a', '1'], ['FLUSHDB', 'ASYNC'], ['DBSIZE'], ['SET', 'a', '1'], ['FLUSHDB', 'sync'], ['DBSIZE']] },
  { name: 'flushdb syntax', cmds: [['FLUSHDB', 'foo'], ['FLUSHDB', 'ASYNC', 'ASYNC'], ['FLUSHDB', 'SYNC', 'x']] },
  { name: 'flushall all dbs', cmds: [['SET', 'a', '1'], ['SELECT', '3'], ['SET', 'b', '1'], ['FLUSHALL'], ['DBSIZE'], ['SELECT', '0'], ['DBSIZE']] },
  { name: 'flushall options', cmds: [['SET', 'a', '1'], ['FLUSHALL', 'async'], ['DBSIZE'], ['FLUSHALL', 'SYNC'], ['FLUSHALL', 'Async']] },
  { name: 'flushall syntax', cmds: [['FLUSHALL', 'foo'], ['FLUSHALL', 'sync', 'async']] },
  { name: 'flush empty', cmds: [['FLUSHDB'], ['FLUSHALL']] },
];

const objectCases: Case[] = [
  { name: 'object help', cmds: [['OBJECT', 'HELP']] },
  { name: 'object help lowercase', cmds: [['object', 'help']] },
  { name: 'object help arity', cmds: [['OBJECT', 'HELP', 'x']] },
  { name: 'object arity', cmds: [['OBJECT']] },
  { name: 'object unknown subcommand', cmds: [['OBJECT', 'foo'], ['OBJECT', 'foo', 'bar']] },
  { name: 'object subcommand arity', cmds: [['OBJECT', 'ENCODING'], ['OBJECT', 'ENCODING', 'a', 'b'], ['OBJECT', 'REFCOUNT'], ['OBJECT', 'IDLETIME'], ['OBJECT', 'FREQ']] },
  { name: 'object missing key', cmds: [['OBJECT', 'ENCODING', 'nokey'], ['OBJECT', 'REFCOUNT', 'nokey'], ['OBJECT', 'IDLETIME', 'nokey'], ['OBJECT', 'FREQ', 'nokey']] },
  { name: 'object missing key resp3', resp3: true, cmds: [['OBJECT', 'ENCODING', 'nokey'], ['OBJECT', 'FREQ', 'nokey']] },
  { name: 'object encoding strings', cmds: [['SET', 'i', '123'], ['SET', 'n', '-9223372036854775808'], ['SET', 'big', '9223372036854775808'], ['SET', 'e', 'x'.repeat(44)], ['SET', 'r', 'x'.repeat(45)], ['SET', 'z', '012'], ['OBJECT', 'ENCODING', 'i'], ['OBJECT', 'ENCODING', 'n'], ['OBJECT', 'ENCODING', 'big'], ['OBJECT', 'ENCODING', 'e'], ['OBJECT', 'ENCODING', 'r'], ['OBJECT', 'ENCODING', 'z']] },
  { name: 'object refcount', cmds: [['SET', 's', '0'], ['SET', 'm', '9999'], ['SET', 'l', '10000'], ['SET', 'n', '-1'], ['SET', 'x', 'abc'], ['OBJECT', 'REFCOUNT', 's'], ['OBJECT', 'REFCOUNT', 'm'], ['OBJECT', 'REFCOUNT', 'l'], ['OBJECT', 'REFCOUNT', 'n'], ['OBJECT', 'REFCOUNT', 'x']] },
  { name: 'object refcount after copy and rename', cmds: [['SET', 'a', '42'], ['COPY', 'a', 'b'], ['RENAME', 'a', 'c'], ['OBJECT', 'REFCOUNT', 'b'], ['OBJECT', 'REFCOUNT', 'c']] },
  { name: 'object freq without lfu', cmds: [['SET', 'a', 'x'], ['OBJECT', 'FREQ', 'a']] },
  { name: 'object idletime under lfu', config: { 'maxmemory-policy': 'allkeys-lfu' }, cmds: [['SET', 'a', 'x'], ['OBJECT', 'IDLETIME', 'a'], ['OBJECT', 'IDLETIME', 'nokey']] },
  { name: 'object freq under lfu', config: { 'maxmemory-policy': 'volatile-lfu' }, cmds: [['SET', 'a', 'hello'], ['OBJECT', 'FREQ', 'a'], ['GET', 'a'], ['OBJECT', 'FREQ', 'a'], ['OBJECT', 'FREQ', 'a']] },
  { name: 'object does not count as access under lfu', config: { 'maxmemory-policy': 'allkeys-lfu' }, cmds: [['SET', 'a', 'hello'], ['TYPE', 'a'], ['EXISTS', 'a'], ['TTL', 'a'], ['OBJECT', 'ENCODING', 'a'], ['OBJECT', 'FREQ', 'a']] },
  { name: 'object idletime fresh key', cmds: [['SET', 'a', 'x'], { cmd: ['OBJECT', 'IDLETIME', 'a'], shape: true }] },
];

const expireCases: Case[] = [
  { name: 'expire then ttl', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', '100'], ['TTL', 'a'], { cmd: ['PTTL', 'a'], near: 50 }] },
  { name: 'pexpire then ttl rounding', cmds: [['SET', 'a', '1'], ['PEXPIRE', 'a', '100400'], ['TTL', 'a'], ['PEXPIRE', 'a', '2600'], ['TTL', 'a']] },
  { name: 'expire missing key', cmds: [['EXPIRE', 'nokey', '10'], ['PEXPIRE', 'nokey', '10'], ['EXPIREAT', 'nokey', '10'], ['PEXPIREAT', 'nokey', '10']] },
  { name: 'expire not integer', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', 'x'], ['EXPIRE', 'a', '1.5'], ['EXPIRE', 'a', ''], ['EXPIRE', 'a', ' 1'], ['PEXPIRE', 'a', '1e3'], ['EXPIREAT', 'a', '99999999999999999999'], ['TTL', 'a']] },
  { name: 'expire not integer missing key', cmds: [['EXPIRE', 'nokey', 'x']] },
  { name: 'expire negative deletes', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', '-1'], ['EXISTS', 'a'], ['SET', 'b', '1'], ['PEXPIRE', 'b', '0'], ['EXISTS', 'b']] },
  { name: 'expireat past deletes', cmds: [['SET', 'a', '1'], ['EXPIREAT', 'a', '1'], ['GET', 'a'], ['SET', 'b', '1'], ['PEXPIREAT', 'b', '0'], ['GET', 'b'], ['SET', 'c', '1'], ['EXPIREAT', 'c', '-9223372036854775']] },
  { name: 'expire overflow', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', '9223372036854775807'], ['EXPIRE', 'a', '9223372036854776'], ['EXPIRE', 'a', '-9223372036854776'], ['EXPIRE', 'a', '9223372036854775'], ['PEXPIRE', 'a', '9223372036854775807'], ['EXPIREAT', 'a', '9223372036854776'], ['TTL', 'a']] },
  { name: 'expire overflow missing key', cmds: [['EXPIRE', 'nokey', '9223372036854775807'], ['PEXPIRE', 'nokey', '9223372036854775807']] },
  { name: 'expire huge absolute', cmds: [['SET', 'a', '1'], ['PEXPIREAT', 'a', '9223372036854775807'], ['PEXPIRETIME', 'a'], ['EXPIRETIME', 'a'], ['EXPIREAT', 'a', '9223372036854775'], ['PEXPIRETIME', 'a'], ['EXPIRETIME', 'a']] },
  { name: 'expire negative extremes', cmds: [['SET', 'a', '1'], ['PEXPIRE', 'a', '-9223372036854775808'], ['EXISTS', 'a'], ['SET', 'b', '1'], ['EXPIRE', 'b', '-9223372036854775'], ['EXISTS', 'b'], ['SET', 'c', '1'], ['PEXPIREAT', 'c', '-9223372036854775808'], ['EXISTS', 'c']] },
  { name: 'expireat exact', cmds: [['SET', 'a', '1'], ['EXPIREAT', 'a', '4000000000'], ['EXPIRETIME', 'a'], ['PEXPIRETIME', 'a'], ['PEXPIREAT', 'a', '4000000000999'], ['EXPIRETIME', 'a'], ['PEXPIREAT', 'a', '4000000000499'], ['EXPIRETIME', 'a']] },
  { name: 'expire option errors', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', '10', 'NX', 'XX'], ['EXPIRE', 'a', '10', 'GT', 'LT'], ['EXPIRE', 'a', '10', 'NX', 'GT'], ['EXPIRE', 'a', '10', 'nx', 'lt'], ['EXPIRE', 'a', '10', 'foo'], ['EXPIRE', 'a', '10', 'XX', 'LT', 'GT'], ['TTL', 'a']] },
  { name: 'expire option error before integer', cmds: [['EXPIRE', 'a', 'x', 'foo'], ['PEXPIREAT', 'a', 'x', 'NX', 'XX']] },
  { name: 'expire unsupported option binary', cmds: [['EXPIRE', 'a', '1', '\xff\x00']] },
  { name: 'expire unsupported option with newline', cmds: [['EXPIRE', 'a', '1', 'x\r\ny\x00z']] },
  { name: 'expire unsupported option with trailing newlines', cmds: [['EXPIRE', 'a', '1', 'x y\r\n\n'], ['PEXPIRE', 'a', '1', '\r\nx'], ['EXPIREAT', 'a', '1', '\r\n']] },
  { name: 'expire nx', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', '100', 'NX'], ['EXPIRE', 'a', '200', 'NX'], ['TTL', 'a']] },
  { name: 'expire xx', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', '100', 'XX'], ['TTL', 'a'], ['EXPIRE', 'a', '100'], ['EXPIRE', 'a', '200', 'xx'], ['TTL', 'a']] },
  { name: 'expire gt', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', '100', 'GT'], ['TTL', 'a'], ['EXPIRE', 'a', '100'], ['EXPIRE', 'a', '50', 'GT'], ['EXPIRE', 'a', '200', 'GT'], ['TTL', 'a']] },
  { name: 'expire lt', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', '100', 'LT'], ['TTL', 'a'], ['EXPIRE', 'a', '200', 'LT'], ['EXPIRE', 'a', '50', 'lt'], ['TTL', 'a']] },
  { name: 'expire xx gt combined', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', '10', 'XX', 'GT'], ['EXPIRE', 'a', '10'], ['EXPIRE', 'a', '20', 'XX', 'GT'], ['EXPIRE', 'a', '5', 'GT', 'XX'], ['TTL', 'a']] },
  { name: 'expire repeated option', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', '10', 'NX', 'NX'], ['EXPIRE', 'a', '20', 'GT', 'GT'], ['TTL', 'a']] },
  { name: 'expire lt with negative deletes', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', '100'], ['PEXPIRE', 'a', '-1', 'LT'], ['EXISTS', 'a']] },
  { name: 'expire gt with negative on persistent', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', '-1', 'GT'], ['EXISTS', 'a'], ['EXPIRE', 'a', '-1', 'NX'], ['EXISTS', 'a']] },
  { name: 'expireat options', cmds: [['SET', 'a', '1'], ['EXPIREAT', 'a', '4000000000', 'NX'], ['EXPIREAT', 'a', '4000000001', 'LT'], ['EXPIREAT', 'a', '4000000001', 'GT'], ['EXPIRETIME', 'a'], ['PEXPIREAT', 'a', '4000000000000', 'XX', 'LT'], ['PEXPIRETIME', 'a']] },
  { name: 'expire keyspace of other db', cmds: [['SET', 'a', '1'], ['SELECT', '1'], ['EXPIRE', 'a', '10'], ['SELECT', '0'], ['TTL', 'a']] },
  { name: 'expire arity', cmds: [['EXPIRE', 'a'], ['PEXPIRE', 'a'], ['EXPIREAT'], ['PEXPIREAT', 'a']] },
  { name: 'expire overwritten by set', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', '100'], ['SET', 'a', '2'], ['TTL', 'a']] },
  { name: 'expire kept by append and incr', cmds: [['SET', 'a', '1'], ['EXPIREAT', 'a', '4000000000'], ['APPEND', 'a', '2'], ['INCR', 'a'], ['EXPIRETIME', 'a']] },
  { name: 'expire binary key', cmds: [['SET', '\x00\xff', '1'], ['EXPIREAT', '\x00\xff', '4000000000'], ['EXPIRETIME', '\x00\xff'], ['PERSIST', '\x00\xff'], ['TTL', '\x00\xff']] },
  { name: 'expire then delete', cmds: [['SET', 'a', '1'], ['EXPIRE', 'a', '100'], ['DEL', 'a'], ['SET', 'a', '1'], ['TTL', 'a']] },
];

const ttlCases: Case[] = [
  { name: 'ttl missing and persistent', cmds: [['TTL', 'nokey'], ['PTTL', 'nokey'], ['EXPIRETIME', 'nokey'], ['PEXPIRETIME', 'nokey'], ['SET', 'a', '1'], ['TTL', 'a'], ['PTTL', 'a'], ['EXPIRETIME', 'a'], ['PEXPIRETIME', 'a']] },
  { name: 'ttl arity', cmds: [['TTL'], ['PTTL', 'a', 'b'], ['EXPIRETIME'], ['PEXPIRETIME', 'a', 'b']] },
  { name: 'pttl near', cmds: [['SET', 'a', '1'], ['PEXPIRE', 'a', '50000'], { cmd: ['PTTL', 'a'], near: 50 }] },
  { name: 'ttl huge', cmds: [['SET', 'a', '1'], ['EXPIREAT', 'a', '9223372036854775'], { cmd: ['TTL', 'a'], near: 5 }] },
  { name: 'persist', cmds: [['SET', 'a', '1'], ['PERSIST', 'a'], ['EXPIRE', 'a', '100'], ['PERSIST', 'a'], ['PERSIST', 'a'], ['TTL', 'a'], ['PERSIST', 'nokey']] },
  { name: 'persist arity', cmds: [['PERSIST'], ['PERSIST', 'a', 'b']] },
  { name: 'expire after persist', cmds: [['SET', 'a', '1'], ['EXPIREAT', 'a', '4000000000'], ['PERSIST', 'a'], ['EXPIREAT', 'a', '4000000001', 'NX'], ['EXPIRETIME', 'a']] },
];

export const cases: Case[] = [
  ...delCases, ...existsCases, ...keysCases, ...scanCases, ...randomkeyCases, ...renameCases,
  ...moveCases, ...copyCases, ...swapdbCases, ...flushCases, ...objectCases, ...expireCases, ...ttlCases,
];
