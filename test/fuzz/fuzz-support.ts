// Shared by the fuzzers: how long to run and the seed (the PRNG is the random
// differential test's Rng).
//   REDMOON_FUZZ_SECONDS  run time per fuzzer (default 60 under CI=true, else 10)
//   REDMOON_FUZZ_SEED     replay a run (printed at the start of every run)

/** Seconds each fuzzer runs for. */
export function fuzzSeconds(): number {
  const fromEnv = Number(process.env.REDMOON_FUZZ_SECONDS);
  if (Number.isFinite(fromEnv) && fromEnv > 0) return fromEnv;
  return process.env.CI === 'true' ? 60 : 10;
}

/** The run's seed: REDMOON_FUZZ_SEED, or a fresh one. */
export function fuzzSeed(): number {
  const fromEnv = Number(process.env.REDMOON_FUZZ_SEED);
  return Number.isInteger(fromEnv) && process.env.REDMOON_FUZZ_SEED !== undefined ? fromEnv >>> 0 : (Math.random() * 2 ** 32) >>> 0;
}

/** vitest's timeout for a fuzz test: its run time plus room for the last round and the checks. */
export function fuzzTimeoutMs(): number {
  return fuzzSeconds() * 1000 + 60_000;
}

export { Rng } from '../differential/random-gen.ts';
