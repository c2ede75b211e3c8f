// The EVAL sandbox: exactly Redis 7.0.15's globals and library keys (Debian
// build: no setfenv/getfenv/newproxy, read-only string metatable), read-only
// tables, the nonexistent-global error, the Lua 5.1 library, and escape
// attempts (metatables, string.dump, load, coroutines) that must fail as in Redis.
import type { Case } from '../case.ts';

const one = (name: string, script: string): Case => ({ name, cmds: [['EVAL', script, '0']] });

/** The sorted keys of a table expression. */
const keysOf = (expr: string): string =>
  `local t = {} for k in pairs(${expr}) do t[#t + 1] = tostring(k) end table.sort(t) return t`;

const surface: Case[] = [
  one('globals', keysOf('_G')),
  one('string library keys', keysOf('string')),
  one('table library keys', keysOf('table')),
  one('math library keys', keysOf('math')),
  one('coroutine library keys', keysOf('coroutine')),
  one('redis table keys', keysOf('redis')),
  one('bit library keys', keysOf('bit')),
  one('cjson library keys', keysOf('cjson')),
  one('cmsgpack library keys', keysOf('cmsgpack')),
  one('struct library keys', keysOf('struct')),
  one('string metatable keys', keysOf("getmetatable('')")),
  one('global metatable keys', keysOf('getmetatable(_G)')),
  one('version', 'return _VERSION'),
  one('_G is itself', 'return tostring(_G._G == _G)'),
  one('types of globals', "local t = {} for k, v in pairs(_G) do t[#t + 1] = k .. ':' .. type(v) end table.sort(t) return t"),
];

const missing: Case[] = ['os', 'io', 'package', 'require', 'dofile', 'loadfile', 'print', 'debug', 'getfenv', 'setfenv',
  'newproxy', 'js', 'fengari', 'utf8', 'rawlen', 'module', 'undefined_thing']
  .map((g) => one(`no global ${g}`, `return ${g}`));

const readonly: Case[] = [
  one('assign global', 'x = 1'),
  one('assign existing global', 'redis = nil'),
  one('define global function', 'function f() end'),
  one('rawset global', "return rawset(_G, 'x', 1)"),
  one('modify string library', 'string.foo = 1'),
  one('rawset string library', "return rawset(string, 'x', 1)"),
  one('replace table.insert', 'table.insert = nil'),
  one('modify math.pi', 'math.pi = 3'),
  one('replace redis.call', 'redis.call = function() end'),
  one('modify global metatable', 'getmetatable(_G).__index = nil'),
  one('remove global metatable', 'setmetatable(_G, nil)'),
  one('modify string metatable', "getmetatable('').__index = {}"),
  one('add to string metatable', "getmetatable('').x = 1"),
  one('global metatable is not nil', 'return getmetatable(_G) == nil'),
  one('local variables are fine', 'local x = 1 x = x + 1 return x'),
  one('own tables are writable', 'local t = {} t.a = 1 rawset(t, "b", 2) return {t.a, t.b}'),
  one('own metatables work', "local t = setmetatable({}, {__index = function(t, k) return k .. '!' end}) return t.abc"),
];

const lua51: Case[] = [
  one('unpack', 'return unpack({1, 2, 3})'),
  one('unpack range', 'return {unpack({1, 2, 3}, 2, 3)}'),
  one('unpack count past end', "return select('#', unpack({}, 1, 3))"),
  one('unpack non-table', "return unpack('abc')"),
  one('loadstring', "return loadstring('return 1')()"),
  one('loadstring error', "local f, e = loadstring('x x') return e"),
  one('loadstring named chunk error', "local f, e = loadstring('x x', 'mychunk') return e"),
  one('loadstring syntax error result', "return {loadstring('x=')}"),
  one('load string refused', "return load('return 1')"),
  one('load reader function', "local n = 0 local f = load(function() n = n + 1 if n == 1 then return 'return 5' end end) return f()"),
  one('load empty reader', 'return load(function() return nil end)'),
  one('table.getn', 'return table.getn({1, 2})'),
  one('table.getn non-table', "return table.getn('x')"),
  one('table.maxn', 'return table.maxn({1, 2, [10] = 1})'),
  one('table.setn obsolete', 'return table.setn({}, 1)'),
  one('table.foreach', "local r = {} table.foreach({10, 20}, function(k, v) r[#r + 1] = k .. '=' .. v end) return r"),
  one('table.foreachi', "local r = {} table.foreachi({'a', 'b'}, function(i, v) r[#r + 1] = v .. i end) return r"),
  one('table.foreach early return', 'return table.foreach({5, 6}, function(k, v) return v * 2 end)'),
  one('string.gfind', "local r = {} for w in string.gfind('a b c', '%a') do r[#r + 1] = w end return r"),
  one('math.mod', 'return math.mod(7, 3)'),
  one('math.pow', 'return math.pow(2, 10)'),
  one('math.log10', 'return math.log10(1000)'),
  one('math.log ignores base', 'return math.log(8, 2)'),
  one('math.frexp', 'return {math.frexp(8)}'),
  one('math.ldexp', 'return math.ldexp(0.5, 4)'),
  one('math.atan2 cosh sinh tanh', 'return {math.atan2(1, 1) * 100, math.cosh(0), math.sinh(0), math.tanh(0)}'),
  one('gcinfo is a number', 'return type(gcinfo())'),
  one('collectgarbage count is a number', "return type(collectgarbage('count'))"),
  one('collectgarbage collect', 'return collectgarbage()'),
  one('collectgarbage step', "return collectgarbage('step')"),
  one('collectgarbage setpause', "return collectgarbage('setpause', 100)"),
  one('collectgarbage bad option', "return collectgarbage('bogus')"),
  one('coroutine.running in main', 'return coroutine.running()'),
  one('coroutine.running inside', 'local co = coroutine.create(function() return type(coroutine.running()) end) return {coroutine.resume(co)}'),
  one('coroutine yield and resume', 'local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end) return {co(1), co(10)}'),
  one('coroutine status', "local co = coroutine.create(function() end) local s1 = coroutine.status(co) coroutine.resume(co) return {s1, coroutine.status(co)}"),
  one('pcall of yield at top level', 'return {pcall(coroutine.yield)}'),
];

const escapes: Case[] = [
  one('string.dump gives bytes', 'return type(string.dump(function() end))'),
  one('binary chunk via loadstring refused', 'return {loadstring(string.dump(function() return 1 end))}'),
  one('binary chunk via load reader refused', 'local s = string.dump(function() return 1 end) local done = false return {load(function() if done then return nil end done = true return s end)}'),
  one('loaded chunk sees the same protected globals', "local f = loadstring('x = 1') return {pcall(f)}"),
  one('loaded chunk cannot reach os', "local f = loadstring('return os') return {pcall(f)}"),
  one('no env parameter on loadstring', "local f = loadstring('return redis', 'c', 't', {}) return type(f())"),
  one('coroutine cannot modify globals', "local co = coroutine.create(function() y = 1 end) return {coroutine.resume(co)}"),
  one('coroutine cannot reach os', 'local co = coroutine.create(function() return os end) return {coroutine.resume(co)}'),
  one('metatable of function is nil', 'return getmetatable(function() end) == nil'),
  one('metatable of number is nil', 'return getmetatable(1) == nil'),
  one('string metatable index is string', "return getmetatable('').__index == string"),
  one('redis.call from a coroutine', "local co = coroutine.create(function() return redis.call('ping') end) local ok, r = coroutine.resume(co) return {tostring(ok), r.ok}"),
  one('walk all reachable values', [
    'local seen, types = {}, {}',
    'local function walk(v)',
    '  local t = type(v) types[t] = true',
    '  if t ~= "table" or seen[v] then return end',
    '  seen[v] = true',
    '  for k, x in pairs(v) do walk(k) walk(x) end',
    '  local mt = getmetatable(v) if mt then walk(mt) end',
    'end',
    "walk(_G) walk(getmetatable(''))",
    'local r = {} for k in pairs(types) do r[#r + 1] = k end table.sort(r) return r',
  ].join('\n')),
];

export const cases: Case[] = [...surface, ...missing, ...readonly, ...lua51, ...escapes];
