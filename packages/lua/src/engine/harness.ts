// Test support: run one chunk on a bare fengari state (standard libraries
// only, no Redis environment) and describe its outcome the way the tests
// record real redis-server 7.0.15 EVAL replies:
//   "<string>"          the chunk returned this string (bulk reply)
//   "error: <msg>"      it raised <msg> (EVAL: "ERR <msg> script: <sha>, on @user_script:1.")
//   "compile: <msg>"    it did not compile (EVAL: "ERR Error compiling script (new function): <msg>")
import { type LuaState, lauxlib, lua, lualib } from 'fengari';

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const latin1 = (b: Uint8Array): string => String.fromCharCode(...b);

export function newState(): LuaState {
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  // 5.1's loadstring(s, chunkname) is the runtime's to provide; 5.3's load takes the same arguments.
  lua.lua_getglobal(L, 'load');
  lua.lua_setglobal(L, 'loadstring');
  // EVAL always defines KEYS and ARGV (here with no keys and no arguments).
  lua.lua_newtable(L);
  lua.lua_setglobal(L, 'KEYS');
  lua.lua_newtable(L);
  lua.lua_setglobal(L, 'ARGV');
  return L;
}

export function runChunk(code: string, L: LuaState = newState()): string {
  const chunk = bytes(code);
  if (lauxlib.luaL_loadbuffer(L, chunk, chunk.length, '@user_script') !== lua.LUA_OK) {
    return `compile: ${latin1(lua.lua_tolstring(L, -1) ?? new Uint8Array())}`;
  }
  const status = lua.lua_pcall(L, 0, 1, 0);
  const text = latin1(lauxlib.luaL_tolstring(L, -1));
  return status === lua.LUA_OK ? text : `error: ${text}`;
}

/** A chunk and its outcome on redis-server 7.0.15, in the notation above. */
export type Case = [lua: string, redis: string];
