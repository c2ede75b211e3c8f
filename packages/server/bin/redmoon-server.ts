// redmoon-server: redmoon over TCP, started like redis-server.
//   redmoon-server [--port 6379] [--bind 127.0.0.1] [--requirepass pw] [--<config-name> <value> ...]
// --port 0 binds a free port. Prints one ready line, then serves until SIGINT/SIGTERM.
import { runServerCli } from '../src/server-cli.ts';

runServerCli(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`redmoon-server: ${(e as Error).message}\n`);
  process.exit(1);
});
