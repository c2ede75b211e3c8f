// The list value (Redis's quicklist, t_list.c's listType* API). Redis 7.0 stores
// every list as a quicklist, whatever its size, so OBJECT ENCODING is always
// "quicklist". Here a list is a ring-buffer deque: push/pop at both ends and
// indexing anywhere are O(1); inserting or deleting in the middle moves the
// elements between the position and the nearer end, O(n) as in Redis.
import { registerTypeCopier } from '../object.ts';

const MIN_CAPACITY = 8;

export class ListValue {
  /** Slots of a power-of-two ring; element i lives at (head + i) & mask. */
  private buf: (string | undefined)[];
  private head = 0;
  private len = 0;

  constructor(capacity = MIN_CAPACITY) {
    let cap = MIN_CAPACITY;
    while (cap < capacity) cap *= 2;
    this.buf = new Array<string | undefined>(cap);
  }

  /** A list holding elements in order (head first). */
  static from(elements: readonly string[]): ListValue {
    const l = new ListValue(elements.length);
    for (let i = 0; i < elements.length; i++) l.buf[i] = elements[i];
    l.len = elements.length;
    return l;
  }

  get length(): number {
    return this.len;
  }

  private slot(i: number): number {
    return (this.head + i) & (this.buf.length - 1);
  }

  private grow(): void {
    const old = this.buf;
    const next = new Array<string | undefined>(old.length * 2);
    for (let i = 0; i < this.len; i++) next[i] = old[(this.head + i) & (old.length - 1)];
    this.buf = next;
    this.head = 0;
  }

  /** Halve the ring when it is mostly empty, so a list that shrank gives memory back. */
  private maybeShrink(): void {
    const cap = this.buf.length;
    if (cap > MIN_CAPACITY && this.len * 4 < cap) {
      const next = new Array<string | undefined>(cap / 2);
      for (let i = 0; i < this.len; i++) next[i] = this.buf[(this.head + i) & (cap - 1)];
      this.buf = next;
      this.head = 0;
    }
  }

  pushHead(v: string): void {
    if (this.len === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = v;
    this.len++;
  }

  pushTail(v: string): void {
    if (this.len === this.buf.length) this.grow();
    this.buf[this.slot(this.len)] = v;
    this.len++;
  }

  /** Remove and return the head element (undefined when empty). */
  popHead(): string | undefined {
    if (this.len === 0) return undefined;
    const v = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.len--;
    this.maybeShrink();
    return v;
  }

  /** Remove and return the tail element (undefined when empty). */
  popTail(): string | undefined {
    if (this.len === 0) return undefined;
    const s = this.slot(this.len - 1);
    const v = this.buf[s];
    this.buf[s] = undefined;
    this.len--;
    this.maybeShrink();
    return v;
  }

  /** Redis's list index: 0 is the head, -1 the tail. Undefined when out of range. */
  private normalize(index: number): number | undefined {
    const i = index < 0 ? this.len + index : index;
    return i >= 0 && i < this.len ? i : undefined;
  }

  /** The element at a Redis index (negative counts from the tail), or undefined. */
  at(index: number): string | undefined {
    const i = this.normalize(index);
    return i === undefined ? undefined : this.buf[this.slot(i)];
  }

  /** quicklistReplaceAtIndex: false when the index is out of range. */
  setAt(index: number, v: string): boolean {
    const i = this.normalize(index);
    if (i === undefined) return false;
    this.buf[this.slot(i)] = v;
    return true;
  }

  /** Element i counted from the head (0 <= i < length). */
  get(i: number): string {
    return this.buf[this.slot(i)] as string;
  }

  /** Insert v so that it becomes element i (0 <= i <= length), shifting the shorter side. */
  insertAt(i: number, v: string): void {
    if (i === 0) return this.pushHead(v);
    if (i === this.len) return this.pushTail(v);
    if (this.len === this.buf.length) this.grow();
    if (i < this.len / 2) {
      this.head = (this.head - 1) & (this.buf.length - 1);
      for (let j = 0; j < i; j++) this.buf[this.slot(j)] = this.buf[this.slot(j + 1)];
    } else {
      for (let j = this.len; j > i; j--) this.buf[this.slot(j)] = this.buf[this.slot(j - 1)];
    }
    this.buf[this.slot(i)] = v;
    this.len++;
  }

  /** The first index (from the head) holding v, or -1. */
  indexOf(v: string): number {
    for (let i = 0; i < this.len; i++) if (this.buf[this.slot(i)] === v) return i;
    return -1;
  }

  /**
   * LREM's walk: remove up to `limit` elements equal to v (0 = all), scanning
   * from the head, or from the tail when fromTail. One compaction pass: O(n).
   */
  removeMatching(v: string, limit: number, fromTail: boolean): number {
    const n = this.len;
    const keep: string[] = [];
    let removed = 0;
    if (fromTail) {
      for (let i = n - 1; i >= 0; i--) {
        const e = this.get(i);
        if (e === v && (limit === 0 || removed < limit)) removed++;
        else keep.push(e);
      }
      keep.reverse();
    } else {
      for (let i = 0; i < n; i++) {
        const e = this.get(i);
        if (e === v && (limit === 0 || removed < limit)) removed++;
        else keep.push(e);
      }
    }
    if (removed !== 0) this.replaceAll(keep);
    return removed;
  }

  private replaceAll(elements: readonly string[]): void {
    const fresh = ListValue.from(elements);
    this.buf = fresh.buf;
    this.head = 0;
    this.len = fresh.len;
  }

  /** Drop n elements from the head and m from the tail (LTRIM, the pop-count forms). */
  trim(fromHead: number, fromTail: number): void {
    for (let i = 0; i < fromHead && this.len !== 0; i++) {
      this.buf[this.head] = undefined;
      this.head = (this.head + 1) & (this.buf.length - 1);
      this.len--;
    }
    for (let i = 0; i < fromTail && this.len !== 0; i++) {
      this.buf[this.slot(this.len - 1)] = undefined;
      this.len--;
    }
    this.maybeShrink();
  }

  /** Elements start..end inclusive (0-based, already clamped), head to tail. */
  slice(start: number, end: number): string[] {
    const out: string[] = [];
    for (let i = start; i <= end; i++) out.push(this.get(i));
    return out;
  }

  toArray(): string[] {
    return this.len === 0 ? [] : this.slice(0, this.len - 1);
  }

  clone(): ListValue {
    return ListValue.from(this.toArray());
  }
}

// COPY duplicates a list element by element (listTypeDup).
registerTypeCopier('list', (v) => (v as ListValue).clone());
