// The `struct` library of Redis scripts: Roberto Ierusalimschy's struct.c
// (Redis's lua_struct.c) as built on x86-64 Linux: native little endian,
// long and size_t of 8 bytes, int of 4, maximum alignment 8.
import { lua, type LuaState } from 'fengari';
import { argError, checkLString, checkNumber, luastr, optInteger, raise, toLuaInteger } from './auxlib51.ts';
import { ByteBuf } from './bytebuf.ts';
import { checkCStack } from './cstack.ts';

const BIG = 0;
const LITTLE = 1;
const MAXINTSIZE = 32;
const MAXALIGN = 8;
const INT_MAX = 2147483647;

interface Header {
  endian: number;
  align: number;
}

/** The format string, read like a C string (a NUL byte ends it). */
class Format {
  i = 0;
  constructor(readonly s: Uint8Array) {}

  more(): boolean {
    return this.i < this.s.length && this.s[this.i] !== 0;
  }

  peek(): number {
    return this.i < this.s.length ? this.s[this.i] : 0;
  }

  /** getnum: an optional decimal count, at most INT_MAX. */
  num(L: LuaState, df: number): number {
    if (!isDigit(this.peek())) return df;
    let a = 0;
    do {
      const d = this.s[this.i] - 0x30;
      if (a > Math.floor(INT_MAX / 10) || a * 10 > INT_MAX - d) raise(L, 'integral size overflow');
      a = a * 10 + d;
      this.i++;
    } while (isDigit(this.peek()));
    return a;
  }
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isp2 = (x: number): boolean => x > 0 && (x & (x - 1)) === 0;
const ch = (opt: number): string => String.fromCharCode(opt);

/** optsize: the size of an option, 0 for options that need no alignment. */
function optSize(L: LuaState, opt: number, fmt: Format): number {
  switch (ch(opt)) {
    case 'B': case 'b': case 'x': return 1;
    case 'H': case 'h': return 2;
    case 'f': return 4;
    case 'L': case 'l': case 'T': case 'd': return 8;
    case 'c': return fmt.num(L, 1);
    case 'i': case 'I': {
      const sz = fmt.num(L, 4);
      if (sz > MAXINTSIZE) raise(L, `integral size ${sz} is larger than limit of ${MAXINTSIZE}`);
      return sz;
    }
    default: return 0;
  }
}

/** gettoalign: the padding that aligns an element of `size` bytes at `len`. */
function toAlign(len: number, h: Header, opt: number, size: number): number {
  if (size === 0 || opt === 0x63) return 0;
  if (size > h.align) size = h.align;
  return (size - (len & (size - 1))) & (size - 1);
}

/** controloptions: endianness, alignment and spaces; anything else is an invalid option. */
function controlOptions(L: LuaState, opt: number, fmt: Format, h: Header): void {
  switch (ch(opt)) {
    case ' ': return;
    case '>': h.endian = BIG; return;
    case '<': h.endian = LITTLE; return;
    case '!': {
      const a = fmt.num(L, MAXALIGN);
      if (!isp2(a)) raise(L, `alignment ${a} is not a power of 2`);
      h.align = a;
      return;
    }
    default: {
      const msg = new Uint8Array([...luastr("invalid format option '"), opt, 0x27]);
      argError(L, 1, msg);
    }
  }
}

/** The bytes of a float or double in the header's byte order. */
function floatBytes(value: number, size: number, endian: number): Uint8Array {
  const view = new DataView(new ArrayBuffer(size));
  if (size === 4) view.setFloat32(0, value, endian === LITTLE);
  else view.setFloat64(0, value, endian === LITTLE);
  return new Uint8Array(view.buffer);
}

/** putinteger: the number converted as C does ((unsigned long)(long)n for negatives), `size` bytes. */
function putInteger(L: LuaState, out: ByteBuf, arg: number, endian: number, size: number): void {
  const n = checkNumber(L, arg);
  let value: bigint;
  if (n < 0) value = BigInt.asUintN(64, BigInt(toLuaInteger(n)));
  // (unsigned long)n: x86-64 code gives 0 for n >= 2^64.
  else value = n < 18446744073709551616 ? BigInt(Math.trunc(n)) : 0n;
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    bytes[endian === LITTLE ? i : size - 1 - i] = Number(value & 0xffn);
    value >>= 8n;
  }
  out.bytes(bytes);
}

function pack(L: LuaState): number {
  const fmt = new Format(checkLString(L, 1));
  const h: Header = { endian: LITTLE, align: 1 };
  let arg = 2;
  let totalsize = 0;
  // C pushes a nil to separate the arguments from its buffer: a missing
  // argument right after the last one is therefore reported as nil.
  lua.lua_pushnil(L);
  const out = new ByteBuf();
  while (fmt.more()) {
    const opt = fmt.s[fmt.i++];
    let size = optSize(L, opt, fmt);
    const pad = toAlign(totalsize, h, opt, size);
    totalsize += pad;
    for (let k = 0; k < pad; k++) out.byte(0);
    switch (ch(opt)) {
      case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'T': case 'i': case 'I':
        putInteger(L, out, arg++, h.endian, size);
        break;
      case 'x':
        out.byte(0);
        break;
      case 'f':
      case 'd':
        out.bytes(floatBytes(checkNumber(L, arg++), size, h.endian));
        break;
      case 'c':
      case 's': {
        const s = checkLString(L, arg++);
        if (size === 0) size = s.length;
        // The check names the argument after the string, as C's does.
        if (s.length < size) argError(L, arg, 'string too short');
        out.bytes(s.subarray(0, size));
        if (opt === 0x73) {
          out.byte(0);
          size++;
        }
        break;
      }
      default:
        controlOptions(L, opt, fmt, h);
    }
    totalsize += size;
  }
  lua.lua_pushlstring(L, out.view(), out.length);
  return 1;
}

/** getinteger: C's 64-bit accumulation, so only 8 of a longer integer's bytes count. */
function getInteger(data: Uint8Array, pos: number, endian: number, signed: boolean, size: number): number {
  let l = 0n;
  for (let k = 0; k < size; k++) {
    const b = data[endian === BIG ? pos + k : pos + size - 1 - k];
    l = BigInt.asUintN(64, (l << 8n) | BigInt(b));
  }
  if (!signed) return Number(l);
  // x86-64 takes shift counts modulo 64, which matters for sizes above 8.
  const mask = BigInt.asUintN(64, ~0n << BigInt((size * 8 - 1) & 63));
  if (l & mask) l |= mask;
  return Number(BigInt.asIntN(64, l));
}

function unpack(L: LuaState): number {
  const fmt = new Format(checkLString(L, 1));
  const data = checkLString(L, 2);
  const ld = data.length;
  // The position is a size_t: a negative one wraps to a huge one, which is "too short".
  let pos = optInteger(L, 3, 1);
  if (pos === 0) argError(L, 3, 'offset must be 1 or greater');
  pos = pos < 0 ? Infinity : pos - 1;
  const h: Header = { endian: LITTLE, align: 1 };
  let n = 0; // results pushed
  while (fmt.more()) {
    const opt = fmt.s[fmt.i++];
    let size = optSize(L, opt, fmt);
    pos += toAlign(pos, h, opt, size);
    if (!(pos + size <= ld)) argError(L, 2, 'data string too short');
    checkCStack(L, 2, 'too many results');
    switch (ch(opt)) {
      case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'T': case 'i': case 'I':
        lua.lua_pushnumber(L, getInteger(data, pos, h.endian, opt >= 0x61, size));
        n++;
        break;
      case 'x':
        break;
      case 'f':
      case 'd': {
        const view = new DataView(data.buffer, data.byteOffset + pos, size);
        lua.lua_pushnumber(L, size === 4 ? view.getFloat32(0, h.endian === LITTLE) : view.getFloat64(0, h.endian === LITTLE));
        n++;
        break;
      }
      case 'c': {
        if (size === 0) {
          // The length is the previous result.
          if (n === 0 || !lua.lua_isnumber(L, -1)) raise(L, "format 'c0' needs a previous size");
          const len = lua.lua_tonumber(L, -1);
          size = len >= 0 ? Math.trunc(len) : Infinity;
          lua.lua_pop(L, 1);
          n--;
          if (!(pos + size <= ld)) argError(L, 2, 'data string too short');
        }
        lua.lua_pushlstring(L, data.subarray(pos, pos + size), size);
        n++;
        break;
      }
      case 's': {
        const e = data.indexOf(0, pos);
        if (e < 0) raise(L, 'unfinished string in data');
        size = e - pos + 1;
        lua.lua_pushlstring(L, data.subarray(pos, e), size - 1);
        n++;
        break;
      }
      default:
        controlOptions(L, opt, fmt, h);
    }
    pos += size;
  }
  lua.lua_pushnumber(L, pos + 1);
  return n + 1;
}

function size(L: LuaState): number {
  const fmt = new Format(checkLString(L, 1));
  const h: Header = { endian: LITTLE, align: 1 };
  let pos = 0;
  while (fmt.more()) {
    const opt = fmt.s[fmt.i++];
    const sz = optSize(L, opt, fmt);
    pos += toAlign(pos, h, opt, sz);
    if (opt === 0x73) argError(L, 1, "option 's' has no fixed size");
    else if (opt === 0x63 && sz === 0) argError(L, 1, "option 'c0' has no fixed size");
    // Unknown letters and digits are skipped silently here, unlike in pack and unpack.
    if (!isAlpha(opt) && !isDigit(opt)) controlOptions(L, opt, fmt, h);
    pos += sz;
  }
  lua.lua_pushnumber(L, pos);
  return 1;
}

/** luaopen_struct: pushes the `struct` table. */
export function openStruct(L: LuaState): number {
  lua.lua_createtable(L, 0, 3);
  for (const [name, fn] of [['pack', pack], ['unpack', unpack], ['size', size]] as const) {
    lua.lua_pushcfunction(L, fn);
    lua.lua_setfield(L, -2, luastr(name));
  }
  return 1;
}
