import { describe, expect, it } from 'vitest';
import { highlightLua, tokenize } from './lua-highlight.ts';

describe('tokenize', () => {
  it('splits Lua into highlighted tokens and keeps every character', () => {
    const src = "local x = redis.call('GET', KEYS[1]) -- read\nreturn [[a]] .. 0x1F + 1.5e3";
    const tokens = tokenize(src);
    expect(tokens.map((t) => t.text).join('')).toBe(src);
    expect(tokens.filter((t) => t.kind !== 'text')).toEqual([
      { kind: 'keyword', text: 'local' },
      { kind: 'global', text: 'redis' },
      { kind: 'string', text: "'GET'" },
      { kind: 'global', text: 'KEYS' },
      { kind: 'number', text: '1' },
      { kind: 'comment', text: '-- read\n' },
      { kind: 'keyword', text: 'return' },
      { kind: 'string', text: '[[a]]' },
      { kind: 'number', text: '0x1F' },
      { kind: 'number', text: '1.5e3' },
    ]);
  });

  it('escapes HTML and closes unterminated strings and comments at the end', () => {
    expect(highlightLua('a < "b')).toBe('a &lt; <span class="lua-string">"b</span>');
    expect(highlightLua('--[==[ x ]] ')).toBe('<span class="lua-comment">--[==[ x ]] </span>');
  });
});
