// The consumer group read counters of Redis 7.0 (t_stream.c): entries-read
// and lag, which are exact only while no deletion (a tombstone, recorded as
// max-deleted-entry-id) lies ahead of the group.
import type { StreamValue } from './stream.ts';
import type { ConsumerGroup } from './stream-group.ts';
import { INVALID_ENTRIES_READ } from './stream-group.ts';
import { type StreamID, MAX_ID, ZERO_ID, cmpId, isZeroId } from './stream-id.ts';

/** streamRangeHasTombstones: whether max-deleted-entry-id falls in [start, end]. */
export function rangeHasTombstones(s: StreamValue, start: StreamID | null, end: StreamID | null): boolean {
  if (s.length === 0 || isZeroId(s.maxDeletedId)) return false;
  // The latest deletion is before the first entry: nothing left in the stream is missing.
  if (cmpId(s.firstId, s.maxDeletedId) > 0) return false;
  return cmpId(start ?? ZERO_ID, s.maxDeletedId) <= 0 && cmpId(s.maxDeletedId, end ?? MAX_ID) <= 0;
}

/**
 * streamEstimateDistanceFromFirstEverEntry: the logical read counter of an ID
 * (how many entries were ever added up to it), when it can be known.
 */
export function estimateEntriesRead(s: StreamValue, id: StreamID): bigint {
  if (s.entriesAdded === 0n) return 0n;
  if (s.length === 0 && cmpId(id, s.lastId) < 1) return s.entriesAdded;
  const cmpLast = cmpId(id, s.lastId);
  if (cmpLast === 0) return s.entriesAdded;
  if (cmpLast > 0) return INVALID_ENTRIES_READ;
  const cmpFirst = cmpId(id, s.firstId);
  if (isZeroId(s.maxDeletedId) || cmpId(s.maxDeletedId, s.firstId) < 0) {
    if (cmpFirst < 0) return s.entriesAdded - BigInt(s.length);
    if (cmpFirst === 0) return s.entriesAdded - BigInt(s.length) + 1n;
  }
  return INVALID_ENTRIES_READ;
}

/** streamReplyWithCGLag: entries-added minus the group's read counter, or null when unknown. */
export function groupLag(s: StreamValue, g: ConsumerGroup): bigint | null {
  if (s.entriesAdded === 0n) return 0n;
  if (g.entriesRead !== INVALID_ENTRIES_READ && !rangeHasTombstones(s, g.lastId, null)) {
    return BigInt.asIntN(64, s.entriesAdded - g.entriesRead);
  }
  const read = estimateEntriesRead(s, g.lastId);
  return read === INVALID_ENTRIES_READ ? null : BigInt.asIntN(64, s.entriesAdded - read);
}

/** The read counter update when a group delivers an entry past its last ID (streamReplyWithRange). */
export function advanceGroup(s: StreamValue, g: ConsumerGroup, id: StreamID): void {
  if (g.entriesRead !== INVALID_ENTRIES_READ && !rangeHasTombstones(s, id, null)) g.entriesRead++;
  else if (s.entriesAdded !== 0n) g.entriesRead = estimateEntriesRead(s, id);
  g.lastId = id;
}
