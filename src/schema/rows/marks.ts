// Takes: a data row's cells (its first text normalised), the table's columns, and the profile's words for rows.
// Gives: what kind of row it is when no school: a total, a note, a 学段 heading (and its type), the header again, cells outside the table.
import type { Wording } from '../../engine/checklist-rules';
import type { SchoolType } from '../../engine/types';
import type { CellValue } from '../../read/types';
import type { ColumnMatch } from '../header/layout';
import { normaliseText } from '../text';
import { cellText, schoolValueSpecs, typeWords } from '../values';

/** Which first texts (normalised) make a row a total, a note or a 学段 heading, from the profile's wording. */
interface RowMarks {
  total: (lead: string) => boolean;
  /** A breakdown of the total above (其中：小学): skipped as a total, within its county. */
  breakdown: (lead: string) => boolean;
  note: (lead: string) => boolean;
  section: (lead: string) => boolean;
  /** The 学校类型 a 学段 heading (or a sheet named as one) names: 小学部分 → 小学; null when none or several. */
  sectionType: (lead: string) => SchoolType | null;
}
/** 一、 · （二） · 3. · 4、 · 表1: the numbering of a heading (or of a sheet's name). */
const NUMBERING = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[、.]|表\d+[-、.:]?)/;
/** Per wording (a custom profile may share its schoolRows object with the built-in and add schoolValues words: keyed by both's owner). */
const MARKS = new WeakMap<Pick<Wording, 'schoolRows' | 'schoolValues'>, RowMarks>();
export function rowMarks(wording: Pick<Wording, 'schoolRows' | 'schoolValues'>): RowMarks {
  let marks = MARKS.get(wording);
  if (!marks) {
    const { schoolRows: words, schoolValues: values } = wording;
    // The words as a normalised first text has them (full-width → half-width, no spaces): a profile may write 注： or 填 表.
    const asRead = (list: readonly string[]) =>
      list.map((w) =>
        w
          .normalize('NFKC')
          .replace(/[\s\u3000]+/g, '')
          .toLowerCase(),
      );
    const [totalMarks, totalTexts, totalPrefixes, notePrefixes, noteTexts] = [
      asRead(words.totalMarks),
      asRead(words.totalTexts),
      asRead(words.totalPrefixes),
      asRead(words.notePrefixes),
      asRead(words.noteTexts),
    ];
    const types = typeWords(values);
    const suffixes = ['', ...asRead(words.sectionSuffixes)];
    const { aliases } = schoolValueSpecs(values).type;
    marks = {
      total: (lead) => totalMarks.some((m) => lead.includes(m)) || totalTexts.includes(lead),
      breakdown: (lead) => totalPrefixes.some((p) => lead.startsWith(p)),
      note: (lead) => notePrefixes.some((p) => lead.startsWith(p)) || noteTexts.includes(lead),
      section: (lead) => {
        const rest = lead.replace(NUMBERING, '');
        // Numbered, any text naming a type (二、初中学校); else a type and a suffix only (小学部分), never a school's own name.
        return rest === lead
          ? types.some((t) => suffixes.some((x) => lead === t + x))
          : types.some((t) => rest.includes(t));
      },
      sectionType: (lead) => {
        const rest = lead.replace(NUMBERING, '');
        const words = types.filter((t) => (rest === lead ? suffixes.some((x) => lead === t + x) : rest.includes(t)));
        // The longest word decides between words inside one another (一、小学教学点: 教学点, not 小学).
        const kinds = new Set(words.filter((w) => !words.some((o) => o !== w && o.includes(w))).map((w) => aliases[w]));
        const [only] = kinds;
        return kinds.size === 1 && only !== undefined ? only : null;
      },
    };
    MARKS.set(wording, marks);
  }
  return marks;
}

/** The first text of a row's cells. */
export const firstText = (cells: readonly (CellValue | undefined)[]) => {
  for (const c of cells) {
    const t = cellText(c);
    if (t) return t;
  }
  return '';
};

export function cellCount(cells: readonly (CellValue | undefined)[]): number {
  let n = 0;
  for (let i = 0; i < cells.length; i++)
    if (cells[i] !== undefined && (cells[i]!.kind !== 'text' || (cells[i] as { text: string }).text.trim() !== '')) n++;
  return n;
}

/** Whether most of the table's columns hold their own header text in this row (three at least, the name among them). */
export function headerAgain(
  cells: readonly (CellValue | undefined)[],
  columns: readonly ColumnMatch[],
  headerTexts: readonly string[],
): boolean {
  let same = 0;
  for (let k = 0; k < columns.length; k++) {
    const t = cellText(cells[columns[k]!.col]);
    if (t !== undefined && normaliseText(t) === headerTexts[k]) same++;
  }
  return same >= 3 && 2 * same > columns.length;
}

export function anyCell(cells: readonly (CellValue | undefined)[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i] !== undefined) return true;
  return false;
}

export function inTable(cells: readonly (CellValue | undefined)[], columns: readonly ColumnMatch[]): boolean {
  for (let i = 0; i < columns.length; i++) if (cells[columns[i]!.col] !== undefined) return true;
  return false;
}

export function textsOf(cells: readonly (CellValue | undefined)[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    const t = cellText(c);
    if (t) out.push(t);
  }
  return out;
}
