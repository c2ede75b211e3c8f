// getCommandFlags for scripts (eval.c evalGetCommandFlags, function.c
// fcallGetCommandFlags): a script that declares flags, with a shebang or as a
// function, replaces its command's WRITE/DENYOOM/STALE with what they imply.
// Dispatch asks for them when memory is over maxmemory, to refuse a script
// that may write with the OOM error before it runs.
import { type CommandEntry, F, type RedisServer } from '@redmoon/core';
import { functionsFor } from './function-commands.ts';
import type { ScriptingEngine } from './scripting.ts';
import { parseShebang, type ScriptFlags } from './shebang.ts';

/** scriptFlagsToCmdFlags. */
function declaredFlags(cmdFlags: number, flags: ScriptFlags): number {
  let out = cmdFlags & ~(F.STALE | F.DENYOOM | F.WRITE);
  // no-writes implies allow-oom.
  if (!flags.allowOom && !flags.noWrites) out |= F.DENYOOM;
  if (!flags.noWrites) out |= F.WRITE;
  if (flags.allowStale) out |= F.STALE;
  return out;
}

/** The flags argv runs with, or null when they are its command's own (no script, or one without a shebang). */
function scriptCommandFlags(server: RedisServer, engine: ScriptingEngine, cmd: CommandEntry, argv: readonly string[]): number | null {
  switch (cmd.fullname) {
    case 'eval':
    case 'eval_ro': {
      const shebang = parseShebang(argv[1]);
      return typeof shebang === 'string' || !shebang.flags.shebang ? null : declaredFlags(cmd.flags, shebang.flags);
    }
    case 'evalsha':
    case 'evalsha_ro': {
      const script = argv[1].length === 40 ? engine.scripts.get(argv[1].toLowerCase()) : undefined;
      return script === undefined || !script.flags.shebang ? null : declaredFlags(cmd.flags, script.flags);
    }
    case 'fcall':
    case 'fcall_ro': {
      const fn = functionsFor(server).lookup(argv[1]);
      return fn === undefined ? null : declaredFlags(cmd.flags, fn.flags);
    }
    default:
      return null;
  }
}

/** Let the server's dispatch see the flags scripts declare. */
export function installScriptCommandFlags(server: RedisServer, engine: ScriptingEngine): void {
  server.scriptCommandFlags = (cmd, argv) => scriptCommandFlags(server, engine, cmd, argv);
}
