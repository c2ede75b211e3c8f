// The Lua state of EVAL scripts, set up as Redis 7.0.15's scriptingInit/
// luaRegisterRedisAPI do (Debian build): the 5.1 libraries, cjson/cmsgpack/struct/
// bit, the redis table, Redis's math.random and pcall, the error handler, the
// nonexistent-global error, then every table reachable from _G (and the string
// metatable) made read-only. Never loaded: os, io, package, require, dofile,
// loadfile, print, and fengari's `js` interop.
import { type LuaJsFunction, type LuaState, lauxlib, lua, lualib } from 'fengari';
import { toLuaBytes } from './bytes.ts';
import { protectTableRecursively } from './engine/readonly.ts';
import { openBit } from './lib/bit.ts';
import { openCjson } from './lib/cjson.ts';
import { openCmsgpack } from './lib/cmsgpack.ts';
import { openStruct } from './lib/struct.ts';
import { EVAL_GLOBALS, FUNCTION_GLOBALS, installLua51Libraries, type MemoryEstimate, trimGlobals } from './lib51.ts';
import { mathRandom, mathRandomseed } from './random.ts';
import { installRedisApi } from './redis-api.ts';
import type { ScriptHost } from './run-context.ts';

/**
 * Redis's message handler (eval.c), a global every script can see and call: it
 * turns any error into a table {err=, source=, line=} pointing at the script
 * line that raised it. ScriptingEngine.errorReply applies the same rules to a
 * failed script (fengari reports JS functions as 'J').
 */
const ERROR_HANDLER = `local dbg = debug
function __redis__err__handler(err)
  local i = dbg.getinfo(2,'nSl')
  if i and (i.what == 'C' or i.what == 'J') then
    i = dbg.getinfo(3,'nSl')
  end
  if type(err) ~= 'table' then
    err = {err='ERR ' .. tostring(err)}
  end
  if i then
    err['source'] = i.source
    err['line'] = i.currentline
  end
  return err
end
`;

/** luaProtectedTableError: reading a global that does not exist. */
const nonexistentGlobal: LuaJsFunction = (L) => {
  if (lua.lua_gettop(L) !== 2) return lauxlib.luaL_error(L, 'Wrong number of arguments to luaProtectedTableError');
  if (!lua.lua_isstring(L, -1) && !lua.lua_isnumber(L, -1)) {
    return lauxlib.luaL_error(L, 'Second argument to luaProtectedTableError must be a string or number');
  }
  return lauxlib.luaL_error(L, "Script attempted to access nonexistent global variable '%s'", lua.lua_tolstring(L, -1));
};

/** luaSetErrorMetatable: reading a missing key of the table on top raises the nonexistent-global error. */
export function setErrorMetatable(L: LuaState): void {
  lua.lua_newtable(L);
  lua.lua_pushjsfunction(L, nonexistentGlobal);
  lua.lua_setfield(L, -2, '__index');
  lua.lua_setmetatable(L, -2);
}

/**
 * coroutine.yield, except from the script's own body: scripts run in a thread of
 * their own (so the timeout hook can suspend them), where a plain yield would
 * suspend the script instead of failing as it does in Redis.
 */
function guardedYield(isScriptThread: (L: LuaState) => boolean): LuaJsFunction {
  return (L) => {
    if (isScriptThread(L)) {
      lua.lua_pushliteral(L, 'attempt to yield across metamethod/C-call boundary');
      return lua.lua_error(L);
    }
    return lua.lua_yield(L, lua.lua_gettop(L));
  };
}

/**
 * coroutine.running of Lua 5.1: nil from the main thread. The script's body runs
 * in a thread of its own, which must pass for the main one.
 */
function mainAwareRunning(isScriptThread: (L: LuaState) => boolean): LuaJsFunction {
  return (L) => {
    if (isScriptThread(L)) lua.lua_pushnil(L);
    else lua.lua_pushthread(L);
    return 1;
  };
}

/** Open cjson, struct, cmsgpack and bit as globals, as Redis's luaLoadLibraries does after debug. */
function installRedisLibraries(L: LuaState): void {
  const libs: [string, LuaJsFunction][] = [['cjson', openCjson], ['struct', openStruct], ['cmsgpack', openCmsgpack], ['bit', openBit]];
  for (const [name, open] of libs) {
    lauxlib.luaL_requiref(L, name, open, 1);
    lua.lua_pop(L, 1);
  }
}

function runChunk(L: LuaState, code: string, name: string): void {
  const bytes = toLuaBytes(code);
  if (lauxlib.luaL_loadbufferx(L, bytes, bytes.length, name, 't') !== lua.LUA_OK) {
    throw new Error(`redmoon: ${name} does not compile: ${lua.lua_tojsstring(L, -1)}`);
  }
  lua.lua_call(L, 0, 0);
}

/**
 * Which state: EVAL's, or the functions' one, whose globals lack the error
 * handler and whose `redis` lacks the EVAL-only breakpoint, debug and
 * replicate_commands (function_lua.c luaEngineInitEngine).
 */
export type SandboxMode = 'eval' | 'function';

export interface SandboxOptions {
  host: ScriptHost;
  memory: MemoryEstimate;
  isScriptThread: (L: LuaState) => boolean;
  mode: SandboxMode;
}

/** A fresh Lua state for EVAL scripts or for function libraries. */
export function createSandbox(opts: SandboxOptions): LuaState {
  const L = lauxlib.luaL_newstate();
  const libs: [string, LuaJsFunction][] = [
    ['_G', lualib.luaopen_base],
    ['table', lualib.luaopen_table],
    ['string', lualib.luaopen_string],
    ['math', lualib.luaopen_math],
    ['debug', lualib.luaopen_debug],
    ['coroutine', lualib.luaopen_coroutine],
  ];
  for (const [name, open] of libs) {
    lauxlib.luaL_requiref(L, name, open, 1);
    lua.lua_pop(L, 1);
  }
  installLua51Libraries(L, opts.memory);
  installRedisLibraries(L);
  installRedisApi(L, opts.host, opts.mode === 'eval');
  lua.lua_getglobal(L, 'math');
  lua.lua_pushjsfunction(L, mathRandom);
  lua.lua_setfield(L, -2, 'random');
  lua.lua_pushjsfunction(L, mathRandomseed);
  lua.lua_setfield(L, -2, 'randomseed');
  lua.lua_pop(L, 1);
  lua.lua_getglobal(L, 'coroutine');
  lua.lua_pushjsfunction(L, guardedYield(opts.isScriptThread));
  lua.lua_setfield(L, -2, 'yield');
  lua.lua_pushjsfunction(L, mainAwareRunning(opts.isScriptThread));
  lua.lua_setfield(L, -2, 'running');
  lua.lua_pop(L, 1);
  // The functions' handler lives in the registry; redmoon applies its rules in JS (ScriptingEngine.errorReply).
  if (opts.mode === 'eval') runChunk(L, ERROR_HANDLER, '@err_handler_def');
  // debug served the error handler; scripts never see it (eval.c).
  trimGlobals(L, opts.mode === 'eval' ? EVAL_GLOBALS : FUNCTION_GLOBALS);
  lua.lua_pushglobaltable(L);
  setErrorMetatable(L);
  protectTableRecursively(L);
  lua.lua_pop(L, 1);
  // The Debian build also locks the string metatable (getmetatable('').__index = ... fails).
  lua.lua_pushliteral(L, '');
  if (lua.lua_getmetatable(L, -1)) {
    protectTableRecursively(L);
    lua.lua_pop(L, 1);
  }
  lua.lua_pop(L, 1);
  return L;
}
