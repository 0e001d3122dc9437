/**
 * One report model for every renderer (terminal, JSON, Markdown, Excel). Everything a
 * renderer shows is here; renderers only format. Derived facts (verdict reasons, the
 * largest gaps, issue counts) are computed once, here, not in each renderer.
 */
import type { LevelActions } from '../engine/actions';
import type { SectionResult } from '../engine/compliance';
import type { CountyResult, IndicatorStats, LevelResult } from '../engine/evaluate';
import type { IndicatorDef, Profile } from '../engine/profile';
import { LEVELS, type Level } from '../engine/types';
import type { Issue, Severity } from '../issues/catalogue';
import type { ColumnAccount } from '../schema/column-accounting';

export interface InputInfo {
  /** File name as given on the command line (base name in reports). */
  file: string;
  format: 'xlsx' | 'csv';
  encoding?: string;
  sheet: string | null;
  /** When the schools are read from several sheets (小学 | 初中): every one, `sheet` the first. */
  sheets?: string[];
  headerRow: number | null;
  title: string | null;
  /** The 县级指标 sheet the county figures were read from, if any. */
  countySheet: string | null;
  /** When they are read from several (政府保障程度 | 教育质量 | 社会认可度): every one, `countySheet` the first. */
  countySheets?: string[];
  schoolRows: number;
  /** `--year`: the data year as the user gives it (else read from the title row or the file name). */
  year?: string;
  /** `--county`: the county of a several-county file this report is of, as the file names it (its reports are named after it). */
  county?: string;
  /** What the county signed its tables with (填报单位, 填表人, 审核人, 日期), when it did: the cover shows it. */
  signatures?: { unit?: string; filler?: string; reviewer?: string; date?: string };
  /** Every column of the school table that holds something, and what became of it. */
  columns?: ColumnAccount[];
}

export interface Gap {
  level: Level;
  indicator: IndicatorDef;
  schoolsNotMeeting: number;
  toStandard: number;
  toCompliance: number;
}

export interface LevelReport {
  level: Level;
  result: LevelResult;
  /** Influence on each CV, the least-cost plan, the transfer alternative (null when amounts are missing). */
  actions: LevelActions | null;
  sections: SectionResult[];
  failingCvs: IndicatorStats[];
  cvsPassed: number;
  borderlineCvs: IndicatorStats[];
  nonCompliant: SectionResult[];
}

export interface CountyReport {
  county: string | null;
  /** The name reports print: the 区县 column, else the county named in the table title, else the file name. */
  label: string;
  levels: LevelReport[];
  excluded: CountyResult['excluded'];
  /** Whole schools (a 九年一贯制 school once): compliant iff all its sections are. */
  schools: CountyResult['schools'];
  schoolCount: number;
  compliantSchools: number;
  schoolItems: CountyResult['schoolItems'];
  checklist: CountyResult['checklist'];
  /** Items where the county's own 是否达标 differs from the computed status: what a checking office reads first. */
  claimDisagreements: CountyResult['checklist'];
  verdict: CountyResult['verdict'];
  groups: CountyResult['groups'];
  urbanRural: CountyResult['urbanRural'];
  /** Indicators by schools not meeting the standard, most first (only those with any). */
  gaps: Gap[];
  pass: boolean;
  /** This county's errors, warnings and notes (issues carry their county). */
  issueCounts: Record<Severity, number>;
  /** Kept as a batch's reports show it (CountyResult.summary): per level only the sections not compliant. */
  summary: boolean;
}

/** Whether a section is short of some standard (it then has a row in the shortfall tables). */
export const isShort = (s: SectionResult, profile: Profile) =>
  profile.indicators.some((i) => (s.shortfall[i.id] ?? 0) > 0);

/** Above this many counties, reports show the province table and leave per-county detail to `--county`. */
export const DETAIL_COUNTY_LIMIT = 5;

export interface Report {
  tool: { name: string; version: string };
  profile: Profile;
  input: InputInfo;
  counties: CountyReport[];
  /** Several counties: the province table, failing counties first. */
  province: CountyReport[] | null;
  /** Whether per-county detail is shown (a single county, or few enough). */
  detail: boolean;
  issues: Issue[];
  issueCounts: Record<Severity, number>;
  /** Indicators of the profile left out because their columns are missing (the 2012 method allows it): no formal verdict then. */
  droppedIndicators: string[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function buildReport(args: {
  tool: Report['tool'];
  /** Text above the county sheet's header (its title, 填报单位), where the county may name itself. */
  countySheetTitle?: readonly string[];
  profile: Profile;
  input: InputInfo;
  counties: readonly CountyResult[];
  issues: readonly Issue[];
  droppedIndicators?: readonly string[];
}): Report {
  const { profile } = args;
  const issues = [...args.issues].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const issueCounts = { error: 0, warning: 0, info: 0 };
  const countyCounts = new Map<string | null, Record<Severity, number>>();
  for (const i of issues) {
    issueCounts[i.severity]++;
    const key = i.county ?? null;
    let c = countyCounts.get(key);
    if (!c) countyCounts.set(key, (c = { error: 0, warning: 0, info: 0 }));
    c[i.severity]++;
  }
  // The name: the 区县 column, the school table's title, the county sheet's title or 填报单位 line, the file name.
  const named =
    countyInTitle(args.input.title) ??
    (args.countySheetTitle ?? [])
      .map((t) => countyInTitle(t.replace(/^(?:填报单位|单位|填报县（市、区）)[:：]\s*/, '')))
      .find((x) => x) ??
    null;
  const counties = args.counties.map((c) =>
    countyReport(
      c,
      profile,
      c.county ?? named ?? fileStem(args.input.file),
      countyCounts.get(c.county) ?? { error: 0, warning: 0, info: 0 },
    ),
  );
  const failingFirst = (c: CountyReport) => (c.verdict.dimensions.resources === 'not_met' ? 0 : 1);
  return {
    tool: args.tool,
    profile,
    input: args.input,
    counties,
    province: counties.length > 1 ? [...counties].sort((a, b) => failingFirst(a) - failingFirst(b)) : null,
    detail: counties.length <= DETAIL_COUNTY_LIMIT,
    issues,
    issueCounts,
    droppedIndicators: [...(args.droppedIndicators ?? [])],
  };
}

/** The data year: `--year`, else a year in the title row, else in the file name ("2024年"); null when none. */
/** Where the schools were read from: 学校数据.xlsx › 小学、初中（GBK）. */
/** A county's school sections (a 一贯制 school's levels counted apart): what a report's size goes by. */
export const sectionCount = (county: CountyReport): number => county.levels.reduce((n, l) => n + l.sections.length, 0);

export function sourceLabel(input: InputInfo): string {
  const sheets = input.sheets ?? (input.sheet ? [input.sheet] : []);
  return `${input.file}${sheets.length ? ` › ${sheets.join('、')}` : ''}${input.encoding ? `（${input.encoding}）` : ''}`;
}

export function dataYear(input: InputInfo): string | null {
  if (input.year) return /^\d{4}$/.test(input.year) ? `${input.year}年` : input.year;
  const m = /((?:19|20)\d{2})\s*年?/.exec(input.title ?? '') ?? /((?:19|20)\d{2})/.exec(input.file);
  return m ? `${m[1]}年` : null;
}

/** "示例县义务教育学校办学条件统计表（2024年）" → "示例县". */
export function countyInTitle(title: string | null): string | null {
  const m =
    title &&
    /^(.{1,12}?(?:自治县|自治旗|县级市|县|区|市|旗))(?=县域|义务教育|教育|中小学|学校|各校|办学|[0-9０-９]{4}|\s|（|\(|$)/.exec(
      title.trim(),
    );
  return m ? m[1]! : null;
}

const fileStem = (file: string) => file.replace(/\.(xlsx|xlsm|csv|txt|tsv)$/i, '');

function countyReport(
  county: CountyResult,
  profile: Profile,
  label: string,
  issueCounts: Record<Severity, number>,
): CountyReport {
  const levels = LEVELS.filter((l) => county.levels[l]).map((level): LevelReport => {
    const result = county.levels[level]!;
    const stats = profile.indicators.map((i) => result.indicators[i.id]!);
    const sections = county.sections.filter((s) => s.section.level === level);
    return {
      level,
      result,
      actions: county.actions[level] ?? null,
      sections,
      failingCvs: stats.filter((s) => !s.cvPass),
      cvsPassed: stats.filter((s) => s.cvPass).length,
      borderlineCvs: stats.filter((s) => s.borderline),
      nonCompliant: sections.filter((s) => !s.compliant),
    };
  });
  const gaps = levels
    .flatMap(({ level, result }) =>
      profile.indicators.map((indicator) => ({
        level,
        indicator,
        schoolsNotMeeting: result.schoolCount - result.indicators[indicator.id]!.schoolsMeeting,
        toStandard: result.shortfallTotals.toStandard[indicator.id]!,
        toCompliance: result.shortfallTotals.toCompliance[indicator.id]!,
      })),
    )
    .filter((g) => g.schoolsNotMeeting > 0)
    .sort((a, b) => b.schoolsNotMeeting - a.schoolsNotMeeting);
  return {
    county: county.county,
    label,
    levels,
    excluded: county.excluded,
    schools: county.schools,
    schoolItems: county.schoolItems,
    checklist: county.checklist,
    claimDisagreements: county.checklist.filter((c) => c.claim?.disagreement),
    verdict: county.verdict,
    groups: county.groups,
    urbanRural: county.urbanRural,
    schoolCount: county.schoolCount,
    compliantSchools: county.compliantSchools,
    gaps,
    pass: levels.length > 0 && levels.every((l) => l.result.pass),
    issueCounts,
    summary: county.summary,
  };
}

/** Sections in ascending order of an indicator's value, ties as listed (the charts' order): each value read once. */
export function byValue(sections: readonly SectionResult[], ind: IndicatorDef): SectionResult[] {
  return sections
    .map((s) => ({ s, v: s.values[ind.id]! }))
    .sort((a, b) => a.v - b.v)
    .map((x) => x.s);
}

/** The label a section is known by in tables: "城关九年制学校（小学部）" for split schools. */
export function sectionLabel(s: SectionResult): string {
  const suffix = s.section.split ? `（${s.section.level === 'primary' ? '小学部' : '初中部'}）` : '';
  return s.section.school.name + suffix;
}
