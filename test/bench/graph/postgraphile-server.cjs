/**
 * PostGraphile 5 over the bench database, as a province's IT office would run it: the Amber
 * preset, the public schema, smart tags (postgraphile.tags.json5) for
 * the relations the hub's tables keep without foreign keys. Run by the benchmark under the
 * npm registry's Node 22 binary, from its cache folder; prints `ready <url>`.
 * Usage: node postgraphile-server.cjs <install dir> <database url> <tags file>
 */
const { createServer } = require('node:http');

const [installDir, connectionString, tagsFile] = process.argv.slice(2);
const from = (id) => require(require.resolve(id, { paths: [installDir] }));
const { postgraphile } = from('postgraphile');
const { PostGraphileAmberPreset } = from('postgraphile/presets/amber');
const { makePgService } = from('postgraphile/adaptors/pg');
const { grafserv } = from('postgraphile/grafserv/node');
const { makePgSmartTagsFromFilePlugin } = from('postgraphile/utils');

const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [makePgSmartTagsFromFilePlugin(tagsFile)],
  pgServices: [makePgService({ connectionString, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

async function main() {
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  server.keepAliveTimeout = 65_000;
  serv.addTo(server);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  await pgl.getSchema();
  process.stdout.write(`ready http://127.0.0.1:${server.address().port}/graphql\n`);
  process.stdin.resume();
  process.stdin.on('end', async () => {
    server.close();
    await pgl.release();
    process.exit(0);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
