// Keyspace and expire commands with a frozen clock: exact TTLs, lazy and active
// expiry, propagation forms (checked against redis-server 7.0.15's AOF), keyspace
// events, dirty counting, SCAN walks and the COPY copier registry.
import { describe, expect, test } from 'vitest';
import { ControlledClock } from '../clock.ts';
import { registerTypeCopier } from '../object.ts';
import { encode2 } from '../resp/encode.ts';
import { RedisServer } from '../server.ts';

const T0 = 1_700_000_000_000;

function setup(config: Record<string, string> = {}) {
  const clock = new ControlledClock();
  clock.freeze(T0);
  const server = new RedisServer({ clock, config });
  const c = server.createClient();
  const propagated: string[] = [];
  server.onPropagate((p) => propagated.push(`${p.db}: ${p.argv.join(' ')}`));
  const events: string[] = [];
  server.publish = (channel, message) => {
    if (channel.startsWith('__keyevent@')) events.push(`${channel.slice('__keyevent@'.length)} ${message}`);
    return 0;
  };
  const run = (...argv: string[]): string => encode2(server.execute(c, argv));
  return { clock, server, c, run, propagated, events };
}

describe('TTL and expire times', () => {
  test('TTL rounds to the nearest second, PTTL is exact', () => {
    const { run, clock } = setup();
    run('SET', 'k', 'v');
    expect(run('PEXPIRE', 'k', '10499')).toBe(':1\r\n');
    expect(run('TTL', 'k')).toBe(':10\r\n');
    expect(run('PTTL', 'k')).toBe(':10499\r\n');
    clock.advance(1000 - 1);
    expect(run('PTTL', 'k')).toBe(':9500\r\n');
    expect(run('TTL', 'k')).toBe(':10\r\n');
    clock.advance(1);
    expect(run('TTL', 'k')).toBe(':9\r\n');
    expect(run('EXPIRETIME', 'k')).toBe(`:${Math.floor((T0 + 10499 + 500) / 1000)}\r\n`);
    expect(run('PEXPIRETIME', 'k')).toBe(`:${T0 + 10499}\r\n`);
  });

  test('a key is alive at its expire time and gone one ms later', () => {
    const { run, clock, server } = setup();
    server.config.activeExpireEnabled = false;
    run('SET', 'k', 'v');
    run('PEXPIRE', 'k', '100');
    clock.advance(100);
    expect(run('PTTL', 'k')).toBe(':0\r\n');
    expect(run('GET', 'k')).toBe('$1\r\nv\r\n');
    clock.advance(1);
    expect(run('PTTL', 'k')).toBe(':-2\r\n');
    expect(run('DBSIZE')).toBe(':0\r\n');
  });

  test('int64 expire times keep their precision', () => {
    const { run } = setup();
    run('SET', 'k', 'v');
    run('PEXPIREAT', 'k', '9223372036854775807');
    expect(run('PEXPIRETIME', 'k')).toBe(':9223372036854775807\r\n');
    expect(run('EXPIRETIME', 'k')).toBe(':9223372036854776\r\n');
    expect(run('PTTL', 'k')).toBe(`:${9223372036854775807n - BigInt(T0)}\r\n`);
    run('RENAME', 'k', 'k2');
    expect(run('PEXPIRETIME', 'k2')).toBe(':9223372036854775807\r\n');
    run('COPY', 'k2', 'k3', 'DB', '2');
    run('SELECT', '2');
    expect(run('PEXPIRETIME', 'k3')).toBe(':9223372036854775807\r\n');
    expect(run('PEXPIREAT', 'k3', '9223372036854775806', 'LT')).toBe(':1\r\n');
    expect(run('PEXPIRETIME', 'k3')).toBe(':9223372036854775806\r\n');
    expect(run('PERSIST', 'k3')).toBe(':1\r\n');
    expect(run('PEXPIRETIME', 'k3')).toBe(':-1\r\n');
  });

  test('GT/LT compare with the exact current expire', () => {
    const { run } = setup();
    run('SET', 'k', 'v');
    run('PEXPIREAT', 'k', String(T0 + 5000));
    expect(run('PEXPIREAT', 'k', String(T0 + 5000), 'GT')).toBe(':0\r\n');
    expect(run('PEXPIREAT', 'k', String(T0 + 5000), 'LT')).toBe(':0\r\n');
    expect(run('PEXPIRE', 'k', '5001', 'GT')).toBe(':1\r\n');
    expect(run('PEXPIRE', 'k', '5000', 'LT')).toBe(':1\r\n');
    expect(run('PTTL', 'k')).toBe(':5000\r\n');
  });
});

/** Keys a (expired, still in the dict: active expiry is off) and b (persistent). */
function withExpiredA() {
  const t = setup();
  t.server.config.activeExpireEnabled = false;
  t.run('MSET', 'a', '1', 'b', '2');
  t.run('PEXPIRE', 'a', '10');
  t.clock.advance(20);
  return t;
}

describe('expiry deletes, events and propagation', () => {
  test('EXPIRE family propagates as PEXPIREAT with the options kept', () => {
    const { run, propagated } = setup();
    run('SET', 'k', 'v');
    run('EXPIRE', 'k', '100');
    run('pexpire', 'k', '100000', 'xx');
    run('EXPIREAT', 'k', '4000000000');
    run('pexpireat', 'k', '4000000000001', 'GT');
    run('EXPIRE', 'k', '1', 'GT'); // not applied: not propagated
    run('EXPIRE', 'nokey', '1');
    expect(propagated).toEqual([
      '0: SET k v',
      `0: PEXPIREAT k ${T0 + 100000}`,
      `0: PEXPIREAT k ${T0 + 100000} xx`,
      '0: PEXPIREAT k 4000000000000',
      '0: pexpireat k 4000000000001 GT',
    ]);
  });

  test('a past expire deletes the key: DEL (or UNLINK) propagated, del event', () => {
    const { run, propagated, events, server } = setup({ 'notify-keyspace-events': 'KEA' });
    run('SET', 'k', 'v');
    expect(run('EXPIRE', 'k', '-1')).toBe(':1\r\n');
    server.config.lazyfreeLazyExpire = true;
    run('SET', 'k', 'v');
    expect(run('PEXPIREAT', 'k', '0')).toBe(':1\r\n');
    expect(propagated).toEqual(['0: SET k v', '0: DEL k', '0: SET k v', '0: UNLINK k']);
    expect(events).toEqual(['0__:set k', '0__:del k', '0__:set k', '0__:del k']);
  });

  test('lazy expiry on access fires expired (and keymiss) and propagates DEL', () => {
    const { run, clock, server, propagated, events } = setup({ 'notify-keyspace-events': 'KEAm' });
    server.config.activeExpireEnabled = false;
    run('SET', 'k', 'v');
    run('PEXPIRE', 'k', '10');
    clock.advance(11);
    expect(server.dbs[0].size).toBe(1);
    expect(run('EXISTS', 'k')).toBe(':0\r\n');
    expect(server.dbs[0].size).toBe(0);
    expect(server.stats.expiredKeys).toBe(1);
    expect(propagated.slice(2)).toEqual(['0: DEL k']);
    expect(events.slice(2)).toEqual(['0__:expired k', '0__:keymiss k']);
  });

  test('DEL of an expired key counts it as missing', () => {
    const { run, server } = withExpiredA();
    expect(run('DEL', 'a', 'b')).toBe(':1\r\n');
    expect(server.stats.expiredKeys).toBe(1);
  });

  test('active expiry removes keys nobody reads', () => {
    const { run, clock, server, propagated } = setup();
    for (let i = 0; i < 50; i++) run('SET', `k${i}`, 'v', 'PX', '100');
    run('SET', 'keep', 'v');
    clock.advance(101); // the clock change runs the cron, as time passing would
    server.activeExpireCycle();
    expect(server.dbs[0].size).toBe(1);
    expect(propagated.filter((p) => p.startsWith('0: DEL ')).length).toBe(50);
  });

  test('KEYS skips expired keys without deleting them; SCAN and RANDOMKEY delete them', () => {
    const { run, clock, server } = withExpiredA();
    expect(run('KEYS', '*')).toBe('*1\r\n$1\r\nb\r\n');
    expect(server.dbs[0].size).toBe(2);
    expect(run('SCAN', '0')).toBe('*2\r\n$1\r\n0\r\n*1\r\n$1\r\nb\r\n');
    expect(server.dbs[0].size).toBe(1);
    run('PEXPIRE', 'b', '10');
    clock.advance(20);
    expect(run('RANDOMKEY')).toBe('$-1\r\n');
    expect(server.dbs[0].size).toBe(0);
  });

  test('SCAN TYPE none returns an expired key, as 7.0 does', () => {
    const { run } = withExpiredA();
    expect(run('SCAN', '0', 'TYPE', 'none')).toBe('*2\r\n$1\r\n0\r\n*1\r\n$1\r\na\r\n');
  });

  test('a replica keeps expired keys but reports them missing', () => {
    const { run, clock, server } = setup();
    server.config.activeExpireEnabled = false;
    run('SET', 'k', 'v');
    run('PEXPIRE', 'k', '10');
    server.isReplica = true;
    clock.advance(20);
    expect(run('GET', 'k')).toBe('$-1\r\n');
    expect(server.dbs[0].size).toBe(1);
    // RANDOMKEY gives up after 100 draws when every key is volatile.
    expect(run('RANDOMKEY')).toBe('$1\r\nk\r\n');
    // A past expire on a replica is set, not executed as a DEL.
    run('PEXPIREAT', 'k', '1');
    expect(server.dbs[0].size).toBe(1);
  });
});

describe('keyspace events and propagation of the generic commands', () => {
  test('event names', () => {
    const { run, events } = setup({ 'notify-keyspace-events': 'Eg' });
    run('MSET', 'a', '1', 'b', '2');
    run('DEL', 'a', 'a', 'zz');
    run('RENAME', 'b', 'c');
    run('EXPIRE', 'c', '100');
    run('PERSIST', 'c');
    run('COPY', 'c', 'd', 'DB', '3');
    run('MOVE', 'c', '5');
    run('UNLINK', 'd');
    expect(events).toEqual([
      '0__:del a', '0__:rename_from b', '0__:rename_to c', '0__:expire c', '0__:persist c',
      '3__:copy_to d', '0__:move_from c', '5__:move_to c',
    ]);
  });

  test('propagation forms and dirty counts', () => {
    const { run, server, propagated } = setup();
    const dirty = (): number => server.dirty;
    run('MSET', 'a', '1', 'b', '2', 'c', '3');
    let d = dirty();
    run('DEL', 'a', 'a', 'b', 'zz');
    expect(dirty() - d).toBe(2);
    d = dirty();
    run('DEL', 'zz');
    expect(dirty()).toBe(d);
    run('RENAME', 'c', 'c'); // same key: no change, not propagated
    run('RENAMENX', 'c', 'e');
    run('SWAPDB', '0', '0');
    d = dirty();
    run('FLUSHDB');
    expect(dirty() - d).toBe(1);
    d = dirty();
    run('FLUSHALL', 'ASYNC'); // nothing to remove: dirty unchanged, still propagated
    expect(dirty()).toBe(d);
    run('TOUCH', 'x');
    expect(propagated).toEqual([
      '0: MSET a 1 b 2 c 3', '0: DEL a a b zz', '0: RENAMENX c e', '0: SWAPDB 0 0', '0: FLUSHDB', '0: FLUSHALL ASYNC',
    ]);
  });
});

describe('SCAN', () => {
  test('a full walk with small COUNTs returns every key once, despite deletions', () => {
    const { run, server, c } = setup();
    for (let i = 0; i < 200; i++) run('SET', `k${i}`, 'v');
    const seen = new Map<string, number>();
    let cursor = '0';
    let step = 0;
    do {
      const r = server.execute(c, ['SCAN', cursor, 'COUNT', '7']);
      if (r.t !== 'array') throw new Error('SCAN reply');
      const [cur, keys] = r.v;
      if (cur.t !== 'bulk' || keys.t !== 'array') throw new Error('SCAN reply');
      cursor = cur.v;
      for (const k of keys.v) if (k.t === 'bulk') seen.set(k.v, (seen.get(k.v) ?? 0) + 1);
      // Delete some keys not yet seen and add new ones as the walk goes on.
      run('DEL', `k${199 - step}`);
      run('SET', `new${step}`, 'v');
      step++;
    } while (cursor !== '0');
    for (let i = 0; i < 200 - step; i++) expect(seen.get(`k${i}`)).toBe(1);
    for (const n of seen.values()) expect(n).toBe(1);
  });

  test('MATCH and COUNT filter after sampling, as Redis does', () => {
    const { run } = setup();
    run('MSET', 'a1', '1', 'b1', '1', 'a2', '1');
    expect(run('SCAN', '0', 'MATCH', 'a*', 'COUNT', '2')).toMatch(/^\*2\r\n\$\d+\r\n\d+\r\n\*1\r\n\$2\r\na1\r\n$/);
  });
});

describe('OBJECT', () => {
  test('OBJECT does not touch the access time; TOUCH does', () => {
    const { run, clock } = setup();
    run('SET', 'k', 'v');
    clock.advance(5000);
    expect(run('OBJECT', 'IDLETIME', 'k')).toBe(':5\r\n');
    run('TYPE', 'k');
    run('EXISTS', 'k');
    run('TTL', 'k');
    expect(run('OBJECT', 'IDLETIME', 'k')).toBe(':5\r\n');
    run('TOUCH', 'k');
    expect(run('OBJECT', 'IDLETIME', 'k')).toBe(':0\r\n');
  });

  test('OBJECT FREQ follows the LFU counter and its decay', () => {
    const { run, clock } = setup({ 'maxmemory-policy': 'allkeys-lfu' });
    run('SET', 'k', 'hello');
    expect(run('OBJECT', 'FREQ', 'k')).toBe(':5\r\n');
    run('GET', 'k'); // from LFU_INIT_VAL the first access always counts
    expect(run('OBJECT', 'FREQ', 'k')).toBe(':6\r\n');
    clock.advance(3 * 60_000); // lfu-decay-time 1: one step per idle minute
    expect(run('OBJECT', 'FREQ', 'k')).toBe(':3\r\n');
  });

  test('REFCOUNT: shared integers unless maxmemory with an LRU/LFU policy', () => {
    const { run, server } = setup();
    run('SET', 'k', '7');
    expect(run('OBJECT', 'REFCOUNT', 'k')).toBe(':2147483647\r\n');
    server.config.maxmemory = 1 << 30;
    server.config.maxmemoryPolicy = 'allkeys-lru';
    expect(run('OBJECT', 'REFCOUNT', 'k')).toBe(':1\r\n');
  });
});

describe('COPY', () => {
  test('duplicates values through the registered copier', () => {
    const { server, c } = setup();
    registerTypeCopier('list', (v) => [...(v as string[])]);
    const list = ['a', 'b'];
    server.dbs[0].add('l', { type: 'list', enc: 'quicklist', value: list, lru: 0, lfu: 5, id: 0 });
    expect(encode2(server.execute(c, ['COPY', 'l', 'l2']))).toBe(':1\r\n');
    const copy = server.dbs[0].peek('l2')!;
    expect(copy.type).toBe('list');
    expect(copy.enc).toBe('quicklist');
    expect(copy.value).toEqual(['a', 'b']);
    expect(copy.value).not.toBe(list);
  });

  test('MOVE and RENAME keep the key index consistent for SCAN', () => {
    const { run } = setup();
    run('MSET', 'a', '1', 'b', '2', 'c', '3');
    run('RENAME', 'a', 'z');
    run('MOVE', 'b', '1');
    run('RENAME', 'c', 'z');
    expect(run('SCAN', '0')).toBe('*2\r\n$1\r\n0\r\n*1\r\n$1\r\nz\r\n');
    run('SELECT', '1');
    expect(run('SCAN', '0')).toBe('*2\r\n$1\r\n0\r\n*1\r\n$1\r\nb\r\n');
  });
});

describe('WATCH signals', () => {
  // touchAllWatchedKeysInDb: a flush or swap touches the watched keys that exist
  // in either db (not every key through signalModifiedKey).
  test('FLUSHDB and SWAPDB touch the watchers of keys in the affected dbs', () => {
    const { run, server } = setup();
    run('SET', 'a', '1');
    run('SELECT', '1');
    run('SET', 'b', '1');
    run('SELECT', '0');
    const watcher = (db: string, key: string) => {
      const w = server.createClient();
      server.execute(w, ['SELECT', db]);
      server.execute(w, ['WATCH', key]);
      return w;
    };
    const swapped = [watcher('0', 'a'), watcher('0', 'b'), watcher('1', 'a'), watcher('2', 'a'), watcher('0', 'none')];
    run('SWAPDB', '0', '1');
    expect(swapped.map((w) => w.dirtyCas)).toEqual([true, true, true, false, false]);
    const flushed = [watcher('0', 'a'), watcher('0', 'b'), watcher('1', 'a')];
    run('FLUSHDB');
    expect(flushed.map((w) => w.dirtyCas)).toEqual([false, true, false]);
  });
});
