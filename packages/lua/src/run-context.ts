// The state of one script invocation (Redis's scriptRunCtx), read by the redis.*
// functions, math.random and the timeout hook.
import type { Client, Reply } from '@redmoon/core';
import type { ScriptDebugger } from './debugger/types.ts';

/** redis.set_repl flags (PROPAGATE_AOF | PROPAGATE_REPL). */
export const REPL = { NONE: 0, AOF: 1, REPLICA: 2, ALL: 3 } as const;

export interface RunCtx {
  /** The client that sent EVAL or FCALL. */
  readonly caller: Client;
  /** The caller's command (FUNCTION STATS shows it). */
  readonly command: readonly string[];
  /** The script's own client: its db starts as the caller's and SELECT changes only it. */
  readonly scriptClient: Client;
  /** What error messages name the script by ("script: <sha>"). */
  readonly funcname: string;
  /** An EVAL script, not a function: SCRIPT KILL stops it, FUNCTION KILL does not. */
  readonly isEval: boolean;
  /** EVAL_RO/EVALSHA_RO, or a `no-writes` shebang flag. */
  readonly readOnly: boolean;
  /** Where the script's writes are propagated (redis.set_repl). */
  replFlags: number;
  /** The script ran a write command (Redis's SCRIPT_WRITE_DIRTY): SCRIPT KILL refuses then. */
  writeDirty: boolean;
  readonly startTime: number;
  /** SCRIPT KILL (or the hard limit) asked the script to stop. */
  killRequested: boolean;
  /** The script ran past busy-reply-threshold. */
  timedOut: boolean;
  /** Its transport can wait: once timed out it suspends between slices (executeSuspendable). */
  readonly suspendable: boolean;
}

/** What the redis.* functions need from the host. */
export interface ScriptHost {
  /** The invocation in progress, or null outside one. */
  current(): RunCtx | null;
  /** Run one redis.call/pcall command with the script rules; errors come back as error replies. */
  call(ctx: RunCtx, argv: string[]): Reply;
  /** Whether the caller's user may run argv; null when argv names no command. */
  aclCheck(ctx: RunCtx, argv: string[]): boolean | null;
  /** redis.log: level 0-3 (LOG_DEBUG..LOG_WARNING). */
  log(level: number, message: string): void;
  /** The server's loglevel as a number (redis.log drops messages below it). */
  verbosity(): number;
  /** The Lua debugger of a session in progress (redis.breakpoint and redis.debug act only then). */
  readonly debugger?: ScriptDebugger | null;
}
