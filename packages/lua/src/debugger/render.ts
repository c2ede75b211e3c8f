// How the Lua debugger shows values (eval.c ldbCatStackValueRec, sdscatrepr)
// and Redis replies (ldbRedisProtocolToHuman): the text of `<value>`,
// `<retval>`, `<debug>` and `<reply>` lines.
import { type LuaState, lua } from 'fengari';
import { type Reply, encode, formatG } from '@redmoon/core';
import { fromLuaBytes } from '../bytes.ts';

/** LDB_MAX_VALUES_DEPTH (LUA_MINSTACK/2): nested tables deeper than this are not shown. */
const MAX_VALUES_DEPTH = 10;

/** sdscatrepr: a quoted string with C escapes, bytes outside ASCII printables as \xHH. */
export function repr(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    switch (ch) {
      case 0x5c: out += '\\\\'; break;
      case 0x22: out += '\\"'; break;
      case 0x0a: out += '\\n'; break;
      case 0x0d: out += '\\r'; break;
      case 0x09: out += '\\t'; break;
      case 0x07: out += '\\a'; break;
      case 0x08: out += '\\b'; break;
      default:
        out += ch >= 0x20 && ch <= 0x7e ? s[i] : `\\x${ch.toString(16).padStart(2, '0')}`;
    }
  }
  return `${out}"`;
}

/**
 * Stand-ins for the addresses Redis prints for functions, threads and userdata
 * ("function@0x55d0c1e2a4b0"): real addresses mean nothing here, so each object
 * gets a stable made-up one.
 */
const addresses = new WeakMap<object, number>();
let nextAddress = 0x5000;

function addressOf(p: unknown): string {
  if (typeof p !== 'object' || p === null) return '0x0';
  let a = addresses.get(p);
  if (a === undefined) {
    a = nextAddress;
    nextAddress += 0x40;
    addresses.set(p, a);
  }
  return `0x${a.toString(16)}`;
}

/** The value at idx as ldbCatStackValueRec shows it. */
export function luaValueText(L: LuaState, idx: number): string {
  return valueText(L, lua.lua_absindex(L, idx), 0);
}

function valueText(L: LuaState, idx: number, level: number): string {
  if (level++ === MAX_VALUES_DEPTH) return '<max recursion level reached! Nested table?>';
  const t = lua.lua_type(L, idx);
  switch (t) {
    case lua.LUA_TSTRING: return repr(fromLuaBytes(lua.lua_tolstring(L, idx)!));
    case lua.LUA_TBOOLEAN: return lua.lua_toboolean(L, idx) ? 'true' : 'false';
    case lua.LUA_TNUMBER: return formatG(lua.lua_tonumber(L, idx), 6);
    case lua.LUA_TNIL: return 'nil';
    case lua.LUA_TTABLE: return tableText(L, idx, level);
    case lua.LUA_TFUNCTION: return `"function@${addressOf(lua.lua_topointer(L, idx))}"`;
    case lua.LUA_TUSERDATA: return `"userdata@${addressOf(lua.lua_topointer(L, idx))}"`;
    case lua.LUA_TTHREAD: return `"thread@${addressOf(lua.lua_topointer(L, idx))}"`;
    case lua.LUA_TLIGHTUSERDATA: return `"light-userdata@${addressOf(lua.lua_topointer(L, idx))}"`;
    default: return '"<unknown-lua-type>"';
  }
}

/**
 * A table, built both as an array ({1; 2}) and as a map ({["k"]=v}); the array
 * form is chosen when the keys seen in iteration order are exactly 1, 2, 3...
 */
function tableText(L: LuaState, idx: number, level: number): string {
  lua.lua_checkstack(L, 3);
  let expected = 1;
  let isArray = true;
  const asArray: string[] = [];
  const asMap: string[] = [];
  lua.lua_pushnil(L);
  while (lua.lua_next(L, idx)) {
    const top = lua.lua_gettop(L);
    if (isArray && (lua.lua_type(L, top - 1) !== lua.LUA_TNUMBER || lua.lua_tonumber(L, top - 1) !== expected)) isArray = false;
    const value = valueText(L, top, level);
    asArray.push(value);
    asMap.push(`[${valueText(L, top - 1, level)}]=${value}`);
    lua.lua_pop(L, 1);
    expected++;
  }
  return `{${(isArray ? asArray : asMap).join('; ')}}`;
}

/** ldbRedisProtocolToHuman: a reply as `<reply>` shows it, read from its wire form as Redis does. */
export function replyText(reply: Reply, resp: 2 | 3): string {
  const wire = encode(reply, resp);
  return new ProtocolReader(wire).value();
}

class ProtocolReader {
  private pos = 0;

  constructor(private readonly s: string) {}

  /** The rest of the current line (after the type byte), moving past its CRLF. */
  private line(): string {
    const end = this.s.indexOf('\r', this.pos);
    const text = this.s.slice(this.pos + 1, end);
    this.pos = end + 2;
    return text;
  }

  value(): string {
    const type = this.s[this.pos];
    switch (type) {
      case ':': return this.line();
      case '$': {
        const len = Number(this.line());
        if (len === -1) return 'NULL';
        const text = this.s.slice(this.pos, this.pos + len);
        this.pos += len + 2;
        return repr(text);
      }
      case '+':
      case '-': {
        const end = this.s.indexOf('\r', this.pos);
        const text = this.s.slice(this.pos, end);
        this.pos = end + 2;
        return repr(text);
      }
      case '*': {
        const n = Number(this.line());
        if (n === -1) return 'NULL';
        return `[${this.items(n)}]`;
      }
      case '~': return `~(${this.items(Number(this.line()))})`;
      case '%': {
        const n = Number(this.line());
        const pairs: string[] = [];
        for (let i = 0; i < n; i++) pairs.push(`${this.value()} => ${this.value()}`);
        return `{${pairs.join(',')}}`;
      }
      case '_': this.line(); return '(null)';
      case '#': return this.line() === 't' ? '#true' : '#false';
      case ',': return `(double) ${this.line()}`;
      default:
        // Big numbers and verbatim strings are not decoded by Redis: nothing is shown.
        this.skip();
        return '';
    }
  }

  private items(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.value());
    return out.join(',');
  }

  /** Move past a reply of a type not shown (its header line, and a verbatim's payload). */
  private skip(): void {
    const type = this.s[this.pos];
    const header = this.line();
    if (type === '=') this.pos += Number(header) + 2;
  }
}
