// The configuration parameters redmoon honours, with Redis's names, aliases,
// defaults, validation and CONFIG GET text (config.c). Values are kept parsed in
// `Config` fields so hot paths read plain properties.
import { formatNotifyFlags, parseNotifyFlags } from './notify.ts';

export interface Config {
  requirepass: string;
  hz: number;
  protoMaxBulkLen: number;
  maxmemory: number;
  maxmemoryPolicy: string;
  maxmemorySamples: number;
  notifyKeyspaceEvents: number;
  busyReplyThreshold: number;
  lazyfreeLazyExpire: boolean;
  lazyfreeLazyUserDel: boolean;
  lazyfreeLazyUserFlush: boolean;
  lazyfreeLazyServerDel: boolean;
  activeExpireEnabled: boolean;
  /** Any other parameter, by canonical name, as CONFIG GET shows it. */
  extra: Map<string, string>;
}

export interface ParamDef {
  name: string;
  alias?: string;
  /** Parameters that CONFIG SET refuses (Redis: IMMUTABLE_CONFIG). */
  immutable?: boolean;
  get(c: Config): string;
  /** Parse and apply; return an error detail (Redis's text after the ' - ') on failure. */
  set(c: Config, v: string): string | null;
}

const yesno = (v: string): boolean | null => {
  const l = v.toLowerCase();
  return l === 'yes' ? true : l === 'no' ? false : null;
};

/** memtoull: "1gb", "100mb", "5k" ... as config.c parses memory values. */
export function parseMemory(v: string): number | null {
  const m = /^(-?\d+)(b|k|kb|m|mb|g|gb)?$/i.exec(v);
  if (!m) return null;
  const unit = (m[2] ?? 'b').toLowerCase();
  const mul: Record<string, number> = { b: 1, k: 1000, kb: 1024, m: 1e6, mb: 1024 ** 2, g: 1e9, gb: 1024 ** 3 };
  return Number(m[1]) * mul[unit];
}

function boolParam(name: string, key: keyof Config, alias?: string): ParamDef {
  return {
    name, alias,
    get: (c) => ((c[key] as boolean) ? 'yes' : 'no'),
    set: (c, v) => {
      const b = yesno(v);
      if (b === null) return "argument must be 'yes' or 'no'";
      (c as unknown as Record<string, unknown>)[key] = b;
      return null;
    },
  };
}

function intParam(name: string, key: keyof Config, min: number, max: number, opts: { memory?: boolean; alias?: string } = {}): ParamDef {
  return {
    name, alias: opts.alias,
    get: (c) => String(c[key]),
    set: (c, v) => {
      const n = opts.memory ? parseMemory(v) : /^-?\d+$/.test(v) ? Number(v) : null;
      if (n === null) return opts.memory ? 'argument must be a memory value' : 'argument couldn\'t be parsed into an integer';
      if (n < min || n > max) return `argument must be between ${min} and ${max} inclusive`;
      (c as unknown as Record<string, unknown>)[key] = n;
      return null;
    },
  };
}

export const MAXMEMORY_POLICIES = [
  'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl',
  'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction',
];

/** The parameters with behaviour behind them. Others live in Config.extra. */
export const PARAMS: ParamDef[] = [
  { name: 'requirepass', get: (c) => c.requirepass, set: (c, v) => { c.requirepass = v; return null; } },
  {
    // Redis keeps hz within CONFIG_MIN_HZ..CONFIG_MAX_HZ (1..500) after accepting any int.
    ...intParam('hz', 'hz', 0, 2147483647),
    set: (c, v) => {
      const err = intParam('hz', 'hz', 0, 2147483647).set(c, v);
      if (err === null) c.hz = Math.min(500, Math.max(1, c.hz));
      return err;
    },
  },
  intParam('proto-max-bulk-len', 'protoMaxBulkLen', 1048576, Number.MAX_SAFE_INTEGER, { memory: true }),
  intParam('maxmemory', 'maxmemory', 0, Number.MAX_SAFE_INTEGER, { memory: true }),
  {
    name: 'maxmemory-policy',
    get: (c) => c.maxmemoryPolicy,
    set: (c, v) => {
      const l = v.toLowerCase();
      if (!MAXMEMORY_POLICIES.includes(l)) return `argument(s) must be one of the following: ${MAXMEMORY_POLICIES.join(', ')}`;
      c.maxmemoryPolicy = l;
      return null;
    },
  },
  intParam('maxmemory-samples', 'maxmemorySamples', 1, 2147483647),
  {
    name: 'notify-keyspace-events',
    get: (c) => formatNotifyFlags(c.notifyKeyspaceEvents),
    set: (c, v) => {
      const f = parseNotifyFlags(v);
      if (f < 0) return 'Invalid event class character. Use \'Ag$lshzxeKEtmdn\'.';
      c.notifyKeyspaceEvents = f;
      return null;
    },
  },
  intParam('busy-reply-threshold', 'busyReplyThreshold', 0, Number.MAX_SAFE_INTEGER, { alias: 'lua-time-limit' }),
  boolParam('lazyfree-lazy-expire', 'lazyfreeLazyExpire'),
  boolParam('lazyfree-lazy-user-del', 'lazyfreeLazyUserDel'),
  boolParam('lazyfree-lazy-user-flush', 'lazyfreeLazyUserFlush'),
  boolParam('lazyfree-lazy-server-del', 'lazyfreeLazyServerDel'),
];

export function defaultConfig(): Config {
  return {
    requirepass: '',
    hz: 10,
    protoMaxBulkLen: 512 * 1024 * 1024,
    maxmemory: 0,
    maxmemoryPolicy: 'noeviction',
    maxmemorySamples: 5,
    notifyKeyspaceEvents: 0,
    busyReplyThreshold: 5000,
    lazyfreeLazyExpire: false,
    lazyfreeLazyUserDel: false,
    lazyfreeLazyUserFlush: false,
    lazyfreeLazyServerDel: false,
    activeExpireEnabled: true,
    extra: new Map(),
  };
}

/** Find a parameter by name or alias (case-insensitive, as CONFIG is). */
export function findParam(name: string): ParamDef | undefined {
  const l = name.toLowerCase();
  return PARAMS.find((p) => p.name === l || p.alias === l);
}
