// Vitest: the global setup rebuilds dist/ when src/ is newer, so the tests that spawn the built CLI never test a
// stale bundle (issue 31). Stryker's sandboxes (.stryker-tmp/, a copy of the tree) are not tests of this tree.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/setup/fresh-build.ts'],
    exclude: [...configDefaults.exclude, '.stryker-tmp/**'],
  },
});
