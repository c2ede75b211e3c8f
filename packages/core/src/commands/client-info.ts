// One CLIENT LIST / CLIENT INFO line, field for field as networking.c's
// catClientInfoString prints it in Redis 7.0.15. Facts only a transport knows
// (addr, laddr, fd, pending bytes) come from the Client fields it fills.
import type { Client } from '../client.ts';
import { asciiLower } from '../util/parse.ts';

export type ClientType = 'normal' | 'replica' | 'master' | 'pubsub';

/** getClientTypeByName: "slave" is an alias of "replica"; null for an unknown name. */
export function clientTypeByName(name: string): ClientType | null {
  switch (asciiLower(name)) {
    case 'normal': return 'normal';
    case 'slave': case 'replica': return 'replica';
    case 'pubsub': return 'pubsub';
    case 'master': return 'master';
    default: return null;
  }
}

/** getClientType: redmoon has no replication links. */
export function clientType(c: Client): ClientType {
  return c.subscriptions.active ? 'pubsub' : 'normal';
}

// Memory figures that cannot be measured in-process, chosen to be what a fresh
// redis-server 7.0.15 (jemalloc, x86-64) reports: the query buffer allocation
// (PROTO_IOBUF_LEN grown by sdsMakeRoomFor), the reply buffer of an active and of
// an idle client, and the fixed size of a client structure.
const QUERY_BUF_ALLOC = 20474;
const REPLY_BUF_ACTIVE = 16384;
const REPLY_BUF_IDLE = 1024;
const CLIENT_STRUCT_BYTES = 774;

/** The bytes of argv as a RESP multibulk: what the query buffer held for it. */
function respLength(argv: readonly string[]): number {
  let n = 3 + String(argv.length).length;
  for (const a of argv) n += 5 + String(a.length).length + a.length;
  return n;
}

// sizeof(listNode) + sizeof(watchedKey), and sizeof(multiCmd), on x86-64.
const WATCHED_KEY_BYTES = 56;
const MULTI_CMD_BYTES = 24;

/**
 * multiStateMemOverhead: the queued arguments (multi-mem), each watched key,
 * and the queue's reserved slots (2 for the first command, then doubling).
 */
function multiStateMemOverhead(c: Client): number {
  let mem = c.watchedKeys.length * WATCHED_KEY_BYTES;
  const queued = c.multi?.queue.length ?? 0;
  if (queued > 0) {
    let slots = 2;
    while (slots < queued) slots *= 2;
    mem += c.multi!.argvBytes + slots * MULTI_CMD_BYTES;
  }
  return mem;
}

function flagsOf(c: Client): string {
  let f = '';
  if (c.subscriptions.active) f += 'P';
  if (c.multi !== null) f += 'x';
  if (c.blocked !== null) f += 'b';
  if (c.tracking !== null) {
    f += 't';
    if (c.tracking.brokenRedirect) f += 'R';
    if (c.tracking.bcast) f += 'B';
  }
  if (c.dirtyCas) f += 'd';
  if (c.closeAfterReply) f += 'c';
  if (c.noEvict) f += 'e';
  return f === '' ? 'N' : f;
}

/** The line for `cl`, without the trailing newline; `now` is the server's command time (ms). */
export function clientInfoLine(cl: Client, now: number): string {
  // The client running this command has its request in the query buffer and
  // its argv allocated; the others are idle. Inside EXEC, Redis shows EXEC.
  const running = cl.cmd !== null;
  const exec = cl.inExec ? cl.multi?.progress ?? null : null;
  const argv = exec === null ? cl.argv : exec.execArgv;
  const qbuf = running ? Math.max(cl.queryBufLen, respLength(argv)) : cl.queryBufLen;
  const qbufFree = qbuf === 0 && !running ? QUERY_BUF_ALLOC : Math.max(0, QUERY_BUF_ALLOC - qbuf);
  let argvMem = 0;
  if (running) for (const a of argv) argvMem += a.length;
  const rbs = running ? REPLY_BUF_ACTIVE : REPLY_BUF_IDLE;
  const rbp = running ? REPLY_BUF_ACTIVE : 0;
  const argvPointers = running ? argv.length * 8 : 0;
  const multiMem = cl.multi === null ? 0 : cl.multi.argvBytes;
  const totMem = CLIENT_STRUCT_BYTES + multiStateMemOverhead(cl) + qbuf + qbufFree + argvMem + argvPointers + rbs + cl.outputBufLen;
  const cmd = exec === null ? cl.cmd ?? cl.lastCmd : cl.server.lookupCommand('exec')!;
  const fields: [string, string | number][] = [
    ['id', cl.id],
    ['addr', cl.addr],
    ['laddr', cl.laddr],
    ['fd', cl.fd],
    ['name', cl.name],
    ['age', Math.floor((now - cl.createdAt) / 1000)],
    ['idle', Math.max(0, Math.floor((now - cl.lastInteraction) / 1000))],
    ['flags', flagsOf(cl)],
    ['db', cl.db.id],
    ['sub', cl.subscriptions.channels.size],
    ['psub', cl.subscriptions.patterns.size],
    ['ssub', cl.subscriptions.shardChannels.size],
    ['multi', cl.multi === null ? -1 : cl.multi.queue.length],
    ['qbuf', qbuf],
    ['qbuf-free', qbufFree],
    ['argv-mem', argvMem],
    ['multi-mem', multiMem],
    ['rbs', rbs],
    ['rbp', rbp],
    ['obl', 0],
    ['oll', 0],
    ['omem', cl.outputBufLen],
    ['tot-mem', totMem],
    ['events', cl.outputBufLen > 0 ? 'rw' : 'r'],
    ['cmd', cmd === null ? 'NULL' : cmd.fullname],
    ['user', cl.user],
    ['redir', cl.tracking === null ? -1 : cl.tracking.redirect],
    ['resp', cl.resp],
  ];
  return fields.map(([k, v]) => `${k}=${v}`).join(' ');
}
