// The debugger: the editor's script under LDB (SCRIPT DEBUG YES semantics: it
// runs on a copy of the data, its writes thrown away), through the
// programmatic API of packages/lua/src/debugger. Breakpoints come from the
// editor's gutter; the panel shows the current line, locals, the stack and
// the debugger's own output (redis.call lines, redis.debug, the reply).
import { type DebugSession, type LdbTurn, debugScript } from '@redmoon/lua';
import { bytesFromText, textFromBytes } from './bytes.ts';
import type { CodeView } from './code-view.ts';
import { button, el } from './dom.ts';
import type { PlaygroundEngine } from './engine.ts';
import { formatReply } from './format.ts';

export class DebuggerPanel {
  readonly root: HTMLElement;
  private session: DebugSession | null = null;
  private readonly status: HTMLElement;
  private readonly locals: HTMLElement;
  private readonly stack: HTMLElement;
  private readonly transcript: HTMLElement;
  private readonly controls: HTMLButtonElement[];

  constructor(
    private readonly engine: PlaygroundEngine,
    private readonly code: CodeView,
    private readonly scriptArgs: () => { keys: string[]; args: string[] } | null,
  ) {
    this.status = el('div', { className: 'debug-status', 'data-testid': 'debug-status' }, ['Click line numbers to set breakpoints, then Debug.']);
    this.locals = el('table', { className: 'debug-locals', 'data-testid': 'debug-locals' });
    this.stack = el('ol', { className: 'debug-stack', 'data-testid': 'debug-stack' });
    this.transcript = el('pre', { className: 'debug-transcript', 'data-testid': 'debug-transcript' });
    this.controls = [
      button('Step', 'debug-step', () => this.turn((s) => s.step())),
      button('Continue', 'debug-continue', () => this.turn((s) => s.continue())),
      button('Abort', 'debug-abort', () => this.turn((s) => s.abort())),
    ];
    this.root = el('div', { className: 'debugger' }, [
      el('h3', {}, ['Debugger']),
      el('div', { className: 'toolbar' }, this.controls),
      this.status,
      el('div', { className: 'debug-columns' }, [
        el('div', {}, [el('h4', {}, ['Locals']), this.locals]),
        el('div', {}, [el('h4', {}, ['Stack']), this.stack]),
      ]),
      this.transcript,
    ]);
    this.render();
  }

  start(): void {
    const a = this.scriptArgs();
    if (a === null) return;
    if (this.session !== null && !this.session.ended) this.session.abort();
    this.transcript.textContent = '';
    this.session = debugScript({
      script: bytesFromText(this.code.source),
      keys: a.keys,
      args: a.args,
      server: this.engine.server,
      client: this.engine.scripts,
    });
    for (const line of this.code.breakpoints) this.session.breakpoints.add(line);
    this.show(this.session.firstTurn);
  }

  /** A gutter click: breakpoints of a running session follow the editor's. */
  toggleBreakpoint(line: number, on: boolean): void {
    const s = this.session;
    if (s === null || s.ended) return;
    if (on) s.breakpoints.add(line);
    else s.breakpoints.remove(line);
  }

  private turn(action: (s: DebugSession) => LdbTurn): void {
    if (this.session === null || this.session.ended) return;
    this.show(action(this.session));
  }

  private show(turn: LdbTurn): void {
    this.transcript.textContent += turn.lines.map((line) => `${textFromBytes(line)}\n`).join('');
    this.transcript.scrollTop = this.transcript.scrollHeight;
    this.render();
  }

  private render(): void {
    const s = this.session;
    const active = s !== null && !s.ended;
    for (const b of this.controls) b.disabled = !active;
    this.code.setCurrentLine(active ? s.line : 0);
    if (s === null) return;
    if (!active) {
      this.status.textContent = s.reply === null ? 'The script ended.' : `The script ended. Reply: ${formatReply(s.reply, 2).trimEnd()}`;
      this.locals.replaceChildren();
      this.stack.replaceChildren();
      return;
    }
    this.status.textContent = `Stopped at line ${s.line}`;
    this.locals.replaceChildren(
      ...s.locals().map((v) => el('tr', {}, [el('td', { className: 'var-name' }, [v.name]), el('td', { className: 'var-value' }, [textFromBytes(v.value)])])),
    );
    this.stack.replaceChildren(...s.stack().map((f) => el('li', {}, [`${f.name ?? '(script)'} : line ${f.line}`])));
  }
}
