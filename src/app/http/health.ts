import { Router, type Response } from 'express';
import { RETRY_AFTER_SECONDS } from '../../core/errors';
import { PING_TIMEOUT_MS } from '../../db/database';

/**
 * What start-up has done so far: set by main.ts as it applies the graph schema and loads (or skips) the
 * seed. A restart of the database may clear them until they are done again.
 */
export interface Readiness {
  schemaApplied: boolean;
  seedLoaded: boolean;
}

/** Readiness of a hub started by code that does its own set-up (tests, tools): everything done. */
export function readyReadiness(): Readiness {
  return { schemaApplied: true, seedLoaded: true };
}

/** The part of Database the health routes use. */
export interface Pingable {
  ping(timeoutMs: number): Promise<{ reachable: true } | { reachable: false; reason: string }>;
}

export interface HealthOptions {
  db: Pingable;
  readiness?: Readiness;
  /** How long the database may take to answer before it counts as unreachable. */
  timeoutMs?: number;
}

function send(res: Response, status: number, body: unknown): void {
  // Health answers describe this instant: no cache may keep them.
  res.set('cache-control', 'no-store');
  if (status === 503) res.set('retry-after', String(RETRY_AFTER_SECONDS));
  res.status(status).json(body);
}

/**
 * The endpoints orchestrators and monitors poll:
 * - `GET /livez`: the process is up and serving HTTP; 200 always (restart the hub only if this fails);
 * - `GET /readyz`: the database answers within the timeout, the graph schema is applied and the seed is
 *   loaded; 200 `{status: "ready", checks}` or 503 `{status: "not ready", failed, checks}`;
 * - `GET /health`: the database answers within the timeout; 200 `{status: "ok"}` or 503
 *   `{status: "unavailable"}` (the original endpoint, kept for existing monitors).
 * None of them ever waits longer than the timeout (2 s by default).
 */
export function healthRouter(options: HealthOptions): Router {
  const timeoutMs = options.timeoutMs ?? PING_TIMEOUT_MS;
  const readiness = options.readiness ?? readyReadiness();
  const router = Router();

  router.get('/livez', (_req, res) => send(res, 200, { status: 'ok' }));

  router.get('/health', async (_req, res) => {
    const ping = await options.db.ping(timeoutMs);
    send(res, ping.reachable ? 200 : 503, { status: ping.reachable ? 'ok' : 'unavailable' });
  });

  router.get('/readyz', async (_req, res) => {
    const ping = await options.db.ping(timeoutMs);
    const checks = {
      // The driver's reason names internal addresses: it goes to the log (once per outage), not to callers.
      database: ping.reachable ? 'ok' : 'unreachable',
      schema: readiness.schemaApplied ? 'ok' : 'not applied yet',
      seed: readiness.seedLoaded ? 'ok' : 'not loaded yet',
    };
    const failed = Object.entries(checks)
      .filter(([, state]) => state !== 'ok')
      .map(([name]) => name);
    if (failed.length === 0) send(res, 200, { status: 'ready', checks });
    else send(res, 503, { status: 'not ready', failed, checks });
  });

  return router;
}
