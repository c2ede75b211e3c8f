// Test support for the script libraries: a bare fengari state with base,
// table, string and math plus cjson, cmsgpack, struct and bit as globals, and
// a runner that converts a script's result the way Redis converts a script's
// return value to a RESP2 reply. Used by the *.test.ts files beside it.
import { lua, lauxlib, lualib, type LuaState } from 'fengari';
import { openBit } from './bit.ts';
import { openCjson } from './cjson.ts';
import { openCmsgpack } from './cmsgpack.ts';
import { openStruct } from './struct.ts';
import { luastr } from './auxlib51.ts';

export function newScriptState(): LuaState {
  const L = lauxlib.luaL_newstate();
  for (const [name, open] of [
    ['_G', lualib.luaopen_base],
    ['table', lualib.luaopen_table],
    ['string', lualib.luaopen_string],
    ['math', lualib.luaopen_math],
    ['cjson', openCjson],
    ['cmsgpack', openCmsgpack],
    ['struct', openStruct],
    ['bit', openBit],
  ] as const) {
    lauxlib.luaL_requiref(L, luastr(name), open, 1);
    lua.lua_pop(L, 1);
  }
  return L;
}

const latin1 = (b: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
};

/** The value on top of the stack as Redis's RESP2 reply of a script's return value. */
function toResp(L: LuaState): string {
  switch (lua.lua_type(L, -1)) {
    case lua.LUA_TSTRING: {
      const s = latin1(lua.lua_tolstring(L, -1)!);
      return `$${s.length}\r\n${s}\r\n`;
    }
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, -1) ? ':1\r\n' : '$-1\r\n';
    case lua.LUA_TNUMBER: {
      const d = lua.lua_tonumber(L, -1);
      const ll = d > -9223372036854775808 && d < 9223372036854775808 ? BigInt(Math.trunc(d)) : -9223372036854775808n;
      return `:${ll}\r\n`;
    }
    case lua.LUA_TTABLE: {
      for (const [field, prefix] of [['err', '-'], ['ok', '+']] as const) {
        lua.lua_getfield(L, -1, luastr(field));
        if (lua.lua_type(L, -1) === lua.LUA_TSTRING) {
          const s = latin1(lua.lua_tolstring(L, -1)!);
          lua.lua_pop(L, 1);
          return `${prefix}${s}\r\n`;
        }
        lua.lua_pop(L, 1);
      }
      const items: string[] = [];
      for (let i = 1; ; i++) {
        lua.lua_rawgeti(L, -1, i);
        if (lua.lua_isnil(L, -1)) {
          lua.lua_pop(L, 1);
          break;
        }
        items.push(toResp(L));
        lua.lua_pop(L, 1);
      }
      return `*${items.length}\r\n${items.join('')}`;
    }
    default:
      return '$-1\r\n';
  }
}

/**
 * Runs a script (chunk name "@user_script", as in Redis) and returns its
 * RESP2 reply. Errors come back as "-ERR <message>\r\n", without the
 * " script: <sha>, on @user_script:1." suffix Redis appends.
 */
export function evalResp(L: LuaState, script: string): string {
  const top = lua.lua_gettop(L);
  const code = luastr(script);
  let status = lauxlib.luaL_loadbuffer(L, code, code.length, luastr('@user_script'));
  if (status === lua.LUA_OK) status = lua.lua_pcall(L, 0, 1, 0);
  const out = status === lua.LUA_OK ? toResp(L) : `-ERR ${latin1(lua.lua_tolstring(L, -1) ?? luastr('?'))}\r\n`;
  lua.lua_settop(L, top);
  return out;
}
