/** What the breaker reports when an outage episode begins or ends, for one log line each. */
export interface BreakerEvents {
  /** The first connection failure of an episode, with its cause. */
  onOpen?(cause: string): void;
  /** The database answered again after `outageMs` of being unreachable. */
  onClose?(outageMs: number): void;
}

/**
 * Whether the database is worth asking. Closed: statements go through. Open (after a connection failure):
 * statements are refused at once, and a probe, at most one every `probeIntervalMs`, decides when it closes
 * again. Pure state: it does no I/O and reads time only through `now`, so a test can drive it with a fake clock.
 */
export class CircuitBreaker {
  private openedAt: number | undefined;
  private lastCause = '';
  private lastProbeAt = 0;
  private probing = false;
  private readonly openListeners = new Set<() => void>();

  constructor(
    private readonly events: BreakerEvents = {},
    private readonly now: () => number = Date.now,
    readonly probeIntervalMs = 1_000,
  ) {}

  /** True while the database is considered unreachable. */
  get isOpen(): boolean {
    return this.openedAt !== undefined;
  }

  /** Why the current episode began (empty while closed). */
  get cause(): string {
    return this.isOpen ? this.lastCause : '';
  }

  /** Milliseconds since the current episode began (0 while closed). */
  get openForMs(): number {
    return this.openedAt === undefined ? 0 : this.now() - this.openedAt;
  }

  /** Records a connection failure; opens the breaker (and reports it once) if it was closed. */
  recordFailure(cause: string): void {
    if (this.openedAt !== undefined) return;
    this.openedAt = this.now();
    this.lastCause = cause;
    // The next probe waits a full interval: the failure itself was the first check.
    this.lastProbeAt = this.openedAt;
    this.events.onOpen?.(cause);
    const listeners = [...this.openListeners];
    this.openListeners.clear();
    for (const listener of listeners) listener();
  }

  /**
   * Calls `listener` once, when the breaker next opens (statements waiting on a database that stopped answering give
   * up then, rather than at their deadline). Returns the function that unsubscribes; call it when done waiting.
   */
  whenOpen(listener: () => void): () => void {
    this.openListeners.add(listener);
    return () => void this.openListeners.delete(listener);
  }

  /** Records that the database answered; closes the breaker (and reports the outage) if it was open. */
  recordSuccess(): void {
    if (this.openedAt === undefined) return;
    const outageMs = this.now() - this.openedAt;
    this.openedAt = undefined;
    this.lastCause = '';
    this.events.onClose?.(outageMs);
  }

  /**
   * Whether a probe should start now: the breaker is open, no probe is running and the last one started at
   * least `probeIntervalMs` ago. A true answer counts as starting one; end it with `probeEnded`.
   */
  probeDue(): boolean {
    if (this.openedAt === undefined || this.probing) return false;
    const now = this.now();
    if (now - this.lastProbeAt < this.probeIntervalMs) return false;
    this.lastProbeAt = now;
    this.probing = true;
    return true;
  }

  /** Ends the probe `probeDue` started, with its outcome. */
  probeEnded(reachable: boolean, cause = ''): void {
    this.probing = false;
    if (reachable) this.recordSuccess();
    else if (cause && this.openedAt !== undefined) this.lastCause = cause;
  }
}
