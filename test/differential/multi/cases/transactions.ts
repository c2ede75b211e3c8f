// WATCH across connections: which modifications by another client (or by
// expiry, flushes, SWAPDB, scripts) make EXEC answer a null array, and which
// leave the transaction alone; WATCH state through EXEC, DISCARD, UNWATCH,
// RESET and disconnection; transactions seen by other clients. Connection 0
// watches, connection 1 modifies.
import type { MultiCase, MultiStep } from '../case.ts';

type Cmd = string[];

const on = (c: number, cmds: Cmd[]): MultiStep[] => cmds.map((cmd) => ({ c, cmd }));

/** The transaction connection 0 runs after the modification: it reads k, so the EXEC reply shows the value too. */
const TX: MultiStep[] = on(0, [['MULTI'], ['TYPE', 'k'], ['EXISTS', 'k'], ['EXEC']]);

/**
 * Connection 1 runs `setup`, connection 0 WATCHes k, connection 1 runs
 * `modify`, then connection 0's transaction: EXEC is null if k was touched.
 */
function touched(name: string, setup: Cmd[], modify: Cmd[], extra: Partial<MultiCase> = {}): MultiCase {
  return {
    name: `WATCH k, other client: ${name}`,
    steps: [...on(1, setup), { c: 0, cmd: ['WATCH', 'k'] }, ...on(1, modify), ...TX],
    ...extra,
  };
}

const S = (...kv: string[]): Cmd => ['SET', ...kv];

// [name, setup, modification]: every write path a watched key can see.
const MODIFICATIONS: [string, Cmd[], Cmd[]][] = [
  // strings
  ['SET new key', [], [S('k', 'v')]],
  ['SET same value', [S('k', 'v')], [S('k', 'v')]],
  ['SET other key', [S('k', 'v')], [S('x', 'v')]],
  ['SET NX on existing (no change)', [S('k', 'v')], [S('k', 'w', 'NX')]],
  ['SET XX on missing (no change)', [], [S('k', 'w', 'XX')]],
  ['SET GET', [S('k', 'v')], [S('k', 'w', 'GET')]],
  ['SET KEEPTTL', [S('k', 'v', 'EX', '100')], [S('k', 'w', 'KEEPTTL')]],
  ['SETNX existing (no change)', [S('k', 'v')], [['SETNX', 'k', 'w']]],
  ['SETNX missing', [], [['SETNX', 'k', 'w']]],
  ['SETEX', [], [['SETEX', 'k', '100', 'v']]],
  ['PSETEX', [], [['PSETEX', 'k', '100000', 'v']]],
  ['MSET', [], [['MSET', 'a', '1', 'k', '2']]],
  ['MSETNX blocked by other key (no change)', [S('a', '1')], [['MSETNX', 'a', '1', 'k', '2']]],
  ['APPEND', [S('k', 'v')], [['APPEND', 'k', 'x']]],
  ['APPEND empty', [S('k', 'v')], [['APPEND', 'k', '']]],
  ['INCR', [S('k', '1')], [['INCR', 'k']]],
  ['INCR on a non-integer (error)', [S('k', 'x')], [['INCR', 'k']]],
  ['DECRBY', [S('k', '1')], [['DECRBY', 'k', '5']]],
  ['INCRBYFLOAT', [S('k', '1')], [['INCRBYFLOAT', 'k', '0.5']]],
  ['SETRANGE', [S('k', 'hello')], [['SETRANGE', 'k', '1', 'a']]],
  ['SETRANGE empty value (no change)', [S('k', 'hello')], [['SETRANGE', 'k', '1', '']]],
  ['GETSET', [S('k', 'v')], [['GETSET', 'k', 'w']]],
  ['GETDEL', [S('k', 'v')], [['GETDEL', 'k']]],
  ['GETDEL missing (no change)', [], [['GETDEL', 'k']]],
  ['GETEX EX', [S('k', 'v')], [['GETEX', 'k', 'EX', '100']]],
  ['GETEX without options (read)', [S('k', 'v')], [['GETEX', 'k']]],
  ['GETEX PERSIST', [S('k', 'v', 'EX', '100')], [['GETEX', 'k', 'PERSIST']]],
  ['GET (read)', [S('k', 'v')], [['GET', 'k']]],
  ['SETBIT', [], [['SETBIT', 'k', '7', '1']]],
  ['BITOP into k', [S('a', 'x')], [['BITOP', 'NOT', 'k', 'a']]],
  ['BITFIELD SET', [], [['BITFIELD', 'k', 'SET', 'u8', '0', '1']]],
  ['BITFIELD GET (read)', [S('k', 'v')], [['BITFIELD', 'k', 'GET', 'u8', '0']]],
  ['PFADD new element', [], [['PFADD', 'k', 'a']]],
  ['PFADD known element (no change)', [['PFADD', 'k', 'a']], [['PFADD', 'k', 'a']]],
  ['PFMERGE into k', [['PFADD', 'a', 'x']], [['PFMERGE', 'k', 'a']]],
  // keyspace
  ['DEL', [S('k', 'v')], [['DEL', 'k']]],
  ['DEL missing (no change)', [], [['DEL', 'k']]],
  ['UNLINK', [S('k', 'v')], [['UNLINK', 'k']]],
  ['EXPIRE', [S('k', 'v')], [['EXPIRE', 'k', '100']]],
  ['EXPIRE missing (no change)', [], [['EXPIRE', 'k', '100']]],
  ['EXPIRE NX refused (no change)', [S('k', 'v', 'EX', '100')], [['EXPIRE', 'k', '200', 'NX']]],
  ['PEXPIREAT in the past', [S('k', 'v')], [['PEXPIREAT', 'k', '1']]],
  ['PERSIST', [S('k', 'v', 'EX', '100')], [['PERSIST', 'k']]],
  ['PERSIST without TTL (no change)', [S('k', 'v')], [['PERSIST', 'k']]],
  ['RENAME k away', [S('k', 'v')], [['RENAME', 'k', 'x']]],
  ['RENAME onto k', [S('x', 'v')], [['RENAME', 'x', 'k']]],
  ['RENAME k to itself', [S('k', 'v')], [['RENAME', 'k', 'k']]],
  ['RENAMENX onto existing k (no change)', [S('x', 'v'), S('k', 'v')], [['RENAMENX', 'x', 'k']]],
  ['MOVE k to db 1', [S('k', 'v')], [['MOVE', 'k', '1']]],
  ['MOVE into db 0 from db 1', [], [['SELECT', '1'], S('k', 'v'), ['MOVE', 'k', '0']]],
  ['same key name in db 1 (no change)', [], [['SELECT', '1'], S('k', 'v')]],
  ['COPY onto k', [S('x', 'v')], [['COPY', 'x', 'k']]],
  ['COPY REPLACE onto k', [S('x', 'v'), S('k', 'w')], [['COPY', 'x', 'k', 'REPLACE']]],
  ['COPY from k (read)', [S('k', 'v')], [['COPY', 'k', 'x']]],
  ['COPY into db 1 (no change)', [S('x', 'v')], [['COPY', 'x', 'k', 'DB', '1']]],
  ['RESTORE', [S('x', 'v')], [['RESTORE', 'k', '0', '\x00\x01v\x0a\x00\x91\x08\xce\xb2\x198\x8a\xce']]],
  ['SORT STORE into k', [['RPUSH', 'l', '3', '1', '2']], [['SORT', 'l', 'STORE', 'k']]],
  ['TOUCH (read)', [S('k', 'v')], [['TOUCH', 'k']]],
  ['OBJECT ENCODING (read)', [S('k', 'v')], [['OBJECT', 'ENCODING', 'k']]],
  // hashes
  ['HSET', [], [['HSET', 'k', 'f', 'v']]],
  ['HSET same value', [['HSET', 'k', 'f', 'v']], [['HSET', 'k', 'f', 'v']]],
  ['HSETNX existing field (no change)', [['HSET', 'k', 'f', 'v']], [['HSETNX', 'k', 'f', 'w']]],
  ['HDEL', [['HSET', 'k', 'f', 'v', 'g', 'w']], [['HDEL', 'k', 'f']]],
  ['HDEL missing field (no change)', [['HSET', 'k', 'f', 'v']], [['HDEL', 'k', 'x']]],
  ['HINCRBY', [], [['HINCRBY', 'k', 'f', '1']]],
  ['HINCRBYFLOAT', [], [['HINCRBYFLOAT', 'k', 'f', '1.5']]],
  // lists
  ['LPUSH', [], [['LPUSH', 'k', 'a']]],
  ['RPUSHX missing (no change)', [], [['RPUSHX', 'k', 'a']]],
  ['LPOP', [['RPUSH', 'k', 'a', 'b']], [['LPOP', 'k']]],
  ['LPOP missing (no change)', [], [['LPOP', 'k']]],
  ['LSET', [['RPUSH', 'k', 'a']], [['LSET', 'k', '0', 'b']]],
  ['LINSERT', [['RPUSH', 'k', 'a']], [['LINSERT', 'k', 'BEFORE', 'a', 'b']]],
  ['LINSERT pivot missing (no change)', [['RPUSH', 'k', 'a']], [['LINSERT', 'k', 'BEFORE', 'x', 'b']]],
  ['LREM nothing removed (no change)', [['RPUSH', 'k', 'a']], [['LREM', 'k', '0', 'x']]],
  ['LREM', [['RPUSH', 'k', 'a', 'b']], [['LREM', 'k', '0', 'a']]],
  ['LTRIM', [['RPUSH', 'k', 'a', 'b']], [['LTRIM', 'k', '0', '0']]],
  ['LTRIM keeping all', [['RPUSH', 'k', 'a', 'b']], [['LTRIM', 'k', '0', '-1']]],
  ['RPOPLPUSH from k', [['RPUSH', 'k', 'a']], [['RPOPLPUSH', 'k', 'x']]],
  ['LMOVE into k', [['RPUSH', 'x', 'a']], [['LMOVE', 'x', 'k', 'LEFT', 'RIGHT']]],
  ['LMPOP', [['RPUSH', 'k', 'a']], [['LMPOP', '1', 'k', 'LEFT']]],
  ['BLPOP with data', [['RPUSH', 'k', 'a']], [['BLPOP', 'k', '0']]],
  // sets
  ['SADD new member', [], [['SADD', 'k', 'a']]],
  ['SADD existing member (no change)', [['SADD', 'k', 'a']], [['SADD', 'k', 'a']]],
  ['SREM', [['SADD', 'k', 'a', 'b']], [['SREM', 'k', 'a']]],
  ['SREM missing member (no change)', [['SADD', 'k', 'a']], [['SREM', 'k', 'x']]],
  ['SPOP', [['SADD', 'k', 'a']], [['SPOP', 'k']]],
  ['SMOVE into k', [['SADD', 'x', 'a']], [['SMOVE', 'x', 'k', 'a']]],
  ['SINTERSTORE into k', [['SADD', 'a', '1']], [['SINTERSTORE', 'k', 'a']]],
  ['SINTERSTORE empty result over missing k', [], [['SINTERSTORE', 'k', 'nothing']]],
  ['SUNIONSTORE empty result over existing k', [S('k', 'v')], [['SUNIONSTORE', 'k', 'nothing']]],
  // sorted sets
  ['ZADD', [], [['ZADD', 'k', '1', 'a']]],
  ['ZADD same score', [['ZADD', 'k', '1', 'a']], [['ZADD', 'k', '1', 'a']]],
  ['ZADD NX existing (no change)', [['ZADD', 'k', '1', 'a']], [['ZADD', 'k', 'NX', '2', 'a']]],
  ['ZINCRBY', [], [['ZINCRBY', 'k', '1', 'a']]],
  ['ZREM', [['ZADD', 'k', '1', 'a', '2', 'b']], [['ZREM', 'k', 'a']]],
  ['ZPOPMIN', [['ZADD', 'k', '1', 'a']], [['ZPOPMIN', 'k']]],
  ['ZREMRANGEBYSCORE nothing (no change)', [['ZADD', 'k', '1', 'a']], [['ZREMRANGEBYSCORE', 'k', '5', '6']]],
  ['ZUNIONSTORE into k', [['ZADD', 'a', '1', 'x']], [['ZUNIONSTORE', 'k', '1', 'a']]],
  ['ZRANGESTORE into k', [['ZADD', 'a', '1', 'x']], [['ZRANGESTORE', 'k', 'a', '0', '-1']]],
  // streams
  ['XADD', [], [['XADD', 'k', '1-1', 'f', 'v']]],
  ['XDEL', [['XADD', 'k', '1-1', 'f', 'v']], [['XDEL', 'k', '1-1']]],
  ['XTRIM', [['XADD', 'k', '1-1', 'f', 'v'], ['XADD', 'k', '2-1', 'f', 'v']], [['XTRIM', 'k', 'MAXLEN', '1']]],
  ['XGROUP CREATE', [['XADD', 'k', '1-1', 'f', 'v']], [['XGROUP', 'CREATE', 'k', 'g', '0']]],
  ['XSETID', [['XADD', 'k', '1-1', 'f', 'v']], [['XSETID', 'k', '5-5']]],
  // more write paths, and commands that fail or change nothing
  ['APPEND to a missing key', [], [['APPEND', 'k', 'x']]],
  ['INCR overflow (error)', [S('k', '9223372036854775807')], [['INCR', 'k']]],
  ['SET EX 0 (error)', [S('k', 'v')], [S('k', 'w', 'EX', '0')]],
  ['SETRANGE past the limit (error)', [S('k', 'v')], [['SETRANGE', 'k', '536870912', 'x']]],
  ['SETRANGE empty value on a missing key', [], [['SETRANGE', 'k', '5', '']]],
  ['SETBIT same bit value', [['SETBIT', 'k', '1', '1']], [['SETBIT', 'k', '1', '1']]],
  ['BITFIELD INCRBY overflow FAIL', [['BITFIELD', 'k', 'SET', 'u8', '0', '255']], [['BITFIELD', 'k', 'OVERFLOW', 'FAIL', 'INCRBY', 'u8', '0', '1']]],
  ['GETRANGE (read)', [S('k', 'hello')], [['GETRANGE', 'k', '0', '1']]],
  ['PFCOUNT (cache update)', [['PFADD', 'k', 'a', 'b']], [['PFCOUNT', 'k']]],
  ['EXPIREAT', [S('k', 'v')], [['EXPIREAT', 'k', '4000000000']]],
  ['PEXPIRE 0 (deletes)', [S('k', 'v')], [['PEXPIRE', 'k', '0']]],
  ['EXPIRE with the same TTL', [S('k', 'v', 'EX', '100')], [['EXPIRE', 'k', '100']]],
  ['EXPIRE GT refused (no change)', [S('k', 'v', 'EX', '100')], [['EXPIRE', 'k', '50', 'GT']]],
  ['GETEX PXAT in the past', [S('k', 'v')], [['GETEX', 'k', 'PXAT', '1']]],
  ['TTL and EXPIRETIME (read)', [S('k', 'v', 'EX', '100')], [['TTL', 'k'], ['EXPIRETIME', 'k']]],
  ['RENAMENX success onto k', [S('x', 'v')], [['RENAMENX', 'x', 'k']]],
  ['MOVE refused, k exists in db 1 (no change)', [S('k', 'v')], [['SELECT', '1'], S('k', 'w'), ['SELECT', '0'], ['MOVE', 'k', '1']]],
  ['COPY refused, k exists (no change)', [S('x', 'v'), S('k', 'w')], [['COPY', 'x', 'k']]],
  ['RESTORE refused, k exists (no change)', [S('k', 'w')], [['RESTORE', 'k', '0', '\x00\x01v\x0a\x00\x91\x08\xce\xb2\x198\x8a\xce']]],
  ['RESTORE bad payload (no change)', [], [['RESTORE', 'k', '0', 'garbage']]],
  ['HSETNX missing field', [['HSET', 'k', 'f', 'v']], [['HSETNX', 'k', 'g', 'w']]],
  ['HDEL last field (deletes)', [['HSET', 'k', 'f', 'v']], [['HDEL', 'k', 'f']]],
  ['HRANDFIELD and HSTRLEN (read)', [['HSET', 'k', 'f', 'v']], [['HRANDFIELD', 'k'], ['HSTRLEN', 'k', 'f']]],
  ['HINCRBY on a non-integer (error)', [['HSET', 'k', 'f', 'x']], [['HINCRBY', 'k', 'f', '1']]],
  ['LPUSHX existing', [['RPUSH', 'k', 'a']], [['LPUSHX', 'k', 'b']]],
  ['LSET out of range (error)', [['RPUSH', 'k', 'a']], [['LSET', 'k', '5', 'b']]],
  ['LTRIM emptying the list', [['RPUSH', 'k', 'a']], [['LTRIM', 'k', '1', '0']]],
  ['LMOVE from k', [['RPUSH', 'k', 'a', 'b']], [['LMOVE', 'k', 'x', 'LEFT', 'LEFT']]],
  ['LMOVE k onto itself', [['RPUSH', 'k', 'a', 'b']], [['LMOVE', 'k', 'k', 'LEFT', 'RIGHT']]],
  ['BLMOVE with data', [['RPUSH', 'x', 'a']], [['BLMOVE', 'x', 'k', 'LEFT', 'LEFT', '0']]],
  ['LPOS and LINDEX (read)', [['RPUSH', 'k', 'a']], [['LPOS', 'k', 'a'], ['LINDEX', 'k', '0']]],
  ['SPOP with count', [['SADD', 'k', 'a']], [['SPOP', 'k', '5']]],
  ['SPOP count 0', [['SADD', 'k', 'a']], [['SPOP', 'k', '0']]],
  ['SMOVE from k', [['SADD', 'k', 'a', 'b']], [['SMOVE', 'k', 'x', 'a']]],
  ['SMOVE missing member (no change)', [['SADD', 'k', 'a']], [['SMOVE', 'k', 'x', 'z']]],
  ['SREM every member (deletes)', [['SADD', 'k', 'a']], [['SREM', 'k', 'a']]],
  ['SRANDMEMBER and SINTERCARD (read)', [['SADD', 'k', 'a']], [['SRANDMEMBER', 'k'], ['SINTERCARD', '1', 'k']]],
  ['SDIFFSTORE into k', [['SADD', 'a', '1', '2']], [['SDIFFSTORE', 'k', 'a']]],
  ['ZADD XX on a missing member (no change)', [['ZADD', 'k', '1', 'a']], [['ZADD', 'k', 'XX', '1', 'b']]],
  ['ZADD GT refused', [['ZADD', 'k', '5', 'a']], [['ZADD', 'k', 'GT', '1', 'a']]],
  ['ZADD INCR', [['ZADD', 'k', '1', 'a']], [['ZADD', 'k', 'INCR', '1', 'a']]],
  ['ZREM missing member (no change)', [['ZADD', 'k', '1', 'a']], [['ZREM', 'k', 'z']]],
  ['ZREMRANGEBYRANK', [['ZADD', 'k', '1', 'a', '2', 'b']], [['ZREMRANGEBYRANK', 'k', '0', '0']]],
  ['ZPOPMAX with count', [['ZADD', 'k', '1', 'a']], [['ZPOPMAX', 'k', '3']]],
  ['BZPOPMIN with data', [['ZADD', 'k', '1', 'a']], [['BZPOPMIN', 'k', '0']]],
  ['ZINTERSTORE empty result over existing k', [['ZADD', 'k', '1', 'a']], [['ZINTERSTORE', 'k', '1', 'nothing']]],
  ['ZDIFFSTORE into k', [['ZADD', 'a', '1', 'x']], [['ZDIFFSTORE', 'k', '1', 'a']]],
  ['ZRANDMEMBER and ZSCORE (read)', [['ZADD', 'k', '1', 'a']], [['ZRANDMEMBER', 'k'], ['ZSCORE', 'k', 'a']]],
  ['GEOADD', [], [['GEOADD', 'k', '13.361389', '38.115556', 'Palermo']]],
  ['GEOSEARCHSTORE into k', [['GEOADD', 'g', '13.361389', '38.115556', 'Palermo']], [['GEOSEARCHSTORE', 'k', 'g', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km']]],
  ['XADD NOMKSTREAM on a missing key (no change)', [], [['XADD', 'k', 'NOMKSTREAM', '1-1', 'f', 'v']]],
  ['XREADGROUP', [['XADD', 'k', '1-1', 'f', 'v'], ['XGROUP', 'CREATE', 'k', 'g', '0']], [['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 'k', '>']]],
  ['XACK', [['XADD', 'k', '1-1', 'f', 'v'], ['XGROUP', 'CREATE', 'k', 'g', '0'], ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 'k', '>']], [['XACK', 'k', 'g', '1-1']]],
  ['XCLAIM', [['XADD', 'k', '1-1', 'f', 'v'], ['XGROUP', 'CREATE', 'k', 'g', '0'], ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 'k', '>']], [['XCLAIM', 'k', 'g', 'd', '0', '1-1']]],
  ['XGROUP DESTROY', [['XADD', 'k', '1-1', 'f', 'v'], ['XGROUP', 'CREATE', 'k', 'g', '0']], [['XGROUP', 'DESTROY', 'k', 'g']]],
  ['XGROUP CREATECONSUMER', [['XADD', 'k', '1-1', 'f', 'v'], ['XGROUP', 'CREATE', 'k', 'g', '0']], [['XGROUP', 'CREATECONSUMER', 'k', 'g', 'c']]],
  ['XGROUP SETID', [['XADD', 'k', '1-1', 'f', 'v'], ['XGROUP', 'CREATE', 'k', 'g', '0']], [['XGROUP', 'SETID', 'k', 'g', '$']]],
  ['XLEN and XRANGE (read)', [['XADD', 'k', '1-1', 'f', 'v']], [['XLEN', 'k'], ['XRANGE', 'k', '-', '+']]],
  ['EVAL that writes then fails', [], [['EVAL', "redis.call('set', KEYS[1], 'v'); return redis.call('nope')", '1', 'k']]],
  ['EVAL_RO that reads k', [S('k', 'v')], [['EVAL_RO', "return redis.call('get', KEYS[1])", '1', 'k']]],
  ['FLUSHALL ASYNC with k', [S('k', 'v')], [['FLUSHALL', 'ASYNC']]],
  ['SELECT and DBSIZE (no change)', [S('k', 'v')], [['SELECT', '1'], ['DBSIZE'], ['SELECT', '0']]],
  // scripts and flushes
  ['EVAL that writes k', [], [['EVAL', "return redis.call('set', KEYS[1], 'v')", '1', 'k']]],
  ['EVAL that reads k', [S('k', 'v')], [['EVAL', "return redis.call('get', KEYS[1])", '1', 'k']]],
  ['FLUSHDB with k', [S('k', 'v')], [['FLUSHDB']]],
  ['FLUSHDB without k', [S('x', 'v')], [['FLUSHDB']]],
  ['FLUSHALL with k', [S('k', 'v')], [['FLUSHALL']]],
  ['FLUSHALL without k', [S('x', 'v')], [['FLUSHALL']]],
  ['FLUSHALL SYNC on an empty server', [], [['FLUSHALL', 'SYNC']]],
  ['FLUSHDB of db 1 holding k', [], [['SELECT', '1'], S('k', 'v'), ['FLUSHDB']]],
  ['SWAPDB 0 1, k in db 0', [S('k', 'v')], [['SWAPDB', '0', '1']]],
  ['SWAPDB 0 1, k in db 1', [], [['SELECT', '1'], S('k', 'v'), ['SWAPDB', '0', '1']]],
  ['SWAPDB 0 1, k in neither', [S('x', 'v')], [['SWAPDB', '0', '1']]],
  ['SWAPDB 1 2, k in db 1', [], [['SELECT', '1'], S('k', 'v'), ['SWAPDB', '1', '2']]],
  ['SWAPDB 0 0', [S('k', 'v')], [['SWAPDB', '0', '0']]],
];

const touchedCases: MultiCase[] = MODIFICATIONS.map(([name, setup, modify]) => touched(name, setup, modify));

// A few of them again in RESP3 (EXEC's null is `_`), on the watching connection.
const resp3Cases: MultiCase[] = MODIFICATIONS.filter((_, i) => i % 8 === 0)
  .map(([name, setup, modify]) => touched(`${name} (RESP3)`, setup, modify, { resp3: [0] }));

const w = (cmd: Cmd): MultiStep => ({ c: 0, cmd });
const o = (cmd: Cmd): MultiStep => ({ c: 1, cmd });

/**
 * k (and whatever `setup` adds) expires in place (active expiry off) before
 * connection 0 watches it, then connection 1 runs `after` (a MultiStep runs as
 * given): Redis treats the deletion of a key already expired at WATCH as no change.
 */
function expiredAtWatch(name: string, setup: Cmd[], after: (Cmd | MultiStep)[], third = false): MultiCase[] {
  return [false, true].map((resp3) => ({
    name: `key already expired when watched, ${name}${resp3 ? ' (RESP3)' : ''}`,
    clients: third ? 3 : 2,
    ...(resp3 ? { resp3: [0] } : {}),
    steps: [o(['DEBUG', 'SET-ACTIVE-EXPIRE', '0']), ...on(1, setup), o(S('k', 'v', 'PX', '10')), { sleep: 30 }, w(['WATCH', 'k']),
      ...after.map((a) => (Array.isArray(a) ? o(a) : a)), ...TX, ...(third ? on(2, [['MULTI'], ['EXEC']]) : [])],
    cleanup: [['DEBUG', 'SET-ACTIVE-EXPIRE', '1']],
  }));
}

const stateCases: MultiCase[] = [
  {
    name: 'watched key expires before EXEC (no access)',
    steps: [o(S('k', 'v', 'PX', '30')), w(['WATCH', 'k']), { sleep: 60 }, ...TX],
  },
  {
    name: 'watched key expires, another client reads it',
    steps: [o(S('k', 'v', 'PX', '30')), w(['WATCH', 'k']), { sleep: 60 }, o(['GET', 'k']), ...TX],
  },
  {
    name: 'key already expired when watched, then read (no change)',
    steps: [o(['DEBUG', 'SET-ACTIVE-EXPIRE', '0']), o(S('k', 'v', 'PX', '10')), { sleep: 30 }, w(['WATCH', 'k']), o(['GET', 'k']), ...TX],
    cleanup: [['DEBUG', 'SET-ACTIVE-EXPIRE', '1']],
  },
  {
    name: 'key already expired when watched, then set again',
    steps: [o(['DEBUG', 'SET-ACTIVE-EXPIRE', '0']), o(S('k', 'v', 'PX', '10')), { sleep: 30 }, w(['WATCH', 'k']), o(S('k', 'w')), ...TX],
    cleanup: [['DEBUG', 'SET-ACTIVE-EXPIRE', '1']],
  },
  {
    name: 'key already expired when watched, EXEC untouched',
    steps: [o(['DEBUG', 'SET-ACTIVE-EXPIRE', '0']), o(S('k', 'v', 'PX', '10')), { sleep: 30 }, w(['WATCH', 'k']), ...TX],
    cleanup: [['DEBUG', 'SET-ACTIVE-EXPIRE', '1']],
  },
  ...expiredAtWatch('then FLUSHDB (no change)', [], [['FLUSHDB']]),
  ...expiredAtWatch('then SWAPDB with a live k in db 1', [['SELECT', '1'], S('k', 'w'), ['SELECT', '0']], [['SWAPDB', '0', '1']]),
  ...expiredAtWatch('then SWAPDB with an expired k in db 1', [['SELECT', '1'], S('k', 'w', 'PX', '10'), ['SELECT', '0']], [['SWAPDB', '0', '1']]),
  ...expiredAtWatch('then another client watches and it is set', [], [{ c: 2, cmd: ['WATCH', 'k'] }, S('k', 'w')], true),
  {
    name: 'absent key watched, SWAPDB brings an expired one',
    steps: [o(['DEBUG', 'SET-ACTIVE-EXPIRE', '0']), o(['SELECT', '1']), o(S('k', 'v', 'PX', '10')), { sleep: 30 }, w(['WATCH', 'k']), o(['SWAPDB', '0', '1']), ...TX],
    cleanup: [['DEBUG', 'SET-ACTIVE-EXPIRE', '1']],
  },
  {
    name: 'key with a far TTL: EXEC goes through',
    steps: [o(S('k', 'v', 'EX', '100')), w(['WATCH', 'k']), ...TX],
  },
  {
    name: 'untouched watch: EXEC goes through',
    steps: [o(S('k', 'v')), w(['WATCH', 'k']), w(['GET', 'k']), ...TX],
  },
  {
    name: 'own write to the watched key aborts too',
    steps: [w(['WATCH', 'k']), w(S('k', 'v')), ...TX],
  },
  {
    name: 'write inside the transaction itself does not abort it',
    steps: [w(['WATCH', 'k']), w(['MULTI']), w(S('k', 'v')), w(['INCR', 'n']), w(['EXEC']), o(['GET', 'k'])],
  },
  {
    name: 'watch several keys, one touched',
    steps: [w(['WATCH', 'a', 'b', 'k']), o(S('b', '1')), ...TX],
  },
  {
    name: 'watch twice, touched once',
    steps: [w(['WATCH', 'k']), w(['WATCH', 'k', 'k']), o(S('k', '1')), ...TX],
  },
  {
    name: 'watch in db 1, touched in db 1',
    steps: [w(['SELECT', '1']), w(['WATCH', 'k']), w(['SELECT', '0']), o(['SELECT', '1']), o(S('k', 'v')), ...TX],
  },
  {
    name: 'watch in db 1, same name touched in db 0',
    steps: [w(['SELECT', '1']), w(['WATCH', 'k']), o(S('k', 'v')), ...TX],
  },
  {
    name: 'two watchers both aborted',
    clients: 3,
    steps: [w(['WATCH', 'k']), { c: 2, cmd: ['WATCH', 'k'] }, o(S('k', 'v')), w(['MULTI']), { c: 2, cmd: ['MULTI'] },
      w(['INCR', 'n']), { c: 2, cmd: ['INCR', 'n'] }, w(['EXEC']), { c: 2, cmd: ['EXEC'] }, o(['GET', 'n'])],
  },
  {
    name: 'first EXEC touches the key the second watches',
    clients: 3,
    steps: [w(['WATCH', 'k']), { c: 2, cmd: ['WATCH', 'k'] }, w(['MULTI']), { c: 2, cmd: ['MULTI'] },
      w(['INCR', 'k']), { c: 2, cmd: ['INCR', 'k'] }, w(['EXEC']), { c: 2, cmd: ['EXEC'] }, o(['GET', 'k'])],
  },
  {
    name: 'UNWATCH after the touch: EXEC goes through',
    steps: [w(['WATCH', 'k']), o(S('k', 'v')), w(['UNWATCH']), ...TX],
  },
  {
    name: 'UNWATCH queued inside MULTI does not save it',
    steps: [w(['WATCH', 'k']), o(S('k', 'v')), w(['MULTI']), w(['UNWATCH']), w(['EXEC'])],
  },
  {
    name: 'EXEC forgets the watches',
    steps: [w(['WATCH', 'k']), w(['MULTI']), w(['EXEC']), o(S('k', 'v')), ...TX],
  },
  {
    name: 'aborted EXEC forgets the watches',
    steps: [w(['WATCH', 'k']), o(S('k', 'v')), ...TX, o(S('k', 'w')), ...TX],
  },
  {
    name: 'DISCARD forgets the watches',
    steps: [w(['WATCH', 'k']), w(['MULTI']), w(['DISCARD']), o(S('k', 'v')), ...TX],
  },
  {
    name: 'RESET forgets the watches',
    steps: [w(['WATCH', 'k']), w(['RESET']), o(S('k', 'v')), ...TX],
  },
  {
    name: 'RESET inside MULTI discards it',
    steps: [w(['MULTI']), w(S('k', 'v')), w(['RESET']), w(['EXEC']), o(['EXISTS', 'k'])],
  },
  {
    name: 'watch again after a touch, then EXEC',
    steps: [w(['WATCH', 'k']), o(S('k', 'v')), w(['WATCH', 'x']), ...TX],
  },
  {
    name: 'watching client disconnects, the other writes',
    steps: [w(['WATCH', 'k']), w(['QUIT']), o(S('k', 'v')), o(['GET', 'k'])],
  },
  {
    name: 'client killed inside MULTI: nothing runs',
    steps: [w(['MULTI']), w(S('k', 'v')), o(['CLIENT', 'KILL', 'ID', '$id0']), o(['EXISTS', 'k'])],
  },
  {
    name: 'queued commands are not visible to others before EXEC',
    steps: [w(['MULTI']), w(S('k', 'v')), o(['GET', 'k']), w(['EXEC']), o(['GET', 'k'])],
  },
  {
    name: 'other client writes between queueing and EXEC',
    steps: [w(['MULTI']), w(['INCR', 'k']), o(S('k', '10')), w(['EXEC']), o(['GET', 'k'])],
  },
  {
    name: 'other client makes a queued command fail at EXEC',
    steps: [w(['MULTI']), w(['INCR', 'k']), w(['GET', 'k']), o(S('k', 'x')), w(['EXEC'])],
  },
  {
    name: 'SELECT queued: WATCH db stays the watched one',
    steps: [w(['WATCH', 'k']), w(['MULTI']), w(['SELECT', '1']), w(S('k', 'v')), w(['EXEC']), o(['SELECT', '1']), o(['GET', 'k'])],
  },
  {
    name: 'publish from EXEC reaches a subscriber after the EXEC',
    steps: [o(['SUBSCRIBE', 'ch']), w(['MULTI']), w(['PUBLISH', 'ch', 'a']), w(['PUBLISH', 'ch', 'b']), w(['EXEC'])],
  },
  {
    name: 'keyspace events of a transaction',
    config: { 'notify-keyspace-events': 'KEA' },
    steps: [o(['PSUBSCRIBE', '__key*__:*']), w(['MULTI']), w(S('k', 'v')), w(['EXPIRE', 'k', '100']), w(['DEL', 'k']), w(['EXEC'])],
  },
  {
    name: 'BLPOP inside MULTI does not block, a later push is not seen',
    steps: [w(['MULTI']), w(['BLPOP', 'l', '0']), w(['EXEC']), o(['RPUSH', 'l', 'a']), w(['LLEN', 'l'])],
  },
  {
    name: 'EXEC pushes to a list another client blocks on',
    steps: [o(['BLPOP', 'l', '0']), { ...w(['MULTI']) }, w(['RPUSH', 'l', 'a']), w(['RPUSH', 'l', 'b']), w(['EXEC']), w(['LRANGE', 'l', '0', '-1'])]
      .map((s, i) => (i === 0 ? { ...s, blocks: true as const } : s)),
  },
  {
    name: 'WATCH broken by a script of another client, RESP3 watcher',
    resp3: [0],
    steps: [w(['WATCH', 'k']), o(['EVAL', "redis.call('incr', KEYS[1]); return 1", '1', 'k']), w(['MULTI']), w(['HGETALL', 'h']), w(['EXEC'])],
  },
  {
    name: 'EXEC of writes waits for CLIENT PAUSE WRITE; a read-only one does not',
    steps: [o(['CLIENT', 'PAUSE', '100', 'WRITE']), w(['MULTI']), w(['GET', 'a']), w(['EXEC']), w(['MULTI']), { c: 0, cmd: ['SET', 'a', '1'], blocks: true },
      { sleep: 150 }, w(['EXEC']), o(['GET', 'a'])],
  },
  {
    name: 'FUNCTION LOAD and FCALL by another client break the watch',
    steps: [w(['WATCH', 'k']), o(['FUNCTION', 'LOAD', "#!lua name=mtx\nredis.register_function('w', function(keys) return redis.call('set', keys[1], 'f') end)"]),
      w(['MULTI']), w(['PING']), w(['EXEC']), w(['WATCH', 'k']), o(['FCALL', 'w', '1', 'k']), ...TX],
    cleanup: [['FUNCTION', 'FLUSH']],
  },
  {
    name: 'FLUSHALL by another client inside a transaction window',
    steps: [o(S('k', 'v')), w(['WATCH', 'k']), w(['MULTI']), w(['GET', 'k']), o(['FLUSHALL']), w(['EXEC'])],
  },
];

export const cases: MultiCase[] = [...touchedCases, ...resp3Cases, ...stateCases];
