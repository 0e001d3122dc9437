import { FatalError, type FatalCode } from '../issues/catalogue';

/** What the read stage hands on: every sheet as a grid of cells that know where they are. */

export type CellValue =
  /** `formula`: a formula without a cached result, computed here (read/computed-formulas.ts). */
  | { kind: 'number'; value: number; formula?: string }
  | { kind: 'text'; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'error'; error: string }
  /**
   * `why`: why it could not be computed here (another sheet, a function other than SUM …, a cycle).
   * `shared`: one of the other cells of a shared formula, whose text is the first cell's moved here: that cell
   * (B2), or '' when the file does not have it.
   */
  | { kind: 'formula-no-result'; formula: string; why?: string; shared?: string };

export type Row = readonly (CellValue | undefined)[];

/**
 * A worksheet. The pipeline reads it a row at a time with `row(r)`: the fast xlsx reader keeps
 * the sheet's XML bytes and decodes a row when asked, so no object per cell outlives its row.
 */
export interface Sheet {
  name: string;
  /** Rows up to the last one with a cell (0-based indices below this). */
  readonly rowCount: number;
  /** row(r)[c] is the cell at 1-based row r + 1, column c + 1; undefined when empty. */
  row(r: number): Row;
  /** Merged ranges, clipped to the cells the sheet has (0-based, inclusive). */
  merges: MergeRange[];
  /** Every row at once, kept once asked for (tests and small sheets; the pipeline reads row by row). */
  readonly rows: Row[];
  /** Lets go of what the sheet is read from (the fast reader's XML bytes) at once; no row can be read after. */
  release?(): void;
  /** Hidden in the workbook (state hidden or veryHidden): its schools are not added to another sheet's. */
  hidden?: boolean;
  /** Rows and columns hidden in the sheet (0-based), when any is: a school read from one is said. */
  hiddenRows?: ReadonlySet<number>;
  hiddenColumns?: ReadonlySet<number>;
}

const EMPTY_ROW: Row = [];

/** A sheet held as arrays of cells (CSV, the exceljs fallback, tests). */
export function arraySheet(
  name: string,
  rows: (CellValue | undefined)[][],
  merges: MergeRange[] = [],
  hidden = false,
  hiddenParts: { rows?: ReadonlySet<number>; columns?: ReadonlySet<number> } = {},
): Sheet {
  return {
    name,
    rows,
    rowCount: rows.length,
    row: (r) => rows[r] ?? EMPTY_ROW,
    merges,
    ...(hidden ? { hidden } : {}),
    ...(hiddenParts.rows?.size ? { hiddenRows: hiddenParts.rows } : {}),
    ...(hiddenParts.columns?.size ? { hiddenColumns: hiddenParts.columns } : {}),
  };
}

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SourceFile {
  path: string;
  format: 'xlsx' | 'csv';
  /** For CSV: the detected encoding. */
  encoding?: string;
  sheets: Sheet[];
  /**
   * The same file read by exceljs: for an .xlsx whose rows the fast reader decodes only when
   * asked and may find it does not understand (OoxmlFormatError) halfway through.
   */
  fallback?: () => Promise<SourceFile>;
}

/**
 * Everything is read: the sheets (their XML bytes: 52 MB for 100 000 rows) and the file's bytes the
 * fallback keeps are let go, before the engine needs the memory. The source then has no sheets.
 */
export function releaseSource(source: SourceFile): void {
  for (const sheet of source.sheets) sheet.release?.();
  source.sheets = [];
  delete source.fallback;
}

/** The file cannot be read at all (exit code 3). Message in Chinese. */
export class UnreadableFileError extends FatalError {
  constructor(message: string, code: FatalCode = 'FILE_UNREADABLE') {
    super(code, { reason: message });
    this.name = 'UnreadableFileError';
  }
}

export { a1, columnLetters } from '../common/a1';

/** Excel's limits: a reference beyond them is no cell of any workbook. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

const MERGES_BY_ROW = new WeakMap<Sheet, Map<number, MergeRange[]>>();

/** The merged range covering (row, col), if any (each row's ranges found once). */
export function mergeAt(sheet: Sheet, row: number, col: number): MergeRange | undefined {
  if (sheet.merges.length === 0) return undefined;
  let byRow = MERGES_BY_ROW.get(sheet);
  if (!byRow) MERGES_BY_ROW.set(sheet, (byRow = new Map<number, MergeRange[]>()));
  let here = byRow.get(row);
  if (!here) byRow.set(row, (here = sheet.merges.filter((m) => m.top <= row && row <= m.bottom)));
  for (const m of here) if (m.left <= col && col <= m.right) return m;
  return undefined;
}

/** The top-left cell of the merge covering (row, col), when it is covered and not that top-left. */
export function mergeMaster(sheet: Sheet, row: number, col: number): [number, number] | undefined {
  const m = mergeAt(sheet, row, col);
  return m && !(row === m.top && col === m.left) ? [m.top, m.left] : undefined;
}

/**
 * Clips merged ranges to the cells that exist (rows read, widest row): a range over the
 * whole sheet is four numbers, never a million cells.
 */
export function clipMerges(ranges: readonly MergeRange[], rows: readonly unknown[][]): MergeRange[] {
  let width = 0;
  for (const r of rows) if (r && r.length > width) width = r.length;
  return clipMergesTo(ranges, rows.length, width);
}

/** Merged ranges clipped to `height` rows and `width` columns. */
export function clipMergesTo(ranges: readonly MergeRange[], height: number, width: number): MergeRange[] {
  const out: MergeRange[] = [];
  for (const m of ranges) {
    const bottom = Math.min(m.bottom, height - 1);
    const right = Math.min(m.right, width - 1);
    if (m.top <= bottom && m.left <= right && (bottom > m.top || right > m.left))
      out.push({ top: m.top, left: m.left, bottom, right });
  }
  return out;
}
