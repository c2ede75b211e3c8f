// Start and stop servers for cross-package tests: a real redis-server 7.0.15 (the
// oracle) and redmoon-server, each as a child process on a free loopback port.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface RunningServer {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REDMOON_BIN = 'packages/server/bin/redmoon-server.ts';
const START_TIMEOUT_MS = 20_000;

/** Ask the OS for a loopback port that is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolve once a TCP connection to the port succeeds (or reject after the timeout). */
async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before listening on ${port}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      s.once('connect', () => { s.destroy(); resolve(true); });
      s.once('error', () => { s.destroy(); resolve(false); });
      s.connect(port, '127.0.0.1');
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`server did not listen on ${port} within ${START_TIMEOUT_MS} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => { clearTimeout(killTimer); resolve(); });
    child.kill('SIGTERM');
  });
}

/** Start the real redis-server on a free loopback port, without persistence. */
export async function startRealRedis(extraArgs: string[] = []): Promise<RunningServer> {
  let lastError: unknown;
  // The port can be taken between freePort() and the bind: retry with a new one.
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const child = spawn('redis-server', [
      '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extraArgs,
    ], { stdio: ['ignore', 'ignore', 'inherit'] });
    try {
      await waitForPort(port, child);
      return { port, pid: child.pid!, stop: () => stopChild(child) };
    } catch (e) {
      lastError = e;
      await stopChild(child);
    }
  }
  throw lastError;
}

/**
 * Start redmoon-server (`--port 0`, so it binds a free port itself) and wait for
 * its ready line. `args` are extra redis-server style flags, e.g. ['--requirepass', 'x'].
 */
export function startRedmoonServer(args: string[] = []): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', REDMOON_BIN, '--port', '0', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redmoon-server printed no ready line within ${START_TIMEOUT_MS} ms: ${out}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('latin1');
      const m = /ready on [^\s]*:(\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      resolve({ port: Number(m[1]), pid: child.pid!, stop: () => stopChild(child) });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redmoon-server exited with code ${code}: ${out}`));
    });
  });
}

