// Takes: each school row read (its county, name and 学校标识码), sheet by sheet.
// Gives: the cell of the same school's (or code's) first row when this one is a duplicate.
import { a1 } from '../../read/types';

/**
 * Each school's first row, by county then name, across the sheets read (a file may hold its 小学 and
 * 初中 in two): a duplicate names the first one's cell, which is made only then.
 */
export class FirstRows {
  private readonly seen = new Map<string, Map<string, number>>();
  private readonly codes = new Map<string, Map<string, number>>();
  private readonly sheets: { name: string; col: number; codeCol: number | undefined }[] = [];

  /** The rows that follow are of this sheet, the names (and 学校标识码) in these columns. */
  begin(sheet: string, nameCol: number, codeCol?: number): void {
    this.sheets.push({ name: sheet, col: nameCol, codeCol });
  }

  /** The cell of the school's first row (sheet!A2), or undefined when this row (1-based) is its first. */
  firstCell(county: string, name: string, row: number): string | undefined {
    return this.first(this.seen, county, name, row, (s) => s.col);
  }

  /** The cell of the first row with this 学校标识码 in the county (sheet!A2), or undefined when this row is its first. */
  firstCodeCell(county: string, code: string, row: number): string | undefined {
    return this.first(this.codes, county, code, row, (s) => s.codeCol ?? s.col);
  }

  private first(
    seen: Map<string, Map<string, number>>,
    county: string,
    key: string,
    row: number,
    col: (s: (typeof this.sheets)[number]) => number,
  ): string | undefined {
    let ofCounty = seen.get(county);
    if (!ofCounty) seen.set(county, (ofCounty = new Map<string, number>()));
    const first = ofCounty.get(key);
    if (first !== undefined) {
      const sheet = this.sheets[Math.floor(first / ROWS_PER_SHEET)]!;
      return `${sheet.name}!${a1((first % ROWS_PER_SHEET) - 1, col(sheet))}`;
    }
    ofCounty.set(key, (this.sheets.length - 1) * ROWS_PER_SHEET + row);
    return undefined;
  }
}
/** Above Excel's last row number: a sheet's index and a row in one number. */
const ROWS_PER_SHEET = 2 ** 21;
