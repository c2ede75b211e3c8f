// The request parser of a RESP connection: Redis's processInputBuffer with
// processMultibulkBuffer and processInlineBuffer (networking.c, 7.0.15).
// It is incremental: bytes arrive in arbitrary chunks, a half-read command keeps
// its state (argv so far, remaining count, pending bulk length) between chunks,
// and only the unparsed tail of the input is kept.

declare global {
  interface Buffer {
    /** Node's fast latin1 decoder (one char per byte); present on every Buffer, untyped in @types/node. */
    latin1Slice(start: number, end: number): string;
  }
}

const CR = 13;
const LF = 10;
const NUL = 0;
const STAR = 42;
const DOLLAR = 36;
const MINUS = 45;
const ZERO = 48;

/** PROTO_INLINE_MAX_SIZE: the longest inline request or count line Redis buffers. */
export const INLINE_MAX_SIZE = 64 * 1024;
/** Redis rejects multibulk counts above INT_MAX. */
const MAX_MULTIBULK_LEN = 2147483647;
/** Limits for clients that still have to AUTH (CVE-2021-32675). */
const UNAUTH_MAX_MULTIBULK_LEN = 10;
const UNAUTH_MAX_BULK_LEN = 16384;
/** Bulk arguments at least this long are collected in their own buffer (PROTO_MBULK_BIG_ARG). */
const BIG_ARG = 32 * 1024;
/** Longest command name remembered for reuse (the longest Redis name has 19 chars). */
const MAX_CACHED_NAME = 32;

export const PROTOCOL_ERRORS = {
  invalidMultibulkLength: 'ERR Protocol error: invalid multibulk length',
  invalidBulkLength: 'ERR Protocol error: invalid bulk length',
  unauthMultibulkLength: 'ERR Protocol error: unauthenticated multibulk length',
  unauthBulkLength: 'ERR Protocol error: unauthenticated bulk length',
  tooBigInline: 'ERR Protocol error: too big inline request',
  tooBigMbulkCount: 'ERR Protocol error: too big mbulk count string',
  tooBigBulkCount: 'ERR Protocol error: too big bulk count string',
  unbalancedQuotes: 'ERR Protocol error: unbalanced quotes in request',
  expectedDollar: (got: string) => `ERR Protocol error: expected '$', got '${got}'`,
} as const;

/** Per-call limits that depend on the client (its auth state) and the config. */
export interface ParseLimits {
  protoMaxBulkLen: number;
  authRequired: boolean;
}

const EMPTY = Buffer.alloc(0);

export class RespParser {
  private buf: Buffer = EMPTY;
  private pos = 0;
  /** Arguments still to read for the current multibulk command; 0 when between commands. */
  private multibulkLen = 0;
  /** Length of the bulk being read, or -1 when its `$<n>` line is still to come. */
  private bulkLen = -1;
  private argv: string[] = [];
  private lastName = '';
  /** A big bulk argument being assembled across chunks, and how much of it has arrived. */
  private bigArg: Buffer | null = null;
  private bigArgFill = 0;
  /** Set once the input is malformed: the reply Redis sends before closing the connection. */
  error: string | null = null;

  /** Bytes received but not yet parsed into commands (CLIENT LIST qbuf). */
  get pendingBytes(): number {
    return this.buf.length - this.pos + this.bigArgFill;
  }

  /** Append a chunk read from the socket. */
  push(chunk: Buffer): void {
    if (this.bigArg !== null) {
      const take = Math.min(chunk.length, this.bigArg.length - this.bigArgFill);
      chunk.copy(this.bigArg, this.bigArgFill, 0, take);
      this.bigArgFill += take;
      if (this.bigArgFill < this.bigArg.length) return;
      const arg = this.bigArg;
      this.bigArg = null;
      this.bigArgFill = 0;
      this.argv.push(arg.latin1Slice(0, this.bulkLen));
      this.bulkLen = -1;
      this.multibulkLen--;
      chunk = chunk.subarray(take);
    }
    if (this.pos >= this.buf.length) {
      this.buf = chunk;
    } else {
      this.buf = Buffer.concat([this.buf.subarray(this.pos), chunk]);
    }
    this.pos = 0;
  }

  /**
   * The next complete command, or null when more input is needed or the input is
   * malformed (then `error` is set and nothing more will be parsed). Empty
   * commands (`*0`, `*-1`, blank inline lines) are skipped, as Redis does.
   */
  next(limits: ParseLimits): string[] | null {
    while (this.error === null && this.bigArg === null) {
      if (this.multibulkLen === 0 && this.argv.length !== 0) {
        // A big argument that push() completed was the command's last one.
        return this.takeArgv();
      }
      if (this.multibulkLen === 0) {
        if (this.pos >= this.buf.length) return null;
        if (this.buf[this.pos] !== STAR) {
          const argv = this.parseInline();
          if (argv === null) return null;
          if (argv.length !== 0) return argv;
          continue;
        }
        if (!this.parseMultibulkCount(limits)) return null;
        if (this.multibulkLen === 0) continue;
      }
      if (!this.parseBulks(limits)) return null;
      return this.takeArgv();
    }
    return null;
  }

  private takeArgv(): string[] {
    const argv = this.argv;
    this.argv = [];
    return argv;
  }

  /** The `*<count>\r\n` line. Returns false when it is incomplete or malformed. */
  private parseMultibulkCount(limits: ParseLimits): boolean {
    const buf = this.buf;
    const start = this.pos;
    const cr = headerLineEnd(buf, start);
    if (cr < 0) {
      if (buf.length - start > INLINE_MAX_SIZE) this.error = PROTOCOL_ERRORS.tooBigMbulkCount;
      return false;
    }
    // Redis only needs one byte after the CR (it does not check that it is LF).
    if (cr + 1 >= buf.length) return false;
    const n = parseLongLong(buf, start + 1, cr);
    if (Number.isNaN(n) || n > MAX_MULTIBULK_LEN) {
      this.error = PROTOCOL_ERRORS.invalidMultibulkLength;
      return false;
    }
    if (n > UNAUTH_MAX_MULTIBULK_LEN && limits.authRequired) {
      this.error = PROTOCOL_ERRORS.unauthMultibulkLength;
      return false;
    }
    this.pos = cr + 2;
    // A zero or negative count is an empty command: Redis skips it.
    this.multibulkLen = n > 0 ? n : 0;
    return true;
  }

  /** The `$<len>\r\n<bytes>\r\n` arguments. Returns true once all of them are read. */
  private parseBulks(limits: ParseLimits): boolean {
    const buf = this.buf;
    const argv = this.argv;
    let pos = this.pos;
    while (this.multibulkLen > 0) {
      let len = this.bulkLen;
      if (len < 0) {
        const cr = headerLineEnd(buf, pos);
        if (cr < 0) {
          if (buf.length - pos > INLINE_MAX_SIZE) this.error = PROTOCOL_ERRORS.tooBigBulkCount;
          break;
        }
        if (cr + 1 >= buf.length) break;
        if (buf[pos] !== DOLLAR) {
          this.error = PROTOCOL_ERRORS.expectedDollar(String.fromCharCode(buf[pos]));
          break;
        }
        len = parseLongLong(buf, pos + 1, cr);
        if (Number.isNaN(len) || len < 0 || len > limits.protoMaxBulkLen) {
          this.error = PROTOCOL_ERRORS.invalidBulkLength;
          break;
        }
        if (len > UNAUTH_MAX_BULK_LEN && limits.authRequired) {
          this.error = PROTOCOL_ERRORS.unauthBulkLength;
          break;
        }
        pos = cr + 2;
        this.bulkLen = len;
      }
      const end = pos + len;
      // Redis skips the two bytes after the payload without checking them.
      if (end + 2 > buf.length) {
        if (len >= BIG_ARG) this.startBigArg(len, pos);
        break;
      }
      argv.push(argv.length === 0 ? this.commandName(buf, pos, end) : latin1(buf, pos, end));
      pos = end + 2;
      this.bulkLen = -1;
      this.multibulkLen--;
    }
    this.pos = pos;
    return this.multibulkLen === 0 && this.error === null;
  }

  /**
   * The command name at buf[start, end). Pipelines repeat the same name, so the
   * previous one is reused when the bytes match: no new string, and its hash
   * for the command-table lookup is already computed.
   */
  private commandName(buf: Buffer, start: number, end: number): string {
    const last = this.lastName;
    const len = end - start;
    if (len === last.length) {
      let i = 0;
      while (i < len && buf[start + i] === last.charCodeAt(i)) i++;
      if (i === len) return last;
    }
    const name = latin1(buf, start, end);
    if (len <= MAX_CACHED_NAME) this.lastName = name;
    return name;
  }

  /** Move the start of a big argument into its own buffer; push() fills the rest. */
  private startBigArg(len: number, pos: number): void {
    const big = Buffer.allocUnsafe(len + 2);
    this.bigArgFill = this.buf.copy(big, 0, pos);
    this.bigArg = big;
    this.buf = EMPTY;
    this.pos = 0;
  }

  /** One inline command (a text line, split as sdssplitargs does). */
  private parseInline(): string[] | null {
    const buf = this.buf;
    const start = this.pos;
    let nl = buf.indexOf(LF, start);
    // Redis finds the newline with strchr, which stops at a NUL byte.
    if (nl >= 0 && buf.subarray(start, nl).includes(NUL)) nl = -1;
    if (nl < 0) {
      if (buf.length - start > INLINE_MAX_SIZE) this.error = PROTOCOL_ERRORS.tooBigInline;
      return null;
    }
    const end = nl > start && buf[nl - 1] === CR ? nl - 1 : nl;
    const argv = splitInlineArgs(buf, start, end);
    if (argv === null) {
      this.error = PROTOCOL_ERRORS.unbalancedQuotes;
      return null;
    }
    this.pos = nl + 1;
    return argv;
  }
}

/** Header lines ("$3", "*16") are this short: scanning them in JS beats a native indexOf call. */
const SHORT_LINE_SCAN = 24;

/**
 * Index of the CR ending a header line that starts at `pos`, or -1. Redis looks
 * for it with strchr, so a NUL byte before the CR means "not found yet".
 */
function headerLineEnd(buf: Buffer, pos: number): number {
  const len = buf.length;
  const stop = pos + SHORT_LINE_SCAN < len ? pos + SHORT_LINE_SCAN : len;
  let i = pos;
  for (; i < stop; i++) {
    const b = buf[i];
    if (b === CR) return i;
    if (b === NUL) return -1;
  }
  if (i >= len) return -1;
  const cr = buf.indexOf(CR, i);
  if (cr < 0) return -1;
  for (; i < cr; i++) if (buf[i] === NUL) return -1;
  return cr;
}

/**
 * buf[start, end) as a latin1 string. Arguments of a few bytes are common
 * (values, fields, small numbers) and String.fromCharCode builds them much
 * faster than a call into the native decoder.
 */
function latin1(buf: Buffer, start: number, end: number): string {
  switch (end - start) {
    case 0: return '';
    case 1: return String.fromCharCode(buf[start]);
    case 2: return String.fromCharCode(buf[start], buf[start + 1]);
    case 3: return String.fromCharCode(buf[start], buf[start + 1], buf[start + 2]);
    case 4: return String.fromCharCode(buf[start], buf[start + 1], buf[start + 2], buf[start + 3]);
    default: return buf.latin1Slice(start, end);
  }
}

const INT64_MAX_DIGITS = '9223372036854775807';
const INT64_MIN_DIGITS = '9223372036854775808';

/**
 * Redis's string2ll over buf[start, end): an optional '-', then digits with no
 * leading zero, within the int64 range. Returns NaN when it is not such a number.
 * Values beyond 2^53 lose precision, which is harmless here: every limit they are
 * compared with is smaller, and only their sign matters otherwise.
 */
export function parseLongLong(buf: Buffer, start: number, end: number): number {
  if (start >= end) return NaN;
  if (end - start === 1 && buf[start] === ZERO) return 0;
  let i = start;
  const negative = buf[i] === MINUS;
  if (negative) i++;
  const digits = end - i;
  if (digits === 0 || digits > 19 || buf[i] === ZERO) return NaN;
  let n = 0;
  for (let j = i; j < end; j++) {
    const d = buf[j] - ZERO;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  if (digits === 19 && buf.latin1Slice(i, end) > (negative ? INT64_MIN_DIGITS : INT64_MAX_DIGITS)) return NaN;
  return negative ? -n : n;
}

/** C's isspace in the C locale. */
function isSpace(b: number): boolean {
  return b === 32 || (b >= 9 && b <= 13);
}

function isHexDigit(b: number): boolean {
  return (b >= 48 && b <= 57) || (b >= 97 && b <= 102) || (b >= 65 && b <= 70);
}

function hexValue(b: number): number {
  return b <= 57 ? b - 48 : (b | 32) - 87;
}

/** The byte `\<b>` stands for inside double quotes (sdssplitargs). */
function escapedByte(b: number): number {
  switch (b) {
    case 110: return LF; // \n
    case 114: return CR; // \r
    case 116: return 9; // \t
    case 98: return 8; // \b
    case 97: return 7; // \a
    default: return b;
  }
}

const BACKSLASH = 92;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

/**
 * The escape sequence starting with the backslash at buf[p] inside quotes, as
 * (bytes consumed << 8) | decoded byte, or -1 when it is not one. Double quotes
 * take \xHH and \<c>; single quotes only \'.
 */
function quotedEscape(buf: Buffer, p: number, end: number, quote: number): number {
  if (quote === SINGLE_QUOTE) return p + 1 < end && buf[p + 1] === SINGLE_QUOTE ? (2 << 8) | SINGLE_QUOTE : -1;
  if (p + 3 < end && buf[p + 1] === 120 && isHexDigit(buf[p + 2]) && isHexDigit(buf[p + 3])) {
    return (4 << 8) | (hexValue(buf[p + 2]) * 16 + hexValue(buf[p + 3]));
  }
  return p + 1 < end ? (2 << 8) | escapedByte(buf[p + 1]) : -1;
}

/**
 * sdssplitargs over buf[start, end) (which holds no NUL byte): arguments are
 * separated by whitespace; "double quotes" take \n \r \t \b \a \xHH and \<c>
 * escapes, 'single quotes' only \'. A closing quote must be followed by
 * whitespace or the end. Returns null for unbalanced quotes.
 */
export function splitInlineArgs(buf: Buffer, start: number, end: number): string[] | null {
  const args: string[] = [];
  let p = start;
  for (;;) {
    while (p < end && isSpace(buf[p])) p++;
    if (p >= end) return args;
    let cur = '';
    let runStart = p;
    /** The quote character of the quoted section we are in, or 0. */
    let quote = 0;
    for (;;) {
      if (p >= end) {
        if (quote !== 0) return null;
        cur += buf.latin1Slice(runStart, p);
        break;
      }
      const b = buf[p];
      if (quote !== 0) {
        const esc = b === BACKSLASH ? quotedEscape(buf, p, end, quote) : -1;
        if (esc >= 0) {
          cur += buf.latin1Slice(runStart, p) + String.fromCharCode(esc & 255);
          p += esc >> 8;
          runStart = p;
        } else if (b === quote) {
          if (p + 1 < end && !isSpace(buf[p + 1])) return null;
          cur += buf.latin1Slice(runStart, p);
          p++;
          break;
        } else {
          p++;
        }
      } else if (b === 32 || b === LF || b === CR || b === 9) {
        // Only these end an unquoted argument; \v and \f are part of it.
        cur += buf.latin1Slice(runStart, p);
        p++;
        break;
      } else if (b === DOUBLE_QUOTE || b === SINGLE_QUOTE) {
        // An opening quote in the middle of a word starts a quoted section.
        cur += buf.latin1Slice(runStart, p);
        quote = b;
        p++;
        runStart = p;
      } else {
        p++;
      }
    }
    args.push(cur);
  }
}
