/**
 * The input columns of input.md: each field's Chinese header, its aliases, its
 * kind (which decides validation and the units its header may carry), and whether
 * a 小学部 / 初中部 variant may give it per section.
 */
import type { Level } from '../engine/types';

export type FieldKind = 'text' | 'count' | 'area' | 'money' | 'number';

export interface FieldDef {
  id: string;
  /** The canonical Chinese header (first) and its aliases. */
  headers: readonly string[];
  kind: FieldKind;
  /** May be given per section as 小学部… / 初中部…. */
  sectionable?: boolean;
}

const f = (id: string, kind: FieldKind, headers: string[], sectionable = false): FieldDef => ({
  id,
  kind,
  headers,
  sectionable,
});

export const FIELDS: readonly FieldDef[] = [
  f('code', 'text', ['学校标识码', '学校代码', '标识码']),
  f('name', 'text', ['学校名称', '学校', '校名', '单位名称']),
  f('county', 'text', ['区县', '县区', '所属区县', '县(市、区)']),
  f('group', 'text', ['学区', '教育集团', '集团', '共同体']),
  f('type', 'text', ['学校类型', '办学类型', '学校类别']),
  f('ownership', 'text', ['办学性质', '举办者', '公办/民办']),
  f('urbanRural', 'text', ['城乡分类', '城乡', '所在地']),
  f('parent', 'text', ['所属中心校']),
  f('studentsPrimary', 'count', ['小学在校生数', '小学生数', '小学学生数']),
  f('studentsJunior', 'count', ['初中在校生数', '初中生数', '初中学生数']),
  f('studentsSenior', 'count', ['高中在校生数', '高中生数', '高中学生数']),
  f('students', 'count', ['在校生数', '学生数', '在校学生数']),
  f('qualifiedTeachers', 'count', ['高于规定学历教师数', '高于规定学历专任教师数'], true),
  f('backboneTeachers', 'count', ['县级及以上骨干教师数', '县级以上骨干教师数', '骨干教师数'], true),
  f('peArtsTeachers', 'count', ['体育艺术专任教师数', '音体美专任教师数'], true),
  f('peTeachers', 'count', ['体育专任教师数'], true),
  f('musicTeachers', 'count', ['音乐专任教师数'], true),
  f('artTeachers', 'count', ['美术专任教师数'], true),
  f('teachers', 'count', ['专任教师数'], true),
  f('teachingSpace', 'area', ['教学及辅助用房面积'], true),
  f('sportsSpace', 'area', ['体育运动场馆面积', '运动场馆面积', '体育场馆面积'], true),
  f('equipmentValue', 'money', ['教学仪器设备资产值', '教学仪器设备值', '仪器设备值'], true),
  f('multimediaRooms', 'count', ['网络多媒体教室数', '多媒体教室数'], true),
  f('classes', 'count', ['班级数', '教学班数']),
  f('classesPrimary', 'count', ['小学班级数']),
  f('classesJunior', 'count', ['初中班级数']),
  f('oversizeClasses', 'count', ['超标班额班级数', '大班额班级数']),
  f('maxClassSize', 'count', ['最大班额']),
  f('musicRooms', 'count', ['音乐专用教室数', '音乐教室数']),
  f('musicRoomsUpToStandard', 'count', ['音乐专用教室面积达标间数']),
  f('artRooms', 'count', ['美术专用教室数', '美术教室数']),
  f('artRoomsUpToStandard', 'count', ['美术专用教室面积达标间数']),
  f('computers', 'count', ['计算机台数'], true),
  f('books', 'count', ['图书册数'], true),
  f('midTitleTeachers', 'count', ['中级及以上专业技术职务教师数'], true),
];

export const FIELD_BY_ID = new Map(FIELDS.map((d) => [d.id, d]));

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

export const fieldLabel = (id: string): string => FIELD_BY_ID.get(id)?.headers[0] ?? id;
