// FUNCTION LOAD: the `#!lua name=` header, library and function names, the
// positional and table forms of redis.register_function and each of their
// errors, the load-time environment (only redis.register_function, redis.log,
// LOG_* and REDIS_VERSION*), compile and run errors, REPLACE and collisions.
import type { Case, Cmd, Step } from '../case.ts';

const FLUSH: Cmd[] = [['FUNCTION', 'FLUSH']];
const load = (code: string, ...opts: string[]): Cmd => ['FUNCTION', 'LOAD', ...opts, code];
const lib = (name: string, body: string): string => `#!lua name=${name}\n${body}`;
const reg = (fname: string): string => `redis.register_function('${fname}', function() return 1 end)`;
const k = (name: string, cmds: (Cmd | Step)[]): Case => ({ name, cmds, cleanup: FLUSH });
/** One FUNCTION LOAD of a library body, then FUNCTION LIST to show what it registered. */
const body = (name: string, code: string): Case => k(name, [load(lib('lib', code)), ['FUNCTION', 'LIST']]);

const metadata: Case[] = [
  k('no shebang', [load('return 1')]),
  k('empty code', [load('')]),
  k('shebang without newline', [load('#!lua name=a')]),
  k('shebang without name', [load('#!lua\nreturn 1')]),
  k('bare shebang', [load(`#!\n${reg('f')}`)]),
  k('shebang without engine', [load(`#! name=x\n${reg('f')}`)]),
  k('unknown engine', [load(`#!python name=a\n${reg('f')}`)]),
  k('engine name case-insensitive', [load(`#!LUA name=a\n${reg('f')}`), ['FUNCTION', 'LIST']]),
  k('name key case-insensitive', [load(`#!lua NAME=a\n${reg('f')}`)]),
  k('unknown metadata', [load(`#!lua name=a b=c\n${reg('f')}`)]),
  k('metadata without value', [load(`#!lua name=a flags\n${reg('f')}`)]),
  k('name given twice', [load(`#!lua name=a name=b\n${reg('f')}`)]),
  k('empty name', [load(`#!lua name=\n${reg('f')}`)]),
  k('name with dash', [load(`#!lua name=a-b\n${reg('f')}`)]),
  k('name with dot', [load(`#!lua name=a.b\n${reg('f')}`)]),
  k('quoted name with space', [load(`#!lua name="q q"\n${reg('f')}`)]),
  k('quoted name', [load(`#!lua "name=qq"\n${reg('f')}`)]),
  k('unbalanced quote', [load(`#!lua name="abc\n${reg('f')}`)]),
  k('nul in the shebang line', [load(`#!lua name=a\0b\n${reg('f')}`)]),
  k('spaces and cr around the shebang', [load(`#!lua  name=ab  \r\n${reg('f')}`)]),
  k('binary name', [load(`#!lua name=\xff\n${reg('f')}`)]),
  k('digits and underscores name', [load(`#!lua name=_0_9aZ\n${reg('f')}`), ['FUNCTION', 'LIST']]),
  k('line numbers count the shebang line', [load(lib('a', '\n\nlocal x = nil + 1'))]),
  k('library names are case-sensitive', [
    load(lib('a', reg('f'))), load(lib('A', reg('g'))), { cmd: ['FUNCTION', 'LIST', 'LIBRARYNAME', 'A'], sort: true }, ['FUNCTION', 'DELETE', 'A'], ['FUNCTION', 'LIST'],
  ]),
];

const registerErrors: Case[] = [
  body('no arguments', 'redis.register_function()'),
  body('three arguments', "redis.register_function('f', function() end, 'x')"),
  body('four arguments', "redis.register_function('f', function() end, 'x', 'y')"),
  body('single string argument', "redis.register_function('f')"),
  body('single number argument', 'redis.register_function(1)'),
  body('nil name', 'redis.register_function(nil, function() end)'),
  body('table name', 'redis.register_function({}, function() end)'),
  body('boolean name', 'redis.register_function(true, function() end)'),
  body('number name is a string', 'redis.register_function(1, function() return 1 end)'),
  body('float name has a dot', 'redis.register_function(1.5, function() return 1 end)'),
  body('string callback', "redis.register_function('f', 'g')"),
  body('nil callback', "redis.register_function('f', nil)"),
  body('table callback', "redis.register_function('f', {})"),
  body('native callback', "redis.register_function('f', redis.log)"),
  body('empty function name', "redis.register_function('', function() end)"),
  body('function name with dash', "redis.register_function('f-x', function() end)"),
  body('function name with space', "redis.register_function('f x', function() end)"),
  body('function name with nul', "redis.register_function('f\\0x', function() end)"),
  body('same function twice', "redis.register_function('f', function() end) redis.register_function('f', function() end)"),
  k('two functions, each callable', [
    load(lib('lib', "redis.register_function('f', function() return 1 end) redis.register_function('g', function() return 2 end)")),
    ['FCALL', 'f', '0'], ['FCALL', 'G', '0'], ['FUNCTION', 'STATS'],
  ]),
  body('table: not a table', "redis.register_function('f', 1, 2)"),
  body('table: empty', 'redis.register_function({})'),
  body('table: no callback', "redis.register_function({function_name='f'})"),
  body('table: no name', 'redis.register_function({callback=function() end})'),
  body('table: name not a string', 'redis.register_function({function_name={}, callback=function() end})'),
  body('table: number name', 'redis.register_function({function_name=7, callback=function() return 7 end})'),
  body('table: callback not a function', "redis.register_function({function_name='f', callback='x'})"),
  body('table: unknown key', "redis.register_function({function_name='f', callback=function() end, foo=1})"),
  body('table: numeric key', 'redis.register_function({[1]=2})'),
  body('table: positional entry', "redis.register_function({'f'})"),
  body('table: flags not a table', "redis.register_function({function_name='f', callback=function() end, flags='no-writes'})"),
  body('table: unknown flag', "redis.register_function({function_name='f', callback=function() end, flags={'bad'}})"),
  body('table: numeric flag', "redis.register_function({function_name='f', callback=function() end, flags={1}})"),
  body('table: table flag', "redis.register_function({function_name='f', callback=function() end, flags={{}}})"),
  body('table: description not a string', "redis.register_function({function_name='f', callback=function() end, description={}})"),
  body('table: number description', "redis.register_function({function_name='f', callback=function() end, description=1})"),
  body('table: invalid name', "redis.register_function({function_name='a b', callback=function() end})"),
  body('table: extra argument', "redis.register_function({function_name='f', callback=function() end}, 2)"),
  body('table: uppercase keys', "redis.register_function({FUNCTION_NAME='f', CALLBACK=function() return 1 end, FLAGS={'no-writes'}, DESCRIPTION='d'})"),
  body('table: every flag', "redis.register_function{function_name='f', callback=function() end, flags={'no-writes','allow-oom','allow-stale','no-cluster','allow-cross-slot-keys'}}"),
  body('table: flags in any case', "redis.register_function{function_name='f', callback=function() end, flags={'NO-WRITES', 'Allow-Stale'}}"),
  body('table: repeated flag', "redis.register_function{function_name='f', callback=function() end, flags={'no-writes', 'no-writes'}}"),
  body('table: empty flags', "redis.register_function{function_name='f', callback=function() end, flags={}}"),
  body('table: flags stop at the first nil', "redis.register_function{function_name='f', callback=function() end, flags={'no-writes', nil, 'bad'}}"),
  body('table: description', "redis.register_function{function_name='f', callback=function() end, description='adds things'}"),
  body('table: empty description', "redis.register_function{function_name='f', callback=function() end, description=''}"),
  body('table: binary description', "redis.register_function{function_name='f', callback=function() end, description='a\\0b\\255'}"),
  body('table call syntax', "redis.register_function{function_name='f', callback=function() return 'x' end}"),
  k('several functions listed', [
    load(lib('lib', "redis.register_function('a', function() end) redis.register_function('b', function() end)")),
    { cmd: ['FUNCTION', 'LIST'], sort: 'deep' },
  ]),
];

const environment: Case[] = [
  body('no functions registered', 'local x = 1'),
  body('return value ignored', `${reg('f')} return 5`),
  body('math is not visible', 'local x = math.floor(1)'),
  body('pairs is not visible', "for k in pairs({}) do end"),
  body('error is not visible', "error('boom')"),
  body('pcall is not visible', 'pcall(function() end)'),
  body('string library is not visible', "local x = string.len('a')"),
  body('_G is not visible', 'local x = _G'),
  body('KEYS is not visible', 'local x = KEYS'),
  body('redis.call is not visible', "redis.call('ping')"),
  body('redis.pcall is not visible', "redis.pcall('ping')"),
  body('redis.setresp is not visible', 'local x = redis.setresp'),
  body('redis.sha1hex is not visible', "redis.sha1hex('x')"),
  body('redis.breakpoint is not visible', 'redis.breakpoint()'),
  body('getmetatable is not visible', 'local x = getmetatable(redis)'),
  body('coroutine is not visible', 'coroutine.yield()'),
  body('assigning a global', 'x = 1'),
  body('assigning a redis field', `${reg('f')} redis.x = 1`),
  body('replacing register_function', 'redis.register_function = nil'),
  body('log levels and version', `local t = redis.LOG_DEBUG + redis.LOG_VERBOSE + redis.LOG_NOTICE + redis.LOG_WARNING + redis.REDIS_VERSION_NUM
redis.register_function('f', function() return {t, redis.REDIS_VERSION} end)`),
  body('redis.log at load', `redis.log(redis.LOG_DEBUG, 'loading') ${reg('f')}`),
  body('redis.log bad level at load', `${reg('f')}\nredis.log(5, 'x')`),
  body('redis.log one argument at load', `${reg('f')}\nredis.log(1)`),
  body('runtime error at load', `${reg('f')}\nlocal x = 1\nx.y = 2`),
  body('arithmetic on nil at load', 'local x = nil + 1'),
  body('calling nil at load', 'local f\nf()'),
  body('locals and closures at load', `local n = 0
local function inc() n = n + 1 return n end
redis.register_function('f', function() return inc() end)`),
  body('compile error', 'local x = 1 +'),
  body('compile error near escape byte', '\x1bLua'),
  body('compile error unfinished string', "local x = 'abc"),
  body('lua 5.3 syntax refused', 'local x = 1 // 2'),
  k('load timeout', [load(lib('slow', 'local i = 0 while true do i = i + 1 end')), ['FUNCTION', 'LIST']]),
];

const replaceAndCollisions: Case[] = [
  k('library exists', [load(lib('a', reg('f'))), load(lib('a', reg('g')))]),
  k('library exists is checked before the body runs', [load(lib('a', reg('f'))), load(lib('a', 'local x = 1 +'))]),
  k('replace', [load(lib('a', reg('f'))), load(lib('a', reg('g')), 'REPLACE'), ['FUNCTION', 'LIST']]),
  k('replace in any case', [load(lib('a', reg('f'))), load(lib('a', reg('g')), 'rEpLaCe'), ['FCALL', 'g', '0']]),
  k('replace twice', [load(lib('a', reg('f')), 'REPLACE', 'REPLACE'), ['FCALL', 'f', '0']]),
  k('replace a missing library', [load(lib('a', reg('f')), 'REPLACE'), ['FUNCTION', 'LIST']]),
  k('unknown option', [load(lib('a', reg('f')), 'FOO')]),
  k('option after replace', [load(lib('a', reg('f')), 'REPLACE', 'BAR')]),
  k('only replace', [['FUNCTION', 'LOAD', 'REPLACE']]),
  k('function exists in another library', [load(lib('a', reg('f'))), load(lib('b', reg('f')))]),
  k('function exists in another case', [load(lib('a', reg('f'))), load(lib('b', reg('F')))]),
  k('failed replace keeps the old library', [load(lib('a', reg('f'))), load(lib('a', 'local x = 1 +'), 'REPLACE'), ['FCALL', 'f', '0']]),
  k('failed replace by collision keeps the old library', [
    load(lib('a', reg('f'))), load(lib('b', reg('g'))), load(lib('a', reg('g')), 'REPLACE'), ['FCALL', 'f', '0'], ['FUNCTION', 'LIST', 'LIBRARYNAME', 'a'],
  ]),
  k('replace may keep its own function names', [load(lib('a', reg('f'))), load(lib('a', `${reg('f')} ${reg('h')}`), 'REPLACE'), ['FCALL', 'h', '0']]),
  k('replace drops the old functions', [load(lib('a', reg('f'))), load(lib('a', reg('g')), 'REPLACE'), ['FCALL', 'f', '0']]),
  k('a failed load registers nothing', [load(lib('a', `${reg('f')}\nlocal x = nil + 1`)), ['FCALL', 'f', '0'], ['FUNCTION', 'STATS']]),
  k('load arity', [['FUNCTION', 'LOAD']]),
  k('load is propagated with its reply', [load(lib('a', reg('f'))), ['FUNCTION', 'LIST', 'WITHCODE']]),
];

export const cases: Case[] = [...metadata, ...registerErrors, ...environment, ...replaceAndCollisions];
