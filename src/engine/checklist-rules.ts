/**
 * The 15 + 9 + 1 county items of the 2017 method (indicators.md §3–5) as data: the rows a
 * 县级指标 sheet may hold (with their aliases and units), and each item as conditions over
 * those rows. An item with `school` is judged from the school rows instead.
 */
import { z } from 'zod';
import { INPUT_FIELDS, OWNERSHIPS, SCHOOL_TYPES, URBAN_RURALS } from './types';

export const COUNTY_UNITS = ['count', 'percent', 'yuan', 'number', 'yesno'] as const;

/** Words a name must all hold (`all`) and must not hold (`none`). */
const KeywordSetSchema = z.strictObject({ all: z.array(z.string()).min(1), none: z.array(z.string()).default([]) });

export const CountyInputSchema = z.strictObject({
  id: z.string(),
  /** Row names: the first is the one the template writes; the rest are aliases. */
  names: z.array(z.string()).min(1),
  unit: z.enum(COUNTY_UNITS),
  /** What the figure is, for the template and messages. */
  note: z.string(),
  /** The wording of the official text (indicators.md §3–5) for this figure, when it has its own. */
  official: z.string().optional(),
  /**
   * Keywords that identify the figure in any wording: a row matches a set when it holds every
   * word of `all` and none of `none` (残疾 + 入学 → the enrolled count; 残疾 without 入学 → the total).
   */
  keywords: z.array(KeywordSetSchema).default([]),
});

const Term = z.strictObject({ input: z.string(), sign: z.union([z.literal(1), z.literal(-1)]) });

const base = { id: z.string(), label: z.string() };
export const ConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('yesno'), ...base, input: z.string() }),
  z.strictObject({
    kind: z.literal('ratio'),
    ...base,
    /** A row holding the ratio itself (96.5% or 0.965). */
    ready: z.string(),
    /** Or the raw counts: Σ numerator ÷ Σ denominator. */
    numerator: z.array(Term),
    denominator: z.array(Term),
    /** Met when ≥ min … */
    min: z.number().optional(),
    /** … or when < below (校际差异率 < 0.15). */
    below: z.number().optional(),
    /** A share cannot exceed 1: counts that give more do not add up. */
    share: z.boolean(),
    /** A 是/否 row accepted instead of the figure (per-school ratios judged by the county). */
    orYesNo: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal('amount'), ...base, input: z.string(), min: z.number() }),
  /** One figure at least another (teachers' pay ≥ civil servants' pay), or a 是/否 row saying so. */
  z.strictObject({
    kind: z.literal('notBelow'),
    ...base,
    input: z.string(),
    reference: z.string(),
    orYesNo: z.string(),
  }),
]);

export const SchoolItemKind = z.enum(['rooms', 'size', 'classSize']);

export const ChecklistItemSchema = z.strictObject({
  id: z.string(),
  dimension: z.enum(['guarantee', 'quality', 'recognition']),
  number: z.number().int().positive(),
  name: z.string(),
  /** Other wordings of the whole item (a 自评表's 评估内容 column). */
  aliases: z.array(z.string()).default([]),
  /**
   * Key words that name the item in a row of a 自评表 (班额 → item 5): for items judged from the school rows,
   * whose rows carry only the county's claim. Same syntax as a county figure's keywords.
   */
  keywords: z.array(KeywordSetSchema).optional(),
  /** Judged from the school rows. */
  school: SchoolItemKind.optional(),
  conditions: z.array(ConditionSchema),
});

export type CountyInput = z.infer<typeof CountyInputSchema>;
export type Condition = z.infer<typeof ConditionSchema>;
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

/** Words of a part of a school's students, or of another count of them, in a header: 小学毕业生数 is no 小学在校生数. */
const STUDENT_SUBSETS = [
  '毕业',
  '招生',
  '新生',
  '入学',
  '升学',
  '寄宿',
  '住校',
  '随迁',
  '留守',
  '借读',
  '女',
  '民族',
  '残疾',
  '转入',
  '转出',
  '流失',
  '辍学',
  '休学',
  '复学',
  '预计',
];
/** Each keyword set of `spec` with the student-subset words excluded too. */
const notSubset = (spec: string) =>
  spec
    .split('|')
    .map((set) => [set, ...STUDENT_SUBSETS].join('-'))
    .join('|');

/** "残疾+入学-率|残疾+在校" → [{all: [残疾, 入学], none: [率]}, {all: [残疾, 在校], none: []}]: keyword sets written compactly. */
export function keywordSets(spec: string): CountyInput['keywords'] {
  return spec
    .split('|')
    .filter(Boolean)
    .map((set) => {
      const [all, ...none] = set.split('-');
      return { all: all!.split('+'), none };
    });
}

/** Keys in the schema's order, as every object of a built-in profile: it is its own parse (test/profiles.test.ts). */
const input = (
  id: string,
  unit: CountyInput['unit'],
  names: string[],
  note: string,
  keywords = '',
  official?: string,
): CountyInput => ({
  id,
  names,
  unit,
  note,
  ...(official ? { official } : {}),
  keywords: keywordSets(keywords),
});

export const COUNTY_INPUTS_2017: CountyInput[] = [
  input(
    'planningReasonable',
    'yesno',
    ['规划布局合理', '学校规划布局合理', '县域内义务教育学校规划布局合理'],
    '县域内义务教育学校规划布局合理，符合国家规定要求（是/否）',
    '规划+布局',
    '县域内义务教育学校规划布局合理，符合国家规定要求',
  ),
  input(
    'fourUnified',
    'yesno',
    ['四统一', '城乡学校四统一'],
    '城乡学校建设标准、教师编制标准、生均公用经费基准定额、基本装备配置标准统一（是/否）',
    '四统一|建设标准+编制标准',
    '城乡学校建设标准、教师编制标准、生均公用经费基准定额、基本装备配置标准统一',
  ),
  input(
    'smallSchoolFunding',
    'yesno',
    ['小规模学校按100人核定公用经费', '不足100名学生的村小学和教学点按100名学生核定公用经费'],
    '不足100名学生的村小学和教学点按100名学生核定公用经费（是/否）',
    '100名+公用经费|100人+公用经费|小规模+公用经费|100名+核定',
  ),
  input(
    'specialEdFunding',
    'yuan',
    ['特殊教育学校生均公用经费', '特教生均公用经费'],
    '特殊教育学校生均公用经费（元）',
    '特殊教育+经费|特教+经费',
    '特殊教育学校生均公用经费',
  ),
  input(
    'teacherSalary',
    'yuan',
    ['教师平均工资收入', '教师年平均工资收入'],
    '教师年平均工资收入（元）',
    '教师+工资-公务员-绩效|教师+收入-公务员-绩效',
  ),
  input(
    'civilServantSalary',
    'yuan',
    ['公务员平均工资收入', '当地公务员平均工资收入', '公务员年平均工资收入'],
    '当地公务员年平均工资收入（元）',
    '公务员+工资-教师|公务员+收入-教师',
  ),
  input(
    'teacherSalaryOk',
    'yesno',
    ['教师平均工资收入不低于公务员', '教师工资不低于公务员'],
    '教师平均工资收入水平不低于当地公务员（是/否；填了上两项可不填）',
    '教师+公务员',
    '教师平均工资收入水平不低于当地公务员平均工资收入水平',
  ),
  input(
    'performancePay',
    'yesno',
    ['足额核定教师绩效工资总量', '绩效工资足额核定'],
    '按规定足额核定教师绩效工资总量（是/否）',
    '绩效工资',
    '按规定足额核定教师绩效工资总量',
  ),
  input(
    'trainingRate',
    'percent',
    ['教师5年360学时培训完成率', '360学时培训完成率', '培训完成率'],
    '教师5年360学时培训完成率（%）',
    '360+率|培训+完成率|学时+率|360+比例|培训+完成|360学时',
    '教师5年360学时培训完成率',
  ),
  input(
    'trainedTeachers',
    'count',
    ['完成360学时培训教师数'],
    '完成5年360学时培训的教师数（人）',
    '360+完成-率-应-比例|培训+完成-率-应-比例-经费',
  ),
  input(
    'teachersToTrain',
    'count',
    ['应参加360学时培训教师数', '应培训教师数'],
    '应完成5年360学时培训的教师数（人）',
    '360+应-率-比例|应+培训-率-比例-经费',
  ),
  input(
    'staffingAllocation',
    'yesno',
    ['编制岗位统筹分配', '统筹分配各校教职工编制和岗位'],
    '在核定的编制总额和岗位总量内统筹分配各校教职工编制和岗位（是/否）',
    '编制+岗位|编制+统筹',
    '县级教育行政部门在核定的编制总额和岗位总量内统筹分配各校教职工编制和岗位数量',
  ),
  input(
    'rotationRate',
    'percent',
    ['交流轮岗比例', '交流轮岗教师比例'],
    '交流轮岗教师占符合交流条件教师总数的比例（%）',
    '交流+比例-骨干|交流+率-骨干|轮岗+比例-骨干|轮岗+率-骨干',
    '每年交流轮岗教师的比例不低于符合交流条件教师总数的10%',
  ),
  input(
    'rotatedTeachers',
    'count',
    ['交流轮岗教师数'],
    '本年交流轮岗教师数（人）',
    '交流-比例-率-骨干-符合-条件-应-占|轮岗-比例-率-骨干-符合-条件-应-占',
  ),
  input(
    'eligibleTeachers',
    'count',
    ['符合交流条件教师数', '符合交流条件教师总数'],
    '符合交流条件的教师总数（人）',
    '符合+交流-比例-率-占-骨干|交流+条件-比例-率-占-骨干|应交流-比例-率-占-骨干',
  ),
  input(
    'rotationBackboneShare',
    'percent',
    ['交流轮岗骨干教师比例', '骨干教师占交流轮岗教师比例'],
    '骨干教师占交流轮岗教师的比例（%）',
    '骨干+交流+比例|骨干+交流+率|骨干+交流+占|骨干+轮岗+比例|骨干+轮岗+率|骨干+轮岗+占',
    '骨干教师不低于交流轮岗教师总数的20%',
  ),
  input(
    'rotatedBackbone',
    'count',
    ['交流轮岗骨干教师数'],
    '交流轮岗教师中的骨干教师数（人）',
    '骨干+交流-比例-率-占|骨干+轮岗-比例-率-占',
  ),
  input(
    'certifiedRate',
    'percent',
    ['教师资格证持证率', '专任教师持证上岗率', '持证上岗率'],
    '专任教师持有教师资格证上岗率（%）',
    '持证+率|资格证+率|持证+比例|资格证+比例|持证|资格证|教师资格',
    '专任教师持有教师资格证上岗率',
  ),
  input(
    'certifiedTeachers',
    'count',
    ['持证专任教师数', '持有教师资格证专任教师数'],
    '持有教师资格证的专任教师数（人）',
    '持证-率-比例|资格证-率-比例',
  ),
  input(
    'allTeachers',
    'count',
    ['专任教师总数'],
    '全县义务教育专任教师总数（人）',
    '专任教师+总-持证-资格-率-比例-体育-音乐-美术-交流',
  ),
  input(
    'urbanNearbyRate',
    'percent',
    ['城区就近入学比例', '城区就近划片入学比例'],
    '城区公办小学、初中（不含寄宿制）就近划片入学比例（%）',
    '城区+就近+比例|城区+就近+率|城区+划片+比例|城区+划片+率',
    '城区公办小学、初中（不含寄宿制学校）就近划片入学比例',
  ),
  input(
    'urbanNearbyStudents',
    'count',
    ['城区就近入学人数'],
    '城区就近划片入学人数（人）',
    '城区+就近-比例-率|城区+划片-比例-率',
  ),
  input(
    'urbanEnrolled',
    'count',
    ['城区招生人数'],
    '城区公办小学、初中（不含寄宿制）招生人数（人）',
    '城区+招生-就近-划片-比例-率|城区+新生-就近-划片-比例-率',
  ),
  input(
    'townNearbyRate',
    'percent',
    ['镇区就近入学比例', '镇区就近划片入学比例'],
    '镇区公办小学、初中（不含寄宿制）就近划片入学比例（%）',
    '镇区+就近+比例|镇区+就近+率|镇区+划片+比例|镇区+划片+率',
    '镇区公办小学、初中（不含寄宿制学校）就近划片入学比例',
  ),
  input(
    'townNearbyStudents',
    'count',
    ['镇区就近入学人数'],
    '镇区就近划片入学人数（人）',
    '镇区+就近-比例-率|镇区+划片-比例-率',
  ),
  input(
    'townEnrolled',
    'count',
    ['镇区招生人数'],
    '镇区公办小学、初中（不含寄宿制）招生人数（人）',
    '镇区+招生-就近-划片-比例-率|镇区+新生-就近-划片-比例-率',
  ),
  input(
    'quotaRate',
    'percent',
    ['优质高中招生名额分配比例', '名额分配比例'],
    '优质高中招生名额分配到校的比例（%）',
    '名额+分配+比例|名额+分配+率|指标到校+比例|名额+比例-倾斜|指标到校|名额+分配-倾斜',
    '优质高中招生名额分配比例',
  ),
  input(
    'quotaPlaces',
    'count',
    ['名额分配到校招生数', '分配到校名额'],
    '分配到初中学校的优质高中招生名额（人）',
    '名额+分配-比例-率-倾斜-计划-总|名额+初中-比例-率-倾斜-计划-总|指标到校-比例-率',
  ),
  input(
    'seniorPlan',
    'count',
    ['优质高中招生计划数'],
    '全县优质高中招生计划总数（人）',
    '招生+计划-比例-率|名额+总-分配-比例-率',
  ),
  input(
    'quotaRural',
    'yesno',
    ['名额分配向农村初中倾斜'],
    '名额分配向农村初中倾斜（是/否）',
    '倾斜',
    '名额分配向农村初中倾斜',
  ),
  input(
    'leftBehindCare',
    'yesno',
    ['留守儿童关爱体系健全'],
    '县域内留守儿童关爱体系健全（是/否）',
    '留守',
    '县域内留守儿童关爱体系健全',
  ),
  input(
    'migrantRate',
    'percent',
    ['随迁子女公办及购买服务学校就读比例', '随迁子女在公办学校和政府购买服务的民办学校就读比例'],
    '符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的比例（%）',
    '随迁+比例|随迁+率|随迁',
    '符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的比例',
  ),
  input(
    'migrantInPublic',
    'count',
    ['公办学校就读随迁子女数'],
    '在公办学校就读的随迁子女数（人）',
    '随迁+公办-比例-率-购买-民办-总',
  ),
  input(
    'migrantInPurchased',
    'count',
    ['政府购买服务民办学校就读随迁子女数'],
    '在政府购买服务的民办学校就读的随迁子女数（人）',
    '随迁+购买-比例-率-总|随迁+民办-比例-率-总',
  ),
  input(
    'migrantEligible',
    'count',
    ['符合条件随迁子女总数'],
    '符合条件的随迁子女总数（人）',
    '随迁+总-比例-率-公办-购买|随迁+符合条件-比例-率-公办-购买',
  ),
  input(
    'consolidationRate',
    'percent',
    ['初中三年巩固率', '巩固率'],
    '全县初中三年巩固率（%）',
    '巩固率|巩固+比例|巩固',
    '全县初中三年巩固率',
  ),
  input('juniorGraduates', 'count', ['初中毕业生数'], '本年初中毕业生数（人）', '毕业-率-比例'),
  input(
    'juniorEnrolled3y',
    'count',
    ['三年前初中在校生数', '三年前初一在校生数'],
    '三年前该届初中在校生数（人）',
    '三年前|3年前|初一+在校|入学时+在校',
  ),
  input('transferIn', 'count', ['转入', '转入学生数'], '三年间转入学生数（人）', '转入'),
  input('transferOut', 'count', ['转出', '转出学生数'], '三年间转出学生数（人）', '转出'),
  input('deaths', 'count', ['死亡', '死亡学生数'], '三年间死亡学生数（人）', '死亡'),
  input(
    'disabledRate',
    'percent',
    ['残疾儿童少年入学率'],
    '残疾儿童少年入学率（%）',
    '残疾+率|残疾+比例|残疾',
    '全县残疾儿童少年入学率',
  ),
  input(
    'disabledEnrolled',
    'count',
    ['残疾儿童少年入学人数'],
    '入学的残疾儿童少年数（人）',
    '残疾+入学-率-比例|残疾+在校-率-比例|残疾+就读-率-比例|残疾+安置-率-比例',
  ),
  input(
    'disabledTotal',
    'count',
    ['残疾儿童少年总数', '适龄残疾儿童少年数'],
    '适龄残疾儿童少年总数（人）',
    '残疾-入学-率-比例-在校-就读-安置',
  ),
  input(
    'charters',
    'yesno',
    ['学校章程与管理信息化', '所有学校制定章程'],
    '所有学校制定章程，实现学校管理与教学信息化（是/否）',
    '章程',
    '所有学校制定章程，实现学校管理与教学信息化',
  ),
  input(
    'trainingFundsRate',
    'percent',
    ['教师培训经费占公用经费比例', '教师培训经费占比'],
    '教师培训经费占年度公用经费预算总额的比例（%）',
    '培训经费+比例|培训经费+占|培训经费+率|培训经费',
    '教师培训经费占学校年度公用经费预算总额的比例',
  ),
  input('trainingFunds', 'yuan', ['教师培训经费'], '教师培训经费（元）', '培训经费-比例-占-率-不低于-5%'),
  input(
    'publicFundsBudget',
    'yuan',
    ['年度公用经费预算总额', '公用经费预算总额'],
    '年度公用经费预算总额（元）',
    '公用经费+预算-培训-比例-生均-特殊-100|公用经费+总额-培训-比例-生均-特殊-100',
  ),
  input(
    'trainingFundsOk',
    'yesno',
    ['所有学校培训经费不低于5%'],
    '所有学校均按不低于公用经费预算的5%安排教师培训经费（是/否；填了比例可不填）',
    '培训经费+不低于|培训经费+5%',
    '所有学校按照不低于学校年度公用经费预算总额的5%安排教师培训经费',
  ),
  input(
    'ictTeaching',
    'yesno',
    ['信息化手段教学', '教师熟练运用信息化手段组织教学'],
    '教师能熟练运用信息化手段组织教学，设施设备利用率较高（是/否）',
    '信息化+教学-章程|信息化手段|设施设备利用率',
    '教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平',
  ),
  input(
    'moralEducation',
    'yesno',
    ['德育和校园文化', '德育工作和校园文化建设良好以上'],
    '所有学校德育工作、校园文化建设水平达到良好以上（是/否）',
    '德育|校园文化',
    '所有学校德育工作、校园文化建设水平达到良好以上',
  ),
  input(
    'curriculum',
    'yesno',
    ['课程开齐开足', '课程开齐开足教学秩序规范'],
    '课程开齐开足，教学秩序规范，综合实践活动有效开展（是/否）',
    '课程+开齐|开足|教学秩序|综合实践',
    '课程开齐开足，教学秩序规范，综合实践活动有效开展',
  ),
  input('noExcessBurden', 'yesno', ['无过重课业负担'], '无过重课业负担（是/否）', '课业负担|学业负担'),
  input(
    'monitoringLevel',
    'yesno',
    ['学业水平达到Ⅲ级以上', '质量监测学业水平达到Ⅲ级以上'],
    '国家义务教育质量监测相关科目学生学业水平达到Ⅲ级以上（是/否）',
    'iii级|三级|3级|质量监测+学业水平-差异',
    '国家义务教育质量监测相关科目学生学业水平达到Ⅲ级以上',
  ),
  input(
    'monitoringDiffRate',
    'number',
    ['校际差异率', '质量监测校际差异率'],
    '国家义务教育质量监测校际差异率（如 0.12）',
    '差异率',
    '国家义务教育质量监测校际差异率',
  ),
  input(
    'recognitionRate',
    'percent',
    ['社会认可度'],
    '社会认可度调查认可比例（%）',
    '认可度|满意度|认可率|满意率|认可|满意',
    '社会认可度',
  ),
  input(
    'recognitionYes',
    'count',
    ['认可人数'],
    '调查中表示认可的人数（人）',
    '认可+人数-调查|认可+数-率-度-调查-总|满意+人数-率-度',
  ),
  input(
    'recognitionSurveyed',
    'count',
    ['调查人数'],
    '参加社会认可度调查的人数（人）',
    '调查+人数-认可|调查+总|问卷+总|参与+调查',
  ),
];

/** The figures a condition reads, the ready figure first. */
export function conditionInputs(c: Condition): string[] {
  switch (c.kind) {
    case 'yesno':
    case 'amount':
      return [c.input];
    case 'notBelow':
      return [c.input, c.reference, c.orYesNo];
    case 'ratio':
      return [
        c.ready,
        ...c.numerator.map((t) => t.input),
        ...c.denominator.map((t) => t.input),
        ...(c.orYesNo ? [c.orYesNo] : []),
      ];
  }
}

/**
 * What an item reads: every figure (`all`, in order, once each), the figures a single number for the
 * whole item stands for (`ready`: the ratios and amounts), and those a 是/否 for the whole item answers.
 */
export function itemInputs(item: ChecklistItem): { all: string[]; ready: string[]; yesno: string[] } {
  const ready: string[] = [];
  const yesno: string[] = [];
  for (const c of item.conditions) {
    if (c.kind === 'yesno') yesno.push(c.input);
    if (c.kind === 'amount') ready.push(c.input);
    if (c.kind === 'notBelow') yesno.push(c.orYesNo);
    if (c.kind === 'ratio') {
      ready.push(c.ready);
      if (c.orYesNo) yesno.push(c.orYesNo);
    }
  }
  return { all: [...new Set(item.conditions.flatMap(conditionInputs))], ready, yesno };
}

const plus = (...inputs: string[]) => inputs.map((i) => ({ input: i, sign: 1 as const }));
const minus = (...inputs: string[]) => inputs.map((i) => ({ input: i, sign: -1 as const }));
const yesno = (id: string, label: string, inputId: string): Condition => ({ kind: 'yesno', id, label, input: inputId });
type Terms = z.infer<typeof Term>[];
const ratio = (
  id: string,
  label: string,
  ready: string,
  numerator: Terms,
  denominator: Terms,
  rule: { min?: number; below?: number; share?: boolean; orYesNo?: string },
): Condition => ({
  kind: 'ratio',
  id,
  label,
  ready,
  numerator,
  denominator,
  ...(rule.min !== undefined ? { min: rule.min } : {}),
  ...(rule.below !== undefined ? { below: rule.below } : {}),
  share: rule.share ?? true,
  ...(rule.orYesNo ? { orYesNo: rule.orYesNo } : {}),
});

type Item = ChecklistItem;
const g = (
  number: number,
  id: string,
  name: string,
  conditions: Condition[],
  school?: Item['school'],
  keywords?: Item['keywords'],
): Item => ({
  id,
  dimension: 'guarantee',
  number,
  name,
  aliases: [],
  ...(keywords ? { keywords } : {}),
  ...(school ? { school } : {}),
  conditions,
});
const q = (number: number, id: string, name: string, conditions: Condition[]): Item => ({
  id,
  dimension: 'quality',
  number,
  name,
  aliases: [],
  conditions,
});

export const CHECKLIST_2017: ChecklistItem[] = [
  g(1, 'planning', '县域内义务教育学校规划布局合理，符合国家规定要求', [
    yesno('planning', '规划布局合理', 'planningReasonable'),
  ]),
  g(2, 'four_unified', '城乡学校建设标准、教师编制标准、生均公用经费基准定额、基本装备配置标准“四统一”', [
    yesno('four_unified', '四统一', 'fourUnified'),
  ]),
  g(
    3,
    'art_rooms',
    '所有小学、初中每12个班级配备音乐、美术专用教室1间以上；每间音乐专用教室面积不小于96平方米，每间美术专用教室面积不小于90平方米',
    [],
    'rooms',
    keywordSets('专用教室|功能室+音乐|功能室+美术'),
  ),
  g(
    4,
    'school_size',
    '小学、初中规模不超过2000人，九年一贯制学校、十二年一贯制学校义务教育阶段规模不超过2500人',
    [],
    'size',
    keywordSets('学校规模|办学规模|校额|规模+2000|规模+2500'),
  ),
  g(5, 'class_size', '小学、初中所有班级学生数分别不超过45人、50人', [], 'classSize', keywordSets('班额')),
  g(6, 'small_school_funding', '不足100名学生的村小学和教学点按100名学生核定公用经费', [
    yesno('small_school_funding', '按100名学生核定公用经费', 'smallSchoolFunding'),
  ]),
  g(7, 'special_funding', '特殊教育学校生均公用经费不低于6000元', [
    { kind: 'amount', id: 'special_funding', label: '特殊教育学校生均公用经费', input: 'specialEdFunding', min: 6000 },
  ]),
  g(8, 'teacher_pay', '教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量', [
    {
      kind: 'notBelow',
      id: 'teacher_pay',
      label: '教师平均工资收入不低于公务员',
      input: 'teacherSalary',
      reference: 'civilServantSalary',
      orYesNo: 'teacherSalaryOk',
    },
    yesno('performance_pay', '足额核定绩效工资总量', 'performancePay'),
  ]),
  g(9, 'training', '教师5年360学时培训完成率达到100%', [
    ratio('training', '360学时培训完成率', 'trainingRate', plus('trainedTeachers'), plus('teachersToTrain'), {
      min: 1,
    }),
  ]),
  g(10, 'staffing', '县级教育行政部门在核定的编制总额和岗位总量内，统筹分配各校教职工编制和岗位数量', [
    yesno('staffing', '统筹分配编制和岗位', 'staffingAllocation'),
  ]),
  g(
    11,
    'rotation',
    '全县每年交流轮岗教师的比例不低于符合交流条件教师总数的10%；其中，骨干教师不低于交流轮岗教师总数的20%',
    [
      ratio('rotation', '交流轮岗比例', 'rotationRate', plus('rotatedTeachers'), plus('eligibleTeachers'), {
        min: 0.1,
      }),
      ratio(
        'rotation_backbone',
        '骨干教师占交流轮岗教师比例',
        'rotationBackboneShare',
        plus('rotatedBackbone'),
        plus('rotatedTeachers'),
        { min: 0.2 },
      ),
    ],
  ),
  g(12, 'certification', '专任教师持有教师资格证上岗率达到100%', [
    ratio('certification', '持证上岗率', 'certifiedRate', plus('certifiedTeachers'), plus('allTeachers'), { min: 1 }),
  ]),
  g(13, 'nearby_enrolment', '城区和镇区公办小学、初中（均不含寄宿制学校）就近划片入学比例分别达到100%、95%', [
    ratio('nearby_urban', '城区就近入学比例', 'urbanNearbyRate', plus('urbanNearbyStudents'), plus('urbanEnrolled'), {
      min: 1,
    }),
    ratio('nearby_town', '镇区就近入学比例', 'townNearbyRate', plus('townNearbyStudents'), plus('townEnrolled'), {
      min: 0.95,
    }),
  ]),
  g(14, 'quota', '全县优质高中招生名额分配比例不低于50%，并向农村初中倾斜', [
    ratio('quota', '名额分配比例', 'quotaRate', plus('quotaPlaces'), plus('seniorPlan'), { min: 0.5 }),
    yesno('quota_rural', '向农村初中倾斜', 'quotaRural'),
  ]),
  g(
    15,
    'left_behind',
    '县域内留守儿童关爱体系健全，全县符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的比例不低于85%',
    [
      yesno('left_behind', '留守儿童关爱体系健全', 'leftBehindCare'),
      ratio(
        'migrants',
        '随迁子女在公办及购买服务学校就读比例',
        'migrantRate',
        plus('migrantInPublic', 'migrantInPurchased'),
        plus('migrantEligible'),
        { min: 0.85 },
      ),
    ],
  ),
  q(1, 'consolidation', '全县初中三年巩固率达到95%以上', [
    ratio(
      'consolidation',
      '初中三年巩固率',
      'consolidationRate',
      plus('juniorGraduates'),
      [...plus('juniorEnrolled3y', 'transferIn'), ...minus('transferOut', 'deaths')],
      { min: 0.95 },
    ),
  ]),
  q(2, 'disabled_enrolment', '全县残疾儿童少年入学率达到95%以上', [
    ratio('disabled', '残疾儿童少年入学率', 'disabledRate', plus('disabledEnrolled'), plus('disabledTotal'), {
      min: 0.95,
    }),
  ]),
  q(3, 'charters', '所有学校制定章程，实现学校管理与教学信息化', [
    yesno('charters', '制定章程、管理与教学信息化', 'charters'),
  ]),
  q(4, 'training_funds', '所有学校按照不低于学校年度公用经费预算总额的5%安排教师培训经费', [
    ratio(
      'training_funds',
      '教师培训经费占公用经费比例',
      'trainingFundsRate',
      plus('trainingFunds'),
      plus('publicFundsBudget'),
      { min: 0.05, orYesNo: 'trainingFundsOk' },
    ),
  ]),
  q(5, 'ict_teaching', '教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平', [
    yesno('ict', '信息化教学', 'ictTeaching'),
  ]),
  q(6, 'moral_education', '所有学校德育工作、校园文化建设水平达到良好以上', [
    yesno('moral', '德育与校园文化良好以上', 'moralEducation'),
  ]),
  q(7, 'curriculum', '课程开齐开足，教学秩序规范，综合实践活动有效开展', [
    yesno('curriculum', '课程开齐开足', 'curriculum'),
  ]),
  q(8, 'burden', '无过重课业负担', [yesno('burden', '无过重课业负担', 'noExcessBurden')]),
  q(9, 'monitoring', '在国家义务教育质量监测中，相关科目学生学业水平达到Ⅲ级以上，且校际差异率低于0.15', [
    yesno('monitoring_level', '学业水平达到Ⅲ级以上', 'monitoringLevel'),
    ratio('monitoring_diff', '校际差异率', 'monitoringDiffRate', [], [], { below: 0.15, share: false }),
  ]),
  {
    id: 'recognition',
    dimension: 'recognition',
    number: 1,
    name: '社会认可度达到85%以上',
    aliases: [],
    conditions: [
      ratio('recognition', '社会认可度', 'recognitionRate', plus('recognitionYes'), plus('recognitionSurveyed'), {
        min: 0.85,
      }),
    ],
  },
];

/**
 * How county workbooks are worded, as data: the column headings of the 县级指标 sheet in the
 * template's, the batch and the published 自评表 layouts, the words for 是 and 否, what a row name
 * may begin with that says nothing (全县, 所有 …), and keywords that find a school column in any
 * wording. The reader holds no wording of its own.
 */
/** A list of words or headings, as a county writes them. */
const words = z.array(z.string());

export const WordingSchema = z.strictObject({
  countySheet: z.strictObject({
    /** Sheet names that mark the county sheet. */
    sheetNames: words,
    /** The column naming the figure or item: 指标, 评估内容 … */
    nameHeaders: words,
    /** The column holding the figure: 数值, 实际情况 … */
    valueHeaders: words,
    /** The county's own verdict on the item: 是否达标, 自评结论 … */
    claimHeaders: words,
    /** Columns that never supply a figure: 评估标准, 佐证材料, 说明 … */
    ignoredHeaders: words,
    /** The numbering column (序号), whose （1） / ① marks a sub-row. */
    numberHeaders: words,
    /**
     * Columns of the item's official words (评估标准, 评估要求), beside a short name (教师培训, 名额分配): they say
     * which item a row is when its name alone does not. Never a figure (as ignoredHeaders are).
     */
    standardHeaders: words,
    /** A heading's words for "the county's own" (县级自评结论, 县级自评数据): the heading is read without them. */
    ownPrefixes: words,
    /** What a county's name may end with and its column heading leave out (平安 for 平安县): 县, 区, 市, 旗 …. */
    countySuffixes: words,
  }),
  /** 是 / 否 as a whole cell. */
  yes: words,
  no: words,
  /**
   * 有 / 无 as a whole cell: for a figure whose name begins with a `none` word (无过重课业负担), a bare 无 restates
   * it (是) and a bare 有 denies it (否); for any other figure they are 是 / 否 as listed in yes / no.
   */
  existenceWords: z.strictObject({ has: words, none: words }),
  /** Inside a phrase ("已建立健全…", "部分学校未制定章程"): a negative marker wins over a positive one. */
  yesMarkers: words,
  noMarkers: words,
  /** Phrases holding a marker that are no answer (不低于, 不超过; 平均, 年均: a 均 that is no 均达到): removed before the markers are looked for. */
  notNegative: words,
  /** Words a row name may begin with that do not change what it names. */
  namePrefixes: words,
  /** Words that make a figure's name a rate (率, 比例): between a rate and a count, they decide. */
  rateWords: words,
  /** A row beginning with one of these (after numbering) belongs to the item above it. */
  subRowPrefixes: words,
  /**
   * Other wordings of each school column's header, by column id (input.md): read as that column
   * (the label the template writes, 学校名称 …, is always read). A profile's list replaces the built-in one.
   */
  schoolHeaders: z.partialRecord(z.enum(INPUT_FIELDS), words),
  /** Keyword sets per school column id, tried when no header wording matches. */
  schoolColumns: z.partialRecord(z.enum(INPUT_FIELDS), z.array(KeywordSetSchema)),
  /**
   * Words of a per-student figure's header (生均教学及辅助用房面积, 每百名学生拥有网络多媒体教室数): such a
   * column is never read as a column by its keywords (balance-check computes those figures from the
   * totals); it is said which total it is of (PER_STUDENT_COLUMN).
   */
  perStudentWords: words,
  /** Rows of the school table that are not schools, by their first text (normalised). */
  schoolRows: z.strictObject({
    /** A first text holding one of these is a total row (合计, 小计). */
    totalMarks: words,
    /** … or that is one of these (全县, 全区: the whole county's row, often first below the header). */
    totalTexts: words,
    /** … or that begins with one of these (其中：小学, 其中：民办: a breakdown of the total). */
    totalPrefixes: words,
    /** A first text beginning with one of these is a note row (填表人, 说明, 注：). */
    notePrefixes: words,
    /** … or that is one of these. */
    noteTexts: words,
    /**
     * A row holding only a 学段 heading between the parts of one table (二、初中 · 小学部分 · 初中学校):
     * numbered, or a school type with one of these words after it.
     */
    sectionSuffixes: words,
    /**
     * The labels of what the county signs with, above the table or in its note rows (填报单位：××县教育局,
     * 填表人：王芳　审核人：李强　填表日期：2025年3月): the report's cover shows what follows each.
     */
    signatures: z.strictObject({ unit: words, filler: words, reviewer: words, date: words }),
  }),
  /** What a 学校类型 / 办学性质 / 城乡分类 cell may say, and which value it means (the official names are always read). */
  schoolValues: z.strictObject({
    type: z.record(z.string(), z.enum(SCHOOL_TYPES)),
    ownership: z.record(z.string(), z.enum(OWNERSHIPS)),
    urbanRural: z.record(z.string(), z.enum(URBAN_RURALS)),
  }),
});
export type Wording = z.infer<typeof WordingSchema>;

export const WORDING_2017: Wording = {
  countySheet: {
    sheetNames: ['县级指标', '自评表', '县级数据', '评估指标', '政府保障', '督导评估', '教育质量', '社会认可'],
    nameHeaders: [
      '指标',
      '指标名称',
      '项目',
      '项目名称',
      '名称',
      '评估内容',
      '评估指标',
      '指标内容',
      '评估项目',
      '内容',
      '监测指标',
      '评估要点',
    ],
    valueHeaders: [
      '数值',
      '值',
      '填报值',
      '数据',
      '填报数',
      '实际情况',
      '自评情况',
      '完成情况',
      '实际值',
      '现状',
      '实际数据',
      '自评数据',
      '达成情况',
      '县级数据',
    ],
    claimHeaders: ['是否达标', '自评结论', '达标情况', '结论', '是否达到', '自评结果', '评估结论', '达标与否'],
    ignoredHeaders: [
      '说明',
      '备注',
      '单位',
      '序号',
      '编号',
      '标准',
      '计算方法',
      '评估标准',
      '评估要求',
      '复核意见',
      '市级复核意见',
      '省级复核意见',
      '市级复核',
      '省级复核',
      '核查意见',
      '审核意见',
      '督导组意见',
      '评估组意见',
      '佐证材料',
      '佐证',
      '佐证资料',
      '支撑材料',
      '评分',
      '分值',
      '得分',
      '计量单位',
    ],
    numberHeaders: ['序号', '编号'],
    standardHeaders: ['标准', '评估标准', '评估要求', '指标要求', '达标要求', '评估标准与要求', '标准要求'],
    ownPrefixes: ['县级', '县(市、区)', '县（市、区）', '本县', '区县', '县区', '县'],
    countySuffixes: ['自治县', '自治旗', '县', '区', '市', '旗'],
  },
  yes: [
    '是',
    '有',
    '达到',
    '已达到',
    '符合',
    '健全',
    '已',
    '√',
    '✓',
    '✔',
    'y',
    'yes',
    'true',
    '1',
    '达标',
    '已达标',
    '合格',
    '良好',
    '优秀',
    '全部达到',
  ],
  no: [
    '否',
    '无',
    '未达到',
    '不符合',
    '不健全',
    '未',
    '×',
    '✗',
    '✘',
    'n',
    'no',
    'false',
    '0',
    '未达标',
    '不达标',
    '不合格',
    '没有',
  ],
  existenceWords: { has: ['有'], none: ['无', '没有'] },
  yesMarkers: ['是', '已', '达到', '符合', '健全', '达标', '合格', '良好', '优秀', '开齐开足', '全部', '均'],
  noMarkers: [
    '未',
    '不',
    '没有',
    '否',
    '尚',
    '欠缺',
    '无法',
    '差距',
    '基本达到',
    '基本达标',
    '基本符合',
    '基本完成',
    '基本实现',
    '基本合格',
    '基本健全',
  ],
  notNegative: [
    '不低于',
    '不少于',
    '不超过',
    '不小于',
    '不高于',
    '不大于',
    '不含',
    '平均',
    '年均',
    '人均',
    '生均',
    '均衡',
  ],
  namePrefixes: [
    '全县义务教育学校',
    '县域内义务教育学校',
    '义务教育学校',
    '全县',
    '县域内',
    '县域',
    '全区',
    '区域内',
    '本县',
    '我县',
    '所有',
    '各',
  ],
  rateWords: ['率', '比例', '占比', '百分比', '%'],
  subRowPrefixes: ['其中'],
  schoolHeaders: {
    code: ['学校代码', '标识码'],
    name: ['学校', '校名', '单位名称', '学校（单位）名称', '学校单位名称'],
    county: ['县区', '所属区县', '县(市、区)'],
    group: ['教育集团', '集团', '共同体'],
    type: ['办学类型', '学校类别'],
    ownership: ['举办者', '公办/民办'],
    urbanRural: ['城乡', '所在地'],
    studentsPrimary: ['小学生数', '小学学生数'],
    studentsJunior: ['初中生数', '初中学生数'],
    studentsSenior: ['高中生数', '高中学生数'],
    students: ['学生数', '在校学生数'],
    qualifiedTeachers: ['高于规定学历专任教师数'],
    backboneTeachers: ['县级以上骨干教师数', '骨干教师数'],
    // The levels alone are the parts of a 骨干教师 parent over 国家级 | 省级 | 市级 | 县级 (a two-row header).
    backboneCounty: ['区县级骨干教师数', '县区级骨干教师数', '区级骨干教师数', '县级', '区县级', '区级'],
    backboneCity: ['地市级骨干教师数', '市州级骨干教师数', '市级', '地市级'],
    backboneProvincial: ['省级'],
    backboneNational: ['国家级'],
    peArtsTeachers: ['音体美专任教师数'],
    sportsSpace: ['运动场馆面积', '体育场馆面积'],
    equipmentValue: ['教学仪器设备值', '仪器设备值'],
    multimediaRooms: ['多媒体教室数'],
    teachers: ['专任教师总数'],
    classes: ['教学班数'],
    classesPrimary: ['小学班数'],
    classesJunior: ['初中班数'],
    oversizeClasses: ['大班额班级数'],
    musicRooms: ['音乐教室数'],
    artRooms: ['美术教室数'],
  },
  schoolColumns: {
    // Never a part of the students (毕业生, 招生, 寄宿生, 随迁子女 … stand beside 在校生 in the statistics' tables).
    studentsPrimary: keywordSets(notSubset('小学+学生-教师-班-部-率|小学+生数-教师-班-率|小学+在校生-教师-班-率')),
    studentsJunior: keywordSets(notSubset('初中+学生-教师-班-部-率|初中+生数-教师-班-率|初中+在校生-教师-班-率')),
    studentsSenior: keywordSets(notSubset('高中+学生-教师-班-部-率|高中+生数-教师-班-率|高中+在校生-教师-班-率')),
    students: keywordSets(
      notSubset(
        '在校+学生-小学-初中-高中-教师-班-率|在校生-小学-初中-高中-教师-班-率|学生总数-教师|学生人数-小学-初中-高中-教师-班',
      ),
    ),
    urbanRural: keywordSets('城乡-代码|所在地+类|区域+类别|区域+类型|地域+类'),
    name: keywordSets('学校+名称-类型-类别-代码-所属|学校+全称-所属|单位+全称|学校+名字-所属'),
    parent: keywordSets('所属+中心'),
    ownership: keywordSets('办学性质|学校+性质|公办+民办|举办'),
    type: keywordSets('学校+类型-区域-城乡-所在-所处|学校+类别-区域-城乡-所在-所处|办学+类型-区域-城乡'),
    county: keywordSets('县+区-学校-学区-教师-骨干|县+市-学校-学区-教师-骨干'),
    group: keywordSets('学区-人数|集团-人数|共同体'),
    // Resource columns in other words ("专任教师中高于规定学历人数", "县级以上骨干教师", "体育艺术教师数", "网络多媒体教室(间)").
    qualifiedTeachers: keywordSets('高于+学历-率-比例|高学历-率-比例'),
    // 县级及以上 as one column, or its levels in theirs (added up: SUMMED): 省级骨干教师 is no 县级及以上骨干教师数.
    backboneTeachers: keywordSets(
      '骨干+教师-率-比例-交流-国家级-省级-市级-地市|骨干-率-比例-交流-轮岗-国家级-省级-市级-地市',
    ),
    backboneCounty: keywordSets(
      '县级+骨干+教师-以上-率-比例-交流|县级+骨干-以上-率-比例-交流|区级+骨干-以上-率-比例-交流',
    ),
    backboneCity: keywordSets('市级+骨干-率-比例-交流|地市+骨干-率-比例-交流'),
    backboneProvincial: keywordSets('省级+骨干-率-比例-交流'),
    backboneNational: keywordSets('国家级+骨干-率-比例-交流'),
    peArtsTeachers: keywordSets(
      '体育+艺术+教师-率|音体美+教师-率|体艺+教师-率|艺体+教师-率|体音美+教师-率|体育+音乐+美术+教师-率|音体美+师资|体艺+师资|体育+艺术+师资',
    ),
    teachingSpace: keywordSets('教学+辅助+用房|教辅+用房'),
    sportsSpace: keywordSets('体育+场馆|运动+场馆|运动场+面积|体育+场地+面积|体育+用地+面积'),
    equipmentValue: keywordSets('仪器+设备|教学+设备+值-率'),
    multimediaRooms: keywordSets('多媒体+教室|班班通'),
  },
  perStudentWords: ['生均', '每百名', '每百', '百名学生', '人均', '师生比', '比例', '占比', '率'],
  schoolRows: {
    totalMarks: ['合计', '总计', '小计', '总数', '汇总'],
    totalTexts: ['全县', '全区', '全市', '全旗', '全县（市、区）', '全县(区)', '本县', '县域'],
    totalPrefixes: ['其中：', '其中:'],
    notePrefixes: [
      '填表',
      '填报',
      '制表',
      '审核',
      '负责人',
      '单位负责人',
      '说明',
      '注:',
      '注：',
      ...'0123456789'.split('').map((d) => `注${d}`),
      '备注',
      '数据来源',
      '联系电话',
      '日期',
    ],
    noteTexts: ['栏次'],
    sectionSuffixes: ['学校', '部分', '部', '学段', '类'],
    signatures: {
      unit: ['填报单位', '填表单位', '报送单位', '单位名称'],
      filler: ['填表人', '填报人', '制表人', '统计人'],
      reviewer: ['审核人', '复核人', '审核'],
      date: ['填表日期', '填报日期', '报送日期', '制表日期', '日期'],
    },
  },
  schoolValues: {
    type: {
      完全小学: '小学',
      小学校: '小学',
      完全小学校: '小学',
      完小: '小学',
      中心校: '小学',
      中心小学: '小学',
      村小: '小学',
      村小学: '小学',
      非完全小学: '小学',
      初级中学: '初中',
      初级中学校: '初中',
      独立初中: '初中',
      初中校: '初中',
      九年一贯制学校: '九年一贯制',
      九年一贯: '九年一贯制',
      九年制: '九年一贯制',
      九年制学校: '九年一贯制',
      十二年一贯制学校: '十二年一贯制',
      十二年一贯: '十二年一贯制',
      十二年制: '十二年一贯制',
      十二年制学校: '十二年一贯制',
      完中: '完全中学',
      小学教学点: '教学点',
      特教学校: '特殊教育学校',
      特殊教育: '特殊教育学校',
    },
    // 举办者 as the education statistics write it: every 举办者 but 民办 is 公办.
    ownership: {
      公立: '公办',
      私立: '民办',
      民营: '民办',
      教育部门: '公办',
      地方教育部门: '公办',
      教育部门办: '公办',
      其他部门: '公办',
      地方其他部门: '公办',
      地方企业: '公办',
      事业单位: '公办',
      部队: '公办',
      集体: '公办',
      公办学校: '公办',
      民办学校: '民办',
    },
    // 统计上划分城乡的规定: 城区 = 111 主城区 + 112 城乡结合区; 镇区 = 121 镇中心区 + 122 镇乡结合区 + 123 特殊区域; 乡村 = 210 乡中心区 + 220 村庄.
    urbanRural: {
      '111': '城区',
      '112': '城区',
      '121': '镇区',
      '122': '镇区',
      '123': '镇区',
      '210': '乡村',
      '220': '乡村',
      城市: '城区',
      县镇: '镇区',
      镇: '镇区',
      农村: '乡村',
      乡: '乡村',
      村: '乡村',
      主城区: '城区',
      城乡结合区: '城区',
      镇中心区: '镇区',
      镇乡结合区: '镇区',
      特殊区域: '镇区',
      乡中心区: '乡村',
      村庄: '乡村',
    },
  },
};
