// Expire commands (expire.c): EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT with the 7.0
// NX/XX/GT/LT options, TTL, PTTL, EXPIRETIME, PEXPIRETIME and PERSIST.
//
// Expire times are int64 milliseconds in Redis. They are computed here with bigint
// so that overflow checks and huge values (PEXPIREAT k 9223372036854775807) behave
// exactly; the Db keeps the exact value when it is beyond 2^53.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { lookupReadNoTouch, lookupWrite, notify, setExpire } from '../keyspace.ts';
import { N } from '../notify.ts';
import { type Reply, NEG_ONE, NEG_TWO, ONE, ZERO, intReply } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { LLONG_MAX, LLONG_MIN, argInt64, eqi } from '../util/parse.ts';

const EXPIRE_NX = 1;
const EXPIRE_XX = 2;
const EXPIRE_GT = 4;
const EXPIRE_LT = 8;

/**
 * An option as addReplyErrorFormat prints it at the end of an error: a C string (cut at
 * the first NUL), trailing CR/LF trimmed, inner ones turned into spaces.
 */
function formatTrailingArg(s: string): string {
  const nul = s.indexOf('\0');
  return (nul < 0 ? s : s.slice(0, nul)).replace(/[\r\n]+$/, '').replace(/[\r\n]/g, ' ');
}

/** parseExtendedExpireArgumentsOrReply: the NX/XX/GT/LT flags after `key time`. */
function parseExpireFlags(argv: string[]): number {
  let flags = 0;
  for (let j = 3; j < argv.length; j++) {
    const opt = argv[j];
    if (eqi(opt, 'nx')) flags |= EXPIRE_NX;
    else if (eqi(opt, 'xx')) flags |= EXPIRE_XX;
    else if (eqi(opt, 'gt')) flags |= EXPIRE_GT;
    else if (eqi(opt, 'lt')) flags |= EXPIRE_LT;
    else fail(E.EXPIRE_UNSUPPORTED_OPTION(formatTrailingArg(opt)));
  }
  if (flags & EXPIRE_NX && flags & (EXPIRE_XX | EXPIRE_GT | EXPIRE_LT)) fail(E.EXPIRE_NX_AND_OTHERS);
  if (flags & EXPIRE_GT && flags & EXPIRE_LT) fail(E.EXPIRE_GT_AND_LT);
  return flags;
}

/** The current expire of key as an exact int64, or -1 (getExpire). */
function currentExpire(c: Client, key: string): bigint {
  const when = c.db.getExpireExact(key);
  return when === undefined ? -1n : BigInt(when);
}

/** Whether the NX/XX/GT/LT conditions let `when` replace the key's current expire. */
function expireConditionsHold(c: Client, key: string, when: bigint, flags: number): boolean {
  if (flags === 0) return true;
  const current = currentExpire(c, key);
  if (flags & EXPIRE_NX && current !== -1n) return false;
  if (flags & EXPIRE_XX && current === -1n) return false;
  // No expire counts as an infinite TTL: GT always fails, LT always passes.
  if (flags & EXPIRE_GT && (current === -1n || when <= current)) return false;
  if (flags & EXPIRE_LT && current !== -1n && when >= current) return false;
  return true;
}

/**
 * expireGenericCommand. `relative` adds the command time (EXPIRE, PEXPIRE); `seconds`
 * scales the argument (EXPIRE, EXPIREAT). The options are parsed before the time, so
 * `EXPIRE k x foo` reports the option.
 */
function expireGeneric(c: Client, relative: boolean, seconds: boolean): Reply {
  const argv = c.argv;
  const key = argv[1];
  const flags = parseExpireFlags(argv);
  let when = argInt64(argv[2]);
  const basetime = relative ? BigInt(c.server.cmdTime) : 0n;
  // Negative times are allowed, but overflow of the unit conversion or of the
  // basetime addition is an error.
  if (seconds) {
    if (when > LLONG_MAX / 1000n || when < LLONG_MIN / 1000n) fail(E.INVALID_EXPIRE(c.cmd!.fullname));
    when *= 1000n;
  }
  if (when > LLONG_MAX - basetime) fail(E.INVALID_EXPIRE(c.cmd!.fullname));
  when += basetime;

  if (lookupWrite(c, key) === undefined) return ZERO;
  if (!expireConditionsHold(c, key, when, flags)) return ZERO;

  const srv = c.server;
  // A time in the past deletes the key, and replicas/AOF get a DEL (or UNLINK) instead.
  // A replica keeps the key with its past expire and waits for the master's DEL.
  if (when <= BigInt(srv.cmdTime) && !srv.isReplica) {
    c.db.delete(key);
    srv.dirty++;
    c.rewriteArgv([srv.config.lazyfreeLazyExpire ? 'UNLINK' : 'DEL', key]);
    srv.signalModifiedKey(c.db, key);
    notify(c, N.GENERIC, 'del', key);
    return ONE;
  }
  setExpire(c, key, Number.isSafeInteger(Number(when)) ? Number(when) : when);
  // Propagated as PEXPIREAT <absolute ms>, keeping the options. PEXPIREAT itself is
  // propagated as typed.
  const rewritten = argv.slice();
  if (c.cmd!.fullname !== 'pexpireat') rewritten[0] = 'PEXPIREAT';
  if (relative || seconds) rewritten[2] = String(when);
  c.rewriteArgv(rewritten);
  srv.signalModifiedKey(c.db, key);
  notify(c, N.GENERIC, 'expire', key);
  srv.dirty++;
  return ONE;
}

// EXPIRE key seconds, PEXPIRE key ms, EXPIREAT key unix-seconds, PEXPIREAT key unix-ms.
const expire: Handler = (c) => expireGeneric(c, true, true);
const pexpire: Handler = (c) => expireGeneric(c, true, false);
const expireat: Handler = (c) => expireGeneric(c, false, true);
const pexpireat: Handler = (c) => expireGeneric(c, false, false);

/** ttlGenericCommand: -2 for a missing key, -1 without expire, else the (rounded) time. */
function ttlGeneric(c: Client, ms: boolean, absolute: boolean): Reply {
  const key = c.argv[1];
  if (lookupReadNoTouch(c, key) === undefined) return NEG_TWO;
  const expire = c.db.getExpireExact(key);
  if (expire === undefined) return NEG_ONE;
  let ttl = absolute ? BigInt(expire) : BigInt(expire) - BigInt(c.server.cmdTime);
  if (ttl < 0n) ttl = 0n;
  // Seconds are rounded to the nearest: (ttl+500)/1000 (ttl >= 0, so division truncates).
  const v = ms ? ttl : (ttl + 500n) / 1000n;
  return intReply(Number.isSafeInteger(Number(v)) ? Number(v) : v);
}

const ttl: Handler = (c) => ttlGeneric(c, false, false);
const pttl: Handler = (c) => ttlGeneric(c, true, false);
const expiretime: Handler = (c) => ttlGeneric(c, false, true);
const pexpiretime: Handler = (c) => ttlGeneric(c, true, true);

function persist(c: Client): Reply {
  const key = c.argv[1];
  if (lookupWrite(c, key) === undefined || !c.db.removeExpire(key)) return ZERO;
  c.server.signalModifiedKey(c.db, key);
  notify(c, N.GENERIC, 'persist', key);
  c.server.dirty++;
  return ONE;
}

export const expireCommands: Record<string, Handler> = {
  expire, pexpire, expireat, pexpireat, ttl, pttl, expiretime, pexpiretime, persist,
};
