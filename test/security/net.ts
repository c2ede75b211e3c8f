// Raw-socket helpers for the limit and security tests: what a connection gets
// back, and whether the server closed it.
import { Socket } from 'node:net';

export interface Exchange {
  reply: string;
  closed: boolean;
}

/** A command as a RESP array (arguments are latin1 strings). */
export function resp(...argv: string[]): string {
  return respOf(argv);
}

/** resp() for long argument lists (a spread of 100k arguments overflows the JS stack). */
export function respOf(argv: readonly string[]): string {
  return `*${argv.length}\r\n${argv.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;
}

/**
 * Connect to host:port, send `data` and collect what comes back until the
 * server closes the connection or stays quiet for quietMs.
 */
export function exchange(port: number, data: string, opts: { host?: string; quietMs?: number } = {}): Promise<Exchange> {
  const quietMs = opts.quietMs ?? 250;
  return new Promise((resolve, reject) => {
    const s = new Socket();
    const chunks: Buffer[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const done = (closed: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      s.destroy();
      resolve({ reply: Buffer.concat(chunks).toString('latin1'), closed });
    };
    const quiet = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => done(false), quietMs);
    };
    s.on('data', (d: Buffer) => { chunks.push(d); quiet(); });
    s.on('end', () => done(true));
    s.on('close', () => done(true));
    // A reset (the server closed with our data unread) is a close.
    s.on('error', (e) => { if ((e as NodeJS.ErrnoException).code === 'ECONNRESET' || (e as NodeJS.ErrnoException).code === 'EPIPE') done(true); else reject(e); });
    s.connect(port, opts.host ?? '127.0.0.1', () => {
      if (data !== '') s.write(Buffer.from(data, 'latin1'));
      quiet();
    });
  });
}

/** An open connection that records everything it receives and whether it was closed. */
export class Conn {
  readonly socket = new Socket();
  received = '';
  closed = false;
  private waiters: (() => void)[] = [];

  static open(port: number, host = '127.0.0.1'): Promise<Conn> {
    const c = new Conn();
    return new Promise((resolve, reject) => {
      c.socket.once('error', reject);
      c.socket.connect(port, host, () => {
        c.socket.off('error', reject);
        resolve(c);
      });
    });
  }

  private constructor() {
    this.socket.on('data', (d: Buffer) => { this.received += d.toString('latin1'); this.wake(); });
    this.socket.on('close', () => { this.closed = true; this.wake(); });
    this.socket.on('error', () => {});
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  send(data: string): void {
    this.socket.write(Buffer.from(data, 'latin1'));
  }

  /** Wait until `received` holds at least n bytes (or the connection closes); returns and consumes them. */
  async read(n: number, timeoutMs = 5000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < n && !this.closed && Date.now() < deadline) {
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, Math.max(1, deadline - Date.now()));
      });
    }
    const got = this.received.slice(0, n);
    this.received = this.received.slice(n);
    return got;
  }

  /** Send one command and read a reply of the given length. */
  async call(expectedLength: number, ...argv: string[]): Promise<string> {
    this.send(resp(...argv));
    return this.read(expectedLength);
  }

  /** Wait until the server closes this connection; false if it is still open after timeoutMs. */
  async waitClosed(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.closed;
  }

  close(): void {
    this.socket.destroy();
  }
}
