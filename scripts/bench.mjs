// npm run bench: balance-check timed as a user runs it (a new node process each time, start-up
// included), on inputs it generates itself (scripts/bench-data.mjs; kept in bench-data/ between runs —
// delete the folder to make them again). Prints three tables:
//  1. wall time and peak RSS (process.resourceUsage().maxRSS of the child, via scripts/fuzz/rss-probe.cjs)
//     per input, seconds per 10 000 rows, and whether each target is met;
//  2. ratios against the tools a user would pick instead, measured side by side in the same run (A B A B …,
//     the ratio taken pair by pair, its median shown: this machine's speed changes by the hour) — a pandas
//     script computing one student-weighted CV of the county, SheetJS reading the province and computing one
//     CV per county (scripts/bench-anchors/) — and the linearity of the provinces (issue 30's targets);
//  3. the 100 000-row province as other writers save it (openpyxl normal and write-only: inline strings of
//     character references; LibreOffice), `validate -q` against the exceljs-written file (within 15 %).
// An anchor that cannot run here (no python3 with pandas, no SheetJS, no LibreOffice) is skipped with a note.
// BENCH_RUNS (default 15) sets the runs of the county, BENCH_PROVINCE_RUNS (default 5: the linearity line moved by 0.3 between two runs of 3) those of each
// province and writer, BENCH_PAIRS (default 7) the pairs of each ratio; BENCH_SKIP_LARGE=1 leaves out
// 260 000 rows and the 26 250-school county (and so the linearity line); BENCH_SKIP_WRITERS=1 table 3.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { generate } from './bench-data.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PROVINCE_RUNS = Number(process.env.BENCH_PROVINCE_RUNS ?? 5);
const dir = 'bench-data';
const probe = join('scripts', 'fuzz', 'rss-probe.cjs');

/** One run of the CLI: wall seconds and peak RSS in MB. */
function run(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', `./${probe}`, 'bin/balance-check.js', ...args], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`balance-check ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wall, rss: Number(r.output[3]) / 1024 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

mkdirSync(dir, { recursive: true });
const out = join(dir, 'out');
rmSync(out, { recursive: true, force: true });

const rows = [];
// The 300-school county, all three reports: the median of RUNS runs.
const county = join(dir, 'county-300.xlsx');
if (!existsSync(county)) await generate(county, 300);
run([county, '-o', out, '--format', 'xlsx,md,json', '-q']); // warm the disk cache
const runs = Array.from({ length: RUNS }, () => run([county, '-o', out, '--format', 'xlsx,md,json', '-q']));
rows.push({
  input: `county, 300 schools, xlsx+md+json (median of ${RUNS})`,
  rows: 300,
  wall: median(runs.map((r) => r.wall)),
  rss: Math.max(...runs.map((r) => r.rss)),
  target: [0.4, null],
});

// Provinces: 10 000 rows (33 counties), 100 000 rows (330), 260 000 rows (2 850), default reports (xlsx + md).
const sizes = [
  [10_000, 33, null],
  [100_000, 330, [2, 300]],
  ...(process.env.BENCH_SKIP_LARGE ? [] : [[260_000, 2_850, [5, 600]]]),
];
for (const [n, counties, target] of sizes) {
  const file = join(dir, `province-${n / 1000}k.xlsx`);
  if (!existsSync(file)) await generate(file, n, counties);
  const runs = Array.from({ length: PROVINCE_RUNS }, () => run([file, '-o', out, '-q']));
  rows.push({
    input: `province, ${n.toLocaleString('en-US')} rows, ${counties} counties, xlsx+md (median of ${PROVINCE_RUNS})`,
    rows: n,
    wall: median(runs.map((r) => r.wall)),
    rss: Math.max(...runs.map((r) => r.rss)),
    target,
  });
}

// The largest county a detailed report is made for (MAX_DETAIL_SECTIONS, src/cli/pipeline.ts): issue 27 asks
// ≤ 1 GB on any input; a larger county is refused with FILE_TOO_LARGE.
if (!process.env.BENCH_SKIP_LARGE) {
  // Eight sections to every seven schools (one 九年一贯制 among them): 26 250 schools are 30 000 sections.
  const file = join(dir, 'county-26k.xlsx');
  if (!existsSync(file)) await generate(file, 26_250);
  const r = run([file, '-o', out, '--format', 'xlsx,md,json', '-q']);
  rows.push({
    input: 'one county, 26 250 schools = 30 000 sections (the limit), xlsx+md+json (one run)',
    rows: 26_250,
    ...r,
    target: [120, 1000],
  });
}

const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);
console.log(`balance-check bench (node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
console.log(`${pad('input', 72)}${padL('wall s', 8)}${padL('peak MB', 9)}${padL('s/10k rows', 12)}  target`);
for (const r of rows) {
  const [s, mb] = r.target ?? [null, null];
  const met =
    s === null
      ? ''
      : `≤ ${s} s${mb ? ` and ≤ ${mb} MB` : ''}: ${r.wall <= s && (!mb || r.rss <= mb) ? 'met' : 'NOT MET'}`;
  console.log(
    `${pad(r.input, 72)}${padL(r.wall.toFixed(2), 8)}${padL(Math.round(r.rss), 9)}${padL(((r.wall / r.rows) * 10_000).toFixed(2), 12)}  ${met}`,
  );
}
const linear = (per) =>
  `${Math.max(...per.map((p) => Math.abs(p / median(per) - 1))) <= 0.25 ? 'met' : 'NOT MET'} (max/min ${(Math.max(...per) / Math.min(...per)).toFixed(2)})`;
const provinces = rows.filter((r) => r.input.startsWith('province'));
console.log(
  `linear: seconds per 10 000 rows within ±25 % of each other across the provinces: ${linear(provinces.map((r) => r.wall / r.rows))}`,
);
// For reading the line above, not instead of it: the same with a process's start (node, the bundle, `--version`) taken off.
const start = median(Array.from({ length: 5 }, () => run(['--version']).wall));
console.log(
  `  the same less the start of a process (${start.toFixed(2)} s, median of 5 \`--version\`): ${linear(provinces.map((r) => (r.wall - start) / r.rows))}; s/10k rows ${provinces.map((r) => (((r.wall - start) / r.rows) * 10_000).toFixed(2)).join(' / ')}`,
);

// ---- 2. Ratios, side by side ----
/** Any command: wall seconds (and peak RSS in MB for node commands, via the probe). */
function runCommand(command, args) {
  const isNode = command === process.execPath;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(command, isNode ? ['--require', `./${probe}`, ...args] : args, {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wall, rss: isNode ? Number(r.output[3]) / 1024 : NaN };
}

/** A ratios-table row: `pairs` runs of ours and of the anchor in turn; the median of ours ÷ anchor. */
function paired(ours, anchor, pairs) {
  const a = [];
  const b = [];
  runCommand(...ours); // warm
  runCommand(...anchor);
  for (let i = 0; i < pairs; i++) {
    a.push(runCommand(...ours));
    b.push(runCommand(...anchor));
  }
  return {
    ours: median(a.map((r) => r.wall)),
    anchor: median(b.map((r) => r.wall)),
    ratio: median(a.map((r, i) => r.wall / b[i].wall)),
    oursRss: Math.max(...a.map((r) => r.rss)),
    anchorRss: Math.max(...b.map((r) => r.rss)),
  };
}

/** A python3 with pandas and openpyxl (the one on PATH, else Debian's), or null. */
function findPython() {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import pandas, openpyxl'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return null;
}
const python = findPython();
/** What the anchors ran on (their speed is part of every ratio: Debian's pandas 1.5 imports in 0.2 s, others slower). */
const pythonVersions = python
  ? spawnSync(
      python,
      ['-c', 'import sys, pandas, openpyxl; print(sys.version.split()[0], pandas.__version__, openpyxl.__version__)'],
      {
        encoding: 'utf8',
      },
    )
      .stdout.trim()
      .split(' ')
  : null;
const sheetjs = (() => {
  try {
    return /** @type {{ version: string }} */ (createRequire(import.meta.url)('xlsx')).version;
  } catch {
    return null;
  }
})();
const PAIRS = Number(process.env.BENCH_PAIRS ?? 7);
const node = process.execPath;
const cli = (...args) => [node, ['bin/balance-check.js', ...args]];
console.log('');
console.log('ratios, measured side by side in this run (ours and the anchor in turn; the median of the pairs’ ratios)');
const notes = [];
if (python) {
  const r = paired(
    cli(county, '-o', out, '--format', 'xlsx,md,json', '-q'),
    [python, ['scripts/bench-anchors/county-cv.py', county]],
    PAIRS,
  );
  const [pyV, pandasV, openpyxlV] = pythonVersions ?? [];
  console.log(
    `  county 300, full check xlsx+md+json ${r.ours.toFixed(2)} s vs pandas one CV ${r.anchor.toFixed(2)} s (python ${pyV}, pandas ${pandasV}, openpyxl ${openpyxlV}): ${r.ratio.toFixed(2)} × (target ≤ 0.6 ×: ${r.ratio <= 0.6 ? 'met' : 'NOT MET'})`,
  );
  // What any run of ours costs before a report is written, against the same anchor: the start of a process
  // (`--version`: node and the bundle) and reading and validating the county (`validate -q`, no reports).
  const floor = [cli('--version'), cli('validate', '-q', county)].map((c) =>
    paired(c, [python, ['scripts/bench-anchors/county-cv.py', county]], PAIRS),
  );
  console.log(
    `    for reading the line above: \`--version\` alone ${floor[0].ours.toFixed(2)} s = ${floor[0].ratio.toFixed(2)} ×, \`validate -q\` (read and validate, no report) ${floor[1].ours.toFixed(2)} s = ${floor[1].ratio.toFixed(2)} × the same anchor`,
  );
} else
  notes.push(
    'no python3 with pandas and openpyxl (Debian: apt install python3-pandas python3-openpyxl): the pandas ratio skipped',
  );
const p100 = join(dir, 'province-100k.xlsx');
if (sheetjs && existsSync(p100)) {
  const r = paired(
    cli(p100, '-o', out, '-q'),
    [node, ['scripts/bench-anchors/province-cv.cjs', p100]],
    Math.max(3, Math.ceil(PAIRS / 2)),
  );
  const speedup = 1 / r.ratio;
  console.log(
    `  province 100 000 rows, check xlsx+md ${r.ours.toFixed(2)} s, ${Math.round(r.oursRss)} MB vs SheetJS ${sheetjs} read + one CV per county ${r.anchor.toFixed(2)} s, ${Math.round(r.anchorRss)} MB: ${speedup.toFixed(2)} × faster (target ≥ 3 × and ≤ 300 MB: ${speedup >= 3 && r.oursRss <= 300 ? 'met' : 'NOT MET'})`,
  );
  const json = runCommand(...cli(p100, '-o', out, '-f', 'json', '-q'));
  console.log(
    `  the same, -f json: ${json.wall.toFixed(2)} s, ${Math.round(json.rss)} MB (target ≤ 300 MB: ${json.rss <= 300 ? 'met' : 'NOT MET'})`,
  );
} else if (!sheetjs) notes.push('SheetJS (xlsx, a dev dependency) not installed: npm ci; the SheetJS ratio skipped');
const province = (n) => rows.find((r) => r.input.startsWith('province') && r.rows === n);
if (province(100_000) && province(260_000)) {
  const start = median(Array.from({ length: 5 }, () => run(['--version']).wall));
  const per = [province(100_000), province(260_000)].map((r) => (r.wall - start) / r.rows);
  const ratio = per[1] / per[0];
  console.log(
    `  linearity: s/row at 260 000 ÷ s/row at 100 000, less the start of a process (${start.toFixed(2)} s, \`--version\`): ${ratio.toFixed(2)} (target within ±25 %: ${Math.abs(ratio - 1) <= 0.25 ? 'met' : 'NOT MET'})`,
  );
}
for (const n of notes) console.log(`  skipped: ${n}`);

// ---- 3. Other writers' files of the same rows ----
if (!process.env.BENCH_SKIP_WRITERS && existsSync(p100)) {
  console.log('');
  console.log(
    'the 100 000-row province as other writers save it: validate -q (median of BENCH_PROVINCE_RUNS), against exceljs’s',
  );
  const writers = [['exceljs (shared strings)', p100]];
  const wnotes = [];
  for (const [mode, what] of [
    ['normal', 'openpyxl normal (inline strings, character references)'],
    ['write-only', 'openpyxl write-only (inline strings, character references)'],
    ['inline-utf8', 'inline strings in UTF-8 (openpyxl’s, references as characters)'],
  ]) {
    const file = join(dir, `province-100k.openpyxl${mode === 'normal' ? '' : `-${mode}`}.xlsx`);
    if (!existsSync(file) && python)
      spawnSync(python, ['scripts/bench-anchors/rewrite-openpyxl.py', p100, file, mode], { stdio: 'inherit' });
    if (existsSync(file)) writers.push([what, file]);
  }
  if (!python) wnotes.push('openpyxl’s files need python3 with openpyxl');
  const lo = join(dir, 'province-100k.libreoffice.xlsx');
  if (!existsSync(lo)) {
    const conv = join(dir, 'libreoffice');
    const r = spawnSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', conv, p100], { stdio: 'ignore' });
    if (r.status === 0 && existsSync(join(conv, 'province-100k.xlsx')))
      renameSync(join(conv, 'province-100k.xlsx'), lo);
    else wnotes.push('LibreOffice (soffice) did not convert the file');
  }
  if (existsSync(lo)) writers.push(['LibreOffice Calc (shared strings, every attribute written)', lo]);
  const times = writers.map(([name, file]) => {
    runCommand(...cli('validate', '-q', file));
    const w = Array.from({ length: PROVINCE_RUNS }, () => runCommand(...cli('validate', '-q', file)));
    return { name, wall: median(w.map((r) => r.wall)), rss: Math.max(...w.map((r) => r.rss)) };
  });
  for (const t of times) {
    const ratio = t.wall / times[0].wall;
    console.log(
      `  ${pad(t.name, 62)}${padL(t.wall.toFixed(2), 7)} s${padL(Math.round(t.rss), 6)} MB  ${t === times[0] ? '' : `${ratio.toFixed(2)} × (within 15 %: ${Math.abs(ratio - 1) <= 0.15 ? 'met' : 'NOT MET'})`}`,
    );
  }
  for (const n of wnotes) console.log(`  skipped: ${n}`);
}
