// The build's isomorphic guard (packages/playground/build/isomorphic-guard.ts):
// what it refuses in core and lua, and what it lets fengari's Node-only paths do.
// The real check runs in the playground build (playground.test.ts).
import { describe, expect, it } from 'vitest';
import { isNodeBuiltin, isomorphicGuard, nodeOnlyUse } from '../../packages/playground/build/isomorphic-guard.ts';

type ResolveId = (this: { error(message: string): never }, id: string, importer?: string) => string | null;
type Transform = (this: { error(message: string): never }, code: string, id: string) => null;

const context = { error(message: string): never { throw new Error(message); } };

describe('isomorphic guard', () => {
  it('knows the Node built-ins', () => {
    for (const id of ['fs', 'node:fs', 'fs/promises', 'net', 'crypto', 'node:crypto', 'child_process', 'buffer']) expect(isNodeBuiltin(id), id).toBe(true);
    for (const id of ['fengari', 'js-sha1', './fs.ts', '@redmoon/core']) expect(isNodeBuiltin(id), id).toBe(false);
  });

  it('finds Buffer, process and require in code, not in comments', () => {
    expect(nodeOnlyUse("const b = Buffer.from(s, 'latin1');")).toBe('Buffer');
    expect(nodeOnlyUse('if (process.env.X) run();')).toBe('process');
    expect(nodeOnlyUse("const fs = require('fs');")).toBe('require()');
    expect(nodeOnlyUse('// no Buffer here, nor process.env\n/* process.exit */ const x = 1;')).toBeNull();
    expect(nodeOnlyUse("const url = 'http://host'; // Buffer")).toBeNull();
  });

  it('fails the build for a core or lua module importing a built-in, and empties fengari\'s', () => {
    const guard = isomorphicGuard();
    const resolveId = guard.resolveId as ResolveId;
    const transform = guard.transform as Transform;
    expect(() => resolveId.call(context, 'node:net', '/r/packages/core/src/server.ts')).toThrow(/imports the Node built-in "node:net"/);
    expect(() => resolveId.call(context, 'fs', '/r/packages/lua/src/eval.ts')).toThrow(/core and lua must stay isomorphic/);
    expect(() => transform.call(context, 'export const b = Buffer.alloc(1);', '/r/packages/lua/src/bytes.ts')).toThrow(/uses Buffer/);
    // Tests beside the sources may use Node; they are never bundled.
    expect(resolveId.call(context, 'fs', '/r/packages/core/src/db.test.ts')).toBeNull();
    expect(resolveId.call(context, 'fs', '/r/node_modules/.pnpm/fengari@0.1.5/node_modules/fengari/src/liolib.js')).toBe('\0redmoon-node-only');
    expect(resolveId.call(context, 'tmp', '/r/node_modules/.pnpm/fengari@0.1.5/node_modules/fengari/src/loslib.js')).toBe('\0redmoon-node-only');
    expect(resolveId.call(context, 'fs', '/r/node_modules/.pnpm/other@1/node_modules/other/index.js')).toBeNull();
  });
});
