import type { ApolloServer } from '@apollo/server';
import express, { type Request, type Response, type Router } from 'express';
import { Kind, parse, print, type DocumentNode, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { createContext, type Context } from '../../graphql/context';
import type { Logger } from '../../core/logger';
import type { Database } from '../../db/database';
import { HubError } from '../../core/errors';
import { scopeOf, type RequestScope } from '../../core/request-scope';
import { ExportFormat, exportFileInfo } from '../../export/export.format';
import { ExportMode } from '../../export/export.table';
import type { NetworkExport } from '../../export/export.type';

/** What the router needs of a GraphQL execution: the formatted result. */
export interface GraphQLOutcome {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Runs one GraphQL query with variables, with a fresh request context within `scope` (the HTTP request's). */
export type ExportExecutor = (query: string, variables: Record<string, unknown>, scope?: RequestScope) => Promise<GraphQLOutcome>;

export const MAX_EXPORT_QUERY = 10_000;

const FORMATS: Record<string, ExportFormat> = {
  json: ExportFormat.JSON,
  'csv-nodes': ExportFormat.CSV_NODES,
  'csv-edges': ExportFormat.CSV_EDGES,
  graphml: ExportFormat.GRAPHML,
  gexf: ExportFormat.GEXF,
};

const MODES: Record<string, ExportMode> = {
  'one-mode': ExportMode.ONE_MODE,
  'two-mode': ExportMode.TWO_MODE,
};

/** What a download asks for besides the query: the file's format and mode, and the optional edge cap. */
export interface ExportChoice {
  format: ExportFormat;
  mode: ExportMode;
  maxEdges?: number | null;
}

// Fields whose answer holds a network one level down rather than being one.
const NETWORK_INSIDE: Record<string, string> = { paths: 'graph' };

// What validation says when the export's selection does not fit the field's type.
const NOT_A_NETWORK = /Cannot query field "(export|graph)"|must not have a selection/;

const STATUS: Record<string, number> = { NOT_FOUND: 404, DEADLINE_EXCEEDED: 504, SERVICE_UNAVAILABLE: 503, INTERNAL_SERVER_ERROR: 500 };

class ExportRequestError extends Error {
  constructor(message: string, readonly code = 'BAD_USER_INPUT', readonly status = 400) {
    super(message);
  }
}

/** Executes queries on the hub's Apollo server, each with a fresh context (its own loaders) over `db`. */
export function apolloExecutor(apollo: ApolloServer<Context>, db: Database): ExportExecutor {
  return async (query, variables, scope) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: createContext(db, {}, scope) });
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

function parseMode(value: string | undefined): ExportMode {
  if (value === undefined) return ExportMode.ONE_MODE;
  const mode = MODES[value.toLowerCase().replace('_', '-')];
  if (!mode) throw new ExportRequestError(`mode must be one of ${Object.keys(MODES).join(', ')} (got '${value}')`);
  return mode;
}

function parseMaxEdges(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^[1-9][0-9]{0,8}$/.test(value)) throw new ExportRequestError(`maxEdges must be a positive integer (got '${value}')`);
  return Number(value);
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
 * with that field's selection replaced by its `export` in the chosen format and mode (under `graph` for
 * `paths`), plus the field's response key and the path to the export in the answer.
 */
export function networkQuery(query: string, choice: ExportChoice): { query: string; key: string; path: string[] } {
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
  const inside = NETWORK_INSIDE[field.name.value];
  const cap = choice.maxEdges != null ? `, maxEdges: ${choice.maxEdges}` : '';
  const exportField = `export(format: ${choice.format}, mode: ${choice.mode}${cap}) { format mode truncated contentType filename content }`;
  const selection = ((parse(`{ x { ${inside ? `${inside} { ${exportField} }` : exportField} } }`).definitions[0] as OperationDefinitionNode).selectionSet
    .selections[0] as FieldNode).selectionSet!;
  const selectionSet: SelectionSetNode = { ...operation.selectionSet, selections: [{ ...field, selectionSet: selection }] };
  const rewritten: DocumentNode = { ...document, definitions: [{ ...operation, selectionSet }] };
  const key = field.alias?.value ?? field.name.value;
  return { query: print(rewritten), key, path: inside ? [key, inside, 'export'] : [key, 'export'] };
}

function at(data: unknown, path: string[]): unknown {
  let value = data;
  for (const step of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined;
  return value;
}

function isExport(value: unknown): value is NetworkExport {
  const v = value as NetworkExport | null;
  return !!v && typeof v === 'object' && typeof v.content === 'string' && typeof v.truncated === 'boolean';
}

function sendError(res: Response, error: ExportRequestError): void {
  res.status(error.status).json({ error: { code: error.code, message: error.message } });
}

/**
 * GET /?query=&variables=&format=json|csv-nodes|csv-edges|graphml|gexf&mode=one-mode|two-mode&maxEdges=: runs
 * the query (one top-level field that returns a NetworkGraph, or `paths`, whose routes are one) through
 * `execute`, asking for the network's `export`, and answers with the file as a download; `X-Network-Truncated`
 * says whether a cap cut it. A bad request gets 400 (404 for an unknown id) with `{ error: { code, message } }`.
 */
export function exportRouter(execute: ExportExecutor, log?: Logger): Router {
  const router = express.Router();
  router.get('/', async (req, res) => {
    try {
      const format = parseFormat(stringParam(req, 'format', true)!);
      const mode = parseMode(stringParam(req, 'mode', false));
      const maxEdges = parseMaxEdges(stringParam(req, 'maxEdges', false));
      const { query, key, path } = networkQuery(stringParam(req, 'query', true)!, { format, mode, maxEdges });
      const variables = parseVariables(stringParam(req, 'variables', false));
      const outcome = await execute(query, variables, scopeOf(req));
      const first = outcome.errors?.[0];
      if (first) {
        const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'BAD_USER_INPUT';
        if (NOT_A_NETWORK.test(first.message)) throw new ExportRequestError(`the top-level field '${key}' does not return a NetworkGraph`);
        throw new ExportRequestError(first.message, code, STATUS[code] ?? 400);
      }
      const file = at(outcome.data, path);
      if (!isExport(file)) throw new ExportRequestError(`the top-level field '${key}' did not return a NetworkGraph`);
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${exportFileInfo(format, key).filename}"`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('X-Network-Truncated', String(file.truncated));
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
