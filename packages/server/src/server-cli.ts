// The redmoon-server command line: redis-server style arguments, one ready
// line, serve until SIGINT/SIGTERM. Shared by bin/redmoon-server.ts and the
// redmoon CLI's `server` and `load` subcommands.
//   [--port 6379] [--bind 127.0.0.1] [--requirepass pw] [--<config-name> <value> ...]
// --port 0 binds a free port.
import type { RedisServer } from '@redmoon/core';
import { createScriptingServer } from '@redmoon/lua';
import { applyNodeHostFacts } from './host.ts';
import { listen } from './tcp-server.ts';

interface ServerArgs {
  port: number;
  bind: string;
  /** Every other `--name value` pair, applied as redis.conf directives. */
  config: [string, string][];
}

/**
 * redis-server style arguments: `--name` followed by its value words, which
 * run until the next `--name` (so `--save ''` and `--save 900 1` both work).
 */
function parseArgs(argv: string[]): ServerArgs {
  const args: ServerArgs = { port: 6379, bind: '127.0.0.1', config: [] };
  for (let i = 0; i < argv.length;) {
    const flag = argv[i];
    if (!flag.startsWith('--') || flag.length === 2) throw new Error(`unexpected argument '${flag}' (only --name value options are supported)`);
    const values: string[] = [];
    for (i++; i < argv.length && !argv[i].startsWith('--'); i++) values.push(argv[i]);
    const name = flag.slice(2).toLowerCase();
    const value = values.join(' ');
    if (name === 'port') {
      if (!/^\d+$/.test(value) || Number(value) > 65535) throw new Error(`invalid port '${value}'`);
      args.port = Number(value);
    } else if (name === 'bind') {
      // Redis accepts several addresses; redmoon listens on the first.
      args.bind = values[0] ?? args.bind;
    } else {
      args.config.push([name, value]);
    }
  }
  return args;
}

/**
 * Run a server from redis-server style arguments until SIGINT/SIGTERM. `prepare`
 * runs on the new server before it starts listening (the redmoon CLI loads a
 * dataset there); `name` prefixes the ready line and errors.
 */
export async function runServerCli(argv: string[], opts: { name?: string; prepare?: (redis: RedisServer) => void } = {}): Promise<void> {
  const name = opts.name ?? 'redmoon-server';
  let args: ServerArgs;
  let redis: RedisServer;
  try {
    args = parseArgs(argv);
    // Startup config goes to the constructor: some parameters (databases,
    // enable-debug-command, ...) are immutable once the server exists.
    redis = createScriptingServer({ config: Object.fromEntries(args.config) });
    opts.prepare?.(redis);
  } catch (e) {
    process.stderr.write(`${name}: ${(e as Error).message}\n`);
    process.exit(1);
  }
  applyNodeHostFacts(redis);
  const tcp = await listen(redis, { port: args.port, host: args.bind });
  redis.setConfig('port', String(tcp.port));
  redis.setConfig('bind', args.bind);
  process.stdout.write(`${name} ready on ${tcp.host}:${tcp.port}\n`);
  const shutdown = (): void => { void tcp.close().then(() => process.exit(0)); };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
