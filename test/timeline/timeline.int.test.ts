import { IN_FORCE_ACTIVITIES, IN_FORCE_AGREEMENTS, TIMELINE_ITEMS } from '../../src/timeline/timeline.repository';
import { data, gqlClient, openTestDb } from '../helpers/graph';
import { selectionFields, statementsOf as runCounted } from '../helpers/statements';

// Expected values are read off the seed files: validity and signing dates of agreements, dates and statuses
// of activities (seeds/documents/*.jsonl), and who takes part in them with which role.

const db = openTestDb();
const gql = gqlClient(db, 20);
afterAll(() => db.close());

const ids = (list: Array<{ id: string }>) => list.map((x) => x.id);

async function inForce(args: string): Promise<{ from: string; to: string; agreements: string[]; activities: string[] }> {
  const d = await data(gql(`{ inForce(${args}) { from to agreements { id } activities { id } } }`));
  return { ...d.inForce, agreements: ids(d.inForce.agreements), activities: ids(d.inForce.activities) };
}

type Event = { date: string; kind: string; role: string; roles: string[]; item: string; organizations: string[] };

async function timeline(actor: string, window: { from?: string; to?: string } = {}): Promise<Event[]> {
  const d = await data(
    gql(
      `query($actor: ID!, $from: LocalDate, $to: LocalDate) { timeline(actor: $actor, from: $from, to: $to) {
        date kind role roles agreement { id } activity { id } organizations { id } } }`,
      { actor, ...window },
    ),
  );
  return d.timeline.map((e: any) => ({
    date: e.date,
    kind: e.kind,
    role: e.role,
    roles: e.roles,
    item: (e.agreement ?? e.activity).id,
    organizations: ids(e.organizations),
  }));
}

async function errorOf(query: string) {
  const r = await gql(query);
  expect(r.errors).toHaveLength(1);
  return { code: r.errors![0].extensions?.code, message: r.errors![0].message, extensions: r.errors![0].extensions };
}

describe('inForce', () => {
  test('in 2019: the 2016–2020 key-zone agreement, the 2018 DOST programme and the 2019–2020 HCMC–Sóc Trăng memorandum', async () => {
    expect(await inForce('year: 2019')).toEqual({
      from: '2019-01-01',
      to: '2019-12-31',
      agreements: ['agr-mekong-kez-pc-16-ttht-ubnd-2018', 'agr-mekong-kez-dost-programme-2018', 'agr-dost-hcm-soc-trang-2019-2020'],
      // Ongoing since 2018 with no end: the national S&T tasks in Ninh Thuận.
      activities: ['act-002-most-ninh-thuan-national-st-tasks'],
    });
  });

  test('an agreement with no validity dates counts from its signing day on (Đà Nẵng DOST’s four bilateral signings)', async () => {
    const before = await inForce('on: "2023-06-08"');
    const on = await inForce('on: "2023-06-09"');
    expect(before.agreements).toEqual(['agr-002-hcmc-youth-startup-emulation-plan-2023-2027', 'agr-002-most-ninh-thuan-sti-programme-2023-2030']);
    expect(on.agreements).toEqual([
      'agr-002-hcmc-youth-startup-emulation-plan-2023-2027',
      'agr-002-most-ninh-thuan-sti-programme-2023-2030',
      'agr-002-dost-da-nang-hospital-199-2023',
      'agr-002-dost-da-nang-natec-2023',
      'agr-002-dost-da-nang-spt-2023',
      'agr-002-dost-da-nang-vietnam-innovation-hub-2023',
      'agr-002-natec-spt-innovation-network',
    ]);
    // Events written as 2023 (the Industry 4.0 Summit, the Bình Thuận techmart) cover the whole year.
    expect(before.activities).toEqual([
      'act-002-most-ninh-thuan-national-st-tasks',
      'act-binh-thuan-startup-competition-2022-2024',
      'act-002-industry-4-0-summit-2023',
      'act-binh-thuan-techmart-2023',
    ]);
  });

  test('proposals and planned activities are not in force, even when their dates overlap', async () => {
    const y2024 = await inForce('year: 2024');
    expect(y2024.agreements).not.toContain('agr-ho-chi-minh-binh-thuan-2024-2025');
    expect(y2024.activities).not.toContain('act-whise-2024');
    // Undated ones stated ONGOING count from their source's publication: the Bình Thuận letter (4 April 2024)
    // and the Victoria delegation news (24 October 2024).
    expect(y2024.activities).toEqual([
      'act-002-most-ninh-thuan-national-st-tasks',
      'act-binh-thuan-startup-competition-2022-2024',
      'act-binh-thuan-hcmc-startup-cooperation',
      'act-hcmc-dost-ecosystem-capacity-training',
      'act-hcmc-dost-international-workshops',
      'act-hcmc-dost-study-visits-abroad',
      'act-hcmc-dost-victoria-delegation-2024-10-24',
      'act-hcmut-ai-policy-task',
    ]);
  });

  test('validity ends are inclusive: nothing of 2016–2020 is left on 1 January 2021', async () => {
    expect((await inForce('on: "2020-12-31"')).agreements).toEqual([
      'agr-mekong-kez-pc-16-ttht-ubnd-2018',
      'agr-mekong-kez-dost-programme-2018',
      'agr-dost-hcm-soc-trang-2019-2020',
    ]);
    expect(await inForce('on: "2021-01-01"')).toMatchObject({ agreements: [], activities: ['act-002-most-ninh-thuan-national-st-tasks'] });
  });

  test('exactly one of on and year, and a four-digit year', async () => {
    expect(await errorOf(`{ inForce { from } }`)).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Give exactly one of on and year' });
    expect(await errorOf(`{ inForce(on: "2020-01-01", year: 2020) { from } }`)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await errorOf(`{ inForce(year: 20200) { from } }`)).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'year must be between 1000 and 9999 (got 20200)',
    });
  });
});

describe('timeline', () => {
  test('an organisation: HCMC DOST’s dated events, by date as written, with its role', async () => {
    expect(await timeline('org-dost-ho-chi-minh')).toEqual([
      { date: '2019', kind: 'VALID_FROM', role: 'PARTNER', roles: ['PARTNER'], item: 'agr-dost-hcm-soc-trang-2019-2020', organizations: ['org-dost-ho-chi-minh'] },
      { date: '2020', kind: 'VALID_TO', role: 'PARTNER', roles: ['PARTNER'], item: 'agr-dost-hcm-soc-trang-2019-2020', organizations: ['org-dost-ho-chi-minh'] },
      // Only the end of the CSIRO task is known (2022); two events of one year sort by kind, then id.
      { date: '2022', kind: 'HELD', role: 'ORGANISER', roles: ['ORGANISER'], item: 'act-shtp-rdc-csiro-gold-nanocomposite', organizations: ['org-dost-ho-chi-minh'] },
      { date: '2022', kind: 'HELD', role: 'LEAD', roles: ['LEAD'], item: 'act-vicap-2022', organizations: ['org-dost-ho-chi-minh'] },
      { date: '2024-10-24', kind: 'HELD', role: 'HOST', roles: ['HOST'], item: 'act-hcmc-dost-victoria-delegation-2024-10-24', organizations: ['org-dost-ho-chi-minh'] },
    ]);
  });

  test('today’s Cần Thơ includes Sóc Trăng’s events; the Cần Thơ of before 2025 does not', async () => {
    const merged = await timeline('prov-can-tho-2025');
    const before = await timeline('prov-can-tho');
    expect(before.map((e) => [e.date, e.kind, e.item])).toEqual([
      ['2016', 'VALID_FROM', 'agr-mekong-kez-pc-16-ttht-ubnd-2018'],
      ['2018-05-09', 'SIGNED', 'agr-mekong-kez-pc-16-ttht-ubnd-2018'],
      ['2018-10-26', 'SIGNED', 'agr-mekong-kez-dost-programme-2018'],
      ['2018-10-26', 'VALID_FROM', 'agr-mekong-kez-dost-programme-2018'],
      ['2018-10-26', 'HELD', 'act-mekong-kez-dost-signing-2018'],
      ['2020', 'VALID_TO', 'agr-mekong-kez-dost-programme-2018'],
      ['2020', 'VALID_TO', 'agr-mekong-kez-pc-16-ttht-ubnd-2018'],
    ]);
    expect(merged).toHaveLength(9);
    expect(merged.filter((e) => e.item === 'agr-dost-hcm-soc-trang-2019-2020')).toEqual([
      { date: '2019', kind: 'VALID_FROM', role: 'PARTNER', roles: ['PARTNER'], item: 'agr-dost-hcm-soc-trang-2019-2020', organizations: ['org-dost-soc-trang'] },
      { date: '2020', kind: 'VALID_TO', role: 'PARTNER', roles: ['PARTNER'], item: 'agr-dost-hcm-soc-trang-2019-2020', organizations: ['org-dost-soc-trang'] },
    ]);
  });

  test('a region: one event per agreement date, with all of its organisations and roles', async () => {
    const events = await timeline('region-mekong-delta');
    expect(events).toHaveLength(9);
    expect(events[2]).toEqual({
      date: '2018-10-26',
      kind: 'SIGNED',
      role: 'SIGNATORY',
      roles: ['SIGNATORY', 'COORDINATOR'],
      item: 'agr-mekong-kez-dost-programme-2018',
      organizations: [
        'org-dost-an-giang',
        'org-dost-an-giang-office',
        'org-dost-ca-mau',
        'org-dost-ca-mau-office',
        'org-dost-can-tho',
        'org-dost-can-tho-office',
        'org-dost-kien-giang',
        'org-dost-kien-giang-office',
      ],
    });
  });

  test('from and to are inclusive; what is in force in the window gets an IN_FORCE event on its first day', async () => {
    const events = await timeline('region-mekong-delta', { from: '2019-01-01', to: '2020-12-31' });
    expect(events.map((e) => [e.date, e.kind, e.item])).toEqual([
      ['2019-01-01', 'IN_FORCE', 'agr-dost-hcm-soc-trang-2019-2020'],
      ['2019-01-01', 'IN_FORCE', 'agr-mekong-kez-dost-programme-2018'],
      ['2019-01-01', 'IN_FORCE', 'agr-mekong-kez-pc-16-ttht-ubnd-2018'],
      ['2019', 'VALID_FROM', 'agr-dost-hcm-soc-trang-2019-2020'],
      ['2020', 'VALID_TO', 'agr-dost-hcm-soc-trang-2019-2020'],
      ['2020', 'VALID_TO', 'agr-mekong-kez-dost-programme-2018'],
      ['2020', 'VALID_TO', 'agr-mekong-kez-pc-16-ttht-ubnd-2018'],
    ]);
    // A date written as a year meets any window inside that year.
    const june = await timeline('region-mekong-delta', { from: '2020-06-01', to: '2020-06-30' });
    expect(june.filter((e) => e.kind === 'VALID_TO').map((e) => e.item)).toEqual(['agr-dost-hcm-soc-trang-2019-2020', 'agr-mekong-kez-dost-programme-2018', 'agr-mekong-kez-pc-16-ttht-ubnd-2018']);
  });

  test('an unknown actor is NOT_FOUND; from after to is BAD_USER_INPUT', async () => {
    expect((await errorOf(`{ timeline(actor: "org-nope") { date } }`)).extensions).toMatchObject({ code: 'NOT_FOUND', id: 'org-nope' });
    expect(await errorOf(`{ timeline(actor: "org-most", from: "2024-01-01", to: "2023-01-01") { date } }`)).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'from (2024-01-01) is after to (2023-01-01)',
    });
  });
});

const statementsOf = (query: string, variables: Record<string, unknown>) => runCounted(db, gql, query, variables);

describe('database round trips do not grow with the number of results', () => {
  // Statements may vary by a batch or two with timing (two lists resolving apart), never beyond one per
  // selection field; the larger answer holds more items than that bound, so a statement per item would break it.
  test('inForce with nested parties and participants', async () => {
    const q = `query($year: Int!) { inForce(year: $year) { agreements { id parties { role organization { id location { id } } } }
        activities { id participants { organization { id } } place { id } } } }`;
    const bound = selectionFields(q);
    const small = await statementsOf(q, { year: 2019 });
    const large = await statementsOf(q, { year: 2023 });
    expect(small.data.inForce.agreements.length + small.data.inForce.activities.length).toBe(4);
    expect(large.data.inForce.agreements.length + large.data.inForce.activities.length).toBe(17);
    expect(17).toBeGreaterThan(bound);
    expect(small.statements).toBeLessThanOrEqual(bound);
    expect(large.statements).toBeLessThanOrEqual(bound);
  });

  test('timeline with nested agreements, activities and organisations', async () => {
    const q = `query($actor: ID!, $from: LocalDate) { timeline(actor: $actor, from: $from) { date kind agreement { id parties { organization { id } } }
        activity { id participants { organization { id } } } organizations { id location { id } } } }`;
    // One more statement than selection fields: resolving the actor.
    const bound = selectionFields(q) + 1;
    const one = await statementsOf(q, { actor: 'org-dost-soc-trang' });
    // Since 2016: the region's ten dated events and an IN_FORCE event for each item in force since then.
    const many = await statementsOf(q, { actor: 'region-southeast', from: '2016-01-01' });
    expect(one.data.timeline).toHaveLength(2);
    expect(many.data.timeline.filter((e: { kind: string }) => e.kind !== 'IN_FORCE')).toHaveLength(10);
    expect(many.data.timeline.length).toBeGreaterThan(bound);
    expect(one.statements).toBeLessThanOrEqual(bound);
    expect(many.statements).toBeLessThanOrEqual(bound);
  });
});

describe('query plans', () => {
  test('the timeline starts from the actor’s organisations by id; inForce scans only its own label', async () => {
    expect(await db.explain(TIMELINE_ITEMS, { orgIds: ['org-most'], from: null, to: null })).toContain('NodeUniqueIndexSeek');
    for (const cypher of [IN_FORCE_AGREEMENTS, IN_FORCE_ACTIVITIES]) {
      expect(await db.explain(cypher, { since: null, until: null })).not.toContain('AllNodesScan');
    }
  });
});

describe('one rule for what is in force', () => {
  const db2 = openTestDb();
  const gql2 = gqlClient(db2);
  afterAll(() => db2.close());

  test.each(['2016-06-01', '2018-06-01', '2019-06-01', '2023-07-01', '2024-06-01'])('inForce(on: %s) and agreements(inForceOn) agree', async (on) => {
    const d = await data(gql2(`query($on: LocalDate!) { inForce(on: $on) { agreements { id } } agreements(filter: { inForceOn: $on }, first: 500) { nodes { id } } }`, { on }));
    const a = d.inForce.agreements.map((x: { id: string }) => x.id).sort();
    const b = d.agreements.nodes.map((x: { id: string }) => x.id).sort();
    expect(b).toEqual(a);
  });
});
