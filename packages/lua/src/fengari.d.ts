// Minimal typings for fengari 0.1.5 (the package ships none). Lua strings are
// Uint8Array; functions that accept "a string" also take a JS string, which
// fengari encodes as UTF-8. Extend as more of the API gets used.
declare module 'fengari' {
  export type LuaString = Uint8Array;
  /** A lua_State (fengari's class is internal). */
  export interface LuaState {
    readonly __luaState: unique symbol;
    /** The global state, shared by a state's threads. */
    readonly l_G: LuaGlobalState;
  }
  /** The host checks redmoon's fengari patch adds to global_State (null when unset). */
  export interface LuaGlobalState {
    /** Runs before a string buffer of `bytes` is allocated (concatenation, luaL_Buffer growth); may raise a Lua error. */
    memcheck: ((L: LuaState, bytes: number) => void) | null;
    /** Runs every 2^16 steps of a pattern match (string.find/match/gmatch/gsub); may raise a Lua error. */
    matchcheck: ((L: LuaState) => void) | null;
  }
  export type LuaJsFunction = (L: LuaState) => number;
  export type LuaKFunction = (L: LuaState, status: number, ctx: number) => number;
  export type LuaHook = (L: LuaState, ar: LuaDebug) => void;

  export interface LuaDebug {
    event: number;
    name: LuaString | null;
    namewhat: LuaString;
    what: LuaString;
    source: LuaString;
    currentline: number;
    linedefined: number;
    lastlinedefined: number;
    nups: number;
    nparams: number;
    isvararg: boolean;
    istailcall: boolean;
    short_src: LuaString;
  }

  export function to_luastring(s: string, cache?: boolean): LuaString;
  export function to_jsstring(s: LuaString, from?: number, to?: number, replacement_char?: boolean): string;
  export function to_uristring(s: LuaString): string;
  export function luastring_eq(a: LuaString, b: LuaString): boolean;
  export function luastring_indexOf(s: LuaString, v: number, i?: number): number;
  export function luastring_of(...bytes: number[]): LuaString;

  export const FENGARI_VERSION: string;

  export namespace lua {
    const LUA_OK: 0;
    const LUA_YIELD: 1;
    const LUA_ERRRUN: 2;
    const LUA_ERRSYNTAX: 3;
    const LUA_ERRMEM: 4;
    const LUA_ERRGCMM: 5;
    const LUA_ERRERR: 6;
    const LUA_TNONE: -1;
    const LUA_TNIL: 0;
    const LUA_TBOOLEAN: 1;
    const LUA_TLIGHTUSERDATA: 2;
    const LUA_TNUMBER: 3;
    const LUA_TSTRING: 4;
    const LUA_TTABLE: 5;
    const LUA_TFUNCTION: 6;
    const LUA_TUSERDATA: 7;
    const LUA_TTHREAD: 8;
    const LUA_MULTRET: -1;
    const LUA_REGISTRYINDEX: number;
    const LUA_RIDX_GLOBALS: number;
    const LUA_RIDX_MAINTHREAD: number;
    const LUA_MINSTACK: number;
    const LUA_HOOKCALL: number;
    const LUA_HOOKRET: number;
    const LUA_HOOKLINE: number;
    const LUA_HOOKCOUNT: number;
    const LUA_HOOKTAILCALL: number;
    const LUA_MASKCALL: number;
    const LUA_MASKRET: number;
    const LUA_MASKLINE: number;
    const LUA_MASKCOUNT: number;
    const LUA_VERSION: LuaString;
    const LUA_OPEQ: number;
    const LUA_OPLT: number;
    const LUA_OPLE: number;

    /** lua_Debug records for lua_getstack/lua_getinfo. */
    const lua_Debug: { new (): LuaDebug };
    function lua_upvalueindex(i: number): number;
    function lua_absindex(L: LuaState, idx: number): number;
    function lua_atpanic(L: LuaState, f: LuaJsFunction): LuaJsFunction;
    function lua_atnativeerror(L: LuaState, f: LuaJsFunction): LuaJsFunction;
    function lua_call(L: LuaState, nargs: number, nresults: number): void;
    function lua_checkstack(L: LuaState, n: number): boolean;
    function lua_close(L: LuaState): void;
    function lua_compare(L: LuaState, a: number, b: number, op: number): boolean;
    function lua_concat(L: LuaState, n: number): void;
    function lua_copy(L: LuaState, from: number, to: number): void;
    function lua_createtable(L: LuaState, narr: number, nrec: number): void;
    function lua_error(L: LuaState): never;
    function lua_getfield(L: LuaState, idx: number, k: LuaString | string): number;
    function lua_getglobal(L: LuaState, name: LuaString | string): number;
    function lua_gethook(L: LuaState): LuaHook | null;
    function lua_gethookcount(L: LuaState): number;
    function lua_gethookmask(L: LuaState): number;
    function lua_geti(L: LuaState, idx: number, n: number): number;
    function lua_getinfo(L: LuaState, what: LuaString | string, ar: LuaDebug): boolean;
    function lua_getlocal(L: LuaState, ar: LuaDebug | null, n: number): LuaString | null;
    function lua_getmetatable(L: LuaState, idx: number): boolean;
    function lua_getstack(L: LuaState, level: number, ar: LuaDebug): boolean;
    function lua_gettable(L: LuaState, idx: number): number;
    function lua_gettop(L: LuaState): number;
    function lua_getupvalue(L: LuaState, funcindex: number, n: number): LuaString | null;
    function lua_insert(L: LuaState, idx: number): void;
    function lua_isboolean(L: LuaState, idx: number): boolean;
    function lua_iscfunction(L: LuaState, idx: number): boolean;
    function lua_isfunction(L: LuaState, idx: number): boolean;
    function lua_isinteger(L: LuaState, idx: number): boolean;
    function lua_islightuserdata(L: LuaState, idx: number): boolean;
    function lua_isnil(L: LuaState, idx: number): boolean;
    function lua_isnone(L: LuaState, idx: number): boolean;
    function lua_isnoneornil(L: LuaState, idx: number): boolean;
    function lua_isnumber(L: LuaState, idx: number): boolean;
    function lua_isstring(L: LuaState, idx: number): boolean;
    function lua_istable(L: LuaState, idx: number): boolean;
    function lua_isthread(L: LuaState, idx: number): boolean;
    function lua_isuserdata(L: LuaState, idx: number): boolean;
    function lua_isyieldable(L: LuaState): boolean;
    function lua_len(L: LuaState, idx: number): void;
    function lua_load(
      L: LuaState,
      reader: (L: LuaState, data: unknown) => LuaString | null,
      data: unknown,
      chunkname: LuaString | string,
      mode: LuaString | string | null,
    ): number;
    function lua_newtable(L: LuaState): void;
    function lua_newthread(L: LuaState): LuaState;
    function lua_newuserdata(L: LuaState, size: number): unknown;
    function lua_next(L: LuaState, idx: number): boolean;
    function lua_pcall(L: LuaState, nargs: number, nresults: number, msgh: number): number;
    /** lua_pcall with a continuation: the call may yield, and k finishes it once resumed (status LUA_YIELD, or the error's). */
    function lua_pcallk(L: LuaState, nargs: number, nresults: number, msgh: number, ctx: number, k: LuaKFunction | null): number;
    function lua_pop(L: LuaState, n: number): void;
    function lua_pushboolean(L: LuaState, b: boolean | number): void;
    function lua_pushcclosure(L: LuaState, fn: LuaJsFunction, n: number): void;
    function lua_pushcfunction(L: LuaState, fn: LuaJsFunction): void;
    function lua_pushjsclosure(L: LuaState, fn: LuaJsFunction, n: number): void;
    function lua_pushjsfunction(L: LuaState, fn: LuaJsFunction): void;
    function lua_pushfstring(L: LuaState, fmt: LuaString | string, ...args: unknown[]): LuaString;
    function lua_pushglobaltable(L: LuaState): void;
    function lua_pushinteger(L: LuaState, n: number): void;
    function lua_pushlightuserdata(L: LuaState, p: unknown): void;
    function lua_pushliteral(L: LuaState, s: string): LuaString;
    function lua_pushlstring(L: LuaState, s: LuaString | string, len: number): LuaString;
    function lua_pushnil(L: LuaState): void;
    function lua_pushnumber(L: LuaState, n: number): void;
    function lua_pushstring(L: LuaState, s: LuaString | string | null): LuaString;
    /** redmoon's patch: push bytes as a Lua string without a copy (the caller gives the array up). */
    function lua_pushbytes(L: LuaState, s: Uint8Array): void;
    function lua_pushthread(L: LuaState): boolean;
    function lua_pushvalue(L: LuaState, idx: number): void;
    function lua_rawequal(L: LuaState, a: number, b: number): boolean;
    function lua_rawget(L: LuaState, idx: number): number;
    function lua_rawgeti(L: LuaState, idx: number, n: number): number;
    function lua_rawgetp(L: LuaState, idx: number, p: unknown): number;
    function lua_rawlen(L: LuaState, idx: number): number;
    function lua_rawset(L: LuaState, idx: number): void;
    function lua_rawseti(L: LuaState, idx: number, n: number): void;
    function lua_rawsetp(L: LuaState, idx: number, p: unknown): void;
    function lua_register(L: LuaState, name: LuaString | string, fn: LuaJsFunction): void;
    function lua_remove(L: LuaState, idx: number): void;
    function lua_replace(L: LuaState, idx: number): void;
    function lua_resume(L: LuaState, from: LuaState | null, nargs: number): number;
    function lua_rotate(L: LuaState, idx: number, n: number): void;
    function lua_setfield(L: LuaState, idx: number, k: LuaString | string): void;
    function lua_setglobal(L: LuaState, name: LuaString | string): void;
    function lua_sethook(L: LuaState, f: LuaHook | null, mask: number, count: number): void;
    function lua_seti(L: LuaState, idx: number, n: number): void;
    function lua_setlocal(L: LuaState, ar: LuaDebug, n: number): LuaString | null;
    function lua_setmetatable(L: LuaState, idx: number): void;
    function lua_settable(L: LuaState, idx: number): void;
    function lua_settop(L: LuaState, idx: number): void;
    function lua_setupvalue(L: LuaState, funcindex: number, n: number): LuaString | null;
    function lua_status(L: LuaState): number;
    function lua_stringtonumber(L: LuaState, s: LuaString): number;
    function lua_toboolean(L: LuaState, idx: number): boolean;
    function lua_tocfunction(L: LuaState, idx: number): LuaJsFunction | null;
    function lua_todataview(L: LuaState, idx: number): DataView;
    function lua_tointeger(L: LuaState, idx: number): number;
    function lua_tointegerx(L: LuaState, idx: number): number | false;
    function lua_tojsstring(L: LuaState, idx: number): string | null;
    function lua_tolstring(L: LuaState, idx: number): LuaString | null;
    function lua_tonumber(L: LuaState, idx: number): number;
    function lua_tonumberx(L: LuaState, idx: number): number | false;
    function lua_topointer(L: LuaState, idx: number): unknown;
    function lua_tostring(L: LuaState, idx: number): LuaString | null;
    function lua_tothread(L: LuaState, idx: number): LuaState | null;
    function lua_touserdata(L: LuaState, idx: number): unknown;
    function lua_type(L: LuaState, idx: number): number;
    function lua_typename(L: LuaState, t: number): LuaString;
    function lua_xmove(L: LuaState, to: LuaState, n: number): void;
    function lua_yield(L: LuaState, nresults: number): never;
  }

  export namespace lauxlib {
    const LUA_LOADED_TABLE: LuaString;
    const LUA_PRELOAD_TABLE: LuaString;
    const LUA_NOREF: number;
    const LUA_REFNIL: number;
    interface LuaReg {
      [name: string]: LuaJsFunction | null;
    }
    function luaL_argcheck(L: LuaState, cond: boolean, arg: number, extramsg: LuaString | string): void;
    function luaL_argerror(L: LuaState, arg: number, extramsg: LuaString | string): never;
    function luaL_checkany(L: LuaState, arg: number): void;
    function luaL_checkinteger(L: LuaState, arg: number): number;
    function luaL_checklstring(L: LuaState, arg: number): LuaString;
    function luaL_checknumber(L: LuaState, arg: number): number;
    function luaL_checkstack(L: LuaState, sz: number, msg: LuaString | string | null): void;
    function luaL_checkstring(L: LuaState, arg: number): LuaString;
    function luaL_checktype(L: LuaState, arg: number, t: number): void;
    function luaL_error(L: LuaState, fmt: LuaString | string, ...args: unknown[]): never;
    function luaL_getmetafield(L: LuaState, obj: number, e: LuaString | string): number;
    function luaL_getsubtable(L: LuaState, idx: number, fname: LuaString | string): boolean;
    function luaL_len(L: LuaState, idx: number): number;
    function luaL_loadbuffer(L: LuaState, buff: LuaString, size: number | null, name: LuaString | string | null): number;
    function luaL_loadbufferx(
      L: LuaState,
      buff: LuaString,
      size: number | null,
      name: LuaString | string | null,
      mode: LuaString | string | null,
    ): number;
    function luaL_loadstring(L: LuaState, s: LuaString | string): number;
    function luaL_dostring(L: LuaState, s: LuaString | string): number;
    function luaL_newlib(L: LuaState, l: LuaReg): void;
    function luaL_newlibtable(L: LuaState): void;
    function luaL_newmetatable(L: LuaState, tname: LuaString | string): boolean;
    function luaL_newstate(): LuaState;
    function luaL_optinteger(L: LuaState, arg: number, def: number): number;
    function luaL_optnumber(L: LuaState, arg: number, def: number): number;
    function luaL_optlstring(L: LuaState, arg: number, def: LuaString | null): LuaString | null;
    function luaL_ref(L: LuaState, t: number): number;
    function luaL_requiref(L: LuaState, modname: LuaString | string, openf: LuaJsFunction, glb: boolean | number): void;
    function luaL_setfuncs(L: LuaState, l: LuaReg, nup: number): void;
    function luaL_tolstring(L: LuaState, idx: number): LuaString;
    function luaL_traceback(L: LuaState, L1: LuaState, msg: LuaString | string | null, level: number): void;
    function luaL_typename(L: LuaState, idx: number): LuaString;
    function luaL_unref(L: LuaState, t: number, ref: number): void;
    function luaL_where(L: LuaState, level: number): void;
  }

  export namespace lualib {
    function luaL_openlibs(L: LuaState): void;
    function luaopen_base(L: LuaState): number;
    function luaopen_coroutine(L: LuaState): number;
    function luaopen_table(L: LuaState): number;
    function luaopen_string(L: LuaState): number;
    function luaopen_math(L: LuaState): number;
    function luaopen_debug(L: LuaState): number;
    function luaopen_os(L: LuaState): number;
    function luaopen_utf8(L: LuaState): number;
    function luaopen_package(L: LuaState): number;
  }
}
