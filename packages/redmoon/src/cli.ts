// The `redmoon` command line (bin/redmoon.ts runs it):
//
//   redmoon server [--port 6379] [--<config> <value> ...]    redmoon-server, redis-server style flags
//   redmoon eval [--data in.json] [--save out.json] [--raw | --no-raw] script.lua [key ...] [, arg ...]
//       EVAL a script file as `redis-cli --eval` does (keys, then "," then args) on an
//       in-process server holding the dataset of --data (snapshot JSON); prints the reply
//       exactly as redis-cli prints it (raw when stdout is not a terminal, as redis-cli);
//       --save writes the dataset after the script as a snapshot.
//   redmoon load in.json [server flags]                       serve a snapshot over TCP (redis-cli -p ...)
//   redmoon dump [--host 127.0.0.1] [--port 6379] [-o out.json]
//       read every key of a running server (real redis-server or redmoon) with DUMP and
//       PTTL, and print (or write) it as a snapshot: how fixtures for --data are made.
//   redmoon debug [--data in.json] ... script.lua [key ...] [, arg ...]
//       the Lua debugger (redis-cli --ldb's commands and output), see cli-debug.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import IORedis from 'ioredis';
import { runServerCli } from '@redmoon/server';
import { formatCliReply } from './cli-format.ts';
import { createRedis } from './redis.ts';
import { type Snapshot, loadSnapshot } from './snapshot.ts';

const USAGE = `usage:
  redmoon server [--port 6379] [--<config> <value> ...]
  redmoon eval [--data in.json] [--save out.json] [--raw | --no-raw] script.lua [key ...] [, arg ...]
  redmoon load in.json [--port 6379] [--<config> <value> ...]
  redmoon dump [--host 127.0.0.1] [--port 6379] [-o out.json]
  redmoon debug [--data in.json] [--sync] [--commands file] [--dump] script.lua [key ...] [, arg ...]
`;

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  stdout(bytes: string): void;
  stderr(text: string): void;
  isTTY: boolean;
}

const processIo: CliIo = {
  stdout: (bytes) => process.stdout.write(Buffer.from(bytes, 'latin1')),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
};

function readSnapshot(path: string): Snapshot {
  return JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
}

/** `redmoon eval`: returns the exit code (0 also for an error reply, as redis-cli --eval). */
export async function evalCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let data: string | undefined;
  let save: string | undefined;
  let mode: 'tty' | 'raw' = io.isTTY ? 'tty' : 'raw';
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('--'); i++) {
    const opt = argv[i];
    if (opt === '--raw') mode = 'raw';
    else if (opt === '--no-raw') mode = 'tty';
    else if (opt === '--data' && i + 1 < argv.length) data = argv[++i];
    else if (opt === '--save' && i + 1 < argv.length) save = argv[++i];
    else {
      io.stderr(`redmoon eval: unknown option ${opt}\n${USAGE}`);
      return 1;
    }
  }
  const file = argv[i];
  if (file === undefined) {
    io.stderr(USAGE);
    return 1;
  }
  let body: string;
  try {
    body = readFileSync(file).toString('latin1');
  } catch (e) {
    io.stderr(`Can't open file '${file}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : (e as Error).message}\n`);
    return 1;
  }
  // redis-cli --eval: the words before "," are keys, those after are arguments.
  const keys: string[] = [];
  const args: string[] = [];
  let afterComma = false;
  for (const w of argv.slice(i + 1)) {
    if (w === ',') afterComma = true;
    else (afterComma ? args : keys).push(Buffer.from(w, 'utf8').toString('latin1'));
  }
  const redis = createRedis();
  try {
    if (data !== undefined) loadSnapshot(redis.server, readSnapshot(data));
    const client = redis.server.createClient();
    const reply = redis.server.execute(client, ['EVAL', body, String(keys.length), ...keys, ...args]);
    io.stdout(formatCliReply(reply, mode));
    if (save !== undefined) writeFileSync(save, `${JSON.stringify(redis.snapshot(), null, 2)}\n`);
    return 0;
  } finally {
    await redis.close();
  }
}

/** `redmoon dump`: a snapshot of a running server, read over TCP with DUMP/PTTL and restored in-process. */
export async function dumpCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let host = '127.0.0.1';
  let port = 6379;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const opt = argv[i];
    const value = argv[i + 1];
    if (value === undefined) { io.stderr(USAGE); return 1; }
    if (opt === '--host' || opt === '-h') host = value;
    else if (opt === '--port' || opt === '-p') port = Number(value);
    else if (opt === '-o' || opt === '--out') out = value;
    else { io.stderr(`redmoon dump: unknown option ${opt}\n${USAGE}`); return 1; }
    i++;
  }
  const source = new IORedis({ host, port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  const redis = createRedis();
  try {
    await source.connect();
    const [, databases] = (await source.config('GET', 'databases')) as [string, string];
    for (let db = 0; db < Number(databases); db++) {
      await source.select(db);
      if ((await source.dbsize()) === 0) continue;
      redis.callSync('SELECT', db);
      let cursor = '0';
      do {
        const [next, keys] = await source.scanBuffer(cursor, 'COUNT', 1000);
        cursor = String(next);
        for (const key of keys) {
          const [payload, pttl] = await Promise.all([source.dumpBuffer(key), source.pttl(key)]);
          if (payload === null) continue;
          redis.callSync('RESTORE', key, pttl > 0 ? pttl : 0, payload, 'REPLACE');
        }
      } while (cursor !== '0');
    }
    const json = `${JSON.stringify(redis.snapshot(), null, 2)}\n`;
    if (out === undefined) io.stdout(Buffer.from(json, 'utf8').toString('latin1'));
    else writeFileSync(out, json);
    return 0;
  } catch (e) {
    io.stderr(`redmoon dump: ${(e as Error).message}\n`);
    return 1;
  } finally {
    source.disconnect();
    await redis.close();
  }
}

/** Every subcommand; resolves to the exit code, or never for the servers. */
export async function runCli(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'server':
      await runServerCli(rest, { name: 'redmoon' });
      return new Promise<number>(() => {});
    case 'load': {
      const [file, ...flags] = rest;
      if (file === undefined) { process.stderr.write(USAGE); return 1; }
      await runServerCli(flags, { name: 'redmoon', prepare: (server) => loadSnapshot(server, readSnapshot(file)) });
      return new Promise<number>(() => {});
    }
    case 'eval': return evalCli(rest);
    case 'dump': return dumpCli(rest);
    case 'debug': {
      // Loaded on demand: the debugger is only needed by this subcommand.
      const { runDebugCli } = await import('./cli-debug.ts');
      return runDebugCli(rest);
    }
    default:
      process.stderr.write(USAGE);
      return cmd === undefined || cmd === '--help' || cmd === 'help' ? 0 : 1;
  }
}
