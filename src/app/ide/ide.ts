import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express, { type Response, type Router } from 'express';
import { chooseEncoding, compress } from '../http/exposure';

// Packages' export maps hide their browser bundles, so locate each package by its package.json.
const packageFile = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

const ASSETS: Record<string, string> = {
  'react.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.css': packageFile('graphiql', 'graphiql.min.css'),
};

const DEFAULT_QUERY = `# coop-hub: Vietnam's science-and-technology cooperation network.
# Press the run button (or Ctrl-Enter). The Docs panel lists every type and field.
{
  adminUnit(id: "prov-binh-thuan") {
    name
    current { name }
    organizations { name kind agreements { role agreement { title } } }
  }
}
`;

// The page's own script, served as a file: the Content-Security-Policy allows no inline script. A `?query=`
// link (with `variables` and `operationName`) opens the IDE with that operation filled in.
const BOOT = `(function () {
  var ide = document.getElementById('ide');
  var params = new URLSearchParams(window.location.search);
  var props = {
    fetcher: GraphiQL.createFetcher({ url: ide.dataset.endpoint }),
    defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
    defaultEditorToolsVisibility: true
  };
  if (params.get('query')) props.query = params.get('query');
  if (params.get('variables')) props.variables = params.get('variables');
  if (params.get('operationName')) props.operationName = params.get('operationName');
  ReactDOM.createRoot(ide).render(React.createElement(GraphiQL, props));
})();
`;

function page(endpoint: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>coop-hub GraphQL IDE</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${endpoint}/ide/graphiql.css">
<link rel="stylesheet" href="${endpoint}/ide/page.css">
</head>
<body>
<a id="explore-link" href="/explore">See the network in the explorer</a>
<div id="ide" data-endpoint="${endpoint}">Loading the IDE…</div>
<script src="${endpoint}/ide/react.js"></script>
<script src="${endpoint}/ide/react-dom.js"></script>
<script src="${endpoint}/ide/graphiql.js"></script>
<script src="${endpoint}/ide/boot.js"></script>
</body>
</html>`;
}

// The explorer's link sits over the IDE's top right corner, small, so it takes no room from the editor.
const PAGE_CSS =
  'html, body, #ide { height: 100%; margin: 0; }\n' +
  '#explore-link { position: fixed; top: 6px; right: 12px; z-index: 10; font: 13px system-ui, sans-serif; color: #0b5cad; ' +
  'background: #fff; padding: 2px 8px; border-radius: 4px; }\n';

/**
 * The in-browser GraphQL IDE (GraphiQL), served from the hub's own node_modules: no request leaves the
 * machine. Mount it at the GraphQL path; it answers browser GETs that accept HTML, opening `?query=` links
 * with their operation filled in, and serves the page's assets under `ide/` (compressed when accepted).
 */
export function ideRouter(endpoint: string): Router {
  const router = express.Router();
  const sources: Record<string, () => Promise<Buffer>> = {
    ...Object.fromEntries(Object.entries(ASSETS).map(([name, file]) => [name, () => readFile(file)])),
    'boot.js': async () => Buffer.from(BOOT),
    'page.css': async () => Buffer.from(PAGE_CSS),
  };
  for (const [name, source] of Object.entries(sources)) {
    router.get(`/ide/${name}`, async (req, res) => {
      const asset = await loadAsset(name, source);
      const encoding = chooseEncoding(req.headers['accept-encoding']);
      send(res, name, encoding ? asset[encoding] : asset.plain, encoding);
    });
  }
  const html = page(endpoint);
  router.get('/', (req, res, next) => {
    // Browsers (which prefer HTML) get the IDE, `?query=` links included; programs get GraphQL.
    if (req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    res.type('html').send(html);
  });
  return router;
}

/** An asset as served: as it is, and compressed both ways. */
interface Asset {
  plain: Buffer;
  gzip: Buffer;
  br: Buffer;
}

// Assets are compressed once per process, not per request: graphiql.js is megabytes, and asking for it
// again and again must cost the hub no more than copying it out. The IDE's assets pass admission
// (a browser loads six at once, over a client's in-flight cap), so they must stay this cheap.
const assets = new Map<string, Promise<Asset>>();

function loadAsset(name: string, source: () => Promise<Buffer>): Promise<Asset> {
  let asset = assets.get(name);
  if (!asset) {
    asset = source().then(async (plain) => ({ plain, gzip: await compress(plain, 'gzip'), br: await compress(plain, 'br') }));
    assets.set(name, asset);
    asset.catch(() => assets.delete(name));
  }
  return asset;
}

function send(res: Response, name: string, body: Buffer, encoding: 'gzip' | 'br' | undefined): void {
  res.type(path.extname(name));
  res.setHeader('Cache-Control', 'public, max-age=86400');
  res.setHeader('Vary', 'Accept-Encoding');
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', body.length);
  // res.end, not res.send: Express would hash megabytes for an ETag on every request.
  res.end(body);
}
