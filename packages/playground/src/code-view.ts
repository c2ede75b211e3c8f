// The Lua editor: a textarea over a highlighted copy of its text, and a gutter
// of line numbers where a click toggles a breakpoint. The debugger marks the
// line the script is stopped at.
import { el } from './dom.ts';
import { tokenize } from './lua-highlight.ts';

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Highlighted HTML per source line (a token spanning lines is split, its class repeated). */
function highlightedLines(src: string): string[] {
  const lines: string[] = [''];
  for (const t of tokenize(src)) {
    t.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push('');
      if (part === '') return;
      lines[lines.length - 1] += t.kind === 'text' ? escapeHtml(part) : `<span class="lua-${t.kind}">${escapeHtml(part)}</span>`;
    });
  }
  return lines;
}

export class CodeView {
  readonly root: HTMLElement;
  readonly textarea: HTMLTextAreaElement;
  private readonly gutter: HTMLElement;
  private readonly highlight: HTMLElement;
  readonly breakpoints = new Set<number>();
  private currentLine = 0;

  constructor(initial: string, private readonly onBreakpointToggle: (line: number, on: boolean) => void, onEdit: () => void) {
    this.gutter = el('div', { className: 'gutter', 'data-testid': 'gutter' });
    this.highlight = el('pre', { className: 'code-highlight' });
    this.textarea = el('textarea', { className: 'code-input', 'data-testid': 'lua-editor', spellcheck: false, wrap: 'off' });
    this.textarea.value = initial;
    this.root = el('div', { className: 'code-view' }, [this.gutter, el('div', { className: 'code-area' }, [this.highlight, this.textarea])]);
    this.textarea.addEventListener('input', () => {
      this.render();
      onEdit();
    });
    this.textarea.addEventListener('scroll', () => {
      this.highlight.scrollTop = this.textarea.scrollTop;
      this.highlight.scrollLeft = this.textarea.scrollLeft;
      this.gutter.scrollTop = this.textarea.scrollTop;
    });
    this.textarea.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab') return;
      e.preventDefault();
      this.textarea.setRangeText('  ', this.textarea.selectionStart, this.textarea.selectionEnd, 'end');
      this.render();
      onEdit();
    });
    this.gutter.addEventListener('click', (e) => {
      const line = Number((e.target as HTMLElement).dataset.line);
      if (!Number.isInteger(line) || line <= 0) return;
      const on = !this.breakpoints.has(line);
      if (on) this.breakpoints.add(line);
      else this.breakpoints.delete(line);
      this.onBreakpointToggle(line, on);
      this.render();
    });
    this.render();
  }

  get source(): string {
    return this.textarea.value;
  }

  set source(text: string) {
    this.textarea.value = text;
    this.render();
  }

  /** Mark the line the debugger stopped at (0: none); the editor is read-only while debugging. */
  setCurrentLine(line: number): void {
    this.currentLine = line;
    this.textarea.readOnly = line > 0;
    this.render();
  }

  private render(): void {
    const lines = highlightedLines(this.textarea.value);
    this.highlight.innerHTML = lines
      .map((html, i) => `<div class="code-line${i + 1 === this.currentLine ? ' current' : ''}">${html || ' '}</div>`)
      .join('');
    this.gutter.replaceChildren(
      ...lines.map((_, i) => {
        const n = i + 1;
        const classes = ['line-number', this.breakpoints.has(n) ? 'breakpoint' : '', n === this.currentLine ? 'current' : ''];
        return el('div', { className: classes.join(' ').trim(), 'data-line': n, title: 'Toggle breakpoint' }, [String(n)]);
      }),
    );
  }
}
