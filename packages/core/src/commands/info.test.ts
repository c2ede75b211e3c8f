// INFO: the exact section order, field names and field order of redis-server
// 7.0.15, pinned against what `redis-cli info everything` printed on a fresh server.
import { describe, expect, it } from 'vitest';
import { ControlledClock } from '../clock.ts';
import { encode2, encode3 } from '../resp/encode.ts';
import { RedisServer } from '../server.ts';
import { bytesToHuman } from './info.ts';

// Field names per section, copied from the real server's output.
const REAL_FIELDS: Record<string, string[]> = {
  server: ['redis_version', 'redis_git_sha1', 'redis_git_dirty', 'redis_build_id', 'redis_mode', 'os', 'arch_bits', 'monotonic_clock', 'multiplexing_api', 'atomicvar_api', 'gcc_version', 'process_id', 'process_supervised', 'run_id', 'tcp_port', 'server_time_usec', 'uptime_in_seconds', 'uptime_in_days', 'hz', 'configured_hz', 'lru_clock', 'executable', 'config_file', 'io_threads_active'],
  clients: ['connected_clients', 'cluster_connections', 'maxclients', 'client_recent_max_input_buffer', 'client_recent_max_output_buffer', 'blocked_clients', 'tracking_clients', 'clients_in_timeout_table'],
  memory: ['used_memory', 'used_memory_human', 'used_memory_rss', 'used_memory_rss_human', 'used_memory_peak', 'used_memory_peak_human', 'used_memory_peak_perc', 'used_memory_overhead', 'used_memory_startup', 'used_memory_dataset', 'used_memory_dataset_perc', 'allocator_allocated', 'allocator_active', 'allocator_resident', 'total_system_memory', 'total_system_memory_human', 'used_memory_lua', 'used_memory_vm_eval', 'used_memory_lua_human', 'used_memory_scripts_eval', 'number_of_cached_scripts', 'number_of_functions', 'number_of_libraries', 'used_memory_vm_functions', 'used_memory_vm_total', 'used_memory_vm_total_human', 'used_memory_functions', 'used_memory_scripts', 'used_memory_scripts_human', 'maxmemory', 'maxmemory_human', 'maxmemory_policy', 'allocator_frag_ratio', 'allocator_frag_bytes', 'allocator_rss_ratio', 'allocator_rss_bytes', 'rss_overhead_ratio', 'rss_overhead_bytes', 'mem_fragmentation_ratio', 'mem_fragmentation_bytes', 'mem_not_counted_for_evict', 'mem_replication_backlog', 'mem_total_replication_buffers', 'mem_clients_slaves', 'mem_clients_normal', 'mem_cluster_links', 'mem_aof_buffer', 'mem_allocator', 'active_defrag_running', 'lazyfree_pending_objects', 'lazyfreed_objects'],
  persistence: ['loading', 'async_loading', 'current_cow_peak', 'current_cow_size', 'current_cow_size_age', 'current_fork_perc', 'current_save_keys_processed', 'current_save_keys_total', 'rdb_changes_since_last_save', 'rdb_bgsave_in_progress', 'rdb_last_save_time', 'rdb_last_bgsave_status', 'rdb_last_bgsave_time_sec', 'rdb_current_bgsave_time_sec', 'rdb_saves', 'rdb_last_cow_size', 'rdb_last_load_keys_expired', 'rdb_last_load_keys_loaded', 'aof_enabled', 'aof_rewrite_in_progress', 'aof_rewrite_scheduled', 'aof_last_rewrite_time_sec', 'aof_current_rewrite_time_sec', 'aof_last_bgrewrite_status', 'aof_rewrites', 'aof_rewrites_consecutive_failures', 'aof_last_write_status', 'aof_last_cow_size', 'module_fork_in_progress', 'module_fork_last_cow_size'],
  stats: ['total_connections_received', 'total_commands_processed', 'instantaneous_ops_per_sec', 'total_net_input_bytes', 'total_net_output_bytes', 'total_net_repl_input_bytes', 'total_net_repl_output_bytes', 'instantaneous_input_kbps', 'instantaneous_output_kbps', 'instantaneous_input_repl_kbps', 'instantaneous_output_repl_kbps', 'rejected_connections', 'sync_full', 'sync_partial_ok', 'sync_partial_err', 'expired_keys', 'expired_stale_perc', 'expired_time_cap_reached_count', 'expire_cycle_cpu_milliseconds', 'evicted_keys', 'evicted_clients', 'total_eviction_exceeded_time', 'current_eviction_exceeded_time', 'keyspace_hits', 'keyspace_misses', 'pubsub_channels', 'pubsub_patterns', 'pubsubshard_channels', 'latest_fork_usec', 'total_forks', 'migrate_cached_sockets', 'slave_expires_tracked_keys', 'active_defrag_hits', 'active_defrag_misses', 'active_defrag_key_hits', 'active_defrag_key_misses', 'total_active_defrag_time', 'current_active_defrag_time', 'tracking_total_keys', 'tracking_total_items', 'tracking_total_prefixes', 'unexpected_error_replies', 'total_error_replies', 'dump_payload_sanitizations', 'total_reads_processed', 'total_writes_processed', 'io_threaded_reads_processed', 'io_threaded_writes_processed', 'reply_buffer_shrinks', 'reply_buffer_expands'],
  replication: ['role', 'connected_slaves', 'master_failover_state', 'master_replid', 'master_replid2', 'master_repl_offset', 'second_repl_offset', 'repl_backlog_active', 'repl_backlog_size', 'repl_backlog_first_byte_offset', 'repl_backlog_histlen'],
  cpu: ['used_cpu_sys', 'used_cpu_user', 'used_cpu_sys_children', 'used_cpu_user_children', 'used_cpu_sys_main_thread', 'used_cpu_user_main_thread'],
  modules: [],
  cluster: ['cluster_enabled'],
};

function info(s: RedisServer, ...sections: string[]): string {
  const r = s.execute(s.createClient(), ['INFO', ...sections]);
  if (r.t !== 'bulk') throw new Error(`INFO replied ${r.t}`);
  return r.v;
}

/** { section title (lowercase): [field names] } in order, plus the raw headers. */
function parse(text: string): { headers: string[]; fields: Record<string, string[]>; lines: string[] } {
  const headers: string[] = [];
  const fields: Record<string, string[]> = {};
  let cur = '';
  const lines = text.split('\r\n');
  for (const l of lines) {
    if (l.startsWith('# ')) { headers.push(l.slice(2)); cur = l.slice(2).toLowerCase(); fields[cur] = []; }
    else if (l !== '') fields[cur].push(l.slice(0, l.indexOf(':')));
  }
  return { headers, fields, lines };
}

describe('INFO', () => {
  it('prints every section of 7.0.15 with its fields in order', () => {
    const { headers, fields } = parse(info(new RedisServer(), 'everything'));
    expect(headers).toEqual(['Server', 'Clients', 'Memory', 'Persistence', 'Stats', 'Replication', 'CPU', 'Modules',
      'Commandstats', 'Errorstats', 'Latencystats', 'Cluster', 'Keyspace']);
    for (const [section, names] of Object.entries(REAL_FIELDS)) expect(fields[section], section).toEqual(names);
  });

  it('default omits commandstats and latencystats; all and everything include them', () => {
    const s = new RedisServer();
    const dflt = parse(info(s)).headers;
    expect(dflt).toEqual(['Server', 'Clients', 'Memory', 'Persistence', 'Stats', 'Replication', 'CPU', 'Modules',
      'Errorstats', 'Cluster', 'Keyspace']);
    expect(parse(info(s, 'default')).headers).toEqual(dflt);
    expect(parse(info(s, 'ALL')).headers).toEqual(parse(info(s, 'everything')).headers);
    expect(parse(info(s, 'default', 'commandstats')).headers).toContain('Commandstats');
  });

  it('several sections come in Redis order; unknown ones are ignored, alone they give an empty string', () => {
    const s = new RedisServer();
    expect(parse(info(s, 'CPU', 'Server', 'nosuch')).headers).toEqual(['Server', 'CPU']);
    expect(info(s, 'nosuch')).toBe('');
    expect(info(s, 'cluster')).toBe('# Cluster\r\ncluster_enabled:0\r\n');
  });

  it('frames sections with CRLF and one blank line between them', () => {
    const text = info(new RedisServer(), 'server', 'cluster');
    expect(text).toMatch(/io_threads_active:0\r\n\r\n# Cluster\r\ncluster_enabled:0\r\n$/);
    expect(text.startsWith('# Server\r\nredis_version:7.0.15\r\n')).toBe(true);
  });

  it('is a bulk string in RESP2 and a verbatim txt string in RESP3', () => {
    const s = new RedisServer();
    const c = s.createClient();
    expect(encode2(s.execute(c, ['INFO', 'cluster']))).toBe('$30\r\n# Cluster\r\ncluster_enabled:0\r\n\r\n');
    c.resp = 3;
    expect(encode3(s.execute(c, ['INFO', 'cluster']))).toBe('=34\r\ntxt:# Cluster\r\ncluster_enabled:0\r\n\r\n');
  });

  it('reports server state: keyspace, commandstats, errorstats, stats, persistence', () => {
    const clock = new ControlledClock();
    clock.freeze(1_700_000_000_000);
    const s = new RedisServer({ clock, config: { port: '7000' } });
    const c = s.createClient();
    for (const a of [['SET', 'a', '1'], ['GET', 'a'], ['GET', 'zz'], ['CONFIG', 'GET', 'hz'], ['INCR', 'x', 'y'], ['FOO'],
      ['EXPIRE', 'a', '100'], ['SET', 'b', 'x'], ['SELECT', '2'], ['SET', 'c', 'y'], ['CONFIG']]) s.execute(c, a);
    clock.advance(50_000);
    const t = info(s, 'everything');
    const lines = t.split('\r\n');
    expect(lines).toContain('db0:keys=2,expires=1,avg_ttl=50000');
    expect(lines).toContain('db2:keys=1,expires=0,avg_ttl=0');
    expect(lines).toContain('cmdstat_get:calls=2,usec=0,usec_per_call=0.00,rejected_calls=0,failed_calls=0');
    expect(lines).toContain('cmdstat_incr:calls=0,usec=0,usec_per_call=0.00,rejected_calls=1,failed_calls=0');
    expect(lines).toContain('cmdstat_config|get:calls=1,usec=0,usec_per_call=0.00,rejected_calls=0,failed_calls=0');
    expect(lines).toContain('cmdstat_config:calls=0,usec=0,usec_per_call=0.00,rejected_calls=1,failed_calls=0');
    expect(lines).toContain('errorstat_ERR:count=3');
    expect(lines).toContain('total_error_replies:3');
    expect(lines).toContain('keyspace_hits:1');
    expect(lines).toContain('keyspace_misses:1');
    expect(lines).toContain('rdb_changes_since_last_save:4');
    expect(lines).toContain('rdb_last_save_time:1700000000');
    expect(lines).toContain('tcp_port:7000');
    expect(lines).toContain('uptime_in_seconds:50');
    expect(lines).toContain('server_time_usec:1700000050000000');
    // The test's client and the one info() opened.
    expect(lines).toContain('connected_clients:2');
    expect(lines).toContain('role:master');
    expect(lines.find((l) => l.startsWith('run_id:'))).toMatch(/^run_id:[0-9a-f]{40}$/);
    expect(lines.find((l) => l.startsWith('master_replid:'))).toMatch(/^master_replid:[0-9a-f]{40}$/);
  });

  it('errorstats are sorted by code and reset by CONFIG RESETSTAT', () => {
    const s = new RedisServer();
    const c = s.createClient();
    s.execute(c, ['SET', 'k', 'v']);
    s.execute(c, ['LPUSH', 'k', 'x']);
    s.execute(c, ['NOPE']);
    expect(info(s, 'errorstats')).toBe('# Errorstats\r\nerrorstat_ERR:count=1\r\nerrorstat_WRONGTYPE:count=1\r\n');
    s.execute(c, ['CONFIG', 'RESETSTAT']);
    expect(info(s, 'errorstats')).toBe('# Errorstats\r\n');
    // Only what ran since the reset: CONFIG RESETSTAT itself and the INFO errorstats above.
    const stats = info(s, 'commandstats').split('\r\n').slice(1, -1).sort();
    expect(stats).toEqual([
      'cmdstat_config|resetstat:calls=1,usec=0,usec_per_call=0.00,rejected_calls=0,failed_calls=0',
      'cmdstat_info:calls=1,usec=0,usec_per_call=0.00,rejected_calls=0,failed_calls=0',
    ]);
  });

  it('takes process facts from server.host', () => {
    const s = new RedisServer();
    Object.assign(s.host, { os: 'Linux 6.1.0 x86_64', processId: 4242, executable: '/usr/bin/redmoon', cpuSeconds: () => ({ user: 1.5, sys: 0.25 }) });
    const lines = info(s, 'server', 'cpu').split('\r\n');
    expect(lines).toContain('os:Linux 6.1.0 x86_64');
    expect(lines).toContain('process_id:4242');
    expect(lines).toContain('executable:/usr/bin/redmoon');
    expect(lines).toContain('used_cpu_user:1.500000');
    expect(lines).toContain('used_cpu_sys_main_thread:0.250000');
  });

  it('estimates used_memory from the dataset and prints it as Redis does', () => {
    const s = new RedisServer();
    const before = Number(/used_memory:(\d+)/.exec(info(s, 'memory'))![1]);
    s.execute(s.createClient(), ['SET', 'key', 'x'.repeat(1000)]);
    const after = Number(/used_memory:(\d+)/.exec(info(s, 'memory'))![1]);
    expect(after - before).toBeGreaterThanOrEqual(1003);
    expect(info(s, 'memory')).toMatch(/\r\nmaxmemory_human:0B\r\nmaxmemory_policy:noeviction\r\n/);
  });

  it('bytesToHuman', () => {
    expect(bytesToHuman(0)).toBe('0B');
    expect(bytesToHuman(1023)).toBe('1023B');
    expect(bytesToHuman(916392)).toBe('894.91K');
    expect(bytesToHuman(1025232)).toBe('1001.20K');
    expect(bytesToHuman(6778880)).toBe('6.46M');
    expect(bytesToHuman(25276514304)).toBe('23.54G');
    expect(bytesToHuman(1024 ** 4 * 3)).toBe('3.00T');
    expect(bytesToHuman(1024 ** 5 * 2)).toBe('2.00P');
  });
});
