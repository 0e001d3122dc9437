/**
 * 教学点 merged into their 所属中心校 (profile exclusions.teachingPoints = 'merge'): the point's
 * students, resources and classes are added to its parent's primary section, as some provinces
 * count them. With the default rule nothing happens here (small points are excluded later).
 */
import { makeIssue, type Issue } from '../issues/catalogue';
import type { Profile } from './profile';
import type { Exclusion } from './sections';
import type { SchoolRecord } from './types';

export function mergeTeachingPoints(
  schools: readonly SchoolRecord[],
  profile: Profile,
): { schools: SchoolRecord[]; merged: Exclusion[]; issues: Issue[] } {
  if (profile.exclusions.teachingPoints !== 'merge') return { schools: [...schools], merged: [], issues: [] };
  const byName = new Map(
    schools
      .filter((s) => s.type !== '教学点')
      .map((s) => [
        s.name,
        {
          ...s,
          students: { ...s.students },
          resources: { ...s.resources },
          sectionResources: {
            ...s.sectionResources,
            primary: s.sectionResources.primary && { ...s.sectionResources.primary },
          },
          items: { ...s.items },
        },
      ]),
  );
  const merged: Exclusion[] = [];
  const issues: Issue[] = [];
  const kept: SchoolRecord[] = [];
  for (const s of schools) {
    if (s.type !== '教学点') continue;
    const parent = s.parent ? byName.get(s.parent) : undefined;
    if (!parent || !('primary' in parent.students)) {
      issues.push(
        makeIssue(
          'PARENT_NOT_FOUND',
          { sheet: s.source.sheet, row: s.source.row, school: s.name, county: s.county },
          { parent: s.parent ?? '（未填）', min: profile.exclusions.teachingPointMinStudents },
        ),
      );
      kept.push(s);
      continue;
    }
    parent.students.primary = (parent.students.primary ?? 0) + (s.students.primary ?? 0);
    for (const [field, amount] of Object.entries(s.resources) as [keyof SchoolRecord['resources'], number][]) {
      const section = parent.sectionResources.primary;
      if (section && section[field] !== undefined) section[field] = section[field] + amount;
      else parent.resources[field] = (parent.resources[field] ?? 0) + amount;
    }
    for (const [field, n] of Object.entries(s.items) as [keyof SchoolRecord['items'], number][])
      if (field !== 'maxClassSize') parent.items[field] = (parent.items[field] ?? 0) + n;
    merged.push({ school: s, reason: `教学点并入所属中心校“${parent.name}”计算` });
  }
  const out = schools.filter((s) => s.type !== '教学点').map((s) => byName.get(s.name)!);
  return { schools: [...out, ...kept], merged, issues };
}
