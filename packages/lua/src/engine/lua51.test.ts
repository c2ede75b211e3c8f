// Lua 5.1 as Redis 7.0.15 runs it, pinned on redmoon's patched fengari engine
// (patches/fengari@0.1.5.patch). Every expected outcome was copied from
// redis-server 7.0.15 (Debian 7.0.15-1~deb12u10): the chunk run by EVAL with
// no keys, the reply recorded in harness.ts's notation. The chunks use only
// the standard libraries, so they run the same on a bare engine state.
import { describe, expect, it } from 'vitest';
import { type Case, runChunk } from './harness.ts';

// 1. Every number is a double: no 32-bit integer subtype; integral doubles serve as
// lengths, counts and positions, truncated like 5.1's lua_Integer cast.
const NUMBERS: Case[] = [
  ["return tostring(2147483647+1)", "2147483648"],
  ["return tostring(0xffffffff)", "4294967295"],
  ["return tostring(-2147483648-1)", "-2147483649"],
  ["local n=0 for i=2147483640,2147483650 do n=n+1 end return tostring(n)", "11"],
  ["local last for i=1,3,0.5 do last=i end return tostring(last)", "3"],
  ["return tostring(math.floor(2^40))", "1099511627776"],
  ["return tostring(math.floor(-2^40-0.5))", "-1099511627777"],
  ["return tostring(math.ceil(2^52+0.5))", "4.5035996273705e+15"],
  ["return tostring(2^31*2^31)", "4.6116860184274e+18"],
  ["return tostring(3 % -2)", "-1"],
  ["return tostring(-3 % 2)", "1"],
  ["return tostring(5.5 % 2)", "1.5"],
  ["return tostring(1 % 0)", "-nan"],
  ["return tostring(-7 % math.huge)", "-nan"],
  ["return tostring(math.fmod(-6, 4))", "-2"],
  ["return tostring(select(2, math.modf(-3.7)))", "-0.7"],
  ["local t={} for i=1,100 do t[#t+1]=i end return tostring(#t)", "100"],
  ["return tostring(#string.rep('ab', 3.7))", "6"],
  ["return string.rep('x', -1)", ""],
  ["return tostring(string.byte('abc', 2.9))", "98"],
  ["return string.sub('hello', 2.5, 4.9)", "ell"],
  ["return tostring(string.byte('abc', 2^31))", "error: user_script:1: bad argument #1 to 'tostring' (value expected)"],
  ["local t = {} t[1.0] = 'a' t[2^53] = 'b' return t[1] .. t[2^53]", "ab"],
  ["return tostring(2^53 + 1 == 2^53)", "true"],
  ["return tostring(0x7fffffffffffffff)", "9.2233720368548e+18"],
];

// 2. Numbers print as C's "%.14g" (LUA_NUMBER_FMT), ties to even; 0/0 is "-nan" as x86
// makes it. Strings convert to numbers as 5.1's luaO_str2d (glibc strtod).
const TOSTRING: Case[] = [
  ["return tostring(10/2)", "5"],
  ["return tostring(1e15)", "1e+15"],
  ["return tostring(1e14)", "1e+14"],
  ["return tostring(123456789012345)", "1.2345678901234e+14"],
  ["return tostring(1e-7)", "1e-07"],
  ["return tostring(0.1)", "0.1"],
  ["return tostring(1/3)", "0.33333333333333"],
  ["return tostring(-1/3)", "-0.33333333333333"],
  ["return tostring(1/0)", "inf"],
  ["return tostring(-1/0)", "-inf"],
  ["return tostring(0/0)", "-nan"],
  ["return tostring(math.huge-math.huge)", "-nan"],
  ["return tostring(-0)", "-0"],
  ["local z=0 return tostring(-z)", "-0"],
  ["return tostring(2^53)", "9.007199254741e+15"],
  ["return tostring(2^63)", "9.2233720368548e+18"],
  ["return tostring(100000000000005)", "1e+14"],
  ["return tostring(100000000000015)", "1.0000000000002e+14"],
  ["return tostring(2^-1074)", "4.9406564584125e-324"],
  ["return tostring(1e308*10)", "inf"],
  ["return tostring(123456789012345678)", "1.2345678901235e+17"],
  ["return tostring(3.14159265358979)", "3.1415926535898"],
  ["return 1 .. ''", "1"],
  ["return 1.5 .. '|' .. -2^60", "1.5|-1.1529215046068e+18"],
  ["return tostring('10'+1)", "11"],
  ["return tostring('0x10'+0)", "16"],
  ["return tostring(' 5 '+0)", "5"],
  ["return tostring('5x'+0)", "error: user_script:1: attempt to perform arithmetic on a string value"],
  ["return tostring('1e2'*1)", "100"],
  ["return tostring(' -0x1A '+0)", "-26"],
  ["return tostring('.5'+0)", "0.5"],
  ["return tostring('5.'+0)", "5"],
  ["return tostring('0x'+0)", "error: user_script:1: attempt to perform arithmetic on a string value"],
  ["return tostring(''+0)", "error: user_script:1: attempt to perform arithmetic on a string value"],
  ["return tostring('1e'+0)", "error: user_script:1: attempt to perform arithmetic on a string value"],
  ["return tostring('inf'+0)", "inf"],
  ["return tostring(tonumber('0x1p4'))", "16"],
  ["return tostring(tonumber('  12  '))", "12"],
  ["return tostring(tonumber('12a'))", "nil"],
  ["return tostring(tonumber('0xffffffffffffffffff'))", "4.7223664828696e+21"],
  ["return tostring(tonumber('1e500'))", "inf"],
  ["return tostring(tonumber('-infinity'))", "-inf"],
  ["return tostring(10 == '10')", "false"],
  ["return tostring(0x10)", "16"],
  ["return tostring(1e2)", "100"],
  ["return tostring(.5e1)", "5"],
];

// 4. 5.3-only syntax is a 5.1 compile error with 5.1's message: no '//', bitwise
// operators, goto or labels, no \x, \u{} or \z escapes; 5.1's numerals, 'break' and
// 'return' ending a block, no empty statement, "ambiguous syntax".
const SYNTAX: Case[] = [
  ["return 7//2", "compile: user_script:1: unexpected symbol near '/'"],
  ["return 1&2", "compile: user_script:1: '<eof>' expected near '&'"],
  ["return 1|2", "compile: user_script:1: '<eof>' expected near '|'"],
  ["return 1~2", "compile: user_script:1: '<eof>' expected near '~'"],
  ["return ~1", "compile: user_script:1: unexpected symbol near '~'"],
  ["return 1<<2", "compile: user_script:1: unexpected symbol near '<'"],
  ["return 1>>2", "compile: user_script:1: unexpected symbol near '>'"],
  ["goto x", "compile: user_script:1: '=' expected near 'x'"],
  ["::x::", "compile: user_script:1: unexpected symbol near ':'"],
  ["local goto = 1 return tostring(goto)", "1"],
  ["return '\\x41'", "x41"],
  ["return '\\u{41}'", "u{41}"],
  ["return 'a\\z  b'", "az  b"],
  ["return '\\q'", "q"],
  ["return '\\300'", "compile: user_script:1: escape sequence too large near '''"],
  ["return 'ab\\256'", "compile: user_script:1: escape sequence too large near ''ab'"],
  ["return '\\65\\066x'", "ABx"],
  ["return 'a\\\nb'", "a\nb"],
  ["return 0x1p-4", "compile: user_script:1: malformed number near '0x1p'"],
  ["return 3..2", "compile: user_script:1: malformed number near '3..2'"],
  ["return 1e", "compile: user_script:1: malformed number near '1e'"],
  ["return 0xg", "compile: user_script:1: malformed number near '0xg'"],
  ["return tostring(08)", "8"],
  ["return 0x", "compile: user_script:1: malformed number near '0x'"],
  ["return 0x.8", "compile: user_script:1: malformed number near '0x'"],
  ["return tostring(0x1p4)", "16"],
  ["return [==[a]=]", "compile: user_script:1: unfinished long string near '<eof>'"],
  ["return [[a[[b]]c]]", "compile: user_script:1: '<eof>' expected near 'c'"],
  ["return [=x", "compile: user_script:1: invalid long string delimiter near '[='"],
  ["return 'abc", "compile: user_script:1: unfinished string near '<eof>'"],
  ["x = = 1", "compile: user_script:1: unexpected symbol near '='"],
  ["return #", "compile: user_script:1: unexpected symbol near '<eof>'"],
  ["x", "compile: user_script:1: '=' expected near '<eof>'"],
  ["f() x", "compile: user_script:1: '=' expected near '<eof>'"],
  ["for i=1,2 do break; local x=1 end", "compile: user_script:1: 'end' expected near 'local'"],
  ["do return 1; local x end", "compile: user_script:1: 'end' expected near 'local'"],
  [";;return 1", "compile: user_script:1: unexpected symbol near ';'"],
  ["return 'ok';", "ok"],
  ["local f = tostring\n(f)('x')", "compile: user_script:2: ambiguous syntax (function call x new statement) near '('"],
  ["return tostring(1 ~= 2)", "true"],
  ["local a <const> = 1", "compile: user_script:1: unexpected symbol near '<'"],
  ["return \u0001", "compile: user_script:1: unexpected symbol near 'char(1)'"],
];

// 5. Runtime errors in 5.1's words ("attempt to call field 'x' (a nil value)"), and
// error() positions numbers as well as strings.
const ERRORS: Case[] = [
  ["local t = {} t.x.y = 1", "error: user_script:1: attempt to index field 'x' (a nil value)"],
  ["local t = nil; return t.x", "error: user_script:1: attempt to index local 't' (a nil value)"],
  ["local t = {} t.x()", "error: user_script:1: attempt to call field 'x' (a nil value)"],
  ["local t={} t:m()", "error: user_script:1: attempt to call method 'm' (a nil value)"],
  ["return ('x')+1", "error: user_script:1: attempt to perform arithmetic on a string value"],
  ["local x='a' return x+1", "error: user_script:1: attempt to perform arithmetic on local 'x' (a string value)"],
  ["return {}+1", "error: user_script:1: attempt to perform arithmetic on a table value"],
  ["return 1<nil", "error: user_script:1: attempt to compare number with nil"],
  ["return {}<{}", "error: user_script:1: attempt to compare two table values"],
  ["return 'a'<1", "error: user_script:1: attempt to compare string with number"],
  ["return 1 < {}", "error: user_script:1: attempt to compare number with table"],
  ["return 'a'..{}", "error: user_script:1: attempt to concatenate a table value"],
  ["local t = {} return t..'a'", "error: user_script:1: attempt to concatenate local 't' (a table value)"],
  ["return #nil", "error: user_script:1: attempt to get length of a nil value"],
  ["local n return #n", "error: user_script:1: attempt to get length of local 'n' (a nil value)"],
  ["return -{}", "error: user_script:1: attempt to perform arithmetic on a table value"],
  ["error(42)", "error: user_script:1: 42"],
  ["error('x')", "error: user_script:1: x"],
  ["error('x', 0)", "error: x"],
  ["error('x', 2)", "error: x"],
  ["error()", "error: nil"],
  ["error(true)", "error: true"],
  ["error(4.5)", "error: user_script:1: 4.5"],
  ["return string.nope()", "error: user_script:1: attempt to call field 'nope' (a nil value)"],
  ["return math.floor('x')", "error: user_script:1: bad argument #1 to 'floor' (number expected, got string)"],
  ["return ('abc'):bad()", "error: user_script:1: attempt to call method 'bad' (a nil value)"],
  ["return nil .. 'x'", "error: user_script:1: attempt to concatenate a nil value"],
  ["local a; a.b = 1", "error: user_script:1: attempt to index local 'a' (a nil value)"],
  ["local up = nil; local function f() return up.x end return f()", "error: user_script:1: attempt to index upvalue 'up' (a nil value)"],
  ["return KEYS.a.b", "error: user_script:1: attempt to index field 'a' (a nil value)"],
  ["return ARGV[1] + 1", "error: user_script:1: attempt to perform arithmetic on field '?' (a nil value)"],
  ["return ('x')()", "error: user_script:1: attempt to call a string value"],
  ["local t = setmetatable({}, {__name='X'}) return t+1", "error: user_script:1: attempt to perform arithmetic on local 't' (a table value)"],
  ["return select(2, pcall(error, 42))", "42"],
  ["return type(select(2, pcall(error, 42)))", "string"],
];

// 6. pairs/next visit the array part 1..n before the other keys.
const PAIRS: Case[] = [
  ["local r={} for k in pairs({10,20,30,x=1}) do r[#r+1]=tostring(k) end return table.concat(r,',')", "1,2,3,x"],
  ["local t={} t.a=1 t[1]=1 t[2]=2 t.b=2 t[3]=3 local r={} for k in pairs(t) do r[#r+1]=tostring(k) end return table.concat(r,',')", "1,2,3,a,b"],
  ["local t={} for i=1,5 do t[#t+1]=i end t[3]=nil local r={} for k,v in pairs(t) do r[#r+1]=tostring(k) end return table.concat(r,',')", "1,2,4,5"],
  ["local t={} for i=10,1,-1 do t[i]=i end local r={} for k in pairs(t) do r[#r+1]=tostring(k) end return table.concat(r,',')", "1,2,3,4,5,6,7,8,9,10"],
  ["local t={'a','b','c'} local r={} for k,v in next,t do r[#r+1]=k..v end return table.concat(r,',')", "1a,2b,3c"],
  ["local t={1,2,3,4,5} for k in pairs(t) do t[k]=nil end return tostring(next(t))", "nil"],
];

// table.insert and table.remove as 5.1: raw accesses, no bounds errors.
const TABLES: Case[] = [
  ["return table.concat({1,{}})", "error: user_script:1: invalid value (table) at index 2 in table for 'concat'"],
  ["return table.concat({1,2,3}, ',', 2, 5)", "error: user_script:1: invalid value (nil) at index 4 in table for 'concat'"],
  ["table.insert({}, 5, 1) return 'ok'", "ok"],
  ["local t = {1,2} table.insert(t, 5, 'x') return tostring(#t)..tostring(t[5])", "2x"],
  ["local t = {} table.insert(t, 0, 'x') return tostring(t[0])", "x"],
  ["table.insert(nil, 1)", "error: user_script:1: bad argument #1 to 'insert' (table expected, got nil)"],
  ["table.insert({}, 1, 2, 3)", "error: user_script:1: wrong number of arguments to 'insert'"],
  ["local t={1,2,3} return tostring(table.remove(t, 7))", "error: user_script:1: bad argument #1 to 'tostring' (value expected)"],
  ["local t={1,2,3} return tostring(table.remove(t, 1))..#t", "12"],
  ["local t={} return tostring(table.remove(t))", "error: user_script:1: bad argument #1 to 'tostring' (value expected)"],
  ["table.insert({}, 'x', 1)", "error: user_script:1: bad argument #2 to 'insert' (number expected, got string)"],
  ["local t = setmetatable({}, {__newindex=function() error('ni') end}) table.insert(t, 1) return tostring(rawget(t,1))", "1"],
  ["local t = {'a','b'} table.insert(t, 1.9, 'c') return table.concat(t)", "cab"],
];

// 9. Binary chunks never load: every chunk is parsed as source (so "\27Lua" is an
// unexpected symbol), and chunk names are shortened as 5.1's luaO_chunkid (80 bytes
// in compile errors, 60 at run time).
const BINARY: Case[] = [
  ["\u001bLua", "compile: user_script:1: unexpected symbol near 'char(27)'"],
  ["return select(2, loadstring('\\27Lua'))", "[string \"\u001bLua\"]:1: unexpected symbol near 'char(27)'"],
  ["return select(2, loadstring('x=', string.rep('a', 63)))", "[string \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"]:1: unexpected symbol near '<eof>'"],
  ["return select(2, loadstring('x=', string.rep('a', 64)))", "[string \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\"]:1: unexpected symbol near '<eof>'"],
  ["return select(2, loadstring('x=', '@'..string.rep('a', 80)))", "...aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:1: unexpected symbol near '<eof>'"],
  ["return select(2, loadstring('x=', '='..string.rep('b', 90)))", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb:1: unexpected symbol near '<eof>'"],
  ["return select(2, loadstring('x=', 'ab\\rc'))", "[string \"ab...\"]:1: unexpected symbol near '<eof>'"],
  ["return select(2, pcall(loadstring('error(1)', string.rep('a', 63))))", "[string \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\"]:1: 1"],
];

// 7. Library behaviour of 5.1 that only the engine can give: pairs/ipairs on real
// tables only (no __pairs, raw ipairs), no __len on tables, __eq/__lt only when
// both operands share the metamethod, tostring without __name, tonumber(s, base)
// as strtoul, xpcall(f, err) without arguments, string.rep without separator,
// find's start clamped, gsub's '%x' kept, coroutine.running() nil in the main thread.
const LIBRARY: Case[] = [
  ["return string.rep('a', 3, ',')", "aaa"],
  ["return tostring(string.find('abc', '', 10))", "4"],
  ["return tostring(string.find('abc', 'c', 10))", "nil"],
  ["return tostring(tonumber(10, 16))", "16"],
  ["return tostring(tonumber('z', 36))", "35"],
  ["return tostring(tonumber('7', 2))", "nil"],
  ["return tostring(tonumber('1', 99))", "error: user_script:1: bad argument #2 to 'tonumber' (base out of range)"],
  ["return tostring(tonumber(' 11 ', 2))", "3"],
  ["return tostring(tonumber('-11', 2))", "1.844674407371e+19"],
  ["return tostring(tonumber('0x1f', 16))", "31"],
  ["return tostring(tonumber('ffffffffffffffffff', 16))", "1.844674407371e+19"],
  ["return tostring(tonumber('', 10))", "nil"],
  ["return tostring(select(2, xpcall(function(a) return a end, function(e) return e end, 5)))", "nil"],
  ["return select(2, xpcall(function() error('x') end, 1))", "error in error handling"],
  ["return {xpcall(function() return 1 end)}", "error: user_script:1: bad argument #2 to 'xpcall' (value expected)"],
  ["return type(select(2, pcall(assert, false, 42)))", "string"],
  ["return string.gsub('abc', 'b', '%x')", "axc"],
  ["return string.gsub('abc', 'b', '%')", "a\u0000c"],
  ["local t = setmetatable({}, {__len=function() return 5 end}) return tostring(#t)", "0"],
  ["local t = setmetatable({}, {__pairs=function() error('p') end}) for k in pairs(t) do end return 'ok'", "ok"],
  ["local t = setmetatable({}, {__index=function(t,i) if i < 3 then return i end end}) local n=0 for i,v in ipairs(t) do n=n+1 end return tostring(n)", "0"],
  ["for k in pairs(nil) do end", "error: user_script:1: bad argument #1 to 'pairs' (table expected, got nil)"],
  ["for k in ipairs(nil) do end", "error: user_script:1: bad argument #1 to 'ipairs' (table expected, got nil)"],
  ["return tostring(coroutine.running())", "nil"],
  ["return tostring(setmetatable({}, {__name='X'})):sub(1,6)", "table:"],
  ["return math.floor(setmetatable({}, {__name='X'}))", "error: user_script:1: bad argument #1 to 'floor' (number expected, got table)"],
  ["local mt1={__eq=function() return true end} local mt2={__eq=function() return true end} return tostring(setmetatable({},mt1)==setmetatable({},mt2))", "false"],
  ["local a = setmetatable({}, {__lt=function() return true end}) local b = setmetatable({}, {__lt=function() return true end}) return tostring(a<b)", "error: user_script:1: attempt to compare two table values"],
  ["local f = function() return true end local a = setmetatable({}, {__lt=f}) local b = setmetatable({}, {__lt=f}) return tostring(a<b)", "true"],
  ["return tostring(string.char(256))", "error: user_script:1: bad argument #1 to 'char' (invalid value)"],
  ["return tostring(math.fmod(1, 0))", "-nan"],
  ["return tostring(math.max(1, 0/0))", "1"],
  ["return select(2, pcall(next, {}, 'nokey'))", "invalid key to 'next'"],
];

const GROUPS: [string, Case[]][] = [
  ['1. every number is a double', NUMBERS],
  ['2. number formatting and string coercion', TOSTRING],
  ['4. Lua 5.1 syntax', SYNTAX],
  ['5. Lua 5.1 runtime error messages', ERRORS],
  ['6. pairs order: array part first', PAIRS],
  ['table.insert / table.remove', TABLES],
  ['7. Lua 5.1 library behaviour inside the engine', LIBRARY],
  ['9. no binary chunks; 5.1 chunk names', BINARY],
];

for (const [title, cases] of GROUPS) {
  describe(title, () => {
    it.each(cases)('%s', (lua, redis) => {
      expect(runChunk(lua)).toBe(redis);
    });
  });
}
