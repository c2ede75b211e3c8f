// INFO (server.c genRedisInfoString): the sections, fields and formats of
// redis-server 7.0.15, with values from RedisServer's state.
//
// What an in-process server cannot measure is reported as follows:
// - process facts (os, process_id, executable, config_file, total_system_memory,
//   CPU times) come from `server.host`, which a transport or host fills in;
// - build facts (gcc_version, multiplexing_api, ...) are those of the Debian
//   7.0.15 build redmoon emulates;
// - memory is an estimate (see estimateUsedMemory); there is no allocator, so the
//   RSS and allocator figures equal it and every fragmentation ratio is 1.00;
// - command durations are not timed, so usec is whatever CommandEntry.usec holds
//   and Latencystats lists no histogram;
// - network byte counters belong to transports and read 0 in core.
import type { Client } from '../client.ts';
import type { Db } from '../db.ts';
import { BUCKET, DICT_ENTRY, dictSlots, ROBJ } from '../memory.ts';
import { type Reply, bulk, verbatim } from '../reply.ts';
import type { RedisServer } from '../server.ts';
import type { CommandEntry, Handler } from '../table/table.ts';
import { asciiLower } from '../util/parse.ts';

/** The version redmoon emulates (REDIS_VERSION). */
export const REDIS_VERSION = '7.0.15';

/** Facts about the hosting process that INFO reports; a transport or host sets them. */
export interface HostFacts {
  /** uname "sysname release machine", e.g. "Linux 6.1.0 x86_64". */
  os: string;
  processId: number;
  executable: string;
  configFile: string;
  totalSystemMemory: number;
  /** Process CPU seconds (user, sys), when the host can measure them. */
  cpuSeconds: (() => { user: number; sys: number }) | null;
}

export const defaultHostFacts = (): HostFacts => ({
  os: '', processId: 1, executable: '', configFile: '', totalSystemMemory: 0, cpuSeconds: null,
});

// The order genRedisInfoString emits sections in; "default" omits the two
// per-command tables.
const ALL_SECTIONS = [
  'server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'modules',
  'commandstats', 'errorstats', 'latencystats', 'cluster', 'keyspace',
] as const;
type Section = (typeof ALL_SECTIONS)[number];
const DEFAULT_SECTIONS = new Set<Section>(ALL_SECTIONS.filter((s) => s !== 'commandstats' && s !== 'latencystats'));

// Redis's used_memory_startup for a fresh 7.0.15 server, the base of the estimate.
export const USED_MEMORY_STARTUP = 876176;
interface ServerIds { runId: string; replId: string; lastOps: number; lastOpsAt: number }
const ids = new WeakMap<RedisServer, ServerIds>();

function hex40(random: () => number): string {
  let s = '';
  for (let i = 0; i < 40; i++) s += '0123456789abcdef'[Math.floor(random() * 16)];
  return s;
}

function idsOf(s: RedisServer): ServerIds {
  let v = ids.get(s);
  if (v === undefined) {
    v = { runId: hex40(s.random), replId: hex40(s.random), lastOps: 0, lastOpsAt: s.startTime };
    ids.set(s, v);
  }
  return v;
}

/** bytesToHuman (server.c). */
export function bytesToHuman(n: number): string {
  const units = ['K', 'M', 'G', 'T', 'P'];
  if (n < 1024) return `${n}B`;
  for (let i = 0; i < units.length; i++) {
    const scale = 1024 ** (i + 2);
    if (n < scale || i === units.length - 1) return `${(n / 1024 ** (i + 1)).toFixed(2)}${units[i]}`;
  }
  return `${n}B`;
}

/**
 * used_memory estimate: Redis's startup figure, plus each key's estimated size
 * (memory.ts, kept incrementally by every Db), plus the scripts' memory when Lua
 * is installed.
 */
export function estimateUsedMemory(s: RedisServer): { total: number } {
  let keyspace = 0;
  for (const db of s.dbs) keyspace += db.usedMemory(s.config);
  const info = s.scriptingInfo?.();
  const scripts = (info?.usedMemoryScriptsEval ?? 0) + (info?.functions?.memory ?? 0);
  return { total: USED_MEMORY_STARTUP + keyspace + scripts };
}

/** One database's hash table overheads (getMemoryOverheadData). */
export interface DbOverhead {
  id: number;
  main: number;
  expires: number;
}

/** getMemoryOverheadData: what MEMORY STATS lists and INFO's overhead/dataset split. */
export interface MemoryOverhead {
  total: number;
  /** used_memory_overhead: startup, script caches, the keyspace hash tables. */
  overhead: number;
  luaCaches: number;
  functionsCaches: number;
  keys: number;
  dbs: DbOverhead[];
}

export function memoryOverhead(s: RedisServer): MemoryOverhead {
  const { total } = estimateUsedMemory(s);
  const lua = s.scriptingInfo?.();
  const luaCaches = lua?.usedMemoryScriptsEval ?? 0;
  const functionsCaches = lua?.functions?.memory ?? 0;
  let overhead = USED_MEMORY_STARTUP + luaCaches + functionsCaches;
  let keys = 0;
  const dbs: DbOverhead[] = [];
  for (const db of s.dbs) {
    if (db.size === 0) continue;
    keys += db.size;
    // Per key a dictEntry and an robj, per slot a bucket pointer.
    const main = db.size * (DICT_ENTRY + ROBJ) + dictSlots(db.size) * BUCKET;
    const expires = db.expires.size === 0 ? 0 : db.expires.size * DICT_ENTRY + dictSlots(db.expires.size) * BUCKET;
    overhead += main + expires;
    dbs.push({ id: db.id, main, expires });
  }
  return { total, overhead, luaCaches, functionsCaches, keys, dbs };
}

type Field = [string, string | number];

function serverSection(s: RedisServer, now: number): Field[] {
  const uptime = Math.floor((now - s.startTime) / 1000);
  return [
    ['redis_version', REDIS_VERSION], ['redis_git_sha1', '00000000'], ['redis_git_dirty', 0],
    ['redis_build_id', '0'], ['redis_mode', 'standalone'], ['os', s.host.os], ['arch_bits', 64],
    ['monotonic_clock', 'POSIX clock_gettime'], ['multiplexing_api', 'epoll'], ['atomicvar_api', 'c11-builtin'],
    ['gcc_version', '12.2.0'], ['process_id', s.host.processId], ['process_supervised', 'no'],
    ['run_id', idsOf(s).runId], ['tcp_port', s.config.port], ['server_time_usec', s.clock.nowMicros()],
    ['uptime_in_seconds', uptime], ['uptime_in_days', Math.floor(uptime / 86400)], ['hz', s.config.hz],
    ['configured_hz', s.config.hz], ['lru_clock', Math.floor(s.lruClock / 1000) & 0xffffff],
    ['executable', s.host.executable], ['config_file', s.host.configFile], ['io_threads_active', 0],
  ];
}

function clientsSection(s: RedisServer): Field[] {
  let maxIn = 0;
  let maxOut = 0;
  for (const c of s.clients.values()) {
    maxIn = Math.max(maxIn, c.queryBufLen);
    maxOut = Math.max(maxOut, c.outputBufLen);
  }
  return [
    ['connected_clients', s.clients.size], ['cluster_connections', 0], ['maxclients', s.config.maxclients],
    ['client_recent_max_input_buffer', maxIn], ['client_recent_max_output_buffer', maxOut],
    ['blocked_clients', s.blocking.blockedClients], ['tracking_clients', s.tracking.clientCount],
    ['clients_in_timeout_table', s.blocking.clientsInTimeoutTable],
  ];
}

function memorySection(s: RedisServer): Field[] {
  const { total, overhead } = memoryOverhead(s);
  const dataset = total - overhead;
  const lua = s.scriptingInfo?.();
  const luaMem = lua?.usedMemoryLua ?? 0;
  const scriptsEval = lua?.usedMemoryScriptsEval ?? 0;
  const functions = lua?.functions;
  const vmFunctions = functions?.vmMemory ?? 0;
  const functionsMem = functions?.memory ?? 0;
  const startupDelta = total - USED_MEMORY_STARTUP;
  const sysMem = s.host.totalSystemMemory;
  let clientsMem = 0;
  for (const c of s.clients.values()) clientsMem += c.queryBufLen + c.outputBufLen;
  return [
    ['used_memory', total], ['used_memory_human', bytesToHuman(total)],
    ['used_memory_rss', total], ['used_memory_rss_human', bytesToHuman(total)],
    ['used_memory_peak', total], ['used_memory_peak_human', bytesToHuman(total)], ['used_memory_peak_perc', '100.00%'],
    ['used_memory_overhead', overhead], ['used_memory_startup', USED_MEMORY_STARTUP], ['used_memory_dataset', dataset],
    ['used_memory_dataset_perc', `${(startupDelta === 0 ? 0 : (dataset * 100) / startupDelta).toFixed(2)}%`],
    ['allocator_allocated', total], ['allocator_active', total], ['allocator_resident', total],
    ['total_system_memory', sysMem], ['total_system_memory_human', bytesToHuman(sysMem)],
    ['used_memory_lua', luaMem], ['used_memory_vm_eval', luaMem], ['used_memory_lua_human', bytesToHuman(luaMem)],
    ['used_memory_scripts_eval', scriptsEval], ['number_of_cached_scripts', lua?.numberOfCachedScripts ?? 0],
    ['number_of_functions', functions?.count ?? 0], ['number_of_libraries', functions?.libraries ?? 0],
    ['used_memory_vm_functions', vmFunctions],
    ['used_memory_vm_total', luaMem + vmFunctions], ['used_memory_vm_total_human', bytesToHuman(luaMem + vmFunctions)],
    ['used_memory_functions', functionsMem], ['used_memory_scripts', scriptsEval + functionsMem],
    ['used_memory_scripts_human', bytesToHuman(scriptsEval + functionsMem)],
    ['maxmemory', s.config.maxmemory], ['maxmemory_human', bytesToHuman(s.config.maxmemory)],
    ['maxmemory_policy', s.config.maxmemoryPolicy],
    ['allocator_frag_ratio', '1.00'], ['allocator_frag_bytes', 0], ['allocator_rss_ratio', '1.00'],
    ['allocator_rss_bytes', 0], ['rss_overhead_ratio', '1.00'], ['rss_overhead_bytes', 0],
    ['mem_fragmentation_ratio', '1.00'], ['mem_fragmentation_bytes', 0], ['mem_not_counted_for_evict', 0],
    ['mem_replication_backlog', 0], ['mem_total_replication_buffers', 0], ['mem_clients_slaves', 0],
    ['mem_clients_normal', clientsMem], ['mem_cluster_links', 0], ['mem_aof_buffer', 0],
    ['mem_allocator', 'libc'], ['active_defrag_running', 0], ['lazyfree_pending_objects', 0], ['lazyfreed_objects', 0],
  ];
}

function persistenceSection(s: RedisServer): Field[] {
  return [
    ['loading', 0], ['async_loading', 0], ['current_cow_peak', 0], ['current_cow_size', 0],
    ['current_cow_size_age', 0], ['current_fork_perc', '0.00'], ['current_save_keys_processed', 0],
    ['current_save_keys_total', 0], ['rdb_changes_since_last_save', s.dirty], ['rdb_bgsave_in_progress', 0],
    ['rdb_last_save_time', s.lastSave], ['rdb_last_bgsave_status', 'ok'], ['rdb_last_bgsave_time_sec', -1],
    ['rdb_current_bgsave_time_sec', -1], ['rdb_saves', 0], ['rdb_last_cow_size', 0],
    ['rdb_last_load_keys_expired', 0], ['rdb_last_load_keys_loaded', 0],
    ['aof_enabled', s.config.extra.get('appendonly') === 'yes' ? 1 : 0], ['aof_rewrite_in_progress', 0],
    ['aof_rewrite_scheduled', 0], ['aof_last_rewrite_time_sec', -1], ['aof_current_rewrite_time_sec', -1],
    ['aof_last_bgrewrite_status', 'ok'], ['aof_rewrites', 0], ['aof_rewrites_consecutive_failures', 0],
    ['aof_last_write_status', 'ok'], ['aof_last_cow_size', 0], ['module_fork_in_progress', 0],
    ['module_fork_last_cow_size', 0],
  ];
}

/** Commands per second since the previous INFO (Redis samples every 100 ms in its cron). */
function opsPerSec(s: RedisServer, now: number): number {
  const st = idsOf(s);
  const total = s.stats.totalCommandsProcessed;
  const ms = now - st.lastOpsAt;
  const rate = ms > 0 ? Math.round(((total - st.lastOps) * 1000) / ms) : 0;
  st.lastOps = total;
  st.lastOpsAt = now;
  return rate;
}

function statsSection(s: RedisServer, now: number): Field[] {
  const st = s.stats;
  let errors = 0;
  for (const n of st.errorReplies.values()) errors += n;
  return [
    ['total_connections_received', st.totalConnectionsReceived], ['total_commands_processed', st.totalCommandsProcessed],
    ['instantaneous_ops_per_sec', opsPerSec(s, now)], ['total_net_input_bytes', 0], ['total_net_output_bytes', 0],
    ['total_net_repl_input_bytes', 0], ['total_net_repl_output_bytes', 0], ['instantaneous_input_kbps', '0.00'],
    ['instantaneous_output_kbps', '0.00'], ['instantaneous_input_repl_kbps', '0.00'],
    ['instantaneous_output_repl_kbps', '0.00'], ['rejected_connections', st.rejectedConnections], ['sync_full', 0],
    ['sync_partial_ok', 0], ['sync_partial_err', 0], ['expired_keys', st.expiredKeys], ['expired_stale_perc', '0.00'],
    ['expired_time_cap_reached_count', 0], ['expire_cycle_cpu_milliseconds', 0], ['evicted_keys', st.evictedKeys],
    ['evicted_clients', 0], ['total_eviction_exceeded_time', 0], ['current_eviction_exceeded_time', 0],
    ['keyspace_hits', st.keyspaceHits], ['keyspace_misses', st.keyspaceMisses], ['pubsub_channels', s.pubsub.channelCount],
    ['pubsub_patterns', s.pubsub.patternCount], ['pubsubshard_channels', s.pubsub.shardChannelCount], ['latest_fork_usec', 0], ['total_forks', 0],
    ['migrate_cached_sockets', 0], ['slave_expires_tracked_keys', 0], ['active_defrag_hits', 0],
    ['active_defrag_misses', 0], ['active_defrag_key_hits', 0], ['active_defrag_key_misses', 0],
    ['total_active_defrag_time', 0], ['current_active_defrag_time', 0], ['tracking_total_keys', s.tracking.totalKeys],
    ['tracking_total_items', s.tracking.totalItems], ['tracking_total_prefixes', s.tracking.totalPrefixes], ['unexpected_error_replies', 0],
    ['total_error_replies', errors], ['dump_payload_sanitizations', 0], ['total_reads_processed', 0],
    ['total_writes_processed', 0], ['io_threaded_reads_processed', 0], ['io_threaded_writes_processed', 0],
    ['reply_buffer_shrinks', 0], ['reply_buffer_expands', 0],
  ];
}

function replicationSection(s: RedisServer): Field[] {
  return [
    ['role', 'master'], ['connected_slaves', 0], ['master_failover_state', 'no-failover'],
    ['master_replid', idsOf(s).replId], ['master_replid2', '0'.repeat(40)], ['master_repl_offset', 0],
    ['second_repl_offset', -1], ['repl_backlog_active', 0],
    ['repl_backlog_size', Number(s.config.extra.get('repl-backlog-size') ?? 1048576)],
    ['repl_backlog_first_byte_offset', 0], ['repl_backlog_histlen', 0],
  ];
}

function cpuSection(s: RedisServer): Field[] {
  const cpu = s.host.cpuSeconds?.() ?? { user: 0, sys: 0 };
  return [
    ['used_cpu_sys', cpu.sys.toFixed(6)], ['used_cpu_user', cpu.user.toFixed(6)],
    ['used_cpu_sys_children', '0.000000'], ['used_cpu_user_children', '0.000000'],
    ['used_cpu_sys_main_thread', cpu.sys.toFixed(6)], ['used_cpu_user_main_thread', cpu.user.toFixed(6)],
  ];
}

/** cmdstat_<name>: every command or subcommand called, rejected or failed at least once. */
function commandstatsLines(s: RedisServer): string[] {
  const lines: string[] = [];
  const visit = (e: CommandEntry): void => {
    if (e.calls || e.failedCalls || e.rejectedCalls) {
      const perCall = e.calls === 0 ? 0 : e.usec / e.calls;
      lines.push(`cmdstat_${e.fullname}:calls=${e.calls},usec=${e.usec},usec_per_call=${perCall.toFixed(2)},` +
        `rejected_calls=${e.rejectedCalls},failed_calls=${e.failedCalls}`);
    }
    for (const sub of e.subcommands.values()) visit(sub);
  };
  for (const e of s.commands.values()) visit(e);
  return lines;
}

/** errorstat_<CODE>:count=N, in the order of Redis's radix tree (bytewise). */
function errorstatsLines(s: RedisServer): string[] {
  return [...s.stats.errorReplies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, n]) => `errorstat_${code}:count=${n}`);
}

/** db<N>:keys=..,expires=..,avg_ttl=.. for every non-empty database. */
function keyspaceLines(s: RedisServer, now: number): string[] {
  const lines: string[] = [];
  for (const db of s.dbs) {
    if (db.size === 0) continue;
    lines.push(`db${db.id}:keys=${db.size},expires=${db.expires.size},avg_ttl=${avgTtl(db, now)}`);
  }
  return lines;
}

/** The mean remaining TTL in ms of the keys with one (Redis estimates it by sampling). */
function avgTtl(db: Db, now: number): number {
  let sum = 0;
  let n = 0;
  for (const when of db.expires.values()) {
    if (when > now) { sum += when - now; n++; }
  }
  return n === 0 ? 0 : Math.floor(sum / n);
}

const TITLES: Record<Section, string> = {
  server: 'Server', clients: 'Clients', memory: 'Memory', persistence: 'Persistence', stats: 'Stats',
  replication: 'Replication', cpu: 'CPU', modules: 'Modules', commandstats: 'Commandstats',
  errorstats: 'Errorstats', latencystats: 'Latencystats', cluster: 'Cluster', keyspace: 'Keyspace',
};

function sectionLines(s: RedisServer, section: Section, now: number): string[] {
  const fields = (f: Field[]): string[] => f.map(([k, v]) => `${k}:${v}`);
  switch (section) {
    case 'server': return fields(serverSection(s, now));
    case 'clients': return fields(clientsSection(s));
    case 'memory': return fields(memorySection(s));
    case 'persistence': return fields(persistenceSection(s));
    case 'stats': return fields(statsSection(s, now));
    case 'replication': return fields(replicationSection(s));
    case 'cpu': return fields(cpuSection(s));
    case 'modules': return [];
    case 'commandstats': return commandstatsLines(s);
    case 'errorstats': return errorstatsLines(s);
    case 'latencystats': return [];
    case 'cluster': return fields([['cluster_enabled', 0]]);
    case 'keyspace': return keyspaceLines(s, now);
  }
}

/** The sections an INFO argument list selects (genInfoSectionDict); unknown names select nothing. */
export function selectSections(args: readonly string[]): Set<Section> {
  if (args.length === 0) return DEFAULT_SECTIONS;
  const out = new Set<Section>();
  for (const a of args) {
    const l = asciiLower(a);
    if (l === 'all' || l === 'everything') for (const x of ALL_SECTIONS) out.add(x);
    else if (l === 'default') for (const x of DEFAULT_SECTIONS) out.add(x);
    else if ((ALL_SECTIONS as readonly string[]).includes(l)) out.add(l as Section);
  }
  return out;
}

/** The INFO text: "# Title\r\n" then "field:value\r\n" lines, a blank line between sections. */
export function genInfoString(s: RedisServer, sections: Set<Section>): string {
  const now = s.cmdTime;
  let out = '';
  for (const section of ALL_SECTIONS) {
    if (!sections.has(section)) continue;
    if (out !== '') out += '\r\n';
    out += `# ${TITLES[section]}\r\n`;
    for (const line of sectionLines(s, section, now)) out += `${line}\r\n`;
  }
  return out;
}

/** INFO [section ...]: a bulk string, or a verbatim "txt" string in RESP3. */
function info(c: Client): Reply {
  const text = genInfoString(c.server, selectSections(c.argv.slice(1)));
  return c.resp === 3 ? verbatim(text) : bulk(text);
}

export const infoCommands: Record<string, Handler> = { info };
