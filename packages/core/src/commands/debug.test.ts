// DEBUG: refused unless enable-debug-command allows it; SLEEP, SET-ACTIVE-EXPIRE
// and HELP as redis-server 7.0.15 (started with --enable-debug-command yes) replies.
import { describe, expect, it } from 'vitest';
import { ControlledClock } from '../clock.ts';
import { E } from '../errors.ts';
import { encode2 } from '../resp/encode.ts';
import { RedisServer } from '../server.ts';

const run = (s: RedisServer, c = s.createClient()) => (...argv: string[]): string => encode2(s.execute(c, argv));

describe('DEBUG', () => {
  it('is refused by default, after the arity check and before authentication', () => {
    const s = new RedisServer({ config: { requirepass: 'pw' } });
    const r = run(s);
    expect(r('DEBUG')).toBe("-ERR wrong number of arguments for 'debug' command\r\n");
    expect(r('DEBUG', 'HELP')).toBe(`-${E.DEBUG_NOT_ALLOWED}\r\n`);
    expect(r('INFO', 'x')).toBe('-NOAUTH Authentication required.\r\n');
  });

  it('enable-debug-command is immutable, set at startup only', () => {
    const s = new RedisServer({ config: { 'enable-debug-command': 'yes' } });
    const r = run(s);
    expect(r('CONFIG', 'SET', 'enable-debug-command', 'no')).toBe(
      "-ERR CONFIG SET failed (possibly related to argument 'enable-debug-command') - can't set immutable config\r\n");
    expect(r('CONFIG', 'GET', 'enable-debug-command')).toBe('*2\r\n$20\r\nenable-debug-command\r\n$3\r\nyes\r\n');
    expect(r('DEBUG', 'SLEEP', '0')).toBe('+OK\r\n');
  });

  it('"local" allows in-process and loopback clients only', () => {
    const s = new RedisServer({ config: { 'enable-debug-command': 'local' } });
    expect(run(s)('DEBUG', 'SLEEP', '0')).toBe('+OK\r\n');
    const local = s.createClient();
    local.addr = '127.0.0.1:50000';
    expect(run(s, local)('DEBUG', 'SLEEP', '0')).toBe('+OK\r\n');
    const remote = s.createClient();
    remote.addr = '10.0.0.2:50000';
    expect(run(s, remote)('DEBUG', 'SLEEP', '0')).toBe(`-${E.DEBUG_NOT_ALLOWED}\r\n`);
  });

  it('SLEEP blocks for real time and leaves a frozen clock alone', () => {
    const clock = new ControlledClock();
    clock.freeze(1_000_000);
    const r = run(new RedisServer({ clock, config: { 'enable-debug-command': 'yes' } }));
    const t0 = Date.now();
    expect(r('DEBUG', 'SLEEP', '0.05')).toBe('+OK\r\n');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
    expect(clock.now()).toBe(1_000_000);
    // strtod prefix rules: garbage is 0, negative returns at once.
    expect(r('DEBUG', 'sleep', 'x')).toBe('+OK\r\n');
    expect(r('DEBUG', 'sleep', '-1')).toBe('+OK\r\n');
    expect(r('DEBUG', 'sleep', '1e-3')).toBe('+OK\r\n');
  });

  it('SET-ACTIVE-EXPIRE reads its argument with atoi', () => {
    const s = new RedisServer({ config: { 'enable-debug-command': 'yes' } });
    const r = run(s);
    expect(r('DEBUG', 'SET-ACTIVE-EXPIRE', '0')).toBe('+OK\r\n');
    expect(s.config.activeExpireEnabled).toBe(false);
    expect(r('DEBUG', 'set-active-expire', '5')).toBe('+OK\r\n');
    expect(s.config.activeExpireEnabled).toBe(true);
    expect(r('DEBUG', 'SET-ACTIVE-EXPIRE', 'x')).toBe('+OK\r\n');
    expect(s.config.activeExpireEnabled).toBe(false);
  });

  it('wrong subcommands and arities name the subcommand as given', () => {
    const r = run(new RedisServer({ config: { 'enable-debug-command': 'yes' } }));
    expect(r('DEBUG', 'sleep')).toBe("-ERR unknown subcommand or wrong number of arguments for 'sleep'. Try DEBUG HELP.\r\n");
    expect(r('DEBUG', 'SET-ACTIVE-EXPIRE')).toBe(
      "-ERR unknown subcommand or wrong number of arguments for 'SET-ACTIVE-EXPIRE'. Try DEBUG HELP.\r\n");
    expect(r('DEBUG', 'FOO')).toBe("-ERR unknown subcommand or wrong number of arguments for 'FOO'. Try DEBUG HELP.\r\n");
    expect(r('DEBUG', 'HELP', 'x')).toBe("-ERR unknown subcommand or wrong number of arguments for 'HELP'. Try DEBUG HELP.\r\n");
    const help = r('DEBUG', 'help');
    expect(help.startsWith('*106\r\n+DEBUG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n')).toBe(true);
    expect(help.endsWith('+HELP\r\n+    Prints this help.\r\n')).toBe(true);
  });
});
