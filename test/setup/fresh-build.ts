// Vitest global setup: never test a stale build. Sixteen test files spawn the built CLI
// (bin/balance-check.js runs dist/cli.cjs); after a source edit without `npm run build` they would test the old
// bundle. Before any test runs, the bundle is rebuilt when it is missing or older than any file under src/ or
// the bundler script (the same esbuild step as `npm run build`, without its type check: vitest type-checks
// nothing either, and `npm run lint` / `npm test` still run tsc).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'cli.cjs');
const INPUTS = [join(ROOT, 'src'), join(ROOT, 'scripts', 'bundle.mjs'), join(ROOT, 'package-lock.json')];

/** The newest modification time (ms) of a file, or of any file under a folder. */
export function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Whether dist/cli.cjs is missing or older than a source it is built from. */
export function bundleIsStale(): boolean {
  let built: number;
  try {
    built = statSync(BUNDLE).mtimeMs;
  } catch {
    return true;
  }
  return INPUTS.some((input) => newestMtime(input) > built);
}

export default function setup(): void {
  // The mutation run (Stryker) tests sources in memory and spawns no CLI: it needs no bundle.
  if (process.env.BALANCE_CHECK_NO_BUILD === '1' || !bundleIsStale()) return;
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vitest global setup: the bundle failed (exit ${run.status}):\n${run.stderr}`);
  console.log(`vitest global setup: dist/ was older than src/, rebuilt in ${Date.now() - started} ms`);
}
