/** Small builders for school records in engine tests. */
import type { SchoolRecord, SchoolType } from '../../src/engine/types';

export function school(
  name: string,
  type: SchoolType,
  students: SchoolRecord['students'],
  resources: SchoolRecord['resources'],
  extra: Partial<SchoolRecord> = {},
): SchoolRecord {
  return {
    name,
    county: null,
    type,
    ownership: '公办',
    students,
    resources,
    sectionResources: {},
    items: {},
    source: { sheet: '测试', row: 2, cells: {} },
    ...extra,
  };
}

/** Resources at exactly the 2017 primary standards for P students (× factor). */
export function primaryAtStandard(P: number, factor = 1): SchoolRecord['resources'] {
  return {
    qualifiedTeachers: (4.2 * P * factor) / 100,
    backboneTeachers: (1.0 * P * factor) / 100,
    peArtsTeachers: (0.9 * P * factor) / 100,
    teachingSpace: 4.5 * P * factor,
    sportsSpace: 7.5 * P * factor,
    equipmentValue: 2000 * P * factor,
    multimediaRooms: (2.3 * P * factor) / 100,
  };
}
