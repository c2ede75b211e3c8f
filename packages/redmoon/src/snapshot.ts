// Datasets as JSON: what snapshot() writes, load() reads, and `redmoon eval --data`
// and `redmoon dump` use. The format (version 1):
//
//   { "redmoon": 1,
//     "dbs": { "0": [ { "key": "user:1", "type": "hash", "value": [["name", "Ada"]], "expireAt": 1700000000000 }, ... ] } }
//
// - Every byte string (key, member, field, value) is a JSON string when its bytes
//   are valid UTF-8, and { "base64": "..." } otherwise, so files stay readable
//   and binary data round-trips exactly.
// - value by type: string: a byte string; list: [items] (head first); set:
//   [members]; hash: [[field, value], ...]; zset: [[member, score], ...] (score a
//   number, or "inf" / "-inf"); stream: [[id, [[field, value], ...]], ...].
// - expireAt: the absolute expiry in Unix ms. load() also accepts "ttl": ms from
//   the moment of loading, handy in hand-written fixtures.
// Values are read and written with ordinary commands (LRANGE/RPUSH, ...), so the
// format does not depend on encodings; streams keep their entries only (not
// consumer groups or the last-id of deleted entries).
import { isAscii } from './args.ts';
import { type Client, type RedisServer, type Reply, formatDouble } from '@redmoon/core';

export type SnapshotBytes = string | { base64: string };
export type SnapshotValue =
  | SnapshotBytes
  | SnapshotBytes[]
  | [SnapshotBytes, SnapshotBytes][]
  | [SnapshotBytes, number | 'inf' | '-inf'][]
  | [string, [SnapshotBytes, SnapshotBytes][]][];

export interface SnapshotKey {
  key: SnapshotBytes;
  type: 'string' | 'list' | 'set' | 'hash' | 'zset' | 'stream';
  value: SnapshotValue;
  expireAt?: number;
  ttl?: number;
}

export interface Snapshot {
  redmoon: 1;
  dbs: Record<string, SnapshotKey[]>;
}

// Isomorphic (no Buffer): the playground keeps its dataset in this format too.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const utf8 = new TextEncoder();

function latin1FromUtf8(s: string): string {
  const bytes = utf8.encode(s);
  let out = '';
  // In chunks: fromCharCode's argument count is bounded by the stack.
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** A byte string for the JSON file. */
export function bytesToJson(s: string): SnapshotBytes {
  if (isAscii(s)) return s;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // btoa takes a latin1 string: exactly our byte strings.
    return { base64: btoa(s) };
  }
}

/** A byte string from the JSON file. */
export function bytesFromJson(b: SnapshotBytes): string {
  if (typeof b === 'string') return isAscii(b) ? b : latin1FromUtf8(b);
  if (b !== null && typeof b === 'object' && typeof b.base64 === 'string') return atob(b.base64);
  throw new Error(`redmoon snapshot: expected a string or { base64 }, got ${JSON.stringify(b)}`);
}

/** Runs commands for snapshot/load on a private session, failing loudly on error replies. */
class Runner {
  constructor(private readonly server: RedisServer, private readonly c: Client) {}

  run(argv: string[]): Reply {
    const r = this.server.execute(this.c, argv);
    if (r.t === 'error') throw new Error(`redmoon snapshot: ${argv[0]} failed: ${r.v}`);
    return r;
  }

  strings(argv: string[]): string[] {
    const r = this.run(argv);
    if (r.t === 'map') return r.v.flatMap(([k, v]) => [text(k), text(v)]);
    if (r.t !== 'array' && r.t !== 'set') throw new Error(`redmoon snapshot: unexpected ${r.t} reply to ${argv[0]}`);
    return r.v.map(text);
  }
}

function text(r: Reply): string {
  if (r.t === 'bulk' || r.t === 'simple' || r.t === 'verbatim' || r.t === 'bignum') return r.v;
  if (r.t === 'int') return String(r.v);
  // As RESP2 sends it (%.17g, inf, -inf).
  if (r.t === 'double') return r.text ?? formatDouble(r.v);
  throw new Error(`redmoon snapshot: unexpected ${r.t} element`);
}

function pairs(flat: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}

/** Every key of every database, with its value and expiry. */
export function takeSnapshot(server: RedisServer): Snapshot {
  const c = server.createClient();
  const run = new Runner(server, c);
  const dbs: Record<string, SnapshotKey[]> = {};
  try {
    const now = server.clock.now();
    for (const db of server.dbs) {
      const keys: SnapshotKey[] = [];
      run.run(['SELECT', String(db.id)]);
      for (const key of [...db.dict.keys()]) {
        const expireAt = db.expires.get(key);
        if (expireAt !== undefined && expireAt < now) continue;
        const entry = readKey(run, key, db.dict.get(key)!.type);
        if (entry === null) continue;
        if (expireAt !== undefined) entry.expireAt = expireAt;
        keys.push(entry);
      }
      if (keys.length !== 0) dbs[String(db.id)] = keys;
    }
  } finally {
    server.removeClient(c);
  }
  return { redmoon: 1, dbs };
}

function readKey(run: Runner, key: string, type: string): SnapshotKey | null {
  const k = bytesToJson(key);
  switch (type) {
    case 'string': {
      const r = run.run(['GET', key]);
      return r.t === 'bulk' ? { key: k, type, value: bytesToJson(r.v) } : null;
    }
    case 'list': return { key: k, type, value: run.strings(['LRANGE', key, '0', '-1']).map(bytesToJson) };
    case 'set': return { key: k, type, value: run.strings(['SMEMBERS', key]).map(bytesToJson) };
    case 'hash':
      return {
        key: k,
        type,
        value: pairs(run.strings(['HGETALL', key])).map(([f, v]): [SnapshotBytes, SnapshotBytes] => [bytesToJson(f), bytesToJson(v)]),
      };
    case 'zset':
      return {
        key: k,
        type,
        value: pairs(run.strings(['ZRANGE', key, '0', '-1', 'WITHSCORES']))
          .map(([m, s]): [SnapshotBytes, number | 'inf' | '-inf'] => [bytesToJson(m), score(s)]),
      };
    case 'stream': {
      const r = run.run(['XRANGE', key, '-', '+']);
      if (r.t !== 'array') throw new Error('redmoon snapshot: unexpected XRANGE reply');
      const entries = r.v.map((e): [string, [SnapshotBytes, SnapshotBytes][]] => {
        if (e.t !== 'array' || e.v[1].t !== 'array') throw new Error('redmoon snapshot: unexpected XRANGE entry');
        return [text(e.v[0]), pairs(e.v[1].v.map(text)).map(([f, v]): [SnapshotBytes, SnapshotBytes] => [bytesToJson(f), bytesToJson(v)])];
      });
      return { key: k, type, value: entries };
    }
    default:
      throw new Error(`redmoon snapshot: keys of type ${type} are not supported`);
  }
}

function score(s: string): number | 'inf' | '-inf' {
  if (s === 'inf' || s === '-inf') return s;
  return Number(s);
}

/** Add a snapshot's keys (replacing keys of the same names). */
export function loadSnapshot(server: RedisServer, snap: Snapshot): void {
  if (snap === null || typeof snap !== 'object' || snap.redmoon !== 1 || typeof snap.dbs !== 'object') {
    throw new Error('redmoon snapshot: not a redmoon snapshot (expected { "redmoon": 1, "dbs": {...} })');
  }
  const c = server.createClient();
  const run = new Runner(server, c);
  try {
    const now = server.clock.now();
    for (const [dbId, keys] of Object.entries(snap.dbs)) {
      run.run(['SELECT', dbId]);
      for (const entry of keys) writeKey(run, entry, now);
    }
  } finally {
    server.removeClient(c);
  }
}

function writeKey(run: Runner, e: SnapshotKey, now: number): void {
  const key = bytesFromJson(e.key);
  run.run(['DEL', key]);
  const v = e.value;
  const list = (): SnapshotBytes[] => {
    if (!Array.isArray(v)) throw new Error(`redmoon snapshot: the value of a ${e.type} must be an array`);
    return v as SnapshotBytes[];
  };
  switch (e.type) {
    case 'string':
      run.run(['SET', key, bytesFromJson(v as SnapshotBytes)]);
      break;
    case 'list':
      if (list().length) run.run(['RPUSH', key, ...list().map(bytesFromJson)]);
      break;
    case 'set':
      if (list().length) run.run(['SADD', key, ...list().map(bytesFromJson)]);
      break;
    case 'hash': {
      const fields = (list() as unknown as [SnapshotBytes, SnapshotBytes][]).flatMap(([f, x]) => [bytesFromJson(f), bytesFromJson(x)]);
      if (fields.length) run.run(['HSET', key, ...fields]);
      break;
    }
    case 'zset': {
      const members = (list() as unknown as [SnapshotBytes, number | string][]).flatMap(([m, s]) => [String(s), bytesFromJson(m)]);
      if (members.length) run.run(['ZADD', key, ...members]);
      break;
    }
    case 'stream':
      for (const [id, fields] of list() as unknown as [string, [SnapshotBytes, SnapshotBytes][]][]) {
        run.run(['XADD', key, id, ...fields.flatMap(([f, x]) => [bytesFromJson(f), bytesFromJson(x)])]);
      }
      break;
    default:
      throw new Error(`redmoon snapshot: unknown type ${JSON.stringify((e as { type: unknown }).type)}`);
  }
  const at = e.expireAt ?? (e.ttl !== undefined ? now + e.ttl : undefined);
  if (at !== undefined) run.run(['PEXPIREAT', key, String(Math.trunc(at))]);
}
