// The RDB object type bytes (rdb.h) that a DUMP payload starts with.
export const RDB_TYPE = {
  STRING: 0,
  LIST: 1,
  SET: 2,
  ZSET: 3,
  HASH: 4,
  ZSET_2: 5,
  SET_INTSET: 11,
  HASH_LISTPACK: 16,
  ZSET_LISTPACK: 17,
  LIST_QUICKLIST_2: 18,
  STREAM_LISTPACKS: 15,
  STREAM_LISTPACKS_2: 19,
} as const;

/** RDB_VERSION of Redis 7.0: DUMP writes it, RESTORE refuses anything newer. */
export const RDB_VERSION = 10;

/** quicklist node containers (quicklist.h). */
export const QUICKLIST_NODE_CONTAINER_PLAIN = 1;
export const QUICKLIST_NODE_CONTAINER_PACKED = 2;
