/** Import rules: no cycles; the pure core (time, events, match, competition) never imports node:* or the edges. */
const core = '^src/(time|events|match|competition)/';
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-is-pure',
      comment: 'The pure core must not touch node built-ins.',
      severity: 'error',
      from: { path: core },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-does-not-import-edges',
      severity: 'error',
      from: { path: core },
      to: { path: '^src/(store|import|replay|cli|testing)/' },
    },
    {
      name: 'cli-loads-edges-lazily',
      comment:
        'The CLI loads store and import code inside the actions that need them (await import), so the other commands start without them.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/(store|import)/', dependencyTypesNot: ['dynamic-import', 'type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
