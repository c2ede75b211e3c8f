// Client-side caching support (tracking.c, Redis 7.0.15): the keys each
// tracking client has read, the prefixes of broadcasting clients, and the
// invalidation messages. RESP3 clients get `>2 invalidate [keys]` pushes; a
// client redirecting to a RESP2 connection in subscribed mode has them sent
// there as `message __redis__:invalidate [keys]`, whatever that connection is
// subscribed to (Redis writes them directly, not through PUBLISH).
import type { Client } from './client.ts';
import { type Reply, array, bulk, bulks, int, NULL, push } from './reply.ts';

/** A tracking client's mode (the CLIENT_TRACKING_* flags and its redirection). */
export interface TrackingState {
  /** Client id the messages go to; 0: this client itself. */
  redirect: number;
  bcast: boolean;
  optin: boolean;
  optout: boolean;
  noloop: boolean;
  /** CLIENT CACHING yes/no was given for the next command (CLIENT_TRACKING_CACHING). */
  caching: boolean;
  /** The redirection client went away (CLIENT_TRACKING_BROKEN_REDIR). */
  brokenRedirect: boolean;
  /** BCAST prefixes, the empty prefix when none was given. */
  prefixes: Set<string>;
}

export type TrackingOptions = Pick<TrackingState, 'bcast' | 'optin' | 'optout' | 'noloop'>;

/** The keys modified under one BCAST prefix since the last broadcast, and who listens. */
interface PrefixState {
  /** key -> the client that modified it last (NOLOOP clients skip their own). */
  keys: Map<string, Client | null>;
  clients: Set<Client>;
}

const INVALIDATE = bulk('invalidate');
const MESSAGE = bulk('message');
const TRACKING_CHANNEL = bulk('__redis__:invalidate');
const REDIR_BROKEN = bulk('tracking-redir-broken');

/** Bytewise order, as Redis's radix trees iterate keys and prefixes. */
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export class Tracking {
  /** key -> ids of the clients that may have it cached (TrackingTable). */
  private readonly table = new Map<string, Set<number>>();
  private readonly prefixTable = new Map<string, PrefixState>();
  /** Keys (null: a flush) to invalidate for the running client once its command replied. */
  private pendingForCurrent: (string | null)[] = [];
  /** server.tracking_clients. */
  clientCount = 0;
  /** TrackingTableTotalItems: (key, client) pairs. */
  totalItems = 0;

  constructor(private readonly clients: Map<number, Client>) {}

  /** INFO tracking_total_keys / tracking_total_prefixes. */
  get totalKeys(): number {
    return this.table.size;
  }

  get totalPrefixes(): number {
    return this.prefixTable.size;
  }

  /** Whether a modified key may concern anyone (keys stay tracked after their clients stop). */
  get active(): boolean {
    return this.table.size !== 0 || this.prefixTable.size !== 0;
  }

  /** enableTracking: (re)enable with these options; the caller has checked them. */
  enable(c: Client, redirect: number, opts: TrackingOptions, prefixes: string[]): void {
    if (c.tracking === null) this.clientCount++;
    const prev = c.tracking;
    const st: TrackingState = {
      redirect, bcast: false, optin: false, optout: false, noloop: false,
      // CLIENT CACHING survives a re-enable: only disableTracking clears it.
      caching: prev?.caching ?? false,
      brokenRedirect: false,
      prefixes: prev?.prefixes ?? new Set(),
    };
    c.tracking = st;
    if (opts.bcast) {
      st.bcast = true;
      if (prefixes.length === 0) this.addPrefix(c, '');
      for (const p of prefixes) this.addPrefix(c, p);
    }
    st.optin = opts.optin;
    st.optout = opts.optout;
    st.noloop = opts.noloop;
  }

  private addPrefix(c: Client, prefix: string): void {
    let ps = this.prefixTable.get(prefix);
    if (ps === undefined) {
      ps = { keys: new Map(), clients: new Set() };
      this.prefixTable.set(prefix, ps);
    }
    if (!c.tracking!.prefixes.has(prefix)) {
      c.tracking!.prefixes.add(prefix);
      ps.clients.add(c);
    }
  }

  /** disableTracking: the keys it read stay in the table until they are invalidated. */
  disable(c: Client): void {
    const st = c.tracking;
    if (st === null) return;
    for (const p of st.prefixes) {
      const ps = this.prefixTable.get(p);
      if (ps === undefined) continue;
      ps.clients.delete(c);
      if (ps.clients.size === 0) this.prefixTable.delete(p);
    }
    c.tracking = null;
    this.clientCount--;
  }

  /**
   * checkPrefixCollisionsOrReply: the error for a new prefix that overlaps one
   * this client has, or another new one. `proceed` reproduces 7.0.15's slip:
   * an overlap found between new prefixes after the first returns the index as
   * the success flag, so tracking is enabled anyway and OK follows the error.
   */
  prefixCollision(c: Client, prefixes: string[]): { error: string; proceed: boolean } | null {
    const existing = [...(c.tracking?.prefixes ?? [])].sort(byteOrder);
    for (let i = 0; i < prefixes.length; i++) {
      const p = prefixes[i];
      for (const old of existing) {
        if (overlaps(old, p)) return { error: collision(p, 'an existing', old), proceed: false };
      }
      for (let j = i + 1; j < prefixes.length; j++) {
        if (overlaps(p, prefixes[j])) return { error: collision(p, 'another provided', prefixes[j]), proceed: i !== 0 };
      }
    }
    return null;
  }

  /** trackingRememberKeys: after a read-only command, unless OPTIN/OPTOUT say otherwise. */
  rememberKeys(c: Client, keys: string[]): void {
    const st = c.tracking!;
    if ((st.optin && !st.caching) || (st.optout && st.caching)) return;
    for (const key of keys) {
      let ids = this.table.get(key);
      if (ids === undefined) {
        ids = new Set();
        this.table.set(key, ids);
      }
      if (!ids.has(c.id)) {
        ids.add(c.id);
        this.totalItems++;
      }
    }
  }

  /**
   * trackingInvalidateKey: `key` was modified during the command of `current`
   * (null from the cron), by `modifier` (signalModifiedKey's client: a script's
   * own client inside a script, null for expiry). Messages for the running
   * client itself wait until its reply is written.
   */
  invalidateKey(key: string, current: Client | null, modifier: Client | null): void {
    if (this.prefixTable.size !== 0) {
      for (const [prefix, ps] of this.prefixTable) if (key.startsWith(prefix)) ps.keys.set(key, modifier);
    }
    const ids = this.table.get(key);
    if (ids === undefined) return;
    for (const id of ids) {
      const target = this.clients.get(id);
      const st = target?.tracking;
      if (target === undefined || !st || st.bcast) continue;
      if (st.noloop && target === current) continue;
      if (target === current) this.pendingForCurrent.push(key);
      else this.send(target, array([bulk(key)]), null);
    }
    this.totalItems -= ids.size;
    this.table.delete(key);
  }

  /**
   * trackingInvalidateKeysOnFlush: every tracking client is told to drop its
   * whole cache (a null payload), and the table is emptied.
   */
  invalidateOnFlush(current: Client | null): void {
    if (this.clientCount !== 0) {
      for (const c of this.clients.values()) {
        if (c.tracking === null) continue;
        if (c === current) this.pendingForCurrent.push(null);
        else this.send(c, NULL, null);
      }
    }
    this.table.clear();
    this.totalItems = 0;
  }

  /**
   * afterCommand's trackingHandlePendingKeyInvalidations, once a top-level
   * command is done: the messages for `current` are queued behind its reply.
   */
  afterCommand(current: Client): void {
    if (this.pendingForCurrent.length === 0) return;
    const pending = this.pendingForCurrent;
    this.pendingForCurrent = [];
    if (this.clients.has(current.id) && current.tracking !== null) {
      for (const key of pending) this.send(current, key === null ? NULL : array([bulk(key)]), current);
    }
  }

  /** Whether BCAST keys wait for broadcast. */
  get broadcastPending(): boolean {
    for (const ps of this.prefixTable.values()) if (ps.keys.size !== 0) return true;
    return false;
  }

  /**
   * trackingBroadcastInvalidationMessages (beforeSleep): one message per prefix
   * with the keys changed since the last time; those for `current` (when this
   * runs inside its command) are queued behind its reply.
   */
  broadcast(current: Client | null): void {
    const prefixes = [...this.prefixTable.keys()].sort(byteOrder);
    for (const prefix of prefixes) {
      const ps = this.prefixTable.get(prefix)!;
      if (ps.keys.size === 0) continue;
      const keys = [...ps.keys.keys()].sort(byteOrder);
      const all = bulks(keys);
      for (const c of ps.clients) {
        if (!c.tracking!.noloop) {
          this.send(c, all, current);
          continue;
        }
        const own = keys.filter((k) => ps.keys.get(k) !== c);
        if (own.length !== 0) this.send(c, bulks(own), current);
      }
      ps.keys.clear();
    }
  }

  /** sendTrackingMessage: payload is the keys array or NULL (a flush). */
  private send(c: Client, payload: Reply, current: Client | null): void {
    const st = c.tracking!;
    let target = c;
    if (st.redirect !== 0) {
      const redir = this.clients.get(st.redirect);
      if (redir === undefined) {
        st.brokenRedirect = true;
        if (c.resp === 3) deliver(c, push([REDIR_BROKEN, int(st.redirect)]), current);
        return;
      }
      target = redir;
    }
    if (target.resp === 3) deliver(target, push([INVALIDATE, payload]), current);
    else if (target !== c && target.subscriptions.active) deliver(target, push([MESSAGE, TRACKING_CHANNEL, payload]), current);
    // A RESP2 client without a subscribed redirection cannot be told anything.
  }
}

/** A message for the client whose command is finishing goes after its reply. */
function deliver(target: Client, r: Reply, current: Client | null): void {
  if (target === current) target.pushesAfterReply.push(r);
  else target.onPush?.(r);
}

/** stringCheckPrefix: one is a prefix of the other. */
const overlaps = (a: string, b: string): boolean => (a.length <= b.length ? b.startsWith(a) : a.startsWith(b));

function collision(p: string, which: string, q: string): string {
  return `ERR Prefix '${p}' overlaps with ${which} prefix '${q}'. Prefixes for a single client must not overlap.`;
}
