/**
 * levelActions (src/engine/actions.ts): the transfer alternative is offered for the teacher indicators (人, counted)
 * whose CV misses the target, the profile's threshold unless a --target is given; not for rooms, areas or 元, and
 * not for an indicator already under its target. Expectations from the rule (indicators.md §2.2, the CVs worked by
 * hand below), never from the engine.
 */
import { describe, expect, it } from 'vitest';
import { levelActions } from '../../src/engine/actions';
import { evaluateSection, type SectionResult } from '../../src/engine/compliance';
import { YOUZHI_2017 } from '../../src/engine/profile';
import { sectionSchool } from '../../src/engine/sections';
import type { SchoolRecord } from '../../src/engine/types';
import { primaryAtStandard, school } from '../helpers/records';

/**
 * Three primary schools of 1 000 students, at the standards but for:
 * - 县级及以上骨干教师 30, 10, 2: 3, 1, 0.2 per 100, county 1.4, S² = (1.6² + 0.4² + 1.2²)/3, CV 0.84 > 0.5;
 * - 高学历教师 70, 40, 25: 7, 4, 2.5 per 100, county 4.5, S² = (2.5² + 0.5² + 2²)/3 = 3.5, CV 0.416: under 0.5,
 *   over 0.3;
 * - 网络多媒体教室 60, 23, 5: CV far over 0.5, but rooms, not teachers.
 * 体艺教师 at the standard in all three: CV 0.
 */
function results(): SectionResult[] {
  const extra: Partial<SchoolRecord['resources']>[] = [
    { backboneTeachers: 30, qualifiedTeachers: 70, multimediaRooms: 60 },
    { backboneTeachers: 10, qualifiedTeachers: 40, multimediaRooms: 23 },
    { backboneTeachers: 2, qualifiedTeachers: 25, multimediaRooms: 5 },
  ];
  return extra.flatMap((e, k) => {
    const r = sectionSchool(
      school(`第${k + 1}小学`, '小学', { primary: 1000 }, { ...primaryAtStandard(1000), ...e }),
      YOUZHI_2017,
    );
    return 'sections' in r ? r.sections.map((s) => evaluateSection(s, YOUZHI_2017)) : [];
  });
}

describe('levelActions: the transfer alternative', () => {
  it('without a target: only the teacher indicator over the threshold, against the threshold', () => {
    const a = levelActions('primary', results(), YOUZHI_2017);
    expect(a.transfers.map((t) => [t.indicator.id, t.target])).toEqual([['backbone_teachers', 0.5]]);
    expect(a.transfers[0]!.status).not.toBe('already');
  });

  it('with a target: every teacher indicator over that target, against it', () => {
    const a = levelActions('primary', results(), YOUZHI_2017, { target: 0.3 });
    expect(a.transfers.map((t) => [t.indicator.id, t.target])).toEqual([
      ['qualified_teachers', 0.3],
      ['backbone_teachers', 0.3],
    ]);
  });
});
