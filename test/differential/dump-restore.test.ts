// DUMP/RESTORE across implementations: for every type and encoding, a payload
// DUMPed by redis-server 7.0.15 is RESTOREd into redmoon and one DUMPed by redmoon
// is RESTOREd into redis-server, and the restored values (every element, and
// OBJECT ENCODING) are compared with what the real server makes of the same payload.
// Where Redis's bytes follow from the value alone (strings, listpacks, intsets,
// lists built by RPUSH), redmoon's DUMP must be byte-identical too.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encode2 } from '../../packages/core/src/resp/encode.ts';
import { RedisServer } from '../../packages/core/src/server.ts';
import { type RunningServer, startRealRedis } from '../support/servers.ts';
import type { Cmd } from './case.ts';
import { request, type Session, tcpEndpoint } from './harness.ts';
import { parseReply, sortReply } from './resp-reader.ts';

interface Fixture {
  name: string;
  /** Commands that build `k` (run on both servers). */
  setup: Cmd[];
  /** CONFIG SET pairs applied on both servers before the setup. */
  config?: Record<string, string>;
  /** Redis's DUMP bytes follow from the value alone: redmoon's must be the same. */
  sameBytes?: true;
  /** The encoding the fixture builds on redis-server (checked). */
  encoding?: string;
  /** Built with commands redmoon does not have (DEBUG): only the redis -> redmoon direction. */
  realOnly?: true;
  /**
   * The value holds the setup's clock (stream delivery and seen times), which
   * differs between the servers: redmoon's payload is checked against its own
   * restore on both servers, not against redis-server's value.
   */
  clockDependent?: true;
}

const range = (n: number, f: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => f(i));
const ALL_BYTES = range(256, (i) => String.fromCharCode(i)).join('');
const pairs = (n: number, f: (i: number) => [string, string]): string[] => Array.from({ length: n }, (_, i) => f(i)).flat();
const INTS = ['0', '1', '127', '128', '-1', '-4096', '4095', '4096', '-4097', '32767', '-32768', '32768', '8388607',
  '-8388608', '8388608', '2147483647', '-2147483648', '2147483648', '9223372036854775807', '-9223372036854775808'];

const FIXTURES: Fixture[] = [
  { name: 'string int small', setup: [['SET', 'k', '123']], sameBytes: true },
  { name: 'string int negative', setup: [['SET', 'k', '-5']], sameBytes: true },
  { name: 'string int 32-bit', setup: [['SET', 'k', '-2147483648']], sameBytes: true },
  { name: 'string int beyond 32-bit', setup: [['SET', 'k', '12345678901']], sameBytes: true },
  { name: 'string int64 max', setup: [['SET', 'k', '9223372036854775807']], sameBytes: true },
  { name: 'string non-canonical int', setup: [['SET', 'k', '007']], sameBytes: true },
  { name: 'string embstr', setup: [['SET', 'k', 'hello world']], sameBytes: true },
  { name: 'string empty', setup: [['SET', 'k', '']], sameBytes: true },
  { name: 'string raw compressible', setup: [['SET', 'k', 'x'.repeat(100)]], sameBytes: true },
  { name: 'string raw text', setup: [['SET', 'k', 'the quick brown fox jumps over the lazy dog '.repeat(20)]], sameBytes: true },
  { name: 'string all bytes', setup: [['SET', 'k', ALL_BYTES + ALL_BYTES]], sameBytes: true },
  { name: 'string 45 bytes', setup: [['SET', 'k', 'abcdefghij'.repeat(4) + 'abcde']], sameBytes: true },
  { name: 'string uncompressed by config', config: { rdbcompression: 'no' }, setup: [['SET', 'k', 'y'.repeat(300)]], sameBytes: true },
  { name: 'set intset', setup: [['SADD', 'k', '3', '1', '2', '-7']], sameBytes: true },
  { name: 'set intset 32-bit', setup: [['SADD', 'k', '1', '100000', '-100000']], sameBytes: true },
  { name: 'set intset 64-bit', encoding: 'intset', setup: [['SADD', 'k', ...INTS]], sameBytes: true },
  { name: 'set hashtable strings', setup: [['SADD', 'k', 'a', 'b', 'c', '1', '', '\x00\xff']] },
  { name: 'set hashtable many ints', encoding: 'hashtable', setup: [['SADD', 'k', ...range(600, (i) => String(i * 7))]] },
  { name: 'set intset over a lowered limit', config: { 'set-max-intset-entries': '4' }, setup: [['SADD', 'k', '1', '2', '3', '4', '5', '6']] },
  { name: 'hash listpack', setup: [['HSET', 'k', 'a', '1', 'b', 'two', '', 'empty', 'n', '-4096', '\x00', ALL_BYTES.slice(0, 60)]], sameBytes: true },
  { name: 'hash listpack ints', encoding: 'listpack', setup: [['HSET', 'k', ...INTS.flatMap((v, i) => [`f${i}`, v])]], sameBytes: true },
  { name: 'hash hashtable by value', encoding: 'hashtable', setup: [['HSET', 'k', 'a', '1', 'long', 'v'.repeat(65)]] },
  { name: 'hash hashtable by count', encoding: 'hashtable', setup: [['HSET', 'k', ...pairs(600, (i) => [`field:${i}`, String(i)])]] },
  { name: 'hash hashtable shrunk to few fields', encoding: 'hashtable', setup: [['HSET', 'k', ...pairs(600, (i) => [`f${i}`, String(i)])], ['HDEL', 'k', ...range(595, (i) => `f${i}`)]] },
  { name: 'zset listpack', setup: [['ZADD', 'k', '1', 'a', '2.5', 'b', '-3', 'c', 'inf', 'd', '-inf', 'e', '1e300', 'f', '0.1', 'g', '123456789012', 'h']], sameBytes: true },
  { name: 'zset listpack binary members', setup: [['ZADD', 'k', '0', '', '1', '\x00', '2', '\xff\xfe', '3', '42']], sameBytes: true },
  { name: 'zset skiplist by count', encoding: 'skiplist', setup: [['ZADD', 'k', ...pairs(200, (i) => [String(i / 3), `m${i}`])]], sameBytes: true },
  { name: 'zset skiplist by member length', setup: [['ZADD', 'k', '1', 'a', '2', 'm'.repeat(65), '-0', 'z']], sameBytes: true },
  { name: 'zset skiplist shrunk', encoding: 'skiplist', setup: [['ZADD', 'k', ...pairs(200, (i) => [String(i), `m${i}`])], ['ZREMRANGEBYRANK', 'k', '0', '194']], sameBytes: true },
  { name: 'list small', setup: [['RPUSH', 'k', 'a', 'b', '', 'c']], sameBytes: true },
  { name: 'list integers', setup: [['RPUSH', 'k', ...INTS]], sameBytes: true },
  { name: 'list binary', setup: [['RPUSH', 'k', ALL_BYTES, '\x00', '\r\n']], sameBytes: true },
  { name: 'list big (many nodes)', setup: [['RPUSH', 'k', ...range(3000, (i) => `element-${i}`)]], sameBytes: true },
  { name: 'list element over 8KB', setup: [['RPUSH', 'k', 'a', 'z'.repeat(10000), 'b', 'c']], sameBytes: true },
  { name: 'list element over 64KB', setup: [['RPUSH', 'k', 'head', range(7000, (i) => String(i % 10)).join('') + ALL_BYTES.repeat(300)]], sameBytes: true },
  { name: 'list count-limited nodes', config: { 'list-max-listpack-size': '5' }, setup: [['RPUSH', 'k', ...range(23, String)]], sameBytes: true },
  { name: 'list 16KB nodes', config: { 'list-max-listpack-size': '-3' }, setup: [['RPUSH', 'k', ...range(2000, (i) => `v${i}`)]], sameBytes: true },
  { name: 'list built at the head', setup: [['LPUSH', 'k', ...range(1500, (i) => `e${i}`)]] },
  { name: 'stream simple', encoding: 'stream', setup: [['XADD', 'k', '1-1', 'a', '1', 'b', 'hello'], ['XADD', 'k', '1-2', 'a', '2', 'b', 'x'], ['XADD', 'k', '5-0', 'c', '3']], sameBytes: true },
  { name: 'stream with tombstones', setup: [...range(10, (i) => `${i + 1}-0`).map((id) => ['XADD', 'k', id, 'f', id]), ['XDEL', 'k', '1-0', '4-0', '10-0']], sameBytes: true },
  { name: 'stream of many nodes', setup: [...range(250, (i) => `${i + 1}-${i % 3}`).map((id) => ['XADD', 'k', id, 'field', `value-${id}`, 'n', id.split('-')[0]])], sameBytes: true },
  { name: 'stream compressible node', setup: [...range(30, (i) => `${i + 1}-0`).map((id) => ['XADD', 'k', id, 'payload', 'x'.repeat(40)])], sameBytes: true },
  { name: 'stream binary and int fields', setup: [['XADD', 'k', '1-1', ALL_BYTES, ALL_BYTES, '', ''], ['XADD', 'k', '2-2', ...INTS.flatMap((v) => [v, v])]], sameBytes: true },
  { name: 'stream ids near the limits', setup: [['XADD', 'k', '0-1', 'a', 'b'], ['XADD', 'k', '5-18446744073709551615', 'a', 'b'], ['XADD', 'k', '18446744073709551615-0', 'a', 'b'], ['XADD', 'k', '18446744073709551615-18446744073709551614', 'a', 'b']], sameBytes: true },
  { name: 'stream trimmed', setup: [...range(20, (i) => `${i + 1}-0`).map((id) => ['XADD', 'k', id, 'f', 'v']), ['XTRIM', 'k', 'MAXLEN', '7'], ['XSETID', 'k', '99-0', 'ENTRIESADDED', '1000', 'MAXDELETEDID', '50-0']], sameBytes: true },
  { name: 'stream small nodes', config: { 'stream-node-max-entries': '4' }, setup: [...range(30, (i) => `${i + 1}-0`).map((id) => ['XADD', 'k', id, 'f', 'v']), ['XTRIM', 'k', 'MAXLEN', '~', '20']], sameBytes: true },
  { name: 'stream empty with a group', setup: [['XGROUP', 'CREATE', 'k', 'g', '$', 'MKSTREAM', 'ENTRIESREAD', '5']], sameBytes: true },
  { name: 'stream all deleted', setup: [['XADD', 'k', '1-0', 'a', 'b'], ['XADD', 'k', '2-0', 'a', 'b'], ['XDEL', 'k', '1-0', '2-0']], sameBytes: true },
  {
    name: 'stream with groups, consumers and pending entries',
    clockDependent: true,
    setup: [
      ...range(8, (i) => `${i + 1}-0`).map((id) => ['XADD', 'k', id, 'f', id]),
      ['XGROUP', 'CREATE', 'k', 'g', '0'], ['XGROUP', 'CREATE', 'k', 'other', '$'], ['XGROUP', 'CREATECONSUMER', 'k', 'other', 'idle'],
      ['XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '3', 'STREAMS', 'k', '>'], ['XREADGROUP', 'GROUP', 'g', 'bob', 'COUNT', '2', 'STREAMS', 'k', '>'],
      ['XACK', 'k', 'g', '2-0'], ['XDEL', 'k', '3-0'], ['XCLAIM', 'k', 'g', 'carol', '0', '4-0', 'TIME', '12345', 'RETRYCOUNT', '9', 'JUSTID'],
    ],
  },
  {
    name: 'list with a plain node',
    realOnly: true,
    setup: [['DEBUG', 'QUICKLIST-PACKED-THRESHOLD', '1000'], ['RPUSH', 'k', 'a', 'p'.repeat(2000), 'b'], ['DEBUG', 'QUICKLIST-PACKED-THRESHOLD', '1073741824']],
  },
];

/** The read that shows every element of a value (sorted where the order is undefined). */
function contentsOf(type: string): { cmd: (k: string) => Cmd; sort?: 'pairs' | true } {
  switch (type) {
    case 'string': return { cmd: (k) => ['GET', k] };
    case 'list': return { cmd: (k) => ['LRANGE', k, '0', '-1'] };
    case 'set': return { cmd: (k) => ['SMEMBERS', k], sort: true };
    case 'zset': return { cmd: (k) => ['ZRANGE', k, '0', '-1', 'WITHSCORES'] };
    case 'hash': return { cmd: (k) => ['HGETALL', k], sort: 'pairs' };
    // Every entry, the counters, the node layout, the groups with their PELs and consumers.
    case 'stream': return { cmd: (k) => ['XINFO', 'STREAM', k, 'FULL', 'COUNT', '0'] };
    default: throw new Error(`no reader for ${type}`);
  }
}

let real: RunningServer;
let redis: Session;
let redmoon: RedisServer;

const onRedis = (cmd: Cmd): Promise<string> => request(redis, cmd);
const onRedmoon = (cmd: Cmd): string => {
  const c = redmoon.createClient();
  try {
    return encode2(redmoon.execute(c, cmd));
  } finally {
    redmoon.removeClient(c);
  }
};
const payloadOf = (reply: string): string => {
  const p = parseReply(reply).payload;
  if (p === null) throw new Error(`DUMP gave no payload: ${reply}`);
  return p;
};

beforeAll(async () => {
  real = await startRealRedis(['--enable-debug-command', 'yes']);
  redis = await tcpEndpoint('redis', real).open();
  redmoon = new RedisServer();
}, 30_000);

afterAll(async () => {
  redis?.close();
  await real?.stop();
});

const hex = (s: string): string => [...s].map((ch) => ch.charCodeAt(0).toString(16).padStart(2, '0')).join(' ');

/** Where two payloads first differ, with a few bytes of each from there (null when equal). */
function firstDifference(ours: string, theirs: string): string | null {
  if (ours === theirs) return null;
  let i = 0;
  while (i < ours.length && i < theirs.length && ours[i] === theirs[i]) i++;
  return `lengths ${ours.length}/${theirs.length}, first difference at byte ${i}: redmoon [${hex(ours.slice(i, i + 16))}] redis [${hex(theirs.slice(i, i + 16))}]`;
}

/** The value at key on both servers: contents (sorted where unordered) and encoding. */
async function describeKey(key: string, where: 'redis' | 'redmoon'): Promise<string[]> {
  const run = (cmd: Cmd): Promise<string> => (where === 'redis' ? onRedis(cmd) : Promise.resolve(onRedmoon(cmd)));
  const type = parseReply(await run(['TYPE', key])).line;
  const read = contentsOf(type);
  const contents = await run(read.cmd(key));
  return [type, read.sort ? sortReply(contents, read.sort) : contents, await run(['OBJECT', 'ENCODING', key])];
}

describe('DUMP from redis-server, RESTORE into redmoon (and back)', () => {
  for (const f of FIXTURES) {
    test(f.name, async () => {
      await onRedis(['FLUSHALL']);
      onRedmoon(['FLUSHALL']);
      const config = Object.entries(f.config ?? {});
      for (const [name, value] of config) {
        expect(await onRedis(['CONFIG', 'SET', name, value])).toBe('+OK\r\n');
        expect(onRedmoon(['CONFIG', 'SET', name, value])).toBe('+OK\r\n');
      }
      try {
        for (const cmd of f.setup) {
          const r = await onRedis(cmd);
          if (!f.realOnly) expect(onRedmoon(cmd)).toBe(r);
        }
        const original = await describeKey('k', 'redis');
        if (f.encoding !== undefined) expect(original[2]).toBe(`$${f.encoding.length}\r\n${f.encoding}\r\n`);

        // redis -> redmoon: the same payload restored on both sides gives the same value.
        const fromRedis = payloadOf(await onRedis(['DUMP', 'k']));
        expect(await onRedis(['RESTORE', 'a', '0', fromRedis])).toBe('+OK\r\n');
        expect(onRedmoon(['RESTORE', 'a', '0', fromRedis])).toBe('+OK\r\n');
        const restoredInRedis = await describeKey('a', 'redis');
        expect(await describeKey('a', 'redmoon')).toEqual(restoredInRedis);
        expect(restoredInRedis.slice(0, 2)).toEqual(original.slice(0, 2));
        if (f.realOnly) return;

        // redmoon -> redis.
        const fromRedmoon = payloadOf(onRedmoon(['DUMP', 'k']));
        expect(await onRedis(['RESTORE', 'b', '0', fromRedmoon])).toBe('+OK\r\n');
        expect(onRedmoon(['RESTORE', 'b', '0', fromRedmoon])).toBe('+OK\r\n');
        const fromOurs = await describeKey('b', 'redis');
        expect(await describeKey('b', 'redmoon')).toEqual(fromOurs);
        if (f.clockDependent) expect(fromOurs).toEqual(await describeKey('k', 'redmoon'));
        else expect(fromOurs).toEqual(restoredInRedis);
        if (f.sameBytes) expect(firstDifference(fromRedmoon, fromRedis)).toBeNull();
      } finally {
        await onRedis(['CONFIG', 'RESETSTAT']);
        for (const [name] of config) {
          const dflt = DEFAULTS[name];
          await onRedis(['CONFIG', 'SET', name, dflt]);
          onRedmoon(['CONFIG', 'SET', name, dflt]);
        }
      }
    });
  }
});

const DEFAULTS: Record<string, string> = {
  rdbcompression: 'yes',
  'set-max-intset-entries': '512',
  'list-max-listpack-size': '-2',
  'stream-node-max-entries': '100',
};

describe('corrupt payloads', () => {
  const corruptions: [string, (p: string) => string][] = [
    ['flipped byte', (p) => p.slice(0, 3) + String.fromCharCode(p.charCodeAt(3) ^ 0x20) + p.slice(4)],
    ['flipped checksum byte', (p) => p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) ^ 1)],
    ['truncated', (p) => p.slice(0, -3)],
    ['truncated to the footer', (p) => p.slice(-10)],
    ['too short', (p) => p.slice(0, 9)],
    ['newer version', (p) => p.slice(0, -10) + '\x0b\x00' + p.slice(-8)],
    ['empty', () => ''],
  ];
  for (const [name, mutate] of corruptions) {
    test(name, async () => {
      await onRedis(['FLUSHALL']);
      await onRedis(['HSET', 'k', 'field', 'value', 'other', 'x'.repeat(40)]);
      const p = mutate(payloadOf(await onRedis(['DUMP', 'k'])));
      const expected = await onRedis(['RESTORE', 'c', '0', p]);
      expect(expected.startsWith('-')).toBe(true);
      expect(onRedmoon(['RESTORE', 'c', '0', p])).toBe(expected);
    });
  }
});
