// The debugger's programmatic API and every LDB command. Expected lines are
// what redis-server 7.0.15 answers to the same commands (recorded from it; the
// wire-level comparison with the real server is test/ldb/).
import { describe, expect, it } from 'vitest';
import { type RedisServer, encode2 } from '@redmoon/core';
import { createScriptingServer } from '../index.ts';
import { debugScript } from './api.ts';

const SCRIPT = `local a = 1
local t = {1,2,'x',{y=3}}
redis.debug('hello', a, t, nil, true)
for i=1,2 do
  a = a + i
end
redis.call('set', KEYS[1], ARGV[1])
local function foo(x)
  local y = x * 2
  return y
end
local r = foo(a)
redis.breakpoint()
local z = redis.call('get', KEYS[1])
return {a, r, z}
`;

function session(server?: RedisServer, mode: 'fork' | 'sync' = 'fork') {
  return debugScript({ script: SCRIPT, keys: ['k1'], args: ['v1'], server, mode });
}

describe('debugScript', () => {
  it('stops at the first line', () => {
    const s = session();
    expect(s.firstTurn.lines).toEqual(['* Stopped at 1, stop reason = step over', '-> 1   local a = 1']);
    expect(s.line).toBe(1);
    expect(s.ended).toBe(false);
  });

  it('step, print, redis.debug, loops and redis.call logging', () => {
    const s = session();
    expect(s.command('p').lines).toEqual(['No local variables in the current context.']);
    s.step();
    s.step();
    expect(s.command('p').lines).toEqual(['<value> a = 1', '<value> t = {1; 2; "x"; {["y"]=3}}']);
    expect(s.command('p t').lines).toEqual(['<value> {1; 2; "x"; {["y"]=3}}']);
    expect(s.command('p KEYS').lines).toEqual(['<value> {"k1"}']);
    expect(s.command('p ARGV').lines).toEqual(['<value> {"v1"}']);
    expect(s.command('p nope').lines).toEqual(['No such variable.']);
    expect(s.step().lines).toEqual([
      '<debug> line 3: "hello", 1, {1; 2; "x"; {["y"]=3}}, nil, true',
      '* Stopped at 4, stop reason = step over',
      '-> 4   for i=1,2 do',
    ]);
    expect(s.command('n').lines).toEqual(['* Stopped at 5, stop reason = step over', '-> 5     a = a + i']);
    expect(s.command('p').lines).toEqual([
      '<value> a = 1', '<value> t = {1; 2; "x"; {["y"]=3}}',
      '<value> (for index) = 1', '<value> (for limit) = 2', '<value> (for step) = 1', '<value> i = 1',
    ]);
    for (let i = 0; i < 4; i++) s.step();
    expect(s.line).toBe(7);
    expect(s.step().lines).toEqual([
      '<redis> set k1 v1', '<reply> "+OK"', '* Stopped at 11, stop reason = step over', '-> 11  end',
    ]);
  });

  it('break, list, whole, trace, continue and redis.breakpoint()', () => {
    const s = session();
    expect(s.command('b').lines).toEqual(["No breakpoints set. Use 'b <line>' to add one."]);
    expect(s.command('b 9').lines).toEqual(['   8   local function foo(x)', '  #9     local y = x * 2', '   10    return y']);
    expect(s.command('b 99').lines).toEqual(['Wrong line number.']);
    expect(s.command('b 9').lines).toEqual(['Wrong line number.']);
    expect(s.command('b x').lines).toEqual(["Invalid argument:'x'"]);
    expect(s.command('b -3').lines).toEqual(['No breakpoint in the specified line.']);
    expect(s.continue().lines).toEqual([
      '<debug> line 3: "hello", 1, {1; 2; "x"; {["y"]=3}}, nil, true',
      '* Stopped at 9, stop reason = break point',
      '->#9     local y = x * 2',
    ]);
    expect(s.command('t').lines).toEqual(['In foo:', '->#9     local y = x * 2', 'From top level:', '   12  local r = foo(a)']);
    expect(s.stack()).toEqual([
      { name: 'foo', line: 9, locals: [{ name: 'x', value: '4' }] },
      { name: null, line: 12, locals: expect.arrayContaining([{ name: 'a', value: '4' }]) },
    ]);
    expect(s.locals()).toEqual([{ name: 'x', value: '4' }]);
    expect(s.command('p a').lines).toEqual(['<value> 4']);
    expect(s.command('l 3 1').lines).toEqual([
      "   2   local t = {1,2,'x',{y=3}}", "   3   redis.debug('hello', a, t, nil, true)", '   4   for i=1,2 do',
    ]);
    expect(s.command('l').lines).toHaveLength(11);
    expect(s.command('w').lines).toHaveLength(15);
    expect(s.command('b 0').lines).toEqual(['All breakpoints removed.']);
    expect(s.continue().lines).toEqual([
      '* Stopped at 14, stop reason = redis.breakpoint() called', "-> 14  local z = redis.call('get', KEYS[1])",
    ]);
    const end = s.continue();
    expect(end.lines).toEqual(['<endsession>']);
    expect(encode2(end.reply!)).toBe('*3\r\n:4\r\n:8\r\n$2\r\nv1\r\n');
    expect(s.ended).toBe(true);
  });

  it('breakpoints API, the limit of 64 and Redis 7.0 removal quirk', () => {
    const lines = Array.from({ length: 70 }, (_, i) => `local v${i} = ${i}`).join('\n');
    const s = debugScript({ script: lines });
    for (let i = 1; i <= 64; i++) expect(s.breakpoints.add(i)).toBe(true);
    expect(s.command('b 65').lines).toEqual(['Too many breakpoints set.']);
    s.breakpoints.clear();
    s.command('b 3 5 7');
    // ldbDelBreakpoint moves (count - j) bytes, not ints: removing 3 leaves 5 twice.
    expect(s.command('b -3').lines).toEqual(['Breakpoint removed.']);
    expect(s.breakpoints.list()).toEqual([5, 5]);
    expect(s.breakpoints.remove(5)).toBe(true);
    expect(s.breakpoints.list()).toEqual([5]);
  });

  it('eval sees the globals, not the locals', () => {
    const s = session();
    s.step();
    expect(s.command('e 1+1').lines).toEqual(['<retval> 2']);
    expect(s.command(['e', '{1,2}', ';']).lines).toEqual(['<retval> {1; 2}']);
    expect(s.command('e a').lines).toEqual(["<error> ldb_eval:1: Script attempted to access nonexistent global variable 'a'"]);
    expect(s.command('e KEYS[1]').lines).toEqual(['<retval> "k1"']);
    // redis-cli would refuse to split that line (a quote inside a word): arguments go as they are.
    expect(s.command(['e', "error('boom')"]).lines).toEqual(['<error> ldb_eval:1: boom']);
    expect(s.command('e 1+').lines).toEqual(["<error> ldb_eval:1: unexpected symbol near '1'"]);
    expect(s.command('e x = 5').lines).toEqual(['<error> ldb_eval:1: Attempt to modify a readonly table']);
    // The current line stays the script's.
    expect(s.command('l 0 0').lines).toEqual(["-> 2   local t = {1,2,'x',{y=3}}"]);
  });

  it('redis runs a command and logs it', () => {
    const server = createScriptingServer();
    server.execute(server.createClient(), ['SET', 'k1', 'abc']);
    const s = session(server);
    expect(s.command('r get k1').lines).toEqual(['<redis> get k1', '<reply> "abc"']);
    expect(s.command('r incr k1').lines).toEqual([
      '<redis> incr k1', '<error> -ERR value is not an integer or out of range', '<reply> "-ERR value is not an integer or out of range"',
    ]);
    expect(s.command('r nosuch').lines).toEqual(['<redis> nosuch', '<error> Unknown Redis command called from script']);
    expect(s.command('r get').lines).toEqual(['<redis> get', '<error> Wrong number of args calling Redis command from script']);
    expect(s.command('r').lines).toEqual(['<error> Unknown Redis Lua debugger command or wrong number of arguments.']);
    expect(s.command('r hset h f v').lines).toEqual(['<redis> hset h f v', '<reply> 1']);
    expect(s.command('r hgetall h').lines).toEqual(['<redis> hgetall h', '<reply> ["f","v"]']);
  });

  it('maxlen trims values and replies, with a hint the first time', () => {
    const s = debugScript({ script: "local big = string.rep('x', 300)\nreturn big\n" });
    s.step();
    const printed = s.command('p').lines;
    expect(printed[0]).toBe(`<value> big = "${'x'.repeat(241)} ...`);
    expect(printed[1]).toBe("<hint> The above reply was trimmed. Use 'maxlen 0' to disable trimming.");
    expect(s.command('p big').lines).toEqual([`<value> "${'x'.repeat(247)} ...`]);
    expect(s.command('m').lines).toEqual(['<value> replies are truncated at 256 bytes.']);
    expect(s.command('m 3').lines).toEqual(['<value> replies are truncated at 60 bytes.']);
    expect(s.command('m 0').lines).toEqual(['<value> replies are unlimited.']);
    expect(s.command('p big').lines).toEqual([`<value> "${'x'.repeat(300)}"`]);
  });

  it('help and unknown commands', () => {
    const s = session();
    const help = s.command('h').lines;
    expect(help[0]).toBe('Redis Lua debugger help:');
    expect(help).toHaveLength(30);
    expect(s.command('HELP').lines).toEqual(help);
    expect(s.command('xyz').lines).toEqual(['<error> Unknown Redis Lua debugger command or wrong number of arguments.']);
  });

  it('abort fails the script where it stopped', () => {
    const s = session();
    s.step();
    const end = s.abort();
    expect(end.lines).toEqual(['<endsession>']);
    expect(end.reply).toMatchObject({ t: 'error', v: expect.stringMatching(/^ERR script aborted for user request script: [0-9a-f]{40}, on @user_script:2\.$/) });
  });

  it('errors inside the debugged script end the session with the error reply', () => {
    const s = debugScript({ script: "local x = redis.call('incr', KEYS[1])\nlocal y = nil\nreturn x + y\n", keys: ['n'] });
    expect(s.step().lines).toEqual(['<redis> incr n', '<reply> 1', '* Stopped at 2, stop reason = step over', '-> 2   local y = nil']);
    const end = s.continue();
    expect(end.reply?.t).toBe('error');
    expect(end.reply).toMatchObject({ v: expect.stringMatching(/^ERR user_script:3: attempt to perform arithmetic on local 'y' \(a nil value\) script: /) });
    const failing = debugScript({ script: "redis.call('incr', KEYS[1])", keys: ['s'], server: serverWith(['SET', 's', 'x']) });
    const last = failing.step();
    expect(last.lines).toEqual([
      '<redis> incr s', '<error> -ERR value is not an integer or out of range',
      '<reply> "-ERR value is not an integer or out of range"', '<endsession>',
    ]);
    expect(last.reply).toMatchObject({ t: 'error', v: expect.stringMatching(/^ERR value is not an integer or out of range script: /) });
  });

  it('stops a script that runs too long without the debugger getting control', () => {
    const server = createScriptingServer({ config: { 'busy-reply-threshold': '50' } });
    const s = debugScript({ script: 'local i = 0\nwhile true do\n  i = i + 1\nend\n', server });
    const turn = s.continue();
    expect(turn.lines[0]).toMatch(/^\* Stopped at [23], stop reason = timeout reached, infinite loop\?$/);
    expect(s.abort().reply).toMatchObject({ t: 'error', v: expect.stringMatching(/^ERR script aborted for user request/) });
  });

  it('fork mode leaves the data alone; sync mode keeps the writes', () => {
    const server = createScriptingServer();
    const c = server.createClient();
    const forked = session(server, 'fork');
    while (!forked.ended) forked.continue();
    expect(encode2(server.execute(c, ['GET', 'k1']))).toBe('$-1\r\n');
    expect(encode2(forked.server.execute(forked.server.createClient(), ['GET', 'k1']))).toBe('$2\r\nv1\r\n');
    const synced = session(server, 'sync');
    while (!synced.ended) synced.continue();
    expect(encode2(server.execute(c, ['GET', 'k1']))).toBe('$2\r\nv1\r\n');
  });

  it('a sync session answers BUSY to other clients of the server while stopped', () => {
    const server = createScriptingServer();
    const other = server.createClient();
    const s = session(server, 'sync');
    expect(encode2(server.execute(other, ['PING']))).toMatch(/^-BUSY /);
    while (!s.ended) s.continue();
    expect(encode2(server.execute(other, ['PING']))).toBe('+PONG\r\n');
  });

  it('steps into code run by pcall, and errors raised there after a stop are caught by it', () => {
    const s = debugScript({ script: "local ok, err = pcall(function()\n  local inner = 1\n  error('inside')\nend)\nlocal after = 1\nreturn {tostring(ok), err}\n" });
    const stops = [s.line];
    while (stops.length < 5) {
      s.step();
      stops.push(s.line);
    }
    expect(stops).toEqual([1, 4, 1, 2, 3]);
    expect(s.command('t').lines).toEqual(['In top level:', "-> 3     error('inside')", 'From top level:', '   1   local ok, err = pcall(function()']);
    // Still stopping after the error was caught.
    expect(s.step().lines).toEqual(['* Stopped at 5, stop reason = step over', '-> 5   local after = 1']);
    const end = s.continue();
    expect(encode2(end.reply!)).toBe('*2\r\n$5\r\nfalse\r\n$21\r\nuser_script:3: inside\r\n');
  });

  it('detach runs the script to its end', () => {
    const s = session();
    s.command('b 9');
    const end = s.detach();
    expect(end.lines).toEqual(['<debug> line 3: "hello", 1, {1; 2; "x"; {["y"]=3}}, nil, true', '<endsession>']);
    expect(s.ended).toBe(true);
  });

  it('outside a session redis.breakpoint() is false and redis.debug() does nothing', () => {
    const server = createScriptingServer();
    const reply = server.execute(server.createClient(), ['EVAL', "redis.debug('x')\nreturn redis.breakpoint()", '0']);
    expect(encode2(reply)).toBe('$-1\r\n');
  });
});

function serverWith(...commands: string[][]): RedisServer {
  const server = createScriptingServer();
  const c = server.createClient();
  for (const cmd of commands) server.execute(c, cmd);
  return server;
}
