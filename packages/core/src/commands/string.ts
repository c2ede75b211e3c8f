// String commands (t_string.c).
import type { Client } from '../client.ts';
import { setKey, readTyped, newObject } from '../keyspace.ts';
import { N } from '../notify.ts';
import { type Reply, bulk, NULL, OK } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { stringEncodingFor } from '../object.ts';
import { isInt64String } from '../util/parse.ts';
import { notify } from '../keyspace.ts';

function get(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'string');
  return o === undefined ? NULL : bulk(o.value as string);
}

function set(c: Client): Reply {
  const [, key, value] = c.argv;
  const o = newObject(c, 'string', stringEncodingFor(value, value.length <= 20 && isInt64String(value)), value);
  setKey(c, key, o);
  c.server.dirty++;
  notify(c, N.STRING, 'set', key);
  return OK;
}

export const stringCommands: Record<string, Handler> = { get, set };
