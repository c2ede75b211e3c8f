// math.random / math.randomseed as Redis replaces them (script_lua.c): Lua's own
// functions with rand() swapped for redisLrand48() (rand.c), a 48-bit linear
// congruential generator. Its state is process-global in Redis and never reset
// between scripts, so one generator is shared by every server in the process.
import { type LuaState, lauxlib, lua } from 'fengari';

const A = 0x5deece66dn;
const C = 0xbn;
const MASK48 = (1n << 48n) - 1n;
/** REDIS_LRAND48_MAX (INT32_MAX). */
const LRAND48_MAX = 2147483647;

/** rand.c's initial x[] = {0x330E, 0xABCD, 0x1234}. */
let state = 0x1234abcd330en;

/** redisLrand48(): the next 31-bit value. */
export function lrand48(): number {
  state = (A * state + C) & MASK48;
  return Number(state >> 17n);
}

/** redisSrand48(seed): x[] = {0x330E, LOW(seed), HIGH(seed)} of the 32-bit seed. */
export function srand48(seed: number): void {
  state = (BigInt(seed >>> 0) << 16n) | 0x330en;
}

/** luaL_checkint of Lua 5.1: a number cast to a C int. */
function checkInt(L: LuaState, arg: number): number {
  return Math.trunc(lauxlib.luaL_checknumber(L, arg)) | 0;
}

/** redis_math_random: Lua 5.1's math_random over redisLrand48. */
export function mathRandom(L: LuaState): number {
  const r = (lrand48() % LRAND48_MAX) / LRAND48_MAX;
  switch (lua.lua_gettop(L)) {
    case 0:
      lua.lua_pushnumber(L, r);
      break;
    case 1: {
      const u = checkInt(L, 1);
      lauxlib.luaL_argcheck(L, u >= 1, 1, 'interval is empty');
      lua.lua_pushnumber(L, Math.floor(r * u) + 1);
      break;
    }
    case 2: {
      const l = checkInt(L, 1);
      const u = checkInt(L, 2);
      lauxlib.luaL_argcheck(L, l <= u, 2, 'interval is empty');
      lua.lua_pushnumber(L, Math.floor(r * (u - l + 1)) + l);
      break;
    }
    default:
      return lauxlib.luaL_error(L, 'wrong number of arguments');
  }
  return 1;
}

/** redis_math_randomseed. */
export function mathRandomseed(L: LuaState): number {
  srand48(checkInt(L, 1));
  return 0;
}
