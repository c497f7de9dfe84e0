import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { HubError, ServiceUnavailableError, TooManyRequestsError } from '../errors';

/** The limits admission enforces; see `Limits` in config.ts. */
export interface AdmissionLimits {
  maxInFlight: number;
  clientMaxInFlight: number;
  /** 0: no rate limit. */
  rateLimitPerMinute: number;
}

/** Why a request was turned away, as counted in the metrics. */
export type RejectionReason = 'in_flight' | 'client_in_flight' | 'rate';

export type Admission =
  | { admitted: true; /** Call once when the request is over, whatever its end. */ release(): void }
  | { admitted: false; reason: RejectionReason; error: HubError };

/**
 * Decides whether a request may start: at most `maxInFlight` requests at once in all (beyond: 503), at most
 * `clientMaxInFlight` at once per client and `rateLimitPerMinute` started per client per minute (beyond:
 * 429). Each answer carries Retry-After.
 */
export class AdmissionControl {
  private inFlightCount = 0;
  private readonly perClient = new Map<string, number>();
  // rate-limiter-flexible rather than a hand-kept map: its counters expire by themselves (memory stays bounded
  // by the clients seen in the last minute, however many addresses a flood comes from), and the same limiter
  // runs on a shared store (Redis and others) once several hub processes must share one budget.
  private readonly rate?: RateLimiterMemory;

  constructor(private readonly limits: AdmissionLimits) {
    if (limits.rateLimitPerMinute > 0) this.rate = new RateLimiterMemory({ points: limits.rateLimitPerMinute, duration: 60 });
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
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        this.inFlightCount -= 1;
        const left = (this.perClient.get(key) ?? 1) - 1;
        if (left > 0) this.perClient.set(key, left);
        else this.perClient.delete(key);
      },
    };
  }
}
