/** The value and standard of a county item in words, for messages and every renderer. */
import { fmt } from '../common/number';
import type { ChecklistResult, ConditionResult } from './results';
import type { Condition } from './checklist-rules';

const pct = (x: number) => `${fmt(x * 100, 2)}%`;

export function conditionValue(c: ConditionResult): string {
  if (c.value === null) return '未提供';
  if (typeof c.value === 'boolean') return c.value ? '是' : '否';
  const cond = c.condition;
  if (cond.kind === 'ratio') return cond.share ? pct(c.value) : fmt(c.value, 3);
  if (c.reference !== undefined) return `教师${fmt(c.value, 0)}元，公务员${fmt(c.reference, 0)}元`;
  return `${fmt(c.value, 0)}元`;
}

export function conditionStandard(c: Condition): string {
  switch (c.kind) {
    case 'yesno':
      return '是';
    case 'amount':
      return `≥ ${fmt(c.min, 0)}元`;
    case 'notBelow':
      return '不低于当地公务员';
    case 'ratio': {
      const show = (x: number) => (c.share ? pct(x).replace('.00%', '%') : String(x));
      return c.min !== undefined ? `≥ ${show(c.min)}` : `< ${show(c.below!)}`;
    }
  }
}

/** "交流轮岗比例 12.50%（≥ 10%）；骨干教师占交流轮岗教师比例 25.00%（≥ 20%）" */
export function itemValueText(r: Pick<ChecklistResult, 'conditions'>): string {
  return r.conditions.map((c) => `${c.condition.label} ${conditionValue(c)}`).join('；');
}
/** The conditions that fail, each with its standard: "骨干教师占交流轮岗教师比例 18.28%（应 ≥ 20%）". */
export function itemFailText(r: Pick<ChecklistResult, 'conditions'>): string {
  return r.conditions
    .filter((c) => c.status === 'not_met')
    .map((c) => `${c.condition.label} ${conditionValue(c)}（应 ${conditionStandard(c.condition)}）`)
    .join('；');
}
