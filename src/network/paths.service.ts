import { BadUserInputError } from '../core/errors';
import { checkInt } from '../graphql/paging';
import { intParam, type Database } from '../db/database';
import { resolveActor } from './actor.repository';
import { type LinkFilter, type LinkKind } from './link-filter';
import { cooperationGraph } from './network.graph';
import { LIMITS, networkParams } from './network.limits';
import { shortestPaths } from './network.repository';
import type { NetworkGraph } from './network.type';
import type { CooperationPath, PathResult, PathStep } from './paths.type';

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
  return { params, from: args.from, to: args.to, found: paths.length > 0, length: paths[0]?.length ?? null, paths };
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
