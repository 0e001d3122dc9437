// What a county-sheet row name means (src/schema/county-sheet/meaning.ts): the figure or item, or several, or none.
// Each expectation written out by hand from the 2017 profile's figures and items (indicators.md §3–5).
import { describe, expect, it } from 'vitest';
import { itemInputs, type ChecklistItem } from '../../src/engine/checklist-rules';
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
