// Byte strings across the fengari boundary (DESIGN.md decision 1): redmoon keeps
// binary "latin1" JS strings, fengari keeps Lua strings as Uint8Array.
import { type LuaState, lua } from 'fengari';

/** A latin1 string (one char code per byte) as a Lua byte array. */
export function toLuaBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A Lua byte array as a latin1 string. */
export function fromLuaBytes(u: Uint8Array): string {
  let s = '';
  // Short strings (command names, keys) are cheapest char by char.
  if (u.length <= 32) {
    for (let i = 0; i < u.length; i++) s += String.fromCharCode(u[i]);
    return s;
  }
  // Chunked so huge strings don't overflow the argument limit of fromCharCode.
  for (let i = 0; i < u.length; i += 8192) s += String.fromCharCode(...u.subarray(i, i + 8192));
  return s;
}

/** Push a latin1 string as a Lua string (its fresh byte array becomes the Lua string's). */
export function pushBytes(L: LuaState, s: string): void {
  lua.lua_pushbytes(L, toLuaBytes(s));
}

/** The Lua string (or number, converted by Lua's rules) at idx as latin1, or null. */
export function toBytes(L: LuaState, idx: number): string | null {
  const u = lua.lua_tolstring(L, idx);
  return u === null ? null : fromLuaBytes(u);
}
