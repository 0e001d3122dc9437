import { createRequire } from 'node:module';
import type * as IconvLite from 'iconv-lite';
import { csvSheet, UnclosedQuote } from './csv-sheet';
import { UnreadableFileError, type Sheet } from './types';

/**
 * Text encodings Chinese users' CSV files come in: UTF-8 (with or without BOM) from
 * modern tools, UTF-16 with BOM from Excel's "Unicode text", GBK/GB18030 from Excel and
 * WPS. Anything else (Big5, Shift-JIS, Latin-1, UTF-32, UTF-16 without BOM, a file half
 * UTF-8 and half GBK) is refused with the guess, never read as mojibake.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** `mismatch`: a BOM that names one encoding over bytes of another (a UTF-8 BOM before GBK text): what the bytes look like. */
export type Detection =
  { encoding: Encoding } | { unsupported: string } | { mismatch: { bom: string; content: string } };

export function detectEncoding(buffer: Buffer): Detection {
  const b = buffer;
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { unsupported: 'UTF-32LE' };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { unsupported: 'UTF-32BE' };
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    // The bytes after a UTF-8 BOM must be UTF-8 (an editor that adds the BOM to GBK text, or text appended in another encoding).
    const rest = detectEncoding(b.subarray(3));
    return 'encoding' in rest && rest.encoding === 'utf-8'
      ? rest
      : { mismatch: { bom: 'UTF-8', content: described(rest) } };
  }
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    // UTF-16 text of a table has NUL bytes (its commas, digits and line ends): none at all is text of another encoding.
    if (b.length > 2 && !b.subarray(2, 4098).includes(0))
      return {
        mismatch: { bom: b[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE', content: described(detectEncoding(b.subarray(2))) },
      };
    return { encoding: b[0] === 0xff ? 'utf-16le' : 'utf-16be' };
  }
  const nul = nulPattern(b);
  if (nul) return { unsupported: nul };
  if (isUtf8(b)) return { encoding: 'utf-8' };
  const gb = gbProfile(b);
  if (utf8Share(b) >= 0.5) return { unsupported: '混合编码（部分 UTF-8、部分 GBK）' };
  // Big5 and Shift-JIS bytes mostly pair up as GBK too, but outside GB2312, where Chinese text lives.
  if (gb.invalid > 0 || (gb.pairs > 0 && gb.gb2312 / gb.pairs < 0.6)) return { unsupported: guessLegacy(b) };
  return { encoding: 'gb18030' };
}

/** What bytes without a BOM look like, for a BOM-mismatch message. */
function described(d: Detection): string {
  if ('encoding' in d) return d.encoding === 'gb18030' ? 'GBK/GB18030' : d.encoding.toUpperCase();
  return 'unsupported' in d ? d.unsupported : `${d.mismatch.bom}（另有 BOM）`;
}

function isUtf8(b: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** NUL bytes in a text file: UTF-16 or UTF-32 without a BOM. */
function nulPattern(b: Buffer): string | null {
  const n = Math.min(b.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (b[i] !== 0) continue;
    if (i % 2) odd++;
    else even++;
  }
  if (even + odd < n / 8) return null;
  if (even + odd > (n * 5) / 8) return 'UTF-32（无 BOM）';
  return odd > even ? 'UTF-16LE（无 BOM）' : 'UTF-16BE（无 BOM）';
}

/** Of the bytes ≥ 0x80, the share that forms well-formed UTF-8 sequences of Chinese text. */
function utf8Share(b: Buffer): number {
  let high = 0;
  let inUtf8 = 0;
  for (let i = 0; i < b.length; i++) {
    const x = b[i]!;
    if (x < 0x80) continue;
    if (x >= 0xe0 && x <= 0xef && i + 2 < b.length && (b[i + 1]! & 0xc0) === 0x80 && (b[i + 2]! & 0xc0) === 0x80) {
      high += 3;
      inUtf8 += 3;
      i += 2;
    } else high++;
  }
  return high ? inUtf8 / high : 0;
}

/** GB18030's structure: 2-byte pairs (how many in GB2312's Chinese area), 4-byte sequences, invalid bytes. */
function gbProfile(b: Buffer) {
  let pairs = 0;
  let gb2312 = 0;
  let invalid = 0;
  for (let i = 0; i < b.length; i++) {
    const x = b[i]!;
    if (x < 0x80) continue;
    const y = b[i + 1];
    if (x === 0x80 || x === 0xff || y === undefined) invalid++;
    else if ((y >= 0x40 && y <= 0x7e) || (y >= 0x80 && y <= 0xfe)) {
      pairs++;
      if (x >= 0xa1 && x <= 0xf7 && y >= 0xa1) gb2312++;
      i++;
    } else if (
      y >= 0x30 &&
      y <= 0x39 &&
      (b[i + 2] ?? 0) >= 0x81 &&
      (b[i + 2] ?? 0) <= 0xfe &&
      (b[i + 3] ?? 0) >= 0x30 &&
      (b[i + 3] ?? 0) <= 0x39
    )
      i += 3;
    else invalid++;
  }
  return { pairs, gb2312, invalid };
}

/** Which legacy encoding the bytes most look like, for the message only. */
function guessLegacy(b: Buffer): string {
  let isolated = 0;
  let high = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i]! < 0x80) continue;
    high++;
    if ((b[i + 1] ?? 0) < 0x80 && (i === 0 || b[i - 1]! < 0x80)) isolated++;
  }
  if (high && isolated / high > 0.5) return 'Latin-1 / Windows-1252（西文）';
  const iconv = createRequire(import.meta.url)('iconv-lite') as typeof IconvLite;
  const score = (enc: string) => {
    let s = 0;
    for (const ch of iconv.decode(b, enc)) {
      const c = ch.codePointAt(0)!;
      if (c === 0xfffd) s -= 3;
      else if (c >= 0x4e00 && c <= 0x9fff) s += 1;
      else if (c >= 0xff61 && c <= 0xff9f) s -= 1;
    }
    return s;
  };
  return score('big5') >= score('shift_jis') ? 'Big5（繁体中文）' : 'Shift-JIS（日文）';
}

/** iconv-lite decodes GBK / GB18030; it is loaded only for such files (its tables are large). */
const gb18030 = (buffer: Buffer): string =>
  (createRequire(import.meta.url)('iconv-lite') as typeof IconvLite).decode(buffer, 'gb18030');

const SAVE_AS = '请在 Excel 或 WPS 中打开后另存为“CSV UTF-8（逗号分隔）”或 .xlsx 再试';

export function decodeText(buffer: Buffer, label = ''): { text: string; encoding: string } {
  const detected = detectEncoding(buffer);
  if ('mismatch' in detected) {
    const { bom, content } = detected.mismatch;
    throw new UnreadableFileError(
      `无法读取“${label}”：文件开头标明 ${bom}（BOM），但内容不是 ${bom} 编码，看起来是 ${content}——文件的编码标记与内容不符（常见于编辑器转换编码时只改了开头，或把不同编码的内容拼在一起）。${SAVE_AS}`,
      'CSV_ENCODING_UNKNOWN',
    );
  }
  if ('unsupported' in detected)
    throw new UnreadableFileError(
      `无法读取“${label}”：文件编码不是 UTF-8、GBK/GB18030，也不是带 BOM 的 UTF-16，看起来是 ${detected.unsupported}。${SAVE_AS}`,
      'CSV_ENCODING_UNKNOWN',
    );
  const { encoding } = detected;
  if (encoding.startsWith('utf-16') && buffer.length % 2 === 1)
    throw new UnreadableFileError(
      `无法读取“${label}”：UTF-16 编码的文件字节数为奇数，末尾不完整（文件可能被截断）。${SAVE_AS}`,
      'CSV_ENCODING_UNKNOWN',
    );
  const decoded =
    encoding === 'gb18030'
      ? gb18030(buffer)
      : encoding === 'utf-16be'
        ? Buffer.from(buffer).swap16().toString('utf16le')
        : buffer.toString(encoding === 'utf-8' ? 'utf8' : 'utf16le');
  return {
    text: decoded.replace(/^\uFEFF/, ''),
    encoding: encoding === 'gb18030' ? 'GBK/GB18030' : encoding.toUpperCase(),
  };
}

/** The delimiter that splits the first non-empty lines most consistently. */
function detectDelimiter(text: string): string {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 10);
  const candidates = [',', '\t', ';'];
  const score = (d: string) => lines.reduce((s, l) => s + (l.split(d).length - 1), 0);
  return candidates.reduce((best, d) => (score(d) > score(best) ? d : best), ',');
}

export function readCsv(buffer: Buffer, sheetName: string, label = sheetName): { sheet: Sheet; encoding: string } {
  if (buffer.length === 0) throw new UnreadableFileError(`无法读取“${label}”：文件是空的（0 字节）`);
  const { text, encoding } = decodeText(buffer, label);
  if (!/\S/.test(text)) throw new UnreadableFileError(`无法读取“${label}”：文件是空的（只有空白）`);
  const delimiter = detectDelimiter(text);
  try {
    return { sheet: csvSheet(sheetName, text, delimiter), encoding };
  } catch (e) {
    if (!(e instanceof UnclosedQuote)) throw e;
    throw new UnreadableFileError(
      `无法读取“${label}”：第 ${e.line} 行有一个双引号（"）开始的内容直到文件末尾都没有闭合。请检查该行，删去多余的引号或补上闭合的引号`,
      'CSV_QUOTE_NOT_CLOSED',
    );
  }
}
