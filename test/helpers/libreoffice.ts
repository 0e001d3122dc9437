/** Recalculating a workbook from its formulas alone, in LibreOffice headless. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzip } from '../../src/read/unzip';
import { zip } from '../../src/render/spreadsheet/zip';
import { tmp } from './files';

export const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
export const hasPdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;

/** The workbook printed to PDF by LibreOffice (print setup as written), as text. */
export function printedText(xlsx: Buffer): string {
  const dir = tmp();
  const input = join(dir, 'book.xlsx');
  writeFileSync(input, xlsx);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  return execFileSync('pdftotext', ['-layout', join(dir, 'book.pdf'), '-'], { encoding: 'utf8' });
}

/**
 * Every formula cell loses its cached value, so only a recalculation can fill it.
 * `edit` may change one sheet's XML first (by sheet name; balance-check writes sheet N as sheetN.xml).
 */
export function stripCachedValues(xlsx: Buffer, edit?: { sheet: string; change: (xml: string) => string }): Buffer {
  const files = unzip(xlsx);
  const names = [...files.get('xl/workbook.xml')!.toString('utf8').matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);
  const edited = edit ? `xl/worksheets/sheet${names.indexOf(edit.sheet) + 1}.xml` : null;
  if (edit && !files.has(edited!)) throw new Error(`no sheet ${edit.sheet}`);
  const entries = [...files].map(([name, data]) => {
    if (!name.startsWith('xl/worksheets/')) return { name, data };
    const original = data.toString('utf8');
    const xml = (name === edited ? edit!.change(original) : original)
      .replace(/(<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>)<v>[^<]*<\/v>/g, '$1')
      .replace(/ t="(?:str|b)"(?=><f\b)/g, '');
    if (/<f\b[^>]*(?:\/>|>[^<]*<\/f>)<v>/.test(xml)) throw new Error(`${name}: a cached formula value was not stripped`);
    return { name, data: Buffer.from(xml, 'utf8') };
  });
  return zip(entries);
}

/** LibreOffice opens the workbook, recalculates, and writes every sheet as CSV: sheet name → rows. */
export function recalculate(xlsx: Buffer): Map<string, string[][]> {
  const dir = tmp();
  const input = join(dir, 'book.xlsx');
  writeFileSync(input, xlsx);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', join(dir, 'csv'), input],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(join(dir, 'csv')))
    sheets.set(f.replace(/^book-/, '').replace(/\.csv$/, ''), parse(readFileSync(join(dir, 'csv', f), 'utf8'), { relax_column_count: true }));
  return sheets;
}
