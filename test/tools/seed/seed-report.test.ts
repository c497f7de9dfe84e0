import { loadConfig } from '../../../src/core/config';
import { loadSeedSet } from '../../../src/tools/seed/seed.importer';
import { reportSeed } from '../../../src/tools/seed/seed.report';

describe('seed report', () => {
  const report = reportSeed(loadSeedSet(loadConfig().seedDir));

  test('every source document contributes nodes and relationships', () => {
    for (const doc of ['src-000', 'src-001', 'src-002', 'src-003', 'src-004']) {
      expect(report.bySource[doc].nodes).toBeGreaterThan(5);
      expect(report.bySource[doc].relationships).toBeGreaterThan(20);
    }
  });

  test('counts by type add up to the seed set', () => {
    // 87 Vietnamese provincial units (63 before the 2025 reform, 23 created by it, Huế) and 14 countries and states.
    expect(report.nodesByType.adminUnit).toBe(87 + 14);
    expect(report.nodesByType.region).toBe(8);
    expect(report.relationshipsByType.SUCCEEDED_BY).toBe(53);
  });
});
