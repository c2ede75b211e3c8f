// Every implemented command, by lowercase full name ("get", "config|get").
// One module per group, as Redis groups its t_*.c files.
import type { Handler } from '../table/table.ts';
import { aclCommands } from './acl.ts';
import { bitopsCommands } from './bitops.ts';
import { clientBlockingCommands } from './client-blocking.ts';
import { commandCommands } from './command.ts';
import { connectionCommands } from './connection.ts';
import { debugCommands } from './debug.ts';
import { dumpCommands } from './dump.ts';
import { geoCommands } from './geo.ts';
import { hyperloglogCommands } from './hyperloglog.ts';
import { infoCommands } from './info.ts';
import { hashCommands } from './hash.ts';
import { keyspaceCommands } from './keyspace.ts';
import { listCommands } from './list.ts';
import { memoryCommands } from './memory.ts';
import { multiCommands } from './multi.ts';
import { pubsubCommands } from './pubsub.ts';
import { trackingCommands } from './tracking.ts';
import { serverCommands } from './server.ts';
import { setCommands } from './set.ts';
import { sortCommands } from './sort.ts';
import { streamCommands } from './stream.ts';
import { streamGroupCommands } from './stream-group.ts';
import { streamInfoCommands } from './stream-info.ts';
import { streamReadCommands } from './stream-read.ts';
import { stringCommands } from './string.ts';
import { zsetCommands } from './zset.ts';

export const ALL_HANDLERS: Record<string, Handler> = {
  ...stringCommands,
  ...keyspaceCommands,
  ...hashCommands,
  ...setCommands,
  ...listCommands,
  ...sortCommands,
  ...connectionCommands,
  ...clientBlockingCommands,
  ...serverCommands,
  ...infoCommands,
  ...memoryCommands,
  ...debugCommands,
  ...commandCommands,
  ...zsetCommands,
  ...bitopsCommands,
  ...hyperloglogCommands,
  ...dumpCommands,
  ...geoCommands,
  ...streamCommands,
  ...streamReadCommands,
  ...streamGroupCommands,
  ...streamInfoCommands,
  ...pubsubCommands,
  ...trackingCommands,
  ...multiCommands,
  ...aclCommands,
};
