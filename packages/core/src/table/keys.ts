// Key extraction from a command's key specs (db.c getKeysUsingKeySpecs), the
// legacy first/last/step triple (server.c populateCommandLegacyRangeSpec), and
// the "getkeys procs" Redis keeps for commands whose specs are not enough.
// Used by COMMAND GETKEYS / GETKEYSANDFLAGS, COMMAND INFO, and later cluster and ACL.
import { asciiLower, parseLL } from '../util/parse.ts';
import type { KeySpec } from './spec.ts';
import type { CommandEntry } from './table.ts';

/** Key spec flags as bits (server.h CMD_KEY_*): their order is COMMAND's reply order. */
export const KEY_FLAGS = [
  'RO', 'RW', 'OW', 'RM', 'ACCESS', 'UPDATE', 'INSERT', 'DELETE', 'NOT_KEY', 'INCOMPLETE', 'VARIABLE_FLAGS',
] as const;
const bit = (name: (typeof KEY_FLAGS)[number]): number => 1 << KEY_FLAGS.indexOf(name);
export const K = {
  RO: bit('RO'), RW: bit('RW'), OW: bit('OW'), ACCESS: bit('ACCESS'), UPDATE: bit('UPDATE'),
  DELETE: bit('DELETE'), NOT_KEY: bit('NOT_KEY'), INCOMPLETE: bit('INCOMPLETE'), VARIABLE_FLAGS: bit('VARIABLE_FLAGS'),
} as const;

export function keySpecFlagBits(spec: KeySpec): number {
  let bits = 0;
  for (const f of spec.flags) bits |= bit(f as (typeof KEY_FLAGS)[number]);
  return bits;
}

/** The names COMMAND prints for key flags: the RO/RW/OW/RM kinds upper case, the rest lower case. */
export function keyFlagNames(bits: number): string[] {
  const out: string[] = [];
  KEY_FLAGS.forEach((name, i) => {
    if (bits & (1 << i)) out.push(i < 4 ? name : name.toLowerCase());
  });
  return out;
}

/** One key found in an argv: its position and its access flags (0 when the proc gives none). */
export interface KeyRef {
  pos: number;
  flags: number;
}

/** The legacy (first, last, step) range, and whether the command has "movable" keys. */
export interface LegacyRange {
  first: number;
  last: number;
  step: number;
  movable: boolean;
}

const isPlainRange = (s: KeySpec): boolean => s.begin_search.index !== undefined && s.find_keys.range !== undefined;

/** populateCommandLegacyRangeSpec: merge the consecutive step-1 index/range specs. */
export function legacyRange(specs: readonly KeySpec[]): LegacyRange {
  const none: LegacyRange = { first: 0, last: 0, step: 0, movable: false };
  if (specs.length === 0) return none;
  if (specs.length === 1 && isPlainRange(specs[0])) {
    const pos = specs[0].begin_search.index!.pos;
    const r = specs[0].find_keys.range!;
    return {
      first: pos,
      last: r.lastkey >= 0 ? r.lastkey + pos : r.lastkey,
      step: r.step,
      movable: (keySpecFlagBits(specs[0]) & K.INCOMPLETE) !== 0,
    };
  }
  let movable = false;
  let first = Infinity;
  // Redis compares last keys as unsigned ints, so a negative (relative to the end) one wins.
  let last = 0;
  let prevLast = 0;
  for (const s of specs) {
    if (!isPlainRange(s)) { movable = true; continue; }
    const pos = s.begin_search.index!.pos;
    const r = s.find_keys.range!;
    if (r.step !== 1 || (prevLast !== 0 && prevLast !== pos - 1)) { movable = true; continue; }
    if (keySpecFlagBits(s) & K.INCOMPLETE) movable = true;
    first = Math.min(first, pos);
    const abs = r.lastkey >= 0 ? r.lastkey + pos : r.lastkey;
    last = (abs >>> 0) > (last >>> 0) ? abs : last;
    prevLast = last;
  }
  if (first === Infinity) return { ...none, movable: true };
  return { first, last, step: 1, movable };
}

/** getKeysUsingKeySpecs without GET_KEYSPEC_RETURN_PARTIAL: null on an invalid or incomplete spec. */
export function keysFromSpecs(cmd: CommandEntry, argv: readonly string[]): KeyRef[] | null {
  const argc = argv.length;
  const keys: KeyRef[] = [];
  for (const spec of cmd.spec.keySpecs ?? []) {
    const flags = keySpecFlagBits(spec);
    if (flags & K.NOT_KEY) continue;
    let first = 0;
    const bs = spec.begin_search;
    if (bs.index) {
      first = bs.index.pos;
    } else if (bs.keyword) {
      const { keyword, startfrom } = bs.keyword;
      const start = startfrom > 0 ? startfrom : argc + startfrom;
      const end = startfrom > 0 ? argc - 1 : 1;
      const kw = asciiLower(keyword);
      for (let i = start; i !== end; i = start <= end ? i + 1 : i - 1) {
        if (i >= argc || i < 1) break;
        if (asciiLower(argv[i]) === kw) { first = i + 1; break; }
      }
      if (first === 0) continue;
    } else {
      return null;
    }
    let last: number;
    let step: number;
    const fk = spec.find_keys;
    if (fk.range) {
      step = fk.range.step;
      if (fk.range.lastkey >= 0) last = first + fk.range.lastkey;
      else if (fk.range.limit === 0) last = argc + fk.range.lastkey;
      else last = first + (Math.trunc((argc - first) / fk.range.limit) + fk.range.lastkey);
    } else if (fk.keynum) {
      step = fk.keynum.step;
      if (fk.keynum.keynumidx >= argc) return null;
      const numkeys = parseLL(argv[first + fk.keynum.keynumidx] ?? '');
      if (numkeys === null || numkeys < 0) return null;
      first += fk.keynum.firstkey;
      last = first + numkeys - 1;
    } else {
      return null;
    }
    if (last >= argc || last < first || first >= argc) return null;
    // Variadic commands have no arity check for the tail: missing keys are skipped.
    for (let i = first; i <= last; i += step) keys.push({ pos: i, flags });
    if (flags & K.INCOMPLETE) return null;
  }
  return keys;
}

/** genericGetKeys: [dest] numkeys key [key ...]; nothing when numkeys is out of range. */
function numkeysKeys(storeAt: number, countAt: number, firstAt: number, argv: readonly string[]): KeyRef[] {
  const num = atoi(argv[countAt] ?? '');
  if (num < 1 || num > argv.length - firstAt) return [];
  const keys: KeyRef[] = [];
  for (let i = 0; i < num; i++) keys.push({ pos: firstAt + i, flags: 0 });
  if (storeAt !== 0) keys.push({ pos: storeAt, flags: 0 });
  return keys;
}

/** C's atoi: optional sign and leading digits, 0 otherwise (wrapped to an int). */
function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  return m ? Number(BigInt.asIntN(32, BigInt(m[1]))) : 0;
}

function sortKeys(argv: readonly string[]): KeyRef[] {
  const keys: KeyRef[] = [{ pos: 1, flags: K.RO | K.ACCESS }];
  const skip: Record<string, number> = { limit: 2, get: 1, by: 1 };
  for (let i = 2; i < argv.length; i++) {
    const a = asciiLower(argv[i]);
    if (skip[a] !== undefined) i += skip[a];
    else if (a === 'store' && i + 1 < argv.length) keys[1] = { pos: i + 1, flags: K.OW | K.UPDATE };
  }
  return keys;
}

function migrateKeys(argv: readonly string[]): KeyRef[] {
  let first = 3;
  let num = 1;
  const skip: Record<string, number> = { copy: 0, replace: 0, auth: 1, auth2: 2 };
  if (argv.length > 6) {
    for (let i = 6; i < argv.length; i++) {
      const a = asciiLower(argv[i]);
      if (a === 'keys') {
        // KEYS with a non-empty key argument is a syntax error MIGRATE reports itself.
        if (argv[3].length > 0) num = 0;
        else { first = i + 1; num = argv.length - first; }
        break;
      }
      if (skip[a] !== undefined) i += skip[a];
    }
  }
  const keys: KeyRef[] = [];
  for (let i = 0; i < num; i++) keys.push({ pos: first + i, flags: K.RW | K.ACCESS | K.DELETE });
  return keys;
}

function georadiusKeys(argv: readonly string[]): KeyRef[] {
  let stored = -1;
  for (let i = 5; i < argv.length; i++) {
    const a = asciiLower(argv[i]);
    if ((a === 'store' || a === 'storedist') && i + 1 < argv.length) stored = ++i;
  }
  return stored === -1 ? [{ pos: 1, flags: 0 }] : [{ pos: 1, flags: 0 }, { pos: stored, flags: 0 }];
}

function xreadKeys(argv: readonly string[]): KeyRef[] {
  let streams = -1;
  for (let i = 1; i < argv.length; i++) {
    const a = asciiLower(argv[i]);
    if (a === 'block' || a === 'count') i++;
    else if (a === 'group') i += 2;
    else if (a === 'noack') continue;
    else { if (a === 'streams') streams = i; break; }
  }
  const n = streams === -1 ? 0 : argv.length - streams - 1;
  if (streams === -1 || n === 0 || n % 2 !== 0) return [];
  const keys: KeyRef[] = [];
  for (let i = streams + 1; i < argv.length - n / 2; i++) keys.push({ pos: i, flags: 0 });
  return keys;
}

function setKeys(argv: readonly string[]): KeyRef[] {
  for (let i = 3; i < argv.length; i++) {
    if (asciiLower(argv[i]) === 'get') return [{ pos: 1, flags: K.RW | K.ACCESS | K.UPDATE }];
  }
  return [{ pos: 1, flags: K.OW | K.UPDATE }];
}

function bitfieldKeys(argv: readonly string[]): KeyRef[] {
  let readonly = true;
  for (let i = 2; i < argv.length; i++) {
    const rem = argv.length - i - 1;
    const a = asciiLower(argv[i]);
    if (a === 'get' && rem >= 2) i += 2;
    else if ((a === 'set' || a === 'incrby') && rem >= 3) { readonly = false; break; }
    else if (a === 'overflow' && rem >= 1) i += 1;
    else { readonly = false; break; }
  }
  return [{ pos: 1, flags: readonly ? K.RO | K.ACCESS : K.RW | K.ACCESS | K.UPDATE }];
}

type GetKeysProc = (argv: readonly string[]) => KeyRef[];

/** The commands Redis gives a getkeys_proc (their "get_keys_function" in commands/*.json). */
const GETKEYS_PROCS: Record<string, GetKeysProc> = {
  zunionstore: (a) => numkeysKeys(1, 2, 3, a),
  zinterstore: (a) => numkeysKeys(1, 2, 3, a),
  zdiffstore: (a) => numkeysKeys(1, 2, 3, a),
  zunion: (a) => numkeysKeys(0, 1, 2, a),
  zinter: (a) => numkeysKeys(0, 1, 2, a),
  zintercard: (a) => numkeysKeys(0, 1, 2, a),
  zdiff: (a) => numkeysKeys(0, 1, 2, a),
  sintercard: (a) => numkeysKeys(0, 1, 2, a),
  eval: (a) => numkeysKeys(0, 2, 3, a),
  evalsha: (a) => numkeysKeys(0, 2, 3, a),
  eval_ro: (a) => numkeysKeys(0, 2, 3, a),
  evalsha_ro: (a) => numkeysKeys(0, 2, 3, a),
  fcall: (a) => numkeysKeys(0, 2, 3, a),
  fcall_ro: (a) => numkeysKeys(0, 2, 3, a),
  lmpop: (a) => numkeysKeys(0, 1, 2, a),
  blmpop: (a) => numkeysKeys(0, 2, 3, a),
  zmpop: (a) => numkeysKeys(0, 1, 2, a),
  bzmpop: (a) => numkeysKeys(0, 2, 3, a),
  sort: sortKeys,
  sort_ro: () => [{ pos: 1, flags: K.RO | K.ACCESS }],
  migrate: migrateKeys,
  georadius: georadiusKeys,
  georadiusbymember: georadiusKeys,
  xread: xreadKeys,
  xreadgroup: xreadKeys,
  set: setKeys,
  bitfield: bitfieldKeys,
};

function specFlagsUnion(cmd: CommandEntry, inverted: boolean): number {
  let bits = 0;
  for (const s of cmd.spec.keySpecs ?? []) bits |= inverted ? ~keySpecFlagBits(s) : keySpecFlagBits(s);
  return bits;
}

/** doesCommandHaveKeys: a getkeys proc, or a key spec that is not NOT_KEY. */
export function commandHasKeys(cmd: CommandEntry): boolean {
  return (cmd.parent === null && GETKEYS_PROCS[cmd.name] !== undefined) || (specFlagsUnion(cmd, true) & K.NOT_KEY) !== 0;
}

/**
 * getKeysFromCommandWithSpecs: the key specs when they are complete and their
 * flags fixed, else the command's getkeys proc. `argv` starts at the command name.
 */
export function commandKeys(cmd: CommandEntry, argv: readonly string[]): KeyRef[] {
  const hasSpec = (specFlagsUnion(cmd, true) & K.NOT_KEY) !== 0;
  const varFlags = (specFlagsUnion(cmd, false) & K.VARIABLE_FLAGS) !== 0;
  if (hasSpec && !varFlags) {
    const keys = keysFromSpecs(cmd, argv);
    if (keys !== null) return keys;
  }
  const proc = cmd.parent === null ? GETKEYS_PROCS[cmd.name] : undefined;
  return proc ? proc(argv) : [];
}
