// The county sheet's rows read (src/schema/county-sheet/reader.ts), from sheets made in each test.
// Each expectation written out by hand from the spec (input.md: 指标 | 数值 | 说明, 是/否 items; the 自评表 layout).
import { describe, expect, it } from 'vitest';
import { YOUZHI_2017, type Profile } from '../../src/engine/profile';
import { arraySheet, type CellValue, type MergeRange, type SourceFile } from '../../src/read/types';
import { readCountySheet } from '../../src/schema/county-sheet/index';
import { mayNameTerm } from '../../src/schema/county-sheet/reader';
import type { CountyInput } from '../../src/engine/checklist-rules';

type C = CellValue | undefined;
const t = (text: string): CellValue => ({ kind: 'text', text });
const n = (value: number): CellValue => ({ kind: 'number', value });
const row = (...cells: (string | number | null)[]): C[] =>
  cells.map((c) => (c === null ? undefined : typeof c === 'number' ? n(c) : t(c)));

// The wording's caches are kept per object: a fresh profile in each test.
const profile = (): Profile => structuredClone(YOUZHI_2017);
const source = (...sheets: ReturnType<typeof arraySheet>[]): SourceFile => ({ path: 'x.xlsx', format: 'xlsx', sheets });
const read = (sheets: ReturnType<typeof arraySheet>[], p = profile()) =>
  readCountySheet(source(...sheets), p, { schoolSheets: ['学校数据'], counties: [] });
const sheet = (name: string, rows: C[][], merges: MergeRange[] = []) => arraySheet(name, rows, merges);
const value = (r: ReturnType<typeof read>, id: string) => r.figures.get(null)?.get(id)?.value;
const texts = (r: ReturnType<typeof read>, code: string) => r.issues.filter((i) => i.code === code).map((i) => i.text);
const cells = (r: ReturnType<typeof read>, code: string) => r.issues.filter((i) => i.code === code).map((i) => i.cell);

describe('the rows of the template layout', () => {
  it('reads figures by name, and a title above the header', () => {
    const r = read([
      sheet('县级指标', [
        row('和平县县级指标'),
        row('填报单位：和平县教育局'),
        row('指标', '数值', '说明'),
        row('专任教师总数', 2000),
        row('持有教师资格证专任教师数', 1990),
      ]),
    ]);
    expect(r.sheet).toBe('县级指标');
    expect(r.sheets).toBeUndefined();
    expect(r.titleLines).toEqual(['和平县县级指标', '填报单位：和平县教育局']);
    expect(r.signatures).toEqual({ unit: '和平县教育局' });
    expect(value(r, 'allTeachers')).toBe(2000);
    expect(value(r, 'certifiedTeachers')).toBe(1990);
    expect(r.figures.get(null)?.get('allTeachers')).toEqual({
      value: 2000,
      sheet: '县级指标',
      cell: 'B4',
      name: '专任教师总数',
    });
  });

  it('a row with a figure but no name is said, with what it holds', () => {
    const r = read([
      sheet('县级指标', [row('指标', '数值'), row(null, 55), row(null, null), row('专任教师总数', 2000)]),
    ]);
    expect(texts(r, 'COUNTY_ROW_IGNORED')).toEqual(['未识别的县级指标“（未写指标名称）”（填有“55”），未使用']);
    expect(cells(r, 'COUNTY_ROW_IGNORED')).toEqual(['A2']);
  });

  it('a name that matches nothing is said, with what it holds', () => {
    const r = read([sheet('县级指标', [row('指标', '数值'), row('食堂面积', 300), row('图书馆', null)])]);
    expect(r.issues.filter((i) => i.code === 'COUNTY_ROW_IGNORED')).toHaveLength(1);
    expect(r.issues.find((i) => i.code === 'COUNTY_ROW_IGNORED')!.text).toMatch(
      /^未识别的县级指标“食堂面积”（填有“300”），未使用/,
    );
    expect(cells(r, 'COUNTY_ROW_IGNORED')).toEqual(['A2']);
  });

  it('a column of no known kind is warned about once, at its first cell with data', () => {
    const r = read([
      sheet('县级指标', [
        row('指标', '数值', '去年'),
        row('专任教师总数', 2000, null),
        row('持有教师资格证专任教师数', 1990, 1900),
        row('完成360学时培训教师数', 1800, 1700),
      ]),
    ]);
    expect(cells(r, 'COLUMN_IGNORED')).toEqual(['C3']);
    expect(r.issues.find((i) => i.code === 'COLUMN_IGNORED')).toMatchObject({
      column: '去年',
      school: '持有教师资格证专任教师数',
    });
  });

  it('a sheet longer than 1 000 rows below its header is read to there, the rest said', () => {
    const rows: C[][] = [row('指标', '数值'), row('专任教师总数', 2000)];
    while (rows.length < 1000) rows.push([]);
    rows.push(row('持有教师资格证专任教师数', 1990)); // row 1001: the last read (header row 1 + 1 000)
    rows.push(row('完成360学时培训教师数', 1800)); // row 1002: past it
    const r = read([sheet('县级指标', rows)]);
    expect(value(r, 'certifiedTeachers')).toBe(1990);
    expect(value(r, 'trainedTeachers')).toBeUndefined();
    expect(r.issues.filter((i) => i.code === 'COUNTY_SHEET_TRUNCATED').map((i) => i.row)).toEqual([1002]);
  });

  it('a sheet of exactly 1 000 rows below its header is not said to be cut', () => {
    const rows: C[][] = [row('指标', '数值')];
    while (rows.length < 1000) rows.push([]);
    rows.push(row('专任教师总数', 2000)); // row 1001
    const r = read([sheet('县级指标', rows)]);
    expect(value(r, 'allTeachers')).toBe(2000);
    expect(r.issues.filter((i) => i.code === 'COUNTY_SHEET_TRUNCATED')).toEqual([]);
  });
});

describe('several county sheets', () => {
  it('every part read; the first sheet’s name and signature win; said once', () => {
    const r = read([
      sheet('政府保障', [row('填报单位：和平县教育局'), row('指标', '数值'), row('专任教师总数', 2000)]),
      sheet('教育质量', [
        row('填报单位：别的县'),
        row('填表人：王芳'),
        row('指标', '数值'),
        row('持有教师资格证专任教师数', 1990),
      ]),
    ]);
    expect(r.sheet).toBe('政府保障');
    expect(r.sheets).toEqual(['政府保障', '教育质量']);
    expect(r.titleLines).toEqual(['填报单位：和平县教育局']);
    expect(r.signatures).toEqual({ unit: '和平县教育局', filler: '王芳' });
    expect(value(r, 'allTeachers')).toBe(2000);
    expect(value(r, 'certifiedTeachers')).toBe(1990);
    expect(r.issues[0]!.code).toBe('COUNTY_SHEETS_COMBINED');
    expect(r.issues[0]!.text).toBe('县级指标来自 2 个工作表：政府保障、教育质量，合并读取');
    expect(r.issues[0]!.sheet).toBe('政府保障');
  });

  it('a column is warned about again on the next sheet', () => {
    const r = read([
      sheet('政府保障', [row('指标', '数值', '去年'), row('专任教师总数', 2000, 1)]),
      sheet('教育质量', [row('指标', '数值', '去年'), row('持有教师资格证专任教师数', 1990, 2)]),
    ]);
    expect(r.issues.filter((i) => i.code === 'COLUMN_IGNORED').map((i) => `${i.sheet}!${i.cell}`)).toEqual([
      '政府保障!C2',
      '教育质量!C2',
    ]);
  });
});

describe('rows read as another figure', () => {
  it('a percentage under an amount’s name is its item’s share', () => {
    const r = read([sheet('县级指标', [row('指标', '数值'), row('教师培训经费', '6.2%')])]);
    expect(value(r, 'trainingFundsRate')).toBeCloseTo(0.062, 10);
    expect(value(r, 'trainingFunds')).toBeUndefined();
    expect(texts(r, 'COUNTY_FIGURE_AS_SHARE')).toEqual([
      '“6.2%”是百分比，按同一项的“教师培训经费占公用经费比例”读取（行名“教师培训经费”是金额或人数）',
    ]);
    expect(r.figures.get(null)!.get('trainingFundsRate')!.cell).toBe('B2');
  });

  it('a count right below one term of a ratio is its other term', () => {
    const r = read([sheet('县级指标', [row('指标', '数值'), row('完成360学时培训教师数', 2100), row('总人数', 2246)])]);
    expect(value(r, 'trainedTeachers')).toBe(2100);
    expect(value(r, 'teachersToTrain')).toBe(2246);
    expect(r.issues.filter((i) => i.code === 'COUNTY_ROW_AS_OTHER_TERM').map((i) => [i.cell, i.text])).toEqual([
      [
        'A3',
        '“总人数”不能单独确定是哪一项，因紧接在“完成360学时培训教师数”之下，按同一比例的“应参加360学时培训教师数”读取',
      ],
    ]);
  });

  it('the denominator first, then the numerator', () => {
    const r = read([
      sheet('县级指标', [row('指标', '数值'), row('应参加360学时培训教师数', 2246), row('总人数', 2100)]),
    ]);
    expect(value(r, 'trainedTeachers')).toBe(2100);
  });

  it('not when a row lies between, nor when the other term was read already', () => {
    const between = read([
      sheet('县级指标', [
        row('指标', '数值'),
        row('完成360学时培训教师数', 2100),
        row('食堂面积', '有'),
        row('总人数', 2246),
      ]),
    ]);
    expect(value(between, 'teachersToTrain')).toBeUndefined();
    const both = read([
      sheet('县级指标', [
        row('指标', '数值'),
        row('应参加360学时培训教师数', 2246),
        row('完成360学时培训教师数', 2100),
        row('总人数', 2300),
      ]),
    ]);
    expect(value(both, 'teachersToTrain')).toBe(2246);
    expect(texts(both, 'COUNTY_ROW_AS_OTHER_TERM')).toEqual([]);
  });

  it('only a row that may be that term: another measure right below is reported, not read (食堂面积 | 5)', () => {
    const r = read([sheet('县级指标', [row('指标', '数值'), row('完成360学时培训教师数', 2100), row('食堂面积', 5)])]);
    expect(value(r, 'trainedTeachers')).toBe(2100);
    expect(value(r, 'teachersToTrain')).toBeUndefined();
    expect(texts(r, 'COUNTY_ROW_AS_OTHER_TERM')).toEqual([]);
    expect(cells(r, 'COUNTY_ROW_IGNORED')).toEqual(['A3']);
    for (const name of ['生均公用经费', '培训比例', '在校生占比', '学校数量比']) {
      const s = read([sheet('县级指标', [row('指标', '数值'), row('完成360学时培训教师数', 2100), row(name, 5)])]);
      expect([name, value(s, 'teachersToTrain')]).toEqual([name, undefined]);
    }
  });

  it('a row that shares a word with the term, or counts, is taken; one of several it names too', () => {
    // 教师总数 names several figures, not this one, but shares 教师 with it; 人数 and 教师人次 are counts.
    for (const name of ['教师总数', '人数', '在编人员名', '教师人次', '专业技术人员数量']) {
      const r = read([sheet('县级指标', [row('指标', '数值'), row('完成360学时培训教师数', 2100), row(name, 2246)])]);
      expect([name, value(r, 'teachersToTrain')]).toEqual([name, 2246]);
    }
    // 教师数 names six figures, this one among them.
    const r = read([sheet('县级指标', [row('指标', '数值'), row('完成360学时培训教师数', 2100), row('教师数', 2246)])]);
    expect(value(r, 'teachersToTrain')).toBe(2246);
    expect(cells(r, 'COUNTY_ROW_AS_OTHER_TERM')).toEqual(['A3']);
  });

  it('a 是/否 answered in its own words under a name that says nothing', () => {
    const r = read([sheet('县级指标', [row('指标', '数值'), row('课程开设', '课程开齐开足')])]);
    expect(r.issues.filter((i) => i.code === 'COUNTY_ROW_NAMED_BY_VALUE').map((i) => [i.cell, i.text])).toEqual([
      ['A2', '行名“课程开设”对应不到县级指标，其内容“课程开齐开足”即“课程开齐开足”，按此读取'],
    ]);
  });
});

describe('the 自评表 layout and its 是否达标 column', () => {
  const header = () => row('序号', '评估内容', '评估标准', '实际情况', '是否达标');
  it('a 是/否 figure answered in the 是否达标 column alone; a later row of its own wins', () => {
    const r = read([
      sheet('自评表', [header(), row(2, '城乡学校四统一', '', null, '达标'), row(3, '四统一', '', '否', '')]),
    ]);
    expect(value(r, 'fourUnified')).toBe(false);
    expect(r.figures.get(null)!.get('fourUnified')!.cell).toBe('D3');
    expect(r.issues.filter((i) => i.code === 'DUPLICATE_COUNTY_ROW')).toEqual([]);
  });

  it('the claim alone', () => {
    const r = read([sheet('自评表', [header(), row(2, '城乡学校四统一', '', null, '达标')])]);
    expect(value(r, 'fourUnified')).toBe(true);
    expect(r.figures.get(null)!.get('fourUnified')!.cell).toBe('E2');
  });

  it('a name merged down over rows of figures: one row, its texts joined and said', () => {
    const rows = [
      header(),
      row(6, '教师平均工资收入水平不低于当地公务员平均工资收入水平', '', '教师年均工资 90000 元', '达标'),
      row(null, null, null, '公务员 96200 元', null),
      row(7, '专任教师总数', '', 2000, ''),
    ];
    const merges = [{ top: 1, left: 1, bottom: 2, right: 1 }];
    const r = read([sheet('自评表', rows, merges)]);
    expect(value(r, 'teacherSalary')).toBe(90000);
    expect(value(r, 'civilServantSalary')).toBe(96200);
    expect(value(r, 'allTeachers')).toBe(2000);
    expect(r.issues.filter((i) => i.code === 'COUNTY_ROWS_JOINED').map((i) => [i.cell, i.text])).toEqual([
      [
        'D2',
        '“教师平均工资收入水平不低于当地公务员平均工资收入水平”一格合并了第 2–3 行：按一项读取，各行的填写合为“教师年均工资 90000 元；公务员 96200 元”',
      ],
    ]);
  });
});

describe('a file of several counties', () => {
  it('one column per county, its figures its own', () => {
    const r = readCountySheet(
      source(
        sheet('县级指标', [
          row('指标', '甲县', '乙县'),
          row('专任教师总数', 2000, 3000),
          row('持证上岗率', '99%', 'x'),
        ]),
      ),
      profile(),
      { schoolSheets: [], counties: ['甲县', '乙县'] },
    );
    expect(r.figures.get('甲县')?.get('allTeachers')?.value).toBe(2000);
    expect(r.figures.get('乙县')?.get('allTeachers')?.value).toBe(3000);
    expect(r.figures.get('乙县')?.get('allTeachers')?.cell).toBe('C2');
    expect(r.issues.filter((i) => i.cell === 'C3').map((i) => [i.code, i.county])).toEqual([['NOT_A_NUMBER', '乙县']]);
  });
});

describe('item rows of the 自评表', () => {
  const header = () => row('序号', '评估内容', '评估标准', '实际情况', '是否达标');
  const FOUR = '城乡学校建设标准、教师编制标准、生均公用经费基准定额、基本装备配置标准“四统一”';
  it('an item of 是/否 figures answered in the 是否达标 column alone', () => {
    const r = read([sheet('自评表', [header(), row(2, FOUR, '', null, '达标')])]);
    expect(r.figures.get(null)!.get('fourUnified')).toEqual({ value: true, sheet: '自评表', cell: 'E2', name: FOUR });
    expect(r.claims.get('four_unified')?.met).toBe(true);
  });

  it('an item of an amount answered there alone: its claim kept, no figure', () => {
    const r = read([sheet('自评表', [header(), row(7, '特殊教育学校生均公用经费不低于6000元', '', null, '达标')])]);
    expect(r.figures.get(null)).toBeUndefined();
    expect(r.claims.get('special_funding')?.met).toBe(true);
  });

  it('a 是/否 figure whose words say neither takes the county’s 达标; a number there is said', () => {
    const r = read([sheet('自评表', [header(), row(2, '四统一', '', '见附件', '达标')])]);
    expect(r.figures.get(null)!.get('fourUnified')).toMatchObject({ value: true, cell: 'E2' });
    const numbered = read([sheet('自评表', [header(), row(2, '四统一', '', '共3项', '达标')])]);
    expect(numbered.figures.get(null)).toBeUndefined();
    expect(texts(numbered, 'COUNTY_FIGURE_UNCLEAR')).toEqual([
      '“共3项”无法作为“四统一”的数值：填的是数字，看不出“是”还是“否”，未使用',
    ]);
    const unclaimed = read([sheet('自评表', [header(), row(2, '四统一', '', '见附件', null)])]);
    expect(texts(unclaimed, 'COUNTY_FIGURE_UNCLEAR')).toEqual([
      '“见附件”无法作为“四统一”的数值：看不出“是”还是“否”，未使用',
    ]);
  });

  it('a number on an item of 是/否 figures is the number figure its words name', () => {
    const ITEM8 = '教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量';
    const r = read([sheet('自评表', [header(), row(8, ITEM8, '', '教师年均工资 90000 元', '达标')])]);
    expect(value(r, 'teacherSalary')).toBe(90000);
    expect(value(r, 'teacherSalaryOk')).toBeUndefined();
    expect(value(r, 'performancePay')).toBeUndefined();
  });

  it('an item judged from the school rows: its words said unread', () => {
    const r = read([
      sheet('自评表', [header(), row(5, '小学、初中所有班级学生数分别不超过45人、50人', '', '均已达到', '达标')]),
    ]);
    expect(r.issues.filter((i) => i.code === 'COUNTY_ROW_TEXT_NOT_USED').map((i) => [i.cell, i.text])).toEqual([
      [
        'D2',
        '“小学、初中所有班级学生数分别不超过45人、50人”按学校数据逐校测算，此格“均已达到”不作数据读取（其自评结论另与测算结果核对）',
      ],
    ]);
    expect(r.claims.get('class_size')?.met).toBe(true);
  });

  it('one rate on an item of two rates is ambiguous', () => {
    const ROT = '全县每年交流轮岗教师的比例不低于符合交流条件教师总数的10%；其中，骨干教师不低于交流轮岗教师总数的20%';
    const r = read([sheet('自评表', [header(), row(11, ROT, '', '12%', '达标')])]);
    expect(r.figures.get(null)).toBeUndefined();
    expect(r.issues.filter((i) => i.code === 'COUNTY_ROW_AMBIGUOUS').map((i) => [i.cell, i.text])).toEqual([
      [
        'B2',
        `“${ROT}”可对应“交流轮岗比例”、“交流轮岗骨干教师比例”，无法确定，未使用；请改用其中一项的名称，或分行填写`,
      ],
    ]);
  });
});

describe('rows below the 1 000 read, rows without a name, other columns (the survivors of the run of 2026-12-07)', () => {
  it('rows past the 1 000: blank ones are no cut; one with a blank cell and a filled one is', () => {
    const blank: C[][] = [row('指标', '数值')];
    while (blank.length < 1001) blank.push([]);
    blank.push(row('', null)); // row 1002: past the last read, blank
    expect(read([sheet('县级指标', blank)]).issues.filter((i) => i.code === 'COUNTY_SHEET_TRUNCATED')).toEqual([]);
    const half: C[][] = [row('指标', '数值')];
    while (half.length < 1001) half.push([]);
    half.push(row(null, 5)); // row 1002: a figure without a name
    expect(
      read([sheet('县级指标', half)])
        .issues.filter((i) => i.code === 'COUNTY_SHEET_TRUNCATED')
        .map((i) => i.row),
    ).toEqual([1002]);
  });

  it('a name merged down past the last row read: only the rows read are joined', () => {
    const rows: C[][] = [row('指标', '数值')];
    while (rows.length < 1000) rows.push([]);
    rows.push(row('专任教师总数', 2000)); // row 1001: the last read
    rows.push(row(null, 2100)); // row 1002, under the same merged name
    const r = read([sheet('县级指标', rows, [{ top: 1000, left: 0, bottom: 1001, right: 0 }])]);
    expect(value(r, 'allTeachers')).toBe(2000);
    expect(texts(r, 'COUNTY_ROWS_JOINED')).toEqual([]);
  });

  it('a row without a name: the issue’s column says so; a claim alone is what it holds', () => {
    const r = read([sheet('县级指标', [row('指标', '数值', '是否达标'), row(null, null, '达标')])]);
    expect(r.issues.filter((i) => i.code === 'COUNTY_ROW_IGNORED').map((i) => [i.cell, i.column, i.text])).toEqual([
      ['A2', '（未写指标名称）', '未识别的县级指标“（未写指标名称）”（填有“达标”），未使用'],
    ]);
    const named = read([sheet('县级指标', [row('指标', '数值', '是否达标'), row('食堂面积', null, '达标')])]);
    expect(texts(named, 'COUNTY_ROW_IGNORED')[0]).toMatch(/^未识别的县级指标“食堂面积”（填有“达标”），未使用/);
  });

  it('the title lines are the texts above the header, blank cells left out', () => {
    const r = read([
      sheet('县级指标', [row(null, '和平县县级指标', null), row('指标', '数值'), row('专任教师总数', 2000)]),
    ]);
    expect(r.titleLines).toEqual(['和平县县级指标']);
  });

  it('a column of no known kind: the warning says its header and what is read', () => {
    const r = read([sheet('县级指标', [row('指标', '数值', '去年'), row('专任教师总数', 2000, 1900)])]);
    expect(texts(r, 'COLUMN_IGNORED')).toEqual([
      '未识别的列“去年”，其中的数据未使用（县级指标表只读一个数值列；多县文件的列名须与学校表“区县”一致）',
    ]);
  });
});

describe('how a row is named (the survivors of the run of 2026-12-07)', () => {
  it('a name that decides: its bracket remark is not tried, the 评估标准 column not read', () => {
    // 专任教师总数 decides; 专任教师总数（持证） would be read otherwise.
    const r = read([sheet('县级指标', [row('指标', '数值'), row('专任教师总数（含持证）', 2000)])]);
    expect(value(r, 'allTeachers')).toBe(2000);
    expect(value(r, 'certifiedTeachers')).toBeUndefined();
    const s = read([
      sheet('自评表', [
        row('序号', '评估内容', '评估标准', '实际情况'),
        row(1, '专任教师总数', '持有教师资格证专任教师数', 2000),
      ]),
    ]);
    expect(value(s, 'allTeachers')).toBe(2000);
    expect(value(s, 'certifiedTeachers')).toBeUndefined();
  });

  it('a number is never read as an answer in its own words', () => {
    const r = read([sheet('县级指标', [row('指标', '数值'), row('课程开设', '课程开齐开足100%')])]);
    expect(texts(r, 'COUNTY_ROW_NAMED_BY_VALUE')).toEqual([]);
    expect(r.figures.get(null)).toBeUndefined();
  });

  it('an answer that names an item of no 是/否 figure names nothing', () => {
    const r = read([sheet('县级指标', [row('指标', '数值'), row('其他情况', '班额达标')])]);
    expect(texts(r, 'COUNTY_ROW_NAMED_BY_VALUE')).toEqual([]);
    expect(cells(r, 'COUNTY_ROW_IGNORED')).toEqual(['A2']);
  });

  it('below one term of a ratio, a row with no number is not its other term', () => {
    for (const v of [null, '有']) {
      const r = read([sheet('县级指标', [row('指标', '数值'), row('完成360学时培训教师数', 2100), row('总人数', v)])]);
      expect([v, texts(r, 'COUNTY_ROW_AS_OTHER_TERM')]).toEqual([v, []]);
    }
  });
});

describe('answers in the 是否达标 column (the survivors of the run of 2026-12-07)', () => {
  const header = () => row('序号', '评估内容', '评估标准', '实际情况', '是否达标');
  it('a figure with no value and no claim: nothing; a count is never answered by the claim', () => {
    expect(read([sheet('自评表', [header(), row(2, '四统一', '', null, null)])]).figures.get(null)).toBeUndefined();
    expect(
      read([sheet('自评表', [header(), row(2, '专任教师总数', '', null, '达标')])]).figures.get(null),
    ).toBeUndefined();
  });

  it('an item of 是/否 figures answered by its claim gives way to a row of its own figure', () => {
    const FOUR = '城乡学校建设标准、教师编制标准、生均公用经费基准定额、基本装备配置标准“四统一”';
    const r = read([sheet('自评表', [header(), row(2, FOUR, '', null, '达标'), row(3, '四统一', '', '否', null)])]);
    expect(r.figures.get(null)!.get('fourUnified')).toMatchObject({ value: false, cell: 'D3' });
    expect(texts(r, 'DUPLICATE_COUNTY_ROW')).toEqual([]);
  });

  it('a 是/否 figure that took the claim for unclear words gives way to a row of its own too', () => {
    const r = read([
      sheet('自评表', [header(), row(2, '四统一', '', '见附件', '达标'), row(3, '四统一', '', '否', null)]),
    ]);
    expect(r.figures.get(null)!.get('fourUnified')).toMatchObject({ value: false, cell: 'D3' });
    expect(texts(r, 'DUPLICATE_COUNTY_ROW')).toEqual([]);
  });

  it('in a file of several counties a county’s unclear 是/否 does not take the 是否达标 column', () => {
    const r = readCountySheet(
      source(sheet('县级指标', [row('指标', '甲县', '乙县', '是否达标'), row('四统一', '见附件', '是', '达标')])),
      profile(),
      { schoolSheets: [], counties: ['甲县', '乙县'] },
    );
    expect(r.figures.get('甲县')?.get('fourUnified')).toBeUndefined();
    expect(r.figures.get('乙县')?.get('fourUnified')?.value).toBe(true);
    expect(cells(r, 'COUNTY_FIGURE_UNCLEAR')).toEqual(['B2']);
  });
});

describe('figures read from a row (the survivors of the run of 2026-12-07)', () => {
  it('an amount of two figures, one a % (words that name no figure: no sentence): not the share', () => {
    const r = read([sheet('县级指标', [row('指标', '数值'), row('教师培训经费', '食堂6%，7人')])]);
    expect(value(r, 'trainingFundsRate')).toBeUndefined();
    expect(texts(r, 'COUNTY_FIGURE_AS_SHARE')).toEqual([]);
  });

  it('a % past 100 under an amount’s name: said as a rate out of range, no share read', () => {
    const r = read([sheet('县级指标', [row('指标', '数值'), row('教师培训经费', '120%')])]);
    expect(value(r, 'trainingFundsRate')).toBeUndefined();
    expect(r.issues.filter((i) => i.code === 'RATIO_OUT_OF_RANGE').map((i) => i.cell)).toEqual(['B2']);
  });

  it('a count given as two numbers: said as two numbers, not as a number where 是/否 is asked', () => {
    const r = read([sheet('县级指标', [row('指标', '数值'), row('专任教师总数', '食堂3人，5人')])]);
    expect(texts(r, 'COUNTY_FIGURE_UNCLEAR')).toEqual([
      '“食堂3人，5人”无法作为“专任教师总数”的数值：含有多个数字（3人、5人），无法确定取哪一个，未使用',
    ]);
  });

  it('an error value in a 是/否 row gives no figure', () => {
    const r = read([sheet('县级指标', [row('指标', '数值'), [t('四统一'), { kind: 'error', error: '#N/A' }]])]);
    expect(r.figures.get(null)).toBeUndefined();
  });
});

describe('a name merged down over rows (the survivors of the run of 2026-12-07)', () => {
  const merged = (rows: C[][], bottom: number) => [sheet('县级指标', rows, [{ top: 1, left: 0, bottom, right: 0 }])];
  it('a value in its first row only: that value as it is, nothing joined', () => {
    const date: CellValue = { kind: 'date', value: new Date(Date.UTC(2023, 8, 1)) };
    const r = read(merged([row('指标', '数值', '是否达标'), [t('专任教师总数'), date], row(null, null, null)], 2));
    expect(texts(r, 'COUNTY_ROWS_JOINED')).toEqual([]);
    expect(r.issues.filter((i) => i.code === 'NOT_A_NUMBER').map((i) => [i.cell, i.text])).toEqual([
      ['B2', expect.stringContaining('2023-09-01') as string],
    ]);
    const s = read(merged([row('指标', '数值'), row('专任教师总数', 2000), row(null, null)], 2));
    expect(value(s, 'allTeachers')).toBe(2000);
    expect(texts(s, 'COUNTY_ROWS_JOINED')).toEqual([]);
  });

  it('the 是否达标 of a later row is the row’s claim', () => {
    const r = read(merged([row('指标', '数值', '是否达标'), row('四统一', null, null), row(null, null, '达标')], 2));
    expect(r.figures.get(null)!.get('fourUnified')).toMatchObject({ value: true, cell: 'C2' });
  });

  it('another column is warned about at the row that holds its data', () => {
    const header = row('指标', '数值', '去年');
    const first = read(merged([header, row('专任教师总数', 2000, 1), row(null, null, null)], 2));
    expect(cells(first, 'COLUMN_IGNORED')).toEqual(['C2']);
    const third = read(merged([header, row('专任教师总数', 2000, null), row(null, null, null), row(null, null, 3)], 3));
    expect(cells(third, 'COLUMN_IGNORED')).toEqual(['C4']);
  });

  it('a long name is shortened to its first 30 characters in the note', () => {
    const NAME = '教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量';
    const r = read(merged([row('指标', '数值'), row(NAME, '教师年均工资 90000 元'), row(null, '公务员 96200 元')], 2));
    expect(texts(r, 'COUNTY_ROWS_JOINED')).toEqual([
      '“教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定”一格合并了第 2–3 行：按一项读取，各行的填写合为“教师年均工资 90000 元；公务员 96200 元”',
    ]);
  });

  it('a merge from the header down over the first rows is no row of names', () => {
    const r = read([
      sheet('县级指标', [row('指标', '数值'), row(null, 5), row(null, 6)], [{ top: 0, left: 0, bottom: 2, right: 0 }]),
    ]);
    expect(cells(r, 'COUNTY_ROW_IGNORED')).toEqual(['A2', 'A3']);
  });
});

describe('mayNameTerm: a row name that may be the other term of a ratio', () => {
  const wording = () => structuredClone(YOUZHI_2017.wording);
  const term = (unit: CountyInput['unit'], names: string[], note: string): CountyInput => ({
    id: 'x',
    names,
    unit,
    note,
    keywords: [],
  });
  it('a name that shares a word of two Chinese characters with one of the term’s names', () => {
    const count = () => term('count', ['甲乙教师数', '丙丁'], '戊己庚');
    expect(mayNameTerm('在编教师', count(), wording())).toBe(true);
    // Digits shared (360) are no word; nor a count’s ending inside the name (人员情况).
    expect(mayNameTerm('360图书', term('count', ['360甲乙'], '戊己庚'), wording())).toBe(false);
    expect(mayNameTerm('图书馆藏', count(), wording())).toBe(false);
    expect(mayNameTerm('人员情况', count(), wording())).toBe(false);
    expect(mayNameTerm('专业人员数', count(), wording())).toBe(true);
  });

  it('the words are the profile’s (wording.termWords): another list, another answer', () => {
    const count = () => term('count', ['甲乙教师数', '丙丁'], '戊己庚');
    const own = { ...wording(), termWords: { otherMeasures: ['教师'], countEndings: ['册'] } };
    expect(mayNameTerm('藏书册', count(), wording())).toBe(false);
    expect(mayNameTerm('藏书册', count(), own)).toBe(true);
    expect(mayNameTerm('在编教师', count(), own)).toBe(false);
  });

  it('a rate’s term: a measure word is no bar, a count’s ending no help', () => {
    const rate = () => term('percent', ['甲乙比例'], '戊己庚');
    expect(mayNameTerm('甲乙占比', rate(), wording())).toBe(true);
    expect(mayNameTerm('总人数', rate(), wording())).toBe(false);
    // A count's term: a measure word is.
    expect(mayNameTerm('甲乙占比', term('count', ['甲乙人数'], '戊己庚'), wording())).toBe(false);
  });
});

// A made-up profile of a few figures and items, built in each test: which row is read as what follows from the rule
// (sub-rows under the item above, the other term of a ratio, shares) with nothing else of the 2017 profile near.
const fig = (id: string, unit: CountyInput['unit'], names: string[], keyword?: string): CountyInput => ({
  id,
  names,
  unit,
  note: '',
  keywords: keyword ? [{ all: [keyword], none: [] }] : [],
});
type Cond = Profile['checklist'][number]['conditions'][number];
const amt = (input: string): Cond => ({ kind: 'amount', id: input, label: input, input, min: 0 });
const yn = (input: string): Cond => ({ kind: 'yesno', id: input, label: input, input });
const ratio = (ready: string, num: string[], den: string[]): Cond => ({
  kind: 'ratio',
  id: ready,
  label: ready,
  ready,
  numerator: num.map((input) => ({ input, sign: 1 as const })),
  denominator: den.map((input) => ({ input, sign: 1 as const })),
  share: true,
});
const itemOf = (id: string, name: string, ...conditions: Cond[]): Profile['checklist'][number] => ({
  id,
  dimension: 'guarantee',
  number: 1,
  name,
  aliases: [],
  conditions,
});
const made = (inputs: CountyInput[], items: Profile['checklist']): Profile => {
  const p = profile();
  p.countyInputs = inputs;
  p.checklist = items;
  return p;
};
// 校舍面积 lies in 东区校舍面积 (item 一号事项) and in 西区校舍面积 (item 二号事项): ambiguous but under one of them.
const schools = () =>
  made(
    [
      fig('x1', 'count', ['甲类学校数']),
      fig('x2', 'count', ['乙类学校数']),
      fig('x3', 'number', ['东区校舍面积']),
      fig('y1', 'number', ['西区校舍面积']),
    ],
    [itemOf('i1', '一号事项', amt('x1'), amt('x2'), amt('x3')), itemOf('i2', '二号事项', amt('y1'))],
  );
const tmpl = (...rows: C[][]) => [sheet('县级指标', [row('指标', '数值'), ...rows])];

describe('sub-rows read under the item above (the survivors of the run of 2026-12-07)', () => {
  it('a sub-row by its 序号 （1）', () => {
    const r = read(
      [sheet('自评表', [row('序号', '评估内容', '实际情况'), row(1, '一号事项', null), row('（1）', '校舍面积', 100)])],
      schools(),
    );
    expect(value(r, 'x3')).toBe(100);
  });

  it('a row that names nothing ends the item; a sub-row that names nothing does not', () => {
    const ended = read(tmpl(row('一号事项', null), row('备注行', null), row('其中：校舍面积', 100)), schools());
    expect(r2(ended)).toEqual({ x3: undefined, y1: undefined, ambiguous: ['A4'] });
    const kept = read(tmpl(row('一号事项', null), row('其中：无关行', null), row('其中：校舍面积', 100)), schools());
    expect(r2(kept)).toEqual({ x3: 100, y1: undefined, ambiguous: [] });
  });

  it('a row of several figures of one item read as a sentence makes that item the one above; a sub-row’s does not', () => {
    const top = read(tmpl(row('学校数', '甲类5，乙类6'), row('其中：校舍面积', 100)), schools());
    expect([value(top, 'x1'), value(top, 'x2'), value(top, 'x3')]).toEqual([5, 6, 100]);
    const sub = read(
      tmpl(row('二号事项', null), row('其中：学校数', '甲类5，乙类6'), row('其中：校舍面积', 100)),
      schools(),
    );
    expect(r2(sub)).toEqual({ x3: undefined, y1: 100, ambiguous: [] });
  });

  it('a sub-row naming another item’s figure keeps the item above, for the next sub-row and for its claim', () => {
    const r = read(tmpl(row('二号事项', null), row('其中：甲类学校数', 5), row('其中：校舍面积', 100)), schools());
    expect(r2(r)).toEqual({ x3: undefined, y1: 100, ambiguous: [] });
    const claimed = read(
      [
        sheet('县级指标', [
          row('指标', '数值', '是否达标'),
          row('二号事项', null, null),
          row('其中：甲类学校数', 5, '达标'),
        ]),
      ],
      schools(),
    );
    expect([...claimed.claims.keys()]).toEqual(['i2']);
  });
});

const r2 = (r: ReturnType<typeof read>) => ({
  x3: value(r, 'x3'),
  y1: value(r, 'y1'),
  ambiguous: cells(r, 'COUNTY_ROW_AMBIGUOUS'),
});

describe('several meanings, no meaning (the survivors of the run of 2026-12-07)', () => {
  it('a name of two items is ambiguous, said with both', () => {
    const r = read(tmpl(row('号事项', 5)), schools());
    expect(texts(r, 'COUNTY_ROW_AMBIGUOUS')).toEqual([
      '“号事项”可对应“一号事项”、“二号事项”，无法确定，未使用；请改用其中一项的名称，或分行填写',
    ]);
  });

  it('figures of two items: ambiguous, even when the value reads as a sentence of the first item', () => {
    const p = made(
      [fig('x4', 'count', ['甲类教师数']), fig('x3', 'number', ['东区校舍面积']), fig('y3', 'count', ['丙类教师数'])],
      [itemOf('i1', '一号事项', amt('x4'), amt('x3')), itemOf('i2', '二号事项', amt('y3'))],
    );
    const r = read(tmpl(row('教师数', '甲类教师5，东区校舍面积6')), p);
    expect(cells(r, 'COUNTY_ROW_AMBIGUOUS')).toEqual(['A2']);
    expect(r.figures.get(null)).toBeUndefined();
  });

  it('a name that matches nothing: the two nearest named, or no hint', () => {
    const near = read(tmpl(row('学校总数', 5)), schools());
    expect(texts(near, 'COUNTY_ROW_IGNORED')).toEqual([
      '未识别的县级指标“学校总数”（填有“5”），未使用；是否指“甲类学校数”或“乙类学校数”？',
    ]);
    const far = read(tmpl(row('无关名称', 5)), schools());
    expect(texts(far, 'COUNTY_ROW_IGNORED')).toEqual(['未识别的县级指标“无关名称”（填有“5”），未使用']);
  });

  it('an item of a 是/否 and an amount answered in the 是否达标 column alone: no figure', () => {
    const p = made(
      [fig('z', 'yesno', ['某制度']), fig('k', 'count', ['某数'])],
      [itemOf('i3', '三号事项', yn('z'), amt('k'))],
    );
    const r = read([sheet('县级指标', [row('指标', '数值', '是否达标'), row('三号事项', null, '达标')])], p);
    expect(r.figures.get(null)).toBeUndefined();
    expect(r.claims.get('i3')?.met).toBe(true);
  });

  it('a figure of two items: its claim is the first item’s', () => {
    const p = made(
      [fig('x1', 'count', ['甲类学校数'])],
      [itemOf('i1', '一号事项', amt('x1')), itemOf('i2', '二号事项', amt('x1'))],
    );
    const r = read([sheet('县级指标', [row('指标', '数值', '是否达标'), row('甲类学校数', 5, '达标')])], p);
    expect([...r.claims.keys()]).toEqual(['i1']);
  });
});

describe('the other term of a ratio, shares (the survivors of the run of 2026-12-07)', () => {
  it('below a figure of no item: nothing', () => {
    const p = made([fig('w', 'count', ['无项数'])], []);
    const r = read(tmpl(row('无项数', 5), row('总数', 6)), p);
    expect(value(r, 'w')).toBe(5);
    expect(cells(r, 'COUNTY_ROW_IGNORED')).toEqual(['A3']);
  });

  it('a ratio of several terms on a side has no one other term', () => {
    const inputs = ['a', 'b', 'd', 'e'].map((id) => fig(id, 'count', [`${id}项数`]));
    const num = made(
      [...inputs, fig('r', 'percent', ['某比率'])],
      [itemOf('i1', '一号事项', ratio('r', ['a', 'b'], ['d']))],
    );
    expect(texts(read(tmpl(row('a项数', 5), row('总数', 10)), num), 'COUNTY_ROW_AS_OTHER_TERM')).toEqual([]);
    const den = made(
      [...inputs, fig('r', 'percent', ['某比率'])],
      [itemOf('i1', '一号事项', ratio('r', ['a'], ['d', 'e']))],
    );
    expect(texts(read(tmpl(row('a项数', 5), row('总数', 10)), den), 'COUNTY_ROW_AS_OTHER_TERM')).toEqual([]);
  });

  it('of an item’s two ratios, the one whose term was read', () => {
    const inputs = ['a', 'd', 'f', 'g'].map((id) => fig(id, 'count', [`${id}项数`]));
    const p = made(
      [...inputs, fig('r1', 'percent', ['某比率']), fig('r2', 'percent', ['另比率'])],
      [itemOf('i1', '一号事项', ratio('r1', ['a'], ['d']), ratio('r2', ['f'], ['g']))],
    );
    const r = read(tmpl(row('f项数', 5), row('总数', 10)), p);
    expect([value(r, 'g'), value(r, 'a')]).toEqual([10, undefined]);
  });

  it('a name that names the term among others by its keywords is the term, though it shares no word with it', () => {
    const p = made(
      [fig('a', 'count', ['甲项数']), fig('d', 'count', ['丁丁总额'], '某'), fig('q', 'count', ['戊戊'], '某')],
      [itemOf('i1', '一号事项', ratio('r', ['a'], ['d'])), itemOf('i2', '二号事项', amt('q'))],
    );
    p.countyInputs.push(fig('r', 'percent', ['某比率']));
    const r = read(tmpl(row('甲项数', 5), row('某某情况', 10)), p);
    expect(value(r, 'd')).toBe(10);
    expect(cells(r, 'COUNTY_ROW_AS_OTHER_TERM')).toEqual(['A3']);
  });

  it('a % under an amount of no item is said; the share is the one rate whose name holds one of the amount’s names', () => {
    const alone = made([fig('m', 'yuan', ['某经费'])], []);
    expect(texts(read(tmpl(row('某经费', '6%')), alone), 'COUNTY_FIGURE_UNCLEAR')).toEqual([
      '“6%”无法作为“某经费”的数值：写的是百分比，而此项应填人数或金额，未使用',
    ]);
    const one = made(
      [fig('m', 'yuan', ['培训经费', '经费支出']), fig('s', 'percent', ['占比', '培训经费占比'])],
      [itemOf('i1', '一号事项', amt('m'), amt('s'))],
    );
    expect(value(read(tmpl(row('培训经费', '6%')), one), 's')).toBeCloseTo(0.06, 10);
    const two = made(
      [fig('m', 'yuan', ['培训经费']), fig('s1', 'percent', ['培训经费占比']), fig('s2', 'percent', ['培训经费比例'])],
      [itemOf('i1', '一号事项', amt('m'), amt('s1'), amt('s2'))],
    );
    const r = read(tmpl(row('培训经费', '6%')), two);
    expect(r.figures.get(null)).toBeUndefined();
    expect(cells(r, 'COUNTY_FIGURE_UNCLEAR')).toEqual(['B2']);
  });
});

describe('an answer in its own words, a term of no figure (the survivors of the run of 2026-12-07)', () => {
  it('an answer near a 是/否 figure and a count: the 是/否 one; an item of 是/否 figures named by its answer', () => {
    const p = () =>
      made(
        [fig('z', 'yesno', ['某制度健全']), fig('k', 'count', ['某制度数']), fig('v', 'yesno', ['甲甲'])],
        [itemOf('i1', '一号事项', amt('k')), itemOf('i2', '某章程建设', yn('v'))],
      );
    const r = read(tmpl(row('其他', '某制度')), p());
    expect(r.issues.filter((i) => i.code === 'COUNTY_ROW_NAMED_BY_VALUE').map((i) => i.text)).toEqual([
      '行名“其他”对应不到县级指标，其内容“某制度”即“某制度健全”，按此读取',
    ]);
    const item = read(tmpl(row('其他', '某章程建设')), p());
    expect(item.issues.filter((i) => i.code === 'COUNTY_ROW_NAMED_BY_VALUE').map((i) => i.text)).toEqual([
      '行名“其他”对应不到县级指标，其内容“某章程建设”即“某章程建设”，按此读取',
    ]);
  });

  it('a ratio whose other term is no county figure: no other term', () => {
    const p = made(
      [fig('a', 'count', ['甲项数']), fig('r', 'percent', ['某比率'])],
      [itemOf('i1', '一号事项', ratio('r', ['a'], ['nowhere']))],
    );
    const r = read(tmpl(row('甲项数', 5), row('总数', 10)), p);
    expect(value(r, 'a')).toBe(5);
    expect(cells(r, 'COUNTY_ROW_IGNORED')).toEqual(['A3']);
  });
});

describe('what a message shows of a value cell', () => {
  it('an error value as itself, a formula without its result as the formula (not “”)', () => {
    const r = read([
      sheet('县级指标', [
        row('指标', '数值'),
        [t('食堂面积'), { kind: 'error', error: '#DIV/0!' }],
        [t('班额'), { kind: 'formula-no-result', formula: 'B2/B3' }],
      ]),
    ]);
    expect(texts(r, 'COUNTY_ROW_IGNORED')).toEqual(['未识别的县级指标“食堂面积”（填有“#DIV/0!”），未使用']);
    expect(texts(r, 'COUNTY_ROW_TEXT_NOT_USED')[0]).toContain('此格“=B2/B3”不作数据读取');
  });
});
