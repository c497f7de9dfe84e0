import type { IncomingMessage, ServerResponse } from 'node:http';
import { DeadlineExceededError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { attachScope, type RequestScope } from '../../core/request-scope';
import { writeAccessLine } from './access-log';
import { AdmissionControl, bindCostGate, bindPenalty, type AdmissionLimits } from './admission';
import type { ClientKey } from './client-key';
import { openRequestScope, sealResponse } from './deadline';
import { apiSecurityHeaders, corsMiddleware } from './exposure';
import { sendHubError } from './json-error';
import type { HubMetrics } from './metrics';
import { outcomeOf, setOutcome } from './outcome';
import { requestId } from './request-id';

export interface EdgeOptions {
  limits: AdmissionLimits & { requestTimeoutMs: number };
  /** How long after the deadline an unanswered request gets DEADLINE_EXCEEDED from the backstop. */
  deadlineGraceMs: number;
  corsOrigins: readonly string[];
  clientKey: ClientKey;
  /**
   * Paths that skip admission, get no request scope and log at debug: health, readiness and metrics (which
   * must answer however busy the hub is) and the IDE's static assets (served from memory).
   */
  exempt(path: string): boolean;
  log: Logger;
  metrics: HubMetrics;
  admission: AdmissionControl;
}

/** What the edge remembers of one request until its access-log line and metrics are written. */
interface EdgeRecord {
  started: number;
  /** The URL on arrival: Express rewrites `req.url` inside a router mounted on a path (`/graphql` becomes `/`). */
  url?: string;
  bytesBefore: number;
  /** A health probe, metrics scrape or IDE asset: not admitted, not scoped, logged at debug. */
  exempt?: boolean;
  scope?: RequestScope;
}

/**
 * Whether CORS applies to a request. Browsers send Origin with every POST, same-origin ones included, so a POST
 * without it comes from a program outside a browser (a script, a notebook, another server), to which CORS
 * headers mean nothing; POST answers are not cached for a browser to reuse either. Every other request is
 * answered with CORS as configured.
 */
function needsCors(req: IncomingMessage): boolean {
  return req.method !== 'POST' || req.headers.origin !== undefined;
}

function pathOf(url = ''): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

/**
 * The hub's HTTP edge, in front of both the lean GraphQL path and Express: a request id (kept from a sane
 * X-Request-Id, else new; echoed back), a JSON answer's security headers and CORS (preflights end here; not on a
 * POST without Origin, which no browser sends), an access-log line
 * and metrics per request, admission (global and per-client caps, rate limit; the cost step is bound to the
 * request's scope for the GraphQL cost check) and a request scope with a
 * deadline, whose backstop answers DEADLINE_EXCEEDED for a request still unanswered after it. Once the request
 * is admitted, its scope is attached to it (`scopeOf(req)`) and `handler` runs.
 */
export function createEdge(options: EdgeOptions) {
  const headers = apiSecurityHeaders();
  const cors = corsMiddleware(options.corsOrigins);
  const { metrics, admission, limits } = options;
  // Metrics and the access-log line, once the response is over (finished, or cut off when the client left).
  const finished = (req: IncomingMessage, res: ServerResponse, id: string, record: EdgeRecord) => {
    const outcome = outcomeOf(res);
    const ms = performance.now() - record.started;
    const scope = record.scope;
    if (outcome === 'response_too_large') metrics.rejection('response_size');
    metrics.request({ operation: scope?.operationName, outcome, seconds: ms / 1000 });
    writeAccessLine(options.log, {
      requestId: id,
      method: req.method,
      url: record.url,
      status: res.statusCode,
      responseTime: Math.round(ms * 10) / 10,
      operation: scope?.operationName,
      outcome,
      statements: scope?.statements,
      databaseMs: scope ? Math.round(scope.databaseMs * 10) / 10 : undefined,
      bytes: req.socket.bytesWritten - record.bytesBefore,
    }, record.exempt);
  };

  const overdue = (res: ServerResponse) => {
    metrics.rejection('deadline');
    setOutcome(res, 'deadline');
    if (res.headersSent) res.destroy();
    else sendHubError(res, new DeadlineExceededError(limits.requestTimeoutMs));
    sealResponse(res);
  };

  const admit = async (req: IncomingMessage, res: ServerResponse, id: string, record: EdgeRecord, handler: () => void) => {
    const client = options.clientKey(req);
    const decision = await admission.admit(client);
    if (!decision.admitted) {
      metrics.rejection(decision.reason);
      setOutcome(res, 'rejected');
      return sendHubError(res, decision.error);
    }
    res.once('close', decision.release);
    const scope = openRequestScope(id, res, limits.requestTimeoutMs, options.deadlineGraceMs, () => overdue(res));
    scope.client = client;
    record.scope = scope;
    bindCostGate(scope, (cost) => {
      const refusal = decision.admitCost(cost);
      if (refusal) {
        metrics.rejection(refusal.reason);
        setOutcome(res, 'rejected');
      }
      return refusal;
    });
    bindPenalty(scope, decision.penalize);
    attachScope(req, scope);
    handler();
  };

  return (req: IncomingMessage, res: ServerResponse, handler: () => void): void => {
    const record: EdgeRecord = { started: performance.now(), url: req.url, bytesBefore: req.socket.bytesWritten };
    const id = requestId(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', id);
    for (const [name, value] of headers) res.setHeader(name, value);
    res.once('close', () => finished(req, res, id, record));
    const next = () => {
      record.exempt = options.exempt(pathOf(record.url));
      if (record.exempt) return handler();
      admit(req, res, id, record, handler).catch((error: unknown) => {
        options.log.error({ err: error }, 'Admission failed');
        res.destroy();
      });
    };
    if (needsCors(req)) cors(req, res, next);
    else next();
  };
}
