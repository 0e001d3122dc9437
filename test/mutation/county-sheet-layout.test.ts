// Where a county sheet's table is (src/schema/county-sheet/layout.ts): its header row and what each column holds.
// Each expectation written out by hand from input.md (指标 | 数值 | 说明; the 自评表 with 序号 … 是否达标; one column per county).
import { describe, expect, it } from 'vitest';
import type { Wording } from '../../src/engine/checklist-rules';
import { WORDING_2017 } from '../../src/engine/wording-2017';
import { arraySheet, type CellValue } from '../../src/read/types';
import { findLayout } from '../../src/schema/county-sheet/layout';

const wording = (): Wording => structuredClone(WORDING_2017);
const sheet = (...rows: (string | null)[][]) =>
  arraySheet(
    '县级指标',
    rows.map((r) => r.map((c): CellValue | undefined => (c === null ? undefined : { kind: 'text', text: c }))),
  );
const layout = (s: ReturnType<typeof sheet>, counties: string[] = [], w: Wording = wording()) =>
  findLayout(s, w, counties);

describe('findLayout', () => {
  it('the template: 指标 | 数值 | 说明', () => {
    expect(layout(sheet(['指标', '数值', '说明']))).toEqual({
      row: 0,
      nameCol: 0,
      seqCol: null,
      valueCols: [{ col: 1, county: null }],
      fallbackCols: [],
      claimCol: null,
      otherCols: [],
      standardCols: [],
      notes: [],
    });
  });

  it('the 自评表 below its title: 序号 | 评估内容 | 评估标准 | 实际情况 | 自评情况 | 是否达标 | 佐证材料 | 复核', () => {
    expect(
      layout(
        sheet(
          ['和平县自评表'],
          ['序号', '评估内容', '评估标准', '实际情况', '自评情况', '是否达标', '佐证材料', '复核'],
        ),
      ),
    ).toEqual({
      row: 1,
      nameCol: 1,
      seqCol: 0,
      valueCols: [{ col: 3, county: null }],
      fallbackCols: [4],
      claimCol: 5,
      otherCols: [{ col: 7, header: '复核' }],
      standardCols: [2],
      notes: [],
    });
  });

  it('a county’s own columns: 县级自评数据, 县级自评结论; a second 结论 is another column', () => {
    const l = layout(sheet(['指标', '县级自评数据', '县级自评结论', '是否达标', '市级复核意见']))!;
    expect(l.valueCols).toEqual([{ col: 1, county: null }]);
    expect(l.claimCol).toBe(2);
    expect(l.otherCols).toEqual([{ col: 3, header: '是否达标' }]);
  });

  it('one column per county of the school sheet; the value columns then warned about', () => {
    const l = layout(sheet(['指标', '甲县', '数值', '乙县', '丙县']), ['甲县', '乙县'])!;
    expect(l.valueCols).toEqual([
      { col: 1, county: '甲县' },
      { col: 3, county: '乙县' },
    ]);
    expect(l.fallbackCols).toEqual([]);
    expect(l.otherCols).toEqual([
      { col: 4, header: '丙县' },
      { col: 2, header: '数值' },
    ]);
  });

  it('a heading of no known kind is the value column; the next ones are other columns', () => {
    const l = layout(sheet(['项目', '2024年数据', '去年']))!;
    expect(l.valueCols).toEqual([{ col: 1, county: null }]);
    expect(l.otherCols).toEqual([{ col: 2, header: '去年' }]);
  });

  it('two columns of the year read: the left one, the other a misread warning (not “another year”)', () => {
    const l = layout(sheet(['指标', '2023年', '2024年', '2024年（调整后）']))!;
    expect(l.valueCols).toEqual([{ col: 2, county: null }]);
    expect(l.notes.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ['DUPLICATE_COLUMN_YEAR', 'info', 'B1'],
      ['COUNTY_COLUMN_SAME_YEAR', 'warning', 'D1'],
    ]);
  });

  it('columns of two years: the latest, or the one the title names; the others said', () => {
    const l = layout(sheet(['指标', '2023年', '2024年', '说明']))!;
    expect(l.valueCols).toEqual([{ col: 2, county: null }]);
    expect(l.otherCols).toEqual([]);
    expect(l.notes.map((i) => [i.code, i.cell, i.column])).toEqual([['DUPLICATE_COLUMN_YEAR', 'B1', '2023年']]);
    expect(l.notes[0]!.text).toContain('较近年份');
    const titled = layout(sheet(['和平县2023年县级指标'], ['指标', '2023年', '2024年', '备注']))!;
    expect(titled.valueCols).toEqual([{ col: 1, county: null }]);
    expect(titled.notes.map((i) => i.cell)).toEqual(['C2']);
    expect(titled.notes[0]!.text).toContain('表标题所示年份（2023年）');
    // One year only: the column of no known kind.
    expect(layout(sheet(['指标', '2024年', '去年']))!.valueCols).toEqual([{ col: 1, county: null }]);
  });

  it('no table: no name column, or a name column with nothing beside it; only the first 30 rows', () => {
    expect(layout(sheet(['学校名称', '数值']))).toBeNull();
    expect(layout(sheet(['指标', '说明']))).toBeNull();
    expect(layout(sheet(['指标']))).toBeNull();
    const late = Array.from({ length: 30 }, () => ['标题']);
    expect(layout(sheet(...late, ['指标', '数值']))).toBeNull();
    expect(layout(sheet(...late.slice(1), ['指标', '数值']))!.row).toBe(29);
    // A 是否达标 column alone is enough.
    expect(layout(sheet(['指标', '是否达标']))).toMatchObject({ valueCols: [], claimCol: 1 });
  });

  it('a value or other column left of the name is not read', () => {
    const l = layout(sheet(['数值', '备注', '去年', '指标', '数值']))!;
    expect(l.nameCol).toBe(3);
    expect(l.valueCols).toEqual([{ col: 4, county: null }]);
    expect(l.otherCols).toEqual([]);
  });

  it('a bracket remark is no part of a heading: 项目（名称） is a name, 数值（万元） a value', () => {
    const l = layout(sheet(['项目（名称）', '数值（万元）', '说明（口径）']))!;
    expect(l.nameCol).toBe(0);
    expect(l.valueCols).toEqual([{ col: 1, county: null }]);
    expect(l.otherCols).toEqual([]);
  });

  it('an empty heading after the name column is no column', () => {
    expect(layout(sheet(['指标', null, '数值', '说明']))).toMatchObject({
      valueCols: [{ col: 2, county: null }],
      otherCols: [],
      fallbackCols: [],
    });
  });

  it('a county’s own name heading (县级指标) is the name column', () => {
    expect(layout(sheet(['县级指标', '数值']))).toMatchObject({ nameCol: 0, valueCols: [{ col: 1, county: null }] });
  });

  it('a heading listed as it is, is read as listed, not as its words without 县级 are', () => {
    // A wording whose value heading is 县级结论 (结论 alone is a 是否达标 heading).
    const w = wording();
    w.countySheet.valueHeaders.push('县级结论');
    expect(layout(sheet(['指标', '县级结论']), [], w)).toMatchObject({
      valueCols: [{ col: 1, county: null }],
      claimCol: null,
    });
  });

  it('the name column is not a county’s column, even when a county’s short name is its heading', () => {
    // 项目县, short 项目: the heading 项目 is the name column still.
    expect(layout(sheet(['项目', '数值']), ['项目县'])).toMatchObject({
      nameCol: 0,
      valueCols: [{ col: 1, county: null }],
    });
  });

  it('columns of two years beside another unknown one: that one is still another column; one year only notes nothing', () => {
    const l = layout(sheet(['指标', '2023年', '2024年', '去年']))!;
    expect(l.valueCols).toEqual([{ col: 2, county: null }]);
    expect(l.otherCols).toEqual([{ col: 3, header: '去年' }]);
    // DUPLICATE_COLUMN_YEAR's template, filled by hand.
    expect(l.notes.map((i) => i.text)).toEqual(['此列与 C1“2024年”同为“数值”、年份不同，未使用：按较近年份的 C1 读取']);
    const one = layout(sheet(['指标', '2024年', '去年']))!;
    expect(one.notes).toEqual([]);
    expect(one.otherCols).toEqual([{ col: 2, header: '去年' }]);
  });
});
