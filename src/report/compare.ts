/**
 * Year over year: several reports of the same county (or counties) side by side — each CV and
 * compliance count with the change, the schools whose compliance changed and why (which
 * indicator), schools added or gone. A model like the report model; renderers format it.
 */
import type { SectionResult } from '../engine/compliance';
import type { ChecklistResult } from '../engine/checklist';
import type { ChecklistItem } from '../engine/checklist-rules';
import type { Status } from '../engine/school-items';
import { LEVELS, type Level } from '../engine/types';
import { isMisread, type Issue } from '../issues/catalogue';
import { dataYear, sectionLabel, type CountyReport, type Report } from './model';

export interface ComparedLevel {
  level: Level;
  /** Per indicator id: the CV in each report (null where absent). */
  cvs: Record<string, (number | null)[]>;
  /** Per indicator id: last CV − first CV (null where either is absent). */
  cvChange: Record<string, number | null>;
  compliant: ({ compliant: number; schools: number } | null)[];
  pass: (boolean | null)[];
}

export interface SchoolChange {
  school: string;
  level: Level;
  /** From report index from → to. */
  from: number;
  to: number;
  kind: 'became_compliant' | 'became_non_compliant' | 'added' | 'gone';
  /** Why: indicators whose met / not met flipped, or that crossed the floor (85%) while unmet. */
  flipped: { id: string; nowMet: boolean; floor?: boolean }[];
}

export interface ComparedCounty {
  county: string;
  levels: ComparedLevel[];
  changes: SchoolChange[];
  /** The whole verdict in each report (null where the county is absent). */
  verdicts: (Status | null)[];
  /** Each county item (保障 / 质量 / 认可度) in each report: its result, figures and status. */
  items: { item: ChecklistItem; results: (ChecklistResult | null)[] }[];
}

export interface Comparison {
  labels: string[];
  reports: Report[];
  counties: ComparedCounty[];
  /** Per report: its data-issue counts and the warnings that mean part of it was not read as written. */
  dataIssues: { counts: Report['issueCounts']; misread: Issue[] }[];
}

/** "示例县…统计表（2024年）" → "2024年"; else a year in the file name; else the file name. */
export function reportLabel(report: Report): string {
  return dataYear(report.input) ?? report.input.file.replace(/\.[^.]+$/, '');
}

export function compareReports(reports: readonly Report[]): Comparison {
  const labels = reports.map(reportLabel);
  const unique = labels.map((l, i) => (labels.indexOf(l) === i ? l : `${l}（${reports[i]!.input.file}）`));
  const single = reports.every((r) => r.counties.length === 1);
  const names = single
    ? [reports[reports.length - 1]!.counties[0]!.label]
    : [...new Set(reports.flatMap((r) => r.counties.map((c) => c.label)))];
  const countyOf = (r: Report, name: string) => (single ? r.counties[0] : r.counties.find((c) => c.label === name));
  const counties = names.map((name): ComparedCounty => {
    const per = reports.map((r) => countyOf(r, name));
    const floorGap = 1 - (reports[0]!.profile.compliance?.floorRatio ?? 0);
    const items = reports[0]!.profile.checklist.map((item) => ({
      item,
      results: per.map((c) => c?.checklist.find((r) => r.item.id === item.id) ?? null),
    }));
    return {
      county: name,
      levels: compareLevels(reports[0]!, per),
      changes: schoolChanges(per, floorGap),
      verdicts: per.map((c) => c?.verdict.status ?? null),
      items,
    };
  });
  const dataIssues = reports.map((r) => ({ counts: r.issueCounts, misread: r.issues.filter(isMisread) }));
  return { labels: unique, reports: [...reports], counties, dataIssues };
}

function compareLevels(first: Report, per: readonly (CountyReport | undefined)[]): ComparedLevel[] {
  return LEVELS.filter((level) => per.some((c) => c?.levels.some((l) => l.level === level))).map((level) => {
    const at = per.map((c) => c?.levels.find((l) => l.level === level));
    const cvs = Object.fromEntries(
      first.profile.indicators.map((i) => [i.id, at.map((l) => l?.result.indicators[i.id]?.cv ?? null)]),
    );
    return {
      level,
      cvs,
      cvChange: Object.fromEntries(Object.entries(cvs).map(([id, xs]) => [id, lastMinusFirst(xs)])),
      compliant: at.map((l) => (l ? { compliant: l.result.compliantSchools, schools: l.result.schoolCount } : null)),
      pass: at.map((l) => l?.result.pass ?? null),
    };
  });
}

function lastMinusFirst(xs: readonly (number | null)[]): number | null {
  const [a, b] = [xs[0], xs[xs.length - 1]];
  return a === null || a === undefined || b === null || b === undefined ? null : b - a;
}

function schoolChanges(per: readonly (CountyReport | undefined)[], floorGap: number): SchoolChange[] {
  const changes: SchoolChange[] = [];
  const sections = (c: CountyReport | undefined) =>
    new Map((c?.levels.flatMap((l) => l.sections) ?? []).map((s) => [`${s.section.level}\u0000${sectionLabel(s)}`, s]));
  for (let to = 1; to < per.length; to++) {
    const [before, after] = [sections(per[to - 1]), sections(per[to])];
    const base = (s: SectionResult) => ({ school: sectionLabel(s), level: s.section.level, from: to - 1, to });
    for (const [key, now] of after) {
      const was = before.get(key);
      if (!was) changes.push({ ...base(now), kind: 'added', flipped: [] });
      else if (was.compliant !== now.compliant)
        changes.push({
          ...base(now),
          kind: now.compliant ? 'became_compliant' : 'became_non_compliant',
          flipped: Object.keys(now.met).flatMap((id) => {
            if (was.met[id] !== now.met[id]) return [{ id, nowMet: now.met[id]! }];
            const below = (s: SectionResult) => s.relativeGaps[id]! > floorGap;
            return !now.met[id] && below(was) !== below(now) ? [{ id, nowMet: !below(now), floor: true }] : [];
          }),
        });
    }
    for (const [key, was] of before) if (!after.has(key)) changes.push({ ...base(was), kind: 'gone', flipped: [] });
  }
  return changes;
}
