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
      if (resp === 2) pushBytes(L, r.text ?? formatDouble(r.v));
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
 * Redis's luaReplyToRedisReply stops descending where lua_checkstack(L, 4) fails:
 * the stack may hold LUAI_MAXCSTACK (8000) slots. A script's return value starts
 * at slot 2 (under it, the message handler); an array element sits one slot above
 * its table, a map key four (inner table, key, value, copy of the key), a map
 * value or set member three.
 */
const MAX_STACK_SLOTS = 8000;
const RETURN_VALUE_SLOT = 2;

/** A table being converted; its Lua table (and, for map/set, the inner table) is on the stack. */
type Frame =
  | { kind: 'array'; slot: number; items: Reply[]; next: number }
  | { kind: 'map'; slot: number; pairs: [Reply, Reply][]; key: Reply | null; atValue: boolean }
  | { kind: 'set'; slot: number; members: Reply[] };

/**
 * The reply for the Lua value on top of the stack (luaReplyToRedisReply), which
 * is popped. `resp` is the script's setresp version: it decides how booleans
 * are sent; RESP3-only types become Reply kinds the caller's encoder degrades.
 * Iterative, so that tables nested as deep as Redis allows fit in the JS stack.
 */
export function luaToReply(L: LuaState, resp: 2 | 3): Reply {
  const frames: Frame[] = [];
  let done: Reply | null = startValue(L, resp, RETURN_VALUE_SLOT, frames);
  for (;;) {
    if (done !== null) {
      const f = frames.at(-1);
      if (f === undefined) return done;
      if (f.kind === 'array') f.items.push(done);
      else if (f.kind === 'set') f.members.push(done);
      else if (f.atValue) {
        f.pairs.push([f.key!, done]);
        f.atValue = false;
      } else {
        f.key = done;
        f.atValue = true;
      }
      done = null;
    }
    const f = frames.at(-1)!;
    if (f.kind === 'array') {
      if (lua.lua_rawgeti(L, -1, f.next++) !== lua.LUA_TNIL) {
        done = startValue(L, resp, f.slot + 1, frames);
        continue;
      }
      // The nil that ended it, the table and its placeholder.
      lua.lua_pop(L, 3);
      frames.pop();
      done = array(f.items);
    } else if (f.kind === 'map' && f.atValue) {
      done = startValue(L, resp, f.slot + 3, frames);
    } else if (lua.lua_next(L, -2)) {
      if (f.kind === 'set') lua.lua_pop(L, 1);
      lua.lua_pushvalue(L, -1 - (f.kind === 'map' ? 1 : 0));
      done = startValue(L, resp, f.slot + (f.kind === 'map' ? 4 : 3), frames);
    } else {
      lua.lua_pop(L, 2);
      frames.pop();
      done = f.kind === 'map' ? map(f.pairs) : set(f.members);
    }
  }
}

/**
 * Convert the value on top (at stack slot `slot`) if it is a leaf, popping it;
 * for an array, map or set push its frame, leave its tables on the stack and
 * return null.
 */
function startValue(L: LuaState, resp: 2 | 3, slot: number, frames: Frame[]): Reply | null {
  let r: Reply;
  if (slot + 4 > MAX_STACK_SLOTS) {
    r = error('ERR reached lua stack limit');
  } else {
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
      case lua.LUA_TTABLE: {
        const leaf = tableLeaf(L);
        if (leaf !== null) {
          r = leaf;
          break;
        }
        lua.lua_checkstack(L, 4);
        if (rawField(L, 'map') === lua.LUA_TTABLE) {
          lua.lua_pushnil(L);
          frames.push({ kind: 'map', slot, pairs: [], key: null, atValue: false });
          return null;
        }
        lua.lua_pop(L, 1);
        if (rawField(L, 'set') === lua.LUA_TTABLE) {
          lua.lua_pushnil(L);
          frames.push({ kind: 'set', slot, members: [] });
          return null;
        }
        lua.lua_pop(L, 1);
        // An array: its table stays under a placeholder popped with it when done.
        lua.lua_pushnil(L);
        lua.lua_insert(L, -2);
        frames.push({ kind: 'array', slot, items: [], next: 1 });
        return null;
      }
      default:
        r = NULL;
    }
  }
  lua.lua_pop(L, 1);
  return r;
}

/** The table cases that are not aggregates, in Redis's order: err, ok, double, big_number, verbatim_string. */
function tableLeaf(L: LuaState): Reply | null {
  if (rawField(L, 'err') === lua.LUA_TSTRING) {
    lua.lua_pop(L, 1);
    const msg = errorTableMessage(L);
    return errorAlreadyCounted(L) ? { t: 'error', v: msg, counted: true } : error(msg);
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
  return verbatimField(L);
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

/** The error table on top carries ignore_error_stats_update = true (redis.call errors, already counted). */
export function errorAlreadyCounted(L: LuaState): boolean {
  lua.lua_getfield(L, -1, 'ignore_error_stats_update');
  const counted = lua.lua_type(L, -1) === lua.LUA_TBOOLEAN && lua.lua_toboolean(L, -1);
  lua.lua_pop(L, 1);
  return counted;
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
