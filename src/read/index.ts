import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { computeFormulas } from './computed-formulas';
import { readCsv } from './csv';
import { UnreadableFileError, type Sheet, type SourceFile } from './types';
import { DEFAULT_LIMITS, MB, type InflateLimits } from './unzip';
import { readXlsx, readXlsxFallback } from './xlsx';
export { OoxmlFormatError } from './ooxml';

export * from './types';

/** Formulas a script wrote without their results: computed where they are arithmetic (computed-formulas.ts). */
const withFormulas = (sheets: Sheet[]) => {
  for (const sheet of sheets) computeFormulas(sheet);
  return sheets;
};

/** The largest CSV read by default (a national roll-up of 260 000 schools is about 60 MB). */
export const CSV_LIMIT_BYTES = 200 * MB;
const CSV_EXTENSIONS = new Set(['.csv', '.txt', '.tsv']);

const isZip = (b: Buffer) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b;
const isOle = (b: Buffer) => b.length > 7 && b.readUInt32BE(0) === 0xd0cf11e0;

/** Reads an .xlsx or .csv file into sheets of positioned cells. Throws UnreadableFileError. */
export async function readSource(path: string, limits: InflateLimits = DEFAULT_LIMITS): Promise<SourceFile> {
  let buffer: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    // A pipe or a device (/dev/zero) would be read without end.
    if (!info.isFile()) throw Object.assign(new Error(), { code: 'NOTFILE' });
    if (info.size > limits.totalBytes)
      throw new UnreadableFileError(
        `无法读取“${path}”：文件有 ${Math.round(info.size / MB)} MB，超过 ${Math.round(limits.totalBytes / MB)} MB 的上限。确为正常的超大文件时，可用 --max-inflate <MB> 提高上限`,
        'FILE_TOO_LARGE',
      );
    const ext = extname(path).toLowerCase();
    // A CSV is held as text (two bytes a character for Chinese) with 4 bytes a row: past this, memory passes 1 GB.
    const csvLimit = limits.totalBytes > DEFAULT_LIMITS.totalBytes ? limits.totalBytes : CSV_LIMIT_BYTES;
    if (CSV_EXTENSIONS.has(ext) && info.size > csvLimit)
      throw new UnreadableFileError(
        `无法读取“${path}”：CSV 文件有 ${Math.round(info.size / MB)} MB，超过 ${Math.round(csvLimit / MB)} MB 的上限。请另存为 .xlsx，或按地区拆成几个文件；确为正常的超大文件时，可用 --max-inflate <MB> 提高上限`,
        'FILE_TOO_LARGE',
      );
    buffer = await readFile(path);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? '文件不存在'
        : code === 'EISDIR'
          ? '这是一个目录'
          : code === 'EACCES' || code === 'EPERM'
            ? '没有读取权限'
            : code === 'NOTFILE'
              ? '不是普通文件（是管道、设备或套接字）'
              : code === 'ELOOP'
                ? '文件路径存在循环的符号链接（链接直接或间接指向自身），找不到实际的文件；请改用文件的实际路径'
                : code === 'ENAMETOOLONG'
                  ? '文件路径过长'
                  : `读取失败（${String(code ?? (e as Error).message)}）`;
    throw new UnreadableFileError(`无法读取“${path}”：${why}`);
  }
  const ext = extname(path).toLowerCase();
  const label = basename(path);
  if (isOle(buffer) && (ext === '.xlsx' || ext === '.xlsm'))
    throw new UnreadableFileError(
      `无法读取“${label}”：文件设置了打开密码（或实为旧版 .xls 格式）。请取消密码、另存为 .xlsx 后再试`,
    );
  if (isOle(buffer) || ext === '.xls' || ext === '.et')
    throw new UnreadableFileError(`不支持旧版 Excel/WPS 格式“${label}”：请在 Excel 或 WPS 中“另存为” .xlsx 后再试`);
  if (ext === '.xlsx' || ext === '.xlsm' || isZip(buffer))
    return {
      path,
      format: 'xlsx',
      sheets: withFormulas(await readXlsx(buffer, label, limits)),
      fallback: async () => ({
        path,
        format: 'xlsx',
        sheets: withFormulas(await readXlsxFallback(buffer, label, limits)),
      }),
    };
  if (CSV_EXTENSIONS.has(ext)) {
    const { sheet, encoding } = readCsv(buffer, basename(path, extname(path)), label);
    return { path, format: 'csv', encoding, sheets: [sheet] };
  }
  throw new UnreadableFileError(`无法识别“${label}”的格式：请提供 .xlsx 或 .csv 文件`);
}
