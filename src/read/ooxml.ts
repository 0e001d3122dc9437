/**
 * A small, fast reader for the parts of SpreadsheetML balance-check needs: sheet names
 * and order, shared strings, cell values (cached formula results, errors, inline strings)
 * and merged ranges. Anything it does not recognise throws OoxmlFormatError, and the
 * caller falls back to exceljs.
 */
import { lookup } from '../common/lookup';
import { clipMerges, MAX_COLUMNS, MAX_ROWS, UnreadableFileError, type CellValue, type MergeRange, type Sheet } from './types';
import { DEFAULT_LIMITS, ZipArchive, type InflateLimits } from './unzip';

export class OoxmlFormatError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A character reference beyond Unicode is left as written. */
const codePoint = (n: number, whole: string) => (n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole);

export function decodeXml(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, e: string) =>
      e[0] === '#' ? codePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10), whole) : (lookup(ENTITIES, e) ?? whole),
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTR_PATTERNS = new Map<string, RegExp>();
const attr = (attrs: string, name: string): string | undefined => {
  let pattern = ATTR_PATTERNS.get(name);
  if (!pattern) ATTR_PATTERNS.set(name, (pattern = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  const m = pattern.exec(attrs);
  return m ? decodeXml(m[1]!) : undefined;
};

/** All text of <t> elements, phonetic guides (<rPh>) left out. */
const textOf = (xml: string) =>
  [...xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '').matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)]
    .map((m) => decodeXml(m[1] ?? ''))
    .join('');

/** A reference beyond Excel's grid: no program writes one; reading it would allocate without end. */
export const outOfRange = (sheet: string, ref: string) =>
  new UnreadableFileError(
    `工作表“${sheet}”中的单元格引用 ${ref.length > 40 ? `${ref.slice(0, 40)}…` : ref} 超出 Excel 的范围（最多 ${MAX_ROWS.toLocaleString('en-US')} 行、${MAX_COLUMNS.toLocaleString('en-US')} 列，即 XFD1048576），文件已损坏或被改动过`,
    'CELL_OUT_OF_RANGE',
  );

function cellRef(ref: string, sheet: string): [number, number] {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,9})$/.exec(ref);
  if (!m) {
    if (/^\$?[A-Za-z]+\$?\d+$/.test(ref)) throw outOfRange(sheet, ref);
    throw new OoxmlFormatError(`cell reference ${ref}`);
  }
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROWS || col > MAX_COLUMNS) throw outOfRange(sheet, ref);
  return [row - 1, col - 1];
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

export function readOoxml(buffer: Buffer, limits: InflateLimits = DEFAULT_LIMITS, label = ''): Sheet[] {
  const files = new ZipArchive(buffer, limits, label);
  const text = (name: string) => files.get(name)?.toString('utf8');
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new OoxmlFormatError('no xl/workbook.xml');
  const targets = new Map<string | undefined, string | undefined>(
    [...rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)].map((m) => [attr(m[1]!, 'Id'), attr(m[1]!, 'Target')]),
  );
  const shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) =>
    textOf(m[1] ?? ''),
  );
  return [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)].map((m) => {
    const name = attr(m[1]!, 'name');
    const id = /\br:id="([^"]*)"|\b\w+:id="([^"]*)"/.exec(m[1]!);
    const target = id ? targets.get(id[1] ?? id[2]) : undefined;
    const xml = target ? text(resolveTarget(target)) : undefined;
    if (name === undefined || xml === undefined) throw new OoxmlFormatError(`sheet ${name}`);
    return readSheet(name, xml, shared);
  });
}

const CELL_OR_ROW = /<(?:\w+:)?row\b([^>]*?)\/?>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

function readSheet(name: string, xml: string, shared: readonly string[]): Sheet {
  const data = /<(?:\w+:)?sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?sheetData>)/.exec(xml);
  const rows: (CellValue | undefined)[][] = [];
  let row = -1;
  let col = -1;
  for (const m of (data?.[1] ?? '').matchAll(CELL_OR_ROW)) {
    if (m[1] !== undefined) {
      const r = attr(m[1], 'r');
      if (r !== undefined && !/^\d{1,9}$/.test(r)) throw new OoxmlFormatError(`row ${r}`);
      row = r ? Number(r) - 1 : row + 1;
      if (row < 0 || row >= MAX_ROWS) throw outOfRange(name, `第 ${r ?? row + 1} 行`);
      col = -1;
      continue;
    }
    const attrs = m[2]!;
    const r = attr(attrs, 'r');
    [row, col] = r ? cellRef(r, name) : [Math.max(row, 0), col + 1];
    if (col >= MAX_COLUMNS) throw outOfRange(name, `第 ${row + 1} 行第 ${col + 1} 列`);
    const value = cellValue(attr(attrs, 't') ?? 'n', m[3] ?? '', shared);
    if (value) (rows[row] ??= [])[col] = value;
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const merges: MergeRange[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g)) {
    const [from = '', to = from] = m[1]!.split(':');
    const [r0, c0] = cellRef(from, name);
    const [r1, c1] = cellRef(to, name);
    merges.push({ top: Math.min(r0, r1), left: Math.min(c0, c1), bottom: Math.max(r0, r1), right: Math.max(c0, c1) });
  }
  return { name, rows, merges: clipMerges(merges, rows) };
}

function cellValue(type: string, inner: string, shared: readonly string[]): CellValue | undefined {
  const v = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  const formula = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(inner);
  if (v === undefined && type !== 'inlineStr')
    return formula ? { kind: 'formula-no-result', formula: decodeXml(formula[1] ?? '') } : undefined;
  const text = (s: string): CellValue | undefined => (s.trim() === '' ? undefined : { kind: 'text', text: s });
  switch (type) {
    case 's': {
      const s = shared[Number(v)];
      if (s === undefined) throw new OoxmlFormatError(`shared string ${v}`);
      return text(s);
    }
    case 'str':
      return text(decodeXml(v!));
    case 'inlineStr':
      return text(textOf(/<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1] ?? ''));
    case 'b':
      return { kind: 'bool', value: v === '1' || v === 'true' };
    case 'e':
      return { kind: 'error', error: decodeXml(v!) };
    case 'd': {
      // An ISO 8601 date; anything else is kept as the text it is, for the schema to report at its cell.
      const raw = decodeXml(v!);
      const date = new Date(raw);
      return Number.isNaN(date.getTime()) ? text(raw) : { kind: 'date', value: date };
    }
    case 'n': {
      const n = Number(v);
      // Not a number where a number is declared: the text as written, reported at its cell ("不是数字").
      return Number.isFinite(n) && v!.trim() !== '' ? { kind: 'number', value: n } : text(decodeXml(v!));
    }
    default:
      throw new OoxmlFormatError(`cell type ${type}`);
  }
}
