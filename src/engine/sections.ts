/**
 * Schools → school sections (学段). A single-level school is one section; a
 * 一贯制 school or 完全中学 becomes one section per compulsory level, with
 * teachers shared by plain student counts and facilities by the profile's
 * per-student weights (1 : 1.1 : 1.32). Per-section input columns win over any split.
 */
import { recordMakerOf } from '../common/record-maker';
import { requiredResourceFields, type Profile } from './profile';
import { LEVELS, TYPE_LEVELS, type AnyLevel, type Level, type ResourceField, type SchoolRecord } from './types';

export interface SplitInfo {
  /** Share of whole-school teachers given to this section (plain students). */
  teacherShare: number;
  /** Share of whole-school facilities given to this section (weighted students). */
  facilityShare: number;
  /** Per-student weights used, e.g. {primary: 1, junior: 1.1}. */
  weights: Partial<Record<AnyLevel, number>>;
  /** Fields taken from per-section columns instead of being split. */
  givenFields: readonly ResourceField[];
}

export interface Section {
  school: SchoolRecord;
  level: Level;
  students: number;
  /**
   * The numerator of each indicator for this section, split where needed; read by field (a
   * one-level school's section holds the school's own resources, other fields included).
   */
  amounts: Partial<Record<ResourceField, number>>;
  split: SplitInfo | null;
}

/** Where a section's figure for a field came from: its 小学部 / 初中部 column, else the whole-school column. */
export const cellOf = (section: Section, field: ResourceField) =>
  section.school.source.cells[`${section.level}:${field}`] ?? section.school.source.cells[field];

export interface Exclusion {
  school: SchoolRecord;
  reason: string;
}

export type SectioningResult = { sections: Section[] } | { excluded: Exclusion };

/** Sections of the compulsory levels this school has, or why it is left out. */
export function sectionSchool(school: SchoolRecord, profile: Profile): SectioningResult {
  const excluded = exclusionReason(school, profile);
  if (excluded) return { excluded: { school, reason: excluded } };

  const levels = TYPE_LEVELS[school.type];
  const fields = requiredResourceFields(profile);

  if (levels.length === 1) {
    const level = levels[0] as Level;
    // The school's own amounts, not a copy: the section is the whole school (read by field, never written).
    return {
      sections: [{ school, level, students: school.students[level] ?? 0, amounts: school.resources, split: null }],
    };
  }
  const compulsory = LEVELS.filter((l) => levels.includes(l) && (school.students[l] ?? 0) > 0);

  const weights = profile.splitWeights[school.type as keyof Profile['splitWeights']];
  const weighted = weightedFields(profile);
  const make = recordMakerOf(fields);
  const usedWeights = pickedWeights(weights, levels);
  const sections = compulsory.map((level): Section => {
    const teacherShare = share(school, levels, level, null);
    const facilityShare = share(school, levels, level, weights);
    const given = school.sectionResources[level];
    // Without a 小学部 / 初中部 column (most schools) every field is split: one shared empty list.
    const givenFields = given === undefined ? NONE_GIVEN : fields.filter((f) => given[f] !== undefined);
    const values: (number | undefined)[] = [];
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      values.push(given?.[f] ?? splitAmount(school.resources[f], weighted.has(f) ? facilityShare : teacherShare));
    }
    const amounts = make(values);
    return {
      school,
      level,
      students: school.students[level] ?? 0,
      amounts,
      split: { teacherShare, facilityShare, weights: usedWeights, givenFields },
    };
  });
  return { sections };
}

function exclusionReason(school: SchoolRecord, profile: Profile): string | null {
  if (school.type === '特殊教育学校' && profile.exclusions.specialEducation)
    return '特殊教育学校不参与资源配置指标及差异系数计算';
  const total = LEVELS.reduce((s, l) => s + (school.students[l] ?? 0), 0);
  const min = profile.exclusions.teachingPointMinStudents;
  if (school.type === '教学点' && total < min) return `教学点在校生${total}人，不足${min}人`;
  if (total === 0) return '义务教育阶段在校生为0';
  return null;
}

/** Weighted student share of one level: w_l·P_l / Σ w_k·P_k over all the school's levels (w = 1 without weights); `level` is one of `levels`. */
function share(
  school: SchoolRecord,
  levels: readonly AnyLevel[],
  level: AnyLevel,
  weights: Partial<Record<AnyLevel, number>> | null,
): number {
  let total = 0;
  let own = 0;
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i]!;
    const w = (weights === null ? 1 : (weights[l] ?? 1)) * (school.students[l] ?? 0);
    total += w;
    if (l === level) own = w;
  }
  return total === 0 ? 0 : own / total;
}

/** The fields of a section that has no 小学部 / 初中部 column: none (shared, frozen). */
const NONE_GIVEN: readonly ResourceField[] = Object.freeze([]);

/** The weights of a school type's levels, made once per profile and type (shared by its schools' splits; frozen). */
const PICKED = new WeakMap<object, Map<readonly AnyLevel[], Partial<Record<AnyLevel, number>>>>();
function pickedWeights(
  weights: Partial<Record<AnyLevel, number>>,
  levels: readonly AnyLevel[],
): Partial<Record<AnyLevel, number>> {
  let byLevels = PICKED.get(weights);
  if (!byLevels) PICKED.set(weights, (byLevels = new Map<readonly AnyLevel[], Partial<Record<AnyLevel, number>>>()));
  let picked = byLevels.get(levels);
  if (!picked) byLevels.set(levels, (picked = Object.freeze(pick(weights, levels))));
  return picked;
}

/** The fields split by the 1 : 1.1 : 1.32 weights (the others by students), per profile, made once. */
const WEIGHTED = new WeakMap<Profile, Set<ResourceField>>();
function weightedFields(profile: Profile): Set<ResourceField> {
  let set = WEIGHTED.get(profile);
  if (!set) {
    set = new Set();
    // The first indicator reading a field decides, as a find() over the indicators did.
    const seen = new Set<ResourceField>();
    for (const i of profile.indicators) {
      if (seen.has(i.numerator)) continue;
      seen.add(i.numerator);
      if (i.split === 'weighted') set.add(i.numerator);
    }
    WEIGHTED.set(profile, set);
  }
  return set;
}

const splitAmount = (whole: number | undefined, portion: number) => (whole === undefined ? undefined : whole * portion);

const pick = <T>(obj: Partial<Record<AnyLevel, T>>, keys: readonly AnyLevel[]) =>
  Object.fromEntries(keys.filter((k) => obj[k] !== undefined).map((k) => [k, obj[k]])) as Partial<Record<AnyLevel, T>>;
