// What the stream commands propagate and which keyspace events they fire,
// pinned from a real redis-server 7.0.15 (appendonly on: its
// appendonlydir/*.incr.aof; and a PSUBSCRIBEd connection): XADD * and <ms>-*
// become explicit IDs, MAXLEN/MINID ~ become = <what is left>, XREADGROUP,
// XCLAIM and XAUTOCLAIM become XCLAIM ... FORCE JUSTID LASTID and XGROUP SETID.
// <now> is the frozen clock.
import { describe, expect, test } from 'vitest';
import { ControlledClock } from '../clock.ts';
import { typeTestServer } from './type-test-server.ts';

const NOW = 1700000000000;

const STEPS: { cmd: string[]; propagated: string[][]; events: string[] }[] = [
  { cmd: ['XADD', 's', '1-1', 'a', '1'], propagated: [['XADD', 's', '1-1', 'a', '1']], events: ['xadd s'] },
  { cmd: ['XADD', 's', '1-*', 'b', '2'], propagated: [['XADD', 's', '1-2', 'b', '2']], events: ['xadd s'] },
  { cmd: ['XADD', 's', '2-*', 'b', '2'], propagated: [['XADD', 's', '2-0', 'b', '2']], events: ['xadd s'] },
  { cmd: ['XADD', 's', 'MAXLEN', '~', '1', '5-0', 'd', '4'], propagated: [['XADD', 's', 'MAXLEN', '=', '4', '5-0', 'd', '4']], events: ['xadd s'] },
  { cmd: ['XADD', 's', 'MAXLEN', '1', '6-0', 'd', '4'], propagated: [['XADD', 's', 'MAXLEN', '1', '6-0', 'd', '4']], events: ['xadd s', 'xtrim s'] },
  { cmd: ['XADD', 's', 'MINID', '~', '7', '7-0', 'd', '4'], propagated: [['XADD', 's', 'MINID', '=', '1-1', '7-0', 'd', '4']], events: ['xadd s'] },
  { cmd: ['XADD', 's', 'MINID', '=', '7', 'LIMIT', '0', '8-0', 'd', '4'], propagated: [], events: [] },
  { cmd: ['XADD', 's', 'NOMKSTREAM', '9-0', 'e', '5'], propagated: [['XADD', 's', 'NOMKSTREAM', '9-0', 'e', '5']], events: ['xadd s'] },
  { cmd: ['XADD', 'n', 'NOMKSTREAM', '8-0', 'e', '5'], propagated: [], events: [] },
  { cmd: ['XADD', 's', '9-0', 'e', '5'], propagated: [], events: [] },
  { cmd: ['XTRIM', 's', 'MAXLEN', '0'], propagated: [['XTRIM', 's', 'MAXLEN', '0']], events: ['xtrim s'] },
  { cmd: ['XTRIM', 's', 'MAXLEN', '0'], propagated: [], events: [] },
  { cmd: ['XTRIM', 's', 'MAXLEN', '~', '0'], propagated: [], events: [] },
  { cmd: ['XADD', 's', '10-0', 'a', '1'], propagated: [['XADD', 's', '10-0', 'a', '1']], events: ['xadd s'] },
  { cmd: ['XADD', 's', '11-0', 'a', '1'], propagated: [['XADD', 's', '11-0', 'a', '1']], events: ['xadd s'] },
  { cmd: ['XADD', 's', '12-0', 'a', '1'], propagated: [['XADD', 's', '12-0', 'a', '1']], events: ['xadd s'] },
  { cmd: ['XDEL', 's', '11-0', '99-0'], propagated: [['XDEL', 's', '11-0', '99-0']], events: ['xdel s'] },
  { cmd: ['XDEL', 's', '99-0'], propagated: [], events: [] },
  { cmd: ['XGROUP', 'CREATE', 's', 'g', '0'], propagated: [['XGROUP', 'CREATE', 's', 'g', '0']], events: ['xgroup-create s'] },
  { cmd: ['XGROUP', 'CREATE', 's', 'g', '0'], propagated: [], events: [] },
  { cmd: ['XGROUP', 'CREATE', 's', 'h', '$', 'ENTRIESREAD', '3'], propagated: [['XGROUP', 'CREATE', 's', 'h', '$', 'ENTRIESREAD', '3']], events: ['xgroup-create s'] },
  { cmd: ['XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '1', 'STREAMS', 's', '>'], propagated: [['XCLAIM', 's', 'g', 'alice', '0', '10-0', 'TIME', '<now>', 'RETRYCOUNT', '1', 'FORCE', 'JUSTID', 'LASTID', '10-0']], events: ['xgroup-createconsumer s'] },
  { cmd: ['XREADGROUP', 'GROUP', 'g', 'alice', 'STREAMS', 's', '0'], propagated: [], events: [] },
  { cmd: ['XREADGROUP', 'GROUP', 'g', 'bob', 'NOACK', 'STREAMS', 's', '>'], propagated: [['MULTI'], ['XGROUP', 'CREATECONSUMER', 's', 'g', 'bob'], ['XGROUP', 'SETID', 's', 'g', '12-0', 'ENTRIESREAD', '10'], ['EXEC']], events: ['xgroup-createconsumer s'] },
  { cmd: ['XREADGROUP', 'GROUP', 'g', 'bob', 'NOACK', 'STREAMS', 's', '>'], propagated: [], events: [] },
  { cmd: ['XREADGROUP', 'GROUP', 'h', 'bob', 'STREAMS', 's', '>'], propagated: [], events: [] },
  { cmd: ['XGROUP', 'CREATECONSUMER', 's', 'g', 'carol'], propagated: [['XGROUP', 'CREATECONSUMER', 's', 'g', 'carol']], events: ['xgroup-createconsumer s'] },
  { cmd: ['XGROUP', 'CREATECONSUMER', 's', 'g', 'carol'], propagated: [], events: [] },
  { cmd: ['XCLAIM', 's', 'g', 'carol', '0', '10-0', 'JUSTID'], propagated: [['XCLAIM', 's', 'g', 'carol', '0', '10-0', 'TIME', '<now>', 'RETRYCOUNT', '2', 'FORCE', 'JUSTID', 'LASTID', '12-0']], events: [] },
  { cmd: ['XCLAIM', 's', 'g', 'carol', '0', '10', 'LASTID', '99-0', 'JUSTID'], propagated: [['XCLAIM', 's', 'g', 'carol', '0', '10', 'TIME', '<now>', 'RETRYCOUNT', '2', 'FORCE', 'JUSTID', 'LASTID', '99-0']], events: [] },
  { cmd: ['XCLAIM', 's', 'g', 'dave', '0', '55-0', 'LASTID', '200-0'], propagated: [['XGROUP', 'SETID', 's', 'g', '200-0', 'ENTRIESREAD', '10']], events: [] },
  { cmd: ['XCLAIM', 's', 'g', 'dave', '0', '55-0'], propagated: [], events: [] },
  { cmd: ['XCLAIM', 's', 'g', 'carol', '0', '12-0', 'FORCE', 'JUSTID'], propagated: [['XCLAIM', 's', 'g', 'carol', '0', '12-0', 'TIME', '<now>', 'RETRYCOUNT', '1', 'FORCE', 'JUSTID', 'LASTID', '200-0']], events: [] },
  { cmd: ['XDEL', 's', '12-0'], propagated: [['XDEL', 's', '12-0']], events: ['xdel s'] },
  { cmd: ['XAUTOCLAIM', 's', 'g', 'erin', '0', '0'], propagated: [['MULTI'], ['XCLAIM', 's', 'g', 'erin', '0', '10-0', 'TIME', '<now>', 'RETRYCOUNT', '3', 'FORCE', 'JUSTID', 'LASTID', '200-0'], ['XCLAIM', 's', 'g', 'carol', '0', '12-0', 'TIME', '<now>', 'RETRYCOUNT', '1', 'FORCE', 'JUSTID', 'LASTID', '200-0'], ['EXEC']], events: ['xgroup-createconsumer s'] },
  { cmd: ['XAUTOCLAIM', 's', 'g', 'erin', '0', '0'], propagated: [['XCLAIM', 's', 'g', 'erin', '0', '10-0', 'TIME', '<now>', 'RETRYCOUNT', '4', 'FORCE', 'JUSTID', 'LASTID', '200-0']], events: [] },
  { cmd: ['XACK', 's', 'g', '10-0'], propagated: [['XACK', 's', 'g', '10-0']], events: [] },
  { cmd: ['XACK', 's', 'g', '10-0'], propagated: [], events: [] },
  { cmd: ['XGROUP', 'SETID', 's', 'g', '0', 'ENTRIESREAD', '0'], propagated: [['XGROUP', 'SETID', 's', 'g', '0', 'ENTRIESREAD', '0']], events: ['xgroup-setid s'] },
  { cmd: ['XGROUP', 'SETID', 's', 'g', '$'], propagated: [['XGROUP', 'SETID', 's', 'g', '$']], events: ['xgroup-setid s'] },
  { cmd: ['XGROUP', 'DELCONSUMER', 's', 'g', 'carol'], propagated: [['XGROUP', 'DELCONSUMER', 's', 'g', 'carol']], events: ['xgroup-delconsumer s'] },
  { cmd: ['XGROUP', 'DELCONSUMER', 's', 'g', 'zed'], propagated: [], events: [] },
  { cmd: ['XGROUP', 'DESTROY', 's', 'g'], propagated: [['XGROUP', 'DESTROY', 's', 'g']], events: ['xgroup-destroy s'] },
  { cmd: ['XGROUP', 'DESTROY', 's', 'g'], propagated: [], events: [] },
  { cmd: ['XSETID', 's', '500-0'], propagated: [['XSETID', 's', '500-0']], events: ['xsetid s'] },
  { cmd: ['XSETID', 's', '600-0', 'ENTRIESADDED', '50', 'MAXDELETEDID', '3-0'], propagated: [['XSETID', 's', '600-0', 'ENTRIESADDED', '50', 'MAXDELETEDID', '3-0']], events: ['xsetid s'] },
  { cmd: ['XGROUP', 'CREATE', 'x', 'g', '$', 'MKSTREAM'], propagated: [['XGROUP', 'CREATE', 'x', 'g', '$', 'MKSTREAM']], events: ['xgroup-create x'] },
  { cmd: ['XADD', 't', 'MAXLEN', '~', '5', 'LIMIT', '3', '1-0', 'a', 'b'], propagated: [['XADD', 't', 'MAXLEN', '=', '1', 'LIMIT', '3', '1-0', 'a', 'b']], events: ['xadd t'] },
  { cmd: ['XTRIM', 't', 'MINID', '~', '5'], propagated: [['XTRIM', 't', 'MINID', '=', '18446744073709551615-18446744073709551615']], events: ['xtrim t'] },
  { cmd: ['XADD', 't', '2-0', 'a', 'b'], propagated: [['XADD', 't', '2-0', 'a', 'b']], events: ['xadd t'] },
  { cmd: ['XTRIM', 't', 'MINID', '2'], propagated: [], events: [] },
  { cmd: ['XADD', 't', '*', 'a', 'b'], propagated: [['XADD', 't', '<now>-0', 'a', 'b']], events: ['xadd t'] },
];

/** A step's propagation as the test server reports it (several commands come MULTI/EXEC-wrapped, as in the AOF). */
const lines = (cmds: string[][]): string[] => cmds.map((a) => a.join(' ').replace(/<now>/g, String(NOW)));

describe('stream propagation and events match redis-server 7.0.15', () => {
  const { server, run, propagated, events } = typeTestServer();
  if (!(server.clock instanceof ControlledClock)) throw new Error('the test server has a fixed clock');
  server.clock.freeze(NOW);
  for (const [i, step] of STEPS.entries()) {
    test(`#${i} ${step.cmd.join(' ')}`, () => {
      propagated.length = 0;
      events.length = 0;
      run(...step.cmd);
      expect(propagated).toEqual(lines(step.propagated));
      expect(events).toEqual(step.events);
    });
  }
});

describe('blocked group readers propagate as redis-server 7.0.15 does', () => {
  test('served readers become XCLAIM, or CREATECONSUMER + SETID under NOACK, after the XADD', () => {
    const { server, run, propagated } = typeTestServer();
    if (!(server.clock instanceof ControlledClock)) throw new Error('the test server has a fixed clock');
    server.clock.freeze(NOW);
    const alice = server.createClient();
    const bob = server.createClient();
    const replies: string[] = [];
    alice.onUnblocked = (r) => replies.push(`alice ${r.t}`);
    bob.onUnblocked = (r) => replies.push(`bob ${r.t}`);
    run('XADD', 's', '1-0', 'f', '1');
    run('XGROUP', 'CREATE', 's', 'g', '$');
    server.execute(alice, ['XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>']);
    server.execute(bob, ['XREADGROUP', 'GROUP', 'g', 'bob', 'BLOCK', '0', 'NOACK', 'STREAMS', 's', '>']);
    propagated.length = 0;
    run('XADD', 's', '2-0', 'f', '2');
    expect(replies).toEqual(['alice array']);
    run('XADD', 's', '3-0', 'f', '3');
    expect(replies).toEqual(['alice array', 'bob array']);
    // Pinned from the AOF of the same sequence on redis-server 7.0.15.
    expect(propagated).toEqual([
      'XADD s 2-0 f 2',
      `XCLAIM s g alice 0 2-0 TIME ${NOW} RETRYCOUNT 1 FORCE JUSTID LASTID 2-0`,
      'XADD s 3-0 f 3',
      'MULTI', 'XGROUP CREATECONSUMER s g bob', 'XGROUP SETID s g 3-0 ENTRIESREAD 3', 'EXEC',
    ]);
  });
});

test('delivery counts are long longs: RETRYCOUNT 2^63-1 wraps to -2^63 on the next delivery (as redis-server 7.0.15)', () => {
  const { run, strings } = typeTestServer();
  run('XADD', 's', '1-0', 'f', 'v');
  run('XGROUP', 'CREATE', 's', 'g', '0');
  run('XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>');
  run('XCLAIM', 's', 'g', 'c', '0', '1-0', 'RETRYCOUNT', '9223372036854775807', 'JUSTID');
  run('XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '0');
  expect(run('XPENDING', 's', 'g', '-', '+', '10').endsWith(':-9223372036854775808\r\n')).toBe(true);
  expect(strings('XPENDING', 's', 'g').slice(0, 1)).toEqual([':1\r\n']);
});
