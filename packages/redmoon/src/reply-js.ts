// RESP replies as plain JS values: what createRedis()'s call()/callSync() return.
// The input is the wire form (a latin1 string, one char per byte), RESP2 or
// RESP3, so a reply maps to exactly what a client on that protocol receives:
//
//   simple string  +OK         -> string
//   error          -ERR ...    -> RedisReplyError (thrown at top level, an element inside arrays)
//   integer        :1          -> number (bigint beyond Number.MAX_SAFE_INTEGER)
//   bulk string    $3 abc      -> string decoded as UTF-8 (Buffer with the *Buffer variants)
//   null           $-1 *-1 _   -> null
//   array/set/push * ~ >       -> Array
//   map            %           -> plain object; keys decoded as UTF-8 strings
//   double         ,3.5        -> number (inf, -inf, nan included)
//   boolean        #t #f       -> boolean
//   big number     (123        -> bigint
//   verbatim       =txt:...    -> string (the text, without its format prefix)
//
// On RESP2 (the default protocol of a session) Redis itself flattens maps into
// arrays and sends doubles as bulk strings, so those arrive as arrays and strings.
// replyToJs() gives the same values straight from the Reply model (callSync).
import { type Reply, formatDouble } from '@redmoon/core';
import { isAscii } from './args.ts';

/** An error reply from the server. `message` is the full line ("ERR syntax error"). */
export class RedisReplyError extends Error {
  /** The first word of the line: ERR, WRONGTYPE, NOSCRIPT, ... */
  readonly code: string;

  constructor(line: string) {
    super(line);
    this.name = 'RedisReplyError';
    const sp = line.indexOf(' ');
    this.code = sp < 0 ? line : line.slice(0, sp);
  }
}

export type BulkMode = 'string' | 'buffer';

/** A decoded reply value. */
export type JsReply =
  | string
  | Buffer
  | number
  | bigint
  | boolean
  | null
  | RedisReplyError
  | JsReply[]
  | { [key: string]: JsReply };

/** A latin1 byte string as JS text (UTF-8), or as a Buffer. */
export function decodeBytes(s: string, mode: BulkMode): string | Buffer {
  if (mode === 'buffer') return Buffer.from(s, 'latin1');
  return isAscii(s) ? s : Buffer.from(s, 'latin1').toString('utf8');
}

/** Parses consecutive replies out of a wire string. */
export class ReplyReader {
  private pos = 0;

  constructor(private readonly s: string, private readonly mode: BulkMode) {}

  get done(): boolean {
    return this.pos >= this.s.length;
  }

  /** The next complete reply, or undefined when the input ends inside one. */
  next(): JsReply | undefined {
    const start = this.pos;
    const v = this.value();
    if (v === undefined) this.pos = start;
    return v;
  }

  /** Length of the consumed prefix. */
  get consumed(): number {
    return this.pos;
  }

  private line(): string | undefined {
    const cr = this.s.indexOf('\r\n', this.pos);
    if (cr < 0) return undefined;
    const text = this.s.slice(this.pos + 1, cr);
    this.pos = cr + 2;
    return text;
  }

  private bytes(len: number): string | undefined {
    if (this.pos + len + 2 > this.s.length) return undefined;
    const v = this.s.slice(this.pos, this.pos + len);
    this.pos += len + 2;
    return v;
  }

  private value(): JsReply | undefined {
    if (this.pos >= this.s.length) return undefined;
    const type = this.s[this.pos];
    const head = this.line();
    if (head === undefined) return undefined;
    switch (type) {
      case '+': return decodeBytes(head, 'string');
      case '-': return new RedisReplyError(decodeBytes(head, 'string') as string);
      case ':': return integer(head);
      case '$': {
        const len = Number(head);
        if (len < 0) return null;
        const v = this.bytes(len);
        return v === undefined ? undefined : decodeBytes(v, this.mode);
      }
      case '=': {
        const v = this.bytes(Number(head));
        // "txt:" or "mkd:" precedes the text.
        return v === undefined ? undefined : decodeBytes(v.slice(4), this.mode);
      }
      case '!': {
        const v = this.bytes(Number(head));
        return v === undefined ? undefined : new RedisReplyError(decodeBytes(v, 'string') as string);
      }
      case '_': return null;
      case ',': return double(head);
      case '#': return head === 't';
      case '(': return BigInt(head);
      case '*':
      case '~':
      case '>': {
        const n = Number(head);
        if (n < 0) return null;
        const out: JsReply[] = [];
        for (let i = 0; i < n; i++) {
          const v = this.value();
          if (v === undefined) return undefined;
          out.push(v);
        }
        return out;
      }
      case '%': {
        const n = Number(head);
        const entries: [string, JsReply][] = [];
        for (let i = 0; i < n; i++) {
          const k = this.value();
          if (k === undefined) return undefined;
          const v = this.value();
          if (v === undefined) return undefined;
          entries.push([mapKey(k), v]);
        }
        return Object.fromEntries(entries);
      }
      default:
        throw new Error(`redmoon: unexpected RESP type byte ${JSON.stringify(type)}`);
    }
  }
}

function integer(text: string): number | bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
}

function double(text: string): number {
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  if (text === 'nan') return NaN;
  return Number(text);
}

function mapKey(k: JsReply): string {
  if (Buffer.isBuffer(k)) return k.toString('utf8');
  return String(k);
}

/** One complete reply from its wire form. */
export function parseReply(wire: string, mode: BulkMode): JsReply {
  const v = new ReplyReader(wire, mode).next();
  if (v === undefined) throw new Error('redmoon: incomplete reply');
  return v;
}

/**
 * The JS value of a reply as a client on protocol `resp` receives it: the same
 * values parseReply() gives for its wire form, without encoding it.
 */
export function replyToJs(r: Reply, resp: 2 | 3, mode: BulkMode): JsReply {
  switch (r.t) {
    case 'simple': return decodeBytes(r.v, 'string');
    case 'error': return new RedisReplyError(decodeBytes(r.v, 'string') as string);
    case 'int': return typeof r.v === 'bigint' ? (Number.isSafeInteger(Number(r.v)) ? Number(r.v) : r.v) : r.v;
    case 'bulk': return decodeBytes(r.v, mode);
    case 'null':
    case 'nullarray': return null;
    case 'array':
    case 'set':
    case 'push': return r.v.map((x) => replyToJs(x, resp, mode));
    case 'map':
      if (resp === 2) return r.v.flatMap(([k, v]) => [replyToJs(k, resp, mode), replyToJs(v, resp, mode)]);
      return Object.fromEntries(r.v.map(([k, v]) => [mapKey(replyToJs(k, resp, mode)), replyToJs(v, resp, mode)]));
    case 'double': {
      const text = r.text ?? formatDouble(r.v);
      return resp === 2 ? decodeBytes(text, mode) : double(text);
    }
    case 'bool': return resp === 2 ? (r.v ? 1 : 0) : r.v;
    case 'bignum': return resp === 2 ? decodeBytes(r.v, mode) : BigInt(r.v);
    case 'verbatim': return decodeBytes(r.v, mode);
  }
}
