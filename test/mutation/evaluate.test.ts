/**
 * evaluateLevel and evaluateCounty (src/engine/evaluate.ts) from outside, on small counties worked by hand:
 * indicators.md §2.1–2.2 (the CV rule, each or composite, the borderline flag), §2.3 (exclusions), the county's
 * actions, issues and the batch summary. Profiles are copies of the built-in one with one setting changed.
 */
import { describe, expect, it } from 'vitest';
import { evaluateSections, type SectionResult } from '../../src/engine/compliance';
import { evaluateCounty, evaluateLevel, summariseForBatch } from '../../src/engine/evaluate';
import { YOUZHI_2017, type Profile } from '../../src/engine/profile';
import { sectionSchool } from '../../src/engine/sections';
import type { SchoolRecord } from '../../src/engine/types';
import { primaryAtStandard, school } from '../helpers/records';

const withCv = (cv: Partial<Profile['cv']>): Profile => {
  const p = structuredClone(YOUZHI_2017);
  return { ...p, cv: { ...p.cv, ...cv } };
};

/** Primary schools of 100 students at the standards, but for the 教学及辅助用房面积 given (㎡) and `extra`. */
function level(space: number[], profile: Profile, extra: Partial<SchoolRecord['resources']> = {}): SectionResult[] {
  const sections = space.flatMap((s, k) => {
    const r = sectionSchool(
      school(`第${k + 1}小学`, '小学', { primary: 100 }, { ...primaryAtStandard(100), teachingSpace: s, ...extra }),
      profile,
    );
    return 'sections' in r ? r.sections : [];
  });
  return evaluateSections(sections, profile);
}

describe('evaluateLevel', () => {
  // 3 and 5 ㎡ a student, 100 students each: county 4, S = 1, CV 0.25 exactly; the other indicators CV 0.
  it('CV 0.25 against 0.5 with a margin of 0.25: borderline, at the margin itself', () => {
    const profile = withCv({ borderlineMargin: 0.25 });
    const r = evaluateLevel('primary', level([300, 500], profile), profile).indicators;
    expect(r.teaching_space!.cv).toBe(0.25);
    expect(r.teaching_space!.borderline).toBe(true);
    expect(r.teaching_space!.cvPass).toBe(true);
    expect(r.sports_space!.borderline).toBe(false);
  });

  it('CV 0.495 against 0.5: borderline; CV 0: not', () => {
    // 1.495 and 0.505 ㎡ a student: CV = 0.99 / 2.
    const r = evaluateLevel('primary', level([149.5, 50.5], YOUZHI_2017), YOUZHI_2017).indicators;
    expect(r.teaching_space!.cv).toBeCloseTo(0.495, 12);
    expect(r.teaching_space!.borderline).toBe(true);
    expect(r.equipment_value!.borderline).toBe(false);
  });

  it('schools meeting each standard and the county shortfall', () => {
    // 3 ㎡ a student is short of 4.5 by 1.5 × 100 = 150 ㎡; 5 ㎡ meets it; the rest at the standard.
    const r = evaluateLevel('primary', level([300, 500], YOUZHI_2017), YOUZHI_2017);
    expect(r.indicators.teaching_space!.schoolsMeeting).toBe(1);
    expect(r.indicators.sports_space!.schoolsMeeting).toBe(2);
    expect(r.shortfallTotals.toStandard.teaching_space).toBeCloseTo(150, 9);
    expect(r.shortfallTotals.toStandard.sports_space).toBe(0);
  });

  it('no rooms anywhere: no CV, which neither passes nor is borderline, and no composite', () => {
    // A margin wider than the threshold: a CV taken as 0 would be "borderline".
    const profile = withCv({ borderlineMargin: 0.6 });
    const r = evaluateLevel('primary', level([450, 450], profile, { multimediaRooms: 0 }), profile);
    expect(r.indicators.multimedia_rooms!.cv).toBeNull();
    expect(r.indicators.multimedia_rooms!.cvPass).toBe(false);
    expect(r.indicators.multimedia_rooms!.borderline).toBe(false);
    expect(r.compositeCv).toBeNull();
    expect(r.allCvPass).toBe(false);
  });

  it('the mean rule (2012: 综合差异系数): the mean of the CVs, rounded, against the threshold (at it: passes)', () => {
    // CVs 0.25 and six of 0: composite 0.25 / 7 = 0.0357…, 0.036 at 3 decimals.
    const at = withCv({ rule: 'mean', threshold: { primary: 0.036, junior: 0.45 } });
    const r = evaluateLevel('primary', level([300, 500], at), at);
    expect(r.compositeCv).toBeCloseTo(0.25 / 7, 9);
    expect(r.allCvPass).toBe(false);
    expect(r.cvRulePass).toBe(true);
    const below = withCv({ rule: 'mean', threshold: { primary: 0.035, junior: 0.45 } });
    expect(evaluateLevel('primary', level([300, 500], below), below).cvRulePass).toBe(false);
  });

  it('the mean rule (2012: 综合差异系数) without a composite (a CV missing): not passed', () => {
    const profile = withCv({ rule: 'mean' });
    const r = evaluateLevel('primary', level([450, 450], profile, { multimediaRooms: 0 }), profile);
    expect(r.cvRulePass).toBe(false);
    expect(r.pass).toBe(false);
  });

  it('every CV passing does not pass a level with a school that is not compliant', () => {
    // 3 ㎡ is 67 % of 4.5: below the 85 % floor, so that school is not compliant; CVs under a threshold of 10.
    const profile = withCv({ threshold: { primary: 10, junior: 10 } });
    const r = evaluateLevel('primary', level([300, 500], profile), profile);
    expect(r.allCvPass).toBe(true);
    expect(r.cvRulePass).toBe(true);
    expect(r.compliantSchools).toBe(1);
    expect(r.pass).toBe(false);
  });
});

/** 甲 2 100 students (over 2 000), more up-to-standard music rooms than rooms; 乙 no room or class figures; a 特殊教育学校. */
function county(extra: Partial<SchoolRecord['resources']> = {}): SchoolRecord[] {
  return [
    school(
      '甲',
      '小学',
      { primary: 2100 },
      { ...primaryAtStandard(2100), ...extra },
      {
        items: { classes: 45, musicRooms: 1, musicRoomsUpToStandard: 2, artRooms: 4, artRoomsUpToStandard: 4 },
      },
    ),
    school('乙', '小学', { primary: 300 }, primaryAtStandard(300)),
    school('特教', '特殊教育学校', { primary: 50 }, primaryAtStandard(50)),
  ];
}

describe('evaluateCounty', () => {
  it('actions for the levels there are; the exclusion note with its reason; the school items’ issues', () => {
    const r = evaluateCounty('某县', county(), YOUZHI_2017);
    expect(Object.keys(r.actions)).toEqual(['primary']);
    const excluded = r.issues.filter((i) => i.code === 'SCHOOL_EXCLUDED');
    expect(excluded.map((i) => i.text)).toEqual([
      '不单独参与资源配置计算：特殊教育学校不参与资源配置指标及差异系数计算',
    ]);
    expect(r.issues.filter((i) => i.code === 'COUNTS_INCONSISTENT').map((i) => i.school)).toEqual(['甲']);
    expect(r.verdict.countyFiguresGiven).toBe(false);
    expect(evaluateCounty('某县', county(), YOUZHI_2017, new Map()).verdict.countyFiguresGiven).toBe(true);
  });

  it('no actions when asked for none, or when an amount is missing; the missing one named by row and field', () => {
    expect(evaluateCounty('某县', county(), YOUZHI_2017, null, new Map(), null).actions).toEqual({});
    const r = evaluateCounty('某县', county({ sportsSpace: undefined }), YOUZHI_2017);
    expect(r.actions).toEqual({});
    const missing = r.issues.filter((i) => i.code === 'MISSING_VALUE');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ school: '甲', row: 2, column: 'sportsSpace' });
  });

  it('the batch summary keeps no school record: names only, in the same lists', () => {
    const full = evaluateCounty('某县', county(), YOUZHI_2017);
    const s = summariseForBatch(full);
    expect(s.summary).toBe(true);
    expect(s.schools).toEqual([]);
    expect(s.schoolItems).toEqual([]);
    const name = (x: { name: string; county: string | null }) => ({ name: x.name, county: x.county });
    let failing = 0;
    let missing = 0;
    full.checklist.forEach((r, i) => {
      const got = s.checklist[i]!.schools;
      if (!r.schools) return expect(got).toBeNull();
      failing += r.schools.failing.length;
      missing += r.schools.missing.length;
      expect(got!.failing).toStrictEqual(r.schools.failing.map((f) => ({ ...f, school: name(f.school) })));
      expect(got!.notProvided).toStrictEqual(r.schools.notProvided.map(name));
      expect(got!.missing).toStrictEqual(
        r.schools.missing.map((m) => ({ fields: m.fields, schools: m.schools.map(name) })),
      );
    });
    // 甲 fails the size item (2 100 > 2 000); 乙 lacks the columns of the room and class items.
    expect(failing).toBeGreaterThan(0);
    expect(missing).toBeGreaterThan(0);
  });
});
