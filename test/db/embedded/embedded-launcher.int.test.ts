import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, projectRoot } from '../../../src/core/config';
import { launcherArgs, resolveClasspath } from '../../../src/db/embedded/classpath';
import { createLogger } from '../../../src/core/logger';

const config = loadConfig();
const log = createLogger('silent');
const classpath = resolveClasspath({ projectRoot, maven: config.maven, cacheDir: path.join(projectRoot, '.neo4j'), log });

describe('launcher classes', () => {
  test('are compiled once into the cache and then reused, not compiled at every start', () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-launcher-'));
    const first = launcherArgs({ projectRoot, java: config.java, classpath, cacheDir, main: 'EmbeddedNeo4j', log });
    expect(first[0]).toBe('-cp');
    expect(first[2]).toBe('EmbeddedNeo4j');
    const [classesDir] = first[1].split(path.delimiter);
    expect(path.dirname(classesDir)).toBe(cacheDir);
    const compiled = path.join(classesDir, 'EmbeddedNeo4j.class');
    const builtAt = fs.statSync(compiled).mtimeMs;
    expect(fs.existsSync(path.join(classesDir, 'StoreImport.class'))).toBe(true);

    const second = launcherArgs({ projectRoot, java: config.java, classpath, cacheDir, main: 'StoreImport', log });
    expect(second).toEqual(['-cp', first[1], 'StoreImport']);
    expect(fs.statSync(compiled).mtimeMs).toBe(builtAt);
    expect(fs.readdirSync(cacheDir)).toEqual([path.basename(classesDir)]);
  });

  test('fall back to the source file when they cannot be compiled, leaving nothing half-built', () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-launcher-'));
    const args = launcherArgs({ projectRoot, java: '/nonexistent/bin/java', classpath, cacheDir, main: 'EmbeddedNeo4j', log });
    expect(args).toEqual(['-cp', classpath, path.join(projectRoot, 'launcher', 'src', 'EmbeddedNeo4j.java')]);
    expect(fs.readdirSync(cacheDir)).toEqual([]);
  });
});
