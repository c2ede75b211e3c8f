// A small Lua 5.1 highlighter for the editor's overlay: comments, strings
// (quoted and long brackets), numbers, keywords and the script globals.
const KEYWORDS = new Set([
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'if', 'in',
  'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while',
]);
const GLOBALS = new Set(['redis', 'KEYS', 'ARGV', 'cjson', 'cmsgpack', 'struct', 'bit', 'math', 'string', 'table', 'tonumber', 'tostring', 'type', 'pairs', 'ipairs', 'unpack', 'pcall', 'error', 'assert']);

export type TokenKind = 'comment' | 'string' | 'number' | 'keyword' | 'global' | 'text';

export interface Token {
  kind: TokenKind;
  text: string;
}

/** A long bracket's end (`]]`, `]==]`) for the opening at i, or -1 if there is none. */
function longBracketLevel(src: string, i: number): number {
  const m = /^\[(=*)\[/.exec(src.slice(i, i + 64));
  return m === null ? -1 : m[1].length;
}

function longBracketEnd(src: string, from: number, level: number): number {
  const close = `]${'='.repeat(level)}]`;
  const end = src.indexOf(close, from);
  return end === -1 ? src.length : end + close.length;
}

function quotedEnd(src: string, i: number): number {
  const quote = src[i];
  let j = i + 1;
  while (j < src.length && src[j] !== quote && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
  return Math.min(src.length, j + 1);
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number): void => {
    out.push({ kind, text: src.slice(i, end) });
    i = end;
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === '-' && src[i + 1] === '-') {
      const level = longBracketLevel(src, i + 2);
      push('comment', level >= 0 ? longBracketEnd(src, i + 4 + level, level) : (src.indexOf('\n', i) + 1 || src.length));
    } else if (ch === '"' || ch === "'") {
      push('string', quotedEnd(src, i));
    } else if (ch === '[' && longBracketLevel(src, i) >= 0) {
      const level = longBracketLevel(src, i);
      push('string', longBracketEnd(src, i + 2 + level, level));
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(0[xX][0-9a-fA-F]+|[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)/.exec(src.slice(i));
      push('number', i + (m?.[0].length ?? 1));
    } else if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))![0];
      push(KEYWORDS.has(word) ? 'keyword' : GLOBALS.has(word) ? 'global' : 'text', i + word.length);
    } else {
      const m = /^[^-"'[0-9.A-Za-z_]+/.exec(src.slice(i));
      push('text', i + (m?.[0].length ?? 1));
    }
  }
  return out;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The source as HTML, one span per highlighted token. */
export function highlightLua(src: string): string {
  return tokenize(src)
    .map((t) => (t.kind === 'text' ? escapeHtml(t.text) : `<span class="lua-${t.kind}">${escapeHtml(t.text)}</span>`))
    .join('');
}
