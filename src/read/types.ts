/** What the read stage hands on: every sheet as a grid of cells that know where they are. */

export type CellValue =
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'error'; error: string }
  | { kind: 'formula-no-result'; formula: string };

export interface Sheet {
  name: string;
  /** rows[r][c] is the cell at 1-based row r + 1, column c + 1; undefined when empty. */
  rows: (CellValue | undefined)[][];
  /** For each cell covered by a merge (but not its top-left), the top-left cell's [row, col] (0-based). */
  mergedInto: Map<string, [number, number]>;
}

export interface SourceFile {
  path: string;
  format: 'xlsx' | 'csv';
  /** For CSV: the detected encoding. */
  encoding?: string;
  sheets: Sheet[];
}

/** The file cannot be read at all (exit code 3). Message in Chinese. */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

export { a1, columnLetters } from '../common/a1';

export const mergeKey = (row: number, col: number) => `${row},${col}`;
