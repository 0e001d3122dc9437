/** The engine's input: one typed school row, as the schema stage produces it. */

export const LEVELS = ['primary', 'junior'] as const;
/** A compulsory-education level (学段). */
export type Level = (typeof LEVELS)[number];
/** Every level a school can have, including the high-school part that is split off. */
export type AnyLevel = Level | 'senior';

export const LEVEL_NAMES: Record<AnyLevel, string> = {
  primary: '小学',
  junior: '初中',
  senior: '高中',
};

export const SCHOOL_TYPES = [
  '小学',
  '初中',
  '九年一贯制',
  '十二年一贯制',
  '完全中学',
  '教学点',
  '特殊教育学校',
] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

/** Which levels a school type has, in order. */
export const TYPE_LEVELS: Record<SchoolType, readonly AnyLevel[]> = {
  小学: ['primary'],
  初中: ['junior'],
  九年一贯制: ['primary', 'junior'],
  十二年一贯制: ['primary', 'junior', 'senior'],
  完全中学: ['junior', 'senior'],
  教学点: ['primary'],
  特殊教育学校: ['primary', 'junior'],
};

/** Resource columns an indicator can take its numerator from. */
export const RESOURCE_FIELDS = [
  'qualifiedTeachers',
  'backboneTeachers',
  'peArtsTeachers',
  'teachers',
  'teachingSpace',
  'sportsSpace',
  'equipmentValue',
  'multimediaRooms',
  'computers',
  'books',
  'midTitleTeachers',
] as const;
export type ResourceField = (typeof RESOURCE_FIELDS)[number];

/** Per-school figures for the guarantee items checked from school rows (indicators.md §3, items 3–5). */
export const SCHOOL_ITEM_FIELDS = [
  'classes',
  'classesPrimary',
  'classesJunior',
  'oversizeClasses',
  'maxClassSize',
  'musicRooms',
  'musicRoomsUpToStandard',
  'artRooms',
  'artRoomsUpToStandard',
] as const;
export type SchoolItemField = (typeof SCHOOL_ITEM_FIELDS)[number];

/** Every column of the school table (input.md), by id: what the profile's header wordings are keyed by. */
export const INPUT_FIELDS = [
  'code',
  'name',
  'county',
  'group',
  'type',
  'ownership',
  'urbanRural',
  'parent',
  'studentsPrimary',
  'studentsJunior',
  'studentsSenior',
  'students',
  'qualifiedTeachers',
  'backboneTeachers',
  'backboneCounty',
  'backboneCity',
  'backboneProvincial',
  'backboneNational',
  'peArtsTeachers',
  'peTeachers',
  'musicTeachers',
  'artTeachers',
  'teachers',
  'teachingSpace',
  'teachingRooms',
  'auxiliaryRooms',
  'sportsSpace',
  'equipmentValue',
  'multimediaRooms',
  ...SCHOOL_ITEM_FIELDS,
  'computers',
  'books',
  'midTitleTeachers',
] as const;
export type InputField = (typeof INPUT_FIELDS)[number];

export const OWNERSHIPS = ['公办', '民办'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];
export const URBAN_RURALS = ['城区', '镇区', '乡村'] as const;
export type UrbanRural = (typeof URBAN_RURALS)[number];

/** Where a value came from, so that every finding can name its cell. */
export interface CellRef {
  /** A1 address. */
  cell: string;
  /** The header as the user wrote it. */
  column: string;
  /** Multiplier applied to the cell's number (10 000 for a （万元） column). */
  unitFactor: number;
  /** The placeholder the cell holds when it was read as blank (“—”, “/”): a missing value's message names it. */
  written?: string;
}

export interface SourceRef {
  sheet: string;
  row: number;
  /** Keyed by field id, or `primary:field` / `junior:field` for per-section columns. */
  cells: Partial<Record<string, CellRef>>;
}

export interface SchoolRecord {
  name: string;
  code?: string;
  county: string | null;
  group?: string;
  type: SchoolType;
  ownership: Ownership;
  urbanRural?: UrbanRural;
  parent?: string;
  students: Partial<Record<AnyLevel, number>>;
  /** Whole-school amounts. */
  resources: Partial<Record<ResourceField, number>>;
  /** Amounts given per section (小学部… / 初中部… columns), used as given. */
  sectionResources: Partial<Record<Level, Partial<Record<ResourceField, number>>>>;
  /** Classes, class sizes and music / art rooms, when the input has them. */
  items: Partial<Record<SchoolItemField, number>>;
  source: SourceRef;
}
