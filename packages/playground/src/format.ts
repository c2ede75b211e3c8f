// Replies printed as redis-cli 7.0 prints them. On a RESP2 connection that is
// redmoon's own redis-cli printer (packages/redmoon/src/cli-format.ts); after
// HELLO 3 the RESP3 types show as redis-cli shows them (cliFormatReplyTTY):
// `(double) 1.5`, `(true)`, `1# "field" => value` for maps, `1~ member` for
// sets, `(empty hash)` / `(empty set)`. Outputs are latin1 byte strings with
// non-printable bytes escaped, so they are plain ASCII.
import { type Reply, formatDouble } from '@redmoon/core';
import { formatCliReply, quoteRepr } from 'redmoon/cli-format';

const EMPTY: Record<string, string> = {
  array: '(empty array)\n',
  map: '(empty hash)\n',
  set: '(empty set)\n',
  push: '(empty push)\n',
};

const SEPARATOR: Record<string, string> = { array: ')', push: ')', set: '~', map: '#' };

function isNonEmptyList(r: Reply): boolean {
  return (r.t === 'array' || r.t === 'set' || r.t === 'push') && r.v.length > 0;
}

function resp3(r: Reply, prefix: string): string {
  switch (r.t) {
    case 'error': return `(error) ${r.v}\n`;
    case 'simple': return `${r.v}\n`;
    case 'int': return `(integer) ${r.v}\n`;
    case 'double': return `(double) ${r.text ?? formatDouble(r.v)}\n`;
    case 'bulk': return `${quoteRepr(r.v)}\n`;
    // Printed as is, without its format (hiredis gives redis-cli the text only).
    case 'verbatim': return `${r.v}\n`;
    case 'null':
    case 'nullarray': return '(nil)\n';
    case 'bool': return r.v ? '(true)\n' : '(false)\n';
    // redis-cli 7.0 has no case for big numbers (it prints "Unknown reply type:
    // 13" and exits); the page shows the value instead.
    case 'bignum': return `(big number) ${r.v}\n`;
    case 'array':
    case 'set':
    case 'push':
    case 'map': {
      const count = r.v.length;
      if (count === 0) return EMPTY[r.t];
      const idxlen = String(count).length;
      const nested = prefix + ' '.repeat(idxlen + 2);
      const sep = SEPARATOR[r.t];
      let out = '';
      for (let i = 0; i < count; i++) {
        out += `${i === 0 ? '' : prefix}${String(i + 1).padStart(idxlen)}${sep} `;
        if (r.t !== 'map') {
          out += resp3(r.v[i], nested);
          continue;
        }
        const [field, value] = r.v[i];
        // A non-empty array or set value starts on its own line (7.0.15 does so).
        out += `${resp3(field, nested).slice(0, -1)} => `;
        out += isNonEmptyList(value) ? `\n${nested}${resp3(value, nested)}` : resp3(value, nested);
      }
      return out;
    }
  }
}

/** The text redis-cli prints for a reply on a connection of this protocol. */
export function formatReply(r: Reply, protocol: 2 | 3): string {
  return protocol === 3 ? resp3(r, '') : formatCliReply(r, 'tty');
}
