// RESP2 and RESP3 wire encoders for the Reply model. Output is a latin1 string;
// the transport turns it into bytes one char per byte (latin1).
// Aggregates are walked with an explicit stack, not recursion: a script may
// legitimately return a reply nested ~8000 levels deep (Redis's Lua stack limit).
import type { Reply } from '../reply.ts';
import { formatDouble } from '../util/format.ts';

export type RespVersion = 2 | 3;

export function encode(r: Reply, resp: RespVersion): string {
  return resp === 3 ? encode3(r) : encode2(r);
}

/** Header of an aggregate, or the full text of a scalar, in RESP2. */
function head2(r: Reply): string {
  switch (r.t) {
    case 'simple': return `+${r.v}\r\n`;
    case 'error': return `-${r.v}\r\n`;
    case 'int': return `:${r.v}\r\n`;
    case 'bulk': return `$${r.v.length}\r\n${r.v}\r\n`;
    case 'null': return '$-1\r\n';
    case 'nullarray': return '*-1\r\n';
    case 'array': case 'set': case 'push': return `*${r.v.length}\r\n`;
    case 'map': return `*${r.v.length * 2}\r\n`;
    case 'double': { const d = r.text ?? formatDouble(r.v); return `$${d.length}\r\n${d}\r\n`; }
    case 'bool': return r.v ? ':1\r\n' : ':0\r\n';
    case 'bignum': return `$${r.v.length}\r\n${r.v}\r\n`;
    case 'verbatim': return `$${r.v.length}\r\n${r.v}\r\n`;
  }
}

/** Header of an aggregate, or the full text of a scalar, in RESP3. */
function head3(r: Reply): string {
  switch (r.t) {
    case 'simple': return `+${r.v}\r\n`;
    case 'error': return `-${r.v}\r\n`;
    case 'int': return `:${r.v}\r\n`;
    case 'bulk': return `$${r.v.length}\r\n${r.v}\r\n`;
    case 'null': case 'nullarray': return '_\r\n';
    case 'array': return `*${r.v.length}\r\n`;
    case 'set': return `~${r.v.length}\r\n`;
    case 'push': return `>${r.v.length}\r\n`;
    case 'map': return `%${r.v.length}\r\n`;
    case 'double': return `,${r.text ?? formatDouble(r.v)}\r\n`;
    case 'bool': return r.v ? '#t\r\n' : '#f\r\n';
    case 'bignum': return `(${r.v}\r\n`;
    case 'verbatim': return `=${r.v.length + 4}\r\n${r.format}:${r.v}\r\n`;
  }
}

function walk(r: Reply, head: (r: Reply) => string): string {
  let out = head(r);
  if (r.t !== 'array' && r.t !== 'set' && r.t !== 'push' && r.t !== 'map') return out;
  // Pending replies in reverse order of emission.
  const stack: Reply[] = [];
  const pushChildren = (x: Reply): void => {
    if (x.t === 'map') {
      for (let i = x.v.length - 1; i >= 0; i--) stack.push(x.v[i][1], x.v[i][0]);
    } else if (x.t === 'array' || x.t === 'set' || x.t === 'push') {
      for (let i = x.v.length - 1; i >= 0; i--) stack.push(x.v[i]);
    }
  };
  pushChildren(r);
  while (stack.length !== 0) {
    const x = stack.pop()!;
    out += head(x);
    pushChildren(x);
  }
  return out;
}

export function encode2(r: Reply): string {
  return walk(r, head2);
}

export function encode3(r: Reply): string {
  return walk(r, head3);
}
