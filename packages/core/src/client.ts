// A client session: what Redis keeps in `client`. Transports create one per
// connection; the in-process API creates them on demand.
import type { BlockedState } from './blocking.ts';
import type { Db } from './db.ts';
import type { MultiState, WatchedKey } from './multi.ts';
import { ClientSubscriptions } from './pubsub.ts';
import type { TrackingState } from './tracking.ts';
import type { Reply } from './reply.ts';
import type { CommandEntry } from './table/table.ts';
import type { RespVersion } from './resp/encode.ts';
import type { RedisServer } from './server.ts';

export type ReplyMode = 'on' | 'off' | 'skip';

export class Client {
  argv: string[] = [];
  /** The command being executed (set by dispatch before the handler runs). */
  cmd: CommandEntry | null = null;
  /** The last command executed, for CLIENT LIST cmd=. */
  lastCmd: CommandEntry | null = null;
  db: Db;
  resp: RespVersion = 2;
  name = '';
  user = 'default';
  authenticated: boolean;
  readonly createdAt: number;
  lastInteraction: number;
  /**
   * CLIENT REPLY state (Redis's CLIENT_REPLY_OFF / _SKIP_NEXT / _SKIP flags). A
   * transport applies it around every command, exactly so:
   *
   *   c.skipCurrentReply = c.replyMode === 'skip';   // the SKIP_NEXT -> SKIP promotion
   *   if (c.skipCurrentReply) c.replyMode = 'on';
   *   const reply = server.execute(c, argv);
   *   if (c.replyMode === 'on' && !c.skipCurrentReply) write(encode(reply, c.resp));
   *
   * So CLIENT REPLY OFF and SKIP get no reply themselves, SKIP drops the next
   * command's reply only, and CLIENT REPLY ON (which clears skipCurrentReply)
   * answers OK even right after a SKIP, as Redis does. Push messages (pub/sub
   * confirmations and messages, delivered through onPush) are NOT suppressed:
   * 7.0.15 delivers them under OFF and SKIP too, in RESP2 as well.
   */
  replyMode: ReplyMode = 'on';
  skipCurrentReply = false;
  /** Set by QUIT / CLIENT KILL / protocol errors: the transport closes after flushing. */
  closeAfterReply = false;
  noEvict = false;
  /** Transport facts for CLIENT LIST / INFO. */
  addr = '';
  laddr = '';
  fd = -1;
  /** Bytes pending in the transport (qbuf, omem); transports update them. */
  queryBufLen = 0;
  outputBufLen = 0;
  /** Set when a handler rewrote the command for propagation (EXPIRE -> PEXPIREAT, ...). */
  rewrittenArgv: string[] | null = null;
  /** Set by a handler to stop its own command from being propagated. */
  preventPropagation = false;
  /** Set by a handler to propagate its command even though it changed nothing (Redis's forceCommandPropagation). */
  forcePropagation = false;
  /**
   * The client Lua scripts run their commands on (Redis's CLIENT_SCRIPT): commands
   * refuse to block for it (XREAD ... BLOCK: "... is not allowed with BLOCK option from scripts").
   */
  isScript = false;
  /** Set while EXEC runs the queued commands (Redis's CLIENT_MULTI during execCommand): blocking commands do not block. */
  inExec = false;
  /** What this client is blocked on (blocking.ts: BLPOP & co., CLIENT PAUSE), null when it is not. */
  blocked: BlockedState | null = null;
  /**
   * Set by the transport: receives the late reply of a command that returned
   * BLOCKED (served, timed out, CLIENT UNBLOCK, or run after CLIENT UNPAUSE).
   * The client's further input waits until it is called.
   */
  onUnblocked: ((r: Reply) => void) | null = null;
  /**
   * Set by the transport: the command CLIENT PAUSE held is released; the
   * transport executes it (server.execute) and then the rest of its input, at
   * once. Without it the server executes the command and calls onUnblocked.
   */
  onReleased: ((argv: string[]) => void) | null = null;
  /** Between MULTI and EXEC/DISCARD: the queued commands (multi.ts); null otherwise. */
  multi: MultiState | null = null;
  /** The keys this client WATCHes (multi.ts WatchRegistry). */
  watchedKeys: WatchedKey[] = [];
  /** A watched key was modified (Redis's CLIENT_DIRTY_CAS): EXEC answers a null array. */
  dirtyCas = false;
  /** Channels, patterns and shard channels this client is subscribed to (pubsub.ts). */
  readonly subscriptions = new ClientSubscriptions();
  /** CLIENT TRACKING mode (tracking.ts), null when tracking is off. */
  tracking: TrackingState | null = null;
  /**
   * Pushes that must follow the reply of the command just executed (invalidations
   * of keys the client changed itself, as 7.0.15 defers them): a transport writes
   * them, and empties this, right after writing the reply.
   */
  readonly pushesAfterReply: Reply[] = [];
  /** Called by the server to deliver out-of-band replies (pub/sub, invalidation). */
  onPush: ((r: Reply) => void) | null = null;
  /** Called by the server when this client is killed (CLIENT KILL). */
  onKill: (() => void) | null = null;

  /** Redis's CLIENT_DENY_BLOCKING: scripts and EXEC run blocking commands as non-blocking. */
  get denyBlocking(): boolean {
    return this.isScript || this.inExec;
  }

  constructor(
    readonly server: RedisServer,
    readonly id: number,
    db: Db,
    now: number,
  ) {
    this.db = db;
    this.createdAt = now;
    this.lastInteraction = now;
    this.authenticated = !server.requiresAuth();
  }

  /** Replace the argv that will be propagated for this command (Redis's rewriteClientCommandVector). */
  rewriteArgv(argv: string[]): void {
    this.rewrittenArgv = argv;
  }
}
