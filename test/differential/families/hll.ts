// Random generators for the HyperLogLog commands (hyperloglog.c). Two keys of
// their own grow past the sparse limit into dense HLLs; the shared keys mix
// HLLs with other strings and types (WRONGTYPE paths).
import type { Step } from '../case.ts';
import type { CommandGen, Family, Gen } from '../random-gen.ts';

const HLL_KEYS = ['hll:a', 'hll:b'];

const hllKey = (g: Gen): string => (g.rng.chance(0.6) ? g.rng.pick(HLL_KEYS) : g.key());

/** Elements from a pool of 20000 names, plus some binary ones. */
function elements(g: Gen, max: number): string[] {
  const r = g.rng;
  const n = r.between(0, max);
  return Array.from({ length: n }, () => (r.chance(0.9) ? `el:${r.int(20000)}` : r.bytes(r.between(0, 12))));
}

function pfadd(g: Gen): Step {
  // Sometimes a big batch, so the HLL keys reach the dense encoding.
  const max = g.rng.chance(0.1) ? 400 : 8;
  return { cmd: ['PFADD', hllKey(g), ...elements(g, max)] };
}

function pfdebug(g: Gen): Step {
  const sub = g.rng.pick(['ENCODING', 'DECODE', 'TODENSE', 'encoding', 'GETREG', 'FOO']);
  // GETREG's 16384 registers: rarely.
  if (sub === 'GETREG' && g.rng.chance(0.8)) return { cmd: ['PFDEBUG', 'ENCODING', hllKey(g)] };
  return { cmd: ['PFDEBUG', sub, hllKey(g)] };
}

const commands: CommandGen[] = [
  { name: 'pfadd', weight: 8, gen: pfadd },
  { name: 'pfcount', weight: 6, gen: (g) => ({ cmd: ['PFCOUNT', ...Array.from({ length: g.rng.chance(0.7) ? 1 : g.rng.between(2, 3) }, () => hllKey(g))] }) },
  { name: 'pfmerge', weight: 3, gen: (g) => ({ cmd: ['PFMERGE', hllKey(g), ...Array.from({ length: g.rng.between(0, 3) }, () => hllKey(g))] }) },
  { name: 'pfdebug', weight: 2, gen: pfdebug },
];

export const hllFamily: Family = { name: 'hll', commands };
