/**
 * The fast OOXML reader against exceljs (the fallback), on files written by three
 * different programs: exceljs (fixtures), LibreOffice, and balance-check's own writer.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeXml, OoxmlFormatError, readOoxml } from '../src/read/ooxml';
import {
  decodeRowBytes,
  endTagAt,
  InlineStrings,
  rowHidden,
  rowNumber,
  xmlText,
  type RowTags,
  type SharedStringTable,
} from '../src/read/ooxml-bytes';
import { readWithExcelJs, readXlsxFallback } from '../src/read/xlsx';
import { zip } from '../src/render/spreadsheet/zip';
import { renderXlsx } from '../src/render/xlsx';
import { check, county, tmp, workbook } from './helpers/files';
import { pickWith, seeded } from './helpers/random';

/**
 * `emptyStringResults`: exceljs reads a formula whose cached result is "" as having no
 * result; the fast reader shows an empty cell, as Excel does. Only that pair is forgiven.
 */
/** A sheet's hidden rows that hold a cell, and its hidden columns (a reader may list a hidden row with no values too). */
const hiddenParts = (sheet: {
  rows: readonly (readonly unknown[])[];
  hiddenRows?: ReadonlySet<number>;
  hiddenColumns?: ReadonlySet<number>;
}) => ({
  rows: [...(sheet.hiddenRows ?? [])].filter((r) => sheet.rows[r]?.some((c) => c !== undefined)).sort((a, b) => a - b),
  columns: [...(sheet.hiddenColumns ?? [])].sort((a, b) => a - b),
});

/** A sheet's first row as the byte path reads it (null: left to the general way), without shared strings. */
const firstRowByBytes = (sheet: object) => {
  const internals = sheet as { xml: Buffer; rowStart: Int32Array; rowEnd: Int32Array; bytes: RowTags };
  return decodeRowBytes(
    internals.xml,
    internals.rowStart[0]!,
    internals.rowEnd[0]!,
    0,
    internals.bytes,
    { count: 0, get: () => undefined },
    new InlineStrings(),
  );
};

/** Inline-string cell contents as writers make them, and some the byte path must leave to the general way. */
const INLINE_BODIES = [
  '<is><t>&#23398;&#26657;</t></is>',
  '<is><t>&#23398;&#26657;</t></is>',
  '<is><t xml:space="preserve"> 第&#19968;小学 </t></is>',
  '<is><t>A&amp;B &lt;x&gt; _x0041_</t></is>',
  '<is><t>&#1;</t></is>',
  '<is><t>  </t></is>',
  '<is><t></t></is>',
  '<is><t/></is>',
  '<is><r><t>富</t></r><r><t>文本</t></r></is>',
  '<is><t>学</t><rPh sb="0" eb="1"><t>xue</t></rPh></is>',
  '<is> <t>空格</t></is>',
  '<is><t>未闭合</is>',
  '<is><tx>别的</tx></is>',
  '<is><t>&#99999999;&bogus;</t></is>',
];

const sameSheets = async (buffer: Buffer, emptyStringResults = false) => {
  const fast = readOoxml(buffer);
  const reference = (await readWithExcelJs(buffer, 'x.xlsx')).map((sheet) =>
    emptyStringResults
      ? {
          ...sheet,
          rows: sheet.rows.map((cells, r) =>
            cells.map((c, i) =>
              c?.kind === 'formula-no-result' && fast.find((f) => f.name === sheet.name)!.rows[r]![i] === undefined
                ? undefined
                : c,
            ),
          ),
        }
      : sheet,
  );
  expect(fast.map((s) => s.name)).toEqual(reference.map((s) => s.name));
  fast.forEach((sheet, i) => {
    const ref = reference[i]!;
    const trim = (rows: typeof sheet.rows) => {
      const r = rows.map((cells) => {
        const c = [...cells];
        while (c.length && c[c.length - 1] === undefined) c.pop();
        return c;
      });
      while (r.length && r[r.length - 1]!.length === 0) r.pop();
      return r;
    };
    expect(trim(sheet.rows), sheet.name).toEqual(trim(ref.rows));
    expect(sheet.merges, sheet.name).toEqual(ref.merges);
    expect(hiddenParts(sheet), sheet.name).toEqual(hiddenParts(ref));
  });
  return fast;
};

describe('fast xlsx reader = exceljs', () => {
  // Every workbook fixture that is a workbook (not-a-workbook.xlsx is a renamed text file; the fuzz fixture is corrupt on purpose).
  const fixtures = ['fixtures', 'fixtures/broken'].flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.xlsx') && f !== 'not-a-workbook.xlsx')
      .map((f) => `${d}/${f}`),
  );
  it('covers every workbook fixture', () =>
    expect(fixtures).toEqual([
      'fixtures/sample-county.libreoffice.xlsx',
      'fixtures/sample-county.xlsx',
      'fixtures/sample-scenario.xlsx',
      'fixtures/broken/errors.xlsx',
    ]));
  it.each(fixtures)('%s', async (path) => {
    const sheets = await sameSheets(readFileSync(path));
    expect(sheets.length).toBeGreaterThan(0);
  });

  it('a workbook with merges, formulas, errors and text numbers', async () => {
    const rows = county();
    rows[1]![7] = { formula: '2000+3000', result: 5000 };
    rows[2]![8] = { error: '#REF!' };
    rows[3]![4] = '４０';
    await sameSheets(readFileSync(await workbook({ 学校数据: { rows: [['标题'], ...rows], merges: ['A1:K1'] } })));
  });

  it('rows and columns hidden in the sheet, as exceljs and LibreOffice write them (hidden="1" / "true", a hidden="false" on every row)', async () => {
    const rows = county();
    const made = await workbook({ 学校数据: { rows, hiddenRows: [3, 6], hiddenColumns: [2, 9] } });
    for (const buffer of [readFileSync(made), readFileSync('test/fixtures/hidden-rows-columns.libreoffice.xlsx')]) {
      const [sheet] = await sameSheets(buffer);
      expect(hiddenParts(sheet!).rows.length).toBeGreaterThan(0);
      expect(hiddenParts(sheet!).columns.length).toBeGreaterThan(0);
    }
    const [sheet] = readOoxml(readFileSync(made));
    expect(hiddenParts(sheet!)).toEqual({ rows: [2, 5], columns: [1, 8] });
  });

  it('a row tag’s r and hidden are read in place after any whitespace, never inside another attribute’s name', () => {
    const tag = (t: string) => [Buffer.from(t, 'latin1'), 0, t.length] as const;
    expect(
      [
        '<row r="7" hidden="1">',
        '<row\n r="7"\thidden="true">',
        '<row hidden="false" r="7">',
        '<row r="7" xhidden="1">',
      ].map((t) => [rowNumber(...tag(t)), rowHidden(...tag(t))]),
    ).toEqual([
      [7, true],
      [7, true],
      [7, false],
      [7, false],
    ]);
    expect([rowNumber(...tag('<row spans="1:3">')), rowNumber(...tag('<row r="x7">'))]).toEqual([undefined, NaN]);
  });

  it('a province written by exceljs’s streaming writer (the bench inputs): 2 000 rows in 7 counties', async () => {
    const path = join(tmp(), 'province.xlsx');
    // @ts-expect-error: a plain .mjs script of the repository, untyped
    const { generate } = await import('../scripts/bench-data.mjs');
    await generate(path, 2000, 7);
    const sheets = await sameSheets(readFileSync(path));
    expect(sheets[0]!.rowCount).toBe(2003);
  });

  it("balance-check's own report workbook", async () => {
    await sameSheets(await renderXlsx(await check('fixtures/sample-county.xlsx')), true);
  });

  it('the LibreOffice copy of the sample gives the same county results', async () => {
    const a = await check('fixtures/sample-county.xlsx');
    const b = await check('fixtures/sample-county.libreoffice.xlsx');
    expect(b.issueCounts).toEqual(a.issueCounts);
    // LibreOffice stores 15.2532 (万元) as its nearest double, so sums may differ in the last bit.
    const rounded = (r: typeof a) =>
      JSON.stringify(
        r.counties[0]!.levels.map((l) => l.result),
        (_, v) => (typeof v === 'number' ? Number(v.toPrecision(10)) : v),
      );
    expect(rounded(b)).toBe(rounded(a));
  });
});

describe('what other generators write', () => {
  const pkg = (sheetXml: string, shared = '') =>
    zip(
      [
        ['[Content_Types].xml', '<Types/>'],
        [
          'xl/workbook.xml',
          '<x:workbook xmlns:x="m" xmlns:r="r"><x:sheets><x:sheet name="学校&amp;数据" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>',
        ],
        [
          'xl/_rels/workbook.xml.rels',
          '<Relationships><Relationship Id="rId1" Type="t" Target="/xl/worksheets/sheet1.xml"/></Relationships>',
        ],
        ['xl/worksheets/sheet1.xml', sheetXml],
        ...(shared ? [['xl/sharedStrings.xml', shared] as [string, string]] : []),
      ].map(([name, text]) => ({ name: name!, data: Buffer.from(text!, 'utf8') })),
    );

  it('reads namespace prefixes, inline strings, rich text, cells and rows without r, and entities', () => {
    const sheet =
      '<x:worksheet xmlns:x="m"><x:sheetData>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>学校名称</x:t></x:is></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row>' +
      '<x:row><x:c><x:v>12.5</x:v></x:c><x:c t="str"><x:f>A2&amp;"x"</x:f><x:v>a&lt;b</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>' +
      '</x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';
    const shared =
      '<sst><si><r><t>小学</t></r><r><t xml:space="preserve">在校生_x000D_数</t></r><rPh><t>ショウ</t></rPh></si></sst>';
    const [s] = readOoxml(pkg(sheet, shared));
    expect(s!.name).toBe('学校&数据');
    expect(s!.rows[0]).toEqual([
      { kind: 'text', text: '学校名称' },
      { kind: 'text', text: '小学在校生\r数' },
    ]);
    expect(s!.rows[1]).toEqual([
      { kind: 'number', value: 12.5 },
      { kind: 'text', text: 'a<b' },
      { kind: 'bool', value: true },
    ]);
    expect(s!.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });

  it('numbers read from the bytes equal the general way (Number() of the text) in every form', () => {
    const forms = [
      '0',
      '-0',
      '12',
      '12.5',
      '0.1',
      '.5',
      '5.',
      '-3.25',
      '1e5',
      '1E-3',
      '-2.5e-3',
      '123456789012345678',
      '0.30000000000000004',
      '466.73519999999996',
      '000123',
      '9007199254740993',
      '999999999999999',
      '1000000000000001',
      '0.000000000000000000001',
      '1.7976931348623157e308',
      '1e400',
      ' 12',
      '0x1A',
      '',
      '-',
      '+5',
      '12,5',
      'NaN',
      'Infinity',
      '1.2.3',
      '--1',
    ];
    // Random decimals as programs write them: 1–15 significant digits, 0–10 decimals.
    const random = seeded(7);
    for (let k = 0; k < 3000; k++)
      forms.push((random() * 10 ** Math.floor(random() * 9)).toFixed(Math.floor(random() * 11)).slice(0, 16));
    // Row 2k+1 holds only the number (read from its bytes); row 2k+2 adds an inline string, which sends the row the general way.
    const rows = forms.map(
      (f, k) =>
        `<row r="${2 * k + 1}"><c r="A${2 * k + 1}"><v>${f}</v></c></row>` +
        `<row r="${2 * k + 2}"><c r="A${2 * k + 2}"><v>${f}</v></c><c r="B${2 * k + 2}" t="inlineStr"><is><t>x</t></is></c></row>`,
    );
    const [s] = readOoxml(pkg(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`));
    forms.forEach((f, k) => {
      const fast = s!.row(2 * k)[0];
      const general = s!.row(2 * k + 1)[0];
      expect(fast, f).toEqual(general);
      if (general?.kind === 'number') {
        expect(fast?.kind === 'number' && Object.is(fast.value, general.value), f).toBe(true);
        expect(Object.is(general.value, Number(f)), f).toBe(true);
      }
    });
  });

  it('cells the byte reader leaves to the general way read the same in a row of their own', () => {
    const cells = [
      '<c r="A1" t="s"><v>0</v></c>',
      '<c r="A1" s="3" t="s"><v> 0 </v></c>',
      '<c r="A1" t="n"><v>7</v></c>',
      '<c r="A1" t=\'n\'><v>7</v></c>',
      '<c r="A1"  s="2"  ><v>7</v></c>',
      '<c r="A1"/>',
      '<c r="A1" s="1"/>',
      '<c><v>3</v></c>',
      '<c r="A1"><f>1+1</f><v>2</v></c>',
      '<c r="A1" t="str"><v>文字</v></c>',
      '<c r="A1" t="b"><v>0</v></c>',
      '<c r="A1">\n<v>4</v>\n</c>',
    ];
    for (const c of cells) {
      const xml = (extra: string) => `<worksheet><sheetData><row r="1">${c}${extra}</row></sheetData></worksheet>`;
      const [fast] = readOoxml(pkg(xml(''), '<sst><si><t>小学</t></si></sst>'));
      const [general] = readOoxml(
        pkg(xml('<c r="B1" t="inlineStr"><is><t>x</t></is></c>'), '<sst><si><t>小学</t></si></sst>'),
      );
      expect(fast!.row(0)[0], c).toEqual(general!.row(0)[0]);
    }
  });

  it('an inline text read from its bytes is the text decodeXml reads, for any mix of references and escapes', () => {
    const random = seeded(5);
    const pick = pickWith(random);
    const parts = [
      '学',
      'a',
      ' ',
      '&#23398;',
      '&#x5B66;',
      '&#X5B66;',
      '&#x;',
      '&#;',
      '&#12a;',
      '&#0;',
      '&#1;',
      '&#1114111;',
      '&#1114112;',
      '&#99999999999999999999;',
      '&#xD800;',
      '&#128512;',
      '&amp;',
      '&lt;',
      '&quot;',
      '&apos;',
      '&gt;',
      '&AMP;',
      '&nbsp;',
      '&constructor;',
      '&',
      ';',
      '#',
      '&amp',
      '_x0041_',
      '_x004_',
      '_x',
      '&#95;x0042_',
      '😀',
      'é',
    ];
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: Math.floor(random() * 8) }, () => pick(parts)).join('');
      const bytes = Buffer.from(`<t>${text}</t>`, 'utf8');
      expect(xmlText(bytes, 3, bytes.length - 4), text).toBe(decodeXml(text));
    }
  });

  it('a row as openpyxl writes it (inline strings of character references) is read from its bytes', () => {
    const row =
      '<c r="A1" t="inlineStr"><is><t>&#23398;&#26657;</t></is></c><c r="B1" t="n"><v>909</v></c>' +
      '<c r="C1" s="2" t="inlineStr"><is><t xml:space="preserve"> 一小 </t></is></c>';
    const [sheet] = readOoxml(pkg(`<worksheet><sheetData><row r="1">${row}</row></sheetData></worksheet>`));
    const cells = firstRowByBytes(sheet!);
    expect(cells).toEqual([
      { kind: 'text', text: '学校' },
      { kind: 'number', value: 909 },
      { kind: 'text', text: ' 一小 ' },
    ]);
  });

  it('inline strings under a namespace prefix (x:) are read from the bytes too', () => {
    const row =
      '<x:c r="A1" t="inlineStr"><x:is><x:t>&#23398;&#26657;</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c>';
    const [sheet] = readOoxml(
      pkg(`<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1">${row}</x:row></x:sheetData></x:worksheet>`),
    );
    const cells = firstRowByBytes(sheet!);
    expect(cells).toEqual([
      { kind: 'text', text: '学校' },
      { kind: 'number', value: 7 },
    ]);
  });

  it('an inline text is decoded once: the same bytes give the same value, other bytes another', () => {
    const inline = new InlineStrings();
    const xml = Buffer.from('&#23398;&#26657;|学校|&#23398;&#26657;|  |', 'utf8');
    const a = inline.get(xml, 0, 16);
    expect(a).toEqual({ kind: 'text', text: '学校' });
    expect(inline.get(xml, 24, 40)).toBe(a);
    // The same text written another way is another entry, with an equal value.
    const b = inline.get(xml, 17, 23);
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    expect(inline.get(xml, 41, 43)).toBeUndefined();
  });

  it('random rows: the byte path and the general way give the same cells, or both refuse', () => {
    const random = seeded(11);
    const pick = pickWith(random);
    const values = [
      '0',
      '12',
      '-3.5',
      '1e3',
      '.5',
      '7.',
      ' 4',
      '',
      'x',
      '0',
      '1',
      '2',
      '9',
      '123456789012345678',
      '1.25',
    ];
    const space = () => pick([' ', ' ', ' ', '  ', '\n ', '\t']);
    /** A cell as spreadsheet programs write them (most rows), or one with anything in it. */
    const plainCell = (r: number, c: number) =>
      `<c r="${String.fromCharCode(65 + c)}${r}"${random() < 0.5 ? ` s="${Math.floor(random() * 4)}"` : ''}${pick(['', ' t="s"', ' t="n"'])}>${random() < 0.9 ? `<v>${pick(values)}</v>` : `<v>${Math.floor(random() * 5)}</v>`}</c>`;
    const cell = (r: number, c: number) => {
      const attrs = [
        ...(random() < 0.8
          ? [
              `r="${pick([`${String.fromCharCode(65 + c)}${r}`, `${String.fromCharCode(65 + c)}${r + 1}`, `a${r}`, `$A$${r}`, `${String.fromCharCode(65 + c)}0`])}"`,
            ]
          : []),
        ...(random() < 0.5 ? [`s="${Math.floor(random() * 4)}"`] : []),
        ...(random() < 0.6 ? [`t="${pick(['s', 's', 'n', 'str', 'b', 'e', 'inlineStr', 'inlineStr', 'x'])}"`] : []),
        // A quote that does not close where it should.
        ...(random() < 0.05 ? ['s="1'] : []),
      ].sort(() => random() - 0.5);
      const open = `<c${attrs.map((a) => space() + a).join('')}${random() < 0.1 ? space() : ''}`;
      if (random() < 0.1) return `${open}/>`;
      const v = pick(values);
      const body = pick([
        `<v>${v}</v>`,
        `<v>${v}</v>`,
        `<v>${v}</v>`,
        `<f>1+1</f><v>${v}</v>`,
        `<is><t>字</t></is>`,
        pick(INLINE_BODIES),
        pick(INLINE_BODIES),
        ` <v>${v}</v>`,
        `<v>${v}`,
        '',
      ]);
      return `${open}>${body}</c>`;
    };
    const rows = Array.from({ length: 400 }, (_, k) => {
      const r = k + 1;
      const plain = random() < 0.5;
      const cells = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, c) =>
        plain ? plainCell(r, c) : cell(r, c),
      );
      return `<row r="${r}">${cells.join(random() < 0.2 ? space() : '')}</row>`;
    });
    const [sheet] = readOoxml(
      pkg(
        `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`,
        '<sst><si><t>小学</t></si><si><t> </t></si><si><t>初中</t></si></sst>',
      ),
    );
    const general = (r: number) => (sheet as unknown as { decodeText(r: number): unknown }).decodeText(r);
    const outcome = (f: () => unknown) => {
      try {
        return { ok: f() };
      } catch (e) {
        return { error: (e as Error).constructor.name };
      }
    };
    const internals = sheet as unknown as {
      xml: Buffer;
      rowStart: Int32Array;
      rowEnd: Int32Array;
      bytes: RowTags;
      shared: SharedStringTable;
      inline: InlineStrings;
    };
    const byBytes = (r: number) =>
      decodeRowBytes(
        internals.xml,
        internals.rowStart[r]!,
        internals.rowEnd[r]!,
        r,
        internals.bytes,
        internals.shared,
        internals.inline,
      );
    let fromBytes = 0;
    let refused = 0;
    for (let r = 64; r < 400; r++) {
      const a = outcome(() => sheet!.row(r));
      const b = outcome(() => general(r));
      expect(a, rows[r]).toEqual(b);
      if ('error' in b) refused++;
      if (outcome(() => byBytes(r)).ok) fromBytes++;
    }
    // All three kinds of row occur: read from the bytes, left to the general way, refused by both.
    expect(fromBytes).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
    expect(fromBytes + refused).toBeLessThan(336);
  });

  it('an end tag is found where indexOf finds it: at or after the start, with a prefix, after near-misses, or not at all', () => {
    const random = seeded(5);
    const pick = pickWith(random);
    // Pieces that hold the tag's bytes in part (w, w>, </ro, row>), whole, under a prefix, CJK text, and more
    // of its rare byte than endTagAt looks at one by one.
    const pieces = [
      '<c r="A1"><v>1</v></c>',
      'w',
      'w>',
      '</ro',
      'row>',
      '</row>',
      '</x:row>',
      '学校',
      '</sheetData>',
      'a>',
      ' ',
      'w'.repeat(20),
    ];
    let found = 0;
    for (let n = 0; n < 400; n++) {
      const xml = Buffer.from(Array.from({ length: Math.floor(random() * 12) }, () => pick(pieces)).join(''), 'utf8');
      for (const tag of ['</row>', '</x:row>', '</sheetData>']) {
        const close = Buffer.from(tag, 'latin1');
        for (let from = 0; from <= xml.length + 1; from++) {
          const at = endTagAt(xml, close, from);
          expect(at, `${xml.toString()} ${tag} from ${from}`).toBe(xml.indexOf(close, from));
          if (at >= 0) found++;
        }
      }
    }
    expect(found).toBeGreaterThan(1000);
  });

  it('release() frees a large sheet’s XML at once and leaves the file and small sheets to the collector', () => {
    const rows = Array.from(
      { length: 40_000 },
      (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`,
    ).join('');
    const file = pkg(`<worksheet><sheetData>${rows}</sheetData></worksheet>`);
    const copy = Buffer.from(file);
    const [big] = readOoxml(file);
    expect(big!.row(39_999)[0]).toEqual({ kind: 'number', value: 39_999 });
    const xml = (big as unknown as { xml: Buffer }).xml;
    expect(xml.length).toBeGreaterThan(1 << 20);
    big!.release!();
    expect(xml.buffer.byteLength).toBe(0);
    expect(() => big!.row(100)).toThrow(/after release/);
    expect(file.equals(copy)).toBe(true);
    const [small] = readOoxml(
      pkg('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'),
    );
    const smallXml = (small as unknown as { xml: Buffer }).xml;
    small!.release!();
    expect(smallXml.buffer.byteLength).toBeGreaterThan(0);
    expect(() => small!.rows).toThrow(/after release/);
  });

  it('a formula without a cached value, and an error value', () => {
    const [s] = readOoxml(
      pkg(
        '<worksheet><sheetData><row r="3"><c r="C3"><f>SUM(A1:A2)</f></c><c r="D3" t="e"><v>#N/A</v></c></row></sheetData></worksheet>',
      ),
    );
    expect(s!.rows[2]![2]).toEqual({ kind: 'formula-no-result', formula: 'SUM(A1:A2)' });
    expect(s!.rows[2]![3]).toEqual({ kind: 'error', error: '#N/A' });
  });

  it('a package the fast reader does not understand goes to exceljs', async () => {
    const odd = pkg('<worksheet><sheetData><row><c t="weird"><v>1</v></c></row></sheetData></worksheet>');
    // The fast reader decodes a row when it is read: the odd cell type fails there, and the pipeline turns to exceljs.
    expect(() => readOoxml(odd)[0]!.row(0)).toThrow(OoxmlFormatError);
    const path = join(tmp(), 'odd.xlsx');
    writeFileSync(path, odd);
    await expect(check(path)).rejects.toThrow(/不是有效的 \.xlsx 文件/);
    await expect(readXlsxFallback(odd, 'odd.xlsx')).rejects.toThrow(/不是有效的 \.xlsx 文件/);
  });
});

describe('the exceljs fallback', () => {
  it('keeps a formula whose cached result is 0 (exceljs drops it from cell.value)', async () => {
    const rows = county();
    rows[1]![5] = { formula: '12-12', result: 0 };
    const sheets = await readWithExcelJs(readFileSync(await workbook({ 学校数据: rows })), 'x.xlsx');
    expect(sheets[0]!.rows[1]![5]).toEqual({ kind: 'number', value: 0 });
  });
});
