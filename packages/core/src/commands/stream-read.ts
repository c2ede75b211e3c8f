// XREAD and XREADGROUP (t_stream.c xreadCommand): parse the options and the
// stream/ID pairs, resolve `$` (the stream's last ID) and `>` (the group's
// last delivered ID), then serve every stream that has something for the
// caller. XREADGROUP moves the group forward, fills the PEL (unless NOACK) and
// is propagated as the XCLAIM / XGROUP SETID / XGROUP CREATECONSUMER commands
// that reproduce its effect, never as itself. With BLOCK and nothing to serve,
// the client waits (blocking.ts) until an XADD (or XGROUP DESTROY) signals one
// of the keys, and is then served from that key alone, as 7.0's
// serveClientsBlockedOnStreamKey does.
import { argTimeout, blockForKeys } from '../blocking.ts';
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { lookupRead, readTyped } from '../keyspace.ts';
import type { RObj } from '../object.ts';
import { type Reply, NULL_ARRAY, array, bulk, error, map } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import type { StreamValue } from '../types/stream.ts';
import { type Consumer, type ConsumerGroup, countDelivery } from '../types/stream-group.ts';
import { type StreamID, MAX_ID, ZERO_ID, cmpId, formatId, idKey, incrId, keyToId, parseStreamId } from '../types/stream-id.ts';
import { advanceGroup } from '../types/stream-lag.ts';
import { argInt64, eqi } from '../util/parse.ts';
import { lookupOrCreateConsumer, propagateGroupId, propagateXclaim } from './stream-group.ts';
import { entryReply, errorArg, idReply, rangeEntries, streamOf } from './stream.ts';

interface ReadArgs {
  /** BLOCK's deadline (0: none, see argTimeout), or null without BLOCK. */
  deadline: number | null;
  count: number;
  noack: boolean;
  groupName: string | null;
  consumerName: string;
  /** Index of the first key after STREAMS, and how many streams. */
  streamsArg: number;
  streams: number;
}

function parseReadArgs(c: Client, xreadgroup: boolean): ReadArgs {
  const argv = c.argv;
  const a: ReadArgs = { deadline: null, count: 0, noack: false, groupName: null, consumerName: '', streamsArg: 0, streams: 0 };
  for (let i = 1; i < argv.length; i++) {
    const moreArgs = argv.length - i - 1;
    const o = argv[i];
    if (eqi(o, 'block') && moreArgs > 0) {
      // Scripts get an error rather than a non-blocking read, for backward compatibility.
      if (c.isScript) fail(E.STREAM_BLOCK_IN_SCRIPT(argv[0]));
      a.deadline = argTimeout(c, argv[++i], 'ms');
    } else if (eqi(o, 'count') && moreArgs > 0) {
      const n = argInt64(argv[++i]);
      a.count = n < 0n ? 0 : Number(n);
    } else if (eqi(o, 'streams') && moreArgs > 0) {
      a.streamsArg = i + 1;
      const n = argv.length - a.streamsArg;
      if (n % 2 !== 0) fail(E.STREAM_UNBALANCED);
      a.streams = n / 2;
      break;
    } else if (eqi(o, 'group') && moreArgs >= 2) {
      if (!xreadgroup) fail(E.STREAM_GROUP_ONLY_XREADGROUP);
      a.groupName = argv[i + 1];
      a.consumerName = argv[i + 2];
      i += 2;
    } else if (eqi(o, 'noack')) {
      if (!xreadgroup) fail(E.STREAM_NOACK_ONLY_XREADGROUP);
      a.noack = true;
    } else {
      fail(E.SYNTAX);
    }
  }
  if (a.streamsArg === 0) fail(E.SYNTAX);
  if (xreadgroup && a.groupName === null) fail(E.STREAM_MISSING_GROUP);
  return a;
}

/**
 * streamReplyWithRange for a group reading new entries: each delivered entry
 * moves the group forward and (unless NOACK) enters the PEL, owned by the
 * consumer, propagated as XCLAIM. Returns the entries and how many commands
 * were propagated.
 */
function deliverNew(
  c: Client, s: StreamValue, key: string, groupName: string, group: ConsumerGroup, consumer: Consumer,
  start: StreamID, count: number, noack: boolean,
): { entries: Reply[]; propagated: number } {
  const entries: Reply[] = [];
  let propagated = 0;
  let propagateLastId = false;
  const now = c.server.cmdTime;
  for (const e of s.range(start, MAX_ID, false)) {
    if (cmpId(e.id, group.lastId) > 0) {
      advanceGroup(s, group, e.id);
      if (noack) propagateLastId = true;
    }
    entries.push(entryReply(e));
    if (!noack) {
      let nack = group.pel.get(e.key);
      if (nack === undefined) {
        nack = { deliveryTime: now, deliveryCount: 1n, consumer };
        group.pel.set(e.key, nack);
        consumer.pel.set(e.key, nack);
      } else {
        // The entry was pending for someone (after XGROUP SETID moved the group back): it starts over.
        nack.consumer?.pel.delete(e.key);
        nack.consumer = consumer;
        nack.deliveryTime = now;
        nack.deliveryCount = 1n;
        consumer.pel.set(e.key, nack);
      }
      propagateXclaim(c, key, groupName, group, formatId(e.id), nack);
      propagated++;
    }
    if (entries.length === count) break;
  }
  if (propagateLastId) {
    propagateGroupId(c, key, groupName, group);
    propagated++;
  }
  return { entries, propagated };
}

/**
 * streamReplyWithRangeFromConsumerPEL: the consumer's own pending entries from
 * start on. A pending entry deleted from the stream shows as [id, nil]; the
 * others count as delivered again.
 */
function deliverHistory(c: Client, s: StreamValue, consumer: Consumer, start: StreamID, count: number): Reply[] {
  const out: Reply[] = [];
  for (const [key, nack] of consumer.pel.from(idKey(start))) {
    if (count !== 0 && out.length >= count) break;
    const id = keyToId(key);
    const e = s.has(id);
    if (e === undefined) {
      out.push(array([idReply(id), NULL_ARRAY]));
    } else {
      out.push(entryReply(e));
      nack.deliveryTime = c.server.cmdTime;
      countDelivery(nack);
    }
  }
  return out;
}

/** The sentinel `>` becomes internally (as in Redis: the maximal ID). */
const isNewEntriesId = (id: StreamID): boolean => cmpId(id, MAX_ID) === 0;

function xreadGeneric(c: Client, xreadgroup: boolean): Reply {
  const argv = c.argv;
  const a = parseReadArgs(c, xreadgroup);
  const keys = argv.slice(a.streamsArg, a.streamsArg + a.streams);
  const ids: StreamID[] = [];
  const groups: ConsumerGroup[] = [];
  for (let k = 0; k < a.streams; k++) {
    const key = keys[k];
    const idArg = argv[a.streamsArg + a.streams + k];
    const o = readTyped(c, key, 'stream');
    if (a.groupName !== null) {
      const group = o === undefined ? undefined : streamOf(o).groups.get(a.groupName);
      if (group === undefined) fail(E.STREAM_NOGROUP_XREADGROUP(errorArg(key), errorArg(a.groupName)));
      groups.push(group);
    }
    if (idArg === '$') {
      if (xreadgroup) fail(E.STREAM_DOLLAR_IN_XREADGROUP);
      ids.push(o === undefined ? ZERO_ID : streamOf(o).lastId);
    } else if (idArg === '>') {
      if (!xreadgroup) fail(E.STREAM_GT_OUTSIDE_XREADGROUP);
      ids.push(MAX_ID);
    } else {
      ids.push((parseStreamId(idArg, 0n, true) ?? fail(E.STREAM_BAD_ID)).id);
    }
  }

  const served: [string, Reply][] = [];
  for (let k = 0; k < a.streams; k++) {
    const key = keys[k];
    const o = lookupRead(c, key);
    if (o === undefined) continue;
    const s = streamOf(o);
    let gt = ids[k];
    if (a.groupName !== null) {
      const group = groups[k];
      let serve = false;
      let history = false;
      if (!isNewEntriesId(gt)) {
        serve = true;
        history = true;
      } else if (s.length > 0 && cmpId(s.lastValidId(), group.lastId) > 0) {
        serve = true;
        gt = group.lastId;
      }
      if (!serve) continue;
      // 7.0 creates (or refreshes) the consumer only when it serves it. Without
      // NOACK the XCLAIMs create it on replicas; with NOACK nothing else would.
      const { consumer, created } = lookupOrCreateConsumer(c, group, a.consumerName, key);
      if (created && a.noack) c.server.propagate(c.db.id, ['XGROUP', 'CREATECONSUMER', key, a.groupName, a.consumerName]);
      const start = incrId(gt) ?? ZERO_ID;
      if (history) {
        served.push([key, array(deliverHistory(c, s, consumer, start, a.count))]);
      } else {
        const { entries, propagated } = deliverNew(c, s, key, a.groupName, group, consumer, start, a.count, a.noack);
        if (propagated > 0) c.server.dirty++;
        served.push([key, array(entries)]);
      }
    } else if (s.length > 0 && cmpId(s.lastValidId(), gt) > 0) {
      served.push([key, array(rangeEntries(s, incrId(gt) ?? ZERO_ID, MAX_ID, a.count, false))]);
    }
  }
  // The effects were propagated command by command above.
  c.preventPropagation = true;
  if (served.length > 0) return streamsReply(c, served);
  if (a.deadline === null || c.denyBlocking) return NULL_ARRAY;
  // What each key waits for: the ID given (`$` resolved now), or the group's last ID when served.
  const waitFor = new Map<string, StreamID>();
  keys.forEach((key, k) => { if (!waitFor.has(key)) waitFor.set(key, ids[k]); });
  const blocked: BlockedRead = {
    waitFor, groupName: a.groupName, consumerName: a.consumerName, noack: a.noack,
    count: a.count !== 0 ? a.count : XREAD_BLOCKED_DEFAULT_COUNT,
  };
  return blockForKeys(c, 'stream', keys, a.deadline, (r, key, o) => serveBlockedRead(r, key, o, blocked));
}

/** The top-level reply: an array of [key, entries] in RESP2, a map in RESP3. */
function streamsReply(c: Client, served: [string, Reply][]): Reply {
  if (c.resp === 2) return array(served.map(([key, entries]) => array([bulk(key), entries])));
  return map(served.map(([key, entries]) => [bulk(key), entries]));
}

/** A blocked reader without COUNT gets at most this many entries (XREAD_BLOCKED_DEFAULT_COUNT). */
const XREAD_BLOCKED_DEFAULT_COUNT = 1000;

interface BlockedRead {
  waitFor: Map<string, StreamID>;
  groupName: string | null;
  consumerName: string;
  noack: boolean;
  count: number;
}

/**
 * serveClientsBlockedOnStreamKey for one client: served when the stream's last
 * ID is past what it waits for (a group reader: the group's last delivered ID
 * now), from that key only. A group destroyed meanwhile ends the wait with NOGROUP.
 */
function serveBlockedRead(c: Client, key: string, o: RObj, b: BlockedRead): Reply | null {
  const s = streamOf(o);
  let gt = b.waitFor.get(key)!;
  let group: ConsumerGroup | undefined;
  if (b.groupName !== null) {
    group = s.groups.get(b.groupName);
    if (group === undefined) return error(E.STREAM_BLOCKED_GROUP_GONE);
    gt = group.lastId;
  }
  if (cmpId(s.lastId, gt) <= 0) return null;
  const start = incrId(gt) ?? ZERO_ID;
  c.preventPropagation = true;
  let entries: Reply[];
  if (group !== undefined) {
    const { consumer, created } = lookupOrCreateConsumer(c, group, b.consumerName, key);
    if (created && b.noack) c.server.propagate(c.db.id, ['XGROUP', 'CREATECONSUMER', key, b.groupName!, b.consumerName]);
    entries = deliverNew(c, s, key, b.groupName!, group, consumer, start, b.count, b.noack).entries;
  } else {
    entries = rangeEntries(s, start, MAX_ID, b.count, false);
  }
  return streamsReply(c, [[key, array(entries)]]);
}

const xread: Handler = (c) => xreadGeneric(c, false);
const xreadgroup: Handler = (c) => xreadGeneric(c, true);

export const streamReadCommands: Record<string, Handler> = { xread, xreadgroup };
