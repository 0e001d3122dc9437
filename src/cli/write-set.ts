/**
 * Writing reports as one set: every file to a temporary file beside its target first,
 * then all renamed into place. A failure (or SIGINT / SIGTERM) on the way removes the
 * temporary files and puts back any report already replaced, so a set is never left
 * half old, half new. Every file-system failure is a FatalError with its own code.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { FatalError } from '../issues/catalogue';

export interface OutputFile {
  path: string;
  /**
   * The bytes, or lines written one after another as they are produced (JSON Lines of a province),
   * or a spool that already holds them in the file's temporary file (LineSpool).
   */
  content: Buffer | Iterable<string> | LineSpool;
}

/** Writes lines to a file in blocks of about 1 MB: a province's JSON Lines are never one string. */
async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const file = await open(path, 'w');
  try {
    let block: string[] = [];
    let size = 0;
    for (const line of lines) {
      block.push(line);
      size += line.length;
      if (size >= 1 << 20) {
        await file.write(block.join(''));
        block = [];
        size = 0;
      }
    }
    if (block.length) await file.write(block.join(''));
  } finally {
    await file.close();
  }
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

/** Creates the output folder one level at a time (no recursive mkdir: it loops on /proc). */
export async function ensureFolder(folder: string): Promise<void> {
  ensureFolderSync(folder);
}

/** ensureFolder, at once (a few folders at most); returns the folders it made, outermost first. */
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
  private block: string[] = [];
  private size = 0;
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
      this.block.push(line);
      this.size += line.length;
      if (this.size >= 1 << 20) this.flush();
    }
    this.used = true;
  }

  /** Every line on disk, the file closed (writeSet then renames it into place). */
  finish(): void {
    this.flush();
    this.closeFile();
  }

  /** Removes the spool (and the folders it made for it, when still empty), unless writeSet has taken it. */
  discard(): void {
    this.closeFile();
    this.untrack();
    if (this.handedOver) return;
    if (pending.temps.delete(this.temp)) rmSync(this.temp, { force: true });
    for (const dir of this.folders.reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        break;
      }
    }
    this.folders = [];
  }

  private flush(): void {
    if (this.block.length === 0) return;
    try {
      if (this.fd === null) {
        this.folders = ensureFolderSync(dirname(this.path));
        removeStaleTemps(this.path);
        pending.temps.add(this.temp);
        this.track();
        this.fd = openSync(this.temp, 'w');
      }
      writeSync(this.fd, this.block.join(''));
    } catch (e) {
      throw outputError(e, this.path);
    }
    this.block = [];
    this.size = 0;
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
const pending = { temps: new Set<string>(), backups: new Map<string, string>() };

function undoSync() {
  for (const t of pending.temps) rmSync(t, { force: true });
  for (const [target, backup] of pending.backups) {
    try {
      renameSync(backup, target);
    } catch {
      /* the backup stays beside the target, visible */
    }
  }
  pending.temps.clear();
  pending.backups.clear();
}

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

function onSignal(signal: keyof typeof SIGNALS) {
  undoSync();
  process.stderr.write(`\n已中断（${signal}）：未写入报告，临时文件已删除。\n`);
  process.exit(SIGNALS[signal]);
}

/** Temporary files of an earlier run that was killed (SIGKILL cannot be caught): removed when their process is gone. */
function removeStaleTemps(path: string) {
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
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
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

export async function writeSet(files: readonly OutputFile[], outDir?: string): Promise<void> {
  if (outDir !== undefined) await ensureFolder(outDir);
  // Folders inside the output folder (the Markdown report's charts).
  for (const dir of new Set(files.map((f) => dirname(f.path))))
    if (dir !== outDir && dir !== '.') await ensureFolder(dir);
  checkTargets(files.map((f) => f.path));
  for (const f of files) removeStaleTemps(f.path);
  const handlers = (Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]).map((s) => [s, () => onSignal(s)] as const);
  for (const [s, h] of handlers) process.on(s, h);
  try {
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
    for (const f of files) {
      const tmp = tmpName(f.path, 'tmp');
      try {
        if (existsSync(f.path)) {
          const backup = tmpName(f.path, 'bak');
          await rename(f.path, backup);
          pending.backups.set(f.path, backup);
        }
        await rename(tmp, f.path);
        pending.temps.delete(tmp);
      } catch (e) {
        throw outputError(e, f.path);
      }
    }
    const backups = [...pending.backups.values()];
    pending.backups.clear();
    await Promise.all(backups.map((b) => rm(b, { force: true })));
  } catch (e) {
    undoSync();
    throw e;
  } finally {
    for (const [s, h] of handlers) process.off(s, h);
  }
}

/** One file (the template), with the same guarantees. */
export const writeAtomically = (path: string, content: Buffer) => writeSet([{ path, content }]);
