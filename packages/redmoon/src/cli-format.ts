// A reply printed exactly as redis-cli 7.0 prints what it receives on RESP2
// (cliFormatReplyTTY and cliFormatReplyRaw in redis-cli.c). Output is a latin1
// byte string. The reply is first seen as the RESP2 client sees it: maps
// flattened, doubles and big numbers as bulk strings, booleans as integers.
import { type Reply, formatDouble } from '@redmoon/core';

/** What hiredis hands redis-cli on RESP2. */
type Wire =
  | { t: 'status' | 'error' | 'string'; v: string }
  | { t: 'integer'; v: number | bigint }
  | { t: 'nil' }
  | { t: 'array'; v: Wire[] };

function toWire(r: Reply): Wire {
  switch (r.t) {
    case 'simple': return { t: 'status', v: r.v };
    case 'error': return { t: 'error', v: r.v };
    case 'int': return { t: 'integer', v: r.v };
    case 'bool': return { t: 'integer', v: r.v ? 1 : 0 };
    case 'bulk':
    case 'bignum':
    case 'verbatim': return { t: 'string', v: r.v };
    case 'double': return { t: 'string', v: r.text ?? formatDouble(r.v) };
    case 'null':
    case 'nullarray': return { t: 'nil' };
    case 'array':
    case 'set':
    case 'push': return { t: 'array', v: r.v.map(toWire) };
    case 'map': return { t: 'array', v: r.v.flatMap(([k, v]) => [toWire(k), toWire(v)]) };
  }
}

/** sdscatrepr: a quoted string with C escapes, bytes outside isprint as \xHH. */
export function quoteRepr(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c >= 0x20 && c <= 0x7e) out += ch;
    else out += `\\x${c.toString(16).padStart(2, '0')}`;
  }
  return `${out}"`;
}

function tty(r: Wire, prefix: string): string {
  switch (r.t) {
    case 'error': return `(error) ${r.v}\n`;
    case 'status': return `${r.v}\n`;
    case 'integer': return `(integer) ${r.v}\n`;
    case 'string': return `${quoteRepr(r.v)}\n`;
    case 'nil': return '(nil)\n';
    case 'array': {
      if (r.v.length === 0) return '(empty array)\n';
      const idxlen = String(r.v.length).length;
      const nested = prefix + ' '.repeat(idxlen + 2);
      let out = '';
      r.v.forEach((e, i) => {
        out += `${i === 0 ? '' : prefix}${String(i + 1).padStart(idxlen)}) ${tty(e, nested)}`;
      });
      return out;
    }
  }
}

function raw(r: Wire): string {
  switch (r.t) {
    case 'nil': return '';
    case 'error': return `${r.v}\n`;
    case 'status':
    case 'string': return r.v;
    case 'integer': return String(r.v);
    case 'array': return r.v.map(raw).join('\n');
  }
}

/** The text redis-cli prints for a reply: its standard (tty) form or, with raw, its --raw form. */
export function formatCliReply(r: Reply, mode: 'tty' | 'raw'): string {
  const w = toWire(r);
  return mode === 'tty' ? tty(w, '') : `${raw(w)}\n`;
}
