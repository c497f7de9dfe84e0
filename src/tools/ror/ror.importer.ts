import fs from 'node:fs';
import type { Transaction as ManagedTransaction } from '../../db/database';
import type { Logger } from '../../core/logger';
import type { Database, Row } from '../../db/database';
import { mergeSeed, type SeedSet } from '../../record/record.merge';
import { SeedError, type SeedProblem } from '../../record/record.problem';
import { buildSeedRows } from '../../record/record.rows';
import { UPSERT_ORGANIZATION_OF_KIND, UPSERT_REL, runBatched, type RelSpec } from '../../record/record.repository';
import { distinctNames, parseRorFile, toSeedRecords, type RorOrg } from './ror.convert';
import { ADD_TO_CURATED_ORGS, DROP_ROR_RELATIONSHIPS, EXISTING_ORG_IDS, EXISTING_UNIT_IDS, FIND_ORGS_BY_ROR } from './ror.repository';

export interface RorImportOptions {
  /** `refuse` (default): any problem aborts the import. `skip`: records with a problem are left out. */
  onError?: 'skip' | 'refuse';
  batchSize?: number;
}

export interface RorImportResult {
  /** Records read that are not withdrawn and have no problem. */
  records: number;
  /** Organisations new to the graph (`org-ror-<ror>`). */
  created: number;
  /** Organisations of an earlier ROR import, rewritten from the file. */
  updated: number;
  /** Curated organisations with the same ROR id, which received missing aliases, acronyms, ids or website. */
  merged: number;
  /** Organisation-to-organisation relationships written (PART_OF and RELATED_TO). */
  relations: number;
  /** Records left out for a problem (only with `onError: 'skip'`). */
  skipped: number;
  /** Withdrawn ROR records, never imported. */
  withdrawn: number;
  /** Relationships dropped because their target is neither in the file nor in the graph. */
  unresolved: number;
  /** The problems of the skipped records. */
  problems: SeedProblem[];
}

/** An organisation that already carries a ROR id in the graph. */
interface GraphOrg {
  id: string;
  name?: string;
  nameEn?: string;
  aliases: string[];
  acronyms: string[];
  externalIds?: string;
  website?: string;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const optional = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));

function graphOrg(row: Row): GraphOrg {
  return {
    id: String(row.id),
    name: optional(row.name),
    nameEn: optional(row.nameEn),
    aliases: strings(row.aliases),
    acronyms: strings(row.acronyms),
    externalIds: optional(row.externalIds),
    website: optional(row.website),
  };
}

/** The properties to add to a curated node: only what it lacks; its names stay, ROR's become aliases. */
export function curatedAdditions(node: GraphOrg, org: RorOrg): Row | undefined {
  const props: Row = {};
  const taken = [node.name, node.nameEn, ...node.aliases, ...node.acronyms];
  const aliases = distinctNames([org.name, org.nameEn ?? '', ...org.aliases], taken);
  const acronyms = distinctNames(org.acronyms, [...taken, ...aliases]);
  if (aliases.length) {
    props.aliases = [...node.aliases, ...aliases];
    props.aliasText = (props.aliases as string[]).join(' | ');
  }
  if (acronyms.length) {
    props.acronyms = [...node.acronyms, ...acronyms];
    props.acronymText = (props.acronyms as string[]).join(' | ');
  }
  const ids = parseExternalIds(node.externalIds);
  if (ids) {
    let changed = false;
    for (const [key, values] of Object.entries(org.externalIds)) {
      for (const v of values) if (!(ids[key] ??= []).includes(v)) (ids[key].push(v), (changed = true));
    }
    if (changed) props.externalIds = JSON.stringify(ids);
  }
  if (!node.website && org.website) props.website = org.website;
  return Object.keys(props).length ? { id: node.id, props } : undefined;
}

// An unreadable stored value is left alone rather than overwritten.
function parseExternalIds(stored: string | undefined): Record<string, string[]> | undefined {
  if (stored === undefined) return {};
  try {
    const value = JSON.parse(stored) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string[]>) : undefined;
  } catch {
    return undefined;
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new SeedError([{ file, line: 0, message: `cannot read the file: ${(error as Error).message}` }]);
  }
}

const ids = (rows: Row[]) => new Set(rows.map((r) => String(r.id)));

/**
 * Imports a ROR file (see `parseRorFile`) into the graph in one write transaction: nothing is written unless
 * all of it is. Records whose ROR id a curated organisation already carries keep that organisation's id and
 * only add missing aliases (ROR's names included), acronyms, external ids and website; their other properties,
 * location and parent stay as they are. Other records become `org-ror-<ror>` nodes, which a re-import rewrites.
 * Parents and relations must point into the file or the graph; others are dropped and counted.
 * @throws SeedError listing the problems (file, 1-based record index, field) with `refuse`, or with `skip`
 *   when the file as a whole is unreadable; the graph is then unchanged.
 */
export async function importRor(db: Database, file: string, log: Logger, options: RorImportOptions = {}): Promise<RorImportResult> {
  const onError = options.onError ?? 'refuse';
  const batch = options.batchSize ?? 1000;
  const parsed = parseRorFile(readText(file), file);
  if (parsed.problems.length && (onError === 'refuse' || parsed.problems.some((p) => p.line === 0))) throw new SeedError(parsed.problems);
  log.info({ file, records: parsed.orgs.length, withdrawn: parsed.withdrawn.length, problems: parsed.problems.length }, 'Read ROR file');

  const result = await db.writeTx(async (tx) => {
    const run = (cypher: string, params: Row) => db.runIn(tx, cypher, params);
    const problems: SeedProblem[] = [];

    const rors = [...new Set(parsed.orgs.flatMap((o) => [o.ror, ...o.relationships.map((r) => r.ror)]))];
    const byRor = new Map<string, GraphOrg[]>();
    for (const row of await run(FIND_ORGS_BY_ROR, { rors })) {
      const ror = String(row.ror);
      byRor.set(ror, [...(byRor.get(ror) ?? []), graphOrg(row)]);
    }
    const inGraph = (ror: string) => (byRor.get(ror)?.length === 1 ? byRor.get(ror)![0].id : undefined);
    const isCurated = (org: RorOrg) => inGraph(org.ror) !== undefined && inGraph(org.ror) !== `org-ror-${org.ror}`;

    const owned = parsed.orgs.filter((o) => !isCurated(o));
    const units = ids(await run(EXISTING_UNIT_IDS, { ids: [...new Set(owned.flatMap((o) => (o.location ? [o.location] : [])))] }));
    const bad = new Set<RorOrg>();
    for (const org of parsed.orgs) {
      const holders = byRor.get(org.ror) ?? [];
      const message =
        holders.length > 1
          ? `ROR id ${org.ror} is on several organisations: ${holders.map((h) => h.id).join(', ')}`
          : !isCurated(org) && org.location && !units.has(org.location)
            ? `admin unit '${org.location}' is not in the graph`
            : undefined;
      if (!message) continue;
      problems.push({ file, line: org.index, field: holders.length > 1 ? 'id' : 'location', message });
      bad.add(org);
    }
    if (problems.length && onError === 'refuse') throw new SeedError([...parsed.problems, ...problems]);

    const accepted = parsed.orgs.filter((o) => !bad.has(o));
    const seed = toSeedRecords(accepted, file, inGraph);
    const curated = new Map(accepted.filter(isCurated).map((o) => [byRor.get(o.ror)![0].id, o]));
    const set = mergeSeed({
      nodes: seed.organizations.filter((n) => !curated.has(n.record.id)),
      edges: seed.relations,
      problems: [],
      files: [file],
    });
    await checkReferences(db, tx, set);

    const existingOwned = accepted.filter((o) => inGraph(o.ror) === `org-ror-${o.ror}`).map((o) => `org-ror-${o.ror}`);
    const additions = [...curated.entries()].flatMap<Row>(([id, org]) => curatedAdditions(byRor.get(org.ror)!.find((n) => n.id === id)!, org) ?? []);
    const rows = buildSeedRows(set);
    const step = (what: string, total: number) => (done: number) => log.info(`  ${what}: ${done}/${total}`);

    if (existingOwned.length) await run(DROP_ROR_RELATIONSHIPS, { ids: existingOwned });
    for (const [kind, list] of Object.entries(rows.organizationsByKind)) {
      const statement = UPSERT_ORGANIZATION_OF_KIND[kind as keyof typeof UPSERT_ORGANIZATION_OF_KIND];
      await runBatched(db, tx, statement, list, batch, step(`organization ${kind}`, list.length));
    }
    await runBatched(db, tx, ADD_TO_CURATED_ORGS, additions, batch, step('curated organization', additions.length));
    for (const [spec, list] of Object.entries(rows.rels)) await runBatched(db, tx, UPSERT_REL[spec as RelSpec], list, batch, step(spec, list.length));

    const nodes = set.nodes.size;
    return {
      records: accepted.length,
      created: nodes - existingOwned.length,
      updated: existingOwned.length,
      merged: curated.size,
      relations: (rows.rels.ORG_PART_OF?.length ?? 0) + (rows.rels.RELATED_TO?.length ?? 0),
      skipped: new Set([...parsed.problems, ...problems].map((p) => p.line)).size,
      withdrawn: parsed.withdrawn.length,
      unresolved: seed.unresolved.length,
      problems: [...parsed.problems, ...problems],
    };
  });
  if (result.skipped) log.warn({ skipped: result.skipped, problems: result.problems.length }, 'Skipped ROR records with problems');
  log.info({ ...result, problems: result.problems.length }, 'ROR import finished');
  return result;
}

/** Every parent and relation target must be an organisation of the set or of the graph. */
async function checkReferences(db: Database, tx: ManagedTransaction, set: SeedSet): Promise<void> {
  const refs: { id: string; at: { file: string; line: number }; field: string }[] = [];
  for (const node of set.nodes.values()) if (node.fields.parent) refs.push({ id: String(node.fields.parent), at: node.at, field: 'parent' });
  for (const edge of set.edges) {
    if (edge.record.type !== 'orgRelation') continue;
    refs.push({ id: edge.record.from, at: edge.at, field: 'from' }, { id: edge.record.to, at: edge.at, field: 'to' });
  }
  const outside = [...new Set(refs.map((r) => r.id).filter((id) => !set.nodes.has(id)))];
  const found = ids(await db.runIn(tx, EXISTING_ORG_IDS, { ids: outside }));
  const problems = [...set.problems];
  for (const r of refs) {
    if (!set.nodes.has(r.id) && !found.has(r.id)) problems.push({ ...r.at, field: r.field, message: `refers to '${r.id}', which is neither in the file nor in the graph` });
  }
  if (problems.length) throw new SeedError(problems);
}
