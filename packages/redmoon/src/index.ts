// redmoon: what users install. createRedis() is the in-process server with a JS
// API; the engine, scripting and the TCP server are re-exported for direct use.
export { createRedis, Redis, type CreateRedisOptions, type RedisTime } from './redis.ts';
export { RedisReplyError, type JsReply, type BulkMode } from './reply-js.ts';
export type { Arg } from './args.ts';
export { Script, type ScriptRun, type ScriptTarget, type PipelineLike } from './script.ts';
export { type Snapshot, type SnapshotKey, type SnapshotBytes, type SnapshotValue } from './snapshot.ts';
export * from '@redmoon/core';
export { createScriptingServer, scriptingHandlers } from '@redmoon/lua';
export { listen, connectInMemory, InMemorySocket, type ListenOptions, type RunningTcpServer } from '@redmoon/server';
