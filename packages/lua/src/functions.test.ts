import { describe, expect, it } from 'vitest';
import { ControlledClock } from '@redmoon/core';
import { functionsFor, scriptingFor } from './index.ts';
import { argvs, setup } from './test-setup.ts';

const LIB = "#!lua name=p\nredis.register_function('pf', function(keys, args) redis.call('set', keys[1], '1') redis.call('incr', keys[1]) return 1 end)\n" +
  "redis.register_function('one', function(keys) return redis.call('set', keys[1], 'x') end)\n" +
  "redis.register_function{function_name='ro', flags={'no-writes'}, callback=function(keys) return redis.call('get', keys[1]) end}";

// What redis-server 7.0.15 wrote to its AOF for the same commands (appendonlydir/*.incr.aof).
describe('propagation, as the real AOF shows it', () => {
  it('sends FUNCTION LOAD, DELETE, FLUSH and RESTORE verbatim, failed ones not at all', () => {
    const { stream, run } = setup();
    expect(run('FUNCTION', 'LOAD', LIB)).toBe('$1\r\np\r\n');
    expect(run('FUNCTION', 'LOAD', LIB)).toMatch(/^-ERR Library 'p' already exists/);
    expect(run('FUNCTION', 'LOAD', 'REPLACE', LIB)).toBe('$1\r\np\r\n');
    const dump = run('FUNCTION', 'DUMP');
    const payload = dump.slice(dump.indexOf('\r\n') + 2, -2);
    expect(run('FUNCTION', 'DELETE', 'nosuch')).toBe('-ERR Library not found\r\n');
    expect(run('FUNCTION', 'DELETE', 'p')).toBe('+OK\r\n');
    expect(run('FUNCTION', 'RESTORE', payload)).toBe('+OK\r\n');
    expect(run('FUNCTION', 'RESTORE', payload)).toBe('-ERR Library p already exists\r\n');
    expect(run('FUNCTION', 'RESTORE', payload, 'REPLACE')).toBe('+OK\r\n');
    expect(run('FUNCTION', 'FLUSH', 'SYNC')).toBe('+OK\r\n');
    expect(run('FUNCTION', 'FLUSH')).toBe('+OK\r\n');
    expect(argvs(stream)).toEqual([
      ['FUNCTION', 'LOAD', LIB], ['FUNCTION', 'LOAD', 'REPLACE', LIB], ['FUNCTION', 'DELETE', 'p'],
      ['FUNCTION', 'RESTORE', payload], ['FUNCTION', 'RESTORE', payload, 'REPLACE'], ['FUNCTION', 'FLUSH', 'SYNC'], ['FUNCTION', 'FLUSH'],
    ]);
  });

  it("propagates a function's writes like a script's, never FCALL itself", () => {
    const { stream, run } = setup();
    run('FUNCTION', 'LOAD', LIB);
    stream.length = 0;
    expect(run('FCALL', 'pf', '1', 'k')).toBe(':1\r\n');
    expect(run('FCALL', 'one', '1', 'k')).toBe('+OK\r\n');
    expect(run('FCALL_RO', 'ro', '1', 'k')).toBe('$1\r\nx\r\n');
    expect(argvs(stream)).toEqual([['MULTI'], ['set', 'k', '1'], ['incr', 'k'], ['EXEC'], ['set', 'k', 'x']]);
  });
});

describe('the functions Lua state', () => {
  it('is separate from the scripts one: SCRIPT FLUSH keeps functions and their state', () => {
    const { run } = setup();
    run('FUNCTION', 'LOAD', "#!lua name=c\nlocal n = 0\nredis.register_function('count', function() n = n + 1 return n end)");
    expect(run('FCALL', 'count', '0')).toBe(':1\r\n');
    run('SCRIPT', 'FLUSH');
    expect(run('FCALL', 'count', '0')).toBe(':2\r\n');
    run('FUNCTION', 'FLUSH');
    expect(run('EVAL', 'return 1', '0')).toBe(':1\r\n');
  });

  it('times a library body out after 500 ms of the server clock', () => {
    const clock = new ControlledClock();
    const { run } = setup({ clock });
    let ticks = 0;
    const real = clock.now.bind(clock);
    // Each look at the clock moves it 10 ms on: the load hook sees 500 ms pass after ~50 of its checks.
    clock.now = () => real() + 10 * ticks++;
    expect(run('FUNCTION', 'LOAD', '#!lua name=slow\nwhile true do end')).toBe('-ERR Error registering functions: ERR FUNCTION LOAD timeout\r\n');
    expect(run('FUNCTION', 'LIST')).toBe('*0\r\n');
  });

  it('counts libraries and functions for INFO', () => {
    const { server, run } = setup();
    expect(functionsFor(server).info()).toMatchObject({ count: 0, libraries: 0 });
    run('FUNCTION', 'LOAD', LIB);
    expect(functionsFor(server).info()).toMatchObject({ count: 3, libraries: 1 });
    expect(scriptingFor(server).running).toBeNull();
  });
});
