import { Arg, Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { Parent } from '../graphql/parent';
import type { Context } from '../graphql/context';
import { aggregateKey, cachedRead } from '../db/aggregate-cache';
import { RegionScheme } from '../graphql/enums';
import { geographyLoaders } from '../geography/geography.loaders';
import { topicLoaders } from '../topic/topic.loaders';
import { checkStatsFilter } from './stats.filter';
import { checkFilterIds } from './stats.repository';
import { countTable } from './table.repository';
import { kindNames, unitNameVi, yearNames, type Names } from './labels';
import { Bucket, CountTarget, GroupKey, ProvinceMode, StatsFilter } from './stats.type';
import { CountTable } from './table.type';

@Resolver()
export class CountTableResolver {
  @Query(() => CountTable, {
    description:
      'Counts of agreements, activities, organisations or ties (LINKS) grouped by one dimension (rows) or two (rows × columns), as a ' +
      'whole table for a bar, stacked bar, line or heat map chart: labels in Vietnamese and English, cells row by row, totals. ' +
      'Records are grouped as in counts (an agreement by the places of the organisations tied through it, a tie by those of its two ' +
      'organisations; organisations by the agreements and activities they take part in), under the same filter and tie selection, ' +
      'but none is left out: a record without a value for a grouping (undated, unlocated, with no tie) is counted in its `unknown` group, ' +
      'so total is the number totals gives. Time groups are chronological and zero-filled from the first to the last dated record, or ' +
      'over from..to of the filter; regions, provinces (those of the mode), topics and kinds are all listed, empty ones as zeros. A record in several groups counts once in ' +
      'each (see multiMembership). BAD_USER_INPUT for a grouping the target lacks (AGREEMENTS by ACTIVITY_KIND, ACTIVITIES by ' +
      'AGREEMENT_KIND, ORGANIZATIONS by TIE_KIND), the same grouping twice, a table of more than 20000 cells, or from after to; ' +
      'NOT_FOUND for an unknown topic, region or province.',
  })
  async countTable(
    @Arg('of', () => CountTarget, { description: 'What to count' }) of: CountTarget,
    @Arg('rows', () => GroupKey, { description: 'The grouping of the rows (the bars of a bar chart, the x axis of a line)' }) rows: GroupKey,
    @Arg('columns', () => GroupKey, {
      nullable: true,
      description: 'The grouping of the columns (the stacks or series); none gives one `all` column',
    })
    columns: GroupKey | null,
    @Arg('filter', () => StatsFilter, { nullable: true, description: 'What is counted; its from and to also bound the time groups' })
    filter: StatsFilter | null,
    @Arg('regionScheme', () => RegionScheme, { defaultValue: 'SOCIO_ECONOMIC_6', description: 'Regions for REGION' }) scheme: string,
    @Arg('provinceMode', () => ProvinceMode, { defaultValue: ProvinceMode.CURRENT, description: 'Units for PROVINCE' }) mode: ProvinceMode,
    @Ctx() ctx: Context,
  ): Promise<CountTable> {
    checkStatsFilter(filter);
    const key = aggregateKey('countTable', { of, rows, columns, filter, scheme, mode });
    // The id check is part of the cached work, as for counts: a kept answer proves its ids existed.
    return cachedRead(ctx.db, key, async (db) => {
      await checkFilterIds(db, filter);
      return countTable(db, of, rows, columns, filter, scheme, mode);
    });
  }
}

const TIME: ReadonlySet<GroupKey> = new Set([GroupKey.YEAR, GroupKey.MONTH]);

/** The names of a bucket of `counts`, looked up by its grouping (through the request's loaders for ids). */
async function bucketNames(bucket: Bucket, ctx: Context): Promise<Names> {
  const fallback = { nameVi: bucket.label, nameEn: bucket.label };
  switch (bucket.group) {
    case GroupKey.REGION: {
      const region = await geographyLoaders(ctx).regionById.load(bucket.key);
      return region ? { nameVi: region.name, nameEn: region.nameEn ?? region.name } : fallback;
    }
    case GroupKey.PROVINCE: {
      const unit = await geographyLoaders(ctx).unitById.load(bucket.key);
      return unit ? { nameVi: unitNameVi(unit.level, unit.name), nameEn: unit.nameEn ?? unit.name } : fallback;
    }
    case GroupKey.TOPIC: {
      const topic = await topicLoaders(ctx).topicById.load(bucket.key);
      return topic ? { nameVi: topic.name, nameEn: topic.nameEn ?? topic.name } : fallback;
    }
    default:
      return TIME.has(bucket.group) ? yearNames(Number(bucket.key)) : kindNames(bucket.key);
  }
}

@Resolver(() => Bucket)
export class BucketNamesResolver {
  @FieldResolver(() => String, {
    description: 'Vietnamese name, with diacritics: Thành phố Cần Thơ, Đồng bằng sông Cửu Long, Hội thảo (a year is itself)',
  })
  async nameVi(@Parent() bucket: Bucket, @Ctx() ctx: Context): Promise<string> {
    return (await bucketNames(bucket, ctx)).nameVi;
  }

  @FieldResolver(() => String, { description: 'English name: Can Tho City, Mekong Delta, Workshop (a year is itself)' })
  async nameEn(@Parent() bucket: Bucket, @Ctx() ctx: Context): Promise<string> {
    return (await bucketNames(bucket, ctx)).nameEn;
  }
}
