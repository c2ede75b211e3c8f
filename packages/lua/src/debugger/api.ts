// The programmatic face of the Lua debugger: debugScript() starts a session
// and returns an object with step(), continue(), locals(), stack(),
// breakpoints, abort() and the raw command interface. The LDB wire protocol
// and the `redmoon debug` CLI are thin layers over the same LdbSession.
import type { Client, RedisServer, Reply } from '@redmoon/core';
import { RedisServer as Server, sdsSplitArgs } from '@redmoon/core';
import { scriptingCommands, scriptingFor } from '../eval.ts';
import { functionCommands } from '../function-commands.ts';
import { forkClient, forkServer } from './fork.ts';
import { luaValueText } from './render.ts';
import { type LdbTurn, LdbSession } from './session.ts';
import type { ScriptDebugMode } from './mode.ts';

export interface DebugScriptOptions {
  /** The Lua source, as EVAL would get it. */
  script: string;
  keys?: readonly string[];
  args?: readonly string[];
  /** The server whose data the script sees (a fresh one with scripting when omitted). */
  server?: RedisServer;
  /** The client the script runs for (its db and protocol); a new one when omitted. */
  client?: Client;
  /**
   * 'fork' (SCRIPT DEBUG YES, the default): the script runs on a copy of the
   * data and its writes are thrown away. 'sync' (SCRIPT DEBUG SYNC): it runs on
   * the data itself and its writes stay.
   */
  mode?: ScriptDebugMode;
}

export interface DebugVariable {
  name: string;
  /** The value as the debugger prints it (`print`), untrimmed. */
  value: string;
}

export interface DebugFrame {
  /** The function's name, or null for the script's body. */
  name: string | null;
  line: number;
  locals: DebugVariable[];
}

export interface DebugSession {
  /** Every line the debugger produced so far, in order (each turn's lines appended). */
  readonly transcript: readonly string[];
  /** The lines of the first stop (or of the whole run, if the script never stopped). */
  readonly firstTurn: LdbTurn;
  /** The line the script is stopped at. */
  readonly line: number;
  readonly ended: boolean;
  /** The EVAL reply once the script ended. */
  readonly reply: Reply | null;
  /** The server the script runs on (in fork mode, the copy). */
  readonly server: RedisServer;
  /** A debugger command as typed ("b 12", "p x") or as arguments; its output lines. */
  command(line: string | readonly string[]): LdbTurn;
  step(): LdbTurn;
  continue(): LdbTurn;
  /** Fail the script with "script aborted for user request". */
  abort(): LdbTurn;
  /** The current function's locals (as `print`, temporaries left out). */
  locals(): DebugVariable[];
  /** The stack, innermost frame first: the script's own frames only (as `trace`). */
  stack(): DebugFrame[];
  readonly breakpoints: {
    list(): number[];
    /** False for a line outside the script, one already set, or past 64 breakpoints. */
    add(line: number): boolean;
    remove(line: number): boolean;
    clear(): void;
  };
  /** The client went away: the script runs to its end without stopping. */
  detach(): LdbTurn;
}

/** Start debugging a script: it runs until its first line and stops there. */
export function debugScript(opts: DebugScriptOptions): DebugSession {
  const base = opts.server ?? new Server({ handlers: { ...scriptingCommands, ...functionCommands } });
  scriptingFor(base);
  const mode = opts.mode ?? 'fork';
  const server = mode === 'fork' ? forkServer(base) : base;
  const own = opts.client ?? base.createClient();
  const caller = mode === 'fork' ? forkClient(server, own) : own;
  const keys = opts.keys ?? [];
  const args = opts.args ?? [];
  const session = new LdbSession({
    server,
    caller,
    evalArgv: ['EVAL', opts.script, String(keys.length), ...keys, ...args],
    blockOthers: mode === 'sync',
  });
  const transcript: string[] = [];
  let reply: Reply | null = null;
  const record = (turn: LdbTurn): LdbTurn => {
    transcript.push(...turn.lines);
    if (turn.reply !== null) reply = turn.reply;
    return turn;
  };
  const firstTurn = record(session.start());
  const send = (argv: readonly string[]): LdbTurn => {
    if (session.ended) throw new Error('redmoon: the debugging session has ended');
    return record(session.command(argv));
  };
  const variables = (locals: readonly { name: string; slot: number }[]): DebugVariable[] =>
    locals
      .filter((v) => !v.name.includes('(*temporary)'))
      .map((v) => ({ name: v.name, value: luaValueText(session.valuesThread, v.slot) }));
  return {
    transcript,
    firstTurn,
    get line() { return session.currentLine; },
    get ended() { return session.ended; },
    get reply() { return reply; },
    server,
    command(line) {
      const argv = typeof line === 'string' ? sdsSplitArgs(line) : [...line];
      if (argv === null || argv.length === 0) throw new Error(`redmoon: not a debugger command: ${String(line)}`);
      return send(argv);
    },
    step: () => send(['step']),
    continue: () => send(['continue']),
    abort: () => send(['abort']),
    locals: () => (session.stopped ? variables(session.frames[0]?.locals ?? []) : []),
    stack: () =>
      session.stopped
        ? session.frames.filter((f) => f.inScript).map((f) => ({ name: f.name, line: f.line, locals: variables(f.locals) }))
        : [],
    breakpoints: {
      list: () => session.breakpoints.list(),
      add: (line) => session.breakpoints.add(line, session.source.length),
      remove: (line) => session.breakpoints.remove(line),
      clear: () => session.breakpoints.clear(),
    },
    detach: () => record(session.detach()),
  };
}
