/**
 * Cells merged down over several school rows (a roll-up's 区县 written once over its schools): what
 * each row a merge covers reads there, for the row reader.
 */
import type { IssueParams, Position } from '../issues/catalogue';
import { a1, type CellValue, type MergeRange, type Row, type Sheet } from '../read/types';
import type { ColumnMatch } from './header/layout';
import { cellText } from './values';

/** The text columns a merge down over several rows gives to each of them (区县 merged over its schools): not a school's own name or code. */
const MERGE_FILLED: ReadonlySet<string> = new Set(['county', 'group', 'type', 'ownership', 'urbanRural', 'parent']);

/**
 * The table's merges down over its data rows, in the columns it reads, for rows read in order. A
 * cell such a merge covers below its first row is empty in the file; Excel shows the first cell's
 * value there, and that is what the county wrote: a text column reads it, and a number column,
 * whose value cannot be shared out among the schools, reports the cell (MERGED_NUMBER).
 */
export class DataMerges {
  /** The number cells of the row last filled that a merge covers, and the merge's first cell. */
  numbers: { column: ColumnMatch; master: string }[] = [];
  /** Per column, the first cell read from its merge and how many were: one note for the column. */
  readonly filled = new Map<ColumnMatch, { at: Position; params: IssueParams; count: number }>();
  private masterRow = -1;
  private masterCells: Row = [];

  private constructor(
    private readonly sheet: Sheet,
    /** Per column of the table merged down somewhere below the header: its merges in row order, and the next one. */
    private readonly lists: { column: ColumnMatch; merges: MergeRange[]; next: number }[],
  ) {}

  static of(sheet: Sheet, columns: readonly ColumnMatch[], dataStart: number): DataMerges | null {
    const down = sheet.merges.filter((m) => m.bottom > m.top && m.top >= dataStart);
    if (down.length === 0) return null;
    const lists = columns
      .map((column) => ({
        column,
        merges: down.filter((m) => m.left <= column.col && column.col <= m.right).sort((a, b) => a.top - b.top),
        next: 0,
      }))
      .filter((l) => l.merges.length > 0);
    return lists.length ? new DataMerges(sheet, lists) : null;
  }

  /** Row r's cells with each covered text cell read from its merge's first cell (a copy when any is); its covered number cells in `numbers`. */
  fill(r: number, cells: Row): Row {
    let out: (CellValue | undefined)[] | null = null;
    this.numbers = [];
    for (const list of this.lists) {
      const { merges, column } = list;
      while (list.next < merges.length && merges[list.next]!.bottom < r) list.next++;
      const m = merges[list.next];
      if (!m || m.top >= r || cells[column.col] !== undefined) continue;
      const master = a1(m.top, m.left);
      if (column.field.kind !== 'text') {
        this.numbers.push({ column, master });
        continue;
      }
      if (!MERGE_FILLED.has(column.field.id)) continue;
      if (this.masterRow !== m.top) [this.masterRow, this.masterCells] = [m.top, this.sheet.row(m.top)];
      const value = this.masterCells[m.left];
      const text = cellText(value);
      if (text === undefined) continue;
      (out ??= [...cells])[column.col] = value;
      const seen = this.filled.get(column);
      if (seen) seen.count++;
      else
        this.filled.set(column, {
          at: { sheet: this.sheet.name, cell: a1(r, column.col), column: column.header, field: column.field.id },
          params: { master, value: text },
          count: 1,
        });
    }
    return out ?? cells;
  }
}
