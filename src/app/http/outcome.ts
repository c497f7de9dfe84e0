import type { ServerResponse } from 'node:http';

/** How a request ended, as the metrics and the access log name it. */
export type Outcome =
  | 'ok'
  | 'graphql_error'
  | 'client_error'
  | 'server_error'
  | 'rejected'
  | 'unavailable'
  | 'deadline'
  | 'response_too_large'
  | 'aborted';

const OUTCOME = Symbol('outcome');

/** Records an outcome that the status code alone does not tell (GraphQL errors in a 200, a cut-off answer). */
export function setOutcome(res: ServerResponse, outcome: Outcome): void {
  (res as unknown as Record<symbol, Outcome>)[OUTCOME] = outcome;
}

/** The outcome of a finished response: the recorded one, else one read from the status code. */
export function outcomeOf(res: ServerResponse): Outcome {
  const recorded = (res as unknown as Record<symbol, Outcome | undefined>)[OUTCOME];
  if (recorded) return recorded;
  if (!res.writableFinished) return 'aborted';
  const status = res.statusCode;
  if (status < 400) return 'ok';
  if (status === 429) return 'rejected';
  if (status === 503) return 'unavailable';
  if (status === 504) return 'deadline';
  return status < 500 ? 'client_error' : 'server_error';
}
