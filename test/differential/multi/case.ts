// The multi-client differential case format. A case opens N connections to real
// redis-server 7.0.15 and to redmoon-server (both over TCP), runs the same steps
// on both, and compares, step by step and connection by connection, every byte
// each connection received (replies, pushes, the connection closing).

export interface MultiCase {
  name: string;
  /** How many connections (default 2), opened in order before the first step, on db 0. */
  clients?: number;
  /** Indexes of connections that send HELLO 3 first (only its success is compared). */
  resp3?: number[];
  /** CONFIG SET before the case (restored after), as in the single-connection format. */
  config?: Record<string, string>;
  steps: MultiStep[];
  /** Commands run on both servers after the case (replies not compared), for state FLUSHALL keeps. */
  cleanup?: string[][];
}

export type MultiStep =
  /**
   * Send cmd on connection c. `blocks`: the command is expected not to reply now
   * (BLPOP, a command under CLIENT REPLY OFF); a subscribed client's SUBSCRIBE
   * counts as replying. `$id<N>` in an argument is replaced by connection N's
   * CLIENT ID on that server. `sort`: every reply received during this step is
   * compared with its top-level elements sorted (only where Redis documents the
   * order as undefined).
   */
  | { c: number; cmd: string[]; blocks?: true; sort?: true }
  /** Wait this many real ms on both servers (timeouts of blocking commands: keep them short). */
  | { sleep: number };
