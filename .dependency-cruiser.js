/**
 * The layering of the house (STYLE.md), checked by `npm test`:
 * - a context's domain/ is pure: no Nest, no TypeORM, no pg, no other layer of any context;
 * - application/ never reaches up into api/;
 * - a library is entered only through its index (the `@imdi/<context>` alias), never by a path into
 *   its folders, and never reaches into the apps (benchmarks may drive a context's handlers directly);
 * - an index exports no repository, only types from one;
 * - no cycles between files.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds rules only: no framework, no persistence, no transport',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: ['^node_modules/(@nestjs|typeorm|pg|ioredis|bullmq|fastify)/', '^libs/[^/]+/src/(application|infrastructure|api|jobs)/'] },
    },
    {
      name: 'application-not-up-into-api',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/application/' },
      to: { path: '^libs/[^/]+/src/api/' },
    },
    {
      name: 'infrastructure-not-up-into-api',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/infrastructure/' },
      to: { path: '^libs/[^/]+/src/api/' },
    },
    {
      name: 'other-context-only-through-its-index',
      comment: 'reach another library through @imdi/<name> (its index.ts), not into its folders',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/' },
      to: { path: '^libs/([^/]+)/src/.+', pathNot: ['^libs/$1/src/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'index-lends-no-repository',
      comment:
        'a context lends others read-only ports (application/) or published views, never its repositories: its index may name a repository file only for a type',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/index\\.ts$' },
      to: { path: '\\.repository\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'apps-through-indexes',
      severity: 'error',
      from: { path: '^(apps/(api|worker)|scripts)/' },
      to: { path: '^libs/[^/]+/src/.+', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'libraries-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: { path: '^(libs|apps)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '\\.spec\\.ts$', '^apps/web/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
