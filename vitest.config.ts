// Vitest: the global setup rebuilds dist/ when src/ is newer, so the tests that spawn the built CLI never test a
// stale bundle (issue 31).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/setup/fresh-build.ts'],
  },
});
