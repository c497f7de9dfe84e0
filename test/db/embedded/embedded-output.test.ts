import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { projectRoot } from '../../../src/core/config';
import { EmbeddedNeo4jError, resolveClasspath } from '../../../src/db/embedded/classpath';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-maven-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A stand-in for Maven that answers `-v` and fails every resolution, talking as Maven does. */
function failingMaven(): string {
  const script = path.join(tmp, 'mvn');
  fs.writeFileSync(
    script,
    '#!/bin/sh\n[ "$1" = "-v" ] && exit 0\necho "[INFO] Scanning for projects..."\necho "[ERROR] Failed to collect dependencies for org.neo4j:neo4j:jar:5.26.30"\nexit 1\n',
    { mode: 0o755 },
  );
  return script;
}

describe("Maven's output", () => {
  test('goes to .neo4j/logs/maven.log, not to the log, and a failed resolution still names its errors', () => {
    const cacheDir = path.join(tmp, 'cache');
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    let error: unknown;
    try {
      resolveClasspath({ projectRoot, maven: failingMaven(), cacheDir, log });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EmbeddedNeo4jError);
    const logFile = path.join(cacheDir, 'logs', 'maven.log');
    expect((error as Error).message).toContain('[ERROR] Failed to collect dependencies');
    expect((error as Error).message).toContain(logFile);
    expect(fs.readFileSync(logFile, 'utf8')).toContain('[INFO] Scanning for projects...');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(() => JSON.parse(line)).not.toThrow();
      expect(line).not.toContain('Scanning for projects');
    }
  });
});
