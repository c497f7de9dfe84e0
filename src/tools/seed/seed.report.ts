import type { SeedSet } from '../../record/record.merge';
import { buildSeedRows } from '../../record/record.rows';
import { REL_TYPE, type RelSpec } from '../../record/record.repository';

export interface SeedReport {
  nodesByType: Record<string, number>;
  relationshipsByType: Record<string, number>;
  /** Per source id: how many nodes and relationships cite it. */
  bySource: Record<string, { nodes: number; relationships: number }>;
}

/** Counts a validated seed set by node type, by relationship type and by the sources cited. */
export function reportSeed(set: SeedSet): SeedReport {
  const report: SeedReport = { nodesByType: {}, relationshipsByType: {}, bySource: {} };
  const cite = (sources: Iterable<string>, what: 'nodes' | 'relationships') => {
    for (const s of new Set(sources)) {
      report.bySource[s] ??= { nodes: 0, relationships: 0 };
      report.bySource[s][what] += 1;
    }
  };
  for (const node of set.nodes.values()) {
    report.nodesByType[node.type] = (report.nodesByType[node.type] ?? 0) + 1;
    cite(node.provenance.map((p) => p.source), 'nodes');
  }
  const rows = buildSeedRows(set);
  for (const [spec, list] of Object.entries(rows.rels)) {
    const type = REL_TYPE[spec as RelSpec];
    report.relationshipsByType[type] = (report.relationshipsByType[type] ?? 0) + list.length;
    for (const row of list) cite(row.props.sources as string[], 'relationships');
  }
  return report;
}
