// The parts of a header's surroundings (src/schema/header/cells.ts, title.ts, furniture.ts, by-values.ts) and the
// cells merged down over data rows (src/schema/merges.ts), on sheets built in each test. Each expectation written
// out from the rule (issue 31: the survivors of the mutation run on src/schema).
import { describe, expect, it } from 'vitest';
import { WORDING_2017 } from '../../src/engine/wording-2017';
import { arraySheet, type CellValue, type MergeRange } from '../../src/read/types';
import { FIELD_BY_ID } from '../../src/schema/columns';
import { columnHoldsData, fieldByValues, sampleTexts } from '../../src/schema/header/by-values';
import { rowTexts, textAt } from '../../src/schema/header/cells';
import { headerFurniture, isColumnNumberRow, isColumnNumberStart, unitNotes } from '../../src/schema/header/furniture';
import type { ColumnMatch } from '../../src/schema/header/layout';
import { titleAbove, yearIn } from '../../src/schema/header/title';
import { DataMerges } from '../../src/schema/merges';

const t = (text: string): CellValue => ({ kind: 'text', text });
const n = (value: number): CellValue => ({ kind: 'number', value });
const cells = (row: (string | number | null)[]) =>
  row.map((v) => (v === null ? undefined : typeof v === 'number' ? n(v) : t(v)));
const sheetOf = (rows: (string | number | null)[][], merges: MergeRange[] = []) =>
  arraySheet('表', rows.map(cells), merges);

describe('cells', () => {
  it('textAt: a cell’s text trimmed, a number as written, through merges; else nothing', () => {
    const sheet = arraySheet(
      '表',
      [
        [t(' 在校学生数 '), undefined, n(12.5), { kind: 'bool', value: true }],
        [undefined, t('小学')],
      ],
      [{ top: 0, left: 0, bottom: 0, right: 1 }],
    );
    expect([0, 1, 2, 3, 4].map((c) => textAt(sheet, 0, c))).toEqual(['在校学生数', '在校学生数', '12.5', '', '']);
    expect(textAt(sheet, 1, 1)).toBe('小学');
    expect(textAt(sheet, 5, 0)).toBe('');
  });

  it('rowTexts: every text and number of a row, blanks left out', () => {
    const sheet = arraySheet('表', [[t('甲'), undefined, n(0), t(''), { kind: 'bool', value: false }, t(' 乙 ')]]);
    expect(rowTexts(sheet, 0)).toEqual(['甲', '0', ' 乙 ']);
    expect(rowTexts(sheet, 3)).toEqual([]);
  });
});

describe('title', () => {
  it('the first text above the header row, trimmed', () => {
    expect(titleAbove(sheetOf([[null, 2024, ' ', ' 某县统计表 '], ['填报单位'], ['学校名称']]), 2)).toBe('某县统计表');
    expect(titleAbove(sheetOf([[2024], ['学校名称']]), 1)).toBeNull();
    expect(titleAbove(sheetOf([['学校名称']]), 0)).toBeNull();
    expect(titleAbove(sheetOf([[], ['某表'], ['学校名称']]), 1)).toBeNull();
  });

  it('the year a text names: its last', () => {
    expect(yearIn('2023-2024学年')).toBe(2024);
    expect(yearIn('１９９９年')).toBe(1999);
    expect(yearIn('2023年（2024年修订）')).toBe(2024);
    expect(yearIn('第2100号')).toBeNull();
    expect(yearIn('小学在校生数')).toBeNull();
  });
});

describe('header furniture', () => {
  it('a unit row, then a column-number row, right below the header: data after both', () => {
    const sheet = sheetOf([
      ['学校名称', '面积', '人数'],
      [null, '（平方米）', '人'],
      ['甲', '乙', '1'],
      ['一小', 500, 300],
    ]);
    const f = headerFurniture(sheet, 1);
    expect([f.units && [...f.units], f.dataStart, f.numbersRow]).toEqual([
      [
        [1, '平方米'],
        [2, '人'],
      ],
      3,
      2,
    ]);
  });

  it('a column-number row, then a unit row; or neither', () => {
    const sheet = sheetOf([
      ['学校名称', '面积'],
      ['甲', '乙'],
      [null, '㎡'],
      ['一小', 500],
    ]);
    const f = headerFurniture(sheet, 1);
    expect([f.units && [...f.units], f.dataStart, f.numbersRow]).toEqual([[[1, 'm2']], 3, 1]);
    const none = headerFurniture(sheetOf([['学校名称'], ['一小', '人'], ['二小']]), 1);
    expect([none.units, none.dataStart, none.numbersRow]).toEqual([null, 1, null]);
    // A row of blanks is no unit row; a unit row holding another word is none either.
    expect(headerFurniture(sheetOf([['学校名称'], [null, ' '], ['一小']]), 1).dataStart).toBe(1);
    expect(headerFurniture(sheetOf([['学校名称'], ['人', '合计']]), 1).units).toBeNull();
    // A unit is a whole text, or a whole text in brackets.
    expect(headerFurniture(sheetOf([['学校名称'], [null, 'm(2)']]), 1).units).toBeNull();
    expect(headerFurniture(sheetOf([['学校名称'], [null, '(m)2']]), 1).units).toBeNull();
    // Two column-number rows: the second is data.
    const twice = headerFurniture(sheetOf([['学校名称'], ['甲', '乙'], ['甲', '乙']]), 1);
    expect([twice.dataStart, twice.numbersRow]).toEqual([2, 1]);
  });

  it('a column-number row begins with 甲 and has 乙', () => {
    expect(isColumnNumberRow(['甲', '乙', '1'])).toBe(true);
    expect(isColumnNumberRow([' 甲 ', '1', '乙'])).toBe(true);
    expect(isColumnNumberRow(['甲', '1'])).toBe(false);
    expect(isColumnNumberRow(['乙', '甲'])).toBe(false);
    expect(isColumnNumberRow([])).toBe(false);
    expect(isColumnNumberStart('甲')).toBe(true);
    expect(isColumnNumberStart('甲 　 ')).toBe(true);
    expect(isColumnNumberStart('甲  　  ')).toBe(false);
    expect(isColumnNumberStart('甲县')).toBe(false);
  });

  it('units a note above the header gives its kinds of column, a whole word after 单位：', () => {
    const sheet = sheetOf([
      ['某县统计表', '填报单位：元江县教育局'],
      [null, null, '单位：人、平方米（万元）'],
      ['金额单位：万元；面积单位: 万平方米', '金额单位：元'],
      ['学校名称'],
    ]);
    expect([...unitNotes(sheet, 3)]).toEqual([
      ['area', { unit: '平方米', note: '单位：人、平方米（万元）', cell: 'C2' }],
      ['money', { unit: '万元', note: '金额单位：万元；面积单位: 万平方米', cell: 'A3' }],
    ]);
    expect([...unitNotes(sheet, 1)]).toEqual([]);
    expect([...unitNotes(sheetOf([[' 金额单位：万元 '], ['学校名称']]), 1)]).toEqual([
      ['money', { unit: '万元', note: '金额单位：万元', cell: 'A1' }],
    ]);
    expect([...unitNotes(sheetOf([['单位：元/平方米'], ['学校名称']]), 1)]).toEqual([
      ['money', { unit: '元', note: '单位：元/平方米', cell: 'A1' }],
      ['area', { unit: '平方米', note: '单位：元/平方米', cell: 'A1' }],
    ]);
    expect([...unitNotes(sheetOf([['单位：千元和平米'], ['学校名称']]), 1)].map(([k, v]) => [k, v.unit])).toEqual([
      ['money', '千元'],
      ['area', '平米'],
    ]);
    expect([...unitNotes(sheetOf([[1], ['单位：元及m2'], ['学校名称']]), 2)].map(([k, v]) => [k, v.unit])).toEqual([
      ['money', '元'],
      ['area', 'm2'],
    ]);
  });
});

describe('columns told by their values', () => {
  it('sampleTexts: each column’s texts trimmed, blanks left out; a number makes it null', () => {
    const sheet = sheetOf([
      ['x', 'y', 'z'],
      [' 小学 ', 1, ''],
      ['初中', '公办', null],
      [null, '民办', ' '],
    ]);
    expect([...sampleTexts(sheet, [0, 1, 2], 1)]).toEqual([
      [0, ['小学', '初中']],
      [1, null],
      [2, []],
    ]);
    expect([...sampleTexts(sheet, [], 1)]).toEqual([]);
    expect([...sampleTexts(sheet, [0], 2)]).toEqual([[0, ['初中']]]);
  });

  it('sampleTexts reads the first 200 data rows only', () => {
    const rows = [['x'], ...Array.from({ length: 200 }, () => ['小学']), [5]];
    expect(sampleTexts(sheetOf(rows), [0], 1).get(0)?.length).toBe(200);
    expect(sampleTexts(sheetOf(rows), [0], 2).get(0)).toBeNull();
  });

  it('fieldByValues: every text one of a column’s words, two at least; a column named already is not tried', () => {
    const w = () => ({ ...WORDING_2017 });
    const found = (texts: string[] | null, named: string[] = []) => {
      const r = fieldByValues(texts, w(), new Set(named));
      return r && [r.field.id, r.values];
    };
    expect(found(['小学', '初中', '小学', '九年一贯制', '完全中学', '教学点'])).toEqual([
      'type',
      ['小学', '初中', '九年一贯制', '完全中学'],
    ]);
    expect(found(['公办', '民办'])).toEqual(['ownership', ['公办', '民办']]);
    expect(found(['城区', '乡村'])).toEqual(['urbanRural', ['城区', '乡村']]);
    expect(found(['小学', '初中'], ['type'])).toBeNull();
    expect(found(['小学'])).toBeNull();
    expect(found(null)).toBeNull();
    expect(found(['小学', '公办'])).toBeNull();
  });

  it('columnHoldsData: anything but blank text from the row given', () => {
    const sheet = sheetOf([['x'], [' '], [null], ['']]);
    expect(columnHoldsData(sheet, 0, 1)).toBe(false);
    expect(columnHoldsData(sheetOf([['x'], [' '], [0]]), 0, 1)).toBe(true);
    expect(columnHoldsData(sheetOf([['x'], [' '], ['一']]), 0, 1)).toBe(true);
    expect(columnHoldsData(sheetOf([['x'], [' ']]), 0, 0)).toBe(true);
  });
});

describe('cells merged down over data rows', () => {
  const column = (col: number, id: string): ColumnMatch => ({
    field: FIELD_BY_ID.get(id)!,
    section: null,
    col,
    header: FIELD_BY_ID.get(id)!.label,
    unitFactor: 1,
  });

  it('a text column reads its merge’s first cell below it, said once per column; a number column names the first cell', () => {
    const sheet = sheetOf(
      [
        ['区县', '学校名称', '小学在校生数'],
        ['甲县', '一小', 300],
        [null, '二小', null],
        [null, '三小', null],
        ['乙县', '四小', 100],
      ],
      [
        { top: 1, left: 0, bottom: 3, right: 0 },
        { top: 1, left: 2, bottom: 2, right: 2 },
      ],
    );
    const columns = [column(0, 'county'), column(1, 'name'), column(2, 'studentsPrimary')];
    const merges = DataMerges.of(sheet, columns, 1)!;
    const read = (r: number) => {
      const out = merges.fill(r, sheet.row(r));
      return [
        out.map((c) => (c?.kind === 'text' ? c.text : c?.kind === 'number' ? c.value : null)),
        merges.numbers.map((x) => [x.column.col, x.master]),
      ];
    };
    expect(read(1)).toEqual([['甲县', '一小', 300], []]);
    expect(read(2)).toEqual([['甲县', '二小', null], [[2, 'C2']]]);
    expect(read(3)).toEqual([['甲县', '三小', null], []]);
    expect(read(4)).toEqual([['乙县', '四小', 100], []]);
    expect([...merges.filled.values()]).toEqual([
      {
        at: { sheet: '表', cell: 'A3', column: '区县', field: 'county' },
        params: { master: 'A2', value: '甲县' },
        count: 2,
      },
    ]);
    // The row given is not changed.
    expect(sheet.row(2)[0]).toBeUndefined();
  });

  it('no merge down below the header, or none in the columns read: nothing to do', () => {
    const across = sheetOf(
      [
        ['区县', '学校名称'],
        ['甲县', '一小'],
      ],
      [{ top: 1, left: 0, bottom: 1, right: 1 }],
    );
    expect(DataMerges.of(across, [column(0, 'county')], 1)).toBeNull();
    const above = sheetOf(
      [
        ['区县', '学校名称'],
        ['甲县', '一小'],
      ],
      [{ top: 0, left: 0, bottom: 1, right: 0 }],
    );
    expect(DataMerges.of(above, [column(0, 'county')], 1)).toBeNull();
    const other = sheetOf(
      [['区县', '学校名称', 'x'], ['甲县', '一小', 'y'], []],
      [{ top: 1, left: 2, bottom: 2, right: 2 }],
    );
    expect(DataMerges.of(other, [column(0, 'county'), column(1, 'name')], 1)).toBeNull();
  });

  it('a school’s own name is not filled, nor a cell that has a value, nor from a blank first cell', () => {
    const sheet = sheetOf(
      [
        ['学校名称', '学校类型', '学区'],
        ['一小', '小学', null],
        [null, '初中', null],
        [null, null, null],
      ],
      [
        { top: 1, left: 0, bottom: 3, right: 0 },
        { top: 1, left: 1, bottom: 3, right: 1 },
        { top: 1, left: 2, bottom: 3, right: 2 },
      ],
    );
    const merges = DataMerges.of(sheet, [column(0, 'name'), column(1, 'type'), column(2, 'group')], 1)!;
    const text = (c: CellValue | undefined) => (c?.kind === 'text' ? c.text : null);
    expect(merges.fill(2, sheet.row(2)).map(text)).toEqual([null, '初中', null]);
    expect(merges.fill(3, sheet.row(3)).map(text)).toEqual([null, '小学', null]);
    expect([...merges.filled.values()].map((f) => [f.at.cell, f.count])).toEqual([['B4', 1]]);
  });

  it('a number merged down from a blank first cell: said below it, not at the first cell', () => {
    const sheet = sheetOf(
      [
        ['学校名称', '小学在校生数'],
        ['一小', null],
        ['二小', null],
      ],
      [{ top: 1, left: 1, bottom: 2, right: 1 }],
    );
    const merges = DataMerges.of(sheet, [column(0, 'name'), column(1, 'studentsPrimary')], 1)!;
    merges.fill(1, sheet.row(1));
    expect(merges.numbers).toEqual([]);
    merges.fill(2, sheet.row(2));
    expect(merges.numbers.map((x) => x.master)).toEqual(['B2']);
  });

  it('merges of one column are taken in row order, each over its own rows', () => {
    const sheet = sheetOf(
      [
        ['区县', '学校名称'],
        ['甲县', '一小'],
        [null, '二小'],
        ['丙县', '三小'],
        ['乙县', '四小'],
        [null, '五小'],
      ],
      [
        { top: 4, left: 0, bottom: 5, right: 0 },
        { top: 1, left: 0, bottom: 2, right: 0 },
      ],
    );
    const merges = DataMerges.of(sheet, [column(0, 'county')], 1)!;
    const county = (r: number) => {
      const c = merges.fill(r, sheet.row(r))[0];
      return c?.kind === 'text' ? c.text : null;
    };
    expect([1, 2, 3, 4, 5].map(county)).toEqual(['甲县', '甲县', '丙县', '乙县', '乙县']);
  });
});
