// Which sheets are the county sheet (src/schema/county-sheet/index.ts) and what each county takes from it.
// Each expectation written out by hand from input.md (an optional second sheet 县级指标; one column per county).
import { describe, expect, it } from 'vitest';
import { YOUZHI_2017 } from '../../src/engine/profile';
import { arraySheet, type CellValue, type SourceFile } from '../../src/read/types';
import { countyFigures, noCountySheet, readCountySheet } from '../../src/schema/county-sheet/index';

type C = CellValue | undefined;
const row = (...cells: (string | number | null)[]): C[] =>
  cells.map((c) =>
    c === null ? undefined : typeof c === 'number' ? { kind: 'number', value: c } : { kind: 'text', text: c },
  );
const page = (name: string, teachers: number, hidden = false) =>
  arraySheet(name, [row('指标', '数值'), row('专任教师总数', teachers)], [], hidden);
const read = (sheets: ReturnType<typeof arraySheet>[], counties: string[] = []) => {
  const source: SourceFile = { path: 'x.xlsx', format: 'xlsx', sheets };
  return readCountySheet(source, structuredClone(YOUZHI_2017), { schoolSheets: ['学校数据'], counties });
};
const teachers = (r: ReturnType<typeof read>) => r.figures.get(null)?.get('allTeachers')?.value;
const codes = (r: ReturnType<typeof read>) => r.issues.map((i) => `${i.code} ${i.sheet ?? ''} ${i.row ?? ''}`);

describe('readCountySheet: which sheets', () => {
  it('none: no sheet but the school sheet, or none with a table', () => {
    expect(read([page('学校数据', 1)])).toEqual(noCountySheet());
    expect(read([arraySheet('县级指标', [row('说明文字')])])).toEqual({
      sheet: null,
      titleLines: [],
      signatures: {},
      figures: new Map(),
      claims: new Map(),
      issues: [],
    });
  });

  it('a sheet named as a county sheet first; else the first other sheet with a table', () => {
    expect(read([page('学校数据', 1), page('Sheet3', 2), page('县级指标', 3)]).sheet).toBe('县级指标');
    const other = read([page('学校数据', 1), page('Sheet3', 2), page('Sheet4', 4)]);
    expect(other.sheet).toBe('Sheet3');
    expect(teachers(other)).toBe(2);
    expect(other.sheets).toBeUndefined();
    // A named sheet without a table is passed over for another one.
    // An unnamed sheet without a table too.
    expect(read([arraySheet('Sheet2', [row('说明')]), page('Sheet3', 6)]).sheet).toBe('Sheet3');
    const empty = read([arraySheet('县级指标', [row('无')]), page('Sheet2', 5)]);
    expect(empty.sheet).toBe('Sheet2');
  });

  it('a shown sheet before a hidden one; a hidden one beside a shown one is said, not read', () => {
    const r = read([page('自评表（一）', 1, true), page('自评表（二）', 2)]);
    expect(r.sheet).toBe('自评表（二）');
    expect(teachers(r)).toBe(2);
    expect(codes(r)).toEqual(['COUNTY_SHEET_HIDDEN_NOT_READ 自评表（一） 1']);
    // Hidden only: read.
    const hidden = read([page('自评表', 7, true), page('Sheet2', 2)]);
    expect(hidden.sheet).toBe('自评表');
    expect(teachers(hidden)).toBe(7);
    // Unnamed sheets: a shown one before a hidden one.
    expect(read([page('Sheet2', 1, true), page('Sheet3', 2)]).sheet).toBe('Sheet3');
  });

  it('two hidden named sheets: both read', () => {
    const r = read([
      page('政府保障', 1, true),
      arraySheet('教育质量', [row('指标', '数值'), row('持证上岗率', '99%')], [], true),
    ]);
    expect(r.sheets).toEqual(['政府保障', '教育质量']);
    expect(r.issues.filter((i) => i.code === 'COUNTY_SHEET_HIDDEN_NOT_READ')).toEqual([]);
  });

  it('the same form for two years: the latest read, the others said', () => {
    const r = read([page('自评表（2023年）', 1), page('自评表（2024年）', 2), page('自评表（2022年）', 3)]);
    expect(r.sheet).toBe('自评表（2024年）');
    expect(r.sheets).toBeUndefined();
    expect(teachers(r)).toBe(2);
    expect(codes(r)).toEqual([
      'COUNTY_SHEET_OTHER_YEAR 自评表（2023年） 1',
      'COUNTY_SHEET_OTHER_YEAR 自评表（2022年） 1',
    ]);
    expect(r.issues[0]!.text).toContain('2024');
    // A sheet without a year beside them is a part, read.
    const parts = read([page('自评表（2023年）', 1), page('自评表（2024年）', 2), page('县级指标', 3)]);
    expect(parts.sheets).toEqual(['自评表（2024年）', '县级指标']);
    // One year only: no other year.
    const one = read([page('自评表（2024年）', 2), page('县级指标', 3)]);
    expect(one.sheets).toEqual(['自评表（2024年）', '县级指标']);
    expect(one.issues.filter((i) => i.code === 'COUNTY_SHEET_OTHER_YEAR')).toEqual([]);
  });
});

describe('countyFigures', () => {
  const sheetOf = (figures: [string | null, number][], name: string | null = '县级指标') => ({
    ...noCountySheet(),
    sheet: name,
    figures: new Map(
      figures.map(([c, v]) => [
        c,
        new Map([['allTeachers', { value: v, sheet: '县级指标', cell: 'B2', name: '专任教师总数' }]]),
      ]),
    ),
    claims: new Map([['training', { met: true, sheet: '县级指标', cell: 'E3', text: '达标', name: '培训' }]]),
  });

  it('one county: its column, else the single value column, and the claims', () => {
    const s = sheetOf([[null, 5]]);
    const c = countyFigures(s, ['甲县']);
    expect(c.figuresOf('甲县')?.get('allTeachers')?.value).toBe(5);
    expect(c.claimsOf().get('training')?.met).toBe(true);
    expect(c.issues).toEqual([]);
    const own = countyFigures(
      sheetOf([
        [null, 5],
        ['甲县', 6],
      ]),
      ['甲县'],
    );
    expect(own.figuresOf('甲县')?.get('allTeachers')?.value).toBe(6);
  });

  it('several: each its own column, no claims; the single column’s figures said unplaced', () => {
    const c = countyFigures(
      sheetOf([
        [null, 5],
        ['甲县', 6],
      ]),
      ['甲县', '乙县', '丙县', '丁县'],
    );
    expect(c.figuresOf('甲县')?.get('allTeachers')?.value).toBe(6);
    expect(c.figuresOf('乙县')).toEqual(new Map());
    expect(c.claimsOf()).toEqual(new Map());
    expect(c.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([['COUNTY_FIGURES_UNPLACED', '县级指标', 'B2']]);
    expect(c.issues[0]!.text).toContain('（如“甲县”、“乙县”、“丙县”）');
    expect(c.issues[0]!.text).not.toContain('丁县');
    const noNames = countyFigures(sheetOf([[null, 5]]), [null, null]);
    expect(noNames.issues[0]!.text).not.toContain('（如');
    expect(countyFigures(sheetOf([['甲县', 6]]), ['甲县', '乙县']).issues).toEqual([]);
  });

  it('no sheet: null figures; no county: nothing unplaced', () => {
    const none = countyFigures(noCountySheet(), ['甲县']);
    expect(none.figuresOf('甲县')).toBeNull();
    expect(countyFigures(sheetOf([[null, 5]]), []).issues).toEqual([]);
    expect(
      countyFigures(sheetOf([[null, 5]]), [])
        .figuresOf(null)
        ?.get('allTeachers')?.value,
    ).toBe(5);
    expect(countyFigures(sheetOf([[null, 5]]), ['甲县', '乙县']).figuresOf('甲县')).toEqual(new Map());
  });
});
