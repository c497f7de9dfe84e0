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

  test('without auth variables no token is verified and reads are open', () => {
    expect(loadConfig({}).auth).toEqual({ readsRequireToken: false });
  });

  test('auth variables give the keys, the checks and whether reads need a token', () => {
    const secret = 's'.repeat(32);
    const env = { AUTH_JWT_SECRET: secret, AUTH_JWKS_URL: 'https://id.example.org/.well-known/jwks.json', AUTH_ISSUER: 'https://id.example.org/', AUTH_AUDIENCE: 'coop-hub', READS_REQUIRE_TOKEN: 'true' };
    expect(loadConfig(env).auth).toEqual({
      jwtSecret: secret,
      jwksUrl: 'https://id.example.org/.well-known/jwks.json',
      issuer: 'https://id.example.org/',
      audience: 'coop-hub',
      readsRequireToken: true,
    });
  });

  test('a secret shorter than 32 bytes is refused at start, saying how long it must be', () => {
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'short' })).toThrow(/AUTH_JWT_SECRET: must be at least 32 bytes/);
    // Bytes, not characters: 16 Vietnamese letters of two bytes each are enough.
    expect(loadConfig({ AUTH_JWT_SECRET: 'đ'.repeat(16) }).auth.jwtSecret).toBe('đ'.repeat(16));
  });

  test('a key set over plain HTTP is refused unless it is on this machine', () => {
    expect(() => loadConfig({ AUTH_JWKS_URL: 'http://id.example.org/jwks.json' })).toThrow(/AUTH_JWKS_URL: must be an https:\/\/ address/);
    expect(() => loadConfig({ AUTH_JWKS_URL: 'not a url' })).toThrow(/AUTH_JWKS_URL/);
    expect(loadConfig({ AUTH_JWKS_URL: 'http://localhost:8080/jwks.json' }).auth.jwksUrl).toBe('http://localhost:8080/jwks.json');
  });

  test('an empty auth variable is no variable (a compose file passes them on unset as empty)', () => {
    expect(loadConfig({ AUTH_JWT_SECRET: '', AUTH_JWKS_URL: '', AUTH_ISSUER: '', AUTH_AUDIENCE: '' }).auth).toEqual({ readsRequireToken: false });
  });

  test('reads that need a token need a key to verify it with', () => {
    expect(() => loadConfig({ READS_REQUIRE_TOKEN: 'true' })).toThrow(/READS_REQUIRE_TOKEN: true needs AUTH_JWT_SECRET or AUTH_JWKS_URL/);
  });
});
