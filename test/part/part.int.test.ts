import neo4j from 'neo4j-driver';
import { intParam } from '../../src/db/database';
import * as partQueries from '../../src/part/part.repository';
import { data, gqlClient, openTestDb } from '../helpers/graph';
import { selectionFields, statementsOf } from '../helpers/statements';

// A small fixture of its own (ids under one prefix, removed afterwards), so these tests do not depend on how the
// curated documents are split into instruments and parts.
const P = 'fixture-parts';
const ORG_A = 'org-dost-ho-chi-minh';
const ORG_B = 'org-dost-soc-trang';
const ORG_C = 'org-gov-au-vic';
const ID = {
  memo: `agr-${P}-memo`,
  plan: `agr-${P}-plan`,
  content1: `part-${P}-content-1`,
  content2: `part-${P}-content-2`,
  content3: `part-${P}-content-3`,
  planContent: `part-${P}-plan-content`,
  round1: `part-${P}-round-1`,
  contest: `act-${P}-contest`,
  session: `act-${P}-session`,
  subSession: `act-${P}-sub-session`,
  sideEvent: `act-${P}-side-event`,
  task: `act-${P}-task`,
  unitA: `prov-${P}-a`,
  unitB: `prov-${P}-b`,
  topic: `topic-${P}`,
};

const prov = (quote: string) => JSON.stringify([{ source: 'src-fixture', quote }]);
const date = (y: number, m: number, d: number) => new neo4j.types.Date(y, m, d);

const FIXTURE = `
CREATE (ua:AdminUnit {id: $id.unitA, name: 'Fixture unit A'}), (ub:AdminUnit {id: $id.unitB, name: 'Fixture unit B'})
CREATE (t:Topic {id: $id.topic, name: 'Fixture topic'})
WITH ua, ub, t
MATCH (a:Organization {id: $orgA}), (b:Organization {id: $orgB}), (c:Organization {id: $orgC})
CREATE (memo:Agreement {id: $id.memo, kind: 'MEMORANDUM', title: 'Fixture memorandum', status: 'SIGNED', signedOn: $signed})
CREATE (plan:Agreement {id: $id.plan, kind: 'PLAN', title: 'Fixture plan', status: 'SIGNED', signedOn: $signed})
CREATE (a)-[:PARTY_TO {role: 'SIGNATORY'}]->(memo), (b)-[:PARTY_TO {role: 'SIGNATORY'}]->(memo)
CREATE (a)-[:PARTY_TO {role: 'SIGNATORY'}]->(plan), (c)-[:PARTY_TO {role: 'SIGNATORY'}]->(plan)
CREATE (p1:Part {id: $id.content1, kind: 'PLANNED_CONTENT', ordinal: 1, title: 'Hỗ trợ khởi nghiệp', titleEn: 'Startup support',
               status: 'PLANNED', startDate: $start, startDatePrecision: 'YEAR', summary: 'Joint startup support', provenance: $prov1})
CREATE (p2:Part {id: $id.content2, kind: 'PLANNED_CONTENT', ordinal: 2, title: 'Kết nối cung cầu', status: 'PLANNED'})
CREATE (p3:Part {id: $id.content3, kind: 'COMPONENT', title: 'Unnumbered component', status: 'IN_FORCE', endDate: $yearEnd, endDatePrecision: 'YEAR'})
CREATE (pp:Part {id: $id.planContent, kind: 'PROPOSED_DIRECTION', ordinal: 1, title: 'Plan direction', status: 'PROPOSED'})
CREATE (memo)-[:HAS_PART]->(p2), (memo)-[:HAS_PART]->(p3), (memo)-[:HAS_PART]->(p1), (plan)-[:HAS_PART]->(pp)
CREATE (b)-[:PART_ACTOR {role: 'LEAD', provenance: $prov2}]->(p1), (a)-[:PART_ACTOR {role: 'IMPLEMENTER'}]->(p1), (c)-[:PART_ACTOR {role: 'PROPOSER'}]->(pp)
CREATE (p1)-[:ABOUT]->(t)
CREATE (contest:Activity {id: $id.contest, kind: 'COMPETITION', title: 'Fixture contest', status: 'HELD', startDate: $start})
CREATE (r1:Part {id: $id.round1, kind: 'ROUND', ordinal: 1, title: 'Vòng sơ khảo'})
CREATE (contest)-[:HAS_PART]->(r1), (contest)-[:HELD_IN]->(ua)
CREATE (a)-[:PARTICIPATED_IN {role: 'ORGANISER'}]->(contest), (c)-[:PARTICIPATED_IN {role: 'PARTICIPANT'}]->(contest)
CREATE (session:Activity {id: $id.session, kind: 'WORKSHOP', title: 'Fixture session, no place or organiser of its own', startDate: $start})
CREATE (sub:Activity {id: $id.subSession, kind: 'SEMINAR', title: 'Fixture session within the session', startDate: $start})
CREATE (side:Activity {id: $id.sideEvent, kind: 'WORKSHOP', title: 'Fixture side event with its own place and organiser', startDate: $start})
CREATE (session)-[:PART_OF]->(contest), (sub)-[:PART_OF]->(session), (side)-[:PART_OF]->(contest)
CREATE (side)-[:HELD_IN]->(ub), (b)-[:PARTICIPATED_IN {role: 'ORGANISER'}]->(side)
CREATE (task:Activity {id: $id.task, kind: 'RESEARCH_TASK', title: 'Fixture task for the first content', startDate: $start})
CREATE (task)-[:UNDER]->(memo), (task)-[:UNDER_PART]->(p1)`;

const db = openTestDb();
const gql = gqlClient(db);
const q = <T = any>(query: string, variables: Record<string, unknown> = {}) => data<T>(gql<T>(query, variables));

beforeAll(async () => {
  await removeFixture();
  await db.write(FIXTURE, {
    id: ID,
    orgA: ORG_A,
    orgB: ORG_B,
    orgC: ORG_C,
    signed: date(2024, 3, 1),
    start: date(2024, 1, 1),
    yearEnd: date(2024, 12, 31),
    prov1: prov('Hỗ trợ khởi nghiệp đổi mới sáng tạo'),
    prov2: prov('Sở KH&CN Sóc Trăng chủ trì'),
  });
});

afterAll(async () => {
  await removeFixture();
  await db.close();
});

function removeFixture() {
  return db.write('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: Object.values(ID) });
}

const ours = (list: Array<{ id: string }>) => list.map((x) => x.id).filter((id) => id.includes(P)).sort();

describe('parts of an instrument', () => {
  test('an agreement lists its parts by ordinal, unnumbered last, with what the text says of each', async () => {
    const d = await q(`query($id: ID!) { agreement(id: $id) { parts {
        id kind ordinal title titleEn statedStatus startDate endDate summary
        provenance { sourceId quote }
        actors { role organization { id } provenance { quote } }
        topics { id }
        instrument { __typename ... on Agreement { id } }
      } } }`, { id: ID.memo });
    const parts = d.agreement.parts;
    expect(parts.map((p: { id: string }) => p.id)).toEqual([ID.content1, ID.content2, ID.content3]);
    expect(parts[0]).toMatchObject({
      kind: 'PLANNED_CONTENT',
      ordinal: 1,
      title: 'Hỗ trợ khởi nghiệp',
      titleEn: 'Startup support',
      statedStatus: 'PLANNED',
      startDate: '2024',
      endDate: null,
      summary: 'Joint startup support',
      provenance: [{ sourceId: 'src-fixture', quote: 'Hỗ trợ khởi nghiệp đổi mới sáng tạo' }],
      topics: [{ id: ID.topic }],
      instrument: { __typename: 'Agreement', id: ID.memo },
    });
    expect(parts[0].actors).toEqual([
      { role: 'IMPLEMENTER', organization: { id: ORG_A }, provenance: [] },
      { role: 'LEAD', organization: { id: ORG_B }, provenance: [{ quote: 'Sở KH&CN Sóc Trăng chủ trì' }] },
    ]);
    expect(parts[2]).toMatchObject({ kind: 'COMPONENT', ordinal: null, startDate: null, endDate: '2024', actors: [], topics: [] });
  });

  test('a part’s status follows its dates: in force through the year it ends in, ended after it; a plan stays a plan', async () => {
    const status = async (id: string, asOf: string) =>
      (await q(`query($id: ID!, $asOf: LocalDate) { part(id: $id) { status(asOf: $asOf) statedStatus } }`, { id, asOf })).part;
    expect(await status(ID.content3, '2024-12-31')).toEqual({ status: 'IN_FORCE', statedStatus: 'IN_FORCE' });
    expect(await status(ID.content3, '2025-01-01')).toEqual({ status: 'ENDED', statedStatus: 'IN_FORCE' });
    expect(await status(ID.content1, '2030-01-01')).toEqual({ status: 'PLANNED', statedStatus: 'PLANNED' });
  });

  test('an activity lists its parts, and a part leads back to its activity', async () => {
    const d = await q(`query($id: ID!) { activity(id: $id) { parts { id kind instrument { __typename ... on Activity { id } } } } }`, { id: ID.contest });
    expect(d.activity.parts).toEqual([{ id: ID.round1, kind: 'ROUND', instrument: { __typename: 'Activity', id: ID.contest } }]);
  });

  test('a part is found by id, with the activities carried out for it', async () => {
    const d = await q(`query($id: ID!, $task: ID!) {
        part(id: $id) { id activities { id } actors(first: 1, offset: 1) { organization { id } } }
        activity(id: $task) { part { id } }
      }`, { id: ID.content1, task: ID.task });
    expect(d.part).toEqual({ id: ID.content1, activities: [{ id: ID.task }], actors: [{ organization: { id: ORG_B } }] });
    expect(d.activity.part).toEqual({ id: ID.content1 });
  });

  test('an unknown part id is NOT_FOUND', async () => {
    const r = await gql(`{ part(id: "part-${P}-none") { id } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  test('parts, their actors and instruments of many agreements take one statement per field, whatever their number', async () => {
    const query = `query($org: ID!) { agreements(filter: { party: $org }, first: 100) { nodes { id
        parts(first: 10) { id actors(first: 10) { role organization { id } } instrument { __typename ... on Agreement { id } } } } } }`;
    const { statements, data: d } = await statementsOf(db, gql, query, { org: ORG_A });
    const withParts = d.agreements.nodes.filter((a: { parts: unknown[] }) => a.parts.length > 0);
    expect(ours(withParts)).toEqual([ID.memo, ID.plan].sort());
    expect(statements).toBeLessThanOrEqual(selectionFields(query));
  });

  test('parts are not agreements or activities of their own', async () => {
    const d = await q(`query($org: ID!) {
        agreements(filter: { party: $org }, first: 500) { nodes { id } }
        activities(filter: { participant: $org }, first: 500) { nodes { id } }
      }`, { org: ORG_C });
    expect(ours(d.agreements.nodes)).toEqual([ID.plan]);
    expect(ours(d.activities.nodes)).toEqual([ID.contest]);
  });
});

describe('sub-events inherit the place and organisers of their event for filtering', () => {
  const activities = async (filter: Record<string, unknown>) =>
    ours((await q(`query($f: ActivityFilter) { activities(filter: $f, first: 500) { nodes { id } } }`, { f: filter })).activities.nodes);

  test('an event lists its sub-events apart from its parts', async () => {
    const d = await q(`query($id: ID!) { activity(id: $id) { subEvents { id } parts { id } } }`, { id: ID.contest });
    expect(d.activity.subEvents.map((a: { id: string }) => a.id).sort()).toEqual([ID.session, ID.sideEvent].sort());
    expect(d.activity.parts.map((p: { id: string }) => p.id)).toEqual([ID.round1]);
  });

  test('filtering by place includes sub-events without a place of their own, at any depth, and not those held elsewhere', async () => {
    expect(await activities({ place: ID.unitA })).toEqual([ID.contest, ID.session, ID.subSession].sort());
    expect(await activities({ place: ID.unitB })).toEqual([ID.sideEvent]);
  });

  test('filtering by an organiser includes sub-events without organisers of their own, and not those organised by others', async () => {
    expect(await activities({ participant: ORG_A })).toEqual([ID.contest, ID.session, ID.subSession].sort());
    expect(await activities({ participant: ORG_B })).toEqual([ID.sideEvent]);
  });

  test('attending an event is not attending its sub-events', async () => {
    expect(await activities({ participant: ORG_C })).toEqual([ID.contest]);
  });

  test('inherited place and organiser combine with the other filters', async () => {
    expect(await activities({ place: ID.unitA, participant: ORG_A, kind: 'SEMINAR' })).toEqual([ID.subSession]);
  });
});

describe('part statements', () => {
  const page = { first: intParam(100), offset: intParam(0) };
  test.each(Object.keys(partQueries))('%s starts from the id index, never from every node', async (name) => {
    const operators = await db.explain((partQueries as Record<string, string>)[name], { keys: ['part-x'], ...page });
    expect(operators).toContain('NodeUniqueIndexSeek');
    expect(operators).not.toContain('AllNodesScan');
  });
});
