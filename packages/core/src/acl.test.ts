// ACL LOG entries: the fields the differential cases can only compare by shape
// (age and client-info depend on time and the connection).
import { expect, test } from 'vitest';
import { ControlledClock } from './clock.ts';
import type { Reply } from './reply.ts';
import { RedisServer } from './server.ts';

/** The log's entries as plain field maps (client-info reduced to its user= and cmd= fields). */
function logEntries(r: Reply): Record<string, string | number>[] {
  if (r.t !== 'array') throw new Error(`not an array: ${r.t}`);
  return r.v.map((e) => {
    if (e.t !== 'map') throw new Error('not a map');
    const out: Record<string, string | number> = {};
    for (const [k, v] of e.v) {
      const key = (k as { v: string }).v;
      const val = v.t === 'int' ? Number(v.v) : v.t === 'double' ? v.v : (v as { v: string }).v;
      out[key] = key === 'client-info' ? String(val).split(' ').filter((f) => /^(user|cmd|multi)=/.test(f)).join(' ') : val;
    }
    return out;
  });
}

test('ACL LOG: reasons, contexts, objects, grouping and age from the injected clock', () => {
  const clock = new ControlledClock();
  clock.freeze(1_000_000);
  const s = new RedisServer({ clock });
  const c = s.createClient();
  const run = (...a: string[]): Reply => s.execute(c, a);
  run('ACL', 'SETUSER', 'u', 'on', '>pw', '~k', '&ch', '+get', '+publish', '+multi', '+discard');
  run('AUTH', 'u', 'pw');
  run('GET', 'x');
  run('PUBLISH', 'other', 'm');
  run('DEL', 'k');
  clock.advance(1500);
  run('DEL', 'k');
  run('MULTI');
  run('DEL', 'k');
  run('DISCARD');
  run('AUTH', 'u', 'bad');
  clock.advance(250);
  run('AUTH', 'default', 'x');
  expect(logEntries(run('ACL', 'LOG'))).toEqual([
    { count: 1, reason: 'auth', context: 'toplevel', object: 'AUTH', username: 'u', 'age-seconds': 0.25, 'client-info': 'multi=-1 cmd=auth user=u' },
    { count: 1, reason: 'command', context: 'multi', object: 'del', username: 'u', 'age-seconds': 0.25, 'client-info': 'multi=0 cmd=del user=u' },
    { count: 2, reason: 'command', context: 'toplevel', object: 'del', username: 'u', 'age-seconds': 0.25, 'client-info': 'multi=-1 cmd=del user=u' },
    { count: 1, reason: 'channel', context: 'toplevel', object: 'other', username: 'u', 'age-seconds': 1.75, 'client-info': 'multi=-1 cmd=publish user=u' },
    { count: 1, reason: 'key', context: 'toplevel', object: 'x', username: 'u', 'age-seconds': 1.75, 'client-info': 'multi=-1 cmd=get user=u' },
  ]);
  // Past 60 seconds the same refusal is a new entry.
  clock.advance(61_000);
  run('ACL', 'SETUSER', 'default', 'on');
  run('AUTH', 'u', 'pw');
  run('GET', 'x');
  run('AUTH', 'default', 'x');
  const entries = logEntries(run('ACL', 'LOG', '10'));
  expect(entries.filter((e) => e.reason === 'key').map((e) => e.count)).toEqual([1, 1]);
  expect(logEntries(run('ACL', 'LOG', '1'))).toHaveLength(1);
});
