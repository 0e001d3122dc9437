/**
 * Per-section values, the 6-of-7-and-85% rule (indicators.md §2.1) and shortfalls (§2.5).
 */
import type { IndicatorDef, Profile } from './profile';
import type { Section } from './sections';
import { atLeast, ceilAtCompare } from './stats';
import type { Level } from './types';

export type PerIndicator<T> = Record<string, T>;

export interface SectionResult {
  section: Section;
  values: PerIndicator<number>;
  met: PerIndicator<boolean>;
  /** How far below its standard each value is, as a share of the standard (0 when met). */
  relativeGaps: PerIndicator<number>;
  metCount: number;
  compliant: boolean;
  /** To bring every value to its standard. */
  shortfall: PerIndicator<number>;
  /** The smaller amount that makes the section compliant under the 6-of-7 / 85% rule. */
  shortfallToCompliance: PerIndicator<number>;
  /** Indicators that shortfallToCompliance raises only to the floor (85%), not to the standard. */
  leftAtFloor: string[];
}

export const indicatorValue = (ind: IndicatorDef, section: Section): number =>
  ((section.amounts[ind.numerator] ?? 0) / section.students) * ind.scale;

export const standardOf = (ind: IndicatorDef, level: Level): number | null => ind.standard?.[level] ?? null;

export function evaluateSection(section: Section, profile: Profile): SectionResult {
  const values: PerIndicator<number> = {};
  const met: PerIndicator<boolean> = {};
  const shortfall: PerIndicator<number> = {};
  const relativeGaps: PerIndicator<number> = {};
  let metCount = 0;
  for (const ind of profile.indicators) {
    const value = indicatorValue(ind, section);
    const standard = standardOf(ind, section.level);
    const ok = standard === null || atLeast(value, standard);
    values[ind.id] = value;
    met[ind.id] = ok;
    if (ok) metCount++;
    shortfall[ind.id] = standard === null ? 0 : amountToReach(ind, section, standard);
    relativeGaps[ind.id] = standard === null || ok ? 0 : 1 - value / standard;
  }
  const compliant = isCompliant(profile, section.level, values, metCount);
  const leftAtFloor = compliant ? [] : indicatorsLeftAtFloor(profile, relativeGaps, met);
  const shortfallToCompliance: PerIndicator<number> = {};
  for (const ind of profile.indicators) {
    if (compliant || met[ind.id]) {
      shortfallToCompliance[ind.id] = 0;
      continue;
    }
    const standard = standardOf(ind, section.level)!;
    const target = leftAtFloor.includes(ind.id) ? profile.compliance!.floorRatio * standard : standard;
    shortfallToCompliance[ind.id] = amountToReach(ind, section, target);
  }
  return { section, values, met, relativeGaps, metCount, compliant, shortfall, shortfallToCompliance, leftAtFloor };
}

/** At least N of the indicators meet the standard and every one that misses is ≥ floor × standard. */
export function isCompliant(
  profile: Profile,
  level: Level,
  values: PerIndicator<number>,
  metCount: number,
): boolean {
  const rule = profile.compliance;
  if (!rule) return true;
  if (metCount < rule.minIndicatorsMet) return false;
  return profile.indicators.every((ind) => {
    const standard = standardOf(ind, level);
    return standard === null || atLeast(values[ind.id]!, rule.floorRatio * standard);
  });
}

/** What must be added to one section so that its value reaches `target` (persons and rooms rounded up). */
export function amountToReach(ind: IndicatorDef, section: Section, target: number): number {
  const needed = (target * section.students) / ind.scale - (section.amounts[ind.numerator] ?? 0);
  if (needed <= 0 || atLeast(indicatorValue(ind, section), target)) return 0;
  return ind.countable ? ceilAtCompare(needed) : needed;
}

/**
 * The cheapest way to compliance: the indicators allowed to stay below standard
 * (7 − 6 = 1) are the ones furthest below it (relative gap 1 − value ÷ standard; the
 * first in profile order on a tie), raised only to the floor (85%); every other unmet
 * indicator is raised to its standard.
 */
function indicatorsLeftAtFloor(profile: Profile, gaps: PerIndicator<number>, met: PerIndicator<boolean>): string[] {
  const allowedBelow = profile.indicators.length - profile.compliance!.minIndicatorsMet;
  const unmet = profile.indicators.filter((ind) => !met[ind.id]);
  return [...unmet].sort((a, b) => gaps[b.id]! - gaps[a.id]!).slice(0, allowedBelow).map((i) => i.id);
}

