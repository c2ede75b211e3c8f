// CLIENT UNBLOCK, CLIENT PAUSE and CLIENT UNPAUSE (networking.c clientCommand),
// over the blocked-client state in blocking.ts.
import { argTimeout } from '../blocking.ts';
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { type Reply, OK, ONE, ZERO } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { argLL, eqi } from '../util/parse.ts';

/** clientCommand's fallback for a known subcommand with too many arguments. */
function tooManyArguments(c: Client): never {
  return fail(E.SUBCOMMAND_SYNTAX(c.argv[1], c.argv[0].replace(/[a-z]+/g, (m) => m.toUpperCase())));
}

/**
 * CLIENT UNBLOCK id [TIMEOUT|ERROR]: the reason is checked before the id is
 * parsed. 1 when a client blocked on keys was unblocked, else 0 (a client held
 * by CLIENT PAUSE is not unblockable).
 */
function clientUnblock(c: Client): Reply {
  const argv = c.argv;
  if (argv.length > 4) tooManyArguments(c);
  let withError = false;
  if (argv.length === 4) {
    if (eqi(argv[3], 'timeout')) withError = false;
    else if (eqi(argv[3], 'error')) withError = true;
    else fail(E.UNBLOCK_REASON);
  }
  const id = argLL(argv[2]);
  const target = c.server.clients.get(id);
  if (target === undefined) return ZERO;
  return c.server.blocking.unblockByRequest(target, withError) ? ONE : ZERO;
}

/** CLIENT PAUSE timeout [WRITE|ALL]: the mode is checked before the timeout (whole ms). */
function clientPause(c: Client): Reply {
  const argv = c.argv;
  if (argv.length > 4) tooManyArguments(c);
  let type: 'write' | 'all' = 'all';
  if (argv.length === 4) {
    if (eqi(argv[3], 'write')) type = 'write';
    else if (eqi(argv[3], 'all')) type = 'all';
    else fail(E.PAUSE_MODE);
  }
  const end = argTimeout(c, argv[2], 'ms');
  c.server.blocking.pause(end, type);
  return OK;
}

function clientUnpause(c: Client): Reply {
  c.server.blocking.unpause();
  return OK;
}

export const clientBlockingCommands: Record<string, Handler> = {
  'client|unblock': clientUnblock,
  'client|pause': clientPause,
  'client|unpause': clientUnpause,
};
