// The RDB building blocks against known values: CRC-64/Jones's check value, LZF
// output of liblzf as redis-server 7.0.15 produced it, listpack and intset blobs
// byte for byte, and round trips over every entry encoding.
import { describe, expect, test } from 'vitest';
import { crc64LE } from './crc64.ts';
import { RdbReader, RdbWriter } from './encoding.ts';
import { decodeIntset, encodeIntset } from './intset.ts';
import { decodeListpack, encodeListpack } from './listpack.ts';
import { lzfCompress, lzfDecompress } from './lzf.ts';

const hex = (s: string): string => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');

/** A deterministic byte generator (xorshift), so failures reproduce. */
function bytes(n: number, seed: number, alphabet = 256): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    s += String.fromCharCode((x >>> 0) % alphabet);
  }
  return s;
}

describe('crc64', () => {
  test('check value of CRC-64/Jones (crc64.c test)', () => {
    expect(hex(crc64LE('123456789'))).toBe('cad9b8c414d9c6e9');
  });
  test('a range of a string', () => {
    expect(crc64LE('xx123456789yy', 2, 11)).toBe(crc64LE('123456789'));
  });
});

describe('lzf', () => {
  test('compresses as liblzf does (DUMP of SET k x*100 on redis-server)', () => {
    expect(hex(lzfCompress('x'.repeat(100), 96)!)).toBe('017878e05700017878');
  });
  test('gives up when the output would not fit', () => {
    expect(lzfCompress(bytes(100, 7), 96)).toBeNull();
  });
  test.each([[1, 2], [2, 5], [3, 50], [4, 300], [5, 5000], [6, 70000]])('round trip #%i (%i bytes, small alphabet)', (seed, n) => {
    const s = bytes(n, seed, 4);
    const packed = lzfCompress(s, n + 64)!;
    expect(lzfDecompress(packed, n)).toBe(s);
  });
  test('refuses a back reference before the start, and a wrong length', () => {
    expect(lzfDecompress('\xe0\x05\x00', 10)).toBeNull();
    expect(lzfDecompress('\x01ab', 3)).toBeNull();
    expect(lzfDecompress('\x01ab', 1)).toBeNull();
  });
});

describe('lengths and strings', () => {
  test.each([0, 63, 64, 16383, 16384, 2 ** 32 - 1, 2 ** 32, 2 ** 40])('length %i round trips', (n) => {
    const w = new RdbWriter(true);
    w.len(n);
    expect(new RdbReader(w.toString()).len()).toBe(n);
  });
  test('integer encodings of short canonical strings', () => {
    const enc = (s: string): string => {
      const w = new RdbWriter(true);
      w.string(s);
      return hex(w.toString());
    };
    expect(enc('42')).toBe('c02a');
    expect(enc('-129')).toBe('c17fff');
    expect(enc('2147483647')).toBe('c2ffffff7f');
    expect(enc('2147483648')).toBe('0a32313437343833363438');
    expect(enc('007')).toBe('03303037');
    expect(enc('-0')).toBe('022d30');
  });
  test.each(['', 'a', '123', '-32768', 'x'.repeat(21), bytes(2000, 9, 3), bytes(100, 3)])('string round trip %#', (s) => {
    const w = new RdbWriter(true);
    w.string(s);
    expect(new RdbReader(w.toString()).string()).toBe(s);
  });
  test('short reads and unknown encodings are corruption', () => {
    expect(() => new RdbReader('\x05abc').string()).toThrow();
    expect(() => new RdbReader('\xc5').string()).toThrow();
    expect(() => new RdbReader('\x82').len()).toThrow();
  });
});

describe('listpack', () => {
  test('the bytes of HSET hash f v n 7 on redis-server', () => {
    expect(hex(encodeListpack(['f', 'v', 'n', '7']))).toBe('120000000400816602817602816e020701ff');
  });
  const ELEMENTS = ['0', '127', '128', '-1', '-4096', '4095', '4096', '32767', '-32768', '32768', '8388607', '-8388608',
    '8388608', '2147483647', '-2147483648', '2147483648', '9223372036854775807', '-9223372036854775808',
    '', '01', '-0', '+1', '1.5', 'x'.repeat(63), 'x'.repeat(64), 'y'.repeat(4095), 'z'.repeat(4096), bytes(20000, 5)];
  test('every entry encoding round trips', () => {
    expect(decodeListpack(encodeListpack(ELEMENTS))).toEqual(ELEMENTS);
  });
  test('the count saturates at 65535', () => {
    const many = Array.from({ length: 70000 }, (_, i) => String(i % 100));
    const lp = encodeListpack(many);
    expect(hex(lp.slice(4, 6))).toBe('ffff');
    expect(decodeListpack(lp)).toEqual(many);
  });
  test('damaged blobs are refused', () => {
    const lp = encodeListpack(['abc', '12']);
    expect(() => decodeListpack(lp.slice(0, -1))).toThrow();
    expect(() => decodeListpack(lp.slice(0, -1) + '\x00')).toThrow();
    expect(() => decodeListpack(lp.slice(0, 6) + '\xf7' + lp.slice(7))).toThrow();
    expect(() => decodeListpack(lp.slice(0, 4) + '\x03\x00' + lp.slice(6))).toThrow();
    expect(() => decodeListpack(lp.slice(0, 10) + '\x09' + lp.slice(11))).toThrow();
  });
});

describe('intset', () => {
  test('the narrowest width that holds every member', () => {
    expect(hex(encodeIntset(['1', '2', '3']))).toBe('0200000003000000010002000300');
    expect(hex(encodeIntset(['-1', '70000']))).toBe('0400000002000000ffffffff70110100');
    expect(decodeIntset(encodeIntset(['-9223372036854775808', '0', '9223372036854775807'])))
      .toEqual(['-9223372036854775808', '0', '9223372036854775807']);
  });
  test('damaged blobs are refused', () => {
    expect(() => decodeIntset('\x03\x00\x00\x00\x01\x00\x00\x00\x01\x00\x00')).toThrow();
    expect(() => decodeIntset('\x02\x00\x00\x00\x02\x00\x00\x00\x01\x00')).toThrow();
    expect(() => decodeIntset('\x02\x00\x00\x00\x02\x00\x00\x00\x02\x00\x01\x00')).toThrow();
  });
});
