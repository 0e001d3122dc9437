/**
 * sectionSchool (src/engine/sections.ts) from outside: indicators.md §2.3–2.4. A 九年一贯制 school's whole-school
 * teachers are split by plain students, its facilities by weighted students (1 : 1.1); the indicator that first
 * reads a field decides how it is split. Each test uses its own copy of the profile: the split of each field is
 * made once per profile object, so a copy makes this test the one that computes it. Expectations worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { YOUZHI_2017, type Profile } from '../../src/engine/profile';
import { cellOf, sectionSchool, type Section } from '../../src/engine/sections';
import type { CellRef, SchoolRecord } from '../../src/engine/types';
import { school } from '../helpers/records';

const copy = (): Profile => structuredClone(YOUZHI_2017);

/** 166 primary + 210 junior students (the public worked example), no 小学部 / 初中部 columns, no 体育场馆 figure. */
const yiguan = (resources: SchoolRecord['resources']) =>
  school('一贯制学校', '九年一贯制', { primary: 166, junior: 210 }, resources);

function sections(s: SchoolRecord, profile: Profile): Section[] {
  const r = sectionSchool(s, profile);
  if (!('sections' in r)) throw new Error(`excluded: ${r.excluded.reason}`);
  return r.sections;
}

describe('sectionSchool: the split of a 九年一贯制 school', () => {
  it('facilities by 1 : 1.1, teachers by students, a field the row lacks stays missing', () => {
    const [p, j] = sections(yiguan({ teachingSpace: 23226, qualifiedTeachers: 376 }), copy());
    // 23226 × 166 / (166 + 1.1 × 210) = 23226 × 166 / 397; junior 23226 × 231 / 397.
    expect(p!.amounts.teachingSpace).toBeCloseTo((23226 * 166) / 397, 9);
    expect(j!.amounts.teachingSpace).toBeCloseTo((23226 * 231) / 397, 9);
    // 376 teachers by 166 : 210.
    expect(p!.amounts.qualifiedTeachers).toBeCloseTo(166, 9);
    expect(j!.amounts.qualifiedTeachers).toBeCloseTo(210, 9);
    expect(p!.amounts.sportsSpace).toBeUndefined();
    expect(j!.amounts.sportsSpace).toBeUndefined();
    expect(p!.split).toEqual({
      teacherShare: 166 / 376,
      facilityShare: 166 / 397,
      weights: { primary: 1, junior: 1.1 },
      givenFields: [],
    });
    expect(j!.split!.givenFields).toEqual([]);
  });

  it('the first indicator reading a field decides its split', () => {
    const base = copy();
    const equipment = base.indicators.find((i) => i.id === 'equipment_value')!;
    // An indicator by students on 教学仪器设备值 before the weighted one: the field is split by students.
    const profile: Profile = {
      ...base,
      indicators: [{ ...equipment, id: 'equipment_by_students', split: 'students' }, ...base.indicators],
    };
    const [p, j] = sections(yiguan({ equipmentValue: 37600, teachingSpace: 3970 }), profile);
    expect(p!.amounts.equipmentValue).toBeCloseTo(16600, 9);
    expect(j!.amounts.equipmentValue).toBeCloseTo(21000, 9);
    // Another field, read by a weighted indicator only, is still weighted: 3970 × 166 / 397 = 1660.
    expect(p!.amounts.teachingSpace).toBeCloseTo(1660, 9);
  });
});

describe('sectionSchool: schools left out', () => {
  it('a school with no compulsory students, with the reason', () => {
    const r = sectionSchool(school('空校', '小学', { primary: 0 }, {}), copy());
    expect(r).toEqual({ excluded: { school: expect.anything(), reason: '义务教育阶段在校生为0' } });
  });
});

describe('cellOf', () => {
  it('the section’s own column first, else the whole-school one', () => {
    const own: CellRef = { cell: 'E3', column: '初中部教学及辅助用房面积', unitFactor: 1 };
    const whole: CellRef = { cell: 'I3', column: '教学及辅助用房面积', unitFactor: 1 };
    const cells = { 'junior:teachingSpace': own, teachingSpace: whole, sportsSpace: whole };
    const s = school(
      '校',
      '九年一贯制',
      { primary: 100, junior: 100 },
      { teachingSpace: 1, sportsSpace: 1 },
      {
        source: { sheet: '学校', row: 3, cells },
      },
    );
    const [p, j] = sections(s, copy());
    expect(cellOf(j!, 'teachingSpace')).toBe(own);
    expect(cellOf(p!, 'teachingSpace')).toBe(whole);
    expect(cellOf(j!, 'sportsSpace')).toBe(whole);
  });
});
