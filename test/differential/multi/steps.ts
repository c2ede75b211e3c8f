// Small builders for multi-client cases (cases/*.ts): steps from space-separated
// command text, and a case doubled with some connections in RESP3.
import type { MultiCase, MultiStep } from './case.ts';

export const words = (s: string): string[] => s.split(' ');

/** Send cmd (text split on spaces, or an argv) on connection c. */
export const on = (c: number, cmd: string | string[], extra: { blocks?: true } = {}): MultiStep => ({
  c, cmd: typeof cmd === 'string' ? words(cmd) : cmd, ...extra,
});

/** A command expected not to reply now (it blocks, or is held by CLIENT PAUSE). */
export const blocks = (c: number, cmd: string | string[]): MultiStep => on(c, cmd, { blocks: true });

export const sleep = (ms: number): MultiStep => ({ sleep: ms });

/** The case as written (RESP2 everywhere) and with the listed connections in RESP3. */
export function both(name: string, steps: MultiStep[], resp3: number[], extra: Partial<MultiCase> = {}): MultiCase[] {
  return [
    { name, steps, ...extra },
    { name: `${name} resp3`, steps, resp3, ...extra },
  ];
}
