// The kinds of configuration parameter config.c declares (bool, numeric, enum,
// string), with its parsers (memtoull, numericParseString, the boundary checks)
// and its exact error texts. config.ts lists the parameters themselves.
import type { Config } from './config.ts';
import { parseInt64 } from './util/parse.ts';

export interface ParamDef {
  name: string;
  alias?: string;
  /** CONFIG SET refuses it (IMMUTABLE_CONFIG); only startup options set it. */
  immutable?: boolean;
  /** PROTECTED_CONFIG: settable only as enable-protected-configs allows. */
  protected?: boolean;
  get(c: Config): string;
  /** Parse and apply; return an error detail (Redis's text after the ' - ') on failure. */
  set(c: Config, v: string): string | null;
}

/** What a parameter is stored in: a typed Config field, or Config.extra under its name. */
type Slot = keyof Config | null;
type Flags = { alias?: string; immutable?: boolean; protected?: boolean };

const ULLONG_MAX = (1n << 64n) - 1n;

function store(c: Config, slot: Slot, name: string, value: unknown, text: string): void {
  if (slot === null) c.extra.set(name, text);
  else (c as unknown as Record<string, unknown>)[slot] = value;
}

/** strcasecmp-style yes/no (yesnotoi). */
export function yesno(v: string): boolean | null {
  const l = v.toLowerCase();
  return l === 'yes' ? true : l === 'no' ? false : null;
}

export function boolParam(name: string, slot: Slot, dflt: boolean, flags: Flags = {}): ParamDef {
  return {
    name, ...flags,
    get: (c) => {
      if (slot !== null) return (c[slot] as boolean) ? 'yes' : 'no';
      return c.extra.get(name) ?? (dflt ? 'yes' : 'no');
    },
    set: (c, v) => {
      const b = yesno(v);
      if (b === null) return "argument must be 'yes' or 'no'";
      store(c, slot, name, b, b ? 'yes' : 'no');
      return null;
    },
  };
}

/**
 * util.c memtoull: digits then an optional unit (b, k, kb, m, mb, g, gb, any case).
 * strtoull saturates at ULLONG_MAX and the multiplication wraps, unchecked, as in 7.0.15;
 * an empty digit string is 0. Null when the text is not a memory value.
 */
export function memtoull(v: string): bigint | null {
  if (v.startsWith('-')) return null;
  let i = 0;
  while (i < v.length && v.charCodeAt(i) >= 48 && v.charCodeAt(i) <= 57) i++;
  const mul = MEMORY_UNITS[v.slice(i).toLowerCase()];
  if (mul === undefined || i >= 128) return null;
  let n = i === 0 ? 0n : BigInt(v.slice(0, i));
  if (n > ULLONG_MAX) n = ULLONG_MAX;
  return BigInt.asUintN(64, n * mul);
}

const MEMORY_UNITS: Record<string, bigint> = {
  '': 1n, b: 1n, k: 1000n, kb: 1024n, m: 1000000n, mb: 1048576n, g: 1000000000n, gb: 1073741824n,
};

/** strtoll over a whole argument: optional space and sign, digits, nothing after; "" is 0. */
export function strtollWhole(v: string): bigint | null {
  if (v === '') return 0n;
  const m = /^[\t\n\v\f\r ]*([+-]?\d+)$/.exec(v);
  if (m === null) return null;
  const n = BigInt(m[1]);
  return n > 9223372036854775807n ? 9223372036854775807n : n < -9223372036854775808n ? -9223372036854775808n : n;
}

interface NumOpts extends Flags {
  memory?: boolean;
  /** PERCENT_CONFIG: "N%" is accepted and kept as -N (maxmemory-clients). */
  percent?: boolean;
  /** Unsigned long long storage (maxmemory): compared and printed unsigned. */
  ull?: boolean;
}

/**
 * A numeric parameter (numericParseString + numericBoundaryCheck). The value is
 * kept in a typed number field, or as its CONFIG GET text in Config.extra.
 */
export function numParam(name: string, slot: Slot, min: bigint, max: bigint, dflt: number, opts: NumOpts = {}): ParamDef {
  const { memory, percent, ull, ...flags } = opts;
  // Values past 2^53 are kept as the nearest double: printed through BigInt and
  // clamped to the bound, so that LLONG_MAX or ULLONG_MAX still reads back exactly.
  const format = (n: number): string => {
    if (n < 0 && percent) return `${-n}%`;
    const b = BigInt(n);
    return String(b > max ? max : b);
  };
  return {
    name, ...flags,
    get: (c) => (slot !== null ? format(c[slot] as number) : c.extra.get(name) ?? format(dflt)),
    set: (c, v) => {
      let ll: bigint | null = null;
      if (memory) {
        const u = memtoull(v);
        if (u !== null) ll = BigInt.asIntN(64, u);
      }
      if (ll === null && percent && v.length > 1 && v.endsWith('%')) {
        const p = parseInt64(v.slice(0, -1));
        if (p !== null && p >= 0n) ll = -p;
      }
      if (ll === null && !memory && !percent) ll = parseInt64(v);
      if (ll === null) {
        if (memory && percent) return 'argument must be a memory or percent value';
        return memory ? 'argument must be a memory value' : "argument couldn't be parsed into an integer";
      }
      if (percent && ll < 0n) {
        if (ll < min) return `percentage argument must be less or equal to ${-min}`;
      } else {
        const cmp = ull ? BigInt.asUintN(64, ll) : ll;
        if (cmp < min || cmp > max) return `argument must be between ${min} and ${max} inclusive`;
        if (ull) ll = cmp;
      }
      const n = Number(ll);
      store(c, slot, name, n, format(n));
      return null;
    },
  };
}

/**
 * An enum parameter: names match case-insensitively; CONFIG GET shows the first
 * name with the stored value (so oom-score-adj "relative" reads back as "yes").
 */
export function enumParam(name: string, slot: Slot, names: readonly (readonly [string, number])[], dflt: number, flags: Flags = {}): ParamDef {
  const nameOf = (n: number): string => names.find(([, v]) => v === n)![0];
  return {
    name, ...flags,
    get: (c) => (slot !== null ? nameOf(c[slot] as number) : c.extra.get(name) ?? nameOf(dflt)),
    set: (c, v) => {
      const hit = names.find(([n]) => n === v.toLowerCase());
      if (hit === undefined) return `argument(s) must be one of the following: ${names.map(([n]) => n).join(', ')}`;
      store(c, slot, name, hit[1], nameOf(hit[1]));
      return null;
    },
  };
}

/** An enum whose values are names in order; the stored value is the canonical name. */
export function enumNames(name: string, slot: Slot, names: readonly string[], dflt: string, flags: Flags = {}): ParamDef {
  return {
    name, ...flags,
    get: (c) => (slot !== null ? (c[slot] as string) : c.extra.get(name) ?? dflt),
    set: (c, v) => {
      const hit = names.find((n) => n === v.toLowerCase());
      if (hit === undefined) return `argument(s) must be one of the following: ${names.join(', ')}`;
      store(c, slot, name, hit, hit);
      return null;
    },
  };
}

export function stringParam(name: string, slot: Slot, dflt: string, flags: Flags = {}, validate?: (v: string) => string | null): ParamDef {
  return {
    name, ...flags,
    get: (c) => (slot !== null ? (c[slot] as string) : c.extra.get(name) ?? dflt),
    set: (c, v) => {
      const err = validate?.(v) ?? null;
      if (err !== null) return err;
      store(c, slot, name, v, v);
      return null;
    },
  };
}

/** MULTI_ARG_CONFIG values are split on single spaces (sdssplitlen); "" is no arguments. */
export function splitArgs(v: string): string[] {
  return v === '' ? [] : v.split(' ');
}
