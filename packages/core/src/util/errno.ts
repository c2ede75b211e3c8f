// The one piece of the C library's errno that Redis replies depend on: whether
// it holds ERANGE. SORT tests `errno == ERANGE` after strtod without clearing
// errno first, so it sees whatever the last parser left there: Redis's checked
// parsers (string2d, getDoubleFromObject, string2ld, the SCAN cursor's strtoul)
// set errno = 0 and then let strto* set ERANGE on overflow or underflow (an
// inexact subnormal double included, even when the value is accepted), and
// accepting a connection leaves EAGAIN. Redis 7.0.15 behaves exactly so: one
// SCAN with a 2^64 cursor makes the next SORT of "1.5" fail.
//
// errno belongs to the process, here to the server: RedisServer.call() makes
// its own Errno the current one before each command.

export class Errno {
  erange = false;
}

let current = new Errno();

export function useErrno(e: Errno): void {
  current = e;
}

/** errno = 0, as the checked parsers do before calling strto*. */
export function clearErrno(): void {
  current.erange = false;
}

/** strto* reported ERANGE. */
export function setErange(): void {
  current.erange = true;
}

export const errnoIsErange = (): boolean => current.erange;
