/** A county's adjustment plan (布局调整方案): alternatives of change rows, as the plan workbook gives them. */
import type { Level, SchoolRecord } from '../engine/types';

export const OPERATIONS = ['撤并', '合并', '划转学生', '调配', '新增', '新建学校', '调整学区', '调整类型'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** The plan sheet's columns, by the words of its header. */
export const PLAN_COLUMNS = ['方案', '操作', '学校', '目标学校', '学段', '项目', '数量', '说明'] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

/** The plan sheet's and the new-school sheet's names. */
export const PLAN_SHEET = '调整方案';
export const NEW_SCHOOL_SHEET = '新建学校';
/** An alternative's name when its 方案 cell is blank. */
export const DEFAULT_ALTERNATIVE = '方案一';

/** One change row of the plan, as written (names are resolved when it is applied). */
export interface Change {
  sheet: string;
  /** 1-based row in the plan sheet. */
  row: number;
  operation: Operation;
  school: string;
  target: string | null;
  level: Level | null;
  /** 项目 as written. */
  item: string | null;
  amount: number | null;
  note: string;
  /** Each column's cell (A1) in this row, so that an error names it. */
  cells: Partial<Record<PlanColumn, string>>;
}

export interface Alternative {
  name: string;
  changes: Change[];
}

export interface ScenarioPlan {
  /** The sheet the changes were read from. */
  sheet: string;
  alternatives: Alternative[];
  /** Schools given on the 新建学校 sheet, by name: what a 新建学校 row adds. */
  newSchools: SchoolRecord[];
}

/** Where an amount lives in a school record. */
export type FieldTarget =
  | { kind: 'students'; level: Level | 'senior' | null }
  | { kind: 'resource'; field: string; section: Level | null }
  | { kind: 'item'; field: string };

/** A field of the school table as a plan row names it: where it lives, its label, its unit factor. */
export interface PlanField {
  target: FieldTarget;
  label: string;
  /** Multiplier from the plan's unit to the record's (万元 → 10 000). */
  factor: number;
}
