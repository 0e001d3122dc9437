/**
 * A table's column widths, from what its columns hold. Each column is as wide as its longest cell,
 * long texts wrapping at 18 characters and a header over two lines (a short one on one), widened
 * to fill the width, first the columns whose texts or headers wrap. When that is too wide, texts wrap at 12
 * characters and headers over three lines. A table still too wide goes on a landscape page, and
 * there, if need be, every column gives up part of what it has above its floor: a short number
 * keeps its width (a number cannot wrap), a text keeps three characters.
 */
import { maxOf } from '../../common/lookup';
import { cellText, type WrittenTable } from '../written';

/**
 * Width in ems of the table's font: a CJK or full-width character is one, a space or a stop 0.35,
 * capitals 0.8, other Latin letters and digits 0.65 (Times New Roman's digits are 0.5; DejaVu Serif,
 * which stands in for it where it is missing, has 0.64).
 */
export function textEms(s: string): number {
  let w = 0;
  for (const ch of s)
    w += ch.codePointAt(0)! >= 0x2000 ? 1 : /[ .,:;!|'()[\]]/.test(ch) ? 0.35 : /[A-Z_@%&MW]/.test(ch) ? 0.8 : 0.65;
  return w;
}

/** The longest run a line cannot break inside: Latin letters, digits and their punctuation (CJK breaks anywhere). */
const longestToken = (s: string) => maxOf((s.match(/[\u0021-\u1fff]+/g) ?? []).map(textEms), 0);

/** The cell's margins (1 mm each side, about half an em) and a little room. */
const PAD = 0.8;
const MIN = 2;
/** A header this short stays on one line. */
const SHORT_HEADER = 6;
const LAYOUTS = [
  { cap: 18, headerLines: 2 },
  { cap: 12, headerLines: 3 },
] as const;

interface Column {
  longest: number;
  token: number;
  header: number;
}

function columns(t: WrittenTable): Column[] {
  return t.header.map((h, i) => {
    let longest = 0;
    let token = longestToken(h);
    for (const r of t.rows) {
      const text = cellText(r[i] ?? '');
      longest = Math.max(longest, textEms(text));
      token = Math.max(token, longestToken(text));
    }
    return { longest, token, header: textEms(h) };
  });
}

const need = (c: Column, layout: (typeof LAYOUTS)[number]) =>
  Math.max(
    Math.min(c.longest, layout.cap),
    c.header <= SHORT_HEADER ? c.header : c.header / layout.headerLines,
    c.token,
    MIN,
  ) + PAD;

/**
 * Twips per column, summing to at most `available`. `natural`: null when the table needs more;
 * `fit`: narrowed towards each column's floor, null when even the floors need more; `force`:
 * the floors in proportion.
 */
export function columnWidths(
  t: WrittenTable,
  available: number,
  size: number,
  mode: 'natural' | 'fit' | 'force' = 'natural',
): number[] | null {
  const em = size * 20;
  const room = available / em;
  const cols = columns(t);
  const twips = (ems: readonly number[]) => ems.map((x) => Math.floor(x * em));
  for (const layout of LAYOUTS) {
    const widths = cols.map((c) => need(c, layout));
    if (sum(widths) <= room) return twips(widen(widths, cols, room));
  }
  if (mode === 'natural') return null;
  const wanted = cols.map((c) => need(c, LAYOUTS[1]));
  // What a column cannot give up: a short number its whole width (it cannot wrap), a text three characters.
  const floor = cols.map((c, i) =>
    Math.min(
      wanted[i]!,
      (t.align?.[i] === 'r' && c.longest <= 8 ? c.longest : Math.max(c.token, Math.min(c.longest, 3))) + PAD,
    ),
  );
  const least = sum(floor);
  if (least > room) return mode === 'force' ? twips(floor.map((x) => (x * room) / least)) : null;
  // Every column gives up the same share of what it has above its floor.
  const share = (room - least) / (sum(wanted) - least);
  return twips(wanted.map((x, i) => floor[i]! + (x - floor[i]!) * share));
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The room left: first to the columns whose texts or headers wrap (up to one line), then to all in proportion. */
function widen(widths: readonly number[], cols: readonly Column[], room: number): number[] {
  const short = widths.map((w, i) => Math.max(0, Math.max(cols[i]!.longest, cols[i]!.header) + PAD - w));
  const spare = room - sum(widths);
  const wrapped = sum(short);
  const first = Math.min(spare, wrapped);
  const out = widths.map((w, i) => w + (wrapped > 0 ? (first * short[i]!) / wrapped : 0));
  const rest = room - sum(out);
  const total = sum(out);
  return out.map((w) => w + (rest * w) / total);
}
