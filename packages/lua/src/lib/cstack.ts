// Lua 5.1 limits a C function to LUAI_MAXCSTACK (8000) stack slots: beyond
// that lua_checkstack fails and the C libraries raise their own errors.
// fengari's stacks are far larger, so the limit is checked here.
import { lua, type LuaState } from 'fengari';
import { raise } from './auxlib51.ts';

const LUAI_MAXCSTACK = 8000;

/**
 * lua_checkstack as in Lua 5.1: whether n more slots fit in the running C
 * function's frame. It also grows fengari's stack, which a JS function must
 * do before pushing more than LUA_MINSTACK values.
 */
export function cstackHasRoom(L: LuaState, n: number): boolean {
  return lua.lua_gettop(L) + n <= LUAI_MAXCSTACK && lua.lua_checkstack(L, n);
}

/** luaL_checkstack: "stack overflow (<msg>)" when n more slots do not fit. */
export function checkCStack(L: LuaState, n: number, msg: string): void {
  if (!cstackHasRoom(L, n)) raise(L, `stack overflow (${msg})`);
}
