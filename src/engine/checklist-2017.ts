// Takes: the rule schema and the 2017 county figures.
// Gives: the 15 + 9 + 1 county items of the 2017 method (indicators.md §3–5) as conditions over those figures.
import type { z } from 'zod';
import { keywordSets, type ChecklistItem, type Condition, type Term } from './rule-schema';

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
