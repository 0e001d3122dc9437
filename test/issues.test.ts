import { describe, expect, it } from 'vitest';
import { analyse } from '../src/cli/pipeline';
import type { Profile } from '../src/engine/profile';
import { JIBEN_2012, resolveProfile } from '../src/engine/profiles';
import { CATALOGUE, type IssueCode } from '../src/issues/catalogue';
import { check, county, HEADER, junior, primary, workbook, type Cell, type SheetSpec } from './helpers/files';

interface Case {
  code: IssueCode;
  rows: () => Cell[][];
  /** What the issue must point at. */
  at: { cell?: string; row?: number; school?: string; column?: string };
  /** Text the message must contain. */
  says?: string;
  /** A 县级指标 sheet beside the school sheet; the issue is then on it. */
  countySheet?: Cell[][];
  /** Further sheets, and the sheet the issue is then on (default the school sheet). */
  sheets?: Record<string, Cell[][] | SheetSpec>;
  on?: string;
  /** The school sheet's name (default 学校数据). */
  schoolSheet?: string;
  /** Merged ranges of the school sheet (A2:A7), and its hidden rows and columns (1-based). */
  merges?: string[];
  hiddenRows?: number[];
  hiddenColumns?: number[];
  profile?: Profile;
}

const COUNTY_HEADER: Cell[] = ['指标', '数值', '说明'];

const edit = (f: (rows: Cell[][]) => void) => () => {
  const rows = county();
  f(rows);
  return rows;
};
const withHeader = (header: string[], f?: (rows: Cell[][]) => void) =>
  edit((rows) => {
    rows[0] = header;
    f?.(rows);
  });
const col = (name: string) => HEADER.indexOf(name);

const CASES: Case[] = [
  {
    code: 'HEADER_NOT_FOUND',
    rows: () => [
      ['甲', '乙'],
      [1, 2],
    ],
    at: {},
  },
  {
    code: 'MISSING_COLUMN',
    rows: () => county().map((r) => r.filter((_, i) => i !== col('体育运动场馆面积'))),
    at: { row: 1 },
    says: '体育运动场馆面积',
  },
  {
    code: 'UNKNOWN_UNIT',
    rows: withHeader(HEADER.map((h) => (h === '教学仪器设备资产值' ? '教学仪器设备资产值（美元）' : h))),
    at: { cell: 'J1', column: '教学仪器设备资产值（美元）' },
    says: '美元',
  },
  { code: 'NO_SCHOOLS', rows: () => [HEADER], at: { row: 1 } },
  {
    code: 'MISSING_VALUE',
    rows: edit((r) => (r[2]![col('体育运动场馆面积')] = null)),
    at: { cell: 'I3', school: '二小', column: '体育运动场馆面积' },
  },
  {
    code: 'NOT_A_NUMBER',
    rows: edit((r) => (r[3]![col('高于规定学历教师数')] = '约30')),
    at: { cell: 'E4', school: '三小' },
    says: '约30',
  },
  {
    code: 'UNIT_NOT_OF_COLUMN',
    rows: edit((r) => (r[3]![col('教学仪器设备资产值')] = '1320平方米')),
    at: { cell: 'J4', school: '三小', column: '教学仪器设备资产值' },
    says: '平方米',
  },
  {
    code: 'NEGATIVE_VALUE',
    rows: edit((r) => (r[1]![col('教学及辅助用房面积')] = -5)),
    at: { cell: 'H2', school: '一小' },
  },
  {
    code: 'VALUE_IMPOSSIBLE',
    rows: edit((r) => (r[1]![col('小学在校生数')] = 1e308)),
    at: { cell: 'C2', school: '一小' },
    says: '1×10^308',
  },
  {
    code: 'NAME_TOO_LONG',
    rows: edit((r) => (r[2]![0] = `二小${'的'.repeat(200)}`)),
    at: { cell: 'A3', school: `二小${'的'.repeat(18)}…` },
    says: '202 个字',
  },
  {
    code: 'NOT_INTEGER',
    rows: edit((r) => (r[1]![col('县级及以上骨干教师数')] = 9.5)),
    at: { cell: 'F2', school: '一小' },
  },
  {
    code: 'EXCEL_ERROR',
    rows: edit((r) => (r[1]![col('体育运动场馆面积')] = { error: '#N/A' } as Cell)),
    at: { cell: 'I2', school: '一小' },
    says: '#N/A',
  },
  {
    code: 'FORMULA_COMPUTED',
    rows: edit((r) => (r[1]![col('体育运动场馆面积')] = { formula: 'C2*8' } as Cell)),
    at: { cell: 'I2' },
    says: '= 8000',
  },
  {
    code: 'FORMULA_NO_RESULT',
    rows: edit((r) => (r[1]![col('体育运动场馆面积')] = { formula: 'A1*2' } as Cell)),
    at: { cell: 'I2' },
  },
  {
    code: 'DUPLICATE_SCHOOL_CODE',
    rows: () =>
      county().map((r, i) => [
        ['学校标识码', '3612340001', '3612340001', '3612340003', '3612340004', '3612340005', '3612340006'][i]!,
        ...r,
      ]),
    at: { cell: 'A3', school: '二小', column: '学校标识码' },
    says: '学校标识码“3612340001”与 学校数据!A2 相同：两行按两所学校计算',
  },
  {
    code: 'UNKNOWN_SCHOOL_TYPE',
    rows: edit((r) => (r[4]![1] = '职业中学')),
    at: { cell: 'B5', school: '四小', column: '学校类型' },
    says: '职业中学',
  },
  {
    code: 'INVALID_VALUE',
    rows: withHeader([...HEADER, '办学性质'], (r) => {
      r.slice(1).forEach((row) => row.push('公办'));
      r[2]![11] = '合资';
    }),
    at: { cell: 'L3', school: '二小', column: '办学性质' },
    says: '合资',
  },
  {
    code: 'DUPLICATE_SCHOOL',
    rows: edit((r) => r.push(primary('一小', 300))),
    at: { cell: 'A8', school: '一小' },
    says: '学校数据!A2',
  },
  {
    code: 'SCHOOL_NAME_IS_VALUE',
    rows: edit((r) => (r[3]![col('学校名称')] = 12345)),
    at: { cell: 'A4', school: '12345', column: '学校名称' },
    says: '学校名称“12345”是一个数字，不像学校名称：请核对第 4 行',
  },
  {
    code: 'INVISIBLE_CHARS_REMOVED',
    rows: edit((r) => (r[2]![col('学校名称')] = '二\u200b小')),
    at: { cell: 'A3', column: '学校名称' },
    says: '“二小”含不可见字符（U+200B（零宽空格）），已去除后读取；本列共 1 格如此',
  },
  {
    code: 'RESOURCES_WITHOUT_STUDENTS',
    rows: edit((r) => (r[4]![col('小学在校生数')] = 0)),
    at: { cell: 'C5', school: '四小' },
  },
  {
    code: 'LEVEL_NOT_OFFERED',
    rows: edit((r) => (r[1]![col('初中在校生数')] = 40)),
    at: { cell: 'D2', school: '一小' },
    says: '初中在校生 40 人',
  },
  {
    code: 'SECTION_VALUES_INCOMPLETE',
    rows: withHeader([...HEADER, '小学部高于规定学历教师数', '初中部高于规定学历教师数'], (r) => {
      r.slice(1).forEach((row) => row.push(null, null));
      r.push(['九年制', '九年一贯制', 400, 300, 40, 9, 8, 3500, 6000, 1600000, 18, 20, null]);
    }),
    at: { cell: 'M8', school: '九年制' },
    says: '初中部高于规定学历教师数',
  },
  {
    code: 'OUTLIER_HIGH',
    rows: edit((r) => (r[2]![col('体育运动场馆面积')] = 800 * 50)),
    at: { cell: 'I3', school: '二小' },
  },
  {
    code: 'OUTLIER_LOW',
    rows: edit((r) => (r[2]![col('体育运动场馆面积')] = 800)),
    at: { cell: 'I3', school: '二小' },
  },
  {
    code: 'EQUIPMENT_LOOKS_LIKE_WAN',
    rows: edit((r) => (r[2]![col('教学仪器设备资产值')] = 176)),
    at: { cell: 'J3', school: '二小' },
  },
  {
    // One school's 元 typed under a 万元 header the others fill in 万元: 22 000 000 元 a student.
    code: 'EQUIPMENT_LOOKS_LIKE_YUAN',
    rows: withHeader(
      HEADER.map((h) => (h === '教学仪器设备资产值' ? '教学仪器设备资产值（万元）' : h)),
      (rows) => {
        for (const r of rows.slice(2)) r[col('教学仪器设备资产值')] = (r[col('教学仪器设备资产值')] as number) / 10000;
      },
    ),
    at: { cell: 'J2', school: '一小', column: '教学仪器设备资产值（万元）' },
    says: '生均教学仪器设备值达 22000000 元（标准的 11000 倍）',
  },
  {
    code: 'TEACHERS_EXCEED_STUDENTS',
    rows: withHeader([...HEADER, '专任教师数'], (r) => {
      r.slice(1).forEach((row) => row.push(60));
      r.push(['小点', '教学点', 8, null, 1, 0, 0, 60, 100, 16000, 0, 12]);
    }),
    at: { cell: 'L8', school: '小点', column: '专任教师数' },
  },
  {
    code: 'DUPLICATE_COLUMN',
    rows: withHeader([...HEADER, '校名'], (r) => r.slice(1).forEach((row) => row.push(row[0]))),
    at: { cell: 'L1' },
  },
  {
    code: 'SUM_DISAGREES',
    rows: withHeader([...HEADER, '体育专任教师数', '音乐专任教师数', '美术专任教师数'], (r) =>
      r.slice(1).forEach((row, k) => row.push(...(k === 0 ? [1, 1, 1] : [row[col('体育艺术专任教师数')]!, 0, 0]))),
    ),
    at: { cell: 'G2', school: '一小' },
    says: '而同组分列之和为 3（1 + 1 + 1）',
  },
  {
    code: 'DUPLICATE_COLUMN_DIFFERS',
    rows: withHeader([...HEADER, '校名'], (r) => r.slice(1).forEach((row) => row.push('x'))),
    at: { cell: 'L1' },
    says: '第 2 行：一小 与 x',
  },
  {
    code: 'TEXT_NUMBER',
    rows: edit((r) => (r[1]![col('小学在校生数')] = '1,000')),
    at: { cell: 'C2', school: '一小' },
  },
  {
    code: 'UNIT_IN_CELL',
    rows: edit((r) => (r[1]![col('教学仪器设备资产值')] = '220万')),
    at: { cell: 'J2', school: '一小', column: '教学仪器设备资产值' },
    says: '2200000 元',
  },
  {
    code: 'UNIT_CONVERTED',
    rows: withHeader(
      HEADER.map((h) => (h === '教学仪器设备资产值' ? '教学仪器设备资产值(万元)' : h)),
      (r) => r.slice(1).forEach((row) => (row[9] = (row[9] as number) / 10000)),
    ),
    at: { cell: 'J1' },
  },
  { code: 'ROW_SKIPPED_TOTAL', rows: edit((r) => r.push(['合计', null, 4000])), at: { row: 8 } },
  { code: 'ROW_SKIPPED_NOTE', rows: edit((r) => r.push(['填表人：张三'])), at: { row: 8 } },
  {
    code: 'ROW_SKIPPED_SECTION',
    rows: edit((r) => r.push(['二、初中'], junior('三中', 700))),
    at: { row: 8 },
    says: '“二、初中”',
  },
  {
    code: 'ROW_SKIPPED_HEADER',
    rows: edit((r) => r.push([...HEADER], junior('三中', 700))),
    at: { row: 8 },
    says: '学校名称 | 学校类型',
  },
  {
    code: 'CELLS_OUTSIDE_TABLE',
    rows: edit((r) => r.push([null, null, null, null, null, null, null, null, null, null, null, null, null, 42])),
    at: { cell: 'N8' },
  },
  {
    code: 'COLUMN_IGNORED',
    rows: withHeader([...HEADER, '校长姓名'], (rows) => (rows[1]![11] = '张三')),
    at: { cell: 'L1', column: '校长姓名' },
  },
  {
    code: 'SHEETS_COMBINED',
    schoolSheet: '小学',
    rows: () => [HEADER, primary('一小', 800)],
    sheets: { 初中: [HEADER, junior('一中', 900)] },
    at: {},
    says: '“小学”1 所、“初中”1 所',
  },
  {
    code: 'SHEETS_COMBINED_CHECK',
    rows: county,
    sheets: { 补充: [HEADER, primary('五小', 500)] },
    at: {},
    says: '“补充”1 所',
  },
  {
    code: 'SHEET_OTHER_VERSION',
    rows: county,
    sheets: { 去年: county() },
    on: '去年',
    at: { row: 1 },
    says: '（6/6 所）',
  },
  {
    code: 'SHEET_HIDDEN_NOT_READ',
    rows: county,
    sheets: { 补充: { rows: [HEADER, primary('五小', 500)], hidden: true } },
    on: '补充',
    at: { row: 1 },
    says: '--sheet “补充”',
  },
  {
    code: 'SHEET_NOT_READ',
    rows: county,
    sheets: {
      补充: [
        HEADER.filter((h) => h !== '体育运动场馆面积'),
        primary('五小', 500).filter((_, i) => HEADER[i] !== '体育运动场馆面积'),
      ],
    },
    on: '补充',
    at: { row: 1 },
    says: '体育运动场馆面积',
  },
  {
    code: 'PER_STUDENT_COLUMN',
    rows: withHeader(['生均教学及辅助用房面积（㎡）', ...HEADER], (rows) =>
      rows.slice(1).forEach((row) => row.unshift(4.5)),
    ),
    at: { cell: 'A1', column: '生均教学及辅助用房面积（㎡）' },
    says: '由“教学及辅助用房面积”列的总量',
  },
  {
    code: 'PER_STUDENT_COLUMN_NO_TOTAL',
    rows: withHeader(HEADER.map((h) => (h === '网络多媒体教室数' ? '每百名学生拥有网络多媒体教室数' : h))),
    at: { cell: 'K1', column: '每百名学生拥有网络多媒体教室数' },
    says: '请提供“网络多媒体教室数”的总量列',
  },
  {
    code: 'VALUE_CODE_IGNORED',
    rows: edit((rows) => rows.slice(1).forEach((row) => (row[1] = row[1] === '小学' ? '211小学' : '311 初级中学'))),
    at: { cell: 'B2', column: '学校类型' },
    says: '（如“211小学”），按代码后的名称读作“小学”；本列共 6 格',
  },
  {
    code: 'COLUMN_SUMMED',
    rows: withHeader(HEADER.map((h) => (h === '县级及以上骨干教师数' ? '县级骨干教师数' : h))),
    at: { cell: 'F1', column: '县级骨干教师数' },
    says: '表中没有“县级及以上骨干教师数”一列，按 “县级骨干教师数” 读取',
  },
  {
    code: 'TYPE_FROM_SHEET_NAME',
    schoolSheet: '小学',
    rows: () => [
      HEADER.filter((h) => h !== '学校类型'),
      ...county()
        .slice(1)
        .filter((r) => r[1] === '小学')
        .map((r) => r.filter((_, i) => i !== 1)),
    ],
    at: { row: 1 },
    says: '按工作表名“小学”，本表 4 所学校均按小学计算',
  },
  {
    code: 'TYPE_FROM_HEADING',
    rows: () => [
      HEADER.filter((h) => h !== '学校类型'),
      ['初中部分'],
      ...county()
        .slice(1)
        .filter((r) => r[1] === '初中')
        .map((r) => r.filter((_, i) => i !== 1)),
    ],
    at: { row: 2 },
    says: '按学段标题“初中部分”，其下 2 所学校按初中计算',
  },
  {
    code: 'MERGED_CELLS_READ',
    rows: () => [
      ['区县', ...HEADER],
      ...county()
        .slice(1)
        .map((r, i) => [i === 0 ? '甲县' : null, ...r]),
    ],
    merges: ['A2:A7'],
    at: { cell: 'A3', column: '区县' },
    says: '合并区域内 5 格按其首格的值读取（如此格读作 A2 的“甲县”）',
  },
  {
    code: 'COUNTY_FILLED_DOWN',
    rows: () => [
      ['区县', ...HEADER],
      ...county()
        .slice(1)
        .map((r, i) => [i === 0 ? '甲县' : null, ...r]),
    ],
    at: { cell: 'A3', column: '区县' },
    says: '此列有 5 所学校的区县为空，按其上一行学校的区县读取',
  },
  {
    code: 'ROWS_HIDDEN',
    rows: county,
    hiddenRows: [3],
    at: { row: 3 },
    says: '1 所学校的行在工作表中被隐藏（第3行二小），仍按学校计算',
  },
  {
    code: 'COLUMN_HIDDEN',
    rows: county,
    hiddenColumns: [col('网络多媒体教室数') + 1],
    at: { cell: 'K1', column: '网络多媒体教室数' },
    says: '此列在工作表中被隐藏，仍按“网络多媒体教室数”读取',
  },
  {
    code: 'COLUMN_HIDDEN_NOT_USED',
    rows: withHeader([...HEADER, '网络多媒体教室数（2023年）'], (rows) => rows.slice(1).forEach((row) => row.push(1))),
    hiddenColumns: [HEADER.length + 1],
    at: { cell: 'L1', column: '网络多媒体教室数（2023年）' },
    says: '“网络多媒体教室数”按未隐藏的 K1“网络多媒体教室数”读取',
  },
  {
    code: 'MERGED_NUMBER',
    rows: edit((rows) => (rows[2]![col('体育运动场馆面积')] = null)),
    merges: ['I2:I3'],
    at: { cell: 'I3', school: '二小', column: '体育运动场馆面积' },
    says: '此格与上方 I2 合并为一格',
  },
  {
    code: 'UNIT_FROM_NOTE',
    rows: () => [
      ['金额单位：万元'],
      ...county().map((r, i) => (i === 0 ? r : r.map((v, c) => (c === 9 && typeof v === 'number' ? v / 10000 : v)))),
    ],
    at: { cell: 'J2', column: '教学仪器设备资产值' },
    says: '按表上方 A1“金额单位：万元”：此列数值 × 10000 换算为元',
  },
  {
    code: 'DUPLICATE_COLUMN_YEAR',
    rows: withHeader(
      [
        ...HEADER.map((h) => (h === '网络多媒体教室数' ? '网络多媒体教室数（2024年）' : h)),
        '网络多媒体教室数（2023年）',
      ],
      (rows) => rows.slice(1).forEach((row) => row.push(1)),
    ),
    at: { cell: 'L1', column: '网络多媒体教室数（2023年）' },
    says: '年份不同，未使用：按较近年份的 K1 读取',
  },
  {
    code: 'VALUE_REMARK_IGNORED',
    rows: edit((rows) => (rows[1]![1] = '小学（完全小学）')),
    at: { cell: 'B2', column: '学校类型' },
    says: '按括号前的“小学”读作“小学”；本列共 1 格如此',
  },
  {
    code: 'VALUE_READ_BY_ENDING',
    rows: edit((rows) => (rows[1]![1] = '乡镇中心小学')),
    at: { cell: 'B2', column: '学校类型' },
    says: '按其末尾的“中心小学”读作“小学”；本列共 1 格如此',
  },
  {
    code: 'COLUMN_NOT_USED',
    rows: withHeader([...HEADER, '小学毕业生数'], (rows) => rows.slice(1).forEach((row) => row.push(100))),
    at: { cell: 'L1', column: '小学毕业生数' },
    says: '不是“小学在校生数”（含“毕业”）',
  },
  {
    code: 'DUPLICATE_COLUMN_NAMED',
    rows: withHeader(['小学学生情况', ...HEADER], (rows) => rows.slice(1).forEach((row) => row.unshift(7))),
    at: { cell: 'A1', column: '小学学生情况' },
    says: 'D1 列的“小学在校生数”才是此项',
  },
  {
    code: 'COLUMN_READ_BY_VALUES',
    rows: withHeader([...HEADER, '属地'], (rows) =>
      rows.slice(1).forEach((row, i) => row.push(i % 2 ? '乡村' : '城区')),
    ),
    at: { cell: 'L1', column: '属地' },
    says: '读作“城乡分类”',
  },
  {
    code: 'HEADER_ROW_MISREAD',
    rows: edit((rows) =>
      rows.splice(1, 0, [null, null, '小学', '初中', '人', '人', '人', '平方米', '平方米', '元', '间']),
    ),
    at: { row: 2 },
    says: '“小学”',
  },
  {
    code: 'SCHOOL_EXCLUDED',
    rows: edit((r) => r.push(['特教学校', '特教学校', 30, 20])),
    at: { row: 8, school: '特教学校' },
  },
  {
    code: 'COUNTS_INCONSISTENT',
    rows: county,
    countySheet: [
      COUNTY_HEADER,
      ['初中毕业生数', 980],
      ['三年前初中在校生数', 900],
      ['转入', 20],
      ['转出', 30],
      ['死亡', 0],
    ],
    at: { cell: 'B2', column: '初中毕业生数' },
    says: '980 对 890',
  },
  {
    code: 'RATIO_OUT_OF_RANGE',
    rows: county,
    countySheet: [COUNTY_HEADER, ['初中三年巩固率', '105%']],
    at: { cell: 'B2' },
    says: '105%',
  },
  {
    code: 'DUPLICATE_COUNTY_ROW',
    rows: county,
    countySheet: [COUNTY_HEADER, ['社会认可度', '90%'], ['社会认可度（%）', 88]],
    at: { cell: 'B3' },
    says: '县级指标!B2',
  },
  {
    code: 'INDICATORS_NOT_PROVIDED',
    rows: () => [
      ['学校名称', '学校类型', '小学在校生数', '图书册数'],
      ['一小', '小学', 100, 1000],
      ['二小', '小学', 200, 3000],
    ],
    profile: JIBEN_2012,
    at: { row: 1 },
    says: '只按其余1项计算',
  },
  {
    code: 'PARENT_NOT_FOUND',
    rows: withHeader([...HEADER, '所属中心校'], (r) => {
      r.slice(1).forEach((row) => row.push(null));
      r.push(['北沟教学点', '教学点', 30, null, 2, 0, 1, 150, 300, 60000, 1, '不存在的中心校']);
    }),
    profile: resolveProfile({ exclusions: { teachingPoints: 'merge' } }),
    at: { row: 8, school: '北沟教学点' },
    says: '不存在的中心校',
  },
  {
    code: 'COUNTY_ROW_IGNORED',
    rows: county,
    countySheet: [COUNTY_HEADER, ['校园绿化率', '40%']],
    at: { cell: 'A2', column: '校园绿化率' },
  },
  {
    code: 'COUNTY_ROW_AMBIGUOUS',
    rows: county,
    countySheet: [COUNTY_HEADER, ['就近入学比例', '98%']],
    at: { cell: 'A2', column: '就近入学比例' },
    says: '城区就近入学比例',
  },
  {
    code: 'COUNTY_SHEET_TRUNCATED',
    rows: county,
    countySheet: [
      COUNTY_HEADER,
      ['社会认可度', '90%'],
      ...Array.from({ length: 1000 }, (): Cell[] => [null, null]),
      ['调查人数', 100],
    ],
    at: { row: 1002 },
    says: '1000',
  },
  {
    code: 'COUNTY_ROWS_JOINED',
    rows: county,
    sheets: {
      县级指标: {
        rows: [
          ['序号', '指标', '实际情况', '是否达标'],
          [13, '城区和镇区公办小学、初中（均不含寄宿制学校）就近划片入学比例分别达到100%、95%', '城区 100%', '达标'],
          [null, null, '镇区 97.5%', null],
        ],
        merges: ['A2:A3', 'B2:B3', 'D2:D3'],
      },
    },
    on: '县级指标',
    at: { cell: 'C2' },
    says: '一格合并了第 2–3 行：按一项读取，各行的填写合为“城区 100%；镇区 97.5%”',
  },
  {
    code: 'COUNTY_FIGURES_UNPLACED',
    rows: () => county().map((r, i) => [...r, i === 0 ? '区县' : i <= 3 ? '甲县' : '乙县']),
    countySheet: [
      ['指标', '2024年数据'],
      ['社会认可度', '90%'],
    ],
    at: { cell: 'B2' },
    says: '请以区县名作列名（如“甲县”、“乙县”）',
  },
  {
    code: 'COUNTY_SHEET_OTHER_YEAR',
    rows: county,
    sheets: {
      '自评表（2023年）': [
        ['指标', '数值'],
        ['社会认可度', '80%'],
      ],
      '自评表（2024年）': [
        ['指标', '数值'],
        ['社会认可度', '90%'],
      ],
    },
    on: '自评表（2023年）',
    at: { row: 1 },
    says: '早于 2024 年的县级指标表，未读取',
  },
  {
    code: 'COUNTY_SHEET_HIDDEN_NOT_READ',
    rows: county,
    sheets: {
      自评表: [
        ['指标', '数值'],
        ['社会认可度', '90%'],
      ],
      '自评表（旧）': {
        rows: [
          ['指标', '数值'],
          ['社会认可度', '80%'],
        ],
        hidden: true,
      },
    },
    on: '自评表（旧）',
    at: { row: 1 },
    says: '其中的县级指标未读取',
  },
  {
    code: 'COUNTY_SHEETS_COMBINED',
    rows: county,
    sheets: {
      政府保障程度: [
        ['指标', '数值'],
        ['教师5年360学时培训完成率', '100%'],
      ],
      教育质量: [
        ['指标', '数值'],
        ['全县初中三年巩固率', '96%'],
      ],
    },
    on: '政府保障程度',
    at: {},
    says: '县级指标来自 2 个工作表：政府保障程度、教育质量，合并读取',
  },
  {
    code: 'COUNTY_FIGURE_AS_SHARE',
    rows: county,
    countySheet: [COUNTY_HEADER, ['教师培训经费', '各校培训经费占公用经费预算6.2%']],
    at: { cell: 'B2' },
    says: '按同一项的“教师培训经费占公用经费比例”读取',
  },
  {
    code: 'COUNTY_ROW_TEXT_NOT_USED',
    rows: county,
    countySheet: [COUNTY_HEADER, ['学校规模', '全县没有超过2000人的学校']],
    at: { cell: 'B2' },
    says: '按学校数据逐校测算，此格“全县没有超过2000人的学校”不作数据读取',
  },
  {
    code: 'COUNTY_ROW_NAMED_BY_VALUE',
    rows: county,
    countySheet: [COUNTY_HEADER, ['课程开设', '课程开齐开足']],
    at: { cell: 'A2' },
    says: '即“课程开齐开足”',
  },
  {
    code: 'CLAIM_CONFLICTS',
    rows: county,
    countySheet: [
      ['指标', '数值', '是否达标'],
      ['教师5年360学时培训完成率', '100%', '达标'],
      ['（1）完成360学时培训教师数', 700, '未达标'],
    ],
    at: { cell: 'C3' },
    says: '已自评为“达标”，此处又写“未达标”',
  },
  {
    code: 'COUNTY_COLUMN_SAME_YEAR',
    rows: county,
    countySheet: [
      ['指标', '2023年', '2024年', '2024年（调整后）'],
      ['完成360学时培训教师数', 690, 700, 705],
    ],
    at: { cell: 'D1', column: '2024年（调整后）' },
    says: '此列与 C1“2024年”同为 2024 年的数值，未使用：按靠左的 C1 读取',
  },
  {
    code: 'COUNTY_ROW_AS_OTHER_TERM',
    rows: county,
    countySheet: [COUNTY_HEADER, ['完成5年360学时培训的教师数', 700], ['教师总数', 2000]],
    at: { cell: 'A3' },
    says: '按同一比例的“应参加360学时培训教师数”读取',
  },
  {
    code: 'COUNTY_VALUE_SPLIT',
    rows: county,
    countySheet: [
      COUNTY_HEADER,
      ['城区和镇区公办小学、初中（均不含寄宿制学校）就近划片入学比例分别达到100%、95%', '城区 100%，镇区 97.5%'],
    ],
    at: { cell: 'B2' },
    says: '按分句读作：城区就近入学比例 100%；镇区就近入学比例 97.5%',
  },
  {
    code: 'COUNTY_FIGURE_UNCLEAR',
    rows: county,
    countySheet: [
      ['指标', '实际情况', '是否达标'],
      ['初中三年巩固率', '2023年为95.1%，2024年为96.3%', '达标'],
    ],
    at: { cell: 'B2' },
    says: '95.1%',
  },
  {
    code: 'CLAIM_DISAGREES',
    rows: county,
    countySheet: [
      ['指标', '实际情况', '是否达标'],
      ['教师5年360学时培训完成率', '93.5%', '达标'],
    ],
    at: { cell: 'C2' },
    says: '自评达标，但测算为未达标：360学时培训完成率 93.50%（应 ≥ 100%）',
  },
];

describe('every issue in the catalogue', () => {
  it.each(CASES)(
    '$code',
    async ({
      code,
      rows,
      at,
      says,
      countySheet,
      sheets,
      on,
      schoolSheet = '学校数据',
      merges,
      hiddenRows,
      hiddenColumns,
      profile,
    }) => {
      const spec =
        merges || hiddenRows || hiddenColumns
          ? {
              rows: rows(),
              ...(merges ? { merges } : {}),
              ...(hiddenRows ? { hiddenRows } : {}),
              ...(hiddenColumns ? { hiddenColumns } : {}),
            }
          : rows();
      const path = await workbook({
        [schoolSheet]: spec,
        ...sheets,
        ...(countySheet ? { 县级指标: countySheet } : {}),
      });
      const report = profile ? await analyse(path, { profile }) : await check(path);
      const sheet = on ?? (countySheet ? '县级指标' : schoolSheet);
      const found = report.issues.filter((i) => i.code === code);
      expect(
        found,
        JSON.stringify(
          report.issues.map((i) => i.message),
          null,
          1,
        ),
      ).toHaveLength(1);
      const issue = found[0]!;
      expect(issue).toMatchObject({ severity: CATALOGUE[code].severity, ...at });
      if (at.cell || code !== 'HEADER_NOT_FOUND') expect(issue.sheet).toBe(sheet);
      if (at.cell) expect(issue.message).toContain(`${sheet}!${at.cell}`);
      if (at.school) expect(issue.message).toContain(at.school);
      if (says) expect(issue.message).toContain(says);
      if (CATALOGUE[code].severity === 'error') expect(report.counties).toEqual([]);
    },
  );

  it('has a test case for every code (a scenario plan’s, SCENARIO_*, in test/scenario.test.ts)', () => {
    expect(CASES.map((c) => c.code).sort()).toEqual(
      Object.keys(CATALOGUE)
        .filter((c) => !c.startsWith('SCENARIO_'))
        .sort(),
    );
  });

  it('a valid county has no errors or warnings', async () => {
    const report = await check(await workbook({ 学校数据: county() }));
    expect(report.issues).toEqual([]);
    expect(report.counties[0]!.levels.map((l) => l.result.pass)).toEqual([true, true]);
  });

  it('a school with several bad cells gets one issue per cell, and the valid schools still count', async () => {
    const rows = county();
    rows[1]![col('高于规定学历教师数')] = '不详';
    rows[1]![col('教学及辅助用房面积')] = -1;
    rows.push(junior('三中', 700));
    const report = await check(await workbook({ 学校数据: rows }));
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => i.cell)).toEqual(['E2', 'H2']);
  });
});
