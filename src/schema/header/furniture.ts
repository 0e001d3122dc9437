// Takes: a sheet and its header row.
// Gives: the rows around the header that are no school: a unit row, a column-number row (甲 | 乙 | 1 …), notes above giving units.
import { lookup } from '../../common/lookup';
import { a1, type Sheet } from '../../read/types';
import { UNITS, type FieldKind } from '../columns';
import { normaliseText } from '../text';
import { rowTexts, textAt } from './cells';

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

/** The column-number row of statistics tables: 甲 | 乙 | 1 | 2 | 3 … */
export const isColumnNumberRow = (texts: readonly string[]) =>
  normaliseText(texts[0] ?? '') === '甲' && texts.some((t) => normaliseText(t) === '乙');

/** Whether a data row's first text (trimmed) can begin a column-number row: only such rows need all their texts read. */
export const isColumnNumberStart = (first: string) => first.length <= 4 && normaliseText(first) === '甲';

/**
 * The rows right below the header that are not schools: a column-number row and a unit row,
 * in either order. Returns the units found, the first data row, and the column-number row.
 */
export function headerFurniture(sheet: Sheet, afterHeader: number) {
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

/**
 * The units a note above the header gives (金额单位：万元; 单位：人、平方米、万元), by the kind of column whose
 * units they are (money, area): each a whole word after 单位：, so 填报单位：元江县教育局 gives none.
 */
export function unitNotes(
  sheet: Sheet,
  headerRow: number,
): Map<FieldKind, { unit: string; note: string; cell: string }> {
  const out = new Map<FieldKind, { unit: string; note: string; cell: string }>();
  for (let r = 0; r < headerRow; r++)
    (sheet.row(r) ?? []).forEach((cell, c) => {
      if (cell?.kind !== 'text') return;
      const text = normaliseText(cell.text);
      for (const m of text.matchAll(/单位[:：]([^,，;；。()（）]*)/g))
        for (const word of m[1]!.split(/[、/和及]/))
          for (const kind of ['money', 'area'] as const)
            if (!out.has(kind) && lookup(UNITS[kind].units, word) !== undefined)
              out.set(kind, { unit: word, note: cell.text.trim(), cell: a1(r, c) });
    });
  return out;
}
