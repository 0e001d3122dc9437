/**
 * The least-cost plan (src/engine/plan.ts) on counties small enough to work by hand: two primary schools of 100
 * students at the 2017 standards, one with 体育运动场馆 of 600 ㎡ (6.0 a student, 80 % of 7.5: under the 85 % floor,
 * so it needs 6.375 to be compliant). The plan's statuses and reasons, the floors alone, the water level a target
 * needs, a budget, unit costs, and the 2012 composite plan's cases. CVs checked with the plain formula.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { evaluateSection, type SectionResult } from '../../src/engine/compliance';
import { compositePlan, planIndicator, planLevel, valuesAfter } from '../../src/engine/plan';
import { YOUZHI_2017, type Profile } from '../../src/engine/profile';
import { JIBEN_2012 } from '../../src/engine/profiles';
import { sectionSchool } from '../../src/engine/sections';
import type { SchoolRecord } from '../../src/engine/types';
import { plainCv } from '../helpers/plain-cv';
import { primaryAtStandard, school } from '../helpers/records';

function sections(profile: Profile, ...resources: [students: number, SchoolRecord['resources']][]): SectionResult[] {
  return resources.flatMap(([P, res], k) => {
    const r = sectionSchool(school(`第${k + 1}小学`, '小学', { primary: P }, res), profile);
    return 'sections' in r ? r.sections.map((s) => evaluateSection(s, profile)) : [];
  });
}

const sportsOf = (p: Profile) => p.indicators.find((i) => i.id === 'sports_space')!;
const cv = (...values: number[]) => plainCv(values.map((value) => ({ value, weight: 100 }))).cv!;

describe('planIndicator on two schools (7.5 and 6.0 ㎡ a student)', () => {
  let profile!: Profile;
  let results!: SectionResult[];
  beforeEach(() => {
    profile = structuredClone(YOUZHI_2017);
    results = sections(profile, [100, primaryAtStandard(100)], [100, { ...primaryAtStandard(100), sportsSpace: 600 }]);
  });

  it('at the profile’s target (0.5): only the floor, 37.5 ㎡ to the second school', () => {
    const p = planIndicator('primary', results, sportsOf(profile), profile);
    expect(p).toMatchObject({
      status: 'planned',
      target: 0.5,
      reason: null,
      waterLevel: null,
      budget: null,
      cost: null,
    });
    expect(p.total).toBe(37.5);
    expect(p.forFloors).toBe(37.5);
    expect(p.additions).toHaveLength(1);
    expect(p.additions[0]!.section).toBe(results[1]);
    expect(p.additions[0]!.add).toBe(37.5);
    expect(p.additions[0]!.before).toBe(6);
    expect(p.additions[0]!.after).toBeCloseTo(6.375, 12);
    expect(p.additions[0]!.floor).toBeCloseTo(6.375, 12);
    expect(p.cvBefore).toBeCloseTo(cv(7.5, 6), 12);
    expect(p.cvAfter).toBeCloseTo(cv(7.5, 6.375), 12);
    expect(valuesAfter(p, results)).toEqual([7.5, 6.375]);
  });

  it('at a target of 0.05: lifted to L = 7.125 / 1.05, rounded up to 0.1 ㎡ (78.6 ㎡), of which 37.5 for the floor', () => {
    // Two equal weights: CV = (7.5 − L) / (7.5 + L) = 0.05 at L = 7.125 / 1.05.
    const p = planIndicator('primary', results, sportsOf(profile), profile, { target: 0.05 });
    expect(p.status).toBe('planned');
    expect(p.waterLevel!).toBeCloseTo(7.125 / 1.05, 9);
    expect(p.total).toBe(78.6);
    expect(p.forFloors).toBe(37.5);
    expect(p.additions.map((a) => [a.section, a.add])).toEqual([[results[1], 78.6]]);
    expect(p.additions[0]!.after).toBeCloseTo(6.786, 12);
    expect(p.cvAfter).toBeCloseTo(cv(7.5, 6.786), 12);
    expect(p.cvAfter!).toBeLessThanOrEqual(0.05);
  });

  it('a compliant school lifted to the water level has no floor; the floor counts only the other’s 37.5', () => {
    // A third school at 7.0 (93 % of 7.5: compliant). At 0.02, 乙 and 丙 are lifted to L with
    // (7.5 − L)·√2 / (7.5 + 2L) = 0.02: L = 7.5 − 0.45 / (√2 + 0.04) = 7.19055…, so 119.1 and 19.1 ㎡.
    const three = [...results, ...sections(profile, [100, { ...primaryAtStandard(100), sportsSpace: 700 }])];
    const p = planIndicator('primary', three, sportsOf(profile), profile, { target: 0.02 });
    expect(p.waterLevel!).toBeCloseTo(7.5 - 0.45 / (Math.SQRT2 + 0.04), 9);
    expect(p.additions.map((a) => [a.section, a.add, a.floor])).toEqual([
      [three[1], 119.1, 6.375],
      [three[2], 19.1, null],
    ]);
    expect(p.forFloors).toBe(37.5);
    expect(p.total).toBe(138.2);
  });

  it('an indicator per 100 students (骨干教师): whole teachers, values per 100 after', () => {
    // 乙 has none (0 of 1.0 per 100: under the floor); one teacher brings it to 1.0 per 100, as 甲.
    const backbone = profile.indicators.find((i) => i.id === 'backbone_teachers')!;
    const two = sections(
      profile,
      [100, primaryAtStandard(100)],
      [100, { ...primaryAtStandard(100), backboneTeachers: 0 }],
    );
    const p = planIndicator('primary', two, backbone, profile);
    expect(p.additions.map((a) => [a.add, a.before, a.after, a.floor])).toEqual([[1, 0, 1, 1]]);
    expect(p.cvAfter).toBe(0);
    expect(valuesAfter(p, two)).toEqual([1, 1]);
  });

  it('within a budget of 50 ㎡: the lowest lifted to 6.5, the whole budget spent', () => {
    const p = planIndicator('primary', results, sportsOf(profile), profile, {
      target: 0.05,
      budget: { sports_space: 50 },
      unitCosts: { sports_space: 3000 },
    });
    expect(p.status).toBe('budget');
    expect(p.budget).toBe(50);
    expect(p.waterLevel!).toBeCloseTo(6.5, 8);
    expect(p.total).toBe(50);
    expect(p.forFloors).toBe(37.5);
    expect(p.cost).toBe(150000);
    expect(p.additions.map((a) => [a.section, a.add])).toEqual([[results[1], 50]]);
    expect(p.cvAfter).toBeCloseTo(cv(7.5, 6.5), 12);
  });

  it('a budget of exactly the plan gives the plan; of one unit less, a budget plan', () => {
    const at = planIndicator('primary', results, sportsOf(profile), profile, {
      target: 0.05,
      budget: { sports_space: 78.6 },
    });
    expect([at.status, at.total]).toEqual(['planned', 78.6]);
    const under = planIndicator('primary', results, sportsOf(profile), profile, {
      target: 0.05,
      budget: { sports_space: 78.5 },
    });
    expect([under.status, under.total]).toEqual(['budget', 78.5]);
  });

  it('a budget that covers lifting every school to the highest gives the plan as it is', () => {
    // Lifting to 7.5 costs 150 ㎡: a budget of 150 (more than the plan’s 78.6) is not a budget plan.
    const p = planIndicator('primary', results, sportsOf(profile), profile, {
      target: 0.05,
      budget: { sports_space: 150 },
    });
    expect([p.status, p.total]).toEqual(['planned', 78.6]);
  });

  it('a budget below the floor’s need, with one school under the floor: a budget plan that keeps to it', () => {
    // One school of 100 at 6.0 ㎡ a student; the plan needs 37.5 ㎡ for the floor (6.375). Lifting it to today’s
    // highest value (its own) costs nothing, so the budget’s level lies above every present value: 10 ㎡ lift it
    // to 6.1, not the whole plan at 37.5.
    const one = sections(profile, [100, { ...primaryAtStandard(100), sportsSpace: 600 }]);
    const p = planIndicator('primary', one, sportsOf(profile), profile, { budget: { sports_space: 10 } });
    expect(p.status).toBe('budget');
    expect(p.total).toBe(10);
    expect(p.waterLevel!).toBeCloseTo(6.1, 8);
    expect(p.additions.map((a) => [a.section, a.add])).toEqual([[one[0], 10]]);
    // Every budget under the plan’s 37.5 ㎡, in whole units of 0.1 ㎡: a budget plan, never over it.
    for (let tenths = 1; tenths < 375; tenths += 7) {
      const b = planIndicator('primary', one, sportsOf(profile), profile, { budget: { sports_space: tenths / 10 } });
      expect([b.status, b.total <= tenths / 10 + 1e-9]).toEqual(['budget', true]);
    }
  });

  it('an indicator already there: nothing added, the CV as it is', () => {
    const teaching = profile.indicators.find((i) => i.id === 'teaching_space')!;
    const p = planIndicator('primary', results, teaching, profile, { unitCosts: { teaching_space: 1000 } });
    expect(p).toMatchObject({ status: 'already', additions: [], total: 0, forFloors: 0, cvBefore: 0, cvAfter: 0 });
    expect(p.cost).toBeNull();
  });

  it('planLevel: the cost sums the priced indicators, null when none is priced', () => {
    expect(planLevel('primary', results, profile).cost).toBeNull();
    const priced = planLevel('primary', results, profile, { unitCosts: { sports_space: 3000 } });
    expect(priced.level).toBe('primary');
    expect(priced.indicators.map((p) => p.indicator.id)).toEqual(profile.indicators.map((i) => i.id));
    expect(priced.cost).toBe(37.5 * 3000);
  });

  it('no students, a target of 0 or NaN: unreachable, and why', () => {
    const sports = sportsOf(profile);
    expect(planIndicator('primary', [], sports, profile)).toMatchObject({
      status: 'unreachable',
      reason: '此学段没有在校生，差异系数无从计算',
      cvBefore: null,
    });
    for (const target of [0, Number.NaN])
      expect(planIndicator('primary', results, sports, profile, { target })).toMatchObject({
        status: 'unreachable',
        reason: `目标差异系数为 ${target}：须各校生均值完全相等，按整数或最小单位配置做不到`,
        additions: [],
      });
  });
});

/** The 2012 method's eight fields, alike a student in every school (CV 0) but for what a test changes. */
const even2012 = (P: number, change: Partial<SchoolRecord['resources']> = {}): SchoolRecord['resources'] => ({
  ...primaryAtStandard(P),
  computers: P / 10,
  books: 30 * P,
  teachers: P / 20,
  midTitleTeachers: P / 40,
  ...change,
});

describe('the 2012 method (no compliance floors)', () => {
  let profile!: Profile;
  beforeEach(() => {
    profile = structuredClone(JIBEN_2012);
  });

  it('an indicator 0 in every school: no CV, and why', () => {
    const results = sections(
      profile,
      [100, even2012(100, { sportsSpace: 0 })],
      [200, even2012(200, { sportsSpace: 0 })],
    );
    expect(planIndicator('primary', results, sportsOf(profile), profile)).toMatchObject({
      status: 'unreachable',
      reason: '全县此项均为 0，且没有达标要求：差异系数无定义',
    });
  });

  it('a section at 0 among others is lifted, not a reason to give up', () => {
    const results = sections(profile, [100, even2012(100, { sportsSpace: 0 })], [100, even2012(100)]);
    const p = planIndicator('primary', results, sportsOf(profile), profile, { target: 0.5 });
    expect(p.status).toBe('planned');
    // (7.5 − L) / (7.5 + L) = 0.5 at L = 2.5: 250 ㎡.
    expect(p.total).toBe(250);
  });

  it('floors alone exactly at the target: already there (1 and 3 ㎡ a student: CV 0.5)', () => {
    const results = sections(
      profile,
      [100, even2012(100, { sportsSpace: 100 })],
      [100, even2012(100, { sportsSpace: 300 })],
    );
    expect(planIndicator('primary', results, sportsOf(profile), profile, { target: 0.5 })).toMatchObject({
      status: 'already',
      waterLevel: null,
      additions: [],
      cvAfter: 0.5,
    });
  });

  it('whole units that leave the CV above the target: one more unit at a time to the lowest (first) section', () => {
    // 计算机 per 100: 9.5, 9.5 (1 000 students each) and 0 (10 students). At 0.003 the small school is lifted to
    // about 9.1, rounded up to 1 computer (10 per 100): CV 0.0037. One more to 甲 (9.6), one more to 乙: CV 0.00293.
    const computers = profile.indicators.find((i) => i.id === 'computers')!;
    const results = sections(
      profile,
      [1000, even2012(1000, { computers: 95 })],
      [1000, even2012(1000, { computers: 95 })],
      [10, even2012(10, { computers: 0 })],
    );
    const p = planIndicator('primary', results, computers, profile, { target: 0.003 });
    expect(p.additions.map((a) => [a.section, a.add, a.after])).toEqual([
      [results[0], 1, 9.6],
      [results[1], 1, 9.6],
      [results[2], 1, 10],
    ]);
    const weights = [1000, 1000, 10];
    expect(p.cvAfter).toBeCloseTo(plainCv([9.6, 9.6, 10].map((value, i) => ({ value, weight: weights[i]! }))).cv!, 12);
    expect(p.cvAfter!).toBeLessThanOrEqual(0.003);
  });

  it('compositePlan: a threshold met exactly is met (the plan found under it, asked again at its own composite)', () => {
    const results = sections(profile, [100, even2012(100)], [100, even2012(100, { sportsSpace: 350 })]);
    const n = profile.indicators.length;
    const first = compositePlan('primary', results, profile, { target: 0.21 / n, unitCosts: { sports_space: 10 } })!;
    const again = compositePlan('primary', results, profile, {
      target: first.compositeAfter!,
      unitCosts: { sports_space: 10 },
    })!;
    expect(again.status).toBe('planned');
    expect(again.cost).toBe(first.cost);
    expect(again.compositeAfter).toBe(first.compositeAfter);
  });

  it('compositePlan: a composite exactly at the threshold is already there', () => {
    // Sports 1 and 3 ㎡ a student (CV 0.5), the rest alike: the mean of the 8 CVs is 0.0625.
    const results = sections(
      profile,
      [100, even2012(100, { sportsSpace: 100 })],
      [100, even2012(100, { sportsSpace: 300 })],
    );
    const p = compositePlan('primary', results, profile, { target: 0.0625, unitCosts: { sports_space: 1 } })!;
    expect(p).toMatchObject({ status: 'already', compositeBefore: 0.0625, compositeAfter: 0.0625, cost: 0 });
  });

  it('compositePlan: the grid reaches down to 0.005', () => {
    const results = sections(profile, [100, even2012(100)], [100, even2012(100, { sportsSpace: 350 })]);
    const n = profile.indicators.length;
    const p = compositePlan('primary', results, profile, { target: 0.005 / n, unitCosts: { sports_space: 10 } })!;
    expect(p.status).toBe('planned');
    expect(p.parts.find((x) => x.indicator.id === 'sports_space')!.cvTarget).toBe(0.005);
  });

  it('compositePlan: none for the 2017 method or without a unit cost', () => {
    const y = structuredClone(YOUZHI_2017);
    const results = sections(y, [100, primaryAtStandard(100)]);
    expect(compositePlan('primary', results, y, { unitCosts: { sports_space: 1 } })).toBeNull();
    expect(compositePlan('primary', sections(profile, [100, even2012(100)]), profile)).toBeNull();
    expect(
      compositePlan('primary', sections(profile, [100, even2012(100)]), profile, {
        unitCosts: { nothing: 1 },
      }),
    ).toBeNull();
  });

  it('compositePlan: unreachable when an indicator is 0 everywhere', () => {
    const results = sections(profile, [100, even2012(100, { sportsSpace: 0 })]);
    expect(compositePlan('primary', results, profile, { unitCosts: { sports_space: 1 } })).toMatchObject({
      status: 'unreachable',
      reason: '有指标全县为 0，差异系数无定义',
      compositeBefore: null,
      parts: [],
      cost: 0,
    });
  });

  it('compositePlan: already under the threshold, each indicator held', () => {
    const results = sections(profile, [100, even2012(100)], [100, even2012(100, { sportsSpace: 600 })]);
    const n = profile.indicators.length;
    const sports = cv(7.5, 6);
    const p = compositePlan('primary', results, profile, { unitCosts: { sports_space: 1 } })!;
    expect(p.status).toBe('already');
    expect(p.compositeBefore).toBeCloseTo(sports / n, 12);
    expect(p.compositeAfter).toBe(p.compositeBefore);
    expect(p.parts.map((x) => x.plan)).toEqual(profile.indicators.map(() => null));
    expect(p.parts.find((x) => x.indicator.id === 'sports_space')!.cvTarget).toBeCloseTo(sports, 12);
  });

  it('compositePlan: a threshold only the priced indicator can reach, at its cheapest grid step', () => {
    // 7.5 and 3.5 ㎡ a student: CV 4 / 11 alone; the others 0. Threshold 0.21 / n: sports must reach CV 0.21 or less.
    const results = sections(profile, [100, even2012(100)], [100, even2012(100, { sportsSpace: 350 })]);
    const n = profile.indicators.length;
    const p = compositePlan('primary', results, profile, { target: 0.21 / n, unitCosts: { sports_space: 10 } })!;
    expect(p.status).toBe('planned');
    expect(p.compositeBefore).toBeCloseTo(cv(7.5, 3.5) / n, 12);
    const part = p.parts.find((x) => x.indicator.id === 'sports_space')!;
    // The grid's 0.21 (0.215 is too high): (7.5 − L) / (7.5 + L) = 0.21 at L = 5.925 / 1.21 = 4.8967…, so
    // 139.67 ㎡ rounded up to 139.7 at the second school (4.897 a student), 1 397 元.
    expect(part.cvTarget).toBe(0.21);
    expect(part.plan!.total).toBe(139.7);
    expect(part.cvAfter).toBeCloseTo(cv(7.5, 4.897), 12);
    expect(p.cost).toBeCloseTo(1397, 9);
    expect(p.compositeAfter).toBeCloseTo(cv(7.5, 4.897) / n, 12);
    for (const other of p.parts.filter((x) => x !== part)) expect(other.plan).toBeNull();
  });

  it('compositePlan: unreachable when the priced indicators cannot bring the mean down', () => {
    // Teaching space differs (price none), sports does not: no price lowers the mean.
    const results = sections(profile, [100, even2012(100)], [100, even2012(100, { teachingSpace: 150 })]);
    const p = compositePlan('primary', results, profile, { target: 0.001, unitCosts: { sports_space: 10 } })!;
    expect(p).toMatchObject({
      status: 'unreachable',
      reason: '按给定单价的指标调整不足以使综合差异系数达到阈值（缺少单价的指标保持不变）',
      compositeAfter: null,
      parts: [],
    });
    expect(p.compositeBefore).toBeCloseTo(cv(4.5, 1.5) / profile.indicators.length, 12);
  });
});
