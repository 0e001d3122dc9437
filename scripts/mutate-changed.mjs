// A short mutation pass on the engine and schema files a change touches (issue 31):
//   node scripts/mutate-changed.mjs [BASE]      (BASE: a commit, default HEAD~1)
// Runs Stryker (stryker.config.mjs) on the src/engine and src/schema .ts files that differ from BASE, and nothing when
// none does. Not in .ci/run: at about 5–7 s a mutant on this 2-core machine, one touched evaluate.ts or plan.ts
// (300 mutants or more) alone takes half an hour, on top of a CI run that already spends most of its 90 minutes.
import { spawnSync } from 'node:child_process';

const base = process.argv[2] ?? 'HEAD~1';
const diff = spawnSync('git', ['diff', '--name-only', '--diff-filter=AM', base, '--', 'src/engine', 'src/schema'], {
  encoding: 'utf8',
});
if (diff.status !== 0) {
  console.error(`git diff against ${base} failed:\n${diff.stderr}`);
  process.exit(2);
}
const files = diff.stdout
  .split('\n')
  .filter((f) => f.endsWith('.ts'))
  .sort();
if (files.length === 0) {
  console.log(`no engine or schema file changed since ${base}: no mutation pass`);
  process.exit(0);
}
console.log(`mutation pass on ${files.length} file(s) changed since ${base}: ${files.join(', ')}`);
const run = spawnSync('npx', ['stryker', 'run', '--mutate', files.join(',')], { stdio: 'inherit' });
process.exit(run.status ?? 1);
