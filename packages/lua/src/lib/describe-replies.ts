// The shape of the library tests: one test per script, each run in a fresh
// state, expecting the reply redis-server 7.0.15 gave.
import { describe, expect, it } from 'vitest';
import { evalResp, newScriptState } from './testkit.ts';

export function describeReplies(library: string, cases: [script: string, reply: string][]): void {
  describe(library, () => {
    it.each(cases)('%s', (script, reply) => {
      expect(evalResp(newScriptState(), script)).toBe(reply);
    });
  });
}
