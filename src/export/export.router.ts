import type { ApolloServer } from '@apollo/server';
import express, { type Request, type Response, type Router } from 'express';
import { Kind, parse, print, type DocumentNode, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { createContext, type Context } from '../context';
import type { Logger } from '../logger';
import type { Database } from '../neo4j';
import type { NetworkGraph } from '../network/network.type';
import { HubError } from '../errors';
import { ExportFormat } from './export.format';
import { renderExport } from './export.render';

/** What the router needs of a GraphQL execution: the formatted result. */
export interface GraphQLOutcome {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Runs one GraphQL query with variables, with a fresh request context. */
export type ExportExecutor = (query: string, variables: Record<string, unknown>) => Promise<GraphQLOutcome>;

export const MAX_EXPORT_QUERY = 10_000;

const FORMATS: Record<string, ExportFormat> = {
  json: ExportFormat.JSON,
  'csv-nodes': ExportFormat.CSV_NODES,
  'csv-edges': ExportFormat.CSV_EDGES,
  graphml: ExportFormat.GRAPHML,
};

// Every field an export writes; it replaces whatever the caller selected, so a bare field is enough.
const NETWORK_SELECTION = (parse('{ x { nodes { id type kind label name location distance } edges { source target type weight evidence } truncated } }')
  .definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode;

// What validation says when the export's selection does not fit the field's type.
const NOT_A_NETWORK = /Cannot query field "(nodes|edges|truncated)"|must not have a selection/;

const STATUS: Record<string, number> = { NOT_FOUND: 404, DEADLINE_EXCEEDED: 504, SERVICE_UNAVAILABLE: 503, INTERNAL_SERVER_ERROR: 500 };

class ExportRequestError extends Error {
  constructor(message: string, readonly code = 'BAD_USER_INPUT', readonly status = 400) {
    super(message);
  }
}

/** Executes queries on the hub's Apollo server, each with a fresh context (its own loaders) over `db`. */
export function apolloExecutor(apollo: ApolloServer<Context>, db: Database): ExportExecutor {
  return async (query, variables) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: createContext(db) });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported by /export');
    return response.body.singleResult as GraphQLOutcome;
  };
}

function stringParam(req: Request, name: string, required: boolean): string | undefined {
  const value = req.query[name];
  if (value === undefined || value === '') {
    if (required) throw new ExportRequestError(`the '${name}' parameter is required`);
    return undefined;
  }
  if (typeof value !== 'string') throw new ExportRequestError(`the '${name}' parameter must be given once`);
  return value;
}

function parseFormat(value: string): ExportFormat {
  const format = FORMATS[value.toLowerCase()];
  if (!format) throw new ExportRequestError(`format must be one of ${Object.keys(FORMATS).join(', ')} (got '${value}')`);
  return format;
}

function parseVariables(value: string | undefined): Record<string, unknown> {
  if (value === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new ExportRequestError('variables must be a JSON object');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ExportRequestError('variables must be a JSON object');
  return parsed as Record<string, unknown>;
}

/**
 * Checks that the document is one query whose only top-level selection is a field, and returns the query
 * with that field's selection replaced by every NetworkGraph field, plus the field's response key.
 */
export function networkQuery(query: string): { query: string; key: string } {
  if (query.length > MAX_EXPORT_QUERY) throw new ExportRequestError(`query must be at most ${MAX_EXPORT_QUERY} characters (got ${query.length})`);
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    throw new ExportRequestError(`query is not valid GraphQL: ${(error as Error).message}`);
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations.length !== document.definitions.length) {
    throw new ExportRequestError('query must hold exactly one operation and no fragment definitions');
  }
  const operation = operations[0];
  if (operation.operation !== 'query') throw new ExportRequestError(`query must be a query operation (got ${operation.operation})`);
  const selections = operation.selectionSet.selections;
  if (selections.length !== 1 || selections[0].kind !== Kind.FIELD) {
    throw new ExportRequestError('query must have exactly one top-level field, one that returns a NetworkGraph');
  }
  const field = selections[0];
  const selectionSet: SelectionSetNode = { ...operation.selectionSet, selections: [{ ...field, selectionSet: NETWORK_SELECTION.selectionSet }] };
  const rewritten: DocumentNode = { ...document, definitions: [{ ...operation, selectionSet }] };
  return { query: print(rewritten), key: field.alias?.value ?? field.name.value };
}

function isNetworkGraph(value: unknown): value is NetworkGraph {
  const v = value as NetworkGraph | null;
  return !!v && typeof v === 'object' && Array.isArray(v.nodes) && Array.isArray(v.edges) && typeof v.truncated === 'boolean';
}

function sendError(res: Response, error: ExportRequestError): void {
  res.status(error.status).json({ error: { code: error.code, message: error.message } });
}

/**
 * GET /?query=&variables=&format=json|csv-nodes|csv-edges|graphml: runs the query (one top-level field that
 * returns a NetworkGraph) through `execute` and answers with the network as a file download; a bad request
 * gets 400 (404 for an unknown id) with `{ error: { code, message } }`.
 */
export function exportRouter(execute: ExportExecutor, log?: Logger): Router {
  const router = express.Router();
  router.get('/', async (req, res) => {
    try {
      const format = parseFormat(stringParam(req, 'format', true)!);
      const { query, key } = networkQuery(stringParam(req, 'query', true)!);
      const variables = parseVariables(stringParam(req, 'variables', false));
      const outcome = await execute(query, variables);
      const first = outcome.errors?.[0];
      if (first) {
        const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'BAD_USER_INPUT';
        if (NOT_A_NETWORK.test(first.message)) throw new ExportRequestError(`the top-level field '${key}' does not return a NetworkGraph`);
        throw new ExportRequestError(first.message, code, STATUS[code] ?? 400);
      }
      const graph = outcome.data?.[key];
      if (!isNetworkGraph(graph)) throw new ExportRequestError(`the top-level field '${key}' did not return a NetworkGraph`);
      const file = await renderExport(graph, format, key);
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.status(200).send(file.content);
    } catch (error) {
      if (error instanceof ExportRequestError) return sendError(res, error);
      if (error instanceof HubError) {
        const code = String(error.extensions.code);
        return sendError(res, new ExportRequestError(error.message, code, STATUS[code] ?? 400));
      }
      log?.error({ err: error }, 'Unexpected error in /export');
      sendError(res, new ExportRequestError('Internal server error', 'INTERNAL_SERVER_ERROR', 500));
    }
  });
  return router;
}
