// The insertion-ordered string index behind every SCAN-able hash table: the
// keyspace (Db), hashtable-encoded hashes and sets. It gives SCAN its guarantee
// with stable cursors and gives the random commands (RANDOMKEY, SRANDMEMBER,
// SPOP, HRANDFIELD) an O(1) uniform pick.

/**
 * Strings in insertion order with tombstones. Each entry gets a stable id when
 * added (the owner keeps it: Db in RObj.id, collections in a member -> id map);
 * ids in `ids` are ascending, so a SCAN cursor (an id) survives deletions and
 * compaction: an entry present for the whole scan is returned exactly once, as
 * Redis's reverse-binary dictScan promises.
 */
export class KeyIndex {
  private items: (string | null)[] = [];
  private ids: number[] = [];
  private holes = 0;
  private nextId = 1;

  /** Number of live entries. */
  get size(): number {
    return this.items.length - this.holes;
  }

  add(item: string): number {
    const id = this.nextId++;
    this.items.push(item);
    this.ids.push(id);
    return id;
  }

  remove(id: number): void {
    const i = this.find(id);
    if (i < 0 || this.items[i] === null) return;
    this.items[i] = null;
    this.holes++;
    if (this.holes > 64 && this.holes * 2 > this.items.length) this.compact();
  }

  clear(): void {
    this.items = [];
    this.ids = [];
    this.holes = 0;
  }

  /**
   * A uniformly random live entry, or undefined if empty. Compaction keeps at
   * least half of the slots live, so the expected number of draws is below 2.
   */
  random(rand: () => number): string | undefined {
    if (this.size === 0) return undefined;
    const items = this.items;
    for (;;) {
      const item = items[Math.floor(rand() * items.length)];
      if (item !== null) return item;
    }
  }

  /**
   * One SCAN step from `cursor` (0 = start): calls visit for up to `count` live
   * entries and returns the next cursor (0 when the walk is complete).
   */
  scan(cursor: number, count: number, visit: (item: string) => void): number {
    const { items, ids } = this;
    let i = cursor === 0 ? 0 : this.lowerBound(cursor);
    let seen = 0;
    while (i < items.length && seen < count) {
      const item = items[i];
      if (item !== null) { visit(item); seen++; }
      i++;
    }
    while (i < items.length && items[i] === null) i++;
    return i >= items.length ? 0 : ids[i];
  }

  /** Index of the first slot whose id is >= id. */
  private lowerBound(id: number): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private find(id: number): number {
    const i = this.lowerBound(id);
    return i < this.ids.length && this.ids[i] === id ? i : -1;
  }

  private compact(): void {
    const items: string[] = [];
    const ids: number[] = [];
    for (let i = 0; i < this.items.length; i++) {
      const item = this.items[i];
      if (item !== null) { items.push(item); ids.push(this.ids[i]); }
    }
    this.items = items;
    this.ids = ids;
    this.holes = 0;
  }
}

/** A scan cursor argument (an unsigned long) as a KeyIndex cursor: beyond 2^53 nothing is left. */
export function indexCursor(cursor: bigint): number {
  return cursor > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(cursor);
}

/** `count` distinct positions of 0..size-1 in drawn order (a partial Fisher-Yates shuffle). */
export function distinctPositions(size: number, count: number, rand: () => number): number[] {
  const positions = Array.from({ length: size }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rand() * (size - i));
    [positions[i], positions[j]] = [positions[j], positions[i]];
  }
  return positions.slice(0, count);
}

/**
 * `count` distinct random entries of a big index, drawn until enough are found
 * (Redis's CASE 4 of SRANDMEMBER/HRANDFIELD, used when count * 3 <= size).
 */
export function drawDistinct(index: KeyIndex, count: number, rand: () => number): string[] {
  const picked = new Set<string>();
  while (picked.size < count) picked.add(index.random(rand)!);
  return [...picked];
}
