/**
 * Issue 27, writing the report set: a stop at any step of the write, a full disk, and two runs into one
 * folder at once each leave the folder holding the old set or the new one, whole, and nothing else (no
 * temporary file, backup, lock or stray folder). The CLI runs with test/helpers/fs-faults.cjs preloaded,
 * which signals, fails or slows the write at a chosen step (so each step is a trial, not a race).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { FatalError } from '../src/issues/catalogue';
import { LineSpool, writeSet } from '../src/cli/write-set';
import { tmp } from './helpers/files';

const BIN = resolve('bin/balance-check.js');
const HOOK = resolve('test/helpers/fs-faults.cjs');
const OLD_INPUT = resolve('fixtures/sample-county.xlsx');
const ALL = ['-f', 'xlsx,md,json', '-q'];

interface Fault {
  dir: string;
  fault: string;
  log?: string;
}

function runCli(input: string, out: string, args: string[], fault?: Fault) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  if (fault) {
    env.BALANCE_CHECK_FAULT_DIR = fault.dir;
    env.BALANCE_CHECK_FAULT = fault.fault;
    if (fault.log) env.BALANCE_CHECK_FAULT_LOG = fault.log;
  }
  const child = spawn(process.execPath, ['--require', HOOK, BIN, input, '-o', out, ...args], { env });
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (text += d.toString('utf8')));
  return new Promise<{ code: number | null; out: string }>((done) =>
    child.on('close', (code) => done({ code, out: text })),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the tasks, `limit` at a time. */
async function pool<T>(tasks: (() => Promise<T>)[], limit = 4): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/** Everything in a folder, hidden files and folders included: relative path → bytes, or 'folder'. */
function snapshot(dir: string): Map<string, Buffer | 'folder'> {
  const all = new Map<string, Buffer | 'folder'>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = join(dir, name);
    all.set(name, statSync(full).isDirectory() ? 'folder' : readFileSync(full));
  }
  return all;
}

/** 'old' or 'new' when the folder holds exactly that set; otherwise what differs from the nearer one. */
function whichSet(dir: string, old: Map<string, Buffer | 'folder'>, fresh: Map<string, Buffer | 'folder'>) {
  const now = snapshot(dir);
  const same = (a: Buffer | 'folder' | undefined, b: Buffer | 'folder' | undefined) =>
    a === b || (Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b));
  const diff = (set: Map<string, Buffer | 'folder'>) =>
    [...new Set([...set.keys(), ...now.keys()])].filter((k) => !same(set.get(k), now.get(k))).sort();
  const [toOld, toNew] = [diff(old), diff(fresh)];
  if (toOld.length === 0) return 'old';
  if (toNew.length === 0) return 'new';
  return `mixed: ${(toOld.length <= toNew.length ? toOld : toNew).join(', ')}`;
}

let newInput: string;
let oldDir: string;
let OLD: Map<string, Buffer | 'folder'>;
let NEW: Map<string, Buffer | 'folder'>;

beforeAll(async () => {
  // The new set: the sample with two schools' student numbers changed, so that every one of its 17 files differs.
  const text = iconv
    .decode(readFileSync('fixtures/sample-county.csv'), 'gb18030')
    .replace(',城关学区,2051,', ',城关学区,2251,')
    .replace(',城关学区,,1754,', ',城关学区,,1954,');
  newInput = join(tmp(), 'sample-county.csv');
  writeFileSync(newInput, text);
  oldDir = tmp();
  const newDir = tmp();
  expect((await runCli(OLD_INPUT, oldDir, ALL)).code).toBe(0);
  expect((await runCli(newInput, newDir, ALL)).code).toBe(0);
  [OLD, NEW] = [snapshot(oldDir), snapshot(newDir)];
  const files = [...OLD.keys()].filter((k) => OLD.get(k) !== 'folder');
  expect(files).toHaveLength(17);
  expect(files.filter((k) => (OLD.get(k) as Buffer).equals(NEW.get(k) as Buffer))).toEqual([]);
}, 60_000);

/** A folder holding the old set (a copy of it). */
function withOldSet(): string {
  const dir = tmp();
  cpSync(oldDir, dir, { recursive: true });
  return dir;
}

describe('a stop (SIGINT) at any step of the write: the old set or the new, whole, and a true message', () => {
  /** Steps of the write: each file written, renamed and removed in the output folder, as the hook counts them. */
  async function stepsOf(dir: () => string): Promise<number> {
    const log = join(tmp(), 'steps.log');
    const out = dir();
    expect((await runCli(newInput, out, ALL, { dir: out, fault: 'signal:0', log })).code).toBe(0);
    return readFileSync(log, 'utf8').trim().split('\n').length;
  }

  it.each([
    ['over an old set', withOldSet, () => OLD],
    ['into an empty folder', () => tmp(), () => new Map<string, Buffer | 'folder'>()],
  ])(
    '%s',
    async (_, folder, before) => {
      const total = await stepsOf(folder);
      // Every third step and the last: each phase (temporary files, moves aside, renames, removals) is hit.
      const steps = Array.from({ length: total }, (_, i) => i + 1).filter((n) => n % 3 === 1 || n === total);
      const trials = await pool(
        steps.map((step) => async () => {
          const dir = folder();
          const r = await runCli(newInput, dir, ALL, { dir, fault: `signal:${step}` });
          const set = whichSet(dir, before(), NEW);
          const told = /已全部写入/.test(r.out) ? 'new' : /未写入/.test(r.out) ? 'old' : r.out;
          return { step, set, told, code: r.code };
        }),
      );
      expect(trials.filter((t) => t.set !== t.told || t.code !== 130)).toEqual([]);
      // Both outcomes occur: the stops before the commit undo it, those during it are handled after it.
      expect(new Set(trials.map((t) => t.set))).toEqual(new Set(['old', 'new']));
    },
    180_000,
  );
});

describe('a full disk', () => {
  it('keeps the old reports and leaves no folder it made (the Markdown report’s charts), at any file', async () => {
    const partial = new Map([...OLD].filter(([name]) => !name.includes('charts') && !name.endsWith('.md')));
    const trials = await pool(
      [1, 3, 17].map((write) => async () => {
        const dir = tmp();
        for (const [name, content] of partial) writeFileSync(join(dir, name), content);
        const r = await runCli(newInput, dir, ALL, { dir, fault: `enospc:${write}` });
        return { write, code: r.code, fatal: /\[OUTPUT_DISK_FULL\]/.test(r.out), set: whichSet(dir, partial, NEW) };
      }),
    );
    expect(trials).toEqual([1, 3, 17].map((write) => ({ write, code: 3, fatal: true, set: 'old' })));
  }, 60_000);

  it('a new output folder (-o a/b) is removed with its parents made for it', async () => {
    const parent = tmp();
    const r = await runCli(newInput, join(parent, 'a', 'b'), ALL, { dir: parent, fault: 'enospc:2' });
    expect(r.code).toBe(3);
    expect(r.out).toContain('[OUTPUT_DISK_FULL]');
    expect(readdirSync(parent)).toEqual([]);
  }, 30_000);
});

describe('two runs into one folder at once', () => {
  it('the folder ends with one run’s set, whole: the second run waits for the first’s commit', async () => {
    const dir = tmp();
    const log = join(tmp(), 'a.log');
    // Run A's renames 200 ms slower each; run B starts once A has put its first report in place, and
    // would finish its own renames in the middle of A's.
    const a = runCli(OLD_INPUT, dir, ALL, { dir, fault: 'slow:200', log });
    while (!(existsSync(log) && readFileSync(log, 'utf8').includes('rename '))) await sleep(5);
    const b = await runCli(newInput, dir, ALL);
    expect([(await a).code, b.code]).toEqual([0, 0]);
    expect(whichSet(dir, OLD, NEW)).toBe('new');
  }, 60_000);

  it('a lock whose process is gone (a run killed outright) is taken over, and removed after', async () => {
    const dir = tmp();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dir, '.balance-check.lock'), `${dead}\n`);
    const r = await runCli(newInput, dir, ALL);
    expect(r.code).toBe(0);
    expect(whichSet(dir, OLD, NEW)).toBe('new');
  }, 30_000);

  it('a lock holding this run’s own pid (a killed run’s, its pid come round again) is taken over', async () => {
    const dir = tmp();
    writeFileSync(join(dir, '.balance-check.lock'), `${process.pid}\n`);
    await writeSet([{ path: join(dir, 'r.md'), content: Buffer.from('new') }], dir, 300);
    expect(readdirSync(dir)).toEqual(['r.md']);
  });

  it('a live holder past the wait: its own code and a Chinese message naming the folder; nothing written', async () => {
    const dir = tmp();
    const lock = join(dir, '.balance-check.lock');
    writeFileSync(lock, `${process.ppid}\n`); // a live process
    const write = writeSet([{ path: join(dir, 'r.md'), content: Buffer.from('new') }], dir, 300);
    const e = await write.then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(FatalError);
    expect(e).toMatchObject({ code: 'OUTPUT_LOCKED' });
    expect((e as FatalError).message).toContain(`“${dir}”`);
    expect((e as FatalError).message).toContain(String(process.ppid));
    expect(readdirSync(dir)).toEqual(['.balance-check.lock']);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.ppid}\n`);
  });
});

describe('lines written in blocks (Utf8Blocks)', () => {
  it('a spool and a set written from lines hold the lines joined, byte for byte, past many blocks', async () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => `{"school":"第${i}小学😀","n":${i / 3}}\n`);
    const dir = tmp();
    const spool = new LineSpool(join(dir, 'a.jsonl'));
    spool.write(lines.slice(0, 35_000));
    spool.write(lines.slice(35_000));
    await writeSet(
      [
        { path: join(dir, 'a.jsonl'), content: spool },
        { path: join(dir, 'b.jsonl'), content: lines },
      ],
      dir,
    );
    const whole = Buffer.from(lines.join(''), 'utf8');
    expect(whole.length).toBeGreaterThan(2 << 20);
    expect(readFileSync(join(dir, 'a.jsonl')).equals(whole)).toBe(true);
    expect(readFileSync(join(dir, 'b.jsonl')).equals(whole)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['a.jsonl', 'b.jsonl']);
  });
});
