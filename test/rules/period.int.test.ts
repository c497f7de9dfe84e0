import { data, gqlClient, openTestDb } from '../helpers/graph';

// One rule for what is in force and when (src/rules/period.ts), read through every answer that asks it.
// Expected items are read off the seed files (seeds/documents/*.jsonl) and the sources' publication dates.

const db = openTestDb();
const gql = gqlClient(db, 20);
afterAll(() => db.close());

type Ids = string[];
const ids = (list: Array<{ id: string }>): Ids => list.map((x) => x.id).sort();

async function inForceOn(on: string): Promise<{ agreements: Ids; activities: Ids }> {
  const d = await data(gql(`query($on: LocalDate!) { inForce(on: $on) { agreements(first: 500) { id } activities(first: 500) { id } } }`, { on }));
  return { agreements: ids(d.inForce.agreements), activities: ids(d.inForce.activities) };
}

/** Every organisation that is a party of some agreement. */
async function partyOrganisations(): Promise<Ids> {
  const d = await data(gql(`{ agreements(first: 500) { nodes { parties(first: 100) { organization { id } } } } }`));
  const all = d.agreements.nodes.flatMap((a: { parties: Array<{ organization: { id: string } }> }) => a.parties.map((p) => p.organization.id));
  return [...new Set<string>(all)].sort();
}

/** Runs `fn` over `items` a few at a time (the test graph serves a handful of statements at once). */
async function inBatches<T, R>(items: T[], fn: (item: T) => Promise<R>, size = 4): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

const DAYS = ['2016-06-01', '2018-06-01', '2019-06-01', '2021-01-01', '2022-06-09', '2023-06-09', '2024-04-04', '2024-10-24', '2027-12-31', '2028-01-01'];

describe('inForce, agreements(filter: {inForceOn}) and the timeline return the same agreements', () => {
  test.each(DAYS)('on %s', async (on) => {
    const expected = (await inForceOn(on)).agreements;
    const listed = await data(gql(`query($on: LocalDate!) { agreements(filter: { inForceOn: $on }, first: 500) { nodes { id } } }`, { on }));
    expect(ids(listed.agreements.nodes)).toEqual(expected);

    // Per organisation: its timeline's IN_FORCE agreements on the day are its in-force agreements by the filter;
    // together they are all of them.
    const union = new Set<string>();
    const parties = await partyOrganisations();
    const answers = await inBatches(parties, (party) =>
      data(
        gql(
          `query($on: LocalDate!, $party: ID!) { timeline(actor: $party, from: $on, to: $on) { kind agreement { id } }
            agreements(filter: { inForceOn: $on, party: $party }, first: 500) { nodes { id } } }`,
          { on, party },
        ),
      ),
    );
    parties.forEach((party, i) => {
      const d = answers[i];
      const fromTimeline = ids(d.timeline.filter((e: { kind: string; agreement: unknown }) => e.kind === 'IN_FORCE' && e.agreement).map((e: { agreement: { id: string } }) => e.agreement));
      expect({ party, agreements: fromTimeline }).toEqual({ party, agreements: ids(d.agreements.nodes) });
      fromTimeline.forEach((id) => union.add(id));
    });
    expect([...union].sort()).toEqual(expected);
  });
});

describe('inForce activities are the activities under way on the day that were not only planned', () => {
  test.each(DAYS)('on %s', async (on) => {
    const d = await data(
      gql(`query($on: LocalDate!) { activities(filter: { from: $on, to: $on }, first: 500) { nodes { id statedStatus } } }`, { on }),
    );
    const underWay = d.activities.nodes.filter((a: { statedStatus: string | null }) => !['PLANNED', 'PROPOSED'].includes(a.statedStatus ?? ''));
    expect(ids(underWay)).toEqual((await inForceOn(on)).activities);
  });
});

describe('dates as precise as the text', () => {
  test('every date in the graph, on nodes and relationships, has its precision beside it', async () => {
    const missing = await db.read(
      `CALL () {
         MATCH (n) UNWIND keys(n) AS k WITH n, k WHERE valueType(n[k]) STARTS WITH 'DATE' AND n[k + 'Precision'] IS NULL RETURN k
         UNION ALL
         MATCH ()-[r]->() UNWIND keys(r) AS k WITH r, k WHERE valueType(r[k]) STARTS WITH 'DATE' AND r[k + 'Precision'] IS NULL RETURN k
       }
       RETURN k AS field, count(*) AS n`,
    );
    expect(missing).toEqual([]);
    const [dated] = await db.read(`MATCH (n) UNWIND keys(n) AS k WITH n, k WHERE valueType(n[k]) STARTS WITH 'DATE' RETURN count(*) AS n`);
    expect(Number(dated.n)).toBeGreaterThan(50);
  });

  test('year-only and month-only dates read as written; day dates as days', async () => {
    const d = await data(
      gql(`{ plan: agreement(id: "agr-002-hcmc-youth-startup-emulation-plan-2023-2027") { signedOn validFrom validTo }
        programme: agreement(id: "agr-mekong-kez-dost-programme-2018") { signedOn validFrom validTo }
        booths: activity(id: "act-002-techfest-haiphong-2023-online-booths") { startDate endDate } }`),
    );
    expect(d.plan).toEqual({ signedOn: null, validFrom: '2023', validTo: '2027' });
    expect(d.programme).toEqual({ signedOn: '2018-10-26', validFrom: '2018-10-26', validTo: '2020' });
    expect(d.booths).toEqual({ startDate: '2023-09', endDate: '2023-09' });
  });

  test('a year-only item is in every period inside its year and in none outside it', async () => {
    for (const on of ['2022-01-01', '2022-06-09', '2022-12-31']) expect((await inForceOn(on)).activities).toContain('act-vicap-2022');
    for (const on of ['2021-12-31', '2023-01-01']) expect((await inForceOn(on)).activities).not.toContain('act-vicap-2022');
    for (const on of ['2023-01-01', '2027-12-31']) expect((await inForceOn(on)).agreements).toContain('agr-002-hcmc-youth-startup-emulation-plan-2023-2027');
    expect((await inForceOn('2028-01-01')).agreements).not.toContain('agr-002-hcmc-youth-startup-emulation-plan-2023-2027');
    const inJune = await data(gql(`{ activities(filter: { from: "2022-06-01", to: "2022-06-30" }, first: 500) { nodes { id } } }`));
    expect(ids(inJune.activities.nodes)).toContain('act-vicap-2022');
  });

  test('a day-precise event is not in force on the next day', async () => {
    expect((await inForceOn('2024-10-24')).activities).toContain('act-hcmc-dost-victoria-delegation-2024-10-24');
    expect((await inForceOn('2024-10-25')).activities).not.toContain('act-hcmc-dost-victoria-delegation-2024-10-24');
  });

  test('undated items stated IN_FORCE or ONGOING are in force from the publication date of their source', async () => {
    // src-000 was published on 2024-04-04, src-004 on 2024-10-24.
    expect((await inForceOn('2024-04-04')).agreements).toContain('agr-ho-chi-minh-south-central-coast-socio-economic');
    expect((await inForceOn('2024-04-03')).agreements).not.toContain('agr-ho-chi-minh-south-central-coast-socio-economic');
    expect((await inForceOn('2024-10-24')).activities).toContain('act-hcmc-dost-study-visits-abroad');
    expect((await inForceOn('2024-10-23')).activities).not.toContain('act-hcmc-dost-study-visits-abroad');
  });
});

describe('status follows dates', () => {
  test('an agreement past its validTo is ENDED as of today and as of any later day, SIGNED before', async () => {
    const d = await data(
      gql(`{ agreement(id: "agr-mekong-kez-dost-programme-2018") { statedStatus status then: status(asOf: "2020-12-31") after: status(asOf: "2021-01-01") } }`),
    );
    expect(d.agreement).toEqual({ statedStatus: 'SIGNED', status: 'ENDED', then: 'SIGNED', after: 'ENDED' });
  });

  test('an ongoing activity past its end was HELD; an undated ongoing one stays ONGOING', async () => {
    const d = await data(
      gql(`{ competition: activity(id: "act-binh-thuan-startup-competition-2022-2024") { statedStatus status then: status(asOf: "2024-06-01") }
        visits: activity(id: "act-hcmc-dost-study-visits-abroad") { status } }`),
    );
    expect(d.competition).toEqual({ statedStatus: 'ONGOING', status: 'HELD', then: 'ONGOING' });
    expect(d.visits).toEqual({ status: 'ONGOING' });
  });

  test('the status filter reads the status as of its day, as the status field does', async () => {
    for (const asOf of ['2020-06-01', '2021-01-01', '2030-01-01']) {
      const d = await data(
        gql(`query($asOf: LocalDate!) { ended: agreements(filter: { status: ENDED, asOf: $asOf }, first: 500) { nodes { id } }
          all: agreements(first: 500) { nodes { id status(asOf: $asOf) } } }`, { asOf }),
      );
      const expected = d.all.nodes.filter((a: { status: string }) => a.status === 'ENDED');
      expect(ids(d.ended.nodes)).toEqual(ids(expected));
    }
    const today = await data(gql(`{ agreements(filter: { status: ENDED }, first: 500) { nodes { id } } }`));
    expect(ids(today.agreements.nodes)).toContain('agr-mekong-kez-dost-programme-2018');
  });
});
