import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../../src/core/config';
import { EmbeddedNeo4jError, checkJava, resolveClasspath } from '../../../src/db/embedded/classpath';
import { createLogger } from '../../../src/core/logger';

describe('embedded Neo4j prerequisites', () => {
  test('a missing Java stops the hub with a message naming the alternatives', () => {
    expect(() => checkJava('/nonexistent/bin/java')).toThrow(EmbeddedNeo4jError);
    expect(() => checkJava('/nonexistent/bin/java')).toThrow(/Java was not found.*NEO4J_URI.*docker compose/s);
  });

  test('a missing Maven stops the hub with a message naming the alternatives', () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-cp-'));
    const run = () => resolveClasspath({ projectRoot, maven: '/nonexistent/bin/mvn', cacheDir, log: createLogger('silent') });
    expect(run).toThrow(/Maven was not found.*NEO4J_URI.*docker compose/s);
  });

  test('a cached classpath whose jars vanished is not trusted', () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-cp-'));
    const run = () => resolveClasspath({ projectRoot, maven: '/nonexistent/bin/mvn', cacheDir, log: createLogger('silent') });
    expect(run).toThrow(EmbeddedNeo4jError);
    const cached = fs.readdirSync(cacheDir);
    expect(cached).toEqual([]);
  });
});
