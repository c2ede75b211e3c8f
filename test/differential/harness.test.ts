// Self-tests of the differential harness: the RESP reader, the comparison rules,
// and that a deliberate difference is caught and reported usefully.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RedisServer, simple } from '../../packages/core/src/index.ts';
import type { Case } from './case.ts';
import {
  CLOSED, formatMismatch, type Harness, inProcessEndpoint, NO_REPLY, repliesMatch, runCase, startHarness,
} from './harness.ts';
import { bulkStrings, encodeCommand, parseReply, replyEnd, shapeOf, sortReply, splitReplies } from './resp-reader.ts';

describe('resp reader', () => {
  const samples = [
    '+OK\r\n', '-ERR x\r\n', ':-5\r\n', '$3\r\na\r\n\r\n', '$-1\r\n', '*-1\r\n', '*0\r\n', '_\r\n', ',1.5\r\n', '#t\r\n',
    '(123\r\n', '!3\r\nabc\r\n', '=7\r\ntxt:abc\r\n', '*2\r\n$1\r\na\r\n:1\r\n', '%1\r\n+k\r\n*1\r\n_\r\n',
    '~2\r\n:1\r\n:2\r\n', '>2\r\n+a\r\n+b\r\n', '|1\r\n+ttl\r\n:3\r\n$1\r\nv\r\n',
  ];

  test('finds the end of every reply type, and waits for incomplete ones', () => {
    for (const s of samples) {
      expect(replyEnd(s), s).toBe(s.length);
      for (let cut = 0; cut < s.length; cut++) expect(replyEnd(s.slice(0, cut)), `${JSON.stringify(s)} cut at ${cut}`).toBe(-1);
    }
    expect(splitReplies(samples.join(''))).toEqual(samples);
    expect(() => replyEnd('?x\r\n')).toThrow(/bad RESP type/);
  });

  test('handles replies nested 50000 deep (scripts can return them)', () => {
    const deep = `${'*1\r\n'.repeat(50_000)}:1\r\n`;
    expect(replyEnd(deep)).toBe(deep.length);
    expect(replyEnd(deep.slice(0, -1))).toBe(-1);
    expect(parseReply(deep).raw).toBe(deep);
    expect(shapeOf(deep)).toBe('*1');
  });

  test('parses trees and keeps raw bytes', () => {
    const n = parseReply('*3\r\n$2\r\n\x00\xff\r\n*1\r\n:7\r\n$-1\r\n');
    expect(n.children?.map((c) => c.type)).toEqual(['$', '*', '$']);
    expect(n.children?.[0].payload).toBe('\x00\xff');
    expect(n.children?.[2].payload).toBeNull();
    expect(parseReply('|1\r\n+ttl\r\n:3\r\n:9\r\n').attribute?.children?.length).toBe(2);
    expect(bulkStrings('*2\r\n$1\r\nb\r\n$0\r\n\r\n')).toEqual(['b', '']);
  });

  test('sorts elements, pairs, maps and nested aggregates', () => {
    expect(sortReply('*3\r\n$1\r\nc\r\n$1\r\na\r\n$1\r\nb\r\n', true)).toBe('*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n');
    expect(sortReply('*4\r\n$1\r\nz\r\n$1\r\n1\r\n$1\r\na\r\n$1\r\n2\r\n', 'pairs')).toBe('*4\r\n$1\r\na\r\n$1\r\n2\r\n$1\r\nz\r\n$1\r\n1\r\n');
    expect(sortReply('%2\r\n+z\r\n:1\r\n+a\r\n:2\r\n', true)).toBe('%2\r\n+a\r\n:2\r\n+z\r\n:1\r\n');
    expect(sortReply('*2\r\n$1\r\n0\r\n*2\r\n$1\r\nk\r\n$1\r\nb\r\n', 'deep')).toBe('*2\r\n$1\r\n0\r\n*2\r\n$1\r\nb\r\n$1\r\nk\r\n');
    expect(shapeOf('*2\r\n:1\r\n:2\r\n')).toBe('*2');
    expect(shapeOf('$-1\r\n')).not.toBe(shapeOf('$1\r\nx\r\n'));
  });

  test('comparison rules', () => {
    expect(repliesMatch({ cmd: ['TTL', 'k'], near: 1 }, ':100\r\n', ':99\r\n')).toBe(true);
    expect(repliesMatch({ cmd: ['TTL', 'k'], near: 1 }, ':100\r\n', ':98\r\n')).toBe(false);
    expect(repliesMatch({ cmd: ['TTL', 'k'], near: 1 }, ':-1\r\n', ':-2\r\n')).toBe(false);
    expect(repliesMatch({ cmd: ['X'], shape: true }, ':1\r\n', ':2\r\n')).toBe(true);
    expect(repliesMatch({ cmd: ['X'], shape: true }, ':1\r\n', '$1\r\n1\r\n')).toBe(false);
    expect(repliesMatch({ cmd: ['X'], sort: true }, '*1\r\n:1\r\n', NO_REPLY)).toBe(false);
    expect(repliesMatch({ cmd: ['X'], ignore: true }, '+a\r\n', CLOSED)).toBe(true);
    expect(encodeCommand(['SET', 'k\r\n', ''])).toBe('*3\r\n$3\r\nSET\r\n$3\r\nk\r\n\r\n$0\r\n\r\n');
  });
});

describe('harness against the real server', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness(); });
  afterAll(async () => { await h?.close(); });

  test('PING, ECHO, GET and SET cases pass', async () => {
    const k: Case = {
      name: 'basic',
      cmds: [['PING'], ['ECHO', '\x00\xff\r\n'], ['SET', 'k', 'v'], ['GET', 'k'], ['GET', 'missing'], ['SET', '\x00', '']],
    };
    expect(await runCase(h, k)).toBeNull();
  });

  test('a deliberate difference is reported with case, step, command and both replies', async () => {
    const broken = new RedisServer({ handlers: { ping: () => simple('PANG') } });
    const endpoint = inProcessEndpoint(broken);
    const bad: Harness = { ...h, redmoon: endpoint, admin: { ...h.admin, redmoon: await endpoint.open() } };
    const m = await runCase(bad, { name: 'broken ping', cmds: [['SET', 'a', '1'], ['PING']] });
    expect(m).not.toBeNull();
    const msg = formatMismatch(m!);
    expect(msg).toContain('"broken ping"');
    expect(msg).toContain('step 2/2');
    expect(msg).toContain('"PING"');
    expect(msg).toContain('redis:   "+PONG\\r\\n"');
    expect(msg).toContain('redmoon: "+PANG\\r\\n"');
    await endpoint.stop();
  });

  test('unordered replies compare equal once sorted, and not before', async () => {
    // MSET then KEYS: a hashtable's order; the two servers agree only after sorting.
    const keys = Array.from({ length: 40 }, (_, i) => `key:${i}`);
    const mset = keys.flatMap((k) => [k, k]);
    const real = await h.redis.open();
    real.send([['MSET', ...mset], ['KEYS', '*']]);
    await real.read();
    const raw = await real.read();
    real.close();
    const sorted = sortReply(raw, true);
    expect(repliesMatch({ cmd: ['KEYS', '*'], sort: true }, raw, sorted)).toBe(true);
    expect(raw === sorted).toBe(false);
  });

  test('QUIT closes the connection: later steps read a closed connection on both sides', async () => {
    const real = await h.redis.open();
    const red = await h.redmoon.open();
    for (const s of [real, red]) s.send([['QUIT']]);
    expect(await real.read()).toBe('+OK\r\n');
    expect(await red.read()).toBe('+OK\r\n');
    for (const s of [real, red]) s.send([['PING']]);
    expect(await real.read()).toBe(CLOSED);
    expect(await red.read()).toBe(CLOSED);
  });

  test('CLIENT REPLY OFF: steps with replies: 0 read nothing', async () => {
    const k: Case = {
      name: 'reply off',
      cmds: [
        { cmd: ['CLIENT', 'REPLY', 'OFF'], replies: 0 }, { cmd: ['SET', 'a', '1'], replies: 0 },
        ['CLIENT', 'REPLY', 'ON'], ['GET', 'a'],
        { cmd: ['CLIENT', 'REPLY', 'SKIP'], replies: 0 }, { cmd: ['PING'], replies: 0 }, ['PING'],
      ],
    };
    expect(await runCase(h, k)).toBeNull();
  });

  test('a case config is applied and restored on both sides', async () => {
    const k: Case = { name: 'config', config: { 'notify-keyspace-events': 'KEA' }, cmds: [['PING']] };
    const read = async (): Promise<string[]> => {
      const out: string[] = [];
      for (const s of [h.admin.redis, h.admin.redmoon]) {
        s.send([['CONFIG', 'GET', 'notify-keyspace-events']]);
        out.push(await s.read());
      }
      return out;
    };
    const before = await read();
    expect(await runCase(h, k)).toBeNull();
    expect(await read()).toEqual(before);
  });
});
