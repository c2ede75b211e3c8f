// FUNCTION DUMP/RESTORE across implementations: libraries DUMPed by
// redis-server 7.0.15 are RESTOREd into redmoon, and libraries DUMPed by
// redmoon are RESTOREd into redis-server; after each, FUNCTION LIST WITHCODE
// and a call of every function are compared. A payload of one library only
// depends on its code, so there redmoon's DUMP must be byte-identical too.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encode2 } from '../../packages/core/src/resp/encode.ts';
import type { RedisServer } from '../../packages/core/src/server.ts';
import type { Client } from '../../packages/core/src/client.ts';
import { createScriptingServer } from '../../packages/lua/src/index.ts';
import { type RunningServer, startRealRedis } from '../support/servers.ts';
import type { Cmd } from './case.ts';
import { request, type Session, tcpEndpoint } from './harness.ts';
import { sortReply } from './resp-reader.ts';

interface Fixture {
  name: string;
  /** Library codes, loaded in this order. */
  libraries: string[];
  /** Functions to call after a restore. */
  calls: string[];
  config?: Record<string, string>;
}

const lib = (name: string, body: string): string => `#!lua name=${name}\n${body}`;
const FIXTURES: Fixture[] = [
  { name: 'one library', libraries: [lib('one', "redis.register_function('f1', function(keys, args) return {keys[1], args[1]} end)")], calls: ['f1'] },
  {
    name: 'flags and description',
    libraries: [lib('flagged', "redis.register_function{function_name='ro', description='reads', flags={'no-writes', 'allow-oom', 'allow-stale', 'no-cluster', 'allow-cross-slot-keys'}, callback=function() return 'ro' end}")],
    calls: ['ro'],
  },
  {
    name: 'compressible code',
    libraries: [lib('long', `${'-- the same comment line, again and again, so that LZF has work\n'.repeat(30)}redis.register_function('lf', function() return 'long' end)`)],
    calls: ['lf'],
  },
  {
    name: 'uncompressed by config',
    config: { rdbcompression: 'no' },
    libraries: [lib('plain', `${'-- padding\n'.repeat(20)}redis.register_function('pf', function() return 'plain' end)`)],
    calls: ['pf'],
  },
  { name: 'binary bytes in the code', libraries: [lib('bin', "redis.register_function('bf', function() return '\\0\\1\\255' end) -- \x00\x01\xfe\xff")], calls: ['bf'] },
  {
    name: 'several libraries',
    libraries: [
      lib('a1', "redis.register_function('x1', function() return 1 end) redis.register_function('x2', function() return 2 end)"),
      lib('a2', "local n = 40\nredis.register_function('y1', function() return n + 2 end)"),
      lib('a3', `${'-- filler\n'.repeat(10)}redis.register_function('z1', function() return 'z' end)`),
    ],
    calls: ['x1', 'x2', 'y1', 'z1'],
  },
];

let real: RunningServer;
let redis: Session;
let moon: RedisServer;
let moonClient: Client;

const onRedis = (cmd: Cmd): Promise<string> => request(redis, cmd);
const onRedmoon = (cmd: Cmd): string => encode2(moon.execute(moonClient, cmd));

/** The bytes of a bulk string reply. */
function bulkBody(reply: string): string {
  const m = /^\$(\d+)\r\n/.exec(reply);
  if (m === null) throw new Error(`not a bulk reply: ${JSON.stringify(reply.slice(0, 80))}`);
  return reply.slice(m[0].length, m[0].length + Number(m[1]));
}

/** Libraries and their functions come back in hash-table order in Redis: compare them sorted. */
const listing = (reply: string): string => sortReply(reply, 'deep');

async function configure(config: Record<string, string>): Promise<void> {
  for (const [k, v] of Object.entries(config)) {
    await onRedis(['CONFIG', 'SET', k, v]);
    onRedmoon(['CONFIG', 'SET', k, v]);
  }
}

beforeAll(async () => {
  real = await startRealRedis();
  redis = await tcpEndpoint('redis', real).open();
  moon = createScriptingServer();
  moonClient = moon.createClient();
});

afterAll(async () => {
  redis?.close();
  await real?.stop();
});

describe('FUNCTION DUMP/RESTORE between redis-server 7.0.15 and redmoon', () => {
  for (const f of FIXTURES) {
    test(f.name, async () => {
      await configure(f.config ?? {});
      await onRedis(['FUNCTION', 'FLUSH']);
      onRedmoon(['FUNCTION', 'FLUSH']);
      for (const code of f.libraries) {
        expect(await onRedis(['FUNCTION', 'LOAD', code])).toMatch(/^\$/);
        expect(onRedmoon(['FUNCTION', 'LOAD', code])).toMatch(/^\$/);
      }
      const wantList = listing(await onRedis(['FUNCTION', 'LIST', 'WITHCODE']));
      const wantCalls: string[] = [];
      for (const fn of f.calls) wantCalls.push(await onRedis(['FCALL', fn, '1', 'key', 'arg']));
      const realDump = bulkBody(await onRedis(['FUNCTION', 'DUMP']));
      const moonDump = bulkBody(onRedmoon(['FUNCTION', 'DUMP']));
      if (f.libraries.length === 1) expect(moonDump).toBe(realDump);

      // redis-server -> redmoon
      onRedmoon(['FUNCTION', 'FLUSH']);
      expect(onRedmoon(['FUNCTION', 'RESTORE', realDump])).toBe('+OK\r\n');
      expect(listing(onRedmoon(['FUNCTION', 'LIST', 'WITHCODE']))).toBe(wantList);
      expect(f.calls.map((fn) => onRedmoon(['FCALL', fn, '1', 'key', 'arg']))).toEqual(wantCalls);

      // redmoon -> redis-server
      await onRedis(['FUNCTION', 'FLUSH']);
      expect(await onRedis(['FUNCTION', 'RESTORE', moonDump])).toBe('+OK\r\n');
      expect(listing(await onRedis(['FUNCTION', 'LIST', 'WITHCODE']))).toBe(wantList);
      const gotCalls: string[] = [];
      for (const fn of f.calls) gotCalls.push(await onRedis(['FCALL', fn, '1', 'key', 'arg']));
      expect(gotCalls).toEqual(wantCalls);

      // Both again, APPEND collides, REPLACE and FLUSH succeed, identically.
      for (const policy of ['APPEND', 'REPLACE', 'FLUSH']) {
        expect(onRedmoon(['FUNCTION', 'RESTORE', realDump, policy])).toBe(await onRedis(['FUNCTION', 'RESTORE', moonDump, policy]));
      }
      await configure(Object.fromEntries(Object.keys(f.config ?? {}).map((k) => [k, 'yes'])));
    });
  }

  test('a corrupt payload is refused by both, leaving the libraries alone', async () => {
    await onRedis(['FUNCTION', 'FLUSH']);
    onRedmoon(['FUNCTION', 'FLUSH']);
    const code = FIXTURES[0].libraries[0];
    await onRedis(['FUNCTION', 'LOAD', code]);
    onRedmoon(['FUNCTION', 'LOAD', code]);
    const dump = bulkBody(await onRedis(['FUNCTION', 'DUMP']));
    const corrupt = [
      `${dump.slice(0, 3)}${String.fromCharCode(dump.charCodeAt(3) ^ 1)}${dump.slice(4)}`,
      dump.slice(0, -1),
      dump.slice(1),
      `${dump.slice(0, -10)}\x0b\x00${dump.slice(-8)}`,
    ];
    for (const payload of corrupt) {
      const want = await onRedis(['FUNCTION', 'RESTORE', payload, 'FLUSH']);
      expect(want, JSON.stringify(payload)).toBe('-ERR DUMP payload version or checksum are wrong\r\n');
      expect(onRedmoon(['FUNCTION', 'RESTORE', payload, 'FLUSH'])).toBe(want);
    }
    expect(listing(onRedmoon(['FUNCTION', 'LIST', 'WITHCODE']))).toBe(listing(await onRedis(['FUNCTION', 'LIST', 'WITHCODE'])));
  });
});
