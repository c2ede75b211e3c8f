// Users, selectors and their rules (Redis 7.0.15 acl.c): ACL SETUSER's rule
// language, the canonical description ACL LIST / GETUSER print, and the
// permission check processCommand runs before every command.
import { aclCategories } from './commands/command.ts';
import { COMMAND_SPECS } from './table/commands.generated.ts';
import { commandHasKeys, commandKeys, KEY_FLAGS } from './table/keys.ts';
import { commandEntry, type CommandEntry, F } from './table/table.ts';
import { sdsSplitArgs } from './util/sds-split-args.ts';
import { globMatch } from './util/glob.ts';
import { sha256Hex } from './util/sha256.ts';
import { asciiLower } from './util/parse.ts';

/** ACL categories in their bit order (acl.c ACLCommandCategories), ACL CAT's order. */
export const ACL_CATEGORIES = [
  'keyspace', 'read', 'write', 'set', 'sortedset', 'list', 'hash', 'string', 'bitmap', 'hyperloglog', 'geo',
  'stream', 'pubsub', 'admin', 'fast', 'slow', 'blocking', 'dangerous', 'connection', 'transaction', 'scripting',
] as const;

/** ACLCheckAllUserCommandPerm's results; a larger value is the more relevant error. */
export const enum Denied {
  OK = 0,
  CMD = 1,
  KEY = 2,
  AUTH = 3,
  CHANNEL = 4,
}

// User flags (USER_FLAG_*), in the order ACL LIST and GETUSER print them.
const USER_FLAGS = [
  ['on', 1], ['off', 2], ['nopass', 4], ['skip-sanitize-payload', 8], ['sanitize-payload', 16],
] as const;
const ENABLED = 1;
const DISABLED = 2;
const NOPASS = 4;
const SKIP_SANITIZE = 8;
const SANITIZE = 16;

const READ = 1;
const WRITE = 2;

/** A key pattern with its %R / %W permissions. */
interface KeyPattern {
  pattern: string;
  perms: number;
}

/**
 * One command in Redis's full table (every spec, implemented or not): ACL rules
 * may name any command Redis knows.
 */
interface AclCommand {
  entry: CommandEntry;
  categories: ReadonlySet<string>;
  subcommands: AclCommand[];
}

let universe: { all: AclCommand[]; byName: Map<string, AclCommand> } | null = null;

/** Redis's command table with categories, built once from the specs. */
function commandUniverse(): { all: AclCommand[]; byName: Map<string, AclCommand> } {
  if (universe !== null) return universe;
  const all: AclCommand[] = [];
  const byName = new Map<string, AclCommand>();
  const add = (entry: CommandEntry): AclCommand => {
    const cmd: AclCommand = { entry, categories: new Set(aclCategories(entry)), subcommands: [] };
    all.push(cmd);
    byName.set(entry.fullname, cmd);
    return cmd;
  };
  for (const spec of Object.values(COMMAND_SPECS)) {
    const parent = add(commandEntry(spec, null));
    for (const [name, sub] of Object.entries(spec.subcommands ?? {})) {
      parent.subcommands.push(add(commandEntry({ ...sub, name }, parent.entry)));
    }
  }
  universe = { all, byName };
  return universe;
}

/** Every command of an ACL category, by full name (ACL CAT <category>); null for an unknown category. */
export function commandsInCategory(category: string): string[] | null {
  const cat = asciiLower(category);
  if (!(ACL_CATEGORIES as readonly string[]).includes(cat)) return null;
  return commandUniverse().all.filter((c) => c.categories.has(cat)).map((c) => c.entry.fullname);
}

/** lookupCommandBySds on "cmd" or "cmd|sub" (case-insensitive); undefined when Redis has no such command. */
function lookupAclCommand(name: string): AclCommand | undefined {
  const parts = asciiLower(name).split('|');
  if (parts.length > 2) return undefined;
  return commandUniverse().byName.get(parts.join('|'));
}

/** Why a rule was refused (acl.c ACLSetUserStringError's texts, by errno). */
export const RULE_ERRORS = {
  ENOENT: 'Unknown command or category name in ACL',
  EINVAL: 'Syntax error',
  EEXIST:
    "Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid and does not have any effect. Try 'resetkeys' to start with an empty list of patterns",
  EISDIR:
    "Adding a pattern after the * pattern (or the 'allchannels' flag) is not valid and does not have any effect. Try 'resetchannels' to start with an empty list of channels",
  ENODEV: 'The password you are trying to remove from the user does not exist',
  EBADMSG: 'The password hash must be exactly 64 characters and contain only lowercase hexadecimal characters',
  ECHILD: 'Allowing first-arg of a subcommand is not supported',
} as const;
export type RuleError = keyof typeof RULE_ERRORS;

/** ACLStringHasSpaces: spaces and NUL bytes are refused in names and patterns. */
export function hasSpaces(s: string): boolean {
  return /[ \t\n\v\f\r\0]/.test(s);
}

/** A selector: which commands, keys and channels (acl.c aclSelector). */
export class Selector {
  allKeys = false;
  allChannels: boolean;
  /** SELECTOR_FLAG_ALLCOMMANDS: set by +@all, lost as soon as any command is removed. */
  allCommands = false;
  /** The reserved command bit only +@all sets: the selector may run commands added in the future. */
  futureCommands = false;
  /** Full names of the allowed commands (the allowed_commands bitmap). */
  allowed = new Set<string>();
  /** Allowed first arguments of otherwise denied commands (+select|0). */
  firstArgs = new Map<string, string[]>();
  patterns: KeyPattern[] = [];
  channels: string[] = [];

  constructor(allChannelsByDefault: boolean) {
    this.allChannels = allChannelsByDefault;
  }

  copy(): Selector {
    const s = new Selector(this.allChannels);
    s.allKeys = this.allKeys;
    s.allCommands = this.allCommands;
    s.futureCommands = this.futureCommands;
    s.allowed = new Set(this.allowed);
    s.firstArgs = new Map([...this.firstArgs].map(([k, v]) => [k, [...v]]));
    s.patterns = this.patterns.map((p) => ({ ...p }));
    s.channels = [...this.channels];
    return s;
  }

  /** ACLChangeSelectorPerm: a command and all its subcommands. */
  changePerm(cmd: AclCommand, allow: boolean): void {
    this.setBit(cmd.entry.fullname, allow);
    this.firstArgs.delete(cmd.entry.fullname);
    for (const sub of cmd.subcommands) this.setBit(sub.entry.fullname, allow);
  }

  setBit(fullname: string, allow: boolean): void {
    if (allow) {
      this.allowed.add(fullname);
    } else {
      this.allowed.delete(fullname);
      this.allCommands = false;
    }
  }

  setAllCommands(allow: boolean): void {
    this.allowed = allow ? new Set(commandUniverse().byName.keys()) : new Set();
    this.allCommands = allow;
    this.futureCommands = allow;
    this.firstArgs.clear();
  }

  /** ACLSetSelector: apply one rule; returns the error kind or null. */
  apply(op: string): RuleError | null {
    const lop = asciiLower(op);
    if (lop === 'allkeys' || op === '~*') {
      this.allKeys = true;
      this.patterns = [];
    } else if (lop === 'resetkeys') {
      this.allKeys = false;
      this.patterns = [];
    } else if (lop === 'allchannels' || op === '&*') {
      this.allChannels = true;
      this.channels = [];
    } else if (lop === 'resetchannels') {
      this.allChannels = false;
      this.channels = [];
    } else if (lop === 'allcommands' || lop === '+@all') {
      this.setAllCommands(true);
    } else if (lop === 'nocommands' || lop === '-@all') {
      this.setAllCommands(false);
    } else if (op[0] === '~' || op[0] === '%') {
      return this.addKeyPattern(op);
    } else if (op[0] === '&') {
      if (this.allChannels) return 'EISDIR';
      const pattern = op.slice(1);
      if (hasSpaces(pattern)) return 'EINVAL';
      if (!this.channels.includes(pattern)) this.channels.push(pattern);
    } else if (op[0] === '+' && op[1] !== '@') {
      return this.allowCommand(op.slice(1));
    } else if (op[0] === '-' && op[1] !== '@') {
      const cmd = lookupAclCommand(op.slice(1));
      if (cmd === undefined) return 'ENOENT';
      this.changePerm(cmd, false);
    } else if ((op[0] === '+' || op[0] === '-') && op[1] === '@') {
      const allow = op[0] === '+';
      const cat = asciiLower(op.slice(2));
      if (!(ACL_CATEGORIES as readonly string[]).includes(cat)) return 'ENOENT';
      // ACLSetSelectorCommandBitsForCategory walks every command and subcommand.
      this.changeCategory(cat, allow);
    } else {
      return 'EINVAL';
    }
    return null;
  }

  private addKeyPattern(op: string): RuleError | null {
    if (this.allKeys) return 'EEXIST';
    let perms = 0;
    let offset = 1;
    if (op[0] === '%') {
      for (; offset < op.length; offset++) {
        const ch = op[offset].toUpperCase();
        if (ch === 'R' && !(perms & READ)) perms |= READ;
        else if (ch === 'W' && !(perms & WRITE)) perms |= WRITE;
        else if (op[offset] === '~') { offset++; break; } else return 'EINVAL';
      }
    } else {
      perms = READ | WRITE;
    }
    if (perms === 0) return 'EINVAL';
    const pattern = op.slice(offset);
    if (pattern === '*' && perms === (READ | WRITE)) {
      this.allKeys = true;
      this.patterns = [];
      return null;
    }
    if (hasSpaces(pattern)) return 'EINVAL';
    const existing = this.patterns.find((p) => p.pattern === pattern);
    if (existing) existing.perms |= perms;
    else this.patterns.push({ pattern, perms });
    return null;
  }

  /** +cmd, +cmd|sub, or +cmd|firstarg for a command without subcommands. */
  private allowCommand(name: string): RuleError | null {
    const bar = name.lastIndexOf('|');
    if (bar < 0) {
      const cmd = lookupAclCommand(name);
      if (cmd === undefined) return 'ENOENT';
      this.changePerm(cmd, true);
      return null;
    }
    const cmd = lookupAclCommand(name.slice(0, bar));
    if (cmd === undefined) return 'ENOENT';
    if (cmd.entry.parent !== null) return 'ECHILD';
    const sub = name.slice(bar + 1);
    if (sub === '') return 'EINVAL';
    if (cmd.subcommands.length !== 0) {
      const subcmd = lookupAclCommand(name);
      if (subcmd === undefined) return 'ENOENT';
      this.changePerm(subcmd, true);
    } else {
      const args = this.firstArgs.get(cmd.entry.fullname) ?? [];
      args.push(sub);
      this.firstArgs.set(cmd.entry.fullname, args);
    }
    return null;
  }

  /** ACLSetSelectorCommandBitsForCategory: every command and subcommand of the category. */
  changeCategory(cat: string, allow: boolean): void {
    for (const cmd of commandUniverse().all) if (cmd.categories.has(cat)) this.changePerm(cmd, allow);
  }

  /**
   * ACLDescribeSelectorCommandRules (7.0): rebuilt from the permission bits.
   * Start from +@all (if the selector may run future commands) or -@all; add
   * (or remove) the best fitting categories one by one, each with more commands
   * in common than different, fewest differences first; then fix the remaining
   * single commands, and list the allowed first args of denied commands.
   */
  describeCommands(): string {
    const additive = !this.futureCommands;
    const rules = [additive ? '-@all' : '+@all'];
    const fake = new Selector(false);
    fake.setAllCommands(!additive);
    const temp = new Selector(false);
    temp.allowed = new Set(this.allowed);
    const applied = new Set<string>();
    const { all } = commandUniverse();
    for (;;) {
      let best: string | null = null;
      let minDiff = Infinity;
      let maxSame = 0;
      for (const cat of ACL_CATEGORIES) {
        if (applied.has(cat)) continue;
        let on = 0;
        let off = 0;
        for (const cmd of all) {
          if (!cmd.categories.has(cat)) continue;
          if (temp.allowed.has(cmd.entry.fullname)) on++;
          else off++;
        }
        const diff = additive ? off : on;
        const same = additive ? on : off;
        if (same > diff && (diff < minDiff || (diff === minDiff && same > maxSame))) {
          best = cat;
          minDiff = diff;
          maxSame = same;
        }
      }
      if (best === null) break;
      fake.changeCategory(best, additive);
      temp.changeCategory(best, !additive);
      rules.push(`${additive ? '+' : '-'}@${best}`);
      applied.add(best);
    }
    // Redis walks its commands dict here (an order that varies per process): the spec order stands in.
    for (const cmd of all) {
      const name = cmd.entry.fullname;
      const userBit = this.allowed.has(name);
      if (userBit !== fake.allowed.has(name)) {
        rules.push(`${userBit ? '+' : '-'}${name}`);
        // A container's subcommands follow it, and are fixed one by one next.
        fake.changePerm(cmd, userBit);
      }
      if (!userBit) for (const arg of this.firstArgs.get(name) ?? []) rules.push(`+${name}|${arg}`);
    }
    return rules.join(' ');
  }

  /** The key patterns as GETUSER prints them (space separated). */
  describeKeys(): string {
    return this.allKeys ? '~*' : this.patterns.map(patternString).join(' ');
  }

  describeChannels(): string {
    return this.allChannels ? '&*' : this.channels.map((ch) => `&${ch}`).join(' ');
  }

  /** ACLDescribeSelector: keys, channels, commands. */
  describe(): string {
    let out = this.allKeys ? '~* ' : this.patterns.map((p) => `${patternString(p)} `).join('');
    out += this.allChannels ? '&* ' : `resetchannels ${this.channels.map((ch) => `&${ch} `).join('')}`;
    return out + this.describeCommands();
  }

  /** ACLSelectorCheckCmd: the position of the refused argument goes to `at`. */
  check(cmd: CommandEntry, argv: readonly string[], at: { pos: number }): Denied {
    if (!this.allCommands && !(cmd.flags & F.NO_AUTH) && !this.allowed.has(cmd.fullname)) {
      const args = this.firstArgs.get(cmd.fullname);
      const idx = cmd.parent !== null ? 2 : 1;
      if (argv.length < 2 || args === undefined || !args.some((a) => asciiLower(a) === asciiLower(argv[idx] ?? ''))) {
        return Denied.CMD;
      }
    }
    if (!this.allKeys && commandHasKeys(cmd)) {
      for (const ref of commandKeys(cmd, argv)) {
        if (!this.keyAllowed(argv[ref.pos], ref.flags)) {
          at.pos = ref.pos;
          return Denied.KEY;
        }
      }
    }
    if (!this.allChannels) {
      for (const ref of commandChannels(cmd, argv)) {
        if (!channelAllowed(this.channels, argv[ref.pos], ref.pattern)) {
          at.pos = ref.pos;
          return Denied.CHANNEL;
        }
      }
    }
    return Denied.OK;
  }

  /** ACLSelectorCheckKey: the key spec's access flags decide the %R/%W needed. */
  private keyAllowed(key: string, flags: number): boolean {
    let need = 0;
    if (flags & KEY_ACCESS) need |= READ;
    if (flags & (KEY_INSERT | KEY_DELETE | KEY_UPDATE)) need |= WRITE;
    return this.patterns.some((p) => (p.perms & need) === need && globMatch(p.pattern, key, false));
  }
}

const keyFlag = (name: (typeof KEY_FLAGS)[number]): number => 1 << KEY_FLAGS.indexOf(name);
const KEY_ACCESS = keyFlag('ACCESS');
const KEY_INSERT = keyFlag('INSERT');
const KEY_DELETE = keyFlag('DELETE');
const KEY_UPDATE = keyFlag('UPDATE');

function patternString(p: KeyPattern): string {
  if (p.perms === READ) return `%R~${p.pattern}`;
  if (p.perms === WRITE) return `%W~${p.pattern}`;
  return `~${p.pattern}`;
}

/** getChannelsFromCommand: the channels publish/subscribe commands name, and whether they are patterns. */
function commandChannels(cmd: CommandEntry, argv: readonly string[]): { pos: number; pattern: boolean }[] {
  const name = cmd.fullname;
  if (name === 'publish' || name === 'spublish') return [{ pos: 1, pattern: false }];
  if (name !== 'subscribe' && name !== 'ssubscribe' && name !== 'psubscribe') return [];
  const refs: { pos: number; pattern: boolean }[] = [];
  for (let i = 1; i < argv.length; i++) refs.push({ pos: i, pattern: name === 'psubscribe' });
  return refs;
}

/** ACLCheckChannelAgainstList: patterns (PSUBSCRIBE) must be listed literally, channels match the globs. */
function channelAllowed(list: readonly string[], channel: string, isPattern: boolean): boolean {
  return list.some((p) => (isPattern ? p === channel : globMatch(p, channel, false)));
}

/** A user: flags, password hashes and selectors, the first of them the root one. */
export class User {
  flags = DISABLED;
  passwords: string[] = [];
  selectors: Selector[];

  constructor(readonly name: string, allChannelsByDefault: boolean) {
    this.selectors = [new Selector(allChannelsByDefault)];
  }

  get root(): Selector {
    return this.selectors[0];
  }

  get enabled(): boolean {
    return (this.flags & ENABLED) !== 0;
  }

  /** A single selector allowing every command, key and channel: nothing to check. */
  get unrestricted(): boolean {
    const r = this.selectors[0];
    return this.selectors.length === 1 && r.allCommands && r.allKeys && r.allChannels;
  }

  get nopass(): boolean {
    return (this.flags & NOPASS) !== 0;
  }

  copyFrom(u: User): void {
    this.flags = u.flags;
    this.passwords = [...u.passwords];
    this.selectors = u.selectors.map((s) => s.copy());
  }

  flagNames(): string[] {
    return USER_FLAGS.filter(([, bit]) => this.flags & bit).map(([name]) => name);
  }

  /** ACLSetUser: one rule; `allChannelsByDefault` is acl-pubsub-default. */
  apply(op: string, allChannelsByDefault: boolean): RuleError | null {
    if (op === '') return null;
    const lop = asciiLower(op);
    if (lop === 'on') {
      this.flags = (this.flags | ENABLED) & ~DISABLED;
    } else if (lop === 'off') {
      this.flags = (this.flags | DISABLED) & ~ENABLED;
    } else if (lop === 'skip-sanitize-payload') {
      this.flags = (this.flags | SKIP_SANITIZE) & ~SANITIZE;
    } else if (lop === 'sanitize-payload') {
      this.flags = (this.flags | SANITIZE) & ~SKIP_SANITIZE;
    } else if (lop === 'nopass') {
      this.flags |= NOPASS;
      this.passwords = [];
    } else if (lop === 'resetpass') {
      this.flags &= ~NOPASS;
      this.passwords = [];
    } else if (op[0] === '>' || op[0] === '#') {
      const hash = op[0] === '>' ? sha256Hex(op.slice(1)) : op.slice(1);
      if (op[0] === '#' && !isPasswordHash(hash)) return 'EBADMSG';
      if (!this.passwords.includes(hash)) this.passwords.push(hash);
      this.flags &= ~NOPASS;
    } else if (op[0] === '<' || op[0] === '!') {
      const hash = op[0] === '<' ? sha256Hex(op.slice(1)) : op.slice(1);
      if (op[0] === '!' && !isPasswordHash(hash)) return 'EBADMSG';
      const i = this.passwords.indexOf(hash);
      if (i < 0) return 'ENODEV';
      this.passwords.splice(i, 1);
    } else if (op[0] === '(' && op[op.length - 1] === ')') {
      const s = new Selector(allChannelsByDefault);
      const args = sdsSplitArgs(op.slice(1, -1));
      if (args === null) return 'EINVAL';
      for (const a of args) {
        const err = s.apply(a);
        if (err !== null) return err;
      }
      this.selectors.push(s);
    } else if (lop === 'clearselectors') {
      this.selectors.length = 1;
    } else if (lop === 'reset') {
      for (const r of ['resetpass', 'resetkeys', 'resetchannels']) this.apply(r, allChannelsByDefault);
      if (allChannelsByDefault) this.apply('allchannels', allChannelsByDefault);
      for (const r of ['off', 'sanitize-payload', 'clearselectors', '-@all']) this.apply(r, allChannelsByDefault);
    } else {
      return this.root.apply(op);
    }
    return null;
  }

  /** ACLDescribeUser: flags, password hashes, the root selector, then the others in parentheses. */
  describe(): string {
    let out = this.flagNames().map((f) => `${f} `).join('');
    out += this.passwords.map((p) => `#${p} `).join('');
    out += this.root.describe();
    for (const s of this.selectors.slice(1)) out += ` (${s.describe()})`;
    return out;
  }

  /** ACLCheckUserCredentials. */
  checkPassword(pass: string): boolean {
    if (!this.enabled) return false;
    if (this.nopass) return true;
    return this.passwords.includes(sha256Hex(pass));
  }

  /**
   * ACLCheckAllUserCommandPerm: allowed when one selector allows; else the most
   * relevant refusal (command < key < channel, then the later argument).
   */
  check(cmd: CommandEntry, argv: readonly string[]): { denied: Denied; pos: number } {
    let denied = Denied.CMD;
    let pos = 0;
    for (const s of this.selectors) {
      const at = { pos: 0 };
      const r = s.check(cmd, argv, at);
      if (r === Denied.OK) return { denied: Denied.OK, pos: 0 };
      if (r > denied || (r === denied && at.pos > pos)) {
        denied = r;
        pos = at.pos;
      }
    }
    return { denied, pos };
  }
}

/** ACLCheckPasswordHash: 64 lowercase hex digits. */
function isPasswordHash(h: string): boolean {
  return /^[0-9a-f]{64}$/.test(h);
}

/** The default user as ACLInitDefaultUser creates it. */
export function defaultUser(): User {
  const u = new User('default', false);
  for (const r of ['+@all', '~*', '&*', 'on', 'nopass']) u.apply(r, false);
  return u;
}
