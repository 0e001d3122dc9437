// Takes: a sheet, the profile's wording and the school sheet's counties.
// Gives: where its county table is: the header row and what each column holds (findLayout, Page / Layout).
import type { Wording } from '../../engine/checklist-rules';
import { makeIssue, type Issue } from '../../issues/catalogue';
import { a1, type CellValue, type Sheet } from '../../read/types';
import { countyHeadings } from '../county-names';
import { titleAbove, yearIn } from '../header/title';
import { normaliseText } from '../text';
import { cellText } from '../values';

/** A county sheet and where its table is. */
export interface Page {
  sheet: Sheet;
  layout: Layout;
}

export interface Layout {
  row: number;
  nameCol: number;
  seqCol: number | null;
  valueCols: { col: number; county: string | null }[];
  /** A single-county sheet's further value columns (自评情况 beside 实际数据): read, in order, where the value column is blank. */
  fallbackCols: number[];
  claimCol: number | null;
  /** Columns of no known kind: warned about when they hold data. */
  otherCols: { col: number; header: string }[];
  /** The 评估标准 columns: the item's official words beside a short name (教师培训), read when the name alone does not say. */
  standardCols: number[];
  /** What choosing the value column said (another year's column not read). */
  notes: Issue[];
}

const HEADER_SCAN_ROWS = 30;

const headingOf = (cell: CellValue | undefined) => {
  const t = cellText(cell);
  return t ? normaliseText(t).replace(/\([^()]*\)/g, '') : '';
};

/** The header row: a 指标 / 评估内容 cell and a value, county or 是否达标 column, in the first 30 rows. */
export function findLayout(sheet: Sheet, w: Wording, counties: readonly string[]): Layout | null {
  const set = (list: readonly string[]) => new Set(list.map(normaliseText));
  const [names, values, claims, ignored, numbers, standards] = [
    set(w.countySheet.nameHeaders),
    set(w.countySheet.valueHeaders),
    set(w.countySheet.claimHeaders),
    set([...w.countySheet.ignoredHeaders, ...w.countySheet.standardHeaders]),
    set(w.countySheet.numberHeaders),
    set(w.countySheet.standardHeaders),
  ];
  const countyNames = countyHeadings(counties, w.countySheet.countySuffixes);
  const known = (t: string) => names.has(t) || values.has(t) || claims.has(t) || ignored.has(t) || numbers.has(t);
  const prefixes = w.countySheet.ownPrefixes.map(normaliseText);
  /** 县级自评结论, 县级自评数据: the county's own column, as its heading without 县级 is read (a 市级复核 column is not). */
  const ownHeading = (t: string) => {
    if (known(t)) return t;
    const p = prefixes.find((x) => t.startsWith(x) && known(t.slice(x.length)));
    return p === undefined ? t : t.slice(p.length);
  };
  for (let row = 0; row < Math.min(sheet.rowCount, HEADER_SCAN_ROWS); row++) {
    const cells = sheet.row(row) ?? [];
    const headings = Array.from({ length: cells.length }, (_, col) => ownHeading(headingOf(cells[col])));
    const nameCol = headings.findIndex((t) => names.has(t));
    if (nameCol < 0) continue;
    const seq = headings.findIndex((t) => numbers.has(t));
    let claimCol: number | null = null;
    const valueCols: Layout['valueCols'] = [];
    const countyCols: Layout['valueCols'] = [];
    const otherCols: Layout['otherCols'] = [];
    headings.forEach((t, col) => {
      if (!t || col === nameCol) return;
      if (claims.has(t) && claimCol === null) claimCol = col;
      else if (countyNames.has(t)) countyCols.push({ col, county: countyNames.get(t)! });
      else if (values.has(t) && col > nameCol) valueCols.push({ col, county: null });
      else if (!ignored.has(t) && !names.has(t) && col > nameCol)
        otherCols.push({ col, header: cellText(cells[col])! });
    });
    let chosen: Layout['valueCols'];
    let others = otherCols;
    let notes: Issue[] = [];
    const years = countyCols.length || valueCols.length ? null : byYear(sheet, row, otherCols);
    if (countyCols.length) chosen = countyCols;
    else if (valueCols.length) chosen = [valueCols[0]!];
    else if (years) {
      chosen = [{ col: years.used, county: null }];
      others = otherCols.filter((c) => !years.dated.includes(c.col));
      notes = years.notes;
    } else if (otherCols.length) {
      // A heading that names no county of the school sheet ("2024年数据") is the value column.
      chosen = [{ col: otherCols[0]!.col, county: null }];
      others = otherCols.slice(1);
    } else chosen = [];
    if (chosen.length === 0 && claimCol === null) continue;
    // A single county's further value columns (实际数据 | 自评情况) are read where the first is blank; a batch's are warned about.
    const fallbackCols = countyCols.length ? [] : valueCols.slice(1).map(({ col }) => col);
    if (countyCols.length)
      others = [...others, ...valueCols.map(({ col }) => ({ col, header: cellText(cells[col])! }))];
    const standardCols = headings.flatMap((t, col) => (col !== nameCol && standards.has(t) ? [col] : []));
    return {
      row,
      nameCol,
      seqCol: seq >= 0 ? seq : null,
      valueCols: chosen,
      fallbackCols,
      claimCol,
      otherCols: others,
      standardCols,
      notes,
    };
  }
  return null;
}

/**
 * Of columns headed by two or more years (指标 | 2023年 | 2024年), the value column: the year the title above
 * names, else the latest (the first of that year); each other year said (DUPLICATE_COLUMN_YEAR), a second column of the
 * read year warned (COUNTY_COLUMN_SAME_YEAR). Null without two years.
 */
function byYear(
  sheet: Sheet,
  row: number,
  columns: readonly { col: number; header: string }[],
): { used: number; dated: number[]; notes: Issue[] } | null {
  const dated = columns.flatMap((c) => {
    const year = yearIn(c.header);
    return year === null ? [] : [{ ...c, year }];
  });
  if (new Set(dated.map((c) => c.year)).size < 2) return null;
  const title = titleAbove(sheet, row);
  const titleYear = title === null ? null : yearIn(title);
  const titled = dated.find((c) => c.year === titleYear);
  const used = titled ?? dated.reduce((a, b) => (b.year > a.year ? b : a));
  const why = titled ? `表标题所示年份（${titleYear}年）` : '较近年份';
  // A second column of the read year (2024年 | 2024年（调整后）) is not another year: which is meant, the sheet does not say.
  const notes = dated
    .filter((d) => d !== used)
    .map((d) =>
      d.year === used.year
        ? makeIssue(
            'COUNTY_COLUMN_SAME_YEAR',
            { sheet: sheet.name, cell: a1(row, d.col), column: d.header },
            { cell: a1(row, used.col), header: used.header, year: d.year },
          )
        : makeIssue(
            'DUPLICATE_COLUMN_YEAR',
            { sheet: sheet.name, cell: a1(row, d.col), column: d.header },
            { field: '数值', cell: a1(row, used.col), header: used.header, why },
          ),
    );
  return { used: used.col, dated: dated.map((d) => d.col), notes };
}
