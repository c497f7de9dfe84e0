import 'reflect-metadata';
import {
  GraphQLSchema,
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
} from 'graphql';
import { buildHubSchema } from '../../src/app/schema';

/**
 * Every schema coordinate (`Type`, `Type.field`, `Type.field(arg:)`, `Input.field`, `Enum.VALUE`,
 * `@directive(arg:)`) whose description is missing or blank, sorted; GraphQL's own introspection types,
 * built-in scalars and built-in directives are not the schema author's to describe.
 */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (coordinate: string, description: string | null | undefined): void => {
    if (!description?.trim()) missing.push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    check(`@${directive.name}`, directive.description);
    for (const arg of directive.args) check(`@${directive.name}(${arg.name}:)`, arg.description);
  }
  return missing.sort();
}

describe('schema descriptions', () => {
  test('every type, field, argument, input field and enum value of the hub schema has a description', () => {
    expect(undescribed(buildHubSchema())).toEqual([]);
  });

  test('the check names each undescribed element and ignores GraphQL built-ins', () => {
    const tiny = buildSchema(`
      """Root."""
      type Query {
        """Described."""
        a(
          """Described."""
          x: Int
          y: Int
        ): Kind
        b: String
        """   """
        c(filter: Filter): Int @deprecated(reason: "old")
      }
      enum Kind {
        """Described."""
        ONE
        TWO
      }
      """Filter."""
      input Filter {
        """Described."""
        p: ID
        q: [String!]
      }
      scalar Unused
    `);
    expect(undescribed(tiny)).toEqual([
      'Filter.q',
      'Kind',
      'Kind.TWO',
      'Query.a(y:)',
      'Query.b',
      'Query.c',
      'Query.c(filter:)',
      'Unused',
    ]);
  });

  test('a fully described schema passes the check', () => {
    const tiny = buildSchema(`
      """Root."""
      type Query {
        """A number."""
        n(
          """How many."""
          first: Int
        ): Int
      }
    `);
    expect(undescribed(tiny)).toEqual([]);
  });
});
