// StrykerJS (9.x: Stryker 10 needs Node 22) over the engine and the schema. `npm run mutate` runs it file by file
// (scripts/mutate-files.mjs: each file its own incremental file and report in reports/mutation/files/); a plain
// `npx stryker run` uses the settings below as they are. Targets (issue 31): engine ≥ 85 %, schema ≥ 75 % mutation
// score. Survivors judged equivalent are listed with their reason in test/mutation/equivalent-engine.md and
// equivalent-schema.md.
// The tests run are vitest.mutation.config.ts's (the ones that call the engine and schema in process).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  // The 2017 method's tables are data, not logic: the county sheet's wording (headings, 是/否 words, keywords), its
  // county figures (names, units, notes, keywords) and its checklist (items, labels, thresholds). A mutant there
  // is another word or number of the data; built at load, each is a static mutant that reruns every test (60–110 s
  // here): 1 188 mutants, about a day. They are checked as data (profiles.test.ts: the built-ins are their own
  // parse; checklist.test.ts and county-wording.test.ts: every item and wording read from the fixtures).
  mutate: [
    'src/engine/**/*.ts',
    'src/schema/**/*.ts',
    '!src/engine/wording-2017.ts',
    '!src/engine/county-inputs-2017.ts',
    '!src/engine/checklist-2017.ts',
  ],
  // Not copied into the sandbox: what no test of the mutation run reads.
  ignorePatterns: ['out', 'bench-data', 'fuzz-failures', 'docs'],
  checkers: [],
  // A static mutant (one in code run when a module loads: the profile tables of profile.ts and profiles.ts, the
  // field table of schema/columns.ts, regular expressions and sets built at load) cannot be switched per test: it
  // reruns all 489 tests, 60–110 s each on this machine. Of the 8 244 mutants of the files above, 829 are static
  // (profile.ts 147, profiles.ts 155, columns.ts 223, values.ts 68, rule-schema.ts 37, match.ts 36, …), about 60 %
  // of the estimated time. They are reported as Ignored and the score leaves them out (the equivalent-*.md files
  // say so with the score). A mutant also reached from within tests ("hybrid") is still run on those tests.
  ignoreStatic: true,
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
