// The Lua engine of Redis Functions (function_lua.c): a Lua state of its own,
// built like EVAL's, whose globals are an empty read-only table that reads
// through its metatable's __index. While FUNCTION LOAD runs a library body,
// __index is the load-time API (`redis` with register_function, log, LOG_* and
// REDIS_VERSION*); afterwards it is the real globals, so the library's functions
// see the script environment without KEYS, ARGV and the EVAL-only helpers.
import { type LuaJsFunction, type LuaState, lauxlib, lua } from 'fengari';
import { fromLuaBytes, toBytes, toLuaBytes } from './bytes.ts';
import { pushErrorTable } from './convert.ts';
import { enableReadonlyTable, protectTableRecursively } from './engine/readonly.ts';
import { LOG_LEVEL_FIELDS, logFunction, setNumberFields, setVersionFields } from './redis-api.ts';
import type { ScriptHost } from './run-context.ts';
import type { LuaVm } from './scripting.ts';
import { setErrorMetatable } from './sandbox.ts';
import { FLAG_NAMES, type ScriptFlags } from './shebang.ts';

/** A function as redis.register_function gave it, its callback anchored in the registry. */
export interface RegisteredFunction {
  readonly name: string;
  readonly ref: number;
  readonly description: string | null;
  readonly flags: ScriptFlags;
}

/** FUNCTION LOAD's time limit for running a library body (LOAD_TIMEOUT_MS). */
export const LOAD_TIMEOUT_MS = 500;
/** The load hook's period, as Redis's (luaEngineCreate). */
const LOAD_HOOK_INSTRUCTIONS = 100000;

export const INVALID_NAME = 'Library names can only contain letters, numbers, or underscores(_) and must be at least one character long';

/** functionsVerifyName: [a-zA-Z0-9_]+, for library and function names alike. */
export function isValidName(name: string): boolean {
  return /^[a-zA-Z0-9_]+$/.test(name);
}

/** The flags of a function (every function counts as having a shebang: writes unless no-writes). */
function noFlags(): ScriptFlags {
  return { shebang: true, noWrites: false, allowOom: false, allowStale: false, noCluster: false, allowCrossSlotKeys: false };
}

/** luaPushError + luaError. */
function raise(L: LuaState, msg: string): never {
  pushErrorTable(L, msg);
  return lua.lua_error(L);
}

/** luaGetStringSds: a string (or a number, converted) at idx, else null. */
function stringArg(L: LuaState, idx: number): string | null {
  return lua.lua_isstring(L, idx) ? toBytes(L, idx) : null;
}

/** The library being loaded: where register_function puts what it registers. */
interface LoadCtx {
  readonly functions: Map<string, RegisteredFunction>;
  readonly startTime: number;
  /** 0: no limit (a library restored from a payload). */
  readonly timeoutMs: number;
}

export class FunctionsVm implements LuaVm {
  readonly L: LuaState;
  idleThread: LuaState | null = null;
  threadRef = 0;
  private loading: LoadCtx | null = null;
  /** The globals' metatable, whose __index switches between the load API and the real globals. */
  private readonly metaRef: number;
  private readonly loadApiRef: number;
  private readonly realGlobalsRef: number;

  constructor(L: LuaState, host: ScriptHost, private readonly now: () => number) {
    this.L = L;
    // The load-time globals: { redis = { register_function, log, LOG_*, REDIS_VERSION* } }, both
    // raising the nonexistent-global error for anything else, read-only.
    lua.lua_newtable(L);
    lua.lua_newtable(L);
    lua.lua_pushjsfunction(L, this.registerFunction);
    lua.lua_setfield(L, -2, 'register_function');
    lua.lua_pushjsfunction(L, logFunction(host));
    lua.lua_setfield(L, -2, 'log');
    setNumberFields(L, LOG_LEVEL_FIELDS);
    setVersionFields(L);
    setErrorMetatable(L);
    lua.lua_setfield(L, -2, 'redis');
    setErrorMetatable(L);
    protectTableRecursively(L);
    this.loadApiRef = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
    lua.lua_pushglobaltable(L);
    this.realGlobalsRef = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
    // The new globals: empty, read-only, reading through the metatable.
    lua.lua_newtable(L);
    lua.lua_newtable(L);
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, this.realGlobalsRef);
    lua.lua_setfield(L, -2, '__index');
    enableReadonlyTable(L, -1, true);
    lua.lua_pushvalue(L, -1);
    this.metaRef = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
    lua.lua_setmetatable(L, -2);
    enableReadonlyTable(L, -1, true);
    // Chunks loaded from now on get these globals as their _ENV (lua_load reads the registry).
    lua.lua_rawseti(L, lua.LUA_REGISTRYINDEX, lua.LUA_RIDX_GLOBALS);
  }

  /** Point the globals' __index at the table behind registry reference `ref`. */
  private setGlobalsIndex(ref: number): void {
    const L = this.L;
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, this.metaRef);
    enableReadonlyTable(L, -1, false);
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, ref);
    lua.lua_setfield(L, -2, '__index');
    enableReadonlyTable(L, -1, true);
    lua.lua_pop(L, 1);
  }

  /**
   * luaEngineCreate: compile `code` (the library body, its shebang line cut but
   * its newline kept) and run it with the load-time globals, under the 500 ms
   * load hook. Returns what it registered, or the error (without "ERR ").
   */
  create(code: string, timeoutMs: number): Map<string, RegisteredFunction> | string {
    const L = this.L;
    const bytes = toLuaBytes(code);
    if (lauxlib.luaL_loadbufferx(L, bytes, bytes.length, '@user_function', 't') !== lua.LUA_OK) {
      const msg = toBytes(L, -1) ?? '';
      lua.lua_pop(L, 1);
      return `Error compiling function: ${msg}`;
    }
    const load: LoadCtx = { functions: new Map(), startTime: this.now(), timeoutMs };
    this.loading = load;
    this.setGlobalsIndex(this.loadApiRef);
    lua.lua_sethook(L, this.loadHook, lua.LUA_MASKCOUNT, LOAD_HOOK_INSTRUCTIONS);
    try {
      if (lua.lua_pcall(L, 0, 0, 0) !== lua.LUA_OK) {
        const msg = this.errorMessage();
        lua.lua_pop(L, 1);
        this.free(load.functions.values());
        return `Error registering functions: ${msg}`;
      }
      return load.functions;
    } finally {
      this.setGlobalsIndex(this.realGlobalsRef);
      lua.lua_sethook(L, null, 0, 0);
      this.loading = null;
    }
  }

  /** Unanchor functions' callbacks (luaEngineFreeFunction). */
  free(functions: Iterable<RegisteredFunction>): void {
    for (const f of functions) lauxlib.luaL_unref(this.L, lua.LUA_REGISTRYINDEX, f.ref);
  }

  /** luaExtractErrorInformation's message: a string gets "ERR ", a table gives its err. */
  private errorMessage(): string {
    const L = this.L;
    if (lua.lua_isstring(L, -1)) return `ERR ${toBytes(L, -1)}`;
    if (!lua.lua_istable(L, -1)) return 'ERR unknown error';
    lua.lua_getfield(L, -1, 'err');
    const msg = lua.lua_isstring(L, -1) ? toBytes(L, -1)! : '';
    lua.lua_pop(L, 1);
    return msg;
  }

  /** luaEngineLoadHook: past the time limit, fail on every line so nothing can catch it. */
  private readonly loadHook = (L: LuaState): void => {
    const load = this.loading;
    if (load === null || load.timeoutMs === 0 || this.now() - load.startTime <= load.timeoutMs) return;
    lua.lua_sethook(L, this.loadHook, lua.LUA_MASKLINE, 0);
    raise(L, 'FUNCTION LOAD timeout');
  };

  /** redis.register_function(name, callback) or redis.register_function{function_name=, callback=, flags=, description=}. */
  private readonly registerFunction: LuaJsFunction = (L) => {
    const load = this.loading;
    if (load === null) return raise(L, 'redis.register_function can only be called on FUNCTION LOAD command');
    const argc = lua.lua_gettop(L);
    if (argc < 1 || argc > 2) return raise(L, 'wrong number of arguments to redis.register_function');
    const args = argc === 1 ? readNamedArgs(L) : readPositionalArgs(L);
    if (!isValidName(args.name)) {
      this.free([args]);
      return raise(L, INVALID_NAME);
    }
    if (load.functions.has(args.name)) {
      this.free([args]);
      return raise(L, 'Function already exists in the library');
    }
    load.functions.set(args.name, args);
    return 0;
  };
}

/** luaRegisterFunctionReadPositionalArgs: (name, callback). */
function readPositionalArgs(L: LuaState): RegisteredFunction {
  const name = stringArg(L, 1);
  if (name === null) return raise(L, 'first argument to redis.register_function must be a string');
  if (!lua.lua_isfunction(L, 2)) return raise(L, 'second argument to redis.register_function must be a function');
  const ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
  return { name, ref, description: null, flags: noFlags() };
}

/** luaRegisterFunctionReadNamedArgs: the table form, keys matched case-insensitively. */
function readNamedArgs(L: LuaState): RegisteredFunction {
  if (!lua.lua_istable(L, 1)) {
    return raise(L, 'calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).');
  }
  let name: string | null = null;
  let description: string | null = null;
  let ref: number | null = null;
  let flags = noFlags();
  const fail = (msg: string): never => {
    if (ref !== null) lauxlib.luaL_unref(L, lua.LUA_REGISTRYINDEX, ref);
    return raise(L, msg);
  };
  lua.lua_pushnil(L);
  while (lua.lua_next(L, 1)) {
    if (!lua.lua_isstring(L, -2)) fail('named argument key given to redis.register_function is not a string');
    // A copy of the key: converting a number key in place would derail lua_next (Redis errors out first anyway).
    lua.lua_pushvalue(L, -2);
    const key = toBytes(L, -1)!.toLowerCase();
    lua.lua_pop(L, 1);
    if (key === 'function_name') {
      name = stringArg(L, -1) ?? fail('function_name argument given to redis.register_function must be a string');
    } else if (key === 'description') {
      description = stringArg(L, -1) ?? fail('description argument given to redis.register_function must be a string');
    } else if (key === 'callback') {
      if (!lua.lua_isfunction(L, -1)) fail('callback argument given to redis.register_function must be a function');
      if (ref !== null) lauxlib.luaL_unref(L, lua.LUA_REGISTRYINDEX, ref);
      ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
      continue;
    } else if (key === 'flags') {
      if (!lua.lua_istable(L, -1)) fail('flags argument to redis.register_function must be a table representing function flags');
      flags = readFlags(L) ?? fail('unknown flag given');
    } else {
      fail('unknown argument given to redis.register_function');
    }
    lua.lua_pop(L, 1);
  }
  if (name === null) return fail('redis.register_function must get a function name argument');
  if (ref === null) return fail('redis.register_function must get a callback argument');
  return { name, ref, description, flags };
}

/** luaRegisterFunctionReadFlags: t[1], t[2], ... up to the first nil, each a flag name in any case; null on a bad one. */
function readFlags(L: LuaState): ScriptFlags | null {
  const flags = noFlags();
  for (let j = 1; ; j++) {
    lua.lua_pushnumber(L, j);
    lua.lua_gettable(L, -2);
    if (lua.lua_isnil(L, -1)) {
      lua.lua_pop(L, 1);
      return flags;
    }
    const flag = lua.lua_isstring(L, -1) ? fromLuaBytes(lua.lua_tolstring(L, -1)!).toLowerCase() : null;
    lua.lua_pop(L, 1);
    if (flag === null || !Object.hasOwn(FLAG_NAMES, flag)) return null;
    flags[FLAG_NAMES[flag]] = true;
  }
}
