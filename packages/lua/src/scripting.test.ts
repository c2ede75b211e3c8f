import { describe, expect, it } from 'vitest';
import { lua, type LuaState } from 'fengari';
import { type Clock, encode2, type RedisServer } from '@redmoon/core';
import { scriptingFor } from './index.ts';
import { executeSuspendable, HARD_LIMIT_ERROR, KILLED_ERROR, ScriptSuspended } from './scripting.ts';
import { argvs, setup } from './test-setup.ts';


describe('effects propagation', () => {
  it('sends a single write bare and never EVAL itself', () => {
    const { stream, run } = setup();
    expect(run('EVAL', "return redis.call('set', 'a', '1')", '0')).toBe('+OK\r\n');
    expect(argvs(stream)).toEqual([['set', 'a', '1']]);
  });

  it('wraps two or more writes in MULTI/EXEC', () => {
    const { stream, run } = setup();
    run('EVAL', "redis.call('set', 'a', '1') redis.call('incr', 'n') return redis.call('get', 'a')", '0');
    expect(argvs(stream)).toEqual([['MULTI'], ['set', 'a', '1'], ['incr', 'n'], ['EXEC']]);
  });

  it('sends nothing for a read-only script', () => {
    const { stream, run } = setup();
    run('EVAL', "return redis.call('get', 'a')", '0');
    expect(stream).toEqual([]);
  });

  it('still sends the writes made before an error', () => {
    const { stream, run } = setup();
    expect(run('EVAL', "redis.call('set', 'a', '1') redis.call('set', 'b', '2') error('late')", '0')).toMatch(/^-ERR user_script:1: late/);
    expect(argvs(stream)).toEqual([['MULTI'], ['set', 'a', '1'], ['set', 'b', '2'], ['EXEC']]);
  });

  it('honours redis.set_repl', () => {
    const { stream, run } = setup();
    run('EVAL', "redis.set_repl(redis.REPL_NONE) redis.call('set', 'hidden', '1') redis.set_repl(redis.REPL_ALL) redis.call('set', 'shown', '1')", '0');
    expect(argvs(stream)).toEqual([['set', 'shown', '1']]);
  });

  it('tags each write with the script db after SELECT', () => {
    const { stream, run } = setup();
    run('EVAL', "redis.call('set', 'a', '0') redis.call('select', '5') redis.call('set', 'b', '5')", '0');
    expect(stream.filter((p) => p.argv[0] === 'set').map((p) => p.db)).toEqual([0, 5]);
  });
});

describe('timeouts and SCRIPT KILL', () => {
  it('aborts a runaway script at the hard limit, even one looping over pcall', () => {
    const { run } = setup({ scripting: { hardTimeLimitMs: 100 } });
    const msg = HARD_LIMIT_ERROR(100);
    expect(run('EVAL', 'while true do end', '0')).toMatch(new RegExp(`^-${msg} script: [0-9a-f]{40}, on @user_script:1\\.\\r\\n$`));
    expect(run('EVAL', 'while true do pcall(function() local x = 1 end) end', '0')).toMatch(new RegExp(`^-${msg} script: `));
    expect(run('EVAL', 'local n = 0\nwhile true do\n  local ok = pcall(function() n = n + 1 end)\nend', '0')).toMatch(/on @user_script:\d\.\r\n$/);
    // The state is still usable afterwards.
    expect(run('EVAL', 'return 1', '0')).toBe(':1\r\n');
  });

  it('runs whileBusy past busy-reply-threshold and stops on SCRIPT KILL', () => {
    const { server, run } = setup({ config: { 'busy-reply-threshold': '20' } });
    const engine = scriptingFor(server);
    const other = server.createClient();
    let busyCalls = 0;
    let killReply = '';
    let busyReply = '';
    engine.whileBusy = () => {
      busyCalls++;
      if (busyCalls === 2) busyReply = encode2(server.execute(other, ['EVAL', 'return 1', '0']));
      if (busyCalls === 3) killReply = encode2(server.execute(other, ['SCRIPT', 'KILL']));
    };
    const reply = run('EVAL', 'while true do pcall(function() end) end', '0');
    expect(busyReply).toBe('-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n');
    expect(killReply).toBe('+OK\r\n');
    expect(reply).toMatch(new RegExp(`^-${KILLED_ERROR.replace(/\./g, '\\.')} script: [0-9a-f]{40}, on @user_script:1\\.\\r\\n$`));
    expect(busyCalls).toBeGreaterThanOrEqual(3);
    expect(engine.running).toBeNull();
    expect(encode2(server.execute(other, ['SCRIPT', 'KILL']))).toBe('-NOTBUSY No scripts in execution right now.\r\n');
  });

  it('keeps the script start time for expiry across suspended slices (scriptTimeSnapshot)', () => {
    // A clock that moves 5 ms at every read: the count hook times the script out.
    let ms = 1_700_000_000_000;
    const clock: Clock = { now: () => (ms += 5), nowMicros: () => ms * 1000 };
    const { server, client, run } = setup({ clock, config: { 'busy-reply-threshold': '20' } });
    run('SET', 'k', 'v', 'PX', '50');
    const argv = ['EVAL', "local before = redis.call('exists', KEYS[1])\nfor i = 1, 3000000 do end\nreturn {before, redis.call('exists', KEYS[1]), redis.call('get', KEYS[1])}", '1', 'k'];
    const startedAt = ms;
    let slices = 1;
    let reply = '';
    for (;;) {
      try {
        reply = encode2(executeSuspendable(server, client, argv));
        break;
      } catch (e) {
        if (!(e instanceof ScriptSuspended)) throw e;
        slices++;
      }
    }
    expect(slices).toBeGreaterThan(2);
    expect(ms - startedAt).toBeGreaterThan(50);
    // Redis 7.0 checks expiry against the script's start for its whole run.
    expect(reply).toBe('*3\r\n:1\r\n:1\r\n$1\r\nv\r\n');
    // Once the script ended, commands see the clock again.
    expect(run('EXISTS', 'k')).toBe(':0\r\n');
  });

  it('refuses to kill a script that wrote', () => {
    const { server, run } = setup({ config: { 'busy-reply-threshold': '20' }, scripting: { hardTimeLimitMs: 2000 } });
    const engine = scriptingFor(server);
    let killReply = '';
    engine.whileBusy = () => { killReply ||= encode2(server.execute(server.createClient(), ['SCRIPT', 'KILL'])); };
    run('EVAL', "redis.call('set', 'w', '1') while true do end", '0');
    expect(killReply).toMatch(/^-UNKILLABLE Sorry the script already executed write commands/);
  });
});

/** Every value reachable from _G, the registry and the metatables, by type name. */
function reachableTypes(L: LuaState): Set<string> {
  const types = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (): void => {
    const t = lua.lua_type(L, -1);
    types.add(String.fromCharCode(...lua.lua_typename(L, t)));
    if (t === lua.LUA_TLIGHTUSERDATA) expect(lua.lua_touserdata(L, -1)).toBeNull(); // only cjson.null
    expect(t).not.toBe(lua.LUA_TUSERDATA);
    if (t !== lua.LUA_TTABLE && t !== lua.LUA_TFUNCTION) return;
    const id = lua.lua_topointer(L, -1);
    if (seen.has(id)) return;
    seen.add(id);
    if (t === lua.LUA_TTABLE) {
      lua.lua_pushnil(L);
      while (lua.lua_next(L, -2)) {
        walk();
        lua.lua_pop(L, 1);
        lua.lua_pushvalue(L, -1);
        walk();
        lua.lua_pop(L, 1);
      }
    }
    for (let i = 1; lua.lua_getupvalue(L, -1, i) !== null; i++) {
      walk();
      lua.lua_pop(L, 1);
    }
    if (lua.lua_getmetatable(L, -1)) {
      walk();
      lua.lua_pop(L, 1);
    }
  };
  lua.lua_pushvalue(L, lua.LUA_REGISTRYINDEX);
  walk();
  lua.lua_pop(L, 1);
  return types;
}

/** The engine's Lua state, after one script has created it. */
function stateOf(server: RedisServer): LuaState {
  const engine = scriptingFor(server) as unknown as { state(): LuaState };
  return engine.state();
}

describe('sandbox', () => {
  it('reaches no JS object from the registry, globals, upvalues or metatables', () => {
    const { server, run } = setup();
    run('EVAL', 'return 1', '0');
    const types = reachableTypes(stateOf(server));
    // Light userdata is only cjson.null (a NULL pointer, checked in the walk); no full userdata at all.
    expect(types.has('userdata')).toBe(true);
    expect([...types].every((t) => ['boolean', 'function', 'nil', 'number', 'string', 'table', 'thread', 'userdata'].includes(t))).toBe(true);
  });

  it('keeps os, io, package, require, debug and js away from scripts', () => {
    const { run } = setup();
    for (const g of ['os', 'io', 'package', 'require', 'debug', 'js', 'fengari', 'print', 'dofile', 'loadfile']) {
      expect(run('EVAL', `return ${g}`, '0')).toContain(`nonexistent global variable '${g}'`);
    }
  });

  it('rebuilds the state on SCRIPT FLUSH', () => {
    const { server, run } = setup();
    run('SCRIPT', 'LOAD', 'return 1');
    const before = stateOf(server);
    expect(run('SCRIPT', 'FLUSH')).toBe('+OK\r\n');
    expect(run('EVALSHA', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db', '0')).toBe('-NOSCRIPT No matching script. Please use EVAL.\r\n');
    expect(stateOf(server)).not.toBe(before);
  });
});

describe('host interfaces', () => {
  it('records redis.log lines at or above the loglevel', () => {
    const { server, run } = setup();
    run('EVAL', "redis.log(redis.LOG_WARNING, 'careful', 42) redis.log(redis.LOG_DEBUG, 'hidden')", '0');
    expect(scriptingFor(server).logEntries).toEqual([{ level: 3, message: 'careful 42' }]);
  });

  it('exposes INFO scripting fields through server.scriptingInfo', () => {
    const { server, run } = setup();
    expect(server.scriptingInfo?.().numberOfCachedScripts).toBe(0);
    run('EVAL', 'return 1', '0');
    run('SCRIPT', 'LOAD', 'return 2');
    const info = server.scriptingInfo!();
    expect(info.numberOfCachedScripts).toBe(2);
    expect(info.usedMemoryScriptsEval).toBeGreaterThan(0);
    run('SCRIPT', 'FLUSH');
    expect(server.scriptingInfo!().numberOfCachedScripts).toBe(0);
  });

  it('compiles a script once and runs it again by sha', () => {
    const { server, run } = setup();
    run('EVAL', "return 'x'", '0');
    const [sha] = scriptingFor(server).scripts.keys();
    const L = stateOf(server);
    const fn = (): unknown => {
      lua.lua_getfield(L, lua.LUA_REGISTRYINDEX, `f_${sha}`);
      const p = lua.lua_topointer(L, -1);
      lua.lua_pop(L, 1);
      return p;
    };
    const first = fn();
    expect(run('EVAL', "return 'x'", '0')).toBe('$1\r\nx\r\n');
    expect(run('EVALSHA', sha, '0')).toBe('$1\r\nx\r\n');
    expect(fn()).toBe(first);
  });
});

describe('read-only replica', () => {
  it('refuses writes as Redis does, reads still work', () => {
    const { server, run } = setup();
    server.isReplica = true;
    const readonly = "READONLY You can't write against a read only replica.";
    expect(run('EVAL', "return redis.call('set', 'a', '1')", '0')).toMatch(new RegExp(`^-${readonly} script: `));
    expect(run('EVAL', "return redis.pcall('set', 'a', '1')", '0')).toBe(`-${readonly}\r\n`);
    expect(run('EVAL', '#!lua\nreturn 1', '0')).toBe(`-${readonly}\r\n`);
    expect(run('EVAL', "#!lua flags=no-writes\nreturn redis.call('get', 'a')", '0')).toBe('$-1\r\n');
  });
});

describe('error statistics', () => {
  it('counts errors once, where they arise, as redis-server 7.0.15 does', () => {
    const { server, run } = setup();
    run('EVAL', "return {redis.error_reply('x'), redis.pcall('nosuch'), redis.pcall('get')}", '0');
    // Observed on redis-server: errorstat_ERR:count=3, eval failed_calls=3, get rejected_calls=1.
    expect(server.stats.errorReplies.get('ERR')).toBe(3);
    expect(server.commands.get('eval')!.failedCalls).toBe(3);
    expect(server.commands.get('get')!.rejectedCalls).toBe(1);
  });

  it('does not count a relayed redis.call error twice', () => {
    const { server, run } = setup();
    run('SET', 's', 'x');
    run('EVAL', "return redis.call('incr', 's')", '0');
    expect(server.stats.errorReplies.get('ERR')).toBe(1);
    expect(server.commands.get('incr')!.failedCalls).toBe(1);
    expect(server.commands.get('eval')!.failedCalls).toBe(1);
  });
});

describe('used_memory_scripts_eval', () => {
  it('grows per script as on redis-server 7.0.15', () => {
    // Body length -> used_memory_scripts_eval with that one script cached, read from the real server.
    const observed: [number, number][] = [[8, 136], [12, 136], [13, 152], [39, 168], [46, 184], [109, 248], [259, 440], [1009, 1144], [5009, 5240], [40009, 41080]];
    for (const [length, memory] of observed) {
      const { server, run } = setup();
      run('EVAL', 'return 1'.padEnd(length, ' '), '0');
      expect([length, server.scriptingInfo!().usedMemoryScriptsEval]).toEqual([length, memory]);
    }
  });
});
