/**
 * A small, fast reader for the parts of SpreadsheetML balance-check needs: sheet names
 * and order, shared strings, cell values (cached formula results, errors, inline strings)
 * and merged ranges. Anything it does not recognise throws OoxmlFormatError, and the
 * caller falls back to exceljs.
 */
import { withoutControls } from '../common/controls';
import { lookup } from '../common/lookup';
import {
  a1,
  clipMergesTo,
  MAX_COLUMNS,
  MAX_ROWS,
  UnreadableFileError,
  type CellValue,
  type MergeRange,
  type Sheet,
} from './types';
import { SHARED_OFF_GRID, SHARED_TEXT_MISSING, slideFormula } from './formula';
import {
  decodeRowBytes,
  endTagAt,
  GT,
  InlineStrings,
  isSpace,
  LT,
  rowHidden,
  rowNumber,
  rowTags,
  SLASH,
  startsAt,
  textValue,
  XML_ENTITIES,
  type RowTags,
} from './ooxml-bytes';
import { DEFAULT_LIMITS, ZipArchive, ZipFormatError, type InflateLimits } from './unzip';

export class OoxmlFormatError extends Error {}

/** A character reference beyond Unicode is left as written. */
const codePoint = (n: number, whole: string) => (n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole);

export function decodeXml(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, e: string) =>
      e[0] === '#'
        ? codePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10), whole)
        : (lookup(XML_ENTITIES, e) ?? whole),
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
  [
    ...xml
      .replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '')
      .matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g),
  ]
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
  const relations = [...rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)].map((m) => m[1]!);
  const targets = new Map<string | undefined, string | undefined>(
    relations.map((r) => [attr(r, 'Id'), attr(r, 'Target')]),
  );
  // The shared strings where the workbook's relationships put them, else where Excel does.
  const sharedRel = relations.find((r) => /\/sharedStrings$/.test(attr(r, 'Type') ?? ''));
  const relPart =
    sharedRel && attr(sharedRel, 'Target') !== undefined ? resolveTarget(attr(sharedRel, 'Target')!) : undefined;
  const sharedPart = relPart !== undefined && files.has(relPart) ? relPart : SHARED_STRINGS;
  const shared = new SharedStrings(
    files.get(sharedPart),
    files.has(sharedPart) ? null : () => missingSharedStrings(label, sharedPart),
  );
  const used = new Set<string>();
  return [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)].map((m) => {
    const named = attr(m[1]!, 'name');
    const name = named === undefined ? undefined : withoutControls(named);
    const id = /\br:id="([^"]*)"|\b\w+:id="([^"]*)"/.exec(m[1]!);
    const target = id ? targets.get(id[1] ?? id[2]) : undefined;
    const part = target ? resolveTarget(target) : undefined;
    // One part listed by many sheets would be inflated and read once for each (10 000 sheets: minutes, a GB).
    if (part !== undefined && used.has(part)) throw new ZipFormatError(`shared part ${part}`);
    if (part !== undefined) used.add(part);
    const xml = part !== undefined ? files.get(part) : undefined;
    if (name === undefined || xml === undefined) throw new OoxmlFormatError(`sheet ${name}`);
    const sheet = new XmlSheet(name, xml, shared);
    const state = attr(m[1]!, 'state');
    if (state === 'hidden' || state === 'veryHidden') sheet.hidden = true;
    return sheet;
  });
}

/** Whether the byte after a tag name ends it (so `<c` is not `<col`). */
const endsName = (b: number | undefined) => b === GT || b === SLASH || (b !== undefined && isSpace(b));

/** The namespace prefix ("x:" or "") of the element `local`, from its first start tag; null when absent. */
function prefixOf(xml: Buffer, local: string, from = 0): string | null {
  const needle = Buffer.from(local, 'latin1');
  for (let i = xml.indexOf(needle, from); i >= 0; i = xml.indexOf(needle, i + 1)) {
    if (!endsName(xml[i + needle.length])) continue;
    let j = i - 1;
    if (xml[j] === 0x3a) {
      j--;
      while (j >= 0 && /[\w.-]/.test(String.fromCharCode(xml[j]!))) j--;
    }
    if (xml[j] === LT) return xml.toString('latin1', j + 1, i);
  }
  return null;
}

/** Entities and _xHHHH_ escapes decoded, only when there are any. */
const decoded = (s: string) => (s.includes('&') || s.includes('_x') ? decodeXml(s) : s);

/** An attribute's raw value in a start tag's text (`name` with its `="`), or undefined. */
function attrIn(tag: string, name: string): string | undefined {
  const start = attrStart(tag, name, 0, tag.length);
  const end = start < 0 ? -1 : tag.indexOf('"', start);
  return end < 0 ? undefined : tag.slice(start, end);
}

/** Where the value of attribute `name` (with its `="`) starts inside s[from, to), or -1. */
function attrStart(s: string, name: string, from: number, to: number): number {
  // A scan of the tag itself: indexOf would run on past the tag through the rest of the row.
  const first = name.charCodeAt(0);
  for (let i = from; i < to; i++)
    if (s.charCodeAt(i) === first && isSpace(s.charCodeAt(i - 1)) && s.startsWith(name, i)) return i + name.length;
  return -1;
}

/** A plain reference ("B12") read where it starts in s, up to its closing quote: [row, col], or null. */
const REF_RESULT: [number, number] = [0, 0];
function quickRefAt(s: string, at: number): [number, number] | null {
  let i = at;
  let col = 0;
  for (; i < at + 4; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x41 || c > 0x5a) break;
    col = col * 26 + (c - 64);
  }
  if (i === at || col > MAX_COLUMNS) return null;
  let row = 0;
  const r0 = i;
  for (; i < r0 + 10; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) break;
    if (c < 0x30 || c > 0x39) return null;
    row = row * 10 + (c - 0x30);
  }
  if (s.charCodeAt(i) !== 0x22 || i === r0 || row < 1 || row > MAX_ROWS) return null;
  REF_RESULT[0] = row - 1;
  REF_RESULT[1] = col - 1;
  return REF_RESULT;
}

export const SHARED_STRINGS = 'xl/sharedStrings.xml';

/**
 * Cells that hold text by its index into the shared strings (t="s"), in a workbook without that part
 * (a script that wrote the cells and not the part, a part lost): no reader can give their text.
 */
export const missingSharedStrings = (label: string, part: string) =>
  new UnreadableFileError(
    `无法读取“${label}”：工作簿缺少共享字符串部件（${part}）——表中文字单元格的内容存放在这个部件里，缺了它，学校名称、表头等文字都无法读取。文件不完整或已损坏（常见于脚本生成或被改动过的文件）：请用生成它的程序重新导出，或从原始文件重新另存为 .xlsx`,
  );

/** Shared strings, found at once and decoded on first use (each decoded string one cell value, shared by its cells). */
class SharedStrings {
  private readonly xml: string;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly values: (CellValue | undefined | null)[] = [];

  /** `missing`: the workbook has no shared-strings part; a cell that asks for one fails with this error. */
  constructor(
    bytes: Buffer | undefined,
    readonly missing: (() => UnreadableFileError) | null = null,
  ) {
    this.xml = bytes ? bytes.toString('utf8') : '';
    const xml = this.xml;
    if (!xml) return;
    const p = /<(\w+:)?si\b/.exec(xml)?.[1] ?? '';
    const open = `<${p}si`;
    const close = `</${p}si>`;
    for (let i = xml.indexOf(open); i >= 0; i = xml.indexOf(open, i + 1)) {
      if (!endsNameAt(xml, i + open.length)) continue;
      const gt = xml.indexOf('>', i);
      if (gt < 0) break;
      if (xml.charCodeAt(gt - 1) === 0x2f) {
        this.starts.push(gt + 1);
        this.ends.push(gt + 1);
        continue;
      }
      const end = xml.indexOf(close, gt);
      if (end < 0) throw new OoxmlFormatError('unclosed <si>');
      this.starts.push(gt + 1);
      this.ends.push(end);
      i = end;
    }
    this.values.length = this.starts.length;
    this.values.fill(null);
  }

  get count(): number {
    return this.starts.length;
  }

  get(i: number): CellValue | undefined {
    const cached = this.values[i];
    if (cached !== null) return cached;
    const s = withoutControls(textOf(this.xml.slice(this.starts[i], this.ends[i])));
    const value = s.trim() === '' ? undefined : ({ kind: 'text', text: s } as const);
    this.values[i] = value;
    return value;
  }
}

const EMPTY: readonly (CellValue | undefined)[] = [];
/** Rows kept once decoded (header search reads the first 30 rows of every sheet again and again). */
const HEAD_ROWS = 64;

/**
 * A worksheet read from its XML bytes. One pass over the bytes finds the rows; `row(r)` decodes
 * a row when asked: no string of the whole sheet (one row's text at a time), no object per cell
 * kept. A row the reader does not understand throws OoxmlFormatError when it is decoded; the
 * pipeline then reads the file again with exceljs (SourceFile.fallback).
 */
class XmlSheet implements Sheet {
  readonly merges: MergeRange[];
  hidden?: boolean;
  hiddenRows?: ReadonlySet<number>;
  hiddenColumns?: ReadonlySet<number>;
  readonly rowCount: number;
  /** Byte range of each row's content by row index (-1: no such row). */
  private readonly rowStart: Int32Array;
  private readonly rowEnd: Int32Array;
  private readonly tags: {
    c: string;
    cClose: string;
    v: string;
    vClose: string;
    f: string;
    is: string;
    vExact: string;
    vcClose: string;
  };
  private readonly bytes: RowTags;
  private readonly inline = new InlineStrings();
  private lastIndex = -1;
  private last: readonly (CellValue | undefined)[] = EMPTY;
  private all: (readonly (CellValue | undefined)[])[] | null = null;
  private readonly head: (readonly (CellValue | undefined)[])[] = [];

  constructor(
    readonly name: string,
    private readonly xml: Buffer,
    private readonly shared: SharedStrings,
  ) {
    const p = prefixOf(xml, 'sheetData') ?? prefixOf(xml, 'worksheet') ?? '';
    this.tags = {
      c: `<${p}c`,
      cClose: `</${p}c>`,
      v: `<${p}v`,
      vClose: `</${p}v>`,
      f: `<${p}f`,
      is: `<${p}is`,
      vExact: `<${p}v>`,
      vcClose: `</${p}v></${p}c>`,
    };
    this.bytes = rowTags(p);
    const { indices, starts, ends, tail, hiddenRows, head } = findRows(xml, p, name);
    if (hiddenRows.size) this.hiddenRows = hiddenRows;
    let height = 0;
    for (const r of indices) if (r + 1 > height) height = r + 1;
    this.rowStart = new Int32Array(height).fill(-1);
    this.rowEnd = new Int32Array(height);
    indices.forEach((r, k) => {
      // The same row twice: exceljs decides how the two combine.
      if (this.rowStart[r] !== -1) throw new OoxmlFormatError(`row ${r + 1} twice`);
      this.rowStart[r] = starts[k]!;
      this.rowEnd[r] = ends[k]!;
    });
    this.rowCount = height;
    const merges: MergeRange[] = [];
    for (const m of xml.toString('utf8', tail).matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g)) {
      const [from = '', to = from] = m[1]!.split(':');
      const [r0, c0] = cellRef(from, name);
      const [r1, c1] = cellRef(to, name);
      merges.push({ top: Math.min(r0, r1), left: Math.min(c0, c1), bottom: Math.max(r0, r1), right: Math.max(c0, c1) });
    }
    // Columns hidden in the sheet (<cols><col min max hidden="1"/>, before sheetData), 1-based ranges.
    const hiddenRanges: [number, number][] = [];
    for (const m of xml.toString('utf8', 0, head).matchAll(/<(?:\w+:)?col\b[^>]*>/g)) {
      if (!/\bhidden="(?:1|true)"/.test(m[0])) continue;
      const [min, max] = ['min', 'max'].map((a) => Number(new RegExp(`\\b${a}="(\\d{1,5})"`).exec(m[0])?.[1] ?? NaN));
      if (Number.isInteger(min) && Number.isInteger(max) && min! >= 1 && max! >= min!) hiddenRanges.push([min!, max!]);
    }
    // The widest row, for clipping merges and hidden columns: each row's last cell by its reference (decoded when it has none).
    let width = 0;
    const { cOpen } = this.bytes;
    if (merges.length || hiddenRanges.length)
      indices.forEach((r, k) => {
        let at = xml.lastIndexOf(cOpen, ends[k]);
        if (at < starts[k]!) at = -1;
        const tagEnd = at < 0 ? -1 : xml.indexOf(GT, at);
        const ref = tagEnd < 0 ? undefined : attrIn(xml.toString('latin1', at, tagEnd), 'r="');
        const w = ref !== undefined ? cellRef(ref, name)[1] + 1 : this.decode(r).length;
        if (w > width) width = w;
      });
    this.merges = clipMergesTo(merges, height, width);
    const hiddenColumns = new Set<number>();
    for (const [min, max] of hiddenRanges) for (let c = min; c <= Math.min(max, width); c++) hiddenColumns.add(c - 1);
    if (hiddenColumns.size) this.hiddenColumns = hiddenColumns;
  }

  /**
   * The XML's memory freed soon, not at the next full collection (52 MB for 100 000 rows, while the
   * engine's results grow): its ArrayBuffer is detached by a transfer whose copy nothing keeps, a
   * young object gone at the next minor collection. Only a
   * buffer the reader inflated and owns whole (a large sheet inflated into one buffer of its own,
   * not a slice of the file or of Node's shared pool); any other is left to the collector.
   */
  release(): void {
    this.released = true;
    const { buffer, byteOffset, byteLength } = this.xml;
    if (
      byteLength >= 1 << 20 &&
      byteOffset === 0 &&
      buffer.byteLength <= byteLength + 1 &&
      buffer instanceof ArrayBuffer
    )
      structuredClone(buffer, { transfer: [buffer] });
  }

  private released = false;

  row(r: number): readonly (CellValue | undefined)[] {
    if (r === this.lastIndex) return this.last;
    // The first rows are kept once decoded: finding the header looks at them many times over.
    if (r >= 0 && r < HEAD_ROWS) {
      let cells = this.head[r];
      if (!cells) this.head[r] = cells = r < this.rowCount && this.rowStart[r] !== -1 ? this.decode(r) : EMPTY;
      return cells;
    }
    const cells = r >= 0 && r < this.rowCount && this.rowStart[r] !== -1 ? this.decode(r) : EMPTY;
    this.lastIndex = r;
    this.last = cells;
    return cells;
  }

  /** Every row, decoded once and kept: for tests and small sheets (the pipeline uses row()). */
  get rows(): (readonly (CellValue | undefined)[])[] {
    return (this.all ??= Array.from({ length: this.rowCount }, (_, r) =>
      this.rowStart[r] === -1 ? EMPTY : this.decode(r),
    ));
  }

  private decode(r: number): (CellValue | undefined)[] {
    if (this.released) throw new Error(`sheet ${this.name} read after release()`);
    return (
      decodeRowBytes(this.xml, this.rowStart[r]!, this.rowEnd[r]!, r, this.bytes, this.shared, this.inline) ??
      this.decodeText(r)
    );
  }

  /** The general way: the row's text, any cell SpreadsheetML allows. */
  private decodeText(r: number): (CellValue | undefined)[] {
    const s = this.xml.toString('utf8', this.rowStart[r], this.rowEnd[r]);
    const { c: cOpen, cClose, vExact, vcClose } = this.tags;
    const cells: (CellValue | undefined)[] = [];
    let col = -1;
    let pos = 0;
    for (;;) {
      let i = s.indexOf(cOpen, pos);
      while (i >= 0 && !endsNameAt(s, i + cOpen.length)) i = s.indexOf(cOpen, i + 1);
      if (i < 0) break;
      const gt = s.indexOf('>', i);
      if (gt < 0) throw new OoxmlFormatError('unclosed <c>');
      // The r and t attributes read in place (a province has millions of cells: no string for the tag).
      const refAt = attrStart(s, 'r="', i + cOpen.length, gt);
      if (refAt >= 0) {
        const at = refAt === -1 ? null : quickRefAt(s, refAt);
        if (at) {
          if (at[0] !== r) throw new OoxmlFormatError(`cell ${s.slice(refAt, s.indexOf('"', refAt))} in row ${r + 1}`);
          col = at[1];
        } else {
          const ref = s.slice(refAt, s.indexOf('"', refAt));
          const [row, c] = cellRef(ref, this.name);
          if (row !== r) throw new OoxmlFormatError(`cell ${ref} in row ${r + 1}`);
          col = c;
        }
      } else col++;
      if (col >= MAX_COLUMNS) throw outOfRange(this.name, `第 ${r + 1} 行第 ${col + 1} 列`);
      const typeAt = attrStart(s, 't="', i + cOpen.length, gt);
      const type =
        typeAt < 0
          ? 'n'
          : s.charCodeAt(typeAt) === 0x73 && s.charCodeAt(typeAt + 1) === 0x22
            ? 's'
            : s.slice(typeAt, s.indexOf('"', typeAt));
      if (s.charCodeAt(gt - 1) === 0x2f) {
        if (!KNOWN_TYPES.has(type)) throw new OoxmlFormatError(`cell type ${type}`);
        pos = gt + 1;
        continue;
      }
      // The usual cell, <c …><v>…</v></c>: read at once (a value holds no "<"; anything else takes the general way).
      if (s.startsWith(vExact, gt + 1)) {
        const end = s.indexOf('<', gt + 1 + vExact.length);
        if (end >= 0 && s.startsWith(vcClose, end)) {
          const value = this.valueOf(type, s.slice(gt + 1 + vExact.length, end));
          if (value) cells[col] = value;
          pos = end + vcClose.length;
          continue;
        }
      }
      const close = s.indexOf(cClose, gt);
      if (close < 0) throw new OoxmlFormatError('unclosed <c>');
      const value = this.cellValue(type, s, gt + 1, close, r, col);
      if (value) cells[col] = value;
      pos = close + cClose.length;
    }
    return cells;
  }

  private shared_: Map<string, { formula: string; row: number; col: number }> | null = null;

  /**
   * The sheet's shared formulas by their si: each one's text and the cell that holds it (found once, when
   * a cell without a result first asks: a sheet whose formulas all have their results never looks).
   */
  private sharedFormulas(): Map<string, { formula: string; row: number; col: number }> {
    if (this.shared_) return this.shared_;
    const found = new Map<string, { formula: string; row: number; col: number }>();
    const { xml } = this;
    const fOpen = Buffer.from(this.tags.f, 'latin1');
    const fClose = Buffer.from(`</${this.tags.f.slice(1)}>`, 'latin1');
    const { cOpen } = this.bytes;
    for (let i = xml.indexOf(fOpen); i >= 0; i = xml.indexOf(fOpen, i + 1)) {
      if (!endsName(xml[i + fOpen.length])) continue;
      const gt = xml.indexOf(GT, i);
      if (gt < 0) break;
      if (xml[gt - 1] === SLASH) continue;
      const tag = xml.toString('latin1', i + fOpen.length, gt);
      const si = attrIn(tag, 'si="');
      if (attrIn(tag, 't="') !== 'shared' || si === undefined || found.has(si)) continue;
      const end = xml.indexOf(fClose, gt);
      if (end < 0) break;
      const formula = decodeXml(xml.toString('utf8', gt + 1, end));
      // The cell that holds the text: its own reference, else the first cell of the formula's range.
      const c = xml.lastIndexOf(cOpen, i);
      const cTag = c < 0 ? '' : xml.toString('latin1', c, xml.indexOf(GT, c));
      const ref = attrIn(cTag, 'r="') ?? attrIn(tag, 'ref="')?.split(':')[0];
      if (formula.trim() === '' || ref === undefined || !/^\$?[A-Z]{1,3}\$?\d{1,7}$/.test(ref)) continue;
      const [row, col] = cellRef(ref, this.name);
      found.set(si, { formula, row, col });
    }
    return (this.shared_ = found);
  }

  /** End of the content found by the last content() call. */
  private end = 0;

  /**
   * Where the content of the first element `open` inside s[from, to) starts (its end in this.end),
   * or -1; without `close`, the content runs to `to`.
   */
  private content(s: string, open: string, close: string | null, from: number, to: number): number {
    for (let i = s.indexOf(open, from); i >= 0 && i < to; i = s.indexOf(open, i + 1)) {
      if (!endsNameAt(s, i + open.length)) continue;
      const gt = s.indexOf('>', i);
      if (gt < 0 || gt >= to) return -1;
      if (s.charCodeAt(gt - 1) === 0x2f) {
        this.end = gt;
        return gt;
      }
      if (!close) {
        this.end = to;
        return gt + 1;
      }
      const end = s.indexOf(close, gt);
      if (end < 0 || end > to) return -1;
      this.end = end;
      return gt + 1;
    }
    return -1;
  }

  /** The value of a cell whose content is s[from, to). */
  private cellValue(type: string, s: string, from: number, to: number, r: number, col: number): CellValue | undefined {
    if (type === 'inlineStr') {
      const at = this.content(s, this.tags.is, null, from, to);
      return text(at >= 0 ? textOf(s.slice(at, this.end)) : '');
    }
    let v = this.content(s, this.tags.v, this.tags.vClose, from, to);
    // An empty <v></v> beside a formula (openpyxl and other scripts write it so) is no result: a number
    // formula's result is never empty text.
    if (v >= 0 && type === 'n' && s.slice(v, this.end).trim() === '') v = -1;
    if (v < 0) {
      if (!KNOWN_TYPES.has(type)) throw new OoxmlFormatError(`cell type ${type}`);
      const f = this.content(s, this.tags.f, null, from, to);
      if (f < 0) return undefined;
      const formula = decodeXml(s.slice(f, this.end).replace(/<\/(?:\w+:)?f>[\s\S]*$/, ''));
      if (formula.trim() !== '') return { kind: 'formula-no-result', formula };
      // A shared formula's other cells have no text of their own: the first cell's, moved to this one.
      const tag = s.slice(s.lastIndexOf(this.tags.f, f) + this.tags.f.length, f);
      const si = attrIn(tag, 'si="');
      if (attrIn(tag, 't="') !== 'shared' || si === undefined) return { kind: 'formula-no-result', formula };
      const master = this.sharedFormulas().get(si);
      if (!master)
        return {
          kind: 'formula-no-result',
          formula: '',
          shared: '',
          why: SHARED_TEXT_MISSING,
        };
      const shared = a1(master.row, master.col);
      const moved = slideFormula(master.formula, r - master.row, col - master.col);
      return moved === null
        ? { kind: 'formula-no-result', formula: '', shared, why: SHARED_OFF_GRID }
        : { kind: 'formula-no-result', formula: moved, shared };
    }
    return this.valueOf(type, s.slice(v, this.end));
  }

  /** A cell's value from the text of its <v> element, by its type. */
  private valueOf(type: string, raw: string): CellValue | undefined {
    switch (type) {
      case 's': {
        const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : -1;
        if (this.shared.missing) throw this.shared.missing();
        if (n < 0 || n >= this.shared.count) throw new OoxmlFormatError(`shared string ${raw}`);
        return this.shared.get(n);
      }
      case 'str':
        return text(decoded(raw));
      case 'b':
        return { kind: 'bool', value: raw === '1' || raw === 'true' };
      case 'e':
        return { kind: 'error', error: decoded(raw) };
      case 'd': {
        // An ISO 8601 date; anything else is kept as the text it is, for the schema to report at its cell.
        const t = decoded(raw);
        const date = new Date(t);
        return Number.isNaN(date.getTime()) ? text(t) : { kind: 'date', value: date };
      }
      case 'n': {
        const n = Number(raw);
        // Not a number where a number is declared: the text as written, reported at its cell ("不是数字").
        return Number.isFinite(n) && raw.trim() !== '' ? { kind: 'number', value: n } : text(decoded(raw));
      }
      default:
        throw new OoxmlFormatError(`cell type ${type}`);
    }
  }
}

const endsNameAt = (s: string, i: number) => endsName(s.charCodeAt(i));

/**
 * The rows of a sheet's XML, found by one loop over its bytes: each row's index and the byte
 * range of its content; `tail` is where the bytes after sheetData begin (mergeCells).
 */
function findRows(
  xml: Buffer,
  p: string,
  name: string,
): { indices: number[]; starts: number[]; ends: number[]; tail: number; hiddenRows: Set<number>; head: number } {
  const indices: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  /** Rows with cells whose start tag says hidden="1" (or "true"). */
  const hiddenRows = new Set<number>();
  const bytes = (t: string) => Buffer.from(t, 'latin1');
  const dataOpen = bytes(`<${p}sheetData`);
  let at = xml.indexOf(dataOpen);
  while (at >= 0 && !endsName(xml[at + dataOpen.length])) at = xml.indexOf(dataOpen, at + 1);
  if (at < 0) return { indices, starts, ends, tail: 0, hiddenRows, head: 0 };
  const head = at;
  const gt = xml.indexOf(GT, at);
  if (gt < 0) throw new OoxmlFormatError('unclosed <sheetData>');
  if (xml[gt - 1] === SLASH) return { indices, starts, ends, tail: gt + 1, hiddenRows, head };
  const rowOpen = bytes(`<${p}row`);
  const rowClose = bytes(`</${p}row>`);
  const dataClose = bytes(`</${p}sheetData>`);
  const cOpen = bytes(`<${p}c`);
  const dataEnd = endTagAt(xml, dataClose, gt);
  if (dataEnd < 0) throw new OoxmlFormatError('unclosed <sheetData>');
  /** Whether bytes [from, to) between rows hold a cell: no generator writes one there; exceljs decides. */
  const strayCell = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (xml[i] === LT && xml.subarray(i, to).indexOf(cOpen) >= 0) return true;
    return false;
  };
  let row = -1;
  let pos = gt + 1;
  // A few searches per row (the end of its start tag, its end tag): the cells inside are left to row().
  for (;;) {
    // The next row usually starts right where the last one closed: searched for only when it does not.
    let i = startsAt(xml, rowOpen, pos) ? pos : xml.indexOf(rowOpen, pos);
    while (i >= 0 && i < dataEnd && !endsName(xml[i + rowOpen.length])) i = xml.indexOf(rowOpen, i + 1);
    if (i < 0 || i >= dataEnd) {
      if (strayCell(pos, dataEnd)) throw new OoxmlFormatError('cell outside a row');
      return { indices, starts, ends, tail: dataEnd, hiddenRows, head };
    }
    if (i > pos && strayCell(pos, i)) throw new OoxmlFormatError('cell outside a row');
    const end = xml.indexOf(GT, i);
    if (end < 0 || end > dataEnd) throw new OoxmlFormatError('unclosed <row>');
    const r = rowNumber(xml, i, end);
    if (Number.isNaN(r)) throw new OoxmlFormatError(`row ${xml.toString('latin1', i, end)}`);
    row = r !== undefined ? r - 1 : row + 1;
    if (row < 0 || row >= MAX_ROWS) throw outOfRange(name, `第 ${r ?? row + 1} 行`);
    if (xml[end - 1] === SLASH) {
      pos = end + 1;
      continue;
    }
    const close = endTagAt(xml, rowClose, end);
    if (close < 0 || close > dataEnd) throw new OoxmlFormatError('unclosed <row>');
    if (rowHidden(xml, i, end)) hiddenRows.add(row);
    indices.push(row);
    starts.push(end + 1);
    ends.push(close);
    pos = close + rowClose.length;
  }
}

/** A text cell, or none when it is blank. */
const text = textValue;

const KNOWN_TYPES = new Set(['s', 'str', 'inlineStr', 'b', 'e', 'd', 'n']);
