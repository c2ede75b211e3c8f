// Read-only tables, as Redis's patched Lua 5.1 has them (lvm.c / lapi.c).
// The mechanism lives in redmoon's fengari patch: every write to a marked
// table (assignment, rawset, table.insert, setmetatable, ...) raises
// "Attempt to modify a readonly table". These helpers give it types and add
// Redis's recursive protection of the globals (script_lua.c,
// luaSetTableProtectionRecursively).
import { type LuaState, lua } from 'fengari';

declare module 'fengari' {
  namespace lua {
    /** Mark the table at idx read-only (or writable again). Redis's lapi.c extension. */
    function lua_enablereadonlytable(L: LuaState, idx: number, enabled: boolean | number): void;
    function lua_isreadonlytable(L: LuaState, idx: number): boolean;
  }
}

export function enableReadonlyTable(L: LuaState, idx: number, enabled: boolean): void {
  lua.lua_enablereadonlytable(L, idx, enabled);
}

export function isReadonlyTable(L: LuaState, idx: number): boolean {
  return lua.lua_isreadonlytable(L, idx);
}

/**
 * Make the table on top of the stack read-only, with every table reachable
 * from it through values and metatables (Redis's luaSetTableProtectionRecursively;
 * an already read-only table stops the walk, which also breaks cycles like _G._G).
 */
export function protectTableRecursively(L: LuaState): void {
  if (lua.lua_isreadonlytable(L, -1)) return;
  lua.lua_enablereadonlytable(L, -1, true);
  lua.lua_checkstack(L, 2);
  lua.lua_pushnil(L);
  while (lua.lua_next(L, -2)) {
    if (lua.lua_istable(L, -1)) protectTableRecursively(L);
    lua.lua_pop(L, 1);
  }
  if (lua.lua_getmetatable(L, -1)) {
    protectTableRecursively(L);
    lua.lua_pop(L, 1);
  }
}
