/**
 * mergeTeachingPoints (src/engine/teaching-points.ts): under a profile that merges 教学点 into their 所属中心校
 * (indicators.md §2.3), a point's students, resources and classes are added to its parent's primary section; a point
 * whose parent is not a primary school of the file stays, with a warning. Under the default rule nothing changes.
 */
import { describe, expect, it } from 'vitest';
import { YOUZHI_2017, type Profile } from '../../src/engine/profile';
import { mergeTeachingPoints } from '../../src/engine/teaching-points';
import type { SchoolRecord } from '../../src/engine/types';
import { school } from '../helpers/records';

const merging = (): Profile => {
  const p = structuredClone(YOUZHI_2017);
  return { ...p, exclusions: { ...p.exclusions, teachingPoints: 'merge' } };
};

const center = () =>
  school(
    '甲中心校',
    '小学',
    { primary: 300 },
    { teachingSpace: 1000, qualifiedTeachers: 15 },
    {
      items: { classes: 10, maxClassSize: 45 },
    },
  );
const point = (name: string, parent: string | undefined, extra: Partial<SchoolRecord> = {}) =>
  school(
    name,
    '教学点',
    { primary: 20 },
    { teachingSpace: 100, multimediaRooms: 1 },
    {
      items: { classes: 2, maxClassSize: 30 },
      ...(parent === undefined ? {} : { parent }),
      ...extra,
    },
  );

describe('mergeTeachingPoints', () => {
  it('the default rule: the schools as they are, nothing merged', () => {
    const schools = [center(), point('村点', '甲中心校')];
    const r = mergeTeachingPoints(schools, YOUZHI_2017);
    expect(r.schools).toEqual(schools);
    expect(r.schools).not.toBe(schools);
    expect(r.merged).toEqual([]);
    expect(r.issues).toEqual([]);
  });

  it('merged: students, resources (a field the parent lacks too) and classes added; the largest class kept', () => {
    const parent = center();
    const p = point('村点', '甲中心校');
    const r = mergeTeachingPoints([p, parent], merging());
    expect(r.schools).toHaveLength(1);
    const [m] = r.schools;
    expect(m!.name).toBe('甲中心校');
    expect(m!.students).toEqual({ primary: 320 });
    expect(m!.resources).toEqual({ teachingSpace: 1100, qualifiedTeachers: 15, multimediaRooms: 1 });
    expect(m!.items).toEqual({ classes: 12, maxClassSize: 45 });
    expect(r.merged).toEqual([{ school: p, reason: '教学点并入所属中心校“甲中心校”计算' }]);
    expect(r.issues).toEqual([]);
    // The records read are left as they were.
    expect(parent.students).toEqual({ primary: 300 });
    expect(parent.resources).toEqual({ teachingSpace: 1000, qualifiedTeachers: 15 });
    expect(parent.items).toEqual({ classes: 10, maxClassSize: 45 });
  });

  it('a parent with a 小学部 column: the point’s figure goes to that column, the others to the whole school', () => {
    const parent = school(
      '甲中心校',
      '九年一贯制',
      { primary: 300, junior: 200 },
      { teachingSpace: 3000 },
      {
        sectionResources: { primary: { teachingSpace: 1200 } },
      },
    );
    const r = mergeTeachingPoints([parent, point('村点', '甲中心校')], merging());
    const [m] = r.schools;
    expect(m!.sectionResources.primary).toEqual({ teachingSpace: 1300 });
    expect(m!.resources).toEqual({ teachingSpace: 3000, multimediaRooms: 1 });
    expect(m!.students).toEqual({ primary: 320, junior: 200 });
    expect(parent.sectionResources.primary).toEqual({ teachingSpace: 1200 });
  });

  it('no parent, a parent not in the file, a parent with no primary section: kept, after the schools, with a warning', () => {
    const junior = school('乙初中', '初中', { junior: 400 }, {});
    const none = point('无点', undefined);
    const away = point('外点', '丙中心校');
    const toJunior = point('初点', '乙初中');
    const r = mergeTeachingPoints([none, center(), away, junior, toJunior], merging());
    expect(r.schools.map((s) => s.name)).toEqual(['甲中心校', '乙初中', '无点', '外点', '初点']);
    expect(r.merged).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.school, i.row])).toEqual([
      ['PARENT_NOT_FOUND', '无点', 2],
      ['PARENT_NOT_FOUND', '外点', 2],
      ['PARENT_NOT_FOUND', '初点', 2],
    ]);
    expect(r.issues[0]!.text).toBe('所属中心校“（未填）”不在本县学校中，教学点无法并入，按不足50人排除的规则处理');
    expect(r.issues[1]!.text).toContain('所属中心校“丙中心校”');
  });

  it('a point whose parent is another 教学点: not merged into it, a warning', () => {
    const r = mergeTeachingPoints([center(), point('村点', '甲中心校'), point('外点', '村点')], merging());
    expect(r.merged.map((m) => m.school.name)).toEqual(['村点']);
    expect(r.issues.map((i) => [i.code, i.school])).toEqual([['PARENT_NOT_FOUND', '外点']]);
    expect(r.schools.map((s) => s.name)).toEqual(['甲中心校', '外点']);
  });
});
