/**
 * The least-cost plan (整改测算): per level and indicator, what to add to which section so
 * that every section reaches its compliance floor and the student-weighted CV reaches its
 * target, by adding only, at the least total amount. Pure.
 *
 * Minimise Σ P_i y_i / scale subject to y_i ≥ b_i = max(x_i, floor_i) and S(y) ≤ c·ȳ: a
 * second-order cone, so the KKT conditions are sufficient. Stationarity for a y_i above its
 * bound gives 1 + λ((y_i − ȳ)/(N·S) − c/N) = 0, the same for every such i: they share one
 * value L, and a section at its bound has b_i ≥ L. So y_i = max(b_i, L) (water-filling),
 * with L the smallest level that meets the target. Raising L lifts only values below ȳ,
 * which lowers S and raises ȳ, so the CV falls as L rises: L is found by bisection.
 */
import type { SectionResult } from './compliance';
import type { IndicatorDef, Profile } from './profile';
import { ceilAtCompare, weightedCv } from './stats';
import type { Level } from './types';

export interface PlanOptions {
  /** The CV to reach, instead of the profile's threshold (a margin: 0.45). */
  target?: number;
  /** Per indicator id, the amount available (in the indicator's shortfall unit). */
  budget?: Readonly<Record<string, number>>;
  /** Per indicator id, 元 per unit (per ㎡, per room, per teacher-year): the county's own assumptions. */
  unitCosts?: Readonly<Record<string, number>>;
}

export interface SectionAddition {
  section: SectionResult;
  /** Amount added (人, 间, ㎡, 元). */
  add: number;
  before: number;
  after: number;
  /** The value the section needs for compliance (its floor), or null when it needs nothing. */
  floor: number | null;
}

export type PlanStatus = 'already' | 'planned' | 'budget' | 'unreachable';

export interface IndicatorPlan {
  indicator: IndicatorDef;
  level: Level;
  target: number;
  status: PlanStatus;
  /** Why no plan is possible (unreachable). */
  reason: string | null;
  cvBefore: number | null;
  /** The CV the plan (as rounded) really gives, recomputed. */
  cvAfter: number | null;
  /** The common level L sections are lifted to (null when floors alone reach the target). */
  waterLevel: number | null;
  additions: SectionAddition[];
  /** Of the total, what the compliance floors take. */
  forFloors: number;
  total: number;
  /** total × unit cost, when a unit cost is given. */
  cost: number | null;
  budget: number | null;
}

export interface LevelPlan {
  level: Level;
  indicators: IndicatorPlan[];
}

/** The smallest amount one adds: whole persons and rooms, 0.1 ㎡, 1 元. */
export const resolutionOf = (ind: IndicatorDef): number => (ind.countable || ind.shortfallUnit === '元' ? 1 : 0.1);

const roundUp = (x: number, step: number) => (x <= 0 ? 0 : step === 1 ? ceilAtCompare(x) : Number((Math.ceil(Number((x / step).toFixed(9))) * step).toFixed(6)));

/** The value a section needs for compliance today (after the to-compliance shortfall), or null. */
function floorOf(r: SectionResult, ind: IndicatorDef): number | null {
  const need = r.shortfallToCompliance[ind.id]!;
  if (need <= 0) return null;
  return (((r.section.amounts[ind.numerator] ?? 0) + need) / r.section.students) * ind.scale;
}

const cvOf = (ys: readonly number[], ps: readonly number[]) => weightedCv(ys.map((value, i) => ({ value, weight: ps[i]! }))).cv;

export function planLevel(level: Level, results: readonly SectionResult[], profile: Profile, options: PlanOptions = {}): LevelPlan {
  return { level, indicators: profile.indicators.map((ind) => planIndicator(level, results, ind, profile, options)) };
}

export function planIndicator(level: Level, results: readonly SectionResult[], ind: IndicatorDef, profile: Profile, options: PlanOptions = {}): IndicatorPlan {
  const target = options.target ?? profile.cv.threshold[level];
  const budget = options.budget?.[ind.id] ?? null;
  const unitCost = options.unitCosts?.[ind.id] ?? null;
  const ps = results.map((r) => r.section.students);
  const xs = results.map((r) => r.values[ind.id]!);
  const floors = results.map((r) => floorOf(r, ind));
  const cvBefore = cvOf(xs, ps);
  const base: IndicatorPlan = {
    indicator: ind, level, target, status: 'unreachable', reason: null, cvBefore, cvAfter: cvBefore, waterLevel: null,
    additions: [], forFloors: 0, total: 0, cost: null, budget,
  };
  const students = ps.reduce((s, p) => s + p, 0);
  if (results.length === 0 || students === 0) return { ...base, reason: '此学段没有在校生，差异系数无从计算' };
  if (!(target > 0)) return { ...base, reason: `目标差异系数为 ${target}：须各校生均值完全相等，按整数或最小单位配置做不到` };
  const bounds = xs.map((x, i) => Math.max(x, floors[i] ?? 0));
  if (bounds.every((b) => b === 0)) return { ...base, reason: '全县此项均为 0，且没有达标要求：差异系数无定义' };

  const amountOf = (i: number, y: number) => (y * ps[i]!) / ind.scale;
  const have = results.map((r) => r.section.amounts[ind.numerator] ?? 0);
  const step = resolutionOf(ind);

  /** The additions for values y, rounded up to the resolution; then one more unit to the lowest section while the CV is still above target. */
  const realise = (ys: readonly number[], stopAt: number | null) => {
    const adds = ys.map((y, i) => roundUp(amountOf(i, y) - have[i]!, step));
    const valueOf = (i: number) => ((have[i]! + adds[i]!) / ps[i]!) * ind.scale;
    let values = adds.map((_, i) => valueOf(i));
    for (let guard = 0; guard < 100_000 && stopAt === null; guard++) {
      const cv = cvOf(values, ps);
      if (cv !== null && cv <= target) break;
      let low = 0;
      for (let i = 1; i < values.length; i++) if (values[i]! < values[low]!) low = i;
      adds[low] = adds[low]! + step;
      values = adds.map((_, i) => valueOf(i));
    }
    return { adds, values };
  };
  const finish = (status: PlanStatus, waterLevel: number | null, ys: readonly number[], capped: boolean): IndicatorPlan => {
    const { adds, values } = realise(ys, capped ? 0 : null);
    const additions = results.flatMap((r, i): SectionAddition[] =>
      adds[i]! > 0 ? [{ section: r, add: adds[i]!, before: xs[i]!, after: values[i]!, floor: floors[i] ?? null }] : [],
    );
    const total = roundTo9(adds.reduce((s, a) => s + a, 0));
    const forFloors = roundTo9(results.reduce((s, _, i) => s + Math.min(adds[i]!, roundUp(floors[i] === null ? 0 : amountOf(i, floors[i]!) - have[i]!, step)), 0));
    return { ...base, status, waterLevel, additions, forFloors, total, cost: unitCost === null ? null : total * unitCost, cvAfter: cvOf(values, ps) };
  };

  const lifted = (L: number, from: readonly number[]) => from.map((b) => Math.max(b, L));
  const cvAt = (L: number, from: readonly number[]) => cvOf(lifted(L, from), ps);

  const floorsOnlyCv = cvOf(bounds, ps);
  let plan: IndicatorPlan;
  if (floorsOnlyCv !== null && floorsOnlyCv <= target) {
    const nothing = bounds.every((b, i) => b === xs[i]);
    plan = nothing ? { ...base, status: 'already', cvAfter: cvBefore } : finish('planned', null, bounds, false);
  } else {
    let lo = minOf(bounds);
    let hi = maxOf(bounds);
    for (let k = 0; k < 100 && hi - lo > 1e-12 * Math.max(1, hi); k++) {
      const mid = (lo + hi) / 2;
      const cv = cvAt(mid, bounds);
      if (cv !== null && cv <= target) hi = mid;
      else lo = mid;
    }
    plan = finish('planned', hi, lifted(hi, bounds), false);
  }
  if (budget === null || plan.total <= budget + 1e-9) return plan;

  // Within a budget: lift the lowest sections first (water-filling from today's values), to
  // the highest level whose additions, rounded to units, still fit.
  const roundedCost = (L: number) => xs.reduce((sum, x, i) => sum + roundUp(amountOf(i, Math.max(x, L)) - have[i]!, step), 0);
  let lo = minOf(xs);
  let hi = maxOf(xs);
  if (roundedCost(hi) <= budget + 1e-9) return plan;
  for (let k = 0; k < 100 && hi - lo > 1e-12 * Math.max(1, hi); k++) {
    const mid = (lo + hi) / 2;
    if (roundedCost(mid) <= budget + 1e-9) lo = mid;
    else hi = mid;
  }
  return { ...finish('budget', lo, lifted(lo, xs), true), status: 'budget' };
}

const roundTo9 = (x: number) => Number(x.toFixed(9));
/** Without spreading a data-sized array into Math.min / Math.max. */
const minOf = (xs: readonly number[]) => xs.reduce((m, x) => (x < m ? x : m), Infinity);
const maxOf = (xs: readonly number[]) => xs.reduce((m, x) => (x > m ? x : m), -Infinity);

/** The plan's additions applied to the sections: their values afterwards, for checking a plan by the ordinary method. */
export function valuesAfter(plan: IndicatorPlan, results: readonly SectionResult[]): number[] {
  const added = new Map(plan.additions.map((a) => [a.section, a.add]));
  return results.map((r) => (((r.section.amounts[plan.indicator.numerator] ?? 0) + (added.get(r) ?? 0)) / r.section.students) * plan.indicator.scale);
}
