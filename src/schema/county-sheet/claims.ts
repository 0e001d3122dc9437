// Takes: a row's 是否达标 cell, its name and the item it is of.
// Gives: the county's claim (达标 or not), kept for the item once, or an issue when it says neither.
import type { ChecklistItem } from '../../engine/checklist-rules';
import { makeIssue } from '../../issues/catalogue';
import { a1, type CellValue } from '../../read/types';
import { cellText } from '../values';
import { isBlank, yesNo } from './figures';
import { at, type CountySheetState } from './state';

export function readClaim(
  state: CountySheetState,
  r: number,
  cell: CellValue | undefined,
  name: string,
  item: ChecklistItem | null,
): boolean | undefined {
  if (isBlank(cell) || state.layout.claimCol === null) return undefined;
  const text = cellText(cell)!;
  const claim = yesNo(text, [], state.w);
  if (claim === undefined) {
    state.issues.push(
      makeIssue('COUNTY_FIGURE_UNCLEAR', at(state, r, state.layout.claimCol, name), {
        text,
        name: '是否达标',
        why: '不是“达标/未达标”或“是/否”',
      }),
    );
    return undefined;
  }
  const first = item ? state.claims.get(item.id) : undefined;
  if (item && !first)
    state.claims.set(item.id, { met: claim, sheet: state.sheet.name, cell: a1(r, state.layout.claimCol), text, name });
  // A second claim of the item that says otherwise is not dropped in silence: the first is kept, and this one said.
  else if (first && first.met !== claim)
    state.issues.push(
      makeIssue('CLAIM_CONFLICTS', at(state, r, state.layout.claimCol, name), {
        text,
        first: `${first.sheet}!${first.cell}`,
        firstText: first.text,
      }),
    );
  return claim;
}
