// string.format as Redis 7.0.15's Lua 5.1 (lstrlib.c str_format handing each
// item to glibc's sprintf), pinned on redmoon's patched fengari engine. Every
// expected outcome was copied from redis-server 7.0.15 (see harness.ts).
import { describe, expect, it } from 'vitest';
import { type Case, runChunk } from './harness.ts';

// 3. %d/%i cast to long, %o/%u/%x/%X to unsigned long, %c to int (x86-64 rules for
// out-of-range values); floats exact with glibc's rounding; %s stops at a zero byte
// unless the string is 100 bytes or more; %q as 5.1; 5.1's format errors.
const FORMAT: Case[] = [
  ["return string.format('%d', 3.5)", "3"],
  ["return string.format('%d', -3.5)", "-3"],
  ["return string.format('%d', -0.5)", "0"],
  ["return string.format('%5.3d', 7)", "  007"],
  ["return string.format('%x', -1)", "ffffffffffffffff"],
  ["return string.format('%X', 255)", "FF"],
  ["return string.format('%x', 2^53)", "20000000000000"],
  ["return string.format('%d', 2^63)", "-9223372036854775808"],
  ["return string.format('%d', 1e100)", "-9223372036854775808"],
  ["return string.format('%d', 0/0)", "-9223372036854775808"],
  ["return string.format('%x|%x|%x|%x|%x|%x|%u', 2^63, 2^64, 0/0, -2^63, 1e300, -1e300, 2^63+2^62)", "8000000000000000|0|8000000000000000|8000000000000000|0|8000000000000000|13835058055282163712"],
  ["return string.format('%i', 42.9)", "42"],
  ["return string.format('%o', 8)", "10"],
  ["return string.format('%u', -1)", "18446744073709551615"],
  ["return string.format('%x', 3.7)", "3"],
  ["return string.format('%g', 1e20)", "1e+20"],
  ["return string.format('%g', 0.1)", "0.1"],
  ["return string.format('%g|%g|%g|%g', 100000, 1000000, 1e-5, 1e-4)", "100000|1e+06|1e-05|0.0001"],
  ["return string.format('%.3g', 0.0001234)", "0.000123"],
  ["return string.format('%#.3g', 1)", "1.00"],
  ["return string.format('%.20g', 0.1)", "0.10000000000000000555"],
  ["return string.format('%e', 12345.6789)", "1.234568e+04"],
  ["return string.format('%G %E', 1e-10, 1e-10)", "1E-10 1.000000E-10"],
  ["return string.format('%f', 1/3)", "0.333333"],
  ["return string.format('%.3f', 2.0005)", "2.001"],
  ["return string.format('%.0f|%.0f|%.0f|%.1f', 0.5, 1.5, 2.5, 0.25)", "0|2|2|0.2"],
  ["return string.format('%.99f', 1)", "1.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"],
  ["return string.format('%10.4f|%-10.2f|%+d|% d|%05d', 3.14159, 2.5, 5, 5, 42)", "    3.1416|2.50      |+5| 5|00042"],
  ["return string.format('%+.3e|%010.2f|%-8g|%08.3g', -0.0001, -3.14159, 2.5, -1e-10)", "-1.000e-04|-000003.14|2.5     |-001e-10"],
  ["return string.format('%#x %#o %#g', 255, 8, 1)", "0xff 010 1.00000"],
  ["return string.format('%#5x|%#o|%#X', 0, 0, 255)", "    0|0|0XFF"],
  ["return string.format('%.0e|%#.0e|%#.0f', 12345, 12345, 3)", "1e+04|1.e+04|3."],
  ["return string.format('%.d|%.0d|%.0x', 0, 0, 0)", "||"],
  ["return string.format('% 05d|%+05d', 42, 42)", " 0042|+0042"],
  ["return string.format('%5.1f', -0.0)", " -0.0"],
  ["return string.format('%f|%e|%g', 1/0, -1/0, 0/0)", "inf|-inf|-nan"],
  ["return string.format('%05f', 1/0)", "  inf"],
  ["return string.format('%010.3f', 0/0)", "      -nan"],
  ["return string.format('%q', 'a\\0b\\n\"\\\\\\r')", "\"a\\000b\\\n\\\"\\\\\\r\""],
  ["return string.format('%q', 'a\\0001')", "\"a\\0001\""],
  ["return string.format('%q', 1/3)", "\"0.33333333333333\""],
  ["return string.format('%s', 'a\\0b')", "a"],
  ["return string.format('%5s|', 'a\\0b')", "    a|"],
  ["return string.format('%5.2s|', 'abc')", "   ab|"],
  ["return string.format('%-5s|%05s|', 'ab', 'ab')", "ab   |   ab|"],
  ["return string.format('%s', 1/3)", "0.33333333333333"],
  ["return string.format('%s|', string.rep('a', 100)..'\\0b')", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\u0000b|"],
  ["return string.format('%.3s|', string.rep('a', 100)..'\\0b')", "aaa|"],
  ["return string.format('%c%c', 65, 256+66)", "AB"],
  ["return string.format('%c', 0)", ""],
  ["return string.format('%5c|', 0)", "    |"],
  ["return string.format('%-5c|', 0)", "|"],
  ["return string.format('%c', 2^40+65)", ""],
  ["return string.format('%c', -191)", "A"],
  ["return string.format('%5c|', 65)", "    A|"],
  ["return string.format('%%')", "%"],
  ["return string.format('%d', '12')", "12"],
  ["return string.format('%-----5d|', 1)", "1    |"],
  ["return string.format('%y', 1)", "error: user_script:1: invalid option '%y' to 'format'"],
  ["return string.format('%a', 1)", "error: user_script:1: invalid option '%a' to 'format'"],
  ["return string.format('%s %s', 1)", "error: user_script:1: bad argument #3 to 'format' (no value)"],
  ["return string.format('%')", "error: user_script:1: bad argument #2 to 'format' (no value)"],
  ["return string.format('%d', 'x')", "error: user_script:1: bad argument #2 to 'format' (number expected, got string)"],
  ["return string.format('%123d', 1)", "error: user_script:1: invalid format (width or precision too long)"],
  ["return string.format('%1.123f', 1)", "error: user_script:1: invalid format (width or precision too long)"],
  ["return string.format('%--------5d', 1)", "error: user_script:1: invalid format (repeated flags)"],
  ["return string.format('%s', {})", "error: user_script:1: bad argument #2 to 'format' (string expected, got table)"],
  ["return string.format('%s', nil)", "error: user_script:1: bad argument #2 to 'format' (string expected, got nil)"],
  ["return string.format('%5s', true)", "error: user_script:1: bad argument #2 to 'format' (string expected, got boolean)"],
];

describe('3. string.format', () => {
  it.each(FORMAT)('%s', (lua, redis) => {
    expect(runChunk(lua)).toBe(redis);
  });
});
