// Limits redmoon adds to scripts, where redis-server 7.0.15 has none and would
// die or hang (see README "Deliberate differences"):
// - a Lua memory limit: a script that grows strings or tables without bound
//   makes redis-server run out of memory; here it fails with MEMORY_LIMIT_ERROR.
// - a pattern-matching time limit: Lua's matcher is C code in Redis, where the
//   count hook never runs, so `string.find(string.rep('a', 1e5), '.-.-.-.-.-b')`
//   blocks redis-server for good (no BUSY, no SCRIPT KILL). fengari's matcher
//   calls matchcheck periodically (the fengari patch); past busy-reply-threshold
//   (or the engine's hard time limit) the match fails.
// Both work through host checks the fengari patch adds to the global state.
import { type LuaState, lua } from 'fengari';
import { pushBytes } from './bytes.ts';

/** Default Lua memory limit: Redis's largest string (proto-max-bulk-len's default). */
export const DEFAULT_LUA_MEMORY_LIMIT = 512 * 1024 * 1024;

export const MEMORY_LIMIT_ERROR = (limit: number): string =>
  `ERR Script exceeded the Lua memory limit of ${limit} bytes (a redmoon limit: lua-memory-limit)`;
export const PATTERN_TIME_ERROR = (ms: number): string =>
  `ERR Script killed by redmoon: a pattern match ran longer than busy-reply-threshold (${ms} ms)`;

export interface LuaLimitOptions {
  /**
   * Fail a script whose memory grows by more than this many bytes while it
   * runs (0: no limit). Default DEFAULT_LUA_MEMORY_LIMIT.
   */
  memoryLimitBytes?: number;
  /**
   * The host's memory in use, in bytes (e.g. V8 heap plus array buffers in
   * Node). Without it, the bytes a script allocates for strings are summed as
   * if none were ever freed, which is stricter for scripts that churn strings.
   */
  memoryProbe?: () => number;
}

/** What the checks need from the running invocation. */
export interface RunningScript {
  readonly startTime: number;
}

/** One engine's limits, installed on each Lua state it creates. */
export class LuaLimits {
  memoryLimit = DEFAULT_LUA_MEMORY_LIMIT;
  private probe: (() => number) | null = null;
  /** The host's memory when the script started (with a probe). */
  private baseline = 0;
  /** Bytes allocated since the last probe (or since the start, without one). */
  private allocated = 0;
  /** The script's growth as last measured (with a probe). */
  private measuredGrowth = 0;

  constructor(
    opts: LuaLimitOptions,
    private readonly running: () => RunningScript | null,
    private readonly busyThreshold: () => number,
    private readonly hardTimeLimitMs: number,
    private readonly now: () => number,
  ) {
    this.configure(opts);
  }

  /** Change the memory limit or the probe (a host sets them after the engine exists). */
  configure(opts: LuaLimitOptions): void {
    if (opts.memoryLimitBytes !== undefined) this.memoryLimit = opts.memoryLimitBytes;
    if (opts.memoryProbe !== undefined) this.probe = opts.memoryProbe;
  }

  /** Called as an invocation starts. */
  startRun(): void {
    this.allocated = 0;
    this.measuredGrowth = 0;
    if (this.probe !== null && this.memoryLimit > 0) this.baseline = this.probe();
  }

  /** Make a new Lua state report to these limits. */
  install(L: LuaState): void {
    const g = L.l_G;
    g.memcheck = this.memcheck;
    g.matchcheck = this.matchcheck;
    lua.lua_atnativeerror(L, nativeError);
  }

  private readonly memcheck = (L: LuaState, bytes: number): void => {
    const limit = this.memoryLimit;
    if (limit === 0 || this.running() === null) return;
    this.allocated += bytes;
    if (this.measuredGrowth + this.allocated <= limit) return;
    if (this.probe !== null) {
      // Much of what was allocated may be garbage already: measure, and count this request on top.
      this.measuredGrowth = Math.max(0, this.probe() - this.baseline);
      this.allocated = bytes;
      if (this.measuredGrowth + bytes <= limit) return;
    }
    raise(L, MEMORY_LIMIT_ERROR(limit));
  };

  private readonly matchcheck = (L: LuaState): void => {
    const run = this.running();
    if (run === null) return;
    const elapsed = this.now() - run.startTime;
    const threshold = this.busyThreshold();
    if ((this.hardTimeLimitMs > 0 && elapsed >= this.hardTimeLimitMs) || (threshold > 0 && elapsed >= threshold)) {
      raise(L, PATTERN_TIME_ERROR(threshold));
    }
  };
}

/**
 * A JS exception inside the VM (a V8 RangeError: invalid string or array
 * length, call stack exceeded) becomes the script's error: without this handler
 * fengari rethrows it to the host, leaving the coroutine unusable.
 */
const nativeError = (L: LuaState): number => {
  const e = lua.lua_touserdata(L, 1) as unknown;
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  pushBytes(L, `redmoon: the JS engine failed: ${text.replace(/[\r\n]+/g, ' ')}`);
  return 1;
};

/** Raise {err=msg}, as the kill does: the caller gets "-<msg> script: ..., on @user_script:<line>." */
function raise(L: LuaState, msg: string): never {
  // Called from inside an opcode or a library function: its frame may be full.
  lua.lua_checkstack(L, 4);
  lua.lua_newtable(L);
  pushBytes(L, msg);
  lua.lua_setfield(L, -2, 'err');
  return lua.lua_error(L);
}
