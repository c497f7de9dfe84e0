import { ConfigError, loadConfig } from '../../src/core/config';

describe('configuration', () => {
  test('without NEO4J_URI the hub starts its own Neo4j with bounded memory', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4j).toMatchObject({ mode: 'embedded', port: 7687, heap: '512m', pageCacheMb: 256 });
  });

  test('NEO4J_URI selects an external server, including routing schemes', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'coop' });
    expect(config.neo4j).toEqual({ mode: 'external', uri: 'neo4j+s://abc.databases.neo4j.io', username: 'neo4j', password: 'pw', database: 'coop' });
  });

  test('invalid variables are all named in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', NEO4J_HEAP: 'lots' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('NEO4J_URI');
    expect(message).toContain('NEO4J_HEAP');
  });

  test('the depth limit is bounded', () => {
    expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '500' })).toThrow(/GRAPHQL_MAX_DEPTH/);
    expect(loadConfig({ GRAPHQL_MAX_DEPTH: '7' }).maxQueryDepth).toBe(7);
  });
});
