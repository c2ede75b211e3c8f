// One Lua debugging session (eval.c's ldb* functions): an EVAL whose script
// runs on its own coroutine, stopped by a line hook at steps and breakpoints.
// At a stop the hook records the stack (frames and their locals) and yields;
// the session then answers debugger commands until one resumes the script.
// Output is Redis's: each answer is the list of log lines ldbSendLogs would
// send, and the last one ends with `<endsession>` and carries the EVAL reply.
import { type LuaHook, type LuaState, lauxlib, lua } from 'fengari';
import { type Client, type RedisServer, type Reply } from '@redmoon/core';
import { fromLuaBytes } from '../bytes.ts';
import { scriptingFor } from '../eval.ts';
import { executeSuspendable, type ScriptingEngine, ScriptSuspended } from '../scripting.ts';
import { luaValueText, replyText } from './render.ts';
import type { ScriptDebugger } from './types.ts';
import { runDebuggerCommand } from './commands.ts';

/** LDB_BREAKPOINTS_MAX. */
export const MAX_BREAKPOINTS = 64;
/** LDB_MAX_LEN_DEFAULT: values and replies are trimmed to this many bytes. */
const DEFAULT_MAXLEN = 256;
/** The script time limit at which a running script is stopped when busy-reply-threshold is 0 (luaLdbLineHook). */
const DEFAULT_TIME_LIMIT = 5000;
export const ABORT_MESSAGE = 'script aborted for user request';
const DETACHED_TIMEOUT_MESSAGE = 'timeout during Lua debugging with client closing connection';

/**
 * fengari's CallInfo flag CIST_HOOKYIELD (lstate.js, as Lua 5.3's): a coroutine
 * resumed after its hook yielded does not call the hook again for the same
 * instruction. Clearing it makes the hook run again first thing, which is where
 * the debugger raises `abort` inside the script, as Redis raises it from its hook.
 */
const CIST_HOOKYIELD = 1 << 6;
interface FengariThreadInternals {
  ci: { callstatus: number };
}

/** One local variable of a frame at the stop: its name and the slot of its value on the helper thread. */
export interface FrameLocal {
  readonly name: string;
  readonly slot: number;
}

/** One frame of the stopped script's stack, innermost first. */
export interface StackFrame {
  /** The function's name as its caller knows it, null for the script body ("top level"). */
  readonly name: string | null;
  readonly line: number;
  /** Code of the script (not a library function or `eval` code). */
  readonly inScript: boolean;
  readonly locals: readonly FrameLocal[];
}

/** What one exchange produced: Redis's log lines, and the EVAL reply once the script ended. */
export interface LdbTurn {
  readonly lines: string[];
  /** Set when the session ended (the last line is `<endsession>`). */
  readonly reply: Reply | null;
}

/** Breakpoints as Redis keeps them: an int array and a count. */
class Breakpoints {
  private readonly lines = new Int32Array(MAX_BREAKPOINTS);
  count = 0;

  has(line: number): boolean {
    for (let j = 0; j < this.count; j++) if (this.lines[j] === line) return true;
    return false;
  }

  list(): number[] {
    return Array.from(this.lines.subarray(0, this.count));
  }

  /** ldbAddBreakpoint: false for a line out of the source, one already set, or a full table. */
  add(line: number, sourceLines: number): boolean {
    if (line <= 0 || line > sourceLines) return false;
    if (this.has(line) || this.count === MAX_BREAKPOINTS) return false;
    this.lines[this.count++] = line;
    return true;
  }

  /**
   * ldbDelBreakpoint, including its memmove of (count - j) bytes rather than ints:
   * removing a breakpoint other than the last shifts only some bytes of the
   * following entries (the same list `break` then shows in Redis 7.0).
   */
  remove(line: number): boolean {
    for (let j = 0; j < this.count; j++) {
      if (this.lines[j] !== line) continue;
      this.count--;
      const bytes = new Uint8Array(this.lines.buffer);
      bytes.copyWithin(j * 4, (j + 1) * 4, (j + 1) * 4 + (this.count - j));
      return true;
    }
    return false;
  }

  clear(): void {
    this.count = 0;
  }
}

export interface LdbSessionOptions {
  /** The server the script runs on (a copy of the real one in a forked session). */
  server: RedisServer;
  /** The client whose EVAL is debugged (a client of `server`). */
  caller: Client;
  /** The EVAL command (EVAL script numkeys key... arg...). */
  evalArgv: string[];
  /**
   * A SYNC session on a shared server: other clients get BUSY while the script
   * is stopped (a transport blocks them instead, as Redis does).
   */
  blockOthers?: boolean;
}

export class LdbSession implements ScriptDebugger {
  readonly server: RedisServer;
  readonly caller: Client;
  /** The script's source split in lines (ldb.src), trailing newlines dropped. */
  readonly source: string[];
  readonly breakpoints = new Breakpoints();
  /** ldb.step: stop at the next line. Starts set, so the script stops at its first line. */
  step = true;
  /** ldb.luabp: redis.breakpoint() was called. */
  private luabp = false;
  /** ldb.maxlen (0: unlimited), and whether the hint about it was given. */
  maxlen = DEFAULT_MAXLEN;
  maxlenHintSent = false;
  /** ldb.currentline: the line the hook last saw. */
  currentLine = 0;
  /** The stack at the current stop (empty while running). */
  frames: StackFrame[] = [];
  private logs: string[] = [];
  private readonly evalArgv: string[];
  private readonly engine: ScriptingEngine;
  private readonly blockOthers: boolean;
  /** A stop that could not happen where it was due (no yield possible there): it happens at the next line that can. */
  private deferredReason: string | null = null;
  /** An error to raise inside the script when it is resumed (abort, protocol error). */
  private pendingError: string | null = null;
  /** The client went away: the script runs to its end without stopping. */
  private detached = false;
  /** Where the time limit counts from (the script's start, then the end of each stop). */
  private startTime: number;
  /** The script's own coroutine (the hook is inherited by coroutines the script creates). */
  private scriptThread: LuaState | null = null;
  /** Holds the values of the locals at a stop; also runs `eval` code. */
  private helper: LuaState | null = null;
  private helperRef = 0;
  private stoppedFlag = false;
  /** The current stop is a timeout's (a client leaving then kills the script). */
  private lastStopWasTimeout = false;
  private endedFlag = false;

  constructor(opts: LdbSessionOptions) {
    this.server = opts.server;
    this.caller = opts.caller;
    this.evalArgv = opts.evalArgv;
    this.blockOthers = opts.blockOthers ?? false;
    this.engine = scriptingFor(opts.server);
    this.source = splitSource(opts.evalArgv[1] ?? '');
    this.startTime = opts.server.clock.now();
  }

  get stopped(): boolean {
    return this.stoppedFlag;
  }

  get ended(): boolean {
    return this.endedFlag;
  }

  /** ldbIsEnabled. */
  get logging(): boolean {
    return this.step;
  }

  /** Run the EVAL until the script stops or ends (ldbStartSession + evalGenericCommand). */
  start(): LdbTurn {
    if (this.engine.debugger !== null) throw new Error('redmoon: a Lua debugging session is already running on this server');
    this.engine.debugger = this;
    return this.run();
  }

  /** One debugger command (ldbRepl): its output, or what the script did until it stopped again or ended. */
  command(argv: readonly string[]): LdbTurn {
    if (!this.stoppedFlag) throw new Error('redmoon: the debugged script is not stopped');
    const next = runDebuggerCommand(this, argv);
    if (next === 'abort') return this.raise(ABORT_MESSAGE);
    if (next === 'stay') return { lines: this.takeLogs(), reply: null };
    return this.resume();
  }

  /** Fail the script with `message` (`abort`, a protocol error): it ends as if its current line raised it. */
  raise(message: string): LdbTurn {
    this.pendingError = message;
    // Run the hook again at the stopped instruction, where the error is raised.
    (this.scriptThread as unknown as FengariThreadInternals).ci.callstatus &= ~CIST_HOOKYIELD;
    return this.resume();
  }

  /**
   * The debugging client went away (ldbRepl's read failing): no more stops, and
   * the script runs to its end; one stopped for a timeout is killed instead.
   */
  detach(): LdbTurn {
    this.detached = true;
    this.step = false;
    this.breakpoints.clear();
    if (this.stoppedFlag && this.lastStopWasTimeout) return this.raise(DETACHED_TIMEOUT_MESSAGE);
    return this.stoppedFlag ? this.resume() : { lines: this.takeLogs(), reply: null };
  }

  private resume(): LdbTurn {
    this.stoppedFlag = false;
    this.frames = [];
    if (this.helper !== null) lua.lua_settop(this.helper, 0);
    // rctx->start_time is reset after every stop: time spent stopped does not count.
    this.startTime = this.server.clock.now();
    return this.run();
  }

  private run(): LdbTurn {
    let reply: Reply;
    try {
      reply = executeSuspendable(this.server, this.caller, this.evalArgv);
    } catch (e) {
      if (!(e instanceof ScriptSuspended)) {
        this.finish();
        throw e;
      }
      if (this.blockOthers) this.server.busyScript = this.busyForOthers;
      return { lines: this.takeLogs(), reply: null };
    }
    this.finish();
    this.log('<endsession>');
    return { lines: this.takeLogs(), reply };
  }

  private readonly busyForOthers = (c: Client): string | null =>
    c === this.caller ? null : 'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.';

  private finish(): void {
    this.endedFlag = true;
    this.stoppedFlag = false;
    if (this.engine.debugger === this) this.engine.debugger = null;
    if (this.helper !== null) {
      lua.lua_settop(this.helper, 0);
      lauxlib.luaL_unref(this.helper, lua.LUA_REGISTRYINDEX, this.helperRef);
      this.helper = null;
    }
  }

  // --- logging (ldbLog, ldbLogWithMaxLen, ldbLogSourceLine) ---

  log(line: string): void {
    this.logs.push(line);
  }

  /** ldbLogWithMaxLen: trimmed to maxlen bytes plus " ...", with a one-time hint. */
  logTrimmed(line: string): void {
    let trimmed = false;
    if (this.maxlen !== 0 && line.length > this.maxlen) {
      line = `${line.slice(0, this.maxlen)} ...`;
      trimmed = true;
    }
    this.log(line);
    if (trimmed && !this.maxlenHintSent) {
      this.maxlenHintSent = true;
      this.log("<hint> The above reply was trimmed. Use 'maxlen 0' to disable trimming.");
    }
  }

  /** ldbGetSourceLine. */
  sourceLine(line: number): string {
    return line >= 1 && line <= this.source.length ? this.source[line - 1] : '<out of range source code line>';
  }

  /** ldbLogSourceLine: "->#12  code", the arrow on the current line, # on breakpoints. */
  logSourceLine(line: number): void {
    const bp = this.breakpoints.has(line);
    const current = this.currentLine === line;
    const prefix = current && bp ? '->#' : current ? '-> ' : bp ? '  #' : '   ';
    this.log(`${prefix}${String(line).padEnd(3)} ${this.sourceLine(line)}`);
  }

  /** The lines logged since the last answer, as ldbSendLogs sends them (CR and LF become spaces). */
  private takeLogs(): string[] {
    const lines = this.logs.map((l) => l.replace(/[\r\n]/g, ' '));
    this.logs = [];
    return lines;
  }

  // --- what the engine calls while the script runs (ScriptDebugger) ---

  logCommand(argv: readonly string[]): void {
    let line = '<redis>';
    for (let j = 0; j < argv.length; j++) {
      if (j === 10) {
        line += ` ... (${argv.length - j - 1} more)`;
        break;
      }
      line += ` ${argv[j]}`;
    }
    this.log(line);
  }

  logError(text: string): void {
    this.log(`<error> ${text}`);
  }

  logReply(reply: Reply, resp: 2 | 3): void {
    this.logTrimmed(`<reply> ${replyText(reply, resp)}`);
  }

  breakpoint(): boolean {
    this.luabp = true;
    return true;
  }

  debug(L: LuaState): void {
    const argc = lua.lua_gettop(L);
    const parts: string[] = [];
    for (let i = 1; i <= argc; i++) parts.push(luaValueText(L, i));
    this.log(`<debug> line ${this.currentLine}: ${parts.join(', ')}`);
  }

  /** luaLdbLineHook. */
  readonly hook: LuaHook = (L, ar) => {
    const event = ar.event;
    if (this.scriptThread === null) this.scriptThread = L;
    if (this.pendingError !== null) {
      const msg = this.pendingError;
      this.pendingError = null;
      lua.lua_pushstring(L, msg);
      lua.lua_error(L);
    }
    lua.lua_getstack(L, 0, ar);
    lua.lua_getinfo(L, 'Sl', ar);
    this.currentLine = ar.currentline;
    const bp = this.breakpoints.has(this.currentLine) || this.luabp;
    // Events outside the script (its coroutines' library calls, `eval` code) are not interesting.
    if (!fromLuaBytes(ar.short_src).includes('user_script')) return;
    let timeout = false;
    if (event === lua.LUA_HOOKCOUNT && !this.step && !bp && this.deferredReason === null) {
      if (this.server.clock.now() - this.startTime < this.timeLimit()) return;
      timeout = true;
      this.step = true;
    }
    if (!this.step && !bp && this.deferredReason === null) return;
    let reason = bp ? (this.luabp ? 'redis.breakpoint() called' : 'break point') : timeout ? 'timeout reached, infinite loop?' : 'step over';
    if (this.deferredReason !== null) reason = this.deferredReason;
    this.step = false;
    this.luabp = false;
    if (this.detached) {
      // No one to ask: go on (ldbRepl fails at once), unless the script looks stuck.
      if (timeout) {
        lua.lua_pushstring(L, DETACHED_TIMEOUT_MESSAGE);
        lua.lua_error(L);
      }
      this.startTime = this.server.clock.now();
      return;
    }
    // Inside a pcall or a library callback the coroutine cannot yield: stop at the next line that can.
    if (L !== this.scriptThread || !lua.lua_isyieldable(L)) {
      this.deferredReason = reason;
      return;
    }
    this.deferredReason = null;
    this.lastStopWasTimeout = reason === 'timeout reached, infinite loop?';
    this.log(`* Stopped at ${this.currentLine}, stop reason = ${reason}`);
    this.logSourceLine(this.currentLine);
    this.captureStack(L);
    this.stoppedFlag = true;
    lua.lua_yield(L, 0);
  };

  private timeLimit(): number {
    const threshold = this.server.config.busyReplyThreshold;
    return threshold > 0 ? threshold : DEFAULT_TIME_LIMIT;
  }

  /** The helper thread: created on the first stop, anchored in the registry. */
  helperThread(L: LuaState): LuaState {
    if (this.helper === null) {
      this.helper = lua.lua_newthread(L);
      this.helperRef = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
      // A new thread inherits its creator's hook; Redis runs `eval` code from inside
      // its hook, where Lua calls no hooks: the line it stopped at stays current.
      lua.lua_sethook(this.helper, null, 0, 0);
    }
    return this.helper;
  }

  /** Record every frame and its locals (values moved to the helper thread), as the commands will show them. */
  private captureStack(L: LuaState): void {
    const H = this.helperThread(L);
    lua.lua_settop(H, 0);
    const frames: StackFrame[] = [];
    const ar = new lua.lua_Debug();
    for (let level = 0; lua.lua_getstack(L, level, ar); level++) {
      lua.lua_getinfo(L, 'Snl', ar);
      const locals: FrameLocal[] = [];
      for (let i = 1; ; i++) {
        lua.lua_checkstack(L, 1);
        const name = lua.lua_getlocal(L, ar, i);
        if (name === null) break;
        lua.lua_checkstack(H, 1);
        lua.lua_xmove(L, H, 1);
        locals.push({ name: fromLuaBytes(name), slot: lua.lua_gettop(H) });
      }
      frames.push({
        name: ar.name === null ? null : fromLuaBytes(ar.name),
        line: ar.currentline,
        inScript: fromLuaBytes(ar.short_src).includes('user_script'),
        locals,
      });
    }
    this.frames = frames;
  }

  /** The thread holding the values of the locals at this stop, where `eval` code runs too. */
  get valuesThread(): LuaState {
    if (this.helper === null) throw new Error('redmoon: the debugged script is not stopped');
    return this.helper;
  }

  /** The engine running the script (`redis` runs commands through it). */
  get scripting(): ScriptingEngine {
    return this.engine;
  }
}

/** ldbStartSession's split: trailing CR/LF removed, then lines on LF (an empty script has none). */
function splitSource(body: string): string[] {
  let end = body.length;
  while (end > 0 && (body[end - 1] === '\n' || body[end - 1] === '\r')) end--;
  return end === 0 ? [] : body.slice(0, end).split('\n');
}
