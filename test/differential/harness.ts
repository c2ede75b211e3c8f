// The differential harness: runs the same commands against real redis-server
// 7.0.15 and redmoon and compares the raw reply bytes. The real server runs as a
// child process; redmoon runs in-process by default (a RedisServer, one Client
// per connection, replies encoded with encode(execute(...), c.resp)), or as a
// spawned redmoon-server over TCP with REDMOON_DIFF_TCP=1.
import { Socket } from 'node:net';
import { type Client, type RedisServer, encode } from '../../packages/core/src/index.ts';
import { createScriptingServer } from '../../packages/lua/src/index.ts';
import { type RunningServer, startRealRedis, startRedmoonServer } from '../support/servers.ts';
import type { Case, Cmd, Step } from './case.ts';
import { encodeCommand, parseReply, replyEnd, shapeOf, sortReply } from './resp-reader.ts';

/** What read() gives when no reply arrives (none sent, or none within the timeout). */
export const NO_REPLY = '<no reply>';
/** What read() gives once the server has closed the connection and every reply was read. */
export const CLOSED = '<connection closed>';

const READ_TIMEOUT_MS = Number(process.env.REDMOON_DIFF_TIMEOUT ?? 5000);
/**
 * How long to wait for redis's reply when in-process redmoon already gave none:
 * a reply on loopback takes well under a millisecond, so silence is decided fast.
 */
const SILENCE_MS = 200;

/** One connection to a server under test. */
export interface Session {
  /** Send commands, pipelined. */
  send(cmds: readonly Cmd[]): void;
  /** The raw bytes of the next reply, NO_REPLY if none comes (within timeoutMs), CLOSED after a close. */
  read(timeoutMs?: number): Promise<string>;
  /** True when replies are known at once (in-process): NO_REPLY then means none will ever come. */
  readonly instant: boolean;
  close(): void;
}

/** A server under test: where sessions come from. */
export interface Endpoint {
  readonly label: 'redis' | 'redmoon';
  open(): Promise<Session>;
  /** Empty every database before a case; resolves to the reply ('+OK\r\n' on success). */
  flushAll(admin: Session): Promise<string>;
  stop(): Promise<void>;
}

// ---------------------------------------------------------------- TCP sessions

class TcpSession implements Session {
  readonly instant = false;
  private buf = '';
  private pos = 0;
  private closed = false;
  private wake: (() => void) | null = null;

  constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buf += chunk.toString('latin1');
      this.notify();
    });
    const onEnd = (): void => {
      this.closed = true;
      this.notify();
    };
    socket.on('end', onEnd);
    socket.on('close', onEnd);
    // A write after the server closed (EPIPE/ECONNRESET) is just a closed connection.
    socket.on('error', onEnd);
  }

  static connect(port: number): Promise<TcpSession> {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      socket.once('error', reject);
      socket.connect(port, '127.0.0.1', () => {
        socket.off('error', reject);
        resolve(new TcpSession(socket));
      });
    });
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  send(cmds: readonly Cmd[]): void {
    if (this.closed) return;
    let s = '';
    for (const c of cmds) s += encodeCommand(c);
    this.socket.write(Buffer.from(s, 'latin1'));
  }

  async read(timeoutMs = READ_TIMEOUT_MS): Promise<string> {
    for (;;) {
      const end = replyEnd(this.buf, this.pos);
      if (end >= 0) {
        const reply = this.buf.slice(this.pos, end);
        this.pos = end;
        if (this.pos === this.buf.length) {
          this.buf = '';
          this.pos = 0;
        }
        return reply;
      }
      if (this.closed) {
        // A partial reply before the close is shown as it is, so it can be diagnosed.
        const rest = this.buf.slice(this.pos);
        this.buf = '';
        this.pos = 0;
        return rest === '' ? CLOSED : `${rest}${CLOSED}`;
      }
      const arrived = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          this.wake = null;
          resolve(false);
        }, timeoutMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      if (!arrived) return NO_REPLY;
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

export function tcpEndpoint(label: Endpoint['label'], server: RunningServer): Endpoint {
  return {
    label,
    open: () => TcpSession.connect(server.port),
    flushAll: (admin) => request(admin, ['FLUSHALL']),
    stop: () => server.stop(),
  };
}

// ------------------------------------------------------------ in-process sessions

/**
 * A redmoon Client driven directly. Replies (and pushes) are queued as a socket
 * would carry them. CLIENT REPLY follows the contract documented on
 * Client.replyMode; pushes and closing follow the TCP transport
 * (packages/server/src/connection.ts): pushes arrive even under CLIENT REPLY OFF
 * but not once the client is closing, and a client flagged to close (QUIT) is
 * closed only if it has output to flush, else it is never read again.
 */
class InProcessSession implements Session {
  readonly instant = true;
  private readonly out: string[] = [];
  private state: 'open' | 'closed' | 'stuck' = 'open';

  constructor(private readonly server: RedisServer, private readonly client: Client) {
    client.onPush = (r) => {
      if (this.state === 'open' && !client.closeAfterReply) this.out.push(encode(r, client.resp));
    };
    client.onKill = () => { client.closeAfterReply = true; };
  }

  send(cmds: readonly Cmd[]): void {
    const c = this.client;
    for (const argv of cmds) {
      if (this.state !== 'open') return;
      const skip = c.replyMode === 'skip';
      c.skipCurrentReply = skip;
      if (skip) c.replyMode = 'on';
      try {
        const reply = this.server.execute(c, argv.slice());
        const wire = encode(reply, c.resp);
        if (c.replyMode === 'on' && !c.skipCurrentReply) this.out.push(wire);
      } catch (e) {
        // A crash is shown as this command's reply, so the failure names the case and step.
        this.out.push(`<redmoon threw ${String(e)}>`);
      }
      if (c.closeAfterReply) this.state = this.out.length > 0 ? 'closed' : 'stuck';
    }
  }

  read(): Promise<string> {
    return Promise.resolve(this.out.shift() ?? (this.state === 'closed' ? CLOSED : NO_REPLY));
  }

  close(): void {
    this.state = 'closed';
    this.server.removeClient(this.client);
  }
}

export function inProcessEndpoint(server: RedisServer): Endpoint {
  // Run the cron like a listening server: the LRU clock (OBJECT IDLETIME) and the
  // active expire cycle advance with wall time, as in redis-server.
  server.startTimers();
  return {
    label: 'redmoon',
    open: () => Promise.resolve(new InProcessSession(server, server.createClient())),
    // The reset between cases is the harness's business, not a FLUSHALL under test.
    flushAll: () => {
      server.flushAll();
      return Promise.resolve('+OK\r\n');
    },
    stop: () => {
      server.stopTimers();
      return Promise.resolve();
    },
  };
}

// ---------------------------------------------------------------- the harness

export interface Harness {
  redis: Endpoint;
  redmoon: Endpoint;
  /** A connection to each side kept open for resets and CONFIG (never used by cases). */
  admin: { redis: Session; redmoon: Session };
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The in-process server to test (default: a new server with scripting). Ignored over TCP. */
  redmoon?: RedisServer;
  /** Test a spawned redmoon-server over TCP (default: env REDMOON_DIFF_TCP=1). */
  tcp?: boolean;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const tcp = opts.tcp ?? process.env.REDMOON_DIFF_TCP === '1';
  const [real, redmoon] = await Promise.all([
    startRealRedis().then((s) => tcpEndpoint('redis', s)),
    tcp ? startRedmoonServer().then((s) => tcpEndpoint('redmoon', s)) : inProcessEndpoint(opts.redmoon ?? createScriptingServer()),
  ]);
  const [adminRedis, adminRedmoon] = await Promise.all([real.open(), redmoon.open()]);
  return {
    redis: real,
    redmoon,
    admin: { redis: adminRedis, redmoon: adminRedmoon },
    async close() {
      adminRedis.close();
      adminRedmoon.close();
      await Promise.all([real.stop(), redmoon.stop()]);
    },
  };
}

/** Send one command and read its reply. */
export async function request(s: Session, cmd: Cmd): Promise<string> {
  s.send([cmd]);
  return s.read();
}

/** A step with every option spelled out. */
export interface NormalStep extends Step {
  replies: number;
}

export function normalStep(s: Cmd | Step): NormalStep {
  return Array.isArray(s) ? { cmd: s, replies: 1 } : { ...s, replies: s.replies ?? 1 };
}

/** Are two replies to a step the same, under the step's comparison rule? */
export function repliesMatch(step: Step, redis: string, redmoon: string): boolean {
  if (step.ignore) return true;
  if (redis === redmoon) return true;
  if (isSentinel(redis) || isSentinel(redmoon)) return false;
  try {
    if (step.shape) return shapeOf(redis) === shapeOf(redmoon);
    if (step.sort) return sortReply(redis, step.sort) === sortReply(redmoon, step.sort);
    if (step.near !== undefined) return nearIntegers(redis, redmoon, step.near);
  } catch {
    // Bytes that are not one RESP reply cannot match anything but themselves.
  }
  return false;
}

const isSentinel = (s: string): boolean => s === NO_REPLY || s.endsWith(CLOSED);

/** Integer replies within `near` of each other; negative values (-1/-2 TTL codes) must be equal. */
function nearIntegers(a: string, b: string, near: number): boolean {
  const x = parseReply(a);
  const y = parseReply(b);
  if (x.type !== ':' || y.type !== ':') return false;
  const m = BigInt(x.line);
  const n = BigInt(y.line);
  if (m < 0n || n < 0n) return m === n;
  const d = m > n ? m - n : n - m;
  return d <= BigInt(near);
}

export interface Mismatch {
  caseName: string;
  /** Index of the step in the case, or -1 for the case's set-up (HELLO 3, CONFIG SET). */
  stepIndex: number;
  stepCount: number;
  cmd: Cmd;
  redis: string;
  redmoon: string;
  /** How the replies were compared. */
  rule: string;
}

export function ruleOf(step: Step): string {
  if (step.shape) return 'shape';
  if (step.sort) return `sort ${step.sort === true ? 'elements' : step.sort}`;
  if (step.near !== undefined) return `integers within ${step.near}`;
  return 'bytes';
}

const MAX_SHOWN = 3000;
/** Bytes shown before the first difference when a long reply is cut. */
const CONTEXT = 200;

/** A reply as JSON; a long one is cut to a window that starts a little before the first difference. */
function show(s: string, diffAt: number): string {
  if (s.length <= MAX_SHOWN) return JSON.stringify(s);
  const from = diffAt > CONTEXT ? diffAt - CONTEXT : 0;
  const to = from + MAX_SHOWN;
  return `${from > 0 ? `(bytes ${from}..) ` : ''}${JSON.stringify(s.slice(from, to))}${to < s.length ? '...' : ''} (${s.length} bytes)`;
}

/** Where two strings first differ. */
function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The failure message: everything a developer needs to reproduce and fix it. */
export function formatMismatch(m: Mismatch): string {
  const where = m.stepIndex < 0 ? 'set-up' : `step ${m.stepIndex + 1}/${m.stepCount}`;
  const diffAt = firstDifference(m.redis, m.redmoon);
  return [
    `differential mismatch in case ${JSON.stringify(m.caseName)}, ${where}: ${m.cmd.map((a) => JSON.stringify(a)).join(' ')}`,
    `  compared: ${m.rule}; first difference at byte ${diffAt}`,
    `  redis:   ${show(m.redis, diffAt)}`,
    `  redmoon: ${show(m.redmoon, diffAt)}`,
  ].join('\n');
}

/** Read a CONFIG GET value on an admin session (null if the parameter is unknown or the call failed). */
async function configGet(s: Session, name: string): Promise<{ raw: string; value: string | null }> {
  const raw = await request(s, ['CONFIG', 'GET', name]);
  try {
    const n = parseReply(raw);
    const v = n.children?.[1]?.payload;
    return { raw, value: v ?? null };
  } catch {
    return { raw, value: null };
  }
}

/**
 * Apply a case's config on both sides. Returns the values to restore, or a
 * mismatch when redmoon cannot read or set a parameter that redis accepts.
 */
async function applyConfig(h: Harness, k: Case): Promise<{ restore: [string, string, string][]; mismatch: Mismatch | null }> {
  const restore: [string, string, string][] = [];
  for (const [name, value] of Object.entries(k.config ?? {})) {
    const [r, m] = await Promise.all([configGet(h.admin.redis, name), configGet(h.admin.redmoon, name)]);
    if (r.value === null) throw new Error(`case ${JSON.stringify(k.name)}: redis has no config parameter ${name}: ${r.raw}`);
    const mismatch = (cmd: Cmd, redis: string, redmoon: string): Mismatch =>
      ({ caseName: k.name, stepIndex: -1, stepCount: k.cmds.length, cmd, redis, redmoon, rule: 'bytes' });
    if (m.value === null) return { restore, mismatch: mismatch(['CONFIG', 'GET', name], r.raw, m.raw) };
    const set: Cmd = ['CONFIG', 'SET', name, value];
    const [rs, ms] = await Promise.all([request(h.admin.redis, set), request(h.admin.redmoon, set)]);
    if (rs !== '+OK\r\n') throw new Error(`case ${JSON.stringify(k.name)}: redis refused ${set.join(' ')}: ${rs}`);
    restore.push([name, r.value, m.value]);
    if (ms !== rs) return { restore, mismatch: mismatch(set, rs, ms) };
  }
  return { restore, mismatch: null };
}

async function restoreConfig(h: Harness, restore: [string, string, string][]): Promise<void> {
  for (const [name, redisValue, redmoonValue] of restore.reverse()) {
    await Promise.all([
      request(h.admin.redis, ['CONFIG', 'SET', name, redisValue]),
      request(h.admin.redmoon, ['CONFIG', 'SET', name, redmoonValue]),
    ]);
  }
}

/**
 * Send steps (pipelined) to both sides and read each step's replies (joined
 * when a step has several): [redis, redmoon] per step.
 */
export async function exchange(real: Session, red: Session, steps: readonly Step[]): Promise<[string, string][]> {
  const norm = steps.map(normalStep);
  const cmds = norm.map((s) => s.cmd);
  real.send(cmds);
  red.send(cmds);
  const out: [string, string][] = [];
  for (const step of norm) {
    if (step.replies === 0) {
      out.push([NO_REPLY, NO_REPLY]);
      continue;
    }
    let r = '';
    let m = '';
    for (let i = 0; i < step.replies; i++) {
      if (red.instant) {
        const mi = await red.read();
        m += mi;
        r += await real.read(mi === NO_REPLY ? SILENCE_MS : undefined);
      } else {
        const [ri, mi] = await Promise.all([real.read(), red.read()]);
        r += ri;
        m += mi;
      }
    }
    out.push([r, m]);
  }
  return out;
}

/**
 * Run one case: reset both sides (FLUSHALL), apply config, open a fresh
 * connection to each, HELLO 3 if asked, then send each step to both and compare.
 * Returns the first mismatch, or null when every reply matched.
 */
export async function runCase(h: Harness, k: Case): Promise<Mismatch | null> {
  const flush: Cmd = ['FLUSHALL'];
  const [fr, fm] = await Promise.all([h.redis.flushAll(h.admin.redis), h.redmoon.flushAll(h.admin.redmoon)]);
  if (fr !== '+OK\r\n') throw new Error(`FLUSHALL failed on redis: ${fr}`);
  if (fm !== '+OK\r\n') return { caseName: k.name, stepIndex: -1, stepCount: k.cmds.length, cmd: flush, redis: fr, redmoon: fm, rule: 'bytes' };
  const { restore, mismatch: configMismatch } = await applyConfig(h, k);
  const [real, red] = await Promise.all([h.redis.open(), h.redmoon.open()]);
  try {
    if (configMismatch) return configMismatch;
    // Fresh connections start in db 0 (no SELECT needed, and none is sent: with a
    // requirepass in config the case must start unauthenticated).
    if (k.resp3) {
      const hello: Cmd = ['HELLO', '3'];
      const [r, m] = await Promise.all([request(real, hello), request(red, hello)]);
      // HELLO's reply holds server-specific fields (version, id): only success is compared.
      const ok = r.startsWith('-') ? m === r : m.startsWith('%');
      if (!ok) return { caseName: k.name, stepIndex: -1, stepCount: k.cmds.length, cmd: hello, redis: r, redmoon: m, rule: 'success' };
    }
    for (let i = 0; i < k.cmds.length; i++) {
      const step = normalStep(k.cmds[i]);
      const [[r, m]] = await exchange(real, red, [step]);
      if (r === NO_REPLY && m === NO_REPLY && step.replies !== 0) {
        console.warn(`case ${JSON.stringify(k.name)} step ${i + 1}: no reply on either side; mark it { replies: 0 }`);
      }
      if (!repliesMatch(step, r, m)) {
        return { caseName: k.name, stepIndex: i, stepCount: k.cmds.length, cmd: step.cmd, redis: r, redmoon: m, rule: ruleOf(step) };
      }
    }
    return null;
  } finally {
    real.close();
    red.close();
    await restoreConfig(h, restore);
    if (k.cleanup) {
      for (const cmd of k.cleanup) await Promise.all([request(h.admin.redis, cmd), request(h.admin.redmoon, cmd)]);
    }
  }
}

/** Run a case and throw the formatted mismatch, for use inside a vitest test. */
export async function assertCase(h: Harness, k: Case): Promise<void> {
  const m = await runCase(h, k);
  if (m !== null) throw new Error(formatMismatch(m));
}
