// HyperLogLog commands (hyperloglog.c): PFADD, PFCOUNT, PFMERGE, PFDEBUG and
// PFSELFTEST. An HLL is a plain string value (types/hll.ts edits its bytes);
// every command validates it as isHLLObjectOrReply does.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { dbAdd, lookupRead, lookupWrite, newObject, notify } from '../keyspace.ts';
import { N } from '../notify.ts';
import type { RObj } from '../object.ts';
import { type Reply, array, bulk, intReply, OK, ONE, simple, ZERO } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import {
  HLL_DENSE, HLL_REGISTERS, HLL_SPARSE, HllBuffer, decodeSparse, denseRegister,
  hllAdd, hllCount, hllMerge, hllSet, isValidHll, rawCount, selfTest, sparseToDense,
} from '../types/hll.ts';
import { eqi } from '../util/parse.ts';
import { cOption } from './string-ops.ts';

/** isHLLObjectOrReply: WRONGTYPE for other types and for strings that are not an HLL. */
function checkHll(o: RObj): string {
  if (o.type !== 'string') fail(E.WRONGTYPE);
  // An int-encoded string is never an HLL (sdsEncodedObject fails), nor is anything short.
  if (o.enc === 'int' || !isValidHll(o.value as string)) fail(E.HLL_WRONGTYPE);
  return o.value as string;
}

/** dbUnshareStringValue: the value is about to be edited in place, so it is a raw string. */
function unshare(o: RObj): void {
  o.enc = 'raw';
  if (o.unshared) delete o.unshared;
}

/** The uint64 cardinality as addReplyLongLong sends it (a signed long long). */
const cardReply = (card: number | bigint): Reply =>
  intReply(typeof card === 'bigint' ? BigInt.asIntN(64, card) : card);

/** PFADD key [element ...]: 1 if the key was created or a register changed. */
function pfadd(c: Client): Reply {
  const argv = c.argv;
  const key = argv[1];
  let o = lookupWrite(c, key);
  let updated = 0;
  let h: HllBuffer;
  if (o === undefined) {
    h = HllBuffer.empty();
    o = newObject(c, 'string', 'raw', h.toString());
    dbAdd(c, key, o);
    updated++;
  } else {
    h = HllBuffer.fromString(checkHll(o));
    unshare(o);
  }
  const sparseMax = c.server.config.hllSparseMaxBytes;
  for (let j = 2; j < argv.length; j++) {
    const r = hllAdd(h, argv[j], sparseMax);
    if (r === 1) updated++;
    else if (r === -1) {
      // Registers set before the corrupted part was met stay set, as in Redis.
      o.value = h.toString();
      return fail(E.HLL_CORRUPTED);
    }
  }
  if (updated !== 0) {
    h.invalidateCache();
    o.value = h.toString();
    c.server.signalModifiedKey(c.db, key);
    notify(c, N.STRING, 'pfadd', key);
    c.server.dirty += updated;
  }
  return updated !== 0 ? ONE : ZERO;
}

/**
 * PFCOUNT key [key ...]. One key: the cached cardinality, or a fresh estimate
 * written back into the header (a change that is propagated). Several keys:
 * the estimate of their union, nothing written.
 */
function pfcount(c: Client): Reply {
  const argv = c.argv;
  if (argv.length > 2) {
    const max = new Uint8Array(HLL_REGISTERS);
    for (let j = 1; j < argv.length; j++) {
      const o = lookupRead(c, argv[j]);
      if (o === undefined) continue;
      if (!hllMerge(max, HllBuffer.fromString(checkHll(o)))) fail(E.HLL_CORRUPTED);
    }
    return cardReply(rawCount(max));
  }
  const key = argv[1];
  const o = lookupRead(c, key);
  if (o === undefined) return ZERO;
  const h = HllBuffer.fromString(checkHll(o));
  unshare(o);
  if (h.isCacheValid()) return cardReply(h.cachedCard());
  const card = hllCount(h) ?? fail(E.HLL_CORRUPTED);
  h.setCachedCard(card);
  o.value = h.toString();
  c.server.signalModifiedKey(c.db, key);
  c.server.dirty++;
  return cardReply(card);
}

/** PFMERGE destkey [sourcekey ...]: the register-wise max of all (dest included) into dest. */
function pfmerge(c: Client): Reply {
  const argv = c.argv;
  const max = new Uint8Array(HLL_REGISTERS);
  let useDense = false;
  for (let j = 1; j < argv.length; j++) {
    const o = lookupRead(c, argv[j]);
    if (o === undefined) continue;
    const h = HllBuffer.fromString(checkHll(o));
    if (h.encoding === HLL_DENSE) useDense = true;
    if (!hllMerge(max, h)) fail(E.HLL_CORRUPTED);
  }
  const key = argv[1];
  let o = lookupWrite(c, key);
  let h: HllBuffer;
  if (o === undefined) {
    h = HllBuffer.empty();
    o = newObject(c, 'string', 'raw', '');
    dbAdd(c, key, o);
  } else {
    // Already validated as one of the sources.
    h = HllBuffer.fromString(o.value as string);
    unshare(o);
  }
  if (useDense && !sparseToDense(h)) {
    o.value = h.toString();
    return fail(E.HLL_CORRUPTED);
  }
  const sparseMax = c.server.config.hllSparseMaxBytes;
  for (let j = 0; j < HLL_REGISTERS; j++) {
    if (max[j] !== 0) hllSet(h, j, max[j], sparseMax);
  }
  h.invalidateCache();
  o.value = h.toString();
  c.server.signalModifiedKey(c.db, key);
  // A merge is a mass add: Redis reports it as a pfadd event.
  notify(c, N.STRING, 'pfadd', key);
  c.server.dirty++;
  return OK;
}

/** The subcommand name as strcasecmp and %s see it: up to a NUL, newlines as spaces. */
const subcommandText = (s: string): string => cOption(s).replace(/[\r\n]/g, ' ');

/** PFDEBUG GETREG|DECODE|ENCODING|TODENSE key (arity 3, checked by dispatch). */
function pfdebug(c: Client): Reply {
  const [, sub, key] = c.argv;
  const o = lookupWrite(c, key);
  if (o === undefined) fail(E.PFDEBUG_NO_KEY);
  const h = HllBuffer.fromString(checkHll(o));
  unshare(o);
  const name = cOption(sub);
  const toDense = (): boolean => {
    if (h.encoding !== HLL_SPARSE) return false;
    if (!sparseToDense(h)) fail(E.HLL_CORRUPTED);
    o.value = h.toString();
    // Force propagation of the encoding change.
    c.server.dirty++;
    return true;
  };
  if (eqi(name, 'getreg')) {
    toDense();
    const regs: Reply[] = new Array(HLL_REGISTERS);
    for (let j = 0; j < HLL_REGISTERS; j++) regs[j] = intReply(denseRegister(h, j));
    return array(regs);
  }
  if (eqi(name, 'decode')) {
    if (h.encoding !== HLL_SPARSE) fail(E.PFDEBUG_NOT_SPARSE);
    return bulk(decodeSparse(h));
  }
  if (eqi(name, 'encoding')) return simple(h.encoding === HLL_DENSE ? 'dense' : 'sparse');
  if (eqi(name, 'todense')) return toDense() ? ONE : ZERO;
  return fail(E.PFDEBUG_UNKNOWN(subcommandText(sub)));
}

/** PFSELFTEST: Redis's self-test of the HLL implementation (types/hll.ts selfTest). */
function pfselftest(c: Client): Reply {
  const failure = selfTest(c.server.random, c.server.config.hllSparseMaxBytes);
  return failure === null ? OK : fail(failure);
}

export const hyperloglogCommands: Record<string, Handler> = {
  pfadd, pfcount, pfmerge, pfdebug, pfselftest,
};
