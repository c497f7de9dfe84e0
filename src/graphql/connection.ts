import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BadUserInputError } from '../core/errors';
import { decodeCursor, type SortDirectionValue } from '../db/cursor';
import type { ConnectionShape, Edge, PageInfoShape, PageRequest, SortTable } from '../db/keyset';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, checkFirst } from './paging';

export const SortDirection = { ASC: 'ASC', DESC: 'DESC' } as const;
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'ASC: smallest first, missing values last; DESC: the exact reverse',
  valuesConfig: {
    ASC: { description: 'Ascending: smallest (earliest, first in the alphabet) first; items without the value come last' },
    DESC: { description: 'Descending: the exact reverse of ASC, so items without the value come first' },
  },
});

// What each sort field of any list means; a field missing here is left undescribed and the schema test names it.
const SORT_FIELD_MEANINGS: Readonly<Record<string, string>> = {
  NAME: 'By name in Vietnamese alphabetical order: Đ after D and before E, then by tone marks, then lower case before upper case',
  TITLE: 'By title in Vietnamese alphabetical order, as for names (Đ after D and before E)',
  KIND: 'By kind (alphabetical order of the kind’s enum value)',
  ID: 'By id',
  STAT_CODE: 'By statistics code (two digits for a Vietnamese province; units without one come last in ASC)',
  SIGNED_ON: 'By signing date; a year or month alone sorts as the first day of that period; undated items come last in ASC',
  START_DATE: 'By start date; a year or month alone sorts as the first day of that period; undated items come last in ASC',
};

@ObjectType({ description: 'Where a page sits in its list (forward paging with first and after).' })
export class PageInfo implements PageInfoShape {
  @Field(() => Boolean, { description: 'More items follow the last one of this page' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'The page started after a cursor, so items precede it' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item; null for an empty page' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item: pass it as after for the next page; null for an empty page' })
  endCursor!: string | null;
}

/** The arguments every connection takes, as the resolver receives them. */
export interface ConnectionArgs<F extends string> {
  first: number;
  after?: string | null;
  orderBy?: { field: F; direction: SortDirectionValue } | null;
}

type NodeClass<T> = abstract new (...args: never[]) => T;

/**
 * Creates the output types of a connection over `node`: `<name>Connection` (totalCount, edges, nodes, pageInfo)
 * and `<name>Edge`. defineConnection uses it for keyset lists; a list paged by position (see positionConnection
 * in paging.ts) uses it alone, so that every connection has the same shape. One call per name.
 */
export function connectionTypes<T extends object>(node: NodeClass<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One item of a page of ${name} items, with the cursor that points at it.` })
  class EdgeType implements Edge<T> {
    @Field(() => String, { description: 'Opaque cursor: pass it as after to get the items that follow this one' })
    cursor!: string;

    @Field(() => node, { description: 'The item' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items, with the total over all pages.` })
  class Connection implements ConnectionShape<T> {
    count!: () => Promise<number>;

    @Field(() => Int, { description: 'How many items match the filters, over all pages (counted only when asked for)' })
    totalCount(): Promise<number> {
      return this.count();
    }

    @Field(() => [EdgeType], { description: 'The items of the page with their cursors, in the order asked for; empty past the last page' })
    edges!: EdgeType[];

    @Field(() => [node], { description: 'The items of the page (the nodes of edges)' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether more items follow, and the cursor to fetch them with' })
    pageInfo!: PageInfo;
  }

  return { Connection, Edge: EdgeType };
}

/**
 * Creates the GraphQL types of a connection over `node` (`<name>Connection`, `<name>Edge`, `<name>SortField`,
 * `<name>Order` and the arguments class) and `request`, which validates arguments into a PageRequest.
 * One call per node type: type-graphql needs a concrete class for each.
 */
export function defineConnection<T extends object, F extends string>(node: NodeClass<T>, name: string, sorts: SortTable<F>, defaultField: NoInfer<F>) {
  const fields = Object.keys(sorts) as F[];
  const SortField = Object.fromEntries(fields.map((f) => [f, f])) as Record<F, F>;
  const valuesConfig = Object.fromEntries(fields.map((f) => [f, { description: SORT_FIELD_MEANINGS[f] }])) as Partial<Record<F, { description?: string }>>;
  registerEnumType(SortField, { name: `${name}SortField`, description: `What ${name} lists can be sorted by`, valuesConfig });
  const { Connection, Edge: EdgeType } = connectionTypes(node, name);

  @InputType(`${name}Order`, { description: `Sort order of ${name} lists; ties are broken by id in the same direction.` })
  class Order {
    @Field(() => SortField, { description: 'What to sort by' })
    field!: F;

    @Field(() => SortDirection, { defaultValue: 'ASC', description: 'Ascending or descending; ASC by default' })
    direction!: SortDirectionValue;
  }

  @ArgsType()
  class Args implements ConnectionArgs<F> {
    @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `How many items (1 to ${MAX_PAGE_SIZE})` })
    first!: number;

    @Field(() => String, { nullable: true, description: 'Start after this cursor (an edge cursor or pageInfo.endCursor)' })
    after?: string | null;

    @Field(() => Order, { nullable: true, description: `Sort order; by default ${defaultField} ASC` })
    orderBy?: Order | null;
  }

  /** Validates connection arguments: page size within the limit, a cursor made for this list and order. */
  function request(args: ConnectionArgs<F>): PageRequest<F> {
    const first = checkFirst(args.first);
    const field = args.orderBy?.field ?? defaultField;
    const direction = args.orderBy?.direction ?? 'ASC';
    if (args.after === null || args.after === undefined) return { list: name, first, field, direction, after: null };
    const cursor = decodeCursor(args.after);
    if (cursor.list !== name) throw new BadUserInputError(`after is a cursor of the ${cursor.list} list, not of the ${name} list`, 'after');
    if (cursor.field !== field || cursor.direction !== direction) {
      throw new BadUserInputError(
        `after was made for orderBy {field: ${cursor.field}, direction: ${cursor.direction}}; page on with that order`,
        'after',
      );
    }
    return { list: name, first, field, direction, after: { value: cursor.value, id: cursor.id } };
  }

  return { Connection, Edge: EdgeType, Order, Args, SortField, request };
}
