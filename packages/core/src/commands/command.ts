// command commands.
import type { Handler } from '../table/table.ts';

export const commandCommands: Record<string, Handler> = {};
