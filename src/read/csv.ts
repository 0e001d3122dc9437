import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import type { CellValue, Sheet } from './types';

/**
 * Text encodings Chinese users' CSV files come in: UTF-8 (with or without BOM) from
 * modern tools, UTF-16 from Excel's "Unicode text", GBK/GB18030 from Excel and WPS.
 */
export function detectEncoding(buffer: Buffer): 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return 'utf-8';
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** iconv-lite decodes GBK / GB18030; it is loaded only for such files (its tables are large). */
const gb18030 = (buffer: Buffer): string =>
  (createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite')).decode(buffer, 'gb18030');

export function decodeText(buffer: Buffer): { text: string; encoding: string } {
  const encoding = detectEncoding(buffer);
  const decoded =
    encoding === 'gb18030'
      ? gb18030(buffer)
      : encoding === 'utf-16be'
        ? Buffer.from(buffer).swap16().toString('utf16le')
        : buffer.toString(encoding === 'utf-8' ? 'utf8' : 'utf16le');
  return { text: decoded.replace(/^\uFEFF/, ''), encoding: encoding === 'gb18030' ? 'GBK/GB18030' : encoding.toUpperCase() };
}

/** The delimiter that splits the first non-empty lines most consistently. */
function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim()).slice(0, 10);
  const candidates = [',', '\t', ';'];
  const score = (d: string) => lines.reduce((s, l) => s + (l.split(d).length - 1), 0);
  return candidates.reduce((best, d) => (score(d) > score(best) ? d : best), ',');
}

export function readCsv(buffer: Buffer, sheetName: string): { sheet: Sheet; encoding: string } {
  const { text, encoding } = decodeText(buffer);
  const records: string[][] = parse(text, {
    delimiter: detectDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  const rows = records.map((record) =>
    record.map((s): CellValue | undefined => (s.trim() === '' ? undefined : { kind: 'text', text: s })),
  );
  return { sheet: { name: sheetName, rows, mergedInto: new Map() }, encoding };
}
