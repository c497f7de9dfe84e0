import { distance } from 'fastest-levenshtein';
import type { Database } from '../db/database';
import { NODE_KIND_LIST, NODE_KINDS, type NodeKind } from './node.kinds';
import { idsWithPrefixes } from './node.repository';

/** How many ids a NOT_FOUND suggests at most. */
export const MAX_CLOSEST = 3;
// Candidates read per prefix and label: enough to rank, few enough to stay cheap on a national graph.
const PER_PREFIX = 100;
const LONGEST_ID = 200;

const ALL_LABELS = NODE_KIND_LIST.map((k) => NODE_KINDS[k].label);

// The names errors give a kind (GraphQL type names, search kinds, 'Actor') and the labels they stand for.
const LABELS_OF: Record<string, readonly string[]> = {
  ...Object.fromEntries(NODE_KIND_LIST.map((k) => [k, [NODE_KINDS[k].label]])),
  ...Object.fromEntries(NODE_KIND_LIST.map((k) => [NODE_KINDS[k].label, [NODE_KINDS[k].label]])),
  SourceDocument: [NODE_KINDS.SOURCE.label],
  Actor: [NODE_KINDS.ORGANIZATION.label, NODE_KINDS.ADMIN_UNIT.label, NODE_KINDS.REGION.label],
};

/** The labels a kind name of a NOT_FOUND stands for; every label when the name is not one of them. */
export function labelsOfKind(kind: string): readonly string[] {
  return LABELS_OF[kind] ?? LABELS_OF[kind as NodeKind] ?? ALL_LABELS;
}

/**
 * The prefixes under which an id's likely intended ids are looked for: the id cut before each of its last
 * `-` separators (`org-dost-ca-mau-typo` gives `org-dost-ca-mau`, `org-dost-ca`, `org-dost`, `org`), and its first two
 * thirds, which catches a typo in the last word.
 */
export function candidatePrefixes(id: string): string[] {
  const prefixes = new Set<string>();
  for (let i = id.lastIndexOf('-'); i > 0; i = id.lastIndexOf('-', i - 1)) {
    prefixes.add(id.slice(0, i));
  }
  const head = id.slice(0, Math.ceil((id.length * 2) / 3));
  if (head.length >= 3) prefixes.add(head);
  return [...prefixes];
}

/**
 * Ranks candidate ids by edit distance to `id` (then by id), keeping at most MAX_CLOSEST and only those close
 * enough to be a plausible slip: at most a third of the longer id's length changed, and at least one character
 * kept in common with it.
 */
export function rankClosest(id: string, candidates: Iterable<string>): string[] {
  const scored: { id: string; d: number }[] = [];
  for (const c of new Set(candidates)) {
    if (c === id) continue;
    const d = distance(id, c);
    if (d <= Math.max(2, Math.ceil(Math.max(id.length, c.length) / 3)) && d < Math.max(id.length, c.length)) scored.push({ id: c, d });
  }
  scored.sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, MAX_CLOSEST).map((s) => s.id);
}

/**
 * The ids of the kind `kind` (a GraphQL type name such as `Organization`, a search kind, or `Actor`) most
 * likely meant by the unknown `id`, closest first, at most MAX_CLOSEST; a bounded index-backed lookup (one
 * statement). An empty list when nothing is close.
 */
export async function closestIds(db: Database, kind: string, id: string): Promise<string[]> {
  if (!id || id.length > LONGEST_ID) return [];
  const prefixes = candidatePrefixes(id);
  if (!prefixes.length) return [];
  return rankClosest(id, await idsWithPrefixes(db, labelsOfKind(kind), prefixes, PER_PREFIX));
}
