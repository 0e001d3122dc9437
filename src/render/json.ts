/**
 * The JSON report: exactly the contract of output.md (keys, nesting, unrounded numbers),
 * plus the documented additions listed in the README (sd, total, borderline, shortfall totals…).
 */
import { jsonSafe } from '../common/controls';
import { jsonPieces } from './json-text';
import type { LevelActions } from '../engine/actions';
import type { SectionResult } from '../engine/compliance';
import type { IndicatorPlan } from '../engine/plan';
import type { CountyResult, IndicatorStats, SchoolResult } from '../engine/evaluate';
import { LEVELS } from '../engine/types';
import type { ChecklistResult } from '../engine/checklist';
import type { SchoolItems } from '../engine/school-items';
import type { Issue } from '../issues/catalogue';
import { dimensionReasons, levelReasons, provinceRow } from './prose';
import type { ReportJson, SchoolLineJson } from './json-contract';
import type { CountyReport, LevelReport, Report } from '../report/model';

/**
 * The JSON report. One county: today's shape (output.md), every school section inside. Several
 * counties (a batch): the province table and each county's levels, verdict and issue counts, with
 * the per-school rows in `<name>.schools.jsonl` (schoolLines) instead; `--county` gives one
 * county in the single shape.
 */
export function toJson(report: Report, schoolsFile?: string): ReportJson {
  const batch = isBatch(report);
  return {
    tool: report.tool,
    profile: { id: report.profile.id, name: report.profile.name },
    input: report.input,
    /** Indicators left out for missing columns: the verdict is then no formal result. */
    droppedIndicators: report.droppedIndicators,
    ...(batch
      ? {
          batch: {
            counties: report.counties.length,
            passing: report.counties.filter((c) => c.pass).length,
            schoolsFile: schoolsFile ?? null,
          },
          province: provinceJson(report),
        }
      : {}),
    counties: report.counties.map((c) => countyJson(report, c, batch)),
    issues: report.issues.map(issueJson),
  };
}

/** Whether the report is a batch of counties (its school rows go to JSON Lines). */
export const isBatch = (report: Report) => report.counties.length > 1;

export function renderJson(report: Report, schoolsFile?: string): string {
  return `${jsonSafe(JSON.stringify(toJson(report, schoolsFile), null, 2))}\n`;
}

/** The same text as renderJson, in pieces, for the report file: never one string of the whole report. */
export function* jsonReportPieces(report: Report, schoolsFile?: string): Generator<string> {
  for (const piece of jsonPieces(toJson(report, schoolsFile))) yield jsonSafe(piece);
  yield '\n';
}

/** One JSON object per school section of every county, in the batch's order: the lines of `<name>.schools.jsonl`. */
export function* schoolLines(report: Report): Generator<string> {
  for (const county of report.counties) {
    if (county.summary)
      throw new Error(
        `internal: the JSON Lines of ${county.label} need every section, and the county was kept as a batch summary`,
      );
    yield* linesOf(
      county.county,
      county.schools,
      county.levels.map((l) => l.sections),
    );
  }
}

/** A county's lines of `<name>.schools.jsonl`, from its whole result (written as the batch is computed, before it is kept as a summary). */
export function countyLines(result: CountyResult): Generator<string> {
  // In the order of the report's levels and their sections (countyReport).
  const levels = LEVELS.filter((l) => result.levels[l]).map((l) =>
    result.sections.filter((s) => s.section.level === l),
  );
  return linesOf(result.county, result.schools, levels);
}

function* linesOf(
  county: string | null,
  schools: readonly SchoolResult[],
  levels: readonly (readonly SectionResult[])[],
): Generator<string> {
  const whole = new Map(schools.map((x) => [x.school, x.compliant]));
  for (const sections of levels)
    for (const s of sections)
      yield `${jsonSafe(JSON.stringify({ county, ...sectionJson(s, whole.get(s.section.school)!) } satisfies SchoolLineJson))}\n`;
}

/** The province table: one row per county and level, as the Markdown and Excel show it (failing counties first). */
function provinceJson(report: Report) {
  const ids = report.profile.indicators.map((i) => i.id);
  const rows = [];
  for (const level of ['primary', 'junior'] as const)
    for (const c of report.province ?? report.counties) {
      const r = provinceRow(report, c, level);
      if (!r) continue;
      const { indicators } = r;
      const byId = <T>(pick: (x: (typeof indicators)[number]) => T) =>
        Object.fromEntries(indicators.map((x, k) => [ids[k]!, pick(x)]));
      rows.push({
        county: c.county,
        level,
        schoolCount: r.schools,
        students: r.students,
        cv: byId((x) => x.cv),
        mean: byId((x) => x.mean),
        compositeCv: r.composite,
        cvsPassed: r.cvsPassed,
        compliantSchools: r.compliant,
        pass: r.pass,
        reasons: r.pass
          ? null
          : levelReasons(
              report,
              c.levels.find((x) => x.level === level)!,
            ),
      });
    }
  return rows;
}

function countyJson(report: Report, county: CountyReport, batch: boolean) {
  return {
    county: county.county,
    pass: county.pass,
    schoolCount: county.schoolCount,
    compliantSchools: county.compliantSchools,
    levels: Object.fromEntries(county.levels.map((l) => [l.level, levelJson(l, report.detail)])),
    ...(batch
      ? { issueCounts: county.issueCounts }
      : {
          schools: county.levels.flatMap((l) => {
            const whole = new Map(county.schools.map((x) => [x.school, x.compliant]));
            return l.sections.map((s) => sectionJson(s, whole.get(s.section.school)!));
          }),
        }),
    excluded: county.excluded.map(({ school, reason }) => ({ name: school.name, type: school.type, reason })),
    checklist: county.checklist.map(checklistJson),
    claimDisagreements: county.claimDisagreements.map((r) => ({
      id: r.item.id,
      dimension: r.item.dimension,
      number: r.item.number,
      sheet: r.claim!.sheet,
      cell: r.claim!.cell,
      ...r.claim!.disagreement!,
    })),
    verdict: { ...county.verdict, reasons: dimensionReasons(report, county) },
    ...(batch ? {} : { schoolItems: county.schoolItems.map(schoolItemsJson) }),
    groups: county.groups,
    urbanRural: county.urbanRural,
  };
}

function checklistJson(r: ChecklistResult) {
  return {
    dimension: r.item.dimension,
    number: r.item.number,
    id: r.item.id,
    name: r.item.name,
    status: r.status,
    conditions: r.conditions.map((c) => ({
      id: c.condition.id,
      label: c.condition.label,
      status: c.status,
      value: c.value,
      source: c.source,
      // What the value was compared with: the other side (公务员 pay), or the profile's threshold.
      reference: c.reference ?? null,
      threshold:
        'min' in c.condition || 'below' in c.condition
          ? { min: c.condition.min ?? null, below: 'below' in c.condition ? (c.condition.below ?? null) : null }
          : null,
      figures: (c.figures ?? []).map((f) => ({ id: f.id, name: f.name, value: f.value, sheet: f.sheet, cell: f.cell })),
    })),
    schools: r.schools && {
      failing: r.schools.failing.map((s) => s.school.name),
      notProvided: r.schools.notProvided.map((s) => s.name),
      rooms: r.schools.rooms,
    },
    claim: r.claim && {
      met: r.claim.met,
      text: r.claim.text,
      sheet: r.claim.sheet,
      cell: r.claim.cell,
      agrees: r.claim.disagreement === null,
    },
  };
}

const schoolItemsJson = (s: SchoolItems) => ({
  name: s.school.name,
  classes: s.classes,
  rooms: s.rooms,
  size: s.size,
  classSize: s.classSize,
});

/** `withActions`: influence and plans, in a detailed report (a batch file leaves them to `--county`). */
function levelJson({ result, actions }: LevelReport, withActions: boolean) {
  return {
    schoolCount: result.schoolCount,
    students: result.students,
    compliantSchools: result.compliantSchools,
    indicators: Object.fromEntries(Object.values(result.indicators).map((s) => [s.id, indicatorJson(s)])),
    allCvPass: result.allCvPass,
    compositeCv: result.compositeCv,
    cvRulePass: result.cvRulePass,
    pass: result.pass,
    shortfallTotals: result.shortfallTotals,
    ...(actions && withActions ? actionsJson(actions) : {}),
  };
}

const sectionName = (s: SectionResult) => ({ name: s.section.school.name, level: s.section.level });

/** Influence per indicator (every section, largest share first), the least-cost plan, the transfer alternative. */
function actionsJson(a: LevelActions) {
  return {
    influence: Object.fromEntries(
      Object.entries(a.influence).map(([id, list]) => [
        id,
        list.map((x) => ({ ...sectionName(x.section), share: x.share, cvWithout: x.cvWithout, above: x.above })),
      ]),
    ),
    plan: Object.fromEntries(a.plan.indicators.map((p) => [p.indicator.id, planJson(p)])),
    composite: a.composite && {
      threshold: a.composite.threshold,
      status: a.composite.status,
      reason: a.composite.reason,
      compositeBefore: a.composite.compositeBefore,
      compositeAfter: a.composite.compositeAfter,
      cost: a.composite.cost,
      parts: a.composite.parts.map((p) => ({
        indicator: p.indicator.id,
        cvTarget: p.cvTarget,
        cvAfter: p.cvAfter,
        total: p.plan?.total ?? 0,
        cost: p.plan?.cost ?? 0,
      })),
    },
    transfers: a.transfers.map((t) => ({
      indicator: t.indicator.id,
      target: t.target,
      status: t.status,
      reason: t.reason,
      cvBefore: t.cvBefore,
      cvAfter: t.cvAfter,
      moved: t.moved,
      hired: t.hired,
      moves: t.moves.map((m) => ({
        from: m.from.section.school.name,
        to: m.to.section.school.name,
        teachers: m.teachers,
      })),
      hires: t.hires.map((h) => ({ name: h.section.section.school.name, teachers: h.teachers })),
    })),
  };
}

const planJson = (p: IndicatorPlan) => ({
  target: p.target,
  status: p.status,
  reason: p.reason,
  unit: p.indicator.shortfallUnit,
  cvBefore: p.cvBefore,
  cvAfter: p.cvAfter,
  waterLevel: p.waterLevel,
  total: p.total,
  forFloors: p.forFloors,
  budget: p.budget,
  cost: p.cost,
  additions: p.additions.map((x) => ({
    ...sectionName(x.section),
    add: x.add,
    before: x.before,
    after: x.after,
    floor: x.floor,
  })),
});

const indicatorJson = (s: IndicatorStats) => ({
  standard: s.standard,
  mean: s.mean,
  cv: s.cv,
  cvThreshold: s.cvThreshold,
  cvPass: s.cvPass,
  schoolsMeeting: s.schoolsMeeting,
  total: s.total,
  students: s.students,
  sd: s.sd,
  borderline: s.borderline,
});

function sectionJson(r: SectionResult, schoolCompliant: boolean) {
  const { school, level, students, split } = r.section;
  return {
    name: school.name,
    code: school.code ?? null,
    type: school.type,
    ownership: school.ownership,
    level,
    students,
    values: r.values,
    met: r.met,
    metCount: r.metCount,
    compliant: r.compliant,
    schoolCompliant,
    shortfall: r.shortfall,
    shortfallToCompliance: r.shortfallToCompliance,
    split: split && {
      facilityShare: split.facilityShare,
      teacherShare: split.teacherShare,
      weights: split.weights,
      givenFields: [...split.givenFields],
    },
    source: { sheet: school.source.sheet, row: school.source.row },
  };
}

export const issueJson = (i: Issue) => ({
  severity: i.severity,
  code: i.code,
  sheet: i.sheet ?? null,
  cell: i.cell ?? null,
  row: i.row ?? null,
  school: i.school ?? null,
  column: i.column ?? null,
  county: i.county ?? null,
  message: i.message,
});
