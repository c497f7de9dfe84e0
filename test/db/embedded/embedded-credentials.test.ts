import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedNeo4jError } from '../../../src/db/embedded/classpath';
import { PASSWORD_FILE, embeddedCredentials } from '../../../src/db/embedded/credentials';

const made: string[] = [];
function fresh(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-cred-'));
  made.push(home);
  return path.join(home, 'data');
}
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('embedded database credentials', () => {
  test('a new data directory gets a random password in an owner-only file', () => {
    const dataDir = fresh();
    const credentials = embeddedCredentials(dataDir);
    expect(credentials.username).toBe('neo4j');
    expect(credentials.file).toBe(path.join(dataDir, PASSWORD_FILE));
    expect(modeOf(credentials.file)).toBe(0o600);
    expect(credentials.password.length).toBeGreaterThanOrEqual(32);
    expect(fs.readFileSync(credentials.file, 'utf8').trim()).toBe(credentials.password);
    expect(fs.readdirSync(dataDir)).toEqual([PASSWORD_FILE]);
  });

  test('two data directories get different passwords', () => {
    expect(embeddedCredentials(fresh()).password).not.toBe(embeddedCredentials(fresh()).password);
  });

  test('later starts reuse the password kept in the file', () => {
    const dataDir = fresh();
    const first = embeddedCredentials(dataDir);
    expect(embeddedCredentials(dataDir)).toEqual(first);
  });

  test('a password file readable by others is narrowed to owner-only', () => {
    const dataDir = fresh();
    const { file, password } = embeddedCredentials(dataDir);
    fs.chmodSync(file, 0o644);
    expect(embeddedCredentials(dataDir).password).toBe(password);
    expect(modeOf(file)).toBe(0o600);
  });

  test('a password Neo4j would refuse is reported, not used', () => {
    const dataDir = fresh();
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, PASSWORD_FILE), 'short\n', { mode: 0o600 });
    expect(() => embeddedCredentials(dataDir)).toThrow(EmbeddedNeo4jError);
    expect(() => embeddedCredentials(dataDir)).toThrow(/shorter than 8 characters/);
  });
});
