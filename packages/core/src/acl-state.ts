// The server's ACL state (acl.c globals): the users, the ACL LOG, the check
// processCommand and scripts run, authentication, and the ACL file through an
// injected storage (the core is isomorphic: a host gives it file access).
import { mergeSelectorArgs } from './acl-args.ts';
import { Denied, defaultUser, RULE_ERRORS, User } from './acl.ts';
import type { Client } from './client.ts';
import { clientInfoLine } from './commands/client-info.ts';
import { findParam } from './config.ts';
import { E } from './errors.ts';
import { globMatch } from './util/glob.ts';
import type { RedisServer } from './server.ts';
import type { CommandEntry } from './table/table.ts';

/** Where a refusal happened (ACL_LOG_CTX_*). */
export type AclLogContext = 'toplevel' | 'multi' | 'lua';

export interface AclLogEntry {
  count: number;
  reason: 'command' | 'key' | 'channel' | 'auth';
  context: AclLogContext;
  object: string;
  username: string;
  /** When it last happened, ms. */
  ctime: number;
  clientInfo: string;
}

/** File access for ACL LOAD / SAVE, given by the host (packages/server for Node). */
export interface AclStorage {
  /** The file's bytes (latin1), or the C strerror text when it cannot be read. */
  read(path: string): { text: string } | { error: string };
  /** Write the file (atomically, as Redis writes a temp file and renames it); false on failure. */
  write(path: string, text: string): boolean;
}

const REASONS = { [Denied.CMD]: 'command', [Denied.KEY]: 'key', [Denied.CHANNEL]: 'channel', [Denied.AUTH]: 'auth' } as const;

const EXEC_REASONS = {
  [Denied.CMD]: 'no permission to execute the command or subcommand',
  [Denied.KEY]: 'no permission to touch the specified keys',
  [Denied.CHANNEL]: 'no permission to access one of the channels used as arguments',
} as const;

/** Log entries this close in time (ms) with the same fields are counted as one (ACLLogMatchEntry). */
const LOG_GROUPING_MS = 60000;

export class AclState {
  /** By name; listed in byte order as Redis's rax keeps them. */
  readonly users = new Map<string, User>();
  /** Newest first. */
  log: AclLogEntry[] = [];
  storage: AclStorage | null = null;

  constructor(private readonly server: RedisServer) {
    this.users.set('default', defaultUser());
  }

  get defaultUser(): User {
    return this.users.get('default')!;
  }

  /** authRequired's condition on the default user: it has a password or is off. */
  defaultRequiresAuth(): boolean {
    const d = this.defaultUser;
    return !d.nopass || !d.enabled;
  }

  /** acl-pubsub-default: whether new users and selectors start with allchannels. */
  allChannelsByDefault(): boolean {
    return findParam('acl-pubsub-default')!.get(this.server.config) === 'allchannels';
  }

  sortedUsers(): User[] {
    return [...this.users.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** requirepass sets the default user's only password (ACLUpdateDefaultUserPassword); "" makes it nopass. */
  updateDefaultPassword(pass: string): void {
    const d = this.defaultUser;
    d.apply('resetpass', false);
    d.apply(pass === '' ? 'nopass' : `>${pass}`, false);
  }

  /**
   * ACL SETUSER's body: rules are staged on a copy and applied only if all are
   * valid. Returns the error text (without "ERR ") or null.
   */
  setUser(name: string, rules: readonly string[]): string | null {
    const merged = mergeSelectorArgs(rules);
    if (!Array.isArray(merged)) return `Unmatched parenthesis in acl selector starting at '${rules[merged.unmatched]}'.`;
    const pubsubAll = this.allChannelsByDefault();
    const staged = new User(name, pubsubAll);
    const existing = this.users.get(name);
    if (existing) staged.copyFrom(existing);
    for (const op of merged) {
      const err = staged.apply(op, pubsubAll);
      if (err !== null) return `Error in ACL SETUSER modifier '${op}': ${RULE_ERRORS[err]}`;
    }
    if (existing) {
      this.killRevokedSubscribers(staged, existing);
      existing.copyFrom(staged);
    } else {
      this.users.set(name, staged);
    }
    return null;
  }

  /**
   * ACLKillPubsubClientsIfNeeded: when the new rules drop a channel the old ones
   * listed, the user's subscribed clients whose channels or patterns the new
   * channel lists no longer allow are disconnected. (As in 7.0.15, a user that
   * had allchannels has no listed channel, so nothing is checked then.)
   */
  private killRevokedSubscribers(next: User, prev: User): void {
    if (next.selectors.some((s) => s.allChannels)) return;
    const upcoming = next.selectors.flatMap((s) => s.channels);
    if (prev.selectors.every((s) => s.channels.every((ch) => upcoming.includes(ch)))) return;
    const allowed = (ch: string, isPattern: boolean): boolean =>
      upcoming.some((p) => (isPattern ? p === ch : globMatch(p, ch, false)));
    for (const cl of [...this.server.clients.values()]) {
      const subs = cl.subscriptions;
      if (cl.user !== prev.name || !subs.active) continue;
      const revoked = [...subs.patterns].some((p) => !allowed(p, true)) ||
        [...subs.channels, ...subs.shardChannels].some((ch) => !allowed(ch, false));
      if (revoked) this.disconnect(cl);
    }
  }

  /** ACLFreeUserAndKillClients: its clients fall back to the unauthenticated default user and are closed. */
  deleteUser(name: string): boolean {
    if (!this.users.delete(name)) return false;
    for (const cl of [...this.server.clients.values()]) {
      if (cl.user !== name) continue;
      cl.user = 'default';
      cl.authenticated = false;
      this.disconnect(cl);
    }
    return true;
  }

  /** freeClientAsync, or CLIENT_CLOSE_AFTER_COMMAND for the client running this command. */
  private disconnect(cl: Client): void {
    if (cl === this.server.currentClient) {
      cl.closeAfterReply = true;
    } else {
      cl.onKill?.();
      this.server.removeClient(cl);
    }
  }

  /** ACLAuthenticateUser: on failure an "auth" entry is logged with the given username. */
  authenticate(c: Client, username: string, pass: string): boolean {
    const u = this.users.get(username);
    if (u !== undefined && u.checkPassword(pass)) {
      c.user = username;
      c.authenticated = true;
      return true;
    }
    this.addLogEntry(c, Denied.AUTH, c.multi !== null ? 'multi' : 'toplevel', c.argv[0], username);
    return false;
  }

  /** The permission check of a client's user for a resolved command: null when allowed. */
  check(user: string, cmd: CommandEntry, argv: readonly string[]): { denied: Denied; pos: number } | null {
    const u = this.users.get(user);
    if (u === undefined || u.unrestricted) return null;
    const r = u.check(cmd, argv);
    return r.denied === Denied.OK ? null : r;
  }

  /**
   * processCommand's ACLCheckAllPerm: the NOPERM error for c's command, logged,
   * or null when its user may run it.
   */
  refusal(c: Client, cmd: CommandEntry, argv: readonly string[]): string | null {
    const r = this.check(c.user, cmd, argv);
    if (r === null) return null;
    // processCommand has set lastcmd already: the log's client-info shows cmd=<this command>.
    c.lastCmd = cmd;
    this.logDenial(c, r, c.multi !== null ? 'multi' : 'toplevel', cmd, argv);
    return noPermMessage(r.denied, cmd);
  }

  /**
   * execCommand's re-check of a queued command: the user's rules may have
   * changed since it was queued. The NOPERM error (logged), or null.
   */
  execRefusal(c: Client, cmd: CommandEntry, argv: readonly string[]): string | null {
    const r = this.check(c.user, cmd, argv);
    if (r === null) return null;
    this.logDenial(c, r, 'multi', cmd, argv);
    return E.NOPERM_EXEC(EXEC_REASONS[r.denied as keyof typeof EXEC_REASONS]);
  }

  /** addACLLogEntry for a refused command: the object is the command, key or channel. */
  logDenial(c: Client, r: { denied: Denied; pos: number }, context: AclLogContext, cmd: CommandEntry, argv: readonly string[]): void {
    this.addLogEntry(c, r.denied, context, r.denied === Denied.CMD ? cmd.fullname : argv[r.pos], c.user);
  }

  /** addACLLogEntry: a matching recent entry (among the 10 newest) is moved to the head and counted. */
  private addLogEntry(c: Client, denied: Denied, context: AclLogContext, object: string, username: string): void {
    const now = this.server.cmdTime;
    // A script's refusals describe the script's caller.
    const real = c.isScript ? (this.server.currentClient ?? c) : c;
    const clientInfo = clientInfoLine(real, now);
    const reason = REASONS[denied as keyof typeof REASONS];
    const i = this.log.slice(0, 10).findIndex((e) =>
      e.reason === reason && e.context === context && Math.abs(e.ctime - now) <= LOG_GROUPING_MS &&
      e.object === object && e.username === username);
    if (i >= 0) {
      const [match] = this.log.splice(i, 1);
      match.clientInfo = clientInfo;
      match.ctime = now;
      match.count++;
      this.log.unshift(match);
      return;
    }
    this.log.unshift({ count: 1, reason, context, object, username, ctime: now, clientInfo });
    const max = Number(findParam('acllog-max-len')!.get(this.server.config));
    if (this.log.length > max) this.log.length = max;
  }

  /** ACL SAVE's text: one "user <name> <rules>" line per user. */
  serialize(): string {
    return this.sortedUsers().map((u) => `user ${u.name} ${u.describe()}\n`).join('');
  }

  /**
   * ACLLoadFromFile: every user of the file, or nothing at all when a line is
   * wrong. Returns the error text (without "ERR ") or null.
   */
  loadFrom(path: string, text: string): string | null {
    const pubsubAll = this.allChannelsByDefault();
    const users = new Map<string, User>();
    let errors = '';
    text.split('\n').forEach((raw, i) => {
      const line = raw.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
      const at = `${path}:${i + 1}`;
      if (line === '') return;
      // Split on single spaces (sdssplitlen): no quoting in ACL files.
      const argv = line.split(' ');
      if (argv[0] !== 'user' || argv.length < 2) {
        errors += `${at} should start with user keyword followed by the username. `;
        return;
      }
      const name = argv[1];
      if (/[ \t\n\v\f\r\0]/.test(name)) {
        errors += `'${at}: username '${name}' contains invalid characters. `;
        return;
      }
      if (users.has(name)) {
        errors += `WARNING: Duplicate user '${name}' found on line ${i + 1}. `;
        return;
      }
      const u = new User(name, pubsubAll);
      users.set(name, u);
      const merged = mergeSelectorArgs(argv.slice(2));
      if (!Array.isArray(merged)) {
        errors += `${at}: Unmatched parenthesis in selector definition.`;
        return;
      }
      let syntaxError = false;
      for (const op of merged) {
        const trimmed = op.replace(/^[\t\r\n]+|[\t\r\n]+$/g, '');
        const err = u.apply(trimmed, pubsubAll);
        if (err === 'ENOENT') {
          errors += `${at}: Error in applying operation '${trimmed}': ${RULE_ERRORS[err]}. `;
        } else if (err !== null && !syntaxError) {
          errors += `${at}: ${RULE_ERRORS[err]}. `;
          syntaxError = true;
        }
      }
    });
    if (errors !== '') return `${errors}WARNING: ACL errors detected, no change to the previously active ACL rules was performed`;
    // The default user object stays; it takes the file's rules (or the initial ones).
    const old = [...this.users.keys()];
    this.defaultUser.copyFrom(users.get('default') ?? defaultUser());
    users.delete('default');
    for (const name of old) if (name !== 'default') this.deleteUser(name);
    for (const [name, u] of users) this.users.set(name, u);
    return null;
  }
}

/** getAclErrorMessage (non-verbose) with its NOPERM code. */
export function noPermMessage(denied: Denied, cmd: CommandEntry): string {
  if (denied === Denied.KEY) return E.NOPERM_KEY;
  if (denied === Denied.CHANNEL) return E.NOPERM_CHANNEL;
  return E.NOPERM_COMMAND(cmd.fullname);
}

/** getAclErrorMessage's verbose form, as ACL DRYRUN answers it. */
export function dryRunMessage(denied: Denied, cmd: CommandEntry, arg: string): string {
  if (denied === Denied.KEY) return `This user has no permissions to access the '${arg}' key`;
  if (denied === Denied.CHANNEL) return `This user has no permissions to access the '${arg}' channel`;
  return `This user has no permissions to run the '${cmd.fullname}' command`;
}

/** script.c scriptVerifyACL's errors. */
export function scriptAclMessage(denied: Denied): string {
  if (denied === Denied.KEY) return E.SCRIPT_NOPERM_KEY;
  if (denied === Denied.CHANNEL) return E.SCRIPT_NOPERM_CHANNEL;
  return E.SCRIPT_NOPERM_COMMAND;
}
