/**
 * The schema stage: positioned cells in, typed school records and issues out.
 * Picks the school sheet, finds its header, checks the profile's columns are there,
 * reads every row.
 */
import { append } from '../common/lookup';
import type { Wording } from '../engine/checklist-rules';
import type { InputField, ResourceField, SchoolRecord } from '../engine/types';
import { makeIssue, type Issue } from '../issues/catalogue';
import { a1, UnreadableFileError, type Sheet, type SourceFile } from '../read/types';
import { FIELD_BY_ID, fieldLabel, SUMMED } from './columns';
import type { ColumnWording } from './header/field-match';
import { findHeader, nearHeader } from './header/find';
import { isIgnoredSilently, layoutOf, type ColumnMatch } from './header/layout';
import { titleAbove } from './header/title';
import { FirstRows } from './rows/first-rows';
import { readRows } from './rows/index';
import { typingOf } from './rows/typing';
import { cellText, typeWords } from './values';
import { normaliseText } from './text';
import { signaturesIn, type Signatures } from './signatures';
import { accountColumns, type ColumnAccount } from './column-accounting';

export interface SchemaResult {
  /** The sheet the schools were read from (null when no header was found); the first of several. */
  sheet: string | null;
  /** Every sheet the schools were read from, in the workbook's order (one, or several: 小学 | 初中). */
  sheets: string[];
  /** 1-based row of the header's last line. */
  headerRow: number | null;
  /** The table's title above the header ("××县义务教育学校办学条件统计表（2024年）"), if any. */
  title: string | null;
  columns: ColumnMatch[];
  records: SchoolRecord[];
  issues: Issue[];
  /** What the county signed the table with, above it or in its note rows (填报单位, 填表人, 审核人, 日期). */
  signatures: Signatures;
  /** Every column of the tables read that holds something: used, summed, computed, or ignored with its issue. */
  accounts: ColumnAccount[];
}

export interface SchemaOptions {
  /** `--sheet`: the sheet to read, by name. */
  sheet?: string;
  /** The resource fields the profile's indicators need. */
  requiredResources: readonly ResourceField[];
  /**
   * The profile's wording of the school table: its columns' header wordings and keywords, the rows
   * that are not schools (合计, 填表人) and the enumerated columns' values.
   */
  wording: Pick<Wording, 'schoolHeaders' | 'schoolColumns' | 'perStudentWords' | 'schoolRows' | 'schoolValues'>;
  /** Called with the count of rows read so far, every 1 000 rows (progress on a terminal). */
  onRows?: (rows: number) => void;
}

export function parseSchools(source: SourceFile, options: SchemaOptions): SchemaResult {
  const sheets = pickSheets(source, options.sheet);
  const found = sheets
    .map((sheet) => ({ sheet, header: findHeader(sheet, options.wording) }))
    .filter((c) => c.header !== null);
  if (found.length === 0)
    return {
      sheet: null,
      sheets: [],
      headerRow: null,
      title: null,
      columns: [],
      records: [],
      issues: [headerNotFound(sheets, options.wording)],
      signatures: {},
      accounts: [],
    };
  // The best header decides, as for one sheet; every other sheet with a school header that stands as a table of its own is read too.
  const best = [...found].sort((a, b) => b.header!.score - a.header!.score)[0]!;
  const tables = found.map(({ sheet, header }) => {
    const layout = layoutOf(sheet, header!, options.wording);
    const typing = typingOf(sheet, layout.columns, layout.dataStart, layout.headerRow, options.wording);
    const missing = missingColumns(layout.columns, options.requiredResources, options.wording, typing !== null).map(
      (m) => makeIssue('MISSING_COLUMN', { sheet: sheet.name, row: layout.headerRow }, m),
    );
    const misread = headerRowMisread(sheet, layout.columns, layout.dataStart);
    return {
      sheet,
      header: header!,
      layout,
      typing,
      issues: [...layout.issues, ...missing, ...(misread ? [misread] : [])],
      records: 0,
    };
  });
  const main = tables.find((t) => t.sheet === best.sheet)!;
  const titleOf = (t: (typeof tables)[number]) => titleAbove(t.sheet, t.header.row);
  if (main.issues.some((i) => i.severity === 'error'))
    return {
      sheet: main.sheet.name,
      sheets: [main.sheet.name],
      headerRow: main.layout.headerRow,
      title: titleOf(main),
      columns: main.layout.columns,
      records: [],
      issues: main.issues,
      signatures: {},
      accounts: [],
    };
  const issues: Issue[] = [];
  // Another sheet is read with the best one when it is a table of its own (no error in its header) and
  // holds other schools (小学 | 初中); one holding mostly the same schools is another version (去年, a copy), left out.
  const names = tables.length > 1 ? schoolNames(main.sheet, main.layout) : new Set<string>();
  const read = tables.filter((t) => {
    if (t === main) return true;
    const error = t.issues.find((i) => i.severity === 'error');
    if (error) {
      issues.push(
        makeIssue('SHEET_NOT_READ', { sheet: t.sheet.name, row: t.layout.headerRow }, { reason: error.message }),
      );
      return false;
    }
    // A hidden sheet is scratch, an old version, or schools the county set aside: never added unasked.
    if (t.sheet.hidden) {
      issues.push(
        makeIssue('SHEET_HIDDEN_NOT_READ', { sheet: t.sheet.name, row: t.layout.headerRow }, { name: t.sheet.name }),
      );
      return false;
    }
    const own = schoolNames(t.sheet, t.layout);
    let same = 0;
    for (const n of own) if (names.has(n)) same++;
    if (own.size > 0 && 2 * same >= own.size) {
      issues.push(
        makeIssue(
          'SHEET_OTHER_VERSION',
          { sheet: t.sheet.name, row: t.layout.headerRow },
          { other: main.sheet.name, same, of: own.size },
        ),
      );
      return false;
    }
    for (const n of own) names.add(n);
    return true;
  });
  const first = new FirstRows();
  const records: SchoolRecord[] = [];
  /** The texts above each table and of its note rows: where the county signs it. */
  const signed: string[] = [];
  const accounts: ColumnAccount[] = [];
  let before = 0;
  for (const t of read) {
    append(issues, t.issues);
    const rows = readRows(
      t.sheet,
      t.layout.columns,
      t.layout.dataStart,
      source.format === 'csv',
      options.wording,
      options.onRows && ((n) => options.onRows!(before + n)),
      first,
      t.typing,
    );
    before += t.sheet.rowCount;
    append(issues, rows.issues);
    append(records, rows.records);
    append(signed, textsAbove(t.sheet, t.header.row));
    append(signed, rows.notes);
    t.records = rows.records.length;
    append(accounts, accountColumns(t.sheet, t.header, t.layout.columns, t.layout.dataStart, issues));
  }
  if (read.length > 1) issues.push(sheetsCombined(read, options.wording));
  if (records.length === 0 && !issues.some((i) => i.severity === 'error'))
    issues.push(makeIssue('NO_SCHOOLS', { sheet: main.sheet.name, row: main.layout.headerRow }));
  const columns = read.length === 1 ? main.layout.columns : read.flatMap((t) => t.layout.columns);
  // The first sheet read names the table (its title gives the county and year), as the first sheet of the workbook would.
  return {
    sheet: read[0]!.sheet.name,
    sheets: read.map((t) => t.sheet.name),
    headerRow: read[0]!.layout.headerRow,
    title: titleOf(read[0]!),
    columns,
    records,
    issues,
    signatures: signaturesIn(signed, options.wording.schoolRows.signatures),
    accounts,
  };
}

/** The schools a sheet names (区县 and name, as its rows give them): to tell a sheet of other schools from another version of the same. */
function schoolNames(sheet: Sheet, layout: { columns: readonly ColumnMatch[]; dataStart: number }): Set<string> {
  const name = layout.columns.find((c) => c.field.id === 'name')!;
  const county = layout.columns.find((c) => c.field.id === 'county');
  const out = new Set<string>();
  for (let r = layout.dataStart; r < sheet.rowCount; r++) {
    const cells = sheet.row(r);
    const n = cellText(cells[name.col]);
    if (n) out.add(`${(county && cellText(cells[county.col])) ?? ''}\u0000${normaliseText(n)}`);
  }
  return out;
}

/**
 * Several sheets read as one table: said, as a note when each sheet is named by a 学段 or the rows
 * carry their 区县, else as a warning (sheets of different counties, years or copies would be added up).
 */
function sheetsCombined(
  read: readonly { sheet: Sheet; layout: { columns: readonly ColumnMatch[] }; records: number }[],
  wording: ColumnWording,
): Issue {
  const words = typeWords(wording.schoolValues);
  const byLevel = read.every((t) => words.some((w) => normaliseText(t.sheet.name).includes(w)));
  const byCounty = read.every((t) => t.layout.columns.some((c) => c.field.id === 'county'));
  const list = read.map((t) => `“${t.sheet.name}”${t.records} 所`).join('、');
  return makeIssue(
    byLevel || byCounty ? 'SHEETS_COMBINED' : 'SHEETS_COMBINED_CHECK',
    { sheet: read[0]!.sheet.name },
    { count: read.length, sheets: list },
  );
}

/**
 * No header: the message names the row most like one (columns read by their wordings, none of them
 * 学校名称) and the header cells it could not read, one of which is then the name column in words
 * no list has: the user renames it or adds the wording to the profile.
 */
function headerNotFound(sheets: readonly Sheet[], wording: ColumnWording): Issue {
  const near = sheets
    .map((sheet) => ({ sheet, header: nearHeader(sheet, wording) }))
    .filter((c) => c.header !== null)
    .sort((a, b) => b.header!.score - a.header!.score)[0];
  if (!near) return makeIssue('HEADER_NOT_FOUND', { sheet: sheets[0]?.name ?? '' }, { hint: '' });
  const { sheet, header } = near;
  const row = header!.row + header!.height;
  const read = [...new Set(header!.columns.flatMap((c) => (c.match ? [c.match.field.label] : [])))];
  const unread = header!.columns
    .filter((c) => !c.match && !isIgnoredSilently(c.header))
    .slice(0, 4)
    .map((c) => `“${c.header}”（${a1(header!.row, c.col)}）`);
  const hint =
    `；此行最像表头（认出：${read.join('、')}），但没有“学校名称”列` +
    (unread.length
      ? `。未识别的列：${unread.join('、')}——其中学校名称一列请改为“学校名称”，或在 --profile 的 wording.schoolHeaders.name 中加上它的写法`
      : '');
  return makeIssue('HEADER_NOT_FOUND', { sheet: sheet.name, row }, { hint });
}

/**
 * A row right below the header whose number columns hold words (小学 | 初中 under a 在校学生数 that
 * was not read as a two-row header) is part of the header, not a school: one error naming the row.
 */
function headerRowMisread(sheet: Sheet, columns: readonly ColumnMatch[], row: number): Issue | null {
  const cells = sheet.row(row) ?? [];
  const numeric = columns.filter((c) => c.field.kind !== 'text');
  const words = numeric
    .map((c) => cells[c.col])
    .filter((c) => c?.kind === 'text' && c.text.trim() && !/[0-9０-９]/.test(c.text))
    .map((c) => (c as { text: string }).text.trim());
  const numbers = numeric.filter((c) => cells[c.col]?.kind === 'number').length;
  const name = columns.find((c) => c.field.id === 'name');
  const named =
    name !== undefined && cells[name.col]?.kind === 'text' && (cells[name.col] as { text: string }).text.trim() !== '';
  if (words.length === 0 || numbers > 0 || named) return null;
  return makeIssue(
    'HEADER_ROW_MISREAD',
    { sheet: sheet.name, row: row + 1 },
    {
      texts: [...new Set(words)]
        .slice(0, 6)
        .map((t) => `“${t}”`)
        .join('、'),
    },
  );
}

/** Every text above the header row (the title, 填报单位：…, 金额单位：…). */
function textsAbove(sheet: Sheet, headerRow: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < headerRow; r++)
    for (const cell of sheet.row(r) ?? []) if (cell?.kind === 'text' && cell.text.trim()) out.push(cell.text.trim());
  return out;
}

function pickSheets(source: SourceFile, wanted: string | undefined): Sheet[] {
  if (wanted === undefined) return source.sheets;
  const sheet =
    source.sheets.find((s) => s.name === wanted) ?? source.sheets.find((s) => s.name.trim() === wanted.trim());
  if (!sheet)
    throw new UnreadableFileError(
      `找不到工作表“${wanted}”；文件中的工作表：${source.sheets.map((s) => `“${s.name}”`).join('、')}`,
    );
  return [sheet];
}

/** `typed`: the sheet's name or 学段 headings give the type (typingOf), so no 学校类型 column is needed. */
function missingColumns(
  columns: readonly ColumnMatch[],
  required: readonly ResourceField[],
  wording: ColumnWording,
  typed: boolean,
) {
  const has = (id: string) => columns.some((c) => c.field.id === id);
  const accepted = (id: InputField) =>
    `（表头可写作：${[FIELD_BY_ID.get(id)!.label, ...(wording.schoolHeaders[id] ?? [])].join('、')}）`;
  const missing: { field: string; hint: string }[] = [];
  if (!has('type') && !typed) missing.push({ field: '学校类型', hint: `${accepted('type')}，用于确定学段` });
  if (!has('studentsPrimary') && !has('studentsJunior') && !has('students'))
    missing.push({ field: '小学在校生数”或“初中在校生数', hint: '' });
  for (const field of required) {
    if (has(field)) continue;
    const summed = SUMMED[field];
    if (summed?.required.every(has)) continue;
    missing.push({ field: fieldLabel(field), hint: accepted(field).replace(/）$/, `${summed?.hint ?? ''}）`) });
  }
  return missing;
}
