/**
 * A minimal zip writer (deflate via node's zlib). Every entry carries one fixed
 * timestamp, so the same content always gives the same bytes.
 */
import * as zlib from 'node:zlib';
import { crc32 } from '../../common/crc32';
import { Utf8Blocks } from '../../common/utf8-blocks';

/** 1980-01-01 00:00, the zip epoch. */
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;
const UTF8_FLAG = 0x0800;

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** An entry deflated ahead of the archive (a sheet, as soon as it is serialised: its text need not wait). */
export interface PackedEntry {
  name: string;
  packed: Buffer;
  crc: number;
  size: number;
}

export function packEntry(name: string, data: Buffer): PackedEntry {
  return { name, packed: zlib.deflateRawSync(data, { level: 1 }), crc: crc32(data), size: data.length };
}

/** Bytes of text gathered before they go to the compressor (a block, not the sheet, is held at a time). */
const BLOCK = 256 * 1024;
/** Blocks written to the compressor and not yet taken by it, before the text's maker waits. */
const MAX_PENDING = 8;

/**
 * An entry's text packed as it is made: the pieces (a sheet's rows) are written as UTF-8 into blocks of
 * BLOCK bytes (Utf8Blocks). A part of one block is deflated at once; a larger one goes to zlib block by
 * block, which deflates it on libuv's thread pool beside the JavaScript that makes the next rows and parts.
 * `made` settles once every piece has been taken (what the pieces came from may then be let go); `packed`
 * when the entry is deflated. The bytes are those of packEntry on the whole text (zlib's output does not
 * depend on how its input is cut when nothing is flushed between pieces; test/zip.test.ts), without the
 * whole text or its UTF-8 held at once.
 */
export function startPacking(
  name: string,
  pieces: Iterable<string>,
): { made: Promise<void>; packed: Promise<PackedEntry> } {
  let crc = 0;
  let size = 0;
  /** The first block, held until a second one shows whether the entry is more than one block. */
  let first: Buffer | null = null;
  let stream: { deflate: zlib.DeflateRaw; out: Buffer[]; ended: Promise<void> } | null = null;
  let pending = 0;
  let failed: Error | null = null;
  let wake: (() => void) | null = null;
  const toCompressor = (block: Buffer) => {
    pending++;
    stream!.deflate.write(block, (e) => {
      pending--;
      if (e) failed ??= e;
      wake?.();
    });
  };
  const emit = async (block: Buffer) => {
    crc = crc32(block, crc);
    size += block.length;
    if (!stream && !first) {
      first = block;
      return;
    }
    if (!stream) {
      const deflate = zlib.createDeflateRaw({ level: 1 });
      const out: Buffer[] = [];
      deflate.on('data', (chunk: Buffer) => out.push(chunk));
      const ended = new Promise<void>((resolve, reject) => {
        deflate.once('end', resolve);
        deflate.once('error', reject);
      });
      // Handled where it is awaited; until then a failure is also seen by the write callbacks.
      ended.catch(() => undefined);
      stream = { deflate, out, ended };
      toCompressor(first!);
      first = null;
    }
    toCompressor(block);
    while (pending > MAX_PENDING && !failed) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    if (failed) throw failed;
  };
  const made = (async () => {
    const blocks = new Utf8Blocks(BLOCK);
    for (const piece of pieces) {
      const done = blocks.add(piece);
      if (done) for (const block of done) await emit(block);
    }
    const rest = blocks.rest();
    if (rest) await emit(rest);
  })();
  // A sheet that fails while it is made: its compressor is let go (the failure is thrown where `made` is awaited).
  made.catch(() => stream?.deflate.destroy());
  const packed = made.then(async (): Promise<PackedEntry> => {
    // A part of one block (most sheets): deflated at once, without a compressor's state and round trips on the
    // thread pool for each (a county's 16 sheets in flight together held 10 MB more at the peak, for no time gained).
    if (!stream) return { name, packed: zlib.deflateRawSync(first ?? Buffer.alloc(0), { level: 1 }), crc, size };
    const { deflate, out, ended } = stream;
    deflate.end();
    await ended;
    return { name, packed: Buffer.concat(out), crc, size };
  });
  // A failure is thrown where `made` is awaited; `packed` is then never asked for.
  packed.catch(() => undefined);
  return { made, packed };
}

export function zip(entries: readonly (ZipEntry | PackedEntry)[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const { name } = e;
    const { packed, crc, size } = 'packed' in e ? e : packEntry(name, e.data);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_FLAG, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
