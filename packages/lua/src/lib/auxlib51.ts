// Lua 5.1's lauxlib argument checks and errors, as Redis's C libraries see
// them. fengari implements Lua 5.3, whose versions differ: luaL_checkinteger
// rejects 1.5 instead of truncating it, and type errors name light userdata
// "light userdata" where 5.1 says "userdata".
import { lua, lauxlib, to_luastring, type LuaState, type LuaString } from 'fengari';

/** An ASCII JS string as a Lua string. */
export const luastr = (s: string): LuaString => to_luastring(s);

/** luaL_error: the message, prefixed with the caller's position ("user_script:1: ") when it is Lua code. */
export function raise(L: LuaState, msg: string | LuaString): never {
  // C's luaL_error can rely on EXTRA_STACK slots; a full fengari frame must grow first.
  lua.lua_checkstack(L, 3);
  lauxlib.luaL_where(L, 1);
  lua.lua_pushstring(L, typeof msg === 'string' ? luastr(msg) : msg);
  lua.lua_concat(L, 2);
  return lua.lua_error(L);
}

/** luaL_argerror: "bad argument #<arg> to '<function name>' (<msg>)". */
export function argError(L: LuaState, arg: number, msg: string | LuaString): never {
  lua.lua_checkstack(L, 3);
  return lauxlib.luaL_argerror(L, arg, typeof msg === 'string' ? luastr(msg) : msg);
}

/** Lua 5.1's luaL_typerror: "<expected> expected, got <type name>". */
export function typeError(L: LuaState, arg: number, expected: string): never {
  const got = lua.lua_typename(L, lua.lua_type(L, arg));
  return argError(L, arg, `${expected} expected, got ${String.fromCharCode(...got)}`);
}

/** luaL_checknumber (strings that look like numbers are converted). */
export function checkNumber(L: LuaState, arg: number): number {
  const n = lua.lua_tonumberx(L, arg);
  if (n === false) return typeError(L, arg, 'number');
  return n;
}

/**
 * Lua 5.1's luaL_checkinteger: the number cast to a 64-bit lua_Integer, which
 * truncates toward zero; out of range values (and NaN) become INT64_MIN on
 * x86-64. Returned as a double, so only exact up to 2^53.
 */
export function checkInteger(L: LuaState, arg: number): number {
  return toLuaInteger(checkNumber(L, arg));
}

/** luaL_optinteger: def when the argument is absent or nil. */
export function optInteger(L: LuaState, arg: number, def: number): number {
  return lua.lua_isnoneornil(L, arg) ? def : checkInteger(L, arg);
}

/** C's (lua_Integer)d on x86-64. */
export function toLuaInteger(d: number): number {
  if (!(d > -9223372036854775808 && d < 9223372036854775808)) return -9223372036854775808;
  return Math.trunc(d) || 0;
}

/** C's (int) narrowing of a lua_Integer: its low 32 bits, signed. */
export function toCInt(n: number): number {
  return Number(BigInt.asIntN(32, BigInt(n)));
}

/** luaL_checklstring (numbers are converted to strings in place, as in C). */
export function checkLString(L: LuaState, arg: number): LuaString {
  const s = lua.lua_isstring(L, arg) ? lua.lua_tolstring(L, arg) : null;
  if (s === null) return typeError(L, arg, 'string');
  return s;
}

/** Pushes bytes as a Lua string. */
export function pushBytes(L: LuaState, bytes: Uint8Array): void {
  lua.lua_pushlstring(L, bytes, bytes.length);
}
