// The one reply model (DESIGN.md decision 2). Handlers return these; each has
// exactly one encoder per target: RESP2 wire, RESP3 wire, Lua, plain JS.
// All strings are binary "latin1" strings: one char code per byte.

export type Reply =
  | SimpleReply
  | ErrorReply
  | IntReply
  | BulkReply
  | NullReply
  | NullArrayReply
  | ArrayReply
  | MapReply
  | SetReply
  | DoubleReply
  | BoolReply
  | BigNumberReply
  | VerbatimReply
  | PushReply;

export interface SimpleReply { readonly t: 'simple'; readonly v: string }
/** v is the full error line without the leading '-', e.g. "ERR syntax error". */
export interface ErrorReply {
  readonly t: 'error';
  readonly v: string;
  /**
   * The error was already counted in INFO errorstats where it arose (a script
   * relaying a redis.call error: Redis's ERR_REPLY_FLAG_NO_STATS_UPDATE); the
   * command still counts as failed.
   */
  readonly counted?: true;
}
export interface IntReply { readonly t: 'int'; readonly v: number | bigint }
export interface BulkReply { readonly t: 'bulk'; readonly v: string }
/** The null bulk string ($-1 in RESP2, _ in RESP3). */
export interface NullReply { readonly t: 'null' }
/** The null array (*-1 in RESP2, _ in RESP3). */
export interface NullArrayReply { readonly t: 'nullarray' }
export interface ArrayReply { readonly t: 'array'; readonly v: Reply[] }
/** A map; RESP2 flattens it into an array of 2N items. */
export interface MapReply { readonly t: 'map'; readonly v: [Reply, Reply][] }
/** A set; RESP2 sends it as an array. */
export interface SetReply { readonly t: 'set'; readonly v: Reply[] }
/**
 * A double; RESP2 sends it as a bulk string. `text` overrides the %.17g form
 * (addReplyHumanLongDouble's "%.17Lf" text, GEOPOS); v is then that text's value.
 */
export interface DoubleReply { readonly t: 'double'; readonly v: number; readonly text?: string }
/** A boolean; RESP2 sends it as :1 / :0. */
export interface BoolReply { readonly t: 'bool'; readonly v: boolean }
/** A big number in decimal; RESP2 sends it as a bulk string. */
export interface BigNumberReply { readonly t: 'bignum'; readonly v: string }
/** Verbatim text with a 3-char format ("txt"/"mkd"); RESP2 sends the text as a bulk string. */
export interface VerbatimReply { readonly t: 'verbatim'; readonly format: string; readonly v: string }
/** An out-of-band push (pub/sub, invalidation); RESP2 sends it as an array. */
export interface PushReply { readonly t: 'push'; readonly v: Reply[] }

export const simple = (v: string): SimpleReply => ({ t: 'simple', v });
export const error = (v: string): ErrorReply => ({ t: 'error', v });
export const int = (v: number | bigint): IntReply => ({ t: 'int', v });
export const bulk = (v: string): BulkReply => ({ t: 'bulk', v });
export const array = (v: Reply[]): ArrayReply => ({ t: 'array', v });
export const map = (v: [Reply, Reply][]): MapReply => ({ t: 'map', v });
export const set = (v: Reply[]): SetReply => ({ t: 'set', v });
export const double = (v: number): DoubleReply => ({ t: 'double', v });
/** A double printed as the given text (v is the value that text parses to). */
export const doubleText = (text: string): DoubleReply => ({ t: 'double', v: Number(text), text });
export const bool = (v: boolean): BoolReply => ({ t: 'bool', v });
export const bignum = (v: string): BigNumberReply => ({ t: 'bignum', v });
export const verbatim = (v: string, format = 'txt'): VerbatimReply => ({ t: 'verbatim', format, v });
export const push = (v: Reply[]): PushReply => ({ t: 'push', v });
export const bulks = (vs: readonly string[]): ArrayReply => ({ t: 'array', v: vs.map(bulk) });
/** A bulk string, or the null bulk when v is undefined/null. */
export const bulkOrNull = (v: string | undefined | null): BulkReply | NullReply => (v == null ? NULL : bulk(v));

// Preallocated constants for hot paths.
export const OK: SimpleReply = simple('OK');
export const QUEUED: SimpleReply = simple('QUEUED');
export const PONG: SimpleReply = simple('PONG');
export const NULL: NullReply = { t: 'null' };
export const NULL_ARRAY: NullArrayReply = { t: 'nullarray' };
export const EMPTY_ARRAY: ArrayReply = array([]);
export const ZERO: IntReply = int(0);
export const ONE: IntReply = int(1);
export const NEG_ONE: IntReply = int(-1);
export const NEG_TWO: IntReply = int(-2);

const smallInts: IntReply[] = Array.from({ length: 256 }, (_, i) => int(i));
/** An integer reply, shared for small values. */
export function intReply(n: number | bigint): IntReply {
  return typeof n === 'number' && n >= 0 && n < 256 && Number.isInteger(n) ? smallInts[n] : int(n);
}

export const isError = (r: Reply): r is ErrorReply => r.t === 'error';
