import { HubError } from '../../src/core/errors';
import { orderRoles, toTimelineEvents } from '../../src/timeline/timeline.mapper';
import { periodOf } from '../../src/timeline/timeline.period';

function errorOf(fn: () => unknown): { code: string; message: string } | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof HubError) return { code: String(error.extensions.code), message: error.message };
    throw error;
  }
  return undefined;
}

describe('the period of an inForce question', () => {
  test('a day is a one-day period, a year runs from 1 January to 31 December', () => {
    expect(periodOf('2023-06-09', null)).toEqual({ from: '2023-06-09', to: '2023-06-09' });
    expect(periodOf(null, 2019)).toEqual({ from: '2019-01-01', to: '2019-12-31' });
  });

  test('exactly one of on and year is required', () => {
    expect(errorOf(() => periodOf(null, null))).toEqual({ code: 'BAD_USER_INPUT', message: 'Give exactly one of on and year' });
    expect(errorOf(() => periodOf('2023-06-09', 2023))).toEqual({ code: 'BAD_USER_INPUT', message: 'Give exactly one of on and year' });
  });

  test('a year outside 1000 to 9999 is refused with the limits', () => {
    expect(errorOf(() => periodOf(null, 20190))).toEqual({ code: 'BAD_USER_INPUT', message: 'year must be between 1000 and 9999 (got 20190)' });
    expect(errorOf(() => periodOf(null, 999))?.code).toBe('BAD_USER_INPUT');
  });
});

describe('timeline events', () => {
  const agreement = {
    id: 'agr-x',
    kind: 'MEMORANDUM',
    title: 'X',
    signedOn: '2019-03-01',
    validFrom: '2019-01-01',
    validTo: '2020-12-31',
  };
  const held = { id: 'act-held', kind: 'VISIT', title: 'Visit', status: 'HELD', startDate: '2019-03-01' };
  const planned = { id: 'act-planned', kind: 'FESTIVAL', title: 'Festival', status: 'PLANNED', startDate: '2020-05-01' };
  const proposed = { id: 'act-proposed', kind: 'CONFERENCE', title: 'Conference', status: 'PROPOSED', startDate: '2020-05-01' };
  const endOnly = { id: 'act-end-only', kind: 'RESEARCH_TASK', title: 'Task', status: 'ONGOING', endDate: '2020-12-31' };
  const undated = { id: 'act-undated', kind: 'OTHER', title: 'Undated', status: 'HELD' };
  const rows = [
    { item: planned, isAgreement: false, roles: ['PARTICIPANT'], orgIds: ['org-b'] },
    { item: agreement, isAgreement: true, roles: ['PARTNER', 'SIGNATORY'], orgIds: ['org-b', 'org-a'] },
    { item: held, isAgreement: false, roles: ['HOST'], orgIds: ['org-a'] },
    { item: proposed, isAgreement: false, roles: ['PROPOSER'], orgIds: ['org-a'] },
    { item: endOnly, isAgreement: false, roles: ['LEAD'], orgIds: ['org-a'] },
    { item: undated, isAgreement: false, roles: ['HOST'], orgIds: ['org-a'] },
  ];

  test('one event per agreement date and per dated activity (planned or proposed ones as PLANNED), by date, kind and id; undated ones left out', () => {
    const events = toTimelineEvents(rows, null, null);
    expect(events.map((e) => [e.date, e.kind, e.agreement?.id ?? e.activity?.id])).toEqual([
      ['2019-01-01', 'VALID_FROM', 'agr-x'],
      ['2019-03-01', 'SIGNED', 'agr-x'],
      ['2019-03-01', 'HELD', 'act-held'],
      ['2020-05-01', 'PLANNED', 'act-planned'],
      ['2020-05-01', 'PLANNED', 'act-proposed'],
      ['2020-12-31', 'HELD', 'act-end-only'],
      ['2020-12-31', 'VALID_TO', 'agr-x'],
    ]);
  });

  test('the role is the first of the actor’s roles in enum order; all roles and organisations are kept', () => {
    const [first] = toTimelineEvents(rows, null, null);
    expect(first.role).toBe('SIGNATORY');
    expect(first.roles).toEqual(['SIGNATORY', 'PARTNER']);
    expect(first.organizationIds).toEqual(['org-a', 'org-b']);
    expect(orderRoles(['PARTICIPANT', 'ORGANISER', 'PARTICIPANT'])).toEqual(['ORGANISER', 'PARTICIPANT']);
  });

  test('from and to are inclusive', () => {
    const events = toTimelineEvents(rows, '2019-03-01', '2020-05-01');
    expect(events.map((e) => e.kind)).toEqual(['SIGNED', 'HELD', 'PLANNED', 'PLANNED']);
  });

  test('a date written as a year or month is in every window that meets its period', () => {
    const vicap = { id: 'act-year', kind: 'CONFERENCE', title: 'Year-only', status: 'HELD', startDate: '2022' };
    const month = { id: 'act-month', kind: 'WORKSHOP', title: 'Month-only', status: 'HELD', startDate: '2022-06' };
    const dated = [
      { item: vicap, isAgreement: false, roles: ['LEAD'], orgIds: ['org-a'] },
      { item: month, isAgreement: false, roles: ['LEAD'], orgIds: ['org-a'] },
    ];
    expect(toTimelineEvents(dated, '2022-06-09', '2022-06-09').map((e) => [e.date, e.activity?.id])).toEqual([
      ['2022', 'act-year'],
      ['2022-06', 'act-month'],
    ]);
    expect(toTimelineEvents(dated, '2022-07-01', '2022-12-31').map((e) => e.date)).toEqual(['2022']);
    expect(toTimelineEvents(dated, '2023-01-01', null)).toEqual([]);
  });

  test('an item in force in the window gets an IN_FORCE event on the window’s first day, before the other events', () => {
    const inForce = [{ item: agreement, isAgreement: true, roles: ['PARTNER'], orgIds: ['org-a'], inForce: true }];
    expect(toTimelineEvents(inForce, '2020-01-01', '2020-12-31').map((e) => [e.date, e.kind])).toEqual([
      ['2020-01-01', 'IN_FORCE'],
      ['2020-12-31', 'VALID_TO'],
    ]);
  });
});
