// Takes: a sheet and the profile's wording of school columns.
// Gives: the row (or row pair) that is its header, each column's text and field (findHeader), or the nearest to one (nearHeader).
/**
 * Finding the header row (below title rows, possibly two rows with merged parents,
 * possibly followed by a unit row); its cells are matched to fields by field-match.ts.
 */
import { FIELD_BY_ID, SUMMED, UP_TO_STANDARD_HEADER, UP_TO_STANDARD_OF } from '../columns';
import { mergeAt, type Sheet } from '../../read/types';
import { normaliseText } from '../text';
import { textAt } from './cells';
import { matchHeader, passesOf, type ColumnWording, type HeaderMatch, type Pass } from './field-match';
import { append, maxOf } from '../../common/lookup';

const rowWidth = (sheet: Sheet, ...rows: number[]) =>
  maxOf(
    rows.map((r) => sheet.row(r)?.length ?? 0),
    0,
  );

export interface HeaderCandidate {
  /** 0-based first header row. */
  row: number;
  /** 1 or 2 header rows. */
  height: 1 | 2;
  /** Per column: the header text and its match; `texts`, every text tried for it (a parent and its part joined, the part alone). */
  columns: { col: number; header: string; match: ReturnType<typeof matchHeader>; texts: readonly string[] }[];
  score: number;
}

/**
 * A row (or row pair) read as a header. Keywords are tried only where the wordings found a 学校名称
 * column or several columns (STRONG_HEADER): data rows (names, numbers) are then never matched word
 * by word, and a header whose name column is worded as no list has it (学校全称) is still found.
 */
function candidate(sheet: Sheet, row: number, height: 1 | 2, wording: ColumnWording): HeaderCandidate {
  const passes = passesOf(wording);
  const byWordings = readCandidate(sheet, row, height, passes);
  return hasField(byWordings, 'name') || byWordings.score >= STRONG_HEADER
    ? readCandidate(sheet, row, height, passes, true)
    : byWordings;
}
/** Columns matched by their wordings alone that make a row a header worth reading by keywords too (no data row has two). */
const STRONG_HEADER = 2;

function readCandidate(
  sheet: Sheet,
  row: number,
  height: 1 | 2,
  passes: { wordings: Pass; keywords: Pass },
  withKeywords = false,
): HeaderCandidate {
  const { wordings, keywords } = passes;
  const columns: HeaderCandidate['columns'] = [];
  let previousField: string | null = null;
  const width = rowWidth(sheet, row, row + height - 1);
  const titleCol = height === 2 ? loneTitle(sheet, row, width) : -1;
  /** The parent of a run of parts written once over them, not merged (a CSV, or typed once): the parts after the first have it too. */
  let parentRun = '';
  for (let col = 0; col < width; col++) {
    // A title above a header row is no parent of its columns: 某某县…统计表 + 学校名称 is no header text.
    let top = height === 2 && (col === titleCol || isTitleCell(sheet, row, col, width)) ? '' : textAt(sheet, row, col);
    const bottom = height === 2 ? textAt(sheet, row + 1, col) : '';
    if (height === 2) {
      if (!top && bottom) top = parentRun;
      // Merged parents carry their own span.
      parentRun = bottom && !mergeAt(sheet, row, col) ? top : '';
    }
    const joined = !bottom || bottom === top ? [top] : !top ? [bottom] : [bottom, top + bottom, bottom + top];
    // Wordings of the joined texts, then their keywords, and only then the parent alone: 在校学生数 over
    // 小学 | 初中 means 小学在校生数 and 初中在校生数, not 在校生数 twice. A parent and its part joined are
    // worded before the part alone: 小学 over 毕业生数 | 招生数 | 在校生数 is 小学在校生数, not the 在校生数 of a one-level school.
    const attempts: [string, Pass][] = [...joined.slice(1), joined[0]!].map((o) => [o, wordings]);
    if (withKeywords)
      append(
        attempts,
        joined.map((o): [string, Pass] => [o, keywords]),
      );
    if (joined.length > 1)
      append(attempts, [[top, wordings], ...(withKeywords ? [[top, keywords] as [string, Pass]] : [])]);
    let header = joined[0]!;
    let match: ReturnType<typeof matchHeader> = null;
    for (const [option, pass] of attempts) {
      match = option ? matchHeader(option, pass) : null;
      if (match) {
        header = option;
        break;
      }
    }
    // A part under its sum's parent (体育艺术专任教师 over 体育 | 音乐 | 美术): the part, whatever the parent's words.
    if (match && height === 2 && top && bottom && bottom !== top)
      match = partUnder(match, top, bottom, passes) ?? match;
    if (!match && previousField && normaliseText(header) === UP_TO_STANDARD_HEADER && UP_TO_STANDARD_OF[previousField])
      match = { field: FIELD_BY_ID.get(UP_TO_STANDARD_OF[previousField]!)!, section: null, unit: null };
    if (header) columns.push({ col, header, match, texts: joined });
    if (match) previousField = match.field.id;
  }
  const distinct = new Set(columns.filter((c) => c.match).map((c) => `${c.match!.section}:${c.match!.field.id}`));
  return { row, height, columns, score: distinct.size };
}

/**
 * The part of a summed field (SUMMED: 体育艺术 = 体育 + 音乐 + 美术; 骨干 = 县级 + 市级 + 省级 + 国家级) that a child
 * header names, when its parent alone names the sum (专任教师 over 体育艺术 is no such parent): the words that tell the parts' labels apart (their labels less
 * the end they share: 体育, 音乐, 美术) are looked for in the child, and exactly one must be there. A child that
 * is itself the sum (合计, 小计, or the field's own words) stays the sum.
 */
function partUnder(
  match: NonNullable<HeaderMatch>,
  parent: string,
  child: string,
  passes: { wordings: Pass; keywords: Pass },
): HeaderMatch | null {
  const summed = (SUMMED as Partial<Record<string, (typeof SUMMED)[keyof typeof SUMMED]>>)[match.field.id];
  if (!summed) return null;
  const named = (text: string) => (matchHeader(text, passes.wordings) ?? matchHeader(text, passes.keywords))?.field.id;
  const own = normaliseText(child);
  if (named(parent) !== match.field.id || named(own) === match.field.id) return null;
  const labels = summed.parts.map((p) => FIELD_BY_ID.get(p)!.label);
  let shared = 0;
  while (shared < labels[0]!.length && labels.every((l) => l.at(-1 - shared) === labels[0]!.at(-1 - shared))) shared++;
  const found = summed.parts.filter((_, i) => own.includes(labels[i]!.slice(0, labels[i]!.length - shared)));
  return found.length === 1 ? { ...match, field: FIELD_BY_ID.get(found[0]!)! } : null;
}

/**
 * The column of a title written in one cell, not merged, above a header row (某某区…汇总表（2025年）):
 * the only text of its row and a long one (a parent such as 在校学生数 is short). -1: none.
 */
function loneTitle(sheet: Sheet, row: number, width: number): number {
  let found = -1;
  for (let col = 0; col < width; col++) {
    const cell = sheet.row(row)[col];
    if (!cell || (cell.kind === 'text' && !cell.text.trim())) continue;
    if (found >= 0) return -1;
    found = col;
  }
  if (found < 0 || mergeAt(sheet, row, found)) return -1;
  return textAt(sheet, row, found).length >= TITLE_LENGTH ? found : -1;
}
/** Characters from which the lone text of a row above a header is a title, not a parent. */
const TITLE_LENGTH = 12;

/** Whether (row, col) lies in a merge across more than half of the row's columns (and four at least): a title. */
function isTitleCell(sheet: Sheet, row: number, col: number, width: number): boolean {
  const m = mergeAt(sheet, row, col);
  if (!m) return false;
  const span = m.right - m.left + 1;
  return span >= 4 && 2 * span > width;
}

const hasField = (c: HeaderCandidate, id: string) => c.columns.some((col) => col.match?.field.id === id);

/** A title row read as the top half of a two-row header adds nothing: prefer the single row. */
const sameHeaderWithoutRowAbove = (c: HeaderCandidate, best: HeaderCandidate) =>
  c.score === best.score && c.height === 1 && best.height === 2 && c.row === best.row + 1;

/** Rows scanned for a header: title rows and notes rarely take more than this. */
const HEADER_SCAN_ROWS = 30;

/** The best header of a sheet: the row (or row pair) matching the most fields, with a school name column. */
export function findHeader(sheet: Sheet, wording: ColumnWording): HeaderCandidate | null {
  return bestCandidate(sheet, wording, (c) => hasField(c, 'name'));
}

/**
 * When a sheet has no header: the row (or row pair) most like one, without a 学校名称 column, for
 * the message (which columns it read, which it did not). Null when no row reads two columns.
 */
export function nearHeader(sheet: Sheet, wording: ColumnWording): HeaderCandidate | null {
  return bestCandidate(sheet, wording, () => true);
}

/** Among the first rows (and row pairs) that `accept` takes and that read two fields at least, the one reading most. */
function bestCandidate(
  sheet: Sheet,
  wording: ColumnWording,
  accept: (c: HeaderCandidate) => boolean,
): HeaderCandidate | null {
  let best: HeaderCandidate | null = null;
  for (let row = 0; row < Math.min(sheet.rowCount, HEADER_SCAN_ROWS); row++) {
    for (const height of [1, 2] as const) {
      const c = candidate(sheet, row, height, wording);
      if (accept(c) && c.score >= 2 && (!best || c.score > best.score || sameHeaderWithoutRowAbove(c, best))) best = c;
    }
  }
  return best;
}
