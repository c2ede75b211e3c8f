// MEMORY (object.c memoryCommand): USAGE, STATS, DOCTOR, PURGE and HELP, from
// the estimate of memory.ts. redmoon has no allocator, so MEMORY STATS reports
// the allocator and RSS figures equal to the estimate (every ratio 1) and
// MALLOC-STATS, jemalloc's own report, is not implemented.
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import { DEFAULT_SAMPLES, keyMemoryUsage } from '../memory.ts';
import { type Reply, bulk, double, int, map, NULL, OK, verbatim } from '../reply.ts';
import { argLL, eqi } from '../util/parse.ts';
import { helpReply } from './help.ts';
import { estimateUsedMemory, memoryOverhead, USED_MEMORY_STARTUP } from './info.ts';

/** MEMORY USAGE key [SAMPLES count]: the options are parsed before the key is looked up. */
function memoryUsage(c: Client): Reply {
  const argv = c.argv;
  let samples = DEFAULT_SAMPLES;
  for (let j = 3; j < argv.length; j++) {
    if (!eqi(argv[j], 'samples') || j + 1 >= argv.length) fail(E.SYNTAX);
    const n = argLL(argv[++j]);
    if (n < 0) fail(E.SYNTAX);
    samples = n;
  }
  // dbFind: no expiry check and no access-time update.
  const o = c.db.peek(argv[2]);
  if (o === undefined) return NULL;
  return int(keyMemoryUsage(argv[2], o, samples, c.server.config));
}

/** MEMORY STATS: getMemoryOverheadData's figures. */
function memoryStats(c: Client): Reply {
  const { total, overhead, luaCaches, functionsCaches, keys, dbs } = memoryOverhead(c.server);
  const net = total - USED_MEMORY_STARTUP;
  const dataset = total - overhead;
  const field = (name: string, v: Reply): [Reply, Reply] => [bulk(name), v];
  return map([
    field('peak.allocated', int(total)),
    field('total.allocated', int(total)),
    field('startup.allocated', int(USED_MEMORY_STARTUP)),
    field('replication.backlog', int(0)),
    field('clients.slaves', int(0)),
    field('clients.normal', int(0)),
    field('cluster.links', int(0)),
    field('aof.buffer', int(0)),
    field('lua.caches', int(luaCaches)),
    field('functions.caches', int(functionsCaches)),
    ...dbs.map((d): [Reply, Reply] => [bulk(`db.${d.id}`), map([
      [bulk('overhead.hashtable.main'), int(d.main)],
      [bulk('overhead.hashtable.expires'), int(d.expires)],
      [bulk('overhead.hashtable.slot-to-keys'), int(0)],
    ])]),
    field('overhead.total', int(overhead)),
    field('keys.count', int(keys)),
    field('keys.bytes-per-key', int(keys === 0 ? 0 : Math.floor(net / keys))),
    field('dataset.bytes', int(dataset)),
    // Redis computes the percentages in single precision.
    field('dataset.percentage', double(net === 0 ? 0 : Math.fround(Math.fround(dataset * 100) / net))),
    field('peak.percentage', double(100)),
    field('allocator.allocated', int(total)),
    field('allocator.active', int(total)),
    field('allocator.resident', int(total)),
    field('allocator-fragmentation.ratio', double(1)),
    field('allocator-fragmentation.bytes', int(0)),
    field('allocator-rss.ratio', double(1)),
    field('allocator-rss.bytes', int(0)),
    field('rss-overhead.ratio', double(1)),
    field('rss-overhead.bytes', int(0)),
    field('fragmentation', double(1)),
    field('fragmentation.bytes', int(0)),
  ]);
}

/**
 * getMemoryDoctorReport: below 5MB Redis declines to judge; above, the estimate
 * has no peak, fragmentation or buffer to report, so it finds no issue.
 */
function memoryDoctor(c: Client): Reply {
  const text = estimateUsedMemory(c.server).total < 5 * 1024 * 1024
    ? "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used in these conditions. Please, leave for your mission on Earth and fill it with some data. The new Sam and I will be back to our programming as soon as I finished rebooting.\n"
    : "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base.\n";
  return verbatim(text);
}

/** MEMORY PURGE: there are no dirty allocator pages to give back. */
const memoryPurge = (): Reply => OK;

export const memoryCommands = {
  'memory|usage': memoryUsage,
  'memory|stats': memoryStats,
  'memory|doctor': memoryDoctor,
  'memory|purge': memoryPurge,
  'memory|help': () => helpReply('MEMORY'),
};
