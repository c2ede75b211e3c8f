// CLIENT PAUSE and CLIENT UNPAUSE across connections (networking.c
// pauseClients, processCommand's postpone check): WRITE holds the commands that
// may write or replicate (EVAL, PUBLISH, PFCOUNT...), ALL holds everything
// (CLIENT UNPAUSE too, so ALL cases use short pauses), held commands run in
// arrival order once the pause ends, expiry is suspended, against 7.0.15.
//
// Not covered: CLIENT UNBLOCK of a held client, which makes redis-server
// 7.0.15 panic ("Unknown btype in replyToBlockedClientTimedOut()").
import type { MultiCase, MultiStep } from '../case.ts';
import { blocks, both, on, sleep, words } from '../steps.ts';

const pauseWrite = on(0, 'CLIENT PAUSE 100000 WRITE');
const unpause = on(0, 'CLIENT UNPAUSE');

// Commands and whether PAUSE WRITE holds them (write or may-replicate flags).
const held = [
  'SET k v', 'DEL k', 'INCR n', 'RPUSH l a', 'EXPIRE k 10', 'PUBLISH ch m', 'PFCOUNT h', 'FLUSHDB',
  "EVAL return 1 0", 'BLPOP l 0', 'SETNX k v', 'ZADD z 1 a', 'PERSIST k', 'SPUBLISH ch m',
];
const notHeld = [
  'GET k', 'EXISTS k', 'PING', 'DBSIZE', 'LRANGE l 0 -1', 'TTL k', "EVAL_RO return 1 0", 'ECHO x', 'TYPE k', 'CLIENT GETNAME', 'SELECT 0',
];

const evalArgs = (cmd: string): string[] => {
  const m = /^(EVAL(?:_RO)?) (.*) (\d+)$/.exec(cmd);
  return m ? [m[1], m[2], m[3]] : words(cmd);
};

const writeMode: MultiCase[] = [
  ...held.flatMap((cmd) => both(`PAUSE WRITE holds ${cmd.split(' ')[0]}`, [
    on(1, 'SET k v0'), pauseWrite, blocks(1, evalArgs(cmd)), on(2, 'GET k'), unpause, on(2, 'GET k'),
  ], [1], { clients: 3 })),
  ...notHeld.flatMap((cmd) => both(`PAUSE WRITE lets ${cmd.split(' ')[0]} run`, [
    on(1, 'SET k v0'), pauseWrite, on(1, evalArgs(cmd)), unpause,
  ], [1])),
  ...both('held commands run in arrival order', [
    pauseWrite, blocks(1, 'RPUSH l a'), blocks(2, 'RPUSH l b'), blocks(1, 'RPUSH l c'), on(3, 'LRANGE l 0 -1'), unpause, on(3, 'LRANGE l 0 -1'),
  ], [2], { clients: 4 }),
  ...both('the pausing client is held too', [pauseWrite, blocks(0, 'SET k 1'), on(1, 'GET k'), on(1, 'CLIENT UNPAUSE'), on(1, 'GET k')], [0]),
  ...both('a held command keeps the client\'s next commands behind it', [
    pauseWrite, blocks(1, 'SET k 1'), blocks(1, 'GET k'), on(2, 'GET k'), unpause, on(2, 'GET k'),
  ], [1], { clients: 3 }),
  ...both('MULTI under PAUSE WRITE: a write is held before it is queued', [
    pauseWrite, on(1, 'MULTI'), blocks(1, 'SET k 1'), unpause, on(1, 'GET k'), on(1, 'EXEC'),
  ], [1]),
  ...both('EXEC of reads only runs under PAUSE WRITE', [on(1, 'MULTI'), on(1, 'GET k'), pauseWrite, on(1, 'EXEC'), unpause], [1]),
  ...both('EXEC of a write queued before the pause is held', [
    on(1, 'MULTI'), on(1, 'SET k 1'), pauseWrite, blocks(1, 'EXEC'), on(2, 'GET k'), unpause, on(2, 'GET k'),
  ], [1], { clients: 3 }),
  ...both('a held push wakes a blocked client after UNPAUSE', [
    blocks(1, 'BLPOP l 0'), pauseWrite, blocks(2, 'RPUSH l a'), unpause, on(2, 'LLEN l'),
  ], [1], { clients: 3 }),
  ...both('an expired key reads as missing but stays while paused', [
    on(1, 'SET k v PX 30'), pauseWrite, sleep(80), on(1, 'GET k'), on(1, 'EXISTS k'), on(1, 'DBSIZE'), on(1, 'TTL k'), unpause,
  ], [1]),
  ...both('a longer pause extends, WRITE stays WRITE', [
    on(0, 'CLIENT PAUSE 100000 WRITE'), on(0, 'CLIENT PAUSE 10 WRITE'), blocks(1, 'SET k 1'), sleep(150), on(2, 'GET k'), unpause, on(2, 'GET k'),
  ], [1], { clients: 3 }),
  ...both('a held client killed before UNPAUSE', [pauseWrite, blocks(1, 'SET k 1'), on(2, 'CLIENT KILL ID $id1'), unpause, on(2, 'GET k')], [2], { clients: 3 }),
  ...both('UNPAUSE without a pause', [on(0, 'CLIENT UNPAUSE'), on(0, 'CLIENT UNPAUSE'), on(0, 'SET k 1')], [0]),
  ...both('PAUSE 0 ends at once', [on(0, 'CLIENT PAUSE 0'), sleep(150), on(1, 'SET k 1'), on(1, 'GET k')], [1]),
  ...both('a pause that overflows ends at once', [on(0, 'CLIENT PAUSE 9223372036854775807 WRITE'), sleep(150), on(1, 'SET k 1'), on(1, 'GET k')], [1]),
];

const allMode: MultiCase[] = [
  ...both('PAUSE ALL holds reads too', [on(0, 'CLIENT PAUSE 100 ALL'), blocks(1, 'GET k'), blocks(1, 'PING'), sleep(200), on(1, 'PING')], [1]),
  ...both('PAUSE ALL holds CLIENT UNPAUSE', [on(0, 'CLIENT PAUSE 100 ALL'), blocks(1, 'CLIENT UNPAUSE'), blocks(1, 'SET k 1'), sleep(200), on(1, 'GET k')], [1]),
  ...both('PAUSE ALL after WRITE upgrades the pause', [
    on(0, 'CLIENT PAUSE 50 WRITE'), on(0, 'CLIENT PAUSE 100 ALL'), blocks(1, 'GET k'), sleep(200), on(1, 'GET k'),
  ], [1]),
  ...both('PAUSE ALL releases held commands in order', [
    on(0, 'CLIENT PAUSE 100 ALL'), blocks(1, 'RPUSH l 1'), blocks(2, 'RPUSH l 2'), blocks(1, 'RPUSH l 3'), sleep(200), on(2, 'LRANGE l 0 -1'),
  ], [1, 2], { clients: 3 }),
];

const errors: MultiCase[] = [
  { name: 'CLIENT PAUSE argument errors', steps: [
    on(0, 'CLIENT PAUSE'), on(0, 'CLIENT PAUSE abc'), on(0, 'CLIENT PAUSE -1'), on(0, 'CLIENT PAUSE 1.5'), on(0, 'CLIENT PAUSE 10 foo'),
    on(0, 'CLIENT PAUSE abc foo'), on(0, 'CLIENT PAUSE abc WRITE'), on(0, 'CLIENT PAUSE 10 WRITE extra'), on(0, 'CLIENT PAUSE 9223372036854775808'),
    on(0, 'CLIENT PAUSE -9223372036854775808 ALL'), on(0, ['CLIENT', 'PAUSE', '']), on(0, 'CLIENT UNPAUSE now'), on(0, 'CLIENT UNPAUSE'),
  ] },
  { name: 'CLIENT PAUSE mode in any case', steps: [on(0, 'CLIENT PAUSE 10 write'), on(0, 'CLIENT PAUSE 10 All'), sleep(150), on(0, 'CLIENT UNPAUSE')] },
  { name: 'CLIENT PAUSE inside MULTI', steps: [on(0, 'MULTI'), on(0, 'CLIENT PAUSE 100000 WRITE'), on(0, 'SET k 1'), on(0, 'EXEC'), on(1, 'GET k'), on(1, 'CLIENT UNPAUSE')] },
  { name: 'CLIENT PAUSE from a script is refused', steps: [on(0, ['EVAL', "return redis.call('CLIENT', 'PAUSE', '100')", '0'])] },
];

export const cases: MultiCase[] = [...writeMode, ...allMode, ...errors];
