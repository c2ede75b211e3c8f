// Streams in a DUMP payload (rdb.c, RDB_TYPE_STREAM_LISTPACKS_2 in Redis 7.0):
//   <nodes> { <master ID: 16-byte string> <listpack string> }...
//   <length> <last ID ms> <seq> <first ID ms> <seq> <max deleted ID ms> <seq> <entries added>
//   <groups> { <name> <last ID ms> <seq> <entries read>
//              <PEL size> { <16 raw ID bytes> <delivery time: int64 LE> <delivery count> }...
//              <consumers> { <name> <seen time: int64 LE> <PEL size> { <16 raw ID bytes> }... }... }...
// A node's listpack holds the master entry (count, deleted, the master fields,
// a 0) and then every entry, tombstones included: flags, the ID as deltas
// from the master ID, [field count and fields unless SAMEFIELDS], the values,
// and the entry's element count. RDB_TYPE_STREAM_LISTPACKS (Redis 5/6) lacks
// the 7.0 counters, which are then derived as Redis derives them.
import { FLAG_DELETED, FLAG_SAMEFIELDS, StreamNode, StreamValue, idDelta } from '../types/stream.ts';
import { Consumer, ConsumerGroup, type Nack } from '../types/stream-group.ts';
import { type StreamID, idKey, keyToId } from '../types/stream-id.ts';
import { estimateEntriesRead } from '../types/stream-lag.ts';
import { parseInt64 } from '../util/parse.ts';
import { corrupt, type RdbReader, type RdbWriter } from './encoding.ts';
import { decodeListpack, encodeEntry, listpackFromEntries } from './listpack.ts';
import { RDB_TYPE } from './types.ts';

const int = (v: bigint | number): string => encodeEntry(String(v));

/** The listpack of one node, element for element as streamAppendItem and XDEL left it. */
function encodeNode(node: StreamNode): string {
  const parts: string[] = [int(node.count), int(node.deleted), int(node.masterFields.length)];
  for (const f of node.masterFields) parts.push(encodeEntry(f));
  parts.push(int(0));
  let elements = 4 + node.masterFields.length;
  for (const e of node.entries) {
    const n = e.values.length;
    parts.push(int((e.deleted ? FLAG_DELETED : 0) | (e.sameFields ? FLAG_SAMEFIELDS : 0)));
    parts.push(int(idDelta(e.id.ms, node.masterId.ms)), int(idDelta(e.id.seq, node.masterId.seq)));
    if (!e.sameFields) parts.push(int(n));
    for (let i = 0; i < n; i++) {
      if (!e.sameFields) parts.push(encodeEntry(e.fields[i]));
      parts.push(encodeEntry(e.values[i]));
    }
    const lpCount = e.sameFields ? n + 3 : 2 * n + 4;
    parts.push(int(lpCount));
    elements += lpCount + 1;
  }
  return listpackFromEntries(parts.join(''), elements);
}

const writeId = (w: RdbWriter, id: StreamID): void => {
  w.lenBig(id.ms);
  w.lenBig(id.seq);
};

/** rdbSaveObject for a stream, as RDB_TYPE_STREAM_LISTPACKS_2. */
export function saveStream(w: RdbWriter, s: StreamValue): void {
  w.byte(RDB_TYPE.STREAM_LISTPACKS_2);
  w.len(s.nodes.length);
  for (const node of s.nodes) {
    w.string(node.key);
    w.string(encodeNode(node));
  }
  w.len(s.length);
  writeId(w, s.lastId);
  writeId(w, s.firstId);
  writeId(w, s.maxDeletedId);
  w.lenBig(s.entriesAdded);
  const groups = [...s.groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  w.len(groups.length);
  for (const [name, g] of groups) {
    w.string(name);
    writeId(w, g.lastId);
    w.lenBig(BigInt.asUintN(64, g.entriesRead));
    w.len(g.pel.size);
    for (const [key, nack] of g.pel.entries()) {
      w.raw(key);
      w.millisecondTime(nack.deliveryTime);
      w.lenBig(BigInt.asUintN(64, nack.deliveryCount));
    }
    w.len(g.consumers.size);
    for (const [cname, consumer] of g.consumers.entries()) {
      w.string(cname);
      w.millisecondTime(consumer.seenTime);
      w.len(consumer.pel.size);
      for (const [key] of consumer.pel.entries()) w.raw(key);
    }
  }
}

/** An integer element of a node's listpack (lpGetIntegerIfValid). */
function intAt(elements: string[], i: number): bigint {
  if (i >= elements.length) corrupt('stream listpack truncated');
  return parseInt64(elements[i]) ?? corrupt('stream listpack integer expected');
}

/**
 * A node from its master ID and listpack, checked as
 * streamValidateListpackIntegrity checks with deep sanitization, plus what
 * redmoon's model needs: counts that match the flags and ascending IDs.
 */
function decodeNode(key: string, blob: string): StreamNode {
  if (key.length !== 16) corrupt('Stream node key entry is not the size of a stream ID');
  const el = decodeListpack(blob);
  if (el.length === 0) corrupt('Empty listpack inside stream');
  const count = intAt(el, 0);
  const deleted = intAt(el, 1);
  const masterCount = Number(intAt(el, 2));
  if (masterCount < 0 || 3 + masterCount >= el.length) corrupt('stream master entry truncated');
  const masterFields = el.slice(3, 3 + masterCount);
  let p = 3 + masterCount;
  if (intAt(el, p++) !== 0n) corrupt('stream master entry not terminated');
  const masterId = keyToId(key);
  const node = new StreamNode(masterId, masterFields);
  let prev: string | null = null;
  for (let total = count + deleted; total > 0n; total--) {
    const flags = Number(intAt(el, p++));
    const id: StreamID = {
      ms: BigInt.asUintN(64, masterId.ms + intAt(el, p++)),
      seq: BigInt.asUintN(64, masterId.seq + intAt(el, p++)),
    };
    const same = (flags & FLAG_SAMEFIELDS) !== 0;
    const n = same ? masterCount : Number(intAt(el, p++));
    if (n < 0 || p + (same ? n : 2 * n) >= el.length) corrupt('stream entry truncated');
    const fields: string[] = [];
    const values: string[] = [];
    for (let i = 0; i < n; i++) {
      fields.push(same ? masterFields[i] : el[p++]);
      values.push(el[p++]);
    }
    if (intAt(el, p++) !== BigInt(same ? n + 3 : 2 * n + 4)) corrupt('stream entry lp-count mismatch');
    const entryKey = idKey(id);
    if (prev !== null && entryKey <= prev) corrupt('stream entries out of order');
    prev = entryKey;
    node.push({ id, key: entryKey, fields, values, sameFields: same, deleted: (flags & FLAG_DELETED) !== 0 });
  }
  if (p !== el.length) corrupt('stream listpack has extra elements');
  if (BigInt(node.count) !== count || BigInt(node.deleted) !== deleted) corrupt('stream node counts mismatch');
  if (node.count === 0) corrupt('stream node without live entries');
  if (node.lpBytes !== blob.length) corrupt('stream listpack not in canonical form');
  return node;
}

const readId = (r: RdbReader): StreamID => ({ ms: r.lenBig(), seq: r.lenBig() });

/** A 16-byte raw ID of a PEL (rioRead of sizeof(streamID)). */
const readRawId = (r: RdbReader): string => r.bytes(16);

/** rdbLoadObject for RDB_TYPE_STREAM_LISTPACKS(_2). */
export function loadStream(r: RdbReader, v2: boolean): StreamValue {
  const s = new StreamValue();
  let nodes = r.len();
  while (nodes-- > 0) {
    const key = r.string();
    const node = decodeNode(key, r.string());
    const last = s.nodes.last();
    if (last !== undefined && node.key <= last.entries[last.entries.length - 1].key) corrupt('stream nodes out of order');
    s.nodes.push(node);
  }
  s.length = Number(r.lenBig());
  let live = 0;
  for (const node of s.nodes) live += node.count;
  if (s.length !== live) corrupt('Stream length inconsistent with rax entries');
  s.lastId = readId(r);
  if (v2) {
    s.firstId = readId(r);
    s.maxDeletedId = readId(r);
    s.entriesAdded = r.lenBig();
  } else {
    // Redis derives them: the first live entry, no known deletions, every entry counted once.
    s.firstId = s.length === 0 ? { ms: 0n, seq: 0n } : s.firstLiveId();
    s.entriesAdded = BigInt(s.length);
  }
  let groups = r.len();
  while (groups-- > 0) {
    const name = r.string();
    const lastId = readId(r);
    const entriesRead = v2 ? BigInt.asIntN(64, r.lenBig()) : estimateEntriesRead(s, lastId);
    if (s.groups.has(name)) corrupt('Duplicated consumer group name');
    const g = new ConsumerGroup(lastId, entriesRead);
    s.groups.set(name, g);
    let pel = r.len();
    while (pel-- > 0) {
      const key = readRawId(r);
      const nack: Nack = { deliveryTime: r.millisecondTime(), deliveryCount: BigInt.asIntN(64, r.lenBig()), consumer: null };
      if (!g.pel.set(key, nack)) corrupt('Duplicated global PEL entry loading stream consumer group');
    }
    let consumers = r.len();
    while (consumers-- > 0) {
      const cname = r.string();
      if (g.consumers.get(cname) !== undefined) corrupt('Duplicate stream consumer detected.');
      const consumer = new Consumer(cname, r.millisecondTime());
      g.consumers.set(cname, consumer);
      let owned = r.len();
      while (owned-- > 0) {
        const key = readRawId(r);
        const nack = g.pel.get(key) ?? corrupt('Consumer entry not found in group global PEL');
        if (nack.consumer !== null || !consumer.pel.set(key, nack)) corrupt('Duplicated consumer PEL entry loading a stream consumer group');
        nack.consumer = consumer;
      }
    }
    for (const [, nack] of g.pel.entries()) if (nack.consumer === null) corrupt('Stream CG PEL entry without consumer');
  }
  return s;
}
