import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

// Walks a schema from Query to every field that takes arguments, and says how to reach each one with an
// operation whose other arguments are valid, so that a hostile value reaches the field's own resolver.

/** One argument of one field reachable from Query. */
export interface ArgumentTarget {
  /** Schema coordinate of the argument, e.g. `Organization.agreements(first:)`. */
  coordinate: string;
  field: GraphQLField<unknown, unknown>;
  argument: GraphQLArgument;
  /** Wraps a selection on the field's parent type into the selection set of a whole operation. */
  wrap(selection: string): string;
  /** Valid literals for the field's other required arguments, as `name: value` pairs. */
  otherArgs: string[];
  /** A selection under the field ('' for a leaf). */
  subselection: string;
}

// Ids of the seed graph with many relationships, so that nested fields reached through them have data.
const KNOWN_IDS: Record<string, string> = {
  Organization: 'org-dost-ho-chi-minh',
  AdminUnit: 'prov-ho-chi-minh',
  Region: 'region-northern-midlands',
  Agreement: 'agr-mekong-kez-dost-programme-2018',
  Activity: 'act-002-da-nang-innovation-ecosystem-workshop-2023',
  Person: 'per-nguyen-quoc-viet',
  SourceDocument: 'src-002',
  Source: 'src-002',
  Topic: 'topic-startup',
};
const IDS_BY_ARGUMENT: Record<string, string> = { to: 'org-dost-binh-thuan', place: 'prov-ho-chi-minh', scope: 'prov-ho-chi-minh' };

/** A valid literal for a required argument or input field of `type`, reached through `field` (for ids). */
function validLiteral(type: GraphQLInputType, name: string, returnType: string): string {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return `[${validLiteral(nullable.ofType as GraphQLInputType, name, returnType)}]`;
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].name;
  if (isInputObjectType(named)) {
    const required = Object.values(named.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{${required.map((f) => `${f.name}: ${validLiteral(f.type, f.name, returnType)}`).join(', ')}}`;
  }
  switch (named.name) {
    case 'Int':
    case 'Float':
      return '1';
    case 'Boolean':
      return 'false';
    case 'ID':
      return JSON.stringify(IDS_BY_ARGUMENT[name] ?? KNOWN_IDS[returnType] ?? KNOWN_IDS.Organization);
    case 'LocalDate':
      return '"2024-01-01"';
    default:
      return JSON.stringify(name === 'text' ? 'khoa học' : 'a');
  }
}

const required = (a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined;

/** Arguments for a field on the way to a target: valid required ones, and small pages so that paths stay cheap. */
function pathArgs(field: GraphQLField<unknown, unknown>): string {
  const returnType = getNamedType(field.type).name;
  const args = field.args.flatMap((a) => {
    if (required(a)) return [`${a.name}: ${validLiteral(a.type, a.name, returnType)}`];
    if (['first', 'limit'].includes(a.name) && getNamedType(a.type).name === 'Int') return [`${a.name}: 2`];
    return [];
  });
  return args.length ? `(${args.join(', ')})` : '';
}

/** A selection under a field of `type`: its leaves without required arguments, and one level of objects under it. */
export function selectionFor(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (!isCompositeType(named)) return '';
  if (isUnionType(named)) return '{ __typename }';
  const parts = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some(required)) continue;
    const child = getNamedType(field.type);
    if (!isCompositeType(child)) parts.push(field.name);
    else if (depth < 1) parts.push(`${field.name} ${selectionFor(field.type, depth + 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** Every argument of every field reachable from Query, each with a way to reach it (shortest path first). */
export function argumentTargets(schema: GraphQLSchema): ArgumentTarget[] {
  const query = schema.getQueryType();
  if (!query) return [];
  const targets: ArgumentTarget[] = [];
  const reached = new Set<string>([query.name]);
  const done = new Set<string>();
  const queue: Array<{ type: GraphQLCompositeType; wrap: (s: string) => string }> = [{ type: query, wrap: (s) => s }];
  while (queue.length) {
    const { type, wrap } = queue.shift()!;
    // An abstract type's members are reached through inline fragments; their shared fields are walked on the interface.
    if (isAbstractType(type)) {
      for (const member of schema.getPossibleTypes(type)) {
        if (reached.has(member.name)) continue;
        reached.add(member.name);
        queue.push({ type: member, wrap: (s) => wrap(`... on ${member.name} { ${s} }`) });
      }
    }
    if (isUnionType(type)) continue;
    const fields = Object.values(type.getFields());
    // Lookups by id first: the seed ids chosen above lead to nodes with many relationships.
    if (type === query) fields.sort((a, b) => Number(b.args.some((x) => x.name === 'id')) - Number(a.args.some((x) => x.name === 'id')));
    for (const field of fields) {
      // A field an object type shares with its interface is one field: it is fuzzed once, under the interface's name.
      const owner = isObjectType(type) ? type.getInterfaces().find((i) => i.getFields()[field.name]) ?? type : type;
      if (!done.has(`${owner.name}.${field.name}`)) {
        done.add(`${owner.name}.${field.name}`);
        for (const argument of field.args) {
          targets.push({
            coordinate: `${owner.name}.${field.name}(${argument.name}:)`,
            field,
            argument,
            wrap,
            otherArgs: field.args
              .filter((a) => a !== argument && required(a))
              .map((a) => `${a.name}: ${validLiteral(a.type, a.name, getNamedType(field.type).name)}`),
            subselection: selectionFor(field.type),
          });
        }
      }
      const child = getNamedType(field.type);
      if (isCompositeType(child) && !reached.has(child.name)) {
        reached.add(child.name);
        const args = pathArgs(field);
        queue.push({ type: child, wrap: (s) => wrap(`${field.name}${args} { ${s} }`) });
      }
    }
  }
  return targets;
}
