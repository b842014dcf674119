/**
 * GraphiQL, served from the installed packages (no CDN: the hub may run on a closed
 * provincial network). In simulated mode the page comes with the demo key filled in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

const cache = new Map<string, Buffer>();

/** A static asset of the page, or null. */
export function graphiqlAsset(name: string): { body: Buffer; type: string } | null {
  const a = ASSETS[name];
  if (!a) return null;
  let body = cache.get(name);
  if (!body) {
    // Through package.json: the packages' `exports` maps do not list these built files.
    body = readFileSync(path.join(path.dirname(require.resolve(`${a.pkg}/package.json`)), a.file));
    cache.set(name, body);
  }
  return { body, type: a.type };
}

const DEFAULT_QUERY = `# tthc-hub: one graph over the national procedure database, iGate and PAKN.
{
  sources { source lastSuccessAt stale }
  procedures(first: 3) {
    totalCount
    edges { node { code name national { status sectors { name } channels { channel times { value unit } } } } }
  }
}
`;

export function graphiqlPage(options: { apiKey: string | null }): string {
  const headers = options.apiKey
    ? JSON.stringify({ 'X-API-Key': options.apiKey }, null, 2)
    : '{\n  "X-API-Key": ""\n}';
  const config = JSON.stringify({ headers, query: DEFAULT_QUERY }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>tthc-hub GraphiQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/graphiql/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading…</div>
<script src="/graphiql/react.js"></script>
<script src="/graphiql/react-dom.js"></script>
<script src="/graphiql/graphiql.js"></script>
<script>
  const config = ${config};
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: config.query,
      defaultHeaders: config.headers,
      headerEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
</script>
</body>
</html>`;
}
