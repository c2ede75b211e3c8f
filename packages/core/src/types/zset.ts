// The sorted set value (Redis's zset: a dict member -> score plus a skip list
// ordered by (score, member)). Redis stores small sorted sets as a listpack kept
// in the same (score, member) order, so every reply is the same for both
// encodings: one structure serves both here and RObj.enc only records what
// OBJECT ENCODING reports (see encodingFor / the conversion rule in zsetAdd).
import { registerTypeCopier } from '../object.ts';
import { KeyIndex } from '../util/keyindex.ts';
import { type LexRange, SkipList, type ZNode } from './skiplist.ts';

export class ZSetValue {
  readonly dict = new Map<string, ZNode>();
  readonly zsl = new SkipList();
  /**
   * Members in insertion order with stable ids: the cursor space of ZSCAN on a
   * skiplist-encoded set (Redis's dictScan guarantee) and ZRANDMEMBER's O(1) pick.
   */
  private readonly order = new KeyIndex();

  get size(): number {
    return this.dict.size;
  }

  score(member: string): number | undefined {
    return this.dict.get(member)?.score;
  }

  /** Add a member that is not present. */
  insert(score: number, member: string): void {
    const node = this.zsl.insert(score, member);
    node.id = this.order.add(member);
    this.dict.set(member, node);
  }

  /** Change a present member's score. */
  update(member: string, score: number): void {
    const node = this.dict.get(member)!;
    this.dict.set(member, this.zsl.updateScore(node, score));
  }

  /** zsetDel: false if the member was not there. */
  remove(member: string): boolean {
    const node = this.dict.get(member);
    if (node === undefined) return false;
    this.zsl.delete(node.score, member);
    this.forget(member);
    return true;
  }

  /** Drop a member from the dict and the scan order (its node is already unlinked). */
  private forget(member: string): void {
    this.order.remove(this.dict.get(member)!.id);
    this.dict.delete(member);
  }

  /** A callback for the skip list's range deletions. */
  readonly removed = (member: string): void => this.forget(member);

  /** The first/last member in a lex range, found as the encoding finds it (see firstInLexRangeByWalk). */
  firstInLex(r: LexRange, listpack: boolean): ZNode | null {
    return listpack ? this.zsl.firstInLexRangeByWalk(r) : this.zsl.firstInLexRange(r);
  }

  lastInLex(r: LexRange, listpack: boolean): ZNode | null {
    return listpack ? this.zsl.lastInLexRangeByWalk(r) : this.zsl.lastInLexRange(r);
  }

  /** zsetRank: 0-based, from the top when reverse; -1 if absent. */
  rank(member: string, reverse: boolean): number {
    const node = this.dict.get(member);
    if (node === undefined) return -1;
    const r = this.zsl.rank(node.score, member);
    return reverse ? this.zsl.length - r : r - 1;
  }

  /** Remove and return the lowest (or highest) member. */
  pop(max: boolean): ZNode | null {
    const node = max ? this.zsl.tail : this.zsl.first;
    if (node === null) return null;
    this.remove(node.ele);
    return node;
  }

  /** Members and scores in order (ascending). */
  *entries(): Generator<ZNode> {
    for (let n = this.zsl.first; n !== null; n = n.forward[0]) yield n;
  }

  /** The length of the longest member (zsetDictGetMaxElementLength). */
  maxMemberLength(): number {
    let max = 0;
    for (const m of this.dict.keys()) if (m.length > max) max = m.length;
    return max;
  }

  /**
   * One ZSCAN step over the stable insertion order: visits up to `count` members
   * from cursor (0 = start) and returns the next cursor (0 when done).
   */
  scan(cursor: number, count: number, visit: (member: string, score: number) => void): number {
    return this.order.scan(cursor, count, (m) => visit(m, this.dict.get(m)!.score));
  }

  /** A uniformly random member (dictGetFairRandomKey), or undefined if empty. */
  randomMember(rand: () => number): string | undefined {
    return this.order.random(rand);
  }

  /** A deep copy (zsetDup). */
  clone(): ZSetValue {
    const copy = new ZSetValue();
    for (const n of this.entries()) copy.insert(n.score, n.ele);
    return copy;
  }
}

registerTypeCopier('zset', (v) => (v as ZSetValue).clone());

/**
 * The encoding Redis gives a sorted set built from scratch (ZUNIONSTORE and
 * friends' zsetConvertToListpackIfNeeded, ZRANGESTORE's zsetTypeCreate + zsetAdd):
 * listpack while both limits hold.
 */
export function encodingFor(size: number, maxMemberLength: number, maxEntries: number, maxValue: number): 'listpack' | 'skiplist' {
  return size <= maxEntries && maxMemberLength <= maxValue ? 'listpack' : 'skiplist';
}

/**
 * A listpack stores a score as its d2string text, which prints -0 as "0" (its
 * integer shortcut): a listpack-encoded set never holds -0, a skiplist does.
 */
export const listpackScore = (score: number): number => score + 0;
