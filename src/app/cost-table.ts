import type { CostTable } from '../graphql/cost';
import { MAX_NESTED_PAGE_SIZE, MAX_PAGE_SIZE } from '../graphql/paging';
import { LIMITS as NETWORK_LIMITS } from '../network/network.limits';
import { MAX_SEARCH_RESULTS } from '../search/search.query';
import { MAX_NODE_IDS } from '../node/node.resolver';
import { MAX_TIMELINE_PAGE_SIZE } from '../timeline/timeline.page';
import { MAX_CHANGES, MAX_VERSION_IDS } from '../curation/curation.history';
import { MAX_RECORDS } from '../curation/curation.service';
import { MAX_MENTIONS } from '../mention/mention.service';

// The hub's cost table: what the cost estimator (graphql/cost.ts) needs to know of this schema's fields. It
// lives in the composition root because it names fields of every domain.

/**
 * Largest value of a size argument, by `Type.field.argument`, `Type.*.argument` or `*.argument`: what the
 * resolvers accept (they refuse larger values with BAD_USER_INPUT, so the estimate never needs more).
 */
const SIZE_CAPS: CostTable['sizeCaps'] = {
  'Query.search.first': MAX_SEARCH_RESULTS,
  'Query.searchSuggestions.first': MAX_SEARCH_RESULTS,
  'Query.paths.limit': NETWORK_LIMITS.maxPaths,
  'Query.timeline.first': MAX_TIMELINE_PAGE_SIZE,
  'Query.timelinePage.first': MAX_TIMELINE_PAGE_SIZE,
  'Query.history.first': MAX_CHANGES,
  'Query.changes.first': MAX_CHANGES,
  'Query.*.first': MAX_PAGE_SIZE,
  '*.first': MAX_NESTED_PAGE_SIZE,
  '*.limit': NETWORK_LIMITS.maxNetworkNodes,
};
/** Edges assumed per node of a network answer (its edges have no cap of their own). */
const EDGES_PER_NODE = 4;
/** Nodes of a network answer whose producing field has no limit (the default network limit). */
const NETWORK_NODES = 500;
/** Organisations on the longest route `paths` looks for. */
const ROUTE_NODES = NETWORK_LIMITS.maxPathHops + 1;
/** Weight of a question that reads much of the graph (a whole-graph count, ranking or matrix). */
const WHOLE_GRAPH = 100_000;

const networkNodes = (enclosing: number | undefined) => enclosing ?? NETWORK_NODES;

/**
 * Rules by `Type.field`, or `*.field` for a field of that name on any type. Weights stand for the objects the
 * database reads to answer: a whole-graph aggregate reads much of the graph, a network search visits up to
 * its limit of organisations and their links, a route search expands level by level; an export renders
 * every node and edge of its network.
 */
const RULES: CostTable['rules'] = {
  'Query.cooperationNetwork': { weight: (a) => 100 * (a.limit ?? NETWORK_NODES) },
  'Query.egoNetwork': { weight: (a) => 10 * (a.limit ?? 200) * (a.depth ?? 1) },
  'Query.partners': { weight: (a) => ((a.hops ?? 1) > 1 ? 10 * NETWORK_LIMITS.searchCap : 5000) },
  'Query.paths': { weight: (a) => 10_000 * (a.maxHops ?? 6) },
  'Query.regionMatrix': { weight: () => 5 * WHOLE_GRAPH },
  'Query.crossRegionLinks': { weight: () => 2 * WHOLE_GRAPH },
  'Query.crossRegionTies': { weight: () => 2 * WHOLE_GRAPH },
  'Query.counts': { size: () => 100, weight: () => WHOLE_GRAPH },
  'Query.totals': { weight: () => WHOLE_GRAPH },
  'Query.ranking': { weight: () => WHOLE_GRAPH },
  'Query.countTable': { weight: () => WHOLE_GRAPH },
  'Query.search': { weight: () => 1000 },
  // Fuzzy terms expand to many index terms: a few times a plain search.
  'Query.searchSuggestions': { weight: () => 3000 },
  // Its length is that of `ids`, at most MAX_NODE_IDS (the resolver refuses more).
  'Query.nodes': { size: () => MAX_NODE_IDS },
  'Query.versions': { size: () => MAX_VERSION_IDS },
  // Reads every name in the graph (kept per graph state) and scans the text.
  'Query.mentions': { weight: () => WHOLE_GRAPH / 10 },
  'MentionReport.mentions': { size: () => MAX_MENTIONS },
  'MentionReport.known': { size: () => MAX_MENTIONS },
  'MentionReport.newNames': { size: () => 100 },
  'Mention.candidates': { natural: 5 },
  'ChangePage.changes': { size: (e) => e ?? 100 },
  // A write reads and locks what its records touch, checks every quote, and records before and after.
  'Mutation.writeRecords': { weight: () => 20 * MAX_RECORDS },
  'Mutation.registerSource': { weight: () => 1000 },
  'Mutation.retract': { weight: () => 1000 },
  'Mutation.revert': { weight: () => 5000 },
  'Mutation.mergeOrganizations': { weight: () => 5000 },
  'Mutation.retractTie': { weight: () => 1000 },
  'NetworkGraph.nodes': { size: networkNodes },
  'NetworkGraph.edges': { size: (e) => networkNodes(e) * EDGES_PER_NODE },
  'NetworkGraph.export': { weight: (_a, e) => networkNodes(e) * (1 + EDGES_PER_NODE) },
  'PartnerList.partners': { size: (e) => e ?? 100 },
  'OrganizationRanking.items': { size: (e) => e ?? 20 },
  'PathResult.paths': { size: (e) => e ?? 10 },
  'PathResult.graph': { childSize: (e) => (e ?? 10) * ROUTE_NODES },
  'CooperationPath.organizations': { size: () => ROUTE_NODES },
  'CooperationPath.steps': { size: () => ROUTE_NODES },
  'RegionMatrix.cells': { size: () => 50 },
  'RegionMatrix.regions': { size: () => 10 },
  'TimelineEvent.organizations': { natural: 20 },
  'Activity.figures': { natural: 10 },
  '*.provenance': { natural: 5 },
};

/** The hub's cost table, given to the cost plugin by the server. */
export const HUB_COST_TABLE: CostTable = { sizeCaps: SIZE_CAPS, rules: RULES };
