/**
 * Per-section values, the 6-of-7-and-85% rule (indicators.md §2.1) and shortfalls (§2.5).
 */
import type { IndicatorDef, Profile } from './profile';
import type { Section } from './sections';
import { atLeast, ceilTolerant } from './stats';
import type { Level } from './types';

export type PerIndicator<T> = Record<string, T>;

export interface SectionResult {
  section: Section;
  values: PerIndicator<number>;
  met: PerIndicator<boolean>;
  metCount: number;
  compliant: boolean;
  /** To bring every value to its standard. */
  shortfall: PerIndicator<number>;
  /** The smaller amount that makes the section compliant under the 6-of-7 / 85% rule. */
  shortfallToCompliance: PerIndicator<number>;
}

export const indicatorValue = (ind: IndicatorDef, section: Section): number =>
  ((section.amounts[ind.numerator] ?? 0) / section.students) * ind.scale;

export const standardOf = (ind: IndicatorDef, level: Level): number | null => ind.standard?.[level] ?? null;

export function evaluateSection(section: Section, profile: Profile): SectionResult {
  const values: PerIndicator<number> = {};
  const met: PerIndicator<boolean> = {};
  const shortfall: PerIndicator<number> = {};
  for (const ind of profile.indicators) {
    const value = indicatorValue(ind, section);
    const standard = standardOf(ind, section.level);
    values[ind.id] = value;
    met[ind.id] = standard === null || atLeast(value, standard);
    shortfall[ind.id] = standard === null ? 0 : amountToReach(ind, section, standard);
  }
  const metCount = Object.values(met).filter(Boolean).length;
  const compliant = isCompliant(profile, section.level, values, metCount);
  const shortfallToCompliance = compliant
    ? Object.fromEntries(profile.indicators.map((i) => [i.id, 0]))
    : complianceShortfall(profile, section, values, met);
  return { section, values, met, metCount, compliant, shortfall, shortfallToCompliance };
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
  return ind.countable ? ceilTolerant(needed) : needed;
}

/**
 * The cheapest way to compliance: the indicators allowed to stay below standard
 * (7 − 6 = 1) are the ones furthest below it, raised only to the floor (85%);
 * every other unmet indicator is raised to its standard.
 */
function complianceShortfall(
  profile: Profile,
  section: Section,
  values: PerIndicator<number>,
  met: PerIndicator<boolean>,
): PerIndicator<number> {
  const rule = profile.compliance!;
  const allowedBelow = profile.indicators.length - rule.minIndicatorsMet;
  const relativeGap = (ind: IndicatorDef) => 1 - values[ind.id]! / standardOf(ind, section.level)!;
  const unmet = profile.indicators
    .filter((ind) => !met[ind.id])
    .sort((a, b) => relativeGap(b) - relativeGap(a));
  const leftBelow = new Set(unmet.slice(0, allowedBelow).map((i) => i.id));
  return Object.fromEntries(
    profile.indicators.map((ind) => {
      if (met[ind.id]) return [ind.id, 0];
      const standard = standardOf(ind, section.level)!;
      const target = leftBelow.has(ind.id) ? rule.floorRatio * standard : standard;
      return [ind.id, amountToReach(ind, section, target)];
    }),
  );
}
