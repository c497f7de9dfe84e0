import { documentQueries, roles, ids } from '../helpers/document';

// Expectations read from seeds/sources/004_90fea6014b45a80b.txt: news item of 24/10/2024 on the HCMC Department of S&T
// receiving a delegation of the state of Victoria, Australia; past work with UTS/New South Wales, CSIRO and Griffith
// University; the directions proposed for HCMC–Victoria cooperation.

const q = documentQueries();

const sorted = (list: string[]) => [...list].sort();

const DOST = 'org-dost-ho-chi-minh';
const VIC = 'org-gov-au-vic';
const VISIT = 'act-hcmc-dost-victoria-delegation-2024-10-24';

const ACTIVITY = `id kind title status startDate endDate place { id } venue partOf { id } agreement { id } part { id }
  participants { role organization { id } } attendances { role person { id name } }`;

async function activity(id: string) {
  return (await q(`query($id: ID!) { activity(id: $id) { ${ACTIVITY} } }`, { id })).activity;
}

describe('News (24 October 2024): the HCMC Department of S&T receives a delegation of the state of Victoria, Australia', () => {
  test('the item was published on 24 October 2024 and signed “Nhật Linh (CESTI)”', async () => {
    const { source } = await q(`{ source(id: "src-004") {
      kind publishedOn language file signatures { person { id name } onBehalfOf { id } } } }`);
    expect(source).toMatchObject({ kind: 'NEWS', publishedOn: '2024-10-24', language: 'vi', file: 'sources/004_90fea6014b45a80b.txt' });
    expect(source.signatures).toEqual([{ person: { id: 'per-nhat-linh', name: 'Nhật Linh' }, onBehalfOf: { id: 'org-hcmc-cesti' } }]);
    const { organization } = await q(`{ organization(id: "org-hcmc-cesti") { acronyms parent { id } } }`);
    expect(organization).toEqual({ acronyms: ['CESTI'], parent: { id: DOST } });
  });

  test('on 24 October 2024 the HCMC DOST hosted the Victorian delegation at its headquarters', async () => {
    const a = await activity(VISIT);
    expect(a).toMatchObject({
      kind: 'VISIT',
      status: 'HELD',
      startDate: '2024-10-24',
      endDate: '2024-10-24',
      place: { id: 'prov-ho-chi-minh' },
      venue: 'trụ sở của Sở Khoa học và Công nghệ TP.HCM',
    });
    expect(roles(a.participants)).toEqual(sorted([`${DOST}:HOST`, `${VIC}:PARTICIPANT`]));
    const { organization } = await q(`{ organization(id: "${VIC}") { kind name location { id parent { id } } } }`);
    expect(organization).toEqual({ kind: 'FOREIGN_BODY', name: 'Tiểu bang Victoria', location: { id: 'state-au-vic', parent: { id: 'country-au' } } });
  });

  test('Director Nguyễn Việt Dũng and Deputy Director Lê Thanh Minh received the delegation; the Director presented', async () => {
    const a = await activity(VISIT);
    expect(a.attendances.map((x: any) => `${x.person.name}:${x.role}`).sort()).toEqual([
      'Lê Thanh Minh:HOST',
      'Nguyễn Việt Dũng:HOST',
      'Nguyễn Việt Dũng:SPEAKER',
    ]);
    const { dung, minh } = await q(`{
      dung: person(id: "per-nguyen-viet-dung") { honorific positions { title asOf organization { id } } }
      minh: person(id: "per-le-thanh-minh") { honorific positions { title asOf organization { id } } }
    }`);
    expect(dung).toEqual({ honorific: 'ông', positions: [{ title: 'Giám đốc Sở', asOf: '2024-10-24', organization: { id: DOST } }] });
    expect(minh).toEqual({ honorific: 'ông', positions: [{ title: 'Phó Giám đốc Sở', asOf: '2024-10-24', organization: { id: DOST } }] });
  });

  test('the DOST worked with experts of UTS and representatives of New South Wales on the Rapido model', async () => {
    const a = await activity('act-hcmc-dost-uts-nsw-rapido');
    expect(a).toMatchObject({ kind: 'COLLABORATION', status: 'HELD' });
    expect(a.title).toContain('Rapido');
    expect(roles(a.participants)).toEqual(sorted([`${DOST}:PARTNER`, 'org-gov-au-nsw:PARTNER', 'org-uts:PARTNER']));
    const { organization } = await q(`{ organization(id: "org-uts") { kind acronyms ror location { id } } }`);
    expect(organization).toEqual({ kind: 'UNIVERSITY', acronyms: ['UTS'], ror: '03f0f6041', location: { id: 'state-au-nsw' } });
  });

  test('the HCMC Innovation Startup Centre studied the Sydney Startup Hub model on a trip to Australia', async () => {
    const a = await activity('act-hcmc-sihub-australia-study-trip');
    expect(a).toMatchObject({ kind: 'VISIT', status: 'HELD', place: { id: 'country-au' } });
    expect(roles(a.participants)).toEqual(sorted(['org-hcmc-sihub:PARTICIPANT', 'org-sydney-startup-hub:PARTNER']));
    const { organization } = await q(`{ organization(id: "org-hcmc-sihub") { name parent { id } } }`);
    expect(organization).toEqual({ name: 'Trung tâm Khởi nghiệp sáng tạo TP.HCM', parent: { id: DOST } });
  });

  test('the Hi-Tech Park R&D Center led the gold-nanocomposite antibacterial-dressing task with CSIRO, accepted in 2022', async () => {
    const a = await activity('act-shtp-rdc-csiro-gold-nanocomposite');
    expect(a).toMatchObject({ kind: 'RESEARCH_TASK', status: 'HELD', endDate: '2022' });
    expect(a.title).toContain('nano vàng với Polyurethane');
    expect(roles(a.participants)).toEqual(sorted([`${DOST}:ORGANISER`, 'org-csiro:PARTNER', 'org-shtp-rdc:LEAD']));
    const { rdc, csiro } = await q(`{
      rdc: organization(id: "org-shtp-rdc") { kind name parent { id } location { id } }
      csiro: organization(id: "org-csiro") { kind acronyms ror location { id } }
    }`);
    expect(rdc).toEqual({
      kind: 'RESEARCH_INSTITUTE',
      name: 'Trung tâm Nghiên cứu Triển khai Khu Công nghệ cao',
      parent: { id: 'org-shtp' },
      location: { id: 'prov-ho-chi-minh' },
    });
    expect(csiro).toEqual({ kind: 'RESEARCH_INSTITUTE', acronyms: ['CSIRO'], ror: '03qn8fb07', location: { id: 'country-au' } });
  });

  test('the R&D Center led the SiC pressure-sensor flood-monitoring task with Griffith University, installed in Nhà Bè district', async () => {
    const a = await activity('act-shtp-rdc-griffith-sic-pressure-sensor');
    expect(a).toMatchObject({ kind: 'RESEARCH_TASK', status: 'HELD', place: { id: 'prov-ho-chi-minh' }, venue: 'huyện Nhà Bè' });
    expect(a.title).toContain('Silicon Carbide (SiC)');
    expect(roles(a.participants)).toEqual(sorted([`${DOST}:ORGANISER`, 'org-griffith-university:PARTNER', 'org-shtp-rdc:LEAD']));
    const { organization } = await q(`{ organization(id: "org-griffith-university") { kind name ror location { id } } }`);
    expect(organization).toEqual({ kind: 'UNIVERSITY', name: 'Đại học Griffith', ror: '02sc3r913', location: { id: 'state-au-qld' } });
  });

  test('the University of Technology (VNU-HCM) leads the ongoing task on AI policy for HCMC to 2025, vision 2030', async () => {
    const a = await activity('act-hcmut-ai-policy-task');
    expect(a).toMatchObject({ kind: 'RESEARCH_TASK', status: 'ONGOING' });
    expect(a.title).toContain('trí tuệ nhân tạo trên địa bàn TP.HCM đến năm 2025, tầm nhìn 2030');
    expect(roles(a.participants)).toEqual(sorted([`${DOST}:ORGANISER`, 'org-vnu-hcm-hcmut:LEAD']));
    const { organization } = await q(`{ organization(id: "org-vnu-hcm-hcmut") { parent { id } } }`);
    expect(organization.parent).toEqual({ id: 'org-vnu-hcm' });
  });

  test('the DOST’s international work: capacity training, international workshops, study visits abroad and the VICAP 2022 incubation pilot with Israel', async () => {
    const expected: Record<string, [string, string, string]> = {
      'act-hcmc-dost-ecosystem-capacity-training': ['TRAINING', 'ONGOING', 'ORGANISER'],
      'act-hcmc-dost-international-workshops': ['WORKSHOP', 'ONGOING', 'CO_ORGANISER'],
      'act-hcmc-dost-study-visits-abroad': ['VISIT', 'ONGOING', 'PARTICIPANT'],
    };
    for (const [id, [kind, status, role]] of Object.entries(expected)) {
      const a = await activity(id);
      expect(a).toMatchObject({ kind, status });
      expect(roles(a.participants)).toEqual(sorted([`${DOST}:${role}`]));
    }
    // The pilot's partner is Israel, as the text names it.
    const vicap = await activity('act-vicap-2022');
    expect(vicap).toMatchObject({ kind: 'OTHER', status: 'HELD', startDate: '2022', endDate: '2022' });
    expect(roles(vicap.participants)).toEqual(sorted([`${DOST}:LEAD`, 'org-israel-vicap-partner:PARTNER']));
    const { organization } = await q(`{ organization(id: "org-israel-vicap-partner") { kind name location { id } } }`);
    expect(organization).toEqual({ kind: 'FOREIGN_BODY', name: 'Israel', location: { id: 'country-il' } });
    expect((await activity('act-hcmc-dost-study-visits-abroad')).title).toContain('Phần Lan, Australia, New Zealand, Canada, Israel');
  });

  test('the meeting raised thirteen directions, all parts of the one visit: two agreed by both sides, eleven proposed by the DOST', async () => {
    const { activity: visit } = await q(`{ activity(id: "${VISIT}") {
      parts { id kind ordinal status title actors { role organization { id } } } } }`);
    expect(visit.parts.map((p: any) => `${p.ordinal}:${p.id}:${p.status}`)).toEqual([
      '1:part-hcmc-victoria-business-connection:PROPOSED',
      '2:part-hcmc-victoria-open-innovation-models:PLANNED',
      '3:part-hcmc-victoria-invite-partners-startup-events:PLANNED',
      '4:part-hcmc-victoria-triple-helix:PROPOSED',
      '5:part-hcmc-victoria-university-research-commercialisation:PROPOSED',
      '6:part-hcmc-victoria-private-sector-ecosystem:PROPOSED',
      '7:part-hcmc-victoria-ecosystem-evaluation:PROPOSED',
      '8:part-hcmc-victoria-startups-go-global:PROPOSED',
      '9:part-hcmc-victoria-public-sector-innovation:PROPOSED',
      '10:part-hcmc-australia-ecosystem-connection:PROPOSED',
      '11:part-hcmc-victoria-startup-incubation:PROPOSED',
      '12:part-hcmc-victoria-civil-servant-capacity:PROPOSED',
      '13:part-hcmc-victoria-tech-transfer-training:PROPOSED',
    ]);
    for (const p of visit.parts) {
      expect(p.kind).toBe('PROPOSED_DIRECTION');
      // Agreed directions name both sides, who are already the visit's host and participant; proposals name their proposer.
      expect(roles(p.actors)).toEqual(p.status === 'PLANNED' ? [] : [`${DOST}:PROPOSER`]);
    }
    expect(visit.parts.find((p: any) => p.id === 'part-hcmc-victoria-triple-helix').title).toBe('Triple helix connection (Public-Private-Academia)');
  });

  test('the agreed invitation is to the university startup forum and WHISE 2024, which carry it out', async () => {
    const { part } = await q(`{ part(id: "part-hcmc-victoria-invite-partners-startup-events") { activities { id } } }`);
    expect(ids(part.activities)).toEqual(['act-hcmc-university-startup-forum', 'act-whise-2024']);
    const whise = await activity('act-whise-2024');
    expect(whise).toMatchObject({ kind: 'FESTIVAL', status: 'PLANNED', startDate: '2024', endDate: '2024', place: { id: 'prov-ho-chi-minh' }, agreement: null });
    expect(whise.title).toBe('Tuần lễ Đổi mới sáng tạo và Chuyển đổi số TP.HCM - WHISE năm 2024');
    const forum = await activity('act-hcmc-university-startup-forum');
    expect(forum).toMatchObject({ title: 'Diễn đàn đại học khởi nghiệp TP.HCM', status: 'PLANNED', place: { id: 'prov-ho-chi-minh' } });
  });

  test('Victoria has no agreement from the meeting and took part in one activity, the visit: one meeting counts once', async () => {
    const { organization } = await q(`{ organization(id: "${VIC}") { agreements { agreement { id } } activities { role activity { id } } } }`);
    expect(organization.agreements).toEqual([]);
    expect(organization.activities).toEqual([{ role: 'PARTICIPANT', activity: { id: VISIT } }]);
  });

  test('the Australian partners sit in Australia: UTS, New South Wales and Sydney Startup Hub in NSW, Griffith in Queensland, Victoria in Victoria', async () => {
    const located = async (unit: string) =>
      ids((await q(`query($u: ID!) { organizations(filter: { location: $u }, first: 500) { nodes { id } } }`, { u: unit })).organizations.nodes);
    expect(await located('state-au-nsw')).toEqual(expect.arrayContaining(['org-gov-au-nsw', 'org-sydney-startup-hub', 'org-uts']));
    expect(await located('state-au-qld')).toEqual(expect.arrayContaining(['org-griffith-university']));
    expect(await located('state-au-vic')).toEqual(expect.arrayContaining([VIC]));
    expect(await located('country-au')).toEqual(expect.arrayContaining(['org-csiro']));
    const { units } = await q(`{ units: adminUnits(filter: { parent: "country-au" }, first: 500) { nodes { id level } } }`);
    expect(units.nodes).toEqual(
      expect.arrayContaining([
        { id: 'state-au-nsw', level: 'STATE' },
        { id: 'state-au-qld', level: 'STATE' },
        { id: 'state-au-vic', level: 'STATE' },
      ]),
    );
  });
});
