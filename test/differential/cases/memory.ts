// maxmemory, OOM and MEMORY: what is deterministic on both servers. With
// maxmemory 1 every server is over the limit whatever its own memory, so every
// denyoom command is refused (noeviction) or every key is evicted first; exact
// eviction order under a real limit depends on redis-server's own allocations
// and is tested on redmoon alone (packages/core/src/evict.test.ts).
import type { Case } from '../case.ts';

const OOM_1 = { maxmemory: '1' };
const x = (n: number): string => 'x'.repeat(n);
const set = (name: string, value: string): string[] => ['CONFIG', 'SET', name, value];
const get = (name: string): string[] => ['CONFIG', 'GET', name];

const oomCases: Case[] = [
  {
    name: 'noeviction: denyoom commands refused, reads and DEL run',
    config: OOM_1,
    cmds: [
      ['SET', 'a', '1'], ['GET', 'a'], ['DEL', 'a'], ['EXISTS', 'a'], ['INCR', 'n'], ['LPUSH', 'l', 'a'],
      ['SADD', 's', 'a'], ['HSET', 'h', 'f', 'v'], ['ZADD', 'z', '1', 'a'], ['XADD', 'x', '*', 'f', 'v'],
      ['APPEND', 'a', 'b'], ['SETRANGE', 'a', '0', 'b'], ['PFADD', 'p', 'a'], ['GEOADD', 'g', '0', '0', 'm'],
      ['LPOP', 'l'], ['EXPIRE', 'a', '10'], ['PERSIST', 'a'], ['FLUSHDB'], ['PING'], ['ECHO', 'e'],
      ['MSET', 'a', '1', 'b', '2'], ['SET', 'a', '1', 'GET'], ['GETSET', 'a', '1'], ['SETNX', 'a', '1'],
    ],
  },
  {
    name: 'noeviction: wrong arity and unknown commands are refused before OOM',
    config: OOM_1,
    cmds: [['SET', 'a'], ['SET'], ['NOSUCH', 'a'], ['CONFIG', 'NOSUCH'], ['SET', 'a', '1', 'BADOPT']],
  },
  {
    name: 'noeviction: keys written before the limit stay readable and deletable',
    cmds: [
      ['SET', 'a', '1'], ['RPUSH', 'l', 'a', 'b'], set('maxmemory', '1'), ['GET', 'a'], ['LRANGE', 'l', '0', '-1'],
      ['LPOP', 'l'], ['RPUSH', 'l', 'c'], ['UNLINK', 'a'], ['DBSIZE'], set('maxmemory', '0'), ['RPUSH', 'l', 'c'],
    ],
  },
  {
    name: 'OOM in MULTI: every queued command but EXEC/DISCARD is refused, EXEC aborts',
    config: OOM_1,
    cmds: [['MULTI'], ['GET', 'a'], ['SET', 'a', '1'], ['PING'], ['EXEC'], ['MULTI'], ['DISCARD'], ['GET', 'a']],
  },
  {
    name: 'OOM: EXEC of a queued denyoom command is aborted when memory ran out meanwhile',
    cmds: [['MULTI'], ['SET', 'a', '1'], ['GET', 'a'], set('maxmemory', '1'), ['EXEC'], set('maxmemory', '0')],
  },
  {
    name: 'OOM: EXEC of queued reads runs',
    cmds: [['SET', 'a', 'v'], ['MULTI'], ['GET', 'a'], ['STRLEN', 'a'], set('maxmemory', '1'), ['EXEC'], set('maxmemory', '0')],
  },
  {
    name: 'allkeys-lru with maxmemory 1: every key is evicted, then writes are refused',
    cmds: [
      ['SET', 'a', '1'], ['SET', 'b', '2'], ['LPUSH', 'l', 'x'], set('maxmemory-policy', 'allkeys-lru'),
      set('maxmemory', '1'), ['GET', 'a'], ['DBSIZE'], ['SET', 'c', '3'], ['DBSIZE'],
      set('maxmemory', '0'), set('maxmemory-policy', 'noeviction'),
    ],
  },
  {
    name: 'allkeys-random with maxmemory 1: every key is evicted',
    cmds: [
      ['SET', 'a', '1'], ['HSET', 'h', 'f', 'v'], set('maxmemory-policy', 'allkeys-random'),
      set('maxmemory', '1'), ['DBSIZE'], ['EXISTS', 'a', 'h'],
      set('maxmemory', '0'), set('maxmemory-policy', 'noeviction'),
    ],
  },
  {
    name: 'volatile-ttl with maxmemory 1: only keys with a TTL are evicted',
    cmds: [
      ['SET', 'a', '1'], ['SET', 'b', '2', 'EX', '100'], ['SET', 'c', '3', 'PX', '100000'],
      set('maxmemory-policy', 'volatile-ttl'), set('maxmemory', '1'), ['DBSIZE'], ['EXISTS', 'a', 'b', 'c'],
      ['SET', 'd', '4'], set('maxmemory', '0'), set('maxmemory-policy', 'noeviction'),
    ],
  },
  {
    name: 'volatile-lru and volatile-lfu and volatile-random keep keys without a TTL',
    cmds: [
      ['SET', 'a', '1'], ['SET', 'b', '2', 'EX', '100'], set('maxmemory-policy', 'volatile-lru'), set('maxmemory', '1'),
      ['EXISTS', 'a', 'b'], set('maxmemory', '0'), ['SET', 'b', '2', 'EX', '100'],
      set('maxmemory-policy', 'volatile-lfu'), set('maxmemory', '1'), ['EXISTS', 'a', 'b'], set('maxmemory', '0'),
      ['SET', 'b', '2', 'EX', '100'], set('maxmemory-policy', 'volatile-random'), set('maxmemory', '1'),
      ['EXISTS', 'a', 'b'], ['INCR', 'a'], set('maxmemory', '0'), set('maxmemory-policy', 'noeviction'),
    ],
  },
  {
    name: 'allkeys-lfu with maxmemory 1: every key is evicted',
    cmds: [
      ['SET', 'a', '1'], ['SET', 'b', '1'], set('maxmemory-policy', 'allkeys-lfu'), set('maxmemory', '1'),
      ['DBSIZE'], set('maxmemory', '0'), set('maxmemory-policy', 'noeviction'),
    ],
  },
];

const scriptCases: Case[] = [
  {
    name: 'OOM in scripts without a shebang: the first denyoom call is refused',
    config: OOM_1,
    cmds: [
      ['EVAL', "return redis.call('set','a','1')", '0'],
      ['EVAL', "return redis.call('get','a')", '0'],
      ['EVAL', "return redis.pcall('set','a','1')", '0'],
      ['EVAL', "local ok = redis.pcall('incr','a'); return {type(ok), ok['err']}", '0'],
      // DEL is a write without denyoom: once the script wrote, later writes go through.
      ['EVAL', "redis.call('del','a'); return redis.call('set','a','1')", '0'],
      ['EVAL', "return redis.call('publish','ch','m')", '0'],
    ],
    cleanup: [['SCRIPT', 'FLUSH']],
  },
  {
    name: 'OOM and shebang flags: refused before running unless allow-oom or no-writes',
    config: OOM_1,
    cmds: [
      ['EVAL', "#!lua\nreturn redis.call('get','a')", '0'],
      ['EVAL', '#!lua\nreturn 1', '0'],
      ['EVAL_RO', '#!lua\nreturn 1', '0'],
      ['EVAL', "#!lua flags=allow-oom\nreturn redis.call('set','a','1')", '0'],
      ['EVAL', "#!lua flags=no-writes\nreturn redis.call('get','a')", '0'],
      ['EVAL', "#!lua flags=no-writes\nreturn redis.call('set','a','1')", '0'],
      ['EVAL', '#!lua flags=allow-oom,no-writes\nreturn 3', '0'],
      ['EVALSHA', 'ffffffffffffffffffffffffffffffffffffffff', '0'],
      ['SCRIPT', 'LOAD', '#!lua\nreturn 1'],
      ['EVALSHA', 'cb70127618f0b0be70c53cf6bfcfa54a29d9b0c0', '0'],
      ['EVAL', '#!lua flags=bad\nreturn 1', '0'],
    ],
    cleanup: [['SCRIPT', 'FLUSH']],
  },
  {
    name: 'OOM and function flags',
    cmds: [
      ['FUNCTION', 'LOAD', [
        '#!lua name=oomlib',
        'redis.register_function("f", function() return redis.call("set","a","1") end)',
        'redis.register_function{function_name="g", callback=function() return redis.call("set","a","1") end, flags={"allow-oom"}}',
        'redis.register_function{function_name="h", callback=function() return 2 end, flags={"no-writes"}}',
        'redis.register_function{function_name="k", callback=function() return redis.call("get","a") end, flags={}}',
      ].join('\n')],
      set('maxmemory', '1'),
      ['FCALL', 'f', '0'], ['FCALL', 'g', '0'], ['FCALL', 'h', '0'], ['FCALL_RO', 'h', '0'], ['FCALL', 'k', '0'],
      ['FCALL_RO', 'k', '0'], ['FCALL', 'nosuch', '0'],
      ['FUNCTION', 'LOAD', '#!lua name=other\nredis.register_function("x", function() return 1 end)'],
      ['FUNCTION', 'DELETE', 'oomlib'], set('maxmemory', '0'),
    ],
    cleanup: [['FUNCTION', 'FLUSH']],
  },
  {
    name: 'OOM: EXEC of a queued script without a shebang runs, its write is refused inside',
    cmds: [
      ['MULTI'], ['EVAL', "return redis.call('set','a','1')", '0'], set('maxmemory', '1'), ['EXEC'], set('maxmemory', '0'),
    ],
    cleanup: [['SCRIPT', 'FLUSH']],
  },
];

const configCases: Case[] = [
  {
    name: 'CONFIG SET maxmemory: memory units and validation',
    cmds: [
      set('maxmemory', '100mb'), get('maxmemory'), set('maxmemory', '1gb'), get('maxmemory'), set('maxmemory', '10k'),
      get('maxmemory'), set('maxmemory', '-1'), set('maxmemory', 'abc'), set('maxmemory', '1.5mb'), set('maxmemory', ''),
      set('maxmemory', '18446744073709551615'), get('maxmemory'), set('maxmemory', '18446744073709551616'),
      set('maxmemory', '0'), get('maxmemory'),
    ],
  },
  {
    name: 'CONFIG SET maxmemory-policy: every policy, case, bad names',
    cmds: [
      ...['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random',
        'NOEVICTION', 'AllKeys-LRU'].flatMap((p) => [set('maxmemory-policy', p), get('maxmemory-policy')]),
      set('maxmemory-policy', 'lru'), set('maxmemory-policy', ''), set('maxmemory-policy', 'noeviction'),
      get('maxmemory-policy'),
    ],
  },
  {
    name: 'CONFIG SET maxmemory-samples, tenacity, lfu-log-factor, lfu-decay-time: ranges',
    cmds: [
      set('maxmemory-samples', '10'), get('maxmemory-samples'), set('maxmemory-samples', '0'), set('maxmemory-samples', '-1'),
      set('maxmemory-samples', 'x'), set('maxmemory-samples', '2147483648'), set('maxmemory-samples', '5'),
      set('maxmemory-eviction-tenacity', '100'), get('maxmemory-eviction-tenacity'), set('maxmemory-eviction-tenacity', '101'),
      set('maxmemory-eviction-tenacity', '-1'), set('maxmemory-eviction-tenacity', '10'),
      set('lfu-log-factor', '0'), get('lfu-log-factor'), set('lfu-log-factor', '-1'), set('lfu-log-factor', '10'),
      set('lfu-decay-time', '0'), get('lfu-decay-time'), set('lfu-decay-time', 'x'), set('lfu-decay-time', '1'),
      // Parameters are listed in the config dict's order.
      { cmd: ['CONFIG', 'GET', 'maxmemory*'], sort: 'pairs' },
    ],
  },
  {
    name: 'OBJECT FREQ needs an LFU policy',
    cmds: [
      ['SET', 'a', '1'], ['OBJECT', 'FREQ', 'a'], set('maxmemory-policy', 'allkeys-lfu'), ['SET', 'b', 'v'],
      ['OBJECT', 'FREQ', 'b'], ['OBJECT', 'FREQ', 'nosuch'], ['OBJECT', 'IDLETIME', 'b'],
      set('maxmemory-policy', 'noeviction'),
    ],
  },
];

const usageCases: Case[] = [
  {
    name: 'MEMORY USAGE of strings: int, embstr, raw, sizes across sds types and size classes',
    cmds: [
      ['SET', 'i', '12345'], ['SET', 'neg', '-9223372036854775808'], ['SET', 'e', 'a'], ['SET', 'e44', x(44)],
      ['SET', 'r45', x(45)], ['SET', 'r100', x(100)], ['SET', 'r1000', x(1000)], ['SET', 'r70000', x(70000)],
      ['SET', x(40), 'v'], ['SET', '', ''],
      ...['i', 'neg', 'e', 'e44', 'r45', 'r100', 'r1000', 'r70000', x(40), ''].map((k) => ['MEMORY', 'USAGE', k]),
    ],
  },
  {
    name: 'MEMORY USAGE of small collections: quicklist, listpack, intset, hashtable',
    cmds: [
      ['RPUSH', 'l', 'a', 'b', 'c', '1', '-5000', '100000', x(70)], ['HSET', 'h', 'f', 'v', 'n', '12'],
      ['SADD', 'si', '1', '2', '3'], ['SADD', 'si32', '1', '100000'], ['SADD', 'si64', '1', '10000000000'],
      ['SADD', 'sh', 'a', 'b', 'c'],
      ['ZADD', 'z', '1', 'a', '2.5', 'b', '-3', 'c'], ['XADD', 'x', '1-1', 'f', 'v'],
      ...['l', 'h', 'si', 'si32', 'si64', 'sh', 'z', 'x'].map((k) => ['MEMORY', 'USAGE', k]),
    ],
  },
  {
    name: 'MEMORY USAGE: arguments, missing keys, SAMPLES',
    cmds: [
      ['MEMORY', 'USAGE', 'nokey'], ['SET', 'k', 'v'], ['MEMORY', 'USAGE', 'k', 'SAMPLES'],
      ['MEMORY', 'USAGE', 'k', 'SAMPLES', '-1'], ['MEMORY', 'USAGE', 'k', 'SAMPLES', 'x'], ['MEMORY', 'USAGE', 'k', 'FOO', '1'],
      ['MEMORY', 'USAGE', 'k', 'samples', '0'], ['MEMORY', 'USAGE', 'k', 'SAMPLES', '1', 'SAMPLES', '2'],
      ['MEMORY', 'USAGE', 'k', 'SAMPLES', '99999999999999999999'], ['MEMORY', 'USAGE', 'nokey', 'SAMPLES', 'x'],
      ['MEMORY', 'USAGE'], ['MEMORY'], ['MEMORY', 'FOO'], ['MEMORY', 'HELP'], ['MEMORY', 'HELP', 'x'],
      // DOCTOR's text depends on the server's whole memory state (under 5 MB it says "empty"):
      // the real oracle has served other suites before, so only the reply type is compared.
      ['MEMORY', 'PURGE'], { cmd: ['MEMORY', 'DOCTOR'], shape: true }, ['MEMORY', 'DOCTOR', 'x'], ['MEMORY', 'STATS', 'x'],
    ],
  },
  {
    name: 'MEMORY DOCTOR under RESP3 is a verbatim string',
    resp3: true,
    cmds: [{ cmd: ['MEMORY', 'DOCTOR'], shape: true }, ['MEMORY', 'USAGE', 'nokey']],
  },
];

export const cases: Case[] = [...oomCases, ...scriptCases, ...configCases, ...usageCases];
