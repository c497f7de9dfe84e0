import { randomUUID } from 'node:crypto';
import { data, gqlClient, openTestDb } from '../helpers/graph';

// A small network with one case per tie kind and counting rule, written under a unique id prefix and removed
// afterwards:
// - workshop: organiser O, embassies E1 and E2 attending (ORGANISER_PARTICIPANT; the embassies CO_PARTICIPANTS);
// - fair: department D organises with its own centre S (PARENT_SUBUNIT), partner P attends;
// - bilateral: D and P sign (COUNTERPARTIES, weight 1); trilateral: Q1, Q2, Q3 sign (CO_PARTIES, weight 1/2);
// - plan: D and Q1 plan to sign (counts only with includeIntended).
const db = openTestDb();
const gql = gqlClient(db, 20);
const x = `tfx${randomUUID().slice(0, 8)}-`;
const id = (name: string) => `${x}${name}`;

const ORGS: Array<[string, string]> = [
  ['o', 'GOVERNMENT'],
  ['e1', 'FOREIGN_BODY'],
  ['e2', 'FOREIGN_BODY'],
  ['d', 'GOVERNMENT'],
  ['s', 'GOVERNMENT'],
  ['p', 'UNIVERSITY'],
  ['q1', 'COMPANY'],
  ['q2', 'COMPANY'],
  ['q3', 'COMPANY'],
];
const INSTRUMENTS: Array<{ id: string; label: 'Agreement' | 'Activity'; status: string; date: string; roles: Array<[string, string]> }> = [
  { id: 'workshop', label: 'Activity', status: 'HELD', date: '2023-06-09', roles: [['o', 'ORGANISER'], ['e1', 'PARTICIPANT'], ['e2', 'PARTICIPANT']] },
  { id: 'fair', label: 'Activity', status: 'HELD', date: '2021-03-01', roles: [['d', 'ORGANISER'], ['s', 'CO_ORGANISER'], ['p', 'PARTICIPANT']] },
  { id: 'bilateral', label: 'Agreement', status: 'SIGNED', date: '2022-05-10', roles: [['d', 'SIGNATORY'], ['p', 'SIGNATORY']] },
  { id: 'trilateral', label: 'Agreement', status: 'SIGNED', date: '2020-01-15', roles: [['q1', 'SIGNATORY'], ['q2', 'SIGNATORY'], ['q3', 'SIGNATORY']] },
  { id: 'plan', label: 'Agreement', status: 'PLANNED', date: '2025-01-01', roles: [['d', 'SIGNATORY'], ['q1', 'SIGNATORY']] },
];

beforeAll(async () => {
  await db.write(
    `UNWIND $orgs AS o CREATE (:Organization {id: o.id, name: o.id, kind: o.kind})`,
    { orgs: ORGS.map(([name, kind]) => ({ id: id(name), kind })) },
  );
  await db.write(`MATCH (s:Organization {id: $s}), (d:Organization {id: $d}) CREATE (s)-[:PART_OF]->(d)`, { s: id('s'), d: id('d') });
  // A unit holding the three companies, as a scope.
  await db.write(
    `CREATE (u:AdminUnit {id: $unit, name: $unit}) WITH u UNWIND $orgs AS oid MATCH (o:Organization {id: oid}) CREATE (o)-[:LOCATED_IN]->(u)`,
    { unit: id('unit'), orgs: [id('q1'), id('q2'), id('q3'), id('d')] },
  );
  for (const i of INSTRUMENTS) {
    const date = i.label === 'Agreement' ? 'signedOn' : 'startDate';
    await db.write(
      `CREATE (x:${i.label} {id: $id, title: $id, kind: 'OTHER', status: $status, ${date}: date($date)})
       WITH x UNWIND $roles AS r
       MATCH (o:Organization {id: r.org})
       CREATE (o)-[:${i.label === 'Agreement' ? 'PARTY_TO' : 'PARTICIPATED_IN'} {role: r.role}]->(x)`,
      { id: id(i.id), status: i.status, date: i.date, roles: i.roles.map(([org, role]) => ({ org: id(org), role })) },
    );
  }
});

afterAll(async () => {
  await db.write(
    `MATCH (n) WHERE (n:Organization OR n:Agreement OR n:Activity OR n:AdminUnit) AND n.id STARTS WITH $prefix DETACH DELETE n`,
    { prefix: x },
  );
  await db.close();
});

const PARTNERS = `query($actor: ID!, $filter: LinkFilter) {
  partners(actor: $actor, filter: $filter) {
    totalCount
    partners { count weight countsByKind { kind count } firstDate lastDate organization { id } evidence { id tieKind actorRole partnerRole partnerOrganization { id } } }
  }
}`;

type P = { count: number; weight: number; countsByKind: Array<{ kind: string; count: number }>; firstDate: string | null; lastDate: string | null; organization: { id: string }; evidence: any[] };

async function partners(actor: string, filter?: Record<string, unknown>): Promise<P[]> {
  return (await data(gql(PARTNERS, { actor: id(actor), filter }))).partners.partners;
}
const ids = (list: P[]) => list.map((p) => p.organization.id.slice(x.length)).sort();

describe('typed ties in partners', () => {
  test('two embassies that only attended one workshop are not tied by default, and are co-participants when asked', async () => {
    expect(ids(await partners('e1'))).toEqual(['o']);
    const asked = await partners('e1', { ties: ['CO_PARTICIPANTS'] });
    expect(asked).toEqual([expect.objectContaining({ organization: { id: id('e2') }, count: 1, countsByKind: [{ kind: 'CO_PARTICIPANTS', count: 1 }] })]);
  });

  test('an organiser and a participant are tied as ORGANISER_PARTICIPANT, with the roles as evidence', async () => {
    const [e1] = (await partners('o')).filter((p) => p.organization.id === id('e1'));
    expect(e1).toMatchObject({ count: 1, weight: 0.5, countsByKind: [{ kind: 'ORGANISER_PARTICIPANT', count: 1 }], firstDate: '2023-06-09' });
    expect(e1.evidence).toEqual([
      { id: id('workshop'), tieKind: 'ORGANISER_PARTICIPANT', actorRole: 'ORGANISER', partnerRole: 'PARTICIPANT', partnerOrganization: { id: id('e1') } },
    ]);
  });

  test('a department is not tied to its own centre by default, is PARENT_SUBUNIT when asked, and roll-up merges them', async () => {
    expect(ids(await partners('d'))).toEqual(['p']);
    const asked = await partners('d', { ties: ['PARENT_SUBUNIT'] });
    expect(asked).toEqual([expect.objectContaining({ organization: { id: id('s') }, countsByKind: [{ kind: 'PARENT_SUBUNIT', count: 1 }] })]);
    // Rolled up, the centre's ties are its department's and the two are one actor: P is a partner of the centre.
    const rolled = await partners('s', { rollUpSubUnits: true });
    expect(ids(rolled)).toEqual(['p']);
    expect(rolled[0]).toMatchObject({ count: 2, countsByKind: [{ kind: 'COUNTERPARTIES', count: 1 }, { kind: 'ORGANISER_PARTICIPANT', count: 1 }] });
  });

  test('a bilateral agreement ties its two signatories as COUNTERPARTIES with weight 1', async () => {
    const [p] = await partners('d', { linkKinds: ['AGREEMENT'] });
    expect(p).toMatchObject({ organization: { id: id('p') }, count: 1, weight: 1, countsByKind: [{ kind: 'COUNTERPARTIES', count: 1 }], firstDate: '2022-05-10' });
  });

  test('a three-party agreement ties each pair as CO_PARTIES with weight 1/2', async () => {
    const list = await partners('q2');
    expect(ids(list)).toEqual(['q1', 'q3']);
    for (const p of list) expect(p).toMatchObject({ count: 1, weight: 0.5, countsByKind: [{ kind: 'CO_PARTIES', count: 1 }] });
  });

  test('a planned instrument counts only with includeIntended', async () => {
    expect(ids(await partners('d'))).not.toContain('q1');
    const intended = await partners('d', { includeIntended: true });
    expect(ids(intended)).toContain('q1');
    expect(intended.find((p) => p.organization.id === id('q1'))).toMatchObject({ count: 1, countsByKind: [{ kind: 'COUNTERPARTIES', count: 1 }], firstDate: '2025-01-01' });
  });

  test('partners come by fractional weight, then count, then id', async () => {
    const list = await partners('d', { ties: ['COUNTERPARTIES', 'ORGANISER_PARTICIPANT', 'PARENT_SUBUNIT'], includeIntended: true });
    // P: bilateral (1) and fair (1/2); Q1: plan (1); S: fair (1/2).
    expect(list.map((p) => [p.organization.id.slice(x.length), p.weight, p.count])).toEqual([
      ['p', 1.5, 2],
      ['q1', 1, 1],
      ['s', 0.5, 1],
    ]);
  });
});

const EDGES = `query($actor: ID!, $depth: Int, $filter: LinkFilter) {
  egoNetwork(actor: $actor, depth: $depth, filter: $filter) { nodes { id distance } edges { source target weight count countsByKind { kind count } evidence } }
}`;

describe('typed ties in networks and routes', () => {
  test('the ego network keeps only ties of the selection; roll-up merges a department and its centre into one node', async () => {
    const plain = (await data(gql(EDGES, { actor: id('d'), depth: 1 }))).egoNetwork;
    expect(plain.nodes.map((n: any) => n.id).sort()).toEqual([id('d'), id('p')]);
    expect(plain.edges).toEqual([
      {
        source: id('d'),
        target: id('p'),
        weight: 1.5,
        count: 2,
        countsByKind: [{ kind: 'COUNTERPARTIES', count: 1 }, { kind: 'ORGANISER_PARTICIPANT', count: 1 }],
        evidence: [id('bilateral'), id('fair')],
      },
    ]);
    // The centre reaches its department through the partner at depth 2, not through the parent tie.
    const around = (await data(gql(EDGES, { actor: id('s'), depth: 2 }))).egoNetwork;
    expect(around.nodes).toEqual([{ id: id('s'), distance: 0 }, { id: id('p'), distance: 1 }, { id: id('d'), distance: 2 }]);
    const all = (await data(gql(EDGES, { actor: id('s'), depth: 1, filter: { ties: ['PARENT_SUBUNIT', 'ORGANISER_PARTICIPANT'] } }))).egoNetwork;
    expect(all.edges.map((e: any) => [e.source, e.target, e.countsByKind[0].kind])).toEqual(
      expect.arrayContaining([[id('d'), id('s'), 'PARENT_SUBUNIT'], [id('p'), id('s'), 'ORGANISER_PARTICIPANT']]),
    );
    const rolled = (await data(gql(EDGES, { actor: id('s'), depth: 2, filter: { rollUpSubUnits: true } }))).egoNetwork;
    expect(rolled.nodes).toEqual([{ id: id('d'), distance: 0 }, { id: id('p'), distance: 1 }]);
    expect(rolled.edges).toHaveLength(1);
  });

  test('the cooperation network of a scope types its edges: a three-party agreement weighs 1/2 per pair, a plan counts only when asked', async () => {
    const q = `query($scope: ID!, $filter: LinkFilter) { cooperationNetwork(scope: $scope, filter: $filter) { nodes { id } edges { source target weight countsByKind { kind count } } } }`;
    const g = (await data(gql(q, { scope: id('unit') }))).cooperationNetwork;
    expect(g.nodes.map((n: any) => n.id)).toEqual([id('d'), id('q1'), id('q2'), id('q3')]);
    expect(g.edges).toEqual(
      [['q1', 'q2'], ['q1', 'q3'], ['q2', 'q3']].map(([a, b]) => ({ source: id(a), target: id(b), weight: 0.5, countsByKind: [{ kind: 'CO_PARTIES', count: 1 }] })),
    );
    const intended = (await data(gql(q, { scope: id('unit'), filter: { includeIntended: true } }))).cooperationNetwork;
    expect(intended.edges).toContainEqual({ source: id('d'), target: id('q1'), weight: 1, countsByKind: [{ kind: 'COUNTERPARTIES', count: 1 }] });
  });

  test('a route steps only through ties of the selection, each step with its instrument and tie kind', async () => {
    const q = `query($from: ID!, $to: ID!, $filter: LinkFilter) { paths(from: $from, to: $to, filter: $filter) {
      found length paths { steps { from { id } to { id } instrumentId kind tieKind } } } }`;
    const none = (await data(gql(q, { from: id('e1'), to: id('e2') }))).paths;
    expect(none).toMatchObject({ found: false, paths: [] });
    const direct = (await data(gql(q, { from: id('e1'), to: id('e2'), filter: { ties: ['CO_PARTICIPANTS'] } }))).paths;
    expect(direct.paths[0].steps).toEqual([{ from: { id: id('e1') }, to: { id: id('e2') }, instrumentId: id('workshop'), kind: 'ACTIVITY', tieKind: 'CO_PARTICIPANTS' }]);
    const parent = (await data(gql(q, { from: id('s'), to: id('p') }))).paths;
    expect(parent.paths[0].steps.map((s: any) => s.tieKind)).toEqual(['ORGANISER_PARTICIPANT']);
    // A centre reaches its own department through a partner, not through the parent tie.
    const around = (await data(gql(q, { from: id('s'), to: id('d') }))).paths;
    expect(around.length).toBe(2);
    expect(around.paths[0].steps.map((s: any) => s.to.id)).toEqual([id('p'), id('d')]);
  });
});
