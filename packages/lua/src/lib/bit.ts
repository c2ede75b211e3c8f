// The `bit` library of Redis scripts: Lua BitOp 1.0.2 (Redis's lua_bit.c).
// Every operation works on 32-bit integers and returns a signed 32-bit result.
import { lua, type LuaState } from 'fengari';
import { luastr, typeError } from './auxlib51.ts';

const scratch = new DataView(new ArrayBuffer(8));

/**
 * BitOp's argument conversion: it adds 2^52+2^51 to the double and keeps the
 * low 32 bits of the sum's representation, i.e. it rounds to the nearest
 * integer (ties to even) modulo 2^32. Non-numbers read as 0 and are only
 * rejected then, as in Lua 5.1.
 */
function barg(L: LuaState, idx: number): number {
  scratch.setFloat64(0, lua.lua_tonumber(L, idx) + 6755399441055744.0);
  const b = scratch.getUint32(4);
  if (b === 0 && !lua.lua_isnumber(L, idx)) typeError(L, idx, 'number');
  return b;
}

/** Returns the bits as a signed 32-bit number. */
function ret(L: LuaState, b: number): number {
  lua.lua_pushnumber(L, b | 0);
  return 1;
}

function fold(op: (a: number, b: number) => number) {
  return (L: LuaState): number => {
    let b = barg(L, 1);
    for (let i = lua.lua_gettop(L); i > 1; i--) b = op(b, barg(L, i));
    return ret(L, b);
  };
}

function shift(op: (b: number, n: number) => number) {
  return (L: LuaState): number => {
    const b = barg(L, 1);
    const n = barg(L, 2) & 31;
    return ret(L, op(b, n));
  };
}

function tohex(L: LuaState): number {
  let b = barg(L, 1);
  let n = lua.lua_isnone(L, 2) ? 8 : barg(L, 2) | 0;
  let digits = '0123456789abcdef';
  if (n < 0) {
    n = -n;
    digits = '0123456789ABCDEF';
  }
  if (n > 8) n = 8;
  const out: string[] = [];
  for (let i = n; --i >= 0; ) {
    out[i] = digits[b & 15];
    b >>>= 4;
  }
  lua.lua_pushstring(L, luastr(out.join('')));
  return 1;
}

const functions: Record<string, (L: LuaState) => number> = {
  tobit: (L) => ret(L, barg(L, 1)),
  bnot: (L) => ret(L, ~barg(L, 1)),
  band: fold((a, b) => a & b),
  bor: fold((a, b) => a | b),
  bxor: fold((a, b) => a ^ b),
  lshift: shift((b, n) => b << n),
  rshift: shift((b, n) => b >>> n),
  arshift: shift((b, n) => (b | 0) >> n),
  // JS masks shift counts to 5 bits as x86 does, so n = 0 gives b | b = b, as in C.
  rol: shift((b, n) => (b << n) | (b >>> (32 - n))),
  ror: shift((b, n) => (b << (32 - n)) | (b >>> n)),
  bswap: (L) => {
    const b = barg(L, 1);
    return ret(L, (b >>> 24) | ((b >>> 8) & 0xff00) | ((b & 0xff00) << 8) | (b << 24));
  },
  tohex,
};

/** luaopen_bit: pushes the `bit` table. */
export function openBit(L: LuaState): number {
  lua.lua_createtable(L, 0, Object.keys(functions).length);
  for (const [name, fn] of Object.entries(functions)) {
    lua.lua_pushcfunction(L, fn);
    lua.lua_setfield(L, -2, luastr(name));
  }
  return 1;
}
