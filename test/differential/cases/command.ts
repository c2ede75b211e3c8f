// COMMAND and its subcommands. COMMAND INFO / DOCS / GETKEYS / GETKEYSANDFLAGS
// cases are generated from the command table for every implemented command, so
// commands added later are covered without editing this file.
import type { Case, Step } from '../case.ts';
import { ALL_HANDLERS } from '../../../packages/core/src/commands/index.ts';
import { COMMAND_SPECS } from '../../../packages/core/src/table/commands.generated.ts';
import type { ArgSpec } from '../../../packages/core/src/table/spec.ts';

/** Implemented commands by full name ("get", "config|get"), sorted. */
const IMPLEMENTED = Object.keys(ALL_HANDLERS).sort();
const CONTAINERS = IMPLEMENTED.filter((n) => COMMAND_SPECS[n]?.subcommands !== undefined);

/** A valid-looking argv tail for an argument list: keys k1, k2..., the first choice of each oneof. */
function sampleArgs(args: readonly ArgSpec[], counter: { n: number }, withOptional: boolean): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (a.optional && !withOptional) continue;
    const one = (): string[] => {
      const tok = a.token !== undefined && a.token !== '""' ? [a.token] : a.token === '""' ? [''] : [];
      switch (a.type) {
        case 'key': return [...tok, `k${++counter.n}`];
        case 'integer': return [...tok, '1'];
        case 'double': return [...tok, '1.5'];
        case 'unix-time': return [...tok, '1700000000'];
        case 'pure-token': return tok;
        case 'oneof': return [...tok, ...sampleArgs((a.arguments ?? []).slice(0, 1).map((x) => ({ ...x, optional: false })), counter, withOptional)];
        case 'block': return [...tok, ...sampleArgs(a.arguments ?? [], counter, withOptional)];
        default: return [...tok, 'v'];
      }
    };
    out.push(...one());
    if (a.multiple) out.push(...one());
  }
  return out;
}

/** COMMAND GETKEYS/GETKEYSANDFLAGS steps for one full name: required args only, then with optionals. */
export function getkeysSteps(fullname: string): Step[] {
  const [top, sub] = fullname.split('|');
  const spec = sub === undefined ? COMMAND_SPECS[top] : COMMAND_SPECS[top].subcommands?.[sub];
  if (spec === undefined) return [];
  const head = sub === undefined ? [top] : [top, sub];
  const steps: Step[] = [];
  for (const withOptional of [false, true]) {
    const argv = [...head, ...sampleArgs(spec.args ?? [], { n: 0 }, withOptional)];
    steps.push({ cmd: ['COMMAND', 'GETKEYS', ...argv] }, { cmd: ['COMMAND', 'GETKEYSANDFLAGS', ...argv] });
  }
  return steps;
}

// A container's own COMMAND INFO/DOCS lists its subcommands in dict order, and all
// of them, implemented or not: containers are covered through their subcommands.
const perCommand: Case[] = IMPLEMENTED.filter((n) => !CONTAINERS.includes(n)).flatMap((name): Case[] => {
  const steps: Step[] = [{ cmd: ['COMMAND', 'INFO', name] }, { cmd: ['COMMAND', 'DOCS', name] }];
  return [
    { name: `command info/docs ${name}`, cmds: steps },
    { name: `command info/docs ${name} resp3`, resp3: true, cmds: steps },
    { name: `command getkeys ${name}`, cmds: getkeysSteps(name) },
  ];
});

export const cases: Case[] = [
  ...perCommand,
  {
    name: 'command count and list',
    cmds: [
      { cmd: ['COMMAND', 'COUNT'], shape: true },
      ['COMMAND', 'LIST', 'FILTERBY', 'MODULE', 'x'], ['COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'nosuch'],
      ['COMMAND', 'LIST', 'FILTERBY', 'PATTERN'], ['COMMAND', 'LIST', 'FOO'], ['COMMAND', 'LIST', 'FILTERBY', 'FOO', 'x'],
      ['COMMAND', 'LIST', 'FILTERBY', 'PATTERN', 'x', 'y'], ['COMMAND', 'COUNT', 'x'],
      { cmd: ['COMMAND', 'LIST', 'FILTERBY', 'PATTERN', 'ECH*'], sort: true },
      { cmd: ['COMMAND', 'LIST', 'FILTERBY', 'PATTERN', 'p?ng'], sort: true },
      { cmd: ['COMMAND', 'LIST', 'FILTERBY', 'PATTERN', 'client|[gs]e*name'], sort: true },
      { cmd: ['COMMAND', 'LIST', 'FILTERBY', 'pattern', 'command|getkeys*'], sort: true },
    ],
  },
  {
    name: 'command info and docs errors',
    cmds: [
      ['COMMAND', 'INFO', 'nosuchcommand'], ['COMMAND', 'INFO', 'nosuch', 'ping'], ['COMMAND', 'DOCS', 'nosuch'],
      ['COMMAND', 'INFO', 'PING'], ['COMMAND', 'DOCS', 'Ping', 'echo', 'nosuch'], ['COMMAND', 'INFO', 'client|nosuch'],
      ['COMMAND', 'INFO', 'ping|x'], ['COMMAND', 'INFO', 'client|id|x'], ['COMMAND', 'DOCS', 'CLIENT|ID'],
      ['COMMAND', 'INFO', ''], ['COMMAND', 'FOO'],
    ],
  },
  { name: 'command info errors resp3', resp3: true, cmds: [['COMMAND', 'INFO', 'nosuch', 'echo'], ['COMMAND', 'DOCS', 'nosuch']] },
  {
    name: 'command getkeys errors',
    cmds: [
      ['COMMAND', 'GETKEYS'], ['COMMAND', 'GETKEYS', 'nosuch', 'a'], ['COMMAND', 'GETKEYS', 'ping', 'x'],
      ['COMMAND', 'GETKEYS', 'get'], ['COMMAND', 'GETKEYS', 'get', 'a', 'b'], ['COMMAND', 'GETKEYS', 'GET', 'a'],
      ['COMMAND', 'GETKEYSANDFLAGS', 'set', 'a', 'b', 'get'], ['COMMAND', 'GETKEYSANDFLAGS', 'set', 'a', 'b', 'EX', '1'],
      ['COMMAND', 'GETKEYS', 'client', 'kill', 'x'], ['COMMAND', 'GETKEYS', 'config', 'get', 'x'],
      ['COMMAND', 'GETKEYS', 'client', 'nosuch', 'x'], ['COMMAND', 'GETKEYSANDFLAGS'], ['COMMAND', 'GETKEYS', ''],
    ],
  },
  { name: 'command getkeysandflags resp3', resp3: true, cmds: [['COMMAND', 'GETKEYSANDFLAGS', 'set', 'a', 'b', 'get'], ['COMMAND', 'GETKEYS', 'get', 'x']] },
  { name: 'command help', cmds: [['COMMAND', 'HELP'], ['command', 'help', 'x']] },
];
