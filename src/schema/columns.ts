/**
 * The input columns of input.md: each field's Chinese header (the template's, named in messages),
 * its kind (which decides validation and the units its header may carry), and whether a 小学部 /
 * 初中部 variant may give it per section. The other wordings a header may have are profile data
 * (wording.schoolHeaders, wording.schoolColumns).
 */
import type { InputField, Level, ResourceField } from '../engine/types';

export type FieldKind = 'text' | 'count' | 'area' | 'money' | 'number';

export interface FieldDef {
  id: InputField;
  /** The canonical Chinese header: the template writes it, messages and reports name the column by it, and it is always read. */
  label: string;
  kind: FieldKind;
  /** May be given per section as 小学部… / 初中部…. */
  sectionable?: boolean;
  /** Above this (in the base unit) no school's figure can be: an error at the cell (MAX_BY_KIND). */
  max: number;
}

/**
 * Figures no school can have, by kind, in the base unit: more than 100 000 students, teachers,
 * rooms or classes, 10 km² of buildings or grounds, 1 000 亿元 of equipment. Far past any real
 * school (the largest have a few thousand students), so only a typo of extra digits, a wrong
 * unit or a hostile file reaches them, and no sum or ratio of accepted figures overflows.
 */
export const MAX_BY_KIND: Record<FieldKind, number> = {
  text: Infinity,
  count: 100_000,
  area: 10_000_000,
  money: 1e11,
  number: 1e9,
};
/** A school library may hold more than 100 000 books. */
const MAX_BY_FIELD: Partial<Record<InputField, number>> = { books: 100_000_000 };

const f = (id: InputField, kind: FieldKind, label: string, sectionable = false): FieldDef => ({
  id,
  kind,
  label,
  sectionable,
  max: MAX_BY_FIELD[id] ?? MAX_BY_KIND[kind],
});

/** What counts in each column: the note on each header of the input template. */
export const FIELD_NOTES: Record<string, string> = {
  code: '10位学校标识码，按文本填写（保留开头的0）',
  name: '学校全称；同一县内不得重复',
  county: '多个县（市、区）在同一文件时填写；只有一个县可留空',
  group: '学区或教育集团名称（可选）',
  type: '从下拉列表选择：小学、初中、九年一贯制、十二年一贯制、完全中学、教学点、特殊教育学校',
  ownership: '公办或民办；民办学校同样参与计算',
  urbanRural: '城区、镇区或乡村（可选）',
  parent: '教学点所属中心校（可选）',
  studentsPrimary: '小学在校生数；九年一贯制、十二年一贯制学校须分学段填写',
  studentsJunior: '初中在校生数；一贯制学校、完全中学须分学段填写',
  studentsSenior: '高中在校生数：完全中学、十二年一贯制学校必填，用于按权重拆分全校资源',
  teachers: '专任教师总数（用于合理性检查）',
  qualifiedTeachers:
    '高于规定学历的专任教师：小学专科及以上，初中本科及以上。一贯制学校填全校数，按学生数拆分；也可增加“小学部…”“初中部…”列分学段填写',
  backboneTeachers: '县级及以上骨干教师（含学科带头人、名师等）',
  backboneCounty: '县级骨干教师数（无“县级及以上”一列时，与市级、省级、国家级各列相加）',
  peTeachers: '体育专任教师数',
  musicTeachers: '音乐专任教师数',
  artTeachers: '美术专任教师数',
  teachingSpace: '教学及辅助用房面积（平方米），不含行政办公和生活用房',
  teachingRooms: '教学用房面积（平方米）：无“教学及辅助用房”一列时，与教学辅助用房面积相加',
  auxiliaryRooms: '教学辅助用房面积（平方米）：无“教学及辅助用房”一列时，与教学用房面积相加',
  sportsSpace: '体育运动场馆面积（平方米），含室外运动场地和室内场馆',
  equipmentValue: '教学仪器设备资产值，单位见表头（万元）',
  multimediaRooms: '网络多媒体教室间数',
  classes: '教学班总数（用于核算音乐、美术专用教室需要量）',
  oversizeClasses: '班额超过标准的班级数',
  maxClassSize: '最大班额（人）；已填“超标班额班级数”时可不填',
  musicRooms: '音乐专用教室间数',
  musicRoomsUpToStandard: '其中面积达到标准的音乐专用教室间数',
  artRooms: '美术专用教室间数',
  artRoomsUpToStandard: '其中面积达到标准的美术专用教室间数',
  computers: '计算机台数（基本均衡2012口径，可选）',
  books: '图书册数（基本均衡2012口径，可选）',
  midTitleTeachers: '中级及以上专业技术职务教师数（基本均衡2012口径，可选）',
};

export const FIELDS: readonly FieldDef[] = [
  f('code', 'text', '学校标识码'),
  f('name', 'text', '学校名称'),
  f('county', 'text', '区县'),
  f('group', 'text', '学区'),
  f('type', 'text', '学校类型'),
  f('ownership', 'text', '办学性质'),
  f('urbanRural', 'text', '城乡分类'),
  f('parent', 'text', '所属中心校'),
  f('studentsPrimary', 'count', '小学在校生数'),
  f('studentsJunior', 'count', '初中在校生数'),
  f('studentsSenior', 'count', '高中在校生数'),
  f('students', 'count', '在校生数'),
  f('qualifiedTeachers', 'count', '高于规定学历教师数', true),
  f('backboneTeachers', 'count', '县级及以上骨干教师数', true),
  f('backboneCounty', 'count', '县级骨干教师数', true),
  f('backboneCity', 'count', '市级骨干教师数', true),
  f('backboneProvincial', 'count', '省级骨干教师数', true),
  f('backboneNational', 'count', '国家级骨干教师数', true),
  f('peArtsTeachers', 'count', '体育艺术专任教师数', true),
  f('peTeachers', 'count', '体育专任教师数', true),
  f('musicTeachers', 'count', '音乐专任教师数', true),
  f('artTeachers', 'count', '美术专任教师数', true),
  f('teachers', 'count', '专任教师数', true),
  f('teachingSpace', 'area', '教学及辅助用房面积', true),
  f('teachingRooms', 'area', '教学用房面积', true),
  f('auxiliaryRooms', 'area', '教学辅助用房面积', true),
  f('sportsSpace', 'area', '体育运动场馆面积', true),
  f('equipmentValue', 'money', '教学仪器设备资产值', true),
  f('multimediaRooms', 'count', '网络多媒体教室数', true),
  f('classes', 'count', '班级数'),
  f('classesPrimary', 'count', '小学班级数'),
  f('classesJunior', 'count', '初中班级数'),
  f('oversizeClasses', 'count', '超标班额班级数'),
  f('maxClassSize', 'count', '最大班额'),
  f('musicRooms', 'count', '音乐专用教室数'),
  f('musicRoomsUpToStandard', 'count', '音乐专用教室面积达标间数'),
  f('artRooms', 'count', '美术专用教室数'),
  f('artRoomsUpToStandard', 'count', '美术专用教室面积达标间数'),
  f('computers', 'count', '计算机台数', true),
  f('books', 'count', '图书册数', true),
  f('midTitleTeachers', 'count', '中级及以上专业技术职务教师数', true),
];

export const FIELD_BY_ID: ReadonlyMap<string, FieldDef> = new Map(FIELDS.map((d) => [d.id, d]));

/** "其中面积达标间数" right after a room column means that room's up-to-standard count. */
export const UP_TO_STANDARD_HEADER = '其中面积达标间数';
export const UP_TO_STANDARD_OF: Record<string, string> = {
  musicRooms: 'musicRoomsUpToStandard',
  artRooms: 'artRoomsUpToStandard',
};

export const SECTION_PREFIXES: Record<string, Level> = { 小学部: 'primary', 初中部: 'junior' };

/**
 * The units a header may carry, by kind, with the factor that converts to the base
 * unit. Only money and area columns change scale: there an unknown unit is an error.
 * Brackets on other columns are remarks ("（含音乐、美术）") and are ignored.
 */
export const UNITS: Record<FieldKind, { base: string; units: Record<string, number>; strict: boolean }> = {
  text: { base: '', units: {}, strict: false },
  count: { base: '', units: { 人: 1, 个: 1, 间: 1, 台: 1, 册: 1, 班: 1, 所: 1, 名: 1 }, strict: false },
  number: { base: '', units: {}, strict: false },
  area: { base: '平方米', units: { m2: 1, 平方米: 1, 平米: 1, 万平方米: 10000 }, strict: true },
  money: { base: '元', units: { 元: 1, 千元: 1000, 万元: 10000 }, strict: true },
};

export const fieldLabel = (id: string): string => FIELD_BY_ID.get(id)?.label ?? id;

export const PE_ARTS_PARTS = ['peTeachers', 'musicTeachers', 'artTeachers'] as const;
export const BACKBONE_PARTS = ['backboneCounty', 'backboneCity', 'backboneProvincial', 'backboneNational'] as const;
export const SPACE_PARTS = ['teachingRooms', 'auxiliaryRooms'] as const;

/**
 * Fields a sheet may give as parts to be added up, when it has no column of the field itself:
 * 体育艺术 = 体育 + 音乐 + 美术 (all three needed); 县级及以上骨干 = the 县级, 市级, 省级 and 国家级 columns the
 * sheet has (县级 among them: without it the sum is not 县级及以上).
 */
export const SUMMED: Partial<
  Record<
    ResourceField,
    {
      parts: readonly string[];
      required: readonly string[];
      /** How a missing column's message names the parts. */ hint: string;
    }
  >
> = {
  peArtsTeachers: {
    parts: PE_ARTS_PARTS,
    required: PE_ARTS_PARTS,
    hint: '，或“体育专任教师数”“音乐专任教师数”“美术专任教师数”三列',
  },
  teachingSpace: {
    parts: SPACE_PARTS,
    required: SPACE_PARTS,
    hint: '，或“教学用房面积”“教学辅助用房面积”两列（相加）',
  },
  backboneTeachers: {
    parts: BACKBONE_PARTS,
    required: ['backboneCounty'],
    hint: '，或“县级骨干教师数”与市级、省级、国家级骨干教师数各列（相加）',
  },
};
