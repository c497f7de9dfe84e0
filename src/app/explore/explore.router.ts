import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express, { type Response, type Router } from 'express';
import { projectRoot } from '../../core/config';
import { chooseEncoding, compress } from '../http/exposure';
import { explorePage, missingBundlePage } from './explore.page';

/** Where `npm run build` writes the explorer's bundle (see src/tools/explore/build.ts). */
export const EXPLORE_BUNDLE_DIR = path.join(projectRoot, 'dist', 'explore');

const BUNDLE_FILES = ['explore.js', 'explore.css'] as const;

/** A bundle file as served: as it is and compressed both ways. */
interface Asset {
  type: string;
  plain: Buffer;
  gzip: Buffer;
  br: Buffer;
}

/** Source ids as the seed writes them (src-…, ext-…): anything else is not a document page. */
const SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * The network explorer: `/explore` (the app), `/explore/assets/*` (its bundle) and `/sources/:id` (a
 * source document's page, same bundle). The bundle is read from `bundleDir` once, when the router is
 * made, and compressed once; when it is missing every page answers 503 with a page saying how to build it.
 */
export function exploreRouter(bundleDir: string = EXPLORE_BUNDLE_DIR): Router {
  const router = express.Router();
  const files = readBundle(bundleDir);
  if (!files) {
    const unavailable = (_req: express.Request, res: Response) => {
      res.status(503).set('cache-control', 'no-store').type('html').send(missingBundlePage(bundleDir));
    };
    router.get('/explore', unavailable);
    router.get('/explore/assets/:file', unavailable);
    router.get('/sources/:id', unavailable);
    return router;
  }
  const version = crypto.createHash('sha256').update(files['explore.js']).update(files['explore.css']).digest('hex').slice(0, 16);
  const assets = new Map<string, Promise<Asset>>(
    BUNDLE_FILES.map((name) => [name, compressBoth(files[name], path.extname(name))]),
  );
  for (const asset of assets.values()) asset.catch(() => undefined);

  const appPage = explorePage({ mode: 'explore' }, version);
  router.get('/explore', (_req, res) => sendPage(res, appPage));
  router.get('/explore/assets/:file', async (req, res, next) => {
    const asset = assets.get(req.params.file);
    if (!asset) return next();
    const loaded = await asset;
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    res.type(loaded.type);
    // The page asks for ?v=<content hash>: a new build gets new URLs, so the old ones may be cached long.
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.setHeader('Vary', 'Accept-Encoding');
    if (encoding) res.setHeader('Content-Encoding', encoding);
    const body = encoding ? loaded[encoding] : loaded.plain;
    res.setHeader('Content-Length', body.length);
    res.end(body);
  });
  router.get('/sources/:id', (req, res, next) => {
    if (!SOURCE_ID.test(req.params.id)) return next();
    sendPage(res, explorePage({ mode: 'source', sourceId: req.params.id }, version));
  });
  return router;
}

function readBundle(dir: string): Record<(typeof BUNDLE_FILES)[number], Buffer> | undefined {
  try {
    return { 'explore.js': fs.readFileSync(path.join(dir, 'explore.js')), 'explore.css': fs.readFileSync(path.join(dir, 'explore.css')) };
  } catch {
    return undefined;
  }
}

async function compressBoth(plain: Buffer, type: string): Promise<Asset> {
  return { type, plain, gzip: await compress(plain, 'gzip'), br: await compress(plain, 'br') };
}

function sendPage(res: Response, html: string): void {
  res.set('cache-control', 'no-cache').type('html').send(html);
}
