// redmoon over TCP: a net.Server whose every socket is a RESP Connection to one
// shared RedisServer.
import { createServer, type Server, type Socket } from 'node:net';
import type { RedisServer } from '@redmoon/core';
import { Connection } from './connection.ts';
import { refuseConnection } from './limits.ts';

export interface ListenOptions {
  /** 0 picks a free port. Default 6379. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Listen on this Unix socket instead of TCP (port and host are then unused); it is bound before listen() returns. */
  path?: string;
  /** Do not keep the process alive for this listener (net.Server.unref). */
  unref?: boolean;
}

export interface RunningTcpServer {
  readonly port: number;
  readonly host: string;
  /** Stop accepting, drop every connection and stop the server's timers. */
  close(): Promise<void>;
}

/** Client fds in Redis start after the listening sockets; ours are fake but look alike. */
const FIRST_CLIENT_FD = 8;

/** Hands out the lowest free fake fd, as the kernel does with real ones. */
export class FdAllocator {
  private readonly used = new Set<number>();

  take(): number {
    let fd = FIRST_CLIENT_FD;
    while (this.used.has(fd)) fd++;
    this.used.add(fd);
    return fd;
  }

  release(fd: number): void {
    this.used.delete(fd);
  }
}

const allocators = new WeakMap<RedisServer, FdAllocator>();

/** One fd space per server, shared by its TCP and in-memory connections. */
export function fdAllocatorFor(redis: RedisServer): FdAllocator {
  let fds = allocators.get(redis);
  if (fds === undefined) {
    fds = new FdAllocator();
    allocators.set(redis, fds);
  }
  return fds;
}

/** Serve `redis` on a TCP port; resolves once listening. */
export function listen(redis: RedisServer, opts: ListenOptions = {}): Promise<RunningTcpServer> {
  const host = opts.host ?? '127.0.0.1';
  const fds = fdAllocatorFor(redis);
  const connections = new Set<Connection>();
  const server: Server = createServer({ noDelay: true }, (socket: Socket) => {
    const refusal = refuseConnection(redis, redis.clients.size, socket.remoteAddress);
    if (refusal !== null) {
      // A best-effort error, then the connection is closed (acceptCommonHandler, clientAcceptHandler).
      socket.on('error', () => {});
      socket.end(refusal, 'latin1');
      return;
    }
    const fd = fds.take();
    const conn = new Connection(redis, socket, fd, () => {
      connections.delete(conn);
      fds.release(fd);
    });
    connections.add(conn);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const onListening = (): void => {
      server.off('error', reject);
      redis.startTimers();
      const addr = server.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      resolve({
        port,
        host,
        close: () => new Promise<void>((done) => {
          redis.stopTimers();
          for (const conn of connections) conn.destroy();
          server.close(() => done());
        }),
      });
    };
    if (opts.path !== undefined) server.listen(opts.path, onListening);
    else server.listen(opts.port ?? 6379, host, onListening);
    if (opts.unref) server.unref();
  });
}
