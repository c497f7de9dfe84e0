import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { Context } from '../graphql/context';
import { checkRange } from '../db/dates';
import { aggregateKey, cachedRead } from '../db/aggregate-cache';
import type { ConnectionShape } from '../db/keyset';
import { RegionScheme } from '../graphql/enums';
import { MAX_OFFSET, pageStart, positionConnection } from '../graphql/paging';
import { MAX_RANKING_SIZE, checkWindow } from './stats.filter';
import { crossRegionCount, crossRegionPage, type CrossRegionQuestion } from './cross-region.repository';
import { CROSS_REGION_TIES, CrossRegionTieConnection } from './cross-region.type';
import { RegionMatrixFilter, type CrossRegionLink } from './stats.type';

@Resolver()
export class CrossRegionTiesResolver {
  @Query(() => CrossRegionTieConnection, {
    description:
      'Pairs of organisations located in different areas of a scheme and tied under the selection, most instruments first (then by ' +
      'weight, then organisation ids), as a connection: page on with after and pageInfo.endCursor; totalCount counts every pair. ' +
      'Ties follow the tie rule (TieKind): by default cooperation only, through instruments that took place or are in place. from, to ' +
      `and the pseudo-regions as for regionMatrix; first is 1 to ${MAX_RANKING_SIZE}. Organisations whose unit has no region under the ` +
      'scheme are left out unless the filter adds them as pseudo-regions.',
  })
  async crossRegionTies(
    @Arg('scheme', () => RegionScheme, { defaultValue: 'SOCIO_ECONOMIC_6', description: 'Which regions: the six socio-economic regions by default' }) scheme: string,
    @Arg('from', () => LocalDateResolver, { nullable: true, description: 'Only ties through agreements signed or activities started on or after this day (YYYY-MM-DD); no lower bound when null' }) from: string | null,
    @Arg('to', () => LocalDateResolver, { nullable: true, description: 'Only ties through agreements signed or activities started on or before this day (YYYY-MM-DD); no upper bound when null' }) to: string | null,
    @Arg('filter', () => RegionMatrixFilter, { nullable: true, description: 'Tie selection and pseudo-regions (default: cooperation only, none)' })
    filter: RegionMatrixFilter | null,
    @Arg('first', () => Int, { defaultValue: 100, description: `How many pairs (1 to ${MAX_RANKING_SIZE})` }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: `Start after this cursor: pass pageInfo.endCursor (or an edge cursor) unchanged; pages reach position ${MAX_OFFSET} at most`,
    })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<CrossRegionLink>> {
    checkRange(from, to, 'from', 'to');
    const page = checkWindow(first, pageStart(CROSS_REGION_TIES, 0, after));
    const q: CrossRegionQuestion = { scheme, from, to, filter };
    // One item past the page tells whether another follows.
    const items = await cachedRead(ctx.db, aggregateKey('crossRegionTies', { scheme, from, to, filter, ...page }), (db) =>
      crossRegionPage(db, q, page.limit + 1, page.offset),
    );
    const count = () => cachedRead(ctx.db, aggregateKey('crossRegionTiesCount', { scheme, from, to, filter }), (db) => crossRegionCount(db, q));
    return positionConnection(CROSS_REGION_TIES, items, page.offset, page.limit, count);
  }
}
