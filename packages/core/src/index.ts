// @redmoon/core: the keyspace, data types, command table and dispatch.
// Isomorphic: no Node built-ins (see DESIGN.md).
export { RedisServer, DB_COUNT, type ServerOptions, type Propagated, type Stats } from './server.ts';
export { Client, type ReplyMode } from './client.ts';
export {
  BLOCKED, Blocking, type BlockedState, type BlockedType, type KeyBlock, type ServeBlocked, argTimeout, blockForKeys, signalKeyAsReady,
} from './blocking.ts';
export { ControlledClock, type Clock } from './clock.ts';
export { type AclStorage, scriptAclMessage } from './acl-state.ts';
export { findParam, type OutputBufferLimit } from './config.ts';
export * from './reply.ts';
export { encode, encode2, encode3, type RespVersion } from './resp/encode.ts';
export { CommandError, E } from './errors.ts';
export { formatG, formatDouble } from './util/format.ts';
export { globMatch } from './util/glob.ts';
export { F, type CommandEntry, type Handler } from './table/table.ts';
export { COMMAND_SPECS } from './table/commands.generated.ts';
export type { CommandSpec, ArgSpec, KeySpec } from './table/spec.ts';
// RDB building blocks for payloads outside core (FUNCTION DUMP/RESTORE in the Lua package).
export { RdbFormatError, RdbReader, RdbWriter } from './rdb/encoding.ts';
export { crc64LE } from './rdb/crc64.ts';
export { verifyDumpPayload } from './rdb/load.ts';
/** A deep copy of a stored value (COPY's dup functions): the Lua debugger's forked dataset. */
export { copyValue, type RObj } from './object.ts';
export { RDB_VERSION } from './rdb/types.ts';
export { sdsSplitArgs } from './util/sds-split-args.ts';
