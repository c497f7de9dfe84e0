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

function page(endpoint: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>coop-hub GraphQL IDE</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${endpoint}/ide/graphiql.css">
<style>html, body, #ide { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="ide">Loading the IDE…</div>
<script src="${endpoint}/ide/react.js"></script>
<script src="${endpoint}/ide/react-dom.js"></script>
<script src="${endpoint}/ide/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
  const root = ReactDOM.createRoot(document.getElementById('ide'));
  root.render(React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)}, defaultEditorToolsVisibility: true }));
</script>
</body>
</html>`;
}

/**
 * The in-browser GraphQL IDE (GraphiQL), served from the hub's own node_modules: no request leaves the
 * machine. Mount it at the GraphQL path; it answers browser GETs that accept HTML.
 */
export function ideRouter(endpoint: string): Router {
  const router = express.Router();
  for (const [name, file] of Object.entries(ASSETS)) {
    router.get(`/ide/${name}`, (_req, res) => {
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.sendFile(path.resolve(file));
    });
  }
  router.get('/', (req, res, next) => {
    const wantsHtml = req.accepts(['application/json', 'text/html']) === 'text/html';
    if (!wantsHtml || req.query.query !== undefined) return next();
    res.type('html').send(page(endpoint));
  });
  return router;
}
