/** Shared by the Excel report sheets: colours, number formats, verdict words and formula helpers. */
import { columnLetters } from '../../../common/a1';
import type { SectionResult } from '../../../engine/compliance';
import type { Status } from '../../../engine/school-items';
import { COMPARE_DECIMALS } from '../../../engine/stats';
import { type Report } from '../../../report/model';
import { STATUS_LABEL } from '../../prose';
import { sheetRef } from '../book';
import { type SheetBuilder, type CellSpec, type Scalar } from '../sheet';
import type { Style } from '../styles';

export const COLOUR = {
  header: 'FFD9E1F2',
  ok: 'FFE2EFDA',
  bad: 'FFFCE4D6',
  warn: 'FFFFF2CC',
  badText: 'FFC00000',
  link: 'FF0563C1',
  grey: 'FF595959',
  input: 'FFFFF2CC',
} as const;
/** Number formats; a trailing ";" section shows zero as blank. */
export const NUM = {
  int: '#,##0',
  money: '#,##0',
  area: '#,##0.0',
  ratio: '0.00',
  value: '#,##0.00',
  cv: '0.000',
  sd: '#,##0.000',
  pct: '0.00%',
  amount: '#,##0.##',
  intBlank: '#,##0;-#,##0;',
  areaBlank: '#,##0.0;-#,##0.0;',
} as const;

/** The leading columns many sheets share: 学段, 指标 (an indicator's short name and unit). */
export const LEVEL_COLUMN = { header: '学段', width: 6 } as const;
export const INDICATOR_COLUMN = { header: '指标', width: 16 } as const;

export const CENTER: Style = { border: true, align: 'center', valign: 'middle' };
export const OK_LOOK = { fill: COLOUR.ok };
export const BAD_LOOK = { fill: COLOUR.bad, bold: true, color: COLOUR.badText };

export const MET = '✓';
export const NOT_MET = '✗';
export const PASS = '达标';
export const FAIL = '未达标';

export const R = COMPARE_DECIMALS;
/** ROUND(a,9)>=ROUND(b,9): the engine's comparison, written as a formula. */
export const atLeastF = (a: string, b: string) => `ROUND(${a},${R})>=ROUND(${b},${R})`;

/**
 * A formula that repeats down a block of rows, written once as an OOXML shared formula: the
 * block's first row builds the text, later rows carry only their cached value. Keys are unique
 * per block (they include the level where a standard's cell differs by level).
 */
export function shared(seen: Set<string>, key: string, formula: () => string, v: Scalar, s?: Style): CellSpec {
  const spec: CellSpec = { share: key, v, ...(s ? { s } : {}) };
  if (!seen.has(key)) {
    seen.add(key);
    spec.f = formula();
  }
  return spec;
}

/** 达标 green, 未达标 red, over a range (the colour follows a recalculated formula). */
export const colourVerdicts = (sheet: SheetBuilder, range: string) =>
  sheet.highlights.push({ range, text: PASS, style: OK_LOOK }, { range, text: FAIL, style: BAD_LOOK });
/** 未达标 red, 未提供 yellow, for checklist and school-item statuses. */
export const colourStatuses = (sheet: SheetBuilder, range: string) =>
  sheet.highlights.push(
    { range, text: STATUS_LABEL.not_met, style: BAD_LOOK },
    { range, text: STATUS_LABEL.not_provided, style: { fill: COLOUR.warn } },
  );

export const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, '').slice(0, 31);
export const ref = (sheet: string, cell: string) => `${sheetRef(sheet)}!${cell}`;
export const abs = (col: number, row: number) => `$${columnLetters(col - 1)}$${row}`;
export const cellAt = (col: number, row: number) => `${columnLetters(col - 1)}${row}`;

// ── 标准: the profile's rule values, the cells every formula reads ──

export function keptName(report: Report, s: SectionResult): string {
  if (s.compliant) return '—';
  return s.leftAtFloor.map((id) => report.profile.indicators.find((i) => i.id === id)!.short).join('、');
}

export const statusCell = (s: Status): CellSpec => ({ v: STATUS_LABEL[s], s: CENTER });
