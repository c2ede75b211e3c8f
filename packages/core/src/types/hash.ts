// The hash value (t_hash.c's hashType* functions): a listpack while it has at most
// hash-max-listpack-entries fields and no field or value longer than
// hash-max-listpack-value bytes, a hash table after that (one way).
import { registerTypeCopier } from '../object.ts';
import { KeyIndex, distinctPositions, drawDistinct } from '../util/keyindex.ts';

/** The two conversion thresholds, read from the config at each write. */
export interface HashLimits {
  maxEntries: number;
  maxValue: number;
}

export class HashValue {
  /**
   * field -> value. A JS Map keeps insertion order, which is a listpack's order:
   * an update keeps the field's position, a new field is appended at the tail.
   */
  private map = new Map<string, string>();
  /** hashtable only: field -> its id in `index`, for HSCAN and random picks. */
  private ids: Map<string, number> | null = null;
  private index: KeyIndex | null = null;

  get enc(): 'listpack' | 'hashtable' {
    return this.index === null ? 'listpack' : 'hashtable';
  }

  get size(): number {
    return this.map.size;
  }

  get(field: string): string | undefined {
    return this.map.get(field);
  }

  has(field: string): boolean {
    return this.map.has(field);
  }

  /**
   * hashTypeTryConversion: a listpack turns into a hash table when any of the
   * given arguments (fields and values about to be written) is too long for it.
   */
  convertForArgs(args: readonly string[], limits: HashLimits): void {
    if (this.index !== null) return;
    for (const a of args) {
      if (a.length > limits.maxValue) {
        this.toHashtable();
        return;
      }
    }
  }

  /**
   * hashTypeSet: true when the field is new. A field or value too long for a
   * listpack converts it first; growing past maxEntries converts after the insert.
   */
  set(field: string, value: string, limits: HashLimits): boolean {
    if (this.index === null && (field.length > limits.maxValue || value.length > limits.maxValue)) {
      this.toHashtable();
    }
    const created = !this.map.has(field);
    this.map.set(field, value);
    if (created && this.index !== null) this.ids!.set(field, this.index.add(field));
    if (this.index === null && this.map.size > limits.maxEntries) this.toHashtable();
    return created;
  }

  delete(field: string): boolean {
    if (!this.map.delete(field)) return false;
    if (this.index !== null) {
      this.index.remove(this.ids!.get(field)!);
      this.ids!.delete(field);
    }
    return true;
  }

  /** Fields and values in iteration order (the listpack's order for a listpack). */
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }

  fields(): IterableIterator<string> {
    return this.map.keys();
  }

  /**
   * `count` distinct random fields. A listpack returns them in listpack order
   * (lpRandomPairsUnique walks it once), a hash table in the order drawn.
   */
  randomDistinctFields(count: number, rand: () => number): string[] {
    const size = this.map.size;
    // Few fields of a big table: draw until enough distinct ones (CASE 4).
    if (this.index !== null && count * 3 <= size) return drawDistinct(this.index, count, rand);
    const fields = [...this.map.keys()];
    const chosen = distinctPositions(size, count, rand);
    if (this.index === null) chosen.sort((a, b) => a - b);
    return chosen.map((i) => fields[i]);
  }

  /**
   * A random field drawer for repeated picks (HRANDFIELD with a negative count):
   * a hash table draws from its index, a listpack from a snapshot of its fields.
   */
  randomFieldDrawer(rand: () => number): () => string {
    const index = this.index;
    if (index !== null) return () => index.random(rand)!;
    const fields = [...this.map.keys()];
    return () => fields[Math.floor(rand() * fields.length)];
  }

  /**
   * One HSCAN step over fields. A listpack is returned whole with cursor 0 (COUNT
   * is ignored); a hash table is walked with stable cursors.
   */
  scan(cursor: number, count: number, visit: (field: string) => void): number {
    if (this.index === null) {
      for (const f of this.map.keys()) visit(f);
      return 0;
    }
    return this.index.scan(cursor, count, visit);
  }

  copy(): HashValue {
    const h = new HashValue();
    h.map = new Map(this.map);
    if (this.index !== null) h.toHashtable();
    return h;
  }

  /** hashTypeConvert(OBJ_ENCODING_HT) (RESTORE converts a loaded listpack past the entry limit). */
  toHashtable(): void {
    const ids = new Map<string, number>();
    const index = new KeyIndex();
    for (const f of this.map.keys()) ids.set(f, index.add(f));
    this.ids = ids;
    this.index = index;
  }
}

registerTypeCopier('hash', (v) => (v as HashValue).copy());
