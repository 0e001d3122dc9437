/**
 * Takes a sheet whose cells may be formulas without a cached result; gives the same sheet whose rows
 * hold each such formula's number where it is arithmetic over its own sheet (read/formula.ts), the
 * formula kept on the cell (the schema notes FORMULA_COMPUTED), or the reason it could not be computed.
 */
import { evaluateFormula, type RefValue } from './formula';
import type { CellValue, Row, Sheet } from './types';

const COLUMNS = 16_384;
/** Rows kept as given (a header of two rows, and the row below it). */
const RECENT_ROWS = 4;

/** Replaces `sheet.row` in place (a fast sheet's getters and lazy rows stay as they are). */
export function computeFormulas(sheet: Sheet): void {
  const inner = sheet.row.bind(sheet);
  const done = new Map<number, CellValue | undefined>();
  const visiting = new Set<number>();

  const valueAt = (r: number, c: number): CellValue | undefined => {
    const key = r * COLUMNS + c;
    if (done.has(key)) return done.get(key);
    const cell = r >= 0 && r < sheet.rowCount ? inner(r)[c] : undefined;
    if (cell?.kind !== 'formula-no-result') return cell;
    // No text to compute (a shared formula's cell whose first cell the file lacks): as the reader said why.
    if (cell.why !== undefined && cell.formula === '') return cell;
    if (visiting.has(key)) return { ...cell, why: '循环引用' };
    visiting.add(key);
    const result = evaluateFormula(cell.formula, (row, col) => refValue(valueAt(row, col)));
    visiting.delete(key);
    const value: CellValue = result.ok
      ? { kind: 'number', value: result.value, formula: cell.formula }
      : { ...cell, why: result.why };
    done.set(key, value);
    return value;
  };

  // The last rows asked for, as given: the header search reads two rows cell by cell, in turn (textAt),
  // and a row reaching column XFD would otherwise be scanned 16 384 times for each of its 16 384 cells.
  const recent: { r: number; row: Row }[] = [];
  sheet.row = (r: number): Row => {
    for (const seen of recent) if (seen.r === r) return seen.row;
    const row = inner(r);
    let out: (CellValue | undefined)[] | null = null;
    for (let c = 0; c < row.length; c++)
      if (row[c]?.kind === 'formula-no-result') {
        out ??= [...row];
        out[c] = valueAt(r, c);
      }
    if (recent.length === RECENT_ROWS) recent.shift();
    recent.push({ r, row: out ?? row });
    return out ?? row;
  };
}

function refValue(cell: CellValue | undefined): RefValue {
  if (!cell) return { kind: 'blank' };
  switch (cell.kind) {
    case 'number':
      return { kind: 'number', value: cell.value };
    case 'text':
      return cell.text.trim() === ''
        ? { kind: 'blank' }
        : { kind: 'other', why: `引用的单元格是文字“${cell.text.slice(0, 20)}”` };
    case 'formula-no-result':
      return {
        kind: 'other',
        why: cell.why === '循环引用' ? '循环引用' : `引用的单元格的公式也不能计算（${cell.why ?? ''}）`,
      };
    case 'error':
      return { kind: 'other', why: `引用的单元格是错误值 ${cell.error}` };
    default:
      return { kind: 'other', why: '引用的单元格不是数值' };
  }
}
