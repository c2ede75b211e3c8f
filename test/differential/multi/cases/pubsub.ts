// Pub/sub across connections (pubsub.c): confirmations, messages, patterns,
// shard channels, PUBSUB introspection, the RESP2 subscribed context, RESP3
// pushes, RESET/QUIT/CLIENT KILL cleanup and binary names, against 7.0.15.
//
// Redis keeps a client's channels in a dict whose order depends on a random
// hash seed, so UNSUBSCRIBE without arguments is only used with one channel;
// patterns are a list, so PUNSUBSCRIBE without arguments is ordered. Messages
// for several patterns of one client come in dict order too: one pattern per
// connection where several match.
import type { MultiCase, MultiStep } from '../case.ts';

const w = (s: string): string[] => s.split(' ');
const on = (c: number, cmd: string | string[], extra: { sort?: true; blocks?: true } = {}): MultiStep => ({
  c, cmd: typeof cmd === 'string' ? w(cmd) : cmd, ...extra,
});

/** The case as written (RESP2 everywhere) and with the listed connections in RESP3. */
function both(name: string, steps: MultiStep[], resp3: number[], extra: Partial<MultiCase> = {}): MultiCase[] {
  return [
    { name, steps, ...extra },
    { name: `${name} resp3`, steps, resp3, ...extra },
  ];
}

const basics: MultiCase[] = [
  ...both('subscribe one channel and receive', [on(0, 'SUBSCRIBE news'), on(1, 'PUBLISH news hello'), on(1, 'PUBLISH other x'), on(1, 'PUBLISH news again')], [0]),
  ...both('subscribe several channels at once', [on(0, 'SUBSCRIBE a b c'), on(1, 'PUBLISH b 1'), on(1, 'PUBLISH c 2'), on(1, 'PUBLISH a 3')], [0]),
  ...both('subscribe twice to the same channel', [on(0, 'SUBSCRIBE a a'), on(0, 'SUBSCRIBE a b'), on(1, 'PUBLISH a x'), on(1, 'PUBSUB NUMSUB a b')], [0]),
  ...both('unsubscribe named channels', [on(0, 'SUBSCRIBE a b'), on(0, 'UNSUBSCRIBE b'), on(1, 'PUBLISH b x'), on(1, 'PUBLISH a y'), on(0, 'UNSUBSCRIBE a nope'), on(1, 'PUBLISH a z')], [0]),
  ...both('unsubscribe all with one channel, then none', [on(0, 'SUBSCRIBE only'), on(0, 'UNSUBSCRIBE'), on(0, 'UNSUBSCRIBE'), on(0, 'GET x')], [0]),
  ...both('unsubscribe without any subscription', [on(0, 'UNSUBSCRIBE'), on(0, 'UNSUBSCRIBE a b'), on(0, 'PUNSUBSCRIBE'), on(0, 'PUNSUBSCRIBE p'), on(0, 'SUNSUBSCRIBE'), on(0, 'SET k v')], [0]),
  ...both('publish without subscribers', [on(0, 'PUBLISH nobody x'), on(0, 'SPUBLISH nobody x'), on(1, 'SUBSCRIBE other'), on(0, 'PUBLISH nobody x')], [1]),
  ...both('two subscribers on one channel', [on(0, 'SUBSCRIBE ch'), on(1, 'SUBSCRIBE ch'), on(2, 'PUBLISH ch m'), on(1, 'UNSUBSCRIBE ch'), on(2, 'PUBLISH ch m2')], [0, 1], { clients: 3 }),
  ...both('channel and pattern on one client', [on(0, 'SUBSCRIBE news'), on(0, 'PSUBSCRIBE n*'), on(1, 'PUBLISH news x'), on(1, 'PUBLISH nope y'), on(0, 'UNSUBSCRIBE news'), on(1, 'PUBLISH news z')], [0]),
  ...both('subscription count mixes channels and patterns', [on(0, 'PSUBSCRIBE p1 p2'), on(0, 'SUBSCRIBE c1'), on(0, 'UNSUBSCRIBE c1'), on(0, 'PUNSUBSCRIBE p1'), on(0, 'SUBSCRIBE c2 c3'), on(0, 'PUNSUBSCRIBE')], [0]),
  ...both('channel names are literal', [on(0, ['SUBSCRIBE', 'a*']), on(1, 'PUBLISH ab x'), on(1, ['PUBLISH', 'a*', 'y'])], [0]),
  ...both('many subscribers', [on(0, 'SUBSCRIBE x'), on(1, 'SUBSCRIBE x'), on(2, 'SUBSCRIBE x'), on(3, 'PSUBSCRIBE *'), on(4, 'PUBLISH x hi'), on(4, 'PUBSUB NUMSUB x'), on(4, 'PUBSUB NUMPAT')], [0, 3], { clients: 5 }),
];

const patterns: MultiCase[] = [
  ...both('psubscribe star', [on(0, 'PSUBSCRIBE news.*'), on(1, 'PUBLISH news.tech a'), on(1, 'PUBLISH news. b'), on(1, 'PUBLISH news c')], [0]),
  ...both('psubscribe question mark and classes', [on(0, ['PSUBSCRIBE', 'h?llo']), on(1, ['PSUBSCRIBE', 'h[ae]llo']), on(2, ['PSUBSCRIBE', 'h[^e]llo']), on(3, 'PUBLISH hello 1'), on(3, 'PUBLISH hallo 2'), on(3, 'PUBLISH hxllo 3'), on(3, 'PUBLISH hllo 4')], [1], { clients: 4 }),
  ...both('psubscribe ranges and escapes', [on(0, ['PSUBSCRIBE', 'r[a-c]']), on(1, ['PSUBSCRIBE', 'lit\\*']), on(2, 'PUBLISH rb 1'), on(2, 'PUBLISH rd 2'), on(2, ['PUBLISH', 'lit*', '3']), on(2, 'PUBLISH litx 4')], [0], { clients: 3 }),
  ...both('patterns are case sensitive', [on(0, 'PSUBSCRIBE A*'), on(1, 'PUBLISH abc x'), on(1, 'PUBLISH Abc y')], [0]),
  ...both('punsubscribe all goes in subscription order', [on(0, 'PSUBSCRIBE z* a* m*'), on(0, 'PUNSUBSCRIBE'), on(0, 'PUNSUBSCRIBE')], [0]),
  ...both('punsubscribe named patterns', [on(0, 'PSUBSCRIBE a* b*'), on(0, 'PUNSUBSCRIBE b* c*'), on(1, 'PUBLISH bx 1'), on(1, 'PUBLISH ax 2'), on(0, 'PUNSUBSCRIBE a*'), on(0, 'PING')], [0]),
  ...both('psubscribe the same pattern twice', [on(0, 'PSUBSCRIBE p* p*'), on(1, 'PUBLISH px m'), on(1, 'PUBSUB NUMPAT')], [0]),
  ...both('pattern matches a channel subscribed elsewhere', [on(0, 'SUBSCRIBE orders'), on(1, 'PSUBSCRIBE ord*'), on(2, 'PUBLISH orders 42'), on(2, 'PUBSUB NUMSUB orders'), on(2, 'PUBSUB NUMPAT')], [1], { clients: 3 }),
  ...both('the match-all pattern', [on(0, 'PSUBSCRIBE *'), on(1, 'PUBLISH a 1'), on(1, ['PUBLISH', '', '2']), on(1, 'SPUBLISH a 3')], [0]),
];

const shard: MultiCase[] = [
  ...both('ssubscribe and spublish', [on(0, 'SSUBSCRIBE s1 s2'), on(1, 'SPUBLISH s1 a'), on(1, 'SPUBLISH s2 b'), on(1, 'PUBLISH s1 c'), on(1, 'PUBSUB SHARDNUMSUB s1 s2 s3')], [0]),
  ...both('shard channels are counted apart', [on(0, 'SUBSCRIBE c'), on(0, 'SSUBSCRIBE s'), on(0, 'PSUBSCRIBE p*'), on(0, 'SSUBSCRIBE t'), on(0, 'SUNSUBSCRIBE s'), on(0, 'UNSUBSCRIBE c'), on(0, 'SUNSUBSCRIBE t')], [0]),
  ...both('spublish ignores patterns', [on(0, 'PSUBSCRIBE *'), on(1, 'SPUBLISH chan m'), on(1, 'PUBLISH chan m')], [0]),
  ...both('sunsubscribe all with one channel, then none', [on(0, 'SSUBSCRIBE only'), on(0, 'SUNSUBSCRIBE'), on(0, 'SUNSUBSCRIBE'), on(0, 'SUNSUBSCRIBE x y')], [0]),
  ...both('shard subscriber leaves subscribed mode last', [on(0, 'SSUBSCRIBE s'), on(0, 'SUBSCRIBE c'), on(0, 'UNSUBSCRIBE c'), on(0, 'GET k'), on(0, 'SUNSUBSCRIBE s'), on(0, 'GET k')], [0]),
  ...both('pubsub shardchannels', [on(0, 'SSUBSCRIBE alpha'), on(1, 'SSUBSCRIBE beta'), on(2, 'PUBSUB SHARDCHANNELS', { sort: true }), on(2, 'PUBSUB SHARDCHANNELS a*'), on(2, 'PUBSUB CHANNELS'), on(2, 'PUBSUB SHARDNUMSUB alpha beta gamma')], [0], { clients: 3 }),
];

// Under RESP2 a subscribed connection may only run (P|S)(UN)SUBSCRIBE, PING, QUIT, RESET.
const subscribedContext: MultiCase[] = [
  {
    name: 'resp2 subscribed context refuses other commands',
    clients: 1,
    steps: [
      on(0, 'SUBSCRIBE a'), on(0, 'GET k'), on(0, 'SET k v'), on(0, 'PUBLISH a x'), on(0, 'CLIENT LIST'), on(0, 'CLIENT ID'),
      on(0, 'ECHO hi'), on(0, 'HELLO 3'), on(0, 'SELECT 1'), on(0, 'MULTI'), on(0, 'PUBSUB NUMSUB a'), on(0, 'CONFIG GET hz'),
    ],
  },
  {
    name: 'resp2 subscribed context: unknown commands and arity come first',
    clients: 1,
    steps: [on(0, 'PSUBSCRIBE p'), on(0, 'NOSUCHCMD x'), on(0, 'GET'), on(0, 'CLIENT NOSUCH'), on(0, 'PING a b'), on(0, 'SUBSCRIBE'), on(0, 'GET a b')],
  },
  {
    name: 'resp2 subscribed ping is a pong message',
    clients: 1,
    steps: [on(0, 'SUBSCRIBE a'), on(0, 'PING'), on(0, 'PING hello'), on(0, ['PING', '']), on(0, 'UNSUBSCRIBE a'), on(0, 'PING'), on(0, 'PING hello')],
  },
  {
    name: 'resp2 shard subscription also restricts',
    clients: 1,
    steps: [on(0, 'SSUBSCRIBE s'), on(0, 'GET k'), on(0, 'PING'), on(0, 'SUNSUBSCRIBE'), on(0, 'GET k')],
  },
  {
    name: 'resp3 subscribed client runs anything',
    clients: 2,
    resp3: [0],
    steps: [on(0, 'SUBSCRIBE a'), on(0, 'SET k v'), on(0, 'GET k'), on(0, 'PING'), on(0, 'PING x'), on(1, 'PUBLISH a m'), on(0, 'DBSIZE'), on(0, 'ECHO e')],
  },
  {
    name: 'resp3 publish to its own channel: the message comes before the reply',
    clients: 1,
    resp3: [0],
    steps: [on(0, 'SUBSCRIBE self'), on(0, 'PUBLISH self hi'), on(0, 'PSUBSCRIBE s*'), on(0, 'PUBLISH self again'), on(0, 'SSUBSCRIBE self'), on(0, 'SPUBLISH self shard')],
  },
  {
    // CLIENT REPLY SKIP hides HELLO's reply, which holds the connection id.
    name: 'resp3 subscribed client switches to resp2 and is restricted',
    clients: 1,
    resp3: [0],
    steps: [on(0, 'SUBSCRIBE a'), on(0, 'GET k'), on(0, 'CLIENT REPLY SKIP', { blocks: true }), on(0, 'HELLO 2', { blocks: true }), on(0, 'GET k'), on(0, 'PING'), on(0, 'UNSUBSCRIBE a'), on(0, 'GET k')],
  },
];

const lifecycle: MultiCase[] = [
  ...both('reset unsubscribes everything silently', [on(0, 'SUBSCRIBE a'), on(0, 'PSUBSCRIBE p*'), on(0, 'SSUBSCRIBE s'), on(0, 'RESET'), on(1, 'PUBLISH a x'), on(1, 'PUBLISH px y'), on(1, 'SPUBLISH s z'), on(0, 'GET k'), on(1, 'PUBSUB NUMPAT')], [0]),
  ...both('quit while subscribed', [on(0, 'SUBSCRIBE a'), on(0, 'PSUBSCRIBE *'), on(0, 'QUIT'), on(1, 'PUBLISH a x'), on(1, 'PUBSUB NUMSUB a'), on(1, 'PUBSUB NUMPAT'), on(1, 'PUBSUB CHANNELS')], [0]),
  ...both('client kill removes the subscriber', [on(0, 'SUBSCRIBE a'), on(0, 'SSUBSCRIBE s'), on(1, ['CLIENT', 'KILL', 'ID', '$id0']), on(1, 'PUBLISH a x'), on(1, 'SPUBLISH s x'), on(1, 'PUBSUB SHARDNUMSUB s')], [0]),
  ...both('client kill type pubsub', [on(0, 'SUBSCRIBE a'), on(1, 'PSUBSCRIBE b'), on(2, 'CLIENT KILL TYPE pubsub'), on(2, 'PUBLISH a x'), on(2, 'PUBSUB NUMPAT'), on(2, 'CLIENT KILL TYPE pubsub')], [0], { clients: 3 }),
  ...both('client kill type normal skips subscribers', [on(0, 'SUBSCRIBE a'), on(1, 'SET k v'), on(2, 'CLIENT KILL TYPE normal'), on(2, 'PUBLISH a x')], [0], { clients: 3 }),
  ...both('unsubscribe leaves pubsub type', [on(0, 'SUBSCRIBE a'), on(0, 'UNSUBSCRIBE a'), on(1, 'CLIENT KILL TYPE pubsub'), on(0, 'PING')], [0]),
  ...both('client reply off still delivers pushes', [on(0, 'CLIENT REPLY OFF', { blocks: true }), on(0, 'SUBSCRIBE a b'), on(1, 'PUBLISH a x'), on(0, 'UNSUBSCRIBE b'), on(0, 'PING', { blocks: true })], [0]),
  ...both('client reply skip before subscribe', [on(0, 'CLIENT REPLY SKIP', { blocks: true }), on(0, 'SUBSCRIBE a'), on(1, 'PUBLISH a x'), on(0, 'PING')], [0]),
];

const introspection: MultiCase[] = [
  ...both('pubsub channels and numsub', [on(0, 'SUBSCRIBE news.a news.b other'), on(1, 'SUBSCRIBE news.a'), on(2, 'PUBSUB CHANNELS', { sort: true }), on(2, 'PUBSUB CHANNELS news.*', { sort: true }), on(2, 'PUBSUB CHANNELS nomatch*'), on(2, 'PUBSUB NUMSUB news.a news.b nope news.a'), on(2, 'PUBSUB NUMSUB')], [0], { clients: 3 }),
  ...both('pubsub channels ignores patterns', [on(0, 'PSUBSCRIBE a* b*'), on(1, 'PSUBSCRIBE a*'), on(2, 'PUBSUB CHANNELS'), on(2, 'PUBSUB NUMPAT'), on(2, 'PUBSUB NUMSUB a*'), on(0, 'PUNSUBSCRIBE a*'), on(2, 'PUBSUB NUMPAT'), on(1, 'PUNSUBSCRIBE'), on(2, 'PUBSUB NUMPAT')], [0], { clients: 3 }),
  {
    name: 'pubsub errors and help',
    clients: 1,
    steps: [
      on(0, 'PUBSUB'), on(0, 'PUBSUB HELP'), on(0, 'PUBSUB help'), on(0, 'PUBSUB HELP x'), on(0, 'PUBSUB FOO'), on(0, 'PUBSUB CHANNELS a b'),
      on(0, 'PUBSUB SHARDCHANNELS a b'), on(0, 'PUBSUB NUMPAT x'), on(0, 'PUBSUB numpat'), on(0, 'PUBSUB shardnumsub'),
      on(0, 'PUBLISH a'), on(0, 'PUBLISH a b c'), on(0, 'SPUBLISH a'), on(0, 'SUBSCRIBE'), on(0, 'PSUBSCRIBE'), on(0, 'SSUBSCRIBE'),
    ],
  },
  {
    name: 'pubsub introspection inside a script',
    clients: 2,
    steps: [
      on(0, 'SUBSCRIBE a'),
      on(1, ['EVAL', "return redis.call('pubsub', 'numsub', 'a', 'b')", '0']),
      on(1, ['EVAL', "return redis.call('pubsub', 'channels')", '0']),
      on(1, ['EVAL', "return redis.call('subscribe', 'x')", '0']),
      on(1, ['EVAL', "return redis.call('psubscribe', 'x')", '0']),
      on(1, ['EVAL', "return redis.call('ssubscribe', 'x')", '0']),
      on(1, ['EVAL', "return redis.call('unsubscribe')", '0']),
    ],
  },
];

const binary: MultiCase[] = [
  ...both('binary channels and messages', [on(0, ['SUBSCRIBE', '\x00\xff\r\n', '']), on(1, ['PUBLISH', '\x00\xff\r\n', '\x01\x02\r\n\x00']), on(1, ['PUBLISH', '', '']), on(1, ['PUBSUB', 'NUMSUB', '', '\x00\xff\r\n']), on(0, ['UNSUBSCRIBE', '\x00\xff\r\n'])], [0]),
  ...both('binary patterns', [on(0, ['PSUBSCRIBE', '\xe9*']), on(1, ['PUBLISH', '\xe9t\xe9', '\xff']), on(1, ['PUBLISH', 'ete', 'x'])], [0]),
  ...both('large message', [on(0, 'SUBSCRIBE big'), on(1, ['PUBLISH', 'big', 'x'.repeat(100000)])], [0]),
];

const scriptsAndTransactions: MultiCase[] = [
  ...both('script publishes', [on(0, 'SUBSCRIBE ch'), on(1, ['EVAL', "redis.call('publish', 'ch', 'one'); return redis.call('publish', 'ch', ARGV[1])", '0', 'two']), on(1, ['EVAL', "return redis.call('publish', 'none', 'x')", '0'])], [0]),
  ...both('script spublish reaches shard subscribers', [on(0, 'SSUBSCRIBE s'), on(1, ['EVAL', "return redis.call('spublish', 's', 'm')", '0'])], [0]),
  ...both('publish inside a transaction', [on(0, 'SUBSCRIBE ch'), on(1, 'MULTI'), on(1, 'PUBLISH ch a'), on(1, 'PUBLISH ch b'), on(1, 'EXEC')], [0]),
  {
    name: 'subscribe inside a transaction',
    clients: 2,
    steps: [on(0, 'MULTI'), on(0, 'SUBSCRIBE t'), on(0, 'EXEC'), on(1, 'PUBLISH t m'), on(0, 'PING')],
  },
  {
    name: 'subscribe to several channels inside a transaction',
    clients: 2,
    steps: [on(0, 'MULTI'), on(0, 'PING'), on(0, 'SUBSCRIBE a b'), on(0, 'PSUBSCRIBE p*'), on(0, 'EXEC'), on(1, 'PUBLISH b m'), on(0, 'UNSUBSCRIBE a')],
  },
  ...both('subscribe and unsubscribe inside a transaction', [on(0, 'MULTI'), on(0, 'SUBSCRIBE a'), on(0, 'SET k v'), on(0, 'UNSUBSCRIBE a'), on(0, 'GET k'), on(0, 'EXEC'), on(0, 'GET k')], [0]),
  {
    name: 'resp3 publish to itself inside a transaction: messages inside the EXEC reply',
    clients: 2,
    resp3: [0],
    steps: [
      on(0, 'SUBSCRIBE ch'), on(0, 'PSUBSCRIBE c*'), on(0, 'MULTI'), on(0, 'PUBLISH ch x'), on(0, 'SET k v'), on(0, 'PUBLISH ch y'), on(0, 'EXEC'),
      on(0, 'CLIENT REPLY OFF', { blocks: true }), on(0, 'MULTI', { blocks: true }), on(0, 'PUBLISH ch z', { blocks: true }), on(0, 'EXEC'),
      on(0, 'CLIENT REPLY ON'), on(1, 'PUBLISH ch w'),
    ],
  },
  {
    name: 'resp3 keyspace events to itself inside a transaction',
    clients: 1,
    resp3: [0],
    config: { 'notify-keyspace-events': 'KEA' },
    steps: [on(0, 'PSUBSCRIBE __keyspace@0__:*'), on(0, 'MULTI'), on(0, 'SET k v'), on(0, 'GET k'), on(0, 'DEL k'), on(0, 'EXEC')],
  },
  {
    name: 'ssubscribe inside a transaction is refused',
    clients: 1,
    steps: [on(0, 'MULTI'), on(0, 'SSUBSCRIBE s'), on(0, 'PING'), on(0, 'EXEC'), on(0, 'PUBSUB SHARDNUMSUB s')],
  },
  {
    name: 'resp3 ssubscribe inside a transaction is refused',
    clients: 1,
    resp3: [0],
    steps: [on(0, 'MULTI'), on(0, 'SSUBSCRIBE s'), on(0, 'EXEC')],
  },
];

export const cases: MultiCase[] = [
  ...basics,
  ...patterns,
  ...shard,
  ...subscribedContext,
  ...lifecycle,
  ...introspection,
  ...binary,
  ...scriptsAndTransactions,
];
