import { checkInt } from '../graphql/paging';
import { intParam, type Database } from '../db/database';
import { resolveActor, type Actor } from './actor.repository';
import { type LinkFilter } from './link-filter';
import { cooperationGraph } from './network.graph';
import { LIMITS, networkParams } from './network.limits';
import { families, linkedOrgs, nextLevel } from './network.repository';
import type { NetworkGraph } from './network.type';
import { forActor } from './partners.service';

/**
 * The cooperation network around an actor to `depth` links: its organisations (distance 0), every
 * organisation reached, and the cooperation edges among them. Nearest nodes are kept when `limit` cuts.
 */
export async function egoNetwork(
  db: Database,
  args: { actor: string; depth: number; filter?: LinkFilter | null; limit: number },
): Promise<NetworkGraph> {
  checkInt(args.depth, 1, LIMITS.maxDepth, 'depth');
  checkInt(args.limit, 1, LIMITS.maxNetworkNodes, 'limit');
  const params = networkParams(args.filter);
  const ring = (frontier: string[], visited: string[], room: number) =>
    nextLevel(db, { ...params, frontier, visited, nextKinds: params.partnerKinds, cap: intParam(Math.max(room, 0) + 1) });
  // Under roll-up the network's organisations are top ancestors, each standing for its family.
  const rollUp = params.rollUp === true;
  const [actor, firstRing] = rollUp
    ? await (async (): Promise<[Actor, Awaited<ReturnType<typeof ring>>]> => {
        const resolved = await resolveActor(db, args.actor);
        const { tops, members } = await families(db, resolved.orgIds);
        return [{ ...resolved, orgIds: tops }, await ring(tops, members, args.limit - tops.length)];
      })()
    : await forActor(db, args.actor, (orgIds) => ring(orgIds, orgIds, args.limit - orgIds.length), (rows) => rows.length > 0);
  const distances = new Map<string, number | null>(actor.orgIds.map((id) => [id, 0]));
  let truncated = distances.size > args.limit;
  let frontier = [...actor.orgIds];
  for (let distance = 1; distance <= args.depth && frontier.length && !truncated; distance++) {
    const room = args.limit - distances.size;
    const next = distance === 1 ? firstRing : await ring(frontier, [...distances.keys()], room);
    if (next.length > room) truncated = true;
    for (const n of next.slice(0, room)) distances.set(n.id, distance);
    frontier = next.slice(0, room).map((n) => n.id);
  }
  if (distances.size > args.limit) {
    const kept = [...distances].slice(0, args.limit);
    distances.clear();
    for (const [id, d] of kept) distances.set(id, d);
  }
  return cooperationGraph(db, distances, params, truncated);
}

/**
 * The cooperation network of the organisations in a scope (an actor, or the whole graph) that have at
 * least one link passing the filter, with the edges among them.
 */
export async function cooperationNetwork(
  db: Database,
  args: { scope?: string | null; filter?: LinkFilter | null; limit: number },
): Promise<NetworkGraph> {
  checkInt(args.limit, 1, LIMITS.maxNetworkNodes, 'limit');
  const params = networkParams(args.filter);
  let orgIds = args.scope ? (await resolveActor(db, args.scope)).orgIds : null;
  if (orgIds && params.rollUp === true) orgIds = (await families(db, orgIds)).tops;
  const ids = await linkedOrgs(db, { ...params, orgIds, cap: intParam(args.limit + 1) });
  const truncated = ids.length > args.limit;
  return cooperationGraph(db, new Map(ids.slice(0, args.limit).map((id) => [id, null])), params, truncated);
}
