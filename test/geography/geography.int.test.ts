import type { Database } from '../../src/db/database';
import { data, gqlClient, openTestDb } from '../helpers/graph';

// Expectations from /work/shared/domain.md (Resolution 202/2025/QH15: 63 provincial units became 34 on 1/7/2025;
// the six socio-economic regions and the two older groupings).

let db: Database;
let gql: ReturnType<typeof gqlClient>;
beforeAll(() => {
  db = openTestDb();
  gql = gqlClient(db);
});
afterAll(() => db.close());

const q = <T = any>(query: string, variables: Record<string, unknown> = {}) => data<T>(gql<T>(query, variables));
const ids = (list: Array<{ id: string }>) => list.map((x) => x.id).sort();

async function provincesOn(validOn: string): Promise<Array<{ id: string; statCode: string | null }>> {
  const r = await q(`query($on: LocalDate!) { adminUnits(filter: { validOn: $on, parent: "country-vn" }, first: 500) { nodes { id statCode } } }`, {
    on: validOn,
  });
  return r.adminUnits.nodes;
}

/** Units that came through 1 July 2025 unchanged (Huế became a centrally run city on 1/1/2025 and did not merge). */
const UNCHANGED = [
  'prov-ha-noi', 'prov-cao-bang', 'prov-dien-bien', 'prov-lai-chau', 'prov-son-la', 'prov-lang-son',
  'prov-quang-ninh', 'prov-thanh-hoa', 'prov-nghe-an', 'prov-ha-tinh', 'prov-hue',
];

/** The 1 July 2025 mergers: new unit → [its code, former units with their codes]. */
const MERGERS: Record<string, [string, Array<[string, string]>]> = {
  'prov-tuyen-quang-2025': ['08', [['prov-tuyen-quang', '08'], ['prov-ha-giang', '02']]],
  'prov-lao-cai-2025': ['15', [['prov-lao-cai', '10'], ['prov-yen-bai', '15']]],
  'prov-thai-nguyen-2025': ['19', [['prov-thai-nguyen', '19'], ['prov-bac-kan', '06']]],
  'prov-bac-ninh-2025': ['24', [['prov-bac-ninh', '27'], ['prov-bac-giang', '24']]],
  'prov-phu-tho-2025': ['25', [['prov-phu-tho', '25'], ['prov-vinh-phuc', '26'], ['prov-hoa-binh', '17']]],
  'prov-hai-phong-2025': ['31', [['prov-hai-phong', '31'], ['prov-hai-duong', '30']]],
  'prov-hung-yen-2025': ['33', [['prov-hung-yen', '33'], ['prov-thai-binh', '34']]],
  'prov-ninh-binh-2025': ['37', [['prov-ninh-binh', '37'], ['prov-ha-nam', '35'], ['prov-nam-dinh', '36']]],
  'prov-quang-tri-2025': ['44', [['prov-quang-tri', '45'], ['prov-quang-binh', '44']]],
  'prov-da-nang-2025': ['48', [['prov-da-nang', '48'], ['prov-quang-nam', '49']]],
  'prov-quang-ngai-2025': ['51', [['prov-quang-ngai', '51'], ['prov-kon-tum', '62']]],
  'prov-gia-lai-2025': ['52', [['prov-gia-lai', '64'], ['prov-binh-dinh', '52']]],
  'prov-khanh-hoa-2025': ['56', [['prov-khanh-hoa', '56'], ['prov-ninh-thuan', '58']]],
  'prov-dak-lak-2025': ['66', [['prov-dak-lak', '66'], ['prov-phu-yen', '54']]],
  'prov-lam-dong-2025': ['68', [['prov-lam-dong', '68'], ['prov-dak-nong', '67'], ['prov-binh-thuan', '60']]],
  'prov-dong-nai-2025': ['75', [['prov-dong-nai', '75'], ['prov-binh-phuoc', '70']]],
  'prov-ho-chi-minh-2025': ['79', [['prov-ho-chi-minh', '79'], ['prov-binh-duong', '74'], ['prov-ba-ria-vung-tau', '77']]],
  'prov-tay-ninh-2025': ['80', [['prov-tay-ninh', '72'], ['prov-long-an', '80']]],
  'prov-dong-thap-2025': ['82', [['prov-dong-thap', '87'], ['prov-tien-giang', '82']]],
  'prov-vinh-long-2025': ['86', [['prov-vinh-long', '86'], ['prov-ben-tre', '83'], ['prov-tra-vinh', '84']]],
  'prov-an-giang-2025': ['91', [['prov-an-giang', '89'], ['prov-kien-giang', '91']]],
  'prov-can-tho-2025': ['92', [['prov-can-tho', '92'], ['prov-soc-trang', '94'], ['prov-hau-giang', '93']]],
  'prov-ca-mau-2025': ['96', [['prov-ca-mau', '96'], ['prov-bac-lieu', '95']]],
};

/** The six socio-economic regions by pre-2025 province, and the two older groupings. */
const REGIONS: Record<string, string[]> = {
  'region-northern-midlands': [
    'prov-ha-giang', 'prov-cao-bang', 'prov-lang-son', 'prov-bac-giang', 'prov-phu-tho', 'prov-thai-nguyen', 'prov-bac-kan',
    'prov-tuyen-quang', 'prov-lao-cai', 'prov-yen-bai', 'prov-lai-chau', 'prov-son-la', 'prov-dien-bien', 'prov-hoa-binh',
  ],
  'region-red-river-delta': [
    'prov-ha-noi', 'prov-hai-phong', 'prov-hai-duong', 'prov-hung-yen', 'prov-vinh-phuc', 'prov-bac-ninh', 'prov-thai-binh',
    'prov-nam-dinh', 'prov-ha-nam', 'prov-ninh-binh', 'prov-quang-ninh',
  ],
  'region-north-central-coast': [
    'prov-thanh-hoa', 'prov-nghe-an', 'prov-ha-tinh', 'prov-quang-binh', 'prov-quang-tri', 'prov-thua-thien-hue', 'prov-da-nang',
    'prov-quang-nam', 'prov-quang-ngai', 'prov-binh-dinh', 'prov-phu-yen', 'prov-khanh-hoa', 'prov-ninh-thuan', 'prov-binh-thuan',
  ],
  'region-central-highlands': ['prov-kon-tum', 'prov-gia-lai', 'prov-dak-lak', 'prov-dak-nong', 'prov-lam-dong'],
  'region-southeast': ['prov-ho-chi-minh', 'prov-dong-nai', 'prov-ba-ria-vung-tau', 'prov-binh-duong', 'prov-binh-phuoc', 'prov-tay-ninh'],
  'region-mekong-delta': [
    'prov-can-tho', 'prov-long-an', 'prov-tien-giang', 'prov-ben-tre', 'prov-tra-vinh', 'prov-vinh-long', 'prov-an-giang',
    'prov-dong-thap', 'prov-kien-giang', 'prov-hau-giang', 'prov-soc-trang', 'prov-bac-lieu', 'prov-ca-mau',
  ],
  'region-south-central-coast': [
    'prov-da-nang', 'prov-quang-nam', 'prov-quang-ngai', 'prov-binh-dinh', 'prov-phu-yen', 'prov-khanh-hoa', 'prov-ninh-thuan', 'prov-binh-thuan',
  ],
  'region-mekong-kez': ['prov-can-tho', 'prov-an-giang', 'prov-kien-giang', 'prov-ca-mau'],
};
const SIX = ['region-northern-midlands', 'region-red-river-delta', 'region-north-central-coast', 'region-central-highlands', 'region-southeast', 'region-mekong-delta'];

describe('Geography: Vietnam’s provincial units before and after the 1 July 2025 merger', () => {
  test('63 provincial units were valid on 30 June 2025 and 34 on 1 July 2025', async () => {
    expect(await provincesOn('2025-06-30')).toHaveLength(63);
    expect(await provincesOn('2025-07-01')).toHaveLength(34);
  });

  test('the 34 units of 1 July 2025 are the 11 unchanged ones and the 23 merged ones', async () => {
    const after = ids(await provincesOn('2025-07-01'));
    expect(after).toEqual([...UNCHANGED, ...Object.keys(MERGERS)].sort());
  });

  test('the 63 units of 30 June 2025 are the unchanged ones and the 52 that merged the next day', async () => {
    const before = ids(await provincesOn('2025-06-30'));
    const merged = Object.values(MERGERS).flatMap(([, former]) => former.map(([id]) => id));
    expect(merged).toHaveLength(52);
    expect(before).toEqual([...UNCHANGED, ...merged].sort());
  });

  test('each merged unit keeps the code of the province hosting its seat and lists its former units with their old codes', async () => {
    for (const [id, [code, former]] of Object.entries(MERGERS)) {
      const { adminUnit } = await q(`query($id: ID!) { adminUnit(id: $id) { statCode validFrom validTo predecessors { id statCode validTo successor { id } succeededOn } } }`, { id });
      expect({ id, statCode: adminUnit.statCode, validFrom: adminUnit.validFrom, validTo: adminUnit.validTo }).toEqual({
        id,
        statCode: code,
        validFrom: '2025-07-01',
        validTo: null,
      });
      expect(adminUnit.predecessors.map((p: any) => [p.id, p.statCode]).sort()).toEqual([...former].sort());
      for (const p of adminUnit.predecessors) {
        expect(p).toMatchObject({ validTo: '2025-06-30', successor: { id }, succeededOn: '2025-07-01' });
      }
    }
  });

  test('Bình Thuận became part of Lâm Đồng (prov-lam-dong-2025) on 1 July 2025', async () => {
    const { adminUnit } = await q(`{ adminUnit(id: "prov-binh-thuan") {
      name statCode isoCode validTo succeededOn current { id name statCode } successor { id } } }`);
    expect(adminUnit).toEqual({
      name: 'Bình Thuận',
      statCode: '60',
      isoCode: 'VN-40',
      validTo: '2025-06-30',
      succeededOn: '2025-07-01',
      current: { id: 'prov-lam-dong-2025', name: 'Lâm Đồng', statCode: '68' },
      successor: { id: 'prov-lam-dong-2025' },
    });
  });

  test('an unchanged unit is its own current unit', async () => {
    const { adminUnit } = await q(`{ adminUnit(id: "prov-ha-noi") { current { id } successor { id } validTo } }`);
    expect(adminUnit).toEqual({ current: { id: 'prov-ha-noi' }, successor: null, validTo: null });
  });

  test('Thừa Thiên Huế became the centrally run city of Huế on 1 January 2025', async () => {
    const { adminUnit } = await q(`{ adminUnit(id: "prov-thua-thien-hue") { validTo succeededOn current { id level statCode validFrom } } }`);
    expect(adminUnit).toEqual({
      validTo: '2024-12-31',
      succeededOn: '2025-01-01',
      current: { id: 'prov-hue', level: 'CITY', statCode: '46', validFrom: '2025-01-01' },
    });
  });

  test('today’s Cần Thơ gathers the organisations of the former Sóc Trăng and Cần Thơ through includePredecessors', async () => {
    const { adminUnit } = await q(`{ adminUnit(id: "prov-can-tho-2025") {
      name level predecessors { id }
      own: organizations { id }
      all: organizations(includePredecessors: true) { id location { id } } } }`);
    expect(adminUnit.name).toBe('Cần Thơ');
    expect(adminUnit.level).toBe('CITY');
    expect(ids(adminUnit.predecessors)).toEqual(['prov-can-tho', 'prov-hau-giang', 'prov-soc-trang']);
    // No seeded organisation is located in the new unit itself.
    expect(adminUnit.own).toEqual([]);
    expect(ids(adminUnit.all)).toEqual(
      expect.arrayContaining(['org-dost-can-tho', 'org-dost-can-tho-office', 'org-pc-can-tho', 'org-dost-soc-trang', 'org-pc-soc-trang']),
    );
    for (const o of adminUnit.all) expect(['prov-can-tho', 'prov-hau-giang', 'prov-soc-trang', 'prov-can-tho-2025']).toContain(o.location.id);
  });

  test('filtering organisations by today’s Cần Thơ includes the Sóc Trăng DOST, and by today’s An Giang the Kiên Giang DOST', async () => {
    const located = async (unit: string) =>
      ids((await q(`query($u: ID!) { organizations(filter: { location: $u }, first: 500) { nodes { id } } }`, { u: unit })).organizations.nodes);
    expect(await located('prov-can-tho-2025')).toEqual(expect.arrayContaining(['org-dost-can-tho', 'org-dost-soc-trang']));
    const anGiang = await located('prov-an-giang-2025');
    expect(anGiang).toEqual(expect.arrayContaining(['org-dost-an-giang', 'org-dost-kien-giang', 'org-pc-kien-giang']));
    expect(anGiang).not.toContain('org-dost-can-tho');
  });

  test('statistics code 91 is Kiên Giang before the merger and the new An Giang after it', async () => {
    const code91 = (units: Array<{ id: string; statCode: string | null }>) => units.filter((u) => u.statCode === '91').map((u) => u.id);
    expect(code91(await provincesOn('2025-06-30'))).toEqual(['prov-kien-giang']);
    expect(code91(await provincesOn('2025-07-01'))).toEqual(['prov-an-giang-2025']);
    const { kg, ag } = await q(`{
      kg: adminUnit(id: "prov-kien-giang") { statCode current { id } }
      ag: adminUnit(id: "prov-an-giang") { statCode isoCode current { id } }
    }`);
    expect(kg).toEqual({ statCode: '91', current: { id: 'prov-an-giang-2025' } });
    expect(ag).toEqual({ statCode: '89', isoCode: 'VN-44', current: { id: 'prov-an-giang-2025' } });
  });

  test('no statistics code is used twice on the same day', async () => {
    for (const day of ['2024-06-30', '2025-06-30', '2025-07-01']) {
      const codes = (await provincesOn(day)).map((u) => u.statCode);
      expect(codes.every((c) => typeof c === 'string' && /^\d{2}$/.test(c))).toBe(true);
      expect(new Set(codes).size).toBe(codes.length);
    }
  });

  test('the ISO 3166-2 codes are their own system (VN-SG Hồ Chí Minh City, VN-CT Cần Thơ, VN-DN Đà Nẵng, VN-HP Hải Phòng)', async () => {
    const { hcm, ct, dn, hp } = await q(`{
      hcm: adminUnit(id: "prov-ho-chi-minh") { isoCode statCode }
      ct: adminUnit(id: "prov-can-tho") { isoCode statCode }
      dn: adminUnit(id: "prov-da-nang") { isoCode statCode }
      hp: adminUnit(id: "prov-hai-phong") { isoCode statCode }
    }`);
    expect([hcm, ct, dn, hp]).toEqual([
      { isoCode: 'VN-SG', statCode: '79' },
      { isoCode: 'VN-CT', statCode: '92' },
      { isoCode: 'VN-DN', statCode: '48' },
      { isoCode: 'VN-HP', statCode: '31' },
    ]);
  });

  test('the six socio-economic regions have 14, 11, 14, 5, 6 and 13 provinces, which together are the 63 units', async () => {
    const { regions } = await q(`{ regions(scheme: SOCIO_ECONOMIC_6) { nodes { id } } }`);
    expect(ids(regions.nodes)).toEqual([...SIX].sort());
    const counts: Record<string, number> = {};
    for (const id of SIX) {
      const r = await q(`query($r: ID!) { adminUnits(filter: { region: $r, validOn: "2024-06-30" }, first: 500) { nodes { id } } }`, { r: id });
      expect(ids(r.adminUnits.nodes)).toEqual([...REGIONS[id]].sort());
      counts[id] = r.adminUnits.nodes.length;
    }
    expect(counts).toEqual({
      'region-northern-midlands': 14,
      'region-red-river-delta': 11,
      'region-north-central-coast': 14,
      'region-central-highlands': 5,
      'region-southeast': 6,
      'region-mekong-delta': 13,
    });
    // On the last day before the merger (Huế in place of Thừa Thiên Huế) every one of the 63 units is in exactly one region.
    let total = 0;
    for (const id of SIX) {
      const r = await q(`query($r: ID!) { adminUnits(filter: { region: $r, validOn: "2025-06-30" }, first: 500) { nodes { id } } }`, { r: id });
      total += r.adminUnits.nodes.length;
    }
    expect(total).toBe(63);
  });

  test('the South Central Coast grouping has 8 provinces and the Mekong Delta key economic zone 4', async () => {
    const { scc, kez } = await q(`{
      scc: region(id: "region-south-central-coast") { scheme members { id } }
      kez: region(id: "region-mekong-kez") { scheme members { id } }
    }`);
    expect(scc.scheme).toBe('SOUTH_CENTRAL_COAST');
    expect(ids(scc.members)).toEqual([...REGIONS['region-south-central-coast']].sort());
    expect(kez.scheme).toBe('KEY_ECONOMIC_ZONE');
    expect(ids(kez.members)).toEqual([...REGIONS['region-mekong-kez']].sort());
  });

  test('Bình Thuận belonged to the North Central and Central Coast region and to the South Central Coast, not to the Central Highlands of today’s Lâm Đồng', async () => {
    const { adminUnit } = await q(`{ adminUnit(id: "prov-binh-thuan") { regions { id } } }`);
    expect(ids(adminUnit.regions)).toEqual(['region-north-central-coast', 'region-south-central-coast']);
  });
});
