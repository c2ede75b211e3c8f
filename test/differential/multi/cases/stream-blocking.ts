// XREAD BLOCK and XREADGROUP BLOCK across connections (t_stream.c xreadCommand,
// blocked.c serveClientsBlockedOnStreamKey) against 7.0.15: woken by XADD from
// `$` or an explicit ID, group readers on `>` (the group's last ID at wake-up
// time), FIFO among readers, several keys (served from the key that got data),
// the blocked default COUNT, NOACK, a destroyed group (NOGROUP), timeouts,
// MULTI and scripts (never block), CLIENT UNBLOCK, RESP3 maps, and group
// readers released with UNBLOCKED when their stream goes away (7.0's
// unblockDeletedStreamReadgroupClients; plain XREAD readers keep waiting).
import type { MultiCase } from '../case.ts';
import { blocks, both, on, sleep } from '../steps.ts';

const groupSetup = [on(1, 'XADD s 1-0 f 1'), on(1, 'XGROUP CREATE s g $')];

export const cases: MultiCase[] = [
  ...both('xread block on $ woken by xadd', [on(1, 'XADD s 1-0 a 1'), blocks(0, 'XREAD BLOCK 0 STREAMS s $'), on(1, 'XADD s 2-0 b 2'), on(1, 'XLEN s')], [0]),
  ...both('xread block on a missing key woken by xadd', [blocks(0, 'XREAD BLOCK 0 STREAMS s $'), on(1, 'XADD s 5-0 b 2')], [0]),
  ...both('xread block on an explicit id', [on(1, 'XADD s 1-0 a 1'), blocks(0, 'XREAD BLOCK 0 STREAMS s 3-0'), on(1, 'XADD s 2-0 b 2'), on(1, 'XADD s 4-0 c 3'), on(0, 'PING')], [0]),
  ...both('xread block with count', [blocks(0, 'XREAD BLOCK 0 COUNT 1 STREAMS s 0'), on(1, 'XADD s 1-0 a 1'), on(1, 'XADD s 2-0 b 2'), on(0, 'XREAD COUNT 5 STREAMS s 0')], [0]),
  ...both('xread block on several keys', [blocks(0, 'XREAD BLOCK 0 STREAMS s t u $ $ $'), on(1, 'XADD t 1-0 a 1'), on(1, 'XADD s 1-0 a 1')], [0]),
  ...both('two xread readers are both served', [blocks(0, 'XREAD BLOCK 0 STREAMS s $'), blocks(1, 'XREAD BLOCK 0 STREAMS s $'), on(2, 'XADD s 1-0 a 1')], [1], { clients: 3 }),
  ...both('xreadgroup block woken by xadd', [...groupSetup, blocks(0, 'XREADGROUP GROUP g alice BLOCK 0 STREAMS s >'), on(1, 'XADD s 2-0 b 2'), on(1, 'XPENDING s g'), on(1, 'XINFO GROUPS s')], [0]),
  ...both('xreadgroup block noack', [...groupSetup, blocks(0, 'XREADGROUP GROUP g alice BLOCK 0 NOACK STREAMS s >'), on(1, 'XADD s 2-0 b 2'), on(1, 'XPENDING s g'), on(1, 'XINFO GROUPS s')], [0]),
  ...both('two group readers share the entries in order', [
    ...groupSetup, blocks(0, 'XREADGROUP GROUP g alice BLOCK 0 COUNT 1 STREAMS s >'), blocks(2, 'XREADGROUP GROUP g bob BLOCK 0 COUNT 1 STREAMS s >'),
    on(1, 'XADD s 2-0 b 2'), on(1, 'XADD s 3-0 c 3'), on(1, 'XPENDING s g'),
  ], [0], { clients: 3 }),
  ...both('a group reader waits past what another reader took', [
    ...groupSetup, blocks(0, 'XREADGROUP GROUP g alice BLOCK 0 STREAMS s >'), on(1, 'MULTI'), on(1, 'XADD s 2-0 b 2'),
    on(1, 'XREADGROUP GROUP g bob STREAMS s >'), on(1, 'EXEC'), on(1, 'XADD s 3-0 c 3'), on(1, 'XPENDING s g'),
  ], [0]),
  ...both('xreadgroup block: group destroyed', [...groupSetup, blocks(0, 'XREADGROUP GROUP g alice BLOCK 0 STREAMS s >'), on(1, 'XGROUP DESTROY s g'), on(0, 'PING')], [0]),
  { name: 'xread block times out', steps: [blocks(0, 'XREAD BLOCK 50 STREAMS s $'), sleep(250), on(0, 'PING')] },
  { name: 'xread block times out resp3', resp3: [0], steps: [blocks(0, 'XREAD BLOCK 50 STREAMS s $'), sleep(250), on(0, 'PING')] },
  { name: 'xreadgroup block times out', steps: [...groupSetup, blocks(0, 'XREADGROUP GROUP g alice BLOCK 50 STREAMS s >'), sleep(250), on(0, 'PING'), on(1, 'XINFO GROUPS s')] },
  { name: 'xread block with data does not block', steps: [on(1, 'XADD s 1-0 a 1'), on(0, 'XREAD BLOCK 0 STREAMS s 0')] },
  { name: 'xread block in multi does not block', steps: [on(0, 'MULTI'), on(0, 'XREAD BLOCK 0 STREAMS s $'), on(0, 'EXEC'), on(1, 'XADD s 1-0 a 1'), on(0, 'PING')] },
  { name: 'xreadgroup block in multi does not block', steps: [...groupSetup, on(0, 'MULTI'), on(0, 'XREADGROUP GROUP g alice BLOCK 0 STREAMS s >'), on(0, 'EXEC'), on(1, 'XINFO GROUPS s')] },
  { name: 'xread block in a script is refused', steps: [{ c: 0, cmd: ['EVAL', "return redis.call('xread', 'BLOCK', '0', 'STREAMS', 's', '$')", '0'] }, { c: 0, cmd: ['EVAL', "return redis.pcall('XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 's', '>')", '0'] }, on(0, 'PING')] },
  { name: 'xread block released by client unblock', steps: [blocks(0, 'XREAD BLOCK 0 STREAMS s $'), on(1, 'CLIENT UNBLOCK $id0'), on(0, 'PING')] },
  { name: 'xread block released by client unblock error', steps: [blocks(0, 'XREAD BLOCK 0 STREAMS s $'), on(1, 'CLIENT UNBLOCK $id0 ERROR'), on(0, 'PING')] },
  { name: 'xread block not woken by xdel or a group', steps: [on(1, 'XADD s 1-0 a 1'), blocks(0, 'XREAD BLOCK 0 STREAMS s $'), on(1, 'XDEL s 1-0'), on(1, 'XGROUP CREATE s g 0'), on(1, 'XADD s 2-0 b 2')] },
  { name: 'xread block woken by an entry deleted in the same transaction', steps: [on(1, 'XADD s 1-0 a 1'), blocks(0, 'XREAD BLOCK 0 STREAMS s $'), on(1, 'MULTI'), on(1, 'XADD s 2-0 b 2'), on(1, 'XDEL s 2-0'), on(1, 'EXEC'), on(0, 'PING')] },
  { name: 'xread block key replaced by a string', steps: [on(1, 'XADD s 1-0 a 1'), blocks(0, 'XREAD BLOCK 0 STREAMS s $'), on(1, 'SET s x'), on(1, 'DEL s'), on(1, 'XADD s 2-0 b 2')] },
  { name: 'xread block argument errors', steps: [on(0, 'XREAD BLOCK -1 STREAMS s $'), on(0, 'XREAD BLOCK x STREAMS s $'), on(0, 'XREAD BLOCK 1.5 STREAMS s $'), on(0, 'XREADGROUP GROUP g c BLOCK 0 STREAMS s >')] },
  ...both('xreadgroup block: stream deleted', [...groupSetup, blocks(0, 'XREADGROUP GROUP g alice BLOCK 0 STREAMS s >'), on(1, 'DEL s'), on(0, 'PING')], [0]),
  ...both('xreadgroup block: stream overwritten by a string', [...groupSetup, blocks(0, 'XREADGROUP GROUP g alice BLOCK 0 STREAMS s >'), on(1, 'SET s x'), on(0, 'PING')], [0]),
  { name: 'xreadgroup block: stream renamed away', steps: [...groupSetup, blocks(0, 'XREADGROUP GROUP g alice BLOCK 0 STREAMS s >'), on(1, 'RENAME s t'), on(0, 'PING')] },
  { name: 'xreadgroup block: flushdb', steps: [...groupSetup, blocks(0, 'XREADGROUP GROUP g alice BLOCK 0 STREAMS s >'), on(1, 'FLUSHDB'), on(0, 'PING')] },
  { name: 'xreadgroup block: flushall', steps: [...groupSetup, blocks(0, 'XREADGROUP GROUP g alice BLOCK 0 STREAMS s >'), on(1, 'FLUSHALL'), on(0, 'PING')] },
  { name: 'xreadgroup block: stream moved to another db', steps: [...groupSetup, blocks(0, 'XREADGROUP GROUP g alice BLOCK 0 STREAMS s >'), on(1, 'MOVE s 1'), on(0, 'PING')] },
  { name: 'xreadgroup block: swapdb with an empty db', steps: [...groupSetup, blocks(0, 'XREADGROUP GROUP g alice BLOCK 0 STREAMS s >'), on(1, 'SWAPDB 0 1'), on(0, 'PING'), on(1, 'SWAPDB 0 1')] },
  { name: 'xreadgroup block: deleted and re-created in one transaction', steps: [
    ...groupSetup, blocks(0, 'XREADGROUP GROUP g alice BLOCK 0 STREAMS s >'), on(1, 'MULTI'), on(1, 'DEL s'), on(1, 'XADD s 5-0 f 5'), on(1, 'EXEC'), on(0, 'PING'),
  ] },
  { name: 'xreadgroup block: one of two streams deleted', steps: [
    ...groupSetup, on(1, 'XADD t 1-0 f 1'), on(1, 'XGROUP CREATE t g $'), blocks(0, 'XREADGROUP GROUP g alice BLOCK 0 STREAMS s t > >'), on(1, 'DEL t'), on(0, 'PING'),
  ] },
  { name: 'xread block keeps waiting when its stream is deleted', steps: [on(1, 'XADD s 1-0 a 1'), blocks(0, 'XREAD BLOCK 0 STREAMS s $'), on(1, 'DEL s'), on(1, 'XADD s 2-0 b 2'), on(0, 'PING')] },
  { name: 'xreadgroup block: stream expired', steps: [
    ...groupSetup, blocks(0, 'XREADGROUP GROUP g alice BLOCK 0 STREAMS s >'), on(1, 'PEXPIRE s 20'), sleep(150), on(1, 'EXISTS s'), on(0, 'PING'),
  ] },
];
