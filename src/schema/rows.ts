/** Data rows → typed school records, with an issue for every cell that cannot be trusted. */
import { append } from '../common/lookup';
import { z } from 'zod';
import {
  LEVEL_NAMES,
  LEVELS,
  RESOURCE_FIELDS,
  TYPE_LEVELS,
  type Level,
  type ResourceField,
  type SchoolRecord,
  type SchoolType,
} from '../engine/types';
import { makeIssue, type Issue, type IssueCode, type IssueParams, type Position } from '../issues/catalogue';
import { a1, type CellValue, type Sheet } from '../read/types';
import { fieldLabel, UNITS, type FieldKind } from './columns';
import { ALL_LEVELS, cellTable, keyOf, recordPlan, RowValues, slotsOf, STUDENT_FIELD, type RecordPlan } from './row-plan';
import { isColumnNumberRow, isColumnNumberStart } from './header/furniture';
import type { ColumnMatch } from './header/layout';
import { normaliseText } from './text';
import { DataMerges } from './merges';
import type { Wording } from '../engine/checklist-rules';
import { cellText, parseEnum, parseNumber, schoolValueSpecs, typeWords, type EnumSpec, type SchoolValueSpecs } from './values';

/** zod checks for a number read from a cell; failures map to catalogue codes. */
const NUMBER_SCHEMAS: Record<Exclude<FieldKind, 'text'>, z.ZodNumber> = {
  count: z.number().nonnegative().int(),
  area: z.number().nonnegative(),
  money: z.number().nonnegative(),
  number: z.number().nonnegative(),
};

function zodIssueCode(error: z.ZodError): IssueCode {
  return error.issues.some((i) => i.code === 'too_small') ? 'NEGATIVE_VALUE' : 'NOT_INTEGER';
}

/** Which first texts (normalised) make a row a total, a note or a 学段 heading, from the profile's wording. */
interface RowMarks {
  total: (lead: string) => boolean;
  /** A breakdown of the total above (其中：小学): skipped as a total, within its county. */
  breakdown: (lead: string) => boolean;
  note: (lead: string) => boolean;
  section: (lead: string) => boolean;
  /** The 学校类型 a 学段 heading (or a sheet named as one) names: 小学部分 → 小学; null when none or several. */
  sectionType: (lead: string) => SchoolType | null;
}
/** 一、 · （二） · 3. · 4、 · 表1: the numbering of a heading (or of a sheet's name). */
const NUMBERING = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[、.]|表\d+[-、.:]?)/;
/** Per wording (a custom profile may share its schoolRows object with the built-in and add schoolValues words: keyed by both's owner). */
const MARKS = new WeakMap<Pick<Wording, 'schoolRows' | 'schoolValues'>, RowMarks>();
function rowMarks(wording: Pick<Wording, 'schoolRows' | 'schoolValues'>): RowMarks {
  let marks = MARKS.get(wording);
  if (!marks) {
    const { schoolRows: words, schoolValues: values } = wording;
    // The words as a normalised first text has them (full-width → half-width, no spaces): a profile may write 注： or 填 表.
    const asRead = (list: readonly string[]) => list.map((w) => w.normalize('NFKC').replace(/[\s\u3000]+/g, '').toLowerCase());
    const [totalMarks, totalTexts, totalPrefixes, notePrefixes, noteTexts] = [asRead(words.totalMarks), asRead(words.totalTexts), asRead(words.totalPrefixes), asRead(words.notePrefixes), asRead(words.noteTexts)];
    const types = typeWords(values);
    const suffixes = ['', ...asRead(words.sectionSuffixes)];
    const { aliases } = schoolValueSpecs(values).type;
    marks = {
      total: (lead) => totalMarks.some((m) => lead.includes(m)) || totalTexts.includes(lead),
      breakdown: (lead) => totalPrefixes.some((p) => lead.startsWith(p)),
      note: (lead) => notePrefixes.some((p) => lead.startsWith(p)) || noteTexts.includes(lead),
      section: (lead) => {
        const rest = lead.replace(NUMBERING, '');
        // Numbered, any text naming a type (二、初中学校); else a type and a suffix only (小学部分), never a school's own name.
        return rest === lead ? types.some((t) => suffixes.some((x) => lead === t + x)) : types.some((t) => rest.includes(t));
      },
      sectionType: (lead) => {
        const rest = lead.replace(NUMBERING, '');
        const words = types.filter((t) => (rest === lead ? suffixes.some((x) => lead === t + x) : rest.includes(t)));
        // The longest word decides between words inside one another (一、小学教学点: 教学点, not 小学).
        const kinds = new Set(words.filter((w) => !words.some((o) => o !== w && o.includes(w))).map((w) => aliases[w]));
        const [only] = kinds;
        return kinds.size === 1 && only !== undefined ? only : null;
      },
    };
    MARKS.set(wording, marks);
  }
  return marks;
}

/** The first text of a row's cells. */
const firstText = (cells: readonly (CellValue | undefined)[]) => {
  for (const c of cells) {
    const t = cellText(c);
    if (t) return t;
  }
  return '';
};

export interface RowsResult {
  /** Rows that read without errors. */
  records: SchoolRecord[];
  issues: Issue[];
  /** The texts of the note rows skipped (填表人：王芳　审核人：李强): where the county signs the table. */
  notes: string[];
}

/** A passing zod check without calling zod (a province has millions of numbers); zod decides the issue when one fails. */
const PLAIN_OK: Record<Exclude<FieldKind, 'text'>, (n: number) => boolean> = {
  count: (n) => n >= 0 && Number.isInteger(n),
  area: (n) => n >= 0,
  money: (n) => n >= 0,
  number: (n) => n >= 0,
};

/** A 学校标识码 (ten digits), not a placeholder (/, 无, 待定): six digits in a row at least. */
const CODE_LIKE = /\d{6}/;

/**
 * Each school's first row, by county then name, across the sheets read (a file may hold its 小学 and
 * 初中 in two): a duplicate names the first one's cell, which is made only then.
 */
export class FirstRows {
  private readonly seen = new Map<string, Map<string, number>>();
  private readonly codes = new Map<string, Map<string, number>>();
  private readonly sheets: { name: string; col: number; codeCol: number | undefined }[] = [];

  /** The rows that follow are of this sheet, the names (and 学校标识码) in these columns. */
  begin(sheet: string, nameCol: number, codeCol?: number): void {
    this.sheets.push({ name: sheet, col: nameCol, codeCol });
  }

  /** The cell of the school's first row (sheet!A2), or undefined when this row (1-based) is its first. */
  firstCell(county: string, name: string, row: number): string | undefined {
    return this.first(this.seen, county, name, row, (s) => s.col);
  }

  /** The cell of the first row with this 学校标识码 in the county (sheet!A2), or undefined when this row is its first. */
  firstCodeCell(county: string, code: string, row: number): string | undefined {
    return this.first(this.codes, county, code, row, (s) => s.codeCol ?? s.col);
  }

  private first(seen: Map<string, Map<string, number>>, county: string, key: string, row: number, col: (s: (typeof this.sheets)[number]) => number): string | undefined {
    let ofCounty = seen.get(county);
    if (!ofCounty) seen.set(county, (ofCounty = new Map<string, number>()));
    const first = ofCounty.get(key);
    if (first !== undefined) {
      const sheet = this.sheets[Math.floor(first / ROWS_PER_SHEET)]!;
      return `${sheet.name}!${a1((first % ROWS_PER_SHEET) - 1, col(sheet))}`;
    }
    ofCounty.set(key, (this.sheets.length - 1) * ROWS_PER_SHEET + row);
    return undefined;
  }
}
/** Above Excel's last row number: a sheet's index and a row in one number. */
const ROWS_PER_SHEET = 2 ** 21;

export function readRows(
  sheet: Sheet,
  columns: readonly ColumnMatch[],
  dataStart: number,
  plainTextIsNormal: boolean,
  /** The profile's words for rows that are not schools and for the enumerated columns' values. */
  wording: Pick<Wording, 'schoolRows' | 'schoolValues'>,
  onRows?: (rows: number) => void,
  /** The schools of the sheets read before this one (duplicates are found across them). */
  firstRows: FirstRows = new FirstRows(),
  /** A table without a 学校类型 column whose sheet name or 学段 headings give it (typingOf); null: the column gives it. */
  typing: RowTyping | null = null,
): RowsResult {
  const marks = rowMarks(wording);
  const typeCol = columns.find((c) => c.field.id === 'type')?.col;
  /** The header's own texts, normalised: a row repeating them is the header again (the table's next part). */
  const headerTexts = columns.map((c) => normaliseText(c.header));
  const specs = schoolValueSpecs(wording.schoolValues);
  const issues: Issue[] = [];
  const cellsOf = cellTable(columns);
  const slots = slotsOf(columns);
  const plan = recordPlan(columns, slots);
  const reading = columns.map((column) => ({ column, slot: slots.get(keyOf(column))! }));
  const values = new RowValues(sheet.name, slots.size, issues);
  const records: SchoolRecord[] = [];
  const notes: string[] = [];
  const nameCol = columns.find((c) => c.field.id === 'name')!;
  const nameHeader = headerTexts[columns.indexOf(nameCol)];
  const countyCol = columns.find((c) => c.field.id === 'county');
  const codeCol = columns.find((c) => c.field.id === 'code');
  firstRows.begin(sheet.name, nameCol.col, codeCol?.col);
  let stray = 0;
  let firstStray = '';
  const merges = DataMerges.of(sheet, columns, dataStart);
  /** The 区县 of the last school row read (undefined after a 小计), the blanks filled from it, and the schools left without one. */
  let lastCounty: string | undefined;
  let filledDown = 0;
  let firstFilled: Position | null = null;
  const unplaced: { record: SchoolRecord; at: Position }[] = [];
  /** Schools read from rows hidden in the sheet (第7行二小), and the first one's row. */
  const hiddenSchools: string[] = [];
  let firstHidden = 0;
  /** The type of the rows without a 学校类型 column: the sheet's, then the last 学段 heading's. */
  let typeNow = typing?.fromSheet ?? null;
  let bySheet = 0;
  const sheetTyped = (count: number) => makeIssue('TYPE_FROM_SHEET_NAME', { sheet: sheet.name, row: typing!.headerRow }, { name: sheet.name, type: typing!.fromSheet!, count });
  const sheetNote = issues.length;
  if (typing?.fromSheet) issues.push(sheetTyped(0));
  /** The last 学段 heading that set typeNow: its issue (at `index`) says how many schools it typed, once they are read. */
  let heading: { index: number; at: Position; text: string; type: SchoolType; count: number } | null = null;
  const headingTyped = (h: NonNullable<typeof heading>) => makeIssue('TYPE_FROM_HEADING', h.at, { text: h.text, type: h.type, count: h.count });
  const headingDone = () => {
    if (heading) issues[heading.index] = headingTyped(heading);
    heading = null;
  };

  for (let r = dataStart; r < sheet.rowCount; r++) {
    if (onRows && (r - dataStart) % 1000 === 999) onRows(r - dataStart + 1);
    const cells = sheet.row(r);
    if (!anyCell(cells)) continue;
    const name = cellText(cells[nameCol.col]);
    /** The row's texts, made only for the rows that need them (a province has 100 000 school rows). */
    let texts: string[] | null = null;
    const leadText = name ?? (texts ??= textsOf(cells))[0];
    const lead = normaliseText(leadText ?? '');
    const breakdown = marks.breakdown(lead);
    if (breakdown || marks.total(lead)) {
      issues.push(makeIssue('ROW_SKIPPED_TOTAL', { sheet: sheet.name, row: r + 1 }, { text: leadText ?? '' }));
      // A 区县 does not run on past its 小计: the next county's schools start below it (a 其中： row is part of the total above).
      if (!breakdown) lastCounty = undefined;
      continue;
    }
    if (
      marks.note(lead) ||
      (isColumnNumberStart(firstText(cells)) && isColumnNumberRow((texts ??= textsOf(cells)))) ||
      (!name && (texts ??= textsOf(cells)).length === 1 && marks.note(normaliseText(texts[0]!)))
    ) {
      issues.push(makeIssue('ROW_SKIPPED_NOTE', { sheet: sheet.name, row: r + 1 }, { text: (leadText ?? '').slice(0, 40) }));
      append(notes, texts ?? textsOf(cells));
      continue;
    }
    // Between the parts of one table (小学, then 初中): a heading row, and the header written again.
    // Without a 学校类型 column the heading gives the type: it may stand in any column (merged across from 序号).
    if ((name !== undefined || typing) && (typeCol === undefined || cells[typeCol] === undefined) && marks.section(lead) && cellCount(cells) === 1) {
      const named = typing ? marks.sectionType(lead) : null;
      if (named) {
        headingDone();
        typeNow = named;
        heading = { index: issues.length, at: { sheet: sheet.name, row: r + 1 }, text: leadText ?? '', type: named, count: 0 };
        issues.push(headingTyped(heading));
      } else issues.push(makeIssue('ROW_SKIPPED_SECTION', { sheet: sheet.name, row: r + 1 }, { text: leadText ?? '' }));
      continue;
    }
    if (name !== undefined && lead === nameHeader && headerAgain(cells, columns, headerTexts)) {
      issues.push(makeIssue('ROW_SKIPPED_HEADER', { sheet: sheet.name, row: r + 1 }, { text: textsOf(cells).slice(0, 3).join(' | ') }));
      continue;
    }
    // Nothing in any column of the table: a stray cell, not a school (a million such rows are one note).
    if (!inTable(cells, columns)) {
      if (stray++ === 0) firstStray = a1(r, cells.findIndex((c) => c !== undefined));
      continue;
    }
    values.reset(r + 1, cellsOf(r + 1));
    let row = merges ? merges.fill(r, cells) : cells;
    // A blank 区县 below a school's (a roll-up's merged 区县 saved as CSV keeps only the first): the one above, said.
    if (countyCol && lastCounty !== undefined && cellText(row[countyCol.col]) === undefined) {
      row = [...row];
      (row as (CellValue | undefined)[])[countyCol.col] = { kind: 'text', text: lastCounty };
      if (filledDown++ === 0) firstFilled = { sheet: sheet.name, cell: a1(r, countyCol.col), column: countyCol.header, field: 'county' };
    }
    const county = countyCol ? cellText(row[countyCol.col]) : undefined;
    if (countyCol) lastCounty = county;
    // A number merged over several schools' rows cannot be shared out: an error at each cell it covers.
    for (const { column, master } of merges?.numbers ?? []) {
      const at: Position = { sheet: sheet.name, cell: a1(r, column.col), column: column.header, field: column.field.id, ...(name ? { school: name } : {}), ...(county ? { county } : {}) };
      values.atCell(makeIssue('MERGED_NUMBER', at, { master }));
      values.broken = true;
    }
    readRowValues(values, row, reading, r, name, county, plainTextIsNormal);
    const record = buildRecord(values, name, plan, specs, typing ? typeNow : null);
    if (!record) continue;
    const firstCell = firstRows.firstCell(record.county ?? '', record.name, r + 1);
    if (firstCell !== undefined) {
      issues.push(
        makeIssue(
          'DUPLICATE_SCHOOL',
          { sheet: sheet.name, row: r + 1, cell: values.cells.name!.cell, column: nameCol.header, school: record.name, county: record.county },
          { firstCell },
        ),
      );
      continue;
    }
    // One 学校标识码 on two rows (两个校区 written as two schools): computed as two, and said.
    const sameCode = record.code === undefined || !CODE_LIKE.test(record.code) ? undefined : firstRows.firstCodeCell(record.county ?? '', record.code, r + 1);
    if (sameCode !== undefined)
      issues.push(makeIssue('DUPLICATE_SCHOOL_CODE', { sheet: sheet.name, cell: a1(r, codeCol!.col), column: codeCol!.header, school: record.name, ...(record.county ? { county: record.county } : {}) }, { code: record.code!, firstCell: sameCode }));
    if (sheet.hiddenRows?.has(r) && hiddenSchools.push(`第${r + 1}行${record.name}`) === 1) firstHidden = r + 1;
    if (values.broken) continue;
    // A school with no 区县 and none above to take: an error, once the sheet shows other rows have one.
    if (countyCol && county === undefined) unplaced.push({ record, at: { sheet: sheet.name, cell: a1(r, countyCol.col), column: countyCol.header, field: 'county', school: record.name } });
    records.push(record);
    // Without a 学校类型 column every school's type is the heading's over it, or the sheet's.
    if (typing) {
      if (heading) heading.count++;
      else bySheet++;
    }
  }
  headingDone();
  if (filledDown) issues.push(makeIssue('COUNTY_FILLED_DOWN', firstFilled!, { count: filledDown }));
  // Schools without a 区县 in a sheet whose other schools have one would be computed as a county of their own.
  if (unplaced.length && records.some((x) => x.county !== null)) {
    const out = new Set(unplaced.map((u) => u.record));
    for (const { at } of unplaced) issues.push(makeIssue('MISSING_VALUE', at, { hint: '（表中其他学校填有区县，此校未填，无法归入县）' }));
    let kept = 0;
    for (const x of records) if (!out.has(x)) records[kept++] = x;
    records.length = kept;
  }
  if (hiddenSchools.length)
    issues.push(
      makeIssue('ROWS_HIDDEN', { sheet: sheet.name, row: firstHidden }, {
        count: hiddenSchools.length,
        schools: hiddenSchools.slice(0, 5).join('、') + (hiddenSchools.length > 5 ? ' 等' : ''),
      }),
    );
  if (typing?.fromSheet) issues[sheetNote] = sheetTyped(bySheet);
  if (stray) issues.push(makeIssue('CELLS_OUTSIDE_TABLE', { sheet: sheet.name, cell: firstStray }, { count: stray, first: firstStray }));
  for (const { code, at, params, count } of values.coded.values()) issues.push(makeIssue(code, at, { ...params, count }));
  for (const { at, params, count } of merges?.filled.values() ?? []) issues.push(makeIssue('MERGED_CELLS_READ', at, { ...params, count }));
  return { records, issues, notes };
}

/** How a table without a 学校类型 column gives its rows' type (typingOf). */
export interface RowTyping {
  /** The type the sheet's name gives (小学, 初中学校, 表1 初中); null: the 学段 headings over its rows give it. */
  fromSheet: SchoolType | null;
  /** 1-based row of the header's last line (where the sheet name's note is put). */
  headerRow: number;
}

/**
 * A table without a 学校类型 column still says its schools' type when its sheet is named as a 学段
 * heading is (小学, 初中学校), or when its first row below the header is such a heading (小学部分 over
 * the primary schools, then 初中部分 …); else null, and the missing column is an error.
 */
export function typingOf(sheet: Sheet, columns: readonly ColumnMatch[], dataStart: number, headerRow: number, wording: Pick<Wording, 'schoolRows' | 'schoolValues'>): RowTyping | null {
  if (columns.some((c) => c.field.id === 'type')) return null;
  const marks = rowMarks(wording);
  const fromSheet = marks.sectionType(normaliseText(sheet.name));
  if (fromSheet) return { fromSheet, headerRow };
  for (let r = dataStart; r < sheet.rowCount; r++) {
    const cells = sheet.row(r);
    if (!anyCell(cells)) continue;
    return cellCount(cells) === 1 && marks.sectionType(normaliseText(firstText(cells))) ? { fromSheet: null, headerRow } : null;
  }
  return null;
}

function cellCount(cells: readonly (CellValue | undefined)[]): number {
  let n = 0;
  for (let i = 0; i < cells.length; i++) if (cells[i] !== undefined && (cells[i]!.kind !== 'text' || (cells[i] as { text: string }).text.trim() !== '')) n++;
  return n;
}

/** Whether most of the table's columns hold their own header text in this row (three at least, the name among them). */
function headerAgain(cells: readonly (CellValue | undefined)[], columns: readonly ColumnMatch[], headerTexts: readonly string[]): boolean {
  let same = 0;
  for (let k = 0; k < columns.length; k++) {
    const t = cellText(cells[columns[k]!.col]);
    if (t !== undefined && normaliseText(t) === headerTexts[k]) same++;
  }
  return same >= 3 && 2 * same > columns.length;
}

function anyCell(cells: readonly (CellValue | undefined)[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i] !== undefined) return true;
  return false;
}

function inTable(cells: readonly (CellValue | undefined)[], columns: readonly ColumnMatch[]): boolean {
  for (let i = 0; i < columns.length; i++) if (cells[columns[i]!.col] !== undefined) return true;
  return false;
}

function textsOf(cells: readonly (CellValue | undefined)[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    const t = cellText(c);
    if (t) out.push(t);
  }
  return out;
}

function readRowValues(
  values: RowValues,
  row: readonly (CellValue | undefined)[],
  reading: readonly { column: ColumnMatch; slot: number }[],
  r: number,
  school: string | undefined,
  county: string | undefined,
  plainTextIsNormal: boolean,
): void {
  /** An issue at this row's cell of `column`. */
  const report = (column: ColumnMatch, code: IssueCode, params: IssueParams) => {
    const pos: Position = { sheet: values.sheet, cell: a1(r, column.col), column: column.header, field: column.field.id, ...(school ? { school } : {}), ...(county ? { county } : {}) };
    values.atCell(makeIssue(code, pos, params));
  };
  for (let k = 0; k < reading.length; k++) {
    const { column, slot } = reading[k]!;
    const raw = row[column.col];
    const kind = column.field.kind;
    if (kind === 'text') {
      const text = cellText(raw);
      if (text !== undefined) values.txt[slot] = text;
      continue;
    }
    // A number cell (nearly every cell of a province): no parse object.
    if (raw !== undefined && raw.kind === 'number') {
      const value = raw.value * column.unitFactor;
      if (PLAIN_OK[kind](value)) {
        values.num[slot] = value;
        values.has[slot] = 1;
        // A formula a script wrote without its result, computed by the reader: said once for the column.
        if (raw.formula !== undefined)
          values.noteCoded(keyOf(column), 'FORMULA_COMPUTED', { formula: raw.formula, value: raw.value });
        continue;
      }
    }
    if (raw === undefined) continue;
    const parsed = parseNumber(raw, plainTextIsNormal, kind);
    if (!parsed.ok) {
      report(column, parsed.code, parsed.params);
      values.broken = true;
      continue;
    }
    if (parsed.value === undefined) {
      if (raw.kind === 'text' && raw.text.trim()) values.noteWritten(keyOf(column), raw.text.trim());
      continue;
    }
    // A unit written in the cell ("110万") is the number's, whatever the header's.
    const factor = parsed.factor ?? column.unitFactor;
    const value = parsed.value * factor;
    if (factor !== column.unitFactor) report(column, 'UNIT_IN_CELL', { text: cellText(raw)!, value, base: UNITS[kind].base });
    else if ('note' in parsed && parsed.note) report(column, parsed.note.code, parsed.note.params);
    if (!PLAIN_OK[kind](value)) {
      const check = NUMBER_SCHEMAS[kind].safeParse(value);
      if (!check.success) {
        report(column, zodIssueCode(check.error), { value });
        values.broken = true;
        continue;
      }
    }
    values.num[slot] = value;
    values.has[slot] = 1;
  }
}

/**
 * What most rows have none of (per-section amounts, class and room counts): one frozen empty object
 * shared by them all, not two per school (a province has 260 000). Records are never changed in
 * place (mergeTeachingPoints copies what it adds to).
 */
const NO_SECTION_RESOURCES: SchoolRecord['sectionResources'] = Object.freeze({});
const NO_ITEMS: SchoolRecord['items'] = Object.freeze({});

function buildRecord(v: RowValues, name: string | undefined, plan: RecordPlan, specs: SchoolValueSpecs, typeOfRow: SchoolType | null): SchoolRecord | null {
  const county = v.text(plan.county) ?? null;
  v.school = name;
  v.county = county;
  if (!name) {
    v.fail('MISSING_VALUE', 'name', { hint: '（学校名称必填）' });
    return null;
  }
  const typeText = v.text(plan.type);
  const type = typeText === undefined && typeOfRow ? typeOfRow : readEnum(v, 'type', typeText, specs.type);
  if (!type) {
    if (!typeText) v.fail('MISSING_VALUE', 'type', { hint: '（学校类型必填，用于确定学段）' });
    return null;
  }
  const ownership = readEnum(v, 'ownership', v.text(plan.ownership), specs.ownership) ?? '公办';
  const urbanRural = readEnum(v, 'urbanRural', v.text(plan.urbanRural), specs.urbanRural);

  const levels = TYPE_LEVELS[type];
  // Each record's values gathered by key index first, then made at once with the keys present (in their order).
  const { scratch } = plan;
  let studentsGiven = 0;
  ALL_LEVELS.forEach((level, i) => {
    const key = STUDENT_FIELD[level];
    const given = v.number(plan.studentsOf[level]);
    if (!levels.includes(level)) {
      if (given) v.fail('LEVEL_NOT_OFFERED', key, { type, level: LEVEL_NAMES[level], students: given });
      return;
    }
    const value = given ?? (levels.length === 1 ? v.number(plan.students) : undefined);
    if (value !== undefined) {
      scratch.students[i] = value;
      studentsGiven |= 1 << i;
    } else if (type !== '特殊教育学校')
      v.fail('MISSING_VALUE', v.cells[key] || levels.length > 1 ? key : 'students', {
        hint: levels.length > 1 ? `（${type}须分学段填写在校生数，用于拆分资源）` : '',
      });
  });
  const students: SchoolRecord['students'] = plan.records.students.make(scratch.students, studentsGiven);

  let resourcesGiven = 0;
  let sectionResources: SchoolRecord['sectionResources'] | undefined;
  plan.amounts.forEach(({ field, parts }, i) => {
    for (const { section, direct, sum } of parts) {
      const amount = amountOf(v, direct, sum);
      if (amount === undefined) continue;
      // The whole-school column first; a one-level school's 小学部 / 初中部 column only when that is blank.
      if (section === null || (levels.length === 1 && levels[0] === section && !(resourcesGiven & (1 << i)))) {
        scratch.resources[i] = amount;
        resourcesGiven |= 1 << i;
      } else if (levels.length === 1 && levels[0] === section) continue;
      else ((sectionResources ??= {})[section] ??= {})[field] = amount;
    }
  });
  const resources: SchoolRecord['resources'] = plan.records.resources.make(scratch.resources, resourcesGiven);
  // A summed field with a blank part: its issues name that part's cell.
  for (const { field, whole, parts } of plan.summed) {
    if (v.number(whole) !== undefined) continue;
    const blankPart = parts.find((p) => p.slot >= 0 && v.number(p.slot) === undefined);
    if (blankPart) Object.defineProperty(v.cells, field, { value: v.cells[blankPart.key]!, enumerable: true });
  }

  let itemsGiven = 0;
  plan.items.forEach(({ slot }, i) => {
    if (v.has[slot] !== 1) return;
    scratch.items[i] = v.num[slot]!;
    itemsGiven |= 1 << i;
  });
  const items: SchoolRecord['items'] = itemsGiven ? plan.records.items.make(scratch.items, itemsGiven) : NO_ITEMS;
  const record: SchoolRecord = {
    name,
    county,
    type,
    ownership,
    students,
    resources,
    sectionResources: sectionResources ?? NO_SECTION_RESOURCES,
    items,
    source: { sheet: v.sheet, row: v.row, cells: v.cells },
  };
  const code = v.text(plan.code);
  if (code !== undefined) record.code = code;
  const group = v.text(plan.group);
  if (group !== undefined) record.group = group;
  if (urbanRural !== undefined) record.urbanRural = urbanRural;
  const parent = v.text(plan.parent);
  if (parent !== undefined) record.parent = parent;
  for (const issue of structuralIssues(record, v)) {
    v.push(issue);
    if (issue.severity === 'error') v.broken = true;
  }
  return record;
}

/** An enumerated cell (学校类型, 办学性质, 城乡分类): its value, or its error at the cell; a code read past (211小学) noted for the column. */
function readEnum<T>(v: RowValues, key: string, text: string | undefined, spec: EnumSpec<T>): T | undefined {
  const parsed = parseEnum(text, spec);
  if (!parsed.ok) {
    v.fail(parsed.code, key, parsed.params);
    return undefined;
  }
  if ('note' in parsed && parsed.note) v.noteCoded(key, parsed.note.code, parsed.note.params);
  return parsed.value;
}

/** A resource of a row: its own column, or the sum of its parts (SUMMED: 体育 + 音乐 + 美术, 县级 + 市级 + …) when each is filled. */
function amountOf(v: RowValues, direct: number, parts: number[] | null): number | undefined {
  const value = v.number(direct);
  if (value !== undefined || parts === null) return value;
  let sum = 0;
  for (const p of parts) {
    const n = v.number(p);
    if (n === undefined) return undefined;
    sum += n;
  }
  return sum;
}

/** The resource fields with an amount above 0. */
function positive(rs: Partial<Record<ResourceField, number>> | undefined): ResourceField[] {
  const out: ResourceField[] = [];
  for (const f in rs) if ((rs[f as ResourceField] ?? 0) > 0) out.push(f as ResourceField);
  return out;
}

/** Checks across the cells of one school: sections, students against resources, teachers against students. */
function structuralIssues(school: SchoolRecord, row: RowValues): Issue[] {
  const issues: Issue[] = [];
  const levels = TYPE_LEVELS[school.type];
  let total = 0;
  for (const l of levels) total += school.students[l] ?? 0;

  if (levels.length === 1) {
    if (total === 0 && school.students[levels[0]!] !== undefined) {
      const withValues = positive(school.resources);
      if (withValues.length > 0)
        issues.push(
          makeIssue('RESOURCES_WITHOUT_STUDENTS', row.at(STUDENT_FIELD[levels[0]!]), {
            level: LEVEL_NAMES[levels[0]!],
            fields: withValues.map(fieldLabel).join('、'),
          }),
        );
    }
  } else {
    for (const level of LEVELS) {
      if (!levels.includes(level) || school.students[level] !== 0) continue;
      const given = positive(school.sectionResources[level]);
      if (given.length > 0)
        issues.push(
          makeIssue('RESOURCES_WITHOUT_STUDENTS', row.at(STUDENT_FIELD[level]), {
            level: `${LEVEL_NAMES[level]}部`,
            fields: given.map((f) => `${LEVEL_NAMES[level]}部${fieldLabel(f)}`).join('、'),
          }),
        );
    }
    const allStudentsKnown = levels.every((l) => school.students[l] !== undefined);
    if (allStudentsKnown && total === 0) {
      const whole = positive(school.resources);
      if (whole.length > 0)
        issues.push(
          makeIssue('RESOURCES_WITHOUT_STUDENTS', row.at(STUDENT_FIELD[levels[0]!]), {
            level: '全校',
            fields: whole.map(fieldLabel).join('、'),
          }),
        );
    }
    append(issues, incompleteSections(school, row));
  }

  const teachers = school.resources.teachers ?? school.resources.qualifiedTeachers;
  if (teachers !== undefined && total > 0 && teachers > total) {
    const key = school.resources.teachers !== undefined ? 'teachers' : 'qualifiedTeachers';
    issues.push(
      makeIssue('TEACHERS_EXCEED_STUDENTS', row.at(key), { teachersLabel: fieldLabel(key), teachers, students: total }),
    );
  }
  return issues;
}

const NO_ISSUES: readonly Issue[] = Object.freeze([]);

/** Per-section columns must be given for every compulsory section that has students, or for none. */
function incompleteSections(school: SchoolRecord, row: RowValues): readonly Issue[] {
  // Most schools have no 小学部 / 初中部 column: nothing to compare (no list made for them; a province has 30 000 such schools).
  if (school.sectionResources.primary === undefined && school.sectionResources.junior === undefined) return NO_ISSUES;
  const sections = (['primary', 'junior'] as Level[]).filter(
    (l) => TYPE_LEVELS[school.type].includes(l) && (school.students[l] ?? 0) > 0,
  );
  const issues: Issue[] = [];
  for (const field of RESOURCE_FIELDS) {
    const given = sections.filter((l) => school.sectionResources[l]?.[field] !== undefined);
    const missing = sections.filter((l) => !given.includes(l));
    if (given.length === 0 || missing.length === 0) continue;
    const label = (l: Level) => `${LEVEL_NAMES[l]}部${fieldLabel(field)}`;
    issues.push(
      makeIssue('SECTION_VALUES_INCOMPLETE', row.at(`${missing[0]}:${field}`), {
        given: given.map(label).join('、'),
        missing: missing.map(label).join('、'),
      }),
    );
  }
  return issues;
}
