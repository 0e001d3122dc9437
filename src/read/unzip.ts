/**
 * Reads the entries of a zip archive (stored or deflated), as .xlsx packages are.
 * Bounded: an entry is inflated only when asked for, and never past the size limits
 * (checked by zlib while it inflates, not trusted from the headers).
 */
import * as zlib from 'node:zlib';
import { crc32 } from '../common/crc32';
import { UnreadableFileError } from './types';

export class ZipFormatError extends Error {}

/** How much an input may inflate to. */
export interface InflateLimits {
  /** Bytes one entry may inflate to. */
  entryBytes: number;
  /** Bytes all inflated entries together may take. */
  totalBytes: number;
}

export const MB = 1024 * 1024;
/**
 * A national roll-up (260 000 rows) is about 140 MB of sheet XML; V8 cannot hold a
 * string much over 512 MB. So: 400 MB an entry, 1 GB in all, by default.
 */
export const DEFAULT_LIMITS: InflateLimits = { entryBytes: 400 * MB, totalBytes: 1024 * MB };
/** The largest entry a string can be made of (V8's string length limit, with a margin). */
export const MAX_ENTRY_BYTES = 500 * MB;

/** `--max-inflate <MB>`: the total; an entry may take up to the string limit of it. */
export function limitsFromMegabytes(mb: number): InflateLimits {
  return { entryBytes: Math.min(MAX_ENTRY_BYTES, mb * MB), totalBytes: mb * MB };
}

interface Entry {
  name: string;
  method: number;
  start: number;
  size: number;
  /** The inflated size the central directory declares: a hint for the output buffer, never trusted for the limits. */
  declared: number;
  /** The CRC-32 of the inflated bytes, as the central directory records it. */
  crc: number;
}

/**
 * zlib's output chunk for an entry: its declared size and a byte, so that a true declaration
 * inflates into one buffer (52 MB of sheet XML are otherwise gathered in 16 KB chunks and copied
 * together, twice the memory at the peak). Bounded by the room left and by deflate's largest
 * ratio (1 032 : 1), so a false declaration costs at most an unused allocation of that size.
 */
function outputChunk(entry: Entry, room: number): number {
  const MIN = 16 * 1024;
  return Math.max(MIN, Math.min(entry.declared + 1, entry.size * 1032 + 1, room + 1, 2 ** 30));
}

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;

  constructor(
    private readonly buffer: Buffer,
    private readonly limits: InflateLimits = DEFAULT_LIMITS,
    private readonly label = '',
  ) {
    const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0 || eocd + 22 > buffer.length) throw new ZipFormatError('no end of central directory');
    const count = buffer.readUInt16LE(eocd + 10);
    let p = buffer.readUInt32LE(eocd + 16);
    const spans: [number, number][] = [];
    for (let i = 0; i < count; i++) {
      if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== 0x02014b50)
        throw new ZipFormatError('corrupt central directory');
      const flags = buffer.readUInt16LE(p + 8);
      const method = buffer.readUInt16LE(p + 10);
      const crc = buffer.readUInt32LE(p + 16);
      const size = buffer.readUInt32LE(p + 20);
      const declared = buffer.readUInt32LE(p + 24);
      const nameLength = buffer.readUInt16LE(p + 28);
      const extraLength = buffer.readUInt16LE(p + 30);
      const commentLength = buffer.readUInt16LE(p + 32);
      const local = buffer.readUInt32LE(p + 42);
      if (p + 46 + nameLength > buffer.length) throw new ZipFormatError('corrupt central directory');
      const name = buffer.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
      if (flags & 1) throw new ZipFormatError('encrypted entry');
      if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50)
        throw new ZipFormatError('corrupt local header');
      const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
      if (start + size > buffer.length) throw new ZipFormatError('entry past the end of the file');
      if (method !== 0 && method !== 8) throw new ZipFormatError(`compression method ${method}`);
      // Two names for one entry, or entries sharing bytes, are how zip bombs multiply: refused.
      if (this.entries.has(name)) throw new ZipFormatError(`duplicate entry ${name}`);
      this.entries.set(name, { name, method, start, size, declared, crc });
      spans.push([local, start + size]);
      p += 46 + nameLength + extraLength + commentLength;
    }
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++)
      if (spans[i]![0] < spans[i - 1]![1]) throw new ZipFormatError('overlapping entries');
  }

  get names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, or undefined when there is no such entry. Throws when it inflates past a limit. */
  get(name: string): Buffer | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const raw = this.buffer.subarray(entry.start, entry.start + entry.size);
    const room = Math.min(this.limits.entryBytes, this.limits.totalBytes - this.inflated);
    let data: Buffer;
    if (entry.method === 0) data = raw;
    else {
      try {
        data = zlib.inflateRawSync(raw, {
          maxOutputLength: Math.max(1, room + 1),
          chunkSize: outputChunk(entry, room),
        });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError)
          throw this.tooLarge(name);
        throw new ZipFormatError(`inflate ${name}: ${(e as Error).message}`);
      }
    }
    if (data.length > room) throw this.tooLarge(name);
    // Bit rot in a stored entry (or a deflated one whose stream still inflates) is found only here.
    if (crc32(data) !== entry.crc) throw new ZipFormatError(`crc ${name}`);
    this.inflated += data.length;
    return data;
  }

  private tooLarge(name: string): UnreadableFileError {
    const byTotal = this.limits.totalBytes - this.inflated < this.limits.entryBytes;
    const limit = byTotal ? this.limits.totalBytes : this.limits.entryBytes;
    return new UnreadableFileError(
      `无法读取“${this.label}”：${byTotal ? '全部内容合计' : `其中的“${name}”`}解压后超过 ${Math.round(limit / MB)} MB，` +
        '可能是压缩炸弹或异常文件，已停止读取。确为正常的超大文件时，可用 --max-inflate <MB> 提高上限',
      'FILE_TOO_LARGE',
    );
  }
}

/** Every entry, inflated (within the default limits). */
export function unzip(buffer: Buffer, limits: InflateLimits = DEFAULT_LIMITS): Map<string, Buffer> {
  const archive = new ZipArchive(buffer, limits);
  return new Map(archive.names.map((n) => [n, archive.get(n)!]));
}
