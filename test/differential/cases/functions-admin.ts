// FUNCTION LIST|DELETE|FLUSH|STATS|DUMP|RESTORE|KILL|HELP: options and their
// errors, reply shapes in RESP2 and RESP3, DUMP's payload bytes, RESTORE's
// policies and refusals of corrupt payloads. Several libraries come back in
// hash-table order in Redis (undefined): those replies are sorted.
import type { Case, Cmd, Step } from '../case.ts';
import { crc64LE } from '../../../packages/core/src/index.ts';
import { dumpFunctions } from '../../../packages/lua/src/function-dump.ts';

const FLUSH: Cmd[] = [['FUNCTION', 'FLUSH']];
const code = (name: string, body: string): string => `#!lua name=${name}\n${body}`;
const simpleLib = (name: string, fname: string): string => code(name, `redis.register_function('${fname}', function() return '${fname}' end)`);
const load = (c: string): Cmd => ['FUNCTION', 'LOAD', c];
const k = (name: string, cmds: (Cmd | Step)[], extra: Partial<Case> = {}): Case => ({ name, cmds, cleanup: FLUSH, ...extra });
const sorted = (cmd: Cmd): Step => ({ cmd, sort: true });

const DESCRIBED = code('described', `redis.register_function{function_name='d', description='does d', flags={'no-writes', 'allow-stale'}, callback=function() return 1 end}`);
const TWO = [load(simpleLib('alpha', 'fa')), load(simpleLib('beta', 'fb')), load(simpleLib('Alpine', 'fc'))];

/** A payload with its checksum made right again after `edit` changed the body. */
function recrc(payload: string, edit: (body: string) => string): string {
  const body = edit(payload.slice(0, -8));
  return body + crc64LE(body);
}
const ONE_PAYLOAD = dumpFunctions([simpleLib('restored', 'rf')], true);
const TWO_PAYLOAD = dumpFunctions([simpleLib('r1', 'g1'), simpleLib('r2', 'g2')], true);
const PRE_GA_BLOB = "redis.register_function('pgf', function() return 'pg' end)";
const LONG_LIB = code('long', `${"-- padding that LZF can compress well, padding that LZF can compress well\n".repeat(4)}redis.register_function('lf', function() return 'long' end)`);

const list: Case[] = [
  k('list empty', [['FUNCTION', 'LIST']]),
  k('list one library', [load(simpleLib('a', 'f')), ['FUNCTION', 'LIST']]),
  k('list with description and flags', [load(DESCRIBED), ['FUNCTION', 'LIST']]),
  k('list withcode', [load(DESCRIBED), ['FUNCTION', 'LIST', 'WITHCODE']]),
  k('list withcode lowercase', [load(simpleLib('a', 'f')), ['FUNCTION', 'LIST', 'withcode']]),
  k('list several libraries', [...TWO, sorted(['FUNCTION', 'LIST'])]),
  k('list libraryname exact', [...TWO, ['FUNCTION', 'LIST', 'LIBRARYNAME', 'beta']]),
  k('list libraryname glob', [...TWO, ['FUNCTION', 'LIST', 'LIBRARYNAME', 'b*']]),
  k('list libraryname is case-insensitive', [...TWO, sorted(['FUNCTION', 'LIST', 'LIBRARYNAME', 'AL*'])]),
  k('list libraryname question mark', [...TWO, ['FUNCTION', 'LIST', 'LIBRARYNAME', 'bet?']]),
  k('list libraryname class', [...TWO, sorted(['FUNCTION', 'LIST', 'LIBRARYNAME', '[ab]*'])]),
  k('list libraryname no match', [...TWO, ['FUNCTION', 'LIST', 'LIBRARYNAME', 'zzz']]),
  k('list libraryname star', [...TWO, sorted(['FUNCTION', 'LIST', 'LIBRARYNAME', '*'])]),
  k('list libraryname and withcode', [...TWO, ['FUNCTION', 'LIST', 'LIBRARYNAME', 'beta', 'WITHCODE']]),
  k('list withcode and libraryname', [...TWO, ['FUNCTION', 'LIST', 'WITHCODE', 'LIBRARYNAME', 'beta']]),
  k('list libraryname without pattern', [['FUNCTION', 'LIST', 'LIBRARYNAME']]),
  k('list withcode then libraryname without pattern', [['FUNCTION', 'LIST', 'WITHCODE', 'LIBRARYNAME']]),
  k('list unknown argument', [['FUNCTION', 'LIST', 'foo']]),
  k('list withcode twice', [['FUNCTION', 'LIST', 'WITHCODE', 'WITHCODE']]),
  k('list libraryname twice', [['FUNCTION', 'LIST', 'LIBRARYNAME', 'a', 'LIBRARYNAME', 'b']]),
  k('list resp3', [load(DESCRIBED), ['FUNCTION', 'LIST', 'WITHCODE']], { resp3: true }),
  k('list resp3 no flags', [load(simpleLib('a', 'f')), ['FUNCTION', 'LIST']], { resp3: true }),
  k('list resp3 empty', [['FUNCTION', 'LIST']], { resp3: true }),
  k('list binary description', [load(code('bin', "redis.register_function{function_name='b', description='\\0\\255\\r\\n', callback=function() end}")), ['FUNCTION', 'LIST']]),
];

const deleteAndFlush: Case[] = [
  k('delete', [load(simpleLib('a', 'f')), ['FUNCTION', 'DELETE', 'a'], ['FUNCTION', 'LIST'], ['FCALL', 'f', '0']]),
  k('delete missing', [['FUNCTION', 'DELETE', 'nosuch']]),
  k('delete is case-sensitive', [load(simpleLib('a', 'f')), ['FUNCTION', 'DELETE', 'A'], ['FCALL', 'f', '0']]),
  k('delete twice', [load(simpleLib('a', 'f')), ['FUNCTION', 'DELETE', 'a'], ['FUNCTION', 'DELETE', 'a']]),
  k('delete frees the function name', [load(simpleLib('a', 'f')), ['FUNCTION', 'DELETE', 'a'], load(simpleLib('b', 'f')), ['FCALL', 'f', '0']]),
  k('delete keeps other libraries', [...TWO, ['FUNCTION', 'DELETE', 'alpha'], sorted(['FUNCTION', 'LIST']), ['FCALL', 'fb', '0']]),
  k('delete arity', [['FUNCTION', 'DELETE']]),
  k('delete extra argument', [['FUNCTION', 'DELETE', 'a', 'b']]),
  k('flush', [...TWO, ['FUNCTION', 'FLUSH'], ['FUNCTION', 'LIST'], ['FCALL', 'fa', '0']]),
  k('flush sync', [load(simpleLib('a', 'f')), ['FUNCTION', 'FLUSH', 'SYNC'], ['FUNCTION', 'LIST']]),
  k('flush async', [load(simpleLib('a', 'f')), ['FUNCTION', 'FLUSH', 'async'], ['FUNCTION', 'LIST']]),
  k('flush bad mode', [['FUNCTION', 'FLUSH', 'x']]),
  k('flush extra argument', [['FUNCTION', 'FLUSH', 'SYNC', 'x']]),
  k('flush empty', [['FUNCTION', 'FLUSH']]),
  k('flush resets library state', [
    load(code('st', "local n = 0\nredis.register_function('f', function() n = n + 1 return n end)")), ['FCALL', 'f', '0'],
    ['FUNCTION', 'FLUSH'], load(code('st', "local n = 0\nredis.register_function('f', function() n = n + 1 return n end)")), ['FCALL', 'f', '0'],
  ]),
  k('flushall keeps functions', [load(simpleLib('a', 'f')), ['FLUSHALL'], ['FCALL', 'f', '0']]),
  k('script flush keeps functions', [load(simpleLib('a', 'f')), ['SCRIPT', 'FLUSH'], ['FCALL', 'f', '0']]),
  k('function flush keeps scripts', [['SCRIPT', 'LOAD', 'return 1'], ['FUNCTION', 'FLUSH'], ['SCRIPT', 'EXISTS', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db']]),
];

const stats: Case[] = [
  k('stats empty', [['FUNCTION', 'STATS']]),
  k('stats counts', [...TWO, load(code('two', "redis.register_function('x1', function() end) redis.register_function('x2', function() end)")), ['FUNCTION', 'STATS']]),
  k('stats after delete', [...TWO, ['FUNCTION', 'DELETE', 'beta'], ['FUNCTION', 'STATS']]),
  k('stats resp3', [load(simpleLib('a', 'f')), ['FUNCTION', 'STATS']], { resp3: true }),
  k('stats extra argument', [['FUNCTION', 'STATS', 'x']]),
  k('kill when nothing runs', [['FUNCTION', 'KILL']]),
  k('kill extra argument', [['FUNCTION', 'KILL', 'x']]),
  k('script kill when nothing runs', [['SCRIPT', 'KILL']]),
  k('help', [['FUNCTION', 'HELP']]),
  k('help lowercase', [['function', 'help']]),
  k('help extra argument', [['FUNCTION', 'HELP', 'x']]),
  k('function without subcommand', [['FUNCTION']]),
  k('unknown subcommand', [['FUNCTION', 'NOSUCH']]),
  k('unknown subcommand with arguments', [['FUNCTION', 'NOSUCH', 'a', 'b']]),
];

const dumpRestore: Case[] = [
  k('dump empty', [['FUNCTION', 'DUMP']]),
  k('dump one library', [load(simpleLib('a', 'f')), ['FUNCTION', 'DUMP']]),
  k('dump a compressible library', [load(LONG_LIB), ['FUNCTION', 'DUMP']]),
  k('dump without compression', [load(LONG_LIB), ['FUNCTION', 'DUMP']], { config: { rdbcompression: 'no' } }),
  k('dump binary code', [load(code('bin', "redis.register_function('b', function() return '\\0\\255' end) -- \x00\xff")), ['FUNCTION', 'DUMP']]),
  k('dump extra argument', [['FUNCTION', 'DUMP', 'x']]),
  k('restore one library', [['FUNCTION', 'RESTORE', ONE_PAYLOAD], ['FUNCTION', 'LIST', 'WITHCODE'], ['FCALL', 'rf', '0']]),
  k('restore two libraries', [['FUNCTION', 'RESTORE', TWO_PAYLOAD], sorted(['FUNCTION', 'LIST']), ['FCALL', 'g2', '0']]),
  k('restore a dump of a compressed library', [['FUNCTION', 'RESTORE', dumpFunctions([LONG_LIB], true)], ['FCALL', 'lf', '0']]),
  k('restore an empty payload', [load(simpleLib('a', 'f')), ['FUNCTION', 'RESTORE', dumpFunctions([], true)], ['FUNCTION', 'LIST']]),
  k('restore append collision', [load(simpleLib('restored', 'x')), ['FUNCTION', 'RESTORE', ONE_PAYLOAD], ['FUNCTION', 'LIST']]),
  k('restore append explicit', [load(simpleLib('a', 'f')), ['FUNCTION', 'RESTORE', ONE_PAYLOAD, 'APPEND'], sorted(['FUNCTION', 'LIST'])]),
  k('restore append function collision', [load(simpleLib('other', 'rf')), ['FUNCTION', 'RESTORE', ONE_PAYLOAD], ['FUNCTION', 'LIST']]),
  k('restore replace', [load(simpleLib('restored', 'x')), ['FUNCTION', 'RESTORE', ONE_PAYLOAD, 'REPLACE'], ['FUNCTION', 'LIST'], ['FCALL', 'x', '0']]),
  k('restore replace function collision keeps everything', [
    load(simpleLib('restored', 'x')), load(simpleLib('other', 'rf')), ['FUNCTION', 'RESTORE', ONE_PAYLOAD, 'replace'],
    sorted(['FUNCTION', 'LIST']), ['FCALL', 'x', '0'],
  ]),
  k('restore flush', [...TWO, ['FUNCTION', 'RESTORE', ONE_PAYLOAD, 'FLUSH'], ['FUNCTION', 'LIST'], ['FCALL', 'fa', '0']]),
  k('restore flush with a bad payload keeps everything', [load(simpleLib('a', 'f')), ['FUNCTION', 'RESTORE', 'xx', 'FLUSH'], ['FUNCTION', 'LIST']]),
  k('restore bad policy', [['FUNCTION', 'RESTORE', ONE_PAYLOAD, 'MERGE']]),
  k('restore bad policy checked first', [['FUNCTION', 'RESTORE', 'xx', 'MERGE']]),
  k('restore extra argument', [['FUNCTION', 'RESTORE', ONE_PAYLOAD, 'FLUSH', 'x']]),
  k('restore arity', [['FUNCTION', 'RESTORE']]),
  k('restore short payload', [['FUNCTION', 'RESTORE', 'xx']]),
  k('restore empty payload string', [['FUNCTION', 'RESTORE', '']]),
  k('restore bad checksum', [['FUNCTION', 'RESTORE', `${ONE_PAYLOAD.slice(0, -1)}\x00`]]),
  k('restore flipped byte', [['FUNCTION', 'RESTORE', `${ONE_PAYLOAD.slice(0, 5)}X${ONE_PAYLOAD.slice(6)}`]]),
  k('restore newer rdb version', [['FUNCTION', 'RESTORE', recrc(ONE_PAYLOAD, (b) => `${b.slice(0, -2)}\x0b\x00`)]]),
  k('restore older rdb version', [['FUNCTION', 'RESTORE', recrc(ONE_PAYLOAD, (b) => `${b.slice(0, -2)}\x09\x00`)], ['FCALL', 'rf', '0']]),
  k('restore a key payload', [['SET', 'k', 'v'], ['FUNCTION', 'RESTORE', `\x00\x01v\x0a\x00${crc64LE('\x00\x01v\x0a\x00')}`]]),
  k('restore truncated library string', [['FUNCTION', 'RESTORE', recrc(ONE_PAYLOAD, () => '\xf5\x30abc\x0a\x00')]]),
  k('restore code without shebang', [['FUNCTION', 'RESTORE', recrc(ONE_PAYLOAD, () => '\xf5\x08return 1\x0a\x00')]]),
  k('restore code that registers nothing', [['FUNCTION', 'RESTORE', dumpFunctions([code('e', 'return 1')], true)]]),
  k('restore code that fails to compile', [['FUNCTION', 'RESTORE', dumpFunctions([code('e', 'x = = 1')], true)]]),
  k('restore duplicate libraries', [['FUNCTION', 'RESTORE', dumpFunctions([simpleLib('d', 'f1'), simpleLib('d', 'f2')], true)]]),
  k('restore duplicate functions', [['FUNCTION', 'RESTORE', dumpFunctions([simpleLib('d1', 'f'), simpleLib('d2', 'f')], true)], ['FUNCTION', 'LIST']]),
  k('restore pre-GA blob too short', [['FUNCTION', 'RESTORE', recrc(ONE_PAYLOAD, () => `\xf6\x02pg\x03LUA\x00${String.fromCharCode(57)}${PRE_GA_BLOB}\x0a\x00`)]]),
  k('restore pre-GA library', [['FUNCTION', 'RESTORE', recrc(ONE_PAYLOAD, () => `\xf6\x02pg\x03LUA\x00${String.fromCharCode(PRE_GA_BLOB.length)}redis.register_function('pgf', function() return 'pg' end)\x0a\x00`)], ['FUNCTION', 'LIST', 'WITHCODE'], ['FCALL', 'pgf', '0']]),
  k('restore pre-GA library with description', [['FUNCTION', 'RESTORE', recrc(ONE_PAYLOAD, () => `\xf6\x03pg2\x03LUA\x01\x04desc${String.fromCharCode(PRE_GA_BLOB.length)}redis.register_function('pgf', function() return 'pg' end)\x0a\x00`)], ['FUNCTION', 'LIST', 'WITHCODE']]),
  k('restore pre-GA truncated name', [['FUNCTION', 'RESTORE', recrc(ONE_PAYLOAD, () => '\xf6\x30ab\x0a\x00')]]),
  k('restore pre-GA truncated engine', [['FUNCTION', 'RESTORE', recrc(ONE_PAYLOAD, () => '\xf6\x03pg3\x0a\x00')]]),
  k('restore pre-GA truncated description', [['FUNCTION', 'RESTORE', recrc(ONE_PAYLOAD, () => '\xf6\x02pg\x03LUA\x01\x30a\x0a\x00')]]),
  k('restore pre-GA truncated blob', [['FUNCTION', 'RESTORE', recrc(ONE_PAYLOAD, () => '\xf6\x02pg\x03LUA\x00\x30a\x0a\x00')]]),
  k('restore pre-GA description indicator in the footer', [['FUNCTION', 'RESTORE', recrc(ONE_PAYLOAD, () => '\xf6\x02pg\x0dLUA\x0a\x00')]]),
  k('restore then dump is identical', [['FUNCTION', 'RESTORE', ONE_PAYLOAD], ['FUNCTION', 'DUMP']]),
];

export const cases: Case[] = [...list, ...deleteAndFlush, ...stats, ...dumpRestore];
