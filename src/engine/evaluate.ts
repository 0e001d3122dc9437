/**
 * The engine entry point: a county's school records (and 县级指标 figures) and a profile in;
 * every number and judgement out — resources, school items, checklist, verdict, groups, 城乡.
 * Pure: no I/O, rule values only from the profile.
 */
import { append } from '../common/lookup';
import { levelActions, type LevelActions } from './actions';
import type { PlanOptions } from './plan';
import { blankHint, makeIssue, type Issue } from '../issues/catalogue';
import { evaluateChecklist, verdictOf, type CountyClaims, type CountyFigures, type Verdict } from './checklist';
import { evaluateGroups, evaluateUrbanRural, type GroupResult, type UrbanRuralResult } from './groups';
import { evaluateSchoolItems, type SchoolItems, type SchoolName } from './school-items';
import { mergeTeachingPoints } from './teaching-points';
import { evaluateSections, sectionCvs, SectionResult, standardOf, type PerIndicator } from './compliance';
import { plausibilityIssues } from './plausibility';
import { requiredResourceFields, type Profile } from './profile';
import { cellOf, sectionSchool, type Exclusion, type Section } from './sections';
import { roundTo } from './stats';
import { LEVELS, type Level, type ResourceField, type SchoolRecord } from './types';
import type { ChecklistResult, IndicatorStats, LevelResult, ListedSchool } from './results';

export type { IndicatorStats, LevelResult } from './results';

/** A whole school: compliant only if every one of its sections is (indicators.md §2.1). */
export interface SchoolResult {
  school: SchoolRecord;
  sections: SectionResult[];
  compliant: boolean;
}

export interface CountyResult {
  county: string | null;
  levels: Partial<Record<Level, LevelResult>>;
  /** Influence, the least-cost plan and the transfer alternative, per level. */
  actions: Partial<Record<Level, LevelActions>>;
  sections: SectionResult[];
  schools: SchoolResult[];
  /** Whole schools that entered the calculation, and how many of them are compliant. */
  schoolCount: number;
  compliantSchools: number;
  /** Guarantee items 3–5 for each school that entered the calculation. */
  schoolItems: SchoolItems[];
  checklist: ChecklistResult[];
  verdict: Verdict;
  /** Gaps inside 学区 / 集团 (empty without a 学区 column). */
  groups: GroupResult[];
  /** 城区 / 镇区 / 乡村 values (empty without a 城乡分类 column). */
  urbanRural: UrbanRuralResult[];
  excluded: Exclusion[];
  /** Plausibility warnings and exclusion notes found while computing. */
  issues: Issue[];
  /**
   * A county of a batch kept as the batch's reports show it (summariseForBatch): `sections` holds
   * only the sections that are not compliant (the ones reports name), `schools` and `schoolItems`
   * are empty. false: everything, as computed.
   */
  summary: boolean;
}

export function evaluateCounty(
  county: string | null,
  schools: readonly SchoolRecord[],
  profile: Profile,
  figures: CountyFigures | null = null,
  claims: CountyClaims = new Map(),
  /** null: no influence or plans (a batch whose reports show only the province table). */
  planOptions: PlanOptions | null = {},
): CountyResult {
  const points = mergeTeachingPoints(schools, profile);
  const excluded: Exclusion[] = [...points.merged];
  const split: Section[] = [];
  /** Each school that has sections, and how many (its sections are consecutive in `split`). */
  const sectioned: [SchoolRecord, number][] = [];
  for (const school of points.schools) {
    const result = sectionSchool(school, profile);
    if ('excluded' in result) excluded.push(result.excluded);
    else if (result.sections.length > 0) {
      append(split, result.sections);
      sectioned.push([school, result.sections.length]);
    }
  }
  const sections = evaluateSections(split, profile);
  const levels: Partial<Record<Level, LevelResult>> = {};
  for (const level of LEVELS) {
    const ofLevel = sections.filter((r) => r.section.level === level);
    if (ofLevel.length > 0) levels[level] = evaluateLevel(level, ofLevel, profile);
  }
  const fields = requiredResourceFields(profile);
  const missing: Issue[] = [];
  for (const r of sections) if (lacksAmount(r.section, fields)) append(missing, missingAmountIssues(r.section, fields));
  // Plans only for figures that are all there: a missing amount is an error, and no report is made.
  const actions: Partial<Record<Level, LevelActions>> = {};
  if (missing.length === 0 && planOptions !== null)
    for (const level of LEVELS)
      if (levels[level])
        actions[level] = levelActions(
          level,
          sections.filter((r) => r.section.level === level),
          profile,
          planOptions,
        );
  const exclusionNotes = excluded.map(({ school, reason }) =>
    makeIssue(
      'SCHOOL_EXCLUDED',
      { sheet: school.source.sheet, row: school.source.row, school: school.name, county },
      { reason },
    ),
  );
  // Each school's sections: the next ones in order (evaluateSections keeps it).
  let next = 0;
  const schoolResults = sectioned.map(([school, count]): SchoolResult => {
    const own = sections.slice(next, (next += count));
    return { school, sections: own, compliant: own.every((r) => r.compliant) };
  });
  const judged = schoolResults.map((s) => evaluateSchoolItems(s.school, profile));
  const schoolItems = judged.map((j) => j.items);
  const { checklist, issues: checklistIssues } = evaluateChecklist(profile, figures, schoolItems, claims, county);
  return {
    county,
    levels,
    actions,
    sections,
    schools: schoolResults,
    schoolCount: schoolResults.length,
    compliantSchools: schoolResults.filter((s) => s.compliant).length,
    schoolItems,
    checklist,
    verdict: verdictOf(levels, checklist, figures !== null),
    groups: evaluateGroups(sections, levels, profile),
    urbanRural: evaluateUrbanRural(sections, levels, profile),
    excluded,
    issues: [
      ...points.issues,
      ...missing,
      ...(missing.length ? [] : plausibilityIssues(sections, profile)),
      ...judgedIssues(judged),
      ...checklistIssues,
      ...exclusionNotes,
    ],
    summary: false,
  };
}

/**
 * A county of a batch as the batch's reports show it (the province table, the reasons, the
 * issues): the sections that are not compliant (their figures copied out of the county's array),
 * without the compliant ones, the whole-school list and the school items. A province's counties
 * are kept this way once computed, so the schools they no longer name are freed as the batch goes.
 */
export function summariseForBatch(result: CountyResult): CountyResult {
  return {
    ...result,
    sections: SectionResult.packed(result.sections.filter((r) => !r.compliant)),
    schools: [],
    schoolItems: [],
    checklist: namesOnly(result.checklist),
    summary: true,
  };
}

/**
 * The county items with their schools' names in place of their records: the lists name them, and a
 * record kept by a list would keep every field of a province's school after its county is done.
 */
function namesOnly(checklist: readonly ChecklistResult[]): ChecklistResult[] {
  // One name per school, however many items list it.
  const named = new Map<SchoolName, SchoolName>();
  const name = (s: SchoolName) => {
    let n = named.get(s);
    if (n === undefined) named.set(s, (n = { name: s.name, county: s.county }));
    return n;
  };
  const listed = (s: ListedSchool): ListedSchool => ({ ...s, school: name(s.school) });
  return checklist.map((r) =>
    r.schools
      ? {
          ...r,
          schools: {
            ...r.schools,
            failing: r.schools.failing.map(listed),
            notProvided: r.schools.notProvided.map(name),
            missing: r.schools.missing.map((m) => ({ fields: m.fields, schools: m.schools.map(name) })),
          },
        }
      : r,
  );
}

/** The school items' issues, in school order (most schools have none: no list made for them). */
function judgedIssues(judged: readonly { issues: readonly Issue[] }[]): Issue[] {
  const out: Issue[] = [];
  for (const j of judged) if (j.issues.length) append(out, j.issues);
  return out;
}

/** Whether a section lacks a numerator its indicators read (most have all: no list made for them). */
function lacksAmount(section: Section, fields: readonly ResourceField[]): boolean {
  for (let i = 0; i < fields.length; i++) if (section.amounts[fields[i]!] === undefined) return true;
  return false;
}

/** A section that enters the calculation needs every numerator its indicators read. */
function missingAmountIssues(section: Section, fields: readonly ResourceField[]): Issue[] {
  const { school } = section;
  return fields
    .filter((f) => section.amounts[f] === undefined)
    .map((f) => {
      const ref = cellOf(section, f);
      const pos = ref ? { cell: ref.cell, column: ref.column } : { row: school.source.row, column: f };
      return makeIssue(
        'MISSING_VALUE',
        { sheet: school.source.sheet, ...pos, school: school.name, county: school.county },
        { hint: blankHint('（如确无，请填 0）', ref?.written) },
      );
    });
}

export function evaluateLevel(level: Level, results: readonly SectionResult[], profile: Profile): LevelResult {
  const students = results.reduce((s, r) => s + r.section.students, 0);
  const indicators: PerIndicator<IndicatorStats> = {};
  const toStandard: PerIndicator<number> = {};
  const toCompliance: PerIndicator<number> = {};
  const n = profile.indicators.length;
  const cvs = sectionCvs(results, n);
  // One pass for the sums of every indicator (each in section order, as a reduce per indicator was).
  const totals = new Float64Array(n);
  const meeting = new Int32Array(n);
  const shorts = new Float64Array(n);
  const toCompliant = new Float64Array(n);
  const numerators = profile.indicators.map((i) => i.numerator);
  for (const r of results) {
    const { amounts } = r.section;
    for (let k = 0; k < n; k++) {
      totals[k] = totals[k]! + (amounts[numerators[k]!] ?? 0);
      if (r.metAt(k)) meeting[k] = meeting[k]! + 1;
      shorts[k] = shorts[k]! + r.shortfallAt(k);
      toCompliant[k] = toCompliant[k]! + r.toComplianceAt(k);
    }
  }
  profile.indicators.forEach((ind, k) => {
    const { id } = ind;
    const stats = cvs[k]!;
    const threshold = profile.cv.threshold[level];
    const cvPass = stats.cv !== null && roundTo(stats.cv, profile.cv.decimals) <= threshold;
    const total = totals[k]!;
    const schoolsMeeting = meeting[k]!;
    const short = shorts[k]!;
    const shortOfCompliance = toCompliant[k]!;
    indicators[id] = {
      id,
      standard: standardOf(ind, level),
      total,
      students,
      mean: stats.mean,
      sd: stats.sd,
      cv: stats.cv,
      cvThreshold: threshold,
      cvPass,
      borderline: stats.cv !== null && Math.abs(stats.cv - threshold) <= profile.cv.borderlineMargin,
      schoolsMeeting,
    };
    toStandard[id] = short;
    toCompliance[id] = shortOfCompliance;
  });
  const compliantSchools = results.filter((r) => r.compliant).length;
  const stats = Object.values(indicators);
  const allCvPass = stats.every((i) => i.cvPass);
  const compositeCv = stats.some((i) => i.cv === null) ? null : stats.reduce((s, i) => s + i.cv!, 0) / stats.length;
  const threshold = profile.cv.threshold[level];
  const cvRulePass =
    profile.cv.rule === 'each'
      ? allCvPass
      : compositeCv !== null && roundTo(compositeCv, profile.cv.decimals) <= threshold;
  return {
    level,
    schoolCount: results.length,
    students,
    compliantSchools,
    indicators,
    allCvPass,
    compositeCv,
    cvRulePass,
    pass: cvRulePass && compliantSchools === results.length,
    shortfallTotals: { toStandard, toCompliance },
  };
}
