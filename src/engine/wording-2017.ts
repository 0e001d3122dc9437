// Takes: the rule schema's keyword sets and the engine's field and value names.
// Gives: how county workbooks are worded (WordingSchema, WORDING_2017): headings, 是/否 words, school column keywords.
import { z } from 'zod';
import { KeywordSetSchema, keywordSets } from './rule-schema';
import { INPUT_FIELDS, OWNERSHIPS, SCHOOL_TYPES, URBAN_RURALS } from './types';

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
  /**
   * A row under one term of a ratio whose name names no one figure is read as the other term (COUNTY_ROW_AS_OTHER_TERM)
   * only when it may be: for a count, never when its name holds one of `otherMeasures` (面积, 经费: another quantity);
   * yes when it ends with one of `countEndings` (总人数, 人次) or shares a word with the term.
   */
  termWords: z.strictObject({ otherMeasures: words, countEndings: words }),
  /** Words that join a sentence's figures and name none (占…的, 其中): a figure named by these alone is the item's next of its kind. */
  fillerWords: words,
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
    '不足100名',
    '不足100人',
    '不满100名',
    '不满100人',
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
  termWords: {
    otherMeasures: ['面积', '经费', '金额', '元', '率', '比例', '比', '占'],
    countEndings: ['数', '人', '名', '数量', '人次'],
  },
  fillerWords: ['占', '的', '为', '达到', '达', '约', '共计', '共', '其中', '分别', '是'],
  subRowPrefixes: ['其中'],
  schoolHeaders: {
    code: ['学校代码', '标识码'],
    name: ['学校', '校名', '单位名称', '学校（单位）名称', '学校单位名称'],
    county: ['县区', '所属区县', '县(市、区)'],
    group: ['教育集团', '集团', '共同体'],
    type: ['办学类型', '学校类别'],
    ownership: ['举办者', '公办/民办'],
    urbanRural: ['城乡', '所在地'],
    studentsPrimary: ['小学生数', '小学学生数', '小学部学生数', '小学部学生人数', '小学部在校生数', '小学部在校学生数'],
    studentsJunior: ['初中生数', '初中学生数', '初中部学生数', '初中部学生人数', '初中部在校生数', '初中部在校学生数'],
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
    // The two parts of 教学及辅助用房 (summed when the sheet has no column of the whole: SUMMED).
    teachingRooms: ['教学用房', '教学用房面积'],
    auxiliaryRooms: ['辅助用房', '辅助用房面积', '教学辅助用房', '教学辅助用房面积'],
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
