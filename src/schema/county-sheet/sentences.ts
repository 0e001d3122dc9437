// Takes: a row's value cells, a sentence of several figures (教师年均工资 90000 元，公务员 96200 元), and its item.
// Gives: each clause read as the item's figure it names, set and said (readClauses), or nothing when one does not read.
import type { ChecklistItem, CountyInput } from '../../engine/checklist-rules';
import { itemInputs } from '../../engine/checklist-rules';
import { makeIssue } from '../../issues/catalogue';
import type { CellValue } from '../../read/types';
import { matchName, normaliseName, type Target } from '../match';
import { normaliseText } from '../text';
import { cellText } from '../values';
import { parseFigure, PHRASE_NUMBER, withoutPhrases, YEAR, yesNo, type ValueKind } from './figures';
import { closestByWords, type Meaning } from './meaning';
import { at, set, type CountySheetState } from './state';

/** Each value of the row read by its clauses (clauses()), when every one reads: set, and said. */
export function readClauses(
  state: CountySheetState,
  item: ChecklistItem,
  values: readonly { col: number; county: string | null; cell: CellValue | undefined }[],
  r: number,
  name: string,
  fewest = 2,
): boolean {
  const split = values.map((v) => ({ v, figures: clauses(state, item, v.cell, fewest) }));
  if (split.length === 0 || split.some((x) => x.figures === null)) return false;
  for (const { v, figures } of split) {
    for (const f of figures!) set(state, v.county, f.input, f.value, r, v.col, name);
    const read = figures!
      .map((f) => `${f.input.names[0]} ${f.value === true ? '是' : f.value === false ? '否' : f.text}`)
      .join('；');
    state.issues.push(
      makeIssue(
        'COUNTY_VALUE_SPLIT',
        { ...at(state, r, v.col, name), ...(v.county ? { county: v.county } : {}) },
        { text: cellText(v.cell) ?? '', read },
      ),
    );
  }
  return true;
}

/**
 * The clauses of a sentence (split at ，；。), each cut at its numbers into figures: the words before a
 * number name the figure (matched among the item's own), the number is its value; a clause without a
 * number is a 是/否 (naming the figure, it says 是 unless a negative marker says 否). A year (2024年) is a
 * date, never a figure. A figure whose words name nothing (“占…的11.4%”: 的; “占21.9%”) is the item's next
 * figure of its kind not yet read, in the item's order (the rate, then the sub-rate after 其中). A number
 * without % is a rate when its words say so (校际差异率0.13). Null unless there are `fewest` figures or
 * more (two: a sentence; one: a number where 是/否 was asked) and each names a different figure.
 */
function clauses(
  state: CountySheetState,
  item: ChecklistItem,
  cell: CellValue | undefined,
  fewest: number,
): { input: CountyInput; value: number | boolean; text: string }[] | null {
  if (cell?.kind !== 'text') return null;
  const segments: { words: string; number: RegExpMatchArray | null; text: string }[] = [];
  for (const part of cell.text
    .split(/[，,；;。]/)
    .map((t) => t.trim())
    .filter(Boolean)) {
    const plain = normaliseText(part).replace(YEAR, '');
    const numbers = [...plain.matchAll(PHRASE_NUMBER)];
    if (numbers.length === 0) segments.push({ words: plain, number: null, text: part });
    let from = 0;
    for (const m of numbers) {
      segments.push({ words: plain.slice(from, m.index), number: m, text: m[0] });
      from = m.index + m[0].length;
    }
  }
  if (segments.length < fewest) return null;
  const own = itemInputs(item).all.flatMap((id) =>
    state.targets.filter((t) => t.value.kind === 'input' && t.value.input.id === id),
  );
  const inputOf = (t: Target<Meaning>) => (t.value as { kind: 'input'; input: CountyInput }).input;
  const rateWords = state.w.rateWords.map(normaliseText);
  const out: { input: CountyInput; value: number | boolean; text: string }[] = [];
  for (const { words: raw, number, text } of segments) {
    const words = normaliseName(raw, state.w.namePrefixes, state.w.subRowPrefixes).text;
    const kind: ValueKind = number ? 'number' : 'yesno';
    // With %, a rate; without, a rate only when its words say so (校际差异率0.13), else a count or amount.
    const percent = number?.[2] === '%';
    const rated = percent || rateWords.some((r) => words.includes(r));
    const fits = (input: CountyInput) =>
      kind === 'yesno'
        ? input.unit === 'yesno'
        : input.unit !== 'yesno' && (percent ? input.unit === 'percent' : rated || input.unit !== 'percent');
    const candidates = own.filter((t) => fits(inputOf(t)) && !out.some((o) => o.input === inputOf(t)));
    const named = kind === 'number' ? stripFillers(words, state.w.fillerWords) : words;
    let target: Target<Meaning> | undefined;
    if (named) {
      const m = matchName(named, candidates);
      target = m.kind === 'one' ? m.target : closestByWords(named, candidates);
    }
    // Words that name nothing (占, 的, 其中): the item's next figure of this kind.
    if (!target && kind === 'number' && !named) target = candidates[0];
    if (!target) return null;
    const input = inputOf(target);
    if (kind === 'yesno') {
      // A clause naming the figure (绩效工资足额核定, 向农村初中倾斜) says 是, unless a marker says otherwise (未足额核定: 否).
      // 不低于 / 不超过 are no negatives (as in yesNo): taken out before the markers are looked for, leaving a space
      // (基本均衡实现 is no 基本实现).
      const plain = withoutPhrases(words, state.w.notNegative);
      const value =
        yesNo(text, input.names.map(normaliseText), state.w) ??
        !state.w.noMarkers.some((m) => plain.includes(normaliseText(m)));
      out.push({ input, value, text });
      continue;
    }
    const parsed = parseFigure({ kind: 'text', text: number![0] }, input, null, state.w, false);
    if (parsed.ok !== true || typeof parsed.value !== 'number') return null;
    out.push({ input, value: parsed.value, text: number![0] });
  }
  return out;
}

/** The words less those that join a sentence's figures and name none (wording.fillerWords: 占…的, 为, 其中), longest first. */
const stripFillers = (words: string, fillers: readonly string[]) =>
  [...fillers]
    .map(normaliseText)
    .sort((a, b) => b.length - a.length)
    .reduce((t, f) => t.split(f).join(''), words);
