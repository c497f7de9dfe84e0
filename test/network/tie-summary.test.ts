import { summariseTie, type TieInstrument } from '../../src/network/tie-summary';

const instrument = (over: Partial<TieInstrument>): TieInstrument => ({
  id: 'x',
  type: 'AGREEMENT',
  kind: 'COUNTERPARTIES',
  startDay: null,
  start: null,
  endDay: null,
  end: null,
  ...over,
});

describe('the summary of a tie', () => {
  test('counts instruments by kind, strongest kind first, kinds present only', () => {
    const s = summariseTie([
      instrument({ id: 'a', kind: 'ORGANISER_PARTICIPANT' }),
      instrument({ id: 'b', kind: 'COUNTERPARTIES' }),
      instrument({ id: 'c', kind: 'ORGANISER_PARTICIPANT' }),
    ]);
    expect(s.count).toBe(3);
    expect(s.countsByKind).toEqual([
      { kind: 'COUNTERPARTIES', count: 1 },
      { kind: 'ORGANISER_PARTICIPANT', count: 2 },
    ]);
  });

  test('gives the earliest start and the latest end as the text wrote them', () => {
    const s = summariseTie([
      instrument({ id: 'memorandum', startDay: '2019-01-01', start: '2019', endDay: '2020-12-31', end: '2020' }),
      instrument({ id: 'visit', startDay: '2019-06-09', start: '2019-06-09', endDay: '2019-06-09', end: '2019-06-09' }),
    ]);
    expect(s).toMatchObject({ firstDate: '2019', lastDate: '2020' });
  });

  test('an open-ended instrument counts by its start; undated ones give no date', () => {
    expect(summariseTie([instrument({ startDay: '2023-06-01', start: '2023-06' }), instrument({ id: 'y', startDay: '2021-01-01', start: '2021' })])).toMatchObject({
      firstDate: '2021',
      lastDate: '2023-06',
    });
    expect(summariseTie([instrument({})])).toMatchObject({ count: 1, firstDate: null, lastDate: null });
    expect(summariseTie([])).toEqual({ count: 0, countsByKind: [], firstDate: null, lastDate: null });
  });
});
