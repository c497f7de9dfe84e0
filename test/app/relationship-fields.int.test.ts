import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import type { Context } from '../../src/graphql/context';
import { buildHubSchema } from '../../src/app/schema';
import { data, gqlClient, openTestDb } from '../helpers/graph';

/** Records, per `Type.field`, whether it ever resolved to something non-empty. */
function fieldRecorder() {
  const seen = new Map<string, boolean>();
  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              const key = `${info.parentType.name}.${info.fieldName}`;
              return (error, result) => {
                const nonEmpty = !error && result !== null && result !== undefined && !(Array.isArray(result) && result.length === 0);
                seen.set(key, (seen.get(key) ?? false) || nonEmpty);
              };
            },
          };
        },
      };
    },
  };
  return { seen, plugin };
}

// The lists of the graph's entities; network, search and dashboard answers have tests of their own.
const ENTITY_LISTS = ['organizations', 'adminUnits', 'regions', 'agreements', 'activities', 'people', 'sources', 'topics'];

/** Object types reachable from the entity lists, and every field of theirs whose type is an object: the relationships. */
function relationshipFields(schema: GraphQLSchema): string[] {
  const queryFields = schema.getQueryType()!.getFields();
  const seen = new Set<string>();
  const queue = ENTITY_LISTS.map((name) => getNamedType(queryFields[name].type));
  const out: string[] = [];
  while (queue.length) {
    const type = queue.pop()!;
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    if (isInterfaceType(type)) {
      queue.push(...schema.getPossibleTypes(type));
      continue;
    }
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isObjectType(named) || isInterfaceType(named)) {
        out.push(`${type.name}.${field.name}`);
        queue.push(named);
      }
    }
  }
  return out.sort();
}

const PROV = 'provenance { quote note source { id title publisher { id } signatures { person { id } } } }';
const ORG = `id name kind ${PROV}
  location { id } parent { id } children { id }
  agreements { role ${PROV} organization { id } agreement { id } }
  activities { role ${PROV} organization { id } activity { id } }
  positions { title ${PROV} person { id } organization { id } }
  relations { kind organization { id } ${PROV} }`;

/** The selection of a whole connection: its page info, its edges with `fields` on each node, and its nodes. */
const page = (fields: string) => `pageInfo { hasNextPage endCursor } edges { cursor node { ${fields} } } nodes { id }`;

const QUERIES = [
  `{ organizations(first: 500) { ${page(`__typename ${ORG}`)} } }`,
  `{ adminUnits(first: 500) { ${page(`id ${PROV} centre { latitude longitude } parent { id } children { id } successor { id } predecessors { id } current { id }
      regions { id } organizations(includePredecessors: true) { id } activities { id }`)} } }`,
  `{ regions { ${page(`id ${PROV} members { id }`)} } }`,
  `{ agreements(first: 500) { ${page(`id ${PROV} signedAt { id } implements { id } implementations { id } topics { id }
      parties { role organization { id } agreement { id } } activities { id }
      signatures { ${PROV} person { id } agreement { id } document { id } onBehalfOf { id } }`)} } }`,
  // Parts on their own, in smaller pages: under every agreement's every part's actors the sweep would multiply past any budget.
  `{ agreements(first: 50) { ${page(`id parts(first: 20) { id ${PROV} instrument { __typename } topics { id } activities { id }
      actors(first: 10) { role ${PROV} organization { id } part { id } } }`)} } }`,
  `{ activities(first: 500) { ${page(`id ${PROV} figures { name value unit } place { id } agreement { id } partOf { id } subEvents { id } part { id } parts { id } topics { id }
      participants { role organization { id } activity { id } }
      attendances { role ${PROV} person { id } activity { id } }`)} } }`,
  `{ people(first: 500) { ${page(`id ${PROV} positions { title organization { id } person { id } }
      signatures { person { id } agreement { id } document { id } onBehalfOf { id } }
      attendances { role person { id } activity { id } }`)} } }`,
  `{ sources(first: 500) { ${page(`id publisher { id } signatures { person { id } document { id } }`)} } }`,
  `{ topics { ${page(`id agreements { id } activities { id }`)} } }`,
];

// Relationships that the curated documents do not state; the ROR import fills them.
const EMPTY_IN_SEED = new Set(['Organization.relations', 'OrganizationRelation.organization', 'OrganizationRelation.provenance']);

const db = openTestDb();
afterAll(() => db.close());

test('every relationship field of the schema resolves to data for the seed graph', async () => {
  const { seen, plugin } = fieldRecorder();
  // A whole-graph sweep of every relationship field: far over the public cost budget by design.
  const gql = gqlClient(db, 20, [plugin], 1_000_000_000);
  for (const query of QUERIES) await data(gql(query));

  const expected = relationshipFields(buildHubSchema());
  const concrete = (key: string) => key.replace(/^(GovernmentBody|University|ResearchInstitute|Company|Hospital|Network|ForeignBody)\./, 'Organization.');
  const resolved = new Set([...seen].filter(([, nonEmpty]) => nonEmpty).map(([key]) => concrete(key)));
  const touched = new Set([...seen.keys()].map(concrete));
  const missing = expected.map(concrete).filter((key) => !touched.has(key) && !EMPTY_IN_SEED.has(key));
  expect(missing).toEqual([]);
  const emptyOnly = [...new Set(expected.map(concrete))].filter((key) => !resolved.has(key) && !EMPTY_IN_SEED.has(key));
  expect(emptyOnly).toEqual([]);
});
