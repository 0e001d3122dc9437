// A county figure kept once (src/schema/county-sheet/state.ts) and the county's 是否达标 (claims.ts), read through
// readCountySheet. Each expectation written out by hand from input.md and the 自评表 layout.
import { describe, expect, it } from 'vitest';
import { YOUZHI_2017 } from '../../src/engine/profile';
import { arraySheet, type CellValue, type SourceFile } from '../../src/read/types';
import { readCountySheet } from '../../src/schema/county-sheet/index';

type C = CellValue | undefined;
const row = (...cells: (string | number | null)[]): C[] =>
  cells.map((c) =>
    c === null ? undefined : typeof c === 'number' ? { kind: 'number', value: c } : { kind: 'text', text: c },
  );
const read = (rows: C[][], counties: string[] = []) => {
  const source: SourceFile = { path: 'x.xlsx', format: 'xlsx', sheets: [arraySheet('县级指标', rows)] };
  return readCountySheet(source, structuredClone(YOUZHI_2017), { schoolSheets: [], counties });
};
const issues = (r: ReturnType<typeof read>, code: string) =>
  r.issues.filter((i) => i.code === code).map((i) => ({ cell: i.cell, county: i.county, text: i.text }));

describe('set', () => {
  it('a figure twice: the first kept, the second said with where the first is', () => {
    const r = read([row('指标', '数值'), row('专任教师总数', 2000), row('专任教师总数', 2100)]);
    expect(r.figures.get(null)!.get('allTeachers')).toEqual({
      value: 2000,
      sheet: '县级指标',
      cell: 'B2',
      name: '专任教师总数',
    });
    expect(issues(r, 'DUPLICATE_COUNTY_ROW')).toEqual([
      { cell: 'B3', county: undefined, text: expect.stringContaining('县级指标!B2') as string },
    ]);
  });

  it('per county: the same figure in two counties’ columns is no duplicate; twice in one is', () => {
    const r = read(
      [row('指标', '甲县', '乙县'), row('专任教师总数', 2000, 3000), row('专任教师总数', 2100, null)],
      ['甲县', '乙县'],
    );
    expect(r.figures.get('甲县')!.get('allTeachers')!.value).toBe(2000);
    expect(r.figures.get('乙县')!.get('allTeachers')!.value).toBe(3000);
    expect(issues(r, 'DUPLICATE_COUNTY_ROW').map((i) => [i.cell, i.county])).toEqual([['B3', '甲县']]);
  });

  it('a claim read as a 是/否 figure gives way to a figure written for it; a claim after a figure does not', () => {
    const header = row('指标', '数值', '是否达标');
    const r = read([header, row('四统一', null, '达标'), row('四统一', '否', null), row('四统一', '是', null)]);
    expect(r.figures.get(null)!.get('fourUnified')).toMatchObject({ value: false, cell: 'B3' });
    // The third row: a duplicate of the figure of the second.
    expect(issues(r, 'DUPLICATE_COUNTY_ROW').map((i) => i.cell)).toEqual(['B4']);
    const after = read([header, row('四统一', '否', null), row('四统一', null, '达标')]);
    expect(after.figures.get(null)!.get('fourUnified')).toMatchObject({ value: false, cell: 'B2' });
    expect(issues(after, 'DUPLICATE_COUNTY_ROW')).toEqual([]);
  });
});

describe('readClaim', () => {
  const header = () => row('指标', '数值', '是否达标');
  it('the first claim of an item kept; one that says otherwise said; one that agrees not', () => {
    const r = read([
      header(),
      row('持证上岗率', '100%', '达标'),
      row('专任教师总数', 2000, '未达标'),
      row('持有教师资格证专任教师数', 2000, '达标'),
    ]);
    expect(r.claims.get('certification')).toEqual({
      met: true,
      sheet: '县级指标',
      cell: 'C2',
      text: '达标',
      name: '持证上岗率',
    });
    expect(issues(r, 'CLAIM_CONFLICTS').map((i) => i.cell)).toEqual(['C3']);
    expect(issues(r, 'CLAIM_CONFLICTS')[0]!.text).toContain('县级指标!C2');
  });

  it('a claim that says neither is said; no claim column, no claim', () => {
    const r = read([header(), row('专任教师总数', 2000, '见附件')]);
    expect(r.claims.size).toBe(0);
    expect(issues(r, 'COUNTY_FIGURE_UNCLEAR').map((i) => i.cell)).toEqual(['C2']);
    const none = read([row('指标', '数值', '备注'), row('专任教师总数', 2000, '达标')]);
    expect(none.claims.size).toBe(0);
  });
});
