// Random generators for the keyspace commands (db.c, expire.c, object.c) and
// the database commands (SELECT, SWAPDB, FLUSHDB, DBSIZE).
import type { Step } from '../case.ts';
import type { CommandGen, Family, Gen } from '../random-gen.ts';

/** TTL replies are rounded seconds: a 1 s tolerance absorbs the time between the two servers. */
const TTL_NEAR = 1;
/** PTTL/PEXPIRETIME replies in ms: the servers run the same command a few ms apart. */
const PTTL_NEAR = 1000;

/** EXPIRE's condition flags: mostly one, sometimes none, sometimes an invalid mix. */
function expireFlags(g: Gen): string[] {
  const r = g.rng;
  const k = r.int(10);
  if (k < 4) return [];
  if (k < 9) return [r.pick(['NX', 'XX', 'GT', 'LT', 'nx', 'gt'])];
  return r.pick([['NX', 'XX'], ['GT', 'LT'], ['NX', 'GT'], ['XX', 'GT'], ['FOO'], ['GT', 'GT']]);
}

function expire(name: string, unit: 's' | 'ms', form: 'relative' | 'absolute'): CommandGen {
  return {
    name: name.toLowerCase(),
    weight: 2,
    gen: (g) => ({ cmd: [name, g.key(), g.expireArg(unit, form), ...expireFlags(g)] }),
  };
}

function scan(g: Gen): Step {
  const r = g.rng;
  // Only cursor 0 with a COUNT above the key count: one call returns every key, in
  // an order that depends on the hash table, so the keys are sorted.
  if (r.chance(0.1)) return { cmd: ['SCAN', r.pick(['abc', ' 1', '1x', '99999999999999999999999', '-'])] };
  const opts: string[][] = [['COUNT', r.chance(0.9) ? '1000' : r.pick(['0', '-1', 'x'])]];
  if (r.chance(0.5)) opts.push(['MATCH', g.pattern()]);
  if (r.chance(0.3)) opts.push(['TYPE', r.pick(['string', 'list', 'none', 'STRING', 'hash', 'foo'])]);
  return { cmd: ['SCAN', r.chance(0.9) ? '0' : '', ...r.shuffle(opts).flat()], sort: 'deep' };
}

function object(g: Gen): Step {
  const r = g.rng;
  switch (r.int(8)) {
    case 0: case 1: case 2: return { cmd: ['OBJECT', 'ENCODING', g.key()] };
    case 3: return { cmd: ['OBJECT', 'REFCOUNT', g.key()] };
    // The LRU clock ticks once a second on both servers; keys were touched ms apart.
    case 4: return { cmd: ['OBJECT', 'IDLETIME', g.key()], near: 2 };
    case 5: return { cmd: ['OBJECT', 'FREQ', g.key()] };
    case 6: return { cmd: ['OBJECT', 'HELP'] };
    default: return { cmd: ['OBJECT', r.pick(['FOO', 'encoding']), g.key()] };
  }
}

function copy(g: Gen): Step {
  const r = g.rng;
  const opts: string[][] = [];
  if (r.chance(0.4)) opts.push(['DB', g.db()]);
  if (r.chance(0.4)) opts.push(['REPLACE']);
  if (r.chance(0.04)) opts.push(['FOO']);
  return { cmd: ['COPY', g.key(), g.key(), ...r.shuffle(opts).flat()] };
}

const commands: CommandGen[] = [
  { name: 'del', weight: 3, gen: (g) => ({ cmd: ['DEL', ...g.keys(3)] }) },
  { name: 'unlink', weight: 1, gen: (g) => ({ cmd: ['UNLINK', ...g.keys(3)] }) },
  { name: 'exists', weight: 3, gen: (g) => ({ cmd: ['EXISTS', ...g.keys(4)] }) },
  { name: 'touch', weight: 1, gen: (g) => ({ cmd: ['TOUCH', ...g.keys(3)] }) },
  { name: 'type', weight: 2, gen: (g) => ({ cmd: ['TYPE', g.key()] }) },
  { name: 'ttl', weight: 3, gen: (g) => ({ cmd: ['TTL', g.key()], near: TTL_NEAR }) },
  { name: 'pttl', weight: 2, gen: (g) => ({ cmd: ['PTTL', g.key()], near: PTTL_NEAR }) },
  { name: 'expiretime', weight: 1, gen: (g) => ({ cmd: ['EXPIRETIME', g.key()], near: TTL_NEAR }) },
  { name: 'pexpiretime', weight: 1, gen: (g) => ({ cmd: ['PEXPIRETIME', g.key()], near: PTTL_NEAR }) },
  expire('EXPIRE', 's', 'relative'),
  expire('PEXPIRE', 'ms', 'relative'),
  expire('EXPIREAT', 's', 'absolute'),
  expire('PEXPIREAT', 'ms', 'absolute'),
  { name: 'persist', weight: 2, gen: (g) => ({ cmd: ['PERSIST', g.key()] }) },
  { name: 'keys', weight: 2, gen: (g) => ({ cmd: ['KEYS', g.pattern()], sort: true }) },
  { name: 'scan', weight: 2, gen: scan },
  // Which key RANDOMKEY picks is random: compare only nil versus a key.
  { name: 'randomkey', weight: 1, gen: () => ({ cmd: ['RANDOMKEY'], shape: true }) },
  { name: 'rename', weight: 2, gen: (g) => ({ cmd: ['RENAME', g.key(), g.key()] }) },
  { name: 'renamenx', weight: 1, gen: (g) => ({ cmd: ['RENAMENX', g.key(), g.key()] }) },
  { name: 'copy', weight: 2, gen: copy },
  { name: 'move', weight: 2, gen: (g) => ({ cmd: ['MOVE', g.key(), g.db()] }) },
  { name: 'object', weight: 3, gen: object },
  { name: 'dbsize', weight: 1, gen: () => ({ cmd: ['DBSIZE'] }) },
  { name: 'select', weight: 2, gen: (g) => ({ cmd: ['SELECT', g.db()] }) },
  { name: 'swapdb', weight: 1, gen: (g) => ({ cmd: ['SWAPDB', g.db(), g.db()] }) },
  {
    name: 'flushdb',
    weight: 0.15,
    gen: (g) => ({ cmd: ['FLUSHDB', ...g.rng.pick([[], ['ASYNC'], ['SYNC'], ['async'], ['FOO']])] }),
  },
];

export const keyspaceFamily: Family = { name: 'keyspace', commands };
