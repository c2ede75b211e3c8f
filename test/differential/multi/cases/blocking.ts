// Blocking list and sorted set commands across connections (blocked.c, t_list.c,
// t_zset.c): FIFO service per key, several keys, wake-ups by pushes, LMOVE,
// ZADD, MULTI/EXEC, scripts, RENAME/MOVE/SWAPDB/SORT STORE, timeouts, RESP3
// nulls, BLMOVE directions, wrong types, CLIENT UNBLOCK, CLIENT KILL of a
// blocked client, and every argument error, against 7.0.15.
import type { MultiCase, MultiStep } from '../case.ts';
import { blocks, both, on, sleep, words } from '../steps.ts';

// Each blocking command, how it blocks on key `k`, and a push that wakes it.
const blockers: { name: string; block: string; wake: string; type: 'list' | 'zset' }[] = [
  { name: 'BLPOP', block: 'BLPOP k 0', wake: 'RPUSH k a b', type: 'list' },
  { name: 'BRPOP', block: 'BRPOP k 0', wake: 'RPUSH k a b', type: 'list' },
  { name: 'BLMPOP LEFT', block: 'BLMPOP 0 1 k LEFT', wake: 'RPUSH k a b c', type: 'list' },
  { name: 'BLMPOP RIGHT COUNT', block: 'BLMPOP 0 1 k RIGHT COUNT 2', wake: 'RPUSH k a b c', type: 'list' },
  { name: 'BLMPOP COUNT larger than the list', block: 'BLMPOP 0 1 k LEFT COUNT 10', wake: 'RPUSH k a b c', type: 'list' },
  { name: 'BLMOVE LEFT RIGHT', block: 'BLMOVE k d LEFT RIGHT 0', wake: 'RPUSH k a b', type: 'list' },
  { name: 'BLMOVE RIGHT LEFT', block: 'BLMOVE k d RIGHT LEFT 0', wake: 'RPUSH k a b', type: 'list' },
  { name: 'BLMOVE LEFT LEFT', block: 'BLMOVE k d LEFT LEFT 0', wake: 'RPUSH k a b', type: 'list' },
  { name: 'BLMOVE RIGHT RIGHT', block: 'BLMOVE k d RIGHT RIGHT 0', wake: 'RPUSH k a b', type: 'list' },
  { name: 'BRPOPLPUSH', block: 'BRPOPLPUSH k d 0', wake: 'RPUSH k a b', type: 'list' },
  { name: 'BZPOPMIN', block: 'BZPOPMIN k 0', wake: 'ZADD k 1 a 2 b', type: 'zset' },
  { name: 'BZPOPMAX', block: 'BZPOPMAX k 0', wake: 'ZADD k 1 a 2.5 b', type: 'zset' },
  { name: 'BZMPOP MIN', block: 'BZMPOP 0 1 k MIN', wake: 'ZADD k 1 a 2 b 3 c', type: 'zset' },
  { name: 'BZMPOP MAX COUNT', block: 'BZMPOP 0 1 k MAX COUNT 2', wake: 'ZADD k 1 a 2 b 3 c', type: 'zset' },
];

const inspect = (type: 'list' | 'zset'): MultiStep[] => (type === 'list'
  ? [on(1, 'LRANGE k 0 -1'), on(1, 'LRANGE d 0 -1'), on(1, 'EXISTS k')]
  : [on(1, 'ZRANGE k 0 -1 WITHSCORES'), on(1, 'EXISTS k')]);

const wakeUps: MultiCase[] = blockers.flatMap((b) => [
  ...both(`${b.name} is woken by a push`, [blocks(0, b.block), on(1, b.wake), ...inspect(b.type)], [0]),
  ...both(`${b.name} with data does not block`, [on(1, b.wake), on(0, b.block), ...inspect(b.type)], [0]),
  { name: `${b.name} times out with a null`, steps: [blocks(0, b.block.replace(/ 0( |$)/, ' 0.05$1').replace(/^(B[LZ]MPOP) 0 /, '$1 0.05 ')), sleep(250), on(0, 'PING')] },
  { name: `${b.name} times out with a null resp3`, resp3: [0], steps: [blocks(0, b.block.replace(/ 0( |$)/, ' 0.05$1').replace(/^(B[LZ]MPOP) 0 /, '$1 0.05 ')), sleep(250), on(0, 'PING')] },
  { name: `${b.name} inside MULTI does not block`, steps: [on(0, 'MULTI'), on(0, b.block), on(0, 'EXEC'), on(1, b.wake), on(0, 'PING')] },
  { name: `${b.name} in a script is refused`, steps: [on(0, ['EVAL', `return redis.call('${b.block.split(' ')[0]}', 'k', 0)`, '0'])] },
  { name: `${b.name} released by CLIENT UNBLOCK`, steps: [blocks(0, b.block), on(1, 'CLIENT UNBLOCK $id0'), on(1, 'CLIENT UNBLOCK $id0'), on(0, 'PING')] },
  { name: `${b.name} released by CLIENT UNBLOCK ERROR`, steps: [blocks(0, b.block), on(1, 'CLIENT UNBLOCK $id0 ERROR'), on(0, 'PING')] },
  { name: `${b.name} against the wrong type`, steps: [on(1, b.type === 'list' ? 'SET k x' : 'RPUSH k x'), on(0, b.block)] },
]);

const fifo: MultiCase[] = [
  ...both('three BLPOP clients are served in the order they blocked', [
    blocks(0, 'BLPOP k 0'), blocks(1, 'BLPOP k 0'), blocks(2, 'BLPOP k 0'), on(3, 'RPUSH k a b'), on(3, 'RPUSH k c d'), on(3, 'LRANGE k 0 -1'),
  ], [1], { clients: 4 }),
  ...both('one push of three elements serves three clients', [
    blocks(0, 'BRPOP k 0'), blocks(1, 'BLPOP k 0'), blocks(2, 'BLMPOP 0 1 k LEFT COUNT 2'), on(3, 'RPUSH k a b c d e'), on(3, 'LRANGE k 0 -1'),
  ], [2], { clients: 4 }),
  ...both('clients on several keys are served by the key that arrives', [
    blocks(0, 'BLPOP a b 0'), blocks(1, 'BLPOP b a 0'), on(2, 'RPUSH b x'), on(2, 'RPUSH a y'), on(2, 'EXISTS a b'),
  ], [0], { clients: 3 }),
  ...both('the first key in argument order wins when both exist', [
    on(2, 'RPUSH b 1'), on(2, 'RPUSH a 2'), on(0, 'BLPOP a b 0'), on(0, 'BLPOP a b 0'), on(0, 'BLPOP a b 0.05'),
  ], [0], { clients: 3 }),
  ...both('a key given twice is waited on once', [blocks(0, 'BLPOP k k 0'), on(1, 'RPUSH k a b'), on(1, 'LRANGE k 0 -1')], [0]),
  ...both('MULTI/EXEC pushes are served after EXEC', [
    blocks(0, 'BLPOP k 0'), blocks(1, 'BLPOP k 0'), on(2, 'MULTI'), on(2, 'RPUSH k a'), on(2, 'RPUSH k b'), on(2, 'RPUSH k c'), on(2, 'EXEC'), on(2, 'LRANGE k 0 -1'),
  ], [0], { clients: 3 }),
  ...both('a push deleted again in the same EXEC serves nobody', [
    blocks(0, 'BLPOP k 0'), on(1, 'MULTI'), on(1, 'RPUSH k a'), on(1, 'DEL k'), on(1, 'EXEC'), on(1, 'RPUSH k b'), on(1, 'EXISTS k'),
  ], [0]),
  ...both('a script push is served after the script', [
    blocks(0, 'BLPOP k 0'), on(1, ['EVAL', "redis.call('RPUSH', KEYS[1], 'a', 'b'); return redis.call('LLEN', KEYS[1])", '1', 'k']), on(1, 'LRANGE k 0 -1'),
  ], [0]),
  ...both('LMOVE into a key a client waits on', [blocks(0, 'BLPOP d 0'), on(1, 'RPUSH s x y'), on(1, 'LMOVE s d LEFT RIGHT'), on(1, 'LRANGE s 0 -1'), on(1, 'EXISTS d')], [0]),
  ...both('a BLMOVE chain wakes the next client', [
    blocks(0, 'BLMOVE a b LEFT LEFT 0'), blocks(1, 'BLMOVE b c RIGHT LEFT 0'), blocks(2, 'BLPOP c 0'), on(3, 'RPUSH a v'), on(3, 'KEYS *'),
  ], [2], { clients: 4 }),
  ...both('BLMOVE onto its own key', [blocks(0, 'BLMOVE k k RIGHT LEFT 0'), on(1, 'RPUSH k a b c'), on(1, 'LRANGE k 0 -1')], [0]),
  ...both('BRPOPLPUSH onto its own key', [blocks(0, 'BRPOPLPUSH k k 0'), on(1, 'RPUSH k a'), on(1, 'LRANGE k 0 -1')], [0]),
  ...both('BLMOVE to a destination of another type', [
    blocks(0, 'BLMOVE k d LEFT LEFT 0'), on(1, 'SET d str'), on(1, 'RPUSH k a'), on(1, 'LRANGE k 0 -1'), on(0, 'PING'),
  ], [0]),
  ...both('a blocked list client ignores a zset under its key', [
    blocks(0, 'BLPOP k 0'), on(1, 'ZADD k 1 a'), on(1, 'DEL k'), on(1, 'RPUSH k x'), on(1, 'EXISTS k'),
  ], [0]),
  ...both('list and zset clients on one key: each served by its type', [
    blocks(0, 'BZPOPMIN k 0'), blocks(1, 'BLPOP k 0'), on(2, 'RPUSH k a'), on(2, 'DEL k'), on(2, 'ZADD k 5 m'), on(2, 'EXISTS k'),
  ], [0], { clients: 3 }),
  ...both('ZINCRBY creates the zset a client waits on', [blocks(0, 'BZPOPMAX z 0'), on(1, 'ZINCRBY z 2.5 m'), on(1, 'EXISTS z')], [0]),
  ...both('ZUNIONSTORE creates the zset a client waits on', [blocks(0, 'BZPOPMIN z 0'), on(1, 'ZADD s 1 a 2 b'), on(1, 'ZUNIONSTORE z 1 s'), on(1, 'ZRANGE z 0 -1')], [0]),
  ...both('BZPOPMIN on several keys', [blocks(0, 'BZPOPMIN z1 z2 0'), on(1, 'ZADD z2 3 x 1 y'), on(1, 'ZRANGE z2 0 -1 WITHSCORES')], [0]),
  ...both('BZMPOP serves clients in order', [
    blocks(0, 'BZMPOP 0 2 z1 z2 MIN COUNT 2'), blocks(1, 'BZPOPMAX z2 0'), on(2, 'ZADD z2 1 a 2 b 3 c 4 d'), on(2, 'ZRANGE z2 0 -1 WITHSCORES'),
  ], [0, 1], { clients: 3 }),
  ...both('RENAME creates the key a client waits on', [blocks(0, 'BLPOP k 0'), on(1, 'RPUSH tmp a b'), on(1, 'RENAME tmp k'), on(1, 'LRANGE k 0 -1')], [0]),
  ...both('MOVE brings the key from another db', [
    blocks(0, 'BLPOP k 0'), on(1, 'SELECT 1'), on(1, 'RPUSH k a'), on(1, 'MOVE k 0'), on(1, 'SELECT 0'), on(1, 'EXISTS k'),
  ], [0], { cleanup: [['SELECT', '1'], ['FLUSHDB'], ['SELECT', '0']] }),
  ...both('COPY creates the key a client waits on', [blocks(0, 'BLPOP k 0'), on(1, 'RPUSH s a b'), on(1, 'COPY s k'), on(1, 'LRANGE k 0 -1')], [0]),
  ...both('SWAPDB wakes a client on the other db', [
    blocks(0, 'BLPOP k 0'), on(1, 'SELECT 1'), on(1, 'RPUSH k a b'), on(1, 'SWAPDB 0 1'), on(1, 'LRANGE k 0 -1'), on(1, 'SELECT 0'), on(1, 'LRANGE k 0 -1'),
  ], [0], { cleanup: [['SELECT', '1'], ['FLUSHDB'], ['SELECT', '0']] }),
  ...both('SORT STORE creates the list a client waits on', [blocks(0, 'BLPOP k 0'), on(1, 'RPUSH src 3 1 2'), on(1, 'SORT src STORE k'), on(1, 'LRANGE k 0 -1')], [0]),
  // The payload is redis-server 7.0.15's DUMP of a one-element list ['a'].
  ...both('RESTORE creates the key a client waits on', [
    blocks(0, 'BLPOP k 0'), on(1, ['RESTORE', 'k', '0', '\x12\x01\x02\n\n\x00\x00\x00\x01\x00\x81a\x02\xff\n\x00\t\xb9\xed\xf5\x94\xde\xd9\x95']), on(1, 'EXISTS k'),
  ], [0]),
  ...both('a client blocked in another db is not woken', [
    on(0, 'SELECT 2'), blocks(0, 'BLPOP k 0.1'), on(1, 'RPUSH k a'), sleep(300), on(0, 'PING'), on(1, 'LLEN k'),
  ], [0], { cleanup: [['SELECT', '2'], ['FLUSHDB'], ['SELECT', '0']] }),
  ...both('an expired list serves nobody', [
    on(1, 'RPUSH k a'), on(1, 'PEXPIRE k 1'), sleep(20), blocks(0, 'BLPOP k 0.1'), sleep(300), on(0, 'PING'),
  ], [0]),
];

const pipelines: MultiCase[] = [
  ...both('commands after a blocked one wait for it', [
    blocks(0, 'BLPOP k 0'), blocks(0, 'SET after 1'), on(1, 'GET after'), on(1, 'RPUSH k v'), on(1, 'GET after'),
  ], [0]),
  ...both('CLIENT REPLY SKIP before a blocking command', [on(0, 'CLIENT REPLY SKIP', { blocks: true }), blocks(0, 'BLPOP k 0'), on(1, 'RPUSH k a'), on(0, 'PING')], [0]),
];

const unblock: MultiCase[] = [
  { name: 'CLIENT UNBLOCK of a client that is not blocked', steps: [on(0, 'CLIENT UNBLOCK $id1'), on(0, 'CLIENT UNBLOCK $id0 ERROR'), on(0, 'CLIENT UNBLOCK 999999')] },
  { name: 'CLIENT UNBLOCK argument errors', steps: [
    on(0, 'CLIENT UNBLOCK abc'), on(0, 'CLIENT UNBLOCK abc TIMEOUT'), on(0, 'CLIENT UNBLOCK 1 nope'), on(0, 'CLIENT UNBLOCK abc nope'),
    on(0, 'CLIENT UNBLOCK 1 TIMEOUT x'), on(0, 'CLIENT UNBLOCK'), on(0, 'CLIENT UNBLOCK 1 timeout'), on(0, 'CLIENT UNBLOCK 1 error'), on(0, 'CLIENT UNBLOCK -1'),
  ] },
  ...both('CLIENT UNBLOCK leaves the other clients blocked', [
    blocks(0, 'BLPOP k 0'), blocks(1, 'BLPOP k 0'), on(2, 'CLIENT UNBLOCK $id0'), on(2, 'RPUSH k a b'), on(2, 'LRANGE k 0 -1'),
  ], [0, 1], { clients: 3 }),
  ...both('CLIENT UNBLOCK ERROR then the client goes on', [blocks(0, 'BZPOPMIN z 0'), on(1, 'CLIENT UNBLOCK $id0 error'), on(0, 'ZADD z 1 a'), on(0, 'BZPOPMIN z 0')], [0]),
  ...both('CLIENT KILL of a blocked client', [
    blocks(0, 'BLPOP k 0'), blocks(1, 'BLPOP k 0'), on(2, 'CLIENT KILL ID $id0'), on(2, 'RPUSH k a b'), on(2, 'LRANGE k 0 -1'),
  ], [1], { clients: 3 }),
  ...both('a blocked client that quits leaves the queue', [
    blocks(0, 'BLPOP k 0'), blocks(0, 'QUIT'), blocks(1, 'BLPOP k 0'), on(2, 'CLIENT KILL ID $id0'), on(2, 'RPUSH k a'), on(2, 'LLEN k'),
  ], [1], { clients: 3 }),
];

// A sub-millisecond timeout (1 ms after ceill) is unit-tested on the controlled clock:
// here it would race the step's settle (redis-server answers it at its next event-loop wake-up).
const timeouts: MultiCase[] = [
  ...both('timeouts of several clients', [
    blocks(0, 'BLPOP k 0.05'), blocks(1, 'BZPOPMIN z 0.05'), blocks(2, 'BLMOVE k d LEFT LEFT 0.05'), sleep(250), on(3, 'RPUSH k a'), on(3, 'LLEN k'),
  ], [0, 1, 2], { clients: 4 }),
  ...both('a timed-out client is not served later', [blocks(0, 'BRPOP k 0.05'), sleep(250), on(1, 'RPUSH k a'), on(1, 'LLEN k')], [0]),
  ...both('a negative zero timeout blocks forever', [blocks(0, 'BLPOP k -0.0001'), sleep(150), on(1, 'RPUSH k a'), on(1, 'LLEN k')], [0]),
  ...both('a huge timeout blocks', [blocks(0, 'BLPOP k 9223372036854775'), sleep(50), on(1, 'RPUSH k a'), on(1, 'LLEN k')], [0]),
  ...both('a hex timeout blocks', [blocks(0, 'BLPOP k 0x10'), on(1, 'RPUSH k a'), on(1, 'LLEN k')], [0]),
];

const timeoutErrors = ['abc', '-1', '-0.5', 'inf', '-inf', '1e20', '9223372036854776', 'nan', '', ' 1', '1 ', '1e-5000', '0.5x'];
const argumentErrors: MultiCase[] = [
  { name: 'timeout argument errors', steps: timeoutErrors.flatMap((t) => [
    on(0, ['BLPOP', 'k', t]), on(0, ['BRPOP', 'k', t]), on(0, ['BLMOVE', 's', 'd', 'LEFT', 'LEFT', t]), on(0, ['BRPOPLPUSH', 's', 'd', t]),
    on(0, ['BLMPOP', t, '1', 'k', 'LEFT']), on(0, ['BZPOPMIN', 'k', t]), on(0, ['BZPOPMAX', 'k', t]), on(0, ['BZMPOP', t, '1', 'k', 'MIN']),
  ]) },
  { name: 'arity and syntax errors', steps: [
    on(0, 'BLPOP k'), on(0, 'BLPOP'), on(0, 'BRPOP k'), on(0, 'BLMOVE s d LEFT LEFT'), on(0, 'BLMOVE s d UP LEFT 0'), on(0, 'BLMOVE s d LEFT DOWN 0'),
    on(0, 'BLMOVE s d UP LEFT x'), on(0, 'BRPOPLPUSH s d'), on(0, 'BLMPOP 0 1 k'), on(0, 'BLMPOP 0 0 k LEFT'), on(0, 'BLMPOP 0 -1 k LEFT'),
    on(0, 'BLMPOP 0 2 k LEFT'), on(0, 'BLMPOP 0 1 k UP'), on(0, 'BLMPOP 0 1 k LEFT COUNT'), on(0, 'BLMPOP 0 1 k LEFT COUNT 0'),
    on(0, 'BLMPOP 0 1 k LEFT COUNT -1'), on(0, 'BLMPOP 0 1 k LEFT COUNT 1 COUNT 2'), on(0, 'BLMPOP 0 1 k LEFT FOO'), on(0, 'BLMPOP x 0 k LEFT'),
    on(0, 'BLMPOP x 1 k LEFT COUNT 0'), on(0, 'BLMPOP 0 abc k LEFT'), on(0, 'BLMPOP 0 9999999999999 k LEFT'),
    on(0, 'BZPOPMIN k'), on(0, 'BZMPOP 0 1 k'), on(0, 'BZMPOP 0 0 k MIN'), on(0, 'BZMPOP 0 1 k UP'), on(0, 'BZMPOP 0 1 k MIN COUNT 0'),
    on(0, 'BZMPOP 0 1 k MAX COUNT'), on(0, 'BZMPOP x 1 k MAX COUNT 0'), on(0, 'BZMPOP x 1 k UP'),
  ] },
  { name: 'wrong types in key order', steps: [
    on(0, 'SET s x'), on(0, 'RPUSH l a b c'), on(0, 'ZADD z 1 m'), on(0, 'BLPOP nokey s l 0'), on(0, 'BLPOP l s 0'), on(0, 'BRPOP z 0'),
    on(0, 'BZPOPMIN l 0'), on(0, 'BZPOPMAX nokey s 0'), on(0, 'BZMPOP 0 2 z s MIN'), on(0, 'BLMPOP 0 2 nokey s LEFT'), on(0, 'BLMOVE s d LEFT LEFT 0'),
    on(0, 'RPUSH l b'), on(0, 'BLMOVE l s LEFT LEFT 0'), on(0, 'BRPOPLPUSH l s 0'), on(0, 'LRANGE l 0 -1'),
  ] },
  { name: 'binary keys and values', steps: [blocks(0, ['BLPOP', 'k\x00\xff', '0']), on(1, ['RPUSH', 'k\x00\xff', '\x00', '\xff\r\n']), on(1, ['LRANGE', 'k\x00\xff', '0', '-1'])] },
  { name: 'empty values', steps: [blocks(0, ['BLMOVE', '', 'd', 'LEFT', 'RIGHT', '0']), on(1, ['RPUSH', '', '']), on(1, 'LRANGE d 0 -1')] },
];

export const cases: MultiCase[] = [...wakeUps, ...fifo, ...pipelines, ...unblock, ...timeouts, ...argumentErrors];
