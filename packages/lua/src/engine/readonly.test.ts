// Read-only tables as Redis 7.0.15's patched Lua (lvm.c, lapi.c). Redis makes
// the globals and every table reachable from them read-only, and the Debian
// build also the string metatable; the tests do the same with this module's
// helpers. Expected outcomes were copied from redis-server 7.0.15 (see
// harness.ts): an assignment's error carries the script position, one raised
// inside a library function (rawset, table.insert, setmetatable) does not.
import { lua } from 'fengari';
import { describe, expect, it } from 'vitest';
import { type Case, newState, runChunk } from './harness.ts';
import { enableReadonlyTable, isReadonlyTable, protectTableRecursively } from './readonly.ts';

// 8. Writes to read-only tables.
const READONLY: Case[] = [
  ["a=10", "error: user_script:1: Attempt to modify a readonly table"],
  ["rawset(_G,'a',1)", "error: Attempt to modify a readonly table"],
  ["string.x = 1", "error: user_script:1: Attempt to modify a readonly table"],
  ["table.insert(string, 1)", "error: Attempt to modify a readonly table"],
  ["table.insert(string, 1, 2)", "error: Attempt to modify a readonly table"],
  ["return tostring(table.remove(string))", "error: user_script:1: bad argument #1 to 'tostring' (value expected)"],
  ["setmetatable(string, {})", "error: Attempt to modify a readonly table"],
  ["getmetatable('').__index = {}", "error: user_script:1: Attempt to modify a readonly table"],
  ["getmetatable('').x = 1", "error: user_script:1: Attempt to modify a readonly table"],
  ["return select(2, pcall(function() a = 1 end))", "user_script:1: Attempt to modify a readonly table"],
  ["_G.x = nil", "error: user_script:1: Attempt to modify a readonly table"],
  ["string.len = nil", "error: user_script:1: Attempt to modify a readonly table"],
  ["rawset(string, 'x', 1)", "error: Attempt to modify a readonly table"],
  ["local t = setmetatable({}, {__newindex = function() end}) t.x = 1 return 'ok'", "ok"],
  ["local t = {} t.x = 1 rawset(t, 'y', 2) return t.x .. t.y", "12"],
  ["local mt = getmetatable('') mt.__index.foo = 1", "error: user_script:1: Attempt to modify a readonly table"],
];

function protectedState() {
  const L = newState();
  lua.lua_pushglobaltable(L);
  protectTableRecursively(L);
  lua.lua_pop(L, 1);
  lua.lua_pushliteral(L, '');
  lua.lua_getmetatable(L, -1);
  protectTableRecursively(L);
  lua.lua_pop(L, 2);
  return L;
}

describe('8. read-only tables', () => {
  it.each(READONLY)('%s', (code, redis) => {
    expect(runChunk(code, protectedState())).toBe(redis);
  });

  it('marks, reports and unmarks a table', () => {
    const L = newState();
    lua.lua_newtable(L);
    expect(isReadonlyTable(L, -1)).toBe(false);
    enableReadonlyTable(L, -1, true);
    expect(isReadonlyTable(L, -1)).toBe(true);
    lua.lua_setglobal(L, 't');
    expect(runChunk('t.x = 1', L)).toBe('error: user_script:1: Attempt to modify a readonly table');
    lua.lua_getglobal(L, 't');
    enableReadonlyTable(L, -1, false);
    lua.lua_pop(L, 1);
    expect(runChunk('t.x = 1 return tostring(t.x)', L)).toBe('1');
  });

  it('refuses host writes too (lua_setfield, lua_rawset, lua_rawseti)', () => {
    const L = protectedState();
    lua.lua_getglobal(L, 'string');
    lua.lua_pushliteral(L, 'v');
    expect(() => lua.lua_setfield(L, -2, 'k')).toThrow();
  });
});
