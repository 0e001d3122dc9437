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
import { resolutionOf, roundUpTo, type SectionResult } from './compliance';
import type { IndicatorDef, Profile } from './profile';
import { weightedCv } from './stats';
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
  /** Σ cost of the indicators that have a unit cost (元), or null when none has. */
  cost: number | null;
}

export { resolutionOf };

const roundUp = roundUpTo;

/** The value a section needs for compliance today (after the to-compliance shortfall), or null. */
function floorOf(r: SectionResult, ind: IndicatorDef): number | null {
  const need = r.shortfallToCompliance[ind.id]!;
  if (need <= 0) return null;
  return (((r.section.amounts[ind.numerator] ?? 0) + need) / r.section.students) * ind.scale;
}

const cvOf = (ys: readonly number[], ps: readonly number[]) =>
  weightedCv(ys.map((value, i) => ({ value, weight: ps[i]! }))).cv;

export function planLevel(
  level: Level,
  results: readonly SectionResult[],
  profile: Profile,
  options: PlanOptions = {},
): LevelPlan {
  const indicators = profile.indicators.map((ind) => planIndicator(level, results, ind, profile, options));
  const priced = indicators.filter((p) => p.cost !== null);
  return { level, indicators, cost: priced.length ? priced.reduce((s, p) => s + p.cost!, 0) : null };
}

export function planIndicator(
  level: Level,
  results: readonly SectionResult[],
  ind: IndicatorDef,
  profile: Profile,
  options: PlanOptions = {},
): IndicatorPlan {
  const target = options.target ?? profile.cv.threshold[level];
  const budget = options.budget?.[ind.id] ?? null;
  const unitCost = options.unitCosts?.[ind.id] ?? null;
  const ps = results.map((r) => r.section.students);
  const xs = results.map((r) => r.values[ind.id]!);
  const floors = results.map((r) => floorOf(r, ind));
  const cvBefore = cvOf(xs, ps);
  const base: IndicatorPlan = {
    indicator: ind,
    level,
    target,
    status: 'unreachable',
    reason: null,
    cvBefore,
    cvAfter: cvBefore,
    waterLevel: null,
    additions: [],
    forFloors: 0,
    total: 0,
    cost: null,
    budget,
  };
  const students = ps.reduce((s, p) => s + p, 0);
  if (results.length === 0 || students === 0) return { ...base, reason: '此学段没有在校生，差异系数无从计算' };
  if (!(target > 0))
    return { ...base, reason: `目标差异系数为 ${target}：须各校生均值完全相等，按整数或最小单位配置做不到` };
  const bounds = xs.map((x, i) => Math.max(x, floors[i] ?? 0));
  if (bounds.every((b) => b === 0)) return { ...base, reason: '全县此项均为 0，且没有达标要求：差异系数无定义' };

  const amountOf = (i: number, y: number) => (y * ps[i]!) / ind.scale;
  const have = results.map((r) => r.section.amounts[ind.numerator] ?? 0);
  const step = resolutionOf(ind);

  /**
   * The additions for values y, rounded up to the resolution; unless `withinBudget`, one more unit
   * to the lowest section while the rounded CV is still above target.
   */
  const realise = (ys: readonly number[], withinBudget: boolean) => {
    const adds = ys.map((y, i) => roundUp(amountOf(i, y) - have[i]!, step));
    const valueOf = (i: number) => ((have[i]! + adds[i]!) / ps[i]!) * ind.scale;
    const values = adds.map((_, i) => valueOf(i));
    for (let guard = 0; guard < 100_000 && !withinBudget; guard++) {
      const cv = cvOf(values, ps);
      if (cv !== null && cv <= target) break;
      let low = 0;
      for (let i = 1; i < values.length; i++) if (values[i]! < values[low]!) low = i;
      adds[low] = adds[low]! + step;
      values[low] = valueOf(low);
    }
    return { adds, values };
  };
  const finish = (status: PlanStatus, waterLevel: number | null, ys: readonly number[]): IndicatorPlan => {
    const { adds, values } = realise(ys, status === 'budget');
    const additions = results.flatMap((r, i): SectionAddition[] =>
      adds[i]! > 0 ? [{ section: r, add: adds[i]!, before: xs[i]!, after: values[i]!, floor: floors[i] ?? null }] : [],
    );
    const total = roundTo9(adds.reduce((s, a) => s + a, 0));
    const forFloors = roundTo9(
      results.reduce(
        (s, _, i) => s + Math.min(adds[i]!, roundUp(floors[i] === null ? 0 : amountOf(i, floors[i]!) - have[i]!, step)),
        0,
      ),
    );
    return {
      ...base,
      status,
      waterLevel,
      additions,
      forFloors,
      total,
      cost: unitCost === null ? null : total * unitCost,
      cvAfter: cvOf(values, ps),
    };
  };

  const lifted = (L: number, from: readonly number[]) => from.map((b) => Math.max(b, L));
  const cvAt = (L: number, from: readonly number[]) => cvOf(lifted(L, from), ps);

  const floorsOnlyCv = cvOf(bounds, ps);
  let plan: IndicatorPlan;
  if (floorsOnlyCv !== null && floorsOnlyCv <= target) {
    const nothing = bounds.every((b, i) => b === xs[i]);
    plan = nothing ? { ...base, status: 'already', cvAfter: cvBefore } : finish('planned', null, bounds);
  } else {
    let lo = minOf(bounds);
    let hi = maxOf(bounds);
    for (let k = 0; k < 100 && hi - lo > 1e-12 * Math.max(1, hi); k++) {
      const mid = (lo + hi) / 2;
      const cv = cvAt(mid, bounds);
      if (cv !== null && cv <= target) hi = mid;
      else lo = mid;
    }
    plan = finish('planned', hi, lifted(hi, bounds));
  }
  if (budget === null || plan.total <= budget + 1e-9) return plan;

  // Within a budget: lift the lowest sections first (water-filling from today's values), to
  // the highest level whose additions, rounded to units, still fit.
  const roundedCost = (L: number) =>
    xs.reduce((sum, x, i) => sum + roundUp(amountOf(i, Math.max(x, L)) - have[i]!, step), 0);
  let lo = minOf(xs);
  // That level may lie above today's highest value (a floor above every value, whole units): the plan's own
  // highest value costs the plan's total or more, past the budget; doubled while it still fits, for safety.
  let hi = Math.max(maxOf(xs), maxOf(plan.additions.map((a) => a.after)));
  for (let k = 0; k < 60 && roundedCost(hi) <= budget + 1e-9; k++) hi = 2 * Math.max(hi, 1);
  for (let k = 0; k < 100 && hi - lo > 1e-12 * Math.max(1, hi); k++) {
    const mid = (lo + hi) / 2;
    if (roundedCost(mid) <= budget + 1e-9) lo = mid;
    else hi = mid;
  }
  return finish('budget', lo, lifted(lo, xs));
}

const roundTo9 = (x: number) => Number(x.toFixed(9));
/** Without spreading a data-sized array into Math.min / Math.max. */
const minOf = (xs: readonly number[]) => xs.reduce((m, x) => (x < m ? x : m), Infinity);
const maxOf = (xs: readonly number[]) => xs.reduce((m, x) => (x > m ? x : m), -Infinity);

/** The plan's additions applied to the sections: their values afterwards, for checking a plan by the ordinary method. */
export function valuesAfter(plan: IndicatorPlan, results: readonly SectionResult[]): number[] {
  const added = new Map(plan.additions.map((a) => [a.section, a.add]));
  return results.map(
    (r) =>
      (((r.section.amounts[plan.indicator.numerator] ?? 0) + (added.get(r) ?? 0)) / r.section.students) *
      plan.indicator.scale,
  );
}

/** The 2012 method's cheapest way in 元 to bring the 综合差异系数 (mean of the CVs) to its threshold. */
export interface CompositePlan {
  level: Level;
  threshold: number;
  compositeBefore: number | null;
  compositeAfter: number | null;
  /** Per indicator: the CV aimed at, and the plan that reaches it (null: held as it is, no unit cost). */
  parts: { indicator: IndicatorDef; cvTarget: number; plan: IndicatorPlan | null; cvAfter: number | null }[];
  cost: number;
  status: 'already' | 'planned' | 'unreachable';
  reason: string | null;
}

/** CV targets are tried in steps of this size. */
export const COMPOSITE_STEP = 0.005;

/**
 * Each indicator's cost in 元 of reaching a CV c is taken from its own least-cost plan on a
 * grid of c; the cheapest choice per indicator whose CVs average at or below the threshold
 * is found exactly on that grid by dynamic programming over the indicators (a frontier of
 * sum of CVs against cost, dominated pairs dropped). Indicators without a unit cost keep
 * their CV.
 */
export function compositePlan(
  level: Level,
  results: readonly SectionResult[],
  profile: Profile,
  options: PlanOptions = {},
): CompositePlan | null {
  const costs = options.unitCosts ?? {};
  if (profile.cv.rule !== 'mean' || !profile.indicators.some((i) => costs[i.id] !== undefined)) return null;
  const threshold = options.target ?? profile.cv.threshold[level];
  const cvs = profile.indicators.map((ind) =>
    cvOf(
      results.map((r) => r.values[ind.id]!),
      results.map((r) => r.section.students),
    ),
  );
  const base = { level, threshold, compositeBefore: null, compositeAfter: null, parts: [], cost: 0 };
  if (cvs.some((c) => c === null)) return { ...base, status: 'unreachable', reason: '有指标全县为 0，差异系数无定义' };
  const before = cvs.reduce<number>((s, c) => s + c!, 0) / cvs.length;
  if (before <= threshold)
    return {
      ...base,
      compositeBefore: before,
      compositeAfter: before,
      status: 'already',
      reason: null,
      parts: profile.indicators.map((ind, k) => ({ indicator: ind, cvTarget: cvs[k]!, plan: null, cvAfter: cvs[k]! })),
    };
  type Option = { cv: number; cost: number; plan: IndicatorPlan | null; target: number };
  const optionsOf = (ind: IndicatorDef, k: number): Option[] => {
    const now: Option = { cv: cvs[k]!, cost: 0, plan: null, target: cvs[k]! };
    if (costs[ind.id] === undefined) return [now];
    const out = [now];
    for (let c = Math.floor(cvs[k]! / COMPOSITE_STEP) * COMPOSITE_STEP; c > COMPOSITE_STEP / 2; c -= COMPOSITE_STEP) {
      const target = Number(c.toFixed(6));
      const plan = planIndicator(level, results, ind, profile, { target, unitCosts: costs });
      if (plan.status === 'unreachable' || plan.cvAfter === null) break;
      out.push({ cv: plan.cvAfter, cost: plan.cost ?? 0, plan, target });
    }
    return out;
  };
  // Frontier: choices so far as (sum of CVs, cost), cheapest for each sum, dominated ones dropped.
  let frontier: { sum: number; cost: number; picks: Option[] }[] = [{ sum: 0, cost: 0, picks: [] }];
  profile.indicators.forEach((ind, k) => {
    const next = frontier.flatMap((f) =>
      optionsOf(ind, k).map((o) => ({ sum: f.sum + o.cv, cost: f.cost + o.cost, picks: [...f.picks, o] })),
    );
    next.sort((a, b) => a.sum - b.sum || a.cost - b.cost);
    const kept: typeof next = [];
    for (const x of next) if (kept.length === 0 || x.cost < kept[kept.length - 1]!.cost) kept.push(x);
    frontier = kept;
  });
  const n = profile.indicators.length;
  const feasible = frontier.filter((f) => f.sum / n <= threshold + 1e-12);
  if (feasible.length === 0)
    return {
      ...base,
      compositeBefore: before,
      status: 'unreachable',
      reason: '按给定单价的指标调整不足以使综合差异系数达到阈值（缺少单价的指标保持不变）',
    };
  const best = feasible.reduce((a, b) => (b.cost < a.cost ? b : a));
  return {
    level,
    threshold,
    compositeBefore: before,
    compositeAfter: best.sum / n,
    parts: profile.indicators.map((ind, k) => ({
      indicator: ind,
      cvTarget: best.picks[k]!.target,
      plan: best.picks[k]!.plan,
      cvAfter: best.picks[k]!.cv,
    })),
    cost: best.cost,
    status: 'planned',
    reason: null,
  };
}
