import neo4j from 'neo4j-driver';
import { graphql, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { PartialDateScalar } from '../../src/graphql/partial-date';
import { writtenDate } from '../../src/db/values';
import { periodOfWritten, precisionOf, statusAsOf, today } from '../../src/rules/period';
import { buildSeedRows, dateProps } from '../../src/record/record.rows';
import { mergeSeed } from '../../src/record/record.merge';

describe('dates as written', () => {
  test('a stored date and its precision read back as the text wrote it', () => {
    expect(writtenDate(new neo4j.types.Date(2023, 1, 1), 'YEAR')).toBe('2023');
    expect(writtenDate(new neo4j.types.Date(2020, 12, 31), 'YEAR')).toBe('2020');
    expect(writtenDate(new neo4j.types.Date(2024, 2, 29), 'MONTH')).toBe('2024-02');
    expect(writtenDate(new neo4j.types.Date(2023, 6, 9), 'DAY')).toBe('2023-06-09');
  });

  test('a date stored without a precision is a day; no date stays null', () => {
    expect(writtenDate(new neo4j.types.Date(2023, 6, 9), undefined)).toBe('2023-06-09');
    expect(writtenDate(new neo4j.types.Date(2023, 6, 9), 'nonsense')).toBe('2023-06-09');
    expect(writtenDate(null, 'YEAR')).toBeNull();
  });

  test('the importer stores a start at the first day, an end at the last day, each with its precision', () => {
    expect(dateProps('startDate', '2023', 'start')).toEqual({ startDate: new neo4j.types.Date(2023, 1, 1), startDatePrecision: 'YEAR' });
    expect(dateProps('validTo', '2024-02', 'end')).toEqual({ validTo: new neo4j.types.Date(2024, 2, 29), validToPrecision: 'MONTH' });
    expect(dateProps('signedOn', '2018-10-26', 'start')).toEqual({ signedOn: new neo4j.types.Date(2018, 10, 26), signedOnPrecision: 'DAY' });
  });

  test('every date the importer writes, on nodes and on relationships, has its precision beside it', () => {
    const prov = [{ source: 'src-x', quote: 'the quote' }];
    const at = (record: unknown) => ({ record, file: 'x.jsonl', line: 1 });
    const set = mergeSeed({
      nodes: [
        at({ type: 'agreement', id: 'agr-a', kind: 'PROGRAMME', title: 'A', signedOn: '2018-10', validFrom: '2019', validTo: '2020', provenance: prov }),
        at({ type: 'activity', id: 'act-a', kind: 'WORKSHOP', title: 'W', startDate: '2023', endDate: '2023-06-09', provenance: prov }),
      ],
      edges: [at({ type: 'position', person: 'per-a', organization: 'org-a', title: 'Director', asOf: '2024', provenance: prov })],
      problems: [],
      files: [],
    } as never);
    const rows = buildSeedRows(set);
    const agreement = rows.nodes.agreement[0].props as Record<string, unknown>;
    expect([agreement.signedOnPrecision, agreement.validFromPrecision, agreement.validToPrecision]).toEqual(['MONTH', 'YEAR', 'YEAR']);
    expect(String(agreement.validTo)).toBe('2020-12-31');
    const activity = rows.nodes.activity[0].props as Record<string, unknown>;
    expect([activity.startDatePrecision, activity.endDatePrecision]).toEqual(['YEAR', 'DAY']);
    expect(rows.rels.HOLDS_POSITION[0].props).toMatchObject({ asOfPrecision: 'YEAR' });
  });

  test('the precision of a written date and the days it covers', () => {
    expect(['2023', '2023-06', '2023-06-09'].map(precisionOf)).toEqual(['YEAR', 'MONTH', 'DAY']);
    expect(periodOfWritten('2023')).toEqual({ first: '2023-01-01', last: '2023-12-31' });
    expect(periodOfWritten('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(periodOfWritten('2023-06-09')).toEqual({ first: '2023-06-09', last: '2023-06-09' });
  });

  test('the PartialDate scalar serialises years, months and days and refuses anything else', async () => {
    const schema = (value: unknown) =>
      new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { d: { type: PartialDateScalar, resolve: () => value } } }) });
    for (const value of ['2023', '2023-06', '2023-06-09']) expect((await graphql({ schema: schema(value), source: '{ d }' })).data).toEqual({ d: value });
    for (const value of ['2023-13', '23-06-09', '2023-06-09T00:00', 2023]) {
      expect((await graphql({ schema: schema(value), source: '{ d }' })).errors?.[0].message).toMatch(/PartialDate must be/);
    }
  });
});

describe('status as of a day', () => {
  test('a signed or in-force agreement past its validTo is ENDED, on its last day it is not', () => {
    expect(statusAsOf('AGREEMENT', 'SIGNED', '2020-12-31', '2021-01-01')).toBe('ENDED');
    expect(statusAsOf('AGREEMENT', 'IN_FORCE', '2020-12-31', '2021-01-01')).toBe('ENDED');
    expect(statusAsOf('AGREEMENT', 'SIGNED', '2020-12-31', '2020-12-31')).toBe('SIGNED');
  });

  test('plans and proposals stay what the text says, and an open-ended agreement stays in force', () => {
    expect(statusAsOf('AGREEMENT', 'PROPOSED', '2020-12-31', '2030-01-01')).toBe('PROPOSED');
    expect(statusAsOf('ACTIVITY', 'PLANNED', '2020-12-31', '2030-01-01')).toBe('PLANNED');
    expect(statusAsOf('AGREEMENT', 'IN_FORCE', null, '2030-01-01')).toBe('IN_FORCE');
  });

  test('an ongoing activity past its end was HELD', () => {
    expect(statusAsOf('ACTIVITY', 'ONGOING', '2024-12-31', '2025-01-01')).toBe('HELD');
    expect(statusAsOf('ACTIVITY', 'ONGOING', null, '2025-01-01')).toBe('ONGOING');
  });

  test('today is the UTC day', () => {
    expect(today(new Date('2026-12-03T23:30:00Z'))).toBe('2026-12-03');
  });
});
