import { Field, ID, InterfaceType } from 'type-graphql';

// The GraphQL type a loaded object stands for; several kinds share field names (name, kind, title), so the
// shape of an object cannot tell them apart.
const NODE_TYPE = Symbol('nodeType');

/** Returns a copy of a loaded object tagged with the GraphQL type it resolves to as a Node. */
export function tagNode<T extends object>(typeName: string, value: T): T {
  return { ...value, [NODE_TYPE]: typeName };
}

/**
 * Anything the hub can fetch again by its id alone. The hub's ids are already unique across kinds (each kind
 * has its own prefix, see node.kinds.ts), so they serve as global ids as they are: Relay refetching needs no
 * other encoding.
 */
@InterfaceType({
  description:
    'Anything with an id of its own: organisations, admin units, regions, agreements, activities, parts, people, ' +
    'sources and topics. Fetch any of them again with node(id) or nodes(ids); the id alone says which kind it is.',
  resolveType: (value: { [NODE_TYPE]?: string }) => value[NODE_TYPE],
})
export abstract class Node {
  @Field(() => ID, {
    description: 'Stable id, unique across every kind (its prefix names the kind: org-, prov-, region-, agr-, act-, part-, per-, src-, topic-, ...)',
  })
  id!: string;
}
