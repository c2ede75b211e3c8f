// The multi-client differential harness: real redis-server 7.0.15 and
// redmoon-server, both over TCP, N connections to each; every step runs on both
// and each connection's received bytes are compared per step (see README.md).
//
// Quiescence: after a step, the harness waits for the step's reply (unless it
// `blocks`), then sends PING on a barrier connection of its own and waits for
// PONG. Both servers execute commands one at a time and write what a command
// produced (replies, pushes to other clients, closes) before they read the next
// command, so once PONG is back everything the step caused has been written to
// the other sockets; a short settle lets Node read those sockets too.
import { Socket } from 'node:net';
import type { RedisServer } from '../../../packages/core/src/index.ts';
import { createScriptingServer } from '../../../packages/lua/src/index.ts';
import { listen } from '../../../packages/server/src/index.ts';
import { type RunningServer, startRealRedis, startRedmoonServer } from '../../support/servers.ts';
import { encodeCommand, parseReply, replyEnd, sortReply, splitReplies } from '../resp-reader.ts';
import type { MultiCase, MultiStep } from './case.ts';

/** Recorded in a transcript when the server closed the connection. */
export const CLOSED = '<connection closed>';

/** How long a step waits for its reply before recording what (if anything) arrived. */
const REPLY_TIMEOUT_MS = 2000;
/** How long the barrier waits for PONG (CLIENT PAUSE ALL holds it back: the step then goes on without it). */
const BARRIER_TIMEOUT_MS = 500;
/** After PONG: time for Node to read what the server wrote to the other sockets. */
const SETTLE_MS = 2;
/** Before the barrier of a `blocks` step: lets the server read the command first. */
const BLOCKS_LEAD_MS = 2;

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const nextTick = (): Promise<void> => new Promise((r) => setImmediate(r));

/** One raw connection: everything it receives accumulates until take(). */
export class Wire {
  private buf = '';
  /** The server closed the connection (or it failed). */
  closed = false;
  private closeReported = false;
  private waiters: (() => void)[] = [];

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    const wake = (): void => { for (const w of this.waiters.splice(0)) w(); };
    socket.on('data', (d: Buffer) => { this.buf += d.toString('latin1'); wake(); });
    const onClose = (): void => { this.closed = true; wake(); };
    socket.on('end', onClose);
    socket.on('close', onClose);
    socket.on('error', onClose);
  }

  static connect(port: number): Promise<Wire> {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      socket.once('error', reject);
      socket.connect(port, '127.0.0.1', () => {
        socket.off('error', reject);
        resolve(new Wire(socket));
      });
    });
  }

  /** Send one command; false if the connection is already closed. */
  send(argv: readonly string[]): boolean {
    if (this.closed) return false;
    this.socket.write(Buffer.from(encodeCommand(argv), 'latin1'));
    return true;
  }

  /** Wait until `done()` holds, the connection closes or the time runs out; returns done(). */
  async waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!done() && !this.closed) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
    return done();
  }

  /** How many complete replies have arrived since the last take(). */
  completeReplies(): number {
    let n = 0;
    for (let p = 0; p < this.buf.length; n++) {
      const end = replyEnd(this.buf, p);
      if (end < 0) break;
      p = end;
    }
    return n;
  }

  /** Everything received since the last take(), with CLOSED appended once when the server closed it. */
  take(): string {
    let s = this.buf;
    this.buf = '';
    if (this.closed && !this.closeReported) {
      this.closeReported = true;
      s += CLOSED;
    }
    return s;
  }

  /** Send a command and return its one reply (for the harness's own connections). */
  async request(argv: readonly string[]): Promise<string> {
    this.take();
    if (!this.send(argv)) throw new Error(`harness connection closed before ${argv.join(' ')}`);
    if (!(await this.waitFor(() => this.completeReplies() > 0, REPLY_TIMEOUT_MS))) {
      throw new Error(`no reply to ${argv.join(' ')} on a harness connection`);
    }
    return this.take();
  }

  close(): void {
    this.socket.destroy();
  }
}

/** One server under test, with the harness's own admin and barrier connections. */
export class Side {
  private admin!: Wire;
  private barrierWire!: Wire;

  constructor(readonly label: 'redis' | 'redmoon', readonly port: number, private readonly stopServer: () => Promise<void>) {}

  /** (Re)open the harness's connections: a case may have killed them (CLIENT KILL TYPE normal). */
  async ensureConnections(): Promise<void> {
    if (this.admin === undefined || this.admin.closed) this.admin = await Wire.connect(this.port);
    if (this.barrierWire === undefined || this.barrierWire.closed) this.barrierWire = await Wire.connect(this.port);
  }

  /** A command on the admin connection; its reply. */
  async adminRequest(argv: readonly string[]): Promise<string> {
    await this.ensureConnections();
    return this.admin.request(argv);
  }

  /** PING on the barrier connection, PONG back, then a short settle (see the header comment). */
  async barrier(): Promise<void> {
    await this.ensureConnections();
    const b = this.barrierWire;
    b.take();
    b.send(['PING']);
    // Under CLIENT PAUSE ALL the PONG comes later; it is dropped by the next take().
    await b.waitFor(() => b.completeReplies() > 0, BARRIER_TIMEOUT_MS);
    await nextTick();
    await delay(SETTLE_MS);
  }

  /** How many clients the server has connected (CLIENT LIST lines). */
  async clientCount(): Promise<number> {
    const list = parseReply(await this.adminRequest(['CLIENT', 'LIST'])).payload ?? '';
    return list.split('\n').filter((l) => l !== '').length;
  }

  async stop(): Promise<void> {
    this.admin?.close();
    this.barrierWire?.close();
    await this.stopServer();
  }
}

export interface MultiHarness {
  redis: Side;
  redmoon: Side;
  /** The in-process redmoon server (null when REDMOON_MULTI_SPAWN=1 spawned a redmoon-server). */
  redmoonServer: RedisServer | null;
  close(): Promise<void>;
}

export interface MultiHarnessOptions {
  /** The in-process server to serve over TCP (default: a new server with scripting). */
  redmoon?: RedisServer;
  /** Spawn redmoon-server as a child process instead (default: env REDMOON_MULTI_SPAWN=1). */
  spawn?: boolean;
}

/**
 * Cases may use DEBUG (SET-ACTIVE-EXPIRE 0, to keep an expired key in place):
 * both servers allow it from loopback connections, which all of ours are.
 */
const DEBUG_FROM_LOOPBACK = ['--enable-debug-command', 'local'];

async function sideFor(label: Side['label'], s: RunningServer): Promise<Side> {
  const side = new Side(label, s.port, () => s.stop());
  await side.ensureConnections();
  return side;
}

/** Start real redis-server and redmoon-server (in-process, listening on a free loopback port). */
export async function startMultiHarness(opts: MultiHarnessOptions = {}): Promise<MultiHarness> {
  const spawned = opts.spawn ?? process.env.REDMOON_MULTI_SPAWN === '1';
  let redmoonServer: RedisServer | null = null;
  const startRedmoon = async (): Promise<RunningServer> => {
    if (spawned) return startRedmoonServer(DEBUG_FROM_LOOPBACK);
    const server = opts.redmoon ?? createScriptingServer({ config: { 'enable-debug-command': 'local' } });
    redmoonServer = server;
    const tcp = await listen(server, { port: 0 });
    server.setConfig('port', String(tcp.port));
    return { port: tcp.port, pid: process.pid, stop: () => tcp.close() };
  };
  const [real, red] = await Promise.all([startRealRedis(DEBUG_FROM_LOOPBACK), startRedmoon()]);
  const [redis, redmoon] = await Promise.all([sideFor('redis', real), sideFor('redmoon', red)]);
  return {
    redis,
    redmoon,
    redmoonServer,
    close: async () => { await Promise.all([redis.stop(), redmoon.stop()]); },
  };
}

// ------------------------------------------------------------------ one case

/** What one server sent: transcript[step][connection] = the bytes that connection received. */
export type Transcript = string[][];

interface SideRun {
  /** The set-up's replies (HELLO 3) per connection, then the steps. */
  hello: string[];
  steps: Transcript;
}

/** `$id<N>` in an argument becomes connection N's CLIENT ID on that server. */
function substituteIds(argv: readonly string[], ids: readonly string[]): string[] {
  return argv.map((a) => a.replace(/\$id(\d+)/g, (_, n: string) => {
    const id = ids[Number(n)];
    if (id === undefined) throw new Error(`$id${n}: there is no connection ${n}`);
    return id;
  }));
}

const usesIds = (k: MultiCase): boolean => k.steps.some((s) => 'cmd' in s && s.cmd.some((a) => /\$id\d/.test(a)));

/** Open the case's connections, then run its steps on one server, recording what each connection receives. */
async function runOnSide(side: Side, k: MultiCase, conns: Wire[]): Promise<SideRun> {
  const n = k.clients ?? 2;
  for (let i = 0; i < n; i++) conns.push(await Wire.connect(side.port));
  const hello = conns.map(() => '');
  for (const i of k.resp3 ?? []) hello[i] = await conns[i].request(['HELLO', '3']);
  const ids: string[] = [];
  if (usesIds(k)) {
    for (const w of conns) ids.push(parseReply(await w.request(['CLIENT', 'ID'])).line);
  }
  const steps: Transcript = [];
  for (const step of k.steps) {
    if ('sleep' in step) {
      await delay(step.sleep);
    } else {
      const w = conns[step.c];
      if (w === undefined) throw new Error(`case ${JSON.stringify(k.name)}: there is no connection ${step.c}`);
      const sent = w.send(substituteIds(step.cmd, ids));
      if (sent && !step.blocks) await w.waitFor(() => w.completeReplies() > 0, REPLY_TIMEOUT_MS);
      else await delay(BLOCKS_LEAD_MS);
    }
    await side.barrier();
    steps.push(conns.map((w) => w.take()));
  }
  return { hello, steps };
}

/** Apply the case's CONFIG SETs on both sides; returns what to restore. */
async function applyConfig(h: MultiHarness, k: MultiCase): Promise<{ restore: [string, string, string][]; mismatch: MultiMismatch | null }> {
  const restore: [string, string, string][] = [];
  const valueOf = (raw: string): string | null => {
    try {
      return parseReply(raw).children?.[1]?.payload ?? null;
    } catch {
      return null;
    }
  };
  for (const [name, value] of Object.entries(k.config ?? {})) {
    const get = ['CONFIG', 'GET', name];
    const [rg, mg] = await Promise.all([h.redis.adminRequest(get), h.redmoon.adminRequest(get)]);
    const rv = valueOf(rg);
    const mv = valueOf(mg);
    if (rv === null) throw new Error(`case ${JSON.stringify(k.name)}: redis has no config parameter ${name}: ${rg}`);
    if (mv === null) return { restore, mismatch: setupMismatch(k, get, rg, mg) };
    const set = ['CONFIG', 'SET', name, value];
    const [rs, ms] = await Promise.all([h.redis.adminRequest(set), h.redmoon.adminRequest(set)]);
    if (rs !== '+OK\r\n') throw new Error(`case ${JSON.stringify(k.name)}: redis refused ${set.join(' ')}: ${rs}`);
    restore.push([name, rv, mv]);
    if (ms !== rs) return { restore, mismatch: setupMismatch(k, set, rs, ms) };
  }
  return { restore, mismatch: null };
}

/** Wait until a side has no connections but the harness's two (closed sockets are noticed asynchronously). */
async function waitForDisconnects(side: Side): Promise<void> {
  const deadline = Date.now() + REPLY_TIMEOUT_MS;
  while ((await side.clientCount()) > 2) {
    if (Date.now() > deadline) throw new Error(`${side.label}: the case's connections did not go away`);
    await delay(1);
  }
}

export interface MultiMismatch {
  caseName: string;
  /** Step index, or -1 for the set-up (CONFIG SET, HELLO 3). */
  stepIndex: number;
  /** What the step did, e.g. `c1 "BLPOP" "l" "0"` or `sleep 100`. */
  what: string;
  /** The connections whose bytes differ, with both sides' bytes. */
  diffs: { connection: number; redis: string; redmoon: string }[];
  /** The steps up to and including the failing one, one line each. */
  history: string[];
}

function setupMismatch(k: MultiCase, cmd: string[], redis: string, redmoon: string): MultiMismatch {
  return { caseName: k.name, stepIndex: -1, what: describeCmd('admin', cmd), diffs: [{ connection: -1, redis, redmoon }], history: [] };
}

const describeCmd = (who: string, cmd: readonly string[]): string => `${who} ${cmd.map((a) => JSON.stringify(a)).join(' ')}`;

export function describeStep(s: MultiStep): string {
  if ('sleep' in s) return `sleep ${s.sleep}`;
  return describeCmd(`c${s.c}`, s.cmd) + (s.blocks ? ' (blocks)' : '') + (s.sort ? ' (sorted)' : '');
}

/** A connection's bytes for comparison: with `sort`, each aggregate reply's elements sorted. */
function normalize(bytes: string, sort: boolean): string {
  if (!sort) return bytes;
  const closed = bytes.endsWith(CLOSED);
  const body = closed ? bytes.slice(0, -CLOSED.length) : bytes;
  try {
    return splitReplies(body).map((r) => sortReply(r, true)).join('') + (closed ? CLOSED : '');
  } catch {
    return bytes;
  }
}

/** Compare two transcripts of the same case; the first step where any connection differs. */
export function compareTranscripts(k: MultiCase, redis: Transcript, redmoon: Transcript): MultiMismatch | null {
  for (let i = 0; i < k.steps.length; i++) {
    const step = k.steps[i];
    const diffs: MultiMismatch['diffs'] = [];
    const conns = Math.max(redis[i]?.length ?? 0, redmoon[i]?.length ?? 0);
    for (let c = 0; c < conns; c++) {
      const sort = 'cmd' in step && step.sort === true && step.c === c;
      const r = redis[i]?.[c] ?? '';
      const m = redmoon[i]?.[c] ?? '';
      if (normalize(r, sort) !== normalize(m, sort)) diffs.push({ connection: c, redis: r, redmoon: m });
    }
    if (diffs.length > 0) {
      return { caseName: k.name, stepIndex: i, what: describeStep(step), diffs, history: k.steps.slice(0, i + 1).map(describeStep) };
    }
  }
  return null;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

const MAX_SHOWN = 2000;

function show(s: string): string {
  return s.length <= MAX_SHOWN ? JSON.stringify(s) : `${JSON.stringify(s.slice(0, MAX_SHOWN))}... (${s.length} bytes)`;
}

export function formatMultiMismatch(m: MultiMismatch, stepCount: number): string {
  const where = m.stepIndex < 0 ? 'set-up' : `step ${m.stepIndex + 1}/${stepCount}`;
  const lines = [`multi-client mismatch in case ${JSON.stringify(m.caseName)}, ${where}: ${m.what}`];
  for (const d of m.diffs) {
    const who = d.connection < 0 ? 'admin connection' : `connection ${d.connection}`;
    lines.push(`  ${who} received (first difference at byte ${firstDifference(d.redis, d.redmoon)}):`);
    lines.push(`    redis:   ${show(d.redis)}`);
    lines.push(`    redmoon: ${show(d.redmoon)}`);
  }
  if (m.history.length > 1) {
    lines.push('  steps so far:');
    m.history.forEach((h, i) => lines.push(`    ${i + 1}. ${h}`));
  }
  return lines.join('\n');
}

/**
 * Run one case on both servers (in parallel: they are independent) and compare.
 * Before: FLUSHALL and the case's config; after: close its connections, wait for
 * both servers to notice, restore config, run cleanup.
 */
export async function runMultiCase(h: MultiHarness, k: MultiCase): Promise<MultiMismatch | null> {
  const sides = [h.redis, h.redmoon];
  await Promise.all(sides.map(async (s) => {
    const r = await s.adminRequest(['FLUSHALL']);
    if (r !== '+OK\r\n') throw new Error(`FLUSHALL failed on ${s.label}: ${r}`);
  }));
  const { restore, mismatch } = await applyConfig(h, k);
  const conns: [Wire[], Wire[]] = [[], []];
  try {
    if (mismatch) return mismatch;
    const [r, m] = await Promise.all([runOnSide(h.redis, k, conns[0]), runOnSide(h.redmoon, k, conns[1])]);
    for (const i of k.resp3 ?? []) {
      // HELLO's reply holds server-specific fields (version, id): only success is compared.
      const ok = r.hello[i].startsWith('-') ? m.hello[i] === r.hello[i] : m.hello[i].startsWith('%');
      if (!ok) return { caseName: k.name, stepIndex: -1, what: `c${i} "HELLO" "3"`, diffs: [{ connection: i, redis: r.hello[i], redmoon: m.hello[i] }], history: [] };
    }
    return compareTranscripts(k, r.steps, m.steps);
  } finally {
    for (const w of [...conns[0], ...conns[1]]) w.close();
    await Promise.all(sides.map((s) => waitForDisconnects(s)));
    for (const [name, rv, mv] of restore.reverse()) {
      await Promise.all([h.redis.adminRequest(['CONFIG', 'SET', name, rv]), h.redmoon.adminRequest(['CONFIG', 'SET', name, mv])]);
    }
    for (const cmd of k.cleanup ?? []) await Promise.all(sides.map((s) => s.adminRequest(cmd)));
  }
}

/** Run a case and throw the formatted mismatch, for use inside a vitest test. */
export async function assertMultiCase(h: MultiHarness, k: MultiCase): Promise<void> {
  const m = await runMultiCase(h, k);
  if (m !== null) throw new Error(formatMultiMismatch(m, k.steps.length));
}
