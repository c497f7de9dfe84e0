/** The explorer's HTML pages: one shell for every mode, the bundle doing the rest (no inline script). */

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** What the page shows: the network explorer, or one source document (`sourceId`). */
export type ExplorePageMode = { mode: 'explore' } | { mode: 'source'; sourceId: string };

/**
 * The page for `mode`, loading the bundle from `/explore/assets/` with `version` in the URLs (so a new build
 * is never served from a stale cache). Everything put in the page is HTML-escaped.
 */
export function explorePage(mode: ExplorePageMode, version: string): string {
  const title = mode.mode === 'source' ? `Source ${mode.sourceId} · coop-hub` : 'coop-hub explorer';
  const data = mode.mode === 'source' ? ` data-mode="source" data-source-id="${escapeHtml(mode.sourceId)}"` : ' data-mode="explore"';
  const v = encodeURIComponent(version);
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/explore/assets/explore.css?v=${v}">
<script src="/explore/assets/explore.js?v=${v}" defer></script>
</head>
<body data-state="loading">
<div id="app"${data}><noscript>The explorer needs JavaScript. The data is also at <a href="/graphql">/graphql</a>.</noscript></div>
</body>
</html>`;
}

/** The page served while the bundle has not been built: says what to do. */
export function missingBundlePage(dir: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Explorer not built · coop-hub</title></head>
<body>
<h1>The explorer is not built</h1>
<p>Its browser bundle is missing from <code>${escapeHtml(dir)}</code>. Run <code>npm run build</code> (or
<code>npm start</code>, which builds first) and restart the hub.</p>
<p>GraphQL itself works: <a href="/graphql">/graphql</a>.</p>
</body>
</html>`;
}
