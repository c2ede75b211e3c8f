// Client-side caching (tracking.c): CLIENT TRACKING in default, OPTIN, OPTOUT,
// BCAST and NOLOOP modes, RESP3 invalidation pushes, RESP2 redirection to a
// subscribed connection (__redis__:invalidate), broken redirections, flushes,
// CLIENT CACHING / GETREDIR / TRACKINGINFO and their errors, against 7.0.15.
// Replies holding a connection id (GETREDIR and TRACKINGINFO with a redirection,
// tracking-redir-broken) are left to packages/core/src/tracking.test.ts.
import type { MultiCase, MultiStep } from '../case.ts';

const on = (c: number, cmd: string | string[], extra: { blocks?: true } = {}): MultiStep => ({
  c, cmd: typeof cmd === 'string' ? cmd.split(' ') : cmd, ...extra,
});

/** Connection 0 in RESP3 tracks, connection 1 writes. */
const resp3Tracker = (name: string, steps: MultiStep[], clients = 2): MultiCase => ({ name, clients, resp3: [0], steps });

const defaultMode: MultiCase[] = [
  resp3Tracker('tracking: a read key is invalidated once', [
    on(0, 'CLIENT TRACKING ON'), on(0, 'GET k'), on(1, 'SET k v'), on(1, 'SET k v2'), on(0, 'GET k'), on(1, 'DEL k'),
  ]),
  resp3Tracker('tracking: missing keys are tracked too, every key of MGET', [
    on(0, 'CLIENT TRACKING ON'), on(0, 'MGET a b c'), on(1, 'MSET a 1 c 3'), on(1, 'SET b 2'), on(1, 'SET a x'),
  ]),
  resp3Tracker('tracking: own writes are invalidated after the reply', [
    on(0, 'CLIENT TRACKING ON'), on(0, 'GET k'), on(0, 'SET k v'), on(0, 'GET k'), on(0, 'INCR k'),
  ]),
  resp3Tracker('tracking: noloop skips own writes', [
    on(0, 'CLIENT TRACKING ON NOLOOP'), on(0, 'GET k'), on(0, 'SET k v'), on(0, 'GET k'), on(1, 'SET k w'),
  ]),
  resp3Tracker('tracking: reads of every type', [
    on(0, 'CLIENT TRACKING ON'), on(0, 'HGET h f'), on(0, 'LRANGE l 0 -1'), on(0, 'SMEMBERS s'), on(0, 'ZSCORE z m'), on(0, 'STRLEN str'),
    on(1, 'HSET h f v'), on(1, 'RPUSH l x'), on(1, 'SADD s m'), on(1, 'ZADD z 1 m'), on(1, 'APPEND str x'),
  ]),
  resp3Tracker('tracking: writes by any path invalidate', [
    on(1, 'MSET a 1 b 2 c 3 d 4'), on(0, 'CLIENT TRACKING ON'), on(0, 'MGET a b c d'),
    on(1, 'RENAME a a2'), on(1, 'EXPIRE b 100'), on(1, 'MOVE c 1'), on(1, 'COPY d b REPLACE'),
  ]),
  resp3Tracker('tracking: writes without a change still invalidate', [
    on(1, 'SET k v'), on(0, 'CLIENT TRACKING ON'), on(0, 'GET k'), on(1, 'SETNX k other'), on(1, 'SET k v'), on(0, 'GET k'), on(1, 'EXPIRE nokey 10'),
  ]),
  resp3Tracker('tracking: flushes send a null invalidation', [
    on(0, 'CLIENT TRACKING ON'), on(0, 'GET k'), on(1, 'FLUSHALL'), on(1, 'SET k v'), on(0, 'GET k'), on(1, 'FLUSHDB'), on(1, 'SET k w'),
  ]),
  resp3Tracker('tracking: own flush comes after the reply', [
    on(0, 'CLIENT TRACKING ON'), on(0, 'GET k'), on(0, 'FLUSHALL'), on(0, 'FLUSHDB'),
  ]),
  resp3Tracker('tracking: off stops messages, keys read before stay tracked', [
    on(0, 'CLIENT TRACKING ON'), on(0, 'GET k'), on(0, 'CLIENT TRACKING OFF'), on(1, 'SET k v'), on(0, 'CLIENT TRACKING ON'), on(1, 'SET k w'),
  ]),
  resp3Tracker('tracking: two trackers of one key', [
    on(0, 'CLIENT TRACKING ON'), on(2, 'CLIENT TRACKING ON'), on(0, 'GET k'), on(2, 'GET k'), on(1, 'SET k v'),
  ], 3),
  {
    name: 'tracking: two resp3 trackers',
    clients: 3,
    resp3: [0, 2],
    steps: [on(0, 'CLIENT TRACKING ON'), on(2, 'CLIENT TRACKING ON'), on(0, 'GET k'), on(2, 'GET k'), on(1, 'SET k v'), on(2, 'SET k w'), on(0, 'GET k'), on(2, 'DEL k')],
  },
  resp3Tracker('tracking: a transaction invalidates after EXEC', [
    on(0, 'CLIENT TRACKING ON'), on(0, 'MGET a b'), on(0, 'MULTI'), on(0, 'SET a 1'), on(0, 'GET b'), on(0, 'SET b 2'), on(0, 'EXEC'),
  ]),
  resp3Tracker('tracking: a script reads for its caller', [
    on(0, 'CLIENT TRACKING ON'), on(0, ['EVAL', "return redis.call('get', KEYS[1])", '1', 'k']), on(1, 'SET k v'),
    on(0, ['EVAL', "redis.call('get', KEYS[1]); return redis.call('set', KEYS[1], 'x')", '1', 'k']),
  ]),
  {
    ...resp3Tracker('tracking: expiry invalidates', [
      on(0, 'CLIENT TRACKING ON'), on(1, 'SET k v PX 120'), on(0, 'GET k'), { sleep: 200 }, on(0, 'GET k'),
    ]),
    config: { hz: '100' },
  },
  resp3Tracker('tracking: subscribed resp3 client tracks too', [
    on(0, 'SUBSCRIBE ch'), on(0, 'CLIENT TRACKING ON'), on(0, 'GET k'), on(1, 'SET k v'), on(1, 'PUBLISH ch m'),
  ]),
];

const optInOut: MultiCase[] = [
  resp3Tracker('tracking optin: only after CLIENT CACHING YES', [
    on(0, 'CLIENT TRACKING ON OPTIN'), on(0, 'GET a'), on(0, 'CLIENT CACHING YES'), on(0, 'GET b'), on(0, 'GET c'),
    on(1, 'MSET a 1 b 2 c 3'),
  ]),
  resp3Tracker('tracking optin: caching survives CLIENT commands, not others', [
    on(0, 'CLIENT TRACKING ON OPTIN'), on(0, 'CLIENT CACHING YES'), on(0, 'CLIENT TRACKINGINFO'), on(0, 'CLIENT GETNAME'), on(0, 'GET a'), on(0, 'CLIENT TRACKINGINFO'),
    on(0, 'CLIENT CACHING YES'), on(0, 'PING'), on(0, 'GET b'), on(1, 'MSET a 1 b 2'),
  ]),
  resp3Tracker('tracking optin: caching covers a whole transaction', [
    on(0, 'CLIENT TRACKING ON OPTIN'), on(0, 'CLIENT CACHING YES'), on(0, 'MULTI'), on(0, 'GET a'), on(0, 'GET b'), on(0, 'EXEC'), on(0, 'GET c'),
    on(1, 'MSET a 1 b 2 c 3'),
  ]),
  resp3Tracker('tracking optout: all but after CLIENT CACHING NO', [
    on(0, 'CLIENT TRACKING ON OPTOUT'), on(0, 'GET a'), on(0, 'CLIENT CACHING NO'), on(0, 'GET b'), on(0, 'GET c'), on(0, 'CLIENT TRACKINGINFO'),
    on(1, 'MSET a 1 b 2 c 3'),
  ]),
  {
    name: 'tracking caching errors',
    clients: 1,
    resp3: [0],
    steps: [
      on(0, 'CLIENT CACHING YES'), on(0, 'CLIENT TRACKING ON'), on(0, 'CLIENT CACHING YES'), on(0, 'CLIENT CACHING NO'),
      on(0, 'CLIENT TRACKING OFF'), on(0, 'CLIENT TRACKING ON OPTIN'), on(0, 'CLIENT CACHING NO'), on(0, 'CLIENT CACHING maybe'),
      on(0, 'CLIENT CACHING yes'), on(0, 'CLIENT CACHING'), on(0, 'CLIENT CACHING YES NO'), on(0, 'CLIENT TRACKING OFF'),
      on(0, 'CLIENT TRACKING ON OPTOUT'), on(0, 'CLIENT CACHING YES'), on(0, 'CLIENT CACHING NO'), on(0, 'CLIENT TRACKINGINFO'),
    ],
  },
];

const bcast: MultiCase[] = [
  resp3Tracker('tracking bcast: every key, batched per command', [
    on(0, 'CLIENT TRACKING ON BCAST'), on(1, 'SET a 1'), on(1, 'MSET z 1 b 2 b 3 a 4'), on(1, 'DEL a b z'), on(1, 'GET a'),
  ]),
  resp3Tracker('tracking bcast: prefixes, one message per prefix in byte order', [
    on(0, 'CLIENT TRACKING ON BCAST PREFIX user: PREFIX obj: PREFIX a'), on(1, 'MSET user:1 x obj:2 y other z ab w user:0 v'),
    on(1, 'SET obj:3 q'), on(0, 'CLIENT TRACKINGINFO'),
  ]),
  resp3Tracker('tracking bcast: noloop leaves out own keys', [
    on(0, 'CLIENT TRACKING ON BCAST NOLOOP'), on(0, 'SET a 1'), on(0, 'MSET b 2 c 3'), on(1, 'SET b x'), on(0, 'GET a'),
  ]),
  resp3Tracker('tracking bcast: noloop does not cover a script\'s writes', [
    on(0, 'CLIENT TRACKING ON BCAST NOLOOP'), on(0, ['EVAL', "redis.call('set', KEYS[1], 'v'); return redis.call('set', KEYS[2], 'w')", '2', 'k1', 'k2']),
    on(0, 'SET k3 v'), on(0, ['FCALL_RO', 'nosuch', '0']), on(1, ['EVAL', "return redis.call('set', KEYS[1], 'v')", '1', 'k4']),
  ]),
  resp3Tracker('tracking noloop covers a script\'s writes in default mode', [
    on(0, 'CLIENT TRACKING ON NOLOOP'), on(0, 'MGET k1 k2'), on(0, ['EVAL', "return redis.call('set', KEYS[1], 'v')", '1', 'k1']),
    on(1, ['EVAL', "return redis.call('set', KEYS[1], 'v')", '1', 'k2']), on(0, ['EVAL_RO', "return redis.call('get', KEYS[1])", '1', 'k2']), on(1, 'SET k2 x'),
  ]),
  resp3Tracker('tracking bcast: own writes come after the reply', [
    on(0, 'CLIENT TRACKING ON BCAST PREFIX k'), on(0, 'SET k1 v'), on(0, 'INCR k2'), on(0, 'FLUSHALL'),
  ]),
  resp3Tracker('tracking bcast: adding prefixes and the empty prefix', [
    on(0, 'CLIENT TRACKING ON BCAST PREFIX a'), on(0, 'CLIENT TRACKING ON BCAST PREFIX b'), on(0, 'CLIENT TRACKINGINFO'),
    on(0, 'CLIENT TRACKING ON BCAST'), on(0, 'CLIENT TRACKINGINFO'), on(1, 'MSET a1 1 b1 2 c1 3'),
  ]),
  resp3Tracker('tracking bcast: prefix collisions', [
    on(0, 'CLIENT TRACKING ON BCAST PREFIX x PREFIX xy'), on(0, 'CLIENT TRACKINGINFO'),
    on(0, 'CLIENT TRACKING ON BCAST PREFIX a PREFIX b PREFIX bc'), on(0, 'CLIENT TRACKINGINFO'),
    on(0, 'CLIENT TRACKING ON BCAST PREFIX a'), on(0, 'CLIENT TRACKING ON BCAST PREFIX abc'), on(0, 'CLIENT TRACKING ON BCAST PREFIX q'),
    on(0, 'CLIENT TRACKINGINFO'), on(1, 'MSET bcd 1 q 2'),
  ]),
  resp3Tracker('tracking bcast: two clients on one prefix', [
    on(0, 'CLIENT TRACKING ON BCAST PREFIX p'), on(2, 'CLIENT TRACKING ON BCAST PREFIX p NOLOOP'), on(2, 'SET p1 x'), on(1, 'SET p2 y'),
    on(0, 'CLIENT TRACKING OFF'), on(1, 'SET p3 z'), on(2, 'CLIENT TRACKING OFF'), on(1, 'SET p4 w'),
  ], 3),
];

const redirect: MultiCase[] = [
  {
    name: 'tracking redirect to a resp2 subscriber',
    clients: 3,
    steps: [
      on(1, 'SUBSCRIBE __redis__:invalidate'), on(0, ['CLIENT', 'TRACKING', 'ON', 'REDIRECT', '$id1']),
      on(0, 'MGET k j'), on(2, 'MSET k 1 j 2'), on(0, 'GET k'), on(0, 'SET k own'), on(0, 'GET k'), on(2, 'FLUSHALL'),
    ],
  },
  {
    name: 'tracking redirect to a subscriber of another channel',
    clients: 3,
    steps: [on(1, 'PSUBSCRIBE other*'), on(0, ['CLIENT', 'TRACKING', 'ON', 'REDIRECT', '$id1']), on(0, 'GET k'), on(2, 'SET k v'), on(2, 'PUBLISH other1 m')],
  },
  {
    name: 'tracking redirect to an unsubscribed resp2 client sends nothing',
    clients: 3,
    steps: [on(0, ['CLIENT', 'TRACKING', 'ON', 'REDIRECT', '$id1']), on(0, 'GET k'), on(2, 'SET k v'), on(1, 'PING')],
  },
  {
    name: 'tracking redirect to a resp3 client',
    clients: 3,
    resp3: [1],
    steps: [on(0, ['CLIENT', 'TRACKING', 'ON', 'REDIRECT', '$id1']), on(0, 'GET k'), on(2, 'SET k v'), on(0, 'GET k'), on(0, 'SET k own')],
  },
  {
    name: 'tracking redirect with bcast',
    clients: 3,
    steps: [on(1, 'SUBSCRIBE __redis__:invalidate'), on(0, ['CLIENT', 'TRACKING', 'ON', 'BCAST', 'REDIRECT', '$id1', 'PREFIX', 'x']), on(2, 'MSET x1 1 y1 2 x2 3'), on(0, 'SET x3 own')],
  },
  {
    name: 'tracking redirect broken, resp2 tracker',
    clients: 3,
    steps: [
      on(1, 'SUBSCRIBE __redis__:invalidate'), on(0, ['CLIENT', 'TRACKING', 'ON', 'REDIRECT', '$id1']), on(0, 'GET k'), on(1, 'QUIT'),
      on(2, 'SET k v'), on(0, 'GET k'), on(0, 'CLIENT TRACKING ON'), on(0, 'CLIENT TRACKINGINFO'),
    ],
  },
];

const commandErrors: MultiCase[] = [
  {
    name: 'tracking option errors',
    clients: 2,
    resp3: [0],
    steps: [
      on(0, 'CLIENT TRACKING'), on(0, 'CLIENT TRACKING maybe'), on(0, 'CLIENT TRACKING ON FOO'), on(0, 'CLIENT TRACKING ON REDIRECT'),
      on(0, 'CLIENT TRACKING ON REDIRECT notanumber'), on(0, 'CLIENT TRACKING ON REDIRECT 999999'),
      on(0, ['CLIENT', 'TRACKING', 'ON', 'REDIRECT', '$id1', 'REDIRECT', '$id1']), on(0, 'CLIENT TRACKING ON PREFIX a'),
      on(0, 'CLIENT TRACKING ON BCAST OPTIN'), on(0, 'CLIENT TRACKING ON OPTIN OPTOUT'), on(0, 'CLIENT TRACKING ON PREFIX'),
      on(0, 'CLIENT TRACKING OFF FOO'), on(0, 'CLIENT TRACKING OFF BCAST'), on(0, 'CLIENT TRACKINGINFO'),
    ],
  },
  {
    name: 'tracking mode switch errors',
    clients: 1,
    resp3: [0],
    steps: [
      on(0, 'CLIENT TRACKING ON'), on(0, 'CLIENT TRACKING ON BCAST'), on(0, 'CLIENT TRACKING ON OPTIN'), on(0, 'CLIENT TRACKING ON OPTOUT'),
      on(0, 'CLIENT TRACKINGINFO'), on(0, 'CLIENT TRACKING ON OPTIN'), on(0, 'CLIENT TRACKINGINFO'), on(0, 'CLIENT TRACKING OFF'),
      on(0, 'CLIENT TRACKING ON BCAST'), on(0, 'CLIENT TRACKING ON'), on(0, 'CLIENT TRACKING OFF'), on(0, 'CLIENT TRACKING OFF'),
    ],
  },
  {
    name: 'tracking info and getredir in resp2',
    clients: 2,
    steps: [
      on(0, 'CLIENT TRACKINGINFO'), on(0, 'CLIENT GETREDIR'), on(0, 'CLIENT TRACKING ON NOLOOP'), on(0, 'CLIENT TRACKINGINFO'), on(0, 'CLIENT GETREDIR'),
      on(0, 'GET k'), on(1, 'SET k v'), on(0, 'CLIENT TRACKINGINFO x'), on(0, 'CLIENT GETREDIR x'), on(0, 'RESET'), on(0, 'CLIENT TRACKINGINFO'),
    ],
  },
  resp3Tracker('tracking off by RESET', [
    on(0, 'CLIENT TRACKING ON BCAST PREFIX a'), on(0, 'RESET'), on(1, 'SET a1 x'), on(0, 'CLIENT TRACKINGINFO'),
  ]),
];

export const cases: MultiCase[] = [...defaultMode, ...optInOut, ...bcast, ...redirect, ...commandErrors];
