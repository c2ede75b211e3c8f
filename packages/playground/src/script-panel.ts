// The Lua editor's panel: KEYS and ARGV, EVAL and FCALL (FUNCTION LOAD REPLACE
// of the editor's text first), and what a run shows: the reply, redis.log's
// lines and every redis.call with its reply. The debugger (debugger-panel.ts)
// runs the same script under LDB.
import { sdsSplitArgs } from '@redmoon/core';
import { bytesFromText, textFromBytes } from './bytes.ts';
import { CodeView } from './code-view.ts';
import { DebuggerPanel } from './debugger-panel.ts';
import { button, el } from './dom.ts';
import type { PlaygroundEngine, ScriptRun } from './engine.ts';
import { formatReply } from './format.ts';

export const DEFAULT_SCRIPT = `local current = redis.call('INCRBY', KEYS[1], ARGV[1])
redis.log(redis.LOG_NOTICE, 'counter is now ' .. current)
local doubled = current * 2
redis.call('SET', KEYS[1] .. ':double', doubled)
return {current, doubled}
`;

export interface ScriptState {
  script: string;
  keys: string;
  args: string;
}

const STATE_KEY = 'redmoon-playground:script';
const LOG_LEVELS = ['debug', 'verbose', 'notice', 'warning'];

/** The function FCALL calls: the first one the library registers. */
function registeredFunction(source: string): string {
  const m = /register_function\s*\(?\s*(?:\{[^}]*?function_name\s*=\s*)?['"]([^'"]+)['"]/.exec(source);
  return m?.[1] ?? '';
}

export class ScriptPanel {
  readonly root: HTMLElement;
  readonly code: CodeView;
  private readonly keysInput: HTMLInputElement;
  private readonly argsInput: HTMLInputElement;
  private readonly functionInput: HTMLInputElement;
  private readonly result: HTMLElement;
  private readonly debug: DebuggerPanel;

  constructor(private readonly engine: PlaygroundEngine, initial: ScriptState | null, private readonly storage: Storage | null) {
    const saved = initial ?? this.loadState();
    this.code = new CodeView(saved.script, (line, on) => this.debug.toggleBreakpoint(line, on), () => this.saveState());
    this.keysInput = el('input', { className: 'args-input', 'data-testid': 'keys-input', placeholder: 'key1 key2' });
    this.argsInput = el('input', { className: 'args-input', 'data-testid': 'args-input', placeholder: 'arg1 "arg 2"' });
    this.functionInput = el('input', { className: 'args-input short', 'data-testid': 'function-input', placeholder: 'function name' });
    this.keysInput.value = saved.keys;
    this.argsInput.value = saved.args;
    for (const input of [this.keysInput, this.argsInput]) input.addEventListener('input', () => this.saveState());
    this.result = el('div', { className: 'script-result', 'data-testid': 'script-result' });
    this.debug = new DebuggerPanel(engine, this.code, () => this.scriptArgs());
    this.root = el('section', { className: 'panel script' }, [
      el('h2', {}, ['Lua script']),
      this.code.root,
      el('div', { className: 'script-args' }, [
        el('label', {}, ['KEYS ', this.keysInput]),
        el('label', {}, ['ARGV ', this.argsInput]),
      ]),
      el('div', { className: 'toolbar' }, [
        button('EVAL', 'run-eval', () => this.runEval()),
        button('FUNCTION LOAD + FCALL', 'run-fcall', () => this.runFcall()),
        this.functionInput,
        button('Debug', 'debug-start', () => this.debug.start()),
      ]),
      this.result,
      this.debug.root,
    ]);
  }

  state(): ScriptState {
    return { script: this.code.source, keys: this.keysInput.value, args: this.argsInput.value };
  }

  load(state: ScriptState): void {
    this.code.source = state.script;
    this.keysInput.value = state.keys;
    this.argsInput.value = state.args;
    this.saveState();
  }

  /** KEYS and ARGV as typed (split as redis-cli splits a line). */
  private scriptArgs(): { keys: string[]; args: string[] } | null {
    const keys = sdsSplitArgs(bytesFromText(this.keysInput.value));
    const args = sdsSplitArgs(bytesFromText(this.argsInput.value));
    if (keys === null || args === null) {
      this.showError('Invalid argument(s) in KEYS or ARGV');
      return null;
    }
    return { keys, args };
  }

  private runEval(): void {
    const a = this.scriptArgs();
    if (a === null) return;
    const run = this.engine.runScript(['EVAL', bytesFromText(this.code.source), String(a.keys.length), ...a.keys, ...a.args]);
    this.showRun(run);
  }

  private runFcall(): void {
    const a = this.scriptArgs();
    if (a === null) return;
    const loaded = this.engine.execute(this.engine.scripts, ['FUNCTION', 'LOAD', 'REPLACE', bytesFromText(this.code.source)]);
    if (loaded.t === 'error') {
      this.showRun({ reply: loaded, log: [], calls: [] });
      return;
    }
    if (this.functionInput.value.trim() === '') this.functionInput.value = registeredFunction(this.code.source);
    const name = bytesFromText(this.functionInput.value.trim());
    this.showRun(this.engine.runScript(['FCALL', name, String(a.keys.length), ...a.keys, ...a.args]));
  }

  private showError(message: string): void {
    this.result.replaceChildren(el('pre', { className: 'out-error' }, [message]));
  }

  private showRun(run: ScriptRun): void {
    const protocol = this.engine.scripts.resp === 3 ? 3 : 2;
    const calls = run.calls.map((call) =>
      el('li', { className: 'call' }, [
        el('code', {}, [call.argv.map((arg) => textFromBytes(arg)).join(' ')]),
        el('pre', { className: call.reply.t === 'error' ? 'out-error' : 'out-reply' }, [formatReply(call.reply, protocol)]),
      ]),
    );
    const log = run.log.map((entry) => el('li', {}, [`[${LOG_LEVELS[entry.level] ?? entry.level}] ${textFromBytes(entry.message)}`]));
    this.result.replaceChildren(
      el('h3', {}, ['Reply']),
      el('pre', { className: run.reply.t === 'error' ? 'out-error' : 'out-reply', 'data-testid': 'script-reply' }, [formatReply(run.reply, protocol)]),
      el('h3', {}, [`redis.call (${run.calls.length})`]),
      el('ol', { className: 'calls', 'data-testid': 'script-calls' }, calls),
      el('h3', {}, [`redis.log (${run.log.length})`]),
      el('ul', { className: 'log', 'data-testid': 'script-log' }, log),
    );
  }

  private saveState(): void {
    this.storage?.setItem(STATE_KEY, JSON.stringify(this.state()));
  }

  private loadState(): ScriptState {
    try {
      const saved = JSON.parse(this.storage?.getItem(STATE_KEY) ?? 'null') as Partial<ScriptState> | null;
      if (saved !== null && typeof saved.script === 'string') {
        return { script: saved.script, keys: String(saved.keys ?? ''), args: String(saved.args ?? '') };
      }
    } catch {
      // A corrupt saved state: start from the example.
    }
    return { script: DEFAULT_SCRIPT, keys: 'counter', args: '5' };
  }
}
