// Takes: a table without a 学校类型 column: its sheet's name, its columns and its first row below the header.
// Gives: how its rows' type is given (by the sheet's name, or by 学段 headings), or null when it is not.
import type { Wording } from '../../engine/checklist-rules';
import type { SchoolType } from '../../engine/types';
import type { Sheet } from '../../read/types';
import type { ColumnMatch } from '../header/layout';
import { normaliseText } from '../text';
import { anyCell, cellCount, firstText, rowMarks } from './marks';

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
export function typingOf(
  sheet: Sheet,
  columns: readonly ColumnMatch[],
  dataStart: number,
  headerRow: number,
  wording: Pick<Wording, 'schoolRows' | 'schoolValues'>,
): RowTyping | null {
  if (columns.some((c) => c.field.id === 'type')) return null;
  const marks = rowMarks(wording);
  const fromSheet = marks.sectionType(normaliseText(sheet.name));
  if (fromSheet) return { fromSheet, headerRow };
  for (let r = dataStart; r < sheet.rowCount; r++) {
    const cells = sheet.row(r);
    if (!anyCell(cells)) continue;
    return cellCount(cells) === 1 && marks.sectionType(normaliseText(firstText(cells)))
      ? { fromSheet: null, headerRow }
      : null;
  }
  return null;
}
