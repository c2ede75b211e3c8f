// Memory figures INFO reports for scripts and functions, modelled on what
// redis-server 7.0.15's allocator (jemalloc) charges for Redis's structures.

/** jemalloc's size class for an allocation of n bytes (4 classes per doubling above 128). */
export function jemallocSize(n: number): number {
  if (n <= 8) return 8;
  if (n <= 128) return Math.ceil(n / 16) * 16;
  const step = 2 ** (Math.ceil(Math.log2(n)) - 3);
  return Math.ceil(n / step) * step;
}

/**
 * What one cached script adds to used_memory_scripts_eval in redis-server 7.0.15:
 * the body's sds allocation (header 3/5/9 bytes by length, NUL) plus 120 bytes
 * (the sha sds and the cache entry), fitted on the real server's INFO.
 */
export function scriptMemory(bodyLength: number): number {
  const header = bodyLength < 256 ? 3 : bodyLength < 65536 ? 5 : 9;
  return 120 + jemallocSize(header + bodyLength + 1);
}
