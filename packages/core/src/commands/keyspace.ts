// keyspace commands.
import type { Handler } from '../table/table.ts';

export const keyspaceCommands: Record<string, Handler> = {};
