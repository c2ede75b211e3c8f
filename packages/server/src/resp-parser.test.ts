import { describe, expect, it } from 'vitest';
import { INLINE_MAX_SIZE, type ParseLimits, PROTOCOL_ERRORS, parseLongLong, RespParser, splitInlineArgs } from './resp-parser.ts';

const LIMITS: ParseLimits = { protoMaxBulkLen: 512 * 1024 * 1024, authRequired: false };

/** Feed the chunks and collect every command, plus the error if the input was rejected. */
function parseChunks(chunks: Buffer[], limits = LIMITS): { commands: string[][]; error: string | null } {
  const p = new RespParser();
  const commands: string[][] = [];
  for (const chunk of chunks) {
    p.push(chunk);
    for (let argv = p.next(limits); argv !== null; argv = p.next(limits)) commands.push(argv);
    if (p.error !== null) break;
  }
  return { commands, error: p.error };
}

const parse = (input: string, limits = LIMITS) => parseChunks([Buffer.from(input, 'latin1')], limits);

/** Every byte value once: arguments are binary, one char per byte. */
const ALL_BYTES = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');

const mbulk = (...args: string[]): string => `*${args.length}\r\n${args.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;

describe('multibulk requests', () => {
  it('parses commands with binary and empty arguments', () => {
    expect(parse(mbulk('SET', 'k', ALL_BYTES) + mbulk('GET', '') + mbulk('PING'))).toEqual({
      commands: [['SET', 'k', ALL_BYTES], ['GET', ''], ['PING']],
      error: null,
    });
  });

  it('returns the same commands however the stream is split', () => {
    const stream =
      mbulk('SET', 'key', ALL_BYTES) + 'PING "a b" \'c\\\'d\'\r\n' + '*0\r\n*-1\r\n' + '\r\n' + mbulk('ECHO', '\r\n$3\r\n') + 'ECHO x\n';
    const whole = parse(stream);
    expect(whole.commands).toHaveLength(4);
    const bytes = Buffer.from(stream, 'latin1');
    for (let i = 1; i < bytes.length; i++) {
      expect(parseChunks([bytes.subarray(0, i), bytes.subarray(i)])).toEqual(whole);
    }
    const oneByOne = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    expect(parseChunks(oneByOne)).toEqual(whole);
  });

  it('assembles big arguments that arrive in many chunks', () => {
    const big = 'x'.repeat(100_000) + ALL_BYTES;
    const bytes = Buffer.from(mbulk('SET', 'k', big) + mbulk('GET', 'k'), 'latin1');
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 7001) chunks.push(bytes.subarray(i, i + 7001));
    expect(parseChunks(chunks).commands).toEqual([['SET', 'k', big], ['GET', 'k']]);
  });

  it('skips empty and negative counts', () => {
    expect(parse('*0\r\n*-1\r\n*-10\r\n*-9223372036854775808\r\n' + mbulk('PING')).commands).toEqual([['PING']]);
  });

  it('skips the two bytes after a payload without checking them', () => {
    expect(parse('*2\r\n$4\r\nECHO\r\n$3\r\nabcde' + mbulk('PING')).commands).toEqual([['ECHO', 'abc'], ['PING']]);
  });

  it('waits for the byte after a CR before using a count line', () => {
    const p = new RespParser();
    p.push(Buffer.from('*1\r'));
    expect(p.next(LIMITS)).toBeNull();
    p.push(Buffer.from('\n$4\r\nPING\r\n'));
    expect(p.next(LIMITS)).toEqual(['PING']);
  });

  it('treats a NUL byte before the CR of a header line as an incomplete line (strchr)', () => {
    expect(parse('*1\0\r\n$4\r\nPING\r\n')).toEqual({ commands: [], error: null });
    expect(parse('*1\r\n$4\0\r\nPING\r\n')).toEqual({ commands: [], error: null });
  });
});

describe('inline requests', () => {
  const args = (line: string): string[] | null => {
    const b = Buffer.from(line, 'latin1');
    return splitInlineArgs(b, 0, b.length);
  };

  it('splits on whitespace and ignores blank lines', () => {
    expect(parse('\r\n\n  \r\nSET  k\tv \r\nPING\n').commands).toEqual([['SET', 'k', 'v'], ['PING']]);
    expect(args('  a  b  ')).toEqual(['a', 'b']);
    expect(args('a\rb')).toEqual(['a', 'b']);
    // \v and \f are skipped before an argument but belong to it otherwise.
    expect(args('\va\v')).toEqual(['a\v']);
  });

  it('handles double-quote escapes as sdssplitargs', () => {
    expect(args('"a\\x41\\n"')).toEqual(['aA\n']);
    expect(args('"\\x4g" "\\xZZ" "\\xff"')).toEqual(['x4g', 'xZZ', '\xff']);
    expect(args('"a\\tb\\r\\n\\b\\a\\q\\""')).toEqual(['a\tb\r\n\b\x07q"']);
    expect(args('"" ""')).toEqual(['', '']);
    expect(args('ab"cd ef"gh')).toBeNull();
    expect(args('ab"cd ef" gh')).toEqual(['abcd ef', 'gh']);
    expect(args('"a"\v')).toEqual(['a']);
  });

  it('handles single quotes with only the \\\' escape', () => {
    expect(args("'a\\'b' 'c\\nd'")).toEqual(["a'b", 'c\\nd']);
    expect(args("'a'b")).toBeNull();
  });

  it('rejects unbalanced quotes', () => {
    for (const line of ['"a', '"a\\"', "'a", '"""', "'a''", 'a"b"c']) expect(args(line), line).toBeNull();
    expect(parse('PING "a\r\nPING\r\n')).toEqual({ commands: [], error: PROTOCOL_ERRORS.unbalancedQuotes });
  });

  it('keeps bytes 0x80-0xff as they are', () => {
    expect(parse('ECHO \xff\xe9\r\n').commands).toEqual([['ECHO', '\xff\xe9']]);
  });

  it('finds no line end past a NUL byte (strchr), so the line never completes', () => {
    expect(parse('ECHO a\0b\r\n')).toEqual({ commands: [], error: null });
    expect(parse(mbulk('PING') + '\0\r\n' + mbulk('PING'))).toEqual({ commands: [['PING']], error: null });
  });
});

describe('protocol errors', () => {
  const errorOf = (input: string, limits = LIMITS): string | null => parse(input, limits).error;

  it('rejects bad multibulk counts', () => {
    for (const count of ['x', '+1', '01', ' 1', '1 ', '-0', '', '2147483648', '9223372036854775808', '-9223372036854775809']) {
      expect(errorOf(`*${count}\r\n`), count).toBe(PROTOCOL_ERRORS.invalidMultibulkLength);
    }
    expect(errorOf('*1\n$4\r\nPING\r\n')).toBe(PROTOCOL_ERRORS.invalidMultibulkLength);
    expect(errorOf('*2147483647\r\n')).toBeNull();
  });

  it('rejects bad bulk lengths', () => {
    for (const len of ['-1', '-5', 'x', '04', '+4', '']) {
      expect(errorOf(`*1\r\n$${len}\r\nPING\r\n`), len).toBe(PROTOCOL_ERRORS.invalidBulkLength);
    }
    expect(errorOf('*1\r\n$536870913\r\n')).toBe(PROTOCOL_ERRORS.invalidBulkLength);
    expect(errorOf('*1\r\n$536870912\r\n')).toBeNull();
    expect(errorOf('*1\r\n$11\r\n', { ...LIMITS, protoMaxBulkLen: 10 })).toBe(PROTOCOL_ERRORS.invalidBulkLength);
  });

  it("requires '$' before each argument", () => {
    expect(errorOf('*1\r\nx\r\n')).toBe("ERR Protocol error: expected '$', got 'x'");
    expect(errorOf('*3\r\n$3\r\nSET\r\n$1\r\nx\r\nfooz\r\n')).toBe("ERR Protocol error: expected '$', got 'f'");
  });

  it('limits inline lines and count lines to 64KB', () => {
    expect(errorOf('a'.repeat(INLINE_MAX_SIZE))).toBeNull();
    expect(errorOf('a'.repeat(INLINE_MAX_SIZE + 1))).toBe(PROTOCOL_ERRORS.tooBigInline);
    expect(errorOf('*' + '1'.repeat(INLINE_MAX_SIZE))).toBe(PROTOCOL_ERRORS.tooBigMbulkCount);
    expect(errorOf('*1\r\n$' + '1'.repeat(INLINE_MAX_SIZE))).toBe(PROTOCOL_ERRORS.tooBigBulkCount);
    expect(errorOf('*1\r\n$' + '1'.repeat(INLINE_MAX_SIZE - 10))).toBeNull();
  });

  it('applies the small limits to clients that have not authenticated', () => {
    const unauth = { ...LIMITS, authRequired: true };
    expect(errorOf('*11\r\n', unauth)).toBe(PROTOCOL_ERRORS.unauthMultibulkLength);
    expect(errorOf('*10\r\n', unauth)).toBeNull();
    expect(errorOf('*1\r\n$16385\r\n', unauth)).toBe(PROTOCOL_ERRORS.unauthBulkLength);
    expect(errorOf('*1\r\n$16384\r\n', unauth)).toBeNull();
  });

  it('returns the commands before the error, then nothing more', () => {
    expect(parse('PING\r\n*x\r\nPING\r\n')).toEqual({ commands: [['PING']], error: PROTOCOL_ERRORS.invalidMultibulkLength });
  });
});

describe('parseLongLong (string2ll)', () => {
  const ll = (s: string): number => parseLongLong(Buffer.from(s), 0, s.length);
  it('accepts canonical int64 decimals only', () => {
    expect(ll('0')).toBe(0);
    expect(ll('-1')).toBe(-1);
    expect(ll('1234567')).toBe(1234567);
    expect(ll('9223372036854775807')).toBeGreaterThan(9e18);
    expect(ll('-9223372036854775808')).toBeLessThan(-9e18);
    for (const bad of ['', '-', '00', '-0', '+1', '1a', ' 1', '9223372036854775808', '-9223372036854775809', '12345678901234567890']) {
      expect(ll(bad), bad).toBeNaN();
    }
  });
});
