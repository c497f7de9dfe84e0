import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createLogger } from '../../../src/core/logger';
import { startServer, type HubServer } from '../../../src/app/server';
import { buildExplorer } from '../../../src/tools/explore/build';
import { openTestDb } from '../../helpers/graph';

const db = openTestDb();
const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-hub-explore-'));
const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-hub-explore-missing-'));
let server: HubServer;
let unbuilt: HubServer;
let base: string;
let unbuiltBase: string;

const start = (exploreBundleDir: string) =>
  startServer({ db, log: createLogger('silent'), host: '127.0.0.1', port: 0, maxQueryDepth: 12, exploreBundleDir });

beforeAll(async () => {
  await buildExplorer(bundleDir);
  server = await start(bundleDir);
  unbuilt = await start(emptyDir);
  base = server.url.replace(/\/graphql$/, '');
  unbuiltBase = unbuilt.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await server.stop();
  await unbuilt.stop();
  server.httpServer.close();
  unbuilt.httpServer.close();
  await db.close();
  fs.rmSync(bundleDir, { recursive: true, force: true });
  fs.rmSync(emptyDir, { recursive: true, force: true });
});

describe('the explorer page', () => {
  test('/explore is an HTML page whose policy allows scripts from the hub only, and no inline script', async () => {
    const res = await fetch(`${base}/explore`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|https?:|\*)/);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(1);
    expect(scripts[0][1]).toMatch(/src="\/explore\/assets\/explore\.js\?v=[0-9a-f]+"/);
    expect(scripts[0][2].trim()).toBe('');
    expect(html).not.toMatch(/https?:\/\//);
  });

  test('serves the bundle it links to, compressed when asked, as built', async () => {
    const html = await (await fetch(`${base}/explore`)).text();
    for (const href of [...html.matchAll(/(?:src|href)="(\/explore\/assets\/[^"]+)"/g)].map((m) => m[1])) {
      const plain = await fetch(`${base}${href}`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.status).toBe(200);
      const file = path.basename(href.split('?')[0]);
      expect(Buffer.from(await plain.arrayBuffer()).equals(fs.readFileSync(path.join(bundleDir, file)))).toBe(true);
      expect(plain.headers.get('content-type')).toMatch(file.endsWith('.js') ? /javascript/ : /text\/css/);
    }
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      // fetch would decode the body itself; http shows what was sent.
      require('node:http')
        .get(`${base}/explore/assets/explore.js`, { headers: { 'accept-encoding': 'br' } }, (res: import('node:http').IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
    expect(raw.encoding).toBe('br');
    expect(zlib.brotliDecompressSync(raw.body).equals(fs.readFileSync(path.join(bundleDir, 'explore.js')))).toBe(true);
  });

  test('an unknown asset is not found', async () => {
    expect((await fetch(`${base}/explore/assets/nothing.js`)).status).toBe(404);
  });

  test('/sources/:id is the same bundle in document mode, the id escaped into the page', async () => {
    const res = await fetch(`${base}/sources/src-000?quote=x`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-mode="source"');
    expect(html).toContain('data-source-id="src-000"');
    expect((await fetch(`${base}/sources/${encodeURIComponent('<b>')}`)).status).toBe(404);
  });

  test('without a built bundle the pages answer 503 saying how to build it', async () => {
    for (const url of ['/explore', '/sources/src-000', '/explore/assets/explore.js']) {
      const res = await fetch(`${unbuiltBase}${url}`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build');
    }
  });
});
