// FUNCTION LOAD|DELETE|FLUSH|KILL|LIST|STATS|DUMP|RESTORE|HELP, FCALL and
// FCALL_RO (functions.c). A server's FunctionsEngine is reached through
// functionsFor(); FCALL runs through the same runner, conversions, error
// decorations, timeouts and KILL as EVAL (scriptCommand).
import {
  type Client, type Handler, type RedisServer, type Reply, array, bulk, E, error, globMatch, int, map, NULL, OK, set, simple,
} from '@redmoon/core';
import { parseNumkeys, scriptCommand, scriptingFor } from './eval.ts';
import { dumpFunctions, parseFunctionsPayload } from './function-dump.ts';
import { ENGINE_NAME, FunctionsEngine, type LibraryInfo } from './functions.ts';
import { BUSY_ERROR } from './scripting.ts';
import { FLAG_NAMES, type ScriptFlags } from './shebang.ts';

const registries = new WeakMap<RedisServer, FunctionsEngine>();

/** The function libraries of a server, created on first use. */
export function functionsFor(server: RedisServer): FunctionsEngine {
  let engine = registries.get(server);
  if (engine === undefined) {
    engine = new FunctionsEngine(scriptingFor(server));
    engine.reportToInfo();
    registries.set(server, engine);
  }
  return engine;
}

const fail = (err: string): Reply => error(`ERR ${err}`);

/** fcallCommandGeneric: the function first, then numkeys, then the run (scriptPrepareForRun + luaEngineCall). */
function fcallGeneric(c: Client, readOnly: boolean): Reply {
  return scriptCommand(c, () => {
    const argv = c.argv;
    const fn = functionsFor(c.server).lookup(argv[1]);
    if (fn === undefined) return fail('Function not found');
    const numkeys = parseNumkeys(argv[2]);
    if (numkeys === null) return fail('Bad number of keys provided');
    if (numkeys > argv.length - 3) return fail('Number of keys can\'t be greater than number of args');
    if (numkeys < 0) return fail('Number of keys can\'t be negative');
    return functionsFor(c.server).call(c, fn, argv.slice(3, 3 + numkeys), argv.slice(3 + numkeys), readOnly);
  });
}

/** FUNCTION LOAD [REPLACE] code: every argument before the last must be REPLACE. */
function functionLoad(c: Client): Reply {
  const argv = c.argv;
  let replace = false;
  for (let i = 2; i < argv.length - 1; i++) {
    if (argv[i].toLowerCase() !== 'replace') return fail(`Unknown option given: ${argv[i]}`);
    replace = true;
  }
  const loaded = functionsFor(c.server).load(argv[argv.length - 1], replace);
  if (typeof loaded !== 'string') return fail(loaded.err);
  c.server.dirty++;
  return bulk(loaded);
}

function functionDelete(c: Client): Reply {
  if (!functionsFor(c.server).delete(c.argv[2])) return fail('Library not found');
  c.server.dirty++;
  return OK;
}

function functionFlush(c: Client): Reply {
  const argv = c.argv;
  if (argv.length > 3) return error(E.SUBCOMMAND_SYNTAX(argv[1], argv[0].toUpperCase()));
  const mode = argv.length === 3 ? argv[2].toLowerCase() : null;
  if (mode !== null && mode !== 'sync' && mode !== 'async') return fail('FUNCTION FLUSH only supports SYNC|ASYNC option');
  // ASYNC only frees the old state in a thread; the effect is the same.
  functionsFor(c.server).flush();
  c.server.dirty++;
  return OK;
}

function functionKill(c: Client): Reply {
  const refused = scriptingFor(c.server).requestKill(false);
  return refused === null ? OK : error(refused);
}

/** A function's flags as FUNCTION LIST shows them: a set of status replies, in scripts_flags_def order. */
function flagsReply(flags: ScriptFlags): Reply {
  return set(Object.entries(FLAG_NAMES).filter(([, key]) => flags[key]).map(([name]) => simple(name)));
}

function libraryReply(lib: LibraryInfo, withCode: boolean): Reply {
  const functions = [...lib.functions.values()].map((f) => map([
    [bulk('name'), bulk(f.name)],
    [bulk('description'), f.description === null ? NULL : bulk(f.description)],
    [bulk('flags'), flagsReply(f.flags)],
  ]));
  const fields: [Reply, Reply][] = [
    [bulk('library_name'), bulk(lib.name)],
    [bulk('engine'), bulk(ENGINE_NAME)],
    [bulk('functions'), array(functions)],
  ];
  if (withCode) fields.push([bulk('library_code'), bulk(lib.code)]);
  return map(fields);
}

/** FUNCTION LIST [LIBRARYNAME pattern] [WITHCODE], each option at most once. */
function functionList(c: Client): Reply {
  const argv = c.argv;
  let withCode = false;
  let pattern: string | null = null;
  for (let i = 2; i < argv.length; i++) {
    const opt = argv[i].toLowerCase();
    if (!withCode && opt === 'withcode') {
      withCode = true;
    } else if (pattern === null && opt === 'libraryname') {
      if (i >= argv.length - 1) return fail('library name argument was not given');
      pattern = argv[++i];
    } else {
      return fail(`Unknown argument ${argv[i]}`);
    }
  }
  const libs = [...functionsFor(c.server).libraries.values()]
    .filter((lib) => pattern === null || globMatch(pattern, lib.name, true));
  return array(libs.map((lib) => libraryReply(lib, withCode)));
}

/** FUNCTION STATS: the running function (refused while an EVAL script runs) and the engine's counts. */
function functionStats(c: Client): Reply {
  const running = scriptingFor(c.server).running;
  if (running !== null && running.isEval) return error(BUSY_ERROR);
  const registry = functionsFor(c.server);
  const script = running === null ? NULL : map([
    [bulk('name'), bulk(running.funcname)],
    [bulk('command'), array(running.command.map(bulk))],
    [bulk('duration_ms'), int(c.server.clock.now() - running.startTime)],
  ]);
  return map([
    [bulk('running_script'), script],
    [bulk('engines'), map([[bulk(ENGINE_NAME), map([
      [bulk('libraries_count'), int(registry.libraries.size)],
      [bulk('functions_count'), int(registry.functions.size)],
    ])]])],
  ]);
}

function functionDump(c: Client): Reply {
  const compress = (c.server.config.extra.get('rdbcompression') ?? 'yes') === 'yes';
  return bulk(dumpFunctions([...functionsFor(c.server).libraries.values()].map((lib) => lib.code), compress));
}

/** FUNCTION RESTORE payload [FLUSH|APPEND|REPLACE] (APPEND by default). */
function functionRestore(c: Client): Reply {
  const argv = c.argv;
  if (argv.length > 4) return error(E.SUBCOMMAND_SYNTAX(argv[1], argv[0].toUpperCase()));
  let policy: 'flush' | 'append' | 'replace' = 'append';
  if (argv.length === 4) {
    const p = argv[3].toLowerCase();
    if (p !== 'flush' && p !== 'append' && p !== 'replace') {
      return fail('Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.');
    }
    policy = p;
  }
  const libraries = parseFunctionsPayload(argv[2]);
  if ('err' in libraries) return fail(libraries.err);
  const err = functionsFor(c.server).restore(libraries, policy);
  if (err !== null) return fail(err);
  c.server.dirty++;
  return OK;
}

const FUNCTION_HELP = [
  'FUNCTION <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'LOAD [REPLACE] <FUNCTION CODE>',
  '    Create a new library with the given library name and code.',
  'DELETE <LIBRARY NAME>',
  '    Delete the given library.',
  'LIST [LIBRARYNAME PATTERN] [WITHCODE]',
  '    Return general information on all the libraries:',
  '    * Library name',
  '    * The engine used to run the Library',
  '    * Library description',
  '    * Functions list',
  '    * Library code (if WITHCODE is given)',
  '    It also possible to get only function that matches a pattern using LIBRARYNAME argument.',
  'STATS',
  '    Return information about the current function running:',
  '    * Function name',
  '    * Command used to run the function',
  '    * Duration in MS that the function is running',
  '    If no function is running, return nil',
  '    In addition, returns a list of available engines.',
  'KILL',
  '    Kill the current running function.',
  'FLUSH [ASYNC|SYNC]',
  '    Delete all the libraries.',
  '    When called without the optional mode argument, the behavior is determined by the',
  '    lazyfree-lazy-user-flush configuration directive. Valid modes are:',
  '    * ASYNC: Asynchronously flush the libraries.',
  '    * SYNC: Synchronously flush the libraries.',
  'DUMP',
  '    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command',
  'RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]',
  '    Restore the libraries represented by the given payload, it is possible to give a restore policy to',
  '    control how to handle existing libraries (default APPEND):',
  '    * FLUSH: delete all existing libraries.',
  '    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.',
  '    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old',
  '      libraries with the new libraries (notice that even on this option there is a chance of failure',
  '      in case of functions name collision with another library).',
  'HELP',
  '    Prints this help.',
];

export const functionCommands: Record<string, Handler> = {
  fcall: (c) => fcallGeneric(c, false),
  fcall_ro: (c) => fcallGeneric(c, true),
  'function|load': functionLoad,
  'function|delete': functionDelete,
  'function|flush': functionFlush,
  'function|kill': functionKill,
  'function|list': functionList,
  'function|stats': functionStats,
  'function|dump': functionDump,
  'function|restore': functionRestore,
  'function|help': () => array(FUNCTION_HELP.map(simple)),
};
