// DUMP/RESTORE side effects, pinned to what redis-server 7.0.15 does (its AOF and
// keyspace events): a relative TTL is propagated as ABSTTL, an already expired
// REPLACE becomes a DEL, an already expired new key is not propagated at all.
import { describe, expect, test } from 'vitest';
import { ControlledClock } from '../clock.ts';
import type { Reply } from '../reply.ts';
import { typeTestServer } from './type-test-server.ts';

const NOW = 1_700_000_000_000;

function setup(config: Record<string, string> = {}) {
  const t = typeTestServer(config);
  // freeze(NOW) in one step: set() then freeze() lets a millisecond pass between them.
  (t.server.clock as ControlledClock).freeze(NOW);
  const payload = (key: string): string => {
    const r: Reply = t.server.execute(t.c, ['DUMP', key]);
    if (r.t !== 'bulk') throw new Error('no payload');
    return r.v;
  };
  t.run('SET', 'src', 'hello');
  t.propagated.length = 0;
  t.events.length = 0;
  return { ...t, p: payload('src') };
}

describe('RESTORE propagation and events', () => {
  test('without a TTL: propagated as sent, event restore, dirty 1', () => {
    const t = setup();
    const dirty = t.server.dirty;
    expect(t.run('RESTORE', 'k', '0', t.p, 'IDLETIME', '5')).toBe('+OK\r\n');
    expect(t.propagated).toEqual([`RESTORE k 0 ${t.p} IDLETIME 5`]);
    expect(t.events).toEqual(['restore k']);
    expect(t.server.dirty).toBe(dirty + 1);
  });

  test('a relative TTL is propagated as an absolute one with ABSTTL', () => {
    const t = setup();
    t.run('RESTORE', 'k', '5000', t.p, 'REPLACE');
    expect(t.propagated).toEqual([`RESTORE k ${NOW + 5000} ${t.p} REPLACE ABSTTL`]);
    expect(t.run('PEXPIRETIME', 'k')).toBe(`:${NOW + 5000}\r\n`);
  });

  test('ABSTTL is propagated as sent', () => {
    const t = setup();
    t.run('RESTORE', 'k', String(NOW + 1), t.p, 'ABSTTL');
    expect(t.propagated).toEqual([`RESTORE k ${NOW + 1} ${t.p} ABSTTL`]);
  });

  test('an expired REPLACE deletes the key and propagates DEL (UNLINK with lazyfree-lazy-server-del)', () => {
    const t = setup();
    t.run('RESTORE', 'k', '0', t.p);
    t.propagated.length = 0;
    t.events.length = 0;
    expect(t.run('RESTORE', 'k', String(NOW), t.p, 'ABSTTL', 'REPLACE')).toBe('+OK\r\n');
    expect(t.propagated).toEqual(['DEL k']);
    expect(t.events).toEqual(['del k']);
    expect(t.run('EXISTS', 'k')).toBe(':0\r\n');
    t.run('CONFIG', 'SET', 'lazyfree-lazy-server-del', 'yes');
    t.run('RESTORE', 'k', '0', t.p);
    t.propagated.length = 0;
    t.run('RESTORE', 'k', '1', t.p, 'ABSTTL', 'REPLACE');
    expect(t.propagated).toEqual(['UNLINK k']);
  });

  test('an expired new key: OK, nothing stored, nothing propagated', () => {
    const t = setup();
    const dirty = t.server.dirty;
    expect(t.run('RESTORE', 'k', '1', t.p, 'ABSTTL')).toBe('+OK\r\n');
    expect(t.propagated).toEqual([]);
    expect(t.events).toEqual([]);
    expect(t.server.dirty).toBe(dirty);
    expect(t.run('EXISTS', 'k')).toBe(':0\r\n');
  });

  test('refusals change nothing', () => {
    const t = setup();
    expect(t.run('RESTORE', 'src', '0', t.p)).toBe('-BUSYKEY Target key name already exists.\r\n');
    expect(t.run('RESTORE', 'k', '0', t.p.slice(0, 3) + t.p.slice(4))).toBe('-ERR DUMP payload version or checksum are wrong\r\n');
    expect(t.propagated).toEqual([]);
    expect(t.events).toEqual([]);
  });
});

describe('RESTORE access time and frequency', () => {
  test('IDLETIME sets the idle time OBJECT IDLETIME reports', () => {
    const t = setup();
    t.run('RESTORE', 'k', '0', t.p, 'IDLETIME', '1000');
    expect(t.run('OBJECT', 'IDLETIME', 'k')).toBe(':1000\r\n');
  });
  test('FREQ sets the LFU counter under an LFU policy', () => {
    const t = setup({ 'maxmemory-policy': 'allkeys-lfu' });
    t.run('RESTORE', 'k', '0', t.p, 'FREQ', '77');
    expect(t.run('OBJECT', 'FREQ', 'k')).toBe(':77\r\n');
  });
});

describe('DUMP', () => {
  test('of every type restores to an equal value', () => {
    const t = setup();
    t.run('RPUSH', 'l', 'a', '1', 'x'.repeat(10000));
    t.run('SADD', 's', '1', 'two');
    t.run('ZADD', 'z', '1.5', 'a', '-inf', 'b');
    t.run('HSET', 'h', 'f', 'v');
    for (const [key, read] of [['l', ['LRANGE', 'l', '0', '-1']], ['s', ['SMEMBERS', 's']], ['z', ['ZRANGE', 'z', '0', '-1', 'WITHSCORES']], ['h', ['HGETALL', 'h']]] as const) {
      const r = t.server.execute(t.c, ['DUMP', key]);
      if (r.t !== 'bulk') throw new Error('no payload');
      expect(t.run('RESTORE', `${key}2`, '0', r.v)).toBe('+OK\r\n');
      expect(t.run(read[0], `${key}2`, ...read.slice(2))).toBe(t.run(...read));
      expect(t.run('OBJECT', 'ENCODING', `${key}2`)).toBe(t.run('OBJECT', 'ENCODING', key));
    }
  });
});
