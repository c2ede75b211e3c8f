// XINFO STREAM [FULL [COUNT n]], XINFO GROUPS, XINFO CONSUMERS and XINFO HELP
// (t_stream.c xinfoCommand) as Redis 7.0 answers them: maps (flat arrays in
// RESP2) with the 7.0 fields, groups and consumers in name order.
import type { Client } from '../client.ts';
import { CommandError, E, fail } from '../errors.ts';
import { readTyped } from '../keyspace.ts';
import { type Reply, NULL, array, bulk, intReply, map, simple } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import type { StreamValue } from '../types/stream.ts';
import { type ConsumerGroup, INVALID_ENTRIES_READ } from '../types/stream-group.ts';
import { MAX_ID, ZERO_ID, keyToId } from '../types/stream-id.ts';
import { groupLag } from '../types/stream-lag.ts';
import { argInt64, eqi } from '../util/parse.ts';
import { entryReply, errorArg, idReply, rangeEntries, streamOf } from './stream.ts';

const XINFO_HELP = [
  'XINFO <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'CONSUMERS <key> <groupname>',
  '    Show consumers of <groupname>.',
  'GROUPS <key>',
  '    Show the stream consumer groups.',
  'STREAM <key> [FULL [COUNT <count>]',
  '    Show information about the stream.',
  'HELP',
  '    Prints this help.',
];

/** lookupKeyReadOrReply(shared.nokeyerr) + checkType. */
function streamOrNoKey(c: Client): StreamValue {
  const o = readTyped(c, c.argv[2], 'stream');
  if (o === undefined) throw new CommandError(E.NO_SUCH_KEY);
  return streamOf(o);
}

const field = (name: string, value: Reply): [Reply, Reply] => [bulk(name), value];
const entriesReadReply = (g: ConsumerGroup): Reply => (g.entriesRead === INVALID_ENTRIES_READ ? NULL : intReply(g.entriesRead));
const lagReply = (s: StreamValue, g: ConsumerGroup): Reply => {
  const lag = groupLag(s, g);
  return lag === null ? NULL : intReply(lag);
};

/** XINFO STREAM key [FULL [COUNT count]]: the options are checked after the key. */
function xinfoStream(c: Client): Reply {
  const s = streamOrNoKey(c);
  const opts = c.argv.slice(3);
  const syntax = (): never => fail(E.SUBCOMMAND_SYNTAX(errorArg(c.argv[1]), c.argv[0].toUpperCase()));
  let full = false;
  let count = 10;
  if (opts.length > 0) {
    if (opts.length !== 1 && opts.length !== 3) syntax();
    if (!eqi(opts[0], 'full')) syntax();
    full = true;
    if (opts.length === 3) {
      if (!eqi(opts[1], 'count')) syntax();
      const n = argInt64(opts[2]);
      count = n < 0n ? 10 : Number(n);
    }
  }
  const fields: [Reply, Reply][] = [
    field('length', intReply(s.length)),
    field('radix-tree-keys', intReply(s.nodes.length)),
    field('radix-tree-nodes', intReply(s.raxNodes())),
    field('last-generated-id', idReply(s.lastId)),
    field('max-deleted-entry-id', idReply(s.maxDeletedId)),
    field('entries-added', intReply(s.entriesAdded)),
    field('recorded-first-entry-id', idReply(s.firstId)),
  ];
  if (!full) {
    const first = s.firstFrom(ZERO_ID);
    const last = s.firstFrom(MAX_ID, true);
    fields.push(
      field('groups', intReply(s.groups.size)),
      field('first-entry', first === undefined ? NULL : entryReply(first)),
      field('last-entry', last === undefined ? NULL : entryReply(last)),
    );
    return map(fields);
  }
  fields.push(field('entries', array(rangeEntries(s, ZERO_ID, MAX_ID, count, false))), field('groups', array([...sortedGroups(s)].map(([name, g]) => fullGroup(s, name, g, count)))));
  return map(fields);
}

/** The groups in name (byte) order, as Redis's rax lists them. */
function sortedGroups(s: StreamValue): [string, ConsumerGroup][] {
  return [...s.groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A group in XINFO STREAM FULL: its PEL and consumers, each list cut at count (0: all). */
function fullGroup(s: StreamValue, name: string, g: ConsumerGroup, count: number): Reply {
  const pending: Reply[] = [];
  for (const [key, nack] of g.pel.entries()) {
    if (count !== 0 && pending.length >= count) break;
    pending.push(array([idReply(keyToId(key)), bulk(nack.consumer!.name), intReply(nack.deliveryTime), intReply(nack.deliveryCount)]));
  }
  const consumers: Reply[] = [];
  for (const [cname, consumer] of g.consumers.entries()) {
    const own: Reply[] = [];
    for (const [key, nack] of consumer.pel.entries()) {
      if (count !== 0 && own.length >= count) break;
      own.push(array([idReply(keyToId(key)), intReply(nack.deliveryTime), intReply(nack.deliveryCount)]));
    }
    consumers.push(map([
      field('name', bulk(cname)),
      field('seen-time', intReply(consumer.seenTime)),
      field('pel-count', intReply(consumer.pel.size)),
      field('pending', array(own)),
    ]));
  }
  return map([
    field('name', bulk(name)),
    field('last-delivered-id', idReply(g.lastId)),
    field('entries-read', entriesReadReply(g)),
    field('lag', lagReply(s, g)),
    field('pel-count', intReply(g.pel.size)),
    field('pending', array(pending)),
    field('consumers', array(consumers)),
  ]);
}

function xinfoGroups(c: Client): Reply {
  const s = streamOrNoKey(c);
  return array(sortedGroups(s).map(([name, g]) => map([
    field('name', bulk(name)),
    field('consumers', intReply(g.consumers.size)),
    field('pending', intReply(g.pel.size)),
    field('last-delivered-id', idReply(g.lastId)),
    field('entries-read', entriesReadReply(g)),
    field('lag', lagReply(s, g)),
  ])));
}

/** XINFO CONSUMERS key group: idle is the time since the consumer was last seen. */
function xinfoConsumers(c: Client): Reply {
  const s = streamOrNoKey(c);
  const g = s.groups.get(c.argv[3]);
  if (g === undefined) fail(E.STREAM_NO_SUCH_GROUP(errorArg(c.argv[3]), errorArg(c.argv[2])));
  const now = c.server.cmdTime;
  const out: Reply[] = [];
  for (const [name, consumer] of g.consumers.entries()) {
    out.push(map([
      field('name', bulk(name)),
      field('pending', intReply(consumer.pel.size)),
      field('idle', intReply(Math.max(0, now - consumer.seenTime))),
    ]));
  }
  return array(out);
}

const xinfoHelp: Handler = () => array(XINFO_HELP.map(simple));

export const streamInfoCommands: Record<string, Handler> = {
  'xinfo|stream': xinfoStream,
  'xinfo|groups': xinfoGroups,
  'xinfo|consumers': xinfoConsumers,
  'xinfo|help': xinfoHelp,
};
