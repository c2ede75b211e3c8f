// The `cjson` library of Redis scripts: Lua CJSON 2.1.0 as bundled in Redis
// 7.0 (deps/lua/src/lua_cjson.c): configuration functions, the encoder, and
// `new`. The decoder is in cjson-decode.ts.
//
// Known difference: objects are written in fengari's table traversal order,
// which is not Lua 5.1's hash order, so objects with several keys can list
// them in another order than Redis. Arrays and one-key objects match.
import { lua, type LuaState, type LuaString } from 'fengari';
import { formatG } from '@redmoon/core';
import { argError, checkInteger, checkLString, luastr, raise, toCInt } from './auxlib51.ts';
import { ByteBuf } from './bytebuf.ts';
import { cstackHasRoom } from './cstack.ts';
import { decodeJson } from './cjson-decode.ts';

const INT_MAX = 2147483647;

export interface CjsonConfig {
  encodeSparseConvert: number;
  encodeSparseRatio: number;
  encodeSparseSafe: number;
  encodeMaxDepth: number;
  /** 0: refuse NaN and Inf, 1: write them as nan/inf, 2: write them as null. */
  encodeInvalidNumbers: number;
  encodeNumberPrecision: number;
  encodeKeepBuffer: number;
  decodeInvalidNumbers: number;
  decodeMaxDepth: number;
}

const defaultConfig = (): CjsonConfig => ({
  encodeSparseConvert: 0,
  encodeSparseRatio: 2,
  encodeSparseSafe: 10,
  encodeMaxDepth: 1000,
  encodeInvalidNumbers: 0,
  encodeNumberPrecision: 14,
  encodeKeepBuffer: 1,
  decodeInvalidNumbers: 1,
  decodeMaxDepth: 1000,
});

// ===== Configuration =====

/** json_arg_init: at most `args` arguments, missing ones padded with nil. */
function argInit(L: LuaState, args: number): void {
  if (lua.lua_gettop(L) > args) argError(L, args + 1, 'found too many arguments');
  while (lua.lua_gettop(L) < args) lua.lua_pushnil(L);
}

type IntSetting = 'encodeSparseRatio' | 'encodeSparseSafe' | 'encodeMaxDepth' | 'decodeMaxDepth' | 'encodeNumberPrecision';
type EnumSetting = 'encodeSparseConvert' | 'encodeKeepBuffer' | 'encodeInvalidNumbers' | 'decodeInvalidNumbers';

/** json_integer_option. Its range error always names argument #1, whatever the position. */
function integerOption(L: LuaState, cfg: CjsonConfig, idx: number, key: IntSetting, min: number, max: number): void {
  if (!lua.lua_isnil(L, idx)) {
    const value = toCInt(checkInteger(L, idx));
    if (!(min <= value && value <= max)) argError(L, 1, `expected integer between ${min} and ${max}`);
    cfg[key] = value;
  }
  lua.lua_pushnumber(L, cfg[key]);
}

const ON_OFF = ['off', 'on'];

/** json_enum_option: a boolean or one of the option names; reported back as a boolean when it is 0 or 1. */
function enumOption(L: LuaState, cfg: CjsonConfig, idx: number, key: EnumSetting, options: string[]): void {
  if (!lua.lua_isnil(L, idx)) {
    if (lua.lua_isboolean(L, idx)) cfg[key] = lua.lua_toboolean(L, idx) ? 1 : 0;
    else cfg[key] = checkOption(L, idx, options);
  }
  if (cfg[key] === 0 || cfg[key] === 1) lua.lua_pushboolean(L, cfg[key] === 1);
  else lua.lua_pushstring(L, luastr(options[cfg[key]]));
}

/** luaL_checkoption without a default. */
function checkOption(L: LuaState, idx: number, options: string[]): number {
  const name = checkLString(L, idx);
  const text = String.fromCharCode(...name);
  const i = options.indexOf(text);
  if (i >= 0) return i;
  const msg = new Uint8Array(name.length + 17);
  msg.set(luastr("invalid option '"));
  msg.set(name, 16);
  msg[msg.length - 1] = 0x27;
  return argError(L, idx, msg);
}

function configFunctions(cfg: CjsonConfig): Record<string, (L: LuaState) => number> {
  return {
    encode_sparse_array: (L) => {
      argInit(L, 3);
      enumOption(L, cfg, 1, 'encodeSparseConvert', ON_OFF);
      integerOption(L, cfg, 2, 'encodeSparseRatio', 0, INT_MAX);
      integerOption(L, cfg, 3, 'encodeSparseSafe', 0, INT_MAX);
      return 3;
    },
    encode_max_depth: (L) => (argInit(L, 1), integerOption(L, cfg, 1, 'encodeMaxDepth', 1, INT_MAX), 1),
    decode_max_depth: (L) => (argInit(L, 1), integerOption(L, cfg, 1, 'decodeMaxDepth', 1, INT_MAX), 1),
    encode_number_precision: (L) => (argInit(L, 1), integerOption(L, cfg, 1, 'encodeNumberPrecision', 1, 14), 1),
    // Only decides whether C reuses its buffer; kept for its return value.
    encode_keep_buffer: (L) => (argInit(L, 1), enumOption(L, cfg, 1, 'encodeKeepBuffer', ON_OFF), 1),
    encode_invalid_numbers: (L) => (
      argInit(L, 1), enumOption(L, cfg, 1, 'encodeInvalidNumbers', ['off', 'on', 'null']), 1
    ),
    decode_invalid_numbers: (L) => (argInit(L, 1), enumOption(L, cfg, 1, 'decodeInvalidNumbers', ON_OFF), 1),
  };
}

// ===== Encoding =====

/** The JSON escape of each byte, or undefined when it is written as is. */
const ESCAPES: (string | undefined)[] = (() => {
  const table: (string | undefined)[] = new Array(256).fill(undefined);
  for (let i = 0; i < 32; i++) table[i] = '\\u' + i.toString(16).padStart(4, '0');
  Object.assign(table, { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' });
  table[0x22] = '\\"';
  table[0x2f] = '\\/';
  table[0x5c] = '\\\\';
  table[0x7f] = '\\u007f';
  return table;
})();

function appendString(out: ByteBuf, s: LuaString): void {
  out.byte(0x22);
  for (let i = 0; i < s.length; i++) {
    const esc = ESCAPES[s[i]];
    if (esc === undefined) out.byte(s[i]);
    else out.latin1(esc);
  }
  out.byte(0x22);
}

/** json_encode_exception: "Cannot serialise <type of the value at idx>: <reason>". */
function encodeError(L: LuaState, idx: number, reason: string): never {
  const type = String.fromCharCode(...lua.lua_typename(L, lua.lua_type(L, idx)));
  return raise(L, `Cannot serialise ${type}: ${reason}`);
}

function appendNumber(L: LuaState, cfg: CjsonConfig, out: ByteBuf, idx: number): void {
  const num = lua.lua_tonumber(L, idx);
  const invalid = !Number.isFinite(num);
  if (cfg.encodeInvalidNumbers === 0) {
    if (invalid) encodeError(L, idx, 'must not be NaN or Inf');
  } else if (cfg.encodeInvalidNumbers === 1) {
    // C special-cases NaN because some printf versions write "-nan".
    if (num !== num) return out.latin1('nan');
  } else if (invalid) {
    return out.latin1('null');
  }
  out.latin1(formatG(num, cfg.encodeNumberPrecision));
}

/** C's (int) conversion of a double key: out of range keys become INT_MIN on x86-64. */
const doubleToCInt = (k: number): number => (k >= -2147483648 && k < 2147483648 ? Math.trunc(k) : -2147483648);

/**
 * lua_array_length: for a table whose keys are all positive integers, the
 * largest key (the array length); -1 for other tables, and for excessively
 * sparse arrays when they are to be converted to objects.
 */
function arrayLength(L: LuaState, cfg: CjsonConfig): number {
  let max = 0;
  let items = 0;
  lua.lua_pushnil(L);
  while (lua.lua_next(L, -2)) {
    const k = lua.lua_type(L, -2) === lua.LUA_TNUMBER ? lua.lua_tonumber(L, -2) : 0;
    if (k !== 0 && Math.floor(k) === k && k >= 1) {
      if (k > max) max = doubleToCInt(k);
      items++;
      lua.lua_pop(L, 1);
      continue;
    }
    lua.lua_pop(L, 2);
    return -1;
  }
  if (cfg.encodeSparseRatio > 0 && max > items * cfg.encodeSparseRatio && max > cfg.encodeSparseSafe) {
    if (!cfg.encodeSparseConvert) encodeError(L, -1, 'excessively sparse array');
    return -1;
  }
  return max;
}

function appendArray(L: LuaState, cfg: CjsonConfig, depth: number, out: ByteBuf, length: number): void {
  out.byte(0x5b);
  for (let i = 1; i <= length; i++) {
    if (i > 1) out.byte(0x2c);
    lua.lua_rawgeti(L, -1, i);
    appendValue(L, cfg, depth, out);
    lua.lua_pop(L, 1);
  }
  out.byte(0x5d);
}

function appendObject(L: LuaState, cfg: CjsonConfig, depth: number, out: ByteBuf): void {
  out.byte(0x7b);
  let comma = false;
  lua.lua_pushnil(L);
  while (lua.lua_next(L, -2)) {
    if (comma) out.byte(0x2c);
    comma = true;
    const keyType = lua.lua_type(L, -2);
    if (keyType === lua.LUA_TNUMBER) {
      out.byte(0x22);
      appendNumber(L, cfg, out, -2);
      out.latin1('":');
    } else if (keyType === lua.LUA_TSTRING) {
      appendString(out, lua.lua_tolstring(L, -2)!);
      out.byte(0x3a);
    } else {
      encodeError(L, -2, 'table key must be a number or string');
    }
    appendValue(L, cfg, depth, out);
    lua.lua_pop(L, 1);
  }
  out.byte(0x7d);
}

/** json_append_data: serialises the value on top of the stack. */
function appendValue(L: LuaState, cfg: CjsonConfig, depth: number, out: ByteBuf): void {
  switch (lua.lua_type(L, -1)) {
    case lua.LUA_TSTRING:
      return appendString(out, lua.lua_tolstring(L, -1)!);
    case lua.LUA_TNUMBER:
      return appendNumber(L, cfg, out, -1);
    case lua.LUA_TBOOLEAN:
      return out.latin1(lua.lua_toboolean(L, -1) ? 'true' : 'false');
    case lua.LUA_TTABLE: {
      depth++;
      // The key, the value and an error message must fit on Lua 5.1's C stack too.
      if (depth > cfg.encodeMaxDepth || !cstackHasRoom(L, 3)) raise(L, `Cannot serialise, excessive nesting (${depth})`);
      const length = arrayLength(L, cfg);
      if (length > 0) appendArray(L, cfg, depth, out, length);
      else appendObject(L, cfg, depth, out);
      return;
    }
    case lua.LUA_TNIL:
      return out.latin1('null');
    case lua.LUA_TLIGHTUSERDATA:
      if (lua.lua_touserdata(L, -1) === null) return out.latin1('null');
      return encodeError(L, -1, 'type not supported');
    default:
      return encodeError(L, -1, 'type not supported');
  }
}

function encode(L: LuaState, cfg: CjsonConfig): number {
  if (lua.lua_gettop(L) !== 1) argError(L, 1, 'expected 1 argument');
  const out = new ByteBuf();
  appendValue(L, cfg, 0, out);
  lua.lua_pushlstring(L, out.view(), out.length);
  return 1;
}

// ===== Initialisation =====

/** lua_cjson_new: a cjson table with its own configuration. */
function newCjson(L: LuaState): number {
  const cfg = defaultConfig();
  const functions: Record<string, (L: LuaState) => number> = {
    encode: (L) => encode(L, cfg),
    decode: (L) => decodeJson(L, cfg),
    ...configFunctions(cfg),
    new: newCjson,
  };
  lua.lua_createtable(L, 0, Object.keys(functions).length + 3);
  for (const [name, fn] of Object.entries(functions)) {
    lua.lua_pushcfunction(L, fn);
    lua.lua_setfield(L, -2, luastr(name));
  }
  // JSON null is a NULL light userdata, as in C: equal to every decoded null.
  lua.lua_pushlightuserdata(L, null);
  lua.lua_setfield(L, -2, luastr('null'));
  lua.lua_pushstring(L, luastr('cjson'));
  lua.lua_setfield(L, -2, luastr('_NAME'));
  lua.lua_pushstring(L, luastr('2.1.0'));
  lua.lua_setfield(L, -2, luastr('_VERSION'));
  return 1;
}

/** luaopen_cjson: pushes the `cjson` table. */
export function openCjson(L: LuaState): number {
  return newCjson(L);
}
