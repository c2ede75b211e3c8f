// A raw RESP connection for TCP tests: sends commands as RESP arrays and reads
// whole replies (nested ones too) as their raw bytes.
import { Socket } from 'node:net';
import { replyEnd } from '../differential/resp-reader.ts';

export class RespClient {
  private readonly socket = new Socket();
  private buffered = '';
  private waiters: (() => void)[] = [];

  static connect(port: number): Promise<RespClient> {
    const c = new RespClient();
    return new Promise((resolve, reject) => {
      c.socket.once('error', reject);
      c.socket.connect(port, '127.0.0.1', () => resolve(c));
    });
  }

  private constructor() {
    this.socket.on('data', (d: Buffer) => {
      this.buffered += d.toString('latin1');
      for (const w of this.waiters.splice(0)) w();
    });
    this.socket.on('error', () => {});
  }

  /** Send one command (RESP array) without waiting for its reply. */
  send(...argv: string[]): void {
    this.socket.write(`*${argv.length}\r\n${argv.map((a) => `$${Buffer.byteLength(a, 'latin1')}\r\n${a}\r\n`).join('')}`, 'latin1');
  }

  /** The next whole reply, as its raw bytes. */
  async reply(): Promise<string> {
    for (;;) {
      const end = replyEnd(this.buffered);
      if (end >= 0) {
        const r = this.buffered.slice(0, end);
        this.buffered = this.buffered.slice(end);
        return r;
      }
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  async call(...argv: string[]): Promise<string> {
    this.send(...argv);
    return this.reply();
  }

  close(): void {
    this.socket.destroy();
  }
}
