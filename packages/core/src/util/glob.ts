// Redis's stringmatchlen (util.c): the glob used by KEYS, SCAN MATCH, PSUBSCRIBE,
// CONFIG GET and friends. Byte-wise, with `\` escapes, `[^a-c]` classes and a
// case-insensitive mode (ASCII only, as C's tolower in the C locale).

const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

// C compares `char`, which is signed on the platforms Redis ships for: bytes
// 0x80-0xff order below 'a' inside [x-y] ranges.
const signed = (c: number): number => (c > 127 ? c - 256 : c);

export function globMatch(pattern: string, str: string, nocase = false): boolean {
  return match(pattern, 0, str, 0, nocase, 0, { skip: false });
}

/** `skip` is Redis's skipLongerMatches (7.0.9+): once a `*` tail failed everywhere, no
 * earlier `*` can succeed either, which keeps pattern bombs linear. */
function match(p: string, pi: number, s: string, si: number, nocase: boolean, nesting: number, st: { skip: boolean }): boolean {
  // Redis caps recursion depth (nesting > 1000 fails the match) to avoid stack exhaustion.
  if (nesting > 1000) return false;
  const plen = p.length;
  const slen = s.length;
  while (pi < plen && si < slen) {
    const pc = p.charCodeAt(pi);
    switch (pc) {
      case 42: { // '*'
        while (pi + 1 < plen && p.charCodeAt(pi + 1) === 42) pi++;
        if (pi + 1 === plen) return true;
        while (si < slen) {
          if (match(p, pi + 1, s, si, nocase, nesting + 1, st)) return true;
          if (st.skip) return false;
          si++;
        }
        st.skip = true;
        return false;
      }
      case 63: // '?'
        si++;
        break;
      case 91: { // '['
        pi++;
        const not = p.charCodeAt(pi) === 94; // '^'
        if (not) pi++;
        let matched = false;
        const sc = s.charCodeAt(si);
        for (;;) {
          if (pi < plen && p.charCodeAt(pi) === 92 && pi + 1 < plen) { // '\'
            pi++;
            if (p.charCodeAt(pi) === sc) matched = true;
          } else if (pi >= plen || p.charCodeAt(pi) === 93) { // ']'
            break;
          } else if (pi + 2 < plen && p.charCodeAt(pi + 1) === 45) { // 'a-z'
            let start = signed(p.charCodeAt(pi));
            let end = signed(p.charCodeAt(pi + 2));
            let c = signed(sc);
            if (start > end) { const t = start; start = end; end = t; }
            if (nocase) { start = lower(start); end = lower(end); c = lower(c); }
            pi += 2;
            if (c >= start && c <= end) matched = true;
          } else if (nocase ? lower(p.charCodeAt(pi)) === lower(sc) : p.charCodeAt(pi) === sc) {
            matched = true;
          }
          pi++;
        }
        // Redis: an unterminated class ends at the pattern's end (pi points past it).
        if (pi >= plen) pi = plen - 1;
        if (not) matched = !matched;
        if (!matched) return false;
        si++;
        break;
      }
      default: {
        if (pc === 92 && pi + 1 < plen) pi++; // '\' escapes the next byte
        const a = p.charCodeAt(pi);
        const b = s.charCodeAt(si);
        if (nocase ? lower(a) !== lower(b) : a !== b) return false;
        si++;
        break;
      }
    }
    pi++;
    if (si === slen) {
      while (pi < plen && p.charCodeAt(pi) === 42) pi++;
      break;
    }
  }
  return pi === plen && si === slen;
}
