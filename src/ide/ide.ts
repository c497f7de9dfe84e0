import path from 'node:path';
import express, { type Router } from 'express';

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
<div id="ide" data-endpoint="${endpoint}">Loading the IDE…</div>
<script src="${endpoint}/ide/react.js"></script>
<script src="${endpoint}/ide/react-dom.js"></script>
<script src="${endpoint}/ide/graphiql.js"></script>
<script src="${endpoint}/ide/boot.js"></script>
</body>
</html>`;
}

const PAGE_CSS = 'html, body, #ide { height: 100%; margin: 0; }\n';

/**
 * The in-browser GraphQL IDE (GraphiQL), served from the hub's own node_modules: no request leaves the
 * machine. Mount it at the GraphQL path; it answers browser GETs that accept HTML, opening `?query=` links
 * with their operation filled in.
 */
export function ideRouter(endpoint: string): Router {
  const router = express.Router();
  for (const [name, file] of Object.entries(ASSETS)) {
    router.get(`/ide/${name}`, (_req, res) => {
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.sendFile(path.resolve(file));
    });
  }
  const generated: Record<string, [string, string]> = { 'boot.js': ['js', BOOT], 'page.css': ['css', PAGE_CSS] };
  for (const [name, [type, body]] of Object.entries(generated)) {
    router.get(`/ide/${name}`, (_req, res) => {
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.type(type).send(body);
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
