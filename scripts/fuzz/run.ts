/**
 * `npm run fuzz [-- --count N --seed S --jobs J --timeout SEC --mem MB --from I --cli PATH --second-round]`
 * (`--second-round`: only the classes issue 27 added — large valid tables, extreme numbers, control characters, bit rot)
 *
 * Runs the built CLI (a whole process, as a user or CI would) on seeded mutations of the
 * fixtures. Each input must end with exit 0–3 within the time limit, with no internal
 * error or stack trace, no report written on an error exit, no temporary file left,
 * the input unchanged, and peak memory under the cap. A failing input is saved under
 * fuzz-failures/ with what went wrong; make it a fixture in test/fixtures/fuzz/ with a test.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { unzip } from '../../src/read/unzip';
import { mutate, type Fixtures, type FuzzInput } from './mutate';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const count = arg('count', 200);
const seed = arg('seed', 1);
const from = arg('from', 0);
const jobs = arg('jobs', Math.max(1, availableParallelism()));
const timeoutMs = arg('timeout', 30) * 1000;
const memCapMb = arg('mem', 1024);
const secondRoundOnly = process.argv.includes('--second-round');

const root = resolve(import.meta.dirname ?? '.', '../..');
/** `--cli PATH`: another build of bin/balance-check.js (a frozen copy while the tree changes). */
const cliAt = process.argv.indexOf('--cli');
const cli = cliAt > 0 ? resolve(process.argv[cliAt + 1]!) : join(root, 'bin/balance-check.js');
const rssProbe = join(root, 'scripts/fuzz/rss-probe.cjs');

const fixtures: Fixtures = {
  xlsx: ['fixtures/sample-county.xlsx', 'fixtures/sample-county.libreoffice.xlsx', 'fixtures/broken/errors.xlsx'].map(
    (f) => readFileSync(join(root, f)),
  ),
  csvUtf8: iconv.decode(readFileSync(join(root, 'fixtures/sample-county.csv')), 'gb18030'),
};

interface Outcome {
  index: number;
  kind: string;
  exit: number | null;
  signal: string | null;
  ms: number;
  rssMb: number | null;
  problems: string[];
}

/** Whether the input's text (a CSV's, or any entry of an .xlsx) holds the word. */
function inputHolds(input: FuzzInput, word: string): boolean {
  if (input.ext === 'csv') return input.data.toString('utf8').includes(word);
  try {
    return [...unzip(input.data).values()].some((b) => b.toString('utf8').includes(word));
  } catch {
    return true;
  }
}

/** The text reports (Markdown, JSON, the charts' SVG) a run wrote. */
function reportTexts(outDir: string): { name: string; body: string }[] {
  const texts: { name: string; body: string }[] = [];
  const walk = (d: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(md|json|jsonl|svg)$/.test(e.name)) texts.push({ name: e.name, body: readFileSync(p, 'utf8') });
    }
  };
  walk(outDir);
  return texts;
}

const work = mkdtempSync(join(tmpdir(), 'balance-check-fuzz-'));
const failuresDir = join(root, 'fuzz-failures');

/** The file test/helpers/fs-faults.cjs preloads to stop a run at a chosen file operation. */
const faults = join(root, 'test/helpers/fs-faults.cjs');

/** A file set as names and content hashes, for comparing folders. */
function setOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else
        files.set(
          `${prefix}${e.name}`,
          createHash('sha256')
            .update(readFileSync(join(d, e.name)))
            .digest('hex'),
        );
    }
  };
  walk(dir, '');
  return files;
}
const sameSet = (a: Map<string, string>, b: Map<string, string>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** One whole-process run, to its end. */
function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  preload: string[] = [],
): Promise<{ exit: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [...preload, cli, ...args], { env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (exit) => {
      clearTimeout(timer);
      done({ exit, out });
    });
  });
}

/** Signal during commit: the old set, then the new input stopped at one file operation; the folder holds one set, whole. */
async function signalTrial(index: number, input: FuzzInput): Promise<Outcome> {
  const dir = join(work, String(index));
  const started = Date.now();
  const file = join(dir, `input.${input.ext}`);
  const folder = join(dir, 'out');
  const fresh = join(dir, 'fresh');
  mkdirSync(dir);
  const args = (out: string) => [file, '-o', out, '-f', 'xlsx,md,json', '-q'];
  writeFileSync(file, input.data);
  await runCli(args(fresh));
  writeFileSync(file, input.signal!.old);
  await runCli(args(folder));
  const oldSet = setOf(folder);
  const newSet = setOf(fresh);
  writeFileSync(file, input.data);
  const { exit, out } = await runCli(
    args(folder),
    { BALANCE_CHECK_FAULT_DIR: folder, BALANCE_CHECK_FAULT: `signal:${input.signal!.at}` },
    ['--require', faults],
  );
  const now = setOf(folder);
  const problems: string[] = [];
  if (oldSet.size < 10 || newSet.size !== oldSet.size)
    problems.push(`the trial's two sets were not made (${oldSet.size}, ${newSet.size})`);
  else if (!sameSet(now, oldSet) && !sameSet(now, newSet))
    problems.push(
      `after SIGINT at step ${input.signal!.at} the folder holds neither set: ${[...now.keys()].join(', ')}`,
    );
  if (/内部错误|\n\s+at .+:\d+:\d+/.test(out)) problems.push('an internal error or stack trace');
  if (problems.length) {
    mkdirSync(failuresDir, { recursive: true });
    writeFileSync(
      join(failuresDir, `seed${seed}-${index}-${input.kind}.json`),
      JSON.stringify({ seed, index, at: input.signal!.at, exit, problems, output: out.slice(0, 4000) }, null, 2),
    );
  }
  rmSync(dir, { recursive: true, force: true });
  return { index, kind: input.kind, exit, signal: null, ms: Date.now() - started, rssMb: null, problems };
}

function runOne(index: number): Promise<Outcome> {
  const input: FuzzInput = mutate(seed, index, fixtures, secondRoundOnly);
  if (input.signal) return signalTrial(index, input);
  const dir = join(work, String(index));
  mkdirSync(dir);
  const file = join(dir, `input.${input.ext}`);
  writeFileSync(file, input.data);
  const hash = createHash('sha256').update(input.data).digest('hex');
  let outDir = join(dir, 'out');
  if (input.badOutput === 'file') writeFileSync((outDir = join(dir, 'a-file')), 'x');
  if (input.badOutput === 'proc') outDir = '/proc/balance-check-fuzz';
  if (input.badOutput === 'dev') outDir = '/dev/full';
  if (input.badOutput === 'folder-name') mkdirSync(join(outDir, 'input.report.md'), { recursive: true });
  const validate = index % 5 === 4 && !input.badOutput;
  const args = validate
    ? ['validate', file, '--json', ...(input.args ?? [])]
    : [file, '-o', outDir, '-f', 'xlsx,md,json', '-q', ...(input.args ?? [])];
  const started = Date.now();
  const limitMs = input.timeout ? input.timeout * 1000 : timeoutMs;
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--require', rssProbe, cli, ...args], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let rss = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.length < 1e6 && out.length < 1e6 ? d.toString() : ''));
    child.stderr!.on('data', (d: Buffer) => (out += out.length < 1e6 ? d.toString() : ''));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => (rss += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('close', (exit, signal) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      const rssMb = rss ? Number(rss) / 1024 : null;
      const problems: string[] = [];
      if (timedOut) problems.push(`hang: killed after ${limitMs / 1000} s`);
      else if (signal) problems.push(`killed by ${signal}`);
      else if (exit === null || exit > 3) problems.push(`exit ${exit}`);
      if (/内部错误/.test(out)) problems.push(`internal error: ${/内部错误[^\n]*/.exec(out)![0].slice(0, 300)}`);
      if (/\n\s+at .+:\d+:\d+\)?\n/.test(out) || /(?:^|\n)(?:\w*Error|RangeError|TypeError):/.test(out))
        problems.push('a stack trace or raw JavaScript error reached the user');
      if (rssMb !== null && rssMb > memCapMb) problems.push(`peak RSS ${Math.round(rssMb)} MB > ${memCapMb} MB`);
      if (createHash('sha256').update(readFileSync(file)).digest('hex') !== hash)
        problems.push('the input file was modified');
      if (!validate && !input.badOutput) {
        let written: string[] = [];
        try {
          written = readdirSync(outDir);
        } catch {
          /* not created */
        }
        const inCharts = written
          .filter((n) => n.endsWith('.charts'))
          .flatMap((d) => readdirSync(join(outDir, d)).map((n) => `${d}/${n}`));
        const temps = [...written, ...inCharts].filter((n) => n.startsWith('.') || n.includes('/.'));
        if (temps.length) problems.push(`temporary files left: ${temps.join(', ')}`);
        const reports = written.filter((n) => /\.report\.(xlsx|md|json)$/.test(n));
        if ((exit === 2 || exit === 3) && inCharts.length) problems.push(`exit ${exit} but charts written`);
        if ((exit === 2 || exit === 3) && reports.length)
          problems.push(`exit ${exit} but reports written: ${reports.join(', ')}`);
        if ((exit === 0 || exit === 1) && reports.length !== 3)
          problems.push(`exit ${exit} but ${reports.length} of 3 reports written`);
      }
      if (input.valid && exit !== 0 && exit !== 1 && !timedOut) problems.push(`a valid table gave exit ${exit}`);
      if (input.damaged && exit !== 3 && !timedOut) problems.push(`a damaged entry was read as whole: exit ${exit}`);
      if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(out))
        problems.push('a control character reached the terminal');
      if (!validate && !input.badOutput) {
        for (const text of reportTexts(outDir)) {
          // A hostile text (a header or name "NaN") comes back as written: only a word the input does not hold counts.
          const word = /\bNaN\b|Infinity/.exec(text.body)?.[0];
          if (word && !inputHolds(input, word)) problems.push(`${word} in ${text.name}`);
          if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text.body))
            problems.push(`a control character in ${text.name}`);
        }
      }
      if (input.badOutput && exit !== 3 && !timedOut)
        problems.push(`a bad output path (${input.badOutput}) gave exit ${exit}, not 3`);
      if (input.badOutput === 'folder-name') {
        const left = readdirSync(join(dir, 'out')).filter((n) => n !== 'input.report.md');
        if (left.length) problems.push(`a report name taken by a folder, yet files were written: ${left.join(', ')}`);
      }
      if (problems.length) {
        mkdirSync(failuresDir, { recursive: true });
        const name = `seed${seed}-${index}-${input.kind}`;
        writeFileSync(join(failuresDir, `${name}.${input.ext}`), input.data);
        writeFileSync(
          join(failuresDir, `${name}.json`),
          JSON.stringify(
            { seed, index, kind: input.kind, args, exit, signal, ms, problems, output: out.slice(0, 4000) },
            null,
            2,
          ),
        );
      }
      rmSync(dir, { recursive: true, force: true });
      done({ index, kind: input.kind, exit, signal, ms, rssMb, problems });
    });
  });
}

const outcomes: Outcome[] = [];
let next = from;
const end = from + count;
const started = Date.now();
async function worker() {
  while (next < end) {
    const i = next++;
    const o = await runOne(i);
    outcomes.push(o);
    if (o.problems.length) process.stdout.write(`\n✗ #${i} ${o.kind}: ${o.problems.join('; ')}\n`);
    if (process.stdout.isTTY) process.stdout.write(`\r${outcomes.length}/${count}`);
  }
}
await Promise.all(Array.from({ length: jobs }, worker));
rmSync(work, { recursive: true, force: true });

const failed = outcomes.filter((o) => o.problems.length);
const byExit = new Map<string, number>();
for (const o of outcomes) byExit.set(String(o.exit ?? o.signal), (byExit.get(String(o.exit ?? o.signal)) ?? 0) + 1);
const kinds = new Map<string, number>();
for (const o of outcomes) kinds.set(o.kind.replace(/-(bom)$/, ''), (kinds.get(o.kind) ?? 0) + 1);
const slowest = [...outcomes].sort((a, b) => b.ms - a.ms)[0];
const maxRss = Math.max(0, ...outcomes.map((o) => o.rssMb ?? 0));
const count_ = (p: RegExp) => failed.filter((o) => o.problems.some((x) => p.test(x))).length;
console.log(
  `\nfuzz: seed ${seed}, inputs ${from}–${end - 1} (${count}), ${jobs} jobs, ${((Date.now() - started) / 1000).toFixed(0)} s\n` +
    `  exit codes: ${[...byExit]
      .sort()
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}\n` +
    `  mutation classes: ${kinds.size}; slowest ${slowest ? `${(slowest.ms / 1000).toFixed(1)} s (${slowest.kind})` : '—'}; peak RSS ${Math.round(maxRss)} MB\n` +
    `  internal errors: ${count_(/internal error/)}, hangs: ${count_(/hang/)}, crashes: ${count_(/killed by|exit \d|stack trace/)}, over memory: ${count_(/RSS/)}, other: ${failed.length - count_(/internal error|hang|killed by|exit \d|stack trace|RSS/)}\n` +
    (failed.length ? `  ${failed.length} failing inputs saved in fuzz-failures/` : '  no failures'),
);
process.exit(failed.length ? 1 : 0);
