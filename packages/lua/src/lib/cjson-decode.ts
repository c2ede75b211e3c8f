// cjson.decode: Lua CJSON 2.1.0's tokenizer and recursive descent parser.
// The input is read like a C string: a NUL byte ends it wherever it appears.
import { lua, type LuaState, type LuaString } from 'fengari';
import { argError, checkLString, raise } from './auxlib51.ts';
import { ByteBuf } from './bytebuf.ts';
import { cstackHasRoom } from './cstack.ts';
import type { CjsonConfig } from './cjson.ts';
import { strtodPrefix } from './strtod.ts';

enum T {
  OBJ_BEGIN,
  OBJ_END,
  ARR_BEGIN,
  ARR_END,
  STRING,
  NUMBER,
  BOOLEAN,
  NULL,
  COLON,
  COMMA,
  END,
  WHITESPACE,
  ERROR,
  UNKNOWN,
}

const TOKEN_NAMES = [
  'T_OBJ_BEGIN', 'T_OBJ_END', 'T_ARR_BEGIN', 'T_ARR_END', 'T_STRING', 'T_NUMBER', 'T_BOOLEAN',
  'T_NULL', 'T_COLON', 'T_COMMA', 'T_END', 'T_WHITESPACE', 'T_ERROR', 'T_UNKNOWN',
];

const CH2TOKEN: T[] = (() => {
  const table: T[] = new Array(256).fill(T.ERROR);
  const set = (chars: string, t: T) => {
    for (const c of chars) table[c.charCodeAt(0)] = t;
  };
  set('{', T.OBJ_BEGIN);
  set('}', T.OBJ_END);
  set('[', T.ARR_BEGIN);
  set(']', T.ARR_END);
  set(',', T.COMMA);
  set(':', T.COLON);
  set('\0', T.END);
  set(' \t\n\r', T.WHITESPACE);
  // Starts of true/false/null, inf/nan, strings and numbers.
  set('fiInNt"+-0123456789', T.UNKNOWN);
  return table;
})();

const ESCAPE2CHAR: number[] = (() => {
  const table: number[] = new Array(256).fill(0);
  const pairs: [string, string][] = [['"', '"'], ['\\', '\\'], ['/', '/'], ['b', '\b'], ['t', '\t'], ['n', '\n'], ['f', '\f'], ['r', '\r'], ['u', 'u']];
  for (const [esc, ch] of pairs) table[esc.charCodeAt(0)] = ch.charCodeAt(0);
  return table;
})();

interface Token {
  type: T;
  /** 0-based position of the token (errors report it 1-based). */
  index: number;
  /** String bytes for T.STRING, the reason for T.ERROR. */
  string: LuaString | string;
  number: number;
  boolean: boolean;
}

class Parser {
  ptr = 0;
  depth = 0;
  readonly tmp = new ByteBuf();

  constructor(
    readonly L: LuaState,
    readonly data: LuaString,
    readonly cfg: CjsonConfig,
  ) {}

  /** The byte at i, with the C string's terminating NUL after the end. */
  at(i: number): number {
    return i < this.data.length ? this.data[i] : 0;
  }

  tokenError(token: Token, reason: string): void {
    token.type = T.ERROR;
    token.index = this.ptr;
    token.string = reason;
  }

  hex4(i: number): number {
    let v = 0;
    for (let k = 0; k < 4; k++) {
      const c = this.at(i + k);
      let d = -1;
      if (c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66) d = (c | 0x20) - 0x61 + 10;
      if (d < 0) return -1;
      v = (v << 4) | d;
    }
    return v;
  }

  /** json_append_unicode_escape: \uXXXX (or a surrogate pair) at ptr, appended as UTF-8. */
  unicodeEscape(): boolean {
    let codepoint = this.hex4(this.ptr + 2);
    let escapeLen = 6;
    if (codepoint < 0) return false;
    if ((codepoint & 0xf800) === 0xd800) {
      if (codepoint & 0x400) return false; // a low surrogate first
      if (this.at(this.ptr + 6) !== 0x5c || this.at(this.ptr + 7) !== 0x75) return false;
      const low = this.hex4(this.ptr + 8);
      if (low < 0 || (low & 0xfc00) !== 0xdc00) return false;
      codepoint = (((codepoint & 0x3ff) << 10) | (low & 0x3ff)) + 0x10000;
      escapeLen = 12;
    }
    const out = this.tmp;
    if (codepoint <= 0x7f) out.byte(codepoint);
    else if (codepoint <= 0x7ff) (out.byte((codepoint >> 6) | 0xc0), out.byte((codepoint & 0x3f) | 0x80));
    else if (codepoint <= 0xffff) {
      out.byte((codepoint >> 12) | 0xe0);
      out.byte(((codepoint >> 6) & 0x3f) | 0x80);
      out.byte((codepoint & 0x3f) | 0x80);
    } else {
      out.byte((codepoint >> 18) | 0xf0);
      out.byte(((codepoint >> 12) & 0x3f) | 0x80);
      out.byte(((codepoint >> 6) & 0x3f) | 0x80);
      out.byte((codepoint & 0x3f) | 0x80);
    }
    this.ptr += escapeLen;
    return true;
  }

  stringToken(token: Token): void {
    this.ptr++; // the opening quote
    this.tmp.clear();
    for (let ch = this.at(this.ptr); ch !== 0x22; ch = this.at(this.ptr)) {
      if (ch === 0) return this.tokenError(token, 'unexpected end of string');
      if (ch === 0x5c) {
        ch = ESCAPE2CHAR[this.at(this.ptr + 1)];
        if (ch === 0x75) {
          if (this.unicodeEscape()) continue;
          return this.tokenError(token, 'invalid unicode escape code');
        }
        if (ch === 0) return this.tokenError(token, 'invalid escape code');
        this.ptr++;
      }
      this.tmp.byte(ch);
      this.ptr++;
    }
    this.ptr++;
    token.type = T.STRING;
    token.string = this.tmp.view().slice();
  }

  /** json_is_invalid_number: forms strtod reads that strict JSON does not allow. */
  isInvalidNumber(): boolean {
    let p = this.ptr;
    if (this.at(p) === 0x2b) return true;
    if (this.at(p) === 0x2d) p++;
    if (this.at(p) === 0x30) {
      const ch2 = this.at(p + 1);
      return (ch2 | 0x20) === 0x78 || (ch2 >= 0x30 && ch2 <= 0x39);
    }
    if (this.at(p) <= 0x39) return false;
    return this.startsWithCaseless(p, 'inf') || this.startsWithCaseless(p, 'nan');
  }

  startsWithCaseless(p: number, word: string): boolean {
    for (let k = 0; k < word.length; k++) if ((this.at(p + k) | 0x20) !== word.charCodeAt(k)) return false;
    return true;
  }

  startsWith(word: string): boolean {
    for (let k = 0; k < word.length; k++) if (this.at(this.ptr + k) !== word.charCodeAt(k)) return false;
    return true;
  }

  numberToken(token: Token): void {
    // strtod stops at the C string's end: read only up to the first NUL.
    const nul = this.data.indexOf(0, this.ptr);
    const { value, used } = strtodPrefix(nul < 0 ? this.data : this.data.subarray(0, nul), this.ptr);
    if (used === 0) return this.tokenError(token, 'invalid number');
    token.type = T.NUMBER;
    token.number = value;
    this.ptr += used;
  }

  /** json_next_token: fills in the token and returns its type. */
  next(token: Token): T {
    this.scan(token);
    return token.type;
  }

  scan(token: Token): void {
    let ch = this.at(this.ptr);
    while (CH2TOKEN[ch] === T.WHITESPACE) ch = this.at(++this.ptr);
    token.type = CH2TOKEN[ch];
    token.index = this.ptr;
    if (token.type === T.ERROR) return this.tokenError(token, 'invalid token');
    if (token.type === T.END) return;
    if (token.type !== T.UNKNOWN) {
      this.ptr++;
      return;
    }
    if (ch === 0x22) return this.stringToken(token);
    if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) {
      if (!this.cfg.decodeInvalidNumbers && this.isInvalidNumber()) return this.tokenError(token, 'invalid number');
      return this.numberToken(token);
    }
    for (const [word, type, value] of [['true', T.BOOLEAN, true], ['false', T.BOOLEAN, false], ['null', T.NULL, false]] as const) {
      if (this.startsWith(word)) {
        token.type = type;
        token.boolean = value;
        this.ptr += word.length;
        return;
      }
    }
    // With invalid numbers allowed, inf, nan, +1 and the like are read by strtod.
    if (this.cfg.decodeInvalidNumbers && this.isInvalidNumber()) return this.numberToken(token);
    this.tokenError(token, 'invalid token');
  }

  fail(expected: string, token: Token): never {
    const found = token.type === T.ERROR ? (token.string as string) : TOKEN_NAMES[token.type];
    return raise(this.L, `Expected ${expected} but found ${found} at character ${token.index + 1}`);
  }

  /** json_decode_descend: slots is what the container needs on the stack (table, key, value). */
  descend(slots: number): void {
    this.depth++;
    if (this.depth > this.cfg.decodeMaxDepth || !cstackHasRoom(this.L, slots)) {
      raise(this.L, `Found too many nested data structures (${this.depth}) at character ${this.ptr}`);
    }
  }

  object(): void {
    const L = this.L;
    this.descend(3);
    lua.lua_newtable(L);
    const token = newToken();
    if (this.next(token) === T.OBJ_END) return void this.depth--;
    for (;;) {
      if (token.type !== T.STRING) this.fail('object key string', token);
      const key = token.string as LuaString;
      lua.lua_pushlstring(L, key, key.length);
      if (this.next(token) !== T.COLON) this.fail('colon', token);
      this.next(token);
      this.value(token);
      lua.lua_rawset(L, -3);
      const after = this.next(token);
      if (after === T.OBJ_END) return void this.depth--;
      if (after !== T.COMMA) this.fail('comma or object end', token);
      this.next(token);
    }
  }

  array(): void {
    const L = this.L;
    this.descend(2);
    lua.lua_newtable(L);
    const token = newToken();
    if (this.next(token) === T.ARR_END) return void this.depth--;
    for (let i = 1; ; i++) {
      this.value(token);
      lua.lua_rawseti(L, -2, i);
      const after = this.next(token);
      if (after === T.ARR_END) return void this.depth--;
      if (after !== T.COMMA) this.fail('comma or array end', token);
      this.next(token);
    }
  }

  value(token: Token): void {
    const L = this.L;
    switch (token.type) {
      case T.STRING: {
        const s = token.string as LuaString;
        return void lua.lua_pushlstring(L, s, s.length);
      }
      case T.NUMBER:
        return lua.lua_pushnumber(L, token.number);
      case T.BOOLEAN:
        return lua.lua_pushboolean(L, token.boolean);
      case T.OBJ_BEGIN:
        return this.object();
      case T.ARR_BEGIN:
        return this.array();
      case T.NULL:
        return lua.lua_pushlightuserdata(L, null);
      default:
        this.fail('value', token);
    }
  }
}

const newToken = (): Token => ({ type: T.END, index: 0, string: '', number: 0, boolean: false });

export function decodeJson(L: LuaState, cfg: CjsonConfig): number {
  if (lua.lua_gettop(L) !== 1) argError(L, 1, 'expected 1 argument');
  const data = checkLString(L, 1);
  // Only the first character of JSON text is sure to be ASCII, which is enough to spot UTF-16/32.
  if (data.length >= 2 && (data[0] === 0 || data[1] === 0)) raise(L, 'JSON parser does not support UTF-16 or UTF-32');
  const parser = new Parser(L, data, cfg);
  const token = newToken();
  parser.next(token);
  parser.value(token);
  parser.next(token);
  if (token.type !== T.END) parser.fail('the end', token);
  return 1;
}
