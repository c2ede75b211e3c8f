// Sorted set algebra (t_zset.c zunionInterDiffGenericCommand): ZUNION, ZINTER,
// ZDIFF, their STORE forms and ZINTERCARD. Plain sets are accepted as inputs,
// every member with score 1.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { lookupRead } from '../keyspace.ts';
import type { RObj } from '../object.ts';
import { type Reply, intReply } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import type { SetValue } from '../types/set.ts';
import type { ZSetValue } from '../types/zset.ts';
import { argDouble, argLL, argPositive, eqi } from '../util/parse.ts';
import { type Scored, compareScored, scoredReply, storeResult } from './zset-range.ts';

type SetOp = 'union' | 'inter' | 'diff';
type Aggregate = 'sum' | 'min' | 'max';

/** One input (zsetopsrc): a sorted set, a plain set, or nothing (a missing key). */
interface Source {
  o: RObj | undefined;
  weight: number;
}

const sourceSize = (s: Source): number =>
  s.o === undefined ? 0 : s.o.type === 'zset' ? (s.o.value as ZSetValue).size : (s.o.value as SetValue).size;

/** zuiNext over a whole input: members with their scores (1 for a plain set). */
function forEachMember(s: Source, visit: (ele: string, score: number) => void): void {
  if (s.o === undefined) return;
  if (s.o.type === 'zset') {
    for (const n of (s.o.value as ZSetValue).entries()) visit(n.ele, n.score);
  } else {
    for (const m of (s.o.value as SetValue).values()) visit(m, 1);
  }
}

/** zuiFind: the member's score in an input, or undefined. */
function scoreIn(s: Source, ele: string): number | undefined {
  if (s.o === undefined) return undefined;
  if (s.o.type === 'zset') return (s.o.value as ZSetValue).score(ele);
  return (s.o.value as SetValue).has(ele) ? 1 : undefined;
}

/**
 * zunionInterAggregate. A SUM of +inf and -inf is NaN, which Redis turns into 0;
 * MIN/MAX keep the accumulated value when the new one does not compare.
 */
function aggregate(target: number, val: number, how: Aggregate): number {
  if (how === 'sum') {
    const sum = target + val;
    return Number.isNaN(sum) ? 0 : sum;
  }
  if (how === 'min') return val < target ? val : target;
  return val > target ? val : target;
}

/** weight * score, with inf * 0 = NaN read as 0 as Redis does. */
function weighted(score: number, weight: number): number {
  const v = score * weight;
  return Number.isNaN(v) ? 0 : v;
}

function union(srcs: readonly Source[], how: Aggregate): Scored[] {
  const acc = new Map<string, number>();
  for (const s of srcs) {
    forEachMember(s, (ele, score) => {
      const v = weighted(score, s.weight);
      const cur = acc.get(ele);
      acc.set(ele, cur === undefined ? v : aggregate(cur, v, how));
    });
  }
  return [...acc].map(([ele, score]) => ({ ele, score }));
}

/** Members of the smallest input found in every other one; stops at limit (ZINTERCARD). */
function inter(srcs: readonly Source[], how: Aggregate, limit: number): Scored[] {
  const out: Scored[] = [];
  if (sourceSize(srcs[0]) === 0) return out;
  let done = false;
  forEachMember(srcs[0], (ele, score) => {
    if (done) return;
    let acc = weighted(score, srcs[0].weight);
    for (let j = 1; j < srcs.length; j++) {
      const v = scoreIn(srcs[j], ele);
      if (v === undefined) return;
      // Redis does not turn this product's NaN into 0 (only the first input's).
      acc = aggregate(acc, v * srcs[j].weight, how);
    }
    out.push({ ele, score: acc });
    if (limit > 0 && out.length >= limit) done = true;
  });
  return out;
}

/** Members of the first input found in no other, with their own scores. */
function diff(srcs: readonly Source[]): Scored[] {
  const out: Scored[] = [];
  // The same key given again removes everything (zsetChooseDiffAlgorithm's shortcut).
  if (srcs.slice(1).some((s) => s.o !== undefined && s.o === srcs[0].o)) return out;
  forEachMember(srcs[0], (ele, score) => {
    for (let j = 1; j < srcs.length; j++) if (scoreIn(srcs[j], ele) !== undefined) return;
    out.push({ ele, score });
  });
  return out;
}

/**
 * zunionInterDiffGenericCommand: numkeys at argv[numkeysIdx], the keys (looked up
 * and type-checked before the options), then WEIGHTS, AGGREGATE, WITHSCORES or LIMIT
 * as the command allows.
 */
function zsetOpGeneric(c: Client, dst: string | null, numkeysIdx: number, op: SetOp, cardinalityOnly: boolean): Reply {
  const argv = c.argv;
  const setnum = argLL(argv[numkeysIdx]);
  if (setnum < 1) fail(E.ZSET_NEEDS_KEYS(c.cmd!.fullname));
  if (setnum > argv.length - (numkeysIdx + 1)) fail(E.SYNTAX);
  const srcs: Source[] = [];
  let j = numkeysIdx + 1;
  for (let i = 0; i < setnum; i++, j++) {
    const o = lookupRead(c, argv[j]);
    if (o !== undefined && o.type !== 'zset' && o.type !== 'set') fail(E.WRONGTYPE);
    srcs.push({ o, weight: 1 });
  }
  let how: Aggregate = 'sum';
  let withScores = false;
  let limit = 0;
  while (j < argv.length) {
    const remaining = argv.length - j;
    const opt = argv[j];
    if (op !== 'diff' && !cardinalityOnly && remaining >= setnum + 1 && eqi(opt, 'weights')) {
      j++;
      for (const s of srcs) s.weight = argDouble(argv[j++], E.ZSET_WEIGHT_NOT_FLOAT);
    } else if (op !== 'diff' && !cardinalityOnly && remaining >= 2 && eqi(opt, 'aggregate')) {
      const a = argv[j + 1];
      if (eqi(a, 'sum')) how = 'sum';
      else if (eqi(a, 'min')) how = 'min';
      else if (eqi(a, 'max')) how = 'max';
      else fail(E.SYNTAX);
      j += 2;
    } else if (dst === null && !cardinalityOnly && eqi(opt, 'withscores')) {
      withScores = true;
      j++;
    } else if (cardinalityOnly && remaining >= 2 && eqi(opt, 'limit')) {
      limit = argPositive(argv[j + 1], E.LIMIT_NEGATIVE);
      j += 2;
    } else {
      fail(E.SYNTAX);
    }
  }
  // Smallest input first (a stable sort, as glibc's merge-sorting qsort): it drives
  // the intersection and fixes the order in which SUM adds the inputs.
  const ordered = op === 'diff' ? srcs : [...srcs].sort((a, b) => sourceSize(a) - sourceSize(b));
  const result = op === 'union' ? union(ordered, how) : op === 'inter' ? inter(ordered, how, limit) : diff(ordered);
  if (cardinalityOnly) return intReply(result.length);
  result.sort(compareScored);
  if (dst !== null) return storeResult(c, dst, result, `z${op}store`);
  return scoredReply(c, result, withScores);
}

const zunion = (c: Client): Reply => zsetOpGeneric(c, null, 1, 'union', false);
const zinter = (c: Client): Reply => zsetOpGeneric(c, null, 1, 'inter', false);
const zdiff = (c: Client): Reply => zsetOpGeneric(c, null, 1, 'diff', false);
const zunionstore = (c: Client): Reply => zsetOpGeneric(c, c.argv[1], 2, 'union', false);
const zinterstore = (c: Client): Reply => zsetOpGeneric(c, c.argv[1], 2, 'inter', false);
const zdiffstore = (c: Client): Reply => zsetOpGeneric(c, c.argv[1], 2, 'diff', false);
const zintercard = (c: Client): Reply => zsetOpGeneric(c, null, 1, 'inter', true);

export const zsetSetOpsCommands: Record<string, Handler> = {
  zunion, zinter, zdiff, zunionstore, zinterstore, zdiffstore, zintercard,
};
