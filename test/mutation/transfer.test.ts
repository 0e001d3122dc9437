/**
 * transferPlan (src/engine/transfer.ts) on counties small enough to work by hand: nothing to plan, already under
 * the target (at it too), the fewest moves stopping as soon as the CV reaches the target, a donor that may give down
 * to its standard and no further, and hires where moves cannot. CVs checked with the plain formula (helpers/plain-cv).
 */
import { describe, expect, it } from 'vitest';
import { evaluateSection, type SectionResult } from '../../src/engine/compliance';
import { YOUZHI_2017 } from '../../src/engine/profile';
import { sectionSchool } from '../../src/engine/sections';
import { transferPlan } from '../../src/engine/transfer';
import { plainCv } from '../helpers/plain-cv';
import { primaryAtStandard, school } from '../helpers/records';

const profile = YOUZHI_2017;
const backbone = profile.indicators.find((i) => i.id === 'backbone_teachers')!;

/** Primary schools of the given students and 骨干教师 counts, at the standards otherwise. */
function county(...schools: [students: number, backbone: number][]): SectionResult[] {
  return schools.flatMap(([P, b], k) => {
    const r = sectionSchool(
      school(`第${k + 1}小学`, '小学', { primary: P }, { ...primaryAtStandard(P), backboneTeachers: b }),
      profile,
    );
    return 'sections' in r ? r.sections.map((s) => evaluateSection(s, profile)) : [];
  });
}

describe('transferPlan', () => {
  it('no sections: nothing to plan, and why', () => {
    const p = transferPlan('primary', [], backbone, profile, 0.3);
    expect(p).toMatchObject({ status: 'unreachable', reason: '此学段没有在校生', moves: [], moved: 0, hires: [] });
  });

  it('a target of 0 or below: no plan in whole teachers, and why', () => {
    for (const target of [0, -0.1])
      expect(transferPlan('primary', county([100, 3], [100, 1]), backbone, profile, target)).toMatchObject({
        status: 'unreachable',
        reason: `目标差异系数为 ${target}：按整人调配做不到`,
        moves: [],
      });
  });

  it('3 and 1 per 100 (CV 0.5): already there at a target of 0.5; one move at 0.1', () => {
    const results = county([100, 3], [100, 1]);
    expect(transferPlan('primary', results, backbone, profile, 0.5)).toMatchObject({ status: 'already', moves: [] });
    const p = transferPlan('primary', results, backbone, profile, 0.1);
    expect(p.status).toBe('transfers');
    expect(p.moved).toBe(1);
    expect(p.moves.map((m) => [m.from, m.to, m.teachers])).toEqual([[results[0], results[1], 1]]);
    expect(p.cvAfter).toBe(0);
    expect(p.hires).toEqual([]);
  });

  it('5 and 1 per 100: one move gives 4 and 2, CV 1/3; with that target, it stops there', () => {
    const results = county([100, 5], [100, 1]);
    const third = plainCv([
      { value: 4, weight: 100 },
      { value: 2, weight: 100 },
    ]).cv!;
    const p = transferPlan('primary', results, backbone, profile, third);
    expect(p.status).toBe('transfers');
    expect(p.moved).toBe(1);
    expect(p.cvAfter).toBeCloseTo(1 / 3, 12);
  });

  it('a donor gives down to its standard (2 → 1 per 100), not below it', () => {
    const results = county([100, 2], [100, 0]);
    const p = transferPlan('primary', results, backbone, profile, 0.1);
    expect(p.status).toBe('transfers');
    expect(p.moves.map((m) => [m.from, m.to, m.teachers])).toEqual([[results[0], results[1], 1]]);
  });

  it('no donor above its standard: hires where the value is lowest, as many as the target needs', () => {
    // 1.0, 1.0 and 0.125 per 100: 甲 and 乙 at the standard cannot give.
    const results = county([1000, 10], [1000, 10], [800, 1]);
    const p = transferPlan('primary', results, backbone, profile, 0.2);
    // The fewest hires at 丙 that bring the plain CV to 0.2.
    let k = 0;
    const cvWith = (h: number) =>
      plainCv([
        { value: 1, weight: 1000 },
        { value: 1, weight: 1000 },
        { value: ((1 + h) / 800) * 100, weight: 800 },
      ]).cv!;
    while (cvWith(k) > 0.2) k++;
    expect(p.status).toBe('transfers_and_hires');
    expect(p.moved).toBe(0);
    expect(p.moves).toEqual([]);
    expect(p.hired).toBe(k);
    expect(p.hires.map((h) => [h.section, h.teachers])).toEqual([[results[2], k]]);
    expect(p.cvAfter).toBeCloseTo(cvWith(k), 12);
  });
});

describe('transferPlan: no county value, and no plan at all', () => {
  it('no 骨干教师 anywhere (no CV): one hire each makes the values equal, CV 0', () => {
    const results = county([100, 0], [100, 0]);
    const p = transferPlan('primary', results, backbone, profile, 0.1);
    expect(p.cvBefore).toBeNull();
    expect(p.status).toBe('transfers_and_hires');
    expect(p.hired).toBe(2);
    expect(p.cvAfter).toBe(0);
  });

  it('a target only equal values meet, out of reach of 100 000 hires: unreachable, and why', () => {
    // 99 991 and 99 989 students (coprime): equal values need 99 991 and 99 989 teachers or multiples.
    const results = county([99_991, 1], [99_989, 0]);
    const p = transferPlan('primary', results, backbone, profile, 1e-15);
    expect(p.status).toBe('unreachable');
    expect(p.reason).toBe('调配与新增教师均无法使差异系数达到目标');
    expect(p.hires).toEqual([]);
  });
});

describe('transferPlan: who gives and who receives', () => {
  it('only a section above the county value gives: with none able to, one below it never gives to one further below', () => {
    // 1 per 100 is the 骨干教师 standard. 甲 10 per 100 (1 of 10 students) would fall to 0: it cannot give.
    // 乙 1.1 per 100 could give down to 1.0, and moving one to 丙 (0 of 50) would lower the CV — but 乙 is below the
    // county value (12 of 1 060 students, 1.132 per 100): not a donor. So the plan hires.
    const results = county([10, 1], [1000, 11], [50, 0]);
    const p = transferPlan('primary', results, backbone, profile, 0.3);
    expect(p.moves).toEqual([]);
    expect(p.moved).toBe(0);
    expect(p.status).toBe('transfers_and_hires');
    // Nor one exactly at it: 乙 at 2.0 per 100 (20 of 1 000), the county 21 of 1 050 students, 2.0 per 100.
    const at = transferPlan('primary', county([10, 1], [1000, 20], [40, 0]), backbone, profile, 0.3);
    expect(at.moves).toEqual([]);
    expect(at.status).toBe('transfers_and_hires');
  });

  it('without a standard (a CV-only indicator, as in the 2012 method) a section may give its only teacher', () => {
    // 甲 1 of 10 students (10 per 100), 乙 0 of 1 000: one move gives 0 and 0.1 per 100, CV 0.1 (weights 10 and 1 000).
    const results = county([10, 1], [1000, 0]);
    const p = transferPlan('primary', results, { ...backbone, standard: null }, profile, 0.2);
    expect(p.status).toBe('transfers');
    expect(p.moves.map((m) => [m.from, m.to, m.teachers])).toEqual([[results[0], results[1], 1]]);
    const cv = plainCv([
      { value: 0, weight: 10 },
      { value: 0.1, weight: 1000 },
    ]).cv!;
    expect(p.cvAfter).toBeCloseTo(cv, 12);
  });

  it('a move that gains nothing is not made: 3 and 2 per 100 swapped are the same county; hires instead', () => {
    // Values one teacher apart: moving one from the 3 to the 2 gives 2 and 3, the same spread.
    const results = county([100, 3], [100, 2]);
    const p = transferPlan('primary', results, backbone, profile, 0.1);
    expect(p.moves).toEqual([]);
    expect(p.status).toBe('transfers_and_hires');
    expect(p.hires.map((h) => [h.section, h.teachers])).toEqual([[results[1], 1]]);
    expect(p.cvAfter).toBe(0);
  });

  it('on a tie, the first section in the table gives, receives and is hired at', () => {
    // 甲 and 乙 the same (4 per 100), 丙 and 丁 the same (0): the first of each pair is named.
    const results = county([100, 4], [100, 4], [100, 0], [100, 0]);
    const p = transferPlan('primary', results, backbone, profile, 0.9);
    expect(p.moves.map((m) => [m.from, m.to, m.teachers])).toEqual([[results[0], results[2], 1]]);
    // 1, 0 and 0 per 100; 甲 at the standard cannot give: hires, the first lowest first (CV 0.71 after one, 0 after two).
    const lows = county([100, 1], [100, 0], [100, 0]);
    const hires = transferPlan('primary', lows, backbone, profile, 0.6);
    expect(hires.moves).toEqual([]);
    expect(hires.hires.map((h) => [h.section, h.teachers])).toEqual([
      [lows[1], 1],
      [lows[2], 1],
    ]);
  });
});
