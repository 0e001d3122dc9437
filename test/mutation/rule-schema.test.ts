/**
 * The helpers of src/engine/rule-schema.ts: keyword sets written compactly ("残疾+入学-率|残疾+在校"), the figures a
 * condition reads (the ready figure first), and what a whole item reads (every figure once; the ready ones; the
 * 是/否 rows). Conditions built in the test, as a profile would give them.
 */
import { describe, expect, it } from 'vitest';
import {
  conditionInputs,
  itemInputs,
  keywordSets,
  type ChecklistItem,
  type Condition,
} from '../../src/engine/rule-schema';

const ratio = (orYesNo?: string): Condition => ({
  kind: 'ratio',
  id: 'r',
  label: '比例',
  ready: 'rate',
  numerator: [
    { input: 'a', sign: 1 },
    { input: 'b', sign: 1 },
  ],
  denominator: [
    { input: 'c', sign: 1 },
    { input: 'a', sign: -1 },
  ],
  min: 0.5,
  share: true,
  ...(orYesNo ? { orYesNo } : {}),
});
const yesno: Condition = { kind: 'yesno', id: 'y', label: '是否', input: 'yes' };
const amount: Condition = { kind: 'amount', id: 'm', label: '金额', input: 'money', min: 6000 };
const notBelow: Condition = {
  kind: 'notBelow',
  id: 'n',
  label: '不低于',
  input: 'pay',
  reference: 'civil',
  orYesNo: 'payOk',
};
const item = (conditions: Condition[]): ChecklistItem => ({
  id: 'i',
  dimension: 'guarantee',
  number: 1,
  name: '项',
  aliases: [],
  conditions,
});

describe('keywordSets', () => {
  it('sets split at |, words at +, words to avoid after -; empty sets dropped', () => {
    expect(keywordSets('残疾+入学-率|残疾+在校')).toEqual([
      { all: ['残疾', '入学'], none: ['率'] },
      { all: ['残疾', '在校'], none: [] },
    ]);
    expect(keywordSets('班额')).toEqual([{ all: ['班额'], none: [] }]);
    expect(keywordSets('规模-校额-办学|')).toEqual([{ all: ['规模'], none: ['校额', '办学'] }]);
    expect(keywordSets('')).toEqual([]);
  });
});

describe('conditionInputs', () => {
  it('yes/no and amount: their one figure; notBelow: both figures and the 是/否 row', () => {
    expect(conditionInputs(yesno)).toEqual(['yes']);
    expect(conditionInputs(amount)).toEqual(['money']);
    expect(conditionInputs(notBelow)).toEqual(['pay', 'civil', 'payOk']);
  });

  it('ratio: the ready figure, the numerator’s, the denominator’s, then the 是/否 row when there is one', () => {
    expect(conditionInputs(ratio())).toEqual(['rate', 'a', 'b', 'c', 'a']);
    expect(conditionInputs(ratio('ok'))).toEqual(['rate', 'a', 'b', 'c', 'a', 'ok']);
  });
});

describe('itemInputs', () => {
  it('every figure once, in order; the ready ones; the 是/否 rows', () => {
    expect(itemInputs(item([yesno, amount, notBelow, ratio('ok')]))).toEqual({
      all: ['yes', 'money', 'pay', 'civil', 'payOk', 'rate', 'a', 'b', 'c', 'ok'],
      ready: ['money', 'rate'],
      yesno: ['yes', 'payOk', 'ok'],
    });
    expect(itemInputs(item([ratio()]))).toEqual({ all: ['rate', 'a', 'b', 'c'], ready: ['rate'], yesno: [] });
    expect(itemInputs(item([]))).toEqual({ all: [], ready: [], yesno: [] });
  });
});
