/**
 * The fast reader's byte-level path: the usual row (numbers, shared strings and plain inline strings)
 * read from the sheet's bytes without making its text, a row tag's number, and numbers read exactly as
 * Number() reads their text. Anything unusual returns null, and the general way (ooxml.ts) reads it.
 */
import { withoutControls } from '../common/controls';
import { lookup } from '../common/lookup';
import { MAX_COLUMNS, type CellValue } from './types';

export const LT = 0x3c;
export const GT = 0x3e;
export const SLASH = 0x2f;

export const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** A sheet's cell tags as bytes, with its namespace prefix: `<c`, `<v>`, `</v></c>`, `<is><t`, `</t></is></c>`. */
export interface RowTags {
  cOpen: Buffer;
  vOpen: Buffer;
  vcClose: Buffer;
  isOpen: Buffer;
  isClose: Buffer;
}

/** The tags of a sheet whose elements carry the namespace prefix `p` (with its colon, or ''). */
export function rowTags(p: string): RowTags {
  const bytes = (s: string) => Buffer.from(s, 'latin1');
  return {
    cOpen: bytes(`<${p}c`),
    vOpen: bytes(`<${p}v>`),
    vcClose: bytes(`</${p}v></${p}c>`),
    isOpen: bytes(`<${p}is><${p}t`),
    isClose: bytes(`</${p}t></${p}is></${p}c>`),
  };
}

/** The shared strings, as the byte path asks for them. */
export interface SharedStringTable {
  readonly count: number;
  get(i: number): CellValue | undefined;
}

/**
 * The usual row read straight from its bytes: cells `<c r="B5" s="1" t="s"><v>12</v></c>` (or
 * self-closed) holding a number or a shared-string index, nothing else between them. Returns null
 * for anything else (inline strings, formulas, other types, odd references, …): decodeText then
 * reads the row, so both ways give the same cells.
 */
export function decodeRowBytes(
  xml: Buffer,
  start: number,
  end: number,
  r: number,
  tags: RowTags,
  shared: SharedStringTable,
  inline: InlineStrings,
): (CellValue | undefined)[] | null {
  const { cOpen, vOpen, vcClose } = tags;
  const cells: (CellValue | undefined)[] = [];
  let col = -1;
  let i = start;
  for (;;) {
    while (i < end && isSpace(xml[i]!)) i++;
    if (i >= end) return cells;
    if (!startsAt(xml, cOpen, i)) return null;
    i += cOpen.length;
    let type = 0; // 0: number, 1: shared string, 2: inline string
    let seenRef = false;
    let seenType = false;
    // Attributes, up to the end of the start tag.
    for (;;) {
      const c = xml[i];
      if (c === GT || c === SLASH) break;
      if (c === undefined || !isSpace(c)) return null;
      while (i < end && isSpace(xml[i]!)) i++;
      if (xml[i] === GT || xml[i] === SLASH) break;
      const nameAt = i;
      while (i < end && xml[i] !== 0x3d && xml[i] !== GT && !isSpace(xml[i]!)) i++;
      if (xml[i] !== 0x3d || xml[i + 1] !== 0x22) return null;
      const nameLength = i - nameAt;
      const valueAt = i + 2;
      // A short scan in place (a native indexOf per attribute costs more than the few bytes it passes).
      let close = valueAt;
      while (close < end && xml[close] !== 0x22) close++;
      if (close >= end) return null;
      if (nameLength === 1 && xml[nameAt] === 0x72) {
        // r="B5": this row, a column within Excel's grid.
        if (seenRef) return null;
        seenRef = true;
        let k = valueAt;
        let c2 = 0;
        for (; k < close && k < valueAt + 3 && xml[k]! >= 0x41 && xml[k]! <= 0x5a; k++) c2 = c2 * 26 + (xml[k]! - 64);
        if (k === valueAt || c2 > MAX_COLUMNS) return null;
        let row = 0;
        const digitsAt = k;
        for (; k < close && k < digitsAt + 9 && xml[k]! >= 0x30 && xml[k]! <= 0x39; k++)
          row = row * 10 + (xml[k]! - 0x30);
        if (k !== close || k === digitsAt || row !== r + 1) return null;
        col = c2 - 1;
      } else if (nameLength === 1 && xml[nameAt] === 0x74) {
        // t="s", t="n" or t="inlineStr": anything else is read by decodeText.
        if (seenType) return null;
        seenType = true;
        if (close === valueAt + 9 && startsAt(xml, INLINE_STR, valueAt)) type = 2;
        else if (close !== valueAt + 1) return null;
        else if (xml[valueAt] === 0x73) type = 1;
        else if (xml[valueAt] !== 0x6e) return null;
      }
      i = close + 1;
    }
    if (!seenRef) col++;
    if (col >= MAX_COLUMNS) return null;
    if (xml[i] === SLASH) {
      if (xml[i + 1] !== GT) return null;
      i += 2;
      continue;
    }
    i++;
    if (type === 2) {
      // <is><t>…</t></is></c>, the <t> with or without attributes (xml:space="preserve"); rich text, phonetic
      // guides and anything else are read by decodeText.
      if (!startsAt(xml, tags.isOpen, i)) return null;
      let from = i + tags.isOpen.length;
      if (xml[from] !== GT) {
        if (!isSpace(xml[from]!)) return null;
        while (from < end && xml[from] !== GT && xml[from] !== LT) from++;
        if (xml[from] !== GT || xml[from - 1] === SLASH) return null;
      }
      from++;
      let to = from;
      while (to < end && xml[to] !== LT) to++;
      if (to >= end || !startsAt(xml, tags.isClose, to)) return null;
      const value = inline.get(xml, from, to);
      if (value !== undefined) cells[col] = value;
      i = to + tags.isClose.length;
      continue;
    }
    // <v>…</v></c>
    if (!startsAt(xml, vOpen, i)) return null;
    const from = i + vOpen.length;
    let to = from;
    while (to < end && xml[to] !== LT) to++;
    if (to >= end || !startsAt(xml, vcClose, to)) return null;
    const value = type === 1 ? sharedIndex(xml, from, to, shared) : numberAt(xml, from, to);
    if (value === null) return null;
    if (value !== undefined) cells[col] = value;
    i = to + vcClose.length;
  }
}

const INLINE_STR = Buffer.from('inlineStr', 'latin1');

/**
 * The texts of inline-string cells (openpyxl and many scripts write every text so, CJK characters often
 * as character references, `&#23398;&#26657;`): each decoded straight from its bytes, and a text seen
 * before (a county, a school type) found by its bytes and given as the same cell value, not decoded
 * again — as shared strings are. A text decodes exactly as decodeXml reads it (ooxml.ts): the five
 * entities, decimal and hexadecimal references up to U+10FFFF, then _xHHHH_ escapes; control characters
 * dropped; blank is no value.
 */
export class InlineStrings {
  /** Texts by a hash of their bytes; each entry keeps its bytes to tell texts of one hash apart. */
  private readonly seen = new Map<number, { bytes: Buffer; value: CellValue | undefined }[]>();
  private size = 0;

  get(xml: Buffer, from: number, to: number): CellValue | undefined {
    const length = to - from;
    // A long text (a note pasted into a cell), or a sheet of mostly different texts: decoded each time.
    if (length > MAX_KEPT_BYTES || this.size >= MAX_KEPT) return inlineValue(xml, from, to);
    let h = 0x811c9dc5 ^ length;
    for (let k = from; k < to; k++) h = Math.imul(h ^ xml[k]!, 0x01000193);
    let list = this.seen.get(h);
    if (list) for (const e of list) if (sameBytes(e.bytes, xml, from, length)) return e.value;
    const value = inlineValue(xml, from, to);
    if (!list) this.seen.set(h, (list = []));
    list.push({ bytes: Buffer.from(xml.subarray(from, to)), value });
    this.size++;
    return value;
  }
}

/** Whether `kept` holds the bytes of xml at [from, from + length): compared in place (no view made per cell). */
function sameBytes(kept: Buffer, xml: Buffer, from: number, length: number): boolean {
  if (kept.length !== length) return false;
  for (let k = 0; k < length; k++) if (kept[k] !== xml[from + k]) return false;
  return true;
}

/** Inline texts longer than this many bytes are not kept for reuse. */
const MAX_KEPT_BYTES = 256;
/** At most this many distinct inline texts are kept (a province's school names are mostly distinct). */
const MAX_KEPT = 200_000;

/** An inline string's value from the text bytes of its <t>. */
const inlineValue = (xml: Buffer, from: number, to: number) => textValue(xmlText(xml, from, to));

/** A cell's text as its value: control characters dropped; blank is no value (both readers, shared strings too). */
export const textValue = (raw: string): CellValue | undefined => {
  const t = withoutControls(raw);
  return t.trim() === '' ? undefined : { kind: 'text', text: t };
};

const AMP = 0x26;
const SEMI = 0x3b;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
/** `\w` of a regular expression: ASCII letters, digits and the underscore. */
const isWord = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
/** A decimal or hexadecimal digit's value. */
const digitValue = (c: number) => (c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57);
/** The five entities of XML (decodeXml in ooxml.ts reads the same table). */
export const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Element text in bytes [from, to) as decodeXml (ooxml.ts) reads it: runs of UTF-8 between
 * references read natively, references read from their digits, no regular expression or callback
 * per reference.
 */
export function xmlText(xml: Buffer, from: number, to: number): string {
  let amp = ampIn(xml, from, to);
  let out = '';
  if (amp < 0) out = xml.toString('utf8', from, to);
  else {
    let i = from;
    // Consecutive references become one string at once (a CJK text written as references is nothing else).
    const codes: number[] = [];
    const flush = () => {
      if (codes.length) {
        out += String.fromCodePoint(...codes);
        codes.length = 0;
      }
    };
    while (amp >= 0 && amp < to) {
      if (amp > i) {
        flush();
        out += xml.toString('utf8', i, amp);
      }
      const semi = referenceEnd(xml, amp, to);
      let code = -1;
      let named: string | undefined;
      if (semi > 0) {
        if (xml[amp + 1] === 0x23) {
          const hex = xml[amp + 2] === 0x78;
          let n = 0;
          for (let k = amp + (hex ? 3 : 2); k < semi; k++) n = n * (hex ? 16 : 10) + digitValue(xml[k]!);
          code = n <= 0x10ffff ? n : -1;
        } else named = lookup(XML_ENTITIES, xml.toString('latin1', amp + 1, semi));
      }
      if (code >= 0) {
        codes.push(code);
        i = semi + 1;
      } else if (named !== undefined) {
        flush();
        out += named;
        i = semi + 1;
      } else {
        // Not a reference decodeXml reads: the "&" stays, and the text goes on after it.
        flush();
        out += '&';
        i = amp + 1;
      }
      amp = ampIn(xml, i, to);
    }
    flush();
    if (i < to) out += xml.toString('utf8', i, to);
  }
  return out.includes('_x')
    ? out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : out;
}

/** The first "&" in bytes [from, to), or -1 (a scan of the text only: indexOf would run on through the sheet). */
function ampIn(xml: Buffer, from: number, to: number): number {
  for (let k = from; k < to; k++) if (xml[k] === AMP) return k;
  return -1;
}

/**
 * Where the ";" of a reference decodeXml reads at bytes [amp, to) is: `&#x` hex digits `;`, `&#` decimal
 * digits `;` or `&` word characters `;`; -1 for anything else.
 */
function referenceEnd(xml: Buffer, amp: number, to: number): number {
  let k = amp + 1;
  if (xml[k] === 0x23) {
    k++;
    if (xml[k] === 0x78 && k + 1 < to && isHex(xml[k + 1]!)) {
      k++;
      while (k < to && isHex(xml[k]!)) k++;
    } else {
      const at = k;
      while (k < to && isDigit(xml[k]!)) k++;
      if (k === at) return -1;
    }
  } else {
    const at = k;
    while (k < to && isWord(xml[k]!)) k++;
    if (k === at) return -1;
  }
  return k < to && xml[k] === SEMI ? k : -1;
}

/** The number written in bytes [from, to) as 1 to 9 plain digits, else -1. */
function digitsIn(xml: Buffer, from: number, to: number): number {
  if (to === from || to - from > 9) return -1;
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = xml[k]!;
    if (c < 0x30 || c > 0x39) return -1;
    n = n * 10 + (c - 0x30);
  }
  return n;
}

/** The shared string at the index written in bytes [from, to): null when not plain digits or out of range. */
function sharedIndex(xml: Buffer, from: number, to: number, shared: SharedStringTable): CellValue | undefined | null {
  const n = digitsIn(xml, from, to);
  return n >= 0 && n < shared.count ? shared.get(n) : null;
}

/** Whether `needle` is in `xml` at `at`. */
export function startsAt(xml: Buffer, needle: Buffer, at: number): boolean {
  if (at + needle.length > xml.length) return false;
  for (let k = 0; k < needle.length; k++) if (xml[at + k] !== needle[k]) return false;
  return true;
}

/**
 * Where the end tag `close` (`</row>`, `</x:row>`, `</sheetData>`) first occurs in xml at or after `from`, or -1: what
 * xml.indexOf(close, from) gives, found by its next-to-last byte. A native search for the whole tag
 * stops at every "<" of the row's cells (48 of the 56 ms that finding a province's rows took); the
 * next-to-last byte of `</row>` ("w") or `</sheetData>` ("a") is in no tag of a cell and in no byte of a
 * multi-byte UTF-8 character, so the search stops at little but the tag.
 */
export function endTagAt(xml: Buffer, close: Buffer, from: number): number {
  const n = close.length;
  const rare = close[n - 2]!;
  let misses = 0;
  for (let k = xml.indexOf(rare, from + n - 2); k >= 0; k = xml.indexOf(rare, k + 1)) {
    if (startsAt(xml, close, k - (n - 2))) return k - (n - 2);
    // A text full of the byte ("www…" in a cell, a hostile sheet): a call per byte would be slower than
    // the whole tag's search, which takes over after a few misses.
    if (++misses > MAX_RARE_MISSES) return xml.indexOf(close, k - (n - 2) + 1);
  }
  return -1;
}

/** How many times endTagAt's byte may be found without the tag before it searches for the tag itself. */
const MAX_RARE_MISSES = 16;

/** Powers of ten a double holds exactly (10^0 … 10^22). */
const EXACT_TENS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number written in bytes [from, to) as Number() reads it, or null for any form but
 * [-]digits[.digits] with at most 15 significant digits. Such a number is m ÷ 10^k with m and 10^k
 * exact doubles, and one correctly rounded division gives the correctly rounded value, as Number()
 * does; longer or other forms go through Number() of their text.
 */
function numberAt(xml: Buffer, from: number, to: number): CellValue | null {
  let k = from;
  const negative = xml[k] === 0x2d;
  if (negative) k++;
  let m = 0;
  let digits = 0;
  let decimals = -1;
  for (; k < to; k++) {
    const c = xml[k]!;
    if (c >= 0x30 && c <= 0x39) {
      m = m * 10 + (c - 0x30);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 0x2e && decimals < 0) decimals = 0;
    else return slowNumber(xml, from, to);
  }
  if (digits === 0 || decimals === 0) return slowNumber(xml, from, to);
  if (digits > 15 || decimals > 22) return slowNumber(xml, from, to);
  const value = decimals > 0 ? m / EXACT_TENS[decimals]! : m;
  return { kind: 'number', value: negative ? -value : value };
}

/** A <v> text that is some other form of number (exponent, many digits): Number() of its text, as decodeText reads it. */
function slowNumber(xml: Buffer, from: number, to: number): CellValue | null {
  const raw = xml.toString('latin1', from, to);
  const n = Number(raw);
  return Number.isFinite(n) && /^[-+.\deE]+$/.test(raw) ? { kind: 'number', value: n } : null;
}

const R_ATTR = Buffer.from('r="', 'latin1');
const HIDDEN_ATTR = Buffer.from('hidden="', 'latin1');

/** Where the value of attribute `name` (its bytes with =") starts in the tag bytes [from, to), read in place; -1 when the tag has none. */
function attrValueAt(xml: Buffer, from: number, to: number, name: Buffer): number {
  for (let k = from + 1; k + name.length <= to; k++)
    if (xml[k] === name[0] && isSpace(xml[k - 1]!) && startsAt(xml, name, k)) return k + name.length;
  return -1;
}

/**
 * The r="…" of a row's start tag, bytes [from, to), read in place: its number, undefined when the
 * tag has none (or its quote never closes), NaN when it is not 1 to 9 digits.
 */
export function rowNumber(xml: Buffer, from: number, to: number): number | undefined {
  const at = attrValueAt(xml, from, to, R_ATTR);
  if (at < 0) return undefined;
  const close = xml.indexOf(0x22, at);
  if (close < 0 || close >= to) return undefined;
  const n = digitsIn(xml, at, close);
  return n < 0 ? NaN : n;
}

/** Whether a row's start tag, bytes [from, to), says hidden="1" (or LibreOffice's "true"). */
export function rowHidden(xml: Buffer, from: number, to: number): boolean {
  const at = attrValueAt(xml, from, to, HIDDEN_ATTR);
  return at >= 0 && at < to && (xml[at] === 0x31 || xml[at] === 0x74);
}
