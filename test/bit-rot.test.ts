/**
 * Bit rot: an entry whose bytes changed after its CRC-32 was written, or a CRC that was
 * written wrong, is a damaged file — never read as if it were whole.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../src/common/crc32';
import { unzip, ZipArchive } from '../src/read/unzip';
import { tmp } from './helpers/files';

const BIN = resolve('bin/balance-check.js');
const SAMPLE = resolve('fixtures/sample-county.xlsx');
const SHEET = 'xl/worksheets/sheet2.xml'; // 学校数据

/** A zip of stored (uncompressed) entries, so a test can change an entry's bytes in place. */
function storedZip(entries: [string, Buffer][]): {
  bytes: Buffer;
  at: Map<string, number>;
  central: Map<string, number>;
} {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  const at = new Map<string, number>();
  const central = new Map<string, number>();
  let offset = 0;
  let directory = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt32LE(crc32(data), 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(nameBytes.length, 28);
    c.writeUInt32LE(offset, 42);
    at.set(name, offset + 30 + nameBytes.length);
    central.set(name, directory);
    parts.push(local, nameBytes, data);
    centrals.push(c, nameBytes);
    offset += 30 + nameBytes.length + data.length;
    directory += 46 + nameBytes.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  for (const [name, p] of central) central.set(name, offset + p);
  return { bytes: Buffer.concat([...parts, dir, end]), at, central };
}

const sample = () => storedZip([...unzip(readFileSync(SAMPLE))]);

function run(bytes: Buffer) {
  const path = join(tmp(), '自评数据.xlsx');
  writeFileSync(path, bytes);
  const r = spawnSync(process.execPath, [BIN, path, '-o', tmp()], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('a damaged entry is found by its CRC-32', () => {
  it('the stored sample reads whole (the test zip is right)', () => {
    expect(run(sample().bytes).code).toBe(0);
  });

  it('a digit of a stored sheet changed after the CRC was written: 文件已损坏（校验失败）, not the changed number', () => {
    const { bytes, at } = sample();
    const start = at.get(SHEET)!;
    const xml = bytes.toString('latin1', start, start + 200_000);
    const digit = xml.search(/<v>\d/) + 3;
    bytes[start + digit] = bytes[start + digit] === 0x39 ? 0x38 : bytes[start + digit]! + 1;
    const r = run(bytes);
    expect(r.code).toBe(3);
    expect(r.out).toContain('文件已损坏（校验失败');
    expect(r.out).toContain(SHEET);
  });

  it('a wrong CRC in the central directory is refused the same way', () => {
    const { bytes, central } = sample();
    const p = central.get(SHEET)! + 16;
    bytes.writeUInt32LE((bytes.readUInt32LE(p) ^ 1) >>> 0, p);
    expect(() => new ZipArchive(bytes).get(SHEET)).toThrow(/crc/);
    expect(run(bytes).out).toContain('文件已损坏（校验失败');
  });
});
