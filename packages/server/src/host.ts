// Facts about the Node process that INFO reports (os, process_id, executable,
// memory, CPU): core is isomorphic and cannot read them, so the Node host does.
// It also gives the Lua memory limit its probe of the process's memory.
import os from 'node:os';
import type { RedisServer } from '@redmoon/core';
import { nodeAclStorage } from './acl-file.ts';
import { applyNodeLuaLimits } from './limits.ts';

export function applyNodeHostFacts(redis: RedisServer): void {
  applyNodeLuaLimits(redis);
  redis.acl.storage = nodeAclStorage;
  const h = redis.host;
  h.os = `${os.type()} ${os.release()} ${os.machine()}`;
  h.processId = process.pid;
  h.executable = process.argv[1] ?? process.execPath;
  h.totalSystemMemory = os.totalmem();
  h.cpuSeconds = () => {
    const u = process.cpuUsage();
    return { user: u.user / 1e6, sys: u.system / 1e6 };
  };
}
