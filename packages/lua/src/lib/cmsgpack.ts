// The `cmsgpack` library of Redis scripts: lua-cmsgpack 0.4.0 (Redis's
// lua_cmsgpack.c) built for Lua 5.1, where every number is a double.
//
// Known difference: maps are written in fengari's table traversal order,
// which is not Lua 5.1's hash order, for tables with several keys.
import { lua, type LuaState } from 'fengari';
import { argError, checkInteger, checkLString, luastr, optInteger, raise, toCInt } from './auxlib51.ts';
import { ByteBuf } from './bytebuf.ts';
import { checkCStack, cstackHasRoom } from './cstack.ts';

/** Tables nested deeper are written as nil, which stops circular references. */
const MAX_NESTING = 16;

const scratch = new DataView(new ArrayBuffer(8));

// ===== Encoding =====

function encodeBytes(out: ByteBuf, s: Uint8Array): void {
  const len = s.length;
  if (len < 32) out.byte(0xa0 | len);
  else if (len <= 0xff) (out.byte(0xd9), out.byte(len));
  else if (len <= 0xffff) (out.byte(0xda), uint(out, len, 2));
  else (out.byte(0xdb), uint(out, len, 4));
  out.bytes(s);
}

/** n as a big-endian integer of `size` bytes. */
function uint(out: ByteBuf, n: number, size: number): void {
  for (let i = size - 1; i >= 0; i--) out.byte(Math.floor(n / 2 ** (8 * i)) & 0xff);
}

function uint64(out: ByteBuf, n: bigint): void {
  const u = BigInt.asUintN(64, n);
  for (let i = 7; i >= 0; i--) out.byte(Number((u >> BigInt(8 * i)) & 0xffn));
}

/** A float 32 when the double survives the round trip through float, else a float 64. */
function encodeDouble(out: ByteBuf, d: number): void {
  if (Math.fround(d) === d) {
    scratch.setFloat32(0, d);
    out.byte(0xca);
    for (let i = 0; i < 4; i++) out.byte(scratch.getUint8(i));
  } else {
    scratch.setFloat64(0, d);
    out.byte(0xcb);
    for (let i = 0; i < 8; i++) out.byte(scratch.getUint8(i));
  }
}

/** mp_encode_int: the smallest MessagePack integer form. n is an integral double in [-2^63, 2^63). */
function encodeInt(out: ByteBuf, n: number): void {
  if (n >= 0) {
    if (n <= 127) out.byte(n);
    else if (n <= 0xff) (out.byte(0xcc), out.byte(n));
    else if (n <= 0xffff) (out.byte(0xcd), uint(out, n, 2));
    else if (n <= 0xffffffff) (out.byte(0xce), uint(out, n, 4));
    else (out.byte(0xcf), uint64(out, BigInt(n)));
  } else {
    if (n >= -32) out.byte(n & 0xff);
    else if (n >= -128) (out.byte(0xd0), out.byte(n & 0xff));
    else if (n >= -32768) (out.byte(0xd1), uint(out, n & 0xffff, 2));
    else if (n >= -2147483648) (out.byte(0xd2), uint(out, n >>> 0, 4));
    else (out.byte(0xd3), uint64(out, BigInt(n)));
  }
}

/** mp_encode_lua_number: integers when (int64_t)n == n, doubles otherwise. */
function encodeNumber(out: ByteBuf, n: number): void {
  if (Number.isInteger(n) && n >= -9223372036854775808 && n < 9223372036854775808) encodeInt(out, n);
  else encodeDouble(out, n);
}

function encodeHeader(out: ByteBuf, n: number, fix: number, code16: number): void {
  if (n <= 15) out.byte(fix | n);
  else if (n <= 65535) (out.byte(code16), uint(out, n, 2));
  else (out.byte(code16 + 1), uint(out, n, 4));
}

/**
 * table_is_an_array: whether the keys are exactly 1..N. Keys must be numbers
 * that are positive C ints (an empty table qualifies, and packs as an array).
 */
function tableIsAnArray(L: LuaState): boolean {
  const top = lua.lua_gettop(L);
  let count = 0;
  let max = 0;
  checkCStack(L, 2, 'in function table_is_an_array');
  lua.lua_pushnil(L);
  while (lua.lua_next(L, -2)) {
    lua.lua_pop(L, 1);
    const n = lua.lua_type(L, -1) === lua.LUA_TNUMBER ? lua.lua_tonumber(L, -1) : 0;
    if (n <= 0 || !(Number.isInteger(n) && n < 2147483648)) {
      lua.lua_settop(L, top);
      return false;
    }
    if (n > max) max = n;
    count++;
  }
  lua.lua_settop(L, top);
  return max === count;
}

function encodeTable(L: LuaState, out: ByteBuf, level: number): void {
  if (tableIsAnArray(L)) {
    const len = lua.lua_rawlen(L, -1);
    encodeHeader(out, len, 0x90, 0xdc);
    checkCStack(L, 1, 'in function mp_encode_lua_table_as_array');
    for (let j = 1; j <= len; j++) {
      // lua_gettable, as in C: an __index metamethod is honoured.
      lua.lua_pushnumber(L, j);
      lua.lua_gettable(L, -2);
      encodeValue(L, out, level + 1);
    }
    return;
  }
  let len = 0;
  checkCStack(L, 3, 'in function mp_encode_lua_table_as_map');
  lua.lua_pushnil(L);
  while (lua.lua_next(L, -2)) (lua.lua_pop(L, 1), len++);
  encodeHeader(out, len, 0x80, 0xde);
  lua.lua_pushnil(L);
  while (lua.lua_next(L, -2)) {
    lua.lua_pushvalue(L, -2);
    encodeValue(L, out, level + 1); // the key
    encodeValue(L, out, level + 1); // the value
  }
}

/** mp_encode_lua_type: encodes and pops the value on top of the stack. */
function encodeValue(L: LuaState, out: ByteBuf, level: number): void {
  let type = lua.lua_type(L, -1);
  if (type === lua.LUA_TTABLE && level === MAX_NESTING) type = lua.LUA_TNIL;
  switch (type) {
    case lua.LUA_TSTRING:
      encodeBytes(out, lua.lua_tolstring(L, -1)!);
      break;
    case lua.LUA_TBOOLEAN:
      out.byte(lua.lua_toboolean(L, -1) ? 0xc3 : 0xc2);
      break;
    case lua.LUA_TNUMBER:
      encodeNumber(out, lua.lua_tonumber(L, -1));
      break;
    case lua.LUA_TTABLE:
      encodeTable(L, out, level);
      break;
    default:
      out.byte(0xc0); // nil, and the types MessagePack cannot represent
  }
  lua.lua_pop(L, 1);
}

function pack(L: LuaState): number {
  const nargs = lua.lua_gettop(L);
  if (nargs === 0) argError(L, 0, 'MessagePack pack needs input.');
  if (!cstackHasRoom(L, nargs)) argError(L, 0, 'Too many arguments for MessagePack pack.');
  const out = new ByteBuf();
  for (let i = 1; i <= nargs; i++) {
    checkCStack(L, 1, 'in function mp_check');
    lua.lua_pushvalue(L, i);
    encodeValue(L, out, 0);
  }
  lua.lua_pushlstring(L, out.view(), out.length);
  return 1;
}

// ===== Decoding =====

/** Thrown out of the decoder: "Missing bytes in input." or "Bad data format in input.". */
class DecodeError {
  constructor(readonly message: string) {}
}
const EOF = new DecodeError('Missing bytes in input.');
const BADFMT = new DecodeError('Bad data format in input.');

class Cursor {
  constructor(
    readonly s: Uint8Array,
    public p: number,
  ) {}

  get left(): number {
    return this.s.length - this.p;
  }

  need(n: number): void {
    if (this.left < n) throw EOF;
  }

  /** A big-endian unsigned integer of `size` bytes at offset `at` from p. */
  uint(at: number, size: number): number {
    let v = 0;
    for (let i = 0; i < size; i++) v = v * 256 + this.s[this.p + at + i];
    return v;
  }

  int64(at: number): bigint {
    let v = 0n;
    for (let i = 0; i < 8; i++) v = (v << 8n) | BigInt(this.s[this.p + at + i]);
    return BigInt.asIntN(64, v);
  }
}

/**
 * lua_settable on a fresh table, with Lua 5.1's errors for nil and NaN keys
 * (raised by the VM, so without a script position).
 */
function setField(L: LuaState): void {
  const key = lua.lua_type(L, -2) === lua.LUA_TNUMBER ? lua.lua_tonumber(L, -2) : 0;
  if (lua.lua_isnil(L, -2) || key !== key) {
    lua.lua_checkstack(L, 1);
    lua.lua_pushstring(L, luastr(key !== key ? 'table index is NaN' : 'table index is nil'));
    lua.lua_error(L);
  }
  lua.lua_settable(L, -3);
}

function decodeArray(L: LuaState, c: Cursor, len: number): void {
  lua.lua_newtable(L);
  checkCStack(L, 1, 'in function mp_decode_to_lua_array');
  for (let i = 1; i <= len; i++) {
    lua.lua_pushnumber(L, i);
    decodeValue(L, c);
    setField(L);
  }
}

function decodeMap(L: LuaState, c: Cursor, len: number): void {
  lua.lua_newtable(L);
  while (len--) {
    decodeValue(L, c);
    decodeValue(L, c);
    setField(L);
  }
}

function pushString(L: LuaState, c: Cursor, header: number, len: number): void {
  c.need(header + len);
  lua.lua_pushlstring(L, c.s.subarray(c.p + header, c.p + header + len), len);
  c.p += header + len;
}

/** mp_decode_to_lua_type: decodes one value at the cursor and pushes it. */
function decodeValue(L: LuaState, c: Cursor): void {
  c.need(1);
  checkCStack(L, 1, 'too many return values at once; use unpack_one or unpack_limit instead.');
  const b = c.s[c.p];
  const fixed = (size: number, value: number): void => {
    c.need(size);
    lua.lua_pushnumber(L, value);
    c.p += size;
  };
  switch (b) {
    case 0xcc: return (c.need(2), fixed(2, c.uint(1, 1)));
    case 0xd0: return (c.need(2), fixed(2, (c.uint(1, 1) << 24) >> 24));
    case 0xcd: return (c.need(3), fixed(3, c.uint(1, 2)));
    case 0xd1: return (c.need(3), fixed(3, (c.uint(1, 2) << 16) >> 16));
    case 0xce: return (c.need(5), fixed(5, c.uint(1, 4)));
    case 0xd2: return (c.need(5), fixed(5, c.uint(1, 4) | 0));
    // uint 64 goes through lua_pushinteger's signed 64-bit lua_Integer: 2^64-1 reads as -1.
    case 0xcf:
    case 0xd3: return (c.need(9), fixed(9, Number(c.int64(1))));
    case 0xc0: return (lua.lua_pushnil(L), void c.p++);
    case 0xc3: return (lua.lua_pushboolean(L, true), void c.p++);
    case 0xc2: return (lua.lua_pushboolean(L, false), void c.p++);
    case 0xca:
      c.need(5);
      return fixed(5, new DataView(c.s.buffer, c.s.byteOffset + c.p + 1, 4).getFloat32(0));
    case 0xcb:
      c.need(9);
      return fixed(9, new DataView(c.s.buffer, c.s.byteOffset + c.p + 1, 8).getFloat64(0));
    case 0xd9: return (c.need(2), pushString(L, c, 2, c.uint(1, 1)));
    case 0xda: return (c.need(3), pushString(L, c, 3, c.uint(1, 2)));
    case 0xdb: {
      c.need(5);
      const len = c.uint(1, 4);
      c.p += 5;
      return pushString(L, c, 0, len);
    }
    case 0xdc: case 0xdd: case 0xde: case 0xdf: {
      const size = b & 1 ? 4 : 2;
      c.need(1 + size);
      const len = c.uint(1, size);
      c.p += 1 + size;
      return b < 0xde ? decodeArray(L, c, len) : decodeMap(L, c, len);
    }
  }
  if ((b & 0x80) === 0) return (lua.lua_pushnumber(L, b), void c.p++);
  if ((b & 0xe0) === 0xe0) return (lua.lua_pushnumber(L, (b << 24) >> 24), void c.p++);
  if ((b & 0xe0) === 0xa0) return pushString(L, c, 1, b & 0x1f);
  if ((b & 0xf0) === 0x90) return (c.p++, decodeArray(L, c, b & 0xf));
  if ((b & 0xf0) === 0x80) return (c.p++, decodeMap(L, c, b & 0xf));
  throw BADFMT;
}

/** mp_unpack_full. limit 0 with offset 0 means "everything, and no offset result". */
function unpackFull(L: LuaState, limit: number, offset: number): number {
  const s = checkLString(L, 1);
  if (offset < 0 || limit < 0) {
    // Redis's message shows the input length where it means the limit.
    raise(L, `Invalid request to unpack with offset of ${toCInt(offset)} and limit of ${toCInt(s.length)}.`);
  } else if (offset > s.length) {
    raise(L, `Start offset ${toCInt(offset)} greater than input length ${toCInt(s.length)}.`);
  }
  const decodeAll = !limit && !offset;
  if (decodeAll) limit = 2147483647;
  const c = new Cursor(s, offset);
  let count = 0;
  try {
    for (; c.left > 0 && count < limit; count++) decodeValue(L, c);
  } catch (e) {
    if (e instanceof DecodeError) raise(L, e.message);
    throw e;
  }
  if (!decodeAll) {
    lua.lua_pushnumber(L, c.left === 0 ? -1 : s.length - c.left);
    lua.lua_insert(L, 2);
    count++;
  }
  return count;
}

function unpackOne(L: LuaState): number {
  const offset = optInteger(L, 2, 0);
  // Drops the other arguments; with no arguments at all this empties the stack, as in C.
  lua.lua_pop(L, lua.lua_gettop(L) - 1);
  return unpackFull(L, 1, offset);
}

function unpackLimit(L: LuaState): number {
  const limit = checkInteger(L, 2);
  const offset = optInteger(L, 3, 0);
  lua.lua_pop(L, lua.lua_gettop(L) - 1);
  return unpackFull(L, limit, offset);
}

/** luaopen_cmsgpack: pushes the `cmsgpack` table. */
export function openCmsgpack(L: LuaState): number {
  const functions: Record<string, (L: LuaState) => number> = {
    pack,
    unpack: (L) => unpackFull(L, 0, 0),
    unpack_one: unpackOne,
    unpack_limit: unpackLimit,
  };
  lua.lua_createtable(L, 0, 8);
  for (const [name, fn] of Object.entries(functions)) {
    lua.lua_pushcfunction(L, fn);
    lua.lua_setfield(L, -2, luastr(name));
  }
  const fields: [string, string][] = [
    ['_NAME', 'cmsgpack'],
    ['_VERSION', 'lua-cmsgpack 0.4.0'],
    ['_COPYRIGHT', 'Copyright (C) 2012, Salvatore Sanfilippo'],
    ['_DESCRIPTION', 'MessagePack C implementation for Lua'],
  ];
  for (const [name, value] of fields) {
    lua.lua_pushstring(L, luastr(value));
    lua.lua_setfield(L, -2, luastr(name));
  }
  return 1;
}
