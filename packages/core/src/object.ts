// The value objects stored in the keyspace (Redis's robj). Each data type's
// module owns its value representation; `enc` is what OBJECT ENCODING reports.

export type RedisType = 'string' | 'list' | 'set' | 'zset' | 'hash' | 'stream';

export type Encoding =
  | 'raw' | 'int' | 'embstr'
  | 'listpack' | 'quicklist' | 'intset' | 'hashtable' | 'skiplist' | 'stream';

export interface RObj {
  type: RedisType;
  enc: Encoding;
  /** string: the latin1 byte string; other types: their module's structure. */
  value: unknown;
  /** Last access time in ms (OBJECT IDLETIME, LRU eviction). */
  lru: number;
  /** LFU counter (OBJECT FREQ, LFU eviction); Redis's LFU_INIT_VAL is 5. */
  lfu: number;
  /** Stable insertion id inside its Db: SCAN cursors are built on it. */
  id: number;
}

export interface StringObj extends RObj {
  type: 'string';
  enc: 'raw' | 'int' | 'embstr';
  value: string;
}

/** Redis's OBJ_ENCODING_EMBSTR_SIZE_LIMIT. */
export const EMBSTR_LIMIT = 44;

/**
 * The encoding Redis gives a freshly created string value (createStringObject +
 * tryObjectEncoding): int if it is a canonical int64 of at most 20 chars, embstr up
 * to 44 bytes, raw above.
 */
export function stringEncodingFor(v: string, canonicalInt: boolean): 'raw' | 'int' | 'embstr' {
  if (canonicalInt) return 'int';
  return v.length <= EMBSTR_LIMIT ? 'embstr' : 'raw';
}
