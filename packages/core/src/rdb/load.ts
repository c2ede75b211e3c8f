// RESTORE's side (cluster.c verifyDumpPayload, rdb.c rdbLoadObjectType +
// rdbLoadObject): check the footer, then rebuild the value with the encoding
// Redis 7.0 gives it on load:
// - strings are tryObjectEncoding'd (int, embstr or raw);
// - SET: an intset while every member is an integer and the count is within
//   set-max-intset-entries, else a hash table; SET_INTSET: converted when longer;
// - HASH: a listpack unless the count exceeds hash-max-listpack-entries or a field
//   or value exceeds hash-max-listpack-value; HASH_LISTPACK: converted on count only;
// - ZSET/ZSET_2: back to a listpack when both zset limits hold;
//   ZSET_LISTPACK: converted on count only;
// - lists are always quicklists.
// Redis checks the blobs inside (listpack, intset) deeply only with
// sanitize-dump-payload yes; redmoon decodes them entirely, so it always refuses
// what deep sanitization refuses (bad entries, duplicates, unsorted intsets) and
// whatever it cannot represent (see stream.ts for streams). Module values are
// refused with "Bad data format". Of the
// types older RDB versions used, the plain LIST and ZSET are loaded; the ziplist
// and zipmap ones (which a 7.0 DUMP never produces) are refused too.
import type { Config } from '../config.ts';
import { stringEncodingFor, type Encoding, type RedisType } from '../object.ts';
import { HashValue } from '../types/hash.ts';
import { ListValue } from '../types/list.ts';
import { SetValue } from '../types/set.ts';
import { listpackScore, ZSetValue } from '../types/zset.ts';
import { isInt64String, parseDouble } from '../util/parse.ts';
import { crc64LE } from './crc64.ts';
import { corrupt, RdbReader, readUintLE } from './encoding.ts';
import { decodeIntset } from './intset.ts';
import { decodeListpack } from './listpack.ts';
import { loadStream } from './stream.ts';
import { QUICKLIST_NODE_CONTAINER_PACKED, QUICKLIST_NODE_CONTAINER_PLAIN, RDB_TYPE, RDB_VERSION } from './types.ts';

/** The 2-byte version and the 8-byte CRC64 that close a payload. */
const FOOTER_SIZE = 10;

/**
 * verifyDumpPayload: at least the footer, a version not newer than ours, and a
 * matching CRC64. (Redis can skip the CRC check, with DEBUG
 * SET-SKIP-CHECKSUM-VALIDATION, which redmoon does not have.)
 */
export function verifyDumpPayload(p: string): boolean {
  if (p.length < FOOTER_SIZE) return false;
  const footer = p.length - FOOTER_SIZE;
  if (readUintLE(p, footer, 2) > RDB_VERSION) return false;
  return crc64LE(p, 0, p.length - 8) === p.slice(footer + 2);
}

/** A value rebuilt from a payload, ready to be wrapped in an RObj. */
export interface LoadedValue {
  type: RedisType;
  enc: Encoding;
  value: unknown;
}

/**
 * rdbLoadObjectType + rdbLoadObject over a verified payload. Throws RdbFormatError
 * when the bytes do not describe a value. Bytes between the value and the footer
 * are ignored, as Redis ignores them.
 */
export function loadDumpPayload(p: string, cfg: Config): LoadedValue {
  const r = new RdbReader(p);
  const type = r.byte();
  switch (type) {
    case RDB_TYPE.STRING: {
      const s = r.string();
      return { type: 'string', enc: stringEncodingFor(s, s.length <= 20 && isInt64String(s)), value: s };
    }
    case RDB_TYPE.LIST:
      return loadList(r, false);
    case RDB_TYPE.LIST_QUICKLIST_2:
      return loadList(r, true);
    case RDB_TYPE.SET:
      return loadSet(r, cfg);
    case RDB_TYPE.SET_INTSET:
      return loadIntset(r, cfg);
    case RDB_TYPE.ZSET:
    case RDB_TYPE.ZSET_2:
      return loadZset(r, cfg, type === RDB_TYPE.ZSET_2);
    case RDB_TYPE.ZSET_LISTPACK:
      return loadZsetListpack(r, cfg);
    case RDB_TYPE.HASH:
      return loadHash(r, cfg);
    case RDB_TYPE.HASH_LISTPACK:
      return loadHashListpack(r, cfg);
    case RDB_TYPE.STREAM_LISTPACKS:
    case RDB_TYPE.STREAM_LISTPACKS_2:
      return { type: 'stream', enc: 'stream', value: loadStream(r, type === RDB_TYPE.STREAM_LISTPACKS_2) };
    default:
      return corrupt(`unsupported object type ${type}`);
  }
}

/** A length that must be followed by at least that many items: 0 is an empty key. */
function countOf(r: RdbReader): number {
  const n = r.len();
  if (n === 0) corrupt('empty key');
  return n;
}

/**
 * RDB_TYPE_LIST (a counted list of strings) or RDB_TYPE_LIST_QUICKLIST_2 (counted
 * nodes, each a container flag and a listpack or, for a plain node, one element).
 * Empty listpacks are skipped, as Redis skips them; a list that ends up empty is
 * an empty key.
 */
function loadList(r: RdbReader, quicklist: boolean): LoadedValue {
  const n = countOf(r);
  const elements: string[] = [];
  for (let i = 0; i < n; i++) {
    if (!quicklist) {
      elements.push(r.string());
      continue;
    }
    const container = r.len();
    if (container === QUICKLIST_NODE_CONTAINER_PLAIN) {
      elements.push(r.string());
    } else if (container === QUICKLIST_NODE_CONTAINER_PACKED) {
      for (const e of decodeListpack(r.string())) elements.push(e);
    } else {
      corrupt(`quicklist container ${container}`);
    }
  }
  if (elements.length === 0) corrupt('empty list');
  return { type: 'list', enc: 'quicklist', value: ListValue.from(elements) };
}

function loadSet(r: RdbReader, cfg: Config): LoadedValue {
  const n = countOf(r);
  const max = cfg.setMaxIntsetEntries;
  let set: SetValue | null = n > max ? SetValue.createHashtable() : null;
  for (let i = 0; i < n; i++) {
    const m = r.string();
    set ??= SetValue.forFirstMember(m);
    if (!set.add(m, max)) corrupt('duplicate set member');
  }
  return { type: 'set', enc: set!.enc, value: set };
}

function loadIntset(r: RdbReader, cfg: Config): LoadedValue {
  const members = decodeIntset(r.string());
  if (members.length === 0) corrupt('empty intset');
  const set = SetValue.forFirstMember(members[0]);
  // Added in ascending order: the intset turns into a hash table past the limit.
  for (const m of members) set.add(m, cfg.setMaxIntsetEntries);
  return { type: 'set', enc: set.enc, value: set };
}

/** rdbLoadDoubleValue: a length byte (253 NaN, 254 +inf, 255 -inf) then the %.17g text. */
function loadStringDouble(r: RdbReader): number {
  const len = r.byte();
  if (len === 253) return NaN;
  if (len === 254) return Infinity;
  if (len === 255) return -Infinity;
  const d = parseDouble(r.bytes(len));
  return d ?? corrupt('bad double');
}

/**
 * RDB_TYPE_ZSET(_2): members with text (ZSET) or binary (ZSET_2) scores, loaded
 * into a skip list, then back to a listpack when it is small enough
 * (zset-max-listpack-entries and -value).
 */
function loadZset(r: RdbReader, cfg: Config, binary: boolean): LoadedValue {
  const n = countOf(r);
  const pairs = new Map<string, number>();
  let maxLen = 0;
  for (let i = 0; i < n; i++) {
    const m = r.string();
    const score = binary ? r.binaryDouble() : loadStringDouble(r);
    if (Number.isNaN(score)) corrupt('zset NaN score');
    if (pairs.has(m)) corrupt('duplicate zset member');
    pairs.set(m, score);
    if (m.length > maxLen) maxLen = m.length;
  }
  const listpack = n <= cfg.zsetMaxListpackEntries && maxLen <= cfg.zsetMaxListpackValue;
  const z = new ZSetValue();
  // A listpack stores scores as text, which has no -0.
  for (const [m, score] of pairs) z.insert(listpack ? listpackScore(score) : score, m);
  return { type: 'zset', enc: listpack ? 'listpack' : 'skiplist', value: z };
}

function loadZsetListpack(r: RdbReader, cfg: Config): LoadedValue {
  const flat = decodeListpack(r.string());
  if (flat.length === 0) corrupt('empty zset');
  if (flat.length % 2 !== 0) corrupt('odd zset listpack');
  const z = new ZSetValue();
  for (let i = 0; i < flat.length; i += 2) {
    const score = parseDouble(flat[i + 1]);
    if (score === null) corrupt('bad zset score');
    if (z.score(flat[i]) !== undefined) corrupt('duplicate zset member');
    z.insert(listpackScore(score), flat[i]);
  }
  return { type: 'zset', enc: z.size > cfg.zsetMaxListpackEntries ? 'skiplist' : 'listpack', value: z };
}

const hashLimits = (cfg: Config): { maxEntries: number; maxValue: number } => ({
  maxEntries: cfg.hashMaxListpackEntries,
  maxValue: cfg.hashMaxListpackValue,
});

function loadHash(r: RdbReader, cfg: Config): LoadedValue {
  const n = countOf(r);
  const h = new HashValue();
  const limits = hashLimits(cfg);
  if (n > limits.maxEntries) h.toHashtable();
  for (let i = 0; i < n; i++) {
    const field = r.string();
    const value = r.string();
    if (!h.set(field, value, limits)) corrupt('duplicate hash field');
  }
  return { type: 'hash', enc: h.enc, value: h };
}

function loadHashListpack(r: RdbReader, cfg: Config): LoadedValue {
  const flat = decodeListpack(r.string());
  if (flat.length === 0) corrupt('empty hash');
  if (flat.length % 2 !== 0) corrupt('odd hash listpack');
  const h = new HashValue();
  // The listpack is kept as it is, long fields included; only the count converts it.
  const keep = { maxEntries: Infinity, maxValue: Infinity };
  for (let i = 0; i < flat.length; i += 2) {
    if (!h.set(flat[i], flat[i + 1], keep)) corrupt('duplicate hash field');
  }
  if (h.size > cfg.hashMaxListpackEntries) h.toHashtable();
  return { type: 'hash', enc: h.enc, value: h };
}
