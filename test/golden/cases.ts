/**
 * The reports of a fixed set of inputs, as SHA-256 per file and stdout: a refactor for speed must
 * leave them byte-identical. `node scripts/run-ts.mjs test/golden/print.ts > test/golden/manifest.json`
 * on the commit before a change writes the manifest the test compares with.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { messyCounty, province } from '../helpers/counties';
import { tmp } from '../helpers/files';

const root = process.cwd();

const fixture = (path: string) => {
  const copy = join(tmp(), path.split('/').pop()!);
  copyFileSync(join(root, path), copy);
  return copy;
};

export async function cases(): Promise<Record<string, { input: string; args: string[] }>> {
  return {
    sample: { input: fixture('fixtures/sample-county.xlsx'), args: [] },
    'sample-csv': { input: fixture('fixtures/sample-county.csv'), args: [] },
    'sample-libreoffice': { input: fixture('fixtures/sample-county.libreoffice.xlsx'), args: [] },
    'books-2012': { input: fixture('fixtures/vectors/cv-books-5-schools.csv'), args: ['--profile', 'jiben-2012'] },
    messy: { input: await messyCounty(), args: ['--year', '2025'] },
    'province-3': { input: await province(3), args: [] },
    'province-30': { input: await province(30), args: [] },
  };
}

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Runs the built CLI on each case: every report file's hash, and the terminal output's. */
export async function hashes(
  cli = join(root, 'bin', 'balance-check.js'),
): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [name, c] of Object.entries(await cases())) {
    const dir = tmp();
    const run = spawnSync(process.execPath, [cli, c.input, '-o', dir, '--format', 'xlsx,md,json', ...c.args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const result: Record<string, string> = {
      exit: String(run.status),
      stdout: sha(run.stdout.split(dir).join('<out>')),
    };
    for (const f of files(dir).sort()) result[relative(dir, f)] = sha(readFileSync(f));
    out[name] = result;
  }
  return out;
}
