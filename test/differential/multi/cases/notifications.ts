// Keyspace notifications (notify.c): connection 0 listens with PSUBSCRIBE
// __key*__:* (RESP2, or RESP3 pushes), connection 1 runs commands under a
// notify-keyspace-events setting; every event, its name, class and order must
// match redis-server 7.0.15.
import type { MultiCase, MultiStep } from '../case.ts';

const LISTEN: MultiStep = { c: 0, cmd: ['PSUBSCRIBE', '__key*__:*'] };

/** 'SET k v' -> ['SET', 'k', 'v'] (arguments without spaces). */
const w = (s: string): string[] => s.split(' ');

/** Connection 1 runs cmds (strings split on spaces, or argv arrays) while 0 listens. */
function events(name: string, flags: string, cmds: (string | string[])[], extra: Partial<MultiCase> = {}): MultiCase {
  return {
    name: `notify ${name} [${flags}]`,
    config: { 'notify-keyspace-events': flags },
    steps: [LISTEN, ...cmds.map((cmd): MultiStep => ({ c: 1, cmd: typeof cmd === 'string' ? w(cmd) : cmd }))],
    ...extra,
  };
}

/** The same commands with every class on (KEA plus n and m), and in RESP3 for the listener. */
function allClasses(name: string, cmds: (string | string[])[]): MultiCase[] {
  return [events(name, 'KEA', cmds), events(`${name} resp3`, 'KEAnm', cmds, { resp3: [0] })];
}

const configRendering: MultiCase[] = [
  ['K', 'E', 'g', '$', 'l', 's', 'h', 'z', 'x', 'e', 't', 'm', 'd', 'n', 'A'],
  ['KEA', 'AKE', 'Ag$', 'g$lshzxetd', 'g$lshzxetdKE', 'Kx', 'Ex', 'KEm', 'KEn', 'AKEmn', 'nmEK', 'AA', 'zhslg'],
].map((group, i): MultiCase => ({
  name: `notify config rendering ${i}`,
  clients: 1,
  steps: group.flatMap((f): MultiStep[] => [
    { c: 0, cmd: ['CONFIG', 'SET', 'notify-keyspace-events', f] },
    { c: 0, cmd: ['CONFIG', 'GET', 'notify-keyspace-events'] },
  ]),
  cleanup: [['CONFIG', 'SET', 'notify-keyspace-events', '']],
}));

const configErrors: MultiCase = {
  name: 'notify config errors',
  clients: 1,
  steps: [
    { c: 0, cmd: ['CONFIG', 'SET', 'notify-keyspace-events', 'KEQ'] },
    { c: 0, cmd: ['CONFIG', 'SET', 'notify-keyspace-events', 'a'] },
    { c: 0, cmd: ['CONFIG', 'SET', 'notify-keyspace-events', 'K E'] },
    { c: 0, cmd: ['CONFIG', 'SET', 'notify-keyspace-events', ''] },
    { c: 0, cmd: ['CONFIG', 'GET', 'notify-keyspace-events'] },
    { c: 0, cmd: ['CONFIG', 'SET', 'notify-keyspace-events', 'KA'] },
    { c: 0, cmd: ['CONFIG', 'GET', 'notify-*'] },
  ],
  cleanup: [['CONFIG', 'SET', 'notify-keyspace-events', '']],
};

// Which half of the event is sent: only K, only E, neither (a class without K/E sends nothing).
const channelsOnly: MultiCase[] = [
  events('keyspace only', 'K$', ['SET a 1', 'INCR a']),
  events('keyevent only', 'E$', ['SET a 1', 'INCR a']),
  events('class without K or E', '$g', ['SET a 1', 'DEL a']),
  events('K and E without class', 'KE', ['SET a 1', 'DEL a', 'LPUSH l x']),
  events('string class only', 'KE$', ['SET a 1', 'DEL a', 'LPUSH l x', 'EXPIRE a 10']),
  events('generic class only', 'KEg', ['SET a 1', 'EXPIRE a 100', 'PERSIST a', 'RENAME a b', 'DEL b']),
  events('list class only', 'KEl', ['RPUSH l a b', 'SADD s a', 'LPOP l', 'DEL l']),
  events('new class only', 'KEn', ['SET a 1', 'SET a 2', 'HSET h f v', 'DEL a', 'SET a 3']),
  events('keymiss class only', 'KEm', ['GET nokey', 'SET a 1', 'GET a', 'HGET nohash f', 'EXISTS nokey', 'TYPE nokey']),
  events('keymiss on missing store sources', 'KEm', ['SUNIONSTORE d n1 n2', 'SINTERSTORE d n1', 'SADD a 1', 'SINTERSTORE d a n2', 'SDIFFSTORE d a n1', 'SINTERCARD 2 a n1', 'SMOVE n1 a 1']),
  events('keymiss on other missing sources', 'KEm', ['PFMERGE d n1', 'PFCOUNT n1 n2', 'ZUNIONSTORE d 2 n1 n2', 'ZRANGESTORE d n1 0 -1', 'SORT n1 STORE d', 'BITOP OR d n1 n2', 'GEOSEARCHSTORE d n1 FROMLONLAT 0 0 BYRADIUS 1 km', 'RPOPLPUSH n1 d', 'LMOVE n1 d LEFT LEFT', 'COPY n1 d', 'RENAME n1 d', 'GETDEL n1', 'GETEX n1', 'APPEND n1 x', 'INCR n2', 'OBJECT ENCODING n1', 'DUMP n1', 'LRANGE n1 0 1', 'ZSCORE n1 m', 'SMEMBERS n1', 'HGETALL n1', 'MGET n1 n2']),
  events('binary keys', 'KEA', [['SET', '\x00\xff\r\nk', '\x01'], ['DEL', '\x00\xff\r\nk'], ['SET', '', 'empty']]),
  events('selected db', 'KEA', ['SELECT 3', 'SET a 1', 'DEL a', 'SELECT 0']),
  {
    name: 'notify channel subscription instead of pattern',
    config: { 'notify-keyspace-events': 'KEA' },
    steps: [
      { c: 0, cmd: ['SUBSCRIBE', '__keyspace@0__:k', '__keyevent@0__:del'] },
      { c: 1, cmd: w('SET k 1') },
      { c: 1, cmd: w('SET other 1') },
      { c: 1, cmd: w('DEL k other') },
    ],
  },
  {
    name: 'notify two listeners, resp2 and resp3',
    clients: 3,
    resp3: [1],
    config: { 'notify-keyspace-events': 'KEA' },
    steps: [
      LISTEN,
      { c: 1, cmd: ['PSUBSCRIBE', '__keyevent@*'] },
      { c: 2, cmd: w('SET k 1') },
      { c: 2, cmd: w('LPUSH l a') },
      { c: 1, cmd: w('SET k2 v') },
    ],
  },
  {
    name: 'notify config changed between commands',
    config: { 'notify-keyspace-events': 'KEA' },
    steps: [
      LISTEN,
      { c: 1, cmd: w('SET k 1') },
      { c: 1, cmd: ['CONFIG', 'SET', 'notify-keyspace-events', ''] },
      { c: 1, cmd: w('SET k 2') },
      { c: 1, cmd: ['CONFIG', 'SET', 'notify-keyspace-events', 'Kg'] },
      { c: 1, cmd: w('SET k 3') },
      { c: 1, cmd: w('DEL k') },
    ],
  },
];

/** DUMP of the string "hello" on 7.0.15. */
const HELLO_DUMP = '\x00\x05hello\n\x00cr\xdfve4 \n';

const generic: MultiCase[] = [
  ...allClasses('DEL UNLINK', ['MSET a 1 b 2 c 3', 'DEL a nokey b', 'UNLINK c nokey']),
  ...allClasses('EXPIRE family', ['SET a 1', 'EXPIRE a 100', 'PEXPIRE a 100000', 'EXPIREAT a 99999999999', 'PEXPIREAT a 99999999999000', 'EXPIRE a 100 NX', 'EXPIRE a 50 GT', 'EXPIRE nokey 10']),
  ...allClasses('EXPIRE in the past deletes', ['SET a 1', 'EXPIRE a -1', 'SET b 1', 'PEXPIREAT b 1', 'SET c 1', 'EXPIREAT c 0']),
  ...allClasses('PERSIST', ['SET a 1', 'PERSIST a', 'EXPIRE a 100', 'PERSIST a', 'PERSIST nokey']),
  ...allClasses('RENAME RENAMENX', ['SET a 1', 'RENAME a b', 'SET c 1', 'RENAMENX b c', 'RENAMENX b d', 'RENAME d d', 'RENAME nokey x']),
  ...allClasses('MOVE', ['SET a 1', 'MOVE a 1', 'SET a 2', 'MOVE a 1', 'SELECT 1', 'GET a', 'FLUSHDB', 'SELECT 0']),
  ...allClasses('COPY', ['SET a 1', 'COPY a b', 'COPY a b', 'COPY a b REPLACE', 'COPY a c DB 2', 'COPY nokey d']),
  ...allClasses('RESTORE', ['SET a hello', ['RESTORE', 'b', '0', HELLO_DUMP], ['RESTORE', 'b', '0', HELLO_DUMP, 'REPLACE'], ['RESTORE', 'c', '100000', HELLO_DUMP], ['RESTORE', 'c', '0', 'bad']]),
  ...allClasses('SORT STORE', ['RPUSH l 3 1 2', 'SORT l STORE dst', 'SORT nokey STORE dst', 'SORT l STORE l', 'SORT l LIMIT 0 0 STORE dst2']),
  ...allClasses('SET options', ['SET a 1 EX 100', 'SET a 2 KEEPTTL', 'SET a 3 PX 5000 GET', 'SET a 4 NX', 'SET b 1 XX', 'SET a 5 XX', 'SET c 1 EXAT 99999999999']),
  ...allClasses('GETEX GETDEL', ['SET a 1', 'GETEX a EX 100', 'GETEX a PERSIST', 'GETEX a', 'GETEX a PXAT 1', 'SET b 2', 'GETDEL b', 'GETDEL nokey']),
  ...allClasses('FLUSHALL FLUSHDB SWAPDB', ['SET a 1', 'FLUSHDB', 'SET b 1', 'SWAPDB 0 1', 'FLUSHALL']),
  ...allClasses('TOUCH OBJECT EXISTS TYPE reads', ['SET a 1', 'TOUCH a nokey', 'EXISTS a nokey', 'TYPE a', 'OBJECT ENCODING a', 'TTL nokey', 'DUMP nokey']),
];

const strings: MultiCase[] = [
  ...allClasses('SET SETNX SETEX PSETEX', ['SET a 1', 'SETNX a 2', 'SETNX b 2', 'SETEX c 100 v', 'PSETEX d 100000 v', 'SETEX e 0 v']),
  ...allClasses('MSET MSETNX', ['MSET a 1 b 2 a 3', 'MSETNX c 1 d 2', 'MSETNX a 1 e 2']),
  ...allClasses('APPEND SETRANGE', ['APPEND a hello', 'APPEND a world', 'SETRANGE a 3 XX', 'SETRANGE b 2 x', ['SETRANGE', 'd', '5', '']]),
  ...allClasses('INCR family', ['INCR a', 'INCRBY a 5', 'DECR a', 'DECRBY a 2', 'INCRBYFLOAT a 1.5', 'INCRBYFLOAT b 2', 'SET s x', 'INCR s']),
  ...allClasses('GETSET GET and reads', ['GETSET a 1', 'GETSET a 2', 'GET a', 'STRLEN a', 'GETRANGE a 0 -1', 'MGET a nokey', 'LCS a a']),
  ...allClasses('SETBIT BITFIELD BITOP', ['SETBIT a 7 1', 'SETBIT a 7 1', 'BITFIELD b SET u8 0 255', 'BITFIELD b GET u8 0', 'BITFIELD_RO b GET u8 0', 'SET c ab', 'BITOP AND d a c', 'BITOP OR e nokey1 nokey2', 'BITOP NOT a a', 'BITCOUNT a', 'BITPOS a 1']),
  ...allClasses('PFADD PFMERGE PFCOUNT', ['PFADD h a b c', 'PFADD h a', 'PFADD h2', 'PFMERGE dst h h2', 'PFMERGE dst', 'PFCOUNT h', 'PFCOUNT h h2']),
];

const lists: MultiCase[] = [
  ...allClasses('LPUSH RPUSH PUSHX', ['LPUSH l a b', 'RPUSH l c', 'LPUSHX l d', 'RPUSHX l e', 'LPUSHX nokey x', 'RPUSHX nokey x']),
  ...allClasses('LPOP RPOP to empty', ['RPUSH l a b c d', 'LPOP l', 'RPOP l 2', 'LPOP l 5', 'LPOP l', 'RPOP nokey']),
  ...allClasses('LINSERT LSET LREM LTRIM', ['RPUSH l a b c a', 'LINSERT l BEFORE b x', 'LINSERT l AFTER zz y', 'LSET l 0 q', 'LREM l 0 a', 'LREM l 0 nothing', 'LTRIM l 0 1', 'LTRIM l 5 10']),
  ...allClasses('RPOPLPUSH LMOVE', ['RPUSH l a b c', 'RPOPLPUSH l l', 'RPOPLPUSH l dst', 'LMOVE l dst LEFT RIGHT', 'LMOVE l dst RIGHT LEFT', 'LMOVE nokey dst LEFT LEFT']),
  ...allClasses('LMPOP', ['RPUSH l a b c', 'LMPOP 2 nokey l LEFT COUNT 2', 'LMPOP 1 l RIGHT']),
  ...allClasses('list reads', ['RPUSH l a b', 'LRANGE l 0 -1', 'LLEN l', 'LINDEX l 0', 'LPOS l b', 'LRANGE nokey 0 -1']),
];

const hashes: MultiCase[] = [
  ...allClasses('HSET HSETNX HMSET', ['HSET h f v g w', 'HSET h f v2', 'HSETNX h f x', 'HSETNX h n x', 'HMSET h a 1 b 2']),
  ...allClasses('HDEL to empty', ['HSET h a 1 b 2', 'HDEL h a nofield', 'HDEL h nofield', 'HDEL h b', 'HDEL nokey a']),
  ...allClasses('HINCRBY HINCRBYFLOAT', ['HINCRBY h f 1', 'HINCRBY h f -3', 'HINCRBYFLOAT h g 1.5', 'HINCRBYFLOAT h f 2', 'HSET h s x', 'HINCRBY h s 1']),
  ...allClasses('hash reads', ['HSET h f v', 'HGET h f', 'HGETALL h', 'HMGET h f x', 'HLEN h', 'HEXISTS h f', 'HRANDFIELD h', 'HGET nokey f']),
];

const sets: MultiCase[] = [
  ...allClasses('SADD SREM', ['SADD s a b c', 'SADD s a', 'SREM s a x', 'SREM s x', 'SREM s b c']),
  ...allClasses('SPOP', ['SADD s a', 'SPOP s', 'SADD s2 1 2 3', 'SPOP s2 0', 'SPOP s2 3', 'SPOP nokey']),
  ...allClasses('SMOVE', ['SADD s a b', 'SMOVE s d a', 'SMOVE s d zz', 'SMOVE s d b', 'SADD e x', 'SMOVE e e x']),
  ...allClasses('set store ops', ['SADD a 1 2 3', 'SADD b 2 3 4', 'SINTERSTORE d a b', 'SUNIONSTORE d a b', 'SDIFFSTORE d a b', 'SINTERSTORE d a nokey', 'SDIFFSTORE e nokey', 'SUNIONSTORE a a']),
  ...allClasses('set reads', ['SADD s a', 'SMEMBERS s', 'SISMEMBER s a', 'SCARD s', 'SINTER s nokey', 'SRANDMEMBER s', 'SMISMEMBER s a b']),
];

const zsets: MultiCase[] = [
  ...allClasses('ZADD ZINCRBY', ['ZADD z 1 a 2 b', 'ZADD z 1 a', 'ZADD z 3 a', 'ZADD z NX 5 a', 'ZADD z XX 6 new', 'ZADD z INCR 1 a', 'ZINCRBY z 2 b', 'ZINCRBY z 1 c']),
  ...allClasses('ZREM and range removals', ['ZADD z 1 a 2 b 3 c 4 d 5 e', 'ZREM z a nox', 'ZREM z nox', 'ZREMRANGEBYSCORE z 2 2', 'ZREMRANGEBYSCORE z 100 200', 'ZREMRANGEBYRANK z 0 0', 'ZREMRANGEBYLEX z - +']),
  ...allClasses('ZPOPMIN ZPOPMAX ZMPOP', ['ZADD z 1 a 2 b 3 c', 'ZPOPMIN z', 'ZPOPMAX z 5', 'ZPOPMIN z', 'ZADD z2 1 a', 'ZMPOP 2 nokey z2 MIN']),
  ...allClasses('zset store ops', ['ZADD a 1 x 2 y', 'ZADD b 3 y 4 w', 'ZUNIONSTORE d 2 a b', 'ZINTERSTORE d 2 a b', 'ZDIFFSTORE d 2 a b', 'ZINTERSTORE d 2 a nokey', 'ZRANGESTORE r a 0 -1', 'ZRANGESTORE r nokey 0 -1', 'ZRANGESTORE r a 5 10']),
  ...allClasses('zset reads', ['ZADD z 1 a', 'ZRANGE z 0 -1', 'ZSCORE z a', 'ZCARD z', 'ZRANK z a', 'ZRANGEBYSCORE z 0 1', 'ZSCORE nokey a']),
];

// Blocking commands whose keys are ready are served at once, with their events.
const blockingServedAtOnce: MultiCase[] = [
  ...allClasses('blocking list pops served at once', ['RPUSH l2 x', 'BLPOP l2 0', 'RPUSH l3 x y', 'BRPOPLPUSH l3 l4 0', 'BLMOVE l3 l4 LEFT RIGHT 0', 'BLMPOP 0 1 l4 LEFT COUNT 5', 'RPUSH l5 a', 'BRPOP l5 0']),
  ...allClasses('blocking zset pops served at once', ['ZADD z3 1 x 2 y', 'BZPOPMIN z3 0', 'BZPOPMAX z3 0', 'ZADD z4 1 x', 'BZMPOP 0 1 z4 MAX']),
];

const streams: MultiCase[] = [
  ...allClasses('XADD XTRIM XDEL XSETID', ['XADD s 1-1 f v', 'XADD s 2-1 f v', 'XADD s MAXLEN 1 3-1 f v', 'XTRIM s MAXLEN 0', 'XADD s 4-1 f v', 'XDEL s 4-1 9-9', 'XDEL s 9-9', 'XSETID s 10-0', 'XADD nokey NOMKSTREAM * f v', 'XLEN s']),
  ...allClasses('stream groups and consumers', [
    'XADD s 1-1 f v', 'XGROUP CREATE s g 0', 'XGROUP CREATE s2 g $ MKSTREAM', 'XGROUP CREATECONSUMER s g alice', 'XREADGROUP GROUP g bob COUNT 1 STREAMS s >',
    'XACK s g 1-1', 'XGROUP SETID s g 0', 'XCLAIM s g carol 0 1-1', 'XAUTOCLAIM s g dave 0 0', 'XGROUP DELCONSUMER s g alice', 'XGROUP DESTROY s g', 'XREAD STREAMS s 0',
  ]),
];

const geoAndScripts: MultiCase[] = [
  ...allClasses('GEOADD', ['GEOADD g 13.361389 38.115556 a', 'GEOADD g 15.087269 37.502669 b 13.361389 38.115556 a', 'GEOADD g NX 1 1 a', 'GEOADD g XX CH 2 2 a']),
  ...allClasses('GEO stores', ['GEOADD g 13.361389 38.115556 a 15.087269 37.502669 b', 'GEORADIUS g 15 37 200 km STORE d', 'GEORADIUS g 15 37 200 km STOREDIST d2', 'GEOSEARCHSTORE d3 g FROMLONLAT 15 37 BYRADIUS 200 km', 'GEOSEARCHSTORE d3 g FROMLONLAT 15 37 BYRADIUS 1 m', 'GEORADIUSBYMEMBER g a 1 m STORE d4', 'GEOPOS g a', 'GEODIST g a b']),
  ...allClasses('script writes', [
    ['EVAL', "redis.call('set', KEYS[1], 'v'); redis.call('lpush', KEYS[2], 'x'); redis.call('del', KEYS[1]); return 1", '2', 'a', 'l'],
    ['EVAL', "return redis.call('get', KEYS[1])", '1', 'nokey'],
    ['EVAL', "redis.call('expire', KEYS[1], 100); return redis.call('incr', KEYS[2])", '2', 'l', 'n'],
  ]),
  ...allClasses('transaction writes', ['MULTI', 'SET a 1', 'LPUSH l x', 'GET a', 'DEL a nokey', 'EXEC', 'MULTI', 'INCR a', 'DISCARD']),
  ...allClasses('function writes', [
    ['FUNCTION', 'LOAD', "#!lua name=notifylib\nredis.register_function('w', function(keys) redis.call('set', keys[1], 'v'); return redis.call('hset', keys[2], 'f', 'v') end)"],
    ['FCALL', 'w', '2', 'k', 'h'],
    ['FCALL', 'w', '2', 'k', 'h'],
  ]).map((k) => ({ ...k, cleanup: [['FUNCTION', 'FLUSH']] })),
  ...allClasses('script publish', [
    ['EVAL', "return redis.call('publish', '__keyspace@0__:x', 'from-script')", '0'],
  ]),
];

// Lazy expiry is covered by packages/core/src/notify.test.ts on a controlled
// clock: over TCP the active cycle could always win the race.
const expiry: MultiCase[] = [
  {
    name: 'notify active expiry',
    config: { 'notify-keyspace-events': 'KEA', hz: '100' },
    steps: [LISTEN, { c: 1, cmd: w('SET a 1 PX 50') }, { sleep: 150 }, { c: 1, cmd: w('EXISTS a') }],
  },
  {
    name: 'notify active expiry, expired class only, resp3',
    resp3: [0],
    config: { 'notify-keyspace-events': 'Ex', hz: '100' },
    steps: [LISTEN, { c: 1, cmd: w('SET a 1 PX 50') }, { c: 1, cmd: w('SET b 1') }, { sleep: 150 }, { c: 1, cmd: w('DBSIZE') }],
  },
  {
    name: 'notify active expiry, keyspace channel only',
    config: { 'notify-keyspace-events': 'Kx', hz: '100' },
    steps: [LISTEN, { c: 1, cmd: w('HSET h f v') }, { c: 1, cmd: w('PEXPIRE h 50') }, { sleep: 150 }, { c: 1, cmd: w('EXISTS h') }],
  },
];

export const cases: MultiCase[] = [
  ...configRendering,
  configErrors,
  ...channelsOnly,
  ...generic,
  ...strings,
  ...lists,
  ...hashes,
  ...sets,
  ...zsets,
  ...blockingServedAtOnce,
  ...streams,
  ...geoAndScripts,
  ...expiry,
];
