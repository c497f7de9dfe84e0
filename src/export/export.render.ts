import { setImmediate as nextTurn } from 'node:timers/promises';
import { DeadlineExceededError } from '../core/errors';
import type { NetworkGraph } from '../network/network.type';
import type { RequestScope } from '../core/request-scope';
import { exportFileInfo, exportParts, type ExportFile, type ExportFormat } from './export.format';
import type { ExportTable } from './export.table';

/** Longest stretch, in milliseconds, that rendering holds the event loop before letting other work run. */
export const RENDER_SLICE_MS = 10;

// Parts written between two looks at the clock (a part is a node, an edge or a few hundred CSV rows).
const PARTS_PER_CHECK = 32;

function checkDeadline(scope: RequestScope | undefined): void {
  if (scope && (scope.signal.aborted || Date.now() >= scope.deadline)) throw new DeadlineExceededError(scope.timeoutMs);
}

/**
 * Renders a network (one-mode) or a table like exportNetwork (the same bytes), without holding the event loop for more than about
 * `sliceMs` at a time: it yields (setImmediate) between slices, so that other requests are served meanwhile.
 * Within a request's `scope` it stops with DEADLINE_EXCEEDED once the request's deadline has passed or the
 * request was abandoned; without one it runs to the end.
 */
export async function renderExport(
  graph: NetworkGraph | ExportTable,
  format: ExportFormat,
  baseName = 'network',
  options: { sliceMs?: number; scope?: RequestScope } = {},
): Promise<ExportFile> {
  const sliceMs = options.sliceMs ?? RENDER_SLICE_MS;
  const scope = options.scope;
  checkDeadline(scope);
  const parts: string[] = [];
  let sliceStart = performance.now();
  for (const part of exportParts(graph, format)) {
    parts.push(part);
    if (parts.length % PARTS_PER_CHECK === 0 && performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      checkDeadline(scope);
      sliceStart = performance.now();
    }
  }
  return { ...exportFileInfo(format, baseName), content: parts.join('') };
}
