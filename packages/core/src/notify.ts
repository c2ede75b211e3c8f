// Keyspace notification classes (server.h NOTIFY_*) and the
// notify-keyspace-events flag string parser/formatter (notify.c).

export const N = {
  KEYSPACE: 1 << 0, // K
  KEYEVENT: 1 << 1, // E
  GENERIC: 1 << 2, // g
  STRING: 1 << 3, // $
  LIST: 1 << 4, // l
  SET: 1 << 5, // s
  HASH: 1 << 6, // h
  ZSET: 1 << 7, // z
  EXPIRED: 1 << 8, // x
  EVICTED: 1 << 9, // e
  STREAM: 1 << 10, // t
  KEY_MISS: 1 << 11, // m (excluded from A)
  LOADED: 1 << 12, // module only
  MODULE: 1 << 13, // d
  NEW: 1 << 14, // n (excluded from A)
} as const;

const ALL = N.GENERIC | N.STRING | N.LIST | N.SET | N.HASH | N.ZSET | N.EXPIRED | N.EVICTED | N.STREAM | N.MODULE;

/** keyspaceEventsStringToFlags: -1 on an unknown character. */
export function parseNotifyFlags(s: string): number {
  let flags = 0;
  for (const ch of s) {
    switch (ch) {
      case 'A': flags |= ALL; break;
      case 'g': flags |= N.GENERIC; break;
      case '$': flags |= N.STRING; break;
      case 'l': flags |= N.LIST; break;
      case 's': flags |= N.SET; break;
      case 'h': flags |= N.HASH; break;
      case 'z': flags |= N.ZSET; break;
      case 'x': flags |= N.EXPIRED; break;
      case 'e': flags |= N.EVICTED; break;
      case 'K': flags |= N.KEYSPACE; break;
      case 'E': flags |= N.KEYEVENT; break;
      case 't': flags |= N.STREAM; break;
      case 'm': flags |= N.KEY_MISS; break;
      case 'd': flags |= N.MODULE; break;
      case 'n': flags |= N.NEW; break;
      default: return -1;
    }
  }
  return flags;
}

/** keyspaceEventsFlagsToString: the canonical text CONFIG GET shows. */
export function formatNotifyFlags(flags: number): string {
  let s = '';
  if ((flags & ALL) === ALL) s += 'A';
  else {
    if (flags & N.GENERIC) s += 'g';
    if (flags & N.STRING) s += '$';
    if (flags & N.LIST) s += 'l';
    if (flags & N.SET) s += 's';
    if (flags & N.HASH) s += 'h';
    if (flags & N.ZSET) s += 'z';
    if (flags & N.EXPIRED) s += 'x';
    if (flags & N.EVICTED) s += 'e';
    if (flags & N.STREAM) s += 't';
    if (flags & N.MODULE) s += 'd';
    // 7.0.15 prints n only here, so "AKEn" reads back as "AKE" (the flag stays set).
    if (flags & N.NEW) s += 'n';
  }
  if (flags & N.KEYSPACE) s += 'K';
  if (flags & N.KEYEVENT) s += 'E';
  if (flags & N.KEY_MISS) s += 'm';
  return s;
}
