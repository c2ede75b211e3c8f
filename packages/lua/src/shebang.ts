// The `#!lua flags=...` first line of an EVAL script (eval.c evalExtractShebangFlags).

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

/**
 * sdssplitargs: split on whitespace with "double" (C escapes) and 'single'
 * quoted parts; null on unbalanced quotes or a quote not followed by a space.
 */
export function splitArgs(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  const isSpace = (ch: string): boolean => ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\v' || ch === '\f';
  for (;;) {
    while (i < line.length && isSpace(line[i])) i++;
    if (i >= line.length) return out;
    let cur = '';
    let inDq = false;
    let inSq = false;
    for (;;) {
      const ch = line[i];
      if (inDq) {
        if (ch === undefined) return null;
        if (ch === '\\' && line[i + 1] === 'x' && /^[0-9a-fA-F]{2}$/.test(line.slice(i + 2, i + 4))) {
          cur += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
          i += 3;
        } else if (ch === '\\' && i + 1 < line.length) {
          const esc: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' };
          i++;
          cur += esc[line[i]] ?? line[i];
        } else if (ch === '"') {
          if (i + 1 < line.length && !isSpace(line[i + 1])) return null;
          inDq = false;
          i++;
          break;
        } else cur += ch;
      } else if (inSq) {
        if (ch === undefined) return null;
        if (ch === '\\' && line[i + 1] === "'") {
          i++;
          cur += "'";
        } else if (ch === "'") {
          if (i + 1 < line.length && !isSpace(line[i + 1])) return null;
          inSq = false;
          i++;
          break;
        } else cur += ch;
      } else {
        if (ch === undefined || isSpace(ch)) break;
        if (ch === '"') inDq = true;
        else if (ch === "'") inSq = true;
        else cur += ch;
      }
      i++;
    }
    out.push(cur);
  }
}

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
  const parts = splitArgs(line);
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
