// SCRIPT DEBUG (eval.c scriptCommand, ldbEnable/ldbDisable): the debug mode a
// client asked for. A transport that can hold a conversation (the LDB wire
// protocol) starts a session on the client's next EVAL; EVALSHA is refused.
import { type Client, type Reply, error, OK } from '@redmoon/core';

/** SCRIPT DEBUG YES runs the session on a copy of the data (Redis forks); SYNC on the data itself. */
export type ScriptDebugMode = 'fork' | 'sync';

const modes = new WeakMap<Client, ScriptDebugMode>();
const pendingRepliesProbes = new WeakMap<Client, () => boolean>();

export const EVALSHA_WHILE_DEBUGGING = 'ERR Please use EVAL instead of EVALSHA for debugging';

/** The debug mode of c (CLIENT_LUA_DEBUG, CLIENT_LUA_DEBUG_SYNC), or null. */
export function scriptDebugMode(c: Client): ScriptDebugMode | null {
  return modes.get(c) ?? null;
}

/** ldbDisable: a session ended, or SCRIPT DEBUG NO. */
export function clearScriptDebugMode(c: Client): void {
  modes.delete(c);
}

/** A transport tells whether c has replies not yet written (clientHasPendingReplies). */
export function setPendingRepliesProbe(c: Client, probe: () => boolean): void {
  pendingRepliesProbes.set(c, probe);
}

/** SCRIPT DEBUG YES|SYNC|NO. */
export function scriptDebug(c: Client): Reply {
  // Inside EXEC the reply to EXEC itself is already pending.
  if (c.inExec || (pendingRepliesProbes.get(c)?.() ?? false)) return error('ERR SCRIPT DEBUG must be called outside a pipeline');
  const arg = c.argv[2].toLowerCase();
  if (arg === 'no') modes.delete(c);
  else if (arg === 'yes') modes.set(c, 'fork');
  else if (arg === 'sync') modes.set(c, 'sync');
  else return error('ERR Use SCRIPT DEBUG YES/SYNC/NO');
  return OK;
}
