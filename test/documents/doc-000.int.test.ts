import { documentQueries, roles, ids, figures } from '../helpers/document';

// Expectations read from seeds/sources/000_a0b3963a142c2ffd.txt: letter 416/SKHCN-VP of 4/4/2024 from Bình Thuận's
// Department of S&T to its Department of Planning and Investment.

const q = documentQueries();

const ACTIVITY = `id kind title status statedStatus startDate endDate place { id } venue partOf { id } agreement { id }
  participants { role organization { id } } figures { name value unit } subEvents { id } parts { id kind ordinal } part { id }`;
const PART = `id kind ordinal title status startDate endDate instrument { ... on Agreement { id } ... on Activity { id } }
  actors { role organization { id } } activities { id }`;

async function part(id: string) {
  return (await q(`query($id: ID!) { part(id: $id) { ${PART} } }`, { id })).part;
}

async function activity(id: string) {
  return (await q(`query($id: ID!) { activity(id: $id) { ${ACTIVITY} } }`, { id })).activity;
}

const PROGRAMME = 'agr-ho-chi-minh-south-central-coast-socio-economic';
const PROPOSAL = 'agr-ho-chi-minh-binh-thuan-2024-2025';

describe('Letter 416/SKHCN-VP (4 April 2024): Bình Thuận DOST reports S&T results under the HCMC–South Central Coast programme', () => {
  test('the letter is document 416/SKHCN-VP of 4 April 2024, issued by the Bình Thuận Department of S&T', async () => {
    const { source } = await q(`{ source(id: "src-000") { id kind number publishedOn file language publisher { id name } } }`);
    expect(source).toMatchObject({
      kind: 'OFFICIAL_LETTER',
      number: '416/SKHCN-VP',
      publishedOn: '2024-04-04',
      file: 'sources/000_a0b3963a142c2ffd.txt',
      language: 'vi',
      publisher: { id: 'org-dost-binh-thuan', name: 'Sở Khoa học và Công nghệ tỉnh Bình Thuận' },
    });
  });

  test('Director Nguyễn Quốc Việt signed the letter for the Bình Thuận DOST', async () => {
    const { source, person } = await q(`{
      source(id: "src-000") { signatures { person { id name } onBehalfOf { id } agreement { id } } }
      person(id: "per-nguyen-quoc-viet") { name positions { title asOf organization { id } } }
    }`);
    expect(source.signatures).toEqual([
      { person: { id: 'per-nguyen-quoc-viet', name: 'Nguyễn Quốc Việt' }, onBehalfOf: { id: 'org-dost-binh-thuan' }, agreement: null },
    ]);
    expect(person.positions).toEqual([{ title: 'GIÁM ĐỐC', asOf: '2024-04-04', organization: { id: 'org-dost-binh-thuan' } }]);
  });

  test('the recipient is the Bình Thuận Department of Planning and Investment, a department of the provincial People’s Committee', async () => {
    const { organization } = await q(`{ organization(id: "org-dpi-binh-thuan") { kind category name location { id } parent { id } } }`);
    expect(organization).toEqual({
      kind: 'GOVERNMENT',
      category: 'DEPARTMENT',
      name: 'Sở Kế hoạch và Đầu tư tỉnh Bình Thuận',
      location: { id: 'prov-binh-thuan' },
      parent: { id: 'org-pc-binh-thuan' },
    });
  });

  test('the HCMC–South Central Coast socio-economic programme binds HCMC and Bình Thuận, and the DOST implements it', async () => {
    const { agreement } = await q(`{ agreement(id: "${PROGRAMME}") {
      kind title status signedOn parties { role organization { id } } } }`);
    expect(agreement.kind).toBe('PROGRAMME');
    expect(agreement.title).toBe(
      'Chương trình hợp tác phát triển kinh tế - xã hội giữa Thành phố Hồ Chí Minh và các tỉnh vùng Duyên hải Nam Trung Bộ',
    );
    expect(agreement.status).toBe('IN_FORCE');
    // The letter gives no signing date for the programme.
    expect(agreement.signedOn).toBeNull();
    expect(roles(agreement.parties)).toEqual([
      'org-dost-binh-thuan:IMPLEMENTER',
      'org-pc-binh-thuan:PARTNER',
      'org-pc-ho-chi-minh:PARTNER',
    ]);
  });

  test('Bình Thuận will host the one-year review conference of the programme, as proposed by the HCMC Department of Industry and Trade', async () => {
    const a = await activity('act-ho-chi-minh-south-central-coast-one-year-review');
    expect(a).toMatchObject({ kind: 'CONFERENCE', status: 'PLANNED', place: { id: 'prov-binh-thuan' }, agreement: { id: PROGRAMME } });
    expect(a.title).toContain('Hội nghị sơ kết 01 năm');
    // DPI asked (letter 1030/SKHĐT-HTĐT) for help organising it; the DOST co-operates; the province hosts.
    expect(roles(a.participants)).toEqual([
      'org-doit-ho-chi-minh:PROPOSER',
      'org-dost-binh-thuan:CO_ORGANISER',
      'org-dpi-binh-thuan:ORGANISER',
      'org-pc-binh-thuan:HOST',
    ]);
    const { organization } = await q(`{ organization(id: "org-doit-ho-chi-minh") { name location { id } parent { id } } }`);
    expect(organization).toEqual({ name: 'Sở Công Thương Thành phố Hồ Chí Minh', location: { id: 'prov-ho-chi-minh' }, parent: { id: 'org-pc-ho-chi-minh' } });
  });

  test('the DOST and the VNU-HCM Institute for Nanotechnology co-organised the 8th IWNA conference in Bình Thuận', async () => {
    const a = await activity('act-iwna-8');
    expect(a).toMatchObject({ kind: 'CONFERENCE', status: 'HELD', place: { id: 'prov-binh-thuan' }, agreement: { id: PROGRAMME } });
    expect(a.title).toContain('IWNA lần thứ 8');
    expect(roles(a.participants)).toEqual(['org-dost-binh-thuan:CO_ORGANISER', 'org-vnu-hcm-inst-nano:CO_ORGANISER']);
    const { organization } = await q(`{ organization(id: "org-vnu-hcm-inst-nano") { name parent { id } } }`);
    expect(organization).toEqual({ name: 'Viện Công nghệ Nano', parent: { id: 'org-vnu-hcm' } });
  });

  test('International University (VNU-HCM) proposed the collagen-biomaterial S&T task for the province to consider', async () => {
    const a = await activity('act-iu-collagen-biomaterials-task');
    expect(a).toMatchObject({
      kind: 'RESEARCH_TASK',
      status: 'PROPOSED',
      title: 'Nghiên cứu chế tạo vật liệu sinh học trên cơ sở collagen tự nhiên từ phụ phẩm hải sản',
      agreement: { id: PROGRAMME },
    });
    expect(roles(a.participants)).toEqual(['org-pc-binh-thuan:PARTNER', 'org-vnu-hcm-iu:PROPOSER']);
    const { organization } = await q(`{ organization(id: "org-vnu-hcm-iu") { name parent { id } } }`);
    expect(organization).toEqual({ name: 'Trường Đại học Quốc tế', parent: { id: 'org-vnu-hcm' } });
  });

  test('the DOST ran its startup activities with VNU-HCM, International University and the Ecotech village of the national Techfest', async () => {
    const a = await activity('act-binh-thuan-hcmc-startup-cooperation');
    expect(a).toMatchObject({ kind: 'COLLABORATION', agreement: { id: PROGRAMME } });
    expect(roles(a.participants)).toEqual([
      'org-dost-binh-thuan:LEAD',
      'org-ecotech-village-techfest:PARTNER',
      'org-vnu-hcm-iu:PARTNER',
      'org-vnu-hcm:PARTNER',
    ]);
    expect(ids(a.subEvents)).toEqual([
      'act-binh-thuan-incubator-staff-training',
      'act-binh-thuan-startup-competition-2022-2024',
      'act-binh-thuan-techmart-2023',
      'act-binh-thuan-women-ip-seminar',
    ]);
    const { organization } = await q(`{ organization(id: "org-ecotech-village-techfest") { kind name location { id } } }`);
    expect(organization).toEqual({ kind: 'NETWORK', name: 'Làng sinh thái Ecotech – Techfest quốc gia', location: { id: 'prov-ho-chi-minh' } });
  });

  test('the DOST organises the 2nd Bình Thuận innovative-startup competition 2022–2024', async () => {
    const a = await activity('act-binh-thuan-startup-competition-2022-2024');
    expect(a).toMatchObject({
      kind: 'COMPETITION',
      title: 'Khởi nghiệp đổi mới sáng tạo tỉnh Bình Thuận lần II năm 2022 - 2024',
      startDate: '2022',
      endDate: '2024',
      place: { id: 'prov-binh-thuan' },
      partOf: { id: 'act-binh-thuan-hcmc-startup-cooperation' },
      // Ongoing when the letter was written; its period has passed today.
      statedStatus: 'ONGOING',
      status: 'HELD',
    });
    expect(roles(a.participants)).toEqual(['org-dost-binh-thuan:ORGANISER', 'org-vnu-hcm:JUDGE']);
    // The event series has organisers of its own, so it is a sub-event; the two rounds have none and are parts.
    expect(ids(a.subEvents)).toEqual(['act-binh-thuan-startup-event-series-2022-2024']);
    expect(a.parts.map((p: any) => `${p.id}:${p.kind}:${p.ordinal}`)).toEqual([
      'part-binh-thuan-startup-competition-2022-2024-preliminary:ROUND:1',
      'part-binh-thuan-startup-competition-2022-2024-final:ROUND:2',
    ]);
  });

  test('the competition’s event series held three conferences with 200 delegates and 20 exhibition booths', async () => {
    const a = await activity('act-binh-thuan-startup-event-series-2022-2024');
    expect(a).toMatchObject({
      title: 'Thúc đẩy hoạt động khởi nghiệp đổi mới sáng tạo tỉnh Bình Thuận',
      status: 'HELD',
      place: { id: 'prov-binh-thuan' },
      partOf: { id: 'act-binh-thuan-startup-competition-2022-2024' },
    });
    expect(figures(a.figures)).toEqual({ conferences: 3, delegates: 200, booths: 20 });
    expect(roles(a.participants)).toEqual(['org-dost-binh-thuan:ORGANISER']);
    const parts = await Promise.all(a.subEvents.map((p: { id: string }) => activity(p.id)));
    expect(parts.map((p) => p.title).sort()).toEqual([
      'Cung cấp kiến thức về khởi nghiệp đổi mới sáng tạo cho các doanh nghiệp và đối tượng dự thi',
      'Hướng dẫn kỹ năng viết hồ sơ đăng ký dự thi',
      'Kiến thức kinh doanh và thúc đẩy thương mại hoá sản phẩm, dự án khởi nghiệp',
    ]);
    for (const p of parts) {
      expect(p).toMatchObject({ kind: 'CONFERENCE', status: 'HELD' });
      expect(roles(p.participants)).toEqual(['org-dost-binh-thuan:ORGANISER']);
    }
  });

  test('VNU-HCM experts judged the preliminary round, and are to be invited to judge the final round', async () => {
    const COMPETITION = { id: 'act-binh-thuan-startup-competition-2022-2024' };
    const pre = await part('part-binh-thuan-startup-competition-2022-2024-preliminary');
    expect(pre).toMatchObject({ kind: 'ROUND', ordinal: 1, status: 'ENDED', instrument: COMPETITION });
    const fin = await part('part-binh-thuan-startup-competition-2022-2024-final');
    expect(fin).toMatchObject({ kind: 'ROUND', ordinal: 2, status: 'PLANNED', instrument: COMPETITION, actors: [] });
    // Inviting the judges for the final is one of the directions the letter proposes.
    const invite = await part('part-ho-chi-minh-binh-thuan-2024-2025-final-round-judges');
    expect(invite).toMatchObject({ kind: 'PROPOSED_DIRECTION', ordinal: 4, status: 'PROPOSED', instrument: { id: PROPOSAL } });
    expect(roles(invite.actors)).toEqual(['org-dost-binh-thuan:PROPOSER']);
  });

  test('the DOST held the seminar “Phụ nữ với sở hữu trí tuệ - Thúc đẩy đổi mới sáng tạo”', async () => {
    const a = await activity('act-binh-thuan-women-ip-seminar');
    expect(a).toMatchObject({ kind: 'SEMINAR', status: 'HELD', title: 'Phụ nữ với sở hữu trí tuệ - Thúc đẩy đổi mới sáng tạo' });
    expect(roles(a.participants)).toEqual(['org-dost-binh-thuan:ORGANISER']);
  });

  test('the incubator-staff training trained 10 people from the DOST’s two centres', async () => {
    const a = await activity('act-binh-thuan-incubator-staff-training');
    expect(a).toMatchObject({ kind: 'TRAINING', status: 'HELD' });
    expect(figures(a.figures)).toMatchObject({ trainees: 10, organizations_trained: 2 });
    expect(roles(a.participants)).toEqual([
      'org-dost-binh-thuan-info-application-centre:BENEFICIARY',
      'org-dost-binh-thuan-standards-metrology-quality-centre:BENEFICIARY',
      'org-dost-binh-thuan:ORGANISER',
    ]);
    const { organization } = await q(`{ organization(id: "org-dost-binh-thuan") { children { id name } } }`);
    expect(organization.children).toEqual(
      expect.arrayContaining([
        { id: 'org-dost-binh-thuan-info-application-centre', name: 'Trung tâm Thông tin và Ứng dụng tiến bộ KHCN' },
        { id: 'org-dost-binh-thuan-standards-metrology-quality-centre', name: 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng' },
      ]),
    );
  });

  test('the DOST held the Bình Thuận technology and equipment fair (Techmart) in 2023', async () => {
    const a = await activity('act-binh-thuan-techmart-2023');
    expect(a).toMatchObject({
      kind: 'TECHMART',
      status: 'HELD',
      title: 'Hội chợ Công nghệ Thiết bị tỉnh Bình Thuận năm 2023',
      startDate: '2023',
      endDate: '2023',
      place: { id: 'prov-binh-thuan' },
    });
    expect(roles(a.participants)).toEqual(['org-dost-binh-thuan:ORGANISER']);
  });

  test('the DOST proposes bilateral HCMC–Bình Thuận cooperation for 2024–2025 with four S&T directions, one proposal counted once', async () => {
    const { agreement } = await q(`{ agreement(id: "${PROPOSAL}") {
      kind status validFrom validTo implements { id } parties { role organization { id } } activities { id kind status }
      parts { id kind ordinal status actors { role organization { id } } } } }`);
    expect(agreement).toMatchObject({ kind: 'PROPOSAL', status: 'PROPOSED', validFrom: '2024', validTo: '2025', implements: null });
    expect(roles(agreement.parties)).toEqual(['org-dost-binh-thuan:PROPOSER', 'org-pc-binh-thuan:PARTNER', 'org-pc-ho-chi-minh:PARTNER']);
    expect(agreement.parts.map((p: any) => `${p.ordinal}:${p.id}:${p.kind}:${p.status}`)).toEqual([
      '1:part-ho-chi-minh-binh-thuan-2024-2025-bme10:PROPOSED_DIRECTION:PROPOSED',
      '2:part-ho-chi-minh-binh-thuan-2024-2025-startup-support:PROPOSED_DIRECTION:PROPOSED',
      '3:part-ho-chi-minh-binh-thuan-2024-2025-incubator-consulting:PROPOSED_DIRECTION:PROPOSED',
      '4:part-ho-chi-minh-binh-thuan-2024-2025-final-round-judges:PROPOSED_DIRECTION:PROPOSED',
    ]);
    for (const p of agreement.parts) expect(roles(p.actors)).toEqual(['org-dost-binh-thuan:PROPOSER']);
    // Only BME10, an event with organisers of its own, remains an activity under the proposal.
    expect(agreement.activities.map((a: any) => `${a.id}:${a.kind}:${a.status}`)).toEqual(['act-bme10:CONFERENCE:PROPOSED']);
  });

  test('BME10 is to be co-organised with International University (VNU-HCM)', async () => {
    const a = await activity('act-bme10');
    expect(a.title).toBe('Hội nghị Quốc tế về Phát triển Kỹ thuật Y Sinh lần 10 (BME10)');
    expect(roles(a.participants)).toEqual(['org-dost-binh-thuan:CO_ORGANISER', 'org-vnu-hcm-iu:CO_ORGANISER']);
    expect(a).toMatchObject({ agreement: { id: PROPOSAL }, part: { id: 'part-ho-chi-minh-binh-thuan-2024-2025-bme10' } });
  });

  test('all the reported results belong to the programme: it lists exactly the items of section 2 of the letter', async () => {
    const { agreement } = await q(`{ agreement(id: "${PROGRAMME}") { activities { id } } }`);
    expect(ids(agreement.activities)).toEqual([
      'act-binh-thuan-hcmc-startup-cooperation',
      'act-binh-thuan-incubator-staff-training',
      'act-binh-thuan-startup-competition-2022-2024',
      'act-binh-thuan-startup-event-series-2022-2024',
      'act-binh-thuan-startup-series-application-writing',
      'act-binh-thuan-startup-series-business-commercialisation',
      'act-binh-thuan-startup-series-innovation-knowledge',
      'act-binh-thuan-techmart-2023',
      'act-binh-thuan-women-ip-seminar',
      'act-ho-chi-minh-south-central-coast-one-year-review',
      'act-iu-collagen-biomaterials-task',
      'act-iwna-8',
    ]);
  });

  test('VNU-HCM is known by the spellings the letter uses', async () => {
    const { organization } = await q(`{ organization(id: "org-vnu-hcm") { name aliases } }`);
    expect(organization.name).toBe('Đại học Quốc gia Thành phố Hồ Chí Minh');
    expect(organization.aliases).toEqual(expect.arrayContaining(['Trường Đại học Quốc gia TP Hồ Chí Minh', 'Đại học Quốc gia Tp.HCM']));
  });

  test('the events the letter places in Bình Thuận count under today’s Lâm Đồng', async () => {
    const { activities } = await q(`{ activities(filter: { place: "prov-lam-dong-2025" }, first: 500) { nodes { id } } }`);
    expect(ids(activities.nodes)).toEqual(
      expect.arrayContaining([
        'act-ho-chi-minh-south-central-coast-one-year-review',
        'act-iwna-8',
        'act-binh-thuan-startup-competition-2022-2024',
        'act-binh-thuan-startup-event-series-2022-2024',
        'act-binh-thuan-techmart-2023',
      ]),
    );
  });
});
