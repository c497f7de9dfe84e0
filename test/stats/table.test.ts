import { HubError } from '../../src/core/errors';
import { ACTIVITY_ORGANISING_ROLES, AGREEMENT_PRINCIPAL_ROLES, COOPERATION_TIE_KINDS, INTENDED_STATUSES, TIE_KINDS } from '../../src/rules/tie';
import { ACTIVITY_KINDS, AGREEMENT_KINDS } from '../../src/db/vocabulary';
import { checkGrouping, type Anchor } from '../../src/stats/stats.filter';
import { toRanking } from '../../src/stats/stats.mapper';
import { kindNames, unitNameVi } from '../../src/stats/labels';
import { MAX_TABLE_CELLS, timeAxisSize, toCountTable, type TableShape, type TimeRange } from '../../src/stats/table.mapper';
import { checkTableGrouping, countTableCypher } from '../../src/stats/table.repository';
import { resolveKind } from '../../src/stats/table.keys';
import { CountTarget, GroupKey, ProvinceMode } from '../../src/stats/stats.type';

const NO_RANGE: TimeRange = { from: null, to: null };
const shape = (rows: GroupKey, columns: GroupKey | null = null, range: TimeRange = NO_RANGE): TableShape => ({
  rows,
  columns,
  range,
  tieKinds: COOPERATION_TIE_KINDS,
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof HubError ? String(error.extensions.code) : 'OTHER';
  }
  return undefined;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('a count table from groups of records', () => {
  test('by year: chronological, every year from the first to the last, undated records under unknown, cells adding up to the total', () => {
    const table = toCountTable(
      { groups: [{ r: ['2023'], c: [], n: 5 }, { r: ['2018'], c: [], n: 2 }, { r: [], c: [], n: 4 }], rowNames: [], columnNames: [] },
      shape(GroupKey.YEAR),
    );
    expect(table.rows.map((l) => l.key)).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', 'unknown']);
    expect(table.rows[0]).toEqual({ key: '2018', nameVi: '2018', nameEn: '2018', year: 2018, month: null, unknown: false });
    expect(table.rows[6]).toMatchObject({ unknown: true, nameVi: 'Không rõ', nameEn: 'Unknown', year: null });
    expect(table.columns).toEqual([{ key: 'all', nameVi: 'Tất cả', nameEn: 'All', year: null, month: null, unknown: false }]);
    expect(table.cells).toEqual([[2], [0], [0], [0], [0], [5], [4]]);
    expect(table.total).toBe(11);
    expect(sum(table.cells.map((row) => row[0]))).toBe(table.total);
    expect(table.membershipTotal).toBe(11);
    expect(table.multiMembership).toBe(false);
    expect(table.columnTotals).toEqual([11]);
  });

  test('a record in several groups counts once in each cell, 1/n in each fractional cell, once in each row and column total', () => {
    // In 2019 one record in two regions and two in one; in 2020 one unlocated record.
    const table = toCountTable(
      {
        groups: [
          { r: ['2019'], c: ['r-a', 'r-b'], n: 1 },
          { r: ['2019'], c: ['r-a'], n: 2 },
          { r: ['2020'], c: [], n: 1 },
        ],
        rowNames: [],
        columnNames: [
          { key: 'r-b', name: 'Bắc', nameEn: 'North' },
          { key: 'r-a', name: 'Đông', nameEn: 'East' },
          { key: 'r-c', name: 'Duyên hải', nameEn: 'Coast' },
        ],
      },
      shape(GroupKey.YEAR, GroupKey.REGION),
    );
    // Every region of the scheme, by Vietnamese name (Đ after D), then unknown.
    expect(table.columns.map((l) => l.key)).toEqual(['r-b', 'r-c', 'r-a', 'unknown']);
    expect(table.cells).toEqual([
      [1, 0, 3, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
    ]);
    expect(table.fractionalCells).toEqual([
      [0.5, 0, 2.5, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
    ]);
    expect(table.rowTotals).toEqual([3, 1, 0]);
    expect(table.columnTotals).toEqual([1, 0, 3, 1]);
    expect(table.total).toBe(4);
    expect(table.membershipTotal).toBe(5);
    expect(table.multiMembership).toBe(true);
    expect(sum(table.fractionalCells.flat())).toBeCloseTo(table.total, 9);
  });

  test('by month: every month of the range, and dates known only to their year in their year’s group before its months', () => {
    const table = toCountTable(
      { groups: [{ r: ['2023-02'], c: [], n: 1 }, { r: ['2023'], c: [], n: 2 }, { r: ['2022-11'], c: [], n: 1 }], rowNames: [], columnNames: [] },
      shape(GroupKey.MONTH),
    );
    expect(table.rows.map((l) => l.key)).toEqual(['2022-11', '2022-12', '2023', '2023-01', '2023-02', 'unknown']);
    expect(table.rows[2]).toMatchObject({ year: 2023, month: null, nameVi: '2023 (không rõ tháng)', nameEn: '2023 (month unknown)' });
    expect(table.rows[4]).toMatchObject({ year: 2023, month: 2, nameVi: 'Tháng 2/2023', nameEn: 'February 2023' });
    expect(table.cells.map((row) => row[0])).toEqual([1, 0, 2, 0, 1, 0]);
  });

  test('from and to of the filter fix the time range, even where nothing is dated', () => {
    const empty = { groups: [], rowNames: [], columnNames: [] };
    const years = toCountTable(empty, shape(GroupKey.YEAR, null, { from: '2020-06-01', to: '2022-01-31' }));
    expect(years.rows.map((l) => l.key)).toEqual(['2020', '2021', '2022', 'unknown']);
    expect(years.total).toBe(0);
    const months = toCountTable({ groups: [{ r: ['2021-01'], c: [], n: 3 }] }, shape(GroupKey.MONTH, null, { from: '2020-11-15', to: null }));
    expect(months.rows.map((l) => l.key)).toEqual(['2020-11', '2020-12', '2021-01', 'unknown']);
    expect(toCountTable(empty, shape(GroupKey.YEAR)).rows.map((l) => l.key)).toEqual(['unknown']);
    expect(timeAxisSize(GroupKey.MONTH, { from: '2020-11-15', to: '2021-02-01' })).toBe(4);
    expect(timeAxisSize(GroupKey.YEAR, { from: '2020-11-15', to: '2021-02-01' })).toBe(2);
    expect(timeAxisSize(GroupKey.REGION, { from: '2020-11-15', to: '2021-02-01' })).toBe(0);
  });

  test('kinds come in enum order, every value, with names in both languages; tie kinds are those counted', () => {
    const table = toCountTable({ groups: [{ r: ['PROGRAMME'], c: ['CO_PARTIES'], n: 1 }] }, shape(GroupKey.AGREEMENT_KIND, GroupKey.TIE_KIND));
    expect(table.rows.map((l) => l.key)).toEqual([...AGREEMENT_KINDS, 'unknown']);
    expect(table.columns.map((l) => l.key)).toEqual([...COOPERATION_TIE_KINDS, 'unknown']);
    expect(table.rows[1]).toMatchObject({ key: 'PROGRAMME', nameVi: 'Chương trình hợp tác', nameEn: 'Programme' });
    for (const kind of [...ACTIVITY_KINDS, ...TIE_KINDS]) expect(kindNames(kind).nameVi).not.toBe(kind);
  });

  test('provinces found, by Vietnamese name without the word for their level, under their full Vietnamese name beside the English one', () => {
    const table = toCountTable(
      {
        groups: [{ r: ['prov-can-tho-2025', 'prov-dong-nai', 'prov-da-nang', 'prov-ho-chi-minh'], c: [], n: 1 }],
        rowNames: [
          { key: 'prov-ho-chi-minh', name: 'Thành phố Hồ Chí Minh', nameEn: 'Ho Chi Minh City', level: 'CITY' },
          { key: 'prov-can-tho-2025', name: 'Cần Thơ', nameEn: 'Can Tho City', level: 'CITY' },
          { key: 'prov-dong-nai', name: 'Đồng Nai', nameEn: 'Dong Nai Province', level: 'PROVINCE' },
          { key: 'prov-da-nang', name: 'Đà Nẵng', nameEn: 'Da Nang City', level: 'CITY' },
        ],
      },
      shape(GroupKey.PROVINCE),
    );
    expect(table.rows.map((l) => [l.nameVi, l.nameEn])).toEqual([
      ['Thành phố Cần Thơ', 'Can Tho City'],
      ['Thành phố Đà Nẵng', 'Da Nang City'],
      ['Tỉnh Đồng Nai', 'Dong Nai Province'],
      ['Thành phố Hồ Chí Minh', 'Ho Chi Minh City'],
      ['Không rõ', 'Unknown'],
    ]);
    expect(unitNameVi('CITY', 'Thành phố Hồ Chí Minh')).toBe('Thành phố Hồ Chí Minh');
    expect(unitNameVi('COUNTRY', 'Úc')).toBe('Úc');
  });

  test('a table of more cells than the bound is refused', () => {
    const far = { from: '1000-01-01', to: '2999-12-31' };
    expect(timeAxisSize(GroupKey.MONTH, far)).toBeGreaterThan(MAX_TABLE_CELLS);
    expect(codeOf(() => toCountTable({ groups: [] }, shape(GroupKey.MONTH, null, far)))).toBe('BAD_USER_INPUT');
  });
});

describe('groupings of a table', () => {
  test('KIND is the target’s own kind', () => {
    expect(resolveKind(CountTarget.AGREEMENTS, GroupKey.KIND)).toBe(GroupKey.AGREEMENT_KIND);
    expect(resolveKind(CountTarget.ACTIVITIES, GroupKey.KIND)).toBe(GroupKey.ACTIVITY_KIND);
    expect(resolveKind(CountTarget.ORGANIZATIONS, GroupKey.KIND)).toBe(GroupKey.ORGANIZATION_KIND);
    expect(resolveKind(CountTarget.LINKS, GroupKey.KIND)).toBe(GroupKey.TIE_KIND);
    expect(resolveKind(CountTarget.LINKS, GroupKey.YEAR)).toBe(GroupKey.YEAR);
  });

  test('groupings a target lacks, and the same grouping twice, are refused', () => {
    expect(codeOf(() => checkTableGrouping(CountTarget.AGREEMENTS, GroupKey.YEAR, GroupKey.ACTIVITY_KIND))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkTableGrouping(CountTarget.ACTIVITIES, GroupKey.AGREEMENT_KIND, null))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkTableGrouping(CountTarget.ORGANIZATIONS, GroupKey.TIE_KIND, null))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkTableGrouping(CountTarget.LINKS, GroupKey.REGION, GroupKey.REGION))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkTableGrouping(CountTarget.LINKS, GroupKey.TIE_KIND, GroupKey.MONTH))).toBeUndefined();
  });

  test('counts keeps its seven groupings and refuses those only tables take', () => {
    for (const key of [GroupKey.MONTH, GroupKey.TIE_KIND, GroupKey.KIND]) {
      expect(codeOf(() => checkGrouping(CountTarget.LINKS, key))).toBe('BAD_USER_INPUT');
    }
    expect(codeOf(() => checkGrouping(CountTarget.LINKS, GroupKey.YEAR))).toBeUndefined();
  });
});

describe('table statements', () => {
  const ANCHORS: Anchor[] = ['topic', 'province', 'region', 'dates', 'organizationKind', 'activityKind', 'all'];
  // The tie rule's kinds, roles and statuses, and the period rule's precisions: no value of a request.
  const ALLOWED_LITERALS = [...TIE_KINDS, ...AGREEMENT_PRINCIPAL_ROLES, ...ACTIVITY_ORGANISING_ROLES, ...INTENDED_STATUSES, 'YEAR', 'MONTH', ''];

  test('every statement is built from constants, carries values as parameters, and is built once', () => {
    const groups = Object.values(GroupKey).filter((g) => g !== GroupKey.KIND);
    let built = 0;
    const literals = new Set<string>();
    const unparameterised: string[] = [];
    for (const of of Object.values(CountTarget)) {
      for (const rows of groups) {
        for (const columns of [null, ...groups]) {
          if (codeOf(() => checkTableGrouping(of, rows, columns)) !== undefined) continue;
          for (const anchor of ANCHORS) {
            const cypher = countTableCypher(of, rows, columns, ProvinceMode.CURRENT, anchor, anchor === 'activityKind');
            for (const literal of cypher.match(/'[^']*'/g) ?? []) literals.add(literal.slice(1, -1));
            if (anchor !== 'all' && !cypher.includes('$')) unparameterised.push(`${of}/${rows}/${columns}/${anchor}`);
            built++;
          }
        }
      }
    }
    expect(built).toBeGreaterThan(1000);
    expect([...literals].filter((l) => !ALLOWED_LITERALS.includes(l))).toEqual([]);
    expect(unparameterised).toEqual([]);
    const once = countTableCypher(CountTarget.LINKS, GroupKey.YEAR, GroupKey.REGION, ProvinceMode.HISTORICAL, 'all', false);
    expect(countTableCypher(CountTarget.LINKS, GroupKey.YEAR, GroupKey.REGION, ProvinceMode.HISTORICAL, 'all', false)).toBe(once);
  });

  test('one statement per table: the records are folded into groups by their keys, names read in the same statement', () => {
    const cypher = countTableCypher(CountTarget.AGREEMENTS, GroupKey.YEAR, GroupKey.PROVINCE, ProvinceMode.CURRENT, 'all', false);
    expect(cypher).toContain('WITH rk, ck, count(*) AS n');
    expect(cypher).toContain('MATCH (tbl_n:AdminUnit) WHERE tbl_n.id IN tbl_found');
    expect(cypher).toContain('RETURN groups, rowNames, columnNames');
  });
});

describe('rankings share ranks among equal values', () => {
  test('standard competition ranking: 1, 2, 2, 4', () => {
    const page = [
      { id: 'a', value: 5, strength: 5, rankValue: 5 },
      { id: 'b', value: 3, strength: 3, rankValue: 3 },
      { id: 'c', value: 3, strength: 3, rankValue: 3 },
      { id: 'd', value: 2, strength: 2, rankValue: 2 },
    ];
    expect(toRanking({ total: 4, better: 0, page }, 0).items.map((i) => i.rank)).toEqual([1, 2, 2, 4]);
  });

  test('a page that begins inside a group of equal values carries that group’s rank', () => {
    // Items 0..4 have values 9, 7, 7, 7, 4: the page from offset 2 begins with the second 7, ranked 2.
    const page = [
      { id: 'c', value: 7, strength: 1, rankValue: 7 },
      { id: 'd', value: 7, strength: 1, rankValue: 7 },
      { id: 'e', value: 4, strength: 1, rankValue: 4 },
    ];
    expect(toRanking({ total: 5, better: 1, page }, 2).items.map((i) => [i.organizationId, i.rank])).toEqual([
      ['c', 2],
      ['d', 2],
      ['e', 5],
    ]);
  });
});
