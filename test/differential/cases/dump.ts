// DUMP and RESTORE (cluster.c). RESTORE is fed literal payloads captured from
// redis-server 7.0.15 (DUMP of the commented value), then the value is read back.
// DUMP replies are byte-compared only for values whose payload has no LZF blob
// (Redis's LZF output can depend on its compressor's history); the cross-server
// round trips of every type and encoding are in ../dump-restore.test.ts.
import type { Case, Cmd, Step } from '../case.ts';

const P = {
  /** SET str hello */
  str: '\x00\x05hello\x0a\x00cr\xdfve4 \x0a',
  /** SET int 42 */
  int: '\x00\xc0*\x0a\x00\x81\xfb\x5c\xfa\x86cOP',
  /** SET lzf abab... (60 bytes): an LZF-compressed string */
  lzf: '\x00\xc3\x0a<\x02aba\xe0.\x01\x01ab\x0a\x00\xbb\x16\xd3\xeb\xaeo\xc5t',
  /** RPUSH list a 1 -2 xxx...(30): one LZF-compressed listpack node */
  list: '\x12\x01\x02\xc3\x17/\x0f/\x00\x00\x00\x04\x00\x81a\x02\x01\x01\xdf\xfe\x02\x9ex\xe0\x14\x00\x01\x1f\xff\x0a\x00\xb5\xca\xcf\x14t\xae\x8fY',
  /** SADD 5 -1 300 on a hash table set: RDB_TYPE_SET with int-encoded members */
  intsSet: '\x02\x03\xc0\xff\xc1,\x01\xc0\x05\x0a\x00^\x0cj\xd0[W1g',
  /** SADD set a b (hash table) */
  set: '\x02\x02\x01a\x01b\x0a\x00\xfed!%\xeb\x03=\x0d',
  /** HSET hash f v n 7 (listpack) */
  hash: '\x10\x12\x12\x00\x00\x00\x04\x00\x81f\x02\x81v\x02\x81n\x02\x07\x01\xff\x0a\x00\xb8*\xde\xa8@\x7f\xfa\xa8',
  /** ZADD zset 1.5 a -2 b (listpack) */
  zset: '\x11\x15\x15\x00\x00\x00\x04\x00\x81b\x02\xdf\xfe\x02\x81a\x02\x831.5\x04\xff\x0a\x00l5\x9d\xf63\xd0\x8b]',
  /** A skiplist of 130 members trimmed to m127..m129: ZSET_2, greatest first, binary scores */
  zbig: '\x05\x03\x04m129\x00\x00\x00\x00\x00 `@\x04m128\x00\x00\x00\x00\x00\x00`@\x04m127\x00\x00\x00\x00\x00\xc0_@\x0a\x00\x99\xde\xb9\xe9\x8a\xad\x8aJ',
};

const sorted = (cmd: Cmd): Step => ({ cmd, sort: true });
const restore = (key: string, p: string, ...opts: string[]): Cmd => ['RESTORE', key, '0', p, ...opts];
/** A payload with one byte changed (the checksum no longer matches). */
const flip = (p: string, at: number): string => p.slice(0, at) + String.fromCharCode(p.charCodeAt(at) ^ 1) + p.slice(at + 1);

const restoreLiteralCases: Case[] = [
  { name: 'restore string', cmds: [restore('k', P.str), ['GET', 'k'], ['OBJECT', 'ENCODING', 'k'], ['TYPE', 'k']] },
  { name: 'restore int string', cmds: [restore('k', P.int), ['GET', 'k'], ['OBJECT', 'ENCODING', 'k'], ['STRLEN', 'k']] },
  { name: 'restore lzf string', cmds: [restore('k', P.lzf), ['GET', 'k'], ['OBJECT', 'ENCODING', 'k']] },
  { name: 'restore list', cmds: [restore('k', P.list), ['LRANGE', 'k', '0', '-1'], ['OBJECT', 'ENCODING', 'k'], ['LLEN', 'k']] },
  { name: 'restore set of ints (hashtable payload) becomes an intset', cmds: [restore('k', P.intsSet), ['SMEMBERS', 'k'], ['OBJECT', 'ENCODING', 'k']] },
  { name: 'restore set of ints over the intset limit', config: { 'set-max-intset-entries': '2' }, cmds: [restore('k', P.intsSet), sorted(['SMEMBERS', 'k']), ['OBJECT', 'ENCODING', 'k']] },
  { name: 'restore hashtable set', cmds: [restore('k', P.set), sorted(['SMEMBERS', 'k']), ['OBJECT', 'ENCODING', 'k']] },
  { name: 'restore listpack hash', cmds: [restore('k', P.hash), ['HGETALL', 'k'], ['OBJECT', 'ENCODING', 'k']] },
  { name: 'restore listpack hash over the entry limit', config: { 'hash-max-listpack-entries': '1' }, cmds: [restore('k', P.hash), { cmd: ['HGETALL', 'k'], sort: 'pairs' }, ['OBJECT', 'ENCODING', 'k']] },
  { name: 'restore listpack hash with long values keeps listpack', config: { 'hash-max-listpack-value': '0' }, cmds: [restore('k', P.hash), ['HGETALL', 'k'], ['OBJECT', 'ENCODING', 'k']] },
  { name: 'restore listpack zset', cmds: [restore('k', P.zset), ['ZRANGE', 'k', '0', '-1', 'WITHSCORES'], ['OBJECT', 'ENCODING', 'k']] },
  { name: 'restore listpack zset over the entry limit', config: { 'zset-max-listpack-entries': '1' }, cmds: [restore('k', P.zset), ['ZRANGE', 'k', '0', '-1', 'WITHSCORES'], ['OBJECT', 'ENCODING', 'k']] },
  { name: 'restore skiplist payload becomes a listpack', cmds: [restore('k', P.zbig), ['ZRANGE', 'k', '0', '-1', 'WITHSCORES'], ['OBJECT', 'ENCODING', 'k']] },
  { name: 'restore skiplist payload stays a skiplist', config: { 'zset-max-listpack-value': '3' }, cmds: [restore('k', P.zbig), ['ZRANGE', 'k', '0', '-1', 'WITHSCORES'], ['OBJECT', 'ENCODING', 'k']] },
  { name: 'restore binary key name', cmds: [restore('\x00\xff', P.str), ['GET', '\x00\xff'], ['DUMP', '\x00\xff']] },
  { name: 'restore-asking', cmds: [['RESTORE-ASKING', 'k', '0', P.str], ['GET', 'k']] },
];

const optionCases: Case[] = [
  { name: 'restore busykey', cmds: [['SET', 'k', 'old'], restore('k', P.str), ['GET', 'k']] },
  { name: 'restore replace', cmds: [['SET', 'k', 'old'], restore('k', P.str, 'REPLACE'), ['GET', 'k']] },
  { name: 'restore replace other type', cmds: [['RPUSH', 'k', 'x'], restore('k', P.hash, 'replace'), ['TYPE', 'k'], ['HGETALL', 'k']] },
  { name: 'restore replace removes the old ttl', cmds: [['SET', 'k', 'old', 'EX', '100'], restore('k', P.str, 'REPLACE'), ['TTL', 'k']] },
  { name: 'restore with ttl', cmds: [restore('k', P.str).map((a, i) => (i === 2 ? '100000' : a)), { cmd: ['PTTL', 'k'], near: 50 }] },
  { name: 'restore absttl future', cmds: [['RESTORE', 'k', '99999999999999', P.str, 'ABSTTL'], ['PEXPIRETIME', 'k'], ['GET', 'k']] },
  { name: 'restore absttl past', cmds: [['RESTORE', 'k', '1', P.str, 'ABSTTL'], ['EXISTS', 'k'], ['GET', 'k']] },
  { name: 'restore absttl past replaces (deletes)', cmds: [['SET', 'k', 'old'], ['RESTORE', 'k', '1', P.str, 'ABSTTL', 'REPLACE'], ['EXISTS', 'k']] },
  { name: 'restore absttl past busy', cmds: [['SET', 'k', 'old'], ['RESTORE', 'k', '1', P.str, 'ABSTTL'], ['GET', 'k']] },
  { name: 'restore ttl overflow wraps into the past', cmds: [['RESTORE', 'k', '9223372036854775807', P.str], ['EXISTS', 'k']] },
  { name: 'restore ttl 0 means none', cmds: [restore('k', P.str), ['TTL', 'k']] },
  { name: 'restore negative ttl', cmds: [['RESTORE', 'k', '-1', P.str]] },
  { name: 'restore bad ttl', cmds: [['RESTORE', 'k', 'x', P.str], ['RESTORE', 'k', '1.5', P.str], ['RESTORE', 'k', '99999999999999999999', P.str]] },
  { name: 'restore busykey before a bad ttl', cmds: [['SET', 'k', 'v'], ['RESTORE', 'k', 'x', P.str], ['RESTORE', 'k', '-1', 'junk']] },
  { name: 'restore options before busykey', cmds: [['SET', 'k', 'v'], ['RESTORE', 'k', '0', P.str, 'bogus'], ['RESTORE', 'k', '0', P.str, 'FREQ', '300']] },
  { name: 'restore idletime', cmds: [restore('k', P.str, 'IDLETIME', '1000'), { cmd: ['OBJECT', 'IDLETIME', 'k'], near: 1 }] },
  { name: 'restore huge idletime', cmds: [restore('k', P.str, 'IDLETIME', '999999999999'), { cmd: ['OBJECT', 'IDLETIME', 'k'], near: 1 }] },
  { name: 'restore idletime errors', cmds: [restore('k', P.str, 'IDLETIME', '-1'), restore('k', P.str, 'IDLETIME', 'x'), restore('k', P.str, 'IDLETIME'), ['EXISTS', 'k']] },
  { name: 'restore freq errors', cmds: [restore('k', P.str, 'FREQ', '256'), restore('k', P.str, 'FREQ', '-1'), restore('k', P.str, 'FREQ', '1.0'), restore('k', P.str, 'FREQ'), ['EXISTS', 'k']] },
  { name: 'restore freq without lfu', cmds: [restore('k', P.str, 'FREQ', '100'), ['GET', 'k'], ['OBJECT', 'FREQ', 'k']] },
  { name: 'restore freq with lfu', config: { 'maxmemory-policy': 'allkeys-lfu' }, cmds: [restore('k', P.str, 'FREQ', '100'), ['OBJECT', 'FREQ', 'k'], restore('j', P.str), ['OBJECT', 'FREQ', 'j']] },
  { name: 'restore idletime and freq exclude each other', cmds: [restore('k', P.str, 'IDLETIME', '1', 'FREQ', '1'), restore('k', P.str, 'FREQ', '1', 'IDLETIME', '1'), restore('k', P.str, 'IDLETIME', '1', 'IDLETIME', '2')] },
  { name: 'restore options case-insensitive', cmds: [['SET', 'k', 'x'], restore('k', P.str, 'rEpLaCe', 'IdleTime', '5'), ['GET', 'k']] },
  { name: 'restore arity', cmds: [['RESTORE', 'k', '0'], ['RESTORE'], ['DUMP'], ['DUMP', 'a', 'b']] },
];

const payloadErrorCases: Case[] = [
  { name: 'restore garbage payload', cmds: [restore('k', 'garbage'), restore('k', ''), restore('k', '0123456789'), ['EXISTS', 'k']] },
  { name: 'restore flipped bytes', cmds: [restore('k', flip(P.str, 3)), restore('k', flip(P.hash, 9)), restore('k', flip(P.zbig, P.zbig.length - 1))] },
  { name: 'restore truncated', cmds: [restore('k', P.str.slice(0, -1)), restore('k', P.list.slice(1))] },
  { name: 'restore newer rdb version', cmds: [restore('k', P.str.slice(0, -10) + '\x0b\x00' + P.str.slice(-8))] },
  { name: 'restore bad payload checked after busykey and ttl', cmds: [['SET', 'k', 'v'], restore('k', 'garbage'), ['RESTORE', 'x', '-5', 'garbage']] },
];

const dumpCases: Case[] = [
  { name: 'dump missing', cmds: [['DUMP', 'nokey']] },
  { name: 'dump short strings', cmds: [['SET', 'a', 'hello'], ['SET', 'b', '42'], ['SET', 'c', '-70000'], ['SET', 'd', ''], ['SET', 'e', '12345678901'], ['DUMP', 'a'], ['DUMP', 'b'], ['DUMP', 'c'], ['DUMP', 'd'], ['DUMP', 'e']] },
  { name: 'dump small intset', cmds: [['SADD', 's', '3', '-1', '70000'], ['DUMP', 's']] },
  { name: 'dump small listpacks', cmds: [['HSET', 'h', 'a', '1'], ['ZADD', 'z', '1', 'a'], ['RPUSH', 'l', 'x', '1'], ['DUMP', 'h'], ['DUMP', 'z'], ['DUMP', 'l']] },
  { name: 'dump then restore round trip', cmds: [['SET', 'a', 'v'], ['RESTORE', 'b', '0', P.str], ['GET', 'b']] },
  { name: 'dump expired key', cmds: [['SET', 'a', 'v', 'PXAT', '1'], ['DUMP', 'a']] },
];

export const cases: Case[] = [...restoreLiteralCases, ...optionCases, ...payloadErrorCases, ...dumpCases];
