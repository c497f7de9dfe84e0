import type { Database } from '../../src/db/database';

/** One of each dashboard answer the hub keeps: totals, counts, a ranking, the region matrix, cross-region links. */
export const DASHBOARD_QUERIES: { name: string; query: string; variables: Record<string, unknown> }[] = [
  { name: 'counts', query: `{ counts(of: AGREEMENTS, groupBy: REGION) { key label count fractionalCount } }`, variables: {} },
  { name: 'totals', query: `{ totals { organizations agreements activities links people provinces } }`, variables: {} },
  { name: 'ranking', query: `{ ranking(by: PARTNERS, first: 50) { totalCount items { rank value organization { id } } } }`, variables: {} },
  { name: 'regionMatrix', query: `{ regionMatrix { cells { from to links } } }`, variables: {} },
  { name: 'crossRegionLinks', query: `{ crossRegionLinks(first: 200) { a { id } b { id } evidence } }`, variables: {} },
];

export const TIE_AGREEMENT = 'agr-cache-exactness';

/** Writes a signed agreement between Đà Nẵng's and Hải Phòng's departments: a new cross-region tie. */
export async function addTie(db: Database): Promise<void> {
  await db.write(
    `MATCH (a:Organization {id: $a}), (b:Organization {id: $b})
CREATE (g:Agreement {id: $id, title: $title, kind: 'AGREEMENT', status: 'SIGNED', signedOn: date('2024-05-01')})
CREATE (a)-[:PARTY_TO {role: 'SIGNATORY'}]->(g), (b)-[:PARTY_TO {role: 'SIGNATORY'}]->(g)`,
    { a: 'org-dost-da-nang', b: 'org-dost-hai-phong', id: TIE_AGREEMENT, title: 'Cooperation agreement (test)' },
  );
}

/** Deletes the agreement `addTie` wrote. */
export async function removeTie(db: Database): Promise<void> {
  await db.write(`MATCH (g:Agreement {id: $id}) DETACH DELETE g`, { id: TIE_AGREEMENT });
}
