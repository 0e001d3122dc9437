/**
 * The optional county sheet (县级指标): rows of 指标 | 数值 (| 说明), matched by name like
 * school columns are. With one value column the figures belong to the (single) county; with
 * value columns headed by county names (batch files) they belong to those counties.
 */
import type { CountyFigure } from '../engine/checklist';
import type { CountyInput } from '../engine/checklist-rules';
import { makeIssue, type Issue, type IssueCode, type IssueParams } from '../issues/catalogue';
import { a1, type CellValue, type Sheet, type SourceFile } from '../read/types';
import { normaliseText, splitUnit } from './header';
import { cellText, parseNumber } from './values';

export interface CountySheetResult {
  sheet: string | null;
  /** Figures by county (null: the one county of a single-county file). */
  figures: Map<string | null, Map<string, CountyFigure>>;
  issues: Issue[];
}

const NAME_HEADERS = new Set(['指标', '指标名称', '项目', '名称']);
const VALUE_HEADERS = new Set(['数值', '值', '填报值', '数据', '填报数']);
const NOTE_HEADERS = new Set(['说明', '备注', '单位', '序号', '标准', '计算方法']);
const YES = new Set(['是', '有', '达到', '已达到', '符合', '健全', '已', '√', '✓', '✔', 'y', 'yes', 'true', '1', '达标']);
const NO = new Set(['否', '无', '未达到', '不符合', '不健全', '未', '×', '✗', '✘', 'n', 'no', 'false', '0', '未达标']);

/** "3.初中三年巩固率（%）" → { key: "初中三年巩固率", unit: "%" }. */
function rowKey(name: string): { key: string; unit: string | null } {
  const n = normaliseText(name).replace(/^(\(?\d+[).、]|[一二三四五六七八九十]+、)/, '');
  const { base, unit } = splitUnit(n);
  return { key: base, unit };
}

export function readCountySheet(source: SourceFile, schoolSheet: string | null, inputs: readonly CountyInput[]): CountySheetResult {
  const empty: CountySheetResult = { sheet: null, figures: new Map(), issues: [] };
  const candidates = source.sheets.filter((s) => s.name !== schoolSheet);
  const byName = candidates.find((s) => normaliseText(s.name).includes('县级指标'));
  const found = [byName, ...candidates].filter((s): s is Sheet => !!s).map((s) => ({ sheet: s, header: findHeader(s) })).find((c) => c.header);
  if (!found) return empty;
  const { sheet, header } = found;
  const lookup = new Map<string, CountyInput>();
  for (const input of inputs) for (const name of input.names) lookup.set(rowKey(name).key, input);

  const issues: Issue[] = [];
  const figures = new Map<string | null, Map<string, CountyFigure>>();
  const firstRow = new Map<string, string>();
  for (let r = header!.row + 1; r < sheet.rows.length; r++) {
    const nameText = cellText(sheet.rows[r]?.[header!.nameCol]);
    if (!nameText) continue;
    const { key, unit } = rowKey(nameText);
    const input = lookup.get(key);
    const pos = { sheet: sheet.name, cell: a1(r, header!.nameCol), column: nameText };
    if (!input) {
      issues.push(makeIssue('COUNTY_ROW_IGNORED', pos, { name: nameText }));
      continue;
    }
    for (const { col, county } of header!.valueCols) {
      const raw = sheet.rows[r]?.[col];
      const cell = a1(r, col);
      const at = { sheet: sheet.name, cell, column: nameText, ...(county ? { county } : {}) };
      const parsed = parseFigure(raw, input, unit);
      if (!parsed.ok) {
        issues.push(makeIssue(parsed.code, at, parsed.params));
        continue;
      }
      if (parsed.value === undefined) continue;
      const seenKey = `${county ?? ''}\u0000${input.id}`;
      const first = firstRow.get(seenKey);
      if (first) {
        issues.push(makeIssue('DUPLICATE_COUNTY_ROW', at, { firstCell: first, name: nameText }));
        continue;
      }
      firstRow.set(seenKey, `${sheet.name}!${cell}`);
      const forCounty = figures.get(county) ?? new Map<string, CountyFigure>();
      forCounty.set(input.id, { value: parsed.value, sheet: sheet.name, cell, name: nameText });
      figures.set(county, forCounty);
    }
  }
  return { sheet: sheet.name, figures, issues };
}

interface CountyHeader {
  row: number;
  nameCol: number;
  valueCols: { col: number; county: string | null }[];
}

/** A row with a 指标 cell and a 数值 cell (or cells headed by county names) in the first rows. */
function findHeader(sheet: Sheet): CountyHeader | null {
  for (let row = 0; row < Math.min(sheet.rows.length, 10); row++) {
    const texts = (sheet.rows[row] ?? []).map((c) => normaliseText(cellText(c) ?? ''));
    const nameCol = texts.findIndex((t) => NAME_HEADERS.has(t));
    if (nameCol < 0) continue;
    const value = texts.findIndex((t, i) => i > nameCol && VALUE_HEADERS.has(t));
    if (value >= 0) return { row, nameCol, valueCols: [{ col: value, county: null }] };
    const counties = texts
      .map((t, col) => ({ t, col }))
      .filter(({ t, col }) => col > nameCol && t && !NOTE_HEADERS.has(t))
      .map(({ col }) => ({ col, county: cellText(sheet.rows[row]![col])! }));
    if (counties.length > 0) return { row, nameCol, valueCols: counties };
  }
  return null;
}

type Figure = { ok: true; value: number | boolean | undefined } | { ok: false; code: IssueCode; params: IssueParams };

function parseFigure(cell: CellValue | undefined, input: CountyInput, rowUnit: string | null): Figure {
  if (input.unit === 'yesno') {
    const text = cellText(cell);
    if (text === undefined) return { ok: true, value: undefined };
    const t = normaliseText(text);
    if (YES.has(t)) return { ok: true, value: true };
    if (NO.has(t)) return { ok: true, value: false };
    return { ok: false, code: 'INVALID_VALUE', params: { text, allowed: '是、否' } };
  }
  const percentText = cell?.kind === 'text' && /[%％]\s*$/.test(cell.text);
  const stripped: CellValue | undefined = percentText && cell?.kind === 'text' ? { kind: 'text', text: cell.text.replace(/[%％]\s*$/, '') } : cell;
  const parsed = parseNumber(stripped, true);
  if (!parsed.ok) return parsed;
  if (parsed.value === undefined) return { ok: true, value: undefined };
  const n = parsed.value;
  if (n < 0) return { ok: false, code: 'NEGATIVE_VALUE', params: { value: n } };
  switch (input.unit) {
    case 'percent': {
      const asPercent = percentText || rowUnit === '%' || n > 1;
      const value = asPercent ? n / 100 : n;
      if (value > 1) return { ok: false, code: 'RATIO_OUT_OF_RANGE', params: { text: cellText(cell) ?? String(n) } };
      return { ok: true, value };
    }
    case 'count':
      return Number.isInteger(n) ? { ok: true, value: n } : { ok: false, code: 'NOT_INTEGER', params: { value: n } };
    case 'yuan':
      return { ok: true, value: rowUnit === '万元' ? n * 10000 : n };
    case 'number':
      return { ok: true, value: n };
  }
}
