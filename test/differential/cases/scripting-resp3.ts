// Script replies and redis.call conversions across RESP versions: the client's
// (HELLO 3) and the script's own (redis.setresp), and RESP2 degradations.
import type { Case } from '../case.ts';

const one = (name: string, script: string, resp3?: true): Case =>
  (resp3 ? { name, resp3, cmds: [['EVAL', script, '0']] } : { name, cmds: [['EVAL', script, '0']] });

/** The same script on a RESP2 and on a RESP3 connection. */
const both = (name: string, script: string): Case[] => [one(`${name} (resp2)`, script), one(`${name} (resp3)`, script, true)];

/** Like both(), comparing the map reply by sorted pairs. */
const sortedPairs = (name: string, script: string): Case[] => [
  { name: `${name} (resp2)`, cmds: [{ cmd: ['EVAL', script, '0'], sort: 'pairs' }] },
  { name: `${name} (resp3)`, resp3: true, cmds: [{ cmd: ['EVAL', script, '0'], sort: 'pairs' }] },
];

export const cases: Case[] = [
  ...both('true', 'return true'),
  ...both('false', 'return false'),
  ...both('nil', 'return nil'),
  ...both('setresp3 true', 'redis.setresp(3) return true'),
  ...both('setresp3 false', 'redis.setresp(3) return false'),
  ...both('double', 'return {double = 3.14}'),
  ...both('double negative exponent', 'return {double = 1.5e-7}'),
  ...both('double inf', 'return {double = -1/0}'),
  ...both('double string ignored', "return {double = '3.5'}"),
  ...both('big number', "return {big_number = '1234567890123456789012345678901234567890'}"),
  ...both('big number crlf', "return {big_number = '12\\r\\n34'}"),
  ...both('verbatim', "return {verbatim_string = {format = 'txt', string = 'some text'}}"),
  ...both('verbatim markdown', "return {verbatim_string = {format = 'mkd', string = '# title'}}"),
  ...both('map', "return {map = {key = 'value'}}"),
  ...both('map nested', "return {map = {k = {1, 2, {map = {inner = true}}}}}"),
  ...both('map empty', 'return {map = {}}'),
  ...both('set', "return {set = {member = true}}"),
  ...both('set empty', 'return {set = {}}'),
  ...both('array of resp3 types', "return {{double = 1.5}, {big_number = '9'}, {set = {}}}"),
  ...both('status', "return {ok = 'fine'}"),
  ...both('error', "return {err = 'CODE message'}"),
  ...both('get missing after setresp3', "redis.setresp(3) return redis.call('get', 'nokey')"),
  ...both('get missing is nil after setresp3', "redis.setresp(3) return redis.call('get', 'nokey') == nil"),
  ...both('mget with nil after setresp3', "redis.setresp(3) return redis.call('mget', 'a', 'nokey', 'b')"),
  ...both('lcs idx is a map after setresp3', "redis.call('mset', 'a', 'ohmytext', 'b', 'mynewtext') redis.setresp(3) local r = redis.call('lcs', 'a', 'b', 'idx') return {type(r.map), r.map.len}"),
  // A map reply comes from a Lua table: its order is the table's, undefined.
  ...sortedPairs('lcs idx returned after setresp3', "redis.call('mset', 'a', 'ohmytext', 'b', 'mynewtext') redis.setresp(3) return redis.call('lcs', 'a', 'b', 'idx')"),
  ...sortedPairs('map of two', "return {map = {a = 1, b = 2, c = 3}}"),
  ...both('lcs idx is flat under resp2', "redis.call('mset', 'a', 'ohmytext', 'b', 'mynewtext') local r = redis.call('lcs', 'a', 'b', 'idx') return {#r, r[1], r[3]}"),
  ...both('incrbyfloat stays a string', "return redis.call('incrbyfloat', 'f', '1.5')"),
  ...both('setresp back to 2', "redis.setresp(3) redis.setresp(2) return redis.call('get', 'nokey')"),
  ...both('hgetall after setresp3', "redis.call('hset', 'h', 'f', 'v') redis.setresp(3) local r = redis.call('hgetall', 'h') return r.map.f"),
  ...both('smembers after setresp3', "redis.call('sadd', 's', 'm') redis.setresp(3) local r = redis.call('smembers', 's') return tostring(r.set.m)"),
  ...both('zscore after setresp3', "redis.call('zadd', 'z', '1.5', 'm') redis.setresp(3) local r = redis.call('zscore', 'z', 'm') return r.double * 2"),
  ...both('zscore under resp2 is a string', "redis.call('zadd', 'z', '1.5', 'm') return redis.call('zscore', 'z', 'm')"),
];
