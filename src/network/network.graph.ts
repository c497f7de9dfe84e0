import { type Database } from '../db/database';
import { cooperationEdges, networkOrgs } from './network.repository';
import type { NetworkEdge, NetworkGraph, NetworkNode } from './network.type';
import type { CooperationLink } from './partners.type';
import { summariseTie } from './tie-summary';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Evidence order, so that its pages are stable: by date (undated last), id, the two organisations, then roles. */
export function byLinkOrder(a: CooperationLink, b: CooperationLink): number {
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
export async function cooperationGraph(db: Database, distances: Map<string, number | null>, params: Record<string, unknown>, truncated: boolean): Promise<NetworkGraph> {
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
