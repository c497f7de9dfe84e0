import 'reflect-metadata';
import { Kind, parse, validate, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { buildHubSchema } from '../../src/app/schema';
import { depthLimit, selectionDepth } from '../../src/graphql/depth-limit';
import { doublingFragments, selectionsIn } from '../helpers/attacks';

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

  test('26 fragments each spreading the next twice are measured by visiting each written selection once', () => {
    const query = doublingFragments('organization(id: "x") { parent { id } }');
    const document = parse(query);
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const work = { visited: 0 };
    expect(selectionDepth(operation.selectionSet, fragments, new Map(), work)).toBe(2);
    expect(work.visited).toBe(selectionsIn(query));
    expect(check(query, 2)).toHaveLength(0);
    expect(check(query, 1)).toHaveLength(1);
  });

  test('a fragment cycle, which validation refuses anyway, ends instead of looping', () => {
    const query = `{ organization(id: "x") { ...A } } fragment A on Organization { parent { ...B } } fragment B on Organization { parent { ...A } }`;
    expect(check(query, 10)).toHaveLength(0);
    expect(check(query, 2).map((e) => e.message)).toEqual(['Query depth 3 exceeds the maximum of 2']);
  });
});
