// Scripting benchmark: EVALSHA of `return redis.call('INCR', KEYS[1])`, in one run:
//   (a) in-process: server.execute(client, ['EVALSHA', sha, '1', 'k']);
//   (b) the anchor: the same Lua function called straight through fengari (the
//       patched build redmoon uses), its INCR a JS function on a Map;
//   (c) ioredis-mock's evalsha (it builds a fresh fengari state per call);
//   (d) redis-benchmark `evalsha <sha> 1 k` over TCP against redmoon-server and
//       a real redis-server 7.0.15, started here;
//   (e) memory: the heap after 10k and after 1M EVALSHA calls, and after 100k
//       distinct EVAL bodies (then SCRIPT FLUSH).
// Run: npx pnpm@9 bench:eval   (options: --ops <calls>, --n <requests>, --pipeline <depth>, --mock-ops <calls>, --bodies <n>)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import RedisMock from 'ioredis-mock';
import type * as Fengari from 'fengari';
import { type RedisServer, encode2 } from '../packages/core/src/index.ts';
import { createScriptingServer } from '../packages/lua/src/index.ts';
import { type RunningServer, startRealRedis, startRedmoonServer } from '../test/support/servers.ts';
import { parseIntOptions } from './options.ts';

/** The fengari that packages/lua depends on (with redmoon's patch). */
const { lua, lauxlib, lualib, to_luastring } = createRequire(new URL('../packages/lua/package.json', import.meta.url))('fengari') as typeof Fengari;

const SCRIPT = "return redis.call('INCR', KEYS[1])";
const DEFAULTS = { ops: 1_000_000, n: 100_000, pipeline: 16, mockOps: 3_000, bodies: 100_000, rounds: 3 };
type Options = typeof DEFAULTS;

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

/** The best calls/s of `rounds` runs of `ops` calls (other load only ever slows a run down). */
function best(rounds: number, ops: number, run: (ops: number) => void): number {
  run(Math.min(ops, 100_000));
  let rate = 0;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    run(ops);
    rate = Math.max(rate, ops / seconds(start));
  }
  return rate;
}

function scriptLoad(server: RedisServer, body: string): string {
  const reply = server.execute(server.createClient(), ['SCRIPT', 'LOAD', body]);
  if (reply.t !== 'bulk') throw new Error(`SCRIPT LOAD failed: ${encode2(reply)}`);
  return reply.v;
}

/** (a) EVALSHA through the in-process API. */
function inProcess(opts: Options): number {
  const server = createScriptingServer();
  const client = server.createClient();
  const argv = ['EVALSHA', scriptLoad(server, SCRIPT), '1', 'k'];
  return best(opts.rounds, opts.ops, (ops) => {
    for (let i = 0; i < ops; i++) server.execute(client, argv);
  });
}

/** (b) `function(k) return incr(k) end` called with lua_pcall, incr a JS function over a Map. */
function rawFengari(opts: Options): number {
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  const counters = new Map<string, number>();
  lua.lua_pushjsfunction(L, (S) => {
    const key = String.fromCharCode(...lauxlib.luaL_checklstring(S, 1));
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    lua.lua_pushnumber(S, n);
    return 1;
  });
  lua.lua_setglobal(L, to_luastring('incr'));
  if (lauxlib.luaL_loadstring(L, to_luastring('return function(k) return incr(k) end')) !== lua.LUA_OK) throw new Error('load');
  lua.lua_call(L, 0, 1);
  const ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
  const key = to_luastring('k');
  return best(opts.rounds, opts.ops, (ops) => {
    for (let i = 0; i < ops; i++) {
      lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, ref);
      lua.lua_pushstring(L, key);
      if (lua.lua_pcall(L, 1, 1, 0) !== lua.LUA_OK) throw new Error('pcall');
      lua.lua_pop(L, 1);
    }
  });
}

/** (c) ioredis-mock's evalsha, awaited one at a time. */
async function ioredisMock(opts: Options): Promise<number> {
  const redis = new RedisMock();
  // Its EVAL caches the body by sha1 for EVALSHA.
  await redis.eval(SCRIPT, 1, 'k');
  const sha = createHash('sha1').update(SCRIPT).digest('hex');
  const run = async (ops: number): Promise<number> => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < ops; i++) await redis.evalsha(sha, 1, 'k');
    return ops / seconds(start);
  };
  await run(Math.min(200, opts.mockOps));
  let rate = 0;
  for (let r = 0; r < opts.rounds; r++) rate = Math.max(rate, await run(opts.mockOps));
  redis.disconnect();
  return rate;
}

/** requests/s of `evalsha <sha> 1 k` through `redis-benchmark --csv`, after SCRIPT LOAD on that server. */
function tcpEvalsha(port: number, opts: Options): number {
  const sha = execFileSync('redis-cli', ['-p', String(port), 'SCRIPT', 'LOAD', SCRIPT], { encoding: 'latin1' }).trim();
  let rate = 0;
  for (let r = 0; r < opts.rounds; r++) {
    const args = ['-p', String(port), '-n', String(opts.n), '-P', String(opts.pipeline), '-q', '--csv', 'evalsha', sha, '1', 'k'];
    const csv = execFileSync('redis-benchmark', args, { encoding: 'latin1', stdio: ['ignore', 'pipe', 'ignore'] });
    const rps = Number(csv.split('\n')[1]?.split('","')[1]);
    if (!(rps > 0)) throw new Error(`no rate in redis-benchmark output: ${csv}`);
    rate = Math.max(rate, rps);
  }
  return rate;
}

/** The heap in use after a full collection (needs --expose-gc). */
function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc (npx pnpm@9 bench:eval does)');
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;

/** (e) The heap over many EVALSHA calls and over many distinct EVAL bodies. */
function memory(opts: Options): void {
  const server = createScriptingServer();
  const client = server.createClient();
  const argv = ['EVALSHA', scriptLoad(server, SCRIPT), '1', 'k'];
  for (let i = 0; i < 10_000; i++) server.execute(client, argv);
  const after10k = heapUsed();
  for (let i = 10_000; i < opts.ops; i++) server.execute(client, argv);
  const after1M = heapUsed();
  console.log(`  heap after 10k EVALSHA ${mb(after10k)}, after ${fmt(opts.ops)} ${mb(after1M)} (${after1M >= after10k ? '+' : ''}${fmt((after1M - after10k) / 1024)} KB)`);

  const before = heapUsed();
  let bodyBytes = 0;
  for (let i = 0; i < opts.bodies; i++) {
    const body = `return redis.call('INCR', KEYS[1]) + ${i}`;
    bodyBytes += body.length;
    server.execute(client, ['EVAL', body, '1', 'k']);
  }
  const afterBodies = heapUsed();
  const info = encode2(server.execute(client, ['INFO', 'memory']));
  const scriptsEval = /used_memory_scripts_eval:(\d+)/.exec(info)?.[1] ?? '?';
  server.execute(client, ['SCRIPT', 'FLUSH']);
  const afterFlush = heapUsed();
  const perScript = (afterBodies - before) / opts.bodies;
  console.log(`  ${fmt(opts.bodies)} distinct EVAL bodies (${fmt(bodyBytes / opts.bodies)} bytes each): heap ${mb(before)} -> ${mb(afterBodies)}, ${fmt(perScript)} bytes per cached script (compiled function + body + sha); used_memory_scripts_eval ${scriptsEval}`);
  console.log(`  after SCRIPT FLUSH: heap ${mb(afterFlush)} (${afterFlush >= before ? '+' : ''}${fmt((afterFlush - before) / 1024)} KB vs before the bodies)`);
}

async function main(): Promise<void> {
  const opts = parseIntOptions(process.argv.slice(2), DEFAULTS);
  console.log(`EVALSHA of ${JSON.stringify(SCRIPT)} (best of ${opts.rounds})`);
  const mine = inProcess(opts);
  const raw = rawFengari(opts);
  const mock = await ioredisMock(opts);
  console.log(`  (a) redmoon in-process:   ${fmt(mine)} calls/s`);
  console.log(`  (b) raw fengari pcall:    ${fmt(raw)} calls/s   redmoon/raw ${(mine / raw).toFixed(2)}`);
  console.log(`  (c) ioredis-mock evalsha: ${fmt(mock)} calls/s   redmoon/ioredis-mock ${(mine / mock).toFixed(0)}x`);

  console.log(`(d) redis-benchmark -n ${fmt(opts.n)} -P ${opts.pipeline} evalsha <sha> 1 k`);
  let real: RunningServer | undefined;
  let redmoon: RunningServer | undefined;
  try {
    [real, redmoon] = await Promise.all([startRealRedis(), startRedmoonServer()]);
    const overTcp = tcpEvalsha(redmoon.port, opts);
    const anchor = tcpEvalsha(real.port, opts);
    console.log(`  redmoon-server ${fmt(overTcp)} req/s, redis-server ${fmt(anchor)} req/s, ratio ${(overTcp / anchor).toFixed(2)}`);
  } finally {
    await Promise.all([real?.stop(), redmoon?.stop()]);
  }

  console.log('(e) memory');
  memory(opts);
}

await main();
