// Takes: a sheet and its header row, or a header text.
// Gives: the table's title above the header (titleAbove), and the year a text names (yearIn).
import type { Sheet } from '../../read/types';
import { normaliseText } from '../text';

/** The first text above the header row: the table's title, when it has one. */
export function titleAbove(sheet: Sheet, headerRow: number): string | null {
  for (let r = 0; r < headerRow; r++)
    for (const cell of sheet.row(r) ?? []) if (cell?.kind === 'text' && cell.text.trim()) return cell.text.trim();
  return null;
}

/** The year a header names (2023年, 2023学年, 2023-2024学年: its last), or null. */
export function yearIn(header: string): number | null {
  const years = [...normaliseText(header).matchAll(/(?:19|20)\d{2}/g)];
  return years.length ? Number(years[years.length - 1]![0]) : null;
}
