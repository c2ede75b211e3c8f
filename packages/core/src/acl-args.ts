// Argument splitting for ACL rules: selectors given over several SETUSER
// arguments (ACLMergeSelectorArguments) and the rules inside parentheses
// (sdssplitargs).

/**
 * ACLMergeSelectorArguments: "(+get" "~x)" become one "(+get ~x)" argument.
 * Returns the index of an unclosed selector's first argument instead on error.
 */
export function mergeSelectorArgs(args: readonly string[]): string[] | { unmatched: number } {
  const out: string[] = [];
  let open = -1;
  let selector = '';
  for (let j = 0; j < args.length; j++) {
    const op = args[j];
    if (op[0] === '(' && op[op.length - 1] !== ')') {
      selector = op;
      open = j;
      continue;
    }
    if (open !== -1) {
      selector += ` ${op}`;
      if (op[op.length - 1] === ')') {
        open = -1;
        out.push(selector);
      }
      continue;
    }
    out.push(op);
  }
  return open !== -1 ? { unmatched: open } : out;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' };
const isHex = (ch: string | undefined): boolean => ch !== undefined && /^[0-9a-fA-F]$/.test(ch);

/** sdssplitargs: space-separated arguments with "..." (C escapes) and '...' quoting; null when unbalanced. */
export function splitArgs(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  const space = (ch: string | undefined): boolean => ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\v' || ch === '\f';
  for (;;) {
    while (i < n && space(line[i])) i++;
    if (i >= n) return out;
    let cur = '';
    let inq = false;
    let insq = false;
    for (;;) {
      const ch = line[i];
      if (inq) {
        if (ch === undefined) return null;
        if (ch === '\\' && line[i + 1] === 'x' && isHex(line[i + 2]) && isHex(line[i + 3])) {
          cur += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
          i += 3;
        } else if (ch === '\\' && line[i + 1] !== undefined) {
          i++;
          cur += ESCAPES[line[i]] ?? line[i];
        } else if (ch === '"') {
          // The closing quote must be followed by a space or the end.
          if (line[i + 1] !== undefined && !space(line[i + 1])) return null;
          inq = false;
          i++;
          break;
        } else {
          cur += ch;
        }
      } else if (insq) {
        if (ch === undefined) return null;
        if (ch === '\\' && line[i + 1] === "'") {
          i++;
          cur += "'";
        } else if (ch === "'") {
          if (line[i + 1] !== undefined && !space(line[i + 1])) return null;
          insq = false;
          i++;
          break;
        } else {
          cur += ch;
        }
      } else if (ch === undefined || space(ch)) {
        break;
      } else if (ch === '"') {
        inq = true;
      } else if (ch === "'") {
        insq = true;
      } else {
        cur += ch;
      }
      i++;
    }
    out.push(cur);
  }
}
