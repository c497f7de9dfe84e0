import { documentQueries, roles, ids } from '../helpers/document';

// Expectations read from seeds/sources/003_4c61b208aa2e53e7.txt: news item on the cooperation memorandum of the HCMC
// and Sóc Trăng Departments of S&T for 2019–2020 (startup and innovation support).

const q = documentQueries();

const MEMO = 'agr-dost-hcm-soc-trang-2019-2020';
const SCOUTING = 'part-dost-hcm-soc-trang-2019-2020-research-idea-scouting';
const BOTH = ['org-dost-ho-chi-minh:PARTNER', 'org-dost-soc-trang:PARTNER'];

const ACTIVITY = `id kind title status startDate endDate place { id } venue partOf { id } agreement { id } part { id }
  participants { role organization { id } }`;

async function activity(id: string) {
  return (await q(`query($id: ID!) { activity(id: $id) { ${ACTIVITY} } }`, { id })).activity;
}

describe('News: HCMC supports Sóc Trăng in startup and innovation support (DOST memorandum 2019–2020)', () => {
  test('the source is a Vietnamese news item that states no publication date', async () => {
    const { source } = await q(`{ source(id: "src-003") { kind title language file publishedOn } }`);
    expect(source).toEqual({
      kind: 'NEWS',
      title: 'TP.HCM hỗ trợ Sóc Trăng tạo lập và phát triển hoạt động hỗ trợ khởi nghiệp - đổi mới sáng tạo',
      language: 'vi',
      file: 'sources/003_4c61b208aa2e53e7.txt',
      publishedOn: null,
    });
  });

  test('the HCMC and Sóc Trăng S&T departments are the two parties of the 2019–2020 S&T cooperation memorandum', async () => {
    const { agreement } = await q(`{ agreement(id: "${MEMO}") {
      kind title validFrom validTo signedOn parties { role organization { id } } topics { id } } }`);
    expect(agreement).toMatchObject({
      kind: 'MEMORANDUM',
      title: 'Biên bản hợp tác phát triển KHCN giữa Sở KHCN TP.HCM và Sở KHCN Sóc Trăng trong giai đoạn 2019-2020',
      validFrom: '2019',
      validTo: '2020',
      // The item names the memorandum and its period but gives no signing date.
      signedOn: null,
    });
    expect(roles(agreement.parties)).toEqual(BOTH);
  });

  test('the memorandum focuses on startup and innovation support', async () => {
    const { agreement } = await q(`{ agreement(id: "${MEMO}") { topics { id } } }`);
    expect(ids(agreement.topics)).toEqual(expect.arrayContaining(['topic-innovation', 'topic-startup']));
  });

  test('the memorandum is in force in 2019 and 2020 only', async () => {
    const inForce = async (on: string) =>
      ids((await q(`query($on: LocalDate!) { agreements(filter: { inForceOn: $on, party: "org-dost-soc-trang" }, first: 500) { nodes { id } } }`, { on })).agreements.nodes);
    expect(await inForce('2019-03-01')).toContain(MEMO);
    expect(await inForce('2020-12-31')).toContain(MEMO);
    expect(await inForce('2018-12-31')).not.toContain(MEMO);
    expect(await inForce('2021-01-01')).not.toContain(MEMO);
  });

  test('the two departments plan seven contents, all parts of the one memorandum', async () => {
    const { agreement } = await q(`{ agreement(id: "${MEMO}") {
      implementations { id } parts { id kind ordinal status title actors { role } } } }`);
    // The contents are parts of the memorandum, not agreements that implement it.
    expect(agreement.implementations).toEqual([]);
    expect(agreement.parts.map((p: any) => `${p.ordinal}:${p.id}`)).toEqual([
      '1:part-dost-hcm-soc-trang-2019-2020-technical-advances',
      '2:part-dost-hcm-soc-trang-2019-2020-training',
      '3:part-dost-hcm-soc-trang-2019-2020-enterprise-st-programmes',
      '4:part-dost-hcm-soc-trang-2019-2020-research-idea-scouting',
      '5:part-dost-hcm-soc-trang-2019-2020-sme-startup-support',
      '6:part-dost-hcm-soc-trang-2019-2020-national-international-resources',
      '7:part-dost-hcm-soc-trang-2019-2020-startup-idea-st-tasks',
    ]);
    for (const c of agreement.parts) {
      expect(c).toMatchObject({ kind: 'PLANNED_CONTENT', status: 'PLANNED' });
      expect(c.actors).toEqual([]);
    }
    const titles = agreement.parts.map((c: any) => c.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Phối hợp triển khai ứng dụng tiến bộ kỹ thuật để nâng cao chất lượng sản phẩm hàng hóa, đổi mới công nghệ, thiết bị nâng cao năng lực cạnh tranh',
        'Tăng cường hợp tác đào tạo, tập huấn nâng cao nghiệp vụ chuyên môn',
        'Xây dựng các chương trình hỗ trợ doanh nghiệp ứng dụng khoa học và công nghệ',
        'Tìm kiếm, phát hiện các tổ chức và cá nhân có kết quả nghiên cứu, ý tưởng sáng tạo',
        'Hỗ trợ doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo về kiến thức quản lý, tầm nhìn, phương pháp tiếp cận',
      ]),
    );
  });

  test('the HCMC DOST will take part in three Sóc Trăng events: Techfest Soctrang, the STEM day and the startup idea competition', async () => {
    const { part } = await q(`{ part(id: "${SCOUTING}") { activities { id } } }`);
    expect(ids(part.activities)).toEqual(['act-soc-trang-startup-idea-competition', 'act-soc-trang-stem-day', 'act-techfest-soctrang']);
    const expected: Record<string, [string, string]> = {
      'act-techfest-soctrang': ['FESTIVAL', 'Ngày hội khởi nghiệp sáng tạo Techfest Soctrang'],
      'act-soc-trang-stem-day': ['FESTIVAL', 'Ngày hội STEM'],
      'act-soc-trang-startup-idea-competition': ['COMPETITION', 'Cuộc thi ý tưởng khởi nghiệp sáng tạo Sóc Trăng'],
    };
    for (const [id, [kind, title]] of Object.entries(expected)) {
      const a = await activity(id);
      expect(a).toMatchObject({ kind, title, status: 'PLANNED', place: { id: 'prov-soc-trang' }, agreement: { id: MEMO }, part: { id: SCOUTING } });
      expect(roles(a.participants)).toEqual(['org-dost-ho-chi-minh:PARTICIPANT']);
    }
  });

  test('the two departments had already cooperated well on S&T tasks, information exchange and S&T services', async () => {
    const a = await activity('act-dost-hcm-soc-trang-st-cooperation');
    expect(a).toMatchObject({ kind: 'COLLABORATION', status: 'HELD' });
    expect(roles(a.participants)).toEqual(BOTH);
  });

  test('the item’s short names “Sở KHCN TP.HCM” and “Sở KHCN Sóc Trăng” resolve to the two departments', async () => {
    const { hcm, st } = await q(`{
      hcm: organization(id: "org-dost-ho-chi-minh") { name aliases location { id } }
      st: organization(id: "org-dost-soc-trang") { name aliases location { id } }
    }`);
    expect(hcm.name).toBe('Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh');
    expect(hcm.aliases).toContain('Sở KHCN TP.HCM');
    expect(hcm.location).toEqual({ id: 'prov-ho-chi-minh' });
    expect(st.name).toBe('Sở Khoa học và Công nghệ tỉnh Sóc Trăng');
    expect(st.aliases).toEqual(expect.arrayContaining(['Sở KHCN Sóc Trăng', 'Sở KHCN tỉnh Sóc Trăng']));
    expect(st.location).toEqual({ id: 'prov-soc-trang' });
  });

  test('the Sóc Trăng DOST has one agreement from this item, the memorandum, as partner: its contents do not count again', async () => {
    const { organization } = await q(`{ organization(id: "org-dost-soc-trang") { agreements { role agreement { id } } } }`);
    const mine = organization.agreements.filter((p: any) => p.agreement.id.startsWith(MEMO));
    expect(mine).toEqual([{ role: 'PARTNER', agreement: { id: MEMO } }]);
  });

  test('the planned Sóc Trăng events count under today’s Cần Thơ', async () => {
    const { activities } = await q(`{ activities(filter: { place: "prov-can-tho-2025" }, first: 500) { nodes { id } } }`);
    expect(ids(activities.nodes)).toEqual(
      expect.arrayContaining(['act-soc-trang-startup-idea-competition', 'act-soc-trang-stem-day', 'act-techfest-soctrang']),
    );
  });
});
