// The scripting probes that ioredis-mock answers wrongly: through redmoon/ioredis
// each answer must equal real redis-server 7.0.15's, both read through ioredis.
import IORedis from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Redis from '../../packages/redmoon/src/ioredis.ts';
import { type RunningServer, startRealRedis } from '../support/servers.ts';

interface Probe {
  name: string;
  /** EVAL arguments after the script: numkeys, keys, args. */
  script: string;
  args: (string | number)[];
  /** Commands run first (on both servers). */
  setup?: string[][];
  /** Read bulk replies as Buffers (binary results). */
  buffer?: true;
}

const PROBES: Probe[] = [
  { name: 'a mixed table with nil stops at the nil', script: 'return {1, 2, nil, 4}', args: [0] },
  { name: 'a table with string keys and a nested array', script: "return {1, 'two', {3, 'four'}, x = 5}", args: [0] },
  {
    name: 'pcall turns an error into {err=...}',
    script: "local r = redis.pcall('LPUSH', KEYS[1], 'x'); return {type(r), r['err']}",
    args: [1, 'str'],
    setup: [['SET', 'str', 'v']],
  },
  { name: 'a pcall error returned as is becomes the error reply', script: "return redis.pcall('INCR', KEYS[1])", args: [1, 'str'], setup: [['SET', 'str', 'v']] },
  { name: 'a call error aborts the script', script: "redis.call('INCR', KEYS[1]); return 'not reached'", args: [1, 'str'], setup: [['SET', 'str', 'v']] },
  { name: 'writing a global is refused', script: 'x = 1; return x', args: [0] },
  { name: 'reading an undefined global is refused', script: 'return undefined_thing', args: [0] },
  { name: 'tostring(10/2) is "5" (Lua 5.1)', script: 'return tostring(10/2)', args: [0] },
  { name: 'numbers print with %.14g', script: 'return tostring(1/3) .. " " .. tostring(1e15) .. " " .. tostring(2^53)', args: [0] },
  { name: 'cjson encode and decode', script: "local t = cjson.decode('{\"a\":[1,2,{\"b\":null}]}'); return {cjson.encode(t), tostring(t.a[3].b == cjson.null)}", args: [0] },
  { name: 'cmsgpack round trip', script: "local p = cmsgpack.pack({1, 'two', 3.5}); local t = cmsgpack.unpack(p); return {#p, t[1], t[2], tostring(t[3])}", args: [0] },
  { name: 'struct pack and unpack', script: "local s = struct.pack('>I2i4', 258, -1); return {#s, struct.unpack('>I2i4', s)}", args: [0] },
  { name: 'bit operations', script: 'return {bit.band(0xff, 0x0f), bit.bor(1, 6), bit.bxor(5, 3), bit.lshift(1, 10), bit.tohex(255)}', args: [0] },
  { name: 'redis.sha1hex', script: "return redis.sha1hex('abc')", args: [0] },
  { name: 'redis.error_reply', script: "return redis.error_reply('MYERR custom failure')", args: [0] },
  { name: 'redis.status_reply', script: "return redis.status_reply('FINE')", args: [0] },
  { name: 'return 3.99 truncates to 3', script: 'return 3.99', args: [0] },
  { name: 'return true / false', script: 'return {true, false, 1}', args: [0] },
  { name: 'binary string.char(255,0,1)', script: 'return string.char(255, 0, 1)', args: [0], buffer: true },
  { name: 'numkeys larger than the number of arguments', script: 'return 1', args: [5, 'a'] },
  { name: 'negative numkeys', script: 'return 1', args: [-1] },
  { name: 'KEYS and ARGV', script: 'return {KEYS[1], ARGV[1], #KEYS, #ARGV}', args: [1, 'k', 'a', 'b'] },
];

type Outcome = { ok: unknown } | { error: string };

async function run(c: IORedis, p: Probe): Promise<Outcome> {
  await c.flushall();
  for (const cmd of p.setup ?? []) await c.call(cmd[0], ...cmd.slice(1));
  try {
    const args = [p.script, ...p.args];
    return { ok: p.buffer ? await c.callBuffer('EVAL', ...args) : await c.call('EVAL', ...args) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

let real: RunningServer;
let realClient: IORedis;
let dropIn: Redis;

beforeAll(async () => {
  real = await startRealRedis();
  realClient = new IORedis({ port: real.port, host: '127.0.0.1' });
  dropIn = new Redis({ redmoon: 'isolated' });
});

afterAll(async () => {
  realClient.disconnect();
  dropIn.disconnect();
  await real.stop();
});

describe('ioredis-mock probes, redmoon/ioredis vs real Redis', () => {
  for (const p of PROBES) {
    test(p.name, async () => {
      const expected = await run(realClient, p);
      expect(await run(dropIn, p)).toEqual(expected);
    });
  }
});
