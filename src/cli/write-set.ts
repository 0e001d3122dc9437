/**
 * Writing reports as one set: every file to a temporary file beside its target first, then,
 * holding the output folder's lock (one run's set at a time), all renamed into place in one
 * synchronous step, which no signal handler can interrupt. A failure (or SIGINT / SIGTERM /
 * SIGHUP) before that removes the temporary files and any folder the run made, so the folder
 * holds the old set or the new one, whole, and nothing else. Every file-system failure is a
 * FatalError with its own code.
 */
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { open, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { append } from '../common/lookup';
import { Utf8Blocks } from '../common/utf8-blocks';
import { FatalError } from '../issues/catalogue';

export interface OutputFile {
  path: string;
  /**
   * The bytes, or lines written one after another as they are produced (JSON Lines of a province),
   * or a spool that already holds them in the file's temporary file (LineSpool).
   */
  content: Buffer | Iterable<string> | LineSpool;
}

/** Writes lines to a file in blocks of 1 MB of UTF-8 (Utf8Blocks): a province's JSON Lines are never one string. */
async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const file = await open(path, 'w');
  try {
    const blocks = new Utf8Blocks(LINE_BLOCK);
    for (const line of lines) {
      const done = blocks.add(line);
      if (done) for (const block of done) await writeAll(file, block);
    }
    const rest = blocks.rest();
    if (rest) await writeAll(file, rest);
  } finally {
    await file.close();
  }
}

/** Bytes of lines written to a file at a time. */
const LINE_BLOCK = 1 << 20;

/** Every byte written (a write may take fewer than it is given). */
async function writeAll(file: FileHandle, bytes: Buffer): Promise<void> {
  for (let at = 0; at < bytes.length;) at += (await file.write(bytes, at)).bytesWritten;
}

/** Directories that hold no files a user could write (Linux): Node's mkdir spins on /proc. */
const SPECIAL_ROOTS = ['/proc', '/sys', '/dev'];
const ALLOWED_UNDER_SPECIAL = ['/dev/shm'];

function specialRoot(path: string): string | null {
  if (process.platform === 'win32') return null;
  const full = resolve(path);
  const under = (root: string) => full === root || full.startsWith(`${root}${sep}`);
  if (ALLOWED_UNDER_SPECIAL.some(under)) return null;
  return SPECIAL_ROOTS.find(under) ?? null;
}

/** A Node file-system error as the catalogue error a user reads. */
export function outputError(e: unknown, path: string): FatalError {
  if (e instanceof FatalError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const root = specialRoot(path);
  if (root) return new FatalError('OUTPUT_SPECIAL_FILESYSTEM', { path, root });
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new FatalError('OUTPUT_NOT_WRITABLE', { path, reason: '没有写入权限' });
    case 'EROFS':
      return new FatalError('OUTPUT_NOT_WRITABLE', { path, reason: '位于只读的文件系统上' });
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return new FatalError('OUTPUT_DISK_FULL', { path });
    case 'ENOTDIR':
    case 'EEXIST':
      return new FatalError('OUTPUT_NOT_A_FOLDER', { path, reason: '路径中有一部分是文件' });
    case 'EISDIR':
      return new FatalError('OUTPUT_NAME_IS_FOLDER', { path });
    case 'ENAMETOOLONG':
      return new FatalError('OUTPUT_FAILED', { path, reason: '文件名或路径过长' });
    case 'ENOENT':
      return new FatalError('OUTPUT_FAILED', { path, reason: '此位置不存在，也不能在这里创建' });
    case 'EBUSY':
    case 'ETXTBSY':
      return new FatalError('OUTPUT_FAILED', {
        path,
        reason: '文件被占用，可能正在 Excel 或 WPS 中打开；请关闭后重试',
      });
    default:
      return new FatalError('OUTPUT_FAILED', { path, reason: `系统错误 ${code || (e as Error).message}` });
  }
}

/**
 * The folders to create for `folder`, outermost first (none when it exists). Walks up to
 * the nearest existing ancestor, which must be a folder; creates nothing.
 */
function missingFolders(folder: string): string[] {
  const root = specialRoot(folder);
  if (root) throw new FatalError('OUTPUT_SPECIAL_FILESYSTEM', { path: folder, root });
  const missing: string[] = [];
  for (let p = resolve(folder); ;) {
    try {
      const info = statSync(p);
      if (!info.isDirectory())
        throw new FatalError('OUTPUT_NOT_A_FOLDER', {
          path: p === resolve(folder) ? folder : p,
          reason: info.isFile() ? '已有同名文件' : '是设备或其他特殊文件',
        });
      return missing;
    } catch (e) {
      if (e instanceof FatalError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR')
        throw new FatalError('OUTPUT_NOT_A_FOLDER', { path: folder, reason: '路径中有一部分是文件' });
      if (code !== 'ENOENT') throw outputError(e, folder);
      missing.unshift(p);
      const up = dirname(p);
      if (up === p) return missing;
      p = up;
    }
  }
}

/** Before a long analysis: the output folder can be made (nothing is created yet). */
export function checkOutputFolder(folder: string): void {
  missingFolders(folder);
}

/**
 * Creates the folder one level at a time (no recursive mkdir: it loops on /proc), at once (a few
 * folders at most); returns the folders it made, outermost first.
 */
function ensureFolderSync(folder: string): string[] {
  const made: string[] = [];
  for (const dir of missingFolders(folder)) {
    try {
      mkdirSync(dir);
      made.push(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw outputError(e, folder);
    }
  }
  return made;
}

/**
 * Lines written, as they are produced, to the temporary file of a report that writeSet then
 * puts in place with the others (a province's JSON Lines, while its counties are computed: no
 * county's schools need be kept for them). Opened on the first line; until writeSet takes it, a
 * stop removes it (as writeSet's own temporary files), and `discard` does.
 */
export class LineSpool {
  readonly temp: string;
  private fd: number | null = null;
  private readonly blocks = new Utf8Blocks(LINE_BLOCK);
  /** Whether any line was written. */
  used = false;
  /** The folders made for the spool's file (removed with it if it is discarded). */
  private folders: string[] = [];
  private handedOver = false;

  constructor(readonly path: string) {
    this.temp = tmpName(path, 'tmp');
  }

  write(lines: Iterable<string>): void {
    for (const line of lines) {
      const done = this.blocks.add(line);
      if (done) for (const block of done) this.flush(block);
    }
    this.used = true;
  }

  /** Every line on disk, the file closed (writeSet then renames it into place). */
  finish(): void {
    const rest = this.blocks.rest();
    if (rest) this.flush(rest);
    this.closeFile();
  }

  /** Removes the spool (and the folders it made for it, when still empty), unless writeSet has taken it. */
  discard(): void {
    this.closeFile();
    this.untrack();
    if (this.handedOver) return;
    if (pending.temps.delete(this.temp)) rmSync(this.temp, { force: true });
    pending.folders = pending.folders.filter((dir) => !this.folders.includes(dir));
    removeFolders(this.folders);
    this.folders = [];
  }

  private flush(bytes: Buffer): void {
    try {
      if (this.fd === null) {
        this.folders = ensureFolderSync(dirname(this.path));
        append(pending.folders, this.folders);
        removeStaleTemps(this.path, false);
        pending.temps.add(this.temp);
        this.track();
        this.fd = openSync(this.temp, 'w');
      }
      for (let at = 0; at < bytes.length;) at += writeSync(this.fd, bytes, at);
    } catch (e) {
      throw outputError(e, this.path);
    }
  }

  /** Closed for good (-1): a line after finish() is a defect, not a new file. */
  private closeFile(): void {
    if (this.fd === null || this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
  }

  private handlers: (readonly [keyof typeof SIGNALS, () => void])[] = [];
  private track(): void {
    this.handlers = (Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]).map((s) => [s, () => onSignal(s)] as const);
    for (const [s, h] of this.handlers) process.on(s, h);
  }
  private untrack(): void {
    for (const [s, h] of this.handlers) process.off(s, h);
    this.handlers = [];
  }

  /** writeSet has it now: its signal handlers and undo take over. */
  handOver(): void {
    this.finish();
    this.untrack();
    this.handedOver = true;
  }
}

const tmpName = (path: string, tag: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${tag}`);

/** What to undo if the process is stopped now. */
const pending = {
  temps: new Set<string>(),
  /** Reports moved aside (target → backup), each recorded before its rename. */
  backups: new Map<string, string>(),
  /** New reports put where there was none. */
  placed: new Set<string>(),
  /** Folders this run made, outermost first. */
  folders: [] as string[],
  /** The output folder's lock, while held. */
  lock: null as string | null,
  /** The whole set is in place: a stop has nothing left to undo. */
  committed: false,
};

/** Puts the folder back as it was; returns the backups that could not be put back (left beside their report). */
function undoSync(): string[] {
  for (const t of pending.temps) rmSync(t, { force: true });
  const stranded: string[] = [];
  for (const [target, backup] of pending.backups)
    try {
      renameSync(backup, target);
    } catch (e) {
      // ENOENT: its rename had not happened.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') stranded.push(backup);
    }
  for (const p of pending.placed) rmSync(p, { force: true });
  releaseLock();
  removeFolders(pending.folders);
  pending.temps.clear();
  pending.backups.clear();
  pending.placed.clear();
  pending.folders = [];
  return stranded;
}

/** Removes the folders made (outermost first in `made`), innermost first, those that are empty. */
function removeFolders(made: readonly string[]) {
  for (let i = made.length - 1; i >= 0; i--) {
    try {
      rmdirSync(made[i]!);
    } catch {
      /* not empty: another run's files are in it */
    }
  }
}

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

function onSignal(signal: keyof typeof SIGNALS) {
  const committed = pending.committed;
  const stranded = undoSync();
  process.stderr.write(`\n已中断（${signal}）：${stopMessage(committed, stranded)}\n`);
  process.exit(SIGNALS[signal]);
}

function stopMessage(committed: boolean, stranded: readonly string[]): string {
  if (committed) return '本次报告已全部写入。';
  if (stranded.length === 0) return '本次报告未写入，原有报告未改动，临时文件已删除。';
  return `本次报告未写入；以下原有报告未能放回原处，仍在：${stranded.join('、')}`;
}

/**
 * Temporary files of an earlier run that was killed (SIGKILL cannot be caught): removed when their
 * process is gone. `restore`: its backups too (only while holding the folder's lock: a backup whose
 * report is missing is put back, which must not race another run's commit).
 */
function removeStaleTemps(path: string, restore: boolean) {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^\.(\d+)\.(tmp|bak)$/.exec(name.slice(prefix.length - 1)) : null;
    if (!m || (m[2] === 'bak' && !restore) || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    const full = join(dir, name);
    // A backup whose report is missing is the report: put it back rather than delete it.
    if (m[2] === 'bak' && !existsSync(path)) renameSync(full, path);
    else rmSync(full, { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Each target can be replaced by a file: not a folder, not a device, not on a special file system. */
export function checkTargets(paths: readonly string[]): void {
  for (const path of paths) {
    const root = specialRoot(path);
    if (root) throw new FatalError('OUTPUT_SPECIAL_FILESYSTEM', { path, root });
    let info;
    try {
      info = statSync(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR')
        throw new FatalError('OUTPUT_NOT_A_FOLDER', { path: dirname(path), reason: '路径中有一部分是文件' });
      if (code !== 'ENOENT') throw outputError(e, path);
      continue;
    }
    if (info.isDirectory()) throw new FatalError('OUTPUT_NAME_IS_FOLDER', { path });
    if (!info.isFile()) throw new FatalError('OUTPUT_FAILED', { path, reason: '已存在同名的设备或特殊文件' });
  }
}

/**
 * Writes the set: temporary files first (a stop or a failure removes them), then, holding the
 * folder's lock, every file renamed into place at once (commit). `lockWaitMs`: how long to wait
 * for another run's commit into the same folder.
 */
export async function writeSet(
  files: readonly OutputFile[],
  outDir?: string,
  lockWaitMs: number = LOCK_WAIT_MS,
): Promise<void> {
  if (files.length === 0) return;
  pending.committed = false;
  const handlers = (Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]).map((s) => [s, () => onSignal(s)] as const);
  for (const [s, h] of handlers) process.on(s, h);
  try {
    makeFolders(files, outDir);
    checkTargets(files.map((f) => f.path));
    for (const f of files) removeStaleTemps(f.path, false);
    await writeTemps(files);
    await lockFolder(outDir ?? dirname(files[0]!.path), lockWaitMs);
    commit(files);
  } catch (e) {
    undoSync();
    throw e;
  } finally {
    // A signal that came during the commit is handled now, while its handler can still say what happened:
    // the second immediate runs after one more poll of the event loop, where a pending signal is delivered.
    for (let i = 0; i < 2; i++) await new Promise((r) => setImmediate(r));
    for (const [s, h] of handlers) process.off(s, h);
  }
}

/** The output folder and the folders inside it (the Markdown report's charts), each made one recorded for undo. */
function makeFolders(files: readonly OutputFile[], outDir: string | undefined) {
  const folders = new Set(files.map((f) => dirname(f.path)));
  for (const dir of outDir !== undefined ? [outDir, ...folders] : folders)
    append(pending.folders, ensureFolderSync(dir));
}

async function writeTemps(files: readonly OutputFile[]) {
  for (const f of files) {
    const tmp = tmpName(f.path, 'tmp');
    pending.temps.add(tmp);
    try {
      if (f.content instanceof LineSpool) {
        // Already there, at this same temporary name (a spool without lines: an empty file).
        f.content.handOver();
        if (!existsSync(tmp)) await writeFile(tmp, '');
      } else if (Buffer.isBuffer(f.content)) await writeFile(tmp, f.content);
      else await writeLines(tmp, f.content);
    } catch (e) {
      throw outputError(e, f.path);
    }
  }
}

/**
 * Every file renamed into place, then the old reports removed and the lock released, in one
 * synchronous step: a signal meanwhile is handled after it, on a whole new set. A failure on the
 * way (a file held open elsewhere) throws, and writeSet's undo puts the old reports back.
 */
function commit(files: readonly OutputFile[]) {
  for (const f of files) removeStaleTemps(f.path, true);
  for (const f of files) place(f.path);
  removeBackups();
  pending.placed.clear();
  pending.folders = [];
  releaseLock();
  pending.committed = true;
}

/** One report into place; the old one, if any, moved aside first (recorded before the move). */
function place(path: string) {
  const tmp = tmpName(path, 'tmp');
  try {
    if (existsSync(path)) {
      const backup = tmpName(path, 'bak');
      pending.backups.set(path, backup);
      renameSync(path, backup);
    }
    renameSync(tmp, path);
    pending.temps.delete(tmp);
    if (!pending.backups.has(path)) pending.placed.add(path);
  } catch (e) {
    throw outputError(e, path);
  }
}

/** The old reports, once every new one is in place (one that cannot be removed now is a stale backup for the next run). */
function removeBackups() {
  const backups = [...pending.backups.values()];
  pending.backups.clear();
  for (const backup of backups)
    try {
      rmSync(backup, { force: true });
    } catch {
      /* removed by the next run into this folder */
    }
}

/** The output folder's lock: one run's commit at a time (two runs at once would each replace some files). */
const LOCK_NAME = '.balance-check.lock';
/** A commit holds the lock for milliseconds; a holder past this is stopped or hung, or the pid was reused. */
export const LOCK_WAIT_MS = 30_000;
/** A lock file without a pid (its run killed between creating and writing it) is stale after this. */
const EMPTY_LOCK_STALE_MS = 5_000;

/** Takes the folder's lock, waiting up to `waitMs` for a live holder; a dead holder's lock is taken over. */
async function lockFolder(dir: string, waitMs: number): Promise<void> {
  const lock = join(dir, LOCK_NAME);
  const started = Date.now();
  for (;;) {
    if (createLock(lock)) return;
    const holder = lockHolder(lock);
    if (holder === null) continue; // released meanwhile
    if (holder === 'stale') takeOverStale(lock);
    else if (Date.now() - started >= waitMs)
      throw new FatalError('OUTPUT_LOCKED', { path: dir, pid: holder.pid, seconds: Math.round(waitMs / 1000), lock });
    else await new Promise((r) => setTimeout(r, 50));
  }
}

/** Creates the lock holding this pid (exclusive create); false when it exists. */
function createLock(lock: string): boolean {
  let fd: number;
  try {
    fd = openSync(lock, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw outputError(e, lock);
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } catch (e) {
    closeSync(fd);
    rmSync(lock, { force: true });
    throw outputError(e, lock);
  }
  closeSync(fd);
  pending.lock = lock;
  return true;
}

/** The live holder's pid (as written), 'stale' when its process is gone, null when there is no lock now. */
function lockHolder(lock: string): { pid: string } | 'stale' | null {
  let text: string;
  let age: number;
  try {
    text = readFileSync(lock, 'utf8').trim();
    age = Date.now() - statSync(lock).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw outputError(e, lock);
  }
  if (!/^\d+$/.test(text)) return age > EMPTY_LOCK_STALE_MS ? 'stale' : { pid: '未知' };
  // A lock with this run's own pid is not this run's (it has none yet): a killed run's, its pid come round again.
  return Number(text) !== process.pid && alive(Number(text)) ? { pid: text } : 'stale';
}

/**
 * Removes a dead run's lock. Moved aside first and checked: if another run took it over and made
 * its own lock in between, that lock (not stale) is put back rather than deleted.
 */
function takeOverStale(lock: string) {
  const aside = `${lock}.${process.pid}`;
  try {
    renameSync(lock, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw outputError(e, lock);
  }
  if (lockHolder(aside) !== 'stale')
    try {
      linkSync(aside, lock);
    } catch {
      /* a third run has made the lock meanwhile */
    }
  rmSync(aside, { force: true });
}

/** Removes the lock if it is still this run's. */
function releaseLock() {
  const lock = pending.lock;
  pending.lock = null;
  if (lock === null) return;
  try {
    if (readFileSync(lock, 'utf8').trim() === String(process.pid)) rmSync(lock);
  } catch {
    /* gone already */
  }
}

/** One file (the template), with the same guarantees. */
export const writeAtomically = (path: string, content: Buffer) => writeSet([{ path, content }]);
