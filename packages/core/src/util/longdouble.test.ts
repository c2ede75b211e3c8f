// long double emulation, checked against values redis-server 7.0.15 gave for
// `SET k <a>` then `INCRBYFLOAT k <b>` (x86-64, glibc strtold/printf). A random
// sweep of 45,000 pairs against the live server also matched before these were pinned.
import { describe, expect, test } from 'vitest';
import {
  addLongDouble, formatLongDoubleHuman, isFiniteLongDouble, longDoubleFromInt, parseLongDouble,
} from './longdouble.ts';

const NOT_FLOAT = 'ERR value is not a valid float';
const NAN_OR_INF = 'ERR increment would produce NaN or Infinity';

/** What INCRBYFLOAT answers for a key holding a, incremented by b. */
function incrbyfloat(a: string, b: string): string {
  const x = parseLongDouble(a);
  const y = parseLongDouble(b);
  if (x === null || y === null) return NOT_FLOAT;
  const sum = addLongDouble(x, y);
  return isFiniteLongDouble(sum) ? formatLongDoubleHuman(sum) : NAN_OR_INF;
}

const LD_1E308 =
  '99999999999999999996685879655845645660560099847415567207797047994921734868838061872100126921888539320446747225054013223152134749593960583597420814430196418767959100019603190778663109604507106667939153395788938914560543563061268364901618630217086589253444881623791300855757318142424510452728255046343928578048';

// [a, b, reply of the real server]
const OBSERVED: [string, string, string][] = [
  ['10.5', '0.1', '10.6'],
  ['0.1', '0.2', '0.3'],
  ['1.1', '2.2', '3.3'],
  ['5.0e3', '0', '5000'],
  ['0', '1e308', LD_1E308],
  ['1e4932', '1e4932', NAN_OR_INF],
  ['1.18973149535723176508e4932', '0', NOT_FLOAT],
  ['0x1.fffffffffffffffep16383', '0x1p16319', NAN_OR_INF],
  ['0x1p-16445', '0', '0'],
  ['0x1p-16446', '0', NOT_FLOAT],
  ['0x1.8p-16446', '0', '0'],
  ['1e-4950', '0', '0'],
  ['1e-4951', '0', NOT_FLOAT],
  ['3.6e-4951', '0', '0'],
  ['1.8e-4951', '0', NOT_FLOAT],
  ['1e-4960', '0', NOT_FLOAT],
  ['1e-20', '0', '0'],
  ['-1e-20', '0', '0'],
  ['-0', '-0', '0'],
  ['18446744073709551617', '0', '18446744073709551616'],
  ['18446744073709551619', '0', '18446744073709551620'],
  ['18446744073709551615', '0', '18446744073709551615'],
  ['9223372036854775807', '1', '9223372036854775808'],
  ['-9223372036854775808', '-1', '-9223372036854775809'],
  ['0.000003814697265625', '0', '0.00000381469726562'],
  ['0.000011444091796875', '0', '0.00001144409179688'],
  ['0.000000000000000005', '0', '0'],
  ['0.000000000000000015', '0', '0.00000000000000002'],
  ['.5', '.5', '1'],
  ['5.', '1', '6'],
  ['+1', '+1', '2'],
  ['1e', '1', NOT_FLOAT],
  ['1.5\0', '1', NOT_FLOAT],
  ['inf', '1', NAN_OR_INF],
  ['-inf', '1', NAN_OR_INF],
  ['infinity', '0', NAN_OR_INF],
  ['INF', '-INF', NAN_OR_INF],
  ['nan', '1', NOT_FLOAT],
  ['0x', '1', NOT_FLOAT],
  [' 1', '1', NOT_FLOAT],
  ['1 ', '1', NOT_FLOAT],
  ['', '1', NOT_FLOAT],
  ['1', '', NOT_FLOAT],
  ['1', '\t1', NOT_FLOAT],
  ['0x1P+4', '0X.8p1', '17'],
  ['0x.', '1', NOT_FLOAT],
  ['1e+', '1', NOT_FLOAT],
  ['-.0e-0', '0', '0'],
  ['00000000000000000000000000001.5', '0', '1.5'],
  ['1e99999999999999999999', '0', NOT_FLOAT],
  ['1e-99999999999999999999', '0', NOT_FLOAT],
  ['0e99999999999999999999', '0', '0'],
  ['123456789.123456789123456789', '0', '123456789.12345678912242875'],
  ['-123456789.98765432109876543', '1e-10', '-123456789.98765432099753525'],
  ['3.14159265358979323846264338327950288', '0', '3.14159265358979324'],
  ['1e18', '0.5', '1000000000000000000.5'],
  ['1e19', '0.5', '10000000000000000000'],
  ['1e20', '0.5', '100000000000000000000'],
  ['99999999999999999.99999', '0', '100000000000000000'],
  ['0.99999999999999999999', '0', '1'],
  ['0.999999999999999995', '0', '1'],
  ['0.999999999999999985', '0', '0.99999999999999998'],
];

describe('INCRBYFLOAT arithmetic', () => {
  test.each(OBSERVED)('%j + %j', (a, b, expected) => {
    expect(incrbyfloat(a, b)).toBe(expected);
  });

  test('1e308 twice does not overflow in long double', () => {
    const once = incrbyfloat('0', '1e308');
    expect(incrbyfloat(once, '1e308')).toBe(
      '199999999999999999993371759311691291321120199694831134415594095989843469737676123744200253843777078640893494450108026446304269499187921167194841628860392837535918200039206381557326219209014213335878306791577877829121087126122536729803237260434173178506889763247582601711514636284849020905456510092687857156096',
    );
  });

  test('the largest finite value prints all 4933 digits', () => {
    for (const max of ['0x1.fffffffffffffffep16383', '1.18973149535723176502e4932']) {
      const s = incrbyfloat(max, '0');
      expect(s.length).toBe(4933);
      expect(s.startsWith('118973149535723176502126385303')).toBe(true);
    }
  });
});

describe('string2ld limits', () => {
  test('inputs of MAX_LONG_DOUBLE_CHARS (5120) bytes or more are refused', () => {
    expect(incrbyfloat(`${'0'.repeat(5118)}1`, '0')).toBe('1');
    expect(incrbyfloat(`${'0'.repeat(5119)}1`, '0')).toBe(NOT_FLOAT);
  });

  test('every leading whitespace byte is refused', () => {
    for (const ws of [' ', '\t', '\n', '\v', '\f', '\r']) expect(parseLongDouble(`${ws}1`)).toBeNull();
  });
});

describe('longDoubleFromInt', () => {
  test('int64 values are exact', () => {
    for (const n of [0n, 1n, -1n, 9223372036854775807n, -9223372036854775808n, 123456789012345678n]) {
      expect(formatLongDoubleHuman(longDoubleFromInt(n))).toBe(String(n));
    }
  });
});
