// The `#!lua flags=...` first line of an EVAL script (eval.c evalExtractShebangFlags).
import { sdsSplitArgs } from '@redmoon/core';

export interface ScriptFlags {
  /** The script has a shebang (Redis: not SCRIPT_FLAG_EVAL_COMPAT_MODE); only then do flags apply. */
  shebang: boolean;
  noWrites: boolean;
  allowOom: boolean;
  allowStale: boolean;
  noCluster: boolean;
  allowCrossSlotKeys: boolean;
}

export interface Shebang {
  flags: ScriptFlags;
  /** Bytes of the shebang line, without its newline: skipped before compiling. */
  length: number;
}

/** Redis's scripts_flags_def, in its order (FUNCTION LIST lists flags in it). */
export const FLAG_NAMES: Readonly<Record<string, Exclude<keyof ScriptFlags, 'shebang'>>> = {
  'no-writes': 'noWrites',
  'allow-oom': 'allowOom',
  'allow-stale': 'allowStale',
  'no-cluster': 'noCluster',
  'allow-cross-slot-keys': 'allowCrossSlotKeys',
};

/** Parse the shebang of a script body; a string is the error (without "ERR "). */
export function parseShebang(body: string): Shebang | string {
  const flags: ScriptFlags = {
    shebang: false, noWrites: false, allowOom: false, allowStale: false, noCluster: false, allowCrossSlotKeys: false,
  };
  if (!body.startsWith('#!')) return { flags, length: 0 };
  const end = body.indexOf('\n');
  if (end < 0) return 'Invalid script shebang';
  // The line is read as a C string: it ends at a NUL byte.
  const line = body.slice(0, end).split('\0')[0];
  const parts = sdsSplitArgs(line);
  if (parts === null || parts.length === 0) return 'Invalid engine in script shebang';
  if (parts[0] !== '#!lua') return `Unexpected engine in script shebang: ${parts[0]}`;
  flags.shebang = true;
  for (const part of parts.slice(1)) {
    if (!part.startsWith('flags=')) return `Unknown lua shebang option: ${part}`;
    const list = part.slice(6);
    if (list === '') continue;
    for (const name of list.split(',')) {
      const key = Object.hasOwn(FLAG_NAMES, name) ? FLAG_NAMES[name] : undefined;
      if (key === undefined) return `Unexpected flag in script shebang: ${name}`;
      flags[key] = true;
    }
  }
  return { flags, length: end };
}
