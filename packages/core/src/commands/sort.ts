// SORT and SORT_RO (sort.c): sort a list, set or sorted set numerically or
// by bytes, by the element itself or by external keys / hash fields, with
// LIMIT, GET patterns and STORE.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { dbDelete, lookupRead, notify, setKey } from '../keyspace.ts';
import { N } from '../notify.ts';
import type { RObj } from '../object.ts';
import { type Reply, array, bulk, intReply, NULL } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import {
  collectionElements, hashFieldForSort, isSortable, memberIsInt, prepareForSort, type SortValue,
} from '../types/collection.ts';
import { ListValue } from '../types/list.ts';
import { errnoIsErange, setErange } from '../util/errno.ts';
import { argLL, eqi } from '../util/parse.ts';
import { pqsort } from '../util/pqsort.ts';
import { strtod } from '../util/strtod.ts';
import { newListObject } from './list.ts';

const SCORE_ERROR = 'ERR One or more scores can\'t be converted into double';

/** One element of the sorting vector (redisSortObject). */
interface SortItem {
  obj: string;
  /** The element reached SORT int-encoded (see SortValue). */
  objInt: boolean;
  score: number;
  /** ALPHA BY: the external value compared, null when its key is missing. */
  cmp: string | null;
}

/** A C string's view of bytes: everything before the first NUL. */
function cString(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/**
 * lookupKeyByPattern: "#" is the element itself; otherwise the first '*' is
 * replaced by the element and the key read as a string, or, with "->field"
 * after the '*', as a hash field. Redis scans the pattern with strchr/strstr,
 * so a NUL byte ends the search for '*' and "->".
 */
function lookupKeyByPattern(c: Client, pattern: string, subst: string, substInt: boolean): SortValue | undefined {
  if (pattern[0] === '#' && (pattern.length === 1 || pattern[1] === '\0')) return { v: subst, int: substInt };
  const scan = cString(pattern);
  const star = scan.indexOf('*');
  if (star < 0) return undefined;
  const arrow = scan.indexOf('->', star + 1);
  const field = arrow >= 0 && arrow + 2 < scan.length ? pattern.slice(arrow + 2) : null;
  const postfixEnd = field === null ? pattern.length : arrow;
  const key = pattern.slice(0, star) + subst + pattern.slice(star + 1, postfixEnd);
  const o = lookupRead(c, key);
  if (o === undefined) return undefined;
  if (field !== null) return o.type === 'hash' ? hashFieldForSort(o, field) : undefined;
  if (o.type !== 'string') return undefined;
  return { v: o.value as string, int: o.enc === 'int' };
}

/** memcmp then length: compareStringObjects. */
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * strcoll under the C.UTF-8 locale redis-server runs in: codepoint order,
 * which for bytes is strcmp, and strcmp stops at the first NUL.
 */
const compareCollate = (a: string, b: string): number => compareBytes(cString(a), cString(b));

interface SortOptions {
  desc: boolean;
  alpha: boolean;
  byPattern: boolean;
  store: boolean;
}

/** sortCompare. */
function comparator(o: SortOptions): (a: SortItem, b: SortItem) => number {
  const sign = o.desc ? -1 : 1;
  if (!o.alpha) {
    return (a, b) => sign * (a.score > b.score ? 1 : a.score < b.score ? -1 : compareBytes(a.obj, b.obj));
  }
  const cmpStrings = o.store ? compareBytes : compareCollate;
  if (o.byPattern) {
    return (a, b) => {
      if (a.cmp === null || b.cmp === null) return sign * (a.cmp === b.cmp ? 0 : a.cmp === null ? -1 : 1);
      return sign * cmpStrings(a.cmp, b.cmp);
    };
  }
  return (a, b) => sign * cmpStrings(a.obj, b.obj);
}

/**
 * The score of one value: an int-encoded value is cast; any other goes through
 * strtod, which must consume everything up to the first NUL, not give NaN, and
 * leave errno unequal to ERANGE. Redis never clears errno here, so an ERANGE
 * left by an earlier parse, even of another command, fails the conversion too
 * (util/errno.ts). Returns null on a conversion error.
 */
function scoreOf(value: SortValue): number | null {
  if (value.int) return Number(value.v);
  const text = cString(value.v);
  const r = strtod(text);
  if (r.erange) setErange();
  if (r.end !== text.length || errnoIsErange() || Number.isNaN(r.value)) return null;
  return r.value;
}

interface ParsedSort {
  desc: boolean;
  alpha: boolean;
  limitStart: number;
  limitCount: number;
  storeKey: string | null;
  sortBy: string | null;
  dontSort: boolean;
  gets: string[];
}

/** The SQL-like option list. SORT_RO knows no STORE: it is a syntax error there. */
function parseSortOptions(argv: string[], readonly: boolean): ParsedSort {
  const p: ParsedSort = {
    desc: false, alpha: false, limitStart: 0, limitCount: -1, storeKey: null, sortBy: null, dontSort: false, gets: [],
  };
  for (let j = 2; j < argv.length; j++) {
    const opt = argv[j];
    const left = argv.length - j - 1;
    if (eqi(opt, 'asc')) p.desc = false;
    else if (eqi(opt, 'desc')) p.desc = true;
    else if (eqi(opt, 'alpha')) p.alpha = true;
    else if (eqi(opt, 'limit') && left >= 2) {
      p.limitStart = argLL(argv[j + 1]);
      p.limitCount = argLL(argv[j + 2]);
      j += 2;
    } else if (!readonly && eqi(opt, 'store') && left >= 1) {
      p.storeKey = argv[++j];
    } else if (eqi(opt, 'by') && left >= 1) {
      p.sortBy = argv[++j];
      // A pattern without '*' (strchr: up to a NUL) means "don't sort"; a later
      // BY with a '*' changes the pattern but does not turn sorting back on.
      if (!cString(p.sortBy).includes('*')) p.dontSort = true;
    } else if (eqi(opt, 'get') && left >= 1) {
      p.gets.push(argv[++j]);
    } else fail(E.SYNTAX);
  }
  return p;
}

function sortGeneric(c: Client, readonly: boolean): Reply {
  const p = parseSortOptions(c.argv, readonly);
  const sortval: RObj | undefined = lookupRead(c, c.argv[1]);
  if (sortval !== undefined && !isSortable(sortval)) fail(E.WRONGTYPE);
  let { alpha, sortBy, dontSort } = p;
  // A set has no order of its own: with STORE or inside a script the result
  // must replicate deterministically, so Redis sorts it by bytes anyway.
  if (dontSort && sortval?.type === 'set' && (p.storeKey !== null || c.isScript)) {
    dontSort = false;
    alpha = true;
    sortBy = null;
  }
  if (sortval !== undefined) prepareForSort(sortval);
  const members = sortval === undefined ? [] : collectionElements(sortval);
  const isInt = (m: string): boolean => sortval !== undefined && memberIsInt(sortval, m);
  let vectorLen = members.length;
  let start = p.limitStart < 0 ? 0 : p.limitStart;
  let end = p.limitCount < 0 ? vectorLen - 1 : start + p.limitCount - 1;
  if (start >= vectorLen) {
    start = vectorLen - 1;
    end = vectorLen - 2;
  }
  if (end >= vectorLen) end = vectorLen - 1;

  let vector: SortItem[];
  const item = (m: string): SortItem => ({ obj: m, objInt: isInt(m), score: 0, cmp: null });
  const ordered = sortval !== undefined && (sortval.type === 'list' || sortval.type === 'zset');
  if (ordered && dontSort) {
    // Lists and sorted sets keep their own order (reversed by DESC), and only
    // the LIMIT range is loaded.
    if (start !== 0 || end !== vectorLen - 1) vectorLen = end - start + 1;
    vector = [];
    if (end >= start || sortval.type === 'zset') {
      const len = members.length;
      for (let j = 0; j < vectorLen; j++) vector.push(item(members[p.desc ? len - start - 1 - j : start + j]));
      end -= start;
      start = 0;
    }
  } else {
    vector = members.map(item);
  }

  let conversionError = false;
  const options: SortOptions = { desc: p.desc, alpha, byPattern: sortBy !== null, store: p.storeKey !== null };
  if (!dontSort) {
    for (const it of vector) {
      let byval: SortValue;
      if (sortBy !== null) {
        const found = lookupKeyByPattern(c, sortBy, it.obj, it.objInt);
        if (found === undefined) continue;
        byval = found;
      } else byval = { v: it.obj, int: it.objInt };
      if (alpha) {
        if (sortBy !== null) it.cmp = byval.v;
      } else {
        const score = scoreOf(byval);
        if (score === null) conversionError = true;
        else it.score = score;
      }
    }
    const cmp = comparator(options);
    // glibc's qsort is a merge sort (stable); with BY and a LIMIT Redis uses its
    // own partial quicksort, whose order of equal elements is its own.
    if (sortBy !== null && (start !== 0 || end !== vectorLen - 1)) pqsort(vector, cmp, start, end);
    else vector.sort(cmp);
  }

  const span = end - start + 1;
  const outputLen = p.gets.length !== 0 ? p.gets.length * span : span;
  if (conversionError) fail(SCORE_ERROR);
  if (p.storeKey === null) {
    const out: Reply[] = [];
    for (let j = start; j <= end; j++) {
      const it = vector[j];
      if (p.gets.length === 0) out.push(bulk(it.obj));
      for (const pattern of p.gets) {
        const val = lookupKeyByPattern(c, pattern, it.obj, it.objInt);
        out.push(val === undefined ? NULL : bulk(val.v));
      }
    }
    return array(out);
  }
  return storeResult(c, p, vector, start, end, outputLen);
}

/**
 * STORE: the result becomes a list at the destination (TTL dropped, `sortstore`
 * event); an empty result deletes the destination instead. GET on a missing
 * key stores an empty string.
 */
function storeResult(c: Client, p: ParsedSort, vector: SortItem[], start: number, end: number, outputLen: number): Reply {
  const key = p.storeKey as string;
  const values: string[] = [];
  for (let j = start; j <= end; j++) {
    const it = vector[j];
    if (p.gets.length === 0) values.push(it.obj);
    for (const pattern of p.gets) values.push(lookupKeyByPattern(c, pattern, it.obj, it.objInt)?.v ?? '');
  }
  if (outputLen !== 0) {
    setKey(c, key, newListObject(c, ListValue.from(values)));
    notify(c, N.LIST, 'sortstore', key);
    c.server.dirty += outputLen;
  } else if (dbDelete(c, key)) {
    notify(c, N.GENERIC, 'del', key);
    c.server.dirty++;
  }
  return intReply(outputLen);
}

const sort = (c: Client): Reply => sortGeneric(c, false);
const sortRo = (c: Client): Reply => sortGeneric(c, true);

export const sortCommands: Record<string, Handler> = { sort, sort_ro: sortRo };
