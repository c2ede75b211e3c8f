// A RESP2/RESP3 reply reader for the differential harness. It works on latin1
// strings (one char per byte), finds where one reply ends in a stream of
// replies, parses a reply into a tree whose nodes keep their raw bytes, and
// normalises replies for comparison (sorting unordered aggregates, shapes).

/** A parsed reply. `raw` is the exact wire bytes of the node (a preceding attribute included). */
export interface RespNode {
  /** The type byte: + - : $ * _ , # ! = ( % ~ > | */
  type: string;
  /** The exact wire bytes of this node. */
  raw: string;
  /** The header line without its CRLF, after the type byte ("3" for *3, "-1" for $-1, "OK" for +OK). */
  line: string;
  /** Payload of $ ! = replies (null for $-1). */
  payload: string | null;
  /** Elements of an aggregate (maps and attributes: k1, v1, k2, v2 ...); null otherwise. */
  children: RespNode[] | null;
  /** A RESP3 attribute (|) that preceded this reply, if any. */
  attribute: RespNode | null;
}

const LINE_TYPES = new Set(['+', '-', ':', '_', ',', '#', '(']);
const BLOB_TYPES = new Set(['$', '!', '=']);
const AGGREGATE_TYPES = new Set(['*', '~', '>', '%', '|']);

export class RespProtocolError extends Error {}

function lengthOf(buf: string, from: number, to: number): number {
  const text = buf.slice(from, to);
  if (!/^-?\d+$/.test(text)) throw new RespProtocolError(`bad RESP length ${JSON.stringify(text)} at byte ${from}`);
  return Number(text);
}

/**
 * The offset just past the one reply that starts at `pos`, or -1 if `buf` does
 * not hold all of it yet. Throws RespProtocolError on bytes that are not RESP.
 * Iterative (a count of replies still to read): scripts can return replies
 * nested thousands deep.
 */
export function replyEnd(buf: string, pos = 0): number {
  let pending = 1;
  let p = pos;
  while (pending > 0) {
    if (p >= buf.length) return -1;
    const lineEnd = buf.indexOf('\r\n', p);
    if (lineEnd < 0) return -1;
    const type = buf[p];
    const afterLine = lineEnd + 2;
    pending--;
    if (LINE_TYPES.has(type)) {
      p = afterLine;
    } else if (BLOB_TYPES.has(type)) {
      const n = lengthOf(buf, p + 1, lineEnd);
      p = n < 0 ? afterLine : afterLine + n + 2;
      if (p > buf.length) return -1;
    } else if (AGGREGATE_TYPES.has(type)) {
      const n = lengthOf(buf, p + 1, lineEnd);
      if (n > 0) pending += type === '%' || type === '|' ? 2 * n : n;
      // An attribute is out-of-band metadata that travels with the reply after it.
      if (type === '|') pending++;
      p = afterLine;
    } else {
      throw new RespProtocolError(`bad RESP type byte ${JSON.stringify(type)} at byte ${p}`);
    }
  }
  return p;
}

interface Frame {
  node: RespNode;
  start: number;
  remaining: number;
}

/** Parse the one complete reply at `pos` (iteratively, like replyEnd); returns the node and the offset after it. */
function parseAt(buf: string, pos: number): [RespNode, number] {
  if (replyEnd(buf, pos) < 0) throw new RespProtocolError(`incomplete RESP reply at byte ${pos}`);
  const stack: Frame[] = [];
  let attribute: { node: RespNode; start: number } | null = null;
  let p = pos;
  for (;;) {
    let start = p;
    const lineEnd = buf.indexOf('\r\n', p);
    const type = buf[p];
    const line = buf.slice(p + 1, lineEnd);
    const node: RespNode = { type, raw: '', line, payload: null, children: null, attribute: null };
    if (attribute !== null) {
      node.attribute = attribute.node;
      start = attribute.start;
      attribute = null;
    }
    p = lineEnd + 2;
    const n = Number(line);
    if (BLOB_TYPES.has(type) && n >= 0) {
      node.payload = buf.slice(p, p + n);
      p += n + 2;
    } else if (AGGREGATE_TYPES.has(type) && n >= 0) {
      node.children = [];
      if (n > 0) {
        stack.push({ node, start, remaining: type === '%' || type === '|' ? 2 * n : n });
        continue;
      }
    }
    // The node is complete: attach it, and complete every parent it fills.
    let done: RespNode = node;
    let doneStart = start;
    for (;;) {
      done.raw = buf.slice(doneStart, p);
      if (done.type === '|') {
        attribute = { node: done, start: doneStart };
        break;
      }
      const parent = stack[stack.length - 1];
      if (parent === undefined) return [done, p];
      parent.node.children!.push(done);
      if (--parent.remaining > 0) break;
      stack.pop();
      done = parent.node;
      doneStart = parent.start;
    }
  }
}

/** Parse one complete reply (the whole of `raw`). */
export function parseReply(raw: string): RespNode {
  const [node, end] = parseAt(raw, 0);
  if (end !== raw.length) throw new RespProtocolError(`${raw.length - end} bytes after the reply`);
  return node;
}

/** Split a string holding several complete replies into one string per reply. */
export function splitReplies(buf: string): string[] {
  const out: string[] = [];
  let p = 0;
  while (p < buf.length) {
    const end = replyEnd(buf, p);
    if (end < 0) throw new RespProtocolError(`incomplete RESP reply at byte ${p}`);
    out.push(buf.slice(p, end));
    p = end;
  }
  return out;
}

const byBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Header bytes of an aggregate node: its attribute (if any) and its type line. */
function headerOf(n: RespNode): string {
  return (n.attribute ? n.attribute.raw : '') + `${n.type}${n.line}\r\n`;
}

export type SortMode = true | 'pairs' | 'deep';

/**
 * Re-encode an aggregate with its elements sorted by their encoded bytes.
 * Maps (%) and 'pairs' sort [key, value] pairs; 'deep' also sorts every nested
 * aggregate first. Non-aggregates are returned unchanged.
 */
export function sortNode(n: RespNode, mode: SortMode): string {
  if (n.children === null) return n.raw;
  const items = mode === 'deep' ? n.children.map((c) => sortNode(c, 'deep')) : n.children.map((c) => c.raw);
  let groups: string[];
  if (n.type === '%' || mode === 'pairs') {
    groups = [];
    for (let i = 0; i < items.length; i += 2) groups.push(items[i] + (items[i + 1] ?? ''));
  } else {
    groups = items;
  }
  groups.sort(byBytes);
  return headerOf(n) + groups.join('');
}

/** Sort one raw reply (see sortNode). */
export function sortReply(raw: string, mode: SortMode): string {
  return sortNode(parseReply(raw), mode);
}

/** A reply's shape: its type, whether it is null, and the length of an aggregate. */
export function shapeOf(raw: string): string {
  const n = parseReply(raw);
  if (n.children !== null) return `${n.type}${n.children.length}`;
  if (BLOB_TYPES.has(n.type)) return n.payload === null ? `${n.type}null` : n.type;
  if (n.type === '_') return 'null';
  return n.type;
}

/** The strings of a reply made of bulk strings (an array/set of $ items, or one $). */
export function bulkStrings(raw: string): string[] {
  const n = parseReply(raw);
  if (n.payload !== null) return [n.payload];
  return (n.children ?? []).map((c) => {
    if (c.payload === null) throw new RespProtocolError(`not a bulk string: ${JSON.stringify(c.raw)}`);
    return c.payload;
  });
}

/** Encode a command as a RESP multibulk (binary safe: args are latin1 strings). */
export function encodeCommand(argv: readonly string[]): string {
  let s = `*${argv.length}\r\n`;
  for (const a of argv) s += `$${a.length}\r\n${a}\r\n`;
  return s;
}
