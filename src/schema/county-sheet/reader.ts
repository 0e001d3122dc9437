// Takes: the county sheets to read (each with its layout) and the profile.
// Gives: every row walked, read as figures and claims or said, rows merged under one name joined: the CountySheetResult.
import type { CountyClaim, CountyFigure } from '../../engine/checklist';
import { itemInputs, type ChecklistItem, type CountyInput, type Wording } from '../../engine/checklist-rules';
import type { Profile } from '../../engine/profile';
import { makeIssue, type Issue } from '../../issues/catalogue';
import { a1, mergeAt, type CellValue, type Sheet } from '../../read/types';
import { nearest, normaliseName, type MatchResult, type Target } from '../match';
import { normaliseText } from '../text';
import { cellShown, cellText } from '../values';
import { signaturesIn, type Signatures } from '../signatures';
import { readClaim } from './claims';
import { holdsNumber, isBlank, parseFigure, valueKind } from './figures';
import type { Layout, Page } from './layout';
// (Imported under other names: readPage's own `match` and `at` are its locals.)
import { match as matchMeaning, matchStandard, meaningLabel, resolve, targetsOf, type Meaning } from './meaning';
import { readClauses } from './sentences';
import { at as cellAt, set, type CountySheetState } from './state';
import { append } from '../../common/lookup';

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

/** Whether any row from `from` on holds a cell. */
function anyCellFrom(sheet: Sheet, from: number): boolean {
  for (let r = from; r < sheet.rowCount; r++) if (sheet.row(r).some((c) => !isBlank(c))) return true;
  return false;
}

/** Rows [from, to) of a sheet. */
const rowsFrom = (sheet: Sheet, from: number, to = sheet.rowCount) =>
  Array.from({ length: Math.max(0, to - from) }, (_, k) => sheet.row(from + k));

/**
 * Rows read below the county sheet's header. The 15 + 9 + 1 items and their raw counts take under a
 * hundred rows in any layout; a sheet far longer is not a county sheet, and matching every row of it
 * by meaning would take seconds.
 */
const MAX_COUNTY_ROWS = 1000;

export class CountySheetReader implements CountySheetState {
  readonly issues: Issue[] = [];
  readonly figures = new Map<string | null, Map<string, CountyFigure>>();
  readonly claims = new Map<string, CountyClaim>();
  readonly firstRow = new Map<string, string>();
  readonly fromClaim = new Set<string>();
  lastSet: { row: number; input: CountyInput } | null = null;
  private readonly warnedColumns = new Set<number>();
  readonly targets: Target<Meaning>[];
  readonly itemOfInput = new Map<string, ChecklistItem>();
  readonly inputById: Map<string, CountyInput>;
  readonly w: Wording;

  /** The page being read. */
  sheet: Sheet;
  layout: Layout;

  constructor(
    private readonly pages: readonly Page[],
    profile: Profile,
  ) {
    [this.sheet, this.layout] = [pages[0]!.sheet, pages[0]!.layout];
    this.w = profile.wording;
    this.inputById = new Map(profile.countyInputs.map((i) => [i.id, i]));
    for (const item of profile.checklist)
      for (const id of itemInputs(item).all) if (!this.itemOfInput.has(id)) this.itemOfInput.set(id, item);
    this.targets = targetsOf(profile, this.inputById, this.w);
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
      this.issues.unshift(
        makeIssue('COUNTY_SHEETS_COMBINED', { sheet: names[0]! }, { count: names.length, sheets: names.join('、') }),
      );
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
    append(this.issues, layout.notes);
    let current: ChecklistItem | null = null;
    const end = Math.min(sheet.rowCount, layout.row + 1 + MAX_COUNTY_ROWS);
    if (anyCellFrom(sheet, end))
      this.issues.push(
        makeIssue('COUNTY_SHEET_TRUNCATED', { sheet: sheet.name, row: end + 1 }, { max: MAX_COUNTY_ROWS }),
      );
    /** The last row of the row before this one (a merged name spans rows). */
    let previous = -1;
    this.lastSet = null;
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
        if (holdsData)
          this.issues.push(
            makeIssue('COUNTY_ROW_IGNORED', cellAt(this, r, layout.nameCol, '（未写指标名称）'), {
              name: '（未写指标名称）',
              value: this.shown(values[0]?.cell ?? claimCell),
              hint: '',
            }),
          );
        continue;
      }
      const norm = normaliseName(name, this.w.namePrefixes, this.w.subRowPrefixes);
      const seq = layout.seqCol !== null ? cellText(cells[layout.seqCol]) : undefined;
      const sub = norm.sub || (seq !== undefined && normaliseName(seq, []).sub);
      const kind = valueKind(values[0]?.cell, this.w);
      const valueText = normaliseText(cellText(values[0]?.cell) ?? '');
      let match: MatchResult<Meaning> = matchMeaning(this, norm.text, kind, valueText, sub ? current : null);
      // A remark in brackets may be what names the figure: 保留率（巩固率）.
      if (match.kind === 'none' && norm.withBrackets !== norm.text)
        match = matchMeaning(this, norm.withBrackets, kind, valueText, sub ? current : null);
      // A short name (教师培训) beside the item's official words in its 评估标准 column: those words say which item it is.
      if (match.kind !== 'one') match = matchStandard(this, cells, kind, valueText, sub ? current : null) ?? match;
      // A 是/否 answered in its own words under a name that says nothing (课程开设 | 课程开齐开足): the answer names it.
      if (match.kind === 'none' && kind !== 'number' && valueText) {
        const answer = normaliseName(valueText, this.w.namePrefixes, this.w.subRowPrefixes).text;
        const byAnswer = matchMeaning(this, answer, 'yesno', valueText, sub ? current : null);
        if (byAnswer.kind === 'one' && resolve(byAnswer.target.value, 'yesno').length > 0) {
          this.issues.push(
            makeIssue('COUNTY_ROW_NAMED_BY_VALUE', cellAt(this, r, layout.nameCol, name), {
              name,
              value: cellText(values[0]?.cell) ?? '',
              figure: meaningLabel(byAnswer.target.value),
            }),
          );
          match = byAnswer;
        }
      }
      // A count right below one term of a ratio (完成360学时培训的教师数, then 教师总数) is tried as its other term.
      const other: MatchResult<Meaning> | null =
        match.kind !== 'one' && kind === 'number' ? this.otherTerm(previous, norm.text, match) : null;
      if (other?.kind === 'one') {
        const said = { name, previous: this.lastSet!.input.names[0]!, other: meaningLabel(other.target.value) };
        this.issues.push(makeIssue('COUNTY_ROW_AS_OTHER_TERM', cellAt(this, r, layout.nameCol, name), said));
        match = other;
      }
      previous = last;
      if (match.kind !== 'one') {
        if (!sub) current = null;
        if (!holdsData) continue;
        if (match.kind === 'several') {
          // The figures of one item (交流轮岗 10% and 骨干 20%), answered in one sentence: its clauses may say which is which.
          // (Typed: the loop's narrowing of `match` through `current` is too deep for inference.)
          const items: Set<ChecklistItem | undefined> = new Set(
            match.targets.map((t) => (t.value.kind === 'item' ? t.value.item : this.itemOfInput.get(t.value.input.id))),
          );
          const [only] = [...items];
          if (items.size === 1 && only && readClauses(this, only, values, r, name)) {
            if (!sub) current = only;
            readClaim(this, r, claimCell, name, only);
            continue;
          }
          this.issues.push(
            makeIssue('COUNTY_ROW_AMBIGUOUS', cellAt(this, r, layout.nameCol, name), {
              name,
              candidates: match.targets.map((t) => `“${meaningLabel(t.value)}”`).join('、'),
            }),
          );
        } else {
          const near = nearest(norm.text, this.targets);
          const hint = near.length ? `；是否指${near.map((t) => `“${meaningLabel(t.value)}”`).join('或')}？` : '';
          this.issues.push(
            makeIssue('COUNTY_ROW_IGNORED', cellAt(this, r, layout.nameCol, name), {
              name,
              value: this.shown(values[0]?.cell ?? claimCell),
              hint,
            }),
          );
        }
        continue;
      }
      const meaning: Meaning = match.target.value;
      const item: ChecklistItem | null =
        meaning.kind === 'item' ? meaning.item : (this.itemOfInput.get(meaning.input.id) ?? null);
      if (!sub) current = item;
      const claimItem = sub ? (current ?? item) : item;
      const claim = readClaim(this, r, claimCell, name, claimItem);
      if (values.length === 0) {
        // A 是/否 figure, or an item of 是/否 figures only, may be answered in the 是否达标 column alone;
        // a figure given in a row of its own wins over that answer.
        if (claim === undefined) continue;
        if (meaning.kind === 'input' && meaning.input.unit === 'yesno')
          set(this, null, meaning.input, claim, r, layout.claimCol!, name, true);
        if (
          meaning.kind === 'item' &&
          meaning.item.conditions.length > 0 &&
          meaning.item.conditions.every((c) => c.kind === 'yesno')
        )
          for (const id of resolve(meaning, 'yesno'))
            set(this, null, this.inputById.get(id)!, claim, r, layout.claimCol!, name, true);
        continue;
      }
      // A whole item's row answered in one sentence of several figures (“教师年均工资 90000 元，公务员 96200 元；
      // 绩效工资足额核定”): each clause read as the figure it names, when every clause names one of the item's.
      // So also a row named by one of them (教师工资: 教师 …万元，公务员 …万元，绩效工资已足额核定).
      if (item && readClauses(this, item, values, r, name)) continue;
      const ids = resolve(meaning, kind);
      // Items judged from the school rows: the claim is kept, the figure is theirs, and the row's words are said unread.
      if (meaning.kind === 'item' && ids.length === 0) {
        const v = values[0]!;
        this.issues.push(
          makeIssue('COUNTY_ROW_TEXT_NOT_USED', cellAt(this, r, v.col, name), {
            text: this.shown(v.cell),
            item: meaning.item.name,
          }),
        );
        continue;
      }
      if (ids.length > 1 && this.inputById.get(ids[0]!)!.unit !== 'yesno') {
        this.issues.push(
          makeIssue('COUNTY_ROW_AMBIGUOUS', cellAt(this, r, layout.nameCol, name), {
            name,
            candidates: ids.map((id) => `“${this.inputById.get(id)!.names[0]}”`).join('、'),
          }),
        );
        continue;
      }
      for (const v of values) {
        const { col, county, cell } = v;
        for (const id of ids) {
          const input = this.inputById.get(id)!;
          let parsed = parseFigure(cell, input, norm.unit, this.w, layout.claimCol !== null);
          const at = { ...cellAt(this, r, col, name), ...(county ? { county } : {}) };
          // A percentage under an amount's name (培训经费 | 占公用经费预算6.2%) is its item's share, when the item has one.
          const share = parsed.ok === 'unclear' && parsed.percent ? this.shareOf(input) : undefined;
          if (share) {
            const asShare = parseFigure(cell, share, norm.unit, this.w, layout.claimCol !== null);
            if (asShare.ok === true && asShare.value !== undefined) {
              set(this, county, share, asShare.value, r, col, name);
              this.issues.push(
                makeIssue('COUNTY_FIGURE_AS_SHARE', at, {
                  text: cellText(cell) ?? '',
                  name: input.names[0]!,
                  share: share.names[0]!,
                }),
              );
              continue;
            }
            parsed = asShare;
          }
          if (parsed.ok === 'unclear') {
            // A number where a 是/否 is asked (教师年均工资 90000 元 on item 8) is the one of the item's number
            // figures its words name, when they name one; it is never answered by the county's own 达标.
            const numbered = input.unit === 'yesno' && holdsNumber(cell);
            if (numbered && meaning.kind === 'item' && readClauses(this, meaning.item, [v], r, name, 1)) break;
            if (input.unit === 'yesno' && claim !== undefined && county === null && !numbered)
              set(this, county, input, claim, r, layout.claimCol!, name, true);
            else
              this.issues.push(
                makeIssue('COUNTY_FIGURE_UNCLEAR', at, {
                  text: cellText(cell) ?? '',
                  name: input.names[0]!,
                  why: numbered ? '填的是数字，看不出“是”还是“否”' : parsed.why,
                }),
              );
            continue;
          }
          if (!parsed.ok) {
            this.issues.push(makeIssue(parsed.code, at, parsed.params));
            continue;
          }
          if (parsed.value !== undefined) set(this, county, input, parsed.value, r, col, name);
        }
      }
    }
    return rowsFrom(sheet, 0, layout.row).flatMap((row) =>
      (row ?? []).map((c) => cellText(c)).filter((t): t is string => !!t),
    );
  }

  /**
   * When the figure set last was on `row` and is the one term of a ratio's numerator or denominator whose other
   * side is one term not yet read: that other term, as a match.
   */
  private otherTerm(row: number, name: string, match: MatchResult<Meaning>): MatchResult<Meaning> | null {
    const last = this.lastSet;
    if (!last || last.row !== row) return null;
    const item = this.itemOfInput.get(last.input.id);
    for (const c of item?.conditions ?? []) {
      if (c.kind !== 'ratio' || c.numerator.length !== 1 || c.denominator.length !== 1) continue;
      const [n, d] = [c.numerator[0]!.input, c.denominator[0]!.input];
      const other = n === last.input.id ? d : d === last.input.id ? n : null;
      if (other === null || this.firstRow.has(`\u0000${other}`)) continue;
      const target = this.targets.find((t) => t.value.kind === 'input' && t.value.input.id === other);
      if (!target || target.value.kind !== 'input') continue;
      // Only a name that may be this term: one of several it names (教师数), or one that shares a word with it (教师总数)
      // or is a count (总人数) — not a row of something else (食堂面积, 生均经费), which is reported as not read.
      const fits =
        (match.kind === 'several' && match.targets.includes(target)) || mayNameTerm(name, target.value.input, this.w);
      if (fits) return { kind: 'one', target, how: 'similar' };
    }
    return null;
  }

  /**
   * The one percentage figure of an input's item that is a share of that input (教师培训经费 → 教师培训经费占公用经费
   * 比例: its name holds the input's), if there is exactly one; a rate of something else (残疾儿童少年总数 → 入学率) is none.
   */
  private shareOf(input: CountyInput): CountyInput | undefined {
    const item = this.itemOfInput.get(input.id);
    if (!item) return undefined;
    const own = input.names.map(normaliseText);
    const shares = itemInputs(item)
      .all.map((id) => this.inputById.get(id)!)
      .filter((i) => i.unit === 'percent' && i.names.some((n) => own.some((o) => normaliseText(n).includes(o))));
    return shares.length === 1 ? shares[0] : undefined;
  }

  /** A column of no known kind is warned about once, at its first cell that holds data. */
  private warnOtherColumns(r: number, cells: readonly (CellValue | undefined)[], name: string | undefined) {
    for (const { col, header } of this.layout.otherCols)
      if (!this.warnedColumns.has(col) && !isBlank(cells[col])) {
        this.warnedColumns.add(col);
        this.issues.push(
          makeIssue(
            'COLUMN_IGNORED',
            { sheet: this.sheet.name, cell: a1(r, col), column: header, ...(name ? { school: name } : {}) },
            { header, hint: '（县级指标表只读一个数值列；多县文件的列名须与学校表“区县”一致）' },
          ),
        );
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
      const texts = rows
        .map((row) => (isBlank(row[col]) ? undefined : cellText(row[col])))
        .filter((t): t is string => t !== undefined);
      if (texts.length === 0) continue;
      cells[col] =
        texts.length === 1 ? rows.find((row) => !isBlank(row[col]))![col] : { kind: 'text', text: texts.join('；') };
      if (texts.length > 1 && name)
        this.issues.push(
          makeIssue('COUNTY_ROWS_JOINED', cellAt(this, first, col, name), {
            name: name.slice(0, 30),
            from: first + 1,
            to: last + 1,
            text: texts.join('；'),
          }),
        );
    }
    const claimCol = this.layout.claimCol;
    if (claimCol !== null && isBlank(cells[claimCol]))
      cells[claimCol] = rows.find((row) => !isBlank(row[claimCol]))?.[claimCol];
    return cells;
  }

  private shown(cell: CellValue | undefined) {
    return cellShown(cell);
  }
}

/** The two-character runs of Chinese characters of a name (培训教师数 → 培训, 训教, 教师, 师数). */
const pairs = (text: string): Set<string> => {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) {
    const pair = text.slice(i, i + 2);
    if (/^[\u4e00-\u9fff]{2}$/.test(pair)) out.add(pair);
  }
  return out;
};

/**
 * Whether a row name that names no one figure may be the other term of a ratio: not when it says another measure
 * than the term's count (`wording.termWords.otherMeasures`: 面积, 经费 …); yes when it shares a word of two characters
 * with the term's names or note (教师总数 and 应参加360学时培训教师数: 教师), or, for a count, when it is a count by its
 * ending (`countEndings`: 总人数, 人次).
 */
export function mayNameTerm(name: string, term: CountyInput, w: Wording): boolean {
  const { otherMeasures, countEndings } = w.termWords;
  if (term.unit === 'count' && otherMeasures.some((m) => name.includes(normaliseText(m)))) return false;
  const own = pairs(name);
  if ([...term.names, term.note].some((n) => [...pairs(normaliseText(n))].some((p) => own.has(p)))) return true;
  return term.unit === 'count' && countEndings.some((e) => name.endsWith(normaliseText(e)));
}
