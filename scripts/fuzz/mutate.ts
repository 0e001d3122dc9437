/**
 * Mutations of the fixtures, as a hostile or careless user makes them: cell values, cell
 * types and references, merged ranges, broken XML, zip structure (bytes, duplicate and
 * overlapping entries, bombs), CSV encodings and quoting, huge sheets. Seeded: the same
 * seed and index give the same input.
 */
import iconv from 'iconv-lite';
import { unzip } from '../../src/read/unzip';
import { zip } from '../../src/render/spreadsheet/zip';
import { rng as seededRng } from '../county-data.mjs';

export type Rng = () => number;

/** The generator the sample county is made with (mulberry32). */
export const rng: (seed: number) => Rng = seededRng;

const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;

export interface FuzzInput {
  /** The mutation class, for the summary and the saved file's name. */
  kind: string;
  ext: 'xlsx' | 'csv';
  data: Buffer;
  /** Extra command-line arguments (a lowered --max-inflate, a hostile -o). */
  args?: string[];
  /** Whether -o names a path that must fail (the output-path classes). */
  badOutput?: 'file' | 'proc' | 'dev' | 'folder-name';
  /** Seconds this input may take (large tables), instead of the run's --timeout. */
  timeout?: number;
  /** A valid table: it must be checked (exit 0 or 1, every report written). */
  valid?: boolean;
  /** Bytes changed under the zip's CRC: it must be refused as damaged (exit 3). */
  damaged?: boolean;
  /**
   * Signal during commit: `old` is checked into the folder first, then `data` with a SIGINT after the
   * `at`-th file operation of its write; the folder must then hold the old set or the new set, whole.
   */
  signal?: { old: Buffer; at: number };
}

export const HOSTILE_TEXT = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '约760',
  '760人左右',
  '不详',
  '-',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[点我](javascript:alert(1))',
  '![x](http://x/y.png)',
  '**粗体**',
  '| a | b |',
  '# 标题',
  '=1+1',
  '+1',
  '@SUM(A1)',
  '-1',
  '-0',
  '0',
  '1e308',
  '1e-320',
  'NaN',
  'Infinity',
  '',
  ' ',
  '\u3000',
  '\t',
  'x'.repeat(20000),
  '\u0000',
  '😀学校',
  '１２３',
  '1,234.5',
  '12%',
  '#DIV/0!',
  '是',
  '否',
  '合计',
  '小计',
  '城区',
  '乡村',
  '教学点',
  '九年一贯制',
  '十二年一贯制',
  '特殊教育学校',
  '民办',
  '2024-13-45',
  '\\',
  '"',
  "'",
  '\r\n',
  '学校名称',
  '学校类型',
  '小学在校生数',
  '&amp;',
  '&#99999999;',
  '_x0000_',
  '🏫'.repeat(3000),
];

export const HOSTILE_NUMBERS = [
  '1e309',
  '-1e309',
  '99999999999999999999',
  '0.1',
  '-5',
  '3.7',
  '1E5',
  '0x10',
  ' 12 ',
  '',
  'abc',
  '1/0',
];

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Package {
  entries: Map<string, Buffer>;
  sheets: string[];
}

function open(xlsx: Buffer): Package {
  const entries = unzip(xlsx);
  const sheets = [...entries.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  return { entries, sheets };
}

const pack = (p: Package) => zip([...p.entries].map(([name, data]) => ({ name, data })));

/** The cells (`<c …>…</c>` or `<c …/>`) of a sheet, with their offsets. */
const CELL = /<(?:\w+:)?c\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)/g;

function editSheet(r: Rng, p: Package, edit: (xml: string) => string): Buffer {
  const name = pick(r, p.sheets);
  p.entries.set(name, Buffer.from(edit(p.entries.get(name)!.toString('utf8')), 'utf8'));
  return pack(p);
}

function replaceRandomCell(r: Rng, xml: string, make: (ref: string) => string): string {
  const cells = [...xml.matchAll(CELL)];
  if (cells.length === 0) return xml;
  const m = pick(r, cells);
  const ref = /\br="([^"]*)"/.exec(m[0])?.[1] ?? '';
  return xml.slice(0, m.index) + make(ref) + xml.slice(m.index + m[0].length);
}

const XLSX_MUTATIONS: Record<string, (r: Rng, p: Package) => FuzzInput | Buffer> = {
  'cell-text': (r, p) =>
    editSheet(r, p, (xml) => {
      let out = xml;
      for (let i = 1 + int(r, 4); i > 0; i--)
        out = replaceRandomCell(
          r,
          out,
          (ref) =>
            `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(pick(r, HOSTILE_TEXT))}</t></is></c>`,
        );
      return out;
    }),
  'cell-number': (r, p) =>
    editSheet(r, p, (xml) =>
      replaceRandomCell(r, xml, (ref) => `<c r="${ref}"><v>${xmlEscape(pick(r, HOSTILE_NUMBERS))}</v></c>`),
    ),
  'cell-type': (r, p) =>
    editSheet(r, p, (xml) =>
      replaceRandomCell(r, xml, (ref) => {
        const t = pick(r, ['d', 'e', 's', 'b', 'n', 'str', 'inlineStr', 'weird', '']);
        const v = pick(r, [
          'not a date',
          '2024-02-30',
          '2024-01-01T00:00:00Z',
          '99999',
          '-1',
          '1.5',
          'abc',
          '#N/A',
          '',
          '1e400',
          '0',
        ]);
        return `<c r="${ref}" t="${t}"><v>${v}</v></c>`;
      }),
    ),
  'cell-ref': (r, p) =>
    editSheet(r, p, (xml) =>
      replaceRandomCell(
        r,
        xml,
        () =>
          `<c r="${pick(r, ['A999999999', 'A1048577', 'XFE1', 'ZZZZ1', 'A0', 'a1', '$A$1', 'A-1', '', 'B1048576', 'XFD1', '1A'])}"><v>1</v></c>`,
      ),
    ),
  'row-ref': (r, p) =>
    editSheet(r, p, (xml) =>
      xml.replace(
        /<row\b([^>]*?)r="\d+"/,
        `<row$1r="${pick(r, ['1048576', '1048577', '0', '-3', '99999999999', 'x'])}"`,
      ),
    ),
  merge: (r, p) =>
    editSheet(r, p, (xml) => {
      const ref = pick(r, [
        'A50:XFD1048576',
        'A1:XFD1048576',
        'A1:A1',
        'C3:A1',
        'A1:XFE1',
        'A1:B',
        'A1048576:XFD1048576',
        'B2:D4',
        'A1:Z9999',
      ]);
      const merges = `<mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`;
      return xml.includes('</mergeCells>')
        ? xml.replace('</mergeCells>', `<mergeCell ref="${ref}"/></mergeCells>`)
        : xml.replace('</sheetData>', `</sheetData>${merges}`);
    }),
  'sparse-rows': (r, p) =>
    editSheet(r, p, (xml) => {
      const n = pick(r, ['1048576', '500000', '65536']);
      return xml.replace('</sheetData>', `<row r="${n}"><c r="A${n}"><v>1</v></c></row></sheetData>`);
    }),
  'xml-cut': (r, p) =>
    editSheet(r, p, (xml) => {
      const a = int(r, xml.length);
      return xml.slice(0, a) + xml.slice(Math.min(xml.length, a + 1 + int(r, 200)));
    }),
  'xml-garbage': (r, p) =>
    editSheet(r, p, (xml) => {
      const a = int(r, xml.length);
      return (
        xml.slice(0, a) +
        pick(r, [
          '<',
          '>',
          '&',
          '&constructor;',
          '&#99999999;',
          '&#x0;',
          '"',
          '</c>',
          '<c>',
          '<row>',
          '\u0000',
          ']]>',
          '<!--',
          '<?xml?>',
        ]) +
        xml.slice(a)
      );
    }),
  'xml-duplicate-rows': (r, p) =>
    editSheet(r, p, (xml) => {
      const rows = [...xml.matchAll(/<row\b[\s\S]*?<\/row>/g)];
      if (!rows.length) return xml;
      const row = pick(r, rows)[0];
      return xml.replace('</sheetData>', `${row.repeat(1 + int(r, 50))}</sheetData>`);
    }),
  'shared-strings': (r, p) => {
    const name = 'xl/sharedStrings.xml';
    const xml = p.entries.get(name)?.toString('utf8');
    if (!xml) return XLSX_MUTATIONS['cell-text']!(r, p);
    const sis = [...xml.matchAll(/<si>[\s\S]*?<\/si>/g)];
    if (!sis.length) return pack(p);
    const m = pick(r, sis);
    const replacement = pick(r, [
      `<si><t>${xmlEscape(pick(r, HOSTILE_TEXT))}</t></si>`,
      '',
      '<si/>',
      '<si><r><t>学校</t></r><rPh><t>x</t></rPh></si>',
    ]);
    p.entries.set(name, Buffer.from(xml.slice(0, m.index) + replacement + xml.slice(m.index + m[0].length), 'utf8'));
    return pack(p);
  },
  'drop-entry': (r, p) => {
    p.entries.delete(pick(r, [...p.entries.keys()]));
    return pack(p);
  },
  'workbook-xml': (r, p) => {
    const wb = p.entries.get('xl/workbook.xml')!.toString('utf8');
    p.entries.set(
      'xl/workbook.xml',
      Buffer.from(
        wb.replace(
          /name="[^"]*"/,
          `name="${xmlEscape(pick(r, ['__proto__', 'constructor', '', '县级指标', '学校数据', '<x>']))}"`,
        ),
        'utf8',
      ),
    );
    return pack(p);
  },
};

/** Byte and structure edits of the zip itself. */
function zipMutation(r: Rng, xlsx: Buffer): { kind: string; data: Buffer } {
  const kind = pick(r, ['zip-bytes', 'zip-truncate', 'zip-duplicate-entries', 'zip-method', 'zip-eocd']);
  const b = Buffer.from(xlsx);
  switch (kind) {
    case 'zip-bytes':
      for (let i = 1 + int(r, 20); i > 0; i--) b[int(r, b.length)] = int(r, 256);
      return { kind, data: b };
    case 'zip-truncate':
      return { kind, data: b.subarray(0, int(r, b.length)) };
    case 'zip-duplicate-entries':
      return { kind, data: duplicateEntries(b, 2 + int(r, 7)) };
    case 'zip-method': {
      const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      const dir = b.readUInt32LE(eocd + 16);
      b.writeUInt16LE(pick(r, [1, 9, 12, 14, 99]), dir + 10);
      return { kind, data: b };
    }
    default: {
      const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      b.writeUInt16LE(int(r, 65536), eocd + 10);
      b.writeUInt32LE(int(r, 2 ** 32), eocd + 16);
      return { kind, data: b };
    }
  }
}

/** The central directory listing the first entry n times under other names: one stream, many entries. */
export function duplicateEntries(xlsx: Buffer, n: number): Buffer {
  const eocd = xlsx.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const dirStart = xlsx.readUInt32LE(eocd + 16);
  const nameLength = xlsx.readUInt16LE(dirStart + 28);
  const extra = xlsx.readUInt16LE(dirStart + 30) + xlsx.readUInt16LE(dirStart + 32);
  const first = xlsx.subarray(dirStart, dirStart + 46 + nameLength + extra);
  const copies: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const c = Buffer.from(first);
    c[46] = 0x61 + (i % 26); // another name, same local header
    copies.push(c);
  }
  const dir = Buffer.concat([xlsx.subarray(dirStart, eocd), ...copies]);
  const end = Buffer.from(xlsx.subarray(eocd, eocd + 22));
  const count = end.readUInt16LE(10) + n;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(dir.length, 12);
  return Buffer.concat([xlsx.subarray(0, dirStart), dir, end]);
}

/** A worksheet padded with `mb` megabytes of spaces: deflated, about a thousandth of that. */
export function bomb(xlsx: Buffer, mb: number): Buffer {
  const p = open(xlsx);
  const sheet = p.sheets[0]!;
  p.entries.set(sheet, Buffer.concat([p.entries.get(sheet)!, Buffer.alloc(mb * 1024 * 1024, 0x20)]));
  return pack(p);
}

const CSV_ENCODINGS = [
  'big5',
  'shift_jis',
  'latin1',
  'utf32le',
  'utf32be',
  'utf16le',
  'utf16be',
  'gbk',
  'gb18030',
  'utf8',
  'cp1252',
  'euc-kr',
];

function csvMutation(r: Rng, csvUtf8: string): FuzzInput {
  const kind = pick(r, [
    'csv-encoding',
    'csv-quote',
    'csv-field',
    'csv-bytes',
    'csv-bom',
    'csv-delimiter',
    'csv-shape',
  ]);
  let text = csvUtf8;
  switch (kind) {
    case 'csv-encoding': {
      const enc = pick(r, CSV_ENCODINGS);
      if (enc === 'latin1' || enc === 'cp1252')
        text = text.replace(/[^\x00-\x7f]/g, () => pick(r, ['é', 'ü', 'ß', 'ñ', 'ø']));
      const addBom = r() < 0.5;
      if (r() < 0.2) {
        const half = Math.floor(text.length / 2);
        return {
          kind: 'csv-half-half',
          ext: 'csv',
          data: Buffer.concat([iconv.encode(text.slice(0, half), 'utf8'), iconv.encode(text.slice(half), 'gbk')]),
        };
      }
      return {
        kind: `csv-encoding-${enc}${addBom ? '-bom' : ''}`,
        ext: 'csv',
        data: iconv.encode(text, enc, { addBOM: addBom }),
      };
    }
    case 'csv-quote': {
      const i = int(r, text.length + 1);
      return {
        kind,
        ext: 'csv',
        data: Buffer.from(text.slice(0, i) + pick(r, ['"', '""', '"x', ',"', '"\n']) + text.slice(i), 'utf8'),
      };
    }
    case 'csv-field': {
      const lines = text.split('\n');
      for (let k = 1 + int(r, 5); k > 0; k--) {
        const li = int(r, lines.length);
        const fields = lines[li]!.split(',');
        fields[int(r, fields.length)] = pick(r, HOSTILE_TEXT).replace(/[",\n\r]/g, '');
        lines[li] = fields.join(',');
      }
      return { kind, ext: 'csv', data: Buffer.from(lines.join('\n'), 'utf8') };
    }
    case 'csv-bytes': {
      const b = Buffer.from(text, 'utf8');
      for (let i = 1 + int(r, 10); i > 0; i--) b[int(r, b.length)] = int(r, 256);
      return { kind, ext: 'csv', data: b };
    }
    case 'csv-bom': {
      const bom = pick(r, [
        [0xff, 0xfe],
        [0xfe, 0xff],
        [0xef, 0xbb, 0xbf],
        [0xff, 0xfe, 0, 0],
      ]);
      const body = Buffer.from(text.slice(0, int(r, 200)), 'utf8');
      return { kind, ext: 'csv', data: Buffer.concat([Buffer.from(bom), body, Buffer.from(r() < 0.5 ? [0x41] : [])]) };
    }
    case 'csv-delimiter':
      return { kind, ext: 'csv', data: Buffer.from(text.replace(/,/g, pick(r, ['\t', ';', '|', ' ', '，'])), 'utf8') };
    default: {
      const shape = pick(r, ['empty', 'one-quote', 'nul', 'only-header', 'long-line', 'blank-lines']);
      const data =
        shape === 'empty'
          ? Buffer.alloc(0)
          : shape === 'one-quote'
            ? Buffer.from('"')
            : shape === 'nul'
              ? Buffer.alloc(1000, 0)
              : shape === 'only-header'
                ? Buffer.from(text.split('\n').slice(0, 2).join('\n'), 'utf8')
                : shape === 'long-line'
                  ? Buffer.from(`${text}\n${'9,'.repeat(200000)}`, 'utf8')
                  : Buffer.from(`${'\n'.repeat(100000)}${text}`, 'utf8');
      return { kind: `csv-${shape}`, ext: 'csv', data };
    }
  }
}

/** 200 000 rows that each raise one warning (a text number), or one of every school row repeated. */
export function manyRows(csvUtf8: string, rows: number): Buffer {
  const lines = csvUtf8.split('\n');
  const header = lines.slice(0, 2);
  const body = lines.slice(2).filter((l) => /^\d/.test(l));
  const out: string[] = [...header];
  for (let i = 0; i < rows; i++) {
    const fields = body[i % body.length]!.split(',');
    fields[1] = `学校${i}`;
    if (fields[10]) fields[10] = `${fields[10]}人`;
    out.push(fields.join(','));
  }
  return Buffer.from(out.join('\n'), 'utf8');
}

/**
 * A large valid table: the sample's school rows repeated under new names and codes, as one county
 * of `rows` schools or (province) spread over counties in a 区县 column. No data error, so the
 * input reaches every renderer (the many-rows class never did).
 */
export function largeValid(csvUtf8: string, rows: number, counties: number): Buffer {
  const lines = csvUtf8.split('\n');
  const header = lines[1]!.split(',');
  const body = lines.slice(2).filter((l) => /^\d/.test(l));
  const out: string[] = [lines[0]!, (counties ? ['区县', ...header] : header).join(',')];
  for (let i = 0; i < rows; i++) {
    const fields = body[i % body.length]!.split(',');
    fields[0] = String(i + 1);
    fields[1] = `${fields[1]}${i}`;
    fields[2] = String(3_000_000_000 + i);
    out.push((counties ? [`第${(i % counties) + 1}县`, ...fields] : fields).join(','));
  }
  return Buffer.from(out.join('\n'), 'utf8');
}

/** Numbers no school has, or nearly none, in random cells of a valid table: huge, tiny, subnormal, past the double range. */
export function extremeNumbers(r: Rng, csvUtf8: string): Buffer {
  const lines = csvUtf8.split('\n');
  const values = [
    '1e308',
    '1e309',
    '1.7976931348623157e308',
    '5e-324',
    '1e-300',
    '99999',
    '100001',
    '1e15',
    '9999999',
    '0.000001',
    '1e305',
  ];
  for (let k = 0; k < 1 + int(r, 6); k++) {
    const row = 2 + int(r, lines.length - 4);
    const fields = lines[row]!.split(',');
    if (!/^\d/.test(fields[0] ?? '')) continue;
    fields[7 + int(r, 20)] = pick(r, values);
    lines[row] = fields.join(',');
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** Control characters (C0, DEL, C1, ESC sequences) in school names, 学区 and the title. */
export function controlCharacters(r: Rng, csvUtf8: string): Buffer {
  const lines = csvUtf8.split('\n');
  const nasty = [
    '\u001b[2J',
    '\u001b]0;x\u0007',
    '\u0007',
    '\b',
    '\u0000',
    '\u007f',
    '\u009b31m',
    '\u000b',
    '\f',
    '\u001b[31m',
  ];
  for (let k = 0; k < 1 + int(r, 8); k++) {
    const row = int(r, lines.length - 1);
    const fields = lines[row]!.split(',');
    const col = pick(r, [0, 1, 1, 1, 6]);
    if (fields[col] === undefined) continue;
    const at = int(r, fields[col].length + 1);
    fields[col] = `${fields[col].slice(0, at)}${pick(r, nasty)}${fields[col].slice(at)}`;
    lines[row] = fields.join(',');
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** One byte of a sheet's (or the shared strings') data changed, the zip's CRC left as it was. */
export function bitRot(r: Rng, xlsx: Buffer): Buffer {
  const b = Buffer.from(xlsx);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = b.readUInt32LE(eocd + 16);
  const entries: { start: number; size: number }[] = [];
  for (let i = 0; i < b.readUInt16LE(eocd + 10); i++) {
    const size = b.readUInt32LE(p + 20);
    const nameLength = b.readUInt16LE(p + 28);
    const name = b.toString('utf8', p + 46, p + 46 + nameLength);
    const local = b.readUInt32LE(p + 42);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    if (/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name) && size > 0) entries.push({ start, size });
    p += 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  const e = pick(r, entries);
  const at = e.start + int(r, e.size);
  b[at] = b[at]! ^ (1 << int(r, 8));
  return b;
}

export interface Fixtures {
  xlsx: Buffer[];
  csvUtf8: string;
}

/** The index-th input of a seeded run. */
export function mutate(seed: number, index: number, fx: Fixtures, secondRoundOnly = false): FuzzInput {
  const r = rng(seed * 1_000_003 + index);
  const roll = secondRoundOnly ? 1 : r();
  if (roll < 0.55) {
    const kind = pick(r, Object.keys(XLSX_MUTATIONS));
    const out = XLSX_MUTATIONS[kind]!(r, open(pick(r, fx.xlsx)));
    return Buffer.isBuffer(out) ? { kind, ext: 'xlsx', data: out } : out;
  }
  if (roll < 0.7) {
    const { kind, data } = zipMutation(r, pick(r, fx.xlsx));
    return { kind, ext: 'xlsx', data };
  }
  if (roll < 0.93) return csvMutation(r, fx.csvUtf8);
  if (roll < 0.965) {
    const badOutput = pick(r, ['file', 'proc', 'dev', 'folder-name'] as const);
    return { kind: `output-${badOutput}`, ext: 'xlsx', data: pick(r, fx.xlsx), badOutput };
  }
  if (roll < 0.985) {
    // A bomb past a lowered limit: the mechanism, without inflating gigabytes on every run.
    return { kind: 'zip-bomb', ext: 'xlsx', data: bomb(pick(r, fx.xlsx), 80), args: ['--max-inflate', '64'] };
  }
  if (roll < 0.99) return { kind: 'many-rows', ext: 'csv', data: manyRows(fx.csvUtf8, 5000 + int(r, 15000)) };
  return hostileSecondRound(r, fx);
}

/** The classes issue 27 added: large valid tables, extreme numbers, control characters, bit rot. */
function hostileSecondRound(r: Rng, fx: Fixtures): FuzzInput {
  const kind = pick(r, [
    'large-county',
    'large-province',
    'extreme-numbers',
    'control-characters',
    'bit-rot',
    'signal-during-commit',
  ]);
  switch (kind) {
    // One county of 10 000–12 000 schools (a province table without its 区县 column: every school in one
    // county's reports, 12–16 s and 0.6 GB); a 20 000-school county peaks at 1.1 GB, over the harness's cap.
    case 'large-county':
      return { kind, ext: 'csv', data: largeValid(fx.csvUtf8, 10_000 + int(r, 2_000), 0), valid: true, timeout: 120 };
    case 'large-province':
      return {
        kind,
        ext: 'csv',
        data: largeValid(fx.csvUtf8, 10_000 + int(r, 20_000), 5 + int(r, 60)),
        valid: true,
        timeout: 120,
      };
    case 'extreme-numbers':
      return { kind, ext: 'csv', data: extremeNumbers(r, fx.csvUtf8) };
    case 'control-characters':
      return { kind, ext: 'csv', data: controlCharacters(r, fx.csvUtf8) };
    case 'signal-during-commit': {
      // Two valid tables that differ (a school's students), so the old set and the new one differ in every report.
      const lines = fx.csvUtf8.split('\n');
      const changed = lines.map((l, i) =>
        i === 2 ? l.replace(/,(\d+),,,/, (_, n: string) => `,${Number(n) + 7},,,`) : l,
      );
      return {
        kind,
        ext: 'csv',
        data: Buffer.from(changed.join('\n'), 'utf8'),
        signal: { old: Buffer.from(fx.csvUtf8, 'utf8'), at: 1 + int(r, 45) },
      };
    }
    default:
      return { kind, ext: 'xlsx', data: bitRot(r, pick(r, fx.xlsx)), damaged: true };
  }
}
