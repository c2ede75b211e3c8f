// Connection commands (PING, ECHO, SELECT, HELLO, AUTH, CLIENT ...).
import type { Client } from '../client.ts';
import { type Reply, bulk, PONG } from '../reply.ts';
import type { Handler } from '../table/table.ts';

function ping(c: Client): Reply {
  return c.argv.length > 1 ? bulk(c.argv[1]) : PONG;
}

export const connectionCommands: Record<string, Handler> = { ping };
