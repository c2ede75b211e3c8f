// redmoon: what users install. For now it gathers the engine, scripting and the
// TCP server under one name; createRedis(), the client drop-ins and the test
// helpers arrive with the "redmoon package" issue.
export * from '@redmoon/core';
export { createScriptingServer, scriptingHandlers } from '@redmoon/lua';
export { listen, type ListenOptions, type RunningTcpServer } from '@redmoon/server';
