interface Waiter {
  grant(): void;
}

/**
 * A fixed number of slots shared by lanes (one lane per client) in turn. While a slot is free, work starts at
 * once; when all are taken, a freed slot goes to the waiting lane holding the fewest slots, and among those to
 * the one served longest ago (round robin). A client with many requests thus waits for its own turn and cannot
 * push a client with one request to the back, nor hold more slots than others while they wait.
 * A lane alone (no other lane holding or waiting) may use up to `alone` slots, so one client does not queue
 * behind an idle database; once another lane waits, each freed burst slot goes to a waiting lane at most once
 * and the gate drains back to `slots`.
 * Work that holds a slot must not wait for another (a transaction's statements run in its own slot): with
 * every slot held by such work, it would wait for itself.
 */
export class FairGate {
  private busy = 0;
  // Slots held per lane (lanes holding none are absent).
  private readonly held = new Map<string, number>();
  // When each lane active now last got a slot (a serial number), for the round robin among equals.
  private readonly served = new Map<string, number>();
  private serial = 0;
  // Slots taken beyond `slots` by a lane alone, not yet freed or handed over to another lane.
  private burst = 0;
  // Lanes with waiting work, in the order they are served; a served lane with more waiting goes to the back.
  private readonly lanes = new Map<string, Waiter[]>();

  constructor(readonly slots: number, readonly alone: number = slots) {
    if (!Number.isInteger(slots) || slots < 1) throw new RangeError('slots must be a positive integer');
    if (!Number.isInteger(alone) || alone < slots) throw new RangeError('alone must be an integer of at least slots');
  }

  /** Whether `lane` holds every slot taken (or none is taken), so no other client competes with it. */
  private isAlone(lane: string): boolean {
    return this.held.size === 0 || (this.held.size === 1 && this.held.has(lane));
  }

  /** Work waiting for a slot, in all lanes. */
  get waiting(): number {
    let n = 0;
    for (const queue of this.lanes.values()) n += queue.length;
    return n;
  }

  /** Work holding a slot. */
  get running(): number {
    return this.busy;
  }

  /**
   * Runs `work` once a slot is free and it is `lane`'s turn, and frees the slot when `work` settles. While it
   * waits, `signal` aborting ends the wait with `onAbort()`'s error, and the work never starts. `signal` may be
   * a function giving it, called only if the work has to wait (making a signal is not free).
   */
  async run<T>(lane: string, signal: AbortSignal | (() => AbortSignal) | undefined, onAbort: () => unknown, work: () => Promise<T>): Promise<T> {
    await this.acquire(lane, signal, onAbort);
    try {
      return await work();
    } finally {
      this.release(lane);
    }
  }

  private take(lane: string): void {
    this.serial += 1;
    this.served.set(lane, this.serial);
    this.busy += 1;
    this.held.set(lane, (this.held.get(lane) ?? 0) + 1);
  }

  private acquire(lane: string, signalOrMaker: AbortSignal | (() => AbortSignal) | undefined, onAbort: () => unknown): Promise<void> {
    if (this.lanes.size === 0) {
      if (this.busy < this.slots) {
        this.take(lane);
        return Promise.resolve();
      }
      if (this.busy < this.alone && this.isAlone(lane)) {
        this.burst += 1;
        this.take(lane);
        return Promise.resolve();
      }
    }
    const signal = typeof signalOrMaker === 'function' ? signalOrMaker() : signalOrMaker;
    if (signal?.aborted) return Promise.reject(onAbort());
    return new Promise<void>((resolve, reject) => {
      const abort = () => {
        const queue = this.lanes.get(lane);
        const at = queue ? queue.indexOf(waiter) : -1;
        if (at < 0) return;
        queue!.splice(at, 1);
        if (queue!.length === 0) this.lanes.delete(lane);
        reject(onAbort());
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', abort);
          resolve();
        },
      };
      signal?.addEventListener('abort', abort, { once: true });
      const queue = this.lanes.get(lane);
      if (queue) queue.push(waiter);
      else this.lanes.set(lane, [waiter]);
    });
  }

  private release(lane: string): void {
    this.busy -= 1;
    const left = (this.held.get(lane) ?? 1) - 1;
    if (left > 0) this.held.set(lane, left);
    else this.held.delete(lane);
    if (left <= 0 && !this.lanes.has(lane)) this.served.delete(lane);
    // A freed slot above `slots` is a burst slot gone.
    this.burst = Math.min(this.burst, Math.max(0, this.busy - this.slots + 1));
    let next: string | undefined;
    let fewest = Infinity;
    let oldest = Infinity;
    for (const candidate of this.lanes.keys()) {
      const holds = this.held.get(candidate) ?? 0;
      const last = this.served.get(candidate) ?? 0;
      if (holds < fewest || (holds === fewest && last < oldest)) {
        next = candidate;
        fewest = holds;
        oldest = last;
      }
    }
    if (next === undefined) return;
    if (this.busy >= this.slots) {
      if (this.busy < this.alone && this.isAlone(next)) {
        // Still alone: the lane keeps its burst.
      } else if (this.burst > 0) {
        // Hand a burst slot over to the waiting lane once; the gate drains back to `slots` as others free.
        this.burst -= 1;
      } else return;
    }
    const queue = this.lanes.get(next)!;
    const waiter = queue.shift()!;
    this.lanes.delete(next);
    if (queue.length > 0) this.lanes.set(next, queue);
    this.take(next);
    waiter.grant();
  }
}
