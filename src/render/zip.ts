/**
 * Zip writers stamp every entry with the current time, so two runs on the same input
 * would give different .xlsx bytes. This rewrites every entry's DOS time and date
 * (local headers and central directory) to one fixed moment: 1980-01-01 00:00.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const FIXED_TIME = 0;
const FIXED_DATE = (0 << 9) | (1 << 5) | 1;

export function normaliseZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || out.readUInt32LE(eocd) !== EOCD) throw new Error('not a zip archive');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(p) !== CENTRAL) throw new Error('corrupt zip central directory');
    out.writeUInt16LE(FIXED_TIME, p + 12);
    out.writeUInt16LE(FIXED_DATE, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== LOCAL) throw new Error('corrupt zip local header');
    out.writeUInt16LE(FIXED_TIME, local + 10);
    out.writeUInt16LE(FIXED_DATE, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
