import type { Database } from '../../db/database';
import { Prng } from '../synth/prng';
import type { BenchSample } from './bench.families';
import { instrumentWhere, kindOf } from '../../network/tie-cypher';
import { FLOOR_COUNTS_BY_YEAR, FLOOR_TIE_PARAMS } from './bench.floor';

/**
 * Organisations with at least one tie of the default selection (src/rules/tie.ts), by id: the pool benchmark
 * parameters are drawn from.
 */
export const LINKED_ORGANIZATIONS = `MATCH (a:Organization)
WHERE EXISTS {
  MATCH (a)-[ra:PARTY_TO|PARTICIPATED_IN]->(x)<-[rb:PARTY_TO|PARTICIPATED_IN]-(b:Organization)
  WHERE b <> a AND ${instrumentWhere(null)} AND ${kindOf('a', 'ra', 'x', 'rb', 'b')} IN $tieKinds
}
RETURN a.id AS id, a.name AS name
ORDER BY id`;

/** How much of a synthetic network the graph holds: its organisations (by id prefix) and participation links. */
export const SYNTH_STATE = `CALL () { MATCH (o:Organization) WHERE o.id STARTS WITH $prefix RETURN count(o) AS orgs }
CALL () { MATCH ()-[r:PARTY_TO]->() RETURN count(r) AS parties }
CALL () { MATCH ()-[r:PARTICIPATED_IN]->() RETURN count(r) AS participations }
RETURN orgs, parties + participations AS links`;

/** Whether the graph already holds a synthetic network of `orgs` organisations and at least `links` links. */
export async function holdsSynth(db: Database, orgs: number, links: number): Promise<boolean> {
  const [row] = await db.read(SYNTH_STATE, { prefix: 'org-syn-' });
  return Number(row.orgs) === orgs && Number(row.links) >= links;
}

/**
 * `count` parameter sets drawn with a seeded generator from the organisations that have partners, so two
 * runs on the same graph ask the same questions.
 */
export async function drawSamples(db: Database, count: number, seed: number): Promise<BenchSample[]> {
  const pool = (await db.read(LINKED_ORGANIZATIONS, FLOOR_TIE_PARAMS)).map((r) => ({ id: String(r.id), name: String(r.name) }));
  if (pool.length < 2) throw new Error('the graph has fewer than two organisations with partners: nothing to measure');
  const years = (await db.read(FLOOR_COUNTS_BY_YEAR)).map((r) => String(r.key)).sort();
  const prng = new Prng(seed);
  return Array.from({ length: count }, () => {
    const a = prng.pick(pool);
    let b = prng.pick(pool);
    while (b.id === a.id) b = prng.pick(pool);
    return { org: a.id, other: b.id, phrase: a.name, years };
  });
}
