// The byte-identity check for refactors: every report and every printed line of a frozen build
// against the current one, on every input the tests write and the fixtures.
//
//   node scripts/identity.mjs freeze            copies bin/ and dist/ to node_modules/.cache/identity-base
//   node scripts/identity.mjs collect           runs the tests, keeping each workbook and CSV they write
//   node scripts/identity.mjs compare [--jobs N] runs both builds on every input; lists what differs
//
// Freeze on the commit before the change (after `npm run build`), collect once, then compare after
// each step. Exit 1 when anything differs.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const cache = join(root, 'node_modules/.cache');
const base = join(cache, 'identity-base');
const inputs = join(cache, 'identity-inputs');
const work = join(cache, 'identity-work');
const [command = 'compare'] = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

const files = (dir) =>
  existsSync(dir)
    ? readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]))
    : [];
const sha = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);

if (command === 'freeze') {
  rmSync(base, { recursive: true, force: true });
  cpSync(join(root, 'bin'), join(base, 'bin'), { recursive: true });
  cpSync(join(root, 'dist'), join(base, 'dist'), { recursive: true });
  console.log(
    `froze ${relative(root, base)} (git ${spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim()})`,
  );
} else if (command === 'collect') {
  rmSync(inputs, { recursive: true, force: true });
  mkdirSync(inputs, { recursive: true });
  for (const f of [...files(join(root, 'fixtures')), ...files(join(root, 'test/fixtures'))])
    cpSync(f, join(inputs, relative(root, f).replaceAll('/', '__')));
  const run = spawnSync('npx', ['vitest', 'run'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BALANCE_CHECK_COLLECT_INPUTS: inputs },
  });
  console.log(`collected ${readdirSync(inputs).length} inputs (tests exit ${run.status})`);
} else if (command === 'compare') {
  const list = readdirSync(inputs).sort();
  const clis = { base: join(base, 'bin/balance-check.js'), now: join(root, 'bin/balance-check.js') };
  rmSync(work, { recursive: true, force: true });
  /** The invocations per input: the check with every report, validate as JSON and strict. */
  const runs = [];
  for (const name of list) {
    const input = join(inputs, name);
    runs.push({ id: `${name} check`, args: (out) => [input, '-o', out, '-f', 'xlsx,md,json'] });
    runs.push({ id: `${name} validate`, args: () => ['validate', input, '--json', '--strict'] });
  }
  const sample = join(root, 'fixtures/sample-county.xlsx');
  const csv = join(root, 'fixtures/sample-county.csv');
  runs.push({ id: 'compare', args: (out) => ['compare', csv, sample, '-o', out] });
  runs.push({ id: 'plan', args: () => ['plan', sample, '--json'] });
  runs.push({ id: 'plan text', args: () => ['plan', sample, '--unit-cost', '体育场馆=3000'] });
  // (Not the template: exceljs writes it with the time in docProps/core.xml.)
  for (const x of ['sports_space', '保障11', '巩固率']) runs.push({ id: `explain ${x}`, args: () => ['explain', x] });
  runs.push({ id: 'profiles', args: () => ['profiles'] });
  runs.push({ id: 'help', args: () => ['--help'] });

  const one = (cli, run, out) =>
    new Promise((done) => {
      mkdirSync(out, { recursive: true });
      const p = spawn(process.execPath, [cli, ...run.args(out)], { env: { ...process.env, NO_COLOR: '1' } });
      const stdoutChunks = [];
      const stderrChunks = [];
      p.stdout.on('data', (d) => stdoutChunks.push(d));
      p.stderr.on('data', (d) => stderrChunks.push(d));
      p.on('close', (code) => {
        // Joined as bytes, then decoded: a chunk may end inside a character.
        const stdout = Buffer.concat(stdoutChunks).toString('utf8');
        const stderr = Buffer.concat(stderrChunks).toString('utf8');
        const result = {
          exit: String(code),
          stdout: sha(stdout.split(out).join('<out>')),
          stderr: sha(stderr.split(out).join('<out>')),
        };
        for (const f of files(out).sort()) result[relative(out, f)] = sha(readFileSync(f));
        done(result);
      });
    });
  const jobs = Number(arg('jobs', availableParallelism()));
  let next = 0;
  let compared = 0;
  const differ = [];
  const worker = async () => {
    while (next < runs.length) {
      const i = next++;
      const run = runs[i];
      const a = await one(clis.base, run, join(work, 'base', String(i)));
      const b = await one(clis.now, run, join(work, 'now', String(i)));
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        compared++;
        if (a[k] !== b[k]) differ.push(`${run.id}: ${k}`);
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  rmSync(work, { recursive: true, force: true });
  console.log(`${runs.length} runs, ${compared} files and outputs compared, ${differ.length} differ`);
  for (const d of differ.sort()) console.log(`  differs: ${d}`);
  process.exit(differ.length ? 1 : 0);
} else {
  console.error(`unknown command ${command}: freeze | collect | compare`);
  process.exit(3);
}
