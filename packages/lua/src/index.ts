// @redmoon/lua: Redis scripting on fengari. Isomorphic (no Node built-ins).
// Core must not import this package: a server gets the scripting commands
// through `new RedisServer({ handlers: scriptingHandlers() })`, or
// createScriptingServer() does it.
import { type Handler, RedisServer, type ServerOptions } from '@redmoon/core';
import { scriptingCommands, scriptingFor } from './eval.ts';
import { functionCommands, functionsFor } from './function-commands.ts';
import type { ScriptingOptions } from './scripting.ts';

export {
  ScriptingEngine, type ScriptingOptions, type ScriptLogEntry, type CachedScript, executeSuspendable, ScriptSuspended,
} from './scripting.ts';
export type { RunCtx } from './run-context.ts';
export { scriptingFor } from './eval.ts';
export { functionsFor } from './function-commands.ts';
export {
  debugScript, type DebugScriptOptions, type DebugSession, type DebugFrame, type DebugVariable,
} from './debugger/api.ts';
export { LdbSession, type LdbTurn, type LdbSessionOptions } from './debugger/session.ts';
export { forkServer, forkClient } from './debugger/fork.ts';
export { scriptDebugMode, clearScriptDebugMode, setPendingRepliesProbe, type ScriptDebugMode } from './debugger/mode.ts';
export type { FunctionsEngine, FunctionInfo, LibraryInfo } from './functions.ts';
/** Seed scripts' math.random (redisSrand48; one generator per process, as in Redis). */
export { srand48 as seedScriptRandom } from './random.ts';

/** The EVAL/EVALSHA/EVAL_RO/EVALSHA_RO/SCRIPT and FUNCTION/FCALL/FCALL_RO handlers, for ServerOptions.handlers. */
export function scriptingHandlers(): Record<string, Handler> {
  return { ...scriptingCommands, ...functionCommands };
}

/** A RedisServer with scripting installed (its engine created now, so INFO sees it). */
export function createScriptingServer(opts: ServerOptions & { scripting?: ScriptingOptions } = {}): RedisServer {
  const { scripting, ...serverOpts } = opts;
  const server = new RedisServer({ ...serverOpts, handlers: { ...serverOpts.handlers, ...scriptingHandlers() } });
  scriptingFor(server, scripting);
  functionsFor(server);
  return server;
}
