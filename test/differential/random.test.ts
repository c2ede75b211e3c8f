// The random differential test: a seeded random sequence of commands (see
// random-gen.ts) sent to real redis-server 7.0.15 and to redmoon on one
// connection each, pipelined, every reply compared; then a dump of every
// database is compared, and finally every key is DUMPed on each server and
// RESTOREd on the other (payloads compared where Redis's are deterministic).
//   REDMOON_SEED=<n>            replay a seed (default: a random one, printed)
//   REDMOON_RANDOM_N=<n>        number of commands (default 20000)
//   REDMOON_RANDOM_ONLY=a,b     only these families or commands (e.g. strings,get,set)
//   REDMOON_RANDOM_KEEP_GOING=1 don't stop at the first difference: list the first few per command
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Step } from './case.ts';
import { exchange, type Harness, repliesMatch, ruleOf, type Session, startHarness } from './harness.ts';
import { dumperFor, generateSequence } from './random-gen.ts';
import { bulkStrings, parseReply } from './resp-reader.ts';

const seed = process.env.REDMOON_SEED ? Number(process.env.REDMOON_SEED) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
const n = Number(process.env.REDMOON_RANDOM_N ?? 20_000);
const only = (process.env.REDMOON_RANDOM_ONLY ?? '').split(',').filter((s) => s !== '');
const keepGoing = process.env.REDMOON_RANDOM_KEEP_GOING === '1';
const BATCH = 200;
const HISTORY = 10;
const EXAMPLES_PER_COMMAND = 3;

interface Difference {
  index: number;
  step: Step;
  redis: string;
  redmoon: string;
}

const fmtCmd = (cmd: readonly string[]): string => cmd.map((a) => JSON.stringify(a)).join(' ');

/** Group differences by command (OBJECT and friends by subcommand). */
function commandName(cmd: readonly string[]): string {
  const name = (cmd[0] ?? '').toUpperCase();
  return name === 'OBJECT' && cmd.length > 1 ? `${name} ${cmd[1].toUpperCase()}` : name;
}

function describeDifference(d: Difference, history: Step[]): string {
  return [
    `random differential mismatch: seed=${seed} n=${n}${only.length ? ` only=${only.join(',')}` : ''} at command #${d.index}`,
    `  replay: REDMOON_SEED=${seed} REDMOON_RANDOM_N=${d.index + 1}${only.length ? ` REDMOON_RANDOM_ONLY=${only.join(',')}` : ''} npx vitest run test/differential/random.test.ts`,
    `  last commands:`,
    ...history.map((s, i) => `    #${d.index - history.length + 1 + i}: ${fmtCmd(s.cmd)}`),
    `  command: ${fmtCmd(d.step.cmd)} (compared: ${ruleOf(d.step)})`,
    `  redis:   ${JSON.stringify(d.redis)}`,
    `  redmoon: ${JSON.stringify(d.redmoon)}`,
  ].join('\n');
}

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

test(`random command sequence (seed ${seed}, ${n} commands)`, { timeout: 600_000 }, async () => {
  console.log(`random differential seed=${seed} n=${n}${only.length ? ` only=${only.join(',')}` : ''}`);
  const steps = generateSequence({ seed, n, only });
  await Promise.all([h.redis.flushAll(h.admin.redis), h.redmoon.flushAll(h.admin.redmoon)]);
  const [real, red] = await Promise.all([h.redis.open(), h.redmoon.open()]);
  const diffs: Difference[] = [];
  const fail = (d: Difference, history: Step[]): never => {
    throw new Error(describeDifference(d, history));
  };
  try {
    for (let start = 0; start < steps.length; start += BATCH) {
      const batch = steps.slice(start, start + BATCH);
      const replies = await exchange(real, red, batch);
      for (let i = 0; i < batch.length; i++) {
        const [r, m] = replies[i];
        if (repliesMatch(batch[i], r, m)) continue;
        const index = start + i;
        const d: Difference = { index, step: batch[i], redis: r, redmoon: m };
        if (!keepGoing) fail(d, steps.slice(Math.max(0, index - HISTORY), index));
        diffs.push(d);
      }
    }
    const dumpDiffs = await compareDump(real, red);
    if (!keepGoing && dumpDiffs.length > 0) fail(dumpDiffs[0], []);
    diffs.push(...dumpDiffs);
    const restoreDiffs = await crossRestore(real, red);
    if (!keepGoing && restoreDiffs.length > 0) fail(restoreDiffs[0], []);
    diffs.push(...restoreDiffs);
  } finally {
    real.close();
    red.close();
  }
  if (diffs.length > 0) throw new Error(summarize(diffs));
  expect(diffs).toEqual([]);
});

/**
 * Compare every database's content: the sorted key list, then each key's TYPE,
 * TTL and the type's dump (GET, HGETALL ...). Indexes are -1 (not a sequence step).
 */
async function compareDump(real: Session, red: Session): Promise<Difference[]> {
  const diffs: Difference[] = [];
  const check = async (steps: Step[]): Promise<string[]> => {
    const replies = await exchange(real, red, steps);
    steps.forEach((step, i) => {
      const [r, m] = replies[i];
      if (!repliesMatch(step, r, m)) diffs.push({ index: -1, step, redis: r, redmoon: m });
    });
    return replies.map(([r]) => r);
  };
  for (let db = 0; db < 16; db++) {
    const [, keysReply] = await check([{ cmd: ['SELECT', String(db)] }, { cmd: ['KEYS', '*'], sort: true }]);
    const keys = bulkStrings(keysReply).sort();
    const types = await check(keys.map((k) => ({ cmd: ['TYPE', k] })));
    const steps: Step[] = [];
    keys.forEach((k, i) => {
      const type = parseReply(types[i]).line;
      const dumper = dumperFor(type);
      if (!dumper) throw new Error(`no dumper for type ${type} (add one to its family in random-gen)`);
      steps.push({ cmd: ['TTL', k], near: 1 }, ...dumper(k));
    });
    await check(steps);
  }
  return diffs;
}

/** Send commands on one session, pipelined, and read every reply. */
async function pipeline(s: Session, cmds: readonly string[][]): Promise<string[]> {
  s.send(cmds);
  const out: string[] = [];
  for (let i = 0; i < cmds.length; i++) out.push(await s.read());
  return out;
}

/**
 * Encodings whose DUMP payload is a function of the value alone. A hashtable
 * (set, hash) is serialised in dict order, which depends on the dict's history.
 */
const DETERMINISTIC_PAYLOAD = new Set(['int', 'embstr', 'raw', 'listpack', 'intset', 'quicklist', 'skiplist']);

/** A key name that cannot clash with the generator's keys (they have no NUL suffix). */
const restoredName = (key: string): string => `${key}\x00restored`;

/**
 * DUMP every key on both servers, RESTORE each server's payload on the other,
 * then compare the restored values (type dump and OBJECT ENCODING) as usual.
 * Payload bytes must also be identical where the encoding makes them deterministic.
 */
async function crossRestore(real: Session, red: Session): Promise<Difference[]> {
  const diffs: Difference[] = [];
  let restored = 0;
  const differ = (step: Step, r: string, m: string): void => {
    if (!repliesMatch(step, r, m)) diffs.push({ index: -1, step, redis: r, redmoon: m });
  };
  for (let db = 0; db < 16; db++) {
    const select = ['SELECT', String(db)];
    const [[, keysReply]] = [await pipeline(real, [select, ['KEYS', '*']])];
    await pipeline(red, [select]);
    const keys = bulkStrings(keysReply).sort();
    if (keys.length === 0) continue;
    const dumpCmds = keys.flatMap((k) => [['OBJECT', 'ENCODING', k], ['DUMP', k], ['TYPE', k]]);
    const [realDumps, redDumps] = await Promise.all([pipeline(real, dumpCmds), pipeline(red, dumpCmds)]);
    const restoreOnReal: string[][] = [];
    const restoreOnRed: string[][] = [];
    const compare: Step[] = [];
    keys.forEach((k, i) => {
      const enc = parseReply(realDumps[3 * i]).payload ?? '';
      const realPayload = parseReply(realDumps[3 * i + 1]).payload ?? '';
      const redPayload = parseReply(redDumps[3 * i + 1]).payload ?? '';
      if (DETERMINISTIC_PAYLOAD.has(enc)) differ({ cmd: ['DUMP', k] }, realDumps[3 * i + 1], redDumps[3 * i + 1]);
      const name = restoredName(k);
      restoreOnReal.push(['RESTORE', name, '0', redPayload, 'REPLACE']);
      restoreOnRed.push(['RESTORE', name, '0', realPayload, 'REPLACE']);
      const dumper = dumperFor(parseReply(realDumps[3 * i + 2]).line);
      if (!dumper) throw new Error(`no dumper for type ${parseReply(realDumps[3 * i + 2]).line}`);
      compare.push({ cmd: ['OBJECT', 'ENCODING', name] }, ...dumper(name));
    });
    const [onReal, onRed] = await Promise.all([pipeline(real, restoreOnReal), pipeline(red, restoreOnRed)]);
    restoreOnReal.forEach((cmd, i) => differ({ cmd: ['RESTORE', cmd[1], '0', '<the other server\'s DUMP>', 'REPLACE'] }, onReal[i], onRed[i]));
    const replies = await exchange(real, red, compare);
    compare.forEach((step, i) => differ(step, replies[i][0], replies[i][1]));
    restored += keys.length;
  }
  console.log(`cross-restored ${restored} keys (DUMP on each server, RESTORE on the other)`);
  return diffs;
}

function summarize(diffs: Difference[]): string {
  const byCommand = new Map<string, Difference[]>();
  for (const d of diffs) {
    const name = commandName(d.step.cmd);
    const list = byCommand.get(name) ?? [];
    list.push(d);
    byCommand.set(name, list);
  }
  const lines = [`random differential: ${diffs.length} differences (seed=${seed} n=${n}), by command:`];
  for (const [name, list] of [...byCommand].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`  ${name}: ${list.length}`);
    for (const d of list.slice(0, EXAMPLES_PER_COMMAND)) {
      lines.push(`    #${d.index} ${fmtCmd(d.step.cmd)}`, `      redis:   ${JSON.stringify(d.redis)}`, `      redmoon: ${JSON.stringify(d.redmoon)}`);
    }
  }
  return lines.join('\n');
}
