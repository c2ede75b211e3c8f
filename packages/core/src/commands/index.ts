// Every implemented command, by lowercase full name ("get", "config|get").
// One module per group, as Redis groups its t_*.c files.
import type { Handler } from '../table/table.ts';
import { commandCommands } from './command.ts';
import { connectionCommands } from './connection.ts';
import { keyspaceCommands } from './keyspace.ts';
import { serverCommands } from './server.ts';
import { stringCommands } from './string.ts';

export const ALL_HANDLERS: Record<string, Handler> = {
  ...stringCommands,
  ...keyspaceCommands,
  ...connectionCommands,
  ...serverCommands,
  ...commandCommands,
};
