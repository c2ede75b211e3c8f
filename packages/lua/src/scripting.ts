// One server's Lua scripting engine (eval.c + script.c + script_lua.c): the Lua
// state (created on the first script, rebuilt by SCRIPT FLUSH), the lua_scripts
// cache, the script client, running a script as a coroutine under the timeout
// hook, redis.call's script rules and the propagation of a script's effects.
import { type LuaHook, type LuaState, lauxlib, lua } from 'fengari';
import {
  Client, type CommandEntry, COMMAND_SPECS, type CommandSpec, E, error, F, type Propagated, type RedisServer, type Reply,
  scriptAclMessage,
} from '@redmoon/core';
import { sha1 } from 'js-sha1';
import { fromLuaBytes, pushBytes, toLuaBytes, toBytes } from './bytes.ts';
import { errorAlreadyCounted, errorTableMessage, luaToReply } from './convert.ts';
import { enableReadonlyTable } from './engine/readonly.ts';
import { createSandbox, type SandboxMode } from './sandbox.ts';
import { REPL, type RunCtx, type ScriptHost } from './run-context.ts';
import type { ScriptDebugger } from './debugger/types.ts';
import { parseShebang, type ScriptFlags } from './shebang.ts';
import { scriptMemory } from './memory.ts';
import { type LuaLimitOptions, LuaLimits } from './limits.ts';

/** A cached script (Redis's luaScript): its body and shebang flags; the function lives in the registry. */
export interface CachedScript {
  readonly body: string;
  readonly flags: ScriptFlags;
  /** A registry reference to f_<sha>, so that a call needs no lookup by name. */
  readonly ref: number;
}

export interface ScriptLogEntry {
  /** 0 debug, 1 verbose, 2 notice, 3 warning. */
  level: number;
  message: string;
}

export interface ScriptingOptions extends LuaLimitOptions {
  /**
   * Abort any script running longer than this many ms (0: never), whatever it
   * wrote: a safety net for the in-process API, where no other client can send
   * SCRIPT KILL. The caller gets HARD_LIMIT_ERROR.
   */
  hardTimeLimitMs?: number;
}

/** Redis's count hook period (script_lua.c luaCallFunction). */
const HOOK_INSTRUCTIONS = 100000;
/** LL_* levels by loglevel name. */
const LOG_LEVELS: Record<string, number> = { debug: 0, verbose: 1, notice: 2, warning: 3 };
const KEYS_NAME = new Uint8Array([75, 69, 89, 83]);
const ARGV_NAME = new Uint8Array([65, 82, 71, 86]);
/** Memory of a fresh Lua state in redis-server 7.0.15 (INFO used_memory_lua). */
const BASE_LUA_MEMORY = 31744;

const READONLY_REPLICA = "READONLY You can't write against a read only replica.";
export const KILLED_ERROR = 'ERR Script killed by user with SCRIPT KILL...';
/** What other clients get while an EVAL script is timed out (shared.slowevalerr). */
export const BUSY_ERROR = 'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.';
/** What other clients get while a function is timed out (shared.slowscripterr). */
export const BUSY_FUNCTION_ERROR = 'BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.';
const NOTBUSY = 'NOTBUSY No scripts in execution right now.';
const UNKILLABLE = 'UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.';
export const HARD_LIMIT_ERROR = (ms: number): string =>
  `ERR Script killed by redmoon: it ran longer than the hard time limit of ${ms} ms`;

const UNKNOWN_FROM_SCRIPT = 'ERR Unknown Redis command called from script';

/** A command as redis.call's checks see it: an implemented entry, or a Redis command redmoon lacks. */
type ScriptCommand = CommandEntry | UnimplementedCommand;

/** What Redis's command table says of a command that has no handler here. */
interface UnimplementedCommand {
  readonly arity: number;
  readonly flags: number;
  readonly handler: null;
  readonly spec: CommandSpec;
}

function isEntry(cmd: ScriptCommand): cmd is CommandEntry {
  return cmd.handler !== null;
}

const unimplemented = new Map<string, UnimplementedCommand>();

/** COMMAND_SPECS as lookupCommand sees it (container|sub for a container's subcommand), or null. */
function specCommand(argv: readonly string[], name: string): UnimplementedCommand | null {
  const top = Object.hasOwn(COMMAND_SPECS, name) ? COMMAND_SPECS[name] : undefined;
  if (top === undefined) return null;
  let spec: CommandSpec = top;
  let key = name;
  if (top.subcommands !== undefined && argv.length > 1) {
    const sub = argv[1].toLowerCase();
    if (!Object.hasOwn(top.subcommands, sub)) return null;
    spec = top.subcommands[sub];
    key = `${name}|${sub}`;
  }
  let cmd = unimplemented.get(key);
  if (cmd === undefined) {
    let flags = 0;
    for (const f of spec.flags ?? []) flags |= (F as Record<string, number>)[f] ?? 0;
    cmd = { arity: spec.arity, flags, handler: null, spec };
    unimplemented.set(key, cmd);
  }
  return cmd;
}

/**
 * Thrown out of server.execute() when a timed-out script suspends so that its
 * transport can serve other clients (see executeSuspendable).
 */
export class ScriptSuspended extends Error {
  constructor() {
    super('the script is suspended: execute the same command again to resume it');
  }
}

/** The argv a transport is executing through executeSuspendable. */
let suspendableArgv: string[] | null = null;

/**
 * server.execute() for a transport that can wait. A script that this command
 * starts and that runs past busy-reply-threshold suspends between slices of
 * its run, and this throws ScriptSuspended. The transport then serves other
 * clients (they get BUSY, SCRIPT KILL works), and calls again with the same
 * argv, which resumes the script, until the reply comes back. Only the
 * top-level command's script suspends, never one nested in another command.
 */
export function executeSuspendable(server: RedisServer, c: Client, argv: string[]): Reply {
  suspendableArgv = argv;
  try {
    return server.execute(c, argv);
  } finally {
    suspendableArgv = null;
  }
}

/** The Lua bytes last pushed at each leading position of KEYS or ARGV. */
interface PushCache {
  items: string[];
  bytes: Uint8Array[];
}
const PUSH_CACHE_SLOTS = 8;
const PUSH_CACHE_MAX_BYTES = 64;

/**
 * items[i] as Lua bytes, the same array as last call when the item is the same
 * (a Lua string is never changed in place, so several may share one): redis.call
 * then finds KEYS[i] already converted (redis-api.ts argString).
 */
function cachedLuaBytes(cache: PushCache, i: number, item: string): Uint8Array {
  if (i < PUSH_CACHE_SLOTS && cache.items[i] === item) return cache.bytes[i];
  const bytes = toLuaBytes(item);
  if (i < PUSH_CACHE_SLOTS && item.length <= PUSH_CACHE_MAX_BYTES) {
    cache.items[i] = item;
    cache.bytes[i] = bytes;
  }
  return bytes;
}

/** A Lua state and the coroutine its invocations reuse: one for EVAL scripts, one for functions. */
export interface LuaVm {
  readonly L: LuaState;
  /** The coroutine of the last invocation, when it ended normally: the next one runs on it. */
  idleThread: LuaState | null;
  /** The registry reference anchoring the current coroutine. */
  threadRef: number;
}

/** What an invocation runs: a function in a VM's registry, and how errors name it. */
export interface RunTarget {
  readonly vm: LuaVm;
  readonly ref: number;
  /** "script: <funcname>" in error messages: the sha of a script, a function's name. */
  readonly funcname: string;
  /** An EVAL script (SCRIPT KILL) rather than a function (FUNCTION KILL). */
  readonly isEval: boolean;
}

/** Push a new array table of items (luaCreateArray), reusing cached Lua bytes. */
function pushArray(L: LuaState, items: readonly string[], cache: PushCache): void {
  lua.lua_createtable(L, items.length, 0);
  for (let i = 0; i < items.length; i++) {
    lua.lua_pushbytes(L, cachedLuaBytes(cache, i, items[i]));
    lua.lua_rawseti(L, -2, i + 1);
  }
}

export class ScriptingEngine implements ScriptHost {
  /** The lua_scripts dictionary, by lowercase sha1. */
  readonly scripts = new Map<string, CachedScript>();
  /** What redis.log wrote, oldest first (the host reads and clears it). */
  readonly logEntries: ScriptLogEntry[] = [];
  /** Called while a script runs past busy-reply-threshold (where Redis serves other clients). */
  whileBusy: (() => void) | null = null;
  /** The Lua debugger of a session in progress (ldb.active): EVAL scripts run under its hook. */
  debugger: ScriptDebugger | null = null;
  /**
   * Called after every command a script or function runs through redis.call /
   * redis.pcall, with its reply (refusals included): a host's trace of the calls
   * (the playground shows it). Reads are not propagated, so onPropagate cannot.
   */
  onCall: ((argv: readonly string[], reply: Reply) => void) | null = null;
  private evalVm: LuaVm | null = null;
  private scriptsMemory = 0;
  private ctx: RunCtx | null = null;
  /** The running invocation's coroutine, and the VM it belongs to. */
  private thread: LuaState | null = null;
  private vm: LuaVm | null = null;
  /** Registry references to the strings "KEYS" and "ARGV". */
  private keysNameRef = 0;
  private argvNameRef = 0;
  /** The Lua bytes of the last KEYS and ARGV items. */
  private readonly keysBytes: PushCache = { items: [], bytes: [] };
  private readonly argvBytes: PushCache = { items: [], bytes: [] };
  /** The propagation a suspended script collected so far (its command's unit is not finished). */
  private suspendedPropagation: Propagated[] | null = null;
  private scriptClient: Client | null = null;
  private readonly hardTimeLimitMs: number;
  /** The Lua memory limit and the pattern-matching time limit (limits.ts). */
  readonly limits: LuaLimits;

  constructor(readonly server: RedisServer, opts: ScriptingOptions = {}) {
    this.hardTimeLimitMs = opts.hardTimeLimitMs ?? 0;
    this.limits = new LuaLimits(opts, () => this.ctx, () => server.config.busyReplyThreshold, this.hardTimeLimitMs, () => server.clock.now());
    server.scriptingInfo = () => ({
      numberOfCachedScripts: this.scripts.size,
      usedMemoryScriptsEval: this.scriptsMemory,
      usedMemoryLua: this.luaMemory(),
    });
  }

  /** The invocation in progress (SCRIPT KILL and the transports look at it). */
  get running(): RunCtx | null {
    return this.ctx;
  }

  current(): RunCtx | null {
    return this.ctx;
  }

  private state(): LuaState {
    if (this.evalVm === null) {
      const L = this.newSandbox('eval');
      lua.lua_pushstring(L, KEYS_NAME);
      this.keysNameRef = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
      lua.lua_pushstring(L, ARGV_NAME);
      this.argvNameRef = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
      this.evalVm = { L, idleThread: null, threadRef: 0 };
    }
    return this.evalVm.L;
  }

  /** A fresh Lua state whose redis.* functions run through this engine (EVAL's, or the functions' one). */
  newSandbox(mode: SandboxMode): LuaState {
    const L = createSandbox({
      host: this,
      memory: () => this.luaMemory(),
      isScriptThread: (T) => T === this.thread,
      mode,
    });
    this.limits.install(L);
    return L;
  }

  /** An estimate: fengari's memory belongs to the JS heap, which cannot be measured portably. */
  luaMemory(): number {
    return BASE_LUA_MEMORY + this.scriptsMemory;
  }

  /** SCRIPT FLUSH: forget every script and start over with a fresh Lua state. */
  flush(): void {
    this.scripts.clear();
    this.scriptsMemory = 0;
    this.evalVm = null;
  }

  /**
   * luaCreateFunction: compile a body into the registry function f_<sha>,
   * unless already cached. Returns the sha, or the error reply.
   */
  createFunction(body: string): string | Reply {
    const sha = sha1(toLuaBytes(body));
    if (this.scripts.has(sha)) return sha;
    const shebang = parseShebang(body);
    if (typeof shebang === 'string') return error(`ERR ${shebang}`);
    const L = this.state();
    // The shebang line is skipped but its newline kept, so line numbers stay right.
    const code = toLuaBytes(body.slice(shebang.length));
    if (lauxlib.luaL_loadbufferx(L, code, code.length, '@user_script', 't') !== lua.LUA_OK) {
      const msg = toBytes(L, -1) ?? '';
      lua.lua_pop(L, 1);
      return error(`ERR Error compiling script (new function): ${msg}`.replace(/[\r\n]/g, ' '));
    }
    lua.lua_pushvalue(L, -1);
    lua.lua_setfield(L, lua.LUA_REGISTRYINDEX, `f_${sha}`);
    this.scripts.set(sha, { body, flags: shebang.flags, ref: lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX) });
    this.scriptsMemory += scriptMemory(body.length);
    return sha;
  }

  /**
   * luaCreateArray + lua_setglobal of KEYS and ARGV, with the global table
   * briefly writable. The names are pushed from the registry: the same Lua
   * strings every call, whose table hash fengari computes once. _G has no
   * __newindex, so a raw set is what lua_setglobal does.
   */
  private setKeysAndArgv(L: LuaState, keys: readonly string[], args: readonly string[]): void {
    lua.lua_pushglobaltable(L);
    enableReadonlyTable(L, -1, false);
    this.setGlobalArray(L, this.keysNameRef, keys, this.keysBytes);
    this.setGlobalArray(L, this.argvNameRef, args, this.argvBytes);
    enableReadonlyTable(L, -1, true);
    lua.lua_pop(L, 1);
  }

  /** Set the array of items as the global named by the registry string nameRef (the globals on top). */
  private setGlobalArray(L: LuaState, nameRef: number, items: readonly string[], cache: PushCache): void {
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, nameRef);
    pushArray(L, items, cache);
    lua.lua_rawset(L, -3);
  }

  /** A function's arguments (luaCallFunction for FCALL): the keys table, then the args table. */
  pushKeysAndArgs(T: LuaState, keys: readonly string[], args: readonly string[]): number {
    pushArray(T, keys, this.keysBytes);
    pushArray(T, args, this.argvBytes);
    return 2;
  }

  private getScriptClient(): Client {
    if (this.scriptClient === null) {
      // Redis's lua client: never listed by CLIENT LIST, always authenticated.
      this.scriptClient = new Client(this.server, 0, this.server.dbs[0], this.server.clock.now());
      this.scriptClient.authenticated = true;
      this.scriptClient.isScript = true;
    }
    return this.scriptClient;
  }

  /**
   * Run the cached script `sha` for `caller` (scriptPrepareForRun + luaCallFunction).
   * `readOnly` is true for EVAL_RO/EVALSHA_RO.
   */
  run(caller: Client, sha: string, keys: readonly string[], args: readonly string[], readOnly: boolean): Reply {
    const script = this.scripts.get(sha)!;
    const refused = this.refuseFlags(script.flags, readOnly);
    if (refused !== null) return refused;
    const L = this.state();
    this.setKeysAndArgv(L, keys, args);
    const target: RunTarget = { vm: this.evalVm!, ref: script.ref, funcname: sha, isEval: true };
    return this.invoke(target, caller, readOnly || (script.flags.shebang && script.flags.noWrites), 0);
  }

  /** scriptPrepareForRun's flag checks: a script with a shebang (any function) is a write unless no-writes. */
  refuseFlags(flags: ScriptFlags, readOnly: boolean): Reply | null {
    if (!flags.shebang || flags.noWrites) return null;
    if (this.readOnlyReplica()) return error(READONLY_REPLICA);
    if (readOnly) return error('ERR Can not execute a script with write flag using *_ro command.');
    return null;
  }

  /**
   * Call target's function for `caller` (luaCallFunction). `pushArgs` pushes the
   * function's arguments on its coroutine (FCALL's keys and args) and says how many.
   */
  invoke(target: RunTarget, caller: Client, readOnly: boolean, nargs: number, pushArgs?: (T: LuaState) => void): Reply {
    const vm = target.vm;
    const sc = this.getScriptClient();
    sc.db = caller.db;
    sc.resp = 2;
    const ctx: RunCtx = {
      caller,
      command: caller.argv,
      scriptClient: sc,
      funcname: target.funcname,
      isEval: target.isEval,
      readOnly,
      replFlags: REPL.ALL,
      writeDirty: false,
      // Reading cmdTime latches it: the script's time snapshot, which core keeps
      // for every command while the script is timed out (scriptTimeSnapshot).
      startTime: this.server.cmdTime,
      killRequested: false,
      timedOut: false,
      // A script queued in MULTI suspends too: its EXEC is the command executed again (core's exec keeps its place).
      suspendable: caller.argv === suspendableArgv || (caller.inExec && caller.multi?.progress?.execArgv === suspendableArgv),
    };
    // The function runs as the body of a fresh coroutine, driven by lua_resume so
    // the timeout hook can suspend it. Being the body itself, it has the C-call
    // depth it has in Redis (which runs it with lua_pcall); the message handler's
    // work is done on the dead coroutine, whose frames still show where it failed.
    const T = vm.idleThread ?? this.newThread(vm);
    vm.idleThread = null;
    lua.lua_rawgeti(T, lua.LUA_REGISTRYINDEX, target.ref);
    pushArgs?.(T);
    // A debugged script gets the debugger's hook instead of the timeout one (luaCallFunction).
    const dbg = target.isEval ? this.debugger : null;
    if (dbg !== null) lua.lua_sethook(T, dbg.hook, lua.LUA_MASKLINE | lua.LUA_MASKCOUNT, HOOK_INSTRUCTIONS);
    else lua.lua_sethook(T, this.hook, lua.LUA_MASKCOUNT, HOOK_INSTRUCTIONS);
    this.thread = T;
    this.vm = vm;
    this.ctx = ctx;
    this.limits.startRun();
    return this.drive(vm, T, ctx, nargs);
  }

  /** Whether c's command is a script suspended for its transport (executeSuspendable). */
  isSuspendedFor(c: Client): boolean {
    return this.suspendedPropagation !== null && this.ctx?.caller === c;
  }

  /** Go on with the suspended script: its command is being executed again. */
  resume(): Reply {
    // Its writes so far join the command's unit again, to go out with the rest.
    this.server.pendingPropagation.push(...this.suspendedPropagation!);
    this.suspendedPropagation = null;
    return this.drive(this.vm!, this.thread!, this.ctx!, 0);
  }

  /**
   * Resume the script's coroutine until it ends. Between slices of a timed-out
   * script, whileBusy runs (an in-process host serving others), or the script
   * suspends: ScriptSuspended unwinds the command for its transport.
   */
  private drive(vm: LuaVm, T: LuaState, ctx: RunCtx, nargs: number): Reply {
    const L = vm.L;
    let suspending = false;
    try {
      let status = lua.lua_resume(T, L, nargs);
      while (status === lua.LUA_YIELD) {
        if (ctx.suspendable) {
          suspending = true;
          this.suspendedPropagation = this.server.pendingPropagation.splice(0);
          throw new ScriptSuspended();
        }
        this.whileBusy?.();
        status = lua.lua_resume(T, L, 0);
      }
      if (status !== lua.LUA_OK) return this.errorReply(T, ctx);
      // lua_pcall(lua, 0, 1, ...): exactly one result, nil when there is none.
      lua.lua_settop(T, 1);
      return luaToReply(T, ctx.scriptClient.resp === 3 ? 3 : 2);
    } finally {
      if (!suspending) this.endRun(vm);
    }
  }

  /** A coroutine for running scripts, anchored in the VM's registry. */
  private newThread(vm: LuaVm): LuaState {
    const T = lua.lua_newthread(vm.L);
    vm.threadRef = lauxlib.luaL_ref(vm.L, lua.LUA_REGISTRYINDEX);
    return T;
  }

  private endRun(vm: LuaVm): void {
    const T = this.thread!;
    this.ctx = null;
    this.thread = null;
    this.vm = null;
    this.server.busyScript = null;
    // A coroutine whose body returned is back at its base level, empty and
    // reusable (Lua 5.3's lua_resume); one that failed is dead.
    if (lua.lua_status(T) === lua.LUA_OK) {
      lua.lua_settop(T, 0);
      vm.idleThread = T;
    } else {
      lauxlib.luaL_unref(vm.L, lua.LUA_REGISTRYINDEX, vm.threadRef);
    }
  }

  /** core's busyScript hook while a script is timed out: BUSY for all but its caller, naming the right KILL. */
  private readonly busyReply = (c: Client): string | null => {
    const ctx = this.ctx;
    if (ctx === null || c === ctx.caller) return null;
    return ctx.isEval ? BUSY_ERROR : BUSY_FUNCTION_ERROR;
  };

  /**
   * Where the error on the dead coroutine T was raised, as __redis__err__handler
   * finds it: the raising function, or its caller when that is a host function
   * (error, redis.call, ...).
   */
  private errorPosition(T: LuaState): { source: string; line: number } | null {
    const ar = new lua.lua_Debug();
    if (!lua.lua_getstack(T, 0, ar)) return null;
    lua.lua_getinfo(T, 'Sl', ar);
    const what = String.fromCharCode(...ar.what);
    if (what === 'C' || what === 'J') {
      if (!lua.lua_getstack(T, 1, ar)) return null;
      lua.lua_getinfo(T, 'Sl', ar);
    }
    return { source: fromLuaBytes(ar.source), line: ar.currentline };
  }

  /**
   * The error on top of T as the caller's reply (__redis__err__handler, then
   * luaCallFunction): "-<err> script: <sha>, on <source>:<line>." A non-table
   * error becomes "ERR " .. tostring(err); a table keeps its own source and line
   * only when no position is found.
   */
  private errorReply(T: LuaState, ctx: RunCtx): Reply {
    // A dead coroutine's frame has no free slots left: make room for the lookups.
    lua.lua_checkstack(T, 4);
    const pos = this.errorPosition(T);
    let msg: string;
    let source: string | null = null;
    let line: string | null = null;
    let counted = false;
    if (lua.lua_istable(T, -1)) {
      lua.lua_getfield(T, -1, 'err');
      const hasErr = lua.lua_isstring(T, -1);
      lua.lua_pop(T, 1);
      // Redis 7.0.15 crashes on an error table without `err` (error({foo=1})); redmoon answers this instead.
      msg = hasErr ? errorTableMessage(T) : 'ERR the script raised a table without an err field';
      counted = errorAlreadyCounted(T);
      if (pos === null) {
        lua.lua_getfield(T, -1, 'source');
        source = lua.lua_isstring(T, -1) ? toBytes(T, -1) : null;
        lua.lua_getfield(T, -2, 'line');
        line = lua.lua_isstring(T, -1) ? toBytes(T, -1) : null;
        lua.lua_pop(T, 2);
      }
    } else {
      msg = `ERR ${fromLuaBytes(lauxlib.luaL_tolstring(T, -1))}`.split('\0')[0].replace(/[\r\n]/g, ' ');
    }
    if (pos !== null) {
      source = pos.source;
      line = String(pos.line);
    }
    if (source !== null && line !== null) msg += ` script: ${ctx.funcname}, on ${source}:${line}.`;
    msg = msg.replace(/[\r\n]/g, ' ');
    return counted ? { t: 'error', v: msg, counted } : error(msg);
  }

  /**
   * The count hook (luaMaskCountHook + scriptInterrupt): past busy-reply-threshold
   * the script is "timed out" and yields between slices when it can; a kill
   * switches the hook to every line so a pcall loop cannot swallow the error.
   */
  private readonly hook: LuaHook = (L) => {
    const ctx = this.ctx;
    if (ctx === null) return;
    const elapsed = this.server.clock.now() - ctx.startTime;
    if (this.hardTimeLimitMs > 0 && elapsed >= this.hardTimeLimitMs) this.kill(L, HARD_LIMIT_ERROR(this.hardTimeLimitMs));
    if (ctx.killRequested) this.kill(L, KILLED_ERROR);
    const threshold = this.server.config.busyReplyThreshold;
    if (!ctx.timedOut && threshold > 0 && elapsed >= threshold) {
      ctx.timedOut = true;
      this.server.busyScript = this.busyReply;
      const kill = ctx.isEval ? 'SCRIPT KILL' : 'FUNCTION KILL';
      this.writeLog(3, `Slow script detected: still in execution after ${elapsed} milliseconds. You can try killing the script using the ${kill} command. Script name is: ${ctx.funcname}.`);
    }
    // Yield only from the script's own body: never inside its coroutines or a host call.
    if (ctx.timedOut && (ctx.suspendable || this.whileBusy !== null) && L === this.thread && lua.lua_isyieldable(L)) lua.lua_yield(L, 0);
  };

  private kill(L: LuaState, msg: string): never {
    lua.lua_sethook(L, this.hook, lua.LUA_MASKLINE, 0);
    lua.lua_newtable(L);
    pushBytes(L, msg);
    lua.lua_setfield(L, -2, 'err');
    return lua.lua_error(L);
  }

  /**
   * SCRIPT KILL (isEval) or FUNCTION KILL: ask the running script to stop
   * (scriptKill). Returns the error reply when it cannot be; each command kills
   * only its own kind, answering the other kind's BUSY error.
   */
  requestKill(isEval: boolean): string | null {
    const ctx = this.ctx;
    if (ctx === null) return NOTBUSY;
    if (ctx.writeDirty) return UNKILLABLE;
    if (isEval && !ctx.isEval) return BUSY_FUNCTION_ERROR;
    if (!isEval && ctx.isEval) return BUSY_ERROR;
    ctx.killRequested = true;
    return null;
  }

  /**
   * lookupCommand for scripts: the implemented entry, else what Redis's table
   * says of a command redmoon lacks (its refusals hold all the same), else null
   * for names Redis does not know.
   */
  private lookupCommand(argv: readonly string[]): ScriptCommand | null {
    const cmd = this.server.lookupCommand(argv[0]);
    if (cmd === undefined) return specCommand(argv, argv[0].toLowerCase());
    if (argv.length === 1 || cmd.subcommands.size === 0) return cmd;
    return cmd.subcommands.get(argv[1].toLowerCase()) ?? specCommand(argv, argv[0].toLowerCase());
  }

  /** Why redis.call refuses to run argv (script.c scriptCall's checks, in order), or null. */
  private refusal(ctx: RunCtx, cmd: ScriptCommand | null, argv: readonly string[]): string | null {
    if (cmd === null) return UNKNOWN_FROM_SCRIPT;
    if ((cmd.arity > 0 && cmd.arity !== argv.length) || argv.length < -cmd.arity) {
      return 'ERR Wrong number of args calling Redis command from script';
    }
    if (cmd.flags & F.NOSCRIPT) return 'ERR This Redis command is not allowed from script';
    // scriptVerifyACL: the caller's user, logged with the "lua" context.
    if (isEntry(cmd)) {
      const denied = this.server.acl.check(ctx.caller.user, cmd, argv);
      if (denied !== null) {
        this.server.acl.logDenial(ctx.caller, denied, 'lua', cmd, argv);
        return scriptAclMessage(denied.denied);
      }
    }
    // Scripts count may-replicate commands (PUBLISH, PFCOUNT, ...) as writes.
    if (ctx.readOnly && cmd.flags & (F.WRITE | F.MAY_REPLICATE)) {
      return 'ERR Write commands are not allowed from read-only scripts.';
    }
    // Once the script wrote, later writes may not fail on the server state (script.c).
    if (cmd.flags & F.WRITE && !ctx.writeDirty && this.readOnlyReplica()) return READONLY_REPLICA;
    // scriptVerifyOOM: until its first write, a script may not run a denyoom command when its
    // command started over maxmemory. Only EVAL scripts without a shebang get here so: with
    // declared flags, dispatch refused the script unless it has allow-oom or no-writes.
    if (cmd.flags & F.DENYOOM && !ctx.writeDirty && this.server.preCommandOom && this.server.config.maxmemory !== 0 &&
      ctx.isEval && this.scripts.get(ctx.funcname)?.flags.shebang !== true) {
      return E.OOM;
    }
    // A command Redis has that passed every check, but that redmoon does not implement.
    if (cmd.handler === null) return UNKNOWN_FROM_SCRIPT;
    return null;
  }

  /** scriptCall: redis.call's checks (script.c), then the command itself on the script client. */
  call(ctx: RunCtx, argv: string[]): Reply {
    const cmd = this.lookupCommand(argv);
    const refusal = this.refusal(ctx, cmd, argv);
    const dbg = this.debugger !== null && this.debugger.logging ? this.debugger : null;
    dbg?.logCommand(argv);
    if (refusal !== null || cmd === null || !isEntry(cmd)) {
      const msg = refusal ?? UNKNOWN_FROM_SCRIPT;
      // script.c's refusals have no error code, except READONLY (shared.roslaveerr, CRLF included).
      dbg?.logError(msg.startsWith('ERR ') ? msg.slice(4) : `-${msg}  `);
      // Counted here, like any rejected command (script.c: afterErrorReply + incrCommandStatsOnError).
      this.server.countError(msg);
      if (cmd !== null && isEntry(cmd)) cmd.rejectedCalls++;
      const refused = error(msg);
      this.onCall?.(argv, refused);
      return refused;
    }
    if (cmd.flags & F.WRITE) ctx.writeDirty = true;
    const pending = this.server.pendingPropagation;
    const before = pending.length;
    const reply = this.server.call(ctx.scriptClient, cmd, argv);
    // redis.set_repl(REPL_NONE) keeps this command's effects out of the stream.
    if (ctx.replFlags === REPL.NONE) pending.length = before;
    if (dbg !== null) {
      if (reply.t === 'error') dbg.logError(`-${reply.v}`);
      dbg.logReply(reply, ctx.scriptClient.resp === 3 ? 3 : 2);
    }
    this.onCall?.(argv, reply);
    return reply;
  }

  /** A replica with replica-read-only yes (the default) refuses writes. */
  private readOnlyReplica(): boolean {
    return this.server.isReplica && (this.server.config.extra.get('replica-read-only') ?? 'yes') === 'yes';
  }

  /** redis.acl_check_cmd: whether the caller's user may run argv (ACLCheckAllUserCommandPerm), unlogged. */
  aclCheck(ctx: RunCtx, argv: string[]): boolean | null {
    const cmd = this.lookupCommand(argv);
    if (cmd === null || !isEntry(cmd)) return null;
    return this.server.acl.check(ctx.caller.user, cmd, argv) === null;
  }

  verbosity(): number {
    return LOG_LEVELS[this.server.config.extra.get('loglevel') ?? 'notice'] ?? 2;
  }

  log(level: number, message: string): void {
    this.writeLog(level, message);
  }

  private writeLog(level: number, message: string): void {
    this.logEntries.push({ level, message });
  }
}
