// Server commands: TIME, LASTSAVE, CONFIG GET/SET/RESETSTAT/HELP (every parameter
// of 7.0.15 without TLS), INFO and DEBUG.
import type { Case } from '../case.ts';


const get = (...names: string[]): string[] => ['CONFIG', 'GET', ...names];
const set = (name: string, value: string): string[] => ['CONFIG', 'SET', name, value];

/** SET each value, GET after each, then restore `orig`. */
function setSeries(name: string, orig: string, values: string[]): (string[])[] {
  const out: string[][] = [];
  for (const v of values) out.push(set(name, v), get(name));
  out.push(set(name, orig), get(name));
  return out;
}

// Parameters whose CONFIG GET does not depend on how the harness started the server.
const PLAIN_PARAMS = [
  'timeout', 'tcp-keepalive', 'tcp-backlog', 'protected-mode', 'maxclients', 'databases', 'unixsocket', 'unixsocketperm',
  'save', 'appendonly', 'appendfsync', 'dbfilename', 'appendfilename', 'appenddirname', 'rdbcompression', 'rdbchecksum',
  'list-max-listpack-size', 'list-max-ziplist-size', 'list-compress-depth', 'hash-max-listpack-entries',
  'hash-max-ziplist-entries', 'hash-max-listpack-value', 'hash-max-ziplist-value', 'set-max-intset-entries',
  'zset-max-listpack-entries', 'zset-max-ziplist-entries', 'zset-max-listpack-value', 'zset-max-ziplist-value',
  'stream-node-max-bytes', 'stream-node-max-entries', 'hll-sparse-max-bytes', 'client-output-buffer-limit',
  'client-query-buffer-limit', 'maxmemory-clients', 'maxmemory-eviction-tenacity', 'lazyfree-lazy-eviction',
  'active-expire-effort', 'latency-tracking', 'latency-tracking-info-percentiles', 'slowlog-log-slower-than',
  'slowlog-max-len', 'enable-debug-command', 'enable-protected-configs', 'enable-module-command', 'lfu-log-factor',
  'lfu-decay-time', 'loglevel', 'oom-score-adj', 'oom-score-adj-values', 'shutdown-on-sigint', 'replicaof', 'slaveof',
  'replica-read-only', 'slave-read-only', 'repl-backlog-size', 'cluster-enabled', 'activedefrag', 'acllog-max-len',
  'tracking-table-max-keys', 'repl-diskless-load', 'proc-title-template', 'io-threads', 'socket-mark-id',
];

const configCases: Case[] = [
  { name: 'config get parameters', cmds: PLAIN_PARAMS.map((n) => get(n)) },
  { name: 'config get aliases together', cmds: [{ cmd: get('*ziplist*'), sort: 'pairs' }, { cmd: get('slave-*'), sort: 'pairs' }, { cmd: get('*max-listpack*'), sort: 'pairs' }] },
  {
    name: 'config get many globs',
    cmds: [
      { cmd: get('lazyfree-*'), sort: 'pairs' }, { cmd: get('repl-*'), sort: 'pairs' }, { cmd: get('cluster-*'), sort: 'pairs' },
      { cmd: get('active*'), sort: 'pairs' }, { cmd: get('aof*'), sort: 'pairs' }, { cmd: get('enable-*'), sort: 'pairs' },
      { cmd: get('*memory*'), sort: 'pairs' }, { cmd: get('latency*'), sort: 'pairs' }, { cmd: get('SLOWLOG*'), sort: 'pairs' },
    ],
  },
  {
    name: 'config set immutable and protected',
    cmds: [
      set('databases', '16'), set('databases', 'x'), set('enable-debug-command', 'yes'), set('enable-protected-configs', 'yes'),
      set('daemonize', 'no'), set('io-threads', '2'), set('replicaof', 'no one'), set('slaveof', 'no one'), set('unixsocketperm', '1'),
      set('dir', '/tmp'), set('dbfilename', 'x.rdb'), set('rdbchecksum', 'no'), set('cluster-enabled', 'yes'),
      ['CONFIG', 'SET', 'hz', '20', 'databases', '3'], get('hz'),
    ],
  },
  { name: 'config set timeout', cmds: [set('timeout', '-1'), set('timeout', 'x'), set('timeout', '2147483648'), set('timeout', '0'), get('timeout')] },
  { name: 'config set maxclients', cmds: setSeries('maxclients', '10000', ['0', '-1', '5000', 'x', '4294967296', '1']) },
  { name: 'config set save', cmds: setSeries('save', '', ['100 1', '100', 'a b', '0 0', '100  1', '+100 -0', ' 100 1', '3600 1 300 100 60 10000', '1 4294967297', '']) },
  { name: 'config set appendfsync', cmds: setSeries('appendfsync', 'everysec', ['foo', 'ALWAYS', 'no', '', 'everysec ']) },
  { name: 'config set appendonly invalid', cmds: [set('appendonly', 'maybe'), set('appendonly', 'no'), get('appendonly')] },
  {
    name: 'config set list-max-listpack-size',
    cmds: [...setSeries('list-max-ziplist-size', '-2', ['0', '-6', '5', '-2147483649', '2147483648', 'x', '1k']), get('list-max-listpack-size')],
  },
  { name: 'config set hash limits', cmds: [...setSeries('hash-max-listpack-entries', '512', ['0', '-1', '1k', '1000']), ...setSeries('hash-max-ziplist-value', '64', ['1k', '1kb', '-1', '1.5', 'x', '0'])] },
  { name: 'config set set and zset limits', cmds: [...setSeries('set-max-intset-entries', '512', ['0', '1', '-1']), ...setSeries('zset-max-ziplist-entries', '128', ['0', '7', 'x']), ...setSeries('zset-max-listpack-value', '64', ['1mb', '2GB', '-5'])] },
  { name: 'config set stream limits', cmds: [...setSeries('stream-node-max-bytes', '4096', ['1k', '0', 'x']), ...setSeries('stream-node-max-entries', '100', ['0', '1k', '-1'])] },
  { name: 'config set hll-sparse-max-bytes', cmds: setSeries('hll-sparse-max-bytes', '3000', ['100000', '-1', '4kb']) },
  { name: 'config set list-compress-depth', cmds: setSeries('list-compress-depth', '0', ['1', '-1', '2147483647']) },
  {
    name: 'config set memory value forms',
    cmds: setSeries('maxmemory', '0', ['-1', '1.5gb', '100kb', '1 mb', '1MB', '-0', '', 'kb', '007', '5B', '3g', '3G', '1t', '18446744073709551615', '99999999999999999999']),
  },
  {
    name: 'config set client-output-buffer-limit',
    cmds: [
      set('client-output-buffer-limit', 'normal 1 2'), set('client-output-buffer-limit', 'foo 1 2 3'), set('client-output-buffer-limit', 'master 1 2 3'),
      set('client-output-buffer-limit', 'normal x 0 0'), set('client-output-buffer-limit', 'normal 0 0 -1'), set('client-output-buffer-limit', 'normal 0 0 3x'),
      set('client-output-buffer-limit', 'replica 1mb 2 3 pubsub 1gb 1kb 1'), get('client-output-buffer-limit'),
      set('client-output-buffer-limit', 'SLAVE 268435456 67108864 60 PubSub 33554432 8388608 60'), get('client-output-buffer-limit'),
      set('client-output-buffer-limit', ''), get('client-output-buffer-limit'),
    ],
  },
  { name: 'config set client-query-buffer-limit', cmds: setSeries('client-query-buffer-limit', '1gb', ['100', '2mb', 'x', '1048576']) },
  { name: 'config set maxmemory-clients', cmds: [set('maxmemory-clients', '101%'), set('maxmemory-clients', '-1'), set('maxmemory-clients', '1x'), set('maxmemory-clients', '%'), set('maxmemory-clients', '-5%'), set('maxmemory-clients', '0%'), get('maxmemory-clients'), set('maxmemory-clients', '0'), get('maxmemory-clients')] },
  { name: 'config set eviction and lfu', cmds: [...setSeries('maxmemory-eviction-tenacity', '10', ['101', '0', '100', '-1']), ...setSeries('lfu-log-factor', '10', ['-1', '0', '100']), ...setSeries('lfu-decay-time', '1', ['0', 'x'])] },
  { name: 'config set active-expire-effort', cmds: setSeries('active-expire-effort', '1', ['0', '11', '10', 'x']) },
  { name: 'config set latency tracking', cmds: [...setSeries('latency-tracking', 'yes', ['no', 'x', 'YES']), ...setSeries('latency-tracking-info-percentiles', '50 99 99.9', ['50 99.99', '101', '-1', 'x', '', '50  99', '1e1 0x10 .5', '100 0 33.3333333'])] },
  { name: 'config set slowlog', cmds: [...setSeries('slowlog-log-slower-than', '10000', ['-1', '-2', '0', '9223372036854775807', '9223372036854775808']), ...setSeries('slowlog-max-len', '128', ['-1', '0', '1000'])] },
  { name: 'config set lazyfree-lazy-eviction and protected-mode', cmds: [...setSeries('lazyfree-lazy-eviction', 'no', ['yes', 'on']), ...setSeries('protected-mode', 'yes', ['no', '1'])] },
  { name: 'config set enums', cmds: [...setSeries('loglevel', 'notice', ['foo', 'DEBUG', 'warning']), ...setSeries('repl-diskless-load', 'disabled', ['swapdb', 'x']), ...setSeries('oom-score-adj', 'no', ['yes', 'relative', 'absolute', 'x']), ...setSeries('acl-pubsub-default', 'resetchannels', ['allchannels', 'x'])] },
  { name: 'config set shutdown-on-sigint', cmds: setSeries('shutdown-on-sigint', 'default', ['save now', 'foo', 'save nosave', '', 'force now save', 'default save']) },
  { name: 'config set oom-score-adj-values', cmds: setSeries('oom-score-adj-values', '0 200 800', ['1 2', '1 2 3000', 'a 2 3', '-2000 0 2000', '1 2 3 4']) },
  { name: 'config set proc-title-template', cmds: setSeries('proc-title-template', '{title} {listen-addr} {server-mode}', ['{title}', '{port}', '{nope}', '{{', '{{x}}', 'x}', ' {title} ', '{title} {unixsocket}', '{tls-port}']) },
  { name: 'config set repl and cluster remembered', cmds: [...setSeries('repl-backlog-size', '1mb', ['1', '1k', '20000', '0']), ...setSeries('cluster-announce-hostname', '', ['a.b-c', 'a b', 'x_y']), ...setSeries('activedefrag', 'no', ['yes', 'no'])] },
  { name: 'config set several at once', cmds: [['CONFIG', 'SET', 'hash-max-ziplist-entries', '10', 'hash-max-listpack-entries', '20'], get('hash-max-listpack-entries'), ['CONFIG', 'SET', 'set-max-intset-entries', '5', 'lfu-log-factor', 'x'], get('set-max-intset-entries'), ['CONFIG', 'SET', 'hash-max-listpack-entries', '512']] },
];

// INFO: most values differ between two servers, so only deterministic sections
// are compared byte for byte; the rest by reply type (field lists are pinned in
// packages/core/src/commands/info.test.ts).
const infoCases: Case[] = [
  {
    name: 'info shapes',
    cmds: [
      { cmd: ['INFO'], shape: true }, { cmd: ['INFO', 'everything'], shape: true }, { cmd: ['INFO', 'all'], shape: true },
      { cmd: ['INFO', 'default'], shape: true }, { cmd: ['INFO', 'server', 'clients'], shape: true },
      { cmd: ['INFO', 'MEMORY'], shape: true }, { cmd: ['INFO', 'stats', 'nosuch'], shape: true },
    ],
  },
  {
    name: 'info deterministic sections',
    cmds: [
      ['INFO', 'nosuch'], ['INFO', 'cluster'], ['INFO', 'CLUSTER', 'modules'], ['INFO', 'keyspace'], ['SET', 'a', '1'],
      ['SET', 'b', '2'], ['INFO', 'keyspace'], ['INFO', 'keyspace', 'cluster', 'nosuch'], ['INFO', 'modules'],
    ],
  },
  {
    name: 'debug refused by default',
    cmds: [['DEBUG'], ['DEBUG', 'HELP'], ['debug', 'sleep', '0'], ['DEBUG', 'SET-ACTIVE-EXPIRE', '1'], ['DEBUG', 'FOO', 'x'], ['DEBUG', 'OBJECT', 'k']],
  },
  { name: 'info resp3', resp3: true, cmds: [['INFO', 'cluster'], ['INFO', 'nosuch'], { cmd: ['INFO'], shape: true }] },
];

export const cases: Case[] = [
  ...configCases,
  ...infoCases,
  { name: 'time', cmds: [{ cmd: ['TIME'], shape: true }, ['TIME', 'x']] },
  { name: 'time resp3', resp3: true, cmds: [{ cmd: ['TIME'], shape: true }] },
  { name: 'lastsave', cmds: [{ cmd: ['LASTSAVE'], shape: true }, ['LASTSAVE', 'x']] },
  {
    name: 'config get',
    cmds: [
      ['CONFIG', 'GET', 'hz'], ['CONFIG', 'GET', 'HZ'], ['CONFIG', 'GET', 'hz', 'hz'], ['CONFIG', 'GET', 'nosuch'],
      ['CONFIG', 'GET', 'lua-time-limit'], ['CONFIG', 'GET', 'busy-reply-threshold'],
      { cmd: ['CONFIG', 'GET', 'lazyfree-lazy-[su]*'], sort: 'pairs' }, { cmd: ['CONFIG', 'GET', '*lua*'], sort: 'pairs' },
      { cmd: ['CONFIG', 'GET', 'maxmemory-[ps]*'], sort: 'pairs' }, { cmd: ['CONFIG', 'GET', 'MAXMEMORY-POL?CY', 'hz'], sort: 'pairs' },
      ['CONFIG', 'GET', 'proto-max-bulk-len'], ['CONFIG', 'GET', 'notify-keyspace-events'], ['CONFIG', 'GET', 'requirepass'],
      ['CONFIG', 'GET'], ['CONFIG', 'GET', 'nosuch*'],
    ],
  },
  {
    name: 'config get resp3',
    resp3: true,
    cmds: [['CONFIG', 'GET', 'hz'], { cmd: ['CONFIG', 'GET', 'lazyfree-lazy-user-*'], sort: 'pairs' }, ['CONFIG', 'GET', 'nosuch']],
  },
  {
    name: 'config set',
    cmds: [
      ['CONFIG', 'SET', 'hz', '20'], ['CONFIG', 'GET', 'hz'], ['CONFIG', 'SET', 'hz', '600'], ['CONFIG', 'GET', 'hz'],
      ['CONFIG', 'SET', 'hz', '0'], ['CONFIG', 'GET', 'hz'], ['CONFIG', 'SET', 'hz', '-1'], ['CONFIG', 'SET', 'hz', 'x'],
      ['CONFIG', 'SET', 'HZ', '10'], ['CONFIG', 'SET', 'foo', 'bar'], ['CONFIG', 'SET', 'hz', '5', 'hz', '6'],
      ['CONFIG', 'SET', 'hz'], ['CONFIG', 'SET', 'hz', '5', 'foo', '1'], ['CONFIG', 'GET', 'hz'],
      ['CONFIG', 'SET', 'hz', '7', 'maxmemory', '1x'], ['CONFIG', 'GET', 'hz'],
      ['CONFIG', 'SET', 'maxmemory', '1mb'], ['CONFIG', 'GET', 'maxmemory'], ['CONFIG', 'SET', 'maxmemory', '2k'],
      ['CONFIG', 'GET', 'maxmemory'], ['CONFIG', 'SET', 'maxmemory', '1GB'], ['CONFIG', 'GET', 'maxmemory'],
      ['CONFIG', 'SET', 'maxmemory', '0'], ['CONFIG', 'SET', 'maxmemory-policy', 'foo'],
      ['CONFIG', 'SET', 'maxmemory-policy', 'ALLKEYS-LRU'], ['CONFIG', 'GET', 'maxmemory-policy'],
      ['CONFIG', 'SET', 'maxmemory-policy', 'noeviction'], ['CONFIG', 'SET', 'maxmemory-samples', '0'],
      ['CONFIG', 'SET', 'lazyfree-lazy-expire', 'maybe'], ['CONFIG', 'SET', 'lazyfree-lazy-expire', 'YES'],
      ['CONFIG', 'GET', 'lazyfree-lazy-expire'], ['CONFIG', 'SET', 'lazyfree-lazy-expire', 'no'],
      ['CONFIG', 'SET', 'lua-time-limit', '100'], ['CONFIG', 'GET', 'busy-reply-threshold'],
      ['CONFIG', 'SET', 'lua-time-limit', '5000', 'busy-reply-threshold', '5000'],
      ['CONFIG', 'SET', 'busy-reply-threshold', '5000'],
    ],
  },
  {
    name: 'config set notify-keyspace-events',
    cmds: [
      ['CONFIG', 'SET', 'notify-keyspace-events', 'Q'], ['CONFIG', 'SET', 'notify-keyspace-events', 'KEA'],
      ['CONFIG', 'GET', 'notify-keyspace-events'], ['CONFIG', 'SET', 'notify-keyspace-events', 'Kg$'],
      ['CONFIG', 'GET', 'notify-keyspace-events'], ['CONFIG', 'SET', 'notify-keyspace-events', ''],
      ['CONFIG', 'GET', 'notify-keyspace-events'],
    ],
  },
  { name: 'config resetstat and help', cmds: [['CONFIG', 'RESETSTAT'], ['CONFIG', 'RESETSTAT', 'x'], ['CONFIG', 'HELP'], ['CONFIG', 'FOO'], ['CONFIG']] },
];
