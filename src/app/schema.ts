import 'reflect-metadata';
import { buildSchemaSync } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { ActivityResolver, ParticipationResolver } from '../activity/activity.resolver';
import { AgreementPartyResolver, AgreementResolver } from '../agreement/agreement.resolver';
import { AdminUnitResolver, RegionResolver } from '../geography/geography.resolver';
import { OrganizationResolver } from '../organization/organization.resolver';
import { PART_RESOLVERS } from '../part/part.resolver';
import { ORGANIZATION_TYPES } from '../organization/organization.type';
import { AttendanceResolver, PersonResolver, PositionResolver, SignatureResolver } from '../person/person.resolver';
import { ProvenanceResolver, SourceResolver } from '../source/source.resolver';
import { PROVENANCE_RESOLVERS } from '../source/provenance.resolver';
import { TopicResolver } from '../topic/topic.resolver';
import { CrossRegionLinkResolver, RankedOrganizationResolver, StatsResolver } from '../stats/stats.resolver';
import { BucketNamesResolver, CountTableResolver } from '../stats/table.resolver';
import { CrossRegionTiesResolver } from '../stats/cross-region.resolver';
import { InForceResolver, TimelineEventResolver, TimelineResolver } from '../timeline/timeline.resolver';
import { SearchResolver } from '../search/search.resolver';
import { NodeResolver } from '../node/node.resolver';
import { NetworkExportResolver } from '../export/export.resolver';
import { ViewerResolver } from '../viewer/viewer.resolver';
import { CurationResolver } from '../curation/curation.resolver';
import { MentionResolver } from '../mention/mention.resolver';
import {
  CooperationLinkResolver,
  CooperationPathResolver,
  NetworkQueryResolver,
  PartnerResolver,
  PathResultResolver,
  PathStepResolver,
} from '../network/network.resolver';

export const RESOLVERS = [
  OrganizationResolver,
  AdminUnitResolver,
  RegionResolver,
  AgreementResolver,
  AgreementPartyResolver,
  ActivityResolver,
  ParticipationResolver,
  ...PART_RESOLVERS,
  PersonResolver,
  PositionResolver,
  SignatureResolver,
  AttendanceResolver,
  SourceResolver,
  ProvenanceResolver,
  TopicResolver,
  StatsResolver, RankedOrganizationResolver, CrossRegionLinkResolver, CrossRegionTiesResolver,
  CountTableResolver, BucketNamesResolver,
  TimelineResolver, InForceResolver, TimelineEventResolver,
  SearchResolver,
  NodeResolver,
  CurationResolver,
  MentionResolver,
  NetworkExportResolver,
  NetworkQueryResolver,
  PartnerResolver,
  CooperationLinkResolver,
  PathStepResolver,
  CooperationPathResolver,
  PathResultResolver,
  ...PROVENANCE_RESOLVERS,
  ViewerResolver,
] as const;

let cached: GraphQLSchema | undefined;

const QUERY_DESCRIPTION =
  'Entry points into the cooperation graph: look up a record by id, list and filter records a page at a time, ' +
  'search names, explore the network (partners, ego networks, paths), and count for dashboards (totals, counts, rankings, ' +
  'region matrix), and follow curation (history, changes, versions). Every fact carries its provenance.';

/** Builds the executable GraphQL schema once per process (type-graphql metadata is global). */
export function buildHubSchema(): GraphQLSchema {
  cached ??= describeQueryRoot(
    buildSchemaSync({
      resolvers: RESOLVERS,
      orphanedTypes: ORGANIZATION_TYPES,
      validate: false,
    }),
  );
  return cached;
}

const MUTATION_DESCRIPTION =
  'Curation: register source documents and write facts with quotes the hub checks against them, retract what is ' +
  'wrong. Needs a bearer token (curator; editor to retract) and writes turned on (AUTH_JWT_SECRET or AUTH_JWKS_URL); ' +
  'every change is recorded in history and the change feed.';

// type-graphql offers no option for the root types' descriptions, which GraphiQL shows first.
function describeQueryRoot(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (query) query.description = QUERY_DESCRIPTION;
  const mutation = schema.getMutationType();
  if (mutation) mutation.description = MUTATION_DESCRIPTION;
  return schema;
}
