// redmoon-debug: `redmoon debug` on its own (see src/cli-debug.ts), until the
// redmoon CLI dispatches its `debug` subcommand to runDebugCli.
import { runDebugCli } from '../src/cli-debug.ts';

runDebugCli(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    process.stderr.write(`redmoon debug: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
