import { BadUserInputError } from '../core/errors';
import { dateParam } from '../db/dates';
import { checkInt } from '../graphql/paging';

export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

/** A closed period of days, as `YYYY-MM-DD`. */
export interface Period {
  from: string;
  to: string;
}

/**
 * The period of an `inForce` question: the day `on`, or the calendar year `year`.
 * @throws BadUserInputError unless exactly one of the two is given, or when the year is out of range.
 */
export function periodOf(on: string | null | undefined, year: number | null | undefined): Period {
  const hasOn = on !== null && on !== undefined;
  const hasYear = year !== null && year !== undefined;
  if (hasOn === hasYear) throw new BadUserInputError('Give exactly one of on and year', hasOn ? 'year' : 'on');
  if (hasOn) {
    dateParam(on, 'on');
    return { from: on, to: on };
  }
  checkInt(year!, MIN_YEAR, MAX_YEAR, 'year');
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
