import 'reflect-metadata';
import { ArgsType, Field, Int } from 'type-graphql';
import { MAX_NESTED_PAGE_SIZE, MAX_OFFSET, NESTED_PAGE_SIZE, type NestedPage } from './paging';

/**
 * The page arguments of every nested list (a relationship field of a domain object). The list stays a plain
 * list; `first` and `offset` cut one page of it in a fixed order that the field's description states.
 * The cost estimate reads these arguments and their defaults by name, so they are `first` and `offset` everywhere.
 */
@ArgsType()
export class NestedPageArgs implements NestedPage {
  @Field(() => Int, { defaultValue: NESTED_PAGE_SIZE, description: `How many items (1 to ${MAX_NESTED_PAGE_SIZE})` })
  first!: number;

  @Field(() => Int, { defaultValue: 0, description: `How many items to skip (0 to ${MAX_OFFSET})` })
  offset!: number;
}

// The statements below are built from constant labels, types and sort expressions of the repositories, never
// from requests; keys and the page travel as $keys, $offset and $first (integers, see pageParams).

/**
 * A batched statement that reads one page per parent: `match` (over `key`) finds a parent's items, `columns`
 * names what to return, `orderBy` must order them totally (end with a unique id). Neo4j sorts and cuts each
 * parent's items (top-k) in a subquery, so no more than `$offset + $first` rows per parent are ever held.
 * Columns: `key` and `columns`.
 */
export function pagedQuery(match: string, columns: string, orderBy: string): string {
  return `UNWIND $keys AS key
CALL (key) {
  ${match}
  RETURN ${columns}
  ORDER BY ${orderBy}
  SKIP $offset LIMIT $first
}
RETURN *`;
}

/** A page of the targets of outgoing `type` relationships from `from` nodes: columns `key`, `n`, `rel`. */
export function pagedOutQuery(from: string, type: string, to: string, orderBy = 'n.id'): string {
  return pagedQuery(`MATCH (:${from} {id: key})-[r:${type}]->(n:${to})`, 'n, properties(r) AS rel', orderBy);
}

/** A page of the sources of incoming `type` relationships into `to` nodes: columns `key`, `n`, `rel`. */
export function pagedInQuery(to: string, type: string, from: string, orderBy = 'n.id'): string {
  return pagedQuery(`MATCH (n:${from})-[r:${type}]->(:${to} {id: key})`, 'n, properties(r) AS rel', orderBy);
}
