import 'reflect-metadata';
import { parse, validate } from 'graphql';
import { buildHubSchema } from '../src/graphql/build-schema';
import { depthLimit } from '../src/graphql/depth-limit';

const schema = buildHubSchema();
const check = (query: string, max: number) => validate(schema, parse(query), [depthLimit(max)]);

describe('query depth limit', () => {
  const deep = `{ organization(id: "x") { parent { parent { parent { parent { id } } } } } }`;

  test('a query within the limit passes', () => {
    expect(check(deep, 5)).toHaveLength(0);
  });

  test('a deeper query is refused with QUERY_TOO_DEEP stating the limit', () => {
    const errors = check(deep, 4);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('Query depth 5 exceeds the maximum of 4');
    expect(errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
  });

  test('fragments count towards the depth', () => {
    const query = `query { organization(id: "x") { ...P } } fragment P on Organization { parent { parent { parent { id } } } }`;
    expect(check(query, 4)).toHaveLength(0);
    expect(check(query, 3)).toHaveLength(1);
  });

  test('introspection fields do not count', () => {
    expect(check(`{ __schema { types { fields { type { name } } } } }`, 2)).toHaveLength(0);
  });
});
