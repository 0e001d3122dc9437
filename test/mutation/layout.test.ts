// The columns read from a header (src/schema/header/layout.ts): units, duplicates, hidden and other years' columns,
// per-student, unnamed and summed columns, the first data row. Sheets built in each test, read under a new copy of
// the 2017 wording; each expectation written out from the rule and the catalogue's templates (issue 31: the
// survivors of the mutation run on src/schema).
import { describe, expect, it } from 'vitest';
import { WORDING_2017 } from '../../src/engine/wording-2017';
import { arraySheet, type CellValue, type MergeRange } from '../../src/read/types';
import { findHeader } from '../../src/schema/header/find';
import { layoutOf } from '../../src/schema/header/layout';

const cell = (v: string | number | null): CellValue | undefined =>
  v === null ? undefined : typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', text: v };
type Rows = (string | number | null)[][];
const layout = (rows: Rows, hiddenColumns: number[] = [], merges: MergeRange[] = []) => {
  const sheet = arraySheet(
    '表',
    rows.map((r) => r.map(cell)),
    merges,
    false,
    { columns: new Set(hiddenColumns) },
  );
  const wording = { ...WORDING_2017 };
  return layoutOf(sheet, findHeader(sheet, wording)!, wording);
};
const cols = (l: ReturnType<typeof layout>) =>
  l.columns.map((c) => [c.col, c.section ? `${c.section}:${c.field.id}` : c.field.id, c.unitFactor]);
const said = (l: ReturnType<typeof layout>) => l.issues.map((i) => [i.code, i.cell ?? i.row, i.text]);
const BASE = ['学校名称', '学校类型'];
const ROW = ['一小', '小学'];

describe('units', () => {
  it('a unit in the header converts money and area; an unknown one is an error and the column is not read', () => {
    const l = layout([
      [
        ...BASE,
        '教学仪器设备资产值（万元）',
        '体育运动场馆面积（亩）',
        '专任教师数（个）',
        '教学及辅助用房面积（平方米）',
      ],
      [...ROW, 10, 5, 20, 800],
    ]);
    expect(cols(l)).toEqual([
      [0, 'name', 1],
      [1, 'type', 1],
      [2, 'equipmentValue', 10000],
      [4, 'teachers', 1],
      [5, 'teachingSpace', 1],
    ]);
    expect(said(l)).toEqual([
      ['UNIT_CONVERTED', 'C1', '表头单位“万元”：此列数值 × 10000 换算为元'],
      ['UNKNOWN_UNIT', 'D1', '无法识别的单位“亩”（此列可用单位：m2、平方米、平米、万平方米）'],
    ]);
  });

  it('a unit row below the header, and a note above it for a column without a unit of its own', () => {
    const l = layout([
      ['金额单位：万元'],
      [...BASE, '教学仪器设备资产值', '体育运动场馆面积', '教学及辅助用房面积（平方米）'],
      [null, null, null, '万平方米', null],
      [...ROW, 10, 5, 800],
    ]);
    expect(cols(l)).toEqual([
      [0, 'name', 1],
      [1, 'type', 1],
      [2, 'equipmentValue', 10000],
      [3, 'sportsSpace', 10000],
      [4, 'teachingSpace', 1],
    ]);
    expect(said(l)).toEqual([
      ['UNIT_FROM_NOTE', 'C2', '表头未写单位，按表上方 A1“金额单位：万元”：此列数值 × 10000 换算为元'],
      ['UNIT_CONVERTED', 'D2', '表头单位“万平方米”：此列数值 × 10000 换算为平方米'],
    ]);
    expect([l.dataStart, l.headerRow]).toEqual([3, 2]);
  });

  it('a column-number row with a unit row: a note, data after both; without a unit row it is left to the data rows', () => {
    const with_ = layout([
      [...BASE, '专任教师数'],
      ['甲', '乙', '1'],
      [null, null, '人'],
      [...ROW, 20],
    ]);
    expect([with_.dataStart, with_.headerRow]).toEqual([3, 1]);
    expect(said(with_)).toEqual([['ROW_SKIPPED_NOTE', 2, '表下注释“甲 乙 1”已跳过']]);
    const without = layout([
      [...BASE, '专任教师数'],
      ['甲', '乙', '1'],
      [...ROW, 20],
    ]);
    expect([without.dataStart, without.issues]).toEqual([1, []]);
  });
});

describe('two columns of one field', () => {
  it('the same data: the first read, the second said; different data: said with the first row that differs', () => {
    const l = layout([
      [...BASE, '专任教师数', '专任教师数', '班级数', '班级数'],
      [...ROW, 20, 20, 6, 6],
      ['二小', '小学', 30, 30, 6, null],
    ]);
    expect(cols(l)).toEqual([
      [0, 'name', 1],
      [1, 'type', 1],
      [2, 'teachers', 1],
      [4, 'classes', 1],
    ]);
    expect(said(l)).toEqual([
      ['DUPLICATE_COLUMN', 'D1', '与 C1 列同为“专任教师数”，已使用前者，忽略此列'],
      [
        'DUPLICATE_COLUMN_DIFFERS',
        'F1',
        '与 E1 列同为“班级数”，但两列数据不同（第 3 行：6 与 （空）），已使用前者，忽略此列：请确认哪一列是“班级数”，或两列是否应相加',
      ],
    ]);
  });

  it('a hidden column gives way to a shown one, before or after it; a hidden one alone is read and said', () => {
    const l = layout(
      [
        [...BASE, '专任教师数', '专任教师数', '班级数', '班级数', '图书册数'],
        [...ROW, 20, 21, 6, 7, 900],
      ],
      [2, 5, 6],
    );
    expect(cols(l)).toEqual([
      [0, 'name', 1],
      [1, 'type', 1],
      [3, 'teachers', 1],
      [4, 'classes', 1],
      [6, 'books', 1],
    ]);
    expect(said(l)).toEqual([
      ['COLUMN_HIDDEN_NOT_USED', 'C1', '此列在工作表中被隐藏，未使用：“专任教师数”按未隐藏的 D1“专任教师数”读取'],
      ['COLUMN_HIDDEN_NOT_USED', 'F1', '此列在工作表中被隐藏，未使用：“班级数”按未隐藏的 E1“班级数”读取'],
      [
        'COLUMN_HIDDEN',
        'G1',
        '此列在工作表中被隐藏，仍按“图书册数”读取；如是旧数据或草稿，请删除此列，或取消隐藏后核对',
      ],
    ]);
  });

  it('two years: the title’s year is read; without it in the title, the later', () => {
    const head = [...BASE, '专任教师数（2024年）', '专任教师数（2023年）'];
    const titled = layout([['某县统计表（2023年）'], head, [...ROW, 20, 19]]);
    expect(cols(titled)).toEqual([
      [0, 'name', 1],
      [1, 'type', 1],
      [3, 'teachers', 1],
    ]);
    expect(said(titled)).toEqual([
      [
        'DUPLICATE_COLUMN_YEAR',
        'C2',
        '此列与 D2“专任教师数（2023年）”同为“专任教师数”、年份不同，未使用：按表标题所示年份（2023年）的 D2 读取',
      ],
    ]);
    const later = layout([['某县统计表'], head, [...ROW, 20, 19]]);
    expect(cols(later)[2]).toEqual([2, 'teachers', 1]);
    expect(said(later)).toEqual([
      [
        'DUPLICATE_COLUMN_YEAR',
        'D2',
        '此列与 C2“专任教师数（2024年）”同为“专任教师数”、年份不同，未使用：按较近年份的 C2 读取',
      ],
    ]);
    const laterSecond = layout([
      ['某县统计表（2020年）'],
      [...BASE, '专任教师数（2023年）', '专任教师数（2024年）'],
      [...ROW, 19, 20],
    ]);
    expect(cols(laterSecond)[2]).toEqual([3, 'teachers', 1]);
    expect(said(laterSecond)[0]![1]).toBe('C2');
    // One year named, the other not: duplicates.
    const one = layout([
      [...BASE, '专任教师数（2024年）', '专任教师数'],
      [...ROW, 20, 20],
    ]);
    expect(said(one).map((i) => i[0])).toEqual(['DUPLICATE_COLUMN']);
  });

  it('a column read by keywords gives way to one named in the field’s own wording, after it', () => {
    const l = layout([
      [...BASE, '小学在校学生人', '小学在校生数'],
      [...ROW, 300, 310],
    ]);
    expect(cols(l)).toEqual([
      [0, 'name', 1],
      [1, 'type', 1],
      [3, 'studentsPrimary', 1],
    ]);
    expect(said(l)).toEqual([
      [
        'DUPLICATE_COLUMN_NAMED',
        'C1',
        '列名“小学在校学生人”只是近似，表中 D1 列的“小学在校生数”才是此项，已使用后者，忽略此列',
      ],
    ]);
    // Named first, then by keywords: the named one stays, the other a duplicate.
    const first = layout([
      [...BASE, '小学在校生数', '小学在校学生人'],
      [...ROW, 300, 300],
    ]);
    expect(cols(first)[2]).toEqual([2, 'studentsPrimary', 1]);
    expect(said(first).map((i) => i[0])).toEqual(['DUPLICATE_COLUMN']);
  });
});

describe('columns of no known header', () => {
  it('a per-student column: said, with its total’s column, or asking for it', () => {
    const l = layout([
      [...BASE, '专任教师数', '生均专任教师数', '生均图书册数', '生均空白'],
      [...ROW, 20, 0.1, 30, null],
    ]);
    expect(said(l)).toEqual([
      [
        'PER_STUDENT_COLUMN',
        'D1',
        '列“生均专任教师数”是生均（或每百名学生）值，未读取：balance-check 由“专任教师数”列的总量与在校生数自行计算',
      ],
      [
        'PER_STUDENT_COLUMN_NO_TOTAL',
        'E1',
        '列“生均图书册数”是生均（或每百名学生）值，不能代替总量，未读取；请提供“图书册数”的总量列',
      ],
    ]);
  });

  it('a column whose values are a 学段’s words is read as 学校类型; a count a word excludes is not used; else ignored, with the nearest', () => {
    // 学校电话 is most like the wording 学校 (of 学校名称: 2/4), then 学校代码 (of 学校标识码) and 学校类型 (2/6 each): the first field of the two.
    const l = layout([
      ['学校名称', '类别', '小学在校生数', '小学毕业生数', '专任教师', '学校电话'],
      ['一小', '小学', 300, 50, 20, 'x'],
      ['一中', '初中', 300, 50, 20, 'y'],
    ]);
    expect(cols(l)).toEqual([
      [0, 'name', 1],
      [1, 'type', 1],
      [2, 'studentsPrimary', 1],
      [4, 'teachers', 1],
    ]);
    expect(said(l)).toEqual([
      ['COLUMN_READ_BY_VALUES', 'B1', '列名“类别”未识别，按其内容（小学、初中）读作“学校类型”'],
      ['COLUMN_NOT_USED', 'D1', '列“小学毕业生数”不是“小学在校生数”（含“毕业”），计算不需要，未使用'],
      ['COLUMN_IGNORED', 'F1', '未识别的列“学校电话”，其中的数据未使用；是否指“学校名称”或“学校标识码”？'],
    ]);
  });

  it('a column of no known kind without data, or 序号, is left out unsaid; one like nothing, said without a guess', () => {
    const l = layout([
      [...BASE, '空白列', '序号', 'zz'],
      [...ROW, null, 1, 'q'],
    ]);
    expect(said(l)).toEqual([['COLUMN_IGNORED', 'E1', '未识别的列“zz”，其中的数据未使用']]);
  });
});

describe('a field given as its parts', () => {
  it('骨干 as 县级 and 市级, per section: said once, naming the columns added; one part alone is read', () => {
    const l = layout([
      [
        ...BASE,
        '县级骨干教师数',
        '市级骨干教师数',
        '小学部县级骨干教师数',
        '初中部县级骨干教师数',
        '初中部县级及以上骨干教师数',
      ],
      [...ROW, 1, 2, 1, 1, 3],
    ]);
    expect(said(l)).toEqual([
      ['COLUMN_SUMMED', 'C1', '表中没有“县级及以上骨干教师数”一列，按 “县级骨干教师数”、“市级骨干教师数” 各列相加'],
      ['COLUMN_SUMMED', 'E1', '表中没有“小学部县级及以上骨干教师数”一列，按 “小学部县级骨干教师数” 读取'],
    ]);
  });

  it('体育 + 音乐 + 美术 is the field itself: nothing said', () => {
    const l = layout([
      [...BASE, '体育专任教师数', '音乐专任教师数', '美术专任教师数'],
      [...ROW, 1, 1, 1],
    ]);
    expect(l.issues).toEqual([]);
  });
});

describe('more choices between columns', () => {
  it('a column-number row quoted by its first four texts', () => {
    const l = layout([
      [...BASE, '专任教师数', '班级数', '图书册数'],
      ['甲', '乙', '1', '2', '3'],
      [null, null, '人', '个', '册'],
      [...ROW, 20, 6, 900],
    ]);
    expect(said(l)).toEqual([['ROW_SKIPPED_NOTE', 2, '表下注释“甲 乙 1 2”已跳过']]);
  });

  it('a column of 学段 words is not read as 学校类型 beside a 学校类型 column', () => {
    const l = layout([
      [...BASE, '类别'],
      [...ROW, '小学'],
      ['一中', '初中', '初中'],
    ]);
    expect(said(l).map((i) => i[0])).toEqual(['COLUMN_IGNORED']);
    expect(cols(l)).toEqual([
      [0, 'name', 1],
      [1, 'type', 1],
    ]);
  });

  it('a per-student column beside only a 小学部 total has no total of its own', () => {
    const l = layout([
      [...BASE, '小学部专任教师数', '生均专任教师数'],
      [...ROW, 20, 0.1],
    ]);
    expect(said(l).map((i) => i[0])).toEqual(['PER_STUDENT_COLUMN_NO_TOTAL']);
  });

  it('a year on the second column only, or the same year on both: duplicates', () => {
    const second = layout([
      [...BASE, '专任教师数', '专任教师数（2024年）'],
      [...ROW, 20, 20],
    ]);
    expect(said(second).map((i) => [i[0], i[1]])).toEqual([['DUPLICATE_COLUMN', 'D1']]);
    const same = layout([
      [...BASE, '专任教师数（2024年）', '专任教师数（2024年）'],
      [...ROW, 20, 20],
    ]);
    expect(said(same).map((i) => [i[0], i[1]])).toEqual([['DUPLICATE_COLUMN', 'D1']]);
  });

  it('the first column blank where the second is not: （空） first', () => {
    const l = layout([
      [...BASE, '班级数', '班级数'],
      [...ROW, null, 6],
    ]);
    expect(said(l)).toEqual([
      [
        'DUPLICATE_COLUMN_DIFFERS',
        'D1',
        '与 C1 列同为“班级数”，但两列数据不同（第 2 行：（空） 与 6），已使用前者，忽略此列：请确认哪一列是“班级数”，或两列是否应相加',
      ],
    ]);
  });

  it('a column read by keywords in place of a hidden one still gives way to one named after it; a named one does not', () => {
    const byKeywords = layout(
      [
        [...BASE, '小学在校生数', '小学在校学生人', '小学在校生数'],
        [...ROW, 300, 300, 300],
      ],
      [2],
    );
    expect(said(byKeywords).map((i) => [i[0], i[1]])).toEqual([
      ['COLUMN_HIDDEN_NOT_USED', 'C1'],
      ['DUPLICATE_COLUMN_NAMED', 'D1'],
    ]);
    expect(cols(byKeywords)[2]).toEqual([4, 'studentsPrimary', 1]);
    const named = layout(
      [
        [...BASE, '小学在校生数', '小学在校生数', '小学在校生数'],
        [...ROW, 300, 300, 300],
      ],
      [2],
    );
    expect(said(named).map((i) => [i[0], i[1]])).toEqual([
      ['COLUMN_HIDDEN_NOT_USED', 'C1'],
      ['DUPLICATE_COLUMN', 'E1'],
    ]);
  });
});
