/**
 * The words of a county item's value and standard (src/engine/checklist-text.ts), as the reports print them:
 * a share as a percentage with two decimals (its standard without “.00”), a plain ratio to 3 decimals, 元 in whole
 * units with thousands separators, 是 / 否, 未提供 for a value not given; the failing conditions with “应 …”.
 */
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/engine/checklist-rules';
import { conditionStandard, conditionValue, itemFailText, itemValueText } from '../../src/engine/checklist-text';
import type { ConditionResult } from '../../src/engine/results';

const ratio = (over: Partial<Extract<Condition, { kind: 'ratio' }>>): Condition => ({
  kind: 'ratio',
  id: 'r',
  label: '交流轮岗比例',
  ready: 'rotation',
  numerator: [],
  denominator: [],
  min: 0.1,
  share: true,
  ...over,
});
const yesno: Condition = { kind: 'yesno', id: 'y', label: '规划布局合理', input: 'planning' };
const amount: Condition = { kind: 'amount', id: 'a', label: '特殊教育学校生均公用经费', input: 'sp', min: 6000 };
const notBelow: Condition = {
  kind: 'notBelow',
  id: 'n',
  label: '教师平均工资收入',
  input: 'pay',
  reference: 'civil',
  orYesNo: 'payYes',
};
const result = (
  condition: Condition,
  value: ConditionResult['value'],
  over: Partial<ConditionResult> = {},
): ConditionResult => ({ condition, value, status: 'met', source: 'ready', ...over });

describe('conditionValue', () => {
  it('each kind of value in words', () => {
    expect(conditionValue(result(yesno, null))).toBe('未提供');
    expect(conditionValue(result(yesno, true))).toBe('是');
    expect(conditionValue(result(yesno, false))).toBe('否');
    expect(conditionValue(result(ratio({}), 0.125))).toBe('12.50%');
    expect(conditionValue(result(ratio({ share: false, min: undefined, below: 0.15 }), 0.1234))).toBe('0.123');
    expect(conditionValue(result(amount, 6543.5))).toBe('6,544元');
    expect(conditionValue(result(notBelow, 98765, { reference: 87654 }))).toBe('教师98,765元，公务员87,654元');
  });
});

describe('conditionStandard', () => {
  it('each kind of standard in words', () => {
    expect(conditionStandard(yesno)).toBe('是');
    expect(conditionStandard(amount)).toBe('≥ 6,000元');
    expect(conditionStandard(notBelow)).toBe('不低于当地公务员');
    expect(conditionStandard(ratio({ min: 0.1 }))).toBe('≥ 10%');
    expect(conditionStandard(ratio({ min: 0.965 }))).toBe('≥ 96.50%');
    expect(conditionStandard(ratio({ share: false, min: undefined, below: 0.15 }))).toBe('< 0.15');
  });
});

describe('item texts', () => {
  const conditions = [
    result(ratio({}), 0.125),
    result(ratio({ id: 'b', label: '骨干教师占交流轮岗教师比例', min: 0.2 }), 0.1828, { status: 'not_met' }),
  ];
  it('every condition with its value, and the failing ones with their standard', () => {
    expect(itemValueText({ conditions })).toBe('交流轮岗比例 12.50%；骨干教师占交流轮岗教师比例 18.28%');
    expect(itemFailText({ conditions })).toBe('骨干教师占交流轮岗教师比例 18.28%（应 ≥ 20%）');
    const both = [
      result(yesno, false, { status: 'not_met' }),
      ...conditions,
      result(amount, null, { status: 'not_provided' }),
    ];
    expect(itemFailText({ conditions: both })).toBe(
      '规划布局合理 否（应 是）；骨干教师占交流轮岗教师比例 18.28%（应 ≥ 20%）',
    );
  });
});
