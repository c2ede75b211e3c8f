// The differential case format. A case is a short list of commands sent, in
// order, on one fresh connection to real redis-server 7.0.15 and to redmoon,
// after FLUSHALL on both; each reply's raw bytes must be identical.

/** One command: argv strings are binary (latin1: one char per byte). */
export type Cmd = string[];

export interface Step {
  cmd: Cmd;
  /**
   * Sort the elements of the (array/set/map) reply before comparing. Only where
   * Redis documents the order as undefined (SMEMBERS, KEYS, HGETALL on a hashtable...).
   * 'pairs' sorts a flat [k, v, k, v] array (or a map) by pair. 'deep' also sorts
   * every nested aggregate (SCAN's [cursor, [keys]]).
   */
  sort?: true | 'pairs' | 'deep';
  /** Compare only the reply's shape (type, and length for aggregates), not its bytes. */
  shape?: true;
  /** Don't compare this reply at all (e.g. a setup step with a time-dependent reply). */
  ignore?: true;
  /**
   * Integer replies may differ by up to this much (TTL/PTTL/EXPIRETIME after a
   * relative expire); negative replies (-1, -2) must still be equal.
   */
  near?: number;
  /**
   * How many replies the command produces (default 1): 0 for CLIENT REPLY OFF|SKIP
   * and the commands they silence, 2 for SUBSCRIBE a b ...
   */
  replies?: number;
}

export interface Case {
  name: string;
  /** Commands or steps, sent in order on one connection. */
  cmds: (Cmd | Step)[];
  /** Speak RESP3 (HELLO 3 is sent first, its reply not compared). */
  resp3?: true;
  /** redis.conf-style parameters applied with CONFIG SET before the case (and reset after). */
  config?: Record<string, string>;
  /**
   * Commands run on both servers after the case (replies not compared), to undo
   * state that FLUSHALL keeps: FUNCTION FLUSH, SCRIPT FLUSH, ACL DELUSER ...
   */
  cleanup?: Cmd[];
}
