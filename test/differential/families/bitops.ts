// Random generators for the bitmap commands (bitops.c). Offsets stay small
// (a bitmap of a few hundred bytes) apart from refused ones past the limit.
import type { Step } from '../case.ts';
import type { CommandGen, Family, Gen } from '../random-gen.ts';

const BIG_OFFSETS = ['4294967296', '-1', '9223372036854775807', 'x', '', '1.5'];

/** A bit offset: mostly inside a few hundred bytes, sometimes invalid. */
function bitOffset(g: Gen): string {
  const r = g.rng;
  if (r.chance(0.93)) return String(r.between(0, r.chance(0.7) ? 64 : 2000));
  return r.pick(BIG_OFFSETS);
}

/** A BITCOUNT/BITPOS index: small, negative, or an int64 edge. */
const index = (g: Gen): string => g.int(-40, 40);

const unit = (g: Gen): string[] => {
  const r = g.rng.int(10);
  if (r < 4) return [];
  if (r < 7) return [g.rng.pick(['BIT', 'bit'])];
  if (r < 9) return [g.rng.pick(['BYTE', 'byte'])];
  return [g.rng.pick(['foo', 'bits', ''])];
};

function bitcount(g: Gen): Step {
  const r = g.rng;
  if (r.chance(0.3)) return { cmd: ['BITCOUNT', g.key()] };
  return { cmd: ['BITCOUNT', g.key(), index(g), index(g), ...unit(g)] };
}

function bitpos(g: Gen): Step {
  const r = g.rng;
  const bit = r.chance(0.95) ? r.pick(['0', '1']) : r.pick(['2', '-1', 'x']);
  const args: string[] = [];
  const n = r.int(4);
  if (n >= 1) args.push(index(g));
  if (n >= 2) args.push(index(g));
  if (n >= 3) args.push(...unit(g));
  return { cmd: ['BITPOS', g.key(), bit, ...args] };
}

function bitop(g: Gen): Step {
  const r = g.rng;
  const op = r.pick(['AND', 'OR', 'XOR', 'NOT', 'and', 'xor', 'FOO']);
  const n = op === 'NOT' && r.chance(0.9) ? 1 : r.between(1, 4);
  return { cmd: ['BITOP', op, g.key(), ...Array.from({ length: n }, () => g.key())] };
}

const TYPES = ['u1', 'i1', 'u4', 'i4', 'u8', 'i8', 'u16', 'i16', 'i32', 'u31', 'u63', 'i64', 'i13', 'u7'];
const BAD_TYPES = ['u64', 'i65', 'i0', 'x8', '', 'u'];
const VALUES = ['0', '1', '-1', '100', '-100', '255', '256', '9223372036854775807', '-9223372036854775808', '12345678901'];

/** BITFIELD's operations: GET/SET/INCRBY at small offsets (# too), with OVERFLOW changes. */
function bitfieldOps(g: Gen, readonly: boolean): string[] {
  const r = g.rng;
  const ops: string[] = [];
  const n = r.between(0, 4);
  for (let i = 0; i < n; i++) {
    const type = r.chance(0.95) ? r.pick(TYPES) : r.pick(BAD_TYPES);
    const offset = r.chance(0.2) ? `#${r.between(0, 8)}` : r.chance(0.97) ? String(r.between(0, 100)) : r.pick(BIG_OFFSETS);
    const value = r.chance(0.9) ? r.pick(VALUES) : r.pick(['x', '1.5', '']);
    const kind = readonly && r.chance(0.9) ? 0 : r.int(4);
    if (kind === 0) ops.push(r.pick(['GET', 'get']), type, offset);
    else if (kind === 1) ops.push('SET', type, offset, value);
    else if (kind === 2) ops.push(r.pick(['INCRBY', 'incrby']), type, offset, value);
    else ops.push('OVERFLOW', r.pick(['WRAP', 'SAT', 'FAIL', 'fail', 'bogus']));
  }
  return ops;
}

const commands: CommandGen[] = [
  { name: 'setbit', weight: 6, gen: (g) => ({ cmd: ['SETBIT', g.key(), bitOffset(g), g.rng.chance(0.95) ? g.rng.pick(['0', '1']) : g.rng.pick(['2', '-1', 'x'])] }) },
  { name: 'getbit', weight: 4, gen: (g) => ({ cmd: ['GETBIT', g.key(), bitOffset(g)] }) },
  { name: 'bitcount', weight: 4, gen: bitcount },
  { name: 'bitpos', weight: 4, gen: bitpos },
  { name: 'bitop', weight: 3, gen: bitop },
  { name: 'bitfield', weight: 4, gen: (g) => ({ cmd: ['BITFIELD', g.key(), ...bitfieldOps(g, false)] }) },
  { name: 'bitfield_ro', weight: 2, gen: (g) => ({ cmd: ['BITFIELD_RO', g.key(), ...bitfieldOps(g, true)] }) },
];

export const bitopsFamily: Family = { name: 'bitops', commands };
