// The pub/sub registry (pubsub.c): who listens to which channel, pattern and
// shard channel, and the delivery of messages and subscription confirmations.
// Confirmations and messages are push replies ("subscribe", "message", ...):
// RESP2 sends them as plain arrays, RESP3 as `>` pushes.
import type { Client } from './client.ts';
import { type Reply, bulk, int, NULL, push } from './reply.ts';
import { globMatch } from './util/glob.ts';

/** Global channels (SUBSCRIBE/PUBLISH) or shard channels (SSUBSCRIBE/SPUBLISH). */
export type ChannelKind = 'global' | 'shard';

const KIND_WORDS = {
  global: { subscribe: bulk('subscribe'), unsubscribe: bulk('unsubscribe'), message: bulk('message') },
  shard: { subscribe: bulk('ssubscribe'), unsubscribe: bulk('sunsubscribe'), message: bulk('smessage') },
} as const;
const PSUBSCRIBE = bulk('psubscribe');
const PUNSUBSCRIBE = bulk('punsubscribe');
const PMESSAGE = bulk('pmessage');

/**
 * A client's subscriptions (the pubsub_* fields of Redis's client struct). Sets
 * keep insertion order: Redis 7.0 keeps a client's patterns in a list, so
 * PUNSUBSCRIBE without arguments goes in subscription order; its channels are a
 * dict whose order depends on a per-process hash seed, for which insertion
 * order is one of the possible orders.
 */
export class ClientSubscriptions {
  readonly channels = new Set<string>();
  readonly patterns = new Set<string>();
  readonly shardChannels = new Set<string>();

  /** clientSubscriptionsCount: what (un)subscribe confirmations report for channels and patterns. */
  get count(): number {
    return this.channels.size + this.patterns.size;
  }

  /** Redis's CLIENT_PUBSUB flag: set by any subscription, cleared when none is left. */
  get active(): boolean {
    return this.channels.size + this.patterns.size + this.shardChannels.size !== 0;
  }

  of(kind: ChannelKind): Set<string> {
    return kind === 'global' ? this.channels : this.shardChannels;
  }

  countOf(kind: ChannelKind): number {
    return kind === 'global' ? this.count : this.shardChannels.size;
  }
}

/** Send r to c as an out-of-band push (delivered even under CLIENT REPLY OFF). */
function pushTo(c: Client, r: Reply): void {
  if (c.onPush !== null) c.onPush(r);
}

export class PubSub {
  /**
   * channel -> subscribers, in subscription order (Redis 7.0 keeps a list of
   * clients per channel, so PUBLISH reaches them in that order).
   */
  private readonly channels = new Map<string, Set<Client>>();
  private readonly shardChannels = new Map<string, Set<Client>>();
  private readonly patterns = new Map<string, Set<Client>>();

  private registry(kind: ChannelKind): Map<string, Set<Client>> {
    return kind === 'global' ? this.channels : this.shardChannels;
  }

  /** pubsubSubscribeChannel: returns the confirmation for the client. */
  subscribe(c: Client, channel: string, kind: ChannelKind): Reply {
    const mine = c.subscriptions.of(kind);
    if (!mine.has(channel)) {
      mine.add(channel);
      addTo(this.registry(kind), channel, c);
    }
    return push([KIND_WORDS[kind].subscribe, bulk(channel), int(c.subscriptions.countOf(kind))]);
  }

  /** pubsubUnsubscribeChannel: true if c was subscribed. */
  unsubscribe(c: Client, channel: string, kind: ChannelKind): boolean {
    if (!c.subscriptions.of(kind).delete(channel)) return false;
    removeFrom(this.registry(kind), channel, c);
    return true;
  }

  /** The confirmation of an unsubscription (channel null: there was nothing to unsubscribe from). */
  unsubscribed(c: Client, channel: string | null, kind: ChannelKind): Reply {
    return push([KIND_WORDS[kind].unsubscribe, channel === null ? NULL : bulk(channel), int(c.subscriptions.countOf(kind))]);
  }

  /** pubsubSubscribePattern: returns the confirmation. */
  psubscribe(c: Client, pattern: string): Reply {
    const mine = c.subscriptions.patterns;
    if (!mine.has(pattern)) {
      mine.add(pattern);
      addTo(this.patterns, pattern, c);
    }
    return push([PSUBSCRIBE, bulk(pattern), int(c.subscriptions.count)]);
  }

  punsubscribe(c: Client, pattern: string): boolean {
    if (!c.subscriptions.patterns.delete(pattern)) return false;
    removeFrom(this.patterns, pattern, c);
    return true;
  }

  punsubscribed(c: Client, pattern: string | null): Reply {
    return push([PUNSUBSCRIBE, pattern === null ? NULL : bulk(pattern), int(c.subscriptions.count)]);
  }

  /**
   * pubsubPublishMessage: deliver to the channel's subscribers, then (global
   * channels only) to every matching pattern's subscribers. Returns the number
   * of deliveries (a client matched twice counts twice).
   */
  publish(channel: string, message: string, kind: ChannelKind = 'global'): number {
    let receivers = 0;
    const subscribers = this.registry(kind).get(channel);
    if (subscribers !== undefined) {
      const r = push([KIND_WORDS[kind].message, bulk(channel), bulk(message)]);
      for (const c of subscribers) {
        pushTo(c, r);
        receivers++;
      }
    }
    if (kind === 'shard' || this.patterns.size === 0) return receivers;
    for (const [pattern, clients] of this.patterns) {
      if (!globMatch(pattern, channel)) continue;
      const r = push([PMESSAGE, bulk(pattern), bulk(channel), bulk(message)]);
      for (const c of clients) {
        pushTo(c, r);
        receivers++;
      }
    }
    return receivers;
  }

  /** PUBSUB NUMSUB / SHARDNUMSUB for one channel. */
  subscriberCount(channel: string, kind: ChannelKind): number {
    return this.registry(kind).get(channel)?.size ?? 0;
  }

  /** PUBSUB CHANNELS / SHARDCHANNELS: active channels matching pattern (all when null). */
  channelNames(pattern: string | null, kind: ChannelKind): string[] {
    const out: string[] = [];
    for (const ch of this.registry(kind).keys()) {
      if (pattern === null || globMatch(pattern, ch)) out.push(ch);
    }
    return out;
  }

  /** INFO's pubsub_channels, pubsub_patterns, pubsubshard_channels; PUBSUB NUMPAT. */
  get channelCount(): number {
    return this.channels.size;
  }

  get patternCount(): number {
    return this.patterns.size;
  }

  get shardChannelCount(): number {
    return this.shardChannels.size;
  }

  /**
   * Drop every subscription of c without confirmations: a closed connection
   * (freeClient) and RESET (clearClientConnectionState).
   */
  unsubscribeAll(c: Client): void {
    const subs = c.subscriptions;
    for (const ch of subs.channels) removeFrom(this.channels, ch, c);
    for (const ch of subs.shardChannels) removeFrom(this.shardChannels, ch, c);
    for (const p of subs.patterns) removeFrom(this.patterns, p, c);
    subs.channels.clear();
    subs.shardChannels.clear();
    subs.patterns.clear();
  }
}

function addTo(registry: Map<string, Set<Client>>, name: string, c: Client): void {
  const clients = registry.get(name);
  if (clients === undefined) registry.set(name, new Set([c]));
  else clients.add(c);
}

/** Remove c; a name left without subscribers is forgotten (PUBSUB CHANNELS no longer lists it). */
function removeFrom(registry: Map<string, Set<Client>>, name: string, c: Client): void {
  const clients = registry.get(name);
  if (clients === undefined) return;
  clients.delete(c);
  if (clients.size === 0) registry.delete(name);
}
