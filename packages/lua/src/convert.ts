// The Lua encoder of the reply model (DESIGN.md decision 2) and its inverse:
// Redis replies pushed as Lua values for redis.call (script_lua.c
// redisProtocolToLuaType_*), and a script's return value turned into a Reply
// (luaReplyToRedisReply). Both follow the RESP version the script chose with
// redis.setresp, as Redis's script client does.
import { type LuaState, lua } from 'fengari';
import {
  type Reply, array, bignum, bool, bulk, double, error, formatDouble, int, map, NULL, set, simple, verbatim,
} from '@redmoon/core';
import { fromLuaBytes, pushBytes, toBytes } from './bytes.ts';

/**
 * The `err` text luaPushErrorBuff makes of an error buffer: "-CODE msg" keeps its
 * code, anything else gets "ERR"; the message is trimmed of CR/LF and, being
 * read as a C string, ends at a NUL byte.
 */
export function errorBufferMessage(buf: string): string {
  let code = 'ERR';
  let msg = cString(buf);
  if (msg.startsWith('-')) {
    const sp = msg.indexOf(' ');
    if (sp < 0) msg = msg.slice(1);
    else {
      code = msg.slice(1, sp);
      msg = msg.slice(sp + 1);
    }
  }
  return `${code} ${msg.replace(/^[\r\n]+|[\r\n]+$/g, '')}`;
}

/** Push `{err=...}` for an error buffer, as luaPushErrorBuff does. */
export function pushErrorTable(L: LuaState, buf: string): void {
  lua.lua_newtable(L);
  pushBytes(L, errorBufferMessage(buf));
  lua.lua_setfield(L, -2, 'err');
}

/** Push one reply as the Lua value redis.call returns for it under RESP `resp`. */
export function pushReply(L: LuaState, r: Reply, resp: 2 | 3): void {
  lua.lua_checkstack(L, 4);
  switch (r.t) {
    case 'int':
      lua.lua_pushnumber(L, Number(r.v));
      return;
    case 'bulk':
      pushBytes(L, r.v);
      return;
    case 'simple':
      pushField(L, 'ok', () => pushBytes(L, r.v));
      return;
    case 'error':
      pushErrorTable(L, `-${r.v}`);
      // The command already counted this error in INFO errorstats (script_lua.c).
      lua.lua_pushboolean(L, true);
      lua.lua_setfield(L, -2, 'ignore_error_stats_update');
      return;
    case 'null': case 'nullarray':
      if (resp === 2) lua.lua_pushboolean(L, false);
      else lua.lua_pushnil(L);
      return;
    case 'array': case 'push':
      pushArray(L, r.v, resp);
      return;
    case 'bool':
      if (resp === 2) lua.lua_pushnumber(L, r.v ? 1 : 0);
      else lua.lua_pushboolean(L, r.v);
      return;
    case 'double':
      if (resp === 2) pushBytes(L, formatDouble(r.v));
      else pushField(L, 'double', () => lua.lua_pushnumber(L, r.v));
      return;
    case 'bignum':
      if (resp === 2) pushBytes(L, r.v);
      else pushField(L, 'big_number', () => pushBytes(L, r.v));
      return;
    case 'verbatim':
      if (resp === 2) pushBytes(L, r.v);
      else pushField(L, 'verbatim_string', () => {
        lua.lua_newtable(L);
        pushBytes(L, r.v);
        lua.lua_setfield(L, -2, 'string');
        pushBytes(L, r.format);
        lua.lua_setfield(L, -2, 'format');
      });
      return;
    case 'set':
      if (resp === 2) pushArray(L, r.v, resp);
      else pushField(L, 'set', () => {
        lua.lua_newtable(L);
        for (const x of r.v) {
          pushReply(L, x, resp);
          lua.lua_pushboolean(L, true);
          lua.lua_settable(L, -3);
        }
      });
      return;
    case 'map':
      if (resp === 2) pushArray(L, r.v.flat(), resp);
      else pushField(L, 'map', () => {
        lua.lua_newtable(L);
        for (const [k, v] of r.v) {
          pushReply(L, k, resp);
          pushReply(L, v, resp);
          lua.lua_settable(L, -3);
        }
      });
      return;
  }
}

function pushField(L: LuaState, name: string, pushValue: () => void): void {
  lua.lua_newtable(L);
  pushValue();
  lua.lua_setfield(L, -2, name);
}

function pushArray(L: LuaState, items: readonly Reply[], resp: 2 | 3): void {
  lua.lua_createtable(L, items.length, 0);
  for (let i = 0; i < items.length; i++) {
    pushReply(L, items[i], resp);
    // A RESP3 null inside an array leaves a hole, as lua_settable(t, j, nil) does.
    if (lua.lua_isnil(L, -1)) lua.lua_pop(L, 1);
    else lua.lua_rawseti(L, -2, i + 1);
  }
}

const LLONG_MIN = -(2n ** 63n);

/** C's (long long) cast of a double as x86-64 does it: NaN and out-of-range give LLONG_MIN. */
export function toLongLong(d: number): number | bigint {
  if (!(d > -9223372036854775808 - 1025 && d < 9223372036854775808)) return LLONG_MIN;
  const t = Math.trunc(d);
  return Number.isSafeInteger(t) ? t : BigInt(t);
}

/** A C string read of a Lua string (sdsnew/printf "%s" stop at the first NUL byte). */
function cString(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/** rawget(t, name) for the table at `idx` (default: on top); leaves the value pushed and returns its type. */
function rawField(L: LuaState, name: string, idx = -1): number {
  lua.lua_pushliteral(L, name);
  return lua.lua_rawget(L, idx - 1);
}

/**
 * The reply for the Lua value on top of the stack (luaReplyToRedisReply), which
 * is popped. `resp` is the script's setresp version: it decides how booleans
 * are sent; RESP3-only types become Reply kinds the caller's encoder degrades.
 */
export function luaToReply(L: LuaState, resp: 2 | 3): Reply {
  lua.lua_checkstack(L, 4);
  let r: Reply;
  switch (lua.lua_type(L, -1)) {
    case lua.LUA_TSTRING:
      r = bulk(toBytes(L, -1)!);
      break;
    case lua.LUA_TBOOLEAN:
      if (resp === 2) r = lua.lua_toboolean(L, -1) ? int(1) : NULL;
      else r = bool(lua.lua_toboolean(L, -1));
      break;
    case lua.LUA_TNUMBER:
      r = int(toLongLong(lua.lua_tonumber(L, -1)));
      break;
    case lua.LUA_TTABLE:
      r = tableToReply(L, resp);
      break;
    default:
      r = NULL;
  }
  lua.lua_pop(L, 1);
  return r;
}

/** The table cases, tried in Redis's order: err, ok, double, big_number, verbatim_string, map, set, array. */
function tableToReply(L: LuaState, resp: 2 | 3): Reply {
  if (rawField(L, 'err') === lua.LUA_TSTRING) {
    lua.lua_pop(L, 1);
    return error(errorTableMessage(L));
  }
  lua.lua_pop(L, 1);
  if (rawField(L, 'ok') === lua.LUA_TSTRING) {
    const ok = cString(toBytes(L, -1)!).replace(/[\r\n]/g, ' ');
    lua.lua_pop(L, 1);
    return simple(ok);
  }
  lua.lua_pop(L, 1);
  if (rawField(L, 'double') === lua.LUA_TNUMBER) {
    const d = lua.lua_tonumber(L, -1);
    lua.lua_pop(L, 1);
    return double(d);
  }
  lua.lua_pop(L, 1);
  if (rawField(L, 'big_number') === lua.LUA_TSTRING) {
    const n = toBytes(L, -1)!.replace(/[\r\n]/g, ' ');
    lua.lua_pop(L, 1);
    return bignum(n);
  }
  lua.lua_pop(L, 1);
  const v = verbatimField(L);
  if (v !== null) return v;
  if (rawField(L, 'map') === lua.LUA_TTABLE) {
    const pairs: [Reply, Reply][] = [];
    lua.lua_pushnil(L);
    while (lua.lua_next(L, -2)) {
      lua.lua_pushvalue(L, -2);
      const k = luaToReply(L, resp);
      pairs.push([k, luaToReply(L, resp)]);
    }
    lua.lua_pop(L, 1);
    return map(pairs);
  }
  lua.lua_pop(L, 1);
  if (rawField(L, 'set') === lua.LUA_TTABLE) {
    const members: Reply[] = [];
    lua.lua_pushnil(L);
    while (lua.lua_next(L, -2)) {
      lua.lua_pop(L, 1);
      lua.lua_pushvalue(L, -1);
      members.push(luaToReply(L, resp));
    }
    lua.lua_pop(L, 1);
    return set(members);
  }
  lua.lua_pop(L, 1);
  const items: Reply[] = [];
  for (let j = 1; ; j++) {
    if (lua.lua_rawgeti(L, -1, j) === lua.LUA_TNIL) {
      lua.lua_pop(L, 1);
      break;
    }
    items.push(luaToReply(L, resp));
  }
  return array(items);
}

/** {verbatim_string={format=..., string=...}}; pops what it pushed. */
function verbatimField(L: LuaState): Reply | null {
  let r: Reply | null = null;
  if (rawField(L, 'verbatim_string') === lua.LUA_TTABLE) {
    if (rawField(L, 'format') === lua.LUA_TSTRING) {
      const format = toBytes(L, -1)!;
      if (rawField(L, 'string', -2) === lua.LUA_TSTRING) r = verbatim(toBytes(L, -1)!, format.slice(0, 3));
      lua.lua_pop(L, 1);
    }
    lua.lua_pop(L, 1);
  }
  lua.lua_pop(L, 1);
  return r;
}

/**
 * The message of an error table on top of the stack (luaExtractErrorInformation
 * reads `err` with a metamethod-aware getfield), printed as "-%s" and so cut at
 * a NUL byte, with CR/LF turned into spaces by addReplyErrorFormat.
 */
export function errorTableMessage(L: LuaState): string {
  lua.lua_getfield(L, -1, 'err');
  const msg = lua.lua_isstring(L, -1) ? cString(fromLuaBytes(lua.lua_tolstring(L, -1)!)) : '';
  lua.lua_pop(L, 1);
  return msg.replace(/[\r\n]/g, ' ');
}
