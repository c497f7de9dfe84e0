import { BadUserInputError } from '../errors';
import { dateParam } from '../graphql/dates';

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
  if (!Number.isInteger(year) || year! < MIN_YEAR || year! > MAX_YEAR) {
    throw new BadUserInputError(`year must be between ${MIN_YEAR} and ${MAX_YEAR} (got ${year})`, 'year');
  }
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
