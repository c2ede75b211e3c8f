// The Lua debugger's commands (eval.c ldbRepl and the ldb* functions it calls):
// step, continue, list, whole, print, break, trace, eval, redis, maxlen, abort
// and help, with Redis's messages.
import { lauxlib, lua, type LuaState } from 'fengari';
import { fromLuaBytes, toLuaBytes } from '../bytes.ts';
import { luaValueText } from './render.ts';
import type { LdbSession } from './session.ts';

/** What the session does after a command: wait for the next one, run the script on, or fail it. */
export type AfterCommand = 'stay' | 'resume' | 'abort';

const HELP = [
  'Redis Lua debugger help:',
  '[h]elp               Show this help.',
  '[s]tep               Run current line and stop again.',
  '[n]ext               Alias for step.',
  '[c]ontinue           Run till next breakpoint.',
  '[l]ist               List source code around current line.',
  '[l]ist [line]        List source code around [line].',
  '                     line = 0 means: current position.',
  '[l]ist [line] [ctx]  In this form [ctx] specifies how many lines',
  '                     to show before/after [line].',
  "[w]hole              List all source code. Alias for 'list 1 1000000'.",
  '[p]rint              Show all the local variables.',
  '[p]rint <var>        Show the value of the specified variable.',
  '                     Can also show global vars KEYS and ARGV.',
  '[b]reak              Show all breakpoints.',
  '[b]reak <line>       Add a breakpoint to the specified line.',
  '[b]reak -<line>      Remove breakpoint from the specified line.',
  '[b]reak 0            Remove all breakpoints.',
  '[t]race              Show a backtrace.',
  '[e]val <code>        Execute some Lua code (in a different callframe).',
  '[r]edis <cmd>        Execute a Redis command.',
  '[m]axlen [len]       Trim logged Redis replies and Lua var dumps to len.',
  '                     Specifying zero as <len> means unlimited.',
  '[a]bort              Stop the execution of the script. In sync',
  '                     mode dataset changes will be retained.',
  '',
  'Debugger functions you can call from Lua scripts:',
  'redis.debug()        Produce logs in the debugger console.',
  'redis.breakpoint()   Stop execution like if there was a breakpoint in the',
  '                     next line of code.',
];

/** strcasecmp against a lowercase name. */
const is = (s: string, ...names: string[]): boolean => names.includes(s.toLowerCase());

/** C's atoi (strtol cast to int): leading blanks, a sign, digits; anything else ends it. */
export function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]*)/.exec(s)!;
  if (m[2] === '') return 0;
  let n = BigInt(m[2]);
  if (m[1] === '-') n = -n;
  const LONG_MAX = 9223372036854775807n;
  if (n > LONG_MAX) n = LONG_MAX;
  if (n < -LONG_MAX - 1n) n = -LONG_MAX - 1n;
  return Number(BigInt.asIntN(32, n));
}

/** string2l: Redis's strict integer syntax, or null. */
function string2l(s: string): number | null {
  if (!/^(0|-?[1-9][0-9]{0,18})$/.test(s)) return null;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return null;
  return Number(n);
}

/** Run one command against the stopped session; its output goes to the session's log. */
export function runDebuggerCommand(s: LdbSession, argv: readonly string[]): AfterCommand {
  const name = argv[0] ?? '';
  const argc = argv.length;
  if (is(name, 'h', 'help')) {
    for (const line of HELP) s.log(line);
  } else if (is(name, 's', 'step', 'n', 'next')) {
    s.step = true;
    return 'resume';
  } else if (is(name, 'c', 'continue')) {
    return 'resume';
  } else if (is(name, 't', 'trace')) {
    trace(s);
  } else if (is(name, 'm', 'maxlen')) {
    maxlen(s, argv);
  } else if (is(name, 'b', 'break')) {
    breakCommand(s, argv);
  } else if (is(name, 'e', 'eval')) {
    evalCode(s, argv.slice(1).join(' '));
  } else if (is(name, 'a', 'abort')) {
    return 'abort';
  } else if (argc > 1 && is(name, 'r', 'redis')) {
    redisCommand(s, argv.slice(1));
  } else if (is(name, 'p', 'print')) {
    if (argc === 2) printVariable(s, argv[1]);
    else printLocals(s);
  } else if (is(name, 'l', 'list')) {
    let around = s.currentLine;
    let context = 5;
    if (argc > 1) {
      const num = atoi(argv[1]);
      if (num > 0) around = num;
    }
    if (argc > 2) context = atoi(argv[2]);
    list(s, around, context);
  } else if (is(name, 'w', 'whole')) {
    list(s, 1, 1000000);
  } else {
    s.log('<error> Unknown Redis Lua debugger command or wrong number of arguments.');
  }
  return 'stay';
}

/** ldbList: the whole source when around is 0, else the lines within context of it. */
export function list(s: LdbSession, around: number, context: number): void {
  for (let j = 1; j <= s.source.length; j++) {
    if (around !== 0 && Math.abs(around - j) > context) continue;
    s.logSourceLine(j);
  }
}

function breakCommand(s: LdbSession, argv: readonly string[]): void {
  const bps = s.breakpoints;
  if (argv.length === 1) {
    if (bps.count === 0) {
      s.log("No breakpoints set. Use 'b <line>' to add one.");
      return;
    }
    s.log(`${bps.count} breakpoints set:`);
    for (const line of bps.list()) s.logSourceLine(line);
    return;
  }
  for (const arg of argv.slice(1)) {
    const line = string2l(arg);
    if (line === null) s.log(`Invalid argument:'${arg}'`);
    else if (line === 0) {
      bps.clear();
      s.log('All breakpoints removed.');
    } else if (line > 0) {
      if (bps.count === 64) s.log('Too many breakpoints set.');
      else if (bps.add(line, s.source.length)) list(s, line, 1);
      else s.log('Wrong line number.');
    } else {
      s.log(bps.remove(-line) ? 'Breakpoint removed.' : 'No breakpoint in the specified line.');
    }
  }
}

function maxlen(s: LdbSession, argv: readonly string[]): void {
  if (argv.length === 2) {
    let n = atoi(argv[1]);
    s.maxlenHintSent = true;
    if (n !== 0 && n <= 60) n = 60;
    s.maxlen = n;
  }
  s.log(s.maxlen !== 0 ? `<value> replies are truncated at ${s.maxlen} bytes.` : '<value> replies are unlimited.');
}

/** ldbTrace: the script's frames, innermost first. */
function trace(s: LdbSession): void {
  s.frames.forEach((frame, level) => {
    if (!frame.inScript) return;
    s.log(`${level === 0 ? 'In' : 'From'} ${frame.name ?? 'top level'}:`);
    s.logSourceLine(frame.line);
  });
  if (s.frames.length === 0) s.log("<error> Can't retrieve Lua stack.");
}

/** ldbPrintAll: the locals of the current function, temporaries left out. */
function printLocals(s: LdbSession): void {
  const H = s.valuesThread;
  let vars = 0;
  for (const v of s.frames[0]?.locals ?? []) {
    if (v.name.includes('(*temporary)')) continue;
    s.logTrimmed(`<value> ${v.name} = ${luaValueText(H, v.slot)}`);
    vars++;
  }
  if (vars === 0) s.log('No local variables in the current context.');
}

/** ldbPrint: the first local of that name from the innermost frame out, else the globals KEYS and ARGV. */
function printVariable(s: LdbSession, name: string): void {
  const H = s.valuesThread;
  for (const frame of s.frames) {
    const v = frame.locals.find((l) => l.name === name);
    if (v !== undefined) {
      s.logTrimmed(`<value> ${luaValueText(H, v.slot)}`);
      return;
    }
  }
  if (name === 'ARGV' || name === 'KEYS') {
    lua.lua_getglobal(H, name);
    s.logTrimmed(`<value> ${luaValueText(H, -1)}`);
    lua.lua_pop(H, 1);
  } else {
    s.log('No such variable.');
  }
}

/** The message of an error value, as lua_tostring gives it (an error table by its `err`). */
function errorText(L: LuaState): string {
  if (lua.lua_istable(L, -1)) {
    lua.lua_getfield(L, -1, 'err');
    const err = lua.lua_isstring(L, -1) ? fromLuaBytes(lua.lua_tolstring(L, -1)!) : null;
    lua.lua_pop(L, 1);
    // Redis 7.0.15 crashes printing a table (lua_tostring is NULL); its err is what it means to say.
    if (err !== null) return err;
  }
  return fromLuaBytes(lauxlib.luaL_tolstring(L, -1));
}

function load(L: LuaState, code: string): boolean {
  const bytes = toLuaBytes(code);
  return lauxlib.luaL_loadbufferx(L, bytes, bytes.length, '@ldb_eval', 't') === lua.LUA_OK;
}

/**
 * ldbEval: the code as an expression ("return " prepended), else as statements,
 * run in a frame of its own: it sees the globals, not the script's locals.
 */
function evalCode(s: LdbSession, code: string): void {
  const H = s.valuesThread;
  const top = lua.lua_gettop(H);
  if (!load(H, `return ${code}`)) {
    lua.lua_pop(H, 1);
    if (!load(H, code)) {
      s.log(`<error> ${errorText(H)}`);
      lua.lua_settop(H, top);
      return;
    }
  }
  if (lua.lua_pcall(H, 0, 1, 0) !== lua.LUA_OK) s.log(`<error> ${errorText(H)}`);
  else s.logTrimmed(`<retval> ${luaValueText(H, -1)}`);
  lua.lua_settop(H, top);
}

/** ldbRedis: the command through redis.call's path, logged as when stepping. */
function redisCommand(s: LdbSession, argv: readonly string[]): void {
  const engine = s.scripting;
  const ctx = engine.running;
  if (ctx === null) return;
  s.step = true;
  try {
    engine.call(ctx, [...argv]);
  } finally {
    s.step = false;
  }
}
