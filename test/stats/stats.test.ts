import { HubError } from '../../src/core/errors';
import { countsCypher, totalsCypher } from '../../src/stats/stats.repository';
import { rankingCypher } from '../../src/stats/ranking.repository';
import { CROSS_REGION_LINKS, CROSS_REGION_LINKS_DATED, REGION_MATRIX, REGION_MATRIX_DATED } from '../../src/stats/region.repository';
import { checkGrouping, checkWindow, chooseAnchor, filterParams, itemLabels, statsTieSelection, type Anchor } from '../../src/stats/stats.filter';
import { kindLabel, toBuckets, toCrossRegionLink, toRanking, toRegionMatrix } from '../../src/stats/stats.mapper';
import { ACTIVITY_ORGANISING_ROLES, AGREEMENT_PRINCIPAL_ROLES, COOPERATION_TIE_KINDS, INTENDED_STATUSES, TIE_KINDS } from '../../src/rules/tie';
import { FOREIGN_AREA_PREFIX, NATIONAL_AREA } from '../../src/stats/ties.stages';

// The fixed strings statements may quote: the tie rule's kinds, roles and statuses, the period rule's
// precisions and the pseudo-regions' ids and names.
const RULE_LITERALS = [
  ...TIE_KINDS,
  ...AGREEMENT_PRINCIPAL_ROLES,
  ...ACTIVITY_ORGANISING_ROLES,
  ...INTENDED_STATUSES,
  'YEAR',
  'MONTH',
  '',
  NATIONAL_AREA,
  FOREIGN_AREA_PREFIX,
  'Nước ngoài: ',
  'Foreign: ',
];
import { CountTarget, GroupKey, ProvinceMode, RankingDirection, RankingMetric } from '../../src/stats/stats.type';

const ANCHORS: Anchor[] = ['topic', 'province', 'region', 'dates', 'organizationKind', 'activityKind', 'all'];

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof HubError ? String(error.extensions.code) : 'OTHER';
  }
  return undefined;
}

describe('anchors: statements start from the most selective filter given', () => {
  test('topic wins over every other filter, then province, region, dates, organisation kind, activity kind', () => {
    const all = { topic: 't', province: 'p', region: 'r', from: '2020-01-01', organizationKind: 'UNIVERSITY', activityKind: 'CONFERENCE' };
    expect(chooseAnchor(all)).toBe('topic');
    expect(chooseAnchor({ ...all, topic: null })).toBe('province');
    expect(chooseAnchor({ ...all, topic: null, province: null })).toBe('region');
    expect(chooseAnchor({ to: '2020-01-01', organizationKind: 'UNIVERSITY', activityKind: 'CONFERENCE' })).toBe('dates');
    expect(chooseAnchor({ organizationKind: 'UNIVERSITY', activityKind: 'CONFERENCE' })).toBe('organizationKind');
    expect(chooseAnchor({ activityKind: 'CONFERENCE' })).toBe('activityKind');
    expect(chooseAnchor(null)).toBe('all');
  });

  test('an anchored counting statement begins with its index lookup', () => {
    const start = (anchor: Anchor) => countsCypher(CountTarget.AGREEMENTS, GroupKey.YEAR, ProvinceMode.CURRENT, anchor, false).split('\n')[0];
    expect(start('topic')).toBe('MATCH (:Topic {id: $topic})<-[:ABOUT]-(i:Agreement)');
    expect(start('province')).toMatch(/^MATCH \(:AdminUnit \{id: \$province\}\)<-\[:SUCCEEDED_BY\*0\.\.10\]-/);
    expect(start('region')).toMatch(/^MATCH \(:Region \{id: \$region\}\)/);
    expect(start('dates')).toBe('MATCH (i:Agreement) WHERE i.signedOn >= $fromBound AND i.signedOn <= $toBound');
    expect(start('organizationKind')).toBe('MATCH (:Organization {kind: $organizationKind})-[:PARTY_TO]->(i:Agreement)');
    expect(start('all')).toMatch(/^MATCH \(i:Agreement\) WHERE i\.signedOn IS NOT NULL AND \(\$includeIntended OR /);
  });

  test('an activity kind restricts links and organisations to activities', () => {
    expect(itemLabels({ activityKind: 'WORKSHOP' })).toEqual(['Activity']);
    expect(itemLabels({})).toEqual(['Agreement', 'Activity']);
    const cypher = countsCypher(CountTarget.LINKS, GroupKey.REGION, ProvinceMode.CURRENT, 'activityKind', true);
    expect(cypher).not.toContain(':Agreement)');
    expect(cypher).toContain('PARTICIPATED_IN');
  });
});

describe('statements carry values only as parameters', () => {
  test('every counting, totals and ranking statement is built from constants and cached', () => {
    const statements: Array<[string, string]> = [];
    // MONTH, TIE_KIND and KIND are countTable's alone (test/stats/table.test.ts checks its statements).
    const countsGroups = Object.values(GroupKey).filter((g) => ![GroupKey.MONTH, GroupKey.TIE_KIND, GroupKey.KIND].includes(g));
    for (const of of Object.values(CountTarget)) {
      for (const group of countsGroups) {
        for (const mode of Object.values(ProvinceMode)) {
          for (const anchor of ANCHORS) statements.push([anchor, countsCypher(of, group, mode, anchor, anchor === 'activityKind')]);
        }
      }
    }
    for (const mode of Object.values(ProvinceMode)) for (const anchor of ANCHORS) statements.push([anchor, totalsCypher(mode, anchor, false)]);
    for (const metric of Object.values(RankingMetric)) {
      for (const direction of Object.values(RankingDirection)) for (const anchor of ANCHORS) statements.push([anchor, rankingCypher(metric, direction, anchor, false)]);
    }
    statements.push(['all', REGION_MATRIX], ['dates', REGION_MATRIX_DATED], ['all', CROSS_REGION_LINKS], ['dates', CROSS_REGION_LINKS_DATED]);
    for (const [anchor, cypher] of statements) {
      // No quoted literal other than the constants of the tie and period rules and the pseudo-regions; every
      // filter value is a $parameter (only the unfiltered statements, anchor 'all', may have none).
      for (const literal of cypher.match(/'[^']*'/g) ?? []) expect(RULE_LITERALS).toContain(literal.slice(1, -1));
      if (anchor !== 'all') expect(cypher).toMatch(/\$/);
    }
    expect(countsCypher(CountTarget.LINKS, GroupKey.TOPIC, ProvinceMode.CURRENT, 'all', false)).toBe(
      countsCypher(CountTarget.LINKS, GroupKey.TOPIC, ProvinceMode.CURRENT, 'all', false),
    );
  });

  test('CURRENT follows SUCCEEDED_BY to the last unit, HISTORICAL keeps the unit as located', () => {
    const current = countsCypher(CountTarget.ORGANIZATIONS, GroupKey.PROVINCE, ProvinceMode.CURRENT, 'all', false);
    const historical = countsCypher(CountTarget.ORGANIZATIONS, GroupKey.PROVINCE, ProvinceMode.HISTORICAL, 'all', false);
    expect(current).toContain('[:SUCCEEDED_BY*1..10]->(last:AdminUnit) WHERE NOT (last)-[:SUCCEEDED_BY]->()');
    expect(historical).not.toContain('(last:AdminUnit)');
    expect(historical).toContain('-[:LOCATED_IN]->(p:Province)');
  });

  test('filter parameters: open date bounds for the range seek, and flags for which side is filtered', () => {
    const params = filterParams({ from: '2023-06-09', region: 'region-mekong-delta' });
    expect(String(params.from)).toBe('2023-06-09');
    expect(params.to).toBeNull();
    // A date written as a year is stored as its first day: the range seek starts on the first day of from's year.
    expect(String(params.fromBound)).toBe('2023-01-01');
    expect(String(params.toBound)).toBe('9999-12-31');
    expect(params).toMatchObject({ region: 'region-mekong-delta', topic: null, orgFiltered: true, itemFiltered: true });
    expect(filterParams(null)).toMatchObject({ orgFiltered: false, itemFiltered: false, activityKind: null });
    expect(String(filterParams(null).fromBound)).toBe('0001-01-01');
  });

  test('the tie selection defaults to cooperation only, realised instruments, units as they are', () => {
    expect(statsTieSelection(null)).toEqual({ kinds: COOPERATION_TIE_KINDS, includeIntended: false, rollUpSubUnits: false });
    expect(filterParams(null)).toMatchObject({ tieKinds: [...COOPERATION_TIE_KINDS], includeIntended: false, rollUp: false });
    expect(filterParams({ ties: ['CO_PARTICIPANTS'], includeIntended: true, rollUpSubUnits: true })).toMatchObject({
      tieKinds: ['CO_PARTICIPANTS'],
      includeIntended: true,
      rollUp: true,
    });
  });
});

describe('input checks', () => {
  test('agreements cannot be grouped by activity kind, nor activities by agreement kind', () => {
    expect(codeOf(() => checkGrouping(CountTarget.AGREEMENTS, GroupKey.ACTIVITY_KIND))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkGrouping(CountTarget.ACTIVITIES, GroupKey.AGREEMENT_KIND))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkGrouping(CountTarget.LINKS, GroupKey.ACTIVITY_KIND))).toBeUndefined();
    expect(codeOf(() => checkGrouping(CountTarget.ORGANIZATIONS, GroupKey.AGREEMENT_KIND))).toBeUndefined();
  });

  test('a window is 1 to 500 items from offset 0 to 100000', () => {
    expect(checkWindow(500, 0)).toEqual({ limit: 500, offset: 0 });
    expect(checkWindow(1, 100000)).toEqual({ limit: 1, offset: 100000 });
    expect(() => checkWindow(10, 100001)).toThrow('offset must be between 0 and 100000 (got 100001)');
    expect(() => checkWindow(501, 0)).toThrow('first must be between 1 and 500 (got 501)');
    expect(() => checkWindow(0, 0)).toThrow('first must be between 1 and 500 (got 0)');
    expect(() => checkWindow(10, -1)).toThrow('offset must be between 0 and 100000 (got -1)');
  });
});

describe('mapping', () => {
  test('kinds get a readable label; stored names are kept; the distinct total is the sum of the fractional counts', () => {
    expect(kindLabel('RESEARCH_INSTITUTE')).toBe('Research institute');
    // Three records: one in both regions (1/2 in each), one in each region alone.
    const buckets = toBuckets(
      [
        { key: 'region-mekong-delta', label: 'Mekong Delta', count: 2, fractional: 1.5 },
        { key: 'region-southeast', label: null, count: 2, fractional: 1.5 },
      ],
      GroupKey.REGION,
    );
    expect(buckets).toEqual([
      { group: 'REGION', key: 'region-mekong-delta', label: 'Mekong Delta', count: 2, fractionalCount: 1.5, total: 3 },
      { group: 'REGION', key: 'region-southeast', label: 'Region-southeast', count: 2, fractionalCount: 1.5, total: 3 },
    ]);
    expect(toBuckets([], GroupKey.REGION)).toEqual([]);
  });

  test('the region matrix comes back whole: every ordered pair of areas, row by row, empty cells as zeros', () => {
    const region = (id: string, name: string) => ({ properties: { id, name, nameEn: name.toUpperCase(), scheme: 'S' } });
    const matrix = toRegionMatrix(
      {
        regions: [region('r-b', 'b'), region('r-a', 'a')],
        foreign: [{ id: 'foreign:country-au', name: 'Nước ngoài: Australia', nameEn: 'Foreign: Australia' }],
        cells: [
          { from: 'r-a', to: 'r-b', links: 3, weight: 1.5, agreements: 1, activities: 1 },
          { from: 'foreign:country-au', to: 'r-b', links: 1, weight: 1, agreements: 0, activities: 1 },
        ],
      },
      true,
    );
    expect(matrix.areas.map((a) => [a.id, a.kind])).toEqual([
      ['r-b', 'REGION'],
      ['r-a', 'REGION'],
      ['national', 'NATIONAL'],
      ['foreign:country-au', 'FOREIGN'],
    ]);
    expect(matrix.areas[2]).toMatchObject({ name: 'Cơ quan trung ương', nameEn: 'National bodies' });
    expect(matrix.cells).toHaveLength(16);
    expect(matrix.cells.map((c) => [c.row, c.column])).toEqual(matrix.areas.flatMap((_, r) => matrix.areas.map((_, c) => [r, c])));
    const at = (from: string, to: string) => matrix.cells.find((c) => c.from === from && c.to === to);
    expect(at('r-b', 'r-a')).toEqual({ from: 'r-b', to: 'r-a', row: 0, column: 1, links: 3, weight: 1.5, agreements: 1, activities: 1 });
    expect(at('r-a', 'r-b')).toMatchObject({ links: 3, weight: 1.5 });
    expect(at('r-b', 'foreign:country-au')).toMatchObject({ links: 1 });
    expect(at('national', 'national')).toMatchObject({ links: 0, weight: 0, agreements: 0, activities: 0 });
  });

  test('a cross-region row counts its evidence and keeps each item’s tie kind', () => {
    const link = toCrossRegionLink({ a: 'o1', b: 'o2', areaA: 'national', areaB: 'r-a', evidence: ['x1', 'x2'], kinds: ['COUNTERPARTIES', 'CO_PARTIES'], weight: 1.5 });
    expect(link).toMatchObject({ count: 2, weight: 1.5, regionAId: 'national', evidenceKinds: ['COUNTERPARTIES', 'CO_PARTIES'] });
  });

  test('ranks count on from the offset', () => {
    const ranking = toRanking({ total: 56, page: [{ id: 'org-a', value: 9, strength: 2.5 }, { id: 'org-b', value: 8, strength: 4 }] }, 20);
    expect(ranking.totalCount).toBe(56);
    expect(ranking.items.map((i) => [i.rank, i.organizationId, i.value, i.strength])).toEqual([
      [21, 'org-a', 9, 2.5],
      [22, 'org-b', 8, 4],
    ]);
    expect(toRanking(undefined, 0)).toEqual({ totalCount: 0, items: [] });
  });
});
