// The mutation scores of engine and schema, summed over the per-file reports of scripts/mutate-files.mjs
// (reports/mutation/files/*.json), as Stryker counts a score: killed and timed out over killed, timed out,
// survived and no coverage (ignored, static and compile errors left out). Targets of issue 31: engine ≥ 85 %,
// schema ≥ 75 %.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Where each file's report and incremental file are kept (scripts/mutate-files.mjs writes them). */
export const FILES_DIR = 'reports/mutation/files';
/** A mutated file's name in FILES_DIR: its path with / as __. */
export const reportName = (file) => file.replace(/\//g, '__');
const TARGETS = { 'src/engine': 85, 'src/schema': 75 };
const DETECTED = new Set(['Killed', 'Timeout']);
const VALID = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

/** Counts of one file's last report, or null when it has not been run. */
export function fileCounts(file) {
  const path = join(FILES_DIR, `${reportName(file)}.json`);
  if (!existsSync(path)) return null;
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const counts = { detected: 0, valid: 0, survived: 0, noCoverage: 0, ignored: 0 };
  for (const m of report.files[file]?.mutants ?? []) {
    if (DETECTED.has(m.status)) counts.detected++;
    if (VALID.has(m.status)) counts.valid++;
    if (m.status === 'Survived') counts.survived++;
    if (m.status === 'NoCoverage') counts.noCoverage++;
    if (m.status === 'Ignored') counts.ignored++;
  }
  return counts;
}

const pct = (d, v) => (v ? ((100 * d) / v).toFixed(1) : '—');

/** Prints one line per file and the score of each area against its target; returns the areas' scores. */
export function printScores(files) {
  const scores = {};
  for (const [area, target] of Object.entries(TARGETS)) {
    const sum = { detected: 0, valid: 0, ignored: 0 };
    const missing = [];
    console.log(`\n${area}`);
    for (const file of files.filter((f) => f.startsWith(`${area}/`))) {
      const c = fileCounts(file);
      if (!c) {
        missing.push(file);
        continue;
      }
      sum.detected += c.detected;
      sum.valid += c.valid;
      sum.ignored += c.ignored;
      const rest = `${c.survived} survived, ${c.noCoverage} no coverage, ${c.ignored} ignored`;
      console.log(
        `  ${file.padEnd(48)} ${pct(c.detected, c.valid).padStart(6)} %  (${c.detected}/${c.valid}; ${rest})`,
      );
    }
    const score = sum.valid ? (100 * sum.detected) / sum.valid : NaN;
    scores[area] = { score, missing };
    const verdict = missing.length ? 'incomplete' : score >= target ? 'met' : 'NOT met';
    console.log(
      `  ${area}: ${pct(sum.detected, sum.valid)} % (${sum.detected} of ${sum.valid}; ${sum.ignored} static ignored)` +
        ` — target ${target} %: ${verdict}`,
    );
    if (missing.length) console.log(`  not run: ${missing.join(', ')}`);
  }
  return scores;
}

/**
 * Writes the whole run as one report, as a single Stryker run would (issue 31: `npm run mutate` writes the HTML and
 * JSON reports in reports/mutation/): mutation.json (the mutation-testing-report schema) and index.html (Stryker's
 * own report page, mutation-testing-elements, with the report in it). Each file is taken from its own last report;
 * a test is named by its file and name (each run numbers its tests from 0), so the tests that killed a mutant stay
 * its own. Returns the number of files written into it.
 */
export function writeCombinedReport(files, dir = 'reports/mutation') {
  const combined = { files: {}, testFiles: {} };
  const testIds = new Map();
  for (const file of files) {
    const path = join(FILES_DIR, `${reportName(file)}.json`);
    if (!existsSync(path)) continue;
    const report = JSON.parse(readFileSync(path, 'utf8'));
    for (const key of ['schemaVersion', 'thresholds', 'projectRoot', 'framework']) combined[key] ??= report[key];
    const idOf = new Map();
    for (const [testFile, { tests }] of Object.entries(report.testFiles ?? {}))
      for (const test of tests) {
        const key = `${testFile}\u0000${test.name}`;
        if (!testIds.has(key)) {
          testIds.set(key, String(testIds.size));
          (combined.testFiles[testFile] ??= { tests: [] }).tests.push({ ...test, id: testIds.get(key) });
        }
        idOf.set(test.id, testIds.get(key));
      }
    const own = report.files[file];
    if (!own) continue;
    const renumber = (ids) => ids?.map((id) => idOf.get(id) ?? id);
    combined.files[file] = {
      ...own,
      mutants: own.mutants.map((m) => ({
        ...m,
        id: `${reportName(file)}:${m.id}`,
        ...(m.coveredBy ? { coveredBy: renumber(m.coveredBy) } : {}),
        ...(m.killedBy ? { killedBy: renumber(m.killedBy) } : {}),
      })),
    };
  }
  const json = JSON.stringify(combined);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'mutation.json'), json);
  const require = createRequire(import.meta.url);
  const elements = readFileSync(require.resolve('mutation-testing-elements/dist/mutation-test-elements.js'), 'utf8');
  writeFileSync(
    join(dir, 'index.html'),
    '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>balance-check: mutation testing</title>\n' +
      `<script>\n${elements}\n</script>\n</head>\n<body>\n` +
      '<mutation-test-report-app titlePostfix="balance-check"></mutation-test-report-app>\n<script>\n' +
      `document.querySelector('mutation-test-report-app').report = ${json.replace(/</g, '<"+"')};\n` +
      '</script>\n</body>\n</html>\n',
  );
  return Object.keys(combined.files).length;
}

/**
 * The survivors (and mutants no test covers) of one file's last report, one line each — line:col, mutator, the
 * replacement — marked "listed" when the equivalents file of its area names that line:col for that file (as an
 * equivalent, or as killed by a test added after the run).
 */
export function survivors(file) {
  const path = join(FILES_DIR, `${reportName(file)}.json`);
  if (!existsSync(path)) return null;
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const area = file.startsWith('src/engine/') ? 'engine' : 'schema';
  const listed = existsSync(`test/mutation/equivalent-${area}.md`)
    ? readFileSync(`test/mutation/equivalent-${area}.md`, 'utf8')
    : '';
  const base = file.slice(file.lastIndexOf('/') + 1);
  const own = sectionOf(listed, file);
  // The first cell of every table row of the equivalents file.
  const rows = listed
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| where'))
    .map((line) => ({ text: line.split('|')[1] ?? '' }));
  return (report.files[file]?.mutants ?? [])
    .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
    .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)
    .map((m) => {
      const at = `${m.location.start.line}:${m.location.start.column}`;
      // Listed in a table row whose first cell names the location: under the file's own heading, or with its name.
      const here = new RegExp(`(^|[^\\d:])${at}(?!\\d)`);
      // Named in the file's own sections (a table row, or a "killed by the tests added after the run" line), or in a
      // table row elsewhere whose first cell names the file.
      const named = here.test(own) || rows.some((cell) => cell.text.includes(base) && here.test(cell.text));
      const replacement = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80);
      return `${at.padEnd(8)} ${m.status === 'NoCoverage' ? 'no coverage' : 'survived'}  ${m.mutatorName}: ${replacement}${named ? '   [listed]' : ''}`;
    });
}

/** The parts of an equivalents file under the headings that name a file (a file rerun has a section per run). */
function sectionOf(text, file) {
  return text
    .split(/\n(?=## )/)
    .filter((part) => part.startsWith(`## ${file} `))
    .join('\n');
}
