// The multi-client differential runner: every module in ./cases/ becomes one
// describe, each of its cases one test, run against real redis-server 7.0.15 and
// redmoon-server (see harness.ts); plus the harness's self-tests.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, int } from '../../../packages/core/src/index.ts';
import { createScriptingServer } from '../../../packages/lua/src/index.ts';
import type { MultiCase } from './case.ts';
import { assertMultiCase, compareTranscripts, formatMultiMismatch, type MultiHarness, runMultiCase, startMultiHarness } from './harness.ts';

const CASES_DIR = new URL('./cases/', import.meta.url);

interface CaseModule {
  name: string;
  cases: MultiCase[];
}

async function loadCaseModules(): Promise<CaseModule[]> {
  const files = readdirSync(CASES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  return Promise.all(files.map(async (file) => {
    const mod: { cases?: unknown } = await import(new URL(file, CASES_DIR).href);
    if (!Array.isArray(mod.cases)) throw new Error(`multi/cases/${file} does not export \`cases: MultiCase[]\``);
    return { name: file.replace(/\.ts$/, ''), cases: mod.cases as MultiCase[] };
  }));
}

const modules = await loadCaseModules();

let harness: MultiHarness;
beforeAll(async () => { harness = await startMultiHarness(); });
afterAll(async () => { await harness?.close(); });

for (const m of modules) {
  describe(m.name, () => {
    for (const k of m.cases) test(k.name, () => assertMultiCase(harness, k));
  });
}

test('case inventory', () => {
  const total = modules.reduce((n, m) => n + m.cases.length, 0);
  console.log(`multi-client differential cases: ${total} in ${modules.length} modules (${modules.map((m) => `${m.name} ${m.cases.length}`).join(', ')})`);
  for (const m of modules) {
    const seen = new Set<string>();
    const dups = m.cases.map((k) => k.name).filter((n) => (seen.has(n) ? true : (seen.add(n), false)));
    expect(dups, `duplicate case names in multi/cases/${m.name}.ts`).toEqual([]);
  }
});

describe('harness self-test', () => {
  test('identical behaviour passes, with pushes, $id, sleep, blocks and closed connections', async () => {
    const k: MultiCase = {
      name: 'self-test pass',
      clients: 3,
      resp3: [2],
      steps: [
        { c: 0, cmd: ['SUBSCRIBE', 'ch'] },
        { c: 2, cmd: ['SUBSCRIBE', 'ch'] },
        { c: 1, cmd: ['PUBLISH', 'ch', 'hi\x00\xff'] },
        { c: 1, cmd: ['CLIENT', 'REPLY', 'OFF'], blocks: true },
        { c: 1, cmd: ['PING'], blocks: true },
        { sleep: 5 },
        { c: 2, cmd: ['CLIENT', 'KILL', 'ID', '$id0'] },
        { c: 2, cmd: ['QUIT'] },
      ],
    };
    expect(await runMultiCase(harness, k)).toBeNull();
  });

  test('a reply that differs is caught, naming the step and connection', async () => {
    const k: MultiCase = { name: 'self-test reply', steps: [{ c: 0, cmd: ['SET', 'k', 'v'] }, { c: 1, cmd: ['GET', 'k'] }] };
    const m = compareTranscripts(k, [['+OK\r\n', ''], ['', '$1\r\nv\r\n']], [['+OK\r\n', ''], ['', '$1\r\nw\r\n']]);
    expect(m).not.toBeNull();
    const text = formatMultiMismatch(m!, k.steps.length);
    expect(text).toContain('step 2/2: c1 "GET" "k"');
    expect(text).toContain('connection 1 received (first difference at byte 4)');
    expect(text).toContain('redmoon: "$1\\r\\nw\\r\\n"');
  });

  test('sort applies to the step\'s own connection only', () => {
    const k: MultiCase = { name: 'self-test sort', steps: [{ c: 0, cmd: ['SMEMBERS', 's'], sort: true }] };
    expect(compareTranscripts(k, [['*2\r\n$1\r\na\r\n$1\r\nb\r\n', '']], [['*2\r\n$1\r\nb\r\n$1\r\na\r\n', '']])).toBeNull();
    expect(compareTranscripts(k, [['', '*2\r\n$1\r\na\r\n$1\r\nb\r\n']], [['', '*2\r\n$1\r\nb\r\n$1\r\na\r\n']])).not.toBeNull();
  });

  describe('against a redmoon that publishes the wrong message', () => {
    let tampered: MultiHarness;
    beforeAll(async () => {
      const server = createScriptingServer({
        handlers: { publish: (c: Client) => int(c.server.pubsub.publish(c.argv[1], 'tampered')) },
      });
      tampered = await startMultiHarness({ redmoon: server, spawn: false });
    });
    afterAll(async () => { await tampered?.close(); });

    test('a push that differs on another connection is caught', async () => {
      const k: MultiCase = {
        name: 'self-test push',
        steps: [{ c: 0, cmd: ['SUBSCRIBE', 'ch'] }, { c: 1, cmd: ['PUBLISH', 'ch', 'hello'] }],
      };
      const m = await runMultiCase(tampered, k);
      expect(m).not.toBeNull();
      expect(m!.stepIndex).toBe(1);
      expect(m!.diffs.map((d) => d.connection)).toEqual([0]);
      expect(m!.diffs[0].redis).toBe('*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$5\r\nhello\r\n');
      expect(m!.diffs[0].redmoon).toBe('*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$8\r\ntampered\r\n');
    });
  });
});
