// npm run bench: balance-check timed as a user runs it (a new node process each time, start-up
// included), on inputs it generates itself (scripts/bench-data.mjs). Prints one table: wall time and
// peak RSS (process.resourceUsage().maxRSS of the child, via scripts/fuzz/rss-probe.cjs) per input,
// seconds per 10 000 rows, and whether each target (issue "A province in two seconds…") is met.
// BENCH_RUNS (default 15) sets the runs of the county, BENCH_PROVINCE_RUNS (default 3) those of each
// province (the median is shown: one run on this shared machine can be a second off);
// BENCH_SKIP_LARGE=1 leaves out 260 000 rows.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './bench-data.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PROVINCE_RUNS = Number(process.env.BENCH_PROVINCE_RUNS ?? 3);
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

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const out = join(dir, 'out');

const rows = [];
// The 300-school county, all three reports: the median of RUNS runs.
const county = join(dir, 'county-300.xlsx');
await generate(county, 300);
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
