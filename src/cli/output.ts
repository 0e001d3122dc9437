/** Report files: rendered in memory first, then each written atomically (temp file + rename). */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Comparison } from '../report/compare';
import type { Report } from '../report/model';
import { renderCompareMarkdown, renderCompareXlsx } from '../render/compare';
import { renderJson } from '../render/json';
import { renderMarkdown } from '../render/markdown';
import { renderXlsx } from '../render/xlsx';

export const FORMATS = ['xlsx', 'md', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormats(list: string): Format[] | null {
  const items = list.split(/[,，\s]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
  const aliases: Record<string, Format> = { xlsx: 'xlsx', excel: 'xlsx', md: 'md', markdown: 'md', json: 'json' };
  const formats = items.map((s) => aliases[s]);
  if (formats.length === 0 || formats.some((f) => f === undefined)) return null;
  return [...new Set(formats as Format[])];
}

export function reportPath(input: string, outDir: string | undefined, format: Format): string {
  const name = basename(input, extname(input));
  return join(outDir ?? dirname(input), `${name}.report.${format}`);
}

async function render(report: Report, format: Format): Promise<Buffer> {
  switch (format) {
    case 'xlsx':
      return renderXlsx(report);
    case 'md':
      return Buffer.from(renderMarkdown(report), 'utf8');
    case 'json':
      return Buffer.from(renderJson(report), 'utf8');
  }
}

/** Renders every format, then writes them; returns the paths written. */
export async function writeReports(report: Report, input: string, outDir: string | undefined, formats: readonly Format[]) {
  const files = await Promise.all(
    formats.map(async (format) => ({ path: reportPath(input, outDir, format), content: await render(report, format) })),
  );
  for (const f of files)
    if (resolve(f.path) === resolve(input)) throw new Error(`报告文件名与输入文件相同：${f.path}`);
  if (outDir) await mkdir(outDir, { recursive: true });
  for (const f of files) await writeAtomically(f.path, f.content);
  return files.map((f) => f.path);
}

/** The comparison report: `<first>_vs_<last>.compare.{xlsx,md}`. */
export async function writeComparison(comparison: Comparison, files: readonly string[], outDir: string | undefined, formats: readonly Format[]) {
  const stem = (f: string) => basename(f, extname(f));
  const base = join(outDir ?? dirname(files[0]!), `${stem(files[0]!)}_vs_${stem(files[files.length - 1]!)}.compare`);
  if (outDir) await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const format of formats) {
    const path = `${base}.${format}`;
    await writeAtomically(path, format === 'xlsx' ? renderCompareXlsx(comparison) : Buffer.from(renderCompareMarkdown(comparison), 'utf8'));
    written.push(path);
  }
  return written;
}

/** Temp file beside the target, then rename: a reader never sees half a file. */
export async function writeAtomically(path: string, content: Buffer): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
