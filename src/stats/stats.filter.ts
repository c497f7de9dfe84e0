import { dateValue } from '../db/values';
import { BadUserInputError } from '../core/errors';
import { checkRange, dateParam } from '../db/dates';
import { checkInt, checkOffset } from '../graphql/paging';
import type { Params } from '../db/database';
import { COOPERATION_TIE_KINDS, tieParams, type TieKind, type TieSelection } from '../rules/tie';
import { CountTarget, GroupKey } from './stats.type';

/** The filter fields the statements read; all optional. */
export interface StatsFilterValue {
  from?: string | null;
  to?: string | null;
  organizationKind?: string | null;
  activityKind?: string | null;
  topic?: string | null;
  region?: string | null;
  province?: string | null;
  ties?: readonly TieKind[] | null;
  includeIntended?: boolean | null;
  rollUpSubUnits?: boolean | null;
}

/** The tie selection of a statistics filter: the defaults of src/rules/tie.ts where the filter is silent. */
export function statsTieSelection(filter: StatsFilterValue | null | undefined): TieSelection {
  return {
    kinds: filter?.ties?.length ? filter.ties : COOPERATION_TIE_KINDS,
    includeIntended: filter?.includeIntended ?? false,
    rollUpSubUnits: filter?.rollUpSubUnits ?? false,
  };
}

/**
 * Where a statement starts: the most selective filter that has an index or an id behind it, so that only
 * an unfiltered question scans every agreement, activity or organisation.
 */
export type Anchor = 'topic' | 'province' | 'region' | 'dates' | 'organizationKind' | 'activityKind' | 'all';

export type ItemLabel = 'Agreement' | 'Activity';

export const MAX_RANKING_SIZE = 500;

// Open bounds of a date range, so that a range seek on the date indexes works when one end is missing.
const EARLIEST = dateValue(1, 1, 1);
const LATEST = dateValue(9999, 12, 31);

/** Checks the dates of a filter (form, and from not after to); throws BAD_USER_INPUT. */
export function checkStatsFilter(filter: StatsFilterValue | null | undefined): void {
  checkRange(filter?.from, filter?.to, 'from', 'to');
}

/** The anchor for a filter: topic, then province, region, dates, organisation kind, activity kind; `all` when none is given. */
export function chooseAnchor(filter: StatsFilterValue | null | undefined): Anchor {
  if (filter?.topic) return 'topic';
  if (filter?.province) return 'province';
  if (filter?.region) return 'region';
  if (filter?.from || filter?.to) return 'dates';
  if (filter?.organizationKind) return 'organizationKind';
  if (filter?.activityKind) return 'activityKind';
  return 'all';
}

/** Agreements and activities, or activities only when the filter names an activity kind. */
export function itemLabels(filter: StatsFilterValue | null | undefined): ItemLabel[] {
  return filter?.activityKind ? ['Activity'] : ['Agreement', 'Activity'];
}

/** Whether a filter restricts organisations (kind, region or province). */
export function filtersOrganizations(filter: StatsFilterValue | null | undefined): boolean {
  return Boolean(filter?.organizationKind || filter?.region || filter?.province);
}

/** Whether a filter restricts agreements and activities (dates, topic or activity kind). */
export function filtersItems(filter: StatsFilterValue | null | undefined): boolean {
  return Boolean(filter?.from || filter?.to || filter?.topic || filter?.activityKind);
}

/** The statement parameters of a filter; every filter value travels as a parameter. */
export function filterParams(filter: StatsFilterValue | null | undefined): Params {
  const from = dateParam(filter?.from, 'from');
  const to = dateParam(filter?.to, 'to');
  return {
    ...tieParams(statsTieSelection(filter)),
    from,
    to,
    // A date written as a year is stored as its first day and matches any day of that year: the index range
    // starts on the first day of from's year, and itemWhere keeps the dates whose period reaches from.
    fromBound: from ? dateValue(from.year, 1, 1) : EARLIEST,
    toBound: to ?? LATEST,
    organizationKind: filter?.organizationKind ?? null,
    activityKind: filter?.activityKind ?? null,
    topic: filter?.topic ?? null,
    region: filter?.region ?? null,
    province: filter?.province ?? null,
    orgFiltered: filtersOrganizations(filter),
    itemFiltered: filtersItems(filter),
  };
}

const UNGROUPABLE: Partial<Record<CountTarget, GroupKey>> = {
  [CountTarget.AGREEMENTS]: GroupKey.ACTIVITY_KIND,
  [CountTarget.ACTIVITIES]: GroupKey.AGREEMENT_KIND,
};

/** The groupings only countTable takes. */
const TABLE_ONLY: readonly GroupKey[] = [GroupKey.MONTH, GroupKey.TIE_KIND, GroupKey.KIND];

/**
 * Refuses, for `counts`, groupings that have no meaning for the target (agreements by activity kind and the
 * reverse) and those only countTable takes.
 */
export function checkGrouping(of: CountTarget, groupBy: GroupKey): void {
  if (TABLE_ONLY.includes(groupBy)) {
    throw new BadUserInputError(`counts cannot group by ${groupBy}; countTable can`, 'groupBy');
  }
  if (UNGROUPABLE[of] === groupBy) {
    throw new BadUserInputError(`${of} cannot be grouped by ${groupBy}`, 'groupBy');
  }
}

/** Checks a window of results (`first` from 1 to `max`, `offset` from 0 to MAX_OFFSET); throws BAD_USER_INPUT naming the bounds. */
export function checkWindow(first: number, offset: number, max = MAX_RANKING_SIZE): { limit: number; offset: number } {
  return { limit: checkInt(first, 1, max, 'first'), offset: checkOffset(offset) };
}
