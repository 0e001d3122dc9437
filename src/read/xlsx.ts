import { createRequire } from 'node:module';
import { readOoxml } from './ooxml';
import { UnreadableFileError, mergeKey, type CellValue, type Sheet } from './types';

/**
 * Reads every worksheet of an .xlsx buffer; formulas by their cached value. The fast
 * reader handles what Excel, WPS and LibreOffice write; a package it does not understand
 * is read again with exceljs (loaded only then).
 */
export async function readXlsx(buffer: Buffer, fileLabel: string): Promise<Sheet[]> {
  try {
    return readOoxml(buffer);
  } catch {
    return readWithExcelJs(buffer, fileLabel);
  }
}

type RawValue = import('exceljs').CellValue | undefined;

export async function readWithExcelJs(buffer: Buffer, fileLabel: string): Promise<Sheet[]> {
  const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError(`无法读取“${fileLabel}”：不是有效的 .xlsx 文件（文件损坏，或只是改了扩展名）`);
  }
  return workbook.worksheets.map((ws) => {
    const rows: (CellValue | undefined)[][] = [];
    const mergedInto = new Map<string, [number, number]>();
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: (CellValue | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.isMerged && cell.master !== cell) {
          mergedInto.set(mergeKey(rowNumber - 1, colNumber - 1), [Number(cell.master.row) - 1, Number(cell.master.col) - 1]);
          return;
        }
        // exceljs drops a cached result of 0 from cell.value; cell.result keeps it.
        cells[colNumber - 1] = toCellValue(cell.value, cell.result);
      });
      rows[rowNumber - 1] = cells;
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    return { name: ws.name, rows, mergedInto };
  });
}

export function toCellValue(value: RawValue, cachedResult?: RawValue): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value.trim() === '' ? undefined : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (value instanceof Date) return { kind: 'date', value };
  if ('error' in value) return { kind: 'error', error: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: RawValue }).result ?? cachedResult;
    if (result === undefined || result === null) {
      const formula = 'formula' in value ? value.formula : (value as { sharedFormula: string }).sharedFormula;
      return { kind: 'formula-no-result', formula: String(formula) };
    }
    return toCellValue(result);
  }
  if ('richText' in value) return toCellValue(value.richText.map((r) => r.text).join(''));
  if ('text' in value) return toCellValue(String(value.text));
  return { kind: 'text', text: String(value) };
}
