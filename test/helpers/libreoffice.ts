/** Recalculating a workbook from its formulas alone, in LibreOffice headless. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzip } from '../../src/read/unzip';
import { zip } from '../../src/render/spreadsheet/zip';
import { tmp } from './files';

export const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
export const hasPdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;

/**
 * Whether LibreOffice can open a Word document: Writer's library beside soffice (a Calc-only install,
 * libreoffice-calc-nogui, has soffice but cannot open .docx).
 */
export const hasWriter = (() => {
  if (!hasSoffice) return false;
  const which = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  try {
    const program = dirname(realpathSync(which));
    return readdirSync(program).some((f) => /^libswlo\.|^libsw\.|^swriter/.test(f));
  } catch {
    return false;
  }
})();

/** A document (`name`: its file name, whose extension tells LibreOffice which program opens it) printed to PDF, as written: the PDF's path. */
function toPdf(bytes: Buffer, name: string): string {
  const dir = tmp();
  const input = join(dir, name);
  writeFileSync(input, bytes);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input,
    ],
    { stdio: 'pipe', timeout: 180_000 },
  );
  return join(dir, name.replace(/\.\w+$/, '.pdf'));
}

/** A Word document printed to PDF by LibreOffice Writer: the PDF's path. */
export const docxToPdf = (docx: Buffer): string => toPdf(docx, 'report.docx');

/** The workbook printed to PDF by LibreOffice (print setup as written): the PDF's path. */
const printToPdf = (xlsx: Buffer): string => toPdf(xlsx, 'book.xlsx');

/** The workbook printed to PDF by LibreOffice, as text. */
export const printedText = (xlsx: Buffer): string =>
  execFileSync('pdftotext', ['-layout', printToPdf(xlsx), '-'], { encoding: 'utf8' });

/**
 * Every formula cell loses its cached value, so only a recalculation can fill it.
 * `edit` may change one sheet's XML first (by sheet name; balance-check writes sheet N as sheetN.xml).
 */
export function stripCachedValues(xlsx: Buffer, edit?: { sheet: string; change: (xml: string) => string }): Buffer {
  const files = unzip(xlsx);
  const names = [
    ...files
      .get('xl/workbook.xml')!
      .toString('utf8')
      .matchAll(/<sheet name="([^"]*)"/g),
  ].map((m) => m[1]);
  const edited = edit ? `xl/worksheets/sheet${names.indexOf(edit.sheet) + 1}.xml` : null;
  if (edit && !files.has(edited!)) throw new Error(`no sheet ${edit.sheet}`);
  const entries = [...files].map(([name, data]) => {
    if (!name.startsWith('xl/worksheets/')) return { name, data };
    const original = data.toString('utf8');
    const xml = (name === edited ? edit!.change(original) : original)
      .replace(/(<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>)<v>[^<]*<\/v>/g, '$1')
      .replace(/ t="(?:str|b)"(?=><f\b)/g, '');
    if (/<f\b[^>]*(?:\/>|>[^<]*<\/f>)<v>/.test(xml))
      throw new Error(`${name}: a cached formula value was not stripped`);
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
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      join(dir, 'csv'),
      input,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(join(dir, 'csv')))
    sheets.set(
      f.replace(/^book-/, '').replace(/\.csv$/, ''),
      parse(readFileSync(join(dir, 'csv', f), 'utf8'), { relax_column_count: true }),
    );
  return sheets;
}

export interface PrintedWord {
  text: string;
  /** The font size it printed at, in points (pdftotext's box is 1.3 × the size; a rotated word's box is turned). */
  size: number;
}

/** The workbook printed to PDF by LibreOffice: each page's words with their printed size, and its text. */
export function printedPages(xlsx: Buffer): { words: PrintedWord[]; text: string }[] {
  const html = execFileSync('pdftotext', ['-bbox', printToPdf(xlsx), '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  return html
    .split('<page ')
    .slice(1)
    .map((page) => {
      const words = [
        ...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
      ].map((m) => {
        const [w, h] = [Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])];
        const text = decode(m[5]!);
        // One character: its box is 1.3 × the size across the line, less along it, whichever way it is turned.
        const single = [...text].length === 1;
        const rotated = !single && h > 1.5 * w;
        return { text, size: (single ? Math.max(w, h) : rotated ? w : h) / 1.3, x: Number(m[1]), y: Number(m[2]) };
      });
      // The page's text line by line (words within 3 pt of a line's top, left to right), so a title reads whole.
      const lines: { y: number; words: typeof words }[] = [];
      for (const w of [...words].sort((a, b) => a.y - b.y || a.x - b.x)) {
        const line = lines.find((l) => Math.abs(l.y - w.y) < 3);
        if (line) line.words.push(w);
        else lines.push({ y: w.y, words: [w] });
      }
      const text = lines
        .map((l) =>
          l.words
            .sort((a, b) => a.x - b.x)
            .map((w) => w.text)
            .join(''),
        )
        .join('\n');
      return { words: words.map(({ text, size }) => ({ text, size })), text };
    });
}
