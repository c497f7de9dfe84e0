import { NotFoundError } from '../core/errors';
import type { Database } from '../db/database';

/**
 * The organisations an actor stands for. An organisation stands for itself; an admin unit for the
 * organisations located in it or in any unit that became part of it (so today's Cần Thơ gathers Sóc Trăng
 * and Hậu Giang, while the pre-2025 Cần Thơ is only itself); a region for those located in its members.
 */
export const ACTOR_ORGS = `CALL () {
  MATCH (o:Organization {id: $actor}) RETURN 'Organization' AS kind, [o.id] AS orgIds
  UNION
  MATCH (u:AdminUnit {id: $actor})
  OPTIONAL MATCH (u)<-[:SUCCEEDED_BY*0..10]-(:AdminUnit)<-[:LOCATED_IN]-(o:Organization)
  RETURN 'AdminUnit' AS kind, collect(DISTINCT o.id) AS orgIds
  UNION
  MATCH (r:Region {id: $actor})
  OPTIONAL MATCH (o:Organization)-[:LOCATED_IN]->(:AdminUnit)-[:IN_REGION]->(r)
  RETURN 'Region' AS kind, collect(DISTINCT o.id) AS orgIds
}
RETURN kind, orgIds`;

export interface Actor {
  id: string;
  /** Organization, AdminUnit or Region. */
  kind: 'Organization' | 'AdminUnit' | 'Region';
  orgIds: string[];
}

/**
 * Resolves an actor id (organisation, admin unit or region) to the organisations it stands for.
 * @throws NotFoundError when no organisation, unit or region has that id.
 */
export async function resolveActor(db: Database, id: string): Promise<Actor> {
  const [row] = await db.read(ACTOR_ORGS, { actor: id });
  if (!row) throw new NotFoundError('Actor', id);
  return { id, kind: row.kind as Actor['kind'], orgIds: (row.orgIds as string[]).filter(Boolean) };
}
