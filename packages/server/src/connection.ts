// One RESP connection: a socket, its Client session and its request parser.
// Each read is parsed and executed in order, and all replies produced by one
// read go out in a single socket write (as Redis batches a client's output
// buffer until the event loop writes it).
import type { Socket } from 'node:net';
import { type Client, type Reply, type RedisServer, encode } from '@redmoon/core';
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

export class Connection {
  readonly client: Client;
  private readonly parser = new RespParser();
  private readonly limits: ParseLimits = { protoMaxBulkLen: 0, authRequired: false };
  /** Replies and pushes produced while handling the current read, not yet written. */
  private out = '';
  private handlingInput = false;
  private closed = false;

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
    // Killing itself, a client still gets its reply (Redis sets CLOSE_AFTER_REPLY).
    c.onKill = () => {
      if (this.handlingInput) c.closeAfterReply = true;
      else this.destroy();
    };
    this.client = c;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => { if (!this.closed) socket.resume(); });
    // A reset by the peer is an ordinary disconnection; 'close' follows.
    socket.on('error', () => {});
    socket.on('close', () => {
      this.closed = true;
      server.removeClient(c);
      onClose();
    });
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    const c = this.client;
    const server = this.server;
    const parser = this.parser;
    const limits = this.limits;
    parser.push(chunk);
    c.queryBufLen = parser.pendingBytes;
    this.handlingInput = true;
    for (;;) {
      limits.protoMaxBulkLen = server.config.protoMaxBulkLen;
      limits.authRequired = !c.authenticated;
      const argv = parser.next(limits);
      if (argv === null) break;
      const modeBefore = c.replyMode;
      const reply = server.execute(c, argv);
      if (modeBefore === 'on' && c.replyMode === 'on') this.out += encode(reply, c.resp);
      else this.applyReplyMode(modeBefore, reply);
      if (c.closeAfterReply) break;
    }
    this.handlingInput = false;
    if (parser.error !== null && !c.closeAfterReply) {
      // Redis replies to a protocol error even with CLIENT REPLY OFF, then closes.
      this.out += `-${parser.error}\r\n`;
      c.closeAfterReply = true;
    }
    c.queryBufLen = parser.pendingBytes;
    this.flush();
    if (c.closeAfterReply) this.close();
  }

  /**
   * CLIENT REPLY OFF|SKIP (Redis's CLIENT_REPLY_OFF / CLIENT_REPLY_SKIP flags):
   * OFF drops every reply until CLIENT REPLY ON (whose +OK is sent); SKIP drops
   * its own reply and the next command's, unless that command switches the mode.
   */
  private applyReplyMode(modeBefore: Client['replyMode'], reply: Reply): void {
    const c = this.client;
    const modeAfter = c.replyMode;
    if (modeAfter === 'on') {
      this.out += encode(reply, c.resp);
      return;
    }
    if (modeAfter === 'skip' && modeBefore === 'skip' && !this.repeatedSkip(reply)) {
      // The skipped command has run: replies resume with the next one.
      c.replyMode = 'on';
    }
  }

  /** True when the command just run was itself a successful CLIENT REPLY SKIP. */
  private repeatedSkip(reply: Reply): boolean {
    return reply.t !== 'error' && this.client.lastCmd?.fullname === 'client|reply';
  }

  /** An out-of-band reply (pub/sub message, invalidation). */
  private push(r: Reply): void {
    if (this.closed) return;
    this.out += encode(r, this.client.resp);
    if (!this.handlingInput) this.flush();
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

  /** Close after the pending output is sent (QUIT, protocol errors). */
  private close(): void {
    this.closed = true;
    this.socket.pause();
    this.socket.end();
  }

  /** Drop the connection at once (CLIENT KILL, server shutdown). */
  destroy(): void {
    this.closed = true;
    this.socket.destroy();
  }
}
