import { tokenVerifier } from '../../../src/app/auth/jwt';
import type { AuthConfig } from '../../../src/core/config';
import { MAX_DAYS, subjectOf, tokenCommand } from '../../../src/tools/token/issue';

const SECRET = 'the-hub-secret-of-at-least-32-bytes!!!';
const auth = (more: Partial<AuthConfig> = {}): AuthConfig => ({ jwtSecret: SECRET, readsRequireToken: false, ...more });

function decode(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

describe('npm run token', () => {
  test('prints only a token on stdout, which the hub verifies as the named person and role', async () => {
    const out = await tokenCommand(['--name', 'Nguyễn Văn A', '--role', 'curator'], auth());
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const viewer = await tokenVerifier(auth())!(out.stdout.trim());
    expect(viewer).toEqual({ name: 'Nguyễn Văn A', role: 'curator', subject: 'nguyen-van-a' });
  });

  test('expires after --days (30 by default), and carries the configured issuer and audience', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const configured = auth({ issuer: 'https://hub.example.org', audience: 'coop-hub' });
    const byDefault = decode((await tokenCommand(['--name', 'A', '--role', 'editor'], configured, now)).stdout.trim());
    const week = decode((await tokenCommand(['--name', 'A', '--role', 'editor', '--days', '7'], configured, now)).stdout.trim());
    const start = now.getTime() / 1000;
    expect(byDefault).toMatchObject({ iat: start, exp: start + 30 * 86_400, iss: 'https://hub.example.org', aud: 'coop-hub', role: 'editor' });
    expect(week.exp).toBe(start + 7 * 86_400);
  });

  test('--subject names the person when two share a name', async () => {
    const out = await tokenCommand(['--name', 'Nguyễn Văn A', '--role', 'editor', '--subject', 'nva-hanoi'], auth());
    expect(decode(out.stdout.trim()).sub).toBe('nva-hanoi');
    expect(subjectOf('Đặng Thị Ánh Tuyết')).toBe('dang-thi-anh-tuyet');
  });

  test('refuses without AUTH_JWT_SECRET, pointing to the identity provider when only a key set is configured', async () => {
    const none = await tokenCommand(['--name', 'A', '--role', 'curator'], { readsRequireToken: false });
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toMatch(/AUTH_JWT_SECRET is not set/);
    const provider = await tokenCommand(['--name', 'A', '--role', 'curator'], { jwksUrl: 'https://id.example.org/jwks.json', readsRequireToken: false });
    expect(provider).toMatchObject({ code: 1, stdout: '' });
    expect(provider.stderr).toMatch(/identity provider at AUTH_JWKS_URL \(https:\/\/id\.example\.org\/jwks\.json\): ask it for one/);
  });

  test('refuses a missing name, an unknown role, days out of range and unknown options, saying which', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--role', 'curator'], /--name is required/],
      [['--name', 'A', '--role', 'admin'], /--role must be curator or editor \(got 'admin'\)/],
      [['--name', 'A'], /--role must be curator or editor/],
      [['--name', 'A', '--role', 'curator', '--days', '0'], /--days must be a whole number/],
      [['--name', 'A', '--role', 'curator', '--days', String(MAX_DAYS + 1)], /--days must be a whole number/],
      [['--name', 'A', '--role', 'curator', '--admin'], /Unknown option '--admin'/],
      [['--name', '!!!', '--role', 'curator'], /--subject/],
    ];
    for (const [args, message] of cases) {
      const out = await tokenCommand(args, auth());
      expect(out).toMatchObject({ code: 1, stdout: '' });
      expect(out.stderr).toMatch(message);
    }
  });
});
