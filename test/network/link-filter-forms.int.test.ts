import { data, gqlClient, openTestDb } from '../helpers/graph';

// Unfiltered requests run statements without the link-filter predicates; a filter that keeps every link must
// give the same answers through the filtered statements.
const db = openTestDb();
const gql = gqlClient(db);
const EVERY_KIND = '{ linkKinds: [AGREEMENT, ACTIVITY] }';

afterAll(() => db.close());

const queries: Record<string, (filter: string) => string> = {
  partners: (f) => `{ partners(actor: "org-most", hops: 2, first: 500${f}) { totalCount partners { distance strength organization { id } via { id } evidence { id actorRole partnerRole } } } }`,
  egoNetwork: (f) => `{ egoNetwork(actor: "prov-can-tho-2025", depth: 2${f}) { truncated nodes { id distance } edges { source target weight evidence } } }`,
  paths: (f) => `{ paths(from: "org-dost-soc-trang", to: "org-csiro", all: true${f}) { found length paths { organizations { id } steps { kind fromRole toRole } } } }`,
  cooperationNetwork: (f) => `{ cooperationNetwork(limit: 2000${f}) { truncated nodes { id } edges { source target weight } } }`,
};

describe('the unfiltered statements', () => {
  test.each(Object.keys(queries))('%s: the same answer as a filter that keeps every link', async (name) => {
    const plain = await data(gql(queries[name]('')));
    const filtered = await data(gql(queries[name](`, filter: ${EVERY_KIND}`)));
    expect(filtered).toEqual(plain);
    expect(JSON.stringify(plain).length).toBeGreaterThan(100);
  });

  test.each(Object.keys(queries))('%s: the default tie selection is the same as asking for it', async (name) => {
    const plain = await data(gql(queries[name]('')));
    const asked = await data(gql(queries[name](`, filter: { ties: [COUNTERPARTIES, CO_PARTIES, CO_ORGANISERS, ORGANISER_PARTICIPANT], includeIntended: false, rollUpSubUnits: false }`)));
    expect(asked).toEqual(plain);
  });
});
