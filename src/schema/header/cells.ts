// Takes: a sheet and a row (and a column).
// Gives: the text written there, read through merges (textAt), or every text of the row (rowTexts).
import { mergeMaster, type CellValue, type Sheet } from '../../read/types';

export function textAt(sheet: Sheet, row: number, col: number): string {
  const master = mergeMaster(sheet, row, col);
  const cell: CellValue | undefined = master ? sheet.row(master[0])[master[1]] : sheet.row(row)?.[col];
  if (!cell) return '';
  if (cell.kind === 'text') return cell.text.trim();
  if (cell.kind === 'number') return String(cell.value);
  return '';
}

export const rowTexts = (sheet: Sheet, row: number) =>
  (sheet.row(row) ?? [])
    .map((c) => (c?.kind === 'text' ? c.text : c?.kind === 'number' ? String(c.value) : ''))
    .filter(Boolean);
