// The runtime command table: Redis's specs joined with redmoon's handlers.
// Only commands with a handler are "implemented"; everything else is an unknown
// command, exactly as a Redis build without that command would answer.
import type { Client } from '../client.ts';
import type { Reply } from '../reply.ts';
import { COMMAND_SPECS } from './commands.generated.ts';
import type { CommandSpec } from './spec.ts';

export type Handler = (c: Client) => Reply;

/** Command flags as bits (server.h CMD_*), for fast generic checks. */
export const F = {
  WRITE: 1 << 0,
  READONLY: 1 << 1,
  DENYOOM: 1 << 2,
  ADMIN: 1 << 4,
  PUBSUB: 1 << 5,
  NOSCRIPT: 1 << 6,
  BLOCKING: 1 << 8,
  LOADING: 1 << 9,
  STALE: 1 << 10,
  SKIP_MONITOR: 1 << 11,
  SKIP_SLOWLOG: 1 << 12,
  ASKING: 1 << 13,
  FAST: 1 << 14,
  NO_AUTH: 1 << 15,
  MAY_REPLICATE: 1 << 16,
  SENTINEL: 1 << 17,
  ONLY_SENTINEL: 1 << 18,
  NO_MANDATORY_KEYS: 1 << 19,
  PROTECTED: 1 << 20,
  MODULE_GETKEYS: 1 << 21,
  MODULE_NO_CLUSTER: 1 << 22,
  NO_ASYNC_LOADING: 1 << 23,
  NO_MULTI: 1 << 24,
  MOVABLE_KEYS: 1 << 25,
  ALLOW_BUSY: 1 << 26,
  MODULE_GETCHANNELS: 1 << 27,
  TOUCHES_ARBITRARY_KEYS: 1 << 28,
} as const;

export interface CommandEntry {
  /** Lowercase name; for a subcommand just the subcommand ("get"). */
  readonly name: string;
  /** Lowercase full name: "get", "config|get". */
  readonly fullname: string;
  readonly spec: CommandSpec;
  readonly arity: number;
  readonly flags: number;
  readonly parent: CommandEntry | null;
  handler: Handler | null;
  /** Implemented subcommands, by lowercase name. */
  readonly subcommands: Map<string, CommandEntry>;
  /** INFO commandstats counters. */
  calls: number;
  usec: number;
  rejectedCalls: number;
  failedCalls: number;
}

function flagBits(spec: CommandSpec): number {
  let bits = 0;
  for (const f of spec.flags ?? []) {
    const b = (F as Record<string, number>)[f];
    if (b !== undefined) bits |= b;
  }
  // Redis marks a command "movablekeys" when its keys cannot be found from
  // first/last/step alone (populateCommandMovableKeys).
  if (spec.keySpecs?.some((k) => !k.begin_search.index || !k.find_keys.range)) bits |= F.MOVABLE_KEYS;
  return bits;
}

/** A table entry for one spec (no handler yet); ACL builds Redis's whole table with it. */
export function commandEntry(spec: CommandSpec, parent: CommandEntry | null): CommandEntry {
  return {
    name: spec.name,
    fullname: parent ? `${parent.name}|${spec.name}` : spec.name,
    spec,
    arity: spec.arity,
    flags: flagBits(spec),
    parent,
    handler: null,
    subcommands: new Map(),
    calls: 0,
    usec: 0,
    rejectedCalls: 0,
    failedCalls: 0,
  };
}

/** Build the table for the given handlers, keyed "cmd" or "container|sub". */
export function buildCommandTable(handlers: Record<string, Handler>): Map<string, CommandEntry> {
  const table = new Map<string, CommandEntry>();
  for (const [fullname, handler] of Object.entries(handlers)) {
    const [top, sub] = fullname.split('|');
    const topSpec = COMMAND_SPECS[top];
    if (!topSpec) throw new Error(`handler for unknown command ${fullname}`);
    let parent = table.get(top);
    if (!parent) {
      parent = commandEntry(topSpec, null);
      table.set(top, parent);
    }
    if (sub === undefined) {
      parent.handler = handler;
      continue;
    }
    const subSpec = topSpec.subcommands?.[sub];
    if (!subSpec) throw new Error(`handler for unknown subcommand ${fullname}`);
    const e = commandEntry({ ...subSpec, name: sub }, parent);
    e.handler = handler;
    parent.subcommands.set(sub, e);
  }
  return table;
}
