// Functions benchmark: FCALL against EVALSHA, in-process, in one run. Both call
// the same Lua body (`return redis.call('INCR', key)`) through the same runner
// (ScriptingEngine.invoke); FCALL passes keys and args as two fresh tables,
// EVALSHA sets the KEYS and ARGV globals. Rounds alternate between the two so
// that machine load affects both alike; the best round of each counts.
// Run: npx pnpm@9 bench:fcall   (options: --ops <calls per round>, --rounds <n>)
import { type RedisServer, encode2 } from '../packages/core/src/index.ts';
import { createScriptingServer } from '../packages/lua/src/index.ts';
import { parseIntOptions } from './options.ts';

const DEFAULTS = { ops: 300_000, rounds: 5 };
/** FCALL's throughput must be at least this share of EVALSHA's. */
const REQUIRED_RATIO = 0.9;

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

function mustSucceed(server: RedisServer, argv: string[]): string {
  const reply = server.execute(server.createClient(), argv);
  if (reply.t !== 'bulk') throw new Error(`${argv.slice(0, 2).join(' ')} failed: ${encode2(reply)}`);
  return reply.v;
}

/** calls/s of one round of `ops` executions of argv. */
function round(server: RedisServer, argv: string[], ops: number): number {
  const client = server.createClient();
  const start = process.hrtime.bigint();
  for (let i = 0; i < ops; i++) server.execute(client, argv);
  return ops / (Number(process.hrtime.bigint() - start) / 1e9);
}

function main(): void {
  const opts = parseIntOptions(process.argv.slice(2), DEFAULTS);
  const server = createScriptingServer();
  const sha = mustSucceed(server, ['SCRIPT', 'LOAD', "return redis.call('INCR', KEYS[1])"]);
  mustSucceed(server, ['FUNCTION', 'LOAD', "#!lua name=bench\nredis.register_function('incr', function(keys) return redis.call('INCR', keys[1]) end)"]);
  const evalsha = ['EVALSHA', sha, '1', 'k1'];
  const fcall = ['FCALL', 'incr', '1', 'k2'];
  // Warm both paths up before measuring.
  round(server, evalsha, 50_000);
  round(server, fcall, 50_000);
  let bestEval = 0;
  let bestFcall = 0;
  for (let r = 0; r < opts.rounds; r++) {
    bestEval = Math.max(bestEval, round(server, evalsha, opts.ops));
    bestFcall = Math.max(bestFcall, round(server, fcall, opts.ops));
  }
  const ratio = bestFcall / bestEval;
  console.log(`in-process, best of ${opts.rounds} rounds of ${fmt(opts.ops)} calls each:`);
  console.log(`  EVALSHA  ${fmt(bestEval)} calls/s`);
  console.log(`  FCALL    ${fmt(bestFcall)} calls/s`);
  console.log(`  FCALL / EVALSHA = ${ratio.toFixed(3)} (required >= ${REQUIRED_RATIO})`);
  if (ratio < REQUIRED_RATIO) {
    console.log('  FAIL: FCALL is more than 10% slower than EVALSHA');
    process.exitCode = 1;
  }
}

main();
