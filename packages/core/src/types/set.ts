// The set value (t_set.c's setType* functions): an intset while every member is
// an int64 and there are at most set-max-intset-entries of them, a hash table
// after that (one way: Redis never converts back). 7.0 has no listpack sets.
import { registerTypeCopier } from '../object.ts';
import { KeyIndex, distinctPositions, drawDistinct } from '../util/keyindex.ts';
import { isInt64String } from '../util/parse.ts';

/**
 * Order of two canonical int64 strings by value (the intset's order), without
 * converting them: the sign, then the number of digits, then the digits.
 */
function compareIntStrings(a: string, b: string): number {
  const negA = a.charCodeAt(0) === 45;
  const negB = b.charCodeAt(0) === 45;
  if (negA !== negB) return negA ? -1 : 1;
  let cmp = a.length - b.length;
  if (cmp === 0) cmp = a < b ? -1 : a > b ? 1 : 0;
  return negA ? -cmp : cmp;
}

export class SetValue {
  /** intset: the members (canonical int64 strings) sorted by value; null once a hash table. */
  private ints: string[] | null = [];
  /** hashtable: member -> its id in `index`. */
  private members: Map<string, number> | null = null;
  private index: KeyIndex | null = null;

  get enc(): 'intset' | 'hashtable' {
    return this.ints !== null ? 'intset' : 'hashtable';
  }

  get size(): number {
    return this.ints !== null ? this.ints.length : this.members!.size;
  }

  /** setTypeCreate: an empty intset if the first member is an integer, else a hash table. */
  static forFirstMember(member: string): SetValue {
    const s = new SetValue();
    if (!isInt64String(member)) s.toHashtable();
    return s;
  }

  /** An empty hash-table set (rdbLoadObject creates one for a set with more members than an intset may hold). */
  static createHashtable(): SetValue {
    const s = new SetValue();
    s.toHashtable();
    return s;
  }

  /** Position of an integer member in the intset, or -(insertion point) - 1. */
  private search(member: string): number {
    const ints = this.ints!;
    let lo = 0;
    let hi = ints.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const cmp = compareIntStrings(ints[mid], member);
      if (cmp === 0) return mid;
      if (cmp < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -lo - 1;
  }

  has(member: string): boolean {
    if (this.ints === null) return this.members!.has(member);
    return isInt64String(member) && this.search(member) >= 0;
  }

  /**
   * setTypeAdd: false if already a member. A non-integer member turns the intset
   * into a hash table first; growing past maxIntsetEntries converts after the add.
   */
  add(member: string, maxIntsetEntries: number): boolean {
    if (this.ints !== null) {
      if (!isInt64String(member)) {
        this.toHashtable();
      } else {
        const pos = this.search(member);
        if (pos >= 0) return false;
        this.ints.splice(-pos - 1, 0, member);
        if (this.ints.length > maxIntsetEntries) this.toHashtable();
        return true;
      }
    }
    const members = this.members!;
    if (members.has(member)) return false;
    members.set(member, this.index!.add(member));
    return true;
  }

  remove(member: string): boolean {
    if (this.ints !== null) {
      if (!isInt64String(member)) return false;
      const pos = this.search(member);
      if (pos < 0) return false;
      this.ints.splice(pos, 1);
      return true;
    }
    const id = this.members!.get(member);
    if (id === undefined) return false;
    this.members!.delete(member);
    this.index!.remove(id);
    return true;
  }

  /** The members in iteration order: ascending for an intset, insertion order for a hash table. */
  values(): IterableIterator<string> {
    return this.ints !== null ? this.ints.values() : this.members!.keys();
  }

  /** setTypeRandomElement: a uniformly random member (the set must not be empty). */
  random(rand: () => number): string {
    if (this.ints !== null) return this.ints[Math.floor(rand() * this.ints.length)];
    return this.index!.random(rand)!;
  }

  /** `count` (< size) distinct random members, in no particular order. */
  randomDistinct(count: number, rand: () => number): string[] {
    if (this.index !== null && count * 3 <= this.size) return drawDistinct(this.index, count, rand);
    const all = [...this.values()];
    return distinctPositions(all.length, count, rand).map((i) => all[i]);
  }

  /**
   * One SSCAN step. An intset is returned whole with cursor 0 (COUNT is ignored);
   * a hash table is walked with stable cursors.
   */
  scan(cursor: number, count: number, visit: (member: string) => void): number {
    if (this.ints !== null) {
      for (const m of this.ints) visit(m);
      return 0;
    }
    return this.index!.scan(cursor, count, visit);
  }

  copy(): SetValue {
    const s = new SetValue();
    if (this.ints !== null) {
      s.ints = this.ints.slice();
    } else {
      s.toHashtable();
      for (const m of this.members!.keys()) s.members!.set(m, s.index!.add(m));
    }
    return s;
  }

  /** setTypeConvert(OBJ_ENCODING_HT). */
  private toHashtable(): void {
    const members = new Map<string, number>();
    const index = new KeyIndex();
    for (const m of this.ints ?? []) members.set(m, index.add(m));
    this.ints = null;
    this.members = members;
    this.index = index;
  }
}

registerTypeCopier('set', (v) => (v as SetValue).copy());
