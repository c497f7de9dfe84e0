import { documentQueries, roles, ids, type Party } from '../helpers/document';

// Expectations read from seeds/sources/001_f856537dc382b01b.txt: news item on the cooperation programme signed on
// 26/10/2018 by the S&T departments of the Mekong Delta key economic zone under agreement 16/TTHT-UBND (9/5/2018).

const q = documentQueries();

const FRAMEWORK = 'agr-mekong-kez-pc-16-ttht-ubnd-2018';
const PROGRAMME = 'agr-mekong-kez-dost-programme-2018';
const FOUR_DOSTS = ['org-dost-an-giang', 'org-dost-ca-mau', 'org-dost-can-tho', 'org-dost-kien-giang'];
const FOUR_PCS = ['org-pc-an-giang', 'org-pc-ca-mau', 'org-pc-can-tho', 'org-pc-kien-giang'];
const withRole = (orgs: string[], role: string) => orgs.map((o) => `${o}:${role}`);

const ACTIVITY = `id kind title status startDate endDate place { id } venue partOf { id } agreement { id }
  participants { role organization { id } } figures { name value unit } subEvents { id }`;
const CONTENT = (id: string) => `part-mekong-kez-dost-2018-${id}`;

async function activity(id: string) {
  return (await q(`query($id: ID!) { activity(id: $id) { ${ACTIVITY} } }`, { id })).activity;
}

describe('News: the Mekong Delta key-economic-zone S&T departments sign a cooperation programme (26 October 2018)', () => {
  test('the source is a Vietnamese news item titled after the signing', async () => {
    const { source } = await q(`{ source(id: "src-001") { kind title language file } }`);
    expect(source).toEqual({
      kind: 'NEWS',
      title: 'Ký kết hợp tác về khoa học và công nghệ giữa các Sở Khoa học và Công nghệ Vùng kinh tế trọng điểm đồng bằng sông Cửu Long',
      language: 'vi',
      file: 'sources/001_f856537dc382b01b.txt',
    });
  });

  test('agreement 16/TTHT-UBND of 9 May 2018 was signed by the People’s Committees of Cà Mau, An Giang, Kiên Giang and Cần Thơ for 2016–2020', async () => {
    const { agreement } = await q(`{ agreement(id: "${FRAMEWORK}") {
      kind number signedOn validFrom validTo status statedStatus parties { role organization { id } } } }`);
    expect(agreement).toMatchObject({
      kind: 'AGREEMENT',
      number: '16/TTHT-UBND',
      signedOn: '2018-05-09',
      validFrom: '2016',
      validTo: '2020',
      statedStatus: 'SIGNED',
      // Signed, and past its period today.
      status: 'ENDED',
    });
    expect(roles(agreement.parties)).toEqual(withRole(FOUR_PCS, 'SIGNATORY'));
  });

  test('the four Mekong Delta S&T departments signed the programme on 26 October 2018 at An Giang', async () => {
    const { agreement } = await q(`{ agreement(id: "${PROGRAMME}") {
      kind title signedOn signedAt { id } status statedStatus parties { role organization { id } } } }`);
    expect(agreement).toMatchObject({
      kind: 'PROGRAMME',
      title: 'Chương trình hợp tác phát triển kinh tế - xã hội các tỉnh, thành phố vùng kinh tế trọng điểm đồng bằng sông Cửu Long',
      signedOn: '2018-10-26',
      signedAt: { id: 'prov-an-giang' },
      statedStatus: 'SIGNED',
      status: 'ENDED',
    });
    const signatories = agreement.parties.filter((p: Party) => p.role === 'SIGNATORY');
    expect(roles(signatories)).toEqual(withRole(FOUR_DOSTS, 'SIGNATORY'));
  });

  test('the programme implements agreement 16/TTHT-UBND', async () => {
    const { programme, framework } = await q(`{
      programme: agreement(id: "${PROGRAMME}") { implements { id number } }
      framework: agreement(id: "${FRAMEWORK}") { implementations { id } }
    }`);
    expect(programme.implements).toEqual({ id: FRAMEWORK, number: '16/TTHT-UBND' });
    expect(ids(framework.implementations)).toEqual([PROGRAMME]);
  });

  test('the programme runs from its signing “to 2020”', async () => {
    const { agreement } = await q(`{ agreement(id: "${PROGRAMME}") { validFrom validTo } }`);
    expect(agreement).toEqual({ validFrom: '2018-10-26', validTo: '2020' });
  });

  test('the programme is in force in 2019 and neither before its signing nor after 2020', async () => {
    const inForce = async (on: string) =>
      ids((await q(`query($on: LocalDate!) { agreements(filter: { inForceOn: $on, party: "org-dost-can-tho" }, first: 500) { nodes { id } } }`, { on })).agreements.nodes);
    expect(await inForce('2019-06-01')).toEqual(expect.arrayContaining([PROGRAMME]));
    expect(await inForce('2018-06-01')).not.toContain(PROGRAMME);
    expect(await inForce('2021-01-01')).not.toContain(PROGRAMME);
  });

  test('the Cần Thơ DOST is the focal point, and the Offices of the four departments coordinate reporting and planning', async () => {
    const { agreement } = await q(`{ agreement(id: "${PROGRAMME}") { parties { role organization { id ... on GovernmentBody { parent { id } } } } } }`);
    const coordinators = agreement.parties.filter((p: Party) => p.role === 'COORDINATOR');
    expect(roles(coordinators)).toEqual([
      'org-dost-an-giang-office:COORDINATOR',
      'org-dost-ca-mau-office:COORDINATOR',
      'org-dost-can-tho-office:COORDINATOR',
      'org-dost-can-tho:COORDINATOR',
      'org-dost-kien-giang-office:COORDINATOR',
    ]);
    for (const p of coordinators) {
      if (p.organization.id.endsWith('-office')) expect(p.organization.parent.id).toBe(p.organization.id.replace(/-office$/, ''));
    }
    // Only Cần Thơ among the departments is the focal point.
    const dostCoordinators = coordinators.filter((p: Party) => FOUR_DOSTS.includes(p.organization.id));
    expect(dostCoordinators.map((p: Party) => p.organization.id)).toEqual(['org-dost-can-tho']);
  });

  test('the signing ceremony took place on 26 October 2018 at the An Giang DOST during the 2018 Mekong Delta startup festival', async () => {
    const a = await activity('act-mekong-kez-dost-signing-2018');
    expect(a).toMatchObject({
      kind: 'MEETING',
      status: 'HELD',
      startDate: '2018-10-26',
      endDate: '2018-10-26',
      place: { id: 'prov-an-giang' },
      venue: 'Sở KH&CN An Giang',
      partOf: { id: 'act-mekong-startup-day-2018' },
      // The ceremony signed the departments' programme, not the People's Committees' framework agreement.
      agreement: { id: PROGRAMME },
    });
    expect(a.figures).toEqual([expect.objectContaining({ name: 'signatory_departments', value: 4 })]);
    expect(roles(a.participants)).toEqual(['org-dost-an-giang:HOST', ...withRole(FOUR_DOSTS, 'PARTICIPANT')].sort());
  });

  test('the 2018 Mekong Delta innovative-startup festival was held in An Giang', async () => {
    const a = await activity('act-mekong-startup-day-2018');
    expect(a).toMatchObject({
      kind: 'FESTIVAL',
      status: 'HELD',
      title: 'Ngày hội khởi nghiệp đổi mới sáng tạo vùng ĐBSCL năm 2018',
      startDate: '2018',
      endDate: '2018',
      place: { id: 'prov-an-giang' },
    });
    expect(ids(a.subEvents)).toEqual(['act-mekong-kez-dost-signing-2018']);
  });

  test('the programme has four numbered planned contents and three sub-items, all parts of the one programme', async () => {
    const { agreement } = await q(`{ agreement(id: "${PROGRAMME}") {
      activities { id } parts { id kind ordinal status title actors { role } instrument { ... on Agreement { id } } } } }`);
    expect(agreement.parts.map((p: any) => `${p.ordinal}:${p.id}`)).toEqual([
      `1:${CONTENT('c1-tech-exchange')}`,
      `2:${CONTENT('c2-journal')}`,
      `3:${CONTENT('c3-startup-ecosystem')}`,
      `4:${CONTENT('c4-hr-training')}`,
      // Unnumbered sub-items come last, by id.
      `null:${CONTENT('c1-policy-advice')}`,
      `null:${CONTENT('c1-techmart-support')}`,
      `null:${CONTENT('c4-expert-database')}`,
    ]);
    for (const p of agreement.parts) {
      expect(p).toMatchObject({ kind: 'PLANNED_CONTENT', status: 'PLANNED', instrument: { id: PROGRAMME } });
      // The four departments are the programme's signatories; no content names an organisation of its own.
      expect(p.actors).toEqual([]);
    }
    // The contents no longer count as activities: the programme's activities are its signing and its review meeting.
    expect(ids(agreement.activities)).toEqual(['act-mekong-kez-dost-2018-annual-review', 'act-mekong-kez-dost-signing-2018']);
    const titles = Object.fromEntries(agreement.parts.map((p: any) => [p.id, p.title]));
    expect(titles[CONTENT('c1-tech-exchange')]).toBe('Xây dựng và hoàn thiện Đề án thành lập Sàn giao dịch công nghệ Vùng ĐBSCL');
    expect(titles[CONTENT('c2-journal')]).toContain('Mekong Delta Journal of Science and Technology');
    expect(titles[CONTENT('c4-hr-training')]).toBe('Đẩy mạnh hợp tác trong đào tạo nguồn nhân lực KH&CN');
    expect(titles[CONTENT('c4-expert-database')]).toBe('Xây dựng cơ sở dữ liệu các chuyên gia khoa học và công nghệ khu vực ĐBSCL');
  });

  test('the department leaders meet once a year to review the programme', async () => {
    const a = await activity('act-mekong-kez-dost-2018-annual-review');
    expect(a).toMatchObject({ kind: 'MEETING', status: 'PLANNED' });
    expect(a.figures).toEqual([{ name: 'review_interval', value: 1, unit: 'years' }]);
    expect(roles(a.participants)).toEqual(withRole(FOUR_DOSTS, 'PARTICIPANT'));
  });

  test('the signatory departments sit in exactly the provinces of the Mekong Delta key economic zone', async () => {
    const { region, ...orgs } = await q(`{
      region(id: "region-mekong-kez") { members { id } }
      ag: organization(id: "org-dost-an-giang") { location { id } }
      cm: organization(id: "org-dost-ca-mau") { location { id } }
      ct: organization(id: "org-dost-can-tho") { location { id } }
      kg: organization(id: "org-dost-kien-giang") { location { id } }
    }`);
    const locations = Object.values(orgs).map((o: any) => o.location.id).sort();
    expect(locations).toEqual(['prov-an-giang', 'prov-ca-mau', 'prov-can-tho', 'prov-kien-giang']);
    expect(ids(region.members)).toEqual(locations);
  });

  test('each signatory department lists the programme among its agreements', async () => {
    for (const org of FOUR_DOSTS) {
      const { organization } = await q(`query($id: ID!) { organization(id: $id) { agreements { role agreement { id } } } }`, { id: org });
      expect(organization.agreements).toContainEqual({ role: 'SIGNATORY', agreement: { id: PROGRAMME } });
    }
  });
});
