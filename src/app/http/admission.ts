import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { HubError, ServiceUnavailableError, TooManyRequestsError } from '../../core/errors';

/** The limits admission enforces; see `Limits` in config.ts. */
export interface AdmissionLimits {
  maxInFlight: number;
  clientMaxInFlight: number;
  /** 0: no rate limit. */
  rateLimitPerMinute: number;
  /** Estimated cost from which a request is heavy (default: none is). */
  heavyQueryCost?: number;
  /** Heavy requests running at once (default 1). */
  maxHeavyInFlight?: number;
  /** Estimated cost one client may spend per second (0 or absent: no limit). */
  clientCostPerSecond?: number;
  /** The cost budget of one operation: the most a client's cost allowance holds. */
  maxQueryCost?: number;
}

/** Why a request was turned away, as counted in the metrics. */
export type RejectionReason = 'in_flight' | 'client_in_flight' | 'rate' | 'cost_rate' | 'heavy_in_flight';

/** Decides, once a request's estimated cost is known, whether it may run; undefined: it may. */
export type CostGate = (cost: number) => { reason: RejectionReason; error: HubError } | undefined;

export type Admission =
  | {
      admitted: true;
      /** Call once when the request is over, whatever its end. */
      release(): void;
      /** The second step of admission, for an operation whose cost is estimated; its lane is released with the request. */
      admitCost: CostGate;
      /** Charges the client for a document refused for its size or shape (see `penalize` on AdmissionControl). */
      penalize(): void;
    }
  | { admitted: false; reason: RejectionReason; error: HubError };

/** A client's allowance of estimated cost: refilled continuously, spent by each operation it runs. */
interface Allowance {
  tokens: number;
  at: number;
}

// Allowances are forgotten once full again; the map is swept when it holds this many.
const ALLOWANCE_SWEEP_AT = 10_000;

/**
 * Decides whether a request may start: at most `maxInFlight` requests at once in all (beyond: 503), at most
 * `clientMaxInFlight` at once per client and `rateLimitPerMinute` started per client per minute (beyond:
 * 429). Each answer carries Retry-After. Once an operation's cost is estimated, `admitCost` is the second
 * step: a client spends at most `clientCostPerSecond` of estimated cost per second (bursts up to
 * `maxQueryCost`; beyond: 429), and at most `maxHeavyInFlight` requests of `heavyQueryCost` or more run at
 * once (beyond: 503). One client's expensive queries thus wait while others' cheap ones go through.
 */
export class AdmissionControl {
  private inFlightCount = 0;
  private readonly perClient = new Map<string, number>();
  // rate-limiter-flexible rather than a hand-kept map: its counters expire by themselves (memory stays bounded
  // by the clients seen in the last minute, however many addresses a flood comes from), and the same limiter
  // runs on a shared store (Redis and others) once several hub processes must share one budget.
  private readonly rate?: RateLimiterMemory;
  private heavyCount = 0;
  private readonly allowances = new Map<string, Allowance>();

  constructor(
    private readonly limits: AdmissionLimits,
    private readonly now: () => number = Date.now,
  ) {
    if (limits.rateLimitPerMinute > 0) this.rate = new RateLimiterMemory({ points: limits.rateLimitPerMinute, duration: 60 });
  }

  /** Heavy requests admitted and not yet released. */
  get heavyInFlight(): number {
    return this.heavyCount;
  }

  /** Requests admitted and not yet released. */
  get inFlight(): number {
    return this.inFlightCount;
  }

  /** Admits or refuses one request of client `key`. */
  async admit(key: string): Promise<Admission> {
    if (this.rate) {
      try {
        await this.rate.consume(key);
      } catch (result) {
        if (!(result instanceof RateLimiterRes)) throw result;
        const seconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
        const message = `More than ${this.limits.rateLimitPerMinute} requests this minute from one client; try again in ${seconds} s`;
        return { admitted: false, reason: 'rate', error: new TooManyRequestsError(message, seconds) };
      }
    }
    const debt = this.debtOf(key);
    if (debt) return debt;
    // Counted only after the rate limiter's answer, so that no other request can slip in between check and count.
    if (this.inFlightCount >= this.limits.maxInFlight) {
      const message = `The hub is serving its limit of ${this.limits.maxInFlight} requests at once; try again shortly`;
      return { admitted: false, reason: 'in_flight', error: new ServiceUnavailableError(message) };
    }
    const mine = this.perClient.get(key) ?? 0;
    if (mine >= this.limits.clientMaxInFlight) {
      const message = `At most ${this.limits.clientMaxInFlight} requests from one client may be in flight at once; wait for an answer before sending more`;
      return { admitted: false, reason: 'client_in_flight', error: new TooManyRequestsError(message, 1) };
    }
    this.inFlightCount += 1;
    this.perClient.set(key, mine + 1);
    let released = false;
    let heavy = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        this.inFlightCount -= 1;
        if (heavy) this.heavyCount -= 1;
        const left = (this.perClient.get(key) ?? 1) - 1;
        if (left > 0) this.perClient.set(key, left);
        else this.perClient.delete(key);
      },
      admitCost: (cost) => {
        if (released || heavy) return undefined;
        const refusal = this.chargeCost(key, cost);
        if (refusal) return refusal;
        heavy = this.isHeavy(cost);
        if (heavy) this.heavyCount += 1;
        return undefined;
      },
      penalize: () => this.penalize(key),
    };
  }

  /**
   * Charges a client one full cost budget for a document refused before it ran (over the cost budget, too many
   * aliases, tokens or directives, too deep). Parsing and measuring such a document is the work an attacker can
   * make the hub do for free; once a client's allowance is below zero, `admit` refuses it at the edge, before
   * its body is read, until the allowance has refilled. A client with a full allowance can make one such
   * mistake without waiting; a client repeating it waits about maxQueryCost / clientCostPerSecond seconds.
   * No effect without a cost allowance (clientCostPerSecond 0).
   */
  penalize(key: string): void {
    const perSecond = this.limits.clientCostPerSecond ?? 0;
    const capacity = this.limits.maxQueryCost ?? 0;
    if (perSecond <= 0 || capacity <= 0) return;
    const allowance = this.refilled(key, capacity, perSecond);
    allowance.tokens = Math.max(-capacity, allowance.tokens - capacity);
    this.remember(key, allowance);
  }

  /** A 429 for a client whose allowance is below zero (see `penalize`), else undefined. */
  private debtOf(key: string): { admitted: false; reason: RejectionReason; error: HubError } | undefined {
    const perSecond = this.limits.clientCostPerSecond ?? 0;
    if (perSecond <= 0 || !this.allowances.has(key)) return undefined;
    const allowance = this.refilled(key, this.limits.maxQueryCost ?? 0, perSecond);
    if (allowance.tokens >= 0) return undefined;
    const seconds = Math.max(1, Math.ceil(-allowance.tokens / perSecond));
    const message = `This client's recent requests were refused for their size before they ran; it may send again in ${seconds} s`;
    return { admitted: false, reason: 'cost_rate', error: new TooManyRequestsError(message, seconds) };
  }

  /** The client's allowance refilled up to now (a new client starts full); not yet remembered. */
  private refilled(key: string, capacity: number, perSecond: number): Allowance {
    const now = this.now();
    const allowance = this.allowances.get(key) ?? { tokens: capacity, at: now };
    allowance.tokens = Math.min(capacity, allowance.tokens + ((now - allowance.at) / 1000) * perSecond);
    allowance.at = now;
    return allowance;
  }

  private isHeavy(cost: number): boolean {
    return this.limits.heavyQueryCost !== undefined && cost >= this.limits.heavyQueryCost;
  }

  /**
   * Checks the client's cost allowance and the heavy lane, and spends the allowance only when both let the
   * request run: a refused request costs its client nothing.
   */
  private chargeCost(key: string, cost: number): { reason: RejectionReason; error: HubError } | undefined {
    const perSecond = this.limits.clientCostPerSecond ?? 0;
    let allowance: Allowance | undefined;
    if (perSecond > 0) {
      const capacity = Math.max(this.limits.maxQueryCost ?? cost, cost);
      allowance = this.refilled(key, capacity, perSecond);
      if (allowance.tokens < cost) {
        this.remember(key, allowance);
        const seconds = Math.max(1, Math.ceil((cost - allowance.tokens) / perSecond));
        const message = `One client may run queries of an estimated cost of ${perSecond} per second (this one costs ${cost}); try again in ${seconds} s, or ask for smaller pages`;
        return { reason: 'cost_rate', error: new TooManyRequestsError(message, seconds) };
      }
    }
    if (this.isHeavy(cost) && this.heavyCount >= (this.limits.maxHeavyInFlight ?? 1)) {
      const message = `The hub is running its limit of ${this.limits.maxHeavyInFlight ?? 1} queries of an estimated cost of ${this.limits.heavyQueryCost} or more at once; try again shortly, or ask for smaller pages`;
      return { reason: 'heavy_in_flight', error: new ServiceUnavailableError(message) };
    }
    if (allowance) {
      allowance.tokens -= cost;
      this.remember(key, allowance);
    }
    return undefined;
  }

  private remember(key: string, allowance: Allowance): void {
    this.allowances.set(key, allowance);
    if (this.allowances.size < ALLOWANCE_SWEEP_AT) return;
    // A full allowance is the same as none: forgetting it bounds the map by the clients spending right now.
    const perSecond = this.limits.clientCostPerSecond ?? 0;
    const capacity = this.limits.maxQueryCost ?? 0;
    const now = this.now();
    for (const [k, a] of this.allowances) if (a.tokens + ((now - a.at) / 1000) * perSecond >= capacity) this.allowances.delete(k);
  }
}

// The admission of the request being served, for the cost check that runs inside GraphQL (see cost.ts).
const costGates = new WeakMap<object, CostGate>();

const penalties = new WeakMap<object, () => void>();

/** Makes `gate` the cost admission of the request whose scope is `scope`. */
export function bindCostGate(scope: object, gate: CostGate): void {
  costGates.set(scope, gate);
}

/** Makes `penalize` the charge for a refused document of the request whose scope is `scope`. */
export function bindPenalty(scope: object, penalize: () => void): void {
  penalties.set(scope, penalize);
}

/** The charge bound to `scope` for a document refused for its size or shape, if any. */
export function penaltyOf(scope: object | undefined): (() => void) | undefined {
  return scope ? penalties.get(scope) : undefined;
}

/** The cost admission bound to `scope`, if the request passed the edge (tests and tools may run without one). */
export function costGateOf(scope: object | undefined): CostGate | undefined {
  return scope ? costGates.get(scope) : undefined;
}
