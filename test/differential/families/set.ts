// Random generators for the set commands (t_set.c). Replies that list members
// are compared sorted (a hash table's order is undefined), random picks by shape
// (SRANDMEMBER) or only in their deterministic form (SPOP with a count above any
// set's size), and SSCAN with a COUNT above any set's size (one call, cursor 0).
import type { Step } from '../case.ts';
import type { CommandGen, Family, Gen } from '../random-gen.ts';

const MEMBERS = [
  '0', '1', '2', '3', '5', '8', '13', '-1', '-20', '100', '9223372036854775807', '-9223372036854775808',
  'a', 'b', 'c', 'foo', '', '\x00', '\xff\xfe', '01', '+1', '1.5', 'x'.repeat(70),
];

function member(g: Gen): string {
  const r = g.rng;
  if (r.chance(0.05)) return g.value();
  return r.chance(0.6) ? String(r.between(-5, 25)) : r.pick(MEMBERS);
}

const members = (g: Gen, max: number): string[] => Array.from({ length: g.rng.between(1, max) }, () => member(g));

/** A count for SRANDMEMBER: small both ways (a huge negative count would make Redis reply forever). */
function randomCount(g: Gen): string {
  const r = g.rng;
  if (r.chance(0.9)) return String(r.between(-12, 12));
  return r.pick(['9223372036854775807', '-9223372036854775808', 'x', '1.5', '']);
}

const sorted = (cmd: string[]): Step => ({ cmd, sort: true });

const commands: CommandGen[] = ([
  ['sadd', 14, (g) => ({ cmd: ['SADD', g.key(), ...members(g, 6)] })],
  ['srem', 6, (g) => ({ cmd: ['SREM', g.key(), ...members(g, 4)] })],
  ['scard', 3, (g) => ({ cmd: ['SCARD', g.key()] })],
  ['sismember', 3, (g) => ({ cmd: ['SISMEMBER', g.key(), member(g)] })],
  ['smismember', 2, (g) => ({ cmd: ['SMISMEMBER', g.key(), ...members(g, 4)] })],
  ['smembers', 4, (g) => sorted(['SMEMBERS', g.key()])],
  ['smove', 3, (g) => ({ cmd: ['SMOVE', g.key(), g.key(), member(g)] })],
  // Only the forms whose effect is determined: pop everything, pop nothing, errors.
  ['spop', 2, (g) => sorted(['SPOP', g.key(), g.rng.pick(['1000', '0', '-1', 'x'])]), true],
  // Fixed arity: a mutation could append a huge negative count, which Redis would answer forever.
  ['srandmember', 3, (g) => ({ cmd: ['SRANDMEMBER', g.key(), ...(g.rng.chance(0.2) ? [] : [randomCount(g)])], shape: true }), true],
  ['sinter', 3, (g) => sorted(['SINTER', ...g.keys(3)])],
  ['sintercard', 2, (g) => ({
    cmd: ['SINTERCARD', String(g.rng.between(1, 3)), ...g.keys(3), ...(g.rng.chance(0.4) ? ['LIMIT', String(g.rng.between(-1, 4))] : [])],
  })],
  ['sinterstore', 2, (g) => ({ cmd: ['SINTERSTORE', g.key(), ...g.keys(3)] })],
  ['sunion', 3, (g) => sorted(['SUNION', ...g.keys(3)])],
  ['sunionstore', 2, (g) => ({ cmd: ['SUNIONSTORE', g.key(), ...g.keys(3)] })],
  ['sdiff', 3, (g) => sorted(['SDIFF', ...g.keys(3)])],
  ['sdiffstore', 2, (g) => ({ cmd: ['SDIFFSTORE', g.key(), ...g.keys(3)] })],
  ['sscan', 1, (g) => ({
    cmd: ['SSCAN', g.key(), '0', 'COUNT', '1000', ...(g.rng.chance(0.3) ? ['MATCH', g.rng.pick(['*', '1*', '?', '-*', 'a*'])] : [])],
    sort: 'deep',
  })],
] as [string, number, (g: Gen) => Step, true?][]).map(([name, weight, gen, fixedArity]) => ({ name, weight, gen, ...(fixedArity ? { fixedArity } : {}) }));

export const setFamily: Family = {
  name: 'sets',
  commands,
  dumpers: {
    set: (key) => [sorted(['SMEMBERS', key]), { cmd: ['OBJECT', 'ENCODING', key] }],
  },
};
