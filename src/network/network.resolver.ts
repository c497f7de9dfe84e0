import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { Parent } from '../graphql/parent';
import { Activity } from '../activity/activity.type';
import { Agreement } from '../agreement/agreement.type';
import type { Context } from '../graphql/context';
import { selectsPath } from '../graphql/lookahead';
import { NestedPageArgs } from '../graphql/nested-page';
import { MAX_OFFSET, pageOf, pageStart } from '../graphql/paging';
import { Organization } from '../organization/organization.type';
import { LinkFilter } from './link-filter';
import { LIMITS } from './network.limits';
import { cooperationNetwork, egoNetwork } from './network.service';
import { NetworkGraph } from './network.type';
import { PARTNERS_LIST, findPartners } from './partners.service';
import { CooperationLink, Partner, PartnerList } from './partners.type';
import { explainNoPath, findPaths, pathGraph } from './paths.service';
import { CooperationPath, NoPathReason, PathResult, PathStep } from './paths.type';
import { EXPLAIN_MAX_HOPS } from './network.repository';
import { activityLoaders } from '../activity/activity.loaders';
import { agreementLoaders } from '../agreement/agreement.loaders';
import { organizationLoaders } from '../organization/organization.loaders';

@Resolver()
export class NetworkQueryResolver {
  @Query(() => PartnerList, {
    description:
      'Partners of an organisation, admin unit (its organisations and those of units merged into it) or region, up to `hops` ties away (1 to 3), with the evidence for direct partners. Ties follow the filter’s tie selection; by default cooperation only (COUNTERPARTIES, CO_PARTIES, CO_ORGANISERS, ORGANISER_PARTICIPANT) through instruments that took place or are in place. Nearest first; direct partners by fractional weight (highest first), then number of instruments, then id; further ones by id. Page on with after and pageInfo.endCursor.',
  })
  partners(
    @Arg('actor', () => ID, { description: 'Organisation, admin unit or region id' }) actor: string,
    @Arg('hops', () => Int, { defaultValue: 1, description: `How many links away (1 to ${LIMITS.maxHops})` }) hops: number,
    @Arg('filter', () => LinkFilter, { nullable: true, description: 'Which ties count; the default selection when null' }) filter: LinkFilter | null,
    @Arg('includeInternal', () => Boolean, { defaultValue: false, description: 'For a unit or region: also links among its own organisations' })
    includeInternal: boolean,
    @Arg('first', () => Int, { defaultValue: 100, description: `How many items (1 to ${LIMITS.maxPage})` }) first: number,
    @Arg('offset', () => Int, {
      defaultValue: 0,
      description: `The older way to page: how many partners to skip (0 to ${MAX_OFFSET}); prefer after. An offset other than 0 beside after is BAD_USER_INPUT`,
    })
    offset: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Start after this cursor: pass pageInfo.endCursor of the previous page unchanged (BAD_USER_INPUT for any other string)',
    })
    after: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PartnerList> {
    const evidence = selectsPath(info, ['partners', 'evidence']);
    return findPartners(ctx.db, { actor, hops, filter, includeInternal, first, offset: pageStart(PARTNERS_LIST, offset, after), evidence });
  }

  @Query(() => NetworkGraph, {
    description:
      'The cooperation network around an actor to `depth` ties (1 to 3), at most `limit` organisations (up to 2000), with the ties among them. Ties follow the filter’s tie selection; by default cooperation only (no co-attendance, no parent and sub-unit) through instruments that took place or are in place.',
  })
  egoNetwork(
    @Arg('actor', () => ID, { description: 'The centre: an organisation, admin unit or region id' }) actor: string,
    @Arg('depth', () => Int, { defaultValue: 1, description: `How many links away (1 to ${LIMITS.maxDepth})` }) depth: number,
    @Arg('filter', () => LinkFilter, { nullable: true, description: 'Which ties count; the default selection when null' }) filter: LinkFilter | null,
    @Arg('limit', () => Int, { defaultValue: 200, description: `Most organisations (1 to ${LIMITS.maxNetworkNodes})` }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<NetworkGraph> {
    return egoNetwork(ctx.db, { actor, depth, filter, limit });
  }

  @Query(() => NetworkGraph, {
    description:
      'The cooperation network of the organisations in a scope (an organisation, unit or region id; the whole graph when omitted) that have ties passing the filter, with the ties among them. By default cooperation only (no co-attendance, no parent and sub-unit) through instruments that took place or are in place.',
  })
  cooperationNetwork(
    @Arg('scope', () => ID, { nullable: true, description: 'Organisation, admin unit or region id whose organisations to include; the whole graph when null' }) scope: string | null,
    @Arg('filter', () => LinkFilter, { nullable: true, description: 'Which ties count; the default selection when null' }) filter: LinkFilter | null,
    @Arg('limit', () => Int, { defaultValue: 500, description: `Most organisations (1 to ${LIMITS.maxNetworkNodes})` }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<NetworkGraph> {
    return cooperationNetwork(ctx.db, { scope, filter, limit });
  }

  @Query(() => PathResult, {
    description:
      'The shortest route (or all shortest routes) between two organisations, each step a tie of the filter’s selection (by default cooperation only: no co-attendance, no parent and sub-unit, no proposed or planned instrument). Two consecutive steps go through different instruments.',
  })
  paths(
    @Arg('from', () => ID, { description: 'Id of the organisation to start from' }) from: string,
    @Arg('to', () => ID, { description: 'Id of the organisation to reach' }) to: string,
    @Arg('all', () => Boolean, { defaultValue: false, description: 'All shortest routes instead of one' }) all: boolean,
    @Arg('maxHops', () => Int, { defaultValue: 6, description: `Longest route to look for (1 to ${LIMITS.maxPathHops} steps)` }) maxHops: number,
    @Arg('filter', () => LinkFilter, { nullable: true, description: 'Which ties a step may use; the default selection when null' }) filter: LinkFilter | null,
    @Arg('limit', () => Int, { defaultValue: 10, description: `Most routes to return (1 to ${LIMITS.maxPaths})` }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<PathResult> {
    return findPaths(ctx.db, { from, to, all, maxHops, filter, limit });
  }
}

@Resolver(() => Partner)
export class PartnerResolver {
  @FieldResolver(() => Organization, { description: 'The partner organisation' })
  organization(@Parent() p: Partner, @Ctx() ctx: Context) {
    return p.organizationNode ?? organizationLoaders(ctx).orgById.load(p.organizationId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'For indirect partners: a neighbour on a nearest route; null for direct partners' })
  via(@Parent() p: Partner, @Ctx() ctx: Context) {
    return p.viaId ? organizationLoaders(ctx).orgById.load(p.viaId) : null;
  }

  // The partners statement reads the evidence of the partners on its page whole, so the page is cut here.
  @FieldResolver(() => [CooperationLink], {
    description:
      'The agreements and activities of the tie, one item per role pair, with the tie kind each makes (direct partners only), by date (undated last), id, the two organisations, then roles',
  })
  evidence(@Parent() p: Partner, @Args(() => NestedPageArgs) page: NestedPageArgs): CooperationLink[] {
    return pageOf(p.evidence, page);
  }
}

@Resolver(() => CooperationLink)
export class CooperationLinkResolver {
  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement, when the link is one (null for an activity)' })
  agreement(@Parent() l: CooperationLink, @Ctx() ctx: Context) {
    return l.kind === 'AGREEMENT' ? agreementLoaders(ctx).agreementById.load(l.id) : null;
  }

  @FieldResolver(() => Activity, { nullable: true, description: 'The activity, when the link is one (null for an agreement)' })
  activity(@Parent() l: CooperationLink, @Ctx() ctx: Context) {
    return l.kind === 'ACTIVITY' ? activityLoaders(ctx).activityById.load(l.id) : null;
  }

  @FieldResolver(() => Organization, { description: 'The actor’s organisation on this link (for a province or region: which of its organisations)' })
  actorOrganization(@Parent() l: CooperationLink, @Ctx() ctx: Context) {
    return organizationLoaders(ctx).orgById.load(l.actorOrganizationId);
  }

  @FieldResolver(() => Organization, { description: 'The partner’s organisation on this link: the partner itself, or with rollUpSubUnits one of its sub-units' })
  partnerOrganization(@Parent() l: CooperationLink, @Ctx() ctx: Context) {
    return organizationLoaders(ctx).orgById.load(l.partnerOrganizationId);
  }
}

@Resolver(() => PathStep)
export class PathStepResolver {
  @FieldResolver(() => Organization, { description: 'The organisation the step starts from' })
  from(@Parent() s: PathStep, @Ctx() ctx: Context) {
    return organizationLoaders(ctx).orgById.load(s.fromId);
  }

  @FieldResolver(() => Organization, { description: 'The organisation the step reaches' })
  to(@Parent() s: PathStep, @Ctx() ctx: Context) {
    return organizationLoaders(ctx).orgById.load(s.toId);
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement both are party to, when the step is one' })
  agreement(@Parent() s: PathStep, @Ctx() ctx: Context) {
    return s.kind === 'AGREEMENT' ? agreementLoaders(ctx).agreementById.load(s.linkId) : null;
  }

  @FieldResolver(() => Activity, { nullable: true, description: 'The activity both took part in, when the step is one' })
  activity(@Parent() s: PathStep, @Ctx() ctx: Context) {
    return s.kind === 'ACTIVITY' ? activityLoaders(ctx).activityById.load(s.linkId) : null;
  }
}

@Resolver(() => CooperationPath)
export class CooperationPathResolver {
  @FieldResolver(() => [Organization], { description: 'The organisations along the route, in order' })
  async organizations(@Parent() p: CooperationPath, @Ctx() ctx: Context) {
    return p.organizationNodes ?? organizationLoaders(ctx).orgById.loadMany(p.organizationIds);
  }
}

@Resolver(() => PathResult)
export class PathResultResolver {
  @FieldResolver(() => NetworkGraph, { description: 'The routes as nodes and edges, for drawing or export' })
  graph(@Parent() r: PathResult, @Ctx() ctx: Context) {
    return pathGraph(ctx.db, r);
  }

  @FieldResolver(() => NoPathReason, {
    nullable: true,
    description:
      'Why there is no route (null when found): NOT_CONNECTED, TOO_MANY_HOPS or FILTERED_OUT. Asking for it costs one or two bounded searches more, only when no route was found',
  })
  async reason(@Parent() r: PathResult, @Ctx() ctx: Context) {
    return (await explainNoPath(ctx, r))?.reason ?? null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: `With reason TOO_MANY_HOPS: the steps of the shortest route of the selected ties (looked for up to ${EXPLAIN_MAX_HOPS}); null otherwise`,
  })
  async distance(@Parent() r: PathResult, @Ctx() ctx: Context) {
    return (await explainNoPath(ctx, r))?.distance ?? null;
  }
}
