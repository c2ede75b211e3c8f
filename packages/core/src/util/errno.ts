// The one piece of the C library's errno that Redis replies depend on. SORT
// tests `errno == ERANGE` after strtod without clearing errno first, so once a
// score overflows or underflows, every later numeric SORT of a non-integer
// value fails too, until something resets errno: parsing a double the checked
// way (string2d, getDoubleFromObject and string2ld all set errno = 0 first), or
// accepting a connection (the accept loop stops on EAGAIN). Redis 7.0.15 does
// exactly this; SORT (commands/sort.ts) keeps the ERANGE state per server and
// compares it against the generation counter below.

let generation = 0;

/** errno = 0, as the checked double parsers do. */
export function clearErrno(): void {
  generation++;
}

/** Changes whenever errno is cleared: a stored ERANGE is stale once this moves. */
export const errnoGeneration = (): number => generation;
