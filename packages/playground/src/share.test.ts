import { describe, expect, it } from 'vitest';
import { readShareHash, shareHash } from './share.ts';

describe('share links', () => {
  it('round-trip the script and a small dataset, UTF-8 included', () => {
    const script = { script: "return 'héllo ✓'", keys: 'k', args: '"a b"' };
    const data = { redmoon: 1 as const, dbs: { 0: [{ key: 'k', type: 'string' as const, value: 'ü' }] } };
    const { hash, dataIncluded } = shareHash(script, data);
    expect(dataIncluded).toBe(true);
    expect(hash).toMatch(/^#share=[A-Za-z0-9_-]+$/);
    expect(readShareHash(hash)).toEqual({ script, data });
  });

  it('leave a big dataset out, and ignore other hashes', () => {
    const big = { redmoon: 1 as const, dbs: { 0: [{ key: 'k', type: 'string' as const, value: 'x'.repeat(20_000) }] } };
    const { hash, dataIncluded } = shareHash({ script: 'return 1', keys: '', args: '' }, big);
    expect(dataIncluded).toBe(false);
    expect(readShareHash(hash)?.data).toBeNull();
    expect(readShareHash('#other')).toBeNull();
    expect(readShareHash('#share=!!!')).toBeNull();
  });
});
