// ACL LOAD / SAVE against a real aclfile: texts checked against redis-server 7.0.15.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode2, RedisServer } from '@redmoon/core';
import { afterEach, expect, test } from 'vitest';
import { applyNodeHostFacts } from './host.ts';

let dir = '';
afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

function serverWithFile(content: string | null): { run: (...a: string[]) => string; file: string } {
  dir = mkdtempSync(join(tmpdir(), 'redmoon-acl-'));
  const file = join(dir, 'users.acl');
  if (content !== null) writeFileSync(file, content);
  const server = new RedisServer({ config: { aclfile: file } });
  applyNodeHostFacts(server);
  const c = server.createClient();
  return { run: (...a) => encode2(server.execute(c, a)), file };
}

test('ACL LOAD replaces the users, ACL SAVE writes them back', () => {
  const { run, file } = serverWithFile('user default on nopass ~* &* +@all\nuser x on >p ~k +get\n');
  expect(run('ACL', 'LOAD')).toBe('+OK\r\n');
  expect(run('ACL', 'LIST')).toBe(
    '*2\r\n$34\r\nuser default on nopass ~* &* +@all\r\n' +
    '$103\r\nuser x on #148de9c5a7a44d19e56cd9ae1a554bf67847afb0c58f6e12fa29ac7ddfca9940 ~k resetchannels -@all +get\r\n');
  expect(run('ACL', 'SETUSER', 'y', 'on')).toBe('+OK\r\n');
  expect(run('ACL', 'SAVE')).toBe('+OK\r\n');
  expect(readFileSync(file, 'latin1')).toBe('user default on nopass ~* &* +@all\n' +
    'user x on #148de9c5a7a44d19e56cd9ae1a554bf67847afb0c58f6e12fa29ac7ddfca9940 ~k resetchannels -@all +get\n' +
    'user y on resetchannels -@all\n');
});

test('ACL LOAD reports every bad line and changes nothing', () => {
  const { run, file } = serverWithFile('user z bogus +nosuch\nfoo\nuser x\nuser x\nuser "a b"\n');
  expect(run('ACL', 'LOAD')).toBe(`-ERR ${file}:1: Syntax error. ${file}:1: Error in applying operation '+nosuch': Unknown command or category name in ACL. ${file}:2 should start with user keyword followed by the username. WARNING: Duplicate user 'x' found on line 4. ${file}:5: Syntax error. WARNING: ACL errors detected, no change to the previously active ACL rules was performed\r\n`);
  writeFileSync(file, 'user q (+get\n');
  expect(run('ACL', 'LOAD')).toBe(`-ERR ${file}:1: Unmatched parenthesis in selector definition.WARNING: ACL errors detected, no change to the previously active ACL rules was performed\r\n`);
  expect(run('ACL', 'USERS')).toBe('*1\r\n$7\r\ndefault\r\n');
  writeFileSync(file, 'user default on nopass ~* &* +@all\nuser w on\n\n  \r\n');
  expect(run('ACL', 'LOAD')).toBe('+OK\r\n');
  expect(run('ACL', 'LIST')).toBe('*2\r\n$34\r\nuser default on nopass ~* &* +@all\r\n$29\r\nuser w on resetchannels -@all\r\n');
});

test('ACL LOAD of a missing file', () => {
  const { run, file } = serverWithFile(null);
  expect(run('ACL', 'LOAD')).toBe(`-ERR Error loading ACLs, opening file '${file}': No such file or directory\r\n`);
});
