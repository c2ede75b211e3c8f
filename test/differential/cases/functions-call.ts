// FCALL and FCALL_RO: numkeys, the keys/args arguments (no KEYS/ARGV), reply
// conversions in RESP2 and RESP3, error decorations (`script: <function>, on
// @user_function:<line>.`), redis.call's refusals, read-only rules and flags,
// and the run-time environment (EVAL's globals without the EVAL-only helpers).
import type { Case, Cmd } from '../case.ts';

const FLUSH: Cmd[] = [['FUNCTION', 'FLUSH']];
const lib = (body: string): Cmd => ['FUNCTION', 'LOAD', `#!lua name=t\n${body}`];
/** A library with one function `f` whose body (taking keys and args) is `code`. */
const fn = (code: string, flags = ''): Cmd =>
  lib(flags === ''
    ? `redis.register_function('f', function(keys, args)\n${code}\nend)`
    : `redis.register_function{function_name='f', flags={${flags}}, callback=function(keys, args)\n${code}\nend}`);
/** Load f with `code`, then FCALL it with the given numkeys and arguments. */
const call = (name: string, code: string, ...args: string[]): Case =>
  ({ name, cmds: [fn(code), ['FCALL', 'f', ...(args.length === 0 ? ['0'] : args)]], cleanup: FLUSH });
const call3 = (name: string, code: string, ...args: string[]): Case => ({ ...call(name, code, ...args), resp3: true });
const k = (name: string, cmds: Cmd[], extra: Partial<Case> = {}): Case => ({ name, cmds, cleanup: FLUSH, ...extra });

const numkeys: Case[] = [
  k('function not found', [['FCALL', 'nosuch', '0']]),
  k('function not found before numkeys', [['FCALL', 'nosuch', 'x']]),
  k('function name is case-insensitive', [fn('return 1'), ['FCALL', 'F', '0']]),
  k('numkeys not a number', [fn('return 1'), ['FCALL', 'f', 'x']]),
  k('numkeys with a plus', [fn('return 1'), ['FCALL', 'f', '+1', 'a']]),
  k('numkeys with spaces', [fn('return 1'), ['FCALL', 'f', ' 1', 'a']]),
  k('numkeys float', [fn('return 1'), ['FCALL', 'f', '1.0', 'a']]),
  k('numkeys overflow', [fn('return 1'), ['FCALL', 'f', '99999999999999999999']]),
  k('numkeys greater than args', [fn('return 1'), ['FCALL', 'f', '2', 'a']]),
  k('numkeys negative', [fn('return 1'), ['FCALL', 'f', '-1']]),
  k('fcall arity', [['FCALL', 'f']]),
  k('fcall_ro arity', [['FCALL_RO']]),
  k('fcall_ro function not found', [['FCALL_RO', 'nosuch', '0']]),
  call('keys and args', 'return {keys, args}', '2', 'a', 'b', 'c', 'd'),
  call('no keys, only args', 'return {#keys, #args}', '0', 'x', 'y'),
  call('only keys', 'return {#keys, #args}', '2', 'x', 'y'),
  call('binary keys and args', 'return {keys[1], args[1]}', '1', '\x00\xff', '\r\n'),
  call('empty key and arg', 'return {keys[1], args[1]}', '1', '', ''),
  call('keys table is mutable', "keys[1] = 'changed' table.insert(args, 'z') return {keys[1], args[2]}", '1', 'a', 'b'),
  call('KEYS global is absent', 'return KEYS', '1', 'a'),
  call('ARGV global is absent', 'return ARGV[1]', '0', 'a'),
  call('varargs are keys and args', 'local a, b = ... return {#a, #b}', '1', 'k', 'v'),
];

const conversions: Case[] = [
  call('integer', 'return 1'),
  call('float truncated', 'return 3.99'),
  call('negative float', 'return -2.5'),
  call('nan', 'return 0/0'),
  call('string', "return 'hello'"),
  call('binary string', 'return string.char(0, 1, 255)'),
  call('true', 'return true'),
  call('false', 'return false'),
  call('nil', 'return nil'),
  call('no return', 'local x = 1'),
  call('array', "return {1, 'two', {3}}"),
  call('array stops at nil', 'return {1, nil, 3}'),
  call('status table', "return {ok = 'fine'}"),
  call('error table', "return {err = 'MY error'}"),
  call('error table nested', "return {1, {err = 'E x'}}"),
  call('redis.status_reply', "return redis.status_reply('ST')"),
  call('redis.error_reply', "return redis.error_reply('CODE msg')"),
  call('redis.error_reply with dash', "return redis.error_reply('-X y')"),
  call('double under resp2', 'return {double = 3.5}'),
  call('map under resp2', 'return {map = {a = 1}}'),
  call('set under resp2', 'return {set = {a = true}}'),
  call('big number under resp2', "return {big_number = '123456789012345678901234567890'}"),
  call('verbatim under resp2', "return {verbatim_string = {format = 'txt', string = 'hi'}}"),
  call3('resp3 true', 'return true'),
  call3('resp3 false', 'return false'),
  call3('resp3 nil', 'return nil'),
  call3('resp3 double', 'return {double = 3.5}'),
  call3('resp3 map', 'return {map = {a = 1}}'),
  call3('resp3 set', 'return {set = {a = true}}'),
  call3('resp3 big number', "return {big_number = '12345678901234567890'}"),
  call3('resp3 verbatim', "return {verbatim_string = {format = 'txt', string = 'hi'}}"),
  call3('resp3 setresp 3 booleans', 'redis.setresp(3) return {true, false}'),
  call3('resp3 setresp 3 hgetall', "redis.setresp(3) redis.call('hset', 'h', 'a', '1') return redis.call('hgetall', 'h')"),
  call3('resp3 setresp 3 null', "redis.setresp(3) return redis.call('get', 'missing')"),
  call('setresp 3 on a resp2 client', "redis.setresp(3) return {true, false, redis.call('hgetall', 'nope')}"),
  call('setresp 3 double to resp2', "redis.setresp(3) redis.call('zadd', 'z', '1.5', 'm') return redis.call('zscore', 'z', 'm')"),
  call('setresp bad version', 'redis.setresp(4)'),
  call('setresp no argument', 'redis.setresp()'),
  call('redis.call reply types', "redis.call('set', 'k', 'v') return {redis.call('get', 'k'), redis.call('get', 'nokey'), redis.call('ping'), redis.call('incr', 'n')}"),
  call('redis.pcall error table', "return redis.pcall('incr', 'x', 'y')"),
  call('numbers as arguments', "redis.call('set', 'k', 0.1) return redis.call('get', 'k')"),
  call('bad argument type', "return redis.call('set', 'k', {})"),
  call('no arguments to redis.call', 'return redis.call()'),
];

const errors: Case[] = [
  call('error string', "error('boom')"),
  call('error on a later line', "local x = 1\nerror('boom')"),
  call('error raised as a table', "error({err = 'MY custom'})"),
  call('error number', 'error(42)'),
  call('runtime error', 'local x = nil + 1'),
  call('calling nil', 'local f f()'),
  call('nonexistent global', 'return undefined_var'),
  call('assigning a global', 'x = 5'),
  call('assigning through _G', '_G.x = 5'),
  call('rawset on _G', "rawset(_G, 'x', 5)"),
  call('unknown command', "return redis.call('nosuch')"),
  call('wrong arity', "return redis.call('get')"),
  call('noscript command', "return redis.call('fcall', 'f', '0')"),
  call('function command from a function', "return redis.call('function', 'list')"),
  call('eval from a function', "return redis.call('eval', 'return 1', '0')"),
  call('wrong type', "redis.call('set', 'k', 'v') return redis.call('lpush', 'k', 'x')"),
  call('syntax error from a command', "return redis.call('set', 'k', 'v', 'xx', 'nx')"),
  call('pcall catches redis.call', "local ok, e = pcall(redis.call, 'nosuch') return {tostring(ok), e}"),
  call('pcall catches error', "local ok, e = pcall(error, 'x') return {tostring(ok), e}"),
  call('redis.pcall wrong type', "redis.call('set', 'k', 'v') return redis.pcall('lpush', 'k', 'x')"),
  call('error from a nested function', "local function inner() error('deep') end\nlocal function outer() inner() end\nouter()"),
  call('error after a write', "redis.call('set', 'k', 'v')\nerror('after')"),
  k('error in another function of the library', [
    lib("local function helper() error('in helper') end\nredis.register_function('f', function() helper() end)"), ['FCALL', 'f', '0'],
  ]),
  k('error names the called function', [
    lib("redis.register_function('first', function() error('x') end)\nredis.register_function('Second', function() error('y') end)"),
    ['FCALL', 'second', '0'], ['FCALL', 'FIRST', '0'],
  ]),
  k('function stays usable after an error', [fn("if args[1] == 'fail' then error('no') end return 'ok'"), ['FCALL', 'f', '0', 'fail'], ['FCALL', 'f', '0', 'x']]),
  call('register_function at run time', "return redis.register_function('g', function() end)"),
  k('captured register_function at run time', [
    lib("local r = redis\nredis.register_function('f', function() r.register_function('z', function() end) end)"), ['FCALL', 'f', '0'],
  ]),
  k('captured log at run time', [lib("local r = redis\nredis.register_function('f', function() r.log(r.LOG_DEBUG, 'x') return 1 end)"), ['FCALL', 'f', '0']]),
];

const readOnly: Case[] = [
  k('fcall_ro refuses a function without no-writes', [fn("return redis.call('set', 'k', 'v')"), ['FCALL_RO', 'f', '1', 'k']]),
  k('fcall_ro refuses even a reading function without no-writes', [fn('return 1'), ['FCALL_RO', 'f', '0']]),
  k('fcall_ro runs a no-writes function', [fn("return redis.call('get', 'k')", "'no-writes'"), ['SET', 'k', 'v'], ['FCALL_RO', 'f', '1', 'k']]),
  k('no-writes refuses a write under fcall', [fn("return redis.call('set', 'k', 'v')", "'no-writes'"), ['FCALL', 'f', '1', 'k'], ['EXISTS', 'k']]),
  k('no-writes refuses a write under fcall_ro', [fn("return redis.call('set', 'k', 'v')", "'no-writes'"), ['FCALL_RO', 'f', '1', 'k']]),
  k('no-writes refuses publish', [fn("return redis.call('publish', 'ch', 'm')", "'no-writes'"), ['FCALL', 'f', '0']]),
  k('no-writes refuses pfcount', [fn("return redis.call('pfcount', 'h')", "'no-writes'"), ['FCALL', 'f', '0']]),
  k('no-writes pcall gets the error', [fn("return redis.pcall('del', 'k')", "'no-writes'"), ['FCALL', 'f', '0']]),
  k('allow-oom and allow-stale flags run', [fn("return redis.call('set', 'k', 'v')", "'allow-oom', 'allow-stale'"), ['FCALL', 'f', '0'], ['GET', 'k']]),
  k('no-cluster flag runs', [fn('return 1', "'no-cluster'"), ['FCALL', 'f', '0']]),
  k('allow-cross-slot-keys flag runs', [fn("return redis.call('mset', 'a', '1', 'b', '2')", "'allow-cross-slot-keys'"), ['FCALL', 'f', '2', 'a', 'b'], ['MGET', 'a', 'b']]),
  k('fcall writes', [fn("redis.call('set', keys[1], args[1]) return redis.call('get', keys[1])"), ['FCALL', 'f', '1', 'k', 'v'], ['GET', 'k']]),
  k('a write made before an error stays', [fn("redis.call('set', 'k', 'v') error('x')"), ['FCALL', 'f', '0'], ['GET', 'k']]),
  k('fcall inside multi', [fn("return redis.call('incr', 'n')"), ['MULTI'], ['FCALL', 'f', '0'], ['FCALL_RO', 'f', '0'], ['EXEC']]),
  k('function commands inside multi', [['MULTI'], fn('return 1'), ['FCALL', 'f', '0'], ['FUNCTION', 'LIST'], ['FUNCTION', 'DELETE', 't'], ['EXEC']]),
  k('eval cannot fcall', [fn('return 1'), ['EVAL', "return redis.call('fcall', 'f', '0')", '0']]),
  k('eval with a library header is not a library', [['EVAL', "#!lua name=x\nreturn 1", '0']]),
  k('fcall after function flush inside multi', [fn('return 1'), ['MULTI'], ['FUNCTION', 'FLUSH'], ['FCALL', 'f', '0'], ['EXEC']]),
  k('select inside a function', [fn("redis.call('select', '1') redis.call('set', 'k', 'db1') return 1"), ['FCALL', 'f', '0'], ['GET', 'k'], ['SELECT', '1'], ['GET', 'k'], ['DEL', 'k']]),
];

const environment: Case[] = [
  call('globals at run time', 'local t = {} for k in pairs(_G) do t[#t + 1] = k end table.sort(t) return t'),
  call('redis table at run time', 'local t = {} for k in pairs(redis) do t[#t + 1] = k end table.sort(t) return t'),
  call('debug is absent', 'return type(debug)'),
  call('error handler is absent', 'return __redis__err__handler'),
  call('redis.breakpoint is absent', 'return redis.breakpoint()'),
  call('redis.replicate_commands is absent', 'return redis.replicate_commands()'),
  call('redis.debug is absent', "return redis.debug('x')"),
  call('setfenv is absent', 'return setfenv'),
  call('getfenv is absent', 'return getfenv'),
  call('newproxy is absent', 'return newproxy'),
  call('string metatable is read-only', "getmetatable('').__index = {}"),
  call('library tables are read-only', 'math.x = 1'),
  call('sha1hex', "return redis.sha1hex('abc')"),
  call('cjson', "return cjson.encode({1, 2, 'x'})"),
  call('cmsgpack', "return cmsgpack.unpack(cmsgpack.pack({1, 2}))"),
  call('struct', "return struct.pack('>I2', 258)"),
  call('bit', 'return bit.band(0xff, 0x0f)'),
  call('tostring of numbers', 'return tostring(10 / 2)'),
  call('math.random seeded', 'math.randomseed(7) return {math.random(100), math.random(100)}'),
  call('loadstring', "return loadstring('return 5')()"),
  call('coroutine.running at top level', 'return coroutine.running()'),
  call('coroutine.yield at top level', 'coroutine.yield(1)'),
  call('redis.set_repl', 'redis.set_repl(redis.REPL_ALL) return 1'),
  call('redis.set_repl bad flags', 'redis.set_repl(99)'),
  call('redis.acl_check_cmd', "return redis.acl_check_cmd('get', 'k')"),
  call('redis.acl_check_cmd unknown command', "return redis.acl_check_cmd('nosuch')"),
  call('redis.log bad level', "redis.log(9, 'x')"),
  call('upvalues persist between calls', 'return 1'),
  k('library state persists between calls', [
    lib("local n = 0\nredis.register_function('f', function() n = n + 1 return n end)"), ['FCALL', 'f', '0'], ['FCALL', 'f', '0'],
  ]),
  k('libraries do not share locals', [
    lib("local n = 10\nredis.register_function('f', function() return n end)"),
    ['FUNCTION', 'LOAD', "#!lua name=u\nlocal n = 20\nredis.register_function('g', function() return n end)"],
    ['FCALL', 'f', '0'], ['FCALL', 'g', '0'],
  ]),
  k('functions calling library helpers', [
    lib("local function add(a, b) return a + b end\nredis.register_function('f', function(keys, args) return add(tonumber(args[1]), tonumber(args[2])) end)"),
    ['FCALL', 'f', '0', '2', '3'],
  ]),
];

export const cases: Case[] = [...numkeys, ...conversions, ...errors, ...readOnly, ...environment];
