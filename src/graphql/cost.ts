import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  Kind,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { QueryTooCostlyError } from '../core/errors';
import { NESTED_PAGE_SIZE } from './paging';

/*
 * The cost of an operation is the number of objects it may fetch. A field returning an object counts 1 per
 * object; a list multiplies everything under it by its page size; scalars and enums count 0. The page size
 * of a list is its `first` or `limit` argument (the literal, the variable's value, or the argument's
 * default), never more than its cap in the table's sizeCaps (larger values are refused by the resolvers anyway). The
 * `nodes` and `edges` of a connection take the connection field's `first`; a list without a size argument
 * takes its bound from the table's rules or DEFAULT_LIST_SIZE. Expensive fields add a weight each time they are
 * resolved: the work they do in the database or in rendering, in objects. Introspection fields count 0 (the
 * schema is small and fixed). See the README's "Limits".
 */

/** Page size assumed for an object list that has no size argument and no rule: the nested lists' default. */
export const DEFAULT_LIST_SIZE = NESTED_PAGE_SIZE;

const SIZE_ARGS = ['first', 'limit'];

function sizeCap(caps: CostTable['sizeCaps'], type: string, field: string, arg: string): number {
  return caps[`${type}.${field}.${arg}`] ?? caps[`${type}.*.${arg}`] ?? caps[`*.${arg}`] ?? Number.MAX_SAFE_INTEGER;
}

export type IntArgs = Readonly<Record<string, number | undefined>>;

/** How to count one field where the generic rule (size argument, connection, default) is not enough. */
export interface FieldRule {
  /** Items of a list without a size argument, from the size of the enclosing field (undefined: none). */
  size?: (enclosing: number | undefined) => number;
  /**
   * A list cut from what the parent already holds (one entry per source, per figure): it never has more
   * items than this, whatever its `first`.
   */
  natural?: number;
  /** Size the field's selections see as their enclosing size, when not its own size argument. */
  childSize?: (enclosing: number | undefined) => number;
  /** Extra work of the field (once, not per item of a list), in objects, from its integer arguments and enclosing size. */
  weight?: (args: IntArgs, enclosing: number | undefined) => number;
}

/**
 * What the estimator knows of one schema: the largest value of each size argument, by `Type.field.argument`,
 * `Type.*.argument` or `*.argument` (what the resolvers accept), and the rules of fields the generic count
 * misses, by `Type.field` or `*.field`. The composition root gives the hub's (src/app/cost-table.ts).
 */
export interface CostTable {
  sizeCaps: Readonly<Record<string, number>>;
  rules: Readonly<Record<string, FieldRule>>;
}

/** One field path (field names, aliases merged) and the objects it fetches itself. */
export interface CostContributor {
  path: string;
  cost: number;
}

export interface CostEstimate {
  /** Objects the operation may fetch, weights included. */
  cost: number;
  /** The field path that fetches the most (aliases of one field in one selection summed). */
  biggest: CostContributor;
  /** Selections looked at: at most the selections of the document once per fragment and enclosing size. */
  visited: number;
}

interface Part {
  cost: number;
  top: CostContributor | null;
}

const NOTHING: Part = { cost: 0, top: null };

function ruleFor(rules: CostTable['rules'], type: GraphQLNamedType, field: string): FieldRule | undefined {
  return rules[`${type.name}.${field}`] ?? rules[`*.${field}`];
}

class Estimator {
  visited = 0;
  /** Variables whose values the estimate read (integer arguments given as variables). */
  readonly consulted = new Set<string>();
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly memo = new Map<string, Part>();
  private readonly variableDefaults = new Map<string, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly table: CostTable,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    private readonly variables: Readonly<Record<string, unknown>>,
  ) {
    for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(def.name.value, def);
    for (const v of operation.variableDefinitions ?? []) {
      if (v.defaultValue?.kind === Kind.INT) this.variableDefaults.set(v.variable.name.value, Number.parseInt(v.defaultValue.value, 10));
    }
  }

  /** An integer argument: the literal, the variable's value (or its default), else the argument's default. */
  private intArg(node: FieldNode, arg: GraphQLArgument): number | undefined {
    const given = node.arguments?.find((a) => a.name.value === arg.name)?.value;
    if (given?.kind === Kind.INT) return Number.parseInt(given.value, 10);
    if (given?.kind === Kind.VARIABLE) {
      this.consulted.add(given.name.value);
      const value = Object.hasOwn(this.variables, given.name.value) ? this.variables[given.name.value] : undefined;
      if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
      if (value === undefined && this.variableDefaults.has(given.name.value)) return this.variableDefaults.get(given.name.value);
    }
    return typeof arg.defaultValue === 'number' ? arg.defaultValue : undefined;
  }

  private intArgs(node: FieldNode, def: GraphQLField<unknown, unknown>): IntArgs {
    const out: Record<string, number | undefined> = {};
    for (const arg of def.args) out[arg.name] = this.intArg(node, arg);
    return out;
  }

  /** The field's own page size (its `first` or `limit`, capped), or undefined when it has none. */
  private ownSize(on: GraphQLNamedType, node: FieldNode, def: GraphQLField<unknown, unknown>): number | undefined {
    const arg = def.args.find((a) => SIZE_ARGS.includes(a.name));
    if (!arg) return undefined;
    const value = this.intArg(node, arg);
    return value === undefined ? undefined : Math.min(Math.max(value, 0), sizeCap(this.table.sizeCaps, on.name, def.name, arg.name));
  }

  private listSize(parent: GraphQLNamedType, field: string, own: number | undefined, rule: FieldRule | undefined, enclosing: number | undefined): number {
    if (own !== undefined) return rule?.natural === undefined ? own : Math.min(own, rule.natural);
    if (rule?.size) return rule.size(enclosing);
    if (rule?.natural !== undefined) return rule.natural;
    if (parent.name.endsWith('Connection') && (field === 'nodes' || field === 'edges')) return enclosing ?? DEFAULT_LIST_SIZE;
    return DEFAULT_LIST_SIZE;
  }

  /** The cost of a fragment under an enclosing size, computed once per pair; a cycle counts nothing. */
  private fragment(name: string, enclosing: number | undefined): Part {
    const key = `${name}\u0000${enclosing ?? ''}`;
    const known = this.memo.get(key);
    if (known) return known;
    this.memo.set(key, NOTHING);
    const def = this.fragments.get(name);
    const type = def && this.schema.getType(def.typeCondition.name.value);
    const part = def && type ? this.selectionSet(def.selectionSet, type, enclosing) : NOTHING;
    this.memo.set(key, part);
    return part;
  }

  /** The cost per object of `type` of a selection set, and its biggest contributor (paths relative to it). */
  selectionSet(set: SelectionSetNode, type: GraphQLNamedType, enclosing: number | undefined): Part {
    const groups = new Map<string, { own: number; tops: Map<string, number> }>();
    const spreadTops = new Map<string, number>();
    let cost = 0;
    const walk = (selections: SelectionSetNode, on: GraphQLNamedType) => {
      for (const selection of selections.selections) {
        this.visited++;
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          const inner = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : on;
          if (inner) walk(selection.selectionSet, inner);
          continue;
        }
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const part = this.fragment(selection.name.value, enclosing);
          cost += part.cost;
          if (part.top) spreadTops.set(part.top.path, (spreadTops.get(part.top.path) ?? 0) + part.top.cost);
          continue;
        }
        const name = selection.name.value;
        if (name.startsWith('__') || !(isObjectType(on) || isInterfaceType(on))) continue;
        const def = on.getFields()[name];
        if (!def) continue;
        const named = getNamedType(def.type);
        if (isLeafType(named)) continue;
        const rule = ruleFor(this.table.rules, on, name);
        const own = this.ownSize(on, selection, def);
        const n = isListType(getNullableType(def.type)) ? this.listSize(on, name, own, rule, enclosing) : 1;
        const weight = rule?.weight ? rule.weight(this.intArgs(selection, def), enclosing) : 0;
        const childEnclosing = rule?.childSize ? rule.childSize(enclosing) : own;
        const child = selection.selectionSet ? this.selectionSet(selection.selectionSet, named, childEnclosing) : NOTHING;
        cost += weight + n * (1 + child.cost);
        let group = groups.get(name);
        if (!group) groups.set(name, (group = { own: 0, tops: new Map() }));
        group.own += weight + n;
        if (child.top) {
          const path = `${name}.${child.top.path}`;
          group.tops.set(path, (group.tops.get(path) ?? 0) + n * child.top.cost);
        }
      }
    };
    walk(set, type);

    // Strictly greater wins, so the shallower of two equal contributors (the list, not its items) is named.
    let top: CostContributor | null = null;
    const consider = (path: string, value: number) => {
      if (!top || value > top.cost) top = { path, cost: value };
    };
    for (const [name, group] of groups) {
      consider(name, group.own);
      for (const [path, value] of group.tops) consider(path, value);
    }
    for (const [path, value] of spreadTops) consider(path, value);
    return { cost, top };
  }
}

/**
 * Estimates the cost of `operation` (see the comment at the top of this file) with the given variable values.
 * Linear in the document: each fragment is costed once per enclosing page size and remembered; fragment cycles
 * (which validation rejects) count nothing instead of looping.
 */
export function estimateCost(args: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables?: Readonly<Record<string, unknown>>;
  table: CostTable;
}): CostEstimate {
  return estimate(args).estimate;
}

function estimate(args: Parameters<typeof estimateCost>[0]): { estimate: CostEstimate; consulted: string[] } {
  const estimator = new Estimator(args.schema, args.table, args.document, args.operation, args.variables ?? {});
  const root = args.schema.getRootType(args.operation.operation);
  const part = root ? estimator.selectionSet(args.operation.selectionSet, root, undefined) : NOTHING;
  return {
    estimate: { cost: part.cost, biggest: part.top ?? { path: '(none)', cost: 0 }, visited: estimator.visited },
    consulted: [...estimator.consulted],
  };
}

/** Distinct variable values remembered per operation; beyond, the memory starts again. */
const REMEMBERED_PER_OPERATION = 64;

interface Remembered {
  schema: GraphQLSchema;
  table: CostTable;
  /** The variables the estimate reads; other variables (ids, texts) cannot change it. */
  consulted: readonly string[];
  byValues: Map<string, CostEstimate>;
}

// Keyed by the parsed operation, which Apollo's document cache hands to every request of the same text.
const remembered = new WeakMap<OperationDefinitionNode, Remembered>();

/** The consulted variables' values as `intArg` tells them apart: only these distinctions can change an estimate. */
function valuesKey(names: readonly string[], variables: Readonly<Record<string, unknown>>): string {
  return names
    .map((name) => {
      const value = Object.hasOwn(variables, name) ? variables[name] : undefined;
      if (typeof value === 'number' && Number.isFinite(value)) return String(Math.trunc(value));
      return value === undefined ? 'u' : 'x';
    })
    .join(',');
}

/**
 * `estimateCost`, remembered per operation node and the values of the integer variables it reads: a repeated
 * query (the same text, so the same parsed node from Apollo's document cache) is costed once per distinct page
 * size, not once per request. Same answer as `estimateCost` for the same arguments.
 */
export function rememberedCost(args: Parameters<typeof estimateCost>[0]): CostEstimate {
  const variables = args.variables ?? {};
  let entry = remembered.get(args.operation);
  if (entry && (entry.schema !== args.schema || entry.table !== args.table)) entry = undefined;
  if (entry) {
    const known = entry.byValues.get(valuesKey(entry.consulted, variables));
    if (known) return known;
  }
  const { estimate: fresh, consulted } = estimate(args);
  // Which variables are read depends on the operation, schema and table only, never on their values.
  if (!entry) {
    entry = { schema: args.schema, table: args.table, consulted, byValues: new Map() };
    remembered.set(args.operation, entry);
  }
  if (entry.byValues.size >= REMEMBERED_PER_OPERATION) entry.byValues.clear();
  entry.byValues.set(valuesKey(consulted, variables), fresh);
  return fresh;
}

/**
 * An Apollo plugin refusing, before any resolver runs, an operation whose estimated cost is over `maxCost`,
 * with QUERY_TOO_COSTLY (HTTP 400) stating the estimate, the budget and the biggest contributor. It runs once
 * the operation is resolved, so variable values count; validation alone never sees them. An operation within
 * the budget is then offered to `admit` with the request's context (the edge's cost admission: 429 or 503),
 * which returns the error to throw or nothing.
 */
export function costLimitPlugin<C extends BaseContext>(
  maxCost: number,
  table: CostTable,
  admit: (cost: number, context: C) => Error | undefined = () => undefined,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const estimate = rememberedCost({ schema, document, operation, variables: request.variables ?? {}, table });
          if (estimate.cost > maxCost) throw new QueryTooCostlyError(estimate.cost, maxCost, estimate.biggest);
          const refusal = admit(estimate.cost, contextValue);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
