// Takes: a row's value cells, a sentence of several figures (教师年均工资 90000 元，公务员 96200 元), and its item.
// Gives: each clause read as the item's figure it names, set and said (readClauses), or nothing when one does not read.
import type { ChecklistItem, CountyInput } from '../../engine/checklist-rules';
import { itemInputs } from '../../engine/checklist-rules';
import { makeIssue } from '../../issues/catalogue';
import type { CellValue } from '../../read/types';
import { matchName, normaliseName, type Target } from '../match';
import { normaliseText } from '../text';
import { cellText } from '../values';
import { parseFigure, PHRASE_NUMBER, yesNo, type ValueKind } from './figures';
import { closestByWords, type Meaning } from './meaning';
import { at, set, type CountySheetState } from './state';

/** Each value of the row read by its clauses (clauses()), when every one reads: set, and said. */
export function readClauses(state: CountySheetState, item: ChecklistItem, values: readonly { col: number; county: string | null; cell: CellValue | undefined }[], r: number, name: string, fewest = 2): boolean {
  const split = values.map((v) => ({ v, figures: clauses(state, item, v.cell, fewest) }));
  if (split.length === 0 || split.some((x) => x.figures === null)) return false;
  for (const { v, figures } of split) {
    for (const f of figures!) set(state, v.county, f.input, f.value, r, v.col, name);
    const read = figures!.map((f) => `${f.input.names[0]} ${f.value === true ? '是' : f.value === false ? '否' : f.text}`).join('；');
    state.issues.push(makeIssue('COUNTY_VALUE_SPLIT', { ...at(state, r, v.col, name), ...(v.county ? { county: v.county } : {}) }, { text: cellText(v.cell) ?? '', read }));
  }
  return true;
}

/**
 * The clauses of a sentence (split at ，；。), each read as one of the item's figures: its words name
 * the figure (matched among the item's own), its number is the value (a clause without words is the
 * item's one figure of that kind: “52%”), a clause without a number is a 是/否 (naming the figure, it
 * says 是 unless a negative marker says 否). Null unless there are `fewest` clauses or more (two: a
 * sentence; one: a number where 是/否 was asked) and each names a different figure.
 */
function clauses(state: CountySheetState, item: ChecklistItem, cell: CellValue | undefined, fewest: number): { input: CountyInput; value: number | boolean; text: string }[] | null {
  if (cell?.kind !== 'text') return null;
  const parts = cell.text.split(/[，,；;。]/).map((t) => t.trim()).filter(Boolean);
  if (parts.length < fewest) return null;
  const own = itemInputs(item).all.flatMap((id) => state.targets.filter((t) => t.value.kind === 'input' && t.value.input.id === id));
  const inputOf = (t: Target<Meaning>) => (t.value as { kind: 'input'; input: CountyInput }).input;
  const out: { input: CountyInput; value: number | boolean; text: string }[] = [];
  for (const part of parts) {
    const plain = normaliseText(part);
    const figures = [...plain.matchAll(PHRASE_NUMBER)];
    if (figures.length > 1) return null;
    const words = normaliseName(plain.replace(PHRASE_NUMBER, ''), state.w.namePrefixes, state.w.subRowPrefixes).text;
    const kind: ValueKind = figures.length ? 'number' : 'yesno';
    const fits = (input: CountyInput) => (kind === 'yesno' ? input.unit === 'yesno' : input.unit !== 'yesno' && (input.unit === 'percent') === (figures[0]![2] === '%'));
    const candidates = own.filter((t) => fits(inputOf(t)) && !out.some((o) => o.input === inputOf(t)));
    let target: Target<Meaning> | undefined;
    if (words) {
      const m = matchName(words, candidates);
      target = m.kind === 'one' ? m.target : closestByWords(words, candidates);
    } else if (candidates.length === 1) target = candidates[0];
    if (!target) return null;
    const input = inputOf(target);
    if (kind === 'yesno') {
      // A clause naming the figure (绩效工资足额核定, 向农村初中倾斜) says 是, unless a marker says otherwise (未足额核定: 否).
      const value = yesNo(part, input.names.map(normaliseText), state.w) ?? !state.w.noMarkers.some((m) => words.includes(normaliseText(m)));
      out.push({ input, value, text: part });
      continue;
    }
    const parsed = parseFigure({ kind: 'text', text: figures[0]![0] }, input, null, state.w, false);
    if (parsed.ok !== true || typeof parsed.value !== 'number') return null;
    out.push({ input, value: parsed.value, text: figures[0]![0] });
  }
  return out;
}
