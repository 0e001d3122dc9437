// Takes: a source file, the profile, and the school sheets' names and counties.
// Gives: the county sheet read (which sheets, then readCountySheet), or none, and what each county of the run takes from it.
/**
 * The optional county sheet (县级指标), in any of the layouts counties use:
 * - the template's 指标 | 数值 | 说明;
 * - batch files with one value column per county (a column counts as a county only when its
 *   heading is a county of the school sheet; otherwise it is the value column: 2024年数据);
 * - the published 自评表: title rows, merged dimension rows, 序号 | 评估内容 | 评估标准 |
 *   实际情况 | 是否达标 | 佐证材料, raw-count sub-rows under their item.
 * Rows are matched by meaning (schema/match.ts) against the profile's figures and items. Every row
 * that holds a figure is either read or warned about; the county's own 是否达标 is kept as its claim.
 */
import type { CountyClaim, CountyFigure } from '../../engine/checklist';
import type { Profile } from '../../engine/profile';
import { makeIssue } from '../../issues/catalogue';
import type { Sheet, SourceFile } from '../../read/types';
import { yearIn } from '../header/title';
import { normaliseText } from '../text';
import { findLayout, type Page } from './layout';
import { CountySheetReader, type CountySheetResult } from './reader';
import { maxOf } from '../../common/lookup';

export interface CountySheetOptions {
  /** The school sheets, never read as the county sheet. */
  schoolSheets: readonly string[];
  /** The counties of the school sheet's 区县 column: only these headings make a column a county's. */
  counties: readonly string[];
}

/** No county sheet (a profile without county items, or none in the file). */
export const noCountySheet = (): CountySheetResult => ({
  sheet: null,
  titleLines: [],
  signatures: {},
  figures: new Map(),
  claims: new Map(),
  issues: [],
});

/**
 * What each county of the run takes from the county sheet: its own column's figures, or in a run of one
 * county the single value column's and its 是否达标 claims. In a run of several, figures in a column that
 * names none of them belong to no county: said (COUNTY_FIGURES_UNPLACED), not silently unused.
 */
export function countyFigures(sheet: CountySheetResult, counties: readonly (string | null)[]) {
  const one = counties.length === 1;
  const figuresOf = (county: string | null): Map<string, CountyFigure> | null => {
    const own = sheet.figures.get(county) ?? (one ? sheet.figures.get(null) : undefined);
    // A sheet without figures for this county is still a sheet: its items are 未提供, not "no sheet".
    return own ?? (sheet.sheet ? new Map() : null);
  };
  const claimsOf = (): Map<string, CountyClaim> => (one ? sheet.claims : new Map<string, CountyClaim>());
  // No county at all (every school row in error): nothing the figures could belong to, and no file of several counties.
  const unplaced = counties.length > 1 ? [...(sheet.figures.get(null)?.values() ?? [])][0] : undefined;
  // The counties' names as examples, when there are any to give: never an empty （如）.
  const names = counties.filter((c): c is string => c !== null).slice(0, 3);
  const issues = unplaced
    ? [
        makeIssue(
          'COUNTY_FIGURES_UNPLACED',
          { sheet: unplaced.sheet, cell: unplaced.cell },
          { example: names.length ? `（如${names.map((c) => `“${c}”`).join('、')}）` : '' },
        ),
      ]
    : [];
  return { figuresOf, claimsOf, issues };
}

export function readCountySheet(source: SourceFile, profile: Profile, options: CountySheetOptions): CountySheetResult {
  const empty = noCountySheet();
  const w = profile.wording;
  const candidates = source.sheets.filter((s) => !options.schoolSheets.includes(s.name));
  const named = candidates.filter((s) =>
    w.countySheet.sheetNames.some((n) => normaliseText(s.name).includes(normaliseText(n))),
  );
  const laidOut = (sheet: Sheet): Page | null => {
    const layout = findLayout(sheet, w, options.counties);
    return layout ? { sheet, layout } : null;
  };
  // A shown sheet before a hidden one (last year's 自评表 hidden beside this year's).
  const shownFirst = (sheets: readonly Sheet[]) => [
    ...sheets.filter((s) => !s.hidden),
    ...sheets.filter((s) => s.hidden),
  ];
  const namedPages = shownFirst(named)
    .map(laidOut)
    .filter((p): p is Page => p !== null);
  // The same form for two years on two sheets (自评表（2023年） | 自评表（2024年）): the latest year's is read, the others said.
  const yearOf = (p: Page) => yearIn(p.sheet.name);
  const latest = maxOf(namedPages.map((p) => yearOf(p) ?? -Infinity));
  const otherYears =
    new Set(namedPages.map(yearOf).filter((y) => y !== null)).size > 1
      ? namedPages.filter((p) => yearOf(p) !== null && yearOf(p) !== latest)
      : [];
  const current = namedPages.filter((p) => !otherYears.includes(p));
  const first =
    current[0] ??
    shownFirst(candidates.filter((s) => !named.includes(s)))
      .map(laidOut)
      .find((p) => p !== null);
  if (!first) return empty;
  // The 自评表 of each part on a sheet of its own (政府保障程度 | 教育质量 | 社会认可度): every sheet named as a county sheet is
  // read, but a hidden one beside a shown one, which is said.
  const hidden = first.sheet.hidden ? [] : current.filter((p) => p.sheet.hidden);
  const pages = [first, ...current.filter((p) => p !== first && !hidden.includes(p))];
  const result = new CountySheetReader(pages, profile).read();
  for (const p of hidden)
    result.issues.push(
      makeIssue('COUNTY_SHEET_HIDDEN_NOT_READ', { sheet: p.sheet.name, row: p.layout.row + 1 }, { name: p.sheet.name }),
    );
  for (const p of otherYears)
    result.issues.push(
      makeIssue('COUNTY_SHEET_OTHER_YEAR', { sheet: p.sheet.name, row: p.layout.row + 1 }, { year: latest }),
    );
  return result;
}
