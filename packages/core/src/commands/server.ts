// Server commands (server.c, config.c): TIME, LASTSAVE and the CONFIG container.
import type { Client } from '../client.ts';
import { allowProtectedAction, type ParamDef, PARAMS, findParam } from '../config.ts';
import { E, fail } from '../errors.ts';
import { type Reply, array, bulk, int, map, OK } from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { globMatch } from '../util/glob.ts';
import { helpReply } from './help.ts';

function time(c: Client): Reply {
  const us = c.server.clock.nowMicros();
  return array([bulk(String(Math.floor(us / 1e6))), bulk(String(us % 1e6))]);
}

function lastsave(c: Client): Reply {
  return int(c.server.lastSave);
}

/**
 * CONFIG GET pattern [pattern ...]: an exact name (or alias) is answered under the
 * spelling the caller used; a glob matches canonical names and aliases, case-insensitively.
 */
function configGet(c: Client): Reply {
  const matches = new Map<string, ParamDef>();
  for (const pattern of c.argv.slice(2)) {
    if (!/[[*?]/.test(pattern)) {
      const p = findParam(pattern);
      if (p !== undefined && !matches.has(pattern)) matches.set(pattern, p);
      continue;
    }
    for (const p of PARAMS) {
      for (const name of p.alias === undefined ? [p.name] : [p.name, p.alias]) {
        if (!matches.has(name) && globMatch(pattern, name, true)) matches.set(name, p);
      }
    }
  }
  const cfg = c.server.config;
  return map([...matches].map(([name, p]) => [bulk(name), bulk(p.get(cfg))]));
}

/** CONFIG SET name value [name value ...]: all or nothing, as Redis 7.0 applies them. */
function configSet(c: Client): Reply {
  const argv = c.argv;
  if ((argv.length - 2) % 2 !== 0) fail(E.WRONG_ARITY('config|set'));
  const pairs: [ParamDef, string, string][] = [];
  for (let i = 2; i < argv.length; i += 2) {
    const p = findParam(argv[i]) ?? fail(E.CONFIG_SET_UNKNOWN(argv[i]));
    if (p.immutable) fail(E.CONFIG_SET_FAILED(argv[i], "can't set immutable config"));
    if (p.protected && !allowProtectedAction(c.server.config.enableProtectedConfigs, c.addr)) {
      fail(E.CONFIG_SET_FAILED(argv[i], "can't set protected config"));
    }
    // Redis rejects a name given twice, but accepts a parameter and its alias together.
    if (pairs.some(([, n]) => n.toLowerCase() === argv[i].toLowerCase())) fail(E.CONFIG_SET_FAILED(argv[i], 'duplicate parameter'));
    pairs.push([p, argv[i], argv[i + 1]]);
  }
  // Apply to a scratch copy first so a failing value leaves every parameter unchanged.
  const cfg = c.server.config;
  const scratch = { ...cfg, extra: new Map(cfg.extra) };
  for (const [p, name, value] of pairs) {
    const err = p.set(scratch, value);
    if (err !== null) fail(E.CONFIG_SET_FAILED(name, err));
  }
  Object.assign(cfg, scratch);
  // requirepass is the default user's password (ACLUpdateDefaultUserPassword).
  if (pairs.some(([p]) => p.name === 'requirepass')) c.server.acl.updateDefaultPassword(cfg.requirepass);
  return OK;
}

/** CONFIG RESETSTAT: zero the INFO counters (resetServerStats + resetCommandTableStats + resetErrorTableStats). */
function configResetstat(c: Client): Reply {
  const s = c.server.stats;
  s.totalCommandsProcessed = 0;
  s.totalConnectionsReceived = 0;
  s.keyspaceHits = 0;
  s.keyspaceMisses = 0;
  s.expiredKeys = 0;
  s.evictedKeys = 0;
  s.rejectedCalls = 0;
  s.errorReplies.clear();
  for (const cmd of c.server.commands.values()) {
    for (const e of [cmd, ...cmd.subcommands.values()]) {
      e.calls = 0;
      e.usec = 0;
      e.rejectedCalls = 0;
      e.failedCalls = 0;
    }
  }
  return OK;
}

export const serverCommands: Record<string, Handler> = {
  time,
  lastsave,
  'config|get': configGet,
  'config|set': configSet,
  'config|resetstat': configResetstat,
  'config|help': () => helpReply('CONFIG'),
};
