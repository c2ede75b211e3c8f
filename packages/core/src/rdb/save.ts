// DUMP's payload (cluster.c createDumpPayload, rdb.c rdbSaveObjectType +
// rdbSaveObject): the value in RDB form, then the RDB version (2 bytes LE) and
// the CRC64 of everything before the checksum (8 bytes LE).
//
// Each encoding is saved as Redis 7.0 saves it: a listpack hash/zset as one
// listpack blob, an intset as its blob, a hash table hash/set as a counted list
// of strings, a skiplist zset from the highest member down with binary doubles,
// a list as quicklist nodes. Where Redis's bytes depend on history redmoon does
// not keep (an intset's width after removals, a list's node boundaries after
// pushes on the head or inserts, hash table iteration order), redmoon writes what
// Redis would write for the same value built fresh by appends.
import { d2string } from '../commands/zset.ts';
import type { RObj } from '../object.ts';
import type { HashValue } from '../types/hash.ts';
import type { ListValue } from '../types/list.ts';
import type { SetValue } from '../types/set.ts';
import type { StreamValue } from '../types/stream.ts';
import type { ZSetValue } from '../types/zset.ts';
import { crc64LE } from './crc64.ts';
import { RdbWriter, uintLE } from './encoding.ts';
import { encodeIntset } from './intset.ts';
import { encodeEntry, encodeListpack, listpackFromEntries, listpackSize } from './listpack.ts';
import { saveStream } from './stream.ts';
import { QUICKLIST_NODE_CONTAINER_PACKED, QUICKLIST_NODE_CONTAINER_PLAIN, RDB_TYPE, RDB_VERSION } from './types.ts';

export interface DumpOptions {
  /** rdbcompression: LZF-compress strings longer than 20 bytes. */
  compress: boolean;
  /** list-max-listpack-size: how the quicklist splits a list into nodes. */
  listFill: number;
}

/** createDumpPayload: the DUMP reply for a stored object. */
export function createDumpPayload(o: RObj, opts: DumpOptions): string {
  const w = new RdbWriter(opts.compress);
  saveObject(w, o, opts);
  w.raw(uintLE(RDB_VERSION, 2));
  const body = w.toString();
  return body + crc64LE(body);
}

function saveObject(w: RdbWriter, o: RObj, opts: DumpOptions): void {
  switch (o.type) {
    case 'string':
      w.byte(RDB_TYPE.STRING);
      return w.string(o.value as string);
    case 'list':
      return saveList(w, o.value as ListValue, opts.listFill);
    case 'set': {
      const set = o.value as SetValue;
      if (o.enc === 'intset') {
        w.byte(RDB_TYPE.SET_INTSET);
        return w.string(encodeIntset([...set.values()]));
      }
      w.byte(RDB_TYPE.SET);
      w.len(set.size);
      for (const m of set.values()) w.string(m);
      return;
    }
    case 'zset': {
      const z = o.value as ZSetValue;
      if (o.enc === 'listpack') {
        w.byte(RDB_TYPE.ZSET_LISTPACK);
        const flat: string[] = [];
        for (const n of z.entries()) flat.push(n.ele, d2string(n.score));
        return w.string(encodeListpack(flat));
      }
      // Greatest first, so that loading always inserts at the head of the skip list.
      w.byte(RDB_TYPE.ZSET_2);
      w.len(z.size);
      for (let n = z.zsl.tail; n !== null; n = n.backward) {
        w.string(n.ele);
        w.binaryDouble(n.score);
      }
      return;
    }
    case 'hash': {
      const h = o.value as HashValue;
      if (o.enc === 'listpack') {
        w.byte(RDB_TYPE.HASH_LISTPACK);
        const flat: string[] = [];
        for (const [f, v] of h.entries()) flat.push(f, v);
        return w.string(encodeListpack(flat));
      }
      w.byte(RDB_TYPE.HASH);
      w.len(h.size);
      for (const [f, v] of h.entries()) {
        w.string(f);
        w.string(v);
      }
      return;
    }
    case 'stream':
      return saveStream(w, o.value as StreamValue);
    default:
      throw new Error(`DUMP of a ${o.type} value is not supported`);
  }
}

/** packed_threshold: elements this large get a plain (non-listpack) node of their own. */
const PACKED_THRESHOLD = 1 << 30;
/** SIZE_SAFETY_LIMIT: a count-limited node still never grows past this many bytes. */
const SIZE_SAFETY_LIMIT = 8192;
/** SIZE_ESTIMATE_OVERHEAD: the (over)estimate of one entry's listpack overhead. */
const SIZE_ESTIMATE_OVERHEAD = 8;
/** optimization_level: the node byte limits of list-max-listpack-size -1 ... -5. */
const OPTIMIZATION_LEVEL = [4096, 8192, 16384, 32768, 65536];
/** quicklistSetFill's clamp. */
const FILL_MIN = -5;
const FILL_MAX = 32767;

/**
 * _quicklistNodeAllowInsert + quicklistNodeExceedsLimit: whether an element of sz
 * bytes joins a node of nodeSize bytes and count entries. A negative fill limits
 * the node's (estimated) bytes, a positive one its entries, within 8KB.
 */
function nodeAllowsInsert(nodeSize: number, count: number, fill: number, sz: number): boolean {
  const newSize = nodeSize + sz + SIZE_ESTIMATE_OVERHEAD;
  if (fill < 0) return newSize <= OPTIMIZATION_LEVEL[-fill - 1];
  if (newSize > SIZE_SAFETY_LIMIT) return false;
  return count + 1 <= (fill === 0 ? 1 : fill);
}

/**
 * A list as RDB_TYPE_LIST_QUICKLIST_2: the number of nodes, then per node its
 * container and its listpack (or, for a plain node, the element itself). Nodes are
 * cut as quicklistPushTail would cut them for the list built by RPUSH.
 */
function saveList(w: RdbWriter, list: ListValue, fillConfig: number): void {
  const fill = Math.min(FILL_MAX, Math.max(FILL_MIN, fillConfig));
  const nodes: { plain: boolean; blob: string }[] = [];
  let entries = '';
  let count = 0;
  const closeNode = (): void => {
    if (count !== 0) nodes.push({ plain: false, blob: listpackFromEntries(entries, count) });
    entries = '';
    count = 0;
  };
  for (let i = 0; i < list.length; i++) {
    const e = list.get(i);
    if (e.length >= PACKED_THRESHOLD) {
      closeNode();
      nodes.push({ plain: true, blob: e });
      continue;
    }
    if (count !== 0 && !nodeAllowsInsert(listpackSize(entries.length), count, fill, e.length)) closeNode();
    entries += encodeEntry(e);
    count++;
  }
  closeNode();
  w.byte(RDB_TYPE.LIST_QUICKLIST_2);
  w.len(nodes.length);
  for (const n of nodes) {
    w.len(n.plain ? QUICKLIST_NODE_CONTAINER_PLAIN : QUICKLIST_NODE_CONTAINER_PACKED);
    w.string(n.blob);
  }
}
