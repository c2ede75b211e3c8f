// ScriptingEngine.onCall: a host's trace of the commands scripts and functions run.
import { describe, expect, it } from 'vitest';
import type { Reply } from '@redmoon/core';
import { createScriptingServer, scriptingFor } from './index.ts';

describe('ScriptingEngine.onCall', () => {
  it('sees every redis.call and redis.pcall with its reply, reads and refusals included', () => {
    const server = createScriptingServer();
    const c = server.createClient();
    const calls: [readonly string[], Reply][] = [];
    scriptingFor(server).onCall = (argv, reply) => calls.push([[...argv], reply]);
    server.execute(c, ['EVAL', "redis.call('SET', KEYS[1], ARGV[1]); redis.call('GET', KEYS[1]); redis.pcall('INCR', KEYS[1]); return redis.pcall('NOPE')", '1', 'k', 'v']);
    expect(calls.map(([argv]) => argv.join(' '))).toEqual(['SET k v', 'GET k', 'INCR k', 'NOPE']);
    expect(calls.map(([, r]) => r)).toEqual([
      { t: 'simple', v: 'OK' },
      { t: 'bulk', v: 'v' },
      { t: 'error', v: 'ERR value is not an integer or out of range' },
      { t: 'error', v: 'ERR Unknown Redis command called from script' },
    ]);
  });

  it('sees the calls of functions too', () => {
    const server = createScriptingServer();
    const c = server.createClient();
    const calls: string[] = [];
    scriptingFor(server).onCall = (argv) => calls.push(argv.join(' '));
    server.execute(c, ['FUNCTION', 'LOAD', "#!lua name=lib\nredis.register_function('f', function(keys) return redis.call('EXISTS', keys[1]) end)"]);
    expect(server.execute(c, ['FCALL', 'f', '1', 'x'])).toEqual({ t: 'int', v: 0 });
    expect(calls).toEqual(['EXISTS x']);
  });
});
