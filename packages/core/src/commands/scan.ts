// What SCAN, HSCAN, SSCAN and ZSCAN share (db.c parseScanCursorOrReply and the
// option parsing of scanGenericCommand): the cursor, MATCH, COUNT and TYPE.
import { E, fail } from '../errors.ts';
import { type Reply, array, bulk, bulks } from '../reply.ts';
import { clearErrno, setErange } from '../util/errno.ts';
import { argLL, eqi } from '../util/parse.ts';

const ULONG_MAX = 18446744073709551615n;

/**
 * parseScanCursorOrReply: C's strtoul over the argument as a C string (it ends at a
 * NUL byte), rejecting leading whitespace, trailing bytes and ERANGE. strtoul accepts
 * a sign (a negative cursor wraps around) and an empty string (cursor 0).
 */
export function parseScanCursor(arg: string): bigint {
  const nul = arg.indexOf('\0');
  const s = nul < 0 ? arg : arg.slice(0, nul);
  // errno = 0, then strtoul's ERANGE stays for SORT to see (util/errno.ts).
  clearErrno();
  const digits = /^[ \t\n\v\f\r]*[+-]?(\d+)/.exec(s);
  if (digits !== null && BigInt(digits[1]) > ULONG_MAX) setErange();
  if (s.length === 0) return 0n;
  const m = /^([+-]?)(\d+)$/.exec(s);
  if (m === null) fail(E.INVALID_CURSOR);
  const v = BigInt(m[2]);
  if (v > ULONG_MAX) fail(E.INVALID_CURSOR);
  return m[1] === '-' && v !== 0n ? ULONG_MAX + 1n - v : v;
}

export interface ScanOptions {
  count: number;
  /** null when there is no pattern or it is "*" (Redis skips the matching then). */
  pattern: string | null;
  /** SCAN's TYPE filter; never set for the per-key scans. */
  typeName: string | null;
}

/**
 * scanGenericCommand's option loop from argv[start]: COUNT (an integer >= 1), MATCH
 * and, for the keyspace SCAN only, TYPE. Anything else, or an option without its
 * value, is a syntax error.
 */
export function parseScanOptions(argv: readonly string[], start: number, allowType: boolean): ScanOptions {
  const opts: ScanOptions = { count: 10, pattern: null, typeName: null };
  for (let i = start; i < argv.length; i += 2) {
    const hasValue = i + 1 < argv.length;
    if (eqi(argv[i], 'count') && hasValue) {
      opts.count = argLL(argv[i + 1]);
      if (opts.count < 1) fail(E.SYNTAX);
    } else if (eqi(argv[i], 'match') && hasValue) {
      opts.pattern = argv[i + 1] === '*' ? null : argv[i + 1];
    } else if (allowType && eqi(argv[i], 'type') && hasValue) {
      opts.typeName = argv[i + 1];
    } else {
      fail(E.SYNTAX);
    }
  }
  return opts;
}

/** The [cursor, [elements]] reply of every SCAN. */
export function scanReply(cursor: number | bigint, elements: readonly string[]): Reply {
  return array([bulk(String(cursor)), bulks(elements)]);
}

/** The reply to HSCAN/SSCAN/ZSCAN on a missing key (shared.emptyscan). */
export const EMPTY_SCAN: Reply = scanReply(0, []);
