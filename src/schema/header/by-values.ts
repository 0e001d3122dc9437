// Takes: a sheet's columns that no header names, their first data rows, and the profile's words for school values.
// Gives: the enumerated column (学校类型, 办学性质, 城乡分类) each one's values say it is, and whether a column holds data.
import type { Sheet } from '../../read/types';
import { FIELD_BY_ID, type FieldDef } from '../columns';
import { parseEnum, schoolValueSpecs } from '../values';
import type { ColumnWording } from './field-match';

/** Data rows looked at to tell an unnamed column by its values. */
const VALUE_SAMPLE_ROWS = 200;
/** The columns a column's values can tell, in the order they are tried. */
const BY_VALUES = ['type', 'ownership', 'urbanRural'] as const;

/**
 * The texts of the given columns in the first data rows (each row read once), by column; null for a
 * column with anything but text (a number is no 学校类型).
 */
export function sampleTexts(sheet: Sheet, cols: readonly number[], from: number): Map<number, string[] | null> {
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
export function fieldByValues(
  texts: readonly string[] | null,
  wording: ColumnWording,
  named: ReadonlySet<string>,
): { field: FieldDef; values: string[] } | null {
  if (texts === null || texts.length < 2) return null;
  const specs = schoolValueSpecs(wording.schoolValues);
  for (const id of BY_VALUES) {
    if (named.has(id)) continue;
    if (texts.every((t) => parseEnum(t, specs[id]).ok))
      return { field: FIELD_BY_ID.get(id)!, values: [...new Set(texts)].slice(0, 4) };
  }
  return null;
}

export function columnHoldsData(sheet: Sheet, col: number, from: number): boolean {
  for (let r = from; r < sheet.rowCount; r++) {
    const cell = sheet.row(r)?.[col];
    if (cell && (cell.kind !== 'text' || cell.text.trim() !== '')) return true;
  }
  return false;
}
