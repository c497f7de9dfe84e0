import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import { openDriver } from '../../db/database';
import { REQUEST_TIMEOUT_MS } from './bench.http';
import { NEO4J_GRAPHQL_TYPEDEFS } from './neo4j-graphql.typedefs';

export interface Neo4jGraphqlServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves @neo4j/graphql over the graph at `uri` on 127.0.0.1:`port` (0: any free port) with Apollo Server 5
 * and its Express integration, the setup its documentation describes.
 */
export async function startNeo4jGraphqlServer(opts: {
  uri: string;
  port?: number;
  database?: string;
  /** The login, when the server asks for one. */
  username?: string;
  password?: string;
}): Promise<Neo4jGraphqlServer> {
  const driver = openDriver(opts.uri, opts.username, opts.password);
  const schema = await new Neo4jGraphQL({ typeDefs: NEO4J_GRAPHQL_TYPEDEFS, driver }).getSchema();
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({ schema });
  await apollo.start();
  const sessionConfig = opts.database ? { database: opts.database } : undefined;
  // The database ends a query when the benchmark client has given up on it, so that it does not go on loading
  // the database while the other targets are measured.
  const transaction = { timeout: REQUEST_TIMEOUT_MS };
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ({ sessionConfig, transaction }) }));
  await new Promise<void>((resolve) => httpServer.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await apollo.stop().catch(() => undefined);
      httpServer.close();
      await driver.close();
    },
  };
}
