// The skip list of Redis's sorted sets (t_zset.c zsl*): nodes ordered by
// (score, member bytes), each forward link carrying its span so that rank
// queries and rank lookups are O(log n). Member order is memcmp order, which
// for latin1 strings (one char per byte) is JS string `<`.

/** ZSKIPLIST_MAXLEVEL and ZSKIPLIST_P, as in Redis. */
const MAX_LEVEL = 32;
const P = 0.25;

export class ZNode {
  readonly forward: (ZNode | null)[];
  /** span[i]: how many level-0 steps forward[i] jumps. */
  readonly span: number[];
  backward: ZNode | null = null;
  /** The owner's stable id for this member (ZSetValue's ZSCAN order). */
  id = 0;

  constructor(
    readonly ele: string,
    public score: number,
    level: number,
  ) {
    this.forward = new Array<ZNode | null>(level).fill(null);
    this.span = new Array<number>(level).fill(0);
  }
}

/** A score interval: `(` bounds are exclusive (zrangespec). */
export interface ScoreRange {
  min: number;
  max: number;
  minex: boolean;
  maxex: boolean;
}

/** The `-` and `+` lex bounds (Redis's shared.minstring / shared.maxstring). */
export const LEX_MIN: unique symbol = Symbol('-');
export const LEX_MAX: unique symbol = Symbol('+');
export type LexItem = string | typeof LEX_MIN | typeof LEX_MAX;

/** A lex interval (zlexrangespec). */
export interface LexRange {
  min: LexItem;
  max: LexItem;
  minex: boolean;
  maxex: boolean;
}

/** sdscmplex: `-` sorts before every string, `+` after; identical bounds are equal. */
export function compareLex(a: LexItem, b: LexItem): number {
  if (a === b) return 0;
  if (a === LEX_MIN || b === LEX_MAX) return -1;
  if (a === LEX_MAX || b === LEX_MIN) return 1;
  return a < b ? -1 : 1;
}

export const scoreGteMin = (v: number, r: ScoreRange): boolean => (r.minex ? v > r.min : v >= r.min);
export const scoreLteMax = (v: number, r: ScoreRange): boolean => (r.maxex ? v < r.max : v <= r.max);
export const lexGteMin = (v: string, r: LexRange): boolean => {
  const c = compareLex(v, r.min);
  return r.minex ? c > 0 : c >= 0;
};
export const lexLteMax = (v: string, r: LexRange): boolean => {
  const c = compareLex(v, r.max);
  return r.maxex ? c < 0 : c <= 0;
};

/** Whether a range can contain anything at all (min <= max, not an empty open interval). */
export function scoreRangeEmpty(r: ScoreRange): boolean {
  return r.min > r.max || (r.min === r.max && (r.minex || r.maxex));
}

export function lexRangeEmpty(r: LexRange): boolean {
  const c = compareLex(r.min, r.max);
  return c > 0 || (c === 0 && (r.minex || r.maxex));
}

/** Whether node a's key (score, ele) sorts before (score, ele). */
const before = (n: ZNode, score: number, ele: string): boolean => n.score < score || (n.score === score && n.ele < ele);

export class SkipList {
  readonly header = new ZNode('', 0, MAX_LEVEL);
  tail: ZNode | null = null;
  length = 0;
  level = 1;
  /** A private xorshift generator: levels only shape the structure, never a reply. */
  private seed = 0x2545f491;
  /** Scratch vectors reused by every insert/delete (a skip list is never re-entered). */
  private readonly update: ZNode[] = new Array<ZNode>(MAX_LEVEL).fill(this.header);
  private readonly rankAt: number[] = new Array<number>(MAX_LEVEL).fill(0);

  private randomLevel(): number {
    let level = 1;
    for (;;) {
      let x = this.seed;
      x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
      this.seed = x >>> 0;
      if (level < MAX_LEVEL && (this.seed & 0xffff) < P * 0xffff) level++;
      else return level;
    }
  }

  get first(): ZNode | null {
    return this.header.forward[0];
  }

  /** zslInsert: the element must not be present. */
  insert(score: number, ele: string): ZNode {
    const update = this.update;
    const rank = this.rankAt;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      rank[i] = i === this.level - 1 ? 0 : rank[i + 1];
      let next = x.forward[i];
      while (next !== null && before(next, score, ele)) {
        rank[i] += x.span[i];
        x = next;
        next = x.forward[i];
      }
      update[i] = x;
    }
    const level = this.randomLevel();
    if (level > this.level) {
      for (let i = this.level; i < level; i++) {
        rank[i] = 0;
        update[i] = this.header;
        update[i].span[i] = this.length;
      }
      this.level = level;
    }
    const node = new ZNode(ele, score, level);
    for (let i = 0; i < level; i++) {
      node.forward[i] = update[i].forward[i];
      update[i].forward[i] = node;
      node.span[i] = update[i].span[i] - (rank[0] - rank[i]);
      update[i].span[i] = rank[0] - rank[i] + 1;
    }
    for (let i = level; i < this.level; i++) update[i].span[i]++;
    node.backward = update[0] === this.header ? null : update[0];
    if (node.forward[0] !== null) node.forward[0].backward = node;
    else this.tail = node;
    this.length++;
    return node;
  }

  /** zslDeleteNode: unlink x given the update vector of its predecessors. */
  private unlink(x: ZNode, update: ZNode[]): void {
    for (let i = 0; i < this.level; i++) {
      if (update[i].forward[i] === x) {
        update[i].span[i] += x.span[i] - 1;
        update[i].forward[i] = x.forward[i];
      } else {
        update[i].span[i]--;
      }
    }
    if (x.forward[0] !== null) x.forward[0].backward = x.backward;
    else this.tail = x.backward;
    while (this.level > 1 && this.header.forward[this.level - 1] === null) this.level--;
    this.length--;
  }

  /** The predecessors of (score, ele) at every level. */
  private predecessors(score: number, ele: string): ZNode[] {
    const update = this.update;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && before(next, score, ele)) {
        x = next;
        next = x.forward[i];
      }
      update[i] = x;
    }
    return update;
  }

  /** zslDelete: remove the node with this score and element; false if absent. */
  delete(score: number, ele: string): boolean {
    const update = this.predecessors(score, ele);
    const x = update[0].forward[0];
    if (x === null || x.score !== score || x.ele !== ele) return false;
    this.unlink(x, update);
    return true;
  }

  /**
   * zslUpdateScore: move a node to its new score. When it stays between its
   * neighbours the node is updated in place, as Redis does.
   */
  updateScore(node: ZNode, newScore: number): ZNode {
    const update = this.predecessors(node.score, node.ele);
    const x = update[0].forward[0]!;
    const prev = x.backward;
    const next = x.forward[0];
    if ((prev === null || prev.score < newScore || (prev.score === newScore && prev.ele < x.ele)) &&
        (next === null || next.score > newScore || (next.score === newScore && next.ele > x.ele))) {
      x.score = newScore;
      return x;
    }
    this.unlink(x, update);
    const moved = this.insert(newScore, x.ele);
    moved.id = x.id;
    return moved;
  }

  /** zslGetRank: the 1-based rank of (score, ele), 0 if absent. */
  rank(score: number, ele: string): number {
    let rank = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && (next.score < score || (next.score === score && next.ele <= ele))) {
        rank += x.span[i];
        x = next;
        next = x.forward[i];
      }
      if (x !== this.header && x.ele === ele && x.score === score) return rank;
    }
    return 0;
  }

  /** zslGetElementByRank: the node at a 1-based rank, or null. */
  byRank(rank: number): ZNode | null {
    if (rank < 1 || rank > this.length) return null;
    let traversed = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && traversed + x.span[i] <= rank) {
        traversed += x.span[i];
        x = next;
        next = x.forward[i];
      }
      if (traversed === rank) return x;
    }
    return null;
  }

  /** zslFirstInRange: the first node whose score is in range, or null. */
  firstInScoreRange(r: ScoreRange): ZNode | null {
    if (scoreRangeEmpty(r) || this.tail === null || !scoreGteMin(this.tail.score, r)) return null;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && !scoreGteMin(next.score, r)) {
        x = next;
        next = x.forward[i];
      }
    }
    const n = x.forward[0];
    return n !== null && scoreLteMax(n.score, r) ? n : null;
  }

  /** zslLastInRange: the last node whose score is in range, or null. */
  lastInScoreRange(r: ScoreRange): ZNode | null {
    const first = this.first;
    if (scoreRangeEmpty(r) || first === null || !scoreLteMax(first.score, r)) return null;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && scoreLteMax(next.score, r)) {
        x = next;
        next = x.forward[i];
      }
    }
    return x !== this.header && scoreGteMin(x.score, r) ? x : null;
  }

  firstInLexRange(r: LexRange): ZNode | null {
    if (lexRangeEmpty(r) || this.tail === null || !lexGteMin(this.tail.ele, r)) return null;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && !lexGteMin(next.ele, r)) {
        x = next;
        next = x.forward[i];
      }
    }
    const n = x.forward[0];
    return n !== null && lexLteMax(n.ele, r) ? n : null;
  }

  lastInLexRange(r: LexRange): ZNode | null {
    const first = this.first;
    if (lexRangeEmpty(r) || first === null || !lexLteMax(first.ele, r)) return null;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && lexLteMax(next.ele, r)) {
        x = next;
        next = x.forward[i];
      }
    }
    return x !== this.header && lexGteMin(x.ele, r) ? x : null;
  }

  /**
   * zzlFirstInLexRange / zzlLastInLexRange: a listpack finds a lex bound by walking
   * from its head (or tail), not by descending. When scores differ, lex order is
   * not the set's order, and the walk is what decides which member a listpack
   * starts from; the two agree whenever all scores are equal.
   */
  firstInLexRangeByWalk(r: LexRange): ZNode | null {
    if (lexRangeEmpty(r) || this.tail === null || !lexGteMin(this.tail.ele, r)) return null;
    const first = this.first!;
    if (!lexLteMax(first.ele, r)) return null;
    for (let n: ZNode | null = first; n !== null; n = n.forward[0]) {
      if (lexGteMin(n.ele, r)) return lexLteMax(n.ele, r) ? n : null;
    }
    return null;
  }

  lastInLexRangeByWalk(r: LexRange): ZNode | null {
    if (lexRangeEmpty(r) || this.tail === null || !lexGteMin(this.tail.ele, r)) return null;
    if (!lexLteMax(this.first!.ele, r)) return null;
    for (let n: ZNode | null = this.tail; n !== null; n = n.backward) {
      if (lexLteMax(n.ele, r)) return lexGteMin(n.ele, r) ? n : null;
    }
    return null;
  }

  /** zzlDeleteRangeByLex: from the walked first member while <= max. */
  deleteLexRangeByWalk(r: LexRange, removed: (ele: string) => void): number {
    let n = this.firstInLexRangeByWalk(r);
    let count = 0;
    while (n !== null && lexLteMax(n.ele, r)) {
      const following = n.forward[0];
      this.delete(n.score, n.ele);
      removed(n.ele);
      count++;
      n = following;
    }
    return count;
  }

  /**
   * Delete every node from the first one for which `inRange` holds at the front
   * of the scan (found by `skip`, which says a node is still before the range)
   * while `inRange` holds; each removed element is reported to `removed`.
   */
  private deleteWhile(skip: (n: ZNode) => boolean, inRange: (n: ZNode) => boolean, removed: (ele: string) => void): number {
    const update: ZNode[] = new Array(MAX_LEVEL);
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && skip(next)) {
        x = next;
        next = x.forward[i];
      }
      update[i] = x;
    }
    let n = x.forward[0];
    let count = 0;
    while (n !== null && inRange(n)) {
      const following = n.forward[0];
      this.unlink(n, update);
      removed(n.ele);
      count++;
      n = following;
    }
    return count;
  }

  /** zslDeleteRangeByScore. */
  deleteScoreRange(r: ScoreRange, removed: (ele: string) => void): number {
    if (scoreRangeEmpty(r)) return 0;
    return this.deleteWhile((n) => !scoreGteMin(n.score, r), (n) => scoreLteMax(n.score, r), removed);
  }

  /** zslDeleteRangeByLex. */
  deleteLexRange(r: LexRange, removed: (ele: string) => void): number {
    if (lexRangeEmpty(r)) return 0;
    return this.deleteWhile((n) => !lexGteMin(n.ele, r), (n) => lexLteMax(n.ele, r), removed);
  }

  /** zslDeleteRangeByRank: 1-based inclusive ranks. */
  deleteRankRange(start: number, end: number, removed: (ele: string) => void): number {
    const update: ZNode[] = new Array(MAX_LEVEL);
    let traversed = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && traversed + x.span[i] < start) {
        traversed += x.span[i];
        x = next;
        next = x.forward[i];
      }
      update[i] = x;
    }
    traversed++;
    let n = x.forward[0];
    let count = 0;
    while (n !== null && traversed <= end) {
      const following = n.forward[0];
      this.unlink(n, update);
      removed(n.ele);
      count++;
      traversed++;
      n = following;
    }
    return count;
  }
}
