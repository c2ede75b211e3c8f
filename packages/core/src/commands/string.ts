// String commands (t_string.c): the GET/SET family, with SET's and GETEX's
// options, expiry and the argv rewrites Redis 7.0 propagates. The in-place
// modifiers (APPEND, SETRANGE, INCR..., LCS) live in string-ops.ts.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import {
  dbDelete, lookupRead, lookupWrite, notify, readTyped, setExpire, setKey,
} from '../keyspace.ts';
import { N } from '../notify.ts';
import { type Reply, array, bulk, NULL, OK, ONE, ZERO } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { eqi, LLONG_MAX, parseLL } from '../util/parse.ts';
import { cOption, stringObject, stringOpsCommands } from './string-ops.ts';

// The OBJ_* flags of parseExtendedStringArgumentsOrReply.
const NX = 1;
const XX = 2;
const GET = 4;
const KEEPTTL = 8;
const PERSIST = 16;
const EX = 32;
const PX = 64;
const EXAT = 128;
const PXAT = 256;
const ANY_EXPIRE = EX | PX | EXAT | PXAT;

interface StringOptions {
  flags: number;
  /** The EX/PX/EXAT/PXAT argument, when one was given. */
  expire: string | undefined;
}

/**
 * parseExtendedStringArgumentsOrReply for SET (from argv[3]) and GETEX (from
 * argv[2]). A repeated option is accepted (the last expire wins); conflicting
 * ones, a missing expire value or anything unknown is a syntax error.
 */
function parseStringOptions(c: Client, forSet: boolean): StringOptions {
  const argv = c.argv;
  let flags = 0;
  let expire: string | undefined;
  for (let j = forSet ? 3 : 2; j < argv.length; j++) {
    const opt = cOption(argv[j]);
    const hasNext = j < argv.length - 1;
    if (forSet && eqi(opt, 'nx') && !(flags & XX)) {
      flags |= NX;
    } else if (forSet && eqi(opt, 'xx') && !(flags & NX)) {
      flags |= XX;
    } else if (forSet && eqi(opt, 'get')) {
      flags |= GET;
    } else if (forSet && eqi(opt, 'keepttl') && !(flags & (PERSIST | ANY_EXPIRE))) {
      flags |= KEEPTTL;
    } else if (!forSet && eqi(opt, 'persist') && !(flags & (KEEPTTL | ANY_EXPIRE))) {
      flags |= PERSIST;
    } else if (hasNext && !(flags & (KEEPTTL | PERSIST)) && expireOption(opt) !== 0
      && !(flags & ANY_EXPIRE & ~expireOption(opt))) {
      flags |= expireOption(opt);
      expire = argv[++j];
    } else {
      fail(E.SYNTAX);
    }
  }
  return { flags, expire };
}

/** The flag of an EX/PX/EXAT/PXAT option word, or 0. */
function expireOption(opt: string): number {
  if (opt.length === 2) return eqi(opt, 'ex') ? EX : eqi(opt, 'px') ? PX : 0;
  if (opt.length === 4) return eqi(opt, 'exat') ? EXAT : eqi(opt, 'pxat') ? PXAT : 0;
  return 0;
}

/**
 * getExpireMillisecondsOrReply: the absolute expire time in ms. Zero or negative
 * values, seconds that overflow when multiplied, and a relative time whose sum
 * with now wraps past LLONG_MAX (C's int64 addition) are invalid expire times.
 */
function expireAt(c: Client, arg: string, flags: number): number | bigint {
  const seconds = (flags & (EX | EXAT)) !== 0;
  const relative = (flags & (EX | PX)) !== 0;
  const n = parseLL(arg);
  if (n === null) fail(E.NOT_INTEGER);
  // Small positive values: plain doubles are exact (n * 1000 + now < 2^53).
  if (n > 0 && n < 2 ** 42) {
    const ms = seconds ? n * 1000 : n;
    return relative ? ms + c.server.cmdTime : ms;
  }
  let ms = BigInt(arg);
  if (ms <= 0n || (seconds && ms > LLONG_MAX / 1000n)) fail(invalidExpire(c));
  if (seconds) ms *= 1000n;
  if (relative) ms = BigInt.asIntN(64, ms + BigInt(c.server.cmdTime));
  if (ms <= 0n) fail(invalidExpire(c));
  return ms;
}

const invalidExpire = (c: Client): string => E.INVALID_EXPIRE(c.cmd!.fullname);

/** getGenericCommand: the value's bulk reply or null; WRONGTYPE on other types. */
function getGeneric(c: Client, key: string): Reply {
  const o = readTyped(c, key, 'string');
  return o === undefined ? NULL : bulk(o.value as string);
}

/**
 * setGenericCommand. `okReply`/`abortReply` are SETNX's :1/:0; SET answers OK
 * and null. With an expire the command is propagated as SET key value PXAT <ms>;
 * with GET (and no expire) without its GET words.
 */
function setGeneric(
  c: Client, flags: number, key: string, value: string, expire: string | undefined,
  okReply: Reply, abortReply: Reply,
): Reply {
  const when = expire === undefined ? 0 : expireAt(c, expire, flags);
  const getReply = flags & GET ? getGeneric(c, key) : undefined;
  const found = lookupWrite(c, key) !== undefined;
  if ((flags & NX && found) || (flags & XX && !found)) return getReply ?? abortReply;
  setKey(c, key, stringObject(c, value), (flags & KEEPTTL) !== 0);
  c.server.dirty++;
  notify(c, N.STRING, 'set', key);
  if (expire !== undefined) {
    setExpire(c, key, when);
    c.rewriteArgv(['SET', key, value, 'PXAT', String(when)]);
    notify(c, N.GENERIC, 'expire', key);
  }
  if (getReply === undefined) return okReply;
  if (expire === undefined) c.rewriteArgv(c.argv.filter((a, j) => j < 3 || !eqi(cOption(a), 'get')));
  return getReply;
}

function get(c: Client): Reply {
  const o = readTyped(c, c.argv[1], 'string');
  return o === undefined ? NULL : bulk(o.value as string);
}

function set(c: Client): Reply {
  const argv = c.argv;
  const key = argv[1];
  const value = argv[2];
  if (argv.length === 3) {
    // The hot path: no options to parse.
    setKey(c, key, stringObject(c, value));
    c.server.dirty++;
    notify(c, N.STRING, 'set', key);
    return OK;
  }
  const { flags, expire } = parseStringOptions(c, true);
  return setGeneric(c, flags, key, value, expire, OK, NULL);
}

function setnx(c: Client): Reply {
  return setGeneric(c, NX, c.argv[1], c.argv[2], undefined, ONE, ZERO);
}

function setex(c: Client): Reply {
  return setGeneric(c, EX, c.argv[1], c.argv[3], c.argv[2], OK, NULL);
}

function psetex(c: Client): Reply {
  return setGeneric(c, PX, c.argv[1], c.argv[3], c.argv[2], OK, NULL);
}

/** GETSET: GET then SET (dropping the TTL), propagated as SET. */
function getset(c: Client): Reply {
  const [, key, value] = c.argv;
  const reply = getGeneric(c, key);
  setKey(c, key, stringObject(c, value));
  notify(c, N.STRING, 'set', key);
  c.server.dirty++;
  c.rewriteArgv(['SET', key, value]);
  return reply;
}

/**
 * GETEX: the value, then a new TTL (propagated as PEXPIREAT), PERSIST (only
 * when there was a TTL), or deletion when EXAT/PXAT is already in the past.
 * Options are checked before the key, the expire value only once it exists.
 */
function getex(c: Client): Reply {
  const key = c.argv[1];
  const { flags, expire } = parseStringOptions(c, false);
  const o = readTyped(c, key, 'string');
  if (o === undefined) return NULL;
  const when = expire === undefined ? 0 : expireAt(c, expire, flags);
  const reply = bulk(o.value as string);
  const srv = c.server;
  if (flags & (EXAT | PXAT) && when <= srv.cmdTime && !srv.isReplica) {
    dbDelete(c, key);
    c.rewriteArgv([srv.config.lazyfreeLazyExpire ? 'UNLINK' : 'DEL', key]);
    notify(c, N.GENERIC, 'del', key);
    srv.dirty++;
  } else if (expire !== undefined) {
    setExpire(c, key, when);
    c.rewriteArgv(['PEXPIREAT', key, String(when)]);
    srv.signalModifiedKey(c.db, key);
    notify(c, N.GENERIC, 'expire', key);
    srv.dirty++;
  } else if (flags & PERSIST && c.db.removeExpire(key)) {
    srv.signalModifiedKey(c.db, key);
    c.rewriteArgv(['PERSIST', key]);
    notify(c, N.GENERIC, 'persist', key);
    srv.dirty++;
  }
  return reply;
}

/** GETDEL: the value, and the key deleted (propagated as DEL, or UNLINK with lazyfree-lazy-user-del). */
function getdel(c: Client): Reply {
  const key = c.argv[1];
  const reply = getGeneric(c, key);
  if (reply.t === 'null' || !dbDelete(c, key)) return reply;
  c.rewriteArgv([c.server.config.lazyfreeLazyUserDel ? 'UNLINK' : 'DEL', key]);
  notify(c, N.GENERIC, 'del', key);
  c.server.dirty++;
  return reply;
}

/** MGET: a null for a missing key or one of another type (never WRONGTYPE). */
function mget(c: Client): Reply {
  const argv = c.argv;
  const out: Reply[] = new Array(argv.length - 1);
  for (let j = 1; j < argv.length; j++) {
    const o = lookupRead(c, argv[j]);
    out[j - 1] = o === undefined || o.type !== 'string' ? NULL : bulk(o.value as string);
  }
  return array(out);
}

/** msetGenericCommand: MSETNX sets nothing (and answers 0) if any key exists. */
function msetGeneric(c: Client, nx: boolean): Reply {
  const argv = c.argv;
  if (argv.length % 2 === 0) fail(E.WRONG_ARITY(c.cmd!.fullname));
  if (nx) {
    for (let j = 1; j < argv.length; j += 2) {
      if (lookupWrite(c, argv[j]) !== undefined) return ZERO;
    }
  }
  for (let j = 1; j < argv.length; j += 2) {
    setKey(c, argv[j], stringObject(c, argv[j + 1]));
    notify(c, N.STRING, 'set', argv[j]);
  }
  c.server.dirty += (argv.length - 1) / 2;
  return nx ? ONE : OK;
}

const mset = (c: Client): Reply => msetGeneric(c, false);
const msetnx = (c: Client): Reply => msetGeneric(c, true);

export const stringCommands: Record<string, Handler> = {
  get, set, setnx, setex, psetex, getset, getex, getdel, mget, mset, msetnx,
  ...stringOpsCommands,
};
