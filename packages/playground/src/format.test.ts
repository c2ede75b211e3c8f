// The console's printer: expected texts are what redis-cli 7.0.15 printed for the
// same replies from redis-server 7.0.15 (`redis-cli --no-raw -3`, EVAL of each shape).
import { describe, expect, it } from 'vitest';
import { createScriptingServer } from '@redmoon/lua';
import { formatReply } from './format.ts';

function cli(script: string, protocol: 2 | 3): string {
  const server = createScriptingServer();
  const c = server.createClient();
  if (protocol === 3) server.execute(c, ['HELLO', '3']);
  return formatReply(server.execute(c, ['EVAL', script, '0']), protocol);
}

describe('formatReply', () => {
  it('prints RESP3 types as redis-cli -3 does', () => {
    expect(cli('return {double=1.5}', 3)).toBe('(double) 1.5\n');
    expect(cli("return {verbatim_string={format='txt', string='hi there'}}", 3)).toBe('hi there\n');
    expect(cli('return {map={}}', 3)).toBe('(empty hash)\n');
    expect(cli('return {set={}}', 3)).toBe('(empty set)\n');
    expect(cli('return {}', 3)).toBe('(empty array)\n');
    expect(cli('return nil', 3)).toBe('(nil)\n');
    expect(cli("return {map={a={map={x=1}}}}", 3)).toBe('1# "a" => 1# "x" => (integer) 1\n');
    expect(cli("return {1,{map={x={1,{2,3}}}},{}}", 3)).toBe(
      '1) (integer) 1\n2) 1# "x" => \n      1) (integer) 1\n      2) 1) (integer) 2\n         2) (integer) 3\n3) (empty array)\n',
    );
    expect(cli("return {map={a={}}}", 3)).toBe('1# "a" => (empty array)\n');
  });

  it('prints RESP2 replies with the redis-cli printer', () => {
    expect(cli("return {1,'x',{err='ERR bad'},false}", 2)).toBe('1) (integer) 1\n2) "x"\n3) (error) ERR bad\n4) (nil)\n');
    expect(cli("return {map={a=1}}", 2)).toBe('1) "a"\n2) (integer) 1\n');
  });
});
