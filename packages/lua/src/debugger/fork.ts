// The dataset a SCRIPT DEBUG YES session runs on. Redis forks: the child
// debugs on a copy-on-write image and exits, so nothing the script writes
// reaches the real data. Here the copy is a second server with the same
// configuration, clock and a deep copy of every database.
import { Client, copyValue, RedisServer } from '@redmoon/core';
import { scriptingCommands } from '../eval.ts';
import { functionCommands } from '../function-commands.ts';

/** A server holding an independent copy of `server`'s keys, expiries and configuration. */
export function forkServer(server: RedisServer): RedisServer {
  const child = new RedisServer({
    clock: server.clock,
    random: server.random,
    config: { databases: String(server.config.databases) },
    handlers: { ...scriptingCommands, ...functionCommands },
  });
  Object.assign(child.config, structuredClone(server.config));
  server.dbs.forEach((db, i) => {
    const copy = child.dbs[i];
    for (const [key, o] of db.dict) copy.add(key, { ...o, value: copyValue(o) });
    for (const [key, at] of db.expires) copy.setExpire(key, at);
  });
  return child;
}

/** The debugging client's twin in the forked server: same db, protocol and name. */
export function forkClient(child: RedisServer, c: Client): Client {
  const twin = child.createClient();
  twin.db = child.dbs[c.db.id];
  twin.resp = c.resp;
  twin.name = c.name;
  twin.authenticated = true;
  return twin;
}
