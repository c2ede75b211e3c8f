// The README's examples, copied out of README.md and run as users would run
// them: blocks tagged `example:node` with node (tsx), `example:vitest` as a
// vitest test file, `example:sh` with bash from the repository root. Imports of
// `redmoon` and `redmoon/<entry>` are pointed at packages/redmoon's sources.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Inside the repository so that ioredis, vitest and tsx resolve; not matched by the main vitest include. */
const WORK = join(ROOT, 'test/clients/.readme-examples');
const EXPORTS = JSON.parse(readFileSync(join(ROOT, 'packages/redmoon/package.json'), 'utf8')).exports as Record<string, string>;

interface Example { kind: 'node' | 'vitest' | 'sh'; code: string; line: number }

function examples(): Example[] {
  const md = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const out: Example[] = [];
  const re = /^```\w+ example:(node|vitest|sh)\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(md); m !== null; m = re.exec(md)) {
    out.push({ kind: m[1] as Example['kind'], code: m[2], line: md.slice(0, m.index).split('\n').length });
  }
  return out;
}

/** `from 'redmoon/x'` -> the absolute path of that entry point. */
function pointImports(code: string): string {
  return code.replace(/(['"])redmoon(\/[\w-]+)?\1/g, (_, q: string, sub: string | undefined) => {
    const target = EXPORTS[sub === undefined ? '.' : `.${sub}`];
    if (target === undefined) throw new Error(`README imports unknown entry redmoon${sub ?? ''}`);
    return q + join(ROOT, 'packages/redmoon', target) + q;
  });
}

function run(cmd: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: stdout + stderr });
    });
  });
}

const all = examples();

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe('README examples', () => {
  test('the README has one example per use', () => {
    expect(all.map((e) => e.kind).sort()).toEqual(['node', 'sh', 'vitest', 'vitest']);
  });

  // The vitest examples run together, in one vitest process of their own.
  test('vitest examples', async () => {
    mkdirSync(WORK, { recursive: true });
    const vitestExamples = all.filter((ex) => ex.kind === 'vitest');
    vitestExamples.forEach((ex, i) => writeFileSync(join(WORK, `example-${i}.example.ts`), pointImports(ex.code)));
    // Named *.example.ts, with a config of their own: the main run's include never picks them up.
    const config = join(WORK, 'vitest.config.mjs');
    writeFileSync(config, "export default { test: { include: ['*.example.ts'] } };\n");
    const result = await run(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', WORK, '--config', config]);
    expect(result.code, result.out).toBe(0);
    // Without the colour codes of vitest's summary.
    expect(result.out.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(new RegExp(`Tests\\s+${vitestExamples.length} passed`));
  });

  for (const ex of all.filter((e) => e.kind !== 'vitest')) {
    test(`${ex.kind} example at README.md:${ex.line}`, async () => {
      mkdirSync(WORK, { recursive: true });
      let result: { code: number; out: string };
      if (ex.kind === 'node') {
        const file = join(WORK, `example-${ex.line}.mts`);
        writeFileSync(file, pointImports(ex.code));
        result = await run(process.execPath, ['--import', 'tsx', file]);
      } else {
        // Each command's expected output follows it as `# ...` lines.
        const expected = ex.code.split('\n').filter((l) => l.startsWith('# ')).map((l) => l.slice(2));
        result = await run('bash', ['-e', '-c', ex.code]);
        for (const line of expected) expect(result.out).toContain(line);
      }
      expect(result.code, result.out).toBe(0);
    });
  }
});
