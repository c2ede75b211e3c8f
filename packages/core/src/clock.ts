// The one injected clock (DESIGN.md decision 6). Expiry, TIME, OBJECT IDLETIME,
// blocking and script timeouts and stream IDs all read it.

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Microseconds since the Unix epoch (for TIME). */
  nowMicros(): number;
}

/** The real clock, optionally frozen and moved by tests. */
export class ControlledClock implements Clock {
  private frozenAt: number | null = null;
  private offset = 0;
  private listeners: (() => void)[] = [];

  now(): number {
    return this.frozenAt ?? Date.now() + this.offset;
  }

  nowMicros(): number {
    if (this.frozenAt !== null) return this.frozenAt * 1000;
    const perf = globalThis.performance;
    // Date.now() has ms resolution; add sub-ms digits from the monotonic clock.
    const sub = perf ? Math.floor((perf.now() % 1) * 1000) : 0;
    return (Date.now() + this.offset) * 1000 + sub;
  }

  get frozen(): boolean {
    return this.frozenAt !== null;
  }

  /** Stop time at `at` (default: now). */
  freeze(at: number = this.now()): void {
    this.frozenAt = at;
  }

  /** Let time run again from where it stands. */
  unfreeze(): void {
    if (this.frozenAt === null) return;
    this.offset = this.frozenAt - Date.now();
    this.frozenAt = null;
  }

  /** Move time forward by ms (frozen or not), then run the listeners (expiry, timeouts). */
  advance(ms: number): void {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offset += ms;
    this.fire();
  }

  /** Jump to an absolute time, keeping the frozen/running state. */
  set(at: number): void {
    if (this.frozenAt !== null) this.frozenAt = at;
    else this.offset = at - Date.now();
    this.fire();
  }

  /** Called after every advance/set, so that servers can run their timers at once. */
  onChange(fn: () => void): () => void {
    this.listeners.push(fn);
    return () => { this.listeners = this.listeners.filter((l) => l !== fn); };
  }

  private fire(): void {
    for (const l of this.listeners) l();
  }
}
