// The stream value (t_stream.c): Redis keeps the entries in a radix tree of
// listpacks, each listpack a "node" keyed by the ID of the first entry it
// received (its master ID). redmoon keeps the nodes as a sorted array of
// StreamNode objects that record exactly what the listpack would hold: the
// master fields, every entry with its SAMEFIELDS/DELETED flags (deleted
// entries stay in their node, as tombstones, until the whole node goes), and
// the listpack's byte size. That is what node splitting (stream-node-max-bytes
// and -entries), approximate trimming, XINFO's radix-tree counts and DUMP
// depend on. Consumer groups live in stream-group.ts.
import { registerTypeCopier } from '../object.ts';
import { entrySize, intEntrySize } from '../rdb/listpack.ts';
import { ConsumerGroup } from './stream-group.ts';
import { type StreamID, U64_MAX, ZERO_ID, cmpId, idKey } from './stream-id.ts';

/** STREAM_ITEM_FLAG_*: an entry's flags field. */
export const FLAG_DELETED = 1;
export const FLAG_SAMEFIELDS = 2;

/** STREAM_LISTPACK_MAX_SIZE: a node never grows past 1GB whatever the config says. */
const LISTPACK_MAX_SIZE = 1 << 30;
/** The listpack header (total bytes + count) and its end byte. */
const LISTPACK_OVERHEAD = 7;

export interface StreamEntry {
  readonly id: StreamID;
  /** idKey(id): the order of entries. */
  readonly key: string;
  readonly fields: readonly string[];
  readonly values: readonly string[];
  /** STREAM_ITEM_FLAG_SAMEFIELDS: the fields are the node's master fields (not stored again). */
  readonly sameFields: boolean;
  deleted: boolean;
}

/** The deltas a node stores for an entry: uint64 differences read back as int64. */
export const idDelta = (v: bigint, master: bigint): bigint => BigInt.asIntN(64, v - master);

/** One listpack of the radix tree. */
export class StreamNode {
  readonly key: string;
  /** Live entries (the listpack's "count") and tombstones ("deleted"). */
  count = 0;
  deleted = 0;
  readonly entries: StreamEntry[] = [];
  /** The listpack bytes except the header, the end byte, and the count and deleted fields. */
  private fixedBytes: number;

  constructor(readonly masterId: StreamID, readonly masterFields: readonly string[]) {
    this.key = idKey(masterId);
    let bytes = intEntrySize(BigInt(masterFields.length)) + intEntrySize(0n);
    for (const f of masterFields) bytes += entrySize(f);
    this.fixedBytes = bytes;
  }

  /** lpBytes: the size of the listpack this node is. */
  get lpBytes(): number {
    return LISTPACK_OVERHEAD + intEntrySize(BigInt(this.count)) + intEntrySize(BigInt(this.deleted)) + this.fixedBytes;
  }

  /** Whether these fields are the master fields, in order (the SAMEFIELDS test of streamAppendItem). */
  hasMasterFields(fields: readonly string[]): boolean {
    const m = this.masterFields;
    if (m.length !== fields.length) return false;
    for (let i = 0; i < m.length; i++) if (m[i] !== fields[i]) return false;
    return true;
  }

  /** Append an entry (live or, when loading a listpack, a tombstone). */
  push(e: StreamEntry): void {
    this.entries.push(e);
    if (e.deleted) this.deleted++;
    else this.count++;
    const n = e.values.length;
    // flags, ms-delta, seq-delta, [num-fields, fields...], values..., lp-count
    let bytes = 2 + intEntrySize(idDelta(e.id.ms, this.masterId.ms)) + intEntrySize(idDelta(e.id.seq, this.masterId.seq));
    let lpCount = n + 3;
    if (!e.sameFields) {
      bytes += intEntrySize(BigInt(n));
      for (const f of e.fields) bytes += entrySize(f);
      lpCount += n + 1;
    }
    for (const v of e.values) bytes += entrySize(v);
    this.fixedBytes = this.fixedBytes + bytes + intEntrySize(BigInt(lpCount));
  }

  /** Index of the first entry whose key is >= key (entries.length if none). */
  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid].key < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Mark an entry as a tombstone (streamIteratorRemoveEntry): its bytes stay. */
  markDeleted(e: StreamEntry): void {
    e.deleted = true;
    this.count--;
    this.deleted++;
  }

  clone(): StreamNode {
    const n = new StreamNode(this.masterId, this.masterFields);
    for (const e of this.entries) n.push({ ...e });
    return n;
  }
}

/**
 * The radix tree's listpacks in master ID order. Trimming removes nodes from
 * the front: a head offset makes that O(1) (the array is compacted once half
 * of it is dead), as appending at the back is.
 */
export class NodeList {
  private items: (StreamNode | undefined)[] = [];
  private head = 0;
  /** Bumped by every change: XINFO's radix tree node count is cached against it. */
  version = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  at(i: number): StreamNode {
    return this.items[this.head + i]!;
  }

  last(): StreamNode | undefined {
    return this.length === 0 ? undefined : this.items[this.items.length - 1];
  }

  push(node: StreamNode): void {
    this.items.push(node);
    this.version++;
  }

  removeAt(i: number): void {
    this.version++;
    if (i !== 0) {
      this.items.splice(this.head + i, 1);
      return;
    }
    this.items[this.head++] = undefined;
    if (this.head > 16 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  *[Symbol.iterator](): Generator<StreamNode> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i]!;
  }
}

/** The node limits of streamAppendItem, from stream-node-max-bytes / -entries. */
export interface NodeLimits {
  maxBytes: number;
  maxEntries: number;
}

export class StreamValue {
  /** The radix tree's listpacks, ordered by master ID. */
  nodes = new NodeList();
  private raxCache = { version: -1, nodes: 1 };
  /** Live entries. */
  length = 0;
  lastId: StreamID = ZERO_ID;
  /** recorded-first-entry-id: the first live entry, 0-0 when empty. */
  firstId: StreamID = ZERO_ID;
  maxDeletedId: StreamID = ZERO_ID;
  /** entries-added: every entry ever appended (XSETID can set it). */
  entriesAdded = 0n;
  /** Consumer groups by name (a rax in Redis: listed in byte order). */
  groups = new Map<string, ConsumerGroup>();

  /**
   * streamAppendItem after the ID checks: append to the tail node, or start a
   * new node when the tail has reached stream-node-max-bytes (counting the new
   * fields and values) or stream-node-max-entries (live and deleted entries).
   */
  append(id: StreamID, fields: readonly string[], values: readonly string[], limits: NodeLimits): void {
    let tail: StreamNode | undefined = this.nodes.last();
    if (tail !== undefined) {
      let totalLength = 0;
      for (const f of fields) totalLength += f.length;
      for (const v of values) totalLength += v.length;
      const maxBytes = limits.maxBytes === 0 || limits.maxBytes > LISTPACK_MAX_SIZE ? LISTPACK_MAX_SIZE : limits.maxBytes;
      if (tail.lpBytes + totalLength >= maxBytes) tail = undefined;
      else if (limits.maxEntries !== 0 && tail.count + tail.deleted >= limits.maxEntries) tail = undefined;
    }
    if (tail === undefined) {
      tail = new StreamNode(id, fields);
      this.nodes.push(tail);
    }
    const sameFields = tail.hasMasterFields(fields);
    tail.push({ id, key: idKey(id), fields, values, sameFields, deleted: false });
    this.length++;
    this.entriesAdded++;
    this.lastId = id;
    if (this.length === 1) this.firstId = id;
  }

  /** The index of the last node whose master key is <= key, or -1. */
  private nodeAtOrBefore(key: string): number {
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.nodes.at(mid).key <= key) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /**
   * The live entries with start <= ID <= end, ascending or (rev) descending:
   * streamIteratorStart/GetID. Tombstones are skipped unless withTombstones.
   */
  *range(start: StreamID, end: StreamID, rev: boolean, withTombstones = false): Generator<StreamEntry> {
    const startKey = idKey(start);
    const endKey = idKey(end);
    if (startKey > endKey) return;
    const nodes = this.nodes;
    if (!rev) {
      let n = Math.max(0, this.nodeAtOrBefore(startKey));
      for (; n < nodes.length; n++) {
        const node = nodes.at(n);
        const entries = node.entries;
        for (let i = n === 0 || node.key < startKey ? node.lowerBound(startKey) : 0; i < entries.length; i++) {
          const e = entries[i];
          if (e.key > endKey) return;
          if (!e.deleted || withTombstones) yield e;
        }
      }
    } else {
      for (let n = this.nodeAtOrBefore(endKey); n >= 0; n--) {
        const node = nodes.at(n);
        const entries = node.entries;
        for (let i = node.lowerBound(endKey); i >= 0; i--) {
          const e = entries[i];
          if (e === undefined || e.key > endKey) continue;
          if (e.key < startKey) return;
          if (!e.deleted || withTombstones) yield e;
        }
      }
    }
  }

  /** The first live entry at or after id, if any (streamIteratorGetID once). */
  firstFrom(start: StreamID, rev = false): StreamEntry | undefined {
    const it = rev ? this.range(ZERO_ID, start, true) : this.range(start, { ms: U64_MAX, seq: U64_MAX }, false);
    const r = it.next();
    return r.done ? undefined : r.value;
  }

  /** streamEntryExists: a live entry with this ID. */
  has(id: StreamID): StreamEntry | undefined {
    const n = this.nodeAtOrBefore(idKey(id));
    if (n < 0) return undefined;
    const node = this.nodes.at(n);
    const key = idKey(id);
    const e = node.entries[node.lowerBound(key)];
    return e !== undefined && e.key === key && !e.deleted ? e : undefined;
  }

  /** streamLastValidID: the last live entry's ID (0-0 when empty). */
  lastValidId(): StreamID {
    return this.firstFrom({ ms: U64_MAX, seq: U64_MAX }, true)?.id ?? ZERO_ID;
  }

  /**
   * streamDeleteItem: turn a live entry into a tombstone; a node whose last live
   * entry goes is removed whole. True if the entry existed.
   */
  delete(id: StreamID): boolean {
    const key = idKey(id);
    const n = this.nodeAtOrBefore(key);
    if (n < 0) return false;
    const node = this.nodes.at(n);
    const e = node.entries[node.lowerBound(key)];
    if (e === undefined || e.key !== key || e.deleted) return false;
    if (node.count === 1) this.nodes.removeAt(n);
    else node.markDeleted(e);
    this.length--;
    return true;
  }

  /** streamGetEdgeID(first, skip tombstones): the first live ID, or 2^64-1-2^64-1 when there is none. */
  firstLiveId(): StreamID {
    return this.firstFrom(ZERO_ID)?.id ?? { ms: U64_MAX, seq: U64_MAX };
  }

  /** streamGetEdgeID(first, with tombstones): the first ID still in a listpack. */
  firstStoredId(): StreamID {
    const node = this.nodes.length === 0 ? undefined : this.nodes.at(0);
    return node === undefined ? { ms: U64_MAX, seq: U64_MAX } : node.entries[0].id;
  }

  /**
   * streamTrim: remove entries from the head down to maxlen entries, or below
   * minid. Whole nodes go first; a node that cannot go whole is trimmed entry by
   * entry (tombstones) unless approx. `limit` (0: none) caps the entries removed
   * through whole nodes. Returns how many entries were removed.
   */
  trim(strategy: TrimStrategy, approx: boolean, limit: number): number {
    let deleted = 0;
    while (this.nodes.length > 0) {
      if (strategy.maxlen !== undefined && this.length <= strategy.maxlen) break;
      const node = this.nodes.at(0);
      const entries = node.count;
      if (limit !== 0 && deleted + entries > limit) break;
      const removeNode = strategy.maxlen !== undefined
        ? this.length - entries >= strategy.maxlen
        : cmpId(node.entries[node.entries.length - 1].id, strategy.minid!) < 0;
      if (removeNode) {
        this.nodes.removeAt(0);
        this.length -= entries;
        deleted += entries;
        continue;
      }
      if (approx) break;
      for (const e of node.entries) {
        const stop = strategy.maxlen !== undefined ? this.length <= strategy.maxlen : cmpId(e.id, strategy.minid!) >= 0;
        if (stop) break;
        if (!e.deleted) {
          node.markDeleted(e);
          this.length--;
          deleted++;
        }
      }
      break;
    }
    // 7.0 keeps recorded-first-entry-id current after a trim.
    if (deleted !== 0) this.firstId = this.length === 0 ? ZERO_ID : this.firstLiveId();
    return deleted;
  }

  /**
   * The radix tree's node count (rax->numnodes) for the node keys: the head,
   * plus one node where keys branch, one per child of a branch, and one per key
   * (a leaf). Chains without branches are compressed into one node.
   */
  raxNodes(): number {
    const cache = this.raxCache;
    if (cache.version !== this.nodes.version) {
      const keys = [...this.nodes].map((n) => n.key);
      cache.nodes = keys.length === 0 ? 1 : countRaxNodes(keys, 0, keys.length, 0);
      cache.version = this.nodes.version;
    }
    return cache.nodes;
  }

  clone(): StreamValue {
    const s = new StreamValue();
    for (const n of this.nodes) s.nodes.push(n.clone());
    s.length = this.length;
    s.lastId = this.lastId;
    s.firstId = this.firstId;
    s.maxDeletedId = this.maxDeletedId;
    s.entriesAdded = this.entriesAdded;
    for (const [name, g] of this.groups) s.groups.set(name, g.clone());
    return s;
  }
}

/** A trim target: MAXLEN (entries to keep) or MINID (the lowest ID to keep). */
export interface TrimStrategy {
  maxlen?: number;
  minid?: StreamID;
}

/**
 * Nodes of a rax holding keys[from, to) (sorted, distinct, all 16 bytes) below
 * a node at depth `depth` where they all share their first `depth` bytes.
 */
function countRaxNodes(keys: string[], from: number, to: number, depth: number): number {
  if (depth === 16) return 1;
  if (to - from === 1) return 2; // a compressed node with the rest of the key, then the key's leaf
  // The common prefix of the first and last key from `depth` on: one compressed node.
  const first = keys[from];
  const last = keys[to - 1];
  let d = depth;
  while (first.charCodeAt(d) === last.charCodeAt(d)) d++;
  let nodes = d > depth ? 2 : 1; // the compressed node (if any) and the branching node
  let i = from;
  while (i < to) {
    const c = keys[i].charCodeAt(d);
    let j = i + 1;
    while (j < to && keys[j].charCodeAt(d) === c) j++;
    nodes += countRaxNodes(keys, i, j, d + 1);
    i = j;
  }
  return nodes;
}


registerTypeCopier('stream', (v) => (v as StreamValue).clone());
