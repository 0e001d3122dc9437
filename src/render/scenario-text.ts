/** The scenario comparison's words and cells, shared by its terminal, Markdown and Excel renderers. */
import { fmt, fmtCv } from './format';
import { STATUS_LABEL, VERDICT_LABEL } from './prose';
import type { AlternativeModel, Cell, CountyComparison, Metric, ScenarioModel } from '../report/scenario';
import type { Align, WrittenTable } from './written';

export const SCENARIO_TITLE = '布局调整测算（方案比较）';

/** A value as shown: a CV to three places, a count (of its whole), a ratio to two places, a status in words. */
export function cellText(m: Metric, k: number): string {
  const v: Cell = m.values[k] ?? null;
  if (v === null) return '—';
  if (typeof v === 'string') return m.kind === 'verdict' ? VERDICT_LABEL[v] : STATUS_LABEL[v];
  if (m.kind === 'cv') {
    const pass = m.passes?.[k];
    return `${fmtCv(v)}${pass === false ? '✗' : ''}`;
  }
  if (m.kind === 'count') {
    const of = m.of?.[k];
    return of === null || of === undefined ? fmt(v, 0) : `${fmt(v, 0)}/${fmt(of, 0)}`;
  }
  return fmt(v, 2);
}

/** Whether column k's change is for the better, as shown: a change that rounds to nothing at the shown places is none. */
export function shownImproved(m: Metric, k: number): boolean | null {
  const ch = m.changes[k - 1];
  if (!ch || ch.improved === null) return null;
  if (ch.delta !== null && Number(fmt(Math.abs(ch.delta), digitsOf(m)).replace(/[^\d.]/g, '')) === 0) return null;
  return ch.improved;
}

const digitsOf = (m: Metric) => (m.kind === 'cv' ? 3 : m.kind === 'ratio' ? 2 : 0);

/** The change against the input (column k ≥ 1), with the better direction marked: （改善） or （变差）. */
export function changeCellText(m: Metric, k: number): string {
  const ch = m.changes[k - 1];
  if (!ch) return '';
  const improved = shownImproved(m, k);
  const mark = improved === null ? '' : improved ? '（改善）' : '（变差）';
  if (ch.delta !== null) {
    if (ch.delta === 0) return '—';
    if (improved === null) return '≈0';
    return `${ch.delta > 0 ? '+' : '−'}${fmt(Math.abs(ch.delta), digitsOf(m))}${mark}`;
  }
  return mark;
}

export const betterText = (m: Metric): string =>
  m.better === 'lower' ? '越小越好' : m.better === 'higher' ? '越大越好' : '达标为好';

export const thresholdText = (m: Metric): string => (m.threshold === null ? '' : `≤ ${m.threshold}`);

/** A change row's contribution in words: the CVs it moved most, signed (negative helps). */
export function contributionText(effects: readonly { label: string; effect: number | null }[]): string {
  const moved = effects
    .filter((e): e is { label: string; effect: number } => e.effect !== null && Math.abs(e.effect) >= 0.0005)
    .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
  if (!moved.length) return '差异系数几乎不变';
  return moved
    .slice(0, 4)
    .map(
      (e) =>
        `${e.label} ${e.effect > 0 ? '+' : '−'}${fmt(Math.abs(e.effect), 3)}${e.effect > 0 ? '（变差）' : '（改善）'}`,
    )
    .join('，');
}

/** A cost in 元, as the reports say it: 2 400 000 元 → 240.00 万元. */
export const costText = (x: number): string => (x >= 10_000 ? `${fmt(x / 10_000, 2)} 万元` : `${fmt(x, 0)} 元`);

export const COMPARISON_NOTE =
  '“✗”为未达到差异系数标准；“变化”为方案减现状，括号内标明较现状改善或变差（差异系数越小越好，达标学校越多越好）。';
export const CONTRIBUTION_NOTE =
  '“作用”是本方案的差异系数减去去掉该行后（其余各行照做）的差异系数：负数表示该行使差异系数变小（改善）。';
export const SCENARIO_INTRO =
  '每个方案都从现状出发，按表中顺序逐行调整后，用与 balance-check 检查相同的方法重新计算；各方案互不影响。';

/** A county's comparison, one table a part (小学差异系数, 学校达标, …), as plain text cells. */
export function comparisonTables(
  model: ScenarioModel,
  county: CountyComparison,
): { part: string; table: WrittenTable }[] {
  const alts = model.columns.slice(1);
  const header = ['项目', '标准', ...model.columns, ...alts.map((a) => `变化（${a}）`)];
  const align = header.map((_, k): Align => (k < 2 ? 'l' : 'r'));
  const parts: { part: string; table: WrittenTable }[] = [];
  let rows: string[][] = [];
  for (const m of county.metrics) {
    if (parts.at(-1)?.part !== m.part) parts.push({ part: m.part, table: { header, rows: (rows = []), align } });
    rows.push([
      m.label,
      thresholdText(m) || betterText(m),
      ...model.columns.map((_, k) => cellText(m, k)),
      ...alts.map((_, k) => changeCellText(m, k + 1) || '—'),
    ]);
  }
  return parts;
}

/** An alternative's rows: what each did (the CVs without it), and its cost where priced. */
export function changesTable(a: AlternativeModel): WrittenTable {
  const priced = a.cost !== null;
  return {
    header: ['行', '调整', '说明', ...(priced ? ['投入'] : []), '作用'],
    align: ['r', 'l', 'l', ...(priced ? (['r'] as const) : []), 'l'] satisfies Align[],
    rows: a.changes.map((r) => [
      String(r.change.row),
      r.text,
      r.change.note || '—',
      ...(priced ? [r.cost === null ? '—' : costText(r.cost)] : []),
      r.contributions ? contributionText(r.contributions) : (r.reason ?? '—'),
    ]),
  };
}

/** The alternative's total cost sentence, or null without unit costs. */
export const costSentence = (a: AlternativeModel): string | null =>
  a.cost === null ? null : `估算投入合计 ${costText(a.cost)}（按 --unit-cost 给出的单价，只计新增和新建学校）。`;

/** After the alternative: its compliant schools and every CV, in one sentence. */
export function afterSentence(model: ScenarioModel, a: AlternativeModel): string | null {
  const county = a.report.counties[0];
  if (!county) return null;
  const cvs = county.levels.flatMap((l) =>
    model.profile.indicators.map(
      (i) => `${l.level === 'primary' ? '小学' : '初中'}${i.short} ${fmtCv(l.result.indicators[i.id]?.cv ?? null)}`,
    ),
  );
  return `调整后：达标学校 ${county.compliantSchools}/${county.schoolCount} 所；差异系数 ${cvs.join('，')}。`;
}
