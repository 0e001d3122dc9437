// A short mutation pass on the engine and schema files a change touches (issue 31):
//   node scripts/mutate-changed.mjs [BASE]      (BASE: a commit, default HEAD~1)
// Runs Stryker (stryker.config.mjs) on the src/engine and src/schema .ts files that differ from BASE, and nothing when
// none does; then reads the JSON report and fails (exit 1) when the mutation score of those files is under the
// floor, MUTATE_FLOOR (default 60 %: a change that leaves its own code mostly untested — the targets, engine 85 %
// and schema 75 %, are for the whole run, `npm run mutate`). .ci/run calls it with a time budget, MUTATE_BUDGET
// seconds (default 2 400): a pass that does not end within it is stopped and reported, and does not fail CI — a
// touched plan.ts alone is about 300 mutants, several seconds each on this 2-core machine.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const base = process.argv[2] ?? 'HEAD~1';
const floor = Number(process.env.MUTATE_FLOOR ?? 60);
const budget = Number(process.env.MUTATE_BUDGET ?? 2400);
const diff = spawnSync('git', ['diff', '--name-only', '--diff-filter=AM', base, '--', 'src/engine', 'src/schema'], {
  encoding: 'utf8',
});
if (diff.status !== 0) {
  console.error(`git diff against ${base} failed:\n${diff.stderr}`);
  process.exit(2);
}
// The files stryker.config.mjs mutates (its data tables left out).
const config = (await import(new URL('../stryker.config.mjs', import.meta.url).href)).default;
const excluded = new Set(config.mutate.filter((p) => p.startsWith('!')).map((p) => p.slice(1)));
const files = diff.stdout
  .split('\n')
  .filter((f) => f.endsWith('.ts') && !excluded.has(f))
  .sort();
if (files.length === 0) {
  console.log(`no engine or schema file changed since ${base}: no mutation pass`);
  process.exit(0);
}
console.log(`mutation pass on ${files.length} file(s) changed since ${base}: ${files.join(', ')}`);
const report = 'reports/mutation/mutation.json';
const child = spawn('npx', ['stryker', 'run', '--mutate', files.join(',')], { stdio: 'inherit', detached: true });
let overBudget = false;
const timer = setTimeout(() => {
  overBudget = true;
  process.kill(-child.pid, 'SIGTERM');
}, budget * 1000);
const status = await new Promise((resolve) => child.on('exit', (code) => resolve(code)));
clearTimeout(timer);
if (overBudget) {
  console.log(`mutation pass stopped after its budget of ${budget} s (MUTATE_BUDGET): not judged`);
  rmSync('.stryker-tmp', { recursive: true, force: true });
  process.exit(0);
}
if (status !== 0 || !existsSync(report)) process.exit(status || 1);
// The score of the changed files, as Stryker counts it: killed and timed out over all but ignored and errors.
let detected = 0;
let valid = 0;
for (const [file, { mutants }] of Object.entries(JSON.parse(readFileSync(report, 'utf8')).files)) {
  if (!files.includes(file)) continue;
  for (const m of mutants) {
    if (m.status === 'Killed' || m.status === 'Timeout') detected++;
    if (['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(m.status)) valid++;
  }
}
const score = valid ? (100 * detected) / valid : 100;
console.log(`mutation score of the changed files: ${score.toFixed(2)} % (${detected} of ${valid}); floor ${floor} %`);
process.exit(score >= floor ? 0 : 1);
