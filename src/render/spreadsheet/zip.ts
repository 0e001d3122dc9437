/**
 * A minimal zip writer (deflate via node's zlib). Every entry carries one fixed
 * timestamp, so the same content always gives the same bytes.
 */
import * as zlib from 'node:zlib';
import { crc32 } from '../../common/crc32';

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

/**
 * An entry deflated as its text is made, piece by piece: the same bytes as packEntry on the whole
 * text (zlib's output does not depend on how its input is cut when nothing is flushed between
 * pieces; test/zip.test.ts), without the whole text or its UTF-8 bytes held at once.
 */
export async function packPieces(name: string, pieces: Iterable<string>): Promise<PackedEntry> {
  const it = pieces[Symbol.iterator]();
  const first = it.next();
  const second = first.done ? first : it.next();
  // A sheet of one piece (most of them): deflated at once, without a stream's round trips through the thread pool.
  if (second.done) return packEntry(name, Buffer.from(first.done ? '' : first.value, 'utf8'));
  const deflate = zlib.createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.once('end', resolve);
    deflate.once('error', reject);
  });
  let crc = 0;
  let size = 0;
  const write = async (piece: string) => {
    const bytes = Buffer.from(piece, 'utf8');
    crc = crc32(bytes, crc);
    size += bytes.length;
    // One piece in the compressor at a time: waiting for it keeps what is held to one piece.
    await new Promise<void>((resolve, reject) => deflate.write(bytes, (e) => (e ? reject(e) : resolve())));
  };
  await write(first.value as string);
  await write(second.value);
  for (let next = it.next(); !next.done; next = it.next()) await write(next.value);
  deflate.end();
  await ended;
  return { name, packed: Buffer.concat(out), crc, size };
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
