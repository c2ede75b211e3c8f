// What the scripting engine asks of an attached Lua debugger (Redis's ldb state
// as script_lua.c and eval.c consult it while a debugged script runs).
import type { LuaHook, LuaState } from 'fengari';
import type { Reply } from '@redmoon/core';

export interface ScriptDebugger {
  /** Installed on the script's coroutine instead of the timeout hook (luaLdbLineHook, every line and every 100000 instructions). */
  readonly hook: LuaHook;
  /** ldbIsEnabled(): while stepping, redis.call logs its command, errors and reply. */
  readonly logging: boolean;
  /** `<redis> argv...` (at most 10 arguments shown). */
  logCommand(argv: readonly string[]): void;
  /** `<error> ...`: a refusal (message without its error code) or a command's error reply. */
  logError(text: string): void;
  /** `<reply> ...` in the human form of the reply's wire bytes. */
  logReply(reply: Reply, resp: 2 | 3): void;
  /** redis.breakpoint(): stop at the next line; true while a session is active. */
  breakpoint(): boolean;
  /** redis.debug(...): log the arguments on L's stack. */
  debug(L: LuaState): void;
}
