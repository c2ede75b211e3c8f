// sdssplitargs: how Redis splits a line into arguments (spaces separate
// them; "double quotes" take \n \r \t \b \a \xHH and \<char>; 'single
// quotes' take \' only). ACL selectors, the script shebang line and the
// debugger's line-oriented front ends (as redis-cli sends a typed line) use it.

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\v' || ch === '\f';
const isHex = (ch: string | undefined): boolean => ch !== undefined && /^[0-9a-fA-F]$/.test(ch);
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' };

/** The arguments of line, or null for unbalanced quotes (redis-cli: "Invalid argument(s)"). */
export function sdsSplitArgs(line: string): string[] | null {
  const out: string[] = [];
  let p = 0;
  for (;;) {
    while (p < line.length && isSpace(line[p])) p++;
    if (p >= line.length) return out;
    let current = '';
    let inDouble = false;
    let inSingle = false;
    for (;;) {
      const ch = line[p];
      if (inDouble) {
        if (ch === undefined) return null;
        if (ch === '\\' && line[p + 1] === 'x' && isHex(line[p + 2]) && isHex(line[p + 3])) {
          current += String.fromCharCode(parseInt(line.slice(p + 2, p + 4), 16));
          p += 3;
        } else if (ch === '\\' && p + 1 < line.length) {
          p++;
          current += ESCAPES[line[p]] ?? line[p];
        } else if (ch === '"') {
          // A closing quote must be followed by a space or the end.
          if (p + 1 < line.length && !isSpace(line[p + 1])) return null;
          p++;
          break;
        } else {
          current += ch;
        }
      } else if (inSingle) {
        if (ch === undefined) return null;
        if (ch === '\\' && line[p + 1] === "'") {
          p++;
          current += "'";
        } else if (ch === "'") {
          if (p + 1 < line.length && !isSpace(line[p + 1])) return null;
          p++;
          break;
        } else {
          current += ch;
        }
      } else {
        if (ch === undefined || isSpace(ch)) break;
        if (ch === '"') inDouble = true;
        else if (ch === "'") inSingle = true;
        else current += ch;
      }
      p++;
    }
    out.push(current);
  }
}
