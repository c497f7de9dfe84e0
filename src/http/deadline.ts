import type { ServerResponse } from 'node:http';
import type { RequestScope } from '../request-scope';

/**
 * Opens the scope of one request: an AbortSignal that is aborted at the deadline or when the client goes
 * away, and a backstop. The database floor stops statements at the deadline itself; if the request is
 * nevertheless still unanswered `graceMs` later (a long render, a stuck promise), `onOverdue` answers it,
 * and whatever the request produces afterwards is discarded. Timers are cleared when the response closes.
 */
export function openRequestScope(
  id: string,
  res: ServerResponse,
  timeoutMs: number,
  graceMs: number,
  onOverdue: () => void,
): RequestScope {
  const controller = new AbortController();
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined = setTimeout(() => {
    controller.abort(new Error(`deadline of ${timeoutMs} ms passed`));
    timer = setTimeout(() => {
      timer = undefined;
      if (!res.writableEnded) onOverdue();
    }, graceMs);
  }, timeoutMs);
  res.once('close', () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    // Closed before the answer was complete: the client went away, so nothing it asked for needs to go on.
    if (!res.writableFinished && !controller.signal.aborted) controller.abort(new Error('the client went away'));
  });
  return { id, deadline: started + timeoutMs, timeoutMs, signal: controller.signal, statements: 0, databaseMs: 0 };
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
