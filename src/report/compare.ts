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
  /** How the files were ordered, when not as given (by year), or when no year could be read: said in every output. */
  orderNote: string | null;
  reports: Report[];
  counties: ComparedCounty[];
  /** Per report: its data-issue counts and the warnings that mean part of it was not read as written. */
  dataIssues: { counts: Report['issueCounts']; misread: Issue[] }[];
}

/** "示例县…统计表（2024年）" → "2024年"; else a year in the file name; else the file name. */
export function reportLabel(report: Report): string {
  return dataYear(report.input) ?? report.input.file.replace(/\.[^.]+$/, '');
}

/** The year a report is of, as a number: `--year`, the title row, else the file name (dataYear). */
const yearOf = (r: Report): number | null => {
  const m = /(\d{4})/.exec(dataYear(r.input) ?? '');
  return m ? Number(m[1]) : null;
};

/**
 * Files given in any order, oldest first: by the year each is of. Refused (the reason, in Chinese) when two
 * are of the same year, or some year cannot be read while others can: either would make "→" a guess. When no
 * file says its year (调整前 / 调整后), the order given is the only one there is, and is kept, with a note.
 */
export function orderByYear(
  reports: readonly Report[],
): { reports: Report[]; note: string | null } | { refusal: string } {
  const years = reports.map(yearOf);
  const named = (i: number) => `${reports[i]!.input.file}`;
  if (years.every((y) => y === null))
    return {
      reports: [...reports],
      note: `各文件都未写明年度（表头标题或文件名中的“2024年”），按命令行中的顺序比较：${reports.map((_, i) => named(i)).join(' → ')}`,
    };
  const unknown = years.flatMap((y, i) => (y === null ? [named(i)] : []));
  if (unknown.length)
    return {
      refusal: `无法确定 ${unknown.join('、')} 的年度（表头标题和文件名中都没有“2024年”这样的年份），不能与其他年度排出先后；请在文件名或表头标题中写明年度`,
    };
  for (let i = 0; i < years.length; i++) {
    const j = years.indexOf(years[i]!);
    if (j !== i)
      return {
        refusal: `${named(j)} 和 ${named(i)} 都是 ${years[i]}年 的数据：比较需要不同年度的文件（同一年的两个版本请分别检查；年度取自表头标题，其次是文件名）`,
      };
  }
  const order = years.map((y, i) => ({ y: y!, i })).sort((a, b) => a.y - b.y);
  if (order.every((o, k) => o.i === k)) return { reports: [...reports], note: null };
  return {
    reports: order.map((o) => reports[o.i]!),
    note: `已按年度先后排列：${order.map((o) => `${o.y}年（${named(o.i)}）`).join(' → ')}（命令行中的顺序为 ${reports.map((_, i) => named(i)).join('、')}）`,
  };
}

export function compareReports(reports: readonly Report[], orderNote: string | null = null): Comparison {
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
  return { labels: unique, orderNote, reports: [...reports], counties, dataIssues };
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
