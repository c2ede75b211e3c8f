// What the string commands propagate (replicas/AOF) and which keyspace events
// they fire, compared step by step with a real redis-server 7.0.15 that runs
// with appendonly on: its appendonlydir/*.incr.aof is the propagation stream,
// and a PSUBSCRIBEd connection sees its notifications.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningServer, startRealRedis } from '../../../../test/support/servers.ts';
import type { Client } from '../client.ts';
import { encode2 } from '../resp/encode.ts';
import { RedisServer } from '../server.ts';

/** Each step: a command and what real Redis 7.0.15 propagates for it (pinned from its AOF). */
const STEPS: { cmd: string[]; propagated: string[][] }[] = [
  { cmd: ['SET', 'a', '1'], propagated: [['SET', 'a', '1']] },
  // EX/PX/EXAT/PXAT all become an absolute PXAT (uppercase), and NX/XX/GET are dropped.
  { cmd: ['set', 'b', '1', 'ex', '100'], propagated: [['SET', 'b', '1', 'PXAT', '<now+100000>']] },
  { cmd: ['SET', 'c', '1', 'PX', '5000', 'GET'], propagated: [['SET', 'c', '1', 'PXAT', '<now+5000>']] },
  { cmd: ['SET', 'd', '1', 'pxat', '99999999999999', 'nx', 'get'], propagated: [['SET', 'd', '1', 'PXAT', '99999999999999']] },
  { cmd: ['SET', 'd', '2', 'EXAT', '99999999999', 'XX'], propagated: [['SET', 'd', '2', 'PXAT', '99999999999000']] },
  { cmd: ['SET', 'd', '3', 'NX'], propagated: [] },
  // GET without an expire: the GET words go, the rest stays as sent.
  { cmd: ['set', 'f', 'w', 'GET', 'keepttl', 'get\0x'], propagated: [['set', 'f', 'w', 'keepttl']] },
  { cmd: ['SETNX', 'f', 'x'], propagated: [] },
  { cmd: ['SETNX', 'g', 'x'], propagated: [['SETNX', 'g', 'x']] },
  { cmd: ['SETEX', 'h', '100', 'v'], propagated: [['SET', 'h', 'v', 'PXAT', '<now+100000>']] },
  { cmd: ['PSETEX', 'h', '100000', 'v'], propagated: [['SET', 'h', 'v', 'PXAT', '<now+100000>']] },
  { cmd: ['SETEX', 'h', '0', 'v'], propagated: [] },
  { cmd: ['GETSET', 'h', 'z'], propagated: [['SET', 'h', 'z']] },
  { cmd: ['INCRBYFLOAT', 'i', '1.5'], propagated: [['SET', 'i', '1.5', 'KEEPTTL']] },
  { cmd: ['INCRBYFLOAT', 'i', '10.5e-1'], propagated: [['SET', 'i', '2.55', 'KEEPTTL']] },
  { cmd: ['INCRBYFLOAT', 'i', 'inf'], propagated: [] },
  { cmd: ['GETEX', 'i', 'EX', '100'], propagated: [['PEXPIREAT', 'i', '<now+100000>']] },
  { cmd: ['GETEX', 'i', 'pxat', '99999999999999'], propagated: [['PEXPIREAT', 'i', '99999999999999']] },
  { cmd: ['GETEX', 'i', 'PERSIST'], propagated: [['PERSIST', 'i']] },
  { cmd: ['GETEX', 'i', 'PERSIST'], propagated: [] },
  { cmd: ['GETEX', 'i'], propagated: [] },
  { cmd: ['GETEX', 'i', 'EXAT', '1'], propagated: [['DEL', 'i']] },
  { cmd: ['GETDEL', 'a'], propagated: [['DEL', 'a']] },
  { cmd: ['GETDEL', 'a'], propagated: [] },
  { cmd: ['MSET', 'j', '1', 'k', '2'], propagated: [['MSET', 'j', '1', 'k', '2']] },
  { cmd: ['MSETNX', 'j', '1', 'l', '2'], propagated: [] },
  { cmd: ['MSETNX', 'l', '1', 'l', '2'], propagated: [['MSETNX', 'l', '1', 'l', '2']] },
  { cmd: ['APPEND', 'm', 'x'], propagated: [['APPEND', 'm', 'x']] },
  { cmd: ['APPEND', 'm', ''], propagated: [['APPEND', 'm', '']] },
  { cmd: ['SETRANGE', 'm', '0', ''], propagated: [] },
  { cmd: ['SETRANGE', 'n', '2', ''], propagated: [] },
  { cmd: ['SETRANGE', 'm', '3', 'y'], propagated: [['SETRANGE', 'm', '3', 'y']] },
  { cmd: ['INCR', 'o'], propagated: [['INCR', 'o']] },
  { cmd: ['DECRBY', 'o', '5'], propagated: [['DECRBY', 'o', '5']] },
  { cmd: ['DECRBY', 'o', '-9223372036854775808'], propagated: [] },
  { cmd: ['INCRBY', 'o', '9223372036854775807'], propagated: [['INCRBY', 'o', '9223372036854775807']] },
  { cmd: ['INCRBY', 'o', '9223372036854775807'], propagated: [] },
  // A key that is already expired is deleted (and the DEL propagated) first; Redis 7.0
  // sends the two as one unit, wrapped in MULTI/EXEC (propagatePendingCommands).
  { cmd: ['SET', 'p', '5', 'PXAT', '1'], propagated: [['SET', 'p', '5', 'PXAT', '1']] },
  { cmd: ['INCR', 'p'], propagated: [['MULTI'], ['DEL', 'p'], ['INCR', 'p'], ['EXEC']] },
  // With lazy freeing on, deletions are propagated as UNLINK.
  { cmd: ['CONFIG', 'SET', 'lazyfree-lazy-user-del', 'yes', 'lazyfree-lazy-expire', 'yes'], propagated: [] },
  { cmd: ['GETDEL', 'o'], propagated: [['UNLINK', 'o']] },
  { cmd: ['GETEX', 'm', 'PXAT', '1'], propagated: [['UNLINK', 'm']] },
  { cmd: ['CONFIG', 'SET', 'lazyfree-lazy-user-del', 'no', 'lazyfree-lazy-expire', 'no'], propagated: [] },
  { cmd: ['GET', 'o'], propagated: [] },
  { cmd: ['LCS', 'm', 'o'], propagated: [] },
  { cmd: ['SET', 'q', 'v', 'GET', 'EX', '0'], propagated: [] },
];

/** Relative expire times differ between the two servers: compare them as now+delta. */
function normalize(argv: string[], now: number): string[] {
  return argv.map((a) => {
    if (!/^\d{13}$/.test(a) || a.startsWith('99999')) return a;
    return `<now+${Math.round((Number(a) - now) / 1000) * 1000}>`;
  });
}

/** One RESP reply from a buffer, or null if incomplete; returns [text, end]. */
function readReply(buf: string, pos: number): [string, number] | null {
  const nl = buf.indexOf('\r\n', pos);
  if (nl < 0) return null;
  const type = buf[pos];
  if (type === '$') {
    const n = Number(buf.slice(pos + 1, nl));
    if (n < 0) return [buf.slice(pos, nl + 2), nl + 2];
    const end = nl + 2 + n + 2;
    return end <= buf.length ? [buf.slice(pos, end), end] : null;
  }
  if (type === '*') {
    let p = nl + 2;
    for (let i = Number(buf.slice(pos + 1, nl)); i > 0; i--) {
      const r = readReply(buf, p);
      if (r === null) return null;
      p = r[1];
    }
    return [buf.slice(pos, p), p];
  }
  return [buf.slice(pos, nl + 2), nl + 2];
}

/** Parse a RESP array of bulk strings (an AOF command or a pub/sub message). */
function parseArgv(text: string): string[] {
  const out: string[] = [];
  let p = text.indexOf('\r\n') + 2;
  while (p < text.length) {
    const nl = text.indexOf('\r\n', p);
    const n = Number(text.slice(p + 1, nl));
    out.push(text.slice(nl + 2, nl + 2 + n));
    p = nl + 2 + n + 2;
  }
  return out;
}

const encodeCmd = (argv: string[]): string => `*${argv.length}\r\n${argv.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;

/** A connection that reads whole replies in order. */
class Conn {
  private buf = '';
  private waiters: (() => void)[] = [];
  constructor(readonly socket: Socket) {
    socket.on('data', (d: Buffer) => {
      this.buf += d.toString('latin1');
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static open(port: number): Promise<Conn> {
    return new Promise((resolve) => {
      const s = new Socket();
      s.connect(port, '127.0.0.1', () => resolve(new Conn(s)));
    });
  }

  async next(): Promise<string> {
    for (;;) {
      const r = readReply(this.buf, 0);
      if (r !== null) {
        this.buf = this.buf.slice(r[1]);
        return r[0];
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async call(argv: string[]): Promise<string> {
    this.socket.write(Buffer.from(encodeCmd(argv), 'latin1'));
    return this.next();
  }
}

const SENTINEL = '__keyevent@0__:zz-sentinel';

describe('propagation and notifications match redis-server 7.0.15', () => {
  let real: RunningServer;
  let dir: string;
  let main: Conn;
  let sub: Conn;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redmoon-strings-aof-'));
    real = await startRealRedis(['--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir, '--notify-keyspace-events', 'KEA', '--enable-debug-command', 'yes']);
    main = await Conn.open(real.port);
    // Keys set with a past PXAT must expire lazily, at the next command, on both servers.
    await main.call(['DEBUG', 'SET-ACTIVE-EXPIRE', '0']);
    sub = await Conn.open(real.port);
    sub.socket.write(encodeCmd(['PSUBSCRIBE', '__keyevent@*']));
    await sub.next();
  });

  afterAll(async () => {
    main?.socket.destroy();
    sub?.socket.destroy();
    await real?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The commands appended to the real server's AOF since `from`, and the new length. */
  function aofSince(from: number): [string[][], number] {
    const aofDir = join(dir, 'appendonlydir');
    const file = readdirSync(aofDir).find((f) => f.endsWith('.incr.aof'))!;
    const text = readFileSync(join(aofDir, file), 'latin1');
    const cmds: string[][] = [];
    let p = from;
    for (let r = readReply(text, p); r !== null; r = readReply(text, p)) {
      cmds.push(parseArgv(r[0]));
      p = r[1];
    }
    return [cmds.filter((c) => c[0] !== 'SELECT'), p];
  }

  /** Keyspace events the real server published for one command: [event, key]. */
  async function realEvents(): Promise<string[][]> {
    await main.call(['PUBLISH', SENTINEL, 'end']);
    const events: string[][] = [];
    for (;;) {
      const [, , channel, key] = parseArgv(await sub.next());
      if (channel === SENTINEL) return events;
      events.push([channel.slice('__keyevent@0__:'.length), key]);
    }
  }

  test('every step', async () => {
    const srv = new RedisServer({ config: { 'notify-keyspace-events': 'KEA' } });
    const c: Client = srv.createClient();
    let propagated: string[][] = [];
    let events: string[][] = [];
    srv.onPropagate((p) => propagated.push(p.argv));
    srv.publish = (channel, message) => {
      if (channel.startsWith('__keyevent@')) events.push([channel.slice('__keyevent@0__:'.length), message]);
      return 0;
    };
    let aofPos = 0;
    [, aofPos] = aofSince(0);
    for (const step of STEPS) {
      propagated = [];
      events = [];
      const now = Date.now();
      const realReply = await main.call(step.cmd);
      const mine = encode2(srv.execute(c, step.cmd));
      const [realProp, next] = aofSince(aofPos);
      aofPos = next;
      const label = step.cmd.join(' ');
      expect(mine, label).toBe(realReply);
      expect(realProp.map((a) => normalize(a, now)), `${label}: real AOF`).toEqual(step.propagated);
      expect(propagated.map((a) => normalize(a, now)), `${label}: redmoon`).toEqual(step.propagated);
      expect(events, `${label}: events`).toEqual(await realEvents());
    }
  });

  test('dirty counts as Redis does', () => {
    const srv = new RedisServer();
    const c = srv.createClient();
    const dirtyAfter = (...argv: string[]): number => {
      const before = srv.dirty;
      srv.execute(c, argv);
      return srv.dirty - before;
    };
    expect(dirtyAfter('MSET', 'a', '1', 'b', '2', 'c', '3')).toBe(3);
    expect(dirtyAfter('MSETNX', 'a', '1', 'z', '2')).toBe(0);
    expect(dirtyAfter('MSETNX', 'x', '1', 'y', '2')).toBe(2);
    expect(dirtyAfter('SETRANGE', 'a', '0', '')).toBe(0);
    expect(dirtyAfter('APPEND', 'a', '')).toBe(1);
    expect(dirtyAfter('GET', 'a')).toBe(0);
  });
});
