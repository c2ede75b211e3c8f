// The Lua security list: each test names what it guards against. Where Redis
// defines the behaviour, the same EVAL runs on redis-server 7.0.15 and on an
// in-process redmoon server, and the reply bytes must match; the limits Redis
// lacks (memory, runaway patterns) are redmoon's own (packages/lua/README.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encode2 } from '../../packages/core/src/resp/encode.ts';
import type { RedisServer } from '../../packages/core/src/server.ts';
import { createScriptingServer, scriptingFor } from '../../packages/lua/src/index.ts';
import { MEMORY_LIMIT_ERROR, PATTERN_TIME_ERROR } from '../../packages/lua/src/limits.ts';
import { type RunningServer, startRealRedis } from '../support/servers.ts';
import { Conn, respOf } from './net.ts';

let real: RunningServer;
let conn: Conn;
let redmoon: RedisServer;

beforeAll(async () => {
  real = await startRealRedis();
  conn = await Conn.open(real.port);
  redmoon = createScriptingServer({ scripting: { memoryLimitBytes: 16 * 1024 * 1024 } });
});
afterAll(async () => {
  conn?.close();
  await real?.stop();
});

/** Read one complete RESP reply from the real server (any type, nested). */
async function readReply(): Promise<string> {
  let out = '';
  let pending = 1;
  while (pending > 0) {
    let line = '';
    while (!line.endsWith('\r\n')) line += await conn.read(1);
    out += line;
    pending--;
    const n = Number(line.slice(1, -2));
    if (line[0] === '$' && n >= 0) out += await conn.read(n + 2);
    else if (line[0] === '*' && n > 0) pending += n;
  }
  return out;
}

async function onReal(argv: string[]): Promise<string> {
  conn.send(respOf(argv));
  return readReply();
}

function onRedmoon(argv: string[]): string {
  return encode2(redmoon.execute(redmoon.createClient(), argv));
}

/** The same command on both servers; returns redmoon's reply after checking it equals Redis's. */
async function same(...argv: string[]): Promise<string> {
  return sameArgv(argv);
}

async function sameArgv(argv: string[]): Promise<string> {
  const want = await onReal(argv);
  const got = onRedmoon(argv);
  expect(got).toBe(want);
  return got;
}

const evalScript = (body: string, ...args: string[]): string[] => ['EVAL', body, '0', ...args];

describe('sandbox escapes (same replies as redis-server)', () => {
  it('setfenv, getfenv and newproxy are absent (guards against swapping a function environment)', async () => {
    for (const name of ['setfenv', 'getfenv', 'newproxy']) {
      expect(await same(...evalScript(`return ${name}`))).toMatch(/nonexistent global variable/);
    }
  });

  it('the string metatable is read-only (guards against hijacking every string method)', async () => {
    expect(await same(...evalScript("getmetatable('').__index = {}"))).toMatch(/readonly table/);
    expect(await same(...evalScript("getmetatable('').__index.upper = function() return 'pwned' end"))).toMatch(/readonly table/);
  });

  it('no os, io, debug, package, require, loadfile, dofile or print (guards against reaching the host)', async () => {
    for (const name of ['os', 'io', 'debug', 'package', 'require', 'loadfile', 'dofile', 'print', 'module']) {
      expect(await same(...evalScript(`return ${name}`))).toMatch(/nonexistent global variable/);
    }
  });

  it('globals are protected (guards against scripts leaking state into each other)', async () => {
    expect(await same(...evalScript('x = 1'))).toMatch(/readonly table/);
    await same(...evalScript("rawset(_G, 'x', 1)"));
    await same(...evalScript('redis.call = nil'));
    await same(...evalScript("setmetatable(_G, nil)"));
    await same(...evalScript('return x'));
  });

  it('bytecode is refused by loadstring and load (guards against malicious binary chunks)', async () => {
    // A Lua 5.1 chunk header (string.dump's own output differs: fengari dumps 5.3 bytecode).
    const header = "'\\27LuaQ\\0\\1\\4\\8\\4\\8\\0'";
    await same(...evalScript(`local f, e = loadstring(${header}) return {tostring(f), e}`));
    await same(...evalScript(`local done = false local f, e = load(function() if done then return nil end done = true return ${header} end) return {tostring(f), e}`));
    await same(...evalScript("local f, e = loadstring('\\27Lua junk') return {tostring(f), e}"));
    expect(onRedmoon(evalScript('return tostring(loadstring(string.dump(function() return 1 end)))'))).toBe('$3\r\nnil\r\n');
  });
});

describe('resource bombs', () => {
  it('a table of ever more strings stops at the Lua memory limit (guards against a script exhausting memory)', () => {
    const r = onRedmoon(evalScript("local t = {} while true do t[#t+1] = string.rep('x', 1e5) end"));
    expect(r).toMatch(new RegExp(`^-${MEMORY_LIMIT_ERROR(16 * 1024 * 1024).replace(/[()]/g, '\\$&')} script: [0-9a-f]{40}, on @user_script:1\\.\r\n$`));
    expect(onRedmoon(evalScript('return 1'))).toBe(':1\r\n');
  });

  it('a string doubling forever stops at the Lua memory limit (guards against V8 and memory blow-ups)', () => {
    expect(onRedmoon(evalScript("local s = 'x' while true do s = s .. s end"))).toMatch(/^-ERR Script exceeded the Lua memory limit/);
    expect(onRedmoon(evalScript("local t = {} for i = 1, 40 do t[i] = string.rep('x', 1e6) end return #table.concat(t)"))).toMatch(/^-ERR Script exceeded the Lua memory limit/);
    expect(onRedmoon(evalScript('return 2'))).toBe(':2\r\n');
  });

  it('a JS engine exception inside a script fails that script only (guards against V8 RangeErrors breaking the Lua VM)', () => {
    const s = createScriptingServer();
    const c = s.createClient();
    // V8 refusing an allocation, simulated where the memory check runs inside the VM.
    let probes = 0;
    const probe = (): number => {
      if (probes++ === 0) return 0; // the script's start
      throw new RangeError('Invalid typed array length: 4294967296');
    };
    scriptingFor(s).limits.configure({ memoryLimitBytes: 1, memoryProbe: probe });
    const r = encode2(s.execute(c, evalScript("local s = 'x' for i = 1, 3 do s = s .. s end return s")));
    expect(r).toMatch(/^-ERR redmoon: the JS engine failed: RangeError: Invalid typed array length: 4294967296 script: [0-9a-f]{40}, on @user_script:1\.\r\n$/);
    scriptingFor(s).limits.configure({ memoryLimitBytes: 0 });
    expect(encode2(s.execute(c, evalScript("local s = 'x' for i = 1, 3 do s = s .. s end return s")))).toBe('$8\r\nxxxxxxxx\r\n');
  });

  it('replies nested 10k deep answer as Redis does (guards against stack exhaustion in reply conversion)', async () => {
    const r = await same(...evalScript('local t = {} for i = 1, 10000 do t = {t} end return t'));
    expect(r.endsWith('-ERR reached lua stack limit\r\n')).toBe(true);
    await same(...evalScript('local t = {} for i = 1, 10000 do t = {t} end return cjson.encode(t)'));
    await same(...evalScript('local t = {} for i = 1, 10000 do t = {t} end return cmsgpack.pack(t)'));
  });

  it('100k KEYS and ARGV (guards against argument-count blow-ups)', async () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}`);
    const args = Array.from({ length: 50_000 }, (_, i) => `a${i}`);
    await sameArgv(['EVAL', 'return {#KEYS, #ARGV, KEYS[50000], ARGV[50000]}', '50000', ...keys, ...args]);
    // Lua 5.1's C stack (LUAI_MAXCSTACK 8000) refuses to unpack that many.
    expect(await sameArgv(['EVAL', 'return redis.call("MSET", unpack(KEYS))', '50000', ...keys])).toMatch(/too many results to unpack/);
    await sameArgv(['EVAL', 'return ARGV', '0', ...args]);
  });

  it('glob pattern bombs in KEYS and SCAN MATCH stay fast, with Redis nesting limit (guards against CPU exhaustion)', async () => {
    await same('FLUSHALL');
    await same('EVAL', "for i = 1, 1000 do redis.call('SET', 'k' .. i .. string.rep('a', 50), '1') end redis.call('SET', string.rep('a', 1200), '1') return 1", '0');
    const started = Date.now();
    await same('KEYS', '*a*a*a*a*a*a*a*a*a*a*a*a*b');
    await same('SCAN', '0', 'MATCH', '*a*a*a*a*a*a*a*a*a*a*a*a*b', 'COUNT', '2000');
    expect(Date.now() - started).toBeLessThan(5000);
    // stringmatchlen gives up beyond 1000 levels of nested '*'.
    expect(await same('KEYS', 'a*'.repeat(999))).toMatch(/^\*1\r\n/);
    expect(await same('KEYS', '*a'.repeat(1002))).toBe('*0\r\n');
    await same('FLUSHALL');
  });

  it('a runaway Lua pattern is stopped at busy-reply-threshold (guards against a hang redis-server cannot escape)', () => {
    // redis-server 7.0.15 runs this match in C, out of reach of its timeout hook: it hangs for good.
    redmoon.setConfig('busy-reply-threshold', '200');
    const started = Date.now();
    const r = onRedmoon(evalScript("return string.find(string.rep('a', 1e5), '.-.-.-.-.-b')"));
    expect(r.startsWith(`-${PATTERN_TIME_ERROR(200)} script: `)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
    redmoon.setConfig('busy-reply-threshold', '5000');
    expect(onRedmoon(evalScript('return 3'))).toBe(':3\r\n');
  });
});
