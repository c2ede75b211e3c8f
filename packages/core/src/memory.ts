// The memory estimate behind MEMORY USAGE, INFO memory and maxmemory
// (object.c objectComputeSize, as Redis 7.0.15 computes it with jemalloc).
//
// redmoon has no allocator to ask, so every figure is computed from what the
// value would occupy in Redis: the C structures' sizes, and each allocation
// rounded up to its jemalloc size class. Collections are sampled as Redis
// samples them (MEMORY USAGE's SAMPLES, 5 by default; 0 walks everything): the
// average of the first sampled elements times the element count.
//
// | part                         | bytes                                                           |
// |------------------------------|-----------------------------------------------------------------|
// | a key in the main dict       | dictEntry 24 + the key's sds (malloc-rounded)                   |
// | used_memory per key          | the above + the value + 8 (its hash table bucket)               |
// | a TTL                        | 24 (expires dictEntry) + 8 (bucket)                             |
// | robj                         | 16                                                              |
// | string int                   | robj 16                                                         |
// | string embstr (<= 44 bytes)  | malloc(16 + 3 + len + 1)                                        |
// | string raw                   | 16 + malloc(sds header + len + 1)                               |
// | listpack (hash, zset)        | 16 + malloc(6 + entries + 1), entries as listpack encodes them  |
// | intset                       | 16 + malloc(8 + width * n), width 2/4/8 by the largest member   |
// | hashtable (set, hash)        | 16 + dict 56 + 8 * slots + n * avg(dictEntry 24 + sds(s))      |
// | skiplist zset                | 16 + 16 + 32 + dict 56 + 8 * slots + header 640                 |
// |                              |   + n * avg(sds(ele) + 24 + malloc(24 + 16 * level))            |
// | quicklist (every 7.0 list)   | 16 + 40 + nodes * (40 + malloc(listpack of the node))           |
// | stream                       | 16 + 80 + rax + listpacks (the last one preallocated to         |
// |                              |   stream-node-max-bytes) + groups, NACKs and consumers          |
//
// sds headers are 1 byte under 32 bytes (SDS_TYPE_5, for keys and set/hash
// members), 3 under 256, 5 under 64K, 9 under 4G. Where redmoon's structure
// differs from Redis's (lists are a ring buffer, not quicklist nodes; PEL rax
// node counts), the Redis layout is derived from the elements. How close this
// is to redis-server 7.0.15 is measured in packages/core/README.md.
import type { RObj } from './object.ts';
import type { HashValue } from './types/hash.ts';
import type { ListValue } from './types/list.ts';
import type { SetValue } from './types/set.ts';
import type { ZNode } from './types/skiplist.ts';
import type { StreamValue } from './types/stream.ts';
import type { ZSetValue } from './types/zset.ts';
import { formatDouble } from './util/format.ts';
import { isInt64String } from './util/parse.ts';

/** What the estimate needs of the configuration. */
export interface MemoryLimits {
  listMaxListpackSize: number;
  streamNodeMaxBytes: number;
}

export const ROBJ = 16;
export const DICT_ENTRY = 24;
const DICT = 56;
export const BUCKET = 8;
const QUICKLIST = 40;
const QUICKLIST_NODE = 40;
const ZSET = 16;
const ZSKIPLIST = 32;
const STREAM = 80;
const STREAM_CG = 40;
const STREAM_NACK = 24;
const STREAM_CONSUMER = 24;
/** used_memory's per-key extras beyond MEMORY USAGE: the main table's bucket. */
export const KEY_BUCKET = BUCKET;
/** used_memory per key with a TTL: the expires dictEntry and its bucket. */
export const EXPIRE_OVERHEAD = DICT_ENTRY + BUCKET;

/**
 * jemalloc's size class for an n-byte allocation: 8, then multiples of 16 up
 * to 128, then four classes per doubling (160, 192, 224, 256, 320, ...).
 */
export function mallocSize(n: number): number {
  if (n <= 8) return 8;
  if (n <= 128) return (n + 15) & ~15;
  const step = 2 ** (Math.floor(Math.log2(n - 1)) - 2);
  return Math.ceil(n / step) * step;
}

/** The sds header for a string of len bytes (sdsReqType; sdsnewlen uses type 5 below 32 bytes). */
function sdsHeader(len: number, type5: boolean): number {
  if (len < 32) return type5 && len > 0 ? 1 : 3;
  if (len < 256) return 3;
  if (len < 65536) return 5;
  return len < 2 ** 32 ? 9 : 17;
}

/** sdsZmallocSize of a string created by sdsnewlen (keys, set and hash members). */
export const sdsSize = (len: number): number => mallocSize(sdsHeader(len, true) + len + 1);

/** The bytes a listpack backlen takes for an entry of l bytes. */
function backlen(l: number): number {
  if (l <= 127) return 1;
  if (l < 16383) return 2;
  if (l < 2097151) return 3;
  return l < 268435455 ? 4 : 5;
}

/** lpEncodeGetType + backlen: one listpack entry for s (integers are stored as integers). */
export function listpackEntrySize(s: string): number {
  let enc: number;
  const c0 = s.charCodeAt(0);
  if (s.length <= 20 && (c0 === 45 || (c0 >= 48 && c0 <= 57)) && isInt64String(s)) {
    const v = Number(s);
    if (v >= 0 && v <= 127) enc = 1;
    else if (v >= -4096 && v <= 4095) enc = 2;
    else if (v >= -32768 && v <= 32767) enc = 3;
    else if (v >= -8388608 && v <= 8388607) enc = 4;
    else if (v >= -2147483648 && v <= 2147483647) enc = 5;
    else enc = 9;
  } else {
    const len = s.length;
    enc = (len < 64 ? 1 : len < 4096 ? 2 : 5) + len;
  }
  return enc + backlen(enc);
}

/** A listpack's total bytes: the 6-byte header, the entries, the end byte. */
const listpackBytes = (entries: number): number => 6 + entries + 1;

/** dictSlots for a dict of n entries grown from 4 by doubling (it expands when full). */
export function dictSlots(n: number): number {
  let slots = 4;
  while (slots < n) slots *= 2;
  return slots;
}

/** The average of `measure` over the first `samples` items (0: all), times count. */
function sampled<T>(items: Iterable<T>, count: number, samples: number, measure: (item: T) => number): number {
  let total = 0;
  let seen = 0;
  for (const item of items) {
    if (samples !== 0 && seen >= samples) break;
    total += measure(item);
    seen++;
  }
  return seen === 0 ? 0 : Math.floor((total / seen) * count);
}

function stringSize(o: RObj): number {
  const v = o.value as string;
  if (o.enc === 'int') return ROBJ;
  if (o.enc === 'embstr') return mallocSize(ROBJ + 3 + v.length + 1);
  return ROBJ + mallocSize(sdsHeader(v.length, false) + v.length + 1);
}

/** The quicklist node capacity in bytes for a negative list-max-listpack-size. */
const NODE_BYTES = [4096, 8192, 16384, 32768, 65536];

/** How many list elements, spread evenly, stand for a long list's entry sizes. */
const LIST_SPREAD_SAMPLES = 32;

/**
 * Redis samples whole quicklist nodes (thousands of entries each); redmoon has no
 * nodes, so it measures the entries (all of a short list, an even spread of a long
 * one), packs them into nodes of list-max-listpack-size, and sums the nodes as
 * Redis does: exactly up to `samples` nodes, the first nodes' average beyond.
 */
function listSize(list: ListValue, samples: number, fill: number): number {
  const len = list.length;
  if (len === 0) return ROBJ + QUICKLIST;
  const n = len <= 128 || samples === 0 ? len : LIST_SPREAD_SAMPLES;
  let bytes = 0;
  for (let i = 0; i < n; i++) bytes += listpackEntrySize(list.get(Math.floor((i * len) / n)));
  const avg = bytes / n;
  const nodeLimit = fill < 0 ? NODE_BYTES[Math.min(-fill, 5) - 1] : Infinity;
  const perNode = Math.max(1, Math.min(fill > 0 ? fill : Infinity, Math.floor((nodeLimit - 7) / avg)));
  const nodes = Math.ceil(len / perNode);
  const node = (entries: number): number => QUICKLIST_NODE + mallocSize(listpackBytes(Math.round(avg * entries)));
  const full = node(Math.min(perNode, len));
  if (samples !== 0 && nodes > samples) return ROBJ + QUICKLIST + nodes * full;
  return ROBJ + QUICKLIST + (nodes - 1) * full + node(len - (nodes - 1) * perNode);
}

function hashSize(o: RObj, samples: number, lpSamples: number): number {
  const h = o.value as HashValue;
  if (o.enc === 'listpack') {
    const entries = sampled(h.entries(), h.size, lpSamples, ([f, v]) => listpackEntrySize(f) + listpackEntrySize(v));
    return ROBJ + mallocSize(listpackBytes(entries));
  }
  return ROBJ + DICT + BUCKET * dictSlots(h.size) +
    sampled(h.entries(), h.size, samples, ([f, v]) => sdsSize(f.length) + sdsSize(v.length) + DICT_ENTRY);
}

function setSize(o: RObj, samples: number): number {
  const s = o.value as SetValue;
  if (o.enc === 'intset') {
    let width = 2;
    for (const m of s.values()) {
      const v = Number(m);
      if (v < -2147483648 || v > 2147483647) { width = 8; break; }
      if (v < -32768 || v > 32767) width = 4;
    }
    return ROBJ + mallocSize(8 + width * s.size);
  }
  return ROBJ + DICT + BUCKET * dictSlots(s.size) + sampled(s.values(), s.size, samples, (m) => DICT_ENTRY + sdsSize(m.length));
}

/** A zset's nodes in score order. */
function* zsetNodes(z: ZSetValue): Generator<ZNode> {
  for (let n = z.zsl.first; n !== null; n = n.forward[0]) yield n;
}

/** How a listpack zset stores a score: an integer entry when it is one, else its %.17g text. */
const scoreEntrySize = (score: number): number =>
  listpackEntrySize(Number.isSafeInteger(score) ? String(score) : formatDouble(score));

function zsetSize(o: RObj, samples: number, lpSamples: number): number {
  const z = o.value as ZSetValue;
  if (o.enc === 'listpack') {
    const entries = sampled(zsetNodes(z), z.size, lpSamples, (n) => listpackEntrySize(n.ele) + scoreEntrySize(n.score));
    return ROBJ + mallocSize(listpackBytes(entries));
  }
  // The header node has all 32 levels: malloc(24 + 32 * 16).
  return ROBJ + ZSET + ZSKIPLIST + DICT + BUCKET * dictSlots(z.size) + mallocSize(24 + 32 * 16) +
    sampled(zsetNodes(z), z.size, samples, (n) => sdsSize(n.ele.length) + DICT_ENTRY + mallocSize(24 + 16 * n.forward.length));
}

/** streamRadixTreeMemoryUsage: 16 per key, and a fixed guess of 244 bytes per rax node. */
const raxUsage = (elements: number, nodes: number): number => elements * 16 + nodes * (4 + 8 * 30);

/** A PEL's rax node count, which redmoon does not keep: one per entry plus the head. */
const pelNodes = (size: number): number => size + 1;

function streamSize(s: StreamValue, samples: number, limits: MemoryLimits): number {
  const nodes = [...s.nodes];
  let size = ROBJ + STREAM + raxUsage(nodes.length, s.raxNodes());
  // A new node's listpack is preallocated to stream-node-max-bytes (at most 4096);
  // only the tail keeps that room, full nodes are shrunk to fit.
  const prealloc = limits.streamNodeMaxBytes > 0 && limits.streamNodeMaxBytes < 4096 ? limits.streamNodeMaxBytes : 4096;
  const nodeSize = (i: number): number =>
    mallocSize(i === nodes.length - 1 ? Math.max(prealloc, nodes[i].lpBytes) : nodes[i].lpBytes);
  const n = samples === 0 ? nodes.length : Math.min(samples, nodes.length);
  let lp = 0;
  for (let i = 0; i < n; i++) lp += nodeSize(i);
  if (nodes.length <= n) size += lp;
  else size += Math.floor(lp / n) * (nodes.length - 1) + nodeSize(nodes.length - 1);
  for (const g of s.groups.values()) {
    size += STREAM_CG + raxUsage(g.pel.size, pelNodes(g.pel.size)) + STREAM_NACK * g.pel.size;
    for (const [name, c] of g.consumers.entries()) {
      size += STREAM_CONSUMER + name.length + raxUsage(c.pel.size, pelNodes(c.pel.size));
    }
  }
  return size;
}

/**
 * objectComputeSize: the value's bytes (robj included). Redis measures a listpack
 * exactly; `lpSamples` (0: all) lets used_memory sample big listpacks instead, so
 * that re-measuring a written hash or zset stays cheap.
 */
export function valueSize(o: RObj, samples: number, limits: MemoryLimits, lpSamples = 0): number {
  switch (o.type) {
    case 'string': return stringSize(o);
    case 'list': return listSize(o.value as ListValue, samples, limits.listMaxListpackSize);
    case 'hash': return hashSize(o, samples, lpSamples);
    case 'set': return setSize(o, samples);
    case 'zset': return zsetSize(o, samples, lpSamples);
    case 'stream': return streamSize(o.value as StreamValue, samples, limits);
  }
}

/** MEMORY USAGE: the value, the key's sds and the dictEntry. */
export function keyMemoryUsage(key: string, o: RObj, samples: number, limits: MemoryLimits, lpSamples = 0): number {
  return valueSize(o, samples, limits, lpSamples) + sdsSize(key.length) + DICT_ENTRY;
}

/** MEMORY USAGE's default sample count (OBJ_COMPUTE_SIZE_DEF_SAMPLES). */
export const DEFAULT_SAMPLES = 5;

/** The listpack entries (pairs) used_memory measures of a hash or zset: exact up to 16. */
const USED_MEMORY_LISTPACK_SAMPLES = 16;

/** What one key adds to used_memory (its cached share, see Db.usedMemory). */
export const keyMemory = (key: string, o: RObj, limits: MemoryLimits): number =>
  keyMemoryUsage(key, o, DEFAULT_SAMPLES, limits, USED_MEMORY_LISTPACK_SAMPLES) + KEY_BUCKET;
