// Redis's error strings, verbatim (DESIGN.md decision 5). Copied from the
// replies of redis-server 7.0.15; never edit one without checking the server.
import type { ErrorReply } from './reply.ts';

/** Thrown by handlers and argument parsers; dispatch turns it into the error reply. */
export class CommandError extends Error {
  constructor(readonly reply: string) {
    super(reply);
  }
}

export const E = {
  SYNTAX: 'ERR syntax error',
  WRONGTYPE: 'WRONGTYPE Operation against a key holding the wrong kind of value',
  NOT_INTEGER: 'ERR value is not an integer or out of range',
  NOT_FLOAT: 'ERR value is not a valid float',
  OVERFLOW: 'ERR increment or decrement would overflow',
  NO_SUCH_KEY: 'ERR no such key',
  OUT_OF_RANGE: 'ERR index out of range',
  INVALID_DB: 'ERR DB index is out of range',
  INVALID_EXPIRE: (cmd: string) => `ERR invalid expire time in '${cmd}' command`,
  NOAUTH: 'NOAUTH Authentication required.',
  WRONGPASS: 'WRONGPASS invalid username-password pair or user is disabled.',
  AUTH_NO_PASSWORD:
    'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
  UNKNOWN_COMMAND: (name: string, args: string) =>
    `ERR unknown command '${name}', with args beginning with: ${args}`,
  UNKNOWN_SUBCOMMAND: (sub: string, container: string) =>
    `ERR unknown subcommand '${sub}'. Try ${container} HELP.`,
  WRONG_ARITY: (fullname: string) => `ERR wrong number of arguments for '${fullname}' command`,
  STRING_TOO_LONG: 'ERR string exceeds maximum allowed size (proto-max-bulk-len)',
  NAN_OR_INF: 'ERR increment would produce NaN or Infinity',
  BIT_OFFSET: 'ERR bit offset is not an integer or out of range',
  SAME_OBJECT: 'ERR source and destination objects are the same',
} as const;

export const errorReply = (v: string): ErrorReply => ({ t: 'error', v });

/** Throw a Redis error; `never` so handlers can `return fail(...)` or use it in expressions. */
export function fail(msg: string): never {
  throw new CommandError(msg);
}
