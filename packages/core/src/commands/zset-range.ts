// Sorted set ranges (t_zset.c zrangeGenericCommand and its parsers): ZRANGE in
// its unified 6.2 form, ZRANGEBYSCORE, ZRANGEBYLEX, their REV forms, ZREVRANGE
// and ZRANGESTORE; plus the score and lex range parsers ZCOUNT, ZLEXCOUNT and
// ZREMRANGEBY* share.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { dbDelete, notify, readTyped, setKey, newObject } from '../keyspace.ts';
import { N } from '../notify.ts';
import { type Reply, EMPTY_ARRAY, ZERO, array, bulk, double, intReply } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import {
  LEX_MAX, LEX_MIN, type LexItem, type LexRange, type ScoreRange, type ZNode,
  lexGteMin, lexLteMax, scoreGteMin, scoreLteMax,
} from '../types/skiplist.ts';
import { ZSetValue, encodingFor, listpackScore } from '../types/zset.ts';
import { argLL, eqi } from '../util/parse.ts';

const isCSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const hexValue = (c: number): number =>
  isDigit(c) ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;

/**
 * C's strtod on s: the value and the index where the conversion stopped (0 when
 * nothing converted). Leading whitespace, a sign, inf/infinity/nan(...), hex floats
 * and decimal floats; overflow gives ±inf and underflow 0 (Redis never looks at
 * errno in these parsers).
 */
export function strtod(s: string): { v: number; end: number } {
  let i = 0;
  while (i < s.length && isCSpace(s.charCodeAt(i))) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') neg = s[i++] === '-';
  const sign = (v: number): number => (neg ? -v : v);
  const rest = s.slice(i, i + 8).toLowerCase();
  if (rest.startsWith('inf')) return { v: sign(Infinity), end: i + (rest === 'infinity' ? 8 : 3) };
  if (rest.startsWith('nan')) {
    let end = i + 3;
    const m = /^\([0-9A-Za-z_]*\)/.exec(s.slice(end));
    if (m !== null) end += m[0].length;
    return { v: NaN, end };
  }
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X')) {
    const hex = parseHexFloat(s, i + 2);
    if (hex !== null) return { v: sign(hex.v), end: hex.end };
  }
  const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(s.slice(i));
  if (m === null) return { v: 0, end: 0 };
  return { v: sign(Number(m[0])), end: i + m[0].length };
}

/** The digits of a hex float after "0x"; null if no hex digit follows (then only "0" converts). */
function parseHexFloat(s: string, start: number): { v: number; end: number } | null {
  let i = start;
  let mant = 0n;
  let digits = 0;
  let fracDigits = 0;
  for (; i < s.length && hexValue(s.charCodeAt(i)) >= 0; i++, digits++) mant = mant * 16n + BigInt(hexValue(s.charCodeAt(i)));
  if (s[i] === '.') {
    let j = i + 1;
    for (; j < s.length && hexValue(s.charCodeAt(j)) >= 0; j++, fracDigits++) mant = mant * 16n + BigInt(hexValue(s.charCodeAt(j)));
    if (digits + fracDigits > 0) i = j;
  }
  if (digits + fracDigits === 0) return null;
  let exp = -4 * fracDigits;
  const e = /^[pP]([+-]?\d+)/.exec(s.slice(i));
  if (e !== null) {
    exp += Number(e[1]);
    i += e[0].length;
  }
  return { v: Number(mant) * 2 ** exp, end: i };
}

/** strtod over a C string: the whole argument, or up to a NUL byte, must convert. */
function scoreBound(s: string): number | null {
  const { v, end } = strtod(s);
  if ((end < s.length && s.charCodeAt(end) !== 0) || Number.isNaN(v)) return null;
  return v;
}

/** zslParseRange: `(` makes a bound exclusive. */
export function parseScoreRange(minArg: string, maxArg: string): ScoreRange {
  const minex = minArg.startsWith('(');
  const maxex = maxArg.startsWith('(');
  const min = scoreBound(minex ? minArg.slice(1) : minArg);
  const max = scoreBound(maxex ? maxArg.slice(1) : maxArg);
  if (min === null || max === null) fail(E.ZSET_MIN_MAX_NOT_FLOAT);
  return { min, max, minex, maxex };
}

/** zslParseLexRangeItem: `[x` inclusive, `(x` exclusive, `-` and `+` the extremes. */
function lexItem(s: string): { v: LexItem; ex: boolean } | null {
  switch (s[0]) {
    case '+': return s.length === 1 || s[1] === '\0' ? { v: LEX_MAX, ex: true } : null;
    case '-': return s.length === 1 || s[1] === '\0' ? { v: LEX_MIN, ex: true } : null;
    case '(': return { v: s.slice(1), ex: true };
    case '[': return { v: s.slice(1), ex: false };
    default: return null;
  }
}

export function parseLexRange(minArg: string, maxArg: string): LexRange {
  const min = lexItem(minArg);
  const max = lexItem(maxArg);
  if (min === null || max === null) fail(E.ZSET_LEX_RANGE);
  return { min: min.v, max: max.v, minex: min.ex, maxex: max.ex };
}

/** A member with its score: a skip list node or a computed result. */
export interface Scored {
  readonly ele: string;
  readonly score: number;
}

/** The sorted set order: score, then member bytes (-0 and 0 are one score). */
export function compareScored(a: Scored, b: Scored): number {
  if (a.score < b.score) return -1;
  if (a.score > b.score) return 1;
  return a.ele < b.ele ? -1 : a.ele > b.ele ? 1 : 0;
}

/**
 * Member/score pairs as Redis replies them: a flat array with scores in RESP2,
 * [member, score] pairs in RESP3 (an array, not a map: the order matters).
 */
export function scoredReply(c: Client, nodes: readonly Scored[], withScores: boolean): Reply {
  if (!withScores) return array(nodes.map((n) => bulk(n.ele)));
  if (c.resp === 2) return array(nodes.flatMap((n) => [bulk(n.ele), double(n.score)]));
  return array(nodes.map((n) => array([bulk(n.ele), double(n.score)])));
}

/** The nodes of ranks start..end (0-based, inclusive, already clamped), from the top when reverse. */
function rankNodes(z: ZSetValue, start: number, end: number, reverse: boolean): ZNode[] {
  const len = z.size;
  const out: ZNode[] = [];
  let n = reverse ? z.zsl.byRank(len - start) : z.zsl.byRank(start + 1);
  for (let k = end - start + 1; k > 0 && n !== null; k--) {
    out.push(n);
    n = reverse ? n.backward : n.forward[0];
  }
  return out;
}

/**
 * genericZrangebyscoreCommand / genericZrangebylexCommand's walk: from the first
 * node in range, skip `offset` nodes (a negative offset skips everything, as
 * Redis's `while (offset--)` does), then take up to `limit` (negative: all)
 * while still in range.
 */
function walkRange(
  z: ZSetValue, start: ZNode | null, reverse: boolean, offset: number, limit: number, inRange: (n: ZNode) => boolean,
): ZNode[] {
  const out: ZNode[] = [];
  if (offset < 0 || (offset > 0 && offset >= z.size)) return out;
  let n = start;
  for (; n !== null && offset > 0; offset--) n = reverse ? n.backward : n.forward[0];
  for (; n !== null && limit !== 0 && inRange(n); limit--) {
    out.push(n);
    n = reverse ? n.backward : n.forward[0];
  }
  return out;
}

type RangeType = 'auto' | 'rank' | 'score' | 'lex';
type Direction = 'auto' | 'forward' | 'reverse';

/**
 * zrangeGenericCommand: options after <key> <min> <max>, their conflicts, the
 * range, then the key. `dst` is ZRANGESTORE's destination (no WITHSCORES there).
 */
function zrangeGeneric(c: Client, argStart: number, dst: string | null, rangeType: RangeType, direction: Direction): Reply {
  const argv = c.argv;
  const key = argv[argStart];
  let minIdx = argStart + 1;
  let maxIdx = argStart + 2;
  let withScores = false;
  let offset = 0;
  let limit = -1;
  for (let j = argStart + 3; j < argv.length; j++) {
    const left = argv.length - j - 1;
    if (dst === null && eqi(argv[j], 'withscores')) withScores = true;
    else if (eqi(argv[j], 'limit') && left >= 2) {
      offset = argLL(argv[j + 1]);
      limit = argLL(argv[j + 2]);
      j += 2;
    } else if (direction === 'auto' && eqi(argv[j], 'rev')) direction = 'reverse';
    else if (rangeType === 'auto' && eqi(argv[j], 'bylex')) rangeType = 'lex';
    else if (rangeType === 'auto' && eqi(argv[j], 'byscore')) rangeType = 'score';
    else fail(E.SYNTAX);
  }
  const reverse = direction === 'reverse';
  if (rangeType === 'auto') rangeType = 'rank';
  // Redis tests `opt_limit != -1`: an explicit LIMIT x -1 passes with a rank range.
  if (limit !== -1 && rangeType === 'rank') fail(E.ZRANGE_LIMIT_NEEDS_BY);
  if (withScores && rangeType === 'lex') fail(E.ZRANGE_WITHSCORES_BYLEX);
  // BYSCORE/BYLEX ranges are given as max, min when reversed.
  if (reverse && rangeType !== 'rank') [minIdx, maxIdx] = [maxIdx, minIdx];

  let select: (z: ZSetValue, listpack: boolean) => ZNode[];
  if (rangeType === 'rank') {
    let start = argLL(argv[minIdx]);
    let end = argLL(argv[maxIdx]);
    select = (z) => {
      const len = z.size;
      if (start < 0) start += len;
      if (end < 0) end += len;
      if (start < 0) start = 0;
      if (start > end || start >= len) return [];
      if (end >= len) end = len - 1;
      return rankNodes(z, start, end, reverse);
    };
  } else if (rangeType === 'score') {
    const r = parseScoreRange(argv[minIdx], argv[maxIdx]);
    select = (z) => reverse
      ? walkRange(z, z.zsl.lastInScoreRange(r), true, offset, limit, (n) => scoreGteMin(n.score, r))
      : walkRange(z, z.zsl.firstInScoreRange(r), false, offset, limit, (n) => scoreLteMax(n.score, r));
  } else {
    const r = parseLexRange(argv[minIdx], argv[maxIdx]);
    select = (z, listpack) => reverse
      ? walkRange(z, z.lastInLex(r, listpack), true, offset, limit, (n) => lexGteMin(n.ele, r))
      : walkRange(z, z.firstInLex(r, listpack), false, offset, limit, (n) => lexLteMax(n.ele, r));
  }

  const o = readTyped(c, key, 'zset');
  const nodes = o === undefined ? [] : select(o.value as ZSetValue, o.enc === 'listpack');
  if (dst === null) return o === undefined ? EMPTY_ARRAY : scoredReply(c, nodes, withScores);
  return storeResult(c, dst, nodes, 'zrangestore');
}

/**
 * Store a computed sorted set at dst (ZRANGESTORE, ZUNIONSTORE, ZINTERSTORE,
 * ZDIFFSTORE): an empty result deletes dst; the encoding follows the result's
 * size and longest member, as Redis's zsetTypeCreate/zsetConvertToListpackIfNeeded.
 */
export function storeResult(c: Client, dst: string, nodes: readonly Scored[], event: string): Reply {
  if (nodes.length === 0) {
    if (dbDelete(c, dst)) {
      notify(c, N.GENERIC, 'del', dst);
      c.server.dirty++;
    }
    return ZERO;
  }
  let maxLen = 0;
  for (const n of nodes) if (n.ele.length > maxLen) maxLen = n.ele.length;
  const cfg = c.server.config;
  const enc = encodingFor(nodes.length, maxLen, cfg.zsetMaxListpackEntries, cfg.zsetMaxListpackValue);
  const z = new ZSetValue();
  for (const n of nodes) z.insert(enc === 'listpack' ? listpackScore(n.score) : n.score, n.ele);
  setKey(c, dst, newObject(c, 'zset', enc, z));
  notify(c, N.ZSET, event, dst);
  c.server.dirty++;
  return intReply(nodes.length);
}

const zrange = (c: Client): Reply => zrangeGeneric(c, 1, null, 'auto', 'auto');
const zrangestore = (c: Client): Reply => zrangeGeneric(c, 2, c.argv[1], 'auto', 'auto');
const zrevrange = (c: Client): Reply => zrangeGeneric(c, 1, null, 'rank', 'reverse');
const zrangebyscore = (c: Client): Reply => zrangeGeneric(c, 1, null, 'score', 'forward');
const zrevrangebyscore = (c: Client): Reply => zrangeGeneric(c, 1, null, 'score', 'reverse');
const zrangebylex = (c: Client): Reply => zrangeGeneric(c, 1, null, 'lex', 'forward');
const zrevrangebylex = (c: Client): Reply => zrangeGeneric(c, 1, null, 'lex', 'reverse');

export const zsetRangeCommands: Record<string, Handler> = {
  zrange, zrangestore, zrevrange, zrangebyscore, zrevrangebyscore, zrangebylex, zrevrangebylex,
};
