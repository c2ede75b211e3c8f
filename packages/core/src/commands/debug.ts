// DEBUG (debug.c): the subcommands with an in-process meaning. DEBUG is a
// protected command, refused by dispatch unless enable-debug-command allows it
// (a startup-only option, "no" by default as in 7.0.15).
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { type Reply, OK } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { asciiLower } from '../util/parse.ts';
import { helpReply } from './help.ts';

/** strtod on a prefix, as DEBUG SLEEP reads its argument: "0.5s" is 0.5, "x" is 0. */
function strtodPrefix(s: string): number {
  const m = /^[\t\n\v\f\r ]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(s);
  return m === null ? 0 : Number(m[0]);
}

/** atoi: optional space and sign, then leading digits; 0 when there are none. */
function atoi(s: string): number {
  const m = /^[\t\n\v\f\r ]*[+-]?\d+/.exec(s);
  return m === null ? 0 : Number(m[0]) | 0;
}

/**
 * Block the calling thread for `ms` milliseconds: DEBUG SLEEP stops the whole
 * server, as in Redis. Atomics.wait sleeps without spinning in Node and in
 * workers; where it is not allowed (a browser's main thread, or no
 * SharedArrayBuffer without cross-origin isolation) the wait spins on Date.now().
 */
function blockFor(ms: number): void {
  if (typeof SharedArrayBuffer === 'function') {
    try {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      return;
    } catch (e) {
      if (!(e instanceof TypeError)) throw e; // TypeError: Atomics.wait is not allowed on this thread
    }
  }
  const end = Date.now() + ms;
  while (Date.now() < end) { /* spin: nothing else may run while the server sleeps */ }
}

/**
 * DEBUG SLEEP <seconds>: real time passes; a frozen ControlledClock stays where
 * it is (a test that froze time decides itself when time moves). Negative or
 * non-finite durations return at once, as nanosleep's EINVAL does.
 */
function debugSleep(c: Client): Reply {
  const usec = Math.trunc(strtodPrefix(c.argv[2]) * 1e6);
  if (Number.isFinite(usec) && usec > 0) blockFor(usec / 1000);
  return OK;
}

function debug(c: Client): Reply {
  const argv = c.argv;
  const sub = asciiLower(argv[1]);
  if (sub === 'help' && argv.length === 2) return helpReply('DEBUG');
  if (sub === 'sleep' && argv.length === 3) return debugSleep(c);
  if (sub === 'set-active-expire' && argv.length === 3) {
    c.server.config.activeExpireEnabled = atoi(argv[2]) !== 0;
    return OK;
  }
  return fail(E.SUBCOMMAND_SYNTAX(argv[1], 'DEBUG'));
}

export const debugCommands: Record<string, Handler> = { debug };
