import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { projectRoot } from '../../core/config';

/** The browser entry point of the explorer (TypeScript, bundled with everything it imports). */
export const EXPLORER_ENTRY = path.join(projectRoot, 'src', 'app', 'explore', 'client', 'main.ts');

/** Where the hub looks for the bundle and where `npm run build` writes it. */
export const EXPLORER_OUT_DIR = path.join(projectRoot, 'dist', 'explore');

/**
 * Bundles the explorer's browser code (src/app/explore/client, with sigma, graphology and whatever else it
 * imports) into `outDir/explore.js` and `outDir/explore.css`, minified. Nothing is fetched from the network.
 * Throws when esbuild reports an error (the bundle is then left as it was or incomplete).
 */
export async function buildExplorer(outDir: string = EXPLORER_OUT_DIR): Promise<void> {
  // esbuild is a build-time tool: loaded here only, so the product never needs it at run time.
  const esbuild = await import('esbuild');
  await fs.mkdir(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: { explore: EXPLORER_ENTRY },
    bundle: true,
    minify: true,
    sourcemap: false,
    format: 'iife',
    target: ['es2020'],
    outdir: outDir,
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [dashboardFallback()],
  });
}

/** The dashboard module the explorer loads on its Dashboard tab. */
const DASHBOARD_MODULE = path.join(path.dirname(EXPLORER_ENTRY), 'dashboard.ts');

const DASHBOARD_STUB = `export async function mountDashboard(el) {
  el.textContent = 'The dashboard is not part of this build.';
}`;

// The dashboard is built separately from the network view: a checkout without it still gets a working
// explorer, whose Dashboard tab says so, instead of no bundle at all.
function dashboardFallback(): Plugin {
  return {
    name: 'dashboard-fallback',
    setup(build) {
      build.onResolve({ filter: /^\.\/dashboard$/ }, () =>
        existsSync(DASHBOARD_MODULE) ? { path: DASHBOARD_MODULE } : { path: 'dashboard-stub', namespace: 'dashboard-stub' },
      );
      build.onLoad({ filter: /.*/, namespace: 'dashboard-stub' }, () => ({ contents: DASHBOARD_STUB, loader: 'js' }));
    },
  };
}
