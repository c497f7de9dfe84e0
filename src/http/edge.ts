import type { IncomingMessage, ServerResponse } from 'node:http';
import { DeadlineExceededError } from '../errors';
import type { Logger } from '../logger';
import { runInScope, type RequestScope } from '../request-scope';
import { accessLog } from './access-log';
import { AdmissionControl, type AdmissionLimits } from './admission';
import type { ClientKey } from './client-key';
import { openRequestScope, sealResponse } from './deadline';
import { corsMiddleware, securityHeaders } from './exposure';
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
  /** Paths that skip admission and get no request scope: health, readiness and metrics. */
  exempt: ReadonlySet<string>;
  log: Logger;
  metrics: HubMetrics;
  admission: AdmissionControl;
}

/** What the edge remembers of one request until its access-log line and metrics are written. */
interface EdgeRecord {
  started: number;
  bytesBefore: number;
  scope?: RequestScope;
}

const RECORD = Symbol('edgeRecord');
const recordOf = (req: IncomingMessage) => (req as unknown as Record<symbol, EdgeRecord>)[RECORD];

function pathOf(url = ''): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

/**
 * The hub's HTTP edge, in front of both the lean GraphQL path and Express: a request id (kept from a sane
 * X-Request-Id, else new; echoed back), security and CORS headers (preflights end here), an access-log line
 * and metrics per request, admission (global and per-client caps, rate limit) and a request scope with a
 * deadline, whose backstop answers DEADLINE_EXCEEDED for a request still unanswered after it. `handler`
 * runs inside the scope once the request is admitted.
 */
export function createEdge(options: EdgeOptions) {
  const headers = securityHeaders();
  const cors = corsMiddleware(options.corsOrigins);
  const { metrics, admission, limits } = options;
  const log = accessLog(options.log, (req, res) => {
    const record = recordOf(req);
    return {
      operation: record.scope?.operationName,
      outcome: outcomeOf(res),
      statements: record.scope?.statements,
      databaseMs: record.scope?.databaseMs,
      bytes: req.socket.bytesWritten - record.bytesBefore,
    };
  });

  const finished = (req: IncomingMessage, res: ServerResponse) => {
    const record = recordOf(req);
    const outcome = outcomeOf(res);
    if (outcome === 'response_too_large') metrics.rejection('response_size');
    metrics.request({ operation: record.scope?.operationName, outcome, seconds: (performance.now() - record.started) / 1000 });
  };

  const overdue = (res: ServerResponse) => {
    metrics.rejection('deadline');
    setOutcome(res, 'deadline');
    if (res.headersSent) res.destroy();
    else sendHubError(res, new DeadlineExceededError(limits.requestTimeoutMs));
    sealResponse(res);
  };

  const admit = async (req: IncomingMessage, res: ServerResponse, record: EdgeRecord, handler: () => void) => {
    const decision = await admission.admit(options.clientKey(req));
    if (!decision.admitted) {
      metrics.rejection(decision.reason);
      return sendHubError(res, decision.error);
    }
    res.once('close', decision.release);
    const scope = openRequestScope((req as IncomingMessage & { id: string }).id, res, limits.requestTimeoutMs, options.deadlineGraceMs, () => overdue(res));
    record.scope = scope;
    runInScope(scope, handler);
  };

  return (req: IncomingMessage, res: ServerResponse, handler: () => void): void => {
    const record: EdgeRecord = { started: performance.now(), bytesBefore: req.socket.bytesWritten };
    (req as unknown as Record<symbol, EdgeRecord>)[RECORD] = record;
    const id = requestId(req.headers['x-request-id']);
    (req as IncomingMessage & { id: string }).id = id;
    res.setHeader('X-Request-Id', id);
    for (const [name, value] of headers) res.setHeader(name, value);
    log(req, res);
    res.once('close', () => finished(req, res));
    cors(req, res, () => {
      if (options.exempt.has(pathOf(req.url))) return handler();
      admit(req, res, record, handler).catch((error: unknown) => {
        options.log.error({ err: error }, 'Admission failed');
        res.destroy();
      });
    });
  };
}
