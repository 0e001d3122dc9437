import { createRequire } from 'node:module';
import type * as ExcelJSModule from 'exceljs';
import { missingSharedStrings, OoxmlFormatError, outOfRange, readOoxml, SHARED_STRINGS } from './ooxml';
import {
  arraySheet,
  clipMerges,
  MAX_COLUMNS,
  MAX_ROWS,
  UnreadableFileError,
  type CellValue,
  type MergeRange,
  type Sheet,
} from './types';
import { SHARED_OFF_GRID, SHARED_TEXT_MISSING, slideFormula } from './formula';
import { DEFAULT_LIMITS, ZipArchive, ZipFormatError, type InflateLimits } from './unzip';

/**
 * Reads every worksheet of an .xlsx buffer; formulas by their cached value. The fast
 * reader handles what Excel, WPS and LibreOffice write; a package it does not understand
 * is read again with exceljs (loaded only then).
 */
export async function readXlsx(
  buffer: Buffer,
  fileLabel: string,
  limits: InflateLimits = DEFAULT_LIMITS,
): Promise<Sheet[]> {
  try {
    return readOoxml(buffer, limits, fileLabel);
  } catch (e) {
    if (e instanceof ZipFormatError) throw notXlsx(fileLabel, e);
    if (!(e instanceof OoxmlFormatError)) throw e;
    const other = e.message === 'no xl/workbook.xml' ? notAWorkbook(buffer, fileLabel, limits) : null;
    if (other) throw other;
  }
  return readXlsxFallback(buffer, fileLabel, limits);
}

/** The package read by exceljs, once it is known to inflate within the limits. */
export async function readXlsxFallback(
  buffer: Buffer,
  fileLabel: string,
  limits: InflateLimits = DEFAULT_LIMITS,
): Promise<Sheet[]> {
  try {
    checkBeforeFallback(buffer, fileLabel, limits);
  } catch (e) {
    throw e instanceof ZipFormatError ? notXlsx(fileLabel, e) : e;
  }
  return readWithExcelJs(buffer, fileLabel);
}

const notXlsx = (fileLabel: string, e?: ZipFormatError) =>
  new UnreadableFileError(
    e && /overlapping|duplicate/.test(e.message)
      ? `无法读取“${fileLabel}”：压缩包结构异常（条目重复或相互重叠），可能是压缩炸弹或被改动过的文件`
      : e?.message.startsWith('shared part ')
        ? `无法读取“${fileLabel}”：工作簿中有多个工作表指向同一份数据（${e.message.slice(12)}），不是 Excel、WPS 或 LibreOffice 保存的文件，可能被改动过`
        : e?.message.startsWith('crc ')
          ? `无法读取“${fileLabel}”：文件已损坏（校验失败：其中的“${e.message.slice(4)}”与记录的校验值不符），请重新导出或从备份取得`
          : `无法读取“${fileLabel}”：不是有效的 .xlsx 文件（文件损坏，或只是改了扩展名）`,
  );

/** A zip without a workbook: say what it is (a renamed Word file is the usual case). */
function notAWorkbook(buffer: Buffer, fileLabel: string, limits: InflateLimits): UnreadableFileError | null {
  const archive = new ZipArchive(buffer, limits, fileLabel);
  if (archive.has('xl/workbook.xml')) return null;
  // Excel's binary workbook (.xlsb) is a zip of .bin parts: Excel and WPS save it as .xlsx.
  if (archive.has('xl/workbook.bin'))
    return new UnreadableFileError(
      `无法读取“${fileLabel}”：这是 Excel 二进制工作簿（.xlsb），请另存为 .xlsx（在 Excel 或 WPS 中“文件 › 另存为”，类型选“Excel 工作簿(*.xlsx)”）`,
    );
  const mime = archive.has('mimetype') ? archive.get('mimetype')!.toString('latin1').trim() : '';
  const what = archive.has('word/document.xml')
    ? '这是 Word 文档（.docx），不是 Excel 工作簿'
    : archive.has('ppt/presentation.xml')
      ? '这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿'
      : mime === 'application/vnd.oasis.opendocument.spreadsheet'
        ? '这是 OpenDocument 表格（.ods）：请在 WPS、LibreOffice 或 Excel 中另存为 .xlsx'
        : mime.startsWith('application/vnd.oasis.opendocument')
          ? '这是 OpenDocument 文档，不是 Excel 工作簿'
          : '这是一个压缩包（.zip），不是 Excel 工作簿';
  return new UnreadableFileError(`无法读取“${fileLabel}”：${what}`);
}

/**
 * exceljs inflates every entry and expands merged ranges cell by cell, with no limit.
 * Before it is given a package, every entry must inflate within the limits and no
 * reference may lie beyond Excel's grid.
 */
function checkBeforeFallback(buffer: Buffer, fileLabel: string, limits: InflateLimits) {
  const archive = new ZipArchive(buffer, limits, fileLabel);
  // exceljs reads the cells of a workbook without shared strings as blank: the file is unreadable, and said so.
  const shared = archive.names.find((n) => /^xl\/(?:.*\/)?sharedStrings\.xml$/i.test(n));
  for (const name of archive.names) {
    const data = archive.get(name)!;
    if (!/^xl\/worksheets\/.*\.xml$/.test(name)) continue;
    const xml = data.toString('utf8');
    if (shared === undefined && /<(?:\w+:)?c\b[^>]*?\st="s"/.test(xml))
      throw missingSharedStrings(fileLabel, SHARED_STRINGS);
    for (const m of xml.matchAll(/\b(?:r|ref)="\$?([A-Za-z]+)?\$?(\d+)(?::\$?([A-Za-z]+)?\$?(\d+))?"/g)) {
      const tooFar = (letters: string | undefined, digits: string | undefined) => {
        if (digits !== undefined && (digits.length > 7 || Number(digits) > MAX_ROWS)) return true;
        if (letters === undefined) return false;
        let col = 0;
        for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
        return letters.length > 3 || col > MAX_COLUMNS;
      };
      if (tooFar(m[1], m[2]) || tooFar(m[3], m[4]))
        throw outOfRange(name.replace(/^xl\/worksheets\//, ''), m[0].replace(/^\w+="|"$/g, ''));
    }
  }
}

type RawValue = ExcelJSModule.CellValue | undefined;

export async function readWithExcelJs(buffer: Buffer, fileLabel: string): Promise<Sheet[]> {
  const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof ExcelJSModule;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw notXlsx(fileLabel);
  }
  return workbook.worksheets.map((ws) => {
    const rows: (CellValue | undefined)[][] = [];
    const hiddenRows = new Set<number>();
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (row.hidden) hiddenRows.add(rowNumber - 1);
      const cells: (CellValue | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.isMerged && cell.master !== cell) return;
        // exceljs drops a cached result of 0 from cell.value; cell.result keeps it.
        cells[colNumber - 1] = toCellValue(cell.value, cell.result, sharedFormulaOf(ws, cell));
      });
      rows[rowNumber - 1] = cells;
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    const merges = ((ws.model as { merges?: string[] }).merges ?? []).flatMap((ref): MergeRange[] => {
      const [from, to] = ref.split(':').map((a) => ws.getCell(a));
      if (!from || !to) return [];
      const [r0, c0, r1, c1] = [Number(from.row) - 1, Number(from.col) - 1, Number(to.row) - 1, Number(to.col) - 1];
      return [{ top: Math.min(r0, r1), left: Math.min(c0, c1), bottom: Math.max(r0, r1), right: Math.max(c0, c1) }];
    });
    // Columns hidden in the sheet, up to the widest row (a <col> range may run to the grid's end).
    let width = 0;
    for (const r of rows) if (r.length > width) width = r.length;
    const hiddenColumns = new Set<number>();
    for (let c = 1; c <= width; c++) if (ws.getColumn(c).hidden) hiddenColumns.add(c - 1);
    return arraySheet(ws.name, rows, clipMerges(merges, rows), ws.state === 'hidden' || ws.state === 'veryHidden', {
      rows: hiddenRows,
      columns: hiddenColumns,
    });
  });
}

type SharedText = { from: string } & ({ formula: string } | { why: string });

/**
 * One of the other cells of a shared formula: exceljs gives the first cell's address as its formula. The
 * text is that cell's, moved to this one (slideFormula), as Excel shows it; or why it cannot be had.
 */
function sharedFormulaOf(ws: ExcelJSModule.Worksheet, cell: ExcelJSModule.Cell): SharedText | undefined {
  const value = cell.value as { sharedFormula?: unknown } | null;
  if (value === null || typeof value !== 'object' || typeof value.sharedFormula !== 'string') return undefined;
  const from = value.sharedFormula;
  const master = ws.getCell(from);
  const text = (master.value as { formula?: unknown } | null)?.formula;
  if (typeof text !== 'string' || text.trim() === '') return { from, why: SHARED_TEXT_MISSING };
  const formula = slideFormula(text, Number(cell.row) - Number(master.row), Number(cell.col) - Number(master.col));
  return formula === null ? { from, why: SHARED_OFF_GRID } : { from, formula };
}

export function toCellValue(value: RawValue, cachedResult?: RawValue, shared?: SharedText): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value.trim() === '' ? undefined : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (value instanceof Date) return { kind: 'date', value };
  if ('error' in value) return { kind: 'error', error: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: RawValue }).result ?? cachedResult;
    if (result === undefined || result === null) {
      if ('formula' in value) return { kind: 'formula-no-result', formula: String(value.formula) };
      if (!shared) return { kind: 'formula-no-result', formula: '', shared: '', why: SHARED_TEXT_MISSING };
      return 'formula' in shared
        ? { kind: 'formula-no-result', formula: shared.formula, shared: shared.from }
        : { kind: 'formula-no-result', formula: '', shared: shared.from, why: shared.why };
    }
    return toCellValue(result);
  }
  if ('richText' in value) return toCellValue(value.richText.map((r) => r.text).join(''));
  if ('text' in value) return toCellValue(String(value.text));
  return { kind: 'text', text: String(value) };
}
