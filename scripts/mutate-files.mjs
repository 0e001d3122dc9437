// The mutation run file by file (issue 31), so that a long run can be done in parts and a rerun is quick:
//   node scripts/mutate-files.mjs [FILE|GLOB-PREFIX …]     (default: every file stryker.config.mjs mutates)
//   node scripts/mutate-files.mjs --survivors FILE|PREFIX …  (each survivor by line:col, [listed] when an equivalents file names it)
//   node scripts/mutate-files.mjs --score                   (only the scores and the combined report of what has been run)
// Each file is its own Stryker run with its own incremental file and JSON report in reports/mutation/files/
// (<path with / as __>.incremental.json and .json): a rerun of a file tests only the mutants whose code or covering
// tests changed, and a run stopped half-way loses only the file it was in. The scores of engine and schema are then
// summed over every file's last report (scripts/mutation-score.mjs); a file never run is named as missing.
// `npm run mutate` is this script over every file (it builds first: some kept tests spawn the built CLI).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FILES_DIR, printScores, reportName, survivors, writeCombinedReport } from './mutation-score.mjs';

/** The .ts files under a folder, sorted. */
const tsFiles = (dir) =>
  readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
    })
    .sort();

/** The files stryker.config.mjs mutates: its folders' .ts files less its exclusions. */
export async function mutatedFiles() {
  const config = (await import(pathToFileURL('stryker.config.mjs').href)).default;
  const excluded = new Set(config.mutate.filter((p) => p.startsWith('!')).map((p) => p.slice(1)));
  const roots = config.mutate.filter((p) => !p.startsWith('!')).map((p) => p.slice(0, p.indexOf('/**')));
  return roots.flatMap((root) => tsFiles(root).map((f) => relative('.', f))).filter((f) => !excluded.has(f));
}

const args = process.argv.slice(2);
/** The scores, and the whole run as one HTML and JSON report. */
const finish = (files) => {
  printScores(files);
  const n = writeCombinedReport(files);
  console.log(`\nreports/mutation/index.html, mutation.json: ${n} files (each from its last run)`);
};
if (args[0] === '--survivors') {
  for (const file of (await mutatedFiles()).filter((f) => args.slice(1).some((a) => f === a || f.startsWith(a)))) {
    const lines = survivors(file);
    console.log(`\n${file}: ${lines === null ? 'not run' : `${lines.length} survived or not covered`}`);
    for (const line of lines ?? []) console.log(`  ${line}`);
  }
  process.exit(0);
}
if (args.includes('--score')) {
  finish(await mutatedFiles());
  process.exit(0);
}
const all = await mutatedFiles();
const wanted = args.length ? all.filter((f) => args.some((a) => f === a || f.startsWith(a))) : all;
if (args.length && wanted.length === 0) {
  console.error(`no mutated file matches ${args.join(' ')} (stryker.config.mjs's mutate list)`);
  process.exit(2);
}
mkdirSync(FILES_DIR, { recursive: true });
const base = pathToFileURL('stryker.config.mjs').href;
for (const [i, file] of wanted.entries()) {
  const name = reportName(file);
  const config = join(FILES_DIR, `${name}.config.mjs`);
  writeFileSync(
    config,
    `import base from ${JSON.stringify(base)};\n` +
      `export default { ...base, mutate: [${JSON.stringify(file)}],\n` +
      `  incrementalFile: ${JSON.stringify(join(FILES_DIR, `${name}.incremental.json`))},\n` +
      `  reporters: ['json', 'progress'],\n` +
      `  jsonReporter: { fileName: ${JSON.stringify(join(FILES_DIR, `${name}.json`))} } };\n`,
  );
  console.log(`\n[${i + 1}/${wanted.length}] ${file}`);
  const started = Date.now();
  const run = spawnSync('npx', ['stryker', 'run', config], { stdio: 'inherit' });
  console.log(`${file}: ${((Date.now() - started) / 1000).toFixed(0)} s, exit ${run.status}`);
  if (run.status !== 0) process.exit(run.status ?? 1);
  if (!existsSync(join(FILES_DIR, `${name}.json`))) process.exit(1);
}
finish(all);
