import { documentQueries, roles, ids, figures, type Party } from '../helpers/document';
import { openTestDb } from '../helpers/graph';

// Expectations read from seeds/sources/002_c38b9e713735396e.txt: a news digest page of the Sóc Trăng S&T website with
// five items: Đà Nẵng innovation workshop and signings (9/6/2023); Vietnam and AI; HCMC youth startup fund; TECHFEST
// Haiphong 2023; the MOST–Ninh Thuận coordination programme 2023–2030.

const q = documentQueries();
// Part figures are not in the API yet; read them from the graph.
const db = openTestDb();
afterAll(() => db.close());
async function partFigures(id: string) {
  const [row] = await db.read('MATCH (p:Part {id: $id}) RETURN p.figures AS figures', { id });
  return figures(JSON.parse(String(row.figures)));
}

const ACTIVITY = `id kind title status statedStatus startDate endDate place { id } venue partOf { id } agreement { id }
  participants { role organization { id } } figures { name value unit } subEvents { id } part { id }
  attendances { role person { id name } }`;

async function activity(id: string) {
  return (await q(`query($id: ID!) { activity(id: $id) { ${ACTIVITY} } }`, { id })).activity;
}

const AGREEMENT = `id kind title status signedOn signedAt { id } validFrom validTo parties { role organization { id } }
  signatures { person { id name } onBehalfOf { id } } activities { id }`;

async function agreement(id: string) {
  return (await q(`query($id: ID!) { agreement(id: $id) { ${AGREEMENT} } }`, { id })).agreement;
}

describe('News digest of the Sóc Trăng S&T website: Đà Nẵng, AI, HCMC youth fund, TECHFEST Haiphong, MOST–Ninh Thuận', () => {
  test('the source is a news digest with no publication date of its own', async () => {
    const { source } = await q(`{ source(id: "src-002") { kind language file publishedOn publisher { id } } }`);
    expect(source).toEqual({ kind: 'NEWS_DIGEST', language: 'vi', file: 'sources/002_c38b9e713735396e.txt', publishedOn: null, publisher: null });
  });

  describe('1. Đà Nẵng, 9 June 2023', () => {
    test('the Đà Nẵng People’s Committee and VUFO organised the international innovation-ecosystem workshop in Đà Nẵng on 9 June 2023', async () => {
      const a = await activity('act-002-da-nang-innovation-ecosystem-workshop-2023');
      expect(a).toMatchObject({ kind: 'WORKSHOP', status: 'HELD', startDate: '2023-06-09', place: { id: 'prov-da-nang' } });
      expect(a.title).toContain('Phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo tại Đà Nẵng và vai trò của đối ngoại nhân dân');
      const organisers = a.participants.filter((p: Party) => p.role === 'ORGANISER');
      expect(roles(organisers)).toEqual(['org-pc-da-nang:ORGANISER', 'org-vufo:ORGANISER']);
      const { organization } = await q(`{ organization(id: "org-vufo") { name acronyms location { id } } }`);
      expect(organization).toMatchObject({ name: 'Liên hiệp các tổ chức Hữu nghị Việt Nam', location: { id: 'country-vn' } });
      // The item never writes the acronym; it is not recorded without a source.
      expect(organization.acronyms ?? []).not.toContain('VUFO');
    });

    test('the embassies of Switzerland, Italy, Brazil, Finland and Canada, NATEC and the Đà Nẵng DOST took part', async () => {
      const a = await activity('act-002-da-nang-innovation-ecosystem-workshop-2023');
      const participants = a.participants.filter((p: Party) => p.role === 'PARTICIPANT');
      expect(roles(participants)).toEqual([
        'org-dost-da-nang:PARTICIPANT',
        'org-embassy-br:PARTICIPANT',
        'org-embassy-ca:PARTICIPANT',
        'org-embassy-ch:PARTICIPANT',
        'org-embassy-fi:PARTICIPANT',
        'org-embassy-it:PARTICIPANT',
        'org-most-natec:PARTICIPANT',
      ]);
      const { ch, br } = await q(`{
        ch: organization(id: "org-embassy-ch") { kind location { id } }
        br: organization(id: "org-embassy-br") { kind location { id } }
      }`);
      expect(ch).toEqual({ kind: 'FOREIGN_BODY', location: { id: 'country-ch' } });
      expect(br).toEqual({ kind: 'FOREIGN_BODY', location: { id: 'country-br' } });
    });

    test('NATEC (MOST) and Saigon Postel (SPT) signed the national innovation-network cooperation at the workshop', async () => {
      const agr = await agreement('agr-002-natec-spt-innovation-network');
      expect(agr).toMatchObject({
        kind: 'AGREEMENT',
        status: 'SIGNED',
        title: 'Hợp tác thiết lập, phát triển mạng lưới tổ hợp đổi mới sáng tạo, chuyển đổi số và khởi nghiệp sáng tạo quốc gia',
        signedOn: '2023-06-09',
        signedAt: { id: 'prov-da-nang' },
      });
      expect(roles(agr.parties)).toEqual(['org-most-natec:SIGNATORY', 'org-spt:SIGNATORY']);
      expect(ids(agr.activities)).toEqual(['act-002-natec-spt-signing']);
      const { natec, spt } = await q(`{
        natec: organization(id: "org-most-natec") { parent { id } }
        spt: organization(id: "org-spt") { kind name acronyms aliases }
      }`);
      expect(natec.parent).toEqual({ id: 'org-most' });
      expect(spt).toEqual({
        kind: 'COMPANY',
        name: 'Công ty Cổ phần Dịch vụ Bưu chính viễn thông Sài Gòn',
        acronyms: ['SPT'],
        aliases: ['Tập đoàn Saigon Postel'],
      });
    });

    test('the Đà Nẵng DOST signed four bilateral agreements, one with each of NATEC, Hospital 199, Saigon Postel and Vietnam Innovation Hub', async () => {
      const partners: Record<string, string> = {
        'agr-002-dost-da-nang-natec-2023': 'org-most-natec',
        'agr-002-dost-da-nang-hospital-199-2023': 'org-hospital-199',
        'agr-002-dost-da-nang-spt-2023': 'org-spt',
        'agr-002-dost-da-nang-vietnam-innovation-hub-2023': 'org-vietnam-innovation-hub',
      };
      for (const [id, partner] of Object.entries(partners)) {
        const agr = await agreement(id);
        expect(agr).toMatchObject({ kind: 'AGREEMENT', status: 'SIGNED', signedOn: '2023-06-09', signedAt: { id: 'prov-da-nang' } });
        // Two signatories each: the partners never signed with one another.
        expect(roles(agr.parties)).toEqual(['org-dost-da-nang:SIGNATORY', `${partner}:SIGNATORY`].sort());
      }
      const { dost } = await q(`{ dost: organization(id: "org-dost-da-nang") { agreements { role agreement { id } } } }`);
      expect(ids(dost.agreements.map((p: any) => p.agreement))).toEqual(Object.keys(partners).sort());
      const { organization } = await q(`{ organization(id: "org-hospital-199") { kind name parent { id name } location { id } } }`);
      // Its city is not in the text.
      expect(organization).toEqual({ kind: 'HOSPITAL', name: 'Bệnh viện 199', parent: { id: 'org-mps', name: 'Bộ Công an' }, location: null });
    });

    test('the NATEC–SPT signing and the network launch took place at the workshop; city leaders, VUFO and the embassies witnessed the launch', async () => {
      const a = await activity('act-002-da-nang-innovation-ecosystem-workshop-2023');
      expect(ids(a.subEvents)).toEqual(['act-002-da-nang-innovation-network-launch', 'act-002-natec-spt-signing']);
      const launch = await activity('act-002-da-nang-innovation-network-launch');
      expect(launch).toMatchObject({ status: 'HELD', startDate: '2023-06-09', place: { id: 'prov-da-nang' } });
      expect(roles(launch.participants)).toEqual([
        'org-da-nang-central-innovation-network:PARTICIPANT',
        'org-embassy-br:WITNESS',
        'org-embassy-ca:WITNESS',
        'org-embassy-ch:WITNESS',
        'org-embassy-fi:WITNESS',
        'org-embassy-it:WITNESS',
        'org-pc-da-nang:WITNESS',
        'org-vufo:WITNESS',
      ]);
    });
  });

  describe('2. Vietnam on the world AI map', () => {
    test('Deputy Minister Bùi Thế Duy of MOST spoke at the Industry 4.0 Summit 2023', async () => {
      const { person } = await q(`{ person(id: "per-bui-the-duy") {
        name positions { title organization { id } } attendances { role activity { id kind startDate } } } }`);
      expect(person.name).toBe('Bùi Thế Duy');
      expect(person.positions).toEqual([{ title: 'Thứ trưởng Bộ Khoa học và Công nghệ', organization: { id: 'org-most' } }]);
      expect(person.attendances).toEqual([
        { role: 'SPEAKER', activity: { id: 'act-002-industry-4-0-summit-2023', kind: 'CONFERENCE', startDate: '2023' } },
      ]);
    });

    test('MOST works with Australian experts on rules for a “Responsible AI” system', async () => {
      const a = await activity('act-002-most-australia-responsible-ai');
      expect(a).toMatchObject({ kind: 'COLLABORATION', status: 'ONGOING' });
      expect(roles(a.participants)).toEqual(['org-most:LEAD']);
    });

    test('Oxford Insights and Canada’s IDRC published the Government AI Readiness Index on 22 February 2023: Vietnam 51.82, up 14 places, world average 47.72', async () => {
      const a = await activity('act-002-government-ai-readiness-index-2023');
      expect(a).toMatchObject({ startDate: '2023-02-22', status: 'HELD' });
      expect(figures(a.figures)).toEqual({ vietnam_ai_readiness_score: 51.82, vietnam_rank_gain: 14, global_average_score: 47.72 });
      expect(roles(a.participants)).toEqual(['org-idrc:PARTNER', 'org-oxford-insights:LEAD']);
    });
  });

  describe('3. HCMC youth startup fund', () => {
    const PLAN = 'agr-002-hcmc-youth-startup-emulation-plan-2023-2027';
    const CONTENT = 'part-002-hcmc-youth-startup-plan-';

    test('the HCMC People’s Committee issued the youth startup emulation plan for 2023–2027, with six planned contents', async () => {
      const { agreement: agr } = await q(`{ agreement(id: "${PLAN}") {
        kind title status validFrom validTo parties { role organization { id } } activities { id }
        parts { id kind ordinal status actors { role organization { id } } } } }`);
      expect(agr).toMatchObject({ kind: 'PLAN', status: 'IN_FORCE', validFrom: '2023', validTo: '2027' });
      expect(agr.title).toContain('Thanh niên Thành phố khởi nghiệp - lập nghiệp, đổi mới sáng tạo');
      expect(roles(agr.parties)).toEqual(['org-hcmc-youth-startup-fund:BENEFICIARY', 'org-pc-ho-chi-minh:LEAD']);
      // The plan's contents are parts of it, not activities of their own.
      expect(agr.activities).toEqual([]);
      expect(agr.parts.map((p: any) => `${p.ordinal}:${p.id}`)).toEqual([
        `1:${CONTENT}leaders-youth-startup-dialogue`,
        `2:${CONTENT}youth-career-guidance-skills`,
        `3:${CONTENT}startup-competitions`,
        `4:${CONTENT}youth-startup-fund-increase`,
        `5:${CONTENT}youth-startup-financing`,
        `6:${CONTENT}rural-youth-hitech-agriculture-support`,
      ]);
      for (const p of agr.parts) expect(p).toMatchObject({ kind: 'PLANNED_CONTENT', status: 'PLANNED' });
      const fund = agr.parts.find((p: any) => p.id.endsWith('fund-increase'));
      expect(roles(fund.actors)).toEqual(['org-hcmc-youth-startup-fund:BENEFICIARY']);
    });

    test('the youth startup support fund is raised to 300 billion VND', async () => {
      expect(await partFigures(`${CONTENT}youth-startup-fund-increase`)).toEqual({ fund_size_vnd: 300_000_000_000 });
    });

    test('young people get 2,000 billion VND in loans and 800 startup projects are supported', async () => {
      expect(await partFigures(`${CONTENT}youth-startup-financing`)).toEqual({ loans_vnd: 2_000_000_000_000, projects: 800 });
    });

    test('at least 300,000 young people get counselling, 120,000 job referrals and 200,000 skills training', async () => {
      expect(await partFigures(`${CONTENT}youth-career-guidance-skills`)).toEqual({
        youth_counselled_at_least: 300_000,
        youth_job_referrals_at_least: 120_000,
        youth_trained_at_least: 200_000,
      });
    });

    test('city leaders meet young entrepreneurs every two years', async () => {
      expect(await partFigures(`${CONTENT}leaders-youth-startup-dialogue`)).toEqual({ interval_years: 2 });
    });
  });

  describe('4. TECHFEST Haiphong 2023', () => {
    const TECHFEST = 'act-002-techfest-haiphong-2023';

    test('the Hải Phòng DOST launched the startup talent competition at its premises on 15 June 2023', async () => {
      const a = await activity('act-002-haiphong-talent-competition-launch');
      expect(a).toMatchObject({
        status: 'HELD',
        startDate: '2023-06-15',
        place: { id: 'prov-hai-phong' },
        venue: 'Sở Khoa học và Công nghệ Hải Phòng',
        partOf: { id: 'act-002-haiphong-startup-talent-competition-2023' },
      });
      expect(roles(a.participants)).toEqual(['org-dost-hai-phong:HOST']);
      const competition = await activity('act-002-haiphong-startup-talent-competition-2023');
      expect(competition).toMatchObject({
        kind: 'COMPETITION',
        title: 'Tìm kiếm tài năng khởi nghiệp ĐMST HaiPhong 2023',
        // Launched when the item was written; past its end today.
        statedStatus: 'ONGOING',
        status: 'HELD',
        startDate: '2023-06-15',
        // Its final round comes before the festival's closing ceremony on 23/9/2023.
        endDate: '2023-09-23',
        partOf: { id: TECHFEST },
      });
    });

    test('TECHFEST Haiphong 2023, organised by the Hải Phòng DOST for the sixth year, opens on 18 September 2023', async () => {
      const a = await activity(TECHFEST);
      expect(a).toMatchObject({ kind: 'FESTIVAL', status: 'PLANNED', startDate: '2023-09-18', endDate: '2023-09-23', place: { id: 'prov-hai-phong' } });
      expect(a.venue).toContain('khách sạn Sheraton');
      expect(figures(a.figures)).toEqual({ years_organised: 6 });
    });

    test('the Youth Union, the Maritime University and Hai Phong University co-organise; MOST takes part', async () => {
      const a = await activity(TECHFEST);
      expect(roles(a.participants)).toEqual([
        'org-dost-hai-phong:ORGANISER',
        'org-hai-phong-university:CO_ORGANISER',
        'org-hai-phong-youth-union:CO_ORGANISER',
        'org-most:PARTICIPANT',
        'org-vimaru:CO_ORGANISER',
      ]);
      const { yu, vmu, hpu } = await q(`{
        yu: organization(id: "org-hai-phong-youth-union") { name location { id } }
        vmu: organization(id: "org-vimaru") { kind name location { id } }
        hpu: organization(id: "org-hai-phong-university") { kind name location { id } }
      }`);
      expect(yu).toEqual({ name: 'Thành đoàn Hải Phòng', location: { id: 'prov-hai-phong' } });
      expect(vmu).toEqual({ kind: 'UNIVERSITY', name: 'Trường Đại học Hàng Hải', location: { id: 'prov-hai-phong' } });
      expect(hpu).toEqual({ kind: 'UNIVERSITY', name: 'Trường Đại học Hải Phòng', location: { id: 'prov-hai-phong' } });
    });

    test('the festival includes a two-day exhibition of 300 technologies, online booths, a Vietnam–Korea business conference, a startup–investor seminar and an international workshop', async () => {
      const a = await activity(TECHFEST);
      expect(ids(a.subEvents)).toEqual([
        'act-002-haiphong-startup-talent-competition-2023',
        'act-002-techfest-haiphong-2023-exhibition',
        'act-002-techfest-haiphong-2023-online-booths',
        'act-002-techfest-international-ecosystem-workshop',
        'act-002-techfest-startup-investor-seminar',
        'act-002-techfest-vietnam-korea-business-conference',
      ]);
      const ex = await activity('act-002-techfest-haiphong-2023-exhibition');
      expect(ex).toMatchObject({ kind: 'EXHIBITION', startDate: '2023-09-18', endDate: '2023-09-19' });
      expect(figures(ex.figures)).toEqual({ technologies_and_products: 300 });
      const online = await activity('act-002-techfest-haiphong-2023-online-booths');
      expect(online).toMatchObject({ startDate: '2023-09', endDate: '2023-09', venue: 'techfesthaiphong.isc1.vn' });
      const korea = await activity('act-002-techfest-vietnam-korea-business-conference');
      expect(korea).toMatchObject({ kind: 'CONFERENCE', title: 'Hội nghị kết nối giữa doanh nghiệp đổi mới sáng tạo Việt Nam và Hàn Quốc' });
    });
  });

  describe('5. MOST–Ninh Thuận coordination programme 2023–2030', () => {
    const PROGRAMME = 'agr-002-most-ninh-thuan-sti-programme-2023-2030';

    test('MOST and the Ninh Thuận People’s Committee signed the S&T&I coordination programme for 2023–2030 in Ninh Thuận', async () => {
      const agr = await agreement(PROGRAMME);
      expect(agr).toMatchObject({
        kind: 'PROGRAMME',
        status: 'SIGNED',
        title: 'Chương trình phối hợp giữa Bộ KH&CN và UBND tỉnh Ninh Thuận về hoạt động KH,CN&ĐMST giai đoạn 2023-2030',
        validFrom: '2023',
        validTo: '2030',
        signedAt: { id: 'prov-ninh-thuan' },
        // The item gives no date for the signing.
        signedOn: null,
      });
      expect(roles(agr.parties)).toEqual(['org-most:SIGNATORY', 'org-pc-ninh-thuan:SIGNATORY']);
    });

    test('Minister Huỳnh Thành Đạt signed for MOST and Chairman Trần Quốc Nam for the Ninh Thuận People’s Committee', async () => {
      const agr = await agreement(PROGRAMME);
      const sigs = agr.signatures.map((s: any) => `${s.person.name}:${s.onBehalfOf.id}`).sort();
      expect(sigs).toEqual(['Huỳnh Thành Đạt:org-most', 'Trần Quốc Nam:org-pc-ninh-thuan']);
      const { dat, nam } = await q(`{
        dat: person(id: "per-huynh-thanh-dat") { positions { title organization { id } } }
        nam: person(id: "per-tran-quoc-nam") { positions { title organization { id } } }
      }`);
      expect(dat.positions).toContainEqual({ title: 'Bộ trưởng Bộ Khoa học và Công nghệ', organization: { id: 'org-most' } });
      expect(nam.positions).toContainEqual({ title: 'Chủ tịch UBND tỉnh Ninh Thuận', organization: { id: 'org-pc-ninh-thuan' } });
    });

    test('the signing was witnessed by President Võ Văn Thưởng, Nguyễn Trọng Nghĩa, Deputy PM Trần Hồng Hà, Minister Nguyễn Chí Dũng and Nguyễn Đức Thanh, during the President’s working visit', async () => {
      const a = await activity('act-002-most-ninh-thuan-programme-signing');
      expect(a).toMatchObject({ agreement: { id: PROGRAMME }, place: { id: 'prov-ninh-thuan' }, partOf: { id: 'act-002-president-working-session-ninh-thuan' } });
      expect(a.attendances.map((x: any) => `${x.person.name}:${x.role}`).sort()).toEqual(
        [
          'Huỳnh Thành Đạt:PARTICIPANT',
          'Trần Quốc Nam:PARTICIPANT',
          'Nguyễn Chí Dũng:WITNESS',
          'Nguyễn Trọng Nghĩa:WITNESS',
          'Nguyễn Đức Thanh:WITNESS',
          'Trần Hồng Hà:WITNESS',
          'Võ Văn Thưởng:WITNESS',
        ].sort(),
      );
      const visit = await activity('act-002-president-working-session-ninh-thuan');
      expect(visit).toMatchObject({ kind: 'VISIT', place: { id: 'prov-ninh-thuan' } });
      expect(visit.attendances.map((x: any) => `${x.person.name}:${x.role}`).sort()).toEqual(['Huỳnh Thành Đạt:DELEGATE', 'Võ Văn Thưởng:LEAD']);
      const { person } = await q(`{ person(id: "per-nguyen-chi-dung") { positions { title organization { id } } } }`);
      expect(person.positions).toContainEqual({ title: 'Bộ trưởng Bộ Kế hoạch và Đầu tư', organization: { id: 'org-mpi' } });
    });

    test('since 2018 MOST has supported Ninh Thuận with 7 national S&T tasks funded with nearly 30 billion VND', async () => {
      const a = await activity('act-002-most-ninh-thuan-national-st-tasks');
      expect(a).toMatchObject({ kind: 'RESEARCH_TASK', startDate: '2018', place: { id: 'prov-ninh-thuan' } });
      expect(figures(a.figures)).toEqual({ projects: 7, central_budget_vnd_nearly: 30_000_000_000 });
      expect(roles(a.participants)).toEqual(['org-most:LEAD', 'org-pc-ninh-thuan:BENEFICIARY']);
    });
  });

  test('the MOST–Ninh Thuận programme now counts under the merged Khánh Hòa', async () => {
    const { ninhThuan } = await q(`{ ninhThuan: adminUnit(id: "prov-ninh-thuan") { current { id } } }`);
    expect(ninhThuan.current).toEqual({ id: 'prov-khanh-hoa-2025' });
    const { activities } = await q(`{ activities(filter: { place: "prov-khanh-hoa-2025" }, first: 500) { nodes { id } } }`);
    expect(ids(activities.nodes)).toEqual(
      expect.arrayContaining(['act-002-most-ninh-thuan-programme-signing', 'act-002-most-ninh-thuan-national-st-tasks']),
    );
  });
});
