/**
 * Finding the header row (below title rows, possibly two rows with merged parents,
 * possibly followed by a unit row) and matching header cells to fields.
 */
import { LEVEL_NAMES, type Level } from '../engine/types';
import { makeIssue, type Issue } from '../issues/catalogue';
import { lookup } from '../common/lookup';
import { a1, mergeAt, mergeMaster, type CellValue, type Sheet } from '../read/types';
import {
  FIELDS,
  FIELD_BY_ID,
  fieldLabel,
  SECTION_PREFIXES,
  SUMMED,
  UNITS,
  UP_TO_STANDARD_HEADER,
  UP_TO_STANDARD_OF,
  type FieldDef,
  type FieldKind,
} from './columns';
import { normaliseText } from './text';
import { parseEnum, schoolValueSpecs } from './values';
import type { Wording } from '../engine/checklist-rules';
import { matchName, nearest, normaliseKeywords, normaliseName, type Target } from './match';

export { normaliseText };

/** "教学仪器设备资产值（万元）" → { base: "教学仪器设备资产值", unit: "万元" }. */
export function splitUnit(normalised: string): { base: string; unit: string | null } {
  const m = /^(.+?)\(([^()]*)\)$/.exec(normalised);
  return m ? { base: m[1]!, unit: m[2]! } : { base: normalised, unit: null };
}

interface FieldMatch {
  field: FieldDef;
  section: Level | null;
}

/** Header texts (normalised) → field: each field's label, its profile wordings and its id, with 小学部 / 初中部 before them where it may be given per section. */
function lookupOf(headers: ColumnWording['schoolHeaders']): Map<string, FieldMatch> {
  const map = new Map<string, FieldMatch>();
  for (const field of FIELDS) {
    for (const h of [field.label, ...(headers[field.id] ?? []), field.id]) {
      map.set(normaliseText(h), { field, section: null });
      if (field.sectionable)
        for (const [prefix, section] of Object.entries(SECTION_PREFIXES))
          map.set(normaliseText(prefix + h), { field, section });
    }
  }
  // A wording without its closing 数 is the same header (专任教师 · 音乐专用教室 · 小学在校生), unless it is another's wording.
  for (const [text, match] of [...map])
    if (text.endsWith('数') && text.length > 2 && !map.has(text.slice(0, -1))) map.set(text.slice(0, -1), match);
  return map;
}

export interface ColumnMatch extends FieldMatch {
  col: number;
  /** Header as the user wrote it (parent and child joined for two-row headers). */
  header: string;
  unitFactor: number;
}

/** The profile's wording of school columns: header wordings and keyword sets per column id. */
export type ColumnWording = Pick<Wording, 'schoolHeaders' | 'schoolColumns' | 'schoolValues' | 'perStudentWords'>;

/**
 * One way of matching header texts: by the wordings only, or by the wordings and then the keywords.
 * Header cells repeat (every candidate row is tried with each height): each text is matched once per pass.
 */
interface Pass {
  lookup: Map<string, FieldMatch>;
  /** Null in the first pass over every row: wordings only. */
  keywords: Target<FieldDef>[] | null;
  matched: Map<string, HeaderMatch>;
  /** The profile's per-student words (生均, 每百名), normalised: a header holding one is no column's by keywords. */
  perStudent: readonly string[];
}
const PASSES = new WeakMap<ColumnWording, { wordings: Pass; keywords: Pass }>();
function passesOf(wording: ColumnWording): { wordings: Pass; keywords: Pass } {
  let passes = PASSES.get(wording);
  if (!passes) {
    const lookup = lookupOf(wording.schoolHeaders);
    const targets = FIELDS.flatMap((field) => {
      const sets = wording.schoolColumns[field.id];
      return sets ? [{ value: field, aliases: [], official: [], keywords: normaliseKeywords(sets) }] : [];
    });
    const perStudent = wording.perStudentWords.map(normaliseText);
    passes = { wordings: { lookup, keywords: null, matched: new Map(), perStudent }, keywords: { lookup, keywords: targets, matched: new Map(), perStudent } };
    PASSES.set(wording, passes);
  }
  return passes;
}

const HAN = /\p{Script=Han}/u;

const isPerStudent = (norm: string, words: readonly string[]) => words.some((w) => norm.includes(w));

/**
 * The column a per-student figure's header is of (生均教学及辅助用房面积 → 教学及辅助用房面积): its text
 * without the per-student words, read by wordings and keywords; null when it is no per-student header.
 */
function perStudentOf(text: string, wording: ColumnWording): FieldDef | null {
  const { keywords } = passesOf(wording);
  const norm = normaliseText(text);
  if (!isPerStudent(norm, keywords.perStudent)) return null;
  let rest = norm;
  for (const w of keywords.perStudent) rest = rest.split(w).join('');
  const m = rest ? matchHeader(rest, keywords) : null;
  return m && m.section === null ? m.field : null;
}

/** byKeywords: matched by the profile's keyword sets, not by a wording (a wording wins over it, wherever it stands). */
type HeaderMatch = (FieldMatch & { unit: string | null; byKeywords?: true }) | null;

function matchHeader(text: string, pass: Pass): HeaderMatch {
  let m = pass.matched.get(text);
  if (m === undefined) pass.matched.set(text, (m = matchHeaderText(text, pass)));
  return m;
}

/**
 * A header text → field: the whole text first (县(市、区)), then without its unit, then without
 * punctuation and remarks in brackets, then by the profile's keywords (在校学生数小学 → 小学在校生数).
 */
function matchHeaderText(text: string, pass: Pass): HeaderMatch {
  const { lookup } = pass;
  const norm = normaliseText(text);
  const whole = lookup.get(norm);
  if (whole) return { ...whole, unit: null };
  const { base, unit } = splitUnit(norm);
  const m = lookup.get(base);
  if (m) return { ...m, unit };
  // Beyond the wordings (the first pass over every row) only Chinese wording is matched, and only in a
  // row whose wordings read a 学校名称 column or two columns: a number or a school's name in a data row never is a header.
  if (pass.keywords === null || !HAN.test(text)) return null;
  const plain = normaliseName(text, []).text;
  const p = lookup.get(plain);
  if (p) return { ...p, unit };
  // 生均教学及辅助用房面积 has the keywords of 教学及辅助用房面积, and is not it.
  if (isPerStudent(norm, pass.perStudent)) return null;
  const k = matchName(plain, pass.keywords);
  return k.kind === 'one' ? { field: k.target.value, section: null, unit, byKeywords: true } : null;
}

function textAt(sheet: Sheet, row: number, col: number): string {
  const master = mergeMaster(sheet, row, col);
  const cell: CellValue | undefined = master ? sheet.row(master[0])[master[1]] : sheet.row(row)?.[col];
  if (!cell) return '';
  if (cell.kind === 'text') return cell.text.trim();
  if (cell.kind === 'number') return String(cell.value);
  return '';
}

const rowWidth = (sheet: Sheet, ...rows: number[]) => Math.max(0, ...rows.map((r) => sheet.row(r)?.length ?? 0));

interface HeaderCandidate {
  /** 0-based first header row. */
  row: number;
  /** 1 or 2 header rows. */
  height: 1 | 2;
  /** Per column: the header text and its match; `texts`, every text tried for it (a parent and its part joined, the part alone). */
  columns: { col: number; header: string; match: ReturnType<typeof matchHeader>; texts: readonly string[] }[];
  score: number;
}

/**
 * A row (or row pair) read as a header. Keywords are tried only where the wordings found a 学校名称
 * column or several columns (STRONG_HEADER): data rows (names, numbers) are then never matched word
 * by word, and a header whose name column is worded as no list has it (学校全称) is still found.
 */
function candidate(sheet: Sheet, row: number, height: 1 | 2, wording: ColumnWording): HeaderCandidate {
  const passes = passesOf(wording);
  const byWordings = readCandidate(sheet, row, height, passes);
  return hasField(byWordings, 'name') || byWordings.score >= STRONG_HEADER ? readCandidate(sheet, row, height, passes, true) : byWordings;
}
/** Columns matched by their wordings alone that make a row a header worth reading by keywords too (no data row has two). */
const STRONG_HEADER = 2;

function readCandidate(sheet: Sheet, row: number, height: 1 | 2, passes: { wordings: Pass; keywords: Pass }, withKeywords = false): HeaderCandidate {
  const { wordings, keywords } = passes;
  const columns: HeaderCandidate['columns'] = [];
  let previousField: string | null = null;
  const width = rowWidth(sheet, row, row + height - 1);
  const titleCol = height === 2 ? loneTitle(sheet, row, width) : -1;
  /** The parent of a run of parts written once over them, not merged (a CSV, or typed once): the parts after the first have it too. */
  let parentRun = '';
  for (let col = 0; col < width; col++) {
    // A title above a header row is no parent of its columns: 某某县…统计表 + 学校名称 is no header text.
    let top = height === 2 && (col === titleCol || isTitleCell(sheet, row, col, width)) ? '' : textAt(sheet, row, col);
    const bottom = height === 2 ? textAt(sheet, row + 1, col) : '';
    if (height === 2) {
      if (!top && bottom) top = parentRun;
      // Merged parents carry their own span.
      parentRun = bottom && !mergeAt(sheet, row, col) ? top : '';
    }
    const joined = !bottom || bottom === top ? [top] : !top ? [bottom] : [bottom, top + bottom, bottom + top];
    // Wordings of the joined texts, then their keywords, and only then the parent alone: 在校学生数 over
    // 小学 | 初中 means 小学在校生数 and 初中在校生数, not 在校生数 twice. A parent and its part joined are
    // worded before the part alone: 小学 over 毕业生数 | 招生数 | 在校生数 is 小学在校生数, not the 在校生数 of a one-level school.
    const attempts: [string, Pass][] = [...joined.slice(1), joined[0]!].map((o) => [o, wordings]);
    if (withKeywords) attempts.push(...joined.map((o): [string, Pass] => [o, keywords]));
    if (joined.length > 1) attempts.push([top, wordings], ...(withKeywords ? [[top, keywords] as [string, Pass]] : []));
    let header = joined[0]!;
    let match: ReturnType<typeof matchHeader> = null;
    for (const [option, pass] of attempts) {
      match = option ? matchHeader(option, pass) : null;
      if (match) {
        header = option;
        break;
      }
    }
    if (!match && previousField && normaliseText(header) === UP_TO_STANDARD_HEADER && UP_TO_STANDARD_OF[previousField])
      match = { field: FIELD_BY_ID.get(UP_TO_STANDARD_OF[previousField]!)!, section: null, unit: null };
    if (header) columns.push({ col, header, match, texts: joined });
    if (match) previousField = match.field.id;
  }
  const distinct = new Set(columns.filter((c) => c.match).map((c) => `${c.match!.section}:${c.match!.field.id}`));
  return { row, height, columns, score: distinct.size };
}

/**
 * The column of a title written in one cell, not merged, above a header row (某某区…汇总表（2025年）):
 * the only text of its row and a long one (a parent such as 在校学生数 is short). -1: none.
 */
function loneTitle(sheet: Sheet, row: number, width: number): number {
  let found = -1;
  for (let col = 0; col < width; col++) {
    const cell = sheet.row(row)[col];
    if (!cell || (cell.kind === 'text' && !cell.text.trim())) continue;
    if (found >= 0) return -1;
    found = col;
  }
  if (found < 0 || mergeAt(sheet, row, found)) return -1;
  return textAt(sheet, row, found).length >= TITLE_LENGTH ? found : -1;
}
/** Characters from which the lone text of a row above a header is a title, not a parent. */
const TITLE_LENGTH = 12;

/** Whether (row, col) lies in a merge across more than half of the row's columns (and four at least): a title. */
function isTitleCell(sheet: Sheet, row: number, col: number, width: number): boolean {
  const m = mergeAt(sheet, row, col);
  if (!m) return false;
  const span = m.right - m.left + 1;
  return span >= 4 && 2 * span > width;
}

const hasField = (c: HeaderCandidate, id: string) => c.columns.some((col) => col.match?.field.id === id);

/** A title row read as the top half of a two-row header adds nothing: prefer the single row. */
const sameHeaderWithoutRowAbove = (c: HeaderCandidate, best: HeaderCandidate) =>
  c.score === best.score && c.height === 1 && best.height === 2 && c.row === best.row + 1;

/** Rows scanned for a header: title rows and notes rarely take more than this. */
const HEADER_SCAN_ROWS = 30;

/** The best header of a sheet: the row (or row pair) matching the most fields, with a school name column. */
export function findHeader(sheet: Sheet, wording: ColumnWording): HeaderCandidate | null {
  return bestCandidate(sheet, wording, (c) => hasField(c, 'name'));
}

/**
 * When a sheet has no header: the row (or row pair) most like one, without a 学校名称 column, for
 * the message (which columns it read, which it did not). Null when no row reads two columns.
 */
export function nearHeader(sheet: Sheet, wording: ColumnWording): HeaderCandidate | null {
  return bestCandidate(sheet, wording, () => true);
}

/** Among the first rows (and row pairs) that `accept` takes and that read two fields at least, the one reading most. */
function bestCandidate(sheet: Sheet, wording: ColumnWording, accept: (c: HeaderCandidate) => boolean): HeaderCandidate | null {
  let best: HeaderCandidate | null = null;
  for (let row = 0; row < Math.min(sheet.rowCount, HEADER_SCAN_ROWS); row++) {
    for (const height of [1, 2] as const) {
      const c = candidate(sheet, row, height, wording);
      if (accept(c) && c.score >= 2 && (!best || c.score > best.score || sameHeaderWithoutRowAbove(c, best))) best = c;
    }
  }
  return best;
}

/** A row right below the header holding only units ("人", "㎡", "万元"). */
function unitRow(sheet: Sheet, row: number): Map<number, string> | null {
  const cells = sheet.row(row) ?? [];
  const units = new Map<number, string>();
  const known = new Set(Object.values(UNITS).flatMap((u) => Object.keys(u.units)));
  for (let col = 0; col < cells.length; col++) {
    const text = textAt(sheet, row, col);
    if (!text) continue;
    const unit = normaliseText(text).replace(/^\((.*)\)$/, '$1');
    if (!known.has(unit)) return null;
    units.set(col, unit);
  }
  return units.size > 0 ? units : null;
}

/** Columns every statistics table has that carry nothing to compute: ignored without a note. */
const IGNORED_SILENTLY = new Set(['序号', '编号', '备注', '说明']);
export const isIgnoredSilently = (header: string) => IGNORED_SILENTLY.has(normaliseText(header));

export interface HeaderLayout {
  /** 0-based index of the first data row. */
  dataStart: number;
  /** The header's last row (1-based, for messages). */
  headerRow: number;
  columns: ColumnMatch[];
  issues: Issue[];
}

/** The column-number row of statistics tables: 甲 | 乙 | 1 | 2 | 3 … */
export const isColumnNumberRow = (texts: readonly string[]) =>
  normaliseText(texts[0] ?? '') === '甲' && texts.some((t) => normaliseText(t) === '乙');

/** Whether a data row's first text (trimmed) can begin a column-number row: only such rows need all their texts read. */
export const isColumnNumberStart = (first: string) => first.length <= 4 && normaliseText(first) === '甲';

const rowTexts = (sheet: Sheet, row: number) =>
  (sheet.row(row) ?? []).map((c) => (c?.kind === 'text' ? c.text : c?.kind === 'number' ? String(c.value) : '')).filter(Boolean);

/**
 * The rows right below the header that are not schools: a column-number row and a unit row,
 * in either order. Returns the units found, the first data row, and the column-number row.
 */
function headerFurniture(sheet: Sheet, afterHeader: number) {
  let row = afterHeader;
  let units: Map<number, string> | null = null;
  let numbersRow: number | null = null;
  for (let k = 0; k < 2; k++) {
    if (numbersRow === null && isColumnNumberRow(rowTexts(sheet, row))) numbersRow = row++;
    else if (units === null && (units = unitRow(sheet, row))) row++;
    else break;
  }
  return { units, dataStart: row, numbersRow };
}

/** Data rows looked at to tell an unnamed column by its values. */
const VALUE_SAMPLE_ROWS = 200;
/** The columns a column's values can tell, in the order they are tried. */
const BY_VALUES = ['type', 'ownership', 'urbanRural'] as const;

/**
 * The texts of the given columns in the first data rows (each row read once), by column; null for a
 * column with anything but text (a number is no 学校类型).
 */
function sampleTexts(sheet: Sheet, cols: readonly number[], from: number): Map<number, string[] | null> {
  const texts = new Map<number, string[] | null>(cols.map((c) => [c, []]));
  if (cols.length === 0) return texts;
  for (let r = from; r < Math.min(sheet.rowCount, from + VALUE_SAMPLE_ROWS); r++) {
    const cells = sheet.row(r);
    for (const col of cols) {
      const cell = cells[col];
      const list = texts.get(col);
      if (!cell || !list) continue;
      if (cell.kind !== 'text') texts.set(col, null);
      else if (cell.text.trim()) list.push(cell.text.trim());
    }
  }
  return texts;
}

/**
 * The enumerated column (学校类型, 办学性质, 城乡分类) an unnamed column is, when every text among its
 * first data rows is one of that column's words (the profile's schoolValues) and at least two are:
 * with the distinct values seen (for the message). Only a column no header names.
 */
function fieldByValues(texts: readonly string[] | null, wording: ColumnWording, named: ReadonlySet<string>): { field: FieldDef; values: string[] } | null {
  if (texts === null || texts.length < 2) return null;
  const specs = schoolValueSpecs(wording.schoolValues);
  for (const id of BY_VALUES) {
    if (named.has(id)) continue;
    if (texts.every((t) => parseEnum(t, specs[id]).ok)) return { field: FIELD_BY_ID.get(id)!, values: [...new Set(texts)].slice(0, 4) };
  }
  return null;
}

function columnHoldsData(sheet: Sheet, col: number, from: number): boolean {
  for (let r = from; r < sheet.rowCount; r++) {
    const cell = sheet.row(r)?.[col];
    if (cell && (cell.kind !== 'text' || cell.text.trim() !== '')) return true;
  }
  return false;
}

/**
 * The column a header says it is not: one of a field's keyword sets holds but for a word it excludes
 * (小学毕业生数: 小学 + 生数, but 毕业; 交流轮岗骨干教师数: 骨干, but 交流). The field and the word, or null.
 */
function excludedBy(text: string, wording: ColumnWording): { field: FieldDef; word: string } | null {
  const { keywords } = passesOf(wording);
  const plain = normaliseName(text, []).text;
  for (const target of keywords.keywords!)
    for (const set of target.keywords) {
      if (!set.all.every((w) => plain.includes(w))) continue;
      const word = set.none.find((w) => plain.includes(w));
      if (word !== undefined) return { field: target.value, word };
    }
  return null;
}

/** The first of the texts for which `f` finds something. */
function firstOf<T>(texts: readonly string[], f: (text: string) => T | null): T | null {
  for (const t of texts) {
    const found = f(t);
    if (found) return found;
  }
  return null;
}

/** The two field headers most like an unknown one, for "是否指…？" (named by their labels). */
function nearestFields(text: string, wording: ColumnWording): string[] {
  const targets = FIELDS.map((f) => ({
    value: f.label,
    aliases: [f.label, ...(wording.schoolHeaders[f.id] ?? [])].map((h) => normaliseName(h, []).text),
    official: [],
    keywords: [],
  }));
  return nearest(normaliseName(text, []).text, targets).map((t) => t.value);
}

/** The first text above the header row: the table's title, when it has one. */
export function titleAbove(sheet: Sheet, headerRow: number): string | null {
  for (let r = 0; r < headerRow; r++)
    for (const cell of sheet.row(r) ?? []) if (cell?.kind === 'text' && cell.text.trim()) return cell.text.trim();
  return null;
}

/** The year a header names (2023年, 2023学年, 2023-2024学年: its last), or null. */
export function yearIn(header: string): number | null {
  const years = [...normaliseText(header).matchAll(/(?:19|20)\d{2}/g)];
  return years.length ? Number(years[years.length - 1]![0]) : null;
}

/**
 * The units a note above the header gives (金额单位：万元; 单位：人、平方米、万元), by the kind of column whose
 * units they are (money, area): each a whole word after 单位：, so 填报单位：元江县教育局 gives none.
 */
function unitNotes(sheet: Sheet, headerRow: number): Map<FieldKind, { unit: string; note: string; cell: string }> {
  const out = new Map<FieldKind, { unit: string; note: string; cell: string }>();
  for (let r = 0; r < headerRow; r++)
    (sheet.row(r) ?? []).forEach((cell, c) => {
      if (cell?.kind !== 'text') return;
      const text = normaliseText(cell.text);
      for (const m of text.matchAll(/单位[:：]([^,，;；。()（）]*)/g))
        for (const word of m[1]!.split(/[、/和及]/))
          for (const kind of ['money', 'area'] as const)
            if (!out.has(kind) && lookup(UNITS[kind].units, word) !== undefined) out.set(kind, { unit: word, note: cell.text.trim(), cell: a1(r, c) });
    });
  return out;
}

/** Column matches with units resolved; issues for unknown units, duplicate and ignored columns. */
export function layoutOf(sheet: Sheet, header: HeaderCandidate, wording: ColumnWording): HeaderLayout {
  const issues: Issue[] = [];
  const lastHeaderRow = header.row + header.height - 1;
  const { units, dataStart, numbersRow } = headerFurniture(sheet, lastHeaderRow + 1);
  // A column-number row inside the header block is reported like one found among the data rows.
  if (numbersRow !== null && units !== null)
    issues.push(makeIssue('ROW_SKIPPED_NOTE', { sheet: sheet.name, row: numbersRow + 1 }, { text: rowTexts(sheet, numbersRow).slice(0, 4).join(' ') }));
  const seen = new Map<string, ColumnMatch>();
  /** The columns of `seen` matched by keywords only. */
  const byKeywords = new Set<string>();
  const columns: ColumnMatch[] = [];
  const named = new Set(header.columns.flatMap((c) => (c.match ? [c.match.field.id] : [])));
  // Columns of no known kind that hold data, and the texts of their first data rows (read in one pass).
  const unnamed = header.columns.filter((c) => !c.match && !IGNORED_SILENTLY.has(normaliseText(c.header)) && columnHoldsData(sheet, c.col, dataStart));
  const sampled = sampleTexts(sheet, unnamed.map((c) => c.col), dataStart);
  const notes = unitNotes(sheet, header.row);
  /** The year the table's title names (××县…统计表（2024年）), if any: of two years' columns, that year's is read. */
  const title = titleAbove(sheet, header.row);
  const tableYear = title === null ? null : yearIn(title);
  for (const { col, header: text, match: byHeader, texts: tried } of header.columns) {
    const cell = a1(header.row, col);
    const pos = { sheet: sheet.name, cell, column: text };
    let match = byHeader;
    if (!match) {
      // A column of no known kind is left out; when it holds data, the user is told, with the nearest columns.
      const texts = sampled.get(col);
      if (texts === undefined) continue;
      // A per-student figure (生均…): computed here from its total, never read; said, with the total's column.
      const total = firstOf(tried, (t) => perStudentOf(t, wording));
      if (total) {
        const from = header.columns.find((c) => c.match?.field.id === total.id && c.match.section === null);
        issues.push(
          from
            ? makeIssue('PER_STUDENT_COLUMN', pos, { header: text, total: from.header })
            : makeIssue('PER_STUDENT_COLUMN_NO_TOTAL', pos, { header: text, field: total.label }),
        );
        continue;
      }
      // Unless its cells say what it is: 小学 / 初中 / 九年一贯制 under “类别” is the 学校类型.
      const byValues = fieldByValues(texts, wording, named);
      if (!byValues) {
        // 小学毕业生数 beside 小学在校生数: a count the check does not use, said as such (no “是否指小学在校生数？”).
        const other = firstOf(tried, (t) => excludedBy(t, wording));
        if (other) {
          issues.push(makeIssue('COLUMN_NOT_USED', pos, { header: text, field: other.field.label, word: other.word }));
          continue;
        }
        const near = nearestFields(text, wording);
        issues.push(makeIssue('COLUMN_IGNORED', pos, { header: text, hint: near.length ? `；是否指${near.map((n) => `“${n}”`).join('或')}？` : '' }));
        continue;
      }
      named.add(byValues.field.id);
      match = { field: byValues.field, section: null, unit: null };
      issues.push(makeIssue('COLUMN_READ_BY_VALUES', pos, { header: text, field: byValues.field.label, values: byValues.values.join('、') }));
    }
    const { units: allowed, base, strict } = UNITS[match.field.kind];
    const own = match.unit ?? units?.get(col) ?? null;
    // The column's own unit (its header, the unit row) first; else the unit a note above the table gives its kind.
    const noted = own === null ? notes.get(match.field.kind) : undefined;
    const unit = own ?? noted?.unit ?? null;
    let unitFactor = 1;
    if (unit !== null && strict) {
      const factor = lookup(allowed, unit);
      if (factor === undefined) {
        issues.push(makeIssue('UNKNOWN_UNIT', pos, { unit, allowed: Object.keys(allowed).join('、') }));
        continue;
      }
      unitFactor = factor;
      if (unitFactor !== 1)
        issues.push(noted ? makeIssue('UNIT_FROM_NOTE', pos, { note: noted.note, cell: noted.cell, unit, factor: unitFactor, base }) : makeIssue('UNIT_CONVERTED', pos, { unit, factor: unitFactor, base }));
    }
    const key = `${match.section}:${match.field.id}`;
    const first = seen.get(key);
    const column: ColumnMatch = { field: match.field, section: match.section, col, header: text, unitFactor };
    /** This column read instead of the field's first one. */
    const replaceFirst = () => {
      columns.splice(columns.indexOf(first!), 1);
      byKeywords.delete(key);
      if (match.byKeywords) byKeywords.add(key);
      seen.set(key, column);
      columns.push(column);
    };
    /** Of two columns of one field, `used` is read and `unused` said: the issue at the unused one's header. */
    const choose = (code: 'COLUMN_HIDDEN_NOT_USED' | 'DUPLICATE_COLUMN_YEAR', used: ColumnMatch, unused: ColumnMatch, why = '') => {
      const at = { sheet: sheet.name, cell: a1(header.row, unused.col), column: unused.header };
      issues.push(makeIssue(code, at, { field: fieldLabel(match.field.id), cell: a1(header.row, used.col), header: used.header, why }));
      if (used === column) replaceFirst();
    };
    const hidden = (c: number) => sheet.hiddenColumns?.has(c) === true;
    // A hidden column (last year's figures, a draft) gives way to a shown one of the same field, wherever that stands.
    if (first && hidden(first.col) !== hidden(col)) {
      if (hidden(col)) choose('COLUMN_HIDDEN_NOT_USED', first, column);
      else choose('COLUMN_HIDDEN_NOT_USED', column, first);
      continue;
    }
    // The same field for two years (小学在校生数（2023年） | 小学在校生数（2024年）): the title's year, else the later one, is read.
    const [firstYear, year] = first ? [yearIn(first.header), yearIn(text)] : [null, null];
    if (first && firstYear !== null && year !== null && firstYear !== year) {
      const titled = firstYear === tableYear || year === tableYear;
      const why = titled ? `表标题所示年份（${tableYear}年）` : '较近年份';
      if (titled ? year === tableYear : year > firstYear) choose('DUPLICATE_COLUMN_YEAR', column, first, why);
      else choose('DUPLICATE_COLUMN_YEAR', first, column, why);
      continue;
    }
    if (first) {
      // 小学毕业生数 read by keywords before the 小学在校生数 column itself: the column named in the field's own wording is the field.
      if (byKeywords.has(key) && !match.byKeywords) {
        const at = { sheet: sheet.name, cell: a1(header.row, first.col), column: first.header };
        issues.push(makeIssue('DUPLICATE_COLUMN_NAMED', at, { header: first.header, cell, field: text }));
        replaceFirst();
        continue;
      }
      issues.push(makeIssue('DUPLICATE_COLUMN', pos, { firstCell: a1(header.row, first.col), field: first.header }));
      continue;
    }
    if (match.byKeywords) byKeywords.add(key);
    seen.set(key, column);
    columns.push(column);
  }
  // A hidden column read (no shown one of its field): said, since what Excel shows the county is not what is computed.
  for (const c of columns)
    if (sheet.hiddenColumns?.has(c.col)) issues.push(makeIssue('COLUMN_HIDDEN', { sheet: sheet.name, cell: a1(header.row, c.col), column: c.header }, { field: fieldLabel(c.field.id) }));
  // A field given as its levels (县级 + 市级 + 省级 骨干) with no column of its own: said once, naming the columns added up.
  const keyed = new Map(columns.map((c) => [`${c.section}:${c.field.id}`, c]));
  for (const [field, summed] of Object.entries(SUMMED)) {
    if (summed.parts.length === summed.required.length) continue; // 体育 + 音乐 + 美术: every part needed, it is the field itself
    for (const section of [null, 'primary', 'junior'] as const) {
      if (keyed.has(`${section}:${field}`) || !summed.required.every((p) => keyed.has(`${section}:${p}`))) continue;
      const parts = summed.parts.flatMap((p) => keyed.get(`${section}:${p}`) ?? []);
      const first = parts[0]!;
      issues.push(
        makeIssue('COLUMN_SUMMED', { sheet: sheet.name, cell: a1(header.row, first.col), column: first.header }, {
          field: `${section ? `${LEVEL_NAMES[section]}部` : ''}${fieldLabel(field)}`,
          columns: parts.map((c) => `“${c.header}”`).join('、'),
          how: parts.length > 1 ? '各列相加' : '读取',
        }),
      );
    }
  }
  return {
    // Without a unit row a column-number row is left to the data rows, which report it.
    dataStart: units ? dataStart : lastHeaderRow + 1,
    headerRow: lastHeaderRow + 1,
    columns,
    issues,
  };
}
