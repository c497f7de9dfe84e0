import { ACTOR_ORGS } from '../../src/network/actor.repository';
import { COOPERATION_EDGES, DIRECT_PARTNERS, DIRECT_PARTNERS_WITH_EVIDENCE, FAMILIES, NETWORK_ORGS, NEXT_LEVEL, SHORTEST_PATH, ALL_SHORTEST_PATHS, LINKED_ORGS } from '../../src/network/network.repository';
import { ORGS_BY_ID, ORG_RELATIONS, UNIT_ORGS_WITH_PREDECESSORS, ORG_LOCATION } from '../../src/organization/organization.repository';
import { AGREEMENT_PARTIES, ORG_AGREEMENTS } from '../../src/agreement/agreement.repository';
import { ACTIVITY_PARTICIPANTS, ORG_ACTIVITIES } from '../../src/activity/activity.repository';
import { UNIT_CURRENT } from '../../src/geography/geography.repository';
import { intParam } from '../../src/db/database';
import { SEARCH } from '../../src/search/search.repository';
import { CROSS_REGION_LINKS, REGION_MATRIX, regionParams } from '../../src/stats/region.repository';
import { TIMELINE_ITEMS } from '../../src/timeline/timeline.repository';
import { openTestDb } from '../helpers/graph';

const db = openTestDb();
afterAll(() => db.close());

const TIES = { tieKinds: ['COUNTERPARTIES', 'CO_PARTIES', 'CO_ORGANISERS', 'ORGANISER_PARTICIPANT'], includeIntended: false };
const LINK = { periodFrom: null, periodTo: null, linkKinds: null, partnerKinds: null, topic: null, ...TIES };
// Nested lists read one page per parent.
const PAGE = { first: intParam(100), offset: intParam(0) };
const PARTNER_PAGE = { orgIds: ['org-most'], includeInternal: false, cap: intParam(10), offset: intParam(0), first: intParam(5), allIds: false };

/** Hot statements with representative parameters; each must start from an index, never from every node. */
const HOT: Record<string, [string, Record<string, unknown>]> = {
  ORGS_BY_ID: [ORGS_BY_ID, { keys: ['org-most'] }],
  ORG_LOCATION: [ORG_LOCATION, { keys: ['org-most'] }],
  ORG_AGREEMENTS: [ORG_AGREEMENTS, { keys: ['org-most'], ...PAGE }],
  ORG_ACTIVITIES: [ORG_ACTIVITIES, { keys: ['org-most'], ...PAGE }],
  AGREEMENT_PARTIES: [AGREEMENT_PARTIES, { keys: ['agr-x'], ...PAGE }],
  ACTIVITY_PARTICIPANTS: [ACTIVITY_PARTICIPANTS, { keys: ['act-x'], ...PAGE }],
  ORG_RELATIONS: [ORG_RELATIONS, { keys: ['org-most'], ...PAGE }],
  UNIT_CURRENT: [UNIT_CURRENT, { keys: ['prov-can-tho'] }],
  UNIT_ORGS_WITH_PREDECESSORS: [UNIT_ORGS_WITH_PREDECESSORS, { keys: ['prov-can-tho-2025'], ...PAGE }],
  ACTOR_ORGS: [ACTOR_ORGS, { actor: 'prov-can-tho-2025' }],
  DIRECT_PARTNERS: [DIRECT_PARTNERS.filtered, { ...LINK, ...PARTNER_PAGE }],
  DIRECT_PARTNERS_WITH_EVIDENCE: [DIRECT_PARTNERS_WITH_EVIDENCE.filtered, { ...LINK, ...PARTNER_PAGE }],
  NEXT_LEVEL: [NEXT_LEVEL.filtered, { ...LINK, frontier: ['org-most'], visited: ['org-most'], nextKinds: null, cap: intParam(10) }],
  COOPERATION_EDGES: [COOPERATION_EDGES.filtered, { ...LINK, ids: ['org-most'] }],
  NETWORK_ORGS: [NETWORK_ORGS, { ids: ['org-most'] }],
  SHORTEST_PATH: [SHORTEST_PATH[6].filtered, { ...LINK, from: 'org-most', to: 'org-csiro' }],
  ALL_SHORTEST_PATHS: [ALL_SHORTEST_PATHS[6].filtered, { ...LINK, from: 'org-most', to: 'org-csiro', cap: intParam(5) }],
  LINKED_ORGS_IN_SCOPE: [LINKED_ORGS.filtered, { ...LINK, orgIds: ['org-most'], cap: intParam(10) }],
  DIRECT_PARTNERS_UNFILTERED: [DIRECT_PARTNERS.plain, { ...PARTNER_PAGE, partnerKinds: null, ...TIES }],
  NEXT_LEVEL_UNFILTERED: [NEXT_LEVEL.plain, { frontier: ['org-most'], visited: ['org-most'], nextKinds: null, cap: intParam(10), ...TIES }],
  COOPERATION_EDGES_UNFILTERED: [COOPERATION_EDGES.plain, { ids: ['org-most'], ...TIES }],
  SHORTEST_PATH_UNFILTERED: [SHORTEST_PATH[10].plain, { from: 'org-most', to: 'org-csiro', ...TIES }],
  FAMILIES: [FAMILIES, { orgIds: ['org-most-natec'] }],
  DIRECT_PARTNERS_ROLLED_UP: [DIRECT_PARTNERS_WITH_EVIDENCE.rolledUp, { ...LINK, ...PARTNER_PAGE }],
  NEXT_LEVEL_ROLLED_UP: [NEXT_LEVEL.rolledUp, { ...LINK, frontier: ['org-most'], visited: ['org-most'], nextKinds: null, cap: intParam(10) }],
  COOPERATION_EDGES_ROLLED_UP: [COOPERATION_EDGES.rolledUp, { ...LINK, ids: ['org-most'] }],
  SHORTEST_PATH_ROLLED_UP: [SHORTEST_PATH[6].rolledUp, { ...LINK, from: 'org-most', to: 'org-csiro' }],
  LINKED_ORGS_ROLLED_UP: [LINKED_ORGS.rolledUp, { ...LINK, orgIds: ['org-most'], cap: intParam(10) }],
  SEARCH: [SEARCH, { query: '"can tho"', kinds: null, limit: intParam(10), candidates: intParam(10) }],
  TIMELINE_ITEMS: [TIMELINE_ITEMS, { orgIds: ['org-most'], from: null, to: null }],
  REGION_MATRIX: [REGION_MATRIX, regionParams('SOCIO_ECONOMIC_6', null, null, { includeNational: true, includeForeign: true }).params],
  CROSS_REGION_LINKS: [CROSS_REGION_LINKS, { ...regionParams('SOCIO_ECONOMIC_6', null, null, null).params, limit: intParam(10), offset: intParam(0) }],
};

describe('hot statements use indexes', () => {
  test.each(Object.keys(HOT))('%s never scans all nodes', async (name) => {
    const [cypher, params] = HOT[name];
    const operators = await db.explain(cypher, params);
    expect(operators.length).toBeGreaterThan(1);
    expect(operators).not.toContain('AllNodesScan');
  });

  test('lookups by id seek the uniqueness index', async () => {
    expect(await db.explain(ORGS_BY_ID, { keys: ['org-most'] })).toContain('NodeUniqueIndexSeek');
  });
});
