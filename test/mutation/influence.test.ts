/**
 * influenceOf (src/engine/influence.ts) worked by hand: each section's share of Σ P (x − x̄)², the CV without it,
 * whether it lies above the county value; largest share first, ties in input order.
 */
import { describe, expect, it } from 'vitest';
import { evaluateSection, type SectionResult } from '../../src/engine/compliance';
import { influenceOf } from '../../src/engine/influence';
import { YOUZHI_2017 } from '../../src/engine/profile';
import { sectionSchool } from '../../src/engine/sections';
import { primaryAtStandard, school } from '../helpers/records';

const space = YOUZHI_2017.indicators.find((i) => i.id === 'teaching_space')!;

/** Primary schools of 100 students with these 教学及辅助用房面积 per student. */
function county(...perStudent: number[]): SectionResult[] {
  return perStudent.flatMap((x, k) => {
    const r = sectionSchool(
      school(`第${k + 1}小学`, '小学', { primary: 100 }, { ...primaryAtStandard(100), teachingSpace: x * 100 }),
      YOUZHI_2017,
    );
    return 'sections' in r ? r.sections.map((s) => evaluateSection(s, YOUZHI_2017)) : [];
  });
}

describe('influenceOf', () => {
  it('3, 5 and 4: shares ½, ½, 0; the CV without each; above the county value 4 or not', () => {
    const results = county(3, 5, 4);
    const inf = influenceOf(results, space);
    expect(inf.map((i) => i.section)).toEqual([results[0], results[1], results[2]]);
    expect(inf.map((i) => i.share)).toEqual([0.5, 0.5, 0]);
    expect(inf.map((i) => i.above)).toEqual([false, true, false]);
    // Without 3: 5 and 4, mean 4.5, S 0.5; without 5: 3 and 4, mean 3.5, S 0.5; without 4: 3 and 5, CV 0.25.
    expect(inf[0]!.cvWithout).toBeCloseTo(0.5 / 4.5, 12);
    expect(inf[1]!.cvWithout).toBeCloseTo(0.5 / 3.5, 12);
    expect(inf[2]!.cvWithout).toBeCloseTo(0.25, 12);
  });

  it('the largest share first: 4, 6 and 2 (mean 4) give 0, ½, ½', () => {
    const results = county(4, 6, 2);
    expect(influenceOf(results, space).map((i) => i.section)).toEqual([results[1], results[2], results[0]]);
  });

  it('equal values: every share 0, the sections in input order (a county of 100, past a sort’s single run)', () => {
    const results = county(...Array.from({ length: 100 }, () => 4));
    const inf = influenceOf(results, space);
    expect(inf.every((i) => i.share === 0)).toBe(true);
    expect(inf.map((i) => i.section)).toEqual(results);
  });

  it('one section: no CV without it and no share; with 0 left, no CV either; nothing for no sections', () => {
    const [one] = influenceOf(county(3), space);
    expect(one).toMatchObject({ share: 0, cvWithout: null, above: false });
    const zeroAndTwo = influenceOf(county(0, 2), space);
    // Without 2 only 0 is left (mean 0: no CV); without 0 only 2 (CV 0).
    expect(zeroAndTwo.find((i) => i.above)!.cvWithout).toBeNull();
    expect(zeroAndTwo.find((i) => !i.above)!.cvWithout).toBe(0);
    expect(influenceOf([], space)).toEqual([]);
  });
});
