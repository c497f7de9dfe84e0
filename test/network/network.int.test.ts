import { data, gqlClient, openTestDb } from '../helpers/graph';
import { statementsOf } from '../helpers/statements';

const db = openTestDb();
const gql = gqlClient(db, 20);
afterAll(() => db.close());

const PARTNERS = `query($actor: ID!, $hops: Int, $filter: LinkFilter) {
  partners(actor: $actor, hops: $hops, filter: $filter) {
    actorKind actorOrganizations totalCount truncated
    partners { distance strength count weight countsByKind { kind count } firstDate organization { id } via { id }
      evidence { kind id date tieKind actorRole partnerRole actorOrganization { id } agreement { id } activity { id startDate } } }
  }
}`;

async function partners(actor: string, hops = 1, filter?: Record<string, unknown>) {
  const d = await data(gql(PARTNERS, { actor, hops, filter }));
  return d.partners as {
    actorKind: string;
    actorOrganizations: number;
    totalCount: number;
    partners: Array<{
      distance: number;
      strength: number;
      count: number;
      weight: number;
      countsByKind: Array<{ kind: string; count: number }>;
      firstDate: string | null;
      organization: { id: string };
      via: { id: string } | null;
      evidence: any[];
    }>;
  };
}

const ids = (list: Array<{ organization: { id: string } }>) => list.map((p) => p.organization.id);

describe('partners', () => {
  test('the HCMC Department of S&T’s partners come by fractional weight; Victoria is tied by the 2024 visit', async () => {
    const r = await partners('org-dost-ho-chi-minh');
    expect(r.actorKind).toBe('Organization');
    const order = r.partners.map((p) => [-p.weight, -p.count, p.organization.id] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : 1)));
    expect(r.partners[0]).toMatchObject({ distance: 1, organization: { id: 'org-dost-soc-trang' } });
    const victoria = r.partners.find((p) => p.organization.id === 'org-gov-au-vic')!;
    expect(victoria).toMatchObject({ count: 1, strength: 1, weight: 1, countsByKind: [{ kind: 'ORGANISER_PARTICIPANT', count: 1 }], firstDate: '2024-10-24' });
    expect(victoria.evidence).toEqual([
      {
        kind: 'ACTIVITY',
        id: 'act-hcmc-dost-victoria-delegation-2024-10-24',
        date: '2024-10-24',
        tieKind: 'ORGANISER_PARTICIPANT',
        actorRole: 'HOST',
        partnerRole: 'PARTICIPANT',
        actorOrganization: { id: 'org-dost-ho-chi-minh' },
        activity: { id: 'act-hcmc-dost-victoria-delegation-2024-10-24', startDate: '2024-10-24' },
        agreement: null,
      },
    ]);
    const intended = await partners('org-dost-ho-chi-minh', 1, { includeIntended: true });
    expect(intended.partners.find((p) => p.organization.id === 'org-gov-au-vic')!.count).toBeGreaterThanOrEqual(1);
    expect(intended.totalCount).toBeGreaterThanOrEqual(r.totalCount);
    expect(ids(r.partners)).toEqual(expect.arrayContaining(['org-dost-soc-trang', 'org-csiro', 'org-uts', 'org-griffith-university']));
    expect(r.totalCount).toBe(r.partners.length);
  });

  test('a period keeps only the ties through instruments in force or held in it', async () => {
    const r = await partners('org-dost-ho-chi-minh', 1, { from: '2024-01-01', to: '2024-12-31' });
    expect(ids(r.partners)).toContain('org-gov-au-vic');
    expect(ids(r.partners)).not.toContain('org-dost-soc-trang');
    expect(r.partners.find((p) => p.organization.id === 'org-gov-au-vic')!.count).toBe(1);
    const old = await partners('org-dost-ho-chi-minh', 1, { from: '2019-01-01', to: '2020-12-31' });
    expect(ids(old.partners)).toContain('org-dost-soc-trang');
    expect(ids(old.partners)).not.toContain('org-gov-au-vic');
  });

  test('kinds of partner and of link narrow the answer', async () => {
    const universities = await partners('org-dost-ho-chi-minh', 1, { partnerKinds: ['UNIVERSITY'] });
    expect(ids(universities.partners).sort()).toEqual(['org-griffith-university', 'org-uts', 'org-vnu-hcm-hcmut']);
    const viaActivities = await partners('org-dost-ho-chi-minh', 1, { linkKinds: ['ACTIVITY'] });
    expect(viaActivities.partners.find((p) => p.organization.id === 'org-gov-au-vic')?.count).toBe(1);
    for (const p of viaActivities.partners) for (const e of p.evidence) expect(e.kind).toBe('ACTIVITY');
  });

  test('further hops reach partners of partners, with a neighbour on the way', async () => {
    const r = await partners('org-dost-binh-thuan', 3);
    const fund = r.partners.find((p) => p.organization.id === 'org-hcmc-youth-startup-fund');
    expect(fund).toMatchObject({ distance: 2, count: 0, weight: 0, via: { id: 'org-pc-ho-chi-minh' }, evidence: [] });
    const direct = r.partners.filter((p) => p.distance === 1);
    expect(direct.map((p) => p.organization.id)).toContain('org-vnu-hcm-inst-nano');
    expect(r.partners.map((p) => p.distance)).toEqual([...r.partners.map((p) => p.distance)].sort());
  });

  test('today’s Cần Thơ speaks for Sóc Trăng’s organisations too; the Cần Thơ of 2018 does not', async () => {
    const today = await partners('prov-can-tho-2025');
    expect(today.actorKind).toBe('AdminUnit');
    expect(ids(today.partners)).toContain('org-dost-ho-chi-minh');
    const before = await partners('prov-can-tho');
    expect(ids(before.partners)).not.toContain('org-dost-ho-chi-minh');
    expect(ids(before.partners)).toEqual(expect.arrayContaining(['org-dost-an-giang', 'org-dost-ca-mau', 'org-dost-kien-giang']));
    expect(today.actorOrganizations).toBeGreaterThan(before.actorOrganizations);
  });

  test('a region’s partners are outside it unless asked', async () => {
    const r = await partners('region-mekong-delta');
    expect(r.actorKind).toBe('Region');
    expect(ids(r.partners)).toContain('org-dost-ho-chi-minh');
    expect(ids(r.partners)).not.toContain('org-dost-can-tho');
  });

  test('bad input is refused with the limit or NOT_FOUND', async () => {
    const deep = await gql(`{ partners(actor: "org-most", hops: 4) { totalCount } }`);
    expect(deep.errors?.[0]).toMatchObject({ message: 'hops must be between 1 and 3 (got 4)', extensions: { code: 'BAD_USER_INPUT' } });
    const unknown = await gql(`{ partners(actor: "org-nobody") { totalCount } }`);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const range = await gql(`{ partners(actor: "org-most", filter: { from: "2024-01-01", to: "2020-01-01" }) { totalCount } }`);
    expect(range.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const PAGE = `query($actor: ID!, $hops: Int, $filter: LinkFilter, $first: Int, $offset: Int) {
  partners(actor: $actor, hops: $hops, filter: $filter, first: $first, offset: $offset) {
    totalCount truncated partners { distance strength organization { id name } via { id } evidence { kind id actorRole partnerRole actorOrganization { id } } }
  }
}`;

type PagePartner = { distance: number; evidence: Array<{ id: string; actorRole: string; partnerRole: string; actorOrganization: { id: string } }> };

// Evidence comes in no particular order; a partner's evidence is compared as a set.
const sortedEvidence = (list: PagePartner[]) =>
  list.map((p) => ({ ...p, evidence: [...p.evidence].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) }));

describe('partner pages', () => {
  test.each([
    ['an organisation, one hop', 'org-dost-ho-chi-minh', 1, null],
    ['an organisation, three hops', 'org-dost-binh-thuan', 3, null],
    ['a unit, two hops, two kinds of partner', 'prov-can-tho-2025', 2, { partnerKinds: ['GOVERNMENT', 'UNIVERSITY'] }],
  ])('%s: every page is that slice of the whole list, with the same total', async (_what, actor, hops, filter) => {
    const all = (await data(gql(PAGE, { actor, hops, filter, first: 500, offset: 0 }))).partners;
    const direct = all.partners.filter((p: PagePartner) => p.distance === 1).length;
    expect(all.totalCount).toBe(all.partners.length);
    if (hops > 1) expect(all.totalCount).toBeGreaterThan(direct);
    const pages = [[0, 1], [1, 3], [direct - 1, 3], [direct, 2], [all.totalCount - 1, 5], [all.totalCount, 5]];
    for (const [offset, first] of pages) {
      const page = (await data(gql(PAGE, { actor, hops, filter, first, offset }))).partners;
      expect(page.totalCount).toBe(all.totalCount);
      expect(sortedEvidence(page.partners)).toEqual(sortedEvidence(all.partners.slice(offset, offset + first)));
    }
  });

  test('the evidence is read only when asked for, in the same one statement', async () => {
    const query = (evidence: string) => `{ partners(actor: "org-dost-ho-chi-minh", first: 5) { totalCount partners { strength organization { id name } ${evidence} } } }`;
    const lean = await statementsOf(db, gql, query(''), {});
    const full = await statementsOf(db, gql, `${query('...E')} fragment E on Partner { evidence { id } }`, {});
    expect(lean.statements).toBe(1);
    expect(full.statements).toBe(1);
    expect(full.data.partners.partners.map(({ evidence, ...rest }: { evidence: unknown[] }) => rest)).toEqual(lean.data.partners.partners);
    for (const p of full.data.partners.partners) expect(p.evidence.length).toBeGreaterThanOrEqual(p.strength);
  });
});

const EGO = `query($actor: ID!, $depth: Int, $limit: Int) {
  egoNetwork(actor: $actor, depth: $depth, limit: $limit) { truncated nodes { id type kind label location distance } edges { source target type weight count countsByKind { kind count } firstDate lastDate evidence } }
}`;

describe('ego network', () => {
  test('Sóc Trăng’s department reaches the Australian partners of HCMC at depth 2, with typed, weighted edges', async () => {
    const { egoNetwork: g } = await data(gql(EGO, { actor: 'org-dost-soc-trang', depth: 2 }));
    expect(g.truncated).toBe(false);
    expect(g.nodes[0]).toMatchObject({ id: 'org-dost-soc-trang', distance: 0, type: 'Organization', kind: 'GOVERNMENT', location: 'prov-soc-trang' });
    const byId = Object.fromEntries(g.nodes.map((n: any) => [n.id, n]));
    expect(byId['org-dost-ho-chi-minh'].distance).toBe(1);
    expect(byId['org-csiro'].distance).toBe(2);
    const hcmc = g.edges.find((e: any) => e.source === 'org-dost-ho-chi-minh' && e.target === 'org-dost-soc-trang');
    // The memorandum and the joint activity, each between the two departments alone; its planned contents are not ties.
    expect(hcmc).toMatchObject({ type: 'COOPERATES_WITH', weight: 2, count: 2, firstDate: '2019' });
    expect(hcmc.countsByKind).toContainEqual({ kind: 'COUNTERPARTIES', count: 1 });
    expect(hcmc.evidence).toContain('agr-dost-hcm-soc-trang-2019-2020');
    for (const e of g.edges) expect(byId[e.source] && byId[e.target]).toBeTruthy();
  });

  test('the size cap keeps the nearest nodes and says it cut', async () => {
    const { egoNetwork: g } = await data(gql(EGO, { actor: 'org-dost-soc-trang', depth: 2, limit: 2 }));
    expect(g.truncated).toBe(true);
    expect(g.nodes.map((n: any) => n.id)).toEqual(['org-dost-soc-trang', 'org-dost-ho-chi-minh']);
  });

  test('a depth beyond the maximum is refused', async () => {
    const r = await gql(EGO, { actor: 'org-most', depth: 5 });
    expect(r.errors?.[0].message).toBe('depth must be between 1 and 3 (got 5)');
  });
});

const PATHS = `query($from: ID!, $to: ID!, $all: Boolean) {
  paths(from: $from, to: $to, all: $all) {
    found length
    paths { length organizations { id } steps { from { id } to { id } kind tieKind instrumentId fromRole toRole agreement { id } activity { id } } }
    graph { nodes { id distance } edges { source target weight evidence } }
  }
}`;

describe('paths', () => {
  test('Sóc Trăng’s department reaches CSIRO through HCMC’s department and a joint research task', async () => {
    const { paths: r } = await data(gql(PATHS, { from: 'org-dost-soc-trang', to: 'org-csiro' }));
    expect(r).toMatchObject({ found: true, length: 2 });
    const [path] = r.paths;
    expect(path.organizations.map((o: any) => o.id)).toEqual(['org-dost-soc-trang', 'org-dost-ho-chi-minh', 'org-csiro']);
    expect(path.steps[1]).toMatchObject({
      from: { id: 'org-dost-ho-chi-minh' },
      to: { id: 'org-csiro' },
      kind: 'ACTIVITY',
      tieKind: 'CO_ORGANISERS',
      instrumentId: 'act-shtp-rdc-csiro-gold-nanocomposite',
      activity: { id: 'act-shtp-rdc-csiro-gold-nanocomposite' },
      agreement: null,
      fromRole: 'ORGANISER',
      toRole: 'PARTNER',
    });
    expect(r.graph.nodes).toHaveLength(3);
    expect(r.graph.edges).toHaveLength(2);
  });

  test('all shortest routes: CSIRO reaches Griffith through HCMC’s department and through the Hi-Tech Park’s R&D centre', async () => {
    const { paths: r } = await data(gql(PATHS, { from: 'org-csiro', to: 'org-griffith-university', all: true }));
    expect(r.length).toBe(2);
    const middles = r.paths.map((p: any) => p.organizations[1].id).sort();
    expect(middles).toEqual(['org-dost-ho-chi-minh', 'org-shtp-rdc']);
  });

  test('no route is an explicit answer, not an error or an invented link', async () => {
    const r = await gql(PATHS, { from: 'org-dost-binh-thuan', to: 'org-dost-soc-trang' });
    expect(r.errors).toBeUndefined();
    expect(r.data?.paths).toMatchObject({ found: false, length: null, paths: [], graph: { nodes: [], edges: [] } });
  });

  test('routes connect two different organisations', async () => {
    const same = await gql(PATHS, { from: 'org-most', to: 'org-most' });
    expect(same.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unit = await gql(PATHS, { from: 'prov-can-tho', to: 'org-most' });
    expect(unit.errors?.[0].message).toBe("from must be an organisation id; 'prov-can-tho' is a AdminUnit");
    const unknown = await gql(PATHS, { from: 'org-most', to: 'org-nobody' });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('cooperation network of a scope', () => {
  test('the Mekong Delta’s organisations and the links among them', async () => {
    const { cooperationNetwork: g } = await data(
      gql(`{ cooperationNetwork(scope: "region-mekong-delta") { truncated nodes { id location } edges { source target weight count countsByKind { kind count } } } }`),
    );
    const nodeIds = g.nodes.map((n: any) => n.id);
    expect(nodeIds).toEqual(expect.arrayContaining(['org-dost-an-giang', 'org-dost-ca-mau', 'org-dost-can-tho', 'org-dost-kien-giang', 'org-dost-soc-trang']));
    expect(nodeIds).not.toContain('org-dost-ho-chi-minh');
    const edge = g.edges.find((e: any) => e.source === 'org-dost-an-giang' && e.target === 'org-dost-ca-mau');
    // The four departments' programme (eight organisations, one of them with two roles: 1/7) and its signing
    // ceremony (four organisations, An Giang's department with two roles: 1/3). Organisations count once each.
    expect(edge).toMatchObject({ count: 2, countsByKind: [{ kind: 'CO_PARTIES', count: 1 }, { kind: 'ORGANISER_PARTICIPANT', count: 1 }] });
    expect(edge.weight).toBeCloseTo(1 / 7 + 1 / 3, 6);
    // No department is tied to its own office by default.
    for (const e of g.edges) expect(e.target).not.toBe(`${e.source}-office`);
  });
});

describe('network queries do not issue a statement per result', () => {
  async function statements(query: string, variables: Record<string, unknown>): Promise<number> {
    const before = db.statementCount;
    await data(gql(query, variables));
    return db.statementCount - before;
  }

  test('partners with their organisations and evidence', async () => {
    const few = await statements(PARTNERS, { actor: 'org-dost-can-tho', hops: 1 });
    const many = await statements(PARTNERS, { actor: 'org-dost-ho-chi-minh', hops: 1 });
    expect(many).toBe(few);
  });

  test('ego networks of any size', async () => {
    const small = await statements(EGO, { actor: 'org-dost-soc-trang', depth: 2, limit: 2 });
    const large = await statements(EGO, { actor: 'org-dost-soc-trang', depth: 2, limit: 200 });
    expect(large).toBeLessThanOrEqual(small + 1);
    expect(large).toBeLessThanOrEqual(5);
  });

  test('paths with their organisations and links', async () => {
    // Two actor lookups, the route search, then one batch each for organisations, agreements, activities
    // and the graph's nodes: seven at most, however many routes and steps come back.
    const one = await statements(PATHS, { from: 'org-dost-soc-trang', to: 'org-csiro', all: false });
    const all = await statements(PATHS, { from: 'org-csiro', to: 'org-griffith-university', all: true });
    expect(one).toBeLessThanOrEqual(7);
    expect(all).toBeLessThanOrEqual(7);
  });

  test('a route, and no route between two organisations, each cost the route statement alone', async () => {
    const query = `query($from: ID!, $to: ID!) { paths(from: $from, to: $to) { found length paths { organizations { id name } } } }`;
    const found = await statementsOf(db, gql, query, { from: 'org-dost-soc-trang', to: 'org-csiro' });
    expect(found).toMatchObject({ statements: 1, data: { paths: { found: true, length: 2 } } });
    const none = await statementsOf(db, gql, query, { from: 'org-dost-binh-thuan', to: 'org-dost-soc-trang' });
    expect(none).toMatchObject({ statements: 1, data: { paths: { found: false, length: null, paths: [] } } });
  });
});
