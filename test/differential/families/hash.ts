// Random generators for the hash commands (t_hash.c). Replies that list fields
// are compared sorted (a hash table's order is undefined; a listpack's would
// match but the generator cannot tell which one a key has), HRANDFIELD by shape,
// and HSCAN with a COUNT above any hash's size (one call, cursor 0).
import type { Step } from '../case.ts';
import type { CommandGen, Family, Gen } from '../random-gen.ts';

const FIELDS = ['a', 'b', 'c', 'd', 'f', 'n', 'x', '', '\x00', '\xff', '1', '-2', 'F'.repeat(65)];

function field(g: Gen): string {
  return g.rng.chance(0.03) ? g.value() : g.rng.pick(FIELDS);
}

/** Field values: mostly small integers (so HINCRBY and HINCRBYFLOAT work), sometimes anything. */
function value(g: Gen): string {
  return g.rng.chance(0.5) ? String(g.rng.between(-100, 100)) : g.value();
}

const fieldValues = (g: Gen, max: number): string[] =>
  Array.from({ length: g.rng.between(1, max) }, () => [field(g), value(g)]).flat();

/** A count for HRANDFIELD: small both ways (a huge negative count would make Redis reply forever). */
function randomCount(g: Gen): string {
  const r = g.rng;
  if (r.chance(0.9)) return String(r.between(-12, 12));
  return r.pick(['9223372036854775807', '-9223372036854775808', '4611686018427387904', 'x', '']);
}

const sorted = (cmd: string[]): Step => ({ cmd, sort: true });

function hrandfield(g: Gen): Step {
  const r = g.rng;
  const opts = r.chance(0.2) ? [] : [randomCount(g), ...(r.chance(0.4) ? [r.pick(['WITHVALUES', 'withvalues', 'x'])] : [])];
  return { cmd: ['HRANDFIELD', g.key(), ...opts], shape: true };
}

const commands: CommandGen[] = ([
  ['hset', 12, (g) => ({ cmd: ['HSET', g.key(), ...fieldValues(g, 4)] })],
  ['hmset', 2, (g) => ({ cmd: ['HMSET', g.key(), ...fieldValues(g, 3)] })],
  ['hsetnx', 3, (g) => ({ cmd: ['HSETNX', g.key(), field(g), value(g)] })],
  ['hget', 5, (g) => ({ cmd: ['HGET', g.key(), field(g)] })],
  ['hmget', 3, (g) => ({ cmd: ['HMGET', g.key(), field(g), field(g), field(g)] })],
  ['hdel', 5, (g) => ({ cmd: ['HDEL', g.key(), field(g), ...(g.rng.chance(0.4) ? [field(g)] : [])] })],
  ['hlen', 2, (g) => ({ cmd: ['HLEN', g.key()] })],
  ['hstrlen', 2, (g) => ({ cmd: ['HSTRLEN', g.key(), field(g)] })],
  ['hexists', 2, (g) => ({ cmd: ['HEXISTS', g.key(), field(g)] })],
  ['hincrby', 5, (g) => ({ cmd: ['HINCRBY', g.key(), field(g), g.int(-1000, 1000)] })],
  ['hincrbyfloat', 4, (g) => ({ cmd: ['HINCRBYFLOAT', g.key(), field(g), g.float()] })],
  ['hkeys', 2, (g) => sorted(['HKEYS', g.key()])],
  ['hvals', 2, (g) => sorted(['HVALS', g.key()])],
  ['hgetall', 4, (g) => ({ cmd: ['HGETALL', g.key()], sort: 'pairs' })],
  // Fixed arity: a mutation could append a huge negative count, which Redis would answer forever.
  ['hrandfield', 3, hrandfield, true],
  ['hscan', 1, (g) => ({
    cmd: ['HSCAN', g.key(), '0', 'COUNT', '1000', ...(g.rng.chance(0.3) ? ['MATCH', g.rng.pick(['*', 'a*', '?', '[a-c]', 'F*'])] : [])],
    sort: 'deep',
  })],
] as [string, number, (g: Gen) => Step, true?][]).map(([name, weight, gen, fixedArity]) => ({ name, weight, gen, ...(fixedArity ? { fixedArity } : {}) }));

export const hashFamily: Family = {
  name: 'hashes',
  commands,
  dumpers: {
    hash: (key) => [{ cmd: ['HGETALL', key], sort: 'pairs' }, { cmd: ['OBJECT', 'ENCODING', key] }],
  },
};
