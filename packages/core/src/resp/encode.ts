// RESP2 and RESP3 wire encoders for the Reply model. Output is a latin1 string;
// the transport turns it into bytes with Buffer.from(s, 'latin1') (or equivalent).
import type { Reply } from '../reply.ts';
import { formatDouble } from '../util/format.ts';

export type RespVersion = 2 | 3;

export function encode(r: Reply, resp: RespVersion): string {
  return resp === 3 ? encode3(r) : encode2(r);
}

export function encode2(r: Reply): string {
  switch (r.t) {
    case 'simple': return `+${r.v}\r\n`;
    case 'error': return `-${r.v}\r\n`;
    case 'int': return `:${r.v}\r\n`;
    case 'bulk': return `$${r.v.length}\r\n${r.v}\r\n`;
    case 'null': return '$-1\r\n';
    case 'nullarray': return '*-1\r\n';
    case 'array': case 'set': case 'push': {
      let s = `*${r.v.length}\r\n`;
      for (const x of r.v) s += encode2(x);
      return s;
    }
    case 'map': {
      let s = `*${r.v.length * 2}\r\n`;
      for (const [k, v] of r.v) s += encode2(k) + encode2(v);
      return s;
    }
    case 'double': { const d = formatDouble(r.v); return `$${d.length}\r\n${d}\r\n`; }
    case 'bool': return r.v ? ':1\r\n' : ':0\r\n';
    case 'bignum': return `$${r.v.length}\r\n${r.v}\r\n`;
    case 'verbatim': return `$${r.v.length}\r\n${r.v}\r\n`;
  }
}

export function encode3(r: Reply): string {
  switch (r.t) {
    case 'simple': return `+${r.v}\r\n`;
    case 'error': return `-${r.v}\r\n`;
    case 'int': return `:${r.v}\r\n`;
    case 'bulk': return `$${r.v.length}\r\n${r.v}\r\n`;
    case 'null': case 'nullarray': return '_\r\n';
    case 'array': {
      let s = `*${r.v.length}\r\n`;
      for (const x of r.v) s += encode3(x);
      return s;
    }
    case 'set': {
      let s = `~${r.v.length}\r\n`;
      for (const x of r.v) s += encode3(x);
      return s;
    }
    case 'push': {
      let s = `>${r.v.length}\r\n`;
      for (const x of r.v) s += encode3(x);
      return s;
    }
    case 'map': {
      let s = `%${r.v.length}\r\n`;
      for (const [k, v] of r.v) s += encode3(k) + encode3(v);
      return s;
    }
    case 'double': return `,${formatDouble(r.v)}\r\n`;
    case 'bool': return r.v ? '#t\r\n' : '#f\r\n';
    case 'bignum': return `(${r.v}\r\n`;
    case 'verbatim': return `=${r.v.length + 4}\r\n${r.format}:${r.v}\r\n`;
  }
}
