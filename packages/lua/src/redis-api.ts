// The `redis` global of EVAL scripts (script_lua.c luaRegisterRedisAPI and eval.c):
// call, pcall, sha1hex, error_reply, status_reply, log, setresp, set_repl,
// acl_check_cmd, replicate_commands, breakpoint, debug and the constants; and
// Redis's replacement of the global pcall.
import { type LuaJsFunction, type LuaKFunction, type LuaState, lua } from 'fengari';
import { formatDouble } from '@redmoon/core';
import { sha1 } from 'js-sha1';
import { fromLuaBytes, pushBytes } from './bytes.ts';
import { pushErrorTable, pushReply } from './convert.ts';
import { REPL, type RunCtx, type ScriptHost } from './run-context.ts';

export const REDIS_VERSION = '7.0.15';
export const REDIS_VERSION_NUM = 0x07000f;

/** redis.LOG_* (luaRegisterLogFunction's constants). */
export const LOG_LEVEL_FIELDS: Readonly<Record<string, number>> = { LOG_DEBUG: 0, LOG_VERBOSE: 1, LOG_NOTICE: 2, LOG_WARNING: 3 };

/** Set each number as a field of the table on top. */
export function setNumberFields(L: LuaState, numbers: Readonly<Record<string, number>>): void {
  for (const [name, n] of Object.entries(numbers)) {
    lua.lua_pushnumber(L, n);
    lua.lua_setfield(L, -2, name);
  }
}

/** redis.REDIS_VERSION and REDIS_VERSION_NUM on the table on top (luaRegisterVersion). */
export function setVersionFields(L: LuaState): void {
  lua.lua_pushnumber(L, REDIS_VERSION_NUM);
  lua.lua_setfield(L, -2, 'REDIS_VERSION_NUM');
  lua.lua_pushliteral(L, REDIS_VERSION);
  lua.lua_setfield(L, -2, 'REDIS_VERSION');
}

/** luaPushError + luaError: raise `{err="ERR <msg>"}`. */
function raise(L: LuaState, msg: string): never {
  pushErrorTable(L, msg);
  return lua.lua_error(L);
}

/** The invocation in progress, or raise "<what> can only be called inside a script invocation". */
function runCtx(L: LuaState, host: ScriptHost, what: string): RunCtx {
  return host.current() ?? raise(L, `${what} can only be called inside a script invocation`);
}

/** How many leading argument positions remember their last conversion, and up to what length. */
const ARG_CACHE_SLOTS = 8;
const ARG_CACHE_MAX_BYTES = 64;
const cachedArgBytes: (Uint8Array | null)[] = new Array<Uint8Array | null>(ARG_CACHE_SLOTS).fill(null);
const cachedArgStrings: string[] = new Array<string>(ARG_CACHE_SLOTS).fill('');

/**
 * The argument at position j as latin1. A Lua string's bytes never change, and
 * a script passes the same ones call after call (the command name is a constant
 * of its function, KEYS[i] is pushed from the engine's cache): those are
 * converted once, and yield the same JS string, whose hash V8 keeps.
 */
function argString(j: number, bytes: Uint8Array): string {
  if (j > ARG_CACHE_SLOTS || bytes.length > ARG_CACHE_MAX_BYTES) return fromLuaBytes(bytes);
  if (cachedArgBytes[j - 1] === bytes) return cachedArgStrings[j - 1];
  const s = fromLuaBytes(bytes);
  cachedArgBytes[j - 1] = bytes;
  cachedArgStrings[j - 1] = s;
  return s;
}

/**
 * luaArgsToRedisArgv: the call's arguments as argv. Numbers are printed with
 * %.17g (Lua's own %.14g would lose precision). On error the error table is
 * pushed and null returned.
 */
function argsToArgv(L: LuaState): string[] | null {
  const argc = lua.lua_gettop(L);
  if (argc === 0) {
    pushErrorTable(L, 'Please specify at least one argument for this redis lib call');
    return null;
  }
  const argv: string[] = [];
  for (let j = 1; j <= argc; j++) {
    const type = lua.lua_type(L, j);
    if (type === lua.LUA_TNUMBER) argv.push(formatDouble(lua.lua_tonumber(L, j)));
    else if (type === lua.LUA_TSTRING) argv.push(argString(j, lua.lua_tolstring(L, j)!));
    else break;
  }
  lua.lua_pop(L, argc);
  if (argv.length !== argc) {
    pushErrorTable(L, 'Lua redis lib command arguments must be strings or integers');
    return null;
  }
  return argv;
}

/** luaRedisGenericCommand: redis.call raises command errors, redis.pcall returns them. */
function genericCommand(host: ScriptHost, raiseError: boolean): LuaJsFunction {
  return (L) => {
    const ctx = runCtx(L, host, 'redis.call/pcall');
    const argv = argsToArgv(L);
    if (argv === null) return raiseError ? lua.lua_error(L) : 1;
    const reply = host.call(ctx, argv);
    pushReply(L, reply, ctx.scriptClient.resp === 3 ? 3 : 2);
    if (raiseError && reply.t === 'error') return lua.lua_error(L);
    return 1;
  };
}

/**
 * fengari's CallInfo flag CIST_OAH (lstate.js): the 'allowhook' to restore when
 * an error is recovered by a yieldable pcall. fengari's lua_pcallk means to
 * record it there, but its `&=` leaves the bit as it was, so hooks would stay
 * off after the first error caught; redisPcall sets it as Lua 5.3 does.
 */
const CIST_OAH = 1;
interface FengariCallInfo {
  ci: { callstatus: number };
}

/**
 * Redis's global pcall (luaRedisPcall): Lua's pcall, except that an error table
 * with a string `err` is replaced by that string, as scripts written for Redis
 * 6 expect. A table without one is returned followed by the nil of the lookup.
 * In a debugging session the call is made with a continuation, so that the
 * debugger can stop in the code it runs (it suspends the script's coroutine);
 * finishPcall completes it either way.
 */
function redisPcall(host: ScriptHost): LuaJsFunction {
  return (L) => {
    const argc = lua.lua_gettop(L);
    lua.lua_pushboolean(L, true);
    lua.lua_insert(L, 1);
    if (host.debugger === undefined || host.debugger === null) return finishPcall(L, lua.lua_pcall(L, argc - 1, lua.LUA_MULTRET, 0), 0);
    (L as unknown as FengariCallInfo).ci.callstatus |= CIST_OAH;
    return finishPcall(L, lua.lua_pcallk(L, argc - 1, lua.LUA_MULTRET, 0, 0, finishPcall), 0);
  };
}

const finishPcall: LuaKFunction = (L, status) => {
  if (status !== lua.LUA_OK && status !== lua.LUA_YIELD) {
    lua.lua_remove(L, 1);
    if (lua.lua_istable(L, -1)) {
      lua.lua_getfield(L, -1, 'err');
      if (lua.lua_isstring(L, -1)) lua.lua_replace(L, -2);
    }
    lua.lua_pushboolean(L, false);
    lua.lua_insert(L, 1);
  }
  return lua.lua_gettop(L);
};

/** redis.error_reply / redis.status_reply argument check; pushes the error table when it fails. */
function singleStringArg(L: LuaState): boolean {
  if (lua.lua_gettop(L) === 1 && lua.lua_type(L, -1) === lua.LUA_TSTRING) return true;
  pushErrorTable(L, 'wrong number or type of arguments');
  return false;
}

const errorReply: LuaJsFunction = (L) => {
  if (!singleStringArg(L)) return 1;
  const err = fromLuaBytes(lua.lua_tolstring(L, -1)!);
  pushErrorTable(L, err.startsWith('-') ? err : `-${err}`);
  return 1;
};

const statusReply: LuaJsFunction = (L) => {
  if (!singleStringArg(L)) return 1;
  lua.lua_newtable(L);
  lua.lua_pushvalue(L, -2);
  lua.lua_setfield(L, -2, 'ok');
  return 1;
};

const sha1hex: LuaJsFunction = (L) => {
  if (lua.lua_gettop(L) !== 1) return raise(L, 'wrong number of arguments');
  const s = lua.lua_tolstring(L, 1);
  pushBytes(L, sha1(s ?? new Uint8Array()));
  return 1;
};

/** (int)lua_tonumber(L, idx): C's truncating cast. */
const toInt = (L: LuaState, idx: number): number => Math.trunc(lua.lua_tonumber(L, idx)) | 0;

/** redis.log, in both states (and in the functions' load-time API). */
export function logFunction(host: ScriptHost): LuaJsFunction {
  return (L) => {
    const argc = lua.lua_gettop(L);
    if (argc < 2) return raise(L, 'redis.log() requires two arguments or more.');
    if (!lua.lua_isnumber(L, -argc)) return raise(L, 'First argument must be a number (log level).');
    const level = toInt(L, -argc);
    if (level < 0 || level > 3) return raise(L, 'Invalid debug level.');
    if (level < host.verbosity()) return 0;
    let msg = '';
    for (let j = 1; j < argc; j++) {
      const s = lua.lua_isstring(L, -argc + j) ? lua.lua_tolstring(L, -argc + j) : null;
      if (s === null) continue;
      // Redis separates with a space before every argument but the first, present or not.
      if (j !== 1) msg += ' ';
      msg += fromLuaBytes(s);
    }
    host.log(level, msg);
    return 0;
  };
}

function setresp(host: ScriptHost): LuaJsFunction {
  return (L) => {
    const ctx = runCtx(L, host, 'redis.setresp');
    const argc = lua.lua_gettop(L);
    if (argc !== 1) return raise(L, 'redis.setresp() requires one argument.');
    const resp = toInt(L, -argc);
    if (resp !== 2 && resp !== 3) return raise(L, 'RESP version must be 2 or 3.');
    ctx.scriptClient.resp = resp;
    return 0;
  };
}

function setRepl(host: ScriptHost): LuaJsFunction {
  return (L) => {
    const ctx = runCtx(L, host, 'redis.set_repl');
    if (lua.lua_gettop(L) !== 1) return raise(L, 'redis.set_repl() requires two arguments.');
    const flags = toInt(L, -1);
    if ((flags & ~REPL.ALL) !== 0) {
      return raise(L, 'Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.');
    }
    ctx.replFlags = flags;
    return 0;
  };
}

function aclCheckCmd(host: ScriptHost): LuaJsFunction {
  return (L) => {
    const ctx = runCtx(L, host, 'redis.acl_check_cmd');
    const argv = argsToArgv(L);
    if (argv === null) return lua.lua_error(L);
    const allowed = host.aclCheck(ctx, argv);
    if (allowed === null) return raise(L, 'Invalid command passed to redis.acl_check_cmd()');
    lua.lua_pushboolean(L, allowed);
    return 1;
  };
}

/**
 * Build the `redis` table and set it as a global; replace the global pcall.
 * `evalOnly` adds breakpoint, debug and replicate_commands (EVAL's state only).
 */
export function installRedisApi(L: LuaState, host: ScriptHost, evalOnly: boolean): void {
  lua.lua_pushjsfunction(L, redisPcall(host));
  lua.lua_setglobal(L, 'pcall');
  lua.lua_newtable(L);
  const functions: Record<string, LuaJsFunction> = {
    call: genericCommand(host, true),
    pcall: genericCommand(host, false),
    log: logFunction(host),
    setresp: setresp(host),
    sha1hex,
    error_reply: errorReply,
    status_reply: statusReply,
    set_repl: setRepl(host),
    acl_check_cmd: aclCheckCmd(host),
  };
  if (evalOnly) {
    // Outside a debugging session breakpoint() is false and debug() does nothing.
    functions.breakpoint = (L1) => { lua.lua_pushboolean(L1, host.debugger?.breakpoint() ?? false); return 1; };
    functions.debug = (L1) => { host.debugger?.debug(L1); return 0; };
    // Effects replication is the only mode since Redis 7.0.
    functions.replicate_commands = (L1) => { lua.lua_pushboolean(L1, true); return 1; };
  }
  for (const [name, f] of Object.entries(functions)) {
    lua.lua_pushjsfunction(L, f);
    lua.lua_setfield(L, -2, name);
  }
  const numbers: Record<string, number> = {
    ...LOG_LEVEL_FIELDS,
    REPL_NONE: REPL.NONE, REPL_AOF: REPL.AOF, REPL_SLAVE: REPL.REPLICA, REPL_REPLICA: REPL.REPLICA, REPL_ALL: REPL.ALL,
  };
  setNumberFields(L, numbers);
  setVersionFields(L);
  lua.lua_setglobal(L, 'redis');
}
