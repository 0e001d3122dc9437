/**
 * The county sheet read by meaning: every county figure in three wordings (the official text, a
 * natural one, an abbreviation), the layouts counties use, sub-rows, phrases, claims, and rows that
 * match nothing or several things. Wordings here were written for the test, not copied from the
 * alias lists (a test below checks that the natural and short ones are not aliases).
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/cli/pipeline';
import { YOUZHI_2017 } from '../src/engine/profile';
import { readSource } from '../src/read/index';
import { countyFigures, readCountySheet } from '../src/schema/county-sheet/index';
import { normaliseText } from '../src/schema/text';
import { check, county, HEADER, workbook, type Cell } from './helpers/files';
import { merged, ZIPINGBIAO } from './helpers/ziping';

/** id → [official or template text, natural wording, abbreviation]. */
const WORDINGS: Record<string, [string, string, string]> = {
  planningReasonable: ['县域内义务教育学校规划布局合理，符合国家规定要求', '全县学校规划布局是否合理', '布局规划'],
  fourUnified: [
    '城乡学校建设标准、教师编制标准、生均公用经费基准定额、基本装备配置标准统一',
    '城乡"四统一"落实情况',
    '四统一情况',
  ],
  smallSchoolFunding: [
    '不足100名学生的村小学和教学点按100名学生核定公用经费',
    '村小、教学点不足100人的按100人拨付公用经费',
    '小规模学校公用经费按100人核定',
  ],
  specialEdFunding: ['特殊教育学校生均公用经费', '特教学校学生人均公用经费（元）', '特教生均经费'],
  teacherSalary: ['教师平均工资收入', '全县教师年人均工资（元）', '教师工资'],
  civilServantSalary: ['当地公务员平均工资收入', '本县公务员年人均工资（元）', '公务员工资'],
  teacherSalaryOk: [
    '教师平均工资收入水平不低于当地公务员平均工资收入水平',
    '教师工资是否不低于公务员',
    '教师与公务员工资比较',
  ],
  performancePay: ['按规定足额核定教师绩效工资总量', '教师绩效工资总量是否足额核定', '绩效工资核定'],
  trainingRate: ['教师5年360学时培训完成率', '五年一周期360学时培训完成比例', '360学时完成率'],
  trainedTeachers: ['完成360学时培训教师数', '已完成5年360学时培训的教师人数', '360学时已完成人数'],
  teachersToTrain: ['应参加360学时培训教师数', '应参加5年360学时培训的教师总数', '360学时应培训人数'],
  staffingAllocation: [
    '县级教育行政部门在核定的编制总额和岗位总量内统筹分配各校教职工编制和岗位数量',
    '教育局统筹分配各校编制和岗位',
    '编制岗位统筹',
  ],
  rotationRate: ['每年交流轮岗教师的比例不低于符合交流条件教师总数的10%', '本年度教师交流轮岗比例（%）', '交流轮岗率'],
  rotatedTeachers: ['交流轮岗教师数', '本年度参加交流轮岗的教师人数', '交流教师人数'],
  eligibleTeachers: ['符合交流条件教师总数', '符合交流轮岗条件的教师人数', '应交流教师数'],
  rotationBackboneShare: ['骨干教师不低于交流轮岗教师总数的20%', '交流轮岗教师中骨干教师所占比例', '骨干交流占比'],
  rotatedBackbone: ['交流轮岗骨干教师数', '参加交流轮岗的骨干教师人数', '骨干教师交流人数'],
  certifiedRate: ['专任教师持有教师资格证上岗率', '义务教育学校专任教师持证上岗率', '持证率'],
  certifiedTeachers: ['持有教师资格证专任教师数', '持有教师资格证的专任教师人数', '持证教师人数'],
  allTeachers: ['专任教师总数', '全县义务教育学校专任教师总数（人）', '专任教师总人数'],
  urbanNearbyRate: ['城区公办小学、初中（不含寄宿制学校）就近划片入学比例', '城区学校划片就近入学率', '城区就近入学率'],
  urbanNearbyStudents: ['城区就近入学人数', '城区学校划片就近入学学生人数', '城区就近入学学生'],
  urbanEnrolled: ['城区招生人数', '城区公办学校招生总人数', '城区招生数'],
  townNearbyRate: ['镇区公办小学、初中（不含寄宿制学校）就近划片入学比例', '镇区学校划片就近入学率', '镇区就近入学率'],
  townNearbyStudents: ['镇区就近入学人数', '镇区学校划片就近入学学生人数', '镇区就近入学学生'],
  townEnrolled: ['镇区招生人数', '镇区公办学校招生总人数', '镇区招生数'],
  quotaRate: ['优质高中招生名额分配比例', '优质普通高中招生名额分配到校比例', '名额分配到校率'],
  quotaPlaces: ['名额分配到校招生数', '优质高中分配到各初中的招生名额', '分配到校名额数'],
  seniorPlan: ['优质高中招生计划数', '优质普通高中年度招生计划总数', '高中招生计划'],
  quotaRural: ['名额分配向农村初中倾斜', '分配名额是否向农村初中倾斜', '向农村倾斜'],
  leftBehindCare: ['县域内留守儿童关爱体系健全', '农村留守儿童关爱服务体系是否健全', '留守儿童关爱'],
  migrantRate: [
    '符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的比例',
    '进城务工人员随迁子女在公办学校就读比例',
    '随迁子女就读率',
  ],
  migrantInPublic: ['公办学校就读随迁子女数', '在公办学校就读的随迁子女人数', '随迁子女公办就读人数'],
  migrantInPurchased: [
    '政府购买服务民办学校就读随迁子女数',
    '在政府购买学位的民办学校就读的随迁子女',
    '随迁子女购买服务就读人数',
  ],
  migrantEligible: ['符合条件随迁子女总数', '符合条件的随迁子女总人数', '随迁子女总数'],
  consolidationRate: ['全县初中三年巩固率', '初中学生三年保留率（巩固率）', '初中巩固率'],
  juniorGraduates: ['初中毕业生数', '本届初中毕业学生人数', '毕业人数'],
  juniorEnrolled3y: ['三年前初中在校生数', '该届学生初一入学时在校人数', '三年前在校生'],
  transferIn: ['转入学生数', '三年内转入该届学生人数', '转入人数'],
  transferOut: ['转出学生数', '三年内转出该届学生人数', '转出人数'],
  deaths: ['死亡学生数', '三年内死亡学生人数', '死亡人数'],
  disabledRate: ['全县残疾儿童少年入学率', '适龄残疾儿童少年入学比例', '残疾儿童入学率'],
  disabledEnrolled: ['残疾儿童少年入学人数', '已入学（含送教上门）的残疾儿童少年人数', '残疾儿童入学人数'],
  disabledTotal: ['残疾儿童少年总数', '全县适龄残疾儿童少年人数', '残疾儿童总人数'],
  charters: ['所有学校制定章程，实现学校管理与教学信息化', '学校章程制定及管理信息化情况', '章程建设'],
  trainingFundsRate: [
    '教师培训经费占学校年度公用经费预算总额的比例',
    '教师培训经费占公用经费预算的百分比',
    '培训经费占比',
  ],
  trainingFunds: ['教师培训经费', '全县安排教师培训经费总额（元）', '培训经费额'],
  publicFundsBudget: ['年度公用经费预算总额', '学校年度公用经费预算合计（元）', '公用经费预算'],
  trainingFundsOk: [
    '所有学校按照不低于学校年度公用经费预算总额的5%安排教师培训经费',
    '各校培训经费是否不低于公用经费的5%',
    '培训经费不低于5%',
  ],
  ictTeaching: [
    '教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平',
    '教师运用信息化手段开展教学情况',
    '信息化教学应用',
  ],
  moralEducation: ['所有学校德育工作、校园文化建设水平达到良好以上', '学校德育及校园文化建设水平', '德育工作'],
  curriculum: ['课程开齐开足，教学秩序规范，综合实践活动有效开展', '国家课程是否开齐开足', '课程开齐'],
  noExcessBurden: ['无过重课业负担', '学生课业负担是否合理、无过重负担', '课业负担'],
  monitoringLevel: [
    '国家义务教育质量监测相关科目学生学业水平达到Ⅲ级以上',
    '质量监测各科学业水平是否达到Ⅲ级及以上',
    'Ⅲ级以上',
  ],
  monitoringDiffRate: ['国家义务教育质量监测校际差异率', '质量监测学业成绩校际差异率', '差异率'],
  recognitionRate: ['社会认可度', '群众对义务教育满意度（%）', '认可度'],
  recognitionYes: ['认可人数', '问卷中表示认可的人数', '认可人数合计'],
  recognitionSurveyed: ['调查人数', '参与社会认可度调查总人数', '问卷调查人数'],
};

const VALUE: Record<string, Cell> = { yesno: '是', percent: '96%', count: 123, yuan: 6500, number: 0.12 };
const EXPECTED: Record<string, number | boolean> = { yesno: true, percent: 0.96, count: 123, yuan: 6500, number: 0.12 };

async function figuresOf(rows: Cell[][], sheetName = '县级指标', schoolRows = county()) {
  const path = await workbook({ 学校数据: schoolRows, [sheetName]: rows });
  const source = await readSource(path);
  return readCountySheet(source, YOUZHI_2017, { schoolSheets: ['学校数据'], counties: [] });
}

describe('every county figure in three wordings', () => {
  it('covers every input of the profile', () => {
    expect(Object.keys(WORDINGS).sort()).toEqual(YOUZHI_2017.countyInputs.map((i) => i.id).sort());
  });

  it('the natural and short wordings are not in the alias lists', () => {
    const aliases = new Set(YOUZHI_2017.countyInputs.flatMap((i) => i.names.map(normaliseText)));
    const listed = Object.entries(WORDINGS).flatMap(([id, [, natural, short]]) =>
      [natural, short].filter((w) => aliases.has(normaliseText(w))).map((w) => `${id}: ${w}`),
    );
    // A few short forms are the obvious names themselves; the rest must be found by meaning.
    expect(listed.length).toBeLessThan(8);
  });

  it.each([0, 1, 2])(
    'wording %i: each row read as its figure, alone in its sheet',
    async (k) => {
      const wrong: string[] = [];
      for (const input of YOUZHI_2017.countyInputs) {
        const name = WORDINGS[input.id]![k]!;
        const result = await figuresOf([
          ['指标', '数值'],
          [name, VALUE[input.unit]!],
        ]);
        const got = result.figures.get(null);
        const ok = got?.size === 1 && got.get(input.id)?.value === EXPECTED[input.unit];
        if (!ok)
          wrong.push(
            `${input.id} “${name}” → ${JSON.stringify([...(got ?? new Map()).entries()].map(([id, f]) => [id, f.value]))} ${result.issues.map((i) => i.code).join(',')}`,
          );
      }
      expect(wrong).toEqual([]);
    },
    60_000,
  );
});

describe('county sheet layouts', () => {
  it('项目 | 2024年数据 | 备注: a year-headed column of a single-county file is the value column', async () => {
    const r = await figuresOf([
      ['项目', '2024年数据', '备注'],
      ['初中巩固率', '97.1%', ''],
      ['群众满意度', '91%', '抽样'],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.figures.get(null)?.get('consolidationRate')?.value).toBeCloseTo(0.971, 12);
    expect(r.figures.get(null)?.get('recognitionRate')?.value).toBeCloseTo(0.91, 12);
  });

  it('指标 | 2023年 | 2024年: the year the title names is read, else the latest; the other year said, not warned about', async () => {
    // Found with a county sheet keeping last year's figures beside this year's: the 2023 column was read and 2024 ignored
    // with a warning, and 教育质量 judged 未达标 on last year's 巩固率.
    const rows = [
      ['指标', '2023年', '2024年', '备注'],
      ['初中三年巩固率', '94.1%', '96.2%'],
      ['社会认可度', '88%', '91%'],
    ];
    const latest = await figuresOf(rows);
    expect(latest.figures.get(null)?.get('consolidationRate')?.value).toBeCloseTo(0.962, 12);
    expect(latest.issues.map((i) => [i.code, i.cell, i.severity])).toEqual([['DUPLICATE_COLUMN_YEAR', 'B1', 'info']]);
    expect(latest.issues[0]!.message).toContain('按较近年份的 C1 读取');
    const titled = await figuresOf([['示例县县级指标（2023年）'], ...rows]);
    expect(titled.figures.get(null)?.get('consolidationRate')?.value).toBeCloseTo(0.941, 12);
    expect(titled.issues.map((i) => [i.code, i.cell])).toEqual([['DUPLICATE_COLUMN_YEAR', 'C2']]);
    expect(titled.issues[0]!.message).toContain('按表标题所示年份（2023年）的 B2 读取');
  });

  it('实际数据 | 自评情况: a single county’s second value column is read where the first is blank', async () => {
    // Found with a 自评表 keeping numbers in 实际数据 and words in 自评情况: the words were ignored with a warning, and an
    // item answered only there took the county's 达标 — 尚未编制专项规划 included.
    const rows = [
      ['序号', '评估内容', '实际数据', '自评情况', '是否达标'],
      [1, '县域内义务教育学校规划布局合理，符合国家规定要求', '', '尚未编制专项规划', '达标'],
      [9, '教师5年360学时培训完成率达到100%', '100%', '全部完成', '达标'],
    ];
    const r = await figuresOf(rows);
    expect(r.figures.get(null)?.get('planningReasonable')).toMatchObject({ value: false, cell: 'D2' });
    expect(r.figures.get(null)?.get('trainingRate')).toMatchObject({ value: 1, cell: 'C3' });
    expect(r.issues).toEqual([]);
  });

  it('the first 是否达标 of an item is its claim; a later one that says otherwise is CLAIM_CONFLICTS, never the claim', async () => {
    const rows = [
      ['序号', '评估内容', '实际情况', '是否达标'],
      [9, '教师5年360学时培训完成率达到100%', '100%', '达标'],
      [9, '教师5年360学时培训完成率', '100%', '未达标'],
    ];
    const r = await figuresOf(rows);
    expect(r.claims.get('training')).toMatchObject({ met: true, cell: 'D2' });
    expect(r.issues.filter((i) => i.code === 'CLAIM_CONFLICTS').map((i) => i.cell)).toEqual(['D3']);
    // The same the other way round: 未达标 first stays 未达标.
    const flipped = await figuresOf([rows[0]!, rows[2]!, rows[1]!]);
    expect(flipped.claims.get('training')).toMatchObject({ met: false, cell: 'D2' });
    // The conflict names the first claim's cell and words.
    const conflict = r.issues.find((i) => i.code === 'CLAIM_CONFLICTS')!;
    expect(conflict.message).toContain('D2');
    // Two claims that agree are no conflict; a claim in no known words is COUNTY_FIGURE_UNCLEAR, and no claim.
    const agreeing = await figuresOf([rows[0]!, rows[1]!, rows[1]!]);
    expect(agreeing.issues.filter((i) => i.code === 'CLAIM_CONFLICTS')).toEqual([]);
    const unclear = await figuresOf([rows[0]!, [9, '教师5年360学时培训完成率达到100%', '100%', '见附件']]);
    expect(unclear.claims.has('training')).toBe(false);
    const said = unclear.issues.filter((i) => i.code === 'COUNTY_FIGURE_UNCLEAR');
    expect(said.map((i) => i.cell)).toEqual(['D2']);
    expect(said[0]!.message).toContain('见附件');
    expect(said[0]!.message).toContain('是否达标');
    expect(said[0]!.message).toContain('不是“达标/未达标”或“是/否”');
  });

  it('县级自评数据 | 县级自评结论 are the county’s value and claim; a 市级复核 column beside them is not read', async () => {
    // Found with a 自评表 with the city's review column: 县级自评结论 was not known, the county's claims lost with a warning.
    const rows = [
      ['序号', '评估内容', '县级自评数据', '县级自评结论', '市级复核意见'],
      [9, '教师5年360学时培训完成率达到100%', '100%', '达标', '核实为98.2%，未达标'],
    ];
    const r = await figuresOf(rows);
    expect(r.figures.get(null)?.get('trainingRate')).toMatchObject({ value: 1, cell: 'C2' });
    expect(r.claims.get('training')).toMatchObject({ met: true, cell: 'D2' });
    // The reviewer's column (复核意见, 核查意见 …: ignoredHeaders) never gives the county's figure, and is no misreading.
    expect(r.issues).toEqual([]);
    // A column of no known kind beside them still is.
    const other = await figuresOf(rows.map((row, i) => [...row, i === 0 ? '市级意见摘要' : '属实']));
    expect(other.issues.map((i) => [i.code, i.cell])).toEqual([['COLUMN_IGNORED', 'F2']]);
  });

  it('a column headed by a county of the 区县 column is that county; another heading beside it is warned about', async () => {
    const rows = county().map((r, i) => [...r, i === 0 ? '区县' : '甲县']);
    const path = await workbook({
      学校数据: rows,
      县级指标: [
        ['指标', '甲县', '2023年'],
        ['社会认可度', '90%', '80%'],
        ['初中三年巩固率', '97%', '96%'],
      ],
    });
    const report = await check(path);
    expect(report.counties[0]!.checklist.find((x) => x.item.id === 'recognition')!.conditions[0]!.value).toBeCloseTo(
      0.9,
      12,
    );
    expect(report.issues.filter((i) => i.code === 'COLUMN_IGNORED').map((i) => i.cell)).toEqual(['C2']); // once per column
  });

  it('a batch’s county columns may leave out 县 (平安 for 平安县); figures in a column of no county are said, not silently unused', async () => {
    // Found with a two-county file whose 县级指标 columns read 平安 | 长乐: the 平安 column was taken as a single county's
    // value column, used by neither county, with no word (长乐 was warned about).
    const two = county().map((r, i) => [...r, i === 0 ? '区县' : i <= 3 ? '平安县' : '长乐县']);
    const sheet = (a: string, b: string) => [
      ['指标', a, b],
      ['社会认可度', '90%', '80%'],
    ];
    const recognition = (r: Awaited<ReturnType<typeof check>>) =>
      r.counties.map((c) => c.checklist.find((x) => x.item.id === 'recognition')!.conditions[0]!.value);
    const short = await check(await workbook({ 学校数据: two, 县级指标: sheet('平安', '长乐') }));
    expect(recognition(short)).toEqual([0.9, 0.8]);
    expect(short.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    // A heading that names neither: one warning at its first figure, a misread (validate --strict refuses it).
    const none = await check(await workbook({ 学校数据: two, 县级指标: sheet('2024年数据', '备注') }));
    expect(recognition(none)).toEqual([null, null]);
    expect(none.issues.filter((i) => i.severity !== 'info').map((i) => [i.code, i.cell])).toEqual([
      ['COUNTY_FIGURES_UNPLACED', 'B2'],
    ]);
    expect(none.issues.find((i) => i.code === 'COUNTY_FIGURES_UNPLACED')!.message).toContain(
      '请以区县名作列名（如“平安县”、“长乐县”）',
    );
    // With --county the one county of the run takes the column, as a single county's file does.
    const one = await analyse(await workbook({ 学校数据: two, 县级指标: sheet('2024年数据', '备注') }), {
      profile: YOUZHI_2017,
      county: '长乐县',
    });
    expect(recognition(one)).toEqual([0.9]);
    expect(one.issues.map((i) => i.code)).not.toContain('COUNTY_FIGURES_UNPLACED');
  });

  it('no county read (every school row in error): no COUNTY_FIGURES_UNPLACED ending in an empty （如）', async () => {
    // Found with a county file whose every 学校类型 was unknown: 请以区县名作列名（如） under the school errors.
    const rows = county().map((r, i) => (i === 0 ? r : [r[0]!, '大学', ...r.slice(2)]));
    const r = await check(
      await workbook({
        学校数据: rows,
        县级指标: [
          ['指标', '2024年数据'],
          ['社会认可度', '90%'],
        ],
      }),
    );
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(
      Array<string>(6).fill('UNKNOWN_SCHOOL_TYPE'),
    );
    expect(r.issues.map((i) => i.code)).not.toContain('COUNTY_FIGURES_UNPLACED');
    expect(r.issues.filter((i) => i.message.includes('（如）'))).toEqual([]);
    // Counties without names to give as examples: the warning without the parenthesis.
    const source = await readSource(
      await workbook({
        学校数据: county(),
        县级指标: [
          ['指标', '2024年数据'],
          ['社会认可度', '90%'],
        ],
      }),
    );
    const sheet = readCountySheet(source, YOUZHI_2017, { schoolSheets: ['学校数据'], counties: [] });
    const [unplaced] = countyFigures(sheet, [null, null]).issues;
    expect(unplaced!.code).toBe('COUNTY_FIGURES_UNPLACED');
    expect(unplaced!.message).toMatch(/请以区县名作列名$/);
  });

  it('a hidden county sheet beside a shown one is not read, and said; a hidden one alone is read', async () => {
    // Last year's 自评表 hidden before this year's: with every named sheet read it would have been read first, its figures winning.
    const sheet = (v: string) => [
      ['指标', '数值'],
      ['社会认可度', v],
    ];
    const path = await workbook({
      学校数据: county(),
      '自评表（2023年）': { rows: sheet('80%'), hidden: true },
      自评表: sheet('91%'),
    });
    const r = readCountySheet(await readSource(path), YOUZHI_2017, { schoolSheets: ['学校数据'], counties: [] });
    expect(r.sheet).toBe('自评表');
    expect(r.figures.get(null)?.get('recognitionRate')?.value).toBeCloseTo(0.91, 12);
    expect(r.issues.map((i) => [i.code, i.sheet, i.row])).toEqual([
      ['COUNTY_SHEET_HIDDEN_NOT_READ', '自评表（2023年）', 1],
    ]);
    const alone = await workbook({ 学校数据: county(), 自评表: { rows: sheet('80%'), hidden: true } });
    const only = readCountySheet(await readSource(alone), YOUZHI_2017, { schoolSheets: ['学校数据'], counties: [] });
    expect([only.sheet, only.issues]).toEqual(['自评表', []]);
  });

  it('the same form for two years on two sheets: the latest year’s is read, the other said; parts without a year are read with it', async () => {
    const sheet = (v: string) => [
      ['指标', '数值'],
      ['社会认可度', v],
    ];
    const path = await workbook({
      学校数据: county(),
      '自评表（2023年）': sheet('80%'),
      '自评表（2024年）': sheet('91%'),
      教育质量: [
        ['指标', '数值'],
        ['全县初中三年巩固率', '96%'],
      ],
    });
    const r = readCountySheet(await readSource(path), YOUZHI_2017, { schoolSheets: ['学校数据'], counties: [] });
    expect([r.sheet, r.sheets]).toEqual(['自评表（2024年）', ['自评表（2024年）', '教育质量']]);
    expect(r.figures.get(null)?.get('recognitionRate')?.value).toBeCloseTo(0.91, 12);
    expect(r.issues.map((i) => [i.code, i.sheet])).toEqual([
      ['COUNTY_SHEETS_COMBINED', '自评表（2024年）'],
      ['COUNTY_SHEET_OTHER_YEAR', '自评表（2023年）'],
    ]);
  });

  it('the 自评表: items and sub-rows read, phrases and units understood, evidence never a figure', async () => {
    const path = await workbook({
      学校数据: county(),
      自评表: { rows: ZIPINGBIAO, merges: ['A1:F1', ...merged(ZIPINGBIAO)] },
    });
    const r = readCountySheet(await readSource(path), YOUZHI_2017, { schoolSheets: ['学校数据'], counties: [] });
    const f = r.figures.get(null)!;
    const value = (id: string) => f.get(id)?.value;
    expect(r.sheet).toBe('自评表');
    expect(value('planningReasonable')).toBe(true);
    expect(value('specialEdFunding')).toBe(62000);
    expect([value('trainedTeachers'), value('teachersToTrain')]).toEqual([2100, 2246]);
    expect([value('rotatedTeachers'), value('eligibleTeachers'), value('rotatedBackbone')]).toEqual([150, 1200, 35]);
    expect(value('certifiedRate')).toBe(1);
    expect(value('leftBehindCare')).toBe(true);
    expect(value('migrantRate')).toBeCloseTo(0.913, 12);
    expect(value('consolidationRate')).toBeCloseTo(0.963, 12);
    expect([value('disabledEnrolled'), value('disabledTotal')]).toEqual([188, 196]);
    expect(value('charters')).toBe(false);
    expect(value('monitoringLevel')).toBe(true);
    expect(value('recognitionRate')).toBeCloseTo(0.924, 12);
    expect(f.size).toBe(16);
    expect(r.issues).toEqual([]);
    expect([...r.claims.keys()]).toEqual([
      'planning',
      'special_funding',
      'training',
      'rotation',
      'certification',
      'left_behind',
      'consolidation',
      'disabled_enrolment',
      'charters',
      'monitoring',
      'recognition',
    ]);
  });

  it('the 自评表 with an item’s name merged down over the rows of its figures: the rows read as one item, their values as its clauses', async () => {
    const rows: Cell[][] = [
      ['序号', '评估内容', '评估标准', '实际情况', '是否达标'],
      [
        8,
        '全县义务教育学校教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量',
        '不低于',
        '教师年均工资 90000 元',
        '达标',
      ],
      [null, null, null, '公务员年均工资 96200 元', null],
      [null, null, null, '绩效工资足额核定', null],
      [
        13,
        '城区和镇区公办小学、初中（均不含寄宿制学校）就近划片入学比例分别达到100%、95%',
        '100%',
        '城区 100%',
        '达标',
      ],
      [null, null, '95%', '镇区 97.5%', null],
    ];
    const merges = ['A2:A4', 'B2:B4', 'C2:C4', 'E2:E4', 'A5:A6', 'B5:B6', 'E5:E6'];
    const path = await workbook({ 学校数据: county(), 自评表: { rows, merges } });
    const r = readCountySheet(await readSource(path), YOUZHI_2017, { schoolSheets: ['学校数据'], counties: [] });
    const value = (id: string) => r.figures.get(null)!.get(id)?.value;
    expect([value('teacherSalary'), value('civilServantSalary'), value('performancePay')]).toEqual([
      90000,
      96200,
      true,
    ]);
    expect([value('urbanNearbyRate'), value('townNearbyRate')]).toEqual([1, 0.975]);
    expect(r.issues.map((i) => [i.code, i.cell, i.severity])).toEqual([
      ['COUNTY_ROWS_JOINED', 'D2', 'info'],
      ['COUNTY_VALUE_SPLIT', 'D2', 'info'],
      ['COUNTY_ROWS_JOINED', 'D5', 'info'],
      ['COUNTY_VALUE_SPLIT', 'D5', 'info'],
    ]);
    expect(r.issues[0]!.message).toContain(
      '一格合并了第 2–4 行：按一项读取，各行的填写合为“教师年均工资 90000 元；公务员年均工资 96200 元；绩效工资足额核定”',
    );
    // The county's 达标 for item 8 is its claim, not a figure: the item is computed from the figures, and is short.
    const report = await check(path);
    const item8 = report.counties[0]!.checklist.find((c) => c.item.id === 'teacher_pay')!;
    expect(item8.status).toBe('not_met');
    expect(item8.claim?.disagreement).not.toBeNull();
  });

  it('the 自评表 as one sheet per part, short names beside the items’ 评估标准: every sheet read, the standard saying which item', async () => {
    // Found with a county's three forms (政府保障程度 | 教育质量 | 社会认可度 on sheets of their own): only the first was read,
    // the other two parts 未提供 with no word; 教师培训 beside 教师5年360学时培训完成率达到100% was ambiguous; 教师工资 with
    // “教师…万元，公务员…万元，绩效工资已足额核定” read one number of three; 无 for 无过重课业负担 read as 否; 基本达到 as 达标.
    const header = ['序号', '评估指标', '评估标准', '县级自评情况', '自评结论'];
    const part = (title: string, rows: Cell[][]) => [[title], header, ...rows];
    const path = await workbook({
      学校数据: county(),
      '表2 政府保障程度': part('政府保障程度自评表', [
        [
          8,
          '教师工资',
          '教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量',
          '教师年均工资11.2万元，公务员年均工资10.9万元，绩效工资已足额核定',
          '达到',
        ],
        [9, '教师培训', '教师5年360学时培训完成率达到100%', '98.5%', '基本达到'],
      ]),
      '表3 教育质量': part('教育质量自评表', [
        [1, '巩固率', '全县初中三年巩固率达到95%以上', '96.8%', '达到'],
        [8, '课业负担', '无过重课业负担', '无', '达到'],
      ]),
      '表4 社会认可度': part('社会认可度自评表', [[1, '社会认可度', '社会认可度达到85%以上', '92.4%', '达到']]),
    });
    const r = readCountySheet(await readSource(path), YOUZHI_2017, { schoolSheets: ['学校数据'], counties: [] });
    const value = (id: string) => r.figures.get(null)!.get(id)?.value;
    expect([r.sheet, r.sheets]).toEqual(['表2 政府保障程度', ['表2 政府保障程度', '表3 教育质量', '表4 社会认可度']]);
    expect([value('teacherSalary'), value('civilServantSalary'), value('performancePay')]).toEqual([
      112000,
      109000,
      true,
    ]);
    expect(value('trainingRate')).toBeCloseTo(0.985, 12);
    expect(value('consolidationRate')).toBeCloseTo(0.968, 12);
    expect(value('noExcessBurden')).toBe(true);
    expect(value('recognitionRate')).toBeCloseTo(0.924, 12);
    expect(r.claims.get('training')?.met).toBe(false);
    expect(r.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ['COUNTY_SHEETS_COMBINED', '表2 政府保障程度', undefined],
      ['COUNTY_VALUE_SPLIT', '表2 政府保障程度', 'D3'],
    ]);
    const report = await check(path);
    expect(report.input.countySheets).toEqual(['表2 政府保障程度', '表3 教育质量', '表4 社会认可度']);
    const status = (id: string) => report.counties[0]!.checklist.find((c) => c.item.id === id)!.status;
    expect([
      status('teacher_pay'),
      status('training'),
      status('consolidation'),
      status('burden'),
      status('recognition'),
    ]).toEqual(['met', 'not_met', 'met', 'met', 'met']);
    expect(report.issues.filter((i) => i.code === 'CLAIM_DISAGREES')).toEqual([]);
    // 有 for 无过重课业负担 denies it; for another 是/否 figure 无 is still 否.
    const one = async (name: string, text: string) => {
      const p = await workbook({ 学校数据: county(), 教育质量: [header, [8, name, '', text, '']] });
      return readCountySheet(await readSource(p), YOUZHI_2017, { schoolSheets: ['学校数据'], counties: [] })
        .figures.get(null)
        ?.get(name === '课业负担' ? 'noExcessBurden' : 'charters')?.value;
    };
    expect(await one('课业负担', '有')).toBe(false);
    expect(await one('学校章程', '无')).toBe(false);
  });

  it('a number where an item’s 是/否 figures are asked is the number figure it names, never answered by the county’s 达标', async () => {
    const item8 =
      '全县义务教育学校教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量';
    const sheet = (value: Cell) => [
      ['序号', '评估内容', '实际情况', '是否达标'],
      [8, item8, value, '达标'],
    ];
    const named = await check(await workbook({ 学校数据: county(), 自评表: sheet('教师年均工资 90000 元') }));
    const result = (r: typeof named) => r.counties[0]!.checklist.find((c) => c.item.id === 'teacher_pay')!;
    // The teachers' pay alone: the item cannot be judged, and the county's 达标 is a disagreement, not the answer.
    expect(result(named).status).toBe('not_provided');
    expect(named.issues.map((i) => i.code).sort()).toEqual(['CLAIM_DISAGREES', 'COUNTY_VALUE_SPLIT']);
    expect(named.issues.find((i) => i.code === 'COUNTY_VALUE_SPLIT')!.message).toContain(
      '按分句读作：教师平均工资收入 90000元',
    );
    // A bare number names no figure: a warning, and still not the claim.
    const bare = await check(await workbook({ 学校数据: county(), 自评表: sheet(90000) }));
    expect(result(bare).status).toBe('not_provided');
    const unclear = bare.issues.filter((i) => i.code === 'COUNTY_FIGURE_UNCLEAR');
    expect(unclear.map((i) => [i.cell, i.severity])).toEqual([
      ['C2', 'warning'],
      ['C2', 'warning'],
    ]);
    expect(unclear[0]!.message).toContain('填的是数字，看不出“是”还是“否”');
    // A 是/否 item whose text says neither, with a year and no figure, still takes the county's 达标 (as before).
    const item10 = '县级教育行政部门在核定的编制总额和岗位总量内，统筹分配各校教职工编制和岗位数量';
    const dated = await check(
      await workbook({
        学校数据: county(),
        自评表: [
          ['序号', '评估内容', '实际情况', '是否达标'],
          [10, item10, '2023年完成', '达标'],
        ],
      }),
    );
    expect(dated.counties[0]!.checklist.find((c) => c.item.name.includes('编制总额'))!.status).toBe('met');
    expect(dated.issues).toEqual([]);
  });

  it('the 自评表 title or its 填报单位 line names the county when the school table does not', async () => {
    const report = await check(
      await workbook({ 学校数据: county(), 自评表: { rows: ZIPINGBIAO, merges: ['A1:F1', ...merged(ZIPINGBIAO)] } }),
    );
    expect(report.counties[0]!.label).toBe('和平县');
    const unit = [['填报单位：青山区教育局'], ...ZIPINGBIAO.slice(2)];
    expect((await check(await workbook({ 学校数据: county(), 自评表: unit }))).counties[0]!.label).toBe('青山区');
    expect((await check(await workbook({ 学校数据: county() }))).counties[0]!.label).toBe('test'); // the file name
  });

  it('the computed items equal the hand-computed ones, and every claim that disagrees is a warning', async () => {
    const path = await workbook({
      学校数据: county(),
      自评表: { rows: ZIPINGBIAO, merges: ['A1:F1', ...merged(ZIPINGBIAO)] },
    });
    const report = await check(path);
    const c = report.counties[0]!;
    const cond = (id: string) => c.checklist.flatMap((x) => x.conditions).find((x) => x.condition.id === id)!;
    expect(cond('training').value).toBeCloseTo(2100 / 2246, 12);
    expect(cond('rotation').value).toBeCloseTo(150 / 1200, 12);
    expect(cond('rotation_backbone').value).toBeCloseTo(35 / 150, 12);
    expect(cond('disabled').value).toBeCloseTo(188 / 196, 12);
    const disagree = report.issues.filter((i) => i.code === 'CLAIM_DISAGREES');
    expect(disagree.map((i) => i.cell)).toEqual(['E7', 'E15', 'E23', 'E24']);
    expect(disagree[0]!.message).toContain('自评达标，但测算为未达标：360学时培训完成率 93.50%（应 ≥ 100%）');
    expect(disagree[1]!.message).toContain('自评未达标，但测算为达标'); // 15: the county was stricter than the rule
    expect(disagree[2]!.message).toContain('测算为未达标'); // 章程: "部分学校尚未制定"
    expect(disagree[3]!.message).toContain('测算为无法判定'); // 质量9: 校际差异率 not given
    expect(c.claimDisagreements.map((x) => x.item.id)).toEqual(['training', 'left_behind', 'charters', 'monitoring']);
  });

  it('a whole item answered in one sentence is read clause by clause; a phrase of one figure with several numbers is a warning naming them', async () => {
    const r = await figuresOf([
      ['指标', '实际情况'],
      [
        '全县每年交流轮岗教师的比例不低于符合交流条件教师总数的10%；其中，骨干教师不低于交流轮岗教师总数的20%',
        '比例12.5%，骨干占23%',
      ],
      ['（1）交流轮岗教师数', 150],
      ['（2）符合交流条件教师数', 1200],
      ['（3）其中：骨干教师', 35],
    ]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['COUNTY_VALUE_SPLIT', 'B2']]);
    expect(r.issues[0]!.message).toContain('按分句读作：交流轮岗比例 12.5%；交流轮岗骨干教师比例 23%');
    expect(r.figures.get(null)?.get('rotationRate')?.value).toBeCloseTo(0.125, 12);
    expect(r.figures.get(null)?.get('rotationBackboneShare')?.value).toBeCloseTo(0.23, 12);
    expect(r.figures.get(null)?.get('rotatedBackbone')?.value).toBe(35);
    // Found with a county's 自评表: the pay of item 8 in one sentence was read as 是 (the 均 of 年均) — 达标 for 90 000 against 96 200.
    const pay = await figuresOf([
      ['指标', '实际情况'],
      [
        '教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量',
        '教师年均工资 90000 元，公务员 96200 元；绩效工资足额核定',
      ],
    ]);
    expect([...pay.figures.get(null)!].map(([id, f]) => [id, f.value])).toEqual([
      ['teacherSalary', 90000],
      ['civilServantSalary', 96200],
      ['performancePay', true],
    ]);
    // Not one clause per figure (two clauses naming the same one, a clause of two numbers): read as before.
    const same = await figuresOf([
      ['指标', '实际情况'],
      ['全县优质高中招生名额分配比例不低于50%，并向农村初中倾斜', '分配比例52%，比例较上年提高3%'],
    ]);
    expect(same.issues.map((i) => i.code)).not.toContain('COUNTY_VALUE_SPLIT');
    const one = await figuresOf([
      ['指标', '实际情况'],
      ['初中三年巩固率', '2023年95.1%，2024年96.3%'],
    ]);
    expect(one.issues.map((i) => i.code)).toEqual(['COUNTY_FIGURE_UNCLEAR']);
    expect(one.issues[0]!.message).toContain('95.1%、96.3%');
  });

  it('a row that matches nothing but holds a figure is a warning with the two nearest items; a row without a figure is structure', async () => {
    const r = await figuresOf([
      ['指标', '数值'],
      ['二、教育质量', null],
      ['课程开设', '是'],
      ['校园绿化率', '40%'],
      ['残疾少年入读情况', '96%'],
    ]);
    expect(r.issues.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ['COUNTY_ROW_IGNORED', 'warning', 'A3'],
      ['COUNTY_ROW_IGNORED', 'warning', 'A4'],
    ]);
    // Written as a percentage, 残疾 … is the enrolment rate (never 96 children).
    expect(r.figures.get(null)?.get('disabledRate')?.value).toBeCloseTo(0.96, 12);
    const count = await figuresOf([
      ['指标', '数值'],
      ['残疾儿童少年总数', '96%'],
    ]);
    expect(count.issues.map((i) => i.code)).toEqual(['COUNTY_FIGURE_UNCLEAR']);
    expect(r.issues[0]!.message).toContain('是否指“课程开齐开足”？');
  });
});

describe('near neighbours are never taken for a figure', () => {
  it("a general name inside a specific figure's name is named as a candidate, never read as that figure", async () => {
    // 生均公用经费 of all schools is not 特殊教育学校生均公用经费 (900 元 would fail 保障 7); 专任教师数 is not 持证专任教师数.
    const r = await figuresOf([
      ['指标', '数值'],
      ['义务教育学校生均公用经费', '900元'],
      ['专任教师数', 2400],
      ['高中阶段毛入学率', '95%'],
    ]);
    expect(r.figures.get(null)).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([
      ['COUNTY_ROW_AMBIGUOUS', 'A2'],
      ['COUNTY_ROW_AMBIGUOUS', 'A3'],
      ['COUNTY_ROW_IGNORED', 'A4'],
    ]);
    expect(r.issues[0]!.message).toContain('“特殊教育学校生均公用经费”');
  });

  it("under its item the same short name is that item's figure", async () => {
    const r = await figuresOf([
      ['指标', '数值'],
      ['交流轮岗教师数', 150],
      ['（1）其中：骨干教师', 35],
    ]);
    expect(r.figures.get(null)?.get('rotatedBackbone')?.value).toBe(35);
  });
});

describe('school sheet header variants', () => {
  const body = county().slice(1);
  it('a two-row header under 在校学生数, and 城乡类型 / 所在地类型 columns, read without errors', async () => {
    for (const ur of ['城乡类型', '所在地类型', '城乡属性']) {
      const top = ['学校名称', '学校类型', '在校学生数', '', ...HEADER.slice(4), ur];
      const sub = ['', '', '小学', '初中', ...HEADER.slice(4).map(() => ''), ''];
      const rows = [top, sub, ...body.map((r, i) => [...r, i % 2 ? '乡村' : '城区'])];
      const merges = ['C1:D1', ...['A', 'B', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'].map((c) => `${c}1:${c}2`)];
      const report = await check(await workbook({ 学校数据: { rows, merges } }));
      expect(
        report.issues.filter((i) => i.severity !== 'info'),
        ur,
      ).toEqual([]);
      expect(report.counties[0]!.urbanRural.length, ur).toBeGreaterThan(0);
      expect(report.input.schoolRows).toBe(6);
    }
  });

  it('an unrecognised second header row is one error naming the row, not a row of bad schools', async () => {
    // 高于规定学历教师数 split into 专科 | 本科 below it: not a header balance-check can read.
    const top = [...HEADER.slice(0, 5), '', ...HEADER.slice(5)];
    const sub = top.map((_, i) => (i === 4 ? '专科' : i === 5 ? '本科' : ''));
    const rows = [top, sub, ...body.map((r) => [...r.slice(0, 5), 3, ...r.slice(5)])];
    const report = await check(await workbook({ 学校数据: { rows, merges: ['E1:F1'] } }));
    const errors = report.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.code, i.row])).toEqual([['HEADER_ROW_MISREAD', 2]]);
    expect(errors[0]!.message).toContain('“专科”');
  });
});

describe('a 自评表 in natural sentences, read as an officer reads it (issue 26)', () => {
  const rows: Cell[][] = [
    ['序号', '评估内容', '实际情况', '是否达标'],
    [1, '交流轮岗', '2024年交流轮岗教师146人，占符合交流条件教师1280人的11.4%；其中骨干教师32人，占21.9%', '达标'],
    [2, '教师培训经费', '各校培训经费占公用经费预算6.2%', '达标'],
    [3, '优质高中名额分配', '2024年分配比例55%，向农村初中倾斜', '达标'],
    [4, '质量监测', '2022年监测各科均达到Ⅲ级以上，校际差异率0.13', '达标'],
    [5, '班额', '已全面消除大班额', '达标'],
    [6, '完成5年360学时培训的教师数', 700, ''],
    [7, '教师总数', 2000, ''],
  ];

  it('every figure of every sentence read, years as dates, the row below a numerator as its denominator', async () => {
    const r = await figuresOf(rows, '自评表');
    const f = (id: string) => r.figures.get(null)?.get(id)?.value;
    expect([f('rotatedTeachers'), f('eligibleTeachers'), f('rotatedBackbone')]).toEqual([146, 1280, 32]);
    expect(f('rotationRate')).toBeCloseTo(0.114, 12);
    expect(f('rotationBackboneShare')).toBeCloseTo(0.219, 12);
    expect(f('trainingFundsRate')).toBeCloseTo(0.062, 12);
    expect(f('quotaRate')).toBeCloseTo(0.55, 12);
    expect(f('quotaRural')).toBe(true);
    expect(f('monitoringLevel')).toBe(true);
    expect(f('monitoringDiffRate')).toBeCloseTo(0.13, 12);
    expect([f('trainedTeachers'), f('teachersToTrain')]).toEqual([700, 2000]);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    // The claim on a row named by an item judged from the school rows (班额 → item 5) is kept, to be cross-checked.
    expect(r.claims.get('class_size')).toMatchObject({ met: true, cell: 'D6' });
  });

  it('the verdict: 35 % training is 未达标 (not 未提供), and the 班额 claim is cross-checked', async () => {
    const report = await check(await workbook({ 学校数据: county(), 自评表: rows }));
    const item = (id: string) => report.counties[0]!.checklist.find((c) => c.item.id === id)!;
    expect(item('training').status).toBe('not_met');
    expect(item('rotation').status).toBe('met');
    expect(item('quota').status).toBe('met');
    expect(item('monitoring').status).toBe('met');
    expect(item('class_size').claim).toMatchObject({ met: true });
    expect(report.issues.filter((i) => i.code === 'CLAIM_DISAGREES').map((i) => i.cell)).toEqual(['D6']);
  });
});

describe('不低于 in a clause is no negative (found by a new user: 第8项 read as 否)', () => {
  it('教师平均工资收入水平不低于当地公务员…，绩效工资总量足额核定: both 是', async () => {
    const r = await figuresOf([
      ['指标', '数值'],
      ['教师工资', '教师平均工资收入水平不低于当地公务员平均工资收入水平，绩效工资总量足额核定'],
    ]);
    expect(r.figures.get(null)?.get('teacherSalaryOk')?.value).toBe(true);
    expect(r.figures.get(null)?.get('performancePay')?.value).toBe(true);
  });
});

describe('the 不 of 不足100名 is no answer (the official words of item 6 in its own 实际情况)', () => {
  const item6 = '不足100名学生的村小学和教学点按100名学生核定公用经费';
  const read = async (text: string) =>
    (
      await figuresOf(
        [
          ['序号', '评估内容', '实际情况', '是否达标'],
          [6, item6, text, '达标'],
        ],
        '自评表',
      )
    ).figures
      .get(null)
      ?.get('smallSchoolFunding')?.value;

  it('the item restated with 全县 and 均: 是; said not done: 否', async () => {
    expect(await read('全县不足100名学生的村小学和教学点均按100名学生核定公用经费')).toBe(true);
    expect(await read('全县不足100人的教学点均按100人核定公用经费')).toBe(true);
    expect(await read('不足100人的教学点未按100人核定')).toBe(false);
  });
});
