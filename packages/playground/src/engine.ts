// The Redis that runs in the page: a scripting server, the console's client,
// and what a script run shows (reply, redis.log lines, every redis.call with
// its reply). The dataset is kept in localStorage as a redmoon snapshot.
import type { Client, RedisServer, Reply } from '@redmoon/core';
import { createScriptingServer, scriptingFor } from '@redmoon/lua';
import { type Snapshot, loadSnapshot, takeSnapshot } from 'redmoon/snapshot';

export interface ScriptCall {
  argv: readonly string[];
  reply: Reply;
}

export interface ScriptRun {
  reply: Reply;
  log: { level: number; message: string }[];
  calls: ScriptCall[];
}

const STORAGE_KEY = 'redmoon-playground:dataset';
const SCRIPT_TIME_LIMIT_MS = 5000;

export class PlaygroundEngine {
  readonly server: RedisServer;
  /** The console's connection (HELLO 3 and SELECT stick to it, as in redis-cli). */
  readonly console: Client;
  /** The editor's connection: scripts run on their own session. */
  readonly scripts: Client;
  /** The key browser's connection: its reads do not show in the console's session. */
  readonly browser: Client;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly storage: Storage | null) {
    // A script in an endless loop would freeze the page (no other client can
    // send SCRIPT KILL here): it is aborted after 5 s.
    this.server = createScriptingServer({ scripting: { hardTimeLimitMs: SCRIPT_TIME_LIMIT_MS } });
    this.console = this.server.createClient();
    this.scripts = this.server.createClient();
    this.browser = this.server.createClient();
  }

  /** Run a command on a connection, then tell the views the data may have changed. */
  execute(client: Client, argv: string[]): Reply {
    const reply = this.server.execute(client, argv);
    this.changed();
    return reply;
  }

  /** A read for the views (no change notification). */
  read(argv: string[]): Reply {
    return this.server.execute(this.browser, argv);
  }

  /** EVAL or FCALL on the scripts connection, recording redis.log and every redis.call. */
  runScript(argv: string[]): ScriptRun {
    const engine = scriptingFor(this.server);
    const calls: ScriptCall[] = [];
    engine.logEntries.length = 0;
    engine.onCall = (callArgv, reply) => calls.push({ argv: [...callArgv], reply });
    let reply: Reply;
    try {
      reply = this.execute(this.scripts, argv);
    } finally {
      engine.onCall = null;
    }
    const log = engine.logEntries.splice(0);
    return { reply, log, calls };
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  snapshot(): Snapshot {
    return takeSnapshot(this.server);
  }

  /** Replace the whole dataset by a snapshot's. */
  replaceDataset(snap: Snapshot): void {
    this.server.execute(this.browser, ['FLUSHALL']);
    loadSnapshot(this.server, snap);
    this.changed();
  }

  save(): void {
    this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.snapshot()));
  }

  /** Load the saved dataset; false when there is none. */
  restore(): boolean {
    const saved = this.storage?.getItem(STORAGE_KEY);
    if (saved === null || saved === undefined) return false;
    this.replaceDataset(JSON.parse(saved) as Snapshot);
    return true;
  }
}
