// Test support for the data type command tests (hash, set, zset ...): a
// server with every keyspace event on, what it propagates, and reply helpers.
import type { Reply } from '../reply.ts';
import { encode2 } from '../resp/encode.ts';
import { RedisServer } from '../server.ts';

export function typeTestServer(config: Record<string, string> = {}, random?: () => number) {
  const server = new RedisServer({ config: { 'notify-keyspace-events': 'KEA', ...config }, ...(random ? { random } : {}) });
  const c = server.createClient();
  const propagated: string[] = [];
  server.onPropagate((p) => propagated.push(p.argv.join(' ')));
  const events: string[] = [];
  server.publish = (channel, message) => {
    if (channel.startsWith('__keyevent@0__:')) events.push(`${channel.slice('__keyevent@0__:'.length)} ${message}`);
    return 0;
  };
  const run = (...argv: string[]): string => encode2(server.execute(c, argv));
  /** The elements of an array, set or (flattened) map reply: bulks as strings, others in RESP2. */
  const strings = (...argv: string[]): string[] => {
    const r = server.execute(c, argv);
    const items: Reply[] | null = r.t === 'array' || r.t === 'set' ? r.v : r.t === 'map' ? r.v.flat() : null;
    if (items === null) throw new Error(`not an aggregate: ${encode2(r)}`);
    return items.map((x) => (x.t === 'bulk' ? x.v : encode2(x)));
  };
  return { server, c, run, strings, propagated, events };
}
