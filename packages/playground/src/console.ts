// The console, like redis-cli: a prompt, history (Up/Down), Tab completion of
// command names, the command's syntax shown as you type, replies printed as
// redis-cli prints them, and multi-line paste (each line one command).
import { sdsSplitArgs } from '@redmoon/core';
import { bytesFromText } from './bytes.ts';
import { type CommandHelp, completions, helpFor } from './command-help.ts';
import type { PlaygroundEngine } from './engine.ts';
import { formatReply } from './format.ts';
import { el } from './dom.ts';

const HISTORY_KEY = 'redmoon-playground:history';
const HISTORY_MAX = 200;

export class ConsoleView {
  readonly root: HTMLElement;
  private readonly output: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly prompt: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly history: string[];
  /** Where Up/Down is in the history (history.length: the line being typed). */
  private historyIndex: number;
  /** Tab cycling: the candidates for the line as it was before the first Tab. */
  private tabState: { base: string; candidates: string[]; next: number } | null = null;

  constructor(private readonly engine: PlaygroundEngine, private readonly helps: readonly CommandHelp[], private readonly storage: Storage | null) {
    this.output = el('pre', { className: 'console-output', 'data-testid': 'console-output' });
    this.prompt = el('span', { className: 'prompt' });
    this.input = el('input', { className: 'console-input', 'data-testid': 'console-input', spellcheck: false, autocomplete: 'off' });
    this.hint = el('div', { className: 'console-hint', 'data-testid': 'console-hint' });
    this.root = el('section', { className: 'panel console' }, [
      el('h2', {}, ['Console']),
      this.output,
      el('div', { className: 'console-line' }, [this.prompt, this.input]),
      this.hint,
    ]);
    this.history = this.loadHistory();
    this.historyIndex = this.history.length;
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('input', () => {
      this.tabState = null;
      this.showHint();
    });
    this.input.addEventListener('paste', (e) => {
      const text = e.clipboardData?.getData('text') ?? '';
      if (!text.includes('\n')) return;
      e.preventDefault();
      const lines = (this.input.value + text).split(/\r?\n/);
      this.input.value = '';
      for (const line of lines) if (line.trim() !== '') this.run(line);
    });
    this.output.addEventListener('click', () => this.input.focus());
    this.updatePrompt();
  }

  focus(): void {
    this.input.focus();
  }

  /** Run one typed line, as redis-cli would (also used by multi-line paste). */
  run(line: string): void {
    this.print(`${this.prompt.textContent}${line}\n`, 'echo');
    this.remember(line);
    const argv = sdsSplitArgs(bytesFromText(line));
    if (argv === null) {
      this.print('Invalid argument(s)\n', 'error');
    } else if (argv.length === 1 && argv[0].toLowerCase() === 'clear') {
      this.output.textContent = '';
    } else if (argv.length > 0) {
      const reply = this.engine.execute(this.engine.console, argv);
      this.print(formatReply(reply, this.engine.console.resp === 3 ? 3 : 2), reply.t === 'error' ? 'error' : 'reply');
    }
    this.updatePrompt();
  }

  private print(text: string, kind: 'echo' | 'reply' | 'error'): void {
    this.output.append(el('span', { className: `out-${kind}` }, [text]));
    this.output.scrollTop = this.output.scrollHeight;
  }

  private updatePrompt(): void {
    const db = this.engine.console.db.id;
    this.prompt.textContent = db === 0 ? 'redmoon> ' : `redmoon[${db}]> `;
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      const line = this.input.value;
      this.input.value = '';
      this.tabState = null;
      if (line.trim() !== '') this.run(line);
      this.showHint();
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      this.browseHistory(e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      this.complete();
    }
  }

  private browseHistory(step: -1 | 1): void {
    const next = Math.min(this.history.length, Math.max(0, this.historyIndex + step));
    if (next === this.historyIndex) return;
    this.historyIndex = next;
    this.input.value = this.history[next] ?? '';
    this.showHint();
  }

  /** Tab completes the command name; further Tabs cycle through the candidates (linenoise does so). */
  private complete(): void {
    if (this.tabState === null) {
      const base = this.input.value;
      const candidates = completions(this.helps, base);
      if (candidates.length === 0) return;
      this.tabState = { base, candidates, next: 0 };
    }
    const state = this.tabState;
    this.input.value = `${state.candidates[state.next]} `;
    state.next = (state.next + 1) % state.candidates.length;
    this.showHint();
  }

  private showHint(): void {
    const words = this.input.value.trim().split(/\s+/).filter((w) => w !== '');
    const help = helpFor(this.helps, words);
    this.hint.textContent = help === null ? '' : `${help.name} ${help.syntax}${help.summary === '' ? '' : `  — ${help.summary}`}`;
  }

  private remember(line: string): void {
    if (this.history[this.history.length - 1] !== line) this.history.push(line);
    if (this.history.length > HISTORY_MAX) this.history.splice(0, this.history.length - HISTORY_MAX);
    this.historyIndex = this.history.length;
    this.storage?.setItem(HISTORY_KEY, JSON.stringify(this.history));
  }

  private loadHistory(): string[] {
    try {
      const saved: unknown = JSON.parse(this.storage?.getItem(HISTORY_KEY) ?? '[]');
      return Array.isArray(saved) ? saved.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  }
}
