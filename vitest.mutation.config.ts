// Vitest for the mutation run (stryker.config.mjs): only the test files that call the engine and schema in
// process. Stryker swaps mutants in memory; a test that spawns the built CLI (bin/balance-check.js → dist/)
// runs the bundle on disk and can never see a mutant, so the files that only spawn it (cli, golden, docx, …) are
// left out. The files kept may still spawn the CLI in some tests: dist/ is copied into Stryker's sandbox as
// built (`npm run mutate` builds first), and no global setup rebuilds it from the instrumented sources.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const MUTATION_TESTS = [
  'test/mutation/*.test.ts',
  'test/cv.test.ts',
  'test/median.test.ts',
  'test/split.test.ts',
  'test/compliance.test.ts',
  'test/groups.test.ts',
  'test/grouped-headers.test.ts',
  'test/json-contract.test.ts',
  'test/checklist.test.ts',
  'test/issues.test.ts',
  'test/read.test.ts',
  'test/county-wording.test.ts',
  'test/plan.test.ts',
  'test/profiles.test.ts',
  'test/batch.test.ts',
  'test/hostile.test.ts',
];

/** A file's place in MUTATION_TESTS: focused, fast files first. */
const rank = (spec: TestSpecification): number => {
  const file = spec.moduleId.replace(/\\/g, '/');
  const i = MUTATION_TESTS.findIndex((p) =>
    p.includes('*') ? file.includes(p.slice(0, p.indexOf('*'))) : file.endsWith(p),
  );
  return i < 0 ? MUTATION_TESTS.length : i;
};

/**
 * Each mutant runs only the tests that cover it, file after file in one worker, and Stryker stops at the first
 * failure (bail). Vitest's own order runs the slowest files first (right for parallel workers, wrong here): the
 * focused, fast files go first, so a killed mutant is most often killed before the slow files (hostile, batch,
 * profiles: many spawn the built CLI) are even imported.
 */
class FastFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

/**
 * Under Stryker (its workers have STRYKER_MUTATOR_WORKER), a mutant's run stops at its first failing test (bail),
 * often before the afterAll hooks that remove the temporary folders its test files made (test/helpers/files.ts):
 * one night of runs left 341 000 of them in /tmp. There, the tests' temporary folders (and those of the CLI they
 * spawn) go inside Stryker's sandbox, which Stryker removes after the run (stryker.config.mjs: cleanTempDir).
 */
const sandboxTmp = process.env.STRYKER_MUTATOR_WORKER !== undefined ? join(process.cwd(), '.test-tmp') : null;
if (sandboxTmp) mkdirSync(sandboxTmp, { recursive: true });

export default defineConfig({
  // Instrumented code on a shared machine runs several times slower: a generous timeout, never a flaky dry run.
  test: {
    include: MUTATION_TESTS,
    ...(sandboxTmp ? { env: { TMPDIR: sandboxTmp } } : {}),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    sequence: { sequencer: FastFirst },
    // The test files of one mutant's run share a module graph instead of importing it once each (import was
    // 2/3 of a mutant's time: actions.ts's 13 mutants took 235 s isolated, 86 s shared, with the same results).
    // Safe: every run Stryker starts is a new worker thread with a fresh globalThis and module graph, so no
    // module-level cache (compliance.ts's judging per profile, …) outlives the one mutant it was built under,
    // and a static mutant is active when its module loads; the 15 files pass together either way.
    isolate: false,
  },
});
