// Redis's pqsort.c: the NetBSD quicksort that SORT uses when BY and LIMIT are
// both given, sorting only the partitions that overlap [lrange, rrange]. It is
// not stable, so elements that compare equal (ALPHA BY with missing keys) end
// up in the order this exact algorithm leaves them: ported step for step,
// with element indexes in place of byte pointers. Redis's copy has no
// swap_cnt shortcut (NetBSD's fall back to insertion sort when a partition
// pass swapped nothing): an already partitioned range is still recursed into.

type Cmp<T> = (a: T, b: T) => number;

function swap<T>(v: T[], i: number, j: number): void {
  const t = v[i];
  v[i] = v[j];
  v[j] = t;
}

/** vecswap: swap n elements starting at i with n elements starting at j. */
function vecswap<T>(v: T[], i: number, j: number, n: number): void {
  for (let k = 0; k < n; k++) swap(v, i + k, j + k);
}

function med3<T>(v: T[], a: number, b: number, c: number, cmp: Cmp<T>): number {
  return cmp(v[a], v[b]) < 0
    ? (cmp(v[b], v[c]) < 0 ? b : (cmp(v[a], v[c]) < 0 ? c : a))
    : (cmp(v[b], v[c]) > 0 ? b : (cmp(v[a], v[c]) < 0 ? a : c));
}

function insertionSort<T>(v: T[], lo: number, n: number, cmp: Cmp<T>): void {
  for (let pm = lo + 1; pm < lo + n; pm++) {
    for (let pl = pm; pl > lo && cmp(v[pl - 1], v[pl]) > 0; pl--) swap(v, pl, pl - 1);
  }
}

/** Whether the sub-array [lo, lo+n) lies entirely outside [lrange, rrange]. */
const outside = (lo: number, n: number, lrange: number, rrange: number): boolean =>
  (lrange < lo && rrange < lo) || (lrange >= lo + n && rrange >= lo + n);

function partialSort<T>(v: T[], lo: number, n: number, cmp: Cmp<T>, lrange: number, rrange: number): void {
  for (;;) {
    if (n < 7) {
      insertionSort(v, lo, n, cmp);
      return;
    }
    let pm = lo + (n >>> 1);
    if (n > 7) {
      let pl = lo;
      let pn = lo + n - 1;
      if (n > 40) {
        const d = n >>> 3;
        pl = med3(v, pl, pl + d, pl + 2 * d, cmp);
        pm = med3(v, pm - d, pm, pm + d, cmp);
        pn = med3(v, pn - 2 * d, pn - d, pn, cmp);
      }
      pm = med3(v, pl, pm, pn, cmp);
    }
    swap(v, lo, pm);
    let pa = lo + 1;
    let pb = pa;
    let pc = lo + n - 1;
    let pd = pc;
    for (;;) {
      let r: number;
      while (pb <= pc && (r = cmp(v[pb], v[lo])) <= 0) {
        if (r === 0) { swap(v, pa, pb); pa++; }
        pb++;
      }
      while (pb <= pc && (r = cmp(v[pc], v[lo])) >= 0) {
        if (r === 0) { swap(v, pc, pd); pd--; }
        pc--;
      }
      if (pb > pc) break;
      swap(v, pb, pc);
      pb++;
      pc--;
    }
    const pn = lo + n;
    let r = Math.min(pa - lo, pb - pa);
    vecswap(v, lo, pb - r, r);
    r = Math.min(pd - pc, pn - pd - 1);
    vecswap(v, pb, pn - r, r);
    if ((r = pb - pa) > 1 && !outside(lo, r, lrange, rrange)) partialSort(v, lo, r, cmp, lrange, rrange);
    if ((r = pd - pc) > 1) {
      lo = pn - r;
      n = r;
      if (!outside(lo, n, lrange, rrange)) continue;
    }
    return;
  }
}

/** pqsort(v, n, cmp, lrange, rrange): elements lrange..rrange end up in sorted position. */
export function pqsort<T>(v: T[], cmp: Cmp<T>, lrange: number, rrange: number): void {
  partialSort(v, 0, v.length, cmp, lrange, rrange);
}
