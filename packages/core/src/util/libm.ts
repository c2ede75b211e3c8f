// sin, cos and asin rounded correctly to the nearest double, for the geo
// distances. Redis calls the C library's functions, and glibc's are within
// about 0.51 ulp, while V8's fdlibm-derived Math.sin/cos/asin are off by one
// ulp in a few percent of calls; correctly rounded results agree with glibc
// in all but about 0.1% of calls (measured by scripts/gen-libm-fixture.c).
//
// Each function computes its result in double-double arithmetic (an
// unevaluated sum hi + lo carrying about 106 bits) and rounds that to a double.
// The double-double helpers leave their result in `reg` (reg.h + reg.l)
// rather than allocating a pair per operation: an object property, unlike a
// module-level `let`, is read and written as fast as a local.

const reg = { h: 0, l: 0 };

/** Dekker's splitter for 53-bit doubles: 2^27 + 1. */
const SPLITTER = 134217729;

/** twoSum: reg.h + reg.l = a + b exactly. */
function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  reg.l = (a - (s - bb)) + (b - bb);
  reg.h = s;
}

/** quickTwoSum for |a| >= |b|. */
function quickTwoSum(a: number, b: number): void {
  const s = a + b;
  reg.l = b - (s - a);
  reg.h = s;
}

/** twoProd without a fused multiply-add: reg.h + reg.l = a * b exactly. */
function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  reg.l = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  reg.h = p;
}

/** (ah + al) + (bh + bl), the accurate double-double sum. */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const sh = reg.h;
  const sl = reg.l;
  twoSum(al, bl);
  const th = reg.h;
  const tl = reg.l;
  quickTwoSum(sh, sl + th);
  quickTwoSum(reg.h, reg.l + tl);
}

/** (ah + al) * (bh + bl). */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  quickTwoSum(reg.h, reg.l + (ah * bl + al * bh));
}

/** (ah + al) / (bh + bl): a quotient estimate corrected twice by the remainder. */
function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMul(bh, bl, q1, 0);
  ddAdd(ah, al, -reg.h, -reg.l);
  const q2 = reg.h / bh;
  const r1h = reg.h;
  const r1l = reg.l;
  ddMul(bh, bl, q2, 0);
  ddAdd(r1h, r1l, -reg.h, -reg.l);
  const q3 = reg.h / bh;
  quickTwoSum(q1, q2);
  ddAdd(reg.h, reg.l, q3, 0);
}

/** sqrt(ah + al) for a non-negative argument: one Newton correction of the double square root. */
function ddSqrt(ah: number, al: number): void {
  const s = Math.sqrt(ah);
  if (s === 0) {
    reg.h = s;
    reg.l = 0;
    return;
  }
  twoProd(s, s);
  ddAdd(ah, al, -reg.h, -reg.l);
  quickTwoSum(s, reg.h / (2 * s));
}

/**
 * The Taylor coefficients of sin(r)/r = sum (-1)^m r^2m / (2m+1)! and of
 * cos(r) = sum (-1)^m r^2m / (2m)!, as double-doubles, for m = 0 to 14. For
 * |r| <= pi/4 the terms from r^30 on are below 2^-106.
 */
const SIN_HI: number[] = [1];
const SIN_LO: number[] = [0];
const COS_HI: number[] = [1];
const COS_LO: number[] = [0];
for (let m = 1; m <= 14; m++) {
  ddDiv(-SIN_HI[m - 1], -SIN_LO[m - 1], 2 * m * (2 * m + 1), 0);
  SIN_HI.push(reg.h);
  SIN_LO.push(reg.l);
  ddDiv(-COS_HI[m - 1], -COS_LO[m - 1], (2 * m - 1) * 2 * m, 0);
  COS_HI.push(reg.h);
  COS_LO.push(reg.l);
}

/**
 * The series sum c_m r2^m by Horner's rule: the terms from m = `tail` on are
 * below 2^-54 for |r| <= pi/4, so they are summed in plain doubles, the
 * others in double-double. Each partial sum is dominated by its coefficient
 * (no cancellation), so the plain quickTwoSum renormalisation is accurate.
 */
function series(r2h: number, r2l: number, hi: number[], lo: number[], tail: number): void {
  let t = hi[14];
  for (let m = 13; m >= tail; m--) t = hi[m] + r2h * t;
  let th = t;
  let tl = 0;
  for (let m = tail - 1; m >= 0; m--) {
    ddMul(r2h, r2l, th, tl);
    const ph = reg.h;
    const pl = reg.l;
    twoSum(hi[m], ph);
    quickTwoSum(reg.h, reg.l + pl + lo[m]);
    th = reg.h;
    tl = reg.l;
  }
}

/** sin(r0h + r0l) for |r| <= pi/4, in the registers. */
function kernelSin(r0h: number, r0l: number): void {
  ddMul(r0h, r0l, r0h, r0l);
  series(reg.h, reg.l, SIN_HI, SIN_LO, 8);
  ddMul(r0h, r0l, reg.h, reg.l);
}

/** cos(r0h + r0l) for |r| <= pi/4, in the registers. */
function kernelCos(r0h: number, r0l: number): void {
  ddMul(r0h, r0l, r0h, r0l);
  series(reg.h, reg.l, COS_HI, COS_LO, 9);
}

/** pi/2 in 33-bit pieces (so k * piece is exact for k < 2^20), then the rest. */
const PIO2_1 = 1.5707963267341256;
const PIO2_2 = 6.077100506303966e-11;
const PIO2_3 = 2.0222662487111665e-21;
const PIO2_4 = 8.4784276603689e-32;
const TWO_OVER_PI = 0.6366197723675814;
/** Past this the 3-piece reduction loses bits; geo never gets near it. */
const REDUCTION_LIMIT = 2 ** 19;

/**
 * Reduces x by the nearest multiple k of pi/2 to r = x - k pi/2 (|r| <= ~pi/4)
 * in the registers, and returns k mod 4, the quadrant.
 */
function reduce(x: number): number {
  const k = Math.round(x * TWO_OVER_PI);
  // x - k * PIO2_1 is exact (Sterbenz), as are the products with the 33-bit pieces.
  twoSum(x - k * PIO2_1, -k * PIO2_2);
  ddAdd(reg.h, reg.l, -k * PIO2_3, -k * PIO2_4);
  return k & 3;
}

/** sin or cos (cos is sin one quadrant on) of x, rounded to nearest. */
function sinQuadrant(x: number, shift: number): number {
  const q = (reduce(x) + shift) & 3;
  const r0h = reg.h;
  const r0l = reg.l;
  if (q & 1) kernelCos(r0h, r0l);
  else kernelSin(r0h, r0l);
  return q & 2 ? -(reg.h + reg.l) : reg.h + reg.l;
}

/** sin(x) correctly rounded (for |x| < 2^19; beyond, Math.sin, which geo never reaches). */
export function sin(x: number): number {
  if (x === 0 || !(Math.abs(x) < REDUCTION_LIMIT)) return Math.sin(x);
  return sinQuadrant(x, 0);
}

/** cos(x) correctly rounded (for |x| < 2^19; beyond, Math.cos, which geo never reaches). */
export function cos(x: number): number {
  if (!(Math.abs(x) < REDUCTION_LIMIT)) return Math.cos(x);
  return sinQuadrant(x, 1);
}

/**
 * asin(sh + sl) for 0 <= s <= 1/2 in the registers: Math.asin's result y, good
 * to an ulp, refined by one Newton step y += (s - sin y) / cos y, which doubles
 * its correct bits. The step is about an ulp of y, so its quotient only needs
 * double precision: Math.cos and a double division do.
 */
function asinNewton(sh: number, sl: number): void {
  const y0 = Math.asin(sh);
  kernelSin(y0, 0);
  ddAdd(sh, sl, -reg.h, -reg.l);
  quickTwoSum(y0, (reg.h + reg.l) / Math.cos(y0));
}

const PIO2_HI = 1.5707963267948966;
const PIO2_LO = 6.123233995736766e-17;

/** asin(x) correctly rounded. */
export function asin(x: number): number {
  const a = Math.abs(x);
  if (a === 0 || !(a <= 1)) return Math.asin(x);
  if (a <= 0.5) {
    asinNewton(a, 0);
  } else {
    // asin(a) = pi/2 - 2 asin(sqrt((1 - a) / 2)) keeps the Newton step away from
    // a = 1, where asin's slope is infinite; 1 - a and the halving are exact.
    ddSqrt((1 - a) / 2, 0);
    asinNewton(reg.h, reg.l);
    ddAdd(PIO2_HI, PIO2_LO, -2 * reg.h, -2 * reg.l);
  }
  const y = reg.h + reg.l;
  return x < 0 ? -y : y;
}
