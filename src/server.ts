import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createContext, type Context } from './context';
import { GraphQLError } from 'graphql';
import { HubError, formatError } from './errors';
import { buildHubSchema } from './graphql/build-schema';
import { depthLimit } from './graphql/depth-limit';
import { graphqlPostHandler, isPlainGraphqlPost } from './graphql/post-handler';
import { ideRouter } from './ide/ide';
import { apolloExecutor, exportRouter } from './export/export.router';
import type { Logger } from './logger';
import type { Database } from './neo4j';

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
}

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

/** Creates the Apollo server with the hub's schema, error formatting and depth limit. */
export function createApollo(options: {
  maxQueryDepth: number;
  log: Logger;
  httpServer?: http.Server;
  plugins?: ApolloServerPlugin<Context>[];
}): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema: buildHubSchema(),
    formatError,
    validationRules: [depthLimit(options.maxQueryDepth)],
    introspection: true,
    includeStacktraceInErrorResponses: false,
    plugins: [
      // The schema declares no cache hints: the default cache-control plugin would only wrap every resolver.
      ApolloServerPluginCacheControlDisabled(),
      internalErrorLogger(options.log),
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

/** Starts the HTTP server: GraphQL and the IDE at /graphql, a health check at /health. */
export async function startServer(options: ServerOptions): Promise<HubServer> {
  const app = express();
  const httpServer = http.createServer();
  const apollo = createApollo({ maxQueryDepth: options.maxQueryDepth, log: options.log, httpServer });
  await apollo.start();
  const context = async () => createContext(options.db);
  const graphqlPost = graphqlPostHandler(apollo, context, options.log);
  httpServer.on('request', (req, res) => (isPlainGraphqlPost(req, '/graphql') ? graphqlPost(req, res) : app(req, res)));

  app.get('/health', async (_req, res) => {
    try {
      await options.db.read('RETURN 1 AS ok');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.use('/graphql', ideRouter('/graphql'));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context }),
  );
  app.use('/export', exportRouter(apolloExecutor(apollo, options.db), options.log));
  app.get('/', (_req, res) => res.redirect('/graphql'));

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
