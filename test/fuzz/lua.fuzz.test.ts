// Lua fuzzer: random scripts from a small grammar (expressions, tables, string
// ops, bounded loops, pcall, error, redis.call/pcall of real commands on a few
// keys, cjson and cmsgpack). Each script must return or fail with an ordinary
// error reply (never a thrown exception or an internal error), and the data
// must stay consistent: replaying the propagation stream on a fresh server
// gives the same dataset (every key's type, DUMP payload and expiry).
// Run time: REDMOON_FUZZ_SECONDS (fuzz-support.ts); replay with REDMOON_FUZZ_SEED.
import { expect, it } from 'vitest';
import { ControlledClock } from '../../packages/core/src/clock.ts';
import { encode2 } from '../../packages/core/src/resp/encode.ts';
import type { Propagated, RedisServer } from '../../packages/core/src/server.ts';
import { createScriptingServer } from '../../packages/lua/src/index.ts';
import { fuzzSeconds, fuzzSeed, fuzzTimeoutMs, Rng } from './fuzz-support.ts';

const KEYS = ['k1', 'k2', 'k3', 'k4'];

/** Commands a script calls, with argument makers; the key is KEYS[i]. */
const CALLS: ((rng: Rng, key: string, v: string) => string)[] = [
  (_r, k, v) => `'SET', ${k}, ${v}`,
  (_r, k) => `'GET', ${k}`,
  (_r, k) => `'INCR', ${k}`,
  (r, k) => `'INCRBY', ${k}, ${r.int(100) - 50}`,
  (_r, k, v) => `'APPEND', ${k}, ${v}`,
  (_r, k) => `'DEL', ${k}`,
  (_r, k, v) => `'LPUSH', ${k}, ${v}, 'x'`,
  (_r, k) => `'RPOP', ${k}`,
  (_r, k) => `'LRANGE', ${k}, 0, -1`,
  (_r, k, v) => `'HSET', ${k}, 'f', ${v}`,
  (r, k) => `'HINCRBY', ${k}, 'n', ${r.int(10)}`,
  (_r, k) => `'HGETALL', ${k}`,
  (_r, k, v) => `'SADD', ${k}, ${v}`,
  (_r, k, v) => `'SREM', ${k}, ${v}`,
  (_r, k) => `'SMEMBERS', ${k}`,
  (r, k, v) => `'ZADD', ${k}, ${r.int(20)}, ${v}`,
  (r, k, v) => `'ZINCRBY', ${k}, ${r.int(5)}, ${v}`,
  (_r, k) => `'ZRANGE', ${k}, 0, -1, 'WITHSCORES'`,
  (r, k) => `'EXPIRE', ${k}, ${100 + r.int(1000)}`,
  (_r, k) => `'PERSIST', ${k}`,
  (_r, k) => `'TYPE', ${k}`,
  (_r, k) => `'EXISTS', ${k}`,
  (_r, k, v) => `'RENAME', ${k}, ${v}`,
  (_r, k) => `'OBJECT', 'ENCODING', ${k}`,
  () => "'NOSUCHCOMMAND'",
];

class ScriptGen {
  private vars = 0;

  constructor(private readonly rng: Rng) {}

  private key(): string {
    return `KEYS[${1 + this.rng.int(KEYS.length)}]`;
  }

  private str(): string {
    const r = this.rng;
    return r.pick([`'${r.pick(['a', 'b', '1', '-3', 'x y', '', '3.5', 'k1'])}'`, `ARGV[${1 + r.int(2)}]`, `tostring(${r.int(1000)})`]);
  }

  expr(depth = 0): string {
    const r = this.rng;
    const leaf = depth > 2;
    switch (leaf ? r.int(3) : r.int(14)) {
      case 0: return String(r.pick([0, 1, -1, 3.5, 1e300, 2 ** 53, r.int(100)]));
      case 1: return this.str();
      case 2: return this.vars > 0 ? `v${r.int(this.vars)}` : 'nil';
      case 3: return `(${this.expr(depth + 1)} ${r.pick(['..', '+', '-', '*', '/', '%', '==', '<', 'and', 'or'])} ${this.expr(depth + 1)})`;
      case 4: return `{${Array.from({ length: r.int(4) }, () => this.expr(depth + 1)).join(', ')}}`;
      case 5: return `string.rep(${this.str()}, ${r.int(5)})`;
      case 6: return `string.${r.pick(['upper', 'lower', 'len', 'reverse'])}(${this.str()})`;
      case 7: return `string.sub(${this.str()}, ${r.int(4) - 1}, ${r.int(4)})`;
      case 8: return `string.format('${r.pick(['%d', '%s', '%5.2f', '%x', '%q'])}', ${this.expr(depth + 1)})`;
      case 9: return `redis.${r.pick(['call', 'pcall'])}(${r.pick(CALLS)(r, this.key(), this.str())})`;
      case 10: return `cjson.${r.pick(['encode', 'decode'])}(${r.chance(0.5) ? this.expr(depth + 1) : `'${r.pick(['[1,2]', '{"a":1}', '"s"', '[', 'null'])}'`})`;
      case 11: return `cmsgpack.unpack(cmsgpack.pack(${this.expr(depth + 1)}))`;
      case 12: return `select('#', pcall(function() return ${this.expr(depth + 1)} end))`;
      default: return `tonumber(${this.str()})`;
    }
  }

  statement(depth = 0): string {
    const r = this.rng;
    switch (depth > 1 ? r.int(3) : r.int(7)) {
      case 0: return `local v${this.vars++} = ${this.expr()}`;
      case 1: return `redis.${r.pick(['call', 'pcall'])}(${r.pick(CALLS)(r, this.key(), this.str())})`;
      case 2: return `if ${this.expr()} then ${r.pick(["error('boom')", "error({err='MY custom'})", "return redis.error_reply('E1 x')", 'local _ = 1'])} end`;
      case 3: return `for i = 1, ${r.int(20)} do ${this.statement(depth + 1)} end`;
      case 4: return `pcall(function() ${this.statement(depth + 1)} end)`;
      case 5: return `while ${r.int(3)} > 5 do end`;
      default: return `redis.setresp(${r.pick([2, 3])})`;
    }
  }

  script(): string {
    this.vars = 0;
    const body = Array.from({ length: 1 + this.rng.int(8) }, () => this.statement());
    return `${body.join('\n')}\nreturn ${this.expr()}`;
  }
}

/** Every key of every db: its type, DUMP payload and absolute expiry. */
function dataset(s: RedisServer): string[] {
  const c = s.createClient();
  const out: string[] = [];
  for (const db of s.dbs) {
    encode2(s.execute(c, ['SELECT', String(db.id)]));
    for (const key of [...db.dict.keys()].sort()) {
      out.push(`${db.id} ${key} ${encode2(s.execute(c, ['DUMP', key]))} ${db.getExpire(key)}`);
    }
  }
  s.removeClient(c);
  return out;
}

/** Apply the propagation stream to a fresh server, as a replica would. */
function replay(stream: Propagated[], clock: ControlledClock): RedisServer {
  const replica = createScriptingServer({ clock });
  const c = replica.createClient();
  let db = 0;
  for (const p of stream) {
    if (p.db !== db) {
      replica.execute(c, ['SELECT', String(p.db)]);
      db = p.db;
    }
    const reply = replica.execute(c, p.argv);
    expect(reply.t, `replaying ${p.argv.join(' ')}`).not.toBe('error');
  }
  return replica;
}

it('random scripts return or fail cleanly, and the propagation stream rebuilds the same data', async () => {
  const seed = fuzzSeed();
  const seconds = fuzzSeconds();
  console.log(`Lua fuzz: seed ${seed}, ${seconds} s (REDMOON_FUZZ_SEED=${seed} to replay)`);
  const rng = new Rng(seed);
  const gen = new ScriptGen(rng);
  const deadline = Date.now() + seconds * 1000;
  let scripts = 0;
  let errors = 0;
  let keysCompared = 0;
  while (Date.now() < deadline) {
    // A frozen clock: expiry is the same on the primary and on the replay.
    const clock = new ControlledClock();
    clock.freeze();
    const primary = createScriptingServer({ clock, config: { 'busy-reply-threshold': '0' }, scripting: { hardTimeLimitMs: 2000 } });
    const stream: Propagated[] = [];
    primary.onPropagate((p) => stream.push(p));
    const c = primary.createClient();
    for (let i = 0; i < 200; i++) {
      const body = gen.script();
      const reply = primary.execute(c, ['EVAL', body, String(KEYS.length), ...KEYS, 'a1', String(rng.int(50))]);
      const wire = encode2(reply);
      expect(wire, `seed ${seed}, script:\n${body}`).not.toContain('internal error');
      if (reply.t === 'error') errors++;
      scripts++;
    }
    const want = dataset(primary);
    expect(dataset(replay(stream, clock)), `seed ${seed}: the replayed stream differs`).toEqual(want);
    keysCompared += want.length;
    // Let vitest's worker talk to its runner between batches (a long synchronous loop times its RPC out).
    await new Promise((r) => setImmediate(r));
  }
  console.log(`Lua fuzz: seed ${seed}: ${scripts} scripts (${errors} errors), ${keysCompared} keys compared, in ${seconds} s`);
  expect(keysCompared).toBeGreaterThan(0);
}, fuzzTimeoutMs());
