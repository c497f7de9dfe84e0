import client from 'prom-client';
import type { RejectionReason } from './admission';

/** What one finished request reports. */
export interface RequestRecord {
  /** The GraphQL operation name; undefined for anonymous operations and other requests. */
  operation?: string;
  outcome: string;
  seconds: number;
}

// Operation names come from clients: without a bound, a client sending a new name per request would grow the
// registry without end. The first names seen are kept; later new ones are counted together.
const MAX_OPERATION_NAMES = 200;
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * The hub's Prometheus metrics in a registry of their own: requests and their durations by operation and
 * outcome, statements and their durations by outcome, requests in flight, rejections by reason, and the
 * default process metrics (event-loop lag, heap, GC, CPU).
 */
export class HubMetrics {
  readonly registry = new client.Registry();
  private readonly operations = new Set<string>();
  private readonly requests: client.Counter<'operation' | 'outcome'>;
  private readonly durations: client.Histogram<'operation' | 'outcome'>;
  private readonly statements: client.Counter<'outcome'>;
  private readonly statementDurations: client.Histogram<'outcome'>;
  private readonly rejections: client.Counter<'reason'>;
  private readonly aggregateHits: client.Counter;
  private readonly aggregateMisses: client.Counter;

  /** `inFlight` is read at each scrape. */
  constructor(inFlight: () => number) {
    const registers = [this.registry];
    this.requests = new client.Counter({ name: 'hub_requests_total', help: 'Requests answered, by GraphQL operation name and outcome', labelNames: ['operation', 'outcome'], registers });
    this.durations = new client.Histogram({
      name: 'hub_request_duration_seconds',
      help: 'Time from a request arriving to its answer being sent, by GraphQL operation name and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.statements = new client.Counter({ name: 'hub_db_statements_total', help: 'Cypher statements run, by outcome', labelNames: ['outcome'], registers });
    this.statementDurations = new client.Histogram({
      name: 'hub_db_statement_duration_seconds',
      help: 'Time a Cypher statement took, by outcome',
      labelNames: ['outcome'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.rejections = new client.Counter({ name: 'hub_rejections_total', help: 'Requests turned away or cut short, by reason', labelNames: ['reason'], registers });
    this.aggregateHits = new client.Counter({ name: 'hub_aggregate_cache_hits_total', help: 'Aggregate answers served from the cache (the graph unchanged since computed)', registers });
    this.aggregateMisses = new client.Counter({ name: 'hub_aggregate_cache_misses_total', help: 'Aggregate answers computed on the graph', registers });
    new client.Gauge({
      name: 'hub_requests_in_flight',
      help: 'Requests admitted and not yet answered',
      registers,
      collect() {
        this.set(inFlight());
      },
    });
    client.collectDefaultMetrics({ register: this.registry });
  }

  /** Counts one answered request. */
  request(record: RequestRecord): void {
    const labels = { operation: this.operationLabel(record.operation), outcome: record.outcome };
    this.requests.inc(labels);
    this.durations.observe(labels, record.seconds);
  }

  /** Counts one statement; shaped to be the database floor's `onStatement` hook. */
  statement(ms: number, outcome: string): void {
    this.statements.inc({ outcome });
    this.statementDurations.observe({ outcome }, ms / 1000);
  }

  /** Counts one request turned away or cut short. */
  rejection(reason: RejectionReason | 'deadline' | 'response_size'): void {
    this.rejections.inc({ reason });
  }

  /** Counts one aggregate cache lookup; shaped to be the aggregate cache's `onLookup` hook. */
  aggregateLookup(hit: boolean): void {
    (hit ? this.aggregateHits : this.aggregateMisses).inc();
  }

  private operationLabel(name: string | undefined): string {
    if (name === undefined) return '(none)';
    if (this.operations.has(name)) return name;
    if (!NAME.test(name)) return '(invalid)';
    if (this.operations.size >= MAX_OPERATION_NAMES) return '(other)';
    this.operations.add(name);
    return name;
  }
}
