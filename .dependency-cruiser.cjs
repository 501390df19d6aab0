/**
 * Tier rules of DESIGN.md: main -> services -> app -> domain -> core. An arrow means "may import".
 * Also: no cycles, services do not import sibling services, modules are entered through index.ts,
 * and each third-party package lives in one folder.
 */
const tier = (name) => `^src/${name}/`;

/** Third-party packages and the one folder each may be imported from. */
const confined = [
  ['highs', '^src/core/optimize/highs/'],
  ['better-sqlite3', '^src/services/storage/sqlite/'],
  ['pg', '^src/services/storage/postgres/'],
  ['mqtt', '^src/services/mqtt/'],
  ['aedes', '^src/services/mqtt/'],
  ['cli-progress', '^src/services/cli/'],
  ['suncalc', '^src/core/solar/'],
  ['echarts', '^src/services/plot/'],
  ['zrender', '^src/services/plot/'],
];

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-imports-only-core',
      severity: 'error',
      from: { path: tier('core') },
      to: { path: '^src/(domain|app|services|main)/' },
    },
    {
      name: 'domain-imports-only-core',
      severity: 'error',
      from: { path: tier('domain') },
      to: { path: '^src/(app|services|main)/' },
    },
    {
      name: 'app-imports-only-domain-and-core',
      severity: 'error',
      from: { path: tier('app') },
      to: { path: '^src/(services|main)/' },
    },
    {
      name: 'services-do-not-import-main',
      severity: 'error',
      from: { path: tier('services') },
      to: { path: tier('main') },
    },
    {
      name: 'services-do-not-import-siblings',
      severity: 'error',
      from: { path: '^src/services/([^/]+)/' },
      to: { path: '^src/services/([^/]+)/', pathNot: '^src/services/$1/' },
    },
    {
      name: 'core-does-no-io',
      comment: 'core is pure: no file system, network, process or clock access',
      severity: 'error',
      from: { path: tier('core'), pathNot: '\\.test\\.ts$' },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|node:fs|fs/promises|node:fs/promises|net|node:net|http|node:http|https|node:https|child_process|node:child_process|process|node:process)$',
      },
    },
    {
      name: 'enter-modules-through-index',
      comment: 'from outside a module (a folder under a tier), import only its index.ts',
      severity: 'error',
      from: { path: '^src/(core|domain|app|services)/([^/]+)/' },
      to: {
        path: '^src/(core|domain|app|services)/([^/]+)/(?!index\\.ts$).+',
        pathNot: ['^src/$1/$2/'],
      },
    },
    {
      name: 'main-enters-modules-through-index',
      severity: 'error',
      from: { path: '^src/main/' },
      to: { path: '^src/(core|domain|app|services)/([^/]+)/(?!index\\.ts$).+' },
    },
    ...confined.map(([pkg, folder]) => ({
      name: `${pkg}-stays-in-its-folder`,
      severity: 'error',
      from: { pathNot: folder },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg'],
        path: `^(node_modules/)?${pkg}/`,
      },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
