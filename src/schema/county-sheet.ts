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
import type { CountyClaim, CountyFigure } from '../engine/checklist';
import { itemInputs, type ChecklistItem, type CountyInput, type Wording } from '../engine/checklist-rules';
import type { Profile } from '../engine/profile';
import { makeIssue, type Issue, type IssueCode, type IssueParams } from '../issues/catalogue';
import { a1, mergeAt, type CellValue, type Sheet, type SourceFile } from '../read/types';
import { normaliseText, titleAbove, yearIn } from './header';
import { matchName, nearest, normaliseKeywords, normaliseName, normaliseWording, type MatchResult, type Target } from './match';
import { cellText, isBlankText, parseNumber } from './values';
import { signaturesIn, type Signatures } from './signatures';

export interface CountySheetResult {
  /** The (first) county sheet read. */
  sheet: string | null;
  /** Every county sheet read, when there are several (one per part of the 自评表). */
  sheets?: string[];
  /** The text rows above its header (a title, “填报单位：××县教育局”), where a county names itself. */
  titleLines: string[];
  /** What the county signed the sheet with above its header (填报单位：××县教育局). */
  signatures: Signatures;
  /** Figures by county (null: the one county of a single-county file). */
  figures: Map<string | null, Map<string, CountyFigure>>;
  /** The county's own verdict per item (是否达标), by item id; only single-county layouts have one. */
  claims: Map<string, CountyClaim>;
  issues: Issue[];
}

type Meaning = { kind: 'input'; input: CountyInput } | { kind: 'item'; item: ChecklistItem };
type ValueKind = 'yesno' | 'number' | 'none';

/** The inputs a matched row fills, given what its value looks like. */
function resolve(m: Meaning, kind: ValueKind): string[] {
  if (m.kind === 'input') return [m.input.id];
  const { ready, yesno } = itemInputs(m.item);
  if (kind === 'number') return ready.length ? ready : yesno;
  if (kind === 'yesno') return yesno.length ? yesno : ready;
  return [];
}

const meaningLabel = (m: Meaning) => (m.kind === 'input' ? m.input.names[0]! : m.item.name);

export interface CountySheetOptions {
  /** The school sheets, never read as the county sheet. */
  schoolSheets: readonly string[];
  /** The counties of the school sheet's 区县 column: only these headings make a column a county's. */
  counties: readonly string[];
}

/** No county sheet (a profile without county items, or none in the file). */
export const noCountySheet = (): CountySheetResult => ({ sheet: null, titleLines: [], signatures: {}, figures: new Map(), claims: new Map(), issues: [] });

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
  const unplaced = one ? undefined : [...(sheet.figures.get(null)?.values() ?? [])][0];
  const issues = unplaced
    ? [makeIssue('COUNTY_FIGURES_UNPLACED', { sheet: unplaced.sheet, cell: unplaced.cell }, { counties: counties.slice(0, 3).map((c) => `“${c ?? '（未填）'}”`).join('、') })]
    : [];
  return { figuresOf, claimsOf, issues };
}

export function readCountySheet(source: SourceFile, profile: Profile, options: CountySheetOptions): CountySheetResult {
  const empty = noCountySheet();
  const w = profile.wording;
  const candidates = source.sheets.filter((s) => !options.schoolSheets.includes(s.name));
  const named = candidates.filter((s) => w.countySheet.sheetNames.some((n) => normaliseText(s.name).includes(normaliseText(n))));
  const laidOut = (sheet: Sheet): Page | null => {
    const layout = findLayout(sheet, w, options.counties);
    return layout ? { sheet, layout } : null;
  };
  // A shown sheet before a hidden one (last year's 自评表 hidden beside this year's).
  const shownFirst = (sheets: readonly Sheet[]) => [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)];
  const namedPages = shownFirst(named).map(laidOut).filter((p): p is Page => p !== null);
  // The same form for two years on two sheets (自评表（2023年） | 自评表（2024年）): the latest year's is read, the others said.
  const yearOf = (p: Page) => yearIn(p.sheet.name);
  const latest = Math.max(...namedPages.map((p) => yearOf(p) ?? -Infinity));
  const otherYears = new Set(namedPages.map(yearOf).filter((y) => y !== null)).size > 1 ? namedPages.filter((p) => yearOf(p) !== null && yearOf(p) !== latest) : [];
  const current = namedPages.filter((p) => !otherYears.includes(p));
  const first = current[0] ?? shownFirst(candidates.filter((s) => !named.includes(s))).map(laidOut).find((p) => p !== null);
  if (!first) return empty;
  // The 自评表 of each part on a sheet of its own (政府保障程度 | 教育质量 | 社会认可度): every sheet named as a county sheet is
  // read, but a hidden one beside a shown one, which is said.
  const hidden = first.sheet.hidden ? [] : current.filter((p) => p.sheet.hidden);
  const pages = [first, ...current.filter((p) => p !== first && !hidden.includes(p))];
  const result = new CountySheetReader(pages, profile).read();
  for (const p of hidden) result.issues.push(makeIssue('COUNTY_SHEET_HIDDEN_NOT_READ', { sheet: p.sheet.name, row: p.layout.row + 1 }, { name: p.sheet.name }));
  for (const p of otherYears) result.issues.push(makeIssue('COUNTY_SHEET_OTHER_YEAR', { sheet: p.sheet.name, row: p.layout.row + 1 }, { year: latest }));
  return result;
}

/** A county sheet and where its table is. */
interface Page {
  sheet: Sheet;
  layout: Layout;
}

interface Layout {
  row: number;
  nameCol: number;
  seqCol: number | null;
  valueCols: { col: number; county: string | null }[];
  /** A single-county sheet's further value columns (自评情况 beside 实际数据): read, in order, where the value column is blank. */
  fallbackCols: number[];
  claimCol: number | null;
  /** Columns of no known kind: warned about when they hold data. */
  otherCols: { col: number; header: string }[];
  /** The 评估标准 columns: the item's official words beside a short name (教师培训), read when the name alone does not say. */
  standardCols: number[];
  /** What choosing the value column said (another year's column not read). */
  notes: Issue[];
}

const HEADER_SCAN_ROWS = 30;

/** Whether any row from `from` on holds a cell. */
function anyCellFrom(sheet: Sheet, from: number): boolean {
  for (let r = from; r < sheet.rowCount; r++) if (sheet.row(r).some((c) => !isBlank(c))) return true;
  return false;
}

/** Rows [from, to) of a sheet. */
const rowsFrom = (sheet: Sheet, from: number, to = sheet.rowCount) => Array.from({ length: Math.max(0, to - from) }, (_, k) => sheet.row(from + k));
const headingOf = (cell: CellValue | undefined) => {
  const t = cellText(cell);
  return t ? normaliseText(t).replace(/\([^()]*\)/g, '') : '';
};

/** The header row: a 指标 / 评估内容 cell and a value, county or 是否达标 column, in the first 30 rows. */
function findLayout(sheet: Sheet, w: Wording, counties: readonly string[]): Layout | null {
  const set = (list: readonly string[]) => new Set(list.map(normaliseText));
  const [names, values, claims, ignored, numbers, standards] = [
    set(w.countySheet.nameHeaders),
    set(w.countySheet.valueHeaders),
    set(w.countySheet.claimHeaders),
    set([...w.countySheet.ignoredHeaders, ...w.countySheet.standardHeaders]),
    set(w.countySheet.numberHeaders),
    set(w.countySheet.standardHeaders),
  ];
  const countyNames = countyHeadings(counties, w.countySheet.countySuffixes);
  const known = (t: string) => names.has(t) || values.has(t) || claims.has(t) || ignored.has(t) || numbers.has(t);
  const prefixes = w.countySheet.ownPrefixes.map(normaliseText);
  /** 县级自评结论, 县级自评数据: the county's own column, as its heading without 县级 is read (a 市级复核 column is not). */
  const ownHeading = (t: string) => {
    if (known(t)) return t;
    const p = prefixes.find((x) => t.startsWith(x) && known(t.slice(x.length)));
    return p === undefined ? t : t.slice(p.length);
  };
  for (let row = 0; row < Math.min(sheet.rowCount, HEADER_SCAN_ROWS); row++) {
    const cells = sheet.row(row) ?? [];
    const headings = Array.from({ length: cells.length }, (_, col) => ownHeading(headingOf(cells[col])));
    const nameCol = headings.findIndex((t) => names.has(t));
    if (nameCol < 0) continue;
    const seq = headings.findIndex((t) => numbers.has(t));
    let claimCol: number | null = null;
    const valueCols: Layout['valueCols'] = [];
    const countyCols: Layout['valueCols'] = [];
    const otherCols: Layout['otherCols'] = [];
    headings.forEach((t, col) => {
      if (!t || col === nameCol) return;
      if (claims.has(t) && claimCol === null) claimCol = col;
      else if (countyNames.has(t)) countyCols.push({ col, county: countyNames.get(t)! });
      else if (values.has(t) && col > nameCol) valueCols.push({ col, county: null });
      else if (!ignored.has(t) && !names.has(t) && col > nameCol) otherCols.push({ col, header: cellText(cells[col])! });
    });
    let chosen: Layout['valueCols'];
    let others = otherCols;
    let notes: Issue[] = [];
    const years = countyCols.length || valueCols.length ? null : byYear(sheet, row, otherCols);
    if (countyCols.length) chosen = countyCols;
    else if (valueCols.length) chosen = [valueCols[0]!];
    else if (years) {
      chosen = [{ col: years.used, county: null }];
      others = otherCols.filter((c) => !years.dated.includes(c.col));
      notes = years.notes;
    } else if (otherCols.length) {
      // A heading that names no county of the school sheet ("2024年数据") is the value column.
      chosen = [{ col: otherCols[0]!.col, county: null }];
      others = otherCols.slice(1);
    } else chosen = [];
    if (chosen.length === 0 && claimCol === null) continue;
    // A single county's further value columns (实际数据 | 自评情况) are read where the first is blank; a batch's are warned about.
    const fallbackCols = countyCols.length ? [] : valueCols.slice(1).map(({ col }) => col);
    if (countyCols.length) others = [...others, ...valueCols.map(({ col }) => ({ col, header: cellText(cells[col])! }))];
    const standardCols = headings.flatMap((t, col) => (col !== nameCol && standards.has(t) ? [col] : []));
    return { row, nameCol, seqCol: seq >= 0 ? seq : null, valueCols: chosen, fallbackCols, claimCol, otherCols: others, standardCols, notes };
  }
  return null;
}

/**
 * The headings that name each county of the school sheet: its name, and its name without 县 / 区 / 市 …
 * (平安 for 平安县) when that leaves two characters or more and names no other county.
 */
function countyHeadings(counties: readonly string[], suffixes: readonly string[]): Map<string, string> {
  const out = new Map(counties.map((c) => [normaliseText(c), c]));
  const short = new Map<string, string | null>();
  const endings = suffixes.map(normaliseText);
  for (const c of counties) {
    const name = normaliseText(c);
    const suffix = endings.find((x) => name.endsWith(x) && name.length - x.length >= 2);
    if (suffix === undefined) continue;
    const key = name.slice(0, -suffix.length);
    short.set(key, short.has(key) && short.get(key) !== c ? null : c);
  }
  for (const [key, c] of short) if (c !== null && !out.has(key)) out.set(key, c);
  return out;
}

/**
 * Of columns headed by two or more years (指标 | 2023年 | 2024年), the value column: the year the title above
 * names, else the latest; each other year said (DUPLICATE_COLUMN_YEAR). Null without two years.
 */
function byYear(sheet: Sheet, row: number, columns: readonly { col: number; header: string }[]): { used: number; dated: number[]; notes: Issue[] } | null {
  const dated = columns.flatMap((c) => {
    const year = yearIn(c.header);
    return year === null ? [] : [{ ...c, year }];
  });
  if (new Set(dated.map((c) => c.year)).size < 2) return null;
  const title = titleAbove(sheet, row);
  const titleYear = title === null ? null : yearIn(title);
  const titled = dated.find((c) => c.year === titleYear);
  const used = titled ?? dated.reduce((a, b) => (b.year > a.year ? b : a));
  const why = titled ? `表标题所示年份（${titleYear}年）` : '较近年份';
  const notes = dated
    .filter((d) => d !== used)
    .map((d) => makeIssue('DUPLICATE_COLUMN_YEAR', { sheet: sheet.name, cell: a1(row, d.col), column: d.header }, { field: '数值', cell: a1(row, used.col), header: used.header, why }));
  return { used: used.col, dated: dated.map((d) => d.col), notes };
}

/**
 * Rows read below the county sheet's header. The 15 + 9 + 1 items and their raw counts take under a
 * hundred rows in any layout; a sheet far longer is not a county sheet, and matching every row of it
 * by meaning would take seconds.
 */
const MAX_COUNTY_ROWS = 1000;

class CountySheetReader {
  private readonly issues: Issue[] = [];
  private readonly figures = new Map<string | null, Map<string, CountyFigure>>();
  private readonly claims = new Map<string, CountyClaim>();
  private readonly firstRow = new Map<string, string>();
  private readonly fromClaim = new Set<string>();
  private readonly warnedColumns = new Set<number>();
  private readonly targets: Target<Meaning>[];
  private readonly itemOfInput = new Map<string, ChecklistItem>();
  private readonly inputById: Map<string, CountyInput>;
  private readonly w: Wording;

  /** The page being read. */
  private sheet: Sheet;
  private layout: Layout;

  constructor(
    private readonly pages: readonly Page[],
    profile: Profile,
  ) {
    [this.sheet, this.layout] = [pages[0]!.sheet, pages[0]!.layout];
    this.w = profile.wording;
    const norm = (t: string) => normaliseWording(t, this.w.namePrefixes);
    this.inputById = new Map(profile.countyInputs.map((i) => [i.id, i]));
    for (const item of profile.checklist) for (const id of itemInputs(item).all) if (!this.itemOfInput.has(id)) this.itemOfInput.set(id, item);
    this.targets = [
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
        keywords: [],
        guard: normaliseKeywords(itemInputs(item).all.flatMap((id) => this.inputById.get(id)?.keywords ?? [])),
      })),
    ];
  }

  read(): CountySheetResult {
    const signatures: Signatures[] = [];
    let titleLines: string[] = [];
    for (const [k, page] of this.pages.entries()) {
      [this.sheet, this.layout] = [page.sheet, page.layout];
      this.warnedColumns.clear();
      const lines = this.readPage();
      if (k === 0) titleLines = lines;
      signatures.push(signaturesIn(lines, this.w.schoolRows.signatures));
    }
    const names = this.pages.map((p) => p.sheet.name);
    if (names.length > 1)
      this.issues.unshift(makeIssue('COUNTY_SHEETS_COMBINED', { sheet: names[0]! }, { count: names.length, sheets: names.join('、') }));
    // For each label the first sheet's value wins.
    return {
      sheet: names[0]!,
      ...(names.length > 1 ? { sheets: names } : {}),
      titleLines,
      signatures: Object.assign({}, ...signatures.reverse()) as Signatures,
      figures: this.figures,
      claims: this.claims,
      issues: this.issues,
    };
  }

  /** The rows of one county sheet; its text rows above the header (a title, 填报单位：…). */
  private readPage(): string[] {
    const { sheet, layout } = this;
    this.issues.push(...layout.notes);
    let current: ChecklistItem | null = null;
    const end = Math.min(sheet.rowCount, layout.row + 1 + MAX_COUNTY_ROWS);
    if (anyCellFrom(sheet, end))
      this.issues.push(makeIssue('COUNTY_SHEET_TRUNCATED', { sheet: sheet.name, row: end + 1 }, { max: MAX_COUNTY_ROWS }));
    for (let r = layout.row + 1, last: number; r < end; r = last + 1) {
      // An item's name merged down over the rows of its figures (教师年均工资 …, then 公务员 …): one row.
      last = this.lastMergedRow(r, end);
      const cells = last === r ? (sheet.row(r) ?? []) : this.joined(r, last);
      const name = cellText(cells[layout.nameCol]);
      let values = layout.valueCols.map((v) => ({ ...v, cell: cells[v.col] })).filter((v) => !isBlank(v.cell));
      if (values.length === 0) {
        const col = layout.fallbackCols.find((c) => !isBlank(cells[c]));
        if (col !== undefined) values = [{ col, county: null, cell: cells[col] }];
      }
      const claimCell = layout.claimCol !== null ? cells[layout.claimCol] : undefined;
      const holdsData = values.length > 0 || !isBlank(claimCell);
      this.warnOtherColumns(r, cells, name);
      if (!name) {
        if (holdsData) this.issues.push(makeIssue('COUNTY_ROW_IGNORED', this.at(r, layout.nameCol, '（未写指标名称）'), { name: '（未写指标名称）', value: this.shown(values[0]?.cell ?? claimCell), hint: '' }));
        continue;
      }
      const norm = normaliseName(name, this.w.namePrefixes, this.w.subRowPrefixes);
      const seq = layout.seqCol !== null ? cellText(cells[layout.seqCol]) : undefined;
      const sub = norm.sub || (seq !== undefined && normaliseName(seq, []).sub);
      const kind = valueKind(values[0]?.cell, this.w);
      const valueText = normaliseText(cellText(values[0]?.cell) ?? '');
      let match: MatchResult<Meaning> = this.match(norm.text, kind, valueText, sub ? current : null);
      // A remark in brackets may be what names the figure: 保留率（巩固率）.
      if (match.kind === 'none' && norm.withBrackets !== norm.text) match = this.match(norm.withBrackets, kind, valueText, sub ? current : null);
      // A short name (教师培训) beside the item's official words in its 评估标准 column: those words say which item it is.
      if (match.kind !== 'one') match = this.matchStandard(cells, kind, valueText, sub ? current : null) ?? match;
      if (match.kind !== 'one') {
        if (!sub) current = null;
        if (!holdsData) continue;
        if (match.kind === 'several') {
          // The figures of one item (交流轮岗 10% and 骨干 20%), answered in one sentence: its clauses may say which is which.
          // (Typed: the loop's narrowing of `match` through `current` is too deep for inference.)
          const items: Set<ChecklistItem | undefined> = new Set(match.targets.map((t) => (t.value.kind === 'item' ? t.value.item : this.itemOfInput.get(t.value.input.id))));
          const [only] = [...items];
          if (items.size === 1 && only && this.readClauses(only, values, r, name)) {
            if (!sub) current = only;
            this.readClaim(r, claimCell, name, only);
            continue;
          }
          this.issues.push(makeIssue('COUNTY_ROW_AMBIGUOUS', this.at(r, layout.nameCol, name), { name, candidates: match.targets.map((t) => `“${meaningLabel(t.value)}”`).join('、') }));
        } else {
          const near = nearest(norm.text, this.targets);
          const hint = near.length ? `；是否指${near.map((t) => `“${meaningLabel(t.value)}”`).join('或')}？` : '';
          this.issues.push(makeIssue('COUNTY_ROW_IGNORED', this.at(r, layout.nameCol, name), { name, value: this.shown(values[0]?.cell ?? claimCell), hint }));
        }
        continue;
      }
      const meaning: Meaning = match.target.value;
      const item: ChecklistItem | null = meaning.kind === 'item' ? meaning.item : this.itemOfInput.get(meaning.input.id) ?? null;
      if (!sub) current = item;
      const claimItem = sub ? (current ?? item) : item;
      const claim = this.readClaim(r, claimCell, name, claimItem);
      if (values.length === 0) {
        // A 是/否 figure, or an item of 是/否 figures only, may be answered in the 是否达标 column alone;
        // a figure given in a row of its own wins over that answer.
        if (claim === undefined) continue;
        if (meaning.kind === 'input' && meaning.input.unit === 'yesno') this.set(null, meaning.input, claim, r, layout.claimCol!, name, true);
        if (meaning.kind === 'item' && meaning.item.conditions.length > 0 && meaning.item.conditions.every((c) => c.kind === 'yesno'))
          for (const id of resolve(meaning, 'yesno')) this.set(null, this.inputById.get(id)!, claim, r, layout.claimCol!, name, true);
        continue;
      }
      // A whole item's row answered in one sentence of several figures (“教师年均工资 90000 元，公务员 96200 元；
      // 绩效工资足额核定”): each clause read as the figure it names, when every clause names one of the item's.
      // So also a row named by one of them (教师工资: 教师 …万元，公务员 …万元，绩效工资已足额核定).
      if (item && this.readClauses(item, values, r, name)) continue;
      const ids = resolve(meaning, kind);
      if (meaning.kind === 'item' && ids.length === 0) continue; // items judged from the school rows: the claim is kept, the figure is theirs
      if (ids.length > 1 && this.inputById.get(ids[0]!)!.unit !== 'yesno') {
        this.issues.push(makeIssue('COUNTY_ROW_AMBIGUOUS', this.at(r, layout.nameCol, name), { name, candidates: ids.map((id) => `“${this.inputById.get(id)!.names[0]}”`).join('、') }));
        continue;
      }
      for (const v of values) {
        const { col, county, cell } = v;
        for (const id of ids) {
          const input = this.inputById.get(id)!;
          const parsed = parseFigure(cell, input, norm.unit, this.w, layout.claimCol !== null);
          const at = { ...this.at(r, col, name), ...(county ? { county } : {}) };
          if (parsed.ok === 'unclear') {
            // A number where a 是/否 is asked (教师年均工资 90000 元 on item 8) is the one of the item's number
            // figures its words name, when they name one; it is never answered by the county's own 达标.
            const numbered = input.unit === 'yesno' && holdsNumber(cell);
            if (numbered && meaning.kind === 'item' && this.readClauses(meaning.item, [v], r, name, 1)) break;
            if (input.unit === 'yesno' && claim !== undefined && county === null && !numbered) this.set(county, input, claim, r, layout.claimCol!, name, true);
            else this.issues.push(makeIssue('COUNTY_FIGURE_UNCLEAR', at, { text: cellText(cell) ?? '', name: input.names[0]!, why: numbered ? '填的是数字，看不出“是”还是“否”' : parsed.why }));
            continue;
          }
          if (!parsed.ok) {
            this.issues.push(makeIssue(parsed.code, at, parsed.params));
            continue;
          }
          if (parsed.value !== undefined) this.set(county, input, parsed.value, r, col, name);
        }
      }
    }
    return rowsFrom(sheet, 0, layout.row).flatMap((row) => (row ?? []).map((c) => cellText(c)).filter((t): t is string => !!t));
  }

  /**
   * The meaning of a row name. An exact alias or official text decides at once. Otherwise a sub-row
   * is looked for among the figures of the item above it first, then everywhere; and in each scope
   * first among the figures that fit the value (a 是/否 for a 是/否; a number under a rate word or
   * written with % for a rate, any other number for a count or amount), then among all.
   */
  private match(text: string, kind: ValueKind, valueText: string, within: ChecklistItem | null): MatchResult<Meaning> {
    const itemOf = (m: Meaning) => (m.kind === 'item' ? m.item : this.itemOfInput.get(m.input.id));
    const same = (a: Meaning, b: Meaning) => {
      if (a === b) return true;
      if (kind === 'none') return itemOf(a) === itemOf(b);
      const [x, y] = [resolve(a, kind), resolve(b, kind)];
      return x.length > 0 && x.length === y.length && x.every((id) => y.includes(id));
    };
    const exact = this.targets.filter((t) => t.aliases.includes(text) || t.official.includes(text));
    if (exact.length > 0 && exact.every((t) => same(t.value, exact[0]!.value))) return { kind: 'one', target: exact[0]!, how: 'alias' };

    const rate = this.w.rateWords.some((r) => text.includes(normaliseText(r))) || valueText.includes('%');
    const fits = (t: Target<Meaning>) =>
      kind === 'none' ||
      resolve(t.value, kind).every((id) => {
        const unit = this.inputById.get(id)!.unit;
        return kind === 'yesno' ? unit === 'yesno' : unit !== 'yesno' && (unit === 'percent') === rate;
      });
    const own = within ? new Set(itemInputs(within).all) : null;
    const scopes = own ? [(t: Target<Meaning>) => t.value.kind === 'input' && own.has(t.value.input.id), () => true] : [() => true];
    let result: MatchResult<Meaning> = { kind: 'none' };
    for (const scope of scopes)
      for (const fitting of [true, false]) {
        const found = matchName(text, this.targets.filter((t) => scope(t) && (!fitting || fits(t))), same);
        // Weak candidates (their keywords do not hold) are chosen from only under the item they belong to.
        const local = own !== null && scope === scopes[0];
        result = found.kind === 'several' && found.weak && !local ? found : this.refine(found, fits, same);
        if (result.kind === 'one') return result;
      }
    return result;
  }

  /** The one meaning the row's 评估标准 texts have, if any. */
  private matchStandard(cells: readonly (CellValue | undefined)[], kind: ValueKind, valueText: string, within: ChecklistItem | null): MatchResult<Meaning> | null {
    for (const col of this.layout.standardCols) {
      const text = cellText(cells[col]);
      if (!text) continue;
      const m = this.match(normaliseName(text, this.w.namePrefixes, this.w.subRowPrefixes).text, kind, valueText, within);
      if (m.kind === 'one') return m;
    }
    return null;
  }

  /** Each value of the row read by its clauses (clauses()), when every one reads: set, and said. */
  private readClauses(item: ChecklistItem, values: readonly { col: number; county: string | null; cell: CellValue | undefined }[], r: number, name: string, fewest = 2): boolean {
    const split = values.map((v) => ({ v, figures: this.clauses(item, v.cell, fewest) }));
    if (split.length === 0 || split.some((x) => x.figures === null)) return false;
    for (const { v, figures } of split) {
      for (const f of figures!) this.set(v.county, f.input, f.value, r, v.col, name);
      const read = figures!.map((f) => `${f.input.names[0]} ${f.value === true ? '是' : f.value === false ? '否' : f.text}`).join('；');
      this.issues.push(makeIssue('COUNTY_VALUE_SPLIT', { ...this.at(r, v.col, name), ...(v.county ? { county: v.county } : {}) }, { text: cellText(v.cell) ?? '', read }));
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
  private clauses(item: ChecklistItem, cell: CellValue | undefined, fewest: number): { input: CountyInput; value: number | boolean; text: string }[] | null {
    if (cell?.kind !== 'text') return null;
    const parts = cell.text.split(/[，,；;。]/).map((t) => t.trim()).filter(Boolean);
    if (parts.length < fewest) return null;
    const own = itemInputs(item).all.flatMap((id) => this.targets.filter((t) => t.value.kind === 'input' && t.value.input.id === id));
    const inputOf = (t: Target<Meaning>) => (t.value as { kind: 'input'; input: CountyInput }).input;
    const out: { input: CountyInput; value: number | boolean; text: string }[] = [];
    for (const part of parts) {
      const plain = normaliseText(part);
      const figures = [...plain.matchAll(PHRASE_NUMBER)];
      if (figures.length > 1) return null;
      const words = normaliseName(plain.replace(PHRASE_NUMBER, ''), this.w.namePrefixes, this.w.subRowPrefixes).text;
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
        const value = yesNo(part, input.names.map(normaliseText), this.w) ?? !this.w.noMarkers.some((m) => words.includes(normaliseText(m)));
        out.push({ input, value, text: part });
        continue;
      }
      const parsed = parseFigure({ kind: 'text', text: figures[0]![0] }, input, null, this.w, false);
      if (parsed.ok !== true || typeof parsed.value !== 'number') return null;
      out.push({ input, value: parsed.value, text: figures[0]![0] });
    }
    return out;
  }

  /** Several candidates, of which those that fit the value may leave one. */
  private refine(result: MatchResult<Meaning>, fits: (t: Target<Meaning>) => boolean, same: (a: Meaning, b: Meaning) => boolean): MatchResult<Meaning> {
    if (result.kind !== 'several') return result;
    const fitting = result.targets.filter((t) => fits(t));
    const distinct = fitting.filter((t, i) => fitting.findIndex((u) => same(u.value, t.value)) === i);
    return distinct.length === 1 ? { kind: 'one', target: distinct[0]!, how: 'similar' } : result;
  }

  private readClaim(r: number, cell: CellValue | undefined, name: string, item: ChecklistItem | null): boolean | undefined {
    if (isBlank(cell) || this.layout.claimCol === null) return undefined;
    const text = cellText(cell)!;
    const claim = yesNo(text, [], this.w);
    if (claim === undefined) {
      this.issues.push(makeIssue('COUNTY_FIGURE_UNCLEAR', this.at(r, this.layout.claimCol, name), { text, name: '是否达标', why: '不是“达标/未达标”或“是/否”' }));
      return undefined;
    }
    if (item && !this.claims.has(item.id)) this.claims.set(item.id, { met: claim, sheet: this.sheet.name, cell: a1(r, this.layout.claimCol), text, name });
    return claim;
  }

  /** `fromClaim`: taken from the 是否达标 column; a figure written for it in a row of its own replaces it. */
  private set(county: string | null, input: CountyInput, value: number | boolean, r: number, col: number, name: string, fromClaim = false) {
    const cell = a1(r, col);
    const seenKey = `${county ?? ''}\u0000${input.id}`;
    const first = this.firstRow.get(seenKey);
    if (first !== undefined) {
      if (fromClaim) return; // a figure (or an earlier claim) is there already
      if (!this.fromClaim.has(seenKey)) {
        this.issues.push(makeIssue('DUPLICATE_COUNTY_ROW', { ...this.at(r, col, name), ...(county ? { county } : {}) }, { firstCell: first, name }));
        return;
      }
    }
    this.firstRow.set(seenKey, `${this.sheet.name}!${cell}`);
    if (fromClaim) this.fromClaim.add(seenKey);
    else this.fromClaim.delete(seenKey);
    const forCounty = this.figures.get(county) ?? new Map<string, CountyFigure>();
    forCounty.set(input.id, { value, sheet: this.sheet.name, cell, name });
    this.figures.set(county, forCounty);
  }

  /** A column of no known kind is warned about once, at its first cell that holds data. */
  private warnOtherColumns(r: number, cells: readonly (CellValue | undefined)[], name: string | undefined) {
    for (const { col, header } of this.layout.otherCols)
      if (!this.warnedColumns.has(col) && !isBlank(cells[col])) {
        this.warnedColumns.add(col);
        this.issues.push(makeIssue('COLUMN_IGNORED', { sheet: this.sheet.name, cell: a1(r, col), column: header, ...(name ? { school: name } : {}) }, { header, hint: '（县级指标表只读一个数值列；多县文件的列名须与学校表“区县”一致）' }));
      }
  }

  /** The last row of a merge down from row r's name cell (r when there is none). */
  private lastMergedRow(r: number, end: number): number {
    const m = mergeAt(this.sheet, r, this.layout.nameCol);
    return m && m.top === r && m.bottom > r ? Math.min(m.bottom, end - 1) : r;
  }

  /**
   * Rows first … last under one merged name, as one row: its cells, each value column's texts joined
   * with ；(a clause each, read as the item's figures by readClauses), the first 是否达标 written; said.
   */
  private joined(first: number, last: number): (CellValue | undefined)[] {
    const rows = rowsFrom(this.sheet, first, last + 1).map((row) => row ?? []);
    const cells = [...rows[0]!];
    const name = cellText(cells[this.layout.nameCol]);
    rows.slice(1).forEach((row, k) => this.warnOtherColumns(first + 1 + k, row, name));
    for (const col of [...this.layout.valueCols.map((v) => v.col), ...this.layout.fallbackCols]) {
      const texts = rows.map((row) => (isBlank(row[col]) ? undefined : cellText(row[col]))).filter((t): t is string => t !== undefined);
      if (texts.length === 0) continue;
      cells[col] = texts.length === 1 ? rows.find((row) => !isBlank(row[col]))![col] : { kind: 'text', text: texts.join('；') };
      if (texts.length > 1 && name)
        this.issues.push(makeIssue('COUNTY_ROWS_JOINED', this.at(first, col, name), { name: name.slice(0, 30), from: first + 1, to: last + 1, text: texts.join('；') }));
    }
    const claimCol = this.layout.claimCol;
    if (claimCol !== null && isBlank(cells[claimCol])) cells[claimCol] = rows.find((row) => !isBlank(row[claimCol]))?.[claimCol];
    return cells;
  }

  private at(r: number, col: number, column: string) {
    return { sheet: this.sheet.name, cell: a1(r, col), column };
  }

  private shown(cell: CellValue | undefined) {
    return cellText(cell) ?? '';
  }
}

/**
 * Among an item's figures, the one a clause's few words name (公务员 → 当地公务员年平均工资收入, 城区 → 城区就近入学比例):
 * the largest share of one of its names that the words hold as one run (2 characters at least), clearly ahead of the next.
 */
function closestByWords(words: string, candidates: readonly Target<Meaning>[]): Target<Meaning> | undefined {
  const score = (t: Target<Meaning>) => Math.max(0, ...t.aliases.map((a) => {
    const run = longestRun(words, a);
    return run >= 2 ? run / a.length : 0;
  }));
  const ranked = candidates.map((t) => ({ t, s: score(t) })).filter((x) => x.s > 0).sort((a, b) => b.s - a.s);
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

const isBlank = (cell: CellValue | undefined) => {
  if (!cell) return true;
  if (cell.kind === 'text') return isBlankText(cell.text);
  return false;
};

function valueKind(cell: CellValue | undefined, w: Wording): ValueKind {
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
  let rest = t;
  for (const o of [...own, ...w.notNegative]) rest = rest.split(normaliseText(o)).join('');
  if (w.noMarkers.some((m) => rest.includes(normaliseText(m)))) return false;
  if (w.yesMarkers.some((m) => rest.includes(normaliseText(m)))) return true;
  return undefined;
}

type Figure =
  | { ok: true; value: number | boolean | undefined }
  | { ok: false; code: IssueCode; params: IssueParams }
  | { ok: 'unclear'; why: string };

const PHRASE_NUMBER = /([0-9]+(?:\.[0-9]+)?)(%|万元|千元|元|人|名|间|所|个|次)?/g;

/** A figure from a cell: a number, a number with its unit, a short phrase holding one figure, or 是/否. */
/** Whether a county cell holds a number (90000, “教师年均工资 90000 元”); a year or a date (2023年完成) is none. */
const holdsNumber = (cell: CellValue | undefined) =>
  cell?.kind === 'number' || (cell?.kind === 'text' && /[0-9]/.test(normaliseText(cell.text).replace(/[0-9]{4}(?:年|[-./])(?:[0-9]{1,2}(?:月|[-./])?(?:[0-9]{1,2}日?)?)?/g, '')));

function parseFigure(cell: CellValue | undefined, input: CountyInput, rowUnit: string | null, w: Wording, phrasesExpected: boolean): Figure {
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
      const figures = [...text.matchAll(PHRASE_NUMBER)].map((x) => ({ n: Number(x[1]), unit: x[2] ?? null, text: x[0] }));
      const fits = (u: string | null) =>
        input.unit === 'percent' ? u === '%' : input.unit === 'yuan' ? u === '元' || u === '万元' || u === '千元' : input.unit === 'count' ? u === '人' || u === '名' || u === null : u === null;
      const fitting = figures.filter((f) => fits(f.unit));
      const pick = fitting.length === 1 ? fitting[0] : figures.length === 1 ? figures[0] : undefined;
      if (!pick) {
        if (figures.length === 0 && !phrasesExpected) return whole;
        const shown = fitting.length > 1 ? fitting : figures;
        return { ok: 'unclear', why: figures.length ? `含有多个数字（${shown.map((f) => f.text).join('、')}），无法确定取哪一个` : '没有数字' };
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
  if (unit === '%' && input.unit !== 'percent') return { ok: 'unclear', why: '写的是百分比，而此项应填人数或金额' };
  switch (input.unit) {
    case 'percent': {
      const asPercent = unit === '%' || rowUnit === '%' || n > 1;
      const value = asPercent ? n / 100 : n;
      if (value > 1) return { ok: false, code: 'RATIO_OUT_OF_RANGE', params: { text: cellText(cell) ?? String(n) } };
      return { ok: true, value };
    }
    case 'count':
      return Number.isInteger(n) ? { ok: true, value: n } : { ok: false, code: 'NOT_INTEGER', params: { value: n } };
    case 'yuan': {
      const u = unit ?? rowUnit;
      return { ok: true, value: u === '万元' ? n * 10000 : u === '千元' ? n * 1000 : n };
    }
    case 'number':
      return { ok: true, value: n };
  }
}
