// Vitest for the mutation run (stryker.config.mjs): only the test files that call the engine and the schema in
// process. Stryker swaps mutants in memory; a test that spawns the built CLI (bin/balance-check.js → dist/)
// runs the bundle on disk and can never see a mutant, so the files that only spawn it (cli, golden, docx, …) are
// left out. The files kept may still spawn the CLI in some tests: dist/ is copied into Stryker's sandbox as
// built (`npm run mutate` builds first), and no global setup rebuilds it from the instrumented sources.
import { defineConfig } from 'vitest/config';

export const MUTATION_TESTS = [
  'test/batch.test.ts',
  'test/checklist.test.ts',
  'test/compliance.test.ts',
  'test/county-wording.test.ts',
  'test/cv.test.ts',
  'test/grouped-headers.test.ts',
  'test/groups.test.ts',
  'test/hostile.test.ts',
  'test/issues.test.ts',
  'test/json-contract.test.ts',
  'test/median.test.ts',
  'test/plan.test.ts',
  'test/profiles.test.ts',
  'test/read.test.ts',
  'test/split.test.ts',
  'test/mutation/*.test.ts',
];

export default defineConfig({
  // Instrumented code on a shared machine runs several times slower: a generous timeout, never a flaky dry run.
  test: { include: MUTATION_TESTS, testTimeout: 60_000, hookTimeout: 60_000 },
});
