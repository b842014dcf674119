/**
 * The hub's layers, bottom to top (README "How it works"):
 *
 *   src/domain                      vocabulary, record shapes, time, calendar, money, text
 *   connectors/kit                  what every connector shares (HTTP, paging, retry, errors)
 *   connectors/<portal>             one portal's client, raw records, mapping, walks
 *   connectors/sim                  the simulators and their seeded world (stand-ins for portals)
 *   src/log, src/config, src/paths  process plumbing
 *   src/db                          ORM, embedded PostgreSQL, generic writer and upsert
 *   src/graph (but schema.ts)       the graph's building blocks: scalars, enums, pages, errors, auth
 *   src/modules/<module>            one domain each: entities, writers, services, resolvers
 *   src/sync                        the engine: runs, ledger, schedules, its graph surface
 *   top                             src/graph/schema.ts, src/graph/federation/entities.ts, src/server.ts, src/app.ts, src/ops, src/commands, src/cli.ts, ...
 *
 * An arrow may only point down. Every rule's comment is what `npm run lint` prints.
 */

const TOP = [
  '^src/graph/schema\\.ts$',
  '^src/graph/federation/entities\\.ts$',
  '^src/server\\.ts$',
  '^src/app\\.ts$',
  '^src/cli\\.ts$',
  '^src/commands/',
  '^src/simulate\\.ts$',
  '^src/ops/',
  '^src/admin-key\\.ts$',
  '^src/index\\.ts$',
];
const ABOVE_DB = ['^src/graph/', '^src/modules/', '^src/sync/', ...TOP];
const ABOVE_GRAPH_KIT = ['^src/modules/', '^src/sync/', ...TOP];
const ABOVE_MODULES = ['^src/sync/', ...TOP];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle: two files (or folders) that need each other. Move the shared part one layer down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-the-bottom',
      severity: 'error',
      comment: 'src/domain is the bottom layer: it imports only itself and npm packages.',
      from: { path: '^src/domain/' },
      to: { path: '^(src|connectors|migrations)/', pathNot: '^src/domain/' },
    },
    {
      name: 'kit-only-below',
      severity: 'error',
      comment: 'connectors/kit is shared by every portal: it imports only src/domain and itself.',
      from: { path: '^connectors/kit/' },
      to: { path: '^(src|connectors|migrations)/', pathNot: ['^src/domain/', '^connectors/kit/'] },
    },
    {
      name: 'portal-never-another-portal',
      severity: 'error',
      comment:
        'A connector never imports another portal (nor a simulator): move what they share down to connectors/kit or src/domain.',
      from: { path: '^connectors/([^/]+)/', pathNot: '^connectors/(kit|sim)/' },
      to: { path: '^connectors/', pathNot: ['^connectors/$1/', '^connectors/kit/'] },
    },
    {
      name: 'connectors-stay-out-of-src',
      severity: 'error',
      comment:
        'Connectors and simulators import only src/domain from src: never src/db, src/modules, src/sync (the sync layer calls them).',
      from: { path: '^connectors/' },
      to: { path: '^(src|migrations)/', pathNot: '^src/domain/' },
    },
    {
      name: 'simulators-stand-alone',
      severity: 'error',
      comment:
        'A simulator is an independent stand-in for its portal: it imports connectors/sim and src/domain, never connector code (its own parsers, so a symmetric bug cannot pass both).',
      from: { path: '^connectors/sim/' },
      to: { path: '^connectors/', pathNot: '^connectors/sim/' },
    },
    {
      name: 'only-the-simulate-command-starts-simulators',
      severity: 'error',
      comment:
        'Production code never imports a simulator; src/simulate.ts (hub simulate, embedded mode) is the one door.',
      from: { path: '^(src|connectors)/', pathNot: ['^connectors/sim/', '^src/simulate\\.ts$'] },
      to: { path: '^connectors/sim/' },
    },
    {
      name: 'plumbing-below-db',
      severity: 'error',
      comment: 'src/log.ts, src/config.ts and src/paths.ts are plumbing: they import only src/domain.',
      from: { path: '^src/(log|config|paths)\\.ts$' },
      to: {
        path: '^(src|connectors|migrations)/',
        pathNot: ['^src/domain/', '^src/(log|config|paths)\\.ts$'],
      },
    },
    {
      name: 'db-below-modules',
      severity: 'error',
      comment:
        'src/db sits below the modules and the engine (it may not import them). Only src/db/entities.ts, the entity registry the ORM is opened with, gathers their *.entity.ts files.',
      from: { path: '^src/db/', pathNot: '^src/db/entities\\.ts$' },
      to: { path: ABOVE_DB },
    },
    {
      name: 'entity-registry-gathers-only-entities',
      severity: 'error',
      comment: 'src/db/entities.ts imports entity files only.',
      from: { path: '^src/db/entities\\.ts$' },
      to: { path: ABOVE_DB, pathNot: '^src/(modules/[^/]+|sync)/[^/]+\\.entity\\.ts$' },
    },
    {
      name: 'graph-kit-below-modules',
      severity: 'error',
      comment:
        "src/graph's building blocks (scalars, enums, pages, errors, auth, context) sit below the modules; only src/graph/schema.ts assembles the modules' resolvers (and src/graph/federation/entities.ts their entity loaders).",
      from: {
        path: '^src/graph/',
        pathNot: ['^src/graph/schema\\.ts$', '^src/graph/federation/entities\\.ts$'],
      },
      to: { path: ABOVE_GRAPH_KIT },
    },
    {
      name: 'modules-below-sync',
      severity: 'error',
      comment:
        'A module never imports the sync engine or the top layer: the engine calls the modules (their writers), not back.',
      from: { path: '^src/modules/' },
      to: { path: ABOVE_MODULES },
    },
    {
      name: 'module-through-its-index',
      severity: 'error',
      comment:
        "A module imports another module only through that module's index.ts (its public surface), never its internals.",
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'sync-below-top',
      severity: 'error',
      comment: 'src/sync is below the graph schema, the server and the commands.',
      from: { path: '^src/sync/' },
      to: { path: TOP },
    },
    {
      name: 'console-is-browser-code',
      severity: 'error',
      comment:
        'src/console runs in the browser: it imports itself, src/domain and npm packages only, and the server imports none of it.',
      from: { path: '^src/console/' },
      to: { path: '^(src|connectors|migrations)/', pathNot: ['^src/console/', '^src/domain/'] },
    },
    {
      name: 'nothing-imports-the-console',
      severity: 'error',
      comment: 'The console is served as built files; no server code imports its sources.',
      from: { path: '^(src|connectors|migrations)/', pathNot: '^src/console/' },
      to: { path: '^src/console/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^node_modules/', '^src/console/build/', '\\.d\\.ts$'] },
    // Type-only imports are arrows too: a layer may not even name a higher layer's types.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
