/**
 * Gaps inside 学区 / 集团 and between 城区, 镇区 and 乡村 (indicators.md §7): the reforms are
 * judged on them. Same student-weighted statistics as the county CVs, over subsets of sections.
 */
import { sectionCvs, type SectionResult } from './compliance';
import type { LevelResult } from './results';
import type { Profile } from './profile';
import { LEVELS, type Level, type UrbanRural } from './types';

export interface SubsetIndicator {
  /** Total ÷ students of the subset (× 100 for per-100 indicators). */
  value: number;
  cv: number | null;
  /** value ÷ county value. */
  ofCounty: number | null;
}

export interface GroupResult {
  group: string;
  level: Level;
  schoolCount: number;
  students: number;
  indicators: Record<string, SubsetIndicator>;
}

export interface UrbanRuralResult {
  level: Level;
  areas: Partial<Record<UrbanRural, { schoolCount: number; students: number; values: Record<string, number> }>>;
  /** 乡村 ÷ 城区 per indicator (null when either is missing or 城区 is 0). */
  ruralToUrban: Record<string, number | null>;
}

const AREAS: readonly UrbanRural[] = ['城区', '镇区', '乡村'];

function subsetStats(sections: readonly SectionResult[], profile: Profile, countyMean: (id: string) => number) {
  const students = sections.reduce((s, r) => s + r.section.students, 0);
  const indicators: Record<string, SubsetIndicator> = {};
  const cvs = sectionCvs(sections, profile.indicators.length);
  for (const [k, ind] of profile.indicators.entries()) {
    const s = cvs[k]!;
    const county = countyMean(ind.id);
    indicators[ind.id] = { value: s.mean, cv: s.cv, ofCounty: county === 0 ? null : s.mean / county };
  }
  return { students, indicators };
}

type Levels = Partial<Record<Level, LevelResult>>;

/** The county value of each indicator for a level: the level result's mean. */
const countyMeans = (levels: Levels, level: Level) => (id: string) => levels[level]?.indicators[id]?.mean ?? 0;

/** Per 学区 / 集团 and level; empty when no school has a group. */
export function evaluateGroups(sections: readonly SectionResult[], levels: Levels, profile: Profile): GroupResult[] {
  const out: GroupResult[] = [];
  for (const level of LEVELS) {
    const ofLevel = sections.filter((r) => r.section.level === level && r.section.school.group);
    const names = [...new Set(ofLevel.map((r) => r.section.school.group!))];
    const mean = countyMeans(levels, level);
    for (const group of names) {
      const members = ofLevel.filter((r) => r.section.school.group === group);
      out.push({ group, level, schoolCount: members.length, ...subsetStats(members, profile, mean) });
    }
  }
  return out;
}

/** Per level: each indicator for 城区 / 镇区 / 乡村 and 乡村 ÷ 城区; empty when no school has 城乡分类. */
export function evaluateUrbanRural(
  sections: readonly SectionResult[],
  levels: Levels,
  profile: Profile,
): UrbanRuralResult[] {
  const out: UrbanRuralResult[] = [];
  for (const level of LEVELS) {
    const ofLevel = sections.filter((r) => r.section.level === level && r.section.school.urbanRural);
    if (ofLevel.length === 0) continue;
    const mean = countyMeans(levels, level);
    const areas: UrbanRuralResult['areas'] = {};
    for (const area of AREAS) {
      const members = ofLevel.filter((r) => r.section.school.urbanRural === area);
      if (members.length === 0) continue;
      const s = subsetStats(members, profile, mean);
      areas[area] = {
        schoolCount: members.length,
        students: s.students,
        values: Object.fromEntries(Object.entries(s.indicators).map(([id, x]) => [id, x.value])),
      };
    }
    const ruralToUrban = Object.fromEntries(
      profile.indicators.map((ind) => {
        const [rural, urban] = [areas.乡村?.values[ind.id], areas.城区?.values[ind.id]];
        return [ind.id, rural === undefined || urban === undefined || urban === 0 ? null : rural / urban];
      }),
    );
    out.push({ level, areas, ruralToUrban });
  }
  return out;
}
