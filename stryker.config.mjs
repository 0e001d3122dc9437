// StrykerJS (9.x: Stryker 10 needs Node 22) over the engine and the schema, run by `npm run mutate`.
// Targets (issue 31): engine ≥ 85 %, schema ≥ 75 % mutation score. Incremental: a rerun tests only the mutants
// whose code or covering tests changed (reports/mutation/incremental.json). Survivors judged equivalent are
// listed with their reason in test/mutation/equivalent.md.
// The tests run are vitest.mutation.config.ts's (the ones that call the engine and schema in process).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: ['src/engine/**/*.ts', 'src/schema/**/*.ts'],
  // Not copied into the sandbox: what no test of the mutation run reads.
  ignorePatterns: ['out', 'bench-data', 'fuzz-failures', 'docs'],
  checkers: [],
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 1,
  timeoutMS: 10000,
  thresholds: { high: 85, low: 75, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
