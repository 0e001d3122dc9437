/** A titled, bordered table on a sheet, with fitted widths: the layout every report sheet uses. */
import { displayWidth } from '../format';
import { SheetBuilder, type CellInput, type CellSpec } from './sheet';
import type { Style } from './styles';
import { maxOf } from '../../common/lookup';

export interface Column {
  header: string;
  numFmt?: string;
  /** Fixed width; otherwise fitted to the content. */
  width?: number;
  /** Long text wraps in the column (its rows as tall as their text), instead of running into the next cell or off the page. */
  wrap?: boolean;
}

export const HEADER: Style = {
  bold: true,
  fill: 'FFD9E1F2',
  border: true,
  align: 'center',
  valign: 'middle',
  wrap: true,
};
export const TITLE: Style = { bold: true, size: 13 };

/** Title row, header row (frozen, repeated on printed pages), then data rows with borders and number formats. */
export function table(sheet: SheetBuilder, title: string, columns: readonly Column[], rows: readonly CellInput[][]) {
  const t = sheet.addRow([{ v: title, s: TITLE }], { height: 22 });
  sheet.mergeAcross(t, 1, columns.length);
  const header = sheet.addRow(columns.map((c) => ({ v: c.header, s: HEADER })));
  sheet.headerRows = sheet.rowCount;
  // One style object per column (and per column × cell style), so the registry sees each once.
  const base = columns.map((c): Style => ({
    border: true,
    valign: c.wrap ? 'top' : 'middle',
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
    ...(c.wrap ? { wrap: true } : {}),
  }));
  const merged = columns.map(() => new Map<Style, Style>());
  const styleOf = (i: number, own: Style | undefined): Style => {
    const b = base[i] ?? { border: true, valign: 'middle' };
    if (!own) return b;
    let m = merged[i]?.get(own);
    if (!m) merged[i]?.set(own, (m = { ...b, ...own }));
    return m ?? { ...b, ...own };
  };
  const first = sheet.rowCount + 1;
  for (const row of rows)
    sheet.addRow(
      row.map((cell, i): CellSpec => {
        if (cell !== null && typeof cell === 'object') {
          cell.s = styleOf(i, cell.s);
          return cell;
        }
        return { v: cell, s: styleOf(i, undefined) };
      }),
    );
  sheet.widths = columns.map(
    (c, i) =>
      c.width ??
      fitWidth(
        c,
        rows.map((r) => r[i] ?? null),
      ),
  );
  // A wrapping column's rows as tall as their longest text.
  if (columns.some((c) => c.wrap))
    rows.forEach((row, k) => {
      const lines = maxOf(
        columns.map((c, i) => {
          const cell = row[i] ?? null;
          const v = cell !== null && typeof cell === 'object' ? cell.v : cell;
          return c.wrap && typeof v === 'string' ? wrappedLines(v, sheet.widths[i]!) : 1;
        }),
        1,
      );
      if (lines > 1) sheet.rows[first + k - 1]!.height = linesHeight(lines);
    });
  sheet.rows[header - 1]!.height =
    15 *
      maxOf(
        columns.map((c, i) => wrappedLines(c.header, sheet.widths[i]!)),
        1,
      ) +
    5;
}

/** A row's height for this many wrapped lines of 11 pt text (LibreOffice and WPS set CJK lines about 16 pt apart). */
export const linesHeight = (lines: number) => 16 * lines + 4;

/** Lines a wrapped text takes in a column of this width (CJK characters count double). */
export const wrappedLines = (text: string, width: number) =>
  text
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil((displayWidth(line) * 1.05) / Math.max(1, width - 1))), 0);

function fitWidth(column: Column, values: readonly CellInput[]): number {
  const header = maxOf(column.header.split('\n').map((h) => displayWidth(h) * 1.1 + 2));
  const content = values.map((v) => {
    const x = v !== null && typeof v === 'object' ? (v.v ?? null) : v;
    if (typeof x === 'number') return formattedLength(x, column.numFmt) + 2;
    return typeof x === 'string' ? displayWidth(x) * 1.1 + 2 : 0;
  });
  return Math.min(44, maxOf(content, Math.max(6, header)));
}

function formattedLength(x: number, numFmt = ''): number {
  const decimals = numFmt.includes('.') ? numFmt.split(';')[0]!.split('.')[1]!.replace(/[^0#]/g, '').length : 0;
  const digits = Math.round(Math.abs(x)).toString().length;
  return digits + Math.floor((digits - 1) / 3) + (decimals ? decimals + 1 : 0) + (x < 0 ? 1 : 0);
}

export function paragraph(sheet: SheetBuilder, text: string, columns: number, style: Style = {}) {
  const available = sheet.widths.slice(0, columns).reduce((a, b) => a + b, 0) || 110;
  // A CJK character takes about 1.7 width units (displayWidth counts 2).
  const lines = Math.max(1, Math.ceil((displayWidth(text) * (style.bold ? 0.92 : 0.86)) / available));
  const row = sheet.addRow([{ v: text, s: { wrap: true, valign: 'top', ...style } }], { height: 16 * lines + 4 });
  sheet.mergeAcross(row, 1, columns);
}

/** A workbook of plain titled tables (no formulas), e.g. the comparison report. */
export function simpleSheet(spec: {
  name: string;
  title: string;
  columns: readonly Column[];
  rows: readonly CellInput[][];
  /** A line below the table (how it was made). */
  note?: string;
}): SheetBuilder {
  const sheet = new SheetBuilder(spec.name);
  table(sheet, spec.title, spec.columns, spec.rows);
  if (spec.note !== undefined) {
    sheet.addRow([]);
    paragraph(sheet, spec.note, spec.columns.length);
  }
  return sheet;
}
