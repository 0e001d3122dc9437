/** The scenario comparison's words and cells, shared by its terminal, Markdown and Excel renderers. */
import { fmt, fmtCv } from './format';
import { STATUS_LABEL, VERDICT_LABEL } from './prose';
import type { Cell, Metric } from '../report/scenario';

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
