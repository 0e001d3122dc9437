/** Report files: rendered in memory first, then written as one set (see write-set.ts). */
import { basename, dirname, join, resolve } from 'node:path';
import { reportStem } from '../report/names';
import { lookup } from '../common/lookup';
import { FatalError } from '../issues/catalogue';
import type { Comparison } from '../report/compare';
import { sectionCount, type Report } from '../report/model';
import { renderCompareMarkdown, renderCompareXlsx } from '../render/compare';
import { isBatch, jsonReportPieces, renderJson, schoolLines } from '../render/json';
import { chartFiles } from '../render/charts';
import { renderDocx } from '../render/docx';
import { renderMarkdown } from '../render/markdown';
import { renderXlsx } from '../render/xlsx';
import { writeSet, type LineSpool } from './write-set';

export { writeAtomically } from './write-set';

export const FORMATS = ['xlsx', 'md', 'json', 'docx'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormats(list: string): Format[] | null {
  const items = list
    .split(/[,，\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const aliases: Record<string, Format> = {
    xlsx: 'xlsx',
    excel: 'xlsx',
    md: 'md',
    markdown: 'md',
    json: 'json',
    docx: 'docx',
    word: 'docx',
  };
  const formats = items.map((s) => lookup(aliases, s));
  if (formats.length === 0 || formats.some((f) => f === undefined)) return null;
  return [...new Set(formats as Format[])];
}

/** The input's name without its extension, as the reports are named: no control character (ESC, BEL) in a written file's name. */
const stemOf = (input: string) => reportStem(input);

/** `<input>.report.<format>`; with `--county`, `<input>.<county>.report.<format>`. */
export function reportPath(input: string, outDir: string | undefined, format: Format, county?: string): string {
  return join(outDir ?? dirname(input), `${reportStem(input, county)}.report.${format}`);
}

/** A batch's per-school rows, beside its JSON report: `<name>.schools.jsonl`. */
export function schoolsPath(input: string, outDir: string | undefined): string {
  return join(outDir ?? dirname(input), `${stemOf(input)}.schools.jsonl`);
}

async function render(
  report: Report,
  format: Format,
  input: string,
  outDir: string | undefined,
): Promise<Buffer | Iterable<string>> {
  switch (format) {
    case 'xlsx':
      return renderXlsx(report);
    case 'md':
      return Buffer.from(renderMarkdown(report), 'utf8');
    case 'json':
      // A county of up to WHOLE_JSON_SECTIONS sections as one string (one JSON.stringify: a sixth of the time
      // of the pieces); a larger one in pieces, written as they are made: a 20 000-school county's report is
      // 90 MB of text. Both are the same bytes (test/json-text.test.ts).
      if (isBatch(report)) return jsonReportPieces(report, basename(schoolsPath(input, outDir)));
      if (report.counties.reduce((n, c) => n + sectionCount(c), 0) <= WHOLE_JSON_SECTIONS)
        return Buffer.from(renderJson(report), 'utf8');
      return jsonReportPieces(report);
    case 'docx':
      // A county's Word document; a batch's is the province table.
      return renderDocx(report);
  }
}

/**
 * The most school sections a county's Word report is made for: its 附表 list every section, so 2 000 are
 * about 60 printed pages (0.6 GB to write; 5 000 took 1.7 GB in the docx package). The Excel report has
 * the same tables without this bound (MAX_DETAIL_SECTIONS).
 */
export const MAX_WORD_SECTIONS = 2_000;

/** The most school sections a county's JSON report is made as one string for (about 10 MB of text). */
export const WHOLE_JSON_SECTIONS = 2_000;

/** A county too large for its Word report: refused before any report is written. */
function wordFits(report: Report) {
  if (!report.detail) return; // A batch's Word document is the province table.
  for (const county of report.counties) {
    const sections = sectionCount(county);
    if (sections > MAX_WORD_SECTIONS)
      throw new FatalError('FILE_TOO_LARGE', {
        reason: `“${county.label}”有 ${sections.toLocaleString('en-US')} 个学段，超过 Word 报告的上限 ${MAX_WORD_SECTIONS.toLocaleString('en-US')} 个（附表逐校列出，约 60 页）。请去掉 -f 中的 docx，改用 Excel 报告（同样的附表，不受此限）`,
      });
  }
}

/** A chart's text, made when the writer comes to it (a generator runs only when iterated). */
function* drawn(svg: () => string): Generator<string> {
  yield svg();
}

/** Renders every format, then writes them as one set; returns the paths written. */
/** `spool`: the batch's JSON Lines, if written while its counties were computed (LineSpool). */
export async function writeReports(
  report: Report,
  input: string,
  outDir: string | undefined,
  formats: readonly Format[],
  spool: LineSpool | null = null,
) {
  if (formats.includes('docx')) wordFits(report);
  const files = await Promise.all(
    formats.map(async (format) => ({
      path: reportPath(input, outDir, format, report.input.county),
      content: await render(report, format, input, outDir),
    })),
  );
  // A batch's JSON holds the province table and each county; its school rows are JSON Lines, written as produced.
  const lines =
    formats.includes('json') && isBatch(report)
      ? [{ path: schoolsPath(input, outDir), content: spool?.used ? spool : schoolLines(report) }]
      : [];
  // The Markdown report's pictures, in a folder beside it.
  const charts = formats.includes('md')
    ? chartFiles(report).map((c) => ({
        path: join(outDir ?? dirname(input), c.path),
        content: drawn(c.svg),
      }))
    : [];
  for (const f of files)
    if (resolve(f.path) === resolve(input)) throw new FatalError('OUTPUT_SAME_AS_INPUT', { path: f.path });
  for (const f of lines)
    if (resolve(f.path) === resolve(input)) throw new FatalError('OUTPUT_SAME_AS_INPUT', { path: f.path });
  await writeSet([...files, ...lines, ...charts], outDir);
  return [...files, ...lines].map((f) => f.path);
}

/** The comparison report: `<first>_vs_<last>.compare.{xlsx,md}`. */
export async function writeComparison(
  comparison: Comparison,
  files: readonly string[],
  outDir: string | undefined,
  formats: readonly Format[],
) {
  const base = join(
    outDir ?? dirname(files[0]!),
    `${stemOf(files[0]!)}_vs_${stemOf(files[files.length - 1]!)}.compare`,
  );
  const set = await Promise.all(
    formats.map(async (format) => ({
      path: `${base}.${format}`,
      content:
        format === 'xlsx'
          ? await renderCompareXlsx(comparison)
          : Buffer.from(renderCompareMarkdown(comparison), 'utf8'),
    })),
  );
  for (const f of set)
    if (files.some((input) => resolve(input) === resolve(f.path)))
      throw new FatalError('OUTPUT_SAME_AS_INPUT', { path: f.path });
  await writeSet(set, outDir);
  return set.map((f) => f.path);
}
