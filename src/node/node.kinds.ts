import { NODE_LABEL } from '../db/vocabulary';
import type { Context } from '../graphql/context';
import { activityLoaders } from '../activity/activity.loaders';
import { toActivity } from '../activity/activity.mapper';
import { agreementLoaders } from '../agreement/agreement.loaders';
import { toAgreement } from '../agreement/agreement.mapper';
import { geographyLoaders } from '../geography/geography.loaders';
import { toAdminUnit, toRegion } from '../geography/geography.mapper';
import { organizationLoaders } from '../organization/organization.loaders';
import { toOrganization } from '../organization/organization.mapper';
import { ORGANIZATION_TYPE_NAME, type OrganizationKind } from '../organization/organization.type';
import { partLoaders } from '../part/part.loaders';
import { toPart } from '../part/part.mapper';
import { personLoaders } from '../person/person.loaders';
import { toPerson } from '../person/person.mapper';
import { sourceLoaders } from '../source/source.loaders';
import { toSource } from '../source/source.mapper';
import { topicLoaders } from '../topic/topic.loaders';
import { toTopic } from '../topic/topic.mapper';

/**
 * Every kind of node with an id. Ids are unique across kinds, not only within each: every label has a
 * uniqueness constraint on `id` (schema/neo4j.cypher), and every importer gives each kind its own id prefix
 * (the seed format checks `org-`, `prov-`/`country-`/`state-`, `region-`, `agr-`, `act-`, `part-`, `per-`,
 * `src-`/`ext-`, `topic-`; the ROR importer writes `org-ror-…`, the generator `org-syn-…`, `agr-syn-…`), so
 * no id can name two nodes.
 */
export type NodeKind = 'ORGANIZATION' | 'ADMIN_UNIT' | 'REGION' | 'AGREEMENT' | 'ACTIVITY' | 'PART' | 'PERSON' | 'SOURCE' | 'TOPIC';

interface KindSpec {
  /** The graph label whose id index finds the kind. */
  label: string;
  /** Builds the GraphQL object from a stored node (the domain's mapper). */
  map: (node: unknown) => object;
  /** The GraphQL object type a mapped object is. */
  typeName: (value: object) => string;
  /** The domain's per-request loader by id. */
  load: (ctx: Context, id: string) => Promise<object | null>;
}

const fixed = (name: string) => () => name;

export const NODE_KINDS: Readonly<Record<NodeKind, KindSpec>> = {
  ORGANIZATION: {
    label: NODE_LABEL.organization,
    map: toOrganization,
    typeName: (value) => ORGANIZATION_TYPE_NAME[(value as { kind: OrganizationKind }).kind],
    load: (ctx, id) => organizationLoaders(ctx).orgById.load(id),
  },
  ADMIN_UNIT: { label: NODE_LABEL.adminUnit, map: toAdminUnit, typeName: fixed('AdminUnit'), load: (ctx, id) => geographyLoaders(ctx).unitById.load(id) },
  REGION: { label: NODE_LABEL.region, map: toRegion, typeName: fixed('Region'), load: (ctx, id) => geographyLoaders(ctx).regionById.load(id) },
  AGREEMENT: { label: NODE_LABEL.agreement, map: toAgreement, typeName: fixed('Agreement'), load: (ctx, id) => agreementLoaders(ctx).agreementById.load(id) },
  ACTIVITY: { label: NODE_LABEL.activity, map: toActivity, typeName: fixed('Activity'), load: (ctx, id) => activityLoaders(ctx).activityById.load(id) },
  PART: { label: NODE_LABEL.part, map: toPart, typeName: fixed('Part'), load: (ctx, id) => partLoaders(ctx).partById.load(id) },
  PERSON: { label: NODE_LABEL.person, map: toPerson, typeName: fixed('Person'), load: (ctx, id) => personLoaders(ctx).personById.load(id) },
  SOURCE: { label: NODE_LABEL.source, map: toSource, typeName: fixed('SourceDocument'), load: (ctx, id) => sourceLoaders(ctx).sourceById.load(id) },
  TOPIC: { label: NODE_LABEL.topic, map: toTopic, typeName: fixed('Topic'), load: (ctx, id) => topicLoaders(ctx).topicById.load(id) },
};

export const NODE_KIND_LIST = Object.keys(NODE_KINDS) as NodeKind[];

/**
 * Loads one node of a known kind through its domain's per-request loader, so that the loads of one tick
 * batch into one statement per kind. Resolves to null when there is none.
 */
export function loadNode(ctx: Context, kind: NodeKind, id: string): Promise<object | null> {
  return NODE_KINDS[kind].load(ctx, id);
}
