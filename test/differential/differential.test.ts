// The differential runner: every module in ./cases/ becomes one describe, each of
// its cases one test, run against real redis-server 7.0.15 and redmoon (see
// harness.ts). One real server serves the whole file.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Case } from './case.ts';
import { assertCase, type Harness, startHarness } from './harness.ts';

const CASES_DIR = new URL('./cases/', import.meta.url);

interface CaseModule {
  name: string;
  cases: Case[];
}

async function loadCaseModules(): Promise<CaseModule[]> {
  const files = readdirSync(CASES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  return Promise.all(files.map(async (file) => {
    const mod: { cases?: unknown } = await import(new URL(file, CASES_DIR).href);
    if (!Array.isArray(mod.cases)) throw new Error(`cases/${file} does not export \`cases: Case[]\``);
    return { name: file.replace(/\.ts$/, ''), cases: mod.cases as Case[] };
  }));
}

const modules = await loadCaseModules();

let harness: Harness;
beforeAll(async () => { harness = await startHarness(); });
afterAll(async () => { await harness?.close(); });

for (const m of modules) {
  describe(m.name, () => {
    for (const k of m.cases) test(k.name, () => assertCase(harness, k));
  });
}

test('case inventory', () => {
  const total = modules.reduce((n, m) => n + m.cases.length, 0);
  console.log(`differential cases: ${total} in ${modules.length} modules (${modules.map((m) => `${m.name} ${m.cases.length}`).join(', ')})`);
  expect(total).toBeGreaterThan(0);
  // Duplicate names make a failure impossible to find.
  for (const m of modules) {
    const seen = new Set<string>();
    const dups = m.cases.map((k) => k.name).filter((n) => (seen.has(n) ? true : (seen.add(n), false)));
    expect(dups, `duplicate case names in cases/${m.name}.ts`).toEqual([]);
  }
});
