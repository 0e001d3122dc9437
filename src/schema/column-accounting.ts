/**
 * Takes a school table's header columns, the columns read from it and the issues found while reading;
 * gives each column that holds something its account (used, summed into a field, computed from formulas,
 * or ignored with the issue that says so), and a misread warning for any column nothing accounts for.
 */
import { LEVEL_NAMES } from '../engine/types';
import { makeIssue, type Issue, type IssueCode } from '../issues/catalogue';
import { a1, type Sheet } from '../read/types';
import { fieldLabel, SUMMED } from './columns';
import { columnHoldsData } from './header/by-values';
import { textAt } from './header/cells';
import { isIgnoredSilently, type ColumnMatch } from './header/layout';

export interface ColumnAccount {
  sheet: string;
  /** The header cell (its first row). */
  cell: string;
  /** The header as written: the parent and the column's own text for a two-row header, else one text. */
  header: string[];
  /** The field it fills (the sum it goes into, for a part), or null. */
  field: string | null;
  /** `checked`: a part whose sum has its own column (used where that is blank, and checked against it). */
  how: 'used' | 'summed' | 'checked' | 'computed' | 'ignored';
  /** For an ignored column: the issue that says why (null for 序号, 备注 and such, which hold no data). */
  issue: IssueCode | null;
  /** Formulas computed in it (FORMULA_COMPUTED). */
  formulas: number;
}

/** The header cells of a table as findHeader read them. */
export interface HeaderColumns {
  row: number;
  height: 1 | 2;
  columns: readonly { col: number; header: string }[];
}

/** Each part of a summed field (SUMMED: 体育 → 体育艺术, 县级 → 骨干, 教学用房 → 教学及辅助用房) → that field. */
const PART_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(SUMMED).flatMap(([whole, summed]) => summed.parts.map((p) => [p, whole] as const)),
);

/** Each header column's account; `issues` gains a warning for a column holding data that nothing accounts for. */
export function accountColumns(
  sheet: Sheet,
  header: HeaderColumns,
  read: readonly ColumnMatch[],
  dataStart: number,
  issues: Issue[],
): ColumnAccount[] {
  const byCol = new Map(read.map((c) => [c.col, c]));
  /** The issues at a header cell of this sheet, and the columns (letters) with formulas computed. */
  const atCell = new Map<string, Issue>();
  const withFormulas = new Set<string>();
  for (const i of issues) {
    if (i.sheet !== sheet.name || !i.cell) continue;
    if (i.code === 'FORMULA_COMPUTED') withFormulas.add(i.cell.replace(/\d+$/, ''));
    else if (!atCell.has(i.cell) && i.severity !== 'error') atCell.set(i.cell, i);
  }
  const out: ColumnAccount[] = [];
  for (const { col, header: text } of header.columns) {
    const cell = a1(header.row, col);
    const path = pathOf(sheet, header, col, text);
    const letters = cell.replace(/\d+$/, '');
    const computed = withFormulas.has(letters) ? formulasIn(sheet, col, dataStart) : 0;
    const used = byCol.get(col);
    if (used) {
      const whole = PART_OF.get(used.field.id);
      const hasWhole = whole !== undefined && read.some((c) => c.field.id === whole && c.section === used.section);
      out.push({
        sheet: sheet.name,
        cell,
        header: path,
        field: `${used.section ? `${LEVEL_NAMES[used.section]}部` : ''}${fieldLabel(whole ?? used.field.id)}`,
        how: hasWhole ? 'checked' : whole ? 'summed' : computed ? 'computed' : 'used',
        issue: null,
        formulas: computed,
      });
      continue;
    }
    const said = atCell.get(cell);
    if (!said && !columnHoldsData(sheet, col, dataStart)) continue;
    const silent = isIgnoredSilently(text);
    if (!said && !silent)
      issues.push(
        makeIssue(
          'COLUMN_IGNORED',
          { sheet: sheet.name, cell, column: text },
          { header: text, hint: '（未能归入任何字段）' },
        ),
      );
    out.push({
      sheet: sheet.name,
      cell,
      header: path,
      field: null,
      how: 'ignored',
      issue: said?.code ?? (silent ? null : 'COLUMN_IGNORED'),
      formulas: computed,
    });
  }
  return out;
}

/** Parent and own text of a two-row header's column; one text otherwise. */
function pathOf(sheet: Sheet, header: HeaderColumns, col: number, joined: string): string[] {
  if (header.height === 1) return [joined];
  const [parent, own] = [textAt(sheet, header.row, col), textAt(sheet, header.row + 1, col)];
  return parent && own && parent !== own ? [parent, own] : [joined];
}

/** The formulas computed in a column (said by FORMULA_COMPUTED: a column of them is rare, so counted only then). */
function formulasIn(sheet: Sheet, col: number, from: number): number {
  let n = 0;
  for (let r = from; r < sheet.rowCount; r++) {
    const cell = sheet.row(r)[col];
    if (cell?.kind === 'number' && cell.formula !== undefined) n++;
  }
  return n;
}
