// Pub/sub commands (pubsub.c). A (un)subscription command answers with one
// confirmation per argument: all but the last go out as pushes at once, and
// the last is the command's reply. That reply is itself a push, which a
// transport writes even under CLIENT REPLY OFF/SKIP, as Redis writes every
// confirmation with CLIENT_PUSHING.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import type { ChannelKind } from '../pubsub.ts';
import { type Reply, bulk, bulks, array, intReply } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { helpReply } from './help.ts';

/** Deliver every confirmation but the last; the last becomes the reply. */
function confirm(c: Client, confirmations: Reply[]): Reply {
  const last = confirmations.length - 1;
  for (let i = 0; i < last; i++) c.onPush?.(confirmations[i]);
  return confirmations[last];
}

function subscribeChannels(c: Client, kind: ChannelKind): Reply {
  const ps = c.server.pubsub;
  const out: Reply[] = [];
  for (let j = 1; j < c.argv.length; j++) out.push(ps.subscribe(c, c.argv[j], kind));
  return confirm(c, out);
}

/** UNSUBSCRIBE / SUNSUBSCRIBE: the named channels, or all (one null confirmation if there were none). */
function unsubscribeChannels(c: Client, kind: ChannelKind): Reply {
  const ps = c.server.pubsub;
  const out: Reply[] = [];
  const names = c.argv.length > 1 ? c.argv.slice(1) : [...c.subscriptions.of(kind)];
  for (const ch of names) {
    ps.unsubscribe(c, ch, kind);
    out.push(ps.unsubscribed(c, ch, kind));
  }
  if (out.length === 0) out.push(ps.unsubscribed(c, null, kind));
  return confirm(c, out);
}

function subscribe(c: Client): Reply {
  return subscribeChannels(c, 'global');
}

function unsubscribe(c: Client): Reply {
  return unsubscribeChannels(c, 'global');
}

/**
 * SSUBSCRIBE: unlike SUBSCRIBE it has no exception for transactions, so inside
 * EXEC (a CLIENT_DENY_BLOCKING context) Redis refuses it. Scripts never get here
 * (the command is noscript).
 */
function ssubscribe(c: Client): Reply {
  if (c.inExec) fail(E.DENY_BLOCKING_SUBSCRIBE('SSUBSCRIBE'));
  return subscribeChannels(c, 'shard');
}

function sunsubscribe(c: Client): Reply {
  return unsubscribeChannels(c, 'shard');
}

function psubscribe(c: Client): Reply {
  const ps = c.server.pubsub;
  const out: Reply[] = [];
  for (let j = 1; j < c.argv.length; j++) out.push(ps.psubscribe(c, c.argv[j]));
  return confirm(c, out);
}

function punsubscribe(c: Client): Reply {
  const ps = c.server.pubsub;
  const out: Reply[] = [];
  const names = c.argv.length > 1 ? c.argv.slice(1) : [...c.subscriptions.patterns];
  for (const p of names) {
    ps.punsubscribe(c, p);
    out.push(ps.punsubscribed(c, p));
  }
  if (out.length === 0) out.push(ps.punsubscribed(c, null));
  return confirm(c, out);
}

/** PUBLISH: propagated to replicas even though it changes no key (forceCommandPropagation). */
function publish(c: Client): Reply {
  const n = c.server.pubsub.publish(c.argv[1], c.argv[2], 'global');
  c.forcePropagation = true;
  return intReply(n);
}

function spublish(c: Client): Reply {
  const n = c.server.pubsub.publish(c.argv[1], c.argv[2], 'shard');
  c.forcePropagation = true;
  return intReply(n);
}

/** PUBSUB CHANNELS/SHARDCHANNELS [pattern]: more arguments are a subcommand syntax error. */
function channelList(c: Client, kind: ChannelKind): Reply {
  if (c.argv.length > 3) fail(E.SUBCOMMAND_SYNTAX(c.argv[1], 'PUBSUB'));
  return bulks(c.server.pubsub.channelNames(c.argv.length === 3 ? c.argv[2] : null, kind));
}

function subscriberCounts(c: Client, kind: ChannelKind): Reply {
  const ps = c.server.pubsub;
  const out: Reply[] = [];
  for (let j = 2; j < c.argv.length; j++) out.push(bulk(c.argv[j]), intReply(ps.subscriberCount(c.argv[j], kind)));
  return array(out);
}

const pubsubChannels = (c: Client): Reply => channelList(c, 'global');
const pubsubShardchannels = (c: Client): Reply => channelList(c, 'shard');
const pubsubNumsub = (c: Client): Reply => subscriberCounts(c, 'global');
const pubsubShardnumsub = (c: Client): Reply => subscriberCounts(c, 'shard');
const pubsubNumpat = (c: Client): Reply => intReply(c.server.pubsub.patternCount);
const pubsubHelp = (): Reply => helpReply('PUBSUB');

export const pubsubCommands: Record<string, Handler> = {
  subscribe,
  unsubscribe,
  psubscribe,
  punsubscribe,
  ssubscribe,
  sunsubscribe,
  publish,
  spublish,
  'pubsub|channels': pubsubChannels,
  'pubsub|shardchannels': pubsubShardchannels,
  'pubsub|numsub': pubsubNumsub,
  'pubsub|shardnumsub': pubsubShardnumsub,
  'pubsub|numpat': pubsubNumpat,
  'pubsub|help': pubsubHelp,
};
