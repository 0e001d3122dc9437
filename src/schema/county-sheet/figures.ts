// Takes: one cell of the county sheet (and the figure it is read as, the profile's wording).
// Gives: what it holds: blank or not, its kind of value, 是/否, or the figure it says (parseFigure).
import type { CountyInput, Wording } from '../../engine/checklist-rules';
import type { IssueCode, IssueParams } from '../../issues/catalogue';
import type { CellValue } from '../../read/types';
import { lookup } from '../../common/lookup';
import { normaliseText } from '../text';
import { cellText, impossibleText, isBlankText, parseNumber } from '../values';

export type ValueKind = 'yesno' | 'number' | 'none';

/** Past any county's figure: 10 million people (or rooms, or a ratio's parts), 10 万亿元. */
const COUNTY_MAX = 1e7;
const COUNTY_MAX_YUAN = 1e13;
const YUAN_FACTORS: Readonly<Record<string, number>> = { 万元: 10000, 千元: 1000 };

export const isBlank = (cell: CellValue | undefined) => {
  if (!cell) return true;
  if (cell.kind === 'text') return isBlankText(cell.text);
  return false;
};

export function valueKind(cell: CellValue | undefined, w: Wording): ValueKind {
  if (isBlank(cell)) return 'none';
  if (cell!.kind === 'number') return 'number';
  const text = cellText(cell) ?? '';
  const t = normaliseText(text);
  if (setOf(w.yes).has(t) || setOf(w.no).has(t)) return 'yesno';
  return /[0-9]/.test(t) ? 'number' : 'yesno';
}

const cache = new WeakMap<readonly string[], Set<string>>();
function setOf(list: readonly string[]): Set<string> {
  let s = cache.get(list);
  if (!s) cache.set(list, (s = new Set(list.map(normaliseText))));
  return s;
}

/** 是/否 from a whole cell or a phrase; undefined when it says neither. `own`: the item's words, removed first. */
export function yesNo(text: string, own: readonly string[], w: Wording): boolean | undefined {
  const t = normaliseText(text);
  // A figure named by “none of” (无过重课业负担): a bare 无 restates it (是), a bare 有 denies it (否).
  const none = w.existenceWords.none.map(normaliseText);
  if (own.some((o) => none.some((n) => o.startsWith(n)))) {
    if (none.includes(t)) return true;
    if (setOf(w.existenceWords.has).has(t)) return false;
  }
  if (setOf(w.yes).has(t)) return true;
  if (setOf(w.no).has(t)) return false;
  // The figure's own names and the phrases that are no answer (不低于, 均衡) taken out before the markers are
  // looked for (withoutPhrases).
  const rest = withoutPhrases(t, [...own, ...w.notNegative]);
  if (w.noMarkers.some((m) => rest.includes(normaliseText(m)))) return false;
  if (w.yesMarkers.some((m) => rest.includes(normaliseText(m)))) return true;
  return undefined;
}

type Figure =
  | { ok: true; value: number | boolean | undefined }
  | { ok: false; code: IssueCode; params: IssueParams }
  /** `percent`: a percentage where a count or amount is asked (the item's share may be meant). */
  | { ok: 'unclear'; why: string; percent?: true };

export const PHRASE_NUMBER = /([0-9]+(?:\.[0-9]+)?)(%|万元|千元|元|人|名|间|所|个|次)?/g;

/** A figure from a cell: a number, a number with its unit, a short phrase holding one figure, or 是/否. */
/** Whether a county cell holds a number (90000, “教师年均工资 90000 元”); a year or a date (2023年完成) is none. */
/** A year in a sentence (2024年, 2023年度, 2024学年): a date, never a figure. */
export const YEAR = /(?:19|20)[0-9]{2}(?:年度|学年|年)/g;

export const holdsNumber = (cell: CellValue | undefined) =>
  cell?.kind === 'number' ||
  (cell?.kind === 'text' &&
    /[0-9]/.test(
      normaliseText(cell.text).replace(/[0-9]{4}(?:年|[-./])(?:[0-9]{1,2}(?:月|[-./])?(?:[0-9]{1,2}日?)?)?/g, ''),
    ));

export function parseFigure(
  cell: CellValue | undefined,
  input: CountyInput,
  rowUnit: string | null,
  w: Wording,
  phrasesExpected: boolean,
): Figure {
  if (input.unit === 'yesno') {
    const text = cellText(cell);
    if (text === undefined) return { ok: true, value: undefined };
    const v = yesNo(text, input.names.map(normaliseText), w);
    if (v !== undefined) return { ok: true, value: v };
    if (phrasesExpected) return { ok: 'unclear', why: '看不出“是”还是“否”' };
    return { ok: false, code: 'INVALID_VALUE', params: { text, allowed: '是、否' } };
  }
  const text = cell?.kind === 'text' ? normaliseText(cell.text) : null;
  let unit: string | null = null;
  let n: number;
  if (text !== null) {
    const m = /^([0-9.,]+)(%|万元|千元|元)$/.exec(text);
    const whole = m ? parseNumber({ kind: 'text', text: m[1]! }, true) : parseNumber(cell, true);
    if (m && whole.ok && whole.value !== undefined) [n, unit] = [whole.value, m[2]!];
    else if (whole.ok && whole.value !== undefined) n = whole.value;
    else if (whole.ok) return { ok: true, value: undefined };
    else {
      const figures = [...text.replace(YEAR, '').matchAll(PHRASE_NUMBER)].map((x) => ({
        n: Number(x[1]),
        unit: x[2] ?? null,
        text: x[0],
      }));
      const fits = (u: string | null) =>
        input.unit === 'percent'
          ? u === '%'
          : input.unit === 'yuan'
            ? u === '元' || u === '万元' || u === '千元'
            : input.unit === 'count'
              ? u === '人' || u === '名' || u === null
              : u === null;
      const fitting = figures.filter((f) => fits(f.unit));
      const pick = fitting.length === 1 ? fitting[0] : figures.length === 1 ? figures[0] : undefined;
      if (!pick) {
        if (figures.length === 0 && !phrasesExpected) return whole;
        const shown = fitting.length > 1 ? fitting : figures;
        return {
          ok: 'unclear',
          why: figures.length ? `含有多个数字（${shown.map((f) => f.text).join('、')}），无法确定取哪一个` : '没有数字',
        };
      }
      [n, unit] = [pick.n, pick.unit];
    }
  } else {
    const parsed = parseNumber(cell, true);
    if (!parsed.ok) return parsed;
    if (parsed.value === undefined) return { ok: true, value: undefined };
    n = parsed.value;
  }
  if (n < 0) return { ok: false, code: 'NEGATIVE_VALUE', params: { value: n } };
  // A county's figure past any county's (10 million people, 10 万亿元): a typo or a hostile file, never computed with.
  const yuan = n * (lookup(YUAN_FACTORS, unit ?? rowUnit ?? '') ?? 1);
  const max = input.unit === 'yuan' ? COUNTY_MAX_YUAN : COUNTY_MAX;
  if (!((input.unit === 'yuan' ? yuan : n) <= max))
    return { ok: false, code: 'VALUE_IMPOSSIBLE', params: { value: impossibleText(n), max: impossibleText(max) } };
  if (unit === '%' && input.unit !== 'percent')
    return { ok: 'unclear', why: '写的是百分比，而此项应填人数或金额', percent: true };
  switch (input.unit) {
    case 'percent': {
      const asPercent = unit === '%' || rowUnit === '%' || n > 1;
      const value = asPercent ? n / 100 : n;
      if (value > 1) return { ok: false, code: 'RATIO_OUT_OF_RANGE', params: { text: cellText(cell) ?? String(n) } };
      return { ok: true, value };
    }
    case 'count':
      return Number.isInteger(n) ? { ok: true, value: n } : { ok: false, code: 'NOT_INTEGER', params: { value: n } };
    case 'yuan':
      return { ok: true, value: yuan };
    case 'number':
      return { ok: true, value: n };
  }
}

/**
 * A text with each of the phrases taken out, a space left where each was: its neighbours do not join into a marker
 * (基本均衡达标 less 均衡 is no 基本达标). Before the 是/否 markers are looked for (yesNo, a sentence's 是/否 clause).
 */
export function withoutPhrases(text: string, phrases: readonly string[]): string {
  let rest = text;
  for (const p of phrases) rest = rest.split(normaliseText(p)).join(' ');
  return rest;
}
