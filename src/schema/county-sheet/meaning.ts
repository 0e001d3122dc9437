// Takes: a row name of the county sheet (normalised), the kind of value beside it, the item above it.
// Gives: the figure or item it means (match, matchStandard), or several, or none; and the targets matched against.
import type { ChecklistItem, CountyInput, Wording } from '../../engine/checklist-rules';
import { itemInputs } from '../../engine/checklist-rules';
import type { Profile } from '../../engine/profile';
import type { CellValue } from '../../read/types';
import { matchName, normaliseKeywords, normaliseName, normaliseWording, type MatchResult, type Target } from '../match';
import { normaliseText } from '../text';
import { cellText } from '../values';
import type { ValueKind } from './figures';
import type { Layout } from './layout';
import { maxOf } from '../../common/lookup';

export type Meaning = { kind: 'input'; input: CountyInput } | { kind: 'item'; item: ChecklistItem };

/** The inputs a matched row fills, given what its value looks like. */
export function resolve(m: Meaning, kind: ValueKind): string[] {
  if (m.kind === 'input') return [m.input.id];
  const { ready, yesno } = itemInputs(m.item);
  if (kind === 'number') return ready.length ? ready : yesno;
  if (kind === 'yesno') return yesno.length ? yesno : ready;
  return [];
}

export const meaningLabel = (m: Meaning) => (m.kind === 'input' ? m.input.names[0]! : m.item.name);

/** What matching a row name reads: the targets, the profile's figures and items, its wording, and the page's layout. */
export interface Matcher {
  readonly targets: Target<Meaning>[];
  readonly itemOfInput: Map<string, ChecklistItem>;
  readonly inputById: Map<string, CountyInput>;
  readonly w: Wording;
  readonly layout: Layout;
}

/** The profile's figures and items, as targets for row names. */
export function targetsOf(profile: Profile, inputById: Map<string, CountyInput>, w: Wording): Target<Meaning>[] {
  const norm = (t: string) => normaliseWording(t, w.namePrefixes);
  return [
    ...profile.countyInputs.map((input): Target<Meaning> => ({
      value: { kind: 'input', input },
      aliases: input.names.map(norm),
      official: input.official ? [norm(input.official)] : [],
      keywords: normaliseKeywords(input.keywords),
    })),
    ...profile.checklist.map((item): Target<Meaning> => ({
      value: { kind: 'item', item },
      aliases: item.aliases.map(norm),
      official: [norm(item.name)],
      keywords: normaliseKeywords(item.keywords ?? []),
      guard: normaliseKeywords(itemInputs(item).all.flatMap((id) => inputById.get(id)?.keywords ?? [])),
    })),
  ];
}

/**
 * The meaning of a row name. An exact alias or official text decides at once. Otherwise a sub-row
 * is looked for among the figures of the item above it first, then everywhere; and in each scope
 * first among the figures that fit the value (a 是/否 for a 是/否; a number under a rate word or
 * written with % for a rate, any other number for a count or amount), then among all.
 */
export function match(
  state: Matcher,
  text: string,
  kind: ValueKind,
  valueText: string,
  within: ChecklistItem | null,
): MatchResult<Meaning> {
  const itemOf = (m: Meaning) => (m.kind === 'item' ? m.item : state.itemOfInput.get(m.input.id));
  const same = (a: Meaning, b: Meaning) => {
    if (a === b) return true;
    if (kind === 'none') return itemOf(a) === itemOf(b);
    const [x, y] = [resolve(a, kind), resolve(b, kind)];
    return x.length > 0 && x.length === y.length && x.every((id) => y.includes(id));
  };
  const exact = state.targets.filter((t) => t.aliases.includes(text) || t.official.includes(text));
  if (exact.length > 0 && exact.every((t) => same(t.value, exact[0]!.value)))
    return { kind: 'one', target: exact[0]!, how: 'alias' };

  const rate = state.w.rateWords.some((r) => text.includes(normaliseText(r))) || valueText.includes('%');
  const fits = (t: Target<Meaning>) =>
    kind === 'none' ||
    resolve(t.value, kind).every((id) => {
      const unit = state.inputById.get(id)!.unit;
      return kind === 'yesno' ? unit === 'yesno' : unit !== 'yesno' && (unit === 'percent') === rate;
    });
  const own = within ? new Set(itemInputs(within).all) : null;
  const scopes = own
    ? [(t: Target<Meaning>) => t.value.kind === 'input' && own.has(t.value.input.id), () => true]
    : [() => true];
  let result: MatchResult<Meaning> = { kind: 'none' };
  for (const scope of scopes)
    for (const fitting of [true, false]) {
      const found = matchName(
        text,
        state.targets.filter((t) => scope(t) && (!fitting || fits(t))),
        same,
      );
      // Weak candidates (their keywords do not hold) are chosen from only under the item they belong to.
      const local = own !== null && scope === scopes[0];
      result = found.kind === 'several' && found.weak && !local ? found : refine(found, fits, same);
      if (result.kind === 'one') return result;
    }
  return result;
}

/** The one meaning the row's 评估标准 texts have, if any. */
export function matchStandard(
  state: Matcher,
  cells: readonly (CellValue | undefined)[],
  kind: ValueKind,
  valueText: string,
  within: ChecklistItem | null,
): MatchResult<Meaning> | null {
  for (const col of state.layout.standardCols) {
    const text = cellText(cells[col]);
    if (!text) continue;
    const m = match(
      state,
      normaliseName(text, state.w.namePrefixes, state.w.subRowPrefixes).text,
      kind,
      valueText,
      within,
    );
    if (m.kind === 'one') return m;
  }
  return null;
}

/** Several candidates, of which those that fit the value may leave one. */
function refine(
  result: MatchResult<Meaning>,
  fits: (t: Target<Meaning>) => boolean,
  same: (a: Meaning, b: Meaning) => boolean,
): MatchResult<Meaning> {
  if (result.kind !== 'several') return result;
  const fitting = result.targets.filter((t) => fits(t));
  const distinct = fitting.filter((t, i) => fitting.findIndex((u) => same(u.value, t.value)) === i);
  return distinct.length === 1 ? { kind: 'one', target: distinct[0]!, how: 'similar' } : result;
}

/**
 * Among an item's figures, the one a clause's few words name (公务员 → 当地公务员年平均工资收入, 城区 → 城区就近入学比例):
 * the largest share of one of its names that the words hold as one run (2 characters at least), clearly ahead of the next.
 */
export function closestByWords(words: string, candidates: readonly Target<Meaning>[]): Target<Meaning> | undefined {
  const score = (t: Target<Meaning>) =>
    maxOf(
      t.aliases.map((a) => {
        const run = longestRun(words, a);
        return run >= 2 ? run / a.length : 0;
      }),
      0,
    );
  const ranked = candidates
    .map((t) => ({ t, s: score(t) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[1]!.s >= 0.8 * ranked[0]!.s)) return undefined;
  return ranked[0]!.t;
}

/** The length of the longest run of characters the two texts share. */
function longestRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  return best;
}
