/**
 * Sentences and rows for influence, the least-cost plan and the transfer alternative,
 * shared by the Markdown, Excel and terminal renderers.
 */
import type { LevelActions } from '../engine/actions';
import type { IndicatorStats } from '../engine/evaluate';
import type { Influence } from '../engine/influence';
import type { CompositePlan, IndicatorPlan } from '../engine/plan';
import { quantityName, type IndicatorDef, type Profile } from '../engine/profile';
import type { TransferPlan } from '../engine/transfer';
import { LEVEL_NAMES } from '../engine/types';
import { sectionLabel } from '../report/model';
import { fmt, fmtCv, fmtPercent, fmtShortfall } from './format';

/** How many sections an influence sentence names. */
export const INFLUENCE_NAMED = 3;

/** "生均体育运动场馆面积差异系数为0.603，主要由以下学校拉高：甲（高于全县值，占加权离差平方和的41.2%，去掉该校后差异系数为0.452）……" */
export function influenceSentence(ind: IndicatorDef, stats: IndicatorStats, list: readonly Influence[]): string {
  const head = `${ind.name}差异系数为${fmtCv(stats.cv)}`;
  const named = list.filter((x) => x.share > 0).slice(0, INFLUENCE_NAMED);
  if (named.length === 0) return `${head}，各校数值相同。`;
  return `${head}，主要由以下学校拉高：${named
    .map(
      (x) =>
        `${sectionLabel(x.section)}（${x.above ? '高于' : '低于'}全县值，占加权离差平方和的${fmtPercent(x.share)}，去掉该校后差异系数为${fmtCv(x.cvWithout)}）`,
    )
    .join('、')}。`;
}

/** The method of the plan, in words: the reports hold it in an appendix at the end (PLAN_METHOD_TITLE). */
export const planMethodText = (profile: Profile) =>
  '在只增不减的前提下，使每所学校（学段）达到学校达标要求' +
  (profile.compliance
    ? `（“至少${profile.compliance.minIndicatorsMet}项达标、余项不低于${Math.round(profile.compliance.floorRatio * 100)}%”所需的量）`
    : '') +
  '，并使学生加权差异系数不超过目标，总投入最少。最优解为“注水”：各校补至 max(现值, 达标所需值, 统一水位 L)，L 取满足目标的最小值' +
  '（二阶锥凸优化的 KKT 条件）；教师、教室按整数向上取整（取整后仍超目标时在最低的学校再加 1），面积取 0.1㎡，金额取 1 元，测算后差异系数按取整后的数重新计算。目标以未舍入的差异系数计。';

/** The status of one indicator's plan in words. */
export function planStatusText(p: IndicatorPlan): string {
  switch (p.status) {
    case 'already':
      return '已达到，无需新增';
    case 'unreachable':
      return `无法测算：${p.reason}`;
    case 'budget':
      return `${LEVEL_NAMES[p.level]}预算${fmtShortfall(p.indicator, p.budget!)}${p.indicator.shortfallUnit}内：先补最低的学校，差异系数降至${fmtCv(p.cvAfter)}${p.cvAfter !== null && p.cvAfter <= p.target ? '' : '（尚未达到目标）'}`;
    default:
      return p.waterLevel === null
        ? '补足各校达标所需即达到目标'
        : `各校补至不低于 ${fmt(p.waterLevel, 2)}${p.indicator.unit}`;
  }
}

export interface PlanRow {
  indicator: IndicatorDef;
  cvBefore: string;
  target: string;
  total: string;
  forFloors: string;
  schools: number;
  cvAfter: string;
  cost: string;
  note: string;
}

export function planRows(actions: LevelActions): PlanRow[] {
  return actions.plan.indicators.map((p) => ({
    indicator: p.indicator,
    cvBefore: fmtCv(p.cvBefore),
    target: p.target.toFixed(2),
    total:
      p.status === 'unreachable' || p.status === 'already'
        ? '—'
        : `${fmtShortfall(p.indicator, p.total)}${p.indicator.shortfallUnit}`,
    forFloors:
      p.status === 'unreachable' || p.forFloors === 0
        ? '—'
        : `${fmtShortfall(p.indicator, p.forFloors)}${p.indicator.shortfallUnit}`,
    schools: p.additions.length,
    cvAfter: p.status === 'unreachable' ? '—' : fmtCv(p.cvAfter),
    cost: p.cost === null ? '' : fmt(p.cost, 0),
    note: planStatusText(p),
  }));
}

/** "按最少投入测算，小学须新增：生均体育运动场馆面积 12,345.6㎡（涉及9所学校，测算后差异系数0.499）……" */
export function planSentence(actions: LevelActions): string {
  const needed = actions.plan.indicators.filter((p) => p.total > 0);
  const name = LEVEL_NAMES[actions.level];
  const standards = actions.plan.indicators.some((p) => p.indicator.standard !== null);
  if (needed.length === 0)
    return `${name}${standards ? '各项指标已使每所学校达标、差异系数达到目标' : '各项差异系数已达到目标'}，无需新增。`;
  const budgeted = needed.filter((p) => p.status === 'budget');
  const budget = budgeted.length
    ? `（${budgeted.map((p) => `${quantityName(p.indicator)}以${name}预算${amountText(p.indicator, p.budget!)}为限，先补最低的学校`).join('；')}）`
    : '';
  return `按最少投入测算${budget}，${name}须${needed
    .map(
      (p) =>
        `新增${quantityName(p.indicator)}${amountText(p.indicator, p.total)}（涉及${p.additions.length}所学校，测算后差异系数${fmtCv(p.cvAfter)}）`,
    )
    .join('；')}。`;
}

/** “5,000.0㎡”, “4人”: an amount added, in the indicator's shortfall unit. */
const amountText = (ind: IndicatorDef, x: number) => `${fmtShortfall(ind, x)}${ind.shortfallUnit}`;

/**
 * “给定预算按学段分别使用：体育运动场馆面积小学、初中各至多新增5,000.0㎡（合计至多10,000.0㎡）。”: a budget
 * is each level's, not the county's; null when no budget was given.
 */
export function budgetSentence(levels: readonly LevelActions[]): string | null {
  const byIndicator = new Map<string, { ind: IndicatorDef; budget: number; levels: LevelActions['level'][] }>();
  for (const l of levels)
    for (const p of l.plan.indicators) {
      if (p.budget === null) continue;
      const x = byIndicator.get(p.indicator.id) ?? { ind: p.indicator, budget: p.budget, levels: [] };
      x.levels.push(l.level);
      byIndicator.set(p.indicator.id, x);
    }
  if (byIndicator.size === 0) return null;
  const parts = [...byIndicator.values()].map(({ ind, budget, levels: ls }) =>
    ls.length > 1
      ? `${quantityName(ind)}${ls.map((l) => LEVEL_NAMES[l]).join('、')}各至多新增${amountText(ind, budget)}（合计至多${amountText(ind, budget * ls.length)}）`
      : `${quantityName(ind)}${LEVEL_NAMES[ls[0]!]}至多新增${amountText(ind, budget)}`,
  );
  return `给定预算按学段分别使用：${parts.join('；')}。`;
}

/** "县级及以上骨干教师：从甲调2人到乙……，共调配5人，调配后差异系数0.48。" */
export function transferSentence(t: TransferPlan): string {
  const what = t.indicator.name;
  if (t.status === 'unreachable') return `${what}：${t.reason}。`;
  const moves = t.moves.map((m) => `从${sectionLabel(m.from)}调${m.teachers}人到${sectionLabel(m.to)}`).join('，');
  const hires = t.hires.map((h) => `${sectionLabel(h.section)}新增${h.teachers}人`).join('，');
  const parts = [
    moves && `${moves}，共调配${t.moved}人`,
    hires && `调配不足以达到目标，另需${hires}，共新增${t.hired}人`,
  ].filter(Boolean);
  return `${what}（差异系数${fmtCv(t.cvBefore)}，目标${t.target.toFixed(2)}）：${parts.join('；') || '无可调配的教师'}，调配后差异系数${fmtCv(t.cvAfter)}。`;
}

export const transferIntro =
  '教师交流轮岗调剂：只在学段内、从高于全县值的学校调往低于全县值的学校，调出学校不低于该项标准；每次调配选使差异系数下降最多的一对学校，调配人数最少（小规模情形经穷举验证）。调配不足时再按最少新增补充。';

/** "综合差异系数0.312 → 0.250（阈值0.25）：生均体育运动场馆面积差异系数降至0.420（1,234,000元）……，合计…元。" */
export function compositeSentence(c: CompositePlan): string {
  const head = `${LEVEL_NAMES[c.level]}综合差异系数${fmtCv(c.compositeBefore)}`;
  if (c.status === 'already') return `${head}，已不超过${c.threshold.toFixed(2)}，无需新增。`;
  if (c.status === 'unreachable') return `${head}：${c.reason}。`;
  const changed = c.parts.filter((p) => p.plan && p.plan.total > 0);
  return `${head} → ${fmtCv(c.compositeAfter)}（阈值${c.threshold.toFixed(2)}），按本县假设单价最省的组合：${changed
    .map(
      (p) =>
        `${p.indicator.name}差异系数降至${fmtCv(p.cvAfter)}（新增${quantityName(p.indicator)}${amountText(p.indicator, p.plan!.total)}，约${fmt(p.plan!.cost ?? 0, 0)}元）`,
    )
    .join('；')}，合计约${fmt(c.cost, 0)}元。`;
}
