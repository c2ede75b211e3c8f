// The ACL container (acl.c aclCommand): SETUSER, GETUSER, DELUSER, LIST, USERS,
// WHOAMI, CAT, GENPASS, DRYRUN, LOG, LOAD, SAVE, HELP.
import { ACL_CATEGORIES, commandsInCategory, hasSpaces, type Selector } from '../acl.ts';
import { dryRunMessage } from '../acl-state.ts';
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import {
  type Reply, array, bulk, bulks, double, int, map, NULL, OK, set,
} from '../reply.ts';
import type { Handler } from '../table/table.ts';
import { argLL, asciiLower, eqi } from '../util/parse.ts';
import { helpReply } from './help.ts';

function aclSetuser(c: Client): Reply {
  const name = c.argv[2];
  if (hasSpaces(name)) fail(E.ACL_BAD_USERNAME);
  const err = c.server.acl.setUser(name, c.argv.slice(3));
  if (err !== null) fail(`ERR ${err}`);
  return OK;
}

/** aclAddReplySelectorDescription: commands, keys, channels. */
function selectorFields(s: Selector): [Reply, Reply][] {
  return [
    [bulk('commands'), bulk(s.describeCommands())],
    [bulk('keys'), bulk(s.describeKeys())],
    [bulk('channels'), bulk(s.describeChannels())],
  ];
}

function aclGetuser(c: Client): Reply {
  const u = c.server.acl.users.get(c.argv[2]);
  if (u === undefined) return NULL;
  return map([
    [bulk('flags'), set(u.flagNames().map(bulk))],
    [bulk('passwords'), bulks(u.passwords)],
    // The root selector at the top level, for compatibility with 6.x clients.
    ...selectorFields(u.root),
    [bulk('selectors'), array(u.selectors.slice(1).map((s) => map(selectorFields(s))))],
  ]);
}

function aclDeluser(c: Client): Reply {
  const names = c.argv.slice(2);
  if (names.includes('default')) fail(E.ACL_DELETE_DEFAULT);
  let deleted = 0;
  for (const name of names) if (c.server.acl.deleteUser(name)) deleted++;
  return int(deleted);
}

function aclList(c: Client): Reply {
  return bulks(c.server.acl.sortedUsers().map((u) => `user ${u.name} ${u.describe()}`));
}

function aclUsers(c: Client): Reply {
  return bulks(c.server.acl.sortedUsers().map((u) => u.name));
}

function aclWhoami(c: Client): Reply {
  return bulk(c.user);
}

function aclCat(c: Client): Reply {
  if (c.argv.length === 2) return bulks([...ACL_CATEGORIES]);
  if (c.argv.length !== 3) return subcommandSyntax(c);
  const names = commandsInCategory(c.argv[2]) ?? fail(E.ACL_UNKNOWN_CATEGORY(c.argv[2]));
  // Redis lists only the commands of its table: here, the implemented ones.
  return bulks(names.filter((n) => isImplemented(c, n)));
}

function isImplemented(c: Client, fullname: string): boolean {
  const [top, sub] = fullname.split('|');
  const cmd = c.server.commands.get(top);
  if (cmd === undefined) return false;
  return sub === undefined ? cmd.handler !== null || cmd.subcommands.size !== 0 : cmd.subcommands.has(sub);
}

const HEX = '0123456789abcdef';

/** ACL GENPASS [bits]: random hex digits, 4 bits each (256 bits by default). */
function aclGenpass(c: Client): Reply {
  if (c.argv.length > 3) return subcommandSyntax(c);
  let bits = 256;
  if (c.argv.length === 3) {
    const n = argLL(c.argv[2]);
    if (n <= 0 || n > 4096) fail(E.ACL_GENPASS_BITS);
    bits = n;
  }
  let out = '';
  for (let i = 0; i < Math.floor((bits + 3) / 4); i++) out += HEX[Math.floor(c.server.random() * 16)];
  return bulk(out);
}

function aclDryrun(c: Client): Reply {
  const acl = c.server.acl;
  const u = acl.users.get(c.argv[2]);
  if (u === undefined) fail(E.ACL_DRYRUN_NO_USER(c.argv[2]));
  const argv = c.argv.slice(3);
  let cmd = c.server.lookupCommand(argv[0]);
  if (cmd !== undefined && cmd.subcommands.size !== 0 && argv.length >= 2) cmd = cmd.subcommands.get(asciiLower(argv[1]));
  if (cmd === undefined || cmd.handler === null) fail(E.ACL_DRYRUN_NO_COMMAND(argv[0]));
  if ((cmd.arity > 0 && cmd.arity !== argv.length) || argv.length < -cmd.arity) fail(E.WRONG_ARITY(cmd.fullname));
  const r = u.check(cmd, argv);
  return r.denied === 0 ? OK : bulk(dryRunMessage(r.denied, cmd, argv[r.pos]));
}

function aclLog(c: Client): Reply {
  const acl = c.server.acl;
  if (c.argv.length > 3) return subcommandSyntax(c);
  let count = 10;
  if (c.argv.length === 3) {
    if (eqi(c.argv[2], 'reset')) {
      acl.log = [];
      return OK;
    }
    count = Math.max(0, argLL(c.argv[2]));
  }
  const now = c.server.cmdTime;
  return array(acl.log.slice(0, count).map((e) => map([
    [bulk('count'), int(e.count)],
    [bulk('reason'), bulk(e.reason)],
    [bulk('context'), bulk(e.context)],
    [bulk('object'), bulk(e.object)],
    [bulk('username'), bulk(e.username)],
    [bulk('age-seconds'), double((now - e.ctime) / 1000)],
    [bulk('client-info'), bulk(e.clientInfo)],
  ])));
}

function aclFile(c: Client): string {
  const path = c.server.config.extra.get('aclfile') ?? '';
  if (path === '') fail(E.ACL_NO_FILE);
  return path;
}

function aclLoad(c: Client): Reply {
  const path = aclFile(c);
  const storage = c.server.acl.storage;
  const file = storage === null ? { error: 'No such file or directory' } : storage.read(path);
  if ('error' in file) fail(E.ACL_LOAD_OPEN_FAILED(path, file.error));
  const err = c.server.acl.loadFrom(path, file.text);
  if (err !== null) fail(`ERR ${err}`);
  return OK;
}

function aclSave(c: Client): Reply {
  const path = aclFile(c);
  const storage = c.server.acl.storage;
  if (storage === null || !storage.write(path, c.server.acl.serialize())) fail(E.ACL_SAVE_FAILED);
  return OK;
}

/** addReplySubcommandSyntaxError for a known subcommand with the wrong argument count. */
function subcommandSyntax(c: Client): never {
  return fail(E.SUBCOMMAND_SYNTAX(c.argv[1], 'ACL'));
}

export const aclCommands: Record<string, Handler> = {
  'acl|setuser': aclSetuser,
  'acl|getuser': aclGetuser,
  'acl|deluser': aclDeluser,
  'acl|list': aclList,
  'acl|users': aclUsers,
  'acl|whoami': aclWhoami,
  'acl|cat': aclCat,
  'acl|genpass': aclGenpass,
  'acl|dryrun': aclDryrun,
  'acl|log': aclLog,
  'acl|load': aclLoad,
  'acl|save': aclSave,
  'acl|help': () => helpReply('ACL'),
};
