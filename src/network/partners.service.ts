import { checkInt, MAX_OFFSET, positionPageInfo } from '../graphql/paging';
import { intParam, type Database } from '../db/database';
import { resolveActor, type Actor } from './actor.repository';
import { type LinkFilter, type LinkKind } from './link-filter';
import { byLinkOrder } from './network.graph';
import { LIMITS, networkParams } from './network.limits';
import { directPartners, families, lastLevelPage, nextLevel } from './network.repository';
import type { CooperationLink, Partner, PartnerList } from './partners.type';
import { summariseTie } from './tie-summary';

/**
 * Runs `work` for an actor and returns the actor with the result. Most actors are organisations, which stand
 * for themselves, so `work` runs first on [id]: when it finds something (`found`), the id is an organisation
 * and no resolution is needed. Otherwise the actor is resolved (NOT_FOUND for an unknown id) and, for a unit
 * or region, `work` runs again on its organisations. One statement for the common case.
 */
export async function forActor<T>(
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
 * Partners of an actor up to `hops` links away, nearest and strongest first: the page from `offset`, with the
 * page info whose cursors continue from it. Runs one statement for direct
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
  const partners = [...page, ...further];
  const totalCount = direct.total + furtherCount;
  return {
    actor: actor.id,
    actorKind: actor.kind,
    actorOrganizations: actor.orgIds.length,
    totalCount,
    partners,
    truncated,
    pageInfo: positionPageInfo(PARTNERS_LIST, args.offset, partners.length, args.offset + partners.length < totalCount),
  };
}

/** Name of the partners list in its position cursors (see pageStart). */
export const PARTNERS_LIST = 'partners';
