// The COMMAND container (server.c commandCommand and friends), answered from the
// generated command table. Only implemented commands (those with a handler) and
// implemented subcommands are listed, as a Redis build without the others would.
import { ACL_CATEGORIES } from '../acl.ts';
import type { Client } from '../client.ts';
import { E, fail } from '../errors.ts';
import {
  type Reply, array, bulk, bulks, int, map, NULL, set, simple, EMPTY_ARRAY,
} from '../reply.ts';
import { commandHasKeys, commandKeys, keyFlagNames, keySpecFlagBits, legacyRange } from '../table/keys.ts';
import type { ArgSpec, KeySpec } from '../table/spec.ts';
import type { CommandEntry, Handler } from '../table/table.ts';
import { globMatch } from '../util/glob.ts';
import { asciiLower, eqi } from '../util/parse.ts';
import { helpReply } from './help.ts';

/** Command flags in the order addReplyFlagsForCommand prints them (may_replicate etc. are hidden). */
const FLAG_ORDER = [
  'WRITE', 'READONLY', 'DENYOOM', 'MODULE', 'ADMIN', 'PUBSUB', 'NOSCRIPT', 'BLOCKING', 'LOADING', 'STALE',
  'SKIP_MONITOR', 'SKIP_SLOWLOG', 'ASKING', 'FAST', 'NO_AUTH', 'NO_MANDATORY_KEYS', 'NO_ASYNC_LOADING',
  'NO_MULTI', 'MOVABLEKEYS', 'ALLOW_BUSY',
];

function commandFlags(cmd: CommandEntry): string[] {
  const flags = new Set(cmd.spec.flags ?? []);
  if (legacyRange(cmd.spec.keySpecs ?? []).movable) flags.add('MOVABLEKEYS');
  return FLAG_ORDER.filter((f) => flags.has(f)).map((f) => f.toLowerCase());
}

/** The categories with the implied ones added (setImplicitACLCategories). */
export function aclCategories(cmd: CommandEntry): string[] {
  const cats = new Set((cmd.spec.acl ?? []).map((a) => a.toLowerCase()));
  const flags = new Set(cmd.spec.flags ?? []);
  if (flags.has('WRITE')) cats.add('write');
  if (flags.has('READONLY') && !cats.has('scripting')) cats.add('read');
  if (flags.has('ADMIN')) { cats.add('admin'); cats.add('dangerous'); }
  if (flags.has('PUBSUB')) cats.add('pubsub');
  if (flags.has('FAST')) cats.add('fast');
  if (flags.has('BLOCKING')) cats.add('blocking');
  if (!cats.has('fast')) cats.add('slow');
  return ACL_CATEGORIES.filter((c) => cats.has(c));
}

function keySpecReply(spec: KeySpec): Reply {
  const fields: [Reply, Reply][] = [];
  if (spec.notes !== undefined) fields.push([bulk('notes'), bulk(spec.notes)]);
  fields.push([bulk('flags'), set(keyFlagNames(keySpecFlagBits(spec)).map(simple))]);
  const bs = spec.begin_search;
  let begin: Reply;
  if (bs.index) begin = map([[bulk('type'), bulk('index')], [bulk('spec'), map([[bulk('index'), int(bs.index.pos)]])]]);
  else if (bs.keyword) {
    begin = map([[bulk('type'), bulk('keyword')], [bulk('spec'), map([
      [bulk('keyword'), bulk(bs.keyword.keyword)], [bulk('startfrom'), int(bs.keyword.startfrom)]])]]);
  } else begin = map([[bulk('type'), bulk('unknown')], [bulk('spec'), map([])]]);
  fields.push([bulk('begin_search'), begin]);
  const fk = spec.find_keys;
  let find: Reply;
  if (fk.range) {
    find = map([[bulk('type'), bulk('range')], [bulk('spec'), map([
      [bulk('lastkey'), int(fk.range.lastkey)], [bulk('keystep'), int(fk.range.step)], [bulk('limit'), int(fk.range.limit)]])]]);
  } else if (fk.keynum) {
    find = map([[bulk('type'), bulk('keynum')], [bulk('spec'), map([
      [bulk('keynumidx'), int(fk.keynum.keynumidx)], [bulk('firstkey'), int(fk.keynum.firstkey)],
      [bulk('keystep'), int(fk.keynum.step)]])]]);
  } else find = map([[bulk('type'), bulk('unknown')], [bulk('spec'), map([])]]);
  fields.push([bulk('find_keys'), find]);
  return map(fields);
}

/** addReplyCommandInfo: the 10-element description of one command. */
function commandInfo(cmd: CommandEntry): Reply {
  const range = legacyRange(cmd.spec.keySpecs ?? []);
  return array([
    bulk(cmd.fullname),
    int(cmd.arity),
    set(commandFlags(cmd).map(simple)),
    int(range.first),
    int(range.last),
    int(range.step),
    set(aclCategories(cmd).map((c) => simple(`@${c}`))),
    set((cmd.spec.tips ?? []).map((t) => bulk(t.toLowerCase()))),
    set((cmd.spec.keySpecs ?? []).map(keySpecReply)),
    // addReplyCommandSubCommands answers an empty set, but an array of subcommands.
    cmd.subcommands.size === 0 ? set([]) : array([...cmd.subcommands.values()].map(commandInfo)),
  ]);
}

/**
 * One argument's docs. Redis's table generator lower-cases argument names and
 * upper-cases tokens, and the JSON's `""` token is MIGRATE's empty-string key.
 */
function argReply(a: ArgSpec): Reply {
  const fields: [Reply, Reply][] = [[bulk('name'), bulk(a.name.toLowerCase())], [bulk('type'), bulk(a.type)]];
  if (a.key_spec_index !== undefined) fields.push([bulk('key_spec_index'), int(a.key_spec_index)]);
  if (a.token !== undefined) fields.push([bulk('token'), bulk(a.token === '""' ? '' : a.token.toUpperCase())]);
  if (a.since !== undefined) fields.push([bulk('since'), bulk(a.since)]);
  if (a.deprecated_since !== undefined) fields.push([bulk('deprecated_since'), bulk(a.deprecated_since)]);
  const flags: string[] = [];
  if (a.optional) flags.push('optional');
  if (a.multiple) flags.push('multiple');
  if (a.multiple_token) flags.push('multiple_token');
  if (flags.length !== 0) fields.push([bulk('flags'), set(flags.map(simple))]);
  if (a.type === 'oneof' || a.type === 'block') fields.push([bulk('arguments'), array((a.arguments ?? []).map(argReply))]);
  return map(fields);
}

/** addReplyCommandDocs: the documentation map of one command. */
function commandDocs(cmd: CommandEntry): Reply {
  const s = cmd.spec;
  const fields: [Reply, Reply][] = [];
  fields.push([bulk('summary'), bulk(s.summary)]);
  fields.push([bulk('since'), bulk(s.since)]);
  // COMMAND_GROUP_STR spells the group names with dashes ("sorted-set").
  fields.push([bulk('group'), bulk(s.group.replace(/_/g, '-'))]);
  if (s.complexity !== undefined) fields.push([bulk('complexity'), bulk(s.complexity)]);
  if (s.docFlags !== undefined) fields.push([bulk('doc_flags'), set(s.docFlags.map((f) => simple(f.toLowerCase())))]);
  if (s.deprecatedSince !== undefined) fields.push([bulk('deprecated_since'), bulk(s.deprecatedSince)]);
  if (s.replacedBy !== undefined) fields.push([bulk('replaced_by'), bulk(s.replacedBy)]);
  if (s.history !== undefined) fields.push([bulk('history'), set(s.history.map(([v, d]) => array([bulk(v), bulk(d)])))]);
  if (s.args !== undefined) fields.push([bulk('arguments'), array(s.args.map(argReply))]);
  if (cmd.subcommands.size !== 0) {
    fields.push([bulk('subcommands'), map([...cmd.subcommands.values()].map((sc) => [bulk(sc.fullname), commandDocs(sc)]))]);
  }
  return map(fields);
}

/** lookupCommandBySds: "name" or "container|sub", case-insensitively; only implemented ones. */
function lookupByFullname(c: Client, name: string): CommandEntry | undefined {
  const parts = asciiLower(name).split('|');
  if (parts.length > 2) return undefined;
  const top = c.server.commands.get(parts[0]);
  if (top === undefined || parts.length === 1) return top;
  return top.subcommands.get(parts[1]);
}

/** lookupCommand on an argv: the container's subcommand when there is one. */
function lookupByArgv(c: Client, argv: readonly string[]): CommandEntry | undefined {
  const top = c.server.commands.get(asciiLower(argv[0]));
  if (top === undefined || top.subcommands.size === 0 || argv.length < 2) return top;
  return top.subcommands.get(asciiLower(argv[1]));
}

function command(c: Client): Reply {
  return array([...c.server.commands.values()].map(commandInfo));
}

function commandCount(c: Client): Reply {
  return int(c.server.commands.size);
}

function commandInfoCmd(c: Client): Reply {
  if (c.argv.length === 2) return command(c);
  return array(c.argv.slice(2).map((n) => {
    const cmd = lookupByFullname(c, n);
    return cmd === undefined ? NULL : commandInfo(cmd);
  }));
}

function commandDocsCmd(c: Client): Reply {
  const entries: [Reply, Reply][] = [];
  if (c.argv.length === 2) {
    for (const cmd of c.server.commands.values()) entries.push([bulk(cmd.fullname), commandDocs(cmd)]);
  } else {
    for (const n of c.argv.slice(2)) {
      const cmd = lookupByFullname(c, n);
      if (cmd !== undefined) entries.push([bulk(cmd.fullname), commandDocs(cmd)]);
    }
  }
  return map(entries);
}

/** COMMAND LIST [FILTERBY MODULE name | ACLCAT cat | PATTERN glob]: full names, subcommands included. */
function commandList(c: Client): Reply {
  const argv = c.argv;
  let keep: (cmd: CommandEntry) => boolean = () => true;
  if (argv.length === 5 && eqi(argv[2], 'filterby')) {
    const v = argv[4];
    if (eqi(argv[3], 'module')) keep = () => false;
    else if (eqi(argv[3], 'aclcat')) keep = (cmd) => aclCategories(cmd).includes(asciiLower(v));
    else if (eqi(argv[3], 'pattern')) keep = (cmd) => globMatch(v, cmd.fullname, true);
    else fail(E.SYNTAX);
  } else if (argv.length !== 2) {
    fail(E.SYNTAX);
  }
  const names: string[] = [];
  for (const cmd of c.server.commands.values()) {
    if (keep(cmd)) names.push(cmd.fullname);
    for (const sub of cmd.subcommands.values()) if (keep(sub)) names.push(sub.fullname);
  }
  return bulks(names);
}

/** getKeysSubcommandImpl: COMMAND GETKEYS and GETKEYSANDFLAGS. */
function getKeys(c: Client, withFlags: boolean): Reply {
  const argv = c.argv.slice(2);
  const cmd = lookupByArgv(c, argv);
  if (cmd === undefined) fail(E.GETKEYS_INVALID_COMMAND);
  if (!commandHasKeys(cmd)) fail(E.GETKEYS_NO_KEYS);
  if ((cmd.arity > 0 && cmd.arity !== argv.length) || argv.length < -cmd.arity) fail(E.GETKEYS_BAD_ARITY);
  const keys = commandKeys(cmd, argv);
  if (keys.length === 0) {
    if (cmd.spec.flags?.includes('NO_MANDATORY_KEYS')) return EMPTY_ARRAY;
    fail(E.GETKEYS_BAD_ARGS);
  }
  if (!withFlags) return bulks(keys.map((k) => argv[k.pos]));
  return array(keys.map((k) => array([bulk(argv[k.pos]), set(keyFlagNames(k.flags).map(simple))])));
}

export const commandCommands: Record<string, Handler> = {
  command,
  'command|count': commandCount,
  'command|info': commandInfoCmd,
  'command|docs': commandDocsCmd,
  'command|list': commandList,
  'command|getkeys': (c) => getKeys(c, false),
  'command|getkeysandflags': (c) => getKeys(c, true),
  'command|help': () => helpReply('COMMAND'),
};
