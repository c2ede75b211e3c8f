// The seeded random command-sequence generator of the random differential test.
// Commands come from weighted generators grouped in families (families/*.ts);
// a data type is added by writing one family module (its command generators
// and a dumper for its TYPE) and listing it in FAMILIES below.
//
// Every generated command must have a reply that does not depend on wall time
// or on hash-table order, or carry a comparison rule that makes it so (sort,
// shape, near). See README.md for the rules.
import type { Step } from './case.ts';
import { bitopsFamily } from './families/bitops.ts';
import { connectionFamily } from './families/connection.ts';
import { dumpFamily } from './families/dump.ts';
import { geoFamily } from './families/geo.ts';
import { hashFamily } from './families/hash.ts';
import { hllFamily } from './families/hll.ts';
import { keyspaceFamily } from './families/keyspace.ts';
import { listFamily } from './families/list.ts';
import { setFamily } from './families/set.ts';
import { streamFamily } from './families/stream.ts';
import { stringFamily } from './families/strings.ts';
import { zsetFamily } from './families/zset.ts';

/** A seeded PRNG: mulberry32 (32-bit state, fast, good enough for test input). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }

  /** A random subset of xs, in random order. */
  some<T>(xs: readonly T[], min = 0): T[] {
    const out = xs.filter(() => this.chance(0.5));
    while (out.length < min) out.push(this.pick(xs));
    return this.shuffle(out);
  }

  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }

  /** n random bytes (latin1). */
  bytes(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(this.int(256));
    return s;
  }
}

/** The small key space: collisions are frequent, so commands see each other's data. */
export const KEYS: readonly string[] = [
  'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'counter', 'f', '', '\x00\xff', 'key with spaces\r\n', '\xce\xbb',
];

const INTS = ['0', '1', '-1', '2', '7', '42', '-100', '9999', '10000', '123456789', '4294967296'];
const INT64_EDGES = ['9223372036854775807', '-9223372036854775808', '9223372036854775806', '-9223372036854775807'];
const NOT_INTS = [
  '9223372036854775808', '-9223372036854775809', '99999999999999999999', '007', '+1', ' 1', '1 ', '0x10', '1e3',
  '1.5', '-0', '', 'abc', '1\x00', '--1',
];
const FLOATS = [
  '1.5', '-2.25', '1e3', '3.0e-2', '0.1', '-0', '0', '10.0', '1.7976931348623157e308', '5e-324', '1e-10', '123456789.123',
  'inf', '-inf', '+inf', 'nan', '.5', '5.', '1e400', ' 1.5', '1.5 ', '0x1p3', 'abc', '',
];
const WORDS = ['hello', 'foo bar', 'a', 'abc', 'hello world', 'x\r\ny', 'ohmytext', 'redis'];

/** What a generator draws its arguments from. */
export class Gen {
  private readonly usedRelative = new Set<number>();

  constructor(readonly rng: Rng) {}

  key(): string {
    return this.rng.pick(KEYS);
  }

  /** 1..max distinct-or-not keys. */
  keys(max: number): string[] {
    const n = this.rng.between(1, max);
    return Array.from({ length: n }, () => this.key());
  }

  /** A value from the mix: integers, int64 edges, floats, empty, binary, long strings. */
  value(): string {
    const r = this.rng;
    switch (r.int(9)) {
      case 0: return r.pick(INTS);
      case 1: return r.pick(INT64_EDGES);
      case 2: return r.pick(NOT_INTS);
      case 3: return r.pick(FLOATS);
      case 4: return r.bytes(r.between(1, 16));
      // 44 and 45 bytes straddle the embstr/raw boundary.
      case 5: return 'x'.repeat(r.pick([1, 20, 44, 45, 46]));
      case 6: return r.bytes(r.between(50, 300));
      case 7: return String(r.between(-1000, 1000));
      default: return r.pick(WORDS);
    }
  }

  /** An integer argument: mostly valid small numbers, sometimes edges and junk. */
  int(lo = -10, hi = 10): string {
    const r = this.rng;
    if (r.chance(0.8)) return String(r.between(lo, hi));
    return r.chance(0.5) ? r.pick(INT64_EDGES) : r.pick(NOT_INTS);
  }

  float(): string {
    return this.rng.chance(0.3) ? this.int(-100, 100) : this.rng.pick(FLOATS);
  }

  /** A database index: mostly 0..3 so keys meet, sometimes out of range or junk. */
  db(): string {
    return this.rng.chance(0.9) ? String(this.rng.between(0, 3)) : this.rng.pick(['15', '16', '-1', 'x', '1.0', '']);
  }

  /**
   * A relative expire (in seconds) that no earlier command used: two relative
   * expires on one key compare (GT/LT/NX...) by the milliseconds between the
   * commands unless their values differ, and those milliseconds differ between
   * the two servers. Steps of 1000 s keep every comparison far from a tie.
   */
  relativeSeconds(): number {
    for (;;) {
      const s = 100_000 + 1000 * this.rng.int(100_000);
      if (!this.usedRelative.has(s)) {
        this.usedRelative.add(s);
        return s;
      }
    }
  }

  /** An absolute unix time in seconds, far in the future (year 2096+): no rounding races. */
  futureUnixSeconds(): number {
    return 4_000_000_000 + this.rng.int(1_000_000);
  }

  /**
   * An expire argument for the given unit and form: valid relative/absolute
   * times, times that delete the key at once (past, zero, negative), and junk.
   * `past: false` leaves out past absolute times: SET ... EXAT <past> stores a key
   * that only the active expire cycle removes, so DBSIZE would depend on timing.
   */
  expireArg(unit: 's' | 'ms', form: 'relative' | 'absolute', past = true): string {
    const r = this.rng;
    const mul = unit === 'ms' ? 1000 : 1;
    const k = r.int(20);
    if (k < 12) {
      const s = form === 'relative' ? this.relativeSeconds() : this.futureUnixSeconds();
      return String(s * mul + (form === 'absolute' && unit === 'ms' ? r.int(1000) : 0));
    }
    if (k < 15 && form === 'relative') return r.pick(['0', '-1', '-100']);
    if (k < 15 && past) return String(r.between(0, 1_600_000_000) * mul);
    return r.pick([...NOT_INTS, ...INT64_EDGES, '9223372036854775', '-9223372036854775']);
  }

  /** A glob pattern for KEYS/SCAN MATCH. */
  pattern(): string {
    return this.rng.pick(['*', 'k*', 'k?', '[a-k]*', '*e*', 'k[1-3]', '\\*', 'counter', '', '\x00*', '*\\', '[^k]*', '[', 'k[']);
  }
}

/** One command generator: a command (or a few) with their comparison rules. */
export interface CommandGen {
  /** The command's lowercase name (REDMOON_RANDOM_ONLY matches it). */
  name: string;
  /** Relative frequency. */
  weight: number;
  gen(g: Gen): Step | Step[];
  /** Never drop or add an argument (the command would lose its determinism). */
  fixedArity?: true;
}

export interface Family {
  name: string;
  commands: CommandGen[];
  /** For each TYPE reply this family owns, the steps that dump one key's content. */
  dumpers?: Record<string, (key: string) => Step[]>;
}

export const FAMILIES: readonly Family[] = [stringFamily, keyspaceFamily, connectionFamily, listFamily, zsetFamily, hashFamily, setFamily, geoFamily, bitopsFamily, hllFamily, dumpFamily, streamFamily];

/** The dumper for a TYPE reply ("string", "hash", ...), from whichever family owns it. */
export function dumperFor(type: string, families: readonly Family[] = FAMILIES): ((key: string) => Step[]) | undefined {
  for (const f of families) {
    const d = f.dumpers?.[type];
    if (d) return d;
  }
  return undefined;
}

/** How often a command gets an argument dropped or added, to reach arity and syntax errors. */
const MUTATION_RATE = 0.02;

export interface SequenceOptions {
  seed: number;
  n: number;
  /** Only these families or command names (empty: all). */
  only?: readonly string[];
  families?: readonly Family[];
}

/** The whole command sequence for a seed. */
export function generateSequence(opts: SequenceOptions): Step[] {
  const only = new Set((opts.only ?? []).map((s) => s.toLowerCase()));
  const pool = (opts.families ?? FAMILIES).flatMap((f) =>
    f.commands.filter((c) => only.size === 0 || only.has(f.name) || only.has(c.name)));
  if (pool.length === 0) throw new Error(`no command generator matches ${[...only].join(',')}`);
  const total = pool.reduce((s, c) => s + c.weight, 0);
  const rng = new Rng(opts.seed);
  const g = new Gen(rng);
  const out: Step[] = [];
  while (out.length < opts.n) {
    let x = rng.next() * total;
    let cg = pool[0];
    for (const c of pool) {
      x -= c.weight;
      if (x < 0) {
        cg = c;
        break;
      }
    }
    const made = cg.gen(g);
    for (const step of Array.isArray(made) ? made : [made]) {
      out.push(!cg.fixedArity && rng.chance(MUTATION_RATE) ? mutate(rng, g, step) : step);
    }
  }
  return out.slice(0, opts.n);
}

/** Drop the last argument or add a junk one. */
function mutate(rng: Rng, g: Gen, step: Step): Step {
  const cmd = step.cmd.slice();
  if (cmd.length > 1 && rng.chance(0.5)) cmd.pop();
  else cmd.push(rng.chance(0.5) ? g.value() : g.key());
  return { ...step, cmd };
}
