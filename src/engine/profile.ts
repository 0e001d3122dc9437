/**
 * A profile is the rule set as data: indicator definitions and standards, CV
 * thresholds, the compliance rule, split weights and exclusions. The engine reads
 * every rule value from here; a province's deviation is an override, not a branch.
 */
import { z } from 'zod';
import {
  CHECKLIST_2017,
  ChecklistItemSchema,
  COUNTY_INPUTS_2017,
  CountyInputSchema,
  WORDING_2017,
  WordingSchema,
} from './checklist-rules';
import { RESOURCE_FIELDS, type ResourceField } from './types';

const perLevel = z.strictObject({ primary: z.number().positive(), junior: z.number().positive() });

const IndicatorSchema = z.strictObject({
  id: z.string().regex(/^[a-z_]+$/),
  name: z.string(),
  /** Short label for table headers. */
  short: z.string(),
  /**
   * What is added, named as a quantity, not per student: 体育运动场馆面积, 县级及以上骨干教师 (“新增体育运动场馆面积
   * 9,517.2㎡”, “新增县级及以上骨干教师4人”). When a profile gives none, the name without 生均 / 每百名学生拥有 … 数.
   */
  quantity: z.string().optional(),
  numerator: z.enum(RESOURCE_FIELDS),
  /** 100 for "每百名学生", 1 for "生均". */
  scale: z.union([z.literal(1), z.literal(100)]),
  unit: z.string(),
  /** Unit of the shortfall amount (人, 间, ㎡, 元). */
  shortfallUnit: z.string(),
  /** Whether the numerator counts whole things, so shortfalls round up. */
  countable: z.boolean(),
  /** How a multi-level school's whole-school amount is shared between sections. */
  split: z.enum(['students', 'weighted']),
  /** Per-school standard, or null for CV-only indicators (2012 method). */
  standard: perLevel.nullable(),
});

const weights = z.partialRecord(z.enum(['primary', 'junior', 'senior']), z.number().positive());

export const ProfileSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** What the verdict is called: 优质均衡 (2017), 基本均衡 (2012). */
  verdictName: z.string(),
  source: z.string(),
  indicators: z.array(IndicatorSchema).min(1),
  /**
   * 元 per unit of an indicator's addition (per ㎡ of 体育场馆, per 网络多媒体教室, per teacher-year),
   * by indicator id: the county's own assumptions, used to total the 整改测算 in 元. None built in.
   */
  unitCosts: z.record(z.string(), z.number().positive()).optional(),
  cv: z.strictObject({
    /** 'each': every indicator's CV ≤ threshold (2017); 'mean': the mean of the CVs, 综合差异系数, ≤ threshold (2012). */
    rule: z.enum(['each', 'mean']),
    threshold: perLevel,
    /** CVs are compared after rounding to this many decimals (published tables show 3). */
    decimals: z.number().int().min(0).max(10),
    /** A CV this close to its threshold is flagged as borderline. */
    borderlineMargin: z.number().nonnegative(),
  }),
  /** 6 of 7 met and the rest ≥ 85%; null when the method has no per-school standards. */
  compliance: z
    .strictObject({
      minIndicatorsMet: z.number().int().positive(),
      floorRatio: z.number().positive().max(1),
    })
    .nullable(),
  /** Weight of one student of each level when splitting facilities, per school type. */
  splitWeights: z.strictObject({
    九年一贯制: weights,
    十二年一贯制: weights,
    完全中学: weights,
  }),
  exclusions: z.strictObject({
    specialEducation: z.boolean(),
    /** 教学点: excluded below the minimum (the default), or merged into their 所属中心校. */
    teachingPoints: z.enum(['exclude-small', 'merge']),
    /** 教学点 with fewer students than this are left out; 0 keeps them all. */
    teachingPointMinStudents: z.number().int().nonnegative(),
  }),
  /** Guarantee items 3–5, judged from the school rows. */
  schoolItems: z.strictObject({
    rooms: z.strictObject({
      /** One music and one art room per this many classes … */
      classesPerRoom: z.number().int().positive(),
      /** … and at least this many for a school with classes. */
      minRooms: z.number().int().nonnegative(),
      musicMinArea: z.number().positive(),
      artMinArea: z.number().positive(),
      /** Whether rooms below the minimum area fail the item (a province may accept older, smaller rooms). */
      sizeRequired: z.boolean(),
    }),
    /** Most compulsory-education students a school of each type may have. */
    maxStudents: z.record(
      z.enum(['小学', '初中', '九年一贯制', '十二年一贯制', '完全中学', '教学点']),
      z.number().int().positive(),
    ),
    maxClassSize: perLevel,
  }),
  /** The figures a 县级指标 sheet may hold, and the county items judged from them. */
  countyInputs: z.array(CountyInputSchema),
  checklist: z.array(ChecklistItemSchema),
  /** How county workbooks word things: the county sheet's layouts, 是/否, prefixes, school column keywords. */
  wording: WordingSchema,
  plausibility: z.strictObject({
    /** Warn when a value is above factor × or below 1/factor of the level median. */
    outlierFactor: z.number().gt(1),
    /** Warn when equipment per student is below this share of the standard (万元 typed as 元). */
    equipmentWanRatio: z.number().positive(),
    /** Warn when equipment per student under a 万元 / 千元 header is above this multiple of the standard (元 typed under 万元). */
    equipmentYuanRatio: z.number().gt(1),
  }),
});

export type Profile = z.infer<typeof ProfileSchema>;
export type IndicatorDef = Profile['indicators'][number];

/**
 * Provincial rules that a profile's exclusions may be the same as, with their words: a report cites one
 * only where the profile applies exactly that rule (the built-in default is Hebei's, indicators.md §2.3).
 */
export const KNOWN_EXCLUSION_RULES: readonly { exclusions: Profile['exclusions']; source: string; words: string }[] = [
  {
    exclusions: { specialEducation: true, teachingPoints: 'exclude-small', teachingPointMinStudents: 50 },
    source: '河北省实施办法',
    words: '不含特殊教育学校、职业学校及不足50人的教学点',
  },
];

/**
 * 《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）, with Hebei's exclusion rule (KNOWN_EXCLUSION_RULES:
 * the reports say so beside the rule, not in the source, so that a profile with another rule does not cite Hebei).
 * Written as the parsed profile itself (every default given), so a start does not run zod over it
 * (≈ 40 ms of a county's 0.8 s): test/profiles.test.ts checks that ProfileSchema.parse gives it back
 * unchanged, key order included.
 */
export const YOUZHI_2017: Profile = {
  id: 'youzhi-2017',
  name: '县域义务教育优质均衡发展督导评估（2017）',
  verdictName: '优质均衡',
  source: '教督〔2017〕6号',
  indicators: [
    {
      id: 'qualified_teachers',
      name: '每百名学生拥有高于规定学历教师数',
      short: '高学历教师',
      quantity: '高于规定学历教师',
      numerator: 'qualifiedTeachers',
      scale: 100,
      unit: '人',
      shortfallUnit: '人',
      countable: true,
      split: 'students',
      standard: { primary: 4.2, junior: 5.3 },
    },
    {
      id: 'backbone_teachers',
      name: '每百名学生拥有县级及以上骨干教师数',
      short: '骨干教师',
      quantity: '县级及以上骨干教师',
      numerator: 'backboneTeachers',
      scale: 100,
      unit: '人',
      shortfallUnit: '人',
      countable: true,
      split: 'students',
      standard: { primary: 1.0, junior: 1.0 },
    },
    {
      id: 'pe_arts_teachers',
      name: '每百名学生拥有体育、艺术（美术、音乐）专任教师数',
      short: '体艺教师',
      quantity: '体育、艺术（美术、音乐）专任教师',
      numerator: 'peArtsTeachers',
      scale: 100,
      unit: '人',
      shortfallUnit: '人',
      countable: true,
      split: 'students',
      standard: { primary: 0.9, junior: 0.9 },
    },
    {
      id: 'teaching_space',
      name: '生均教学及辅助用房面积',
      short: '教学用房',
      quantity: '教学及辅助用房面积',
      numerator: 'teachingSpace',
      scale: 1,
      unit: '㎡',
      shortfallUnit: '㎡',
      countable: false,
      split: 'weighted',
      standard: { primary: 4.5, junior: 5.8 },
    },
    {
      id: 'sports_space',
      name: '生均体育运动场馆面积',
      short: '体育场馆',
      quantity: '体育运动场馆面积',
      numerator: 'sportsSpace',
      scale: 1,
      unit: '㎡',
      shortfallUnit: '㎡',
      countable: false,
      split: 'weighted',
      standard: { primary: 7.5, junior: 10.2 },
    },
    {
      id: 'equipment_value',
      name: '生均教学仪器设备值',
      short: '仪器设备',
      quantity: '教学仪器设备值',
      numerator: 'equipmentValue',
      scale: 1,
      unit: '元',
      shortfallUnit: '元',
      countable: false,
      split: 'weighted',
      standard: { primary: 2000, junior: 2500 },
    },
    {
      id: 'multimedia_rooms',
      name: '每百名学生拥有网络多媒体教室数',
      short: '多媒体教室',
      quantity: '网络多媒体教室',
      numerator: 'multimediaRooms',
      scale: 100,
      unit: '间',
      shortfallUnit: '间',
      countable: true,
      split: 'weighted',
      standard: { primary: 2.3, junior: 2.4 },
    },
  ],
  cv: { rule: 'each', threshold: { primary: 0.5, junior: 0.45 }, decimals: 3, borderlineMargin: 0.01 },
  compliance: { minIndicatorsMet: 6, floorRatio: 0.85 },
  splitWeights: {
    九年一贯制: { primary: 1, junior: 1.1 },
    十二年一贯制: { primary: 1, junior: 1.1, senior: 1.32 },
    完全中学: { junior: 1, senior: 1.2 },
  },
  exclusions: { specialEducation: true, teachingPoints: 'exclude-small', teachingPointMinStudents: 50 },
  schoolItems: {
    rooms: { classesPerRoom: 12, minRooms: 1, musicMinArea: 96, artMinArea: 90, sizeRequired: true },
    maxStudents: { 小学: 2000, 初中: 2000, 九年一贯制: 2500, 十二年一贯制: 2500, 完全中学: 2000, 教学点: 2000 },
    maxClassSize: { primary: 45, junior: 50 },
  },
  countyInputs: COUNTY_INPUTS_2017,
  checklist: CHECKLIST_2017,
  wording: WORDING_2017,
  plausibility: { outlierFactor: 5, equipmentWanRatio: 0.01, equipmentYuanRatio: 100 },
};

/** “体育运动场馆面积”: what an indicator's shortfall or plan adds, named as a quantity (the profile's words, or its name without 生均 / 每百名学生拥有 … 数). */
export const quantityName = (ind: IndicatorDef): string =>
  ind.quantity ?? ind.name.replace(/^(生均|每百名学生拥有|每百名学生)/, '').replace(/数$/, '');

/** The resource fields a profile's indicators read: the columns the input must have. */
export function requiredResourceFields(profile: Profile): ResourceField[] {
  let fields = REQUIRED.get(profile);
  if (!fields) REQUIRED.set(profile, (fields = [...new Set(profile.indicators.map((i) => i.numerator))]));
  return fields;
}
/** Per profile (immutable), made once: every school asks. */
const REQUIRED = new WeakMap<Profile, ResourceField[]>();
