import { describe, expect, it } from 'vitest';
import { lauxlib, lua } from 'fengari';
import type { Reply } from '@redmoon/core';
import { toLuaBytes } from './bytes.ts';
import { luaToReply, toLongLong } from './convert.ts';

/** Evaluate a chunk in a bare state and convert its result as a script's return value. */
function convert(chunk: string, resp: 2 | 3 = 2): Reply {
  const L = lauxlib.luaL_newstate();
  const code = toLuaBytes(chunk);
  expect(lauxlib.luaL_loadbufferx(L, code, code.length, 'test', 't')).toBe(lua.LUA_OK);
  lua.lua_call(L, 0, 1);
  const r = luaToReply(L, resp);
  expect(lua.lua_gettop(L)).toBe(0);
  return r;
}

/** Depth of nested one-element arrays, and the innermost reply. */
function innermost(r: Reply): [number, Reply] {
  let depth = 0;
  while (r.t === 'array' && r.v.length === 1) {
    r = r.v[0];
    depth++;
  }
  return [depth, r];
}

const nested = (n: number): string => `local t = {} local c = t for i = 1, ${n} do c[1] = {} c = c[1] end return t`;

describe('luaToReply', () => {
  it('converts tables nested as deep as Redis allows', () => {
    expect(innermost(convert(nested(7994)))).toEqual([7994, { t: 'array', v: [] }]);
  });

  it('answers "reached lua stack limit" one level deeper, as Redis does', () => {
    expect(innermost(convert(nested(7995)))).toEqual([7995, { t: 'error', v: 'ERR reached lua stack limit' }]);
    expect(innermost(convert(nested(20000)))).toEqual([7995, { t: 'error', v: 'ERR reached lua stack limit' }]);
  });

  it('leaves the stack balanced for maps and sets', () => {
    expect(convert('return {map = {a = {set = {x = true}}}}', 3)).toEqual({
      t: 'map', v: [[{ t: 'bulk', v: 'a' }, { t: 'set', v: [{ t: 'bulk', v: 'x' }] }]],
    });
    expect(convert('return {1, {map = {}}, {set = {}}, {ok = "x"}, "s"}')).toEqual({
      t: 'array',
      v: [{ t: 'int', v: 1 }, { t: 'map', v: [] }, { t: 'set', v: [] }, { t: 'simple', v: 'x' }, { t: 'bulk', v: 's' }],
    });
  });

  it('casts numbers as C does', () => {
    expect(toLongLong(3.99)).toBe(3);
    expect(toLongLong(-3.99)).toBe(-3);
    expect(toLongLong(NaN)).toBe(-(2n ** 63n));
    expect(toLongLong(2 ** 63)).toBe(-(2n ** 63n));
    expect(toLongLong(-(2 ** 63))).toBe(-(2n ** 63n));
    expect(toLongLong(2 ** 62)).toBe(2n ** 62n);
  });
});
