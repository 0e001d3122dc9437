// Takes: the figures and claims read so far, the page being read, and one more figure.
// Gives: the figure kept for its county (once; a later row of it said), and a cell's position for an issue.
import type { CountyClaim, CountyFigure } from '../../engine/checklist';
import type { CountyInput } from '../../engine/checklist-rules';
import { makeIssue, type Issue } from '../../issues/catalogue';
import { a1, type Sheet } from '../../read/types';
import type { Layout } from './layout';
import type { Matcher } from './meaning';

/** What reading the county sheet holds as it goes: what it found, and the page being read. */
export interface CountySheetState extends Matcher {
  readonly issues: Issue[];
  readonly figures: Map<string | null, Map<string, CountyFigure>>;
  readonly claims: Map<string, CountyClaim>;
  readonly firstRow: Map<string, string>;
  readonly fromClaim: Set<string>;
  /** The page being read. */
  sheet: Sheet;
  layout: Layout;
  /** The figure set last, and the row it was on: a row right below a ratio's one term may be its other. */
  lastSet: { row: number; input: CountyInput } | null;
}

/** `fromClaim`: taken from the 是否达标 column; a figure written for it in a row of its own replaces it. */
export function set(
  state: CountySheetState,
  county: string | null,
  input: CountyInput,
  value: number | boolean,
  r: number,
  col: number,
  name: string,
  fromClaim = false,
) {
  const cell = a1(r, col);
  const seenKey = `${county ?? ''}\u0000${input.id}`;
  const first = state.firstRow.get(seenKey);
  if (first !== undefined) {
    if (fromClaim) return; // a figure (or an earlier claim) is there already
    if (!state.fromClaim.has(seenKey)) {
      state.issues.push(
        makeIssue(
          'DUPLICATE_COUNTY_ROW',
          { ...at(state, r, col, name), ...(county ? { county } : {}) },
          { firstCell: first, name },
        ),
      );
      return;
    }
  }
  state.firstRow.set(seenKey, `${state.sheet.name}!${cell}`);
  state.lastSet = { row: r, input };
  if (fromClaim) state.fromClaim.add(seenKey);
  else state.fromClaim.delete(seenKey);
  const forCounty = state.figures.get(county) ?? new Map<string, CountyFigure>();
  forCounty.set(input.id, { value, sheet: state.sheet.name, cell, name });
  state.figures.set(county, forCounty);
}

export function at(state: Pick<CountySheetState, 'sheet'>, r: number, col: number, column: string) {
  return { sheet: state.sheet.name, cell: a1(r, col), column };
}
