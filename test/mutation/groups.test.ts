/**
 * evaluateGroups and evaluateUrbanRural (src/engine/groups.ts) at their edges: no county value to compare with
 * (ofCounty none), schools without a 学区 left out of the groups, and 乡村 ÷ 城区 only when both are there and
 * 城区 is not 0 (indicators.md §7).
 */
import { describe, expect, it } from 'vitest';
import { evaluateSections, type SectionResult } from '../../src/engine/compliance';
import { evaluateLevel } from '../../src/engine/evaluate';
import { evaluateGroups, evaluateUrbanRural } from '../../src/engine/groups';
import { YOUZHI_2017 } from '../../src/engine/profile';
import type { LevelResult } from '../../src/engine/results';
import { sectionSchool } from '../../src/engine/sections';
import type { SchoolRecord } from '../../src/engine/types';
import { primaryAtStandard, school } from '../helpers/records';

const profile = YOUZHI_2017;

function sections(...schools: SchoolRecord[]): SectionResult[] {
  return evaluateSections(
    schools.flatMap((s) => {
      const r = sectionSchool(s, profile);
      return 'sections' in r ? r.sections : [];
    }),
    profile,
  );
}
const at = (name: string, extra: Partial<SchoolRecord>, resources: Partial<SchoolRecord['resources']> = {}) =>
  school(name, '小学', { primary: 100 }, { ...primaryAtStandard(100), ...resources }, extra);

describe('evaluateGroups', () => {
  it('only schools with a 学区; ofCounty against the county value, none without one', () => {
    const rs = sections(at('甲', { group: 'G1' }), at('乙', {}), at('丙', { group: 'G1' }));
    const levels = { primary: evaluateLevel('primary', rs, profile) };
    const g = evaluateGroups(rs, levels, profile);
    expect(g.map((x) => [x.group, x.schoolCount, x.students])).toEqual([['G1', 2, 200]]);
    expect(g[0]!.indicators.teaching_space!.ofCounty).toBeCloseTo(1, 12);
    // No level result (nothing to compare with), or one without this indicator: no ratio.
    expect(evaluateGroups(rs, {}, profile)[0]!.indicators.teaching_space!.ofCounty).toBeNull();
    const without = { primary: { indicators: {} } as unknown as LevelResult };
    expect(evaluateGroups(rs, without, profile)[0]!.indicators.teaching_space!.ofCounty).toBeNull();
  });
});

describe('evaluateUrbanRural: 乡村 ÷ 城区', () => {
  const ratio = (rs: SectionResult[]) =>
    evaluateUrbanRural(rs, { primary: evaluateLevel('primary', rs, profile) }, profile)[0]!.ruralToUrban;

  it('both there: 乡村 6 ÷ 城区 4.5 ㎡ a student', () => {
    const r = ratio(
      sections(at('城', { urbanRural: '城区' }), at('乡', { urbanRural: '乡村' }, { teachingSpace: 600 })),
    );
    expect(r.teaching_space).toBeCloseTo(6 / 4.5, 12);
  });

  it('no 乡村, or no 城区, or a 城区 value of 0: none', () => {
    expect(
      ratio(sections(at('城', { urbanRural: '城区' }), at('镇', { urbanRural: '镇区' }))).teaching_space,
    ).toBeNull();
    expect(
      ratio(sections(at('乡', { urbanRural: '乡村' }), at('镇', { urbanRural: '镇区' }))).teaching_space,
    ).toBeNull();
    const zero = ratio(
      sections(at('城', { urbanRural: '城区' }, { multimediaRooms: 0 }), at('乡', { urbanRural: '乡村' })),
    );
    expect(zero.multimedia_rooms).toBeNull();
    expect(zero.teaching_space).toBeCloseTo(1, 12);
  });
});
