import type { ServerResponse } from 'node:http';
import type { RequestScope } from '../../core/request-scope';

/**
 * A request scope whose AbortSignal is made on first use: on Node 20 making one costs more than the rest of
 * the edge together, and requests that never reach the database never look at it.
 */
class Scope implements RequestScope {
  statements = 0;
  databaseMs = 0;
  operationName?: string;
  private controller?: AbortController;
  private reason?: Error;
  private listeners?: Set<() => void>;

  constructor(
    readonly id: string,
    readonly deadline: number,
    readonly timeoutMs: number,
  ) {}

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.reason) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  get aborted(): boolean {
    return this.reason !== undefined;
  }

  onAbort(listener: () => void): () => void {
    if (this.reason) {
      listener();
      return () => undefined;
    }
    (this.listeners ??= new Set()).add(listener);
    return () => void this.listeners?.delete(listener);
  }

  abort(reason: Error): void {
    if (this.reason) return;
    this.reason = reason;
    this.controller?.abort(reason);
    const listeners = this.listeners;
    this.listeners = undefined;
    listeners?.forEach((listener) => listener());
  }
}

/**
 * Opens the scope of one request: its signal is aborted at the deadline or when the client goes away. The
 * database floor stops statements at the deadline itself; if the request is nevertheless still unanswered
 * `graceMs` later (a long render, a stuck promise), `onOverdue` answers it, and whatever the request
 * produces afterwards is discarded. Timers are cleared when the response closes.
 */
export function openRequestScope(
  id: string,
  res: ServerResponse,
  timeoutMs: number,
  graceMs: number,
  onOverdue: () => void,
): RequestScope {
  const scope = new Scope(id, Date.now() + timeoutMs, timeoutMs);
  let timer: NodeJS.Timeout | undefined = setTimeout(() => {
    scope.abort(new Error(`deadline of ${timeoutMs} ms passed`));
    timer = setTimeout(() => {
      timer = undefined;
      if (!res.writableEnded) onOverdue();
    }, graceMs);
  }, timeoutMs);
  res.once('close', () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    // Closed before the answer was complete: the client went away, so nothing it asked for needs to go on.
    if (!res.writableFinished) scope.abort(new Error('the client went away'));
  });
  return scope;
}

/**
 * Makes every later attempt to answer on `res` a no-op: the request's own handler may still finish after an
 * overdue answer was sent, and its result must go nowhere.
 */
export function sealResponse(res: ServerResponse): void {
  const target = res as unknown as Record<string, unknown>;
  target.setHeader = () => res;
  target.removeHeader = () => undefined;
  target.writeHead = () => res;
  target.write = () => true;
  target.end = () => res;
}
