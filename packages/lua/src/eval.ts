// EVAL, EVALSHA, EVAL_RO, EVALSHA_RO and SCRIPT (eval.c). Handlers reach their
// server's ScriptingEngine through scriptingFor(); the engine is created on the
// first scripting command, and its Lua state on the first script.
import {
  type Client, type Handler, type RedisServer, type Reply, array, bulk, E, error, int, OK, simple,
} from '@redmoon/core';
import { installScriptCommandFlags } from './command-flags.ts';
import { ScriptingEngine, type ScriptingOptions } from './scripting.ts';
import { EVALSHA_WHILE_DEBUGGING, scriptDebug, scriptDebugMode } from './debugger/mode.ts';

const engines = new WeakMap<RedisServer, ScriptingEngine>();

/** The scripting engine of a server, created on first use. */
export function scriptingFor(server: RedisServer, opts?: ScriptingOptions): ScriptingEngine {
  let engine = engines.get(server);
  if (engine === undefined) {
    engine = new ScriptingEngine(server, opts);
    engines.set(server, engine);
    installScriptCommandFlags(server, engine);
  }
  return engine;
}

const NOSCRIPT = 'NOSCRIPT No matching script. Please use EVAL.';

/** string2ll: Redis's strict integer syntax (no spaces, no '+', no leading zeros). */
export function parseNumkeys(s: string): number | null {
  if (!/^(0|-?[1-9][0-9]{0,18})$/.test(s)) return null;
  // Up to 15 digits are exact as a double; only longer ones need the range check.
  if (s.length <= 15) return Number(s);
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return null;
  return Number(n);
}

/**
 * A command that runs a script or a function (EVAL*, FCALL*): start it, or
 * resume it when it suspended.
 */
export function scriptCommand(c: Client, start: (engine: ScriptingEngine) => Reply): Reply {
  // The script's writes are propagated one by one, never the command itself (Redis 7.0).
  c.preventPropagation = true;
  const engine = scriptingFor(c.server);
  // A suspended script's command comes again from its transport (executeSuspendable); its arguments were checked.
  const reply = engine.isSuspendedFor(c) ? engine.resume() : start(engine);
  countNestedErrors(c, reply);
  return reply;
}

/** EVAL, EVALSHA, EVAL_RO and EVALSHA_RO. */
function evalGeneric(c: Client, bySha: boolean, readOnly: boolean): Reply {
  return scriptCommand(c, (engine) => startScript(c, engine, bySha, readOnly));
}

/** evalGenericCommand: numkeys, then the script by body (EVAL) or by sha (EVALSHA). */
function startScript(c: Client, engine: ScriptingEngine, bySha: boolean, readOnly: boolean): Reply {
  const argv = c.argv;
  // A sha of the wrong length cannot match: NOSCRIPT before anything else (evalShaCommand).
  if (bySha && argv[1].length !== 40) return error(NOSCRIPT);
  if (bySha && scriptDebugMode(c) !== null) return error(EVALSHA_WHILE_DEBUGGING);
  const numkeys = parseNumkeys(argv[2]);
  if (numkeys === null) return error(E.NOT_INTEGER);
  if (numkeys > argv.length - 3) return error('ERR Number of keys can\'t be greater than number of args');
  if (numkeys < 0) return error('ERR Number of keys can\'t be negative');
  let sha: string;
  if (bySha) {
    sha = argv[1].toLowerCase();
    if (!engine.scripts.has(sha)) return error(NOSCRIPT);
  } else {
    const created = engine.createFunction(argv[1]);
    if (typeof created !== 'string') return created;
    sha = created;
  }
  return engine.run(c, sha, argv.slice(3, 3 + numkeys), argv.slice(3 + numkeys), readOnly);
}

/**
 * Errors inside a script's aggregate reply count as Redis counts every error it
 * sends (afterErrorReply): in INFO errorstats unless already counted where they
 * arose, and the script as a failed call (dispatch counts a top-level error).
 */
function countNestedErrors(c: Client, reply: Reply): void {
  if (reply.t !== 'array' && reply.t !== 'set' && reply.t !== 'map') return;
  const cmd = c.cmd!;
  let uncounted = false;
  const pending: Reply[] = [reply];
  while (pending.length !== 0) {
    const r = pending.pop()!;
    const children = r.t === 'array' || r.t === 'set' ? r.v : r.t === 'map' ? r.v.flat() : [];
    for (const child of children) {
      if (child.t !== 'error') pending.push(child);
      else if (child.counted) cmd.failedCalls++;
      else {
        c.server.countError(child.v);
        uncounted = true;
      }
    }
  }
  if (uncounted) cmd.failedCalls++;
}

const SCRIPT_HELP = [
  'SCRIPT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'DEBUG (YES|SYNC|NO)',
  '    Set the debug mode for subsequent scripts executed.',
  'EXISTS <sha1> [<sha1> ...]',
  '    Return information about the existence of the scripts in the script cache.',
  'FLUSH [ASYNC|SYNC]',
  '    Flush the Lua scripts cache. Very dangerous on replicas.',
  '    When called without the optional mode argument, the behavior is determined by the',
  '    lazyfree-lazy-user-flush configuration directive. Valid modes are:',
  '    * ASYNC: Asynchronously flush the scripts cache.',
  '    * SYNC: Synchronously flush the scripts cache.',
  'KILL',
  '    Kill the currently executing Lua script.',
  'LOAD <script>',
  '    Load a script into the scripts cache without executing it.',
  'HELP',
  '    Prints this help.',
];

function scriptLoad(c: Client): Reply {
  const created = scriptingFor(c.server).createFunction(c.argv[2]);
  return typeof created === 'string' ? bulk(created) : created;
}

function scriptExists(c: Client): Reply {
  const scripts = scriptingFor(c.server).scripts;
  // lua_scripts compares keys case-insensitively.
  return array(c.argv.slice(2).map((sha) => int(scripts.has(sha.toLowerCase()) ? 1 : 0)));
}

function scriptFlush(c: Client): Reply {
  const argv = c.argv;
  const mode = argv.length === 3 ? argv[2].toLowerCase() : null;
  if (argv.length > 3 || (mode !== null && mode !== 'sync' && mode !== 'async')) {
    return error('ERR SCRIPT FLUSH only support SYNC|ASYNC option');
  }
  // ASYNC only moves the freeing of the old state to a thread; the effect is the same.
  scriptingFor(c.server).flush();
  return OK;
}

function scriptKill(c: Client): Reply {
  const refused = scriptingFor(c.server).requestKill(true);
  return refused === null ? OK : error(refused);
}

export const scriptingCommands: Record<string, Handler> = {
  eval: (c) => evalGeneric(c, false, false),
  evalsha: (c) => evalGeneric(c, true, false),
  eval_ro: (c) => evalGeneric(c, false, true),
  evalsha_ro: (c) => evalGeneric(c, true, true),
  'script|load': scriptLoad,
  'script|exists': scriptExists,
  'script|flush': scriptFlush,
  'script|kill': scriptKill,
  'script|debug': scriptDebug,
  'script|help': () => array(SCRIPT_HELP.map(simple)),
};
