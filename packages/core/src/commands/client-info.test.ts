// The CLIENT LIST / CLIENT INFO line, pinned against redis-server 7.0.15, whose
// `CLIENT INFO` printed (one TCP client, after CLIENT SETNAME me):
// id=40 addr=127.0.0.1:50818 laddr=127.0.0.1:7450 fd=8 name=me age=0 idle=0 flags=N db=0 sub=0 psub=0 ssub=0
// multi=-1 qbuf=26 qbuf-free=20448 argv-mem=10 multi-mem=0 rbs=16384 rbp=0 obl=0 oll=0 omem=0 tot-mem=37658
// events=r cmd=client|info user=default redir=-1 resp=2
import { describe, expect, it } from 'vitest';
import { ControlledClock } from '../clock.ts';
import { encode2, encode3 } from '../resp/encode.ts';
import { RedisServer } from '../server.ts';
import { clientInfoLine } from './client-info.ts';

const REAL_FIELDS = [
  'id', 'addr', 'laddr', 'fd', 'name', 'age', 'idle', 'flags', 'db', 'sub', 'psub', 'ssub', 'multi', 'qbuf',
  'qbuf-free', 'argv-mem', 'multi-mem', 'rbs', 'rbp', 'obl', 'oll', 'omem', 'tot-mem', 'events', 'cmd', 'user',
  'redir', 'resp',
];

function fieldsOf(line: string): Record<string, string> {
  return Object.fromEntries(line.split(' ').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

function bulkText(s: RedisServer, c: ReturnType<RedisServer['createClient']>, argv: string[]): string {
  const r = s.execute(c, argv);
  if (r.t !== 'bulk' && r.t !== 'verbatim') throw new Error(`unexpected ${r.t}`);
  return r.v;
}

describe('CLIENT INFO / CLIENT LIST line', () => {
  it('has the fields of 7.0.15 in order, key=value joined by single spaces, newline-terminated', () => {
    const s = new RedisServer();
    const c = s.createClient();
    const text = bulkText(s, c, ['CLIENT', 'INFO']);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.slice(0, -1)).not.toMatch(/\n|  | $/);
    expect(text.slice(0, -1).split(' ').map((kv) => kv.slice(0, kv.indexOf('=')))).toEqual(REAL_FIELDS);
  });

  it('reports the running command, its query buffer and argv memory as Redis does', () => {
    const s = new RedisServer();
    const c = s.createClient();
    s.execute(c, ['CLIENT', 'SETNAME', 'me']);
    const f = fieldsOf(bulkText(s, c, ['CLIENT', 'INFO']).slice(0, -1));
    // The same numbers the real server printed for CLIENT INFO.
    expect(f).toMatchObject({
      name: 'me', flags: 'N', db: '0', sub: '0', psub: '0', ssub: '0', multi: '-1', qbuf: '26', 'qbuf-free': '20448',
      'argv-mem': '10', 'multi-mem': '0', rbs: '16384', obl: '0', oll: '0', omem: '0', events: 'r',
      cmd: 'client|info', user: 'default', redir: '-1', resp: '2',
    });
    expect(f.id).toBe(String(c.id));
  });

  it('follows the session: db, resp, age and idle on the server clock', () => {
    const clock = new ControlledClock();
    clock.freeze(1_000_000);
    const s = new RedisServer({ clock });
    const c = s.createClient();
    s.execute(c, ['SELECT', '3']);
    s.execute(c, ['HELLO', '3']);
    clock.advance(5_000);
    const f = fieldsOf(bulkText(s, c, ['CLIENT', 'INFO']).slice(0, -1));
    expect(f).toMatchObject({ db: '3', resp: '3', age: '5', idle: '0' });
    expect(encode3(s.execute(c, ['CLIENT', 'INFO'])).startsWith('=')).toBe(true);
  });

  it('CLIENT LIST has one line per client in id order; an idle client shows its last command or NULL', () => {
    const s = new RedisServer();
    const a = s.createClient();
    const b = s.createClient();
    s.execute(b, ['PING']);
    const lines = bulkText(s, a, ['CLIENT', 'LIST']).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => fieldsOf(l).id)).toEqual([String(a.id), String(b.id)]);
    expect(fieldsOf(lines[0]).cmd).toBe('client|list');
    expect(fieldsOf(lines[1])).toMatchObject({ cmd: 'ping', qbuf: '0', 'argv-mem': '0', rbs: '1024', rbp: '0' });
    const fresh = s.createClient();
    expect(fieldsOf(clientInfoLine(fresh, s.clock.now())).cmd).toBe('NULL');
    expect(encode2(s.execute(a, ['CLIENT', 'LIST', 'ID', String(b.id)]))).toMatch(/^\$\d+\r\nid=\d+ addr= laddr= fd=-1 name= /);
  });
});
