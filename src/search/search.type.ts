import { createUnionType, Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Activity } from '../activity/activity.type';
import { Agreement } from '../agreement/agreement.type';
import { AdminUnit, Region } from '../geography/geography.type';
import { ORGANIZATION_TYPE_NAME, ORGANIZATION_TYPES, type OrganizationKind } from '../organization/organization.type';
import { Person } from '../person/person.type';
import { SourceDocument } from '../source/source.type';
import { Topic } from '../topic/topic.type';
import { SearchMatch } from './search.query';
import { taggedCopy } from '../graphql/tagged-copy';

export enum SearchKind {
  ORGANIZATION = 'ORGANIZATION',
  ADMIN_UNIT = 'ADMIN_UNIT',
  REGION = 'REGION',
  AGREEMENT = 'AGREEMENT',
  ACTIVITY = 'ACTIVITY',
  PERSON = 'PERSON',
  TOPIC = 'TOPIC',
  SOURCE = 'SOURCE',
}
registerEnumType(SearchKind, {
  name: 'SearchKind',
  description: 'What kind of thing a search hit is',
  valuesConfig: {
    ORGANIZATION: { description: 'An organisation of any kind (query organization(id) for it)' },
    ADMIN_UNIT: { description: 'A province, centrally run city, country or foreign state (adminUnit(id))' },
    REGION: { description: 'A region of any scheme (region(id))' },
    AGREEMENT: { description: 'An agreement, programme, memorandum, plan or proposal (agreement(id))' },
    ACTIVITY: { description: 'An activity (activity(id))' },
    PERSON: { description: 'A person (person(id))' },
    TOPIC: { description: 'A topic (topic(id))' },
    SOURCE: { description: 'A source document or external reference, found by its document number, e.g. 416/SKHCN-VP (source(id))' },
  },
});
registerEnumType(SearchMatch, {
  name: 'SearchMatch',
  description: 'How the words of a search text must appear in a name (case and diacritics ignored)',
  valuesConfig: {
    BEST: { description: 'Ranked: the exact phrase first, then all words, then all words with the last one as a prefix' },
    PHRASE: { description: 'Only names holding the words in this order, next to each other' },
    ALL_WORDS: { description: 'Only names holding every word, in any order' },
  },
});

/** GraphQL object type of each kind; organisations resolve to their concrete type by their own kind. */
const TYPE_NAME: Record<Exclude<SearchKind, SearchKind.ORGANIZATION>, string> = {
  ADMIN_UNIT: 'AdminUnit',
  REGION: 'Region',
  AGREEMENT: 'Agreement',
  ACTIVITY: 'Activity',
  PERSON: 'Person',
  TOPIC: 'Topic',
  SOURCE: 'SourceDocument',
};

// Several member types share field names (kind, name), so the hit's own kind tags the node it resolved to.
const NODE_TYPE = Symbol('searchNodeType');

/** Returns a copy of a loaded node tagged with its GraphQL type, for the SearchResult union. */
export function tagSearchNode<T extends object>(kind: SearchKind, node: T): T {
  const typeName =
    kind === SearchKind.ORGANIZATION
      ? ORGANIZATION_TYPE_NAME[(node as { kind: OrganizationKind }).kind]
      : TYPE_NAME[kind];
  return taggedCopy(node, NODE_TYPE, typeName);
}

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'What a search hit stands for',
  types: () => [...ORGANIZATION_TYPES, AdminUnit, Region, Agreement, Activity, Person, Topic, SourceDocument] as const,
  resolveType: (value) => (value as { [NODE_TYPE]?: string })[NODE_TYPE],
});

@ObjectType({ description: 'One search result, best first.' })
export class SearchHit {
  @Field(() => SearchKind, { description: 'What kind of thing was found' })
  kind!: SearchKind;

  @Field(() => ID, { description: 'Id of what was found, for the query of its kind (or use node)' })
  id!: string;

  @Field(() => String, { description: 'Name or title as the sources write it' })
  label!: string;

  @Field(() => Float, { description: 'Relevance; higher is better, comparable within one search only' })
  score!: number;
}
