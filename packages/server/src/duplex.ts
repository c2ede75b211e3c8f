// In-memory RESP connections (DESIGN.md decision 9): a real client library talks
// to a RedisServer through a Duplex stream instead of a socket. The server side of
// each connection is the same Connection class that serves TCP sockets, so
// pipelining, blocking commands, pub/sub pushes, CLIENT KILL, QUIT and suspended
// scripts behave exactly as over TCP.
//
// Timing: what the client writes is handed to the server in a microtask, all the
// writes of one synchronous burst (a pipeline) as one read; the replies come back
// in the same microtask as one 'data' chunk. Clients such as ioredis write a
// command before they queue its callback, so a reply must never arrive inside
// write() itself; a microtask is the cheapest hop that guarantees it.
import { EventEmitter } from 'node:events';
import { Duplex } from 'node:stream';
import type { RedisServer } from '@redmoon/core';
import { Connection, type ConnectionSocket } from './connection.ts';
import { fdAllocatorFor } from './tcp-server.ts';

/** What the server side writes to: the client end of the pair. */
export interface InMemoryPeer {
  /** Bytes the server sent. */
  receive(chunk: Buffer): void;
  /** The server closed the connection after sending its output (QUIT, protocol error). */
  serverEnded(): void;
  /** The server dropped the connection at once (CLIENT KILL, shutdown). */
  serverDestroyed(): void;
}

export interface InMemoryAddress {
  /** The address CLIENT LIST shows for the client (default 127.0.0.1 and a port counted from 40000). */
  remoteAddress?: string;
  remotePort?: number;
  /** The address the client "connected to" (default 127.0.0.1:6379). */
  localAddress?: string;
  localPort?: number;
}

let nextEphemeralPort = 40000;

/**
 * The server's side of an in-memory connection: a socket look-alike for
 * Connection. Writes go straight to the peer; 'close' is emitted on a later
 * tick, as a socket's is, so a CLIENT KILL that destroys another connection
 * never removes a client while the server iterates its clients.
 */
export class ServerEnd extends EventEmitter {
  readonly writableLength = 0;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly localAddress: string;
  readonly localPort: number;
  private closed = false;
  /** The server-side connection (its `client` is the session's Client). */
  connection!: Connection;

  constructor(private readonly peer: InMemoryPeer, addr: InMemoryAddress = {}) {
    super();
    this.remoteAddress = addr.remoteAddress ?? '127.0.0.1';
    this.remotePort = addr.remotePort ?? nextEphemeralPort++;
    if (nextEphemeralPort > 65535) nextEphemeralPort = 40000;
    this.localAddress = addr.localAddress ?? '127.0.0.1';
    this.localPort = addr.localPort ?? 6379;
  }

  /** Connection's output. */
  write(chunk: Buffer): boolean {
    if (!this.closed) this.peer.receive(chunk);
    return true;
  }

  /** The server closes after its output: the client reads EOF. */
  end(): this {
    if (this.closed) return this;
    this.peer.serverEnded();
    this.close();
    return this;
  }

  destroy(): this {
    if (this.closed) return this;
    this.peer.serverDestroyed();
    this.close();
    return this;
  }

  // Flow control: the peer buffers whatever it is sent, so there is nothing to pause.
  pause(): this { return this; }
  resume(): this { return this; }

  /** Input from the client. */
  deliver(chunk: Buffer): void {
    if (!this.closed) this.emit('data', chunk);
  }

  /** The connection is gone (either side): the server forgets the client on the next tick. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    process.nextTick(() => this.emit('close', false));
  }

  get isClosed(): boolean {
    return this.closed;
  }
}

/** Attach a new server-side Connection for `peer`. */
export function attachInMemory(server: RedisServer, peer: InMemoryPeer, addr?: InMemoryAddress): ServerEnd {
  const end = new ServerEnd(peer, addr);
  const fds = fdAllocatorFor(server);
  const fd = fds.take();
  // ServerEnd has every member Connection uses; EventEmitter's `on` stands in for Socket's overloads.
  const socket = end as unknown as ConnectionSocket;
  end.connection = new Connection(server, socket, fd, () => fds.release(fd));
  server.startTimers();
  return end;
}

/**
 * The client's side: a Duplex that looks enough like a connected net.Socket for
 * client libraries (connecting, setNoDelay, setKeepAlive, addresses).
 */
export class InMemorySocket extends Duplex implements InMemoryPeer {
  readonly connecting = false;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly localAddress: string;
  readonly localPort: number;
  private readonly server: ServerEnd;
  private pending: Buffer[] = [];
  private scheduled = false;
  private idleMs = 0;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(redis: RedisServer, addr: InMemoryAddress = {}) {
    // Like a socket whose peer closed: when the server ends, our side ends too.
    super({ allowHalfOpen: false });
    this.server = attachInMemory(redis, this, addr);
    this.remoteAddress = this.server.localAddress;
    this.remotePort = this.server.localPort;
    this.localAddress = this.server.remoteAddress;
    this.localPort = this.server.remotePort;
  }

  /**
   * The hot path: a write while the stream is open goes straight to the pending
   * input, without Writable's per-write bookkeeping and its nextTick (nothing is
   * ever buffered on this side, so there is no back-pressure to track). Writes
   * after end() or destroy() take Writable's path, which reports the error.
   */
  override write(chunk: unknown, encoding?: BufferEncoding | ((err?: Error | null) => void), cb?: (err?: Error | null) => void): boolean {
    if (this.writableEnded || this.destroyed || this.writableCorked !== 0) {
      return super.write(chunk, encoding as BufferEncoding, cb);
    }
    if (typeof chunk === 'string') {
      this.enqueue(Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
    } else if (chunk instanceof Uint8Array) {
      this.enqueue(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    } else {
      return super.write(chunk, encoding as BufferEncoding, cb);
    }
    const done = typeof encoding === 'function' ? encoding : cb;
    if (done) process.nextTick(done);
    return true;
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.enqueue(chunk);
    cb();
  }

  override _writev(chunks: { chunk: Buffer }[], cb: (err?: Error | null) => void): void {
    for (const c of chunks) this.enqueue(c.chunk);
    cb();
  }

  private enqueue(chunk: Buffer): void {
    this.touch();
    this.pending.push(chunk);
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.flushToServer());
    }
  }

  override _read(): void {
    // Data is pushed as the server writes it.
  }

  /** The client half-closed (end()): what it wrote is still served, then the server closes. */
  override _final(cb: (err?: Error | null) => void): void {
    this.flushToServer();
    // Redis closes a connection when it reads EOF: our readable side ends too.
    if (!this.server.isClosed) {
      this.server.close();
      this.push(null);
    }
    cb();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.pending = [];
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.server.close();
    cb(err);
  }

  private flushToServer(): void {
    this.scheduled = false;
    const chunks = this.pending;
    if (chunks.length === 0) return;
    this.pending = [];
    this.server.deliver(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
  }

  receive(chunk: Buffer): void {
    this.touch();
    // Flowing with nothing buffered: Readable.push would emit 'data' right away; do it without its bookkeeping.
    if (this.readableFlowing === true && this.readableLength === 0 && !this.destroyed) this.emit('data', chunk);
    else this.push(chunk);
  }

  serverEnded(): void {
    this.push(null);
  }

  serverDestroyed(): void {
    this.destroy();
  }

  // Socket options a client library may set; they mean nothing in memory.
  setNoDelay(): this { return this; }
  setKeepAlive(): this { return this; }
  /** net.Socket's idle timeout: 'timeout' after ms without traffic either way (0 disables). */
  setTimeout(ms: number, onTimeout?: () => void): this {
    this.idleMs = ms;
    if (onTimeout) this.once('timeout', onTimeout);
    this.touch();
    return this;
  }

  private touch(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.idleMs > 0 && !this.destroyed) {
      this.idleTimer = setTimeout(() => this.emit('timeout'), this.idleMs);
      this.idleTimer.unref();
    }
  }

  ref(): this { return this; }
  unref(): this { return this; }
}

/** Open an in-memory RESP connection to `redis`. */
export function connectInMemory(redis: RedisServer, addr?: InMemoryAddress): InMemorySocket {
  return new InMemorySocket(redis, addr);
}
