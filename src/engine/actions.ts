/**
 * From "what is short" to "what to do", per level: which sections drive each CV
 * (influence), the least-cost plan that passes, and for the teacher indicators the
 * transfer alternative. Pure; computed once per county, shown by every renderer.
 */
import type { SectionResult } from './compliance';
import { influenceOf, type Influence } from './influence';
import { compositePlan, planLevel, type CompositePlan, type LevelPlan, type PlanOptions } from './plan';
import type { Profile } from './profile';
import { isTeacherIndicator, transferPlan, type TransferPlan } from './transfer';
import type { Level } from './types';

export interface LevelActions {
  level: Level;
  /** Per indicator id, every section, largest share first. */
  influence: Record<string, Influence[]>;
  plan: LevelPlan;
  /** The teacher indicators whose CV misses its target (or all of them with a --target): the transfer alternative. */
  transfers: TransferPlan[];
  /** The 2012 method with unit costs: the cheapest combination in 元 that brings the 综合差异系数 under its threshold. */
  composite: CompositePlan | null;
}

export function levelActions(
  level: Level,
  results: readonly SectionResult[],
  profile: Profile,
  options: PlanOptions = {},
): LevelActions {
  const influence = Object.fromEntries(profile.indicators.map((ind) => [ind.id, influenceOf(results, ind)]));
  const plan = planLevel(level, results, profile, options);
  const transfers = profile.indicators
    .filter(isTeacherIndicator)
    .map((ind) => transferPlan(level, results, ind, profile, options.target ?? profile.cv.threshold[level]))
    .filter((t) => t.status !== 'already');
  return { level, influence, plan, transfers, composite: compositePlan(level, results, profile, options) };
}
