// Shared by the package's tests (not exported): a scripting server with one
// client, its propagation stream recorded, and a RESP2 runner.
import { encode2, type Propagated } from '@redmoon/core';
import { createScriptingServer } from './index.ts';

export function setup(opts: Parameters<typeof createScriptingServer>[0] = {}) {
  const server = createScriptingServer(opts);
  const client = server.createClient();
  const stream: Propagated[] = [];
  server.onPropagate((p) => stream.push(p));
  const run = (...argv: string[]): string => encode2(server.execute(client, argv));
  return { server, client, stream, run };
}

/** The argvs of a recorded stream. */
export const argvs = (stream: Propagated[]): string[][] => stream.map((p) => p.argv);
