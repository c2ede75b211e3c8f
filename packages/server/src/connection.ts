// One RESP connection: a socket, its Client session and its request parser.
// Each read is parsed and executed in order, and all replies produced by one
// read go out in a single socket write (as Redis batches a client's output
// buffer until the event loop writes it).
import type { Socket } from 'node:net';
import { BLOCKED, type Client, type Reply, type RedisServer, encode, error } from '@redmoon/core';
import { executeSuspendable, ScriptSuspended, setPendingRepliesProbe } from '@redmoon/lua';
import { debugSessionMode, heldBySyncDebugger, LdbWire } from './ldb.ts';
import { OutputBufferGuard, queryBufferExceeded } from './limits.ts';
import { type ParseLimits, RespParser } from './resp-parser.ts';

/**
 * Stop reading from a client whose unsent output exceeds this, until the socket
 * drains: a client that pipelines without reading cannot grow our memory.
 */
const OUTPUT_HIGH_WATER = 4 * 1024 * 1024;

/** The socket-facing side a connection needs (net.Socket, or a stand-in in tests). */
export type ConnectionSocket = Pick<
  Socket,
  'on' | 'write' | 'end' | 'destroy' | 'pause' | 'resume' | 'writableLength' | 'remoteAddress' | 'remotePort' | 'localAddress' | 'localPort'
>;

/** "ip:port", with IPv6 addresses in brackets (anetFormatAddr). */
export function formatAddr(ip: string | undefined, port: number | undefined): string {
  const host = ip ?? '?';
  return host.includes(':') ? `[${host}]:${port ?? 0}` : `${host}:${port ?? 0}`;
}

/**
 * CLIENT REPLY, applied as documented on Client.replyMode. A push reply (the
 * confirmation a SUBSCRIBE answers with) is written in every mode, as Redis
 * writes pub/sub confirmations with CLIENT_PUSHING.
 */
function wantsReply(c: Client, reply: Reply): boolean {
  return (c.replyMode === 'on' && !c.skipCurrentReply) || reply.t === 'push';
}

/**
 * One message goes to many subscribers as the same Reply object: its wire form
 * is computed once per protocol version.
 */
let lastPush: Reply | null = null;
const lastPushWire: [string, string] = ['', ''];
function encodePush(r: Reply, resp: 2 | 3): string {
  if (r !== lastPush) {
    lastPush = r;
    lastPushWire[0] = '';
    lastPushWire[1] = '';
  }
  const i = resp - 2;
  if (lastPushWire[i] === '') lastPushWire[i] = encode(r, resp);
  return lastPushWire[i];
}

export class Connection {
  readonly client: Client;
  private readonly parser = new RespParser();
  private readonly limits: ParseLimits = { protoMaxBulkLen: 0, authRequired: false };
  /** Replies and pushes produced while handling the current read, not yet written. */
  private out = '';
  private handlingInput = false;
  /** A flush of pushed output is queued (see push). */
  private flushQueued = false;
  /** Pushes to this client while its EXEC runs, with the index of the queued command that sent them. */
  private execPushes: [number, Reply][] | null = null;
  private closed = false;
  /**
   * The command whose script suspended past busy-reply-threshold: it is executed
   * again (resuming the script) after the event loop has served other sockets,
   * and this client's further input waits behind it, as a blocked Redis client's.
   */
  private suspendedArgv: string[] | null = null;
  /**
   * The last command returned BLOCKED (BLPOP & co., or held by CLIENT PAUSE):
   * further input waits in the parser until c.onUnblocked brings the reply.
   */
  private blocked = false;
  /** The Lua debugging session that took this connection over (SCRIPT DEBUG, then EVAL). */
  private ldb: LdbWire | null = null;
  /** Go on with the input held while another connection's SYNC debugging session ran. */
  private readonly resumeInput = (): void => { if (!this.closed && this.suspendedArgv === null && !this.blocked) this.processInput(); };
  private readonly outputGuard: OutputBufferGuard;

  constructor(
    private readonly server: RedisServer,
    private readonly socket: ConnectionSocket,
    fd: number,
    onClose: () => void,
  ) {
    const c = server.createClient();
    c.addr = formatAddr(socket.remoteAddress, socket.remotePort);
    c.laddr = formatAddr(socket.localAddress, socket.localPort);
    c.fd = fd;
    c.onPush = (r) => this.push(r);
    server.deferToBeforeSleep ??= (fn) => setImmediate(fn);
    c.onUnblocked = (r) => this.unblocked(r);
    c.onReleased = (argv) => this.runHeld(argv);
    // SCRIPT DEBUG refuses to start behind replies not yet written (clientHasPendingReplies).
    setPendingRepliesProbe(c, () => this.out !== '' || socket.writableLength > 0);
    // Killing itself, a client still gets its reply (Redis sets CLOSE_AFTER_REPLY).
    c.onKill = () => {
      if (this.handlingInput) c.closeAfterReply = true;
      else this.destroy();
    };
    this.client = c;
    this.outputGuard = new OutputBufferGuard(c);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => { if (!this.closed) socket.resume(); });
    // A reset by the peer is an ordinary disconnection; 'close' follows.
    socket.on('error', () => {});
    socket.on('close', () => {
      this.closed = true;
      this.ldb?.disconnected();
      server.removeClient(c);
      onClose();
    });
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    const c = this.client;
    if (c.closeAfterReply) return; // waiting to close, or stuck (see finishInput)
    if (this.ldb !== null) {
      this.ldb.feed(chunk.toString('latin1'));
      return;
    }
    this.parser.push(chunk);
    c.queryBufLen = this.parser.pendingBytes;
    if (queryBufferExceeded(this.server, c.queryBufLen)) {
      this.destroy();
      return;
    }
    if (this.suspendedArgv === null && !this.blocked && !heldBySyncDebugger(this.server, this.resumeInput)) this.processInput();
  }

  /** Execute the parsed commands in order, until the input runs out or a script suspends. */
  private processInput(): void {
    const c = this.client;
    const parser = this.parser;
    const limits = this.limits;
    this.handlingInput = true;
    for (;;) {
      limits.protoMaxBulkLen = this.server.config.protoMaxBulkLen;
      limits.authRequired = !c.authenticated;
      const argv = parser.next(limits);
      if (argv === null) break;
      const debugMode = debugSessionMode(c, argv);
      if (debugMode !== null) {
        this.startDebugging(argv, debugMode);
        return;
      }
      // CLIENT REPLY, applied exactly as documented on Client.replyMode.
      const skip = c.replyMode === 'skip';
      c.skipCurrentReply = skip;
      if (skip) c.replyMode = 'on';
      const reply = this.execute(argv);
      if (reply === null) return;
      if (reply === BLOCKED) {
        this.waitUnblocked();
        return;
      }
      this.writeReply(reply);
      // Closed for its output buffer limit: Redis executes nothing more (CLIENT_CLOSE_ASAP).
      if (this.closed) return;
      if (c.closeAfterReply) break;
    }
    this.handlingInput = false;
    if (parser.error !== null && !c.closeAfterReply) {
      // The error is a reply like any other: CLIENT REPLY OFF/SKIP silences it.
      if (c.replyMode === 'on') this.out += `-${parser.error}\r\n`;
      c.closeAfterReply = true;
    }
    c.queryBufLen = parser.pendingBytes;
    this.finishInput();
  }

  /**
   * Execute one command; null when a script it ran suspended: what earlier
   * commands produced goes out now, and resumeScript goes on once the event
   * loop has turned (other sockets get BUSY and may send SCRIPT KILL).
   */
  private execute(argv: string[]): Reply | null {
    try {
      return executeSuspendable(this.server, this.client, argv);
    } catch (e) {
      // An engine failure (a JS limit, a bug) must not take the server down with
      // every other client: this client gets an error reply and the server goes on.
      if (!(e instanceof ScriptSuspended)) return error(`ERR redmoon internal error: ${String((e as Error)?.message ?? e).replace(/[\r\n]+/g, ' ')}`);
      this.suspendedArgv = argv;
      this.handlingInput = false;
      if (!this.closed) this.flush();
      setImmediate(() => this.resumeScript());
      return null;
    }
  }

  /** The client blocked: what earlier commands produced goes out, the rest of the input waits. */
  private waitUnblocked(): void {
    this.blocked = true;
    this.handlingInput = false;
    this.client.queryBufLen = this.parser.pendingBytes;
    this.flush();
  }

  /**
   * The late reply of the blocked command is written at once; the input that
   * waited behind it runs after the current task (Redis's processUnblockedClients
   * in beforeSleep), not inside the command that unblocked this client.
   */
  private unblocked(r: Reply): void {
    this.blocked = false;
    if (this.closed) return;
    const c = this.client;
    this.writeReply(r);
    if (this.closed) return;
    if (!this.handlingInput) this.flush();
    queueMicrotask(() => {
      if (this.closed || this.blocked || this.handlingInput || this.suspendedArgv !== null) return;
      if (c.closeAfterReply) this.finishInput();
      else this.processInput();
    });
  }

  /** Resume the suspended script; once it replies, go on with this client's input. */
  private resumeScript(): void {
    const argv = this.suspendedArgv!;
    this.suspendedArgv = null;
    this.runHeld(argv);
  }

  /**
   * Execute a command that had to wait (a suspended script resuming, a command
   * CLIENT PAUSE held), then go on with the input behind it.
   */
  private runHeld(argv: string[]): void {
    this.blocked = false;
    const c = this.client;
    this.handlingInput = true;
    const reply = this.execute(argv);
    if (reply === null) return;
    if (reply === BLOCKED) {
      this.waitUnblocked();
      return;
    }
    // A client that left meanwhile still had its script run to the end, as in Redis.
    if (this.closed) return;
    this.writeReply(reply);
    if (this.closed) return;
    this.handlingInput = false;
    if (c.closeAfterReply) this.finishInput();
    else this.processInput();
  }

  /**
   * Write what this read produced. A client flagged to close (QUIT, protocol
   * error, CLIENT KILL of itself) is closed once its output is written; Redis
   * does that only for a client that has output pending, so one that asked for
   * no replies (CLIENT REPLY OFF) stays connected, and is never read again.
   */
  private finishInput(): void {
    const c = this.client;
    const hasOutput = this.out !== '' || this.socket.writableLength > 0;
    this.flush();
    if (c.closeAfterReply && hasOutput) this.close();
  }

  /**
   * An out-of-band reply (pub/sub message, invalidation). Redis 7.0.15 delivers
   * these even under CLIENT REPLY OFF/SKIP (CLIENT_PUSHING), but never to a
   * client that is about to close. Outside this connection's own input they are
   * written once the current task is done, so one PUBLISH batch reaches each
   * subscriber in one socket write, as Redis writes a client's buffer once per
   * event-loop turn.
   */
  private push(r: Reply): void {
    const c = this.client;
    if (this.closed || c.closeAfterReply) return;
    // Inside its own EXEC, Redis writes a push into the EXEC reply as it is built,
    // before the reply of the queued command that caused it.
    const progress = c.inExec ? c.multi?.progress : null;
    if (progress) {
      (this.execPushes ??= []).push([progress.next, r]);
      return;
    }
    this.append(encodePush(r, c.resp));
    if (this.handlingInput || this.flushQueued || this.closed) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      if (!this.closed && !this.handlingInput) this.flush();
    });
  }

  /**
   * A command's reply (as CLIENT REPLY allows), then the pushes that must follow
   * it (invalidations of keys the client changed itself).
   */
  private writeReply(reply: Reply): void {
    const c = this.client;
    if (this.execPushes !== null) this.writeExecReply(reply);
    else if (wantsReply(c, reply)) this.append(encode(reply, c.resp));
    if (c.pushesAfterReply.length === 0) return;
    for (const r of c.pushesAfterReply.splice(0)) this.push(r);
  }

  /**
   * An EXEC reply with the pushes its commands sent this client (SUBSCRIBE's
   * confirmations, messages it published to itself) placed before the reply
   * of the command that caused them; only the pushes under CLIENT REPLY OFF.
   */
  private writeExecReply(reply: Reply): void {
    const c = this.client;
    const pushes = this.execPushes!;
    this.execPushes = null;
    const whole = wantsReply(c, reply);
    if (reply.t !== 'array' || !whole) {
      for (const [, r] of pushes) this.append(encodePush(r, c.resp));
      if (whole) this.append(encode(reply, c.resp));
      return;
    }
    let out = `*${reply.v.length}\r\n`;
    let next = 0;
    for (let i = 0; i < reply.v.length; i++) {
      for (; next < pushes.length && pushes[next][0] <= i; next++) out += encode(pushes[next][1], c.resp);
      out += encode(reply.v[i], c.resp);
    }
    for (; next < pushes.length; next++) out += encode(pushes[next][1], c.resp);
    this.append(out);
  }

  /**
   * Add to the pending output, closing the client at once, with nothing more
   * written, when that takes it over its client-output-buffer-limit (Redis
   * frees such a client before its output buffers are written).
   */
  private append(bytes: string): void {
    this.out += bytes;
    if (this.outputGuard.exceeded(this.out.length + this.socket.writableLength)) {
      this.out = '';
      this.destroy();
    }
  }

  private flush(): void {
    if (this.out === '') return;
    const socket = this.socket;
    socket.write(Buffer.from(this.out, 'latin1'));
    this.out = '';
    const pending = socket.writableLength;
    this.client.outputBufLen = pending;
    if (pending > OUTPUT_HIGH_WATER) socket.pause();
  }

  /** The connection becomes a Lua debugging session; its input goes to it from now on. */
  private startDebugging(argv: string[], mode: 'fork' | 'sync'): void {
    this.handlingInput = false;
    this.flush();
    this.ldb = new LdbWire(this.server, this.client, argv, mode, {
      write: (bytes) => {
        if (this.closed) return;
        this.out += bytes;
        this.flush();
      },
      close: () => this.close(),
    });
  }

  /** Close after the pending output is sent (QUIT, protocol errors). */
  private close(): void {
    this.closed = true;
    this.socket.pause();
    // Once the output is flushed the socket is closed for good, as freeClient
    // does: a paused socket would never read the peer's FIN and never close.
    this.socket.end(() => this.socket.destroy());
  }

  /** Drop the connection at once (CLIENT KILL, server shutdown). */
  destroy(): void {
    this.closed = true;
    this.socket.destroy();
  }
}
