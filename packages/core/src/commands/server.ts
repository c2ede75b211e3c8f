// server commands.
import type { Handler } from '../table/table.ts';

export const serverCommands: Record<string, Handler> = {};
