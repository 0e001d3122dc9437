// Takes: a school sheet, its columns and first data row, the profile's words, the schools of the sheets read before.
// Gives: every data row walked: school records, the rows skipped (totals, notes, headings) said, duplicates and blanks said (readRows).
/** Data rows → typed school records, with an issue for every cell that cannot be trusted. */
import { append } from '../../common/lookup';
import type { Wording } from '../../engine/checklist-rules';
import type { SchoolRecord, SchoolType } from '../../engine/types';
import { FatalError, makeIssue, type Issue, type Position } from '../../issues/catalogue';
import { a1, type CellValue, type Sheet } from '../../read/types';
import { isColumnNumberRow, isColumnNumberStart } from '../header/furniture';
import type { ColumnMatch } from '../header/layout';
import { DataMerges } from '../merges';
import { cellTable, keyOf, recordPlan, RowValues, slotsOf } from '../row-plan';
import { normaliseText, visibleText } from '../text';
import { cellText, schoolValueSpecs, valueAsName } from '../values';
import { readRowValues } from './cell-values';
import { FirstRows } from './first-rows';
import { anyCell, cellCount, firstText, headerAgain, inTable, rowMarks, textsOf } from './marks';
import { buildRecord, shortName } from './record';
import type { RowTyping } from './typing';

/**
 * The most rows one school table is read with: China has about 260 000 compulsory schools and
 * 教学点 in all; a table past 300 000 rows is not one (and would need more than 1 GB to check).
 */
export const MAX_DATA_ROWS = 300_000;

const tooManyRows = (sheet: string, row: number) =>
  new FatalError('FILE_TOO_LARGE', {
    reason: `工作表“${sheet}”在第 ${row} 行已有超过 ${MAX_DATA_ROWS.toLocaleString('en-US')} 行数据，超过一张学校表的上限（全国义务教育学校和教学点合计约 26 万所）。请检查是否把其他数据接在了表后，或按地区拆成几个文件`,
  });

export interface RowsResult {
  /** Rows that read without errors. */
  records: SchoolRecord[];
  issues: Issue[];
  /** The texts of the note rows skipped (填表人：王芳　审核人：李强): where the county signs the table. */
  notes: string[];
}

/** A 学校标识码 (ten digits), not a placeholder (/, 无, 待定): six digits in a row at least. */
const CODE_LIKE = /\d{6}/;

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
  /** Rows with a cell below the header, against MAX_DATA_ROWS. */
  let filled = 0;
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
  const sheetTyped = (count: number) =>
    makeIssue(
      'TYPE_FROM_SHEET_NAME',
      { sheet: sheet.name, row: typing!.headerRow },
      { name: sheet.name, type: typing!.fromSheet!, count },
    );
  const sheetNote = issues.length;
  if (typing?.fromSheet) issues.push(sheetTyped(0));
  /** The last 学段 heading that set typeNow: its issue (at `index`) says how many schools it typed, once they are read. */
  let heading: { index: number; at: Position; text: string; type: SchoolType; count: number } | null = null;
  const headingTyped = (h: NonNullable<typeof heading>) =>
    makeIssue('TYPE_FROM_HEADING', h.at, { text: h.text, type: h.type, count: h.count });
  const headingDone = () => {
    if (heading) issues[heading.index] = headingTyped(heading);
    heading = null;
  };

  for (let r = dataStart; r < sheet.rowCount; r++) {
    if (onRows && (r - dataStart) % 1000 === 999) onRows(r - dataStart + 1);
    const cells = sheet.row(r);
    if (!anyCell(cells)) continue;
    if (++filled > MAX_DATA_ROWS) throw tooManyRows(sheet.name, r + 1);
    const written = cellText(cells[nameCol.col]);
    const name = written === undefined ? undefined : visibleText(written);
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
      issues.push(
        makeIssue('ROW_SKIPPED_NOTE', { sheet: sheet.name, row: r + 1 }, { text: (leadText ?? '').slice(0, 40) }),
      );
      append(notes, texts ?? textsOf(cells));
      continue;
    }
    // Between the parts of one table (小学, then 初中): a heading row, and the header written again.
    // Without a 学校类型 column the heading gives the type: it may stand in any column (merged across from 序号).
    if (
      (name !== undefined || typing) &&
      (typeCol === undefined || cellText(cells[typeCol]) === undefined) &&
      marks.section(lead) &&
      cellCount(cells) === 1
    ) {
      const named = typing ? marks.sectionType(lead) : null;
      if (named) {
        headingDone();
        typeNow = named;
        heading = {
          index: issues.length,
          at: { sheet: sheet.name, row: r + 1 },
          text: leadText ?? '',
          type: named,
          count: 0,
        };
        issues.push(headingTyped(heading));
      } else issues.push(makeIssue('ROW_SKIPPED_SECTION', { sheet: sheet.name, row: r + 1 }, { text: leadText ?? '' }));
      continue;
    }
    if (name !== undefined && lead === nameHeader && headerAgain(cells, columns, headerTexts)) {
      issues.push(
        makeIssue(
          'ROW_SKIPPED_HEADER',
          { sheet: sheet.name, row: r + 1 },
          { text: textsOf(cells).slice(0, 3).join(' | ') },
        ),
      );
      continue;
    }
    // Nothing in any column of the table: a stray cell, not a school (a million such rows are one note).
    if (!inTable(cells, columns)) {
      if (stray++ === 0)
        firstStray = a1(
          r,
          cells.findIndex((c) => c !== undefined),
        );
      continue;
    }
    values.reset(r + 1, cellsOf(r + 1));
    let row = merges ? merges.fill(r, cells) : cells;
    // A blank 区县 below a school's (a roll-up's merged 区县 saved as CSV keeps only the first): the one above, said.
    // Only a blank cell: an error value (#N/A) or a formula without its result is said at its cell, and ends no county.
    const countyCell = countyCol ? row[countyCol.col] : undefined;
    const countyUnread = countyCell?.kind === 'error' || countyCell?.kind === 'formula-no-result';
    if (countyCol && lastCounty !== undefined && !countyUnread && cellText(countyCell) === undefined) {
      row = [...row];
      (row as (CellValue | undefined)[])[countyCol.col] = { kind: 'text', text: lastCounty };
      if (filledDown++ === 0)
        firstFilled = { sheet: sheet.name, cell: a1(r, countyCol.col), column: countyCol.header, field: 'county' };
    }
    const county = countyCol ? cellText(row[countyCol.col]) : undefined;
    if (countyCol && !countyUnread) lastCounty = county;
    // A number merged over several schools' rows cannot be shared out: an error at each cell it covers.
    for (const { column, master } of merges?.numbers ?? []) {
      const at: Position = {
        sheet: sheet.name,
        cell: a1(r, column.col),
        column: column.header,
        field: column.field.id,
        ...(name ? { school: name } : {}),
        ...(county ? { county } : {}),
      };
      values.atCell(makeIssue('MERGED_NUMBER', at, { master }));
      values.broken = true;
    }
    readRowValues(values, row, reading, r, name && shortName(name), county, plainTextIsNormal);
    // A name that is a date or a bare number: a column shifted, or a name Excel turned into a date.
    const asValue = valueAsName(row[nameCol.col]);
    if (asValue)
      issues.push(
        makeIssue(
          'SCHOOL_NAME_IS_VALUE',
          {
            sheet: sheet.name,
            cell: a1(r, nameCol.col),
            column: nameCol.header,
            field: 'name',
            ...(name ? { school: shortName(name) } : {}),
            ...(county ? { county } : {}),
          },
          { ...asValue, row: r + 1 },
        ),
      );
    const record = buildRecord(values, name, plan, specs, typing ? typeNow : null);
    if (!record) continue;
    const firstCell = firstRows.firstCell(record.county ?? '', record.name, r + 1);
    if (firstCell !== undefined) {
      issues.push(
        makeIssue(
          'DUPLICATE_SCHOOL',
          {
            sheet: sheet.name,
            row: r + 1,
            cell: values.cells.name!.cell,
            column: nameCol.header,
            school: record.name,
            county: record.county,
          },
          { firstCell },
        ),
      );
      continue;
    }
    // One 学校标识码 on two rows (两个校区 written as two schools): computed as two, and said.
    const sameCode =
      record.code === undefined || !CODE_LIKE.test(record.code)
        ? undefined
        : firstRows.firstCodeCell(record.county ?? '', record.code, r + 1);
    if (sameCode !== undefined)
      issues.push(
        makeIssue(
          'DUPLICATE_SCHOOL_CODE',
          {
            sheet: sheet.name,
            cell: a1(r, codeCol!.col),
            column: codeCol!.header,
            school: record.name,
            ...(record.county ? { county: record.county } : {}),
          },
          { code: record.code!, firstCell: sameCode },
        ),
      );
    if (sheet.hiddenRows?.has(r) && hiddenSchools.push(`第${r + 1}行${record.name}`) === 1) firstHidden = r + 1;
    if (values.broken) continue;
    // A school with no 区县 and none above to take: an error, once the sheet shows other rows have one.
    if (countyCol && county === undefined)
      unplaced.push({
        record,
        at: {
          sheet: sheet.name,
          cell: a1(r, countyCol.col),
          column: countyCol.header,
          field: 'county',
          school: record.name,
        },
      });
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
    for (const { at } of unplaced)
      issues.push(makeIssue('MISSING_VALUE', at, { hint: '（表中其他学校填有区县，此校未填，无法归入县）' }));
    let kept = 0;
    for (const x of records) if (!out.has(x)) records[kept++] = x;
    records.length = kept;
  }
  if (hiddenSchools.length)
    issues.push(
      makeIssue(
        'ROWS_HIDDEN',
        { sheet: sheet.name, row: firstHidden },
        {
          count: hiddenSchools.length,
          schools: hiddenSchools.slice(0, 5).join('、') + (hiddenSchools.length > 5 ? ' 等' : ''),
        },
      ),
    );
  if (typing?.fromSheet) issues[sheetNote] = sheetTyped(bySheet);
  if (stray)
    issues.push(
      makeIssue('CELLS_OUTSIDE_TABLE', { sheet: sheet.name, cell: firstStray }, { count: stray, first: firstStray }),
    );
  for (const { code, at, params, count } of values.coded.values())
    issues.push(makeIssue(code, at, { ...params, count }));
  for (const { at, params, count } of merges?.filled.values() ?? [])
    issues.push(makeIssue('MERGED_CELLS_READ', at, { ...params, count }));
  return { records, issues, notes };
}
