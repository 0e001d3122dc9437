/**
 * The engine's results that several engine modules share (a level's CVs, an item's judgement): in one
 * module of their own, so that the modules computing them do not import each other in a circle.
 */
import type { ChecklistItem, Condition } from './checklist-rules';
import type { PerIndicator } from './compliance';
import type { RoomTotals, SchoolItems, SchoolName, Status } from './school-items';
import type { Level, SchoolItemField } from './types';

export interface IndicatorStats {
  id: string;
  standard: number | null;
  /** County total of the numerator (split amounts for 一贯制 sections). */
  total: number;
  students: number;
  /** County value X̄ = total ÷ students (× 100 for per-100 indicators). */
  mean: number;
  sd: number;
  cv: number | null;
  cvThreshold: number;
  cvPass: boolean;
  /** Within the profile's margin of the threshold: a small data change could flip it. */
  borderline: boolean;
  schoolsMeeting: number;
}

export interface LevelResult {
  level: Level;
  schoolCount: number;
  students: number;
  compliantSchools: number;
  indicators: PerIndicator<IndicatorStats>;
  allCvPass: boolean;
  /** 综合差异系数: the mean of the indicators' CVs (null when one is undefined). */
  compositeCv: number | null;
  /** Whether the CVs pass under the profile's rule (every one, or their mean). */
  cvRulePass: boolean;
  pass: boolean;
  shortfallTotals: { toStandard: PerIndicator<number>; toCompliance: PerIndicator<number> };
}

/** The county's own verdict on an item (是否达标 / 自评结论 of a 自评表), with where it was written. */
export interface CountyClaim {
  met: boolean;
  sheet: string;
  cell: string;
  /** As written: 达标, 是, 未达到 … */
  text: string;
  /** The row name as the user wrote it. */
  name: string;
}

export interface ConditionResult {
  condition: Condition;
  status: Status;
  /** The figure judged: a ratio as a fraction, an amount, or 是/否. */
  value: number | boolean | null;
  /** Where the value came from: a ready figure, raw counts, or a 是/否 row. */
  source: 'ready' | 'counts' | 'yesno' | null;
  /** The figure compared against (公务员平均工资收入), for notBelow conditions. */
  reference?: number;
  /** Every county figure the judgement read (both sides, each numerator and denominator term), with its cell. */
  figures?: readonly UsedFigure[];
}

/** A county figure as a condition used it: its input id, value, and the row and cell it was read from. */
export interface UsedFigure {
  id: string;
  value: number | boolean;
  sheet: string;
  cell: string;
  /** The row name as the user wrote it. */
  name: string;
}

/**
 * A school as an item's lists hold it: its items' judgement and its name (a batch's summary keeps
 * only these, not the school's whole record: see summariseForBatch).
 */
export type ListedSchool = SchoolItems<SchoolName>;

/** Schools an item cannot judge for lack of the same columns: “缺少“班级数”的学校4所”. */
export interface MissingColumns {
  fields: readonly SchoolItemField[];
  schools: SchoolName[];
}

export interface ChecklistResult {
  item: ChecklistItem;
  status: Status;
  conditions: ConditionResult[];
  /** For items judged from school rows: the schools that fail or lack data, and (rooms) the totals. */
  schools: {
    failing: ListedSchool[];
    notProvided: SchoolName[];
    /** The schools not provided, by the columns their rows lack (missingFields), in school order. */
    missing: MissingColumns[];
    rooms: RoomTotals | null;
  } | null;
  /** What the county itself said of the item, and whether the computed status agrees. */
  claim: (CountyClaim & { disagreement: ClaimDisagreement | null }) | null;
}

/** What the county said against what was computed, in words: "自评达标", "未达标", "360学时培训完成率 93.50%（应 ≥ 100%）". */
export interface ClaimDisagreement {
  claim: string;
  computed: string;
  detail: string;
}
