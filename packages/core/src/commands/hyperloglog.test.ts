// HyperLogLog: the exact bytes redis-server 7.0.15 stores (pinned from a live
// server), MurmurHash64A against a BigInt reference, what is propagated
// (PFCOUNT when it refreshes the cached cardinality, PFDEBUG on an encoding
// change) and the keyspace events (PFMERGE reports pfadd).
import { describe, expect, test } from 'vitest';
import { typeTestServer } from './type-test-server.ts';
import { murmurHash64A } from '../util/murmur64.ts';

/** The reference MurmurHash64A in BigInt arithmetic. */
function murmurReference(s: string, seed: bigint): bigint {
  const M = 0xc6a4a7935bd1e995n;
  const MASK = (1n << 64n) - 1n;
  let h = (seed ^ (BigInt(s.length) * M)) & MASK;
  const end = s.length - (s.length & 7);
  for (let i = 0; i < end; i += 8) {
    let k = 0n;
    for (let j = 7; j >= 0; j--) k = (k << 8n) | BigInt(s.charCodeAt(i + j));
    k = (k * M) & MASK;
    k ^= k >> 47n;
    k = (k * M) & MASK;
    h ^= k;
    h = (h * M) & MASK;
  }
  if (s.length & 7) {
    for (let j = (s.length & 7) - 1; j >= 0; j--) h ^= BigInt(s.charCodeAt(end + j)) << BigInt(8 * j);
    h = (h * M) & MASK;
  }
  h ^= h >> 47n;
  h = (h * M) & MASK;
  return h ^ (h >> 47n);
}

test('MurmurHash64A matches the 64-bit reference on every length and byte', () => {
  for (let n = 0; n < 64; n++) {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode((i * 97 + n * 31) & 255);
    const h = murmurHash64A(s, 0xadc83b19);
    expect((BigInt(h.hi) << 32n) | BigInt(h.lo)).toBe(murmurReference(s, 0xadc83b19n));
    const bytes = Uint8Array.from(s, (ch) => ch.charCodeAt(0));
    expect(murmurHash64A(bytes, 0xadc83b19).lo).toBe(h.lo);
  }
});

describe('bytes', () => {
  test('a sparse HLL and its cached cardinality, as redis-server stores them', () => {
    const { run } = typeTestServer();
    run('PFADD', 'h', 'a', 'b', 'c');
    const regs = '`\xf3\x80P\xb1\x84K\xfb\x80BZ';
    expect(run('GET', 'h')).toBe(`$27\r\nHYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80${regs}\r\n`);
    expect(run('PFCOUNT', 'h')).toBe(':3\r\n');
    expect(run('GET', 'h')).toBe(`$27\r\nHYLL\x01\x00\x00\x00\x03\x00\x00\x00\x00\x00\x00\x00${regs}\r\n`);
    expect(run('PFDEBUG', 'DECODE', 'h')).toBe('$44\r\nZ:8436 v:1,1 Z:4274 v:2,1 Z:3068 v:1,1 Z:603\r\n');
  });

  test('a too-long sparse HLL takes adds in its covered part', () => {
    const { run } = typeTestServer();
    run('SET', 'c', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff\x7f\xff');
    expect(run('PFCOUNT', 'c')).toBe('-INVALIDOBJ Corrupted HLL object detected\r\n');
    expect(run('PFADD', 'c', 'x')).toBe(':1\r\n');
    expect(run('PFDEBUG', 'DECODE', 'c')).toBe('$25\r\nZ:16374 v:2,1 z:9 Z:16384\r\n');
  });

  test('sparse and dense agree once promoted', () => {
    const { run } = typeTestServer({ 'hll-sparse-max-bytes': '100' });
    const els = Array.from({ length: 300 }, (_, i) => `e${i}`);
    run('PFADD', 'a', ...els);
    run('PFADD', 'b', ...els.slice(0, 10));
    expect(run('PFDEBUG', 'ENCODING', 'a')).toBe('+dense\r\n');
    expect(run('PFDEBUG', 'ENCODING', 'b')).toBe('+sparse\r\n');
    run('PFADD', 'b', ...els.slice(10));
    expect(run('PFCOUNT', 'b')).toBe(run('PFCOUNT', 'a'));
    expect(run('GET', 'b')).toBe(run('GET', 'a'));
  });
});

describe('propagation and events', () => {
  test('PFADD counts the creation and each changed register', () => {
    const { server, run, propagated, events } = typeTestServer();
    const before = server.dirty;
    run('PFADD', 'h', 'a');
    expect(server.dirty - before).toBe(2);
    run('PFADD', 'h', 'a');
    expect(server.dirty - before).toBe(2);
    expect(propagated).toEqual(['PFADD h a']);
    expect(events).toEqual(['pfadd h']);
  });

  test('PFCOUNT is propagated only when it refreshes the cache', () => {
    const { run, propagated } = typeTestServer();
    run('PFADD', 'h', 'a');
    run('PFCOUNT', 'h');
    run('PFCOUNT', 'h');
    run('PFCOUNT', 'h', 'h');
    expect(propagated).toEqual(['PFADD h a', 'PFCOUNT h']);
  });

  test('PFMERGE reports pfadd; PFDEBUG propagates an encoding change', () => {
    const { run, propagated, events } = typeTestServer();
    run('PFADD', 'h', 'a');
    run('PFMERGE', 'h');
    run('PFDEBUG', 'TODENSE', 'h');
    run('PFDEBUG', 'TODENSE', 'h');
    run('PFDEBUG', 'GETREG', 'h');
    expect(events).toEqual(['pfadd h', 'pfadd h']);
    expect(propagated).toEqual(['PFADD h a', 'PFMERGE h', 'PFDEBUG TODENSE h']);
  });
});
