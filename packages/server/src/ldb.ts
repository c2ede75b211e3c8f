// The LDB wire protocol (eval.c ldbStartSession/ldbRepl/ldbSendLogs/
// ldbEndSession): after SCRIPT DEBUG YES|SYNC, the client's next EVAL takes the
// connection over. Each answer is an array of status lines; debugger commands
// are RESP arrays read with Redis's own small parser (anything else is a
// protocol error that fails the script); the session ends with `<endsession>`,
// the EVAL reply, and the connection closing, as redis-cli --ldb expects.
//
// YES runs the script on a copy of the data (Redis forks), so other clients go
// on being served; SYNC runs it on the data itself and the whole server waits
// (other connections' commands are held until the session ends).
import { type Client, type RedisServer, encode } from '@redmoon/core';
import {
  clearScriptDebugMode, forkClient, forkServer, LdbSession, type LdbTurn, scriptDebugMode, type ScriptDebugMode,
} from '@redmoon/lua';

/** What a session needs from its connection. */
export interface LdbIo {
  write(bytes: string): void;
  /** Close once what was written is sent. */
  close(): void;
}

/** ldbRepl drops a client whose unparsed input grows past this (1 MB). */
const MAX_COMMAND_BUFFER = 1 << 20;
/** ldbReplParseCommand's limits: at most 1024 arguments of 1 to 1024 bytes. */
const MAX_ARGS = 1024;
const MAX_ARG_LEN = 1024;

/** Whether argv, from c, starts a debugging session (evalCommand with CLIENT_LUA_DEBUG), and in which mode. */
export function debugSessionMode(c: Client, argv: readonly string[]): ScriptDebugMode | null {
  const mode = scriptDebugMode(c);
  if (mode === null || argv.length < 3 || c.multi !== null) return null;
  const name = argv[0].toLowerCase();
  return name === 'eval' || name === 'eval_ro' ? mode : null;
}

/** The SYNC session holding a server, and the connections waiting for it to end. */
interface SyncHold {
  readonly waiting: (() => void)[];
}
const holds = new WeakMap<RedisServer, SyncHold>();

/**
 * Whether a SYNC debugging session holds the server: then `resume` is called
 * once it ends (the connection's input waits until then) and this returns true.
 */
export function heldBySyncDebugger(redis: RedisServer, resume: () => void): boolean {
  const hold = holds.get(redis);
  if (hold === undefined) return false;
  if (!hold.waiting.includes(resume)) hold.waiting.push(resume);
  return true;
}

/** atoi for the lengths in a debugger command: digits after an optional sign. */
function atoi(s: string): number {
  const m = /^[ \t]*([+-]?[0-9]+)/.exec(s);
  return m === null ? 0 : Number(m[1]);
}

/**
 * ldbReplParseCommand: the first command in buf, 'more' when it is incomplete,
 * 'error' when it is not a RESP array within the limits. Whatever precedes the
 * first '*' is skipped, as Redis's parser does.
 */
export function parseDebuggerCommand(buf: string): string[] | 'more' | 'error' {
  if (buf.length === 0) return 'more';
  let p = buf.indexOf('*');
  if (p === -1) return 'error';
  let eol = buf.indexOf('\r\n', p);
  if (eol === -1) return 'more';
  const argc = atoi(buf.slice(p + 1, eol));
  if (argc <= 0 || argc > MAX_ARGS) return 'error';
  p = eol + 2;
  const argv: string[] = [];
  while (argv.length < argc) {
    if (p >= buf.length) return 'more';
    if (buf[p] !== '$') return 'error';
    eol = buf.indexOf('\r\n', p);
    if (eol === -1) return 'more';
    const len = atoi(buf.slice(p + 1, eol));
    if (len <= 0 || len > MAX_ARG_LEN) return 'error';
    p = eol + 2;
    if (p + len + 2 > buf.length) return 'more';
    argv.push(buf.slice(p, p + len));
    p += len;
    if (buf[p] !== '\r' || buf[p + 1] !== '\n') return 'error';
    p += 2;
  }
  return argv;
}

/** One connection's debugging session, from its EVAL to the connection closing. */
export class LdbWire {
  private readonly session: LdbSession;
  private buf = '';
  private done = false;
  /** A SYNC session: the server's other connections wait for it. */
  private readonly holding: boolean;

  constructor(
    private readonly redis: RedisServer,
    private readonly client: Client,
    argv: string[],
    mode: ScriptDebugMode,
    private readonly io: LdbIo,
  ) {
    const server = mode === 'fork' ? forkServer(redis) : redis;
    const caller = mode === 'fork' ? forkClient(server, client) : client;
    this.session = new LdbSession({ server, caller, evalArgv: argv, blockOthers: mode === 'sync' });
    this.holding = mode === 'sync';
    if (this.holding) holds.set(redis, { waiting: [] });
    this.send(this.session.start());
  }

  /** Bytes from the client: each complete command is run (ldbRepl). */
  feed(data: string): void {
    if (this.done) return;
    this.buf += data;
    const parsed = parseDebuggerCommand(this.buf);
    if (parsed === 'error') {
      this.buf = '';
      this.send(this.session.raise('protocol error'));
    } else if (parsed === 'more') {
      if (this.buf.length > MAX_COMMAND_BUFFER) {
        this.buf = '';
        this.send(this.session.raise('max client buffer reached'));
      }
    } else {
      // Redis empties its buffer after each command: what was pipelined behind it is lost.
      this.buf = '';
      this.send(this.session.command(parsed));
    }
  }

  /** The client went away: the script runs to its end on its own. */
  disconnected(): void {
    if (this.done) return;
    this.session.detach();
    this.finish();
  }

  /** ldbSendLogs, and at the end the EVAL reply (ldbEndSession). */
  private send(turn: LdbTurn): void {
    let out = `*${turn.lines.length}\r\n`;
    for (const line of turn.lines) out += `+${line}\r\n`;
    if (turn.reply !== null) out += encode(turn.reply, this.client.resp);
    this.io.write(out);
    if (turn.reply !== null) {
      this.finish();
      this.io.close();
    }
  }

  private finish(): void {
    this.done = true;
    clearScriptDebugMode(this.client);
    if (!this.holding) return;
    const hold = holds.get(this.redis)!;
    holds.delete(this.redis);
    for (const resume of hold.waiting) resume();
  }
}
