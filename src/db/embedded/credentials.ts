import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EmbeddedNeo4jError } from './classpath';

/** The login of the embedded database. */
export interface EmbeddedCredentials {
  username: string;
  password: string;
  /** The file holding the password (owner-only), for clients such as cypher-shell. */
  file: string;
}

/** Name of the password file inside the embedded database's home. */
export const PASSWORD_FILE = 'neo4j.password';

/** Neo4j refuses shorter passwords. */
const MIN_PASSWORD_LENGTH = 8;

/**
 * The credentials of the embedded database whose home is `dataDir`: user "neo4j" with the password kept in
 * `dataDir/neo4j.password`. The first call generates a random password and creates the file atomically with
 * mode 0600 (a concurrent caller reads the same file); later calls reuse it, narrowing its mode to 0600 if it
 * was widened. The launcher sets this password in the database, so the file is the one source of truth.
 * @throws EmbeddedNeo4jError when the file holds a password Neo4j would refuse.
 */
export function embeddedCredentials(dataDir: string): EmbeddedCredentials {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, PASSWORD_FILE);
  if (!fs.existsSync(file)) createPasswordFile(file);
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const password = fs.readFileSync(file, 'utf8').trim();
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new EmbeddedNeo4jError(`${file} holds a password shorter than ${MIN_PASSWORD_LENGTH} characters; delete the file to have a new one generated`);
  }
  return { username: 'neo4j', password, file };
}

function createPasswordFile(file: string): void {
  const staging = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(staging, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${randomBytes(24).toString('base64url')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    // link, unlike rename, never replaces: whoever created the file first wins, and readers never see it half-written.
    fs.linkSync(staging, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(staging, { force: true });
  }
}
