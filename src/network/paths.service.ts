import { BadUserInputError } from '../core/errors';
import { checkInt } from '../graphql/paging';
import { intParam, type Database } from '../db/database';
import { perRequest, type Context } from '../graphql/context';
import { resolveActor } from './actor.repository';
import { type LinkFilter, type LinkKind } from './link-filter';
import { cooperationGraph } from './network.graph';
import { LIMITS, networkParams } from './network.limits';
import { anyRouteDistance, EXPLAIN_MAX_HOPS, nextLevel, shortestPaths } from './network.repository';
import type { NetworkGraph } from './network.type';
import { NoPathReason, type CooperationPath, type PathResult, type PathStep } from './paths.type';

/**
 * Shortest routes between two organisations over cooperation links. No route within `maxHops` is an
 * answer with `found: false`, never an error.
 */
export async function findPaths(
  db: Database,
  args: { from: string; to: string; all: boolean; maxHops: number; filter?: LinkFilter | null; limit: number },
): Promise<PathResult> {
  checkInt(args.maxHops, 1, LIMITS.maxPathHops, 'maxHops');
  checkInt(args.limit, 1, LIMITS.maxPaths, 'limit');
  if (args.from === args.to) throw new BadUserInputError('from and to must be two different organisations', 'to');
  const params = networkParams(args.filter);
  // The route statement says whether both ends are organisations; only when one is not is it looked up, to
  // tell an unknown id from an actor that is not an organisation.
  const raw = await shortestPaths(db, args.all, args.maxHops, { ...params, from: args.from, to: args.to, cap: intParam(args.limit) });
  for (const [found, id, arg] of [[raw.fromFound, args.from, 'from'], [raw.toFound, args.to, 'to']] as const) {
    if (found) continue;
    const actor = await resolveActor(db, id);
    throw new BadUserInputError(`${arg} must be an organisation id; '${actor.id}' is a ${actor.kind}`, arg);
  }
  const paths: CooperationPath[] = raw.paths
    .map((p) => {
      const steps: PathStep[] = p.steps.map((st) => ({
        fromId: st.from,
        toId: st.to,
        linkId: st.id,
        kind: st.type as LinkKind,
        tieKind: st.tieKind,
        fromRole: st.fromRole,
        toRole: st.toRole,
      }));
      return { organizationIds: [p.steps[0].from, ...p.steps.map((st) => st.to)], organizationNodes: p.organizations, length: steps.length, steps };
    })
    .filter((p) => p.length <= args.maxHops);
  return { params, maxHops: args.maxHops, from: args.from, to: args.to, found: paths.length > 0, length: paths[0]?.length ?? null, paths };
}

/** Why a route search found nothing, and the length of the route under the selection when it is only too long. */
export interface NoPathExplanation {
  reason: NoPathReason;
  distance: number | null;
}

// The explanations of one request by route question, so that `reason` and `distance` share one.
const explanationsOf = perRequest(() => new Map<string, Promise<NoPathExplanation | null>>());

/**
 * Why `result` holds no route (null when it holds one), asked of the database once per request and question
 * however many fields want it. First one cheap search over every shared instrument, whatever the selection (none within
 * EXPLAIN_MAX_HOPS steps: NOT_CONNECTED); then the routes' own selection, level by level from `from` (see
 * `selectionDistance`): `to` reached beyond maxHops is TOO_MANY_HOPS with its distance, never reached is
 * FILTERED_OUT. Every search is bounded in steps and organisations and runs under the request's deadline.
 */
export function explainNoPath(ctx: Context, result: PathResult): Promise<NoPathExplanation | null> {
  if (result.found) return Promise.resolve(null);
  const explanations = explanationsOf(ctx);
  const key = JSON.stringify([result.from, result.to, result.maxHops, result.params]);
  let explanation = explanations.get(key);
  if (!explanation) explanations.set(key, (explanation = explain(ctx.db, result)));
  return explanation;
}

async function explain(db: Database, result: PathResult): Promise<NoPathExplanation> {
  if ((await anyRouteDistance(db, result.from, result.to)) === null) return { reason: NoPathReason.NOT_CONNECTED, distance: null };
  const reach = await selectionDistance(db, result);
  if (reach === 'cut') return { reason: NoPathReason.TOO_MANY_HOPS, distance: null };
  // Within maxHops over organisations as they are, yet not among the routes: roll-up (which takes no step
  // inside one family) left it out.
  if (reach !== null && reach > (result.maxHops ?? 0)) return { reason: NoPathReason.TOO_MANY_HOPS, distance: reach };
  return { reason: NoPathReason.FILTERED_OUT, distance: null };
}

/**
 * Steps from `from` to `to` over ties of the routes' selection (organisations as they are), found by widening
 * rings one statement each, as partners does: a route search with the selection's predicates over many steps
 * would try paths rather than organisations. Null when the rings run out before reaching `to`; 'cut' when
 * they pass EXPLAIN_MAX_HOPS steps or LIMITS.searchCap organisations first.
 */
async function selectionDistance(db: Database, result: PathResult): Promise<number | 'cut' | null> {
  const params = { ...networkParams(null), ...result.params, rollUp: false };
  const visited = new Set([result.from]);
  let frontier = [result.from];
  for (let level = 1; level <= EXPLAIN_MAX_HOPS; level++) {
    const cap = LIMITS.searchCap - visited.size;
    if (cap <= 0) return 'cut';
    const ring = await nextLevel(db, { ...params, frontier, visited: [...visited], nextKinds: null, cap: intParam(cap) });
    if (ring.some((n) => n.id === result.to)) return level;
    if (!ring.length) return null;
    for (const n of ring) visited.add(n.id);
    frontier = ring.map((n) => n.id);
  }
  return 'cut';
}

/**
 * The nodes and edges of a set of routes, for drawing or export: each edge is the whole tie between two
 * consecutive organisations under the routes' filter (every instrument they share, not only the one a route
 * passes), with its weight, counts and dates.
 */
export async function pathGraph(db: Database, result: PathResult): Promise<NetworkGraph> {
  const distances = new Map<string, number | null>();
  const steps = new Set<string>();
  for (const path of result.paths) {
    path.organizationIds.forEach((id, i) => distances.set(id, Math.min(distances.get(id) ?? i, i)));
    for (const step of path.steps) steps.add([step.fromId, step.toId].sort().join('|'));
  }
  if (!distances.size) return { nodes: [], edges: [], truncated: false };
  // Routes run between organisations as they are, so their ties are read without roll-up.
  const graph = await cooperationGraph(db, distances, { ...networkParams(null), ...result.params, rollUp: false }, false);
  return { ...graph, edges: graph.edges.filter((e) => steps.has(`${e.source}|${e.target}`)) };
}
