import { intParam, type Database } from '../neo4j';
import { BadUserInputError } from '../errors';
import { MAX_OFFSET, checkInt } from '../graphql/paging';
import { resolveActor, type Actor } from './actor.repository';
import { tieParams } from '../rules/tie';
import { linkFilterParams, tieSelection, type LinkFilter, type LinkKind } from './link-filter';
import { cooperationEdges, directPartners, families, lastLevelPage, linkedOrgs, MAX_PATH_HOPS, networkOrgs, nextLevel, shortestPaths } from './network.repository';
import type { NetworkEdge, NetworkGraph, NetworkNode } from './network.type';
import { summariseTie } from './tie-summary';
import type { CooperationLink, CooperationPath, Partner, PartnerList, PathResult, PathStep } from './partners.type';

export const LIMITS = {
  maxHops: 3,
  maxDepth: 3,
  maxPathHops: MAX_PATH_HOPS,
  /** Organisations one search may visit before it stops and says it was cut. */
  searchCap: 5000,
  maxNetworkNodes: 2000,
  maxPaths: 50,
  maxPage: 500,
} as const;

/** The statement parameters of a link filter: its own and its tie selection's (`$tieKinds`, `$includeIntended`, `$rollUp`). */
export function networkParams(filter: LinkFilter | null | undefined): Record<string, unknown> {
  return { ...linkFilterParams(filter), ...tieParams(tieSelection(filter)) };
}

/**
 * Runs `work` for an actor and returns the actor with the result. Most actors are organisations, which stand
 * for themselves, so `work` runs first on [id]: when it finds something (`found`), the id is an organisation
 * and no resolution is needed. Otherwise the actor is resolved (NOT_FOUND for an unknown id) and, for a unit
 * or region, `work` runs again on its organisations. One statement for the common case.
 */
async function forActor<T>(
  db: Database,
  id: string,
  work: (orgIds: string[]) => Promise<T>,
  found: (result: T) => boolean,
  rollUp = false,
): Promise<[Actor, T]> {
  // Under roll-up an actor stands for the whole families of its organisations (a department with its offices).
  if (rollUp) {
    const actor = await resolveActor(db, id);
    const family = await families(db, actor.orgIds);
    return [{ ...actor, orgIds: family.members }, await work(family.members)];
  }
  const first = await work([id]);
  if (found(first)) return [{ id, kind: 'Organization', orgIds: [id] }, first];
  const actor = await resolveActor(db, id);
  if (actor.kind === 'Organization') return [actor, first];
  return [actor, await work(actor.orgIds)];
}

/**
 * Partners of an actor up to `hops` links away, nearest and strongest first. Runs one statement for direct
 * partners (the actor is resolved by a second only when it is not an organisation with partners) and one per
 * further hop. The evidence of direct partners is read only when `evidence` says it is wanted.
 */
export async function findPartners(
  db: Database,
  args: { actor: string; hops: number; filter?: LinkFilter | null; includeInternal: boolean; first: number; offset: number; evidence: boolean },
): Promise<PartnerList> {
  checkInt(args.hops, 1, LIMITS.maxHops, 'hops');
  checkInt(args.first, 1, LIMITS.maxPage, 'first');
  checkInt(args.offset, 0, MAX_OFFSET, 'offset');
  const params = networkParams(args.filter);
  const kinds = params.partnerKinds as string[] | null;
  const keep = (kind: string) => !kinds || kinds.includes(kind);
  const directOf = (orgIds: string[]) =>
    directPartners(
      db,
      { ...params, orgIds, includeInternal: args.includeInternal, cap: intParam(LIMITS.searchCap), offset: intParam(args.offset), first: intParam(args.first), allIds: args.hops > 1 },
      args.evidence,
    );
  const [actor, direct] = await forActor(db, args.actor, directOf, (d) => d.known > 0, params.rollUp === true);
  let truncated = direct.found >= LIMITS.searchCap;
  const page: Partner[] = direct.page.map((p) => ({
    organizationId: p.id,
    organizationNode: p.node,
    viaId: null,
    distance: 1,
    strength: p.count,
    weight: p.weight,
    ...summariseTie(p.instruments),
    evidence: p.instruments
      .flatMap((l) =>
        l.roles.map(
          (r): CooperationLink => ({
            kind: l.type as LinkKind,
            id: l.id,
            date: l.start,
            tieKind: l.kind,
            actorOrganizationId: r.actor,
            actorRole: r.actorRole,
            partnerOrganizationId: r.partner,
            partnerRole: r.partnerRole,
          }),
        ),
      )
      .sort(byLinkOrder),
  }));

  // Direct partners come first; a page that runs past them continues into the further ones, nearest first.
  const from = Math.max(0, args.offset - direct.total);
  const to = Math.max(0, args.offset + args.first - direct.total);
  const further: Partner[] = [];
  let furtherCount = 0;
  const visited = new Set([...actor.orgIds, ...direct.ids]);
  let frontier = direct.ids;
  const ringPartner = (distance: number) => (n: { id: string; via: string }): Partner => ({
    organizationId: n.id,
    viaId: n.via,
    distance,
    strength: 0,
    count: 0,
    weight: 0,
    countsByKind: [],
    firstDate: null,
    lastDate: null,
    evidence: [],
  });
  for (let distance = 2; distance <= args.hops && frontier.length && !truncated; distance++) {
    const ringParams = { ...params, frontier, visited: [...visited], cap: intParam(LIMITS.searchCap) };
    const start = Math.max(0, from - furtherCount);
    const end = Math.max(0, to - furtherCount);
    if (distance === args.hops) {
      // The last ring is only counted and paged, so the database sends the page, not the whole ring.
      const last = await lastLevelPage(db, { ...ringParams, keepKinds: kinds, offset: intParam(start), first: intParam(end - start) });
      truncated = last.found >= LIMITS.searchCap;
      furtherCount += last.total;
      further.push(...last.page.map(ringPartner(distance)));
      break;
    }
    const next = await nextLevel(db, { ...ringParams, nextKinds: null });
    truncated = next.length >= LIMITS.searchCap;
    const kept = next.filter((n) => keep(n.kind));
    further.push(...kept.slice(start, end).map(ringPartner(distance)));
    furtherCount += kept.length;
    for (const n of next) visited.add(n.id);
    frontier = next.map((n) => n.id);
  }
  return {
    actor: actor.id,
    actorKind: actor.kind,
    actorOrganizations: actor.orgIds.length,
    totalCount: direct.total + furtherCount,
    partners: [...page, ...further],
    truncated,
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Evidence order, so that its pages are stable: by date (undated last), id, the two organisations, then roles. */
function byLinkOrder(a: CooperationLink, b: CooperationLink): number {
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : compare(a.date, b.date);
  return (
    compare(a.id, b.id) ||
    compare(a.actorOrganizationId, b.actorOrganizationId) ||
    compare(a.partnerOrganizationId, b.partnerOrganizationId) ||
    compare(a.actorRole, b.actorRole) ||
    compare(a.partnerRole, b.partnerRole)
  );
}

function label(o: { name: string; nameEn: string | null }): string {
  return o.nameEn ?? o.name;
}

/** Builds a cooperation graph over the given organisations (distance per id), with edges among them. */
async function cooperationGraph(db: Database, distances: Map<string, number | null>, params: Record<string, unknown>, truncated: boolean): Promise<NetworkGraph> {
  const ids = [...distances.keys()];
  const [orgs, edges] = await Promise.all([networkOrgs(db, ids), cooperationEdges(db, { ...params, ids })]);
  const nodes: NetworkNode[] = orgs.map((o) => ({
    id: o.id,
    type: 'Organization',
    kind: o.kind,
    label: label(o),
    name: o.name,
    location: o.location,
    distance: distances.get(o.id) ?? null,
  }));
  nodes.sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0) || a.id.localeCompare(b.id));
  return {
    nodes,
    edges: edges.map(
      (e): NetworkEdge => ({ source: e.source, target: e.target, type: 'COOPERATES_WITH', weight: e.weight, ...summariseTie(e.instruments), evidence: e.instruments.map((i) => i.id) }),
    ),
    truncated,
  };
}

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
