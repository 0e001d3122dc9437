import { describe, expect, it } from 'vitest';
import { unzip } from '../src/read/unzip';
import { crc32, jsCrc32 } from '../src/common/crc32';
import { Utf8Blocks } from '../src/common/utf8-blocks';
import { packEntry, startPacking, zip } from '../src/render/spreadsheet/zip';
import { seeded } from './helpers/random';

/** The entry packed from its pieces, once they are all made (as the workbook writer waits for it). */
async function packPieces(name: string, pieces: Iterable<string>) {
  const { made, packed } = startPacking(name, pieces);
  await made;
  return packed;
}

describe('zip writer', () => {
  it('round-trips entries, including UTF-8 names', () => {
    const entries = [
      { name: 'a.xml', data: Buffer.from('<a>你好</a>') },
      { name: '目录/b.txt', data: Buffer.alloc(100_000, 'x') },
    ];
    const back = unzip(zip(entries));
    expect([...back.keys()]).toEqual(['a.xml', '目录/b.txt']);
    expect(back.get('a.xml')!.toString()).toBe('<a>你好</a>');
    expect(back.get('目录/b.txt')!.equals(entries[1]!.data)).toBe(true);
  });

  it('an entry packed piece by piece is byte for byte the entry packed whole (CRC and size too)', async () => {
    // Sheet-like text, Chinese and ASCII, cut at random places (a multi-byte character never split: pieces are strings).
    const rand = seeded(7);
    const rows = Array.from(
      { length: 4000 },
      (_, i) => `<row r="${i}"><c t="str"><v>第${i}小学${'甲乙'.repeat(i % 9)}</v></c><c><v>${rand()}</v></c></row>`,
    );
    const text = rows.join('');
    const pieces: string[] = [];
    for (let at = 0; at < text.length;) {
      const n = 1 + Math.floor(rand() * 40_000);
      pieces.push(text.slice(at, at + n));
      at += n;
    }
    expect(pieces.length).toBeGreaterThan(3);
    const whole = packEntry('s', Buffer.from(text, 'utf8'));
    const cut = await packPieces('s', pieces);
    expect(cut.size).toBe(whole.size);
    expect(cut.crc).toBe(whole.crc);
    expect(cut.packed.equals(whole.packed)).toBe(true);
    expect(jsCrc32(Buffer.from(pieces[1]!), jsCrc32(Buffer.from(pieces[0]!)))).toBe(
      crc32(Buffer.from(pieces[0]! + pieces[1]!)),
    );
  });

  it('a sheet of many blocks (the compressor waited for), and a piece larger than a block, pack as the whole text does', async () => {
    // About 6 MB of UTF-8: more blocks than the packer lets wait in the compressor, and one 1 MB row.
    const rows = Array.from(
      { length: 60_000 },
      (_, i) => `<row r="${i}"><c t="str"><v>第${i}小学达标</v></c><c><v>${i / 7}</v></c></row>`,
    );
    rows.splice(30_000, 0, `<row>${'均衡'.repeat(500_000)}</row>`);
    const whole = packEntry('s', Buffer.from(rows.join(''), 'utf8'));
    expect(whole.size).toBeGreaterThan(6_000_000);
    const { made, packed } = startPacking('s', rows);
    await made;
    const cut = await packed;
    expect([cut.size, cut.crc]).toEqual([whole.size, whole.crc]);
    expect(cut.packed.equals(whole.packed)).toBe(true);
    // An empty entry, and one of only empty pieces.
    expect((await packPieces('e', [])).packed.equals(packEntry('e', Buffer.alloc(0)).packed)).toBe(true);
    expect((await packPieces('e', ['', ''])).size).toBe(0);
  });

  it('a sheet whose making fails rejects where it is awaited, and leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      function* failing() {
        yield 'x'.repeat(300_000);
        yield 'y'.repeat(300_000);
        throw new Error('the sheet failed');
      }
      const { made } = startPacking('s', failing());
      await expect(made).rejects.toThrow('the sheet failed');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('Utf8Blocks: the blocks, in order, are the UTF-8 of the strings joined; none larger than a block unless one string is', () => {
    const rand = seeded(11);
    const alphabet = ['a', '<', '学', '校', '😀', '\u00e9', '\n'];
    const strings = Array.from({ length: 3000 }, (_, i) => {
      // Mostly short; some exactly a block's worth of units, some larger than a block.
      const n = i % 500 === 7 ? 1024 : i % 700 === 3 ? 5000 : Math.floor(rand() * 60);
      return Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    });
    for (const size of [64, 1024, 3072, 1 << 16]) {
      const blocks = new Utf8Blocks(size);
      const out: Buffer[] = [];
      for (const s of strings) out.push(...(blocks.add(s) ?? []));
      const rest = blocks.rest();
      if (rest) out.push(rest);
      expect(blocks.rest()).toBeNull();
      expect(Buffer.concat(out).equals(Buffer.from(strings.join(''), 'utf8'))).toBe(true);
      for (const b of out)
        expect(
          b.length <= size ||
            b.length === Buffer.byteLength(strings.find((s) => Buffer.byteLength(s) === b.length) ?? ''),
        ).toBe(true);
    }
  });

  it('is deterministic: the same entries give the same bytes', () => {
    const entries = [{ name: 'x', data: Buffer.from('same') }];
    expect(zip(entries).equals(zip(entries))).toBe(true);
  });

  it('the CRC-32 check value of "123456789" is CBF43926, in JS and natively', () => {
    expect(jsCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
