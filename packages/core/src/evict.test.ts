// maxmemory eviction on redmoon alone (exact eviction order on redis-server
// depends on its own allocations; the deterministic replies are differential
// cases in test/differential/cases/memory.ts). Each policy gets a workload that
// writes twice maxmemory: memory must stay under the limit after every command,
// and the keys evicted must be of the class the policy names.
import { describe, expect, it } from 'vitest';
import { ControlledClock } from './clock.ts';
import { estimateUsedMemory, USED_MEMORY_STARTUP } from './commands/info.ts';
import { encode2 } from './resp/encode.ts';
import { RedisServer } from './server.ts';

const LIMIT = USED_MEMORY_STARTUP + 200_000;
const VALUE = 'v'.repeat(100);
const KEYS = 2400; // ~170 bytes each: about twice the 200KB over startup

/** A deterministic random source (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function setup(policy: string) {
  const clock = new ControlledClock();
  clock.freeze(1_700_000_000_000);
  const s = new RedisServer({ clock, random: seeded(7), config: { maxmemory: String(LIMIT), 'maxmemory-policy': policy } });
  const c = s.createClient();
  // As in Redis, eviction runs before each command: a command's own write may take
  // memory over the limit (by one value here), and the next command evicts it back.
  let peak = 0;
  let settled = 0;
  const run = (...argv: string[]): string => {
    const out = encode2(s.execute(c, argv));
    peak = Math.max(peak, estimateUsedMemory(s).total);
    if (policy !== 'noeviction') {
      s.evictor.perform();
      settled = Math.max(settled, estimateUsedMemory(s).total);
    }
    return out;
  };
  const underLimit = (): void => {
    expect(settled).toBeLessThanOrEqual(LIMIT);
    expect(peak).toBeLessThanOrEqual(LIMIT + 300);
  };
  return { s, c, clock, run, underLimit, peak: () => peak, exists: (k: string) => s.dbs[0].dict.has(k) };
}

/** Fraction of keys that are still present. */
const survival = (keys: string[], exists: (k: string) => boolean): number => keys.filter(exists).length / keys.length;

describe('maxmemory eviction', () => {
  for (const policy of ['allkeys-lru', 'allkeys-lfu', 'allkeys-random']) {
    it(`${policy}: stays under maxmemory writing twice as much`, () => {
      const { s, run, underLimit } = setup(policy);
      for (let i = 0; i < KEYS; i++) expect(run('SET', `k${i}`, VALUE)).toBe('+OK\r\n');
      underLimit();
      expect(s.stats.evictedKeys).toBeGreaterThan(KEYS / 3);
      expect(s.dbs[0].size).toBeGreaterThan(KEYS / 3);
    });
  }

  for (const policy of ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl']) {
    it(`${policy}: evicts only keys with a TTL and stays under maxmemory`, () => {
      const { s, run, underLimit, exists } = setup(policy);
      const persistent: string[] = [];
      for (let i = 0; i < KEYS; i++) {
        // One key in eight has no TTL: about a quarter of the limit in all.
        if (i % 8 === 0) {
          persistent.push(`p${i}`);
          expect(run('SET', `p${i}`, VALUE)).toBe('+OK\r\n');
        } else {
          expect(run('SET', `t${i}`, VALUE, 'EX', String(1000 + i))).toBe('+OK\r\n');
        }
      }
      underLimit();
      expect(s.stats.evictedKeys).toBeGreaterThan(KEYS / 3);
      expect(survival(persistent, exists)).toBe(1);
    });
  }

  it('volatile-*: with only keys without a TTL left, writes get OOM', () => {
    const { run } = setup('volatile-lru');
    let oom = 0;
    for (let i = 0; i < KEYS; i++) if (run('SET', `p${i}`, VALUE).startsWith('-OOM')) oom++;
    expect(oom).toBeGreaterThan(KEYS / 3);
    expect(run('GET', 'p0')).toBe(`$100\r\n${VALUE}\r\n`);
  });

  it('volatile-ttl evicts the shortest TTLs first on average', () => {
    const { run, exists } = setup('volatile-ttl');
    const rand = seeded(3);
    const ttls = new Map<string, number>();
    for (let i = 0; i < KEYS; i++) {
      const ttl = 100 + Math.floor(rand() * 100_000);
      ttls.set(`t${i}`, ttl);
      run('SET', `t${i}`, VALUE, 'EX', String(ttl));
    }
    const mean = (keys: string[]): number => keys.reduce((n, k) => n + ttls.get(k)!, 0) / keys.length;
    const evicted = [...ttls.keys()].filter((k) => !exists(k));
    const kept = [...ttls.keys()].filter(exists);
    expect(evicted.length).toBeGreaterThan(KEYS / 3);
    expect(mean(evicted)).toBeLessThan(mean(kept) * 0.6);
  });

  it('allkeys-lru evicts mostly keys accessed long ago', () => {
    const { run, clock, exists } = setup('allkeys-lru');
    const hot: string[] = [];
    const cold: string[] = [];
    for (let i = 0; i < KEYS; i++) {
      const key = `k${i}`;
      (i % 4 === 0 ? hot : cold).push(key);
      run('SET', key, VALUE);
      clock.advance(10);
      // Every hot key written so far is read again now and then.
      if (i % 50 === 0) for (const h of hot) run('GET', h);
    }
    expect(survival(hot, exists)).toBeGreaterThan(0.8);
    expect(survival(cold, exists)).toBeLessThan(0.4);
  });

  it('allkeys-lfu evicts mostly rarely accessed keys', () => {
    const { run, exists } = setup('allkeys-lfu');
    const hot: string[] = [];
    const cold: string[] = [];
    for (let i = 0; i < KEYS; i++) {
      const key = `k${i}`;
      run('SET', key, VALUE);
      if (i % 4 === 0) {
        hot.push(key);
        for (let j = 0; j < 30; j++) run('GET', key);
      } else {
        cold.push(key);
      }
    }
    expect(survival(hot, exists)).toBeGreaterThan(0.8);
    expect(survival(cold, exists)).toBeLessThan(0.4);
  });

  it('allkeys-random evicts keys with and without a TTL, hot and cold', () => {
    const { run, exists } = setup('allkeys-random');
    const withTtl: string[] = [];
    const without: string[] = [];
    for (let i = 0; i < KEYS; i++) {
      if (i % 2 === 0) {
        withTtl.push(`t${i}`);
        run('SET', `t${i}`, VALUE, 'EX', '1000');
      } else {
        without.push(`p${i}`);
        run('SET', `p${i}`, VALUE);
        run('GET', `p${i}`);
      }
    }
    expect(survival(withTtl, exists)).toBeLessThan(0.8);
    expect(survival(without, exists)).toBeLessThan(0.8);
  });

  it('noeviction: denyoom commands fail with OOM, reads and DEL still work', () => {
    const { s, run, peak } = setup('noeviction');
    let oom = 0;
    for (let i = 0; i < KEYS; i++) {
      const out = run('SET', `k${i}`, VALUE);
      if (out !== '+OK\r\n') {
        expect(out).toBe("-OOM command not allowed when used memory > 'maxmemory'.\r\n");
        oom++;
      }
    }
    expect(oom).toBeGreaterThan(KEYS / 3);
    // The last write that fitted may take memory over the limit; nothing after it does.
    expect(peak()).toBeLessThanOrEqual(LIMIT + 300);
    expect(s.stats.evictedKeys).toBe(0);
    expect(run('GET', 'k0')).toBe(`$100\r\n${VALUE}\r\n`);
    expect(run('LPUSH', 'l', 'x')).toMatch(/^-OOM/);
    expect(run('DEL', 'k0', 'k1', 'k2')).toBe(':3\r\n');
    expect(run('SET', 'k0', VALUE)).toBe('+OK\r\n');
  });

  it('an evicted key is propagated as DEL, fires `evicted`, and touches WATCH', () => {
    const { s, run } = setup('allkeys-random');
    const propagated: string[][] = [];
    s.onPropagate((p) => propagated.push(p.argv));
    const events: string[] = [];
    s.publish = (channel, message) => { events.push(`${channel} ${message}`); return 0; };
    run('CONFIG', 'SET', 'notify-keyspace-events', 'Ee');
    const watcher = s.createClient();
    s.execute(watcher, ['WATCH', 'k0']);
    for (let i = 0; i < KEYS; i++) run('SET', `k${i}`, VALUE);
    const dels = propagated.filter((a) => a[0] === 'DEL');
    expect(dels.length).toBe(s.stats.evictedKeys);
    expect(events.filter((e) => e.startsWith('__keyevent@0__:evicted ')).length).toBe(s.stats.evictedKeys);
    if (!s.dbs[0].dict.has('k0')) {
      s.execute(watcher, ['MULTI']);
      s.execute(watcher, ['GET', 'k0']);
      expect(encode2(s.execute(watcher, ['EXEC']))).toBe('*-1\r\n');
    }
    expect(s.dbs[0].dict.has('k0')).toBe(false);
  });

  it('lazyfree-lazy-eviction propagates UNLINK', () => {
    const { s, run } = setup('allkeys-lru');
    const propagated: string[][] = [];
    s.onPropagate((p) => propagated.push(p.argv));
    run('CONFIG', 'SET', 'lazyfree-lazy-eviction', 'yes');
    for (let i = 0; i < KEYS; i++) run('SET', `k${i}`, VALUE);
    expect(propagated.some((a) => a[0] === 'UNLINK')).toBe(true);
    expect(propagated.some((a) => a[0] === 'DEL')).toBe(false);
  });
});

describe('memory estimate', () => {
  it('is kept incrementally: it grows with writes and shrinks with deletes', () => {
    const s = new RedisServer();
    const c = s.createClient();
    const used = (): number => estimateUsedMemory(s).total;
    const run = (...argv: string[]): string => encode2(s.execute(c, argv));
    let last = used();
    expect(last).toBe(USED_MEMORY_STARTUP);
    for (let i = 0; i < 200; i++) {
      run('RPUSH', 'l', `element-${i}`);
      run('HSET', 'h', `f${i}`, 'x'.repeat(i));
      run('SADD', 's', `m${i}`);
      run('ZADD', 'z', String(i), `m${i}`);
      run('XADD', 'x', '*', 'f', String(i));
      const now = used();
      expect(now).toBeGreaterThanOrEqual(last);
      last = now;
    }
    run('SET', 'str', 'abc');
    const withStr = used();
    run('APPEND', 'str', 'x'.repeat(1000));
    expect(used()).toBeGreaterThan(withStr + 1000);
    run('EXPIRE', 'str', '100');
    expect(used()).toBeGreaterThan(withStr + 1000);
    for (const k of ['l', 'h', 's', 'z', 'x', 'str']) {
      const before = used();
      run('DEL', k);
      expect(used()).toBeLessThan(before);
    }
    expect(used()).toBe(USED_MEMORY_STARTUP);
  });

  it('follows RENAME, MOVE, SWAPDB and FLUSHALL', () => {
    const s = new RedisServer();
    const c = s.createClient();
    const run = (...argv: string[]): string => encode2(s.execute(c, argv));
    run('SET', 'a', 'x'.repeat(500));
    const one = estimateUsedMemory(s).total;
    run('RENAME', 'a', 'b');
    expect(estimateUsedMemory(s).total).toBe(one);
    run('MOVE', 'b', '3');
    expect(estimateUsedMemory(s).total).toBe(one);
    run('SWAPDB', '0', '3');
    expect(estimateUsedMemory(s).total).toBe(one);
    run('FLUSHALL');
    expect(estimateUsedMemory(s).total).toBe(USED_MEMORY_STARTUP);
  });

  it('MEMORY USAGE shrinks when elements are removed', () => {
    const s = new RedisServer();
    const c = s.createClient();
    const run = (...argv: string[]): string => encode2(s.execute(c, argv));
    run('RPUSH', 'l', ...Array.from({ length: 100 }, (_, i) => `e${i}`));
    const full = Number(run('MEMORY', 'USAGE', 'l').slice(1));
    run('LTRIM', 'l', '0', '9');
    expect(Number(run('MEMORY', 'USAGE', 'l').slice(1))).toBeLessThan(full);
  });

  it('MEMORY STATS has redis-server 7.0.15 fields, and INFO the same overhead split', () => {
    const s = new RedisServer();
    const c = s.createClient();
    s.execute(c, ['SET', 'a', '1']);
    s.execute(c, ['SET', 'b', '2', 'EX', '100']);
    const stats = s.execute(c, ['MEMORY', 'STATS']);
    if (stats.t !== 'map') throw new Error('MEMORY STATS is a map');
    const names = stats.v.map(([k]) => (k.t === 'bulk' ? k.v : ''));
    expect(names).toEqual([
      'peak.allocated', 'total.allocated', 'startup.allocated', 'replication.backlog', 'clients.slaves', 'clients.normal',
      'cluster.links', 'aof.buffer', 'lua.caches', 'functions.caches', 'db.0', 'overhead.total', 'keys.count',
      'keys.bytes-per-key', 'dataset.bytes', 'dataset.percentage', 'peak.percentage', 'allocator.allocated',
      'allocator.active', 'allocator.resident', 'allocator-fragmentation.ratio', 'allocator-fragmentation.bytes',
      'allocator-rss.ratio', 'allocator-rss.bytes', 'rss-overhead.ratio', 'rss-overhead.bytes', 'fragmentation',
      'fragmentation.bytes',
    ]);
    const num = (name: string): number => {
      const v = stats.v.find(([k]) => k.t === 'bulk' && k.v === name)![1];
      return v.t === 'int' ? Number(v.v) : NaN;
    };
    // Two keys in a 4-slot table: 2 * (dictEntry 24 + robj 16) + 4 * 8; one TTL: 24 + 4 * 8.
    expect(num('overhead.total')).toBe(USED_MEMORY_STARTUP + 112 + 56);
    const info = encode2(s.execute(c, ['INFO', 'memory']));
    expect(info).toContain(`\r\nused_memory_overhead:${num('overhead.total')}\r\n`);
    expect(info).toContain(`\r\nused_memory_dataset:${num('dataset.bytes')}\r\n`);
  });
});
