/**
 * Hostile and careless inputs, one test per class the hardening issue lists: each ends in
 * a catalogue error (or a correct result), never an internal error, a hang or a crash.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { escapeMarkdown } from '../src/render/markdown-escape';
import { renderMarkdown } from '../src/render/markdown';
import { FatalError } from '../src/issues/catalogue';
import { readSource } from '../src/read/index';
import { decodeText, detectEncoding } from '../src/read/csv';
import { readOoxml } from '../src/read/ooxml';
import { readXlsxFallback } from '../src/read/xlsx';
import { unzip, ZipArchive, MB } from '../src/read/unzip';
import { zip } from '../src/render/spreadsheet/zip';
import { outputError, writeSet } from '../src/cli/write-set';
import { resolveProfile } from '../src/engine/profiles';
import { duplicateEntries } from '../scripts/fuzz/mutate';
import iconv from 'iconv-lite';
import { check, county, csvFile, tmp, workbook } from './helpers/files';

const BIN = resolve('bin/balance-check.js');
const SAMPLE = resolve('fixtures/sample-county.xlsx');

function run(args: string[], timeout = 20_000) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, signal: r.signal, out: `${r.stdout}${r.stderr}`, ms: Date.now() - started };
}
/** No internal error, no stack trace, no raw English system text. */
const clean = (out: string) => {
  expect(out).not.toMatch(/内部错误/);
  expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(out).not.toMatch(/\b(?:EEXIST|ENOENT|EISDIR|EACCES|ENOTDIR):/);
};

/** The sample's package with one entry's text edited. */
function editedSample(entry: string, edit: (xml: string) => string): Buffer {
  const files = unzip(readFileSync(SAMPLE));
  files.set(entry, Buffer.from(edit(files.get(entry)!.toString('utf8')), 'utf8'));
  return zip([...files].map(([name, data]) => ({ name, data })));
}
const SHEET = 'xl/worksheets/sheet2.xml'; // 学校数据
const fileOf = (data: Buffer, name = 'x.xlsx') => {
  const path = join(tmp(), name);
  writeFileSync(path, data);
  return path;
};
const fatal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(FatalError);
  return e as FatalError;
};

describe('cells that used to be internal errors', () => {
  it('a t="d" cell whose value is not a date is read as its text and reported at its cell', async () => {
    const path = fileOf(
      editedSample(SHEET, (xml) =>
        xml.replace(/<c r="H5"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/, '<c r="H5" t="d"><v>not a date</v></c>'),
      ),
    );
    const r = await check(path);
    expect(r.issues.filter((i) => i.cell === 'H5').map((i) => i.code)).toEqual(['NOT_A_NUMBER']);
  });

  it.each([
    ['学校类型', 1, 'constructor', 'UNKNOWN_SCHOOL_TYPE'],
    ['学校类型', 1, '__proto__', 'UNKNOWN_SCHOOL_TYPE'],
    ['办学性质', 11, 'constructor', 'INVALID_VALUE'],
    ['城乡分类', 11, '__proto__', 'INVALID_VALUE'],
    ['城乡分类', 11, 'toString', 'INVALID_VALUE'],
  ])('%s “%s” is an error at its cell, not a lookup in Object.prototype', async (header, col, value, code) => {
    const rows = county();
    if (col === 11) {
      rows[0] = [...rows[0]!, header];
      rows.slice(1).forEach((r) => r.push(header === '办学性质' ? '公办' : '城区'));
    }
    rows[2]![col] = value;
    const r = await check(await workbook({ 学校数据: rows }));
    const at = col === 11 ? 'L3' : 'B3';
    expect(r.issues.filter((i) => i.cell === at).map((i) => i.code)).toEqual([code]);
    expect(r.counties).toEqual([]);
  });

  it('a unit “constructor” in a header is an unknown unit, not a conversion factor', async () => {
    const rows = county();
    rows[0] = rows[0]!.map((h, i) => (i === 8 ? '体育运动场馆面积（constructor）' : h));
    const r = await check(await workbook({ 学校数据: rows }));
    expect(r.issues.map((i) => i.code)).toContain('UNKNOWN_UNIT');
  });

  it('entities that name nothing (&constructor;, &#99999999;) stay as written', () => {
    const files = unzip(readFileSync(SAMPLE));
    const sheet = files
      .get(SHEET)!
      .toString('utf8')
      .replace(
        '</sheetData>',
        '<row r="60"><c r="A60" t="inlineStr"><is><t>&constructor;&#99999999;&amp;</t></is></c></row></sheetData>',
      );
    files.set(SHEET, Buffer.from(sheet));
    const s = readOoxml(zip([...files].map(([name, data]) => ({ name, data })))).find((x) => x.name === '学校数据');
    expect(s!.rows[59]![0]).toEqual({ kind: 'text', text: '&constructor;&#99999999;&' });
  });

  it('one error per cell: “约760” is not a number, and not also empty', async () => {
    const rows = county();
    rows[1]![2] = '约760';
    const r = await check(await workbook({ 学校数据: rows }));
    expect(r.issues.filter((i) => i.cell === 'C2').map((i) => i.code)).toEqual(['NOT_A_NUMBER']);
  });

  it('a profile with a __proto__ key is refused', () => {
    expect(() => resolveProfile(JSON.parse('{"extends": "youzhi-2017", "__proto__": {"x": 1}}'))).toThrow(/__proto__/);
  });

  it('--format constructor is a usage error', () => {
    const r = run([SAMPLE, '-o', tmp(), '-f', 'constructor']);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/--format/);
    clean(r.out);
  });
});

describe('CSV', () => {
  it.each([
    ['a one-byte file "', '"', 1],
    ['a quote opened on line 3', 'a,b\n1,2\n3,"x\n4,5\n', 3],
  ])('%s: CSV_QUOTE_NOT_CLOSED naming the line', async (_, text, line) => {
    const e = await fatal(readSource(csvFile(text, 'utf8')));
    expect(e.code).toBe('CSV_QUOTE_NOT_CLOSED');
    expect(e.message).toContain(`第 ${line} 行`);
  });

  it('a closed quote with a comma and a newline inside still reads', async () => {
    const src = await readSource(csvFile('a,b\n"x,\ny",2\n', 'utf8'));
    expect(src.sheets[0]!.rows[1]![0]).toEqual({ kind: 'text', text: 'x,\ny' });
  });

  it('a UTF-16 BOM followed by an odd number of bytes is a clear error', async () => {
    const path = join(tmp(), 'odd.csv');
    writeFileSync(path, Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]));
    const e = await fatal(readSource(path));
    expect(e.code).toBe('CSV_ENCODING_UNKNOWN');
    expect(e.message).toMatch(/奇数/);
  });

  const text = iconv.decode(readFileSync('fixtures/sample-county.csv'), 'gb18030');
  it.each([
    ['big5', 'Big5'],
    ['shift_jis', 'Shift-JIS'],
    ['utf32le', 'UTF-32'],
    ['utf16le', 'UTF-16LE（无 BOM）'],
    ['utf16be', 'UTF-16BE（无 BOM）'],
  ])('%s is refused, naming the guess and what to do', async (encoding, guess) => {
    const e = await fatal(readSource(csvFile(text, encoding)));
    expect(e.code).toBe('CSV_ENCODING_UNKNOWN');
    expect(e.message).toContain(guess);
    expect(e.message).toContain('另存为');
  });

  it('Latin-1 text and a file half UTF-8, half GBK are refused too', () => {
    const latin = iconv.encode('Schule,Typ\nÉcole de la Forêt,primaire\nGärtnerplatz,Grundschule\n', 'latin1');
    expect(detectEncoding(latin)).toEqual({ unsupported: expect.stringContaining('Latin-1') });
    const half = Buffer.concat([iconv.encode(text.slice(0, 2000), 'utf8'), iconv.encode(text.slice(2000), 'gbk')]);
    expect(detectEncoding(half)).toEqual({ unsupported: expect.stringContaining('混合') });
  });

  it.each([
    ['a UTF-8 BOM over GBK bytes', [0xef, 0xbb, 0xbf], 'gbk', 'UTF-8', 'GBK/GB18030'],
    ['a UTF-8 BOM over UTF-16 bytes', [0xef, 0xbb, 0xbf], 'utf16le', 'UTF-8', 'UTF-16LE（无 BOM）'],
    ['a UTF-16LE BOM over UTF-8 bytes', [0xff, 0xfe], 'utf8', 'UTF-16LE', 'UTF-8'],
    ['a UTF-16BE BOM over GBK bytes', [0xfe, 0xff], 'gbk', 'UTF-16BE', 'GBK/GB18030'],
  ])('%s: the encoding problem is named, not HEADER_NOT_FOUND', async (_, bom, encoding, said, content) => {
    // Found with a CSV an editor had marked UTF-8 and saved as GBK: read as mojibake, it had no header.
    for (const body of [text, `${text}x`]) {
      const path = join(tmp(), 'bom.csv');
      writeFileSync(path, Buffer.concat([Buffer.from(bom), iconv.encode(body, encoding)]));
      const e = await fatal(readSource(path));
      expect(e.code).toBe('CSV_ENCODING_UNKNOWN');
      expect(e.message).toContain(`文件开头标明 ${said}（BOM），但内容不是 ${said} 编码，看起来是 ${content}`);
      expect(e.message).toContain('另存为');
    }
  });

  it('UTF-8, GBK, GB18030 and UTF-16 with BOM still read', () => {
    for (const [enc, bom] of [
      ['utf8', false],
      ['gbk', false],
      ['gb18030', false],
      ['utf16le', true],
      ['utf16be', true],
    ] as const)
      expect(decodeText(iconv.encode(text, enc, { addBOM: bom })).text).toBe(text);
  });
});

describe('parts a workbook lacks, or has instead', () => {
  /** A county workbook with its entries edited: `drop` removed, and every reference to them from the other parts. */
  const without = async (drop: RegExp) => {
    const files = unzip(readFileSync(await workbook({ 学校数据: county() })));
    for (const name of [...files.keys()]) if (drop.test(name)) files.delete(name);
    for (const [name, data] of files)
      if (/\.rels$|Content_Types/.test(name))
        files.set(name, Buffer.from(data.toString('utf8').replace(/<[^<>]*sharedStrings[^<>]*>/g, ''), 'utf8'));
    return zip([...files].map(([name, data]) => ({ name, data })));
  };

  it('cells of shared strings in a workbook without xl/sharedStrings.xml: FILE_UNREADABLE naming the part, not HEADER_NOT_FOUND', async () => {
    const bytes = await without(/sharedStrings/);
    const e = await fatal(check(fileOf(bytes)));
    expect(e.code).toBe('FILE_UNREADABLE');
    expect(e.message).toContain('缺少共享字符串部件（xl/sharedStrings.xml）');
    // The exceljs fallback (taken when the fast reader meets what it does not know) reads those cells as blank: refused too.
    const fallback = await fatal(readXlsxFallback(bytes, 'x.xlsx'));
    expect(fallback.message).toContain('缺少共享字符串部件');
  });

  it('shared strings where the workbook’s relationships put them are read', async () => {
    const files = unzip(readFileSync(await workbook({ 学校数据: county() })));
    files.set('xl/strings.xml', files.get('xl/sharedStrings.xml')!);
    files.delete('xl/sharedStrings.xml');
    const rels = 'xl/_rels/workbook.xml.rels';
    files.set(rels, Buffer.from(files.get(rels)!.toString('utf8').replace('sharedStrings.xml', 'strings.xml'), 'utf8'));
    const r = await check(fileOf(zip([...files].map(([name, data]) => ({ name, data })))));
    expect(r.issueCounts.error).toBe(0);
    expect(r.input.schoolRows).toBe(6);
  });

  it('an .xlsb (Excel’s binary workbook) renamed .xlsx, or not, says what it is', async () => {
    const xlsb = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.bin', data: Buffer.from([0x83, 0x01, 0x00]) },
      { name: 'xl/worksheets/sheet1.bin', data: Buffer.from([0x81, 0x01, 0x00]) },
    ]);
    for (const name of ['学校数据.xlsx', '学校数据.xlsb']) {
      const e = await fatal(readSource(fileOf(xlsb, name)));
      expect(e.code).toBe('FILE_UNREADABLE');
      expect(e.message).toContain('Excel 二进制工作簿（.xlsb），请另存为 .xlsx');
    }
  });
});

describe('size and shape limits', () => {
  it('200 000 rows that each raise a note: no stack overflow (no data-sized argument spreading)', async () => {
    const lines = text200k();
    const r = await check(csvFile(lines, 'utf8'));
    expect(r.issueCounts.info).toBeGreaterThan(200_000);
  }, 30_000);

  it('a merged range to XFD1048576 is clipped to the cells that exist: the sample reads as without it, at once', async () => {
    for (const ref of ['A50:XFD1048576', 'A1:XFD1048576']) {
      const path = fileOf(editedSample(SHEET, (xml) => withMerge(xml, ref)));
      const started = Date.now();
      const src = await readSource(path);
      // Unclipped, the range is 17 billion cells: hours. The bound only tells that from a read (seconds when loaded).
      expect(Date.now() - started).toBeLessThan(20_000);
      const sheet = src.sheets[0]!;
      for (const m of sheet.merges) {
        expect(m.bottom).toBeLessThan(sheet.rows.length);
        expect(m.right).toBeLessThan(64);
      }
    }
    const plain = await check(SAMPLE);
    const merged = await check(fileOf(editedSample(SHEET, (xml) => withMerge(xml, 'A60:XFD1048576'))));
    expect(merged.counties[0]!.levels.map((l) => l.result.indicators)).toEqual(
      plain.counties[0]!.levels.map((l) => l.result.indicators),
    );
  });

  it.each(['A999999999', 'A1048577', 'XFE1'])(
    'a cell reference %s beyond Excel’s grid is CELL_OUT_OF_RANGE naming it',
    async (ref) => {
      const path = fileOf(
        editedSample(SHEET, (xml) => xml.replace('</sheetData>', `<row><c r="${ref}"><v>1</v></c></row></sheetData>`)),
      );
      const e = await fatal(readSource(path));
      expect(e.code).toBe('CELL_OUT_OF_RANGE');
      expect(e.message).toContain(ref);
    },
  );

  it('the last cell of the grid, XFD1048576, is still a cell', async () => {
    const path = fileOf(
      editedSample(SHEET, (xml) =>
        xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'),
      ),
    );
    const src = await readSource(path);
    expect(src.sheets.find((s) => s.name === '学校数据')!.rows.length).toBe(1_048_576);
  }, 20_000);

  it('an entry that inflates past its limit is refused while inflating (FILE_TOO_LARGE), not after', () => {
    const big = Buffer.alloc(20 * MB, 0x20);
    const archive = new ZipArchive(
      zip([
        { name: 'a.xml', data: Buffer.from('<a/>') },
        { name: 'big.xml', data: big },
      ]),
      { entryBytes: 4 * MB, totalBytes: 8 * MB },
      'bomb.xlsx',
    );
    expect(archive.get('a.xml')!.toString()).toBe('<a/>');
    expect(() => archive.get('big.xml')).toThrow(/解压后超过 4 MB，可能是压缩炸弹/);
  });

  it('the total limit counts every entry read', () => {
    const data = Buffer.alloc(3 * MB, 0x20);
    const archive = new ZipArchive(zip(['a', 'b', 'c'].map((name) => ({ name, data }))), {
      entryBytes: 4 * MB,
      totalBytes: 8 * MB,
    });
    archive.get('a');
    archive.get('b');
    expect(() => archive.get('c')).toThrow(/全部内容合计解压后超过 8 MB/);
  });

  it('only the entries a workbook needs are inflated: an unused bomb in xl/media does not count', async () => {
    const files = unzip(readFileSync(SAMPLE));
    files.set('xl/media/huge.bin', Buffer.alloc(40 * MB, 0));
    const path = fileOf(zip([...files].map(([name, data]) => ({ name, data }))));
    const r = run(['validate', path, '--max-inflate', '16', '-q']);
    expect(r.code).toBe(0); // read within 16 MB: the bomb was never inflated
    clean(r.out);
  });

  it('a real bomb past --max-inflate ends with exit 3 and the size message, quickly', () => {
    const files = unzip(readFileSync(SAMPLE));
    files.set(SHEET, Buffer.concat([files.get(SHEET)!, Buffer.alloc(40 * MB, 0x20)]));
    const r = run(['validate', fileOf(zip([...files].map(([name, data]) => ({ name, data })))), '--max-inflate', '16']);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/FILE_TOO_LARGE.*可能是压缩炸弹或异常文件/);
    clean(r.out);
  });

  it('several directory entries pointing at one stream are refused as overlapping', async () => {
    const e = await fatal(readSource(fileOf(duplicateEntries(readFileSync(SAMPLE), 8))));
    expect(e.message).toMatch(/条目重复或相互重叠/);
  });

  it('a pipe or device given as the input is refused at once', () => {
    const r = run(['validate', '/dev/zero'], 5000);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/不是普通文件/);
  });

  it('a symbolic link that loops, given as the input: FILE_UNREADABLE saying so, not the system’s ELOOP', () => {
    const dir = tmp();
    symlinkSync(join(dir, 'b.xlsx'), join(dir, 'a.xlsx'));
    symlinkSync(join(dir, 'a.xlsx'), join(dir, 'b.xlsx'));
    const r = run(['validate', join(dir, 'a.xlsx')], 5000);
    expect(r.code).toBe(3);
    expect(r.out).toContain('[FILE_UNREADABLE]');
    expect(r.out).toContain('文件路径存在循环的符号链接');
    expect(r.out).not.toContain('ELOOP');
    // A --profile file likewise.
    const profile = run(['validate', SAMPLE, '--profile', join(dir, 'a.xlsx')], 5000);
    expect(profile.code).toBe(3);
    expect(profile.out).toContain('文件路径存在循环的符号链接');
    expect(profile.out).not.toContain('ELOOP');
  });

  it('--max-inflate must be a whole number of MB', () => {
    expect(run(['validate', SAMPLE, '--max-inflate', 'lots']).code).toBe(3);
  });
});

describe('output paths', () => {
  // A hang (Node's recursive mkdir spins on /proc for ever) ends in the kill: no exit code, a signal. No time is asserted
  // beyond that: a loaded machine takes seconds for what a quiet one does at once.
  const expectFatal = (args: string[], code: string) => {
    const r = run(args, 30_000);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(3);
    expect(r.out).toContain(`[${code}]`);
    clean(r.out);
    return r;
  };

  it('-o naming an existing file', () => {
    const file = join(tmp(), 'a-file');
    writeFileSync(file, 'x');
    expectFatal([SAMPLE, '-o', file], 'OUTPUT_NOT_A_FOLDER');
    expectFatal([SAMPLE, '-o', join(file, 'sub')], 'OUTPUT_NOT_A_FOLDER');
  });

  it('-o under /proc, /sys or /dev: refused at once (Node’s recursive mkdir spins on /proc)', () => {
    expectFatal([SAMPLE, '-o', '/proc/balance-check-x'], 'OUTPUT_SPECIAL_FILESYSTEM');
    expectFatal([SAMPLE, '-o', '/dev/full'], 'OUTPUT_SPECIAL_FILESYSTEM');
    expectFatal(['template', '-o', '/dev/full', '--force'], 'OUTPUT_SPECIAL_FILESYSTEM');
  });

  it('a report name that is a folder: exit 3 and no report of the set written', () => {
    const out = tmp();
    mkdirSync(join(out, 'sample-county.report.md'));
    expectFatal([SAMPLE, '-o', out, '-f', 'xlsx,md,json'], 'OUTPUT_NAME_IS_FOLDER');
    expect(readdirSync(out)).toEqual(['sample-county.report.md']);
  });

  it('each system failure has its own code and a Chinese reason', () => {
    const e = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    expect(outputError(e('EROFS'), '/x/y')).toMatchObject({
      code: 'OUTPUT_NOT_WRITABLE',
      message: expect.stringContaining('只读'),
    });
    expect(outputError(e('EACCES'), '/x/y')).toMatchObject({
      code: 'OUTPUT_NOT_WRITABLE',
      message: expect.stringContaining('没有写入权限'),
    });
    expect(outputError(e('ENOSPC'), '/x/y')).toMatchObject({ code: 'OUTPUT_DISK_FULL' });
    expect(outputError(e('EISDIR'), '/x/y')).toMatchObject({ code: 'OUTPUT_NAME_IS_FOLDER' });
    expect(outputError(e('EWEIRD'), '/x/y')).toMatchObject({
      code: 'OUTPUT_FAILED',
      message: expect.stringContaining('EWEIRD'),
    });
    for (const c of ['EROFS', 'EACCES', 'ENOSPC', 'EISDIR', 'EWEIRD'])
      expect(outputError(e(c), '/x/y').message).not.toContain('raw');
  });

  it('a failure in the middle of a set leaves the earlier reports as they were and no temporary file', async () => {
    const out = tmp();
    writeFileSync(join(out, 'a.md'), 'old');
    await expect(
      writeSet([
        { path: join(out, 'a.md'), content: Buffer.from('new') },
        // Fails while its temporary file is written, after a.md's: not data a file can hold.
        { path: join(out, 'b.json'), content: 42 as unknown as Buffer },
      ]),
    ).rejects.toBeInstanceOf(FatalError);
    expect(readdirSync(out).sort()).toEqual(['a.md']);
    expect(readFileSync(join(out, 'a.md'), 'utf8')).toBe('old');
  });

  it('temporary files of a killed run are removed by the next run (their process is gone)', async () => {
    const out = tmp();
    writeFileSync(join(out, '.r.md.999999.tmp'), 'half');
    await writeSet([{ path: join(out, 'r.md'), content: Buffer.from('whole') }]);
    expect(readdirSync(out)).toEqual(['r.md']);
  });

  describe('SIGTERM while writing', () => {
    afterEach(() => vi.restoreAllMocks());
    it('removes the temporary files and exits 143', async () => {
      const out = tmp();
      const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
      const before = process.listenerCount('SIGTERM');
      const done = writeSet([{ path: join(out, 'r.xlsx'), content: Buffer.alloc(8 * MB) }]);
      while (process.listenerCount('SIGTERM') === before) await new Promise((r) => setImmediate(r));
      process.emit('SIGTERM');
      // Not swallowed (issue 31). process.exit is stubbed, so the write set runs on after the handler removed its
      // temporary files: it may finish, or fail on a file removed under it (OUTPUT_FAILED, the one error expected);
      // any other rejection is a bug the signal path would hide.
      const settled = await done.then(
        () => null,
        (e: unknown) => e,
      );
      if (settled !== null) expect(settled).toMatchObject({ code: 'OUTPUT_FAILED' });
      expect(exit).toHaveBeenCalledWith(143);
      expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    });
  });
});

describe('Markdown injection', () => {
  const HOSTILE = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[点我](javascript:alert(1))',
    '![x](http://x/t.png)',
    '**粗**_斜_`码`',
    '# 标题\n- 列表',
  ];

  it('escapeMarkdown renders every hostile text as exactly that text', () => {
    const md = new MarkdownIt({ html: true, linkify: false });
    for (const s of HOSTILE) {
      const html = md.renderInline(escapeMarkdown(s));
      const text = html
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
      expect(text).toBe(s.replace(/\n/g, ' '));
    }
  });

  it('school and 学区 names reach the Markdown report as text: no HTML element, link or image', async () => {
    const rows = county();
    rows[0] = [...rows[0]!, '学区'];
    rows.slice(1).forEach((r, i) => r.push(i % 2 ? '<img src=x onerror=alert(1)>' : '[点我](javascript:alert(1))'));
    rows[1]![0] = '<script>alert(1)</script>';
    rows[2]![0] = '![x](http://x/t.png)';
    rows[3]![4] = 0; // one school short, so names appear in the prose too
    const report = await check(await workbook({ 学校数据: rows }));
    const html = new MarkdownIt({ html: true }).render(renderMarkdown(report));
    const tags = new Set([...html.matchAll(/<([a-z0-9]+)\b/g)].map((m) => m[1]));
    for (const t of tags)
      expect([
        'h1',
        'h2',
        'h3',
        'p',
        'table',
        'thead',
        'tbody',
        'tr',
        'th',
        'td',
        'strong',
        'ul',
        'ol',
        'li',
        'blockquote',
        'code',
        'hr',
        'em',
        'img',
      ]).toContain(t);
    expect(html).not.toMatch(/<(script|a)\b/);
    // The only images are the report's own charts.
    for (const m of html.matchAll(/<img\b[^>]*src="([^"]*)"/g))
      expect(m[1]).toMatch(/^test\.report\.charts\/(primary|junior)-[a-z_]+\.svg$/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

const withMerge = (xml: string, ref: string) =>
  xml.includes('</mergeCells>')
    ? xml.replace('</mergeCells>', `<mergeCell ref="${ref}"/></mergeCells>`)
    : xml.replace('</sheetData>', `</sheetData><mergeCells><mergeCell ref="${ref}"/></mergeCells>`);

describe('Markdown injection in a batch report', () => {
  it('county names in the province table and issues are escaped too', async () => {
    const { HEADER, primary } = await import('./helpers/files');
    const names = ['<script>alert(1)</script>', '乙县', '丙县', '丁县', '戊县', '己县'];
    const rows = [
      [...HEADER, '区县'],
      ...names.flatMap((c) => [
        [...primary('一小', 1000), c],
        [...primary('二小', 300).map((v, i) => (i === 8 ? 100 : v)), c],
      ]),
    ];
    const report = await check(await workbook({ 学校数据: rows }));
    expect(report.detail).toBe(false);
    const md = renderMarkdown(report);
    expect(md).not.toContain('<script');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

/** The sample CSV's header and three schools, then 200 000 note rows below. */
function text200k(): string {
  const lines = iconv.decode(readFileSync('fixtures/sample-county.csv'), 'gb18030').split('\n');
  const out = lines.slice(0, 5);
  for (let i = 0; i < 200_000; i++) out.push(`注：第${i}行说明`);
  return out.join('\n');
}
