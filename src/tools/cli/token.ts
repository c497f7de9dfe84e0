import { ConfigError, loadConfig } from '../../core/config';
import { tokenCommand } from '../token/issue';

// `npm run token -- --name NAME --role curator|editor [--days N]`: prints a bearer token on stdout, and nothing
// else there, so that it can be captured (TOKEN=$(npm run -s token -- ...)).
async function main(): Promise<void> {
  let auth;
  try {
    auth = loadConfig().auth;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const out = await tokenCommand(process.argv.slice(2), auth);
  process.stdout.write(out.stdout);
  process.stderr.write(out.stderr);
  process.exitCode = out.code;
}

void main();
