// MULTI / EXEC / DISCARD / WATCH / UNWATCH on one connection: queueing and its
// checks (unknown commands, arity, subcommands: EXECABORT), errors that do not
// abort (nested MULTI, WATCH inside MULTI), runtime errors inside EXEC (no
// rollback), EXEC replies in RESP2 and RESP3, scripts and functions inside
// MULTI, blocking commands that do not block, and the control commands' arity.
import type { Case, Cmd } from '../case.ts';

const M: Cmd = ['MULTI'];
const X: Cmd = ['EXEC'];
const tx = (name: string, queued: Cmd[], extra: Partial<Case> = {}): Case => ({ name, cmds: [M, ...queued, X], ...extra });

const FUNCTIONS_LIB = "#!lua name=txlib\nredis.register_function('txset', function(keys, args) return redis.call('set', keys[1], args[1]) end)\n"
  + "redis.register_function{function_name='txget', callback=function(keys) return redis.call('get', keys[1]) end, flags={'no-writes'}}";

/** The same transactions in RESP2 and RESP3: EXEC nests every reply type. */
const replyTypes: [string, Cmd[], Cmd[]][] = [
  ['strings and integers', [], [['SET', 'a', '1'], ['INCR', 'a'], ['GET', 'a'], ['GET', 'missing'], ['APPEND', 'a', '\x00\xff']]],
  ['hash as map', [['HSET', 'h', 'f', 'v', 'g', 'w']], [['HGETALL', 'h'], ['HGETALL', 'nohash'], ['HRANDFIELD', 'nohash', '1', 'WITHVALUES']]],
  ['set as set', [['SADD', 's', 'a']], [['SMEMBERS', 's'], ['SMEMBERS', 'noset'], ['SISMEMBER', 's', 'a']]],
  ['doubles', [['ZADD', 'z', '1.5', 'a', '2', 'b']], [['ZSCORE', 'z', 'a'], ['ZINCRBY', 'z', '0.25', 'a'], ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'], ['ZPOPMIN', 'z'], ['INCRBYFLOAT', 'f', '1.1']]],
  ['nulls', [], [['GET', 'x'], ['LPOP', 'x'], ['LPOP', 'x', '2'], ['BLPOP', 'x', '1'], ['ZSCORE', 'x', 'm'], ['HGET', 'x', 'f'], ['ZRANDMEMBER', 'x']]],
  ['nested arrays', [['RPUSH', 'l', 'a', 'b'], ['ZADD', 'z', '1', 'm']], [['LRANGE', 'l', '0', '-1'], ['LMPOP', '1', 'l', 'LEFT', 'COUNT', '5'], ['ZMPOP', '1', 'z', 'MIN'], ['LRANGE', 'l', '0', '-1']]],
  ['errors among replies', [['SET', 's', 'x']], [['INCR', 's'], ['LPUSH', 's', 'a'], ['SET', 'n', '1'], ['HSET', 's', 'f', 'v'], ['GET', 'n']]],
  ['status replies', [], [['PING'], ['PING', 'hi'], ['ECHO', '\x00bin'], ['TYPE', 'x'], ['SELECT', '0']]],
  ['streams', [['XADD', 's', '1-1', 'f', 'v']], [['XRANGE', 's', '-', '+'], ['XLEN', 's'], ['XREAD', 'COUNT', '1', 'STREAMS', 's', '0'], ['XREAD', 'BLOCK', '10', 'STREAMS', 's', '$']]],
  ['script replies', [], [['EVAL', "return {1, 'two', {3}, false, redis.status_reply('st')}", '0'], ['EVAL', "return redis.error_reply('my error')", '0'], ['EVAL', "return {map={a=1}}", '0']]],
  ['script with RESP3 types', [], [['EVAL', "redis.setresp(3); return {map={a=1}, set={b=true}, double=3.5}", '0'], ['EVAL', "redis.setresp(3); return redis.call('hgetall', 'nohash')", '0']]],
];

const typeCases: Case[] = replyTypes.flatMap(([name, setup, queued]) => [
  { name: `EXEC replies: ${name}`, cmds: [...setup, M, ...queued, X] },
  { name: `EXEC replies: ${name} (RESP3)`, cmds: [...setup, M, ...queued, X], resp3: true as const },
]);

const cases0: Case[] = [
  tx('empty transaction', []),
  tx('single command', [['SET', 'k', 'v']]),
  tx('queued then read back', [['SET', 'k', 'v'], ['GET', 'k'], ['DEL', 'k'], ['GET', 'k']]),
  tx('binary arguments', [['SET', '\x00k\xff', '\r\n\x00'], ['GET', '\x00k\xff'], ['STRLEN', '\x00k\xff']]),
  tx('many commands', Array.from({ length: 60 }, (_, i) => ['RPUSH', 'l', String(i)]).concat([['LLEN', 'l']])),
  tx('runtime error does not roll back', [['SET', 'a', 'x'], ['INCR', 'a'], ['SET', 'b', '2'], ['INCR', 'b']]),
  tx('wrong type inside EXEC', [['SET', 'a', 'x'], ['LPUSH', 'a', 'y'], ['GET', 'a']]),
  tx('bad integer argument is a runtime error', [['SET', 'a', '1'], ['INCRBY', 'a', 'x'], ['EXPIRE', 'a', 'nan'], ['GET', 'a']]),
  tx('syntax error is a runtime error', [['SET', 'a', '1', 'XX', 'NX'], ['SET', 'b', '1'], ['ZADD', 'z', 'NX', 'XX', '1', 'm']]),
  tx('unknown command aborts', [['SET', 'a', '1'], ['NOSUCHCOMMAND', 'x', 'y'], ['SET', 'b', '1']], { cmds: [M, ['SET', 'a', '1'], ['NOSUCHCOMMAND', 'x', 'y'], ['SET', 'b', '1'], X, ['EXISTS', 'a', 'b']] }),
  tx('wrong arity aborts', [], { cmds: [M, ['SET', 'a', '1'], ['GET'], ['SET', 'b'], X, ['EXISTS', 'a']] }),
  tx('unknown subcommand aborts', [], { cmds: [M, ['SET', 'a', '1'], ['CONFIG', 'NOPE'], X, ['EXISTS', 'a']] }),
  tx('container without subcommand aborts', [], { cmds: [M, ['OBJECT'], X] }),
  tx('subcommand wrong arity aborts', [], { cmds: [M, ['CLIENT', 'ID', 'x'], X] }),
  tx('commands after the abort are still QUEUED', [], { cmds: [M, ['FOO'], ['SET', 'a', '1'], ['GET', 'a'], X, ['EXISTS', 'a']] }),
  tx('EXEC with arguments aborts the transaction', [], { cmds: [M, ['SET', 'a', '1'], ['EXEC', 'now'], X, ['EXISTS', 'a']] }),
  tx('MULTI with arguments inside MULTI', [], { cmds: [M, ['MULTI', 'x'], ['SET', 'a', '1'], X] }),
  tx('DISCARD with arguments inside MULTI', [], { cmds: [M, ['DISCARD', 'x'], ['SET', 'a', '1'], X, ['EXISTS', 'a']] }),
  tx('nested MULTI is an error but not an abort', [], { cmds: [M, ['SET', 'a', '1'], M, ['SET', 'b', '2'], X] }),
  tx('WATCH inside MULTI is an error but not an abort', [], { cmds: [M, ['SET', 'a', '1'], ['WATCH', 'a'], X] }),
  tx('WATCH without keys inside MULTI aborts', [], { cmds: [M, ['WATCH'], X] }),
  tx('UNWATCH inside MULTI is queued', [['UNWATCH'], ['SET', 'a', '1']]),
  tx('UNWATCH with arguments inside MULTI aborts', [], { cmds: [M, ['UNWATCH', 'x'], X] }),
  { name: 'EXEC without MULTI', cmds: [X, ['EXEC', 'x']] },
  { name: 'DISCARD without MULTI', cmds: [['DISCARD'], ['DISCARD', 'x']] },
  { name: 'MULTI arity', cmds: [['MULTI', 'x'], X] },
  { name: 'DISCARD drops the queue', cmds: [M, ['SET', 'a', '1'], ['DISCARD'], ['EXISTS', 'a'], X] },
  { name: 'DISCARD after an abort', cmds: [M, ['FOO'], ['DISCARD'], M, ['SET', 'a', '1'], X] },
  { name: 'EXECABORT leaves MULTI', cmds: [M, ['FOO'], X, X, ['SET', 'a', '1']] },
  { name: 'MULTI again after EXEC', cmds: [M, ['SET', 'a', '1'], X, M, ['GET', 'a'], X] },
  { name: 'WATCH arity', cmds: [['WATCH']] },
  { name: 'UNWATCH arity', cmds: [['UNWATCH', 'a']] },
  { name: 'WATCH then UNWATCH', cmds: [['WATCH', 'a', 'b'], ['UNWATCH'], ['UNWATCH'], M, X] },
  { name: 'WATCH many keys and binary names', cmds: [['WATCH', 'a', '', '\x00\xff', 'a'], M, ['SET', 'x', '1'], X] },
  { name: 'WATCH own write aborts EXEC', cmds: [['WATCH', 'a'], ['SET', 'a', '1'], M, ['GET', 'a'], X, ['GET', 'a']] },
  { name: 'WATCH own read does not', cmds: [['SET', 'a', '1'], ['WATCH', 'a'], ['GET', 'a'], M, ['INCR', 'a'], X] },
  { name: 'WATCH own write aborts EXEC (RESP3)', cmds: [['WATCH', 'a'], ['SET', 'a', '1'], M, ['GET', 'a'], X], resp3: true },
  { name: 'WATCH own FLUSHALL of a missing key', cmds: [['WATCH', 'a'], ['FLUSHALL'], M, ['PING'], X] },
  { name: 'WATCH own FLUSHDB of an existing key', cmds: [['SET', 'a', '1'], ['WATCH', 'a'], ['FLUSHDB'], M, ['PING'], X] },
  { name: 'WATCH own SWAPDB', cmds: [['SET', 'a', '1'], ['WATCH', 'a'], ['SWAPDB', '0', '1'], M, ['PING'], X, ['SELECT', '1'], ['GET', 'a']] },
  { name: 'WATCH then SELECT: the key stays in its db', cmds: [['WATCH', 'a'], ['SELECT', '1'], ['SET', 'a', '1'], M, ['PING'], X] },
  { name: 'WATCH in db 1 then own write there', cmds: [['SELECT', '1'], ['WATCH', 'a'], ['SET', 'a', '1'], ['SELECT', '0'], M, ['PING'], X] },
  { name: 'WATCH own write then UNWATCH', cmds: [['WATCH', 'a'], ['SET', 'a', '1'], ['UNWATCH'], M, ['GET', 'a'], X] },
  { name: 'WATCH own write then DISCARD resets', cmds: [['WATCH', 'a'], ['SET', 'a', '1'], M, ['DISCARD'], M, ['GET', 'a'], X] },
  { name: 'WATCH own write then RESET', cmds: [['WATCH', 'a'], ['SET', 'a', '1'], ['RESET'], M, ['GET', 'a'], X] },
  { name: 'WATCH own EXPIRE in the past', cmds: [['SET', 'a', '1'], ['WATCH', 'a'], ['PEXPIREAT', 'a', '1'], M, ['EXISTS', 'a'], X] },
  { name: 'WATCH own script write', cmds: [['WATCH', 'a'], ['EVAL', "redis.call('set', 'a', 1)", '0'], M, ['GET', 'a'], X] },
  { name: 'WATCH own no-op writes', cmds: [['SADD', 's', 'm'], ['WATCH', 's'], ['SADD', 's', 'm'], ['SREM', 's', 'x'], M, ['SCARD', 's'], X] },
  { name: 'RESET inside MULTI', cmds: [M, ['SET', 'a', '1'], ['RESET'], X, ['EXISTS', 'a']] },
  { name: 'QUIT inside MULTI', cmds: [M, ['SET', 'a', '1'], ['QUIT'], ['PING']] },
  tx('SELECT inside MULTI', [['SELECT', '1'], ['SET', 'a', 'one'], ['SELECT', '2'], ['SET', 'a', 'two'], ['SELECT', '1'], ['GET', 'a']], {}),
  { name: 'SELECT inside MULTI stays after EXEC', cmds: [M, ['SELECT', '3'], X, ['SET', 'a', '1'], ['SELECT', '0'], ['EXISTS', 'a'], ['SELECT', '3'], ['GET', 'a']] },
  tx('SELECT out of range inside EXEC', [['SELECT', '99'], ['SET', 'a', '1']]),
  tx('EVAL inside MULTI', [['EVAL', "return redis.call('incr', KEYS[1])", '1', 'n'], ['EVAL', "return redis.call('incr', KEYS[1])", '1', 'n'], ['GET', 'n']]),
  tx('EVAL error inside MULTI', [['EVAL', "return redis.call('nope')", '0'], ['EVAL', 'syntax error here', '0'], ['SET', 'a', '1']]),
  tx('EVALSHA unknown inside MULTI', [['EVALSHA', 'ffffffffffffffffffffffffffffffffffffffff', '0'], ['PING']]),
  tx('SCRIPT LOAD then EVALSHA inside MULTI', [['SCRIPT', 'LOAD', 'return 42'], ['EVALSHA', '1fa00e76656cc152ad327c13fe365858fd7be306', '0']], { cleanup: [['SCRIPT', 'FLUSH']] }),
  tx('EVAL_RO inside MULTI', [['SET', 'a', '1'], ['EVAL_RO', "return redis.call('get', KEYS[1])", '1', 'a'], ['EVAL_RO', "return redis.call('set', KEYS[1], 2)", '1', 'a']]),
  tx('script numkeys error is a runtime error', [['EVAL', 'return 1', 'x'], ['EVAL', 'return 1', '5', 'a']]),
  { name: 'FCALL inside MULTI', cmds: [['FUNCTION', 'LOAD', FUNCTIONS_LIB], M, ['FCALL', 'txset', '1', 'k', 'v'], ['FCALL_RO', 'txget', '1', 'k'], ['FCALL', 'nofunc', '0'], X], cleanup: [['FUNCTION', 'FLUSH']] },
  { name: 'FUNCTION LOAD inside MULTI', cmds: [M, ['FUNCTION', 'LOAD', FUNCTIONS_LIB], ['FCALL', 'txset', '1', 'k', 'v'], ['GET', 'k'], X], cleanup: [['FUNCTION', 'FLUSH']] },
  tx('BLPOP inside MULTI does not block', [['BLPOP', 'l', '0'], ['RPUSH', 'l', 'a'], ['BLPOP', 'l', '0'], ['BRPOP', 'l', '0']]),
  tx('BLMOVE and BRPOPLPUSH inside MULTI', [['BLMOVE', 'a', 'b', 'LEFT', 'LEFT', '0'], ['BRPOPLPUSH', 'a', 'b', '0'], ['RPUSH', 'a', 'x'], ['BLMOVE', 'a', 'b', 'LEFT', 'LEFT', '0']]),
  tx('BZPOPMIN and BZMPOP inside MULTI', [['BZPOPMIN', 'z', '0'], ['BZMPOP', '0', '1', 'z', 'MIN'], ['ZADD', 'z', '1', 'a'], ['BZPOPMAX', 'z', '0']]),
  tx('BLMPOP inside MULTI', [['BLMPOP', '0', '1', 'l', 'LEFT'], ['RPUSH', 'l', 'a', 'b'], ['BLMPOP', '0', '1', 'l', 'RIGHT', 'COUNT', '5']]),
  tx('XREAD BLOCK inside MULTI', [['XREAD', 'BLOCK', '0', 'STREAMS', 's', '$'], ['XADD', 's', '1-1', 'f', 'v'], ['XREAD', 'BLOCK', '0', 'STREAMS', 's', '0']]),
  tx('BLPOP with a bad timeout inside MULTI', [['BLPOP', 'l', '-1'], ['BLPOP', 'l', 'x']]),
  tx('expire commands inside MULTI', [['SET', 'a', '1'], ['EXPIRE', 'a', '100'], ['TTL', 'a'], ['PERSIST', 'a'], ['TTL', 'a']]),
  tx('key expired inside MULTI', [['SET', 'a', '1', 'PX', '1'], ['DEBUG', 'SLEEP', '0.01'], ['GET', 'a']]),
  tx('PING and ECHO', [['PING'], ['ECHO', 'x']]),
  tx('CLIENT SETNAME and GETNAME', [['CLIENT', 'SETNAME', 'tx'], ['CLIENT', 'GETNAME'], ['CLIENT', 'SETNAME', 'bad name']]),
  tx('CONFIG GET inside MULTI', [['CONFIG', 'GET', 'maxmemory-policy']]),
  tx('DBSIZE and FLUSHDB inside MULTI', [['SET', 'a', '1'], ['DBSIZE'], ['FLUSHDB'], ['DBSIZE']]),
  tx('SWAPDB inside MULTI', [['SET', 'a', '1'], ['SWAPDB', '0', '1'], ['GET', 'a'], ['SELECT', '1'], ['GET', 'a'], ['SWAPDB', '0', '1']]),
  tx('MOVE and COPY inside MULTI', [['SET', 'a', '1'], ['COPY', 'a', 'b'], ['MOVE', 'a', '1'], ['EXISTS', 'a', 'b']]),
  tx('SORT inside MULTI', [['RPUSH', 'l', '3', '1', '2'], ['SORT', 'l'], ['SORT', 'l', 'DESC', 'STORE', 'd'], ['LRANGE', 'd', '0', '-1']]),
  // HELLO's reply holds the client id: the EXEC reply is compared by shape, then RESP3 is checked.
  { name: 'HELLO 3 inside MULTI switches the protocol', cmds: [M, ['HSET', 'h', 'f', 'v'], ['HELLO', '3'], ['HGETALL', 'h'], { cmd: X, shape: true }, ['HGETALL', 'h'], M, ['HGETALL', 'h'], X] },
  tx('SUBSCRIBE inside MULTI (RESP2)', [['SUBSCRIBE', 'ch'], ['PING']]),
  { name: 'EXEC while subscribed (RESP2)', cmds: [M, ['SUBSCRIBE', 'ch'], X, X, ['MULTI']] },
  { name: 'EXEC and MULTI unauthenticated', cmds: [X, M, ['AUTH', 'pw'], M, ['SET', 'a', '1'], X], config: { requirepass: 'pw' } },
  { name: 'commands rejected unauthenticated are not queued', cmds: [['AUTH', 'pw'], M, ['SET', 'a', '1'], ['AUTH', 'wrong'], ['GET', 'a'], X], config: { requirepass: 'pw' } },
  tx('DISCARD discards in RESP3', [], { cmds: [M, ['SET', 'a', '1'], ['DISCARD'], ['GET', 'a']], resp3: true }),
  tx('EXECABORT in RESP3', [], { cmds: [M, ['NOPE'], X], resp3: true }),
  tx('QUEUED in RESP3', [['SET', 'a', '1'], ['GET', 'a'], ['GET', 'missing']], { resp3: true }),
  tx('SUBSCRIBE inside MULTI (RESP3)', [['SUBSCRIBE', 'ch'], ['PING'], ['UNSUBSCRIBE', 'ch']], { resp3: true }),
];

export const cases: Case[] = [...cases0, ...typeCases];
