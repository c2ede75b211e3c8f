// `redmoon debug`: the Lua debugger offline, with the commands and output of
// `redis-cli --ldb` (LDB), on an in-process server.
//
//   redmoon debug [--data in.json] [--sync] [--commands file] [--dump] script.lua [key ...] [, arg ...]
//
// Keys and arguments as `redis-cli --eval` takes them. --data loads a snapshot
// (the format of snapshot.ts) first. The session runs on a copy of the data
// (SCRIPT DEBUG YES) unless --sync, which runs it on the data itself. With a
// terminal the prompt is `lua debugger> ` with line history; --commands reads
// the commands from a file instead (one per line, echoed after the prompt) for
// CI. --dump prints, after the session, the keys the script changed as a
// snapshot (and the names of the keys it deleted).
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { sdsSplitArgs } from '@redmoon/core';
import { type DebugSession, debugScript, type LdbTurn } from '@redmoon/lua';
import { formatCliReply } from './cli-format.ts';
import { createRedis } from './redis.ts';
import { type Snapshot, type SnapshotKey, loadSnapshot, takeSnapshot } from './snapshot.ts';

const USAGE = 'usage: redmoon debug [--data in.json] [--sync] [--commands file] [--dump] script.lua [key ...] [, arg ...]\n';
const PROMPT = 'lua debugger> ';
/** redis-cli's banner when a session starts. */
const BANNER = [
  'Lua debugging session started, please use:',
  'quit    -- End the session.',
  'restart -- Restart the script in debug mode again.',
  'help    -- Show Lua script debugging commands.',
  '',
];

interface DebugOptions {
  data?: string;
  sync: boolean;
  commands?: string;
  dump: boolean;
  file: string;
  keys: string[];
  args: string[];
}

/** Where the debugger writes and reads; tests pass their own. */
export interface DebugIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Lines typed at the prompt (null: use a readline prompt on stdin). */
  lines?: AsyncIterable<string> | null;
}

const processIo: DebugIo = {
  stdout: (text) => process.stdout.write(Buffer.from(text, 'latin1')),
  stderr: (text) => process.stderr.write(text),
};

function parseOptions(argv: string[]): DebugOptions | string {
  const opts: Partial<DebugOptions> = { sync: false, dump: false };
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('--'); i++) {
    const opt = argv[i];
    if (opt === '--sync') opts.sync = true;
    else if (opt === '--dump') opts.dump = true;
    else if (opt === '--data' && i + 1 < argv.length) opts.data = argv[++i];
    else if (opt === '--commands' && i + 1 < argv.length) opts.commands = argv[++i];
    else return `redmoon debug: unknown option ${opt}\n${USAGE}`;
  }
  if (argv[i] === undefined) return USAGE;
  opts.file = argv[i];
  // redis-cli --eval: the words before "," are keys, those after are arguments.
  opts.keys = [];
  opts.args = [];
  let afterComma = false;
  for (const w of argv.slice(i + 1)) {
    if (w === ',') afterComma = true;
    else (afterComma ? opts.args : opts.keys).push(Buffer.from(w, 'utf8').toString('latin1'));
  }
  return opts as DebugOptions;
}

/** The typed lines: a file's, or a readline prompt's (with history). */
async function* promptLines(): AsyncIterable<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: PROMPT, historySize: 100 });
  try {
    rl.prompt();
    for await (const line of rl) {
      yield line;
      rl.prompt();
    }
  } finally {
    rl.close();
  }
}

/** The keys whose value differs between two snapshots, and those that went away. */
function changedKeys(before: Snapshot, after: Snapshot): { changed: Snapshot; deleted: Record<string, SnapshotKey['key'][]> } {
  const changed: Snapshot = { redmoon: 1, dbs: {} };
  const deleted: Record<string, SnapshotKey['key'][]> = {};
  const dbs = new Set([...Object.keys(before.dbs), ...Object.keys(after.dbs)]);
  for (const db of dbs) {
    const old = new Map((before.dbs[db] ?? []).map((k) => [JSON.stringify(k.key), JSON.stringify(k)]));
    const now = after.dbs[db] ?? [];
    const diff = now.filter((k) => old.get(JSON.stringify(k.key)) !== JSON.stringify(k));
    if (diff.length > 0) changed.dbs[db] = diff;
    const kept = new Set(now.map((k) => JSON.stringify(k.key)));
    const gone = (before.dbs[db] ?? []).filter((k) => !kept.has(JSON.stringify(k.key))).map((k) => k.key);
    if (gone.length > 0) deleted[db] = gone;
  }
  return { changed, deleted };
}

/** Run `redmoon debug`; resolves to the exit code. */
export async function runDebugCli(argv: string[], io: DebugIo = processIo): Promise<number> {
  const opts = parseOptions(argv);
  if (typeof opts === 'string') {
    io.stderr(opts);
    return 1;
  }
  let script: string;
  let commands: string[] | null = null;
  try {
    script = readFileSync(opts.file).toString('latin1');
    if (opts.commands !== undefined) commands = readFileSync(opts.commands, 'utf8').split('\n').filter((l) => l.trim() !== '');
  } catch (e) {
    io.stderr(`redmoon debug: ${(e as Error).message}\n`);
    return 1;
  }
  const redis = createRedis();
  try {
    if (opts.data !== undefined) loadSnapshot(redis.server, JSON.parse(readFileSync(opts.data, 'utf8')) as Snapshot);
    const before = opts.dump ? takeSnapshot(redis.server) : null;
    const start = (): DebugSession => {
      io.stdout(`${BANNER.join('\n')}\n`);
      const s = debugScript({ script, keys: opts.keys, args: opts.args, server: redis.server, mode: opts.sync ? 'sync' : 'fork' });
      printTurn(io, s.firstTurn, opts.sync);
      return s;
    };
    let session = start();
    const lines: AsyncIterable<string> = commands !== null ? fromArray(commands) : (io.lines ?? promptLines());
    for await (const line of lines) {
      // A file's commands are shown as if typed at the prompt.
      if (commands !== null) io.stdout(`${PROMPT}${line}\n`);
      const argv = sdsSplitArgs(line);
      if (argv === null) {
        io.stdout('Invalid argument(s)\n');
        continue;
      }
      if (argv.length === 0) continue;
      const name = argv[0].toLowerCase();
      if (name === 'quit' || name === 'exit') {
        // redis-cli closes the connection: the script runs on to its end, unattended.
        printTurn(io, session.detach(), opts.sync);
        break;
      }
      if (name === 'restart') {
        session.detach();
        io.stdout('\n');
        session = start();
        continue;
      }
      printTurn(io, session.command(argv), opts.sync);
      // Leaving the loop here, before the prompt is shown again.
      if (session.ended) break;
    }
    if (!session.ended) printTurn(io, session.detach(), opts.sync);
    if (before !== null) {
      const after = takeSnapshot(session.server);
      io.stdout(`${JSON.stringify(changedKeys(before, after), null, 2)}\n`);
    }
    return 0;
  } finally {
    await redis.close();
  }
}

async function* fromArray(lines: string[]): AsyncIterable<string> {
  yield* lines;
}

/** A turn as redis-cli --ldb prints it: each line, then at the end the reply and how the session ended. */
function printTurn(io: DebugIo, turn: LdbTurn, sync: boolean): void {
  for (const line of turn.lines) io.stdout(line === '<endsession>' ? '\n' : `${line}\n`);
  if (turn.reply === null) return;
  io.stdout(formatCliReply(turn.reply, 'tty'));
  io.stdout(`\n(Lua debugging session ended${sync ? '' : ' -- dataset changes rolled back'})\n\n`);
}
