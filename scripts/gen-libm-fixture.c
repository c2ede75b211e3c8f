// Checks that glibc's sin, cos and asin are correctly rounded on the inputs
// redmoon's geo code feeds them (radians in [-pi, pi] for sin/cos, [0, 1] for
// asin), against __float128 references from libquadmath, and prints a fixture
// of input/output bit patterns for packages/core/src/util/libm.test.ts.
//
//   gcc -O2 -o /tmp/gen-libm-fixture scripts/gen-libm-fixture.c -lquadmath -lm
//   /tmp/gen-libm-fixture check 1000000   # counts of glibc results != round(reference)
//   /tmp/gen-libm-fixture fixture 667     # "sin <x> <glibc sin x> [<correct>]" lines, hex
#include <math.h>
#include <quadmath.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x9e3779b97f4a7c15ULL;
static uint64_t next64(void) {  // xorshift64*
  rng ^= rng >> 12; rng ^= rng << 25; rng ^= rng >> 27;
  return rng * 2685821657736338717ULL;
}
static double unit(void) { return (next64() >> 11) * 0x1p-53; }

// Uniform in [-pi, pi] most of the time, small magnitudes (as the half
// differences of nearby coordinates) the rest.
static double trigInput(void) {
  double x = (2 * unit() - 1) * M_PI;
  if (next64() % 4 == 0) x = ldexp(x, -(int)(next64() % 40));
  return x;
}
// Uniform in [0, 1], some tiny (nearby points) and some close to 1 (antipodes).
static double asinInput(void) {
  uint64_t k = next64() % 4;
  if (k == 0) return ldexp(unit(), -(int)(next64() % 40));
  if (k == 1) return 1 - ldexp(unit(), -(int)(next64() % 50));
  return unit();
}

static uint64_t bits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }

// One fixture line: name, input, glibc's result, and the correctly rounded
// result when glibc's differs from it.
static void emit(const char *name, double x, double glibc, __float128 ref) {
  printf("%s %016llx %016llx", name, (unsigned long long)bits(x), (unsigned long long)bits(glibc));
  if (glibc != (double)ref) printf(" %016llx", (unsigned long long)bits((double)ref));
  printf("\n");
}

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: %s check|fixture N\n", argv[0]); return 2; }
  long n = atol(argv[2]);
  int fixture = strcmp(argv[1], "fixture") == 0;
  long bad[3] = {0, 0, 0};
  for (long i = 0; i < n; i++) {
    double x = trigInput(), a = asinInput();
    double s = sin(x), c = cos(x), as = asin(a);
    if (fixture) {
      emit("sin", x, s, sinq(x));
      emit("cos", x, c, cosq(x));
      emit("asin", a, as, asinq(a));
      continue;
    }
    if (s != (double)sinq(x)) bad[0]++;
    if (c != (double)cosq(x)) bad[1]++;
    if (as != (double)asinq(a)) bad[2]++;
  }
  if (!fixture) printf("%ld inputs each: sin %ld, cos %ld, asin %ld not correctly rounded\n", n, bad[0], bad[1], bad[2]);
  return 0;
}
