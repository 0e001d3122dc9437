// Takes: a sheet and its header (found by find.ts), with the profile's wording of school columns.
// Gives: the columns read (field, unit factor; duplicates, hidden and other years' columns chosen between), the first data row, and the issues.
import { LEVEL_NAMES } from '../../engine/types';
import { makeIssue, type Issue } from '../../issues/catalogue';
import { lookup } from '../../common/lookup';
import { a1, type Sheet } from '../../read/types';
import { fieldLabel, SUMMED, UNITS } from '../columns';
import { normaliseText } from '../text';
import { cellText } from '../values';
import { columnHoldsData, fieldByValues, sampleTexts } from './by-values';
import { rowTexts } from './cells';
import { excludedBy, nearestFields, perStudentOf, type ColumnWording, type FieldMatch } from './field-match';
import type { HeaderCandidate } from './find';
import { headerFurniture, unitNotes } from './furniture';
import { titleAbove, yearIn } from './title';

export interface ColumnMatch extends FieldMatch {
  col: number;
  /** Header as the user wrote it (parent and child joined for two-row headers). */
  header: string;
  unitFactor: number;
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

/** The first of the texts for which `f` finds something. */
function firstOf<T>(texts: readonly string[], f: (text: string) => T | null): T | null {
  for (const t of texts) {
    const found = f(t);
    if (found) return found;
  }
  return null;
}

/** Column matches with units resolved; issues for unknown units, duplicate and ignored columns. */
export function layoutOf(sheet: Sheet, header: HeaderCandidate, wording: ColumnWording): HeaderLayout {
  const issues: Issue[] = [];
  const lastHeaderRow = header.row + header.height - 1;
  const { units, dataStart, numbersRow } = headerFurniture(sheet, lastHeaderRow + 1);
  // A column-number row inside the header block is reported like one found among the data rows.
  if (numbersRow !== null && units !== null)
    issues.push(
      makeIssue(
        'ROW_SKIPPED_NOTE',
        { sheet: sheet.name, row: numbersRow + 1 },
        { text: rowTexts(sheet, numbersRow).slice(0, 4).join(' ') },
      ),
    );
  const seen = new Map<string, ColumnMatch>();
  /** The columns of `seen` matched by keywords only. */
  const byKeywords = new Set<string>();
  const columns: ColumnMatch[] = [];
  const named = new Set(header.columns.flatMap((c) => (c.match ? [c.match.field.id] : [])));
  // Columns of no known kind that hold data, and the texts of their first data rows (read in one pass).
  const unnamed = header.columns.filter(
    (c) => !c.match && !IGNORED_SILENTLY.has(normaliseText(c.header)) && columnHoldsData(sheet, c.col, dataStart),
  );
  const sampled = sampleTexts(
    sheet,
    unnamed.map((c) => c.col),
    dataStart,
  );
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
        issues.push(
          makeIssue('COLUMN_IGNORED', pos, {
            header: text,
            hint: near.length ? `；是否指${near.map((n) => `“${n}”`).join('或')}？` : '',
          }),
        );
        continue;
      }
      named.add(byValues.field.id);
      match = { field: byValues.field, section: null, unit: null };
      issues.push(
        makeIssue('COLUMN_READ_BY_VALUES', pos, {
          header: text,
          field: byValues.field.label,
          values: byValues.values.join('、'),
        }),
      );
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
        issues.push(
          noted
            ? makeIssue('UNIT_FROM_NOTE', pos, { note: noted.note, cell: noted.cell, unit, factor: unitFactor, base })
            : makeIssue('UNIT_CONVERTED', pos, { unit, factor: unitFactor, base }),
        );
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
    const choose = (
      code: 'COLUMN_HIDDEN_NOT_USED' | 'DUPLICATE_COLUMN_YEAR',
      used: ColumnMatch,
      unused: ColumnMatch,
      why = '',
    ) => {
      const at = { sheet: sheet.name, cell: a1(header.row, unused.col), column: unused.header };
      issues.push(
        makeIssue(code, at, {
          field: fieldLabel(match.field.id),
          cell: a1(header.row, used.col),
          header: used.header,
          why,
        }),
      );
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
      // The same field twice: harmless when both hold the same data, a misreading when they differ.
      const differs = firstDifference(sheet, first.col, col, dataStart);
      issues.push(
        differs
          ? makeIssue('DUPLICATE_COLUMN_DIFFERS', pos, {
              firstCell: a1(header.row, first.col),
              field: first.header,
              ...differs,
            })
          : makeIssue('DUPLICATE_COLUMN', pos, { firstCell: a1(header.row, first.col), field: first.header }),
      );
      continue;
    }
    if (match.byKeywords) byKeywords.add(key);
    seen.set(key, column);
    columns.push(column);
  }
  // A hidden column read (no shown one of its field): said, since what Excel shows the county is not what is computed.
  for (const c of columns)
    if (sheet.hiddenColumns?.has(c.col))
      issues.push(
        makeIssue(
          'COLUMN_HIDDEN',
          { sheet: sheet.name, cell: a1(header.row, c.col), column: c.header },
          { field: fieldLabel(c.field.id) },
        ),
      );
  // A field given as its levels (县级 + 市级 + 省级 骨干) with no column of its own: said once, naming the columns added up.
  const keyed = new Map(columns.map((c) => [`${c.section}:${c.field.id}`, c]));
  for (const [field, summed] of Object.entries(SUMMED)) {
    if (summed.parts.length === summed.required.length) continue; // 体育 + 音乐 + 美术: every part needed, it is the field itself
    for (const section of [null, 'primary', 'junior'] as const) {
      if (keyed.has(`${section}:${field}`) || !summed.required.every((p) => keyed.has(`${section}:${p}`))) continue;
      const parts = summed.parts.flatMap((p) => keyed.get(`${section}:${p}`) ?? []);
      const first = parts[0]!;
      issues.push(
        makeIssue(
          'COLUMN_SUMMED',
          { sheet: sheet.name, cell: a1(header.row, first.col), column: first.header },
          {
            field: `${section ? `${LEVEL_NAMES[section]}部` : ''}${fieldLabel(field)}`,
            columns: parts.map((c) => `“${c.header}”`).join('、'),
            how: parts.length > 1 ? '各列相加' : '读取',
          },
        ),
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

/** The first data row where two columns hold different things: its number and both texts; null when they agree. */
function firstDifference(
  sheet: Sheet,
  a: number,
  b: number,
  from: number,
): { row: number; first: string; second: string } | null {
  for (let r = from; r < sheet.rowCount; r++) {
    const cells = sheet.row(r);
    const [x, y] = [cellText(cells[a]) ?? '', cellText(cells[b]) ?? ''];
    if (x !== y) return { row: r + 1, first: x || '（空）', second: y || '（空）' };
  }
  return null;
}
