// redmoon: the command line (see src/cli.ts for the subcommands).
import { runCli } from '../src/cli.ts';

runCli(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    process.stderr.write(`redmoon: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
