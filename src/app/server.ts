import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express from 'express';
import { createContext, type Context } from '../graphql/context';
import { GraphQLError } from 'graphql';
import { HubError, formatError } from '../core/errors';
import { buildHubSchema } from './schema';
import { depthLimit } from '../graphql/depth-limit';
import { documentLimitRules, formatErrorWithTokenLimit, isDocumentRefusal, tokenLimitParseOptions } from '../graphql/armor';
import { costLimitPlugin } from '../graphql/cost';
import { notFoundHintsPlugin } from '../node/node.hints';
import { scopeOf } from '../core/request-scope';
import { HUB_COST_TABLE } from './cost-table';
import { loadConfig, type AuthConfig, type Limits } from '../core/config';
import { MAX_GRAPHQL_BODY, graphqlExpressHandler, graphqlPostHandler, isPlainGraphqlPost } from './http/post-handler';
import { ideRouter } from './ide/ide';
import { exploreRouter } from './explore/explore.router';
import { healthRouter, type Readiness } from './http/health';
import { AdmissionControl, costGateOf, penaltyOf } from './http/admission';
import { addressKey, type ClientKey } from './http/client-key';
import { createEdge } from './http/edge';
import { errorHandler, methodNotAllowed, notFound } from './http/express-errors';
import { compressionMiddleware, documentSecurity } from './http/exposure';
import { HubMetrics } from './http/metrics';
import { aggregateCacheOf } from '../db/aggregate-cache';
import { operationNamePlugin } from './http/operation-name';
import { responseCap } from './http/response-cap';
import { apolloExecutor, exportRouter } from './http/export.router';
import { authenticator } from './auth/authenticate';
import { requireReadToken } from './auth/read-token';
import type { Logger } from '../core/logger';
import type { Database } from '../db/database';

export interface HubServer {
  url: string;
  httpServer: http.Server;
  stop(): Promise<void>;
}

export interface ServerOptions {
  db: Database;
  log: Logger;
  host: string;
  port: number;
  maxQueryDepth: number;
  /** What start-up has done, for /readyz; ready when omitted. */
  readiness?: Readiness;
  /** Limits on requests; each one left out takes its configured default (maxQueryDepth above wins for depth). */
  limits?: Partial<Limits>;
  /** Origins allowed by CORS: ['*'] (the default) any, [] none. */
  corsOrigins?: string[];
  /** Take the client's address from X-Forwarded-For (behind a trusted proxy only); default false. */
  trustProxy?: boolean;
  /** Who a request counts against for fair sharing; default the client's address. */
  clientKey?: ClientKey;
  /** How long past its deadline a request may stay unanswered before the backstop answers it. */
  deadlineGraceMs?: number;
  /** Folder of the explorer's built bundle; default dist/explore. */
  exploreBundleDir?: string;
  /** Keys that verify bearer tokens, and whether reads need one; default none: writes off, reads open. */
  auth?: AuthConfig;
}

// Health, readiness and metrics answer however busy the hub is: they skip admission.
const PROBES = new Set(['/health', '/livez', '/readyz', '/metrics']);

/** Default of `deadlineGraceMs`: the database floor stops statements at the deadline, so this is rarely used. */
export const DEADLINE_GRACE_MS = 1_000;

/** Logs the errors that reach clients only as INTERNAL_SERVER_ERROR, so that operators can see them. */
function internalErrorLogger(log: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const cause = error.originalError;
            if (cause && !(cause instanceof HubError) && !(cause instanceof GraphQLError)) log.error({ err: cause, path: error.path }, 'Unexpected error');
          }
        },
      };
    },
  };
}

/**
 * Charges the client of a request whose document was refused for its size or shape (see
 * AdmissionControl.penalize), so that sending such documents again and again is refused at the edge.
 */
function documentRefusalPenalty(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          if (errors.some(isDocumentRefusal)) penaltyOf(contextValue.db.scope)?.();
        },
      };
    },
  };
}

/** The limits an Apollo server gets when its creator names none: the configuration's defaults. */
const DEFAULT_LIMITS: Limits = loadConfig({}).limits;

/**
 * Creates the Apollo server with the hub's schema, error formatting and document limits: tokens (at parse
 * time), depth, aliases and directives (validation) and cost (before execution, with the variables). `limits`
 * defaults to the configured defaults; `maxQueryDepth`, when given, overrides the default depth.
 */
export function createApollo(options: {
  maxQueryDepth?: number;
  limits?: Partial<Limits>;
  log: Logger;
  httpServer?: http.Server;
  plugins?: ApolloServerPlugin<Context>[];
}): ApolloServer<Context> {
  const limits: Limits = {
    ...DEFAULT_LIMITS,
    ...(options.maxQueryDepth === undefined ? {} : { maxQueryDepth: options.maxQueryDepth }),
    ...Object.fromEntries(Object.entries(options.limits ?? {}).filter(([, value]) => value !== undefined)),
  };
  return new ApolloServer<Context>({
    schema: buildHubSchema(),
    formatError: formatErrorWithTokenLimit(limits.maxTokens),
    parseOptions: tokenLimitParseOptions(limits.maxTokens),
    validationRules: [depthLimit(limits.maxQueryDepth), ...documentLimitRules(limits)],
    introspection: true,
    includeStacktraceInErrorResponses: false,
    plugins: [
      costLimitPlugin<Context>(limits.maxQueryCost, HUB_COST_TABLE, (cost, context) => costGateOf(context.db.scope)?.(cost)?.error),
      // The schema declares no cache hints: the default cache-control plugin would only wrap every resolver.
      ApolloServerPluginCacheControlDisabled(),
      internalErrorLogger(options.log),
      documentRefusalPenalty(),
      notFoundHintsPlugin(),
      ...(options.httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer })] : []),
      ...(options.plugins ?? []),
    ],
    logger: {
      debug: (m) => options.log.debug(m),
      info: (m) => options.log.info(m),
      warn: (m) => options.log.warn(m),
      error: (m) => options.log.error(m),
    },
  });
}

/**
 * Starts the HTTP server: GraphQL and the IDE at /graphql, network downloads at /export, health checks at
 * /health, /livez and /readyz, Prometheus metrics at /metrics. Every request passes the edge first
 * (src/app/http/edge.ts: request id, headers, access log, metrics, admission, deadline); plain GraphQL POSTs
 * then take the lean path, everything else Express. Every error body is JSON with a code.
 */
export async function startServer(options: ServerOptions): Promise<HubServer> {
  const defaults = loadConfig({});
  const given = Object.entries(options.limits ?? {}).filter(([, value]) => value !== undefined);
  const limits: Limits = { ...defaults.limits, ...Object.fromEntries(given), maxQueryDepth: options.maxQueryDepth };
  const app = express();
  const httpServer = http.createServer();
  // Slow senders: headers must arrive within 10 s; admitted requests are bounded by their deadline.
  httpServer.headersTimeout = 10_000;
  httpServer.requestTimeout = Math.max(30_000, limits.requestTimeoutMs * 2);
  const apollo = createApollo({
    limits,
    log: options.log,
    httpServer,
    // Apollo's landing page loads from a CDN; browsers get the hub's own IDE instead (src/ide).
    plugins: [ApolloServerPluginLandingPageDisabled(), operationNamePlugin<Context>((context) => context.db.scope)],
  });
  await apollo.start();
  const authenticate = authenticator(options.auth ?? defaults.auth);
  const context = async (req: http.IncomingMessage) => {
    const auth = authenticate(req.headers.authorization);
    return createContext(options.db, auth instanceof Promise ? await auth : auth, scopeOf(req));
  };
  const admission = new AdmissionControl(limits);
  const metrics = new HubMetrics(() => admission.inFlight);
  options.db.onStatement = (ms, outcome) => metrics.statement(ms, outcome);
  if (limits.statementSlots > 0) options.db.limitStatements(limits.statementSlots);
  aggregateCacheOf(options.db).onLookup = (hit) => metrics.aggregateLookup(hit);
  const edge = createEdge({
    limits,
    deadlineGraceMs: options.deadlineGraceMs ?? DEADLINE_GRACE_MS,
    corsOrigins: options.corsOrigins ?? defaults.corsOrigins,
    clientKey: options.clientKey ?? addressKey(options.trustProxy ?? defaults.trustProxy),
    exempt: (path) => PROBES.has(path) || path.startsWith('/graphql/ide/') || path.startsWith('/explore/assets/'),
    log: options.log,
    metrics,
    admission,
  });
  const graphqlPost = graphqlPostHandler(apollo, context, options.log, limits.maxResponseBytes);
  httpServer.on('request', (req, res) =>
    edge(req, res, () => (isPlainGraphqlPost(req, '/graphql') ? graphqlPost(req, res) : app(req, res))),
  );

  app.disable('x-powered-by');
  app.use(documentSecurity());
  app.use(compressionMiddleware());
  app.get('/metrics', async (_req, res) => {
    res.set('cache-control', 'no-store').type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(healthRouter({ db: options.db, readiness: options.readiness }));
  app.use('/graphql', ideRouter('/graphql'));
  // The network explorer and source pages (src/app/explore): a browser app over /graphql and /export.
  app.use(exploreRouter(options.exploreBundleDir));
  // Exactly /graphql: deeper paths are not GraphQL and get 404.
  const graphql = graphqlExpressHandler(apollo, context, options.log, limits.maxResponseBytes);
  app.get('/graphql', graphql);
  app.post('/graphql', express.json({ limit: MAX_GRAPHQL_BODY }), graphql);
  app.all('/graphql', methodNotAllowed('GET, POST'));
  if (options.auth?.readsRequireToken) app.use('/export', requireReadToken(authenticate));
  app.use('/export', responseCap(limits.maxResponseBytes), exportRouter(apolloExecutor(apollo, options.db), options.log));
  app.all('/export', methodNotAllowed('GET'));
  app.get('/', (_req, res) => res.redirect('/graphql'));
  app.use(notFound);
  app.use(errorHandler(options.log));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    httpServer,
    async stop() {
      await apollo.stop();
    },
  };
}
