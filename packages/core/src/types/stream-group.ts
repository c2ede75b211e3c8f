// Consumer groups (t_stream.c streamCG, streamConsumer, streamNACK): a group's
// last delivered ID and entries-read counter, its pending entries list (PEL:
// delivered, not yet acknowledged) and its consumers, each with the part of the
// PEL it owns. Redis keeps PELs and consumers in radix trees, so they are
// listed in ID order and name (byte) order: a SortedMap gives the same.
import type { StreamID } from './stream-id.ts';

/** Redis's SCG_INVALID_ENTRIES_READ: the group's read counter is unknown. */
export const INVALID_ENTRIES_READ = -1n;

/** A map kept in key order (keys are latin1 byte strings), with seeks. */
export class SortedMap<V> {
  private keys: string[] = [];
  private readonly values = new Map<string, V>();

  get size(): number {
    return this.keys.length;
  }

  get(key: string): V | undefined {
    return this.values.get(key);
  }

  /** Insert or replace; true if the key is new. */
  set(key: string, value: V): boolean {
    const isNew = !this.values.has(key);
    this.values.set(key, value);
    if (isNew) {
      const keys = this.keys;
      // The common case (IDs delivered in order) appends.
      if (keys.length === 0 || keys[keys.length - 1] < key) keys.push(key);
      else keys.splice(this.lowerBound(key), 0, key);
    }
    return isNew;
  }

  delete(key: string): boolean {
    if (!this.values.delete(key)) return false;
    this.keys.splice(this.lowerBound(key), 1);
    return true;
  }

  /** Index of the first key >= key. */
  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Entries with key >= from, in order (a snapshot: safe to modify the map meanwhile). */
  *from(from: string): Generator<[string, V]> {
    const keys = this.keys.slice(this.lowerBound(from));
    for (const k of keys) {
      const v = this.values.get(k);
      if (v !== undefined) yield [k, v];
    }
  }

  *entries(): Generator<[string, V]> {
    yield* this.from('');
  }

  firstKey(): string | undefined {
    return this.keys[0];
  }

  lastKey(): string | undefined {
    return this.keys[this.keys.length - 1];
  }
}

/** nack->delivery_count++ with C's 64-bit wrap-around. */
export function countDelivery(nack: Nack): void {
  nack.deliveryCount = BigInt.asIntN(64, nack.deliveryCount + 1n);
}

/** streamNACK: one pending entry. */
export interface Nack {
  /** Last delivery time (ms). */
  deliveryTime: number;
  /** A long long in Redis: printed signed, wrapping past 2^63-1. */
  deliveryCount: bigint;
  /** Null only for a moment, inside XCLAIM FORCE. */
  consumer: Consumer | null;
}

export class Consumer {
  /** The consumer's own PEL: the same Nack objects as the group's. */
  readonly pel = new SortedMap<Nack>();

  constructor(readonly name: string, public seenTime: number) {}
}

export class ConsumerGroup {
  readonly pel = new SortedMap<Nack>();
  readonly consumers = new SortedMap<Consumer>();

  constructor(public lastId: StreamID, public entriesRead: bigint) {}

  /** streamDelConsumer: the consumer goes, and its pending entries leave the group's PEL. */
  deleteConsumer(consumer: Consumer): void {
    for (const [key] of consumer.pel.entries()) this.pel.delete(key);
    this.consumers.delete(consumer.name);
  }

  /** Remove a pending entry from the group and its owner (XACK, a claim of a deleted entry). */
  deleteNack(key: string, nack: Nack): void {
    this.pel.delete(key);
    nack.consumer?.pel.delete(key);
  }

  /** streamDup's copy of a group: PEL entries shared between the group and the consumers again. */
  clone(): ConsumerGroup {
    const g = new ConsumerGroup(this.lastId, this.entriesRead);
    const copies = new Map<Nack, Nack>();
    for (const [key, n] of this.pel.entries()) {
      const copy: Nack = { deliveryTime: n.deliveryTime, deliveryCount: n.deliveryCount, consumer: null };
      copies.set(n, copy);
      g.pel.set(key, copy);
    }
    for (const [name, c] of this.consumers.entries()) {
      const nc = new Consumer(name, c.seenTime);
      for (const [key, n] of c.pel.entries()) {
        const copy = copies.get(n)!;
        copy.consumer = nc;
        nc.pel.set(key, copy);
      }
      g.consumers.set(name, nc);
    }
    return g;
  }
}
