// Vitest: the global setup rebuilds dist/ when src/ is newer, so the tests that spawn the built CLI never test a
// stale bundle (issue 31). Stryker's sandboxes (.stryker-tmp/, a copy of the tree) are not tests of this tree.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/setup/fresh-build.ts'],
    // Many tests run the built CLI several times (0.3–1 s each on a quiet machine): at a load of 8–10 on two cores
    // vitest's 5 s default failed them one at a time (CI runs on such machines). Tests that need longer say so.
    testTimeout: 30_000,
    exclude: [...configDefaults.exclude, '.stryker-tmp/**'],
  },
});
