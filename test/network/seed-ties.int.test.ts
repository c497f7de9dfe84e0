import { data, gqlClient, openTestDb } from '../helpers/graph';

// What an analyst reads off the curated graph under the default tie selection (cooperation only, realised
// instruments): the figures the ties rules exist to get right.
const db = openTestDb();
const gql = gqlClient(db, 20);
afterAll(() => db.close());

const EMBASSIES = ['org-embassy-br', 'org-embassy-ca', 'org-embassy-ch', 'org-embassy-fi', 'org-embassy-it'];
const MEKONG_DOSTS = ['org-dost-an-giang', 'org-dost-ca-mau', 'org-dost-can-tho', 'org-dost-kien-giang'];
const OFFICES: Array<[string, string]> = [
  ['org-dost-an-giang', 'org-dost-an-giang-office'],
  ['org-dost-ca-mau', 'org-dost-ca-mau-office'],
  ['org-dost-can-tho', 'org-dost-can-tho-office'],
  ['org-dost-kien-giang', 'org-dost-kien-giang-office'],
  ['org-dost-binh-thuan', 'org-dost-binh-thuan-info-application-centre'],
  ['org-dost-ho-chi-minh', 'org-hcmc-sihub'],
];

async function partnerIds(actor: string, filter = '{}'): Promise<string[]> {
  const d = await data(gql(`{ partners(actor: "${actor}", first: 500, filter: ${filter}) { partners { organization { id } } } }`));
  return d.partners.partners.map((p: { organization: { id: string } }) => p.organization.id);
}

describe('ties on the curated graph, by default', () => {
  test('no embassy is tied to another embassy (they only attended the same events)', async () => {
    for (const e of EMBASSIES) expect((await partnerIds(e)).filter((p) => EMBASSIES.includes(p))).toEqual([]);
    // Asked for, co-attendance is there: the rule hides it, the data keeps it.
    expect((await partnerIds(EMBASSIES[0], '{ ties: [CO_PARTICIPANTS] }')).some((p) => EMBASSIES.includes(p))).toBe(true);
  });

  test('Hospital 199 and Saigon Postel are not tied: each signed with the Da Nang DOST, not with each other', async () => {
    expect(await partnerIds('org-hospital-199')).not.toContain('org-spt');
  });

  test('the Da Nang DOST is tied to each of its four partners, each through a bilateral agreement', async () => {
    const d = await data(
      gql(`{ partners(actor: "org-dost-da-nang", first: 500) { partners { organization { id } countsByKind { kind count } } } }`),
    );
    const byId = new Map(d.partners.partners.map((p: { organization: { id: string }; countsByKind: unknown }) => [p.organization.id, p.countsByKind]));
    for (const partner of ['org-most-natec', 'org-hospital-199', 'org-spt', 'org-vietnam-innovation-hub']) {
      expect(byId.get(partner)).toEqual(expect.arrayContaining([{ kind: 'COUNTERPARTIES', count: 1 }]));
    }
  });

  test('no department is tied to its own office or centre; asked for, they are parent and sub-unit', async () => {
    for (const [parent, unit] of OFFICES) {
      expect(await partnerIds(parent)).not.toContain(unit);
    }
    const asked = await Promise.all(OFFICES.map(([parent]) => partnerIds(parent, '{ ties: [PARENT_SUBUNIT] }')));
    expect(asked.some((ids, i) => ids.includes(OFFICES[i][1]))).toBe(true);
  });

  test('ranking by agreements counts each instrument once: the Victoria delegation and the Soc Trang DOST come to a handful', async () => {
    const d = await data(gql(`{ ranking(by: AGREEMENTS, first: 500) { items { value organization { id } } } }`));
    const value = (id: string) => d.ranking.items.find((i: { organization: { id: string } }) => i.organization.id === id)?.value ?? 0;
    expect(value('org-gov-au-vic')).toBeLessThanOrEqual(3);
    expect(value('org-dost-soc-trang')).toBeLessThanOrEqual(3);
    expect(value('org-dost-ho-chi-minh')).toBeLessThanOrEqual(5);
  });

  test('by fractional strength the HCMC DOST ranks above every embassy and every Mekong DOST', async () => {
    const d = await data(gql(`{ ranking(by: STRENGTH, first: 500) { items { rank organization { id } } } }`));
    const rank = new Map(d.ranking.items.map((i: { rank: number; organization: { id: string } }) => [i.organization.id, i.rank]));
    const hcmc = rank.get('org-dost-ho-chi-minh') as number;
    expect(hcmc).toBeDefined();
    for (const other of [...EMBASSIES, ...MEKONG_DOSTS]) expect(hcmc).toBeLessThan((rank.get(other) as number | undefined) ?? Infinity);
  });
});
