// Shared by the benches that speak raw RESP over loopback (blpop, pubsub).
import { Socket } from 'node:net';

export { encodeCommand as resp } from '../test/differential/resp-reader.ts';

/** A TCP connection to 127.0.0.1:port with Nagle off, once connected. */
export function connect(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = new Socket();
    s.setNoDelay(true);
    s.once('error', reject);
    s.connect(port, '127.0.0.1', () => resolve(s));
  });
}
