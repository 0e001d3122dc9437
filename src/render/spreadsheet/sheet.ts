/** One worksheet being built: rows of cells (values, formulas with cached results, styles), layout and print setup. */
import type { ChartSpec } from './chart';
import { a1, columnLetters } from '../../common/a1';
import type { Style, StyleRegistry } from './styles';
import { escapeText, escapeXml } from './xml';

export type Scalar = string | number | boolean | null;

/** Excel's width of a column without its own (8.43 characters). */
const DEFAULT_WIDTH = 8.43;
/** Width units one A4 page holds with 11 pt text printed at ≥ 8 pt (see printPagesWide). */
export const PAGE_UNITS = { landscape: 140, portrait: 96 } as const;

export interface CellSpec {
  /** The value, or a formula's cached result. */
  v?: Scalar;
  /** A formula without the leading "=". */
  f?: string;
  /**
   * Shared-formula key: consecutive cells of one column with the same key form one shared formula;
   * the first carries `f` (relative references shift down the block), the rest only their value.
   */
  share?: string;
  s?: Style;
  /** An internal link target, e.g. "'数据问题'!A1". */
  link?: string;
}

export type CellInput = Scalar | CellSpec;

const isSpec = (c: CellInput): c is CellSpec => c !== null && typeof c === 'object';

export class SheetBuilder {
  readonly rows: { cells: CellSpec[]; height?: number | undefined }[] = [];
  readonly merges: string[] = [];
  /** Cells in `range` whose value equals `text` get `style` (so formula results keep their colour). */
  readonly highlights: { range: string; text: string; style: Pick<Style, 'bold' | 'color' | 'fill'> }[] = [];
  widths: number[] = [];
  /** Rows frozen at the top (and repeated on every printed page). */
  headerRows = 0;
  /** Columns repeated at the left of every printed page (1 = column A). */
  titleColumns = 0;
  /** Pages the print is scaled to across. */
  pagesWide = 1;
  /** Pages the print is scaled to down (0: as many as needed). */
  pagesTall = 0;
  landscape = true;
  /** Printed pages end after these rows (1-based). */
  readonly rowBreaks: number[] = [];
  /** Printed pages end after these columns (1-based), when the sheet prints more than one page wide. */
  readonly colBreaks: number[] = [];
  /** Native charts placed on this sheet (a drawing part is written for them). */
  readonly charts: ChartSpec[] = [];

  constructor(readonly name: string) {}

  /** Appends a row; returns its 1-based number. */
  addRow(cells: readonly CellInput[], options: { style?: Style; height?: number } = {}): number {
    const specs = cells.map((c): CellSpec => {
      const spec = isSpec(c) ? c : { v: c };
      if (options.style && !spec.s) spec.s = options.style;
      return spec;
    });
    this.rows.push({ cells: specs, ...(options.height ? { height: options.height } : {}) });
    return this.rows.length;
  }

  /** Merges columns from..to (1-based, inclusive) of one row. */
  mergeAcross(row: number, from: number, to: number) {
    if (to > from) this.merges.push(`${a1(row - 1, from - 1)}:${a1(row - 1, to - 1)}`);
  }

  get rowCount() {
    return this.rows.length;
  }

  /** Columns in use (a loop: a data-sized spread into Math.max overflows the stack). */
  columnCount(): number {
    let n = Math.max(1, this.widths.length);
    for (const r of this.rows) if (r.cells.length > n) n = r.cells.length;
    return n;
  }

  /**
   * Pages across the print is scaled to: as set, or more when one page would print its 11 pt
   * text below 8 pt. LibreOffice prints a width unit as up to 7.5 pt (measured: a sheet of 150
   * units prints at 70 %) and A4 leaves 784 pt (landscape) or 537 pt (portrait) between the
   * margins, so a page holds 140 (96) units at 8/11 scale or more; the repeated title columns
   * take their share of every page.
   */
  /**
   * A table printed more than one page wide would print its merged title row clipped on the
   * pages to the right: it prints from row 2 (the header, repeated) and carries the title as the
   * running page header of every page instead.
   */
  runningTitle(): string | null {
    const title = this.rows[0]?.cells[0]?.v;
    return this.headerRows >= 2 && typeof title === 'string' && this.printPagesWide() > 1 ? title : null;
  }

  /** Rows repeated at the top of every printed page (1-based, inclusive), or null. */
  printTitleRows(): [number, number] | null {
    if (!this.headerRows) return null;
    return [this.runningTitle() ? 2 : 1, this.headerRows];
  }

  /** The printed range when it leaves out the title row (see runningTitle), else null (all of it). */
  printArea(): string | null {
    return this.runningTitle()
      ? `$A$2:$${columnLetters(this.columnCount() - 1)}$${Math.max(2, this.rows.length)}`
      : null;
  }

  /**
   * With column breaks and more than one page across, the print scale that fits the widest part
   * between breaks (title columns included) on a page: LibreOffice ignores manual breaks when it
   * fits to pages, so such a sheet is printed at a fixed scale instead. Null: fit to pages.
   */
  breakScale(): number | null {
    if (this.colBreaks.length === 0 || this.printPagesWide() <= 1) return null;
    const w = (i: number) => this.widths[i] ?? DEFAULT_WIDTH;
    let repeated = 0;
    for (let i = 0; i < this.titleColumns; i++) repeated += w(i);
    const edges = [this.titleColumns, ...this.colBreaks, this.columnCount()];
    let widest = 0;
    for (let k = 1; k < edges.length; k++) {
      let part = k === 1 ? 0 : repeated;
      for (let i = edges[k - 1]!; i < edges[k]!; i++) part += w(i);
      if (k === 1) part += repeated;
      widest = Math.max(widest, part);
    }
    // PAGE_UNITS fit a page at 8/11 scale: at 100 % a page holds 8/11 of them.
    const pageUnits = (this.landscape ? PAGE_UNITS.landscape : PAGE_UNITS.portrait) * (8 / 11);
    const scale = Math.min(100, Math.floor((100 * pageUnits) / widest));
    // A part too wide to print at 8 pt: fit to pages instead, wherever the pages part.
    return scale >= Math.ceil((100 * 8) / 11) ? scale : null;
  }

  printPagesWide(): number {
    const room = this.landscape ? PAGE_UNITS.landscape : PAGE_UNITS.portrait;
    const n = this.columnCount();
    let total = 0;
    let repeated = 0;
    for (let i = 0; i < n; i++) {
      const w = this.widths[i] ?? DEFAULT_WIDTH;
      total += w;
      if (i < this.titleColumns) repeated += w;
    }
    if (total <= room) return this.pagesWide;
    return Math.max(this.pagesWide, Math.ceil((total - repeated) / Math.max(1, room - repeated)));
  }

  /** Per cell with `share`: the shared-formula tag to write (master with its range, or a follower). */
  private sharedTags(): Map<CellSpec, string> {
    const tags = new Map<CellSpec, string>();
    /** The block of a shared formula open in each column, by column index. */
    const open: ({ key: string; master: CellSpec; startRow: number; endRow: number; si: number } | undefined)[] = [];
    let si = 0;
    const close = (col: number) => {
      const g = open[col];
      if (!g) return;
      const range = `${a1(g.startRow, col)}:${a1(g.endRow, col)}`;
      tags.set(
        g.master,
        g.endRow > g.startRow
          ? `<f t="shared" ref="${range}" si="${g.si}">${escapeText(g.master.f!)}</f>`
          : `<f>${escapeText(g.master.f!)}</f>`,
      );
      open[col] = undefined;
    };
    const rows = this.rows;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r]!.cells;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c]!;
        const g = open[c];
        if (cell.share !== undefined && g && g.key === cell.share && g.endRow === r - 1) {
          g.endRow = r;
          tags.set(cell, `<f t="shared" si="${g.si}"/>`);
          continue;
        }
        if (g) close(c);
        if (cell.share === undefined) continue;
        if (cell.f === undefined)
          throw new Error(`shared formula “${cell.share}” at ${a1(r, c)} starts without a formula`);
        open[c] = { key: cell.share, master: cell, startRow: r, endRow: r, si: si++ };
      }
    }
    for (let col = 0; col < open.length; col++) close(col);
    return tags;
  }

  /**
   * The sheet part's text, a row at a time: a 140 000-row sheet is never one string, and each row's
   * cells are let go once written (the sheet is written once, then emptied). Small strings that die
   * young: the packer writes each into its UTF-8 block at once (startPacking), and no long string of
   * many pieces is kept to be flattened.
   */
  *xmlPieces(styles: StyleRegistry, sharedString: (s: string) => number): Generator<string> {
    const width = this.columnCount();
    const scale = this.breakScale();
    const title = this.runningTitle();
    const pagesWide = this.printPagesWide();
    const rowCount = this.rows.length;
    const links: string[] = [];
    const shared = this.sharedTags();
    const pane = this.headerRows
      ? `<pane ySplit="${this.headerRows}" topLeftCell="A${this.headerRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${this.headerRows + 1}" sqref="A${this.headerRows + 1}"/>`
      : '';
    const cols = this.widths.length
      ? `<cols>${this.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w.toFixed(2)}" customWidth="1"/>`).join('')}</cols>`
      : '';
    yield (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      (scale === null ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
      `<dimension ref="A1:${columnLetters(width - 1)}${Math.max(1, rowCount)}"/>` +
      `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      cols +
      '<sheetData>'
    );
    for (let r = 0; r < rowCount; r++) {
      const row = this.rows[r]!;
      let cells = '';
      for (let c = 0; c < row.cells.length; c++) {
        const cell = row.cells[c]!;
        const ref = a1(r, c);
        if (cell.link)
          links.push(
            `<hyperlink ref="${ref}" location="${escapeXml(cell.link)}" display="${escapeXml(String(cell.v ?? ''))}"/>`,
          );
        const tag = cell.share !== undefined ? shared.get(cell) : undefined;
        if (tag !== undefined) shared.delete(cell);
        cells += cellXml(ref, cell, styles.id(cell.s), sharedString, tag);
      }
      row.cells = [];
      const height = row.height ? ` ht="${row.height}" customHeight="1"` : '';
      yield `<row r="${r + 1}"${height}>${cells}</row>`;
    }
    const merges = this.merges.length
      ? `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
      : '';
    const conditional = this.highlights
      .map(
        (h, i) =>
          `<conditionalFormatting sqref="${h.range}"><cfRule type="cellIs" dxfId="${styles.dxfId(h.style)}" priority="${i + 1}" operator="equal"><formula>"${escapeXml(h.text)}"</formula></cfRule></conditionalFormatting>`,
      )
      .join('');
    const hyperlinks = links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '';
    yield (
      '</sheetData>' +
      merges +
      conditional +
      hyperlinks +
      '<printOptions horizontalCentered="1"/>' +
      '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>' +
      `<pageSetup paperSize="9" orientation="${this.landscape ? 'landscape' : 'portrait'}" ${scale === null ? `fitToWidth="${pagesWide}" fitToHeight="${this.pagesTall}"` : `scale="${scale}"`}/>` +
      headerFooter(title) +
      (this.rowBreaks.length
        ? `<rowBreaks count="${this.rowBreaks.length}" manualBreakCount="${this.rowBreaks.length}">${this.rowBreaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`
        : '') +
      (scale !== null
        ? `<colBreaks count="${this.colBreaks.length}" manualBreakCount="${this.colBreaks.length}">${this.colBreaks.map((c) => `<brk id="${c}" max="1048575" man="1"/>`).join('')}</colBreaks>`
        : '') +
      (this.charts.length ? '<drawing r:id="rId1"/>' : '') +
      '</worksheet>'
    );
  }
}

function headerFooter(title: string | null): string {
  const footer = '<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>';
  // In a header "&" starts a code: a literal one is "&&".
  const header = title
    ? `<oddHeader>&amp;L&amp;"-,Bold"&amp;11${escapeText(title.replace(/&/g, '&&'))}</oddHeader>`
    : '';
  return `<headerFooter>${header}${footer}</headerFooter>`;
}

function cellXml(
  ref: string,
  cell: CellSpec,
  style: number,
  sharedString: (s: string) => number,
  sharedTag?: string,
): string {
  const s = style ? ` s="${style}"` : '';
  const v = cell.v;
  if (cell.f !== undefined || sharedTag !== undefined) {
    const f = sharedTag ?? `<f>${escapeText(cell.f!)}</f>`;
    if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${s}>${f}<v>${v}</v></c>`;
    if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    if (typeof v === 'string') return `<c r="${ref}"${s} t="str">${f}<v>${escapeText(v)}</v></c>`;
    return `<c r="${ref}"${s}>${f}</c>`;
  }
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)))
    return s ? `<c r="${ref}"${s}/>` : '';
  if (typeof v === 'number') return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="s"><v>${sharedString(v)}</v></c>`;
}
