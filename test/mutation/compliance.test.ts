/**
 * The per-section judgement (src/engine/compliance.ts) from outside: indicators.md §2.1 (at least 6 of 7 met, every
 * one at or above 85 % of its standard; the indicator left below its standard is the one furthest below it) and
 * §2.5 (no shortfall for a met value). Each test judges with its own copy of the profile: the standards and floors
 * are made once per profile object, so the copy makes this test the one that makes them.
 */
import { describe, expect, it } from 'vitest';
import { evaluateSection, roundUpTo, SectionResult, sectionCvs } from '../../src/engine/compliance';
import { YOUZHI_2017, type Profile } from '../../src/engine/profile';
import { sectionSchool } from '../../src/engine/sections';
import type { SchoolRecord, SchoolType } from '../../src/engine/types';
import { primaryAtStandard, school } from '../helpers/records';

const copy = (): Profile => structuredClone(YOUZHI_2017);

/** Resources at exactly the 2017 junior standards for P students. */
const juniorAtStandard = (P: number): SchoolRecord['resources'] => ({
  qualifiedTeachers: (5.3 * P) / 100,
  backboneTeachers: (1.0 * P) / 100,
  peArtsTeachers: (0.9 * P) / 100,
  teachingSpace: 5.8 * P,
  sportsSpace: 10.2 * P,
  equipmentValue: 2500 * P,
  multimediaRooms: (2.4 * P) / 100,
});

function judged(type: SchoolType, P: number, resources: SchoolRecord['resources'], profile: Profile): SectionResult {
  const level = type === '初中' ? 'junior' : 'primary';
  const r = sectionSchool(school('校', type, { [level]: P }, resources), profile);
  if (!('sections' in r)) throw new Error(r.excluded.reason);
  return evaluateSection(r.sections[0]!, profile);
}

describe('compliance: six of seven, and the 85 % floor', () => {
  it('primary: 教学用房 at 90 % of 4.5 with the rest met is compliant; at 80 % it is not', () => {
    const at90 = judged('小学', 100, { ...primaryAtStandard(100), teachingSpace: 405 }, copy());
    expect(at90.met.teaching_space).toBe(false);
    expect(at90.metCount).toBe(6);
    expect(at90.compliant).toBe(true);
    const at80 = judged('小学', 100, { ...primaryAtStandard(100), teachingSpace: 360 }, copy());
    expect(at80.compliant).toBe(false);
    expect(at80.leftAtFloor).toEqual(['teaching_space']);
  });

  it('junior: its own standards (5.8 ㎡): 5.4 ㎡ a student is not met, 4.6 is under the floor', () => {
    const below = judged('初中', 100, { ...juniorAtStandard(100), teachingSpace: 540 }, copy());
    expect(below.met.teaching_space).toBe(false);
    expect(below.met.sports_space).toBe(true);
    expect(below.compliant).toBe(true);
    expect(judged('初中', 100, { ...juniorAtStandard(100), teachingSpace: 460 }, copy()).compliant).toBe(false);
  });

  it('relative gaps: 1 − value ÷ standard below it, 0 for a met value (read first, before any other record)', () => {
    // 体育场馆 at twice its standard: met, a gap of 0 (not 1 − 2).
    const r = judged('小学', 100, { ...primaryAtStandard(100), teachingSpace: 405, sportsSpace: 1500 }, copy());
    const gaps = r.relativeGaps;
    expect(gaps.teaching_space).toBeCloseTo(0.1, 12);
    expect(gaps.sports_space).toBe(0);
    expect(gaps.qualified_teachers).toBe(0);
  });

  it('the shortfall to compliance, read first: 80 % of 4.5 raised to the floor, 3.825 × 100 − 360 = 22.5 ㎡', () => {
    const r = judged('小学', 100, { ...primaryAtStandard(100), teachingSpace: 360 }, copy());
    const toCompliance = r.shortfallToCompliance;
    expect(toCompliance.teaching_space).toBeCloseTo(22.5, 9);
    expect(toCompliance.sports_space).toBe(0);
  });

  it('two below: the one further below its standard is the one left at the floor', () => {
    // 高学历教师 3.3 of 4.2 (gap 0.21, one teacher short), 骨干教师 0.3 of 1.0 (gap 0.7).
    const r = judged('小学', 100, { ...primaryAtStandard(100), qualifiedTeachers: 3.3, backboneTeachers: 0.3 }, copy());
    expect(r.shortfall.qualified_teachers).toBe(1);
    expect(r.compliant).toBe(false);
    expect(r.leftAtFloor).toEqual(['backbone_teachers']);
  });

  it('five of seven required: one below the floor is the only one left at it', () => {
    const base = copy();
    const profile: Profile = { ...base, compliance: { ...base.compliance!, minIndicatorsMet: 5 } };
    const r = judged('小学', 100, { ...primaryAtStandard(100), teachingSpace: 360 }, profile);
    expect(r.compliant).toBe(false);
    expect(r.leftAtFloor).toEqual(['teaching_space']);
  });

  it('a value met at the compared decimals has no shortfall', () => {
    // 2 000 students, 8 999.9999992 ㎡: 4.4999999996 a student, 4.5 at 9 decimals: met, nothing to add.
    const r = judged('小学', 2000, { ...primaryAtStandard(2000), teachingSpace: 8999.9999992 }, copy());
    expect(r.met.teaching_space).toBe(true);
    expect(r.shortfall.teaching_space).toBe(0);
  });
});

describe('compliance: edges', () => {
  it('no sections: packed is empty; their CVs are none, with no students', () => {
    expect(SectionResult.packed([])).toEqual([]);
    expect(sectionCvs([], 2)).toEqual([
      { mean: 0, sd: 0, cv: null, students: 0 },
      { mean: 0, sd: 0, cv: null, students: 0 },
    ]);
  });

  it('roundUpTo: nothing to add for a surplus', () => {
    expect(roundUpTo(-0.5, 1)).toBe(0);
    expect(roundUpTo(-0.5, 0.1)).toBe(0);
    expect(roundUpTo(0.31, 0.1)).toBe(0.4);
  });
});
