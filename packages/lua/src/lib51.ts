// The Lua 5.1 library surface Redis scripts see, on top of fengari's 5.3
// libraries: the 5.1 functions 5.3 dropped (unpack, loadstring, gcinfo,
// table.getn/maxn/setn/foreach/foreachi, math.mod/pow/log10/atan2/cosh/sinh/
// tanh/frexp/ldexp, string.gfind), 5.1's load and collectgarbage, and the exact
// key set of every library table as Redis 7.0.15 exposes it. Functions are JS
// so their argument errors read as Lua 5.1's C functions' do.
import { type LuaJsFunction, type LuaState, lauxlib, lua } from 'fengari';

/** Every global of an EVAL script (checked against redis-server 7.0.15), besides KEYS/ARGV. */
export const EVAL_GLOBALS = [
  '_G', '_VERSION', '__redis__err__handler', 'assert', 'bit', 'cjson', 'cmsgpack', 'collectgarbage',
  'coroutine', 'error', 'gcinfo', 'getmetatable', 'ipairs', 'load', 'loadstring', 'math', 'next', 'pairs',
  'pcall', 'rawequal', 'rawget', 'rawset', 'redis', 'select', 'setmetatable', 'string', 'struct', 'table',
  'tonumber', 'tostring', 'type', 'unpack', 'xpcall',
];

/** The globals a function sees at run time (checked against redis-server 7.0.15): EVAL's but the error handler. */
export const FUNCTION_GLOBALS = EVAL_GLOBALS.filter((name) => name !== '__redis__err__handler');

/** The keys of each standard library table (checked against redis-server 7.0.15). */
export const LIBRARY_KEYS: Record<string, string[]> = {
  string: ['byte', 'char', 'dump', 'find', 'format', 'gfind', 'gmatch', 'gsub', 'len', 'lower', 'match', 'rep',
    'reverse', 'sub', 'upper'],
  table: ['concat', 'foreach', 'foreachi', 'getn', 'insert', 'maxn', 'remove', 'setn', 'sort'],
  math: ['abs', 'acos', 'asin', 'atan', 'atan2', 'ceil', 'cos', 'cosh', 'deg', 'exp', 'floor', 'fmod', 'frexp',
    'huge', 'ldexp', 'log', 'log10', 'max', 'min', 'mod', 'modf', 'pi', 'pow', 'rad', 'random', 'randomseed',
    'sin', 'sinh', 'sqrt', 'tan', 'tanh'],
  coroutine: ['create', 'resume', 'running', 'status', 'wrap', 'yield'],
};

/** What collectgarbage('count') and gcinfo() report, in bytes (set by the host). */
export type MemoryEstimate = () => number;

const num = (L: LuaState, i: number): number => lauxlib.luaL_checknumber(L, i);

/** Push one number, the common shape of the math shims. */
function math1(f: (x: number) => number): LuaJsFunction {
  return (L) => {
    lua.lua_pushnumber(L, f(num(L, 1)));
    return 1;
  };
}

/** C's frexp: x = m * 2^e with 0.5 <= |m| < 1. */
function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = Math.max(-1023, Math.floor(Math.log2(Math.abs(x))) + 1);
  let m = x * 2 ** -e;
  while (Math.abs(m) < 0.5) { m *= 2; e--; }
  while (Math.abs(m) >= 1) { m /= 2; e++; }
  return [m, e];
}

/** unpack(t [, i [, j]]): 5.1 requires a table and reads it raw. */
const unpack: LuaJsFunction = (L) => {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  const i = lauxlib.luaL_optinteger(L, 2, 1);
  const e = lua.lua_isnoneornil(L, 3) ? lua.lua_rawlen(L, 1) : lauxlib.luaL_checkinteger(L, 3);
  if (i > e) return 0;
  const n = e - i + 1;
  if (n >= 8000 || !lua.lua_checkstack(L, n)) return lauxlib.luaL_error(L, 'too many results to unpack');
  for (let k = i; k <= e; k++) lua.lua_rawgeti(L, 1, k);
  return n;
};

/** Load a text chunk; binary chunks are refused, as Redis's Lua refuses them. */
function loadChunk(L: LuaState, chunk: Uint8Array, name: Uint8Array): number {
  if (lauxlib.luaL_loadbufferx(L, chunk, chunk.length, name, 't') === lua.LUA_OK) return 1;
  lua.lua_pushnil(L);
  lua.lua_insert(L, -2);
  return 2;
}

/** loadstring(s [, chunkname]). */
const loadstring: LuaJsFunction = (L) => {
  const s = lauxlib.luaL_checklstring(L, 1);
  const name = lauxlib.luaL_optlstring(L, 2, s) ?? s;
  return loadChunk(L, s, name);
};

/** load(func [, chunkname]): 5.1's load takes only a reader function (no strings, no env). */
const load: LuaJsFunction = (L) => {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TFUNCTION);
  const name = lauxlib.luaL_optlstring(L, 2, null) ?? Uint8Array.from([0x3d, 0x28, 0x6c, 0x6f, 0x61, 0x64, 0x29]); // "=(load)"
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    lua.lua_pushvalue(L, 1);
    lua.lua_call(L, 0, 1);
    if (lua.lua_isnil(L, -1)) { lua.lua_pop(L, 1); break; }
    if (!lua.lua_isstring(L, -1)) return lauxlib.luaL_error(L, 'reader function must return a string');
    const piece = lua.lua_tolstring(L, -1)!;
    lua.lua_pop(L, 1);
    if (piece.length === 0) break;
    parts.push(piece.slice());
    size += piece.length;
  }
  const chunk = new Uint8Array(size);
  let off = 0;
  for (const p of parts) { chunk.set(p, off); off += p.length; }
  return loadChunk(L, chunk, name);
};

const GC_OPTIONS = ['stop', 'restart', 'collect', 'count', 'step', 'setpause', 'setstepmul'];

/** collectgarbage(opt [, arg]) of 5.1; fengari leaves collection to the JS engine. */
function collectgarbage(memory: MemoryEstimate): LuaJsFunction {
  return (L) => {
    const opt = lua.lua_isnoneornil(L, 1) ? 'collect' : String.fromCharCode(...lauxlib.luaL_checklstring(L, 1));
    if (!GC_OPTIONS.includes(opt)) return lauxlib.luaL_argerror(L, 1, `invalid option '${opt}'`);
    lauxlib.luaL_optinteger(L, 2, 0);
    if (opt === 'count') lua.lua_pushnumber(L, memory() / 1024);
    else if (opt === 'step') lua.lua_pushboolean(L, false);
    // setpause/setstepmul return the previous value: Lua's defaults, never changed here.
    else lua.lua_pushnumber(L, opt === 'setpause' || opt === 'setstepmul' ? 200 : 0);
    return 1;
  };
}

/** table.maxn: the largest positive numeric key. */
const maxn: LuaJsFunction = (L) => {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  let max = 0;
  lua.lua_pushnil(L);
  while (lua.lua_next(L, 1)) {
    lua.lua_pop(L, 1);
    if (lua.lua_type(L, -1) === lua.LUA_TNUMBER) max = Math.max(max, lua.lua_tonumber(L, -1));
  }
  lua.lua_pushnumber(L, max);
  return 1;
};

/** table.foreach(t, f): call f(k, v) until it returns non-nil. */
const foreach: LuaJsFunction = (L) => {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  lauxlib.luaL_checktype(L, 2, lua.LUA_TFUNCTION);
  lua.lua_pushnil(L);
  while (lua.lua_next(L, 1)) {
    lua.lua_pushvalue(L, 2);
    lua.lua_pushvalue(L, -3);
    lua.lua_pushvalue(L, -3);
    lua.lua_call(L, 2, 1);
    if (!lua.lua_isnil(L, -1)) return 1;
    lua.lua_pop(L, 2);
  }
  return 0;
};

/** table.foreachi(t, f): call f(i, t[i]) for 1..#t until it returns non-nil. */
const foreachi: LuaJsFunction = (L) => {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  lauxlib.luaL_checktype(L, 2, lua.LUA_TFUNCTION);
  const n = lua.lua_rawlen(L, 1);
  for (let i = 1; i <= n; i++) {
    lua.lua_pushvalue(L, 2);
    lua.lua_pushnumber(L, i);
    lua.lua_rawgeti(L, 1, i);
    lua.lua_call(L, 2, 1);
    if (!lua.lua_isnil(L, -1)) return 1;
    lua.lua_pop(L, 1);
  }
  return 0;
};

const getn: LuaJsFunction = (L) => {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  lua.lua_pushnumber(L, lua.lua_rawlen(L, 1));
  return 1;
};

/** Redis's Lua is built without LUA_COMPAT_GETN, where setn only raises this. */
const setn: LuaJsFunction = (L) => {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  return lauxlib.luaL_error(L, "'setn' is obsolete");
};

function setFunctions(L: LuaState, lib: string, fns: Record<string, LuaJsFunction>): void {
  lua.lua_getglobal(L, lib);
  for (const [name, f] of Object.entries(fns)) {
    lua.lua_pushjsfunction(L, f);
    lua.lua_setfield(L, -2, name);
  }
  lua.lua_pop(L, 1);
}

/** Keep exactly `keys` in the table on top of the stack. */
function keepOnly(L: LuaState, keys: readonly string[]): void {
  const drop: Uint8Array[] = [];
  lua.lua_pushnil(L);
  while (lua.lua_next(L, -2)) {
    lua.lua_pop(L, 1);
    const k = lua.lua_type(L, -1) === lua.LUA_TSTRING ? lua.lua_tolstring(L, -1)! : null;
    if (k === null || !keys.includes(String.fromCharCode(...k))) drop.push(k ?? new Uint8Array());
  }
  for (const k of drop) {
    lua.lua_pushstring(L, k);
    lua.lua_pushnil(L);
    lua.lua_rawset(L, -3);
  }
}

/**
 * Turn fengari's freshly opened 5.3 libraries into Redis's 5.1 set. Runs before
 * the redis table, the libraries of lib/ and the error handler are added, so
 * the final global trim happens in the sandbox.
 */
export function installLua51Libraries(L: LuaState, memory: MemoryEstimate): void {
  lua.lua_pushliteral(L, 'Lua 5.1');
  lua.lua_setglobal(L, '_VERSION');
  lua.lua_getglobal(L, 'string');
  lua.lua_getfield(L, -1, 'gmatch');
  lua.lua_setfield(L, -2, 'gfind');
  lua.lua_pop(L, 1);
  lua.lua_getglobal(L, 'math');
  lua.lua_getfield(L, -1, 'fmod');
  lua.lua_setfield(L, -2, 'mod');
  lua.lua_pop(L, 1);
  const globals: Record<string, LuaJsFunction> = {
    unpack, loadstring, load, collectgarbage: collectgarbage(memory),
    gcinfo: (L1) => { lua.lua_pushnumber(L1, Math.floor(memory() / 1024)); return 1; },
  };
  for (const [name, f] of Object.entries(globals)) {
    lua.lua_pushjsfunction(L, f);
    lua.lua_setglobal(L, name);
  }
  setFunctions(L, 'table', { getn, setn, maxn, foreach, foreachi });
  setFunctions(L, 'math', {
    pow: (L1) => { lua.lua_pushnumber(L1, num(L1, 1) ** num(L1, 2)); return 1; },
    atan2: (L1) => { lua.lua_pushnumber(L1, Math.atan2(num(L1, 1), num(L1, 2))); return 1; },
    ldexp: (L1) => { lua.lua_pushnumber(L1, num(L1, 1) * 2 ** Math.trunc(num(L1, 2))); return 1; },
    frexp: (L1) => { const [m, e] = frexp(num(L1, 1)); lua.lua_pushnumber(L1, m); lua.lua_pushnumber(L1, e); return 2; },
    log10: math1(Math.log10), cosh: math1(Math.cosh), sinh: math1(Math.sinh), tanh: math1(Math.tanh),
    // 5.1's math.log takes one argument; a base argument is ignored.
    log: math1(Math.log),
  });
  for (const [lib, keys] of Object.entries(LIBRARY_KEYS)) {
    lua.lua_getglobal(L, lib);
    keepOnly(L, keys);
    lua.lua_pop(L, 1);
  }
}

/** Remove every global not in `keys` (Redis's allow lists). */
export function trimGlobals(L: LuaState, keys: readonly string[]): void {
  lua.lua_pushglobaltable(L);
  keepOnly(L, keys);
  lua.lua_pop(L, 1);
}
