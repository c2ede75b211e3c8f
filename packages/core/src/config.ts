// The configuration parameters of redis-server 7.0.15 (config.c's table), with
// Redis's names, aliases, defaults, validation and CONFIG GET text. Values that
// behaviour depends on are kept parsed in typed `Config` fields; the others are
// kept as their CONFIG GET text in `Config.extra`. redmoon is a build without
// TLS, so the tls-* parameters do not exist (as in a redis-server built without
// OpenSSL); hidden (debug-only) parameters are not listed either.
import {
  boolParam, enumNames, yesno, enumParam, memtoull, numParam, type ParamDef, splitArgs, strtollWhole, stringParam,
} from './config-kinds.ts';
import { formatNotifyFlags, parseNotifyFlags } from './notify.ts';
import { parseDouble } from './util/parse.ts';

export type { ParamDef } from './config-kinds.ts';

/** enable-debug-command / enable-protected-configs (PROTECTED_ACTION_ALLOWED_*). */
export type ProtectedAction = 'no' | 'yes' | 'local';

/** client-output-buffer-limit for one class: hard and soft limits (bytes), soft seconds. */
export interface OutputBufferLimit { hard: number; soft: number; softSeconds: number }

export interface Config {
  requirepass: string;
  hz: number;
  port: number;
  databases: number;
  maxclients: number;
  timeout: number;
  protoMaxBulkLen: number;
  maxmemory: number;
  maxmemoryPolicy: string;
  maxmemorySamples: number;
  notifyKeyspaceEvents: number;
  busyReplyThreshold: number;
  lazyfreeLazyExpire: boolean;
  lazyfreeLazyUserDel: boolean;
  lazyfreeLazyUserFlush: boolean;
  lazyfreeLazyServerDel: boolean;
  lazyfreeLazyEviction: boolean;
  /** DEBUG SET-ACTIVE-EXPIRE (not a parameter). */
  activeExpireEnabled: boolean;
  activeExpireEffort: number;
  enableDebugCommand: ProtectedAction;
  enableProtectedConfigs: ProtectedAction;
  /** The encoding limits the data types convert at (the *-max-listpack-* family). */
  listMaxListpackSize: number;
  listCompressDepth: number;
  hashMaxListpackEntries: number;
  hashMaxListpackValue: number;
  setMaxIntsetEntries: number;
  zsetMaxListpackEntries: number;
  zsetMaxListpackValue: number;
  streamNodeMaxBytes: number;
  streamNodeMaxEntries: number;
  hllSparseMaxBytes: number;
  latencyTracking: boolean;
  latencyTrackingInfoPercentiles: number[];
  slowlogLogSlowerThan: number;
  slowlogMaxLen: number;
  clientOutputBufferLimit: Record<'normal' | 'replica' | 'pubsub', OutputBufferLimit>;
  /** Any other parameter, by canonical name, as CONFIG GET shows it. */
  extra: Map<string, string>;
}

export const MAXMEMORY_POLICIES = [
  'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl',
  'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction',
];

const INT_MAX = 2147483647n;
const INT_MIN = -2147483648n;
const LONG_MAX = 9223372036854775807n;
const ULLONG_MAX = 18446744073709551615n;
const PROTECTED_ACTIONS = ['no', 'yes', 'local'] as const;

/** save: pairs of "<seconds> <changes>", seconds >= 1 and changes >= 0 (setConfigSaveOption). */
const saveParam: ParamDef = {
  name: 'save',
  get: (c) => c.extra.get('save') ?? '',
  set: (c, v) => {
    const args = splitArgs(v);
    if (args.length % 2 !== 0) return 'Invalid save parameters';
    const out: string[] = [];
    for (let j = 0; j < args.length; j++) {
      const n = strtollWhole(args[j]);
      if (n === null || (j % 2 === 0 ? n < 1n : n < 0n)) return 'Invalid save parameters';
      // Changes are kept in an int, so larger values wrap as the C cast does.
      out.push(String(j % 2 === 0 ? n : BigInt.asIntN(32, n)));
    }
    c.extra.set('save', out.join(' '));
    return null;
  },
};

const OUTPUT_CLASSES = { normal: 'normal', slave: 'replica', replica: 'replica', pubsub: 'pubsub' } as const;

/** client-output-buffer-limit <class> <hard> <soft> <soft seconds> [...], all or nothing. */
const clientOutputBufferLimitParam: ParamDef = {
  name: 'client-output-buffer-limit',
  get: (c) => {
    const l = c.clientOutputBufferLimit;
    return ([['normal', l.normal], ['slave', l.replica], ['pubsub', l.pubsub]] as const)
      .map(([n, x]) => `${n} ${x.hard} ${x.soft} ${x.softSeconds}`).join(' ');
  },
  set: (c, v) => {
    const args = splitArgs(v);
    if (args.length % 4 !== 0) return 'Wrong number of arguments in buffer limit configuration.';
    const next = { ...c.clientOutputBufferLimit };
    for (let j = 0; j < args.length; j += 4) {
      const cls = OUTPUT_CLASSES[args[j].toLowerCase() as keyof typeof OUTPUT_CLASSES];
      if (cls === undefined) return 'Invalid client class specified in buffer limit configuration.';
      const hard = memtoull(args[j + 1]);
      const soft = memtoull(args[j + 2]);
      const secs = strtollWhole(args[j + 3]);
      if (hard === null || soft === null || secs === null || secs < 0n) {
        return 'Error in hard, soft or soft_seconds setting in buffer limit configuration.';
      }
      next[cls] = { hard: Number(hard), soft: Number(soft), softSeconds: Number(secs) };
    }
    c.clientOutputBufferLimit = next;
    return null;
  },
};

/** %f with trailing zeros (and a bare '.') removed: trimDoubleString. */
function trimmedFixed(d: number): string {
  return d.toFixed(6).replace(/\.?0+$/, '');
}

const latencyPercentilesParam: ParamDef = {
  name: 'latency-tracking-info-percentiles',
  get: (c) => c.latencyTrackingInfoPercentiles.map(trimmedFixed).join(' '),
  set: (c, v) => {
    const out: number[] = [];
    for (const a of splitArgs(v)) {
      const d = parseDouble(a);
      if (d === null) return 'Invalid latency-tracking-info-percentiles parameters';
      if (d > 100 || d < 0) return 'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]';
      out.push(d);
    }
    c.latencyTrackingInfoPercentiles = out;
    return null;
  },
};

const oomScoreAdjValuesParam: ParamDef = {
  name: 'oom-score-adj-values',
  get: (c) => c.extra.get('oom-score-adj-values') ?? '0 200 800',
  set: (c, v) => {
    const args = splitArgs(v);
    if (args.length !== 3) return 'wrong number of arguments';
    for (const a of args) {
      const n = strtollWhole(a);
      if (n === null || a === '' || n < -2000n || n > 2000n) {
        return 'Invalid oom-score-adj-values, elements must be between -2000 and 2000.';
      }
    }
    c.extra.set('oom-score-adj-values', args.map((a) => String(strtollWhole(a))).join(' '));
    return null;
  },
};

const bindParam: ParamDef = {
  name: 'bind',
  get: (c) => c.extra.get('bind') ?? '* -::*',
  set: (c, v) => {
    // No socket is bound here: a transport reads the addresses back (Redis's applyBind).
    const args = splitArgs(v);
    if (args.length > 16) return 'Too many bind addresses specified.';
    c.extra.set('bind', args.join(' '));
    return null;
  },
};

// shutdown-on-sigint/sigterm: a flags enum; "default" is no flag.
const SHUTDOWN_FLAGS = [['default', 0], ['save', 1], ['nosave', 2], ['now', 4], ['force', 8]] as const;

function shutdownParam(name: string): ParamDef {
  return {
    name,
    get: (c) => c.extra.get(name) ?? 'default',
    set: (c, v) => {
      const args = splitArgs(v);
      let flags = 0;
      if (args.length === 0) return `argument(s) must be one of the following: ${SHUTDOWN_FLAGS.map(([n]) => n).join(', ')}`;
      for (const a of args) {
        const hit = SHUTDOWN_FLAGS.find(([n]) => n === a.toLowerCase());
        if (hit === undefined) return `argument(s) must be one of the following: ${SHUTDOWN_FLAGS.map(([n]) => n).join(', ')}`;
        flags |= hit[1];
      }
      if ((flags & 1) && (flags & 2)) return "shutdown options SAVE and NOSAVE can't be used simultaneously";
      const names = SHUTDOWN_FLAGS.filter(([, f]) => f !== 0 && (flags & f)).map(([n]) => n);
      c.extra.set(name, names.length === 0 ? 'default' : names.join(' '));
      return null;
    },
  };
}

// proc-title-template variables (server.c expandProcTitleTemplate), as the
// validation expands them: with an empty title, so "{title}" alone is blank.
const TITLE_VARS = new Map([
  ['title', ''], ['listen-addr', '*:6379'], ['server-mode', ''], ['port', '6379'], ['tls-port', '0'],
  ['unixsocket', ''], ['config-file', ''],
]);

/** sdstemplate's rules: {name} of a known variable, {{ and }} escapes, a lone } is literal; the result must not be blank. */
function validProcTitleTemplate(v: string): string | null {
  const bad = 'template format is invalid or contains unknown variables';
  let literal = '';
  for (let i = 0; i < v.length; i++) {
    const ch = v[i];
    if ((ch === '{' || ch === '}') && v[i + 1] === ch) { literal += ch; i++; continue; }
    if (ch !== '{') { literal += ch; continue; }
    const end = v.indexOf('}', i + 1);
    const value = end < 0 ? undefined : TITLE_VARS.get(v.slice(i + 1, end));
    if (value === undefined) return bad;
    literal += value;
    i = end;
  }
  return literal.replace(/^ +| +$/g, '') === '' ? bad : null;
}

const ENUMS = {
  loglevel: ['debug', 'verbose', 'notice', 'warning'],
  appendfsync: ['everysec', 'always', 'no'],
  replDisklessLoad: ['disabled', 'on-empty-db', 'swapdb'],
  sanitizeDumpPayload: ['no', 'yes', 'clients'],
  aclPubsubDefault: ['allchannels', 'resetchannels'],
  endpointType: ['ip', 'hostname', 'unknown-endpoint'],
  propagationErrorBehavior: ['ignore', 'panic', 'panic-on-replicas'],
  supervised: ['upstart', 'systemd', 'auto', 'no'],
  syslogFacility: ['user', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'],
} as const;

const im = { immutable: true } as const;

const ACTIVE_DEFRAG_UNSUPPORTED =
  'Active defragmentation cannot be enabled: it requires a Redis server compiled with a modified Jemalloc like the one shipped by default with the Redis source distribution';

/** Every parameter of 7.0.15's CONFIG GET * (without TLS). */
export const PARAMS: ParamDef[] = [
  stringParam('requirepass', 'requirepass', ''),
  {
    // Redis keeps hz within CONFIG_MIN_HZ..CONFIG_MAX_HZ (1..500) after accepting any int.
    ...numParam('hz', 'hz', 0n, INT_MAX, 10),
    set: (c, v) => {
      const err = numParam('hz', 'hz', 0n, INT_MAX, 10).set(c, v);
      if (err === null) c.hz = Math.min(500, Math.max(1, c.hz));
      return err;
    },
  },
  numParam('proto-max-bulk-len', 'protoMaxBulkLen', 1048576n, LONG_MAX, 536870912, { memory: true }),
  numParam('maxmemory', 'maxmemory', 0n, ULLONG_MAX, 0, { memory: true, ull: true }),
  enumNames('maxmemory-policy', 'maxmemoryPolicy', MAXMEMORY_POLICIES, 'noeviction'),
  numParam('maxmemory-samples', 'maxmemorySamples', 1n, INT_MAX, 5),
  {
    name: 'notify-keyspace-events',
    get: (c) => formatNotifyFlags(c.notifyKeyspaceEvents),
    set: (c, v) => {
      const f = parseNotifyFlags(v);
      if (f < 0) return 'Invalid event class character. Use \'Ag$lshzxeKEtmdn\'.';
      c.notifyKeyspaceEvents = f;
      return null;
    },
  },
  numParam('busy-reply-threshold', 'busyReplyThreshold', 0n, LONG_MAX, 5000, { alias: 'lua-time-limit' }),
  boolParam('lazyfree-lazy-expire', 'lazyfreeLazyExpire', false),
  boolParam('lazyfree-lazy-user-del', 'lazyfreeLazyUserDel', false),
  boolParam('lazyfree-lazy-user-flush', 'lazyfreeLazyUserFlush', false),
  boolParam('lazyfree-lazy-server-del', 'lazyfreeLazyServerDel', false),
  boolParam('lazyfree-lazy-eviction', 'lazyfreeLazyEviction', false),
  // Networking. A transport reads port and bind; core binds nothing.
  numParam('port', 'port', 0n, 65535n, 6379),
  bindParam,
  numParam('timeout', 'timeout', 0n, INT_MAX, 0),
  numParam('tcp-keepalive', null, 0n, INT_MAX, 300),
  numParam('tcp-backlog', null, 0n, INT_MAX, 511, im),
  boolParam('protected-mode', null, true),
  // maxclients: Redis also caps it by the process's file limit; redmoon has none.
  numParam('maxclients', 'maxclients', 1n, 4294967295n, 10000),
  numParam('databases', 'databases', 1n, INT_MAX, 16, im),
  stringParam('unixsocket', null, '', im),
  numParam('unixsocketperm', null, 0n, 0o777n, 0, im),
  // Persistence: redmoon keeps no files, so these are remembered and reported only.
  saveParam,
  boolParam('appendonly', null, false),
  enumNames('appendfsync', null, ENUMS.appendfsync, 'everysec'),
  // dir is the working directory in Redis; core has none, so a host sets it at startup.
  stringParam('dir', null, '', { protected: true }),
  stringParam('dbfilename', null, 'dump.rdb', { protected: true }),
  stringParam('appendfilename', null, 'appendonly.aof', im),
  stringParam('appenddirname', null, 'appendonlydir', im),
  boolParam('rdbcompression', null, true),
  boolParam('rdbchecksum', null, true, im),
  boolParam('rdb-del-sync-files', null, false),
  boolParam('stop-writes-on-bgsave-error', null, true),
  boolParam('rdb-save-incremental-fsync', null, true),
  boolParam('aof-rewrite-incremental-fsync', null, true),
  boolParam('no-appendfsync-on-rewrite', null, false),
  boolParam('aof-load-truncated', null, true),
  boolParam('aof-use-rdb-preamble', null, true),
  boolParam('aof-timestamp-enabled', null, false),
  boolParam('aof-disable-auto-gc', null, false),
  numParam('auto-aof-rewrite-percentage', null, 0n, INT_MAX, 100),
  numParam('auto-aof-rewrite-min-size', null, 0n, LONG_MAX, 67108864, { memory: true }),
  // Encodings: the data types read these to pick listpack/intset or hashtable/skiplist.
  numParam('list-max-listpack-size', 'listMaxListpackSize', INT_MIN, INT_MAX, -2, { alias: 'list-max-ziplist-size' }),
  numParam('list-compress-depth', 'listCompressDepth', 0n, INT_MAX, 0),
  numParam('hash-max-listpack-entries', 'hashMaxListpackEntries', 0n, LONG_MAX, 512, { alias: 'hash-max-ziplist-entries' }),
  numParam('hash-max-listpack-value', 'hashMaxListpackValue', 0n, LONG_MAX, 64, { alias: 'hash-max-ziplist-value', memory: true }),
  numParam('set-max-intset-entries', 'setMaxIntsetEntries', 0n, LONG_MAX, 512),
  numParam('zset-max-listpack-entries', 'zsetMaxListpackEntries', 0n, LONG_MAX, 128, { alias: 'zset-max-ziplist-entries' }),
  numParam('zset-max-listpack-value', 'zsetMaxListpackValue', 0n, LONG_MAX, 64, { alias: 'zset-max-ziplist-value', memory: true }),
  numParam('stream-node-max-bytes', 'streamNodeMaxBytes', 0n, LONG_MAX, 4096, { memory: true }),
  numParam('stream-node-max-entries', 'streamNodeMaxEntries', 0n, LONG_MAX, 100),
  numParam('hll-sparse-max-bytes', 'hllSparseMaxBytes', 0n, LONG_MAX, 3000, { memory: true }),
  boolParam('activerehashing', null, true),
  // Clients.
  clientOutputBufferLimitParam,
  numParam('client-query-buffer-limit', null, 1048576n, LONG_MAX, 1073741824, { memory: true }),
  numParam('maxmemory-clients', null, -100n, LONG_MAX, 0, { memory: true, percent: true }),
  numParam('maxmemory-eviction-tenacity', null, 0n, 100n, 10),
  numParam('tracking-table-max-keys', null, 0n, LONG_MAX, 1000000),
  // Expiry, eviction, LFU.
  numParam('active-expire-effort', 'activeExpireEffort', 1n, 10n, 1),
  numParam('lfu-log-factor', null, 0n, INT_MAX, 10),
  numParam('lfu-decay-time', null, 0n, INT_MAX, 1),
  // Latency and slow log.
  boolParam('latency-tracking', 'latencyTracking', true),
  latencyPercentilesParam,
  numParam('latency-monitor-threshold', null, 0n, LONG_MAX, 0),
  numParam('slowlog-log-slower-than', 'slowlogLogSlowerThan', -1n, LONG_MAX, 10000),
  numParam('slowlog-max-len', 'slowlogMaxLen', 0n, LONG_MAX, 128),
  // Protected commands and configs (immutable: startup only).
  enumNames('enable-debug-command', 'enableDebugCommand', PROTECTED_ACTIONS, 'no', im),
  enumNames('enable-protected-configs', 'enableProtectedConfigs', PROTECTED_ACTIONS, 'no', im),
  enumNames('enable-module-command', null, PROTECTED_ACTIONS, 'no', im),
  // ACL.
  stringParam('aclfile', null, '', im),
  numParam('acllog-max-len', null, 0n, LONG_MAX, 128),
  enumNames('acl-pubsub-default', null, ENUMS.aclPubsubDefault, 'resetchannels'),
  // Logging and process.
  enumNames('loglevel', null, ENUMS.loglevel, 'notice'),
  stringParam('logfile', null, '', im),
  boolParam('syslog-enabled', null, false, im),
  stringParam('syslog-ident', null, 'redis', im),
  enumNames('syslog-facility', null, ENUMS.syslogFacility, 'local0', im),
  boolParam('daemonize', null, false, im),
  enumNames('supervised', null, ENUMS.supervised, 'no', im),
  stringParam('pidfile', null, '', im),
  boolParam('always-show-logo', null, false, im),
  boolParam('set-proc-title', null, true, im),
  stringParam('proc-title-template', null, '{title} {listen-addr} {server-mode}', {}, validProcTitleTemplate),
  stringParam('ignore-warnings', null, ''),
  boolParam('crash-log-enabled', null, true),
  boolParam('crash-memcheck-enabled', null, true),
  boolParam('disable-thp', null, true, im),
  boolParam('jemalloc-bg-thread', null, true),
  enumParam('oom-score-adj', null, [['no', 0], ['yes', 1], ['relative', 1], ['absolute', 2]], 0),
  oomScoreAdjValuesParam,
  shutdownParam('shutdown-on-sigint'),
  shutdownParam('shutdown-on-sigterm'),
  numParam('shutdown-timeout', null, 0n, INT_MAX, 10),
  stringParam('server_cpulist', null, '', im),
  stringParam('bio_cpulist', null, '', im),
  stringParam('aof_rewrite_cpulist', null, '', im),
  stringParam('bgsave_cpulist', null, '', im),
  numParam('io-threads', null, 1n, 128n, 1, im),
  boolParam('io-threads-do-reads', null, false, im),
  boolParam('dynamic-hz', null, true),
  numParam('socket-mark-id', null, 0n, 4294967295n, 0, im),
  enumNames('sanitize-dump-payload', null, ENUMS.sanitizeDumpPayload, 'no'),
  // Active defragmentation (jemalloc only; nothing to defragment here).
  {
    ...boolParam('activedefrag', null, false),
    // isValidActiveDefrag: there is no defragmenting allocator (a build without Redis's jemalloc).
    set: (c, v) => (yesno(v) === true ? ACTIVE_DEFRAG_UNSUPPORTED : boolParam('activedefrag', null, false).set(c, v)),
  },
  numParam('active-defrag-cycle-min', null, 1n, 99n, 1),
  numParam('active-defrag-cycle-max', null, 1n, 99n, 25),
  numParam('active-defrag-threshold-lower', null, 0n, 1000n, 10),
  numParam('active-defrag-threshold-upper', null, 0n, 1000n, 100),
  numParam('active-defrag-ignore-bytes', null, 1n, LONG_MAX, 104857600, { memory: true }),
  numParam('active-defrag-max-scan-fields', null, 1n, LONG_MAX, 1000),
  // Replication (redmoon is always a master without replicas).
  { ...stringParam('replicaof', null, '', im), alias: 'slaveof' },
  stringParam('masterauth', null, ''),
  stringParam('masteruser', null, ''),
  boolParam('replica-serve-stale-data', null, true, { alias: 'slave-serve-stale-data' }),
  boolParam('replica-read-only', null, true, { alias: 'slave-read-only' }),
  boolParam('replica-lazy-flush', null, false, { alias: 'slave-lazy-flush' }),
  boolParam('replica-ignore-maxmemory', null, true, { alias: 'slave-ignore-maxmemory' }),
  boolParam('replica-announced', null, true),
  boolParam('replica-ignore-disk-write-errors', null, false),
  stringParam('replica-announce-ip', null, '', { alias: 'slave-announce-ip' }),
  numParam('replica-announce-port', null, 0n, 65535n, 0, { alias: 'slave-announce-port' }),
  numParam('replica-priority', null, 0n, INT_MAX, 100, { alias: 'slave-priority' }),
  numParam('min-replicas-to-write', null, 0n, INT_MAX, 0, { alias: 'min-slaves-to-write' }),
  numParam('min-replicas-max-lag', null, 0n, INT_MAX, 10, { alias: 'min-slaves-max-lag' }),
  numParam('repl-ping-replica-period', null, 1n, INT_MAX, 10, { alias: 'repl-ping-slave-period' }),
  numParam('repl-timeout', null, 1n, INT_MAX, 60),
  {
    ...numParam('repl-backlog-size', null, 1n, LONG_MAX, 1048576, { memory: true }),
    // resizeReplicationBacklog raises it to CONFIG_REPL_BACKLOG_MIN_SIZE.
    set: (c, v) => {
      const err = numParam('repl-backlog-size', null, 1n, LONG_MAX, 1048576, { memory: true }).set(c, v);
      if (err === null && Number(c.extra.get('repl-backlog-size')) < 16384) c.extra.set('repl-backlog-size', '16384');
      return err;
    },
  },
  numParam('repl-backlog-ttl', null, 0n, LONG_MAX, 3600),
  boolParam('repl-disable-tcp-nodelay', null, false),
  boolParam('repl-diskless-sync', null, true),
  numParam('repl-diskless-sync-delay', null, 0n, INT_MAX, 5),
  numParam('repl-diskless-sync-max-replicas', null, 0n, INT_MAX, 0),
  enumNames('repl-diskless-load', null, ENUMS.replDisklessLoad, 'disabled'),
  enumNames('propagation-error-behavior', null, ENUMS.propagationErrorBehavior, 'ignore'),
  stringParam('bind-source-addr', null, ''),
  // Cluster (cluster-enabled is no: the others are remembered only).
  boolParam('cluster-enabled', null, false, im),
  stringParam('cluster-config-file', null, 'nodes.conf', im),
  numParam('cluster-port', null, 0n, 65535n, 0, im),
  numParam('cluster-node-timeout', null, 0n, LONG_MAX, 15000),
  numParam('cluster-migration-barrier', null, 0n, INT_MAX, 1),
  numParam('cluster-replica-validity-factor', null, 0n, INT_MAX, 10, { alias: 'cluster-slave-validity-factor' }),
  boolParam('cluster-replica-no-failover', null, false, { alias: 'cluster-slave-no-failover' }),
  boolParam('cluster-require-full-coverage', null, true),
  boolParam('cluster-allow-reads-when-down', null, false),
  boolParam('cluster-allow-pubsubshard-when-down', null, true),
  boolParam('cluster-allow-replica-migration', null, true),
  stringParam('cluster-announce-ip', null, ''),
  stringParam('cluster-announce-hostname', null, '', {}, (v) =>
    (/^[A-Za-z0-9.-]*$/.test(v) ? null : 'Hostnames may only contain alphanumeric characters, hyphens or dots')),
  numParam('cluster-announce-port', null, 0n, 65535n, 0),
  numParam('cluster-announce-bus-port', null, 0n, 65535n, 0),
  numParam('cluster-announce-tls-port', null, 0n, 65535n, 0),
  enumNames('cluster-preferred-endpoint-type', null, ENUMS.endpointType, 'ip'),
  numParam('cluster-link-sendbuf-limit', null, 0n, ULLONG_MAX, 0, { memory: true, ull: true }),
];

export function defaultConfig(): Config {
  const limit = (hard: number, soft: number, softSeconds: number): OutputBufferLimit => ({ hard, soft, softSeconds });
  return {
    requirepass: '',
    hz: 10,
    port: 6379,
    databases: 16,
    maxclients: 10000,
    timeout: 0,
    protoMaxBulkLen: 512 * 1024 * 1024,
    maxmemory: 0,
    maxmemoryPolicy: 'noeviction',
    maxmemorySamples: 5,
    notifyKeyspaceEvents: 0,
    busyReplyThreshold: 5000,
    lazyfreeLazyExpire: false,
    lazyfreeLazyUserDel: false,
    lazyfreeLazyUserFlush: false,
    lazyfreeLazyServerDel: false,
    lazyfreeLazyEviction: false,
    activeExpireEnabled: true,
    activeExpireEffort: 1,
    enableDebugCommand: 'no',
    enableProtectedConfigs: 'no',
    listMaxListpackSize: -2,
    listCompressDepth: 0,
    hashMaxListpackEntries: 512,
    hashMaxListpackValue: 64,
    setMaxIntsetEntries: 512,
    zsetMaxListpackEntries: 128,
    zsetMaxListpackValue: 64,
    streamNodeMaxBytes: 4096,
    streamNodeMaxEntries: 100,
    hllSparseMaxBytes: 3000,
    latencyTracking: true,
    latencyTrackingInfoPercentiles: [50, 99, 99.9],
    slowlogLogSlowerThan: 10000,
    slowlogMaxLen: 128,
    clientOutputBufferLimit: {
      normal: limit(0, 0, 0),
      replica: limit(268435456, 67108864, 60),
      pubsub: limit(33554432, 8388608, 60),
    },
    extra: new Map(),
  };
}

const BY_NAME = new Map<string, ParamDef>();
for (const p of PARAMS) {
  BY_NAME.set(p.name, p);
  if (p.alias !== undefined) BY_NAME.set(p.alias, p);
}

/** Find a parameter by name or alias (case-insensitive, as CONFIG is). */
export function findParam(name: string): ParamDef | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/**
 * allowProtectedAction: "yes" always, "local" for a client on the loopback or a
 * unix socket. An in-process client (no address) is local: it is in this process.
 */
export function allowProtectedAction(setting: ProtectedAction, addr: string): boolean {
  if (setting === 'yes') return true;
  if (setting === 'no') return false;
  if (addr === '' || addr.startsWith('/')) return true;
  const host = addr.slice(0, addr.lastIndexOf(':'));
  return host === '127.0.0.1' || host === '::1' || host === '[::1]';
}
