// DUMP and RESTORE (cluster.c dumpCommand, restoreCommand): a value in Redis's own
// serialization (rdb/save.ts, rdb/load.ts), so payloads move between redmoon and
// redis-server 7.0 in both directions.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { dbAdd, dbDelete, lookupRead, lookupWrite, newObject, notify, setExpire } from '../keyspace.ts';
import { N } from '../notify.ts';
import { isLfuPolicy } from '../object.ts';
import { RdbFormatError } from '../rdb/encoding.ts';
import { loadDumpPayload, type LoadedValue, verifyDumpPayload } from '../rdb/load.ts';
import { createDumpPayload } from '../rdb/save.ts';
import { bulk, NULL, OK, type Reply } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { argInt64, eqi } from '../util/parse.ts';

function dump(c: Client): Reply {
  const o = lookupRead(c, c.argv[1]);
  if (o === undefined) return NULL;
  const cfg = c.server.config;
  const compress = (cfg.extra.get('rdbcompression') ?? 'yes') === 'yes';
  return bulk(createDumpPayload(o, { compress, listFill: cfg.listMaxListpackSize }));
}

/** LRU_CLOCK_MAX: Redis's access clock is 24 bits of seconds. */
const LRU_CLOCK_MAX = (1 << 24) - 1;

/**
 * The idle time OBJECT IDLETIME shows after RESTORE ... IDLETIME idle. Redis
 * stores the access time (clock - idle) in the object's 24-bit LRU field, so an
 * idle time longer than the clock's current value wraps around
 * (estimateObjectIdleTime then reads the wrapped distance).
 */
function restoredIdleSeconds(lruClockMs: number, idle: bigint): number {
  const clock = Math.floor(lruClockMs / 1000) & LRU_CLOCK_MAX;
  const stored = Number(BigInt.asUintN(24, BigInt(clock) - idle));
  return clock >= stored ? clock - stored : clock + (LRU_CLOCK_MAX - stored);
}

/** RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]. */
function restore(c: Client): Reply {
  const argv = c.argv;
  const srv = c.server;
  let replace = false;
  let absttl = false;
  let idle: bigint | null = null;
  let freq: bigint | null = null;
  for (let j = 4; j < argv.length; j++) {
    const more = argv.length - j - 1;
    if (eqi(argv[j], 'replace')) {
      replace = true;
    } else if (eqi(argv[j], 'absttl')) {
      absttl = true;
    } else if (eqi(argv[j], 'idletime') && more >= 1 && freq === null) {
      // IDLETIME and FREQ exclude each other: the second one is a syntax error.
      idle = argInt64(argv[++j]);
      if (idle < 0n) fail(E.RESTORE_BAD_IDLETIME);
    } else if (eqi(argv[j], 'freq') && more >= 1 && idle === null) {
      freq = argInt64(argv[++j]);
      if (freq < 0n || freq > 255n) fail(E.RESTORE_BAD_FREQ);
    } else {
      fail(E.SYNTAX);
    }
  }
  const key = argv[1];
  if (!replace && lookupWrite(c, key) !== undefined) fail(E.BUSYKEY);
  let ttl = argInt64(argv[2]);
  if (ttl < 0n) fail(E.RESTORE_BAD_TTL);
  const payload = argv[3];
  if (!verifyDumpPayload(payload)) fail(E.DUMP_PAYLOAD_INVALID);
  let loaded: LoadedValue;
  try {
    loaded = loadDumpPayload(payload, srv.config);
  } catch (e) {
    if (e instanceof RdbFormatError) fail(E.BAD_DATA_FORMAT);
    throw e;
  }

  const deleted = replace && dbDelete(c, key);
  // Redis adds the current time without an overflow check: the sum wraps.
  if (ttl !== 0n && !absttl) ttl = BigInt.asIntN(64, ttl + BigInt(srv.cmdTime));
  if (ttl !== 0n && ttl <= BigInt(srv.cmdTime) && !srv.isReplica) {
    // Already expired: the value is dropped; a replaced key is deleted, and
    // replicas and the AOF get that DEL (or UNLINK) instead of the RESTORE.
    if (deleted) {
      c.rewriteArgv([srv.config.lazyfreeLazyServerDel ? 'UNLINK' : 'DEL', key]);
      srv.signalModifiedKey(c.db, key);
      notify(c, N.GENERIC, 'del', key);
      srv.dirty++;
    }
    return OK;
  }

  const o = newObject(c, loaded.type, loaded.enc, loaded.value);
  dbAdd(c, key, o);
  if (ttl !== 0n) {
    setExpire(c, key, Number.isSafeInteger(Number(ttl)) ? Number(ttl) : ttl);
    // A relative TTL is propagated as the absolute time it became.
    if (!absttl) c.rewriteArgv([...argv.slice(0, 2), String(ttl), ...argv.slice(3), 'ABSTTL']);
  }
  // objectSetLRUOrLFU: FREQ only counts under an LFU policy, IDLETIME only under LRU.
  if (isLfuPolicy(srv.config.maxmemoryPolicy)) {
    if (freq !== null) o.lfu = Number(freq);
  } else if (idle !== null) {
    o.lru = srv.lruClock - restoredIdleSeconds(srv.lruClock, idle) * 1000;
  }
  notify(c, N.GENERIC, 'restore', key);
  srv.dirty++;
  return OK;
}

export const dumpCommands: Record<string, Handler> = {
  dump,
  restore,
  // The cluster-internal variant MIGRATE sends; the same command outside a cluster.
  'restore-asking': restore,
};
