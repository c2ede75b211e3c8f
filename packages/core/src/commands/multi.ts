// MULTI, EXEC, DISCARD, WATCH, UNWATCH (multi.c). Queueing itself happens in
// dispatch (RedisServer.execute); the state lives in ../multi.ts.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { discardTransaction, MultiState } from '../multi.ts';
import { type Reply, array, error, NULL_ARRAY, OK } from '../reply.ts';

function multi(c: Client): Reply {
  if (c.multi !== null) fail(E.MULTI_NESTED);
  c.multi = new MultiState();
  return OK;
}

function discard(c: Client): Reply {
  if (c.multi === null) fail(E.DISCARD_WITHOUT_MULTI);
  discardTransaction(c);
  return OK;
}

/**
 * EXEC: a watched key touched (or expired since WATCH) answers a null array, a
 * command rejected while queueing answers EXECABORT; otherwise every queued
 * command runs through call(), errors included (no rollback). Blocking commands
 * do not block (c.inExec). EXEC itself is never propagated: the commands' own
 * propagation, collected for the whole EXEC, goes out wrapped in MULTI/EXEC
 * when there are two or more (server.ts flushPropagation), as in Redis 7.0.
 *
 * A script that runs past busy-reply-threshold suspends by throwing out of its
 * call(); the transport executes EXEC again to resume it, so the position in
 * the queue and the replies so far are kept in `c.multi.progress`.
 */
function exec(c: Client): Reply {
  const m = c.multi;
  if (m === null) return fail(E.EXEC_WITHOUT_MULTI);
  const srv = c.server;
  if (m.progress === null) {
    if (srv.watches.anyExpired(c, srv.cmdTime)) c.dirtyCas = true;
    if (m.dirtyExec || c.dirtyCas) {
      discardTransaction(c);
      if (m.dirtyExec) fail(E.EXECABORT);
      return NULL_ARRAY;
    }
    srv.watches.unwatchAll(c);
    m.progress = { execArgv: c.argv, next: 0, replies: [] };
  }
  const p = m.progress;
  c.inExec = true;
  try {
    for (; p.next < m.queue.length; p.next++) {
      const q = m.queue[p.next];
      // ACL rules may have changed since the command was queued (execCommand checks again).
      const refused = srv.acl.execRefusal(c, q.cmd, q.argv);
      if (refused !== null) srv.countError(refused);
      p.replies.push(refused !== null ? error(refused) : srv.call(c, q.cmd, q.argv));
    }
  } finally {
    c.inExec = false;
  }
  discardTransaction(c);
  c.preventPropagation = true;
  return array(p.replies);
}

function watch(c: Client): Reply {
  if (c.multi !== null) fail(E.WATCH_INSIDE_MULTI);
  // A dirty client has stopped watching (touchWatchedKey): its EXEC fails anyway.
  if (c.dirtyCas) return OK;
  const srv = c.server;
  for (let i = 1; i < c.argv.length; i++) srv.watches.watch(c, c.argv[i], srv.cmdTime);
  return OK;
}

function unwatch(c: Client): Reply {
  c.server.watches.unwatchAll(c);
  c.dirtyCas = false;
  return OK;
}

export const multiCommands = { multi, exec, discard, watch, unwatch };
