// Random generators for DUMP and RESTORE (cluster.c). RESTORE payloads come
// from a fixed table: one value of every type and encoding, serialised once
// by redmoon's own DUMP at load time, plus corrupted and foreign-version ones.
// Real Redis must accept each payload and decode the same value, which the
// end-of-run dataset comparison checks; DUMP is compared by shape (its length
// is the same in every dict order), and random.test.ts's final phase restores
// every key's DUMP across the two servers.
import { RedisServer } from '../../../packages/core/src/index.ts';
import type { Step } from '../case.ts';
import type { CommandGen, Family, Gen } from '../random-gen.ts';

/** Commands that build one value each on key `v`; the comment names the encoding they reach. */
const VALUES: string[][][] = [
  [['SET', 'v', '12345']], // int
  [['SET', 'v', 'hello']], // embstr
  [['SET', 'v', 'r'.repeat(100)]], // raw
  [['SET', 'v', '\x00\xff\x01binary']],
  [['RPUSH', 'v', 'a', 'b', '1', '\x00']], // quicklist of one listpack node
  [['RPUSH', 'v', ...Array.from({ length: 300 }, (_, i) => `item:${i}`)]], // several nodes
  [['RPUSH', 'v', 'x'.repeat(9000), 'y']], // a plain node
  [['SADD', 'v', '1', '2', '3', '-7']], // intset
  [['SADD', 'v', 'a', 'b', 'c']], // hashtable
  [['SADD', 'v', ...Array.from({ length: 600 }, (_, i) => String(i))]], // hashtable past set-max-intset-entries
  [['HSET', 'v', 'f1', 'v1', 'f2', '2']], // listpack
  [['HSET', 'v', 'f', 'l'.repeat(70)]], // hashtable (value over 64 bytes)
  [['ZADD', 'v', '1', 'a', '2.5', 'b', '-inf', 'c']], // listpack
  [['ZADD', 'v', ...Array.from({ length: 140 }, (_, i) => [String(i / 3), `m${i}`]).flat()]], // skiplist
  [['PFADD', 'v', 'a', 'b', 'c']], // HLL sparse
  [['PFADD', 'v', ...Array.from({ length: 2000 }, (_, i) => `e${i}`)]], // HLL dense
];

/** The DUMP of every value in VALUES, made by an in-process redmoon. */
function buildPayloads(): string[] {
  const server = new RedisServer();
  const c = server.createClient();
  return VALUES.map((cmds) => {
    server.execute(c, ['DEL', 'v']);
    for (const cmd of cmds) server.execute(c, cmd);
    const r = server.execute(c, ['DUMP', 'v']);
    if (r.t !== 'bulk') throw new Error(`no DUMP payload for ${JSON.stringify(cmds[0])}`);
    return r.v;
  });
}

const PAYLOADS = buildPayloads();

/** A payload from the table, sometimes damaged: a flipped byte, a newer RDB version, truncated, junk. */
function payload(g: Gen): string {
  const r = g.rng;
  const p = r.pick(PAYLOADS);
  switch (r.int(12)) {
    case 0: {
      const i = r.int(p.length);
      return p.slice(0, i) + String.fromCharCode(p.charCodeAt(i) ^ 0x20) + p.slice(i + 1);
    }
    case 1: return p.slice(0, p.length - 10) + '\x0b\x00' + p.slice(p.length - 8); // RDB version 11
    case 2: return p.slice(0, r.int(p.length));
    case 3: return r.pick(['', 'junk', '\x00']);
    default: return p;
  }
}

function ttl(g: Gen): { ttl: string; abs: boolean } {
  const r = g.rng;
  switch (r.int(8)) {
    case 0: case 1: case 2: return { ttl: '0', abs: false };
    case 3: return { ttl: String(g.relativeSeconds() * 1000), abs: false };
    case 4: return { ttl: String(g.futureUnixSeconds() * 1000 + r.int(1000)), abs: true };
    case 5: return { ttl: r.pick(['1', '1000']), abs: true }; // long past: the key is not created / is deleted
    default: return { ttl: r.pick(['-1', 'abc', '1.5', '9223372036854775807']), abs: r.chance(0.5) };
  }
}

function restore(g: Gen): Step {
  const r = g.rng;
  const t = ttl(g);
  const cmd = ['RESTORE', g.key(), t.ttl, payload(g)];
  if (r.chance(0.5)) cmd.push('REPLACE');
  if (t.abs) cmd.push('ABSTTL');
  if (r.chance(0.15)) cmd.push('IDLETIME', r.pick(['0', '1000', '-1', 'x']));
  if (r.chance(0.1)) cmd.push('FREQ', r.pick(['0', '10', '255', '256', '-1']));
  if (r.chance(0.03)) cmd.push(r.pick(['FOO', 'ABSTTL', 'REPLACE']));
  return { cmd };
}

const commands: CommandGen[] = [
  { name: 'restore', weight: 4, gen: restore },
  // Hashtable encodings serialise in dict order: the bytes differ, the length does not.
  { name: 'dump', weight: 2, gen: (g) => ({ cmd: ['DUMP', g.key()], shape: true }) },
];

export const dumpFamily: Family = { name: 'dump', commands };
