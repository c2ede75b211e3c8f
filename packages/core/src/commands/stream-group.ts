// Consumer group commands (t_stream.c): XGROUP CREATE/SETID/DESTROY/
// CREATECONSUMER/DELCONSUMER/HELP, XACK, XPENDING, XCLAIM and XAUTOCLAIM, and
// the group helpers XREADGROUP shares: consumer creation (dirty + event) and
// the XCLAIM / XGROUP SETID commands a group change is propagated as.
import { signalKeyAsReady } from '../blocking.ts';
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { dbAdd, newObject, notify, readTyped, writeTyped } from '../keyspace.ts';
import { N } from '../notify.ts';
import { type Reply, NULL, NULL_ARRAY, OK, ONE, ZERO, array, bulk, intReply, simple } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { StreamValue } from '../types/stream.ts';
import { Consumer, ConsumerGroup, INVALID_ENTRIES_READ, type Nack, countDelivery } from '../types/stream-group.ts';
import { type StreamID, ZERO_ID, cmpId, formatId, idKey, keyToId, parseStreamId } from '../types/stream-id.ts';
import { argInt64, eqi } from '../util/parse.ts';
import {
  argCount, argId, argIntervalId, argStrictId, entryReply, errorArg, idReply, streamOf,
} from './stream.ts';

/**
 * streamCreateConsumer: a new consumer, seen now; counts as a change
 * (dirty, xgroup-createconsumer) unless loading.
 */
export function createConsumer(c: Client, group: ConsumerGroup, name: string, key: string): Consumer {
  const consumer = new Consumer(name, c.server.cmdTime);
  group.consumers.set(name, consumer);
  c.server.dirty++;
  notify(c, N.STREAM, 'xgroup-createconsumer', key);
  return consumer;
}

/** streamLookupConsumer(SLC_DEFAULT) or streamCreateConsumer: either way the consumer is seen now. */
export function lookupOrCreateConsumer(c: Client, group: ConsumerGroup, name: string, key: string): { consumer: Consumer; created: boolean } {
  const found = group.consumers.get(name);
  if (found !== undefined) {
    found.seenTime = c.server.cmdTime;
    return { consumer: found, created: false };
  }
  return { consumer: createConsumer(c, group, name, key), created: true };
}

/**
 * streamPropagateXCLAIM: the idempotent form of a PEL change,
 * XCLAIM key group consumer 0 id TIME ms RETRYCOUNT n FORCE JUSTID LASTID last-id.
 */
export function propagateXclaim(c: Client, key: string, groupName: string, group: ConsumerGroup, idArg: string, nack: Nack): void {
  if (!c.server.propagating) return;
  c.server.propagate(c.db.id, [
    'XCLAIM', key, groupName, nack.consumer!.name, '0', idArg, 'TIME', String(nack.deliveryTime),
    'RETRYCOUNT', String(nack.deliveryCount), 'FORCE', 'JUSTID', 'LASTID', formatId(group.lastId),
  ]);
}

/** streamPropagateGroupID: XGROUP SETID key group last-id ENTRIESREAD n. */
export function propagateGroupId(c: Client, key: string, groupName: string, group: ConsumerGroup): void {
  if (!c.server.propagating) return;
  c.server.propagate(c.db.id, ['XGROUP', 'SETID', key, groupName, formatId(group.lastId), 'ENTRIESREAD', String(group.entriesRead)]);
}

const XGROUP_HELP = [
  'XGROUP <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'CREATE <key> <groupname> <id|$> [option]',
  '    Create a new consumer group. Options are:',
  '    * MKSTREAM',
  '      Create the empty stream if it does not exist.',
  '    * ENTRIESREAD entries_read',
  "      Set the group's entries_read counter (internal use).",
  'CREATECONSUMER <key> <groupname> <consumer>',
  '    Create a new consumer in the specified group.',
  'DELCONSUMER <key> <groupname> <consumer>',
  '    Remove the specified consumer.',
  'DESTROY <key> <groupname>',
  '    Remove the specified group.',
  'SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]',
  '    Set the current group ID and entries_read counter.',
  'HELP',
  '    Prints this help.',
];

const subcommandSyntax = (c: Client): never => fail(E.SUBCOMMAND_SYNTAX(errorArg(c.argv[1]), c.argv[0].toUpperCase()));

/** What xgroupCommand resolves before dispatching: options, the stream, the group. */
interface XgroupTarget {
  key: string;
  stream: StreamValue | undefined;
  groupName: string;
  group: ConsumerGroup | undefined;
  mkstream: boolean;
  entriesRead: bigint;
}

/**
 * The common part of xgroupCommand for every subcommand but HELP: options of
 * CREATE/SETID, the key (which must exist unless MKSTREAM), and the group
 * (which SETID, CREATECONSUMER and DELCONSUMER need).
 */
function xgroupTarget(c: Client): XgroupTarget {
  const argv = c.argv;
  const sub = argv[1];
  const isCreate = eqi(sub, 'create');
  const isSetid = eqi(sub, 'setid');
  let mkstream = false;
  let entriesRead = INVALID_ENTRIES_READ;
  for (let i = 5; i < argv.length;) {
    if (isCreate && eqi(argv[i], 'mkstream')) {
      mkstream = true;
      i++;
    } else if ((isCreate || isSetid) && eqi(argv[i], 'entriesread') && i + 1 < argv.length) {
      entriesRead = argInt64(argv[i + 1]);
      if (entriesRead < 0n && entriesRead !== INVALID_ENTRIES_READ) fail(E.STREAM_ENTRIESREAD);
      i += 2;
    } else {
      subcommandSyntax(c);
    }
  }
  const key = argv[2];
  const o = writeTyped(c, key, 'stream');
  const stream = o === undefined ? undefined : streamOf(o);
  const groupName = argv[3];
  let group: ConsumerGroup | undefined;
  if (!mkstream) {
    if (stream === undefined) fail(E.STREAM_XGROUP_NO_KEY);
    group = stream.groups.get(groupName);
    if (group === undefined && (isSetid || eqi(sub, 'createconsumer') || eqi(sub, 'delconsumer'))) {
      fail(E.STREAM_NO_SUCH_GROUP(errorArg(groupName), errorArg(key)));
    }
  }
  return { key, stream, groupName, group, mkstream, entriesRead };
}

/** XGROUP CREATE key group id|$ [MKSTREAM] [ENTRIESREAD n] */
function xgroupCreate(c: Client): Reply {
  const t = xgroupTarget(c);
  if (c.argv.length > 8) subcommandSyntax(c);
  const idArg = c.argv[4];
  const id = idArg === '$' ? t.stream?.lastId ?? ZERO_ID : argStrictId(idArg);
  let s = t.stream;
  if (s === undefined) {
    s = new StreamValue();
    dbAdd(c, t.key, newObject(c, 'stream', 'stream', s));
  }
  if (s.groups.has(t.groupName)) fail(E.STREAM_BUSYGROUP);
  s.groups.set(t.groupName, new ConsumerGroup(id, t.entriesRead));
  c.server.dirty++;
  notify(c, N.STREAM, 'xgroup-create', t.key);
  return OK;
}

/** XGROUP SETID key group id|$ [ENTRIESREAD n]: the read counter becomes n, or unknown. */
function xgroupSetid(c: Client): Reply {
  const t = xgroupTarget(c);
  if (c.argv.length !== 5 && c.argv.length !== 7) subcommandSyntax(c);
  const idArg = c.argv[4];
  const id = idArg === '$' ? t.stream!.lastId : argId(idArg);
  const group = t.group!;
  group.lastId = id;
  group.entriesRead = t.entriesRead;
  c.server.dirty++;
  notify(c, N.STREAM, 'xgroup-setid', t.key);
  return OK;
}

function xgroupDestroy(c: Client): Reply {
  const t = xgroupTarget(c);
  if (t.group === undefined) return ZERO;
  t.stream!.groups.delete(t.groupName);
  c.server.dirty++;
  notify(c, N.STREAM, 'xgroup-destroy', t.key);
  // Readers blocked on the group get their NOGROUP error.
  signalKeyAsReady(c.server, c.db, t.key, 'stream');
  return ONE;
}

function xgroupCreateconsumer(c: Client): Reply {
  const t = xgroupTarget(c);
  if (t.group!.consumers.get(c.argv[4]) !== undefined) return ZERO;
  createConsumer(c, t.group!, c.argv[4], t.key);
  return ONE;
}

/** XGROUP DELCONSUMER: replies how many pending entries the consumer took with it. */
function xgroupDelconsumer(c: Client): Reply {
  const t = xgroupTarget(c);
  const group = t.group!;
  const consumer = group.consumers.get(c.argv[4]);
  if (consumer === undefined) return ZERO;
  const pending = consumer.pel.size;
  group.deleteConsumer(consumer);
  c.server.dirty++;
  notify(c, N.STREAM, 'xgroup-delconsumer', t.key);
  return intReply(pending);
}

const xgroupHelp: Handler = () => array(XGROUP_HELP.map(simple));

/**
 * XACK key group id [id ...]: a missing key or group acknowledges nothing
 * (before the IDs are checked); every ID is checked before any is acknowledged.
 */
function xack(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'stream');
  const group = o === undefined ? undefined : streamOf(o).groups.get(c.argv[2]);
  if (group === undefined) return ZERO;
  const ids = c.argv.slice(3).map(argStrictId);
  let acknowledged = 0;
  for (const id of ids) {
    const key = idKey(id);
    const nack = group.pel.get(key);
    if (nack === undefined) continue;
    group.deleteNack(key, nack);
    acknowledged++;
    c.server.dirty++;
  }
  return intReply(acknowledged);
}

/** The group of key for XPENDING/XCLAIM/XAUTOCLAIM, or their NOGROUP error. */
function groupOrFail(c: Client): { s: StreamValue; group: ConsumerGroup } {
  const o = readTyped(c, c.argv[1], 'stream');
  const s = o === undefined ? undefined : streamOf(o);
  const group = s?.groups.get(c.argv[2]);
  if (s === undefined || group === undefined) fail(E.STREAM_NOGROUP(errorArg(c.argv[1]), errorArg(c.argv[2])));
  return { s, group };
}

/**
 * XPENDING key group [[IDLE min-idle] start end count [consumer]]: the summary
 * (count, lowest and highest ID, pending per consumer) or the entries in a range.
 */
function xpending(c: Client): Reply {
  const argv = c.argv;
  const argc = argv.length;
  if (argc !== 3 && (argc < 6 || argc > 9)) fail(E.SYNTAX);
  let start = ZERO_ID;
  let end = ZERO_ID;
  let count = 0;
  let minIdle = 0;
  let consumerName: string | undefined;
  if (argc >= 6) {
    let startIdx = 3;
    if (eqi(argv[3], 'idle')) {
      minIdle = argCount(argv[4]);
      if (argc < 8) fail(E.SYNTAX);
      startIdx += 2;
    }
    count = Math.max(0, argCount(argv[startIdx + 2]));
    start = argIntervalId(argv[startIdx], true);
    end = argIntervalId(argv[startIdx + 1], false);
    if (startIdx + 3 < argc) consumerName = argv[startIdx + 3];
  }
  const { group } = groupOrFail(c);
  if (argc === 3) {
    const first = group.pel.firstKey();
    if (first === undefined) return array([ZERO, NULL, NULL, NULL_ARRAY]);
    const perConsumer: Reply[] = [];
    for (const [name, consumer] of group.consumers.entries()) {
      if (consumer.pel.size > 0) perConsumer.push(array([bulk(name), bulk(String(consumer.pel.size))]));
    }
    return array([intReply(group.pel.size), idReply(keyToId(first)), idReply(keyToId(group.pel.lastKey()!)), array(perConsumer)]);
  }
  let pel = group.pel;
  if (consumerName !== undefined) {
    const consumer = group.consumers.get(consumerName);
    if (consumer === undefined) return array([]);
    pel = consumer.pel;
  }
  const now = c.server.cmdTime;
  const endKey = idKey(end);
  const out: Reply[] = [];
  for (const [key, nack] of pel.from(idKey(start))) {
    if (count === 0 || key > endKey) break;
    if (minIdle !== 0 && now - nack.deliveryTime < minIdle) continue;
    count--;
    out.push(array([idReply(keyToId(key)), bulk(nack.consumer!.name), intReply(Math.max(0, now - nack.deliveryTime)), intReply(nack.deliveryCount)]));
  }
  return array(out);
}

/** Give a pending entry to consumer (XCLAIM and XAUTOCLAIM's shared part). */
function assignNack(nack: Nack, key: string, consumer: Consumer): void {
  if (nack.consumer === consumer) return;
  nack.consumer?.pel.delete(key);
  consumer.pel.set(key, nack);
  nack.consumer = consumer;
}

/** An option value of XCLAIM: an integer, or the option's own error. */
const xclaimInt = (s: string, msg: string): number => Number(argInt64(s, msg));

/**
 * XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME ms]
 * [RETRYCOUNT n] [FORCE] [JUSTID] [LASTID id]. The consumer is created only
 * when something is claimed (7.0). Every change is propagated as its own XCLAIM.
 */
function xclaim(c: Client): Reply {
  const argv = c.argv;
  const { s, group } = groupOrFail(c);
  const minIdle = Math.max(0, xclaimInt(argv[4], E.STREAM_XCLAIM_MIN_IDLE));
  const ids: StreamID[] = [];
  let j = 5;
  for (; j < argv.length; j++) {
    const parsed = parseStreamId(argv[j], 0n, true);
    if (parsed === null) break;
    ids.push(parsed.id);
  }
  const now = c.server.cmdTime;
  let retryCount = -1n;
  let deliveryTime = -1;
  let force = false;
  let justId = false;
  let lastId = ZERO_ID;
  for (; j < argv.length; j++) {
    const moreArgs = argv.length - 1 - j;
    const opt = argv[j];
    if (eqi(opt, 'force')) force = true;
    else if (eqi(opt, 'justid')) justId = true;
    else if (eqi(opt, 'idle') && moreArgs > 0) deliveryTime = now - xclaimInt(argv[++j], E.STREAM_XCLAIM_IDLE);
    else if (eqi(opt, 'time') && moreArgs > 0) deliveryTime = xclaimInt(argv[++j], E.STREAM_XCLAIM_TIME);
    else if (eqi(opt, 'retrycount') && moreArgs > 0) retryCount = argInt64(argv[++j], E.STREAM_XCLAIM_RETRYCOUNT);
    else if (eqi(opt, 'lastid') && moreArgs > 0) lastId = argStrictId(argv[++j]);
    else fail(E.STREAM_XCLAIM_OPTION(errorArg(opt)));
  }
  let propagateLastId = false;
  if (cmpId(lastId, group.lastId) > 0) {
    group.lastId = lastId;
    propagateLastId = true;
  }
  // A delivery time in the future or before the epoch is taken as now.
  if (deliveryTime < 0 || deliveryTime > now) deliveryTime = now;
  const [key, groupName, name] = [argv[1], argv[2], argv[3]];
  let consumer: Consumer | undefined;
  const out: Reply[] = [];
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    const idArg = argv[5 + k];
    const pelKey = idKey(id);
    let nack = group.pel.get(pelKey);
    const entry = s.has(id);
    if (entry === undefined) {
      // The entry is gone: its pending entry is dropped (and that is propagated).
      if (nack !== undefined) {
        propagateXclaim(c, key, groupName, group, idArg, nack);
        propagateLastId = false;
        c.server.dirty++;
        group.deleteNack(pelKey, nack);
      }
      continue;
    }
    if (force && nack === undefined) {
      nack = { deliveryTime: now, deliveryCount: 1n, consumer: null };
      group.pel.set(pelKey, nack);
    }
    if (nack === undefined) continue;
    if (nack.consumer !== null && minIdle !== 0 && now - nack.deliveryTime < minIdle) continue;
    consumer ??= lookupOrCreateConsumer(c, group, name, key).consumer;
    nack.deliveryTime = deliveryTime;
    if (retryCount >= 0n) nack.deliveryCount = retryCount;
    else if (!justId) countDelivery(nack);
    assignNack(nack, pelKey, consumer);
    out.push(justId ? idReply(id) : entryReply(entry));
    propagateXclaim(c, key, groupName, group, idArg, nack);
    propagateLastId = false;
    c.server.dirty++;
  }
  if (propagateLastId) {
    propagateGroupId(c, key, groupName, group);
    c.server.dirty++;
  }
  c.preventPropagation = true;
  return array(out);
}

/** XAUTOCLAIM's attempts per COUNT, and the largest COUNT (LONG_MAX / max(sizeof(streamID), 10)). */
const ATTEMPTS_FACTOR = 10;
const XAUTOCLAIM_MAX_COUNT = 576460752303423487n;
/**
 * Redis allocates COUNT stream IDs (16 bytes each) up front; jemalloc on
 * x86-64 refuses allocations above 2^46 bytes, so a COUNT above 2^42 fails.
 */
const XAUTOCLAIM_ALLOC_MAX_COUNT = 2 ** 42;

/**
 * XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID]:
 * claims idle entries from start on, visiting at most COUNT*10 of them, drops
 * the pending entries of deleted stream entries (reported in the third reply
 * element) and returns the cursor to continue from.
 */
function xautoclaim(c: Client): Reply {
  const argv = c.argv;
  const minIdle = Math.max(0, Number(argInt64(argv[4], E.STREAM_XAUTOCLAIM_MIN_IDLE)));
  const start = argIntervalId(argv[5], true);
  let count = 100;
  let justId = false;
  for (let j = 6; j < argv.length; j++) {
    const moreArgs = argv.length - 1 - j;
    if (eqi(argv[j], 'count') && moreArgs > 0) {
      const n = argInt64(argv[++j], E.STREAM_COUNT_POSITIVE);
      if (n < 1n || n > XAUTOCLAIM_MAX_COUNT) fail(E.STREAM_COUNT_POSITIVE);
      count = Number(n);
    } else if (eqi(argv[j], 'justid')) {
      justId = true;
    } else {
      fail(E.SYNTAX);
    }
  }
  const { s, group } = groupOrFail(c);
  if (count > XAUTOCLAIM_ALLOC_MAX_COUNT) fail(E.STREAM_XAUTOCLAIM_COUNT_TOO_HIGH);
  const [key, groupName, name] = [argv[1], argv[2], argv[3]];
  const now = c.server.cmdTime;
  let attempts = count * ATTEMPTS_FACTOR;
  let consumer: Consumer | undefined;
  const claimed: Reply[] = [];
  const deleted: Reply[] = [];
  let cursor = ZERO_ID;
  const it = group.pel.from(idKey(start));
  for (;;) {
    if (attempts === 0 || count === 0) {
      const next = it.next();
      if (!next.done) cursor = keyToId(next.value[0]);
      break;
    }
    attempts--;
    const next = it.next();
    if (next.done) break;
    const [pelKey, nack] = next.value;
    const id = keyToId(pelKey);
    const entry = s.has(id);
    if (entry === undefined) {
      propagateXclaim(c, key, groupName, group, formatId(id), nack);
      c.server.dirty++;
      group.deleteNack(pelKey, nack);
      deleted.push(idReply(id));
      count--;
      continue;
    }
    if (minIdle !== 0 && now - nack.deliveryTime < minIdle) continue;
    consumer ??= lookupOrCreateConsumer(c, group, name, key).consumer;
    nack.deliveryTime = now;
    if (!justId) countDelivery(nack);
    assignNack(nack, pelKey, consumer);
    claimed.push(justId ? idReply(id) : entryReply(entry));
    count--;
    propagateXclaim(c, key, groupName, group, formatId(id), nack);
    c.server.dirty++;
  }
  c.preventPropagation = true;
  return array([idReply(cursor), array(claimed), array(deleted)]);
}

export const streamGroupCommands: Record<string, Handler> = {
  'xgroup|create': xgroupCreate,
  'xgroup|setid': xgroupSetid,
  'xgroup|destroy': xgroupDestroy,
  'xgroup|createconsumer': xgroupCreateconsumer,
  'xgroup|delconsumer': xgroupDelconsumer,
  'xgroup|help': xgroupHelp,
  xack, xpending, xclaim, xautoclaim,
};
