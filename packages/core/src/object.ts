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
  /** Its share of used_memory when last measured (memory.ts keyMemory; Db keeps the total). */
  mem?: number;
  /**
   * Set on an int-encoded string held in a private object although its value is in the
   * shared range (COPY's dupStringObject makes these): OBJECT REFCOUNT then reports 1.
   */
  unshared?: true;
}

/** Redis's OBJ_SHARED_INTEGERS: string values 0..9999 are one of preallocated shared objects. */
export const SHARED_INTEGERS = 10000;
/**
 * Whether o is (in Redis) one of the shared integer objects: an int-encoded
 * string 0..9999 created while sharing is allowed (maxmemory unset, or a policy
 * other than LRU/LFU). All keys holding the same shared integer share its refcount
 * and its access time.
 */
export function isSharedInteger(o: RObj, maxmemory: number, policy: string): boolean {
  if (o.enc !== 'int' || o.unshared) return false;
  if (maxmemory !== 0 && /-(lru|lfu)$/.test(policy)) return false;
  const v = Number(o.value);
  return v >= 0 && v < SHARED_INTEGERS;
}

/** OBJ_SHARED_REFCOUNT (INT_MAX): the refcount OBJECT REFCOUNT shows for a shared object. */
export const SHARED_REFCOUNT = 2147483647;

/**
 * Deep-copies a value of one type for COPY (Redis's dupStringObject, listTypeDup,
 * setTypeDup, zsetDup, hashTypeDup, streamDup). The copy keeps the encoding, so a copier
 * only duplicates the structure; the keyspace wraps it in a fresh RObj.
 */
export type ValueCopier = (value: unknown) => unknown;

// Strings are immutable JS strings: sharing them is a copy.
const copiers = new Map<RedisType, ValueCopier>([['string', (v) => v]]);

/** Each data type module registers how its values are duplicated (at import time). */
export function registerTypeCopier(type: RedisType, copy: ValueCopier): void {
  copiers.set(type, copy);
}

/** An independent copy of o's value, through the copier registered for its type. */
export function copyValue(o: RObj): unknown {
  const copy = copiers.get(o.type);
  if (copy === undefined) throw new Error(`no value copier registered for type ${o.type}`);
  return copy(o.value);
}

export interface StringObj extends RObj {
  type: 'string';
  enc: 'raw' | 'int' | 'embstr';
  value: string;
}

/**
 * The longest string value redmoon can hold: V8's String::kMaxLength on 64-bit
 * (2^29 - 24 chars, one byte each), 24 bytes short of Redis's default 512MB
 * proto-max-bulk-len. Commands that grow a string check against
 * maxStringLength(), so in that last window they refuse with Redis's own
 * size error instead of failing inside the engine.
 */
export const V8_MAX_STRING_BYTES = 2 ** 29 - 24;

/** The size limit for string results: proto-max-bulk-len, capped by what V8 can hold. */
export const maxStringLength = (protoMaxBulkLen: number): number => Math.min(protoMaxBulkLen, V8_MAX_STRING_BYTES);

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

// LFU (evict.c). Redis packs the last access minute and the counter into o->lru;
// here `lru` keeps the last access time in ms and `lfu` the counter.

/** Redis's LFU_INIT_VAL: the counter of a new object, so it is not evicted at once. */
export const LFU_INIT_VAL = 5;

/** Whether maxmemory-policy is an LFU one (MAXMEMORY_FLAG_LFU). */
export const isLfuPolicy = (policy: string): boolean => policy.endsWith('-lfu');

/** LFUGetTimeInMinutes: the minute clock, 16 bits. */
const lfuMinutes = (ms: number): number => Math.floor(ms / 60000) & 65535;

/** LFUDecrAndReturn: the counter decremented by one per lfu-decay-time minutes idle. */
export function lfuDecrAndReturn(o: RObj, now: number, decayTime: number): number {
  const last = lfuMinutes(o.lru);
  const cur = lfuMinutes(now);
  const elapsed = cur >= last ? cur - last : 65535 - last + cur;
  const periods = decayTime > 0 ? Math.floor(elapsed / decayTime) : 0;
  return periods > o.lfu ? 0 : o.lfu - periods;
}

/** LFULogIncr: increment with probability 1/((counter-LFU_INIT_VAL)*lfu-log-factor+1). */
export function lfuLogIncr(counter: number, logFactor: number, rand: () => number): number {
  if (counter === 255) return 255;
  const base = Math.max(0, counter - LFU_INIT_VAL);
  return rand() < 1 / (base * logFactor + 1) ? counter + 1 : counter;
}
