// What a county-sheet row name means (src/schema/county-sheet/meaning.ts): the figure or item, or several, or none.
// Each expectation written out by hand from the 2017 profile's figures and items (indicators.md §3–5).
import { describe, expect, it } from 'vitest';
import {
  itemInputs,
  WORDING_2017,
  type ChecklistItem,
  type Condition,
  type CountyInput,
} from '../../src/engine/checklist-rules';
import type { Profile } from '../../src/engine/profile';
import { YOUZHI_2017 } from '../../src/engine/profile';
import type { CellValue } from '../../src/read/types';
import type { Layout } from '../../src/schema/county-sheet/layout';
import {
  closestByWords,
  match,
  matchStandard,
  meaningLabel,
  resolve,
  targetsOf,
  type Matcher,
  type Meaning,
} from '../../src/schema/county-sheet/meaning';
import type { Target } from '../../src/schema/match';

// A fresh profile (and wording) in each test: the caches are kept per object.
const matcher = (standardCols: number[] = []): Matcher => {
  const p = structuredClone(YOUZHI_2017);
  const inputById = new Map(p.countyInputs.map((i) => [i.id, i]));
  const itemOfInput = new Map<string, ChecklistItem>();
  for (const it of p.checklist) for (const id of itemInputs(it).all) if (!itemOfInput.has(id)) itemOfInput.set(id, it);
  const layout = { standardCols } as unknown as Layout;
  return { targets: targetsOf(p, inputById, p.wording), itemOfInput, inputById, w: p.wording, layout };
};
const item = (s: Matcher, id: string) =>
  s.targets.find((t) => t.value.kind === 'item' && t.value.item.id === id)!.value;
const input = (s: Matcher, id: string) =>
  s.targets.find((t) => t.value.kind === 'input' && t.value.input.id === id)!.value;
const named = (m: ReturnType<typeof match> | null) =>
  m === null
    ? null
    : m.kind === 'one'
      ? meaningLabel(m.target.value)
      : m.kind === 'several'
        ? m.targets.map((t) => meaningLabel(t.value))
        : 'none';
const target = (label: string, ...aliases: string[]): Target<Meaning> => ({
  value: { kind: 'input', input: { id: label, names: [label], unit: 'count', note: '', keywords: [] } },
  aliases,
  official: [],
  keywords: [],
});

describe('resolve and meaningLabel', () => {
  it('a figure fills itself; an item its ready figures for a number, its 是/否 ones for a 是/否, none for nothing', () => {
    const s = matcher();
    expect(resolve(input(s, 'allTeachers'), 'none')).toEqual(['allTeachers']);
    expect(resolve(item(s, 'training'), 'number')).toEqual(['trainingRate']);
    // Item 9 has no 是/否 figure: a 是/否 goes to its ready rate.
    expect(resolve(item(s, 'training'), 'yesno')).toEqual(['trainingRate']);
    expect(resolve(item(s, 'training'), 'none')).toEqual([]);
    // Item 8 has no ready figure: a number goes to its 是/否 ones.
    expect(resolve(item(s, 'teacher_pay'), 'number')).toEqual(['teacherSalaryOk', 'performancePay']);
    expect(resolve(item(s, 'teacher_pay'), 'yesno')).toEqual(['teacherSalaryOk', 'performancePay']);
    expect(resolve(item(s, 'special_funding'), 'yesno')).toEqual(['specialEdFunding']);
    expect(resolve(item(s, 'four_unified'), 'number')).toEqual(['fourUnified']);
    expect(meaningLabel(input(s, 'allTeachers'))).toBe('专任教师总数');
    expect(meaningLabel(item(s, 'special_funding'))).toBe('特殊教育学校生均公用经费不低于6000元');
  });
});

describe('closestByWords', () => {
  it('the largest share of a name held as one run, clearly ahead of the next', () => {
    const a = target('甲', '教师平均工资收入');
    const b = target('乙', '公务员平均工资收入');
    expect(closestByWords('公务员', [a, b])).toBe(b);
    expect(closestByWords('教师', [a, b])).toBe(a);
    // 平均工资收入: 6 of 8 and 6 of 9 — not clearly ahead.
    expect(closestByWords('平均工资收入', [a, b])).toBeUndefined();
    expect(closestByWords('学生', [a, b])).toBeUndefined();
    expect(closestByWords('公务员', [])).toBeUndefined();
  });

  it('two characters at least; 0.8 of the first is not clearly behind', () => {
    expect(closestByWords('甲', [target('x', '甲')])).toBeUndefined();
    expect(closestByWords('甲乙', [target('x', '甲乙')])?.aliases).toEqual(['甲乙']);
    const first = target('x', '甲乙丙丁');
    // 4 of 5 = 0.8 of 1: not clearly behind.
    expect(closestByWords('甲乙丙丁', [first, target('y', '甲乙丙丁戊')])).toBeUndefined();
    // 4 of 6: clearly.
    expect(closestByWords('甲乙丙丁', [target('y', '甲乙丙丁戊己'), first])).toBe(first);
    // The best of a target's names counts; the run is the longest one, wherever it is in either text.
    expect(
      closestByWords('丙丁和甲乙丙', [target('z', '戊戊戊戊戊戊戊戊', '甲乙丙'), target('w', '丙丁戊戊戊戊')])?.value,
    ).toEqual(target('z').value);
  });
});

describe('match', () => {
  it('an exact name or official text decides at once', () => {
    const s = matcher();
    expect(named(match(s, '专任教师总数', 'number', '', null))).toBe('专任教师总数');
    expect(match(s, '专任教师总数', 'number', '', null)).toMatchObject({ kind: 'one', how: 'alias' });
    expect(named(match(s, '特殊教育学校生均公用经费不低于6000元', 'number', '', null))).toBe(
      '特殊教育学校生均公用经费不低于6000元',
    );
    expect(match(s, '食堂面积', 'number', '', null)).toEqual({ kind: 'none' });
  });

  it('a rate word or a % picks the rate among an item’s figures', () => {
    const s = matcher();
    expect(named(match(s, '360学时培训情况', 'number', '96%', null))).toBe('教师5年360学时培训完成率');
    expect(named(match(s, '360学时培训完成比率', 'number', '0.96', null))).toBe('教师5年360学时培训完成率');
  });

  it('matchStandard reads the 评估标准 columns, the first that names one', () => {
    const s = matcher([2, 3]);
    const cells: (CellValue | undefined)[] = [
      undefined,
      { kind: 'text', text: '教师培训' },
      { kind: 'text', text: '' },
      { kind: 'text', text: '专任教师总数' },
    ];
    expect(named(matchStandard(s, cells, 'number', '', null))).toBe('专任教师总数');
    expect(matchStandard(matcher([1]), cells, 'number', '', null)).toBeNull();
    expect(matchStandard(matcher([]), cells, 'number', '', null)).toBeNull();
  });
});

// A made-up profile of a few figures and items, built in each test: which target a name means is then read off the
// rule (containing or near names, the value's kind, the item above) with nothing else near.
type Unit = CountyInput['unit'];
const fig = (id: string, unit: Unit, alias: string, keyword?: string): CountyInput => ({
  id,
  names: [alias],
  unit,
  note: '',
  keywords: keyword ? [{ all: [keyword], none: [] }] : [],
});
const amount = (input: string): Condition => ({ kind: 'amount', id: input, label: input, input, min: 0 });
const itemOf = (id: string, name: string, ...inputs: string[]): ChecklistItem => ({
  id,
  dimension: 'guarantee',
  number: 1,
  name,
  aliases: [],
  conditions: inputs.map(amount),
});
const made = (inputs: CountyInput[], items: ChecklistItem[]): Matcher => {
  const w = structuredClone(WORDING_2017);
  const inputById = new Map(inputs.map((i) => [i.id, i]));
  const itemOfInput = new Map<string, ChecklistItem>();
  for (const it of items) for (const c of it.conditions) if (c.kind === 'amount') itemOfInput.set(c.input, it);
  const profile = { countyInputs: inputs, checklist: items } as unknown as Profile;
  const layout = { standardCols: [] } as unknown as Layout;
  return { targets: targetsOf(profile, inputById, w), itemOfInput, inputById, w, layout };
};
const ids = (m: ReturnType<typeof match>) =>
  m.kind === 'one'
    ? [m.target.value.kind === 'input' ? m.target.value.input.id : m.target.value.item.id]
    : m.kind === 'several'
      ? m.targets.map((t) => (t.value.kind === 'input' ? t.value.input.id : t.value.item.id))
      : [];

describe('match: which candidates are the same, which fit the value', () => {
  it('a blank value: two figures of different items are two meanings, of one item one', () => {
    // 一二三 lies in 一二三甲 and in 一二三乙 alike.
    const apart = made(
      [fig('a', 'count', '一二三甲'), fig('b', 'count', '一二三乙')],
      [itemOf('i1', '子项', 'a'), itemOf('i2', '丑项', 'b')],
    );
    expect(match(apart, '一二三', 'none', '', null)).toMatchObject({ kind: 'several' });
    expect(ids(match(apart, '一二三', 'none', '', null))).toEqual(['a', 'b']);
    const together = made(
      [fig('a', 'count', '一二三甲'), fig('b', 'count', '一二三乙')],
      [itemOf('i1', '子项', 'a', 'b')],
    );
    expect(match(together, '一二三', 'none', '', null)).toMatchObject({ kind: 'one' });
    expect(ids(match(together, '一二三', 'none', '', null))).toEqual(['a']);
  });

  it('a number: two figures of one item are two meanings; an item and one of its two figures too', () => {
    const s = made([fig('a', 'count', '一二三甲'), fig('b', 'count', '一二三乙')], [itemOf('i1', '子项', 'a', 'b')]);
    expect(ids(match(s, '一二三', 'number', '5', null))).toEqual(['a', 'b']);
    expect(match(s, '一二三', 'number', '5', null).kind).toBe('several');
    // The item stands for a and c; the figure a alone is not the same.
    const t = made(
      [fig('a', 'count', '一二三甲'), fig('c', 'count', '子丑寅卯')],
      [itemOf('i1', '一二三乙', 'a', 'c')],
    );
    expect(match(t, '一二三', 'number', '5', null)).toMatchObject({ kind: 'several' });
    expect(ids(match(t, '一二三', 'number', '5', null))).toEqual(['a', 'i1']);
  });

  it('two items with no figure for a number are not the same; two with one figure in common neither', () => {
    const none = made([], [itemOf('i1', '一二三甲'), itemOf('i2', '一二三乙')]);
    expect(match(none, '一二三', 'number', '5', null)).toMatchObject({ kind: 'several' });
    expect(ids(match(none, '一二三', 'number', '5', null))).toEqual(['i1', 'i2']);
    const shared = made(
      [fig('a', 'count', '子丑寅卯'), fig('b', 'count', '辰巳午未'), fig('c', 'count', '申酉戌亥')],
      [itemOf('i1', '一二三甲', 'a', 'b'), itemOf('i2', '一二三乙', 'a', 'c')],
    );
    expect(match(shared, '一二三', 'number', '5', null)).toMatchObject({ kind: 'several' });
    expect(ids(match(shared, '一二三', 'number', '5', null))).toEqual(['i1', 'i2']);
  });

  it('an exact name of two different figures decides nothing', () => {
    const s = made(
      [fig('a', 'count', '一二三'), fig('b', 'count', '一二三')],
      [itemOf('i1', '子项', 'a'), itemOf('i2', '丑项', 'b')],
    );
    expect(match(s, '一二三', 'number', '5', null)).toMatchObject({ kind: 'several' });
    expect(ids(match(s, '一二三', 'number', '5', null))).toEqual(['a', 'b']);
  });

  it('one rate word (of 率, 比例, 占比 …) in the name picks the rate; a % in the value too', () => {
    const s = made([fig('a', 'count', '一二三'), fig('p', 'percent', '一二三')], []);
    expect(ids(match(s, '一二三率', 'number', '0.5', null))).toEqual(['p']);
    expect(ids(match(s, '一二三数', 'number', '0.5', null))).toEqual(['a']);
    expect(ids(match(s, '一二三数', 'number', '50%', null))).toEqual(['p']);
  });

  it('a 是/否 fits a 是/否 figure, a number any other; a blank value fits every one', () => {
    const s = () => made([fig('y', 'yesno', '一二三甲'), fig('b', 'count', '一二三乙')], [itemOf('i1', '子项', 'b')]);
    expect(ids(match(s(), '一二三', 'number', '5', null))).toEqual(['b']);
    expect(ids(match(s(), '一二三', 'yesno', '是', null))).toEqual(['y']);
    expect(match(s(), '一二三', 'none', '', null)).toMatchObject({ kind: 'several' });
    expect(ids(match(s(), '一二三', 'none', '', null))).toEqual(['y', 'b']);
  });

  it('an item fits a number only when every figure it stands for does (a count and a rate: no)', () => {
    const s = made(
      [fig('b', 'count', '一二三乙'), fig('c', 'count', '子丑寅卯'), fig('p', 'percent', '辰巳午未')],
      [itemOf('i1', '一二三甲', 'c', 'p')],
    );
    expect(match(s, '一二三', 'number', '5', null)).toMatchObject({ kind: 'one' });
    expect(ids(match(s, '一二三', 'number', '5', null))).toEqual(['b']);
  });
});

describe('match: the item above first, then everywhere', () => {
  it('under an item, its own figure first; a name of another item’s figure still found', () => {
    const s = () =>
      made(
        [fig('a', 'count', '一二三甲'), fig('b', 'count', '一二三乙')],
        [itemOf('w', '子项', 'a'), itemOf('v', '丑项', 'b')],
      );
    const m = s();
    expect(ids(match(m, '一二三', 'number', '5', m.itemOfInput.get('a')!))).toEqual(['a']);
    expect(match(m, '一二三', 'number', '5', m.itemOfInput.get('a')!).kind).toBe('one');
    // 一二三乙 names b only: not of w, found in the second scope.
    const n = s();
    expect(ids(match(n, '一二三乙', 'number', '5', n.itemOfInput.get('a')!))).toEqual(['b']);
  });

  it('weak candidates (their keywords not in the name) are chosen from only under their own item', () => {
    // a and y lie in the name but want 子 / 丑; c is the item's own figure, named nowhere near.
    const s = () =>
      made(
        [fig('a', 'count', '一二三', '子'), fig('y', 'yesno', '一二三', '丑'), fig('c', 'count', '午未申')],
        [itemOf('w', '戌亥项', 'c'), itemOf('v', '卯辰项', 'a')],
      );
    const m = s();
    const found = match(m, '一二三四', 'number', '5', m.itemOfInput.get('c')!);
    expect(found).toMatchObject({ kind: 'several', weak: true });
    expect(ids(found)).toEqual(['a', 'y']);
    // Under their own item the one that fits the value is taken: a weak several refined.
    const own = made([fig('a', 'count', '一二三甲', '子')], [itemOf('w', '戌亥项', 'a')]);
    const one = match(own, '一二三', 'number', '5', own.itemOfInput.get('a')!);
    expect(one).toEqual({ kind: 'one', target: own.targets[0], how: 'similar' });
    // Two that fit stay two.
    const two = made(
      [fig('a', 'count', '一二三甲', '子'), fig('b', 'count', '一二三乙', '丑')],
      [itemOf('w', '戌亥项', 'a', 'b')],
    );
    const both = match(two, '一二三', 'number', '5', two.itemOfInput.get('a')!);
    expect(both.kind).toBe('several');
    expect(ids(both)).toEqual(['a', 'b']);
  });

  it('near names ranked: of the best and one close behind, the one that fits the value is taken', () => {
    // The name is 21 characters (20 pairs); a figure named by 20, 19 or 18 of them scores 38/39, 36/38, 34/37:
    // the 是/否 y best, the count a 0.027 behind (a tie), the count d 0.055 behind y but 0.028 behind a.
    const name = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子';
    const s = made(
      [
        fig('y', 'yesno', name.slice(0, 20)),
        fig('a', 'count', name.slice(0, 19)),
        fig('d', 'count', name.slice(0, 18)),
      ],
      [],
    );
    // Among the counts a and d tie; among all, y and a, of which a fits a number.
    expect(match(s, name, 'number', '5', null)).toEqual({ kind: 'one', target: s.targets[1], how: 'similar' });
  });

  it('an item whose figure is not among the county figures: its guard words from the others', () => {
    const s = made([fig('a', 'count', '一二三', '子')], [itemOf('i1', '一二三项', 'a', 'nowhere')]);
    expect(s.targets[1]!.guard).toEqual([{ all: ['子'], none: [] }]);
  });
});
